"""Between the store's long values and the wide field contract of layers (<id>, <id>_num, <id>_den, <id>_flag,
with years <id>_<year>), in both directions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import InputError
from ..fields import store_field
from ..i18n import tr
from .common import FLAGS, normalise_date

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


def values_from_wide(
    table: pd.DataFrame, key_column: str, indicators: Iterable[str], ref_date: object = None
) -> pd.DataFrame:
    """Long values from a layer/table with the contract columns <id>, <id>_num, <id>_den, <id>_flag."""
    import pandas as pd

    frames = []
    for ind in indicators:
        if ind not in table.columns:
            raise InputError(tr("The table has no column '{id}' for indicator/variable '{id}'.", id=ind))
        part = pd.DataFrame({"unit_key": table[key_column].to_numpy(), "variable": ind, "value": table[ind].to_numpy()})
        for suffix, col in (("_num", "numerator"), ("_den", "denominator"), ("_flag", "flag")):
            if ind + suffix in table.columns:
                part[col] = table[ind + suffix].to_numpy()
        frames.append(part)
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["unit_key", "variable", "value"])
    if "flag" in df.columns:
        df["flag"] = df["flag"].fillna("").astype(str)
    if ref_date is not None:
        df["ref_date"] = normalise_date(ref_date)
    return df


_SUFFIXES = {"": "value", "_num": "numerator", "_den": "denominator", "_flag": "flag"}


def values_from_layer(
    table: pd.DataFrame,
    key_column: str,
    known_ids: Iterable[str],
    *,
    layout: str = "auto",
    date_column: str | None = None,
    ref_date: object = None,
) -> pd.DataFrame:
    """Long values from an aggregated layer's attribute table (contract of sozialplanung:aggregateindicators).

    Wide layout: columns <id>_<year>, <id>_num_<year>, <id>_den_<year>, <id>_flag_<year> (the year gives the
    reference date 31.12.), or <id>, <id>_num ... with one `ref_date` for the whole table. Long layout: one row
    per unit and date, the date (or year) in `date_column`. Only ids of the catalogue (`known_ids`) are taken;
    changes, references and other columns are ignored. Rows without value, numerator, denominator and flag are
    dropped (nothing to store). Returns unit_key, variable, ref_date, value, numerator, denominator, flag.
    """
    import numpy as np
    import pandas as pd

    known = set(known_ids)
    if key_column not in table.columns:
        raise InputError(
            tr(
                "The layer has no key field '{field}'. Its fields: {fields}.",
                field=key_column,
                fields=", ".join(map(str, table.columns)),
            )
        )
    if layout == "auto":
        layout = (
            "long"
            if (date_column and date_column in table.columns)
            or (date_column is None and "year" in table.columns and ref_date is None)
            else "wide"
        )
    keys = table[key_column].to_numpy(dtype=object)
    parts = []
    if layout == "long":
        date_column = date_column or "year"
        if date_column not in table.columns:
            raise InputError(
                tr(
                    "The layer has no date/year field '{field}' (long layout: one row per unit and "
                    "date). Choose the field with the year or reference date.",
                    field=date_column,
                )
            )
        what = tr("date in field '{field}'", field=date_column)
        uniq = {v: normalise_date(v, what) for v in pd.unique(table[date_column])}
        dates = table[date_column].map(uniq).to_numpy(dtype=object)
        groups: dict[str, dict[str, str]] = {}
        for col in table.columns:
            for sfx in ("_num", "_den", "_flag", ""):
                if col.endswith(sfx) and col[: len(col) - len(sfx)] in known:
                    groups.setdefault(col[: len(col) - len(sfx)], {})[_SUFFIXES[sfx]] = col
                    break
        for var, cols in groups.items():
            if "value" in cols:
                parts.append((var, dates, cols))
    else:
        by_year: dict[tuple[str, int], dict[str, str]] = {}
        for col in table.columns:
            f = store_field(col, known)
            # <id>, an optional _num/_den/_flag, then _<year> (core.fields); changes, references, unknown ids skip
            if f and f[2] is not None:
                by_year.setdefault((f[0], f[2]), {})[_SUFFIXES["_" + f[1] if f[1] else ""]] = col
        if by_year:
            for (var, year), cols in sorted(by_year.items()):
                if "value" in cols:
                    parts.append((var, np.full(len(table), f"{year}-12-31", dtype=object), cols))
        else:
            if ref_date is None:
                raise InputError(
                    tr(
                        "The layer has indicator fields without a year. Give the reference date (or year) of the values."
                    )
                )
            d = normalise_date(ref_date)
            for col in table.columns:
                if col in known:
                    cols = {"value": col}
                    for sfx in ("_num", "_den", "_flag"):
                        if col + sfx in table.columns:
                            cols[_SUFFIXES[sfx]] = col + sfx
                    parts.append((col, np.full(len(table), d, dtype=object), cols))
    if not parts:
        raise InputError(
            tr(
                "The layer has no fields of catalogue indicators or count variables "
                "(e.g. {ids} ...). Check the layer and the catalogue.",
                ids=", ".join(sorted(known)[:5]),
            )
        )
    frames = []
    for var, dates, cols in parts:
        f = pd.DataFrame(
            {
                "unit_key": keys,
                "variable": var,
                "ref_date": dates,
                "value": numbers(table, cols["value"]),
            }
        )
        for c in ("numerator", "denominator"):
            f[c] = numbers(table, cols[c]) if c in cols else np.nan
        f["flag"] = table[cols["flag"]].fillna("").astype(str).to_numpy() if "flag" in cols else ""
        frames.append(f)
    df = pd.concat(frames, ignore_index=True)
    empty = df["value"].isna() & df["numerator"].isna() & df["denominator"].isna() & (df["flag"] == "")
    return df[~empty].reset_index(drop=True)


def relevant_columns(columns: Iterable[str], known_ids: Iterable[str]) -> list[str]:
    """Columns values_from_layer can use (<id>, <id>_num/_den/_flag, with or without _<year>): reading only
    these from a wide layer with changes and references skips more than half of its fields."""
    known = set(known_ids)
    return [c for c in columns if store_field(c, known)]


def flag_text(row: Mapping[str, object] | pd.Series) -> str:
    """The contract's <id>_flag text from the stored flags and note."""
    parts = [f for f in FLAGS if row.get(f)]
    if row.get("note") and not str(row.get("note")).startswith("carried"):
        parts += [p for p in str(row["note"]).split(",") if p]
    return ",".join(parts)


def to_wide(long: pd.DataFrame, by: str = "variable") -> pd.DataFrame:
    """Wide table indexed by unit_key: by='variable' -> <id>, <id>_num, <id>_den, <id>_flag (one date);
    by='date' -> <id>_<year> (a series; the year of each reference date)."""
    import pandas as pd

    if not len(long):
        return pd.DataFrame(index=pd.Index([], name="unit_key"))
    df = long.copy()
    if by == "date":
        df["col"] = df["variable"] + "_" + df["ref_date"].str[:4]
        if df.duplicated(["unit_key", "col"]).any():
            df["col"] = df["variable"] + "_" + df["ref_date"].str.replace("-", "")
        return df.pivot(index="unit_key", columns="col", values="value")
    if df["ref_date"].nunique() > 1:
        raise ValueError("to_wide(by='variable') needs values of one reference date; use by='date' for series.")
    df["flag"] = [flag_text(r) for r in df[list(FLAGS) + ["note"]].to_dict("records")] if len(df) else []
    out = {}
    for var, part in df.groupby("variable", sort=False):
        p = part.set_index("unit_key")
        out[var] = p["value"]
        out[var + "_num"] = p["numerator"]
        out[var + "_den"] = p["denominator"]
        out[var + "_flag"] = p["flag"]
    wide = pd.DataFrame(out)
    wide.index.name = "unit_key"
    return wide


def wide_by_year(long: pd.DataFrame) -> pd.DataFrame:
    """Series as one row per unit: <id>_<year>, <id>_num_<year>, <id>_den_<year>, <id>_flag_<year> (the layout
    of sozialplanung:aggregateindicators, so the table can be written back). Dates other than 31.12. or two
    dates in one year get the full date (<id>_<yyyymmdd>)."""
    import pandas as pd

    if not len(long):
        return pd.DataFrame(index=pd.Index([], name="unit_key"))
    df = long.copy()
    tag = df["ref_date"].str[:4]
    if (
        df.groupby(["unit_key", "variable"])["ref_date"].nunique().max()
        != df.assign(t=tag).groupby(["unit_key", "variable"])["t"].nunique().max()
        or not df["ref_date"].str.endswith("-12-31").all()
    ):
        tag = df["ref_date"].str.replace("-", "")
    df["tag"] = tag
    df["flag"] = [flag_text(r) for r in df[list(FLAGS) + ["note"]].to_dict("records")]
    out = {}
    for (var, t), part in df.groupby(["variable", "tag"], sort=False):
        p = part.set_index("unit_key")
        out[f"{var}_{t}"] = p["value"]
        out[f"{var}_num_{t}"] = p["numerator"]
        out[f"{var}_den_{t}"] = p["denominator"]
        out[f"{var}_flag_{t}"] = p["flag"]
    wide = pd.DataFrame(out)
    wide.index.name = "unit_key"
    return wide


def numbers(table: pd.DataFrame, column: str) -> np.ndarray:
    """A value field as floats. Empty cells are missing; numbers written as text (also with a decimal comma) are
    read; any other text is refused by name - a text field must not become 'all missing' without a word."""
    import numpy as np
    import pandas as pd

    col = table[column]
    if col.dtype != object:
        return pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
    out = np.full(len(col), np.nan)
    for i, v in enumerate(col.to_numpy()):
        if v is None or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            out[i] = float(v)
            continue
        text = str(v).strip()
        if not text:
            continue
        try:
            out[i] = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
        except ValueError:
            raise InputError(
                tr(
                    "Field '{field}' holds text that is not a number ('{text}' in row {row}). Indicator and count "
                    "fields must hold numbers; mark secret or missing values in the field '<id>_flag' instead.",
                    field=column,
                    text=text,
                    row=i + 1,
                )
            ) from None
    return out
