"""Indicator catalogue: schema, loading with county overlays, validation, export.

Why data, not code: every county defines its indicators a little differently (age bands, numerator variants,
reliability limits). The catalogue is YAML a planner can read and edit; the shipped default follows
DOMAIN.md section 2 and a county's own file overlays it (add, override by id, disable). Each indicator is
value = sum(numerator) / sum(denominator) x multiplier over count variables, so rates are always computed from
summed counts, never averaged.

Public API (stable, see docs/catalogue.md):
    Variable, Indicator, Catalogue dataclasses
    load_catalogue(*overlay_paths, include_default=True) -> Catalogue
    default_catalogue() -> Catalogue
    catalogue_from_dict(data, source='<dict>') -> Catalogue  (one file's content, no default)
    validate_catalogue(cat) -> None (raises InputError listing every problem)
    Catalogue.to_yaml / to_xlsx / to_csv / to_dict
    TOPICS, UNITS, POLARITIES, KINDS, CHANGES, DEFAULT_PATH
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import IO, Any

from .errors import InputError
from .i18n import tr
from .tables.headers import AliasIndex, match_label

DEFAULT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "catalogue", "default.yaml"
)

#: the eight fields of the Sozialmonitoring (order = display order)
TOPICS = (
    "Demografie",
    "Einkommen und Transferleistungen",
    "Arbeit",
    "Wohnen",
    "Erziehung und Bildung",
    "Gesundheit",
    "Partizipation und Teilhabe",
    "Sicherheit",
)
#: unit -> the multiplier it implies (None: any multiplier > 0)
UNITS = {
    "%": 100,
    "‰": 1000,
    "per 100": 100,
    "per 1,000": 1000,
    "per 10,000": 10000,
    "per 100,000": 100000,
    "absolute": 1,
    "index": None,
    "EW/km²": 1,
    "persons": 1,
    "m²/EW": 1,
    "pp": None,
}
POLARITIES = ("higher_worse", "higher_better", "neutral")
KINDS = ("status", "dynamics")
#: how a dynamics indicator compares its base indicator's values at t and t - period_years
CHANGES = {
    "pp": "difference of the base values (percentage points for a % indicator)",
    "percent": "relative change of the base value in percent: (new / old - 1) x 100",
    "absolute": "difference of the base values in the base unit",
}
AREA = "area_km2"
POLARITY_LABELS_DE = {
    "higher_worse": "höher = ungünstiger",
    "higher_better": "höher = günstiger",
    "neutral": "neutral (Kontext)",
}


@dataclass
class Variable:
    """A count delivered in statistics tables (residents under 15, SGB II recipients, ...)."""

    id: str
    name: str
    name_en: str = ""
    aliases: list = field(default_factory=list)
    description: str = ""
    unit: str = "persons"
    source: str = ""
    reference_date: str = ""
    notes: str = ""
    origin: str = ""  # file that defined (or last changed) it

    def to_dict(self) -> dict[str, object]:
        d = {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self) if f.name != "origin"}
        return {k: v for k, v in d.items() if v not in ("", [], None) or k in ("id", "name")}


@dataclass
class Indicator:
    """One indicator: value = sum(numerator) / sum(denominator) x multiplier (see module doc)."""

    id: str
    name: str
    topic: str
    numerator: list = field(default_factory=list)
    denominator: list = field(default_factory=list)
    unit: str = "%"
    multiplier: float = 100
    polarity: str = "neutral"
    kind: str = "status"
    name_en: str = ""
    short_name: str = ""
    description: str = ""
    interpretation: str = ""
    base_indicator: str = ""  # dynamics only: the status indicator whose change is measured
    change: str = ""  # dynamics only: pp | percent | absolute
    period_years: int = 0  # dynamics only: compare with the value this many years earlier (0 = previous)
    source: str = ""
    update_interval: str = ""
    reference_date: str = ""
    min_denominator: float = 0  # below this denominator the value is flagged 'unreliable'
    disclosure_threshold: int = 3  # numerators 1 .. threshold-1 are suppressed (primary suppression)
    action_fields: list = field(default_factory=list)
    notes: str = ""
    literature: str = ""
    enabled: bool = True
    origin: str = ""  # file that defined (or last changed) it

    # -- formula helpers (used by aggregation and the catalogue browser) -------------------------------
    @property
    def is_absolute(self) -> bool:
        """True when the value is a plain count (no denominator)."""
        return self.kind == "status" and not self.denominator

    @property
    def uses_area(self) -> bool:
        return AREA in self.denominator

    @staticmethod
    def _terms(items):
        out = []
        for it in items:
            it = str(it).strip()
            if it.startswith("-"):
                out.append((-1, it[1:].strip()))
            else:
                out.append((1, it.lstrip("+").strip()))
        return out

    def numerator_terms(self) -> list[tuple[int, str]]:
        """[(sign, variable id)]: '-fortzuege' gives (-1, 'fortzuege')."""
        return self._terms(self.numerator)

    def denominator_terms(self) -> list[tuple[int, str]]:
        return self._terms(self.denominator)

    def variables(self) -> list[str]:
        """Count variables the indicator needs (without area_km2), in formula order."""
        out = []
        for _, v in self.numerator_terms() + self.denominator_terms():
            if v != AREA and v not in out:
                out.append(v)
        return out

    def compute(self, counts: Mapping[str, float | None], area_km2: float | None = None) -> tuple[float, float, float]:
        """Value from a mapping of summed counts: (num, den, value). NaN where not computable.

        A missing or NaN count makes the result NaN (never read as 0). den <= 0 gives NaN.
        """

        def side(terms):
            total = 0.0
            for sign, v in terms:
                x = area_km2 if v == AREA else counts.get(v)
                if x is None:
                    return math.nan
                x = float(x)
                if math.isnan(x):
                    return math.nan
                total += sign * x
            return total

        num = side(self.numerator_terms())
        if not self.denominator:
            return num, math.nan, num * self.multiplier
        den = side(self.denominator_terms())
        if math.isnan(num) or math.isnan(den) or den <= 0:
            return num, den, math.nan
        return num, den, num / den * self.multiplier

    def formula(self, catalogue: Catalogue | None = None) -> str:
        """Readable formula, e.g. 'Kinder im SGB II Bezug unter 15 Jahre / Einwohner unter 15 Jahre x 100'."""

        def names(terms):
            parts = []
            for i, (sign, v) in enumerate(terms):
                nm = v
                if v == AREA:
                    nm = "Fläche km²"
                elif catalogue is not None and v in catalogue.variables:
                    nm = catalogue.variables[v].name
                parts.append(("- " if sign < 0 else ("+ " if i else "")) + nm)
            s = " ".join(parts)
            return f"({s})" if len(terms) > 1 else s

        if self.kind == "dynamics":
            base = self.base_indicator
            if catalogue is not None and base in catalogue.indicators:
                base = catalogue.indicators[base].name
            span = f"{self.period_years} Jahre" if self.period_years else "Vorperiode"
            return {
                "pp": f"{base}(t) - {base}(t - {span})",
                "absolute": f"{base}(t) - {base}(t - {span})",
                "percent": f"({base}(t) / {base}(t - {span}) - 1) x 100",
            }.get(self.change, base)
        num = names(self.numerator_terms())
        if not self.denominator:
            return num
        mult = f" x {_fmt_number(self.multiplier)}" if self.multiplier != 1 else ""
        return f"{num} / {names(self.denominator_terms())}{mult}"

    def to_dict(self) -> dict[str, object]:
        d = {}
        for f in fields(self):
            if f.name in ("origin",):
                continue
            v = copy.deepcopy(getattr(self, f.name))
            if f.name in ("numerator", "denominator", "id", "name", "topic", "unit", "multiplier", "polarity", "kind"):
                d[f.name] = v
            elif (
                v not in ("", [], None, 0)
                and not (f.name == "enabled" and v is True)
                and not (f.name == "disclosure_threshold" and v == 3)
            ):
                d[f.name] = v
        if isinstance(d.get("multiplier"), float) and d["multiplier"].is_integer():
            d["multiplier"] = int(d["multiplier"])
        if self.kind == "dynamics":
            d.pop("numerator", None)
            d.pop("denominator", None)
        return d


def _fmt_number(x):
    x = float(x)
    if x.is_integer():
        return f"{int(x):,}".replace(",", ".")
    return str(x).replace(".", ",")


_IND_FIELDS = {f.name for f in fields(Indicator)} - {"origin"}
_VAR_FIELDS = {f.name for f in fields(Variable)} - {"origin"}
_TOP_KEYS = {"catalogue", "action_fields", "variables", "indicators", "disable", "topics"}
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class Catalogue:
    """Indicators and count variables, after overlaying the county's files over the default."""

    version: str = ""
    name: str = ""
    indicators: dict = field(default_factory=dict)  # id -> Indicator (enabled only)
    variables: dict = field(default_factory=dict)  # id -> Variable
    topics: tuple = TOPICS
    action_fields: dict = field(default_factory=dict)  # id -> label
    disabled: dict = field(default_factory=dict)  # id -> Indicator switched off by an overlay
    provenance: list = field(default_factory=list)  # [{file, name, version, sha256}]

    # -- look-ups --------------------------------------------------------------------------------------
    def indicator(self, ind_id: str) -> Indicator:
        """The indicator with this id; a clear InputError (with a suggestion) when unknown or disabled."""
        if ind_id in self.indicators:
            return self.indicators[ind_id]
        if ind_id in self.disabled:
            raise InputError(
                tr(
                    "The indicator '{id}' is disabled in the catalogue ({origin}). Enable it there to use it.",
                    id=ind_id,
                    origin=self.disabled[ind_id].origin,
                )
            )
        close = difflib.get_close_matches(str(ind_id), list(self.indicators), n=3)
        raise InputError(
            tr(
                "The indicator '{id}' is not in the catalogue; did you mean {close}? Add it to your county "
                "catalogue file to use it.",
                id=ind_id,
                close=", ".join(close),
            )
            if close
            else tr(
                "The indicator '{id}' is not in the catalogue. Add it to your county catalogue file to use it.",
                id=ind_id,
            )
        )

    def variable(self, var_id: str) -> Variable:
        if var_id in self.variables:
            return self.variables[var_id]
        close = difflib.get_close_matches(str(var_id), list(self.variables), n=3)
        raise InputError(
            tr(
                "The count variable '{id}' is not in the catalogue; did you mean {close}?",
                id=var_id,
                close=", ".join(close),
            )
            if close
            else tr("The count variable '{id}' is not in the catalogue.", id=var_id)
        )

    def by_topic(self) -> dict[str, list[Indicator]]:
        """{topic: [Indicator, ...]} in TOPICS order, indicators in catalogue order."""
        out: dict[str, list[Indicator]] = {t: [] for t in self.topics}
        for ind in self.indicators.values():
            out.setdefault(ind.topic, []).append(ind)
        return out

    def by_action_field(self, action_field: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if action_field in i.action_fields]

    def alias_map(self) -> dict[str, str]:
        """match_label(header) -> variable id (ids, names and aliases), for tables.read_table(variables=...).

        match_label() writes the usual abbreviations of office headers out (J. -> Jahre, u. -> unter, 15-65 ->
        15 bis unter 65, ä -> ae, 65+ -> 65 und älter), so that 'Einwohner unter 15 J.' finds 'Einwohner unter
        15 Jahre'."""
        out: dict[str, str] = {}
        for v in self.variables.values():
            for a in [v.id, v.name] + list(v.aliases):
                out.setdefault(match_label(a), v.id)
        return out

    def resolve_header(self, header: str) -> str | None:
        """Variable id for a table header as delivered, or None (also in another word order, see AliasIndex)."""
        return AliasIndex(self.alias_map()).find(header)

    def indicators_for(self, available_variables: Iterable[str], area: bool = True) -> list[Indicator]:
        """Indicators computable from the given variables (and the area when area=True)."""
        have = set(available_variables)
        out = []
        for ind in self.indicators.values():
            base = ind
            if ind.kind == "dynamics":
                base = self.indicators.get(ind.base_indicator)
                if base is None:
                    continue
            if all(v in have for v in base.variables()) and (area or not base.uses_area):
                out.append(ind)
        return out

    def base_of(self, ind_id: str) -> Indicator:
        """The status indicator a (dynamics) indicator is computed from."""
        ind = self.indicator(ind_id)
        return self.indicator(ind.base_indicator) if ind.kind == "dynamics" else ind

    # -- export ----------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        """The catalogue as one self-contained YAML-able dict (re-loadable without the default)."""
        return {
            "catalogue": {"name": self.name, "version": self.version},
            "action_fields": dict(self.action_fields),
            "variables": [v.to_dict() for v in self.variables.values()],
            "indicators": [i.to_dict() for i in self.indicators.values()]
            + [dict(i.to_dict(), enabled=False) for i in self.disabled.values()],
        }

    def to_yaml(self, path: str | os.PathLike[str]) -> str | os.PathLike[str]:
        import yaml

        header = f"# Sozialplanung indicator catalogue, exported\n# version: {self.version}\n" + "".join(
            f"# from: {p['file']} ({p.get('name', '')} {p.get('version', '')}, sha256 {p.get('sha256', '')[:12]})\n"
            for p in self.provenance
        )
        text = yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False, width=110)
        _write_atomic(path, (header + text).encode("utf-8"))
        return path

    def table_rows(self) -> list[dict[str, object]]:
        """Rows for the XLSX/CSV export (German column headings, one row per indicator)."""
        rows = []
        for ind in list(self.indicators.values()) + list(self.disabled.values()):
            rows.append(
                {
                    "ID": ind.id,
                    "Name": ind.name,
                    "Kurzname": ind.short_name,
                    "Name (englisch)": ind.name_en,
                    "Themenfeld": ind.topic,
                    "Art": ind.kind,
                    "Formel": ind.formula(self),
                    "Zähler": ", ".join(ind.numerator),
                    "Nenner": ", ".join(ind.denominator),
                    "Basisindikator": ind.base_indicator,
                    "Veränderung": ind.change,
                    "Zeitraum (Jahre)": ind.period_years or "",
                    "Einheit": ind.unit,
                    "Faktor": ind.multiplier,
                    "Polarität": ind.polarity,
                    "Lesart": POLARITY_LABELS_DE.get(ind.polarity, ""),
                    "Beschreibung": ind.description,
                    "Interpretation": ind.interpretation,
                    "Quelle": ind.source,
                    "Aktualisierung": ind.update_interval,
                    "Stichtag": ind.reference_date,
                    "Mindestnenner": ind.min_denominator,
                    "Geheimhaltungsschwelle": ind.disclosure_threshold,
                    "Handlungsfelder": ", ".join(ind.action_fields),
                    "Hinweise": ind.notes,
                    "Literatur": ind.literature,
                    "Aktiv": "ja" if ind.id in self.indicators else "nein",
                    "Definiert in": os.path.basename(ind.origin) if ind.origin else "",
                }
            )
        return rows

    def variable_rows(self) -> list[dict[str, object]]:
        return [
            {
                "ID": v.id,
                "Name": v.name,
                "Name (englisch)": v.name_en,
                "Einheit": v.unit,
                "Beschreibung": v.description,
                "Quelle": v.source,
                "Stichtag": v.reference_date,
                "Spaltenköpfe (Aliase)": " | ".join(v.aliases),
                "Hinweise": v.notes,
                "Definiert in": os.path.basename(v.origin) if v.origin else "",
            }
            for v in self.variables.values()
        ]

    def to_xlsx(self, path: str | os.PathLike[str]) -> str | os.PathLike[str]:
        """Workbook for the planning conference: sheets Indikatoren, Variablen, Info. Returns the path."""
        import openpyxl
        from openpyxl.styles import Alignment, Font

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Indikatoren"
        for sheet, rows in ((ws, self.table_rows()), (wb.create_sheet("Variablen"), self.variable_rows())):
            heads = list(rows[0].keys()) if rows else []
            sheet.append(heads)
            for c in sheet[1]:
                c.font = Font(bold=True)
            for r in rows:
                sheet.append([r[h] for h in heads])
            sheet.freeze_panes = "B2"
            for j, h in enumerate(heads, start=1):
                width = min(60, max([len(str(h))] + [len(str(r[h])) for r in rows]) + 2)
                sheet.column_dimensions[openpyxl.utils.get_column_letter(j)].width = width
                for row in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                    row[0].alignment = Alignment(wrap_text=width >= 60, vertical="top")
        info = wb.create_sheet("Info")
        info.append(["Katalog", self.name])
        info.append(["Version", self.version])
        for p in self.provenance:
            info.append(["Datei", p["file"], p.get("name", ""), p.get("version", ""), p.get("sha256", "")])
        info.append([])
        info.append(["Themenfelder"] + list(self.topics))
        info.append([])
        info.append(["Handlungsfelder"])
        for k, v in self.action_fields.items():
            info.append([k, v])
        tmp = os.fspath(path) + ".part"
        wb.save(tmp)
        os.replace(tmp, path)
        return path

    def to_csv(
        self, path: str | os.PathLike[str], encoding: str = "cp1252", sep: str = ";", which: str = "indicators"
    ) -> str | os.PathLike[str]:
        """CSV of the indicators (or which='variables').

        encoding='cp1252' with ';' opens directly in German Excel; characters cp1252 lacks (≥, Δ, →) are
        spelled out. encoding='utf-8-sig' (UTF-8 with BOM) keeps every character and Excel still detects it.
        """
        import csv
        import io

        rows = self.table_rows() if which == "indicators" else self.variable_rows()
        heads = list(rows[0].keys()) if rows else []
        buf = io.StringIO(newline="")
        w = csv.writer(buf, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(heads)
        for r in rows:
            w.writerow([_csv_value(r[h]) for h in heads])
        text = buf.getvalue()
        if encoding.lower().replace("-", "").replace("_", "") in ("cp1252", "windows1252"):
            text = text.translate(_CP1252_FALLBACK)
            data = text.encode("cp1252", errors="replace")
        else:
            data = text.encode(encoding)
        _write_atomic(path, data)
        return path


_CP1252_FALLBACK = str.maketrans(
    {"≥": ">=", "≤": "<=", "Δ": "Veränderung ", "→": "->", "−": "-", "✕": "x", "…": "...", "\u202f": " ", "\u2009": " "}
)


def _csv_value(v):
    if isinstance(v, float):
        return _fmt_number(v) if v.is_integer() else str(v).replace(".", ",")
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


def _write_atomic(path, data):
    tmp = str(path) + ".part"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------------


def safe_yaml_load(text: str | bytes | IO[str] | IO[bytes]) -> Any:
    """Parse YAML with a safe loader only (no Python objects from the file); the C loader when libyaml is there."""
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # PyYAML without libyaml
        from yaml import SafeLoader as Loader
    return yaml.load(text, Loader=Loader)  # nosec B506 - Loader is always SafeLoader or CSafeLoader


def _yaml_kind(problem: str, context: str, char: str) -> str:
    """The kind of a PyYAML error from its English problem/context text (the Python and the libyaml wording)."""
    if "tab character" in problem or char == "\t" or "'\\t'" in problem:
        return "tab"
    if "cannot start any token" in problem:
        return "reserved"
    if "mapping values are not allowed" in problem:
        return "colon"
    if "could not find expected ':'" in problem:
        return "no_colon"
    if "undefined alias" in problem:
        return "alias"
    if "duplicate anchor" in context:
        return "anchor"
    if "constructor for the tag" in problem:
        return "tag"
    if "',' or ']'" in problem:
        return "list"
    if "',' or '}'" in problem:
        return "mapping"
    if "node content" in problem and "flow" in context:
        return "flow_end"
    if any(w in problem for w in ("block end", "expected key", "'-' indicator", "entries are not allowed")):
        return "indent"
    if "end of stream" in problem and "quoted scalar" in context:
        return "quote"
    if "unknown escape character" in problem:
        return "escape"
    if "single document" in context:
        return "documents"
    return ""


def yaml_error(exc: Exception, text: str | None = None) -> tuple[str, str, int | None]:
    """Where (", line 3, column 11") and what (in the user's language, with what to do) a YAML parse error is.

    PyYAML's own words are English and differ between its Python and C parser; the common kinds (a tab, a colon
    at the wrong place, a missing ':', a bad indentation, an unclosed list or quote, a value starting with '*',
    '%', '@' or '!', control characters) get a sentence of their own, other kinds quote the parser's words.
    ``text`` (the parsed text) lets the C parser's errors name the character. Returns (where, problem, line).
    """
    mark = getattr(exc, "problem_mark", None)
    start = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or "")
    context = str(getattr(exc, "context", None) or "")
    line = column = None
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    elif isinstance(pos := getattr(exc, "position", None), int) and isinstance(text, str):  # a ReaderError
        before = text[:pos]
        line, column = before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1
    char = ""
    if isinstance(text, str) and mark is not None:
        lines = text.split("\n")
        if mark.line < len(lines) and mark.column < len(lines[mark.line]):
            char = lines[mark.line][mark.column]
    kind = _yaml_kind(problem, context, char)
    opened = start.line + 1 if start is not None else line
    if kind in ("no_colon", "quote") and start is not None:  # the parser stops at the line after the mistake
        line, column = start.line + 1, start.column + 1
    if isinstance(exc, UnicodeDecodeError):  # read_text(encoding="utf-8") before the parser
        head = exc.object[: exc.start]
        line, column = head.count(b"\n") + 1, exc.start - (head.rfind(b"\n") + 1) + 1
        what = tr(
            "the file is not UTF-8 text (byte {code}); save it as UTF-8 (a text editor's 'Save as' offers it)",
            code=f"0x{exc.object[exc.start]:02x}",
        )
    elif hasattr(exc, "reason") and hasattr(exc, "position"):  # ReaderError: not text
        code = getattr(exc, "character", "")
        code = ord(code) if isinstance(code, str) and len(code) == 1 else code
        if any(w in str(exc.reason).lower() for w in ("utf", "byte", "octet")):
            what = tr(
                "the file is not UTF-8 text (byte {code}); save it as UTF-8 (a text editor's 'Save as' offers it)",
                code=f"0x{code:02x}" if isinstance(code, int) else code,
            )
        else:
            what = tr(
                "the file holds the control character {code}: it is no text file, or binary data slipped into it; "
                "choose the YAML file or remove the character",
                code=f"#x{code:04x}" if isinstance(code, int) else code,
            )
    elif kind == "tab":
        what = tr("a tab character; YAML indents with spaces only: replace the tab by spaces")
    elif kind == "reserved":
        what = tr(
            'a value starts with the character {char}, which YAML reserves: put the value in quotes ("{char}...")',
            char=char or (problem.split("'")[1] if "'" in problem else "?"),
        )
    elif kind == "colon":
        what = tr(
            "a colon at the wrong place: put a value that contains ': ' in quotes, or indent the line like the "
            "entries of its level"
        )
    elif kind == "no_colon":
        what = tr(
            "a line without 'key: value' (a ':' is missing, or a value continues on a line of its own): add the "
            "':' or join the line to the one above"
        )
    elif kind == "alias":
        what = tr("a value starts with '*', which YAML reads as a reference (alias): put the value in quotes")
    elif kind == "anchor":
        what = tr("two values start with the same '&' name, which YAML reads as an anchor: put them in quotes")
    elif kind == "tag":
        what = tr("a value starts with '!', which YAML reads as a type tag: put the value in quotes")
    elif kind == "list":
        what = tr(
            "the list opened with '[' in line {opened} is not closed with ']' (or a comma is missing between its "
            "entries)",
            opened=opened,
        )
    elif kind == "mapping":
        what = tr(
            "the entry opened with '{{' in line {opened} is not closed with '}}' (or a comma is missing between its "
            "entries)",
            opened=opened,
        )
    elif kind == "flow_end":
        what = tr("a list in [ ] or an entry in { } ends without a value: close it or remove the last comma")
    elif kind == "indent":
        what = tr(
            "the indentation does not fit the lines above: entries of the same level need the same number of "
            "spaces, and a list entry ('- ') cannot follow 'key: value' on the same level"
        )
    elif kind == "quote":
        what = tr("the quote opened here is never closed: close it or remove it")
    elif kind == "escape":
        what = tr("a backslash in double quotes: use single quotes around the value or write \\\\ for \\")
    elif kind == "documents":
        what = tr("the file holds more than one document (a line '---' after the first): remove that line")
    else:
        words = "; ".join(w for w in (context, problem) if w) or str(exc)
        what = tr("the YAML reader reports: {problem}", problem=" ".join(words.split()))
    where = tr(", line {line}, column {column}", line=line, column=column) if line is not None else ""
    return where, what, line


def read_catalogue_yaml(path: str | os.PathLike[str]) -> tuple[dict[str, Any], str]:
    """A catalogue file's sections and its sha256; InputError naming the line and the YAML problem."""
    import yaml

    name = os.path.basename(str(path))
    if not os.path.exists(path):
        raise InputError(tr("Catalogue file not found: {path}.", path=path), source=name)
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    try:
        data = safe_yaml_load(text)
    except yaml.YAMLError as exc:
        where, problem, line = yaml_error(exc, text)
        raise InputError(
            tr(
                "Catalogue file '{name}'{where}: the YAML cannot be read: {problem}.",
                name=name,
                where=where,
                problem=problem,
            ),
            row=line,
            source=name,
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(
            tr(
                "Catalogue file '{name}': the file must contain sections such as 'indicators:' and "
                "'variables:' at the top level.",
                name=name,
            ),
            source=name,
        )
    return data, hashlib.sha256(raw).hexdigest()


def catalogue_from_dict(
    data: Mapping[str, object], source: str = "<dict>", base: Catalogue | None = None, sha256: str = ""
) -> Catalogue:
    """Apply one catalogue file's content (a dict) over base (a Catalogue or None) and return a new Catalogue.

    Indicators and variables are matched by id: a new id is added, an existing id has the given fields
    replaced (aliases are added to the existing ones), `enabled: false` or the list `disable:` switches an
    indicator off. Structural problems (unknown section or field, duplicate id in this file, bad type) are
    raised here, naming the file; semantic checks run in validate_catalogue().
    """
    name = os.path.basename(str(source))
    problems = []
    cat = copy.deepcopy(base) if base is not None else Catalogue()

    unknown = set(data) - _TOP_KEYS
    for k in sorted(unknown):
        close = difflib.get_close_matches(str(k), sorted(_TOP_KEYS), n=1)
        problems.append(
            tr(
                "unknown section '{section}'{suggestion}; allowed: {allowed}",
                section=k,
                suggestion=_did_you_mean(close),
                allowed=", ".join(sorted(_TOP_KEYS)),
            )
        )
    if "topics" in data and data["topics"] is not None:
        tl = data["topics"]
        if not isinstance(tl, list) or [str(t) for t in tl] != list(TOPICS):
            problems.append(
                tr(
                    "section 'topics': the topics are the eight fixed fields of the Sozialmonitoring ({topics}); "
                    "leave the section out",
                    topics=", ".join(TOPICS),
                )
            )
    meta = data.get("catalogue") or {}
    if not isinstance(meta, dict):
        problems.append(tr("section 'catalogue' must have the fields name and version"))
        meta = {}
    fversion = str(meta.get("version", "")).strip()
    fname = str(meta.get("name", "")).strip()

    af = data.get("action_fields") or {}
    if isinstance(af, list):
        af = {str(a): str(a) for a in af}
    if not isinstance(af, dict):
        problems.append(tr("section 'action_fields' must map ids to labels, e.g. 'armut: Armut und soziale Lage'"))
        af = {}
    for k, v in af.items():
        if not _ID_RE.match(str(k)):
            problems.append(tr("action field id '{id}': use lower case letters, digits and _ only", id=k))
        cat.action_fields[str(k)] = str(v)

    # variables
    vlist = data.get("variables") or []
    if not isinstance(vlist, list):
        problems.append(tr("section 'variables' must be a list of entries starting with '- id: ...'"))
        vlist = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(vlist, start=1):
        if not isinstance(entry, dict) or "id" not in entry:
            problems.append(tr("variables entry {n}: each entry needs 'id:' (and 'name:')", n=n))
            continue
        vid = str(entry["id"]).strip()
        where = tr("variable '{id}'", id=vid)
        if vid in seen:
            problems.append(
                tr(
                    "{where}: the id occurs twice in this file (entries {first} and {n})",
                    where=where,
                    first=seen[vid],
                    n=n,
                )
            )
            continue
        seen[vid] = n
        bad = set(entry) - _VAR_FIELDS
        for k in sorted(bad):
            close = difflib.get_close_matches(str(k), sorted(_VAR_FIELDS), n=1)
            problems.append(
                tr(
                    "{where}, field '{field}': unknown field{suggestion}",
                    where=where,
                    field=k,
                    suggestion=_did_you_mean(close),
                )
            )
        vals = {k: v for k, v in entry.items() if k in _VAR_FIELDS}
        if "aliases" in vals:
            if vals["aliases"] is None:
                vals["aliases"] = []
            if isinstance(vals["aliases"], str):
                vals["aliases"] = [vals["aliases"]]
            if not isinstance(vals["aliases"], list):
                problems.append(tr("{where}, field 'aliases': must be a list of column headers", where=where))
                vals.pop("aliases")
            else:
                vals["aliases"] = [str(a) for a in vals["aliases"]]
        for k in ("name", "name_en", "description", "unit", "source", "reference_date", "notes"):
            if k in vals and vals[k] is not None and not isinstance(vals[k], str):
                vals[k] = str(vals[k])
        if vid in cat.variables:
            var = cat.variables[vid]
            for k, v in vals.items():
                if k == "aliases":
                    var.aliases = list(dict.fromkeys(list(var.aliases) + v))
                elif k != "id":
                    setattr(var, k, v if v is not None else "")
            var.origin = str(source)
        else:
            if not vals.get("name"):
                problems.append(tr("{where}, field 'name': a new variable needs a name", where=where))
                continue
            vals["id"] = vid
            given: dict[str, Any] = {k: (v if v is not None else "") for k, v in vals.items()}
            cat.variables[vid] = Variable(**given, origin=str(source))

    # indicators
    ilist = data.get("indicators") or []
    if not isinstance(ilist, list):
        problems.append(tr("section 'indicators' must be a list of entries starting with '- id: ...'"))
        ilist = []
    seen = {}
    for n, entry in enumerate(ilist, start=1):
        if not isinstance(entry, dict) or "id" not in entry:
            problems.append(tr("indicators entry {n}: each entry needs 'id:'", n=n))
            continue
        iid = str(entry["id"]).strip()
        where = tr("indicator '{id}'", id=iid)
        if iid in seen:
            problems.append(
                tr(
                    "{where}: the id occurs twice in this file (entries {first} and {n}); an id may "
                    "be defined once per file",
                    where=where,
                    first=seen[iid],
                    n=n,
                )
            )
            continue
        seen[iid] = n
        bad = set(entry) - _IND_FIELDS
        for k in sorted(bad):
            close = difflib.get_close_matches(str(k), sorted(_IND_FIELDS), n=1)
            problems.append(
                tr(
                    "{where}, field '{field}': unknown field{suggestion}",
                    where=where,
                    field=k,
                    suggestion=_did_you_mean(close),
                )
            )
        vals = {k: v for k, v in entry.items() if k in _IND_FIELDS and k != "id"}
        for k in ("numerator", "denominator", "action_fields"):
            if k in vals:
                v = vals[k]
                if v is None:
                    v = []
                if isinstance(v, str):
                    v = [s.strip() for s in v.split(",") if s.strip()]
                if not isinstance(v, list):
                    problems.append(tr("{where}, field '{field}': must be a list, e.g. [ew_u15]", where=where, field=k))
                    vals.pop(k)
                    continue
                vals[k] = [str(s).strip() for s in v]
        for k in ("multiplier", "min_denominator"):
            if k in vals:
                try:
                    vals[k] = (
                        float(str(vals[k]).replace(",", ".").replace("_", ""))
                        if not isinstance(vals[k], (int, float)) or isinstance(vals[k], bool)
                        else vals[k]
                    )
                except ValueError:
                    problems.append(
                        tr("{where}, field '{field}': '{value}' is not a number", where=where, field=k, value=vals[k])
                    )
                    vals.pop(k)
        for k in ("disclosure_threshold", "period_years"):
            if k in vals:
                v = vals[k]
                if v is None:
                    vals[k] = 0 if k == "period_years" else 3
                elif isinstance(v, bool) or not (isinstance(v, int) or (isinstance(v, float) and v.is_integer())):
                    problems.append(
                        tr("{where}, field '{field}': '{value}' must be a whole number", where=where, field=k, value=v)
                    )
                    vals.pop(k)
                else:
                    vals[k] = int(v)
        if "enabled" in vals and not isinstance(vals["enabled"], bool):
            problems.append(tr("{where}, field 'enabled': write true or false", where=where))
            vals.pop("enabled")
        for k, v in list(vals.items()):
            if k in (
                "name",
                "name_en",
                "short_name",
                "description",
                "interpretation",
                "topic",
                "unit",
                "polarity",
                "kind",
                "base_indicator",
                "change",
                "source",
                "update_interval",
                "reference_date",
                "notes",
                "literature",
            ):
                vals[k] = (
                    ""
                    if v is None
                    else str(v).strip()
                    if k not in ("description", "interpretation", "notes", "literature")
                    else str(v)
                )
        if iid in cat.indicators or iid in cat.disabled:
            ind = cat.indicators.pop(iid, None) or cat.disabled.pop(iid)
            for k, v in vals.items():
                setattr(ind, k, v)
            ind.origin = str(source)
        else:
            missing = [k for k in ("name", "topic") if not vals.get(k)]
            if vals.get("kind", "status") == "status" and "numerator" not in vals:
                missing.append("numerator")
            if missing:
                problems.append(
                    tr("{where}: a new indicator needs the field(s) {fields}", where=where, fields=", ".join(missing))
                )
                continue
            ind = Indicator(id=iid, name=vals.pop("name"), topic=vals.pop("topic"), origin=str(source))
            if vals.get("kind") == "dynamics" and "unit" not in vals:
                vals["unit"] = "pp"
                vals.setdefault("multiplier", 1)
            for k, v in vals.items():
                setattr(ind, k, v)
        if ind.enabled:
            cat.indicators[iid] = ind
        else:
            cat.disabled[iid] = ind

    dis = data.get("disable") or []
    if isinstance(dis, str):
        dis = [dis]
    if not isinstance(dis, list):
        problems.append(tr("section 'disable' must be a list of indicator ids"))
        dis = []
    for iid in dis:
        iid = str(iid)
        if iid in cat.indicators:
            ind = cat.indicators.pop(iid)
            ind.enabled = False
            ind.origin = str(source)
            cat.disabled[iid] = ind
        elif iid not in cat.disabled:
            close = difflib.get_close_matches(iid, list(cat.indicators), n=1)
            problems.append(
                tr(
                    "section 'disable': there is no indicator '{id}' to disable{suggestion}",
                    id=iid,
                    suggestion=_did_you_mean(close),
                )
            )

    if problems:
        raise InputError(
            tr("Catalogue file '{name}' has {n} problem(s):", name=name, n=len(problems))
            + "\n- "
            + "\n- ".join(problems),
            source=name,
        )

    label = fname or name
    cat.provenance.append({"file": str(source), "name": fname, "version": fversion, "sha256": sha256})
    if base is None or not cat.version:
        cat.version = fversion or "unversioned"
        cat.name = fname or name
    else:
        cat.version = f"{cat.version} + {label} {fversion or 'unversioned'}".strip()
    return cat


def validate_catalogue(cat: Catalogue) -> None:
    """Check the merged catalogue; raise one InputError listing every problem (file, indicator, field)."""
    problems = []
    var_ids = set(cat.variables)
    for vid, var in cat.variables.items():
        where = _file(var.origin) + tr("variable '{id}'", id=vid)
        if not _ID_RE.match(vid):
            problems.append(
                tr("{where}, field 'id': use lower case letters, digits and _ only (e.g. ew_u15)", where=where)
            )
        if vid == AREA:
            problems.append(
                tr("{where}, field 'id': '{area}' is reserved for the area of the spatial unit", where=where, area=AREA)
            )
    # alias clashes
    owner: dict[str, str] = {}
    for vid, var in cat.variables.items():
        for a in [vid, var.name] + list(var.aliases):
            na = match_label(a)
            if not na:
                continue
            if na in owner and owner[na] != vid:
                problems.append(
                    tr(
                        "{where}, field 'aliases': the column header '{header}' is also an alias of '{owner}'; "
                        "a header may belong to one variable only",
                        where=_file(var.origin) + tr("variable '{id}'", id=vid),
                        header=a,
                        owner=owner[na],
                    )
                )
            owner.setdefault(na, vid)
    for iid, ind in list(cat.indicators.items()) + list(cat.disabled.items()):
        where = _file(ind.origin) + tr("indicator '{id}'", id=iid)
        if not _ID_RE.match(iid):
            problems.append(
                tr("{where}, field 'id': use lower case letters, digits and _ only (e.g. sgb2_quote)", where=where)
            )
        if iid in var_ids and False:
            pass
        if ind.topic not in TOPICS:
            close = difflib.get_close_matches(ind.topic, TOPICS, n=1)
            problems.append(
                tr(
                    "{where}, field 'topic': unknown topic '{topic}'{suggestion}; use one of: {topics}",
                    where=where,
                    topic=ind.topic,
                    suggestion=_did_you_mean(close),
                    topics=", ".join(TOPICS),
                )
            )
        if ind.polarity not in POLARITIES:
            problems.append(
                tr(
                    "{where}, field 'polarity': '{polarity}' is not allowed; use one of {allowed}",
                    where=where,
                    polarity=ind.polarity,
                    allowed=", ".join(POLARITIES),
                )
            )
        if ind.kind not in KINDS:
            problems.append(
                tr("{where}, field 'kind': '{kind}' is not allowed; use status or dynamics", where=where, kind=ind.kind)
            )
        try:
            mult = float(ind.multiplier)
        except (TypeError, ValueError):
            mult = math.nan
        if not mult > 0:
            problems.append(
                tr(
                    "{where}, field 'multiplier': must be a number greater than 0 (e.g. 100 for %), not {value}",
                    where=where,
                    value=ind.multiplier,
                )
            )
        if ind.unit not in UNITS:
            close = difflib.get_close_matches(ind.unit, list(UNITS), n=1)
            problems.append(
                tr(
                    "{where}, field 'unit': unknown unit '{unit}'{suggestion}; use one of: {units}",
                    where=where,
                    unit=ind.unit,
                    suggestion=_did_you_mean(close),
                    units=", ".join(UNITS),
                )
            )
        elif ind.kind == "status" and UNITS[ind.unit] is not None and mult > 0 and mult != UNITS[ind.unit]:
            problems.append(
                tr(
                    "{where}, field 'multiplier': the unit '{unit}' needs the multiplier {needed}, not {value}",
                    where=where,
                    unit=ind.unit,
                    needed=UNITS[ind.unit],
                    value=_fmt_number(mult),
                )
            )
        if not (isinstance(ind.min_denominator, (int, float)) and ind.min_denominator >= 0):
            problems.append(tr("{where}, field 'min_denominator': must be 0 or a positive number", where=where))
        if not (isinstance(ind.disclosure_threshold, int) and ind.disclosure_threshold >= 1):
            problems.append(
                tr(
                    "{where}, field 'disclosure_threshold': must be a whole number of at least 1 (3 = suppress 1 "
                    "and 2)",
                    where=where,
                )
            )
        for a in ind.action_fields:
            if a not in cat.action_fields:
                problems.append(
                    tr(
                        "{where}, field 'action_fields': unknown action field '{field}'; declare it in the "
                        "section action_fields (known: {known})",
                        where=where,
                        field=a,
                        known=", ".join(cat.action_fields),
                    )
                )
        if ind.kind == "status":
            if ind.base_indicator or ind.change:
                problems.append(tr("{where}: base_indicator/change are for kind: dynamics only", where=where))
            if not ind.numerator:
                problems.append(tr("{where}, field 'numerator': at least one count variable is needed", where=where))
            for side in ("numerator", "denominator"):
                terms = Indicator._terms(getattr(ind, side))
                for _sign, v in terms:
                    if v == AREA:
                        if side == "numerator":
                            problems.append(
                                tr(
                                    "{where}, field 'numerator': '{area}' can only be a denominator",
                                    where=where,
                                    area=AREA,
                                )
                            )
                        elif len(terms) > 1:
                            problems.append(
                                tr(
                                    "{where}, field 'denominator': '{area}' cannot be combined with other variables",
                                    where=where,
                                    area=AREA,
                                )
                            )
                        continue
                    if v not in var_ids:
                        close = difflib.get_close_matches(v, sorted(var_ids), n=1)
                        problems.append(
                            tr(
                                "{where}, field '{field}': unknown variable '{variable}'{suggestion}; define it in the "
                                "section variables",
                                where=where,
                                field=side,
                                variable=v,
                                suggestion=_did_you_mean(close),
                            )
                        )
            if ind.denominator and ind.unit == "absolute":
                problems.append(
                    tr("{where}, field 'unit': 'absolute' is for indicators without a denominator", where=where)
                )
            if not ind.denominator and ind.unit not in ("absolute", "persons", "index"):
                problems.append(
                    tr(
                        "{where}, field 'denominator': an indicator without denominator is an absolute "
                        "value; set unit: absolute (not '{unit}')",
                        where=where,
                        unit=ind.unit,
                    )
                )
            if ind.uses_area and ind.unit != "EW/km²" and ind.unit not in ("index",):
                problems.append(tr("{where}, field 'unit': an indicator per area has the unit 'EW/km²'", where=where))
        else:
            if ind.change not in CHANGES:
                problems.append(
                    tr(
                        "{where}, field 'change': '{change}' is not allowed; use one of {allowed}",
                        where=where,
                        change=ind.change,
                        allowed=", ".join(CHANGES),
                    )
                )
            base = cat.indicators.get(ind.base_indicator) or cat.disabled.get(ind.base_indicator)
            if not ind.base_indicator:
                problems.append(
                    tr(
                        "{where}, field 'base_indicator': a dynamics indicator names the status "
                        "indicator whose change it measures",
                        where=where,
                    )
                )
            elif base is None:
                close = difflib.get_close_matches(ind.base_indicator, list(cat.indicators), n=1)
                problems.append(
                    tr(
                        "{where}, field 'base_indicator': unknown indicator '{base}'{suggestion}",
                        where=where,
                        base=ind.base_indicator,
                        suggestion=_did_you_mean(close),
                    )
                )
            elif base.kind != "status":
                problems.append(
                    tr(
                        "{where}, field 'base_indicator': '{base}' is itself a dynamics "
                        "indicator; name a status indicator",
                        where=where,
                        base=ind.base_indicator,
                    )
                )
            elif iid in cat.indicators and ind.base_indicator in cat.disabled:
                problems.append(
                    tr(
                        "{where}, field 'base_indicator': '{base}' is disabled; enable it "
                        "or disable this indicator too",
                        where=where,
                        base=ind.base_indicator,
                    )
                )
            if ind.numerator or ind.denominator:
                problems.append(
                    tr(
                        "{where}: a dynamics indicator takes numerator and denominator from its "
                        "base_indicator; remove them",
                        where=where,
                    )
                )
            if ind.period_years < 0:
                problems.append(
                    tr("{where}, field 'period_years': must be 0 (previous period) or more years", where=where)
                )
    if problems:
        raise InputError(
            tr("The indicator catalogue has {n} problem(s):", n=len(problems)) + "\n- " + "\n- ".join(problems)
        )


def _file(origin):
    return f"{os.path.basename(origin)}: " if origin else ""


def _did_you_mean(close):
    """' (did you mean 'x'?)' for the closest match, or nothing."""
    return tr(" (did you mean '{name}'?)", name=close[0]) if close else ""


def load_catalogue(*overlay_paths: str | os.PathLike[str] | None, include_default: bool = True) -> Catalogue:
    """The shipped default overlaid by the county's own files, in the given order; validated.

    Each file is YAML (see docs/catalogue.md). Without include_default the first file is the base.
    """
    cat = None
    paths = ([DEFAULT_PATH] if include_default else []) + [p for p in overlay_paths if p]
    for p in paths:
        data, sha = read_catalogue_yaml(p)
        cat = catalogue_from_dict(data, source=str(p), base=cat, sha256=sha)
    if cat is None:  # no path
        raise InputError(tr("No catalogue file given."))
    validate_catalogue(cat)
    return cat


_DEFAULT_CACHE: dict[str, Any] = {}


def default_catalogue() -> Catalogue:
    """The shipped default catalogue (a fresh copy each call; parsing is cached by file time)."""
    try:
        mtime = os.path.getmtime(DEFAULT_PATH)
    except OSError:
        raise InputError(
            tr("The default catalogue is missing ({path}); reinstall the plugin.", path=DEFAULT_PATH)
        ) from None
    if _DEFAULT_CACHE.get("mtime") != mtime:
        _DEFAULT_CACHE["cat"] = load_catalogue()
        _DEFAULT_CACHE["mtime"] = mtime
    return copy.deepcopy(_DEFAULT_CACHE["cat"])
