"""core.strengths: the strengths–weaknesses rules on hand-computed cases.

Every expected number below is worked out by hand in the comment next to it (mid-rank percentiles, population
SD, binomial sampling noise of a share).
"""

import math

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import strengths as sw
from sozialplanung_plugin.core.catalogue import default_catalogue
from sozialplanung_plugin.core.errors import InputError

CAT = default_catalogue()
KIND = CAT.indicators["kinderarmut_sgb2_u15"]  # %, higher_worse, min_denominator 50
BESCH = CAT.indicators["beschaeftigtenquote"]  # %, higher_better, min_denominator 100
U18 = CAT.indicators["anteil_u18"]  # %, neutral


def frame(ind_id, values, *, year=2025, den=None, flags=None, county=None, mun=None, first=None, first_year=2014):
    """A wide frame as aggregateindicators writes it; num = value/100 x den (shares)."""
    n = len(values)
    keys = [f"sr{i:02d}" for i in range(n)]
    den = np.full(n, 10_000.0) if den is None else np.asarray(den, float)
    vals = np.asarray(values, float)
    data = {
        f"{ind_id}_{year}": vals,
        f"{ind_id}_num_{year}": np.round(vals / 100 * den),
        f"{ind_id}_den_{year}": den,
        f"{ind_id}_flag_{year}": flags if flags is not None else [""] * n,
    }
    if county is not None:
        data[f"{ind_id}_ref_county_{year}"] = np.full(n, float(county))
    if mun is not None:
        data[f"{ind_id}_ref_mun_{year}"] = np.asarray(mun, float) if np.ndim(mun) else np.full(n, float(mun))
    if first is not None:
        data[f"{ind_id}_{first_year}"] = np.asarray(first, float)
        data[f"{ind_id}_flag_{first_year}"] = [""] * n
    return pd.DataFrame(data, index=pd.Index(keys, name="key"))


def by_key(out):
    return out.set_index("key")


def test_percentiles_mid_rank():
    # values 1..5 among themselves: (below + half of the equal) / 5 -> 10, 30, 50, 70, 90
    assert sw.percentiles(np.array([1, 2, 3, 4, 5.0]), np.array([1, 2, 3, 4, 5.0])).tolist() == [10, 30, 50, 70, 90]
    # ties: 1, 1 share the ranks 1 and 2 -> (0 + 2/2) / 5 = 20
    assert sw.percentiles(np.array([1.0]), np.array([1, 1, 3, 4, 5.0])).tolist() == [20.0]
    assert np.isnan(sw.percentiles(np.array([np.nan]), np.array([1.0]))[0])


def test_percentile_boundaries_are_strict():
    # values 1, 1, 3, 4, 5: percentiles 20, 20, 50, 70, 90; SD rule off to isolate the percentile rule
    rule = sw.Rule(sd=None, alpha=None)
    out = by_key(sw.assess(frame(KIND.id, [1, 1, 3, 4, 5]), [KIND], 2025, rule=rule))
    assert out["percentile"].tolist() == [20, 20, 50, 70, 90]
    # exactly 20 is not 'outside the 20/80 percentiles'; 90 is
    assert out["notable"].tolist() == [False, False, False, False, True]
    assert out.loc["sr04", "judgement"] == sw.WEAKNESS  # higher_worse and high
    # the same values with the limits 25/75: the two 1s (20 < 25) are strengths, 90 a weakness
    out = by_key(sw.assess(frame(KIND.id, [1, 1, 3, 4, 5]), [KIND], 2025, rule=sw.Rule(25, 25, 75, alpha=None)))
    assert out["judgement"].tolist() == ["strength", "strength", "", "", "weakness"]


def test_sd_boundary_is_strict():
    # 4, 6, 4, 6: mean 5, population SD 1 -> z = -1, +1, -1, +1 exactly
    rule = sw.Rule(sd=1.0, low_percentile=None, high_percentile=None, alpha=None)
    out = by_key(sw.assess(frame(KIND.id, [4, 6, 4, 6]), [KIND], 2025, rule=rule))
    assert out["z"].tolist() == [-1, 1, -1, 1]
    assert out["mean"].iloc[0] == 5 and out["sd"].iloc[0] == 1
    assert not out["notable"].any()  # exactly 1 SD is not 'beyond 1 SD'
    out = by_key(sw.assess(frame(KIND.id, [4, 6, 4, 6]), [KIND], 2025, rule=sw.Rule(0.99, None, None, alpha=None)))
    assert out["judgement"].tolist() == ["strength", "weakness", "strength", "weakness"]
    # sample SD (ddof 1): sqrt(4/3) = 1.1547 -> z = 0.866
    out = sw.assess(frame(KIND.id, [4, 6, 4, 6]), [KIND], 2025, rule=sw.Rule(0.5, None, None, alpha=None, ddof=1))
    assert out["z"].abs().round(4).tolist() == [0.866] * 4


def test_either_rule_makes_notable():
    # 1..10: mean 5.5, SD sqrt(8.25) = 2.8723; percentiles 5, 15, ..., 95
    out = by_key(sw.assess(frame(KIND.id, range(1, 11)), [KIND], 2025, rule=sw.Rule(alpha=None)))
    # notable: 1 (z -1.567), 2 (pct 15, z -1.219), 9 (pct 85), 10; not 3 (pct 25, z -0.870) nor 8
    assert out["notable"].tolist() == [True, True, False, False, False, False, False, False, True, True]
    assert round(out.loc["sr00", "z"], 3) == -1.567 and round(out.loc["sr07", "z"], 3) == 0.870
    # SD rule only at 1.5: only 1 and 10 (|z| 1.567); percentile rule only: 1, 2, 9, 10
    only_sd = sw.assess(frame(KIND.id, range(1, 11)), [KIND], 2025, rule=sw.Rule(1.5, None, None, alpha=None))
    assert only_sd["notable"].sum() == 2


def test_small_denominators_never_make_a_space_weak():
    # eight spaces around 10 % with large denominators, two very high ones with small denominators
    values = [9, 10, 11, 10, 9, 11, 10, 10, 40, 30]
    den = [5000] * 8 + [40, 60]
    data = frame(KIND.id, values, den=den, county=10.0)
    out = by_key(sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None)))
    # 40 children < min_denominator 50: never judged, and not part of the reference distribution
    assert out.loc["sr08", "status"] == "unreliable" and out.loc["sr08", "judgement"] == ""
    assert out.loc["sr08", "reliable"] == False  # noqa: E712
    assert out["n_ref"].iloc[0] == 9 and round(out["mean"].iloc[0], 4) == round(np.mean(values[:8] + [30]), 4)
    # 60 children, 30 %: the binomial check decides. se = sqrt(0.1 x 0.9 / 60) x 100 = 3.873 pp;
    # 1.96 x 3.873 = 7.59 < 20 pp deviation -> significant, a weakness
    out = by_key(sw.assess(data, [KIND], 2025))
    assert out.loc["sr09", "judgement"] == sw.WEAKNESS
    # 60 children at 17 %: deviation 7 pp < 7.59 pp -> within the noise, not judged weak
    data.loc["sr09", f"{KIND.id}_2025"] = 17.0
    out = by_key(sw.assess(data, [KIND], 2025))
    assert out.loc["sr09", "side"] == sw.HIGH and out.loc["sr09", "status"] == "not_significant"
    assert out.loc["sr09", "judgement"] == "" and not out.loc["sr09", "notable"]
    # the same 17 % from 600 children: se = 1.2247 pp, 1.96 x 1.2247 = 2.40 < 7 -> a weakness
    data.loc["sr09", f"{KIND.id}_den_2025"] = 600
    out = by_key(sw.assess(data, [KIND], 2025))
    assert out.loc["sr09", "judgement"] == sw.WEAKNESS
    # the rule's own floor on top of the catalogue's: 600 < 1000 -> unreliable
    out = by_key(sw.assess(data, [KIND], 2025, rule=sw.Rule(min_denominator=1000)))
    assert out.loc["sr09", "status"] == "unreliable"
    # a cell flagged 'unreliable' by the aggregation is not judged either, whatever its denominator
    data.loc["sr09", f"{KIND.id}_flag_2025"] = "unreliable"
    assert by_key(sw.assess(data, [KIND], 2025)).loc["sr09", "judgement"] == ""


def test_binomial_check_boundary():
    # county 12 %, 100 children: se = sqrt(0.12 x 0.88 / 100) x 100 = 3.2496 pp; z 1.959964 -> 6.3691 pp
    zc = 1.959963984540054
    se = math.sqrt(0.12 * 0.88 / 100) * 100
    limit = zc * se
    values = [12.0] * 9 + [12 + limit + 1e-6]
    data = frame(KIND.id, values, den=[10_000] * 9 + [100], county=12.0)
    assert by_key(sw.assess(data, [KIND], 2025)).loc["sr09", "judgement"] == sw.WEAKNESS
    data.loc["sr09", f"{KIND.id}_2025"] = 12 + limit - 1e-6
    assert by_key(sw.assess(data, [KIND], 2025)).loc["sr09", "status"] == "not_significant"


def test_polarity_decides_the_direction():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    rule = sw.Rule(alpha=None)
    worse = by_key(sw.assess(frame(KIND.id, values), [KIND], 2025, rule=rule))
    better = by_key(sw.assess(frame(BESCH.id, values), [BESCH], 2025, rule=rule))
    neutral = by_key(sw.assess(frame(U18.id, values), [U18], 2025, rule=rule))
    assert worse.loc["sr09", "judgement"] == "weakness" and worse.loc["sr00", "judgement"] == "strength"
    assert better.loc["sr09", "judgement"] == "strength" and better.loc["sr00", "judgement"] == "weakness"
    assert neutral.loc["sr09", "judgement"] == "notable" and neutral.loc["sr00", "judgement"] == "notable"
    assert neutral.loc["sr09", "side"] == "high" and neutral.loc["sr00", "side"] == "low"
    # rank 1 = most unfavourable: the highest child poverty, the lowest employment rate
    assert worse.loc["sr09", "rank"] == 1 and better.loc["sr00", "rank"] == 1
    summ = sw.summaries(pd.concat([worse.reset_index(), better.reset_index()])).set_index("key")
    assert summ.loc["sr09", "n_weaknesses"] == 1 and summ.loc["sr09", "n_strengths"] == 1
    assert summ.loc["sr09", "weaknesses"].startswith("Kinderarmut 10,0 %")
    assert summ.loc["sr09", "strengths"].startswith("Beschäftigtenquote 10,0 %")


def test_suppressed_cells_are_never_judged_nor_printed():
    # the layer may still hold a number in a suppressed cell (99.9): it must vanish everywhere
    values = [5, 6, 5, 6, 5, 6, 5, 6, 5, 99.9]
    flags = [""] * 9 + ["suppressed"]
    data = frame(KIND.id, values, flags=flags, county=5.5, mun=5.5, first=[5] * 10)
    out = by_key(sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None)))
    row = out.loc["sr09"]
    assert row["status"] == "suppressed" and row["judgement"] == "" and not row["notable"]
    for col in ("value", "num", "den", "percentile", "z", "rank", "dev_county", "change", "value_first"):
        assert np.isnan(row[col]), col
    assert row["text"] == "" and row["trend"] == "suppressed"
    # the reference distribution is made of the 9 others: mean 5 4/9
    assert out["n_ref"].iloc[0] == 9 and round(out["mean"].iloc[0], 6) == round(49 / 9, 6)
    assert "99" not in " ".join(out["text"]) and "99" not in sw.summaries(out.reset_index()).to_csv()
    # a suppressed first year: no trend, and the current value has no change
    data = frame(KIND.id, [5, 6], first=[4, 4])
    data[f"{KIND.id}_flag_2014"] = ["suppressed", ""]
    data[f"{KIND.id}_2014"] = [77.0, 4.0]
    out = by_key(sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None)))
    assert np.isnan(out.loc["sr00", "change"]) and out.loc["sr00", "trend"] == "suppressed"
    assert out.loc["sr01", "change"] == 2 and out.loc["sr01", "trend"] == "worse"
    assert "77" not in out.to_csv()


def test_incomplete_sums_only_when_asked():
    values = [5, 6, 5, 6, 5, 6, 5, 6, 5, 30]
    flags = [""] * 9 + ["incomplete"]
    out = by_key(sw.assess(frame(KIND.id, values, flags=flags), [KIND], 2025, rule=sw.Rule(alpha=None)))
    assert out.loc["sr09", "status"] == "incomplete" and out.loc["sr09", "judgement"] == ""
    assert "Summe unvollständig" in out.loc["sr09", "text"] and "≥ 30,0 %" in out.loc["sr09", "text"]
    rule = sw.Rule(alpha=None, judge_incomplete=True)
    out = by_key(sw.assess(frame(KIND.id, values, flags=flags), [KIND], 2025, rule=rule))
    assert out.loc["sr09", "judgement"] == "weakness"


def test_text_of_the_issue():
    # 212 of 995 children = 21.3 %; county 12.0 %, municipality 15.7 %; the other spaces around 12 %
    values = [11, 12, 13, 12, 11, 13, 12, 12, 12, 21.3]
    den = [1000] * 9 + [995]
    data = frame(KIND.id, values, den=den, county=12.0, mun=[12.0] * 9 + [15.7], first=[12] * 9 + [19.2])
    data.loc["sr09", f"{KIND.id}_num_2025"] = 212
    out = by_key(sw.assess(data, [KIND], 2025))
    # SD of the spaces: 2.7871 -> (21.3 - 15.7) / 2.787 = 2.01 >= 1: 'deutlich über' both
    assert out.loc["sr09", "text"] == (
        "Kinderarmut 21,3 % — deutlich über dem Kreis (12,0 %) und der Gemeinde (15,7 %); 212 Kinder; "
        "seit 2014 +2,1 %-Pkt."
    )
    assert out.loc["sr09", "judgement"] == "weakness" and out.loc["sr09", "trend"] == "worse"
    # different words for the two references, and 'auf dem Niveau'
    rule = sw.Rule()
    assert sw.comparison_text(13.0, 12.0, 15.7, 2.0, "%", 1, rule) == (
        "über dem Kreis (12,0 %), deutlich unter der Gemeinde (15,7 %)"
    )
    assert sw.comparison_text(12.2, 12.0, 12.1, 2.0, "%", 1, rule) == (
        "auf dem Niveau des Kreises (12,0 %) und der Gemeinde (12,1 %)"
    )
    assert sw.change_text(-0.04, "%", 1, 2014) == "seit 2014 unverändert"
    assert sw.change_text(-3.25, "‰", 1, 2009) == "seit 2009 -3,2 ‰"


def test_county_reference_from_summed_counts():
    # no county reference field: the rate of the summed counts 300 / 2000 = 15 %
    data = frame(KIND.id, [10, 20], den=[1000, 1000])
    out = sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None))
    assert out["ref_county"].tolist() == [15.0, 15.0]
    # a county value given explicitly wins
    out = sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None), county={KIND.id: 14.0})
    assert out["ref_county"].tolist() == [14.0, 14.0]


def test_bad_input():
    with pytest.raises(InputError, match="no field 'kinderarmut_sgb2_u15_2023'"):
        sw.assess(frame(KIND.id, [1, 2]), [KIND], 2023)
    with pytest.raises(InputError, match="low percentile"):
        sw.Rule(low_percentile=80, high_percentile=20)
    with pytest.raises(InputError, match="SD limit or percentile"):
        sw.Rule(sd=None, low_percentile=None, high_percentile=None)
    with pytest.raises(InputError, match="alpha"):
        sw.Rule(alpha=1.5)
    dup = frame(KIND.id, [1, 2])
    dup.index = ["a", "a"]
    with pytest.raises(InputError, match="more than once"):
        sw.assess(dup, [KIND], 2025)


def test_rule_in_words():
    text = sw.Rule().describe_de()
    assert "1,0 Standardabweichungen" in text and "20. oder über dem 80. Perzentil" in text
    assert "Binomialtest" in text and "Gesperrte Werte werden nie beurteilt" in text


def test_spine_rows_and_chart():
    """The spine chart: range and 20/80 band of the reliable spaces, the county centre, marks by judgement, and
    no number for a suppressed value (whatever the layer holds)."""
    import xml.etree.ElementTree as ET

    from sozialplanung_plugin.core import charts

    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 77.7]
    flags = [""] * 10 + ["suppressed"]
    data = frame(KIND.id, values, flags=flags, county=5.0)
    long = sw.assess(data, [KIND], 2025, rule=sw.Rule(alpha=None))
    rows = sw.spine_rows(long, "sr09", {KIND.id: "%"})
    assert len(rows) == 1
    r = rows[0]
    assert (r["lo"], r["hi"], r["county"]) == (1.0, 10.0, 5.0)
    assert r["p20"] == np.percentile(range(1, 11), 20) and r["p80"] == np.percentile(range(1, 11), 80)
    assert r["judgement"] == "weakness" and r["value_text"] == "10,0" and r["label"] == "Kinderarmut (%)"
    supp = sw.spine_rows(long, "sr10", {KIND.id: "%"})[0]
    assert supp["status"] == "suppressed" and supp["value"] is None and supp["value_text"] == "•"
    svg = charts.svg_spine_chart(rows + [supp], title="Test")
    root = ET.fromstring(svg)  # valid XML
    ns = "{http://www.w3.org/2000/svg}"
    circles = [c for c in root.iter(f"{ns}circle") if float(c.get("cy")) < 20]
    assert [c.get("fill") for c in circles][:1] == [charts.SPINE_COLOURS["weakness"]]
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "• gesperrt" in texts and not any("77" in (t or "") for t in texts)
    # higher = worse: the highest value lies left of the county line (unfavourable side)
    line = next(ln for ln in root.iter(f"{ns}line"))
    assert float(circles[0].get("cx")) < float(line.get("x1"))
    # a space with a small denominator: grey ring, not a judgement colour
    data2 = frame(KIND.id, values[:10], den=[10_000] * 9 + [20], county=5.0)
    r2 = sw.spine_rows(sw.assess(data2, [KIND], 2025), "sr09", {KIND.id: "%"})[0]
    assert r2["status"] == "unreliable"
    svg2 = ET.fromstring(charts.svg_spine_chart([r2]))
    ring = [c for c in svg2.iter(f"{ns}circle") if float(c.get("cy")) < 20][0]
    assert ring.get("fill") == "#ffffff" and ring.get("stroke") == "#999999"
    assert sw.sw_lines(long, "sr09")[0] == "Schwächen:"
