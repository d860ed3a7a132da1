"""Dock widgets and dialogs, built in code (no .ui files; Qt only via qgis.PyQt)."""
