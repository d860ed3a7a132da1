"""aggregateindicators through processing.run: hand-computed small case and the demo county."""

import json

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from ..helpers import isnull, r1, square, write_table

ALG = "aggregateindicators"


@pytest.fixture
def blocks(qgis_app):
    """Four 1 km² blocks in a row: b1, b2 -> space A; b3, b4 -> space B; all in municipality 05378004."""
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=block_id:string&field=sr_id:string&field=sr_name:string&field=ags:string",
        "blocks",
        "memory",
    )
    feats = []
    for i, (sr, name) in enumerate([("A", "Alt"), ("A", "Alt"), ("B", "Berg"), ("B", "Berg")]):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"05378000000{i + 1}", sr, name, "05378004"])
        f.setGeometry(square(i * 1000.0, 0.0))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture
def tables(tmp_path):
    t1 = write_table(
        tmp_path / "bloecke_2020.csv",
        ["053780000001;100;20;2", "053780000002;50;10;1", "053780000003;200;40;.", "053780000004;100;20;6"],
    )
    t2 = write_table(
        tmp_path / "stand.csv",
        [
            "053780000001;110;25;5",
            "053780000002;50;10;0",
            "053780000003;200;40;4",
            "053780000004;100;20;6",
            "053780009999;5;1;1",
        ],
    )
    return [t1, t2]


def features(layer):
    return {f["key"]: f for f in layer.getFeatures()}


def test_hand_computed_spaces_municipality_county(run_alg, blocks, tables):
    res = run_alg(
        ALG,
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": tables,
            "YEARS": "2024",
            "INDICATORS": "kinderarmut_sgb2_u15,bevoelkerungsdichte",
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "ags"],
            "COUNTY_NAME": "RBK",
            "OUTPUT_1": "TEMPORARY_OUTPUT",
            "OUTPUT_2": "TEMPORARY_OUTPUT",
            "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
            "REPORT": "TEMPORARY_OUTPUT",
        },
    )
    sp = features(res["OUTPUT_1"])
    assert sorted(sp) == ["A", "B"]
    a, b = sp["A"], sp["B"]
    assert a["name"] == "Alt" and a["n_units"] == 2
    # 2020: A = (2 + 1) / (20 + 10) = 10 %; B: b3 suppressed ('.') -> 6 / 60 = 10 %, flagged incomplete
    assert a["kinderarmut_sgb2_u15_2020"] == pytest.approx(10.0)
    assert a["kinderarmut_sgb2_u15_num_2020"] == 3 and a["kinderarmut_sgb2_u15_den_2020"] == 30
    assert a["kinderarmut_sgb2_u15_flag_2020"] == "unreliable"  # 30 children < min_denominator 50
    assert b["kinderarmut_sgb2_u15_num_2020"] == 6 and b["kinderarmut_sgb2_u15_flag_2020"] == "incomplete"
    # 2024 (year from the YEARS parameter): A = 5 / 35; B = 10 / 60
    assert a["kinderarmut_sgb2_u15_2024"] == pytest.approx(5 / 35 * 100)
    assert b["kinderarmut_sgb2_u15_2024"] == pytest.approx(10 / 60 * 100)
    # density from geometry: A has 150 residents on 2 km²
    assert a["area_km2"] == pytest.approx(2.0, rel=1e-6)
    assert a["bevoelkerungsdichte_2020"] == pytest.approx(75.0, rel=1e-6)
    # change 2020 -> 2024 in percentage points and percent of the count
    assert a["kinderarmut_sgb2_u15_chg_2020_2024"] == pytest.approx(5 / 35 * 100 - 10.0)
    assert a["kinderarmut_sgb2_u15_pct_2020_2024"] == pytest.approx((5 - 3) / 3 * 100)
    # references: county 2024 = 15 / 95 (the table row without a unit is not counted)
    county_2024 = 15 / 95 * 100
    assert a["kinderarmut_sgb2_u15_ref_county_2024"] == pytest.approx(county_2024)
    assert a["kinderarmut_sgb2_u15_dev_county_2024"] == pytest.approx(5 / 35 * 100 - county_2024)
    assert a["kinderarmut_sgb2_u15_ref_mun_2024"] == pytest.approx(county_2024)
    mun = features(res["OUTPUT_2"])["05378004"]
    assert mun["kinderarmut_sgb2_u15_num_2020"] == 9 and mun["kinderarmut_sgb2_u15_flag_2020"] == "incomplete"
    county = features(res["OUTPUT_COUNTY"])["RBK"]
    assert county["kinderarmut_sgb2_u15_2024"] == pytest.approx(county_2024)
    assert county.geometry().area() == pytest.approx(4e6)
    # unmatched keys: one table row without a unit (053780009999)
    assert res["UNMATCHED_TABLE_KEYS"] == 1 and res["UNMATCHED_UNIT_KEYS"] == 0
    report = [(f["kind"], f["key"]) for f in res["REPORT"].getFeatures()]
    assert ("table_only", "053780009999") in report
    # method and catalogue version on the output and in the results
    method = json.loads(res["METHOD"])
    assert method["catalogue_version"] and "never averaged" in method["method"]
    assert json.loads(a["sp_method"])["level"] == "sr_id"
    layer = res["OUTPUT_1"]
    assert method["catalogue_version"] in layer.metadata().abstract()
    # field aliases from the catalogue
    alias = layer.fields().field("kinderarmut_sgb2_u15_2024").alias()
    assert "Kinderarmut" in alias and "2024" in alias


def test_target_layer_by_point_on_surface_and_long_layout(run_alg, blocks, tables):
    target = QgsVectorLayer("Polygon?crs=EPSG:25832&field=sd:string", "districts", "memory")
    feats = []
    for key, x0, x1 in (("S1", -100, 1200), ("S2", 1200, 4100)):  # b2's point on surface lies in S2
        f = QgsFeature(target.fields())
        f.setAttributes([key])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} -10,{x1} -10,{x1} 1010,{x0} 1010,{x0} -10))"))
        feats.append(f)
    target.dataProvider().addFeatures(feats)
    res = run_alg(
        ALG,
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": tables[:1],
            "INDICATORS": "kinderarmut_sgb2_u15",
            "TARGET_LAYER": target,
            "TARGET_KEY": "sd",
            "COUNTY": False,
            "LAYOUT": 1,
            "OUTPUT_TARGET": "TEMPORARY_OUTPUT",
        },
    )
    rows = {(f["key"], f["year"]): f for f in res["OUTPUT_TARGET"].getFeatures()}
    assert sorted(rows) == [("S1", 2020), ("S2", 2020)]
    assert rows[("S1", 2020)]["kinderarmut_sgb2_u15_num"] == 2  # b1 only
    assert rows[("S2", 2020)]["kinderarmut_sgb2_u15_den"] == 10 + 40 + 20  # b2, b3, b4


def test_disclosure_through_the_algorithm(run_alg, blocks, tables):
    res = run_alg(
        ALG,
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "TABLES": tables[:1],
            "INDICATORS": "kinderarmut_sgb2_u15",
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "DISCLOSURE": True,
            "THRESHOLD": 4,
            "REFERENCES": False,
            "OUTPUT_1": "TEMPORARY_OUTPUT",
            "OUTPUT_2": "TEMPORARY_OUTPUT",
            "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
        },
    )
    sp = features(res["OUTPUT_1"])
    # A has 3 children in SGB II (< 4): suppressed; B would give A away (M = A + B): suppressed too
    for k in ("A", "B"):
        assert isnull(sp[k]["kinderarmut_sgb2_u15_num_2020"])
        assert isnull(sp[k]["kinderarmut_sgb2_u15_2020"])
        assert sp[k]["kinderarmut_sgb2_u15_flag_2020"] == "suppressed"
    mun = features(res["OUTPUT_2"])["05378004"]
    assert mun["kinderarmut_sgb2_u15_num_2020"] == 9
    assert res["SUPPRESSED_CELLS"] >= 2
    assert json.loads(res["METHOD"])["disclosure_threshold"] == 4


def test_unknown_indicator_and_unmatched_keys_are_clear_errors(run_alg, blocks, tables, tmp_path):
    with pytest.raises(QgsProcessingException, match="Unknown indicator"):
        run_alg(
            ALG,
            {
                "UNITS": blocks,
                "UNIT_KEY": "block_id",
                "DISCLOSURE": False,
                "TABLES": tables[:1],
                "INDICATORS": "nope",
                "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
            },
        )
    bad = write_table(tmp_path / "x_2020.csv", ["99;1;1;1"])
    with pytest.raises(QgsProcessingException, match="no key of the table matches"):
        run_alg(
            ALG,
            {
                "UNITS": blocks,
                "UNIT_KEY": "block_id",
                "DISCLOSURE": False,
                "TABLES": [bad],
                "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
            },
        )


def test_demo_county_reproduces_the_published_rbk_table(run_alg, demo_dir):
    gpkg = demo_dir / "rbk_demo.gpkg"
    tables = [str(demo_dir / f"bloecke_{y}.csv") for y in (2009, 2014, 2023, 2024, 2025)]
    res = run_alg(
        ALG,
        {
            "UNITS": f"{gpkg}|layername=blocks",
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": tables,
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
            "OUTPUT_1": "TEMPORARY_OUTPUT",
            "OUTPUT_2": "TEMPORARY_OUTPUT",
            "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
        },
    )
    assert res["UNMATCHED_TABLE_KEYS"] == 0 and res["UNMATCHED_UNIT_KEYS"] == 0
    muns = {f["name"]: f for f in res["OUTPUT_2"].getFeatures()}
    assert len(muns) == 8
    bg = next(f for n, f in muns.items() if n.startswith("Bergisch Gladbach"))
    od = next(f for n, f in muns.items() if n.startswith("Odenthal"))
    ku = next(f for n, f in muns.items() if n.startswith("Kürten"))
    assert r1(bg["kinderarmut_sgb2_u15_2014"]) == 14.7
    assert r1(od["kinderarmut_sgb2_u15_2014"]) == 3.0
    # the catalogue's 5-year percent change of the SGB II child count, in 2014
    assert r1(ku["kinder_sgb2_veraenderung_2014"]) == 12.9
    county = next(res["OUTPUT_COUNTY"].getFeatures())
    assert county["kinderarmut_sgb2_u15_num_2009"] == 4422 and county["kinderarmut_sgb2_u15_den_2009"] == 40931
    assert r1(county["kinderarmut_sgb2_u15_2009"]) == 10.8 and r1(county["kinderarmut_sgb2_u15_2014"]) == 11.2
    blocks = QgsVectorLayer(f"{gpkg}|layername=blocks", "b", "ogr")
    assert res["OUTPUT_1"].featureCount() == len({f["sr_id"] for f in blocks.getFeatures()})
