"""Run every benchmark (bench/bench_*.py, each in its own process) and assemble docs/benchmarks.md.

Each benchmark writes its section to bench/results/<topic>.md; a benchmark that fails or runs past its time
limit keeps its previous section and is reported as such.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
ORDER = [
    "summary",
    "load",
    "tables",
    "aggregate",
    "index",
    "regionalise",
    "store",
    "store_roles",
    "atlas",
    "dock",
    "access",
    "hotspots",
]
LIMIT = int(os.environ.get("BENCH_TIME_LIMIT", "3600"))


def main(selected):
    scripts = sorted(BENCH.glob("bench_*.py"))
    if selected:
        scripts = [s for s in scripts if s.stem[len("bench_") :] in selected]
    status = {}
    for script in scripts:
        topic = script.stem[len("bench_") :]
        print(f"== {topic}", flush=True)
        start = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, timeout=LIMIT)
            status[topic] = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
        except subprocess.TimeoutExpired:
            status[topic] = f"stopped after {LIMIT} s"
        print(f"   {status[topic]} in {time.perf_counter() - start:.0f} s", flush=True)
    assemble(status)


def assemble(status):
    sections = {p.stem: p.read_text(encoding="utf-8") for p in sorted(RESULTS.glob("*.md"))}
    topics = [t for t in ORDER if t in sections] + sorted(t for t in sections if t not in ORDER)
    parts = [
        "# Benchmarks",
        "",
        "Speed and memory of Sozialplanung, each measured side by side with the tool a planner would otherwise "
        "use, in the same run on the same machine (2 cores, 24 GiB). Produced by `make bench` "
        "(bench/run_all.py); every section says when and how it was measured. Benchmarks are never timed "
        "tests: the test suite checks correctness, this page reports speed.",
        "",
    ]
    if status:
        parts += ["Last `make bench`: " + ", ".join(f"{k}: {v}" for k, v in status.items()), ""]
    for topic in topics:
        parts += [sections[topic].strip(), ""]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote docs/benchmarks.md ({len(topics)} sections)")


if __name__ == "__main__":
    main(sys.argv[1:])
