"""Social infrastructure: facility types, supply per area, reach per area, two-step floating catchments, gaps.

Why: councils ask what is offered where ("Bestandsaufnahme der Angebote"), who reaches it and where the gaps
are. Facility types are data (resources/facilities/default.yaml, checked against facilities.schema.json): each
names its target group, the base of its supply ratio and the thresholds planners use. Everything here is plain
arrays and DataFrames; the network costs come from core.network, the QGIS glue only reads and writes layers.

Output columns follow the indicator field contract (docs/architecture.md): per facility type t
- ``angebote_<t>``      facilities open at the reference date (count)
- ``kapazitaet_<t>``    their summed capacity (places, doctors, m² ...), flag 'incomplete' if some lack one
- ``versorgung_<t>``    supply ratio: capacity (or facilities) per ``per`` persons of the target group, with
  ``_num`` (capacity), ``_den`` (target group), ``_flag``, references ``_ref_county``/``_dev_county``/...
- ``distanz_<t>`` / ``zeit_<t>``   population-weighted mean cost to the nearest facility (m or min)
- ``distanz_p90_<t>`` / ``zeit_p90_<t>``   its population-weighted 90th percentile
- ``erreichbar_<t>``    share (%) of the target group within the type's threshold (``_num`` persons within)
- ``ausserhalb_<t>``    persons of the target group beyond the threshold (or not on the network)
- ``fca_<t>``           2SFCA supply index: capacity per ``per`` persons of the target group within reach
- ``luecke_<t>``        gap class (accessgaps): 3 need and poor access, 2 poor access, 1 need, 0 neither
and ``_<year>`` appended in wide layouts.
"""

from __future__ import annotations

import copy
import datetime as _dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .errors import InputError
from .fields import FLAG_INCOMPLETE, FLAG_MISSING, FLAG_NO_DENOMINATOR, to_finite_number
from .i18n import tr

FACILITIES_DIR = Path(__file__).resolve().parents[1] / "resources" / "facilities"
DEFAULT_FILE = FACILITIES_DIR / "default.yaml"
SCHEMA_FILE = FACILITIES_DIR / "facilities.schema.json"
DECAYS = ("none", "gaussian", "linear")
GAP_CODES = {3: "need_poor_access", 2: "poor_access", 1: "need_access_ok", 0: "ok"}
GAP_LABELS_DE = {
    3: "hoher Bedarf, schlechte Erreichbarkeit",
    2: "schlechte Erreichbarkeit",
    1: "hoher Bedarf, gut erreichbar",
    0: "unauffällig",
}


# --------------------------------------------------------------------------------------------------------
# facility types
# --------------------------------------------------------------------------------------------------------
@dataclass
class TargetGroup:
    id: str
    label: str
    variables: list
    estimate_from: list = field(default_factory=list)
    estimate_factor: float | None = None
    estimate_note: str = ""


@dataclass
class FacilityType:
    id: str
    name: str
    target: str
    per: float
    threshold_m: float
    short_name: str = ""
    aliases: list = field(default_factory=list)
    capacity: str = ""
    threshold_min: float | None = None
    catchment_m: float | None = None
    catchment_min: float | None = None
    guideline: float | None = None
    guideline_source: str = ""
    action_field: str = ""
    notes: str = ""
    topic: str = "Partizipation und Teilhabe"

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def threshold(self, mode: str) -> float:
        """Threshold in the unit of the cost mode: metres ('distance') or minutes ('time')."""
        if mode == "time":
            if self.threshold_min is None:
                raise InputError(
                    tr("Facility type '{type}' has no travel-time threshold (threshold_min).", type=self.id)
                )
            return float(self.threshold_min)
        return float(self.threshold_m)

    def catchment(self, mode: str) -> float:
        """Catchment of the floating catchment: catchment_m/_min, else the threshold."""
        value = self.catchment_min if mode == "time" else self.catchment_m
        return float(value) if value is not None else self.threshold(mode)


@dataclass
class FacilityTypes:
    types: dict
    target_groups: dict
    speeds_kmh: dict = field(default_factory=dict)
    walking_speed_kmh: float = 4.5
    version: str = ""
    name: str = ""
    origin: str = ""

    def lookup(self) -> dict:
        """Normalised text -> type id, from ids, names, short names and aliases."""
        out: dict[str, str] = {}
        for t in self.types.values():
            for text in [t.id, t.name, t.short_name, *t.aliases]:
                if text:
                    out.setdefault(_norm(text), t.id)
        return out

    def resolve(
        self, values: Sequence[object], *, field_name: str = "type", feature_ids: Iterable[object] | None = None
    ) -> np.ndarray:
        """Type id per facility from the values of its type field; an unknown or empty value is an error
        naming the values, the features and the types the file knows."""
        table = self.lookup()
        ids = np.array([table.get(_norm(v)) if v is not None else None for v in values], dtype=object)
        bad = np.flatnonzero(pd.isna(ids))
        if len(bad):
            fids = list(feature_ids) if feature_ids is not None else list(range(1, len(ids) + 1))
            unknown: dict[str, list[object]] = {}
            for i in bad:
                unknown.setdefault("" if values[i] is None else str(values[i]), []).append(fids[i])
            shown = "; ".join(
                tr(
                    "'{value}' (feature {features})",
                    value=v,
                    features=", ".join(map(str, f[:5])) + (" ..." if len(f) > 5 else ""),
                )
                for v, f in list(unknown.items())[:8]
            )
            raise InputError(
                tr(
                    "The facility type field '{field}' has value(s) that are no facility type of "
                    "{origin}: {shown}. Known types: {known}. Correct the values, add an alias to the facility "
                    "types file, or choose the types to use.",
                    field=field_name,
                    origin=self.origin or tr("the facility types file"),
                    shown=shown,
                    known=", ".join(f"{t.id} ({t.label})" for t in self.types.values()),
                ),
                column=field_name,
            )
        return ids.astype(str)


def _norm(text) -> str:
    s = str(text).strip().lower()
    s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return re.sub(r"[\s_\-./]+", "", s)


def load_facility_types(source: Path | str | dict[str, object] | None = None) -> FacilityTypes:
    """Facility types from a YAML file (default: the shipped resources/facilities/default.yaml) or a dict,
    checked like the JSON schema next to it (messages name the type and the key)."""
    from .catalogue import safe_yaml_load, yaml_error

    if isinstance(source, dict):
        data, origin = copy.deepcopy(source), "facility types"
    else:
        path = Path(source) if source else DEFAULT_FILE
        if not path.exists():
            raise InputError(tr("The facility types file {path} does not exist.", path=path), source=str(path))
        text = None
        try:
            text = path.read_text(encoding="utf-8")
            data = safe_yaml_load(text)
        except Exception as exc:  # yaml.YAMLError and decoding errors
            where, problem, line = yaml_error(exc, text)
            raise InputError(
                tr(
                    "The facility types file {path}{where} is not valid YAML: {problem}.",
                    path=path,
                    where=where,
                    problem=problem,
                ),
                source=str(path),
                row=line,
            ) from None
        origin = str(path)
    return _validate(data, origin)


_TYPE_KEYS = {
    "name": str,
    "short_name": str,
    "aliases": list,
    "target": str,
    "capacity": str,
    "per": float,
    "threshold_m": float,
    "threshold_min": float,
    "catchment_m": float,
    "catchment_min": float,
    "guideline": float,
    "guideline_source": str,
    "action_field": str,
    "notes": str,
    "topic": str,
}
_TOP_KEYS = {"id", "name", "version", "source", "walking_speed_kmh", "speeds_kmh", "target_groups", "types"}


def _validate(data, origin) -> FacilityTypes:
    def fail(msg):
        raise InputError(f"{origin}: {msg}", source=origin)

    if not isinstance(data, dict):
        fail(tr("the file must hold a mapping with 'target_groups' and 'types'."))
    extra = sorted(set(data) - _TOP_KEYS)
    if extra:
        fail(
            tr(
                "unknown key(s) {keys} at the top level (allowed: {allowed}).",
                keys=", ".join(extra),
                allowed=", ".join(sorted(_TOP_KEYS)),
            )
        )
    groups_raw = data.get("target_groups")
    if not isinstance(groups_raw, dict) or not groups_raw:
        fail(tr("'target_groups' must map target group ids to {label, variables}."))
    groups = {}
    for gid, g in groups_raw.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(gid)):
            fail(tr("target group id '{group}' must be lowercase letters, digits and '_'.", group=gid))
        if not isinstance(g, dict) or not g.get("label") or not g.get("variables"):
            fail(tr("target group '{group}' needs a 'label' and a list of 'variables'.", group=gid))
        variables = g["variables"] if isinstance(g["variables"], list) else [g["variables"]]
        est = g.get("estimate") or {}
        if est and (not est.get("from") or not _positive(est.get("factor"))):
            fail(tr("target group '{group}': 'estimate' needs 'from' (variables) and a 'factor' > 0.", group=gid))
        extra = sorted(set(g) - {"label", "variables", "estimate"})
        if extra:
            fail(tr("target group '{group}' has unknown key(s) {keys}.", group=gid, keys=", ".join(extra)))
        frm = est.get("from") or []
        groups[gid] = TargetGroup(
            id=gid,
            label=str(g["label"]),
            variables=[str(v) for v in variables],
            estimate_from=[str(v) for v in (frm if isinstance(frm, list) else [frm])],
            estimate_factor=float(est["factor"]) if est else None,
            estimate_note=str(est.get("note", "")) if est else "",
        )
    types_raw = data.get("types")
    if not isinstance(types_raw, dict) or not types_raw:
        fail(tr("'types' must map facility type ids to their definitions."))
    types = {}
    for tid, t in types_raw.items():
        if not re.fullmatch(r"[a-z][a-z0-9]*", str(tid)):
            fail(
                tr(
                    "facility type id '{type}' must be lowercase letters and digits (it becomes part of field names).",
                    type=tid,
                )
            )
        if not isinstance(t, dict):
            fail(tr("facility type '{type}' must be a mapping of keys.", type=tid))
        extra = sorted(set(t) - set(_TYPE_KEYS))
        if extra:
            fail(
                tr(
                    "facility type '{type}' has unknown key(s) {keys} (allowed: {allowed}).",
                    type=tid,
                    keys=", ".join(extra),
                    allowed=", ".join(_TYPE_KEYS),
                )
            )
        for req in ("name", "target", "per", "threshold_m"):
            if t.get(req) in (None, ""):
                fail(tr("facility type '{type}' lacks '{key}'.", type=tid, key=req))
        kw = {}
        for key, kind in _TYPE_KEYS.items():
            if key not in t or t[key] is None:
                continue
            val = t[key]
            if kind is float:
                if not _positive(val) and not (key == "guideline" and to_finite_number(val) == 0):
                    fail(
                        tr(
                            "facility type '{type}': '{key}' must be a number above 0 (is {value!r}).",
                            type=tid,
                            key=key,
                            value=val,
                        )
                    )
                val = float(val)
            elif kind is list:
                if not isinstance(val, list):
                    fail(tr("facility type '{type}': '{key}' must be a list.", type=tid, key=key))
                val = [str(v) for v in val]
            else:
                val = str(val)
            kw[key] = val
        if kw["target"] not in groups:
            fail(
                tr(
                    "facility type '{type}' names the target group '{group}', which 'target_groups' does not "
                    "define (defined: {defined}).",
                    type=tid,
                    group=kw["target"],
                    defined=", ".join(groups),
                )
            )
        types[str(tid)] = FacilityType(id=str(tid), **kw)
    speeds = data.get("speeds_kmh") or {}
    if not isinstance(speeds, dict) or any(not (_positive(v) or to_finite_number(v) == 0) for v in speeds.values()):
        fail(tr("'speeds_kmh' must map road classes to speeds in km/h (>= 0)."))
    walk = data.get("walking_speed_kmh", 4.5)
    if not _positive(walk):
        fail(tr("'walking_speed_kmh' must be above 0."))
    return FacilityTypes(
        types=types,
        target_groups=groups,
        speeds_kmh={str(k): float(v) for k, v in speeds.items()},
        walking_speed_kmh=float(walk),
        version=str(data.get("version", "")),
        name=str(data.get("name", "")),
        origin=origin,
    )


def _positive(v):
    f = to_finite_number(v)
    return f is not None and f > 0


# --------------------------------------------------------------------------------------------------------
# facility attributes
# --------------------------------------------------------------------------------------------------------
def parse_capacity(
    values: Sequence[object], *, field_name: str = "capacity", feature_ids: Iterable[object] | None = None
) -> np.ndarray:
    """Capacity per facility as float (NaN = not given). Numbers in German or plain form ('1.250', '12,5');
    text such as '25 Plätze' or 'ca. 30' is an error naming the features, so nothing is guessed."""
    from .tables import parse_cell

    out = np.full(len(values), np.nan)
    bad = []
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        if isinstance(v, str):
            s = v.strip()
            if s == "":
                continue
            try:
                val, status, unit = parse_cell(s, "," if ("," in s or re.fullmatch(r"\d{1,3}(\.\d{3})+", s)) else ".")
            except ValueError:
                bad.append(i)
                continue
            if unit or status not in ("ok", "rounded_to_zero", "exact_zero"):
                bad.append(i)
                continue
        else:
            num = to_finite_number(v)
            if num is None:
                bad.append(i)
                continue
            val = num
        if val < 0:
            bad.append(i)
            continue
        out[i] = val
    if bad:
        fids = list(feature_ids) if feature_ids is not None else list(range(1, len(values) + 1))
        shown = "; ".join(tr("feature {id}: {value!r}", id=fids[i], value=values[i]) for i in bad[:6])
        raise InputError(
            tr(
                "The capacity field '{field}' holds {n} value(s) that are no number >= 0 ({shown}). Write the "
                "capacity as a plain number (e.g. 25, not '25 Plätze' or 'ca. 25'); leave it empty where it is not "
                "known.",
                field=field_name,
                n=len(bad),
                shown=shown + (" ..." if len(bad) > 6 else ""),
            ),
            column=field_name,
        )
    return out


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), (3, 2, 1)),
    (re.compile(r"^(\d{4})$"), None),
)


def parse_date(value: object, *, end_of_year: bool = False, what: str | None = None) -> _dt.date | None:
    """A date from a date, 'YYYY-MM-DD', 'DD.MM.YYYY' or a year ('2019' = 1 January, or 31 December with
    ``end_of_year``); None when empty. Anything else is an error (``what`` names the date in it, translated by the
    caller; default "date")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, np.integer)) and 1000 <= int(value) <= 9999:
        return _dt.date(int(value), 12, 31) if end_of_year else _dt.date(int(value), 1, 1)
    s = str(value).strip()
    if s == "":
        return None
    for pattern, order in _DATE_PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        try:
            if order is None:
                y = int(m.group(1))
                return _dt.date(y, 12, 31) if end_of_year else _dt.date(y, 1, 1)
            y, mo, d = (int(m.group(k)) for k in order)
            return _dt.date(y, mo, d)
        except ValueError:
            break
    raise InputError(
        tr(
            "'{value}' is no {what} (write YYYY-MM-DD, DD.MM.YYYY or a year).",
            value=value,
            what=tr("date") if what is None else what,
        )
    )


def open_on(
    opened: Sequence[object],
    closed: Sequence[object],
    reference: _dt.date,
    *,
    feature_ids: Iterable[object] | None = None,
    fields: Sequence[str] = ("opened", "closed"),
) -> np.ndarray:
    """True where a facility is open on the reference date: opened on or before it (or no date) and not closed
    on or before it."""
    n = len(opened)
    out = np.ones(n, dtype=bool)
    fids = list(feature_ids) if feature_ids is not None else list(range(1, n + 1))
    for i in range(n):
        try:
            o = parse_date(opened[i], what=tr("opening date (field '{field}')", field=fields[0]))
            c = parse_date(closed[i], end_of_year=False, what=tr("closing date (field '{field}')", field=fields[1]))
        except InputError as err:
            raise InputError(tr("Facility {id}: {error}", id=fids[i], error=err)) from None
        if o is not None and o > reference:
            out[i] = False
        if c is not None and c <= reference:
            out[i] = False
    return out


# --------------------------------------------------------------------------------------------------------
# target groups
# --------------------------------------------------------------------------------------------------------
def target_populations(
    values: pd.DataFrame, types: FacilityTypes, groups: Iterable[str] | None = None, *, total: str | None = None
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Persons of each target group per unit from a frame of count variables (catalogue ids as columns).

    A group is the sum of its variables; when one is missing it is estimated from its 'estimate' rule, else
    (last resort, only when ``total`` names a column) it is an error. Returns (frame group -> persons,
    dict group -> note: '' exact, else how it was estimated)."""
    groups = list(groups) if groups is not None else list(types.target_groups)
    out, notes = {}, {}
    for gid in groups:
        g = types.target_groups[gid]
        if all(v in values.columns for v in g.variables):
            out[gid] = values[g.variables].astype(float).sum(axis=1, min_count=len(g.variables))
            notes[gid] = ""
        elif g.estimate_from and all(v in values.columns for v in g.estimate_from):
            base = values[g.estimate_from].astype(float).sum(axis=1, min_count=len(g.estimate_from))
            out[gid] = base * g.estimate_factor
            notes[gid] = g.estimate_note or f"{g.estimate_factor:g} x {' + '.join(g.estimate_from)}"
        else:
            have = ", ".join(sorted(map(str, values.columns))) or tr("none")
            need = " + ".join(g.variables)
            alt = tr(" or {variables} (estimate)", variables=" + ".join(g.estimate_from)) if g.estimate_from else ""
            raise InputError(
                tr(
                    "The target group '{label}' ({group}) needs the variable(s) {need}{alt}; the population data "
                    "have {have}. Add a field or table column for it, or change the target group in the facility "
                    "types file.",
                    label=g.label,
                    group=gid,
                    need=need,
                    alt=alt,
                    have=have,
                )
            )
    return pd.DataFrame(out, index=values.index), notes


# --------------------------------------------------------------------------------------------------------
# supply per area
# --------------------------------------------------------------------------------------------------------
def supply_counts(
    unit: ArrayLike, type_ids: ArrayLike, capacity: ArrayLike, units: Sequence[str] | pd.Index, type_list: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Per unit and type: facilities, summed known capacity and facilities without capacity (three frames)."""
    unit = pd.Index(np.asarray(unit, dtype=object))
    units = pd.Index(units)
    pos = units.get_indexer(unit)
    tpos = pd.Index(type_list).get_indexer(np.asarray(type_ids, dtype=object))
    ok = (pos >= 0) & (tpos >= 0)
    shape = (len(units), len(type_list))
    flat = pos[ok] * len(type_list) + tpos[ok]
    cap = np.asarray(capacity, dtype=float)[ok]
    n = np.bincount(flat, minlength=shape[0] * shape[1]).reshape(shape).astype(float)
    c = np.bincount(flat, weights=np.nan_to_num(cap), minlength=shape[0] * shape[1]).reshape(shape)
    m = np.bincount(flat, weights=np.isnan(cap).astype(float), minlength=shape[0] * shape[1]).reshape(shape)
    cols = list(type_list)
    return (pd.DataFrame(n, units, cols), pd.DataFrame(c, units, cols), pd.DataFrame(m, units, cols))


def supply_indicators(
    counts: pd.DataFrame,
    capacity: pd.DataFrame,
    no_capacity: pd.DataFrame,
    targets: pd.DataFrame,
    types: FacilityTypes,
    *,
    use_capacity: bool = True,
) -> pd.DataFrame:
    """Indicator columns (field contract) per type from counts, capacities and target groups of one level.

    ``targets``: frame unit -> persons per target group id. Ratio = capacity (or, without a capacity field,
    facilities) / target group x per. Flags: 'incomplete' where a facility lacks its capacity (the ratio is a
    lower bound), 'no_denominator' where the target group is 0, 'missing' where it is unknown."""
    out = {}
    for tid in counts.columns:
        t = types.types[tid]
        n = counts[tid].to_numpy(dtype=float)
        cap = capacity[tid].to_numpy(dtype=float)
        miss = no_capacity[tid].to_numpy(dtype=float)
        den = targets[t.target].reindex(counts.index).to_numpy(dtype=float)
        num = cap if use_capacity else n
        with np.errstate(divide="ignore", invalid="ignore"):
            val = np.where(den > 0, num / den * t.per, np.nan)
        flag = np.full(len(n), "", dtype=object)
        if use_capacity:
            flag[miss > 0] = FLAG_INCOMPLETE
        flag[~(den > 0) & ~np.isnan(den)] = FLAG_NO_DENOMINATOR
        flag[np.isnan(den)] = FLAG_MISSING
        cflag = np.where(miss > 0, FLAG_INCOMPLETE, "") if use_capacity else np.full(len(n), "", dtype=object)
        out[f"angebote_{tid}"] = n
        out[f"angebote_{tid}_flag"] = np.full(len(n), "", dtype=object)
        if use_capacity:
            out[f"kapazitaet_{tid}"] = cap
            out[f"kapazitaet_{tid}_flag"] = cflag.astype(object)
        out[f"versorgung_{tid}"] = val
        out[f"versorgung_{tid}_num"] = num
        out[f"versorgung_{tid}_den"] = den
        out[f"versorgung_{tid}_flag"] = flag
    return pd.DataFrame(out, index=counts.index)


def supply_indicator_ids(type_list: Iterable[str], use_capacity: bool = True) -> list[str]:
    """The indicator ids ``supply_indicators`` writes (for references and metadata)."""
    ids = []
    for tid in type_list:
        ids += [f"angebote_{tid}"] + ([f"kapazitaet_{tid}"] if use_capacity else []) + [f"versorgung_{tid}"]
    return ids


def catalogue_overlay(
    types: FacilityTypes, type_list: Iterable[str], *, use_capacity: bool = True, known_variables: Iterable[str] = ()
) -> dict:
    """A catalogue overlay (docs/catalogue.md) that defines the supply indicators of ``facilitysupply`` as
    catalogue indicators, so that the store, the index and the sheets take them like any indicator: per type
    ``angebote_<t>`` (absolute), ``kapazitaet_<t>`` (absolute) and ``versorgung_<t>`` (per 1,000 / 10,000 of
    the target group). Count variables ``anz_<t>`` / ``kap_<t>`` and target-group variables the catalogue lacks
    are defined too."""
    units = {1000: "per 1,000", 10000: "per 10,000", 100: "per 100", 100000: "per 100,000"}
    known = set(known_variables)
    variables, indicators, seen = [], [], set()
    for tid in type_list:
        t = types.types[tid]
        g = types.target_groups[t.target]
        for v in g.variables:
            if v not in known and v not in seen:
                variables.append({"id": v, "name": g.label, "unit": "persons", "source": "facility types file"})
                seen.add(v)
        variables.append({"id": f"anz_{tid}", "name": f"{t.label}: Einrichtungen", "unit": "facilities"})
        common = {"topic": t.topic, "polarity": "higher_better", "source": "Einrichtungen (facilitysupply)"}
        indicators.append(
            dict(
                common,
                id=f"angebote_{tid}",
                name=f"{t.name}: Einrichtungen",
                short_name=f"{t.label}: Anzahl",
                numerator=[f"anz_{tid}"],
                denominator=[],
                unit="absolute",
                multiplier=1,
            )
        )
        cap_var = f"kap_{tid}" if use_capacity else f"anz_{tid}"
        if use_capacity:
            variables.append({"id": cap_var, "name": f"{t.label}: {t.capacity or 'Kapazität'}", "unit": "capacity"})
            indicators.append(
                dict(
                    common,
                    id=f"kapazitaet_{tid}",
                    name=f"{t.name}: {t.capacity or 'Kapazität'}",
                    short_name=f"{t.label}: {t.capacity or 'Kapazität'}",
                    numerator=[cap_var],
                    denominator=[],
                    unit="absolute",
                    multiplier=1,
                )
            )
        per = int(t.per)
        if per not in units:
            raise InputError(
                tr(
                    "Facility type '{type}': the base {per:g} has no catalogue unit (use 1,000 or 10,000).",
                    type=tid,
                    per=t.per,
                )
            )
        indicators.append(
            dict(
                common,
                id=f"versorgung_{tid}",
                name=f"{t.name}: {t.capacity or 'Einrichtungen'} je {per:,} {g.label}".replace(",", "."),
                short_name=f"{t.label}: Versorgung",
                numerator=[cap_var],
                denominator=list(g.variables),
                unit=units[per],
                multiplier=per,
                notes=f"target group {g.label}"
                + (f"; estimated where missing: {g.estimate_note}" if g.estimate_from else ""),
            )
        )
    return {
        "catalogue": {"name": f"Angebote ({types.name or 'facility types'})", "version": types.version or "1"},
        "variables": variables,
        "indicators": indicators,
    }


def references(
    frame: pd.DataFrame,
    ids: Iterable[str],
    *,
    county: pd.DataFrame | None = None,
    municipality: pd.DataFrame | None = None,
    unit_municipality: pd.Series | Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Reference values and deviations as for indicators (core.aggregate.add_references)."""
    from types import SimpleNamespace

    from .aggregate import add_references

    return add_references(
        frame,
        [SimpleNamespace(id=i) for i in ids],
        county=county,
        municipality=municipality,
        unit_municipality=unit_municipality,
    )


# --------------------------------------------------------------------------------------------------------
# reach per area
# --------------------------------------------------------------------------------------------------------
def weighted_quantile(groups: ArrayLike, values: ArrayLike, weights: ArrayLike, q: float, n_groups: int) -> np.ndarray:
    """Weighted q-quantile of ``values`` per group (the smallest value whose cumulated weight reaches q of the
    group's weight); NaN for groups without weight. Values NaN are left out."""
    groups = np.asarray(groups, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    ok = (groups >= 0) & np.isfinite(values) & (weights > 0)
    g, v, w = groups[ok], values[ok], weights[ok]
    out = np.full(n_groups, np.nan)
    if len(g) == 0:
        return out
    o = np.lexsort((v, g))
    g, v, w = g[o], v[o], w[o]
    total = np.bincount(g, weights=w, minlength=n_groups)
    cum = np.cumsum(w)
    start = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    before = np.r_[0.0, cum[start[1:] - 1]]
    within = cum - np.repeat(before, np.diff(np.r_[start, len(g)]))
    reached = np.flatnonzero(within >= q * total[g] * (1 - 1e-12))
    first = reached[np.r_[True, g[reached][1:] != g[reached][:-1]]]
    out[g[first]] = v[first]
    return out


def access_indicators(
    space_codes: ArrayLike,
    n_spaces: int,
    cost: ArrayLike,
    persons: ArrayLike,
    type_id: str,
    threshold: float,
    mode: str,
) -> dict[str, np.ndarray]:
    """Reach of one type per space from per-origin costs (NaN = not on the network or nothing reachable).

    ``persons``: the type's target group per origin. Mean and 90th percentile are over the persons with a cost
    (flag 'incomplete' when some have none); the share within the threshold counts persons without a cost as
    beyond it."""
    prefix = "zeit" if mode == "time" else "distanz"
    codes = np.asarray(space_codes, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    w = np.nan_to_num(np.asarray(persons, dtype=float))
    ok = codes >= 0
    has = ok & np.isfinite(cost)
    total = np.bincount(codes[ok], weights=w[ok], minlength=n_spaces)
    with_cost = np.bincount(codes[has], weights=w[has], minlength=n_spaces)
    sum_cost = np.bincount(codes[has], weights=(w * np.nan_to_num(cost))[has], minlength=n_spaces)
    inside = has & (cost <= threshold)
    within = np.bincount(codes[inside], weights=w[inside], minlength=n_spaces)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(with_cost > 0, sum_cost / with_cost, np.nan)
        share = np.where(total > 0, within / total * 100.0, np.nan)
    p90 = weighted_quantile(np.where(has, codes, -1), cost, w, 0.9, n_spaces)
    lack = (total - with_cost) > 1e-9
    cflag = np.where(lack & (with_cost > 0), FLAG_INCOMPLETE, "").astype(object)
    cflag[with_cost <= 0] = FLAG_MISSING
    sflag = np.where(total > 0, "", FLAG_NO_DENOMINATOR).astype(object)
    t = type_id
    return {
        f"{prefix}_{t}": mean,
        f"{prefix}_{t}_flag": cflag,
        f"{prefix}_p90_{t}": p90,
        f"{prefix}_p90_{t}_flag": cflag.copy(),
        f"erreichbar_{t}": share,
        f"erreichbar_{t}_num": within,
        f"erreichbar_{t}_den": total,
        f"erreichbar_{t}_flag": sflag,
        f"ausserhalb_{t}": total - within,
        f"ausserhalb_{t}_flag": np.full(n_spaces, "", dtype=object),
    }


# --------------------------------------------------------------------------------------------------------
# two-step floating catchment
# --------------------------------------------------------------------------------------------------------
def decay_weights(cost: ArrayLike, catchment: float, decay: str = "none") -> np.ndarray:
    """Weight of a pair by its cost: 1 within the catchment ('none'); exp(-d²/(2σ²)) with σ = catchment/2
    ('gaussian', as PySAL access's gaussian(sigma)); 1 - d/catchment ('linear'); 0 beyond the catchment."""
    if decay not in DECAYS:
        raise InputError(
            tr("Unknown distance decay '{decay}'. Use one of {decays}.", decay=decay, decays=", ".join(DECAYS))
        )
    d = np.asarray(cost, dtype=float)
    if decay == "none":
        w = np.ones_like(d)
    elif decay == "gaussian":
        sigma = catchment / 2.0
        w = np.exp(-d * d / (2.0 * sigma * sigma))
    else:
        w = 1.0 - d / catchment
    return np.where(d <= catchment, w, 0.0)


def two_step_fca(
    origin: ArrayLike,
    facility: ArrayLike,
    cost: ArrayLike,
    demand: ArrayLike,
    supply: ArrayLike,
    catchment: float,
    *,
    decay: str = "none",
) -> tuple[np.ndarray, np.ndarray]:
    """Two-step floating catchment (Luo & Wang 2003; with decay as in Luo & Qi 2009).

    Step 1: R_j = S_j / sum_i P_i W(d_ij) over the origins i within the catchment of facility j.
    Step 2: A_i = sum_j R_j W(d_ij) over the facilities j within the catchment of origin i.
    ``origin``, ``facility``, ``cost``: the pairs within the catchment (e.g. Router.pairs); ``demand`` per
    origin, ``supply`` per facility. Returns (A per origin, R per facility); A is supply per person."""
    origin = np.asarray(origin, dtype=np.int64)
    facility = np.asarray(facility, dtype=np.int64)
    demand = np.nan_to_num(np.asarray(demand, dtype=float))
    supply = np.nan_to_num(np.asarray(supply, dtype=float))
    w = decay_weights(cost, catchment, decay)
    keep = w > 0
    origin, facility, w = origin[keep], facility[keep], w[keep]
    weighted_demand = np.bincount(facility, weights=demand[origin] * w, minlength=len(supply))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(weighted_demand > 0, supply / weighted_demand, 0.0)
    access = np.bincount(origin, weights=ratio[facility] * w, minlength=len(demand))
    return access, ratio


def fca_indicator(
    space_codes: ArrayLike, n_spaces: int, access: np.ndarray, persons: ArrayLike, type_id: str, per: float
) -> dict[str, np.ndarray]:
    """Space value of the 2SFCA index: the population-weighted mean of A_i x per (capacity per ``per``
    persons of the target group within reach)."""
    codes = np.asarray(space_codes, dtype=np.int64)
    w = np.nan_to_num(np.asarray(persons, dtype=float))
    ok = (codes >= 0) & np.isfinite(access)
    tot = np.bincount(codes[ok], weights=w[ok], minlength=n_spaces)
    s = np.bincount(codes[ok], weights=(w * access)[ok], minlength=n_spaces)
    with np.errstate(divide="ignore", invalid="ignore"):
        val = np.where(tot > 0, s / tot * per, np.nan)
    return {
        f"fca_{type_id}": val,
        f"fca_{type_id}_flag": np.where(tot > 0, "", FLAG_NO_DENOMINATOR).astype(object),
    }


# --------------------------------------------------------------------------------------------------------
# gaps
# --------------------------------------------------------------------------------------------------------
def gap_classes(need: ArrayLike, poor: ArrayLike) -> np.ndarray:
    """Gap class per space: 3 need and poor access, 2 poor access only, 1 need only, 0 neither; -1 where the
    access is unknown (need unknown counts as no need)."""
    need = np.asarray(need, dtype=float)
    poor = np.asarray(poor, dtype=float)
    n = np.nan_to_num(need) > 0
    p = np.nan_to_num(poor) > 0
    out = np.where(n & p, 3, np.where(p, 2, np.where(n, 1, 0))).astype(np.int64)
    out[np.isnan(poor)] = -1
    return out


def gap_summary(
    ftype: FacilityType,
    group_label: str,
    classes: ArrayLike,
    beyond: ArrayLike,
    municipality: ArrayLike | None = None,
    *,
    mode: str = "distance",
) -> tuple[str, dict[str, object]]:
    """One line per type in the typology's words, absolute numbers beside rates, and its numbers."""
    classes = np.asarray(classes)
    beyond = np.nan_to_num(np.asarray(beyond, dtype=float))
    known = classes >= 0
    need = (classes == 3) | (classes == 1)
    gap = classes == 3
    n_gap, n_need, n_all = int(gap.sum()), int(need.sum()), int(known.sum())
    thr = ftype.threshold(mode)
    unit = "min" if mode == "time" else "m"
    far = float(beyond[known].sum())
    far_need = float(beyond[need & known].sum())
    text = (
        f"{ftype.label}: {n_gap} von {n_all} Sozialräumen mit hohem Bedarf und schlechter Erreichbarkeit"
        f" ({n_need} mit hohem Bedarf)"
    )
    k = j = None
    if municipality is not None:
        mun = pd.Series(np.asarray(municipality, dtype=object))
        k = int(mun[gap].nunique())
        j = int(mun[known].nunique())
        text += f"; in {k} von {j} Gemeinden"
    way = "Fahrzeit" if mode == "time" else "Weg"
    text += (
        f". {fmt_int_de(far)} {group_label} wohnen außerhalb von {fmt_int_de(thr)} {unit} {way} "
        f"(davon {fmt_int_de(far_need)} in Sozialräumen mit hohem Bedarf)."
    )
    numbers = {
        "type": ftype.id,
        "label": ftype.label,
        "spaces_gap": n_gap,
        "spaces_need": n_need,
        "spaces": n_all,
        "municipalities_gap": k,
        "municipalities": j,
        "persons_beyond": far,
        "persons_beyond_in_need": far_need,
        "threshold": thr,
        "unit": unit,
    }
    return text, numbers


def fmt_int_de(v: float | None) -> str:
    """Whole number with German thousands dots (1.234)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{round(float(v)):,}".replace(",", ".")
