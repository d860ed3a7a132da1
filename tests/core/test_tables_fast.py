"""The fast paths of the table reader give exactly what the plain row-by-row code gives.

tables._FAST switches the fast steps (str.split instead of csv for quote-free text, last data row searched
from the end, one row matrix for columns and keys, paused garbage collector, ...) on and off; every table
below is read both ways and must give the same StatTable, or the same error with the same message.
"""
import csv
import dataclasses
import io
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import tables
from sozialplanung_plugin.core.catalogue import default_catalogue
from sozialplanung_plugin.core.errors import InputError

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
DEMO = HERE.parent.parent / "sozialplanung_plugin" / "resources" / "demo"

EDGE_TEXTS = {
    "title_blank_footnotes.csv": "Tabelle 1: Test Stand 31.12.2020\n\nBlocknummer;Einwohner insgesamt;Ausländer;"
                                 "Gemeinde\n001; 12 ;  ;Adorf\n002;1.234;-;Bdorf\n  ;  ;\n003;(5);.;Cdorf\n\n"
                                 "(1) Quelle: test\nStand: 2021\n",
    "cr_only.csv": "Blocknummer;Einwohner insgesamt 2019;Einwohner insgesamt 2020\r001;1;2\r002;3,5;4 p\r",
    "quoted.csv": "Blocknummer;\"Einwohner; insgesamt\";Ausländer\n\"001\";\"1.234\";5\n002;\"x\";*\n",
    "tabs.tsv": "Gebiet\tEinwohner insgesamt\tArbeitslose\nA\t1\t2\nB\t\t3\n\t\t\nC\t4\t5\t\n",
    "ragged.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1\n002;3;4;;\n003;;\n004;5;6\nQuelle: x;;\n",
    "unicode_symbols.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1\u00a0234;\u2013\n002;\u2026;\u00d7\n"
                           "003;5\u00b9;7 %\n",
    "duplicate_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n002;2\n001;3\n",
    "english.csv": "Blocknummer,Einwohner insgesamt,Share\n001,1234,10.5\n002,\"1,234\",3.25\n",
    "bad_cells.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;abc\n002;2;3\n003;x1;abc\n",
    "odd_line_breaks.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;2\x0c\n002;2;3\x85\n003;4;5\u2028\n",
    "scientific_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n5,37E+11;2\n",
    "empty_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n;2\n",
    "label_column.csv": "Gebiet;Name;Einwohner insgesamt\nA1;Nord;1\nA2;Süd;2\nA2b;West;.\n",
    "trailing_sep.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;\n;002;2;3\n002;2;3\n",
    "lf_crlf_mixed.csv": "Blocknummer;Einwohner insgesamt\r\n001;1\n\n002;2\r\n\r\n003;3",
}


def _generated(path, n=3000, seed=3):
    """A block table as delivered: title, symbols, blank and spaced cells, thousands dots, footnotes."""
    rng = np.random.default_rng(seed)
    symbols = ["-", ".", "x", "/", "...", "*", "(12)", "5 p", "0", "0,0", "1.234", " 7 ", "", "\u2026", "|3"]
    lines = ["Statistischer Bericht Stand 31.12.2024", "",
             "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre (1);Ausländer;Gemeinde"]
    for i in range(n):
        cells = [f"05378{i:07d}"]
        for _ in range(3):
            cells.append(str(rng.choice(symbols)) if rng.random() < 0.2 else str(int(rng.integers(0, 500))))
        cells.append(f"Ort {'ABC'[i % 3]}")
        lines.append(";".join(cells))
    lines += ["", "(1) ohne Heimbewohner", "Quelle: Einwohnermelderegister"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _files(tmp_path):
    files = sorted(p for p in (DATA / "tables").iterdir() if p.suffix in (".csv", ".xlsx"))
    files += sorted(p for p in (DATA / "malformed").iterdir() if p.suffix not in (".py", ".md"))
    files += sorted(DEMO.glob("*.csv"))
    for name, text in EDGE_TEXTS.items():
        p = tmp_path / name
        p.write_bytes(text.encode("utf-8" if name in ("odd_line_breaks.csv", "unicode_symbols.csv") else "cp1252"))
        files.append(p)
    files.append(_generated(tmp_path / "generated_bloecke.csv"))
    return files


def _read(path, fast, monkeypatch, **kwargs):
    monkeypatch.setattr(tables, "_FAST", fast)
    try:
        t = tables.read_table(str(path), **kwargs)
    except InputError as exc:
        return ("error", str(exc), exc.row, exc.column, exc.source)
    out = {"long": t.long, "keys": t.keys, "columns": [dataclasses.asdict(c) for c in t.columns],
           "warnings": t.warnings, "footnotes": t.footnotes, "footnote_map": t.footnote_map,
           "header_notes": t.header_notes, "title": t.title, "labels": t.labels,
           "misc": (t.key_column, t.layout, t.encoding, t.sep, t.decimal, t.header_row, t.sheet, t.years,
                    t.variables, t.units)}
    try:
        out["wide"] = t.wide()
    except InputError as exc:
        out["wide"] = str(exc)
    for y in t.years:
        out[f"wide_{y}"] = t.wide(y)
    return out


def _same(a, b, where):
    if isinstance(a, tuple) or isinstance(b, tuple):
        assert a == b, where
        return
    assert a.keys() == b.keys(), where
    for k in a:
        x, y = a[k], b[k]
        if isinstance(x, pd.DataFrame):
            pd.testing.assert_frame_equal(x, y, obj=f"{where} {k}")
        elif isinstance(x, tuple) and x and isinstance(x[0], pd.DataFrame):
            for u, v in zip(x, y):
                pd.testing.assert_frame_equal(u, v, obj=f"{where} {k}")
        else:
            assert x == y, f"{where} {k}"


def test_fast_path_reads_every_table_like_the_plain_path(tmp_path, monkeypatch):
    files = _files(tmp_path)
    assert len(files) >= 50
    n_errors = 0
    for path in files:
        for kwargs in ({}, {"variables": default_catalogue()}):
            plain = _read(path, False, monkeypatch, **kwargs)
            fast = _read(path, True, monkeypatch, **kwargs)
            _same(plain, fast, f"{path.name} {sorted(kwargs)}")
            n_errors += isinstance(plain, tuple)
    # the malformed corpus and the bad edge cases really raise (the comparison covers their messages)
    assert n_errors >= 2 * 30


def test_generated_table_values_by_hand(tmp_path):
    t = tables.read_table(str(_generated(tmp_path / "g.csv", n=40)))
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
def test_plain_split_gives_the_csv_rows(name):
    text = EDGE_TEXTS[name]
    sep = tables._detect_sep(text)
    fast = tables._split_plain(text, sep)
    if '"' in text:
        assert fast is None       # quotes: the csv module splits
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    plain = []
    for rec in reader:
        plain.append((reader.line_num, [c if c and not c.isspace() else None for c in rec], len(rec)))
    assert [(r.line, r.cells, r.nfields) for r in fast] == plain


def test_garbage_collector_state_is_restored(tmp_path):
    import gc

    p = _generated(tmp_path / "g.csv", n=10)
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
