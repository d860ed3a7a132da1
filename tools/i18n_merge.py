"""Git merge driver for the Qt Linguist files: the union of both sides' messages, finished translations first.

Two branches that each add strings (and their German translations) change the same .ts file; a line merge then
conflicts although nothing contradicts. This driver keeps every message of both sides; where both translate the
same (context, source) differently, the side that changed it since the common ancestor wins (a corrected term on
one branch is kept, not undone by the other branch's old text); when both changed it, the current branch's
finished translation wins. Run ``tools/i18n_update.py``
afterwards to drop strings that no longer exist in the code.

Set up once per clone (``make setup`` does it):
    git config merge.i18n-ts.driver "/usr/bin/python3 tools/i18n_merge.py %O %A %B"
with ``*.ts merge=i18n-ts`` in .gitattributes.
"""

import sys
import xml.etree.ElementTree as ET


def messages(path):
    out = {}
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, FileNotFoundError):
        return out, None
    for context in root.iter("context"):
        ctx = context.findtext("name")
        for msg in context.iter("message"):
            out[(ctx, msg.findtext("source"))] = msg
    return out, root


def finished(msg):
    tr = msg.find("translation")
    return tr is not None and bool(tr.text) and tr.get("type") not in ("unfinished", "obsolete", "vanished")


def text(msg):
    if msg is None:
        return None
    tr = msg.find("translation")
    return None if tr is None else (tr.text or "", tr.get("type"))


def main(base, ours, theirs):
    mine, root = messages(ours)
    other, other_root = messages(theirs)
    ancestor, _ = messages(base)
    if root is None:
        root = other_root
    if root is None:
        return 1
    merged = dict(other)
    for key, msg in mine.items():
        if key not in merged:
            merged[key] = msg
            continue
        was, changed_here, changed_there = text(ancestor.get(key)), text(msg), text(merged[key])
        if key in ancestor and changed_here == was and changed_there != was:
            continue  # only the other branch changed it: theirs
        if key in ancestor and changed_there == was:
            merged[key] = msg  # only this branch changed it (or neither): ours
        elif finished(msg) or not finished(merged[key]):
            merged[key] = msg
    new = ET.Element("TS", root.attrib)
    by_ctx = {}
    for (ctx, _src), msg in merged.items():
        by_ctx.setdefault(ctx, []).append(msg)
    for ctx in sorted(by_ctx):
        context = ET.SubElement(new, "context")
        ET.SubElement(context, "name").text = ctx
        for msg in by_ctx[ctx]:
            context.append(msg)
    ET.indent(new)
    body = ET.tostring(new, encoding="unicode")
    with open(ours, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
