"""Aggregation across levels and years: hand-computed numbers and the published RBK table."""

from types import SimpleNamespace as NS

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import aggregate as ag
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.fields import match_keys

from ..helpers import QUOTE, frames, ind, r1

COUNT = ind("sgb_abs", ["sgb"], [], mult=1)


BLOCKS = {
    "b1": {"ew": 100, "sgb": 10},
    "b2": {"ew": 50, "sgb": 20},
    "b3": {"ew": 30, "sgb": 3},
    "b4": {"ew": 20, "sgb": 2},
}
SPACE = pd.Series({"b1": "A", "b2": "A", "b3": "B", "b4": "B"})


def test_sum_to_spaces_and_rates_from_sums():
    v, s = frames(BLOCKS)
    av, ast = ag.aggregate_counts(v, s, SPACE)
    assert av.loc["A", "ew"] == 150 and av.loc["A", "sgb"] == 30
    assert av.loc["B", "ew"] == 50 and av.loc["B", "sgb"] == 5
    assert (ast == "ok").all().all()
    res = ag.compute_indicators(av, ast, [QUOTE])
    assert res.loc["A", "quote"] == pytest.approx(20.0)
    assert res.loc["B", "quote"] == pytest.approx(10.0)
    assert res.loc["A", "quote_num"] == 30 and res.loc["A", "quote_den"] == 150
    assert res.loc["A", "quote_flag"] == ""


def test_county_rate_is_not_mean_of_rates():
    v, s = frames(BLOCKS)
    av, ast = ag.aggregate_counts(v, s, None, total_key="county")
    res = ag.compute_indicators(av, ast, [QUOTE])
    assert list(res.index) == ["county"]
    assert res.loc["county", "quote"] == pytest.approx(35 / 200 * 100)  # 17.5, the mean of 20 and 10 is 15


def test_suppressed_member_makes_sum_incomplete_not_zero():
    v, s = frames(BLOCKS, {("b2", "sgb"): "suppressed"})
    av, ast = ag.aggregate_counts(v, s, SPACE)
    assert av.loc["A", "sgb"] == 10  # known part only: a lower bound
    assert ast.loc["A", "sgb"] == "incomplete"
    assert ast.loc["A", "ew"] == "ok"
    res = ag.compute_indicators(av, ast, [QUOTE, COUNT])
    assert res.loc["A", "quote_flag"] == "incomplete"
    assert res.loc["A", "quote"] == pytest.approx(10 / 150 * 100)
    assert res.loc["A", "sgb_abs_flag"] == "incomplete"
    assert res.loc["B", "quote_flag"] == ""


def test_all_members_suppressed_gives_no_value():
    v, s = frames(BLOCKS, {("b3", "sgb"): "suppressed", ("b4", "sgb"): "suppressed_or_unknown"})
    av, ast = ag.aggregate_counts(v, s, SPACE)
    assert np.isnan(av.loc["B", "sgb"])
    assert ast.loc["B", "sgb"] == "suppressed_or_unknown"
    res = ag.compute_indicators(av, ast, [QUOTE])
    assert np.isnan(res.loc["B", "quote"]) and res.loc["B", "quote_flag"] == "suppressed"


def test_incomplete_propagates_to_next_level():
    v, s = frames(BLOCKS, {("b2", "sgb"): "suppressed"})
    sv, sst = ag.aggregate_counts(v, s, SPACE)
    cv, cst = ag.aggregate_counts(sv, sst, pd.Series({"A": "M", "B": "M"}))
    assert cv.loc["M", "sgb"] == 15 and cst.loc["M", "sgb"] == "incomplete"
    # the same as aggregating the blocks directly
    dv, dst = ag.aggregate_counts(v, s, pd.Series("M", index=SPACE.index))
    assert dv.loc["M", "sgb"] == 15 and dst.loc["M", "sgb"] == "incomplete"


def test_exact_zero_is_a_known_zero():
    v, s = frames(BLOCKS)
    v.loc["b4", "sgb"] = 0
    s.loc["b4", "sgb"] = "exact_zero"
    av, ast = ag.aggregate_counts(v, s, SPACE)
    assert av.loc["B", "sgb"] == 3 and ast.loc["B", "sgb"] == "ok"


def test_unit_without_row_is_missing_or_zero():
    v, s = frames(BLOCKS)
    a = pd.concat([SPACE, pd.Series({"b5": "B"})])
    av, ast = ag.aggregate_counts(v, s, a)
    assert ast.loc["B", "ew"] == "incomplete" and av.loc["B", "ew"] == 50
    av, ast = ag.aggregate_counts(v, s, a, missing_rows="zero")
    assert ast.loc["B", "ew"] == "ok"
    rep = match_keys(v.index, a.index)
    assert rep.only_in_layer == ["b5"] and rep.only_in_table == []


def test_not_applicable_is_ignored():
    v, s = frames(BLOCKS, {("b4", "sgb"): "not_applicable"})
    av, ast = ag.aggregate_counts(v, s, SPACE)
    assert av.loc["B", "sgb"] == 3 and ast.loc["B", "sgb"] == "ok"


def test_flags_no_denominator_and_unreliable():
    v, s = frames({"x": {"ew": 0, "sgb": 0}, "y": {"ew": 40, "sgb": 4}, "z": {"ew": 400, "sgb": 4}})
    res = ag.compute_indicators(v, s, [ind("q", ["sgb"], ["ew"], min_den=50)])
    assert res.loc["x", "q_flag"] == "no_denominator" and np.isnan(res.loc["x", "q"])
    assert res.loc["y", "q_flag"] == "unreliable" and res.loc["y", "q"] == pytest.approx(10.0)
    assert res.loc["z", "q_flag"] == "" and res.loc["z", "q"] == pytest.approx(1.0)


def test_suppressed_denominator_suppresses_rate():
    v, s = frames(BLOCKS, {("b1", "ew"): "suppressed"})
    res = ag.compute_indicators(v, s, [QUOTE])
    assert res.loc["b1", "quote_flag"] == "suppressed" and np.isnan(res.loc["b1", "quote"])


def test_density_from_area_and_net_migration():
    v, s = frames({"A": {"ew": 1500, "zu": 120, "fort": 100}, "B": {"ew": 10, "zu": 1, "fort": 4}})
    area = pd.Series({"A": 2.5, "B": 0.5})
    dens = ind("dichte", ["ew"], ["area_km2"], mult=1, min_den=100)
    saldo = ind("saldo", ["zu", "-fort"], ["ew"], mult=1000)
    res = ag.compute_indicators(v, s, [dens, saldo], area=area)
    assert res.loc["A", "dichte"] == pytest.approx(600.0)
    assert res.loc["B", "dichte"] == pytest.approx(20.0) and res.loc["B", "dichte_flag"] == ""
    assert res.loc["A", "saldo"] == pytest.approx(20 / 1500 * 1000)
    assert res.loc["B", "saldo"] == pytest.approx(-300.0)
    with pytest.raises(InputError, match="area"):
        ag.compute_indicators(v, s, [dens])


def test_computable_lists_missing_variables():
    ok, skipped = ag.computable([QUOTE, ind("x", ["alo"], ["ew"])], ["ew", "sgb"])
    assert [i.id for i in ok] == ["quote"] and skipped == {"x": ["alo"]}


def test_changes_pp_and_percent():
    v1, s1 = frames({"A": {"ew": 200, "sgb": 20}})
    v2, s2 = frames({"A": {"ew": 250, "sgb": 30}})
    res = {2020: ag.compute_indicators(v1, s1, [QUOTE, COUNT]), 2024: ag.compute_indicators(v2, s2, [QUOTE, COUNT])}
    ch = ag.changes(res, [QUOTE, COUNT], 2020, 2024)
    assert ch.loc["A", "quote_chg_2020_2024"] == pytest.approx(2.0)  # 10 % -> 12 %: +2 pp
    assert ch.loc["A", "quote_pct_2020_2024"] == pytest.approx(50.0)  # 20 -> 30 children: +50 %
    assert ch.loc["A", "sgb_abs_chg_2020_2024"] == pytest.approx(10.0)
    assert ch.loc["A", "sgb_abs_pct_2020_2024"] == pytest.approx(50.0)


def test_change_of_suppressed_value_is_suppressed():
    v1, s1 = frames({"A": {"ew": 200, "sgb": 20}})
    v2, s2 = frames({"A": {"ew": 250, "sgb": 30}}, {("A", "sgb"): "suppressed"})
    res = {2020: ag.compute_indicators(v1, s1, [QUOTE]), 2024: ag.compute_indicators(v2, s2, [QUOTE])}
    ch = ag.changes(res, [QUOTE], 2020, 2024)
    assert np.isnan(ch.loc["A", "quote_chg_2020_2024"]) and np.isnan(ch.loc["A", "quote_pct_2020_2024"])
    assert ch.loc["A", "quote_chg_flag_2020_2024"] == "suppressed"


def test_wide_and_long_layouts():
    v, s = frames(BLOCKS)
    res = {2009: ag.compute_indicators(v, s, [QUOTE]), 2014: ag.compute_indicators(v * 2, s, [QUOTE])}
    wide = ag.to_wide(res)
    assert list(wide.columns) == [
        "quote_2009",
        "quote_num_2009",
        "quote_den_2009",
        "quote_flag_2009",
        "quote_2014",
        "quote_num_2014",
        "quote_den_2014",
        "quote_flag_2014",
    ]
    long = ag.to_long(res)
    assert len(long) == 8 and sorted(long["year"].unique()) == [2009, 2014]
    assert long[long["year"] == 2014].loc["b1", "quote_num"] == 20


def test_references_county_and_municipality():
    blocks = {
        "b1": {"ew": 100, "sgb": 10},
        "b2": {"ew": 100, "sgb": 30},  # space A in M1
        "b3": {"ew": 200, "sgb": 10},  # space B in M1
        "b4": {"ew": 100, "sgb": 50},
    }  # space C in M2
    v, s = frames(blocks)
    space = pd.Series({"b1": "A", "b2": "A", "b3": "B", "b4": "C"})
    mun = pd.Series({"b1": "M1", "b2": "M1", "b3": "M1", "b4": "M2"})
    levels = [ag.Level("space", space), ag.Level("municipality", mun), ag.Level("county", "total", key="K")]
    out = ag.aggregate_levels({2020: (v, s)}, levels, [QUOTE])
    f = out["space"].frame
    # A: 40/200 = 20 %; M1: 50/400 = 12.5 %; county: 100/500 = 20 %
    assert f.loc["A", "quote_2020"] == pytest.approx(20.0)
    assert f.loc["A", "quote_ref_mun_2020"] == pytest.approx(12.5)
    assert f.loc["A", "quote_dev_mun_2020"] == pytest.approx(7.5)
    assert f.loc["A", "quote_ratio_mun_2020"] == pytest.approx(1.6)
    assert f.loc["B", "quote_ref_county_2020"] == pytest.approx(20.0)
    assert f.loc["B", "quote_dev_county_2020"] == pytest.approx(-15.0)
    assert f.loc["C", "quote_ref_mun_2020"] == pytest.approx(50.0)
    m = out["municipality"].frame
    assert m.loc["M1", "quote_dev_county_2020"] == pytest.approx(-7.5)
    assert "quote_ref_mun_2020" not in m.columns
    k = out["county"].frame
    assert k.loc["K", "quote_num_2020"] == 100 and "quote_ref_county_2020" not in k.columns
    meta = out["space"].meta
    assert meta["level"] == "space" and meta["years"] == [2020] and "never averaged" in meta["method"]


def test_parent_mapping_detects_non_nesting():
    m, nested = ag.parent_mapping(pd.Series({"b1": "A", "b2": "A"}), pd.Series({"b1": "M1", "b2": "M1"}))
    assert nested and m["A"] == "M1"
    m, nested = ag.parent_mapping(
        pd.Series({"b1": "A", "b2": "A", "b3": "A"}), pd.Series({"b1": "M2", "b2": "M1", "b3": "M2"})
    )
    assert not nested and m["A"] == "M2"


def test_duplicate_keys_are_an_input_error():
    v = pd.DataFrame({"ew": [1.0, 2.0]}, index=["b1", "b1"])
    with pytest.raises(InputError, match="duplicate"):
        ag.aggregate_counts(v, None, pd.Series({"b1": "A"}))


def test_long_layout_with_changes_to_previous_year():
    v, s = frames(BLOCKS)
    out = ag.aggregate_levels({2009: (v, s), 2014: (v * 2, s)}, [ag.Level("space", SPACE)], [QUOTE], layout="long")
    f = out["space"].frame
    row = f[f["year"] == 2014].loc["A"]
    assert row["quote_num"] == 60 and row["quote_pct_prev"] == pytest.approx(100.0)
    assert row["quote_chg_prev"] == pytest.approx(0.0)


# ------------------------------------------------------------------------------------------------------
# Must show: the published RBK table (children in SGB II households, 2009 and 2014), read as delivered
# ------------------------------------------------------------------------------------------------------
RBK_SHARES = {  # published shares (%), one decimal
    "Bergisch Gladbach": (13.7, 14.7),
    "Burscheid": (10.2, 12.5),
    "Kürten": (6.6, 8.2),
    "Leichlingen": (8.3, 7.3),
    "Odenthal": (3.9, 3.0),
    "Overath": (11.3, 9.7),
    "Rösrath": (9.8, 9.5),
    "Wermelskirchen": (10.5, 9.8),
}
# published change of the SGB II child count 2009 -> 2014 (%) that the counts reproduce
RBK_CHANGES = {"Bergisch Gladbach": 3.7, "Burscheid": 6.5, "Kürten": 12.9, "Odenthal": -36.3, "Overath": -19.8}
# published changes that the published counts do NOT reproduce (see docs/aggregation.md)
RBK_CHANGES_OFF = {"Leichlingen": (-20.0, -19.9), "Rösrath": (-8.8, -8.7), "Wermelskirchen": (-14.8, -14.7)}


@pytest.fixture(scope="module")
def rbk(demo_dir):
    from sozialplanung_plugin.core.tables import read_table

    table = read_table(
        demo_dir / "rbk_sgb2_kinder_2009_2014.csv",  # the published table, committed as delivered
        variables={"Einwohner unter 15 Jahre": "ew_u15", "Kinder im SGB II Bezug": "sgb2_u15"},
    )
    kinder = ind("kinderarmut_sgb2_u15", ["sgb2_u15"], ["ew_u15"])
    tables = {}
    for year in (2009, 2014):
        values, status = table.wide(year)
        tables[year] = (values.drop(index="Rhein-Berg"), status.drop(index="Rhein-Berg"))
    published_county = {y: table.wide(y)[0].loc["Rhein-Berg"] for y in (2009, 2014)}
    out = ag.aggregate_levels(
        tables, [ag.Level("municipality", None), ag.Level("county", "total", key="Rhein-Berg")], [kinder]
    )
    return out, published_county, table


def test_rbk_every_share_at_one_decimal(rbk):
    out, _, _ = rbk
    f = out["municipality"].frame
    for name, (s09, s14) in RBK_SHARES.items():
        assert r1(f.loc[name, "kinderarmut_sgb2_u15_2009"]) == s09, name
        assert r1(f.loc[name, "kinderarmut_sgb2_u15_2014"]) == s14, name
    assert r1(f.loc["Bergisch Gladbach", "kinderarmut_sgb2_u15_2014"]) == 14.7
    assert r1(f.loc["Odenthal", "kinderarmut_sgb2_u15_2014"]) == 3.0


def test_rbk_shares_match_the_published_share_column(rbk):
    out, _, table = rbk
    f = out["municipality"].frame
    for year in (2009, 2014):
        published = table.wide(year)[0]["anteil"]
        for name in RBK_SHARES:
            assert r1(f.loc[name, f"kinderarmut_sgb2_u15_{year}"]) == published[name], (name, year)


def test_rbk_changes_at_one_decimal(rbk):
    out, _, _ = rbk
    f = out["municipality"].frame
    for name, pct in RBK_CHANGES.items():
        assert r1(f.loc[name, "kinderarmut_sgb2_u15_pct_2009_2014"]) == pct, name
    assert r1(f.loc["Kürten", "kinderarmut_sgb2_u15_pct_2009_2014"]) == 12.9


def test_rbk_published_changes_that_the_counts_do_not_give(rbk):
    """Leichlingen 331 -> 265 is -19.94 %, printed -20.0 %; no integer count near 265 gives -20.0 %."""
    out, _, _ = rbk
    f = out["municipality"].frame
    for name, (printed, computed) in RBK_CHANGES_OFF.items():
        got = r1(f.loc[name, "kinderarmut_sgb2_u15_pct_2009_2014"])
        assert got == computed and got != printed, name
    assert f.loc["Leichlingen", "kinderarmut_sgb2_u15_pct_2009_2014"] == pytest.approx((265 - 331) / 331 * 100)


def test_rbk_county_row_by_summation(rbk):
    out, published, _ = rbk
    k = out["county"].frame.loc["Rhein-Berg"]
    assert k["kinderarmut_sgb2_u15_den_2009"] == 40931 == published[2009]["ew_u15"]
    assert k["kinderarmut_sgb2_u15_num_2009"] == 4422 == published[2009]["sgb2_u15"]
    assert k["kinderarmut_sgb2_u15_den_2014"] == 37988 == published[2014]["ew_u15"]
    # the eight municipalities sum to 4,241 in 2014; the printed county row says 4,240 (off by one)
    assert k["kinderarmut_sgb2_u15_num_2014"] == 4241 and published[2014]["sgb2_u15"] == 4240
    assert r1(k["kinderarmut_sgb2_u15_2009"]) == 10.8
    assert r1(k["kinderarmut_sgb2_u15_2014"]) == 11.2
    assert r1(k["kinderarmut_sgb2_u15_pct_2009_2014"]) == -4.1


def test_rbk_unweighted_mean_of_shares_is_not_what_the_tool_gives(rbk):
    out, _, _ = rbk
    f = out["municipality"].frame
    mean = f["kinderarmut_sgb2_u15_2009"].mean()
    assert r1(mean) == 9.3  # the wrong method
    county = out["county"].frame.loc["Rhein-Berg", "kinderarmut_sgb2_u15_2009"]
    assert r1(county) == 10.8 and abs(county - mean) > 1.0  # the tool sums counts
    assert f.loc["Kürten", "kinderarmut_sgb2_u15_ref_county_2009"] == pytest.approx(4422 / 40931 * 100)


def test_dynamics_pp_with_period_and_percent():
    dyn = NS(
        id="d_quote",
        kind="dynamics",
        base_indicator="quote",
        change="pp",
        period_years=2,
        multiplier=1,
        numerator=[],
        denominator=[],
    )
    dyn_prev = NS(
        id="d_prev",
        kind="dynamics",
        base_indicator="sgb_abs",
        change="percent",
        period_years=0,
        multiplier=1,
        numerator=[],
        denominator=[],
    )
    t = {}
    for y, (ew, sgb) in {2020: (200, 20), 2021: (200, 22), 2022: (250, 30)}.items():
        t[y] = frames({"A": {"ew": ew, "sgb": sgb}})
    out = ag.aggregate_levels(t, [ag.Level("a", None)], [dyn, dyn_prev], catalogue=[QUOTE, COUNT])
    f = out["a"].frame
    # the base indicators were added because the dynamics need them
    assert "quote_2022" in f.columns and "sgb_abs_2022" in f.columns
    assert f.loc["A", "d_quote_2022"] == pytest.approx(12.0 - 10.0)  # 2022 vs 2020, pp
    assert np.isnan(f.loc["A", "d_quote_2021"]) and f.loc["A", "d_quote_flag_2021"] == "missing"
    assert f.loc["A", "d_prev_2021"] == pytest.approx(10.0)  # 20 -> 22 children: +10 %
    assert f.loc["A", "d_prev_2022"] == pytest.approx(30 / 22 * 100 - 100)


def test_dynamics_base_missing_is_skipped():
    dyn = NS(
        id="d",
        kind="dynamics",
        base_indicator="nope",
        change="pp",
        period_years=1,
        multiplier=1,
        numerator=[],
        denominator=[],
    )
    ok, skipped = ag.computable([QUOTE, dyn], ["ew", "sgb"])
    assert [i.id for i in ok] == ["quote"] and "d" in skipped


def test_rbk_with_the_default_catalogue(demo_dir):
    """The shipped catalogue's own definitions (aliases, kinderarmut_sgb2_u15, 5-year percent change)."""
    from sozialplanung_plugin.core.catalogue import load_catalogue
    from sozialplanung_plugin.core.tables import read_table

    cat = load_catalogue()
    table = read_table(demo_dir / "rbk_sgb2_kinder_2009_2014.csv", variables=cat)
    tables = {y: tuple(x.drop(index="Rhein-Berg") for x in table.wide(y)) for y in (2009, 2014)}
    inds = [cat.indicators["kinderarmut_sgb2_u15"], cat.indicators["kinder_sgb2_veraenderung"]]
    out = ag.aggregate_levels(
        tables,
        [ag.Level("municipality", None), ag.Level("county", "total", key="RBK")],
        inds,
        catalogue=list(cat.indicators.values()),
        catalogue_version=cat.version,
    )
    f, k = out["municipality"].frame, out["county"].frame
    assert r1(f.loc["Bergisch Gladbach", "kinderarmut_sgb2_u15_2014"]) == 14.7
    assert r1(f.loc["Kürten", "kinder_sgb2_veraenderung_2014"]) == 12.9
    assert r1(f.loc["Leichlingen", "kinder_sgb2_veraenderung_2014"]) == -19.9
    assert r1(k.loc["RBK", "kinderarmut_sgb2_u15_2009"]) == 10.8
    assert r1(k.loc["RBK", "kinderarmut_sgb2_u15_2014"]) == 11.2
    assert out["county"].meta["catalogue_version"] == cat.version
