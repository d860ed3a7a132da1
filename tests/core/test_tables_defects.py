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


# ------------------------------------------------------------------------------------------------ text fields


@pytest.mark.parametrize("values", [["531 EW", "12 EW", None], ["viel", "wenig", "mittel"]])
def test_text_indicator_field_is_diagnosed_as_text(values):
    from sozialplanung_plugin.core import index

    data = pd.DataFrame({"key": ["a", "b", "c"], "ew": values})
    with pytest.raises(InputError, match=r"Field 'ew' for indicator holds text, not numbers \(e.g. '"):
        index._column(data, "ew")
    data = pd.DataFrame({"key": ["a", "b", "c"], "ew": [None, math.nan, " "]})
    assert index._column(data, "ew").isna().all()  # empty stays empty: the caller says 'all missing'
