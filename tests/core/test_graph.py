"""Block adjacency: rook/queen, tolerance, islands, barriers, candidate pairs, repair - all on hand-made squares."""

import numpy as np
import pytest
from shapely.geometry import LineString, Polygon, box

from sozialplanung_plugin.core import graph
from sozialplanung_plugin.core.errors import InputError


def grid(w, h, size=1.0, gap=0.0):
    """Squares in a w x h grid (row-major from the bottom left), optionally with gaps (streets) between them."""
    step = size + gap
    return [box(x * step, y * step, x * step + size, y * step + size) for y in range(h) for x in range(w)]


def edges(adj):
    return sorted(zip(adj.i.tolist(), adj.j.tolist()))


def test_rook_and_queen_on_two_by_two():
    g = grid(2, 2)  # 0 1 bottom, 2 3 top
    rook = graph.block_adjacency(g)
    assert edges(rook) == [(0, 1), (0, 2), (1, 3), (2, 3)]
    assert rook.length.tolist() == [1.0] * 4
    queen = graph.block_adjacency(g, contiguity="queen")
    assert edges(queen) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    lengths = dict(zip(edges(queen), queen.length[np.lexsort((queen.j, queen.i))].tolist()))
    assert lengths[(0, 3)] == 0.0 and lengths[(1, 2)] == 0.0


def test_bad_contiguity_is_an_input_error():
    with pytest.raises(InputError, match="rook"):
        graph.block_adjacency(grid(2, 1), contiguity="bishop")


def test_tolerance_bridges_streets():
    g = grid(2, 1, size=10.0, gap=2.0)  # two 10 m blocks, 2 m street between them
    assert len(graph.block_adjacency(g)) == 0
    adj = graph.block_adjacency(g, tolerance=3.0)
    assert edges(adj) == [(0, 1)]
    assert adj.distance[0] == pytest.approx(2.0)
    # the facing side (10 m) lies within 3 m of the other block, plus 1 m at each end of the sides meeting it:
    # 12 m exactly; estimated from boundary samples every 2 m (perimeter / 20), so within one sample per corner
    assert adj.length[0] == pytest.approx(12.0, abs=2.5)
    assert len(graph.block_adjacency(g, tolerance=1.9)) == 0


def test_shared_length_partial_side():
    g = [box(0, 0, 2, 2), box(2, 1, 3, 5)]  # shares x=2, y in [1, 2]
    adj = graph.block_adjacency(g)
    assert edges(adj) == [(0, 1)] and adj.length[0] == pytest.approx(1.0)


def test_candidate_pairs_match_brute_force():
    rng = np.random.default_rng(3)
    lo = rng.uniform(0, 100, (300, 2))
    b = np.c_[lo, lo + rng.uniform(0.5, 8, (300, 2))]
    ci, cj = graph.candidate_pairs(b)
    got = set(zip(ci.tolist(), cj.tolist()))
    want = {
        (i, j)
        for i in range(300)
        for j in range(i + 1, 300)
        if b[i, 0] <= b[j, 2] and b[j, 0] <= b[i, 2] and b[i, 1] <= b[j, 3] and b[j, 1] <= b[i, 3]
    }
    assert got == want


def test_link_islands_to_nearest_block_of_the_same_unit():
    # unit A: blocks 0, 1 touching; block 3 an island of A at x = 10..11.
    # unit B: block 2 at x = 6..7, nearer to the island than any block of A.
    g = [box(0, 0, 1, 1), box(1, 0, 2, 1), box(6, 0, 7, 1), box(10, 0, 11, 1)]
    units = ["A", "A", "B", "A"]
    adj = graph.block_adjacency(g)
    assert edges(adj) == [(0, 1)]
    linked, links = graph.link_islands(adj, g, units)
    assert [(a, b) for a, b, _ in links] == [(1, 3)]  # not (2, 3): B is another unit
    assert links[0][2] == pytest.approx(8.0)
    assert (linked.kind == graph.LINK_ISLAND).sum() == 1
    # B is a single block: nothing to link; A is now connected
    same = np.array(units)[linked.i] == np.array(units)[linked.j]
    n, comp = linked.components(same)
    assert comp[0] == comp[1] == comp[3] != comp[2]


def test_link_islands_several_parts_become_one():
    g = [box(0, 0, 1, 1), box(3, 0, 4, 1), box(6, 0, 7, 1), box(6, 5, 7, 6)]
    linked, links = graph.link_islands(graph.block_adjacency(g), g, None)
    assert len(links) == 3
    assert linked.components()[0] == 1


def test_barrier_cuts_only_edges_it_crosses():
    g = grid(3, 1)  # 0 | 1 | 2
    adj = graph.block_adjacency(g)
    # a river along x = 1 (the boundary between 0 and 1), longer than the blocks
    cut = graph.barrier_cuts(adj, g, [LineString([(1, -1), (1, 2)])])
    assert dict(zip(edges(adj), cut.tolist())) == {(0, 1): True, (1, 2): False}
    # a line that only touches the end point of the shared boundary (x=2, y=1 corner) does not cut
    cut = graph.barrier_cuts(adj, g, [LineString([(2, 1), (2.5, 3)])])
    assert not cut.any()
    # a polygon barrier counts by its outline
    cut = graph.barrier_cuts(adj, g, [Polygon([(1.7, -1), (2.3, -1), (2.3, 2), (1.7, 2)])])
    assert dict(zip(edges(adj), cut.tolist())) == {(0, 1): False, (1, 2): True}


def test_barrier_cuts_with_missing_and_empty_blocks():
    # a block without geometry (None) and an empty one have no edges; the cut of the others is as without them
    # (both raised before: None has no bounds, and shapely 1.8 gives () as the bounds of an empty polygon)
    g = grid(3, 1) + [None, Polygon()]
    adj = graph.block_adjacency(g)
    assert edges(adj) == [(0, 1), (1, 2)]
    cut = graph.barrier_cuts(adj, g, [LineString([(1, -1), (1, 2)])])
    assert dict(zip(edges(adj), cut.tolist())) == {(0, 1): True, (1, 2): False}


def test_repair_geometries_reports_invalid_ones():
    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])
    g, repaired = graph.repair_geometries([box(0, 0, 1, 1), bowtie])
    assert [k for k, _ in repaired] == [1]
    assert "Self-intersection" in repaired[0][1]
    assert g[1].is_valid and g[1].area == pytest.approx(2.0)
    assert g[0] is not None and g[0].area == 1.0


def test_csr_and_components():
    adj = graph.Adjacency(4, [0, 2], [1, 3], [1.0, 1.0])
    m = adj.csr()
    assert m.shape == (4, 4) and m.nnz == 4
    n, lab = adj.components()
    assert n == 2 and lab[0] == lab[1] != lab[2] == lab[3]


def test_rings_from_wkb_with_holes_multiparts_and_z():
    from shapely import wkt
    from shapely.geometry import MultiPolygon

    donut = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (2, 1), (2, 2), (1, 2)]])
    multi = MultiPolygon([box(10, 0, 11, 1), box(12, 0, 13, 2)])
    z = wkt.loads("POLYGON Z ((20 0 5, 21 0 5, 21 1 5, 20 1 5, 20 0 5))")
    r = graph.Rings([donut, None, multi, z])
    assert r.owner.tolist() == [0, 0, 2, 2, 3]
    assert r.exterior.tolist() == [True, False, True, True, True]
    b = r.bounds()
    assert b[0].tolist() == [0, 0, 4, 4] and np.isnan(b[1]).all()
    assert b[2].tolist() == [10, 0, 13, 2] and b[3].tolist() == [20, 0, 21, 1]
    pts, own, w = graph.boundary_samples(r, 0.5)
    # boundary lengths per block: 16 + 4, 4 + 6, 4
    assert np.bincount(own, w, 4).tolist() == pytest.approx([20.0, 0.0, 10.0, 4.0])


def test_ring_measures_match_shapely():
    from shapely.geometry import MultiPolygon

    donut = Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 2), (2, 2), (2, 1)]])  # hole clockwise
    tri = Polygon([(0, 0), (0, 3), (6, 0)])  # clockwise outer ring
    multi = MultiPolygon([box(10, 0, 11, 1), box(12, 0, 13, 2)])
    geoms = [donut, tri, multi]
    area, per, cent = graph.Rings(geoms).measures()
    assert area.tolist() == pytest.approx([g.area for g in geoms])
    assert per.tolist() == pytest.approx([g.length for g in geoms])
    assert cent.ravel().tolist() == pytest.approx([c for g in geoms for c in (g.centroid.x, g.centroid.y)])


def test_shared_edges_by_hashing_and_t_junctions():
    # top block has vertices only at its corners: its bottom edge meets two blocks below at a T-junction
    g = [box(0, 0, 2, 1), box(0, -1, 1, 0), box(1, -1, 2, 0)]
    hi, hj, hl = graph.shared_edges(graph.Rings(g))
    assert list(zip(hi.tolist(), hj.tolist(), hl.tolist())) == [(1, 2, 1.0)]  # the only identical edge
    adj = graph.block_adjacency(g)  # the T-junction pairs come from the GEOS fallback
    assert dict(zip(edges(adj), adj.length[np.lexsort((adj.j, adj.i))].tolist())) == {
        (0, 1): 1.0,
        (0, 2): 1.0,
        (1, 2): 1.0,
    }
