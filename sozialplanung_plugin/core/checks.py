"""Plausibility checks on delivered counts that the table reader cannot know (it reads any number).

Why: every count variable of the catalogue (residents, recipients, households, cases) is a number of persons or
things, so a negative value is a data error; summed silently it lowers totals and rates without a trace.
"""

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .errors import InputError
from .i18n import tr

MAX_LISTED = 5


def negative_counts(
    values: pd.DataFrame, *, source: str, columns: Sequence | None = None, year: int | None = None
) -> None:
    """Refuse negative counts in a (keys x variables) frame of one table and year.

    ``columns``: the table's column descriptions (``StatTable.columns``) to name header and column letter;
    only columns mapped to catalogue variables are checked when they are given.
    """
    if values is None or values.empty:
        return
    checked = list(values.columns)
    info: dict[str, Any] = {}  # variable -> its column description (tables ColumnInfo)
    if columns is not None:
        mapped = [c for c in columns if getattr(c, "mapped", False)]
        checked = [v for v in checked if any(c.variable == v for c in mapped)]
        for c in mapped:
            if year is None or c.year in (None, year):
                info.setdefault(c.variable, c)
    if not checked:
        return
    arr = values[checked].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        rows, cols = np.nonzero(arr < 0)
    if not len(rows):
        return
    shown = []
    for r, c in list(zip(rows.tolist(), cols.tolist()))[:MAX_LISTED]:
        var = checked[c]
        col = info.get(var)
        where = (
            tr("column {letter} '{header}'", letter=col.letter, header=col.header)
            if col is not None
            else tr("variable '{variable}'", variable=var)
        )
        shown.append(tr("key '{key}', {where}: {value}", key=values.index[r], where=where, value=f"{arr[r, c]:g}"))
    more = " ..." if len(rows) > MAX_LISTED else ""
    raise InputError(
        tr(
            "{source}: {n} cell(s) hold a negative count ({cells}). Counts cannot be negative: correct the table "
            "(0 for none, '-' for nothing, '.' for unknown).",
            source=source if year is None else f"{source} ({year})",
            n=len(rows),
            cells="; ".join(shown) + more,
        ),
        source=source,
    )
