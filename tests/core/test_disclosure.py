"""Disclosure control: hand-computed suppression patterns and an attacker that tries to recover cells."""

from types import SimpleNamespace as NS

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import aggregate as ag
from sozialplanung_plugin.core import disclosure as dc

from ..helpers import counts_frame as col


def suppressed_keys(masks):
    return [sorted(m.index[m["n"]]) for m in masks]


def run(spaces, mun_of_space, muns=None):
    """Spaces -> municipalities -> county with values summed from the spaces."""
    sp = col(spaces)
    parent = pd.Series(mun_of_space)
    mv = sp["n"].groupby(parent).sum()
    mun = col(mv.to_dict())
    county = col({"K": mv.sum()})
    levels = [sp, mun, county]
    parents = [parent, pd.Series("K", index=mun.index)]
    masks, primary = dc.suppress(levels, parents, 3)
    return levels, parents, masks, primary


def test_primary_threshold_and_zero():
    v = col({"a": 0, "b": 1, "c": 2, "d": 3, "e": 10})
    assert list(dc.primary_mask(v, 3)["n"]) == [False, True, True, False, False]
    assert list(dc.primary_mask(v, 3, suppress_zero=True)["n"]) == [True, True, True, False, False]
    assert list(dc.primary_mask(v, 5)["n"]) == [False, True, True, True, False]
    assert list(dc.primary_mask(v, {"n": 11})["n"]) == [False, True, True, True, True]


def test_hand_computed_pattern():
    # m1 = s1 2 + s2 10; m2 = s3 1 (single child); m3 = s4 20 + s5 7 + s6 5; county 45
    levels, parents, masks, primary = run(
        {"s1": 2, "s2": 10, "s3": 1, "s4": 20, "s5": 7, "s6": 5},
        {"s1": "m1", "s2": "m1", "s3": "m2", "s4": "m3", "s5": "m3", "s6": "m3"},
    )
    assert suppressed_keys(primary) == [["s1", "s3"], ["m2"], []]
    # m1 equation: s1 alone -> its sibling s2; county equation: m2 alone -> smallest sibling m1 (12 < 32)
    assert suppressed_keys(masks) == [["s1", "s2", "s3"], ["m1", "m2"], []]
    assert dc.find_leaks(levels, masks, parents) == []


def test_parent_suppressed_alone_pulls_a_child():
    # m1 = 5 + 8; m2 = 1 (one child). County equation: m2 alone -> m1; then m1 alone in its equation -> s1 (5)
    levels, parents, masks, _ = run({"s1": 5, "s2": 8, "s3": 1}, {"s1": "m1", "s2": "m1", "s3": "m2"})
    assert suppressed_keys(masks) == [["s1", "s3"], ["m1", "m2"], []]
    assert dc.find_leaks(levels, masks, parents) == []


def test_smallest_non_zero_sibling_and_ties_by_key():
    _, _, masks, _ = run({"s1": 1, "s2": 0, "s3": 6, "s4": 9}, {k: "m1" for k in ("s1", "s2", "s3", "s4")})
    assert suppressed_keys(masks)[0] == ["s1", "s3"]
    _, _, masks, _ = run({"c": 1, "b": 4, "a": 4}, {k: "m1" for k in ("a", "b", "c")})
    assert suppressed_keys(masks)[0] == ["a", "c"]


def test_primary_alone_is_recoverable_so_the_attacker_works():
    levels, parents, _, primary = run({"s1": 2, "s2": 10, "s3": 7}, {"s1": "m1", "s2": "m1", "s3": "m2"})
    assert "s1" in [k for _, k, _ in dc.find_leaks(levels, primary, parents)]


def _rank_recoverable(levels, parents, masks):
    """Cells whose value is a linear function of published cells (exact linear algebra, independent code)."""
    cells = [(i, k) for i, m in enumerate(masks) for k in m.index[m["n"]]]
    pos = {c: j for j, c in enumerate(cells)}
    rows = []
    for i, par in enumerate(parents):
        for p in levels[i + 1].index:
            row = np.zeros(len(cells))
            if (i + 1, p) in pos:
                row[pos[(i + 1, p)]] = -1
            for c in par.index[par == p]:
                if (i, c) in pos:
                    row[pos[(i, c)]] = 1
            if row.any():
                rows.append(row)
    if not cells:
        return []
    a = np.array(rows) if rows else np.zeros((0, len(cells)))
    rank = np.linalg.matrix_rank(a) if len(a) else 0
    out = []
    for c, j in pos.items():
        e = np.zeros(len(cells))
        e[j] = 1
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            out.append(c)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_random_hierarchies_have_no_leaks(seed):
    rng = np.random.default_rng(seed)
    n_mun = int(rng.integers(1, 6))
    spaces, parent = {}, {}
    for m in range(n_mun):
        for s in range(int(rng.integers(1, 6))):
            key = f"s{m}_{s}"
            spaces[key] = int(rng.choice([0, 1, 2, 3, 4, 8, 15, 40]))
            parent[key] = f"m{m}"
    levels, parents, masks, primary = run(spaces, parent)
    assert dc.find_leaks(levels, masks, parents) == []
    assert _rank_recoverable(levels, parents, masks) == []
    for m, p in zip(masks, primary):  # secondary only adds
        assert (m["n"] | ~p["n"]).all()


def test_rank_check_catches_a_leak():
    levels, parents, _, primary = run({"s1": 2, "s2": 10, "s3": 7}, {"s1": "m1", "s2": "m1", "s3": "m2"})
    assert (0, "s1") in _rank_recoverable(levels, parents, primary)


# ------------------------------------------------------------------------------------------------------
# through aggregate_levels: published output scanned for leaks (counts, rates, changes)
# ------------------------------------------------------------------------------------------------------
def _demo_tables(seed=3, n_blocks=60):
    rng = np.random.default_rng(seed)
    keys = [f"05378{b:07d}" for b in range(n_blocks)]
    space = pd.Series({k: f"S{i % 15:02d}" for i, k in enumerate(keys)})
    mun = pd.Series({k: f"M{int(space[k][1:]) % 4}" for k in keys})
    tables = {}
    for year in (2020, 2024):
        ew = rng.integers(5, 80, n_blocks).astype(float)
        sgb = rng.binomial(ew.astype(int), 0.03).astype(float)
        v = pd.DataFrame({"ew": ew, "sgb": sgb}, index=keys)
        tables[year] = (v, ag.default_status(v))
    return tables, space, mun


def test_published_output_has_no_recoverable_cell():
    tables, space, mun = _demo_tables()
    quote = NS(
        id="q", numerator=["sgb"], denominator=["ew"], multiplier=100, min_denominator=None, disclosure_threshold=None
    )
    levels = [ag.Level("space", space), ag.Level("municipality", mun), ag.Level("county", "total", key="K")]
    out = ag.aggregate_levels(tables, levels, [quote], disclosure=True, threshold=3)
    plain = ag.aggregate_levels(tables, levels, [quote], disclosure=False)
    n_hidden = n_primary = 0
    for y in (2020, 2024):
        frames = [out[n].frame for n in ("space", "municipality", "county")]
        truth = [plain[n].frame for n in ("space", "municipality", "county")]
        nums = [col(f[f"q_num_{y}"].to_dict()) for f in frames]
        hidden = [pd.DataFrame({"n": f[f"q_num_{y}"].isna()}) for f in frames]
        n_hidden += sum(int(h["n"].sum()) for h in hidden)
        pars = [ag.parent_mapping(space, mun)[0], pd.Series("K", index=frames[1].index)]
        # 1. subtraction from totals and sibling sums recovers nothing; exact linear algebra agrees
        assert dc.find_leaks(nums, hidden, pars) == []
        assert _rank_recoverable(nums, pars, hidden) == []
        for f, t, h in zip(frames, truth, hidden):
            # 2. no published count is below the threshold
            pub = f[f"q_num_{y}"].dropna()
            assert not ((pub > 0) & (pub < 3)).any()
            # 3. the rate (and the change) of a suppressed count is suppressed too
            assert f.loc[h["n"], f"q_{y}"].isna().all()
            assert (f.loc[h["n"], f"q_flag_{y}"] == "suppressed").all()
            assert f.loc[h["n"], "q_pct_2020_2024"].isna().all()
            assert f.loc[h["n"], "q_chg_2020_2024"].isna().all()
            # 4. every primary-sensitive true count is hidden
            true = t[f"q_num_{y}"]
            n_primary += int(((true > 0) & (true < 3)).sum())
            assert f.loc[(true > 0) & (true < 3), f"q_num_{y}"].isna().all()
    assert n_primary > 0 and n_hidden > n_primary  # the example exercises primary and secondary suppression
    assert out["space"].meta["disclosure"] is True and out["space"].meta["disclosure_threshold"] == 3


def test_thresholds_per_variable_from_catalogue():
    a = NS(id="a", numerator=["x"], denominator=["ew"], disclosure_threshold=5)
    b = NS(id="b", numerator=["y"], denominator=["ew", "area_km2"], disclosure_threshold=None)
    assert dc.thresholds_for([a, b], 3) == {"x": 5, "ew": 5, "y": 3}
    # without a default only the indicators' own thresholds count (b has none: raised a TypeError before)
    assert dc.thresholds_for([a, b], None) == {"x": 5, "ew": 5}
