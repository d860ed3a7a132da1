"""Pair recombination of core.regionalise (_split_pair, _pair_score, _recombine) on tiny graphs whose best split is
known by hand."""

import math

import numpy as np
import pytest

from sozialplanung_plugin.core import regionalise as rg


def _path(m):
    li = list(range(m - 1))
    lj = list(range(1, m))
    return li, lj, [1.0] * (m - 1)


def _params(floor, ceiling, ssd_scale=1.0, w_shape=0.0, w_cut=0.0):
    return dict(floor=floor, ceiling=ceiling, ssd_scale=ssd_scale, w_shape=w_shape, w_cut=w_cut)


def test_split_pair_finds_the_ssd_optimal_cut_of_a_path():
    # values 0 0 0 0 10 10, one resident each: without tight bounds the best cut is 4 | 2 (within SSD 0,
    # between = 4 * 2 / 6 * 10^2 = 133.33 = the whole sum of squares)
    z = [[0.0]] * 4 + [[10.0]] * 2
    li, lj, ll = _path(6)
    args = (6, li, lj, ll, list(range(5)), [1.0] * 6, [1] * 6, z, [1.0] * 6, [4.0] * 6)
    score, side, _ = rg._split_pair(*args, _params(1, 5))
    assert sorted(side) in ([0, 1, 2, 3], [4, 5])
    assert score == pytest.approx(4 * 2 / 6 * 100.0)
    # floor = ceiling = 3 residents forces 3 | 3: between = 3 * 3 / 6 * (0 - 20/3)^2 = 66.67
    score, side, _ = rg._split_pair(*args, _params(3, 3))
    assert sorted(side) in ([0, 1, 2], [3, 4, 5])
    assert score == pytest.approx(1.5 * (20.0 / 3.0) ** 2)
    # no cut within the bounds: None
    assert rg._split_pair(*args, _params(4, 5)) is None


def test_pair_score_agrees_with_split_and_with_space_shapes():
    # 2 x 3 grid of unit squares (cells 0 1 2 / 3 4 5), shared sides of length 1; shape term only: the score is the
    # sum of the two spaces' Polsby-Popper 4 pi A / P^2
    li = [0, 1, 3, 4, 0, 1, 2]
    lj = [1, 2, 4, 5, 3, 4, 5]
    ll = [1.0] * 7
    z = [[0.0]] * 6
    params = _params(0, 10, w_shape=1.0)
    score, side, totals = rg._split_pair(
        6, li, lj, ll, list(range(7)), [1.0] * 6, [1] * 6, z, [1.0] * 6, [4.0] * 6, params
    )
    in_a = [v in side for v in range(6)]
    again, ok = rg._pair_score(in_a, [1.0] * 6, z, [1.0] * 6, [4.0] * 6, li, lj, ll, totals, params)
    assert ok and again == pytest.approx(score)
    # rows 0 1 2 | 3 4 5: two 1 x 3 rectangles, perimeter 8, area 3 each (as space_shapes measures them)
    rows = [True, True, True, False, False, False]
    s_rows, _ = rg._pair_score(rows, [1.0] * 6, z, [1.0] * 6, [4.0] * 6, li, lj, ll, totals, params)
    assert s_rows == pytest.approx(2 * 4 * math.pi * 3 / 64)
    from sozialplanung_plugin.core.graph import Adjacency

    area, per = rg.space_shapes(np.array([0, 0, 0, 1, 1, 1]), Adjacency(6, li, lj, ll), np.ones(6), np.full(6, 4.0))
    assert per.tolist() == [8.0, 8.0] and area.tolist() == [3.0, 3.0]
    # columns {0, 3} | {1, 2, 4, 5}: perimeters 6 and 8, areas 2 and 4 - rounder than the rows
    cols = [True, False, False, True, False, False]
    s_cols, _ = rg._pair_score(cols, [1.0] * 6, z, [1.0] * 6, [4.0] * 6, li, lj, ll, totals, params)
    assert s_cols == pytest.approx(4 * math.pi * 2 / 36 + 4 * math.pi * 4 / 64)
    assert s_cols > s_rows
    # the tree of that edge order is the path 2-1-0-3-4-5 (neither the rows nor the columns are cuts of it); its
    # best cuts take off a corner square: {2} or {5} (pi/4) and the rest (perimeter 10, area 5: pi/5), 1.414;
    # {1, 2} | {0, 3, 4, 5} gives 1.201, the rows 1.178
    assert sorted(side) in ([2], [5], [0, 1, 3, 4, 5], [0, 1, 2, 3, 4])
    assert score == pytest.approx(math.pi / 4 + math.pi / 5)


def test_recombine_moves_the_border_of_a_pair_to_the_ssd_optimum():
    # path 0-1-2-3-4-5, values 0 0 10 10 10 10, spaces {0,1,2} | {3,4,5}; bounds 2..4 residents: the optimum is
    # {0,1} | {2,3,4,5} with within SSD 0 (before: 2/3 * 10^2 = 66.7)
    n = 6
    z = np.array([[0.0], [0.0], [10.0], [10.0], [10.0], [10.0]])
    labels = np.array([0, 0, 0, 1, 1, 1])
    li, lj, ll = _path(n)
    nbrs, nlen = rg._neighbour_lists(n, np.array(li), np.array(lj), np.array(ll))
    feats = np.column_stack([np.ones(n), np.ones(n), np.ones(n), np.full(n, 4.0), z])
    params = dict(
        _params(2, 4),
        cent=np.column_stack([np.arange(n), np.zeros(n)]).astype(float),
        mst_spatial=0.05,
        dsp_scale=1.0,
        jitter=0.5,
    )
    assert rg.within_ssd(z, labels) == pytest.approx(200.0 / 3.0)
    changed = rg._recombine(
        labels, 2, feats, z, nbrs, nlen, [True, True], params, np.random.default_rng(0), 1, math.inf
    )
    assert changed == 1
    assert labels.tolist() == [0, 0, 1, 1, 1, 1]  # labels follow the larger overlap
    assert rg.within_ssd(z, labels) == pytest.approx(0.0)
    # a second round finds nothing better
    assert (
        rg._recombine(labels, 2, feats, z, nbrs, nlen, [True, True], params, np.random.default_rng(1), 1, math.inf) == 0
    )


def test_regionalise_reaches_the_known_optimum_on_a_path():
    # the whole pipeline on the same path: two spaces of 2..4 residents, SSD-optimal split 0 1 | 2 3 4 5
    from sozialplanung_plugin.core.graph import Adjacency

    li, lj, ll = _path(6)
    res = rg.regionalise(
        np.ones(6),
        Adjacency(6, li, lj, ll),
        attributes=[0, 0, 10, 10, 10, 10],
        floor=2,
        ceiling=4,
        compactness=0.0,
        seed=0,
    )
    lab = res.labels
    assert res.report["n_spaces"] == 2 and res.report["ssd"] == pytest.approx(0.0)
    assert lab[0] == lab[1] != lab[2] == lab[3] == lab[4] == lab[5]
