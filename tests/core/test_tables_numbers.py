"""Columns of plain German numbers read by pandas as numbers (source.body_of_text, decimal=',', thousands='.'):
the same values, statuses, raw texts and error messages as the text reader, cell for cell.

A column is read as numbers when its first rows are plain numbers of one form (digits after the comma,
thousands dots or not); every cell is then checked on the file's bytes, and a column with one cell out of its
form is read as text after all. These tests put such cells anywhere, also far below the rows the form is taken
from, and compare the table with the one read with FLOAT_COLUMNS off and with the one read through the rows split
in Python.
"""

import math

import pytest

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.tables import read_table
from sozialplanung_plugin.core.tables import source as table_source


def write(tmp_path, name, text, encoding="cp1252"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def _read(path, **kw):
    try:
        return read_table(path, **kw)
    except InputError as e:
        return e


def _read_three_ways(path, **kw):
    """(the table as read, with columns of numbers read as text, through the Python rows)."""
    fast = _read(path, **kw)
    original = table_source.FLOAT_COLUMNS
    table_source.FLOAT_COLUMNS = False
    try:
        text = _read(path, **kw)
    finally:
        table_source.FLOAT_COLUMNS = original
    body = table_source.body_of_text
    table_source.body_of_text = lambda *a, **k: None
    try:
        rows = _read(path, **kw)
    finally:
        table_source.body_of_text = body
    return fast, text, rows


def _bits(frame):
    """The value column as the bytes of its floats: 0.0 and -0.0 differ, NaN equals NaN."""
    return frame["value"].to_numpy(dtype="float64").tobytes()


def assert_same(a, b):
    if isinstance(a, InputError) or isinstance(b, InputError):
        assert isinstance(a, InputError) and isinstance(b, InputError), (a, b)
        assert (str(a), a.row, a.column) == (str(b), b.row, b.column)
        return
    assert a.long.drop(columns="value").equals(b.long.drop(columns="value"))
    assert _bits(a.long) == _bits(b.long)
    assert (a.keys, a.warnings, a.footnotes, a.decimal, a.columns) == (
        b.keys,
        b.warnings,
        b.footnotes,
        b.decimal,
        b.columns,
    )
    assert a.labels.equals(b.labels)


def _uses_numbers(path):
    """Whether the body of the file is read with columns of numbers (the fast path is taken at all)."""
    seen = []
    original = table_source._float_cells

    def spy(*a):
        out = original(*a)
        seen.append(sorted(out[0]) if out else [])
        return out

    table_source._float_cells = spy
    try:
        _read(path)
    finally:
        table_source._float_cells = original
    return seen and seen[0]


def _table(cells_by_row, label=False, eol="\r\n"):
    head = (
        "Blocknummer;" + ("Gemeinde;" if label else "") + ";".join(f"Merkmal {j}" for j in range(len(cells_by_row[0])))
    )
    lines = [head]
    for i, row in enumerate(cells_by_row):
        lines.append(f"05378{i:07d};" + ("05 Mitte;" if label else "") + ";".join(row))
    return eol.join(lines) + eol


# ------------------------------------------------------------------------------------------ hand-computed values


def test_plain_german_numbers_read_as_numbers_bit_for_bit(tmp_path):
    rows = [["1.234", "12,3", "0,1"], ["-1.234.567", "-0,0", "0,2"], ["999", "100,0", "0,3"]]
    rows += [["1.000", "7,5", "0,30000000000000004"]]  # 17 digits and another form: the column read as text
    p = write(tmp_path, "n.csv", _table(rows + [["12", "1,0", "0,5"]] * 150))
    assert _uses_numbers(p)[:2] == [1, 2]  # the third column has a cell of 17 digits: text
    t = read_table(p)
    v = t.long.set_index(["key", "variable"])
    first = v.loc["053780000000"]
    assert first["value"].tolist() == [1234.0, 12.3, 0.1]
    assert first["raw"].tolist() == ["1.234", "12,3", "0,1"]
    second = v.loc["053780000001"]
    assert second["value"].tolist()[:2] == [-1234567.0, 0.0]
    assert math.copysign(1.0, second["value"].tolist()[1]) == -1.0  # '-0,0' keeps its sign, as float('-0.0')
    assert second["status"].tolist() == ["ok", "rounded_to_zero", "ok"]
    assert second["raw"].tolist() == ["-1.234.567", "-0,0", "0,2"]
    assert v.loc["053780000002"]["value"].tolist() == [999.0, 100.0, 0.3]
    assert v.loc["053780000003"]["value"].tolist()[2] == 0.1 + 0.2 != 0.3  # 0.30000000000000004, exactly
    assert v.loc["053780000003"]["raw"].tolist()[2] == "0,30000000000000004"
    fast, text, rows_ = _read_three_ways(p)
    assert_same(fast, text)
    assert_same(fast, rows_)


@pytest.mark.parametrize(
    "cell, where",
    [
        ("12.34", 3),  # not a German number (thousands='.' would make it 1234)
        ("12.34", 160),
        ("1e5", 160),  # scientific notation: refused, not 100000
        ("1,5e3", 160),
        ("12,", 160),
        (",5", 160),  # a German number, but out of the column's form: read as text, 0.5
        ("+5,0", 160),
        (" 5,0", 160),
        ("5,0 ", 160),
        ("012,3", 160),
        ("12,30", 160),
        ("1.234,5", 160),
        ("12,3\u00b9", 160),  # a footnote marker
        ("12,3*", 160),
        (".", 160),
        ("-", 160),
        ("x", 160),
        ("", 160),
        ("1..234", 160),
        ("1.2345", 160),
        ("inf", 160),
        ("nan", 160),
        ("1234567890123456,7", 160),  # more digits than a float holds exactly
        ("9.007.199.254.740.993", 160),
        ("12,3 p", 160),
    ],
)
def test_a_cell_out_of_its_columns_form_reads_as_the_text_reader_reads_it(tmp_path, cell, where):
    rows = [["1.234", "12,3"] for _ in range(200)]
    rows[where][1] = cell
    rows[where + 1][0] = cell.replace(",", "") if "," in cell else cell
    p = write(tmp_path, "n.csv", _table(rows))
    fast, text, rows_ = _read_three_ways(p)
    assert_same(fast, text)
    assert_same(fast, rows_)


def test_errors_name_line_and_column_as_before(tmp_path):
    rows = [["1.234", "12,3"] for _ in range(200)]
    rows[150][1] = "1,5e3"
    p = write(tmp_path, "n.csv", _table(rows))
    with pytest.raises(InputError) as e:
        read_table(p)
    assert str(e.value).startswith(
        "n.csv, line 152, column 3 ('Merkmal 1'): '1,5e3' is not a number (the cell is in scientific notation"
    )
    assert e.value.row == 152


def test_label_column_with_numbers_like_names_and_line_ends(tmp_path):
    rows = [["1.234", "12,3"], ["5", "0,0"]] * 80
    for eol in ("\r\n", "\n"):
        p = write(tmp_path, "l.csv", _table(rows, label=True, eol=eol))
        assert _uses_numbers(p) == [2, 3]
        t = read_table(p)
        assert t.labels["Gemeinde"].tolist()[:2] == ["05 Mitte", "05 Mitte"]
        fast, text, rows_ = _read_three_ways(p)
        assert_same(fast, text)
        assert_same(fast, rows_)
    p = write(tmp_path, "e.csv", _table(rows).rstrip("\r\n"))  # no line break after the last line
    assert _uses_numbers(p) == [1, 2]
    fast, text, rows_ = _read_three_ways(p)
    assert_same(fast, text)
    assert_same(fast, rows_)


def test_decimal_points_are_not_read_as_german(tmp_path):
    """'1.234' alone says nothing; a column of '12.5' elsewhere makes the table English: read again as text."""
    rows = [["1.234", "12.5"] for _ in range(150)]
    p = write(tmp_path, "en.csv", _table(rows))
    t = read_table(p)
    assert t.decimal == "." and t.long["value"].tolist()[:2] == [1.234, 12.5]
    fast, text, rows_ = _read_three_ways(p)
    assert_same(fast, text)
    assert_same(fast, rows_)


def test_mixed_line_ends_a_stray_carriage_return_and_numbers_in_the_first_column(tmp_path):
    body = [f"{i % 7},{i % 10};1.{i % 1000:03d};05378{i:07d}" for i in range(150)]
    text = "Anteil;Einwohner;Blocknummer\r\n" + "".join(ln + ("\r\n" if i % 3 else "\n") for i, ln in enumerate(body))
    p = write(tmp_path, "m.csv", text)
    assert _uses_numbers(p) == [0, 1]
    t = read_table(p, key="Blocknummer")
    assert t.long["raw"].tolist()[:4] == ["0,0", "1.000", "1,1", "1.001"]
    fast, text_, rows_ = _read_three_ways(p, key="Blocknummer")
    assert_same(fast, text_)
    assert_same(fast, rows_)
    stray = text.replace("1.120;", "1.1\r20;")  # a '\r' alone ends a line for pandas and the csv module
    p = write(tmp_path, "s.csv", stray)
    fast, text_, rows_ = _read_three_ways(p, key="Blocknummer")
    assert_same(fast, text_)
    assert_same(fast, rows_)


@pytest.mark.parametrize(
    "change",
    [
        None,
        ("cell", "12.34"),  # out of its form in the last piece of the body
        ("cell", "1e5"),
        ("line", "05378999999;1.234;12,3;7"),  # a wider line: more separators than the lines need
        ("line", "05378999999;1.234"),  # a shorter line
        ("line", "05378999999;1.234;12,3\r05378999998;1.234;12,3"),  # a lone '\r' (pandas: two lines)
    ],
)
def test_bodies_longer_than_one_piece_of_the_separator_search(tmp_path, change):
    """The separators and digits are found in pieces of 128 KiB: a body of several pieces, with the odd cell or
    line in the last one, reads as the text reader and the rows read it."""
    rows = [[f"{(i * 7919) % 100000:,}".replace(",", "."), f"{i % 1000},{i % 10}"] for i in range(20000)]
    text = _table(rows)
    assert len(text) > 3 * (1 << 17)
    if change and change[0] == "cell":
        lines = text.split("\r\n")
        cells = lines[-3].split(";")
        cells[2] = change[1]
        lines[-3] = ";".join(cells)
        text = "\r\n".join(lines)
    elif change:
        text = text + change[1] + "\r\n"
    p = write(tmp_path, "n.csv", text)
    fast, text_read, rows_ = _read_three_ways(p)
    assert_same(fast, text_read)
    assert_same(fast, rows_)
    if change is None:
        assert _uses_numbers(p) == [1, 2]
