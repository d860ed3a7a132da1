"""Connection secrets stay in memory: texts the plugin writes (method records, the store's import log, messages)
go through redact(), which replaces passwords in libpq/QGIS connection strings and URLs by '***'.

Why a pattern and not only "use authentication configurations": a layer loaded from a legacy saved connection
carries user and password inline in its source text, and that text is what method records and import logs name.
"""

from __future__ import annotations

import re

_PATTERNS = (
    # libpq / QGIS data source: a password key with a quoted or plain value, also sslpassword (\' inside quotes)
    re.compile(r"""((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s'"]+)""", re.IGNORECASE),
    # URLs: the part between 'user:' and '@host' of postgresql://..., and password keys in query strings
    re.compile(r"(://[^:/@\s]*:)([^@\s]+)(@)"),
)
MASK = "***"


def redact(text: str | None) -> str | None:
    """The text with every password replaced by '***' (None stays None)."""
    if text is None:
        return None
    out = str(text)
    out = _PATTERNS[0].sub(lambda m: m.group(1) + MASK, out)
    out = _PATTERNS[1].sub(lambda m: m.group(1) + MASK + m.group(3), out)
    return out


def redact_value(value: object) -> object:
    """redact() through strings, lists, tuples and dicts (e.g. the parameters of a method record)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(redact_value(v) for v in value)
    return value


def has_secret(text: str | None) -> bool:
    """True when the text holds a password (the STORE parameter refuses such a text: QGIS would keep it in its
    processing history, in models and in logs)."""
    return text is not None and redact(text) != str(text)
