"""SQL composition of the store: identifiers through the driver's quoting, values only as parameters.

The SQLite rendering is checked as text; the PostgreSQL rendering through psycopg2.sql against the real
throwaway server (tests/pgserver.py), because Identifier/Literal need a connection to render.
"""

import sqlite3

import pytest

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.store import Store
from sozialplanung_plugin.core.store.dialects import PgDialect, SqliteDialect
from sozialplanung_plugin.core.store.sql import Ident, Literal, Placeholders, check_name, idents, quote_ident

from .. import pgserver

pg_server = pgserver.pg_server  # pytest fixture of the throwaway server

HOSTILE = ['x"; DROP TABLE sm_values; --', "a b", "1abc", "", "a" * 64, "ä", "sm_values.x", "x'y"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_refused(name):
    with pytest.raises(InputError, match="not allowed as a database"):
        check_name(name)
    with pytest.raises(InputError):
        Ident(name)


def test_plain_names_are_quoted():
    assert quote_ident("sm_values") == '"sm_values"'
    assert quote_ident("_sm_staging") == '"_sm_staging"'
    assert check_name("a" * 63) == "a" * 63


def test_sqlite_composition():
    d = SqliteDialect()
    q = d.compose(
        "SELECT {cols} FROM {t} WHERE {c} IN ({p}) AND level = {lv}",
        cols=idents(["fid", "key"], "u"),
        t=Ident("sm_units"),
        c=Ident("u", "key"),
        p=Placeholders(3),
        lv=Literal("it's"),
    )
    assert q == """SELECT "u"."fid", "u"."key" FROM "sm_units" WHERE "u"."key" IN (?, ?, ?) AND level = 'it''s'"""
    # a plain string is not a part: it would bypass the quoting
    with pytest.raises(TypeError, match="Ident"):
        d.compose("SELECT * FROM {t}", t="sm_units; DROP TABLE x")
    # composed fragments nest
    w, params = d.in_list("variable", ["a", "b"])
    assert d.join(" AND ", [w, d.compose("ref_date = ?")]) == '"variable" IN (?, ?) AND ref_date = ?'
    assert params == ["a", "b"]


def test_sqlite_literal_in_a_view_is_quoted(tmp_path):
    """The one place without parameters (a view definition): a quote in the literal stays inside the literal."""
    d = SqliteDialect()
    con = sqlite3.connect(tmp_path / "x.sqlite")
    con.execute("CREATE TABLE t (level TEXT)")
    con.executemany("INSERT INTO t VALUES (?)", [("a'b",), ("a",)])
    con.execute(d.compose("CREATE VIEW v AS SELECT level FROM t WHERE level = {lv}", lv=Literal("a'b")))
    assert con.execute("SELECT * FROM v").fetchall() == [("a'b",)]


def test_pg_composition_renders_with_the_drivers_quoting(pg_server):
    import psycopg2

    d = PgDialect()
    q = d.compose(
        "SELECT {cols} FROM {t} WHERE {c} IN ({p}) AND level = {lv}",
        cols=idents(["fid", "key"], "u"),
        t=Ident("sm_units"),
        c=Ident("u", "key"),
        p=Placeholders(2),
        lv=Literal("it's"),
    )
    con = psycopg2.connect(pg_server.dsn)
    try:
        text = q.as_string(con)
    finally:
        con.close()
    assert text == """SELECT "u"."fid", "u"."key" FROM "sm_units" WHERE "u"."key" IN (%s, %s) AND level = 'it''s'"""


def test_hostile_schema_name_never_reaches_the_server(pg_server):
    with pytest.raises(InputError, match="schema name"):
        Store.open(pg_server.dsn, schema='x"; DROP SCHEMA public CASCADE; --')
