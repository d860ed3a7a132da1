"""Run inside real QGIS desktop (qgis.bin --code): both map-sheet algorithms with the desktop project.

Checks that the generated layouts (and the layers they use) land in the project for manual finishing.
Input layer path in SOZIALPLANUNG_MAPS_INPUT; writes JSON to SOZIALPLANUNG_MAPS_OUT, then quits QGIS.
"""

import json
import os

from qgis.core import (
    QgsApplication,
    QgsLayoutItemAttributeTable,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QTimer
from qgis.utils import loadPlugin, startPlugin

NAME = "sozialplanung_plugin"


def main():
    import processing

    loadPlugin(NAME)
    startPlugin(NAME)
    src, out_dir = os.environ["SOZIALPLANUNG_MAPS_INPUT"], os.environ["SOZIALPLANUNG_MAPS_DIR"]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run(
        "sozialplanung:overviewmapsheets",
        {
            "INPUT": src,
            "FIELDS": ["kinderarmut_sgb2_u15_2024", "kinderarmut_sgb2_u15_2025"],
            "METHOD": 2,
            "CLASSES": 2,
            "DPI": 72,
            "OUTPUT": os.path.join(out_dir, "ov.pdf"),
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    processing.run(
        "sozialplanung:profileatlas",
        {"INPUT": src, "DPI": 72, "OUTPUT": os.path.join(out_dir, "pr.pdf")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    manager = QgsProject.instance().layoutManager()
    layouts = {}
    for lay in manager.printLayouts():
        info = {
            "pages": lay.pageCollection().pageCount(),
            "atlas": lay.atlas().enabled(),
            "atlas_count": lay.atlas().updateFeatures() if lay.atlas().enabled() else 0,
        }
        tables = [m for m in lay.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)]
        if tables and lay.atlas().enabled():
            lay.atlas().beginRender()
            lay.atlas().first()
            tables[0].refreshAttributes()
            info["table_rows_first_page"] = len(tables[0].contents())
            lay.atlas().endRender()
        layouts[lay.name()] = info
    layers = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    with open(os.environ["SOZIALPLANUNG_MAPS_OUT"], "w", encoding="utf-8") as fh:
        json.dump({"layouts": layouts, "layers": layers}, fh, indent=1)


try:
    main()
except Exception as err:  # write what happened instead of leaving QGIS waiting on an error dialog
    import traceback

    with open(os.environ["SOZIALPLANUNG_MAPS_OUT"], "w", encoding="utf-8") as fh:
        json.dump({"error": repr(err), "trace": traceback.format_exc()}, fh)
finally:
    QTimer.singleShot(0, QgsApplication.instance().quit)
