"""Run inside real QGIS desktop (qgis.bin --code) twice with the same profile: the docks after a restart.

Phase 'set' (SOZIALPLANUNG_RESTART_PHASE): open the catalogue dock, search, filter, select an indicator, quit
QGIS the normal way (main window closed: QGIS saves its window state, the plugin is unloaded). Phase 'check':
report what the dock shows after the new start. Writes JSON to SOZIALPLANUNG_RESTART_OUT.
"""

import json
import os
import traceback

from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface

OUT = os.environ["SOZIALPLANUNG_RESTART_OUT"]
PHASE = os.environ.get("SOZIALPLANUNG_RESTART_PHASE", "set")


def docks():
    return {
        d.objectName(): d
        for d in iface.mainWindow().findChildren(QDockWidget)
        if d.objectName().startswith("Sozialplanung")
    }


def run():
    result = {"phase": PHASE}
    try:
        for _ in range(5):
            QCoreApplication.processEvents()
        found = docks()
        result["docks"] = sorted(found)
        cat = found["SozialplanungCatalogueDock"]
        if PHASE == "set":
            cat.show()
            QCoreApplication.processEvents()
            cat.search.setText("armut")
            cat.kind_combo.setCurrentIndex(cat.kind_combo.findData("status"))
            cat.select("altersarmut_65plus")
            result["visible_ids"] = cat.visible_ids()
        else:
            result.update(
                visible=cat.isVisible(),
                search=cat.search.text(),
                kind=cat.kind_combo.currentData(),
                current=cat.current_id(),
                visible_ids=cat.visible_ids(),
                profile_visible=found["SozialplanungProfileDock"].isVisible(),
            )
    except Exception:  # noqa: BLE001 - report instead of leaving QGIS open on an error dialog
        result["error"] = traceback.format_exc()
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    iface.mainWindow().close()


QTimer.singleShot(1000, run)
