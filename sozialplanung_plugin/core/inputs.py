"""The inputs of an aggregation: statistics tables by year, change periods and the catalogue.

Shared by sozialplanung:aggregateindicators and sozialplanung:interpolateindicators (and the benchmarks), so
that both read tables and years the same way. The year rule is core.fields'.
"""

from __future__ import annotations

import os
import re

from . import fields
from .errors import InputError


def year_from_name(path) -> int | None:
    """The last year in a file name, e.g. bloecke_2014.csv -> 2014; None without one."""
    found = fields.years_in(os.path.basename(str(path)))
    return found[-1] if found else None


_PERIOD = re.compile(rf"({fields.YEAR_PATTERN})\s*(?:-|–|->|→|to|bis)\s*({fields.YEAR_PATTERN})")


def parse_change_pairs(text, years) -> list[tuple[int, int]] | None:
    """'2009-2014, 2014-2025' -> [(2009, 2014), (2014, 2025)]; empty -> None (first to last year).

    Every year must be one of ``years`` (the tables' years) and the first before the second.
    """
    text = (text or "").strip()
    if not text:
        return None
    pairs = []
    for part in re.split(r"[,;]+", text):
        part = part.strip()
        if not part:
            continue
        found = _PERIOD.fullmatch(part)
        if not found:
            raise InputError(
                f"Change period '{part}' is not understood. Write the periods like '2009-2014, 2014-2025'."
            )
        y0, y1 = int(found.group(1)), int(found.group(2))
        absent = [y for y in (y0, y1) if y not in years]
        if absent or y0 >= y1:
            raise InputError(
                f"Change period '{part}': "
                + (
                    f"the tables have no year {', '.join(map(str, absent))} (years: {', '.join(map(str, years))})."
                    if absent
                    else "the first year must be before the second."
                )
            )
        pairs.append((y0, y1))
    return pairs or None


def load_catalogue_any(path=None):
    """The catalogue (default or a county's file) as (indicators, version, alias source for read_table)."""
    from . import catalogue as cat

    cata = cat.load_catalogue(path) if path else cat.load_catalogue()
    inds = getattr(cata, "indicators", cata)
    if isinstance(inds, dict):
        inds = list(inds.values())
    version = getattr(cata, "version", None)
    return list(inds), version, cata


def read_tables(paths, years_param, table_key, catalogue, warn=None):
    """Read statistics files into dict year -> (values, status); returns also per-file info [(name, year, None)].

    A table without a year column takes its year from ``years_param`` (one per table, in order), else from its
    file name, else the next year of ``years_param``. Tables of one year are joined column-wise. ``warn`` is
    called with each reader warning ('<file>: <warning>').
    """
    import pandas as pd

    from .aggregate import text_index
    from .tables import read_table

    years_given = fields.years_in(years_param)
    by_position = len(years_given) == len(paths)
    by_year, info = {}, []
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
                    f"{name}: the table has no year column and its file name no year. Give the "
                    "years in the parameter 'Years' (one per table, in order)."
                )
            parts = {year: table.wide(None)}
        else:
            parts = {y: table.wide(y) for y in years}
        for year, (values, status) in parts.items():
            values = values.copy()
            values.index = text_index(values.index)
            status.index = values.index
            if year in by_year:
                v0, s0 = by_year[year]
                new = [c for c in values.columns if c not in v0.columns]
                values = pd.concat([v0, values[new]], axis=1)
                status = pd.concat([s0, status[new]], axis=1)
                status = status.fillna("missing")  # the cell status code of core.tables
            by_year[year] = (values, status)
            info.append((name, year, None))  # not the table itself: its cell frame is large
        for w in getattr(table, "warnings", []) or []:
            if warn is not None:
                warn(f"{name}: {w}")
    return by_year, info
