"""Disclosure control on the demo county, before (subtraction rule) and after (protection intervals).

For every year and count variable of the demo block tables, aggregated to social spaces, municipalities and the
county as tools/run_demo.py publishes them (threshold 3), this computes

- the cells suppressed by the former rule (each equation 0 or >= 2 suppressed cells, the partner is the smallest
  non-zero sibling) and by the current one (core.disclosure.protect_levels),
- the interval an attacker solving the linear bounds (scipy linprog over every published total) proves for each
  primary cell, and whether it contains the required protection interval [v - L, v + U],
- the attacker who also knows the former rule (the partner is the smallest non-zero unsuppressed sibling, the
  primary cell is below the threshold): per suppressed pair of social spaces in a published municipality, every
  completion of the pair consistent with the published numbers for which the former rule gives the same pattern.

    PYTHONNOUSERSITE=1 /usr/bin/python3 tools/disclosure_demo.py [--years 2024] [--json out.json]

Prints a Markdown summary (docs/disclosure.md quotes it).
"""

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sozialplanung_plugin.core import aggregate as ag  # noqa: E402
from sozialplanung_plugin.core import disclosure as dc  # noqa: E402
from sozialplanung_plugin.core.catalogue import load_catalogue  # noqa: E402
from sozialplanung_plugin.core.tables import read_table  # noqa: E402

DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
YEARS = (2009, 2014, 2023, 2024, 2025)
THRESHOLD = 3


def demo_levels():
    """Block -> social space and block -> municipality from the demo GeoPackage (plain sqlite, no QGIS)."""
    with sqlite3.connect(DEMO / "rbk_demo.gpkg") as con:
        rows = con.execute("select block_id, sr_id, ags from blocks").fetchall()
    space = pd.Series({str(b): str(s) for b, s, _ in rows})
    mun = pd.Series({str(b): str(a) for b, _, a in rows})
    return space, mun


def demo_counts(year, space, mun, blocks=False):
    """Counts of one year at the published levels (values DataFrames) and the base assignments; with ``blocks``
    the blocks themselves are published too (as tests/qgis/test_aggregate_publication.py does)."""
    table = read_table(DEMO / f"bloecke_{year}.csv", variables=load_catalogue())
    values, status = table.wide(None)
    mapped = [c.variable for c in table.columns if c.mapped]
    values, status = values[mapped], status[mapped]
    values.index = values.index.astype(str)
    status.index = values.index
    assigns = [space, mun, pd.Series("K", index=space.index)]
    if blocks:
        assigns = [pd.Series(space.index, index=space.index), *assigns]
    levels = [ag.aggregate_counts(values, status, a)[0] for a in assigns]
    return levels, assigns


def evaluate(levels, assigns, masks, primary, threshold):
    """Per primary cell: (level, key, variable, value, lo, hi, protected) under the LP attacker."""
    tree = dc.build_tree([v.index for v in levels], assigns)
    out = []
    for col in levels[0].columns:
        vals = np.concatenate([np.nan_to_num(v[col].to_numpy(dtype=float), nan=0.0) for v in levels])
        hidden = np.concatenate([m[col].to_numpy(dtype=bool) for m in masks])
        prim = np.concatenate([p[col].to_numpy(dtype=bool) for p in primary])
        if not prim.any():
            continue
        attacker = dc.Attacker(tree, vals, hidden)
        for c in np.flatnonzero(prim):
            lo, hi = attacker.bounds(c)
            low, up = dc.required_interval(vals[c], threshold)  # width = threshold
            lv, key = tree.label(c)
            out.append((lv, key, col, vals[c], lo, hi, lo <= vals[c] - low + 1e-9 and hi >= vals[c] + up - 1e-9))
    return out


def achieved_margins(ev, threshold):
    """Per primary cell the margins the LP attacker leaves (v - lo, hi - v) and the required (L, U)."""
    cells = []
    for _lv, _key, _col, v, lo, hi, _ok in ev:
        low, up = dc.required_interval(v, threshold)
        cells.append((v - lo, hi - v, low, up, v))
    out = margins_of(cells)
    out["_cells"] = cells
    return out


def margins_of(cells):
    if not cells:
        return {"n": 0}
    a = np.array(cells, dtype=float)
    ups, req_up = a[:, 1], a[:, 3]
    return {
        "n": len(a),
        "required_up": sorted({float(x) for x in req_up}),
        "up_min": float(ups.min()),
        "up_median": float(np.median(ups)),
        "up_max": float(ups.max()),
        "ratio_min": float(np.min(ups / req_up)),  # the lower margin required is v itself (L = min(v, U))
        "reach_zero": int(np.sum(np.abs(a[:, 0] - a[:, 4]) < 1e-9)),
    }


def margin_row(year, m):
    if not m.get("n"):
        return f"| {year} | 0 | - | - | - | - |"
    req = ", ".join(f"{x:g}" for x in m["required_up"])
    return (
        f"| {year} | {m['n']} | {req} | {m['up_min']:g} / {m['up_median']:g} / {m['up_max']:g} | "
        f"{m['ratio_min']:.2f} | {m['reach_zero']} of {m['n']} |"
    )


def old_rule_attack(levels, masks, primary, space_parent, threshold):
    """The attacker who knows the former rule, on pairs of suppressed social spaces in a published municipality.

    Returns a list of (municipality, variable, keys, true values, feasible completions)."""
    sp, mun = levels[0], levels[1]
    found = []
    for col in sp.columns:
        hidden = masks[0][col]
        for m in mun.index:
            if masks[1].loc[m, col]:
                continue
            kids = space_parent.index[space_parent == m]
            hid = [k for k in kids if hidden.get(k, False)]
            if len(hid) != 2:
                continue
            pub = [k for k in kids if not hidden.get(k, False)]
            total = float(np.nansum(sp.loc[hid, col]))
            feasible = []
            for x in range(int(total) + 1):
                trial = sp[[col]].copy()
                trial.loc[hid[0], col], trial.loc[hid[1], col] = float(x), total - x
                prim = dc.primary_mask(trial.loc[kids], threshold)[col]
                if not prim[hid].any() or prim[pub].any():
                    continue  # no primary cell in the pair, or a published cell would have been primary
                # the former rule in this equation: one primary cell -> partner = smallest non-zero sibling
                if prim[hid].all():
                    feasible.append((x, total - x))
                    continue
                p = hid[0] if prim[hid[0]] else hid[1]
                others = [k for k in kids if k != p]
                vals = trial.loc[others, col]
                pool = vals[vals != 0] if (vals != 0).any() else vals
                partner = min(pool.index, key=lambda k: (abs(pool[k]), k))
                if {p, partner} == set(hid):
                    feasible.append((x, total - x))
            true = tuple(float(sp.loc[k, col]) for k in hid)
            found.append((m, col, tuple(hid), true, feasible))
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", default=",".join(map(str, YEARS)))
    ap.add_argument("--json", default=None)
    ap.add_argument("--threshold", type=int, default=THRESHOLD)
    ap.add_argument("--blocks", action="store_true", help="publish the blocks too (4 levels)")
    args = ap.parse_args(argv)
    years = [int(y) for y in args.years.split(",") if y.strip()]
    threshold, with_blocks = args.threshold, args.blocks
    space, mun = demo_levels()
    space_parent = ag.parent_mapping(space, mun)[0]
    summary = {"years": years, "threshold": threshold, "blocks_published": with_blocks, "per_year": {}}
    lines = [
        "| year | primary cells | suppressed, former rule | suppressed, protection | primary cells protected (LP "
        "attacker), former / now | pairs the rule-aware attacker pins (former rule) |",
        "|---|---|---|---|---|---|",
    ]
    tot = {"primary": 0, "old": 0, "new": 0, "old_ok": 0, "new_ok": 0, "pinned": 0, "pairs": 0, "seconds": 0.0}
    examples, all_margins, margin_lines = [], [], []
    for year in years:
        levels, assigns = demo_counts(year, space, mun, with_blocks)
        primary = [dc.primary_mask(v, threshold) for v in levels]
        parents = [space_parent.reindex(levels[-3].index), pd.Series("K", index=levels[-2].index)]
        if with_blocks:
            parents = [space.reindex(levels[0].index), *parents]
        old = dc.subtraction_rule(levels, primary, parents)
        t0 = time.perf_counter()
        new, report = dc.protect_levels(levels, primary, assigns, threshold)
        seconds = time.perf_counter() - t0
        ev_old = evaluate(levels, assigns, old, primary, threshold)
        ev_new = evaluate(levels, assigns, new, primary, threshold)
        k = 1 if with_blocks else 0
        attack = old_rule_attack(levels[k:], old[k:], primary[k:], space_parent, threshold) if not with_blocks else []
        pinned = [a for a in attack if len({tuple(sorted(f)) for f in a[4]}) == 1]
        n_prim = sum(int(p.to_numpy().sum()) for p in primary)
        row = {
            "primary": n_prim,
            "suppressed_old": sum(int(m.to_numpy().sum()) for m in old),
            "suppressed_new": sum(int(m.to_numpy().sum()) for m in new),
            "protected_old": sum(e[6] for e in ev_old),
            "protected_new": sum(e[6] for e in ev_new),
            "pairs": len(attack),
            "pinned_old": len(pinned),
            "seconds": round(seconds, 2),
            "narrowest_new": min((e[5] - e[4] for e in ev_new), default=None),
        }
        margins = achieved_margins(ev_new, threshold)
        row.update(margins)
        for a in margins["_cells"]:
            all_margins.append(a)
        del row["_cells"]
        summary["per_year"][year] = row
        for k_, k2 in (
            ("primary", "primary"),
            ("old", "suppressed_old"),
            ("new", "suppressed_new"),
            ("old_ok", "protected_old"),
            ("new_ok", "protected_new"),
            ("pinned", "pinned_old"),
            ("pairs", "pairs"),
            ("seconds", "seconds"),
        ):
            tot[k_] += row[k2]
        lines.append(
            f"| {year} | {n_prim} | {row['suppressed_old']} | {row['suppressed_new']} | "
            f"{row['protected_old']} / {row['protected_new']} of {n_prim} | {row['pinned_old']} of {row['pairs']} |"
        )
        margin_lines.append(margin_row(year, row))
        for m, col, keys, true, _feas in pinned:
            examples.append({"year": year, "municipality": m, "variable": col, "spaces": keys, "values": true})
        if year == 2024:
            ev = {(lv - k, key, col): (lo, hi) for lv, key, col, _, lo, hi, _ in ev_new}
            summary["case_05378016"] = [
                {
                    "variable": col,
                    "spaces": keys,
                    "values": true,
                    "former_rule_completions": feas,
                    "now_intervals": [ev.get((0, k, col)) for k in keys],
                    "now_suppressed": sorted(
                        k for k in space_parent.index[space_parent == m] if new[-3][col].get(k, False)
                    ),
                }
                for m, col, keys, true, feas in attack
                if m == "05378016"
            ]
    lines.append(
        f"| all | {tot['primary']} | {tot['old']} | {tot['new']} | {tot['old_ok']} / {tot['new_ok']} of "
        f"{tot['primary']} | {tot['pinned']} of {tot['pairs']} |"
    )
    summary["total"] = tot
    summary["pinned_examples"] = examples
    summary["margins"] = margins_of(all_margins)
    margin_lines.append(margin_row("all", summary["margins"]))
    print("\n".join(lines))
    print("\nIntervals achieved (LP attacker, current rule; margins = how far below/above the true value v the")
    print("attacker's interval reaches, required = [v - L, v + U]):\n")
    print(
        "| year | primary cells | required upper margin U | achieved upper margin: min / median / max | "
        "smallest achieved / required | cells whose interval reaches 0 (lower margin = v) |"
    )
    print("|---|---|---|---|---|---|")
    print("\n".join(margin_lines))
    print(f"\nprotection computed in {tot['seconds']:.1f} s for {len(years)} years")
    if "case_05378016" in summary:
        print("\n2024, municipality 05378016:")
        for c in summary["case_05378016"]:
            print(" ", json.dumps(c, default=str))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1, default=str), encoding="utf-8")
    return summary


if __name__ == "__main__":
    main()
