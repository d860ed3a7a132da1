"""Which messages of the bad-input corpus are German in a German QGIS (docs/reliability.md quotes the result).

Runs the corpus (tests/data/bad_inputs) in one qgis_process with the profile locale de (after building the .qm:
without it every message is English) and counts per input kind the messages that pass the German check of
tests/qgis/test_bad_inputs_german.py (no English template text of ours, no English function word outside quoted
values and paths, at least one German function word); the others are listed with the reason.

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/corpus_languages.py [--json out.json]
"""

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)  # the .qm is built, not in git
    from tests import helpers as t
    from tests.qgis.test_bad_inputs_german import german_problems

    res = t.run_corpus(language="de")
    total, german, english = Counter(), Counter(), {}
    for case in t.CASES:
        r = res.get(case["name"]) or {}
        if r.get("status") != "error":
            continue
        kind = case["kind"]
        total[kind] += 1
        problems = german_problems(r.get("message", ""))
        if not problems:
            german[kind] += 1
        else:
            english.setdefault(kind, []).append((case["name"], problems, r.get("message", "")[:160]))
    n, g = sum(total.values()), sum(german.values())
    print(f"{g} of {n} messages German ({100 * g / max(n, 1):.0f} %)")
    for kind, k in total.most_common():
        print(f"  {kind}: {german[kind]} of {k}")
    for kind, items in english.items():
        for name, problems, message in items:
            print(f"  not German [{kind}] {name}: {'; '.join(problems)}: {message!r}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"total": total, "german": german, "english": english}, indent=1, ensure_ascii=False),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
