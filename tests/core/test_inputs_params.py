"""The parameter values core.inputs reads (issue 19): change periods as a table From | To or as the old text,
years as a list or a text. Both forms give the same result; bad values are refused naming them."""

import pytest

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.inputs import YearError, parse_change_pairs, year_list, year_sequence

YEARS = [2009, 2014, 2023, 2024, 2025]
PAIRS = [(2009, 2014), (2014, 2025)]


@pytest.mark.parametrize(
    "value",
    [
        "2009-2014, 2014-2025",  # the old text (models, scripts, qgis_process calls written for it)
        "2009 – 2014; 2014 bis 2025",
        "2009,2014,2014,2025",  # a matrix on the qgis_process command line
        " 2009 , 2014 , 2014 , 2025 ",
        [2009, 2014, 2014, 2025],  # the table as processing.run gives it
        ["2009", "2014", "2014", "2025", "", ""],  # the dialog's table with an empty row left
        [2009.0, 2014.0, 2014.0, 2025.0],
        ["2009-2014, 2014-2025"],  # the old text in one cell
    ],
)
def test_change_periods_both_forms(value):
    assert parse_change_pairs(value, YEARS) == PAIRS


@pytest.mark.parametrize("value", [None, "", "  ", [], ["", ""]])
def test_no_change_periods_means_first_to_last(value):
    assert parse_change_pairs(value, YEARS) is None


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("2020/2024", ["'2020/2024'", "2009-2014"]),  # not understood: the message shows the form
        ("2014-2009", ["'2014-2009'", "first year must be before"]),
        ("2014-2014", ["'2014-2014'", "before"]),
        ("2009-2019", ["'2009-2019'", "no year 2019", "2009, 2014, 2023, 2024, 2025"]),
        ([2009, 2014, 2025, 2014], ["'2025-2014'", "before"]),
        ([2009, 2014, 2014, 2019], ["'2014-2019'", "no year 2019"]),
        ([2009, 2014, 2014, ""], ["'2014-?'", "give both years"]),
        (["2009", "zwanzig"], ["'2009-zwanzig'", "'zwanzig' is no year"]),
        ("2009,2014,2025", ["3 years", "two (From, To)"]),
        ("2009,2014,2014,2030", ["'2014-2030'", "no year 2030"]),
    ],
)
def test_bad_change_periods_are_named(value, named):
    with pytest.raises(InputError) as err:
        parse_change_pairs(value, YEARS)
    for part in named:
        assert part in str(err.value), (part, str(err.value))


@pytest.mark.parametrize(
    "value", ["2014, 2024", "2024,2014", "2014 2024", "2014;2024", "2014-2024", [2024, 2014], ["2014", "2024", "2014"]]
)
def test_year_list_forms(value):
    assert year_list(value) == [2014, 2024]


def test_year_sequence_keeps_order_and_repeats():
    # aggregateindicators: one year per table without a year column, in the order of the tables
    assert year_sequence("2024, 2014, 2014") == [2024, 2014, 2014]
    assert year_sequence([2024.0, "2014"]) == [2024, 2014]
    assert year_sequence("") == [] and year_sequence(None) == []


@pytest.mark.parametrize(("value", "bad"), [("2024-20x", "20x"), ("zwanzig", "zwanzig"), ("2014, 1899", "1899")])
def test_bad_years_are_named(value, bad):
    with pytest.raises(YearError) as err:
        year_list(value, "Years")
    assert err.value.part == bad and f"'{bad}' is no year" in str(err.value)


def test_the_messages_are_german_with_the_shipped_translation():
    from sozialplanung_plugin.core import i18n

    from ..helpers import core_german

    table = core_german()
    i18n.set_translator(lambda s: table.get(s, s))
    try:
        with pytest.raises(InputError) as err:
            parse_change_pairs([2014, 2009], YEARS)
        assert str(err.value) == "Veränderungszeitraum „2014-2009“: Das erste Jahr muss vor dem zweiten liegen."
        with pytest.raises(InputError) as err:
            year_list("2024, 20x", "Jahre")
        assert str(err.value).startswith("Parameter „Jahre“: „20x“ ist kein Jahr.")
    finally:
        i18n.set_translator(None)
