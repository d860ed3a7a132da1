"""Backup and restore of a store, the same for both backends: a snapshot is a GeoPackage store with a checksum.

Why a GeoPackage for PostgreSQL too: pg_dump must match the server's version and is rarely installed beside QGIS
on a planner's desk; a GeoPackage export of one consistent read (REPEATABLE READ on PostgreSQL, one read
transaction on SQLite) works everywhere, opens in QGIS, is itself a store, and restores into either backend.
The snapshot carries a SHA-256 over its content (every table, rows in key order, values normalised so that
SQLite and PostgreSQL give the same text), so a damaged or edited snapshot is refused, and a restore is checked
against it before it commits. A snapshot from a newer schema version than the plugin knows is refused; an older
one is migrated on a temporary copy first.

Not in a snapshot: a PostgreSQL store's roles, policies and audit (run storeroles again after restoring into a new
schema; the audit stays in its database and records the restore itself).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..i18n import tr
from .common import DEFAULT_PG_SCHEMA, DEFAULT_SRID, iso_date, utc_now
from .files import check_sqlite_file
from .geometry import to_multipolygon_wkb, to_point_wkb
from .migrations import SCHEMA_VERSION
from .sql import Ident, Literal, Placeholders, idents

if TYPE_CHECKING:
    from .api import Store
    from .common import Cursor

# restore order (parents first); the key each table's rows are sorted by
TABLES = {
    "sm_meta": ("key",),
    "sm_levels": ("level",),
    "sm_catalogue": ("catalogue_id", "version"),
    "sm_units": ("fid",),
    "sm_assignment": ("level", "key", "parent_level", "valid_from"),
    "sm_import_log": ("import_id",),
    "sm_values": ("ref_date", "unit_fid", "variable"),
    "sm_targets": ("target_id",),
    "sm_facilities": ("fid",),
}
IDENTITY = {"sm_units": "fid", "sm_import_log": "import_id", "sm_targets": "target_id", "sm_facilities": "fid"}
GEOMETRY = {"sm_units": True, "sm_facilities": False}  # table -> stored as Multi (polygons) or not (points)
DATES = {"valid_from", "valid_to", "ref_date", "deadline", "baseline_date", "opened", "closed"}
TIMESTAMPS = {"imported_at", "registered_at", "applied_at"}
JSONS = {"definition", "attributes"}
DATA_TABLES = ("sm_units", "sm_values", "sm_targets", "sm_facilities")


def _columns(store, table):
    """Column names of a table in the store, in their order ([] when the table does not exist)."""
    if store.dialect.name == "gpkg":
        return [r[1] for r in store._all(store.dialect.compose("PRAGMA table_info({t})", t=Ident(table)))]
    return [
        r[0]
        for r in store._all(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
    ]


def _timestamp(value):
    if isinstance(value, _dt.datetime):
        return value.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value


def _json_text(value):
    """JSON kept as written (SQLite: text; PostgreSQL's JSONB as text); digest() compares it key-sorted."""
    return value if value is None or isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _converter(column, dialect):
    """How a column's cells become the same plain values on both backends (None: as they come)."""
    if column == "geom":
        return lambda v: None if v is None else dialect.wkb_out(v)
    if column in DATES:
        return iso_date
    if column in TIMESTAMPS:
        return _timestamp
    if column in JSONS:
        return _json_text
    return None


def read_content(store: Store, cur: Cursor | None = None) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """{table: (columns, rows)} of every store table, rows sorted by key and normalised (geometries as WKB).

    Converted column by column (only dates, timestamps, JSON and geometries need it): a store of a million values
    is read in seconds, not one Python call per cell."""
    d = store.dialect
    out = {}
    for table, key in TABLES.items():
        cols = _columns(store, table)
        if not cols:
            continue
        select = [d.geom_select(c) if c == "geom" else d.compose("{c}", c=Ident(c)) for c in cols]
        sql = d.compose("SELECT {cols} FROM {t} ORDER BY {k}", cols=select, t=Ident(table), k=idents(key))
        rows = store._all(sql, (), cur)
        if rows:
            columns: list[Sequence[object]] = list(zip(*rows))
            for i, c in enumerate(cols):
                f = _converter(c, d)
                if f is not None:
                    columns[i] = [f(v) for v in columns[i]]
            rows = list(zip(*columns))
        if table == "sm_meta":
            rows = [r for r in rows if not str(r[0]).startswith("snapshot_")]
        out[table] = (cols, rows)
    return out


def digest(content: dict[str, tuple[list[str], list[tuple[Any, ...]]]], chunk: int = 20_000) -> str:
    """SHA-256 over the normalised content: per table its name, columns and rows (JSON key-sorted), as Python reprs
    (exact for floats, the same on both backends)."""
    h = hashlib.sha256()
    for table in TABLES:
        if table not in content:
            continue
        cols, rows = content[table]
        h.update(repr((table, list(cols))).encode())
        js = [i for i, c in enumerate(cols) if c in JSONS]
        if js:
            rows = [
                tuple(
                    json.dumps(json.loads(v), ensure_ascii=False, sort_keys=True) if i in js and v is not None else v
                    for i, v in enumerate(r)
                )
                for r in rows
            ]
        for start in range(0, len(rows), chunk):
            h.update(repr(rows[start : start + chunk]).encode())
    return h.hexdigest()


def _geom_params(store, table, wkb):
    """The parameters of one geometry for INSERT (NULL stays NULL)."""
    d = store.dialect
    if wkb is None:
        return (None,) if d.name == "gpkg" else (None, int(store.srid))
    info = (to_multipolygon_wkb(wkb) if GEOMETRY[table] else to_point_wkb(wkb))[1]
    return d.geom_values(wkb, info, store.srid)


def _insert(store, cur, table, cols, rows):
    d = store.dialect
    if not rows:
        return
    if "geom" in cols:
        gi = cols.index("geom")
        values = [d.compose(d.geom_param(GEOMETRY[table])) if c == "geom" else d.compose("?") for c in cols]
        rows = [tuple(r[:gi]) + tuple(_geom_params(store, table, r[gi])) + tuple(r[gi + 1 :]) for r in rows]
    else:
        values = Placeholders(len(cols))
    if d.name == "postgis" and "geom" not in cols:  # bulk: COPY from an in-memory CSV (None = unquoted empty = NULL)
        import io

        def cell(v):
            if v is None:
                return ""
            if isinstance(v, str):
                return '"' + v.replace('"', '""') + '"'
            return repr(v)

        buf = io.StringIO("\n".join(",".join(cell(v) for v in r) for r in rows) + "\n")
        cur.copy_expert(
            d.compose("COPY {t} ({cols}) FROM STDIN WITH (FORMAT csv)", t=Ident(table), cols=idents(cols)), buf
        )
        return
    if d.name == "postgis":  # geometries: one statement per page of rows, not one round trip per row
        from psycopg2.extras import execute_values

        sql = d.compose("INSERT INTO {t} ({cols}) VALUES %s", t=Ident(table), cols=idents(cols))
        template = d.compose("({v})", v=values).as_string(cur)
        execute_values(cur, sql.as_string(cur), rows, template=template, page_size=5000)
        return
    sql = d.compose("INSERT INTO {t} ({cols}) VALUES ({v})", t=Ident(table), cols=idents(cols), v=values)
    cur.executemany(sql, rows)


def _fill(store, cur, content):
    """Replace every store table's rows by `content` (inside the caller's transaction)."""
    d = store.dialect
    for table in reversed(list(TABLES)):
        if _columns(store, table):
            cur.execute(d.compose("DELETE FROM {t}", t=Ident(table)))
    for table in TABLES:
        if table not in content:
            continue
        cols, rows = content[table]
        have = set(_columns(store, table))
        keep = [i for i, c in enumerate(cols) if c in have]
        _insert(store, cur, table, [cols[i] for i in keep], [tuple(r[i] for i in keep) for r in rows])
    if d.name == "postgis":
        for table, col in IDENTITY.items():
            if table in content:
                cur.execute(
                    d.compose(
                        "SELECT setval(pg_get_serial_sequence({t}, {c}), coalesce(max({col}), 0) + 1, false) FROM {tab}",
                        t=Literal(f"{store.schema}.{table}"),
                        c=Literal(col),
                        col=Ident(col),
                        tab=Ident(table),
                    )
                )
    else:
        for table in GEOMETRY:
            if table in content:
                cur.execute(
                    d.compose(
                        "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM {rt}", rt=Ident(f"rtree_{table}_geom")
                    )
                )
                cur.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                    "WHERE table_name = ?",
                    (*cur.fetchone(), utc_now(), table),
                )


def backup(store: Store, path: str | os.PathLike[str]) -> dict[str, object]:
    """Write a snapshot of `store` to the new GeoPackage `path` (never over an existing file); returns its summary.

    One consistent read of the whole store; the file appears only when complete (written as '<name>.part.gpkg', then
    renamed), so a failed or killed backup leaves no half snapshot behind.
    """
    from .api import Store

    path = os.fspath(path)
    if not path.lower().endswith(".gpkg"):
        raise InputError(tr("The snapshot '{path}' must be a GeoPackage file (ending with .gpkg).", path=path))
    if os.path.exists(path):
        raise InputError(
            tr("'{path}' exists already. A backup never overwrites a file: choose a new file name.", path=path)
        )
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(
            tr(
                "The folder '{folder}' for the snapshot does not exist. Create it or choose another one.",
                folder=folder,
            )
        )
    with store.read_snapshot() as cur:
        content = read_content(store, cur)
    expected = digest(content)
    part = path[:-5] + ".part.gpkg"  # the store must end with .gpkg
    for leftover in (part, part + "-journal"):
        if os.path.exists(leftover):
            os.remove(leftover)
    try:
        snap = Store.open(part, srid=store.srid)
        try:
            with snap.transaction() as cur:
                _fill(snap, cur, content)
                got = digest(read_content(snap, cur))
                if got != expected:  # pragma: no cover - a defect, never bad input
                    raise RuntimeError("the snapshot does not read back as the store's content")
                meta = {
                    "snapshot_sha256": expected,
                    "snapshot_of": store.plain_name,
                    "snapshot_at": utc_now(),
                    "snapshot_schema_version": str(store.schema_version),
                }
                cur.executemany("INSERT INTO sm_meta (key, value) VALUES (?, ?)", list(meta.items()))
        finally:
            snap.close()
        os.replace(part, path)
    except BaseException:
        for leftover in (part, part + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)
        raise
    return {"sha256": expected, "rows": {t: len(rows) for t, (_, rows) in content.items()}}


def _snapshot_info(path):
    """(schema version, checksum, srid) of a snapshot file after the checks that need no store."""
    check_sqlite_file(path, empty_ok=False)
    uri = "file:" + os.path.abspath(path).replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise InputError(_damaged(path, problems[0]))
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"sm_schema_version", "sm_meta"} <= tables:
                raise InputError(
                    tr("'{path}' is not a snapshot of a store (no sm_schema_version). Nothing was restored.", path=path)
                )
            version = con.execute("SELECT max(version) FROM sm_schema_version").fetchone()[0] or 0
            meta = dict(con.execute("SELECT key, value FROM sm_meta"))
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(_damaged(path, exc)) from None
    if version > SCHEMA_VERSION:
        raise InputError(
            tr(
                "The snapshot '{path}' has schema version {version}, newer than this plugin knows ({known}). "
                "Nothing was restored. Update the Sozialplanung plugin first.",
                path=path,
                version=version,
                known=SCHEMA_VERSION,
            )
        )
    if "snapshot_sha256" not in meta:
        raise InputError(
            tr(
                "'{path}' is a store but not a snapshot written by storebackup (it has no checksum). Nothing was "
                "restored. Make a backup of it with storebackup and restore that.",
                path=path,
            )
        )
    return version, meta["snapshot_sha256"], int(meta.get("srid", DEFAULT_SRID))


def _damaged(path, error):
    return tr(
        "The snapshot '{path}' is damaged ({error}). Nothing was restored; use another backup.", path=path, error=error
    )


def restore(
    path: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    schema: str = DEFAULT_PG_SCHEMA,
    password: str | None = None,
    overwrite: bool = False,
) -> dict[str, object]:
    """Restore the snapshot `path` into the store `target` (created if missing), replacing its content.

    Refused, with nothing changed: a file that is not a snapshot, damaged or edited (checksum), from a newer schema
    version, a target with another coordinate system, a target that holds data unless `overwrite`. The restore
    runs in one transaction and is compared with the snapshot's checksum before it commits.
    Returns {'rows': {table: n}, 'sha256': ...}.
    """
    from .api import Store

    path = os.fspath(path)
    version, checksum, srid = _snapshot_info(path)
    tmp = None
    try:
        snap = Store.open(path, read_only=True, _upto=version)
        try:
            content = read_content(snap)
        finally:
            snap.close()
        if digest(content) != checksum:
            raise InputError(
                tr(
                    "The snapshot '{path}' does not match its checksum: it was changed or damaged after the backup. "
                    "Nothing was restored; use another backup.",
                    path=path,
                )
            )
        if version < SCHEMA_VERSION:  # an older snapshot: migrate a copy, then restore from it
            tmp = tempfile.mkdtemp(prefix="sozial-restore-")
            copy = os.path.join(tmp, "snapshot.gpkg")
            shutil.copyfile(path, copy)
            migrated = Store.open(copy)
            try:
                content = read_content(migrated)
            finally:
                migrated.close()
        if os.path.abspath(str(target)) == os.path.abspath(path):
            raise InputError(tr("The snapshot cannot be restored into itself; choose another store."))
        store = Store.open(target, schema=schema, srid=srid, password=password)
        try:
            if store.srid != srid:
                raise InputError(
                    tr(
                        "The store {store} holds geometries in EPSG:{store_srid}, the snapshot in "
                        "EPSG:{srid}. Nothing was restored; restore into a new store.",
                        store=store.display_name,
                        store_srid=store.srid,
                        srid=srid,
                    )
                )
            held = {
                t: store._all(store.dialect.compose("SELECT count(*) FROM {t}", t=Ident(t)))[0][0] for t in DATA_TABLES
            }
            if any(held.values()) and not overwrite:
                what = ", ".join(tr("{n} rows in {table}", n=n, table=t) for t, n in held.items() if n)
                raise InputError(
                    tr(
                        "The store {store} holds data ({what}). A restore replaces everything in it; confirm "
                        "with 'overwrite', or restore into a new store. Nothing was restored.",
                        store=store.display_name,
                        what=what,
                    )
                )
            expected = digest(content)
            with store.transaction() as cur:
                _fill(store, cur, content)
                if digest(read_content(store, cur)) != expected:  # pragma: no cover - a defect
                    raise RuntimeError("the restored store does not read back as the snapshot")
        except BaseException:
            store.close()
            if store.created and store.dialect.name == "gpkg":  # a new file: nothing of a failed restore stays
                for suffix in ("", "-journal"):
                    if os.path.exists(store.target + suffix):
                        os.remove(store.target + suffix)
            raise
        finally:
            store.close()
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"sha256": checksum, "rows": {t: len(rows) for t, (_, rows) in content.items()}, "from_version": version}
