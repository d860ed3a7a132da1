"""Monte Carlo sensitivity and indicator diagnostics, against hand-derived values."""

import math

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import index as ix
from sozialplanung_plugin.core import sensitivity as se
from sozialplanung_plugin.core.errors import InputError


def test_vectorised_draws_equal_single_index_runs():
    rng = np.random.default_rng(11)
    d = pd.DataFrame(rng.gamma(2, 2, size=(40, 4)), columns=list("abcd"))
    inds = [{"field": "a"}, {"field": "b", "direction": "higher_better"}, {"field": "c"}, {"field": "d"}]
    r = se.monte_carlo(d, inds, n_draws=12, seed=5, keep_ranks=True)
    for j in range(12):
        w = r.draws["weights"][j]
        given = [dict(i, weight=float(wi)) for i, wi in zip(inds, w)]
        one = ix.compute_index(
            d,
            given,
            weighting="given",
            normalisation=r.draws["normalisation"][j],
            aggregation=r.draws["aggregation"][j],
        )
        assert r.ranks[:, j].tolist() == one.frame["idx_rank"].astype(int).tolist()
    base = ix.compute_index(d, inds)
    assert r.frame["mc_rank_base"].astype(int).tolist() == base.frame["idx_rank"].astype(int).tolist()


def test_deterministic_for_seed():
    rng = np.random.default_rng(2)
    d = pd.DataFrame(rng.normal(size=(30, 3)), columns=list("abc"))
    a = se.monte_carlo(d, list("abc"), n_draws=50, seed=1)
    b = se.monte_carlo(d, list("abc"), n_draws=50, seed=1)
    c = se.monte_carlo(d, list("abc"), n_draws=50, seed=2)
    pd.testing.assert_frame_equal(a.frame, b.frame)
    assert not np.array_equal(a.draws["weights"], c.draws["weights"])


def test_single_indicator_is_stable():
    d = pd.DataFrame({"a": [1.0, 5, 3, 9, 7]})
    r = se.monte_carlo(d, ["a"], n_draws=40, seed=0)
    assert (r.frame["mc_rank_width"] == 0).all()
    assert (r.frame["mc_class_change"] == 0).all()
    assert r.frame["mc_rank_med"].tolist() == [5, 3, 4, 1, 2]


def test_class_change_probability_by_hand():
    # z_x = (1.2247, -1.2247, 0), z_y = -z_x ; base weights 0.6 / 0.4 -> A rank 1, C rank 2, B rank 3.
    # range mode r = 0.5: w_x = 0.6 U1, w_y = 0.4 U2 with U ~ U(0.5, 1.5). A and B swap iff U2 > 1.5 U1:
    # P = integral_{0.5}^{1} (1.5 - 1.5 u) du = 0.1875. C never moves.
    d = pd.DataFrame({"x": [1.0, -1, 0], "y": [-1.0, 1, 0]})
    inds = [{"field": "x", "weight": 0.6}, {"field": "y", "weight": 0.4}]
    r = se.monte_carlo(
        d,
        inds,
        weighting="given",
        n_draws=20000,
        seed=3,
        weight_mode="range",
        weight_range=0.5,
        normalisations=["zscore"],
        aggregations=["arithmetic"],
        n_classes=3,
    )
    f = r.frame
    assert f["mc_rank_base"].tolist() == [1, 3, 2]
    assert f["mc_class_change"].iloc[0] == pytest.approx(0.1875, abs=0.01)
    assert f["mc_class_change"].iloc[1] == f["mc_class_change"].iloc[0]
    assert f["mc_class_change"].iloc[2] == 0 and f["mc_rank_width"].iloc[2] == 0
    # A: rank 1 in 81 % of draws -> median 1, 95th percentile 3
    assert f["mc_rank_med"].iloc[0] == 1 and f["mc_rank_p95"].iloc[0] == 3
    assert r.summary["mean_share_units_changing_class"] == pytest.approx(2 * 0.1875 / 3, abs=0.007)


def test_dirichlet_mean_is_base_weight():
    d = pd.DataFrame({"x": [1.0, 2, 3, 4], "y": [2.0, 1, 4, 3], "z": [1.0, 1, 2, 5]})
    inds = [
        {"field": "x", "weight": 2, "domain": "A"},
        {"field": "y", "weight": 1, "domain": "A"},
        {"field": "z", "domain": "B"},
    ]
    r = se.monte_carlo(d, inds, weighting="given", domain_weights={"A": 1, "B": 1}, n_draws=4000, seed=9)
    # flat weights: A: 0.5 * 2/3, 0.5 * 1/3 ; B: 0.5
    assert r.record["base_weights"] == pytest.approx([1 / 3, 1 / 6, 1 / 2])
    assert r.draws["weights"].mean(axis=0) == pytest.approx([1 / 3, 1 / 6, 1 / 2], abs=0.01)


def test_diagnostics_by_hand():
    d = pd.DataFrame({"x": [1.0, 2, 3, 4], "y": [2.0, 1, 4, 3], "g": [4.0, 3, 2, 1], "w": [1.0, -1, -1, 1]})
    # r(x, y) = 3 / 5 = 0.6 -> standardised alpha for two items 2r/(1+r) = 0.75
    res = se.indicator_diagnostics(d, ["x", "y"])
    assert res["correlation"].loc["x", "y"] == pytest.approx(0.6)
    assert res["cronbach_alpha"] == pytest.approx(0.75)
    # g is higher_better: oriented -g correlates +1 with x -> redundant ; w: r = 0 -> weak
    res = se.indicator_diagnostics(d, ["x", {"field": "g", "direction": "higher_better"}, "w"])
    flags = {(f["a"], f["b"], f["flag"]) for f in res["flags"]}
    assert ("x", "g", "redundant") in flags and ("x", "w", "weak") in flags
    assert res["correlation"].loc["x", "g"] == pytest.approx(1.0)


def test_bad_input():
    d = pd.DataFrame({"x": [1.0, 2, 3], "k": [1.0, 1, 1]})
    with pytest.raises(InputError, match="'k'.*constant"):
        se.monte_carlo(d, ["x", "k"], n_draws=5)
    with pytest.raises(InputError, match="weight_mode"):
        se.monte_carlo(d, ["x"], weight_mode="uniform")
    with pytest.raises(InputError, match="constant"):
        se.indicator_diagnostics(d, ["x", "k"])
    assert math.isfinite(se.monte_carlo(d, ["x"], n_draws=3).summary["median_rank_interval_width"])


def test_binned_ranks_bounded_by_exact():
    rng = np.random.default_rng(8)
    d = pd.DataFrame(rng.gamma(2, 2, size=(3000, 3)), columns=list("abc"))
    ex = se.monte_carlo(d, list("abc"), n_draws=20, seed=4, rank_method="exact", keep_ranks=True)
    bi = se.monte_carlo(d, list("abc"), n_draws=20, seed=4, rank_method="binned", bins=1024, keep_ranks=True)
    diff = ex.ranks - bi.ranks
    # a counted rank is never worse than the exact one, and too good by at most the units sharing its bin
    assert diff.min() == 0 and 0 < diff.max() < 60
    assert bi.summary["rank_method"] == "binned" and ex.summary["rank_method"] == "exact"
    # well separated values (one per bin): counted ranks are exact
    e = pd.DataFrame({"x": np.arange(100.0)})
    b1 = se.monte_carlo(e, ["x"], n_draws=3, rank_method="binned", bins=1024, keep_ranks=True)
    assert (b1.ranks[:, 0] == np.arange(100, 0, -1)).all()
