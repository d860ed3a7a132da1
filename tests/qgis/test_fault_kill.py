"""Fault test: every writing algorithm killed (SIGKILL) at random points leaves its outputs complete or absent.

For each algorithm a reference run (this process) gives the complete outputs: file names, feature counts, page
counts. Then a child Python process (real QGIS, the plugin) starts the same run and a timer kills it with SIGKILL
after a random delay within the measured run time (seeded, so reproducible). Afterwards every file in the output
folder must be one of the reference's and complete (a layer with all its features, a PDF that ends, JSON that
parses); a store must pass SQLite's integrity check and hold either the old or the new values. Hidden
``.sozialplanung-partial-*`` folders of the killed run may remain (the next run removes them).
"""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "bad_inputs"
KILLS = int(os.environ.get("SOZIALPLANUNG_KILLS", "3"))

CHILD = r"""
import json, os, signal, sys, threading, time
sys.path.insert(0, {root!r}); sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False); app.initQgis()
import processing
from processing.core.Processing import Processing
Processing.initialize()
import sozialplanung_plugin
plugin = sozialplanung_plugin.classFactory(None); plugin.initProcessing()
spec = json.loads(sys.argv[1])
delay = spec["delay"]
threading.Timer(delay, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
t0 = time.perf_counter()
processing.run("sozialplanung:" + spec["alg"], spec["params"], feedback=QgsProcessingFeedback(),
               context=QgsProcessingContext())
print("DONE", time.perf_counter() - t0, flush=True)
os._exit(0)
"""


def params_for(alg, inp, out):
    """Valid parameters of each writing algorithm on the corpus's baseline inputs (in ``inp``), outputs in ``out``."""
    blocks, table, spaces = str(inp / "blocks.geojson"), str(inp / "bloecke_2024.csv"), str(inp / "spaces.geojson")
    p = {
        "definesocialspaces": {
            "BLOCKS": blocks,
            "ASSIGNMENT": "sr_id",
            "POPULATION_FIELD": "ew",
            "OUTPUT": str(out / "spaces.gpkg"),
            "REPORT": str(out / "report.csv"),
        },
        "regionaliseblocks": {
            "BLOCKS": blocks,
            "POPULATION_FIELD": "ew",
            "FLOOR": 300,
            "CEILING": 900,
            "OUTPUT": str(out / "spaces.gpkg"),
            "OUTPUT_BLOCKS": str(out / "blocks.gpkg"),
            "REPORT": str(out / "report.csv"),
        },
        "aggregateindicators": {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "TABLES": [table],
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "OUTPUT_1": str(out / "spaces.gpkg"),
            "OUTPUT_2": str(out / "municipalities.gpkg"),
            "OUTPUT_COUNTY": str(out / "county.gpkg"),
            "DISCLOSURE_REPORT": str(out / "disclosure.csv"),
        },
        "interpolateindicators": {
            "SOURCE": blocks,
            "SOURCE_KEY": "block_id",
            "TABLES": [table],
            "TARGET": str(inp / "districts.geojson"),
            "TARGET_KEY": "bezirk",
            "OUTPUT": str(out / "districts.gpkg"),
        },
        "importtable": {"INPUT": table, "OUTPUT": str(out / "table.gpkg"), "REPORT": str(out / "report.csv")},
        "compositeindex": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "INDICATORS": ["sgb2_quote_2024", "kinderarmut_sgb2_u15_2024", "arbeitslose_anteil_2024"],
            "OUTPUT": str(out / "index.gpkg"),
        },
        "indexsensitivity": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "INDICATORS": ["sgb2_quote_2024", "kinderarmut_sgb2_u15_2024", "arbeitslose_anteil_2024"],
            "N_DRAWS": 200,
            "OUTPUT": str(out / "sens.gpkg"),
        },
        "hotspots": {"INPUT": spaces, "FIELD": "sgb2_quote_2024", "PERMUTATIONS": 199, "OUTPUT": str(out / "hot.gpkg")},
        "strengthsweaknesses": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "NAME_FIELD": "name",
            "OUTPUT": str(out / "sw.gpkg"),
            "SUMMARY": str(out / "sw_summary.csv"),
        },
        "exportcatalogue": {"OUTPUT": str(out / "katalog.csv")},
        "overviewmapsheets": {
            "INPUT": spaces,
            "FIELDS": ["sgb2_quote_2024"],
            "NAME_FIELD": "name",
            "ADD_TO_PROJECT": False,
            "DPI": 72,
            "OUTPUT": str(out / "karten.pdf"),
        },
        "storeunits": {"INPUT": spaces, "KEY_FIELD": "key", "STORE": str(out / "monitoring.gpkg")},
        "storewrite": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "DATE": "2024-12-31",
            "UNITS": 1,
            "STORE": str(out / "monitoring.gpkg"),
        },
        "storeread": {"STORE": str(out / "monitoring.gpkg"), "DATE": "2024-12-31", "OUTPUT": str(out / "read.gpkg")},
        "storebackup": {"STORE": str(out / "monitoring.gpkg"), "SNAPSHOT": str(out / "monitoring_sicherung.gpkg")},
        "actionfieldtypology": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "YEAR": 2024,
            "SKIP_MISSING": True,
            "MUNICIPALITY_FIELD": "ags",
            "OUTPUT": str(out / "typ.gpkg"),
        },
        "facilitysupply": {
            "FACILITIES": str(inp / "facilities.geojson"),
            "TYPE_FIELD": "typ",
            "SPACES": spaces,
            "SPACE_KEY": "key",
            "YEARS": "2024",
            "POPULATION": blocks,
            "POPULATION_FIELD": "ew",
            "POPULATION_KEY": "block_id",
            "TABLES": [table],
            "OUTPUT": str(out / "fs.gpkg"),
        },
        "accessgaps": {
            "INPUT": str(inp / "spaces_access.geojson"),
            "KEY_FIELD": "key",
            "YEAR": 2024,
            "NEED_FIELD": "sgb2_quote_2024",
            "OUTPUT": str(out / "gaps.gpkg"),
        },
        "zensusgrid": {"INPUT": [str(inp / "Zensus2022_Bevoelkerung_100m_ok.csv")], "OUTPUT": str(out / "z.gpkg")},
        "profileatlas": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "NAME_FIELD": "name",
            "ADD_TO_PROJECT": False,
            "OUTPUT": str(out / "atlas.pdf"),
        },
        "reportdocument": {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "NAME_FIELD": "name",
            "OUTPUT": str(out / "bericht.docx"),
        },
        "municipalreport": {
            "INPUT": spaces,
            "BOUNDARIES": str(inp / "municipalities.geojson"),
            "BOUNDARY_KEY": "ags",
            "BOUNDARY_NAME": "name",
            "DPI": 72,
            "OUTPUT_FOLDER": str(out / "berichte"),
        },
    }
    return p[alg]


WRITING = [
    "definesocialspaces",
    "regionaliseblocks",
    "aggregateindicators",
    "interpolateindicators",
    "importtable",
    "compositeindex",
    "indexsensitivity",
    "hotspots",
    "strengthsweaknesses",
    "exportcatalogue",
    "overviewmapsheets",
    "storeunits",
    "storewrite",
    "storeread",
    "storebackup",
    "actionfieldtypology",
    "facilitysupply",
    "accessgaps",
    "zensusgrid",
    "profileatlas",
    "reportdocument",
    "municipalreport",
]
STORES = ("storeunits", "storewrite", "storebackup")
# runs that prepare a store before the algorithm: its units, then values (the run under test adds or reads)
SETUP = {
    "storewrite": ["storeunits"],
    "storeread": ["storeunits", "storewrite"],
    "storebackup": ["storeunits", "storewrite"],
}
INPUTS = (
    "blocks.geojson",
    "bloecke_2024.csv",
    "spaces.geojson",
    "districts.geojson",
    "facilities.geojson",
    "network.geojson",
    "spaces_access.geojson",
    "municipalities.geojson",
    "Zensus2022_Bevoelkerung_100m_ok.csv",
)
STATS = {}  # algorithm -> [(killed, outputs present of the complete run)]


def _inputs(tmp):
    inp = tmp / "in"
    inp.mkdir()
    for name in INPUTS:
        shutil.copyfile(CORPUS / name, inp / name)
    return inp


def _setup(alg, inp, out):
    import processing

    for step in SETUP.get(alg, []):
        processing.run(f"sozialplanung:{step}", params_for(step, inp, out))


def describe(folder):
    """{file: what makes it complete} for the final files of a folder (hidden partial folders left out)."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_dir():
            out[p.name] = ("folder", describe(p))
        elif p.suffix == ".docx":
            out[p.name] = ("docx", _zip_complete(p))
        elif p.suffix in (".gpkg", ".csv", ".geojson") and not p.name.startswith("monitoring"):
            layer = QgsVectorLayer(str(p), "x", "ogr")
            out[p.name] = ("layer", layer.featureCount() if layer.isValid() else None)
        elif p.suffix == ".pdf":
            data = p.read_bytes()
            out[p.name] = ("pdf", data.rstrip().endswith(b"%%EOF") and data.count(b"/Type /Page") > 0)
        elif p.suffix == ".json":
            try:
                out[p.name] = ("json", sorted(json.loads(p.read_text(encoding="utf-8"))))
            except ValueError:
                out[p.name] = ("json", None)
        elif p.name.startswith("monitoring") and p.suffix == ".gpkg":
            out[p.name] = ("store", _store_state(p))
        else:
            out[p.name] = ("file", p.stat().st_size > 0)
    return out


def _zip_complete(path):
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and sorted(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return None


def _store_state(path):
    con = sqlite3.connect(path)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        units = con.execute("select count(*) from sm_units").fetchone()[0] if "sm_units" in tables else None
        values = con.execute("select count(*) from sm_values").fetchone()[0] if "sm_values" in tables else None
        return ok, units, values
    finally:
        con.close()


@pytest.fixture(scope="module")
def references(qgis_app, provider, tmp_path_factory):
    """Complete outputs and run time of each algorithm (a store algorithm writes into a store with units)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    refs = {}
    for alg in WRITING:
        tmp = tmp_path_factory.mktemp(alg)
        inp, out = _inputs(tmp), tmp / "out"
        out.mkdir()
        _setup(alg, inp, out)  # e.g. a store with the units: the values are what the run adds
        before = describe(out)
        t0 = time.perf_counter()
        processing.run(
            f"sozialplanung:{alg}",
            params_for(alg, inp, out),
            feedback=QgsProcessingFeedback(),
            context=QgsProcessingContext(),
        )
        refs[alg] = {"seconds": time.perf_counter() - t0, "before": before, "after": describe(out)}
        assert refs[alg]["after"], alg
    return refs


def _complete_or_absent(alg, name, got, after):
    """A file the complete run writes, complete; in a folder output each file on its own (a killed run may
    have written the reports of some municipalities, each one complete)."""
    assert name in after, (alg, name, "a file the complete run does not write")
    if got[0] == "folder" and after[name][0] == "folder":
        for child, value in got[1].items():
            _complete_or_absent(alg, f"{name}/{child}", value, {f"{name}/{k}": v for k, v in after[name][1].items()})
        return
    assert got == after[name], (alg, name, got, after[name])


@pytest.mark.parametrize("alg", WRITING)
def test_killed_run_leaves_outputs_complete_or_absent(references, tmp_path, alg):
    ref = references[alg]
    rng = random.Random(f"sozialplanung-{alg}")
    seen = {"absent": 0, "complete": 0}
    for k in range(KILLS):
        work = tmp_path / f"kill{k}"
        work.mkdir()
        inp, out = _inputs(work), work / "out"
        out.mkdir()
        _setup(alg, inp, out)
        delay = rng.uniform(0.0, max(ref["seconds"], 0.05) * 1.2)
        spec = {"alg": alg, "params": params_for(alg, inp, out), "delay": delay}
        script = work / "child.py"
        script.write_text(CHILD.format(root=str(ROOT)), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
        env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
        env["HOME"] = str(work / "home")
        proc = subprocess.run(
            [sys.executable, str(script), json.dumps(spec)], capture_output=True, text=True, timeout=600, env=env
        )
        assert proc.returncode in (0, -9), proc.stderr[-2000:]
        state = describe(out)
        STATS.setdefault(alg, []).append((proc.returncode == -9, len(state), len(ref["after"])))
        for name, (kind, value) in state.items():
            if alg in STORES:
                ok, units, values = value
                assert ok, (alg, name, "store damaged")
                assert value in (ref["before"].get(name, (None, None))[1], ref["after"][name][1]), (name, value)
                continue
            _complete_or_absent(alg, name, (kind, value), ref["after"])
        if alg in STORES:
            seen["complete" if state == ref["after"] else "absent"] += 1
        else:
            seen["complete" if set(state) == set(ref["after"]) else "absent"] += 1
    assert sum(seen.values()) == KILLS


def test_the_kills_hit_the_runs():
    """Most attempts were killed (not finished before the timer), some after outputs were in place: the test
    exercises the writing, not only the start."""
    runs = [r for alg in WRITING for r in STATS.get(alg, [])]
    if len(runs) < len(WRITING):
        pytest.skip("run together with the kill tests")
    killed = [r for r in runs if r[0]]
    assert len(killed) >= len(runs) // 2, STATS
    print({alg: STATS[alg] for alg in WRITING})
