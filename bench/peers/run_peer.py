"""One peer regionalisation run for bench/bench_regionalise.py, executed by the peers' venv python (bench/.venv-peers).

Usage: run_peer.py METHOD CASE.npz OUT.npz
METHOD: maxp | maxp_light | skater | ward | ward_nested. Reads the case written by the benchmark (population,
nesting unit code per block, standardised attributes, the within-unit adjacency edges our algorithm used, our
number of regions per unit), writes the labels to OUT.npz and prints one JSON line (time of the solve calls only, peak
memory, versions, notes). Runs per unit (municipality / district) for spopt, as a planner would have to.
"""

import json
import resource
import sys
import time
import warnings

import numpy as np


def unit_graph(idx, ei, ej, n):
    """Local neighbour dict (0..m-1) of the blocks idx (out of n) from global edges."""
    pos = np.full(n, -1, dtype=np.int64)
    pos[idx] = np.arange(len(idx))
    keep = (pos[ei] >= 0) & (pos[ej] >= 0)
    li, lj = pos[ei[keep]], pos[ej[keep]]
    nb = {k: [] for k in range(len(idx))}
    for a, b in zip(li.tolist(), lj.tolist()):
        if a != b:
            nb[a].append(b)
            nb[b].append(a)
    return {k: sorted(set(v)) for k, v in nb.items()}, li, lj


def run_maxp(pop, units, z, ei, ej, counts, floor, notes, light=False):
    import pandas as pd
    from libpysal.weights import W
    from spopt.region import MaxPHeuristic

    labels = np.full(len(pop), -1, dtype=np.int64)
    nxt = 0
    solve_time = 0.0
    single = 0
    for u in np.unique(units):
        idx = np.flatnonzero(units == u)
        if pop[idx].sum() < 2 * floor:
            # spopt 0.7.0 never returns when a unit can hold only one region (fixed upstream after the release):
            # such a unit is one region without calling the solver
            labels[idx] = nxt
            nxt += 1
            single += 1
            continue
        nb, _, _ = unit_graph(idx, ei, ej, len(units))
        w = W(nb, silence_warnings=True)
        cols = [f"z{k}" for k in range(z.shape[1])]
        df = pd.DataFrame(z[idx], columns=cols)
        df["pop"] = pop[idx]
        np.random.seed(0)
        t = time.perf_counter()
        if light:  # 10 constructions, one simulated-annealing pass each (defaults: 99 and 10)
            model = MaxPHeuristic(
                df, w, cols, "pop", floor, top_n=2, max_iterations_construction=10, max_iterations_sa=1
            )
        else:
            model = MaxPHeuristic(df, w, cols, "pop", floor, top_n=2)
        model.solve()
        solve_time += time.perf_counter() - t
        lab = np.asarray(model.labels_)
        _, lab = np.unique(lab, return_inverse=True)
        labels[idx] = lab + nxt
        nxt += int(lab.max()) + 1
    if single:
        notes.append(f"{single} unit(s) below 2 x floor set to one region without calling MaxP (0.7.0 hang)")
    return labels, solve_time


def run_skater(pop, units, z, ei, ej, counts, floor, notes):
    from libpysal.weights import W
    from spopt.region.skater import SpanningForest

    class PopulationFloorForest(SpanningForest):
        """Skater's spanning forest with the floor on the population (column 0 of data) instead of block counts;
        the dissimilarity ignores that column."""

        def score(self, data, labels=None, quorum=-np.inf):
            if labels is None:
                labels = self.current_labels_
            if np.isfinite(quorum) and (np.bincount(labels, weights=data[:, 0]) < quorum).any():
                return np.inf
            return super().score(data, labels=labels, quorum=-np.inf)

    from sklearn.metrics import pairwise as skm

    def dissim(x, y=None):
        return skm.manhattan_distances(x[:, 1:], None if y is None else y[:, 1:])

    labels = np.full(len(pop), -1, dtype=np.int64)
    nxt = 0
    solve_time = 0.0
    short = 0
    for k, u in enumerate(np.unique(units)):
        idx = np.flatnonzero(units == u)
        want = int(counts[k])
        if want <= 1:
            labels[idx] = nxt
            nxt += 1
            continue
        nb, _, _ = unit_graph(idx, ei, ej, len(units))
        w = W(nb, silence_warnings=True)
        data = np.column_stack([pop[idx], z[idx]])
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = PopulationFloorForest(dissimilarity=dissim).fit(want, w, data=data, quorum=floor)
        solve_time += time.perf_counter() - t
        lab = np.asarray(model.current_labels_)
        _, lab = np.unique(lab, return_inverse=True)
        if lab.max() + 1 < want:
            short += 1
        labels[idx] = lab + nxt
        nxt += int(lab.max()) + 1
    if short:
        notes.append(f"{short} unit(s) stopped with fewer regions than asked (no cut met the population floor)")
    return labels, solve_time


def run_ward(z, ei, ej, n_regions, notes):
    from scipy.sparse import coo_matrix
    from sklearn.cluster import AgglomerativeClustering

    n = len(z)
    a = coo_matrix((np.ones(2 * len(ei)), (np.r_[ei, ej], np.r_[ej, ei])), shape=(n, n)).tocsr()
    t = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lab = AgglomerativeClustering(n_clusters=int(n_regions), linkage="ward", connectivity=a).fit(z).labels_
    dt = time.perf_counter() - t
    for c in caught:
        if "connected components" in str(c.message):
            notes.append("graph has components (one per unit): sklearn completed it across units")
            break
    return np.asarray(lab, dtype=np.int64), dt


def run_ward_nested(units, z, ei, ej, counts, notes):
    from scipy.sparse import coo_matrix
    from sklearn.cluster import AgglomerativeClustering

    labels = np.full(len(z), -1, dtype=np.int64)
    nxt = 0
    solve_time = 0.0
    for k, u in enumerate(np.unique(units)):
        idx = np.flatnonzero(units == u)
        want = min(int(counts[k]), len(idx))
        if want <= 1:
            labels[idx] = nxt
            nxt += 1
            continue
        _, li, lj = unit_graph(idx, ei, ej, len(units))
        m = len(idx)
        a = coo_matrix((np.ones(2 * len(li)), (np.r_[li, lj], np.r_[lj, li])), shape=(m, m)).tocsr()
        t = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lab = AgglomerativeClustering(n_clusters=want, linkage="ward", connectivity=a).fit(z[idx]).labels_
        solve_time += time.perf_counter() - t
        labels[idx] = np.asarray(lab) + nxt
        nxt += want
    return labels, solve_time


def versions():
    out = {"python": sys.version.split()[0], "numpy": np.__version__}
    for mod in ("spopt", "libpysal", "sklearn", "scipy"):
        try:
            out[mod] = __import__(mod).__version__
        except Exception:  # noqa: BLE001 - report what is there
            pass
    return out


def main(method, case_path, out_path):
    case = np.load(case_path)
    pop, units, z = case["pop"], case["unit_code"], case["z"]
    ei, ej = case["wi"], case["wj"]  # within-unit edges (island links included), as our algorithm used them
    counts = case["ours_counts"]  # our regions per unit, in np.unique(unit_code) order
    floor = float(case["floor"])
    notes = []
    t0 = time.perf_counter()
    if method == "maxp":
        labels, solve = run_maxp(pop, units, z, ei, ej, counts, floor, notes)
    elif method == "maxp_light":
        labels, solve = run_maxp(pop, units, z, ei, ej, counts, floor, notes, light=True)
    elif method == "skater":
        labels, solve = run_skater(pop, units, z, ei, ej, counts, floor, notes)
    elif method == "ward":
        labels, solve = run_ward(z, ei, ej, int(counts.sum()), notes)
    elif method == "ward_nested":
        labels, solve = run_ward_nested(units, z, ei, ej, counts, notes)
    else:
        raise SystemExit(f"unknown method {method}")
    total = time.perf_counter() - t0
    np.savez(out_path, labels=labels)
    print(
        json.dumps(
            {
                "time": solve,
                "time_with_setup": total,
                "notes": notes,
                "versions": versions(),
                "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
