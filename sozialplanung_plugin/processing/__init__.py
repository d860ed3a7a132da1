"""Processing provider and algorithms: one module per algorithm on the shared base (base.py)."""
