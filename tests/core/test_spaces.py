"""Validation of a manual block -> space assignment: one test per defect type, on hand-made squares."""

import math

import pytest
from shapely.geometry import Polygon, box

from sozialplanung_plugin.core import spaces
from sozialplanung_plugin.core.errors import InputError


def row_blocks(k):
    """k unit squares in a row: block i covers [i, i+1] x [0, 1]."""
    return [box(i, 0, i + 1, 1) for i in range(k)]


def ids(k):
    return [f"b{i}" for i in range(k)]


def defects(res):
    return sorted(zip(res.report["defect"], res.report["space_id"], res.report["block_ids"]))


def test_clean_assignment_has_no_defects_and_sums():
    g = row_blocks(4)
    res = spaces.validate_assignment(
        g,
        ids(4),
        ["A", "A", "B", "B"],
        names=["Nord", "Nord", "Süd", None],
        population=[10, 20, 30, 40],
        counts={"kids": [1, 2, 3, 4]},
        municipalities=["m1"] * 4,
        floor=20,
        ceiling=100,
    )
    assert res.ok and res.summary() == "2 social spaces, no defects found."
    t = res.spaces.set_index("space_id")
    assert t.loc["A", "population"] == 30 and t.loc["B", "population"] == 70
    assert t.loc["A", "kids"] == 3 and t.loc["B", "kids"] == 7
    assert t.loc["A", "name"] == "Nord" and t.loc["B", "name"] == "Süd"  # stable names kept
    assert t.loc["A", "n_blocks"] == 2 and t.loc["A", "area"] == 2.0 and t.loc["A", "n_parts"] == 1
    assert t.loc["A", "polsby_popper"] == pytest.approx(4 * math.pi * 2 / 36)
    assert list(t.index) == ["A", "B"]  # in first-seen order, ids kept as text
    assert res.geometries["B"].bounds == (2.0, 0.0, 4.0, 1.0)


def test_unassigned():
    res = spaces.validate_assignment(row_blocks(3), ids(3), ["A", None, " "])
    assert defects(res) == [("unassigned", "", "b1"), ("unassigned", "", "b2")]
    assert list(res.spaces["space_id"]) == ["A"]


def test_space_that_falls_apart():
    res = spaces.validate_assignment(row_blocks(5), ids(5), ["A", "A", "B", "A", "B"])
    # A = b0 b1 | b3; B = b2 | b4
    assert defects(res) == [("multipart_space", "A", "b3"), ("multipart_space", "B", "b4")]
    assert res.spaces.set_index("space_id").loc["A", "n_parts"] == 2
    assert res.spaces.set_index("space_id").loc["A", "defects"] == "multipart_space"


def test_streets_between_blocks_do_not_split_with_a_tolerance():
    g = [box(0, 0, 10, 10), box(12, 0, 22, 10)]
    assert defects(spaces.validate_assignment(g, ids(2), ["A", "A"], check_gaps=False)) == [
        ("multipart_space", "A", "b1")
    ]
    assert spaces.validate_assignment(g, ids(2), ["A", "A"], tolerance=3.0).ok


def test_gap_between_blocks():
    # a ring of 8 squares around a missing middle square: a hole of 1 square unit
    g = [box(x, y, x + 1, y + 1) for y in range(3) for x in range(3) if (x, y) != (1, 1)]
    bid = [f"b{k}" for k in range(8)]
    res = spaces.validate_assignment(g, bid, ["A"] * 8)
    assert list(res.report["defect"]) == ["gap"]
    row = res.report.iloc[0]
    assert row["space_id"] == "A"
    assert "gap of 1.0 square map units at (1.5, 1.5)" in row["detail"]
    assert set(row["block_ids"].split(", ")) == set(bid)  # all eight touch the hole (rook or corner)
    # slivers below min_gap_area are ignored
    assert spaces.validate_assignment(g, bid, ["A"] * 8, min_gap_area=2.0).ok


def test_overlapping_blocks():
    g = [box(0, 0, 2, 1), box(1.5, 0, 3.5, 1), box(3.5, 0, 4.5, 1)]
    res = spaces.validate_assignment(g, ids(3), ["A", "A", "B"], min_overlap_area=0.1)
    assert defects(res) == [("overlap", "", "b0, b1")]
    assert "0.5 square map units" in res.report.iloc[0]["detail"]
    assert spaces.validate_assignment(g, ids(3), ["A", "A", "B"]).ok  # default: slivers below 1 unit² ignored


def test_space_crossing_a_municipality():
    res = spaces.validate_assignment(row_blocks(3), ids(3), ["A", "A", "A"], municipalities=["m1", "m1", "m2"])
    assert defects(res) == [("crosses_municipality", "A", "b0, b1"), ("crosses_municipality", "A", "b2")]
    assert res.spaces.iloc[0]["municipality"] == "m1+m2"


def test_below_floor_and_above_ceiling():
    res = spaces.validate_assignment(
        row_blocks(4), ids(4), ["A", "B", "B", "C"], population=[50, 300, 400, 90], floor=100, ceiling=600
    )
    assert defects(res) == [("above_ceiling", "B", "b1, b2"), ("below_floor", "A", "b0"), ("below_floor", "C", "b3")]
    assert "700 residents > ceiling 600" in res.report.set_index("space_id").loc["B", "detail"]


def test_invalid_geometry_is_repaired_and_reported():
    bowtie = Polygon([(1, 0), (2, 1), (2, 0), (1, 1), (1, 0)])  # self-intersecting at (1.5, 0.5)
    res = spaces.validate_assignment([box(0, 0, 1, 1), bowtie], ids(2), ["A", "A"], check_gaps=False)
    assert list(res.report["defect"]) == ["invalid_geometry_repaired"]
    assert res.report.iloc[0]["block_ids"] == "b1"
    assert "Self-intersection" in res.report.iloc[0]["detail"]
    assert res.blocks[1].is_valid
    assert res.spaces.iloc[0]["area"] == pytest.approx(1.5)


@pytest.mark.parametrize("missing", [None, Polygon()], ids=["none", "empty"])
def test_block_without_geometry_is_reported_not_fatal(missing):
    # a block without geometry (None) or an empty one is reported; the overlap and gap checks skip it (both
    # raised before: None has no bounds, shapely 1.8 gives () for an empty one, unary_union refuses None)
    res = spaces.validate_assignment(row_blocks(2) + [missing], ids(3), ["A", "A", "B"])
    assert defects(res) == [("invalid_geometry_repaired", "", "b2")]
    assert res.spaces.set_index("space_id")["area"].to_dict() == {"A": 2.0, "B": 0.0}


def test_name_conflict():
    res = spaces.validate_assignment(row_blocks(2), ids(2), ["A", "A"], names=["Nord", "Norden"])
    assert defects(res) == [("name_conflict", "A", "b0, b1")]


def test_summary_lists_defects():
    res = spaces.validate_assignment(row_blocks(3), ids(3), ["A", None, "A"], population=[1, 1, 1], floor=5)
    text = res.summary()
    assert text.startswith("1 social spaces, 3 defects:")
    assert "- block without a social space: 1" in text
    assert "- social space falls apart into parts that do not touch: 1" in text


def test_length_mismatch_is_an_input_error():
    with pytest.raises(InputError, match="same number of rows"):
        spaces.validate_assignment(row_blocks(2), ids(2), ["A"])
