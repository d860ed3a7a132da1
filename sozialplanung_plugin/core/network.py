"""Shortest paths over a line network, from many origins to the nearest facilities of each type, in arrays.

Why: planners ask how far residents live from the next Kita, school or GP over the streets, for a whole county
at once. Chaining QGIS's one-origin-at-a-time network tools takes hours; here the network is a sparse graph and
each facility type is one multi-source Dijkstra run (scipy.sparse.csgraph) over the reversed graph: no loop over
origins, no origin x facility matrix.

The model:
- Nodes are the line vertices (vertices closer than ``tolerance`` are merged); every pair of consecutive vertices
  of a line part is a segment. Lines meet only where they share a vertex (as OSM and ATKIS deliver junctions), so
  a bridge crossing a street without a common vertex is no junction.
- A segment's cost is its length in metres (mode 'distance') or its travel time in minutes at the line's speed
  (mode 'time'). A line with speed 0 cannot be used. One-way lines (+1 along the digitised direction, -1 against
  it) are passable in one direction only.
- Origins and facilities are snapped to the nearest point of the nearest usable segment; that point splits the
  segment, and the straight connector from the point to the network is counted (metres, or minutes at
  ``connector_speed_kmh``). Points farther than ``max_snap`` from every segment are not on the network: their
  distances are NaN.
- ``Router.nearest`` gives per origin the cost to the nearest 1..k facilities of a set; k > 1 is exact too (one
  extra Dijkstra run per rank, see ``_next_rank``). ``Router.pairs`` gives every origin-facility pair within a
  cost (for floating catchments), searched from the facilities with a cost limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .i18n import quote, tr

MODES = ("distance", "time")
UNITS = {"distance": "m", "time": "min"}
WALKING_SPEED_KMH = 4.5

_ONEWAY_FORWARD = {"yes", "true", "1", "ft", "forward", "f", "ja", "j", "hin"}
_ONEWAY_BACKWARD = {"-1", "tf", "reverse", "backward", "back", "b", "rueck", "rück", "gegen"}


@dataclass
class Network:
    """A line network as arrays: node coordinates and segments with their cost in each direction.

    ``forward[i]`` is the cost of going from node ``u[i]`` to ``v[i]``, ``backward[i]`` from ``v[i]`` to ``u[i]``;
    ``inf`` where that direction is not allowed. ``line[i]`` is the index of the input line of segment i."""

    x: np.ndarray
    y: np.ndarray
    u: np.ndarray
    v: np.ndarray
    length: np.ndarray
    forward: np.ndarray
    backward: np.ndarray
    line: np.ndarray
    mode: str = "distance"

    @property
    def unit(self) -> str:
        return UNITS[self.mode]

    @property
    def n_nodes(self) -> int:
        return len(self.x)

    @property
    def n_segments(self) -> int:
        return len(self.u)

    def components(self) -> np.ndarray:
        """Connected component label per node (ignoring one-way), for reports on islands."""
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        n = self.n_nodes
        g = sp.coo_matrix((np.ones(len(self.u)), (self.u, self.v)), shape=(n, n))
        return connected_components(g, directed=False)[1]


def polylines(lines: Sequence[np.ndarray | Sequence[ArrayLike]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(coords, offsets, part_line) from a list of lines, each a list of parts or one (n, 2) array of vertices.

    The array layout ``build_network`` takes: all vertices in one (V, 2) array, part i is
    ``coords[offsets[i]:offsets[i + 1]]`` and belongs to line ``part_line[i]``."""
    coords, offsets, part_line = [], [0], []
    for i, line in enumerate(lines):
        parts = line if (len(line) and np.ndim(line[0]) == 2) else [line]
        for part in parts:
            arr = np.asarray(part, dtype=float).reshape(-1, 2)
            coords.append(arr)
            offsets.append(offsets[-1] + len(arr))
            part_line.append(i)
    xy = np.concatenate(coords) if coords else np.zeros((0, 2))
    return xy, np.asarray(offsets, dtype=np.int64), np.asarray(part_line, dtype=np.int64)


def oneway_codes(values: Sequence[object]) -> np.ndarray:
    """Direction codes per line from a one-way attribute: +1 digitised direction only, -1 against it, 0 both.

    Understands OSM ('yes', '-1', 'no'), ATKIS/ESRI style ('FT', 'TF') and booleans/1/0; anything else is 0."""
    out = np.zeros(len(values), dtype=np.int8)
    for i, val in enumerate(values):
        if val is None:
            continue
        if isinstance(val, bool):
            out[i] = 1 if val else 0
            continue
        if isinstance(val, (int, float, np.integer, np.floating)):
            if val != val:  # NaN
                continue
            out[i] = 1 if val > 0 else (-1 if val < 0 else 0)
            continue
        s = str(val).strip().lower()
        if s in _ONEWAY_FORWARD:
            out[i] = 1
        elif s in _ONEWAY_BACKWARD:
            out[i] = -1
    return out


def speeds_from_classes(
    classes: Iterable[object], table: dict, default: float | None = None, *, field: str = "class"
) -> np.ndarray:
    """Speed in km/h per line from its road class (e.g. OSM 'highway') and a class -> km/h table.

    A class missing from the table takes ``default``; with no default that is an error naming the classes, so
    a planner sees which classes to add. Speed 0 makes a line unusable (e.g. motorways for walking)."""
    table = {str(k).strip().lower(): float(v) for k, v in (table or {}).items()}
    keys = ["" if c is None else str(c).strip().lower() for c in classes]
    missing = sorted({k for k in keys if k not in table})
    if missing and default is None:
        raise InputError(
            tr(
                "No speed for the road class(es) {classes} of field '{field}'. "
                "Add them to the speed table or give a default speed.",
                classes=", ".join(quote(m) for m in missing[:12]),
                field=field,
            )
        )
    return np.array([table.get(k, default) for k in keys], dtype=float)


def build_network(
    coords: ArrayLike,
    offsets: ArrayLike,
    part_line: ArrayLike | None = None,
    *,
    mode: str = "distance",
    speed_kmh: ArrayLike | None = None,
    oneway: ArrayLike | None = None,
    tolerance: float = 0.0,
    geographic: bool = False,
    source: str | None = None,
) -> Network:
    """A ``Network`` from line vertices in the array layout of ``polylines``.

    ``speed_kmh`` (mode 'time') and ``oneway`` (codes of ``oneway_codes``) are per line (index of
    ``part_line``); ``geographic`` True (a CRS in degrees) is refused: lengths must be metres. ``source`` names
    the lines in messages (translated by the caller; default "network")."""
    source = tr("network") if source is None else source
    if mode not in MODES:
        raise InputError(tr("Unknown cost mode '{mode}'. Use 'distance' (metres) or 'time' (minutes).", mode=mode))
    if geographic:
        raise InputError(
            tr(
                "The {source} is in a coordinate system in degrees; lengths would be degrees, not metres. "
                "Reproject it to a projected CRS in metres (e.g. EPSG:25832 ETRS89 / UTM 32N) and run again.",
                source=source,
            )
        )
    xy = np.asarray(coords, dtype=float).reshape(-1, 2)
    offsets = np.asarray(offsets, dtype=np.int64)
    n_parts = max(len(offsets) - 1, 0)
    part_line = np.arange(n_parts) if part_line is None else np.asarray(part_line, dtype=np.int64)
    n_lines = int(part_line.max()) + 1 if n_parts else 0
    if len(xy) < 2 or n_parts == 0:
        raise InputError(
            tr(
                "The {source} has no lines with at least two vertices. Choose a line layer with streets.",
                source=source,
            )
        )
    finite = np.isfinite(xy).all(axis=1)
    if not finite.all():
        raise InputError(
            tr(
                "The {source} has vertices without valid coordinates (e.g. NaN). Repair the geometries.",
                source=source,
            )
        )
    # nodes: merge equal (or close) vertices
    node_of = _merge_vertices(xy, tolerance)
    # segments: consecutive vertices of the same part
    part_of_vertex = np.repeat(np.arange(n_parts), np.diff(offsets))
    a = np.arange(len(xy) - 1)
    same_part = part_of_vertex[a] == part_of_vertex[a + 1]
    a = a[same_part]
    u, v = node_of[a], node_of[a + 1]
    keep = u != v
    a, u, v = a[keep], u[keep], v[keep]
    if len(u) == 0:
        raise InputError(
            tr("The {source} has no segment of positive length. Choose a line layer with streets.", source=source)
        )
    nodes, node_inv = np.unique(np.concatenate([u, v]), return_inverse=True)
    u, v = node_inv[: len(u)], node_inv[len(u) :]
    first = np.full(len(xy), -1, dtype=np.int64)
    first[node_of[::-1]] = np.arange(len(xy))[::-1]  # a representative vertex per merged node
    rep = first[nodes]
    x, y = xy[rep, 0], xy[rep, 1]
    length = np.hypot(xy[a + 1, 0] - xy[a, 0], xy[a + 1, 1] - xy[a, 1])
    line = part_line[part_of_vertex[a]]
    if mode == "distance":
        cost = length.copy()
    else:
        if speed_kmh is None:
            raise InputError(tr("Travel time needs a speed per line (a speed field or speeds per road class)."))
        sp_line = np.asarray(speed_kmh, dtype=float)
        if len(sp_line) != n_lines:
            raise InputError(
                tr("{n} speeds for {lines} lines of the {source}.", n=len(sp_line), lines=n_lines, source=source)
            )
        bad = ~np.isfinite(sp_line) | (sp_line < 0)
        if bad.any():
            raise InputError(
                tr(
                    "Line {line} of the {source} has no valid speed "
                    "({speed!r} km/h). Speeds are km/h >= 0 (0 = not passable).",
                    line=int(np.flatnonzero(bad)[0]) + 1,
                    source=source,
                    speed=sp_line[bad][0],
                )
            )
        spd = sp_line[line]
        with np.errstate(divide="ignore"):
            cost = np.where(spd > 0, length / (spd * 1000.0 / 60.0), np.inf)
    fwd, bwd = cost.copy(), cost.copy()
    if oneway is not None:
        ow = np.asarray(oneway, dtype=np.int8)
        if len(ow) != n_lines:
            raise InputError(
                tr("{n} one-way codes for {lines} lines of the {source}.", n=len(ow), lines=n_lines, source=source)
            )
        d = ow[line]
        bwd[d > 0] = np.inf
        fwd[d < 0] = np.inf
    return Network(x=x, y=y, u=u, v=v, length=length, forward=fwd, backward=bwd, line=line, mode=mode)


def _merge_vertices(xy, tolerance):
    """Node id per vertex: equal coordinates always merge; with tolerance > 0 also vertices closer than it."""
    if tolerance and tolerance > 0:
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial import cKDTree

        n = len(xy)
        pairs = cKDTree(xy).query_pairs(r=float(tolerance), output_type="ndarray")  # equal points included
        g = sp.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        inv = connected_components(g, directed=False)[1]
    else:
        inv = np.unique(xy, axis=0, return_inverse=True)[1].reshape(-1)
    return inv.astype(np.int64)


# --------------------------------------------------------------------------------------------------------
# snapping
# --------------------------------------------------------------------------------------------------------
@dataclass
class Snap:
    """Where points meet the network: segment (-1 = not snapped), fraction t from its node u, connector length."""

    segment: np.ndarray
    t: np.ndarray
    distance: np.ndarray
    x: np.ndarray
    y: np.ndarray

    @property
    def snapped(self) -> np.ndarray:
        return self.segment >= 0


def snap_points(net: Network, px: ArrayLike, py: ArrayLike, *, max_snap: float | None = None) -> Snap:
    """The nearest point on a usable segment for every point (exact, not the nearest vertex).

    Candidate segments come from a k-d tree of points sampled along the segments at spacing s: the nearest
    sample lies at d0, so every segment nearer than d0 has a sample within d0 + s/2, and all those segments are
    tested by exact projection."""
    from scipy.spatial import cKDTree

    px = np.asarray(px, dtype=float)
    py = np.asarray(py, dtype=float)
    n = len(px)
    seg = np.full(n, -1, dtype=np.int64)
    out_t = np.full(n, np.nan)
    dist = np.full(n, np.nan)
    sx, sy = np.full(n, np.nan), np.full(n, np.nan)
    usable = np.flatnonzero(np.isfinite(net.forward) | np.isfinite(net.backward))
    ok = np.isfinite(px) & np.isfinite(py)
    if n == 0 or len(usable) == 0 or not ok.any():
        return Snap(seg, out_t, dist, sx, sy)
    ax, ay = net.x[net.u[usable]], net.y[net.u[usable]]
    bx, by = net.x[net.v[usable]], net.y[net.v[usable]]
    seg_len = np.hypot(bx - ax, by - ay)
    spacing = max(float(seg_len.mean()), 1e-6)
    m = np.ceil(seg_len / spacing).astype(np.int64) + 1  # samples per segment incl. both ends
    sample_seg = np.repeat(np.arange(len(usable)), m)
    start = np.r_[0, np.cumsum(m)[:-1]]
    k = np.arange(len(sample_seg)) - np.repeat(start, m)
    frac = k / np.repeat(m - 1, m)
    smp = np.column_stack(
        [ax[sample_seg] + frac * (bx - ax)[sample_seg], ay[sample_seg] + frac * (by - ay)[sample_seg]]
    )
    tree = cKDTree(smp)
    idx = np.flatnonzero(ok)
    pts = np.column_stack([px[idx], py[idx]])
    kq = min(12, len(smp))
    dk, ik = tree.query(pts, k=kq)
    dk, ik = dk.reshape(len(pts), kq), ik.reshape(len(pts), kq)
    radius = dk[:, 0] + spacing / 2.0 + 1e-9 * (1.0 + dk[:, 0])
    inside = dk <= radius[:, None]
    cand_pt = np.nonzero(inside)[0]
    cand_smp = ik[inside]
    more = np.flatnonzero(inside[:, -1]) if kq < len(smp) else np.zeros(0, dtype=np.int64)
    if len(more):  # the k nearest samples may not hold every candidate: ask for all within the radius
        lists = tree.query_ball_point(pts[more], r=radius[more])
        counts = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
        flat = np.fromiter((j for lst in lists for j in lst), dtype=np.int64, count=int(counts.sum()))
        cand_pt = np.r_[cand_pt, np.repeat(more, counts)]
        cand_smp = np.r_[cand_smp, flat]
    cand_seg = sample_seg[cand_smp]
    key = np.unique(cand_pt * len(usable) + cand_seg)
    cand_pt, cand_seg = key // len(usable), key % len(usable)
    qx, qy = pts[cand_pt, 0], pts[cand_pt, 1]
    dx, dy = (bx - ax)[cand_seg], (by - ay)[cand_seg]
    l2 = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(l2 > 0, ((qx - ax[cand_seg]) * dx + (qy - ay[cand_seg]) * dy) / l2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    cx, cy = ax[cand_seg] + t * dx, ay[cand_seg] + t * dy
    d = np.hypot(qx - cx, qy - cy)
    order = np.lexsort((cand_seg, d, cand_pt))  # nearest first; ties: lowest segment
    first = order[np.r_[True, cand_pt[order][1:] != cand_pt[order][:-1]]]
    p = idx[cand_pt[first]]
    seg[p] = usable[cand_seg[first]]
    out_t[p] = t[first]
    dist[p] = d[first]
    sx[p], sy[p] = cx[first], cy[first]
    if max_snap is not None:
        far = dist > float(max_snap)
        seg[far] = -1
        out_t[far] = np.nan
        sx[far] = sy[far] = np.nan
    return Snap(seg, out_t, dist, sx, sy)


# --------------------------------------------------------------------------------------------------------
# routing
# --------------------------------------------------------------------------------------------------------
class Router:
    """The network with origins and facilities inserted as nodes, ready for multi-source shortest paths.

    Built once for all facility types: the reversed graph (cost from a node *to* a facility) holds
    - the network segments, split where points were snapped (costs shared by the fraction of the segment),
    - one node per snapped facility, reached from its snapped point over its connector.
    An origin's cost is the graph cost from its snapped point plus its own connector."""

    def __init__(
        self,
        net: Network,
        origins_xy: ArrayLike,
        facilities_xy: ArrayLike,
        *,
        max_snap: float | None = None,
        connector_speed_kmh: float = WALKING_SPEED_KMH,
    ) -> None:
        import scipy.sparse as sp

        self.net = net
        oxy = np.asarray(origins_xy, dtype=float).reshape(-1, 2)
        fxy = np.asarray(facilities_xy, dtype=float).reshape(-1, 2)
        self.n_origins, self.n_facilities = len(oxy), len(fxy)
        both = np.concatenate([oxy, fxy])
        snap = snap_points(net, both[:, 0], both[:, 1], max_snap=max_snap)
        self.origin_snap = _subset(snap, slice(0, self.n_origins))
        self.facility_snap = _subset(snap, slice(self.n_origins, None))
        if net.mode == "distance":
            conn = snap.distance
        else:
            if not connector_speed_kmh or connector_speed_kmh <= 0:
                raise InputError(tr("The connector speed must be above 0 km/h."))
            conn = snap.distance / (connector_speed_kmh * 1000.0 / 60.0)
        conn = np.where(snap.segment >= 0, conn, np.nan)
        nb = net.n_nodes
        n_pts = len(both)
        # inserted point nodes: nb + point index
        snapped = np.flatnonzero(snap.segment >= 0)
        s, t = snap.segment[snapped], snap.t[snapped]
        order = np.lexsort((t, s))
        pts, s, t = snapped[order], s[order], t[order]
        new_seg = np.r_[True, s[1:] != s[:-1]]
        last_of_seg = np.r_[s[1:] != s[:-1], True]
        prev_node = np.where(new_seg, net.u[s], nb + np.r_[-1, pts[:-1]])
        prev_t = np.where(new_seg, 0.0, np.r_[0.0, t[:-1]])
        a_chain = np.r_[prev_node, nb + pts[last_of_seg]]
        b_chain = np.r_[nb + pts, net.v[s[last_of_seg]]]
        seg_chain = np.r_[s, s[last_of_seg]]
        dt = np.r_[t - prev_t, 1.0 - t[last_of_seg]]
        untouched = np.ones(net.n_segments, dtype=bool)
        untouched[s] = False
        a_all = np.r_[net.u[untouched], a_chain]
        b_all = np.r_[net.v[untouched], b_chain]
        f_all = np.r_[net.forward[untouched], _share(net.forward[seg_chain], dt)]
        w_all = np.r_[net.backward[untouched], _share(net.backward[seg_chain], dt)]
        # directed edges of the original graph (from -> to, cost), then facility connectors point -> facility
        fac_snapped = np.flatnonzero(snap.segment[self.n_origins :] >= 0)
        self.facility_node = np.full(self.n_facilities, -1, dtype=np.int64)
        self.facility_node[fac_snapped] = nb + n_pts + fac_snapped
        src = np.r_[a_all, b_all, nb + self.n_origins + fac_snapped]
        dst = np.r_[b_all, a_all, self.facility_node[fac_snapped]]
        cost = np.r_[f_all, w_all, conn[self.n_origins + fac_snapped]]
        fin = np.isfinite(cost)
        src, dst, cost = src[fin], dst[fin], cost[fin]
        self.n_nodes = nb + n_pts + self.n_facilities
        # parallel edges: keep the cheapest (a sparse matrix would add them up)
        key = src * self.n_nodes + dst
        o = np.lexsort((cost, key))
        keep = o[np.r_[True, key[o][1:] != key[o][:-1]]]
        src, dst, cost = src[keep], dst[keep], cost[keep]
        # reversed graph: an edge a -> b of cost c becomes b -> a; explicit zeros are edges in csgraph
        self.reverse = sp.csr_matrix((cost, (dst, src)), shape=(self.n_nodes, self.n_nodes))
        self.origin_node = np.where(self.origin_snap.segment >= 0, nb + np.arange(self.n_origins), -1)
        self.origin_connector = conn[: self.n_origins]
        self.facility_connector = conn[self.n_origins :]
        # node positions and the fastest speed (metres per cost unit): a path of cost c stays within
        # c * reach_per_cost metres of its start, which bounds the search area of ``pairs``
        fx = np.where(snap.segment[self.n_origins :] >= 0, fxy[:, 0], np.nan)
        fy = np.where(snap.segment[self.n_origins :] >= 0, fxy[:, 1], np.nan)
        self.node_x = np.r_[net.x, snap.x, fx]
        self.node_y = np.r_[net.y, snap.y, fy]
        if net.mode == "distance":
            self.reach_per_cost = 1.0
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                speed = np.where(np.isfinite(net.forward) & (net.forward > 0), net.length / net.forward, 0.0)
            self.reach_per_cost = max(float(np.nanmax(speed, initial=0.0)), connector_speed_kmh * 1000.0 / 60.0)

    # ------------------------------------------------------------------------------------------------
    def nearest(self, facilities: ArrayLike, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """Cost from every origin to its nearest k facilities among ``facilities`` (indices into the router's
        facilities); returns (cost (n_origins, k), facility index (n_origins, k)): NaN / -1 where there is none
        (origin off the network, fewer than k facilities reachable)."""
        from scipy.sparse.csgraph import dijkstra

        k = int(k)
        if k < 1:
            raise InputError(tr("The number of nearest facilities must be at least 1."))
        facilities = np.asarray(facilities, dtype=np.int64)
        nodes = self.facility_node[facilities]
        fac_ok = facilities[nodes >= 0]
        nodes = nodes[nodes >= 0]
        out_c = np.full((self.n_origins, k), np.nan)
        out_f = np.full((self.n_origins, k), -1, dtype=np.int64)
        if len(nodes) == 0:
            return out_c, out_f
        node_to_fac = np.full(self.n_nodes, -1, dtype=np.int64)
        node_to_fac[nodes] = fac_ok
        dist, _pred, srcs = dijkstra(
            self.reverse, directed=True, indices=nodes, min_only=True, return_predecessors=True
        )
        srcs = np.where(np.isfinite(dist), srcs, -1)
        ranks_d, ranks_s = [dist], [srcs]
        if k > 1:
            coo = self.reverse.tocoo()
            edges = (coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data)
            for _ in range(1, k):
                d_next, s_next = _next_rank(self.n_nodes, edges, ranks_d, ranks_s)
                ranks_d.append(d_next)
                ranks_s.append(s_next)
        on = self.origin_node >= 0
        on_nodes = self.origin_node[on]
        for r in range(k):
            d = ranks_d[r][on_nodes] + self.origin_connector[on]
            s = ranks_s[r][on_nodes]
            reach = np.isfinite(d) & (s >= 0)
            col_c = np.full(on.sum(), np.nan)
            col_f = np.full(on.sum(), -1, dtype=np.int64)
            col_c[reach] = d[reach]
            col_f[reach] = node_to_fac[s[reach]]
            out_c[on, r] = col_c
            out_f[on, r] = col_f
        return out_c, out_f

    def pairs(
        self, facilities: ArrayLike, max_cost: float, *, batch_bytes: int = 32 * 2**20
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every (origin, facility) pair with cost <= ``max_cost``: arrays (origin, facility, cost).

        Searched from the facilities with a cost limit. A path of cost c stays within c * (fastest speed) metres
        of its facility, so facilities are taken in square cells of that reach, each on the subgraph of the nodes
        within reach of its cell (exact, and the cost rows stay small)."""
        from scipy.sparse.csgraph import dijkstra

        facilities = np.asarray(facilities, dtype=np.int64)
        nodes = self.facility_node[facilities]
        fac_ok = facilities[nodes >= 0]
        nodes = nodes[nodes >= 0]
        out_o, out_f, out_c = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)], [np.zeros(0)]
        if len(nodes) == 0 or not max_cost >= 0:
            return out_o[0], out_f[0], out_c[0]
        reach = float(max_cost) * self.reach_per_cost * (1 + 1e-9) + 1e-6
        origin_of_node = np.full(self.n_nodes, -1, dtype=np.int64)
        on = np.flatnonzero(self.origin_node >= 0)
        origin_of_node[self.origin_node[on]] = on
        nx_, ny_ = self.node_x, self.node_y
        fx, fy = nx_[nodes], ny_[nodes]
        cell = max(reach, 1e-6)
        cx = np.floor((fx - fx.min()) / cell).astype(np.int64)
        cy = np.floor((fy - fy.min()) / cell).astype(np.int64)
        cell_id = cx * (cy.max() + 1) + cy
        order = np.argsort(cell_id, kind="stable")
        bounds = np.flatnonzero(np.r_[True, cell_id[order][1:] != cell_id[order][:-1], True])
        local = np.full(self.n_nodes, -1, dtype=np.int64)
        for b0, b1 in zip(bounds[:-1], bounds[1:]):
            group = order[b0:b1]
            x0, x1 = fx[group].min() - reach, fx[group].max() + reach
            y0, y1 = fy[group].min() - reach, fy[group].max() + reach
            sub = np.flatnonzero((nx_ >= x0) & (nx_ <= x1) & (ny_ >= y0) & (ny_ <= y1))
            local[sub] = np.arange(len(sub))
            g = self.reverse[sub][:, sub]
            sub_origin = origin_of_node[sub]
            o_local = np.flatnonzero(sub_origin >= 0)
            o_idx = sub_origin[o_local]
            conn = self.origin_connector[o_idx]
            step = max(1, int(batch_bytes // (8 * max(len(sub), 1))))
            for i in range(0, len(group), step):
                part = group[i : i + step]
                d = dijkstra(g, directed=True, indices=local[nodes[part]], limit=float(max_cost))
                d = d[:, o_local] + conn[None, :]
                fi, oi = np.nonzero(d <= max_cost)
                out_o.append(o_idx[oi])
                out_f.append(fac_ok[part[fi]])
                out_c.append(d[fi, oi])
            local[sub] = -1
        return np.concatenate(out_o), np.concatenate(out_f), np.concatenate(out_c)


def _share(cost, dt):
    """Cost of a piece of a segment (fraction dt); an impassable direction stays impassable (inf * 0 is NaN)."""
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(cost), cost * dt, np.inf)


def _subset(snap, sl):
    return Snap(snap.segment[sl], snap.t[sl], snap.distance[sl], snap.x[sl], snap.y[sl])


def _next_rank(n, edges, ranks_d, ranks_s):
    """Cost and source of the next-nearest distinct source for every node, given the nearer ranks.

    For rank k: the shortest path from the k-th nearest source s to node b arrives over an edge (a, b). If one of
    a's nearer sources s_j(a) (j < k) is not among b's nearer sources, d_j(a) + w bounds d_k(b) (take the
    smallest such j); otherwise a and b have the same nearer sources and d_k(a) + w does. So d_k is one Dijkstra
    run from a virtual node linked to every b with the first bound, over the edges whose ends share their nearer
    sources. The source of each node's label is found by following predecessors back to that virtual node."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    ea, eb, ew = edges
    prev = np.column_stack(ranks_s)  # (n, k-1) nearer sources, -1 = none
    eligible = (prev >= 0).all(axis=1)
    cand = np.full(len(ea), np.inf)
    cand_src = np.full(len(ea), -1, dtype=np.int64)
    prev_b = prev[eb]
    for dj, sj in zip(ranks_d, ranks_s):
        sa = sj[ea]
        notin = (sa >= 0) & (prev_b != sa[:, None]).all(axis=1)
        c = np.where(notin, dj[ea] + ew, np.inf)
        better = c < cand
        cand[better] = c[better]
        cand_src[better] = sa[better]
    cand[~eligible[eb]] = np.inf
    init = np.full(n, np.inf)
    init_src = np.full(n, -1, dtype=np.int64)
    has = np.isfinite(cand)
    if has.any():
        o = np.lexsort((cand[has], eb[has]))
        hb, hc, hs = eb[has][o], cand[has][o], cand_src[has][o]
        first = np.r_[True, hb[1:] != hb[:-1]]
        init[hb[first]] = hc[first]
        init_src[hb[first]] = hs[first]
    same = (np.sort(prev[ea], axis=1) == np.sort(prev_b, axis=1)).all(axis=1) & eligible[ea] & eligible[eb]
    roots = np.flatnonzero(np.isfinite(init))
    z = n
    rows = np.r_[np.full(len(roots), z), ea[same]]
    cols = np.r_[roots, eb[same]]
    vals = np.r_[init[roots], ew[same]]
    g = sp.csr_matrix((vals, (rows, cols)), shape=(n + 1, n + 1))
    dist, pred = dijkstra(g, directed=True, indices=z, return_predecessors=True)
    dist = dist[:n]
    pred = pred[:n].astype(np.int64)
    anc = np.where(pred == z, np.arange(n), pred)
    anc = np.where(anc < 0, np.arange(n), anc)
    while True:
        nxt = anc[anc]
        if np.array_equal(nxt, anc):
            break
        anc = nxt
    src = np.where(np.isfinite(dist), init_src[anc], -1)
    return dist, src
