"""Zensus 2022 grid tables (Gitterzellen) as published, and their cells counted into areas.

Why: the census publishes population at 100 m, 1 km and 10 km grid cells for all of Germany; a county gets
residents and age groups at fine grain without its own register extract. The tables come as CSV with ';',
a key column ``GITTER_ID_100m`` (``CRS3035RES100mN2689100E4337000``: resolution, then the north and east
coordinates of the cell's lower-left corner in EPSG:3035), the cell centre in ``x_mp_100m`` / ``y_mp_100m``,
one column per count (decimal comma where there are decimals) and sometimes ``werterlaeuternde_Zeichen``.

Cells read:
- ``–`` (or ``-``) marks a value kept secret or not published: no value (NaN, status 'suppressed'), never 0;
  ``.`` unknown ('suppressed_or_unknown'); a negative count (the 2011 tables used -1) is secret too.
- ``KLAMMERN`` in ``werterlaeuternde_Zeichen``: the row's values are statistically uncertain
  (status 'low_reliability', value kept).
- other symbols are read by core.tables.parse_cell, once per distinct text.

Cells into areas, exactly and fast enough for all of Germany (3.1 million populated cells):
- containment: a cell belongs to the polygon holding its centre, found by scanlines on the cell rows
  (``label_cells``): every polygon edge is cut with the rows it spans, the crossings per polygon and row are
  paired (even-odd rule, so holes and multi-part polygons work) and the cells between them are looked up in the
  sorted cell keys. No point-in-polygon test per cell.
- area shares: the same scanlines on ``sub`` rows per cell row measure, exactly along x, the length of each cell
  inside each polygon (``area_shares``); the shares feed core.interpolate (area-weighted interpolation).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .errors import InputError
from .i18n import tr

CRS = "EPSG:3035"
_RES = re.compile(r"^gitter_id_(\d+)(k?m)$", re.IGNORECASE)
_ID = re.compile(r"^CRS3035RES(\d+)(k?m)N(\d+)E(\d+)$", re.IGNORECASE)
NOTE_COLUMN = "werterlaeuternde_zeichen"
SECRET_TEXTS = {"\u2013": "suppressed", "-": "suppressed", "\u2014": "suppressed", ".": "suppressed_or_unknown"}


@dataclass
class GridTable:
    """A grid table: cell ids, centres (EPSG:3035), one value and one status column per variable."""

    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    resolution: int
    values: pd.DataFrame
    status: pd.DataFrame
    path: str = ""

    @property
    def variables(self) -> list:
        return list(self.values.columns)

    def __len__(self):
        return len(self.ids)


def _resolution(text):
    m = re.fullmatch(r"(\d+)(k?m)", text, re.IGNORECASE)
    if not m:
        return None
    return int(m.group(1)) * (1000 if m.group(2).lower() == "km" else 1)


def variable_name(header: str) -> str:
    """A field-safe variable name from a column header ('Insgesamt_Bevoelkerung' -> 'insgesamt_bevoelkerung')."""
    from .tables import header_slug

    return header_slug(header) or "wert"


def read_zensus_grid(
    path: str | os.PathLike[str], *, encoding: str | None = None, columns: Sequence[str] | None = None
) -> GridTable:
    """Read a Zensus grid table as published (see module doc). ``columns``: headers of the value columns to keep
    (default: all but id, coordinates and notes). Errors name the file, line and column."""
    path = str(path)
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip():
        raise InputError(tr("The grid table {path} is empty.", path=path), source=path)
    enc = encoding or _detect_encoding(head)
    try:
        first = head.decode(enc, errors="replace").lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    except LookupError:
        raise InputError(
            tr("Unknown encoding '{encoding}' for the grid table {path}.", encoding=enc, path=path), source=path
        ) from None
    if ";" not in first:
        raise InputError(
            tr(
                "The grid table {path} has no ';' in its header line ('{header}'). Zensus grid tables are "
                "separated by ';'.",
                path=path,
                header=first[:80],
            ),
            source=path,
        )
    header = [h.strip().strip('"') for h in first.split(";")]
    low = [h.lower() for h in header]
    m = next((m for m in map(_RES.match, header) if m), None)  # the first id column
    if m is None:
        raise InputError(
            tr(
                "The grid table {path} has no column GITTER_ID_100m (or _1km, _10km); its columns are "
                "{columns}. Is it a Zensus grid table?",
                path=path,
                columns=", ".join(header[:12]),
            ),
            source=path,
        )
    id_col = m.string  # the header it matched
    res_text = m.group(1) + m.group(2).lower()
    resolution = _resolution(res_text)
    xcol = next((h for h in header if h.lower() == f"x_mp_{res_text}"), None)
    ycol = next((h for h in header if h.lower() == f"y_mp_{res_text}"), None)
    note_col = next((h for h, lo in zip(header, low) if lo == NOTE_COLUMN), None)
    skip = {id_col, xcol, ycol, note_col}
    value_cols = [h for h in header if h not in skip and h]
    if columns:
        missing = [c for c in columns if c not in value_cols]
        if missing:
            raise InputError(
                tr(
                    "The grid table {path} has no column(s) {missing}; value columns: {columns}.",
                    path=path,
                    missing=", ".join(missing),
                    columns=", ".join(value_cols),
                ),
                source=path,
            )
        value_cols = list(columns)
    if not value_cols:
        raise InputError(
            tr("The grid table {path} has no value column besides id and coordinates.", path=path), source=path
        )
    use = [c for c in [id_col, xcol, ycol, note_col, *value_cols] if c]
    try:
        frame = _read_frame(path, enc, use, id_col, note_col)
    except UnicodeDecodeError:
        if encoding:
            raise InputError(
                tr("The grid table {path} is not in {encoding} encoding.", path=path, encoding=encoding),
                source=path,
            ) from None
        frame = _read_frame(path, "cp1252", use, id_col, note_col)
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(
            tr("The grid table {path} could not be read as ';' table: {error}", path=path, error=exc), source=path
        ) from None
    if frame.empty:
        raise InputError(tr("The grid table {path} has a header but no cells.", path=path), source=path)
    ids = frame[id_col].to_numpy(dtype=object)
    if xcol and ycol:
        x = _coordinates(frame[xcol], path, xcol)
        y = _coordinates(frame[ycol], path, ycol)
    else:
        x, y = coordinates_from_ids(ids, resolution, path)
    notes = frame[note_col].str.upper().str.contains("KLAMMER", regex=False).to_numpy() if note_col else None
    values, status = {}, {}
    for col in value_cols:
        v, s = _numbers(frame[col], path, col, header.index(col))
        if notes is not None:
            s = np.where(notes & (s == "ok"), "low_reliability", s)
        name = variable_name(col)
        values[name] = v
        status[name] = s
    return GridTable(
        ids=ids,
        x=x,
        y=y,
        resolution=resolution,
        values=pd.DataFrame(values),
        status=pd.DataFrame(status),
        path=path,
    )


def _detect_encoding(head):
    """UTF-8 (with or without BOM) unless the first bytes say otherwise; then cp1252."""
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as err:
        return "utf-8-sig" if err.start > len(head) - 4 else "cp1252"  # a character cut at the end of the sample


def _read_frame(path, enc, use, id_col, note_col):
    """The table by pandas' C parser: numbers stay numbers, columns with symbols come as text."""
    dtype = {id_col: str}
    if note_col:
        dtype[note_col] = str
    return pd.read_csv(path, sep=";", encoding=enc, dtype=dtype, keep_default_na=False, usecols=use, engine="c")


def _coordinates(series, path, col):
    if pd.api.types.is_numeric_dtype(series):
        v = series.to_numpy(dtype=float)
    else:
        v = pd.to_numeric(series.astype(str).str.replace(",", ".", regex=False), errors="coerce").to_numpy(dtype=float)
    bad = np.flatnonzero(~np.isfinite(v))
    if len(bad):
        raise InputError(
            tr(
                "{path}, line {line}, column {column}: '{value}' is no coordinate.",
                path=path,
                line=bad[0] + 2,
                column=col,
                value=series.iloc[bad[0]],
            ),
            row=int(bad[0]) + 2,
            column=col,
            source=path,
        )
    return v


def coordinates_from_ids(ids: Iterable[str], resolution: float, path: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Cell centres from INSPIRE grid ids (N/E are the lower-left corner)."""
    s = pd.Series(ids, dtype=object).astype(str)
    parts = s.str.extract(_ID.pattern, flags=re.IGNORECASE)
    bad = parts[2].isna().to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            tr(
                "{path}, line {line}: '{value}' is no grid cell id (CRS3035RES100mN...E...).",
                path=path,
                line=i + 2,
                value=s.iloc[i],
            )
        )
    north = parts[2].astype(np.int64).to_numpy()
    east = parts[3].astype(np.int64).to_numpy()
    return east + resolution / 2.0, north + resolution / 2.0


def _numbers(series, path, col, col_index):
    """Values and statuses of one column: plain numbers by pandas, every other distinct text once."""
    from .tables import parse_cell

    if pd.api.types.is_numeric_dtype(series):  # a plain column (the common case): no cell to look at
        plain = series.to_numpy(dtype=float)
        status = np.full(len(plain), "ok", dtype=object)
        neg = plain < 0
        if neg.any():
            plain[neg] = np.nan
            status[neg] = "suppressed"
        return plain, status
    arr = series.to_numpy(dtype=object)
    text = series.astype(str)
    decimal = text.str.fullmatch(r"\d+,\d+")  # decimal comma, vectorised (shares, averages)
    plain = pd.to_numeric(text.where(~decimal, text.str.replace(",", ".", regex=False)), errors="coerce")
    plain = plain.to_numpy(dtype=float)
    status = np.full(len(arr), "ok", dtype=object)
    other = np.flatnonzero(np.isnan(plain))
    if len(other):
        texts = pd.unique(arr[other])
        table = {}
        for t in texts:
            s = str(t).strip()
            if s == "":
                table[t] = (np.nan, "missing")
                continue
            if s in SECRET_TEXTS:
                table[t] = (np.nan, SECRET_TEXTS[s])
                continue
            try:
                v, st, _unit = parse_cell(s, ",")
            except ValueError:
                i = other[np.flatnonzero(arr[other] == t)[0]]
                raise InputError(
                    tr(
                        "{path}, line {line}, column {number} ({column}): '{value}' is neither a number nor a "
                        "symbol of the Zensus tables ('–' secret, '.' unknown).",
                        path=path,
                        line=i + 2,
                        number=col_index + 1,
                        column=col,
                        value=s,
                    ),
                    row=int(i) + 2,
                    column=col,
                    source=path,
                ) from None
            if st == "exact_zero":  # a dash read as symbol by the general reader: secret in the grid tables
                v, st = np.nan, "suppressed"
            table[t] = (v, st)
        vals = np.array([table[t][0] for t in arr[other]], dtype=float)
        sts = np.array([table[t][1] for t in arr[other]], dtype=object)
        plain[other] = vals
        status[other] = sts
    neg = plain < 0
    if neg.any():
        plain[neg] = np.nan
        status[neg] = "suppressed"
    status[(plain == 0) & (status == "ok")] = "ok"
    return plain, status


# --------------------------------------------------------------------------------------------------------
# polygons as arrays
# --------------------------------------------------------------------------------------------------------
def rings(polygons: Iterable[Iterable[ArrayLike]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xy, ring_offsets, ring_polygon) from a list of polygons, each a list of rings ((n, 2) vertex arrays):
    exteriors and holes of all its parts alike (the even-odd rule sorts them out)."""
    xy, offsets, owner = [], [0], []
    for p, poly in enumerate(polygons):
        for ring in poly:
            arr = np.asarray(ring, dtype=float).reshape(-1, 2)
            if len(arr) < 3:
                continue
            xy.append(arr)
            offsets.append(offsets[-1] + len(arr))
            owner.append(p)
    return (
        np.concatenate(xy) if xy else np.zeros((0, 2)),
        np.asarray(offsets, dtype=np.int64),
        np.asarray(owner, dtype=np.int64),
    )


def _edges(
    xy: np.ndarray, offsets: np.ndarray, owner: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Edges of all rings (closed), with their polygon."""
    n_r = len(offsets) - 1
    if n_r == 0:
        z = np.zeros(0)
        return z, z, z, z, np.zeros(0, np.int64)
    lengths = np.diff(offsets)
    a = np.arange(len(xy))
    ring_of = np.repeat(np.arange(n_r), lengths)
    nxt = a + 1
    last = offsets[1:] - 1
    nxt[last] = offsets[:-1]
    x1, y1, x2, y2 = xy[a, 0], xy[a, 1], xy[nxt, 0], xy[nxt, 1]
    keep = (x1 != x2) | (y1 != y2)
    return x1[keep], y1[keep], x2[keep], y2[keep], owner[ring_of[keep]]


def _row_crossings(x1, y1, x2, y2, poly, y0, step):
    """Crossings of the edges with the horizontal lines y = y0 + (k + 0.5) step: (poly, row k, x), sorted."""
    lo_y, hi_y = np.minimum(y1, y2), np.maximum(y1, y2)
    first = np.ceil((lo_y - y0) / step - 0.5).astype(np.int64)
    last = np.ceil((hi_y - y0) / step - 0.5).astype(np.int64) - 1  # half-open: lo <= yc < hi
    count = np.maximum(last - first + 1, 0)
    e = np.repeat(np.arange(len(x1)), count)
    k = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count) + first[e]
    yc = y0 + (k + 0.5) * step
    xc = x1[e] + (yc - y1[e]) * (x2[e] - x1[e]) / (y2[e] - y1[e])
    p = poly[e]
    o = np.lexsort((xc, k, p))
    return p[o], k[o], xc[o]


def _intervals(p, k, xc):
    """Inside intervals [xa, xb) per polygon and row from sorted crossings (even-odd rule)."""
    if len(p) == 0:
        return p, k, xc, xc
    start = np.r_[True, (p[1:] != p[:-1]) | (k[1:] != k[:-1])]
    group_start = np.maximum.accumulate(np.where(start, np.arange(len(p)), 0))
    pos = np.arange(len(p)) - group_start
    a = np.flatnonzero(pos % 2 == 0)
    a = a[a + 1 < len(p)]
    a = a[(p[a + 1] == p[a]) & (k[a + 1] == k[a])]
    return p[a], k[a], xc[a], xc[a + 1]


def _cell_keys(x, y, resolution, x0, y0):
    col = np.round((x - x0) / resolution - 0.5).astype(np.int64)
    row = np.round((y - y0) / resolution - 0.5).astype(np.int64)
    return row, col


def label_cells(
    x: ArrayLike, y: ArrayLike, resolution: float, poly_xy: np.ndarray, offsets: np.ndarray, owner: np.ndarray
) -> np.ndarray:
    """Index of the polygon holding each cell centre (-1 = none), by scanlines (module doc). Cells are on a
    regular grid of ``resolution`` (their centres at odd multiples of resolution/2, as Zensus cells)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    labels = np.full(len(x), -1, dtype=np.int64)
    if len(x) == 0 or len(offsets) < 2:
        return labels
    x0 = np.floor(min(x.min(), poly_xy[:, 0].min()) / resolution) * resolution - resolution
    y0 = np.floor(min(y.min(), poly_xy[:, 1].min()) / resolution) * resolution - resolution
    row, col = _cell_keys(x, y, resolution, x0, y0)
    width = int(max(col.max(), np.ceil((poly_xy[:, 0].max() - x0) / resolution)) + 2)
    key = row * width + col
    order = np.argsort(key, kind="stable")
    skey = key[order]
    p, k, xa, xb = _intervals(*_row_crossings(*_edges(poly_xy, offsets, owner), y0, resolution))
    c_lo = np.ceil((xa - x0) / resolution - 0.5).astype(np.int64)
    c_hi = np.ceil((xb - x0) / resolution - 0.5).astype(np.int64) - 1
    ok = c_hi >= c_lo
    p, k, c_lo, c_hi = p[ok], k[ok], c_lo[ok], c_hi[ok]
    s = np.searchsorted(skey, k * width + c_lo, side="left")
    e = np.searchsorted(skey, k * width + c_hi, side="right")
    n = np.maximum(e - s, 0)
    idx = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n) + np.repeat(s, n)
    labels[order[idx]] = np.repeat(p, n)
    return labels


def area_shares(
    x: ArrayLike,
    y: ArrayLike,
    resolution: float,
    poly_xy: np.ndarray,
    offsets: np.ndarray,
    owner: np.ndarray,
    *,
    sub: int = 10,
) -> pd.DataFrame:
    """Share of each cell's area inside each polygon: rows (cell, polygon, share), share in (0, 1].

    Measured on ``sub`` scanlines per cell row, exactly along each line (the length inside the polygon), so a
    share is exact for edges parallel to the y axis and within about 1/sub otherwise."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    empty = pd.DataFrame({"cell": np.zeros(0, np.int64), "polygon": np.zeros(0, np.int64), "share": np.zeros(0)})
    if len(x) == 0 or len(offsets) < 2:
        return empty
    x0 = np.floor(min(x.min(), poly_xy[:, 0].min()) / resolution) * resolution - resolution
    y0 = np.floor(min(y.min(), poly_xy[:, 1].min()) / resolution) * resolution - resolution
    row, col = _cell_keys(x, y, resolution, x0, y0)
    width = int(max(col.max(), np.ceil((poly_xy[:, 0].max() - x0) / resolution)) + 2)
    key = row * width + col
    order = np.argsort(key, kind="stable")
    skey = key[order]
    step = resolution / sub
    p, k, xa, xb = _intervals(*_row_crossings(*_edges(poly_xy, offsets, owner), y0, step))
    crow = k // sub
    c_lo = np.floor((xa - x0) / resolution).astype(np.int64)
    c_hi = np.ceil((xb - x0) / resolution).astype(np.int64) - 1
    n = np.maximum(c_hi - c_lo + 1, 0)
    i = np.repeat(np.arange(len(p)), n)
    c = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n) + c_lo[i]
    left = np.maximum(xa[i], x0 + c * resolution)
    right = np.minimum(xb[i], x0 + (c + 1) * resolution)
    length = np.maximum(right - left, 0.0)
    ck = crow[i] * width + c
    pos = np.searchsorted(skey, ck)
    pos = np.minimum(pos, len(skey) - 1)
    hit = (skey[pos] == ck) & (length > 0)
    cell = order[pos[hit]]
    frame = pd.DataFrame({"cell": cell, "polygon": p[i][hit], "share": length[hit] / resolution / sub})
    out = frame.groupby(["cell", "polygon"], sort=True, as_index=False)["share"].sum()
    out["share"] = out["share"].clip(upper=1.0)
    return out


# --------------------------------------------------------------------------------------------------------
# counts per area
# --------------------------------------------------------------------------------------------------------
def sum_cells(
    labels: ArrayLike, values: pd.DataFrame, status: pd.DataFrame, n_areas: int
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Sum of each variable per area over the cells labelled with it; a secret or unknown cell is not added as
    0: the sum is then a lower bound, flagged 'incomplete'. Returns (sums, flags, cells per area)."""
    labels = np.asarray(labels, dtype=np.int64)
    ok = labels >= 0
    lab = labels[ok]
    n_cells = np.bincount(lab, minlength=n_areas)
    sums, flags = {}, {}
    for col in values.columns:
        v = values[col].to_numpy(dtype=float)[ok]
        known = np.isfinite(v)
        sums[col] = np.bincount(lab[known], weights=v[known], minlength=n_areas)
        unknown = np.bincount(lab[~known], minlength=n_areas)
        flag = np.where(unknown > 0, "incomplete", "").astype(object)
        flag[n_cells == 0] = ""
        flags[col] = flag
    return pd.DataFrame(sums), pd.DataFrame(flags), n_cells
