"""Hot spots: local spatial autocorrelation (local Moran's I with LISA quadrants, Getis-Ord Gi*).

Statistics as in PySAL ``esda`` (``Moran_Local``, ``G_Local(star=True)``) and GeoDa:

- local Moran: z = (y - mean) / SD (population SD), I_i = (n - 1) z_i lag_i / sum z^2 with lag_i the
  weighted mean (row-standardised) or sum (binary) of the neighbours' z; quadrant by the signs of z_i and
  lag_i; GeoDa cluster codes 1 High-High, 2 Low-Low, 3 Low-High, 4 High-Low, 0 not significant,
  5 neighbourless, 6 undefined (no value);
- Gi*: G*_i = sum_j w_ij y_j / sum_j y_j with the unit itself among its neighbours, its analytical z-score
  as esda (``Zs``); hot spot (1) when significant and z > 0, cold spot (2) when significant and z < 0.

Inference by conditional permutation: for unit i the values of k_i other units, drawn at random, take the
place of its k_i neighbours, 999 times by default. As in esda (``crand``), one set of random draws serves all
units: each draw is a row of ``max(k) + 1`` distinct unit ids; unit i takes the first k_i ids of the row that
are not i itself. Each unit's draws are therefore uniform random k_i-subsets of the other units (exact
conditional randomisation), and the whole computation is vectorised: the sums of the first k ids of every row
are computed once (999 x (max k + 1) numbers), the units of one cardinality are compared with their sorted
sums by binary search, and the few rows that hold a unit itself among its first k ids are corrected one by one
(at most 999 x (max k + 1) of them). Time grows as n log(permutations), not n x permutations x k.
Pseudo p-values are folded as esda's ``p_sim``: (min(larger, permutations - larger) + 1) / (permutations + 1).
A seed makes the draws reproducible. ``esda_ids`` instead takes esda's own matrix of draws (its
``vec_permutations``) and reproduces esda's p-values exactly (a reference mode for tests, slower).

Multiple testing: Benjamini-Hochberg false discovery rate (default), Bonferroni, or none.

Weights: binary neighbour sets (queen contiguity of the polygons, or a distance band between centroids),
row-standardised (default) or binary; every neighbour of a unit has the same weight, which is what makes the
sorted-sum inference exact. Units without a value are left out of the analysis (and out of their neighbours'
neighbour sets) and marked undefined, as GeoDa does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .i18n import tr

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

#: GeoDa's LISA cluster-map categories and colours (GeoDa source, LisaMapNewView / ConditionalClusterMapView)
LISA_CLUSTERS = {
    0: ("Nicht signifikant", "#f0f0f0"),
    1: ("Hoch-Hoch", "#ff0000"),
    2: ("Niedrig-Niedrig", "#0000ff"),
    3: ("Niedrig-Hoch", "#9696ff"),
    4: ("Hoch-Niedrig", "#ff9696"),
    5: ("Ohne Nachbarn", "#8c8c8c"),
    6: ("Kein Wert", "#464646"),
}
#: GeoDa's Local G cluster map
GI_CLUSTERS = {
    0: ("Nicht signifikant", "#f0f0f0"),
    1: ("Hot Spot (hoch)", "#ff0000"),
    2: ("Cold Spot (niedrig)", "#0000ff"),
    5: ("Ohne Nachbarn", "#8c8c8c"),
    6: ("Kein Wert", "#464646"),
}
NEIGHBOURLESS, UNDEFINED = 5, 6
CORRECTIONS = ("fdr", "bonferroni", "none")


# --------------------------------------------------------------------------------------------------------
# weights
# --------------------------------------------------------------------------------------------------------
@dataclass
class Weights:
    """Binary, symmetric neighbour sets in CSR form (no self-neighbours)."""

    n: int
    indptr: np.ndarray
    indices: np.ndarray
    notes: list = field(default_factory=list)

    @classmethod
    def from_pairs(cls, n: int, i: ArrayLike, j: ArrayLike, notes: Iterable[str] | None = None) -> Weights:
        """From undirected pairs (either order; duplicates and self-pairs dropped)."""
        i = np.asarray(i, dtype=np.int64)
        j = np.asarray(j, dtype=np.int64)
        if len(i) and (min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= n):
            raise InputError(tr("Spatial weights: a neighbour pair refers to a unit outside 0..{last}.", last=n - 1))
        keep = i != j
        a = np.r_[i[keep], j[keep]]
        b = np.r_[j[keep], i[keep]]
        code = np.unique(a * n + b)
        rows, cols = code // n, code % n
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.add.at(indptr, rows + 1, 1)
        return cls(n, np.cumsum(indptr), cols.astype(np.int64), list(notes or []))

    @classmethod
    def from_lattice(cls, nrows: int, ncols: int, queen: bool = True) -> Weights:
        """Queen (or rook) neighbours on a regular grid of nrows x ncols cells (row-major ids): for benchmarks."""
        ids = np.arange(nrows * ncols).reshape(nrows, ncols)
        pairs = [(ids[:, :-1], ids[:, 1:]), (ids[:-1, :], ids[1:, :])]
        if queen:
            pairs += [(ids[:-1, :-1], ids[1:, 1:]), (ids[:-1, 1:], ids[1:, :-1])]
        i = np.concatenate([a.ravel() for a, _ in pairs])
        j = np.concatenate([b.ravel() for _, b in pairs])
        return cls.from_pairs(nrows * ncols, i, j)

    @property
    def cardinality(self) -> np.ndarray:
        return np.diff(self.indptr)

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(i, j) of every directed neighbour link."""
        return np.repeat(np.arange(self.n), self.cardinality), self.indices

    def subset(self, keep: ArrayLike) -> Weights:
        """The weights among the units where ``keep`` is true (renumbered 0..m-1)."""
        keep = np.asarray(keep, dtype=bool)
        new = np.full(self.n, -1, dtype=np.int64)
        new[keep] = np.arange(int(keep.sum()))
        i, j = self.pairs()
        ok = keep[i] & keep[j]
        return Weights.from_pairs(int(keep.sum()), new[i[ok]], new[j[ok]], self.notes)

    def lag(self, values: ArrayLike, transform: str = "r") -> np.ndarray:
        """Spatial lag: the mean (transform 'r') or the sum ('b') of each unit's neighbours' values."""
        v = np.asarray(values, dtype=float)
        rows = np.repeat(np.arange(self.n), self.cardinality)
        csum = np.bincount(rows, weights=v[self.indices], minlength=self.n)
        card = self.cardinality
        if transform == "r":
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.where(card > 0, csum / np.maximum(card, 1), 0.0)
        return csum


def queen_weights(geoms: Iterable[BaseGeometry | None], tolerance: float = 0.0) -> Weights:
    """Queen contiguity of polygons (a common corner is enough), from core.graph's adjacency."""
    from .graph import block_adjacency

    adj = block_adjacency(list(geoms), tolerance=tolerance, contiguity="queen")
    return Weights.from_pairs(adj.n, adj.i, adj.j, adj.notes)


def distance_band(xy: ArrayLike, threshold: float) -> Weights:
    """Units whose points (e.g. centroids) lie at most ``threshold`` apart (map units) are neighbours."""
    from scipy.spatial import cKDTree

    xy = np.asarray(xy, dtype=float)
    if not threshold or threshold <= 0:
        raise InputError(
            tr(
                "Distance band: the distance must be greater than 0 (map units), not {threshold!r}.",
                threshold=threshold,
            )
        )
    pairs = cKDTree(xy).query_pairs(r=float(threshold), output_type="ndarray")
    return Weights.from_pairs(len(xy), pairs[:, 0], pairs[:, 1])


def min_threshold(xy: ArrayLike) -> float:
    """The smallest distance band in which every unit has at least one neighbour (its farthest nearest)."""
    from scipy.spatial import cKDTree

    xy = np.asarray(xy, dtype=float)
    if len(xy) < 2:
        return 0.0
    d, _ = cKDTree(xy).query(xy, k=2)
    return float(d[:, 1].max())


# --------------------------------------------------------------------------------------------------------
# permutation machinery
# --------------------------------------------------------------------------------------------------------
def draw_rows(n: int, width: int, permutations: int, seed: int | None) -> np.ndarray:
    """``permutations`` rows of ``width`` distinct ids from 0..n-1 (numpy Generator, reproducible by seed)."""
    rng = np.random.default_rng(seed)
    width = min(width, n)
    if n <= 4 * width:
        return np.argsort(rng.random((permutations, n)), axis=1)[:, :width]
    out = rng.integers(0, n, size=(permutations, width))
    # rows with a repeated id are drawn again (rare when n >> width)
    for _ in range(100):
        s = np.sort(out, axis=1)
        bad = (s[:, 1:] == s[:, :-1]).any(axis=1)
        if not bad.any():
            break
        out[bad] = rng.integers(0, n, size=(int(bad.sum()), width))
    return out


def _counts_shared(values, w: Weights, observed_sum, permutations, seed, card):
    """For every unit: how many permuted neighbour sums are >= and <= its observed sum (shared draws)."""
    n = w.n
    kmax = int(card.max()) if n else 0
    rows = draw_rows(n, kmax + 1, permutations, seed)
    width = rows.shape[1]
    csum = np.zeros((permutations, width + 1))
    np.cumsum(values[rows], axis=1, out=csum[:, 1:])
    ge = np.zeros(n, dtype=np.int64)
    le = np.zeros(n, dtype=np.int64)
    active = card > 0
    for k in np.unique(card[active]):
        sel = np.flatnonzero(card == k)
        ref = np.sort(csum[:, k])
        t = observed_sum[sel]
        ge[sel] = permutations - np.searchsorted(ref, t, side="left")
        le[sel] = np.searchsorted(ref, t, side="right")
    # rows that hold unit u among their first k_u ids: u takes ids 0..k_u of the row without itself
    p_idx, c_idx = np.nonzero(np.ones(rows.shape, bool))
    u = rows[p_idx, c_idx]
    hit = (c_idx < card[u]) & active[u]
    p_idx, u = p_idx[hit], u[hit]
    k = card[u]
    wrong = csum[p_idx, k]
    right = csum[p_idx, np.minimum(k + 1, width)] - values[u]
    t = observed_sum[u]
    np.add.at(ge, u, (right >= t).astype(np.int64) - (wrong >= t).astype(np.int64))
    np.add.at(le, u, (right <= t).astype(np.int64) - (wrong <= t).astype(np.int64))
    return ge, le


def _counts_esda(stat_of_sum, observed, w: Weights, values, ids):
    """Larger-or-equal counts with esda's own draws (``esda.crand.vec_permutations``): reference mode.

    Unit i's k_i neighbours are ``ids[:, :k_i]`` read as positions in the values without unit i.
    ``stat_of_sum(i_idx, sums)`` turns neighbour sums into the statistic of units i_idx.
    """
    card = w.cardinality
    n = w.n
    ids = np.asarray(ids, dtype=np.int64)
    larger = np.zeros(n, dtype=np.int64)
    for k in np.unique(card[card > 0]):
        sel = np.flatnonzero(card == k)
        sub = ids[:, :k]
        for start in range(0, len(sel), 256):
            chunk = sel[start : start + 256]
            pos = sub[None, :, :] + (sub[None, :, :] >= chunk[:, None, None])
            sums = values[pos].sum(axis=2)  # chunk x permutations
            stats = stat_of_sum(chunk, sums)
            larger[chunk] = (stats >= observed[chunk, None]).sum(axis=1)
    return larger


def fold(larger: ArrayLike, permutations: int) -> np.ndarray:
    """esda's folded pseudo p-value: (min(larger, P - larger) + 1) / (P + 1)."""
    larger = np.asarray(larger)
    low = (permutations - larger) < larger
    larger = np.where(low, permutations - larger, larger)
    return (larger + 1.0) / (permutations + 1.0)


def significant_mask(p: ArrayLike, alpha: float = 0.05, correction: str = "fdr") -> np.ndarray:
    """Which p-values are significant at ``alpha`` after the correction (NaN never)."""
    if correction not in CORRECTIONS:
        raise InputError(
            tr(
                "Correction must be one of {corrections}, not {correction!r}.",
                corrections=", ".join(CORRECTIONS),
                correction=correction,
            )
        )
    p = np.asarray(p, dtype=float)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    out = np.zeros(len(p), bool)
    if m == 0:
        return out
    if correction == "none":
        out[ok] = p[ok] <= alpha
    elif correction == "bonferroni":
        out[ok] = p[ok] <= alpha / m
    else:
        thr = fdr_threshold(p[ok], alpha)
        out[ok] = p[ok] <= thr
    return out


def fdr_threshold(p: ArrayLike, alpha: float = 0.05) -> float:
    """Benjamini-Hochberg: the largest p_(k) with p_(k) <= k alpha / m (0 when there is none)."""
    ps = np.sort(np.asarray(p, dtype=float))
    m = len(ps)
    ok = ps <= np.arange(1, m + 1) * alpha / m
    return float(ps[np.flatnonzero(ok)[-1]]) if ok.any() else 0.0


# --------------------------------------------------------------------------------------------------------
# the statistics
# --------------------------------------------------------------------------------------------------------
@dataclass
class LocalResult:
    """Per unit (NaN / code 6 where the unit had no value)."""

    moran_i: np.ndarray
    z: np.ndarray  # standardised value
    lag: np.ndarray  # spatial lag of z
    quadrant: np.ndarray  # esda's q: 1 HH, 2 LH, 3 LL, 4 HL (0 for undefined)
    moran_p: np.ndarray  # pseudo p-value
    moran_sig: np.ndarray  # after the correction
    lisa_cluster: np.ndarray  # GeoDa codes
    gi: np.ndarray
    gi_z: np.ndarray  # analytical z-score of Gi*
    gi_p: np.ndarray  # pseudo p-value of Gi*
    gi_sig: np.ndarray
    gi_cluster: np.ndarray
    cardinality: np.ndarray
    global_i: float = float("nan")
    global_z: float = float("nan")  # under normality
    record: dict = field(default_factory=dict)


def local_statistics(
    values: ArrayLike,
    weights: Weights,
    *,
    permutations: int = 999,
    seed: int | None = 12345,
    transform: str = "r",
    alpha: float = 0.05,
    correction: str = "fdr",
    esda_ids: np.ndarray | None = None,
    gi: bool = True,
) -> LocalResult:
    """Local Moran's I and Getis-Ord Gi* with conditional permutation inference for every unit.

    ``values``: one number per unit (NaN = no value: left out, marked undefined). ``transform``: 'r' row
    standardised (esda's default) or 'b' binary. ``esda_ids``: esda's permutation matrix (reference mode).
    Gi* needs values >= 0 (it relates sums of values); with negative values only local Moran is computed.
    """
    y_all = np.asarray(values, dtype=float)
    n_all = len(y_all)
    if weights.n != n_all:
        raise InputError(tr("Hot spots: {n} values but spatial weights for {units} units.", n=n_all, units=weights.n))
    if transform not in ("r", "b"):
        raise InputError(
            tr(
                "Hot spots: weights transform must be 'r' (row-standardised) or 'b' (binary), not {transform!r}.",
                transform=transform,
            )
        )
    if permutations < 0 or int(permutations) != permutations:
        raise InputError(
            tr(
                "Hot spots: the number of permutations must be a whole number >= 0, not {permutations!r}.",
                permutations=permutations,
            )
        )
    permutations = int(permutations)
    valid = ~np.isnan(y_all)
    if valid.sum() < 3:
        raise InputError(
            tr(
                "Hot spots need values for at least 3 units; {n} of {total} have one. "
                "Choose another indicator or year.",
                n=int(valid.sum()),
                total=n_all,
            )
        )
    w = weights if valid.all() else weights.subset(valid)
    y = y_all[valid]
    n = len(y)
    card = w.cardinality
    sd = y.std()
    if not sd > 0:
        raise InputError(tr("Hot spots: all units have the same value; there is no pattern to test."))
    z = (y - y.mean()) / sd
    lag_sum = w.lag(z, "b")
    wscale = np.where(card > 0, 1.0 / np.maximum(card, 1), 0.0) if transform == "r" else np.ones(n)
    lag = lag_sum * wscale
    den = (z * z).sum()
    moran = (n - 1) * z * lag / den
    q = np.where(z > 0, np.where(lag > 0, 1, 4), np.where(lag > 0, 2, 3))
    do_gi = gi and bool((y >= 0).all()) and y.sum() > 0
    # Gi*: the unit among its own neighbours; row-standardised weights 1/(k+1)
    ysum = y.sum()
    y_lag_sum = w.lag(y, "b")
    if do_gi:
        wg = 1.0 / (card + 1.0) if transform == "r" else np.ones(n)
        g = wg * (y + y_lag_sum) / ysum
        # analytical moments as esda's G_Local: 'cardinality' is the row sum of W with the self-weight
        # (1 when row-standardised, k + 1 when binary)
        emp_mean = ysum / n
        emp_var = (y * y).sum() / n - emp_mean**2
        row_sum = np.ones(n) if transform == "r" else card + 1.0
        eg = row_sum / n
        vg = row_sum * (n - row_sum) / (n - 1) / n**2 * (emp_var / emp_mean**2)
        with np.errstate(divide="ignore", invalid="ignore"):
            gz = (g - eg) / np.sqrt(vg)
    else:
        g = np.full(n, np.nan)
        gz = np.full(n, np.nan)
        eg = np.full(n, np.nan)
    # permutation inference
    p_m = np.full(n, np.nan)
    p_g = np.full(n, np.nan)
    if permutations:
        if esda_ids is not None:
            scale = (n - 1) / den

            def moran_of(idx, sums):
                return scale * z[idx, None] * sums * wscale[idx, None]

            larger = _counts_esda(moran_of, moran, w, z, esda_ids)
            p_m = fold(larger, permutations)
            if do_gi:

                def gi_of(idx, sums):
                    return wg[idx, None] * (sums + y[idx, None]) / ysum

                p_g = fold(_counts_esda(gi_of, g, w, y, esda_ids), permutations)
        else:
            ge, le = _counts_shared(y, w, y_lag_sum, permutations, seed, card)
            # local Moran: larger permuted I where z_i > 0 means a larger neighbour sum, where z_i < 0 a smaller
            larger = np.where(z > 0, ge, np.where(z < 0, le, permutations))
            p_m = fold(larger, permutations)
            p_m[z == 0] = 1.0  # I_i = 0 whatever the neighbours: never a cluster core
            if do_gi:
                p_g = fold(ge, permutations)
        p_m[card == 0] = np.nan
        p_g[card == 0] = np.nan
    sig_m = significant_mask(p_m, alpha, correction)
    sig_g = significant_mask(p_g, alpha, correction) if do_gi else np.zeros(n, bool)
    geoda = {1: 1, 3: 2, 2: 3, 4: 4}  # esda q -> GeoDa cluster code
    cluster = np.where(sig_m, np.vectorize(geoda.get)(q), 0)
    cluster[card == 0] = NEIGHBOURLESS
    if do_gi:
        gcl = np.where(sig_g, np.where(g > eg, 1, 2), 0)
        gcl[card == 0] = NEIGHBOURLESS
    else:
        gcl = np.zeros(n, dtype=np.int64)
    # global Moran's I under normality (a sentence in the method record)
    s0 = float(card.sum()) if transform == "b" else float((card > 0).sum())
    gi_glob = (n / s0) * float((z * lag_sum * (wscale if transform == "r" else 1.0)).sum()) / den if s0 else np.nan
    z_glob = _global_z(w, n, transform, card, gi_glob)

    def full(a, fill):
        out = np.full(n_all, fill, dtype=np.asarray(a).dtype if np.asarray(a).dtype != bool else bool)
        out[valid] = a
        return out

    lisa = full(cluster.astype(np.int64), UNDEFINED)
    gcl_full = full(gcl.astype(np.int64), UNDEFINED)
    if do_gi:
        g = np.where(card > 0, g, np.nan)  # no neighbours: no local sum to speak of
        gz = np.where(card > 0, gz, np.nan)
    return LocalResult(
        moran_i=full(moran, np.nan),
        z=full(z, np.nan),
        lag=full(lag, np.nan),
        quadrant=full(q.astype(np.int64), 0),
        moran_p=full(p_m, np.nan),
        moran_sig=full(sig_m, False),
        lisa_cluster=lisa,
        gi=full(g, np.nan),
        gi_z=full(gz, np.nan),
        gi_p=full(p_g, np.nan),
        gi_sig=full(sig_g, False),
        gi_cluster=gcl_full,
        cardinality=full(card.astype(np.int64), 0),
        global_i=float(gi_glob),
        global_z=float(z_glob),
        record={
            "units": int(n_all),
            "units_with_value": int(n),
            "neighbourless": int((card == 0).sum()),
            "mean_neighbours": float(card.mean()) if n else 0.0,
            "permutations": permutations,
            "seed": seed if esda_ids is None else "esda draws",
            "transform": transform,
            "alpha": alpha,
            "correction": correction,
            "gi_computed": bool(do_gi),
            "global_moran_i": float(gi_glob),
            "global_moran_z": float(z_glob),
        },
    )


def _global_z(w: Weights, n, transform, card, i_obs):
    """z of global Moran's I under the normality assumption (Cliff and Ord): (I - E[I]) / sqrt(V[I])."""
    if n < 3:
        return np.nan
    wv = np.where(card > 0, 1.0 / np.maximum(card, 1), 0.0) if transform == "r" else np.ones(n)
    i_idx, j_idx = w.pairs()
    wij = wv[i_idx]
    s0 = wij.sum()
    if s0 <= 0:
        return np.nan
    # S1 = 1/2 sum (w_ij + w_ji)^2: the weights of both directions of every link
    code = i_idx * n + j_idx
    rev = j_idx * n + i_idx
    order = np.argsort(code)
    wji = wij[order][np.searchsorted(code[order], rev)]
    s1 = 0.5 * ((wij + wji) ** 2).sum()
    row = np.bincount(i_idx, weights=wij, minlength=n)
    col = np.bincount(j_idx, weights=wij, minlength=n)
    s2 = ((row + col) ** 2).sum()
    ei = -1.0 / (n - 1)
    vi = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - ei * ei
    return (i_obs - ei) / np.sqrt(vi) if vi > 0 else np.nan
