"""Benchmark: accessibility of 8 facility types x 1,000 facilities for about 15,000 origins over a network of
about 100,000 edges (Berlin scale), side by side with the tools a planner would otherwise use; and the Zensus grid
at German scale (3.1 million populated cells into about 11,000 municipalities).

Run alone:  PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/bench_access.py [--quick]
Writes bench/results/access.md. Every variant runs in its own subprocess (clean peak memory, ru_maxrss).

Data (cached in $SOZ_BENCH_DIR, default /tmp/sozialplanung-bench-access):
- network: streets between Berlin's 14,759 statistical blocks (../shared, SenStadt Umweltatlas 2018): the
  Voronoi edges of the blocks' inner points, split into pieces of about 70 m (about 100,000 segments),
  EPSG:25833 (the block polygons themselves do not touch: the streets are the gaps); without ../shared a
  jittered street lattice of the same size;
- origins: the blocks' inner points with their residents (2018); facilities: 8 types x 1,000 points drawn
  with probability by residents (seeded).

Variants:
- ours (core): core.network from arrays: network, snapping, 8 multi-source Dijkstra runs (k = 1); with k = 3;
  with the 2SFCA pairs; and the whole algorithm sozialplanung:networkaccess through processing.run (reading
  the GeoPackage layers, writing the output);
- networkx multi_source_dijkstra (Debian): the correctness reference, same graph with the snapped points
  inserted; every origin and type compared (|difference| <= 0.1 m);
- pandana (PyPI, in bench/.venv-access, created here): contraction hierarchies, nearest_pois per type on the
  same graph (points as nodes), timed with its network preparation;
- QGIS native: native:shortestpathlayertopoint chained once per facility (all origins to one facility; the
  nearest is then the minimum per origin) - timed with 100, 300 and 900 origins, extrapolated to all origins and
  8,000 facilities (days); and
  native:serviceareafromlayer once per type (the threshold reach only, no distances);
- PySAL access (bench venv): 2SFCA on the demo county against ours (same cost pairs), with and without decay;
- growth: ours with 1.5k-45k origins, 25k-200k edges, 1-16 types (synthetic lattices);
- grid: 3.1 million cells of a synthetic table in the published Zensus format into 11,000 synthetic
  municipalities: read + containment + sums, peak memory.
"""

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("SOZ_BENCH_DIR", "/tmp/sozialplanung-bench-access"))
VENV = ROOT / "bench" / ".venv-access"
SHARED = ROOT.parent / "shared" / "data" / "berlin_blocks_2018" / "einwohnerdichte_2018_blocks.geojson"
TYPES = [
    "kita",
    "grundschule",
    "jugendzentrum",
    "seniorentreff",
    "beratungsstelle",
    "hausarzt",
    "haltestelle",
    "lebensmittel",
]
SEED = 16
NATIVE_ORIGINS = (100, 300, 900)  # origin subsets of the native runs (fit a + b x origins)
SEGMENT_M = 70.0  # Voronoi streets split into pieces of about this length: about 100,000 segments


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load():
    return os.getloadavg()[0]


# ------------------------------------------------------------------------------------------------------
# data
# ------------------------------------------------------------------------------------------------------
def make_berlin(work, seg=SEGMENT_M):
    """Streets between Berlin's blocks: the Voronoi edges of the blocks' inner points (neighbouring blocks are
    separated by a street), split into pieces of about ``seg`` m; origins are the blocks with their residents.
    (Berlin's block polygons do not touch - the streets are the gaps - so their boundaries are no network.)"""
    import geopandas as gpd
    import numpy as np
    from scipy.spatial import Delaunay, Voronoi
    from shapely.geometry import LineString

    blocks = gpd.read_file(SHARED).to_crs(25833)
    blocks = blocks[blocks.geometry.notna()].reset_index(drop=True)
    inner = blocks.geometry.representative_point()
    pts = np.column_stack([inner.x, inner.y])
    vor = Voronoi(pts)
    hull = Delaunay(pts)
    lines = []
    for ridge in vor.ridge_vertices:
        if -1 in ridge:
            continue
        a, b = vor.vertices[ridge[0]], vor.vertices[ridge[1]]
        length = float(np.hypot(*(b - a)))
        if length > 1500 or hull.find_simplex(((a + b) / 2)[None, :])[0] < 0:
            continue  # far outside the city, or across its edge
        k = max(1, int(round(length / seg)))
        t = np.linspace(0, 1, k + 1)[:, None]
        lines.append(LineString(a + t * (b - a)))
    return finish(work, lines, pts, blocks["EW2018"].to_numpy(float), 25833)


def make_lattice(work, n_side=224, step=60.0, n_origins=15000, seed=SEED):
    """A jittered street lattice (n_side x n_side, 2 n_side (n_side - 1) segments) and random origins."""
    import numpy as np
    from shapely.geometry import LineString

    rng = np.random.default_rng(seed)
    X, Y = np.meshgrid(np.arange(n_side) * step, np.arange(n_side) * step)
    X = X + rng.normal(0, step / 8, X.shape)
    Y = Y + rng.normal(0, step / 8, Y.shape)
    lines = [LineString(np.column_stack([X[i], Y[i]])) for i in range(n_side)]
    lines += [LineString(np.column_stack([X[:, j], Y[:, j]])) for j in range(n_side)]
    ext = n_side * step
    origins = rng.uniform(0, ext, (n_origins, 2))
    pop = rng.gamma(1.5, 150, n_origins).round()
    return finish(work, lines, origins, pop, 25833)


def finish(work, lines, origins, pop, epsg, n_per_type=1000, seed=SEED):
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import LineString, Point

    rng = np.random.default_rng(seed)
    w = np.maximum(pop, 0) + 1e-9
    picks = rng.choice(len(origins), size=(len(TYPES), n_per_type), p=w / w.sum())
    fxy = origins[picks.ravel()] + rng.normal(0, 25, (picks.size, 2))
    ftype = np.repeat(TYPES, n_per_type)
    coords = [np.asarray(ln.coords)[:, :2] for ln in lines if isinstance(ln, LineString) and len(ln.coords) >= 2]
    xy = np.concatenate(coords)
    offsets = np.r_[0, np.cumsum([len(c) for c in coords])]
    work.mkdir(parents=True, exist_ok=True)
    np.savez(work / "data.npz", xy=xy, offsets=offsets, origins=origins, pop=pop, fxy=fxy, ftype=ftype)
    gpkg = work / "data.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    crs = f"EPSG:{epsg}"
    gpd.GeoDataFrame({"id": np.arange(len(coords))}, geometry=[LineString(c) for c in coords], crs=crs).to_file(
        gpkg, layer="roads", driver="GPKG"
    )
    write_origins(gpkg, origins, pop, crs)
    gpd.GeoDataFrame(
        {
            "fid_": np.arange(len(fxy)),
            "type": [t.capitalize() for t in ftype],
            "capacity": rng.integers(20, 120, len(fxy)),
        },
        geometry=[Point(x, y) for x, y in fxy],
        crs=crs,
    ).to_file(gpkg, layer="facilities", driver="GPKG")
    # one social space per ~200 origins: a 2 km grid of squares over the extent
    from shapely.geometry import box

    x0, y0 = xy.min(0)
    x1, y1 = xy.max(0)
    sq = [box(x, y, x + 2000, y + 2000) for x in np.arange(x0, x1, 2000) for y in np.arange(y0, y1, 2000)]
    gpd.GeoDataFrame({"key": [f"S{i:04d}" for i in range(len(sq))]}, geometry=sq, crs=crs).to_file(
        gpkg, layer="spaces", driver="GPKG"
    )
    return {"lines": len(coords), "vertices": int(len(xy)), "origins": int(len(origins)), "facilities": int(len(fxy))}


def write_origins(gpkg, origins, pop, crs):
    """Origins with residents and the target groups of the facility types (fixed shares of the residents, about
    Berlin's: under 15 13 %, 15 to 25 10 %, 65 and over 19 %)."""
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import Point

    frame = {"oid": np.arange(len(origins)), "ew": pop}
    for name, share in (("ew_u15", 0.13), ("ew_15_25", 0.10), ("ew_65plus", 0.19)):
        frame[name] = np.round(pop * share)
    gpd.GeoDataFrame(frame, geometry=[Point(x, y) for x, y in origins], crs=crs).to_file(
        gpkg, layer="origins", driver="GPKG"
    )


def ensure_data(work, quick=False):
    meta = work / "meta.json"
    if meta.exists():
        return json.loads(meta.read_text())
    t = time.perf_counter()
    info = make_berlin(work) if SHARED.exists() and not quick else make_lattice(work)
    info["source"] = (
        "streets between the Berlin blocks 2018 (Voronoi edges of the blocks)"
        if SHARED.exists() and not quick
        else ("jittered lattice (no ../shared)")
    )
    info["prepare_s"] = round(time.perf_counter() - t, 1)
    meta.write_text(json.dumps(info))
    return info


# ------------------------------------------------------------------------------------------------------
# variants (each in its own process)
# ------------------------------------------------------------------------------------------------------
def part_ours(work, out):
    import numpy as np

    from sozialplanung_plugin.core.network import Router, build_network

    d = np.load(work / "data.npz")
    res = {}
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        c0 = time.process_time()
        net = build_network(d["xy"], d["offsets"], None)
        t1 = time.perf_counter()
        router = Router(net, d["origins"], d["fxy"])
        t2 = time.perf_counter()
        costs = {}
        for t in TYPES:
            idx = np.flatnonzero(d["ftype"] == t)
            costs[t] = router.nearest(idx, k=1)[0][:, 0]
        t3 = time.perf_counter()
        run = {
            "network": t1 - t0,
            "snap_graph": t2 - t1,
            "dijkstra_8": t3 - t2,
            "total": t3 - t0,
            "cpu": time.process_time() - c0,
        }
        best = run if best is None or run["total"] < best["total"] else best
    res["k1"] = best
    res["segments"] = int(net.n_segments)
    res["nodes"] = int(net.n_nodes)
    res["graph_edges"] = int(router.reverse.nnz)
    t = time.perf_counter()
    router.nearest(np.flatnonzero(d["ftype"] == TYPES[0]), k=3)
    res["k3_one_type"] = time.perf_counter() - t
    t = time.perf_counter()
    pairs = 0
    for tname, catch in zip(TYPES, [1500, 2000, 3000, 1500, 5000, 3000, 600, 1500]):
        o, f, c = router.pairs(np.flatnonzero(d["ftype"] == tname), catch)
        pairs += len(o)
    res["pairs_8"] = time.perf_counter() - t
    res["pairs_count"] = int(pairs)
    res["rss_mb"] = rss_mb()
    np.savez(work / "ours_costs.npz", **costs)
    out.write_text(json.dumps(res))


def part_alg(work, out, fca):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    import importlib

    for mod in ("numpy", "pandas", "scipy.sparse.csgraph", "scipy.spatial"):  # loaded before the clock starts
        importlib.import_module(mod)

    import sozialplanung_plugin

    plugin = sozialplanung_plugin.classFactory(None)  # kept alive: its provider goes with it
    plugin.initProcessing()
    g = str(work / "data.gpkg")
    params = {
        "ORIGINS": f"{g}|layername=origins",
        "POPULATION_FIELD": "ew",
        "FACILITIES": f"{g}|layername=facilities",
        "TYPE_FIELD": "type",
        "CAPACITY_FIELD": "capacity",
        "NETWORK": f"{g}|layername=roads",
        "SPACES": f"{g}|layername=spaces",
        "SPACE_KEY": "key",
        "FCA": fca,
        "OUTPUT": "memory:",
    }
    times, cpu = [], []
    for _ in range(2):
        t, c = time.perf_counter(), time.process_time()
        processing.run(
            "sozialplanung:networkaccess", params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
        )
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    out.write_text(json.dumps({"time": min(times), "times": times, "cpu": min(cpu), "rss_mb": rss_mb()}))
    del plugin


def augmented_edges(work):
    """The router's reversed graph as undirected edges, the origin nodes and connectors, the facility nodes."""
    import numpy as np

    from sozialplanung_plugin.core.network import Router, build_network

    d = np.load(work / "data.npz")
    net = build_network(d["xy"], d["offsets"], None)
    r = Router(net, d["origins"], d["fxy"])
    coo = r.reverse.tocoo()
    return d, r, coo.row, coo.col, coo.data


def part_networkx(work, out):
    import networkx as nx
    import numpy as np

    d, r, rows, cols, data = augmented_edges(work)
    t = time.perf_counter()
    g = nx.DiGraph()
    g.add_weighted_edges_from(zip(rows.tolist(), cols.tolist(), data.tolist()))
    build = time.perf_counter() - t
    ours = np.load(work / "ours_costs.npz")
    worst, n = 0.0, 0
    t = time.perf_counter()
    for tname in TYPES:
        src = r.facility_node[np.flatnonzero(d["ftype"] == tname)]
        dist = nx.multi_source_dijkstra_path_length(g, set(src[src >= 0].tolist()))
        ref = np.array([dist.get(int(node), np.inf) for node in r.origin_node]) + r.origin_connector
        got = ours[tname]
        both = np.isfinite(ref) & np.isfinite(got)
        assert (np.isfinite(ref) == np.isfinite(got)).all(), "reachability differs"
        worst = max(worst, float(np.abs(ref[both] - got[both]).max()))
        n += int(both.sum())
    out.write_text(
        json.dumps(
            {
                "build": build,
                "dijkstra_8": time.perf_counter() - t,
                "max_abs_diff_m": worst,
                "compared": n,
                "rss_mb": rss_mb(),
            }
        )
    )


PANDANA_SCRIPT = r"""
import json, sys, time, resource
import numpy as np, pandas as pd
t0 = time.perf_counter()
import pandana
d = np.load(sys.argv[1])
t = time.perf_counter()
c0 = time.process_time()
nodes = pd.DataFrame({"x": d["x"], "y": d["y"]})
edges = pd.DataFrame({"from": d["a"], "to": d["b"], "w": d["w"]})
net = pandana.Network(nodes["x"], nodes["y"], edges["from"], edges["to"], edges[["w"]], twoway=False)
prep = time.perf_counter() - t
prep_cpu = time.process_time() - c0
t = time.perf_counter()
c0 = time.process_time()
res = {}
radius = json.loads(sys.argv[3])
for name in json.loads(sys.argv[2]):
    ids = d["fac_" + name]
    maxd = radius[name]
    net.set_pois(category=name, maxdist=maxd, maxitems=1, x_col=nodes["x"].iloc[ids], y_col=nodes["y"].iloc[ids])
    r = net.nearest_pois(distance=maxd, category=name, num_pois=1)
    res[name] = r[1].to_numpy()[d["origin_nodes"]]
query = time.perf_counter() - t
query_cpu = time.process_time() - c0
np.savez(sys.argv[4], **res)
print(json.dumps({"prepare": prep, "query_8": query, "prepare_cpu": prep_cpu, "query_cpu": query_cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "version": pandana.__version__}))
"""


def ensure_venv():
    """bench/.venv-access with pandana and PySAL access from PyPI (created once)."""
    py = VENV / "bin" / "python"
    if py.exists():
        return py
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "pandana", "access"], check=True)
    return py


def part_pandana(work, out):
    import numpy as np

    d, r, rows, cols, data = augmented_edges(work)
    # pandana wants nodes with coordinates; the reversed graph's edge a->b is "from a to b" in the search from
    # the facilities, so nearest_pois over it gives the cost to the facility as in ours
    x, y = r.node_x.copy(), r.node_y.copy()
    x[np.isnan(x)] = 0.0
    y[np.isnan(y)] = 0.0
    fac = {f"fac_{t}": r.facility_node[np.flatnonzero(d["ftype"] == t)] for t in TYPES}
    path = work / "pandana_in.npz"
    np.savez(path, x=x, y=y, a=cols, b=rows, w=data, origin_nodes=r.origin_node, **fac)
    py = ensure_venv()
    # the search radius pandana needs: just above the farthest nearest facility (in its favour: a radius of
    # 50 km, the "no limit" a planner might type, made its queries take minutes)
    ours = np.load(work / "ours_costs.npz")
    radius = {t: float(np.ceil(np.nanmax(np.where(np.isfinite(ours[t]), ours[t], np.nan)) * 1.05)) for t in TYPES}
    threads = os.environ.get("PANDANA_THREADS", "1")  # OpenMP threads spin on a shared, oversubscribed machine
    proc = subprocess.run(
        [
            str(py),
            "-c",
            PANDANA_SCRIPT,
            str(path),
            json.dumps(TYPES),
            json.dumps(radius),
            str(work / "pandana_out.npz"),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, OMP_NUM_THREADS=threads),
    )
    if proc.returncode != 0:
        out.write_text(json.dumps({"error": proc.stderr[-2000:]}))
        return
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    got = np.load(work / "pandana_out.npz")
    worst = 0.0
    info["maxdist_m"] = radius
    info["threads"] = threads
    for t in TYPES:
        p = got[t] + r.origin_connector
        ok = np.isfinite(ours[t]) & (got[t] < radius[t])
        worst = max(worst, float(np.abs(p[ok] - ours[t][ok]).max()))
    info["max_abs_diff_m"] = worst
    out.write_text(json.dumps(info))


def part_native(work, out, n_sample):
    """QGIS native:shortestpathlayertopoint for one facility with growing subsets of the origins (its graph
    builder ties every start point into the graph, about 40 ms CPU per origin, so one run with all 14,759
    origins takes the better part of an hour); time = a + b x origins fitted and extrapolated to all origins
    and 8,000 facilities."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import numpy as np
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    g = str(work / "data.gpkg")
    roads = QgsVectorLayer(f"{g}|layername=roads", "roads", "ogr")
    fac = QgsVectorLayer(f"{g}|layername=facilities", "fac", "ogr")
    n_all = QgsVectorLayer(f"{g}|layername=origins", "origins", "ogr").featureCount()
    pts = [f.geometry().asPoint() for f in fac.getFeatures()][:n_sample]
    crs = roads.crs().authid()

    def context():  # the network algorithms need a project (without one 3.22 crashes)
        ctx = QgsProcessingContext()
        ctx.setProject(QgsProject.instance())
        return ctx

    runs = []
    for n in NATIVE_ORIGINS:
        origins = QgsVectorLayer(f'{g}|layername=origins|subset="oid" < {n}', "origins", "ogr")
        for p in pts:
            t, c = time.perf_counter(), time.process_time()
            res = processing.run(
                "native:shortestpathlayertopoint",
                {
                    "INPUT": roads,
                    "STRATEGY": 0,
                    "START_POINTS": origins,
                    "END_POINT": f"{p.x()},{p.y()} [{crs}]",
                    "OUTPUT": "memory:",
                },
                feedback=QgsProcessingFeedback(),
                context=context(),
            )
            runs.append(
                {
                    "origins": n,
                    "time": time.perf_counter() - t,
                    "cpu": time.process_time() - c,
                    "paths": res["OUTPUT"].featureCount(),
                }
            )
            print(runs[-1], flush=True)
    x = np.array([r["origins"] for r in runs], float)
    y = np.array([r["time"] for r in runs])
    b, a = np.polyfit(x, y, 1)
    per_facility = a + b * n_all
    t = time.perf_counter()
    sub = QgsVectorLayer(f"{g}|layername=facilities|subset=\"type\" = 'Kita'", "kita", "ogr")
    processing.run(
        "native:serviceareafromlayer",
        {"INPUT": roads, "STRATEGY": 0, "START_POINTS": sub, "TRAVEL_COST2": 500, "OUTPUT_LINES": "memory:"},
        feedback=QgsProcessingFeedback(),
        context=context(),
    )
    service = time.perf_counter() - t
    out.write_text(
        json.dumps(
            {
                "runs": runs,
                "fit_a": a,
                "fit_b": b,
                "origins_all": n_all,
                "per_facility_all_origins": per_facility,
                "service_area_one_type": service,
                "rss_mb": rss_mb(),
            }
        )
    )


def part_growth(work, out):
    import numpy as np

    from sozialplanung_plugin.core.network import Router, build_network

    rows = []

    def run(n_side, n_origins, n_types, per_type=1000):
        rng = np.random.default_rng(1)
        step = 60.0
        X, Y = np.meshgrid(np.arange(n_side) * step, np.arange(n_side) * step)
        lines = [np.column_stack([X[i], Y[i]]) for i in range(n_side)] + [
            np.column_stack([X[:, j], Y[:, j]]) for j in range(n_side)
        ]
        xy = np.concatenate(lines)
        off = np.r_[0, np.cumsum([len(a) for a in lines])]
        ext = n_side * step
        o = rng.uniform(0, ext, (n_origins, 2))
        f = rng.uniform(0, ext, (n_types * per_type, 2))
        t = time.perf_counter()
        net = build_network(xy, off, None)
        r = Router(net, o, f)
        for k in range(n_types):
            r.nearest(np.arange(k * per_type, (k + 1) * per_type))
        rows.append(
            {"edges": int(net.n_segments), "origins": n_origins, "types": n_types, "time": time.perf_counter() - t}
        )

    for n_o in (1500, 5000, 15000, 45000):
        run(224, n_o, 8)
    for side in (112, 158, 224, 317):
        run(side, 15000, 8)
    for n_t in (1, 2, 4, 16):
        run(224, 15000, n_t)
    out.write_text(json.dumps(rows))


def part_pysal(work, out):
    """2SFCA on the demo county, ours against PySAL access (same pairs); the venv runs access."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from sozialplanung_plugin.core import facilities as fac
    from sozialplanung_plugin.core.network import Router, build_network, polylines

    demo = ROOT / "sozialplanung_plugin" / "resources" / "demo"
    roads = gpd.read_file(demo / "rbk_infrastructure.gpkg", layer="roads")
    facs = gpd.read_file(demo / "rbk_infrastructure.gpkg", layer="facilities")
    blocks = gpd.read_file(demo / "rbk_demo.gpkg", layer="blocks")
    kitas = facs[(facs["type"] == "Kita") & facs["closed"].isna()].reset_index(drop=True)
    xy, off, pl = polylines([np.asarray(g.coords) for g in roads.geometry])
    net = build_network(xy, off, pl)
    inner = blocks.geometry.representative_point()
    o = np.column_stack([inner.x, inner.y])
    r = Router(net, o, np.column_stack([kitas.geometry.x, kitas.geometry.y]))
    catch = 1500.0
    oi, fi, c = r.pairs(np.arange(len(kitas)), catch)
    demand = blocks["residents"].to_numpy(float) * 0.06
    supply = kitas["capacity"].to_numpy(float)
    res = {}
    for decay in ("none", "gaussian"):
        a, _ = fac.two_step_fca(oi, fi, c, demand, supply, catch, decay=decay)
        res[decay] = a
    path = work / "pysal_in.npz"
    np.savez(path, o=oi, f=fi, c=c, demand=demand, supply=supply, none=res["none"], gaussian=res["gaussian"])
    py = ensure_venv()
    script = r"""
import sys, json, numpy as np, pandas as pd, time
import access
from access import weights
d = np.load(sys.argv[1]); catch = float(sys.argv[2])
cost = pd.DataFrame({"origin": d["o"], "dest": d["f"], "cost": d["c"]})
dem = pd.DataFrame({"geoid": np.arange(len(d["demand"])), "demand": d["demand"]}).set_index("geoid")
sup = pd.DataFrame({"geoid": np.arange(len(d["supply"])), "supply": d["supply"]}).set_index("geoid")
out = {}
for name, fn in (("none", None), ("gaussian", weights.gaussian(catch / 2))):
    t = time.perf_counter()
    s = access.fca.two_stage_fca(dem, sup, cost, max_cost=catch + 1e-6, demand_index=True, supply_index=True,
                                  demand_name="demand", supply_name="supply", weight_fn=fn)
    el = time.perf_counter() - t
    ref = s.reindex(np.arange(len(d["demand"]))).fillna(0).to_numpy()
    ours = d[name]
    m = np.isfinite(ours)
    out[name] = {"max_rel_diff": float(np.max(np.abs(ref[m] - ours[m]) / np.maximum(np.abs(ref[m]), 1e-12))),
                 "max_abs_diff": float(np.max(np.abs(ref[m] - ours[m]))), "time": el, "origins": int(m.sum())}
print(json.dumps({"access_version": getattr(access, "__version__", "?"), **out}))
"""
    proc = subprocess.run([str(py), "-c", script, str(path), str(catch)], capture_output=True, text=True)
    if proc.returncode != 0:
        out.write_text(json.dumps({"error": proc.stderr[-2000:]}))
        return
    info = json.loads(proc.stdout.strip().splitlines()[-1])
    t = time.perf_counter()
    fac.two_step_fca(oi, fi, c, demand, supply, catch)
    info["ours_time"] = time.perf_counter() - t
    info["pairs"] = int(len(oi))
    out.write_text(json.dumps(info))
    del pd


def make_grid(work, n_cells=3_100_000, seed=SEED):
    """A synthetic table in the published Zensus 2022 layout and 11,000 synthetic municipalities (npz)."""
    import numpy as np

    path = work / "Zensus2022_Bevoelkerungszahl_100m-Gitter.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(seed)
    W, H = 6400, 8700
    cells = np.sort(rng.choice(W * H, n_cells, replace=False))
    e = 4030000 + 100 * (cells % W)
    n = 2680000 + 100 * (cells // W)
    pop = rng.geometric(0.15, n_cells)
    secret = rng.random(n_cells) < 0.02
    u18 = np.where(secret, -1, rng.binomial(pop, 0.17))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;Unter18\n")
        chunk = 200_000
        for i in range(0, n_cells, chunk):
            sl = slice(i, i + chunk)
            u = np.where(u18[sl] < 0, "–", u18[sl].astype(str))
            lines = [
                f"CRS3035RES100mN{a}E{b};{b + 50};{a + 50};{p};{q}" for a, b, p, q in zip(n[sl], e[sl], pop[sl], u)
            ]
            fh.write("\n".join(lines) + "\n")
    # municipalities: 100 x 110 jittered quads, each side with 5 vertices
    nx_, ny_ = 100, 110
    gx = np.linspace(4030000, 4030000 + W * 100, nx_ + 1)
    gy = np.linspace(2680000, 2680000 + H * 100, ny_ + 1)
    GX, GY = np.meshgrid(gx, gy)
    GX[1:-1, 1:-1] += rng.normal(0, 1500, GX[1:-1, 1:-1].shape)
    GY[1:-1, 1:-1] += rng.normal(0, 1500, GY[1:-1, 1:-1].shape)
    t = np.linspace(0, 1, 6)[:-1]
    rings, owner = [], []
    for j in range(ny_):
        for i in range(nx_):
            c = [
                (GX[j, i], GY[j, i]),
                (GX[j, i + 1], GY[j, i + 1]),
                (GX[j + 1, i + 1], GY[j + 1, i + 1]),
                (GX[j + 1, i], GY[j + 1, i]),
            ]
            pts = [
                np.column_stack([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]) for a, b in zip(c, c[1:] + c[:1])
            ]
            rings.append(np.concatenate(pts))
            owner.append(len(owner))
    xy = np.concatenate(rings)
    offsets = np.r_[0, np.cumsum([len(r) for r in rings])]
    np.savez(work / "municipalities.npz", xy=xy, offsets=offsets, owner=np.asarray(owner))
    return path


def part_grid(work, out):
    import numpy as np

    from sozialplanung_plugin.core import zensus_grid as zg

    path = make_grid(work)
    m = np.load(work / "municipalities.npz")
    t0 = time.perf_counter()
    g = zg.read_zensus_grid(path)
    t1 = time.perf_counter()
    lab = zg.label_cells(g.x, g.y, g.resolution, m["xy"], m["offsets"], m["owner"])
    t2 = time.perf_counter()
    sums, flags, n = zg.sum_cells(lab, g.values, g.status, len(m["owner"]))
    t3 = time.perf_counter()
    out.write_text(
        json.dumps(
            {
                "cells": len(g),
                "municipalities": int(len(m["owner"])),
                "read": t1 - t0,
                "label": t2 - t1,
                "sum": t3 - t2,
                "total": t3 - t0,
                "unlabelled": int((lab < 0).sum()),
                "rss_mb": rss_mb(),
                "incomplete": int((flags["unter18"] == "incomplete").sum()),
                "file_mb": path.stat().st_size / 1e6,
            }
        )
    )


PARTS = {
    "ours": part_ours,
    "alg": lambda w, o: part_alg(w, o, False),
    "alg_fca": lambda w, o: part_alg(w, o, True),
    "networkx": part_networkx,
    "pandana": part_pandana,
    "growth": part_growth,
    "pysal": part_pysal,
    "grid": part_grid,
}


def run_part(name, work, timeout=7200, extra=()):
    out = work / f"{name}.json"
    out.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen")
    la = load()
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--part", name, "--work", str(work), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    wall = time.perf_counter() - t
    if proc.returncode != 0 or not out.exists():
        print(proc.stdout[-2000:], proc.stderr[-4000:])
        return {"error": (proc.stderr or proc.stdout)[-1500:], "wall": wall, "load": la}
    res = json.loads(out.read_text())
    if isinstance(res, dict):
        res.update(wall=wall, load_before=la, load_after=load())
    print(f"   {name}: {wall:.1f} s", flush=True)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part")
    ap.add_argument("--work", default=str(WORK))
    ap.add_argument("--quick", action="store_true", help="small lattice, few native runs, no grid")
    ap.add_argument("--native-sample", type=int, default=2)
    ap.add_argument("--only", default="", help="comma separated parts to run")
    args, rest = ap.parse_known_args()
    work = Path(args.work)
    if args.part == "native":
        part_native(work, work / "native.json", int(rest[0]) if rest else args.native_sample)
        return
    if args.part:
        PARTS[args.part](work, work / f"{args.part}.json")
        return
    started = dt.datetime.now(dt.UTC)
    info = ensure_data(work, args.quick)
    print(f"data: {info}", flush=True)
    only = [p for p in args.only.split(",") if p]
    results = {"data": info}
    previous = work / "results.json"
    if only and previous.exists():  # re-run some parts: keep the others' results of the last full run
        results = json.loads(previous.read_text())
        results["data"] = info
    order = ["ours", "alg", "alg_fca", "networkx", "pandana", "native", "pysal", "growth", "grid"]
    if args.quick:
        order.remove("grid")
    for name in order:
        if only and name not in only:
            continue
        extra = (str(args.native_sample),) if name == "native" else ()
        results[name] = run_part(name, work, extra=extra)
        results.setdefault("run_at", {})[name] = f"{started:%Y-%m-%d %H:%M}"
    if not only:
        results["started"] = f"{started:%Y-%m-%d %H:%M}"
    (work / "results.json").write_text(json.dumps(results, indent=1, default=str))
    write_md(results, started, args)


def fmt(v, d=2):
    return "–" if v is None else f"{v:,.{d}f}".replace(",", " ")


def write_md(r, started, args):
    ours, alg, fca = r.get("ours", {}), r.get("alg", {}), r.get("alg_fca", {})
    nxr, pd_, nat, ps, gr, grid = (r.get(k, {}) for k in ("networkx", "pandana", "native", "pysal", "growth", "grid"))
    lines = [
        "## Accessibility (networkaccess) and Zensus grid",
        "",
        f"Run {r.get('started') or f'{started:%Y-%m-%d %H:%M}'} UTC on {platform.node()} ({os.cpu_count()} cores shared with other agents; "
        f"load 1-min average noted per variant), Python {platform.python_version()}, "
        f"`bench/bench_access.py{' --quick' if args.quick else ''}`."
        + "".join(
            f" Re-run {when} UTC: {', '.join(k for k, w in r['run_at'].items() if w == when)}."
            for when in sorted(set(r.get("run_at", {}).values()) - {r.get("started")})
        ),
        "",
        f"Data: {r['data'].get('source')}: {r['data'].get('lines'):,} lines, {ours.get('segments', 0):,} network "
        f"segments (edges), {ours.get('nodes', 0):,} nodes; {r['data'].get('origins'):,} origins; 8 types x 1,000 "
        "facilities.",
        "",
        "| variant | time | vs ours | notes |",
        "|---|---:|---:|---|",
    ]
    k1 = ours.get("k1", {})
    base = k1.get("total")
    lines.append(
        f"| ours, core: network + snapping + 8 multi-source Dijkstra (k = 1) | {fmt(base)} s | 1 | network "
        f"{fmt(k1.get('network'))} s, snapping/graph {fmt(k1.get('snap_graph'))} s, Dijkstra x 8 "
        f"{fmt(k1.get('dijkstra_8'))} s; CPU {fmt(k1.get('cpu'))} s; peak {fmt(ours.get('rss_mb'), 0)} MB; "
        f"load {fmt(ours.get('load_before'), 1)} |"
    )
    lines.append(f"| ours, k = 3 for one type | {fmt(ours.get('k3_one_type'))} s | | exact (one extra run per rank) |")
    lines.append(
        f"| ours, 2SFCA pairs for 8 types | {fmt(ours.get('pairs_8'))} s | | {ours.get('pairs_count', 0):,} "
        "origin-facility pairs within the catchments |"
    )
    if alg.get("time"):
        lines.append(
            f"| **sozialplanung:networkaccess** (processing.run: read layers, 8 types, per-space output) | "
            f"**{fmt(alg['time'])} s** | {fmt(alg['time'] / base if base else None, 1)} | goal <= 3 s; CPU "
            f"{fmt(alg.get('cpu'))} s; peak "
            f"{fmt(alg.get('rss_mb'), 0)} MB; load {fmt(alg.get('load_before'), 1)} |"
        )
    if fca.get("time"):
        lines.append(f"| networkaccess with 2SFCA | {fmt(fca['time'])} s | | load {fmt(fca.get('load_before'), 1)} |")
    if nxr.get("dijkstra_8"):
        lines.append(
            f"| networkx multi_source_dijkstra x 8 (reference) | {fmt(nxr['dijkstra_8'])} s (+ {fmt(nxr['build'])} s "
            f"graph) | {fmt(nxr['dijkstra_8'] / k1['dijkstra_8'] if k1 else None, 0)} x slower than our Dijkstra "
            f"| max difference {nxr['max_abs_diff_m']:.2e} m over {nxr['compared']:,} origin-type pairs (goal <= 0.1 m) |"
        )
    if pd_.get("prepare") is not None:
        tot = pd_["prepare"] + pd_["query_8"]
        lines.append(
            f"| pandana {pd_.get('version')} (CH preparation + nearest_pois x 8) | {fmt(tot)} s | "
            f"{fmt(base / tot if base else None, 2)} (ours / pandana) | preparation {fmt(pd_['prepare'])} s, "
            f"queries {fmt(pd_['query_8'])} s (CPU {fmt(pd_.get('prepare_cpu'))} + {fmt(pd_.get('query_cpu'))} s, "
            f"OMP_NUM_THREADS={pd_.get('threads')}, search radius per type just above its farthest nearest "
            f"facility); max difference {pd_['max_abs_diff_m']:.2e} m; goal ours <= 1.5 x |"
        )
    elif pd_.get("error"):
        lines.append(f"| pandana | failed | | {pd_['error'][-200:].splitlines()[-1] if pd_['error'] else ''} |")
    if nat.get("runs"):
        import numpy as np

        runs = nat["runs"]
        x = np.array([r["origins"] for r in runs], float)
        bc, ac = np.polyfit(x, np.array([r["cpu"] for r in runs]), 1)
        n_all = nat["origins_all"]
        wall_all = nat["per_facility_all_origins"] * 8000
        cpu_all = (ac + bc * n_all) * 8000
        ref = alg.get("time")
        ref_cpu = alg.get("cpu")
        sizes = ", ".join(
            f"{n}: {fmt(sum(r['time'] for r in runs if r['origins'] == n) / sum(1 for r in runs if r['origins'] == n))} s"
            for n in sorted({r["origins"] for r in runs})
        )
        lines.append(
            f"| QGIS native:shortestpathlayertopoint per facility (all {n_all:,} origins -> one facility), x 8,000 | "
            f"{fmt(cpu_all / 3600 / 24, 1)} days CPU ({fmt(wall_all / 3600 / 24, 1)} days wall), extrapolated | "
            f"{fmt(cpu_all / ref_cpu if ref_cpu else None, 0)} x (CPU; wall {fmt(wall_all / ref if ref else None, 0)}"
            f" x) slower than networkaccess | not run in full: {len(runs)} runs timed with the first 100/300/900 "
            f"origins to one facility (mean wall time {sizes}); CPU time = a + b x origins fitted (a = {fmt(ac)} s, "
            f"b = {bc * 1000:.1f} ms per origin: the graph is built anew per run with every start point tied into it) "
            f"= {fmt((ac + bc * n_all) / 60, 1)} min CPU per facility for all origins, x 8,000 facilities (+ a "
            f"minimum per origin, not timed); load {fmt(nat.get('load_before'), 1)}-{fmt(nat.get('load_after'), 1)};"
            " goal >= 50 x |"
        )
        sa8 = 8 * nat["service_area_one_type"]
        lines.append(
            f"| QGIS native:serviceareafromlayer, one type (1,000 Kitas, 500 m) | {fmt(nat['service_area_one_type'])} s"
            f" wall | {fmt(sa8 / ref if ref else None, 0)} x slower than networkaccess (wall, x 8 types) | x 8 types = "
            f"{fmt(sa8)} s; the cheapest native chain per type, and it gives the reachable lines only (no distances "
            "per origin, no share of residents); goal >= 50 x |"
        )
    lines += [
        "",
        "Growth (ours, core, k = 1, synthetic lattices):",
        "",
        "| edges | origins | types | time |",
        "|---:|---:|---:|---:|",
    ]
    for row in gr if isinstance(gr, list) else []:
        lines.append(f"| {row['edges']:,} | {row['origins']:,} | {row['types']} | {fmt(row['time'])} s |")
    if ps and not ps.get("error"):
        lines += [
            "",
            f"2SFCA on the demo county (Kitas, 1,500 m catchment, {ps.get('pairs', 0):,} pairs) against PySAL access "
            f"{ps.get('access_version')}: no decay max relative difference {ps['none']['max_rel_diff']:.1e}, "
            f"Gaussian decay (sigma = 750 m) {ps['gaussian']['max_rel_diff']:.1e}; time PySAL "
            f"{fmt(ps['none']['time'] * 1000, 1)} ms, ours {fmt(ps.get('ours_time', 0) * 1000, 1)} ms (both on the same pairs).",
        ]
    if grid.get("total"):
        lines += [
            "",
            f"Zensus grid at German scale: {grid['cells']:,} cells ({fmt(grid['file_mb'], 0)} MB CSV in the published "
            f"layout, 2 % secret cells) into {grid['municipalities']:,} municipalities: **{fmt(grid['total'], 1)} s** "
            f"(read {fmt(grid['read'], 1)} s, containment {fmt(grid['label'], 1)} s, sums {fmt(grid['sum'], 1)} s), "
            f"peak memory **{fmt(grid['rss_mb'] / 1024, 2)} GB** (goal <= 60 s, <= 8 GB); {grid['unlabelled']} cells "
            f"outside every municipality, {grid['incomplete']:,} municipalities flagged incomplete; load "
            f"{fmt(grid.get('load_before'), 1)}.",
        ]
    path = ROOT / "bench" / "results" / "access.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(path.read_text())


if __name__ == "__main__":
    main()
