"""Run PySAL esda on one prepared case (inside the venv bench/.venv-esda): the reference for core.hotspots.

Usage: bench/.venv-esda/bin/python bench/peers/esda_hotspots.py IN.npz OUT.npz [--time] [--n-jobs N]
IN holds ``y`` (values), ``i``/``j`` (undirected neighbour pairs, 0-based), optional ``wkb`` (polygons, to compare
libpysal's own Queen weights), ``permutations`` and ``seed``. OUT holds esda's statistics and its permutation draws
(``esda.crand.vec_permutations``), plus timings when --time is given.
"""

import argparse
import time
import warnings

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--no-gi", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="run the statistics this often (the first includes JIT)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    import esda
    import libpysal
    from esda.crand import vec_permutations

    data = np.load(args.inp, allow_pickle=True)
    y = data["y"].astype(float)
    n = len(y)
    perms = int(data["permutations"])
    seed = int(data["seed"])
    t0 = time.perf_counter()
    neigh = {k: [] for k in range(n)}
    for a, b in zip(data["i"].tolist(), data["j"].tolist()):
        neigh[a].append(b)
        neigh[b].append(a)
    w = libpysal.weights.W({k: sorted(v) for k, v in neigh.items()}, silence_warnings=True)
    t_w = time.perf_counter() - t0
    out = {}
    if "wkb" in data.files:
        import shapely

        geoms = shapely.from_wkb(list(data["wkb"]))
        q = libpysal.weights.Queen.from_iterable(geoms)
        qi, qj = [], []
        for k, nb in q.neighbors.items():
            for m in nb:
                if k < m:
                    qi.append(k)
                    qj.append(m)
        out["queen_i"] = np.array(qi, np.int64)
        out["queen_j"] = np.array(qj, np.int64)
    t_lisas, t_gis = [], []
    for _ in range(max(args.repeat, 1)):  # the first run includes numba's compilation
        t0 = time.perf_counter()
        lm = esda.Moran_Local(
            y, w, transformation="r", permutations=perms, seed=seed, n_jobs=args.n_jobs, keep_simulations=False
        )
        t_lisas.append(time.perf_counter() - t0)
    t_lisa = t_lisas[-1]
    out.update(Is=lm.Is, q=lm.q, p_sim=lm.p_sim, z=lm.z)
    t_gi = float("nan")
    if not args.no_gi:
        for _ in range(max(args.repeat, 1)):
            t0 = time.perf_counter()
            g = esda.G_Local(
                y,
                w,
                transform="R",
                permutations=perms,
                star=True,
                seed=seed,
                n_jobs=args.n_jobs,
                keep_simulations=False,
            )
            t_gis.append(time.perf_counter() - t0)
        t_gi = t_gis[-1]
        out.update(Gs=g.Gs, EGs=g.EGs, Zs=g.Zs, g_p_sim=g.p_sim)
    w.transform = "r"
    mg = esda.Moran(y, w, permutations=0)
    out.update(global_I=mg.I, global_z_norm=mg.z_norm)
    card = np.array([len(neigh[k]) for k in range(n)])
    out["esda_ids"] = vec_permutations(int(card.max()), n, perms, seed)
    out["times"] = np.array([t_w, t_lisa, t_gi])
    out["lisa_runs"] = np.array(t_lisas)
    out["gi_runs"] = np.array(t_gis)
    import resource

    out["peak_mb"] = np.array(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
    out["versions"] = np.array([esda.__version__, libpysal.__version__])
    np.savez_compressed(args.out, **out)
    if args.time:
        print(f"weights {t_w:.3f} s, Moran_Local {t_lisa:.3f} s, G_Local {t_gi:.3f} s")


if __name__ == "__main__":
    main()
