"""Reading German statistics tables (CSV and XLSX) as delivered by statistical offices and municipalities.

Why a reader of our own: official tables are cp1252 with ';', decimal commas, thousands dots, '%' signs,
title lines above and footnote lines under the table, footnote markers in headers, years inside headers,
and DIN 55301 / Destatis symbols ('-', '.', '...', 'x', '/', '*', '( )', 'p') that must never silently become
0 or "missing". Every cell keeps its raw text next to the parsed value and a status code.

Public API (stable, see docs/tables.md):
    read_table(path, *, key=None, sheet=None, encoding=None, sep=None, year=None, variables=None, ...)
        -> StatTable
    StatTable.long                  DataFrame key, year, variable, value, status, raw
    StatTable.wide(year=None)       (values, status) DataFrames indexed by key
    parse_cell(raw, decimal=',')    -> (value, status, unit)
    match_keys(table_keys, layer_keys) -> KeyMatchReport
    STATUS_CODES, MISSING_STATUSES, normalise_label(), header_slug()
"""

import csv
import difflib
import functools
import gc
import io
import math
import os
import re
import unicodedata
from collections import namedtuple
from dataclasses import dataclass, field

from .errors import InputError

# ---------------------------------------------------------------------------------------------------------
# Status codes
# ---------------------------------------------------------------------------------------------------------

#: status code -> explanation (DOMAIN.md section 3). 'ok' is a plain number, 'missing' an empty cell.
STATUS_CODES = {
    "ok": "plain number",
    "exact_zero": "'-': nothing there, exactly zero (value 0)",
    "rounded_to_zero": "'0' / '0,0': less than half of the smallest unit shown, but more than nothing (value 0)",
    "suppressed_or_unknown": "'.': value unknown or kept secret (no value)",
    "pending": "'...': data not yet available (no value)",
    "not_applicable": "'x': cell blocked, a value would make no sense (no value)",
    "unreliable": "'/': not reliable enough to publish (no value)",
    "low_reliability": "'( )' around a number: statistically uncertain (value kept)",
    "series_break": "'|': break in the time series, compare over time with care (value kept)",
    "suppressed": "'*': anonymised small value (BA: 1 or 2; no value)",
    "provisional": "'p' after a number: provisional (value kept)",
    "revised": "'r' after a number: revised (value kept)",
    "estimated": "'s' after a number: estimated (value kept)",
    "missing": "empty cell: nothing delivered (no value)",
}

#: statuses whose value is NaN (no number); never sum these as 0.
MISSING_STATUSES = frozenset(
    {"suppressed_or_unknown", "pending", "not_applicable", "unreliable", "suppressed", "missing"}
)
#: statuses that keep a number but carry a caveat.
FLAGGED_VALUE_STATUSES = frozenset({"low_reliability", "series_break", "provisional", "revised", "estimated"})

_SYMBOLS = {
    "-": "exact_zero",
    ".": "suppressed_or_unknown",
    "...": "pending",
    "x": "not_applicable",
    "/": "unreliable",
    "|": "series_break",
}
_FLAG_LETTERS = {"p": "provisional", "r": "revised", "s": "estimated"}

# Unicode look-alikes -> ASCII (applied before NFKC so that superscripts are seen first).
_LOOKALIKES = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    "\u00b7": ".",
    "\u2022": ".",
    "\u2219": ".",
    "\u22c5": ".",
    "\u30fb": ".",
    "\u2026": "...",
    "\u2715": "x",
    "\u2716": "x",
    "\u00d7": "x",
    "\u2717": "x",
    "\u2718": "x",
    "\u2215": "/",
    "\u2044": "/",
    "\u00a6": "|",
    "\u2223": "|",
    "\uff5c": "|",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u200a": " ",
    "\u200b": "",
    "\ufeff": "",
    "\u2030": "\u2030",  # keep per mille
}
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_SUPER_TO_DIGIT = {
    c: str("1230456789"["\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079".index(c)]) for c in _SUPERSCRIPTS
}

_DE_NUMBER = re.compile(r"^(?:\d{1,3}(?:[. ]\d{3})+|\d+)(?:,\d+)?$|^,\d+$")
_EN_NUMBER = re.compile(r"^(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_SCI_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")


def _clean_text(raw):
    """Look-alikes to ASCII, superscripts kept, whitespace collapsed."""
    s = "".join(_LOOKALIKES.get(c, c) for c in str(raw))
    s = re.sub(r"\s+", " ", s)
    return s.strip()


def parse_cell(raw, decimal=","):
    """Parse one table cell into (value, status, unit).

    unit is '%' or '‰' when the cell carried such a sign, else ''. Raises ValueError when the cell is neither
    a number nor a known table symbol (the caller adds row and column to the message).
    """
    if raw is None:
        return math.nan, "missing", ""
    if isinstance(raw, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(raw, (int, float)):
        v = float(raw)
        if math.isnan(v):
            return math.nan, "missing", ""
        return (0.0, "rounded_to_zero", "") if v == 0 else (v, "ok", "")
    s = _clean_text(raw)
    # superscript footnote markers attached to a number are not part of it
    s = s.rstrip(_SUPERSCRIPTS).strip()
    s = unicodedata.normalize("NFKC", s)
    if s == "":
        return math.nan, "missing", ""
    low = s.lower()
    compact = low.replace(" ", "")
    if compact in _SYMBOLS:
        st = _SYMBOLS[compact]
        return (0.0 if st == "exact_zero" else math.nan), st, ""
    if compact in ("..", "....", "....."):
        return math.nan, "pending", ""
    if re.fullmatch(r"\*+", compact):
        return math.nan, "suppressed", ""
    if compact in ("-,", "-,-", "--"):
        return 0.0, "exact_zero", ""

    status = None
    # series break marker before or after the number
    m = re.fullmatch(r"(?:\||i\s)\s*(.+)", low) or re.fullmatch(r"(.+?)\s*(?:\||\si)", low)
    if m:
        status = "series_break"
        low = m.group(1).strip()
    # flag letter after (or before) the number: '123 p', '123p', 'p 123'
    m = re.fullmatch(r"(.*?\d[%\u2030)]?)\s*([prs])", low) or re.fullmatch(r"([prs])\s+(\d.*)", low)
    if m:
        if m.group(1) in _FLAG_LETTERS:
            letter, low = m.group(1), m.group(2)
        else:
            low, letter = m.group(1), m.group(2)
        status = status or _FLAG_LETTERS[letter]
        low = low.strip()
    # parentheses around a number: low reliability, value kept
    m = re.fullmatch(r"\(\s*(.+?)\s*\)", low)
    if m:
        status = "low_reliability" if status in (None, "provisional", "revised", "estimated") else status
        low = m.group(1)
    # a trailing '*' after a number is a footnote marker in many publications
    low = re.sub(r"(?<=[\d%])\s*\*+$", "", low)
    unit = ""
    m = re.fullmatch(r"(.*?)\s*([%\u2030])", low)
    if m:
        low, unit = m.group(1), m.group(2)
    sign = 1.0
    if low[:1] in "+-":
        sign = -1.0 if low[0] == "-" else 1.0
        low = low[1:].strip()
    if _SCI_NUMBER.match(low):
        raise ValueError("the cell is in scientific notation (Excel display), digits may be lost")
    if decimal == ",":
        if not _DE_NUMBER.match(low):
            raise ValueError("not a number in German format")
        value = float(low.replace(".", "").replace(" ", "").replace(",", "."))
    else:
        if not _EN_NUMBER.match(low):
            raise ValueError("not a number")
        value = float(low.replace(",", "").replace(" ", ""))
    value = sign * value
    if status is None:
        status = "rounded_to_zero" if value == 0 else "ok"
    return value, status, unit


# ---------------------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------------------

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
_MARKER_PATTERNS = [
    re.compile(r"\(\s*(\d{1,2}|[a-z])\s*\)"),  # (1)  (a)
    re.compile(r"\[\s*(\d{1,2})\s*\]"),  # [1]
    re.compile(r"(?:(?<=\s)|^)(\d{1,2})\)"),  # 1)
    re.compile(r"([" + _SUPERSCRIPTS + r"]+)"),  # ¹²
    re.compile(r"(?<=\S)\s*(\*+)\s*$"),  # trailing *
]
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)")


def strip_markers(header):
    """Remove footnote markers from a header; return (clean header, [markers])."""
    s = _clean_text(header)
    markers = []
    for pat in _MARKER_PATTERNS:
        for m in pat.finditer(s):
            mk = m.group(1)
            if mk and mk[0] in _SUPERSCRIPTS:
                mk = "".join(_SUPER_TO_DIGIT[c] for c in mk)
            markers.append(mk)
        s = pat.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s, markers


def normalise_label(text):
    """Compare form of a header or alias: lower case, umlauts spelled out, markers and punctuation removed.

    'Einwohner 65 Jahre und älter (1)' and 'Einwohner 65 Jahre und aelter' give the same label.
    """
    if text.__class__ is str:
        return _normalise_text(text)
    return _normalise_text.__wrapped__(text)


@functools.lru_cache(maxsize=8192)
def _normalise_text(text):
    """normalise_label() of a str, remembered: every table read maps the catalogue's aliases again."""
    s, _ = strip_markers(text)
    s = "".join(_UMLAUTS.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def header_slug(text):
    """Identifier form of a header that is not in the catalogue: 'Anteil in %' -> 'anteil_in'."""
    s = normalise_label(text).replace(" ", "_")
    return s or "value"


def _split_year_dates(text):
    """'31.12.2014' -> '2014' so dates count as years."""
    return re.sub(r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?((?:19|20)\d\d)(?!\d)", r"\1", text)


def _split_year(header):
    """('Einwohner unter 15 Jahre 2014') -> ('Einwohner unter 15 Jahre', 2014, ()).

    Two years ('Veränderung 2009 2014') mark a change column: no single year, the period is returned.
    Dates such as 31.12.2014 count as the year 2014.
    """
    s = _split_year_dates(header)
    years = [int(y) for y in _YEAR.findall(s)]
    if len(years) == 1:
        base = _YEAR.sub(" ", s)
        base = re.sub(r"\s+", " ", base).strip(" -_/:,")
        return base, years[0], ()
    if len(years) >= 2:
        return s, None, tuple(years)
    return s, None, ()


# ---------------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------------


@dataclass
class ColumnInfo:
    """One value column of the table as delivered, and what the reader made of it."""

    index: int  # 0-based column position in the file
    letter: str  # spreadsheet letter (A, B, ...)
    header: str  # header as delivered
    label: str  # header without footnote markers
    variable: str  # catalogue variable id or header slug
    year: object = None  # int or None
    period: tuple = ()  # (2009, 2014) for change columns
    markers: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # footnote texts the markers point to
    unit: str = ""  # '%' / '‰' when the cells carried the sign
    mapped: bool = False  # True when the variable came from the catalogue / mapping


class StatTable:
    """A statistics table read by read_table(): long data plus what was learnt about the file."""

    def __init__(
        self,
        long,
        *,
        path=None,
        key_column=None,
        layout="wide",
        encoding=None,
        sep=None,
        decimal=",",
        footnotes=None,
        footnote_map=None,
        header_notes=None,
        title=None,
        columns=None,
        warnings=None,
        header_row=None,
        sheet=None,
        key_order=None,
        labels=None,
        grid=None,
    ):
        self._long = long
        # (values, status, raw) arrays (columns x keys) of a wide table: `long` is built from it on first use
        self._grid = grid
        self.path = path
        self.key_column = key_column
        self.layout = layout
        self.encoding = encoding
        self.sep = sep
        self.decimal = decimal
        self.footnotes = list(footnotes or [])
        self.footnote_map = dict(footnote_map or {})
        self.header_notes = dict(header_notes or {})
        self.title = list(title or [])
        self.columns = list(columns or [])
        self.warnings = list(warnings or [])
        self.header_row = header_row
        self.sheet = sheet
        self._key_order = list(key_order) if key_order is not None else list(dict.fromkeys(self.long["key"]))
        #: text columns next to the key (e.g. 'Gemeinde'), indexed by key; not parsed as values
        self.labels = labels

    # -- convenience -----------------------------------------------------------------------------------
    @property
    def long(self):
        """One row per cell: key, year, variable, value, status, raw (built on first use for wide tables)."""
        if self._long is None:
            self._long = _grid_long(self._grid, self._key_order, self.columns)
        return self._long

    @long.setter
    def long(self, frame):
        self._long, self._grid = frame, None

    @property
    def keys(self):
        """Keys in file order (str)."""
        return list(self._key_order)

    @property
    def variables(self):
        """Variables in file order."""
        if self._grid is not None:
            return list(dict.fromkeys(c.variable for c in self.columns))
        return list(dict.fromkeys(self.long["variable"]))

    @property
    def years(self):
        """Sorted years present (ints)."""
        if self._grid is not None:
            return sorted({int(c.year) for c in self.columns if c.year is not None})
        ys = self.long["year"].dropna().unique()
        return sorted(int(y) for y in ys)

    @property
    def units(self):
        """variable -> '%' / '‰' where cells carried the sign."""
        out = {}
        for c in self.columns:
            if c.unit:
                out[c.variable] = c.unit
        return out

    def status_counts(self):
        """How many cells carry each status (for the import report)."""
        return self.long["status"].value_counts().to_dict()

    def _grid_wide(self, year, years):
        """wide() straight from the cell arrays of a wide table; None when the column names would clash."""
        import pandas as pd

        vals, sts, _ = self._grid
        if year is not None:
            year = int(year)
            if years and year not in years:
                raise InputError(
                    f"{self._name()}: the table has no year {year}; years present: "
                    f"{', '.join(map(str, years)) or 'none'}."
                )
            sel = [i for i, c in enumerate(self.columns) if not years or c.year == year]
            names = [self.columns[i].variable for i in sel]
        else:
            sel = list(range(len(self.columns)))
            names = [
                c.variable if (len(years) <= 1 or c.year is None) else f"{c.variable}_{int(c.year)}"
                for c in self.columns
            ]
        if len(set(names)) != len(names):
            return None
        index = pd.Index(self._key_order, name="key")
        values = pd.DataFrame(vals[sel].T if sel else None, index=index, columns=names, dtype="float64")
        status = pd.DataFrame(sts[sel].T if sel else None, index=index, columns=names, dtype=object)
        values.columns.name = status.columns.name = None
        return values, status

    def wide(self, year=None):
        """(values, status) DataFrames indexed by key, one column per variable.

        year=None: with one year (or none) in the table the columns are the variables; with several years
        the columns are '<variable>_<year>' (cells without a year keep '<variable>').
        year=Y: only cells of year Y (and, when the table has no years at all, every cell).
        Cells that are absent get value NaN and status 'missing'.
        """
        import numpy as np
        import pandas as pd

        years = self.years
        if self._grid is not None:
            fast = self._grid_wide(year, years)
            if fast is not None:
                return fast
        df = self.long
        if year is not None:
            year = int(year)
            if not years:
                sub = df
            else:
                if year not in years:
                    raise InputError(
                        f"{self._name()}: the table has no year {year}; years present: "
                        f"{', '.join(map(str, years)) or 'none'}."
                    )
                sub = df[df["year"] == year]
            col = sub["variable"]
        else:
            sub = df
            if len(years) <= 1:
                col = sub["variable"]
            else:
                col = [v if pd.isna(y) else f"{v}_{int(y)}" for v, y in zip(sub["variable"], sub["year"])]
        # one cell per (key, column): fill arrays by position (much faster than pivot for large tables)
        kpos = pd.Index(self._key_order).get_indexer(sub["key"])
        ccodes, order = pd.factorize(pd.Series(list(col), dtype=object), sort=False)
        order = list(order)
        lin = kpos.astype("int64") * max(len(order), 1) + ccodes
        if (kpos < 0).any() or len(np.unique(lin)) != len(lin):  # pragma: no cover - guarded by the reader
            raise InputError(f"{self._name()}: a key occurs twice for the same column.")
        vals = np.full((len(self._key_order), len(order)), np.nan)
        sts = np.full((len(self._key_order), len(order)), "missing", dtype=object)
        vals[kpos, ccodes] = sub["value"].to_numpy(dtype=float)
        sts[kpos, ccodes] = sub["status"].to_numpy(dtype=object)
        values = pd.DataFrame(vals, index=pd.Index(self._key_order), columns=order)
        status = pd.DataFrame(sts, index=pd.Index(self._key_order), columns=order)
        values.index.name = status.index.name = "key"
        values.columns.name = status.columns.name = None
        return values.astype("float64"), status

    def _name(self):
        return os.path.basename(str(self.path)) if self.path else "table"

    def __repr__(self):
        return (
            f"<StatTable {self._name()}: {len(self._key_order)} keys, {len(self.variables)} variables, "
            f"years {self.years}, layout {self.layout}>"
        )


@dataclass
class KeyMatchReport:
    """Keys of a table against keys of a layer."""

    matched: list
    only_in_table: list
    only_in_layer: list
    hints: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.only_in_table and not self.only_in_layer

    def message(self, limit=10):
        """Plain-language summary for a log or a processing report."""
        parts = [f"{len(self.matched)} keys matched"]
        if self.only_in_table:
            parts.append(
                f"{len(self.only_in_table)} only in the table: "
                + ", ".join(self.only_in_table[:limit])
                + (" ..." if len(self.only_in_table) > limit else "")
            )
        if self.only_in_layer:
            parts.append(
                f"{len(self.only_in_layer)} only in the layer: "
                + ", ".join(self.only_in_layer[:limit])
                + (" ..." if len(self.only_in_layer) > limit else "")
            )
        return "; ".join(parts) + "." + ("".join(" " + h for h in self.hints))


def match_keys(table_keys, layer_keys):
    """Compare keys as text (stripped). Order: matched in table order, the rest in their own order.

    Adds a hint when unmatched keys would match after restoring a lost leading zero, the classic Excel damage.
    """

    def norm(k):
        if k is None:
            return None
        if isinstance(k, float) and k.is_integer():
            k = int(k)
        return str(k).strip()

    def unique(keys):
        keys = list(keys)
        if set(map(type, keys)) <= {str}:  # text keys (the common case): norm() is strip()
            found = dict.fromkeys(map(str.strip, keys))
        else:
            found = dict.fromkeys(norm(k) for k in keys)
        return [k for k in found if k not in (None, "")]

    t = unique(table_keys)
    lay = unique(layer_keys)
    ls, ts = set(lay), set(t)
    matched = [k for k in t if k in ls]
    only_t = [k for k in t if k not in ls]
    only_l = [k for k in lay if k not in ts]
    hints = []
    if only_t and only_l:
        lset = set(only_l)
        padded = [k for k in only_t if k.isdigit() and ("0" + k) in lset]
        if padded:
            hints.append(
                f"{len(padded)} table keys match layer keys after adding a leading zero "
                f"(e.g. {padded[0]} -> 0{padded[0]}): the key column was probably stored as a number "
                "in Excel; format it as text or read the table with key_width."
            )
        tset = set(only_t)
        padded = [k for k in only_l if k.isdigit() and ("0" + k) in tset]
        if padded:
            hints.append(
                f"{len(padded)} layer keys match table keys after adding a leading zero "
                f"(e.g. {padded[0]}): the layer's key field is probably numeric; use a text field."
            )
    return KeyMatchReport(matched, only_t, only_l, hints)


# ---------------------------------------------------------------------------------------------------------
# Reading raw grids
# ---------------------------------------------------------------------------------------------------------


@dataclass
class _Row:
    line: int  # 1-based line / row number as the user sees it
    cells: list  # str / int / float / None
    nfields: int  # number of fields in the file line (CSV) or cells (XLSX)


def _decode(data, encoding, name):
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(
                f"{name}: cannot read the file with the encoding '{encoding}' ({exc}). "
                "Leave the encoding empty to detect it, or try cp1252 or utf-8.",
                source=name,
            )
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _detect_sep(text):
    lines = _first_lines(text, 200)
    best, best_score = ";", -1
    for cand in (";", "\t", ","):
        counts = [len(r) for r in csv.reader(lines, delimiter=cand)]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) * (1 if mode > 1 else 0)
        if score > best_score:
            best, best_score = cand, score
    return best


def _first_lines(text, n):
    """[ln for ln in text.splitlines() if ln.strip()][:n], without splitting a long text to its end."""
    size = 1 << 16
    while size < len(text):
        lines = text[:size].splitlines()[:-1]  # the last line of the piece may be cut: dropped
        lines = [ln for ln in lines if ln.strip()]
        if len(lines) >= n:
            return lines[:n]
        size *= 4
    return [ln for ln in text.splitlines() if ln.strip()][:n]


#: use the fast equivalents of the row-by-row steps (tests switch this off to compare with the plain code)
_FAST = True
_LINE_END = re.compile(r"\r\n|\r|\n")


def _split_plain(text, sep):
    """Rows of a CSV text without quotes, split with str.split: the same rows as csv.reader, ~10x faster.

    None when the text needs the csv module (quotes, NUL bytes, very long lines, one-character separator
    missing), so that every csv message stays as it is.
    """
    if '"' in text or "\x00" in text or len(sep) != 1:
        return None
    # io.StringIO(newline="") splits at \r\n, \r and \n only (not at the other str.splitlines breaks)
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and max(map(len, lines)) >= csv.field_size_limit():
        return None
    # a line that may hold an empty or blank field is cleaned cell by cell (a false alarm costs only time)
    space = re.compile(r"\s").search
    double = sep + sep
    rows = []
    append = rows.append
    for i, ln in enumerate(lines, start=1):
        if not ln:
            append(_Row(i, [], 0))
            continue
        rec = ln.split(sep)
        if double in ln or ln[0] == sep or ln[-1] == sep or space(ln):
            append(_Row(i, [c if c and not c.isspace() else None for c in rec], len(rec)))
        else:
            append(_Row(i, rec, len(rec)))
    return rows


def _read_csv(path, encoding, sep):
    text, enc, sep = _csv_text(path, encoding, sep)
    return _csv_rows(text, sep, os.path.basename(str(path))), enc, sep


def _csv_text(path, encoding, sep):
    """The decoded text of a CSV file, its encoding and its separator (detected when not given)."""
    name = os.path.basename(str(path))
    with open(path, "rb") as fh:
        data = fh.read()
    if b"\x00" in data[:4096] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        raise InputError(
            f"{name}: this is not a text table (binary content). Save it as CSV (semicolon) or XLSX.", source=name
        )
    text, enc = _decode(data, encoding, name)
    if sep is None:
        sep = _detect_sep(text)
    elif sep in ("\\t", "tab", "TAB"):
        sep = "\t"
    return text, enc, sep


def _csv_rows(text, sep, name):
    """The rows of a CSV text (csv module rules; errors with the line number)."""
    rows = _split_plain(text, sep) if _FAST else None
    if rows is not None:
        return rows
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    while True:
        start = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                f'{name}, line {start}: the line cannot be split into cells ({exc}). Check for an unclosed quote (").',
                row=start,
                source=name,
            )
        cells = [c if c and not c.isspace() else None for c in rec]
        rows.append(_Row(start, cells, len(rec)))
    if rows and reader.line_num - rows[-1].line >= 2 and any(c and "\n" in c for c in rows[-1].cells):
        raise InputError(
            f'{name}, line {rows[-1].line}: a quote (") opened in this line is never closed, so the '
            "rest of the file was read as one cell. Remove the stray quote or close it.",
            row=rows[-1].line,
            source=name,
        )
    return rows


def _xlsx_number(cell_value, number_format):
    if number_format and "%" in str(number_format) and isinstance(cell_value, (int, float)):
        return cell_value * 100.0, "%"
    return cell_value, ""


def _read_xlsx(path, sheet):
    name = os.path.basename(str(path))
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - Debian ships python3-openpyxl with the plugin's deps
        raise InputError(f"{name}: reading XLSX needs the Python package openpyxl (Debian: python3-openpyxl).")
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputError(
            f"{name}: the file cannot be opened as an Excel workbook ({exc}). Save it again as "
            ".xlsx or as CSV (semicolon).",
            source=name,
        )
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(wb.worksheets):
                raise InputError(
                    f"{name}: there is no sheet number {sheet + 1}; the workbook has "
                    f"{len(wb.worksheets)} sheets ({', '.join(wb.sheetnames)}).",
                    source=name,
                )
            ws = wb.worksheets[sheet]
        else:
            if sheet not in wb.sheetnames:
                close = difflib.get_close_matches(str(sheet), wb.sheetnames, n=1)
                raise InputError(
                    f"{name}: there is no sheet '{sheet}'. Sheets: {', '.join(wb.sheetnames)}"
                    + (f" (did you mean '{close[0]}'?)" if close else "")
                    + ".",
                    source=name,
                )
            ws = wb[sheet]
        try:
            ws.reset_dimensions()
        except AttributeError:
            pass
        rows = []
        for i, row in enumerate(ws.iter_rows(), start=1):
            cells = []
            for c in row:
                v = getattr(c, "value", None)
                if isinstance(v, str):
                    v = v if v.strip() else None
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    v, unit = _xlsx_number(v, getattr(c, "number_format", None))
                    if unit:
                        v = _PercentNumber(v)
                cells.append(v)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(_Row(i, cells, len(cells)))
        return rows, ws.title
    finally:
        wb.close()


class _PercentNumber(float):
    """A number from an Excel cell formatted as percent (already multiplied by 100)."""


# ---------------------------------------------------------------------------------------------------------
# Table structure
# ---------------------------------------------------------------------------------------------------------

_KEY_NAMES = [
    "blocknummer",
    "block",
    "blockschluessel",
    "baublock",
    "ags",
    "ars",
    "gemeindeschluessel",
    "amtlicher gemeindeschluessel",
    "regionalschluessel",
    "amtlicher regionalschluessel",
    "schluessel",
    "kennziffer",
    "kennung",
    "gebietsschluessel",
    "gebiet",
    "gebietsname",
    "gemeinde",
    "sozialraum",
    "wohnplatz",
    "stadtteil",
    "bezirk",
    "planungsraum",
    "name",
    "id",
    "key",
    "schluessel nr",
    "nr",
]
_KEY_WIDTHS = {
    "ags": 8,
    "gemeindeschluessel": 8,
    "amtlicher gemeindeschluessel": 8,
    "ars": 12,
    "regionalschluessel": 12,
    "amtlicher regionalschluessel": 12,
    "kreisschluessel": 5,
    "blocknummer": 12,
}
_LABEL_NAMES = [
    "gemeinde",
    "gemeindename",
    "name",
    "bezeichnung",
    "gebiet",
    "gebietsname",
    "stadtteil",
    "ortsteil",
    "sozialraum",
    "wohnplatz",
    "bezirk",
    "planungsraum",
    "kreis",
    "ort",
    "label",
    "raumeinheit",
]
_YEAR_NAMES = ["jahr", "berichtsjahr", "year", "stichtag", "zeit", "zeitraum", "stichjahr"]
_VARIABLE_NAMES = ["merkmal", "variable", "merkmalsname", "indikator", "kennzahl", "item"]
_VALUE_NAMES = ["wert", "value", "anzahl", "werte"]
_NOTE_START = re.compile(
    r"^\s*(\(\s*\d{1,2}\s*\)|\d{1,2}\)|\[\d{1,2}\]|[" + _SUPERSCRIPTS + r"]+|\*+|quelle|anmerkung|hinweis|"
    r"fu(ss|ß)note|stand|zeichenerkl|erl(ae|ä)uterung|source|note|©|\(c\)|rundung)",
    re.IGNORECASE,
)


def _letter(idx):
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def _is_number_like(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return True
    if v is None:
        return False
    try:
        parse_cell(v, ",")
        return True
    except ValueError:
        try:
            parse_cell(v, ".")
            return True
        except ValueError:
            return False


def _is_year_like(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v).is_integer() and 1950 <= v <= 2100
    if isinstance(v, str):
        return bool(re.fullmatch(r"\s*(19[5-9]\d|20\d\d)\s*", v))
    return False


def _nonempty(cells):
    return [c for c in cells if c is not None and (c.__class__ is not str or c.strip())]


def _cell_text(v):
    if v is None:
        return ""
    if hasattr(v, "year") and hasattr(v, "month"):
        return f"{v.day:02d}.{v.month:02d}.{v.year}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _find_header(rows, name):
    """Index of the header row: the first row of text cells, at least 2 wide, followed by numbers."""
    widths = [len(_nonempty(r.cells)) for r in rows[:100]]
    for i, r in enumerate(rows[:60]):
        ne = _nonempty(r.cells)
        if len(ne) < 2:
            continue
        if any(_is_number_like(c) and not _is_year_like(c) for c in ne):
            continue
        later = widths[i + 1 : i + 30]
        if not later:
            continue
        if len(ne) < 0.5 * max(later):
            continue
        has_numbers = any(
            any(_is_number_like(c) for c in rows[j].cells[1:]) for j in range(i + 1, min(len(rows), i + 12))
        )
        if has_numbers:
            return i
    # fallback: a text row followed by rows of at least two cells (the cells are checked later, with line
    # numbers, so a table whose numbers are all malformed gets a precise message instead of 'no header')
    for i, r in enumerate(rows[:60]):
        ne = _nonempty(r.cells)
        if (
            len(ne) >= 2
            and not any(_is_number_like(c) and not _is_year_like(c) for c in ne)
            and any(w >= 2 for w in widths[i + 1 : i + 30])
        ):
            return i
    if max([len(_nonempty(r.cells)) for r in rows] or [0]) <= 1:
        raise InputError(
            f"{name}: every line has only one column. The table needs a key column and at least one "
            "value column; if the columns are separated by another character than ';', ',' or tab, "
            "give it as the separator.",
            source=name,
        )
    first = next((r for r in rows if _nonempty(r.cells)), None)
    raise InputError(
        f"{name}: no header row found"
        + (f" (line {first.line} already holds numbers)" if first is not None else "")
        + ". The table needs one row of column names (e.g. 'Blocknummer;Einwohner insgesamt;...') "
        "followed by rows with numbers: add a header line, or give its line number as header_row.",
        source=name,
    )


def _is_data_row(r):
    """At least two cells, and not a footnote line that happens to contain the separator."""
    if len(r.cells) - r.cells.count(None) < 2:
        return False
    first = r.cells[0]
    if first is None:
        first = next(c for c in r.cells if c is not None)
    if not (isinstance(first, str) and _NOTE_START.match(first)):
        return True
    ne = _nonempty(r.cells)
    if len(ne) < 2:
        return False
    if isinstance(ne[0], str) and _NOTE_START.match(ne[0]) and not any(_is_number_like(c) for c in ne[1:]):
        return False
    return True


def _pick(headers_norm, names):
    for n in names:
        for i, h in enumerate(headers_norm):
            if h == n:
                return i
    return None


def _alias_lookup(variables):
    """Mapping normalised header -> variable id, from a dict or anything with alias_map()."""
    if variables is None:
        return {}
    if hasattr(variables, "alias_map"):
        return dict(variables.alias_map())
    return {normalise_label(k): v for k, v in dict(variables).items()}


def read_table(
    path,
    *,
    key=None,
    sheet=None,
    encoding=None,
    sep=None,
    year=None,
    variables=None,
    decimal=None,
    header_row=None,
    key_width=None,
    value_name="value",
):
    """Read a statistics table (CSV/TXT/TSV or XLSX) into a StatTable.

    key: key column (header text or 0-based index); default: a column named like Blocknummer/AGS/Gebiet,
        else the first column.
    sheet: XLSX sheet name or 0-based index (default: first sheet).
    encoding, sep: CSV only; detected when None (BOM/UTF-8/cp1252; ';', tab, ',').
    year: int = year of every column without a year in its header; str = name of the year column (long
        layout; detected for 'Jahr', 'Berichtsjahr', 'Stichtag', ...).
    variables: mapping header -> variable id, or a Catalogue (its aliases); unmapped headers keep a slug.
    decimal: ',' or '.'; detected when None (German by default).
    header_row: 1-based line of the header row (detected when None).
    key_width: pad numeric keys with leading zeros to this width (AGS 8, ARS/Blocknummer 12); detected for
        columns named AGS/ARS/Gemeindeschlüssel/Blocknummer and for keys Excel shortened by one digit.
    value_name: variable name for columns whose header is only a year.

    The cyclic garbage collector is paused while reading: a large table makes some 100,000 small lists
    (rows, cells) without cycles, and repeated collections over them cost a third of the reading time.
    """
    paused = _FAST and gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _read_table(
            path,
            key=key,
            sheet=sheet,
            encoding=encoding,
            sep=sep,
            year=year,
            variables=variables,
            decimal=decimal,
            header_row=header_row,
            key_width=key_width,
            value_name=value_name,
        )
    finally:
        if paused:
            gc.enable()


def _read_table(
    path,
    *,
    key=None,
    sheet=None,
    encoding=None,
    sep=None,
    year=None,
    variables=None,
    decimal=None,
    header_row=None,
    key_width=None,
    value_name="value",
):
    """read_table() itself (the wrapper pauses the garbage collector)."""
    import numpy as np
    import pandas as pd

    name = os.path.basename(str(path))
    if not os.path.exists(path):
        raise InputError(f"{name}: file not found ({path}).", source=name)
    ext = os.path.splitext(str(path))[1].lower()
    used_sheet = None
    if ext in (".xlsx", ".xlsm"):
        rows, used_sheet = _read_xlsx(path, sheet)
        enc, used_sep = None, None
        where = f"{name} (sheet '{used_sheet}')"
    elif ext in (".xls", ".ods"):
        raise InputError(
            f"{name}: {ext} files cannot be read. Open the file in Excel or LibreOffice and save it "
            "as .xlsx or as CSV (semicolon separated).",
            source=name,
        )
    else:
        text, enc, used_sep = _csv_text(path, encoding, sep)
        if _FAST:
            plain = _read_plain_csv(
                path,
                text,
                enc,
                used_sep,
                key=key,
                year=year,
                variables=variables,
                decimal=decimal,
                header_row=header_row,
                key_width=key_width,
                value_name=value_name,
            )
            if plain is not None:
                return plain
        rows = _csv_rows(text, used_sep, name)
        where = name
    is_xlsx = used_sheet is not None
    rows = [r for r in rows]
    if not any(_nonempty(r.cells) for r in rows):
        raise InputError(f"{where}: the file is empty.", source=name)

    def loc(row, col_idx=None, header=None):
        s = f"{where}, {'row' if is_xlsx else 'line'} {row.line}"
        if col_idx is not None:
            s += f", column {_letter(col_idx)}" if is_xlsx else f", column {col_idx + 1}"
            if header:
                s += f" ('{header}')"
        return s

    # --- header ---------------------------------------------------------------------------------------
    if header_row is not None:
        hi = next((i for i, r in enumerate(rows) if r.line == int(header_row)), None)
        if hi is None or not _nonempty(rows[hi].cells):
            raise InputError(f"{where}: line {header_row} (header_row) is empty or does not exist.", source=name)
    else:
        hi = _find_header(rows, where)
    title = [" ".join(_cell_text(c) for c in _nonempty(r.cells)) for r in rows[:hi] if _nonempty(r.cells)]
    hrow = rows[hi]
    headers = [_cell_text(c) for c in hrow.cells]
    # a second header row (years under merged cells): empty first cell, only years / text
    data_start = hi + 1
    if data_start < len(rows):
        nxt = rows[data_start]
        ne = _nonempty(nxt.cells)
        if (
            ne
            and (not nxt.cells or nxt.cells[0] is None)
            and all(_is_year_like(c) or not _is_number_like(c) for c in ne)
            and any(_is_year_like(c) for c in ne)
        ):
            merged, last = [], ""
            width = max(len(headers), len(nxt.cells))
            for j in range(width):
                top = headers[j] if j < len(headers) else ""
                if top:
                    last = top
                sub = _cell_text(nxt.cells[j]) if j < len(nxt.cells) else ""
                merged.append((top or last) + (" " + sub if sub else "") if (top or sub) else "")
            headers = merged
            data_start += 1

    width = max([len(headers)] + [len(r.cells) for r in rows[data_start:]])
    headers = headers + [""] * (width - len(headers))

    warnings = []
    # --- data region and footnotes -----------------------------------------------------------------------
    body = rows[data_start:]
    last_data = -1
    if _FAST:
        # the last data row, searched from the end (the same row, without testing every row of a long table)
        for j in range(len(body) - 1, -1, -1):
            if _is_data_row(body[j]):
                last_data = j
                break
    else:
        for j, r in enumerate(body):
            if _is_data_row(r):
                last_data = j
    data_rows = []
    for r in body[: last_data + 1]:
        if len(r.cells) - r.cells.count(None) >= 2:  # blank cells of a _Row are None
            data_rows.append(r)
            continue
        ne = _nonempty(r.cells)
        if len(ne) >= 2:
            data_rows.append(r)
        elif ne:
            warnings.append(
                f"{where}, {'row' if is_xlsx else 'line'} {r.line}: '{_cell_text(ne[0])}' has no "
                "values and was skipped (a heading inside the table?)."
            )
    trailer = body[last_data + 1 :]
    footnotes, footnote_map = _footnote_lines(trailer)

    # --- columns ------------------------------------------------------------------------------------------
    mbox = {}  # the data rows as one object matrix, built on first use
    cols = _table_columns(
        headers,
        hrow,
        title,
        footnote_map,
        key=key,
        year=year,
        variables=variables,
        value_name=value_name,
        where=where,
        name=name,
        is_xlsx=is_xlsx,
        loc=loc,
        warnings=warnings,
        has_data=lambda j: any(j < len(r.cells) and r.cells[j] is not None for r in data_rows),
        first_with_data=lambda j: next(r for r in data_rows if j < len(r.cells) and r.cells[j] is not None),
        column_cells=lambda j: _column_cells(data_rows, j, mbox),
    )
    (
        key_idx,
        key_header,
        year_idx,
        default_year,
        var_idx,
        val_idx,
        layout,
        aliases,
        map_variable,
        columns,
        label_cols,
        header_notes,
    ) = cols

    # --- decimal separator ----------------------------------------------------------------------------------
    if decimal is None:
        decimal = (
            ","
            if is_xlsx
            else _detect_decimal(
                data_rows, [c.index for c in columns] + ([val_idx] if val_idx is not None else []), used_sep
            )
        )

    # --- keys ------------------------------------------------------------------------------------------------
    raw_keys = []
    kcells = _column_cells(data_rows, key_idx, mbox) if _FAST else None
    if kcells is not None and all(v.__class__ is str for v in kcells):
        # text keys (CSV): no key is empty or a decimal number; only a key with an 'e' can be scientific
        raw_keys = [(v.strip(), False) for v in kcells]
        if any(("e" in k or "E" in k) and _SCI_NUMBER.match(k.replace(" ", "")) for k, _ in raw_keys):
            raw_keys = []
            kcells = None
    else:
        kcells = None
    for r in data_rows if kcells is None else ():
        kv = r.cells[key_idx] if key_idx < len(r.cells) else None
        if kv is None:
            raise InputError(
                f"{loc(r, key_idx, key_header)}: the row has values but no key. Fill in the key "
                f"('{key_header}') or delete the row.",
                row=r.line,
                column=key_header,
                source=name,
            )
        if isinstance(kv, float) and not kv.is_integer():
            raise InputError(
                f"{loc(r, key_idx, key_header)}: the key {kv} is a decimal number. Keys must be text "
                "(e.g. 05378004); format the key column as text in Excel.",
                row=r.line,
                column=key_header,
                source=name,
            )
        ks = _cell_text(kv)
        if _SCI_NUMBER.match(ks.replace(" ", "")):
            raise InputError(
                f"{loc(r, key_idx, key_header)}: the key '{ks}' is in scientific notation, so its "
                "digits were lost when the file was saved from Excel. Format the key column as text "
                "and export the file again.",
                row=r.line,
                column=key_header,
                source=name,
            )
        raw_keys.append((ks, isinstance(kv, (int, float))))
    keys = _fix_key_width(
        [k for k, _ in raw_keys],
        [n for _, n in raw_keys],
        key_width,
        normalise_label(headers[key_idx]),
        warnings,
        where,
    )

    # --- cells -----------------------------------------------------------------------------------------------
    cache = {}
    errors = []

    def parse(v, r, j, header):
        if isinstance(v, _PercentNumber):
            value, status, _ = parse_cell(float(v), decimal)
            return value, status, "%"
        if isinstance(v, str):
            if v in cache:
                return cache[v]
            try:
                out = parse_cell(v, decimal)
            except ValueError as exc:
                errors.append((r, j, header, v, str(exc)))
                return math.nan, "missing", ""
            cache[v] = out
            return out
        if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
            return parse_cell(v, decimal)
        errors.append((r, j, header, _cell_text(v), "a date, yes/no or other non-number"))
        return math.nan, "missing", ""

    out_key, out_year, out_var, out_val, out_st, out_raw = [], [], [], [], [], []
    seen_rows = {}
    grid = None
    if layout == "wide" and year_idx is None and var_idx is None:
        for r, k in zip(data_rows, keys if not _FAST or len(set(keys)) != len(keys) else ()):
            if k in seen_rows:
                o = seen_rows[k]
                raise InputError(
                    f"{loc(r, key_idx, key_header)}: the key '{k}' occurs twice (also in "
                    f"{'row' if is_xlsx else 'line'} {o.line}). Each key may occur once; remove or "
                    "merge the duplicate row.",
                    row=r.line,
                    column=key_header,
                    source=name,
                )
            seen_rows[k] = r
        grid = _parse_grid(data_rows, columns, parse, errors, mbox.get("matrix"))
    elif layout == "wide" or var_idx is None:
        for r, k in zip(data_rows, keys):
            ry = None
            if year_idx is not None:
                ry = _row_year(r, year_idx, headers[year_idx], loc, name)
            dk = (k, ry)
            if dk in seen_rows:
                o = seen_rows[dk]
                raise InputError(
                    f"{loc(r, key_idx, key_header)}: the key '{k}'"
                    + (f" with the year {ry}" if ry is not None else "")
                    + f" occurs twice (also in {'row' if is_xlsx else 'line'} {o.line}). "
                    "Each key may occur once"
                    + (" per year" if year_idx is not None else "")
                    + "; remove or merge the duplicate row.",
                    row=r.line,
                    column=key_header,
                    source=name,
                )
            seen_rows[dk] = r
            for c in columns:
                v = r.cells[c.index] if c.index < len(r.cells) else None
                value, status, unit = parse(v, r, c.index, c.header)
                if unit and not c.unit:
                    c.unit = unit
                out_key.append(k)
                out_year.append(ry if ry is not None else c.year)
                out_var.append(c.variable)
                out_val.append(value)
                out_st.append(status)
                out_raw.append(_cell_text(v))
    else:
        var_header = headers[var_idx]
        val_header = headers[val_idx]
        units = {}
        for r, k in zip(data_rows, keys):
            ry = _row_year(r, year_idx, headers[year_idx], loc, name) if year_idx is not None else default_year
            vn = r.cells[var_idx] if var_idx < len(r.cells) else None
            if vn is None:
                raise InputError(
                    f"{loc(r, var_idx, var_header)}: the row has no variable name. Fill in the "
                    f"variable ('{var_header}') or delete the row.",
                    row=r.line,
                    column=var_header,
                    source=name,
                )
            variable, _, _, _ = map_variable(strip_markers(_cell_text(vn))[0])
            dk = (k, ry, variable)
            if dk in seen_rows:
                o = seen_rows[dk]
                raise InputError(
                    f"{loc(r, key_idx, key_header)}: key '{k}', variable '{variable}'"
                    + (f", year {ry}" if ry is not None else "")
                    + f" occurs twice (also in {'row' if is_xlsx else 'line'} {o.line}). Remove the "
                    "duplicate row.",
                    row=r.line,
                    column=key_header,
                    source=name,
                )
            seen_rows[dk] = r
            v = r.cells[val_idx] if val_idx < len(r.cells) else None
            value, status, unit = parse(v, r, val_idx, val_header)
            if unit:
                units.setdefault(variable, unit)
            out_key.append(k)
            out_year.append(ry)
            out_var.append(variable)
            out_val.append(value)
            out_st.append(status)
            out_raw.append(_cell_text(v))
        columns = [
            ColumnInfo(
                val_idx,
                _letter(val_idx),
                val_header,
                val_header,
                v,
                None,
                (),
                [],
                [],
                units.get(v, ""),
                v in set(aliases.values()),
            )
            for v in dict.fromkeys(out_var)
        ]

    if errors:
        errors.sort(key=lambda e: (e[0].line, e[1]))
        r, j, header, v, why = errors[0]
        more = ""
        if len(errors) > 1:
            more = (
                f" {len(errors) - 1} more cell(s) cannot be read: "
                + "; ".join(
                    f"{'row' if is_xlsx else 'line'} {e[0].line} column "
                    f"{_letter(e[1]) if is_xlsx else e[1] + 1} '{e[3]}'"
                    for e in errors[1:6]
                )
                + (" ..." if len(errors) > 6 else "")
                + "."
            )
        raise InputError(
            f"{loc(r, j, header)}: '{v}' is not a number ({why}). Numbers are written like 1.234 or 1.234,5 "
            "(German) and may carry '%'; allowed symbols are - (zero), 0, . (unknown/secret), ... (not yet "
            "available), x (not applicable), / (unreliable), * (anonymised), (12) (uncertain), 12 p/r/s. "
            "Correct the cell or replace it with '.' if the value is unknown." + more,
            row=r.line,
            column=header,
            source=name,
        )

    long = (
        None
        if grid is not None
        else pd.DataFrame(
            {
                "key": pd.Series(out_key, dtype="object"),
                "year": pd.array([None if y is None else int(y) for y in out_year], dtype="Int64"),
                "variable": pd.Series(out_var, dtype="object"),
                "value": np.asarray(out_val, dtype="float64"),
                "status": pd.Series(out_st, dtype="object"),
                "raw": pd.Series(out_raw, dtype="object"),
            }
        )
    )
    key_order = list(dict.fromkeys(keys))
    labels = pd.DataFrame(index=pd.Index(key_order, name="key"))
    for j, h in label_cols:
        first = {}
        for r, k in zip(data_rows, keys):
            first.setdefault(k, _cell_text(r.cells[j]) if j < len(r.cells) else "")
        labels[strip_markers(h)[0]] = [first.get(k, "") for k in key_order]
    n_missing = int((grid[1] == "missing").sum()) if grid is not None else int((long["status"] == "missing").sum())
    if n_missing:
        warnings.append(_missing_warning(n_missing))
    return StatTable(
        long,
        path=str(path),
        key_column=headers[key_idx] or key_header,
        layout=layout,
        encoding=enc,
        sep=used_sep,
        decimal=decimal,
        footnotes=footnotes,
        footnote_map=footnote_map,
        header_notes=header_notes,
        title=title,
        columns=columns,
        warnings=warnings,
        header_row=hrow.line,
        sheet=used_sheet,
        key_order=key_order,
        labels=labels,
        grid=grid,
    )


_Columns = namedtuple(
    "_Columns",
    "key_idx key_header year_idx default_year var_idx val_idx layout aliases "
    "map_variable columns label_cols header_notes",
)


def _table_columns(
    headers,
    hrow,
    title,
    footnote_map,
    *,
    key,
    year,
    variables,
    value_name,
    where,
    name,
    is_xlsx,
    loc,
    warnings,
    has_data,
    first_with_data,
    column_cells,
):
    """Key, year and value columns of a table from its header (shared by the row-by-row and the plain path).

    has_data(j): column j has a cell in some data row; first_with_data(j): the first such row (for the error);
    column_cells(j): cells of column j that decide whether it holds labels (names) instead of values.
    """
    norm_headers = [normalise_label(h) for h in headers]
    if key is None:
        key_idx = _pick(norm_headers, _KEY_NAMES)
        if key_idx is None:
            key_idx = 0
    elif isinstance(key, int):
        if not 0 <= key < len(headers):
            raise InputError(f"{where}: there is no column number {key + 1}.", source=name)
        key_idx = key
    else:
        nk = normalise_label(key)
        key_idx = next((i for i, h in enumerate(norm_headers) if h == nk), None)
        if key_idx is None:
            close = difflib.get_close_matches(str(key), [h for h in headers if h], n=1)
            raise InputError(
                f"{where}: the key column '{key}' is not in the header (line {hrow.line}). Columns: "
                + ", ".join(h for h in headers if h)
                + (f". Did you mean '{close[0]}'?" if close else "."),
                column=key,
                source=name,
            )
    key_header = headers[key_idx] or f"column {key_idx + 1}"

    year_idx = None
    if isinstance(year, str):
        ny = normalise_label(year)
        year_idx = next((i for i, h in enumerate(norm_headers) if h == ny), None)
        if year_idx is None:
            raise InputError(
                f"{where}: the year column '{year}' is not in the header (line {hrow.line}). Columns: "
                + ", ".join(h for h in headers if h)
                + ".",
                column=year,
                source=name,
            )
        default_year = None
    else:
        default_year = int(year) if year is not None else None
        cand = _pick([h if i != key_idx else "" for i, h in enumerate(norm_headers)], _YEAR_NAMES)
        year_idx = cand
    var_idx = _pick([h if i not in (key_idx, year_idx) else "" for i, h in enumerate(norm_headers)], _VARIABLE_NAMES)
    val_idx = None
    if var_idx is not None:
        val_idx = _pick(
            [h if i not in (key_idx, year_idx, var_idx) else "" for i, h in enumerate(norm_headers)], _VALUE_NAMES
        )
        if val_idx is None:
            var_idx = None
    layout = "long" if (year_idx is not None or var_idx is not None) else "wide"

    aliases = _alias_lookup(variables)

    def map_variable(label):
        """header label (no markers) -> (variable, year, period, mapped)."""
        nl = normalise_label(label)
        if nl in aliases:
            return aliases[nl], None, (), True
        base, yr, period = _split_year(label)
        nb = normalise_label(base)
        if nb in aliases:
            return aliases[nb], yr, period, True
        if yr is not None and nb == "":
            return value_name, yr, (), False
        return header_slug(base if yr is not None else label), yr, period, False

    columns = []
    label_cols = []
    header_notes = {}
    skip = {key_idx, year_idx, var_idx, val_idx} - {None}
    for j, h in enumerate(headers):
        if j in skip:
            continue
        if not h:
            if has_data(j):
                first = first_with_data(j)
                raise InputError(
                    f"{loc(first, j)}: this column has values but no header in line {hrow.line}. "
                    "Give the column a name in the header row.",
                    row=first.line,
                    column=j + 1,
                    source=name,
                )
            continue
        label, markers = strip_markers(h)
        if (
            var_idx is None
            and normalise_label(label) not in aliases
            and _is_label_column(normalise_label(label), column_cells(j))
        ):
            label_cols.append((j, h))
            continue
        if layout == "long" and var_idx is None:
            variable, yr, period, mapped = map_variable(label)
            yr = None
        elif var_idx is not None:
            continue
        else:
            variable, yr, period, mapped = map_variable(label)
        notes = [footnote_map.get(m, m) for m in markers]
        if markers:
            header_notes[h] = notes
        if yr is None and not period and default_year is not None and layout == "wide":
            yr = default_year
        columns.append(ColumnInfo(j, _letter(j), h, label, variable, yr, period, markers, notes, "", mapped))

    # a single year in the title ('Stand 31.12.2009') dates a table whose headers carry no year
    if year is None and layout == "wide" and title and not any(c.year is not None or c.period for c in columns):
        tyears = set()
        for line in title:
            tyears.update(int(y) for y in _YEAR.findall(_split_year_dates(line)))
        if len(tyears) == 1:
            ty = tyears.pop()
            for c in columns:
                c.year = ty
            warnings.append(
                f"{where}: the year {ty} was taken from the title line; give the year explicitly if that is wrong."
            )

    if not columns and var_idx is None:
        raise InputError(
            f"{where}: besides the key column '{key_header}' the table has no value columns "
            f"(header in line {hrow.line}).",
            source=name,
        )

    # duplicate (variable, year) columns
    seen = {}
    for c in columns:
        k = (c.variable, c.year, c.period)
        if k in seen:
            o = seen[k]
            raise InputError(
                f"{where}: columns {o.letter if is_xlsx else o.index + 1} ('{o.header}') and "
                f"{c.letter if is_xlsx else c.index + 1} ('{c.header}') both give the variable '{c.variable}'"
                + (f" for {c.year}" if c.year is not None else "")
                + ". Remove one of them or map them to different variables.",
                column=c.header,
                source=name,
            )
        seen[k] = c
    return _Columns(
        key_idx,
        key_header,
        year_idx,
        default_year,
        var_idx,
        val_idx,
        layout,
        aliases,
        map_variable,
        columns,
        label_cols,
        header_notes,
    )


#: lines the plain path splits itself (the header search looks at the first 100 rows only, see _find_header)
_PLAIN_HEAD = 100
#: plain integers are read exactly as floats below this bound
_PLAIN_MAX = 2**53


def _read_plain_csv(path, text, enc, sep, *, key, year, variables, decimal, header_row, key_width, value_name):
    """A wide CSV table of complete rows, read with pandas' C parser; None when that is not certain to give
    exactly what the row-by-row reader gives.

    Why: block tables have 20,000 rows and more; splitting them row by row in Python took most of the reading
    time. Applies to quote-free text with \n or \r\n line ends; the header found in the first lines (the
    same search); below it rows exactly as wide as the header, each with a key and a value, and after the last
    of them only footnote lines (found as the row-by-row reader finds them); no label, year or variable column.
    Integer columns are taken from pandas when every cell is an integer in its shortest form (digits with an
    optional '-': the characters must add up); every other column is taken as text and each distinct cell is
    parsed once with parse_cell, as the row-by-row reader does. Anything else - and any error - returns None,
    and the row-by-row reader reads the file (with its messages naming line and column).
    """
    import numpy as np
    import pandas as pd

    name = os.path.basename(str(path))
    if isinstance(year, str) or sep not in (";", "\t", ",", "|") or '"' in text or "\x00" in text:
        return None
    n_cr = text.count("\r")
    if n_cr and n_cr != text.count("\r\n"):
        return None
    # the first lines as the row-by-row reader splits them
    ends = []
    for m in _LINE_END.finditer(text):
        ends.append(m.end())
        if len(ends) == _PLAIN_HEAD:
            break
    head = _split_plain(text[: ends[-1]] if len(ends) == _PLAIN_HEAD else text, sep)
    if not head:
        return None
    if header_row is not None:
        hi = next((i for i, r in enumerate(head) if r.line == int(header_row)), None)
        if hi is None or not _nonempty(head[hi].cells):
            return None
    else:
        try:
            hi = _find_header(head, name)
        except InputError:
            return None
    hrow = head[hi]
    headers = [_cell_text(c) for c in hrow.cells]
    width = len(headers)
    if width < 2 or not all(headers) or hi >= len(ends):
        return None
    title = [" ".join(_cell_text(c) for c in _nonempty(r.cells)) for r in head[:hi] if _nonempty(r.cells)]
    # footnote lines under the table: from the end, every line up to the last data row (as the row-by-row
    # reader finds it; at most a few lines are looked at)
    start, stop = ends[hi], len(text)
    trailer = []
    while True:
        end = stop - 2 if text.endswith("\r\n", start, stop) else stop - 1 if text.endswith("\n", start, stop) else stop
        if end <= start:
            return None
        begin = max(text.rfind("\n", start, end) + 1, start)
        row = _split_plain(text[begin:end], sep)
        if row is None:
            return None
        row = row[0] if row else _Row(0, [], 0)
        if _is_data_row(row):
            break
        trailer.insert(0, row)
        stop = begin
        if len(trailer) > 30:
            return None
    if any(len(r.cells) > width for r in trailer):
        return None  # a footnote line wider than the header would widen the table
    footnotes, footnote_map = _footnote_lines(trailer)
    body = text[start:stop]
    n_cr_body = n_cr - text.count("\r", 0, start) - text.count("\r", stop) if n_cr else 0
    n_lf, n_sep = body.count("\n"), body.count(sep)
    n_lines = n_lf + (0 if body.endswith("\n") else 1)
    if n_sep != n_lines * (width - 1):
        return None
    first_cells = body[: _LINE_END.search(body).start() if _LINE_END.search(body) else len(body)].split(sep)
    if len(first_cells) != width:
        return None

    def no_row(j):  # never asked: every header has a name
        raise InputError("no row")

    def columns_of(column_cells, warnings):
        try:
            cols = _table_columns(
                headers,
                hrow,
                title,
                footnote_map,
                key=key,
                year=year,
                variables=variables,
                value_name=value_name,
                where=name,
                name=name,
                is_xlsx=False,
                loc=None,
                warnings=warnings,
                has_data=lambda j: True,
                first_with_data=no_row,
                column_cells=column_cells,
            )
        except InputError:
            return None
        if cols.layout != "wide" or cols.year_idx is not None or cols.var_idx is not None or cols.label_cols:
            return None
        idx = [c.index for c in cols.columns]
        if not idx or sorted(idx + [cols.key_idx]) != list(range(width)):
            return None
        return cols

    # the key column does not depend on the cells: found first, so that pandas reads the keys as text
    first = columns_of(lambda j: [first_cells[j]], [])
    if first is None:
        return None
    key_idx = first.key_idx
    try:
        frame = pd.read_csv(
            io.StringIO(body),
            sep=sep,
            header=None,
            dtype={key_idx: str},
            na_filter=False,
            skip_blank_lines=False,
            quoting=csv.QUOTE_NONE,
            engine="c",
            low_memory=False,
        )
    except Exception:
        return None
    if frame.shape != (n_lines, width):
        return None
    again = [j for j, d in enumerate(frame.dtypes) if j != key_idx and d not in (np.int64, object)]
    if again:
        # columns pandas took for decimals ('1.234' is a thousand here) or yes/no: read again as text
        try:
            text_cols = pd.read_csv(
                io.StringIO(body),
                sep=sep,
                header=None,
                usecols=again,
                dtype={j: str for j in again},
                na_filter=False,
                skip_blank_lines=False,
                quoting=csv.QUOTE_NONE,
                engine="c",
                low_memory=False,
            )
        except Exception:
            return None
        if len(text_cols) != n_lines:
            return None
        for j in again:
            frame[j] = text_cols[j]
    dtypes = frame.dtypes
    raw_keys = frame[key_idx].to_numpy(dtype=object)
    if pd.api.types.infer_dtype(raw_keys, skipna=False) != "string":
        return None
    raw_keys = raw_keys.tolist()
    chars = sum(map(len, raw_keys))
    # integer columns (pandas parsed every cell as an integer) and text columns (anything else, as delivered:
    # each distinct text is parsed once below, as the row-by-row reader does)
    int_cols = [j for j in range(width) if j != key_idx and dtypes[j] == np.int64]
    texts = {}  # column -> (codes, distinct texts, blank per distinct text)
    for j in range(width):
        if j == key_idx or j in int_cols:
            continue
        col = frame[j].to_numpy(dtype=object)
        if dtypes[j] != object or pd.api.types.infer_dtype(col, skipna=False) != "string":
            return None
        codes, uniques = pd.factorize(col)
        uniques = list(uniques)
        chars += int(np.dot(np.bincount(codes, minlength=len(uniques)), [len(u) for u in uniques]))
        texts[j] = (codes, uniques, np.array([not u or u.isspace() for u in uniques], dtype=bool))
    arr = frame[int_cols].to_numpy(dtype=np.int64) if int_cols else np.empty((n_lines, 0), dtype=np.int64)
    if arr.size and (arr.min() <= -_PLAIN_MAX or arr.max() >= _PLAIN_MAX):
        return None
    # every integer cell written plainly and every text intact: the plain form of an integer is its shortest
    # form, so the cells' characters add up to the file's characters only when no integer cell has a sign
    # '+', a leading zero or a blank
    mag = np.abs(arr)
    top = int(mag.max()) if mag.size else 0
    chars += mag.size + int(np.count_nonzero(arr < 0))
    power = 10
    while power <= top:  # one more digit for every cell at or above 10, 100, 1000, ...
        chars += int(np.count_nonzero(mag >= power))
        power *= 10
    if chars != len(body) - n_sep - n_lf - n_cr_body:
        return None
    # every row is a data row: at least two cells that are not blank (the last one is, see the trailer above)
    blank = np.zeros(n_lines, dtype=np.intp)
    for codes, _, bl in texts.values():
        blank += bl[codes]
    if (width - blank < 2).any() or (0 in texts and texts[0][2][texts[0][0][0]]):
        return None  # (a blank first cell under the header may start a second header row)

    def cells_of(j):  # the cells of a column as the row-by-row reader holds them (blank -> None)
        if j not in texts:
            return [first_cells[j]]  # an integer column: its first cell is a number, as every other
        codes, uniques, bl = texts[j]
        return np.array([None if b else u for u, b in zip(uniques, bl)], dtype=object)[codes].tolist()

    warnings = []
    cols = columns_of(cells_of, warnings)
    if cols is None or cols.key_idx != key_idx:
        return None
    columns = cols.columns
    if decimal is None and not texts:
        decimal = ","  # plain integers have neither a decimal point nor a comma: _detect_decimal gives ','
    elif decimal is None:
        n500 = [m.end() for m, _ in zip(_LINE_END.finditer(body), range(500))]
        head500 = _split_plain(body[: n500[-1]] if len(n500) == 500 else body, sep)
        if head500 is None:
            return None
        decimal = _detect_decimal(head500, [c.index for c in columns], sep)
    keys = [k.strip() for k in raw_keys]
    joined = "".join(keys)
    if not all(keys) or (
        ("e" in joined or "E" in joined)
        and any(("e" in k or "E" in k) and _SCI_NUMBER.match(k.replace(" ", "")) for k in keys)
    ):
        return None
    keys = _fix_key_width(keys, [False] * len(keys), key_width, normalise_label(headers[key_idx]), warnings, name)
    if len(set(keys)) != len(keys):
        return None
    int_pos = {j: k for k, j in enumerate(int_cols)}
    ok_zero = np.array(["ok", "rounded_to_zero"], dtype=object)
    raw_of = {}
    cache = {}
    n_missing = 0  # cells read as 'missing' (integer cells never are)
    # a plain integer cell reads as itself: 'ok', or 'rounded_to_zero' for 0 (parse_cell)
    if not texts:  # integers only (columns and int_cols both in file order): all at once
        vals = arr.T.astype("float64")
        sts = ok_zero[(vals == 0).astype(np.intp)]
    else:
        vals = np.empty((len(columns), n_lines), dtype="float64")
        sts = np.empty((len(columns), n_lines), dtype=object)
    for ci, c in enumerate(columns):
        if not texts:
            break
        if c.index in int_pos:
            vals[ci] = arr[:, int_pos[c.index]]
            sts[ci] = ok_zero[(vals[ci] == 0).astype(np.intp)]
            continue
        codes, uniques, bl = texts[c.index]
        u_val, u_st, u_raw = [], [], []
        for u, b in zip(uniques, bl):
            if b:
                value, status, unit = parse_cell(None, decimal)
            else:
                out = cache.get(u)
                if out is None:
                    try:
                        out = parse_cell(u, decimal)
                    except ValueError:
                        return None  # the row-by-row reader names the line and column
                    cache[u] = out
                value, status, unit = out
            if unit and not c.unit:
                c.unit = unit
            u_val.append(value)
            u_st.append(status)
            u_raw.append("" if b else u.strip())
        vals[ci] = np.asarray(u_val, dtype="float64")[codes]
        sts[ci] = np.asarray(u_st, dtype=object)[codes]
        raw_of[ci] = (np.asarray(u_raw, dtype=object), codes)
        per_text = np.bincount(codes, minlength=len(uniques))
        n_missing += int(sum(per_text[k] for k, st in enumerate(u_st) if st == "missing"))

    def raws():
        if not texts:
            return arr.T.astype(str).astype(object)
        out = np.empty((len(columns), n_lines), dtype=object)
        for ci, c in enumerate(columns):
            if ci in raw_of:
                look, codes = raw_of[ci]
                out[ci] = look[codes]
            else:
                out[ci] = arr[:, int_pos[c.index]].astype(str).astype(object)
        return out

    if n_missing:
        warnings.append(_missing_warning(n_missing))
    labels = pd.DataFrame(index=pd.Index(keys, name="key"))
    return StatTable(
        None,
        path=str(path),
        key_column=headers[key_idx],
        layout="wide",
        encoding=enc,
        sep=sep,
        decimal=decimal,
        footnotes=footnotes,
        footnote_map=footnote_map,
        header_notes=cols.header_notes,
        title=title,
        columns=columns,
        warnings=warnings,
        header_row=hrow.line,
        sheet=None,
        key_order=keys,
        labels=labels,
        grid=(vals, sts, raws),
    )


def _footnote_lines(trailer):
    """Footnote texts of the rows under the table, and {marker: text} for those that start with a marker."""
    footnotes = ["; ".join(_cell_text(c) for c in _nonempty(r.cells)) for r in trailer if _nonempty(r.cells)]
    footnote_map = {}
    for fn in footnotes:
        m = re.match(
            r"^\s*(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\)|\[(\d{1,2})\]|([" + _SUPERSCRIPTS + r"]+)\)?|(\*+)\)?)\s*(.*)$", fn
        )
        if m:
            mk = next(g for g in m.groups()[:5] if g)
            if mk[0] in _SUPERSCRIPTS:
                mk = "".join(_SUPER_TO_DIGIT[c] for c in mk)
            footnote_map[mk] = m.group(6).strip()
    return footnotes, footnote_map


def _missing_warning(n_missing):
    return (
        f"{n_missing} empty cell(s) read as 'missing' (no value). Official tables use '.' or '-' instead of "
        "empty cells; check whether they mean 0."
    )


def _grid_long(grid, keys, columns):
    """The long cell frame of a wide table from its (values, status, raw) arrays, in row-major order."""
    import numpy as np
    import pandas as pd

    vals, sts, raws = grid
    if callable(raws):  # the plain path makes the raw texts only when they are asked for
        raws = raws()
    ncol, nrow = len(columns), len(keys)
    col_years = np.array([np.nan if c.year is None else float(c.year) for c in columns], dtype=float)
    return pd.DataFrame(
        {
            "key": pd.Series(np.repeat(np.asarray(keys, dtype=object), ncol), dtype="object"),
            "year": pd.array(np.tile(col_years, nrow), dtype="Int64") if ncol else pd.array([], dtype="Int64"),
            "variable": pd.Series(
                np.tile(np.asarray([c.variable for c in columns], dtype=object), nrow), dtype="object"
            ),
            "value": vals.T.ravel() if ncol else np.array([], dtype="float64"),
            "status": pd.Series(sts.T.ravel() if ncol else [], dtype="object"),
            "raw": pd.Series(raws.T.ravel() if ncol else [], dtype="object"),
        }
    )


def _parse_grid(data_rows, columns, parse, errors, matrix=None):
    """Cells of a wide table parsed column by column, each distinct text once (fast for large tables).

    Returns (values, status, raw) arrays of shape (columns, rows); bad cells go to ``errors`` exactly as the
    cell-by-cell path reports them (the caller sorts them by line and column).
    """
    import numpy as np
    import pandas as pd

    nrow = len(data_rows)
    vals = np.empty((len(columns), nrow), dtype="float64")
    sts = np.empty((len(columns), nrow), dtype=object)
    raws = np.empty((len(columns), nrow), dtype=object)
    width = max([c.index + 1 for c in columns] + [len(r.cells) for r in data_rows] + [0])
    if matrix is not None and matrix.shape == (nrow, width):
        pass  # built by read_table already (same rows, same padding)
    else:
        matrix = np.empty((nrow, width), dtype=object)
        if nrow:
            matrix[:] = [
                r.cells if len(r.cells) == width else r.cells + [None] * (width - len(r.cells)) for r in data_rows
            ]
    for ci, c in enumerate(columns):
        j = c.index
        cells = matrix[:, j]
        codes, uniques = pd.factorize(np.ascontiguousarray(cells)) if nrow else (np.array([], int), [])
        uniq = list(uniques) + [None]  # code -1 (an empty cell) takes the last entry
        if not all(v is None or v.__class__ is str for v in uniq):
            # numbers and dates from XLSX: cell by cell (equal floats of different meaning, e.g. percent)
            for i, (r, v) in enumerate(zip(data_rows, cells)):
                value, status, unit = parse(v, r, j, c.header)
                if unit and not c.unit:
                    c.unit = unit
                vals[ci, i], sts[ci, i], raws[ci, i] = value, status, _cell_text(v)
            continue
        u_val, u_st, u_raw = [], [], []
        for v in uniq:
            before = len(errors)
            value, status, unit = parse(v, None, j, c.header)  # the row matters only for an error
            if len(errors) > before:
                # report every occurrence of the bad text, as the cell-by-cell path does
                del errors[before:]
                for r, cv in zip(data_rows, cells):
                    if cv == v:
                        parse(v, r, j, c.header)
            if unit and not c.unit:
                c.unit = unit
            u_val.append(value)
            u_st.append(status)
            u_raw.append(_cell_text(v))
        vals[ci] = np.asarray(u_val, dtype="float64")[codes]
        sts[ci] = np.asarray(u_st, dtype=object)[codes]
        raws[ci] = np.asarray(u_raw, dtype=object)[codes]
    return vals, sts, raws


def _column_cells(data_rows, j, box):
    """Cells of column j of the data rows (None where a row is shorter); box keeps the row matrix."""
    if not _FAST:
        return [r.cells[j] if j < len(r.cells) else None for r in data_rows]
    matrix = _row_matrix(data_rows, box)
    if j >= matrix.shape[1]:
        return [None] * len(data_rows)
    return matrix[:, j].tolist()


def _row_matrix(data_rows, box):
    """Object matrix (rows x widest row) of the data rows, built once per read (kept in the dict box)."""
    import numpy as np

    if "matrix" in box:
        return box["matrix"]
    nrow = len(data_rows)
    width = max([len(r.cells) for r in data_rows] + [0])
    matrix = np.empty((nrow, width), dtype=object)
    if nrow and width:
        matrix[:] = [r.cells if len(r.cells) == width else r.cells + [None] * (width - len(r.cells)) for r in data_rows]
    box["matrix"] = matrix
    return matrix


def _is_label_column(header_norm, cells):
    """Names next to the key (Gemeinde, Stadtteil): kept as labels, not parsed as values."""
    ne = [c for c in cells if c is not None]
    if not ne or any(_is_number_like(c) for c in ne):
        return False
    if header_norm in _LABEL_NAMES:
        return True
    return len(ne) >= 2 and all(isinstance(c, str) and not re.search(r"\d", c) for c in ne)


def _row_year(r, idx, header, loc, name):
    v = r.cells[idx] if idx < len(r.cells) else None
    if v is None:
        raise InputError(
            f"{loc(r, idx, header)}: the year is empty. Fill in the year (e.g. 2014).",
            row=r.line,
            column=header,
            source=name,
        )
    if hasattr(v, "year") and not isinstance(v, (int, float)):
        return int(v.year)
    if isinstance(v, (int, float)) and float(v).is_integer() and 1900 <= v <= 2100:
        return int(v)
    s = _cell_text(v)
    m = re.fullmatch(r"\s*(?:\d{1,2}\.\s?\d{1,2}\.\s?)?((?:19|20)\d\d)\s*", s)
    if not m:
        raise InputError(
            f"{loc(r, idx, header)}: '{s}' is not a year. Write the year as four digits (e.g. 2014) "
            "or a date like 31.12.2014.",
            row=r.line,
            column=header,
            source=name,
        )
    return int(m.group(1))


def _detect_decimal(data_rows, idxs, sep):
    """',' unless the cells clearly use a decimal point (and no cell uses a decimal comma)."""
    de = en = 0
    kinds = {}  # each distinct text classified once
    for r in data_rows[:500]:
        for j in idxs:
            v = r.cells[j] if j < len(r.cells) else None
            if not isinstance(v, str):
                continue
            kind = kinds.get(v)
            if kind is None:
                s = re.sub(r"[%\s()\u2030+\-prs|*]", "", v.lower())
                if re.fullmatch(r"\d+,\d{1,2}|\d+,\d{4,}|\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,}", s):
                    kind = "de"
                elif re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}|\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,}", s):
                    kind = "en"
                else:
                    kind = ""
                if _FAST:
                    kinds[v] = kind
            if kind == "de":
                de += 1
            elif kind == "en":
                en += 1
    return "." if en > 0 and de == 0 else ","


def _fix_key_width(keys, numeric, key_width, key_header_norm, warnings, where):
    """Restore leading zeros that Excel dropped from numeric keys (AGS 05378004 stored as 5378004).

    Rule (documented in docs/tables.md): only digit-only keys are padded. With key_width given, to that width;
    for a column named AGS/Gemeindeschlüssel (8), ARS/Regionalschlüssel/Blocknummer (12) or Kreisschlüssel (5)
    to that width; otherwise when the digit keys have exactly two lengths n and n+1 and the short ones were
    stored as numbers (XLSX) or all keys are digits (CSV), to n+1. Each padding is reported as a warning.
    """
    if keys and all(keys) and "".join(keys).isdigit():
        digit = [True] * len(keys)  # all digits (the common case), without testing key by key
    else:
        digit = [k.isdigit() for k in keys]
    if not keys or not any(digit):
        return keys
    width = key_width
    if width is None:
        width = _KEY_WIDTHS.get(key_header_norm)
        if width is None:
            lengths = {len(k) for k, d in zip(keys, digit) if d}
            if len(lengths) == 2 and max(lengths) - min(lengths) == 1 and all(digit) and min(lengths) >= 4:
                width = max(lengths)
    if width is None or min(map(len, keys)) >= width:
        return keys
    out, padded = [], []
    for k, d in zip(keys, digit):
        if d and len(k) < width:
            padded.append(k)
            out.append(k.zfill(width))
        else:
            out.append(k)
    if padded:
        warnings.append(
            f"{where}: {len(padded)} key cell(s) had lost leading zeros (stored as numbers, e.g. "
            f"{padded[0]} -> {padded[0].zfill(width)}) and were padded to {width} digits. Format the "
            "key column as text to avoid this."
        )
    return out
