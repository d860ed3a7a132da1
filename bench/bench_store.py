"""Benchmark of the Sozialmonitoring store: write 1,000,000 values and read one year back.

20,000 blocks x 10 indicators x 5 years (value, numerator, denominator, flags) written with ONE
Store.write_values call (validated, upsert, one transaction, import log), then one year (200,000 values) read
back with Store.read_slice. Both backends: GeoPackage (file in a temp dir) and PostgreSQL 15 + PostGIS (a
throwaway cluster with fsync and synchronous_commit ON, i.e. durable like a production server).

Peer, measured in the same run: the raw lower bound of each backend - the same 1,000,000 rows bulk-loaded
into a plain table without keys, validation or upsert (sqlite3 executemany / psycopg2 COPY) and one year read
back with a plain SELECT into pandas. The ratio shows what validation, upsert and indexes cost.

Run:  PYTHONNOUSERSITE=1 /usr/bin/python3 bench/bench_store.py        (writes bench/results/store.md)
Goal: <= 30 s write, <= 1 s read on this machine.
"""

import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

N_BLOCKS, N_IND, YEARS = 20_000, 10, (2019, 2020, 2021, 2022, 2023)
READ_YEAR = 2022


def catalogue():
    return {
        "id": "bench",
        "version": "1",
        "variables": ["ew"],
        "indicators": [
            {"id": f"ind{i:02d}", "numerator": ["a"], "denominator": ["b"], "multiplier": 100} for i in range(N_IND)
        ],
    }


def make_values():
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(42)
    keys = np.array([f"05378{i:07d}" for i in range(N_BLOCKS)], dtype=object)
    n = N_BLOCKS * N_IND * len(YEARS)
    den = rng.integers(20, 2000, n).astype(float)
    num = np.floor(den * rng.random(n) * 0.3)
    df = pd.DataFrame(
        {
            "unit_key": np.tile(keys, N_IND * len(YEARS)),
            "variable": np.repeat([f"ind{i:02d}" for i in range(N_IND)] * len(YEARS), N_BLOCKS),
            "ref_date": np.repeat([f"{y}-12-31" for y in YEARS], N_BLOCKS * N_IND),
            "value": num / den * 100,
            "numerator": num,
            "denominator": den,
            "unreliable": (den < 50).astype(int),
            "suppressed": 0,
        }
    )
    return keys, df


def make_units(keys):
    import pandas as pd
    from shapely.geometry import box

    side = 141
    geoms = [
        box(
            400000 + (i % side) * 100,
            5600000 + (i // side) * 100,
            400000 + (i % side) * 100 + 100,
            5600000 + (i // side) * 100 + 100,
        )
        for i in range(len(keys))
    ]
    return pd.DataFrame({"key": keys, "geometry": geoms})


def run_one(backend, target, schema):
    """Measure one backend in this (fresh) process; prints a JSON line."""
    from sozialplanung_plugin.core.store import Store

    keys, values = make_values()
    units = make_units(keys)
    res = {"backend": backend, "rows": len(values)}
    t = time.perf_counter()
    store = Store.open(target, schema=schema) if schema else Store.open(target)
    store.put_units("block", units)
    res["units_s"] = time.perf_counter() - t
    t = time.perf_counter()
    r = store.write_values(values, level="block", catalogue=catalogue(), source="bench")
    res["write_s"] = time.perf_counter() - t
    assert r.inserted == len(values), r
    t = time.perf_counter()
    sl = store.read_slice("block", READ_YEAR)
    res["read_s"] = time.perf_counter() - t
    assert len(sl) == N_BLOCKS * N_IND
    t = time.perf_counter()
    s = store.read_series("block", keys=list(keys[:100]))
    res["series_s"] = time.perf_counter() - t
    assert len(s) == 100 * N_IND * len(YEARS)
    t = time.perf_counter()
    r2 = store.write_values(values, level="block", catalogue=catalogue(), source="bench")
    res["reimport_s"] = time.perf_counter() - t
    assert r2.status == "unchanged"
    # peer: the raw lower bound in the same database, no keys, no validation, no upsert
    cols = ["unit_key", "variable", "ref_date", "value", "numerator", "denominator", "unreliable", "suppressed"]
    cur = store.conn.cursor()
    t = time.perf_counter()
    cur.execute(store.dialect.begin_write)
    cur.execute(
        "CREATE TABLE raw_values (unit_key TEXT, variable TEXT, ref_date TEXT, value DOUBLE PRECISION, "
        "numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, unreliable INTEGER, suppressed INTEGER)"
    )
    store.dialect.stage(cur, "raw_values", cols, values)
    cur.execute("COMMIT")
    res["peer_write_s"] = time.perf_counter() - t
    import pandas as pd

    t = time.perf_counter()
    cur.execute(store.dialect.sql("SELECT * FROM raw_values WHERE ref_date = ?"), (f"{READ_YEAR}-12-31",))
    peer = pd.DataFrame.from_records(cur.fetchall(), columns=cols)
    res["peer_read_s"] = time.perf_counter() - t
    assert len(peer) == N_BLOCKS * N_IND
    store.close()
    if backend == "gpkg":
        res["file_mb"] = os.path.getsize(target) / 1e6
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(res), flush=True)


def measure(backend, target, schema=None):
    out = subprocess.run(
        [sys.executable, __file__, "--one", backend, target, schema or ""],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONNOUSERSITE="1"),
        timeout=1800,
    )
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{backend} run failed:\n{out.stdout}\n{out.stderr}")


def main():
    results = []
    tmp = tempfile.mkdtemp(prefix="bench-store-")
    try:
        results.append(measure("gpkg", os.path.join(tmp, "bench.gpkg")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    from pgserver import PgServer, pg_unavailable_reason

    reason = pg_unavailable_reason()
    pg_version = None
    if reason is None:
        server = PgServer(durable=True).start()
        pg_version = server.versions
        try:
            results.append(measure("postgis", server.dsn, "bench"))
        finally:
            server.stop()
    write_report(results, reason, pg_version)


def write_report(results, pg_skip, pg_version):
    import pandas as pd

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        "## Sozialmonitoring store (bench/bench_store.py)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, pandas {pd.__version__}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
        + (f", PostgreSQL {pg_version[1].split()[1]} + PostGIS {pg_version[0]}, fsync on" if pg_version else "")
        + ").",
        "",
        f"Workload: {N_BLOCKS:,} blocks x {N_IND} indicators x {len(YEARS)} years = "
        f"{N_BLOCKS * N_IND * len(YEARS):,} values (value, numerator, denominator, 2 flags) written with one "
        f"`Store.write_values` call: validation of every key/variable/catalogue, upsert in one transaction, "
        f"import log. Read = `read_slice` of one year ({N_BLOCKS * N_IND:,} values into a pandas DataFrame). "
        f"Peer (same run, same database): raw bulk load of the same rows into a plain table without keys "
        f"(sqlite3 executemany / psycopg2 COPY) and a plain SELECT of one year. Goal: write <= 30 s, "
        f"read <= 1 s.",
        "",
        "| backend | register 20,000 units (s) | write 1M (s) | peer raw write (s) | ratio | read 1 year (s) "
        "| peer raw read (s) | ratio | series 100 units x 5 years (s) | re-import, unchanged (s) "
        "| peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {'GeoPackage' if r['backend'] == 'gpkg' else 'PostgreSQL/PostGIS'} | {r['units_s']:.1f} "
            f"| {r['write_s']:.1f} | {r['peer_write_s']:.1f} | {r['write_s'] / r['peer_write_s']:.1f} "
            f"| {r['read_s']:.2f} | {r['peer_read_s']:.2f} | {r['read_s'] / r['peer_read_s']:.1f} "
            f"| {r['series_s']:.3f} | {r['reimport_s']:.1f} | {r['peak_rss_mb']:.0f} |"
        )
    if pg_skip:
        lines.append(f"\nPostgreSQL not measured: {pg_skip}.")
    for r in results:
        if "file_mb" in r:
            lines.append(f"\nGeoPackage file size after the run (incl. the peer's raw table): {r['file_mb']:.0f} MB.")
    ok = all(r["write_s"] <= 30 and r["read_s"] <= 1 for r in results)
    lines += [
        "",
        f"Goal {'met' if ok else 'NOT met'} for "
        + ", ".join(f"{r['backend']} (write {r['write_s']:.1f} s, read {r['read_s']:.2f} s)" for r in results)
        + ".",
        "",
    ]
    out = ROOT / "bench" / "results" / "store.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        run_one(sys.argv[2], sys.argv[3], sys.argv[4] or None)
    else:
        main()
