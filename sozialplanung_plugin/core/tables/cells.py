"""Cells: DIN 55301 / Destatis table symbols, German numbers, and parsing a whole column of cells at once.

Every cell gets (value, status, unit): a number or NaN, a status code from STATUS_CODES, and '%'/'‰' when the
cell carried the sign. parse_cell() is the definition; parse_texts() gives the same for many distinct texts
(the cells of a column, each distinct text once) and reads plain numbers in bulk.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..fields import YEAR_MAX, YEAR_MIN, YEAR_PATTERN

if TYPE_CHECKING:
    import numpy as np

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
_SUPER_TO_DIGIT = {c: "1230456789"[_SUPERSCRIPTS.index(c)] for c in _SUPERSCRIPTS}

_DE_NUMBER = re.compile(r"^(?:\d{1,3}(?:[. ]\d{3})+|\d+)(?:,\d+)?$|^,\d+$")
_EN_NUMBER = re.compile(r"^(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_SCI_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")


_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)


def _clean_text(raw):
    """Look-alikes to ASCII, superscripts kept, whitespace collapsed (str.split and re's \\s take the same
    characters for whitespace, str.isspace)."""
    return " ".join(str(raw).translate(_LOOKALIKE_TABLE).split())


def parse_cell(raw: object, decimal: str = ",") -> tuple[float, str, str]:
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
# Many cells at once
# ---------------------------------------------------------------------------------------------------------

# A plain number as parse_cell reads it, written in its simplest form (no blanks, signs only '-', no unit):
# for these the value is float() of the text without thousands separators, exactly as parse_cell computes it.
_PLAIN = {
    ",": r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?",
    ".": r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?",
}
_PLAIN_ONE = {d: re.compile(p) for d, p in _PLAIN.items()}
_PLAIN_ALL = {d: re.compile(f"{p}(?:\n{p})*") for d, p in _PLAIN.items()}
# a line (of texts joined by line breaks) that is not a plain number
_NOT_PLAIN_LINE = {d: re.compile(f"^(?!(?:{p})$)[^\n]*", re.MULTILINE) for d, p in _PLAIN.items()}
# the raw texts of the symbols most tables use, looked up before anything else
_SYMBOL_TEXTS = {
    "-": (0.0, "exact_zero", ""),
    ".": (math.nan, "suppressed_or_unknown", ""),
    "...": (math.nan, "pending", ""),
    "x": (math.nan, "not_applicable", ""),
    "X": (math.nan, "not_applicable", ""),
    "/": (math.nan, "unreliable", ""),
    "*": (math.nan, "suppressed", ""),
    "\u2013": (0.0, "exact_zero", ""),
    "\u2026": (math.nan, "pending", ""),
}


_SYMBOL_SET = frozenset(_SYMBOL_TEXTS)


def _plain_values(texts, decimal):
    """float values of plain numbers (see _PLAIN), in bulk."""
    import numpy as np

    if decimal == ",":
        joined = "\n".join(texts).replace(".", "").replace(",", ".")
    else:
        joined = "\n".join(texts).replace(",", "")
    return np.fromiter(map(float, joined.split("\n")), dtype="float64", count=len(texts))


def parse_texts(
    texts: Sequence[str], decimal: str = ","
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, list[tuple[int, str]]]:
    """parse_cell() of many texts (the distinct cells of a column): (values, statuses, units, bad).

    values is a float array, statuses an object array, units an object array or None when no text carries a
    unit, bad lists (index, reason) of the texts that are neither a number nor a symbol (their value is NaN and
    status 'missing'; the caller reports them). Plain numbers - most cells of most tables - are recognised by
    one regular expression over all texts and converted in bulk; the usual symbols are looked up; every other
    text goes through parse_cell.
    """
    import numpy as np

    n = len(texts)
    statuses = np.full(n, "ok", dtype=object)
    if n == 0:
        return np.empty(0, dtype="float64"), statuses, None, []
    if _all_plain(texts, decimal):
        values = _plain_values(texts, decimal)
        statuses[values == 0] = "rounded_to_zero"
        return values, statuses, None, []
    values = np.full(n, np.nan)
    units = None
    bad = []
    arr = np.empty(n, dtype=object)
    arr[:] = texts
    # the usual symbols looked up in a set (hash of the texts, in C), the few texts found set one by one
    is_symbol = np.fromiter(map(_SYMBOL_SET.__contains__, texts), dtype=bool, count=n)
    for i in np.flatnonzero(is_symbol).tolist():
        values[i], statuses[i], _ = _SYMBOL_TEXTS[texts[i]]
    rest = np.flatnonzero(~is_symbol)
    rest_texts = arr[rest].tolist()
    others = _not_plain(rest_texts, decimal)
    if others is None:  # texts with line breaks: one by one
        one = _PLAIN_ONE[decimal].fullmatch
        others = [k for k, t in enumerate(rest_texts) if not one(t)]
    plain = rest
    if others:
        is_plain = np.ones(len(rest), dtype=bool)
        is_plain[others] = False
        plain = rest[is_plain]
        for k in others:
            i, t = int(rest[k]), rest_texts[k]
            try:
                v, st, unit = parse_cell(t, decimal)
            except ValueError as exc:
                bad.append((i, str(exc)))
                statuses[i] = "missing"
                continue
            values[i], statuses[i] = v, st
            if unit:
                if units is None:
                    units = np.full(n, "", dtype=object)
                units[i] = unit
    if plain.size:
        pv = _plain_values(arr[plain].tolist(), decimal)
        values[plain] = pv
        statuses[plain[pv == 0]] = "rounded_to_zero"
    return values, statuses, units, bad


def _not_plain(texts, decimal):
    """Positions of the texts that are not plain numbers, found by one regular expression over all texts;
    None when a text holds a line break."""
    import numpy as np

    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return None
    if _digits_only(joined, texts):
        return []
    n = len(texts)
    # texts of ASCII digits only are plain; the expression looks at the others
    digits = np.fromiter(map(str.isdigit, texts), dtype=bool, count=n)
    digits &= np.fromiter(map(str.isascii, texts), dtype=bool, count=n)
    if digits.any():
        look = np.flatnonzero(~digits)
        arr = np.empty(n, dtype=object)
        arr[:] = texts
        texts = arr[look].tolist()
        joined = "\n".join(texts)
    else:
        look = None
    found = [m.start() for m in _NOT_PLAIN_LINE[decimal].finditer(joined)] if texts else []
    if not found:
        return []
    starts = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1) - 1
    starts = np.concatenate(([0], starts[:-1] + 1))
    at = np.searchsorted(starts, found)
    return (look[at] if look is not None else at).tolist()


def _all_plain(texts, decimal):
    """Every text a plain number (see _PLAIN): one regular expression over all of them."""
    if not texts:
        return False
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return False
    return _digits_only(joined, texts) or _PLAIN_ALL[decimal].fullmatch(joined) is not None


def _digits_only(joined, texts):
    """Every text a non-empty run of ASCII digits (texts joined by line breaks in joined): the quick case."""
    s = joined.replace("\n", "")
    return s.isascii() and s.isdigit() and all(texts)


def is_number_like(v: object) -> bool:
    """A number or a table symbol (in German or English format): such a cell is a value, not a name."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return True
    if v is None:
        return False
    if v.__class__ is str:
        return _is_number_text(v)
    return _is_number_text.__wrapped__(v)


@functools.lru_cache(maxsize=8192)
def _is_number_text(v):
    """is_number_like() of a text (the header search asks for the same cells again and again)."""
    try:
        parse_cell(v, ",")
        return True
    except ValueError:
        try:
            parse_cell(v, ".")
            return True
        except ValueError:
            return False


_YEAR_CELL = re.compile(rf"\s*{YEAR_PATTERN}\s*")


def is_year_like(v: object) -> bool:
    """A year as a cell (a number or four digits), by the one year rule of core.fields (1900-2099)."""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v).is_integer() and YEAR_MIN <= v <= YEAR_MAX
    if isinstance(v, str):
        return bool(_YEAR_CELL.fullmatch(v))
    return False


def cell_text(v: object) -> str:
    """A cell as text, as the user sees it (dates as dd.mm.yyyy, whole floats without '.0')."""
    if v is None:
        return ""
    if hasattr(v, "year") and hasattr(v, "month"):
        date: Any = v  # a date or datetime of an XLSX cell
        return f"{date.day:02d}.{date.month:02d}.{date.year}"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


_KIND_STRIP = re.compile(r"[%\s()\u2030+\-prs|*]")
_KIND_DE = re.compile(r"\d+,\d{1,2}|\d+,\d{4,}|\d{1,3}(\.\d{3})+,\d+|\d{1,3}(\.\d{3}){2,}")
_KIND_EN = re.compile(r"\d+\.\d{1,2}|\d+\.\d{4,}|\d{1,3}(,\d{3})+\.\d+|\d{1,3}(,\d{3}){2,}")


def decimal_kind(text: str) -> str:
    """'de' for a number with a decimal comma (or German thousands), 'en' for a decimal point, else ''."""
    if "," not in text and "." not in text:
        return ""
    s = _KIND_STRIP.sub("", text.lower())
    if _KIND_DE.fullmatch(s):
        return "de"
    if _KIND_EN.fullmatch(s):
        return "en"
    return ""
