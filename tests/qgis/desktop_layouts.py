"""Run inside real QGIS desktop (qgis.bin --code): the map-sheet algorithms from their dialogs, as a planner would.

Phase "run" (SOZIALPLANUNG_LAYOUTS_PHASE): opens the dialog of overviewmapsheets and of profileatlas, runs it,
closes the dialog (the algorithm instance and everything Python held for it are collected), opens each layout the
run added in the layout designer and renders it, saves the project, clears it, reads it back and renders again.
Phase "restart": a new QGIS process opens the saved project and renders every layout once more.

Writes JSON to SOZIALPLANUNG_LAYOUTS_OUT, then quits QGIS. A crash (signal 11) leaves no JSON.
Inputs: SOZIALPLANUNG_LAYOUTS_INPUT (social spaces), SOZIALPLANUNG_LAYOUTS_MUNI (municipalities),
SOZIALPLANUNG_LAYOUTS_DIR (outputs, the project file).
"""

import gc
import json
import os

from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QSize, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.utils import iface, loadPlugin, startPlugin

NAME = "sozialplanung_plugin"
OUT_DIR = os.environ.get("SOZIALPLANUNG_LAYOUTS_DIR", "")
PROJECT = os.path.join(OUT_DIR, "planung.qgz")


def flush():
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()


def colours_in(image, step=2):
    """Distinct opaque colours of an image (every step-th pixel), as '#rrggbb' -> count."""
    counts = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            name = QColor(image.pixel(x, y)).name()
            counts[name] = counts.get(name, 0) + 1
    return counts


def fill_colours(layer):
    """The fill colours of a layer's renderer symbols (rule-based, categorized, graduated or single)."""
    from qgis.core import QgsRenderContext

    renderer = layer.renderer()
    if renderer is None:
        return []
    ctx = QgsRenderContext()
    return [s.color().name() for s in renderer.symbols(ctx)]


def render(layout, tag):
    """Render page 1 (the first atlas page for an atlas) to a PNG; report what it shows."""
    atlas = layout.atlas()
    if atlas.enabled():
        atlas.beginRender()
        atlas.first()
    exporter = QgsLayoutExporter(layout)
    image = exporter.renderPageToImage(0, QSize(900, 0), 60)
    if atlas.enabled():
        atlas.endRender()
    path = os.path.join(OUT_DIR, f"{tag}.png")
    image.save(path)
    present = colours_in(image)
    info = {"png": path, "size": [image.width(), image.height()], "maps": [], "legends": [], "tables": []}
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            layers = item.layers()
            info["maps"].append(
                {
                    "id": item.id(),
                    "layers": [
                        {
                            "name": lyr.name(),
                            "valid": lyr.isValid(),
                            "provider": lyr.providerType(),
                            "features": lyr.featureCount(),
                            "in_project": QgsProject.instance().mapLayer(lyr.id()) is not None,
                            "colours": fill_colours(lyr),
                            "colours_seen": [c for c in fill_colours(lyr) if present.get(c, 0) >= 3],
                        }
                        for lyr in layers
                    ],
                }
            )
        elif isinstance(item, QgsLayoutItemLegend):
            root = item.model().rootGroup()
            nodes = root.findLayers() if root is not None else []
            info["legends"].append(
                {
                    "layers": [n.name() for n in nodes],
                    "titles": [n.customProperty("legend/title-label") or n.name() for n in nodes],
                    "resolved": [n.layer() is not None for n in nodes],
                    "in_project": [
                        n.layer() is not None and QgsProject.instance().mapLayer(n.layer().id()) is not None
                        for n in nodes
                    ],
                }
            )
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            lyr = frame.vectorLayer()
            info["tables"].append({"layer": lyr.name() if lyr else None, "columns": len(frame.columns())})
    if atlas.enabled():
        cov = atlas.coverageLayer()
        info["atlas"] = {
            "coverage": cov.name() if cov else None,
            "in_project": cov is not None and QgsProject.instance().mapLayer(cov.id()) is not None,
            "count": atlas.updateFeatures(),
        }
    return info


def render_all(tag, with_designer=True):
    out = {}
    manager = QgsProject.instance().layoutManager()
    for n, layout in enumerate(sorted(manager.printLayouts(), key=lambda lay: lay.name())):
        designer = iface.openLayoutDesigner(layout) if with_designer else None
        flush()
        out[layout.name()] = render(layout, f"{tag}_{n}")
        if designer is not None:
            designer.close()
            flush()
    return out


MODAL_TEXTS = []


def close_modal_boxes():
    """A message box the dialog opens (a refused parameter, an error) would wait for a click for ever: its text is
    kept (and reported as the result's error) and the box closed."""
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        MODAL_TEXTS.append(box.text())
        box.done(0)


WATCHDOG = QTimer()
WATCHDOG.timeout.connect(close_modal_boxes)
WATCHDOG.start(500)


def run_dialog(alg_id, params):
    """The algorithm's own dialog (the one the toolbox opens): parameters set, Run, then closed and deleted."""
    import processing

    dialog = processing.createAlgorithmDialog(alg_id, params)
    dialog.show()
    flush()
    dialog.runAlgorithm()
    if MODAL_TEXTS:
        raise RuntimeError(f"{alg_id}: the dialog said: {MODAL_TEXTS}")
    flush()
    from qgis.PyQt.QtWidgets import QTextEdit

    text = "\n".join(w.toPlainText() for w in dialog.findChildren(QTextEdit))
    dialog.close()
    dialog.deleteLater()
    del dialog
    flush()
    return text


def phase_run():
    loadPlugin(NAME)
    startPlugin(NAME)
    project = QgsProject.instance()
    spaces = QgsVectorLayer(os.environ["SOZIALPLANUNG_LAYOUTS_INPUT"], "Sozialräume", "ogr")
    muni = QgsVectorLayer(os.environ["SOZIALPLANUNG_LAYOUTS_MUNI"], "Gemeinden", "ogr")
    project.addMapLayers([spaces, muni])
    logs = {}
    logs["overview"] = run_dialog(
        "sozialplanung:overviewmapsheets",
        {
            "INPUT": spaces.id(),
            "FIELDS": ["kinderarmut_sgb2_u15_2025"],
            "NAME_FIELD": "name",
            "MUNICIPALITIES": muni.id(),
            "MUNICIPALITY_NAME": "name",
            "DPI": 72,
            "OUTPUT": os.path.join(OUT_DIR, "uebersicht.pdf"),
        },
    )
    logs["atlas"] = run_dialog(
        "sozialplanung:profileatlas",
        {
            "INPUT": spaces.id(),
            "MUNICIPALITIES": muni.id(),
            "MUNICIPALITY_NAME": "name",
            "DPI": 72,
            "OUTPUT": os.path.join(OUT_DIR, "steckbriefe.pdf"),
        },
    )
    access = os.environ.get("SOZIALPLANUNG_LAYOUTS_ACCESS")
    if access:  # accessgaps' map sheets per facility type
        acc = QgsVectorLayer(os.path.join(access, "access.gpkg"), "Erreichbarkeit", "ogr")
        need = QgsVectorLayer(os.path.join(access, "need.gpkg"), "Bedarf", "ogr")
        fac = QgsVectorLayer(os.path.join(access, "facilities.gpkg"), "Einrichtungen", "ogr")
        if not (acc.isValid() and need.isValid() and fac.isValid()):
            raise RuntimeError(f"access inputs not readable in {access}")
        project.addMapLayers([acc, need, fac])
        logs["access"] = run_dialog(
            "sozialplanung:accessgaps",
            {
                "INPUT": acc.id(),
                "NEED": need.id(),
                "NEED_FIELD": "si_class",
                "NEED_OP": 1,
                "NEED_VALUE": 3,
                "MIN_SHARE": 80,
                "FACILITIES": fac.id(),
                "TYPE_FIELD": "art",
                "MAPS": os.path.join(OUT_DIR, "erreichbarkeit.pdf"),
            },
        )
    result = {"logs": logs, "first": render_all("first")}
    result["saved"] = project.write(PROJECT)
    project.clear()
    flush()
    result["read"] = project.read(PROJECT)
    flush()
    result["reopened"] = render_all("reopened")
    return result


def phase_restart():
    project = QgsProject.instance()
    ok = project.read(PROJECT)
    flush()
    return {"read": ok, "restarted": render_all("restarted")}


def main():
    phase = os.environ.get("SOZIALPLANUNG_LAYOUTS_PHASE", "run")
    result = phase_run() if phase == "run" else phase_restart()
    with open(os.environ["SOZIALPLANUNG_LAYOUTS_OUT"], "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=1)


try:
    main()
except Exception as err:  # write what happened instead of leaving QGIS waiting on an error dialog
    import traceback

    with open(os.environ["SOZIALPLANUNG_LAYOUTS_OUT"], "w", encoding="utf-8") as fh:
        json.dump({"error": repr(err), "trace": traceback.format_exc()}, fh)
finally:
    QTimer.singleShot(0, QgsApplication.instance().quit)
