"""The layouts the map-sheet algorithms add to the project, in real QGIS desktop (virtual X screen).

Issue 19: QGIS crashed (signal 11 in the legend renderer) when the overview layout was opened after its dialog was
closed, and a saved and reopened project had no legend and no choropleth. The desktop script
(tests/qgis/desktop_layouts.py) runs both algorithms from their dialogs, closes them, opens and renders every
added layout, saves and reopens the project and renders again; a second QGIS process (a restart) renders once more.
"""

import json
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from ..helpers import access_params, hand_layers, wkt_layer, xvfb_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_gpkg(tmp_path_factory, demo_dir, qgis_app):
    """The demo county aggregated to social spaces (3 years) in a GeoPackage, and its municipalities."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    src = demo_dir / "rbk_demo.gpkg"
    out = tmp_path_factory.mktemp("desktop_layouts") / "spaces.gpkg"
    processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": f"{src}|layername=blocks",
            "UNIT_KEY": "block_id",
            "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in (2023, 2024, 2025)],
            "INDICATORS": "kinderarmut_sgb2_u15,sgb2_quote,arbeitslose_anteil,anteil_65plus",
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
            "OUTPUT_1": f"ogr:dbname='{out}' table=\"indicators_social_spaces\" (geom)",
        },
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    return f"{out}|layername=indicators_social_spaces", f"{src}|layername=municipalities"


@pytest.fixture(scope="module")
def access_gpkg(tmp_path_factory, qgis_app):
    """The hand-made accessibility case of test_access (two spaces, a Kita and a GP practice on a 400 m lattice):
    networkaccess's output, the facilities and the need (index classes) as GeoPackages in one folder."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    roads, fac, spaces, origins = hand_layers()
    folder = tmp_path_factory.mktemp("desktop_access")
    run = dict(feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
    params = access_params(roads, fac, spaces, origins, OUTPUT=str(folder / "access.gpkg"))
    processing.run("sozialplanung:networkaccess", params, **run)
    need = wkt_layer("None", [("key", "string"), ("si_class", "int")], [("", ["S1", 1]), ("", ["S2", 4])])
    for lyr, name in ((fac, "facilities"), (need, "need")):
        processing.run("native:savefeatures", {"INPUT": lyr, "OUTPUT": str(folder / f"{name}.gpkg")}, **run)
    return str(folder)


def run_desktop(home, work, phase, inputs):
    out = work / f"{phase}.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM")}
    env.update(
        HOME=str(home),
        QGIS_PLUGINPATH=str(ROOT),
        PYTHONNOUSERSITE="1",
        SOZIALPLANUNG_LAYOUTS_PHASE=phase,
        SOZIALPLANUNG_LAYOUTS_INPUT=inputs[0],
        SOZIALPLANUNG_LAYOUTS_MUNI=inputs[1],
        SOZIALPLANUNG_LAYOUTS_ACCESS=inputs[2] if len(inputs) > 2 else "",
        SOZIALPLANUNG_LAYOUTS_DIR=str(work),
        SOZIALPLANUNG_LAYOUTS_OUT=str(out),
    )
    cmd = xvfb_run() + ["qgis.bin", "--nologo", "--noversioncheck"]
    cmd += ["--code", str(ROOT / "tests" / "qgis" / "desktop_layouts.py")]
    # a session of its own: on a timeout the whole group (xvfb-run, Xvfb, QGIS) is ended, nothing is left behind
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=400)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        pytest.fail(f"QGIS desktop did not finish in 400 s (phase {phase}):\n{stderr[-3000:]}")
    assert out.exists(), (
        f"QGIS desktop ended without a result (exit code {proc.returncode}; -11 or 139 is the crash):\n"
        f"{stdout[-2000:]}\n{stderr[-3000:]}"
    )
    result = json.loads(out.read_text())
    assert "error" not in result, result
    return result


def check_layouts(layouts, when):
    """Both layouts present; every map shows valid layers the project owns, with features and their colours
    drawn; the overview legend lists the choropleth layer; the atlas covers the 68 spaces with its table."""
    overview = [n for n in layouts if n.startswith("Übersichtskarte")]
    assert len(overview) == 1, (when, sorted(layouts))
    assert "Sozialraum-Steckbriefe" in layouts, (when, sorted(layouts))
    for name, info in layouts.items():
        if name.startswith("Erreichbarkeit"):
            continue  # check_access_layouts
        assert info["maps"], (when, name)
        for mp in info["maps"]:
            assert mp["layers"], (when, name, mp)
            for lyr in mp["layers"]:
                assert lyr["valid"] and lyr["in_project"] and lyr["features"] > 0, (when, name, lyr)
                assert lyr["provider"] != "memory", (when, name, lyr)  # a memory layer is empty after reopening
    ov = layouts[overview[0]]
    choropleth = next(lyr for lyr in ov["maps"][0]["layers"] if "Kinderarmut" in lyr["name"])
    # five quantile classes: each class colour is drawn on the page (map and legend)
    assert len(choropleth["colours"]) >= 5 and len(choropleth["colours_seen"]) >= 5, (when, choropleth)
    assert len(ov["legends"]) == 1
    legend = ov["legends"][0]
    assert any("Kinderarmut" in n for n in legend["layers"]), (when, legend)
    assert all(legend["resolved"]) and all(legend["in_project"]), (when, legend)
    atlas = layouts["Sozialraum-Steckbriefe"]
    assert atlas["atlas"]["in_project"] and atlas["atlas"]["count"] == 68, (when, atlas["atlas"])
    assert atlas["tables"] and atlas["tables"][0]["layer"] and atlas["tables"][0]["columns"] >= 5, (when, atlas)


def check_access_layouts(layouts, when):
    """accessgaps' map sheets (one per facility type): the spaces classed by the share within the threshold (both
    spaces drawn in their class colours), the gap hatching and the facilities, all on layers the project owns;
    the legend lists them."""
    access = {n: info for n, info in layouts.items() if n.startswith("Erreichbarkeit")}
    assert sorted(access) == ["Erreichbarkeit Hausarzt 2025", "Erreichbarkeit Kita 2025"], (when, sorted(layouts))
    for name, info in access.items():
        layers = info["maps"][0]["layers"]
        assert len(layers) >= 3, (when, name, layers)
        for lyr in layers:
            assert lyr["valid"] and lyr["in_project"] and lyr["provider"] != "memory", (when, name, lyr)
        shares = next(lyr for lyr in layers if lyr["name"].startswith("Anteil"))
        assert shares["features"] == 2 and shares["colours_seen"], (when, name, shares)
        legend = info["legends"][0]
        assert legend["layers"] and all(legend["resolved"]) and all(legend["in_project"]), (when, name, legend)
        assert any(n.startswith("Anteil") for n in legend["layers"]), (when, name, legend)
        # the second sheet's layers are renamed '... (2)' in the project; the legend keeps the plain titles
        assert not any(re.search(r"\(\d+\)$", t) for t in legend["titles"]), (when, name, legend)


@pytest.mark.slow
def test_layouts_survive_dialog_close_save_reopen_and_restart(demo_gpkg, access_gpkg, tmp_path):
    home = tmp_path / "home"
    ini = home / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nsozialplanung_plugin=true\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    inputs = (*demo_gpkg, access_gpkg)
    first = run_desktop(home, work, "run", inputs)
    assert first["saved"] and first["read"]
    for when in ("first", "reopened"):
        check_layouts(first[when], when)
        check_access_layouts(first[when], when)
    second = run_desktop(home, work, "restart", inputs)
    assert second["read"]
    check_layouts(second["restarted"], "after a restart")
    check_access_layouts(second["restarted"], "after a restart")


def test_memory_layers_of_a_layout_are_written_and_replaced(qgis_app, tmp_path):
    """persist_memory_layers: map, legend, attribute table and atlas coverage of a layout end up on GeoPackage
    layers (for pages built by code that does not persist its layers itself, e.g. the offers page)."""
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutTableColumn,
        QgsPrintLayout,
        QgsProject,
        QgsVectorLayer,
    )

    from sozialplanung_plugin.processing import _layouts as L

    polys = QgsVectorLayer("Polygon?crs=EPSG:25832&field=name:string", "Flächen", "memory")
    f = QgsFeature(polys.fields())
    f.setAttributes(["A"])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,10 0,10 10,0 10,0 0))"))
    polys.dataProvider().addFeatures([f])
    rows = QgsVectorLayer("None?field=txt:string", "Zeilen", "memory")
    r = QgsFeature(rows.fields())
    r.setAttributes(["eins"])
    rows.dataProvider().addFeatures([r])
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    mp = QgsLayoutItemMap(layout)
    layout.addLayoutItem(mp)
    mp.setLayers([polys])
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    L.set_legend_layers(legend, [(polys, "Titel der Flächen")])
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(rows)
    col = QgsLayoutTableColumn("Text")
    col.setAttribute("txt")
    table.setColumns([col])
    layout.atlas().setCoverageLayer(polys)
    new = L.persist_memory_layers([layout], str(tmp_path / "x_ebenen.gpkg"))
    assert sorted(lyr.name() for lyr in new) == ["Flächen", "Zeilen"]
    assert all(lyr.providerType() == "ogr" and lyr.featureCount() == 1 for lyr in new)
    assert mp.layers()[0].providerType() == "ogr" and layout.atlas().coverageLayer().providerType() == "ogr"
    node = legend.model().rootGroup().findLayers()[0]
    assert node.layer().providerType() == "ogr" and node.customProperty("legend/title-label") == "Titel der Flächen"
    assert table.vectorLayer().providerType() == "ogr" and [c.attribute() for c in table.columns()] == ["txt"]
