"""Screenshots for docs/img (issue 19), made from real runs on the demo county and checked for what they show.

With SOZIALPLANUNG_SCREENSHOT_DIR set (e.g. docs/img) the pictures are kept there, else in the test's tmp folder:
the dialogs (compositeindex with the Berlin MSS preset, aggregateindicators), the layers as they land in the
project (styled), the Berlin MSS status x dynamics legend and its overview map sheet.
"""

import shutil
import subprocess
import sys

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from ..helpers import open_dialog, panel, pdf_text, set_input, shot_dir

sys.path.append("/usr/share/qgis/python/plugins")


@pytest.fixture(scope="module")
def demo(qgis_app, demo_dir, tmp_path_factory):
    """The demo county's social spaces (2014, 2024, 2025) and the Berlin MSS index on them, in a GeoPackage."""
    import processing

    src = demo_dir / "rbk_demo.gpkg"
    gpkg = tmp_path_factory.mktemp("shots") / "demo.gpkg"
    processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": f"{src}|layername=blocks",
            "UNIT_KEY": "block_id",
            "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in (2014, 2024, 2025)],
            "INDICATORS": "einwohner,sgb2_quote,kinderarmut_sgb2_u15,arbeitslose_anteil,jugendarbeitslosigkeit",
            "LEVEL_FIELDS": ["sr_id"],
            "LEVEL_NAME_FIELDS": ["sr_name"],
            "COUNTY": False,
            "OUTPUT_1": f"ogr:dbname='{gpkg}' table=\"spaces\" (geom)",
        },
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )
    ids = ["sgb2_quote", "kinderarmut_sgb2_u15", "arbeitslose_anteil"]
    processing.run(
        "sozialplanung:compositeindex",
        {
            "INPUT": f"{gpkg}|layername=spaces",
            "KEY_FIELD": "key",
            "PRESET": 1,
            "INDICATORS": [f"{i}_2025" for i in ids],
            "DYNAMICS_FIELDS": [f"{i}_chg_2014_2025" for i in ids],
            "POPULATION_FIELD": "einwohner_2025",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"mss\" (geom)",
        },
        context=QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )
    blocks = gpkg.parent / "bloecke.gpkg"  # a copy: the shipped GeoPackage is never left open
    shutil.copy(src, blocks)
    return {
        "gpkg": gpkg,
        "blocks": f"{blocks}|layername=blocks",
        "tables": [str(demo_dir / f"bloecke_{y}.csv") for y in (2014, 2024, 2025)],
        "spaces": f"{gpkg}|layername=spaces",
        "mss": f"{gpkg}|layername=mss",
        "municipalities": f"{src}|layername=municipalities",
    }


def layer_picture(layer, path, title, width_mm=260, height_mm=150):
    """The layer with its own style and legend (as it lands in the project) rendered to a PNG; returns the image."""
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
    )

    from sozialplanung_plugin.compat import LayoutUnit
    from sozialplanung_plugin.processing import _layouts as L

    project = QgsProject()
    project.addMapLayer(layer)
    lay = QgsPrintLayout(project)
    lay.initializeDefaults()
    lay.pageCollection().page(0).setPageSize(QgsLayoutSize(width_mm, height_mm, LayoutUnit.Millimeters))
    label = QgsLayoutItemLabel(lay)
    label.setText(title)
    L.set_label_font(label, 13, True)
    lay.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(6, 4, LayoutUnit.Millimeters))
    label.attemptResize(QgsLayoutSize(width_mm - 12, 9, LayoutUnit.Millimeters))
    mp = QgsLayoutItemMap(lay)
    lay.addLayoutItem(mp)
    mp.attemptMove(QgsLayoutPoint(6, 15, LayoutUnit.Millimeters))
    mp.attemptResize(QgsLayoutSize(width_mm * 0.55, height_mm - 21, LayoutUnit.Millimeters))
    mp.setCrs(layer.crs())
    mp.setLayers([layer])
    L.zoom_map(mp, layer.extent(), 1.03)
    legend = QgsLayoutItemLegend(lay)
    lay.addLayoutItem(legend)
    legend.setLinkedMap(mp)
    legend.setTitle("")
    L.set_legend_layers(legend, [(layer, layer.name())])
    legend.attemptMove(QgsLayoutPoint(width_mm * 0.55 + 10, 15, LayoutUnit.Millimeters))
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    assert QgsLayoutExporter(lay).exportToImage(str(path), settings) == QgsLayoutExporter.ExportResult.Success
    from qgis.PyQt.QtGui import QImage

    return QImage(str(path))


def colours_of(image, step=3):
    from qgis.PyQt.QtGui import QColor

    seen = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = QColor(image.pixel(x, y)).name()
            seen[c] = seen.get(c, 0) + 1
    return seen


def test_screenshot_styled_indicator_layer(demo, tmp_path):
    """The aggregated social spaces as they land: 'Indikatoren Sozialräume 2025', quantiles of child poverty."""
    from sozialplanung_plugin.processing._layouts import RAMP_WORSE

    layer = QgsVectorLayer(demo["spaces"], "Indikatoren Sozialräume 2025", "ogr")  # the style: the file's default
    path = shot_dir(tmp_path) / "layer_indicators_styled.png"
    image = layer_picture(layer, path, "Indikatoren Sozialräume 2025 (Stil aus dem GeoPackage)")
    seen = colours_of(image)
    drawn = [c for c in RAMP_WORSE if seen.get(c, 0) > 5]
    assert len(drawn) >= 4, drawn  # the quantile classes are on the map and in the legend


def test_screenshot_mss_bivariate_legend(demo, tmp_path):
    """The Berlin MSS index with its 12 classes in the bivariate scheme, labels in words."""
    from qgis.core import QgsCategorizedSymbolRenderer

    from sozialplanung_plugin.core.colours import MSS_COLOURS

    layer = QgsVectorLayer(demo["mss"], "Index Berliner MSS 2025", "ogr")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert [c.label() for c in renderer.categories()][:3] == ["hoch / positiv", "hoch / stabil", "hoch / negativ"]
    path = shot_dir(tmp_path) / "mss_bivariate_legend.png"
    image = layer_picture(layer, path, "Berliner MSS: Status (hell = hoch … dunkel = sehr niedrig) × Dynamik")
    seen = colours_of(image, 2)
    drawn = [code for code, c in MSS_COLOURS.items() if seen.get(c, 0) > 3]
    assert len(drawn) == 12, sorted(set(MSS_COLOURS) - set(drawn))  # every class in the legend at least


def test_screenshot_mss_map_sheet(run_alg, demo, tmp_path):
    """The overview map sheet of the MSS classes: the bivariate scheme and the words, legend with counts."""
    out = tmp_path / "mss.pdf"
    run_alg(
        "overviewmapsheets",
        {
            "INPUT": demo["mss"],
            "FIELDS": ["mss_class"],
            "METHOD": 4,
            "TITLE": "Monitoring Soziale Stadtentwicklung",
            "MUNICIPALITIES": demo["municipalities"],
            "MUNICIPALITY_NAME": "name",
            "DPI": 100,
            "OUTPUT": str(out),
        },
    )
    text = " ".join(pdf_text(out).split())
    assert "sehr niedrig / negativ" in text or "niedrig / negativ" in text
    prefix = tmp_path / "mss_sheet"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(out), str(prefix)], check=True)
    shutil.copy(f"{prefix}.png", shot_dir(tmp_path) / "mss_map_sheet.png")


def test_screenshot_dialogs(qtbot, demo, tmp_path):
    """compositeindex (Berlin MSS chosen, indicators ticked by name, the unused parameters inactive) and
    aggregateindicators (ten basic parameters, disclosure control on)."""
    layer = QgsVectorLayer(demo["spaces"], "Indikatoren Sozialräume 2025", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = open_dialog(qtbot, "compositeindex", (1150, 980))
        w = panel(dialog).wrappers
        set_input(w["INPUT"], layer)
        w["PRESET"].setValue(1)
        status = w["INDICATORS"].widget
        for i in range(status.list.count()):
            if status.list.item(i).text() in ("SGB II-Quote", "Kinderarmut (SGB II-Quote unter 15)"):
                status.list.item(i).setCheckState(Qt.CheckState.Checked)
        qtbot.wait(100)
        path = shot_dir(tmp_path) / "dialog_compositeindex.png"
        assert dialog.grab().save(str(path))
        dialog.close()
        blocks = QgsVectorLayer(demo["blocks"], "Baublöcke", "ogr")
        QgsProject.instance().addMapLayer(blocks)
        dialog = open_dialog(qtbot, "aggregateindicators", (1150, 980))
        w = panel(dialog).wrappers
        set_input(w["UNITS"], blocks)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        w["UNIT_KEY"].setParameterValue("block_id", context)
        w["TABLES"].setParameterValue(demo["tables"], context)
        w["LEVEL_FIELDS"].setParameterValue(["sr_id", "ags"], context)
        w["LEVEL_NAME_FIELDS"].setParameterValue(["sr_name", "municipality"], context)
        qtbot.wait(100)
        assert w["DISCLOSURE"].parameterValue() is True
        assert w["UNIT_KEY"].parameterValue() == "block_id" and len(w["TABLES"].parameterValue()) == 3
        path = shot_dir(tmp_path) / "dialog_aggregateindicators.png"
        assert dialog.grab().save(str(path))
        dialog.close()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
        if "blocks" in locals():
            QgsProject.instance().removeMapLayer(blocks.id())


def test_screenshot_hotspots_dialog(qtbot, demo, tmp_path):
    """hotspots: the indicator chosen by name and year (child poverty 2025), the advanced distances with the
    layer's unit beside them (docs/img/dialog_hotspots.png)."""
    from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QScrollArea, QToolButton

    layer = QgsVectorLayer(demo["spaces"], "Indikatoren Sozialräume 2025", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = open_dialog(qtbot, "hotspots", (1150, 1000))
        w = panel(dialog).wrappers
        set_input(w["INPUT"], layer)
        picker = w["FIELD"].widget
        picker.combo.setCurrentIndex(picker.combo.findText("Kinderarmut (SGB II-Quote unter 15)"))
        assert w["FIELD"].value() == "kinderarmut_sgb2_u15_2025"
        distance = w["DISTANCE"].wrappedWidget()
        box = distance.parentWidget()
        while not isinstance(box, QGroupBox):
            box = box.parentWidget()
        for button in box.findChildren(QToolButton):  # the group's own collapse button: open 'Advanced'
            if button.parentWidget() is box:
                button.click()
                break
        qtbot.wait(100)
        assert distance.isVisible()
        for area in dialog.findChildren(QScrollArea):
            area.ensureWidgetVisible(distance)
        qtbot.wait(100)
        assert any("meter" in lab.text().lower() for lab in distance.findChildren(QLabel))
        path = shot_dir(tmp_path) / "dialog_hotspots.png"
        assert dialog.grab().save(str(path))
        dialog.close()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_screenshot_profileatlas_years(qtbot, demo, tmp_path):
    """profileatlas: the years as a list of the layer's years (2014, 2024, 2025 of the demo spaces, read through
    the field contract), two ticked; the indicators by name (docs/img/dialog_profileatlas_years.png)."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QScrollArea

    layer = QgsVectorLayer(demo["spaces"], "Indikatoren Sozialräume 2025", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = open_dialog(qtbot, "profileatlas", (1150, 900))
        w = panel(dialog).wrappers
        set_input(w["INPUT"], layer)
        years = w["YEARS"].widget
        assert years.keys() == [2014, 2024, 2025]
        for i in (1, 2):
            years.list.item(i).setCheckState(Qt.CheckState.Checked)
        assert w["YEARS"].value() == "2024, 2025"
        w["INDICATORS"].setValue("sgb2_quote,kinderarmut_sgb2_u15")
        for area in dialog.findChildren(QScrollArea):
            area.ensureWidgetVisible(years)
        qtbot.wait(100)
        path = shot_dir(tmp_path) / "dialog_profileatlas_years.png"
        assert dialog.grab().save(str(path))
        dialog.close()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
