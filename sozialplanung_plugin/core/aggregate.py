"""Aggregation of counts across spatial levels and years, rates from summed counts, changes and references.

Why this module exists: rates of larger areas must come from summed numerators and denominators, never from
averaged rates; suppressed or unknown cells must never be summed as zero. Everything here works on plain
pandas objects so it can be tested and used without QGIS:

- ``values``: DataFrame indexed by unit key (str), one column per count variable (float, NaN = no number);
- ``status``: DataFrame of the same shape with status codes ('ok', 'exact_zero', 'suppressed', ...);
- ``assignment``: Series unit key -> target key (the QGIS glue computes it, e.g. by point on surface);
- indicators: any objects with the attributes of ``core.catalogue.Indicator`` (id, numerator, denominator,
  multiplier, min_denominator, ...).

Status of an aggregated count (documented choice, see docs/aggregation.md):
- all members known -> 'ok' (value = sum);
- some members unknown (suppressed, pending, no row) but at least one known -> 'incomplete'
  (value = sum of the known members, i.e. a lower bound);
- no member known -> NaN with 'suppressed_or_unknown' (or 'missing' when the members had no data at all).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pandas as pd

from .errors import InputError
from .fields import (
    BLOCKING_FLAGS,
    FLAG_INCOMPLETE,
    FLAG_MISSING,
    FLAG_NO_DENOMINATOR,
    FLAG_NOT_APPLICABLE,
    FLAG_OK,
    FLAG_SUPPRESSED,
    FLAG_UNRELIABLE,
    PREVIOUS,
    change_field,
    field_name,
    period_suffix,
)
from .i18n import tr

if TYPE_CHECKING:
    from .catalogue import Indicator

METHOD_VERSION = "1"

# Status classes. Known values are summed; incomplete values are summed but make the sum incomplete;
# missing/unknown values are not summed and make the sum incomplete; not-applicable cells are ignored.
KNOWN, INCOMPLETE, MISSING, UNKNOWN, NOT_APPLICABLE = 0, 1, 2, 3, -1
KNOWN_STATUSES = frozenset(
    {
        "ok",
        "exact_zero",
        "rounded_to_zero",
        "low_reliability",
        "series_break",
        "provisional",
        "revised",
        "estimated",
    }
)
STATUS_CLASS = {s: KNOWN for s in KNOWN_STATUSES}
STATUS_CLASS.update(
    {
        "incomplete": INCOMPLETE,
        "pending": MISSING,
        "missing": MISSING,
        "suppressed_or_unknown": UNKNOWN,
        "suppressed": UNKNOWN,
        "unreliable": UNKNOWN,
        "not_applicable": NOT_APPLICABLE,
    }
)
CLASS_STATUS = {
    KNOWN: "ok",
    INCOMPLETE: "incomplete",
    MISSING: "missing",
    UNKNOWN: "suppressed_or_unknown",
    NOT_APPLICABLE: "not_applicable",
}

# Indicator flags: core.fields (the one vocabulary); a change of a blocked value is empty.
_BLOCKING = sorted(BLOCKING_FLAGS)

AREA = "area_km2"


# --------------------------------------------------------------------------------------------------------
# status handling
# --------------------------------------------------------------------------------------------------------
def default_status(values: pd.DataFrame) -> pd.DataFrame:
    """Status frame for plain numbers: 'ok' where a number is, 'suppressed_or_unknown' where NaN."""
    arr = np.where(values.isna().to_numpy(), "suppressed_or_unknown", "ok").astype(object)
    return pd.DataFrame(arr, index=values.index, columns=values.columns)


def status_classes(status: pd.DataFrame, values: pd.DataFrame | None = None) -> np.ndarray:
    """Integer class array (units x variables) for a status frame; unknown codes count as UNKNOWN.

    A known status on a NaN value is treated as UNKNOWN: a number that is not there cannot be summed.
    """
    arr = status.to_numpy(dtype=object)
    out = np.zeros(arr.shape, dtype=np.int8)  # KNOWN
    if arr.size:
        # most cells are 'ok' (KNOWN): only the others are looked up (comparing is faster than hashing)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rest = np.asarray(arr != "ok", dtype=bool)
        except (TypeError, ValueError):  # e.g. pd.NA cells: no truth value
            rest = None
        if rest is None or rest.shape != arr.shape:
            rest = np.ones(arr.shape, dtype=bool)
        if rest.any():
            codes, uniques = pd.factorize(arr[rest])
            lookup = np.array([STATUS_CLASS.get(u, UNKNOWN) for u in uniques] + [UNKNOWN], dtype=np.int8)
            out[rest] = lookup[codes]  # code -1 (None/NaN) -> last entry: UNKNOWN
    if values is not None:
        nan = np.isnan(values.to_numpy(dtype=float))
        out[nan & ((out == KNOWN) | (out == INCOMPLETE))] = UNKNOWN
    return out


def _combine_classes(classes):
    """Class of a sum of cells: the worst class, ignoring not-applicable cells unless all are."""
    if len(classes) == 1:
        return classes[0]
    return np.maximum.reduce(classes)


def _check_frames(values, status, what=None):
    if status is None:
        status = default_status(values)
    if what is None:
        what = tr("table")
    if not values.index.equals(status.index) or list(values.columns) != list(status.columns):
        raise InputError(
            tr("The status frame of the {what} does not match its values (keys or columns differ).", what=what)
        )
    if values.index.has_duplicates:
        dup = values.index[values.index.duplicated()].unique()[:5]
        raise InputError(
            tr(
                "The {what} has duplicate unit keys ({keys}). "
                "Each unit may appear only once per year; remove or merge the duplicate rows.",
                what=what,
                keys=", ".join(map(str, dup)),
            )
        )
    return values, status


# --------------------------------------------------------------------------------------------------------
# aggregation of counts
# --------------------------------------------------------------------------------------------------------
def aggregate_counts(
    values: pd.DataFrame,
    status: pd.DataFrame | None = None,
    assignment: pd.Series | Mapping[str, str] | None = None,
    *,
    missing_rows: str = "incomplete",
    total_key: str = "total",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sum counts of units into target units; returns ``(values, status)`` indexed by target key.

    ``assignment`` maps unit key -> target key; None puts all units into one target ``total_key``
    (the county). Units of the assignment without a table row count as 'missing' (makes the sum incomplete)
    unless ``missing_rows='zero'``. Table rows without an assignment are ignored (see ``fields.match_keys``).
    """
    values, status = _check_frames(values, status)
    if assignment is None:
        assignment = pd.Series(total_key, index=values.index)
    target_of = pd.Series(assignment).dropna()
    target_of.index = text_index(target_of.index)
    target_of = _text_values(target_of)
    if target_of.index.has_duplicates:
        dup = target_of.index[target_of.index.duplicated()].unique()[:5]
        raise InputError(
            tr(
                "The assignment lists units more than once ({keys}); each unit may belong to one target only.",
                keys=", ".join(dup),
            )
        )
    if missing_rows not in ("incomplete", "zero"):
        raise ValueError("missing_rows must be 'incomplete' or 'zero'.")  # a programming error

    pos = values.index.get_indexer(target_of.index)
    target_codes, targets = pd.factorize(target_of, sort=True)
    present = pos >= 0
    n_targets = len(targets)
    vals = values.to_numpy(dtype=float)
    cls = status_classes(status, values)

    rows_present = pos[present]
    tc = target_codes[present]
    v = vals[rows_present]
    c = cls[rows_present]
    known = c == KNOWN
    if known.all():
        # every cell known (the common case): the counts per class are the group sizes and zeros
        sums = group_sum(tc, v, n_targets)
        size = np.bincount(tc, minlength=n_targets)[:n_targets].astype(float)
        n_known = np.repeat(size[:, None], c.shape[1], axis=1)
        n_incomplete, n_missing, n_unknown = (np.zeros(n_known.shape) for _ in range(3))
    else:
        summable = known | (c == INCOMPLETE)
        sums = group_sum(tc, np.where(summable, v, 0.0), n_targets)
        n_known = group_sum(tc, known.astype(float), n_targets)
        n_incomplete = group_sum(tc, (c == INCOMPLETE).astype(float), n_targets)
        n_missing = group_sum(tc, (c == MISSING).astype(float), n_targets)
        n_unknown = group_sum(tc, (c == UNKNOWN).astype(float), n_targets)
    if missing_rows == "incomplete" and not present.all():
        absent = np.bincount(target_codes[~present], minlength=n_targets).astype(float)
        n_missing = n_missing + absent[:, None]

    has_value = (n_known + n_incomplete) > 0
    out_cls = np.full(sums.shape, NOT_APPLICABLE, dtype=np.int8)
    out_cls[has_value] = KNOWN
    out_cls[has_value & ((n_incomplete + n_missing + n_unknown) > 0)] = INCOMPLETE
    out_cls[~has_value & (n_missing > 0)] = MISSING
    out_cls[~has_value & (n_unknown > 0)] = UNKNOWN
    sums[~has_value] = np.nan
    index = pd.Index(targets.astype(str), name=values.index.name or "key")
    out_values = pd.DataFrame(sums, index=index, columns=values.columns)
    out_status = pd.DataFrame(class_names(out_cls), index=index, columns=values.columns)
    return out_values, out_status


def group_sum(codes: np.ndarray, arr: np.ndarray, n_groups: int) -> np.ndarray:
    """Sum rows of a 2-D array by group code: one bincount per column (rows added in their order)."""
    if arr.ndim == 1:
        arr = arr[:, None]
    out = np.empty((n_groups, arr.shape[1]), dtype=float)
    for j in range(arr.shape[1]):
        out[:, j] = np.bincount(codes, weights=arr[:, j], minlength=n_groups)[:n_groups]
    return out


def class_names(cls: np.ndarray) -> np.ndarray:
    names = np.array(["ok", "incomplete", "missing", "suppressed_or_unknown", "not_applicable"], dtype=object)
    # classes -1..3 -> index: KNOWN 0, INCOMPLETE 1, MISSING 2, UNKNOWN 3, NOT_APPLICABLE -1 -> 4
    return names[np.where(cls < 0, 4, cls)]


# --------------------------------------------------------------------------------------------------------
# indicators
# --------------------------------------------------------------------------------------------------------
def _terms(variables):
    """Variable ids with sign: '-fortzuege' subtracts (net migration)."""
    out = []
    for v in variables or []:
        v = str(v).strip()
        out.append((-1.0, v[1:].strip()) if v.startswith("-") else (1.0, v.lstrip("+").strip()))
    return out


def required_variables(indicator: Indicator) -> list[str]:
    """Count variables an indicator needs (without the special 'area_km2')."""
    if is_dynamics(indicator):
        return []
    return [v for _, v in _terms(list(indicator.numerator) + list(indicator.denominator or [])) if v != AREA]


def is_dynamics(indicator: Indicator) -> bool:
    """A dynamics indicator: the change of a status indicator over ``period_years`` (catalogue kind)."""
    return getattr(indicator, "kind", "status") == "dynamics" and bool(getattr(indicator, "base_indicator", ""))


def computable(
    indicators: Sequence[Indicator],
    columns: Iterable[str],
    has_area: bool = True,
    catalogue: Iterable[Indicator] | None = None,
) -> tuple[list[Indicator], dict[str, list[str]]]:
    """Split indicators into those computable from ``columns`` and a dict id -> missing variable ids.

    A dynamics indicator is computable when its base indicator is; the base is looked up in ``indicators``
    and then in ``catalogue`` (any iterable of indicators) and added before it when it was not chosen.
    """
    cols = set(columns)
    pool = {i.id: i for i in (catalogue or [])}
    pool.update({i.id: i for i in indicators})
    ok, skipped, seen = [], {}, set()

    def check(ind):
        if is_dynamics(ind):
            base = pool.get(ind.base_indicator)
            if base is None:
                return [tr("base indicator {id}", id=ind.base_indicator)]
            return check(base)
        missing = [v for v in required_variables(ind) if v not in cols]
        if AREA in [v for _, v in _terms(ind.denominator)] and not has_area:
            missing.append(AREA)
        return missing

    for ind in indicators:
        missing = check(ind)
        if missing:
            skipped[ind.id] = missing
            continue
        if is_dynamics(ind) and ind.base_indicator not in seen:
            base = pool[ind.base_indicator]
            if base.id not in {i.id for i in indicators}:
                ok.append(base)
                seen.add(base.id)
        if ind.id not in seen:
            ok.append(ind)
            seen.add(ind.id)
    # status indicators first, dynamics after (they read the status results)
    ok.sort(key=lambda i: is_dynamics(i))
    return ok, skipped


def compute_dynamics(results: dict[int, pd.DataFrame], indicators: Iterable[Indicator]) -> dict[int, pd.DataFrame]:
    """Add dynamics columns to each year's frame: value(y) - value(y - period) (pp/absolute) or percent.

    ``period_years`` 0 means the previous year in the data. ``<id>_num``/``<id>_den`` hold the base value of
    the later and the earlier year; without the earlier year the flag is 'missing'.
    """
    years = sorted(results)
    extras: dict[int, dict[str, Any]] = {y: {} for y in years}
    for ind in indicators:
        if not is_dynamics(ind):
            continue
        b = ind.base_indicator
        period = int(getattr(ind, "period_years", 0) or 0)
        mode = getattr(ind, "change", "") or "pp"
        for k, y in enumerate(years):
            cur = results[y]
            y0 = (years[k - 1] if k > 0 else None) if period == 0 else y - period
            v1 = cur[b].to_numpy(dtype=float)
            f1 = cur[field_name(b, "flag")].to_numpy(dtype=object)
            if y0 is None or y0 not in results:
                v0 = np.full(len(cur), np.nan)
                f0 = np.full(len(cur), FLAG_MISSING, dtype=object)
            else:
                prev = results[y0][[b, field_name(b, "flag")]]  # only the two columns needed (frames are wide)
                if not prev.index.equals(cur.index):
                    prev = prev.reindex(cur.index)
                v0 = prev[b].to_numpy(dtype=float)
                f0 = prev[field_name(b, "flag")].fillna(FLAG_MISSING).to_numpy(dtype=object)
            with np.errstate(divide="ignore", invalid="ignore"):
                if mode == "percent":
                    val = np.where(v0 != 0, (v1 - v0) / np.abs(v0) * 100.0, np.nan)
                else:
                    val = v1 - v0
            val = val * float(getattr(ind, "multiplier", 1) or 1)
            flag = np.where(f0 != FLAG_OK, f0, f1)
            blocked = np.isin(flag, _BLOCKING)
            extras[y].update(
                {
                    ind.id: np.where(blocked, np.nan, val),
                    field_name(ind.id, "num"): v1,
                    field_name(ind.id, "den"): v0,
                    field_name(ind.id, "flag"): flag,
                }
            )
    for y in years:
        if extras[y]:
            results[y] = pd.concat([results[y], pd.DataFrame(extras[y], index=results[y].index)], axis=1)
    return results


def _count_expression(values, cls, terms, area=None, arr_all=None):
    """Value and class of a sum of (signed) variables."""
    col_pos = {c: j for j, c in enumerate(values.columns)}
    if arr_all is None:
        arr_all = values.to_numpy(dtype=float)
    total = None
    classes = []
    for sign, var in terms:
        if var == AREA:
            if area is None:
                raise InputError(tr("An indicator uses the unit area (area_km2) but no areas were supplied."))
            a = pd.Series(area)
            a.index = a.index.astype(str)
            arr = a.reindex(values.index).to_numpy(dtype=float)
            c = np.where(np.isnan(arr), MISSING, KNOWN).astype(np.int8)
        else:
            if var not in col_pos:
                raise InputError(
                    tr("Count variable '{var}' is not in the table. Deliver it or choose another indicator.", var=var)
                )
            j = col_pos[var]
            arr = arr_all[:, j]
            c = cls[:, j]
        arr = np.where(np.isnan(arr), 0.0, arr) * sign
        total = arr if total is None else total + arr
        classes.append(c)
    c = _combine_classes(classes)
    total = np.where((c == KNOWN) | (c == INCOMPLETE), total, np.nan)
    return total, c


def compute_indicators(
    values: pd.DataFrame,
    status: pd.DataFrame | None = None,
    indicators: Iterable[Indicator] = (),
    *,
    area: pd.Series | Mapping[str, float] | None = None,
    cls: np.ndarray | None = None,
) -> pd.DataFrame:
    """Indicator columns ``<id>, <id>_num, <id>_den, <id>_flag`` from counts of one level and one year.

    Value = sum(numerator) / sum(denominator) * multiplier (absolute indicators: the numerator sum).
    Flags, first match wins: suppressed (a count is suppressed/unknown), missing, not_applicable,
    no_denominator (denominator 0), incomplete (a count is a lower bound), unreliable
    (denominator < min_denominator).
    """
    values, status = _check_frames(values, status)
    if cls is None:
        cls = status_classes(status, values)
    arr_all = values.to_numpy(dtype=float)
    out = {}
    for ind in indicators:
        if is_dynamics(ind):
            continue
        num, nc = _count_expression(values, cls, _terms(ind.numerator), area, arr_all)
        den_terms = _terms(ind.denominator)
        mult = float(getattr(ind, "multiplier", 1) or 1)
        if den_terms:
            den, dc = _count_expression(values, cls, den_terms, area, arr_all)
            worst = np.maximum(nc, dc)
            na = (nc == NOT_APPLICABLE) | (dc == NOT_APPLICABLE)
            with np.errstate(divide="ignore", invalid="ignore"):
                val = np.where(den > 0, num / den * mult, np.nan)
            min_den = getattr(ind, "min_denominator", None)
            unreliable = (den < float(min_den)) if min_den else np.zeros(len(den), bool)
            if AREA in [v for _, v in den_terms]:
                unreliable = np.zeros(len(den), bool)
        else:
            den = np.full(len(num), np.nan)
            worst = nc
            na = nc == NOT_APPLICABLE
            val = num * mult if mult != 1 else num.copy()
            unreliable = np.zeros(len(num), bool)
        flag = np.full(len(num), FLAG_OK, dtype=object)
        flag[unreliable & ~np.isnan(val)] = FLAG_UNRELIABLE
        flag[worst == INCOMPLETE] = FLAG_INCOMPLETE
        if den_terms:
            flag[(worst <= INCOMPLETE) & (worst >= KNOWN) & ~(den > 0) & ~np.isnan(den)] = FLAG_NO_DENOMINATOR
        flag[na] = FLAG_NOT_APPLICABLE
        flag[worst == MISSING] = FLAG_MISSING
        flag[worst == UNKNOWN] = FLAG_SUPPRESSED
        val = np.where((worst == KNOWN) | (worst == INCOMPLETE), val, np.nan)
        out[ind.id] = val
        out[field_name(ind.id, "num")] = num
        out[field_name(ind.id, "den")] = den
        out[field_name(ind.id, "flag")] = flag
    return pd.DataFrame(out, index=values.index)


# --------------------------------------------------------------------------------------------------------
# several years, changes, layouts
# --------------------------------------------------------------------------------------------------------
def to_wide(results: Mapping[int, pd.DataFrame], keys: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per unit, columns ``<column>_<year>`` (years ascending)."""
    frames = []
    for year in sorted(results):
        frame = results[year]
        frames.append(frame.add_suffix(f"_{year}"))
    wide = pd.concat(frames, axis=1, sort=False) if frames else pd.DataFrame()
    if keys is not None:
        wide = wide.reindex(pd.Index(keys, name=wide.index.name))
    return _fix_flags(wide)


def to_long(results: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    """One row per unit and year; the index is the unit key, the column 'year' is the year."""
    frames = []
    for year in sorted(results):
        frame = results[year].copy()
        frame.insert(0, "year", int(year))
        frames.append(frame)
    long = pd.concat(frames, axis=0, sort=False) if frames else pd.DataFrame()
    return _fix_flags(long)


def _fix_flags(frame):
    """Empty flags of rows absent in a year become 'missing' (all flag columns at once: frames are wide)."""
    cols = [
        c for c, d in zip(frame.columns, frame.dtypes) if isinstance(c, str) and "_flag" in c and str(d) == "object"
    ]
    if cols:
        sub = frame[cols]
        if sub.isna().to_numpy().any():
            frame[cols] = sub.fillna(FLAG_MISSING)
    return frame


def changes(
    results: Mapping[int, pd.DataFrame], indicators: Iterable[Indicator], year_from: int, year_to: int
) -> pd.DataFrame:
    """Changes between two years per indicator (one row per unit).

    Columns: ``<id>_chg_<y0>_<y1>`` = value difference (percentage points for % rates, the indicator's unit
    otherwise); ``<id>_pct_<y0>_<y1>`` = percent change of the count (for rates: of the numerator count,
    e.g. the change of the number of children in SGB II households); ``<id>_chg_flag_<y0>_<y1>`` =
    the first non-empty flag of the two years (a change of a suppressed value is suppressed too).
    """
    if year_from not in results or year_to not in results:
        raise InputError(
            tr(
                "Changes need both years {year_from} and {year_to}; the tables have {years}.",
                year_from=year_from,
                year_to=year_to,
                years=", ".join(map(str, sorted(results))),
            )
        )
    a, b = results[year_from], results[year_to]
    keys = a.index.union(b.index)
    a, b = a.reindex(keys), b.reindex(keys)
    out = {}
    for ind in indicators:
        if is_dynamics(ind):
            continue
        i = ind.id
        fa = a[field_name(i, "flag")].fillna(FLAG_MISSING).to_numpy(dtype=object)
        fb = b[field_name(i, "flag")].fillna(FLAG_MISSING).to_numpy(dtype=object)
        blocked_a = np.isin(fa, _BLOCKING)
        blocked_b = np.isin(fb, _BLOCKING)
        blocked = blocked_a | blocked_b
        diff = b[i].to_numpy(dtype=float) - a[i].to_numpy(dtype=float)
        na, nb = a[field_name(i, "num")].to_numpy(dtype=float), b[field_name(i, "num")].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            pct = np.where(na != 0, (nb - na) / np.abs(na) * 100.0, np.nan)
        num_blocked = np.isnan(na) | np.isnan(nb)
        out[change_field(i, "chg", year_from, year_to)] = np.where(blocked, np.nan, diff)
        out[change_field(i, "pct", year_from, year_to)] = np.where(num_blocked, np.nan, pct)
        flag = np.where(fa != FLAG_OK, fa, fb)
        out[change_field(i, "chg_flag", year_from, year_to)] = flag
    return pd.DataFrame(out, index=keys)


# --------------------------------------------------------------------------------------------------------
# reference values
# --------------------------------------------------------------------------------------------------------
class _HasId(Protocol):
    """What add_references reads of an indicator: its id (core.facilities passes plain objects with an id)."""

    @property
    def id(self) -> str: ...


def add_references(
    result: pd.DataFrame,
    indicators: Iterable[_HasId],
    *,
    county: pd.DataFrame | None = None,
    municipality: pd.DataFrame | None = None,
    unit_municipality: pd.Series | Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Reference values and deviations for one level and one year.

    ``county``: indicator frame of the county (one row); ``municipality``: indicator frame of the
    municipalities (indexed by municipality key); ``unit_municipality``: Series unit key -> municipality key.
    Adds per indicator ``<id>_ref_county``, ``<id>_dev_county`` (difference: percentage points for % rates),
    ``<id>_ratio_county`` (value / reference), and the same with ``_mun``. References come from the
    summed counts of the reference area, never from averaged rates. ``<id>_devflag`` carries the flag of the
    references the deviations and ratios are computed from (worst of county and municipality): a county rate
    with a suppressed component is a lower bound ('incomplete'), and so is every deviation from it.
    """
    out = result
    extra = {}
    mun_keys = None
    if municipality is not None and unit_municipality is not None:
        um = pd.Series(unit_municipality)
        um.index = um.index.astype(str)
        mun_keys = um.reindex(result.index.astype(str)).astype(object).to_numpy()
        mun_pos = municipality.index.get_indexer(mun_keys)
    for ind in indicators:
        i = ind.id
        val = result[i].to_numpy(dtype=float)
        ref_flags = []
        if county is not None and f"{i}_flag" in county.columns:
            cf = county[f"{i}_flag"].iloc[0] if len(county) else FLAG_MISSING
            ref_flags.append(np.full(len(val), FLAG_OK if cf is None or cf != cf else cf, dtype=object))
        if municipality is not None and mun_keys is not None and f"{i}_flag" in municipality.columns:
            mf = municipality[f"{i}_flag"].fillna(FLAG_OK).to_numpy(dtype=object)
            ref_flags.append(np.where(mun_pos >= 0, mf[np.clip(mun_pos, 0, None)], FLAG_MISSING).astype(object))
        if county is not None:
            ref = float(county[i].iloc[0]) if len(county) else np.nan
            extra[field_name(i, "ref_county")] = np.full(len(val), ref)
            extra[field_name(i, "dev_county")] = val - ref
            with np.errstate(divide="ignore", invalid="ignore"):
                extra[field_name(i, "ratio_county")] = np.where(ref != 0, val / ref, np.nan)
        if municipality is not None and mun_keys is not None:
            mv = municipality[i].to_numpy(dtype=float)
            mref = np.where(mun_pos >= 0, mv[mun_pos], np.nan)
            extra[field_name(i, "ref_mun")] = mref
            extra[field_name(i, "dev_mun")] = val - mref
            with np.errstate(divide="ignore", invalid="ignore"):
                extra[field_name(i, "ratio_mun")] = np.where(mref != 0, val / mref, np.nan)
        if ref_flags:
            extra[field_name(i, "devflag")] = worst_flag(ref_flags)
    if extra:
        out = pd.concat([out, pd.DataFrame(extra, index=result.index)], axis=1)
    return out


FLAG_ORDER = [
    FLAG_SUPPRESSED,
    FLAG_MISSING,
    FLAG_NOT_APPLICABLE,
    FLAG_NO_DENOMINATOR,
    FLAG_INCOMPLETE,
    FLAG_UNRELIABLE,
    FLAG_OK,
]


def worst_flag(flag_arrays: Iterable[np.ndarray | Sequence[str]]) -> np.ndarray:
    """Element-wise worst flag of several flag arrays (order of FLAG_ORDER; unknown flags count as suppressed)."""
    rank = {f: k for k, f in enumerate(FLAG_ORDER)}
    ranks = np.vstack([np.array([rank.get(f, 0) for f in arr], dtype=np.int64) for arr in flag_arrays]).min(axis=0)
    return np.array(FLAG_ORDER, dtype=object)[ranks]


def parent_mapping(
    child_assignment: pd.Series | Mapping[str, str], parent_assignment: pd.Series | Mapping[str, str]
) -> tuple[pd.Series, bool]:
    """Parent of each target of ``child_assignment`` via the base units (e.g. social space -> municipality).

    Both map base unit key -> target key. A child that spans several parents is assigned to the parent
    holding most of its units (ties: smallest key); ``nested`` tells whether the levels nest exactly.
    """
    a = pd.DataFrame(
        {
            "child": pd.Series(child_assignment).astype(str),
            "parent": pd.Series(parent_assignment).reindex(pd.Series(child_assignment).index),
        }
    )
    a = a.dropna()
    a["parent"] = a["parent"].astype(str)
    counts = a.groupby(["child", "parent"]).size().reset_index(name="n")
    counts = counts.sort_values(["child", "n", "parent"], ascending=[True, False, True])
    nested = not counts["child"].duplicated().any()
    mapping = counts.drop_duplicates("child").set_index("child")["parent"]
    return mapping, nested


def method_metadata(
    *,
    level: str,
    years: Iterable[int],
    indicators: Iterable[Indicator],
    catalogue_version: str | None = None,
    extra: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Method record that goes with every output (the glue writes it into layer metadata and a field)."""
    meta: dict[str, object] = {
        "method": "counts summed over units; rates = summed numerator / summed denominator x multiplier "
        "(never averaged); suppressed or unknown cells are not summed as zero, sums with such "
        "members are flagged 'incomplete' (lower bound)",
        "method_version": METHOD_VERSION,
        "catalogue_version": catalogue_version,
        "level": level,
        "years": [int(y) for y in years],
        "indicators": [i.id for i in indicators],
    }
    if extra:
        meta.update(extra)
    return meta


# --------------------------------------------------------------------------------------------------------
# the whole job: several levels, several years, disclosure, references, changes
# --------------------------------------------------------------------------------------------------------
@dataclass
class Level:
    """A target level: ``assignment`` maps base unit key -> target key; None = the base units themselves;
    'total' = one row for everything (the county, key ``key``). ``area``: Series target key -> km²."""

    name: str
    assignment: pd.Series | Mapping[str, str] | str | None = None
    area: pd.Series | Mapping[str, float] | None = None
    key: str = "total"


@dataclass
class LevelResult:
    frame: pd.DataFrame  # indexed by the level's key
    meta: dict[str, object]
    counts: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = field(default_factory=dict)  # after disclosure
    disclosure: pd.DataFrame | None = None  # protection intervals of the suppressed cells (core.disclosure)


def base_assignment(level: Level, base_keys: pd.Index) -> pd.Series:
    if level.assignment is None:
        return pd.Series(base_keys, index=base_keys)
    if isinstance(level.assignment, str) and level.assignment == "total":
        return pd.Series(level.key, index=base_keys)
    a = pd.Series(level.assignment).dropna()
    a.index = text_index(a.index)
    return _text_values(a)


def _is_text(values):
    return values.dtype == object and pd.api.types.infer_dtype(values, skipna=False) == "string"


def text_index(index: pd.Index) -> pd.Index:
    """index.astype(str), without copying an index that holds only text already (astype copies every key)."""
    return index if _is_text(index) else index.astype(str)


def _text_values(series):
    """series.astype(str), without copying a Series that holds only text already."""
    return series if _is_text(series) else series.astype(str)


def aggregate_levels(
    tables: Mapping[int, tuple[pd.DataFrame, pd.DataFrame]],
    levels: Sequence[Level],
    indicators: Sequence[Indicator],
    *,
    disclosure: bool = False,
    threshold: float = 3,
    suppress_zero: bool = False,
    references: bool = True,
    municipality_level: str | None = None,
    county_level: str | None = None,
    layout: str = "wide",
    change_pairs: Sequence[tuple[int, int]] | None = None,
    missing_rows: str = "incomplete",
    catalogue_version: str | None = None,
    catalogue: Iterable[Indicator] | None = None,
    protection_share: float = 0.0,
    protection_width: float | None = None,
) -> dict[str, LevelResult]:
    """Aggregate base-unit tables (dict year -> (values, status)) to several levels in one go.

    ``levels`` are ordered from the lowest to the highest (e.g. social spaces, municipalities, county);
    disclosure control treats consecutive levels as parent/child equations. ``municipality_level`` and
    ``county_level`` name the levels used as references (defaults: a level called 'municipality' and the
    level with assignment 'total'). ``protection_share``/``protection_width``: the protection interval of
    disclosure control (core.disclosure). Returns dict level name -> LevelResult.
    """
    if not tables:
        raise InputError(tr("No statistics table was given. Add at least one table (one year)."))
    if layout not in ("wide", "long"):
        raise ValueError("layout must be 'wide' or 'long'.")  # a programming error: the algorithms map the choice
    years = sorted(tables)
    all_cols = set()
    for y in years:
        all_cols |= set(tables[y][0].columns)
    has_area = all(lv.area is not None for lv in levels)
    indicators, skipped = computable(indicators, all_cols, has_area, catalogue)
    if not indicators:
        err = InputError(
            tr(
                "None of the chosen indicators can be computed from the delivered variables ({lacking}).",
                lacking="; ".join(
                    tr("{indicator}: lacks {variables}", indicator=k, variables=", ".join(v))
                    for k, v in skipped.items()
                ),
            )
        )
        err.skipped = skipped  # the algorithms word it with the tables' unknown headers (inputs.skipped_note)
        raise err
    needed = sorted({v for ind in indicators for v in required_variables(ind)})
    base_keys = pd.Index(sorted(set().union(*[set(text_index(tables[y][0].index)) for y in years])))
    assigns = [base_assignment(lv, base_keys) for lv in levels]

    # 1. counts per level and year (only the variables the indicators need)
    counts: dict[str, dict[int, tuple[pd.DataFrame, pd.DataFrame]]] = {lv.name: {} for lv in levels}
    for y in years:
        values, status = tables[y]
        values, status = _check_frames(values, status, tr("table of {year}", year=y))
        values = values.copy()
        values.index = text_index(values.index)
        status = status.copy()
        status.index = values.index
        for var in needed:
            if var not in values.columns:
                values[var] = np.nan
                status[var] = "missing"
        values, status = values[needed], status[needed]
        for lv, a in zip(levels, assigns):
            counts[lv.name][y] = aggregate_counts(values, status, a, missing_rows=missing_rows)

    # 2. disclosure control over the published levels
    disc_meta: dict[str, object] = {"disclosure": bool(disclosure)}
    disc_reports: dict[str, list[Any]] = {lv.name: [] for lv in levels}
    if disclosure:
        from .disclosure import primary_mask, protect_levels, thresholds_for

        thr = thresholds_for(indicators, threshold)
        for i in range(len(levels) - 1):
            _, nested = parent_mapping(pd.Series(assigns[i].to_numpy(), index=assigns[i].index), assigns[i + 1])
            if not nested:
                raise InputError(
                    tr(
                        "Disclosure control needs levels that nest: some units of '{level}' lie in more than one unit "
                        "of '{above}', so published totals could be subtracted across them. Publish non-nesting "
                        "levels (e.g. a target layer such as school districts) in a separate run, or correct the "
                        "assignment.",
                        level=levels[i].name,
                        above=levels[i + 1].name,
                    )
                )
        n_suppressed = n_primary = 0
        for y in years:
            vals = [counts[lv.name][y][0] for lv in levels]
            primary = [primary_mask(v, thr, suppress_zero=suppress_zero) for v in vals]
            masks, rep = protect_levels(
                vals, primary, assigns, thr, share=protection_share, width=protection_width or None
            )
            rep.insert(0, "year", int(y))
            for k, lv in enumerate(levels):
                disc_reports[lv.name].append(rep[rep["level"] == k].assign(level=lv.name))
            for lv, m, p in zip(levels, masks, primary):
                v, s = counts[lv.name][y]
                mm = m.to_numpy()
                n_suppressed += int(mm.sum())
                n_primary += int(p.to_numpy().sum())
                counts[lv.name][y] = (v.mask(mm), s.mask(m, "suppressed"))
        disc_meta.update(
            {
                "disclosure_threshold": threshold,
                "disclosure_suppress_zero": bool(suppress_zero),
                "disclosure_protection_share": float(protection_share or 0.0),
                "disclosure_protection_width": float(protection_width or 0.0) or None,
                "disclosure_rule": "primary: 0 < count < threshold; secondary: the fewest further cells (finer "
                "levels, then key order, never by value) such that an attacker solving the linear bounds of all "
                "published totals keeps each primary cell's protection interval [v - L, v + U], U = max(share x v, "
                "width), L = min(v, U), width = threshold unless set",
                "disclosure_cells_primary": n_primary,
                "disclosure_cells_suppressed": n_suppressed,
                "levels_nested": True,
            }
        )

    # 3. indicators per level and year
    results: dict[str, dict[int, pd.DataFrame]] = {lv.name: {} for lv in levels}
    for lv in levels:
        for y in years:
            v, s = counts[lv.name][y]
            results[lv.name][y] = compute_indicators(v, s, indicators, area=lv.area)
        compute_dynamics(results[lv.name], indicators)

    # 4. references
    names = [lv.name for lv in levels]
    if county_level is None:
        county_level = next(
            (lv.name for lv in levels if isinstance(lv.assignment, str) and lv.assignment == "total"), None
        )
    if municipality_level is None and "municipality" in names:
        municipality_level = "municipality"
    if references:
        mun_idx = names.index(municipality_level) if municipality_level in names else None
        for i, lv in enumerate(levels):
            unit_mun = None
            if mun_idx is not None and lv.name not in (municipality_level, county_level) and i < mun_idx:
                unit_mun, _ = parent_mapping(assigns[i], assigns[mun_idx])
            for y in years:
                results[lv.name][y] = add_references(
                    results[lv.name][y],
                    indicators,
                    county=results[county_level][y] if county_level and lv.name != county_level else None,
                    municipality=(
                        results[municipality_level][y]
                        if unit_mun is not None and municipality_level is not None
                        else None
                    ),
                    unit_municipality=unit_mun,
                )

    # 5. layout and changes
    if change_pairs is None:
        change_pairs = [(years[0], years[-1])] if len(years) > 1 else []
    out = {}
    for lv in levels:
        res = results[lv.name]
        if layout == "wide":
            frame = to_wide(res)
            for y0, y1 in change_pairs:
                frame = frame.join(changes(res, indicators, y0, y1), how="left")
        else:
            frame = to_long(res)
            parts = []
            for k, y in enumerate(years):
                part = frame[frame["year"] == y]
                if k > 0:
                    ch = changes(res, indicators, years[k - 1], y)
                    ch.columns = [c.replace(period_suffix(years[k - 1], y), "_" + PREVIOUS) for c in ch.columns]
                    part = part.join(ch, how="left")
                parts.append(part)
            frame = pd.concat(parts, axis=0, sort=False)
        frame.index.name = "key"
        meta = method_metadata(
            level=lv.name,
            years=years,
            indicators=indicators,
            catalogue_version=catalogue_version,
            extra=dict(
                disc_meta,
                layout=layout,
                skipped_indicators=skipped,
                references=bool(references),
                missing_rows=missing_rows,
                change_pairs=[list(map(int, p)) for p in change_pairs],
            ),
        )
        rep = pd.concat(disc_reports[lv.name], ignore_index=True) if disc_reports[lv.name] else None
        out[lv.name] = LevelResult(frame=frame, meta=meta, counts=counts[lv.name], disclosure=rep)
    return out
