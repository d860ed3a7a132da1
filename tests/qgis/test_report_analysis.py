"""strengthsweaknesses and hotspots through processing.run and qgis_process, on the demo county and by hand."""

from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from sozialplanung_plugin.processing.base import make_field

from . import _report_data

report_demo = _report_data.report_demo  # the session fixture

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "hotspots"


def features(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [f for f in layer.getFeatures()], layer


def test_strengths_weaknesses_demo(run_alg, report_demo, tmp_path):
    res = run_alg(
        "strengthsweaknesses",
        {
            "INPUT": report_demo["spaces"],
            "FIELDS": ["kinderarmut_sgb2_u15_2025", "jugendarbeitslosigkeit_2025", "anteil_65plus_2025"],
            "OUTPUT": str(tmp_path / "sw.gpkg"),
            "SUMMARY": str(tmp_path / "sw_summary.gpkg"),
        },
    )
    rows, _ = features(res["OUTPUT"])
    assert len(rows) == 68 * 3
    spaces, _ = features(report_demo["spaces"])
    kind = np.array([f["kinderarmut_sgb2_u15_2025"] for f in spaces], float)
    # percentile of each space among the 68 (mid-rank), by hand
    ka = {r["key"]: r for r in rows if r["indicator"] == "kinderarmut_sgb2_u15"}
    for f in spaces[:10]:
        v = f["kinderarmut_sgb2_u15_2025"]
        pct = 100 * ((kind < v).sum() + 0.5 * (kind == v).sum()) / len(kind)
        r = ka[f["key"]]
        assert abs(r["percentile"] - pct) < 1e-5 and abs(r["value"] - v) < 1e-5
        assert abs(r["ref_county"] - f["kinderarmut_sgb2_u15_ref_county_2025"]) < 1e-5
        assert r["num"] == f["kinderarmut_sgb2_u15_num_2025"]
    # suppressed youth unemployment: never judged, no number, no text
    supp = {f["key"] for f in spaces if f["jugendarbeitslosigkeit_flag_2025"] == "suppressed"}
    assert supp
    for r in rows:
        if r["indicator"] == "jugendarbeitslosigkeit" and r["key"] in supp:
            assert r["status"] == "suppressed" and not r["judgement"] and r["text"] in ("", None)
            assert r["value"] is None or r["value"] != r["value"] or isinstance(r["value"], QVariant)
            assert (
                r["percentile"] is None or isinstance(r["percentile"], QVariant) or r["percentile"] != r["percentile"]
            )
    summ, slayer = features(res["SUMMARY"])
    assert len(summ) == 68 and slayer.geometryType() == 2  # polygons of the spaces
    for f in summ:
        if f["key"] in supp:
            assert "Jugendarbeitslosigkeit" not in (f["weaknesses"] or "") + (f["strengths"] or "")
    assert res["N_STRENGTHS"] + res["N_WEAKNESSES"] == sum(
        1 for r in rows if r["judgement"] in ("strength", "weakness")
    )
    worst = max((r for r in rows if r["indicator"] == "kinderarmut_sgb2_u15"), key=lambda r: r["value"])
    assert worst["judgement"] == "weakness" and worst["rank"] == 1
    assert worst["text"].startswith("Kinderarmut ") and " Kinder" in worst["text"]
    assert "Binomialtest" in res["RULE"]


def test_strengths_weaknesses_default_fields_and_errors(run_alg, report_demo, tmp_path):
    res = run_alg("strengthsweaknesses", {"INPUT": report_demo["spaces"], "OUTPUT": str(tmp_path / "a.gpkg")})
    rows, _ = features(res["OUTPUT"])
    inds = {r["indicator"] for r in rows}
    assert {"sgb2_quote", "kinderarmut_sgb2_u15", "anteil_65plus"} <= inds
    assert "einwohner" not in inds and "kinderarmut_veraenderung" not in inds  # counts and changes are not rates
    assert {r["year"] for r in rows} == {2025}
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not an indicator field"):
        run_alg(
            "strengthsweaknesses",
            {"INPUT": report_demo["spaces"], "FIELDS": ["area_km2"], "OUTPUT": str(tmp_path / "b.gpkg")},
        )
    assert not (tmp_path / "b.gpkg").exists()


def test_hot_spots_demo_against_esda(run_alg, report_demo, tmp_path):
    res = run_alg(
        "hotspots",
        {"INPUT": report_demo["spaces"], "FIELD": "kinderarmut_sgb2_u15_2025", "OUTPUT": str(tmp_path / "hs.gpkg")},
    )
    rows, layer = features(res["OUTPUT"])
    g = dict(np.load(GOLDEN / "rbk_spaces.npz", allow_pickle=True))
    by_key = {f["key"]: f for f in rows}
    order = [by_key[k] for k in g["keys"]]
    assert np.allclose([f["lisa_i"] for f in order], g["Is"], atol=1e-12)
    assert np.allclose([f["gi_z"] for f in order], g["Zs"], atol=1e-9)
    # p-values within sampling error of esda (our draws); clusters only where significant after FDR
    p = np.array([f["lisa_p"] for f in order])
    assert np.max(np.abs(p - g["p_sim"]) / np.maximum(np.sqrt(2 * g["p_sim"] * (1 - g["p_sim"]) / 1000), 1e-3)) < 5
    assert res["N_LOW_LOW"] + res["N_HIGH_HIGH"] + res["N_LOW_HIGH"] + res["N_HIGH_LOW"] == sum(
        1 for f in rows if f["lisa_cluster"] in (1, 2, 3, 4)
    )
    assert all(f["lisa_sig"] for f in rows if f["lisa_cluster"] in (1, 2, 3, 4))
    assert abs(res["GLOBAL_MORAN_I"] - float(g["global_I"])) < 1e-12
    # GeoDa's colours in the saved style
    qml = Path(res["STYLE"]).read_text()
    for colour in ("255,0,0", "0,0,255", "240,240,240"):
        assert colour in qml
    assert "lisa_cluster" in qml
    # reproducible: the same seed gives the same p-values
    again = run_alg(
        "hotspots",
        {"INPUT": report_demo["spaces"], "FIELD": "kinderarmut_sgb2_u15_2025", "OUTPUT": str(tmp_path / "hs2.gpkg")},
    )
    rows2, _ = features(again["OUTPUT"])
    assert [f["lisa_p"] for f in rows2] == [f["lisa_p"] for f in rows]


def small_layer(values, flags=None):
    """A 3 x 3 grid of unit squares with values (a flag field marks suppressed cells)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "grid", "memory")
    pr = layer.dataProvider()
    pr.addAttributes([make_field("key", "string"), make_field("v_2025", "double"), make_field("v_flag_2025", "string")])
    layer.updateFields()
    feats = []
    for k, v in enumerate(values):
        r, c = divmod(k, 3)
        f = QgsFeature(layer.fields())
        f.setAttributes([f"u{k}", v, (flags or [""] * 9)[k]])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({c} {r},{c + 1} {r},{c + 1} {r + 1},{c} {r + 1},{c} {r}))"))
        feats.append(f)
    pr.addFeatures(feats)
    return layer


def test_hot_spots_suppressed_and_distance_band(run_alg, qgis_app, tmp_path):
    from sozialplanung_plugin.core import hotspots as hs

    values = [1.0, 2.0, 3.0, 2.0, 8.0, 9.0, 3.0, 9.0, 99.0]
    flags = [""] * 8 + ["suppressed"]
    res = run_alg(
        "hotspots",
        {
            "INPUT": small_layer(values, flags),
            "FIELD": "v_2025",
            "PERMUTATIONS": 99,
            "OUTPUT": str(tmp_path / "g.gpkg"),
        },
    )
    rows, _ = features(res["OUTPUT"])
    assert rows[8]["lisa_cluster"] == hs.UNDEFINED and rows[8]["lisa_label"] == "Kein Wert"
    # the suppressed 99 takes no part: queen lattice of the 8 others, by hand with core
    w = hs.Weights.from_lattice(3, 3).subset(np.arange(9) < 8)
    ref = hs.local_statistics(values[:8], w, permutations=99, seed=12345)
    assert np.allclose([f["lisa_i"] for f in rows[:8]], ref.moran_i)
    assert [f["n_neighbours"] for f in rows[:8]] == w.cardinality.tolist()
    # distance band between centroids 1.0 apart: rook neighbours (diagonals are 1.41 away)
    res = run_alg(
        "hotspots",
        {
            "INPUT": small_layer(values[:8] + [4.0]),
            "FIELD": "v_2025",
            "WEIGHTS": 1,
            "DISTANCE": 1.0,
            "OUTPUT": str(tmp_path / "d.gpkg"),
        },
    )
    rows, _ = features(res["OUTPUT"])
    assert [f["n_neighbours"] for f in rows] == [2, 3, 2, 3, 4, 3, 2, 3, 2]


def test_hot_spots_qgis_process(qgis_process, report_demo, tmp_path):
    out = qgis_process(
        "hotspots",
        {
            "INPUT": report_demo["spaces"],
            "FIELD": "sgb2_quote_2025",
            "STATISTIC": 1,
            "OUTPUT": str(tmp_path / "q.gpkg"),
        },
    )
    r = out["results"]
    assert Path(r["STYLE"]).exists() and "gi_cluster" in Path(r["STYLE"]).read_text()
    assert "Globales Moran's I" in r["SUMMARY"]
    sw = qgis_process(
        "strengthsweaknesses",
        {"INPUT": report_demo["spaces"], "OUTPUT": str(tmp_path / "sw.gpkg"), "SUMMARY": str(tmp_path / "s.gpkg")},
    )["results"]
    assert sw["N_STRENGTHS"] > 0 and sw["N_WEAKNESSES"] > 0


def test_hot_spots_berlin_planning_areas_against_esda(run_alg, qgis_app, shared_dir, tmp_path):
    """hotspots on the 448 Berlin planning areas (../shared): residents per km² 2018 from the blocks, queen
    neighbours built by QGIS's algorithm, compared with esda 2.9.0 (tests/data/hotspots/berlin_plr.npz)."""
    import csv
    from collections import defaultdict

    from qgis.core import QgsCoordinateReferenceSystem

    from sozialplanung_plugin.processing.base import make_field

    g = dict(np.load(GOLDEN / "berlin_plr.npz", allow_pickle=True))
    src = shared_dir / "data" / "berlin_plr_pre2021" / "berlin-lor-planning-areas-until-2020.geojson"
    reproj = run_alg(
        "native:reprojectlayer",
        {
            "INPUT": str(src),
            "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:25833"),
            "OUTPUT": "memory:plr",
        },
    )["OUTPUT"]
    ew = defaultdict(float)
    with open(shared_dir / "data" / "berlin_blocks_2018" / "block_to_plr_pre2021.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            ew[row["plr"]] += float(row["EW2018"])
    pr = reproj.dataProvider()
    density = make_field("dichte_2018", "double")  # a QgsField with a QVariant type is deprecated on 3.44
    density.setLength(0)  # full precision in the memory layer, as the golden values were computed
    density.setPrecision(0)
    pr.addAttributes([density])
    reproj.updateFields()
    idx = reproj.fields().indexOf("dichte_2018")
    pr.changeAttributeValues(
        {f.id(): {idx: ew.get(f["id"], 0.0) / (f.geometry().area() / 1e6)} for f in reproj.getFeatures()}
    )
    assert reproj.featureCount() == 448
    res = run_alg("hotspots", {"INPUT": reproj, "FIELD": "dichte_2018", "OUTPUT": str(tmp_path / "berlin.gpkg")})
    rows, _ = features(res["OUTPUT"])
    # the shared layer holds planning area 06010102 twice (two polygons): match each golden unit by id and value
    by_id = defaultdict(list)
    for f in rows:
        by_id[f["id"]].append(f)
    order = [min(by_id[k], key=lambda f, y=y: abs(f["dichte_2018"] - y)) for k, y in zip(g["keys"], g["y"])]
    assert len({f.id() for f in order}) == 448
    assert np.allclose([f["dichte_2018"] for f in order], g["y"], rtol=1e-9, atol=0)
    assert [f["n_neighbours"] for f in order] == np.bincount(
        np.concatenate([g["queen_i"], g["queen_j"]]), minlength=448
    ).tolist()  # QGIS's queen neighbours are libpysal's
    assert np.allclose([f["lisa_i"] for f in order], g["Is"], rtol=0, atol=1e-9)
    assert np.allclose([f["gi_z"] for f in order], g["Zs"], rtol=0, atol=1e-7)
    assert abs(res["GLOBAL_MORAN_I"] - float(g["global_I"])) < 1e-9
    # own draws (seed 12345): p-values within sampling error of esda's, significance mostly the same
    p = np.array([f["lisa_p"] for f in order])
    se = np.maximum(np.sqrt(2 * g["p_sim"] * (1 - g["p_sim"]) / 1000), 1e-3)
    assert np.max(np.abs(p - g["p_sim"]) / se) < 5
    assert np.mean((p <= 0.05) == (g["p_sim"] <= 0.05)) >= 0.95
    # the densest inner city is a High-High cluster, the outskirts Low-Low (after FDR)
    clusters = [f["lisa_cluster"] for f in rows]
    assert clusters.count(1) >= 20 and clusters.count(2) >= 20
    assert res["N_HIGH_HIGH"] == clusters.count(1) and res["N_LOW_LOW"] == clusters.count(2)
