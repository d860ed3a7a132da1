"""Composite deprivation indices: normalise, orient, weight, aggregate; published presets.

Everything here works on a plain pandas DataFrame with one row per unit (social space, block ...).
Higher index values always mean MORE need. Every result carries a method record (a JSON-ready dict)
from which :func:`rerun_from_record` reproduces it exactly. Formulas: docs/indices.md.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, cast

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from . import classify as _classify
from .errors import InputError
from .fields import is_missing, number_from_text, split_year
from .i18n import quote, tr

if TYPE_CHECKING:
    from .catalogue import Catalogue, Indicator

RECORD_SCHEMA = "sozialplanung.index/1"
DIRECTIONS = ("higher_worse", "higher_better", "neutral")
NORMALISATIONS = ("zscore", "minmax", "goalposts", "rank", "percentile", "distance")
AGGREGATIONS = ("arithmetic", "geometric")
WEIGHTINGS = ("equal", "given", "pca")
#: Published IoD 2019 domain weights (per cent), in the order of the seven domains.
IOD_WEIGHTS = {
    "income": 22.5,
    "employment": 22.5,
    "education": 13.5,
    "health": 13.5,
    "crime": 9.3,
    "barriers": 9.3,
    "living_environment": 9.3,
}
IOD_CONSTANT = 23.0

BERLIN_STATUS_NAMES = {1: "hoch", 2: "mittel", 3: "niedrig", 4: "sehr niedrig"}
BERLIN_DYNAMICS_NAMES = {1: "positiv", 3: "stabil", 5: "negativ"}
#: Class labels in words, as the published MSS writes them (the limits are in the method record's class_rules).
BERLIN_STATUS_LABELS = dict(BERLIN_STATUS_NAMES)
BERLIN_DYNAMICS_LABELS = dict(BERLIN_DYNAMICS_NAMES)
#: Classes of a general index in words (higher = more need), by the number of classes.
NEED_WORDS = {
    2: ["geringerer Bedarf", "höherer Bedarf"],
    3: ["geringer Bedarf", "mittlerer Bedarf", "hoher Bedarf"],
    4: ["geringer Bedarf", "eher geringer Bedarf", "eher hoher Bedarf", "hoher Bedarf"],
    5: ["sehr geringer Bedarf", "geringer Bedarf", "mittlerer Bedarf", "hoher Bedarf", "sehr hoher Bedarf"],
    6: [
        "sehr geringer Bedarf",
        "geringer Bedarf",
        "eher geringer Bedarf",
        "eher hoher Bedarf",
        "hoher Bedarf",
        "sehr hoher Bedarf",
    ],
    7: [
        "sehr geringer Bedarf",
        "geringer Bedarf",
        "eher geringer Bedarf",
        "mittlerer Bedarf",
        "eher hoher Bedarf",
        "hoher Bedarf",
        "sehr hoher Bedarf",
    ],
}


def mss_words(code: object) -> str:
    """'niedrig / negativ' for the combined MSS class 35 ('' for a code that is none)."""
    try:
        c = int(code)  # type: ignore[call-overload]  # typeshed's int() takes no object; its TypeError is caught
        return f"{BERLIN_STATUS_NAMES[c // 10]} / {BERLIN_DYNAMICS_NAMES[c % 10]}"
    except (KeyError, TypeError, ValueError):
        return ""


def need_words(n: int) -> list[str]:
    """The words of n classes of a general index ('Klasse k von n' beyond seven classes)."""
    return list(NEED_WORDS.get(n) or [f"Klasse {k} von {n}" for k in range(1, n + 1)])


def berlin_mss_classes(with_dynamics: bool = True) -> tuple[str, list[int], dict[int, str]]:
    """(class field, classes, labels) of the Berlin MSS map: the 12 combined classes in words ('hoch / positiv'
    ... 'sehr niedrig / negativ') with dynamics indicators, else the 4 status classes ('hoch' ...)."""
    if not with_dynamics:
        return "si_class", [1, 2, 3, 4], dict(BERLIN_STATUS_LABELS)
    classes = [10 * s + d for s in (1, 2, 3, 4) for d in (1, 3, 5)]
    return "mss_class", classes, {c: mss_words(c) for c in classes}


def iod_domains(
    domain_lists: Mapping[str, Sequence[str]] | None,
    fields: Iterable[str],
    domain_weights: Mapping[str, float] | None = None,
) -> tuple[dict[str, str], dict[str, float]]:
    """The IoD preset's domains -> score field and their weights, checked.

    ``domain_lists``: domain -> [score field] as parsed from the parameter (empty: each field is its own
    domain); ``domain_weights``: domain -> weight (empty: equal weights; given: missing domains weigh 0).
    """
    if domain_lists:
        multi = {d: fs for d, fs in domain_lists.items() if len(fs) != 1}
        if multi:
            d, fs = next(iter(multi.items()))
            raise InputError(
                tr(
                    "IoD: each domain takes exactly one score field; domain '{domain}' has {fields}. Build the "
                    "domain scores first (e.g. with the general index per domain).",
                    domain=d,
                    fields=", ".join(fs),
                )
            )
        domains = {d: fs[0] for d, fs in domain_lists.items()}
    else:
        domains = {f: f for f in fields}
    domain_weights = dict(domain_weights or {})
    for d, w in domain_weights.items():
        if d not in domains:
            raise InputError(
                tr(
                    "Domain '{domain}' has a weight but no score field (domains: {domains}).",
                    domain=d,
                    domains=", ".join(domains),
                )
            )
        if w < 0:
            raise InputError(tr("Domain '{domain}': weight {weight} is negative.", domain=d, weight=w))
    if domain_weights and sum(domain_weights.get(d, 0.0) for d in domains) <= 0:
        raise InputError(tr("The domain weights sum to 0; give at least one domain a positive weight."))
    weights = {d: domain_weights.get(d, 0.0 if domain_weights else 1.0) for d in domains}
    return domains, weights


# --------------------------------------------------------------------------------------------------
# what a preset needs, checked before a run (the compositeindex algorithm words the messages)

#: Berlin MSS: units with fewer residents leave the reference (the published rule).
MSS_MIN_RESIDENTS = 300
#: Field names (lower case) that are a residents count, tried in this order with the indicators' year.
RESIDENTS_IDS = ("einwohner", "ew", "residents", "population")
#: A field named like a rank (1 = most deprived): a higher number is less need.
RANK_PATTERN = re.compile(r"(^|_)(rank|rang)(_|$)", re.IGNORECASE)
#: German and English spellings of the IoD domains (for a domain named in either language).
IOD_SYNONYMS = {
    "income": ("income", "einkommen"),
    "employment": ("employment", "beschaeftigung", "beschäftigung", "erwerb", "arbeit"),
    "education": ("education", "bildung", "education_skills_training"),
    "health": ("health", "gesundheit", "health_deprivation_disability"),
    "crime": ("crime", "kriminalitaet", "kriminalität"),
    "barriers": ("barriers", "barrieren", "barriers_to_housing_services", "wohnen"),
    "living_environment": ("living_environment", "wohnumfeld", "umwelt"),
}


def guess_residents(fields: Iterable[str], names: Iterable[str]) -> str | None:
    """The residents field among ``names`` for the year of the first indicator field with a year
    ('einwohner_2025' for 'sgb2_quote_2025'; core.fields.split_year), else a field named like a residents id
    without a year (any case); None when there is none."""
    years = [y for f in fields for y in [split_year(f)[1]] if y is not None]
    lower = {n.lower(): n for n in names}
    for rid in RESIDENTS_IDS:
        for year in years[:1]:
            if f"{rid}_{year}" in lower:
                return lower[f"{rid}_{year}"]
        if rid in lower:
            return lower[rid]
    return None


def looks_like_rank(field: str) -> bool:
    """A field named like a rank ('imd_rank', 'Rang_2019'), where 1 is the most deprived unit."""
    return bool(RANK_PATTERN.search(field))


def iod_domain(name: str) -> str | None:
    """The IoD domain a domain or field name stands for ('Einkommen' -> 'income', 'imd_bildung_score' ->
    'education'), or None."""
    text = name.lower()
    for domain, words in IOD_SYNONYMS.items():
        if text in words:
            return domain
    for domain, words in IOD_SYNONYMS.items():
        if any(re.search(rf"(^|_){re.escape(w)}(_|$)", text) for w in words):
            return domain
    return None


def match_iod_domains(domains: Iterable[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """The published IoD domains of the given domain names: ({name: IoD domain}, names that are none of them,
    IoD domains named more than once (sorted))."""
    matched: dict[str, str] = {}
    unknown: list[str] = []
    for d in domains:
        hit = iod_domain(d)
        if hit is None:
            unknown.append(d)
        else:
            matched[d] = hit
    hits = list(matched.values())
    doubles = sorted({h for h in hits if hits.count(h) > 1})
    return matched, unknown, doubles


# --------------------------------------------------------------------------------------------------
# small helpers


def plugin_version() -> str:
    """Version from the plugin's metadata.txt (the one place for it), 'unknown' if not readable."""
    meta = Path(__file__).resolve().parents[1] / "metadata.txt"
    try:
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.strip().lower().startswith("version="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def safe_name(text: str) -> str:
    """Field-name friendly form of a domain name ('Armut & Arbeit' -> 'armut_arbeit')."""
    t = str(text).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    t = re.sub(r"[^a-z0-9]+", "_", t).strip("_")
    return t or "domain"


def _jsonable(obj):
    """Turn numpy scalars/arrays and tuples into plain JSON types (for the method record)."""
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return [_jsonable(v) for v in obj.tolist()]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating, float)):
        f = float(obj)
        return None if math.isnan(f) else f
    if isinstance(obj, np.bool_):
        return bool(obj)
    return obj


def indicator_column(data: pd.DataFrame, fld: str, what: str | None = None) -> pd.Series:
    """The numbers of a field; text that is no number is refused, never read as missing.

    Numbers stored as text are read ('4.4', '12,5'); empty text and NULL are missing. Any other text ('531 EW',
    'hoch', '.') is an InputError naming the field, how many units and the first of them (by the key in
    ``data.attrs['unit_key']`` or a labelled index, else by row) with their values. ``what`` names the role
    of the field in the message (translated by the caller; default: "indicator").
    """
    what = tr("indicator") if what is None else what
    if fld not in data.columns:
        avail = ", ".join(map(str, list(data.columns)[:40]))
        raise InputError(
            tr(
                "Field '{field}' for {what} not found in the data. Available fields: {available}.",
                field=fld,
                what=what,
                available=avail,
            ),
            column=fld,
        )
    col = data[fld]
    x = pd.to_numeric(col, errors="coerce").astype(float)
    if col.dtype != object:
        return x
    todo = x.isna() & col.map(lambda v: isinstance(v, str) and bool(v.strip()) and v.strip().upper() != "NULL")
    if not todo.any():
        return x
    bad = []
    for i in np.flatnonzero(todo.to_numpy()):
        v = number_from_text(col.iat[i])
        if v is None:
            bad.append(i)
        else:
            x.iat[i] = v
    if not bad:
        return x
    text = [col.iat[i] for i in bad]
    if len(bad) == int(col.map(lambda v: not is_missing(v)).sum()):
        raise InputError(
            tr(
                "Field '{field}' for {what} holds text, not numbers (e.g. '{example}'). Choose a numeric field, "
                "or convert this one (field calculator: to_real()) after removing units such as 'EW'.",
                field=fld,
                what=what,
                example=text[0],
            ),
            column=fld,
        )
    examples = ", ".join(f"{_unit_label(data, i)}: {quote(col.iat[i])}" for i in bad[:3])
    more = tr(" and {n} more", n=len(bad) - 3) if len(bad) > 3 else ""
    raise InputError(
        tr(
            "Field '{field}' for {what}: {n} of {total} units hold text that is no number ({examples}{more}). "
            "They would be read as missing and left out without a word. Correct the values (a number, or "
            "empty/NULL where no value is known; remove units such as 'EW') and run again.",
            field=fld,
            what=what,
            n=len(bad),
            total=len(col),
            examples=examples,
            more=more,
        ),
        column=fld,
    )


def _unit_label(data, i):
    """How a message names row i of data: its key, its index label, or its row number."""
    key = data.attrs.get("unit_key") if hasattr(data, "attrs") else None
    if key and key in data.columns:
        return tr("unit '{unit}'", unit=data[key].iat[i])
    if not isinstance(data.index, pd.RangeIndex):
        return tr("unit '{unit}'", unit=data.index[i])
    return tr("row {n}", n=i + 1)


def unit_keys(data: pd.DataFrame, key: str | None) -> pd.Series:
    if key is None:
        return pd.Series(data.index.astype(str), index=data.index)
    if key not in data.columns:
        raise InputError(tr("Key field '{key}' not found in the data.", key=key), column=key)
    return data[key].astype(str)


def reference_mask(
    data: pd.DataFrame,
    *,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
) -> pd.Series:
    """True for units that enter the reference statistics (mean, SD, min/max, ranks).

    Excluded: residents_field < min_residents (missing residents count as excluded), a truthy value in
    exclude_flag_field (1, true, 'ja', 'x' ...), or a key listed in exclude_keys.
    """
    mask = pd.Series(True, index=data.index)
    if min_residents is not None:
        if residents_field is None:
            raise InputError(tr("min_residents is given but no residents field; name the residents field."))
        ew = indicator_column(data, residents_field, tr("residents"))
        mask &= ew.fillna(-np.inf) >= float(min_residents)
    if exclude_flag_field:
        if exclude_flag_field not in data.columns:
            raise InputError(
                tr("Exclusion flag field '{field}' not found in the data.", field=exclude_flag_field),
                column=exclude_flag_field,
            )
        flag = data[exclude_flag_field]

        def truthy(v):
            if v is None or (isinstance(v, float) and math.isnan(v)):
                return False
            if isinstance(v, str):
                return v.strip().lower() in ("1", "true", "ja", "yes", "x", "j", "y", "wahr")
            return bool(v)

        mask &= ~flag.map(truthy).astype(bool)
    if exclude_keys:
        keys = unit_keys(data, key)
        mask &= ~keys.isin([str(k) for k in exclude_keys])
    return mask


def _rank_desc(values, mask):
    """Rank 1 = highest value among units in mask with a value; others <NA>."""
    v = values.where(mask)
    r = v.rank(ascending=False, method="min")
    return r.astype("Int64")


# --------------------------------------------------------------------------------------------------
# indicator specification


@dataclass
class IndicatorSpec:
    """One indicator of an index: field, direction, domain, weight and optional treatment."""

    field: str
    direction: str = "higher_worse"
    domain: str = "index"
    weight: float | None = None
    id: str | None = None
    transform: str | None = None  # None | 'log'
    log_offset: float = 0.0
    goalposts: tuple | None = None  # (lower, upper) in indicator units, for 'goalposts'
    reference_value: float | None = None  # for 'distance'

    @classmethod
    def coerce(cls, item: IndicatorSpec | str | dict[str, object]) -> IndicatorSpec:
        if isinstance(item, IndicatorSpec):
            return item
        if isinstance(item, str):
            return cls(field=item)
        if isinstance(item, dict):
            d: dict[str, Any] = dict(item)
            if "field" not in d:
                raise InputError(tr("Indicator entry {item!r} has no 'field'.", item=item))
            known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
            unknown = set(d) - set(known)
            if unknown:
                raise InputError(
                    tr(
                        "Indicator '{field}': unknown setting(s) {settings}.",
                        field=d["field"],
                        settings=sorted(unknown),
                    )
                )
            if known.get("goalposts") is not None:
                known["goalposts"] = tuple(known["goalposts"])
            return cls(**known)
        raise InputError(tr("Cannot read indicator entry {item!r}; give a field name or a dict.", item=item))

    def as_dict(self) -> dict[str, object]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        if d["goalposts"] is not None:
            d["goalposts"] = list(d["goalposts"])
        return _jsonable(d)


def indicators_from_catalogue(
    fields: Iterable[str],
    catalogue: Catalogue | Mapping[str, Indicator] | Iterable[Indicator] | None = None,
    *,
    year: int | None = None,
    directions: Mapping[str, str] | None = None,
    domains: Mapping[str, str] | None = None,
    weights: Mapping[str, float] | None = None,
) -> list[IndicatorSpec]:
    """Build indicator specs from field names, taking polarity from the catalogue where known.

    A field 'sgb2_quote_2025' matches catalogue id 'sgb2_quote' (year suffix or ``year``). ``directions``
    overrides the catalogue, e.g. for neutral indicators. ``catalogue`` is any object with an
    ``indicators`` mapping/list of objects with ``id`` and ``polarity`` (core.catalogue.Catalogue).
    """
    directions = dict(directions or {})
    domains = dict(domains or {})
    weights = dict(weights or {})
    lookup = {}
    if catalogue is not None:
        inds: Any = getattr(catalogue, "indicators", catalogue)
        items = inds.values() if isinstance(inds, dict) else inds
        for ind in items:
            lookup[str(ind.id)] = ind
    specs = []
    for fld in fields:
        ind_id = fld
        base, fld_year = split_year(fld)
        if fld not in lookup and fld_year is not None and base in lookup:
            ind_id = base
        elif year is not None and fld.endswith(f"_{year}"):
            ind_id = fld[: -len(str(year)) - 1]
        ind = lookup.get(ind_id)
        direction = directions.get(fld, directions.get(ind_id))
        if direction is None:
            direction = getattr(ind, "polarity", None) if ind is not None else None
        if direction is None:
            direction = "higher_worse"
        dom = domains.get(fld, domains.get(ind_id))
        if dom is None and ind is not None:
            afs = getattr(ind, "action_fields", None) or []
            dom = afs[0] if afs else None
        specs.append(
            IndicatorSpec(
                field=fld,
                id=ind_id,
                direction=direction,
                domain=dom or "index",
                weight=weights.get(fld, weights.get(ind_id)),
            )
        )
    return specs


# --------------------------------------------------------------------------------------------------
# normalisation


def orientation(spec: IndicatorSpec) -> float:
    if spec.direction not in DIRECTIONS:
        raise InputError(
            tr(
                "Indicator '{field}': direction '{direction}' unknown; use 'higher_worse' or 'higher_better'.",
                field=spec.field,
                direction=spec.direction,
            )
        )
    if spec.direction == "neutral":
        raise InputError(
            tr(
                "Indicator '{field}' is neutral (context) in the catalogue; it cannot enter "
                "an index without an explicit direction. Give 'higher_worse' or 'higher_better' "
                "for it, or leave it out.",
                field=spec.field,
            )
        )
    return 1.0 if spec.direction == "higher_worse" else -1.0


def treat(
    values: pd.Series, spec: IndicatorSpec, ref: pd.Series, *, winsorise: Mapping[str, Any] | None = None
) -> tuple[pd.Series, tuple[float, float] | None]:
    """Optional log transform and winsorisation (limits from reference units) of raw values."""
    x = values.copy()
    if spec.transform == "log":
        shifted = x + float(spec.log_offset or 0.0)
        if (shifted.dropna() <= 0).any():
            raise InputError(
                tr(
                    "Indicator '{field}': log transform needs values > 0 (after offset "
                    "{offset}); set log_offset or drop the transform.",
                    field=spec.field,
                    offset=spec.log_offset,
                )
            )
        x = np.log(shifted)
    elif spec.transform not in (None, "", "none"):
        raise InputError(
            tr(
                "Indicator '{field}': unknown transform '{transform}' (use 'log').",
                field=spec.field,
                transform=spec.transform,
            )
        )
    limits = None
    if winsorise:
        method = winsorise.get("method", "sd")
        r = x[ref].dropna()
        if method == "sd":
            k = float(winsorise.get("limit", 3.0))
            mu, sd = r.mean(), r.std(ddof=int(winsorise.get("ddof", 0)))
            limits = (mu - k * sd, mu + k * sd)
        elif method == "percentile":
            p = float(winsorise.get("limit", 5.0))
            limits = (float(np.percentile(r, p)), float(np.percentile(r, 100 - p)))
        else:
            raise InputError(tr("Unknown winsorisation method '{method}' (use 'sd' or 'percentile').", method=method))
        x = x.clip(lower=limits[0], upper=limits[1])
    return x, limits


def normalise(
    values: pd.Series | ArrayLike,
    method: str = "zscore",
    *,
    direction: str = "higher_worse",
    ref: pd.Series | ArrayLike | None = None,
    ddof: int = 0,
    goalposts: Sequence[float] | None = None,
    reference_value: float | None = None,
    fixed: Mapping[str, Any] | None = None,
    name: str = "indicator",
) -> tuple[pd.Series, dict[str, object]]:
    """Normalise one indicator so that higher = more need. Returns (series, statistics dict).

    zscore: s*(x - mean)/SD; minmax: 100*(x' - min x')/(max x' - min x') with x' = s*x;
    goalposts: like minmax with fixed (lower, upper); rank: mid-rank among reference units (1..n);
    percentile: 100 * mid-rank share below among reference units; distance: 100*s*(x - ref)/|ref|.
    s = +1 for higher_worse, -1 for higher_better. Statistics come from reference units only, or from
    ``fixed`` (e.g. a base year's mean and sd) so that several years stay comparable.
    """
    s = 1.0 if direction == "higher_worse" else -1.0
    if direction not in ("higher_worse", "higher_better"):
        orientation(IndicatorSpec(field=name, direction=direction))
    x = pd.to_numeric(pd.Series(values), errors="coerce").astype(float)
    ref = pd.Series(True, index=x.index) if ref is None else pd.Series(ref, index=x.index).astype(bool)
    r = x[ref].dropna()
    if x.notna().sum() == 0:
        raise InputError(tr("Indicator '{name}' has no values at all (all missing); drop it or fill it.", name=name))
    if len(r) == 0 and not fixed:
        raise InputError(
            tr("Indicator '{name}' has no values in the reference units; check the exclusions.", name=name)
        )
    stats: dict[str, object] = {"n_ref": int(len(r))}
    fixed = dict(fixed or {})
    if method == "zscore":
        mean = float(fixed.get("mean", r.mean()))
        sd = float(fixed.get("sd", r.std(ddof=ddof) if len(r) > ddof else float("nan")))
        if not sd > 0:
            raise InputError(
                tr(
                    "Indicator '{name}' is constant over the reference units (SD 0); it cannot "
                    "be z-standardised. Drop it from the index.",
                    name=name,
                )
            )
        stats.update(mean=mean, sd=sd, ddof=ddof)
        out = s * (x - mean) / sd
    elif method in ("minmax", "goalposts"):
        if method == "goalposts":
            if goalposts is None:
                raise InputError(
                    tr(
                        "Indicator '{name}': normalisation 'goalposts' needs goalposts (lower, upper) in "
                        "indicator units.",
                        name=name,
                    )
                )
            lo, hi = float(goalposts[0]), float(goalposts[1])
        else:
            lo = float(fixed.get("min", r.min()))
            hi = float(fixed.get("max", r.max()))
        if not hi > lo:
            raise InputError(
                tr(
                    "Indicator '{name}' is constant over the reference units (min = max = {value}) "
                    "or its goalposts are not ascending; drop it or fix the goalposts.",
                    name=name,
                    value=lo,
                )
            )
        stats.update(min=lo, max=hi)
        out = 100.0 * (x - lo) / (hi - lo)
        if s < 0:
            out = 100.0 - out
    elif method in ("rank", "percentile"):
        if "sorted" in fixed:
            srt = np.asarray(fixed["sorted"], dtype=float)
        else:
            srt = np.sort((s * r).to_numpy())
        if len(srt) > 1 and srt[0] == srt[-1]:
            raise InputError(
                tr(
                    "Indicator '{name}' is constant over the reference units; ranks carry no "
                    "information. Drop it from the index.",
                    name=name,
                )
            )
        xv = (s * x).to_numpy()
        left = np.searchsorted(srt, xv, side="left")
        right = np.searchsorted(srt, xv, side="right")
        below = (left + right) / 2.0
        val = below + 0.5 if method == "rank" else 100.0 * below / len(srt)
        out = pd.Series(np.where(np.isnan(xv), np.nan, val), index=x.index)
        stats.update(n_ref=int(len(srt)))
    elif method == "distance":
        rv = reference_value if reference_value is not None else fixed.get("reference_value")
        if rv is None:
            rv = float(r.mean())
        rv = float(rv)
        if rv == 0:
            raise InputError(
                tr(
                    "Indicator '{name}': reference value 0; 'distance' (per cent deviation) "
                    "needs a non-zero reference value.",
                    name=name,
                )
            )
        if len(r) > 1 and r.min() == r.max():
            raise InputError(tr("Indicator '{name}' is constant over the reference units; drop it.", name=name))
        stats.update(reference_value=rv)
        out = s * 100.0 * (x - rv) / abs(rv)
    else:
        raise InputError(
            tr(
                "Unknown normalisation '{method}'; use one of {methods}.",
                method=method,
                methods=", ".join(NORMALISATIONS),
            )
        )
    return out, stats


# --------------------------------------------------------------------------------------------------
# weights and aggregation


def pca_first_component(matrix: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, float, int]:
    """First principal component of the correlation matrix of the columns (complete rows only).

    Returns (coefficients v with sum(v) > 0, loadings v*sqrt(lambda), explained share lambda/k, n rows).
    """
    m = matrix.dropna()
    k = matrix.shape[1]
    if k == 1:
        return np.array([1.0]), np.array([1.0]), 1.0, len(m)
    if len(m) < k + 1:
        raise InputError(
            tr(
                "PCA weights need more complete units than indicators ({n} complete units "
                "for {k} indicators: {indicators}).",
                n=len(m),
                k=k,
                indicators=", ".join(map(str, matrix.columns)),
            )
        )
    corr = np.corrcoef(m.to_numpy(dtype=float), rowvar=False)
    if not np.all(np.isfinite(corr)):
        raise InputError(
            tr(
                "PCA weights: an indicator is constant in the complete units ({indicators}).",
                indicators=", ".join(map(str, matrix.columns)),
            )
        )
    vals, vecs = np.linalg.eigh(corr)
    lam = float(vals[-1])
    v = vecs[:, -1]
    if v.sum() < 0:
        v = -v
    return v, v * math.sqrt(max(lam, 0.0)), lam / k, len(m)


def aggregate(
    matrix: pd.DataFrame | ArrayLike, weights: ArrayLike, *, method: str = "arithmetic", shift: float = 0.0
) -> np.ndarray:
    """Weighted mean over the available columns per row (weights re-normalised over non-missing).

    arithmetic: sum(w x)/sum(w); geometric: exp(sum(w ln(x + shift))/sum(w)) - shift.
    """
    X = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    ok = np.isfinite(X)
    W = np.where(ok, w[None, :], 0.0)
    ws = W.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "arithmetic":
            num = np.where(ok, X, 0.0) * W
            out = num.sum(axis=1) / ws
        elif method == "geometric":
            Y = np.where(ok, X + shift, 1.0)
            if np.any(Y[ok] <= 0):
                raise InputError(
                    tr(
                        "Geometric aggregation needs values > 0 after the shift; increase geometric_shift "
                        "(now {shift}).",
                        shift=shift,
                    )
                )
            out = np.exp((np.log(Y) * W).sum(axis=1) / ws) - shift
        else:
            raise InputError(tr("Unknown aggregation '{method}'; use 'arithmetic' or 'geometric'.", method=method))
    out[ws == 0] = np.nan
    return out


# --------------------------------------------------------------------------------------------------
# result


@dataclass
class IndexResult:
    """Output of an index computation: per-unit frame, normalised indicators, method record."""

    frame: pd.DataFrame
    record: dict
    normalised: pd.DataFrame | None = None
    warnings: list = field(default_factory=list)

    @property
    def value_field(self) -> str | None:
        return self.record.get("output", {}).get("value_field")


def stamp_record(record: dict[str, object], catalogue_version: str | None = None) -> dict[str, object]:
    record["schema"] = RECORD_SCHEMA
    record["plugin_version"] = plugin_version()
    record["catalogue_version"] = catalogue_version
    record["created"] = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    return _jsonable(record)


def _apply_classification(frame, value_col, prefix, classification, ref, warnings):
    if not classification:
        return None
    c = dict(classification)
    method = c.pop("method", "quantile")
    try:
        res = _classify.classify(frame[value_col].where(ref), method, reference=ref, **c)
    except TypeError as exc:
        raise InputError(tr("Classification settings not understood: {error}", error=exc)) from exc
    frame[f"{prefix}_class"] = res.classes
    rec = res.record()
    if not c.get("names"):  # classes in words ('hoher Bedarf'); the limits stay in the record
        words = need_words(len(res.breaks) + 1)
        frame[f"{prefix}_label"] = res.classes.map(lambda k: "" if pd.isna(k) else words[int(k) - 1]).astype(object)
        rec["range_labels"] = rec["labels"]
        rec["labels"] = words
    else:
        frame[f"{prefix}_label"] = res.labels.astype(object)
    warnings.extend(res.warnings)
    rec.update({k: v for k, v in classification.items() if k not in ("breaks",)})
    rec["breaks"] = [float(b) for b in res.breaks]
    return rec


# --------------------------------------------------------------------------------------------------
# the general composite index


def compute_index(
    data: pd.DataFrame,
    indicators: Sequence[IndicatorSpec | str | dict[str, object]],
    *,
    normalisation: str = "zscore",
    ddof: int = 0,
    weighting: str = "equal",
    domain_weights: Mapping[str, float] | None = None,
    aggregation: str = "arithmetic",
    geometric_shift: float | str = "auto",
    rescale: str | None = None,
    min_share: float = 0.5,
    winsorise: Mapping[str, object] | None = None,
    fixed_stats: Mapping[str, Mapping[str, object]] | None = None,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    rank_excluded: bool = False,
    classification: Mapping[str, object] | None = None,
    prefix: str = "idx",
    catalogue_version: str | None = None,
) -> IndexResult:
    """Composite index over indicators grouped into domains (action fields).

    indicators: list of field names, dicts or :class:`IndicatorSpec` (field, direction, domain, weight,
    transform, goalposts, reference_value). Steps per indicator: log transform -> winsorise ->
    orient -> normalise (statistics from reference units). Domain score = weighted aggregation of its
    indicators, overall = weighted aggregation of domain scores, optionally rescaled ('z' or 'minmax').
    Units with fewer than ``min_share`` of the indicators get no index (flag 'insufficient_data').
    Units outside the reference (residents < min_residents, flag field, exclude_keys) still get values,
    but no rank/class unless ``rank_excluded`` (flag 'excluded').
    """
    params = dict(
        indicators=[IndicatorSpec.coerce(i).as_dict() for i in indicators],
        normalisation=normalisation,
        ddof=ddof,
        weighting=weighting,
        domain_weights=domain_weights,
        aggregation=aggregation,
        geometric_shift=geometric_shift,
        rescale=rescale,
        min_share=min_share,
        winsorise=winsorise,
        fixed_stats=fixed_stats,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
        rank_excluded=rank_excluded,
        classification=classification,
        prefix=prefix,
    )
    specs = [IndicatorSpec.coerce(i) for i in indicators]
    if not specs:
        raise InputError(tr("No indicators given for the index."))
    dup = {s.field for s in specs if [t.field for t in specs].count(s.field) > 1}
    if dup:
        raise InputError(tr("Indicator field(s) listed twice: {fields}.", fields=", ".join(sorted(dup))))
    if normalisation not in NORMALISATIONS:
        raise InputError(
            tr(
                "Unknown normalisation '{method}'; use one of {methods}.",
                method=normalisation,
                methods=", ".join(NORMALISATIONS),
            )
        )
    if aggregation not in AGGREGATIONS:
        raise InputError(tr("Unknown aggregation '{method}'; use 'arithmetic' or 'geometric'.", method=aggregation))
    if weighting not in WEIGHTINGS:
        raise InputError(tr("Unknown weighting '{weighting}'; use 'equal', 'given' or 'pca'.", weighting=weighting))
    if not 0 <= float(min_share) <= 1:
        raise InputError(
            tr(
                "min_share must be between 0 and 1 (a share of the indicators), got {min_share}.",
                min_share=min_share,
            )
        )
    if rescale not in (None, "none", "z", "minmax"):
        raise InputError(tr("Unknown rescale '{rescale}'; use None, 'z' or 'minmax'.", rescale=rescale))
    warnings = []
    ref = reference_mask(
        data,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    if ref.sum() == 0:
        raise InputError(
            tr(
                "All units are excluded from the reference (residents threshold or flag); nothing to standardise "
                "against."
            )
        )
    keys = unit_keys(data, key)

    # domains and weights ------------------------------------------------------------------------
    domains = []
    for s in specs:
        if s.domain not in domains:
            domains.append(s.domain)
    domain_weights = dict(domain_weights or {})
    for d in domain_weights:
        if d not in domains:
            raise InputError(
                tr(
                    "Domain '{domain}' has a weight but no indicator; assign indicators to it or remove its weight.",
                    domain=d,
                )
            )
    for d, dwt in domain_weights.items():
        if not np.isfinite(float(dwt)) or float(dwt) < 0:
            raise InputError(
                tr(
                    "Domain '{domain}': weight {weight} is negative or not a number; weights must be >= 0.",
                    domain=d,
                    weight=dwt,
                )
            )
    dw = np.array([float(domain_weights.get(d, 1.0)) for d in domains])
    if dw.sum() <= 0:
        raise InputError(tr("Domain weights sum to 0; give at least one domain a positive weight."))
    if weighting == "given":
        for s in specs:
            if s.weight is None:
                raise InputError(tr("Indicator '{field}' has no weight but weighting is 'given'.", field=s.field))
    for s in specs:
        if s.weight is not None and (not np.isfinite(float(s.weight)) or float(s.weight) < 0):
            raise InputError(
                tr(
                    "Indicator '{field}': weight {weight} is negative or not a number; weights must be >= 0.",
                    field=s.field,
                    weight=s.weight,
                )
            )

    # normalise each indicator --------------------------------------------------------------------
    norm = pd.DataFrame(index=data.index)
    stats_all = {}
    fixed_stats = dict(fixed_stats or {})
    for s in specs:
        orientation(s)
        x = indicator_column(data, s.field)
        if x.notna().sum() == 0:
            raise InputError(
                tr("Indicator '{field}' has no values at all (all missing); drop it.", field=s.field),
                column=s.field,
            )
        x, limits = treat(x, s, ref, winsorise=winsorise)
        z, st = normalise(
            x,
            normalisation,
            direction=s.direction,
            ref=ref,
            ddof=ddof,
            goalposts=s.goalposts,
            reference_value=s.reference_value,
            fixed=fixed_stats.get(s.field),
            name=s.field,
        )
        if limits is not None:
            st["winsor_limits"] = list(limits)
        stats_all[s.field] = st
        norm[s.field] = z

    # missing data ----------------------------------------------------------------------------------
    n_valid = norm.notna().sum(axis=1)
    share = n_valid / len(specs)
    enough = share >= float(min_share) - 1e-12

    # shift for the geometric mean ------------------------------------------------------------------
    shift = 0.0
    if aggregation == "geometric":
        if geometric_shift == "auto":
            mn = float(np.nanmin(norm.to_numpy(dtype=float)))
            shift = max(0.0, 1.0 - mn)
        else:
            shift = float(geometric_shift)

    # indicator weights within domains -----------------------------------------------------------
    weights_used, loadings = {}, {}
    dom_scores = pd.DataFrame(index=data.index)
    for d in domains:
        ds = [s for s in specs if s.domain == d]
        cols = [s.field for s in ds]
        if weighting == "pca":
            v, load, expl, n_used = pca_first_component(norm.loc[ref, cols])
            w = np.clip(v, 0, None)
            neg = [c for c, vv in zip(cols, v) if vv < 0]
            if neg:
                warnings.append(
                    tr(
                        "Domain '{domain}': negative PCA loading for {indicators} (the indicator runs "
                        "against the domain); its weight is set to 0. Check its direction.",
                        domain=d,
                        indicators=", ".join(neg),
                    )
                )
            if w.sum() <= 0:
                raise InputError(tr("Domain '{domain}': PCA gives no positive loading; use equal weights.", domain=d))
            w = w / w.sum()
            if len(cols) > 1 and w.max() > 2.0 / len(cols):
                big = cols[int(np.argmax(w))]
                warnings.append(
                    tr(
                        "Domain '{domain}': PCA weights are unbalanced ('{indicator}' has {share:.0%}, more "
                        "than twice an equal share).",
                        domain=d,
                        indicator=big,
                        share=w.max(),
                    )
                )
            loadings[d] = {
                "indicators": cols,
                "coefficients": v.tolist(),
                "loadings": load.tolist(),
                "explained_share": expl,
                "n_units": n_used,
            }
        elif weighting == "given":
            w = np.array([float(cast(float, s.weight)) for s in ds])  # each has a weight: checked above
        else:
            w = np.array([float(s.weight) if s.weight is not None else 1.0 for s in ds])
        if w.sum() <= 0:
            raise InputError(
                tr(
                    "Domain '{domain}': the indicator weights sum to 0 ({indicators}).",
                    domain=d,
                    indicators=", ".join(cols),
                )
            )
        w = w / w.sum()
        weights_used[d] = dict(zip(cols, w.tolist()))
        dom_scores[d] = aggregate(norm[cols].to_numpy(), w, method=aggregation, shift=shift)

    dwn = dw / dw.sum()
    overall = pd.Series(
        aggregate(dom_scores[domains].to_numpy(), dwn, method=aggregation, shift=shift), index=data.index
    )
    overall[~enough] = np.nan
    rescale_stats = None
    if rescale == "z":
        r = overall[ref].dropna()
        mu, sd = float(r.mean()), float(r.std(ddof=ddof))
        if not sd > 0:
            raise InputError(tr("The index is constant over the reference units; it cannot be z-rescaled."))
        overall = (overall - mu) / sd
        rescale_stats = {"mean": mu, "sd": sd}
    elif rescale == "minmax":
        r = overall[ref].dropna()
        lo, hi = float(r.min()), float(r.max())
        if not hi > lo:
            raise InputError(tr("The index is constant over the reference units; it cannot be rescaled."))
        overall = 100.0 * (overall - lo) / (hi - lo)
        rescale_stats = {"min": lo, "max": hi}

    # output frame -----------------------------------------------------------------------------------
    out = pd.DataFrame(index=data.index)
    if key is not None:
        out[key] = keys
    out[f"{prefix}_value"] = overall
    rankable = ref | bool(rank_excluded)
    out[f"{prefix}_rank"] = _rank_desc(overall, rankable)
    out[f"{prefix}_share"] = share
    flag = pd.Series("", index=data.index, dtype=object)
    flag[~ref] = "excluded"
    flag[~enough] = "insufficient_data"
    out[f"{prefix}_flag"] = flag
    dom_fields = {}
    for d in domains:
        fname = f"{prefix}_d_{safe_name(d)}"
        out[fname] = dom_scores[d].where(enough)
        dom_fields[d] = fname
    class_rec = _apply_classification(out, f"{prefix}_value", prefix, classification, rankable & enough, warnings)
    if (~enough).any():
        warnings.append(
            tr(
                "{n} unit(s) have fewer than {min_share:.0%} of the indicators "
                "and get no index (flag 'insufficient_data').",
                n=int((~enough).sum()),
                min_share=min_share,
            )
        )

    record: dict[str, object] = {
        "function": "compute_index",
        "params": params,
        "domains": domains,
        "domain_weights_used": dict(zip(domains, dwn.tolist())),
        "indicator_weights_used": weights_used,
        "reference_statistics": stats_all,
        "geometric_shift_used": shift,
        "rescale_statistics": rescale_stats,
        "pca": loadings or None,
        "exclusions": {
            "n_excluded": int((~ref).sum()),
            "excluded_keys": keys[~ref].tolist(),
            "n_insufficient": int((~enough).sum()),
        },
        "classification": class_rec,
        "output": {
            "value_field": f"{prefix}_value",
            "rank_field": f"{prefix}_rank",
            "class_field": f"{prefix}_class" if class_rec else None,
            "label_field": f"{prefix}_label" if class_rec else None,
            "flag_field": f"{prefix}_flag",
            "domain_fields": dom_fields,
        },
        "warnings": list(warnings),
    }
    return IndexResult(out, stamp_record(record, catalogue_version), norm, warnings)


# --------------------------------------------------------------------------------------------------
# preset 1: Berlin Monitoring Soziale Stadtentwicklung


def berlin_status_class(values: pd.Series | ArrayLike) -> pd.Series:
    """Berlin MSS status classes. Boundaries belong to the less extreme class:
    x < -1 -> 1 hoch; -1 <= x <= 1 -> 2 mittel; 1 < x <= 1.5 -> 3 niedrig; x > 1.5 -> 4 sehr niedrig."""
    x = pd.to_numeric(pd.Series(values), errors="coerce")
    cls = np.select([x < -1, x <= 1, x <= 1.5, x > 1.5], [1, 2, 3, 4], default=0)
    out = pd.Series(cls, index=x.index, dtype="Int64")
    out[x.isna()] = pd.NA
    return out


def berlin_dynamics_class(values: pd.Series | ArrayLike) -> pd.Series:
    """Berlin MSS dynamics classes: x < -1 -> 1 positiv; -1 <= x <= 1 -> 3 stabil; x > 1 -> 5 negativ."""
    x = pd.to_numeric(pd.Series(values), errors="coerce")
    cls = np.select([x < -1, x <= 1, x > 1], [1, 3, 5], default=0)
    out = pd.Series(cls, index=x.index, dtype="Int64")
    out[x.isna()] = pd.NA
    return out


def _zsum_index(data, fields, directions, ref, ddof, min_share):
    """Sum of indicator z-values, itself z-standardised over the reference units (Berlin MSS)."""
    zs = pd.DataFrame(index=data.index)
    stats = {}
    for f in fields:
        spec = IndicatorSpec(field=f, direction=directions.get(f, "higher_worse"))
        orientation(spec)
        x = indicator_column(data, f)
        z, st = normalise(x, "zscore", direction=spec.direction, ref=ref, ddof=ddof, name=f)
        zs[f] = z
        stats[f] = st
    n_valid = zs.notna().sum(axis=1)
    enough = (n_valid / len(fields)) >= float(min_share) - 1e-12
    # a unit with some indicators missing: mean of its z-values times the number of indicators
    total = zs.mean(axis=1) * len(fields)
    total[~enough] = np.nan
    r = total[ref & enough]
    mu, sd = float(r.mean()), float(r.std(ddof=ddof))
    if not sd > 0:
        raise InputError(
            tr("The sum of z-values of {fields} is constant over the valid units.", fields=", ".join(fields))
        )
    return (total - mu) / sd, zs, stats, {"mean": mu, "sd": sd}, enough


def berlin_mss(
    data: pd.DataFrame,
    status_fields: Sequence[str],
    dynamics_fields: Sequence[str] | None = None,
    *,
    directions: Mapping[str, str] | None = None,
    ddof: int = 0,
    min_share: float = 1.0,
    residents_field: str | None = None,
    min_residents: float | None = 300,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    catalogue_version: str | None = None,
) -> IndexResult:
    """Berlin 'Monitoring Soziale Stadtentwicklung': status and dynamics index with classes.

    Each indicator is z-standardised with mean and SD (population SD, ddof=0) over the valid units; the
    status index is the z-standardised sum of the status z-values, dynamics likewise. Status classes
    1..4, dynamics 1/3/5, combined 10*status + dynamics. Invalid units (residents < min_residents, flag,
    exclude_keys) do not enter mean or SD; they get index values but no class (flag 'excluded').
    """
    params = dict(
        status_fields=list(status_fields),
        dynamics_fields=list(dynamics_fields or []),
        directions=directions,
        ddof=ddof,
        min_share=min_share,
        residents_field=residents_field,
        min_residents=min_residents if residents_field else None,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    if not status_fields:
        raise InputError(tr("Berlin MSS preset: no status indicators given."))
    directions = dict(directions or {})
    ref = reference_mask(
        data,
        residents_field=residents_field,
        min_residents=min_residents if residents_field else None,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    if ref.sum() < 2:
        raise InputError(tr("Berlin MSS preset: fewer than two valid units after the exclusions."))
    keys = unit_keys(data, key)
    out = pd.DataFrame(index=data.index)
    if key is not None:
        out[key] = keys
    si, zs, st_s, resc_s, en_s = _zsum_index(data, list(status_fields), directions, ref, ddof, min_share)
    out["si_value"] = si
    out["si_rank"] = _rank_desc(si, ref)
    sc = berlin_status_class(si).where(ref)
    out["si_class"] = sc.astype("Int64")
    out["si_label"] = sc.map(lambda c: BERLIN_STATUS_LABELS.get(int(c), "") if pd.notna(c) else "")
    norm = zs
    rec_dyn = None
    if dynamics_fields:
        di, zd, st_d, resc_d, en_d = _zsum_index(data, list(dynamics_fields), directions, ref, ddof, min_share)
        out["di_value"] = di
        out["di_rank"] = _rank_desc(di, ref)
        dc = berlin_dynamics_class(di).where(ref)
        out["di_class"] = dc.astype("Int64")
        out["di_label"] = dc.map(lambda c: BERLIN_DYNAMICS_LABELS.get(int(c), "") if pd.notna(c) else "")
        comb = (10 * out["si_class"] + out["di_class"]).astype("Int64")
        out["mss_class"] = comb

        out["mss_label"] = comb.map(lambda c: "" if pd.isna(c) else mss_words(c)).astype(object)
        norm = pd.concat([zs, zd], axis=1)
        rec_dyn = {"reference_statistics": st_d, "sum_statistics": resc_d}
        enough = en_s & en_d
    else:
        enough = en_s
    flag = pd.Series("", index=data.index, dtype=object)
    flag[~ref] = "excluded"
    flag[~enough] = "insufficient_data"
    out["mss_flag"] = flag
    record: dict[str, object] = {
        "function": "berlin_mss",
        "preset": "berlin_mss",
        "params": params,
        "status": {"reference_statistics": st_s, "sum_statistics": resc_s},
        "dynamics": rec_dyn,
        "class_rules": {
            "status": "x < -1: 1 hoch; -1 <= x <= 1: 2 mittel; 1 < x <= 1.5: 3 niedrig; x > 1.5: 4 sehr niedrig",
            "dynamics": "x < -1: 1 positiv; -1 <= x <= 1: 3 stabil; x > 1: 5 negativ",
            "combined": "10 * status class + dynamics class",
        },
        "exclusions": {"n_excluded": int((~ref).sum()), "excluded_keys": keys[~ref].tolist()},
        "output": {
            "value_field": "si_value",
            "class_field": "mss_class" if dynamics_fields else "si_class",
            "label_field": "mss_label" if dynamics_fields else "si_label",
            "rank_field": "si_rank",
            "flag_field": "mss_flag",
        },
    }
    return IndexResult(out, stamp_record(record, catalogue_version), norm, [])


# --------------------------------------------------------------------------------------------------
# preset 2: English Indices of Deprivation, exponential transformation


def iod_exponential_transform(rank: ArrayLike, n: int, constant: float = IOD_CONSTANT) -> np.ndarray:
    """X = -C ln(1 - R (1 - exp(-100/C))), R = (n + 1 - rank)/n, rank 1 = most deprived -> X = 100."""
    R = (n + 1 - np.asarray(rank, dtype=float)) / n
    return -constant * np.log(1 - R * (1 - math.exp(-100.0 / constant)))


def iod_exponential(
    data: pd.DataFrame,
    domains: Mapping[str, str],
    *,
    weights: Mapping[str, float] | None = None,
    directions: Mapping[str, str] | None = None,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    n_deciles: int = 10,
    catalogue_version: str | None = None,
) -> IndexResult:
    """English IoD combination: rank each domain score, exponentially transform, weighted sum.

    domains: {domain name: field with the domain score}; higher = more deprived unless directions says
    'higher_better'. weights: {domain: weight} (any scale, normalised to sum 1), default equal.
    Ranks (1 = most deprived, ties share the average rank) and N are over the valid units; excluded units
    get X from their position among the valid units but no overall rank or decile.
    Deciles: ceil(10 * rank / N), decile 1 = the most deprived 10 %.
    """
    params = dict(
        domains=dict(domains),
        weights=weights,
        directions=directions,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
        n_deciles=n_deciles,
    )
    if not domains:
        raise InputError(tr("IoD preset: no domains given."))
    directions = dict(directions or {})
    weights = dict(weights or {d: 1.0 for d in domains})
    for d in weights:
        if d not in domains:
            raise InputError(tr("IoD preset: weight for domain '{domain}' but no field for it.", domain=d))
    w = np.array([float(weights.get(d, 0.0)) for d in domains])
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise InputError(tr("IoD preset: domain weights must be >= 0."))
    if w.sum() <= 0:
        raise InputError(tr("IoD preset: domain weights sum to 0."))
    w = w / w.sum()
    ref = reference_mask(
        data,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    keys = unit_keys(data, key)
    out = pd.DataFrame(index=data.index)
    if key is not None:
        out[key] = keys
    X = pd.DataFrame(index=data.index)
    for d, fld in domains.items():
        spec = IndicatorSpec(field=fld, direction=directions.get(d, directions.get(fld, "higher_worse")))
        s = orientation(spec)
        x = s * indicator_column(data, fld, tr("IoD domain '{domain}'", domain=d))
        if x[ref].notna().sum() == 0:
            raise InputError(
                tr("IoD domain '{domain}' (field '{field}') has no values in the valid units.", domain=d, field=fld)
            )
        srt = np.sort(x[ref].dropna().to_numpy())
        n = len(srt)
        if srt[0] == srt[-1]:
            raise InputError(
                tr(
                    "IoD domain '{domain}' (field '{field}') is constant; ranks carry no information.",
                    domain=d,
                    field=fld,
                )
            )
        xv = x.to_numpy()
        # rank 1 = largest value; average rank for ties, positioned among the valid units
        above = n - np.searchsorted(srt, xv, side="right")
        ties = np.searchsorted(srt, xv, side="right") - np.searchsorted(srt, xv, side="left")
        rank = above + (ties + 1) / 2.0
        rank = np.where(np.isnan(xv), np.nan, rank)
        col = f"iod_{safe_name(d)}"
        out[f"{col}_rank"] = rank
        X[d] = iod_exponential_transform(rank, n)
        out[f"{col}_x"] = X[d]
    complete = X.notna().all(axis=1)
    score = pd.Series((X.to_numpy() * w[None, :]).sum(axis=1), index=data.index).where(complete)
    out["iod_score"] = score
    rk = _rank_desc(score, ref & complete)
    out["iod_rank"] = rk
    nn = int((ref & complete).sum())
    dec = np.ceil(n_deciles * rk.astype(float) / nn)
    out["iod_decile"] = pd.Series(dec, index=data.index).astype("Int64")
    flag = pd.Series("", index=data.index, dtype=object)
    flag[~ref] = "excluded"
    flag[~complete] = "insufficient_data"
    out["iod_flag"] = flag
    record: dict[str, object] = {
        "function": "iod_exponential",
        "preset": "iod",
        "params": params,
        "weights_used": dict(zip(domains, w.tolist())),
        "constant": IOD_CONSTANT,
        "n_ranked": nn,
        "exclusions": {"n_excluded": int((~ref).sum()), "excluded_keys": keys[~ref].tolist()},
        "output": {
            "value_field": "iod_score",
            "rank_field": "iod_rank",
            "class_field": "iod_decile",
            "flag_field": "iod_flag",
        },
    }
    return IndexResult(out, stamp_record(record, catalogue_version), X, [])


# --------------------------------------------------------------------------------------------------
# preset 3: German Index of Socioeconomic Deprivation (RKI, GISD)


#: The RKI's published GISD class rule: quantiles of R type 9, a value on a break goes up (R's findInterval).
class _Quantiles(TypedDict):
    quantile_type: int
    closed: str


GISD_QUANTILES: _Quantiles = {"quantile_type": 9, "closed": "left"}


def gisd_rki_steps() -> dict[str, str]:
    """Steps of the published GISD (RKI, Michalski et al. 2022) this implementation does not make itself, in the
    user's language (they are reported in the log)."""
    return {
        "imputation": tr("imputation of missing indicator values (here a unit with a missing value gets no index)"),
        "log_incomes": tr("log of the income indicators"),
        "adjustments": tr(
            "the RKI's adjustments of the input data (time-consistent boundaries, deflated incomes, "
            "corrections of single values)"
        ),
    }


def _quantile_group(values, n, mask, quantile_type=7, closed="right"):
    """Quantile group 1..n over units in mask; 1 = lowest values. ``closed='left'``: a value on a break goes to
    the upper group (R's findInterval); ``'right'``: to the lower one."""
    v = values.where(mask)
    if closed == "left":
        # R: findInterval(x, quantile(x, 0:n/n, type), all.inside = TRUE): tied breaks are kept (a class may
        # stay empty), a value counts the breaks at or below it, the maximum falls into class n
        br = _classify.quantile_breaks(v, n, quantile_type)
        cls = _classify.assign_classes(values, br, closed="left").clip(upper=n)
    else:
        br = _classify.classify(v, "quantile", n, quantile_type=quantile_type).breaks
        cls = _classify.assign_classes(values, br, closed=closed)
    return cls.where(mask & values.notna()).astype("Int64"), br


def gisd(
    data: pd.DataFrame,
    dimensions: Mapping[str, Sequence[str]],
    *,
    directions: Mapping[str, str] | None = None,
    log_fields: Iterable[str] | None = None,
    population_field: str | None = None,
    residents_field: str | None = None,
    min_residents: float | None = None,
    exclude_flag_field: str | None = None,
    exclude_keys: Iterable[str | int] | None = None,
    key: str | None = None,
    catalogue_version: str | None = None,
    quantile_type: int = GISD_QUANTILES["quantile_type"],
    closed: str = GISD_QUANTILES["closed"],
    loadings: Mapping[str, float] | None = None,
) -> IndexResult:
    """GISD after RKI: per dimension a PCA (first component of the correlation matrix), component
    scores oriented towards deprivation and min-max scaled to 0..1, summed, and the sum scaled to 0..1.

    dimensions: {dimension: [fields]}; directions: {field: 'higher_worse'|'higher_better'} (default
    higher_worse); log_fields: fields logged first (incomes). Quintiles gisd_5 (1 = lowest deprivation),
    deciles gisd_10, groups gisd_k (1 = quintile 1, 2 = quintiles 2-4, 3 = quintile 5). Classes by default as
    published: R quantile type 9, a value on a break goes up (``quantile_type``, ``closed`` choose others).
    ``loadings``: {field: coefficient} instead of a fresh PCA for every dimension whose fields all have one
    (e.g. the coefficients of an earlier run's method record, so years stay comparable). The record lists the
    RKI steps not made here (``rki_steps_not_applied``).
    """
    params = dict(
        dimensions={k: list(v) for k, v in dimensions.items()},
        directions=directions,
        log_fields=list(log_fields or []),
        population_field=population_field,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
        quantile_type=quantile_type,
        closed=closed,
        loadings=dict(loadings) if loadings else None,
    )
    if not dimensions:
        raise InputError(tr("GISD preset: no dimensions given."))
    loadings = {str(k): float(v) for k, v in (loadings or {}).items()}
    unknown = sorted(set(loadings) - {f for fs in dimensions.values() for f in fs})
    if unknown:
        raise InputError(
            tr("GISD: fixed loadings for {fields}, which are not among the indicators.", fields=", ".join(unknown))
        )
    directions = dict(directions or {})
    log_fields = set(log_fields or [])
    ref = reference_mask(
        data,
        residents_field=residents_field,
        min_residents=min_residents,
        exclude_flag_field=exclude_flag_field,
        exclude_keys=exclude_keys,
        key=key,
    )
    keys = unit_keys(data, key)
    out = pd.DataFrame(index=data.index)
    if key is not None:
        out[key] = keys
    pca_rec, dim_scores = {}, pd.DataFrame(index=data.index)
    for dname, fields in dimensions.items():
        if not fields:
            raise InputError(tr("GISD dimension '{dimension}' has no indicator.", dimension=dname))
        Z = pd.DataFrame(index=data.index)
        signs = []
        for f in fields:
            spec = IndicatorSpec(
                field=f, direction=directions.get(f, "higher_worse"), transform="log" if f in log_fields else None
            )
            signs.append(orientation(spec))
            x = indicator_column(data, f)
            if x.notna().sum() == 0:
                raise InputError(tr("GISD indicator '{field}' has no values at all (all missing).", field=f), column=f)
            x, _ = treat(x, spec, ref)
            z, _ = normalise(x, "zscore", direction="higher_worse", ref=ref, ddof=1, name=f)
            Z[f] = z
        given = [f for f in fields if f in loadings]
        if given and len(given) < len(fields):
            missing = ", ".join(f for f in fields if f not in loadings)
            raise InputError(
                tr(
                    "GISD dimension '{dimension}': fixed loadings are given for {given} but not for {missing}. "
                    "Give a coefficient for every indicator of the dimension, or none (fresh PCA).",
                    dimension=dname,
                    given=", ".join(given),
                    missing=missing,
                )
            )
        fixed = bool(given)
        if fixed:
            v = np.array([loadings[f] for f in fields], dtype=float)
            ok_rows = Z[ref].dropna()
            load = np.array([float(np.corrcoef(ok_rows[f], ok_rows.to_numpy() @ v)[0, 1]) for f in fields])
            expl, n_used = None, len(ok_rows)
        else:
            v, load, expl, n_used = pca_first_component(Z[ref])
        sign = np.array(signs)
        if not fixed and float(np.dot(v, sign)) < 0:  # orient the component towards deprivation
            v, load = -v, -load
        against = [f for f, vv, s in zip(fields, v, sign) if vv * s < 0]
        score = pd.Series(Z.to_numpy() @ v, index=data.index)
        r = score[ref].dropna()
        lo, hi = float(r.min()), float(r.max())
        if not hi > lo:
            raise InputError(tr("GISD dimension '{dimension}': the component score is constant.", dimension=dname))
        dim_scores[dname] = (score - lo) / (hi - lo)
        out[f"gisd_{safe_name(dname)}"] = dim_scores[dname]
        pca_rec[dname] = {
            "indicators": list(fields),
            "coefficients": v.tolist(),
            "loadings": load.tolist(),
            "share_of_subscore": (np.abs(v) / np.abs(v).sum()).tolist(),
            "explained_share": expl,
            "n_units": n_used,
            "loadings_source": "given" if fixed else "pca",
            "score_min": lo,
            "score_max": hi,
            "against_direction": against,
        }
    total = dim_scores.sum(axis=1, skipna=False)
    r = total[ref].dropna()
    lo, hi = float(r.min()), float(r.max())
    score = (total - lo) / (hi - lo)
    out["gisd_score"] = score
    ok = ref & score.notna()
    out["gisd_5"], br5 = _quantile_group(score, 5, ok, quantile_type, closed)
    out["gisd_10"], br10 = _quantile_group(score, 10, ok, quantile_type, closed)
    k = out["gisd_5"].map(lambda q: pd.NA if pd.isna(q) else (1 if q == 1 else (3 if q == 5 else 2)))
    out["gisd_k"] = k.astype("Int64")
    flag = pd.Series("", index=data.index, dtype=object)
    flag[~ref] = "excluded"
    flag[score.isna()] = "insufficient_data"
    out["gisd_flag"] = flag
    record: dict[str, object] = {
        "function": "gisd",
        "preset": "gisd",
        "params": params,
        "pca": pca_rec,
        "sum_min": lo,
        "sum_max": hi,
        "quintile_breaks": br5,
        "decile_breaks": br10,
        "class_rule": {
            "quantile_type": quantile_type,
            "closed": closed,
            "published": quantile_type == GISD_QUANTILES["quantile_type"] and closed == GISD_QUANTILES["closed"],
        },
        "rki_steps_not_applied": [
            text for step, text in gisd_rki_steps().items() if not (step == "log_incomes" and log_fields)
        ],
        "exclusions": {"n_excluded": int((~ref).sum()), "excluded_keys": keys[~ref].tolist()},
        "output": {"value_field": "gisd_score", "class_field": "gisd_5", "flag_field": "gisd_flag"},
    }
    warn = [
        tr(
            "GISD dimension '{dimension}': {fields} load(s) against the stated direction.",
            dimension=d,
            fields=", ".join(p["against_direction"]),
        )
        for d, p in pca_rec.items()
        if p["against_direction"]
    ]
    record["warnings"] = warn
    return IndexResult(out, stamp_record(record, catalogue_version), dim_scores, warn)


def population_weighted(
    frame: pd.DataFrame, score_field: str, population_field: str, group_field: str, *, rescale: bool = True
) -> pd.DataFrame:
    """Aggregate a unit score to a higher level as the population-weighted mean (GISD upward step).

    Returns one row per group with the weighted mean, population, and (rescale) the score scaled to 0..1
    over the groups plus quintiles (1 = lowest).
    """
    for f in (score_field, population_field, group_field):
        if f not in frame.columns:
            raise InputError(
                tr("Field '{field}' not found for the population-weighted aggregation.", field=f), column=f
            )
    d = pd.DataFrame(
        {
            "g": frame[group_field].astype(str),
            "s": pd.to_numeric(frame[score_field], errors="coerce"),
            "p": pd.to_numeric(frame[population_field], errors="coerce"),
        }
    )
    d = d[d["s"].notna() & d["p"].notna()]
    if (d["p"] < 0).any():
        raise InputError(tr("Population field '{field}' has negative values.", field=population_field))
    d["sp"] = d["s"] * d["p"]
    agg = d.groupby("g").agg(sp=("sp", "sum"), p=("p", "sum"))
    res = pd.DataFrame(
        {group_field: agg.index, "population": agg["p"].to_numpy(), "score": (agg["sp"] / agg["p"]).to_numpy()}
    )
    if rescale and len(res) > 1:
        lo, hi = res["score"].min(), res["score"].max()
        if hi > lo:
            res["score_01"] = (res["score"] - lo) / (hi - lo)
            res["quintile"], _ = _quantile_group(res["score_01"], 5, res["score_01"].notna())
    return res


# --------------------------------------------------------------------------------------------------
# reference comparison


def reference_comparison(
    data: pd.DataFrame,
    value_field: str,
    *,
    municipality_field: str | None = None,
    numerator_field: str | None = None,
    denominator_field: str | None = None,
    multiplier: float = 100.0,
    county_value: float | None = None,
    ddof: int = 0,
) -> pd.DataFrame:
    """Each unit against the county and its own municipality: difference, ratio, z within municipality.

    Reference values are pooled rates sum(numerator)/sum(denominator)*multiplier when numerator and
    denominator fields are given (the true county rate), else the unweighted mean of the unit values.
    Absolute counts (numerator) are carried beside the rates.
    """
    v = indicator_column(data, value_field, tr("value"))
    out = pd.DataFrame(index=data.index)
    out[value_field] = v
    pooled = numerator_field is not None and denominator_field is not None
    if numerator_field is not None and denominator_field is not None:  # pooled
        num = indicator_column(data, numerator_field, tr("numerator"))
        den = indicator_column(data, denominator_field, tr("denominator"))
        out[f"{value_field}_count"] = num
        ok = num.notna() & den.notna()
        cval = (num[ok].sum() / den[ok].sum() * multiplier) if den[ok].sum() > 0 else np.nan
    else:
        cval = v.mean()
    if county_value is not None:
        cval = float(county_value)
    out["ref_county"] = cval
    out["diff_county"] = v - cval
    out["ratio_county"] = v / cval if cval else np.nan
    if municipality_field:
        if municipality_field not in data.columns:
            raise InputError(
                tr("Municipality field '{field}' not found.", field=municipality_field), column=municipality_field
            )
        g = data[municipality_field].astype(str)
        if pooled:
            okn = num.where(ok)
            okd = den.where(ok)
            mval = okn.groupby(g).transform("sum") / okd.groupby(g).transform("sum") * multiplier
        else:
            mval = v.groupby(g).transform("mean")
        msd = v.groupby(g).transform(lambda s: s.std(ddof=ddof))
        mmean = v.groupby(g).transform("mean")
        out["ref_municipality"] = mval
        out["diff_municipality"] = v - mval
        out["ratio_municipality"] = v / mval.replace(0, np.nan)
        out["z_municipality"] = (v - mmean) / msd.replace(0, np.nan)
    return out


# --------------------------------------------------------------------------------------------------
# provenance


def rerun_from_record(record: dict[str, Any], data: pd.DataFrame) -> IndexResult:
    """Recompute an index from its method record (same function, same parameters) on ``data``."""
    if not isinstance(record, dict) or record.get("schema") != RECORD_SCHEMA:
        raise InputError(tr("This is not a Sozialplanung index method record (schema missing or different)."))
    functions: dict[str, Callable[..., IndexResult]] = {
        "compute_index": compute_index,
        "berlin_mss": berlin_mss,
        "iod_exponential": iod_exponential,
        "gisd": gisd,
    }
    fn = functions.get(record.get("function", ""))
    if fn is None:
        raise InputError(tr("Method record names an unknown function '{function}'.", function=record.get("function")))
    params = dict(record["params"])
    params["catalogue_version"] = record.get("catalogue_version")
    if fn is compute_index:
        inds = params.pop("indicators")
        return fn(data, inds, **params)
    if fn is berlin_mss:
        st = params.pop("status_fields")
        dy = params.pop("dynamics_fields")
        return fn(data, st, dy, **params)
    if fn is iod_exponential:
        return fn(data, params.pop("domains"), **params)
    return fn(data, params.pop("dimensions"), **params)
