"""Translatable core messages without Qt: the plugin installs Qt's translator, the core only marks its texts.

A message is written once, in English, as a template with named fields: ``tr("Column {col} of {file} ...",
col=..., file=...)``. ``tools/i18n_update.py`` extracts every ``tr("...")`` of the core into the .ts file
under the context ``core``; at run time the plugin installs ``QCoreApplication.translate("core", ...)`` with
:func:`set_translator`, so a planner in a German QGIS reads the message in German. Without a translator
(plain Python, the core tests) the English template is used. The values are filled in after translation, so
the translation may move them; a translation that names a field the call does not give falls back to English
rather than hiding the message. Numbers filled into a translated message follow the language's decimal mark
(``set_translator(..., decimal=",")``): "12,5 %" and "8.192" in German, "12.5%" and "8,192" in English; a text
filled in with ``{x!r}`` and a value passed through :func:`quote` stand in the language's quotation marks
(``set_translator(..., quotes="„“")``): „Kita“ in German, 'Kita' in English.

Messages built outside the core (``self.tr(...)`` of the algorithms and docks) fill their fields with
:func:`fill`, the same formatting: ``fill(self.tr("The floor ({:g}) ..."), floor)``.
"""

from __future__ import annotations

import numbers
import string
from collections.abc import Callable

_translate: Callable[[str], str] | None = None
_decimal = "."
_quotes = ""  # the opening and closing quotation mark of the language ("„“"); empty: English ('…', repr)


class _LocalFormatter(string.Formatter):
    """str.format in the language: numbers (not their text) with the decimal comma ('.' and ',' swapped, a space
    before '%'); ``!r`` of a text in the language's quotation marks."""

    def convert_field(self, value, conversion):
        if conversion == "r" and _quotes:
            if isinstance(value, str):
                return quote(value)
            if isinstance(value, numbers.Number) and not isinstance(value, bool):
                return value  # repr of a number is the number: written in the language below
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        text = format(value, format_spec)
        if _decimal == "," and isinstance(value, numbers.Number) and not isinstance(value, bool):
            text = text.translate({ord("."): ",", ord(","): "."})
            if text.endswith("%") and format_spec.endswith("%"):
                text = text[:-1] + " %"
        return text


_LOCAL = _LocalFormatter()


def set_translator(translate: Callable[[str], str] | None, *, decimal: str = ".", quotes: str = "") -> None:
    """Install (or, with None, remove) the function that translates an English template, the language's
    decimal mark ("," for German) and its quotation marks ("„“" for German; empty: English)."""
    global _translate, _decimal, _quotes
    _translate = translate
    _decimal = decimal if translate is not None else "."
    _quotes = quotes if translate is not None else ""


def _plain(value: object) -> object:
    """A numpy scalar as the Python number it holds: numpy 2 writes its repr as 'np.float64(-1.0)'."""
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        return value.item()
    return value


def quote(value: object) -> str:
    """A value (a field name, a cell's text) quoted in the user's language: „ew“ in German, 'ew' in English.
    Characters that do not print (a tab, a line break) are shown escaped, as repr shows them."""
    if not _quotes:
        return f"'{value}'"
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(value))
    return f"{_quotes[0]}{text}{_quotes[-1]}"


def fill(template: str, /, *args: object, **values: object) -> str:
    """An already translated ``template`` (``self.tr(...)`` outside the core) with its fields filled in as
    :func:`tr` fills them: numbers in the language's decimal mark, ``{x!r}`` texts in its quotation marks."""
    args = tuple(_plain(v) for v in args)
    values = {k: _plain(v) for k, v in values.items()}
    if _decimal == "," or _quotes:
        return _LOCAL.vformat(template, args, values)
    return template.format(*args, **values)


def tr(text: str, /, **values: object) -> str:
    """The message ``text`` in the user's language, its ``{name}`` fields filled from ``values``."""
    translated = text
    if _translate is not None:
        try:
            translated = _translate(text) or text
        except Exception:  # noqa: BLE001 - a broken translator must not hide the message itself
            translated = text
    if not values:
        return translated
    try:
        return fill(translated, **values)
    except (KeyError, IndexError, ValueError):
        return text.format(**{k: _plain(v) for k, v in values.items()})
