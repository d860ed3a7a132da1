"""Run inside real QGIS desktop (qgis.bin --code): load/unload the plugin twice and record what is left.

Writes JSON to the path in SOZIALPLANUNG_LIFECYCLE_OUT, then quits QGIS.
"""

import json
import os
import sys
import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget
from qgis.utils import iface, loadPlugin, startPlugin, unloadPlugin

HEAVY = ("pandas", "geopandas", "scipy", "matplotlib", "sklearn")
NAME = "sozialplanung_plugin"


def flush():
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def state():
    flush()
    main = iface.mainWindow()
    provider = QgsApplication.processingRegistry().providerById("sozialplanung")
    return {
        "provider": provider is not None,
        "algorithms": sorted(a.name() for a in provider.algorithms()) if provider else [],
        "docks": sorted(
            d.objectName() for d in main.findChildren(QDockWidget) if d.objectName().startswith("Sozialplanung")
        ),
        "actions": sorted(
            a.objectName() for a in main.findChildren(QAction) if a.objectName().startswith("sozialplanung")
        ),
        "plugin_menu": [a.text() for a in iface.pluginMenu().actions() if "Sozialplanung" in a.text()],
        "heavy_loaded": [m for m in HEAVY if m in sys.modules],
    }


def main():
    result = {"heavy_before": [m for m in HEAVY if m in sys.modules], "rounds": []}
    for _ in range(2):
        start = time.perf_counter()
        ok_load = loadPlugin(NAME)
        ok_start = startPlugin(NAME)
        elapsed = time.perf_counter() - start
        loaded = state()
        # open the catalogue dock as a user would: its action in the plugin menu
        docks = [
            d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "SozialplanungCatalogueDock"
        ]
        if docks:
            docks[0].show()
            flush()
            loaded["catalogue_rows"] = sum(
                docks[0].tree.topLevelItem(i).childCount() for i in range(docks[0].tree.topLevelItemCount())
            )
        unloadPlugin(NAME)
        result["rounds"].append(
            {
                "load_ok": bool(ok_load),
                "start_ok": bool(ok_start),
                "load_seconds": elapsed,
                "loaded": loaded,
                "unloaded": state(),
            }
        )
    with open(os.environ["SOZIALPLANUNG_LIFECYCLE_OUT"], "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=1)


try:
    main()
except Exception as err:  # write what happened instead of leaving QGIS waiting on an error dialog
    with open(os.environ["SOZIALPLANUNG_LIFECYCLE_OUT"], "w", encoding="utf-8") as fh:
        json.dump({"error": repr(err)}, fh)
finally:
    QTimer.singleShot(0, QgsApplication.instance().quit)
