"""The content of the Sozialbericht (and of the municipal sub-reports) from plain tables: chapters, German texts,
formatted tables. No QGIS and no Word here: core.report_docx prints the result, the map figures are made by the
algorithm and passed in as image paths.

Every number goes through core.charts (German formats) and every cell through ``cell`` below, so a suppressed
value is printed as '•' whatever number the layer holds, exactly as on the map and profile sheets.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from . import charts
from . import fields as F
from .catalogue import POLARITY_LABELS_DE, TOPICS
from .report_docx import Bullets, Figure, Paragraph, Placeholder, Report, Section, Table

if TYPE_CHECKING:
    from .catalogue import Catalogue, Indicator

SYMBOLS = (
    "Zeichen in Tabellen und Texten: • gesperrt (Geheimhaltung, kleine Fallzahl; es wird keine Zahl ausgewiesen) · "
    "– keine Angabe · ( ) eingeschränkt aussagekräftig (kleine Bezugsgröße) · ≥ Untergrenze (Summe unvollständig)."
)


@dataclass
class Level:
    """One level of units as a wide frame (index: key; columns 'name' and '<id>_<year>' fields)."""

    frame: pd.DataFrame
    parent: pd.Series | None = None  # key -> municipality key (spaces only)

    def get(self, key: str, col: str) -> object:
        if key not in self.frame.index or col not in self.frame.columns:
            return None
        v = self.frame.at[key, col]
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        return v


def value_of(level: Level, key: str, ind_id: str, year: int) -> tuple[float | None, str]:
    """(value or None, flag) of an indicator; a suppressed value is None, never a number."""
    flag = level.get(key, f"{ind_id}_flag_{year}")
    flag = "" if flag is None else str(flag)
    if flag == F.FLAG_SUPPRESSED:
        return None, flag
    return F.to_number(level.get(key, f"{ind_id}_{year}")), flag


def cell(level: Level, key: str, ind: Indicator, year: int) -> str:
    v, flag = value_of(level, key, ind.id, year)
    return F.cell_text(v, flag, F.decimals_for(ind.unit))


def count_cell(level: Level, key: str, ind: Indicator, year: int) -> str:
    """The cases behind the rate: '•' when the value is suppressed, '' for indicators without a denominator."""
    if not ind.denominator:
        return ""
    _v, flag = value_of(level, key, ind.id, year)
    if flag == F.FLAG_SUPPRESSED:
        return F.SUPPRESSED_MARK
    return F.cell_text(F.to_number(level.get(key, f"{ind.id}_num_{year}")), None, 0)


def change_cell(level: Level, key: str, ind: Indicator, year: int, first: int | None) -> str:
    if first is None or first == year:
        return ""
    v, f = value_of(level, key, ind.id, year)
    v0, f0 = value_of(level, key, ind.id, first)
    if F.FLAG_SUPPRESSED in (f, f0):
        return F.SUPPRESSED_MARK
    if v is None or v0 is None:
        return F.MISSING_TEXT
    d = v - v0
    txt = F.fmt_de(d, F.decimals_for(ind.unit))
    return ("+" if d > 0 and txt.strip("0,.") else "") + txt


def label_of(ind: Indicator, with_unit: bool = True) -> str:
    unit = F.unit_text(ind.unit)
    name = ind.short_name or ind.name
    return f"{name} ({unit})" if with_unit and unit else name


def definition_text(ind: Indicator, catalogue: Catalogue | None = None) -> str:
    parts = [ind.description.strip()] if getattr(ind, "description", "") else []
    try:
        formula = ind.formula(catalogue)
    except Exception:  # a catalogue formula problem must not stop the report: the definition goes without it
        formula = None
    if formula:
        parts.append("Berechnung: " + formula + ".")
    if ind.source:
        parts.append(f"Quelle: {ind.source}.")
    parts.append(f"Lesart: {POLARITY_LABELS_DE.get(ind.polarity, ind.polarity)}.")
    return " ".join(p for p in parts if p)


def summary_text(
    ind: Indicator, spaces: Level, municipalities: Level | None, county: Level | None, year: int, first: int | None
) -> str:
    """'Im Kreis 12,0 % (2025) … in den Sozialräumen zwischen … und …'; suppressed values never enter."""
    dec = F.decimals_for(ind.unit)
    unit = F.unit_text(ind.unit)
    fmt = lambda v: F.fmt_de(v, dec, unit)  # noqa: E731
    out = []
    if county is not None and len(county.frame):
        ck = county.frame.index[0]
        cv, _cf = value_of(county, ck, ind.id, year)
        if cv is not None:
            txt = f"Im Kreis liegt der Wert {year} bei {fmt(cv)}"
            num = F.to_number(county.get(ck, f"{ind.id}_num_{year}"))
            noun = ""
            if ind.denominator and num is not None:
                from .strengths import count_noun

                noun = count_noun(ind)
                txt += f" ({F.fmt_de(num, 0)}{(' ' + noun) if noun else ''})"
            if first and first != year:
                c0, _ = value_of(county, ck, ind.id, first)
                if c0 is not None:
                    d = cv - c0
                    word = "gestiegen" if d > 0 else ("gesunken" if d < 0 else "unverändert")
                    if F.fmt_de(abs(d), dec) in ("0", "0,0"):
                        word = "unverändert"
                    u = "Prozentpunkte" if ind.unit == "%" else unit
                    txt += (
                        f"; seit {first} ist er um {F.fmt_de(abs(d), dec)} {u} {word}"
                        if word != "unverändert"
                        else f"; seit {first} ist er nahezu unverändert"
                    )
            out.append(txt + ".")
    vals = []
    for k in spaces.frame.index:
        v, f = value_of(spaces, k, ind.id, year)
        if v is not None:
            vals.append((v, str(spaces.get(k, "name") or k)))
    if vals:
        vals.sort()
        lo, hi = vals[0], vals[-1]
        n_supp = sum(1 for k in spaces.frame.index if value_of(spaces, k, ind.id, year)[1] == F.FLAG_SUPPRESSED)
        out.append(
            f"Unter den {len(vals)} Sozialräumen mit Wert reicht er von {fmt(lo[0])} ({lo[1]}) bis {fmt(hi[0])} "
            f"({hi[1]})" + (f"; {n_supp} Werte sind gesperrt" if n_supp else "") + "."
        )
    if municipalities is not None and len(municipalities.frame):
        mv = []
        for k in municipalities.frame.index:
            v, _f = value_of(municipalities, k, ind.id, year)
            if v is not None:
                mv.append((v, str(municipalities.get(k, "name") or k)))
        if len(mv) > 1:
            mv.sort()
            out.append(
                f"Die Gemeinden liegen zwischen {fmt(mv[0][0])} ({mv[0][1]}) und {fmt(mv[-1][0])} ({mv[-1][1]})."
            )
    return " ".join(out)


def municipality_table(
    ind: Indicator, municipalities: Level, county: Level | None, year: int, first: int | None
) -> Table:
    header = ["Gemeinde", f"{label_of(ind)} {year}", "Fälle" if ind.denominator else "", "Abw. vom Kreis"]
    with_change = first is not None and first != year
    if with_change:
        header.append(f"± seit {first}")
    rows = []
    cref = None
    if county is not None and len(county.frame):
        cref, _ = value_of(county, county.frame.index[0], ind.id, year)
    dec = F.decimals_for(ind.unit)
    for k in municipalities.frame.index:
        v, f = value_of(municipalities, k, ind.id, year)
        dev = "" if (v is None or cref is None) else (("+" if v - cref > 0 else "") + F.fmt_de(v - cref, dec))
        if f == F.FLAG_SUPPRESSED:
            dev = F.SUPPRESSED_MARK
        row = [str(municipalities.get(k, "name") or k), cell(municipalities, k, ind, year)]
        row.append(count_cell(municipalities, k, ind, year))
        row.append(dev)
        if with_change:
            row.append(change_cell(municipalities, k, ind, year, first))
        rows.append(row)
    bold: tuple[int, ...] = ()
    if county is not None and len(county.frame):
        ck = county.frame.index[0]
        row = [
            str(county.get(ck, "name") or "Kreis"),
            cell(county, ck, ind, year),
            count_cell(county, ck, ind, year),
            "",
        ]
        if with_change:
            row.append(change_cell(county, ck, ind, year, first))
        rows.append(row)
        bold = (len(rows) - 1,)
    if not ind.denominator:
        header = [h for i, h in enumerate(header) if i != 2]
        rows = [[c for i, c in enumerate(r) if i != 2] for r in rows]
    widths = (
        [45.0, 45.0, 22.0, 27.0, 27.0][: len(header)] if ind.denominator else [45.0, 57.0, 32.0, 32.0][: len(header)]
    )
    widths[0] += 166.0 - sum(widths)
    return Table(
        caption=f"{ind.name} nach Gemeinden, {year}",
        header=header,
        rows=rows,
        widths_mm=widths,
        bold_rows=bold,
        note=f"Quelle: {ind.source or 'eigene Berechnung'}. {SYMBOLS}",
    )


def spaces_table(
    ind: Indicator,
    spaces: Level,
    municipalities: Level | None,
    county: Level | None,
    year: int,
    first: int | None,
    sw: pd.DataFrame | None = None,
) -> Table:
    """All spaces of one indicator: value, cases, change, rank, judgement; municipalities' values as bold rows."""
    with_change = first is not None and first != year
    header = ["Sozialraum", "Wert", "Fälle"] + ([f"± seit {first}"] if with_change else []) + ["Rang", "Einschätzung"]
    if not ind.denominator:
        header.remove("Fälle")
    judge = {}
    rank = {}
    if sw is not None and len(sw):
        part = sw[sw["indicator"] == ind.id]
        for r in part.itertuples():
            judge[r.key] = {"strength": "Stärke", "weakness": "Schwäche", "notable": "auffällig"}.get(r.judgement, "")
            rank[r.key] = "" if r.rank != r.rank or r.status == "suppressed" else str(int(r.rank))
    rows, bold = [], []
    groups: dict[str | None, list[str]] = {}  # parent key -> space keys
    for k in spaces.frame.index:
        parent = spaces.parent.get(k) if spaces.parent is not None else None
        groups.setdefault(parent, []).append(k)
    for parent, keys in groups.items():
        if parent is not None and municipalities is not None and parent in municipalities.frame.index:
            row = [f"Gemeinde {municipalities.get(parent, 'name') or parent}", cell(municipalities, parent, ind, year)]
            if ind.denominator:
                row.append(count_cell(municipalities, parent, ind, year))
            if with_change:
                row.append(change_cell(municipalities, parent, ind, year, first))
            row += ["", ""]
            rows.append(row)
            bold.append(len(rows) - 1)
        for k in keys:
            row = [str(spaces.get(k, "name") or k), cell(spaces, k, ind, year)]
            if ind.denominator:
                row.append(count_cell(spaces, k, ind, year))
            if with_change:
                row.append(change_cell(spaces, k, ind, year, first))
            row += [rank.get(k, ""), judge.get(k, "")]
            rows.append(row)
    if county is not None and len(county.frame):
        ck = county.frame.index[0]
        row = [str(county.get(ck, "name") or "Kreis"), cell(county, ck, ind, year)]
        if ind.denominator:
            row.append(count_cell(county, ck, ind, year))
        if with_change:
            row.append(change_cell(county, ck, ind, year, first))
        rows.append(row + ["", ""])
        bold.append(len(rows) - 1)
    widths = [50.0, 20.0] + ([20.0] if ind.denominator else []) + ([22.0] if with_change else []) + [14.0, 32.0]
    widths[0] += 166.0 - sum(widths)
    return Table(
        caption=f"{label_of(ind)} {year} in den Sozialräumen",
        header=header,
        rows=rows,
        widths_mm=widths,
        bold_rows=tuple(bold),
        align=["l"] + ["r"] * (len(header) - 2) + ["l"],
        note=f"Rang 1 = ungünstigster Wert. {SYMBOLS}",
    )


# --------------------------------------------------------------------------------------------------------
# index, typology, hot spots, targets in words
# --------------------------------------------------------------------------------------------------------
def index_method_text(record: dict | None, catalogue: Catalogue | None = None) -> str:
    """The composite index's method record in plain German words."""
    if not record:
        return "Zur Methode des Index liegt keine Methodenbeschreibung vor."
    params = record.get("params", {}) or {}

    def names(fields):
        out = []
        for f in fields or []:
            base = f
            for suffix_sep in ("_chg_", "_pct_"):
                if suffix_sep in f:
                    base = f.split(suffix_sep)[0]
            base = F.split_year(base)[0]
            ind = catalogue.indicators.get(base) if catalogue is not None else None
            out.append(ind.name if ind else f)
        return out

    fn = record.get("function") or record.get("preset") or ""
    parts = []
    if fn == "berlin_mss":
        st = names(params.get("status_fields"))
        dy = names(params.get("dynamics_fields"))
        parts.append(
            "Der Index folgt der Methode des Berliner Monitorings Soziale Stadtentwicklung (MSS). "
            f"Der Statusindex fasst {len(st)} Kennzahlen zusammen ({', '.join(st)}): jede wird über die "
            "Sozialräume z-standardisiert (Mittel 0, Standardabweichung 1, höhere Werte = ungünstiger), die "
            "z-Werte werden addiert und die Summe erneut standardisiert."
        )
        if dy:
            parts.append(
                f"Der Dynamikindex verfährt ebenso mit den Veränderungen ({', '.join(dy)}). "
                "Status- und Dynamikklasse ergeben zusammen die Gesamtklasse."
            )
        rules = record.get("class_rules") or {}
        if rules.get("status"):
            parts.append(f"Klassen des Status: {rules['status']}.")
        if rules.get("dynamics"):
            parts.append(f"Klassen der Dynamik: {rules['dynamics']}.")
    else:
        specs = record.get("indicators") or params.get("indicators") or []
        fields = [s.get("field", s) if isinstance(s, dict) else s for s in specs]
        method = params.get("method") or params.get("normalisation") or record.get("normalisation") or ""
        parts.append(
            f"Der Index fasst {len(fields)} Kennzahlen zusammen ({', '.join(names(fields))})"
            + (f"; Normierung: {method}" if method else "")
            + (f"; Verknüpfung: {params.get('aggregation')}" if params.get("aggregation") else "")
            + "."
        )
    if params.get("min_residents"):
        parts.append(
            f"Sozialräume mit weniger als {F.fmt_de(params['min_residents'], 0)} Einwohnerinnen und Einwohnern "
            "gehen nicht in die Berechnung ein (Zufallsschwankung, Datenschutz)."
        )
    excl = (record.get("exclusions") or {}).get("n_excluded")
    if excl:
        parts.append(f"Ausgeschlossen wurden {excl} Sozialräume.")
    created = str(record.get("created") or "")[:10]
    if re.match(r"\d{4}-\d{2}-\d{2}$", created):
        parts.append(f"Berechnet am {created[8:10]}.{created[5:7]}.{created[:4]} mit dem Sozialplanung-Plugin.")
    return " ".join(parts)


def class_count_table(classes: pd.Series, labels: pd.Series | None, title: str) -> Table:
    counts = classes.dropna().astype(int).value_counts().sort_index()
    rows = []
    for c, n in counts.items():
        lab = ""
        if labels is not None:
            found = labels[classes == c].dropna().astype(str)
            lab = found.mode().iloc[0] if len(found) else ""
        rows.append([str(c), lab, F.fmt_de(n, 0)])
    missing = int(classes.isna().sum())
    if missing:
        rows.append(["–", "ohne Klasse", F.fmt_de(missing, 0)])
    return Table(caption=title, header=["Klasse", "Bezeichnung", "Sozialräume"], rows=rows, align=["l", "l", "r"])


def typology_table(frame: pd.DataFrame, fields: dict, spaces: Level) -> Table:
    """Spaces with need per action field: field | number | the spaces."""
    rows = []
    for fid, name in fields.items():
        col = f"hf_{fid}"
        if col not in frame.columns:
            continue
        on = [k for k in frame.index if F.to_number(frame.at[k, col]) == 1]
        names = [str(spaces.get(k, "name") or k) for k in on]
        rows.append([name, F.fmt_de(len(on), 0), ", ".join(names) if names else "–"])
    return Table(
        caption="Sozialräume mit Handlungsbedarf je Handlungsfeld",
        header=["Handlungsfeld", "Anzahl", "Sozialräume"],
        rows=rows,
        align=["l", "r", "l"],
        widths_mm=[45, 18, 103],
    )


def targets_table(frame: pd.DataFrame) -> Table:
    status_de = {
        "achieved": "erreicht",
        "on_track": "auf Kurs",
        "off_track": "nicht auf Kurs",
        "missed": "verfehlt",
        "no_data": "keine Daten",
    }
    rows = []
    for r in frame.to_dict("records"):

        def f(x, d=1):
            return F.fmt_de(F.to_number(x), d) if F.to_number(x) is not None else F.MISSING_TEXT

        # evaluatetargets writes the target as target_value with its direction and deadline
        target = F.to_number(r.get("target_value", r.get("target")))
        sign = {"at_most": "≤ ", "at_least": "≥ "}.get(str(r.get("direction") or ""), "")
        deadline = str(r.get("deadline") or "")[:4]
        target_text = F.MISSING_TEXT if target is None else sign + F.fmt_de(target, 1)
        if target is not None and deadline.isdigit():
            target_text += f" bis {deadline}"
        rows.append(
            [
                str(r.get("indicator_name") or r.get("indicator") or ""),
                str(r.get("unit_name") or r.get("unit_key") or ""),
                target_text,
                f(r.get("baseline")),
                f(r.get("current")),
                (f(r.get("attainment_pct"), 0) + " %") if F.to_number(r.get("attainment_pct")) is not None else "–",
                status_de.get(str(r.get("status")), str(r.get("status") or "")),
            ]
        )
    return Table(
        caption="Zielerreichung",
        header=["Kennzahl", "Raum", "Ziel", "Ausgang", "Aktuell", "Erreicht", "Stand"],
        rows=rows,
        align=["l", "l", "r", "r", "r", "r", "l"],
        widths_mm=[28, 32, 27, 19, 17, 19, 24],
    )


# --------------------------------------------------------------------------------------------------------
# strengths and weaknesses per space
# --------------------------------------------------------------------------------------------------------
def sw_blocks(sw: pd.DataFrame, key: str) -> list:
    """Paragraphs and bullet lists of one space's strengths, weaknesses and features (strongest first)."""
    from .strengths import FEATURE, STRENGTH, WEAKNESS

    part = sw[sw["key"] == key]
    blocks: list[Paragraph | Bullets] = []
    for kind, title in ((WEAKNESS, "Schwächen"), (STRENGTH, "Stärken"), (FEATURE, "Besonderheiten")):
        sel = part[part["judgement"] == kind]
        sel = sel.reindex(sel["z"].abs().sort_values(ascending=False).index)
        if len(sel):
            blocks.append(Paragraph(f"{title}:"))
            blocks.append(Bullets(list(sel["text"])))
    not_judged = part[part["status"].isin(["suppressed", "unreliable", "incomplete"])]
    if len(not_judged):
        labels = sorted(set(not_judged["label"]))
        blocks.append(
            Paragraph("Nicht beurteilt (gesperrt, kleine Bezugsgröße oder unvollständig): " + ", ".join(labels) + ".")
        )
    if not any(isinstance(b, Bullets) for b in blocks):
        blocks.insert(0, Paragraph("Keine auffälligen Abweichungen nach der Regel dieses Berichts."))
    return blocks


# --------------------------------------------------------------------------------------------------------
# the whole report
# --------------------------------------------------------------------------------------------------------
@dataclass
class ReportInput:
    county_name: str
    year: int
    first_year: int | None
    catalogue: Catalogue | None
    indicators: list  # Indicator objects in the order of the report
    spaces: Level
    municipalities: Level | None = None
    county: Level | None = None
    maps: dict = field(default_factory=dict)  # indicator id -> image path
    sw: pd.DataFrame | None = None
    rule_text: str = ""
    index: dict | None = None  # {"classes": Series, "labels": Series, "record": dict, "figure": path, "name": str}
    typology: dict | None = None  # {"frame": DataFrame, "fields": {id: name}, "summary": str}
    hotspots: list = field(default_factory=list)  # [{"indicator": Indicator, "figure": path, "summary": str}]
    targets: pd.DataFrame | None = None
    source_note: str = ""
    disclosure_note: str = ""
    created: str = ""


def build_sozialbericht(inp: ReportInput) -> Report:
    """The Sozialbericht: one chapter per topic field, index and typology, hot spots, strengths and weaknesses
    per space, targets, annex tables; placeholders where the planner writes."""
    y, fy = inp.year, inp.first_year
    n_sp = len(inp.spaces.frame)
    n_mun = len(inp.municipalities.frame) if inp.municipalities is not None else 0
    rep = Report(
        title=f"Sozialbericht {inp.county_name} {y}",
        subtitle="Bestandsaufnahme der sozialen Lage in den Sozialräumen",
        meta=[
            f"Stand der Daten: 31.12.{y}" + (f", Vergleichsjahr {fy}" if fy and fy != y else ""),
            f"{n_sp} Sozialräume" + (f" in {n_mun} Gemeinden" if n_mun else ""),
            "Entwurf, erzeugt mit dem QGIS-Plugin Sozialplanung" + (f" am {inp.created}" if inp.created else ""),
        ],
        footer=f"Sozialbericht {inp.county_name} {y}",
    )
    intro = Section("Einleitung")
    intro.add(
        Paragraph(
            "Dieser Bericht ist die Bestandsaufnahme der Sozialplanung: Er beschreibt die soziale Lage in den "
            f"{n_sp} Sozialräumen mit Karten, Tabellen und einer Stärken-Schwächen-Analyse je Sozialraum. Zahlen, "
            "Karten und Tabellen sind aus den Daten erzeugt; die markierten Stellen sind für die Einordnung durch "
            "die Sozialplanung und die Planungskonferenz vorgesehen."
        ),
        Placeholder("Einleitung: Anlass, Auftrag, Aufbau des Berichts"),
    )
    rep.sections.append(intro)

    # data and method
    meth = Section("Datengrundlage und Methode")
    rows = [[label_of(i, False), definition_text(i, inp.catalogue)] for i in inp.indicators]
    meth.add(
        Paragraph(
            f"Grundlage sind die Kennzahlen des Sozialmonitorings für {n_sp} Sozialräume"
            + (f" in {n_mun} Gemeinden" if n_mun else "")
            + f" zum Stichtag 31.12.{y}"
            + (f" und zum Vergleich {fy}" if fy and fy != y else "")
            + ". Quoten werden stets aus den summierten Fallzahlen und Bezugsgrößen berechnet, nie aus gemittelten "
            "Quoten."
        ),
        Table(
            caption="Kennzahlen dieses Berichts",
            header=["Kennzahl", "Definition und Quelle"],
            rows=rows,
            align=["l", "l"],
            widths_mm=[40, 126],
        ),
        Paragraph(SYMBOLS),
    )
    if inp.disclosure_note:
        meth.add(Paragraph(inp.disclosure_note))
    if inp.rule_text:
        meth.add(Section("Stärken und Schwächen").add(Paragraph(inp.rule_text)))
    rep.sections.append(meth)

    # one chapter per topic field
    by_topic: dict[str, list[Indicator]] = {}
    for ind in inp.indicators:
        by_topic.setdefault(ind.topic, []).append(ind)
    order = [t for t in TOPICS if t in by_topic] + [t for t in by_topic if t not in TOPICS]
    for topic in order:
        ch = Section(topic)
        ch.add(Placeholder(f"Einordnung des Themenfelds {topic}"))
        for ind in by_topic[topic]:
            sub = Section(ind.name)
            sub.add(Paragraph(definition_text(ind, inp.catalogue)))
            sub.add(Paragraph(summary_text(ind, inp.spaces, inp.municipalities, inp.county, y, fy)))
            if ind.id in inp.maps:
                sub.add(Figure(inp.maps[ind.id], f"{ind.name} in den Sozialräumen, {y}"))
            if inp.municipalities is not None:
                sub.add(municipality_table(ind, inp.municipalities, inp.county, y, fy))
            sub.add(Placeholder(f"Interpretation: {ind.short_name or ind.name}"))
            ch.add(sub)
        rep.sections.append(ch)

    # index and typology
    if inp.index or inp.typology:
        ch = Section("Sozialindex und Handlungsfelder")
        if inp.index:
            sub = Section(inp.index.get("name") or "Sozialindex")
            sub.add(Paragraph(index_method_text(inp.index.get("record"), inp.catalogue)))
            if inp.index.get("figure"):
                sub.add(Figure(inp.index["figure"], f"{inp.index.get('name') or 'Sozialindex'}, {y}"))
            if inp.index.get("classes") is not None:
                sub.add(
                    class_count_table(inp.index["classes"], inp.index.get("labels"), f"Sozialräume je Indexklasse, {y}")
                )
            sub.add(Placeholder("Interpretation des Index"))
            ch.add(sub)
        if inp.typology:
            sub = Section("Handlungsfelder")
            if inp.typology.get("summary"):
                sub.add(Paragraph(inp.typology["summary"]))
            sub.add(typology_table(inp.typology["frame"], inp.typology["fields"], inp.spaces))
            sub.add(Placeholder("Handlungsempfehlungen je Handlungsfeld"))
            ch.add(sub)
        rep.sections.append(ch)

    if inp.hotspots:
        ch = Section("Räumliche Häufungen")
        ch.add(
            Paragraph(
                "Lokale räumliche Autokorrelation (lokales Moran's I, LISA): Ein Sozialraum gehört zu einem Cluster "
                "Hoch-Hoch, wenn er selbst und seine Nachbarn hohe Werte haben, und zu Niedrig-Niedrig im "
                "umgekehrten Fall; Hoch-Niedrig und Niedrig-Hoch sind Ausreißer. Signifikanz aus 999 bedingten "
                "Permutationen, korrigiert über die Falscherkennungsrate."
            )
        )
        for h in inp.hotspots:
            sub = Section(f"{h['indicator'].name}: Cluster")
            sub.add(Figure(h["figure"], f"LISA-Cluster: {h['indicator'].name}, {y}"))
            sub.add(Paragraph(h["summary"]))
            ch.add(sub)
        ch.add(Placeholder("Einordnung der räumlichen Häufungen"))
        rep.sections.append(ch)

    if inp.sw is not None and len(inp.sw):
        ch = Section("Stärken und Schwächen der Sozialräume")
        ch.add(Paragraph(inp.rule_text or "Stärken und Schwächen nach der Regel des Berichts."))
        groups: dict[str | None, list[str]] = {}
        for k in inp.spaces.frame.index:
            parent = inp.spaces.parent.get(k) if inp.spaces.parent is not None else None
            groups.setdefault(parent, []).append(k)
        for parent, keys in groups.items():
            name = (
                inp.municipalities.get(parent, "name")
                if (inp.municipalities is not None and parent is not None)
                else None
            )
            sub = Section(f"Gemeinde {name or parent}" if parent is not None else "Sozialräume")
            for k in keys:
                sp = Section(f"{inp.spaces.get(k, 'name') or k} ({k})")
                sp.add(*sw_blocks(inp.sw, k))
                sp.add(Placeholder("Empfehlungen für diesen Sozialraum"))
                sub.add(sp)
            ch.add(sub)
        rep.sections.append(ch)

    ch = Section("Zielerreichung")
    if inp.targets is not None and len(inp.targets):
        ch.add(
            Paragraph(
                "Stand der Ziele der Planungskonferenz: Ausgangswert, aktueller Wert und der erreichte Anteil des "
                "Wegs zum Ziel."
            ),
            targets_table(inp.targets),
        )
    else:
        ch.add(Paragraph("Für diesen Bericht wurden keine Zielwerte übergeben."))
    ch.add(Placeholder("Bewertung der Zielerreichung"))
    rep.sections.append(ch)

    annex = Section("Tabellenanhang")
    annex.add(Paragraph("Alle Sozialräume je Kennzahl: Wert, Fälle, Veränderung, Rang und Einschätzung."))
    for ind in inp.indicators:
        annex.add(spaces_table(ind, inp.spaces, inp.municipalities, inp.county, y, fy, inp.sw))
    rep.sections.append(annex)
    src = Section("Quellen und Hinweise")
    sources = charts.short_sources(i.source for i in inp.indicators)
    src.add(Paragraph("Datenquellen: " + ", ".join(sources) + "." if sources else "Datenquellen: –"))
    if inp.source_note:
        src.add(Paragraph(inp.source_note))
    src.add(Paragraph(SYMBOLS))
    rep.sections.append(src)
    return rep
