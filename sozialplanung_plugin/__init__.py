"""Sozialplanung: social planning for German counties and cities in QGIS.

Only ``classFactory`` lives here; nothing heavy is imported when QGIS loads the plugin.
"""


def classFactory(iface):  # noqa: N802 (QGIS naming)
    """Entry point QGIS (and qgis_process, with iface=None) calls to create the plugin."""
    from .plugin import SozialplanungPlugin

    return SozialplanungPlugin(iface)
