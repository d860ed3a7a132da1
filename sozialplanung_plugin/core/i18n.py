"""Translatable core messages without Qt: the plugin installs Qt's translator, the core only marks its texts.

A message is written once, in English, as a template with named fields: ``tr("Column {col} of {file} ...",
col=..., file=...)``. ``tools/i18n_update.py`` extracts every ``tr("...")`` of the core into the .ts file
under the context ``core``; at run time the plugin installs ``QCoreApplication.translate("core", ...)`` with
:func:`set_translator`, so a planner in a German QGIS reads the message in German. Without a translator
(plain Python, the core tests) the English template is used. The values are filled in after translation, so
the translation may move them; a translation that names a field the call does not give falls back to English
rather than hiding the message. Numbers filled into a translated message follow the language's decimal mark
(``set_translator(..., decimal=",")``): "12,5 %" and "8.192" in German, "12.5%" and "8,192" in English.
"""

from __future__ import annotations

import numbers
import string
from collections.abc import Callable

_translate: Callable[[str], str] | None = None
_decimal = "."


class _LocalNumbers(string.Formatter):
    """str.format with the decimal comma: numbers (not their text) swap '.' and ',' and get a space before '%'."""

    def format_field(self, value, format_spec):
        text = format(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            text = text.translate({ord("."): ",", ord(","): "."})
            if text.endswith("%") and format_spec.endswith("%"):
                text = text[:-1] + " %"
        return text


_LOCAL = _LocalNumbers()


def set_translator(translate: Callable[[str], str] | None, *, decimal: str = ".") -> None:
    """Install (or, with None, remove) the function that translates an English template, and the language's
    decimal mark ("," for German)."""
    global _translate, _decimal
    _translate = translate
    _decimal = decimal if translate is not None else "."


def _plain(value: object) -> object:
    """A numpy scalar as the Python number it holds: numpy 2 writes its repr as 'np.float64(-1.0)'."""
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        return value.item()
    return value


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
    values = {k: _plain(v) for k, v in values.items()}
    try:
        return _LOCAL.vformat(translated, (), values) if _decimal == "," else translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return text.format(**values)
