"""The inputs of an aggregation: statistics tables by year, change periods and the catalogue.

Shared by sozialplanung:aggregateindicators and sozialplanung:interpolateindicators (and the benchmarks), so
that both read tables and years the same way. The year rule is core.fields'.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import fields
from .errors import InputError
from .i18n import quote, tr

if TYPE_CHECKING:
    import pandas as pd


def year_from_name(path: str | os.PathLike) -> int | None:
    """The last year in a file name, e.g. bloecke_2014.csv -> 2014; None without one."""
    found = fields.years_in(os.path.basename(str(path)))
    return found[-1] if found else None


_PERIOD = re.compile(rf"({fields.YEAR_PATTERN})\s*(?:-|–|->|→|to|bis)\s*({fields.YEAR_PATTERN})")
_PERIOD_MARK = re.compile(r"\d\s*(?:-|–|->|→|to|bis)\s*\d|/")


def parse_change_pairs(value: object, years: Iterable[int]) -> list[tuple[int, int]] | None:
    """The change periods of a parameter value; empty -> None (first to last year).

    Two forms, both read here:

    - the text '2009-2014, 2014-2025' (also '2009 – 2014', '2009 bis 2014'; ';' between periods);
    - a table From | To as processing gives it: a flat list [2009, 2014, 2014, 2025] (the dialog, Python) or
      the same as text '2009,2014,2014,2025' (a matrix on the qgis_process command line).

    Every year must be one of ``years`` (the tables' years, the year rule of core.fields) and the first before
    the second. Errors name the period.
    """
    years = sorted(years)
    if isinstance(value, (list, tuple)):
        cells = [_cell(v) for v in value]
        if len(cells) % 2:
            cells.append("")
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        rows = [r for r in rows if any(r)]
        if len(rows) == 1 and not rows[0][1] and _PERIOD_MARK.search(rows[0][0]):
            return parse_change_pairs(rows[0][0], years)  # one text cell in the old form
        pairs = [_change_pair(f"{a or '?'}-{b or '?'}", a, b, years) for a, b in rows]
        return pairs or None
    text = fields.to_text(value).strip()
    if not text:
        return None
    parts = [p.strip() for p in re.split(r"[,;]+", text) if p.strip()]
    if parts and not _PERIOD_MARK.search(text) and all(fields.is_year(p) for p in parts):
        # the table's command-line form: From, To, From, To, ...
        if len(parts) % 2:
            raise InputError(
                tr(
                    "Change periods '{text}': {n} years, but each period needs two (From, To). Write the periods "
                    "like '2009-2014, 2014-2025'.",
                    text=text,
                    n=len(parts),
                )
            )
        return [_change_pair(f"{a}-{b}", a, b, years) for a, b in zip(parts[::2], parts[1::2])]
    pairs = []
    for part in parts:
        found = _PERIOD.fullmatch(part)
        if not found:
            raise InputError(
                tr(
                    "Change period '{part}' is not understood. Write the periods like '2009-2014, 2014-2025'.",
                    part=part,
                )
            )
        pairs.append(_change_pair(part, found.group(1), found.group(2), years))
    return pairs or None


def _change_pair(label: str, first: object, second: object, years: Sequence[int]) -> tuple[int, int]:
    """One period (From, To) checked: two years of the rule, both in the tables, From before To."""
    first, second = _cell(first), _cell(second)
    if not (first and second):
        raise InputError(tr("Change period '{part}': give both years, From and To (e.g. 2009 and 2014).", part=label))
    bad = [v for v in (first, second) if not fields.is_year(v)]
    if bad:
        raise InputError(
            tr(
                "Change period '{part}': '{bad}' is no year. Give a four-digit From and To year (e.g. 2009 and 2014).",
                part=label,
                bad=bad[0],
            )
        )
    y0, y1 = int(first), int(second)
    absent = [y for y in (y0, y1) if y not in years]
    if absent:
        raise InputError(
            tr(
                "Change period '{part}': the tables have no year {absent} (years: {years}).",
                part=label,
                absent=", ".join(map(str, absent)),
                years=", ".join(map(str, years)),
            )
        )
    if y0 >= y1:
        raise InputError(tr("Change period '{part}': the first year must be before the second.", part=label))
    return y0, y1


class YearError(InputError):
    """A parameter part that is no year; ``part`` is that part (for a translated message)."""

    def __init__(self, message: str, part: str) -> None:
        super().__init__(message)
        self.part = part


def year_list(value: object, what: str = "Years") -> list[int]:
    """Years from a parameter value ('2020, 2024', '2020 2024', '2020;2024', '2020-2024' or a list of years),
    sorted and unique; a part that is no year (core.fields' rule) is refused, naming it, not silently dropped
    ('2024-20x' was once read as 2024)."""
    return sorted(set(year_sequence(value, what)))


def year_sequence(value: object, what: str = "Years") -> list[int]:
    """As year_list, in the given order and with repeats (one year per table, in order)."""
    if isinstance(value, (list, tuple)):
        parts = [p for p in (_cell(v) for v in value) if p]
    else:
        parts = [p for p in re.split(r"[,;\s]+|(?<=\d)-(?=\d)", fields.to_text(value)) if p]
    bad = [p for p in parts if not fields.is_year(p)]
    if bad:
        raise YearError(
            tr(
                "Parameter '{what}': '{bad}' is no year. Give four-digit years separated by commas (e.g. 2020, 2024).",
                what=what,
                bad=bad[0],
            ),
            bad[0],
        )
    return [int(p) for p in parts]


def _cell(value: object) -> str:
    """A table cell or list item as stripped text; a whole float as an integer ('2014.0' -> '2014')."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fields.to_text(value).strip()


def load_catalogue_any(path: str | os.PathLike | None = None) -> tuple[list, str | None, object]:
    """The catalogue (default or a county's file) as (indicators, version, alias source for read_table)."""
    from . import catalogue as cat

    cata = cat.load_catalogue(path) if path else cat.load_catalogue()
    inds: Any = getattr(cata, "indicators", cata)
    if isinstance(inds, dict):
        inds = list(inds.values())
    version = getattr(cata, "version", None)
    return list(inds), version, cata


def read_tables(
    paths: Sequence[str | os.PathLike],
    years_param: str | Sequence[object] | None,
    table_key: str | None,
    catalogue: object,
    warn: Callable[[str], None] | None = None,
) -> tuple[dict[int, tuple[pd.DataFrame, pd.DataFrame]], list[tuple[str, int, list[str]]]]:
    """Read statistics files into dict year -> (values, status); returns also per-file info
    [(name, year, headers not in the catalogue)].

    A table without a year column takes its year from ``years_param`` ('2014, 2024' or a list; one per table, in
    order; a part that is no year is refused, naming it), else from its
    file name, else the next year of ``years_param``. Tables of one year are joined (join_same_year). ``warn``
    is called with each reader warning ('<file>: <warning>') and with how tables of one year were joined.
    """

    from .aggregate import text_index
    from .checks import negative_counts
    from .tables import read_table

    years_given = year_sequence(years_param, "Years")
    by_position = len(years_given) == len(paths)
    by_year: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = {}
    info: list[tuple[str, int, list[str]]] = []
    files_of: dict[int, list[str]] = {}  # year -> names of the tables that gave it
    next_given = 0
    for pos, path in enumerate(paths):
        table = read_table(path, key=table_key or None, variables=catalogue)
        name = os.path.basename(str(path))
        years = table.years
        if not years:
            # one year per table in order, or: the year in the file name, else the next given year
            year = years_given[pos] if by_position else year_from_name(path)
            if year is None and next_given < len(years_given):
                year = years_given[next_given]
                next_given += 1
            if year is None:
                raise InputError(
                    tr(
                        "{name}: the table has no year column and its file name no year. Give the "
                        "years in the parameter 'Years' (one per table, in order).",
                        name=name,
                    )
                )
            parts = {year: table.wide(None)}
        else:
            parts = {y: table.wide(y) for y in years}
        for year, (values, status) in parts.items():
            negative_counts(values, source=name, columns=table.columns, year=year if years else None)
            values = values.copy()
            values.index = text_index(values.index)
            status.index = values.index
            if year in by_year:
                values, status, how = join_same_year(by_year[year], (values, status), files_of[year], name, year)
                if warn is not None:
                    warn(how)
            by_year[year] = (values, status)
            files_of.setdefault(year, []).append(name)
            # not the table itself (its cell frame is large): the headers no catalogue variable knows
            info.append((name, year, [c.header for c in table.columns if not c.mapped]))
        for w in getattr(table, "warnings", []) or []:
            if warn is not None:
                warn(w if _names_file(w, name) else f"{name}: {w}")
    return by_year, info


def _names_file(warning, name):
    """The reader's warning already starts with the file's name ('a.csv: ...', "a.xlsx (sheet 'B'): ...", in
    German "a.xlsx (Blatt „B“): ...")."""
    return warning.startswith((f"{name}:", f"{name} (", f"{name},"))


def join_same_year(
    first: tuple[pd.DataFrame, pd.DataFrame],
    second: tuple[pd.DataFrame, pd.DataFrame],
    first_names: list[str],
    name: str,
    year: int,
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Two tables for the same year as one: (values, status, what was done).

    Variables only one table gives are joined side by side; a variable both give is taken from both when their
    keys are disjoint (rows of different areas), or when they agree wherever both have the key. A variable both
    give with different values for a key is an error naming both files: which one is right cannot be known.
    """
    import pandas as pd

    v0, s0 = first
    v1, s1 = second
    before = first_names[0]
    for other in first_names[1:]:
        before = tr("{names} and {name}", names=before, name=other)
    common = [c for c in v1.columns if c in v0.columns]
    shared = v0.index.intersection(v1.index)
    if common and len(shared):
        a, b = v0.loc[shared, common], v1.loc[shared, common]
        same = ((a == b) | (a.isna() & b.isna())) & (s0.loc[shared, common] == s1.loc[shared, common])
        if not same.to_numpy().all():
            col = next(c for c in common if not same[c].all())
            key = same.index[~same[col].to_numpy()][0]

            def cell(v, st):
                return st if v != v else f"{v:g}" + ("" if st in ("ok", "rounded_to_zero") else f" ({st})")

            raise InputError(
                tr(
                    "{before} and {name} both give '{col}' for {year}, with different values for the key '{key}': "
                    "{first} and {second}. A value must come from one table: remove the column from one of the "
                    "files, or give the tables for different years.",
                    before=before,
                    name=name,
                    col=col,
                    year=year,
                    key=key,
                    first=cell(a.at[key, col], s0.at[key, col]),
                    second=cell(b.at[key, col], s1.at[key, col]),
                )
            )
    index = v0.index.append(v1.index[~v1.index.isin(v0.index)])
    columns = list(v0.columns) + [c for c in v1.columns if c not in v0.columns]
    values = v0.reindex(index=index, columns=columns)
    status = s0.reindex(index=index, columns=columns)
    had = pd.DataFrame(False, index=index, columns=columns)
    had.loc[v0.index, list(v0.columns)] = True
    values = values.where(had, v1.reindex(index=index, columns=columns))
    status = status.where(had, s1.reindex(index=index, columns=columns)).fillna("missing")
    if not common:
        how = tr(
            "{before} and {name} both give the year {year}: joined side by side (different variables: {variables}).",
            variables=", ".join(str(c) for c in v1.columns),
            before=before,
            name=name,
            year=year,
        )
    elif not len(shared):
        how = tr(
            "{before} and {name} both give the year {year}: their rows joined (the keys are disjoint: {n0} and "
            "{n1} keys).",
            n0=len(v0),
            n1=len(v1),
            before=before,
            name=name,
            year=year,
        )
    else:
        how = tr(
            "{before} and {name} both give the year {year}: joined; the {n} variable(s) both give agree for the "
            "{shared} keys both have.",
            n=len(common),
            shared=len(shared),
            before=before,
            name=name,
            year=year,
        )
    return values, status, how


def skipped_note(
    skipped: dict[str, list[str]], catalogue: object, info: list[tuple[str, int, list[str]]], limit: int = 8
) -> tuple[str, str]:
    """The parts of the warning about indicators not computed: (the variables the tables lack, each with the
    indicators that need it; the headers no catalogue variable knows). skipped: {indicator id: [variable ids]},
    info: read_tables()' per-file info."""
    needs: dict[str, list[str]] = {}
    for ind, missing in skipped.items():
        for v in missing:
            needs.setdefault(v, []).append(ind)
    variables = getattr(catalogue, "variables", {}) or {}
    parts = []
    for v, inds in needs.items():
        name = getattr(variables.get(v), "name", None)
        label = f"{v} ({quote(name)})" if name else v
        more = f", +{len(inds) - 3}" if len(inds) > 3 else ""
        parts.append(tr("{variable} for {indicators}", variable=label, indicators=", ".join(inds[:3]) + more))
    lacking = "; ".join(parts[:limit]) + (tr("; and {n} more", n=len(parts) - limit) if len(parts) > limit else "")
    unknown = list(dict.fromkeys(h for _, _, headers in info for h in (headers or [])))
    return lacking, ", ".join(quote(h) for h in unknown[:limit]) + (" ..." if len(unknown) > limit else "")
