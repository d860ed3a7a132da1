"""Values: validated, all-or-nothing, idempotent upserts and fast reads of slices and series.

A write is checked completely before anything is written (keys at the level and date, variables of the
catalogue, the store's catalogue), then staged in a temporary table and merged with ONE
INSERT ... SELECT ... ON CONFLICT DO UPDATE ... WHERE something differs; unchanged rows are not touched and a
re-import of identical values writes nothing, not even an import log row.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from ..secrets import redact
from .base import StoreBase
from .catalogue import catalogue_record
from .common import (
    CHUNK_SIZE,
    FLAGS,
    VALUE_COLUMNS,
    file_sha256,
    iso_date,
    normalise_date,
    normalise_level,
    pd_empty,
    plugin_version,
)
from .sql import Ident, idents

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class WriteResult:
    """What a write did; `status` is 'written' or 'unchanged' (nothing differed, nothing was written)."""

    status: str
    import_id: int | None = None
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    source_sha256: str | None = None
    content_sha256: str | None = None
    message: str = ""
    details: dict = field(default_factory=dict)


class _NothingChanged(Exception):
    """Raised inside the write transaction to roll it back (and its import log row) when nothing differs."""


class ValuesMixin(StoreBase):
    """Writing and reading values (needs _q/_all/transaction of StoreConnection, the catalogue mixin)."""

    def _normalise_values(self, values, ref_date):
        import numpy as np
        import pandas as pd

        df = pd.DataFrame(values) if not isinstance(values, pd.DataFrame) else values.copy()
        df = df.rename(
            columns={
                "key": "unit_key",
                "indicator": "variable",
                "date": "ref_date",
                "num": "numerator",
                "den": "denominator",
            }
        )
        missing = [c for c in ("unit_key", "variable", "value") if c not in df.columns]
        if missing:
            raise InputError(
                tr(
                    "The values table lacks the column(s) {columns}. Expected unit_key, "
                    "variable, value (optional: ref_date, numerator, denominator, flags).",
                    columns=", ".join(missing),
                )
            )
        if ref_date is not None:
            df["ref_date"] = normalise_date(ref_date)
        elif "ref_date" not in df.columns:
            raise InputError(tr("The values have no reference date. Give a date (or year) for the import."))
        else:
            uniq = {v: normalise_date(v) for v in pd.unique(df["ref_date"])}
            df["ref_date"] = df["ref_date"].map(uniq)
        bad = [k for k in pd.unique(df["unit_key"]) if not isinstance(k, str)]
        if bad:
            raise InputError(
                tr(
                    "Unit keys must be text (leading zeros matter), found {found!r}. Read the key column as text.",
                    found=bad[0],
                )
            )
        for c in ("numerator", "denominator"):
            if c not in df.columns:
                df[c] = np.nan
        for c in ("value", "numerator", "denominator"):
            try:
                df[c] = pd.to_numeric(df[c], errors="raise").astype(float)
            except (ValueError, TypeError) as exc:
                raise InputError(
                    tr(
                        "Column '{column}' of the values holds text that is not a number ({error}).",
                        column=c,
                        error=exc,
                    )
                ) from exc
            arr = df[c].to_numpy()
            arr[~np.isfinite(arr)] = np.nan
            df[c] = arr
        flagtext = df["flag"].fillna("").astype(str) if "flag" in df.columns else None
        # flag texts repeat a lot (mostly ''): parse each distinct text once
        parsed = {}
        if flagtext is not None:
            for text in pd.unique(flagtext):
                parts = [p.strip() for p in re.split(r"[,;|]", text) if p.strip()]
                parsed[text] = (
                    {f: int(f in parts or f in text) for f in FLAGS},
                    ",".join(p for p in parts if p not in FLAGS) or None,
                )
        for f in FLAGS:
            if f in df.columns:
                df[f] = df[f].fillna(0).astype(bool).astype(int)
            else:
                df[f] = 0
            if flagtext is not None:
                df[f] = df[f] | flagtext.map({t: v[0][f] for t, v in parsed.items()}).astype(int)
        if "note" not in df.columns:
            df["note"] = None
        if flagtext is not None:
            rest = flagtext.map({t: v[1] for t, v in parsed.items()})
            df["note"] = df["note"].where(df["note"].notna(), rest)
        df["variable"] = df["variable"].astype(str)
        dup = df.duplicated(["unit_key", "variable", "ref_date"])
        if dup.any():
            r = df[dup].iloc[0]
            raise InputError(
                tr(
                    "The values hold unit '{key}', variable '{variable}', date {date} more "
                    "than once (row {row}). Remove the duplicates.",
                    key=r.unit_key,
                    variable=r.variable,
                    date=r.ref_date,
                    row=int(dup.to_numpy().nonzero()[0][0]) + 1,
                )
            )
        return df

    def write_values(
        self,
        values: pd.DataFrame | Iterable[Mapping[str, object]],
        *,
        level: str,
        catalogue: object = None,
        ref_date: object = None,
        source: str | os.PathLike[str] | None = None,
        source_sha256: str | None = None,
        operation: str = "import",
        progress: Callable[[float], object] | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> WriteResult:
        """Upsert values (unit, level, variable, date) in ONE transaction, validated before anything is written.

        `values`: long table with unit_key, variable, value, optional ref_date (or the `ref_date` argument),
        numerator, denominator, suppressed/unreliable/estimated/interpolated (0/1) or a text column `flag`.
        Refused with InputError (nothing written) when a unit key is not in the store at that level and date,
        a variable is not in the catalogue, or the catalogue is another one than the store's.
        A re-import of identical values writes nothing and returns status 'unchanged'.
        """
        level = normalise_level(level)
        record = catalogue_record(catalogue)
        df = self._normalise_values(values, ref_date)
        if not len(df):
            raise InputError(tr("There are no values to write (the table is empty). Nothing was written."))
        record = self._check_catalogue(record)
        indicators, variables = self._catalogue_ids(record[2])
        known = set(indicators) | variables
        unknown = sorted(set(df["variable"].unique()) - known)
        if unknown:
            raise InputError(
                tr(
                    "{n} variable(s) are neither indicators nor count variables of catalogue "
                    "'{catalogue}' version {version}: {variables}. Nothing was written. "
                    "Check the catalogue or the column names.",
                    n=len(unknown),
                    catalogue=record[0],
                    version=record[1],
                    variables=", ".join(unknown[:10]),
                )
            )
        dates = sorted(df["ref_date"].unique())
        maps = self._fid_maps(level, dates)
        fids = []
        for d, part in df.groupby("ref_date", sort=False):
            m = maps[d]
            f = part["unit_key"].map(m)
            if f.isna().any():
                miss = sorted(part.loc[f.isna(), "unit_key"].unique())
                raise InputError(
                    tr(
                        "{n} unit key(s) are not in the store at level '{level}' on {date}: "
                        "{keys}. Nothing was written. "
                        "Check the level and the key column, or register the units first.",
                        n=len(miss),
                        level=level,
                        date=d,
                        keys=", ".join(miss[:10]) + (" ..." if len(miss) > 10 else ""),
                    )
                )
            fids.append(f)
        import pandas as pd

        df["unit_fid"] = pd.concat(fids).astype("int64")
        if source_sha256 is None and source and os.path.isfile(str(source)):
            source_sha256 = file_sha256(str(source))
        return self._write(
            df,
            level=level,
            record=record,
            source=source,
            source_sha256=source_sha256,
            operation=operation,
            progress=progress,
            chunk_size=chunk_size,
        )

    def _write(self, df, *, level, record, source, source_sha256, operation, progress, chunk_size):
        import pandas as pd

        df = df.sort_values(["ref_date", "unit_fid", "variable"], kind="stable")
        cols = [c for c in VALUE_COLUMNS if c != "import_id"]
        content_sha = hashlib.sha256(
            pd.util.hash_pandas_object(df[cols].reset_index(drop=True), index=False).to_numpy().tobytes()
        ).hexdigest()
        dates = sorted(df["ref_date"].unique())
        attempts = 0
        while True:
            attempts += 1
            try:
                return self._write_once(
                    df, cols, level, record, source, source_sha256, content_sha, dates, operation, progress, chunk_size
                )
            except Exception as exc:
                if attempts < 5 and self.dialect.is_retryable(exc) and not self._depth:
                    continue
                if "database is locked" in str(exc):
                    raise InputError(
                        tr(
                            "The store '{path}' is locked by another program for too long (another import or an "
                            "edit session in QGIS). Nothing was written; try again.",
                            path=self.target,
                        )
                    ) from exc
                raise

    def _write_once(
        self, df, cols, level, record, source, source_sha256, content_sha, dates, operation, progress, chunk_size
    ):
        d = self.dialect
        n = len(df)
        st = Ident("_sm_staging")
        keys = ("unit_fid", "variable", "ref_date")
        payload = [c for c in cols if c not in keys]
        same = d.join(" AND ", [d.same(Ident("v", c), Ident("s", c)) for c in payload])
        changed = d.join(" OR ", [d.distinct(Ident("sm_values", c), Ident("excluded", c)) for c in payload])
        sets = [d.compose("{c} = {e}", c=Ident(c), e=Ident("excluded", c)) for c in payload + ["import_id"]]
        upsert = d.compose(
            "INSERT INTO sm_values ({cols}, import_id) SELECT {cols}, ? FROM {st} "
            "WHERE true ORDER BY ref_date, unit_fid, variable "
            "ON CONFLICT (ref_date, unit_fid, variable) DO UPDATE SET {sets} WHERE {changed}",
            cols=idents(cols),
            st=st,
            sets=sets,
            changed=changed,
        )
        count = d.compose(
            "SELECT count(*), coalesce(sum(CASE WHEN {same} THEN 1 ELSE 0 END), 0) FROM {st} s "
            "JOIN sm_values v ON v.unit_fid = s.unit_fid AND v.variable = s.variable "
            "AND v.ref_date = s.ref_date",
            same=same,
            st=st,
        )
        drop = d.compose("DROP TABLE IF EXISTS {st}", st=st)
        inserted = updated = unchanged = 0
        try:
            with self.transaction() as cur:
                self._bind_catalogue(cur, record)
                cur.execute(drop)
                cur.execute(
                    d.fill(
                        "CREATE TEMP TABLE {st} (unit_fid {int}, variable {text}, ref_date {date}, "
                        "value {real}, numerator {real}, denominator {real}, suppressed {int}, "
                        "unreliable {int}, estimated {int}, interpolated {int}, note {text})",
                        st=st,
                    )
                )
                import_id = self._q(
                    "INSERT INTO sm_import_log (imported_at, operation, source, source_sha256, content_sha256, level, "
                    "ref_dates, rows_in, catalogue_id, catalogue_version, plugin_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING import_id",
                    (
                        self._now(),
                        operation,
                        redact(source),  # a layer source may carry a legacy inline password
                        source_sha256,
                        content_sha,
                        level,
                        ",".join(dates),
                        n,
                        record[0],
                        record[1],
                        plugin_version(),
                    ),
                    cur,
                ).fetchone()[0]
                arr = df[cols]
                for start in range(0, n, chunk_size):
                    part = arr.iloc[start : start + chunk_size]
                    d.stage(cur, "_sm_staging", cols, part)
                    cur.execute(count)
                    existing, same_n = cur.fetchone()
                    self._q(upsert, (import_id,), cur)
                    cur.execute(d.compose("DELETE FROM {st}", st=st))
                    inserted += len(part) - existing
                    updated += existing - same_n
                    unchanged += same_n
                    if progress is not None:
                        progress(min(1.0, (start + len(part)) / n))
                if inserted == 0 and updated == 0:
                    raise _NothingChanged()
                self._q(
                    "UPDATE sm_import_log SET rows_inserted = ?, rows_updated = ?, rows_unchanged = ? "
                    "WHERE import_id = ?",
                    (inserted, updated, unchanged, import_id),
                    cur,
                )
                cur.execute(drop)
        except _NothingChanged:
            return WriteResult(
                "unchanged",
                None,
                n,
                0,
                0,
                n,
                source_sha256,
                content_sha,
                tr("All values are already in the store; nothing was written."),
            )
        return WriteResult(
            "written",
            import_id,
            n,
            inserted,
            updated,
            unchanged,
            source_sha256,
            content_sha,
            tr(
                "{inserted} values added, {updated} changed, {unchanged} unchanged.",
                inserted=inserted,
                updated=updated,
                unchanged=unchanged,
            ),
        )

    # -------------------------------------------------------------------------------- reading values
    _READ_COLS = [
        "unit_key",
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
    ]

    def _versions_sql(self, level, at, with_key=False):
        """Sub-select of the unit versions of a level valid at date `at` (None: the current versions)."""
        cols = idents(["fid", "key"] if with_key else ["fid"])
        if at is None:
            sql = "SELECT {cols} FROM sm_units WHERE level = ? AND valid_to IS NULL"
            return self.dialect.compose(sql, cols=cols), [level]
        sql = "SELECT {cols} FROM sm_units WHERE level = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
        return self.dialect.compose(sql, cols=cols), [level, at, at]

    def _read(self, level, at, conditions, params, ref_date=None, provenance=False, order=("unit_fid", "variable")):
        """Values of the unit versions valid at `at`; keys are mapped in pandas (no join: faster on 1M rows).

        `conditions`: composed conditions on sm_values (joined with AND), their values in `params`.
        Reading 200,000 values is dominated by creating one Python object per cell, so the four flags and
        "has a note" travel as one bit mask, notes are fetched separately (few rows carry one), the import id
        only on request (`provenance`), and columns are built with fixed dtypes.
        """
        import numpy as np
        import pandas as pd

        d = self.dialect
        vsql, vparams = self._versions_sql(level, at)
        date_col = d.compose("") if ref_date else d.compose(", {c}", c=d.date_text("ref_date"))
        extra = d.compose(", import_id") if provenance else d.compose("")
        where = d.join(" AND ", conditions) if conditions else d.compose("true")
        base = d.compose("FROM sm_values WHERE unit_fid IN ({v}) AND {w}", v=vsql, w=where)
        sql = d.compose(
            "SELECT unit_fid, variable{date_col}, value, numerator, denominator, suppressed + 2 * unreliable "
            "+ 4 * estimated + 8 * interpolated + 16 * (CASE WHEN note IS NULL THEN 0 ELSE 1 END){extra} "
            "{base} ORDER BY {order}",
            date_col=date_col,
            extra=extra,
            base=base,
            order=idents(order),
        )
        rows = self._all(sql, vparams + list(params))
        names = (
            ["unit_fid", "variable"]
            + ([] if ref_date else ["ref_date"])
            + ["value", "numerator", "denominator", "flags"]
            + (["import_id"] if provenance else [])
        )
        arr = np.array(rows, dtype=object) if rows else np.empty((0, len(names)), dtype=object)
        cols = {n: arr[:, i] for i, n in enumerate(names)}
        keys = dict(self._all(self._versions_sql(level, at, with_key=True)[0], vparams))
        fids = cols["unit_fid"].astype(np.int64)
        out = {
            "unit_key": pd.Series(fids).map(keys).to_numpy(dtype=object),
            "variable": cols["variable"],
            "ref_date": np.full(len(rows), ref_date, dtype=object) if ref_date else cols["ref_date"],
        }
        for c in ("value", "numerator", "denominator"):
            out[c] = cols[c].astype(float)
        flags = cols["flags"].astype(np.int64)
        for bit, f in enumerate(FLAGS):
            out[f] = (flags >> bit) & 1
        out["note"] = np.full(len(rows), None, dtype=object)
        if (flags & 16).any():
            sql = d.compose(
                "SELECT unit_fid, variable, {date}, note {base} AND note IS NOT NULL",
                date=d.date_text("ref_date"),
                base=base,
            )
            notes = {(f, v, day): n for f, v, day, n in self._all(sql, vparams + list(params))}
            dates = out["ref_date"]
            for i in np.flatnonzero(flags & 16):
                out["note"][i] = notes.get((int(fids[i]), out["variable"][i], dates[i]))
        columns = self._READ_COLS[:-1]
        if provenance:
            out["import_id"] = cols["import_id"].astype(np.int64)
            columns = self._READ_COLS
        return pd.DataFrame(out, columns=columns)

    def read_slice(
        self,
        level: str,
        ref_date: object,
        variables: Iterable[str] | None = None,
        *,
        geometry_at: object = None,
        provenance: bool = False,
    ) -> pd.DataFrame:
        """All values of one level at one reference date (long table, ordered by unit version and variable).

        Values belong to unit versions: by default those valid at `ref_date`; `geometry_at` picks the versions
        valid at another date (e.g. values carried onto new social spaces).
        """
        d = self.dialect
        level = normalise_level(level)
        ref_date = normalise_date(ref_date)
        at = ref_date if geometry_at is None else normalise_date(geometry_at, "geometry date")
        conditions = [d.compose("ref_date = ?")]
        params: list[object] = [ref_date]
        if variables:
            w, p = d.in_list("variable", variables)
            conditions.append(w)
            params += p
        return self._read(level, at, conditions, params, ref_date=ref_date, provenance=provenance)

    def read_series(
        self,
        level: str,
        keys: Iterable[str] | None = None,
        variables: Iterable[str] | None = None,
        *,
        start: object = None,
        end: object = None,
        geometry_at: object = None,
        provenance: bool = False,
    ) -> pd.DataFrame:
        """Time series (units x dates) of a level on the unit versions valid at `geometry_at` (default: current)."""
        d = self.dialect
        level = normalise_level(level)
        at = None if geometry_at is None else normalise_date(geometry_at, "geometry date")
        conditions, params = [], []
        if keys is not None:
            keys = list(keys)
            if not keys:
                return pd_empty(self._READ_COLS)
            w, p = d.in_list("key", keys)
            conditions.append(d.compose("unit_fid IN (SELECT fid FROM sm_units WHERE level = ? AND {w})", w=w))
            params += [level] + p
        if variables:
            w, p = d.in_list("variable", variables)
            conditions.append(w)
            params += p
        if start is not None:
            conditions.append(d.compose("ref_date >= ?"))
            params.append(normalise_date(start))
        if end is not None:
            conditions.append(d.compose("ref_date <= ?"))
            params.append(normalise_date(end))
        df = self._read(
            level, at, conditions, params, provenance=provenance, order=("unit_fid", "variable", "ref_date")
        )
        return df.sort_values(["unit_key", "variable", "ref_date"], kind="stable", ignore_index=True)

    def dates(self, level: str | None = None, variables: Iterable[str] | None = None) -> list[str]:
        """Reference dates holding values (optionally of one level and of some variables)."""
        d = self.dialect
        conditions = []
        params: list[object] = []
        if level is not None:
            conditions.append(d.compose("u.level = ?"))
            params.append(normalise_level(level))
        if variables:
            w, p = d.in_list("variable", variables)
            conditions.append(w)
            params += p
        if not conditions:
            rows = self._all("SELECT DISTINCT ref_date FROM sm_values ORDER BY ref_date")
        else:
            sql = d.compose(
                "SELECT DISTINCT v.ref_date FROM sm_values v JOIN sm_units u ON u.fid = v.unit_fid "
                "WHERE {w} ORDER BY v.ref_date",
                w=d.join(" AND ", conditions),
            )
            rows = self._all(sql, params)
        return [iso_date(r[0]) for r in rows]

    def stored_variables(self, candidates: Iterable[str]) -> list[str]:
        """The candidates that have at least one value in the store (any level, any date)."""
        return [c for c in candidates if self._all("SELECT 1 FROM sm_values WHERE variable = ? LIMIT 1", (c,))]

    def import_log(self) -> pd.DataFrame:
        import pandas as pd

        cur = self._q("SELECT * FROM sm_import_log ORDER BY import_id")
        cols = [c[0] for c in cur.description]
        df = pd.DataFrame.from_records(cur.fetchall(), columns=cols)
        if "imported_at" in df and len(df):
            df["imported_at"] = df["imported_at"].astype(str)
        return df

    def count_values(self) -> int:
        return self._all("SELECT count(*) FROM sm_values")[0][0]
