"""The security scan plugins.qgis.org runs on an upload (Bandit and detect-secrets), over what the zip ships.

    python3 tools/security_scan.py [--venv .venv-lint] [PATH]    # default PATH: sozialplanung_plugin

Bandit reports any finding of medium or high severity (or low with high confidence) as a problem; a false
positive is marked in the code with ``# nosec BXXX - reason`` only. detect-secrets must find nothing. Exit 1 on
a finding.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bandit(venv, path):
    out = subprocess.run(
        [str(venv / "bin" / "bandit"), "-q", "-r", str(path), "-f", "json"], capture_output=True, text=True
    )
    report = json.loads(out.stdout or "{}")
    return [
        f"{r['filename']}:{r['line_number']}: bandit {r['test_id']} ({r['issue_severity']}): {r['issue_text']}"
        for r in report.get("results", [])
    ]


def secrets(venv, path):
    out = subprocess.run(
        [str(venv / "bin" / "detect-secrets"), "scan", "--all-files", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    report = json.loads(out.stdout or "{}")
    return [
        f"{name}:{s['line_number']}: detect-secrets: {s['type']}"
        for name, found in report.get("results", {}).items()
        for s in found
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--venv", default=str(ROOT / ".venv-lint"))
    ap.add_argument("path", nargs="?", default="sozialplanung_plugin")
    args = ap.parse_args(argv)
    venv, path = Path(args.venv), ROOT / args.path
    found = bandit(venv, path) + secrets(venv, path)
    for line in found:
        print(line)
    print(f"security_scan: {len(found)} finding(s) in {args.path}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
