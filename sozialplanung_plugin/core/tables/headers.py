"""Headers and notes: footnote markers, years in headers, the names of key/label/year columns, footnote lines.

A header as delivered ('Einwohner unter 15 Jahre 2014 (1)') carries a variable, maybe a year and footnote
markers; normalise_label() is the form in which headers and catalogue aliases are compared.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import cast

from ..fields import YEAR_PATTERN
from .cells import _SUPER_TO_DIGIT, _SUPERSCRIPTS, _clean_text

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
_MARKER_PATTERNS = [
    re.compile(r"\(\s*(\d{1,2}|[a-z]|\*+)\s*\)"),  # (1)  (a)  (*)
    re.compile(r"\[\s*(\d{1,2})\s*\]"),  # [1]
    re.compile(r"(?:(?<=\s)|(?<=[A-Za-zÄÖÜäöüß.])|^)(\d{1,2})\)"),  # 1)  Arbeitslose1)
    re.compile(r"\u207d?([" + _SUPERSCRIPTS + r"]+)\u207e?\)?"),  # ¹²  ¹⁾  ¹)
    re.compile(r"(?<=\S)\s*(\*+)\)?\s*$"),  # trailing *  *)
]
#: the characters of which every marker pattern needs one: '(', '[', ')', '*' or a superscript digit
_MARKER_CHAR = re.compile("[" + re.escape("()[*" + _SUPERSCRIPTS) + "]")
#: a year in a header or title line: the one year rule of core.fields (1900-2099)
_YEAR = re.compile(rf"(?<!\d)({YEAR_PATTERN})(?!\d)")


def strip_markers(header: object) -> tuple[str, list[str]]:
    """Remove footnote markers from a header; return (clean header, [markers])."""
    s = _clean_text(header)
    if not _MARKER_CHAR.search(s):  # each pattern needs one of these characters: nothing to strip
        return s, []
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


def normalise_label(text: object) -> str:
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


# ---------------------------------------------------------------------------------------------------------
# Matching headers to catalogue aliases: the usual abbreviations of office headers
# ---------------------------------------------------------------------------------------------------------

#: tokens (of normalise_label) written in full
_ABBREVIATIONS = {
    "j": "jahre",
    "jahren": "jahre",
    "jhr": "jahre",
    "jr": "jahre",
    "einw": "einwohner",
    "ew": "einwohner",
    "bev": "bevoelkerung",
    "insg": "insgesamt",
    "insges": "insgesamt",
    "ausl": "auslaender",
    "hh": "haushalte",
    "sgb2": "sgb ii",
    "sgbii": "sgb ii",
    "sgb3": "sgb iii",
    "sgbiii": "sgb iii",
    "sgb12": "sgb xii",
    "sgbxii": "sgb xii",
}
#: 'u.' means 'und' before these words ('65 J. u. älter'), else 'unter' ('Kinder u. 15 J.')
_AND_BEFORE = {"aelter", "ae", "mehr", "darueber", "aelt"}
#: words that do not change what a header counts ('Kinder im SGB II Bezug' = 'Kinder SGB II')
_FILLERS = frozenset({"im", "in", "der", "die", "das", "des", "dem", "den", "mit", "nach", "von", "vom", "am", "bezug"})


def _age_bound(b):
    """Upper age of 'A-B' / 'A bis B' as 'bis unter': 15-65 and 15-64 both mean 15 to under 65."""
    if b % 5 == 0 or b in (18, 21):
        return b
    if (b + 1) % 5 == 0 or b + 1 in (18, 21):
        return b + 1
    return b


def match_label(text: object) -> str:
    """The form in which headers and catalogue aliases are matched: normalise_label() with the usual
    abbreviations written out.

    'Einwohner unter 15 J.', 'Einw. u. 15 Jahren' and 'Einwohner unter 15 Jahre' give the same label, as do
    'Einwohner 15-65 J.', 'Einwohner 15 bis 64 Jahre' and 'Einwohner 15 bis unter 65 Jahre'; 'Einwohner 65+',
    'ab 65 Jahre' and '65 Jahre und älter'; 'SGB2' and 'SGB II'.
    """
    if text.__class__ is str:
        return _match_text(text)
    return _match_text.__wrapped__(text)


@functools.lru_cache(maxsize=8192)
def _match_text(text):
    s = re.sub(r"(?<=\d)\s*\+", " und aelter ", _clean_text(text))  # 65+ -> 65 und aelter
    s = normalise_label(s)
    s = re.sub(r"(?<![a-z0-9])(u|unter|ue|ueber|ab)(\d+)", r"\1 \2", s)  # u15 -> u 15
    tokens = s.split()
    out = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if t == "u":
            t = "und" if nxt in _AND_BEFORE else "unter"
        elif t in ("ae", "aelt") and out[-1:] == ["und"]:
            t = "aelter"
        elif t in ("mehr", "darueber") and out[-1:] == ["und"]:
            t = "aelter"
        t = _ABBREVIATIONS.get(t, t)
        out.extend(t.split())
    s = " ".join(out)
    # ages: 'ab 65' -> '65 und aelter'; '15 65' (15-65), '15 bis 64' -> '15 bis unter 65'; '0 bis unter 15' -> 'unter 15'
    s = re.sub(r"\bab (\d+)( jahre)?\b", lambda m: f"{m.group(1)}{m.group(2) or ''} und aelter", s)
    s = re.sub(r"\b(\d+) und aelter jahre\b", r"\1 jahre und aelter", s)
    s = re.sub(
        r"\b(\d+) (?:bis )?(\d+)\b",
        lambda m: (
            f"{m.group(1)} bis unter {_age_bound(int(m.group(2)))}"
            if int(m.group(1)) < int(m.group(2)) < 130
            else m.group(0)
        ),
        s,
    )
    s = re.sub(r"\b0 bis unter (\d+)", r"unter \1", s)
    return s


def match_key(label: str) -> tuple[str, ...]:
    """Token set of a match_label() without filler words: the second chance for headers in another word order
    ('Kinder u. 15 J. im SGB II' = 'Kinder im SGB II Bezug unter 15 Jahre')."""
    return tuple(sorted(t for t in label.split() if t not in _FILLERS))


class AliasIndex(dict):
    """match_label(alias) -> variable id, with a second lookup by match_key() (taken only where it names one
    variable)."""

    def __init__(self, pairs: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(pairs)
        by_key: dict[tuple[str, ...], set[str]] = {}
        for label, var in self.items():
            by_key.setdefault(match_key(label), set()).add(var)
        self._by_key = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1 and k}

    def find(self, header: str) -> str | None:
        """The variable id of a header (markers already stripped), or None. Also finds keys in the plain
        normalise_label() form (alias maps made before match_label existed)."""
        m = match_label(header)
        if m in self:
            return self[m]
        n = normalise_label(header)
        if n in self:
            return self[n]
        return self._by_key.get(match_key(m))


def header_slug(text: object) -> str:
    """Identifier form of a header that is not in the catalogue: 'Anteil in %' -> 'anteil_in'."""
    s = normalise_label(text).replace(" ", "_")
    return s or "value"


_DATE_YEAR = re.compile(rf"(?<!\d)\d{{1,2}}\.\s?\d{{1,2}}\.\s?({YEAR_PATTERN})(?!\d)")


def split_year_dates(text: str) -> str:
    """'31.12.2014' -> '2014' so dates count as years."""
    return _DATE_YEAR.sub(r"\1", text)


def split_year(header: str) -> tuple[str, int | None, tuple[int, ...]]:
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


# years in a title that date something else than the data: the area's boundaries, the extraction, the print
_OTHER_DATE = re.compile(
    r"\b(?:gebietsstand|datenstand|abrufdatum|abruf|abgerufen|erstellt|erstellungsdatum|gedruckt|druck|"
    r"ver(?:oe|ö)ffentlicht|ausgabe)\b[:\s]*(?:am\s+|vom\s+)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|[a-zäöü]+)\s?)?"
    + YEAR_PATTERN,
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright|quelle\s*:)[^;)]*", re.IGNORECASE)
_DATA_DATE = re.compile(
    r"\b(?:stand|am|zum|per|stichtag|berichtsjahr|berichtsmonat|jahr|ende|jahresende)\b[:\s]*"
    rf"(?:\d{{1,2}}\.\s?(?:\d{{1,2}}\.|[a-zäöü]+)\s?)?({YEAR_PATTERN})",
    re.IGNORECASE,
)


def title_year(title: Iterable[str]) -> int | None:
    """The year the title lines date the table to, or None: a single year, leaving out the dates of the area
    (Gebietsstand), of the extraction (Datenstand, abgerufen, erstellt) and copyright/source lines; of several
    years the one after 'Stand', 'am', 'Berichtsjahr', ... when only one is so marked."""
    years: set[int] = set()
    marked: set[int] = set()
    for line in title:
        s = _COPYRIGHT.sub(" ", _OTHER_DATE.sub(" ", line))
        years.update(int(y) for y in _YEAR.findall(split_year_dates(s)))
        marked.update(int(y) for y in _DATA_DATE.findall(s))
    if len(years) == 1:
        return years.pop()
    if len(marked) == 1 and marked <= years:
        return marked.pop()
    return None


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


def pick(headers_norm: Sequence[str], names: Iterable[str]) -> int | None:
    """Index of the first header equal to one of names (in the order of names), else None."""
    for n in names:
        for i, h in enumerate(headers_norm):
            if h == n:
                return i
    return None


def alias_lookup(variables: Mapping[str, str] | object | None) -> AliasIndex:
    """AliasIndex (match_label(header) -> variable id) of a dict header -> id or anything with alias_map()."""
    if variables is None:
        return AliasIndex()
    if hasattr(variables, "alias_map"):
        pairs = tuple(variables.alias_map().items())
    else:
        pairs = tuple((match_label(k), v) for k, v in dict(cast("Mapping[str, str]", variables)).items())
    found = _ALIAS_INDEXES.get(pairs)
    if found is None:  # the same catalogue read table after table: its index made once (read only)
        if len(_ALIAS_INDEXES) >= 8:
            _ALIAS_INDEXES.clear()
        found = _ALIAS_INDEXES[pairs] = AliasIndex(pairs)
    return found


#: AliasIndex by the (label, variable) pairs it was made of
_ALIAS_INDEXES: dict[tuple[tuple[str, str], ...], AliasIndex] = {}


# ---------------------------------------------------------------------------------------------------------
# Footnote lines
# ---------------------------------------------------------------------------------------------------------

NOTE_START = re.compile(
    r"^\s*(\(\s*\d{1,2}\s*\)|\d{1,2}\)|\[\d{1,2}\]|[" + _SUPERSCRIPTS + r"]+|\*+|quelle|anmerkung|hinweis|"
    r"fu(ss|ß)note|stand|zeichenerkl|erl(ae|ä)uterung|source|note|©|\(c\)|rundung)",
    re.IGNORECASE,
)
_NOTE_MARKER = re.compile(
    r"^\s*(?:\(\s*(\d{1,2}|[a-z])\s*\)|(\d{1,2}|[a-z])\)|\[(\d{1,2})\]|\u207d?([" + _SUPERSCRIPTS + r"]+)[\u207e)]?"
    r"|(\*+)\)?)\s*(.*)$"
)
# a footnote line that starts with a plain number ('1 Einschließlich ...', 'Fußnote 1: ...'): its marker counts
# only when a header carries it, a number at the start of a line is often just a number
_NOTE_NUMBER = re.compile(
    r"^\s*(?:(?:fu(?:ss|ß)note|anmerkung)\s*)?(\d{1,2})(?:\s*[:.]\s*|\s+)(?=\D)(.*)$", re.IGNORECASE
)

#: the symbols of DIN 55301 / Destatis legends ('. = Zahlenwert unbekannt oder geheim zu halten')
_LEGEND_SYMBOL = r"(?:\.\.\.|\u2026|\(\s*\)|[-\u2013\u2014.\u00b7x\u00d7/|*#0]|[prse])"
_LEGEND_LINE = re.compile(
    r"^\s*(?:zeichenerkl\w*\s*:?\s*|zeichen\s*:\s*)?" + _LEGEND_SYMBOL + r"\s*=\s*[^\d\s=]", re.IGNORECASE
)
_LEGEND_ITEM = re.compile(
    r"(?:^|(?<=[;,])|(?<=\s\s))\s*(?:zeichenerkl\w*\s*:?\s*|zeichen\s*:\s*)?(" + _LEGEND_SYMBOL + r")\s*=\s*",
    re.IGNORECASE,
)


def is_legend(text: object) -> bool:
    """A line of the symbol legend under (or above) a table: '. = Zahlenwert unbekannt; - = nichts vorhanden'."""
    return isinstance(text, str) and bool(_LEGEND_LINE.match(text))


def legend_of(lines: Iterable[str]) -> dict[str, str]:
    """{symbol: meaning} of the legend lines among lines ('-': 'nichts vorhanden', '.': 'Zahlenwert ...')."""
    out: dict[str, str] = {}
    for line in lines:
        if not is_legend(line):
            continue
        items = list(_LEGEND_ITEM.finditer(line))
        for k, m in enumerate(items):
            end = items[k + 1].start() if k + 1 < len(items) else len(line)
            meaning = line[m.end() : end].strip(" ;,")
            symbol = (
                re.sub(r"\s+", "", m.group(1)).replace("\u2026", "...").replace("\u2013", "-").replace("\u2014", "-")
            )
            if meaning:
                out.setdefault(symbol.replace("\u00b7", ".").replace("\u00d7", "x"), meaning)
    return out


def footnote_map_of(footnotes: Iterable[str], header_markers: Collection[str] = ()) -> dict[str, str]:
    """{marker: text} for the footnote lines that start with a marker ('(1)', '1)', '[1]', '¹', '*', 'a)'); a
    line that starts with a plain number ('1 Ohne ...', 'Fußnote 1: ...') when a header carries that marker.
    Legend lines ('* = anonymisiert') are not footnotes of a marker."""
    out = {}
    for fn in footnotes:
        if is_legend(fn):
            continue
        m = _NOTE_MARKER.match(fn)
        if m:
            mk = next(g for g in m.groups()[:5] if g)
            if mk[0] in _SUPERSCRIPTS:
                mk = "".join(_SUPER_TO_DIGIT[c] for c in mk)
            out[mk] = m.group(6).strip()
            continue
        m = _NOTE_NUMBER.match(fn)
        if m and m.group(1) in header_markers and m.group(1) not in out:
            out[m.group(1)] = m.group(2).strip()
    return out
