"""Every committed table reads as it did: a digest of each read (cells, keys, columns, notes, warnings, errors)
against tests/data/tables/golden.json.

The golden file was written by the reader before its rewrite into one reader (the two readers of 2026-11 kept in
lockstep); a change of the digest is a change of behaviour. After a deliberate change, write the file again
and say in the commit which cases changed and why:

    PYTHONNOUSERSITE=1 /usr/bin/python3 tests/core/test_tables_golden.py --update
"""

import dataclasses
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sozialplanung_plugin.core.errors import InputError  # noqa: E402

DATA = ROOT / "tests" / "data"
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
GOLDEN = DATA / "tables" / "golden.json"


def _h(x):
    return hashlib.sha256(repr(x).encode()).hexdigest()[:20]


def _cell(v):
    """repr of a cell, numpy scalars as Python values: NumPy 2 writes np.int64(2014) where 1.x wrote 2014."""
    if hasattr(v, "item") and type(v).__module__ == "numpy":
        v = v.item()
    return "nan" if (isinstance(v, float) and v != v) else repr(v)


_PLAIN = {str, int, float, bool, type(None)}  # Python values: their repr is _cell's ('nan' for NaN)


def _column(s):
    """_cell of every value of a column, in one go where the values are (or become, by tolist) plain Python
    values; value by value otherwise (numpy scalars inside object columns)."""
    if s.dtype.kind in "biuf":  # numpy numbers and pandas' nullable Int64 (tolist: Python values and <NA>)
        return list(map(repr, s.tolist()))
    if s.dtype == object:
        values = s.tolist()
        if set(map(type, values)) <= _PLAIN:
            return list(map(repr, values))
    return [_cell(v) for v in s]


def _frame(df):
    """A hash of index, columns, dtypes and the rows of cells (tuples of _cell texts)."""
    columns = [_column(df.iloc[:, k]) for k in range(df.shape[1])]
    rows = list(zip(*columns))  # as itertuples: no rows without columns
    return _h((list(map(str, df.index)), df.index.name, list(map(str, df.columns)), [str(d) for d in df.dtypes], rows))


def digest(read_table, path, **kwargs):
    """What a read gives, small enough to keep: messages in full, frames as hashes."""
    try:
        t = read_table(str(path), **kwargs)
    except InputError as e:
        return {"error": str(e), "row": e.row, "column": e.column, "source": e.source}
    d = {
        "long": _frame(t.long),
        "keys": _h(t.keys),
        "columns": _h([dataclasses.asdict(c) for c in t.columns]),
        "warnings": t.warnings,
        "footnotes": t.footnotes,
        "footnote_map": t.footnote_map,
        "header_notes": t.header_notes,
        "title": t.title,
        "labels": _frame(t.labels),
        "misc": repr(
            (t.key_column, t.layout, t.encoding, t.sep, t.decimal, t.header_row, t.sheet, t.years, t.variables, t.units)
        ),
        "status_counts": sorted(t.status_counts().items()),
    }
    try:
        v, s = t.wide()
        d["wide"] = _frame(v) + _frame(s)
    except InputError as e:
        d["wide"] = str(e)
    for y in t.years:
        v, s = t.wide(y)
        d[f"wide_{y}"] = _frame(v) + _frame(s)
    return d


def cases(tmp):
    """(case id, path, kwargs): the committed tables and the edge cases of test_tables_fast, with and without
    the catalogue."""
    from sozialplanung_plugin.core.catalogue import default_catalogue
    from tests import helpers as fast

    files = sorted(p for p in (DATA / "tables").iterdir() if p.suffix in (".csv", ".xlsx"))
    files += sorted(p for p in (DATA / "malformed").iterdir() if p.suffix not in (".py", ".md"))
    files += sorted(DEMO.glob("*.csv"))
    texts = dict(fast.EDGE_TEXTS)
    texts.update({f"plain_{k}.csv": v[0] for k, v in fast.PLAIN.items()})
    texts.update({f"near_{k}.csv": v for k, v in fast.NOT_PLAIN.items()})
    for name, text in texts.items():
        p = Path(tmp) / name
        p.write_bytes(text.encode("utf-8" if name in fast.UTF8_TEXTS else "cp1252"))
        files.append(p)
    files.append(fast.generated(Path(tmp) / "generated_bloecke.csv"))
    cat = default_catalogue()
    out = []
    for p in files:
        rel = str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else p.name
        extra = [{}]
        if p.name.startswith("plain_"):
            extra.append(dict(fast.PLAIN[p.name[6:-4]][1]))
        if p.name == "near_wrong_key_param.csv":
            extra.append({"key": "Schlüssel"})
        for kw in extra:
            for with_cat in (False, True):
                kwargs = dict(kw, variables=cat) if with_cat else dict(kw)
                cid = f"{rel} {sorted(kw.items())} {'catalogue' if with_cat else ''}".strip()
                out.append((cid, p, kwargs))
    return out


def compute(read_table, tmp):
    """{case id: digest} as JSON keeps it (tuples as lists)."""
    return json.loads(json.dumps({cid: digest(read_table, p, **kw) for cid, p, kw in cases(tmp)}, ensure_ascii=False))


def test_every_committed_table_reads_as_recorded(tmp_path):
    from sozialplanung_plugin.core.tables import read_table

    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = compute(read_table, tmp_path)
    assert len(now) >= 200
    assert sorted(now) == sorted(golden), "the set of cases changed: write the golden file again"
    changed = [cid for cid in now if now[cid] != golden[cid]]
    details = [
        f"{cid}: "
        + ", ".join(
            f"{k}: {golden[cid].get(k)!r} -> {now[cid].get(k)!r}"
            for k in now[cid]
            if now[cid].get(k) != golden[cid].get(k)
        )[:600]
        for cid in changed[:5]
    ]
    assert not changed, f"{len(changed)} reads changed:\n" + "\n".join(details)


if __name__ == "__main__":  # pragma: no cover - writes the golden file
    import argparse
    import importlib.util
    import tempfile

    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--module", help="a tables module file to record instead of the current reader")
    a = ap.parse_args()
    if a.module:
        spec = importlib.util.spec_from_file_location("sozialplanung_plugin.core._tables_record", a.module)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        reader = mod.read_table
    else:
        from sozialplanung_plugin.core.tables import read_table as reader
    with tempfile.TemporaryDirectory() as tmp:
        result = compute(reader, tmp)
    if a.update:
        GOLDEN.write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {GOLDEN}: {len(result)} cases, {sum('error' in v for v in result.values())} errors")
