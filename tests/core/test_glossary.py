"""One German terminology (issue 19): every German text the plugin ships is checked against docs/glossary.md.

The table 'The plugin's German: one term per concept' lists for each concept the one German term and the terms
that must not be used (column 'not'). Checked: the German translations (.ts), the German help panels, the layout
templates and styles, the catalogue and every string literal of the plugin's code (English code text cannot hold
a German term by accident). Internal flag words never appear in German text; German numbers use the decimal
comma.
"""

import ast
import functools
import html
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "sozialplanung_plugin"
GLOSSARY = ROOT / "docs" / "glossary.md"
FLAG_WORDS = ("suppressed", "incomplete", "unreliable", "no_denominator", "insufficient_data", "excluded")
FLAG_WORDS += ("higher_worse", "higher_better")


def glossary_rows():
    """(concept, German term, [terms not to use]) from the glossary's table."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("## The plugin's German: one term per concept", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            len(cells) == 3
            and cells[0]
            and not set(cells[0]) <= {"-"}
            and cells[0] != "concept (English in the plugin)"
        ):
            rows.append((cells[0], cells[1], [t.strip() for t in cells[2].split(",") if t.strip()]))
    return rows


@functools.cache
def translations():
    """(where, text) of the German translation of every message the code has now (the .ts may still hold
    messages of older code: a merge of two branches unions them; tools/i18n_update.py drops them). Read once
    for the module's tests."""
    return tuple(_translations())


def _translations():
    import sys
    import xml.etree.ElementTree as ET

    sys.path.insert(0, str(ROOT / "tools"))
    from i18n_update import extract

    current = set(extract()[0])
    for ts in sorted((PLUGIN / "resources" / "i18n").glob("*_de.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            ctx = context.findtext("name")
            for msg in context.iter("message"):
                text = msg.findtext("translation") or ""
                if (ctx, msg.findtext("source")) in current and text:
                    yield f"{ts.name}: {text[:60]}", text


@functools.cache
def german_help():
    return tuple(_german_help())


def _german_help():
    for path in sorted((PLUGIN / "resources" / "help" / "de").glob("*.html")):
        yield f"help/de/{path.name}", re.sub(r"<[^>]+>", " ", html.unescape(path.read_text(encoding="utf-8")))


def resource_texts():
    """Templates, styles and the catalogue (German names, notes, labels)."""
    for pattern in ("templates/*.qpt", "**/*.qml", "catalogue/*.yaml", "rules/*.yaml"):
        for path in sorted((PLUGIN / "resources").glob(pattern)):
            yield str(path.relative_to(PLUGIN)), html.unescape(path.read_text(encoding="utf-8"))


GERMAN_HINTS = re.compile(r"[äöüßÄÖÜ]|\b(der|die|das|und|nicht|eine|einer|keine|mit|für|aus|Sozialr)\b")


def code_literals():
    """The German string literals of the plugin's code (texts of sheets, legends, labels): literals with an
    umlaut or a German function word; English code text is left alone."""
    for path in sorted(PLUGIN.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and GERMAN_HINTS.search(node.value):
                yield f"{path.relative_to(PLUGIN)}:{node.lineno}", node.value


def all_german():
    yield from translations()
    yield from german_help()
    yield from resource_texts()
    yield from code_literals()


def contains(text, term):
    return re.search(r"(?<![\wäöüß])" + re.escape(term) + r"(?![\wäöüß])", text, re.IGNORECASE) is not None


def test_the_glossary_table_is_there():
    rows = glossary_rows()
    concepts = {r[0] for r in rows}
    assert len(rows) >= 15
    assert {"suppressed (disclosure control)", "monitoring store", "goalposts (fixed normalisation limits)"} <= concepts
    german = {r[0]: r[1] for r in rows}
    assert german["suppressed (disclosure control)"] == "gesperrt"
    assert german["monitoring store"] == "Monitoring-Datenbank"


def test_no_german_text_uses_a_term_the_glossary_excludes():
    rows = glossary_rows()
    # one expression of every excluded term finds the few texts worth the term-by-term look
    anything = re.compile(
        r"(?<![\wäöüß])(?:" + "|".join(re.escape(b) for _c, _t, nots in rows for b in nots) + r")(?![\wäöüß])",
        re.IGNORECASE,
    )
    found = []
    for where, text in all_german():
        if not anything.search(text):
            continue
        for concept, term, nots in rows:
            for bad in nots:
                if contains(text, bad):
                    found.append(f"{where}: '{bad}' (say '{term}' for {concept})")
    assert not found, "\n".join(sorted(set(found))[:60])


def test_the_one_terms_are_used():
    """The chosen terms do occur (the table describes the plugin, not a wish list)."""
    texts = [t for _w, t in translations()] + [t for _w, t in german_help()]
    joined = "\n".join(texts)
    for term in ("gesperrt", "Monitoring-Datenbank", "feste Grenzen", "Steckbrief", "Sozialraum", "Geheimhaltung"):
        assert term.lower() in joined.lower(), term


def test_no_internal_flag_words_in_german_text():
    found = []
    for where, text in translations() + german_help():
        for word in FLAG_WORDS:
            if re.search(rf"(?<![\w<_]){word}(?![\w_])", text):
                found.append(f"{where}: {word}")
    assert not found, "\n".join(found)


def test_german_numbers_use_the_decimal_comma():
    """'0,5' not '0.5' in German text (dates 31.12.2025 and versions such as QGIS 3.22 are not decimals)."""
    # a decimal point: one, two or four and more digits after it (three are the German thousands: 1.000)
    pattern = re.compile(r"(?<![\d.])(?<!QGIS )(?<!Version )\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")
    found = []
    for where, text in translations() + german_help():
        for m in pattern.finditer(text):
            found.append(f"{where}: {m.group(0)}")
    assert not found, "\n".join(found)
