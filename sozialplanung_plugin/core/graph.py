"""Adjacency of block polygons: who neighbours whom and along how much boundary.

Used by the regionalisation (contiguity, compactness) and by the validation of a manual assignment.
Pure shapely/numpy/scipy so that it runs without QGIS. Works with shapely 1.8 (Debian) and 2.x.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix
    from shapely.geometry import Polygon
    from shapely.geometry.base import BaseGeometry

LINK_TOUCH = 0  # the blocks touch (or come within the tolerance)
LINK_ISLAND = 1  # added link between an island/enclave and the nearest block of the same unit


@dataclass(init=False)
class Adjacency:
    """Undirected neighbour pairs (i < j) with the shared boundary length (0 for corner or island links).

    ``kind`` and ``distance`` may be left out when built: then every edge is a touch (LINK_TOUCH) at distance 0;
    as attributes they are always arrays.
    """

    n: int
    i: np.ndarray
    j: np.ndarray
    length: np.ndarray
    kind: np.ndarray  # LINK_TOUCH or LINK_ISLAND per edge
    distance: np.ndarray  # gap between the blocks (0 when they touch)
    notes: list
    rings: Rings | None  # the blocks' Rings when built from geometries (reused for island links)

    def __init__(
        self,
        n: int,
        i: ArrayLike,
        j: ArrayLike,
        length: ArrayLike,
        kind: np.ndarray | None = None,
        distance: np.ndarray | None = None,
        notes: list | None = None,
        rings: Rings | None = None,
    ) -> None:
        self.n = n
        self.i = np.asarray(i, dtype=np.int64)
        self.j = np.asarray(j, dtype=np.int64)
        self.length = np.asarray(length, dtype=float)
        self.kind = np.zeros(len(self.i), dtype=np.int8) if kind is None else kind
        self.distance = np.zeros(len(self.i), dtype=float) if distance is None else distance
        self.notes = [] if notes is None else notes
        self.rings = rings

    def __len__(self):
        return len(self.i)

    def subset(self, mask: ArrayLike) -> Adjacency:
        """Keep the edges where mask is true."""
        m = np.asarray(mask, dtype=bool)
        return Adjacency(
            self.n, self.i[m], self.j[m], self.length[m], self.kind[m], self.distance[m], list(self.notes), self.rings
        )

    def extend(self, i: ArrayLike, j: ArrayLike, length: ArrayLike, kind: ArrayLike, distance: ArrayLike) -> Adjacency:
        return Adjacency(
            self.n,
            np.r_[self.i, i],
            np.r_[self.j, j],
            np.r_[self.length, length],
            np.r_[self.kind, np.asarray(kind, dtype=np.int8)],
            np.r_[self.distance, distance],
            list(self.notes),
            self.rings,
        )

    def csr(self, weights: ArrayLike | None = None) -> csr_matrix:
        """Symmetric scipy CSR matrix; weights default to 1 (never 0: scipy drops explicit zeros)."""
        from scipy.sparse import coo_matrix

        w = np.ones(len(self.i)) if weights is None else np.asarray(weights, dtype=float)
        a = coo_matrix((np.r_[w, w], (np.r_[self.i, self.j], np.r_[self.j, self.i])), shape=(self.n, self.n))
        return a.tocsr()

    def components(self, mask: ArrayLike | None = None) -> tuple[int, np.ndarray]:
        """Connected components (count, label per block) of the graph, optionally only edges where mask."""
        from scipy.sparse.csgraph import connected_components

        adj = self if mask is None else self.subset(mask)
        return connected_components(adj.csr(), directed=False)


def polygon_parts(geom: BaseGeometry | None) -> list[Polygon]:
    """The polygons of a Polygon/MultiPolygon/GeometryCollection (other parts are dropped)."""
    if geom is None or geom.is_empty:
        return []
    t = geom.geom_type
    if t == "Polygon":
        return [geom]
    if t in ("MultiPolygon", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(polygon_parts(g))
        return out
    return []


class Rings:
    """All polygon rings of a list of blocks as flat numpy arrays (parsed once from WKB, no per-vertex python).

    xy: vertices of all rings in order; start: first vertex of each ring (plus the end); owner: block of each ring;
    exterior: whether the ring is an outer ring. bounds(): (n, 4) array, NaN rows for empty blocks.
    """

    def __init__(self, geoms: Sequence[BaseGeometry | None]) -> None:
        import struct

        self.n = len(geoms)
        arrays, owner, exterior = [], [], []
        unpack = struct.unpack_from

        def rings_of(b, off):
            """Parse one WKB geometry at off; append its polygon rings; return the offset after it."""
            endian = "<" if b[off] == 1 else ">"
            typ = unpack(endian + "I", b, off + 1)[0]
            off += 5
            dims = 2
            if typ & 0x80000000:
                dims += 1
            if typ & 0x40000000:
                dims += 1
            if typ & 0x20000000:  # EWKB SRID
                off += 4
            typ &= 0x0FFFFFFF
            if typ >= 1000:
                dims = 2 + {1: 1, 2: 1, 3: 2}.get(typ // 1000, 0)
                typ %= 1000
            if typ == 3:
                nr = unpack(endian + "I", b, off)[0]
                off += 4
                for r in range(nr):
                    npt = unpack(endian + "I", b, off)[0]
                    off += 4
                    c = np.frombuffer(b, dtype=endian + "f8", count=dims * npt, offset=off).reshape(-1, dims)
                    arrays.append(c[:, :2])
                    owner.append(k)
                    exterior.append(r == 0)
                    off += 8 * dims * npt
                return off
            if typ in (4, 5, 6, 7):  # multi geometries and collections: recurse into the members
                cnt = unpack(endian + "I", b, off)[0]
                off += 4
                for _ in range(cnt):
                    off = rings_of(b, off)
                return off
            if typ == 1:
                return off + 8 * dims
            if typ == 2:
                npt = unpack(endian + "I", b, off)[0]
                return off + 4 + 8 * dims * npt
            raise ValueError(f"unsupported WKB geometry type {typ}")

        for k, g in enumerate(geoms):  # noqa: B007 - k is read by rings_of (closure)
            if g is None or g.is_empty:
                continue
            rings_of(g.wkb, 0)
        lens = np.array([len(a) for a in arrays], dtype=np.int64)
        self.xy = np.concatenate(arrays).astype(float) if arrays else np.zeros((0, 2))
        self.start = np.r_[0, np.cumsum(lens)].astype(np.int64)
        self.owner = np.asarray(owner, dtype=np.int64)
        self.exterior = np.asarray(exterior, dtype=bool)
        self.vertex_owner = np.repeat(self.owner, lens)

    def bounds(self) -> np.ndarray:
        b = np.full((self.n, 4), np.nan)
        if len(self.xy):
            for col, fn, ax in ((0, np.fmin, 0), (1, np.fmin, 1), (2, np.fmax, 0), (3, np.fmax, 1)):
                vals = np.full(self.n, np.inf if fn is np.fmin else -np.inf)
                fn.at(vals, self.vertex_owner, self.xy[:, ax])
                b[:, col] = vals
            b[~np.isfinite(b).all(axis=1)] = np.nan
        return b

    def measures(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Area, perimeter and area centroid (x, y) per block from the rings (shoelace formula, numpy only)."""
        xy = self.xy
        n = self.n
        if len(xy) < 2:
            return np.zeros(n), np.zeros(n), np.zeros((n, 2))
        x0, y0 = xy[:-1, 0], xy[:-1, 1]
        x1, y1 = xy[1:, 0], xy[1:, 1]
        same = self.vertex_owner[1:] == self.vertex_owner[:-1]
        last = np.zeros(len(xy) - 1, dtype=bool)
        last[self.start[1:-1] - 1] = True  # the step from one ring's last vertex to the next ring's first
        ok = same & ~last
        own = self.vertex_owner[:-1][ok]
        cross = (x0 * y1 - x1 * y0)[ok]
        rid = np.repeat(np.arange(len(self.owner)), np.diff(self.start))[:-1][ok]
        ring_area2 = np.bincount(rid, cross, minlength=len(self.owner))
        # outer rings count positive, holes negative, whatever their orientation
        sign_ring = np.where(self.exterior, 1.0, -1.0) * np.sign(ring_area2)
        sgn = sign_ring[rid]
        area = np.bincount(own, cross * sgn, minlength=n) / 2.0
        per = np.bincount(own, np.hypot(x1 - x0, y1 - y0)[ok], minlength=n)
        cx = np.bincount(own, ((x0 + x1)[ok] * cross) * sgn, minlength=n)
        cy = np.bincount(own, ((y0 + y1)[ok] * cross) * sgn, minlength=n)
        with np.errstate(divide="ignore", invalid="ignore"):
            cent = np.c_[cx, cy] / (6.0 * area[:, None])
        return area, per, np.nan_to_num(cent)


def repair_geometry(geom: BaseGeometry) -> BaseGeometry:
    """A valid (Multi)Polygon for geom: make_valid where shapely has it, else buffer(0)."""
    from shapely.geometry import MultiPolygon

    try:
        from shapely.validation import make_valid

        fixed = make_valid(geom)
    except ImportError:  # pragma: no cover - very old shapely
        fixed = geom.buffer(0)
    parts = polygon_parts(fixed)
    if not parts:
        fixed = geom.buffer(0)
        parts = polygon_parts(fixed)
    if not parts:
        return fixed
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def repair_geometries(geoms: Sequence[BaseGeometry | None]) -> tuple[list[BaseGeometry | None], list[tuple[int, str]]]:
    """Repaired copies of invalid geometries; returns (geoms, list of (index, reason)) for the report."""
    from shapely.validation import explain_validity

    from .i18n import tr

    out = list(geoms)
    repaired = []
    for k, g in enumerate(geoms):
        if g is None or g.is_empty:
            repaired.append((k, tr("empty geometry")))
            continue
        if not g.is_valid:
            reason = explain_validity(g)
            out[k] = repair_geometry(g)
            repaired.append((k, reason))
    return out, repaired


def block_bounds(geoms: Sequence[BaseGeometry | None]) -> np.ndarray:
    """(n, 4) bounds (minx, miny, maxx, maxy) per block; NaN rows for None and empty blocks (shapely 1.8 gives
    () as the bounds of an empty geometry, 2.x NaNs)."""
    return np.array([(np.nan,) * 4 if g is None or g.is_empty else g.bounds for g in geoms], dtype=float).reshape(-1, 4)


def candidate_pairs(bounds: ArrayLike, pad: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) whose bounding boxes, grown by pad, overlap. Grid binning in numpy, no n x n."""
    b = np.asarray(bounds, dtype=float).reshape(-1, 4).copy()
    n = len(b)
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    b[:, :2] -= pad / 2.0
    b[:, 2:] += pad / 2.0
    ext = np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    w = float(np.median(ext)) or float(ext.max()) or 1.0
    # very large boxes would cover many cells: cap the cells per box by growing the cell size
    x0 = np.floor((b[:, 0] - b[:, 0].min()) / w).astype(np.int64)
    x1 = np.floor((b[:, 2] - b[:, 0].min()) / w).astype(np.int64)
    y0 = np.floor((b[:, 1] - b[:, 1].min()) / w).astype(np.int64)
    y1 = np.floor((b[:, 3] - b[:, 1].min()) / w).astype(np.int64)
    nx = x1 - x0 + 1
    ny = y1 - y0 + 1
    cnt = nx * ny
    blk = np.repeat(np.arange(n), cnt)
    off = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    cx = np.repeat(x0, cnt) + off % np.repeat(nx, cnt)
    cy = np.repeat(y0, cnt) + off // np.repeat(nx, cnt)
    key = cx * (int(y1.max()) + 1) + cy
    order = np.lexsort((blk, key))
    key = key[order]
    blk = blk[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    ii, jj = [], []
    for s in np.unique(sizes):
        if s < 2:
            continue
        st = starts[sizes == s]
        a, c = np.triu_indices(s, 1)
        ii.append(blk[(st[:, None] + a[None, :]).ravel()])
        jj.append(blk[(st[:, None] + c[None, :]).ravel()])
    if not ii:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    ii = np.concatenate(ii)
    jj = np.concatenate(jj)
    lo = np.minimum(ii, jj)
    hi = np.maximum(ii, jj)
    pk = np.unique(lo * n + hi)
    ii = pk // n
    jj = pk % n
    ok = (b[ii, 0] <= b[jj, 2]) & (b[jj, 0] <= b[ii, 2]) & (b[ii, 1] <= b[jj, 3]) & (b[jj, 1] <= b[ii, 3])
    return ii[ok], jj[ok]


def block_adjacency(
    geoms: Sequence[BaseGeometry | None], tolerance: float = 0.0, contiguity: str = "rook"
) -> Adjacency:
    """Neighbour pairs of block polygons with their shared boundary length.

    tolerance 0: blocks are neighbours when their boundaries meet; 'rook' needs a shared boundary of length > 0,
    'queen' also accepts a single common point. tolerance > 0 (map units, e.g. metres): blocks whose boundaries come
    within the tolerance are neighbours (streets between blocks; sample distances, exact where uncertain); the
    shared length is then estimated from boundary samples (near_neighbours): fast, good enough for compactness.
    """
    if contiguity not in ("rook", "queen"):
        from .errors import InputError
        from .i18n import tr

        raise InputError(tr("Contiguity must be 'rook' or 'queen', not {contiguity!r}.", contiguity=contiguity))
    n = len(geoms)
    rings = Rings(geoms)
    bounds = rings.bounds()
    good = ~np.isnan(bounds).any(axis=1)
    bounds[~good] = 0.0
    ci, cj = candidate_pairs(bounds, pad=2.0 * tolerance)
    keep = good[ci] & good[cj]
    ci, cj = ci[keep], cj[keep]
    out_i: list[int] | np.ndarray  # lists from the exact test, arrays from near_neighbours
    out_j: list[int] | np.ndarray
    out_len: list[float] | np.ndarray
    out_dist: list[float] | np.ndarray
    if tolerance <= 0:
        # identical edges (clean data: neighbours share their vertices) found by hashing, exact and fast; the
        # remaining candidate pairs (T-junctions, corners, no contact) are tested with GEOS
        hi, hj, hl = shared_edges(rings)
        out_i, out_j, out_len = list(hi.tolist()), list(hj.tolist()), list(hl.tolist())  # list(): typed as lists
        out_dist = [0.0] * len(out_i)
        rest = ~np.isin(ci * n + cj, hi * n + hj)
        ci, cj = ci[rest], cj[rest]
        bd = {}
        for a, c in zip(ci.tolist(), cj.tolist()):
            if a not in bd:
                bd[a] = geoms[a].boundary
            if c not in bd:
                bd[c] = geoms[c].boundary
            ba, bc = bd[a], bd[c]
            if not ba.intersects(bc):
                continue
            length = ba.intersection(bc).length
            if length <= 0 and contiguity == "rook":
                continue
            out_i.append(a)
            out_j.append(c)
            out_len.append(length)
            out_dist.append(0.0)
    else:
        out_i, out_j, out_len, out_dist = near_neighbours(rings, geoms, tolerance)
    return Adjacency(
        n,
        np.array(out_i, np.int64),
        np.array(out_j, np.int64),
        np.array(out_len, float),
        distance=np.array(out_dist, float),
        rings=rings,
    )


def boundary_samples(rings: Rings, spacing: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points every ~spacing along all polygon rings: (xy, owner block, boundary length each point stands for)."""
    xy = rings.xy
    if len(xy) < 2:
        return np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0)
    rid = np.repeat(np.arange(len(rings.owner)), np.diff(rings.start))
    ok = rid[1:] == rid[:-1]
    a = xy[:-1][ok]
    vec = xy[1:][ok] - a
    seg_len = np.hypot(vec[:, 0], vec[:, 1])
    seg_owner = rings.owner[rid[:-1][ok]]
    cnt = np.maximum(np.ceil(seg_len / spacing).astype(np.int64), 1)
    seg = np.repeat(np.arange(len(a)), cnt)
    within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    t = (within + 0.5) / cnt[seg]
    pts = a[seg] + t[:, None] * vec[seg]
    return pts, seg_owner[seg], (seg_len / cnt)[seg]


def shared_edges(rings: Rings, decimals: int = 6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of blocks (i < j) with identical boundary segments and the summed length of those segments.

    Segments are keyed by their rounded end points (direction ignored); a key held by exactly two different blocks
    is a shared edge. Numpy only; exact when neighbours share their vertices (topologically clean block layers).
    """
    xy = rings.xy
    if len(xy) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    rid = np.repeat(np.arange(len(rings.owner)), np.diff(rings.start))
    ok = rid[1:] == rid[:-1]
    a, b = xy[:-1][ok], xy[1:][ok]
    own = rings.vertex_owner[:-1][ok]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    p = np.where(swap[:, None], b, a)
    q = np.where(swap[:, None], a, b)
    key = np.round(np.c_[p, q], decimals)
    length = np.hypot(*(q - p).T)
    keep = length > 0
    key, own, length = key[keep], own[keep], length[keep]
    _, inv, cnt = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    inv = inv.ravel()
    two = cnt[inv] == 2
    order = np.argsort(inv[two], kind="stable")
    o = own[two][order]
    ln = length[two][order]
    o1, o2 = o[0::2], o[1::2]
    diff = o1 != o2
    lo, hi = np.minimum(o1, o2)[diff], np.maximum(o1, o2)[diff]
    pk, pinv = np.unique(lo * rings.n + hi, return_inverse=True)
    lens = np.bincount(pinv, weights=ln[0::2][diff])
    return pk // rings.n, pk % rings.n, lens


def near_neighbours(
    rings: Rings, geoms: Sequence[BaseGeometry | None], tolerance: float, max_points: int = 3_000_000
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Blocks within the tolerance of each other (streets between blocks) and their shared length, from samples.

    Boundary points every ~spacing (about 20 per typical block, at most the tolerance) go into one k-d tree.
    Distance: samples closer than the tolerance prove the pair (the samples lie on the boundaries); a pair whose
    nearest samples are further apart than tolerance + spacing cannot be within the tolerance; only the pairs in
    between are measured exactly (GEOS). The reported distance is the nearest samples' (exact for measured pairs).
    Length: each sample goes to the nearest other block within tolerance + spacing/2; the edge length is the mean
    of i's boundary given to j and j's boundary given to i, so corners are not counted twice.
    """
    from scipy.spatial import cKDTree

    n = rings.n
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    if len(rings.xy) < 2:
        return empty
    d = np.diff(rings.xy, axis=0)
    same = rings.vertex_owner[1:] == rings.vertex_owner[:-1]
    seg = np.hypot(d[same, 0], d[same, 1])
    perim = np.bincount(rings.vertex_owner[1:][same], seg, minlength=n)
    median_perimeter = float(np.median(perim[perim > 0])) if (perim > 0).any() else tolerance
    spacing = max(min(tolerance, median_perimeter / 20.0), float(seg.sum()) / max_points)
    pts, own, w = boundary_samples(rings, spacing)
    tree = cKDTree(pts)
    pairs = tree.query_pairs(tolerance + spacing, output_type="ndarray")
    if len(pairs) == 0:
        return empty
    pa, pb = pairs[:, 0], pairs[:, 1]
    other = own[pa] != own[pb]
    pa, pb = pa[other], pb[other]
    dist = np.hypot(*(pts[pa] - pts[pb]).T)

    # one int64 sort key = (group, distance quantised to 2^-20 of the reach): a single argsort, no lexsort
    dq = np.minimum((dist / (tolerance + spacing) * (1 << 20)).astype(np.int64), (1 << 20) - 1)

    # block pairs: nearest samples, then exact distance for the uncertain ones
    lo = np.minimum(own[pa], own[pb])
    hi = np.maximum(own[pa], own[pb])
    key = lo * n + hi
    order = np.argsort((key << 20) | dq)
    key = key[order]
    first = np.r_[True, key[1:] != key[:-1]]
    bkey, bmin = key[first], dist[order][first]
    bi, bj = bkey // n, bkey % n
    keep = bmin <= tolerance
    for k in np.flatnonzero(~keep).tolist():
        ga, gb = geoms[int(bi[k])], geoms[int(bj[k])]
        if ga is None or gb is None:  # never: only blocks with boundary samples form pairs
            continue
        exact = ga.distance(gb)
        if exact <= tolerance:
            keep[k] = True
            bmin[k] = exact
    bi, bj, bmin = bi[keep], bj[keep], bmin[keep]

    # shared lengths: each sample to its nearest other block within tolerance + spacing / 2
    reach = dist <= tolerance + spacing / 2.0
    p_src = np.r_[pa[reach], pb[reach]]
    p_dst = np.r_[pb[reach], pa[reach]]
    dq2 = np.r_[dq[reach], dq[reach]]
    order = np.argsort((p_src << 20) | dq2)
    p_src, p_dst = p_src[order], p_dst[order]
    first = np.r_[True, p_src[1:] != p_src[:-1]] if len(p_src) else np.zeros(0, bool)
    has = p_src[first]
    uk, inv = np.unique(own[has] * n + own[p_dst[first]], return_inverse=True)
    lens = np.bincount(inv, weights=w[has])

    def lookup(a, b):
        if len(uk) == 0:
            return np.zeros(len(a))
        q = a * n + b
        pos = np.minimum(np.searchsorted(uk, q), len(uk) - 1)
        return np.where(uk[pos] == q, lens[pos], 0.0)

    return bi, bj, (lookup(bi, bj) + lookup(bj, bi)) / 2.0, bmin


def _vertices(geoms, max_per_block=200):
    """Outer-ring vertices per block (thinned to about max_per_block) as (xy, owner) arrays."""
    rings = geoms if isinstance(geoms, Rings) else Rings(geoms)
    lens = np.diff(rings.start)
    keep_ring = np.repeat(rings.exterior, lens)
    # drop each ring's closing vertex
    last = np.zeros(len(rings.xy), dtype=bool)
    last[rings.start[1:] - 1] = True
    keep = keep_ring & ~last
    owner = rings.vertex_owner
    cnt = np.bincount(owner[keep], minlength=rings.n)
    step = np.maximum(np.ceil(cnt / max_per_block).astype(np.int64), 1)
    idx = np.flatnonzero(keep)
    rank = np.arange(len(idx)) - np.repeat(
        np.r_[0, np.cumsum(np.bincount(owner[idx], minlength=rings.n))[:-1]], np.bincount(owner[idx], minlength=rings.n)
    )
    idx = idx[rank % step[owner[idx]] == 0]
    return rings.xy[idx], owner[idx]


def link_islands(
    adj: Adjacency, geoms: Sequence[BaseGeometry | None] | Rings, groups: ArrayLike | None = None
) -> tuple[Adjacency, list[tuple[int, int, float]]]:
    """Link the disconnected parts of each group (municipality/district) to their nearest block in the same group.

    Islands and enclaves get an edge of kind LINK_ISLAND to the nearest block (by boundary vertices) of another
    part of the same group until each group is connected (Boruvka rounds on a k-d tree). Returns (adjacency,
    list of (i, j, distance) links added).
    """
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    n = adj.n
    gcodes = pd_codes(np.zeros(n, dtype=np.int64) if groups is None else groups)
    same = gcodes[adj.i] == gcodes[adj.j]
    ncomp, comp = connected_components(adj.subset(same).csr(), directed=False)
    per_group = np.bincount(gcodes[np.unique(comp, return_index=True)[1]], minlength=gcodes.max() + 1)
    multi = np.flatnonzero(per_group > 1)
    links: list[tuple[int, int, float]] = []
    if len(multi) == 0:
        return adj, links
    xy, owner = _vertices(adj.rings if adj.rings is not None else geoms)
    parent = np.arange(ncomp)

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    root_of = np.arange(ncomp)
    for gcode in multi.tolist():
        sel = gcodes[owner] == gcode
        pxy, pown = xy[sel], owner[sel]
        if len(pxy) == 0:
            continue
        kq = min(16, len(pxy))
        dd_all, nn_all = cKDTree(pxy).query(pxy, k=kq)  # once per group; the rounds only relabel
        dd_all = dd_all.reshape(len(pxy), kq)
        nn_all = nn_all.reshape(len(pxy), kq)
        ucomp = np.unique(comp[pown])
        while True:
            root_of[ucomp] = [find(c) for c in ucomp.tolist()]
            lab = root_of[comp[pown]]
            labels, vcount = np.unique(lab, return_counts=True)
            if len(labels) <= 1:
                break
            # every part except the largest proposes its shortest link to another part (Boruvka round)
            main = labels[np.argmax(vcount)]
            q = np.flatnonzero(lab != main)
            main_tree = None
            dd, nn = dd_all[q], nn_all[q]
            dmask = np.where(lab[nn] != lab[q][:, None], dd, np.inf)
            bk = np.argmin(dmask, axis=1)
            rows = np.arange(len(q))
            bd, bp = dmask[rows, bk], nn[rows, bk]
            order = np.lexsort((bd, lab[q]))
            firsts = order[np.r_[True, lab[q][order][1:] != lab[q][order][:-1]]]
            proposals = []
            for r in firsts.tolist():
                c = int(lab[q[r]])
                if np.isfinite(bd[r]):
                    proposals.append((float(bd[r]), c, int(pown[q[r]]), int(pown[bp[r]])))
                else:  # none of the nearest vertices lies elsewhere: link to the nearest vertex of the largest part
                    if main_tree is None:
                        in_main = np.flatnonzero(lab == main)
                        main_tree = cKDTree(pxy[in_main])
                    mine = np.flatnonzero(lab == c)
                    d2, n2 = main_tree.query(pxy[mine], k=1)
                    m = int(np.argmin(d2))
                    proposals.append((float(d2[m]), c, int(pown[mine[m]]), int(pown[in_main[n2[m]]])))
            for d, _c, a, b in sorted(proposals):
                ra, rb = find(comp[a]), find(comp[b])
                if ra == rb:
                    continue
                parent[ra] = rb
                links.append((min(a, b), max(a, b), d))
    if links:
        li = np.array(links)
        adj = adj.extend(
            li[:, 0].astype(np.int64),
            li[:, 1].astype(np.int64),
            np.zeros(len(li)),
            np.full(len(li), LINK_ISLAND),
            li[:, 2],
        )
    return adj, links


def pd_codes(values: ArrayLike) -> np.ndarray:
    """Integer codes 0..k-1 of arbitrary labels (sorted order of their string forms)."""
    values = np.asarray(values)
    _, codes = np.unique(values.astype(str), return_inverse=True)
    return codes.astype(np.int64)


class BoxIndex:
    """STRtree over geometries returning indices, for shapely 1.8 and 2.x alike."""

    def __init__(self, geoms: Sequence[BaseGeometry]) -> None:
        import warnings

        from shapely.strtree import STRtree

        self.geoms = list(geoms)
        with warnings.catch_warnings():  # shapely 1.8 announces the 2.0 API change; both are handled below
            warnings.simplefilter("ignore")
            self.tree = STRtree(self.geoms)
        self._ids = {id(g): k for k, g in enumerate(self.geoms)}

    def query(self, geom: BaseGeometry) -> list[int]:
        res = self.tree.query(geom)
        if len(res) == 0:
            return []
        first = res[0]
        if isinstance(first, (int, np.integer)):
            return [int(r) for r in res]
        return [self._ids[id(g)] for g in res]


def _line_pieces(barriers):
    from shapely.geometry import LineString

    pieces = []
    for g in barriers:
        if g is None or g.is_empty:
            continue
        stack = [g]
        while stack:
            h = stack.pop()
            t = h.geom_type
            if t == "LineString" or t == "LinearRing":
                c = np.asarray(h.coords)
                step = 64  # split long lines so that the index stays selective
                for s in range(0, len(c) - 1, step):
                    pieces.append(LineString(c[s : s + step + 1]))
            elif t == "Polygon":
                stack.append(h.exterior)
                stack.extend(h.interiors)
            elif hasattr(h, "geoms"):
                stack.extend(h.geoms)
    return pieces


def barrier_cuts(
    adj: Adjacency,
    geoms: Sequence[BaseGeometry | None],
    barriers: Iterable[BaseGeometry | None],
    tolerance: float = 0.0,
) -> np.ndarray:
    """Which adjacency edges a barrier (railway, river, motorway lines; polygons count by their outline) cuts.

    Rule: the edge between blocks i and j is cut when a barrier line
    (a) intersects the straight segment between the representative points (point on surface) of i and j, or
    (b) meets the interior of their shared boundary (crossing it, or running along it); merely touching an end
        point of the shared boundary does not cut. With a tolerance, the shared boundary is the part of each
        block's boundary within the tolerance of the other block.
    Returns a boolean array over the edges.
    """
    from shapely.geometry import LineString, box

    cut = np.zeros(len(adj), dtype=bool)
    pieces = _line_pieces(barriers)
    if not pieces or len(adj) == 0:
        return cut
    index = BoxIndex(pieces)
    rep = {}

    def rp(k):
        if k not in rep:
            rep[k] = geoms[k].representative_point()
        return rep[k]

    bounds = block_bounds(geoms)  # NaN rows of None and empty blocks (they have no edges)
    for e, (a, c) in enumerate(zip(adj.i.tolist(), adj.j.tolist())):
        bb = (
            min(bounds[a, 0], bounds[c, 0]) - tolerance,
            min(bounds[a, 1], bounds[c, 1]) - tolerance,
            max(bounds[a, 2], bounds[c, 2]) + tolerance,
            max(bounds[a, 3], bounds[c, 3]) + tolerance,
        )
        hits = index.query(box(*bb))
        if not hits:
            continue
        near = [pieces[k] for k in hits]
        seg = LineString([rp(a).coords[0], rp(c).coords[0]])
        if any(p.intersects(seg) for p in near):
            cut[e] = True
            continue
        if tolerance > 0:
            shared = geoms[a].boundary.intersection(geoms[c].buffer(tolerance, 4))
            shared = shared.union(geoms[c].boundary.intersection(geoms[a].buffer(tolerance, 4)))
        else:
            shared = geoms[a].boundary.intersection(geoms[c].boundary)
        shared = _lines_or_points(shared)
        if shared is None:
            continue
        if any(p.relate_pattern(shared, "T********") for p in near):
            cut[e] = True
    return cut


def _lines_or_points(geom):
    """The line parts of geom as one (Multi)LineString, else its points; GEOS relate dislikes collections."""
    from shapely.geometry import MultiLineString, MultiPoint

    if geom.is_empty:
        return None
    lines, points = [], []
    stack = [geom]
    while stack:
        h = stack.pop()
        if h.geom_type == "LineString":
            lines.append(h)
        elif h.geom_type == "Point":
            points.append(h)
        elif hasattr(h, "geoms"):
            stack.extend(h.geoms)
    if lines:
        return lines[0] if len(lines) == 1 else MultiLineString(lines)
    if points:
        return points[0] if len(points) == 1 else MultiPoint(points)
    return None
