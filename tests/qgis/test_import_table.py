"""sozialplanung:importtable through processing.run with a real QGIS."""

import json
from pathlib import Path

import pytest
from qgis.core import NULL, QgsFeature, QgsProcessingException, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def features(layer_or_id, context=None):
    layer = layer_or_id if isinstance(layer_or_id, QgsVectorLayer) else None
    if layer is None:
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer_or_id, context)
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def run(run_alg, params):
    from qgis.core import QgsProcessingContext

    ctx = QgsProcessingContext()
    res = run_alg("importtable", params, context=ctx)
    return res, ctx


def test_algorithm_registered(provider):
    alg = provider.algorithm("importtable")
    assert alg is not None and alg.group()
    assert "DIN 55301" in alg.shortHelpString() or alg.shortHelpString()


def test_import_fixture_wide(run_alg, demo_dir):
    path = demo_dir / "rbk_sgb2_kinder_2009_2014.csv"
    res, ctx = run(run_alg, {"INPUT": str(path), "OUTPUT": "memory:", "REPORT": "memory:"})
    assert res["KEY_COUNT"] == 9 and res["YEARS"] == "2009, 2014"
    assert json.loads(res["STATUS_COUNTS"]) == {"ok": 63}
    rows = {r["key"]: r for r in features(res["OUTPUT"], ctx)}
    bg = rows["Bergisch Gladbach"]
    assert bg["ew_u15_2014"] == 14851 and bg["sgb2_u15_2014"] == 2184
    assert bg["anteil_2014"] == pytest.approx(14.7) and bg["anteil_2014_raw"] == "14,7%"
    assert bg["ew_u15_2014_status"] == "ok"
    report = features(res["REPORT"], ctx)
    kinds = [(r["kind"], r["item"], r["detail"]) for r in report]
    assert ("footnote", "1", "Stand 31.12.2013") in kinds
    assert ("header_note", "Einwohner unter 15 Jahre 2014 (1)", "Stand 31.12.2013") in kinds
    assert any(k == "unmapped_header" and i == "Anteil 2009" for k, i, _ in kinds)


def test_import_long_with_symbols_and_key_comparison(run_alg, tmp_path):
    layer = QgsVectorLayer("None?field=ags:string", "gemeinden", "memory")
    feats = []
    for k in ("05378004", "05378008", "05378012", "05378020"):
        f = QgsFeature(layer.fields())
        f.setAttributes([k])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    src = DATA / "tables" / "landesamt_gemeinden_2019_2020.csv"
    res, ctx = run(
        run_alg,
        {
            "INPUT": str(src),
            "LAYOUT": 1,
            "OUTPUT": "memory:",
            "REPORT": "memory:",
            "COMPARE_LAYER": layer,
            "COMPARE_FIELD": "ags",
        },
    )
    rows = features(res["OUTPUT"], ctx)
    assert len(rows) == 4 * 2 * 2 == res["CELL_COUNT"]
    cell = [r for r in rows if r["key"] == "05378012" and r["variable"] == "gs_65plus" and r["year"] == 2019][0]
    assert cell["value"] == NULL and cell["value"] != 0
    assert cell["status"] == "suppressed_or_unknown" and cell["raw"] == "."
    cell = [r for r in rows if r["key"] == "05378008" and r["variable"] == "gs_65plus" and r["year"] == 2019][0]
    assert cell["value"] == 95 and cell["status"] == "low_reliability" and cell["raw"] == "(95)"
    assert res["UNMATCHED_TABLE"] == 1 and res["UNMATCHED_LAYER"] == 1
    report = features(res["REPORT"], ctx)
    assert ("key_only_in_table", "05378016") in [(r["kind"], r["item"]) for r in report]
    assert ("key_only_in_layer", "05378020") in [(r["kind"], r["item"]) for r in report]
    status = {r["item"]: r["count"] for r in report if r["kind"] == "status"}
    assert status["provisional"] == 6 and status["pending"] == 1


def test_import_error_names_line_and_column(run_alg):
    with pytest.raises(QgsProcessingException) as ei:
        run(run_alg, {"INPUT": str(DATA / "malformed" / "non_numeric_cell.csv"), "OUTPUT": "memory:"})
    assert "line 3, column 2 ('Einwohner insgesamt')" in str(ei.value)


def test_import_writes_gpkg_and_keeps_leading_zeros(run_alg, tmp_path):
    out = str(tmp_path / "t.gpkg")
    res, ctx = run(run_alg, {"INPUT": str(DATA / "tables" / "ba_akg_2014.csv"), "OUTPUT": out})
    layer = QgsVectorLayer(res["OUTPUT"], "t", "ogr")
    assert layer.isValid()
    rows = {r["key"]: r for r in features(layer)}
    assert set(rows) == {"053780040001", "053780040002", "053780040003", "053780040004"}
    assert rows["053780040002"]["alo_u25_status"] == "suppressed"
    assert rows["053780040004"]["alo"] == 1204
