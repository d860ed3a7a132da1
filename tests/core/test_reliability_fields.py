"""Indicator fields with text (issue 15): a partly-text field is refused naming units and values, never read as
missing without a word; numbers stored as text are read."""

import math

import pandas as pd
import pytest

from sozialplanung_plugin.core import index, strengths
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.fields import number_from_text


@pytest.mark.parametrize(
    "text,value",
    [
        ("531", 531.0),
        ("4.4", 4.4),
        (" 12,5 ", 12.5),
        ("-3", -3.0),
        ("1.234", 1.234),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        (".5", 0.5),
        ("1e3", 1000.0),
    ],
)
def test_number_from_text_reads_numbers(text, value):
    assert number_from_text(text) == value


@pytest.mark.parametrize("text", ["531 EW", "hoch", ".", "-", "x", "12,5,3", "", "1.2.3,4,5"])
def test_number_from_text_refuses_what_is_not_only_a_number(text):
    assert number_from_text(text) is None


def test_partly_text_field_is_refused_with_the_units_and_values():
    data = pd.DataFrame({"key": ["a", "b", "c", "d"], "ew": ["1200", "531 EW", None, "7,5"]})
    data.attrs["unit_key"] = "key"
    with pytest.raises(InputError) as err:
        index.indicator_column(data, "ew", "residents")
    msg = str(err.value)
    assert "Field 'ew' for residents: 1 of 4 units hold text that is no number (unit 'b': '531 EW')" in msg
    assert "remove units such as 'EW'" in msg


def test_units_named_by_row_without_key_and_more_than_three_counted():
    data = pd.DataFrame({"q": ["1", "x", "y", "z", "w", "2"]})
    with pytest.raises(InputError, match=r"4 of 6 units .*\(row 2: 'x', row 3: 'y', row 4: 'z' and 1 more\)"):
        index.indicator_column(data, "q")


def test_numbers_as_text_and_blanks_are_read():
    data = pd.DataFrame({"q": ["4.4", "12,5", " ", "NULL", None, 3]})
    got = index.indicator_column(data, "q").tolist()
    assert got[:2] == [4.4, 12.5] and all(math.isnan(v) for v in got[2:5]) and got[5] == 3.0


def test_strengths_columns_name_the_space_by_its_key():
    frame = pd.DataFrame({"sgb2_quote_2024": [4.0, "hoch", 6.0]}, index=pd.Index(["r1", "r2", "r3"], name="key"))
    with pytest.raises(InputError, match=r"1 of 3 units hold text that is no number \(unit 'r2': 'hoch'\)"):
        strengths._col(frame, "sgb2_quote_2024")
