"""Compare two output folders of `make demo` (or tools/run_demo.py --out DIR): behaviour unchanged?

GeoPackages table by table and row by row (attributes, geometry blobs, field aliases, metadata), PDFs by their
text (pdftotext -layout) and page count, other text files (JSON, QML, HTML) line by line. Values that hold
the time of the run (timestamps, durations) are masked first. Prints what differs; exit code 1 if anything does.

    python3 tools/compare_outputs.py out_before out_after
"""

import argparse
import difflib
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# the time of a run: ISO timestamps and dates of today, durations, temporary paths
_VOLATILE = [
    # where the plugin was run from (a checkout, a worktree, an installed profile)
    (re.compile(r"(?:/[^\s\"'|&;]+)?/sozialplanung_plugin/"), "<plugin>/"),
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?"), "<timestamp>"),
    (re.compile(r'"(?:seconds|elapsed|duration|runtime)[a-z_]*": ?[0-9.e-]+'), '"<duration>"'),
    (re.compile(r"\b([a-z_]*seconds)=[0-9.e-]+"), r"\1=<duration>"),
    (re.compile(r"/tmp/[^\s\"'|]+"), "<tmp>"),
    (re.compile(r"sozialplanung-demo-home-[A-Za-z0-9_]+"), "<home>"),
    # QGIS gives every rule of a rule-based renderer a new random key ({uuid}) when the style is built
    (re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}"), "{<uuid>}"),
]


def mask(text):
    for pattern, repl in _VOLATILE:
        text = pattern.sub(repl, text)
    return text


def canonical_xml(text):
    """XML with attributes in a fixed order (Qt writes them in hash order, which changes from run to run)."""
    try:
        return ET.canonicalize(text.strip())
    except ET.ParseError:
        return text


def _cell(v):
    if isinstance(v, str):
        return mask(canonical_xml(v) if v.lstrip().startswith("<") else v)
    return v


def gpkg_tables(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for name in names:
            if name.startswith("rtree_") or name.startswith("sqlite_"):
                continue  # spatial index internals: derived from the geometries compared below
            cur = con.execute(f'SELECT * FROM "{name}"')
            cols = [d[0] for d in cur.description]
            rows = [tuple(_cell(v) for v in r) for r in cur.fetchall()]
            out[name] = (cols, rows)
        return out
    finally:
        con.close()


def compare_gpkg(a, b):
    ta, tb = gpkg_tables(a), gpkg_tables(b)
    problems = []
    for name in sorted(set(ta) | set(tb)):
        if name not in ta or name not in tb:
            problems.append(f"{a.name}: table {name} only in {'after' if name in tb else 'before'}")
            continue
        (ca, ra), (cb, rb) = ta[name], tb[name]
        if ca != cb:
            problems.append(f"{a.name}:{name}: columns differ: {sorted(set(ca) ^ set(cb))[:10]} ...")
            continue
        if name == "gpkg_contents":  # last_change is the time of writing
            idx = ca.index("last_change")
            ra = [r[:idx] + r[idx + 1 :] for r in ra]
            rb = [r[:idx] + r[idx + 1 :] for r in rb]
        if ra != rb:
            n = sum(1 for x, y in zip(ra, rb) if x != y) + abs(len(ra) - len(rb))
            first = next(((x, y) for x, y in zip(ra, rb) if x != y), (None, None))
            cols = [c for c, x, y in zip(ca, *first) if x != y] if first[0] is not None else []
            problems.append(
                f"{a.name}:{name}: {n} of {max(len(ra), len(rb))} rows differ (first in columns {cols[:8]})"
            )
    return problems


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def docx_xml(path):
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def compare_text(a, b, text_a, text_b):
    if text_a == text_b:
        return []
    diff = list(difflib.unified_diff(text_a.splitlines(), text_b.splitlines(), "before", "after", lineterm="", n=0))
    return [f"{a.name}: {len([d for d in diff if d[:1] in '+-']) - 2} lines differ"] + diff[:20]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    problems, checked = [], []

    def files(folder):  # every file below the folder (the municipal reports sit in a subfolder)
        return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}

    names = sorted(files(args.before) | files(args.after))
    for name in names:
        a, b = args.before / name, args.after / name
        if not (a.exists() and b.exists()):
            problems.append(f"{name}: only {'after' if b.exists() else 'before'}")
            continue
        if name.endswith(".gpkg"):
            problems += compare_gpkg(a, b)
        elif name.endswith(".pdf"):
            problems += compare_text(a, b, pdf_text(a), pdf_text(b))
        elif name.endswith(".docx"):  # the document's XML (the zip's dates differ from run to run)
            problems += compare_text(a, b, mask(docx_xml(a)), mask(docx_xml(b)))
        elif name.endswith(".png"):
            problems += [] if a.read_bytes() == b.read_bytes() else [f"{name}: the pictures differ"]
        else:
            ta, tb = a.read_text(errors="replace"), b.read_text(errors="replace")
            if name.endswith((".qml", ".qpt", ".xml")):
                ta, tb = canonical_xml(ta), canonical_xml(tb)
            problems += compare_text(a, b, mask(ta), mask(tb))
        checked.append(name)
    print("checked:", ", ".join(checked))
    print("\n".join(problems) if problems else "identical (after masking run times)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
