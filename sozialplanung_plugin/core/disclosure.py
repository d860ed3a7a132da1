"""Disclosure control for publication outputs: primary and secondary suppression of counts over a hierarchy.

Why: small counts (1, 2) identify people (§ 16 BStatG; BA suppresses 1 and 2). Suppressing them is not enough
when totals are published too: a single suppressed cell in a group is recovered by subtracting the published
siblings from the published parent. The rule here is simple, deterministic and documented
(docs/aggregation.md):

- primary: a count with 0 < value < threshold is suppressed (default threshold 3; 0 only with
  ``suppress_zero``);
- secondary: every published equation ``parent = sum(children)`` (one per parent unit, per count variable,
  between consecutive published levels, e.g. social spaces -> municipality -> county) must contain no
  suppressed cell or at least two. Where exactly one is suppressed, one more is suppressed: the smallest
  non-zero unsuppressed sibling (ties: lower key), else a zero sibling, else the parent. Repeated over all
  levels until nothing changes.

In a tree of equations this is sufficient: starting from any suppressed cell there is always another
suppressed cell in each of its (at most two) equations, so every suppressed cell lies on a chain that ends
at unpublished ends; no combination of published sums pins its value.

Cells that have no number from the source (NaN) are treated as published with their known part (0):
the attacker is assumed to know them; lower bounds of 'incomplete' sums add up exactly like true values
and are treated like published numbers.
"""

import numpy as np
import pandas as pd

from .errors import InputError

DEFAULT_THRESHOLD = 3


def primary_mask(values, threshold=DEFAULT_THRESHOLD, *, suppress_zero=False):
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


def secondary_suppression(values, suppressed, parents, *, max_rounds=1000):
    """Add secondary suppressions so no suppressed cell can be recovered by subtraction.

    ``values``: list of DataFrames, one per published level from the bottom (e.g. spaces) to the top
    (county), same columns; ``suppressed``: list of bool DataFrames (primary suppression) of the same shapes;
    ``parents``: list of Series (len = levels - 1): unit key of level i -> key of its parent in level i+1.
    Returns a list of bool DataFrames (primary + secondary). Columns are treated independently.
    """
    if not (len(values) == len(suppressed) == len(parents) + 1):
        raise InputError("secondary_suppression needs one parent mapping between each pair of levels.")
    columns = list(values[0].columns)
    for v in values:
        if list(v.columns) != columns:
            raise InputError("All levels must have the same count columns for disclosure control.")
    groups = [_groups(values[i].index, values[i + 1].index, parents[i]) for i in range(len(parents))]
    keys = [np.asarray(v.index.astype(str)) for v in values]
    out = [s.copy().astype(bool) for s in suppressed]
    for col in columns:
        sup = [o[col].to_numpy(dtype=bool).copy() for o in out]
        val = [np.nan_to_num(v[col].to_numpy(dtype=float), nan=0.0) for v in values]
        for _ in range(max_rounds):
            changed = False
            for i, level_groups in enumerate(groups):
                for p, children in level_groups:
                    n = int(sup[i][children].sum()) + int(sup[i + 1][p])
                    if n != 1:
                        continue
                    free = children[~sup[i][children]]
                    if len(free):
                        pick = _smallest(free, val[i], keys[i])
                        sup[i][pick] = True
                    else:
                        sup[i + 1][p] = True
                    changed = True
            if not changed:
                break
        else:  # pragma: no cover - monotone, cannot loop forever
            raise InputError("Secondary suppression did not converge.")
        for i, o in enumerate(out):
            o[col] = sup[i]
    return out


def _smallest(candidates, val, keys):
    """Deterministic choice: smallest non-zero value (ties: lower key), else a zero cell."""
    v = val[candidates]
    nonzero = candidates[v != 0]
    pool = nonzero if len(nonzero) else candidates
    order = sorted(pool, key=lambda c: (abs(val[c]), str(keys[c])))
    return order[0]


def suppress(values, parents, threshold=DEFAULT_THRESHOLD, *, suppress_zero=False):
    """Primary and secondary suppression over published levels; returns (masks, primary masks)."""
    primary = [primary_mask(v, threshold, suppress_zero=suppress_zero) for v in values]
    return secondary_suppression(values, primary, parents), primary


def find_leaks(values, suppressed, parents):
    """Cells of ``suppressed`` an attacker recovers by repeated subtraction in parent = sum(children).

    Iterates: any equation with exactly one unknown cell reveals it; revealed cells help solve others.
    Returns a list of (level index, key, column). Used by tests and as a safety check before writing.
    """
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


def thresholds_for(indicators, default=DEFAULT_THRESHOLD):
    """Threshold per count variable: the largest ``disclosure_threshold`` of the indicators using it."""
    out = {}
    for ind in indicators:
        t = getattr(ind, "disclosure_threshold", None)
        t = default if t is None else max(float(t), float(default)) if default is not None else float(t)
        for v in list(ind.numerator) + list(ind.denominator or []):
            v = str(v).lstrip("+-").strip()
            if v == "area_km2":
                continue
            out[v] = max(out.get(v, 0), t)
    return out
