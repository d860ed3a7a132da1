"""Opening a store, transactions (nested ones as savepoints) and the query helpers shared by all operations."""

from __future__ import annotations

import os
import pathlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .common import DEFAULT_PG_SCHEMA, DEFAULT_SRID, utc_now
from .dialects import PgDialect, SqliteDialect, is_pg_target
from .files import check_sqlite_file, not_a_database_message, read_only_message
from .geometry import blob_envelope, st_isempty
from .migrations import migrate
from .sql import Ident, Literal

if TYPE_CHECKING:
    import sqlite3
    from typing import Self

    import psycopg2.extensions

    from .common import Cursor


class StoreConnection(StoreBase):
    """Opening a store (GeoPackage file or PostgreSQL schema), transactions and the two query helpers.

    The operations (units, values, targets, carrying) are mixins on top of this class; see api.Store.
    """

    def __init__(
        self,
        conn: sqlite3.Connection | psycopg2.extensions.connection,
        dialect: SqliteDialect | PgDialect,
        target: str,
        schema: str | None = None,
        srid: int = DEFAULT_SRID,
        read_only: bool = False,
    ) -> None:
        self._depth = 0  # > 0 inside transaction(): nested writes become savepoints
        self.conn = conn
        self.dialect = dialect
        self.target = target
        self.schema = schema
        self.srid = srid
        self.read_only = read_only
        self.created = False  # True when this open created the GeoPackage file or the PostgreSQL schema

    @property
    def display_name(self) -> str:
        """The store for messages (in the user's language): the GeoPackage path, or schema, database and host;
        never a password."""
        if self.dialect.name == "gpkg":
            return self.target
        info = getattr(self.conn, "info", None)
        if info is None:
            return tr("PostgreSQL schema '{schema}' in {where}", schema=self.schema, where="PostgreSQL")
        where = tr("database '{db}' on {host}", db=info.dbname, host=info.host or "localhost")
        return tr("PostgreSQL schema '{schema}' in {where}", schema=self.schema, where=where)

    @property
    def plain_name(self) -> str:
        """The store as display_name, always in English: for what the store writes into files (a snapshot)."""
        if self.dialect.name == "gpkg":
            return self.target
        info = getattr(self.conn, "info", None)
        where = f"database '{info.dbname}' on {info.host or 'localhost'}" if info is not None else "PostgreSQL"
        return f"PostgreSQL schema '{self.schema}' in {where}"

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str],
        *,
        schema: str = DEFAULT_PG_SCHEMA,
        srid: int = DEFAULT_SRID,
        create: bool = True,
        read_only: bool = False,
        busy_timeout: float = 120.0,
        password: str | None = None,
        _upto: int | None = None,
    ) -> Self:
        """Open (and create or migrate) a store. `schema` is used for PostgreSQL only.

        `read_only=True` (reading algorithms): nothing is created and nothing written, not even the GeoPackage
        header; a path that does not exist is refused instead of becoming an empty store.
        `password` (PostgreSQL): given to the driver only, so that the target text itself never holds a secret.
        """
        target = str(target)
        if is_pg_target(target):
            store = cls._open_pg(target, schema, srid, read_only, password)
        else:
            store = cls._open_gpkg(target, srid, create and not read_only, busy_timeout, read_only)
        try:
            migrate(store, _upto, read_only=read_only)
        except BaseException as exc:
            store.close()
            problem = store.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise
        return store

    @classmethod
    def _open_gpkg(cls, path, srid, create, busy_timeout, read_only):
        import sqlite3

        if not path.lower().endswith(".gpkg"):
            raise InputError(
                tr(
                    "The store file '{path}' must end with .gpkg (a GeoPackage), or give a "
                    "PostgreSQL connection (postgresql://... or service=...).",
                    path=path,
                )
            )
        exists = os.path.exists(path)
        if os.path.isdir(path):
            raise InputError(tr("'{path}' is a folder; give the store's file name (ending with .gpkg).", path=path))
        if not exists and not create:
            raise InputError(
                tr(
                    "The store '{path}' does not exist. Check the path; a new store is created only by the algorithms "
                    "that write into it (storeunits, storewrite).",
                    path=path,
                )
            )
        if not exists:
            d = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(d):
                raise InputError(
                    tr("The folder '{folder}' for the store does not exist. Create it or choose another one.", folder=d)
                )
            if not os.access(d, os.W_OK):
                raise InputError(read_only_message(path, new=True))
        else:
            check_sqlite_file(path, empty_ok=not read_only)
        if read_only:
            uri = pathlib.Path(path).absolute().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
        else:
            conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        dialect = SqliteDialect()
        store = cls(conn, dialect, path, None, srid, read_only)
        store.created = not exists or os.path.getsize(path) == 0
        try:
            conn.execute(dialect.compose("PRAGMA busy_timeout = {ms}", ms=Literal(int(busy_timeout * 1000))))
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -200000")
            conn.create_function("ST_IsEmpty", 1, st_isempty, deterministic=True)
            for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
                conn.create_function(
                    name, 1, (lambda j: lambda b: None if b is None else blob_envelope(b)[j])(i), deterministic=True
                )
            if exists:
                head = conn.execute("PRAGMA application_id").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if head != 0x47504B47 and "gpkg_contents" not in tables and tables:
                    raise InputError(
                        tr("'{path}' is a SQLite file but not a GeoPackage; choose another file name.", path=path)
                    )
        except BaseException as exc:
            conn.close()
            problem = store.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise
        return store

    @classmethod
    def _open_pg(cls, target, schema, srid, read_only, password=None):
        try:
            import psycopg2
        except ImportError as exc:
            raise InputError(
                tr(
                    "PostgreSQL needs the Python package psycopg2 (Debian/Ubuntu: python3-psycopg2; "
                    "it comes with the QGIS installers for Windows and macOS)."
                )
            ) from exc
        dsn = target[3:] if target.lower().startswith("pg:") else target
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", schema or ""):
            raise InputError(
                tr(
                    "The PostgreSQL schema name '{schema}' is not allowed; use lower-case letters, digits and "
                    "underscores.",
                    schema=schema,
                )
            )
        try:
            conn = psycopg2.connect(dsn, **({"password": password} if password else {}))
        except psycopg2.Error as exc:
            raise InputError(
                tr(
                    "Cannot connect to the PostgreSQL store ({error}). Check host, port, database, "
                    "user and password of the connection.",
                    error=str(exc).strip(),
                )
            ) from None  # the driver's exception may quote the connection string
        conn.autocommit = True
        if read_only:
            conn.set_session(readonly=True, autocommit=True)
        return cls(conn, PgDialect(), target, schema, srid, read_only)

    def describe_error(self, exc: BaseException) -> InputError | None:
        """An InputError in words for a database error a planner can act on (damaged, read-only, locked, ...).

        None for anything else (programming errors stay tracebacks: they are bugs, not input).
        """
        if isinstance(exc, InputError):
            return None
        text = str(exc).strip()
        if self.dialect.name == "gpkg":
            import sqlite3

            if not isinstance(exc, sqlite3.Error):
                return None
            low = text.lower()
            if "file is not a database" in low:
                return InputError(not_a_database_message(self.target))
            if "malformed" in low or "disk i/o error" in low:
                return InputError(
                    tr(
                        "The store file '{path}' is damaged ({error}). Nothing was changed. Restore it from a "
                        "backup (storebackup writes one) or from a copy.",
                        path=self.target,
                        error=text,
                    )
                )
            if "readonly" in low or "read-only" in low or "unable to open database file" in low:
                return InputError(read_only_message(self.target, new=False))
            if "database is locked" in low:
                return InputError(
                    tr(
                        "The store '{path}' is locked by another program for too long (another import or an "
                        "edit session in QGIS). Nothing was written; try again.",
                        path=self.target,
                    )
                )
            if "disk is full" in low:
                return InputError(tr("The disk of the store '{path}' is full. Nothing was written.", path=self.target))
            return None
        code = getattr(exc, "pgcode", None)
        if code == "42501":  # insufficient privilege, including row-level security
            message = tr(
                "The PostgreSQL role may not do this in {store}: {error}. Nothing was written.",
                store=self.display_name,
                error=text.splitlines()[0],
            )
            if "row-level security" in text:
                message += " " + tr(
                    "A municipality's role may change only the units and values of its own municipality."
                )
            return InputError(
                message + " " + tr("Ask the store's administrator for the right role (docs/store.md, roles).")
            )
        if code == "25006":  # read-only transaction
            return InputError(
                tr("The store {store} was opened for reading only; nothing was written.", store=self.display_name)
            )
        return None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """One write transaction; SQLite takes the write lock at once (BEGIN IMMEDIATE).

        Nested use (e.g. register units and write values all-or-nothing) turns the inner ones into savepoints:
        nothing is committed before the outermost block ends, and an error anywhere rolls everything back.
        """
        cur = self.conn.cursor()
        d = self.dialect
        if self._depth:
            savepoint = Ident(f"sm_sp{self._depth}")
            cur.execute(d.compose("SAVEPOINT {sp}", sp=savepoint))
            self._depth += 1
            try:
                yield cur
            except BaseException:
                try:
                    cur.execute(d.compose("ROLLBACK TO SAVEPOINT {sp}", sp=savepoint))
                    cur.execute(d.compose("RELEASE SAVEPOINT {sp}", sp=savepoint))
                except d.errors:
                    pass  # the connection is gone: nothing to undo here, and the original error must surface
                raise
            finally:
                self._depth -= 1
            cur.execute(d.compose("RELEASE SAVEPOINT {sp}", sp=savepoint))
            return
        try:
            cur.execute(d.begin_write)
        except d.errors as exc:
            problem = self.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise
        self._depth = 1
        try:
            yield cur
        except BaseException as exc:
            try:
                cur.execute("ROLLBACK")
            except d.errors:
                pass  # the connection is gone (the server rolls back by itself); the original error must surface
            problem = self.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise
        finally:
            self._depth = 0
        try:
            cur.execute("COMMIT")
        except d.errors as exc:
            problem = self.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise

    @contextmanager
    def read_snapshot(self) -> Iterator[Cursor]:
        """One consistent read of the whole store (a backup): PostgreSQL REPEATABLE READ READ ONLY - one snapshot
        for every statement, concurrent writers not blocked; SQLite a read transaction (its shared lock keeps
        writers out until the read is done)."""
        cur = self.conn.cursor()
        begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" if self.dialect.name == "postgis" else "BEGIN"
        cur.execute(begin)
        self._depth = 1
        try:
            yield cur
        finally:
            self._depth = 0
            try:
                cur.execute("COMMIT")
            except self.dialect.errors:
                pass  # nothing was written; a lost connection has ended the read already

    def _q(self, sql, params=(), cur=None):
        """Execute a constant statement (? placeholders) or one composed by the dialect; returns the cursor."""
        cur = cur or self.conn.cursor()
        try:
            statement = sql if self.dialect.is_composed(sql) else self.dialect.sql(sql)
            if params:
                cur.execute(statement, params)
            else:  # no parameters: psycopg2 then leaves a '%' in the text alone
                cur.execute(statement)
        except self.dialect.errors as exc:
            problem = self.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise
        return cur

    def _all(self, sql, params=(), cur=None):
        cur = self._q(sql, params, cur)
        try:
            return cur.fetchall()
        except self.dialect.errors as exc:
            problem = self.describe_error(exc)
            if problem is not None:
                raise problem from exc
            raise

    @property
    def schema_version(self) -> int:
        return self._all("SELECT max(version) FROM sm_schema_version")[0][0]

    _now = staticmethod(utc_now)
