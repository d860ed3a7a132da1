"""Run the whole Sozialplanung pipeline on the bundled demo county through real qgis_process calls.

Each step is one algorithm of the provider 'sozialplanung', called as a user would from a shell script.
Writes out/sozialplanung_demo.gpkg, out/overview_maps.pdf, out/profiles.pdf and out/monitoring_store.gpkg.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
YEARS = (2009, 2014, 2023, 2024, 2025)


def gpkg_layer(path, table, geometry=True):
    """A sink destination writing layer `table` into the GeoPackage `path`."""
    return f"ogr:dbname='{path}' table=\"{table}\"" + (" (geom)" if geometry else "")


class Runner:
    def __init__(self, out):
        self.out = out
        self.home = Path(tempfile.mkdtemp(prefix="sozialplanung-demo-home-"))
        self.env = dict(os.environ, HOME=str(self.home), QGIS_PLUGINPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
                        PYTHONNOUSERSITE="1")
        self.env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
        self.check([QGIS_PROCESS, "plugins", "enable", "sozialplanung_plugin"])

    def check(self, args):
        out = subprocess.run(args, env=self.env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"failed: {shlex.join(map(str, args))}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
        return out

    def run(self, title, alg, params):
        args = [QGIS_PROCESS, "run", f"sozialplanung:{alg}", "--json", "--"]
        for key, value in params.items():
            for v in value if isinstance(value, (list, tuple)) else [value]:
                args.append(f"{key}={v}")
        print(f"\n== {title}\n$ {shlex.join(map(str, args)).replace(str(ROOT) + '/', '')}", flush=True)
        start = time.perf_counter()
        out = self.check(args)
        result = json.loads(out.stdout[out.stdout.index("{"):])["results"]
        shown = {k: (v if len(str(v)) < 120 else str(v)[:117] + "...") for k, v in result.items()
                 if not isinstance(v, (dict, list))}
        print(f"   {time.perf_counter() - start:.1f} s  {shown}", flush=True)
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out")
    out = Path(parser.parse_args().out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gpkg = out / "sozialplanung_demo.gpkg"
    store = out / "monitoring_store.gpkg"
    for stale in (gpkg, store, out / "overview_maps.pdf", out / "profiles.pdf"):
        stale.unlink(missing_ok=True)
    blocks = f"{DEMO / 'rbk_demo.gpkg'}|layername=blocks"
    municipalities = f"{DEMO / 'rbk_demo.gpkg'}|layername=municipalities"
    tables = [DEMO / f"bloecke_{year}.csv" for year in YEARS]
    r = Runner(out)
    steps = demo_steps(gpkg, store, blocks, municipalities, tables, out)
    for title, alg, params in steps:
        r.run(title, alg, params)
    print("\nDemo county Rheinisch-Bergischer Kreis done. Outputs:")
    for path in sorted(out.iterdir()):
        print(f"  {path}  ({path.stat().st_size / 1e6:.1f} MB)")


def demo_steps(gpkg, store, blocks, municipalities, tables, out):
    """The pipeline: (title, algorithm id, parameters). Each output goes into the one demo GeoPackage."""
    return [
        ("1a Social spaces from the blocks' assignment (with validation report)", "definesocialspaces", {
            "BLOCKS": blocks, "ASSIGNMENT": "sr_id", "NAME_FIELD": "sr_name", "MUNICIPALITY_FIELD": "municipality",
            "POPULATION_FIELD": "residents", "FLOOR": 3000, "CEILING": 12000,
            "OUTPUT": gpkg_layer(gpkg, "social_spaces"),
            "REPORT": gpkg_layer(gpkg, "social_spaces_report", geometry=False)}),
        ("2 Indicators: block tables of all years read as delivered, aggregated to social spaces, municipalities "
         "and the county (rates from summed counts, changes, references, disclosure control)", "aggregateindicators", {
            "UNITS": blocks, "UNIT_KEY": "block_id", "TABLES": [str(t) for t in tables],
            "LEVEL_FIELDS": ["sr_id", "ags"], "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis", "DISCLOSURE": True, "THRESHOLD": 3, "DISSOLVE": True,
            "OUTPUT_1": gpkg_layer(gpkg, "indicators_social_spaces"),
            "OUTPUT_2": gpkg_layer(gpkg, "indicators_municipalities"),
            "OUTPUT_COUNTY": gpkg_layer(gpkg, "indicators_county"),
            "REPORT": gpkg_layer(gpkg, "indicators_report", geometry=False)}),
    ]


if __name__ == "__main__":
    main()
