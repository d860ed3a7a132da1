"""The body of a CSV table read by pandas' C parser gives exactly the cells the rows split in Python give.

The reader splits the first lines (title, header) and the last ones (footnotes) in Python and reads the body
column by column with pandas (core.tables.source.body_of_text); XLSX sheets and texts pandas cannot read exactly
(a quoted line break, NUL bytes) go through the rows split in Python (source.body_of_rows). Here every table is
read both ways and must give the same StatTable, or the same error with the same message.
"""

import csv
import dataclasses
import io
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import tables
from sozialplanung_plugin.core.catalogue import default_catalogue
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.tables import source

from ..helpers import EDGE_TEXTS, NOT_PLAIN, PLAIN, UTF8_TEXTS, H, generated

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
DEMO = HERE.parent.parent / "sozialplanung_plugin" / "resources" / "demo"


def _files(tmp_path):
    files = sorted(p for p in (DATA / "tables").iterdir() if p.suffix in (".csv", ".xlsx"))
    files += sorted(p for p in (DATA / "malformed").iterdir() if p.suffix not in (".py", ".md"))
    files += sorted(DEMO.glob("*.csv"))
    for name, text in EDGE_TEXTS.items():
        p = tmp_path / name
        p.write_bytes(text.encode("utf-8" if name in UTF8_TEXTS else "cp1252"))
        files.append(p)
    files.append(generated(tmp_path / "generated_bloecke.csv"))
    return files


@pytest.fixture
def rows_only():
    """rows_only(True) switches the pandas body off (every table split into rows in Python), (False) on again."""
    mp = pytest.MonkeyPatch()

    def use_rows(on):
        if on:
            original = source.body_of_text
            mp.setattr(source, "body_of_text", lambda *a, **k: None)
            mp.setattr(use_rows, "original", original, raising=False)
        else:
            mp.undo()

    yield use_rows
    mp.undo()


@pytest.fixture
def body_spy(monkeypatch):
    """Records for each read whether pandas read the body (True) or the rows split in Python did (False)."""
    seen = []
    original = source.body_of_text

    def spy(*args, **kwargs):
        out = original(*args, **kwargs)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(source, "body_of_text", spy)
    return seen


def _read(path, **kwargs):
    try:
        t = tables.read_table(str(path), **kwargs)
    except InputError as exc:
        return ("error", str(exc), exc.row, exc.column, exc.source)
    out = {
        "long": t.long,
        "keys": t.keys,
        "columns": [dataclasses.asdict(c) for c in t.columns],
        "warnings": t.warnings,
        "footnotes": t.footnotes,
        "footnote_map": t.footnote_map,
        "header_notes": t.header_notes,
        "title": t.title,
        "labels": t.labels,
        "misc": (
            t.key_column,
            t.layout,
            t.encoding,
            t.sep,
            t.decimal,
            t.header_row,
            t.sheet,
            t.years,
            t.variables,
            t.units,
        ),
    }
    try:
        out["wide"] = t.wide()
    except InputError as exc:
        out["wide"] = str(exc)
    for y in t.years:
        out[f"wide_{y}"] = t.wide(y)
    return out


def _frames_equal(x, y, where):
    """Cheap comparison first (DataFrame.equals runs in C); assert_frame_equal only to explain a difference."""
    if (
        x.equals(y)
        and list(x.dtypes) == list(y.dtypes)
        and x.index.equals(y.index)
        and list(x.columns) == list(y.columns)
    ):
        return
    pd.testing.assert_frame_equal(x, y, obj=where)


def _same(a, b, where):
    if isinstance(a, tuple) or isinstance(b, tuple):
        assert a == b, where
        return
    assert a.keys() == b.keys(), where
    for k in a:
        x, y = a[k], b[k]
        if isinstance(x, pd.DataFrame):
            _frames_equal(x, y, f"{where} {k}")
        elif isinstance(x, tuple) and x and isinstance(x[0], pd.DataFrame):
            for u, v in zip(x, y):
                _frames_equal(u, v, f"{where} {k}")
        else:
            assert x == y, f"{where} {k}"


def _both_ways(path, rows_only, **kwargs):
    rows_only(True)
    rows = _read(path, **kwargs)
    rows_only(False)
    body = _read(path, **kwargs)
    _same(rows, body, f"{Path(path).name} {sorted(kwargs)}")
    return rows


def test_pandas_body_reads_every_table_like_the_rows(tmp_path, rows_only):
    files = _files(tmp_path)
    assert len(files) >= 50
    n_errors = 0
    for path in files:
        for kwargs in ({}, {"variables": default_catalogue()}):
            n_errors += isinstance(_both_ways(path, rows_only, **kwargs), tuple)
    # the malformed corpus and the bad edge cases really raise (the comparison covers their messages)
    assert n_errors >= 2 * 30


def test_generated_table_values_by_hand(tmp_path):
    t = tables.read_table(str(generated(tmp_path / "g.csv", n=40)))
    vals, sts = t.wide()
    assert len(t.keys) == 40 and t.keys[0] == "053780000000"
    assert t.footnote_map == {"1": "ohne Heimbewohner"}
    assert t.years == [2024]
    raw = t.long.set_index(["key", "variable"])["raw"]
    for (k, v), r in raw.items():
        value, status = vals.loc[k, v], sts.loc[k, v]
        expect = tables.parse_cell(r)[:2] if r else (math.nan, "missing")
        assert status == expect[1]
        assert (math.isnan(value) and math.isnan(expect[0])) or value == expect[0]


@pytest.mark.parametrize("name", sorted(EDGE_TEXTS))
def test_rows_split_in_python_are_the_csv_rows(name):
    text = EDGE_TEXTS[name]
    sep = source.detect_sep(text)
    rows, complete = source.text_rows(text, sep, name)
    assert complete
    assert source.needs_csv_module(text, sep) == ('"' in text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    plain = []
    for rec in reader:
        plain.append((reader.line_num, [c if c and not c.isspace() else None for c in rec], len(rec)))
    # csv's line_num is the record's last line, ours its first: equal when no record spans lines
    assert [(r.line, r.cells, r.nfields) for r in rows] == plain


def test_object_codes_give_back_every_cell():
    """Codes of a text column by object address: every cell comes back, also for equal texts that are different
    objects (then two codes for one text) and for arrays whose addresses are not at hand (texts hashed)."""
    made = "".join(["1", "2"])  # a '12' that is another object than the literal
    arr = np.empty(7, dtype=object)
    arr[:] = ["12", "x", "12", "", made, "7 p", "x"]
    for a in (arr, arr[::2]):
        codes, uniques = source._object_codes(a)
        assert [uniques[c] for c in codes.tolist()] == list(a)
        assert set(uniques) == set(a)
        assert codes.dtype == np.int64 and codes[0] == 0  # numbered as first seen
    codes, uniques = source._object_codes(arr)
    assert codes[0] == codes[2] and codes[1] == codes[6]  # the same objects: one code
    assert source._object_codes(np.empty(0, dtype=object))[1] == []


def test_garbage_collector_state_is_restored(tmp_path):
    import gc

    p = generated(tmp_path / "g.csv", n=10)
    assert gc.isenabled()
    tables.read_table(str(p))
    assert gc.isenabled()
    gc.disable()
    try:
        tables.read_table(str(p))
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(InputError):
        tables.read_table(str(DATA / "malformed" / "duplicate_key.csv"))
    assert gc.isenabled()


# ------------------------------------------------------------------------------------------------------
# Tables of every layout: pandas reads their body, with the same result as the rows
# ------------------------------------------------------------------------------------------------------
#: of NOT_PLAIN, the tables whose integer cells are not in their shortest form: read as text after all
NOT_SHORTEST = {"leading_zero", "plus_sign", "minus_zero", "blank_in_cell", "exponent", "too_big"}


@pytest.mark.parametrize("name", sorted(PLAIN))
@pytest.mark.parametrize("catalogue", [False, True])
def test_plain_tables_read_like_the_rows(name, catalogue, tmp_path, rows_only, body_spy):
    text, kwargs = PLAIN[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(text.encode("cp1252"))
    if catalogue:
        kwargs = dict(kwargs, variables=default_catalogue())
    rows = _both_ways(path, rows_only, **kwargs)
    assert not isinstance(rows, tuple), rows  # these tables are readable
    assert body_spy[-1], f"{name}: pandas did not read the body"


@pytest.mark.parametrize("name", sorted(NOT_PLAIN))
def test_unusual_tables_read_like_the_rows(name, tmp_path, rows_only, body_spy):
    """Label columns, blank and heading rows, ragged rows, odd integers, errors: the same through pandas."""
    path = tmp_path / f"{name}.csv"
    path.write_bytes(NOT_PLAIN[name].encode("cp1252"))
    kwargs = {"key": "Schlüssel"} if name == "wrong_key_param" else {}
    _both_ways(path, rows_only, **kwargs)
    if body_spy:  # not reached for errors found in the header
        assert body_spy[-1], f"{name}: pandas did not read the body"


@pytest.mark.parametrize("name", sorted(NOT_SHORTEST))
def test_integers_not_in_shortest_form_are_read_as_text(name):
    """'007', '+7', '-0', ' 7', '1e3', 2**53: pandas would read a number, the raw text and status need the cell."""
    text = NOT_PLAIN[name]
    start = text.index("\n") + 1
    body = source.body_of_text(text, start, len(text), 2, ";", width=4, text_cols={0}, int_cols={1, 2, 3}, quoted=False)
    assert body is not None
    assert body.columns[2].ints is None  # the column with the odd cell (and the other integer columns) as text
    clean = H + "\n001;1;2;3\n002;4;5;6\n"
    body = source.body_of_text(
        clean, clean.index("\n") + 1, len(clean), 2, ";", width=4, text_cols={0}, int_cols={1, 2, 3}, quoted=False
    )
    assert all(c.ints is not None for c in body.columns[1:])


def test_plain_table_values_by_hand(tmp_path):
    text, _ = PLAIN["years_and_markers"]
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("cp1252"))
    t = tables.read_table(str(path), variables=default_catalogue())
    assert t.keys == ["05378004", "05378008"]  # AGS: leading zero restored, with a warning
    assert any("padded to 8 digits" in w for w in t.warnings)
    assert t.years == [2019, 2020]
    assert t.header_notes == {"Einwohner insgesamt 2019 (1)": ["1"]}
    vals, sts = t.wide()
    assert vals.loc["05378004", "ew_2019"] == 120.0 and vals.loc["05378008", "auslaender_2020"] == 0.0
    assert sts.loc["05378004", "ew_2019"] == "ok" and sts.loc["05378008", "auslaender_2020"] == "rounded_to_zero"
    assert t.long["raw"].tolist() == ["120", "121", "9", "80", "82", "0"]
    big = tmp_path / "big.csv"
    big.write_bytes(PLAIN["big_numbers"][0].encode("cp1252"))
    v, _ = tables.read_table(str(big)).wide()
    assert v.iloc[0].tolist() == [9007199254740991.0, 1234567890123.0, -9007199254740991.0]


def test_large_delivered_table(tmp_path, rows_only, body_spy):
    """A block table as the benchmark writes it (cp1252, ';', CRLF, 3,000 rows), and copies with one changed
    cell anywhere: pandas reads the body, with the result of the rows."""
    rng = np.random.default_rng(5)
    lines = ["Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre;Ausländer;Zuzüge"]
    for i in range(3000):
        ew = int(rng.integers(0, 400))
        lines.append(f"05378{i:07d};{ew};{rng.binomial(ew, 0.1)};{rng.binomial(ew, 0.1)};{rng.binomial(ew, 0.05)}")
    path = tmp_path / "bloecke_2024.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    rows = _both_ways(path, rows_only, variables=default_catalogue())
    assert body_spy[-1] and len(rows["keys"]) == 3000
    text = path.read_bytes().decode("cp1252")
    for old, new, readable in (
        (r";0\r\n", ";-\r\n", True),
        (r";\d+;", ";.;", True),
        (r";1", ";01", True),
        (r"\r\n0537", "\r\n\r\n0537", True),
        (r"\r\n0537", "\r\nHeading;;;;\r\n0537", True),
        (r";\d+;", ";abc;", False),
        (r"\r\n0537", '\r\n"0537', False),
    ):
        changed = tmp_path / "changed.csv"
        m = re.compile(old).search(text, len(text) // 2)
        changed.write_bytes((text[: m.start()] + new + text[m.end() :]).encode("cp1252"))
        got = _both_ways(changed, rows_only, variables=default_catalogue())
        assert isinstance(got, tuple) != readable, (old, new, got)


def test_pandas_reads_the_body_of_every_csv_of_the_corpus(tmp_path, body_spy):
    """No CSV of the corpus, the demo or the edge cases needs the rows split in Python for its body."""
    n = 0
    for path in _files(tmp_path):
        if path.suffix != ".csv":
            continue
        before = len(body_spy)
        _read(path)
        if len(body_spy) > before:
            n += 1
            assert body_spy[-1], path.name
    assert n >= 35


def test_quoted_line_break_goes_to_the_rows(tmp_path, body_spy):
    path = tmp_path / "q.csv"
    path.write_bytes('Gebiet;Name;Einwohner insgesamt\nA1;"Nord\nwest";1\nA2;Süd;2\n'.encode("cp1252"))
    t = tables.read_table(str(path))
    assert body_spy == [False]  # the record over two lines: the rows split in Python
    assert t.keys == ["A1", "A2"] and t.labels["Name"].tolist() == ["Nord\nwest", "Süd"]
    path.write_bytes('Gebiet;Einwohner insgesamt\nA1;1\nA2;"2\nA3;3\nA4;4\n'.encode("cp1252"))
    with pytest.raises(InputError, match='line 3: a quote \\(\\"\\) opened in this line is never closed'):
        tables.read_table(str(path))
    # far below the first lines: found by pandas, told by the csv module
    path.write_bytes(
        ("Gebiet;Einwohner insgesamt\n" + "".join(f"A{i};{i}\n" for i in range(300)) + 'B;"2\nC;3\nD;4\n').encode()
    )
    with pytest.raises(InputError, match='line 302: a quote \\(\\"\\) opened in this line is never closed'):
        tables.read_table(str(path))


def test_symbols_and_footnotes_by_hand(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(PLAIN["footnotes"][0].encode("cp1252"))
    t = tables.read_table(str(path), variables=default_catalogue())
    assert t.years == [2025] and t.title == ["Bevölkerung nach Blöcken, Stand 31.12.2025"]
    assert t.footnotes == ["(1) Hauptwohnsitz. Zeichen: - = genau null, . = geheim", "Quelle: Melderegister"]
    assert t.footnote_map == {"1": "Hauptwohnsitz. Zeichen: - = genau null, . = geheim"}
    assert t.header_notes == {"Einwohner insgesamt (1)": ["Hauptwohnsitz. Zeichen: - = genau null, . = geheim"]}
    vals, sts = t.wide()
    assert sts.loc["053780040012", "auslaender"] == "suppressed_or_unknown" and math.isnan(
        vals.loc["053780040012", "auslaender"]
    )
    assert sts.loc["053780040013", "auslaender"] == "exact_zero" and vals.loc["053780040013", "auslaender"] == 0
    path.write_bytes(PLAIN["empty_cell"][0].encode("cp1252"))
    t = tables.read_table(str(path))
    assert t.warnings[-1].startswith("2 empty cell(s) read as 'missing'")
    assert t.long["raw"].tolist() == ["1", "2", "3", "4", "", "6", "5", "", "7"]
    path.write_bytes(PLAIN["decimal_comma"][0].encode("cp1252"))
    t = tables.read_table(str(path))
    vals, _ = t.wide()
    assert vals["einwohner_insgesamt"].tolist() == [1234.0, 12.0, 1234567.0]
    assert vals["anteil_auslaender_in"].tolist() == [10.8, 9.3, 0.5] and t.units == {"anteil_auslaender_in": "%"}


# ------------------------------------------------------------------------------------------------------
# Fast paths of the body: each must give what the exact path gives, and hand over what it cannot read
# ------------------------------------------------------------------------------------------------------

#: a cp1252 / latin-1 table whose body is not ASCII: umlauts in the label column and in heading rows of the key
#: column, '€' (0x80 in cp1252), a superscript marker and an en dash in value columns, a blank line
ONE_BYTE = (
    "Blocknummer;Gemeinde;Einwohner insgesamt;Ausländer\r\n"
    "Gemeinde Kürten;;;\r\n"
    "053780040012;Kürten;120;7\r\n"
    "053780040013;Über Röhe;35;5¹\r\n"
    "\r\n"
    "053780040014;Ort €;12;\u2013\r\n"
    "053780040015;Rösrath;-;.\r\n"
    "Gemeinde Rösrath;;;\r\n"
    "053780040016;Rösrath;0;3\r\n"
)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
@pytest.mark.parametrize("escapes", [True, False])
def test_one_byte_body_read_as_utf8_with_escapes(codec, escapes, tmp_path, rows_only, body_spy, monkeypatch):
    """pandas reads the bytes of a cp1252 / latin-1 body as they are (surrogateescape) and the text cells are
    decoded again: the same table as the rows give, and as the body encoded to UTF-8 gives (pandas without
    escapes)."""
    text = ONE_BYTE if codec == "cp1252" else ONE_BYTE.replace("€", "¤").replace("\u2013", "-")
    path = tmp_path / "one_byte.csv"
    path.write_bytes(text.encode(codec))
    source._pandas_escapes.cache_clear()
    if not escapes:
        monkeypatch.setattr(source, "_pandas_escapes", lambda: False)
    bodies, body = [], source.Encoded.body
    monkeypatch.setattr(source.Encoded, "body", lambda self, *a: bodies.append(body(self, *a)) or bodies[-1])
    rows = _both_ways(path, rows_only, variables=default_catalogue())
    assert not isinstance(rows, tuple), rows
    assert body_spy[-1]
    # the file's bytes handed to pandas as they are, or (no escapes) the text encoded
    assert [b[1] for b in bodies] == (["cp1252"] if escapes else [None])
    assert rows["misc"][2] == "cp1252"  # latin-1 bytes without 0x80-0x9f are read as cp1252 (the same text)
    t = tables.read_table(str(path))
    assert t.labels["Gemeinde"].tolist()[:2] == ["Kürten", "Über Röhe"]
    assert t.long["raw"].tolist()[3] == "5¹"
    assert any("'Gemeinde Kürten' has no values" in w for w in t.warnings)
    # the encoding given: cp1252 bytes that are valid UTF-8 too ('Ã¼' is C3 BC, UTF-8 for 'ü') stay cp1252
    path.write_bytes(text.replace("Über", "Ã¼ber").encode(codec))
    rows = _both_ways(path, rows_only, encoding=codec)
    assert body_spy[-1] and rows["labels"]["Gemeinde"].tolist()[1] == "Ã¼ber Röhe"


def test_pandas_escapes_are_probed():
    source._pandas_escapes.cache_clear()
    assert source._pandas_escapes() is True  # pandas 1.3 and later


def test_recode_texts_gives_every_byte_back():
    """Every byte of cp1252 and latin-1 (but NUL and what splits a line) in a cell read by pandas as UTF-8 with
    surrogateescape comes back as the codec's character, also in sequences that are valid UTF-8."""
    rng = np.random.default_rng(7)
    alphabet = [b for b in range(1, 256) if b not in b';\r\n"']
    for codec in ("cp1252", "latin-1"):
        ok = [b for b in alphabet if codec != "cp1252" or b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
        cells = [bytes(rng.choice(ok, size=int(rng.integers(1, 6))).tolist()) for _ in range(400)]
        cells += [b"\xc3\xbc", b"\xe2\x82\xac", b"\xc3", b"\xf0\x9f\x98\x80", b"abc"]
        raw = b";".join(cells) + b"\n"
        kw = dict(encoding="utf-8", encoding_errors="surrogateescape", sep=";", header=None, dtype=object)
        got = source._read_columns(raw, dict(kw, engine="c", na_filter=False, quoting=csv.QUOTE_NONE))
        texts = [got[j][0] for j in range(len(cells))]
        assert source.recode_texts(texts, codec) == [c.decode(codec) for c in cells]
    assert source.recode_texts(["a", "b"], "cp1252") == ["a", "b"] and source.recode_texts([], "cp1252") == []
    assert source.recode_texts(["K\udcfcrten"], None) == ["K\udcfcrten"]  # no codec: nothing to do


def _column_of_codes_by_the_rule(codes, uniques):
    """The rule of _column_of_codes written plainly: blank texts ('' or blanks only) become code -1, the other
    texts keep their order."""
    keep = [u for u in uniques if u and not u.isspace()]
    new = {k: keep.index(u) for k, u in enumerate(uniques) if u and not u.isspace()}
    return [new.get(c, -1) for c in codes], keep


@pytest.mark.parametrize(
    "uniques",
    [
        [],
        ["a"],
        [""],
        ["", "a"],
        ["a", ""],
        ["a", "", "b", ""],
        [" "],
        ["a", "  ", "b"],
        ["a b", " a", "b "],
        ["\x00", "a"],
        ["\x00 ", " \x00", "\t"],
        ["a", "", " ", "\u2028", "b"],
        [str(i) for i in range(50)] + [""],
    ],
)
def test_column_of_codes_makes_blank_texts_blank(uniques):
    codes = list(range(len(uniques))) + list(range(len(uniques)))[::-1]
    want_codes, want_uniques = _column_of_codes_by_the_rule(codes, uniques)
    for joined in (None, "".join(uniques)):  # the joined texts given (the body reader has them) or not
        col = source._column_of_codes(np.array(codes, dtype=np.int64), list(uniques), joined)
        assert col.codes.tolist() == want_codes and col.uniques == want_uniques
        assert col.joined is None or col.joined == "".join(col.uniques)


@pytest.mark.parametrize(
    "keys, width",
    [
        (["001", "002", "010"], 3),
        (["A1", "A2", "B1"], 2),
        (["001", "002", "002"], None),  # a key twice
        (["002", "001"], None),  # not ascending
        (["01", "002", "003"], None),  # two lengths
        (["001", "02", "003"], None),  # two lengths, the same number of characters as 3 x 2 + 1
        (["00", "01x"], None),
        (["Kürten", "Overath"], None),  # not ASCII: the set decides
        (["a\nb", "c\nd"], None),  # a line break inside
        (["a\x00", "b\x00"], None),
        (["001"], None),
        ([], None),
        ([f"05378{i:07d}" for i in range(5000)], 12),
    ],
)
def test_ascending_width(keys, width):
    """Keys of one length in strictly ascending order are distinct: the duplicate check and the search for the
    shortest key are skipped for them; anything else goes to the set and the lengths as before."""
    from sozialplanung_plugin.core.tables import reader

    assert reader._ascending_width(keys) == width
    if width is not None:
        assert len(set(keys)) == len(keys) and {len(k) for k in keys} == {width}


def test_duplicate_and_padded_keys_of_one_width(tmp_path):
    """Keys of one width that repeat, or that are padded (shorter than an AGS), are still found."""
    path = tmp_path / "k.csv"
    path.write_bytes(b"Gebiet;Einwohner insgesamt\n001;1\n002;2\n002;3\n")
    with pytest.raises(InputError, match="the key '002' occurs twice"):
        tables.read_table(str(path))
    path.write_bytes(b"AGS;Einwohner insgesamt\n5378004;1\n5378008;2\n")
    t = tables.read_table(str(path))
    assert t.keys == ["05378004", "05378008"] and any("padded to 8 digits" in w for w in t.warnings)
    path.write_bytes(b"AGS;Einwohner insgesamt\n05378004;1\n5378004;2\n")
    with pytest.raises(InputError, match="the key '05378004' occurs twice"):
        tables.read_table(str(path))


def test_recode_texts_of_many_texts():
    """Many texts (a key column with heading rows): only the texts that are not ASCII are made again."""
    texts = [f"05378{i:07d}" for i in range(1000)]
    raw = [t.encode("cp1252") for t in texts]
    for i, name in ((0, "Gemeinde Kürten"), (17, "Ort €"), (500, "Ã¼"), (999, "Rösrath")):
        texts[i] = name.encode("cp1252").decode("utf-8", "surrogateescape")
        raw[i] = name.encode("cp1252")
    out = source.recode_texts(texts, "cp1252")
    assert out == [r.decode("cp1252") for r in raw]
    assert all(out[i] is texts[i] for i in range(1, 999) if i not in (17, 500))  # ASCII texts kept as they are
