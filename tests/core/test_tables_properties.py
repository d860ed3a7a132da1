"""Property-based tests (Hypothesis) of the table reader: generated German cells and tables read back as their
known content.

The generators know what each cell means (value, status, unit) independently of the reader: numbers written
with thousands dots or spaces and decimal commas, signs and units, DIN 55301 symbols and their Unicode
look-alikes, flags, footnote superscripts. Tables add what offices add: title lines, footnote markers in
headers and footnote lines, a symbol legend, a label column, blank and heading rows inside, quoted cells,
CRLF or LF, ';' or tab, and the encodings cp1252, UTF-8, UTF-8 with BOM, UTF-16 with and without BOM.
"""

import math
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sozialplanung_plugin.core.catalogue import default_catalogue  # noqa: E402
from sozialplanung_plugin.core.tables import cells as table_cells  # noqa: E402
from sozialplanung_plugin.core.tables import headers as table_headers  # noqa: E402
from sozialplanung_plugin.core.tables import parse_cell, read_table  # noqa: E402
from sozialplanung_plugin.core.tables import source as table_source  # noqa: E402

SETTINGS = dict(
    deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

#: a cell: (text as written, value, status, unit)
SYMBOLS = [
    ("-", 0.0, "exact_zero"),
    ("\u2013", 0.0, "exact_zero"),
    ("\u2014", 0.0, "exact_zero"),
    (".", math.nan, "suppressed_or_unknown"),
    ("\u00b7", math.nan, "suppressed_or_unknown"),
    ("...", math.nan, "pending"),
    ("\u2026", math.nan, "pending"),
    ("x", math.nan, "not_applicable"),
    ("X", math.nan, "not_applicable"),
    ("/", math.nan, "unreliable"),
    ("*", math.nan, "suppressed"),
    ("**", math.nan, "suppressed"),
]
FLAGS = {"p": "provisional", "r": "revised", "s": "estimated"}
#: characters a cp1252 file cannot hold
NOT_CP1252 = {"\u2009", "\u202f", "\u2212"}


def _group(digits, sep):
    """'1234567' -> '1.234.567' with sep between groups of three."""
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


@st.composite
def numbers(draw, decimals=True):
    """A German number as text with its value: integer part with or without thousands separators, maybe a
    decimal comma, maybe a sign."""
    whole = draw(st.integers(0, 10**9))
    digits = str(whole)
    sep = draw(st.sampled_from(["", "", ".", " ", "\u00a0", "\u2009", "\u202f"])) if whole >= 1000 else ""
    text = _group(digits, sep) if sep else digits
    value = float(whole)
    if decimals and draw(st.booleans()):
        frac = draw(st.text(alphabet=string.digits, min_size=1, max_size=3))
        text += "," + frac
        value = float(f"{whole}.{frac}")
    if draw(st.integers(0, 9)) == 0:
        minus = draw(st.sampled_from(["-", "\u2013", "\u2212"]))
        text, value = minus + text, -value
    return text, value


@st.composite
def cells(draw, decimals=True):
    """(text, value, status, unit) of a cell as statistical offices write it."""
    kind = draw(st.sampled_from(["number"] * 6 + ["symbol", "flag", "paren", "unit", "break", "footnote", "empty"]))
    if kind == "symbol":
        text, value, status = draw(st.sampled_from(SYMBOLS))
        return text, value, status, ""
    if kind == "empty":
        return "", math.nan, "missing", ""
    text, value = draw(numbers(decimals))
    status = "rounded_to_zero" if value == 0 else "ok"
    unit = ""
    if kind == "flag":
        letter = draw(st.sampled_from(sorted(FLAGS)))
        text = text + draw(st.sampled_from([" ", ""])) + letter
        status = FLAGS[letter]
    elif kind == "paren":
        text, status = f"({text})", "low_reliability"
    elif kind == "unit":
        unit = draw(st.sampled_from(["%", "\u2030"]))
        text = text + draw(st.sampled_from(["", " "])) + unit
    elif kind == "break":
        text = draw(st.sampled_from([f"| {text}", f"{text} |"]))
        status = "series_break"
    elif kind == "footnote":
        text += draw(st.sampled_from(["\u00b9", "\u00b2", "*"]))
    if draw(st.integers(0, 5)) == 0:
        text = f" {text} "
    return text, value, status, unit


def same_value(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-15, abs=0)


@settings(max_examples=400, **SETTINGS)
@given(cells())
def test_every_generated_cell_parses_to_its_meaning(cell):
    text, value, status, unit = cell
    got = parse_cell(text)
    assert got[1] == status, (text, got)
    assert same_value(got[0], value), (text, got)
    assert got[2] == unit, (text, got)


@settings(max_examples=150, **SETTINGS)
@given(st.lists(cells(), min_size=1, max_size=60, unique_by=lambda c: c[0]))
def test_many_cells_at_once_are_the_cells_one_by_one(cs):
    """parse_texts (bulk, used for whole columns) gives what parse_cell gives for each text."""
    from sozialplanung_plugin.core.tables.cells import parse_texts

    texts = [c[0] for c in cs if c[0].strip()]
    values, statuses, units, bad = parse_texts(texts)
    assert not bad
    for i, t in enumerate(texts):
        v, s, u = parse_cell(t)
        assert statuses[i] == s and same_value(values[i], v) and (units[i] if units is not None else "") == u, t


# ------------------------------------------------------------------------------------------------ whole tables

HEADERS = {  # header as delivered -> catalogue variable
    "Einwohner insgesamt": "ew",
    "Einwohner unter 15 J.": "ew_u15",
    "Einwohner unter 18 Jahre": "ew_u18",
    "Einwohner 15-65 J.": "ew_15_65",
    "Einwohner 65 Jahre und älter": "ew_65plus",
    "Ausländer": "auslaender",
    "Leistungsberechtigte SGB II": "sgb2_lb",
    "Kinder u. 15 J. im SGB II": "sgb2_u15",
    "Arbeitslose": "alo",
    "Langzeitarbeitslose": "alo_lz",
    "Zuzüge": "zuzuege",
    "Fortzüge": "fortzuege",
    "Haushalte": "hh",
}
PLACES = ["Bergisch Gladbach", "Burscheid", "Kürten", "Leichlingen (Rhld.)", "Odenthal", "Overath", "Rösrath"]
ENCODINGS = ["cp1252", "utf-8", "utf-8-sig", "utf-16", "utf-16-le"]


def _quote(text, sep):
    return '"' + text.replace('"', '""') + '"'


@st.composite
def tables(draw):
    """(file bytes, what the reader must find): a German statistics table as delivered."""
    encoding = draw(st.sampled_from(ENCODINGS))
    sep = draw(st.sampled_from([";", ";", "\t"]))
    eol = draw(st.sampled_from(["\r\n", "\n"]))
    n_cols = draw(st.integers(1, 5))
    headers = draw(st.lists(st.sampled_from(sorted(HEADERS)), min_size=n_cols, max_size=n_cols, unique=True))
    year = draw(st.sampled_from([None, 2014, 2024]))
    marked = draw(st.booleans())
    label = draw(st.booleans())
    n_rows = draw(st.sampled_from([1, 2, 3, 5, 8, 20, 150]))
    quote = draw(st.booleans())
    cell_rows = draw(
        st.lists(
            st.lists(cells(), min_size=n_cols, max_size=n_cols).filter(lambda r: any(c[0].strip() for c in r)),
            min_size=n_rows,
            max_size=n_rows,
        )
    )
    if encoding == "cp1252":  # what cp1252 cannot hold is written in its ASCII form
        cell_rows = [
            [(c[0].replace("\u2212", "-").replace("\u2009", " ").replace("\u202f", " "),) + c[1:] for c in r]
            for r in cell_rows
        ]
    keys = [f"05378{i:07d}" for i in range(n_rows)]
    head = ["Blocknummer"] + (["Gemeinde"] if label else [])
    shown = [h + (f" {year}" if year else "") + (" (1)" if marked and k == 0 else "") for k, h in enumerate(headers)]
    lines = []
    title = draw(
        st.sampled_from([[], ["Statistischer Bericht"], ["Bevölkerung nach Baublöcken", "Rheinisch-Bergischer Kreis"]])
    )
    lines += title + ([""] if title else [])
    lines.append(sep.join(head + shown))
    headings = []
    blank_at = draw(st.integers(1, n_rows)) if n_rows > 2 and draw(st.booleans()) else None
    heading_at = draw(st.integers(1, n_rows)) if n_rows > 2 and draw(st.booleans()) else None
    for i, (k, row) in enumerate(zip(keys, cell_rows)):
        if i == blank_at:
            lines.append("")
        if i == heading_at:
            lines.append("Kreis Nord" + sep * (len(head) + n_cols - 1))
            headings.append("Kreis Nord")
        lead = [_quote(k, sep) if quote else k] + ([PLACES[i % len(PLACES)]] if label else [])
        if quote and label:
            lead[1] = _quote(lead[1], sep)
        lines.append(sep.join(lead + [c[0] for c in row]))
    footnotes = []
    if marked:
        footnotes.append("(1) Hauptwohnsitz")
    if draw(st.booleans()):
        footnotes.append(". = Zahlenwert unbekannt oder geheim zu halten; - = nichts vorhanden")
    if draw(st.booleans()):
        footnotes.append("Quelle: Melderegister")
    if footnotes:
        lines += [""] + footnotes
    text = eol.join(lines) + eol
    data = text.encode(encoding)
    expect = dict(
        keys=keys,
        variables=[HEADERS[h] for h in headers],
        years=[year] if year else [],
        cells=[[c[1:] for c in row] for row in cell_rows],
        raw=[[c[0].strip() for c in row] for row in cell_rows],
        labels=[PLACES[i % len(PLACES)] for i in range(n_rows)] if label else None,
        footnotes=footnotes,
        title=title,
        headings=headings,
        encoding="utf-8" if encoding == "cp1252" and data.isascii() else encoding,
        sep=sep,
        header_notes={shown[0]: ["Hauptwohnsitz"]} if marked else {},
    )
    return data, expect


def _check(t, expect):
    assert t.keys == expect["keys"]
    assert t.variables == expect["variables"]
    assert t.years == expect["years"]
    assert t.sep == expect["sep"] and t.encoding == expect["encoding"]
    assert t.title == expect["title"]
    assert t.header_notes == expect["header_notes"]
    assert len(t.footnotes) == len(expect["footnotes"])
    assert all(c.mapped for c in t.columns)
    values, status = t.wide()
    long = t.long.set_index(["key", "variable"])["raw"]
    units = {}
    for k, row, raws in zip(expect["keys"], expect["cells"], expect["raw"]):
        for v, (value, st_, unit), raw in zip(expect["variables"], row, raws):
            col = v if len(expect["years"]) <= 1 else f"{v}_{expect['years'][0]}"
            assert status.loc[k, col] == st_, (k, v, raw)
            assert same_value(values.loc[k, col], value), (k, v, raw, values.loc[k, col])
            assert long[(k, v)] == raw
            if unit:
                units.setdefault(v, unit)
    assert {v: u for v, u in t.units.items()} == {v: u for v, u in units.items() if v in t.units}
    assert set(units) == set(t.units)
    if expect["labels"] is not None:
        assert t.labels["Gemeinde"].tolist() == expect["labels"]
    for h in expect["headings"]:
        assert any(f"'{h}' has no values and was skipped" in w for w in t.warnings)
    n_missing = sum(c[1] == "missing" for row in expect["cells"] for c in row)
    assert any(w.startswith(f"{n_missing} empty cell(s)") for w in t.warnings) == (n_missing > 0)


@settings(max_examples=120, **SETTINGS)
@given(tables())
def test_generated_tables_read_as_their_content(tmp_path_factory, table):
    data, expect = table
    path = tmp_path_factory.mktemp("t") / "bloecke.csv"
    path.write_bytes(data)
    t = read_table(str(path), variables=default_catalogue())
    _check(t, expect)


@settings(max_examples=40, **SETTINGS)
@given(tables())
def test_generated_tables_read_the_same_through_the_rows(tmp_path_factory, table):
    """The body read by pandas and the rows split in Python give the same table."""
    data, expect = table
    path = tmp_path_factory.mktemp("t") / "bloecke.csv"
    path.write_bytes(data)
    t = read_table(str(path), variables=default_catalogue())
    original = table_source.body_of_text
    table_source.body_of_text = lambda *a, **k: None
    try:
        r = read_table(str(path), variables=default_catalogue())
    finally:
        table_source.body_of_text = original
    assert t.long.equals(r.long) and t.keys == r.keys and t.warnings == r.warnings and t.footnotes == r.footnotes
    assert t.wide()[0].equals(r.wide()[0]) and t.wide()[1].equals(r.wide()[1])
    _check(r, expect)


@st.composite
def number_tables(draw):
    """(file bytes, n_rows): columns of plain German numbers, each of one form (digits after the comma, thousands
    dots or not), with cells out of the form anywhere, also below the first 100 rows the form is taken from."""
    n_rows = draw(st.sampled_from([1, 3, 101, 130]))
    n_cols = draw(st.integers(1, 3))
    forms = draw(st.lists(st.tuples(st.integers(0, 3), st.booleans()), min_size=n_cols, max_size=n_cols))
    rows = []
    for _ in range(n_rows):
        row = []
        for d, grouped in forms:
            whole = draw(st.sampled_from([0, 7, 999, 1000, 123456, 9999999, 10**12 + 7]))
            digits = str(whole)
            text = _group(digits, ".") if grouped or not d else digits
            if d:
                text += "," + draw(st.text(alphabet=string.digits, min_size=d, max_size=d))
            if draw(st.integers(0, 7)) == 0:
                text = "-" + text
            row.append(text)
        rows.append(row)
    odd = [
        "12.34",
        "1e5",
        "1,5e3",
        "12,",
        ",5",
        "+5",
        " 5",
        "5 ",
        "012",
        "-0",
        "-0,0",
        ".",
        "-",
        "x",
        "",
        "12,3\u00b9",
        "1..234",
        "1.2345",
        "inf",
        "nan",
        "1234567890123456,7",
        "1234",
        "1.234,5",
        "0,30000000000000004",
        "7 p",
    ]
    for _ in range(draw(st.integers(0, 3))):
        i, j = draw(st.integers(0, n_rows - 1)), draw(st.integers(0, n_cols - 1))
        rows[i][j] = draw(st.sampled_from(odd))
    eol = draw(st.sampled_from(["\r\n", "\n"]))
    label = draw(st.booleans())
    lines = ["Blocknummer;" + ("Gemeinde;" if label else "") + ";".join(f"Merkmal {j}" for j in range(n_cols))]
    lines += [f"05378{i:07d};" + ("05 Mitte;" if label else "") + ";".join(r) for i, r in enumerate(rows)]
    text = eol.join(lines) + (eol if draw(st.booleans()) else "")
    return text.encode(draw(st.sampled_from(["cp1252", "utf-8"])))


def _read_or_error(path):
    from sozialplanung_plugin.core.errors import InputError

    try:
        return read_table(path)
    except InputError as e:
        return e


@settings(max_examples=150, **SETTINGS)
@given(number_tables())
def test_columns_read_as_numbers_read_as_the_text_reader_reads_them(tmp_path_factory, data):
    """Columns of plain German numbers read by pandas as numbers give the table (values bit for bit, statuses,
    raw texts, warnings) or the error the reader gives with them read as text, and through the Python rows."""
    path = str(tmp_path_factory.mktemp("n") / "zahlen.csv")
    with open(path, "wb") as fh:
        fh.write(data)
    fast = _read_or_error(path)
    table_source.FLOAT_COLUMNS = False
    try:
        text = _read_or_error(path)
    finally:
        table_source.FLOAT_COLUMNS = True
    original = table_source.body_of_text
    table_source.body_of_text = lambda *a, **k: None
    try:
        rows = _read_or_error(path)
    finally:
        table_source.body_of_text = original
    for other in (text, rows):
        if isinstance(fast, Exception) or isinstance(other, Exception):
            assert type(fast) is type(other) and str(fast) == str(other)
            continue
        assert fast.long.drop(columns="value").equals(other.long.drop(columns="value"))
        assert fast.long["value"].to_numpy().tobytes() == other.long["value"].to_numpy().tobytes()
        assert (fast.keys, fast.warnings, fast.decimal, fast.columns) == (
            other.keys,
            other.warnings,
            other.decimal,
            other.columns,
        )
        assert fast.labels.equals(other.labels)


# ---------------------------------------------------------------------------------------------------------
# Text clean-up: the quick forms are the rules written plainly
# ---------------------------------------------------------------------------------------------------------
#: characters of headers and cells: letters, digits, every look-alike, the Unicode blanks, markers' brackets
TEXT_CHARS = st.sampled_from(
    list("aZä1 9.,-()[]*%/|x")
    + list(table_cells._LOOKALIKES)
    + list(table_cells._SUPERSCRIPTS)
    + ["\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u3000", "\u207d", "\u207e", "\u2030"]
)


def _clean_text_by_the_rule(raw):
    s = "".join(table_cells._LOOKALIKES.get(c, c) for c in str(raw))
    return re.sub(r"\s+", " ", s).strip()


def _strip_markers_by_the_rule(header):
    s = _clean_text_by_the_rule(header)
    markers = []
    for pat in table_headers._MARKER_PATTERNS:
        for m in pat.finditer(s):
            mk = m.group(1)
            if mk and mk[0] in table_cells._SUPERSCRIPTS:
                mk = "".join(table_cells._SUPER_TO_DIGIT[c] for c in mk)
            markers.append(mk)
        s = pat.sub(" ", s)
    return re.sub(r"\s+", " ", s).strip(), markers


@settings(max_examples=1500, **SETTINGS)
@given(st.text(TEXT_CHARS, max_size=12) | st.text(max_size=12))
def test_clean_text_and_strip_markers_follow_their_rules(text):
    """_clean_text (str.translate and str.split) and strip_markers (patterns only where their characters are)
    give what the rules give: look-alikes replaced one by one, whitespace runs collapsed by re's \\s, every
    marker pattern applied in turn."""
    assert table_cells._clean_text(text) == _clean_text_by_the_rule(text)
    assert table_headers.strip_markers(text) == _strip_markers_by_the_rule(text)
    for header in ("Einwohner " + text, text + " (1)", text + "\u00b2"):
        assert table_headers.strip_markers(header) == _strip_markers_by_the_rule(header)
