"""Write docs/algorithms.md from the algorithms themselves: id, group, help text, parameters and outputs.

The reference cannot drift from the code: tests/qgis/test_algorithm_docs.py regenerates it and compares.

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_algorithm_docs.py [--check]
"""

import argparse
import html
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "algorithms.md"
GROUP_ORDER = ["spaces", "indicators", "indices", "maps", "monitoring", "catalogue"]


def html_to_markdown(text):
    """Enough HTML -> Markdown for the help files (p, br, b/strong, i/em, code, ul/li, a)."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"<\s*br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</?(p|div|h\d)[^>]*>", "\n\n", text, flags=re.I)
    text = re.sub(r"<li[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"</?(ul|ol|li)[^>]*>", "\n", text, flags=re.I)
    text = re.sub(r"</?(b|strong)>", "**", text, flags=re.I)
    text = re.sub(r"</?(i|em)>", "*", text, flags=re.I)
    text = re.sub(r"</?(code|tt)>", "`", text, flags=re.I)
    text = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"[\2](\1)", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    lines = [line.strip() for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def _cell(value):
    return str(value).replace("|", "\\|").replace("\n", " ")


def describe(alg):
    lines = [
        f"## {alg.displayName()}",
        "",
        f'<a id="{alg.name()}"></a>`sozialplanung:{alg.name()}` — group *{alg.group()}*',
        "",
    ]
    help_md = html_to_markdown(alg.shortHelpString() or "")
    if help_md:
        lines += [help_md, ""]
    lines += ["| parameter | description | type | default |", "|---|---|---|---|"]
    for p in alg.parameterDefinitions():
        flags = []
        if p.flags() & p.FlagOptional:
            flags.append("optional")
        if p.flags() & p.FlagAdvanced:
            flags.append("advanced")
        default = p.defaultValue()
        if p.type() == "enum" and default is not None:
            opts = p.options()
            try:
                idx = [int(x) for x in (default if isinstance(default, list) else [default])]
                default = ", ".join(opts[i] for i in idx if 0 <= i < len(opts))
            except (TypeError, ValueError):
                pass
        kind = p.type() + (f" ({', '.join(flags)})" if flags else "")
        if p.type() == "enum":
            kind += ": " + " / ".join(p.options())
        elif p.type() == "distance":
            kind += f": in the unit of `{p.parentParameterName()}` (metres for a UTM layer)"
        text = _cell(p.description())
        if p.help():  # the tooltip: e.g. the plain text form of a list or table in batch mode and qgis_process
            text += f"<br>*{_cell(p.help())}*"
        lines.append(f"| `{p.name()}` | {text} | {_cell(kind)} | {_cell('' if default is None else default)} |")
    outputs = alg.outputDefinitions()
    if outputs:
        lines += ["", "| output | description | type |", "|---|---|---|"]
        for o in outputs:
            lines.append(f"| `{o.name()}` | {_cell(o.description())} | {o.type()} |")
    return "\n".join(lines) + "\n"


def render():
    from qgis.core import QgsApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication.instance() or QgsApplication([], False)
    QgsApplication.initQgis()
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsSettings

    QgsSettings().setValue("locale/overrideFlag", True)
    QgsSettings().setValue("locale/userLocale", "en_US")
    from sozialplanung_plugin.processing.provider import SozialplanungProvider

    provider = SozialplanungProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    algs = sorted(
        provider.algorithms(),
        key=lambda a: (GROUP_ORDER.index(a.groupId()) if a.groupId() in GROUP_ORDER else 99, a.name()),
    )
    parts = [
        "# Algorithm reference",
        "",
        "Every algorithm of the Processing provider **Sozialplanung** (`sozialplanung:`), with its parameters "
        "and outputs as QGIS shows them. Generated from the code by `tools/make_algorithm_docs.py`; do not edit "
        "by hand. Use the ids with `qgis_process.bin run sozialplanung:<id> -- NAME=value ...`, "
        "`processing.run('sozialplanung:<id>', {...})` or in the Model Builder.",
        "",
    ]
    parts += [f"- [{a.displayName()}](#{a.name()}) `{a.name()}`" for a in algs]
    parts.append("")
    parts += [describe(a) for a in algs]
    text = "\n".join(parts)
    del app
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/algorithms.md is out of date: run tools/make_algorithm_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
