"""Benchmark of the composite-index core: index, Monte Carlo sensitivity, Jenks breaks.

Run alone:  PYTHONNOUSERSITE=1 /usr/bin/python3 bench/bench_index.py [--quick]
Writes bench/results/index.md. Peers measured in the same run:
- Monte Carlo: the straightforward way, one core.index.compute_index call per draw (timed on a few
  draws, scaled to the draw count);
- Jenks: jenkspy (C implementation of Fisher-Jenks) from a venv bench/.venv-index, if present
  (python3 -m venv --system-site-packages bench/.venv-index && bench/.venv-index/bin/pip install jenkspy).
"""

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sozialplanung_plugin.core import classify as cl  # noqa: E402
from sozialplanung_plugin.core import index as ix  # noqa: E402
from sozialplanung_plugin.core import sensitivity as se  # noqa: E402

PEER_PY = ROOT / "bench" / ".venv-index" / "bin" / "python"


def make_data(n, k=12, seed=0):
    """Correlated skewed indicators (one common factor), like shares of SGB II, unemployment ..."""
    rng = np.random.default_rng(seed)
    f = rng.normal(size=n)
    cols = {}
    for j in range(k):
        cols[f"i{j:02d}"] = np.exp(1.5 + 0.5 * (0.7 * f + 0.7 * rng.normal(size=n)))
    d = pd.DataFrame(cols)
    d["ew"] = rng.integers(100, 5000, size=n)
    return d


def indicators(k=12):
    return [
        {"field": f"i{j:02d}", "domain": f"d{j % 4}", "direction": "higher_better" if j % 5 == 4 else "higher_worse"}
        for j in range(k)
    ]


def timed(fn, repeat=1):
    """Best wall-clock time of the repeats (the CPU time of that repeat is kept in LAST_CPU)."""
    global LAST_CPU
    best = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        t, c = time.perf_counter() - t0, time.process_time() - c0
        if best is None or t < best:
            best, LAST_CPU = t, c
    return best, out


LAST_CPU = 0.0


def peak_mb(fn):
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def jenks_peer(x, k):
    if not PEER_PY.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.npy"
        np.save(p, x)
        code = (
            "import sys, time, numpy as np, jenkspy; x = np.load(sys.argv[1]); t = time.perf_counter(); "
            f"b = jenkspy.jenks_breaks(x.tolist(), n_classes={k}); "
            "print(time.perf_counter() - t); print(' '.join(repr(float(v)) for v in b))"
        )
        res = subprocess.run(
            [str(PEER_PY), "-c", code, str(p)],
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "PYTHONNOUSERSITE": "1"},
        )
        if res.returncode != 0:
            return None
        lines = res.stdout.strip().splitlines()
        return float(lines[0]), [float(v) for v in lines[1].split()]


def gvf(x, breaks):
    cls = cl.assign_classes(x, breaks).to_numpy()
    sdam = ((x - x.mean()) ** 2).sum()
    sdcm = sum(((x[cls == c] - x[cls == c].mean()) ** 2).sum() for c in np.unique(cls))
    return 1 - sdcm / sdam


def processing_section(units):
    """compositeindex and indexsensitivity through processing.run on memory polygon layers (with QGIS)."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="bench-index-qgis-")
        from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsVectorLayer
    except ImportError:
        return ["\n(QGIS not available: Processing timings skipped.)"]
    app = QgsApplication.instance() or QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    import sozialplanung_plugin

    plugin = sozialplanung_plugin.classFactory(None)
    plugin.initProcessing()
    out = [
        "\n### Through Processing (memory polygon layer in and out, 12 indicators)\n",
        "| units | compositeindex general, quantile classes s | Berlin MSS 8 + 4 s | indexsensitivity 1,000 draws s |",
        "|---:|---:|---:|---:|",
    ]
    for n in units:
        d = make_data(n)
        cols = [c for c in d.columns if c.startswith("i")]
        layer = QgsVectorLayer(
            "Polygon?crs=EPSG:25832&" + "&".join(f"field={c}:double" for c in cols) + "&field=ew:integer", "u", "memory"
        )
        feats = []
        for i, row in enumerate(d.itertuples(index=False)):
            f = QgsFeature(layer.fields())
            f.setAttributes([float(v) for v in row[:-1]] + [int(row[-1])])
            x, y = (i % 200) * 100.0, (i // 200) * 100.0
            f.setGeometry(
                QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + 90} {y},{x + 90} {y + 90},{x} {y + 90},{x} {y}))")
            )
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        dirs = "; ".join(f"{c}=higher_better" for j, c in enumerate(cols) if j % 5 == 4)
        t1, _ = timed(
            lambda: processing.run(
                "sozialplanung:compositeindex",
                {"INPUT": layer, "INDICATORS": cols, "DIRECTIONS": dirs, "OUTPUT": "TEMPORARY_OUTPUT"},
            )
        )
        t2, _ = timed(
            lambda: processing.run(
                "sozialplanung:compositeindex",
                {
                    "INPUT": layer,
                    "PRESET": 1,
                    "INDICATORS": cols[:8],
                    "DYNAMICS_FIELDS": cols[8:],
                    "DIRECTIONS": dirs,
                    "POPULATION_FIELD": "ew",
                    "OUTPUT": "TEMPORARY_OUTPUT",
                },
            )
        )
        t3, _ = timed(
            lambda: processing.run(
                "sozialplanung:indexsensitivity",
                {
                    "INPUT": layer,
                    "INDICATORS": cols,
                    "DIRECTIONS": dirs,
                    "N_DRAWS": 1000,
                    "OUTPUT": "TEMPORARY_OUTPUT",
                    "CORRELATION": "TEMPORARY_OUTPUT",
                },
            )
        )
        out.append(f"| {n:,} | {t1:.2f} | {t2:.2f} | {t3:.2f} |")
        print("processing", n, t1, t2, t3, flush=True)
    out.append(
        "\nThe difference to the core timings above is reading the features into a table and writing the "
        "output layer (all input attributes plus the result fields, geometries copied)."
    )
    del plugin
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller grid (smoke run)")
    args = ap.parse_args()
    units = [1000, 3000, 10000] if args.quick else [1000, 3000, 10000, 30000]
    draws = [100, 1000] if args.quick else [100, 300, 1000, 3000]
    inds = indicators()
    lines = []
    lines.append("## Composite index and sensitivity (bench/bench_index.py)\n")
    lines.append(
        f"Date {dt.date.today().isoformat()}, machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}. "
        "Synthetic data: 12 correlated skewed indicators in 4 domains (3 higher_better). Times are "
        "the best of the repeats, wall clock; peak memory from tracemalloc (numpy allocations).\n"
    )

    # 1. single index ---------------------------------------------------------------------------
    lines.append("### One index (z-score, arithmetic, 12 indicators, sd classes)\n")
    lines.append("| units | compute_index s | Berlin MSS s | IoD (4 domains) s | GISD (4 PCAs) s |")
    lines.append("|---:|---:|---:|---:|---:|")
    for n in units:
        d = make_data(n)
        t1, _ = timed(lambda: ix.compute_index(d, inds, classification={"method": "sd", "n_classes": 5}), 3)
        t2, _ = timed(
            lambda: ix.berlin_mss(
                d, [f"i{j:02d}" for j in range(8)], [f"i{j:02d}" for j in range(8, 12)], residents_field="ew"
            ),
            3,
        )
        t3, _ = timed(lambda: ix.iod_exponential(d, {f"d{j}": f"i{j:02d}" for j in range(4)}), 3)
        dims = {f"d{j}": [f"i{i:02d}" for i in range(12) if i % 4 == j] for j in range(4)}
        t4, _ = timed(lambda: ix.gisd(d, dims), 3)
        lines.append(f"| {n:,} | {t1:.3f} | {t2:.3f} | {t3:.3f} | {t4:.3f} |")
        print("index", n, t1, t2, t3, t4, flush=True)

    # 2. Monte Carlo grid -------------------------------------------------------------------------
    lines.append(
        "\n### Monte Carlo sensitivity (Dirichlet weights, 3 normalisations x 2 aggregations, 12 indicators)\n"
    )
    lines.append("| units | draws | rank method | wall s | CPU s | µs per unit-draw (wall) | peak MB |")
    lines.append("|---:|---:|---|---:|---:|---:|---:|")
    goal = None
    for n in units:
        d = make_data(n)
        for D in draws:
            if n * D > 3e7 and not (n == 30000 and D == 1000):
                continue
            goal_case = n == 30000 and D == 1000
            reps = 3 if goal_case else (2 if n * D <= 3e6 else 1)
            t, res = timed(lambda: se.monte_carlo(d, inds, n_draws=D, seed=1), reps)
            cpu = LAST_CPU
            mem = peak_mb(lambda: se.monte_carlo(d, inds, n_draws=D, seed=1)) if n * D >= 1e6 else float("nan")
            if goal_case:
                goal = (t, cpu, reps)
            memtxt = f"{mem:.0f}" if mem == mem else "-"
            lines.append(
                f"| {n:,} | {D:,} | {res.summary['rank_method']} | {t:.2f} | {cpu:.2f} | "
                f"{1e6 * t / (n * D):.3f} | {memtxt} |"
            )
            print("mc", n, D, t, flush=True)
    # peer: one compute_index per draw
    n_peer = units[-1]
    d = make_data(n_peer)
    rng = np.random.default_rng(0)
    k_peer = 5
    t0 = time.perf_counter()
    for _ in range(k_peer):
        w = rng.dirichlet(np.ones(12) * 20)
        ix.compute_index(
            d,
            [dict(i, weight=float(x)) for i, x in zip(inds, w)],
            weighting="given",
            normalisation="minmax",
            aggregation="geometric",
        )
    per_draw = (time.perf_counter() - t0) / k_peer
    t_vec, _ = timed(lambda: se.monte_carlo(d, inds, n_draws=1000, seed=1))
    t_ex, ex = timed(lambda: se.monte_carlo(d, inds, n_draws=200, seed=1, rank_method="exact", keep_ranks=True))
    cpu_ex = LAST_CPU
    _, bi = timed(lambda: se.monte_carlo(d, inds, n_draws=200, seed=1, rank_method="binned", keep_ranks=True))
    err = ex.ranks - bi.ranks
    lines.append(
        f"\nPeer (same run): one `compute_index` call per draw takes {per_draw:.3f} s at "
        f"{n_peer:,} units, i.e. about {per_draw * 1000:.0f} s for 1,000 draws; the vectorised "
        f"Monte Carlo needs {t_vec:.2f} s (ratio {per_draw * 1000 / t_vec:.0f}x).\n"
    )
    lines.append(
        f"Exact ranks (one argsort per draw) at {n_peer:,} units: {t_ex / 200 * 1000:.2f} s wall, "
        f"{cpu_ex / 200 * 1000:.2f} s CPU per 1,000 draws (scaled from 200). Counted ranks "
        f"(2^16 bins, the 'auto' choice above 5,000 units) differ from the exact ones by "
        f"{err.mean():.2f} ranks on average, 99th percentile {np.percentile(err, 99):.0f}, maximum "
        f"{err.max()} (never worse than exact); median ranks differ by at most "
        f"{(ex.frame['mc_rank_med'] - bi.frame['mc_rank_med']).abs().max():.1f}.\n"
    )
    if goal is not None:
        lines.append(
            f"Goal 30,000 units x 12 indicators x 1,000 draws <= 5 s: measured {goal[0]:.2f} s wall (best of {goal[2]}), "
            f"{goal[1]:.2f} s CPU ({'met' if goal[0] <= 5 else 'wall NOT met'}"
            f"{'' if goal[0] <= 5 and goal[1] <= 5 else ('; CPU met' if goal[1] <= 5 else '; CPU NOT met')}). "
            f"Load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
            "(other agents share the machine; CPU time is the fairer number)."
        )

    # 3. Jenks -------------------------------------------------------------------------------------
    lines.append("\n### Jenks natural breaks (5 classes)\n")
    lines.append("| values | ours s | mode | jenkspy s | ratio jenkspy/ours | GVF ours | GVF jenkspy |")
    lines.append("|---:|---:|---|---:|---:|---:|---:|")
    rng = np.random.default_rng(4)
    for n in [1000, 3000, 10000] if args.quick else [1000, 3000, 10000, 30000]:
        x = np.round(rng.gamma(2.0, 5.0, size=n), 4)
        t, br = timed(lambda: cl.jenks_breaks(x, 5), 2)
        mode = "exact" if len(np.unique(x)) <= cl.JENKS_MAX_EXACT else f"pooled ({cl.JENKS_MAX_EXACT} bins)"
        peer = jenks_peer(x, 5)
        if peer:
            pt, pb = peer
            lines.append(
                f"| {n:,} | {t:.3f} | {mode} | {pt:.3f} | {pt / t:.1f} | {gvf(x, br):.5f} | {gvf(x, pb[1:-1]):.5f} |"
            )
        else:
            lines.append(f"| {n:,} | {t:.3f} | {mode} | - | - | {gvf(x, br):.5f} | - |")
        print("jenks", n, t, peer and peer[0], flush=True)
    lines.append(
        "\nGVF = goodness of variance fit (1 - within-class / total sum of squares); equal GVF means "
        "the same optimum. Both are exact here; jenkspy's dynamic programme is O(k n^2), ours O(k n log n) "
        "(divide and conquer over the monotone split points)."
    )
    # 4. through Processing (layer in, layer out) ---------------------------------------------------
    lines.extend(processing_section(units))
    out = ROOT / "bench" / "results" / "index.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(out.read_text())


if __name__ == "__main__":
    main()
