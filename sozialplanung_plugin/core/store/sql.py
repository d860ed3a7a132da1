"""SQL built from constant text, quoted identifiers and value placeholders - never from values.

Most statements of the store are constant text. Where a statement has variable parts (a column list, a table
name, a qualified column), they are given as parts of a template and the dialect renders them with the
driver's identifier quoting: psycopg2.sql.Identifier on PostgreSQL, quote_ident (a strict name check, then
double quotes) on SQLite. Values always travel as parameters (``?`` in templates). A plain ``str`` is refused as
a part, so nothing can bypass the quoting by accident; only text composed by a dialect nests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import InputError
from ..i18n import tr

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def _name_what(what):
    """The kind of name in the user's language (callers pass the English words)."""
    known = {"name": tr("name"), "role name": tr("role name"), "role prefix": tr("role prefix")}
    return known.get(what, what)


def check_name(name: str, what: str = "name") -> str:
    """The name itself when it is a plain SQL name (letters, digits, underscores; at most 63), else InputError."""
    text = str(name)
    if not _NAME.fullmatch(text):
        raise InputError(
            tr(
                "'{name}' is not allowed as a database {what}: use letters, digits and underscores only "
                "(at most 63 characters, not starting with a digit).",
                name=name,
                what=_name_what(what),
            )
        )
    return text


def quote_ident(name: str) -> str:
    """SQLite identifier: strictly checked, then double-quoted (a checked name never contains a quote)."""
    return '"' + check_name(name) + '"'


def quote_literal(value: str | int | float) -> str:
    """SQLite literal for the few places that cannot take parameters (view definitions, PRAGMA values)."""
    if isinstance(value, bool):
        raise TypeError("booleans are written as 0/1 parameters")
    if isinstance(value, int):
        return str(int(value))
    text = str(value)
    if "\x00" in text:
        raise InputError(tr("A text for the database contains a NUL character."))
    return "'" + text.replace("'", "''") + "'"


class Ident:
    """An identifier, optionally qualified: Ident('v', 'value') -> "v"."value"."""

    __slots__ = ("names",)

    def __init__(self, *names: str) -> None:
        self.names = tuple(check_name(n) for n in names)


class Literal:
    """A constant that a statement cannot take as a parameter (e.g. in CREATE VIEW); rendered by the driver."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


class Placeholders:
    """n value placeholders separated by commas (for IN lists and VALUES)."""

    __slots__ = ("n",)

    def __init__(self, n: int) -> None:
        self.n = int(n)


class Keyword:
    """Constant SQL text of a dialect (column types such as DOUBLE PRECISION); never built from input."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def idents(names: Iterable[str], *qualifier: str) -> list[Ident]:
    """[Ident(*qualifier, n) for n in names]: a column list, optionally qualified by a table alias."""
    return [Ident(*qualifier, n) for n in names]
