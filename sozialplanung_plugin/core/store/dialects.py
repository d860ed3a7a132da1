"""SQL dialects: what differs between SQLite (GeoPackage) and PostgreSQL/PostGIS, in one small class each.

Both backends speak DB-API and INSERT ... ON CONFLICT DO UPDATE, so every statement of the store is written once;
a dialect supplies placeholders, column types, geometry in/out, NULL-safe comparisons, bulk staging and the
rendering of composed statements (sql.py: identifiers quoted by the driver's quoting, values as parameters).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, overload

from .geometry import gpkg_blob, gpkg_blob_to_wkb
from .sql import Ident, Keyword, Literal, Placeholders, idents, quote_ident, quote_literal

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas as pd
    import psycopg2.extensions
    from psycopg2 import sql as pgsql

    Statement: TypeAlias = str | pgsql.Composable  # SqliteComposed (a str) or psycopg2's composed SQL
    Part: TypeAlias = Ident | Literal | Placeholders | Keyword | Statement | list | tuple  # what compose() renders


class Dialect:
    name = ""
    types: dict[str, str] = {}
    _distinct: str  # NULL-safe comparison templates of the subclass ({a}, {b})
    _same: str

    def sql(self, text: str) -> str:
        """Constant statement text with ? placeholders -> the driver's paramstyle."""
        return text

    def fill(self, template: str, **parts: Part) -> Statement:
        """A DDL template: {pk}, {real}, ... are the dialect's column types, other fields the given parts."""
        return self.compose(template, **{k: Keyword(v) for k, v in self.types.items()}, **parts)

    def is_composed(self, statement: object) -> bool:
        raise NotImplementedError

    def compose(self, template: str, **parts: Part) -> Statement:
        raise NotImplementedError

    def join(self, separator: str, fragments: Iterable[Part]) -> Statement:
        raise NotImplementedError

    # shared in terms of compose
    def distinct(self, a: Part, b: Part) -> Statement:
        return self.compose(self._distinct, a=a, b=b)

    def same(self, a: Part, b: Part) -> Statement:
        return self.compose(self._same, a=a, b=b)

    def in_list(self, column: str, items: Iterable[object]) -> tuple[Statement, list[object]]:
        """(`column IN (?, ...)`, items): an IN list of value placeholders."""
        items = list(items)
        return self.compose("{c} IN ({p})", c=Ident(column), p=Placeholders(len(items))), items


class SqliteComposed(str):
    """Statement text composed by the SQLite dialect (a str subclass, so the driver takes it as it is)."""


class SqliteDialect(Dialect):
    """GeoPackage: a SQLite file with the gpkg_* metadata tables; geometries as GeoPackage blobs."""

    name = "gpkg"
    types = {
        "pk": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "real": "REAL",
        "json": "TEXT",
        "ts": "DATETIME",
        "date": "DATE",
        "int": "INTEGER",
        "text": "TEXT",
        "without_rowid": "WITHOUT ROWID",
    }
    begin_write = "BEGIN IMMEDIATE"  # take the write lock first: no lost updates between processes
    errors = (sqlite3.Error,)
    _distinct = "{a} IS NOT {b}"
    _same = "{a} IS {b}"

    def is_composed(self, statement: object) -> bool:
        return isinstance(statement, SqliteComposed)

    def _render(self, part):
        if isinstance(part, Ident):
            return ".".join(quote_ident(n) for n in part.names)
        if isinstance(part, Literal):
            return quote_literal(part.value)
        if isinstance(part, Placeholders):
            return ", ".join(["?"] * part.n)
        if isinstance(part, Keyword):
            return part.text
        if isinstance(part, SqliteComposed):
            return str(part)
        if isinstance(part, (list, tuple)):
            return ", ".join(self._render(p) for p in part)
        raise TypeError(f"not a part of a composed statement: {part!r} (identifiers go in as Ident)")

    def compose(self, template: str, **parts: Part) -> SqliteComposed:
        return SqliteComposed(template.format(**{k: self._render(v) for k, v in parts.items()}))

    def join(self, separator: str, fragments: Iterable[Part]) -> SqliteComposed:
        return SqliteComposed(separator.join(self._render(f) for f in fragments))

    def geom_param(self, multi: bool = True) -> str:
        return "?"

    def geom_values(
        self, wkb: bytes, info: tuple[tuple[float, float, float, float], float], srid: int
    ) -> tuple[object, ...]:
        """Parameters of geom_param() for one geometry: the GeoPackage blob."""
        return (gpkg_blob(wkb, srid, info[0]),)

    def geom_select(self, col: str) -> Statement:
        return self.compose("{c}", c=Ident(col))

    def date_text(self, col: str) -> Statement:
        """A DATE column as 'YYYY-MM-DD' text (SQLite stores the text already)."""
        return self.compose("{c}", c=Ident(col))

    @overload
    def wkb_out(self, value: bytes | bytearray | memoryview) -> bytes: ...
    @overload
    def wkb_out(self, value: None) -> None: ...
    def wkb_out(self, value: bytes | bytearray | memoryview | None) -> bytes | None:
        return gpkg_blob_to_wkb(value)

    def is_retryable(self, exc: BaseException) -> bool:
        return False

    def stage(self, cur: sqlite3.Cursor, table: str, columns: Sequence[str], frame: pd.DataFrame) -> None:
        """Bulk load by executemany of one prepared statement (SQLite stores NaN as NULL)."""
        rows = zip(*(frame[c].tolist() for c in columns))
        statement = self.compose(
            "INSERT INTO {t} ({cols}) VALUES ({p})", t=Ident(table), cols=idents(columns), p=Placeholders(len(columns))
        )
        cur.executemany(statement, rows)


class PgDialect(Dialect):
    """PostgreSQL/PostGIS: same tables in their own schema; bulk loads by COPY."""

    name = "postgis"
    types = {
        "pk": "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "real": "DOUBLE PRECISION",
        "json": "JSONB",
        "ts": "TIMESTAMPTZ",
        "date": "DATE",
        "int": "INTEGER",
        "text": "TEXT",
        "without_rowid": "",
    }
    begin_write = "BEGIN"
    _distinct = "{a} IS DISTINCT FROM {b}"
    _same = "{a} IS NOT DISTINCT FROM {b}"

    @property
    def errors(self) -> tuple[type[Exception], ...]:
        import psycopg2

        return (psycopg2.Error,)

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def is_composed(self, statement: object) -> bool:
        from psycopg2 import sql

        return isinstance(statement, sql.Composable)

    def _render(self, part):
        from psycopg2 import sql

        if isinstance(part, Ident):
            return sql.Identifier(*part.names)
        if isinstance(part, Literal):
            return sql.Literal(part.value)
        if isinstance(part, Placeholders):
            return sql.SQL(", ").join([sql.Placeholder()] * part.n)
        if isinstance(part, Keyword):
            return sql.SQL(part.text)
        if isinstance(part, sql.Composable):
            return part
        if isinstance(part, (list, tuple)):
            return sql.SQL(", ").join(self._render(p) for p in part)
        raise TypeError(f"not a part of a composed statement: {part!r} (identifiers go in as Ident)")

    def compose(self, template: str, **parts: Part) -> pgsql.Composed:
        from psycopg2 import sql

        return sql.SQL(self.sql(template)).format(**{k: self._render(v) for k, v in parts.items()})

    def join(self, separator: str, fragments: Iterable[Part]) -> pgsql.Composed:
        from psycopg2 import sql

        return sql.SQL(separator).join(self._render(f) for f in fragments)

    def geom_param(self, multi: bool = True) -> str:
        """Polygons are stored as MultiPolygons (ST_Multi), points as points."""
        return "ST_Multi(ST_GeomFromWKB(?, ?))" if multi else "ST_GeomFromWKB(?, ?)"

    def geom_values(
        self, wkb: bytes, info: tuple[tuple[float, float, float, float], float], srid: int
    ) -> tuple[object, ...]:
        import psycopg2

        return (psycopg2.Binary(wkb), int(srid))

    def geom_select(self, col: str) -> Statement:
        return self.compose("ST_AsBinary({c})", c=Ident(col))

    def date_text(self, col: str) -> Statement:
        return self.compose("to_char({c}, 'YYYY-MM-DD')", c=Ident(col))

    @overload
    def wkb_out(self, value: bytes | bytearray | memoryview) -> bytes: ...
    @overload
    def wkb_out(self, value: None) -> None: ...
    def wkb_out(self, value: bytes | bytearray | memoryview | None) -> bytes | None:
        return None if value is None else bytes(value)

    def is_retryable(self, exc: BaseException) -> bool:
        return getattr(exc, "pgcode", None) in ("40P01", "40001")  # deadlock, serialization failure

    def stage(self, cur: psycopg2.extensions.cursor, table: str, columns: Sequence[str], frame: pd.DataFrame) -> None:
        """Bulk load by COPY from an in-memory CSV (NaN/None -> empty = NULL)."""
        import io

        buf = io.StringIO()
        frame[list(columns)].to_csv(buf, header=False, index=False, na_rep="")
        buf.seek(0)
        statement = self.compose(
            "COPY {t} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '')", t=Ident(table), cols=idents(columns)
        )
        cur.copy_expert(statement, buf)


def is_pg_target(target: str | os.PathLike[str]) -> bool:
    t = str(target).strip()
    return (
        t.startswith(("postgresql://", "postgres://", "PG:", "pg:"))
        or t.startswith("service=")
        or (("=" in t) and ("dbname" in t or "host" in t or "service" in t) and not os.path.exists(t))
    )
