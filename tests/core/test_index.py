"""Composite index, presets and provenance, checked against values computed by hand.

The running example (5 units A..E):
    a = 1, 2, 3, 4, 10   higher_worse   mean 4, population SD sqrt(10) = 3.16228
    b = 5, 4, 3, 2, 1    higher_better  mean 3, population SD sqrt(2)  = 1.41421
    z_a = (-3, -2, -1, 0, 6) / 3.16228 = -0.94868, -0.63246, -0.31623, 0, 1.89737
    z_b (oriented, -(b-3)/1.41421)      = -1.41421, -0.70711, 0, 0.70711, 1.41421
"""

import json
import math

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import index as ix
from sozialplanung_plugin.core.errors import InputError

SQ10, SQ2 = math.sqrt(10), math.sqrt(2)
ZA = np.array([-3, -2, -1, 0, 6]) / SQ10
ZB = np.array([-2, -1, 0, 1, 2]) / SQ2


@pytest.fixture
def df():
    return pd.DataFrame(
        {
            "key": ["053780040001", "053780040002", "053780040003", "053780040004", "053780040005"],
            "a": [1.0, 2, 3, 4, 10],
            "b": [5.0, 4, 3, 2, 1],
            "c": [2.0, 1, 4, 3, 10],
            "ew": [1000, 1000, 200, 1000, 1000],
            "gem": ["x", "x", "x", "y", "y"],
        }
    )


IND = [{"field": "a"}, {"field": "b", "direction": "higher_better"}]


# ---------------------------------------------------------------------------- normalisation


def test_zscore_equal_weights(df):
    r = ix.compute_index(df, IND, key="key")
    # index = (z_a + z_b) / 2: A = (-0.94868 - 1.41421)/2 = -1.18145, E = (1.89737 + 1.41421)/2 = 1.65579
    assert r.frame["idx_value"].to_numpy() == pytest.approx((ZA + ZB) / 2)
    assert r.frame["idx_value"].iloc[0] == pytest.approx(-1.181448, abs=1e-6)
    assert r.frame["idx_rank"].tolist() == [5, 4, 3, 2, 1]  # rank 1 = most need
    assert r.record["reference_statistics"]["a"]["sd"] == pytest.approx(SQ10)


def test_zscore_sample_sd(df):
    r = ix.compute_index(df, [{"field": "a"}], ddof=1)
    # sample SD of a = sqrt(50/4) = 3.53553 -> z_E = 6 / 3.53553 = 1.69706
    assert r.frame["idx_value"].iloc[4] == pytest.approx(6 / math.sqrt(12.5))


def test_minmax_arithmetic_and_geometric(df):
    # minmax: a -> 0, 11.111, 22.222, 33.333, 100 ; b (higher_better) -> 0, 25, 50, 75, 100
    ar = ix.compute_index(df, IND, normalisation="minmax")
    assert ar.frame["idx_value"].iloc[1] == pytest.approx((100 / 9 + 25) / 2)  # 18.0556
    ge = ix.compute_index(df, IND, normalisation="minmax", aggregation="geometric")
    # auto shift = 1 - min(normalised) = 1; B: sqrt(12.111 * 26) - 1 = 16.7451; A: 0; E: 100
    assert ge.record["geometric_shift_used"] == 1.0
    assert ge.frame["idx_value"].iloc[1] == pytest.approx(math.sqrt((100 / 9 + 1) * 26) - 1)
    assert ge.frame["idx_value"].iloc[0] == pytest.approx(0.0)
    assert ge.frame["idx_value"].iloc[4] == pytest.approx(100.0)
    # fixed shift 10: B = sqrt(21.111 * 35) - 10 = 17.1828
    g10 = ix.compute_index(df, IND, normalisation="minmax", aggregation="geometric", geometric_shift=10)
    assert g10.frame["idx_value"].iloc[1] == pytest.approx(math.sqrt((100 / 9 + 10) * 35) - 10)


def test_goalposts_rank_percentile_distance(df):
    gp = [{"field": "a", "goalposts": [0, 20]}, {"field": "b", "direction": "higher_better", "goalposts": [0, 10]}]
    r = ix.compute_index(df, gp, normalisation="goalposts")
    # a -> 5, 10, 15, 20, 50 ; b -> 100 - 10 b = 50, 60, 70, 80, 90
    assert r.normalised["a"].tolist() == pytest.approx([5, 10, 15, 20, 50])
    assert r.normalised["b"].tolist() == pytest.approx([50, 60, 70, 80, 90])
    rk = ix.compute_index(df, IND, normalisation="rank")
    assert rk.normalised["b"].tolist() == [1, 2, 3, 4, 5]  # b = 5 is the best -> rank 1 (least need)
    pc = ix.compute_index(df, [{"field": "a"}], normalisation="percentile")
    assert pc.normalised["a"].tolist() == pytest.approx([10, 30, 50, 70, 90])  # (rank - 0.5)/5 * 100
    ds = ix.compute_index(df, [{"field": "a", "reference_value": 4}], normalisation="distance")
    assert ds.normalised["a"].tolist() == pytest.approx([-75, -50, -25, 0, 150])


def test_rank_ties_mid_rank():
    d = pd.DataFrame({"x": [1.0, 1.0, 2.0]})
    r = ix.compute_index(d, ["x"], normalisation="rank")
    assert r.normalised["x"].tolist() == [1.5, 1.5, 3.0]


def test_log_and_winsorise(df):
    r = ix.compute_index(df, [{"field": "a", "transform": "log"}], normalisation="minmax")
    # ln a scaled: ln 2 / ln 10 * 100 = 30.103
    assert r.normalised["a"].iloc[1] == pytest.approx(100 * math.log(2) / math.log(10))
    # winsorise at the 25th/75th percentile of a (2 and 4): a -> 2, 2, 3, 4, 4 ; minmax -> 0, 0, 50, 100, 100
    w = ix.compute_index(df, ["a"], normalisation="minmax", winsorise={"method": "percentile", "limit": 25})
    assert w.normalised["a"].tolist() == pytest.approx([0, 0, 50, 100, 100])
    # SD winsorising with limit 1: 4 +/- 3.16228 -> 0.838 .. 7.162 ; a = 10 is cut to 7.16228
    s = ix.compute_index(df, ["a"], normalisation="minmax", winsorise={"method": "sd", "limit": 1})
    assert s.record["reference_statistics"]["a"]["winsor_limits"][1] == pytest.approx(4 + SQ10)
    with pytest.raises(InputError, match="log transform"):
        ix.compute_index(pd.DataFrame({"a": [0.0, 1, 2]}), [{"field": "a", "transform": "log"}])


def test_fixed_stats_keep_years_comparable(df):
    r = ix.compute_index(df, ["a"], fixed_stats={"a": {"mean": 2.0, "sd": 4.0}})
    assert r.normalised["a"].tolist() == pytest.approx([-0.25, 0, 0.25, 0.5, 2.0])


# ---------------------------------------------------------------------------- weights, domains


def test_given_weights(df):
    r = ix.compute_index(
        df, [{"field": "a", "weight": 3}, {"field": "b", "direction": "higher_better", "weight": 1}], weighting="given"
    )
    # A = (3 * -0.94868 + 1 * -1.41421) / 4 = -1.06506
    assert r.frame["idx_value"].iloc[0] == pytest.approx((3 * ZA[0] + ZB[0]) / 4)


def test_domains_and_domain_weights(df):
    inds = [
        {"field": "a", "domain": "Armut"},
        {"field": "b", "direction": "higher_better", "domain": "Armut"},
        {"field": "c", "domain": "Familie"},
    ]
    r = ix.compute_index(df, inds, domain_weights={"Armut": 1, "Familie": 3})
    zc = (np.array([2, 1, 4, 3, 10]) - 4) / SQ10  # c is a permutation of a: same mean and SD
    expected = ((ZA + ZB) / 2 * 1 + zc * 3) / 4
    assert r.frame["idx_value"].to_numpy() == pytest.approx(expected)
    assert r.frame["idx_d_armut"].to_numpy() == pytest.approx((ZA + ZB) / 2)
    assert r.record["output"]["domain_fields"] == {"Armut": "idx_d_armut", "Familie": "idx_d_familie"}


def test_pca_weights_equal_for_two_correlated(df):
    r = ix.compute_index(df, ["a", "c"], weighting="pca")
    # the first eigenvector of a 2x2 correlation matrix with r > 0 is (1, 1)/sqrt 2 -> weights 0.5/0.5
    assert r.record["indicator_weights_used"]["index"] == pytest.approx({"a": 0.5, "c": 0.5})
    assert r.record["pca"]["index"]["loadings"][0] > 0
    assert not r.warnings


def test_pca_negative_loading_warns(df):
    r = ix.compute_index(df, ["a", "c", "b"], weighting="pca")  # b runs against a and c
    assert r.record["indicator_weights_used"]["index"]["b"] == 0
    assert any("negative PCA loading" in w and "b" in w for w in r.warnings)


def test_rescale_z(df):
    r = ix.compute_index(df, IND, rescale="z")
    v = r.frame["idx_value"]
    assert v.mean() == pytest.approx(0) and v.std(ddof=0) == pytest.approx(1)


# ---------------------------------------------------------------------------- missing, exclusions


def test_min_share_and_missing(df):
    d = df.copy()
    d.loc[0, "b"] = np.nan
    # b over B..E: mean 2.5, SD sqrt(1.25); A has only z_a and a share of 0.5
    r = ix.compute_index(d, IND, min_share=0.5)
    assert r.frame["idx_value"].iloc[0] == pytest.approx(ZA[0])  # weights re-normalised over a only
    assert r.frame["idx_share"].iloc[0] == 0.5
    r2 = ix.compute_index(d, IND, min_share=0.75)
    assert np.isnan(r2.frame["idx_value"].iloc[0])
    assert r2.frame["idx_flag"].iloc[0] == "insufficient_data"
    assert pd.isna(r2.frame["idx_rank"].iloc[0])


def test_excluded_units_get_values_but_not_stats(df):
    r = ix.compute_index(df, ["a"], residents_field="ew", min_residents=300, key="key")
    # reference = A, B, D, E: mean 4.25, population SD sqrt(12.1875) = 3.49106
    sd = math.sqrt(12.1875)
    assert r.record["reference_statistics"]["a"]["mean"] == pytest.approx(4.25)
    assert r.frame["idx_value"].iloc[2] == pytest.approx((3 - 4.25) / sd)  # C still has a value
    assert pd.isna(r.frame["idx_rank"].iloc[2]) and r.frame["idx_flag"].iloc[2] == "excluded"
    assert r.frame["idx_rank"].tolist()[:2] == [4, 3]
    assert r.record["exclusions"]["excluded_keys"] == ["053780040003"]
    d = df.assign(klein=["", "", "ja", "", ""])
    r2 = ix.compute_index(d, ["a"], exclude_flag_field="klein")
    assert r2.record["reference_statistics"]["a"]["mean"] == pytest.approx(4.25)


def test_classification_on_index(df):
    r = ix.compute_index(
        df, ["a"], classification={"method": "manual", "breaks": [-1, 1], "names": ["niedrig", "mittel", "hoch"]}
    )
    # z_a = -0.949, -0.632, -0.316, 0, 1.897
    assert r.frame["idx_class"].tolist() == [2, 2, 2, 2, 3]
    assert r.frame["idx_label"].iloc[4] == "3 hoch (> 1)"


# ---------------------------------------------------------------------------- bad input


def test_bad_input_messages(df):
    d = df.assign(k=7.0, m=np.nan, n=["1", "2", "3", "4", "5"])
    with pytest.raises(InputError, match="'k'.*constant"):
        ix.compute_index(d, ["a", "k"])
    with pytest.raises(InputError, match="'k'.*constant"):
        ix.compute_index(d, ["k"], normalisation="minmax")
    with pytest.raises(InputError, match="'m'.*all missing"):
        ix.compute_index(d, ["a", "m"])
    with pytest.raises(InputError, match="'b'.*negative"):
        ix.compute_index(d, [{"field": "a", "weight": 1}, {"field": "b", "weight": -1}], weighting="given")
    with pytest.raises(InputError, match="sum to 0"):
        ix.compute_index(d, [{"field": "a", "weight": 0}, {"field": "c", "weight": 0}], weighting="given")
    with pytest.raises(InputError, match="Domain 'Wohnen'.*no indicator"):
        ix.compute_index(d, ["a"], domain_weights={"Wohnen": 1})
    with pytest.raises(InputError, match="'a' is neutral"):
        ix.compute_index(d, [{"field": "a", "direction": "neutral"}])
    with pytest.raises(InputError, match="'zz' for indicator not found"):
        ix.compute_index(d, ["zz"])
    with pytest.raises(InputError, match="listed twice"):
        ix.compute_index(d, ["a", "a"])
    assert ix.compute_index(d, ["n"]).frame["idx_value"].notna().all()  # numbers as text are read


def test_catalogue_directions():
    class Ind:
        def __init__(self, id, polarity, action_fields=()):
            self.id, self.polarity, self.action_fields = id, polarity, list(action_fields)

    cat = [
        Ind("sgb2_quote", "higher_worse", ["Armut"]),
        Ind("beschaeftigtenquote", "higher_better"),
        Ind("anteil_65plus", "neutral"),
    ]
    specs = ix.indicators_from_catalogue(["sgb2_quote_2025", "beschaeftigtenquote_2025", "anteil_65plus_2025"], cat)
    assert [s.direction for s in specs] == ["higher_worse", "higher_better", "neutral"]
    assert specs[0].id == "sgb2_quote" and specs[0].domain == "Armut"
    d = pd.DataFrame(
        {"sgb2_quote_2025": [1.0, 2, 3], "beschaeftigtenquote_2025": [3.0, 2, 1], "anteil_65plus_2025": [1.0, 3, 2]}
    )
    with pytest.raises(InputError, match="neutral"):
        ix.compute_index(d, specs)
    specs = ix.indicators_from_catalogue(list(d.columns), cat, directions={"anteil_65plus": "higher_worse"})
    assert ix.compute_index(d, specs).frame["idx_rank"].notna().all()


# ---------------------------------------------------------------------------- Berlin MSS


def test_berlin_boundaries():
    # decision: a value exactly on a limit belongs to the less extreme class
    s = ix.berlin_status_class([-1.0001, -1.0, 0.0, 1.0, 1.0001, 1.5, 1.5001, None])
    assert s.tolist()[:7] == [1, 2, 2, 2, 3, 3, 4] and pd.isna(s.iloc[7])
    d = ix.berlin_dynamics_class([-1.0001, -1.0, 1.0, 1.0001])
    assert d.tolist() == [1, 3, 3, 5]


def test_berlin_two_status_indicators_by_hand():
    # valid units 1-4; unit 5 has 250 residents and an extreme value that must not enter mean/SD
    d = pd.DataFrame(
        {"s1": [2.0, 4, 6, 8, 100], "s2": [1.0, 1, 3, 3, 50], "d1": [-3.0, 0, 0, 3, 0], "ew": [500, 500, 500, 500, 250]}
    )
    # s1: mean 5, SD sqrt 5 -> z = (-3,-1,1,3)/sqrt5 ; s2: mean 2, SD 1 -> z = -1,-1,1,1
    # sums: -2.34164, -1.44721, 1.44721, 2.34164 ; mean 0, SD sqrt((2*2.34164^2 + 2*1.44721^2)/4) = 1.94650
    # SI = -1.20300, -0.74350, 0.74350, 1.20300 -> classes 1, 2, 2, 3
    # d1: mean 0, SD sqrt(18/4) = 2.12132 -> DI = -1.41421, 0, 0, 1.41421 -> classes 1, 3, 3, 5
    r = ix.berlin_mss(d, ["s1", "s2"], ["d1"], residents_field="ew", min_residents=300)
    f = r.frame
    sums = np.array([-3 / math.sqrt(5) - 1, -1 / math.sqrt(5) - 1, 1 / math.sqrt(5) + 1, 3 / math.sqrt(5) + 1])
    assert f["si_value"].iloc[:4].to_numpy() == pytest.approx(sums / sums.std())
    assert f["si_value"].iloc[0] == pytest.approx(-1.20300, abs=1e-5)
    assert f["si_class"].iloc[:4].tolist() == [1, 2, 2, 3]
    assert f["di_value"].iloc[:4].to_numpy() == pytest.approx([-SQ2, 0, 0, SQ2])
    assert f["di_class"].iloc[:4].tolist() == [1, 3, 3, 5]
    assert f["mss_class"].iloc[:4].tolist() == [11, 23, 23, 35]
    assert f["mss_label"].iloc[3] == "35 niedrig / negativ"
    assert f["si_label"].iloc[0] == "1 hoch (< -1)"
    # the small unit has values (computed with the valid units' statistics) but no class
    assert pd.isna(f["si_class"].iloc[4]) and pd.isna(f["mss_class"].iloc[4])
    assert f["mss_flag"].iloc[4] == "excluded" and np.isfinite(f["si_value"].iloc[4])
    assert r.record["status"]["reference_statistics"]["s1"]["mean"] == pytest.approx(5)


def test_berlin_all_twelve_groups_possible():
    codes = {10 * s + dd for s in (1, 2, 3, 4) for dd in (1, 3, 5)}
    assert len(codes) == 12


# ---------------------------------------------------------------------------- IoD


def test_iod_exponential_transform_by_hand():
    # N = 5: R = (6 - rank)/5 ; X = -23 ln(1 - R (1 - e^(-100/23))), e^(-100/23) = 0.0129354
    # rank 1: R = 1 -> X = 100 ; rank 2: R = 0.8 -> -23 ln(0.210348) = 35.8568 ; rank 5: R = 0.2 -> 5.0580
    x = ix.iod_exponential_transform([1, 2, 3, 4, 5], 5)
    assert x == pytest.approx([100.0, 35.856824, 20.632707, 11.551504, 5.058046], abs=1e-5)


def test_iod_combination_and_deciles(df):
    # domain x = a (E most deprived), y = b (A most deprived); weights 3 : 1
    r = ix.iod_exponential(df, {"x": "a", "y": "b"}, weights={"x": 3, "y": 1})
    f = r.frame
    # A: x rank 5 -> 5.058046, y rank 1 -> 100 ; score = (3*5.058046 + 100)/4 = 28.79353
    assert f["iod_score"].iloc[0] == pytest.approx((3 * 5.058046 + 100) / 4, abs=1e-5)
    # E: x = 100, y = 5.058 -> 76.26451
    assert f["iod_score"].iloc[4] == pytest.approx((300 + 5.058046) / 4, abs=1e-5)
    assert f["iod_rank"].iloc[4] == 1
    # deciles ceil(10 * rank / 5) = 2 * rank
    assert (f["iod_decile"] == 2 * f["iod_rank"]).all()
    pub = ix.iod_exponential(df, {d: "a" for d in ix.IOD_WEIGHTS}, weights=ix.IOD_WEIGHTS)
    assert sum(pub.record["weights_used"].values()) == pytest.approx(1.0)
    # the published weights sum to 99.9 % (9.3 is a rounded third of 28): normalised 22.5 / 99.9
    assert pub.record["weights_used"]["income"] == pytest.approx(22.5 / 99.9)


# ---------------------------------------------------------------------------- GISD


def test_gisd_by_hand(df):
    d = df.assign(inc=[10.0, 8, 6, 4, 2])
    r = ix.gisd(d, {"bildung": ["a", "c"], "einkommen": ["inc"]}, directions={"inc": "higher_better"})
    f = r.frame
    # bildung: a and c have equal SD (c is a permutation of a), r > 0 -> score ~ (a-4) + (c-4)
    #   = -5, -5, -1, -1, 12 -> min-max 0, 0, 4/17, 4/17, 1
    assert f["gisd_bildung"].to_numpy() == pytest.approx([0, 0, 4 / 17, 4 / 17, 1])
    # einkommen: lower income = more deprived -> 0, .25, .5, .75, 1
    assert f["gisd_einkommen"].to_numpy() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    # sum 0, .25, .73529, .98529, 2 -> /2 = 0, .125, .367647, .492647, 1
    assert f["gisd_score"].to_numpy() == pytest.approx([0, 0.125, 0.367647, 0.492647, 1], abs=1e-6)
    # quintile breaks (linear quantiles) .1, .27206, .41765, .59265 -> 1..5 ; k: 1, 2, 2, 2, 3
    assert f["gisd_5"].tolist() == [1, 2, 3, 4, 5]
    assert f["gisd_k"].tolist() == [1, 2, 2, 2, 3]
    assert r.record["pca"]["bildung"]["share_of_subscore"] == pytest.approx([0.5, 0.5])


def test_population_weighted_aggregation():
    f = pd.DataFrame({"s": [0.2, 0.6, 1.0, 0.0], "p": [100, 300, 50, 50], "g": ["k1", "k1", "k2", "k2"]})
    res = ix.population_weighted(f, "s", "p", "g")
    # k1: (0.2*100 + 0.6*300)/400 = 0.5 ; k2: (1.0*50 + 0)/100 = 0.5
    assert res["score"].tolist() == pytest.approx([0.5, 0.5])


# ---------------------------------------------------------------------------- reference comparison


def test_reference_comparison_pooled_rates():
    d = pd.DataFrame({"q": [10.0, 20.0, 5.0], "num": [10, 40, 5], "den": [100, 200, 100], "gem": ["x", "x", "y"]})
    r = ix.reference_comparison(d, "q", municipality_field="gem", numerator_field="num", denominator_field="den")
    # county rate 55/400 = 13.75 % ; municipality x: 50/300 = 16.667 %
    assert r["ref_county"].iloc[0] == pytest.approx(13.75)
    assert r["diff_county"].tolist() == pytest.approx([-3.75, 6.25, -8.75])
    assert r["ratio_county"].iloc[1] == pytest.approx(20 / 13.75)
    assert r["ref_municipality"].iloc[0] == pytest.approx(50 / 3)
    # z within x: mean 15, population SD 5 -> -1, +1 ; y alone has SD 0 -> no z
    assert r["z_municipality"].tolist()[:2] == pytest.approx([-1, 1]) and np.isnan(r["z_municipality"].iloc[2])
    assert r["q_count"].tolist() == [10, 40, 5]


# ---------------------------------------------------------------------------- provenance


def test_record_is_json_and_reruns(df):
    r = ix.compute_index(
        df,
        IND,
        residents_field="ew",
        min_residents=300,
        key="key",
        classification={"method": "quantile", "n_classes": 2},
        catalogue_version="2025.1",
    )
    txt = json.dumps(r.record)
    rec = json.loads(txt)
    assert rec["catalogue_version"] == "2025.1" and "plugin_version" in rec
    assert rec["params"]["indicators"][1]["direction"] == "higher_better"
    again = ix.rerun_from_record(rec, df)
    pd.testing.assert_frame_equal(again.frame, r.frame)
    for fn, args in (
        (ix.berlin_mss, (["a"], ["b"])),
        (ix.iod_exponential, ({"x": "a", "y": "b"},)),
        (ix.gisd, ({"d": ["a", "c"]},)),
    ):
        res = fn(df, *args)
        pd.testing.assert_frame_equal(ix.rerun_from_record(json.loads(json.dumps(res.record)), df).frame, res.frame)
    with pytest.raises(InputError, match="not a Sozialplanung"):
        ix.rerun_from_record({"x": 1}, df)


def test_gisd_quintiles_as_published_type_9_find_interval():
    """x = 1 (4 times), 2 (6 times): type-9 quintile breaks 1, 1.475, 2, 2 (by hand: p = .2 -> j = 2, g = .425
    -> 1; p = .4 -> 1 + .475 = 1.475; p = .6, .8 -> 2). R's findInterval(all.inside = TRUE) puts 1 into
    quintile 2 and 2 into quintile 5; the old rule (type 7, a value on a break goes down) gave 1 and 3."""
    import pandas as pd

    from sozialplanung_plugin.core.index import _quantile_group

    x = pd.Series([1.0] * 4 + [2.0] * 6)
    ok = pd.Series(True, index=x.index)
    q, br = _quantile_group(x, 5, ok, 9, "left")
    assert br == pytest.approx([1.0, 1.475, 2.0, 2.0])
    assert q.tolist() == [2] * 4 + [5] * 6
    q7, _ = _quantile_group(x, 5, ok, 7, "right")
    assert q7.tolist() == [1] * 4 + [3] * 6


def test_gisd_fixed_loadings_and_rki_steps(df):
    d = df.copy()
    free = ix.gisd(d, {"bildung": ["a", "c"]})
    coef = free.record["pca"]["bildung"]["coefficients"]
    fixed = ix.gisd(d, {"bildung": ["a", "c"]}, loadings={"a": coef[0], "c": coef[1]})
    assert fixed.frame["gisd_score"].to_numpy() == pytest.approx(free.frame["gisd_score"].to_numpy())
    assert fixed.record["pca"]["bildung"]["loadings_source"] == "given"
    # other loadings change the index: a only
    only_a = ix.gisd(d, {"bildung": ["a", "c"]}, loadings={"a": 1.0, "c": 0.0})
    assert only_a.frame["gisd_bildung"].to_numpy() == pytest.approx(
        ((d["a"] - d["a"].min()) / (d["a"].max() - d["a"].min())).to_numpy()
    )
    with pytest.raises(InputError, match="not for c"):
        ix.gisd(d, {"bildung": ["a", "c"]}, loadings={"a": 1.0})
    steps = " ".join(free.record["rki_steps_not_applied"])
    assert "imputation" in steps and "log of the income" in steps and "adjustments" in steps
    logged = ix.gisd(d, {"bildung": ["a", "c"]}, log_fields=["a"])
    assert "log of the income" not in " ".join(logged.record["rki_steps_not_applied"])
    assert free.record["class_rule"] == {"quantile_type": 9, "closed": "left", "published": True}
