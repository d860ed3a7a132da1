"""Interpolation of counts to target units that do not nest in the source units (school districts, postcodes).

Why: statistics arrive for one set of areas but planning needs another; where the areas cut each other the
counts must be shared out. The QGIS glue computes an overlap table, one row per intersecting
(source, target) pair, with the intersection ``area`` and the ``population`` living in it (block residents
whose point on surface lies in the piece). The core shares each source count out in proportion to

- ``method='area'``: the area of each piece (assumes people are spread evenly over the source);
- ``method='population'``: the residents of each piece (assumes the counted group lives like all residents).

Weights are normalised per source over its pieces in the table, so each source count is conserved
(pieces of a source outside every target are not in the table: the targets should cover the sources).
With population weights, a source with no residents in any piece falls back to area weights (recorded).
Rates are then computed from the interpolated numerators and denominators (never interpolated themselves).
"""

import numpy as np
import pandas as pd

from .aggregate import INCOMPLETE, KNOWN, MISSING, NOT_APPLICABLE, UNKNOWN, class_names, group_sum, status_classes
from .errors import InputError
from .i18n import tr

METHODS = ("area", "population")


def overlap_weights(overlap: pd.DataFrame, method: str = "area") -> tuple[pd.DataFrame, list]:
    """Weights per overlap row (sum 1 per source) and the list of sources that fell back to area weights."""
    if method not in METHODS:
        raise InputError(tr("Unknown interpolation method '{method}'. Use 'area' or 'population'.", method=method))
    need = ["source", "target", "area"] + (["population"] if method == "population" else [])
    missing = [c for c in need if c not in overlap.columns]
    if missing:
        raise InputError(tr("The overlap table lacks the column(s) {columns}.", columns=", ".join(missing)))
    ov = overlap.copy()
    ov["source"] = ov["source"].astype(str)
    ov["target"] = ov["target"].astype(str)
    area = ov["area"].astype(float).clip(lower=0).fillna(0.0)
    area_total = area.groupby(ov["source"]).transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        w_area = np.where(area_total > 0, area / area_total, np.nan)
    fallback = []
    if method == "population":
        pop = ov["population"].astype(float).clip(lower=0).fillna(0.0)
        pop_total = pop.groupby(ov["source"]).transform("sum")
        with np.errstate(divide="ignore", invalid="ignore"):
            w = np.where(pop_total > 0, pop / pop_total, w_area)
        fallback = sorted(ov.loc[(pop_total <= 0).to_numpy(), "source"].unique())
    else:
        w = w_area
    ov["weight"] = np.nan_to_num(w, nan=0.0)
    return ov, fallback


def interpolate_counts(
    values: pd.DataFrame,
    status: pd.DataFrame | None = None,
    overlap: pd.DataFrame | None = None,
    *,
    method: str = "area",
    threshold_weight: float = 1e-9,
) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Counts of target units from source counts by overlap weights; returns (values, status, meta).

    A target's count is sum(weight * source count). Its status is 'estimated' when all contributing sources
    (weight > ``threshold_weight``) are known, 'incomplete' when some are suppressed or unknown (the value then
    covers the known sources only), else NaN / 'suppressed_or_unknown'.
    """
    if status is None:
        from .aggregate import default_status

        status = default_status(values)
    ov, fallback = overlap_weights(overlap, method)
    ov = ov[ov["weight"] > threshold_weight]
    spos = pd.Index(values.index.astype(str)).get_indexer(ov["source"])
    unknown_sources = sorted(ov.loc[spos < 0, "source"].unique())
    tcodes, targets = pd.factorize(ov["target"], sort=True)
    vals = values.to_numpy(dtype=float)
    cls = status_classes(status, values)
    present = spos >= 0
    w = ov["weight"].to_numpy()[present][:, None]
    v = vals[spos[present]]
    c = cls[spos[present]]
    tc = tcodes[present]
    n = len(targets)
    summable = (c == KNOWN) | (c == INCOMPLETE)
    sums = group_sum(tc, np.where(summable, v * w, 0.0), n)
    n_known = group_sum(tc, (c == KNOWN).astype(float), n)
    n_bad = group_sum(tc, ((c == INCOMPLETE) | (c == MISSING) | (c == UNKNOWN)).astype(float), n)
    if (~present).any():
        absent = np.bincount(tcodes[~present], minlength=n).astype(float)
        n_bad = n_bad + absent[:, None]
    n_inc = group_sum(tc, (c == INCOMPLETE).astype(float), n)
    has = (n_known + n_inc) > 0
    out_cls = np.full(sums.shape, NOT_APPLICABLE, dtype=np.int8)
    out_cls[has] = KNOWN
    out_cls[has & (n_bad > 0)] = INCOMPLETE
    out_cls[~has & (n_bad > 0)] = UNKNOWN
    sums[~has] = np.nan
    names = class_names(out_cls)
    names[names == "ok"] = "estimated"
    index = pd.Index(targets.astype(str), name="key")
    meta = {
        "interpolation": method,
        "interpolation_note": (
            "area-weighted: source counts shared out by intersection area"
            if method == "area"
            else "population-weighted: source counts shared out by residents of blocks in each intersection"
        ),
        "area_fallback_sources": list(fallback),
        "sources_without_data": list(unknown_sources),
    }
    return (
        pd.DataFrame(sums, index=index, columns=values.columns),
        pd.DataFrame(names, index=index, columns=values.columns),
        meta,
    )
