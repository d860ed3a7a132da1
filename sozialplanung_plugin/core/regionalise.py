"""Automatic social spaces: contiguous, nested, population-bounded, homogeneous and compact groups of blocks.

Method (see docs/social-spaces.md):
1. A sparse adjacency graph of the blocks (core.graph), restricted to edges inside one nesting unit, without edges
   a barrier cuts and without locked blocks; islands are linked to their nearest block of the same unit.
2. Per connected part of a unit: a minimum spanning tree on attribute dissimilarity plus centroid distance, cut
   recursively. Each cut removes the tree edge whose two sides can both be split into parts within
   [floor, ceiling] and which scores best on attribute separation (between-group sum of squares), boundary length
   (compactness) and balance. All cut candidates are scored at once in O(n) from subtree sums over a DFS preorder.
3. Boundary-block local search: move a block to a neighbouring space when it lowers the objective
   SSD/SSD_start - compactness * SHAPE_SCALE * mean PP/PP_start (SSD_start and PP_start: within-space SSD and mean
   Polsby-Popper of the tree partition, so one weight means the same trade-off whatever the attributes and block
   shapes), keeps both spaces within bounds (or brings them closer) and keeps the old space connected (articulation
   check). compactness_term='length' keeps the older global term 2 * cut_length/cut_total instead of the mean PP.
4. Rounds (recombine_rounds, default 3) of merging each pair of neighbouring spaces and re-cutting it on a fresh
   attribute spanning tree where the same objective is best (pure python on the pair, O(pair) per tree), each round
   followed by the boundary search again; a repair step last.
No n x n matrix anywhere; deterministic for a given seed.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .i18n import tr

if TYPE_CHECKING:
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

    from .graph import Adjacency

FLAG_OK = ""
FLAG_UNIT_BELOW_FLOOR = "unit_below_floor"  # the unit (or its part) has fewer residents than the floor: one space
FLAG_INFEASIBLE = "bounds_infeasible"  # the part's residents cannot be split into parts within the bounds
FLAG_BLOCK_ABOVE_CEILING = "block_above_ceiling"  # a single block has more residents than the ceiling
FLAG_BELOW_FLOOR = "below_floor"  # feasible, but the space missed the floor
FLAG_ABOVE_CEILING = "above_ceiling"  # feasible, but the space missed the ceiling
FLAG_LOCKED = "locked"
INFEASIBLE_FLAGS = (FLAG_UNIT_BELOW_FLOOR, FLAG_INFEASIBLE, FLAG_BLOCK_ABOVE_CEILING)
# compactness_term='shape': the user's compactness weight times this scale weighs the mean Polsby-Popper (relative to
# that of the first partition) against the SSD (relative to that of the first partition) in the local search and
# the pair recombination (1.0 = the default balance; measured in docs/social-spaces.md)
SHAPE_SCALE = 0.12
# the same weight times this scale weighs the boundary length in the spanning-tree cuts (and the distance in the trees)
TREE_SCALE = 0.2


@dataclass
class RegionalisationResult:
    """Labels per block plus one row per space and a run report."""

    labels: np.ndarray  # space index per block (0..n_spaces-1)
    space_ids: list[str]  # id per space index
    spaces: pd.DataFrame  # one row per space
    issues: pd.DataFrame  # type, space_id, unit, blocks, detail
    report: dict  # run metrics (n_spaces, share_within_bounds, population_cv, ssd, mean_polsby_popper, ari, ...)
    timings: dict = field(default_factory=dict)
    adjacency: Adjacency | None = None  # the block graph regionalise_polygons() built (None from regionalise())
    barrier_cut: np.ndarray | None = None  # its edges cut by barriers (regionalise_polygons() with barriers)

    def block_space_ids(self) -> list[str]:
        return [self.space_ids[k] for k in self.labels.tolist()]

    def summary(self, mean_polsby_popper: float | None = None) -> str:
        """The run report as lines for the log; ``mean_polsby_popper`` replaces the report's value (the
        algorithm measures it on the dissolved output geometries)."""
        r = self.report
        pp = r["mean_polsby_popper"] if mean_polsby_popper is None else mean_polsby_popper
        bounds = {
            "floor": f"{r['floor']:g}",
            "ceiling": f"{r['ceiling']:g}",
            "within": r["n_within_bounds"],
            "n": r["n_spaces"],
            "share": 100 * r["share_within_bounds"],
        }
        lines = [
            tr(
                "{n} social spaces from {blocks} blocks in {units} units",
                n=r["n_spaces"],
                blocks=r["n_blocks"],
                units=r["n_units"],
            ),
            tr(
                "within bounds [{floor}, {ceiling}]: {within} of {n} ({share:.1f} %); of the feasible ones "
                "{feasible:.1f} %",
                feasible=100 * r["share_feasible_within_bounds"],
                **bounds,
            )
            if r.get("n_feasible", 1)
            # every space locked (or below the floor by its unit): no share of feasible spaces to speak of
            else tr(
                "within bounds [{floor}, {ceiling}]: {within} of {n} ({share:.1f} %); no space was planned freely",
                **bounds,
            ),
            tr(
                "population per space: mean {mean:.0f}, CV {cv:.3f}",
                mean=r["population_mean"],
                cv=r["population_cv"],
            ),
            tr("within-space SSD (standardised attributes): {ssd:.2f}", ssd=r["ssd"]),
            tr("mean Polsby-Popper: {pp:.3f}", pp=pp),
        ]
        if r.get("ari") is not None:
            lines.append(tr("adjusted Rand index against the reference: {ari:.3f}", ari=r["ari"]))
        if len(self.issues):
            counts = self.issues["type"].value_counts()
            lines.append(tr("issues: {counts}", counts=", ".join(f"{k} {v}" for k, v in counts.items())))
        return "\n".join(lines)


# ----------------------------------------------------------------------------------------------- metrics


def adjusted_rand_index(a: ArrayLike, b: ArrayLike) -> float:
    """Adjusted Rand index of two labelings (Hubert & Arabie 1985), numpy only; 1 = identical, ~0 = chance."""
    a = np.asarray(a)
    b = np.asarray(b)
    if len(a) != len(b):
        raise InputError(tr("The two partitions for the adjusted Rand index have different lengths."))
    n = len(a)
    if n < 2:
        return 1.0
    _, ia = np.unique(a.astype(str), return_inverse=True)
    _, ib = np.unique(b.astype(str), return_inverse=True)
    pair = ia.astype(np.int64) * (ib.max() + 1) + ib
    _, nij = np.unique(pair, return_counts=True)

    def c2(x):
        x = np.asarray(x, dtype=float)
        return float((x * (x - 1) / 2.0).sum())

    sum_ij = c2(nij)
    sum_a = c2(np.bincount(ia))
    sum_b = c2(np.bincount(ib))
    total = n * (n - 1) / 2.0
    expected = sum_a * sum_b / total
    max_index = (sum_a + sum_b) / 2.0
    if max_index == expected:
        return 1.0
    return (sum_ij - expected) / (max_index - expected)


def within_ssd(values: ArrayLike, labels: ArrayLike) -> float:
    """Sum over spaces of squared deviations from the space mean (values: n x k, already standardised)."""
    x = np.asarray(values, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    if x.shape[1] == 0:
        return 0.0
    _, lab = np.unique(np.asarray(labels), return_inverse=True)
    cnt = np.bincount(lab).astype(float)
    sums = np.zeros((cnt.size, x.shape[1]))
    np.add.at(sums, lab, x)
    return float((x**2).sum() - ((sums**2).sum(axis=1) / cnt).sum())


def standardise(values: ArrayLike) -> np.ndarray:
    """z-scores per column (population sd); constant columns become 0."""
    x = np.asarray(values, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    mu = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    return (x - mu) / sd


def polsby_popper(area: ArrayLike, perimeter: ArrayLike) -> np.ndarray:
    """4 pi A / P^2 (1 for a circle)."""
    area = np.asarray(area, dtype=float)
    perimeter = np.asarray(perimeter, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        pp = 4.0 * math.pi * area / perimeter**2
    return np.where(perimeter > 0, pp, np.nan)


def space_shapes(
    labels: ArrayLike, adjacency: Adjacency, areas: ArrayLike, perimeters: ArrayLike
) -> tuple[np.ndarray, np.ndarray]:
    """Area and perimeter per space from the blocks and their shared boundaries (no dissolve needed).

    perimeter(space) = sum over its blocks of (perimeter - boundary shared with blocks of the same space), the
    shared part clamped to the block's perimeter; area(space) = block areas plus, for neighbours across a street
    (tolerance adjacency), the street between them (shared length x gap). Island links add nothing.
    """
    labels = np.asarray(labels)
    n = len(labels)
    r = int(labels.max()) + 1 if n else 0
    ai, aj = adjacency.i, adjacency.j
    inside = labels[ai] == labels[aj]
    ln = adjacency.length[inside]
    shared = np.bincount(ai[inside], ln, minlength=n) + np.bincount(aj[inside], ln, minlength=n)
    shared = np.minimum(shared, perimeters)
    per = np.bincount(labels, weights=np.asarray(perimeters) - shared, minlength=r)
    area = np.bincount(labels, weights=areas, minlength=r)
    street = ln * adjacency.distance[inside]
    area += np.bincount(labels[ai[inside]], weights=street, minlength=r)
    return area, np.maximum(per, 0.0)


# ----------------------------------------------------------------------------------------------- input checks


def _as_float(values, name, n):
    try:
        x = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise InputError(tr("The field '{name}' must contain numbers.", name=name)) from None
    if x.shape[0] != n:
        raise InputError(
            tr("The field '{name}' has {values} values for {n} blocks.", name=name, values=x.shape[0], n=n)
        )
    return x


def _check_population(pop):
    bad = np.flatnonzero(~np.isfinite(pop) | (pop < 0))
    if len(bad):
        raise InputError(
            tr(
                "The population field has {n} blocks without a valid number (first: block row {row}, "
                "value {value!r}). Enter 0 for blocks without residents.",
                n=len(bad),
                row=bad[0] + 1,
                value=pop[bad[0]],
            ),
            row=int(bad[0]),
        )


# ----------------------------------------------------------------------------------------------- tree machinery


def _feasible_parts(p, floor, ceiling):
    """Smallest and largest number of parts p can be split into so that each part lies within bounds."""
    lo = np.ceil(p / ceiling - 1e-9)
    hi = np.floor(p / floor + 1e-9) if floor > 0 else np.full_like(np.asarray(p, float), 1e12)
    return np.maximum(lo, 1), hi


class _Tree:
    """A rooted spanning tree of one part: DFS preorder, parents, and the LCA of every graph edge of the part.

    A piece of the part that arises from cutting tree edges is a connected subtree; its nodes in the global preorder
    form a valid preorder of the piece, its parents are the global ones and the LCA of any two of its nodes is the
    global LCA. So every cut of every piece is scored from one traversal plus O(piece) numpy work.
    """

    def __init__(self, m, ti, tj, gi, gj, gl):
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import depth_first_order

        t = coo_matrix((np.ones(2 * len(ti)), (np.r_[ti, tj], np.r_[tj, ti])), shape=(m, m)).tocsr()
        order, pred = depth_first_order(t, 0, directed=False, return_predecessors=True)
        self.complete = len(order) == m
        self.order = order
        self.tin = np.empty(m, dtype=np.int64)
        self.tin[order] = np.arange(len(order))
        parent = pred.astype(np.int64)
        root = int(order[0])
        parent[root] = root
        self.parent_list = parent.tolist()
        ups = [parent]
        while not (ups[-1] == root).all():
            ups.append(ups[-1][ups[-1]])
        depth = _depths(parent, root)
        self.size_buf = [1] * m
        self.lpos = np.zeros(m, dtype=np.int64)
        # LCA of each graph edge by binary lifting
        a, b = gi.copy(), gj.copy()
        swap = depth[a] < depth[b]
        a[swap], b[swap] = gj[swap], gi[swap]
        diff = depth[a] - depth[b]
        for j in range(len(ups)):
            bit = ((diff >> j) & 1).astype(bool)
            if bit.any():
                a[bit] = ups[j][a[bit]]
        for j in range(len(ups) - 1, -1, -1):
            ua, ub = ups[j][a], ups[j][b]
            d = ua != ub
            a[d] = ua[d]
            b[d] = ub[d]
        self.lca = np.where(a == b, a, parent[a])
        self.gi, self.gj, self.gl = gi, gj, gl


def _best_cut(tree, piece, edges, k, f, params):
    """Score every tree edge of piece (nodes in preorder) as a cut into k_a and k - k_a parts.

    Returns (position where the cut-off subtree starts, its length, k_a, feasible) or None.
    """
    m = len(piece)
    pl = piece.tolist()
    sz = tree.size_buf
    par = tree.parent_list
    for v in pl:
        sz[v] = 1
    for v in reversed(pl[1:]):
        sz[par[v]] += sz[v]
    size = np.fromiter((sz[v] for v in pl), dtype=np.int64, count=m)
    pos = np.arange(m)
    feats = f[piece]
    cs = np.empty((m + 1, feats.shape[1]))
    cs[0] = 0.0
    np.cumsum(feats, axis=0, out=cs[1:])
    side = cs[pos + size] - cs[pos]
    total = cs[-1]
    P = total[0]
    a = side[:, 0]
    b = P - a
    floor, ceiling = params["floor"], params["ceiling"]
    alo, ahi = _feasible_parts(a, floor, ceiling)
    blo, bhi = _feasible_parts(b, floor, ceiling)
    lo = np.maximum(np.maximum(alo, k - bhi), 1)
    hi = np.minimum(np.minimum(ahi, k - blo), k - 1)
    ideal = np.rint(k * a / P) if P > 0 else np.full(m, k // 2)
    ka = np.clip(ideal, lo, np.maximum(lo, hi))
    feasible = lo <= hi
    feasible[0] = False
    kb = k - ka
    t = P / k
    with np.errstate(divide="ignore", invalid="ignore"):
        bal = (ka * (a / np.maximum(ka, 1) - t) ** 2 + kb * (b / np.maximum(kb, 1) - t) ** 2) / (k * t * t)
    score = -params["balance"] * np.nan_to_num(bal, nan=1e9)
    if feats.shape[1] > 4 and params["homogeneity"] > 0:
        na = side[:, 1]
        nb = m - na
        xa = side[:, 4:]
        xb = total[4:] - xa
        with np.errstate(divide="ignore", invalid="ignore"):
            diff = xa / np.maximum(na, 1)[:, None] - xb / np.maximum(nb, 1)[:, None]
            gain = na * nb / m * (diff**2).sum(axis=1)
        score += params["homogeneity"] * gain / max(params["ssd_scale"], 1e-12) * params["n_total"] / max(k, 1)
    if params["compactness"] > 0 and len(edges):
        lp = tree.lpos
        lp[piece] = pos
        gl = tree.gl[edges]
        contrib = (
            np.bincount(lp[tree.gi[edges]], gl, m)
            + np.bincount(lp[tree.gj[edges]], gl, m)
            - 2.0 * np.bincount(lp[tree.lca[edges]], gl, m)
        )
        cc = np.empty(m + 1)
        cc[0] = 0.0
        np.cumsum(contrib, out=cc[1:])
        cut = cc[pos + size] - cc[pos]
        area_a = side[:, 2]
        area_b = total[2] - area_a
        # the new boundary against the perimeter of a circle as large as the sides' average space
        ref = 2.0 * np.sqrt(math.pi * np.maximum(area_a / np.maximum(ka, 1), area_b / np.maximum(kb, 1)))
        with np.errstate(divide="ignore", invalid="ignore"):
            score -= params["compactness"] * 0.5 * np.nan_to_num(cut / ref, nan=0.0)
    if feasible.any():
        v = int(np.argmax(np.where(feasible, score, -np.inf)))
        return v, int(size[v]), int(ka[v]), True
    viol = (
        np.maximum(0, ka * floor - a)
        + np.maximum(0, a - ka * ceiling)
        + np.maximum(0, kb * floor - b)
        + np.maximum(0, b - kb * ceiling)
    )
    viol[0] = np.inf
    v = int(np.argmin(viol))
    return v, int(size[v]), int(ka[v]), False


def _partition_part(m, pop_total, li, lj, ll, lw, f, k, params, rng, max_retries=6):
    """Split one connected part (m blocks, local edges li/lj with lengths ll and MST weights lw) into k pieces.

    Returns a list of local node arrays, and whether every cut was feasible.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import minimum_spanning_tree

    def mst(nodes_count, ei_, ej_, w_):
        t = minimum_spanning_tree(coo_matrix((w_, (ei_, ej_)), shape=(nodes_count, nodes_count)).tocsr())
        t = t.tocoo()
        return t.row.astype(np.int64), t.col.astype(np.int64)

    floor, ceiling = params["floor"], params["ceiling"]
    ti, tj = mst(m, li, lj, lw)
    tree = _Tree(m, ti, tj, li, lj, ll)
    pieces = []
    all_ok = True
    stack = [(tree, tree.order, np.arange(len(li)), k, None)]
    while stack:
        tr, piece, edges, kk, back = stack.pop()
        if kk <= 1 or len(piece) == 1:
            pieces.append(piece if back is None else back[piece])
            continue
        res = _best_cut(tr, piece, edges, kk, f if back is None else f[back], params)
        if not res[3]:
            # other part counts, then other spanning trees of this piece
            ptot = float((f if back is None else f[back])[piece, 0].sum())
            kmin, kmax = (int(x[0]) for x in _feasible_parts(np.array([ptot]), floor, ceiling))
            for k2 in (kk - 1, kk + 1):
                if kmin <= k2 <= kmax and k2 >= 1:
                    if k2 == 1:
                        res = (0, 0, 0, True)
                        kk = 1
                        break
                    r2 = _best_cut(tr, piece, edges, k2, f if back is None else f[back], params)
                    if r2[3]:
                        res, kk = r2, k2
                        break
            if kk == 1:
                pieces.append(piece if back is None else back[piece])
                continue
        if not res[3] and len(piece) > 2:
            # a fresh random spanning tree of this piece (local re-indexing)
            glob = piece if back is None else back[piece]
            loc = np.full(m, -1, dtype=np.int64)
            loc[glob] = np.arange(len(glob))
            gi_, gj_ = tr.gi[edges], tr.gj[edges]
            if back is not None:
                gi_, gj_ = back[gi_], back[gj_]
            gi_, gj_ = loc[gi_], loc[gj_]
            gl_ = tr.gl[edges]
            for _ in range(max_retries):
                w_ = rng.random(len(gi_)) + 1e-9
                a_, b_ = mst(len(glob), gi_, gj_, w_)
                tr2 = _Tree(len(glob), a_, b_, gi_, gj_, gl_)
                if not tr2.complete:
                    break
                r2 = _best_cut(tr2, tr2.order, np.arange(len(gi_)), kk, f[glob], params)
                if r2[3]:
                    tr, piece, edges, back, res = tr2, tr2.order, np.arange(len(gi_)), glob, r2
                    break
        if not res[3]:
            all_ok = False
        start, length, ka, _ = res
        in_a = np.zeros(len(piece), dtype=bool)
        in_a[start : start + length] = True
        # edges of each side (both ends inside)
        mark = np.zeros(tr.lpos.shape[0], dtype=np.int8)
        mark[piece[in_a]] = 1
        mark[piece[~in_a]] = 2
        ea = mark[tr.gi[edges]]
        eb = mark[tr.gj[edges]]
        stack.append((tr, piece[~in_a], edges[(ea == 2) & (eb == 2)], kk - ka, back))
        stack.append((tr, piece[in_a], edges[(ea == 1) & (eb == 1)], ka, back))
    return pieces, all_ok


def _depths(parent, root):
    """Depth of each tree node by pointer jumping (O(n log n) in numpy, no python loop over nodes)."""
    m = len(parent)
    dist = (np.arange(m) != root).astype(np.int64)
    anc = parent.copy()
    while not (anc == root).all():
        dist = dist + dist[anc]
        anc = anc[anc]
    return dist


# ----------------------------------------------------------------------------------------------- main entry


def regionalise(
    population: ArrayLike,
    adjacency: Adjacency,
    *,
    units: ArrayLike | None = None,
    attributes: ArrayLike | None = None,
    floor: float,
    ceiling: float,
    target_size: float | None = None,
    compactness: float = 1.0,
    homogeneity: float = 1.0,
    locked: Sequence[object] | None = None,
    seed: int = 0,
    barrier_cut: ArrayLike | None = None,
    areas: ArrayLike | None = None,
    perimeters: ArrayLike | None = None,
    centroids: ArrayLike | None = None,
    reference: ArrayLike | None = None,
    small_fragments: str = "merge",
    max_passes: int = 20,
    recombine_rounds: int = 3,
    time_limit: float | None = None,
    block_ids: Sequence[object] | None = None,
    tree_spatial_weight: float | None = None,
    compactness_term: str = "shape",
) -> RegionalisationResult:
    """Partition blocks into social spaces; see the module docstring for the method.

    population: residents per block; adjacency: core.graph.Adjacency (island links included);
    units: nesting unit per block (municipality/district key; spaces never cross it);
    attributes: n x k values for homogeneity (standardised here); floor/ceiling: residents per space;
    target_size: residents per space aimed at (default (floor+ceiling)/2); compactness: weight of the boundary
    length term (0 = ignore shape); locked: existing space id per block for blocks to keep ('' / None = free);
    barrier_cut: bool per adjacency edge (edge crosses a barrier); areas/perimeters/centroids per block (for
    compactness and the report); reference: a reference space id per block for the adjusted Rand index;
    small_fragments: 'merge' (a part cut off by barriers with fewer residents than the floor joins its neighbour
    across the barrier, reported) or 'keep' (it stays a space of its own, flagged);
    max_passes: local-search budget (evaluations = max_passes * n); recombine_rounds: extra rounds that merge and
    re-split pairs of neighbouring spaces (slower, better; stops early when nothing improves or after time_limit
    seconds); block_ids: block keys used in the issue table; tree_spatial_weight: weight of the centroid distance
    in the spanning-tree edge weights (default: the compactness weight, at least 0.05); compactness_term: 'shape'
    (mean Polsby-Popper over spaces in the local search and recombination, weight compactness * SHAPE_SCALE; the
    tree cuts weigh boundary length with compactness * TREE_SCALE) or 'length' (the earlier global boundary
    length, weight compactness).
    Returns a RegionalisationResult (labels, space_ids, spaces, issues, report, timings). Stable API: the
    benchmark (bench/bench_regionalise.py) and the Processing algorithm call it; see docs/social-spaces.md.
    """
    import pandas as pd

    t0 = time.perf_counter()
    pop = _as_float(population, "population", adjacency.n)
    _check_population(pop)
    bounds = _Bounds.checked(floor, ceiling, target_size)
    if compactness_term not in ("shape", "length"):
        raise InputError(tr("compactness_term must be 'shape' or 'length'."))
    if compactness_term == "shape":
        search_compactness = SHAPE_SCALE * float(compactness)
        compactness = TREE_SCALE * float(compactness)
    else:
        search_compactness = compactness
    if small_fragments not in ("merge", "keep"):
        raise InputError(tr("small_fragments must be 'merge' or 'keep'."))
    rng = np.random.default_rng(seed)
    issues = _Issues(block_ids)
    blocks = _blocks(pop, units, attributes, areas, perimeters, centroids, locked, issues)
    edges = _active_edges(adjacency, blocks, barrier_cut, small_fragments, bounds.floor, issues)
    t_prep = time.perf_counter()

    objective = _objective(blocks, edges, bounds, homogeneity, compactness, tree_spatial_weight, rng)
    regions = _initial_partition(blocks, edges, objective, bounds, rng, issues)
    t_part = time.perf_counter()
    moves, recombined = _improve(
        regions,
        blocks,
        edges,
        objective,
        bounds,
        search_compactness,
        compactness,
        compactness_term,
        max_passes,
        recombine_rounds,
        time_limit,
        rng,
    )
    t_ls = time.perf_counter()

    _final_flags(regions, blocks.pop, bounds)
    space_ids = _space_ids(regions, blocks)
    spaces, report = _spaces_and_report(
        regions, space_ids, blocks, adjacency, edges, objective, bounds, issues, moves, recombined, reference
    )
    t_end = time.perf_counter()
    timings = {
        "prepare": t_prep - t0,
        "partition": t_part - t_prep,
        "local_search": t_ls - t_part,
        "report": t_end - t_ls,
        "algorithm_total": t_end - t0,
    }
    issues_df = pd.DataFrame(issues.rows, columns=["type", "space_id", "unit", "blocks", "n_blocks", "detail"])
    return RegionalisationResult(regions.labels, space_ids, spaces, issues_df, report, timings)


# --------------------------------------------------------------------------------------------------------------
# the phases of regionalise() and their small value objects
# --------------------------------------------------------------------------------------------------------------
@dataclass
class _Bounds:
    """Residents per space: floor, ceiling and the size aimed at."""

    floor: float
    ceiling: float
    target: float

    @classmethod
    def checked(cls, floor, ceiling, target_size=None):
        floor, ceiling = float(floor), float(ceiling)
        if not (floor >= 0 and ceiling > 0 and floor < ceiling):
            raise InputError(
                tr(
                    "The population floor ({floor}) must be at least 0 and below the ceiling ({ceiling}).",
                    floor=f"{floor:g}",
                    ceiling=f"{ceiling:g}",
                )
            )
        return cls(floor, ceiling, float(target_size) if target_size else (floor + ceiling) / 2.0)


class _Issues:
    """The issue table of a run: one row per finding with the blocks concerned (by key when known)."""

    def __init__(self, block_ids=None):
        self.block_ids = block_ids
        self.rows = []

    def add(self, kind, space_id, unit, blocks, detail):
        ids = [str(self.block_ids[b]) for b in blocks] if self.block_ids is not None else [str(b) for b in blocks]
        self.rows.append(
            {
                "type": kind,
                "space_id": space_id,
                "unit": unit,
                "blocks": ", ".join(ids[:50]) + (" ..." if len(ids) > 50 else ""),
                "n_blocks": len(ids),
                "detail": detail,
            }
        )


@dataclass
class _Blocks:
    """The blocks as arrays: residents, nesting unit, standardised attributes, shapes, locked space ids."""

    pop: np.ndarray
    units: np.ndarray
    z: np.ndarray
    areas: np.ndarray
    perimeters: np.ndarray
    centroids: np.ndarray
    locked: np.ndarray  # locked space id per block, '' for a free block
    free: np.ndarray

    @property
    def n(self):
        return len(self.pop)


def _blocks(pop, units, attributes, areas, perimeters, centroids, locked, issues):
    """The checked block arrays (residents checked by the caller); missing attribute values take the column
    mean (reported)."""
    n = len(pop)
    units = np.array(["all"] * n, dtype=object) if units is None else np.asarray(units).astype(str)
    if len(units) != n:
        raise InputError(tr("The nesting field has {values} values for {n} blocks.", values=len(units), n=n))
    if attributes is None:
        z = np.zeros((n, 0))
    else:
        raw = np.asarray(attributes, dtype=float)
        if raw.ndim == 1:
            raw = raw[:, None]
        if raw.shape[0] != n:
            raise InputError(tr("The attribute table has {rows} rows for {n} blocks.", rows=raw.shape[0], n=n))
        miss = ~np.isfinite(raw)
        if miss.any():
            col_mean = np.nanmean(np.where(miss, np.nan, raw), axis=0)
            raw = np.where(miss, col_mean[None, :], raw)
            rows = np.flatnonzero(miss.any(axis=1))
            issues.add(
                "missing_attribute",
                "",
                "",
                rows.tolist(),
                tr("{n} blocks without an attribute value; the column mean was used", n=len(rows)),
            )
        z = standardise(raw)
    areas = np.ones(n) if areas is None else _as_float(areas, "area", n)
    perimeters = np.full(n, 4.0) if perimeters is None else _as_float(perimeters, "perimeter", n)
    centroids = np.asarray(np.zeros((n, 2)) if centroids is None else centroids, dtype=float)
    if locked is None:
        locked_lab = np.array([""] * n, dtype=object)
    else:
        locked_lab = np.array(
            ["" if (v is None or (isinstance(v, float) and math.isnan(v))) else str(v) for v in locked], dtype=object
        )
    return _Blocks(pop, units, z, areas, perimeters, centroids, locked_lab, locked_lab == "")


@dataclass
class _Edges:
    """Adjacency edges (i, j, shared length) and which of them the spaces may grow along: same unit, both
    blocks free, not cut by a barrier (unless a too small fragment was joined across it); parts = components."""

    i: np.ndarray
    j: np.ndarray
    length: np.ndarray
    same_unit: np.ndarray
    active: np.ndarray
    n_cut: int
    part: np.ndarray  # connected part (component of active edges) per block


def _active_edges(adjacency, blocks, barrier_cut, small_fragments, floor, issues):
    """Active edges and parts; with small_fragments='merge' a part cut off by barriers with fewer residents
    than the floor is joined to its neighbour across the barrier (smallest first, reported)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n, pop, units, free = blocks.n, blocks.pop, blocks.units, blocks.free
    ei, ej, el = adjacency.i, adjacency.j, adjacency.length
    same_unit = units[ei] == units[ej]
    cut = np.zeros(len(ei), bool) if barrier_cut is None else np.asarray(barrier_cut, bool)
    base = same_unit & free[ei] & free[ej]
    active = base & ~cut
    n_cut = int((base & cut).sum())

    def comps(mask):
        a = coo_matrix((np.ones(mask.sum()), (ei[mask], ej[mask])), shape=(n, n))
        return connected_components(a, directed=False)[1]

    comp = comps(active)
    if small_fragments == "merge" and (base & cut).any():
        for _ in range(n):
            cpop = np.bincount(comp, weights=pop)
            crossing = np.flatnonzero(base & cut & ~active & (comp[ei] != comp[ej]))
            if len(crossing) == 0:
                break
            small = cpop[comp[ei[crossing]]] < floor
            small |= cpop[comp[ej[crossing]]] < floor
            cand = crossing[small]
            cand = cand[free[ei[cand]]]
            if len(cand) == 0:
                break
            # the smallest fragment first, over its longest boundary
            key = np.minimum(cpop[comp[ei[cand]]], cpop[comp[ej[cand]]]) - 1e-9 * el[cand]
            e = cand[int(np.argmin(key))]
            frag = comp[ei[e]] if cpop[comp[ei[e]]] <= cpop[comp[ej[e]]] else comp[ej[e]]
            frag_blocks = np.flatnonzero(comp == frag)
            # reinstate every cut edge between the two parts
            c1, c2 = comp[ei[e]], comp[ej[e]]
            both = base & cut & (((comp[ei] == c1) & (comp[ej] == c2)) | ((comp[ei] == c2) & (comp[ej] == c1)))
            active = active | both
            issues.add(
                "barrier_relaxed",
                "",
                str(units[ei[e]]),
                frag_blocks.tolist(),
                tr(
                    "a part cut off by barriers has {residents:.0f} residents (< floor {floor}) and was joined "
                    "to its neighbour across the barrier",
                    residents=cpop[frag],
                    floor=f"{floor:g}",
                ),
            )
            comp = comps(active)
    for k in np.flatnonzero(adjacency.kind == 1):
        if active[k]:
            issues.add(
                "island_link",
                "",
                str(units[ei[k]]),
                [int(ei[k]), int(ej[k])],
                tr(
                    "island/enclave linked to the nearest block of the same unit ({distance:.0f} apart)",
                    distance=adjacency.distance[k],
                ),
            )
    return _Edges(ei, ej, el, same_unit, active, n_cut, comp)


@dataclass
class _Objective:
    """Scales and weights of the objective: block features for the tree cuts, spanning-tree edge weights, the
    cut parameters, the total SSD and the total active boundary length."""

    feats: np.ndarray
    w_edge: np.ndarray
    params: dict
    ssd_total: float
    cut_total: float


def _objective(blocks, edges, bounds, homogeneity, compactness, tree_spatial_weight, rng):
    """Global scales; spanning-tree weights = attribute dissimilarity + centroid distance + a tiny seeded jitter."""
    z, centroids, active = blocks.z, blocks.centroids, edges.active
    ei, ej, el = edges.i, edges.j, edges.length
    ssd_total = float((z**2).sum()) if z.shape[1] else 0.0
    cut_total = float(el[active].sum()) or 1.0
    if len(ei):
        dsp = np.hypot(*(centroids[ei] - centroids[ej]).T)
        med = np.median(dsp[active]) if active.any() else 1.0
        dsp = dsp / (med if med > 0 else 1.0)
        if z.shape[1]:
            dat = ((z[ei] - z[ej]) ** 2).sum(axis=1)
            mean_dat = dat[active].mean() if active.any() else 1.0
            dat = dat / (mean_dat if mean_dat > 0 else 1.0)
        else:
            dat = np.zeros(len(ei))
        tsw = max(compactness, 0.05) if tree_spatial_weight is None else tree_spatial_weight
        w_edge = homogeneity * dat + tsw * dsp + 1e-6 + 1e-7 * rng.random(len(ei))
        dsp_scale = 1.0 / (med if med > 0 else 1.0) / (mean_dat if z.shape[1] and mean_dat > 0 else 1.0)
    else:
        w_edge = np.zeros(0)
        dsp_scale = 1.0
    n = blocks.n
    feats = np.column_stack([blocks.pop, np.ones(n), blocks.areas, blocks.perimeters, z])
    params = dict(
        floor=bounds.floor,
        ceiling=bounds.ceiling,
        balance=1.0,
        homogeneity=homogeneity,
        compactness=compactness,
        ssd_scale=ssd_total,
        n_total=n,
        w_cut=2.0 * compactness / cut_total,
        cent=centroids,
        dsp_scale=dsp_scale,
        mst_spatial=0.05 + 0.2 * compactness,
        jitter=0.5,
    )
    return _Objective(feats, w_edge, params, ssd_total, cut_total)


class _Regions:
    """The spaces while they are built: label per block and per space its flag, unit, locked id and part."""

    def __init__(self, n):
        self.labels = np.full(n, -1, dtype=np.int64)
        self.flag, self.unit, self.locked, self.part = [], [], [], []

    @property
    def n(self):
        return len(self.flag)

    def add(self, members, flag, unit, locked="", part=-1):
        self.labels[members] = self.n
        self.flag.append(flag)
        self.unit.append(unit)
        self.locked.append(locked)
        self.part.append(part)

    def drop_empty(self):
        """Renumber after merges: spaces without blocks go."""
        keep = np.flatnonzero(np.bincount(self.labels, minlength=self.n) > 0)
        if len(keep) == self.n:
            return
        remap = np.full(self.n, -1, dtype=np.int64)
        remap[keep] = np.arange(len(keep))
        self.labels[:] = remap[self.labels]
        rows = keep.tolist()
        self.flag = [self.flag[r] for r in rows]
        self.unit = [self.unit[r] for r in rows]
        self.locked = [self.locked[r] for r in rows]
        self.part = [self.part[r] for r in rows]


def _initial_partition(blocks, edges, objective, bounds, rng, issues):
    """Locked spaces first, then per part the recursive spanning-tree cut into k spaces within the bounds."""
    n, pop, units, free, locked_lab = blocks.n, blocks.pop, blocks.units, blocks.free, blocks.locked
    comp, active, feats = edges.part, edges.active, objective.feats
    floor, ceiling = bounds.floor, bounds.ceiling
    regions = _Regions(n)
    for lab in sorted(set(locked_lab[~free].tolist())):
        members = np.flatnonzero(locked_lab == lab)
        us = sorted(set(units[members].tolist()))
        regions.add(members, FLAG_LOCKED, us[0] if len(us) == 1 else "+".join(us), lab)
        if len(us) > 1:
            issues.add(
                "locked_crosses_unit",
                lab,
                "+".join(us),
                members.tolist(),
                tr("a locked space crosses the nesting boundary; kept as it is"),
            )
    ei, ej = edges.i, edges.j
    act_i, act_j, act_l, act_w = ei[active], ej[active], edges.length[active], objective.w_edge[active]
    # blocks grouped by part, edges grouped by part
    free_idx = np.flatnonzero(free)
    order_parts = free_idx[np.argsort(comp[free_idx], kind="stable")]
    part_sorted = comp[order_parts]
    # every block locked: no part to plan, the locked spaces are the result (not r_[True, ...] = one empty part)
    starts = np.flatnonzero(np.r_[True, part_sorted[1:] != part_sorted[:-1]]) if len(free_idx) else np.zeros(0, int)
    starts = np.r_[starts, len(order_parts)]
    local_pos = np.full(n, -1, dtype=np.int64)
    e_order = np.argsort(comp[act_i], kind="stable")
    e_parts = comp[act_i][e_order]
    for pk in range(len(starts) - 1):
        nodes = order_parts[starts[pk] : starts[pk + 1]]
        part = comp[nodes[0]]
        unit = str(units[nodes[0]])
        P = float(pop[nodes].sum())
        m = len(nodes)
        local_pos[nodes] = np.arange(m)
        if P < floor or m == 1:
            regions.add(nodes, FLAG_UNIT_BELOW_FLOOR if P < floor else FLAG_OK, unit, "", part)
            continue
        kmin, kmax = (int(x[0]) for x in _feasible_parts(np.array([P]), floor, ceiling))
        if kmin > kmax:
            k = kmin if (kmin * floor - P) <= (P - kmax * ceiling) else kmax
            k = max(k, 1)
            part_flag = FLAG_INFEASIBLE
        else:
            k = int(min(max(round(P / bounds.target), kmin), kmax, m))
            part_flag = FLAG_OK
        if k <= 1:
            regions.add(nodes, part_flag, unit, "", part)
            continue
        lo_e, hi_e = np.searchsorted(e_parts, part), np.searchsorted(e_parts, part, side="right")
        es = e_order[lo_e:hi_e]
        li, lj = local_pos[act_i[es]], local_pos[act_j[es]]
        pieces, _ = _partition_part(m, P, li, lj, act_l[es], act_w[es], feats[nodes], k, objective.params, rng)
        for piece in pieces:
            regions.add(nodes[piece], part_flag, unit, "", part)
    return regions


@dataclass
class _SearchSetup:
    """What the boundary-block local search works on (was a list of 17 positional arrays): the active graph as
    neighbour lists, residents and attributes, bounds, the objective's weights and the budget."""

    pop: np.ndarray
    z: np.ndarray
    ai: np.ndarray  # active edges
    aj: np.ndarray
    nbrs: list
    nlen: list
    floor: float
    ceiling: float
    compactness: float
    ssd_scale: float
    cut_total: float
    max_passes: int
    shape: tuple | None  # (areas, perimeters, weight, active edge lengths) for compactness_term='shape'


def _improve(
    regions,
    blocks,
    edges,
    objective,
    bounds,
    search_compactness,
    compactness,
    compactness_term,
    max_passes,
    recombine_rounds,
    time_limit,
    rng,
):
    """Boundary moves, rounds of pair recombination (each followed by boundary moves), repair, boundary moves.
    Returns (moves, recombinations)."""
    labels, active, z = regions.labels, edges.active, blocks.z
    ai, aj, al = edges.i[active], edges.j[active], edges.length[active]
    nbrs, nlen = _neighbour_lists(blocks.n, ai, aj, al)
    shape_arg = None
    if compactness_term == "shape":
        # the mean Polsby-Popper relative to that of the spanning-tree partition, as the SSD
        ar0, pe0 = _running_shapes(labels, regions.n, blocks.areas, blocks.perimeters, ai, aj, al)
        pp0 = -np.mean([_shape_term(p_, a_) for p_, a_ in zip(pe0.tolist(), ar0.tolist())]) if regions.n else 1.0
        shape_w = 1.0 / max(float(pp0), 1e-3)
        shape_arg = (blocks.areas, blocks.perimeters, shape_w, al)
    # homogeneity is measured against the SSD of the spanning-tree partition, so the compactness weight means the
    # same trade-off (share of the reachable homogeneity given up for shape) whatever the attributes
    ssd_total = objective.ssd_total
    ssd_norm = max(within_ssd(z, labels), 1e-3 * ssd_total) if z.shape[1] else ssd_total
    setup = _SearchSetup(
        blocks.pop,
        z,
        ai,
        aj,
        nbrs,
        nlen,
        bounds.floor,
        bounds.ceiling,
        search_compactness,
        ssd_norm,
        objective.cut_total,
        max_passes,
        shape_arg,
    )
    moves = _local_search(labels, regions.n, regions.flag, setup, rng)
    recombined = 0
    # the pair recombination scores with the local search's objective
    rparams = dict(
        objective.params,
        ssd_scale=ssd_norm,
        w_shape=search_compactness * shape_arg[2] / max(regions.n, 1) if shape_arg is not None else 0.0,
        w_cut=0.0 if shape_arg is not None else 2.0 * compactness / objective.cut_total,
    )
    feats = objective.feats
    if recombine_rounds > 0 and regions.n > 1:
        movable = [f not in (FLAG_LOCKED, FLAG_UNIT_BELOW_FLOOR) for f in regions.flag]
        deadline = time.perf_counter() + (time_limit if time_limit else 1e9)
        for rnd in range(recombine_rounds):
            changed = _recombine(
                labels, regions.n, feats, z, nbrs, nlen, movable, rparams, rng, 1, deadline, first_round=rnd
            )
            recombined += changed
            if not changed:
                break
            moves += _local_search(labels, regions.n, regions.flag, setup, rng)
    # repair: a space of a feasible part that still misses a bound is re-split with a neighbour, or merged into it
    repaired = _repair(
        labels,
        regions.n,
        blocks.pop,
        feats,
        z,
        nbrs,
        nlen,
        ai,
        aj,
        regions.flag,
        rparams,
        rng,
        bounds.floor,
        bounds.ceiling,
    )
    if repaired:
        regions.drop_empty()
        moves += _local_search(labels, regions.n, regions.flag, setup, rng)
    return moves, recombined


def _final_flags(regions, pop, bounds):
    """Infeasible parts keep their reason; the other spaces are checked against the bounds."""
    n_regions, labels, region_flag = regions.n, regions.labels, regions.flag
    floor, ceiling = bounds.floor, bounds.ceiling
    rpop = np.bincount(labels, weights=pop, minlength=n_regions)
    rmax = np.zeros(n_regions)
    np.maximum.at(rmax, labels, pop)
    for r in range(n_regions):
        if region_flag[r] in (FLAG_LOCKED, FLAG_UNIT_BELOW_FLOOR):
            continue
        if rpop[r] > ceiling + 1e-9 and rmax[r] > ceiling:
            region_flag[r] = FLAG_BLOCK_ABOVE_CEILING
        elif region_flag[r] == FLAG_INFEASIBLE:
            continue
        elif rpop[r] > ceiling + 1e-9:
            region_flag[r] = FLAG_ABOVE_CEILING
        elif rpop[r] < floor - 1e-9:
            region_flag[r] = FLAG_BELOW_FLOOR
        else:
            region_flag[r] = FLAG_OK


def _space_ids(regions, blocks):
    """Locked spaces keep their ids; new ones '<unit>-<nnn>' numbered north-west to south-east."""
    n_regions, labels = regions.n, regions.labels
    centroids, areas = blocks.centroids, blocks.areas
    space_ids = [""] * n_regions
    cx = np.bincount(labels, weights=centroids[:, 0] * np.maximum(areas, 1e-12), minlength=n_regions)
    cy = np.bincount(labels, weights=centroids[:, 1] * np.maximum(areas, 1e-12), minlength=n_regions)
    aw = np.bincount(labels, weights=np.maximum(areas, 1e-12), minlength=n_regions)
    cx, cy = cx / aw, cy / aw
    used = set(regions.locked)
    by_unit = {}
    for r in range(n_regions):
        if regions.locked[r]:
            space_ids[r] = regions.locked[r]
        else:
            by_unit.setdefault(regions.unit[r], []).append(r)
    for unit, rs in by_unit.items():
        rs.sort(key=lambda r: (-round(cy[r], 3), round(cx[r], 3)))
        width = max(3, len(str(len(rs))))
        k = 0
        for r in rs:
            k += 1
            sid = f"{unit}-{k:0{width}d}"
            while sid in used:
                k += 1
                sid = f"{unit}-{k:0{width}d}"
            used.add(sid)
            space_ids[r] = sid
    return space_ids


def _spaces_and_report(
    regions, space_ids, blocks, adjacency, edges, objective, bounds, issues, moves, recombined, reference
):
    """The per-space table (residents, shape, flag) and the run report; issues for every flagged space."""
    import pandas as pd

    n_regions, labels, region_flag = regions.n, regions.labels, regions.flag
    floor, ceiling, z = bounds.floor, bounds.ceiling, blocks.z
    rpop = np.bincount(labels, weights=blocks.pop, minlength=n_regions)
    area_r, per_r = space_shapes(labels, adjacency.subset(edges.same_unit), blocks.areas, blocks.perimeters)
    pp = polsby_popper(area_r, per_r)
    nblk = np.bincount(labels, minlength=n_regions)
    spaces = pd.DataFrame(
        {
            "space_id": space_ids,
            "unit": regions.unit,
            "n_blocks": nblk,
            "population": rpop,
            "area": area_r,
            "perimeter": per_r,
            "polsby_popper": pp,
            "flag": region_flag,
            "locked": [bool(x) for x in regions.locked],
        }
    )
    flags = np.asarray(region_flag, dtype=object)
    for r in np.flatnonzero(~np.isin(flags, [FLAG_OK, FLAG_LOCKED])).tolist():
        members = np.flatnonzero(labels == r)
        issues.add(
            region_flag[r],
            space_ids[r],
            regions.unit[r],
            members.tolist(),
            tr(
                "{residents:.0f} residents, bounds [{floor}, {ceiling}]",
                residents=rpop[r],
                floor=f"{floor:g}",
                ceiling=f"{ceiling:g}",
            ),
        )
    within = (rpop >= floor - 1e-9) & (rpop <= ceiling + 1e-9)
    new = flags != FLAG_LOCKED
    feasible = new & ~np.isin(flags, INFEASIBLE_FLAGS)
    mean_pop = float(rpop.mean()) if n_regions else 0.0
    report = {
        "n_blocks": blocks.n,
        "n_units": int(len(set(blocks.units.tolist()))),
        "n_spaces": n_regions,
        "n_locked": int((~new).sum()),
        "floor": floor,
        "ceiling": ceiling,
        "target_size": bounds.target,
        "n_within_bounds": int(within.sum()),
        "share_within_bounds": float(within.mean()) if n_regions else 1.0,
        "n_feasible": int(feasible.sum()),
        "share_feasible_within_bounds": float(within[feasible].mean()) if feasible.any() else 1.0,
        "population_mean": mean_pop,
        "population_cv": float(rpop.std() / mean_pop) if mean_pop > 0 else 0.0,
        "ssd": within_ssd(z, labels) if z.shape[1] else 0.0,
        "ssd_total": objective.ssd_total,
        "mean_polsby_popper": float(np.nanmean(pp)) if n_regions else float("nan"),
        "n_barrier_edges_cut": edges.n_cut,
        "n_island_links": int((adjacency.kind == 1).sum()),
        "local_search_moves": moves,
        "recombinations": recombined,
        "ari": None,
    }
    if reference is not None:
        report["ari"] = float(adjusted_rand_index(labels, np.asarray(reference).astype(str)))
    return spaces, report


def _neighbour_lists(n, ai, aj, al):
    """Per block: neighbour ids and shared lengths as python lists (fast scalar access in the search loops)."""
    src_all = np.r_[ai, aj]
    order = np.argsort(src_all, kind="stable")
    src = src_all[order]
    dst = np.r_[aj, ai][order].tolist()
    lens = np.r_[al, al][order].tolist()
    starts = np.searchsorted(src, np.arange(n + 1)).tolist()
    return ([dst[starts[v] : starts[v + 1]] for v in range(n)], [lens[starts[v] : starts[v + 1]] for v in range(n)])


def _running_shapes(labels, n_regions, areas, perimeters, ai, aj, lengths):
    """Area and perimeter per space as the search keeps them: block areas, block perimeters minus twice the
    boundary shared inside the space (edges ai-aj with shared lengths)."""
    inside = labels[ai] == labels[aj]
    area = np.bincount(labels, weights=areas, minlength=n_regions)
    per = np.bincount(labels, weights=perimeters, minlength=n_regions) - 2.0 * np.bincount(
        labels[ai][inside], weights=lengths[inside], minlength=n_regions
    )
    return area, per


def _shape_term(per, ar):
    """Shape penalty of one space: minus its Polsby-Popper 4 pi A / P^2 (capped at 1; 0 without area), so that the
    sum over spaces / number of spaces is minus the reported mean Polsby-Popper."""
    if ar <= 0:
        return 0.0
    if per <= 0:
        return -1.0
    return -min(4.0 * math.pi * ar / (per * per), 1.0)


def _split_pair(m, li, lj, ll, order, pop, cnt, zs, area, perim, params):
    """Best cut of one spanning tree of a pair of neighbouring spaces (m blocks, local edges li/lj with shared
    lengths ll, Kruskal order of the edges) into two spaces within the bounds, scored with the run objective.

    Pure python on lists (the pairs are small, ~30-100 blocks): Kruskal with union-find, one DFS, subtree sums in
    reverse preorder of population, block count, attribute sums, area, perimeter, shared length inside the pair and
    cut length (graph edges counted at their endpoints minus twice at their lowest common ancestor). For a cut,
    side A = the subtree: SSD(A) + SSD(B) = SS(pair) - between(A, B) with between = n_A n_B / m |mean_A - mean_B|^2;
    perimeter(A) = perimeters(A) - (shared(A) - cut). Score = between / ssd_scale - w_shape * (shape(A) + shape(B))
    - w_cut * cut (higher is better). Returns (score, local nodes of the cut-off side, pair totals for _pair_score)
    or None when the edges do not span the pair or no cut is within the bounds.
    """
    parent = list(range(m))
    tadj = [[] for _ in range(m)]
    joined = 0
    for e in order:
        a, b = li[e], lj[e]
        ra = a
        while parent[ra] != ra:
            parent[ra] = parent[parent[ra]]
            ra = parent[ra]
        rb = b
        while parent[rb] != rb:
            parent[rb] = parent[parent[rb]]
            rb = parent[rb]
        if ra != rb:
            parent[ra] = rb
            tadj[a].append(b)
            tadj[b].append(a)
            joined += 1
            if joined == m - 1:
                break
    if joined < m - 1:
        return None
    par = [-1] * m
    depth = [0] * m
    pre = [0]
    seen = bytearray(m)
    seen[0] = 1
    stack = [0]
    while stack:
        u = stack.pop()
        for w in tadj[u]:
            if not seen[w]:
                seen[w] = 1
                par[w] = u
                depth[w] = depth[u] + 1
                pre.append(w)
                stack.append(w)
    # pre lists every node after its parent: enough for subtree sums in reverse order
    scut = [0.0] * m
    shared = [0.0] * m
    for a, b, L in zip(li, lj, ll):
        shared[a] += L
        shared[b] += L
        scut[a] += L
        scut[b] += L
        if par[b] == a:  # tree edges (and their twins): the parent is the lowest common ancestor
            scut[a] -= 2.0 * L
            continue
        if par[a] == b:
            scut[b] -= 2.0 * L
            continue
        u, w = a, b
        while depth[u] > depth[w]:
            u = par[u]
        while depth[w] > depth[u]:
            w = par[w]
        while u != w:
            u = par[u]
            w = par[w]
        scut[u] -= 2.0 * L
    sp = list(pop)
    sc = list(cnt)
    sz = [list(r) for r in zs]
    sa = list(area)
    spe = list(perim)
    ssh = list(shared)
    d = len(zs[0]) if m else 0
    for v in reversed(pre[1:]):
        p = par[v]
        sp[p] += sp[v]
        sc[p] += sc[v]
        sa[p] += sa[v]
        spe[p] += spe[v]
        ssh[p] += ssh[v]
        scut[p] += scut[v]
        if d:
            zp, zv = sz[p], sz[v]
            for k in range(d):
                zp[k] += zv[k]
    P, N, AR, PE, SH = sp[0], sc[0], sa[0], spe[0], ssh[0]
    Z = sz[0]
    floor, ceiling = params["floor"], params["ceiling"]
    inv_ssd = 1.0 / params["ssd_scale"] if params["ssd_scale"] > 0 and d else 0.0
    w_shape, w_cut = params["w_shape"], params["w_cut"]
    best, best_v = None, -1
    for v in pre[1:]:
        pa_ = sp[v]
        pb_ = P - pa_
        if pa_ < floor or pa_ > ceiling or pb_ < floor or pb_ > ceiling:
            continue
        na = sc[v]
        nb = N - na
        s = 0.0
        if inv_ssd:
            za = sz[v]
            for k in range(d):
                t = za[k] / na - (Z[k] - za[k]) / nb
                s += t * t
            s *= na * nb / N * inv_ssd
        cut = scut[v]
        if w_shape:
            per_a = spe[v] - (ssh[v] - cut)
            per_b = (PE - spe[v]) - ((SH - ssh[v]) - cut)
            ar_a, ar_b = sa[v], AR - sa[v]
            s -= w_shape * (_shape_term(per_a, ar_a) + _shape_term(per_b, ar_b))
        if w_cut:
            s -= w_cut * cut
        if best is None or s > best:
            best, best_v = s, v
    if best is None:
        return None
    side = []
    stack = [best_v]
    while stack:
        u = stack.pop()
        side.append(u)
        for w in tadj[u]:
            if w != par[u]:
                stack.append(w)
    return best, side, (shared, P, N, AR, PE, SH, Z)


def _pair_score(in_a, pop, zs, area, perim, li, lj, ll, totals, params):
    """The score of _split_pair for a given split of the pair (in_a: bool per local block)."""
    shared, P, N, AR, PE, SH, Z = totals
    d = len(Z)
    na = sum(1 for x in in_a if x)
    nb = N - na
    if na == 0 or nb == 0:
        return -math.inf, False
    pa_ = sum(p for p, x in zip(pop, in_a) if x)
    pb_ = P - pa_
    ok = params["floor"] <= pa_ <= params["ceiling"] and params["floor"] <= pb_ <= params["ceiling"]
    s = 0.0
    if d and params["ssd_scale"] > 0:
        za = [0.0] * d
        for r, x in zip(zs, in_a):
            if x:
                for k in range(d):
                    za[k] += r[k]
        for k in range(d):
            t = za[k] / na - (Z[k] - za[k]) / nb
            s += t * t
        s *= na * nb / N / params["ssd_scale"]
    cut = sum(L for a, b, L in zip(li, lj, ll) if in_a[a] != in_a[b])
    if params["w_shape"]:
        sa_ = sum(a for a, x in zip(area, in_a) if x)
        spe_ = sum(p for p, x in zip(perim, in_a) if x)
        ssh_ = sum(h for h, x in zip(shared, in_a) if x)
        per_a = spe_ - (ssh_ - cut)
        per_b = (PE - spe_) - ((SH - ssh_) - cut)
        ar_a, ar_b = sa_, AR - sa_
        s -= params["w_shape"] * (_shape_term(per_a, ar_a) + _shape_term(per_b, ar_b))
    if params["w_cut"]:
        s -= params["w_cut"] * cut
    return s, ok


def _recombine(
    labels, n_regions, feats, z, nbrs, nlen, movable, params, rng, rounds, deadline, only=None, first_round=0
):
    """Merge-split improvement: for neighbouring spaces A, B build a fresh spanning tree of A+B on attribute
    dissimilarity (plus a little distance, seeded jitter) and cut it where both new spaces are within the bounds and
    the run objective (SSD/ssd_scale + shape or boundary-length term of the two spaces) is best; keep the result when
    it beats the current split (or the current split misses a bound). The jitter of the tree weights grows with the
    round number (first_round + round). Returns the number of pairs changed."""
    n = len(labels)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_regions + 1))
    members = [order[bounds[r] : bounds[r + 1]].tolist() for r in range(n_regions)]
    has_attr = z.shape[1] > 0 and params["ssd_scale"] > 0
    cent = params["cent"]
    # tree weights of every neighbour pair (the same in every pair and round; only the jitter differs)
    src = np.repeat(np.arange(n), [len(x) for x in nbrs])
    dst = np.fromiter((w for x in nbrs for w in x), dtype=np.int64, count=len(src))
    base = ((z[src] - z[dst]) ** 2).sum(axis=1) if has_attr else np.zeros(len(src))
    dxy = cent[src] - cent[dst]
    base = base + params["mst_spatial"] * params["dsp_scale"] * np.hypot(dxy[:, 0], dxy[:, 1])
    deg = np.fromiter((len(x) for x in nbrs), dtype=np.int64, count=n)
    starts = np.r_[0, np.cumsum(deg)]
    lens = np.fromiter((L for x in nlen for L in x), dtype=float, count=len(src))
    gpos = np.zeros(n, dtype=np.int64)
    improved_total = 0
    for rnd in range(rounds):
        la = labels
        diff = la[src] != la[dst]
        pa, pb = np.minimum(la[src][diff], la[dst][diff]), np.maximum(la[src][diff], la[dst][diff])
        pairs = np.unique(pa * n_regions + pb)
        pairs = pairs[rng.permutation(len(pairs))]
        improved = 0
        lab = labels  # numpy view, updated in place
        for key in pairs.tolist():
            if time.perf_counter() > deadline:
                return improved_total + improved
            A, B = divmod(key, n_regions)
            if not (movable[A] and movable[B]):
                continue
            if only is not None and A not in only and B not in only:
                continue
            nodes = members[A] + members[B]
            m = len(nodes)
            if m < 3:
                continue
            nodes_arr = np.asarray(nodes)
            gpos[nodes_arr] = np.arange(m)
            # the pair's edges from the flat neighbour arrays (vectorised: the pairs are many, the python loop slow)
            cnt = deg[nodes_arr]
            tot = int(cnt.sum())
            idx = np.repeat(starts[nodes_arr] - np.r_[0, np.cumsum(cnt)[:-1]], cnt) + np.arange(tot)
            u_, w_ = src[idx], dst[idx]
            lw = lab[w_]
            keep = (w_ > u_) & ((lw == A) | (lw == B))
            idx = idx[keep]
            if len(idx) < m - 1:
                continue
            li = gpos[u_[keep]].tolist()
            lj = gpos[w_[keep]].tolist()
            el_ = lens[idx].tolist()
            wt = base[idx] * rng.uniform(1.0, 1.0 + params["jitter"] * (first_round + rnd + 1), size=len(idx)) + 1e-9
            pop_l = feats[nodes_arr, 0].tolist()
            zs_l = z[nodes_arr].tolist() if has_attr else [[]] * m
            area_l = feats[nodes_arr, 2].tolist()
            per_l = feats[nodes_arr, 3].tolist()
            res = _split_pair(
                m, li, lj, el_, np.argsort(wt, kind="stable").tolist(), pop_l, [1] * m, zs_l, area_l, per_l, params
            )
            if res is None:
                continue
            score, side, totals = res
            old_a = (lab[nodes_arr] == A).tolist()
            old_score, old_ok = _pair_score(old_a, pop_l, zs_l, area_l, per_l, li, lj, el_, totals, params)
            if score <= old_score + 1e-12 and old_ok:
                continue
            new_a = np.zeros(m, dtype=bool)
            new_a[side] = True
            # keep the label closer to the old A on the side overlapping A most
            old_a = np.asarray(old_a)
            overlap = int((old_a & new_a).sum() + (~old_a & ~new_a).sum())
            la_new, lb_new = (A, B) if overlap * 2 >= m else (B, A)
            lab[nodes_arr[new_a]] = la_new
            lab[nodes_arr[~new_a]] = lb_new
            members[la_new] = nodes_arr[new_a].tolist()
            members[lb_new] = nodes_arr[~new_a].tolist()
            improved += 1
        improved_total += improved
        if improved == 0:
            break
    return improved_total


def _repair(labels, n_regions, pop, feats, z, nbrs, nlen, ai, aj, region_flag, params, rng, floor, ceiling):
    """Spaces of feasible parts outside the bounds after the search: re-split each with a neighbour (tree cut of the
    pair within bounds), else merge a space below the floor into the smallest neighbour it fits with. Returns the
    number of spaces changed; merged-away spaces are left empty (the caller renumbers)."""
    fixed_flags = (FLAG_LOCKED, FLAG_UNIT_BELOW_FLOOR, FLAG_INFEASIBLE)
    movable = [f not in fixed_flags for f in region_flag]

    def violating():
        rp = np.bincount(labels, weights=pop, minlength=n_regions)
        cnt = np.bincount(labels, minlength=n_regions)
        bad = (cnt > 0) & ((rp < floor - 1e-9) | (rp > ceiling + 1e-9)) & np.asarray(movable, bool)
        return set(np.flatnonzero(bad).tolist()), rp

    bad, rpop = violating()
    if not bad:
        return 0
    changed = _recombine(
        labels, n_regions, feats, z, nbrs, nlen, movable, params, rng, 3, time.perf_counter() + 30.0, only=bad
    )
    bad, rpop = violating()
    for a in sorted(bad, key=lambda r: rpop[r]):
        if rpop[a] >= floor:
            continue
        members = np.flatnonzero(labels == a)
        if len(members) == 0:
            continue
        touch = {}
        for v in members.tolist():
            for w in nbrs[v]:
                b = int(labels[w])
                if b != a and movable[b]:
                    touch[b] = True
        fits = [b for b in touch if rpop[a] + rpop[b] <= ceiling + 1e-9]
        if not fits:
            continue
        b = min(fits, key=lambda r: rpop[r])
        labels[members] = b
        rpop[b] += rpop[a]
        rpop[a] = 0.0
        changed += 1
    return changed


def _local_search(labels, n_regions, region_flag, setup, rng):
    """Move boundary blocks between neighbouring spaces of the same part while the objective falls.

    Objective: SSD/ssd_scale + compactness * 2 * cut_length/cut_total, or with setup.shape=(areas, perimeters,
    weight, active edge lengths) SSD/ssd_scale - compactness * weight * mean over spaces of Polsby-Popper
    (_shape_term), from running perimeters and areas per space. A move must not increase the total bound
    violation and must keep the old space connected. Work queue of boundary blocks; a moved block's neighbours
    are queued again. At most max_passes * n evaluations.
    """
    from collections import deque

    pop, z, ai, aj, nbrs, nlen = setup.pop, setup.z, setup.ai, setup.aj, setup.nbrs, setup.nlen
    floor, ceiling, compactness, ssd_total = setup.floor, setup.ceiling, setup.compactness, setup.ssd_scale
    cut_total, max_passes, shape = setup.cut_total, setup.max_passes, setup.shape
    n = len(pop)
    movable = [f not in (FLAG_LOCKED, FLAG_UNIT_BELOW_FLOOR) for f in region_flag]
    if len(ai) == 0 or n_regions < 2:
        return 0
    src_all = np.r_[ai, aj]
    lab = labels.tolist()
    popl = pop.tolist()
    k = z.shape[1]
    rpop = np.bincount(labels, weights=pop, minlength=n_regions).tolist()
    rcnt = np.bincount(labels, minlength=n_regions).tolist()
    use_attr = k > 0 and ssd_total > 0
    if use_attr:
        rs = np.zeros((n_regions, k))
        np.add.at(rs, labels, z)
        rsum = rs.tolist()
        zl = z.tolist()
    w_ssd = 1.0 / ssd_total if use_attr else 0.0
    w_cut = compactness * 2.0 / cut_total
    use_shape = shape is not None and compactness > 0
    if use_shape:
        # per-space shape term: minus the mean Polsby-Popper over spaces (the reported compactness), so a small
        # inner-city space counts as much as a large rural one; replaces the global boundary-length term
        areas_b, perims_b, w_shape = shape[:3]
        w_shape = compactness * w_shape / max(n_regions, 1)
        w_cut = 0.0
        arl = areas_b.tolist()
        pel = perims_b.tolist()
        rarea, rper = (x.tolist() for x in _running_shapes(labels, n_regions, areas_b, perims_b, ai, aj, shape[3]))
        sterm = _shape_term
    big = 10.0 / max(floor, 1.0)

    def viol(p):
        return (floor - p if p < floor else 0.0) + (p - ceiling if p > ceiling else 0.0)

    def connected_without(v, region, targets):
        """DFS inside region without v from targets[0]; True if all targets are reached."""
        need = set(targets)
        start = targets[0]
        need.discard(start)
        seen = {start, v}
        stack = [start]
        while stack and need:
            u = stack.pop()
            for w in nbrs[u]:
                if w not in seen and lab[w] == region:
                    seen.add(w)
                    need.discard(w)
                    stack.append(w)
        return not need

    la = np.asarray(lab)
    bnd = np.unique(src_all[np.r_[la[ai] != la[aj], la[ai] != la[aj]]])
    bnd = bnd[rng.permutation(len(bnd))].tolist()
    queue = deque(bnd)
    queued = bytearray(n)
    for v in bnd:
        queued[v] = 1
    budget = max_passes * n
    evaluations = 0
    moves = 0
    while queue and evaluations < budget:
        v = queue.popleft()
        queued[v] = 0
        evaluations += 1
        a = lab[v]
        if not movable[a] or rcnt[a] <= 1:
            continue
        s_a = 0.0
        cand = {}
        for w, L in zip(nbrs[v], nlen[v]):
            lw = lab[w]
            if lw == a:
                s_a += L
            else:
                cand[lw] = cand.get(lw, 0.0) + L
        if not cand:
            continue
        pv = popl[v]
        pa = rpop[a]
        if use_attr:
            x = zl[v]
            na = rcnt[a]
            sa_ = rsum[a]
            da = 0.0
            for xi, si in zip(x, sa_):
                d_ = xi - si / na
                da += d_ * d_
            da = -na / (na - 1.0) * da
        else:
            da = 0.0
        va = viol(pa)
        vna = viol(pa - pv)
        if use_shape:
            per_a, ar_a, pe_v, ar_v = rper[a], rarea[a], pel[v], arl[v]
        best = -1
        best_d = -1e-12
        for b, s_b in cand.items():
            if not movable[b]:
                continue
            pb = rpop[b]
            dv = vna + viol(pb + pv) - va - viol(pb)
            if dv > 1e-9:
                continue
            if use_attr:
                nb_ = rcnt[b]
                db = 0.0
                for xi, si in zip(x, rsum[b]):
                    d_ = xi - si / nb_
                    db += d_ * d_
                db = nb_ / (nb_ + 1.0) * db
            else:
                db = 0.0
            d = (da + db) * w_ssd + w_cut * (s_a - s_b) + big * dv
            if use_shape:
                d += w_shape * (
                    sterm(per_a + 2.0 * s_a - pe_v, ar_a - ar_v)
                    - sterm(per_a, ar_a)
                    + sterm(rper[b] + pe_v - 2.0 * s_b, rarea[b] + ar_v)
                    - sterm(rper[b], rarea[b])
                )
            if d < best_d:
                best_d = d
                best = b
        if best < 0:
            continue
        same = [w for w in nbrs[v] if lab[w] == a]
        if len(same) > 1 and not connected_without(v, a, same):
            continue
        b = best
        lab[v] = b
        rpop[a] -= pv
        rpop[b] += pv
        rcnt[a] -= 1
        rcnt[b] += 1
        if use_shape:
            s_b = cand[b]
            rper[a] += 2.0 * s_a - pe_v
            rper[b] += pe_v - 2.0 * s_b
            rarea[a] -= ar_v
            rarea[b] += ar_v
        if use_attr:
            rsum[a] = [si - xi for si, xi in zip(rsum[a], x)]
            rsum[b] = [si + xi for si, xi in zip(rsum[b], x)]
        moves += 1
        for w in nbrs[v]:
            if not queued[w]:
                queued[w] = 1
                queue.append(w)
        if not queued[v]:
            queued[v] = 1
            queue.append(v)
    labels[:] = lab
    return moves


def regionalise_blocks(
    geoms: Sequence[BaseGeometry | None],
    population: ArrayLike,
    *,
    units: ArrayLike | None = None,
    tolerance: float = 0.0,
    contiguity: str = "rook",
    barriers: Iterable[BaseGeometry | None] | None = None,
    link_islands: bool = True,
    **kwargs: Any,
) -> RegionalisationResult:
    """Build the block graph from polygons (core.graph), then regionalise(); timings keep graph and algorithm apart.

    geoms: shapely (Multi)Polygons in a projected CRS (metres); invalid ones are repaired and reported.
    barriers: shapely lines (or polygons, by their outline) no space may cross. Other keywords go to regionalise().
    """
    from . import graph

    t0 = time.perf_counter()
    geoms, repaired = graph.repair_geometries(geoms)
    adj = graph.block_adjacency(geoms, tolerance=tolerance, contiguity=contiguity)
    links: list[tuple[int, int, float]] = []
    if link_islands:
        adj, links = graph.link_islands(adj, geoms, units)
    t1 = time.perf_counter()
    cut = None
    if barriers:
        cut = graph.barrier_cuts(adj, geoms, barriers, tolerance=tolerance)
    t2 = time.perf_counter()
    rings = adj.rings if adj.rings is not None else graph.Rings(geoms)
    areas, perims, cents = rings.measures()
    t3 = time.perf_counter()
    res = regionalise(
        population, adj, units=units, barrier_cut=cut, areas=areas, perimeters=perims, centroids=cents, **kwargs
    )
    if repaired:
        import pandas as pd

        bid = kwargs.get("block_ids")
        extra = pd.DataFrame(
            [
                {
                    "type": "invalid_geometry_repaired",
                    "space_id": "",
                    "unit": "",
                    "blocks": str(bid[k]) if bid is not None else str(k),
                    "n_blocks": 1,
                    "detail": reason,
                }
                for k, reason in repaired
            ]
        )
        res.issues = pd.concat([extra, res.issues], ignore_index=True)
    res.timings.update({"adjacency": t1 - t0, "barriers": t2 - t1, "geometry_measures": t3 - t2})
    res.adjacency = adj
    res.barrier_cut = cut
    return res
