"""The contracts between the parts, written once: output field names, years, flags, keys, plain values and
German number text.

Every module that builds or reads an indicator layer, a store table, a sheet or a dock imports these instead of
writing its own regex. Plain Python only (no pandas/numpy at import: the docks import this at QGIS start-up).

Field names (``docs/architecture.md``, written by sozialplanung:aggregateindicators)::

    <id>                      value                      <id>_<year>                 (wide layout)
    <id>_<part>               part of VALUE_PARTS        <id>_<part>_<year>
    <id>_<change>_<y0>_<y1>   change of CHANGE_PARTS     <id>_<change>_prev          (long layout)

``<id>`` is a catalogue id (lower case, may hold underscores), ``<year>`` follows the year rule (1900-2099).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import SupportsFloat, cast

from .i18n import tr

# ------------------------------------------------------------------------------------------------------------
# years
# ------------------------------------------------------------------------------------------------------------
#: The year rule: a four-digit year 1900-2099, in field names, file names, parameters and tables.
YEAR_MIN, YEAR_MAX = 1900, 2099
YEAR_PATTERN = r"(?:19|20)\d\d"
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)({YEAR_PATTERN})(?!\d)")


def is_year(value: object) -> bool:
    """True for an int (or digit text) 1900-2099, the years the field names and tables may carry."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        value = value.strip()
        if not (len(value) == 4 and value.isdigit()):
            return False
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return isinstance(value, int) and YEAR_MIN <= value <= YEAR_MAX


def years_in(text: object) -> list[int]:
    """The years in a text, in order, not taken out of longer digit runs ('bloecke_2014.csv' -> [2014];
    '2009-2014, 2025' -> [2009, 2014, 2025]; '20140' -> [])."""
    return [int(y) for y in _YEAR_IN_TEXT.findall(str(text or ""))]


# ------------------------------------------------------------------------------------------------------------
# flags: the one vocabulary of the <id>_flag fields and the store
# ------------------------------------------------------------------------------------------------------------
FLAG_OK = ""  # a value without reservation
FLAG_UNRELIABLE = "unreliable"  # denominator below the indicator's min_denominator: shown in brackets
FLAG_SUPPRESSED = "suppressed"  # disclosure control or a secret cell: never shown as a number
FLAG_INCOMPLETE = "incomplete"  # a member unit has no value: the sum is a lower bound
FLAG_NO_DENOMINATOR = "no_denominator"  # denominator 0: no rate
FLAG_MISSING = "missing"  # no value delivered (also: the unit is absent in that year)
FLAG_NOT_APPLICABLE = "not_applicable"  # the statistic does not apply ('/' in a table)
FLAG_ESTIMATED = "estimated"  # store: carried forward or estimated, not counted
FLAG_INTERPOLATED = "interpolated"  # store / interpolation: areal interpolation between unit systems

#: Flags written by the aggregation into ``<id>_flag`` (one per value).
INDICATOR_FLAGS = (
    FLAG_OK,
    FLAG_UNRELIABLE,
    FLAG_SUPPRESSED,
    FLAG_INCOMPLETE,
    FLAG_NO_DENOMINATOR,
    FLAG_MISSING,
    FLAG_NOT_APPLICABLE,
)
#: Flags the store keeps as 0/1 columns; the order is the bit order of its flag mask (never reorder).
STORE_FLAGS = (FLAG_SUPPRESSED, FLAG_UNRELIABLE, FLAG_ESTIMATED, FLAG_INTERPOLATED)
#: Every flag word of the contract (a flag field may join several with ',', e.g. 'suppressed,estimated').
FLAGS = (*INDICATOR_FLAGS[1:], FLAG_ESTIMATED, FLAG_INTERPOLATED)
#: Flags without a usable value: a change involving one of them is empty and carries the flag on.
BLOCKING_FLAGS = frozenset({FLAG_SUPPRESSED, FLAG_MISSING, FLAG_NOT_APPLICABLE, FLAG_NO_DENOMINATOR})


def split_flags(text: object) -> list[str]:
    """The flag words of a flag field ('suppressed,estimated' -> ['suppressed', 'estimated']; NULL -> [])."""
    if is_missing(text):
        return []
    return [p.strip() for p in str(text).split(",") if p.strip()]


# ------------------------------------------------------------------------------------------------------------
# field names
# ------------------------------------------------------------------------------------------------------------
#: Parts of a value of one year: numerator, denominator, flag, county / municipality references.
VALUE_PARTS = (
    "num",
    "den",
    "flag",
    "ref_county",
    "dev_county",
    "ratio_county",
    "ref_mun",
    "dev_mun",
    "ratio_mun",
    "devflag",  # flag of the references the deviations and ratios come from (an incomplete county rate)
)
#: Parts of a change between two years: difference, percent change, flag of the change.
CHANGE_PARTS = ("chg", "pct", "chg_flag")
#: The long layout's suffix of a change to the previous year ('<id>_chg_prev').
PREVIOUS = "prev"

_YEAR_SUFFIX = re.compile(rf"^(?P<base>.+)_(?P<year>{YEAR_PATTERN})$")
_PERIOD_SUFFIX = re.compile(rf"^(?P<base>.+)_(?P<y0>{YEAR_PATTERN})_(?P<y1>{YEAR_PATTERN})$")
_PARTS_LONGEST_FIRST = sorted(VALUE_PARTS, key=len, reverse=True)
_CHANGES_LONGEST_FIRST = sorted(CHANGE_PARTS, key=len, reverse=True)


@dataclass(frozen=True)
class FieldName:
    """One parsed output field name. ``year`` is the year of a value, or the first year of a change
    (``year_to`` the second); ``previous`` marks the long layout's change to the previous year."""

    id: str
    part: str = ""
    year: int | None = None
    year_to: int | None = None
    previous: bool = False

    @property
    def is_change(self) -> bool:
        return self.part in CHANGE_PARTS

    @property
    def is_value(self) -> bool:
        """The indicator's value itself (not a numerator, flag, reference or change)."""
        return self.part == ""

    def __str__(self) -> str:
        if self.is_change:
            return change_field(self.id, self.part, self.year, self.year_to, previous=self.previous)
        return field_name(self.id, self.part, self.year)


def field_name(ind_id: str, part: str = "", year: int | None = None) -> str:
    """'<id>', '<id>_<part>', '<id>_<year>' or '<id>_<part>_<year>' (part '' is the value)."""
    name = f"{ind_id}_{part}" if part else str(ind_id)
    return f"{name}_{year}" if year is not None else name


def change_field(
    ind_id: str, part: str, year_from: int | None = None, year_to: int | None = None, *, previous: bool = False
) -> str:
    """'<id>_<part>_<y0>_<y1>' (part 'chg', 'pct' or 'chg_flag'); '<id>_<part>_prev' with ``previous``."""
    if part not in CHANGE_PARTS:
        raise ValueError(f"'{part}' is not a change part ({', '.join(CHANGE_PARTS)}).")
    if previous:
        return f"{ind_id}_{part}_{PREVIOUS}"
    return f"{ind_id}_{part}_{year_from}_{year_to}"


def period_suffix(year_from: int, year_to: int) -> str:
    """'_<y0>_<y1>': the suffix of the change fields of one period."""
    return f"_{year_from}_{year_to}"


def split_year(name: object) -> tuple[str, int | None]:
    """'kinderarmut_sgb2_u15_2025' -> ('kinderarmut_sgb2_u15', 2025); no year suffix -> (name, None)."""
    m = _YEAR_SUFFIX.match(str(name))
    return (m.group("base"), int(m.group("year"))) if m else (str(name), None)


def flag_field(name: str) -> str:
    """The flag field of an indicator value field: '<id>_<year>' -> '<id>_flag_<year>', '<id>' -> '<id>_flag'."""
    base, year = split_year(name)
    return field_name(base, "flag", year)


def _split_part(rest, parts, ids, bare=True):
    """(id, part) of a name without its year(s): with ``ids`` only a known id, else the longest part suffix;
    ``bare``: the whole rest may be an id without a part."""
    if ids is not None and rest in ids and bare:
        return rest, ""
    for part in parts:
        if rest.endswith("_" + part) and len(rest) > len(part) + 1:
            ind = rest[: -len(part) - 1]
            if ids is None or ind in ids:
                return ind, part
    return (rest, "") if ids is None and bare else None


def parse_field(name: object, ids: Collection[str] | None = None) -> FieldName | None:
    """The parts of an output field name, or None when it is no field of the contract.

    ``ids`` (a set of catalogue ids) makes the parse exact: the id must be one of them, and a name that is an
    id itself is a value even when it ends like a part. Without ``ids`` the longest matching part wins.
    """
    name = str(name)
    m = _PERIOD_SUFFIX.match(name)
    if m:
        hit = _split_part(m.group("base"), _CHANGES_LONGEST_FIRST, ids, bare=False)
        if hit:
            return FieldName(hit[0], hit[1], int(m.group("y0")), int(m.group("y1")))
    if name.endswith("_" + PREVIOUS):
        hit = _split_part(name[: -len(PREVIOUS) - 1], _CHANGES_LONGEST_FIRST, ids, bare=False)
        if hit:
            return FieldName(hit[0], hit[1], previous=True)
    base, year = split_year(name)
    hit = _split_part(base, _PARTS_LONGEST_FIRST, ids)
    if hit is None and year is not None:  # an id that ends in four digits ('ew_2011'), without a year
        hit = _split_part(name, _PARTS_LONGEST_FIRST, ids)
        year = None
    if hit is None:
        return None
    return FieldName(hit[0], hit[1], year)


def is_change_field(name: object) -> bool:
    """A change field ('<id>_chg_<y0>_<y1>', '<id>_pct_...', '<id>_chg_flag_...', '<id>_chg_prev')."""
    f = parse_field(name)
    return f is not None and f.is_change


def indicator_of(name: object, ids: Collection[str]) -> str | None:
    """The catalogue id a value or change field stands for ('sgb2_quote_2025', 'sgb2_quote_chg_2014_2025',
    'sgb2_quote' -> 'sgb2_quote'); None for numerators, flags, references and unknown ids."""
    if name in ids:
        return str(name)
    f = parse_field(name, ids)
    if f is None or not (f.is_value or (f.part in ("chg", "pct") and not f.previous)):
        return None
    return f.id


def store_field(name: object, ids: Collection[str]) -> tuple[str, str, int | None] | None:
    """(id, part, year) of a field the store reads: '<id>', '<id>_num|_den|_flag', each optionally with
    '_<year>'; None for other fields (changes, references, unknown ids)."""
    f = parse_field(name, ids)
    if f is None or f.is_change or f.part not in ("", "num", "den", "flag"):
        return None
    return f.id, f.part, f.year


# ------------------------------------------------------------------------------------------------------------
# facility fields: '<measure>_<type>' (core.facilities, facilitysupply, networkaccess, accessgaps)
# ------------------------------------------------------------------------------------------------------------
#: What a facility field measures per facility type (core.facilities lists them). The field's id is
#: '<measure>_<type>' ('versorgung_kita'); parts and years follow the field contract above
#: ('versorgung_kita_ref_mun_2025', 'erreichbar_kita_den_2025').
FACILITY_MEASURES = (
    "angebote",
    "kapazitaet",
    "versorgung",
    "distanz",
    "distanz_p90",
    "zeit",
    "zeit_p90",
    "erreichbar",
    "ausserhalb",
    "fca",
    "bedarf",
    "luecke",
)
#: A facility type id: lower-case letters and digits (facilities.schema.json), no underscore.
_FACILITY_TYPE = re.compile(r"[a-z][a-z0-9]*")
_MEASURES_LONGEST_FIRST = sorted(FACILITY_MEASURES, key=len, reverse=True)


@dataclass(frozen=True)
class FacilityField:
    """One parsed facility field name: measure, facility type, part ('' the value) and year (None: none)."""

    measure: str
    type_id: str
    part: str = ""
    year: int | None = None

    def __str__(self) -> str:
        return facility_field(self.measure, self.type_id, self.part, self.year)


def facility_field(measure: str, type_id: str, part: str = "", year: int | None = None) -> str:
    """'<measure>_<type>[_<part>][_<year>]': facility_field('versorgung', 'kita', 'ref_mun', 2025) ->
    'versorgung_kita_ref_mun_2025'."""
    return field_name(f"{measure}_{type_id}", part, year)


def parse_facility_field(
    name: object, type_ids: Collection[str] | None = None, measures: Collection[str] = FACILITY_MEASURES
) -> FacilityField | None:
    """The parts of a facility field name ('erreichbar_kita_den_2025' -> erreichbar, kita, den, 2025), or None
    for any other field (changes included). ``type_ids`` makes the parse exact (the type must be one of them);
    ``measures`` limits the measures read."""
    ids = None
    if type_ids is not None:
        ids = {f"{m}_{t}" for m in measures for t in type_ids}
    f = parse_field(name, ids)
    if f is None or f.is_change:
        return None
    for measure in _MEASURES_LONGEST_FIRST:
        if measure in measures and f.id.startswith(measure + "_"):
            type_id = f.id[len(measure) + 1 :]
            if _FACILITY_TYPE.fullmatch(type_id) and (type_ids is None or type_id in type_ids):
                return FacilityField(measure, type_id, f.part, f.year)
            return None
    return None


# ------------------------------------------------------------------------------------------------------------
# keys and plain values
# ------------------------------------------------------------------------------------------------------------
#: Widths of official keys by their column name (folded): AGS 8, ARS and block numbers 12, district 5.
KEY_WIDTHS = {
    "ags": 8,
    "gemeindeschluessel": 8,
    "amtlicher gemeindeschluessel": 8,
    "ars": 12,
    "regionalschluessel": 12,
    "amtlicher regionalschluessel": 12,
    "kreisschluessel": 5,
    "blocknummer": 12,
}


def is_missing(value: object) -> bool:
    """None, NaN (float or numpy) and pandas' NA/NaT: no value. Text such as '' or 'NULL' is a value."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # numpy floating NaN
    except (TypeError, ValueError):
        return False


def to_number(value: object) -> float | None:
    """A float from a plain value; None for missing, empty or non-numeric values."""
    if is_missing(value):
        return None
    try:
        x = float(value)  # type: ignore[arg-type]  # typeshed's float() takes no object; its TypeError is caught
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def number_from_text(text: object) -> float | None:
    """A number written as text ('531', '4.4', '12,5', '1.234.567', '-3'); None when the text is not only a
    number ('531 EW', 'hoch', '.'). A single dot with three digits after it is a decimal point ('1.234' is 1.234):
    German thousands are only read as such with two or more dots or next to a decimal comma."""
    t = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", t):
        return float(t)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3}){2,}", t):
        return float(t.replace(".", ""))
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})*,\d+|[+-]?\d+,\d+", t):
        return float(t.replace(".", "").replace(",", "."))
    return None


def count_from_text(text: object) -> float | None:
    """A count written as text in a layer field ('531', '1.234', '12,5', '+7'); None when the text is not only a
    number ('531 EW'). Unlike :func:`number_from_text`, one dot with three digits after it is a German thousands
    separator: a count of people is never 1.234."""
    t = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", t):
        return float(t.replace(".", ""))
    if re.fullmatch(r"[+-]?(\d+|\d*\.\d+|\d+,\d+)", t):
        return float(t.replace(",", "."))
    return None


def to_finite_number(value: object) -> float | None:
    """to_number for a count or a setting: None also for infinity and for True/False (YAML's yes/no are no
    numbers)."""
    if isinstance(value, bool):
        return None
    x = to_number(value)
    return x if x is not None and math.isfinite(x) else None


def to_text(value: object) -> str:
    """Text of a plain value; '' for a missing one."""
    return "" if is_missing(value) else str(value)


def is_blank(value: object) -> bool:
    """No usable text: missing, empty, blanks, or the text 'NULL' in any case (how a NULL reads after a round
    trip through CSV)."""
    return is_missing(value) or str(value).strip().upper() in ("", "NULL")


def clean_text(value: object) -> str:
    """Text of a label or id attribute without its blanks; '' when blank (is_blank)."""
    return "" if is_blank(value) else str(value).strip()


def key_text(value: object) -> str | None:
    """A unit key as text (keys are never numbers: leading zeros matter). Blanks go, an integral float loses
    its '.0' (5378004.0 -> '5378004'); None for a missing or empty key."""
    if is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip()
    return s or None


def key_texts(values: Iterable[object]) -> list[str | None]:
    """key_text() of every value; text values (the common case) only lose their blanks."""
    values = list(values)
    if set(map(type, values)) <= {str}:
        return [v.strip() or None for v in cast("list[str]", values)]
    return [key_text(v) for v in values]


def pad_key(key: object, width: int | None) -> str:
    """Restore the leading zeros of a digit-only key that lost them as a number ('5378004', 8 -> '05378004');
    other keys unchanged."""
    key = str(key)
    return key.zfill(width) if width and key.isdigit() and len(key) < width else key


@dataclass
class KeyMatchReport:
    """Keys of a table against keys of a layer (matched in table order, the rest in their own order)."""

    matched: list[str]
    only_in_table: list[str]
    only_in_layer: list[str]
    hints: list[str]

    @property
    def ok(self) -> bool:
        return not self.only_in_table and not self.only_in_layer

    def message(self, limit: int = 10) -> str:
        """Plain-language summary for a log or a processing report."""

        def listed(keys):
            return ", ".join(keys[:limit]) + (" ..." if len(keys) > limit else "")

        parts = [tr("{n} keys matched", n=len(self.matched))]
        if self.only_in_table:
            parts.append(
                tr("{n} only in the table: {keys}", n=len(self.only_in_table), keys=listed(self.only_in_table))
            )
        if self.only_in_layer:
            parts.append(
                tr("{n} only in the layer: {keys}", n=len(self.only_in_layer), keys=listed(self.only_in_layer))
            )
        return "; ".join(parts) + "." + "".join(" " + h for h in self.hints)


def match_keys(table_keys: Iterable[object], layer_keys: Iterable[object]) -> KeyMatchReport:
    """Compare keys as text (key_text). Adds a hint when unmatched keys would match after restoring a lost
    leading zero, the classic Excel damage."""

    def unique(keys):
        return [k for k in dict.fromkeys(key_texts(keys)) if k is not None]

    t, lay = unique(table_keys), unique(layer_keys)
    ls, ts = set(lay), set(t)
    matched = [k for k in t if k in ls]
    only_t = [k for k in t if k not in ls]
    only_l = [k for k in lay if k not in ts]
    hints = []
    if only_t and only_l:
        padded = [k for k in only_t if k.isdigit() and ("0" + k) in set(only_l)]
        if padded:
            hints.append(
                tr(
                    "{n} table keys match layer keys after adding a leading zero (e.g. {key} -> 0{key}): the key "
                    "column was probably stored as a number in Excel; format it as text or read the table with "
                    "key_width.",
                    n=len(padded),
                    key=padded[0],
                )
            )
        padded = [k for k in only_l if k.isdigit() and ("0" + k) in set(only_t)]
        if padded:
            hints.append(
                tr(
                    "{n} layer keys match table keys after adding a leading zero (e.g. {key}): the layer's key "
                    "field is probably numeric; use a text field.",
                    n=len(padded),
                    key=padded[0],
                )
            )
    return KeyMatchReport(matched, only_t, only_l, hints)


# ------------------------------------------------------------------------------------------------------------
# German number text
# ------------------------------------------------------------------------------------------------------------
SUPPRESSED_MARK = "•"  # a suppressed value: never a number
MISSING_TEXT = "–"  # no value
LOWER_BOUND_MARK = "≥"  # an incomplete sum: at least this much
#: German unit text for labels and headers; counts have none.
UNIT_TEXT = {
    "%": "%",
    "pp": "%-Pkt.",
    "per 100": "je 100",
    "per 1000": "je 1.000",
    "per 100,000": "je 100.000",
    "‰": "‰",
    "EW/km²": "EW/km²",
    "m²": "m²",
    "m²/EW": "m²/EW",
}
#: Units of counts: printed without decimals and without a unit.
COUNT_UNITS = frozenset({"absolute", "persons", "cases", "households", ""})


def unit_text(unit: str | None) -> str:
    """German unit text for labels and headers ('' for counts)."""
    unit = unit or ""
    return "" if unit in COUNT_UNITS else UNIT_TEXT.get(unit, unit)


def decimals_for(unit: str | None) -> int:
    """The decimals of a unit: counts none, rates, shares and densities one."""
    return 0 if (unit or "") in COUNT_UNITS else 1


def fmt_de(value: SupportsFloat | None, decimals: int = 1, unit: str = "") -> str:
    """German number text: thousands dot, decimal comma ('1.234,5'), no '-0'; '' for missing values.
    ``unit`` is appended after a blank ('12,5 %')."""
    if value is None or is_missing(value):
        return ""
    txt = f"{float(value):,.{int(decimals)}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if txt.startswith("-") and not txt.strip("-0,."):
        txt = txt[1:]
    return f"{txt} {unit}" if unit else txt


def cell_text(value: SupportsFloat | None, flag: str | None = None, decimals: int = 1, unit: str = "") -> str:
    """A value as printed: suppressed -> '•' (whatever number the cell holds), missing -> '–', unreliable
    (small denominator) -> '(12,3)', incomplete sum (lower bound) -> '≥ 12,3'."""
    if flag == FLAG_SUPPRESSED:
        return SUPPRESSED_MARK
    if value is None or is_missing(value):
        return MISSING_TEXT
    txt = fmt_de(value, decimals, unit)
    if flag == FLAG_UNRELIABLE:
        return f"({txt})"
    if flag == FLAG_INCOMPLETE:
        return f"{LOWER_BOUND_MARK} {txt}"
    return txt


#: Short marks before a number on screen (the docks); print uses cell_text's forms.
FLAG_MARKS = {
    FLAG_UNRELIABLE: "≈",
    FLAG_INCOMPLETE: LOWER_BOUND_MARK,
    FLAG_NO_DENOMINATOR: MISSING_TEXT,
    FLAG_SUPPRESSED: SUPPRESSED_MARK,
}


def mark_text(value: SupportsFloat | None, flag: str | None = None, decimals: int = 1) -> str:
    """A value as a dock shows it: '•' for suppressed, else the flag's mark before the number ('≈ 14,3')."""
    if flag == FLAG_SUPPRESSED:
        return SUPPRESSED_MARK
    text = fmt_de(value, decimals)
    return f"{FLAG_MARKS[flag]} {text}" if flag in FLAG_MARKS else text


def nice_ticks(lo: float, hi: float, target: int = 4) -> tuple[list[float], float]:
    """Round axis ticks covering lo..hi (steps 1, 2, 2.5, 5 x 10^k), about ``target`` of them; (ticks, step)."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    if ticks[-1] < hi:
        ticks.append(round(t, 10))
    return ticks, step


def tick_decimals(ticks: Sequence[float], step: float, decimals: int = 1) -> int:
    """Decimals of axis labels: none for whole-number ticks, else enough for the step (0,25 needs two) and
    at least the unit's ``decimals``."""
    if step >= 1 and all(abs(t - round(t)) <= 1e-9 for t in ticks):
        return 0
    needed = 0
    while needed < 6 and abs(step * 10**needed - round(step * 10**needed)) > 1e-9:
        needed += 1
    return max(int(decimals), needed)
