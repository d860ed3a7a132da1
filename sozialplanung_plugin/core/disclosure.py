"""Disclosure control for publication outputs: primary suppression and protection intervals over a hierarchy.

Why: small counts (1, 2) identify people (§ 16 BStatG; BA suppresses 1 and 2). Suppressing them is not enough
when totals are published: an attacker who knows the published totals of every level and year and the rule
solves the linear bounds of each suppressed cell. Making every equation hold two suppressed cells (the former
rule) stops plain subtraction, not the bounds: with "the partner is the smallest non-zero sibling", a suppressed
pair was recovered up to a swap (demo county, 2024, municipality 05378016: {2, 7}). So, as statistical offices do
with τ-ARGUS, each primary cell gets a protection interval and secondary cells are chosen so that the attacker's
interval contains it (docs/disclosure.md):

- **primary**: a count with 0 < value < threshold (0 too with ``suppress_zero``);
- **protection**: for a primary cell of value v the attacker's interval [lo, hi] must reach v + U upwards and
  v - L downwards, U = max(share x v, width), L = min(v, U) (``width`` defaults to the threshold: the attacker
  can then neither exclude 0 nor a value at or above the threshold);
- **attacker**: knows every published cell of every level of the year (parent = sum of children, all levels,
  with the unpublished rest of a parent whose children do not cover it), that counts are >= 0, and the rule;
  he solves min/max of the cell by linear programming (the equations of nested levels form a network matrix,
  so the bounds are integers: integer programming gives the same);
- **secondary cells**: for each primary cell not yet protected, the fewest further cells such that a feasible
  change of the table moves the cell by +U and by -L without changing any published number (a small mixed
  integer programme per primary cell on the subtree of its parent, grown to the grandparent ... when needed);
  ties are broken by level (finer first) and key, never by value, so knowing the rule tells an attacker no more
  than that the chosen partners can absorb the protection width.

Cells without a number from the source (NaN) count as published zeros (their known part): the attacker is
assumed to know them, which is the cautious side. Variables and years are independent tables (no published
number links them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .errors import InputError
from .i18n import tr

if TYPE_CHECKING:
    from .catalogue import Indicator

DEFAULT_THRESHOLD = 3


def primary_mask(
    values: pd.DataFrame, threshold: float | dict[str, float] | None = DEFAULT_THRESHOLD, *, suppress_zero: bool = False
) -> pd.DataFrame:
    """True where a count must be suppressed: 0 < value < threshold (and value == 0 if ``suppress_zero``).

    ``threshold`` is a number or a dict column -> number (columns not in the dict use the default 3).
    """
    mask = pd.DataFrame(False, index=values.index, columns=values.columns)
    for col in values.columns:
        t = threshold.get(col, DEFAULT_THRESHOLD) if isinstance(threshold, dict) else threshold
        if t is None:
            t = DEFAULT_THRESHOLD
        v = values[col].to_numpy(dtype=float)
        m = (v > 0) & (v < float(t))
        if suppress_zero:
            m |= v == 0
        mask[col] = m
    return mask


def required_interval(
    value: float, threshold: float, share: float = 0.0, width: float | None = None
) -> tuple[float, float]:
    """(L, U): how far below and above its value a primary cell's attacker interval must reach."""
    w = float(threshold if width is None or width <= 0 else width)
    up = max(float(share) * float(value), w)
    return min(float(value), up), up


# ------------------------------------------------------------------------------------------------------------
# the published structure: a tree of cells (each level's units) with the unpublished rests of parents
# ------------------------------------------------------------------------------------------------------------
@dataclass
class Tree:
    """Published cells of all levels as one tree: cell = (level, key); parent = nearest containing cell.

    ``rest[n]`` is True where parent n's children do not cover all its base units: the difference is an
    unpublished cell (always hidden, never primary) of value n - sum(children)."""

    keys: list  # per level: Index of keys
    offset: np.ndarray  # first cell id of each level
    parent: np.ndarray  # cell id -> parent cell id (-1 for roots)
    rest: np.ndarray  # cell id -> has an unpublished rest
    children: list = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.parent)

    def cell(self, level: int, pos: int) -> int:
        return int(self.offset[level] + pos)

    def level_of(self, c: int) -> int:
        return int(np.searchsorted(self.offset, c, side="right") - 1)

    def label(self, c: int) -> tuple[int, str]:
        lv = self.level_of(c)
        return lv, str(self.keys[lv][c - self.offset[lv]])


def build_tree(level_keys: Sequence[Iterable[str]], assignments: Sequence[pd.Series]) -> Tree:
    """The tree of the published cells from each level's keys and base unit -> key assignments.

    ``assignments[i]``: Series base unit key -> key of level i (missing: the unit is in no cell of level i).
    Raises InputError when a cell's units lie in different cells of the next level that contains them."""
    keys = [pd.Index(pd.Index(k).astype(str)) for k in level_keys]
    sizes = np.array([len(k) for k in keys], dtype=np.int64)
    offset = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    n = int(sizes.sum())
    base = pd.Index(sorted(set().union(*[set(pd.Index(a.index).astype(str)) for a in assignments])))
    codes = []
    for i, a in enumerate(assignments):
        s = pd.Series(a)
        s.index = pd.Index(s.index).astype(str)
        s = s[~s.index.duplicated()].reindex(base)
        lab = s.astype(str).to_numpy(dtype=object)
        lab[s.isna().to_numpy()] = "\x00none"
        pos = keys[i].get_indexer(lab)
        codes.append(np.where(pos >= 0, pos + offset[i], -1))
    parent = np.full(n, -1, dtype=np.int64)
    above = np.full(len(base), -1, dtype=np.int64)  # nearest cell above, walking down from the top level
    for i in range(len(keys) - 1, -1, -1):
        c = codes[i]
        here = c >= 0
        if here.any():
            frame = pd.DataFrame({"cell": c[here], "parent": above[here]}).drop_duplicates()
            multi = frame["cell"].duplicated(keep=False)
            if multi.any():
                bad = int(frame.loc[multi, "cell"].iloc[0])
                lv = int(np.searchsorted(offset, bad, side="right") - 1)
                raise InputError(
                    tr(
                        "Disclosure control needs levels that nest: unit '{unit}' of level {level} has base units "
                        "in different units of the levels above. Correct the assignment, or publish the levels in "
                        "separate runs.",
                        unit=keys[lv][bad - offset[lv]],
                        level=lv + 1,
                    )
                )
            parent[frame["cell"].to_numpy()] = frame["parent"].to_numpy()
        above = np.where(here, c, above)
    finest = above
    children: list[list[int]] = [[] for _ in range(n)]
    for k in range(n):
        if parent[k] >= 0:
            children[parent[k]].append(k)
    rest = np.zeros(n, dtype=bool)
    has_children = np.array([len(ch) > 0 for ch in children])
    covered = finest[finest >= 0]
    rest[np.unique(covered[has_children[covered]])] = True
    return Tree(keys=keys, offset=offset, parent=parent, rest=rest, children=children)


# ------------------------------------------------------------------------------------------------------------
# the attacker: linear bounds of hidden cells
# ------------------------------------------------------------------------------------------------------------
class Attacker:
    """Solves min/max of hidden cells subject to every published equation and counts >= 0.

    The equations of a hidden cell are those of its parent (parent = sum of children + unpublished rest) and,
    if it has children, its own. Only the connected piece of hidden cells around a cell matters for its bounds,
    so each piece is solved on its own (usually two or three cells in one equation: no solver needed)."""

    def __init__(self, tree: Tree, values: ArrayLike, hidden: ArrayLike) -> None:
        self.tree, self.values, self.hidden = tree, np.asarray(values, dtype=float), np.asarray(hidden, bool)
        self._cache: dict[int, tuple[float, float]] = {}  # bounds per hidden cell

    def piece(self, cell: int) -> tuple[list[int], list[int]]:
        """(hidden cells, equation nodes) connected to ``cell`` through shared equations."""
        tree, hidden = self.tree, self.hidden
        cells, eqs, stack = {cell}, set(), [cell]
        while stack:
            c = stack.pop()
            for e in (tree.parent[c], c if tree.children[c] else -1):
                if e < 0 or e in eqs:
                    continue
                eqs.add(e)
                for m in [e, *tree.children[e]]:
                    if hidden[m] and m not in cells:
                        cells.add(m)
                        stack.append(m)
        return sorted(cells), sorted(eqs)

    def bounds(self, cell: int) -> tuple[float, float]:
        """(lo, hi) the attacker can prove for a hidden cell (hi may be inf)."""
        if not self.hidden[cell]:
            v = float(self.values[cell])
            return v, v
        if cell not in self._cache:
            self._solve(cell)
        return self._cache[cell]

    def _solve(self, cell):
        tree, hidden, values = self.tree, self.hidden, self.values
        cells, eqs = self.piece(cell)
        known = {}
        for e in eqs:  # published part of each equation: children - parent
            known[e] = sum(values[c] for c in tree.children[e] if not hidden[c]) - (0.0 if hidden[e] else values[e])
        if len(eqs) == 1 and not hidden[eqs[0]] and all(not tree.children[c] for c in cells):
            # one published parent, hidden leaves (and perhaps its unpublished rest): each lies in [0, rest]
            total = -known[eqs[0]]
            for c in cells:
                self._cache[c] = (0.0, max(total, 0.0)) if len(cells) > 1 or tree.rest[eqs[0]] else (total, total)
            return
        from scipy.optimize import linprog
        from scipy.sparse import lil_matrix

        var = {c: k for k, c in enumerate(cells)}
        rests = [e for e in eqs if tree.rest[e]]
        for k, e in enumerate(rests):
            var[("rest", e)] = len(cells) + k
        a = lil_matrix((len(eqs), len(var)))
        b = np.zeros(len(eqs))
        for r, e in enumerate(eqs):  # (x_e if hidden) - sum(hidden children) - rest = published children - e
            if hidden[e]:
                a[r, var[e]] = 1.0
            for c in tree.children[e]:
                if hidden[c]:
                    a[r, var[c]] = -1.0
            if tree.rest[e]:
                a[r, var[("rest", e)]] = -1.0
            b[r] = known[e]
        a = a.tocsr()
        for c in cells:
            obj = np.zeros(len(var))
            obj[var[c]] = 1.0
            out = []
            for sign in (1.0, -1.0):
                res = linprog(sign * obj, A_eq=a, b_eq=b, bounds=(0, None), method="highs")
                if res.status == 3:  # unbounded
                    out.append(np.inf if sign < 0 else 0.0)
                elif res.status != 0:  # pragma: no cover - the true table is always feasible
                    raise InputError(tr("Disclosure check failed ({message}).", message=res.message))
                else:
                    out.append(sign * float(res.fun))
            self._cache[c] = (max(out[0], 0.0), out[1])


# ------------------------------------------------------------------------------------------------------------
# choosing secondary cells
# ------------------------------------------------------------------------------------------------------------
def _subtree(tree, root):
    out, stack = [], [root]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(tree.children[c])
    return out


def _costs(tree, cells):
    """Cost of suppressing each cell: 1 per cell (a top total such as the county: 10, hidden only when nothing
    else protects), then finer levels first, then key order (never the value)."""
    order = sorted(cells, key=lambda c: tree.label(c))
    rank = {c: k for k, c in enumerate(order)}
    n = max(len(cells), 1)
    return {c: (10.0 if tree.parent[c] < 0 else 1.0) + 0.01 * tree.level_of(c) + 1e-4 * rank[c] / n for c in cells}


def _milp_partners(tree, values, hidden, p, low, up):
    """Fewest cells to add so that p can move by +up and -low with every published number unchanged.

    Searched in the subtree of p's parent, then of the grandparent ... (cells outside stay fixed; the root of
    the region keeps its value unless it is the top of the tree). Returns a list of cells or None."""
    from scipy.optimize import LinearConstraint, milp
    from scipy.sparse import lil_matrix

    anc, a = [], tree.parent[p]
    while a >= 0:
        anc.append(int(a))
        a = tree.parent[a]
    if not anc:
        return None
    for root in anc:
        region = _subtree(tree, root)
        pos = {c: k for k, c in enumerate(region)}
        rests = [c for c in region if tree.rest[c]]
        rpos = {c: len(region) + k for k, c in enumerate(rests)}
        nd = len(region) + len(rests)  # perturbation variables per direction (cells, then rests)
        free = [c for c in region if not hidden[c]]
        ypos = {c: 2 * nd + k for k, c in enumerate(free)}
        nv = 2 * nd + len(free)
        big = max(float(up), float(low), 1.0)
        lb = np.zeros(nv)
        ub = np.zeros(nv)
        for d in (0, 1):
            base = d * nd
            for c in region:
                lb[base + pos[c]] = -min(float(values[c]), big)
                ub[base + pos[c]] = big
            for c in rests:
                rest_val = float(values[c]) - sum(float(values[ch]) for ch in tree.children[c])
                lb[base + rpos[c]] = -min(max(rest_val, 0.0), big)
                ub[base + rpos[c]] = big
            if tree.parent[root] >= 0:  # the region's root is held by equations outside it
                lb[base + pos[root]] = ub[base + pos[root]] = 0.0
            target = up if d == 0 else -low
            lb[base + pos[p]] = ub[base + pos[p]] = target
        lb[2 * nd :] = 0.0
        ub[2 * nd :] = 1.0
        rows = []
        for c in region:  # parent = sum(children) + rest, for the perturbations
            if tree.children[c]:
                row = {pos[c]: 1.0}
                for ch in tree.children[c]:
                    row[pos[ch]] = -1.0
                if c in rpos:
                    row[rpos[c]] = -1.0
                rows.append(("eq", row))
        n_rows = 2 * len(rows) + 4 * len(free)
        mat = lil_matrix((n_rows, nv))
        rlb, rub = np.zeros(n_rows), np.zeros(n_rows)
        r = 0
        for d in (0, 1):
            for _, row in rows:
                for k, coef in row.items():
                    mat[r, d * nd + k] = coef
                r += 1
        for c in free:  # an unsuppressed cell does not move: |d_c| <= bound * y_c
            for d in (0, 1):
                k = d * nd + pos[c]
                mat[r, k], mat[r, ypos[c]] = 1.0, -big
                rlb[r], rub[r] = -np.inf, 0.0
                r += 1
                mat[r, k], mat[r, ypos[c]] = 1.0, min(float(values[c]), big)
                rlb[r], rub[r] = 0.0, np.inf
                r += 1
        cost = np.zeros(nv)
        costs = _costs(tree, free)
        for c in free:
            cost[ypos[c]] = costs[c]
        integrality = np.zeros(nv)
        integrality[2 * nd :] = 1
        from scipy.optimize import Bounds

        res = milp(
            cost,
            constraints=LinearConstraint(mat.tocsr(), rlb, rub),
            integrality=integrality,
            bounds=Bounds(lb, ub),
            options={"time_limit": 20.0},
        )
        if res.status == 0 and res.x is not None:
            return [c for c in free if res.x[ypos[c]] > 0.5]
    return None


def protect(
    tree: Tree,
    values: ArrayLike,
    primary: ArrayLike,
    threshold: float,
    *,
    share: float = 0.0,
    width: float | None = None,
) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """Hidden cells (primary + secondary) and the interval achieved per primary cell, for one count column.

    ``values``: cell values (NaN -> 0), ``primary``: bool per cell. Returns (hidden, rows) where rows are dicts
    (cell, value, required_low, required_high, low, high, protected)."""
    values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    hidden = np.asarray(primary, dtype=bool).copy()
    # finer levels first (their partners often protect the totals above), then key order
    prim = sorted(np.flatnonzero(hidden).tolist(), key=lambda c: tree.label(c))
    need = {c: required_interval(values[c], threshold, share, width) for c in prim}
    attacker = None
    for _ in range(3):  # one pass normally suffices: adding cells only widens every interval
        changed = False
        for p in prim:
            low, up = need[p]
            if attacker is None:
                attacker = Attacker(tree, values, hidden)
            lo, hi = attacker.bounds(p)
            if lo <= values[p] - low + 1e-9 and hi >= values[p] + up - 1e-9:
                continue
            add = _quick_partner(tree, values, hidden, p, up)
            if add is None:
                add = _milp_partners(tree, values, hidden, p, low, up)
            if not add:
                continue
            hidden[add] = True
            attacker = None
            changed = True
        if not changed:
            break
    if attacker is None:
        attacker = Attacker(tree, values, hidden)
    rows = []
    for p in prim:
        low, up = need[p]
        lo, hi = attacker.bounds(p)
        rows.append(
            {
                "cell": p,
                "value": float(values[p]),
                "required_low": float(values[p] - low),
                "required_high": float(values[p] + up),
                "low": float(lo),
                "high": float(hi),
                "protected": bool(lo <= values[p] - low + 1e-9 and hi >= values[p] + up - 1e-9),
            }
        )
    return hidden, rows


def _quick_partner(tree, values, hidden, p, up):
    """The common case without a solver: a leaf cell whose parent has other leaf children; the first of them
    (finer level, then key order, not by value) that can give way by ``up`` protects it both ways."""
    par = tree.parent[p]
    if par < 0 or tree.children[p] or hidden[par]:
        return None
    sib = [c for c in tree.children[par] if c != p and not hidden[c] and not tree.children[c]]
    others_hidden = [c for c in tree.children[par] if c != p and hidden[c]]
    if others_hidden or tree.rest[par]:
        return None  # existing partners: let the solver find the cheapest completion
    ok = [c for c in sib if values[c] >= up - 1e-9]
    if not ok:
        return None
    return [min(ok, key=lambda c: tree.label(c))]


# ------------------------------------------------------------------------------------------------------------
# levels as DataFrames (aggregate_levels)
# ------------------------------------------------------------------------------------------------------------
def protect_levels(
    values: Sequence[pd.DataFrame],
    primary: Sequence[pd.DataFrame],
    assignments: Sequence[pd.Series],
    thresholds: float | dict[str, float] | None,
    *,
    share: float = 0.0,
    width: float | None = None,
) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """Primary + secondary masks per level and the interval report, for one year.

    ``values``/``primary``: lists of DataFrames (one per published level, same columns); ``assignments``:
    list of Series base unit -> key per level; ``thresholds``: number or dict column -> number.
    Returns (masks, report DataFrame with level, key, variable, value, required_low, required_high, low, high,
    protected, kind)."""
    if not (len(values) == len(primary) == len(assignments)):
        # a programming error: the algorithms always pass one of each per level
        raise ValueError("protect_levels needs values, primary masks and assignments for every level.")
    columns = list(values[0].columns)
    tree = build_tree([v.index for v in values], assignments)
    masks = [p.copy().astype(bool) for p in primary]
    report = []
    for col in columns:
        vals = np.concatenate([np.nan_to_num(v[col].to_numpy(dtype=float), nan=0.0) for v in values])
        prim = np.concatenate([p[col].to_numpy(dtype=bool) for p in primary])
        if not prim.any():
            continue
        t = thresholds.get(col, DEFAULT_THRESHOLD) if isinstance(thresholds, dict) else thresholds
        hidden, rows = protect(tree, vals, prim, t if t is not None else DEFAULT_THRESHOLD, share=share, width=width)
        for i, m in enumerate(masks):
            m[col] = hidden[tree.offset[i] : tree.offset[i] + len(values[i])]
        secondary = np.flatnonzero(hidden & ~prim)
        for r in rows:
            lv, key = tree.label(r.pop("cell"))
            report.append({"level": lv, "key": key, "variable": col, "kind": "primary", **r})
        attacker = Attacker(tree, vals, hidden)  # the bounds of the secondary cells
        for c in secondary:
            lo, hi = attacker.bounds(c)
            lv, key = tree.label(c)
            report.append(
                {
                    "level": lv,
                    "key": key,
                    "variable": col,
                    "kind": "secondary",
                    "value": float(vals[c]),
                    "required_low": np.nan,
                    "required_high": np.nan,
                    "low": lo,
                    "high": hi,
                    "protected": True,
                }
            )
    cols = ["level", "key", "variable", "kind", "value", "required_low", "required_high", "low", "high", "protected"]
    return masks, pd.DataFrame(report, columns=cols)


def suppress(
    values: Sequence[pd.DataFrame],
    parents: Sequence[pd.Series | Mapping[str, str]],
    threshold: float | dict[str, float] | None = DEFAULT_THRESHOLD,
    *,
    suppress_zero: bool = False,
    share: float = 0.0,
    width: float | None = None,
) -> tuple[list[pd.DataFrame], list[pd.DataFrame]]:
    """Primary and secondary suppression over published levels given as parent mappings (level i key ->
    level i+1 key); returns (masks, primary masks). Convenience for tables without base units."""
    primary = [primary_mask(v, threshold, suppress_zero=suppress_zero) for v in values]
    assignments = _assignments_from_parents(values, parents)
    masks, _ = protect_levels(values, primary, assignments, threshold, share=share, width=width)
    return masks, primary


def _assignments_from_parents(values, parents):
    """Base units = the cells of the lowest level; their cell at each level by following the parents."""
    base = pd.Index(values[0].index.astype(str))
    out = [pd.Series(base, index=base)]
    cur = pd.Series(base, index=base)
    for par in parents:
        pm = pd.Series(par)
        pm.index = pm.index.astype(str)
        cur = pd.Series(pm.reindex(cur.to_numpy()).to_numpy(), index=base)
        out.append(cur)
    return out


# ------------------------------------------------------------------------------------------------------------
# the former rule and the plain subtraction attacker (kept for the before/after comparison and the tests)
# ------------------------------------------------------------------------------------------------------------
def _groups(child_index, parent_index, parent_of):
    """Positions of children per parent position, for children whose parent is a published unit."""
    pm = pd.Series(parent_of)
    pm.index = pm.index.astype(str)
    parent_keys = pm.reindex(pd.Index(child_index).astype(str))
    parent_keys = parent_keys.fillna("\x00no parent").astype(str)
    ppos = pd.Index(parent_index).astype(str).get_indexer(parent_keys.to_numpy())
    groups = {}
    for cpos, p in enumerate(ppos):
        if p >= 0:
            groups.setdefault(int(p), []).append(cpos)
    return [(p, np.array(c, dtype=int)) for p, c in sorted(groups.items())]


def subtraction_rule(
    values: Sequence[pd.DataFrame],
    suppressed: Sequence[pd.DataFrame],
    parents: Sequence[pd.Series | Mapping[str, str]],
    *,
    max_rounds: int = 1000,
) -> list[pd.DataFrame]:
    """The former secondary rule: every equation holds 0 or >= 2 suppressed cells; the second is the smallest
    non-zero sibling (ties: lower key), else a zero sibling, else the parent. It stops subtraction, not the
    linear bounds (kept to measure the difference)."""
    groups = [_groups(values[i].index, values[i + 1].index, parents[i]) for i in range(len(parents))]
    keys = [np.asarray(v.index.astype(str)) for v in values]
    out = [s.copy().astype(bool) for s in suppressed]
    for col in list(values[0].columns):
        sup = [o[col].to_numpy(dtype=bool).copy() for o in out]
        val = [np.nan_to_num(v[col].to_numpy(dtype=float), nan=0.0) for v in values]
        for _ in range(max_rounds):
            changed = False
            for i, level_groups in enumerate(groups):
                for p, children in level_groups:
                    if int(sup[i][children].sum()) + int(sup[i + 1][p]) != 1:
                        continue
                    free = children[~sup[i][children]]
                    if len(free):
                        v = val[i][free]
                        pool = free[v != 0] if (v != 0).any() else free
                        sup[i][min(pool, key=lambda c: (abs(val[i][c]), str(keys[i][c])))] = True
                    else:
                        sup[i + 1][p] = True
                    changed = True
            if not changed:
                break
        for i, o in enumerate(out):
            o[col] = sup[i]
    return out


def find_leaks(
    values: Sequence[pd.DataFrame], suppressed: Sequence[pd.DataFrame], parents: Sequence[pd.Series | Mapping[str, str]]
) -> list[tuple[int, str, str]]:
    """Cells of ``suppressed`` an attacker recovers by repeated subtraction in parent = sum(children).

    Returns a list of (level index, key, column)."""
    groups = [_groups(values[i].index, values[i + 1].index, parents[i]) for i in range(len(parents))]
    leaks = []
    for col in values[0].columns:
        unknown = [s[col].to_numpy(dtype=bool).copy() for s in suppressed]
        changed = True
        while changed:
            changed = False
            for i, level_groups in enumerate(groups):
                for p, children in level_groups:
                    n = int(unknown[i][children].sum()) + int(unknown[i + 1][p])
                    if n == 1:
                        if unknown[i + 1][p]:
                            unknown[i + 1][p] = False
                            leaks.append((i + 1, str(values[i + 1].index[p]), col))
                        else:
                            c = children[unknown[i][children]][0]
                            unknown[i][c] = False
                            leaks.append((i, str(values[i].index[c]), col))
                        changed = True
    return leaks


def thresholds_for(indicators: Iterable[Indicator], default: float | None = DEFAULT_THRESHOLD) -> dict[str, float]:
    """Threshold per count variable: the largest ``disclosure_threshold`` of the indicators using it.

    ``default`` (at least that for every variable); None: only the indicators' own thresholds count, and the
    variables of an indicator without one get none from it."""
    out: dict[str, float] = {}
    for ind in indicators:
        t = getattr(ind, "disclosure_threshold", None)
        t = default if t is None else max(float(t), float(default)) if default is not None else float(t)
        if t is None:  # raised TypeError in max() before
            continue
        for v in list(ind.numerator) + list(ind.denominator or []):
            v = str(v).lstrip("+-").strip()
            if v == "area_km2":
                continue
            out[v] = max(out.get(v, 0), t)
    return out
