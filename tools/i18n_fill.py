"""Fill German translations into the .ts file from a JSON file, for many strings at once.

The JSON maps a context to {English source: German translation}, e.g.
``{"core": {"Quantile classes: no values to classify.": "Quantilklassen: keine Werte zum Klassifizieren."}}``.
Sources that the code does not hold (run ``tools/i18n_update.py`` first) are reported and exit 1; the named
``{fields}`` of a source must all appear in its translation.

    PYTHONNOUSERSITE=1 /usr/bin/python3 tools/i18n_fill.py translations.json [--lang de]
"""

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import i18n_update  # noqa: E402

FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json")
    ap.add_argument("--lang", default="de")
    args = ap.parse_args(argv)
    wanted = json.loads(Path(args.json).read_text(encoding="utf-8"))
    messages, _mistakes = i18n_update.extract()
    path = i18n_update.I18N / f"sozialplanung_{args.lang}.ts"
    done = i18n_update.read_ts(path)
    problems = 0
    for ctx, pairs in wanted.items():
        for source, translation in pairs.items():
            if (ctx, source) not in messages:
                print(f"not in the code: [{ctx}] {source!r}", file=sys.stderr)
                problems += 1
                continue
            if set(FIELD.findall(source)) != set(FIELD.findall(translation)):
                print(f"fields differ: [{ctx}] {source!r} -> {translation!r}", file=sys.stderr)
                problems += 1
                continue
            done[(ctx, source)] = (translation, True)
    i18n_update.write_ts(path, args.lang, messages, done)
    print(f"{path.name}: {sum(len(p) for p in wanted.values()) - problems} translations set, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
