"""Which messages of the bad-input corpus are German in a German QGIS (docs/reliability.md quotes the result).

Runs the corpus (tests/data/bad_inputs) in one qgis_process with the profile locale de and counts per input kind
the messages whose German function words outnumber the English ones (a message quoting an English core text
inside a German frame counts as English when most of it is English).

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/corpus_languages.py [--json out.json]
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GERMAN = {
    "der",
    "die",
    "das",
    "und",
    "nicht",
    "ist",
    "ein",
    "eine",
    "keine",
    "kein",
    "oder",
    "sie",
    "mit",
    "für",
    "den",
    "dem",
    "des",
    "wählen",
    "hat",
    "sind",
    "im",
    "zu",
    "auf",
    "nur",
    "als",
    "bitte",
    "wird",
    "kann",
}
ENGLISH = {
    "the",
    "and",
    "not",
    "is",
    "a",
    "an",
    "no",
    "or",
    "with",
    "for",
    "of",
    "choose",
    "has",
    "are",
    "in",
    "to",
    "on",
    "only",
    "as",
    "please",
    "will",
    "can",
    "cannot",
    "does",
}


def is_german(text):
    words = re.findall(r"[a-zäöüß]+", text.lower())
    return sum(w in GERMAN for w in words) > sum(w in ENGLISH for w in words)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    from tests.qgis import test_bad_inputs as t

    res = t.run_corpus(language="de")
    total, german, english = Counter(), Counter(), {}
    for case in t.CASES:
        r = res.get(case["name"]) or {}
        if r.get("status") != "error":
            continue
        kind = case["kind"]
        total[kind] += 1
        if is_german(r.get("message", "")):
            german[kind] += 1
        else:
            english.setdefault(kind, []).append((case["name"], r.get("message", "")[:160]))
    n, g = sum(total.values()), sum(german.values())
    print(f"{g} of {n} messages German ({100 * g / max(n, 1):.0f} %)")
    for kind, k in total.most_common():
        print(f"  {kind}: {german[kind]} of {k}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"total": total, "german": german, "english": english}, indent=1, ensure_ascii=False),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
