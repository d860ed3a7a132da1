"""regionaliseblocks on hand-made square blocks (known answers) and on the demo county through qgis_process."""

import math

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

ALG = "regionaliseblocks"


def grid_layer(w, h, units=None, attr=None, locked=None, ref=None, size=100.0, crs="EPSG:25832", residents=None):
    """w x h squares of `size` map units, 100 residents each; block k at (k % w, k // w)."""
    layer = QgsVectorLayer(
        f"Polygon?crs={crs}&field=block_id:string&field=ags:string&field=ew:integer"
        "&field=quote:double&field=lock:string&field=plr:string",
        "blocks",
        "memory",
    )
    feats = []
    for k in range(w * h):
        x, y = (k % w) * size, (k // w) * size
        f = QgsFeature(layer.fields())
        f.setGeometry(
            QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))")
        )
        f.setAttributes(
            [
                f"b{k:03d}",
                units[k] if units else "05378004",
                residents[k] if residents else 100,
                attr[k] if attr else 0.0,
                locked[k] if locked else None,
                ref[k] if ref else None,
            ]
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def line_layer(wkt, crs="EPSG:25832"):
    layer = QgsVectorLayer(f"LineString?crs={crs}", "barriers", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([f])
    return layer


def base_params(blocks, **kw):
    p = {
        "BLOCKS": blocks,
        "POPULATION_FIELD": "ew",
        "ID_FIELD": "block_id",
        "OUTPUT_BLOCKS": "memory:",
        "OUTPUT": "memory:",
        "REPORT": "memory:",
    }
    p.update(kw)
    return p


def test_nested_spaces_within_bounds(run_alg):
    # 6 x 4 grid; unit A = columns 0-2, B = columns 3-5 (1,200 residents each); floor 500, ceiling 700
    units = ["A" if k % 6 < 3 else "B" for k in range(24)]
    res = run_alg(ALG, base_params(grid_layer(6, 4, units=units), NESTING_FIELD="ags", FLOOR=500, CEILING=700))
    assert res["SPACE_COUNT"] == 4 and res["SHARE_IN_BOUNDS"] == 1.0
    spaces = list(res["OUTPUT"].getFeatures())
    assert len(spaces) == 4
    by_unit = {}
    for f in spaces:
        assert 500 <= f["population"] <= 700 and f["in_bounds"] and f["flag"] == ""
        assert f["space_id"].startswith(f["unit"] + "-")
        assert f.geometry().constGet().numGeometries() == 1  # contiguous: one polygon
        by_unit[f["unit"]] = by_unit.get(f["unit"], 0) + f["population"]
        assert 0 < f["polsby_popper"] <= math.pi / 4 + 1e-9  # a square is the most compact block union
    assert by_unit == {"A": 1200, "B": 1200}
    blocks = list(res["OUTPUT_BLOCKS"].getFeatures())
    assert len(blocks) == 24
    assert {f["block_id"] for f in blocks} == {f"b{k:03d}" for k in range(24)}
    # every block's space lies in the block's unit
    assert all(f["space_id"].startswith(f["ags"] + "-") for f in blocks)
    metrics = [f["detail"] for f in res["REPORT"].getFeatures() if f["type"] == "metric"]
    assert "n_spaces=4" in metrics
    assert res["POP_CV"] >= 0 and res["SSD"] == 0.0
    assert math.isnan(res["ARI"])
    # extra improvement rounds keep every rule
    res = run_alg(
        ALG, base_params(grid_layer(6, 4, units=units), NESTING_FIELD="ags", FLOOR=500, CEILING=700, IMPROVE_ROUNDS=3)
    )
    assert res["SHARE_IN_BOUNDS"] == 1.0
    assert all(f["space_id"].startswith(f["ags"] + "-") for f in res["OUTPUT_BLOCKS"].getFeatures())


def test_homogeneity_barrier_lock_and_reference(run_alg):
    # 4 x 4 grid of 100 residents, floor 700, ceiling 900 -> two spaces of 8 blocks.
    # The attribute favours a horizontal cut (bottom rows 0, top rows 1) ...
    attr = [0.0 if k // 4 < 2 else 1.0 for k in range(16)]
    ref = ["S" if k // 4 < 2 else "N" for k in range(16)]
    res = run_alg(
        ALG,
        base_params(
            grid_layer(4, 4, attr=attr, ref=ref),
            ATTRIBUTE_FIELDS=["quote"],
            REFERENCE_FIELD="plr",
            FLOOR=700,
            CEILING=900,
        ),
    )
    sid = {f["block_id"]: f["space_id"] for f in res["OUTPUT_BLOCKS"].getFeatures()}
    assert len({sid[f"b{k:03d}"] for k in range(8)}) == 1 and sid["b000"] != sid["b015"]
    assert res["ARI"] == pytest.approx(1.0) and res["SSD"] == pytest.approx(0.0, abs=1e-9)
    # ... but a railway along x = 200 forces the vertical cut
    res = run_alg(
        ALG,
        base_params(
            grid_layer(4, 4, attr=attr, ref=ref),
            ATTRIBUTE_FIELDS=["quote"],
            REFERENCE_FIELD="plr",
            FLOOR=700,
            CEILING=900,
            BARRIERS=line_layer("LINESTRING(200 -50, 200 450)"),
        ),
    )
    sid = {f["block_id"]: f["space_id"] for f in res["OUTPUT_BLOCKS"].getFeatures()}
    left = {sid[f"b{k:03d}"] for k in range(16) if k % 4 < 2}
    right = {sid[f"b{k:03d}"] for k in range(16) if k % 4 >= 2}
    assert len(left) == 1 and len(right) == 1 and left != right
    assert res["ARI"] < 0.1
    # a locked space (the bottom row, id "OLD") is kept; the remaining 12 blocks form two spaces of 600
    locked = ["OLD"] * 4 + [None] * 12
    res = run_alg(ALG, base_params(grid_layer(4, 4, locked=locked), LOCK_FIELD="lock", FLOOR=500, CEILING=700))
    sid = {f["block_id"]: f["space_id"] for f in res["OUTPUT_BLOCKS"].getFeatures()}
    assert [sid[f"b{k:03d}"] for k in range(4)] == ["OLD"] * 4
    spaces = {f["space_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert spaces["OLD"]["locked"] and spaces["OLD"]["population"] == 400
    assert sorted(f["population"] for k, f in spaces.items() if k != "OLD") == [600, 600]


def test_infeasible_unit_is_flagged(run_alg):
    # unit S has 2 blocks (200 residents) < floor 300: one space, flagged, reported
    units = ["S", "S", "T", "T", "T", "T"]
    res = run_alg(ALG, base_params(grid_layer(6, 1, units=units), NESTING_FIELD="ags", FLOOR=300, CEILING=500))
    spaces = {f["unit"]: f for f in res["OUTPUT"].getFeatures()}
    assert spaces["S"]["flag"] == "unit_below_floor" and not spaces["S"]["in_bounds"]
    assert spaces["T"]["flag"] == "" and spaces["T"]["population"] == 400
    types = [f["type"] for f in res["REPORT"].getFeatures()]
    assert "unit_below_floor" in types
    assert res["SHARE_IN_BOUNDS"] == pytest.approx(0.5)


def test_all_blocks_locked(run_alg):
    # issue 15: every block locked (bottom row 'A' = 400, top row 'B' = 2 x 100 + 'C' = 2 x 100), floor 300,
    # ceiling 500: the locked spaces come back as they are, 'B' and 'C' outside the bounds; no traceback
    locked = ["A"] * 4 + ["B", "B", "C", "C"]
    res = run_alg(ALG, base_params(grid_layer(4, 2, locked=locked), LOCK_FIELD="lock", FLOOR=300, CEILING=500))
    sid = {f["block_id"]: f["space_id"] for f in res["OUTPUT_BLOCKS"].getFeatures()}
    assert [sid[f"b{k:03d}"] for k in range(8)] == locked
    spaces = {f["space_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert {k: f["population"] for k, f in spaces.items()} == {"A": 400, "B": 200, "C": 200}
    assert all(f["locked"] and f["flag"] == "locked" for f in spaces.values())
    assert [k for k, f in spaces.items() if f["in_bounds"]] == ["A"]
    assert res["SPACE_COUNT"] == 3 and res["SHARE_IN_BOUNDS"] == pytest.approx(1 / 3)


def test_degrees_are_measured_in_metres(run_alg):
    # 0.001 degree squares near Berlin: the dissolved space keeps the input CRS, area measured in metres
    res = run_alg(ALG, base_params(grid_layer(2, 1, size=0.001, crs="EPSG:4326"), FLOOR=100, CEILING=300))
    (space,) = list(res["OUTPUT"].getFeatures())
    assert res["OUTPUT"].crs().authid() == "EPSG:4326"
    assert space["population"] == 200
    assert space["area_km2"] == pytest.approx(2 * 0.111 * 0.111, rel=0.05)  # ~111 m x ~111 m at the equator
    assert space["polsby_popper"] == pytest.approx(4 * math.pi * 2 / 36, rel=0.02)


def test_clear_errors_and_input_untouched(run_alg):
    blocks = grid_layer(2, 1)
    with pytest.raises(QgsProcessingException, match="must be below the ceiling"):
        run_alg(ALG, base_params(blocks, FLOOR=500, CEILING=500))
    empty = grid_layer(2, 1, residents=[100, None])
    with pytest.raises(QgsProcessingException, match="empty for 1 blocks.*b001.*Enter 0"):
        run_alg(ALG, base_params(empty, FLOOR=50, CEILING=500))
    before = [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()]
    run_alg(ALG, base_params(blocks, FLOOR=50, CEILING=500))
    assert [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()] == before


@pytest.mark.slow
def test_demo_county_via_qgis_process(qgis_process, demo_dir, tmp_path):
    gpkg = demo_dir / "rbk_demo.gpkg"
    res = qgis_process(
        ALG,
        {
            "BLOCKS": f"{gpkg}|layername=blocks",
            "POPULATION_FIELD": "residents",
            "NESTING_FIELD": "ags",
            "ID_FIELD": "block_id",
            "REFERENCE_FIELD": "sr_id",
            "FLOOR": 3000,
            "CEILING": 6000,
            "SEED": 0,
            "OUTPUT_BLOCKS": str(tmp_path / "blocks.gpkg"),
            "OUTPUT": str(tmp_path / "spaces.gpkg"),
            "REPORT": str(tmp_path / "report.csv"),
        },
    )
    out = res["results"]
    assert out["SHARE_IN_BOUNDS"] == 1.0
    assert 47 <= out["SPACE_COUNT"] <= 95  # 283,455 residents / 6,000 .. / 3,000
    assert 0 < out["ARI"] < 1 and out["MEAN_POLSBY_POPPER"] > 0.3
    spaces = QgsVectorLayer(out["OUTPUT"], "spaces", "ogr")
    assert spaces.featureCount() == out["SPACE_COUNT"]
    assert sum(f["population"] for f in spaces.getFeatures()) == 283455
    assert all(f.geometry().constGet().numGeometries() == 1 for f in spaces.getFeatures())
    assert QgsVectorLayer(out["OUTPUT_BLOCKS"], "b", "ogr").featureCount() == 2421
