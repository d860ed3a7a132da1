"""core.hotspots: local Moran's I and Gi* by hand, the vectorised permutations against a plain loop, and PySAL esda.

The esda reference arrays in tests/data/hotspots/ were produced by bench/make_hotspots_golden.py (esda 2.9.0 in
bench/.venv-esda): the demo county's 68 social spaces and 2,421 blocks, and the 448 Berlin planning areas.
"""

from pathlib import Path

import numpy as np
import pytest

from sozialplanung_plugin.core import hotspots as hs
from sozialplanung_plugin.core.errors import InputError

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "hotspots"
DEMO = Path(__file__).resolve().parents[2] / "sozialplanung_plugin" / "resources" / "demo"


def chain(n):
    """Units 0 - 1 - 2 - ... - n-1 in a row."""
    return hs.Weights.from_pairs(n, np.arange(n - 1), np.arange(1, n))


def test_local_moran_and_gi_by_hand():
    # y = 1..5 on a chain: mean 3, population SD sqrt(2); z = -1.414, -0.707, 0, 0.707, 1.414
    # lag (row-standardised) = -0.707, -0.707, 0, 0.707, 0.707; sum z^2 = 5; I = 4/5 z lag = 0.8, 0.4, 0, 0.4, 0.8
    r = hs.local_statistics([1, 2, 3, 4, 5], chain(5), permutations=0)
    assert np.allclose(r.z, np.array([-2, -1, 0, 1, 2]) / np.sqrt(2))
    assert np.allclose(r.lag, np.array([-1, -1, 0, 1, 1]) / np.sqrt(2))
    assert np.allclose(r.moran_i, [0.8, 0.4, 0.0, 0.4, 0.8])
    assert r.quadrant.tolist() == [3, 3, 3, 1, 1]  # esda: 1 HH, 2 LH, 3 LL, 4 HL (z = 0 counts as low)
    # Gi*: mean of the unit and its neighbours over the total 15: (1+2)/2/15, (1+2+3)/3/15, ...
    assert np.allclose(r.gi, [0.1, 2 / 15, 0.2, 4 / 15, 0.3])
    # esda's analytical moments for row-standardised Gi*: E = 1/n, V = (n-1)/(n-1)/n^2 x var/mean^2 = 0.04 x 2/9
    assert np.allclose(r.gi_z, (np.array([0.1, 2 / 15, 0.2, 4 / 15, 0.3]) - 0.2) / np.sqrt(0.04 * 2 / 9))
    # binary weights: the lag is the neighbours' sum, Gi* the plain sum over the total
    b = hs.local_statistics([1, 2, 3, 4, 5], chain(5), permutations=0, transform="b")
    assert np.allclose(b.lag * np.sqrt(2), [-1, -2, 0, 2, 1])
    assert np.allclose(b.gi, np.array([3, 6, 9, 12, 9]) / 15)
    # global Moran's I (row-standardised chain): n/S0 sum_i z_i lag_i / sum z^2 = 5/5 x 3/5 = 0.6
    assert np.isclose(r.global_i, (1.0 + 0.5 + 0 + 0.5 + 1.0) / 5)


def naive_larger(y, w, rows, stat="moran", transform="r"):
    """The plain loop over units and draws the vectorised code must reproduce exactly."""
    z = (y - y.mean()) / y.std()
    n = len(y)
    card = w.cardinality
    out = np.zeros(n, dtype=np.int64)
    le = np.zeros(n, dtype=np.int64)
    for i in range(n):
        k = card[i]
        obs = y[w.indices[w.indptr[i] : w.indptr[i + 1]]].sum()
        for row in rows:
            ids = [u for u in row if u != i][:k]
            s = y[ids].sum()
            out[i] += s >= obs
            le[i] += s <= obs
    return out, le, z


def test_vectorised_draws_equal_the_plain_loop():
    rng = np.random.default_rng(3)
    w = hs.Weights.from_lattice(7, 9, queen=True)  # cardinalities 3, 5, 8
    y = rng.gamma(2.0, 3.0, size=w.n)
    perms = 199
    rows = hs.draw_rows(w.n, int(w.cardinality.max()) + 1, perms, 42)
    ge, le, z = naive_larger(y, w, rows)
    got_ge, got_le = hs._counts_shared(y, w, w.lag(y, "b"), perms, 42, w.cardinality)
    assert (got_ge == ge).all() and (got_le == le).all()
    r = hs.local_statistics(y, w, permutations=perms, seed=42)
    larger = np.where(z > 0, ge, le)
    assert np.array_equal(r.moran_p, hs.fold(larger, perms))
    assert np.array_equal(r.gi_p, hs.fold(ge, perms))
    # a small n (draws by sorting random keys) and a unit drawn among its own first k ids in most rows
    w2 = chain(4)
    y2 = np.array([1.0, 5.0, 2.0, 8.0])
    rows2 = hs.draw_rows(4, 3, 50, 7)
    ge2, le2, _ = naive_larger(y2, w2, rows2)
    g2, l2 = hs._counts_shared(y2, w2, w2.lag(y2, "b"), 50, 7, w2.cardinality)
    assert (g2 == ge2).all() and (l2 == le2).all()


def test_draws_are_reproducible_and_distinct():
    a = hs.draw_rows(1000, 9, 999, 12345)
    assert np.array_equal(a, hs.draw_rows(1000, 9, 999, 12345))
    assert not np.array_equal(a, hs.draw_rows(1000, 9, 999, 12346))
    s = np.sort(a, axis=1)
    assert (s[:, 1:] != s[:, :-1]).all() and a.min() >= 0 and a.max() < 1000
    small = hs.draw_rows(5, 5, 10, 1)
    assert all(sorted(r) == [0, 1, 2, 3, 4] for r in small.tolist())


def test_fdr_and_bonferroni_by_hand():
    p = np.array([0.01, 0.02, 0.03, 0.04, 0.5])
    # BH at 0.05, m = 5: limits 0.01, 0.02, 0.03, 0.04, 0.05 -> the largest p_(k) <= k/5 x 0.05 is 0.04
    assert hs.fdr_threshold(p, 0.05) == 0.04
    assert hs.significant_mask(p, 0.05, "fdr").tolist() == [True, True, True, True, False]
    assert hs.significant_mask(p, 0.05, "bonferroni").tolist() == [True, False, False, False, False]
    assert hs.significant_mask(p, 0.05, "none").tolist() == [True, True, True, True, False]
    # step-up: p_(2) = 0.03 > 0.02 fails, but p_(3) = 0.03 <= 0.03 passes -> both 0.03s significant
    assert hs.significant_mask(np.array([0.011, 0.03, 0.03, 0.9]), 0.05, "fdr").tolist() == [True, True, True, False]
    assert hs.fdr_threshold(np.array([0.2, 0.5]), 0.05) == 0.0
    assert not hs.significant_mask(np.array([np.nan, 0.001]), 0.05)[0]
    with pytest.raises(InputError, match="Correction"):
        hs.significant_mask(p, 0.05, "holm")


def test_missing_values_and_islands():
    # unit 2 has no value: it leaves the analysis, 0-1 and 3-4 become two pairs; unit 5 has no neighbours
    w = hs.Weights.from_pairs(6, [0, 1, 2, 3], [1, 2, 3, 4])
    r = hs.local_statistics([1.0, 2.0, np.nan, 8.0, 9.0, 3.0], w, permutations=99, seed=1)
    assert r.lisa_cluster[2] == hs.UNDEFINED and r.gi_cluster[2] == hs.UNDEFINED and np.isnan(r.moran_i[2])
    assert r.lisa_cluster[5] == hs.NEIGHBOURLESS and np.isnan(r.moran_p[5]) and np.isnan(r.gi[5])
    assert r.cardinality.tolist() == [1, 1, 0, 1, 1, 0]
    # the mean and SD are those of the five values: z of unit 0 = (1 - 4.6) / SD(1, 2, 8, 9, 3)
    assert np.isclose(r.z[0], (1 - 4.6) / np.std([1, 2, 8, 9, 3]))
    assert r.record["units_with_value"] == 5 and r.record["neighbourless"] == 1


def test_bad_input():
    with pytest.raises(InputError, match="at least 3 units"):
        hs.local_statistics([1.0, np.nan, np.nan], chain(3))
    with pytest.raises(InputError, match="same value"):
        hs.local_statistics([2.0, 2.0, 2.0], chain(3))
    with pytest.raises(InputError, match="4 values but spatial weights for 3"):
        hs.local_statistics([1.0, 2.0, 3.0, 4.0], chain(3))
    with pytest.raises(InputError, match="outside"):
        hs.Weights.from_pairs(3, [0], [3])
    with pytest.raises(InputError, match="greater than 0"):
        hs.distance_band(np.zeros((3, 2)), 0)
    # Gi* needs non-negative values: with negative ones only local Moran is computed
    r = hs.local_statistics([-1.0, 2.0, 3.0, 5.0], chain(4), permutations=9)
    assert not r.record["gi_computed"] and np.isnan(r.gi).all() and (r.gi_cluster == 0).all()


def test_distance_band():
    xy = np.array([[0, 0], [1, 0], [3, 0], [3, 1.5]], float)
    w = hs.distance_band(xy, 1.5)
    assert w.cardinality.tolist() == [1, 1, 1, 1]  # 0-1 (1.0) and 2-3 (1.5, inclusive)
    assert hs.min_threshold(xy) == 1.5
    assert hs.distance_band(xy, 2.0).cardinality.tolist() == [1, 2, 2, 1]


# ------------------------------------------------------------------------------------------------ esda reference
def golden(name):
    path = GOLDEN / f"{name}.npz"
    return dict(np.load(path, allow_pickle=True))


def run_on(g, **kw):
    y = g["y"]
    yv = y[~np.isnan(y)]
    w = hs.Weights.from_pairs(len(yv), g["i"], g["j"])
    return yv, w, hs.local_statistics(yv, w, permutations=int(g["permutations"]), **kw)


@pytest.mark.parametrize("name", ["rbk_spaces", "rbk_blocks", "berlin_plr"])
def test_same_statistics_as_esda(name):
    g = golden(name)
    _y, w, r = run_on(g, esda_ids=g["esda_ids"])
    has = w.cardinality > 0
    assert np.allclose(r.z, g["z"], rtol=0, atol=1e-12)
    assert np.allclose(r.moran_i, g["Is"], rtol=0, atol=1e-12)
    assert np.array_equal(r.quadrant, g["q"])
    assert np.allclose(r.gi[has], g["Gs"][has], rtol=0, atol=1e-14)
    assert np.allclose(r.gi_z[has], g["Zs"][has], rtol=0, atol=1e-9)
    assert np.isclose(r.global_i, g["global_I"], rtol=0, atol=1e-12)
    assert np.isclose(r.global_z, g["global_z_norm"], rtol=0, atol=1e-9)
    # with esda's own draws the pseudo p-values are esda's (esda keeps them as float32). Exceptions: ties between a
    # permuted and the observed sum (values repeated, as the many 0 % blocks), which esda's fastmath rounding and
    # ours break differently; they occur in the blocks only
    dm = np.abs(r.moran_p - g["p_sim"])[has]
    dg = np.abs(r.gi_p - g["g_p_sim"])[has]
    allowed = 3 if name == "rbk_blocks" else 0
    assert (dm > 1e-6).sum() <= allowed and dm.max() <= 0.0021
    assert (dg > 1e-6).sum() <= allowed


@pytest.mark.parametrize("name", ["rbk_spaces", "berlin_plr"])
def test_p_values_within_sampling_error_of_esda(name):
    # our own draws (seeded): each p-value is an estimate from 999 draws, as esda's; their difference has the
    # standard error sqrt(2 p (1 - p) / 1000)
    g = golden(name)
    _y, w, r = run_on(g, seed=int(g["seed"]))
    p0, p1 = g["p_sim"], r.moran_p
    se = np.sqrt(2 * p0 * (1 - p0) / 1000)
    d = np.abs(p1 - p0) / np.maximum(se, 0.001)
    assert d.max() < 5, d.max()
    assert np.mean(d > 3) < 0.07
    agree = np.mean((p1 <= 0.05) == (p0 <= 0.05))
    assert agree >= 0.95, agree
    # the same seed, the same result; another seed, other draws but the same picture
    _y, _w, again = run_on(g, seed=int(g["seed"]))
    assert np.array_equal(again.moran_p, r.moran_p) and np.array_equal(again.lisa_cluster, r.lisa_cluster)
    _y, _w, other = run_on(g, seed=1)
    assert not np.array_equal(other.moran_p, r.moran_p)
    assert np.mean((other.moran_p <= 0.05) == (p1 <= 0.05)) >= 0.95


def test_demo_county_inputs_are_the_projects():
    """The golden case of the demo spaces is the project's data: same values, same Queen weights as libpysal."""
    import geopandas as gpd

    from sozialplanung_plugin.core.aggregate import aggregate_counts, compute_indicators
    from sozialplanung_plugin.core.catalogue import default_catalogue
    from sozialplanung_plugin.core.tables import read_table

    g = golden("rbk_spaces")
    cat = default_catalogue()
    values, status = read_table(DEMO / "bloecke_2025.csv", variables=cat).wide(2025)
    blocks = gpd.read_file(DEMO / "rbk_demo.gpkg", layer="blocks")
    spaces = gpd.read_file(DEMO / "rbk_demo.gpkg", layer="social_spaces").sort_values("sr_id")
    sv, ss = aggregate_counts(values, status, blocks.set_index("block_id")["sr_id"].astype(str))
    y = compute_indicators(sv, ss, [cat.indicators["kinderarmut_sgb2_u15"]])["kinderarmut_sgb2_u15"]
    assert np.allclose(y.reindex(spaces["sr_id"].astype(str)).to_numpy(), g["y"])
    w = hs.queen_weights(list(spaces.geometry))
    i, j = w.pairs()
    ours = set(zip(i[i < j].tolist(), j[i < j].tolist()))
    assert ours == set(zip(g["i"].tolist(), g["j"].tolist()))
    assert ours == set(zip(g["queen_i"].tolist(), g["queen_j"].tolist()))  # libpysal Queen: identical


def test_block_weights_against_libpysal():
    # libpysal's Queen joins polygons that share a vertex; core.graph also joins boundaries that touch without one
    # (T-junctions): every libpysal link is ours, and we have a few more
    g = golden("rbk_blocks")
    ours = set(zip(g["i"].tolist(), g["j"].tolist()))
    theirs = set(zip(g["queen_i"].tolist(), g["queen_j"].tolist()))
    assert theirs <= ours and len(ours - theirs) == 34


def test_berlin_weights_from_shared(shared_dir):
    import geopandas as gpd

    g = golden("berlin_plr")
    plr = gpd.read_file(shared_dir / "data" / "berlin_plr_pre2021" / "berlin-lor-planning-areas-until-2020.geojson")
    plr = plr.to_crs(25833).sort_values("id").reset_index(drop=True)
    assert plr["id"].tolist() == g["keys"].tolist()
    w = hs.queen_weights(list(plr.geometry))
    i, j = w.pairs()
    assert set(zip(i[i < j].tolist(), j[i < j].tolist())) == set(zip(g["queen_i"].tolist(), g["queen_j"].tolist()))
    # the values: residents 2018 of the blocks summed per planning area, per km² (the golden case's input)
    import pandas as pd

    pop = pd.read_csv(shared_dir / "data" / "berlin_blocks_2018" / "block_to_plr_pre2021.csv", dtype={"plr": str})
    ew = pop.groupby("plr")["EW2018"].sum().reindex(plr["id"]).fillna(0).to_numpy(float)
    y = ew / (plr.geometry.area.to_numpy() / 1e6)
    assert np.allclose(y, g["y"], rtol=1e-12, atol=0)
    assert len(y) == 448 and ew.sum() > 3.6e6  # Berlin had about 3.75 million residents at the end of 2018
    # from the shared data to esda's numbers in one go: our weights and values, esda's draws
    r = hs.local_statistics(y, w, permutations=int(g["permutations"]), esda_ids=g["esda_ids"])
    assert np.allclose(r.moran_i, g["Is"], rtol=0, atol=1e-12) and np.array_equal(r.quadrant, g["q"])
    assert np.allclose(r.gi_z, g["Zs"], rtol=0, atol=1e-9)
    assert np.abs(r.moran_p - g["p_sim"]).max() <= 1e-6 and np.abs(r.gi_p - g["g_p_sim"]).max() <= 1e-6
