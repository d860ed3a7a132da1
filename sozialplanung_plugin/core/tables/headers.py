"""Headers and notes: footnote markers, years in headers, the names of key/label/year columns, footnote lines.

A header as delivered ('Einwohner unter 15 Jahre 2014 (1)') carries a variable, maybe a year and footnote
markers; normalise_label() is the form in which headers and catalogue aliases are compared.
"""

import functools
import re
import unicodedata

from .cells import _SUPER_TO_DIGIT, _SUPERSCRIPTS, _clean_text

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
_MARKER_PATTERNS = [
    re.compile(r"\(\s*(\d{1,2}|[a-z])\s*\)"),  # (1)  (a)
    re.compile(r"\[\s*(\d{1,2})\s*\]"),  # [1]
    re.compile(r"(?:(?<=\s)|^)(\d{1,2})\)"),  # 1)
    re.compile(r"([" + _SUPERSCRIPTS + r"]+)"),  # ¹²
    re.compile(r"(?<=\S)\s*(\*+)\s*$"),  # trailing *
]
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|2100)(?!\d)")


def strip_markers(header):
    """Remove footnote markers from a header; return (clean header, [markers])."""
    s = _clean_text(header)
    markers = []
    for pat in _MARKER_PATTERNS:
        for m in pat.finditer(s):
            mk = m.group(1)
            if mk and mk[0] in _SUPERSCRIPTS:
                mk = "".join(_SUPER_TO_DIGIT[c] for c in mk)
            markers.append(mk)
        s = pat.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s, markers


def normalise_label(text):
    """Compare form of a header or alias: lower case, umlauts spelled out, markers and punctuation removed.

    'Einwohner 65 Jahre und älter (1)' and 'Einwohner 65 Jahre und aelter' give the same label.
    """
    if text.__class__ is str:
        return _normalise_text(text)
    return _normalise_text.__wrapped__(text)


@functools.lru_cache(maxsize=8192)
def _normalise_text(text):
    """normalise_label() of a str, remembered: every table read maps the catalogue's aliases again."""
    s, _ = strip_markers(text)
    s = "".join(_UMLAUTS.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def header_slug(text):
    """Identifier form of a header that is not in the catalogue: 'Anteil in %' -> 'anteil_in'."""
    s = normalise_label(text).replace(" ", "_")
    return s or "value"


def split_year_dates(text):
    """'31.12.2014' -> '2014' so dates count as years."""
    return re.sub(r"(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?((?:19|20)\d\d)(?!\d)", r"\1", text)


def split_year(header):
    """('Einwohner unter 15 Jahre 2014') -> ('Einwohner unter 15 Jahre', 2014, ()).

    Two years ('Veränderung 2009 2014') mark a change column: no single year, the period is returned.
    Dates such as 31.12.2014 count as the year 2014.
    """
    s = split_year_dates(header)
    years = [int(y) for y in _YEAR.findall(s)]
    if len(years) == 1:
        base = _YEAR.sub(" ", s)
        base = re.sub(r"\s+", " ", base).strip(" -_/:,")
        return base, years[0], ()
    if len(years) >= 2:
        return s, None, tuple(years)
    return s, None, ()


# ---------------------------------------------------------------------------------------------------------
# Column roles by name
# ---------------------------------------------------------------------------------------------------------

KEY_NAMES = [
    "blocknummer",
    "block",
    "blockschluessel",
    "baublock",
    "ags",
    "ars",
    "gemeindeschluessel",
    "amtlicher gemeindeschluessel",
    "regionalschluessel",
    "amtlicher regionalschluessel",
    "schluessel",
    "kennziffer",
    "kennung",
    "gebietsschluessel",
    "gebiet",
    "gebietsname",
    "gemeinde",
    "sozialraum",
    "wohnplatz",
    "stadtteil",
    "bezirk",
    "planungsraum",
    "name",
    "id",
    "key",
    "schluessel nr",
    "nr",
]
KEY_WIDTHS = {
    "ags": 8,
    "gemeindeschluessel": 8,
    "amtlicher gemeindeschluessel": 8,
    "ars": 12,
    "regionalschluessel": 12,
    "amtlicher regionalschluessel": 12,
    "kreisschluessel": 5,
    "blocknummer": 12,
}
LABEL_NAMES = [
    "gemeinde",
    "gemeindename",
    "name",
    "bezeichnung",
    "gebiet",
    "gebietsname",
    "stadtteil",
    "ortsteil",
    "sozialraum",
    "wohnplatz",
    "bezirk",
    "planungsraum",
    "kreis",
    "ort",
    "label",
    "raumeinheit",
]
YEAR_NAMES = ["jahr", "berichtsjahr", "year", "stichtag", "zeit", "zeitraum", "stichjahr"]
VARIABLE_NAMES = ["merkmal", "variable", "merkmalsname", "indikator", "kennzahl", "item"]
VALUE_NAMES = ["wert", "value", "anzahl", "werte"]


def pick(headers_norm, names):
    """Index of the first header equal to one of names (in the order of names), else None."""
    for n in names:
        for i, h in enumerate(headers_norm):
            if h == n:
                return i
    return None


def alias_lookup(variables):
    """Mapping normalised header -> variable id, from a dict or anything with alias_map()."""
    if variables is None:
        return {}
    if hasattr(variables, "alias_map"):
        return dict(variables.alias_map())
    return {normalise_label(k): v for k, v in dict(variables).items()}


# ---------------------------------------------------------------------------------------------------------
# Footnote lines
# ---------------------------------------------------------------------------------------------------------

NOTE_START = re.compile(
    r"^\s*(\(\s*\d{1,2}\s*\)|\d{1,2}\)|\[\d{1,2}\]|[" + _SUPERSCRIPTS + r"]+|\*+|quelle|anmerkung|hinweis|"
    r"fu(ss|ß)note|stand|zeichenerkl|erl(ae|ä)uterung|source|note|©|\(c\)|rundung)",
    re.IGNORECASE,
)
_NOTE_MARKER = re.compile(
    r"^\s*(?:\(\s*(\d{1,2})\s*\)|(\d{1,2})\)|\[(\d{1,2})\]|([" + _SUPERSCRIPTS + r"]+)\)?|(\*+)\)?)\s*(.*)$"
)


def footnote_map_of(footnotes):
    """{marker: text} for the footnote lines that start with a marker ('(1)', '1)', '[1]', '¹', '*')."""
    out = {}
    for fn in footnotes:
        m = _NOTE_MARKER.match(fn)
        if m:
            mk = next(g for g in m.groups()[:5] if g)
            if mk[0] in _SUPERSCRIPTS:
                mk = "".join(_SUPER_TO_DIGIT[c] for c in mk)
            out[mk] = m.group(6).strip()
    return out
