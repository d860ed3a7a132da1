"""Extract the plugin's UI strings into the Qt Linguist files (resources/i18n/sozialplanung_<lang>.ts).

Why not pylupdate5: it guesses the context of ``self.tr()`` from the class name, while our classes define ``tr``
with an explicit context (``QCoreApplication.translate("CatalogueDock", s)``) and the algorithm base translates
in the subclass's name with a fallback to the base. This reads the Python source with ``ast`` and uses exactly the
context the code uses at run time:

- ``QCoreApplication.translate("ctx", "text")`` anywhere: context "ctx";
- ``self.tr("text")`` / ``cls.tr`` / ``tr("text")`` inside class C: the literal context of C's own ``tr`` if
  C (or a base class in the same file) defines one with a literal context, otherwise C's name (the algorithm
  base's ``type(self).__name__``);
- ``tr("text", name=value)`` anywhere in ``core/`` (``core/i18n.py``, no Qt there): context "core";
- only string literals (implicit concatenation included) are extracted; f-strings are reported as mistakes.

Existing translations are kept (matched on context + source); strings no longer in the code are dropped and
counted; new ones are added as unfinished. ``--check`` exits 1 if a string has no German translation.

    PYTHONNOUSERSITE=1 /usr/bin/python3 tools/i18n_update.py [--check] [--lang de]
"""

import argparse
import ast
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "sozialplanung_plugin"
I18N = PLUGIN / "resources" / "i18n"


# German quotes: „…“. A straight quote pair, single ('…') or double ("…"), around a word or a {placeholder} in a
# German translation is a slip (an apostrophe as in "Moran's I" is not a pair); inside HTML tags (attributes) and in
# the code a message tells the user to type (its quotes are syntax) straight quotes stay: the QGIS expression
# '[^0-9]', a double-quoted argument of a function call (regexp_replace("{field}", ...)) and a typed example that
# goes on with '...' ("{char}...").
STRAIGHT_PAIR = re.compile(r"(?<![\w'])'([^'\n<>]{1,120}?)'(?![\w])")
DOUBLE_PAIR = re.compile(r'(?<![\w"])"([^"\n<>]{1,120}?)"(?![\w"])')
FUNCTION_CALL = re.compile(r"[A-Za-z_]\w*\($")
HTML_TAG = re.compile(r"<[^>]*>")
STRAIGHT_ALLOWED = {"[^0-9]"}  # regexp_replace("field", '[^0-9]', '') in the table messages: a QGIS expression


def _is_code(masked, match):
    """A double-quoted pair that is code to type: a function call's argument, or an example ending in '...'."""
    return bool(FUNCTION_CALL.search(masked[: match.start()])) or match.group(1).endswith("...")


def straight_quotes(translation):
    """The spans (start, end, inner text) of straight single and double quote pairs in a translation that should
    be „…“, in the order they stand."""
    masked = HTML_TAG.sub(lambda m: "\0" * len(m.group()), translation)
    single = [m for m in STRAIGHT_PAIR.finditer(masked) if translation[m.start(1) : m.end(1)] not in STRAIGHT_ALLOWED]
    double = [m for m in DOUBLE_PAIR.finditer(masked) if not _is_code(masked, m)]
    spans, end = [], 0
    for m in sorted(single + double, key=lambda m: m.start()):
        if m.start() >= end:  # a pair inside another ("… 'x' …") is left to the outer one
            spans.append((m.start(), m.end(), translation[m.start(1) : m.end(1)]))
            end = m.end()
    return spans


def german_quotes(translation):
    """The translation with „…“ instead of the straight quote pairs straight_quotes() finds."""
    out, last = [], 0
    for start, end, inner in straight_quotes(translation):
        out += [translation[last:start], "„", inner, "“"]
        last = end
    return "".join(out) + translation[last:]


def _literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _own_tr_context(cls):
    """The literal context of a class's own ``tr`` method, if it has one."""
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == "tr":
            for node in ast.walk(item):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate"
                    and node.args
                ):
                    ctx = _literal(node.args[0])
                    if ctx is not None:
                        return ctx
    return None


class Extractor(ast.NodeVisitor):
    def __init__(self, path):
        self.path = path
        self.core = path.startswith("core/")  # the core marks its messages with core.i18n.tr, context "core"
        self.classes = []  # stack of (name, tr_context)
        self.known = {}  # class name -> tr context, for base classes defined in the same file
        self.messages = []  # (context, source, path, line)
        self.mistakes = []

    def visit_ClassDef(self, node):  # noqa: N802
        ctx = _own_tr_context(node)
        if ctx is None:
            for base in node.bases:
                name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
                if self.known.get(name) and self.known[name] != name:
                    ctx = self.known[name]
                    break
        ctx = ctx or node.name
        self.known[node.name] = ctx
        self.classes.append(ctx)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node):  # noqa: N802
        if node.name == "tr":  # the definition itself holds no message
            return
        self.generic_visit(node)

    def visit_Call(self, node):  # noqa: N802
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if self.core and name == "tr" and node.args:
            self._add("core", node.args[0], node)
        elif name == "translate" and len(node.args) >= 2 and _literal(node.args[0]) is not None:
            self._add(_literal(node.args[0]), node.args[1], node)
        elif name == "tr" and node.args and self.classes:
            self._add(self.classes[-1], node.args[0], node)
        self.generic_visit(node)

    def _add(self, ctx, arg, node):
        text = _literal(arg)
        if text is None:
            if isinstance(arg, ast.JoinedStr):
                self.mistakes.append(f"{self.path}:{node.lineno}: f-string passed to tr() cannot be translated")
            return
        self.messages.append((ctx, text, self.path, node.lineno))


def extract():
    messages, mistakes = {}, []
    for path in sorted(PLUGIN.rglob("*.py")):
        rel = path.relative_to(PLUGIN).as_posix()
        ex = Extractor(rel)
        ex.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        mistakes += ex.mistakes
        for ctx, text, rel_path, line in ex.messages:
            messages.setdefault((ctx, text), (rel_path, line))
    return messages, mistakes


def read_ts(path):
    done = {}
    if path.exists():
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            ctx = context.findtext("name")
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.text and tr.get("type") not in ("obsolete", "vanished"):
                    done[(ctx, msg.findtext("source"))] = (tr.text, tr.get("type") != "unfinished")
    return done


def write_ts(path, lang, messages, done):
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    by_ctx = {}
    for (ctx, text), where in messages.items():
        by_ctx.setdefault(ctx, []).append((text, where))
    for ctx in sorted(by_ctx):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ctx
        for text, (rel, _line) in sorted(by_ctx[ctx], key=lambda t: (t[1][0], t[1][1])):
            msg = ET.SubElement(context, "message")
            # no line numbers: they change with every edit and make every merge of the .ts conflict
            ET.SubElement(msg, "location", filename=f"../../{rel}")
            ET.SubElement(msg, "source").text = text
            tr = ET.SubElement(msg, "translation")
            old = done.get((ctx, text))
            if old and old[1]:
                tr.text = old[0]
            else:
                tr.set("type", "unfinished")
                if old:
                    tr.text = old[0]
    ET.indent(root) if hasattr(ET, "indent") else None
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="de")
    ap.add_argument("--check", action="store_true", help="only check; exit 1 on untranslated strings")
    args = ap.parse_args(argv)
    messages, mistakes = extract()
    path = I18N / f"sozialplanung_{args.lang}.ts"
    done = read_ts(path)
    missing = sorted(k for k in messages if not (done.get(k) and done[k][1]))
    for m in mistakes:
        print(m, file=sys.stderr)
    if args.check:
        for ctx, text in missing:
            print(f"untranslated [{ctx}] {text!r}", file=sys.stderr)
        quotes = []
        if args.lang == "de":
            quotes = sorted((k, v[0]) for k, v in done.items() if k in messages and v[0] and straight_quotes(v[0]))
        for (ctx, text), translation in quotes:
            spans = ", ".join(repr(translation[a:b]) for a, b, _ in straight_quotes(translation))
            print(f"straight quotes [{ctx}] {text[:60]!r}: {spans} (German quotes: „…“)", file=sys.stderr)
        print(f"{len(messages)} strings, {len(missing)} untranslated, {len(quotes)} with straight quotes ({args.lang})")
        return 1 if (missing or mistakes or quotes) else 0
    I18N.mkdir(parents=True, exist_ok=True)
    dropped = len(set(done) - set(messages))
    write_ts(path, args.lang, messages, done)
    print(f"{path.relative_to(ROOT)}: {len(messages)} strings, {len(missing)} untranslated, {dropped} dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
