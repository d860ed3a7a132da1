"""Reading German statistics tables (CSV and XLSX) as delivered by statistical offices and municipalities.

Why a reader of our own: official tables are cp1252 with ';', decimal commas, thousands dots, '%' signs,
title lines above and footnote lines under the table, footnote markers in headers, years inside headers,
and DIN 55301 / Destatis symbols ('-', '.', '...', 'x', '/', '*', '( )', 'p') that must never silently become
0 or "missing". Every cell keeps its raw text next to the parsed value and a status code.

Modules: cells (symbols, numbers), headers (markers, years, column names, footnote lines), model (StatTable),
source (bytes -> text -> rows and columns), reader (read_table).

Public API (stable, see docs/tables.md):
    read_table(path, *, key=None, sheet=None, encoding=None, sep=None, year=None, variables=None, ...)
        -> StatTable
    StatTable.long                  DataFrame key, year, variable, value, status, raw
    StatTable.wide(year=None)       (values, status) DataFrames indexed by key
    parse_cell(raw, decimal=',')    -> (value, status, unit)
    match_keys(table_keys, layer_keys) -> KeyMatchReport
    STATUS_CODES, MISSING_STATUSES, normalise_label(), header_slug()
"""

from ..fields import KeyMatchReport, match_keys  # one implementation, in core.fields
from .cells import FLAGGED_VALUE_STATUSES, MISSING_STATUSES, STATUS_CODES, parse_cell
from .headers import header_slug, normalise_label, strip_markers
from .model import ColumnInfo, StatTable
from .reader import read_table

__all__ = [
    "FLAGGED_VALUE_STATUSES",
    "MISSING_STATUSES",
    "STATUS_CODES",
    "ColumnInfo",
    "KeyMatchReport",
    "StatTable",
    "header_slug",
    "match_keys",
    "normalise_label",
    "parse_cell",
    "read_table",
    "strip_markers",
]
