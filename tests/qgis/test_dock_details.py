"""Details of the docks (issue 19): years spaced by time in the profile chart, the profile dock's own icon, the
catalogue dock's layer box with a label and only the layers it can use."""

from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QIcon

from sozialplanung_plugin.ui import common
from sozialplanung_plugin.ui.catalogue_dock import CatalogueDock
from sozialplanung_plugin.ui.profile_dock import axis_labels_shown, time_fractions

ROOT = Path(__file__).resolve().parents[2]


def test_years_are_spaced_by_time():
    """2009 -> 2014 is five times as wide as 2023 -> 2024 (the printed chart does the same)."""
    assert time_fractions([2009, 2014, 2023, 2024]) == pytest.approx([0, 5 / 15, 14 / 15, 1])
    assert time_fractions([2024]) == [0.5]
    assert time_fractions([2020, 2021, 2022]) == pytest.approx([0, 0.5, 1])


def test_year_labels_that_would_overlap_are_left_out_but_the_last_stays():
    xs = [0.0, 33.0, 93.0, 100.0]  # 2009, 2014, 2023, 2024 on a 100 px axis
    assert axis_labels_shown(xs, [30.0] * 4) == [0, 1, 3]  # 2023 would overlap 2024
    assert axis_labels_shown(xs, [5.0] * 4) == [0, 1, 2, 3]


def test_the_profile_dock_has_its_own_icon():
    icon = ROOT / "sozialplanung_plugin" / "resources" / "icons" / "profile.svg"
    assert not QIcon(str(icon)).isNull()
    source = (ROOT / "sozialplanung_plugin" / "plugin.py").read_text(encoding="utf-8")
    assert '"profile.svg"' in source and "mActionIdentify" not in source


def layer(name, fields):
    spec = "&".join(f"field={f}:double" for f in fields)
    lyr = QgsVectorLayer(f"Polygon?crs=EPSG:25832&field=key:string&{spec}", name, "memory")
    assert lyr.isValid()
    return lyr


def test_catalogue_dock_layer_box_has_a_label_and_only_usable_layers(qtbot, qgis_app):
    common.set_overlay_path("")
    dock = CatalogueDock(None, project=QgsProject.instance(), settings_name="test_dock_details")
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitUntil(lambda: dock.catalogue is not None, timeout=20000)
    assert dock.layer_label.text() and dock.layer_label.buddy() is dock.layer_combo
    spaces = layer("Sozialräume", ["sgb2_quote_2025", "sgb2_quote_num_2025"])
    blocks = layer("Blöcke", ["ew", "fläche"])
    long_layout = layer("lang", ["sgb2_quote", "year"])
    QgsProject.instance().addMapLayers([spaces, blocks, long_layout])
    try:
        shown = {dock.layer_combo.layer(i).name() for i in range(dock.layer_combo.count()) if dock.layer_combo.layer(i)}
        assert "Sozialräume" in shown and "lang" in shown
        assert "Blöcke" not in shown
    finally:
        QgsProject.instance().removeMapLayers([spaces.id(), blocks.id(), long_layout.id()])


# ------------------------------------------------------------------------------------------------ profile charts
def y_ticks(svg_path):
    """The y-axis tick texts of a trend chart SVG (right-aligned texts left of the plot)."""
    import re

    text = Path(svg_path).read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(r'<text x="[\d.]+" y="[\d.]+" text-anchor="end">([^<]*)</text>', text)]


@pytest.mark.parametrize("shared", [True, False])
def test_profile_charts_share_one_y_axis(qgis_app, tmp_path, shared):
    """Three spaces (10 -> 12.5, 31.25 -> suppressed, 25 -> 30 % child poverty; county 20): with the shared scale
    every sheet's chart has the same y axis, reaching past 31.25; switched off, space A's chart spans its own
    values only."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    from ..helpers import small_layer

    gpkg = small_layer(tmp_path / "small.gpkg")
    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialplanung:profileatlas")
    params = {"INPUT": gpkg, "DPI": 72, "OUTPUT": str(tmp_path / "pr.pdf"), "SHARED_SCALE": shared}
    context = QgsProcessingContext()
    alg.processAlgorithm(params, context, QgsProcessingFeedback())  # on this instance (run() works on a copy)
    cov = alg.last_layout.atlas().coverageLayer()
    ticks = {f["sp_key"]: y_ticks(f["sp_chart"]) for f in cov.getFeatures()}
    assert all(ticks.values()), ticks
    top = {k: max(float(t.replace(",", ".")) for t in v) for k, v in ticks.items()}
    if shared:
        assert ticks["A"] == ticks["B"] == ticks["C"], ticks
        assert top["A"] >= 31.25
    else:
        assert top["A"] < 31.25 and ticks["A"] != ticks["C"], ticks
