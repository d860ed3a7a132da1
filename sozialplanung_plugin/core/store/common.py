"""Vocabulary of the store (levels, flags, target directions, dates) and small helpers every module uses."""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, overload

from ..errors import InputError
from ..fields import STORE_FLAGS
from ..i18n import tr

if TYPE_CHECKING:
    import sqlite3
    from typing import TypeAlias

    import pandas as pd
    import psycopg2.extensions

    Cursor: TypeAlias = sqlite3.Cursor | psycopg2.extensions.cursor  # a DB-API cursor of either backend

LEVELS = ("block", "space", "municipality", "county")
LEVEL_NAMES = {"block": "Statistischer Block", "space": "Sozialraum", "municipality": "Gemeinde", "county": "Kreis"}
_LEVEL_ALIASES = {
    "block": "block",
    "blocks": "block",
    "baublock": "block",
    "statistischer block": "block",
    "space": "space",
    "spaces": "space",
    "social_space": "space",
    "sozialraum": "space",
    "sozialraeume": "space",
    "sozialräume": "space",
    "municipality": "municipality",
    "municipalities": "municipality",
    "gemeinde": "municipality",
    "county": "county",
    "kreis": "county",
    "landkreis": "county",
}
FLAGS = STORE_FLAGS  # core.fields: the one flag vocabulary; the order is the bit order
DIRECTIONS = ("at_most", "at_least")
_DIRECTION_ALIASES = {
    "at_most": "at_most",
    "<=": "at_most",
    "max": "at_most",
    "decrease": "at_most",
    "down": "at_most",
    "senken": "at_most",
    "hoechstens": "at_most",
    "höchstens": "at_most",
    "lower": "at_most",
    "at_least": "at_least",
    ">=": "at_least",
    "min": "at_least",
    "increase": "at_least",
    "up": "at_least",
    "erhoehen": "at_least",
    "erhöhen": "at_least",
    "mindestens": "at_least",
    "higher": "at_least",
}
ALWAYS = "1900-01-01"  # valid_from of units registered without a date: "valid since always"
DEFAULT_SRID = 25832
DEFAULT_PG_SCHEMA = "sozialmonitoring"
CHUNK_SIZE = 100_000

VALUE_COLUMNS = (
    "unit_fid",
    "variable",
    "ref_date",
    "value",
    "numerator",
    "denominator",
    "suppressed",
    "unreliable",
    "estimated",
    "interpolated",
    "note",
    "import_id",
)


def plugin_version() -> str:
    """Version from the plugin's metadata.txt, written into every import log row."""
    plugin_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # core/store/ -> plugin
    path = os.path.join(plugin_dir, "metadata.txt")
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip().startswith("version="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file, so that a re-import of the same file can be recognised."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def normalise_level(level: str) -> str:
    """Canonical level id ('block', 'space', 'municipality', 'county') from an id or German alias."""
    lv = _LEVEL_ALIASES.get(str(level).strip().lower())
    if lv is None:
        raise InputError(
            tr("Unknown spatial level '{level}'. Use one of: {levels}.", level=level, levels=", ".join(LEVELS))
        )
    return lv


def _date_what(what):
    """The words for the kind of date in the user's language (callers pass the English words, e.g. 'deadline')."""
    known = {
        "reference date": tr("reference date"),
        "valid-from date": tr("valid-from date"),
        "baseline date": tr("baseline date"),
        "deadline": tr("deadline"),
        "evaluation date": tr("evaluation date"),
        "geometry date": tr("geometry date"),
        "old boundary date": tr("old boundary date"),
        "new boundary date": tr("new boundary date"),
        "date": tr("date"),
    }
    return known.get(what, what)


def normalise_date(value: object, what: str = "reference date") -> str:
    """ISO date text 'YYYY-MM-DD'. A bare year means the usual reference date 31.12. of that year.

    `what` names the date in messages: English words (translated here) or a text translated by the caller."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise InputError(tr("The {what} is missing. Give a date (YYYY-MM-DD) or a year.", what=_date_what(what)))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date().isoformat()
    if isinstance(value, (int,)) or (isinstance(value, float) and value.is_integer()):
        year = int(value)
        if 1800 <= year <= 2200:
            return f"{year:04d}-12-31"
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31"
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if m:
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})([ T].*)?", text)
    if m:
        try:
            return _dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError(
        tr(
            "The {what} '{value}' is not a date. Write it as YYYY-MM-DD (e.g. 2023-12-31), "
            "DD.MM.YYYY or as a year (2023 means 2023-12-31).",
            what=_date_what(what),
            value=value,
        )
    )


def normalise_direction(value: str) -> str:
    d = _DIRECTION_ALIASES.get(str(value).strip().lower())
    if d is None:
        raise InputError(
            tr(
                "Unknown target direction '{value}'. Use 'at_most' (the value should fall to the "
                "target or below) or 'at_least' (rise to the target or above).",
                value=value,
            )
        )
    return d


def years_between(a: str, b: str) -> float:
    """Years from date a to date b counted by calendar (31.12.2019 -> 31.12.2021 is exactly 2)."""
    da, db = _dt.date.fromisoformat(a), _dt.date.fromisoformat(b)
    return (db.year - da.year) + (db.month - da.month) / 12.0 + (db.day - da.day) / 365.25


@overload
def iso_date(value: _dt.date | str) -> str: ...
@overload
def iso_date(value: None) -> None: ...
def iso_date(value: _dt.date | str | None) -> str | None:
    """Dates come back as text from SQLite and as datetime.date from PostgreSQL."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)[:10]


def pd_empty(columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(columns=columns)


def utc_now() -> str:
    """Timestamp of a write (UTC, ISO 8601 with microseconds): the same text on both backends."""
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
