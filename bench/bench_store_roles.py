"""What roles, row-level security and the audit cost a shared PostgreSQL store (issue 18), and what a backup costs.

One durable throwaway cluster (fsync on), two schemas with the same data: 4,000 blocks of 8 municipalities x
10 indicators x 5 years = 200,000 values. Plain: the store as the superuser, no roles. Secured: after storeroles
(policies, audit triggers), written by the county role and by one municipality role (its 500 blocks, 25,000
values), read back (one year) as the county and as the municipality. The peer is the plain store in the same run:
the ratios are the price of the policies and the audit. Then a backup (snapshot) of the secured store and its
restore into a new schema.

Run:  PYTHONNOUSERSITE=1 /usr/bin/python3 bench/bench_store_roles.py     (writes bench/results/store_roles.md)
"""

import datetime as dt
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N_MUNI, N_PER_MUNI, N_IND, YEARS = 8, 500, 10, (2019, 2020, 2021, 2022, 2023)
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


def data():
    import numpy as np
    import pandas as pd
    from shapely.geometry import box

    munis = [f"053780{m:02d}" for m in range(1, N_MUNI + 1)]
    keys = np.array([f"{m}{i:04d}" for m in munis for i in range(N_PER_MUNI)], dtype=object)
    side = 64
    units = pd.DataFrame(
        {
            "key": keys,
            "geometry": [
                box((i % side) * 100, (i // side) * 100, (i % side) * 100 + 100, (i // side) * 100 + 100)
                for i in range(len(keys))
            ],
        }
    )
    rng = np.random.default_rng(7)
    n = len(keys) * N_IND * len(YEARS)
    den = rng.integers(20, 2000, n).astype(float)
    num = np.floor(den * rng.random(n) * 0.3)
    values = pd.DataFrame(
        {
            "unit_key": np.tile(keys, N_IND * len(YEARS)),
            "variable": np.repeat([f"ind{i:02d}" for i in range(N_IND)] * len(YEARS), len(keys)),
            "ref_date": np.repeat([f"{y}-12-31" for y in YEARS], len(keys) * N_IND),
            "value": num / den * 100,
            "numerator": num,
            "denominator": den,
        }
    )
    return munis, units, values


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main():
    import psycopg2

    from sozialplanung_plugin.core.store import Store
    from sozialplanung_plugin.core.store.backup import backup, restore
    from sozialplanung_plugin.core.store.roles import apply_roles, plan_roles
    from tests.pgserver import PgServer

    munis, units, values = data()
    mine = values[values["unit_key"].str.startswith(munis[0])]
    load = os.getloadavg()
    server = PgServer(durable=True).start()
    res = {}
    try:
        # plain store: the peer
        plain = Store.open(server.dsn, schema="plain")
        plain.put_units("block", units)
        res["plain_write"], _ = timed(lambda: plain.write_values(values, level="block", catalogue=catalogue()))
        res["plain_read"], sl = timed(lambda: plain.read_slice("block", READ_YEAR))
        plain.close()
        # the secured store: roles, policies, audit
        s = Store.open(server.dsn, schema="sec")
        s.put_units("block", units)
        s.register_catalogue(catalogue())
        res["roles_setup"], setup = timed(lambda: apply_roles(s, plan_roles(s)))
        s.close()
        su = psycopg2.connect(server.dsn)
        su.autocommit = True
        with su.cursor() as cur:
            cur.execute(f'CREATE ROLE bench_county LOGIN IN ROLE "{setup.county}"')
            cur.execute(f'CREATE ROLE bench_m1 LOGIN IN ROLE "{setup.municipalities[munis[0]]}"')
        county = Store.open(server.dsn.replace("user=postgres", "user=bench_county"), schema="sec")
        res["county_write"], _ = timed(lambda: county.write_values(values, level="block", catalogue=catalogue()))
        res["county_read"], csl = timed(lambda: county.read_slice("block", READ_YEAR))
        assert len(csl) == len(sl)
        with su.cursor() as cur:
            cur.execute("SELECT count(*) FROM sec.sm_audit")
            res["audit_rows"] = cur.fetchone()[0]
        m1 = Store.open(server.dsn.replace("user=postgres", "user=bench_m1"), schema="sec")
        changed = mine.assign(value=mine["value"] + 1)
        res["muni_write"], _ = timed(lambda: m1.write_values(changed, level="block", catalogue=catalogue()))
        res["muni_read"], msl = timed(lambda: m1.read_slice("block", READ_YEAR))
        assert len(msl) == len(sl) // N_MUNI
        m1.close()
        with tempfile.TemporaryDirectory() as tmp:
            snap = os.path.join(tmp, "snap.gpkg")
            res["backup"], _ = timed(lambda: backup(county, snap))
            res["snapshot_mb"] = os.path.getsize(snap) / 1e6
            county.close()
            res["restore"], _ = timed(lambda: restore(snap, server.dsn, schema="restored"))
        su.close()
        res["pg"] = server.versions
    finally:
        server.stop()
    res["load"] = load
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    write_report(res, len(values), len(mine))


def write_report(r, n, n_muni):
    lines = [
        "## Shared PostgreSQL store: the cost of roles, row-level security and the audit (bench/bench_store_roles.py)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} ({os.cpu_count()} cores, "
        f"load {r['load'][0]:.1f}/{r['load'][1]:.1f} at the start), {r['pg'][1].split(',')[0]}, PostGIS "
        f"{r['pg'][0]}, fsync on. {n:,} values (8 municipalities x 500 blocks x 10 indicators x 5 years); "
        f"peer: the same store without roles in the same run.",
        "",
        "| step | plain store (s) | secured store (s) | ratio |",
        "|---|---|---|---|",
        f"| write {n:,} values (county role; {r['audit_rows']:,} audit rows) | {r['plain_write']:.1f} | "
        f"{r['county_write']:.1f} | {r['county_write'] / r['plain_write']:.2f} |",
        f"| read one year, county role ({n // 5:,} values) | {r['plain_read']:.2f} | {r['county_read']:.2f} | "
        f"{r['county_read'] / r['plain_read']:.2f} |",
        f"| read one year, one municipality (its {n // 5 // 8:,} values) | - | {r['muni_read']:.2f} | - |",
        f"| update its {n_muni:,} values, one municipality | - | {r['muni_write']:.1f} | - |",
        "",
        f"storeroles (roles, policies, views, triggers, 8 municipalities): {r['roles_setup']:.2f} s. Backup of the "
        f"secured store: {r['backup']:.1f} s ({r['snapshot_mb']:.0f} MB snapshot); restore into a new schema: "
        f"{r['restore']:.1f} s. Peak RSS {r['peak_rss_mb']:.0f} MB.",
        "",
    ]
    out = ROOT / "bench" / "results" / "store_roles.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
