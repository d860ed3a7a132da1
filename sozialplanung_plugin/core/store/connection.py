"""Opening a store, transactions (nested ones as savepoints) and the query helpers shared by all operations."""

import os
import re
from contextlib import contextmanager

from ..errors import InputError
from .common import DEFAULT_PG_SCHEMA, DEFAULT_SRID, utc_now
from .dialects import PgDialect, SqliteDialect, is_pg_target
from .geometry import blob_envelope, st_isempty
from .migrations import migrate


class StoreConnection:
    """Opening a store (GeoPackage file or PostgreSQL schema), transactions and the two query helpers.

    The operations (units, values, targets, carrying) are mixins on top of this class; see api.Store.
    """

    def __init__(self, conn, dialect, target, schema=None, srid=DEFAULT_SRID):
        self._depth = 0  # > 0 inside transaction(): nested writes become savepoints
        self.conn = conn
        self.dialect = dialect
        self.target = target
        self.schema = schema
        self.srid = srid

    @classmethod
    def open(cls, target, *, schema=DEFAULT_PG_SCHEMA, srid=DEFAULT_SRID, create=True, busy_timeout=120.0, _upto=None):
        """Open (and create or migrate) a store. `schema` is used for PostgreSQL only."""
        target = str(target)
        if is_pg_target(target):
            store = cls._open_pg(target, schema, srid)
        else:
            store = cls._open_gpkg(target, srid, create, busy_timeout)
        migrate(store, _upto)
        return store

    @classmethod
    def _open_gpkg(cls, path, srid, create, busy_timeout):
        import sqlite3

        if not path.lower().endswith(".gpkg"):
            raise InputError(
                f"The store file '{path}' must end with .gpkg (a GeoPackage), or give a "
                f"PostgreSQL connection (postgresql://... or service=...)."
            )
        exists = os.path.exists(path)
        if not exists and not create:
            raise InputError(f"The store '{path}' does not exist.")
        if not exists:
            d = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(d):
                raise InputError(f"The folder '{d}' for the store does not exist.")
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
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
                conn.close()
                raise InputError(f"'{path}' is a SQLite file but not a GeoPackage; choose another file name.")
        store = cls(conn, SqliteDialect(), path, None, srid)
        return store

    @classmethod
    def _open_pg(cls, target, schema, srid):
        try:
            import psycopg2
        except ImportError as exc:
            raise InputError(
                "PostgreSQL needs the Python package psycopg2 (Debian/Ubuntu: python3-psycopg2; "
                "it comes with the QGIS installers for Windows and macOS)."
            ) from exc
        dsn = target[3:] if target.lower().startswith("pg:") else target
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", schema or ""):
            raise InputError(
                f"The PostgreSQL schema name '{schema}' is not allowed; use lower-case letters, digits and underscores."
            )
        try:
            conn = psycopg2.connect(dsn)
        except psycopg2.Error as exc:
            raise InputError(
                f"Cannot connect to the PostgreSQL store ({exc}). Check host, port, database, "
                f"user and password of the connection."
            ) from exc
        conn.autocommit = True
        return cls(conn, PgDialect(), target, schema, srid)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        """One write transaction; SQLite takes the write lock at once (BEGIN IMMEDIATE).

        Nested use (e.g. register units and write values all-or-nothing) turns the inner ones into savepoints:
        nothing is committed before the outermost block ends, and an error anywhere rolls everything back.
        """
        cur = self.conn.cursor()
        if self._depth:
            name = f"sm_sp{self._depth}"
            cur.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield cur
            except BaseException:
                try:
                    cur.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    cur.execute(f"RELEASE SAVEPOINT {name}")
                except Exception:
                    pass
                raise
            finally:
                self._depth -= 1
            cur.execute(f"RELEASE SAVEPOINT {name}")
            return
        cur.execute(self.dialect.begin_write)
        self._depth = 1
        try:
            yield cur
        except BaseException:
            try:
                cur.execute("ROLLBACK")
            except Exception:
                pass
            raise
        finally:
            self._depth = 0
        cur.execute("COMMIT")

    def _q(self, sql, params=(), cur=None):
        cur = cur or self.conn.cursor()
        cur.execute(self.dialect.sql(sql), params)
        return cur

    def _all(self, sql, params=(), cur=None):
        return self._q(sql, params, cur).fetchall()

    @property
    def schema_version(self):
        return self._all("SELECT max(version) FROM sm_schema_version")[0][0]

    _now = staticmethod(utc_now)
