"""Tables as offices deliver them (issue 15): each class of bad or unusual input with the behaviour a planner can
trust. Every test covers the class with several variants, not only the one file that showed it."""

import math

import pandas as pd
import pytest

from sozialplanung_plugin.core.catalogue import default_catalogue
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.tables import read_table
from sozialplanung_plugin.core.tables.headers import match_label


def write(tmp_path, name, text, encoding="cp1252"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(p)


# ------------------------------------------------------------------------------------------------ headers


@pytest.mark.parametrize(
    "header, variable",
    [
        ("Einwohner unter 15 J.", "ew_u15"),
        ("Einwohner u. 15 Jahren", "ew_u15"),
        ("Einw. unter 15 Jahre", "ew_u15"),
        ("EW u15", "ew_u15"),
        ("Einwohner 0 - 14 J.", "ew_u15"),
        ("Kinder u. 15 J. im SGB II", "sgb2_u15"),
        ("Kinder unter 15 Jahren im SGB-II-Bezug", "sgb2_u15"),
        ("Kinder im SGB2 Bezug unter 15 J.", "sgb2_u15"),
        ("Einwohner 15-65 J.", "ew_15_65"),
        ("Einwohner 15 bis 64 Jahre", "ew_15_65"),
        ("Einwohner 15 bis u. 65 J.", "ew_15_65"),
        ("Einwohner 0-17 J.", "ew_u18"),
        ("Einwohner 15 - 24 Jahre", "ew_15_25"),
        ("Einwohner 65 J. u. älter", "ew_65plus"),
        ("Einwohner 65 Jahre und aelter", "ew_65plus"),
        ("Einwohner ab 65 J.", "ew_65plus"),
        ("Einwohner 65+", "ew_65plus"),
        ("Einwohner 80 und mehr Jahre", "ew_80plus"),
        ("Arbeitslose u. 25 J.", "alo_u25"),
        ("Einwohner insg.", "ew"),
        ("Ausländer (1)", "auslaender"),
    ],
)
def test_office_abbreviations_find_the_catalogue_variable(header, variable):
    cat = default_catalogue()
    assert cat.resolve_header(header) == variable, match_label(header)


@pytest.mark.parametrize(
    "header", ["Anteil Kinder u. 15 J. im SGB II", "Einwohner 15-65 J. je km²", "Fläche in ha", "Kinder u. 18 J."]
)
def test_other_headers_stay_unknown(header):
    """Abbreviations are written out, nothing else is guessed: a share or another age group is not a count."""
    assert default_catalogue().resolve_header(header) is None


def test_abbreviated_headers_in_a_table(tmp_path):
    p = write(
        tmp_path,
        "kreis_2024.csv",
        "Gemeinde;Einwohner insg.;Einwohner unter 15 J.;Kinder u. 15 J. im SGB II;Einwohner 15-65 J.;Einw. 65 J. u. älter\n"
        "Burscheid;18.184;2.400;310;11.500;4.200\n"
        "Kürten;19.463;2.700;190;12.100;4.300\n",
    )
    t = read_table(p, variables=default_catalogue())
    assert t.variables == ["ew", "ew_u15", "sgb2_u15", "ew_15_65", "ew_65plus"]
    assert all(c.mapped for c in t.columns)
    assert t.wide()[0].loc["Kürten", "sgb2_u15"] == 190


# ------------------------------------------------------------------------------------------------ two tables, one year


def _tables(tmp_path, texts):
    from sozialplanung_plugin.core.inputs import load_catalogue_any, read_tables

    _, _, cat = load_catalogue_any()
    paths = [write(tmp_path, name, text) for name, text in texts.items()]
    notes = []
    by_year, info = read_tables(paths, "", "", cat, notes.append)
    return by_year, info, [n for n in notes if "both give the year" in n]


H = "Blocknummer;Einwohner insgesamt;Ausländer\n"


def test_two_tables_of_one_year_with_disjoint_keys_are_joined(tmp_path):
    by_year, _, notes = _tables(
        tmp_path,
        {"nord_2024.csv": H + "053780040001;10;1\n053780040002;20;2\n", "sued_2024.csv": H + "053780050001;30;.\n"},
    )
    values, status = by_year[2024]
    assert list(values.index) == ["053780040001", "053780040002", "053780050001"]
    assert values["ew"].tolist() == [10, 20, 30] and status.loc["053780050001", "auslaender"] == "suppressed_or_unknown"
    assert notes == [
        "nord_2024.csv and sued_2024.csv both give the year 2024: their rows joined (the keys are disjoint: 2 and 1 keys)."
    ]


def test_two_tables_of_one_year_with_other_variables_are_joined_side_by_side(tmp_path):
    by_year, _, notes = _tables(
        tmp_path,
        {
            "ew_2024.csv": H + "053780040001;10;1\n053780040002;20;2\n",
            "sgb_2024.csv": "Blocknummer;Leistungsberechtigte SGB II\n053780040001;3\n053780040003;4\n",
        },
    )
    values, status = by_year[2024]
    assert list(values.columns) == ["ew", "auslaender", "sgb2_lb"]
    assert values.loc["053780040001", "sgb2_lb"] == 3 and status.loc["053780040002", "sgb2_lb"] == "missing"
    assert status.loc["053780040003", "ew"] == "missing"
    assert "joined side by side (different variables: sgb2_lb)" in notes[0]


def test_two_tables_of_one_year_that_agree_are_joined(tmp_path):
    """The population in the population table and again in the SGB II table: the same numbers, no conflict."""
    by_year, _, notes = _tables(
        tmp_path,
        {
            "ew_2024.csv": H + "053780040001;10;1\n053780040002;20;2\n",
            "sgb_2024.csv": "Blocknummer;Einwohner insgesamt;Leistungsberechtigte SGB II\n053780040002;20;4\n",
        },
    )
    values, _ = by_year[2024]
    assert values.loc["053780040002", "sgb2_lb"] == 4 and values["ew"].tolist() == [10, 20]
    assert "the 1 variable(s) both give agree for the 1 keys both have" in notes[0]


@pytest.mark.parametrize(
    "second, detail",
    [
        (H + "053780040002;21;2\n", "'ew' for 2024, with different values for the key '053780040002': 20 and 21"),
        (H + "053780040001;10;.\n", "'auslaender' for 2024, with different values for the key '053780040001': 1 and "),
    ],
)
def test_two_tables_of_one_year_that_disagree_are_an_error(tmp_path, second, detail):
    """Today's defect was: the first table wins silently. Now both files are named."""
    with pytest.raises(InputError) as ei:
        _tables(tmp_path, {"a_2024.csv": H + "053780040001;10;1\n053780040002;20;2\n", "b_2024.csv": second})
    msg = str(ei.value)
    assert msg.startswith("a_2024.csv and b_2024.csv both give ") and detail in msg
    assert "remove the column from one of the files" in msg


def test_three_tables_of_one_year_name_the_earlier_ones(tmp_path):
    with pytest.raises(InputError, match=r"^a_2024.csv and b_2024.csv and c_2024.csv both give 'ew'"):
        _tables(
            tmp_path,
            {
                "a_2024.csv": H + "053780040001;10;1\n",
                "b_2024.csv": H + "053780040002;20;2\n",
                "c_2024.csv": H + "053780040002;25;2\n",
            },
        )


def test_skipped_indicators_note_names_variables_and_unknown_headers(tmp_path):
    from sozialplanung_plugin.core.inputs import skipped_note

    _, info, _ = _tables(
        tmp_path, {"t_2024.csv": "Blocknummer;Einwohner insgesamt;Fläche in ha;Kinder u. 15 J. im SGB II\n001;1;2;3\n"}
    )
    lacking, unknown = skipped_note(
        {"kinderarmut": ["sgb2_u15", "ew_u15"], "jugendquote": ["ew_u15"]}, default_catalogue(), info
    )
    assert lacking == (
        "sgb2_u15 ('Kinder im SGB II Bezug unter 15 Jahre') for kinderarmut; "
        "ew_u15 ('Einwohner unter 15 Jahre') for kinderarmut, jugendquote"
    )
    assert unknown == "'Fläche in ha'"


def test_reader_warnings_name_the_file_once(tmp_path):
    """read_tables passes each reader warning on with the file's name in front, once ('a.csv: a.csv: ...' was the
    defect): warnings that name the file already (by name, with a line, with a sheet) keep their text."""
    from sozialplanung_plugin.core.inputs import read_tables

    text = "AGS;Einwohner insgesamt;Ausländer\n5378004;10;1\nZwischensumme;;\n05378008;20;\n"
    notes = []
    read_tables([write(tmp_path, "t_2024.csv", text)], "", "", default_catalogue(), notes.append)
    assert notes == [
        "t_2024.csv, line 3: 'Zwischensumme' has no values and was skipped (a heading inside the table?).",
        "t_2024.csv: 1 key cell(s) had lost leading zeros (stored as numbers, e.g. 5378004 -> 05378004) and were "
        "padded to 8 digits. Format the key column as text to avoid this.",
        "t_2024.csv: 1 empty cell(s) read as 'missing' (no value). Official tables use '.' or '-' instead of "
        "empty cells; check whether they mean 0.",
    ]
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daten"
    for row in [["AGS", "Einwohner insgesamt", "Ausländer"], ["05378004", 10, 1], ["Summe"], ["05378008", 20, None]]:
        ws.append(row)
    path = tmp_path / "x_2024.xlsx"
    wb.save(path)
    notes = []
    read_tables([str(path)], "", "", default_catalogue(), notes.append)
    assert notes == [
        "x_2024.xlsx (sheet 'Daten'), row 3: 'Summe' has no values and was skipped (a heading inside the table?).",
        "x_2024.xlsx: 1 empty cell(s) read as 'missing' (no value). Official tables use '.' or '-' instead of "
        "empty cells; check whether they mean 0.",
    ]


# ------------------------------------------------------------------------------------------------ text fields


@pytest.mark.parametrize("values", [["531 EW", "12 EW", None], ["viel", "wenig", "mittel"]])
def test_text_indicator_field_is_diagnosed_as_text(values):
    from sozialplanung_plugin.core import index

    data = pd.DataFrame({"key": ["a", "b", "c"], "ew": values})
    with pytest.raises(InputError, match=r"Field 'ew' for indicator holds text, not numbers \(e.g. '"):
        index.indicator_column(data, "ew")
    data = pd.DataFrame({"key": ["a", "b", "c"], "ew": [None, math.nan, " "]})
    assert index.indicator_column(data, "ew").isna().all()  # empty stays empty: the caller says 'all missing'


# ------------------------------------------------------------------------------------------------ symbol legend

LEGENDS = [
    ". = Zahlenwert unbekannt oder geheim zu halten; - = nichts vorhanden",
    "Zeichenerklärung: . = Zahlenwert unbekannt oder geheim zu halten, - = nichts vorhanden",
    "- = nichts vorhanden;. = Zahlenwert unbekannt oder geheim zu halten;x = Tabellenfach gesperrt",
    "x = Tabellenfach gesperrt, weil Aussage nicht sinnvoll; / = keine Angaben, da Zahlenwert nicht sicher genug",
    "... = Angabe fällt später an   ( ) = Aussagewert eingeschränkt",
]


@pytest.mark.parametrize("legend", LEGENDS)
@pytest.mark.parametrize("label_column", [False, True])
def test_symbol_legend_under_the_table_is_a_footnote(tmp_path, legend, label_column):
    """The legend line is neither a key (it was the 20th key of a table with a label column) nor an error (it
    aborted the import of another); its cells split at ';' do not matter."""
    head = "AGS;Gemeinde;Einwohner insgesamt;Ausländer\n" if label_column else "AGS;Einwohner insgesamt;Ausländer\n"
    rows = ["05378004;Bergisch Gladbach;111.645;.", "05378008;Burscheid;18.184;-"]
    if not label_column:
        rows = [r.replace(";Bergisch Gladbach", "").replace(";Burscheid", "") for r in rows]
    p = write(tmp_path, "t.csv", head + "\n".join(rows) + "\n\n" + legend + "\nQuelle: IT.NRW\n")
    t = read_table(p, variables=default_catalogue())
    assert t.keys == ["05378004", "05378008"]
    assert t.footnotes[-1] == "Quelle: IT.NRW" and len(t.footnotes) == 2
    assert t.legend.get("-", t.legend.get(".", t.legend.get("x", t.legend.get("...")))) is not None
    vals, sts = t.wide()
    assert sts.loc["05378004", "auslaender"] == "suppressed_or_unknown"
    assert sts.loc["05378008", "auslaender"] == "exact_zero" and vals.loc["05378008", "auslaender"] == 0


def test_symbol_legend_is_read(tmp_path):
    p = write(
        tmp_path,
        "t.csv",
        "Gebiet;Einwohner insgesamt\nA;1\nB;.\n\n"
        ". = Zahlenwert unbekannt oder geheim zu halten; - = nichts vorhanden\n"
        "x = Tabellenfach gesperrt, weil Aussage nicht sinnvoll; p = vorläufig\n",
    )
    t = read_table(p)
    assert t.legend == {
        ".": "Zahlenwert unbekannt oder geheim zu halten",
        "-": "nichts vorhanden",
        "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
        "p": "vorläufig",
    }
    assert t.footnote_map == {}  # a legend is not the footnote of a marker


def test_symbol_legend_in_an_xlsx(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["AGS", "Gemeinde", "Einwohner insgesamt"])
    ws.append(["05378004", "Bergisch Gladbach", 111645])
    ws.append(["05378008", "Burscheid", "."])
    ws.append([])
    ws.append([". = Zahlenwert unbekannt oder geheim zu halten", "- = nichts vorhanden"])
    p = str(tmp_path / "t.xlsx")
    wb.save(p)
    t = read_table(p, variables=default_catalogue())
    assert t.keys == ["05378004", "05378008"] and t.legend["-"] == "nichts vorhanden"


# ------------------------------------------------------------------------------------------------ footnote markers


def test_footnote_markers_in_headers_are_linked_to_their_lines(tmp_path):
    """Every usual marker form in a header finds its footnote line, whatever form the line has."""
    p = write(
        tmp_path,
        "t.csv",
        "Gebiet;Einwohner insgesamt (1);Ausländer2);Arbeitslose³;Langzeitarbeitslose*);Haushalte [5];Zuzüge (a)\n"
        "A;1;2;3;4;5;6\nB;7;8;9;10;11;12\n\n"
        "1 Hauptwohnsitz am 31.12.\n"
        "Fußnote 2: ohne Doppelstaatler\n"
        "³) Arbeitslose nach SGB II und III\n"
        "*) ein Jahr und länger arbeitslos\n"
        "[5] private Haushalte\n"
        "a) über die Gemeindegrenze\n",
    )
    t = read_table(p, variables=default_catalogue())
    assert t.header_notes == {
        "Einwohner insgesamt (1)": ["Hauptwohnsitz am 31.12."],
        "Ausländer2)": ["ohne Doppelstaatler"],
        "Arbeitslose³": ["Arbeitslose nach SGB II und III"],
        "Langzeitarbeitslose*)": ["ein Jahr und länger arbeitslos"],
        "Haushalte [5]": ["private Haushalte"],
        "Zuzüge (a)": ["über die Gemeindegrenze"],
    }
    assert t.variables == ["ew", "auslaender", "alo", "alo_lz", "hh", "zuzuege"]
    assert all(c.notes for c in t.columns)


def test_a_number_at_the_start_of_a_footnote_is_a_marker_only_for_a_header_that_has_it(tmp_path):
    p = write(
        tmp_path, "t.csv", "Gebiet;Einwohner insgesamt (1)\nA;1\nB;2\n\n1 Hauptwohnsitz\n3 Gemeinden ohne Angabe\n"
    )
    t = read_table(p)
    assert t.footnote_map == {"1": "Hauptwohnsitz"}
    assert t.footnotes == ["1 Hauptwohnsitz", "3 Gemeinden ohne Angabe"]


# ------------------------------------------------------------------------------------------------ year in the title


@pytest.mark.parametrize(
    "title, year",
    [
        ("Einwohner nach Blöcken, Stand 31.12.2014", 2014),
        ("Bevölkerung am 31.12.2014 nach Altersgruppen, Gebietsstand 01.01.2015", 2014),
        ("Bevölkerung 2014 (Datenstand: 15. März 2015)", 2014),
        ("Arbeitslose im Dezember 2014\n© Bundesagentur für Arbeit 2015", 2014),
        ("Tabelle 3\nBerichtsjahr;2014\nabgerufen am 02.03.2016", 2014),
        ("Statistischer Bericht\nJahr:;2014", 2014),
        ("Vergleich 2009 und 2014", None),
    ],
)
def test_year_in_the_title_lines(tmp_path, title, year):
    p = write(
        tmp_path,
        "t.csv",
        title + "\n\nGebiet;Einwohner insgesamt;Ausländer;Arbeitslose\nA;1;2;3\nB;4;5;6\n",
    )
    t = read_table(p, variables=default_catalogue())
    assert t.variables == ["ew", "auslaender", "alo"]  # the title line 'Berichtsjahr;2014' is not the header
    assert t.years == ([year] if year else [])
    if year:
        assert any(f"the year {year} was taken from the title" in w for w in t.warnings)


def test_year_in_the_title_of_an_xlsx(tmp_path):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kinder im SGB II nach Gemeinden"])
    ws.append(["Stichtag", dt.datetime(2014, 12, 31)])
    ws.append([])
    ws.append(["AGS", "Einwohner unter 15 Jahre", "Kinder im SGB II Bezug unter 15 Jahre"])
    ws.append(["05378004", 14851, 2184])
    ws.append(["05378008", 2499, 120])
    p = str(tmp_path / "t.xlsx")
    wb.save(p)
    t = read_table(p, variables=default_catalogue())
    assert t.years == [2014] and t.title[1] == "Stichtag 31.12.2014"
    assert t.wide(2014)[0].loc["05378004", "sgb2_u15"] == 2184


# ------------------------------------------------------------------------------------------------ two header rows


def _merged_xlsx(path, top, sub, rows, merges):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daten"
    ws.append(["Bevölkerung und SGB II nach Gemeinden"])
    ws.append(top)
    ws.append(sub)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return str(path)


def test_xlsx_with_years_under_merged_names(tmp_path):
    p = _merged_xlsx(
        tmp_path / "t.xlsx",
        ["AGS", "Gemeinde", "Einwohner insgesamt", None, "Kinder im SGB II Bezug unter 15 Jahre", None],
        [None, None, 2019, 2020, 2019, 2020],
        [
            ["05378004", "Bergisch Gladbach", 111846, 111645, 2100, 2184],
            ["05378008", "Burscheid", 18240, 18184, 300, 310],
        ],
        ["A2:A3", "B2:B3", "C2:D2", "E2:F2"],
    )
    t = read_table(p, variables=default_catalogue())
    assert t.header_row == 2 and t.years == [2019, 2020] and t.variables == ["ew", "sgb2_u15"]
    assert t.labels.loc["05378008", "Gemeinde"] == "Burscheid"
    assert t.wide(2020)[0].loc["05378004", "sgb2_u15"] == 2184


def test_xlsx_with_names_under_merged_years(tmp_path):
    """Years over the names (the upper row narrower than the table): was refused as 'both give the variable'."""
    p = _merged_xlsx(
        tmp_path / "t.xlsx",
        ["AGS", None, 2019, None, 2020, None],
        [None, "Gemeinde", "Einwohner insgesamt", "Ausländer", "Einwohner insgesamt", "Ausländer"],
        [
            ["05378004", "Bergisch Gladbach", 111846, 12000, 111645, 12100],
            ["05378008", "Burscheid", 18240, 1500, 18184, 1510],
        ],
        ["A2:A3", "C2:D2", "E2:F2"],
    )
    t = read_table(p, variables=default_catalogue())
    assert t.header_row == 2 and t.years == [2019, 2020] and t.variables == ["ew", "auslaender"]
    assert list(t.labels.columns) == ["Gemeinde"]
    v19, _ = t.wide(2019)
    assert v19.loc["05378008", "auslaender"] == 1500 and t.wide(2020)[0].loc["05378004", "ew"] == 111645


def test_xlsx_with_text_under_merged_names(tmp_path):
    """'Anzahl' and 'in %' under a merged name: was refused as 'the row has values but no key'."""
    p = _merged_xlsx(
        tmp_path / "t.xlsx",
        ["Gebiet", "Ausländer", None, "Arbeitslose", None],
        [None, "Anzahl", "in %", "Anzahl", "in %"],
        [["A", 10, 5.5, 3, 1.5], ["B", 20, 6.5, 4, 2.5]],
        ["A2:A3", "B2:C2", "D2:E2"],
    )
    t = read_table(p)
    assert t.variables == ["auslaender_anzahl", "auslaender_in", "arbeitslose_anzahl", "arbeitslose_in"]
    assert t.wide()[0].loc["B", "arbeitslose_in"] == 2.5


def test_xlsx_merged_ranges_are_read_not_guessed(tmp_path):
    """An empty upper cell that is not merged belongs to no name: 'Ausländer' (its name only in the lower row)
    was read as 'Einwohner insgesamt Ausländer', an unknown header, when the reader guessed merges."""
    p = _merged_xlsx(
        tmp_path / "t.xlsx",
        ["AGS", "Einwohner insgesamt", None, None],
        [None, 2019, 2020, "Ausländer"],
        [["05378004", 111846, 111645, 12000], ["05378008", 18240, 18184, 1500]],
        ["A2:A3", "B2:C2"],
    )
    t = read_table(p, variables=default_catalogue())
    assert t.years == [2019, 2020] and t.variables == ["ew", "auslaender"]
    assert [c.header for c in t.columns] == ["Einwohner insgesamt 2019", "Einwohner insgesamt 2020", "Ausländer"]
    assert t.wide(2020)[0].loc["05378008", "ew"] == 18184


def test_csv_with_two_header_rows_as_excel_saves_it(tmp_path):
    p = write(
        tmp_path,
        "t.csv",
        "Gebiet;2019;;2020;\n;Einwohner insgesamt;Ausländer;Einwohner insgesamt;Ausländer\nA;1;2;3;4\nB;5;6;7;8\n",
    )
    t = read_table(p, variables=default_catalogue())
    assert t.years == [2019, 2020] and t.wide(2020)[0].loc["B", "auslaender"] == 8


# ------------------------------------------------------------------------------------------------ XLSX formulas


def test_xlsx_formula_without_stored_result_is_a_warning(tmp_path):
    """openpyxl (and other scripts) write formulas without results: they were silently 'missing'."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["AGS", "Einwohner insgesamt", "Ausländer"])
    ws.append(["05378004", 100, 10])
    ws.append(["05378008", 50, "=B3/10"])
    ws.append(["05378012", "=B2+B3", 7])
    p = str(tmp_path / "t.xlsx")
    wb.save(p)
    t = read_table(p, variables=default_catalogue())
    vals, sts = t.wide()
    assert sts.loc["05378008", "auslaender"] == "missing" and math.isnan(vals.loc["05378008", "auslaender"])
    assert sts.loc["05378012", "ew"] == "missing" and vals.loc["05378004", "ew"] == 100
    raw = t.long.set_index(["key", "variable"])["raw"]
    assert raw[("05378008", "auslaender")] == "=B3/10"
    note = next(w for w in t.warnings if "formula" in w)
    assert "2 formula cell(s) have no stored result (row 3, column C: =B3/10; row 4, column B: =B2+B3)" in note
    assert "save it again" in note


def test_xlsx_formula_with_stored_result_is_read(tmp_path):
    """A workbook saved by Excel or LibreOffice holds the results: those are read, no warning."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["AGS", "Einwohner insgesamt"])
    ws.append(["05378004", 100])
    p = str(tmp_path / "t.xlsx")
    wb.save(p)
    t = read_table(p)
    assert not any("formula" in w for w in t.warnings)


# ------------------------------------------------------------------------------------------------ encodings


def test_mixed_utf8_and_cp1252_lines_are_read_line_by_line(tmp_path):
    """Two exports pasted together: UTF-8 lines and cp1252 lines. Was read as cp1252 throughout (garbled)."""
    data = (
        b"Gebiet;Einwohner insgesamt\n"
        + "Kürten;19.463\n".encode()
        + "Rösrath;28.000\n".encode("cp1252")
        + b"Overath;27.000\nOdenthal;15.000\n"
        + "Wermelskirchen (Süd);10.000\n".encode("cp1252")
    )
    t = read_table(write(tmp_path, "t.csv", data))
    assert t.keys == ["Kürten", "Rösrath", "Overath", "Odenthal", "Wermelskirchen (Süd)"]
    assert t.encoding == "utf-8+cp1252"
    assert t.warnings[0] == (
        "t.csv: the file is UTF-8, but 2 line(s) are not (3, 6): read as cp1252 (Windows). Check their umlauts, "
        "and save the file in one encoding (UTF-8)."
    )
    bom = write(tmp_path, "b.csv", b"\xef\xbb\xbf" + data)
    assert read_table(bom).keys[1] == "Rösrath" and read_table(bom).encoding == "utf-8-sig+cp1252"


def test_plain_cp1252_stays_cp1252(tmp_path):
    t = read_table(write(tmp_path, "t.csv", "Gebiet;Einwohner insgesamt\nKürten;1\nRösrath;2\n"))
    assert t.encoding == "cp1252" and t.keys == ["Kürten", "Rösrath"] and not t.warnings


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path, encoding):
    """Was 'binary content'."""
    p = write(tmp_path, "t.csv", "Gebiet;Einwohner 80 Jahre und älter\r\nKürten;1.234\r\n", encoding)
    t = read_table(p, variables=default_catalogue())
    assert t.encoding == encoding and t.keys == ["Kürten"] and t.wide()[0].loc["Kürten", "ew_80plus"] == 1234
    assert read_table(p, encoding=encoding).keys == ["Kürten"]  # given explicitly: no 'binary' either


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"SQLite format 3\x00", "an SQLite database or GeoPackage"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.xls or .doc: save it as .xlsx or CSV)"),
    ],
)
def test_a_file_that_is_no_table_says_what_it_is(tmp_path, head, kind):
    """A PNG named .csv was 'only one column'."""
    p = write(tmp_path, "bloecke_2024.csv", head + bytes(range(256)) * 3)
    with pytest.raises(InputError) as ei:
        read_table(p)
    assert str(ei.value).startswith(f"bloecke_2024.csv: this is not a text table but {kind}, although the name")


def test_an_xlsx_named_csv_is_told_to_be_renamed(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["AGS", "Einwohner insgesamt"])
    xlsx = tmp_path / "t.xlsx"
    wb.save(xlsx)
    p = write(tmp_path, "t.csv", xlsx.read_bytes())
    with pytest.raises(InputError, match=r"not a text table but an Excel workbook \(rename it to .xlsx\)"):
        read_table(p)
