"""core.network on hand-made networks where every distance is known, and against a plain reference (networkx)."""

import numpy as np
import pytest

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.network import (
    Router,
    build_network,
    oneway_codes,
    polylines,
    snap_points,
    speeds_from_classes,
)


def lattice(n=5, step=100.0):
    """n x n street lattice: n horizontal and n vertical lines, each split at every crossing (shared vertices)."""
    lines = []
    for i in range(n):
        lines.append([(j * step, i * step) for j in range(n)])  # horizontal, vertices at every crossing
        lines.append([(i * step, j * step) for j in range(n)])  # vertical
    return lines


def net_of(lines, **kw):
    xy, off, pl = polylines(lines)
    return build_network(xy, off, pl, **kw)


def route(lines, origins, facilities, k=1, **kw):
    snap_kw = {key: kw.pop(key) for key in ("max_snap", "connector_speed_kmh") if key in kw}
    r = Router(net_of(lines, **kw), origins, facilities, **snap_kw)
    return r.nearest(np.arange(len(facilities)), k=k)


# --------------------------------------------------------------------------------------------------------
# hand-made networks
# --------------------------------------------------------------------------------------------------------
def test_lattice_manhattan_distances():
    # facility at the corner (0, 0); origins on nodes, mid-segment and beside a street
    cost, fac = route(lattice(), [(400, 400), (250, 100), (250, 130), (0, 0)], [(0, 0)])
    assert cost[:, 0].tolist() == pytest.approx([800.0, 350.0, 380.0, 0.0])  # 250+100, +30 m connector
    assert fac[:, 0].tolist() == [0, 0, 0, 0]


def test_lattice_two_nearest_and_ties():
    facilities = [(0, 0), (400, 400), (400, 0)]
    cost, fac = route(lattice(), [(100, 100), (300, 0), (200, 200)], facilities, k=3)
    # (100,100): 200 to (0,0), 400 to (400,0), 600 to (400,400)
    assert cost[0].tolist() == pytest.approx([200, 400, 600])
    assert fac[0].tolist() == [0, 2, 1]
    # (300,0): 100 to (400,0), 300 to (0,0), 500 to (400,400)
    assert cost[1].tolist() == pytest.approx([100, 300, 500])
    assert fac[1].tolist() == [2, 0, 1]
    # (200,200): 400 to all three (ties: every facility once)
    assert cost[2].tolist() == pytest.approx([400, 400, 400])
    assert sorted(fac[2].tolist()) == [0, 1, 2]


def test_river_with_one_bridge():
    # streets on both banks (y = -100 and y = +100) and one bridge at x = 500; a railway crosses both streets
    # at x = 300 without a common vertex (grade-separated): no junction there
    south = [(x, -100.0) for x in range(0, 1001, 100)]
    north = [(x, 100.0) for x in range(0, 1001, 100)]
    bridge = [(500.0, -100.0), (500.0, 100.0)]
    railway = [(300.0, -250.0), (300.0, 250.0)]
    lines = [south, north, bridge, railway]
    cost, _ = route(lines, [(0, -100), (1000, -100), (300, -100)], [(0, 100)])
    assert cost[:, 0].tolist() == pytest.approx([500 + 200 + 500, 500 + 200 + 500, 200 + 200 + 500])
    # an origin on the railway between the streets reaches the river bank only over the railway's own ends
    cost, _ = route(lines, [(300, 0)], [(0, 100)], max_snap=1.0)
    assert np.isnan(cost[0, 0])  # the railway is not connected to any street


def test_one_way_loop():
    # a square loop digitised counter-clockwise, one-way: 0->1->2->3->0, each side 100 m
    loop = [[(0, 0), (100, 0)], [(100, 0), (100, 100)], [(100, 100), (0, 100)], [(0, 100), (0, 0)]]
    oneway = oneway_codes(["yes", "yes", "yes", "yes"])
    cost, _ = route(loop, [(100, 0), (0, 0), (50, 0), (0, 50)], [(0, 0)], oneway=oneway)
    # from (100,0) the only way to (0,0) is round the loop: 300; at (50,0) on side 0->1: 50 + 300
    assert cost[:, 0].tolist() == pytest.approx([300, 0, 350, 50])
    cost, _ = route(loop, [(0, 0)], [(100, 0)], oneway=oneway)
    assert cost[0, 0] == pytest.approx(100)
    # against the digitised direction ('-1'): the reverse loop
    cost, _ = route(loop, [(100, 0)], [(0, 0)], oneway=oneway_codes(["-1"] * 4))
    assert cost[0, 0] == pytest.approx(100)
    # without one-way both ways
    cost, _ = route(loop, [(100, 0)], [(0, 0)])
    assert cost[0, 0] == pytest.approx(100)


def test_disconnected_facility_is_never_nearest():
    main = lattice(3)  # 0..200
    island = [[(260, 0), (260, 50)]]  # a separate street, Euclidean closer to (200, 0) than (0, 0)
    facilities = [(0, 0), (260, 0)]
    cost, fac = route(main + island, [(200, 0), (260, 25)], facilities, k=2)
    assert cost[0].tolist()[0] == pytest.approx(200) and fac[0, 0] == 0
    assert np.isnan(cost[0, 1]) and fac[0, 1] == -1  # the island facility is not reachable
    assert cost[1, 0] == pytest.approx(25) and fac[1, 0] == 1
    assert np.isnan(cost[1, 1])


def test_origin_off_the_network():
    cost, fac = route(lattice(3), [(100, 130), (100, 700)], [(0, 0)], max_snap=250)
    assert cost[0, 0] == pytest.approx(30 + 100 + 100)  # the connector counts
    assert np.isnan(cost[1, 0]) and fac[1, 0] == -1  # 500 m from the nearest street: not on the network
    r = Router(net_of(lattice(3)), [(100, 700)], [(0, 0)], max_snap=250)
    assert not r.origin_snap.snapped[0] and r.origin_snap.distance[0] == pytest.approx(500)


def test_facility_off_the_network_is_skipped():
    cost, fac = route(lattice(3), [(0, 0)], [(100, 900), (200, 200)], max_snap=100)
    assert cost[0, 0] == pytest.approx(400) and fac[0, 0] == 1


def test_travel_time_with_speeds_and_connector():
    # 300 m street at 30 km/h (0.6 min), then a 200 m street at 60 km/h (0.2 min); connector 45 m at 4.5 km/h
    lines = [[(0, 0), (300, 0)], [(300, 0), (500, 0)]]
    speed = speeds_from_classes(["residential", "primary"], {"residential": 30, "primary": 60})
    cost, _ = route(lines, [(0, 45)], [(500, 0)], mode="time", speed_kmh=speed)
    assert cost[0, 0] == pytest.approx(0.6 + 0.2 + 45 / 75.0)
    # a street with speed 0 (e.g. motorway for walking) cannot be used: the facility at its end snaps to the
    # end of the usable street, 200 m away (walked), or is off the network within 50 m
    cost, _ = route(lines, [(0, 0)], [(500, 0)], mode="time", speed_kmh=[30, 0])
    assert cost[0, 0] == pytest.approx(0.6 + 200 / 75.0)
    cost, _ = route(lines, [(0, 0)], [(500, 0)], mode="time", speed_kmh=[30, 0], max_snap=50)
    assert np.isnan(cost[0, 0])


def test_vertices_within_tolerance_join():
    lines = [[(0, 0), (100, 0)], [(100.004, 0), (200, 0)]]
    cost, _ = route(lines, [(0, 0)], [(200, 0)], tolerance=0.01)
    assert cost[0, 0] == pytest.approx(200, abs=0.01)
    cost, _ = route(lines, [(0, 0)], [(200, 0)], max_snap=1)
    assert np.isnan(cost[0, 0])  # without tolerance the gap of 4 mm is a gap


def test_several_points_on_one_segment():
    # origins and facilities interleaved on one long street
    street = [[(0, 0), (1000, 0)]]
    cost, fac = route(street, [(100, 0), (450, 0), (900, 0), (450, 0)], [(300, 0), (600, 0)], k=2)
    assert cost[:, 0].tolist() == pytest.approx([200, 150, 300, 150])
    assert cost[:, 1].tolist() == pytest.approx([500, 150, 600, 150])
    assert fac[:, 0].tolist()[:1] == [0]


def test_pairs_within_cost():
    r = Router(net_of(lattice()), [(0, 0), (400, 400), (100, 0)], [(0, 100), (400, 300)])
    o, f, c = r.pairs([0, 1], 250.0)
    got = sorted(zip(o.tolist(), f.tolist(), np.round(c, 6).tolist()))
    assert got == [(0, 0, 100.0), (1, 1, 100.0), (2, 0, 200.0)]


# --------------------------------------------------------------------------------------------------------
# snapping is exact, k nearest equal a plain reference
# --------------------------------------------------------------------------------------------------------
def random_network(seed=1, n=250):
    from scipy.spatial import Delaunay

    rng = np.random.default_rng(seed)
    pts = rng.uniform(0, 2000, size=(n, 2))
    tri = Delaunay(pts)
    edges = set()
    for s in tri.simplices:
        for a, b in ((s[0], s[1]), (s[1], s[2]), (s[2], s[0])):
            edges.add((min(a, b), max(a, b)))
    edges = sorted(edges)
    keep = rng.random(len(edges)) < 0.7  # holes, some dead ends
    lines = [[tuple(pts[a]), tuple(pts[b])] for (a, b), k in zip(edges, keep) if k]
    oneway = rng.choice([0, 0, 0, 1, -1], size=len(lines))
    return lines, oneway, rng


def test_snap_is_the_nearest_point_of_any_segment():
    lines, _, rng = random_network(3)
    net = net_of(lines)
    q = rng.uniform(-200, 2200, size=(400, 2))
    snap = snap_points(net, q[:, 0], q[:, 1])
    ax, ay, bx, by = net.x[net.u], net.y[net.u], net.x[net.v], net.y[net.v]
    dx, dy = bx - ax, by - ay
    t = np.clip(((q[:, :1] - ax) * dx + (q[:, 1:] - ay) * dy) / (dx * dx + dy * dy), 0, 1)
    d = np.hypot(q[:, :1] - (ax + t * dx), q[:, 1:] - (ay + t * dy))
    assert snap.distance == pytest.approx(d.min(axis=1), abs=1e-9)


def reference_costs(lines, oneway, origins, facilities):
    """Every origin-facility cost by networkx: segments split at the snapped points one by one, plain Dijkstra
    from each facility over the reversed graph."""
    import networkx as nx

    net = net_of(lines, oneway=oneway)
    pts = np.concatenate([origins, facilities])
    snap = snap_points(net, pts[:, 0], pts[:, 1])
    g = nx.DiGraph()

    def add(a, b, c):
        if np.isfinite(c) and (not g.has_edge(a, b) or g[a][b]["w"] > c):
            g.add_edge(a, b, w=c)

    by_seg = {}
    for p, (s, t) in enumerate(zip(snap.segment, snap.t)):
        by_seg.setdefault(int(s), []).append((float(t), p))
    for s in range(net.n_segments):
        chain = [(0.0, ("n", int(net.u[s])))] + [(t, ("p", p)) for t, p in sorted(by_seg.get(s, []))]
        chain.append((1.0, ("n", int(net.v[s]))))
        for (t0, a), (t1, b) in zip(chain[:-1], chain[1:]):
            add(a, b, net.forward[s] * (t1 - t0) if np.isfinite(net.forward[s]) else np.inf)
            add(b, a, net.backward[s] * (t1 - t0) if np.isfinite(net.backward[s]) else np.inf)
    rev = g.reverse(copy=True)
    n_o = len(origins)
    out = np.full((n_o, len(facilities)), np.inf)
    for j in range(len(facilities)):
        d = nx.single_source_dijkstra_path_length(rev, ("p", n_o + j), weight="w")
        for i in range(n_o):
            if ("p", i) in d:
                out[i, j] = d[("p", i)] + snap.distance[i] + snap.distance[n_o + j]
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_k_nearest_equal_reference(seed):
    lines, oneway, rng = random_network(seed)
    origins = rng.uniform(0, 2000, size=(150, 2))
    facilities = rng.uniform(0, 2000, size=(25, 2))
    ref = reference_costs(lines, oneway, origins, facilities)
    r = Router(net_of(lines, oneway=oneway), origins, facilities)
    cost, fac = r.nearest(np.arange(len(facilities)), k=4)
    expect = np.sort(ref, axis=1)[:, :4]
    expect[~np.isfinite(expect)] = np.nan
    np.testing.assert_allclose(cost, expect, rtol=0, atol=1e-6)
    # the facility given is one at that cost, and each origin's k facilities are distinct
    got = np.where(fac >= 0, ref[np.arange(len(origins))[:, None], np.maximum(fac, 0)], np.nan)
    np.testing.assert_allclose(got, expect, rtol=0, atol=1e-6)
    for row in fac:
        row = row[row >= 0]
        assert len(set(row.tolist())) == len(row)
    # a subset of the facilities (one type) and pairs within a cost
    sub = np.arange(0, 25, 3)
    c1, f1 = r.nearest(sub, k=1)
    np.testing.assert_allclose(c1[:, 0], np.where(np.isfinite(ref[:, sub].min(1)), ref[:, sub].min(1), np.nan))
    assert set(f1[f1 >= 0].tolist()) <= set(sub.tolist())
    o, f, c = r.pairs(sub, 600.0)
    want = {(i, int(j)) for i in range(len(origins)) for j in sub if ref[i, j] <= 600.0}
    assert set(zip(o.tolist(), f.tolist())) == want
    np.testing.assert_allclose(c, ref[o, f], atol=1e-6)


# --------------------------------------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------------------------------------
def test_empty_network_is_an_error():
    with pytest.raises(InputError, match="no lines"):
        net_of([])
    with pytest.raises(InputError, match="no segment of positive length"):
        net_of([[(1, 1), (1, 1)]])


def test_network_in_degrees_is_an_error():
    with pytest.raises(InputError, match="degrees"):
        net_of(lattice(), geographic=True)


def test_unknown_road_class_without_default_is_an_error():
    with pytest.raises(InputError, match="'cycleway'"):
        speeds_from_classes(["primary", "cycleway"], {"primary": 50}, field="highway")
    assert speeds_from_classes(["primary", "cycleway"], {"primary": 50}, 10).tolist() == [50, 10]


def test_time_without_speed_is_an_error():
    with pytest.raises(InputError, match="speed"):
        net_of(lattice(), mode="time")
    with pytest.raises(InputError, match="valid speed"):
        net_of([[(0, 0), (1, 0)]], mode="time", speed_kmh=[-5])


def test_oneway_codes():
    assert oneway_codes(["yes", "no", "-1", None, "FT", "TF", 1, 0, True, "", "reversible"]).tolist() == [
        1,
        0,
        -1,
        0,
        1,
        -1,
        1,
        0,
        1,
        0,
        0,
    ]
