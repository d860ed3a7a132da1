"""Small helpers shared by algorithms and docks: paths, version, translation, logging."""
