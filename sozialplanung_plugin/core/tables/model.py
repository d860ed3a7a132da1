"""The table model: StatTable (what read_table() returns) and ColumnInfo. Comparing keys with a layer's keys
(match_keys, KeyMatchReport) lives in core.fields; the package re-exports it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from ..errors import InputError
from ..i18n import tr

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


@dataclass
class ColumnInfo:
    """One value column of the table as delivered, and what the reader made of it."""

    index: int  # 0-based column position in the file
    letter: str  # spreadsheet letter (A, B, ...)
    header: str  # header as delivered
    label: str  # header without footnote markers
    variable: str  # catalogue variable id or header slug
    year: int | None = None
    period: tuple[int, ...] = ()  # (2009, 2014) for change columns
    markers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnote texts the markers point to
    unit: str = ""  # '%' / '‰' when the cells carried the sign
    mapped: bool = False  # True when the variable came from the catalogue / mapping


class StatTable:
    """A statistics table read by read_table(): long data plus what was learnt about the file."""

    def __init__(
        self,
        long: pd.DataFrame | None,
        *,
        path: str | None = None,
        key_column: str | None = None,
        layout: str = "wide",
        encoding: str | None = None,
        sep: str | None = None,
        decimal: str = ",",
        footnotes: Iterable[str] | None = None,
        footnote_map: Mapping[str, str] | None = None,
        header_notes: Mapping[str, list[str]] | None = None,
        title: Iterable[str] | None = None,
        columns: Iterable[ColumnInfo] | None = None,
        warnings: Iterable[str] | None = None,
        header_row: int | None = None,
        sheet: str | None = None,
        key_order: Iterable[str] | None = None,
        labels: pd.DataFrame | Mapping[str, list[str]] | None = None,
        grid: Grid | None = None,
        legend: Mapping[str, str] | None = None,
    ) -> None:
        self._long = long
        # the cells as arrays (Grid, columns x rows): `long` is built from it on first use
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
        # text columns next to the key: a DataFrame, or {name: texts in key order} made into one on first use
        self._labels = labels
        #: {symbol: meaning} of the symbol legend above or under the table ('.': 'Zahlenwert unbekannt ...')
        self.legend = dict(legend or {})

    @property
    def labels(self) -> pd.DataFrame:
        """Text columns next to the key (e.g. 'Gemeinde'), a DataFrame indexed by key; not parsed as values."""
        if self._labels is None or isinstance(self._labels, dict):
            import pandas as pd

            frame = pd.DataFrame(index=pd.Index(self._key_order, name="key"))
            for name, texts in (self._labels or {}).items():
                frame[name] = texts
            self._labels = frame
        return self._labels

    @labels.setter
    def labels(self, frame: pd.DataFrame) -> None:
        self._labels = frame

    # -- convenience -----------------------------------------------------------------------------------
    @property
    def long(self) -> pd.DataFrame:
        """One row per cell: key, year, variable, value, status, raw (built on first use for wide tables)."""
        if self._long is None:  # a table has its cell frame or its Grid
            self._long = grid_long(cast(Grid, self._grid), self.columns)
        return self._long

    @long.setter
    def long(self, frame: pd.DataFrame) -> None:
        self._long, self._grid = frame, None

    @property
    def keys(self) -> list[str]:
        """Keys in file order (str)."""
        return list(self._key_order)

    @property
    def variables(self) -> list[str]:
        """Variables in file order."""
        if self._grid is not None:
            return list(dict.fromkeys(c.variable for c in self.columns))
        return list(dict.fromkeys(self.long["variable"]))

    @property
    def years(self) -> list[int]:
        """Sorted years present (ints)."""
        if self._grid is not None:
            if self._grid.years is not None:
                return sorted(set(self._grid.years))
            return sorted({int(c.year) for c in self.columns if c.year is not None})
        ys = self.long["year"].dropna().unique()
        return sorted(int(y) for y in ys)

    @property
    def units(self) -> dict[str, str]:
        """variable -> '%' / '‰' where cells carried the sign."""
        out = {}
        for c in self.columns:
            if c.unit:
                out[c.variable] = c.unit
        return out

    def status_counts(self) -> dict[str, int]:
        """How many cells carry each status (for the import report)."""
        if self._grid is not None:
            import pandas as pd

            return pd.Series(self._grid.status.ravel(), dtype=object).value_counts().to_dict()
        return self.long["status"].value_counts().to_dict()

    def _grid_wide(self, year, years):
        """wide() straight from the cell arrays of a wide table; None when the column names would clash."""
        import pandas as pd

        if self._grid.years is not None:
            return self._rows_wide(year, years)
        sts = self._grid.status
        if year is not None:
            year = int(year)
            if years and year not in years:
                raise self._no_year(year, years)
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
        values = pd.DataFrame(self._grid.values_of(sel).T if sel else None, index=index, columns=names, dtype="float64")
        status = pd.DataFrame(sts[sel].T if sel else None, index=index, columns=names, dtype=object)
        values.columns.name = status.columns.name = None
        return values, status

    def _rows_wide(self, year, years):
        """wide() from the cell arrays of a table with a year column (a year per row)."""
        import numpy as np
        import pandas as pd

        g = self._grid
        row_years = np.asarray(g.years, dtype=np.int64)
        variables = [c.variable for c in self.columns]
        if year is not None:
            year = int(year)
            if year not in years:
                raise self._no_year(year, years)
            blocks, names = [year], variables
        elif len(years) <= 1:
            blocks, names = years, variables
        else:
            blocks = list(dict.fromkeys(g.years))  # years in the order of their first row
            names = [f"{v}_{y}" for y in blocks for v in variables]
        nk, nv = len(self._key_order), len(variables)
        vals = np.full((nk, len(names)), np.nan)
        sts = np.full((nk, len(names)), "missing", dtype=object)
        kpos_all = pd.Index(self._key_order).get_indexer(g.keys)
        for b, y in enumerate(blocks):
            rows = np.flatnonzero(row_years == y)
            kpos = kpos_all[rows]
            vals[kpos, b * nv : (b + 1) * nv] = g.values[:, rows].T
            sts[kpos, b * nv : (b + 1) * nv] = g.status[:, rows].T
        index = pd.Index(self._key_order, name="key")
        values = pd.DataFrame(vals, index=index, columns=names, dtype="float64")
        status = pd.DataFrame(sts, index=index, columns=names, dtype=object)
        values.columns.name = status.columns.name = None
        return values, status

    def wide(self, year: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
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
                    raise self._no_year(year, years)
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
            raise InputError(tr("{name}: a key occurs twice for the same column.", name=self._name()))
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
        return os.path.basename(str(self.path)) if self.path else tr("table")

    def _no_year(self, year, years):
        """The error for a year the table does not have."""
        return InputError(
            tr(
                "{name}: the table has no year {year}; years present: {years}.",
                name=self._name(),
                year=year,
                years=", ".join(map(str, years)) or tr("none"),
            )
        )

    def __repr__(self):
        return (
            f"<StatTable {self._name()}: {len(self._key_order)} keys, {len(self.variables)} variables, "
            f"years {self.years}, layout {self.layout}>"
        )


def missing_warning(n_missing: int) -> str:
    return tr(
        "{n} empty cell(s) read as 'missing' (no value). Official tables use '.' or '-' instead of "
        "empty cells; check whether they mean 0.",
        n=n_missing,
    )


class Grid:
    """The cells of a table as arrays (columns x rows): values, status, raw, the key of each row, and the year of
    each row for a table with a year column (None: the years are the columns'). status and raw may be given as
    functions that make them: they are made on first use (most reads never ask for the raw texts). values may
    be given as one array per column (int64 or float64, as the reader has them): the float array of all
    columns is made when first asked for; values_of() takes columns without it (wide() of a wide table)."""

    def __init__(
        self,
        values: np.ndarray | Sequence[np.ndarray],
        status: np.ndarray | Callable[[], np.ndarray],
        raw: np.ndarray | Callable[[], np.ndarray],
        keys: Sequence[str],
        years: Sequence[int] | None = None,
    ) -> None:
        import numpy as np

        self._status, self._raw, self.keys, self.years = status, raw, keys, years
        # the values as one array, or (until it is made) as the arrays of the columns
        self._array = values if isinstance(values, np.ndarray) else None
        self._columns = None if isinstance(values, np.ndarray) else list(values)

    @property
    def values(self) -> np.ndarray:
        """float64 array (columns, rows)."""
        if self._array is None:
            self._array = self.values_of(range(len(self._columns or ())))
            self._columns = None
        return self._array

    def values_of(self, columns: Sequence[int]) -> np.ndarray:
        """float64 array (len(columns), rows) of the columns (indices) in that order."""
        import numpy as np

        if self._array is not None:
            return self._array[list(columns)]
        arrays = self._columns or []
        out = np.empty((len(columns), len(self.keys)), dtype="float64")
        for k, i in enumerate(columns):
            out[k] = arrays[i]
        return out

    @property
    def status(self) -> np.ndarray:
        if callable(self._status):
            self._status = self._status()
        return self._status

    @property
    def raw(self) -> np.ndarray:
        if callable(self._raw):
            self._raw = self._raw()
        return self._raw


def grid_long(grid: Grid, columns: Sequence[ColumnInfo]) -> pd.DataFrame:
    """The long cell frame from a Grid, row by row, the columns of a row in order."""
    import numpy as np
    import pandas as pd

    vals, sts, raws = grid.values, grid.status, grid.raw
    ncol, nrow = len(columns), len(grid.keys)
    if grid.years is not None:
        years = np.repeat(np.asarray(grid.years, dtype=float), ncol)
    else:
        years = np.tile(np.array([np.nan if c.year is None else float(c.year) for c in columns], dtype=float), nrow)
    return pd.DataFrame(
        {
            "key": pd.Series(np.repeat(np.asarray(grid.keys, dtype=object), ncol), dtype="object"),
            "year": pd.array(years, dtype="Int64") if ncol else pd.array([], dtype="Int64"),
            "variable": pd.Series(
                np.tile(np.asarray([c.variable for c in columns], dtype=object), nrow), dtype="object"
            ),
            "value": vals.T.ravel() if ncol else np.array([], dtype="float64"),
            "status": pd.Series(sts.T.ravel() if ncol else [], dtype="object"),
            "raw": pd.Series(raws.T.ravel() if ncol else [], dtype="object"),
        }
    )
