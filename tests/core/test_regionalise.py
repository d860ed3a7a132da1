"""Regionalisation on hand-made square blocks where the right answer is known."""

import math

import numpy as np
import pytest
from shapely.geometry import LineString, box

from sozialplanung_plugin.core import graph
from sozialplanung_plugin.core import regionalise as rg
from sozialplanung_plugin.core.errors import InputError


def grid(w, h, x0=0.0):
    """Unit squares, row-major from the bottom left: block k = (x, y) = (k % w, k // w)."""
    return [box(x0 + x, y, x0 + x + 1, y + 1) for y in range(h) for x in range(w)]


def assert_contiguous(res, units=None, cut=None):
    """Every space is connected over touching blocks and island links (not over barrier-cut edges)."""
    adj = res.adjacency
    lab = res.labels
    keep = lab[adj.i] == lab[adj.j]
    if cut is not None:
        keep &= ~cut
    _, comp = adj.components(keep)
    for r in range(len(res.space_ids)):
        assert len(set(comp[lab == r].tolist())) == 1, f"space {res.space_ids[r]} falls apart"
    if units is not None:
        u = np.asarray(units)
        for r in range(len(res.space_ids)):
            assert len(set(u[lab == r].tolist())) == 1, f"space {res.space_ids[r]} crosses a unit"


# ------------------------------------------------------------------------------------------------ metrics


def test_adjusted_rand_index_known_values():
    assert rg.adjusted_rand_index([0, 0, 1, 1], [5, 5, 7, 7]) == 1.0
    # sklearn.metrics.adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
    assert rg.adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    # [0,0,0,1,1,1] vs [0,0,1,1,2,2]: sum_ij C = 1+0+0+1 = 2... hand: contingency rows (2,1,0),(0,1,2)
    # sum C(nij,2)=2, sum_a=6, sum_b=3, total=15, expected=1.2, max=4.5 -> (2-1.2)/(4.5-1.2)
    assert rg.adjusted_rand_index([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == pytest.approx(0.8 / 3.3)
    with pytest.raises(InputError):
        rg.adjusted_rand_index([0, 1], [0])


def test_within_ssd_and_standardise():
    x = np.array([1.0, 3.0, 10.0, 14.0])
    assert rg.within_ssd(x, [0, 0, 1, 1]) == pytest.approx(2.0 + 8.0)  # (1-2)^2+(3-2)^2 + (10-12)^2+(14-12)^2
    z = rg.standardise(np.c_[x, np.ones(4)])
    assert z[:, 0].mean() == pytest.approx(0) and z[:, 0].std() == pytest.approx(1)
    assert (z[:, 1] == 0).all()


def test_polsby_popper_and_space_shapes():
    assert rg.polsby_popper([1.0], [4.0])[0] == pytest.approx(math.pi / 4)
    g = grid(2, 1)
    adj = graph.block_adjacency(g)
    area, per = rg.space_shapes(np.array([0, 0]), adj, np.ones(2), np.full(2, 4.0))
    assert area[0] == 2.0 and per[0] == 6.0  # 2 x 1 rectangle
    area, per = rg.space_shapes(np.array([0, 1]), adj, np.ones(2), np.full(2, 4.0))
    assert per.tolist() == [4.0, 4.0]


# ------------------------------------------------------------------------------------------------ partitions


def test_bounds_homogeneity_and_determinism():
    # 4 x 4 squares of 100 residents; floor 700, ceiling 900 -> exactly two spaces of 8 blocks.
    # The attribute is 0 in the two left columns and 1 in the right ones: the homogeneous answer is a vertical cut.
    g = grid(4, 4)
    attr = np.array([[0.0 if k % 4 < 2 else 1.0] for k in range(16)])
    res = rg.regionalise_blocks(g, np.full(16, 100.0), floor=700, ceiling=900, attributes=attr, seed=7)
    assert res.report["n_spaces"] == 2
    assert sorted(res.spaces["population"].tolist()) == [800.0, 800.0]
    left = res.labels[[k for k in range(16) if k % 4 < 2]]
    right = res.labels[[k for k in range(16) if k % 4 >= 2]]
    assert len(set(left)) == 1 and len(set(right)) == 1 and left[0] != right[0]
    assert res.report["ssd"] == pytest.approx(0.0, abs=1e-9)
    assert res.report["share_within_bounds"] == 1.0
    assert res.report["population_cv"] == 0.0
    # the two halves are 2 x 4 rectangles: PP = 4 pi 8 / 12^2
    assert res.report["mean_polsby_popper"] == pytest.approx(4 * math.pi * 8 / 144)
    assert_contiguous(res)
    # rows instead of columns: horizontal cut
    attr_rows = np.array([[0.0 if k // 4 < 2 else 1.0] for k in range(16)])
    res2 = rg.regionalise_blocks(g, np.full(16, 100.0), floor=700, ceiling=900, attributes=attr_rows, seed=7)
    assert len(set(res2.labels[:8])) == 1 and len(set(res2.labels[8:])) == 1 and res2.labels[0] != res2.labels[8]
    # same seed, same answer (on a less symmetric problem)
    rng = np.random.default_rng(1)
    g3 = grid(12, 10)
    pop = rng.integers(50, 150, 120).astype(float)
    attr3 = rng.normal(size=(120, 2))
    a = rg.regionalise_blocks(g3, pop, floor=1500, ceiling=2500, attributes=attr3, seed=3)
    b = rg.regionalise_blocks(g3, pop, floor=1500, ceiling=2500, attributes=attr3, seed=3)
    assert a.labels.tolist() == b.labels.tolist() and a.space_ids == b.space_ids
    assert a.report["share_within_bounds"] == 1.0
    assert_contiguous(a)


def test_nesting_never_crosses_units():
    # 6 x 4 grid, unit A = columns 0-2, unit B = columns 3-5; 100 residents each -> 1,200 per unit.
    # floor 500, ceiling 700: each unit splits into two spaces of 600 (only 2 spaces per unit are feasible).
    g = grid(6, 4)
    units = ["A" if k % 6 < 3 else "B" for k in range(24)]
    res = rg.regionalise_blocks(g, np.full(24, 100.0), units=units, floor=500, ceiling=700, seed=0)
    assert res.report["n_spaces"] == 4
    assert res.spaces.groupby("unit")["population"].sum().to_dict() == {"A": 1200.0, "B": 1200.0}
    assert res.spaces["population"].between(500, 700).all()
    assert sorted(res.spaces["unit"].tolist()) == ["A", "A", "B", "B"]
    assert all(s.startswith(u + "-") for s, u in zip(res.spaces["space_id"], res.spaces["unit"]))
    assert_contiguous(res, units)


def test_barrier_line_is_never_crossed():
    # 4 x 4 grid; an attribute favours a horizontal cut, but a railway runs along x = 2 from bottom to top.
    g = grid(4, 4)
    attr = np.array([[0.0 if k // 4 < 2 else 1.0] for k in range(16)])
    rail = LineString([(2, -0.5), (2, 4.5)])
    res = rg.regionalise_blocks(g, np.full(16, 100.0), floor=700, ceiling=900, attributes=attr, barriers=[rail], seed=0)
    assert res.report["n_barrier_edges_cut"] == 4
    left = {res.labels[k] for k in range(16) if k % 4 < 2}
    right = {res.labels[k] for k in range(16) if k % 4 >= 2}
    assert len(left) == 1 and len(right) == 1 and left != right
    assert_contiguous(res, cut=res.barrier_cut)


def test_small_fragment_behind_a_barrier_is_joined_and_reported():
    # a river cuts off the top-right block (100 residents < floor): it joins its neighbour across the river.
    g = grid(3, 3)
    river = LineString([(2, 3.5), (2, 2), (3.5, 2)])  # an L around block 8
    res = rg.regionalise_blocks(g, np.full(9, 100.0), floor=400, ceiling=1000, barriers=[river], seed=0)
    assert "barrier_relaxed" in set(res.issues["type"])
    row = res.issues[res.issues["type"] == "barrier_relaxed"].iloc[0]
    assert row["blocks"] == "8"
    assert res.report["share_within_bounds"] == 1.0


def test_islands_are_linked_and_reported():
    # unit A: a 2 x 2 block of squares plus an island at x = 10 (an exclave); unit B: one block between them.
    g = grid(2, 2) + [box(10, 0, 11, 1), box(5, 0, 6, 1)]
    units = ["A"] * 5 + ["B"]
    pop = [100, 100, 100, 100, 100, 300]
    res = rg.regionalise_blocks(g, pop, units=units, floor=250, ceiling=600, block_ids=list("abcdef"), seed=0)
    links = res.issues[res.issues["type"] == "island_link"]
    assert len(links) == 1 and links.iloc[0]["blocks"] == "b, e"  # island e linked to its nearest A block b
    assert res.report["n_island_links"] == 1
    # island e is in a space of A, never with f (unit B)
    assert res.labels[4] != res.labels[5]
    assert res.spaces.set_index("space_id").loc[res.space_ids[res.labels[4]], "unit"] == "A"
    assert_contiguous(res, units)
    assert res.report["share_within_bounds"] == 1.0


def test_infeasible_units_are_flagged_and_terminate():
    # unit S: 2 blocks, 200 residents < floor 300 -> one space, flagged unit_below_floor.
    # unit X: 5 blocks of 100 = 500 with floor 300, ceiling 400 -> 2 parts would be 250 each (< floor), 1 part
    #         500 (> ceiling): bounds infeasible, flagged bounds_infeasible.
    # unit G: one block of 900 > ceiling 400 -> block_above_ceiling.
    g = grid(2, 1) + grid(5, 1, x0=10) + [box(30, 0, 31, 1)]
    units = ["S", "S"] + ["X"] * 5 + ["G"]
    pop = [100, 100] + [100] * 5 + [900]
    res = rg.regionalise_blocks(g, pop, units=units, floor=300, ceiling=400, seed=0)
    flags = dict(zip(res.spaces["unit"], res.spaces["flag"]))
    assert flags["S"] == rg.FLAG_UNIT_BELOW_FLOOR
    assert flags["G"] == rg.FLAG_BLOCK_ABOVE_CEILING
    assert set(res.spaces.loc[res.spaces["unit"] == "X", "flag"]) == {rg.FLAG_INFEASIBLE}
    assert (res.spaces["unit"] == "S").sum() == 1
    assert res.report["n_feasible"] == 0 and res.report["share_feasible_within_bounds"] == 1.0
    assert set(res.issues["type"]) >= {rg.FLAG_UNIT_BELOW_FLOOR, rg.FLAG_BLOCK_ABOVE_CEILING, rg.FLAG_INFEASIBLE}
    assert_contiguous(res, units)


def test_locked_spaces_are_kept():
    # 4 x 4 grid, the bottom row is locked as space 'OLD' (4 blocks); the other 12 are re-planned.
    g = grid(4, 4)
    locked = ["OLD"] * 4 + [None] * 12
    res = rg.regionalise_blocks(g, np.full(16, 100.0), floor=500, ceiling=700, locked=locked, seed=0)
    ids = res.block_space_ids()
    assert ids[:4] == ["OLD"] * 4
    assert "OLD" not in ids[4:]
    row = res.spaces.set_index("space_id").loc["OLD"]
    assert row["locked"] and row["flag"] == rg.FLAG_LOCKED and row["population"] == 400  # kept though < floor
    others = res.spaces[~res.spaces["locked"]]
    assert sorted(others["population"].tolist()) == [600.0, 600.0]
    assert res.report["n_locked"] == 1
    assert_contiguous(res)


def test_bad_input_messages():
    g = grid(2, 1)
    with pytest.raises(InputError, match="floor"):
        rg.regionalise_blocks(g, [1, 1], floor=10, ceiling=5)
    with pytest.raises(InputError, match="Enter 0"):
        rg.regionalise_blocks(g, [1, float("nan")], floor=1, ceiling=5)
    with pytest.raises(InputError, match="nesting field"):
        rg.regionalise(np.ones(2), graph.block_adjacency(g), units=["A"], floor=1, ceiling=5)


def test_reference_partition_gives_ari():
    g = grid(4, 4)
    attr = np.array([[0.0 if k % 4 < 2 else 1.0] for k in range(16)])
    ref = ["L" if k % 4 < 2 else "R" for k in range(16)]
    res = rg.regionalise_blocks(g, np.full(16, 100.0), floor=700, ceiling=900, attributes=attr, reference=ref)
    assert res.report["ari"] == pytest.approx(1.0)
    assert "adjusted Rand index" in res.summary()


def voronoi_blocks(n, seed):
    """n Voronoi cells clipped to [0, 1000]^2 (irregular, topologically clean block layer)."""
    from scipy.spatial import Voronoi
    from shapely.geometry import Polygon

    rng = np.random.default_rng(seed)
    pts = rng.uniform(0, 1000, (n, 2))
    far = np.array([[-5000, -5000], [-5000, 6000], [6000, -5000], [6000, 6000]])
    vor = Voronoi(np.r_[pts, far])
    frame = box(0, 0, 1000, 1000)
    cells = []
    for k in range(n):
        region = vor.regions[vor.point_region[k]]
        cells.append(Polygon(vor.vertices[region]).intersection(frame))
    return cells, pts, rng


@pytest.mark.parametrize("seed", [0, 1])
def test_invariants_on_irregular_blocks(seed):
    """Voronoi blocks in 3 units, a river, locked blocks, homogeneity: every rule holds for feasible units."""
    g, pts, rng = voronoi_blocks(600, seed)
    units = np.where(pts[:, 0] < 300, "West", np.where(pts[:, 0] < 700, "Mitte", "Ost"))
    pop = rng.integers(0, 300, 600).astype(float)
    attr = np.c_[pts[:, 1] / 1000 + rng.normal(0, 0.1, 600)]
    river = LineString([(300, 500), (1000, 520)])
    locked = np.where((pts[:, 0] > 900) & (pts[:, 1] > 900), "OST-ALT", None)
    res = rg.regionalise_blocks(
        g,
        pop,
        units=units,
        attributes=attr,
        barriers=[river],
        locked=locked,
        floor=3000,
        ceiling=6000,
        seed=seed,
        recombine_rounds=2,
    )
    assert_contiguous(res, units=None, cut=None)
    lab = res.labels
    for r, sid in enumerate(res.space_ids):
        if sid != "OST-ALT":
            assert len(set(units[lab == r].tolist())) == 1
    assert set(np.asarray(res.block_space_ids())[locked == "OST-ALT"]) == {"OST-ALT"}
    # spaces never use an edge the river cuts unless the fragment rule relaxed it (reported)
    relaxed = "barrier_relaxed" in set(res.issues["type"])
    if not relaxed:
        assert_contiguous(res, cut=res.barrier_cut)
    assert res.report["share_feasible_within_bounds"] == 1.0
    again = rg.regionalise_blocks(
        g,
        pop,
        units=units,
        attributes=attr,
        barriers=[river],
        locked=locked,
        floor=3000,
        ceiling=6000,
        seed=seed,
        recombine_rounds=2,
    )
    assert again.labels.tolist() == lab.tolist()


def test_all_blocks_locked_gives_the_locked_spaces():
    # issue 15: 4 x 2 grid of 100 residents, every block locked (bottom row 'A' = 400, top-left three 'B' = 300,
    # top-right 'C' = 100); floor 300, ceiling 500. Nothing to plan: the result is the three locked spaces as they
    # are (no IndexError), 'C' is below the floor and counts as outside the bounds.
    g = grid(4, 2)
    locked = ["A"] * 4 + ["B"] * 3 + ["C"]
    res = rg.regionalise_blocks(g, np.full(8, 100.0), floor=300, ceiling=500, locked=locked, seed=0)
    assert res.block_space_ids() == locked
    spaces = res.spaces.set_index("space_id")
    assert spaces["population"].to_dict() == {"A": 400.0, "B": 300.0, "C": 100.0}
    assert set(spaces["flag"]) == {rg.FLAG_LOCKED} and spaces["locked"].all()
    r = res.report
    assert (r["n_spaces"], r["n_locked"], r["n_within_bounds"], r["n_feasible"]) == (3, 3, 2, 0)
    assert r["share_within_bounds"] == pytest.approx(2 / 3)
    assert res.issues.empty
    # the summary does not claim a share of feasible spaces when none was planned freely
    assert "within bounds [300, 500]: 2 of 3 (66.7 %); no space was planned freely" in res.summary()
    assert "feasible" not in res.summary()
    # one locked space of all 8 blocks (800 > ceiling 500): kept, outside the bounds
    res = rg.regionalise_blocks(g, np.full(8, 100.0), floor=300, ceiling=500, locked=["ALT"] * 8, seed=0)
    assert res.block_space_ids() == ["ALT"] * 8
    assert res.spaces["population"].tolist() == [800.0] and res.report["n_within_bounds"] == 0


def test_locked_unit_and_single_free_block():
    # 4 x 2 grid, unit U = columns 0-1 (all 4 blocks locked 'OLD'), unit V = columns 2-3 (free, 400 residents):
    # U has nothing to plan, V becomes one new space within [300, 500].
    g = grid(4, 2)
    units = ["U" if k % 4 < 2 else "V" for k in range(8)]
    locked = ["OLD" if u == "U" else None for u in units]
    res = rg.regionalise_blocks(g, np.full(8, 100.0), units=units, floor=300, ceiling=500, locked=locked, seed=0)
    ids = res.block_space_ids()
    assert [ids[k] for k in range(8) if units[k] == "U"] == ["OLD"] * 4
    assert {ids[k] for k in range(8) if units[k] == "V"} == {"V-001"}
    assert res.spaces.set_index("space_id")["population"].to_dict() == {"OLD": 400.0, "V-001": 400.0}
    # 3 x 1 grid, blocks 0-1 locked 'A', block 2 the only free one: it is a space of its own; 100 residents are
    # within [50, 500] (flag ok) but below a floor of 300 (flag unit_below_floor, reported)
    g = grid(3, 1)
    res = rg.regionalise_blocks(g, np.full(3, 100.0), floor=50, ceiling=500, locked=["A", "A", None], seed=0)
    assert res.block_space_ids()[:2] == ["A", "A"] and res.block_space_ids()[2] != "A"
    assert res.spaces["flag"].tolist() == [rg.FLAG_LOCKED, rg.FLAG_OK] and res.issues.empty
    res = rg.regionalise_blocks(g, np.full(3, 100.0), floor=300, ceiling=500, locked=["A", "A", None], seed=0)
    assert res.spaces["flag"].tolist() == [rg.FLAG_LOCKED, rg.FLAG_UNIT_BELOW_FLOOR]
    assert res.issues["type"].tolist() == [rg.FLAG_UNIT_BELOW_FLOOR] and res.issues["blocks"].tolist() == ["2"]
