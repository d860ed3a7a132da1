"""Issue 15, part 1: each class of bad input found by a new user answers with a clear message or a correct result.

Tracebacks that became messages (residents stored as text, a self-intersecting block), silent wrong results that
became messages or correct numbers (negative counts, a point layer or a table as blocks, null geometries, a
detached part of a multipart block, a self-intersecting source polygon in the interpolation), the crash of the
next run after QGIS's invalid-geometry check, and file outputs that are complete or absent.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from ..helpers import BOW_TIE
from ..helpers import block_grid as grid
from ..helpers import dss_params as dss
from ..helpers import reg_params as reg

ROOT = Path(__file__).resolve().parents[2]


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)
        super().pushWarning(text)


def refused(run_alg, alg, params, *parts):
    with pytest.raises(QgsProcessingException) as ei:
        run_alg(alg, params)
    msg = str(ei.value)
    assert "Traceback" not in msg and 'File "' not in msg, msg
    for part in parts:
        assert part in msg, f"{part!r} not in {msg!r}"
    return msg


@pytest.mark.parametrize("alg,params", [("definesocialspaces", dss), ("regionaliseblocks", reg)])
def test_residents_stored_as_text_name_field_feature_and_value(run_alg, alg, params):
    layer = grid(ew_type="string", values=["531 EW"] + ["100"] * 23)
    refused(run_alg, alg, params(layer), "field 'ew'", "b000", "'531 EW'", "no number", "Field Calculator")


@pytest.mark.parametrize("alg,params", [("definesocialspaces", dss), ("regionaliseblocks", reg)])
def test_numbers_stored_as_text_are_read(run_alg, alg, params):
    layer = grid(ew_type="string", values=["1.200", "0"] + ["100"] * 22)
    res = run_alg(alg, params(layer))
    total = sum(f["population" if alg == "regionaliseblocks" else "ew"] for f in res["OUTPUT"].getFeatures())
    assert total == 1200 + 0 + 22 * 100


@pytest.mark.parametrize("alg,params", [("definesocialspaces", dss), ("regionaliseblocks", reg)])
def test_negative_residents_refused(run_alg, alg, params):
    refused(run_alg, alg, params(grid(values=[-5] + [100] * 23)), "negative count", "b000", "'-5'")


@pytest.mark.parametrize("kind,what", [("Point", "points"), ("None", "no geometry")])
@pytest.mark.parametrize("alg,params", [("definesocialspaces", dss), ("regionaliseblocks", reg)])
def test_points_or_a_table_as_blocks_refused(run_alg, alg, params, kind, what):
    refused(run_alg, alg, params(grid(kind=kind)), "Layer 'blocks' has " + what, "must be polygons")


def test_self_intersecting_block_repaired_and_residents_kept(run_alg):
    fb = Feedback()
    res = run_alg("regionaliseblocks", reg(grid(override={0: BOW_TIE})), feedback=fb)
    assert sum(f["population"] for f in res["OUTPUT"].getFeatures()) == 2400
    assert any("b000" in w and "make-valid" in w for w in fb.warnings), fb.warnings
    res = run_alg("definesocialspaces", dss(grid(override={0: BOW_TIE})))
    assert "invalid block geometry, repaired: 1" in res["SUMMARY"]
    assert sum(f["ew"] for f in res["OUTPUT"].getFeatures()) == 2400


def test_null_geometries_are_findings_not_no_defects(run_alg):
    res = run_alg("definesocialspaces", dss(grid(override={0: "", 1: ""})))
    assert "no defects found" not in res["SUMMARY"]
    assert "block without geometry (left out): 2" in res["SUMMARY"] and res["DEFECT_COUNT"] == 2


def test_every_block_without_geometry_refused(run_alg):
    layer = grid(override={k: "" for k in range(24)})
    refused(run_alg, "definesocialspaces", dss(layer), "None of the 24 blocks", "has a geometry")


def test_detached_part_of_a_multipart_block_reported(run_alg):
    far = "MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),((5000 5000,5100 5000,5100 5100,5000 5100,5000 5000)))"
    res = run_alg("definesocialspaces", dss(grid(override={0: far})))
    assert "no defects found" not in res["SUMMARY"]
    spaces = {f["space_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert spaces["A"]["n_parts"] == 2 and "multipart_space" in spaces["A"]["defects"]
    assert "multipart blocks" in res["SUMMARY"] and "(blocks b000)" in res["SUMMARY"]


def _polygons(name, fields, rows):
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25832&{fields}", name, "memory")
    feats = []
    for attrs, wkt in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture
def interpolation(tmp_path):
    table = tmp_path / "quellen_2020.csv"
    table.write_bytes(b"Blocknummer;Einwohner insgesamt\r\nS1;1000\r\nS2;2000\r\n")
    targets = _polygons(
        "districts",
        "field=t:string",
        [
            (["T1"], "POLYGON((0 0,1500 0,1500 1000,0 1000,0 0))"),
            (["T2"], "POLYGON((1500 0,2000 0,2000 1000,1500 1000,1500 0))"),
        ],
    )
    return str(table), targets


def _interpolate(run_alg, sources, interpolation, feedback=None):
    table, targets = interpolation
    params = {
        "SOURCE": sources,
        "SOURCE_KEY": "sid",
        "TABLES": [table],
        "TARGET": targets,
        "TARGET_KEY": "t",
        "INDICATORS": "einwohner",
        "OUTPUT": "memory:",
    }
    res = run_alg("interpolateindicators", params, feedback=feedback)
    return {f["key"]: f["einwohner_2020"] for f in res["OUTPUT"].getFeatures()}


def test_self_intersecting_source_polygon_keeps_its_residents(run_alg, interpolation):
    # S1 is a bow tie over [0,1000]²: before, its intersection with T1 failed and its 1000 residents vanished
    bow = "POLYGON((0 0,1000 1000,1000 0,0 1000,0 0))"
    square = "POLYGON((1000 0,2000 0,2000 1000,1000 1000,1000 0))"
    sources = _polygons("sources", "field=sid:string", [(["S1"], bow), (["S2"], square)])
    fb = Feedback()
    out = _interpolate(run_alg, sources, interpolation, fb)
    assert sum(out.values()) == pytest.approx(3000.0)
    assert out["T1"] == pytest.approx(1000 + 1000) and out["T2"] == pytest.approx(1000)
    assert any("'S1'" in w and "make-valid" in w for w in fb.warnings), fb.warnings


def test_source_outside_every_target_is_named(run_alg, interpolation):
    square = "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"
    far = "POLYGON((5000 0,6000 0,6000 1000,5000 1000,5000 0))"
    sources = _polygons("sources", "field=sid:string", [(["S1"], square), (["S2"], far)])
    fb = Feedback()
    out = _interpolate(run_alg, sources, interpolation, fb)
    assert sum(out.values()) == pytest.approx(1000.0)
    assert any("the sources hold 3000, the targets receive 1000" in w and "(S2;" in w for w in fb.warnings)


def test_points_as_interpolation_sources_refused(run_alg, interpolation):
    points = QgsVectorLayer("Point?crs=EPSG:25832&field=sid:string", "sources", "memory")
    f = QgsFeature(points.fields())
    f.setAttributes(["S1"])
    f.setGeometry(QgsGeometry.fromWkt("POINT(10 10)"))
    points.dataProvider().addFeatures([f])
    with pytest.raises(QgsProcessingException, match="Layer 'sources' has points"):
        _interpolate(run_alg, points, interpolation)


SCRIPT = """
import os, sys
sys.path.insert(0, {root!r}); sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProcessingException
app = QgsApplication([], False); app.initQgis()
import processing
from processing.core.Processing import Processing
Processing.initialize()
import sozialplanung_plugin
plugin = sozialplanung_plugin.classFactory(None); plugin.initProcessing()
from tests.helpers import BOW_TIE, block_grid as grid, dss_params as dss, reg_params as reg
for alg, params in [("definesocialspaces", dss), ("regionaliseblocks", reg), ("definesocialspaces", dss)]:
    processing.run("sozialplanung:" + alg, params(grid(override={{0: BOW_TIE}})))
    processing.run("sozialplanung:" + alg, params(grid()))
print("done")
"""


@pytest.mark.slow
def test_invalid_geometry_does_not_crash_the_next_run(tmp_path):
    """QGIS's own invalid-geometry check (default: stop) raised inside the feature iterator and the next run in
    the same process crashed (segmentation fault): in QGIS Desktop, the second click. The algorithms now read
    sources without that check and repair the geometries themselves."""
    script = tmp_path / "twice.py"
    script.write_text(SCRIPT.format(root=str(ROOT)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert out.returncode == 0 and "done" in out.stdout, out.stderr[-2000:]


# --- file outputs: complete or absent -----------------------------------------------------------------------
def test_failed_run_leaves_no_file(run_alg, tmp_path):
    out, report = tmp_path / "spaces.gpkg", tmp_path / "report.csv"
    layer = grid(ew_type="string", values=["531 EW"] + ["100"] * 23)
    refused(run_alg, "definesocialspaces", dss(layer, OUTPUT=str(out), REPORT=str(report)), "'531 EW'")
    assert list(tmp_path.iterdir()) == []


def test_successful_run_writes_final_files_only(run_alg, tmp_path):
    out, report = tmp_path / "spaces.gpkg", tmp_path / "report.csv"
    res = run_alg("definesocialspaces", dss(grid(), OUTPUT=str(out), REPORT=str(report)))
    assert res["OUTPUT"].startswith(str(out)) and res["REPORT"].startswith(str(report))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.csv", "spaces.gpkg"]
    layer = QgsVectorLayer(str(out), "spaces", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    assert "spaces" in layer.dataProvider().subLayers()[0]  # the GeoPackage layer keeps the file's name


def test_partial_output_of_a_killed_run_is_swept(run_alg, tmp_path):
    from sozialplanung_plugin.processing._atomic import PREFIX

    stale = tmp_path / f"{PREFIX}999999999-abc"  # no such process
    stale.mkdir()
    (stale / "spaces.gpkg").write_bytes(b"half")
    run_alg("definesocialspaces", dss(grid(), OUTPUT=str(tmp_path / "spaces.gpkg")))
    assert not stale.exists()


def test_output_into_a_missing_folder_is_a_clear_message(run_alg, tmp_path):
    missing = tmp_path / "no" / "such"
    refused(run_alg, "definesocialspaces", dss(grid(), OUTPUT=str(missing / "s.gpkg")), str(missing), "does not exist")
    assert not (tmp_path / "no").exists()


def test_work_folders_of_killed_runs_are_swept(tmp_path, monkeypatch):
    """A killed municipalreport/reportdocument cannot remove its work folder in the system temp folder (the
    fault test kills them); the next run removes the folders of its kind whose process is gone, keeps those of
    live processes and everything else, and removes its own at the end."""
    import tempfile

    from sozialplanung_plugin.processing import _atomic

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / "sozialraumbericht-999999999-abc"  # above any pid_max: no such process
    (dead / "diagramme").mkdir(parents=True)
    (dead / "steckbriefe.pdf").write_bytes(b"%PDF")
    live = tmp_path / f"sozialraumbericht-{os.getppid()}-def"
    live.mkdir()
    other = tmp_path / "sozialbericht-999999999-ghi"  # another kind: swept by its own algorithm's run
    other.mkdir()
    old_style = tmp_path / "sozialraumbericht-t8nxkdqm"  # no pid in the name: not ours to judge
    old_style.mkdir()
    with _atomic.work_folder("sozialraumbericht-") as work:
        assert Path(work).parent == tmp_path and Path(work).name.startswith(f"sozialraumbericht-{os.getpid()}-")
        assert not dead.exists() and live.exists() and other.exists() and old_style.exists()
    assert not Path(work).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, old_style.name])
