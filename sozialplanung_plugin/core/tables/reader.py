"""read_table(): one reader for every layout offices deliver (CSV and XLSX).

The steps: the file's text (or XLSX rows) -> the header row (and a second header row) among the first lines ->
the footnote lines under the table, found from the end -> the body between them, read column by column (for CSV
by pandas' C parser) -> blank and heading rows inside dropped -> the columns' roles from their headers (key,
labels, year, variable/value, value columns) -> keys checked -> every cell parsed, each distinct text once.
Every problem is an InputError naming the file, the line (CSV) or row and column letter (XLSX), the column and
what to do.
"""

import difflib
import gc
import itertools
import math
import os
import re
from collections import namedtuple
from collections.abc import Mapping

from ..errors import InputError
from ..fields import KEY_WIDTHS, YEAR_MAX, YEAR_MIN, YEAR_PATTERN
from ..i18n import tr
from . import source
from .cells import (
    _SCI_NUMBER,
    cell_text,
    decimal_kind,
    is_number_like,
    is_year_like,
    parse_cell,
    parse_texts,
)
from .headers import (
    _YEAR,
    KEY_NAMES,
    LABEL_NAMES,
    NOTE_START,
    VALUE_NAMES,
    VARIABLE_NAMES,
    YEAR_NAMES,
    alias_lookup,
    footnote_map_of,
    header_slug,
    is_legend,
    legend_of,
    normalise_label,
    pick,
    split_year,
    split_year_dates,
    strip_markers,
    title_year,
)
from .model import ColumnInfo, Grid, StatTable, missing_warning
from .source import FormulaCell, PercentNumber

#: records split in Python at the top of a CSV text: the header search looks at the first 100 (see _find_header)
HEAD_RECORDS = 130
#: the first data rows whose cells decide the decimal separator
DECIMAL_ROWS = 500


def _letter(idx):
    s = ""
    idx += 1
    while idx:
        idx, r = divmod(idx - 1, 26)
        s = chr(65 + r) + s
    return s


def _nonempty(cells):
    return [c for c in cells if c is not None and (c.__class__ is not str or c.strip())]


def read_table(
    path: str | os.PathLike,
    *,
    key: str | int | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    year: int | str | None = None,
    variables: Mapping[str, str] | object | None = None,
    decimal: str | None = None,
    header_row: int | None = None,
    key_width: int | None = None,
    value_name: str = "value",
) -> StatTable:
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

    The cyclic garbage collector is paused while reading: the reader makes many small objects without cycles,
    and collections over them would cost time for nothing.
    """
    paused = gc.isenabled()
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


# ---------------------------------------------------------------------------------------------------------
# Where the rows come from
# ---------------------------------------------------------------------------------------------------------


class _Rows:
    """A table whose rows are all split in Python (XLSX, or a CSV text pandas cannot read exactly)."""

    def __init__(self, rows, spans=None):
        self.rows = rows
        self.spans = spans  # XLSX: {(row, column): first column} of the cells inside horizontal merged ranges

    def head(self, limit):
        return self.rows, True

    def all_rows(self):
        return self.rows

    def split(self, rows, data_start, header_width):
        """(trailer rows, Body) of the records from data_start on."""
        rest = self.rows[data_start:]
        last = -1
        for j in range(len(rest) - 1, -1, -1):  # the last data row, searched from the end
            if _is_data_row(rest[j]):
                last = j
                break
        body_rows = rest[: last + 1]
        width = max([len(r.cells) for r in body_rows] + [0])
        return rest[last + 1 :], source.body_of_rows(body_rows, width)


class _Text:
    """A CSV text: the first records split in Python, the body read by pandas, the footnotes from the end."""

    def __init__(self, text, sep, name, encoded=None):
        self.text, self.sep, self.name, self.encoded = text, sep, name, encoded
        self.quoted = '"' in text
        self.nul = "\x00" in text
        self.csv_module = self.quoted or self.nul or len(sep) != 1
        self.rows = None  # every record split in Python, once needed
        self.floats = True  # columns of plain German numbers may be read as numbers (see source.body_of_text)

    def head(self, limit):
        if self.rows is not None:
            return self.rows, True
        rows, complete = source.text_rows(self.text, self.sep, self.name, limit, self.csv_module)
        if complete:
            self.rows = rows
        return rows, complete

    def all_rows(self):
        if self.rows is None:
            self.rows, _ = source.text_rows(self.text, self.sep, self.name, None, self.csv_module)
        return self.rows

    def split(self, rows, data_start, header_width, text_cols=()):
        """(trailer rows, Body), or None when only the rows split in Python give the cells exactly."""
        text, sep = self.text, self.sep
        if len(sep) != 1 or self.nul:
            return None
        if data_start >= len(rows):
            return [], source.Body(_empty_lines(), [])
        first = rows[data_start]
        start = source.line_starts(text, first.line)[first.line - 1]
        trailer, stop = [], len(text)
        while stop > start:  # footnote lines from the end, up to the last data row
            begin, end = source.previous_line(text, stop, start)
            row = source.line_row(text[begin:end], sep)
            if row is None:
                return None  # a quoted line break in the last lines
            if _is_data_row(row):
                break
            trailer.append(row)
            stop = begin
        trailer.reverse()
        sample = [r for r in rows[data_start : data_start + 100] if r.line < first.line + 100]
        width = max([header_width] + [len(r.cells) for r in sample])
        skip = set(text_cols)
        int_cols = source.int_candidates(sample, width) - skip
        float_forms = (
            source.float_candidates(sample, width, skip | int_cols) if self.floats and source.FLOAT_COLUMNS else None
        )
        body = source.body_of_text(
            text,
            start,
            stop,
            first.line,
            sep,
            width=width,
            text_cols=set(text_cols),
            int_cols=int_cols,
            quoted=self.quoted,
            encoded=self.encoded,
            float_forms=float_forms,
        )
        if body is None:
            return None
        return trailer, body


class _NotGerman(Exception):
    """The body's plain numbers were read with a decimal comma, but the table writes decimal points."""


def _empty_lines():
    import numpy as np

    return np.empty(0, dtype=np.int64)


# ---------------------------------------------------------------------------------------------------------
# read_table
# ---------------------------------------------------------------------------------------------------------


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
    name = os.path.basename(str(path))
    if not os.path.exists(path):
        raise InputError(tr("{name}: file not found ({path}).", name=name, path=path), source=name)
    ext = os.path.splitext(str(path))[1].lower()
    used_sheet = enc = used_sep = None
    notes = []
    if ext in (".xlsx", ".xlsm"):
        rows, used_sheet = source.xlsx_rows(path, sheet)
        src = _Rows(rows, source.xlsx_merged_spans(path, used_sheet))
        where = tr("{name} (sheet '{sheet}')", name=name, sheet=used_sheet)
    elif ext in (".xls", ".ods"):
        raise InputError(
            tr(
                "{name}: {ext} files cannot be read. Open the file in Excel or LibreOffice and save it "
                "as .xlsx or as CSV (semicolon separated).",
                name=name,
                ext=ext,
            ),
            source=name,
        )
    else:
        text, enc, used_sep, notes, encoded = source.read_text(path, encoding, sep)
        src = _Text(text, used_sep, name, encoded)
        where = name
    args = dict(
        key=key,
        year=year,
        variables=variables,
        decimal=decimal,
        header_row=header_row,
        key_width=key_width,
        value_name=value_name,
    )
    if isinstance(src, _Text):
        src.floats = decimal in (None, ",")
    try:
        try:
            table = _read(src, name, where, used_sheet is not None, **args)
        except _NotGerman:  # numbers read with the decimal comma in a table of decimal points: read again
            src.floats = False
            table = _read(src, name, where, used_sheet is not None, **args)
    except InputError:
        if isinstance(src, _Text) and src.rows is None and src.quoted:
            src.all_rows()  # a quote that is never closed is the first problem of the file (its own message)
        raise
    table.path = str(path)
    table.encoding, table.sep, table.sheet = enc, used_sep, used_sheet
    table.warnings[:0] = notes
    return table


def _read(src, name, where, is_xlsx, *, key, year, variables, decimal, header_row, key_width, value_name):
    """The table of a source of rows (see _Rows, _Text)."""
    import numpy as np
    import pandas as pd

    limit = HEAD_RECORDS if header_row is None else max(HEAD_RECORDS, int(header_row) + 40)
    rows, complete = src.head(limit)
    if not any(_nonempty(r.cells) for r in rows):
        if complete or not any(_nonempty(r.cells) for r in src.all_rows()):
            raise InputError(tr("{where}: the file is empty.", where=where), source=name)
        rows, complete = src.all_rows(), True
    unit_word = tr("row") if is_xlsx else tr("line")

    def loc(line, col_idx=None, header=None):
        s = (
            tr("{where}, row {line}", where=where, line=line)
            if is_xlsx
            else tr("{where}, line {line}", where=where, line=line)
        )
        if col_idx is not None:
            s += tr(", column {column}", column=_letter(col_idx) if is_xlsx else col_idx + 1)
            if header:
                s += tr(" ('{header}')", header=header)
        return s

    # --- header ---------------------------------------------------------------------------------------
    if header_row is not None:
        hi = next((i for i, r in enumerate(rows) if r.line == int(header_row)), None)
        if hi is None and not complete:
            rows, complete = src.all_rows(), True
            hi = next((i for i, r in enumerate(rows) if r.line == int(header_row)), None)
        if hi is None or not _nonempty(rows[hi].cells):
            raise InputError(
                tr("{where}: line {line} (header_row) is empty or does not exist.", where=where, line=header_row),
                source=name,
            )
    else:
        try:
            hi = _find_header(rows, where)
        except InputError:
            if complete:
                raise
            rows, complete = src.all_rows(), True
            hi = _find_header(rows, where)
    # two header rows (merged cells): names or years under a name, or years over the names
    data_start = hi + 1
    if data_start < len(rows) and _is_lower_header(rows[data_start]):
        top, sub = hi, hi + 1
    elif hi > 0 and header_row is None and _is_lower_header(rows[hi]) and _is_upper_header(rows[hi - 1]):
        top, sub = hi - 1, hi
        hi = top
    else:
        top = sub = None
    title = [" ".join(cell_text(c) for c in _nonempty(r.cells)) for r in rows[:hi] if _nonempty(r.cells)]
    hrow = rows[hi]
    headers = [cell_text(c) for c in hrow.cells]
    if top is not None:
        spans = getattr(src, "spans", None)
        row_spans = None if spans is None else {c: f for (r, c), f in spans.items() if r == rows[top].line}
        headers = _merge_header_rows(headers, [cell_text(c) for c in rows[sub].cells], row_spans)
        data_start = sub + 1

    # --- body and footnote lines --------------------------------------------------------------------------
    key_guess = _key_index(headers, key, where, name, hrow, guess=True)
    split = src.split(rows, data_start, len(headers), text_cols=(key_guess,)) if isinstance(src, _Text) else None
    if split is None:
        if isinstance(src, _Text):
            rows, complete = src.all_rows(), True
            split = _Rows(rows).split(rows, data_start, len(headers))
        else:
            split = src.split(rows, data_start, len(headers))
    trailer, body = split
    width = max([len(headers), body.width] + [len(r.cells) for r in trailer])
    headers = headers + [""] * (width - len(headers))
    warnings = []
    n_ints = sum(c.ints is not None or c.floats is not None for c in body.columns)  # numbers: no blank cell
    if body.n and n_ints < 2:
        one = np.full(body.n, n_ints == 1)  # the row has a filled cell
        two = np.zeros(body.n, dtype=bool)  # the row has two (or more) filled cells
        for c in body.columns:
            if c.ints is None and c.floats is None:
                filled = c.codes >= 0
                two |= one & filled
                one |= filled
        heading = np.flatnonzero(one & ~two)
        for i in heading.tolist():
            cell = next(
                c.cell(i) for c in body.columns if c.ints is not None or c.floats is not None or c.codes[i] >= 0
            )
            warnings.append(
                tr(
                    "{where}: '{cell}' has no values and was skipped (a heading inside the table?).",
                    where=loc(int(body.lines[i])),
                    cell=cell_text(cell),
                )
            )
        keep = two
        if not keep.all():
            body = body.take(keep)
    footnotes, footnote_map = _footnote_lines(trailer, headers)

    # --- columns ------------------------------------------------------------------------------------------

    def first_with_data(j):
        i = int(np.argmax(body.column(j).nonblank()))
        return int(body.lines[i])

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
        has_data=lambda j: bool(body.column(j).nonblank().any()),
        first_with_data=first_with_data,
        column=body.column,
    )
    key_idx, key_header, year_idx, default_year, var_idx, val_idx = cols[:6]
    layout, aliases, map_variable, columns, label_cols, header_notes = cols[6:]

    # --- decimal separator ----------------------------------------------------------------------------------
    if decimal is None:
        decimal = (
            ","
            if is_xlsx
            else _detect_decimal(body, [c.index for c in columns] + ([val_idx] if val_idx is not None else []))
        )
    if decimal != "," and any(c.floats is not None for c in body.columns):
        raise _NotGerman()

    # --- keys ------------------------------------------------------------------------------------------------
    keys, numeric = _keys(body, key_idx, key_header, loc, name)
    width = _ascending_width(keys)  # keys of one length in ascending order (the usual case): distinct, no padding
    fixed = _fix_key_width(keys, numeric, key_width, normalise_label(headers[key_idx]), warnings, where, width)
    distinct = width is not None and fixed is keys
    keys = fixed

    # --- cells -----------------------------------------------------------------------------------------------
    errors, formulas = [], []
    grid = long = None
    if layout == "wide" and year_idx is None and var_idx is None:
        if not distinct and len(set(keys)) != len(keys):
            p = int(np.flatnonzero(pd.Index(keys).duplicated())[0])
            o = keys.index(keys[p])
            raise InputError(
                tr(
                    "{where}: the key '{key}' occurs twice (also in {unit} {line}). Each key may occur once; remove "
                    "or merge the duplicate row.",
                    where=loc(int(body.lines[p]), key_idx, key_header),
                    key=keys[p],
                    unit=unit_word,
                    line=int(body.lines[o]),
                ),
                row=int(body.lines[p]),
                column=key_header,
                source=name,
            )
        vals, sts, raws, n_missing = _parse_grid(body, columns, decimal, errors, formulas=formulas)
        grid = Grid(vals, sts, raws, keys)
    elif layout == "wide" or var_idx is None:
        ry, first_bad = _row_years(body, year_idx, headers[year_idx], loc, name)
        _check_duplicates(keys, ry, first_bad, body, key_idx, key_header, loc, name, unit_word)
        vals, sts, raws, n_missing = _parse_grid(body, columns, decimal, errors, formulas=formulas)
        grid = Grid(vals, sts, raws, keys, ry)
    else:
        long, columns, n_missing = _fully_long(
            body,
            keys,
            year_idx,
            default_year,
            var_idx,
            val_idx,
            headers,
            aliases,
            map_variable,
            decimal,
            errors,
            key_idx,
            key_header,
            loc,
            name,
            unit_word,
            formulas,
        )
    if errors:
        _raise_cell_errors(errors, loc, is_xlsx, name)
    if formulas:
        formulas.sort()
        shown = "; ".join(
            tr("row {row}, column {column}: {formula}", row=r, column=_letter(j), formula=f) for r, j, f in formulas[:3]
        )
        warnings.append(
            tr(
                "{where}: {n} formula cell(s) have no stored result ({cells}) and were read as missing. The file "
                "was written by a program that does not calculate formulas: open it in Excel or LibreOffice and "
                "save it again, so that the results are stored.",
                where=where,
                n=len(formulas),
                cells=shown + (" ..." if len(formulas) > 3 else ""),
            )
        )

    key_order = keys if grid is not None and grid.years is None else list(dict.fromkeys(keys))  # wide: unique
    label_texts = {}
    for j, h in label_cols:
        texts = _cell_texts(body.column(j))
        if len(key_order) == len(keys):
            label_texts[strip_markers(h)[0]] = texts
        else:
            first = {}
            for k, t in zip(keys, texts):
                first.setdefault(k, t)
            label_texts[strip_markers(h)[0]] = [first.get(k, "") for k in key_order]
    if n_missing:
        warnings.append(missing_warning(n_missing))
    return StatTable(
        long,
        key_column=headers[key_idx] or key_header,
        layout=layout,
        decimal=decimal,
        footnotes=footnotes,
        footnote_map=footnote_map,
        header_notes=header_notes,
        title=title,
        columns=columns,
        warnings=warnings,
        header_row=hrow.line,
        key_order=key_order,
        labels=label_texts,
        grid=grid,
        legend=legend_of(title + footnotes),
    )


def _find_header(rows, name):
    """Index of the header row: the first row of text cells, at least 2 wide, followed by numbers."""
    widths = [len(_nonempty(r.cells)) for r in rows[:100]]
    for i, r in enumerate(rows[:60]):
        ne = _nonempty(r.cells)
        if len(ne) < 2:
            continue
        if any(is_number_like(c) and not is_year_like(c) for c in ne):
            continue
        if _is_title_pair(ne, rows[i + 1 : i + 6]):
            continue
        later = widths[i + 1 : i + 30]
        if not later:
            continue
        if len(ne) < 0.5 * max(later):
            continue
        has_numbers = any(
            any(is_number_like(c) for c in rows[j].cells[1:]) for j in range(i + 1, min(len(rows), i + 12))
        )
        if has_numbers:
            return i
    # fallback: a text row followed by rows of at least two cells (the cells are checked later, with line
    # numbers, so a table whose numbers are all malformed gets a precise message instead of 'no header')
    for i, r in enumerate(rows[:60]):
        ne = _nonempty(r.cells)
        if (
            len(ne) >= 2
            and not any(is_number_like(c) and not is_year_like(c) for c in ne)
            and any(w >= 2 for w in widths[i + 1 : i + 30])
        ):
            return i
    if max([len(_nonempty(r.cells)) for r in rows] or [0]) <= 1:
        raise InputError(
            tr(
                "{name}: every line has only one column. The table needs a key column and at least one "
                "value column; if the columns are separated by another character than ';', ',' or tab, "
                "give it as the separator.",
                name=name,
            ),
            source=name,
        )
    first = next((r for r in rows if _nonempty(r.cells)), None)
    raise InputError(
        tr(
            "{name}: no header row found{where}. The table needs one row of column names (e.g. "
            "'Blocknummer;Einwohner insgesamt;...') followed by rows with numbers: add a header line, or give its "
            "line number as header_row.",
            name=name,
            where=tr(" (line {line} already holds numbers)", line=first.line) if first is not None else "",
        ),
        source=name,
    )


def _is_lower_header(r):
    """A second header row: its first cell empty (the key's name stands above it), the others names or years;
    at least two names, or a year (one year under one merged name)."""
    ne = _nonempty(r.cells)
    if not ne or (r.cells and r.cells[0] is not None):
        return False
    if not all(is_year_like(c) or not is_number_like(c) for c in ne):
        return False
    return len(ne) >= 2 or any(is_year_like(c) for c in ne)


def _is_upper_header(r):
    """The upper of two header rows: the key's name first, then names or years (each over merged cells)."""
    ne = _nonempty(r.cells)
    return (
        len(ne) >= 2
        and bool(r.cells)
        and r.cells[0] is not None
        and all(is_year_like(c) or not is_number_like(c) for c in ne)
    )


def _merge_header_rows(tops, subs, spans=None):
    """One header of two rows: 'Einwohner insgesamt' over '2019' -> 'Einwohner insgesamt 2019'.

    ``spans`` (XLSX: {column: first column} of the upper row's cells inside a merged range) says exactly which
    empty upper cells belong to a name to their left; a CSV does not tell, so there an empty cell of the upper
    row takes the name to its left, unless that name has nothing below it (a name merged down over both rows,
    e.g. the key's)."""
    merged, last = [], ""
    for j in range(max(len(tops), len(subs))):
        top = tops[j] if j < len(tops) else ""
        sub = subs[j] if j < len(subs) else ""
        if spans is not None:
            first = spans.get(j)
            name = top or (tops[first] if first is not None and first < len(tops) else "")
        else:
            if top:
                last = top if sub else ""
            name = top or last
        merged.append(" ".join(x for x in (name, sub) if x))
    return merged


def _is_title_pair(ne, below):
    """'Berichtsjahr;2014' or 'Stand;31.12.2014' above the header: a title line in two cells (a name and a date),
    not the header, when a wider row of names follows."""
    if len(ne) != 2 or re.search(r"\d", cell_text(ne[0])) or not _YEAR.search(split_year_dates(cell_text(ne[1]))):
        return False
    for r in below:
        cells = _nonempty(r.cells)
        if len(cells) < 2:
            continue  # another title line
        return len(cells) > 2 and not any(is_number_like(c) and not is_year_like(c) for c in cells)
    return False


def _is_data_row(r):
    """At least two cells, and not a footnote line or a symbol legend that happens to contain the separator."""
    if len(r.cells) - r.cells.count(None) < 2:
        return False
    first = r.cells[0]
    if first is None:
        first = next(c for c in r.cells if c is not None)
    if is_legend(first):
        return False
    if not (isinstance(first, str) and NOTE_START.match(first)):
        return True
    ne = _nonempty(r.cells)
    if len(ne) < 2:
        return False
    if isinstance(ne[0], str) and NOTE_START.match(ne[0]) and not any(is_number_like(c) for c in ne[1:]):
        return False
    return True


def _footnote_lines(trailer, headers):
    """Footnote texts of the rows under the table, and {marker: text} for those that start with a marker (of a
    header's marker, for lines that start with a plain number)."""
    footnotes = ["; ".join(cell_text(c) for c in _nonempty(r.cells)) for r in trailer if _nonempty(r.cells)]
    markers = {m for h in headers if h for m in strip_markers(h)[1]}
    return footnotes, footnote_map_of(footnotes, markers)


# ---------------------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------------------


def _key_index(headers, key, where, name, hrow, guess=False):
    """Index of the key column: the key parameter, else the first column named like a key, else column 0.

    guess=True: never raises (the key column read as text before the parameter is checked)."""
    norm_headers = [normalise_label(h) for h in headers]
    if key is None:
        key_idx = pick(norm_headers, KEY_NAMES)
        return 0 if key_idx is None else key_idx
    if isinstance(key, int):
        if not 0 <= key < len(headers):
            if guess:
                return 0
            raise InputError(
                tr("{where}: there is no column number {number}.", where=where, number=key + 1), source=name
            )
        return key
    nk = normalise_label(key)
    key_idx = next((i for i, h in enumerate(norm_headers) if h == nk), None)
    if key_idx is None:
        if guess:
            return 0
        close = difflib.get_close_matches(str(key), [h for h in headers if h], n=1)
        raise InputError(
            tr(
                "{where}: the key column '{key}' is not in the header (line {line}). Columns: {columns}. Did you mean "
                "'{close}'?",
                where=where,
                key=key,
                line=hrow.line,
                columns=", ".join(h for h in headers if h),
                close=close[0],
            )
            if close
            else tr(
                "{where}: the key column '{key}' is not in the header (line {line}). Columns: {columns}.",
                where=where,
                key=key,
                line=hrow.line,
                columns=", ".join(h for h in headers if h),
            ),
            column=key,
            source=name,
        )
    return key_idx


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
    column,
):
    """Key, year and value columns of a table from its header.

    has_data(j): column j has a cell in some data row; first_with_data(j): the line of the first such row (for
    the error); column(j): the body Column j, whose cells decide whether it holds labels (names), not values.
    """
    norm_headers = [normalise_label(h) for h in headers]
    key_idx = _key_index(headers, key, where, name, hrow)
    key_header = headers[key_idx] or f"column {key_idx + 1}"

    year_idx = None
    if isinstance(year, str):
        ny = normalise_label(year)
        year_idx = next((i for i, h in enumerate(norm_headers) if h == ny), None)
        if year_idx is None:
            raise InputError(
                tr(
                    "{where}: the year column '{year}' is not in the header (line {line}). Columns: {columns}.",
                    where=where,
                    year=year,
                    line=hrow.line,
                    columns=", ".join(h for h in headers if h),
                ),
                column=year,
                source=name,
            )
        default_year = None
    else:
        default_year = int(year) if year is not None else None
        cand = pick([h if i != key_idx else "" for i, h in enumerate(norm_headers)], YEAR_NAMES)
        year_idx = cand
    var_idx = pick([h if i not in (key_idx, year_idx) else "" for i, h in enumerate(norm_headers)], VARIABLE_NAMES)
    val_idx = None
    if var_idx is not None:
        val_idx = pick(
            [h if i not in (key_idx, year_idx, var_idx) else "" for i, h in enumerate(norm_headers)], VALUE_NAMES
        )
        if val_idx is None:
            var_idx = None
    layout = "long" if (year_idx is not None or var_idx is not None) else "wide"

    aliases = alias_lookup(variables)

    def map_variable(label):
        """header label (no markers) -> (variable, year, period, mapped)."""
        found = aliases.find(label)
        if found is not None:
            return found, None, (), True
        base, yr, period = split_year(label)
        nb = normalise_label(base)
        found = aliases.find(base)
        if found is not None:
            return found, yr, period, True
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
                    tr(
                        "{where}: this column has values but no header in line {line}. Give the column a name in the "
                        "header row.",
                        where=loc(first, j),
                        line=hrow.line,
                    ),
                    row=first,
                    column=j + 1,
                    source=name,
                )
            continue
        label, markers = strip_markers(h)
        if var_idx is None and aliases.find(label) is None and _is_label_column(normalise_label(label), column(j)):
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
        ty = title_year(title)
        if ty is not None:
            for c in columns:
                c.year = ty
            warnings.append(
                tr(
                    "{where}: the year {year} was taken from the title line; give the year explicitly if that is "
                    "wrong.",
                    where=where,
                    year=ty,
                )
            )

    if not columns and var_idx is None:
        raise InputError(
            tr(
                "{where}: besides the key column '{key}' the table has no value columns (header in line {line}).",
                where=where,
                key=key_header,
                line=hrow.line,
            ),
            source=name,
        )

    # duplicate (variable, year) columns
    seen = {}
    for c in columns:
        k = (c.variable, c.year, c.period)
        if k in seen:
            o = seen[k]
            first_col, second_col = (o.letter, c.letter) if is_xlsx else (o.index + 1, c.index + 1)
            both = dict(where=where, first=first_col, first_header=o.header, second=second_col)
            both.update(second_header=c.header, variable=c.variable)
            raise InputError(
                tr(
                    "{where}: columns {first} ('{first_header}') and {second} ('{second_header}') both give the "
                    "variable '{variable}' for {year}. Remove one of them or map them to different variables.",
                    year=c.year,
                    **both,
                )
                if c.year is not None
                else tr(
                    "{where}: columns {first} ('{first_header}') and {second} ('{second_header}') both give the "
                    "variable '{variable}'. Remove one of them or map them to different variables.",
                    **both,
                ),
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


def _distinct(col):
    """The distinct cells of a Column that occur in it (not blank)."""
    import numpy as np

    if col.ints is not None:
        return np.unique(col.ints).tolist()
    present = np.bincount(col.codes[col.codes >= 0], minlength=len(col.uniques)) > 0
    return list(itertools.compress(col.uniques, present.tolist()))


def _is_label_column(header_norm, col):
    """Names next to the key (Gemeinde, Stadtteil): kept as labels, not parsed as values."""
    import numpy as np

    if col.ints is not None or col.floats is not None:
        return False  # numbers (or no cell at all)
    present = np.flatnonzero(col.codes >= 0)
    if present.size and is_number_like(col.uniques[col.codes[present[0]]]):
        return False  # the first cell a number: a value column (the common case, told without the others)
    ne = _distinct(col)
    if not ne or any(is_number_like(c) for c in ne):
        return False
    if header_norm in LABEL_NAMES:
        return True
    return int(col.nonblank().sum()) >= 2 and all(isinstance(c, str) and not re.search(r"\d", c) for c in ne)


def _detect_decimal(body, idxs):
    """',' unless the cells clearly use a decimal point (and no cell uses a decimal comma).

    Looks at the first DECIMAL_ROWS data rows of the value columns."""
    texts = {}  # the distinct texts with a comma or a point of all these columns, each judged once
    german = False  # a column read as numbers has a German text among these rows
    for j in idxs:
        col = body.column(j)
        if col.ints is not None:
            continue  # integers have neither
        if col.floats is not None:  # plain German numbers: their form tells (see source.FloatCells)
            german = german or bool(col.texts.de[:DECIMAL_ROWS].any())
            continue
        if not col.per_cell:  # text cells: only those with a comma or a point can tell
            joined = "\n".join(col.uniques)
            if "," not in joined and "." not in joined:
                continue
        head = source.Column(codes=col.codes[:DECIMAL_ROWS], uniques=col.uniques, per_cell=col.per_cell)
        texts.update(dict.fromkeys(v for v in _distinct(head) if isinstance(v, str) and ("," in v or "." in v)))
    kinds = {decimal_kind(v) for v in texts} | ({"de"} if german else set())
    return "." if "en" in kinds and "de" not in kinds else ","


def _cell_texts(col):
    """cell_text() of every cell of a Column ('' for blank)."""
    import numpy as np

    if col.ints is not None:
        return col.ints.astype(str).tolist()
    look = np.empty(len(col.uniques) + 1, dtype=object)
    look[: len(col.uniques)] = [cell_text(u) for u in col.uniques]
    look[-1] = ""
    return look[col.codes].tolist()


# ---------------------------------------------------------------------------------------------------------
# Keys and years
# ---------------------------------------------------------------------------------------------------------


def _keys(body, key_idx, key_header, loc, name):
    """Key texts of the data rows and whether each was a number (XLSX); errors for empty, decimal and scientific
    keys, at the first row that has one."""

    col = body.column(key_idx)
    if col.ints is not None:
        texts = col.ints.astype(str).tolist()
        return texts, [False] * len(texts)
    uniques = col.uniques
    if not col.per_cell:  # text keys (CSV, XLSX text): checked on all keys at once
        flat = col.joined if col.joined is not None else "".join(uniques)
        if flat.isdigit():  # digits only (the common case): nothing to strip, no scientific notation
            return _key_texts(col, uniques, (), body, key_idx, key_header, loc, name)
        # no blank anywhere (letters and digits only): nothing to strip
        texts = uniques if flat.isalnum() else [u.strip() for u in uniques]
        problem = [None] * len(texts)
        if ("e" in flat or "E" in flat) and _digit_before_e("\n".join(uniques)):
            problem = [
                "scientific" if ("e" in k or "E" in k) and _SCI_NUMBER.match(k.replace(" ", "")) else None
                for k in texts
            ]
    else:
        problem, texts = [], []  # per distinct key: None or what is wrong with it
        for kv in uniques:
            why = None
            if isinstance(kv, float) and not kv.is_integer():
                why = "decimal"
            ks = cell_text(kv)
            if why is None and ("e" in ks or "E" in ks) and _SCI_NUMBER.match(ks.replace(" ", "")):
                why = "scientific"
            problem.append(why)
            texts.append(ks)
    numeric = [isinstance(kv, (int, float)) for kv in col.uniques] if col.per_cell else ()
    return _key_texts(col, texts, numeric, body, key_idx, key_header, loc, name, problem)


def _key_texts(col, texts, numeric, body, key_idx, key_header, loc, name, problem=None):
    """_keys() from the texts of the distinct keys: the first row without a key or with a bad one is an error;
    numeric: per distinct key, whether it was a number (XLSX), or () for text keys."""
    import numpy as np

    bad = [i for i, p in enumerate(problem) if p] if problem is not None and any(problem) else []
    codes = col.codes
    rows_bad = np.isin(codes, bad) | (codes < 0) if bad else codes < 0
    if rows_bad.any():
        i = int(np.argmax(rows_bad))
        line = int(body.lines[i])
        kw = dict(row=line, column=key_header, source=name)
        if codes[i] < 0:
            raise InputError(
                tr(
                    "{where}: the row has values but no key. Fill in the key ('{key}') or delete the row.",
                    where=loc(line, key_idx, key_header),
                    key=key_header,
                ),
                **kw,
            )
        kv, ks = col.uniques[codes[i]], texts[codes[i]]
        if problem[codes[i]] == "decimal":
            raise InputError(
                tr(
                    "{where}: the key {key} is a decimal number. Keys must be text (e.g. 05378004); format the key "
                    "column as text in Excel.",
                    where=loc(line, key_idx, key_header),
                    key=kv,
                ),
                **kw,
            )
        raise InputError(
            tr(
                "{where}: the key '{key}' is in scientific notation, so its digits were lost when the file was saved "
                "from Excel. Format the key column as text and export the file again.",
                where=loc(line, key_idx, key_header),
                key=ks,
            ),
            **kw,
        )
    if not any(numeric) and len(texts) == len(codes) and np.array_equal(codes, np.arange(len(codes))):
        return texts, [False] * len(codes)  # every row its own cell (a key column read as text)
    look = np.empty(len(texts), dtype=object)
    look[:] = texts
    if any(numeric):
        return look[codes].tolist(), np.asarray(numeric, dtype=bool)[codes].tolist()
    return look[codes].tolist(), [False] * len(codes)


def _digit_before_e(text):
    """A digit before an 'e' or 'E' (blanks between): text may hold a number in scientific notation."""
    for m in re.finditer("[eE]", text):
        q = m.start() - 1
        while q >= 0 and text[q] == " ":
            q -= 1
        if q >= 0 and text[q].isdigit():
            return True
    return False


#: a year cell: the year, or a date ending in the year (31.12.2014)
_YEAR_CELL = re.compile(rf"\s*(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?)?({YEAR_PATTERN})\s*")


def _row_year_of(v):
    """The year of a year cell, or raises ValueError with the message's end."""
    if v is None:
        raise ValueError("empty")
    if hasattr(v, "year") and not isinstance(v, (int, float)):
        return int(v.year)
    if isinstance(v, (int, float)) and float(v).is_integer() and YEAR_MIN <= v <= YEAR_MAX:
        return int(v)
    s = cell_text(v)
    m = _YEAR_CELL.fullmatch(s)
    if not m:
        raise ValueError(s)
    return int(m.group(1))


def _row_years(body, idx, header, loc, name):
    """The year of every data row from the year column, and (first bad row, its InputError) or None."""
    import numpy as np

    col = body.column(idx)
    col = col.as_codes()  # years read as integers are judged as the texts they are
    per_code = []
    for v in col.uniques:
        try:
            per_code.append(_row_year_of(v))
        except ValueError:
            per_code.append(None)
    per_code.append(None)  # blank cells (code -1)
    look = np.empty(len(per_code), dtype=object)
    look[:] = per_code
    per_row = look[col.codes].tolist()
    no_year = col.codes < 0  # blank, or a cell that is no year
    bad_codes = [k for k, y in enumerate(per_code[:-1]) if y is None]
    if bad_codes:
        no_year |= np.isin(col.codes, bad_codes)
    if not no_year.any():
        return per_row, None
    first_bad = int(np.argmax(no_year))
    line = int(body.lines[first_bad])
    v = col.cell(first_bad)
    if v is None:
        err = InputError(
            tr("{where}: the year is empty. Fill in the year (e.g. 2014).", where=loc(line, idx, header)),
            row=line,
            column=header,
            source=name,
        )
    else:
        err = InputError(
            tr(
                "{where}: '{cell}' is not a year. Write the year as four digits (e.g. 2014) or a date like 31.12.2014.",
                where=loc(line, idx, header),
                cell=cell_text(v),
            ),
            row=line,
            column=header,
            source=name,
        )
    return per_row, (first_bad, err)


def _first_duplicate(parts, upto):
    """(row, earlier row) of the first row among the first `upto` whose parts repeat an earlier row, or None."""
    seen = {}
    for i, k in enumerate(zip(*parts)):
        if i >= upto:
            break
        if k in seen:
            return i, seen[k]
        seen[k] = i
    return None


def _keys_unique_per_year(keys, years, upto):
    """Every key at most once per year among the first `upto` rows (years: ints there): the check of a long
    table without a repeated row, year by year (rows of one year in one block: slices of the keys)."""
    import numpy as np

    if upto < 2:
        return True
    yarr = np.fromiter(itertools.islice(years, upto), dtype=np.int64, count=upto)
    starts = np.concatenate(([0], np.flatnonzero(yarr[1:] != yarr[:-1]) + 1, [upto])).tolist()
    if len(starts) - 1 == len(np.unique(yarr)):  # one block per year
        blocks = [keys[a:b] for a, b in zip(starts[:-1], starts[1:])]
    else:
        karr = np.empty(upto, dtype=object)
        karr[:] = keys[:upto]
        blocks = [karr[yarr == y].tolist() for y in np.unique(yarr).tolist()]
    return all(_ascending_width(b) is not None or len(set(b)) == len(b) for b in blocks)


def _ascending_width(keys):
    """The length of the keys when all are ASCII texts of that one length in strictly ascending order (so that no
    key occurs twice and none is shorter than the others), else None. Told on the keys' bytes at once: the
    keys joined by line breaks are records of one width whose last byte is the line break, compared as numpy
    byte strings."""
    import numpy as np

    n = len(keys)
    if n < 2:
        return None
    joined = "\n".join(keys)
    if not joined.isascii() or "\x00" in joined or joined.count("\n") != n - 1:
        return None
    data = (joined + "\n").encode("ascii")
    width = len(data) // n
    if width < 2 or width * n != len(data):
        return None
    arr = np.frombuffer(data, dtype=np.uint8)
    if not (arr[width - 1 :: width] == 10).all():  # n line breaks, each at the end of its record
        return None
    records = np.frombuffer(data, dtype=f"S{width}")
    return width - 1 if bool((records[1:] > records[:-1]).all()) else None


def _check_duplicates(keys, years, first_bad, body, key_idx, key_header, loc, name, unit_word):
    """Rows of a long table: the first bad year or the first key repeated for the same year, whichever comes
    first (a row's year is checked before the row's key)."""
    upto = first_bad[0] if first_bad else len(keys)
    dup = None if _keys_unique_per_year(keys, years, upto) else _first_duplicate([keys, years], upto)
    if dup is not None:
        p, o = dup
        k, ry = keys[p], years[p]
        line = int(body.lines[p])
        raise InputError(
            tr(
                "{where}: the key '{key}' with the year {year} occurs twice (also in {unit} {line}). Each key may "
                "occur once per year; remove or merge the duplicate row.",
                where=loc(line, key_idx, key_header),
                key=k,
                year=ry,
                unit=unit_word,
                line=int(body.lines[o]),
            )
            if ry is not None
            else tr(
                "{where}: the key '{key}' occurs twice (also in {unit} {line}). Each key may occur once per year; "
                "remove or merge the duplicate row.",
                where=loc(line, key_idx, key_header),
                key=k,
                unit=unit_word,
                line=int(body.lines[o]),
            ),
            row=line,
            column=key_header,
            source=name,
        )
    if first_bad:
        raise first_bad[1]


# ---------------------------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------------------------


def _parse_grid(body, columns, decimal, errors, cell_units=None, formulas=None):
    """Cells of the value columns parsed, each distinct text once (for all columns together).

    Returns (values, status, raw, number of 'missing' cells): values one array per column (the int64 or float64
    array pandas read, not copied: model.Grid makes the float array of all columns where it is needed), status
    and raw functions that make arrays of shape (columns, rows) when they are asked for (from the distinct
    cells, see raws/statuses). Bad cells go to ``errors`` as (line, column index, header, cell, reason), one per
    cell. A column's unit is that of its first cell with '%' or '‰'; cell_units (a list) gets the unit of
    every cell, column by column, when given; formulas (a list) gets (line, column index, formula) of the XLSX
    formula cells without a stored result.
    """
    import numpy as np
    import pandas as pd

    nrow = body.n
    vals = [None] * len(columns)  # per column its values: pandas' own array (int64, float64) or one made here
    st_of = []  # per column: its statuses as an array, or (statuses of the distinct cells, codes)
    int_status = np.array(["ok", "rounded_to_zero"], dtype=object)  # by (cell == 0)
    raw_of = []
    n_missing = 0
    # the distinct texts of all text columns parsed together: the same '12' or '.' stands in many columns
    text_cols = [body.column(c.index) for c in columns]
    text_cols = [
        col for col in text_cols if col.ints is None and col.floats is None and not col.per_cell and col.uniques
    ]
    if text_cols:
        every = np.empty(sum(len(col.uniques) for col in text_cols), dtype=object)
        pos = 0
        for col in text_cols:
            every[pos : pos + len(col.uniques)] = col.uniques
            pos += len(col.uniques)
        where, union = pd.factorize(every)
        union = union.tolist()
        all_val, all_st, all_unit, all_bad = parse_texts(union, decimal)
        all_missing = all_st == "missing"
        all_bad = dict(all_bad)
        offsets, pos = {}, 0
        for col in text_cols:
            offsets[id(col)] = where[pos : pos + len(col.uniques)]
            pos += len(col.uniques)
    for ci, c in enumerate(columns):
        col = body.column(c.index)
        if col.ints is not None:  # an integer reads as itself: 'ok', or 'rounded_to_zero' for 0
            vals[ci] = col.ints
            st_of.append((int_status, (col.ints == 0).view(np.int8)))
            raw_of.append(("ints", col.ints))
            if cell_units is not None:
                cell_units.append([""] * nrow)
            continue
        if col.floats is not None:  # a plain German number reads as pandas read it (see source._float_cells)
            vals[ci] = col.floats
            st_of.append((int_status, (col.floats == 0).view(np.int8)))
            raw_of.append(("codes", col))  # the texts made only when asked for
            if cell_units is not None:
                cell_units.append([""] * nrow)
            continue
        if col.per_cell:
            vals[ci] = np.empty(nrow, dtype="float64")
            raws = np.empty(nrow, dtype=object)
            sts = np.empty(nrow, dtype=object)
            units = []
            for i, code in enumerate(col.codes.tolist()):
                v = None if code < 0 else col.uniques[code]
                value, status, unit = _parse_one(v, decimal, errors, int(body.lines[i]), c, formulas)
                if unit and not c.unit:
                    c.unit = unit
                vals[ci][i], sts[i], raws[i] = value, status, cell_text(v)
                units.append(unit)
                n_missing += status == "missing"
            st_of.append(sts)
            raw_of.append(("raw", raws))
            if cell_units is not None:
                cell_units.append(units)
            continue
        texts = col.uniques
        if not texts:  # every cell blank
            u_val, u_st, u_unit, bad = np.empty(0), np.empty(0, dtype=object), None, []
        else:
            at = offsets[id(col)]
            u_val, u_st = all_val[at], all_st[at]
            u_unit = all_unit[at] if all_unit is not None else None
            bad = [(k, all_bad[a]) for k, a in enumerate(at.tolist()) if a in all_bad] if all_bad else []
        for k, why in bad:
            for i in np.flatnonzero(col.codes == k).tolist():
                errors.append((int(body.lines[i]), c.index, c.header, texts[k], why))
        with_unit = np.flatnonzero(u_unit != "").tolist() if u_unit is not None and not c.unit else []
        if with_unit:
            if len({u_unit[k] for k in with_unit}) == 1:
                c.unit = u_unit[with_unit[0]]
            else:  # '%' and '‰' in one column: the first cell's
                first = min(with_unit, key=lambda k: int(np.argmax(col.codes == k)))
                c.unit = u_unit[first]
        look_v = np.empty(len(texts) + 1)  # code -1 (a blank cell) takes the last entry
        look_v[:-1], look_v[-1] = u_val, np.nan
        look_s = np.empty(len(texts) + 1, dtype=object)
        look_s[:-1], look_s[-1] = u_st, "missing"
        vals[ci] = look_v[col.codes]
        st_of.append((look_s, col.codes))
        raw_of.append(("codes", col))
        u_missing = all_missing[at] if texts else np.empty(0, dtype=bool)
        if u_missing.any():  # a blank cell (code -1) is missing too
            n_missing += int(np.count_nonzero(np.append(u_missing, True)[col.codes]))
        else:
            n_missing += int(np.count_nonzero(col.codes < 0))
        if cell_units is not None:
            look_u = np.append(u_unit if u_unit is not None else np.full(len(texts), "", dtype=object), "")
            cell_units.append(look_u[col.codes].tolist())

    def raws():
        out = np.empty((len(columns), nrow), dtype=object)
        for ci, (kind, what) in enumerate(raw_of):
            if kind == "ints":
                out[ci] = what.astype(str).astype(object)
            elif kind == "raw":
                out[ci] = what
            else:
                look = np.empty(len(what.uniques) + 1, dtype=object)
                look[: len(what.uniques)] = [u.strip() for u in what.uniques]
                look[-1] = ""
                out[ci] = look[what.codes]
        return out

    def statuses():
        out = np.empty((len(columns), nrow), dtype=object)
        for ci, what in enumerate(st_of):
            out[ci] = what[0][what[1]] if isinstance(what, tuple) else what
        return out

    return vals, statuses, raws, n_missing


def _parse_one(v, decimal, errors, line, c, formulas=None):
    """(value, status, unit) of one XLSX cell; a bad cell goes to errors."""
    if isinstance(v, FormulaCell):
        if formulas is not None:
            formulas.append((line, c.index, v.formula))
        return math.nan, "missing", ""
    if isinstance(v, PercentNumber):
        value, status, _ = parse_cell(float(v), decimal)
        return value, status, "%"
    if isinstance(v, str):
        try:
            return parse_cell(v, decimal)
        except ValueError as exc:
            errors.append((line, c.index, c.header, v, str(exc)))
            return math.nan, "missing", ""
    if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
        return parse_cell(v, decimal)
    errors.append((line, c.index, c.header, cell_text(v), "a date, yes/no or other non-number"))
    return math.nan, "missing", ""


def _why_text(why):
    """The reason a cell is not a number (cells.parse_cell's ValueError, or the reader's own) in the user's
    language; a reason not listed here is shown as it is."""
    texts = {
        "a yes/no value is not a number": tr("a yes/no value is not a number"),
        "the cell is in scientific notation (Excel display), digits may be lost": tr(
            "the cell is in scientific notation (Excel display), digits may be lost"
        ),
        "not a number in German format": tr("not a number in German format"),
        "not a number": tr("not a number"),
        "a date, yes/no or other non-number": tr("a date, yes/no or other non-number"),
    }
    return texts.get(why, why)


def _raise_cell_errors(errors, loc, is_xlsx, name):
    """The first bad cell in full, up to five more by line and column."""
    errors.sort(key=lambda e: (e[0], e[1]))
    line, j, header, v, why = errors[0]
    more = ""
    if len(errors) > 1:
        more = " " + tr(
            "{n} more cell(s) cannot be read: {cells}.",
            n=len(errors) - 1,
            cells="; ".join(
                tr("row {row} column {column} '{cell}'", row=e[0], column=_letter(e[1]), cell=e[3])
                if is_xlsx
                else tr("line {line} column {column} '{cell}'", line=e[0], column=e[1] + 1, cell=e[3])
                for e in errors[1:6]
            )
            + (" ..." if len(errors) > 6 else ""),
        )
    raise InputError(
        tr(
            "{where}: '{cell}' is not a number ({why}). Numbers are written like 1.234 or 1.234,5 "
            "(German) and may carry '%'; allowed symbols are - (zero), 0, . (unknown/secret), ... (not yet "
            "available), x (not applicable), / (unreliable), * (anonymised), (12) (uncertain), 12 p/r/s. "
            "Correct the cell or replace it with '.' if the value is unknown.",
            where=loc(line, j, header),
            cell=v,
            why=_why_text(why),
        )
        + more,
        row=line,
        column=header,
        source=name,
    )


def _fully_long(
    body,
    keys,
    year_idx,
    default_year,
    var_idx,
    val_idx,
    headers,
    aliases,
    map_variable,
    decimal,
    errors,
    key_idx,
    key_header,
    loc,
    name,
    unit_word,
    formulas=None,
):
    """A fully long table (key, [year,] variable, value): its cell frame and one ColumnInfo per variable."""
    import numpy as np
    import pandas as pd

    var_header, val_header = headers[var_idx], headers[val_idx]
    n = body.n
    if year_idx is not None:
        years, first_bad = _row_years(body, year_idx, headers[year_idx], loc, name)
    else:
        years, first_bad = [default_year] * n, None
    vcol = body.column(var_idx).as_codes()
    mapped = [map_variable(strip_markers(cell_text(v))[0])[0] if v is not None else None for v in vcol.uniques]
    mapped.append(None)
    variables = [mapped[c] for c in vcol.codes.tolist()]
    no_var = next((i for i, v in enumerate(variables) if v is None), None)
    stop = min(i for i in (first_bad[0] if first_bad else n, no_var if no_var is not None else n))
    dup = _first_duplicate([keys, years, variables], stop)
    if dup is not None:
        p, o = dup
        line = int(body.lines[p])
        raise InputError(
            tr(
                "{where}: key '{key}', variable '{variable}', year {year} occurs twice (also in {unit} {line}). "
                "Remove the duplicate row.",
                where=loc(line, key_idx, key_header),
                key=keys[p],
                variable=variables[p],
                year=years[p],
                unit=unit_word,
                line=int(body.lines[o]),
            )
            if years[p] is not None
            else tr(
                "{where}: key '{key}', variable '{variable}' occurs twice (also in {unit} {line}). Remove the "
                "duplicate row.",
                where=loc(line, key_idx, key_header),
                key=keys[p],
                variable=variables[p],
                unit=unit_word,
                line=int(body.lines[o]),
            ),
            row=line,
            column=key_header,
            source=name,
        )
    if first_bad and (no_var is None or first_bad[0] <= no_var):
        raise first_bad[1]
    if no_var is not None:
        line = int(body.lines[no_var])
        raise InputError(
            tr(
                "{where}: the row has no variable name. Fill in the variable ('{variable}') or delete the row.",
                where=loc(line, var_idx, var_header),
                variable=var_header,
            ),
            row=line,
            column=var_header,
            source=name,
        )
    cell = ColumnInfo(val_idx, _letter(val_idx), val_header, val_header, "value")
    cell_units = []
    vals, sts, raws, n_missing = _parse_grid(body, [cell], decimal, errors, cell_units, formulas)
    raws, sts = raws(), sts()
    units = {}  # the unit of each variable: that of its first cell with a sign
    if cell.unit:
        for v, u in zip(variables, cell_units[0]):
            if u:
                units.setdefault(v, u)
    long = pd.DataFrame(
        {
            "key": pd.Series(keys, dtype="object"),
            "year": pd.array([None if y is None else int(y) for y in years], dtype="Int64"),
            "variable": pd.Series(variables, dtype="object"),
            "value": np.asarray(vals[0], dtype="float64"),
            "status": pd.Series(sts[0], dtype="object"),
            "raw": pd.Series(raws[0], dtype="object"),
        }
    )
    alias_ids = set(aliases.values())
    columns = [
        ColumnInfo(
            val_idx, _letter(val_idx), val_header, val_header, v, None, (), [], [], units.get(v, ""), v in alias_ids
        )
        for v in dict.fromkeys(variables)
    ]
    return long, columns, n_missing


def _fix_key_width(keys, numeric, key_width, key_header_norm, warnings, where, shortest=None):
    """Restore leading zeros that Excel dropped from numeric keys (AGS 05378004 stored as 5378004).

    Rule (documented in docs/tables.md): only digit-only keys are padded. With key_width given, to that width;
    for a column named AGS/Gemeindeschlüssel (8), ARS/Regionalschlüssel/Blocknummer (12) or Kreisschlüssel (5)
    to that width; otherwise when the digit keys have exactly two lengths n and n+1 and the short ones were
    stored as numbers (XLSX) or all keys are digits (CSV), to n+1. Each padding is reported as a warning.
    Returns the keys list itself when nothing is padded; shortest: the length of the shortest key when the
    caller knows it (see _ascending_width).
    """
    if not keys:
        return keys
    known = key_width if key_width is not None else KEY_WIDTHS.get(key_header_norm)
    if known is not None and (shortest if shortest is not None else min(map(len, keys))) >= known:
        return keys  # every key as wide as it should be: nothing to pad, digits or not
    if all(keys) and "".join(keys).isdigit():
        digit = [True] * len(keys)  # all digits (the common case), without testing key by key
    else:
        digit = [k.isdigit() for k in keys]
    if not keys or not any(digit):
        return keys
    width = key_width
    if width is None:
        width = KEY_WIDTHS.get(key_header_norm)
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
            tr(
                "{where}: {n} key cell(s) had lost leading zeros (stored as numbers, e.g. {before} -> {after}) and "
                "were padded to {width} digits. Format the key column as text to avoid this.",
                where=where,
                n=len(padded),
                before=padded[0],
                after=padded[0].zfill(width),
                width=width,
            )
        )
    return out
