"""Reading German statistics tables: number formats, table symbols, layouts, footnotes, keys, errors."""

import math
import os
from pathlib import Path

import pytest

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.tables import (
    MISSING_STATUSES,
    STATUS_CODES,
    match_keys,
    normalise_label,
    parse_cell,
    read_table,
    strip_markers,
)

from ..helpers import MALFORMED, MALFORMED_CASES, catalogue  # the malformed corpus and its expected messages

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "tables"

FIXTURE = "rbk_sgb2_kinder_2009_2014.csv"  # the published RBK table, committed as delivered in resources/demo


def write(tmp_path, name, text, encoding="cp1252"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


# ------------------------------------------------------------------------------------------------ numbers


@pytest.mark.parametrize(
    "raw, value",
    [
        ("1.234", 1234.0),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1 234", 1234.0),
        ("1\u202f234", 1234.0),  # narrow no-break space (thin space as in Destatis PDFs)
        ("1\u2009234,25", 1234.25),  # thin space
        ("1\xa0234", 1234.0),  # no-break space
        ("10,8", 10.8),
        ("0,5", 0.5),
        (",5", 0.5),
        ("-4,1", -4.1),
        ("\u22124,1", -4.1),  # unicode minus sign
        ("\u20134,1", -4.1),  # en dash used as minus
        ("+12,9", 12.9),
        ("42", 42.0),
    ],
)
def test_german_numbers(raw, value):
    v, status, unit = parse_cell(raw)
    assert v == pytest.approx(value)
    assert status == "ok"
    assert unit == ""


def test_percent_and_per_mille_signs():
    assert parse_cell("10,8%") == (pytest.approx(10.8), "ok", "%")
    assert parse_cell("10,8 %") == (pytest.approx(10.8), "ok", "%")
    assert parse_cell("-20,0%") == (pytest.approx(-20.0), "ok", "%")
    assert parse_cell("3,2 \u2030") == (pytest.approx(3.2), "ok", "\u2030")


def test_english_decimal_when_asked():
    assert parse_cell("1,234.5", decimal=".")[0] == pytest.approx(1234.5)
    assert parse_cell("10.8", decimal=".")[0] == pytest.approx(10.8)


@pytest.mark.parametrize("raw", ["1.5", "1.23", "12,34,5", "abc", "1.2345", "12a", "5,37800E+11", "Summe"])
def test_not_numbers_raise(raw):
    with pytest.raises(ValueError):
        parse_cell(raw)


# ------------------------------------------------------------------------------------------------ symbols


@pytest.mark.parametrize(
    "raw, value, status",
    [
        ("-", 0.0, "exact_zero"),
        ("\u2013", 0.0, "exact_zero"),  # en dash
        ("\u2014", 0.0, "exact_zero"),  # em dash
        (" - ", 0.0, "exact_zero"),
        ("0", 0.0, "rounded_to_zero"),
        ("0,0", 0.0, "rounded_to_zero"),
        ("0,00", 0.0, "rounded_to_zero"),
        (".", None, "suppressed_or_unknown"),
        ("\u00b7", None, "suppressed_or_unknown"),  # middle dot
        ("...", None, "pending"),
        ("\u2026", None, "pending"),  # ellipsis character
        ("x", None, "not_applicable"),
        ("X", None, "not_applicable"),
        ("\u2715", None, "not_applicable"),  # multiplication x
        ("/", None, "unreliable"),
        ("*", None, "suppressed"),
        ("***", None, "suppressed"),
        ("(12)", 12.0, "low_reliability"),
        ("(1.234,5)", 1234.5, "low_reliability"),
        ("( 7 )", 7.0, "low_reliability"),
        ("| 123", 123.0, "series_break"),
        ("123 |", 123.0, "series_break"),
        ("123 p", 123.0, "provisional"),
        ("123p", 123.0, "provisional"),
        ("1.234 r", 1234.0, "revised"),
        ("12,5 s", 12.5, "estimated"),
        ("", None, "missing"),
        ("   ", None, "missing"),
    ],
)
def test_table_symbols(raw, value, status):
    v, st, _ = parse_cell(raw)
    assert st == status
    assert st in STATUS_CODES
    if value is None:
        assert math.isnan(v)
        assert st in MISSING_STATUSES
    else:
        assert v == value
        assert st not in MISSING_STATUSES


def test_symbols_are_never_silently_zero_or_nan():
    # '-' is a true zero, '0' is rounded to zero: both carry value 0 but different statuses
    assert parse_cell("-")[1] != parse_cell("0")[1]
    # '.' and '*' have no value, but remain distinguishable from an empty cell
    assert {parse_cell(".")[1], parse_cell("*")[1], parse_cell("")[1]} == {
        "suppressed_or_unknown",
        "suppressed",
        "missing",
    }


def test_superscript_footnote_after_number_is_not_part_of_it():
    assert parse_cell("1.234\u00b9")[:2] == (1234.0, "ok")


# ------------------------------------------------------------------------------------------------ labels


def test_header_markers_stripped_and_recorded():
    assert strip_markers("Einwohner unter 15 Jahre 2014 (1)") == ("Einwohner unter 15 Jahre 2014", ["1"])
    assert strip_markers("Anteil 1)") == ("Anteil", ["1"])
    assert strip_markers("Anteil\u00b2") == ("Anteil", ["2"])
    assert strip_markers("Arbeitslose*") == ("Arbeitslose", ["*"])
    assert strip_markers("Arbeitslose (SGB II)") == ("Arbeitslose (SGB II)", [])
    assert normalise_label("Einwohner 65 Jahre und älter (1)") == normalise_label("Einwohner 65 Jahre und aelter")


# ------------------------------------------------------------------------------------------------ the fixture


def _check_fixture(t):
    assert t.encoding == "cp1252"
    assert t.sep == ";"
    assert t.layout == "wide"
    assert t.key_column == "Gebiet"
    assert t.years == [2009, 2014]
    assert t.keys[0] == "Rhein-Berg"
    assert "Kürten" in t.keys and "Rösrath" in t.keys
    assert len(t.keys) == 9
    assert t.footnotes == ["(1) Stand 31.12.2013", "(2) Stand 31.10.2014"]
    assert t.footnote_map == {"1": "Stand 31.12.2013", "2": "Stand 31.10.2014"}
    assert t.header_notes["Einwohner unter 15 Jahre 2014 (1)"] == ["Stand 31.12.2013"]
    assert t.header_notes["Kinder im SGB II Bezug 2014 (2)"] == ["Stand 31.10.2014"]
    values, status = t.wide(2014)
    assert values.loc["Bergisch Gladbach", "ew_u15"] == 14851
    assert values.loc["Bergisch Gladbach", "sgb2_u15"] == 2184
    assert values.loc["Odenthal", "anteil"] == pytest.approx(3.0)
    assert (status == "ok").all().all()
    # published share = count / children, one decimal
    share = values["sgb2_u15"] / values["ew_u15"] * 100
    assert round(share["Bergisch Gladbach"], 1) == 14.7
    assert round(share["Odenthal"], 1) == 3.0
    # the county row is the sum of the 8 municipalities
    v09, _ = t.wide(2009)
    munis = v09.drop(index="Rhein-Berg")
    assert munis["ew_u15"].sum() == 40931 == v09.loc["Rhein-Berg", "ew_u15"]
    assert munis["sgb2_u15"].sum() == 4422 == v09.loc["Rhein-Berg", "sgb2_u15"]
    # change column: two years in the header -> no single year, percent unit recorded
    ch = t.long[t.long["variable"].str.contains("veraenderung")]
    assert ch["year"].isna().all()
    kuerten = ch[ch["key"] == "Kürten"].iloc[0]
    assert kuerten["value"] == pytest.approx(12.9) and kuerten["raw"] == "12,9%"
    assert t.units["anteil"] == "%"
    # raw kept
    row = t.long[(t.long["key"] == "Rhein-Berg") & (t.long["variable"] == "ew_u15") & (t.long["year"] == 2009)]
    assert row.iloc[0]["raw"] == "40.931"


def test_fixture_as_delivered(demo_dir):
    path = demo_dir / FIXTURE
    t = read_table(str(path), variables=catalogue())
    _check_fixture(t)


def test_fixture_with_plain_mapping(demo_dir):
    path = demo_dir / FIXTURE
    t = read_table(str(path), variables={"Einwohner unter 15 Jahre": "ew_u15", "Kinder im SGB II Bezug": "sgb2_u15"})
    _check_fixture(t)


# ------------------------------------------------------------------------------------------------ layouts


def test_long_layout_year_column(tmp_path):
    p = write(
        tmp_path,
        "long.csv",
        "Blocknummer;Jahr;Einwohner insgesamt;Ausländer\r\n"
        "053780040012;2013;120;.\r\n053780040012;2014;125;7\r\n053780040013;2014;-;*\r\n",
    )
    t = read_table(p, variables={"Einwohner insgesamt": "ew", "Ausländer": "auslaender"})
    assert t.layout == "long"
    assert t.years == [2013, 2014]
    assert t.keys == ["053780040012", "053780040013"]
    v, s = t.wide(2014)
    assert v.loc["053780040012", "ew"] == 125
    assert v.loc["053780040013", "ew"] == 0 and s.loc["053780040013", "ew"] == "exact_zero"
    assert math.isnan(v.loc["053780040013", "auslaender"]) and s.loc["053780040013", "auslaender"] == "suppressed"
    v13, s13 = t.wide(2013)
    assert s13.loc["053780040012", "auslaender"] == "suppressed_or_unknown"
    assert s13.loc["053780040013", "ew"] == "missing"  # no row for 2013
    allv, _ = t.wide()
    assert list(allv.columns) == ["ew_2013", "auslaender_2013", "ew_2014", "auslaender_2014"]


def test_fully_long_layout(tmp_path):
    p = write(
        tmp_path,
        "vlong.csv",
        "AGS;Jahr;Merkmal;Wert\r\n05378004;2014;Einwohner insgesamt;110.000\r\n"
        "05378004;2014;Ausländer;9.876\r\n05378008;2014;Einwohner insgesamt;18.500\r\n",
    )
    t = read_table(p, variables=catalogue())
    assert t.layout == "long"
    v, s = t.wide(2014)
    assert v.loc["05378004", "ew"] == 110000 and v.loc["05378004", "auslaender"] == 9876
    assert s.loc["05378008", "auslaender"] == "missing"


def test_single_year_given_as_parameter(tmp_path):
    p = write(tmp_path, "y.csv", "Blocknummer;Einwohner insgesamt\r\n053780040012;10\r\n")
    t = read_table(p, year=2022, variables={"Einwohner insgesamt": "ew"})
    assert t.years == [2022]
    assert t.long["year"].dtype.name == "Int64"


def test_year_only_headers_and_two_header_rows(tmp_path):
    p = write(
        tmp_path,
        "two.csv",
        "Gebiet;Einwohner insgesamt;;Ausländer;\r\n;2013;2014;2013;2014\r\nA-Dorf;1.000;1.010;50;55\r\n",
    )
    t = read_table(p, variables={"Einwohner insgesamt": "ew", "Ausländer": "auslaender"})
    v, _ = t.wide(2014)
    assert v.loc["A-Dorf", "ew"] == 1010 and v.loc["A-Dorf", "auslaender"] == 55
    p = write(tmp_path, "yo.csv", "Gebiet;2013;2014\r\nA-Dorf;1;2\r\n")
    t = read_table(p)
    assert t.variables == ["value"] and t.years == [2013, 2014]


def test_year_rule_is_that_of_core_fields(tmp_path):
    """Years 1900-2099 (core.fields.YEAR_MIN/YEAR_MAX), in headers, title lines and year columns alike: 1920
    is a year (the reader's own rule began at 1950), 2100 is not (it ended at 2100)."""
    from sozialplanung_plugin.core.fields import YEAR_MAX, YEAR_MIN

    assert (YEAR_MIN, YEAR_MAX) == (1900, 2099)
    p = write(tmp_path, "y.csv", "Gebiet;Einwohner 1920;Einwohner 2100\r\n01;10;20\r\n02;30;40\r\n")
    t = read_table(p)
    assert [(c.header, c.variable, c.year) for c in t.columns] == [
        ("Einwohner 1920", "einwohner", 1920),
        ("Einwohner 2100", "einwohner_2100", None),
    ]
    assert t.years == [1920]
    p = write(tmp_path, "t.csv", "Bevölkerung am 31.12.1920\r\nGebiet;Einwohner\r\n01;10\r\n02;30\r\n")
    assert read_table(p).years == [1920]
    p = write(tmp_path, "t2.csv", "Bevölkerung 2100\r\nGebiet;Einwohner\r\n01;10\r\n02;30\r\n")
    assert read_table(p).years == []
    p = write(tmp_path, "l.csv", "Gebiet;Jahr;Einwohner\r\n01;1920;10\r\n01;2099;30\r\n")
    assert read_table(p).years == [1920, 2099]
    p = write(tmp_path, "l2.csv", "Gebiet;Jahr;Einwohner\r\n01;1920;10\r\n01;2100;30\r\n")
    with pytest.raises(InputError, match=r"l2.csv, line 3, column 2 \('Jahr'\): '2100' is not a year"):
        read_table(p)


# ------------------------------------------------------------------------------------------------ encodings, separators


@pytest.mark.parametrize(
    "encoding, expect", [("cp1252", "cp1252"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")]
)
def test_encodings_detected(tmp_path, encoding, expect):
    p = write(tmp_path, "e.csv", "Gebiet;Einwohner 80 Jahre und älter\r\nKürten;1.234\r\n", encoding)
    t = read_table(p, variables={"Einwohner 80 Jahre und älter": "ew_80plus"})
    assert t.encoding == expect
    assert t.keys == ["Kürten"]
    assert t.wide()[0].loc["Kürten", "ew_80plus"] == 1234


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_separators_detected(tmp_path, sep):
    rows = [["Gebiet", "Einwohner insgesamt", "Anteil"], ["A", "1.234", "10,5"], ["B", "2.000", "3,0"]]
    if sep == ",":
        text = "\r\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows)
    else:
        text = "\r\n".join(sep.join(r) for r in rows)
    t = read_table(write(tmp_path, "s.csv", text))
    assert t.sep == sep
    assert t.wide()[0].loc["B", "anteil"] == pytest.approx(3.0)


def test_english_csv_detected(tmp_path):
    t = read_table(write(tmp_path, "en.csv", "area,residents,share\nA,1234,10.5\nB,2000,3.25\n"))
    assert t.sep == "," and t.decimal == "."
    assert t.wide()[0].loc["A", "share"] == pytest.approx(10.5)


# ------------------------------------------------------------------------------------------------ title/footnotes


def test_title_lines_skipped_and_footnotes_captured(tmp_path):
    p = write(
        tmp_path,
        "t.csv",
        "Tabelle 3: Arbeitslose nach Gemeinden;;\r\nStand: Dezember 2014;;\r\n;;\r\n"
        "Gemeinde;Arbeitslose¹;Langzeitarbeitslose\r\nA;100;40\r\nB;*;x\r\n;;\r\n"
        "¹ einschließlich SGB III;;\r\nQuelle: Bundesagentur für Arbeit;;\r\n",
    )
    t = read_table(p, variables={"Arbeitslose": "alo", "Langzeitarbeitslose": "alo_lz"})
    assert t.header_row == 4
    assert t.title == ["Tabelle 3: Arbeitslose nach Gemeinden", "Stand: Dezember 2014"]
    assert t.footnotes == ["¹ einschließlich SGB III", "Quelle: Bundesagentur für Arbeit"]
    assert t.header_notes == {"Arbeitslose¹": ["einschließlich SGB III"]}
    v, s = t.wide()
    assert list(v.index) == ["A", "B"]
    assert s.loc["B", "alo"] == "suppressed" and s.loc["B", "alo_lz"] == "not_applicable"


def test_explicit_header_row(tmp_path):
    p = write(tmp_path, "h.csv", "Kennzahl;2014\r\nGebiet;Einwohner insgesamt\r\nA;5\r\n")
    t = read_table(p, header_row=2)
    assert t.variables == ["einwohner_insgesamt"]


# ------------------------------------------------------------------------------------------------ keys


def test_keys_stay_text_with_leading_zeros(tmp_path):
    p = write(tmp_path, "k.csv", "Blocknummer;Einwohner insgesamt\r\n053780040012;5\r\n053780040013;6\r\n")
    t = read_table(p)
    assert t.keys == ["053780040012", "053780040013"]
    assert t.long["key"].map(type).eq(str).all()


def test_lost_leading_zero_restored_for_known_key_column(tmp_path):
    p = write(tmp_path, "ags.csv", "AGS;Einwohner insgesamt\r\n5378004;110000\r\n5378008;18500\r\n")
    t = read_table(p)
    assert t.keys == ["05378004", "05378008"]
    assert any("leading zeros" in w for w in t.warnings)


def test_lost_leading_zero_restored_for_mixed_lengths(tmp_path):
    p = write(tmp_path, "mix.csv", "Schlüssel;EW\r\n1001000;5\r\n11000000;6\r\n")
    assert read_table(p).keys == ["01001000", "11000000"]


def test_key_width_parameter_and_no_padding_of_short_ids(tmp_path):
    p = write(tmp_path, "ids.csv", "Nr;EW\r\n1;5\r\n12;6\r\n")
    assert read_table(p).keys == ["1", "12"]
    assert read_table(p, key_width=3).keys == ["001", "012"]


def test_match_keys_report():
    r = match_keys(["053780040012", "053780040013", "99"], ["053780040012", "053780040014"])
    assert r.matched == ["053780040012"]
    assert r.only_in_table == ["053780040013", "99"]
    assert r.only_in_layer == ["053780040014"]
    assert not r.ok
    assert "1 keys matched" in r.message()
    r = match_keys(["5378004"], ["05378004"])
    assert r.hints and "leading zero" in r.hints[0]
    assert match_keys(["a"], ["a"]).ok


# ------------------------------------------------------------------------------------------------ xlsx


def test_xlsx_numbers_keys_percent_and_sheet(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deckblatt"
    ws.append(["nur Text"])
    ws2 = wb.create_sheet("Daten")
    ws2.append(["Kinder im SGB II-Bezug nach Gemeinden"])
    ws2.append([])
    ws2.append(["AGS", "Einwohner unter 15 Jahre", "Kinder im SGB II Bezug", "Anteil"])
    ws2.append([5378004, 14851, 2184, 0.147])
    ws2.append(["05378008", 2499, "*", 0.125])
    ws2.append([5378012, "(1.917)", "-", 0.03])
    for row in ws2.iter_rows(min_row=4, min_col=4, max_col=4):
        row[0].number_format = "0.0%"
    ws2.append([])
    ws2.append(["Quelle: BA"])
    p = str(tmp_path / "t.xlsx")
    wb.save(p)
    t = read_table(
        p, sheet="Daten", variables={"Einwohner unter 15 Jahre": "ew_u15", "Kinder im SGB II Bezug": "sgb2_u15"}
    )
    assert t.sheet == "Daten" and t.header_row == 3
    assert t.keys == ["05378004", "05378008", "05378012"]
    v, s = t.wide()
    assert v.loc["05378004", "anteil"] == pytest.approx(14.7)
    assert t.units["anteil"] == "%"
    assert s.loc["05378008", "sgb2_u15"] == "suppressed"
    assert v.loc["05378012", "ew_u15"] == 1917 and s.loc["05378012", "ew_u15"] == "low_reliability"
    assert s.loc["05378012", "sgb2_u15"] == "exact_zero"
    assert t.footnotes == ["Quelle: BA"]
    with pytest.raises(InputError, match="no sheet 'Date'.*did you mean 'Daten'"):
        read_table(p, sheet="Date")


# ------------------------------------------------------------------------------------------------ errors


def test_non_numeric_cell_names_line_and_column(tmp_path):
    p = write(tmp_path, "bad.csv", "Gebiet;Einwohner insgesamt;Anteil\r\nA;10;1,5\r\nB;zehn;2,0\r\n")
    with pytest.raises(InputError) as ei:
        read_table(p)
    msg = str(ei.value)
    assert "bad.csv, line 3, column 2 ('Einwohner insgesamt')" in msg
    assert "'zehn' is not a number" in msg
    assert ei.value.row == 3 and ei.value.column == "Einwohner insgesamt"


def test_duplicate_key_names_both_lines(tmp_path):
    p = write(tmp_path, "dup.csv", "Gebiet;EW\r\nA;1\r\nB;2\r\nA;3\r\n")
    with pytest.raises(InputError, match=r"line 4.*'A' occurs twice \(also in line 2\)"):
        read_table(p)


def test_missing_file_and_old_excel(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_table(str(tmp_path / "nope.csv"))
    p = tmp_path / "old.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match="save it as .xlsx"):
        read_table(str(p))


# ------------------------------------------------------------------------------------------------ malformed corpus


def test_corpus_is_complete():
    files = sorted(f for f in os.listdir(MALFORMED) if not f.endswith((".py", ".md")))
    assert len(files) >= 20
    assert sorted(MALFORMED_CASES) == files


@pytest.mark.parametrize("name", sorted(MALFORMED_CASES))
def test_malformed_file_gives_clear_error(name):
    kwargs, expected = MALFORMED_CASES[name]
    kwargs = {k: (v() if callable(v) else v) for k, v in kwargs.items()}
    with pytest.raises(InputError) as ei:
        read_table(str(MALFORMED / name), **kwargs)
    msg = str(ei.value)
    for part in expected:
        assert part in msg, f"{part!r} not in {msg!r}"
    assert ei.value.source == name


# ------------------------------------------------------------------------------------------------ sample tables


def test_ba_akg_sample():
    t = read_table(str(DATA / "ba_akg_2014.csv"), variables=catalogue())
    assert t.key_column == "Gebietsschlüssel" and t.header_row == 5
    assert t.title[2] == "Berichtsmonat: Dezember 2014"
    assert t.footnote_map["*"].startswith("Werte von 1 oder 2")
    assert t.header_notes == {"Langzeitarbeitslose¹": [t.footnote_map["1"]]}
    assert t.footnotes[-1] == "Quelle: Statistik der Bundesagentur für Arbeit"
    v, s = t.wide()
    assert list(v.columns) == ["alo", "alo_u25", "alo_lz"]
    assert v.loc["053780040004", "alo"] == 1204
    assert s.loc["053780040002", "alo_u25"] == "suppressed" and math.isnan(v.loc["053780040002", "alo_u25"])
    assert s.loc["053780040003", "alo_u25"] == "exact_zero" and v.loc["053780040003", "alo_u25"] == 0
    # the known part of the column: 57 + 12 + 1204 (the '*' is not a zero)
    assert v["alo"].sum(skipna=True) == 1273 and s["alo"].eq("suppressed").sum() == 1
    assert t.status_counts() == {"ok": 8, "suppressed": 3, "exact_zero": 1}


def test_landesamt_sample_two_header_rows_bom_and_symbols():
    t = read_table(str(DATA / "landesamt_gemeinden_2019_2020.csv"), variables=catalogue())
    assert t.encoding == "utf-8-sig" and t.key_column == "AGS"
    assert t.labels.loc["05378016", "Gemeinde"] == "Leichlingen (Rhld.)"
    assert t.years == [2019, 2020]
    v, s = t.wide(2020)
    assert v.loc["05378004", "ew"] == 111645 and s.loc["05378004", "ew"] == "provisional"
    assert s.loc["05378012", "gs_65plus"] == "pending"
    assert s.loc["05378016", "gs_65plus"] == "unreliable"
    v19, s19 = t.wide(2019)
    assert v19.loc["05378008", "gs_65plus"] == 95 and s19.loc["05378008", "gs_65plus"] == "low_reliability"
    assert s19.loc["05378012", "gs_65plus"] == "suppressed_or_unknown"
    assert s19.loc["05378016", "gs_65plus"] == "not_applicable"
    assert t.footnote_map["2"].startswith("Empfängerinnen und Empfänger nach dem 4. Kapitel SGB XII")
    assert t.footnotes[-1] == "p = vorläufig"
    with pytest.raises(InputError, match="no year 2018; years present: 2019, 2020"):
        t.wide(2018)


def test_register_sample_long_xlsx_keys_padded():
    t = read_table(str(DATA / "register_bloecke_long.xlsx"), variables=catalogue())
    assert t.layout == "long" and t.keys == ["053780040001", "053780040002"]
    assert any("padded to 12 digits" in w for w in t.warnings)
    v, _ = t.wide(2014)
    assert list(v.columns) == ["ew", "ew_u18", "zuzuege", "fortzuege"]
    assert v.loc["053780040002", "zuzuege"] - v.loc["053780040002", "fortzuege"] == 5


def test_year_from_title_line(tmp_path):
    p = write(
        tmp_path, "t.csv", "Einwohner nach Blöcken, Stand 31.12.2009\nBlocknummer;Einwohner insgesamt\n053780040012;5\n"
    )
    t = read_table(p)
    assert t.years == [2009] and "taken from the title" in t.warnings[0]
    assert read_table(p, year=2010).years == [2010]
    p = write(tmp_path, "t2.csv", "Vergleich 2009 und 2014\nBlocknummer;Einwohner insgesamt\n053780040012;5\n")
    assert read_table(p).years == []  # two years in the title: no guess


def test_demo_block_table_maps_every_count(demo_dir):
    path = Path(demo_dir) / "bloecke_2014.csv"
    t = read_table(str(path), variables=catalogue())
    assert t.years == [2014] and t.key_column == "Blocknummer"
    assert all(len(k) == 12 and k.startswith("05378") for k in t.keys)
    unmapped = [c.header for c in t.columns if not c.mapped]
    assert unmapped == ["Fläche in ha"]
    assert {"ew", "sgb2_u15", "hze", "hh_alleinerz", "gs_65plus"} <= set(t.variables)
    assert set(t.status_counts()) <= set(STATUS_CODES)
