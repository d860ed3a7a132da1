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
        self.env = dict(
            os.environ,
            HOME=str(self.home),
            QGIS_PLUGINPATH=str(ROOT),
            QT_QPA_PLATFORM="offscreen",
            PYTHONNOUSERSITE="1",
        )
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
        result = json.loads(out.stdout[out.stdout.index("{") :])["results"]
        shown = {
            k: (v if len(str(v)) < 120 else str(v)[:117] + "...")
            for k, v in result.items()
            if not isinstance(v, (dict, list))
        }
        print(f"   {time.perf_counter() - start:.1f} s  {shown}", flush=True)
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out")
    out = Path(parser.parse_args().out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gpkg = out / "sozialplanung_demo.gpkg"
    store = out / "monitoring_store.gpkg"
    for stale in (
        gpkg,
        store,
        out / "overview_maps.pdf",
        out / "index_map.pdf",
        out / "profiles.pdf",
        out / "target_attainment.html",
        out / "index_status_dynamics.method.json",
        out / "access_maps.pdf",
        out / "sozialbericht.docx",
        out / "sozialbericht.pdf",
        out / "facility_catalogue.yaml",
    ):
        stale.unlink(missing_ok=True)
    shutil.rmtree(out / "sozialraumberichte", ignore_errors=True)
    write_demo_grid(out)
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


def write_demo_grid(out):
    """The synthetic Zensus-format grid of the demo county (tools/make_demo_infrastructure.py), for step 3f."""
    sys.path.insert(0, str(ROOT / "tools"))
    from make_demo_infrastructure import write_demo_grid as write

    path = out / "zensus2022_demo_100m.csv"
    write(path)
    return path


def infrastructure_steps(gpkg, blocks, municipalities, out):
    """Facilities, accessibility, gaps and the Zensus grid (synthetic demo infrastructure, docs/accessibility.md)."""
    infra = DEMO / "rbk_infrastructure.gpkg"
    facilities = f"{infra}|layername=facilities"
    spaces = f"{gpkg}|layername=indicators_social_spaces"
    dated = {"TYPE_FIELD": "type", "CAPACITY_FIELD": "capacity", "OPENED_FIELD": "opened", "CLOSED_FIELD": "closed"}
    population = {"ORIGIN_KEY": "block_id", "TABLES": [str(DEMO / f"bloecke_{y}.csv") for y in (2023, 2024, 2025)]}
    return [
        (
            "3c Facility supply 2023-2025: facilities, capacity and supply ratio per target group for social spaces, "
            "municipalities and the county (synthetic facilities)",
            "facilitysupply",
            {
                "FACILITIES": facilities,
                **dated,
                "SPACES": spaces,
                "SPACE_KEY": "key",
                "SPACE_NAME": "name",
                "MUNICIPALITY_FIELD": "key",
                "MUNICIPALITY_CHARS": 8,
                "POPULATION": blocks,
                "POPULATION_FIELD": "residents",
                "POPULATION_KEY": "block_id",
                "TABLES": population["TABLES"],
                "YEARS": "2023, 2024, 2025",
                "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
                "OUTPUT": gpkg_layer(gpkg, "facility_supply"),
                "OUTPUT_MUNICIPALITIES": gpkg_layer(gpkg, "facility_supply_municipalities"),
                "OUTPUT_COUNTY": gpkg_layer(gpkg, "facility_supply_county"),
                "CATALOGUE_OUT": str(out / "facility_catalogue.yaml"),
            },
        ),
        (
            "3d Network accessibility 2025: walking distance from every block to the nearest two facilities of each "
            "type over the (synthetic) street network; share within the thresholds, 2SFCA",
            "networkaccess",
            {
                "ORIGINS": blocks,
                "POPULATION_FIELD": "residents",
                **population,
                "FACILITIES": facilities,
                **dated,
                "NETWORK": f"{infra}|layername=roads",
                "MODE": 0,
                "SPACES": spaces,
                "SPACE_KEY": "key",
                "SPACE_NAME": "name",
                "MUNICIPALITY_FIELD": "key",
                "MUNICIPALITY_CHARS": 8,
                "YEAR": 2025,
                "K": 2,
                "OUTPUT": gpkg_layer(gpkg, "network_access"),
                "OUTPUT_ORIGINS": gpkg_layer(gpkg, "network_access_origins"),
            },
        ),
        (
            "3e Access gaps 2025: need (the typology's action field per type) against access (under 50 % within "
            "the threshold), summary, one map sheet per type",
            "accessgaps",
            {
                "INPUT": f"{gpkg}|layername=network_access",
                "NEED": f"{gpkg}|layername=action_fields",
                "MIN_SHARE": 50,
                "FACILITIES": facilities,
                "TYPE_FIELD": "type",
                "OPENED_FIELD": "opened",
                "CLOSED_FIELD": "closed",
                "MUNICIPALITIES": municipalities,
                "MUNICIPALITY_NAME": "name",
                "SOURCE": "© GeoBasis-DE / BKG; Straßennetz und Einrichtungen: synthetische Demodaten",
                "OUTPUT": gpkg_layer(gpkg, "access_gaps"),
                "REPORT": gpkg_layer(gpkg, "access_gaps_report", geometry=False),
                "MAPS": str(out / "access_maps.pdf"),
            },
        ),
        (
            "3f Zensus grid (synthetic table in the published 100 m layout) counted into the social spaces",
            "zensusgrid",
            {
                "INPUT": str(out / "zensus2022_demo_100m.csv"),
                "GEOMETRY": 0,
                "AREAS": f"{DEMO / 'rbk_demo.gpkg'}|layername=social_spaces",
                "AREA_KEY": "sr_id",
                "AREA_NAME": "sr_name",
                "OUTPUT": gpkg_layer(gpkg, "zensus_cells"),
                "OUTPUT_AREAS": gpkg_layer(gpkg, "zensus_social_spaces"),
            },
        ),
    ]


def report_steps(gpkg, municipalities, out):
    """Strengths and weaknesses, hot spots, the Sozialbericht (DOCX, PDF with LibreOffice), the municipal
    sub-reports (docs/reports.md)."""
    spaces = f"{gpkg}|layername=indicators_social_spaces"
    common = {
        "MUNICIPALITY_INDICATORS": f"{gpkg}|layername=indicators_municipalities",
        "COUNTY": f"{gpkg}|layername=indicators_county",
        "INDEX": f"{gpkg}|layername=index_status_dynamics",
        "TYPOLOGY": f"{gpkg}|layername=action_fields",
    }
    pdf = (
        {"OUTPUT_PDF": str(out / "sozialbericht.pdf")}
        if (shutil.which("libreoffice") or shutil.which("soffice"))
        else {}
    )
    return [
        (
            "6a Strengths and weaknesses 2025 of every social space (percentile, deviation from county and "
            "municipality, cases, trend; texts per space)",
            "strengthsweaknesses",
            {
                "INPUT": spaces,
                "OUTPUT": gpkg_layer(gpkg, "strengths_weaknesses", geometry=False),
                "SUMMARY": gpkg_layer(gpkg, "strengths_weaknesses_spaces"),
            },
        ),
        (
            "6b Hot spots of child poverty 2025: local Moran's I and Gi*, 999 permutations, FDR (GeoDa colours)",
            "hotspots",
            {"INPUT": spaces, "FIELD": "kinderarmut_sgb2_u15_2025", "OUTPUT": gpkg_layer(gpkg, "hotspots_kinderarmut")},
        ),
        (
            "6c Sozialbericht 2025 as a Word document" + (" and as PDF (LibreOffice)" if pdf else ""),
            "reportdocument",
            {
                "INPUT": spaces,
                **common,
                "BOUNDARIES": municipalities,
                "BOUNDARY_NAME": "name",
                "TARGETS": f"{gpkg}|layername=target_attainment",
                "OUTPUT": str(out / "sozialbericht.docx"),
                **pdf,
            },
        ),
        (
            "6d Sozialraumberichte: one PDF per municipality for its Sozialraumkonferenz (maps, ranking, strengths "
            "and weaknesses, action fields with supply and gaps, profile sheets with spine chart)",
            "municipalreport",
            {
                "INPUT": spaces,
                **common,
                "BOUNDARIES": municipalities,
                "BOUNDARY_KEY": "ags",
                "BOUNDARY_NAME": "name",
                "INFRASTRUCTURE": [f"{gpkg}|layername=facility_supply", f"{gpkg}|layername=access_gaps"],
                "OUTPUT_FOLDER": str(out / "sozialraumberichte"),
            },
        ),
    ]


def demo_steps(gpkg, store, blocks, municipalities, tables, out):
    """The pipeline: (title, algorithm id, parameters). Each output goes into the one demo GeoPackage."""
    spaces = f"{gpkg}|layername=indicators_social_spaces"
    index = f"{gpkg}|layername=index_status_dynamics"
    status = [
        "arbeitslose_anteil_2025",
        "langzeitarbeitslose_anteil_2025",
        "sgb2_quote_2025",
        "kinderarmut_sgb2_u15_2025",
    ]
    dynamics = [f.replace("_2025", "_chg_2014_2025") for f in status]
    return [
        (
            "1a Social spaces from the blocks' assignment (with validation report)",
            "definesocialspaces",
            {
                "BLOCKS": blocks,
                "ASSIGNMENT": "sr_id",
                "NAME_FIELD": "sr_name",
                "MUNICIPALITY_FIELD": "municipality",
                "POPULATION_FIELD": "residents",
                "FLOOR": 3000,
                "CEILING": 12000,
                "OUTPUT": gpkg_layer(gpkg, "social_spaces"),
                "REPORT": gpkg_layer(gpkg, "social_spaces_report", geometry=False),
            },
        ),
        (
            "1b Social spaces built automatically: contiguous, nested in the municipalities, 3,000-6,000 residents, "
            "compared with the assignment (adjusted Rand index)",
            "regionaliseblocks",
            {
                "BLOCKS": blocks,
                "ID_FIELD": "block_id",
                "POPULATION_FIELD": "residents",
                "NESTING_FIELD": "ags",
                "REFERENCE_FIELD": "sr_id",
                "FLOOR": 3000,
                "CEILING": 6000,
                "SEED": 0,
                "OUTPUT_BLOCKS": gpkg_layer(gpkg, "regionalised_blocks"),
                "OUTPUT": gpkg_layer(gpkg, "regionalised_social_spaces"),
                "REPORT": gpkg_layer(gpkg, "regionalised_report", geometry=False),
            },
        ),
        (
            "2 Indicators: block tables of all years read as delivered, aggregated to social spaces, municipalities "
            "and the county (rates from summed counts, changes, references, disclosure control)",
            "aggregateindicators",
            {
                "UNITS": blocks,
                "UNIT_KEY": "block_id",
                "TABLES": [str(t) for t in tables],
                "LEVEL_FIELDS": ["sr_id", "ags"],
                "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
                "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
                "CHANGES": "2009-2014, 2014-2025",
                "DISCLOSURE": True,
                "THRESHOLD": 3,
                "DISSOLVE": True,
                "OUTPUT_1": gpkg_layer(gpkg, "indicators_social_spaces"),
                "OUTPUT_2": gpkg_layer(gpkg, "indicators_municipalities"),
                "OUTPUT_COUNTY": gpkg_layer(gpkg, "indicators_county"),
                "REPORT": gpkg_layer(gpkg, "indicators_report", geometry=False),
            },
        ),
        (
            "3a Status/dynamics index (Berlin MSS method): status 2025, dynamics 2014-2025, 12 combined classes",
            "compositeindex",
            {
                "INPUT": spaces,
                "KEY_FIELD": "key",
                "PRESET": 1,
                "INDICATORS": status,
                "DYNAMICS_FIELDS": dynamics,
                "POPULATION_FIELD": "einwohner_2025",
                "MIN_RESIDENTS": 300,
                "COMPARE": True,
                "MUNICIPALITY_FIELD": "key",
                "MUNICIPALITY_CHARS": 8,
                "OUTPUT": gpkg_layer(gpkg, "index_status_dynamics"),
                "METHOD_FILE": str(out / "index_status_dynamics.method.json"),
            },
        ),
        (
            "3b Action-field typology (StädteRegion Aachen rules): social spaces with need per action field",
            "actionfieldtypology",
            {
                "INPUT": spaces,
                "KEY_FIELD": "key",
                "RULE_SET": 0,
                "YEAR": 2025,
                "FIELD_MAP": "altersarmut_65plus=grundsicherung_alter_2025",
                "MUNICIPALITY_FIELD": "key",
                "MUNICIPALITY_CHARS": 8,
                "OUTPUT": gpkg_layer(gpkg, "action_fields"),
                "REPORT": gpkg_layer(gpkg, "action_fields_report", geometry=False),
            },
        ),
        *infrastructure_steps(gpkg, blocks, municipalities, out),
        (
            "4a Overview map sheets: child poverty, SGB II rate, youth unemployment, ageing (2025) and the index "
            "classes",
            "overviewmapsheets",
            {
                "INPUT": spaces,
                "FIELDS": [
                    "kinderarmut_sgb2_u15_2025",
                    "sgb2_quote_2025",
                    "jugendarbeitslosigkeit_2025",
                    "anteil_65plus_2025",
                ],
                "NAME_FIELD": "name",
                "MUNICIPALITIES": municipalities,
                "MUNICIPALITY_NAME": "name",
                "METHOD": 0,
                "CLASSES": 5,
                "PAPER": 0,
                "OUTPUT": str(out / "overview_maps.pdf"),
            },
        ),
        (
            "4b Overview map sheet of the status/dynamics index classes",
            "overviewmapsheets",
            {
                "INPUT": index,
                "FIELDS": ["si_class"],
                "NAME_FIELD": "name",
                "METHOD": 4,
                "MUNICIPALITIES": municipalities,
                "MUNICIPALITY_NAME": "name",
                "TITLE": "Statusindex 2025 (Methode Monitoring Soziale Stadtentwicklung)",
                "REFERENCE_DATE": "31.12.2025",
                "PAPER": 0,
                "OUTPUT": str(out / "index_map.pdf"),
            },
        ),
        (
            "4c Profile sheets: one Sozialraum-Steckbrief per social space (atlas) with its status-index class, a "
            "page 'Angebote im Sozialraum' and a page of its strengths and weaknesses (spine chart)",
            "profileatlas",
            {
                "INPUT": index,
                "KEY_FIELD": "key",
                "CLASS_FIELD": "si_class",
                "NAME_FIELD": "name",
                "MUNICIPALITIES": municipalities,
                "MUNICIPALITY_NAME": "name",
                "CHART_INDICATOR": "kinderarmut_sgb2_u15",
                "DPI": 150,
                "OFFERS_SUPPLY": f"{gpkg}|layername=facility_supply",
                "OFFERS_ACCESS": f"{gpkg}|layername=network_access",
                "OFFERS_FACILITIES": f"{DEMO / 'rbk_infrastructure.gpkg'}|layername=facilities",
                "SPINE_PAGE": True,
                "OUTPUT": str(out / "profiles.pdf"),
            },
        ),
        (
            "5a Monitoring store: blocks with their social space (versioned geometries and assignment)",
            "storeunits",
            {
                "INPUT": blocks,
                "STORE": str(store),
                "LEVEL": 0,
                "KEY_FIELD": "block_id",
                "PARENT_FIELD": "sr_id",
                "PARENT_LEVEL": 1,
            },
        ),
        (
            "5b Monitoring store: social-space indicators of all years (one transaction)",
            "storewrite",
            {"INPUT": spaces, "STORE": str(store), "LEVEL": 1, "KEY_FIELD": "key", "NAME_FIELD": "name"},
        ),
        (
            "5c Monitoring store: municipalities",
            "storewrite",
            {
                "INPUT": f"{gpkg}|layername=indicators_municipalities",
                "STORE": str(store),
                "LEVEL": 2,
                "KEY_FIELD": "key",
                "NAME_FIELD": "name",
            },
        ),
        (
            "5d Monitoring store: county",
            "storewrite",
            {
                "INPUT": f"{gpkg}|layername=indicators_county",
                "STORE": str(store),
                "LEVEL": 3,
                "KEY_FIELD": "key",
                "NAME_FIELD": "name",
            },
        ),
        (
            "5d2 Monitoring store: facility supply per social space 2023-2025 (its indicators by the catalogue "
            "overlay of step 3c)",
            "storewrite",
            {
                "INPUT": f"{gpkg}|layername=facility_supply",
                "STORE": str(store),
                "LEVEL": 1,
                "KEY_FIELD": "key",
                "NAME_FIELD": "name",
                "CATALOGUE": str(out / "facility_catalogue.yaml"),
            },
        ),
        (
            "5d3 Monitoring store: the facilities as a versioned point layer (register 2023, opening and closing "
            "dates) and the facilities open on 31.12. per social space 2023-2025 read back from it",
            "storefacilities",
            {
                "INPUT": f"{DEMO / 'rbk_infrastructure.gpkg'}|layername=facilities",
                "STORE": str(store),
                "KEY_FIELD": "fac_id",
                "TYPE_FIELD": "type",
                "NAME_FIELD": "name",
                "CAPACITY_FIELD": "capacity",
                "OPENED_FIELD": "opened",
                "CLOSED_FIELD": "closed",
                "MUNICIPALITY_FIELD": "ags",
                "VALID_FROM": "2023-01-01",
                "LEVEL": 1,
                "YEARS": "2023, 2024, 2025",
                "OUTPUT": gpkg_layer(gpkg, "store_facilities_per_year", geometry=False),
            },
        ),
        (
            "5e Targets of the planning conference",
            "storetargets",
            {"INPUT": str(DEMO / "targets_demo.csv"), "STORE": str(store)},
        ),
        (
            "5f Target attainment 2025 (attainment and trend since the baseline; layer and HTML report)",
            "evaluatetargets",
            {
                "STORE": str(store),
                "DATE": "2025",
                "OUTPUT": gpkg_layer(gpkg, "target_attainment"),
                "REPORT": str(out / "target_attainment.html"),
            },
        ),
        (
            "5g Time slice 2025 of the social spaces read back from the store",
            "storeread",
            {
                "STORE": str(store),
                "LEVEL": 1,
                "MODE": 0,
                "DATE": "2025",
                "OUTPUT": gpkg_layer(gpkg, "store_social_spaces_2025"),
            },
        ),
        *report_steps(gpkg, municipalities, out),
    ]


if __name__ == "__main__":
    main()
