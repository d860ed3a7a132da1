"""definesocialspaces on hand-made blocks: dissolve, sums and the validation findings."""

import math

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from ..helpers import grid_blocks


def test_dissolve_sums_and_report(run_alg):
    blocks = grid_blocks(
        ["A", "A", "B", None, "B", "C"], residents=[100, 250, 40, 10, 60, 5000], munis=["1", "1", "1", "1", "2", "2"]
    )
    res = run_alg(
        "definesocialspaces",
        {
            "BLOCKS": blocks,
            "ASSIGNMENT": "sr",
            "MUNICIPALITY_FIELD": "ags",
            "POPULATION_FIELD": "residents",
            "ID_FIELD": "block_id",
            "FLOOR": 200,
            "CEILING": 4000,
            "OUTPUT": "memory:",
            "REPORT": "memory:",
        },
    )
    out = res["OUTPUT"]
    rows = {f["space_id"]: f for f in out.getFeatures()}
    assert sorted(rows) == ["A", "B", "C"]
    assert rows["A"]["residents"] == 350 and rows["A"]["n_blocks"] == 2
    assert rows["A"]["area_km2"] == pytest.approx(2e-6)
    assert rows["B"]["residents"] == 100
    defects = sorted((f["defect"], f["space_id"], f["block_ids"]) for f in res["REPORT"].getFeatures())
    # block 3 unassigned; B = blocks 2 and 4 (not touching) and in municipalities 1 and 2;
    # B has 100 < 200 residents; C has 5000 > 4000.
    assert defects == [
        ("above_ceiling", "C", "0005"),
        ("below_floor", "B", "0002, 0004"),
        ("crosses_municipality", "B", "0002"),
        ("crosses_municipality", "B", "0004"),
        ("multipart_space", "B", "0004"),
        ("unassigned", "", "0003"),
    ]
    assert res["SPACE_COUNT"] == 3 and res["DEFECT_COUNT"] == 6
    assert rows["B"]["n_parts"] == 2 and rows["A"]["n_parts"] == 1
    assert rows["B"]["municipality"] == "1, 2"
    assert rows["A"]["polsby_popper"] == pytest.approx(4 * math.pi * 2 / 36)
    assert rows["B"]["defects"] == "below_floor,crosses_municipality,multipart_space"
    assert "- block without a social space: 1" in res["SUMMARY"]


def test_gaps_overlaps_and_repaired_geometry(run_alg):
    # a 3 x 3 ring of squares around a hole (gap), one pair overlapping, one bow-tie block
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=block_id:string&field=sr:string&field=sr_name:string", "blocks", "memory"
    )
    wkts = [
        f"POLYGON(({x} {y},{x + 1} {y},{x + 1} {y + 1},{x} {y + 1},{x} {y}))"
        for y in range(3)
        for x in range(3)
        if (x, y) != (1, 1)
    ]
    wkts.append("POLYGON((3 0,5 0,5 1,3 1,3 0))")  # block 8 overlaps ...
    wkts.append("POLYGON((4 0,6 0,6 1,4 1,4 0))")  # ... block 9 by 1 square unit
    wkts.append("POLYGON((6 0,7 1,7 0,6 1,6 0))")  # block 10: bow-tie (self-intersection)
    feats = []
    for k, w in enumerate(wkts):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(w))
        f.setAttributes([f"b{k}", "A" if k < 8 else "B", "Nord" if k < 8 else "Süd"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_alg(
        "definesocialspaces",
        {
            "BLOCKS": layer,
            "ASSIGNMENT": "sr",
            "NAME_FIELD": "sr_name",
            "ID_FIELD": "block_id",
            "OUTPUT": "memory:",
            "REPORT": "memory:",
        },
    )
    report = {f["defect"]: f for f in res["REPORT"].getFeatures()}
    assert set(report) == {"gap", "overlap", "invalid_geometry_repaired"}
    assert report["gap"]["space_id"] == "A" and "at (1.5, 1.5)" in report["gap"]["detail"]
    assert report["overlap"]["block_ids"] == "b8, b9"
    assert report["invalid_geometry_repaired"]["block_ids"] == "b10"
    spaces = {f["space_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert spaces["A"]["space_name"] == "Nord" and spaces["B"]["space_name"] == "Süd"
    assert spaces["A"]["area_km2"] == pytest.approx(8e-6)
    assert spaces["A"]["defects"] == "gap" and spaces["B"]["defects"] == ""  # overlaps belong to blocks
    # a hole and an overlap of 1 square unit each are not reported when the smallest size is 2
    res = run_alg(
        "definesocialspaces",
        {"BLOCKS": layer, "ASSIGNMENT": "sr", "MIN_GAP_AREA": 2, "OUTPUT": "memory:", "REPORT": "memory:"},
    )
    assert [f["defect"] for f in res["REPORT"].getFeatures()] == ["invalid_geometry_repaired"]


def test_streets_with_a_neighbour_distance(run_alg):
    # two 10 m blocks with a 2 m street between them: one space in two parts, unless the distance bridges it
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=sr:string", "blocks", "memory")
    feats = []
    for x0 in (0, 12):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} 0,{x0 + 10} 0,{x0 + 10} 10,{x0} 10,{x0} 0))"))
        f.setAttributes(["A"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    res = run_alg("definesocialspaces", {"BLOCKS": layer, "ASSIGNMENT": "sr", "OUTPUT": "memory:", "REPORT": "memory:"})
    assert [f["defect"] for f in res["REPORT"].getFeatures()] == ["multipart_space"]
    res = run_alg(
        "definesocialspaces",
        {"BLOCKS": layer, "ASSIGNMENT": "sr", "TOLERANCE": 3, "OUTPUT": "memory:", "REPORT": "memory:"},
    )
    assert res["DEFECT_COUNT"] == 0
    (space,) = list(res["OUTPUT"].getFeatures())
    assert space["n_parts"] == 1 and space["area_km2"] == pytest.approx(220e-6, rel=0.01)  # street closed


def test_missing_field_is_a_clear_error(run_alg):
    blocks = grid_blocks(["A", "B"])
    with pytest.raises(QgsProcessingException, match="no field 'nope'"):
        run_alg(
            "definesocialspaces",
            {"BLOCKS": blocks, "ASSIGNMENT": "sr", "POPULATION_FIELD": "nope", "OUTPUT": "memory:"},
        )


def test_empty_layer_is_a_clear_error(run_alg):
    blocks = grid_blocks([])
    with pytest.raises(QgsProcessingException, match="no features"):
        run_alg("definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "OUTPUT": "memory:"})


def test_input_layer_untouched(run_alg):
    blocks = grid_blocks(["A", "A"])
    before = [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()]
    run_alg("definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "OUTPUT": "memory:"})
    assert [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()] == before
