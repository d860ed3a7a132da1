"""definesocialspaces on hand-made blocks: dissolve, sums and the validation findings."""
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer


def grid_blocks(assign, residents=None, munis=None):
    """Unit squares in a row: block i covers [i, i+1] x [0, 1], assigned to assign[i]."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=block_id:string&field=sr:string&field=ags:string"
                           "&field=residents:integer", "blocks", "memory")
    feats = []
    for i, space in enumerate(assign):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"))
        f.setAttributes([f"{i:04d}", space, (munis or ["05378004"] * len(assign))[i],
                         (residents or [100] * len(assign))[i]])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_dissolve_sums_and_report(run_alg):
    blocks = grid_blocks(["A", "A", "B", None, "B", "C"], residents=[100, 250, 40, 10, 60, 5000],
                         munis=["1", "1", "1", "1", "2", "2"])
    res = run_alg("definesocialspaces", {
        "BLOCKS": blocks, "ASSIGNMENT": "sr", "MUNICIPALITY_FIELD": "ags", "POPULATION_FIELD": "residents",
        "FLOOR": 200, "CEILING": 4000, "OUTPUT": "memory:", "REPORT": "memory:"})
    out = res["OUTPUT"]
    rows = {f["space_id"]: f for f in out.getFeatures()}
    assert sorted(rows) == ["A", "B", "C"]
    assert rows["A"]["residents"] == 350 and rows["A"]["n_blocks"] == 2
    assert rows["A"]["area_km2"] == pytest.approx(2e-6)
    assert rows["B"]["residents"] == 100
    defects = sorted((f["defect"], f["space_id"]) for f in res["REPORT"].getFeatures())
    # block 3 unassigned; B = blocks 2 and 4 (not touching) and in municipalities 1 and 2;
    # B has 100 < 200 residents; C has 5000 > 4000.
    assert defects == [("above_ceiling", "C"), ("below_floor", "B"), ("crosses_municipality", "B"),
                       ("multipart", "B"), ("unassigned", "")]
    assert res["SPACE_COUNT"] == 3 and res["DEFECT_COUNT"] == 5


def test_missing_field_is_a_clear_error(run_alg):
    blocks = grid_blocks(["A", "B"])
    with pytest.raises(QgsProcessingException, match="no field 'nope'"):
        run_alg("definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "POPULATION_FIELD": "nope",
                                       "OUTPUT": "memory:"})


def test_empty_layer_is_a_clear_error(run_alg):
    blocks = grid_blocks([])
    with pytest.raises(QgsProcessingException, match="no features"):
        run_alg("definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "OUTPUT": "memory:"})


def test_input_layer_untouched(run_alg):
    blocks = grid_blocks(["A", "A"])
    before = [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()]
    run_alg("definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "OUTPUT": "memory:"})
    assert [(f.attributes(), f.geometry().asWkt()) for f in blocks.getFeatures()] == before
