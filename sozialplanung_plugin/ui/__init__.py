"""Dock widgets and dialogs (.ui files loaded by path; Qt only via qgis.PyQt)."""
