"""interpolateindicators: area- and population-weighted interpolation to non-nesting targets, hand-computed.

Sources (the tables' units): S1 = [0,1000] x [0,1000], S2 = [1000,2000] x [0,1000] (1 km² each).
Targets (school districts): T1 = [0,1500] x [0,1000] (1.5 km²), T2 = [1500,2000] x [0,1000] (0.5 km²).
S1 lies in T1; S2 is cut in half: 0.5 km² in T1, 0.5 km² in T2.
Counts: S1 ew 100, ew_u15 20, sgb2_u15 4; S2 ew 200, ew_u15 40, sgb2_u15 10.
Weight blocks (residents): w1 in S1/T1 10 residents, w2 in S2/T1 30, w3 in S2/T2 90.
"""

import json

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from ..helpers import isnull, polygons, rect, write_gpkg, write_table

ALG = "interpolateindicators"


@pytest.fixture
def layers(qgis_app):
    sources = polygons("field=sid:string", [(["S1"], rect(0, 1000)), (["S2"], rect(1000, 2000))], "sources")
    targets = polygons(
        "field=sd:string&field=sd_name:string",
        [(["T1", "Schule Nord"], rect(0, 1500)), (["T2", "Schule Süd"], rect(1500, 2000))],
        "districts",
    )
    weights = polygons(
        "field=ew:integer",
        [([10], rect(100, 300, 100, 300)), ([30], rect(1100, 1300, 100, 300)), ([90], rect(1700, 1900, 100, 300))],
        "blocks",
    )
    return sources, targets, weights


@pytest.fixture
def tables(tmp_path):
    out = []
    for year, rows in (
        (2020, ["S1;100;20;4", "S2;200;40;10"]),
        (
            2024,
            [
                "S1;100;20;6",
                "S2;200;40;.",
            ],
        ),
    ):
        out.append(write_table(tmp_path / f"quellen_{year}.csv", rows))
    return out


def rows(layer):
    return {f["key"]: f for f in layer.getFeatures()}


def params(layers, tables, method, **extra):
    sources, targets, weights = layers
    p = {
        "SOURCE": sources,
        "SOURCE_KEY": "sid",
        "TABLES": tables,
        "INDICATORS": "kinderarmut_sgb2_u15,bevoelkerungsdichte",
        "TARGET": targets,
        "TARGET_KEY": "sd",
        "TARGET_NAME": "sd_name",
        "METHOD": method,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    if method == 1:
        p.update(WEIGHTS=weights, WEIGHT_FIELD="ew")
    p.update(extra)
    return p


def test_area_weighted(run_alg, layers, tables):
    res = run_alg(ALG, params(layers, tables, 0))
    out = rows(res["OUTPUT"])
    t1, t2 = out["T1"], out["T2"]
    assert t1["name"] == "Schule Nord" and t1["interpolation"] == "area"
    # T1 = S1 + 1/2 S2: children 20 + 20 = 40, in SGB II 4 + 5 = 9 -> 22.5 %
    assert t1["kinderarmut_sgb2_u15_num_2020"] == pytest.approx(9.0)
    assert t1["kinderarmut_sgb2_u15_den_2020"] == pytest.approx(40.0)
    assert t1["kinderarmut_sgb2_u15_2020"] == pytest.approx(22.5)
    assert t1["kinderarmut_sgb2_u15_flag_2020"] == "unreliable"  # 40 children < min_denominator 50
    # T2 = 1/2 S2: 5 of 20 = 25 %
    assert t2["kinderarmut_sgb2_u15_2020"] == pytest.approx(25.0)
    # density from the target's own area: T1 has 100 + 100 residents on 1.5 km²
    assert t1["area_km2"] == pytest.approx(1.5) and t1["bevoelkerungsdichte_2020"] == pytest.approx(200 / 1.5)
    assert t2["bevoelkerungsdichte_2020"] == pytest.approx(100 / 0.5)
    # 2024: S2's count is '.', so T1 holds only S1's 6 children (a lower bound) and T2 has no value
    assert t1["kinderarmut_sgb2_u15_num_2024"] == pytest.approx(6.0)
    assert t1["kinderarmut_sgb2_u15_flag_2024"] == "incomplete"
    assert isnull(t2["kinderarmut_sgb2_u15_2024"]) and isnull(t2["kinderarmut_sgb2_u15_num_2024"])
    assert t2["kinderarmut_sgb2_u15_flag_2024"] == "suppressed"
    # the method is recorded in a field, in the results and in the layer metadata
    meta = json.loads(t1["sp_method"])
    assert meta["interpolation"] == "area" and meta["catalogue_version"] and meta["method_version"]
    assert json.loads(res["METHOD_RECORD"])["interpolation"] == "area"
    assert "area-weighted" in res["OUTPUT"].metadata().abstract()
    assert res["PIECES"] == 3


def test_population_weighted(run_alg, layers, tables):
    res = run_alg(ALG, params(layers, tables, 1))
    out = rows(res["OUTPUT"])
    t1, t2 = out["T1"], out["T2"]
    assert t1["interpolation"] == "population"
    # S2's residents: 30 in T1, 90 in T2 -> S2 is shared 1/4 : 3/4; S1 lies wholly in T1
    # T1: children 20 + 10 = 30, in SGB II 4 + 2.5 = 6.5 -> 21.67 %; T2: 7.5 of 30 = 25 %
    assert t1["kinderarmut_sgb2_u15_num_2020"] == pytest.approx(6.5)
    assert t1["kinderarmut_sgb2_u15_den_2020"] == pytest.approx(30.0)
    assert t1["kinderarmut_sgb2_u15_2020"] == pytest.approx(6.5 / 30 * 100)
    assert t2["kinderarmut_sgb2_u15_num_2020"] == pytest.approx(7.5)
    assert t2["kinderarmut_sgb2_u15_2020"] == pytest.approx(25.0)
    # counts are conserved: 300 residents in all
    assert t1["bevoelkerungsdichte_2020"] * 1.5 + t2["bevoelkerungsdichte_2020"] * 0.5 == pytest.approx(300.0)
    meta = json.loads(t1["sp_method"])
    assert meta["interpolation"] == "population" and "'ew'" in meta["interpolation_weights"]
    assert meta["area_fallback_sources"] == [] and res["AREA_FALLBACK_SOURCES"] == 0


def test_population_without_residents_falls_back_to_area(run_alg, layers, tables):
    sources, targets, _ = layers
    only_s1 = polygons("field=ew:integer", [([10], rect(100, 300, 100, 300))], "blocks")
    res = run_alg(ALG, params((sources, targets, only_s1), tables, 1))
    out = rows(res["OUTPUT"])
    assert out["T1"]["kinderarmut_sgb2_u15_num_2020"] == pytest.approx(9.0)  # S2 shared by area
    assert json.loads(out["T1"]["sp_method"])["area_fallback_sources"] == ["S2"]
    assert res["AREA_FALLBACK_SOURCES"] == 1


def test_population_without_weights_is_a_clear_error(run_alg, layers, tables, tmp_path):
    sources, targets, _ = layers
    out = tmp_path / "x.gpkg"
    with pytest.raises(QgsProcessingException, match="needs the weight blocks"):
        run_alg(
            ALG,
            {
                "SOURCE": sources,
                "SOURCE_KEY": "sid",
                "TABLES": tables,
                "TARGET": targets,
                "TARGET_KEY": "sd",
                "METHOD": 1,
                "OUTPUT": str(out),
            },
        )
    assert not out.exists()


def test_interpolate_via_qgis_process(qgis_process, layers, tables, tmp_path):
    sources, targets, weights = layers
    src = write_gpkg(sources, tmp_path / "sources.gpkg")
    tgt = write_gpkg(targets, tmp_path / "targets.gpkg")
    wgt = write_gpkg(weights, tmp_path / "weights.gpkg")
    out = tmp_path / "districts.gpkg"
    res = qgis_process(
        ALG,
        {
            "SOURCE": src,
            "SOURCE_KEY": "sid",
            "TABLES": tables,
            "INDICATORS": "kinderarmut_sgb2_u15",
            "TARGET": tgt,
            "TARGET_KEY": "sd",
            "METHOD": 1,
            "WEIGHTS": wgt,
            "WEIGHT_FIELD": "ew",
            "OUTPUT": out,
        },
    )
    assert json.loads(res["results"]["METHOD_RECORD"])["interpolation"] == "population"
    layer = QgsVectorLayer(str(out), "d", "ogr")
    got = {f["key"]: f for f in layer.getFeatures()}
    assert got["T1"]["kinderarmut_sgb2_u15_2020"] == pytest.approx(6.5 / 30 * 100)
    assert got["T2"]["interpolation"] == "population"
    assert json.loads(got["T2"]["sp_method"])["interpolation"] == "population"


def test_output_is_named_for_what_it_is(run_alg, layers, tables):
    """Issue 19: 'Indikatoren Zielgebiete <year> (geschätzt)', not the parameter's name."""
    res = run_alg(ALG, params(layers, tables, 0))
    assert res["OUTPUT"].name().startswith("Indikatoren Zielgebiete 20") and res["OUTPUT"].name().endswith(
        "(geschätzt)"
    )
