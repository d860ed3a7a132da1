"""Translatable core messages without Qt: the plugin installs Qt's translator, the core only marks its texts.

A message is written once, in English, as a template with named fields: ``tr("Column {col} of {file} ...",
col=..., file=...)``. ``tools/i18n_update.py`` extracts every ``tr("...")`` of the core into the .ts file
under the context ``core``; at run time the plugin installs ``QCoreApplication.translate("core", ...)`` with
:func:`set_translator`, so a planner in a German QGIS reads the message in German. Without a translator
(plain Python, the core tests) the English template is used. The values are filled in after translation, so
the translation may move them; a translation that names a field the call does not give falls back to English
rather than hiding the message.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str], str] | None = None


def set_translator(translate: Callable[[str], str] | None) -> None:
    """Install (or, with None, remove) the function that translates an English template."""
    global _translate
    _translate = translate


def tr(text: str, /, **values) -> str:
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
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        return text.format(**values)
