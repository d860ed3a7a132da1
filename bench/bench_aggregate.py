"""Benchmark: aggregating 20,000 blocks x 20 indicators x 10 years to about 500 social spaces.

Run alone:  PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/bench_aggregate.py [--quick]
Writes bench/results/aggregate.md. Each variant runs in its own subprocess (clean peak memory, ru_maxrss):

- sozialplanung:aggregateindicators through processing.run in a headless QgsApplication
  (with and without dissolving block geometries);
- peer (a): the same job as a chain of QGIS native algorithms: native:joinattributestable once per year,
  native:aggregate (sum per social space), native:fieldcalculator once per indicator and year;
- peer (b): a plain pandas/geopandas script (read_file of the block attributes, read_csv per year, merge,
  groupby-sum, rates).

All variants read the same files: the block GeoPackage and ten CSV files as offices deliver them (cp1252,
';', CRLF, German headers). The CSVs here contain only plain integers (no symbols such as '.' or '-'),
so that peers (a) and (b) can read them at all; a .csvt sidecar gives OGR the column types (keys as text).
core.tables reads their body with pandas' C parser; the report also times copies with 5 % symbol cells and the
same tables split into rows in Python (what the reader falls back to for a quoted line break).
"""

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("SOZ_BENCH_DIR", "/tmp/sozialplanung-bench-aggregate"))

HEADERS = {  # variable id -> header as delivered (docs/architecture.md)
    "ew": "Einwohner insgesamt",
    "ew_u15": "Einwohner unter 15 Jahre",
    "ew_u18": "Einwohner unter 18 Jahre",
    "ew_u20": "Einwohner unter 20 Jahre",
    "ew_u21": "Einwohner unter 21 Jahre",
    "ew_15_25": "Einwohner 15 bis unter 25 Jahre",
    "ew_15_65": "Einwohner 15 bis unter 65 Jahre",
    "ew_20_65": "Einwohner 20 bis unter 65 Jahre",
    "ew_u65": "Einwohner unter 65 Jahre",
    "ew_65plus": "Einwohner 65 Jahre und älter",
    "ew_80plus": "Einwohner 80 Jahre und älter",
    "auslaender": "Ausländer",
    "sgb2_lb": "Leistungsberechtigte SGB II",
    "sgb2_u15": "Kinder im SGB II Bezug unter 15 Jahre",
    "alo": "Arbeitslose SGB II und III",
    "alo_u25": "Arbeitslose unter 25 Jahre",
    "alo_lz": "Langzeitarbeitslose",
    "gs_65plus": "Grundsicherung im Alter 65+",
    "zuzuege": "Zuzüge",
    "fortzuege": "Fortzüge",
    "hh": "Haushalte",
    "hh_kinder": "Haushalte mit Kindern unter 18",
    "hh_alleinerz": "Alleinerziehenden-Haushalte",
    "hze": "Hilfen zur Erziehung",
}


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


# ------------------------------------------------------------------------------------------------------
# data
# ------------------------------------------------------------------------------------------------------
def pick_indicators(n=20):
    """n catalogue indicators computable from the delivered counts: all status rates/counts that need no
    area (18), filled up with dynamics indicators in percentage points (change of a rate over 2 years)."""
    from sozialplanung_plugin.core import aggregate as ag
    from sozialplanung_plugin.core.catalogue import load_catalogue

    cat = load_catalogue()
    cand = [i for i in cat.indicators.values() if not ag.is_dynamics(i) and "area_km2" not in i.denominator]
    ok, _ = ag.computable(cand, list(HEADERS), has_area=False)
    ok = ok[:n]
    ids = {i.id for i in ok}
    for i in cat.indicators.values():
        if len(ok) >= n:
            break
        if ag.is_dynamics(i) and i.base_indicator in ids and (i.change or "pp") == "pp" and i.period_years:
            ok.append(i)
    return ok


def ind_def(i):
    """Plain definition of an indicator for the peers."""
    d = {
        "id": i.id,
        "numerator": list(i.numerator),
        "denominator": list(i.denominator),
        "multiplier": float(i.multiplier or 1),
    }
    if getattr(i, "kind", "") == "dynamics":
        d.update(base=i.base_indicator, period=int(i.period_years))
    return d


def make_data(n_blocks, n_years, block_per_space=40, spaces_per_mun=50, seed=1):
    """Blocks as a grid of 100 m squares (GeoPackage) and one CSV per year in the delivered format."""
    import numpy as np
    from osgeo import ogr, osr

    WORK.mkdir(parents=True, exist_ok=True)
    stamp = WORK / f"data_{n_blocks}_{n_years}.ok"
    years = list(range(2026 - n_years, 2026))
    gpkg = WORK / f"blocks_{n_blocks}.gpkg"
    csvs = [WORK / f"bloecke_{n_blocks}_{y}.csv" for y in years]
    if stamp.exists():
        return gpkg, csvs, years
    rng = np.random.default_rng(seed)
    cols = 200
    keys = [f"05378{(b // 9999) % 100:03d}{b % 9999 + 1:04d}" for b in range(n_blocks)]
    # a space is a 8 x 5 patch of the grid (40 blocks); 50 spaces make a municipality
    space_of = []
    for b in range(n_blocks):
        r, c = divmod(b, cols)
        space_of.append((r // 5) * (cols // 8) + c // 8)
    if gpkg.exists():
        gpkg.unlink()
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(gpkg))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("blocks", srs, ogr.wkbPolygon)
    for name, t in (("block_id", ogr.OFTString), ("sr_id", ogr.OFTString), ("ags", ogr.OFTString)):
        lyr.CreateField(ogr.FieldDefn(name, t))
    lyr.StartTransaction()
    for b, k in enumerate(keys):
        r, c = divmod(b, cols)
        x, y = 350000 + c * 100.0, 5650000 + r * 100.0
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("block_id", k)
        f.SetField("sr_id", f"SR{space_of[b]:04d}")
        f.SetField("ags", f"05378{space_of[b] // spaces_per_mun:03d}")
        f.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))")
        )
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None
    ids = list(HEADERS)
    for _y, path in zip(years, csvs):
        ew = rng.integers(20, 400, n_blocks)
        data = {"ew": ew}
        for v in ids[1:]:
            data[v] = rng.binomial(ew, 0.08)
        lines = ["Blocknummer;" + ";".join(HEADERS[v] for v in ids)]
        for i, k in enumerate(keys):
            lines.append(k + ";" + ";".join(str(int(data[v][i])) for v in ids))
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
        path.with_suffix(".csvt").write_text(",".join(['"String"'] + ['"Integer"'] * len(ids)))
    stamp.write_text("ok")
    return gpkg, csvs, years


def symbol_copies(csvs, share=0.05, seed=2):
    """The same tables with a share of the value cells written as symbols ('.' secret, '-' zero, '/'), as
    offices deliver them: for timing the reader only (the peers cannot read them)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    out = []
    for path in map(Path, csvs):
        sym = path.with_name(path.name.replace("bloecke_", "bloecke_sym_"))
        out.append(str(sym))
        if sym.exists():
            continue
        lines = path.read_bytes().decode("cp1252").split("\r\n")
        for i in range(1, len(lines)):
            if lines[i]:
                cells = lines[i].split(";")
                for j in range(1, len(cells)):
                    if rng.random() < share:
                        cells[j] = str(rng.choice([".", "-", "/"]))
                lines[i] = ";".join(cells)
        sym.write_bytes("\r\n".join(lines).encode("cp1252"))
    return out


# ------------------------------------------------------------------------------------------------------
# children
# ------------------------------------------------------------------------------------------------------
_KEEP = []


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def child_ours(args, dissolve, tables="csvs"):
    t0 = time.perf_counter()
    _KEEP.append(start_qgis())  # the QgsApplication must stay alive while processing runs
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    import sozialplanung_plugin

    plugin = sozialplanung_plugin.classFactory(None)
    plugin.initProcessing()
    # numpy, pandas and the plugin's core modules are imported at start-up, as the pandas script imports its
    # libraries before its clock starts (the plugin imports them on the first run of an algorithm: ~0.6 s once
    # per QGIS session, more here where PYTHONDONTWRITEBYTECODE makes Python compile the modules every time)
    for mod in (
        "numpy",
        "pandas",
        "sozialplanung_plugin.core.tables",
        "sozialplanung_plugin.core.catalogue",
        "sozialplanung_plugin.core.aggregate",
    ):
        importlib.import_module(mod)

    t_init = time.perf_counter() - t0
    t1 = time.perf_counter()
    res = processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": f"{args['gpkg']}|layername=blocks",
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": args[tables],
            "INDICATORS": ",".join(args["indicators"]),
            "LEVEL_FIELDS": ["sr_id"],
            "COUNTY": False,
            "REFERENCES": False,
            "DISSOLVE": dissolve,
            "OUTPUT_1": "TEMPORARY_OUTPUT",
        },
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    t_job = time.perf_counter() - t1
    lyr = res["OUTPUT_1"]
    check = {f["key"]: f[f"{args['indicators'][1]}_{args['years'][-1]}"] for f in lyr.getFeatures()}
    # where the time goes: the same table reading alone
    from sozialplanung_plugin.core.inputs import load_catalogue_any, read_tables

    t2 = time.perf_counter()
    _, _, cat = load_catalogue_any()
    read_tables(args["csvs"], "", "", cat)
    t_read = time.perf_counter() - t2
    # the same tables with 5 % symbol cells, and the plain tables split into rows in Python (the reader's
    # fallback for a text pandas cannot read exactly, e.g. a quoted line break)
    t_sym = t_rows = float("nan")
    if not dissolve and tables == "csvs":
        from sozialplanung_plugin.core.tables import source

        t3 = time.perf_counter()
        read_tables(args["csvs_sym"], "", "", cat)
        t_sym = time.perf_counter() - t3
        fast = source.body_of_text
        source.body_of_text = lambda *a, **k: None
        try:
            t3 = time.perf_counter()
            read_tables(args["csvs"], "", "", cat)
            t_rows = time.perf_counter() - t3
        finally:
            source.body_of_text = fast
    return {
        "init_s": t_init,
        "job_s": t_job,
        "read_tables_s": t_read,
        "read_tables_sym_s": t_sym,
        "read_tables_rows_s": t_rows,
        "features": lyr.featureCount(),
        "fields": lyr.fields().count(),
        "check": check,
    }


def child_native(args):
    t0 = time.perf_counter()
    _KEEP.append(start_qgis())  # the QgsApplication must stay alive while processing runs
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    t_init = time.perf_counter() - t0
    t1 = time.perf_counter()
    ctx, fb = QgsProcessingContext(), QgsProcessingFeedback()
    blocks = QgsVectorLayer(f"{args['gpkg']}|layername=blocks", "blocks", "ogr")
    current = blocks
    needed = args["variables"]
    for y, path in zip(args["years"], args["csvs"]):
        table = QgsVectorLayer(path, f"t{y}", "ogr")
        table.setProviderEncoding("windows-1252")
        names = table.fields().names()
        by_id = {v: names[1 + list(HEADERS).index(v)] for v in needed}
        out = processing.run(
            "native:joinattributestable",
            {
                "INPUT": current,
                "FIELD": "block_id",
                "INPUT_2": table,
                "FIELD_2": names[0],
                # in the table's own field order: QGIS 3.22 copies the values in layer order, so another order
                # would put values under the wrong names
                "FIELDS_TO_COPY": [n for n in names if n in set(by_id.values())],
                "METHOD": 1,
                "DISCARD_NONMATCHING": False,
                "PREFIX": f"y{y}_",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
            context=ctx,
            feedback=fb,
        )
        current = out["OUTPUT"]
        col_of = {(y, v): f"y{y}_{by_id[v]}" for v in needed}
        args.setdefault("cols", {}).update({f"{y}|{v}": c for (y, v), c in col_of.items()})
    aggs = [
        {
            "aggregate": "first_value",
            "input": '"sr_id"',
            "name": "sr_id",
            "type": 10,
            "length": 0,
            "precision": 0,
            "delimiter": ",",
        }
    ]
    for key, col in args["cols"].items():
        y, v = key.split("|")
        aggs.append(
            {
                "aggregate": "sum",
                "input": f'"{col}"',
                "name": f"{v}_{y}",
                "type": 6,
                "length": 20,
                "precision": 6,
                "delimiter": ",",
            }
        )
    out = processing.run(
        "native:aggregate",
        {"INPUT": current, "GROUP_BY": '"sr_id"', "AGGREGATES": aggs, "OUTPUT": "TEMPORARY_OUTPUT"},
        context=ctx,
        feedback=fb,
    )
    current = out["OUTPUT"]
    for ind in args["ind_defs"]:
        if "base" in ind:
            for y in args["years"]:
                if y - ind["period"] not in args["years"]:
                    continue
                formula = f'("{ind["base"]}_{y}" - "{ind["base"]}_{y - ind["period"]}") * {ind["multiplier"]}'
                out = processing.run(
                    "native:fieldcalculator",
                    {
                        "INPUT": current,
                        "FIELD_NAME": f"{ind['id']}_{y}",
                        "FIELD_TYPE": 0,
                        "FIELD_LENGTH": 20,
                        "FIELD_PRECISION": 6,
                        "FORMULA": formula,
                        "OUTPUT": "TEMPORARY_OUTPUT",
                    },
                    context=ctx,
                    feedback=fb,
                )
                current = out["OUTPUT"]
            continue
        for y in args["years"]:
            num = " + ".join(
                f'"{v.lstrip("-")}_{y}"' if not v.startswith("-") else f'0 - "{v[1:]}_{y}"' for v in ind["numerator"]
            )
            num = num.replace("+ 0 - ", "- ")
            if ind["denominator"]:
                den = " + ".join(f'"{v}_{y}"' for v in ind["denominator"])
                formula = f"CASE WHEN ({den}) > 0 THEN ({num}) / ({den}) * {ind['multiplier']} END"
            else:
                formula = f"({num}) * {ind['multiplier']}"
            out = processing.run(
                "native:fieldcalculator",
                {
                    "INPUT": current,
                    "FIELD_NAME": f"{ind['id']}_{y}",
                    "FIELD_TYPE": 0,
                    "FIELD_LENGTH": 20,
                    "FIELD_PRECISION": 6,
                    "FORMULA": formula,
                    "OUTPUT": "TEMPORARY_OUTPUT",
                },
                context=ctx,
                feedback=fb,
            )
            current = out["OUTPUT"]
    t_job = time.perf_counter() - t1
    check = {f["sr_id"]: f[f"{args['indicators'][1]}_{args['years'][-1]}"] for f in current.getFeatures()}
    return {
        "init_s": t_init,
        "job_s": t_job,
        "features": current.featureCount(),
        "fields": current.fields().count(),
        "check": check,
    }


def child_pandas(args):
    t0 = time.perf_counter()
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    t_init = time.perf_counter() - t0
    t1 = time.perf_counter()
    blocks = gpd.read_file(args["gpkg"], layer="blocks", ignore_geometry=True)
    rename = {h: v for v, h in HEADERS.items()}
    needed = args["variables"]
    out = {}
    for y, path in zip(args["years"], args["csvs"]):
        t = pd.read_csv(path, sep=";", encoding="cp1252", dtype={"Blocknummer": str})
        t = t.rename(columns=rename)[["Blocknummer"] + needed]
        m = blocks[["block_id", "sr_id"]].merge(t, left_on="block_id", right_on="Blocknummer", how="left")
        s = m.groupby("sr_id")[needed].sum(min_count=1)
        for ind in args["ind_defs"]:
            if "base" in ind:
                y0 = y - ind["period"]
                if f"{ind['base']}_{y0}" in out:
                    out[f"{ind['id']}_{y}"] = (out[f"{ind['base']}_{y}"] - out[f"{ind['base']}_{y0}"]) * ind[
                        "multiplier"
                    ]
                continue
            num = sum(-s[v[1:]] if v.startswith("-") else s[v] for v in ind["numerator"])
            if ind["denominator"]:
                den = sum(s[v] for v in ind["denominator"])
                out[f"{ind['id']}_{y}"] = np.where(den > 0, num / den.where(den > 0) * ind["multiplier"], np.nan)
                out[f"{ind['id']}_num_{y}"] = num
                out[f"{ind['id']}_den_{y}"] = den
            else:
                out[f"{ind['id']}_{y}"] = num * ind["multiplier"]
        index = s.index
    result = pd.DataFrame(out, index=index)
    t_job = time.perf_counter() - t1
    col = f"{args['indicators'][1]}_{args['years'][-1]}"
    return {
        "init_s": t_init,
        "job_s": t_job,
        "features": len(result),
        "fields": result.shape[1],
        "check": {k: float(v) for k, v in result[col].items()},
    }


def run_child(mode, args, limit=7200):
    """Run one variant in its own process; a variant past ``limit`` seconds is stopped and reported."""
    cmd = [sys.executable, __file__, "--child", mode, "--args", str(WORK / "args.json")]
    env = dict(os.environ, PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=limit)
    except subprocess.TimeoutExpired:
        return {
            "timeout": True,
            "limit_s": limit,
            "job_s": float(limit),
            "init_s": float("nan"),
            "maxrss_mb": float("nan"),
            "fields": 0,
            "features": 0,
            "check": {},
            "wall_s": float(limit),
        }
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{out.stderr[-3000:]}")
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    res = json.loads(line[7:])
    res["wall_s"] = wall
    res["load_after"] = os.getloadavg()[0]
    return res


def office_copies(csvs):
    """The same tables as offices often deliver them: a title line with the year, a label column with the
    municipality's name after the key, and the symbol legend and source under the table. Same values as the
    plain tables, so the job's result must not change (before 2026-12 such a table took the row-by-row reader:
    the issue measured this job at 6.6 s against 1.6 s for the pandas script)."""
    out = []
    for path in map(Path, csvs):
        office = path.with_name(path.name.replace("bloecke_", "bloecke_office_"))
        out.append(str(office))
        if office.exists():
            continue
        year = path.stem.rsplit("_", 1)[1]
        lines = path.read_bytes().decode("cp1252").split("\r\n")
        body = []
        for i, line in enumerate(lines):
            if not line:
                continue
            key, rest = line.split(";", 1)
            label = "Gemeinde" if i == 0 else f"Stadt {key[5:8]} Nord"
            body.append(f"{key};{label};{rest}")
        text = (
            [f"Bevölkerung und Sozialleistungen nach Baublöcken am 31.12.{year}"]
            + body
            + [
                "",
                ". = Zahlenwert unbekannt oder geheim zu halten; - = nichts vorhanden; / = keine Angabe",
                "Quelle: Kommunale Statistikstelle",
            ]
        )
        office.write_bytes(("\r\n".join(text) + "\r\n").encode("cp1252"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="2,000 blocks x 3 years (smoke test)")
    ap.add_argument("--child")
    ap.add_argument("--args")
    ap.add_argument("--skip-native", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the short variants (best time reported)")
    ap.add_argument(
        "--native-limit",
        type=float,
        default=float(os.environ.get("SOZ_BENCH_NATIVE_LIMIT", 1800)),
        help="seconds after which the native chain is stopped (reported as '> limit')",
    )
    a = ap.parse_args()
    if a.child:
        args = json.loads(Path(a.args).read_text())
        fn = {
            "ours": lambda: child_ours(args, False),
            "ours_dissolve": lambda: child_ours(args, True),
            "ours_office": lambda: child_ours(args, False, tables="csvs_office"),
            "native": lambda: child_native(args),
            "pandas": lambda: child_pandas(args),
        }[a.child]
        res = fn()
        res["maxrss_mb"] = rss_mb()
        print("RESULT " + json.dumps(res, default=float))
        sys.stdout.flush()
        os._exit(0)  # skip slow QGIS teardown

    n_blocks, n_years = (2000, 3) if a.quick else (20000, 10)
    t0 = time.perf_counter()
    gpkg, csvs, years = make_data(n_blocks, n_years)
    t_data = time.perf_counter() - t0
    inds = pick_indicators(20)
    variables = sorted({v.lstrip("-") for i in inds for v in list(i.numerator) + list(i.denominator)})
    args = {
        "gpkg": str(gpkg),
        "csvs": [str(c) for c in csvs],
        "csvs_sym": symbol_copies(csvs),
        "csvs_office": office_copies(csvs),
        "years": years,
        "indicators": [i.id for i in inds],
        "variables": variables,
        "ind_defs": [ind_def(i) for i in inds],
    }
    (WORK / "args.json").write_text(json.dumps(args))
    results = {}
    modes = ("ours", "ours_dissolve", "ours_office", "pandas") + (() if a.skip_native else ("native",))
    runs = {m: [] for m in modes}
    loads = {}
    # the short variants run several times, taking turns (a change of the load on the shared machine hits
    # all of them alike), best job time kept; the native chain once, at the end
    for rep in range(a.repeat):
        for mode in modes[:4]:
            print(f"running {mode} ({rep + 1}/{a.repeat}) ...", flush=True)
            loads.setdefault(mode, os.getloadavg()[0])
            runs[mode].append(run_child(mode, args))
    if "native" in modes:
        print("running native ...", flush=True)
        loads["native"] = os.getloadavg()[0]
        runs["native"].append(run_child("native", args, limit=a.native_limit))
    for mode in modes:
        best = min(runs[mode], key=lambda r: r["job_s"])
        best["runs"] = [round(r["job_s"], 2) for r in runs[mode]]
        best["maxrss_mb"] = max(r["maxrss_mb"] for r in runs[mode])
        best["load_after"] = runs[mode][-1]["load_after"]
        results[mode] = best
        results[mode]["load_before"] = loads[mode]
        print(mode, {k: v for k, v in results[mode].items() if k != "check"}, flush=True)
    # the variants must agree
    ref = results["pandas"]["check"]
    for _mode, res in results.items():
        if res.get("timeout"):
            res["agrees"] = None
            continue
        got = res["check"]
        bad = [k for k in ref if abs((got.get(k) or float("nan")) - ref[k]) > 1e-9 * max(1, abs(ref[k]))]
        res["agrees"] = not bad
    write_report(results, n_blocks, n_years, len(inds), t_data, quick=a.quick)


def goal_status(results, ratio):
    """The goal sentence, from the numbers of this run."""
    nat, ours = results.get("native"), results["ours"]
    parts = []
    if nat:
        parts.append(
            f"native chain / ours {nat['job_s'] / ours['job_s']:.0f}x (goal >= 5x: "
            + ("met" if nat["job_s"] / ours["job_s"] >= 5 else "MISSED")
            + ")"
        )
    parts.append(
        f"ours / pandas script {ratio:.1f}x, best run against best run (goal <= 2x: "
        + ("met" if ratio <= 2 else f"MISSED by {ratio - 2:.1f}x")
        + ")"
    )
    return "Goal status: " + "; ".join(parts) + "."


def write_report(results, n_blocks, n_years, n_inds, t_data, quick=False):
    ours, pand = results["ours"], results["pandas"]
    nat = results.get("native")
    n_spaces = ours["features"]
    lines = [
        "## Aggregation across levels (bench/bench_aggregate.py)",
        "",
        f"Measured {dt.datetime.utcnow():%Y-%m-%d %H:%M} UTC on {platform.node()} ({platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, shared with other jobs), Python {platform.python_version()}, QGIS 3.22 (Debian)."
        + (" QUICK RUN (reduced size)." if quick else ""),
        "",
        f"Job: {n_blocks:,} blocks x {n_inds} catalogue indicators x {n_years} years ({n_years} CSV files as delivered:"
        f" cp1252, ';', German headers) aggregated to {n_spaces} social spaces; rates from summed counts. "
        f"Each variant runs in its own subprocess; the short variants {len(results['ours'].get('runs', [0]))} times "
        "each, taking turns (the best time counts), the native chain once; time = the job itself (after start-up: QGIS, the plugin and "
        "importing numpy, pandas and the plugin's core modules for ours, importing geopandas, numpy and pandas for "
        "the pandas script; before 2026-11-23 13:20 UTC ours counted these imports, ~0.6 s, in its job time), peak memory = "
        "ru_maxrss of that process (includes the QGIS libraries for the QGIS variants).",
        "",
        "| variant | job time (s), best | all runs (s) | start-up (s) | peak memory (MB) | output fields | same values "
        "| load avg before/after |",
        "|---|---:|---|---:|---:|---:|---|---|",
    ]

    def row(name, r):
        load = f"{r.get('load_before', float('nan')):.1f} / {r.get('load_after', float('nan')):.1f}"
        if r.get("timeout"):
            return f"| {name} | > {r['limit_s']:.0f} (stopped at the time limit) | | | | | not finished | {load} |"
        runs = ", ".join(f"{x:.2f}" for x in r.get("runs", [r["job_s"]]))
        return (
            f"| {name} | {r['job_s']:.2f} | {runs} | {r['init_s']:.2f} | {r['maxrss_mb']:.0f} | {r['fields']} | "
            f"{'yes' if r.get('agrees') else 'NO'} | {load} |"
        )

    lines.append(row("sozialplanung:aggregateindicators (no dissolve)", ours))
    lines.append(row("sozialplanung:aggregateindicators (dissolve geometries)", results["ours_dissolve"]))
    lines.append(
        row("sozialplanung:aggregateindicators (office tables: title, label column, legend)", results["ours_office"])
    )
    if nat:
        lines.append(
            row(
                "(a) native chain: joinattributestable per year, aggregate, fieldcalculator per indicator and year", nat
            )
        )
    lines.append(row("(b) pandas/geopandas script", pand))
    lines += ["", "Ratios (job time):", ""]
    if nat:
        lines.append(
            f"- native chain / ours: **{'> ' if nat.get('timeout') else ''}{nat['job_s'] / ours['job_s']:.1f}x**"
            " (goal >= 5x)" + (" (lower bound: the chain was stopped at its time limit)" if nat.get("timeout") else "")
        )
    ratio = ours["job_s"] / pand["job_s"]
    med = statistics.median(ours.get("runs") or [ours["job_s"]]) / statistics.median(
        pand.get("runs") or [pand["job_s"]]
    )
    lines.append(
        f"- ours / pandas script: **{ratio:.1f}x** (goal <= 2x); median of the runs: {med:.1f}x "
        f"(single runs on the shared machine vary, see 'all runs')"
    )
    office = results["ours_office"]
    lines.append(
        f"- ours on the office tables (title line, municipality name column, symbol legend and source under the "
        f"table; same values) / pandas script on the plain tables: **{office['job_s'] / pand['job_s']:.1f}x** "
        f"({office['job_s']:.2f} s; the issue measured this job at 6.6 s against 1.6 s before the one reader)"
    )
    rest = max(ours["job_s"] - ours["read_tables_s"], 0)
    lines.append(
        f"- where our time goes: reading the {n_years} tables alone with core.tables.read_table (measured separately "
        f"in the same process) takes {ours['read_tables_s']:.2f} s "
        f"(~{min(ours['read_tables_s'] / ours['job_s'], 1) * 100:.0f} % of the job); the rest (reading "
        f"{n_blocks:,} block geometries for areas, aggregation, indicators, changes, writing {n_spaces} features "
        f"with {ours['fields']} fields) about {rest:.2f} s = {rest / pand['job_s']:.1f}x the pandas script."
    )
    rows_s, sym_s = ours.get("read_tables_rows_s"), ours.get("read_tables_sym_s")
    if rows_s is not None and rows_s == rows_s:
        lines.append(
            f"- other tables: these files hold plain integers. The same {n_years} tables with 5 % of the "
            f"value cells written as symbols ('.', '-', '/'; the pandas script and the native chain cannot "
            f"read them) take {sym_s:.2f} s (read_table: integer columns from pandas' C parser, the other "
            f"columns parsed per distinct cell; label columns, quotes, blank or heading rows take the same "
            f"path, see bench/results/tables.md). A text pandas cannot read exactly (a quoted line break) is "
            f"split into rows in Python, which takes {rows_s:.2f} s for the plain tables (a job with such tables: about "
            f"{ours['job_s'] + rows_s - ours['read_tables_s']:.1f} s = "
            f"{(ours['job_s'] + rows_s - ours['read_tables_s']) / pand['job_s']:.1f}x the pandas script)."
        )
    lines += [
        "",
        "Notes: our output carries more than the peers' (per indicator and year value, numerator, "
        "denominator and flag; changes first -> last year; status handling of suppressed cells; method "
        "record; area per social space from the block geometries; field aliases). The pandas script and the "
        "native chain would read a '.' or '-' cell as text or NULL (they are given clean integer files); ours "
        "parses the symbols. The native chain writes memory layers between steps; the pandas script reads "
        "block attributes only (no geometry)."
        f" Data generation took {t_data:.1f} s (not timed above). The machine is shared with other jobs (see the"
        " load average column: with 2 cores, a load above 2 slows every variant); the ratios come from the"
        " same run. " + goal_status(results, ratio),
        "",
        "History: 2026-11-23 11:41 UTC ours 6.0 s = 4.5x the pandas script (these tables through the "
        "row-by-row reader, 3.6 s; first imports counted in the job), 10.6 s before that. What brought it down: "
        "the fast path of core.tables (pandas' C parser where it provably reads as the row reader); keys kept as text instead of astype(str) "
        "copies; status classes looked up only for cells that are not 'ok'; group sums by bincount; the key "
        "report reused for years with the same keys; units read in one collecting pass.",
        "",
    ]
    out = ROOT / "bench" / "results" / "aggregate.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
