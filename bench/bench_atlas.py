"""Benchmark: an atlas of 100 profile sheets (sozialplanung:profileatlas) against a plain QGIS atlas export.

Run alone:  PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/bench_atlas.py [--pages 100]
Writes bench/results/atlas.md.

Input: the demo county aggregated to its 68 social spaces (aggregateindicators, 5 years, disclosure control),
repeated with new keys to --pages spaces (same geometries: the map work per page is that of the demo).

- ours: ProfileAtlas.compute as processing runs it: reading the layer, formatting the table rows, writing one SVG
  trend chart per space, building the layout from the template and exporting the atlas to one PDF;
- peer: QgsLayoutExporter.exportToPdf(atlas) of the SAME layout object right after (charts already written, no
  preparation): what QGIS itself costs for this atlas. Same dpi, same settings, same process.
Each is run --repeat times, interleaved; the median is reported.
"""

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def build_input(work, pages):
    """Aggregate the demo county and repeat its spaces to ``pages`` features; returns the layer source."""
    import processing
    from qgis.core import QgsFeature, QgsProcessingContext, QgsProcessingFeedback, QgsVectorFileWriter, QgsVectorLayer

    agg = work / "demo.gpkg"
    tables = [str(DEMO / f"bloecke_{y}.csv") for y in (2009, 2014, 2023, 2024, 2025)]
    processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": f"{DEMO / 'rbk_demo.gpkg'}|layername=blocks",
            "UNIT_KEY": "block_id",
            "TABLES": tables,
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
            "DISCLOSURE": True,
            "THRESHOLD": 3,
            "OUTPUT_1": f"ogr:dbname='{agg}' table=\"spaces\" (geom)",
        },
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    src = QgsVectorLayer(f"{agg}|layername=spaces", "spaces", "ogr")
    mem = QgsVectorLayer(f"MultiPolygon?crs={src.crs().authid()}", "bench", "memory")
    mem.dataProvider().addAttributes(src.fields().toList()[1:])  # without the gpkg fid
    mem.updateFields()
    base = list(src.getFeatures())
    feats = []
    for i in range(pages):
        f0 = base[i % len(base)]
        f = QgsFeature(mem.fields())
        attrs = f0.attributes()[1:]
        rep = i // len(base)
        if rep:
            attrs[mem.fields().indexOf("key")] = f"{f0['key']}-{rep}"
            attrs[mem.fields().indexOf("name")] = f"{f0['name']} ({rep + 1})"
        f.setAttributes(attrs)
        f.setGeometry(f0.geometry())
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = "spaces"
    out = work / f"spaces_{pages}.gpkg"
    writer = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    writer(mem, str(out), mem.transformContext(), opts)
    return f"{out}|layername=spaces"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()

    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="soz-bench-atlas-profile-")
    from qgis.core import QgsApplication, QgsLayoutExporter, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import sozialplanung_plugin
    from sozialplanung_plugin.processing import _layouts as L
    from sozialplanung_plugin.processing.profile_atlas import ProfileAtlas

    plugin = sozialplanung_plugin.classFactory(None)
    plugin.initProcessing()
    work = Path(tempfile.mkdtemp(prefix="soz-bench-atlas-"))
    source = build_input(work, args.pages)
    params = {
        "INPUT": source,
        "KEY_FIELD": "key",
        "NAME_FIELD": "name",
        "MUNICIPALITIES": f"{DEMO / 'rbk_demo.gpkg'}|layername=municipalities",
        "MUNICIPALITY_NAME": "name",
        "DPI": args.dpi,
        "ADD_TO_PROJECT": False,
        "SPINE_PAGE": False,  # the same one page per space as the plain atlas it is compared with
    }
    ours, plain, ours_cpu, plain_cpu, pages = [], [], [], [], None
    for r in range(args.repeat):
        alg = ProfileAtlas()
        alg.initAlgorithm()
        ctx = QgsProcessingContext()
        ctx.setProject(QgsProject.instance())
        fb = QgsProcessingFeedback()
        p = dict(params, OUTPUT=str(work / f"ours_{r}.pdf"))
        t0, c0 = time.perf_counter(), time.process_time()
        res = alg.compute(p, ctx, fb)
        ours.append(time.perf_counter() - t0)
        ours_cpu.append(time.process_time() - c0)
        pages = res["PAGE_COUNT"]
        settings = L.pdf_settings()
        settings.dpi = args.dpi
        t0, c0 = time.perf_counter(), time.process_time()
        result, err = QgsLayoutExporter.exportToPdf(alg.last_layout.atlas(), str(work / f"plain_{r}.pdf"), settings)
        plain.append(time.perf_counter() - t0)
        plain_cpu.append(time.process_time() - c0)
        assert result == QgsLayoutExporter.ExportResult.Success, err
        print(
            f"run {r + 1}: ours {ours[-1]:.2f} s (cpu {ours_cpu[-1]:.2f}), plain export {plain[-1]:.2f} s "
            f"(cpu {plain_cpu[-1]:.2f}) ({pages} pages)",
            flush=True,
        )
    mo, mp = statistics.median(ours), statistics.median(plain)
    co, cp = statistics.median(ours_cpu), statistics.median(plain_cpu)
    # ratios of each run to the plain export right after it (the pair shares the machine's load at that moment)
    pair_wall = statistics.median(o / p for o, p in zip(ours, plain))
    pair_cpu = statistics.median(o / p for o, p in zip(ours_cpu, plain_cpu))
    load = os.getloadavg()[0]
    size_ours = (work / "ours_0.pdf").stat().st_size / 1e6
    size_plain = (work / "plain_0.pdf").stat().st_size / 1e6
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            model = next(line.split(":", 1)[1].strip() for line in fh if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    lines = [
        "## Profile atlas (Sozialraum-Steckbriefe)",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.node()} ({os.cpu_count()} cores, {model}), "
        f"QGIS {__import__('qgis.core', fromlist=['Qgis']).Qgis.QGIS_VERSION}, headless, {pages} A4 profile sheets "
        f"at {args.dpi} dpi (the demo county's 68 social spaces, repeated with new keys up to {pages}), median of {args.repeat} "
        "interleaved runs in one process. `ours` = the whole `profileatlas` computation (reading the layer, table "
        "rows, one SVG trend chart per space, layout from the template, atlas export to one PDF); `plain` = "
        "`QgsLayoutExporter.exportToPdf(atlas)` of the same layout object right after (no preparation, charts "
        "already on disk): QGIS's own cost for this atlas.",
        "",
        "The machine is shared with other jobs (load average at the end of the run: "
        f"{load:.1f} on {os.cpu_count()} cores), so wall-clock times scatter; the CPU time of the process "
        "(`time.process_time`) is the steadier measure and the goals are judged on it.",
        "",
        "| variant | wall total (s) | wall per page (s) | CPU total (s) | CPU per page (s) | CPU ratio to plain "
        "| PDF size (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| profileatlas (ours) | {mo:.2f} | {mo / pages:.3f} | {co:.2f} | {co / pages:.3f} | {co / cp:.2f} "
        f"| {size_ours:.1f} |",
        f"| plain QGIS atlas export (peer) | {mp:.2f} | {mp / pages:.3f} | {cp:.2f} | {cp / pages:.3f} | 1.00 "
        f"| {size_plain:.1f} |",
        "",
        f"Goals: ≤ 0.5 s per page ({'met' if co / pages <= 0.5 else 'NOT met'}: {co / pages:.3f} s CPU, "
        f"{mo / pages:.3f} s wall), ≤ 1.2 × the plain export ({'met' if co / cp <= 1.2 else 'NOT met'}: "
        f"{co / cp:.2f} × in CPU time, {mo / mp:.2f} × wall). Median of the per-run ratios (each run against the "
        f"plain export right after it, same load): {pair_cpu:.2f} × CPU, {pair_wall:.2f} × wall. "
        f"Peak memory of the process (ru_maxrss): {rss_mb():.0f} MB. "
        f"All runs (wall / CPU s): ours {', '.join(f'{t:.2f}/{c:.2f}' for t, c in zip(ours, ours_cpu))}; "
        f"plain {', '.join(f'{t:.2f}/{c:.2f}' for t, c in zip(plain, plain_cpu))}.",
        "",
    ]
    out = ROOT / "bench" / "results" / "atlas.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    app.exitQgis()


if __name__ == "__main__":
    main()
