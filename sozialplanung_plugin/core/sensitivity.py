"""How robust is a composite index? Monte Carlo over weights, normalisation and aggregation; indicator
diagnostics (correlation matrix, Cronbach's alpha).

The Monte Carlo is vectorised: each normalisation is computed once (n units x k indicators), the draws'
weights form a (k x D) matrix, so all scores of a (normalisation, aggregation) group come from one matrix
product; ranks come from one argsort per block of draws. Deterministic for a given seed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

from . import index as _ix
from .errors import InputError
from .i18n import quote, tr


@dataclass
class SensitivityResult:
    frame: pd.DataFrame  # per unit: baseline rank/class, median rank, p5, p95, class change share
    summary: dict
    record: dict
    draws: dict = field(default_factory=dict)  # weights (D x k), normalisation, aggregation per draw
    ranks: np.ndarray | None = None  # n units x D draws ranks if keep_ranks (0 = no rank)


def _flat_weights(specs, domain_weights, weighting):
    """Effective indicator weights of the hierarchy (domain weight x within-domain weight).

    For both the arithmetic and the geometric mean the two-level aggregation equals one flat aggregation
    with these weights (for complete units), so the Monte Carlo can work on flat weights.
    """
    domains = []
    for s in specs:
        if s.domain not in domains:
            domains.append(s.domain)
    dw = dict(domain_weights or {})
    dvec = np.array([float(dw.get(d, 1.0)) for d in domains])
    if np.any(dvec < 0) or dvec.sum() <= 0:
        raise InputError(tr("Domain weights must be >= 0 and not all 0."))
    dvec = dvec / dvec.sum()
    w = np.zeros(len(specs))
    for di, d in enumerate(domains):
        idx = [i for i, s in enumerate(specs) if s.domain == d]
        iw = np.array(
            [
                float(specs[i].weight)
                if (weighting == "given" or specs[i].weight is not None) and specs[i].weight is not None
                else 1.0
                for i in idx
            ]
        )
        if np.any(iw < 0):
            raise InputError(tr("Domain '{domain}': negative indicator weight.", domain=d))
        if iw.sum() <= 0:
            raise InputError(tr("Domain '{domain}': the indicator weights sum to 0.", domain=d))
        w[idx] = dvec[di] * iw / iw.sum()
    return w


def _prepare(X, shift):
    """Transposed, NaN-free matrices (k x n) for fast row-major products: values, logs, availability."""
    ok = np.isfinite(X)
    X0 = np.where(ok, X, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        L = np.where(ok, np.log(np.where(ok, X + shift, 1.0)), 0.0)
    return {
        "X": np.ascontiguousarray(X0.T),
        "L": np.ascontiguousarray(L.T),
        "ok": np.ascontiguousarray(ok.T.astype(float)),
        "shift": shift,
        "okmask": ok,
        "complete": bool(ok.all()),
    }


def _scores_t(P, Wd, method):
    """Scores (d draws x n units) for the draws' weights Wd (d x k); weights re-normalised over the
    available indicators of each unit. arithmetic: sum w x / sum w; geometric: exp(sum w ln(x+s)/sum w) - s."""
    den = Wd.sum(axis=1)[:, None] if P["complete"] else Wd @ P["ok"]
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "arithmetic":
            return (Wd @ P["X"]) / den
        return np.exp((Wd @ P["L"]) / den) - P["shift"]


def _ranks_rows(S, valid):
    """Exact ordinal ranks per row (draw), 1 = highest score, among valid units (others 0)."""
    d, n = S.shape
    good = valid[None, :] & np.isfinite(S)
    T = np.where(good, -S, np.inf)
    order = np.argsort(T, axis=1)
    R = np.empty((d, n), dtype=np.int32)
    R[np.arange(d)[:, None], order] = np.arange(1, n + 1, dtype=np.int32)[None, :]
    R[~good] = 0
    return R


def _ranks_binned(S, valid, bins):
    """Counted ranks per row: scores go into ``bins`` equal-width bins between the draw's minimum and
    maximum; rank = 1 + number of units in higher bins. O(n) per draw instead of O(n log n). Units
    sharing a bin share the best ('min') rank of that bin, so a rank is never too bad and at most
    (units in its bin - 1) too good."""
    d, n = S.shape
    all_good = bool(valid.all()) and bool(np.isfinite(S).all())
    if all_good:  # fast path: no masking passes
        good = None
        mx, mn = S.max(axis=1), S.min(axis=1)
    else:
        good = valid[None, :] & np.isfinite(S)
        mx = np.where(good, S, -np.inf).max(axis=1)
        mn = np.where(good, S, np.inf).min(axis=1)
    span = mx - mn
    scale = np.where(span > 0, (bins - 1) / np.where(span > 0, span, 1.0), 0.0)
    b = mx[:, None] - S
    b *= scale[:, None]
    if good is not None:
        b[~good] = bins  # invalid units go to an extra bin that is not counted
    flat = b.astype(np.int32)
    flat += (np.arange(d, dtype=np.int32) * (bins + 1))[:, None]
    counts = np.bincount(flat.ravel(), minlength=d * (bins + 1)).astype(np.int32)
    counts[bins :: bins + 1] = 0
    above = np.cumsum(counts, dtype=np.int32)
    above -= counts
    # subtract the units of earlier draws (the cumulative sum runs over the flattened rows)
    per_row = np.full(d, n) if good is None else good.sum(axis=1)
    above -= np.repeat(np.concatenate([[0], np.cumsum(per_row)[:-1]]).astype(np.int32), bins + 1)
    R = above[flat]
    R += 1
    if good is not None:
        R[~good] = 0
    return R


def monte_carlo(
    data: pd.DataFrame,
    indicators: Sequence[_ix.IndicatorSpec | str | dict[str, object]],
    *,
    n_draws: int = 1000,
    seed: int | None = 0,
    weight_mode: str = "dirichlet",
    concentration: float = 20.0,
    weight_range: float = 0.5,
    normalisations: Sequence[str] = ("zscore", "minmax", "rank"),
    aggregations: Sequence[str] = ("arithmetic", "geometric"),
    base_normalisation: str = "zscore",
    base_aggregation: str = "arithmetic",
    weighting: str = "equal",
    domain_weights: Mapping[str, float] | None = None,
    ddof: int = 0,
    n_classes: int = 5,
    min_share: float = 0.5,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    keep_ranks: bool = False,
    block: int = 100,
    rank_method: str = "auto",
    exact_limit: int = 5000,
    bins: int = 1 << 16,
    feedback: Callable[[float], object] | None = None,
) -> SensitivityResult:
    """Rank stability of a composite index under uncertain weights and method choices.

    Each draw takes weights (weight_mode 'dirichlet': Dirichlet with mean = the base weights and
    concentration c, alpha_i = c * k * w_i; 'range': w_i * U(1 - r, 1 + r), re-normalised; 'fixed':
    base weights), one normalisation and one aggregation (uniformly from the given lists). Per unit:
    baseline rank, median rank, 5-95 % rank interval, and the share of draws in which the unit's class
    (n_classes rank groups, class 1 = highest need) differs from the baseline class.
    rank_method: 'exact' (argsort per draw, O(n log n)), 'binned' (counting in ``bins`` score bins per
    draw, O(n + bins); a rank is at most the number of other units in its bin too good), 'auto' = exact
    up to ``exact_limit`` valid units, binned above. The baseline rank is always exact.

    Phases: options checked -> normalised matrices and reference (_setup) -> baseline ranks and classes ->
    the draws' weights and methods -> ranks of all draws -> per-unit table, summary and method record.
    """
    given = dict(locals())
    opt = _Options(**{f.name: given[f.name] for f in fields(_Options)})
    params = _params_record(indicators, opt)
    specs = [_ix.IndicatorSpec.coerce(i) for i in indicators]
    _check_options(specs, opt)
    opt.n_draws = int(n_draws)
    setup = _setup(data, specs, opt)
    base = _baseline(setup, opt)
    draws = _draw_weights(setup, opt)
    ranks = _rank_draws(setup, base, draws, opt, feedback)
    out = _unit_table(data, setup, base, ranks, opt)
    summary, record = _summary_and_record(params, setup, ranks, out, opt)
    draw_record = {
        "weights": draws.W,
        "normalisation": [opt.normalisations[i] for i in draws.norm_idx],
        "aggregation": [opt.aggregations[i] for i in draws.agg_idx],
    }
    return SensitivityResult(out, summary, record, draw_record, ranks.R.T.astype(np.int64) if keep_ranks else None)


@dataclass
class _Options:
    """monte_carlo's keyword options as one value, so that its phases take one argument instead of 24."""

    n_draws: int
    seed: int | None
    weight_mode: str
    concentration: float
    weight_range: float
    normalisations: Sequence[str]
    aggregations: Sequence[str]
    base_normalisation: str
    base_aggregation: str
    weighting: str
    domain_weights: Mapping[str, float] | None
    ddof: int
    n_classes: int
    min_share: float
    residents_field: str | None
    min_residents: float | None
    exclude_flag_field: str | None
    exclude_keys: Iterable[str | int] | None
    key: str | None
    keep_ranks: bool
    block: int
    rank_method: str
    exact_limit: int
    bins: int


@dataclass
class _Setup:
    """What every draw shares: reference units, unit keys, base weights, one prepared matrix per normalisation."""

    ref: pd.Series
    keys: np.ndarray
    base_w: np.ndarray
    mats: dict[str, dict]
    valid: np.ndarray  # in the reference and with enough indicator values
    n_valid: int


@dataclass
class _Baseline:
    """Ranks and classes with the base settings; a draw's rank outside (lo_c, hi_c] is a class change."""

    rank: np.ndarray
    cls: np.ndarray
    lo_c: np.ndarray
    hi_c: np.ndarray


@dataclass
class _Draws:
    """The draws' weights (D x k) and the index of the normalisation and aggregation of each draw."""

    W: np.ndarray
    norm_idx: np.ndarray
    agg_idx: np.ndarray


@dataclass
class _Ranks:
    """Ranks of all draws (D x units) and how often each unit, and each draw, left the baseline class."""

    R: np.ndarray
    changed: np.ndarray
    per_draw_changed: np.ndarray
    binned: bool


def _params_record(indicators: Sequence[_ix.IndicatorSpec | str | dict[str, object]], opt: _Options) -> dict:
    """The parameters as the method record lists them (in this order, as given)."""
    return dict(
        indicators=[_ix.IndicatorSpec.coerce(i).as_dict() for i in indicators],
        n_draws=opt.n_draws,
        rank_method=opt.rank_method,
        exact_limit=opt.exact_limit,
        bins=opt.bins,
        seed=opt.seed,
        weight_mode=opt.weight_mode,
        concentration=opt.concentration,
        weight_range=opt.weight_range,
        normalisations=list(opt.normalisations),
        aggregations=list(opt.aggregations),
        base_normalisation=opt.base_normalisation,
        base_aggregation=opt.base_aggregation,
        weighting=opt.weighting,
        domain_weights=opt.domain_weights,
        ddof=opt.ddof,
        n_classes=opt.n_classes,
        min_share=opt.min_share,
        residents_field=opt.residents_field,
        min_residents=opt.min_residents,
        exclude_flag_field=opt.exclude_flag_field,
        exclude_keys=opt.exclude_keys,
        key=opt.key,
    )


def _check_options(specs: list[_ix.IndicatorSpec], opt: _Options) -> None:
    """Refuse unusable options before any work (messages in the user's language)."""
    if not specs:
        raise InputError(tr("No indicators given for the sensitivity analysis."))
    if int(opt.n_draws) < 1:
        raise InputError(tr("The number of Monte Carlo draws must be at least 1."))
    if opt.weight_mode not in ("dirichlet", "range", "fixed"):
        raise InputError(tr("Unknown weight_mode '{mode}' (use dirichlet, range or fixed).", mode=opt.weight_mode))
    for m in list(opt.normalisations) + [opt.base_normalisation]:
        if m not in _ix.NORMALISATIONS:
            raise InputError(tr("Unknown normalisation '{method}'.", method=m))
    for a in list(opt.aggregations) + [opt.base_aggregation]:
        if a not in _ix.AGGREGATIONS:
            raise InputError(tr("Unknown aggregation '{method}'.", method=a))
    if not opt.normalisations or not opt.aggregations:
        raise InputError(tr("Give at least one normalisation and one aggregation to vary over."))
    if opt.rank_method not in ("auto", "exact", "binned"):
        raise InputError(tr("Unknown rank_method '{method}' (use auto, exact or binned).", method=opt.rank_method))


def _setup(data: pd.DataFrame, specs: list[_ix.IndicatorSpec], opt: _Options) -> _Setup:
    """Reference units, base weights and the normalised matrices (once per method); refuses < 2 valid units."""
    ref = _ix.reference_mask(
        data,
        residents_field=opt.residents_field,
        min_residents=opt.min_residents,
        exclude_flag_field=opt.exclude_flag_field,
        exclude_keys=opt.exclude_keys,
        key=opt.key,
    )
    keys = _ix.unit_keys(data, opt.key)
    base_w = _flat_weights(specs, opt.domain_weights, opt.weighting)
    mats = {}
    for m in sorted(set(opt.normalisations) | {opt.base_normalisation}):
        cols = []
        for s in specs:
            _ix.orientation(s)
            x = _ix.indicator_column(data, s.field)
            x, _ = _ix.treat(x, s, ref)
            z, _ = _ix.normalise(
                x,
                m,
                direction=s.direction,
                ref=ref,
                ddof=opt.ddof,
                goalposts=s.goalposts,
                reference_value=s.reference_value,
                name=s.field,
            )
            cols.append(z.to_numpy(dtype=float))
        X = np.column_stack(cols)
        mats[m] = _prepare(X, max(0.0, 1.0 - float(np.nanmin(X))))
    ok_any = mats[opt.base_normalisation]["okmask"]
    enough = ok_any.sum(axis=1) / len(specs) >= float(opt.min_share) - 1e-12
    valid = ref.to_numpy() & enough
    n_valid = int(valid.sum())
    if n_valid < 2:
        raise InputError(tr("Fewer than two units with enough indicator values in the reference."))
    return _Setup(ref, keys, base_w, mats, valid, n_valid)


def _baseline(setup: _Setup, opt: _Options) -> _Baseline:
    """Exact ranks and classes with the base weights, normalisation and aggregation."""
    base_s = _scores_t(setup.mats[opt.base_normalisation], setup.base_w[None, :], opt.base_aggregation)
    base_r = _ranks_rows(base_s, setup.valid)[0]
    n_valid, n_classes = setup.n_valid, opt.n_classes
    base_c = np.where(base_r > 0, np.ceil(base_r * n_classes / n_valid), 0).astype(np.int16)
    lo_c = np.where(setup.valid, (base_c - 1) * n_valid / n_classes, -1.0)
    hi_c = np.where(setup.valid, base_c * n_valid / n_classes, 0.0)
    return _Baseline(base_r, base_c, lo_c, hi_c)


def _draw_weights(setup: _Setup, opt: _Options) -> _Draws:
    """Weights of every draw (weight_mode), then its normalisation and aggregation (in this order from the seed)."""
    rng = np.random.default_rng(opt.seed)
    base_w, n_draws = setup.base_w, opt.n_draws
    k = len(base_w)
    if opt.weight_mode == "dirichlet":
        pos = base_w > 0
        W = np.zeros((n_draws, k))
        W[:, pos] = rng.dirichlet(opt.concentration * pos.sum() * base_w[pos] / base_w[pos].sum(), size=n_draws)
    elif opt.weight_mode == "range":
        W = base_w[None, :] * rng.uniform(1 - opt.weight_range, 1 + opt.weight_range, size=(n_draws, k))
        W = W / W.sum(axis=1, keepdims=True)
    else:
        W = np.repeat(base_w[None, :], n_draws, axis=0)
    norm_idx = rng.integers(0, len(opt.normalisations), size=n_draws)
    agg_idx = rng.integers(0, len(opt.aggregations), size=n_draws)
    return _Draws(W, norm_idx, agg_idx)


def _rank_draws(
    setup: _Setup, base: _Baseline, draws: _Draws, opt: _Options, feedback: Callable[[float], object] | None
) -> _Ranks:
    """Ranks of all draws, in blocks of draws sharing a (normalisation, aggregation); class changes counted."""
    n_draws, n_units, valid = opt.n_draws, len(setup.valid), setup.valid
    binned = opt.rank_method == "binned" or (opt.rank_method == "auto" and setup.n_valid > opt.exact_limit)
    block = max(1, int(4_000_000 // (opt.bins + 1))) if binned else opt.block
    rank_dtype = np.uint16 if n_units < 65535 else np.int32
    R = np.zeros((n_draws, n_units), dtype=rank_dtype)  # draws x units, rows written whole
    changed = np.zeros(n_units, dtype=np.int64)
    per_draw_changed = np.zeros(n_draws)
    combos: dict[tuple[int, int], list[int]] = {}  # (normalisation, aggregation) -> draws
    for d in range(n_draws):
        combos.setdefault((int(draws.norm_idx[d]), int(draws.agg_idx[d])), []).append(d)
    done = 0
    for (mi, ai), combo_draws in sorted(combos.items()):
        P = setup.mats[opt.normalisations[mi]]
        idx = np.asarray(combo_draws)
        for b0 in range(0, len(idx), block):
            sel = idx[b0 : b0 + block]
            Sb = _scores_t(P, draws.W[sel], opt.aggregations[ai])
            Rb = _ranks_binned(Sb, valid, opt.bins) if binned else _ranks_rows(Sb, valid)
            R[sel] = Rb
            # class c holds ranks (c-1)N/k < r <= cN/k: a change is a rank outside the base class's range
            diff = (Rb <= base.lo_c[None, :]) | (Rb > base.hi_c[None, :])
            changed += diff.sum(axis=0)
            per_draw_changed[sel] = diff.sum(axis=1) / setup.n_valid
            done += len(sel)
            if feedback is not None:
                feedback(100.0 * done / n_draws)
    return _Ranks(R, changed, per_draw_changed, binned)


def _summary_and_record(
    params: dict, setup: _Setup, ranks: _Ranks, out: pd.DataFrame, opt: _Options
) -> tuple[dict, dict]:
    """The run's summary (class changes, rank-interval widths) and its method record (schema sensitivity/1)."""
    summary = {
        "n_units": setup.n_valid,
        "n_draws": opt.n_draws,
        "n_classes": opt.n_classes,
        "mean_share_units_changing_class": float(ranks.per_draw_changed.mean()),
        "share_units_ever_changing_class": float((ranks.changed[setup.valid] > 0).mean()),
        "median_rank_interval_width": float(np.nanmedian(out["mc_rank_width"])),
        "max_rank_interval_width": float(np.nanmax(out["mc_rank_width"])),
        "rank_method": "binned" if ranks.binned else "exact",
    }
    record = {
        "function": "monte_carlo",
        "params": params,
        "base_weights": setup.base_w.tolist(),
        "summary": summary,
        "exclusions": {"n_excluded": int((~setup.ref).sum()), "excluded_keys": setup.keys[~setup.ref].tolist()},
    }
    record = _ix.stamp_record(record)
    record["schema"] = "sozialplanung.sensitivity/1"
    return summary, record


def _unit_table(data: pd.DataFrame, setup: _Setup, base: _Baseline, ranks: _Ranks, opt: _Options) -> pd.DataFrame:
    """Per unit: base rank and class, median and 5 %/95 % rank over the draws, width, class-change share."""
    valid, n_draws = setup.valid, opt.n_draws
    # per-unit statistics (sort each row once; linear interpolation like numpy's default);
    # radix sort for uint16 ranks (kind='stable')
    Rs = np.sort(np.ascontiguousarray(ranks.R[:, valid].T), axis=1, kind="stable")

    def q(p):
        pos = p * (n_draws - 1)
        lo = int(np.floor(pos))
        hi = min(lo + 1, n_draws - 1)
        return Rs[:, lo] + (pos - lo) * (Rs[:, hi].astype(float) - Rs[:, lo])

    out = pd.DataFrame(index=data.index)
    if opt.key is not None:
        out[opt.key] = setup.keys
    for name, vals in (
        ("mc_rank_base", base.rank[valid]),
        ("mc_rank_med", q(0.5)),
        ("mc_rank_p05", q(0.05)),
        ("mc_rank_p95", q(0.95)),
    ):
        col = np.full(len(data), np.nan)
        col[valid] = vals
        out[name] = col
    out["mc_rank_width"] = out["mc_rank_p95"] - out["mc_rank_p05"]
    out["mc_class_base"] = pd.Series(np.where(valid, base.cls, 0), index=data.index).where(valid).astype("Int64")
    out["mc_class_change"] = pd.Series(ranks.changed / n_draws, index=data.index).where(valid)
    return out


def indicator_diagnostics(
    data: pd.DataFrame,
    indicators: Sequence[_ix.IndicatorSpec | str | dict[str, object]],
    *,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    weak: float = 0.1,
    strong: float = 0.9,
) -> dict[str, object]:
    """Correlation matrix of the oriented indicators and Cronbach's alpha of the set.

    Pearson correlations over the complete reference units (values oriented: higher = more need).
    alpha = k/(k-1) * (1 - sum var(z_i) / var(sum z_i)) on z-standardised indicators (= standardised
    alpha). Pairs with |r| < weak (no common signal) or |r| > strong (redundant) are flagged.
    """
    specs = [_ix.IndicatorSpec.coerce(i) for i in indicators]
    if len(specs) < 2:
        raise InputError(tr("Correlations and Cronbach's alpha need at least two indicators."))
    ref = _ix.reference_mask(
        data,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    M = pd.DataFrame(index=data.index)
    for s in specs:
        sign = _ix.orientation(s)
        x = _ix.indicator_column(data, s.field)
        if x.notna().sum() == 0:
            raise InputError(
                tr("Indicator '{indicator}' has no values at all (all missing).", indicator=s.field), column=s.field
            )
        x, _ = _ix.treat(x, s, ref)
        M[s.field] = sign * x
    C = M[ref].dropna()
    if len(C) < 3:
        raise InputError(tr("Fewer than three complete units: no correlations possible."))
    sd = C.std(ddof=1)
    const = [c for c in C.columns if not sd[c] > 0]
    if const:
        raise InputError(
            tr(
                "Indicator(s) {indicators} constant over the complete reference units (SD 0); drop it from the index.",
                indicators=", ".join(quote(c) for c in const),
            )
        )
    corr = C.corr()
    Z = (C - C.mean()) / sd
    k = len(specs)
    alpha = k / (k - 1) * (1 - Z.var(ddof=1).sum() / Z.sum(axis=1).var(ddof=1))
    flags = []
    cols = list(corr.columns)
    for i in range(k):
        for j in range(i + 1, k):
            r = float(corr.iloc[i, j])
            if abs(r) < weak:
                flags.append({"a": cols[i], "b": cols[j], "r": r, "flag": "weak"})
            elif abs(r) > strong:
                flags.append({"a": cols[i], "b": cols[j], "r": r, "flag": "redundant"})
            if r < 0 and abs(r) >= weak:
                flags.append({"a": cols[i], "b": cols[j], "r": r, "flag": "negative"})
    return {"correlation": corr, "cronbach_alpha": float(alpha), "n_units": int(len(C)), "flags": flags}
