"""Produce the esda reference arrays for tests/core/test_hotspots.py (committed in tests/data/hotspots/).

Run:  PYTHONNOUSERSITE=1 /usr/bin/python3 bench/make_hotspots_golden.py
Creates the venv bench/.venv-esda (esda, libpysal, numba, shapely from PyPI) when it is missing.

Cases (the values are computed here with the plugin's own core, so the test can recompute them):
- rbk_spaces: the 68 demo social spaces, child poverty 2025 (SGB II children under 15 per 100 under 15,
  from the block table aggregated by the spaces' block assignment);
- rbk_blocks: the 2,421 demo blocks, SGB II rate 2025 per block (blocks without residents under 65 or with a
  suppressed count have no value: left out, as GeoDa does);
- berlin_plr: the 448 Berlin planning areas (LOR before 2021), residents per km² from the 2018 blocks
  (needs /work/shared; skipped without it).
For each: the neighbour pairs of core.hotspots.queen_weights (the same weights go to esda), libpysal's own Queen
pairs (to compare the weights), esda Moran_Local (row-standardised, 999 permutations, seed 12345), G_Local
(star, row-standardised), global Moran, and esda's permutation draws (crand.vec_permutations).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VENV = ROOT / "bench" / ".venv-esda"
PEER = ROOT / "bench" / "peers" / "esda_hotspots.py"
OUT = ROOT / "tests" / "data" / "hotspots"
SHARED = Path(os.environ.get("SOZ_SHARED", str(ROOT.parent / "shared")))
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
REQUIREMENTS = ["esda", "libpysal", "numba", "shapely"]
PERMUTATIONS, SEED = 999, 12345


def ensure_venv():
    """The esda venv (PyPI through pip); returns its python."""
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *REQUIREMENTS], check=True, env=_env())
    return py


def _env():
    env = dict(os.environ, PYTHONNOUSERSITE="1")
    env.pop("PYTHONPATH", None)
    return env


def rbk_cases():
    """(name, keys, values, geometries) of the demo county."""
    import geopandas as gpd

    from sozialplanung_plugin.core.aggregate import aggregate_counts, compute_indicators
    from sozialplanung_plugin.core.catalogue import default_catalogue
    from sozialplanung_plugin.core.tables import read_table

    cat = default_catalogue()
    table = read_table(DEMO / "bloecke_2025.csv", variables=cat)
    values, status = table.wide(2025)
    gpkg = DEMO / "rbk_demo.gpkg"
    blocks = gpd.read_file(gpkg, layer="blocks")
    spaces = gpd.read_file(gpkg, layer="social_spaces").sort_values("sr_id").reset_index(drop=True)
    assign = blocks.set_index("block_id")["sr_id"].astype(str)
    sv, ss = aggregate_counts(values, status, assign)
    kind = compute_indicators(sv, ss, [cat.indicators["kinderarmut_sgb2_u15"]])
    y_sp = kind["kinderarmut_sgb2_u15"].reindex(spaces["sr_id"].astype(str)).to_numpy(float)
    yield "rbk_spaces", spaces["sr_id"].astype(str).to_numpy(), y_sp, list(spaces.geometry)
    blocks = blocks.sort_values("block_id").reset_index(drop=True)
    q = compute_indicators(values, status, [cat.indicators["sgb2_quote"]])
    flag = q["sgb2_quote_flag"].reindex(blocks["block_id"])
    y_bl = q["sgb2_quote"].reindex(blocks["block_id"]).to_numpy(float)
    y_bl[(flag == "suppressed").to_numpy()] = np.nan
    yield "rbk_blocks", blocks["block_id"].to_numpy(), y_bl, list(blocks.geometry)


def berlin_case():
    import geopandas as gpd
    import pandas as pd

    plr_path = SHARED / "data" / "berlin_plr_pre2021" / "berlin-lor-planning-areas-until-2020.geojson"
    if not plr_path.exists():
        print("skip berlin_plr: ../shared is not present")
        return
    plr = gpd.read_file(plr_path).to_crs(25833).sort_values("id").reset_index(drop=True)
    pop = pd.read_csv(SHARED / "data" / "berlin_blocks_2018" / "block_to_plr_pre2021.csv", dtype={"plr": str})
    ew = pop.groupby("plr")["EW2018"].sum()
    y = ew.reindex(plr["id"]).fillna(0).to_numpy(float) / (plr.geometry.area.to_numpy() / 1e6)
    yield "berlin_plr", plr["id"].to_numpy(), y, list(plr.geometry)


def main():
    from sozialplanung_plugin.core import hotspots

    py = ensure_venv()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, keys, y, geoms in [*rbk_cases(), *berlin_case()]:
        w = hotspots.queen_weights(geoms)
        valid = ~np.isnan(y)
        # esda needs complete data: the units with a value and the links among them (as core.hotspots does)
        ws = w.subset(valid)
        i, j = ws.pairs()
        up = i < j
        tmp = Path(tempfile.mkdtemp(prefix="soz-esda-"))
        import shapely.wkb

        wkb = np.array([shapely.wkb.dumps(g) for g, ok in zip(geoms, valid) if ok], dtype=object)
        np.savez(
            tmp / "in.npz",
            y=y[valid],
            i=i[up],
            j=j[up],
            wkb=wkb,
            permutations=PERMUTATIONS,
            seed=SEED,
        )
        subprocess.run([str(py), str(PEER), str(tmp / "in.npz"), str(tmp / "out.npz")], check=True, env=_env())
        ref = dict(np.load(tmp / "out.npz", allow_pickle=True))
        np.savez_compressed(
            OUT / f"{name}.npz",
            keys=keys.astype(str),
            y=y,
            i=i[up],
            j=j[up],
            permutations=PERMUTATIONS,
            seed=SEED,
            **{k: v for k, v in ref.items() if k != "times"},
        )
        same = set(zip(ref["queen_i"].tolist(), ref["queen_j"].tolist())) == set(zip(i[up].tolist(), j[up].tolist()))
        print(
            f"{name}: {len(y)} units ({int(valid.sum())} with a value), {int(up.sum())} links; libpysal Queen "
            f"{'identical' if same else 'differs'} ({len(ref['queen_i'])} links); esda {ref['versions'][0]}"
        )


if __name__ == "__main__":
    main()
