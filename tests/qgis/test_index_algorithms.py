"""compositeindex, actionfieldtypology, indexsensitivity through processing.run and qgis_process.

Expected values are computed here from the published formulas (docs/indices.md) on small layers built in
memory, not taken from the code under test.
"""

import json
import math
import statistics

import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from ..helpers import INDEX_A as A
from ..helpers import INDEX_B as B
from ..helpers import isnull, make_layer, write_gpkg

INF = float("inf")


def by_key(layer, key="key"):
    return {f[key]: f for f in layer.getFeatures()}


def zscores(xs, sign=1.0):
    m, sd = statistics.fmean(xs), statistics.pstdev(xs)
    return [sign * (x - m) / sd for x in xs]


# --------------------------------------------------------------------------------------------------
# compositeindex: general method


@pytest.fixture
def units(qgis_app):
    cols = [
        ("key", "string"),
        ("gem", "string"),
        ("a", "double"),
        ("b", "double"),
        ("ew", "int"),
        ("const", "double"),
        ("empty", "double"),
    ]
    rows = [[f"0537800{4 if i < 2 else 8}-0{i + 1}", "x", A[i], B[i], 500, 5.0, None] for i in range(4)]
    return make_layer(cols, rows)


def base_params(layer, **kw):
    p = {
        "INPUT": layer,
        "KEY_FIELD": "key",
        "INDICATORS": ["a", "b"],
        "DIRECTIONS": "b=higher_better",
        "CLASS_METHOD": 4,
        "BREAKS": "0",
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    p.update(kw)
    return p


def test_general_index_equal_weights_zscore(run_alg, units):
    res = run_alg("compositeindex", base_params(units))
    za, zb = zscores(A), zscores(B, -1.0)
    expected = [(x + y) / 2 for x, y in zip(za, zb)]
    feats = list(res["OUTPUT"].getFeatures())
    assert [f["idx_value"] for f in feats] == pytest.approx(expected)
    # by hand: 0.1726, -0.2673, -0.7071, 0.8018 -> ranks 2, 3, 4, 1; manual break 0 -> classes 2, 1, 1, 2
    assert expected == pytest.approx([0.17259, -0.26726, -0.70711, 0.80178], abs=1e-5)
    assert [f["idx_rank"] for f in feats] == [2, 3, 4, 1]
    assert [f["idx_class"] for f in feats] == [2, 1, 1, 2]
    assert feats[0]["idx_label"] == "höherer Bedarf" and feats[1]["idx_label"] == "geringerer Bedarf"
    # input attributes are kept in front
    assert feats[0]["key"] == "05378004-01" and feats[0]["a"] == 1.0
    assert res["VALUE_FIELD"] == "idx_value" and res["CLASS_FIELD"] == "idx_class"
    assert res["N_UNITS"] == 4 and res["N_INDEXED"] == 4 and res["N_CLASSIFIED"] == 4


def test_general_index_given_weights_and_geometric(run_alg, units):
    za, zb = zscores(A), zscores(B, -1.0)
    res = run_alg("compositeindex", base_params(units, WEIGHTS="a=3; b=1", CLASS_METHOD=5))
    assert [f["idx_value"] for f in res["OUTPUT"].getFeatures()] == pytest.approx(
        [(3 * x + y) / 4 for x, y in zip(za, zb)]
    )
    res = run_alg("compositeindex", base_params(units, AGGREGATION=1, CLASS_METHOD=5))
    c = 1 - min(za + zb)  # shift: smallest normalised value becomes 1
    expected = [math.sqrt((x + c) * (y + c)) - c for x, y in zip(za, zb)]
    assert [f["idx_value"] for f in res["OUTPUT"].getFeatures()] == pytest.approx(expected)


def test_general_index_minmax_domains_and_domain_weights(run_alg, units):
    # min-max 0-100; domain d1 = a, d2 = b (higher_better); domain weights 1:3
    res = run_alg(
        "compositeindex",
        base_params(units, NORMALISATION=2, DOMAINS="d1: a; d2: b", DOMAIN_WEIGHTS="d1=1; d2=3", CLASS_METHOD=5),
    )
    ma = [100 * (x - 1) / 5 for x in A]
    mb = [100 - 100 * (x - 10) / 20 for x in B]
    feats = list(res["OUTPUT"].getFeatures())
    assert [f["idx_d_d1"] for f in feats] == pytest.approx(ma)
    assert [f["idx_d_d2"] for f in feats] == pytest.approx(mb)
    assert [f["idx_value"] for f in feats] == pytest.approx([(x + 3 * y) / 4 for x, y in zip(ma, mb)])


def _mid_percentile(xs):
    """100 * (number below + half the number equal) / n, per value (the 'percentile' normalisation)."""
    return [100 * (sum(y < x for y in xs) + 0.5 * sum(y == x for y in xs)) / len(xs) for x in xs]


def test_treatments_and_normalisations(run_alg, units):
    def idx(**kw):
        res = run_alg("compositeindex", base_params(units, CLASS_METHOD=5, **kw))
        return [f["idx_value"] for f in res["OUTPUT"].getFeatures()], res

    zb = zscores(B, -1.0)
    # log transform of a, then z-score
    got, _ = idx(LOG_FIELDS=["a"])
    za_log = zscores([math.log(x) for x in A])
    assert got == pytest.approx([(x + y) / 2 for x, y in zip(za_log, zb)])
    # fixed goalposts: a in 0..10, b in 0..40 (higher_better: 100 minus)
    got, _ = idx(NORMALISATION=3, GOALPOSTS="a=0:10; b=0:40")
    assert got == pytest.approx([(10 * a + (100 - 2.5 * b)) / 2 for a, b in zip(A, B)])
    # percentile (mid-rank share) of a and of -b
    got, _ = idx(NORMALISATION=5)
    pa, pb = _mid_percentile(A), _mid_percentile([-b for b in B])
    assert got == pytest.approx([(x + y) / 2 for x, y in zip(pa, pb)])
    # winsorisation at mean +- 1 SD (population) before the z-score
    m, sd = statistics.fmean(A), statistics.pstdev(A)
    aw = [min(max(x, m - sd), m + sd) for x in A]
    mb, sdb = statistics.fmean(B), statistics.pstdev(B)
    bw = [min(max(x, mb - sdb), mb + sdb) for x in B]
    got, _ = idx(WINSORISE=1, WINSOR_LIMIT=1.0)
    assert got == pytest.approx([(x + y) / 2 for x, y in zip(zscores(aw), zscores(bw, -1.0))])
    # distance to a reference value in per cent (b: higher_better, so the sign turns)
    got, _ = idx(NORMALISATION=6, REFERENCE_VALUES="a=2; b=20")
    assert got == pytest.approx([(100 * (a - 2) / 2 - 100 * (b - 20) / 20) / 2 for a, b in zip(A, B)])
    # sample SD
    got, _ = idx(NORMALISATION=1)
    za_s = [(x - statistics.fmean(A)) / statistics.stdev(A) for x in A]
    zb_s = [-(x - statistics.fmean(B)) / statistics.stdev(B) for x in B]
    assert got == pytest.approx([(x + y) / 2 for x, y in zip(za_s, zb_s)])
    # rescaled to 0..100
    got, _ = idx(RESCALE=2)
    raw = [(x + y) / 2 for x, y in zip(zscores(A), zb)]
    assert got == pytest.approx([100 * (r - min(raw)) / (max(raw) - min(raw)) for r in raw])


def test_pca_weights_two_indicators_and_warning(run_alg, units):
    # two positively correlated indicators: the first component of [[1, r], [r, 1]] is (1, 1)/sqrt(2) with
    # eigenvalue 1 + r -> equal weights, loadings sqrt((1 + r)/2)
    b2 = [1.0, 3.0, 2.0, 7.0]
    layer = make_layer(
        [("key", "string"), ("a", "double"), ("b", "double")], [[f"k{i}", A[i], b2[i]] for i in range(4)]
    )
    res = run_alg(
        "compositeindex",
        {"INPUT": layer, "INDICATORS": ["a", "b"], "WEIGHTING": 2, "CLASS_METHOD": 5, "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    za, zb = zscores(A), zscores(b2)
    assert [f["idx_value"] for f in res["OUTPUT"].getFeatures()] == pytest.approx([(x + y) / 2 for x, y in zip(za, zb)])
    rec = json.loads(res["METHOD"])
    r = statistics.correlation(za, zb)
    assert r > 0
    assert rec["pca"]["index"]["loadings"] == pytest.approx([math.sqrt((1 + r) / 2)] * 2)
    assert rec["pca"]["index"]["explained_share"] == pytest.approx((1 + r) / 2)
    # a third indicator running against the other two gets weight 0 and a warning naming it
    rows = [[f"k{i}", A[i], 2 * A[i] + (i % 2), -A[i] + 0.3 * (i % 3)] for i in range(4)]
    layer = make_layer([("key", "string"), ("a", "double"), ("c", "double"), ("d", "double")], rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "INDICATORS": ["a", "c", "d"],
            "WEIGHTING": 2,
            "CLASS_METHOD": 5,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert "negative PCA loading for d" in res["WARNINGS"]
    assert json.loads(res["METHOD"])["indicator_weights_used"]["index"]["d"] == 0


def test_exclusion_by_residents_keeps_values_but_no_rank(run_alg, qgis_app):
    rows = [[f"k{i}", A[i], B[i], ew] for i, ew in enumerate([100, 500, 500, 500])]
    layer = make_layer([("key", "string"), ("a", "double"), ("b", "double"), ("ew", "int")], rows)
    res = run_alg("compositeindex", base_params(layer, POPULATION_FIELD="ew", MIN_RESIDENTS=300, CLASS_METHOD=5))
    ra, rb = A[1:], B[1:]
    ma, sa = statistics.fmean(ra), statistics.pstdev(ra)
    mb, sb = statistics.fmean(rb), statistics.pstdev(rb)
    exp = [((a - ma) / sa - (b - mb) / sb) / 2 for a, b in zip(A, B)]
    f = by_key(res["OUTPUT"])
    assert [f[f"k{i}"]["idx_value"] for i in range(4)] == pytest.approx(exp)
    assert f["k0"]["idx_flag"] == "excluded" and isnull(f["k0"]["idx_rank"])
    assert f["k1"]["idx_flag"] == "" and not isnull(f["k1"]["idx_rank"])
    assert res["N_EXCLUDED"] == 1


def test_reference_comparison_pooled_rates(run_alg, qgis_app):
    # rate r_2025 with numerator/denominator companions as written by aggregateindicators
    cols = [("key", "string"), ("r_2025", "double"), ("r_num_2025", "double"), ("r_den_2025", "double")]
    rows = [["05378004-01", 10.0, 10, 100], ["05378004-02", 20.0, 60, 300], ["05378008-01", 40.0, 40, 100]]
    layer = make_layer(cols, rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "INDICATORS": ["r_2025"],
            "COMPARE": True,
            "CLASS_METHOD": 5,
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "MIN_SHARE": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    f = by_key(res["OUTPUT"])
    # county: (10 + 60 + 40) / (100 + 300 + 100) = 22 %; municipality 05378004: 70 / 400 = 17.5 %
    a = f["05378004-01"]
    assert a["r_2025_ref_cty"] == pytest.approx(22.0)
    assert a["r_2025_diff_cty"] == pytest.approx(-12.0)
    assert a["r_2025_ratio_cty"] == pytest.approx(10 / 22)
    assert a["r_2025_ref_gem"] == pytest.approx(17.5)
    assert a["r_2025_diff_gem"] == pytest.approx(-7.5)
    # z within the municipality: (10 - 15) / pSD(10, 20) = -1
    assert a["r_2025_z_gem"] == pytest.approx(-1.0)
    assert a["r_2025_count"] == 10
    assert f["05378008-01"]["r_2025_ref_gem"] == pytest.approx(40.0)


# --------------------------------------------------------------------------------------------------
# presets

S1 = [2.0, 4.0, 6.0, 8.0, 30.0, 50.0]
S2 = [1.0, 1.0, 3.0, 5.0, 10.0, 90.0]
D1 = [-2.0, 0.0, 0.5, 0.0, 3.0, 9.0]
EW = [1000, 1000, 1000, 1000, 1000, 100]


def berlin_class(si):
    return 1 if si < -1 else 2 if si <= 1 else 3 if si <= 1.5 else 4


def dyn_class(di):
    return 1 if di < -1 else 3 if di <= 1 else 5


def test_berlin_mss_status_dynamics(run_alg, qgis_app):
    rows = [[f"k{i}", S1[i], S2[i], D1[i], EW[i]] for i in range(6)]
    layer = make_layer([("key", "string"), ("s1", "double"), ("s2", "double"), ("d1", "double"), ("ew", "int")], rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "KEY_FIELD": "key",
            "PRESET": 1,
            "INDICATORS": ["s1", "s2"],
            "DYNAMICS_FIELDS": ["d1"],
            "POPULATION_FIELD": "ew",
            "MIN_RESIDENTS": 300,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    valid = range(5)  # unit k5 has 100 residents: no mean/SD, no class
    s1, s2, d1 = ([v[i] for i in valid] for v in (S1, S2, D1))
    m1, sd1, m2, sd2 = statistics.fmean(s1), statistics.pstdev(s1), statistics.fmean(s2), statistics.pstdev(s2)
    sums = [(S1[i] - m1) / sd1 + (S2[i] - m2) / sd2 for i in range(6)]
    ms, sds = statistics.fmean(sums[:5]), statistics.pstdev(sums[:5])
    si = [(s - ms) / sds for s in sums]
    md, sdd = statistics.fmean(d1), statistics.pstdev(d1)
    zd = [(d - md) / sdd for d in D1]
    mz, sz = statistics.fmean(zd[:5]), statistics.pstdev(zd[:5])
    di = [(z - mz) / sz for z in zd]
    f = by_key(res["OUTPUT"])
    assert [f[f"k{i}"]["si_value"] for i in range(6)] == pytest.approx(si)
    assert [f[f"k{i}"]["di_value"] for i in range(6)] == pytest.approx(di)
    for i in range(5):
        sc, dc = berlin_class(si[i]), dyn_class(di[i])
        assert f[f"k{i}"]["si_class"] == sc
        assert f[f"k{i}"]["di_class"] == dc
        assert f[f"k{i}"]["mss_class"] == 10 * sc + dc
    assert {f[f"k{i}"]["mss_class"] for i in range(5)} == {21, 23, 45}, "test data should spread the classes"
    assert isnull(f["k5"]["mss_class"]) and f["k5"]["mss_flag"] == "excluded"
    assert f["k4"]["mss_label"] == "sehr niedrig / negativ"  # in words (issue 19)
    assert res["CLASS_FIELD"] == "mss_class" and res["N_CLASSIFIED"] == 5
    # the bivariate style over the 12 combined groups (issue 19): categories in words, MSS colours
    from qgis.core import QgsCategorizedSymbolRenderer

    from sozialplanung_plugin.core.colours import MSS_COLOURS

    r = res["OUTPUT"].renderer()
    assert isinstance(r, QgsCategorizedSymbolRenderer) and r.classAttribute() == "mss_class"
    cats = r.categories()
    assert len(cats) == 12 and cats[0].label() == "hoch / positiv" and cats[-1].label() == "sehr niedrig / negativ"
    assert [c.symbol().color().name() for c in cats] == [MSS_COLOURS[int(c.value())] for c in cats]


def test_iod_exponential_preset(run_alg, qgis_app):
    inc, emp = [5.0, 10.0, 20.0, 40.0], [8.0, 6.0, 4.0, 2.0]
    rows = [[f"k{i}", inc[i], emp[i]] for i in range(4)]
    layer = make_layer([("key", "string"), ("inc", "double"), ("emp", "double")], rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "PRESET": 2,
            "INDICATORS": ["inc", "emp"],
            "DOMAINS": "income: inc; employment: emp",
            "DOMAIN_WEIGHTS": "income=3; employment=1",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    n = 4

    def x(rank):
        r = (n + 1 - rank) / n
        return -23 * math.log(1 - r * (1 - math.exp(-100 / 23)))

    # income rank 1 = largest (k3), employment rank 1 = k0
    xi = [x(4), x(3), x(2), x(1)]
    xe = [x(1), x(2), x(3), x(4)]
    exp = [0.75 * a + 0.25 * b for a, b in zip(xi, xe)]
    f = by_key(res["OUTPUT"])
    assert [f[f"k{i}"]["iod_score"] for i in range(4)] == pytest.approx(exp)
    assert f["k3"]["iod_income_x"] == pytest.approx(100.0)
    assert f["k3"]["iod_rank"] == 1 and f["k3"]["iod_decile"] == 3  # ceil(10 * 1 / 4)
    assert f["k3"]["iod_label"].startswith("Decile 3") or f["k3"]["iod_label"].startswith("Dezil 3")


def test_gisd_preset_single_indicator_dimensions(run_alg, qgis_app):
    # one indicator per dimension: the PCA coefficient is 1, the dimension score is min-max of the indicator
    edu, inc = [1.0, 2.0, 4.0, 8.0, 16.0], [5.0, 4.0, 3.0, 2.0, 1.0]
    rows = [[f"k{i}", edu[i], inc[i]] for i in range(5)]
    layer = make_layer([("key", "string"), ("edu", "double"), ("inc", "double")], rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "PRESET": 3,
            "INDICATORS": ["edu", "inc"],
            "DOMAINS": "bildung: edu; einkommen: inc",
            "DIRECTIONS": "inc=higher_better",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    de = [(v - 1) / 15 for v in edu]
    di = [(5 - v) / 4 for v in inc]
    tot = [a + b for a, b in zip(de, di)]
    exp = [(t - min(tot)) / (max(tot) - min(tot)) for t in tot]
    f = by_key(res["OUTPUT"])
    assert [f[f"k{i}"]["gisd_score"] for i in range(5)] == pytest.approx(exp)
    assert f["k0"]["gisd_5"] == 1 and f["k4"]["gisd_5"] == 5 and f["k4"]["gisd_k"] == 3
    assert res["CLASS_FIELD"] == "gisd_5"


def test_gisd_population_weighted_to_municipalities(run_alg, qgis_app):
    edu, inc = [1.0, 2.0, 4.0, 8.0, 16.0], [5.0, 4.0, 3.0, 2.0, 1.0]
    ew = [1000, 3000, 500, 500, 2000]
    keys = ["A-1", "A-2", "B-1", "B-2", "C-1"]
    rows = [[keys[i], edu[i], inc[i], ew[i]] for i in range(5)]
    layer = make_layer([("key", "string"), ("edu", "double"), ("inc", "double"), ("ew", "int")], rows)
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "PRESET": 3,
            "INDICATORS": ["edu", "inc"],
            "DOMAINS": "bildung: edu; einkommen: inc",
            "DIRECTIONS": "inc=higher_better",
            "POPULATION_FIELD": "ew",
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 1,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_MUNICIPALITIES": "TEMPORARY_OUTPUT",
        },
    )
    score = {f["key"]: f["gisd_score"] for f in res["OUTPUT"].getFeatures()}
    exp = {
        "A": (1000 * score["A-1"] + 3000 * score["A-2"]) / 4000,
        "B": (score["B-1"] + score["B-2"]) / 2,
        "C": score["C-1"],
    }
    lo, hi = min(exp.values()), max(exp.values())
    rows = {f["municipality"]: f for f in res["OUTPUT_MUNICIPALITIES"].getFeatures()}
    assert sorted(rows) == ["A", "B", "C"]
    for m, v in exp.items():
        assert rows[m]["gisd_score"] == pytest.approx(v)
        assert rows[m]["gisd_score_01"] == pytest.approx((v - lo) / (hi - lo))
        assert rows[m]["population"] == {"A": 4000, "B": 1000, "C": 2000}[m]


# --------------------------------------------------------------------------------------------------
# bad input: clear message naming the indicator, no output written


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"INDICATORS": ["a", "const"], "DIRECTIONS": ""}, "'const' is constant"),
        ({"INDICATORS": ["a", "empty"], "DIRECTIONS": ""}, "'empty' has no values"),
        ({"WEIGHTS": "a=-1; b=1"}, "Indicator 'a': weight -1 is negative"),
        ({"WEIGHTS": "a=0; b=0"}, "sum to 0"),
        ({"DOMAINS": "d1: a, b; d2:"}, "Domain 'd2' has no indicator"),
        ({"DOMAINS": "d1: a; d2: b", "DOMAIN_WEIGHTS": "d1=1; d3=2"}, "Domain 'd3' has a weight but no indicator"),
        ({"DOMAINS": "d1: a; d2: b", "DOMAIN_WEIGHTS": "d1=0; d2=0"}, "sum to 0"),
        ({"DIRECTIONS": "b=sideways"}, "Indicator 'b': direction 'sideways' unknown"),
    ],
)
def test_bad_input_names_the_problem_and_writes_nothing(run_alg, units, tmp_path, extra, message):
    out = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run_alg("compositeindex", base_params(units, OUTPUT=str(out), **extra))
    assert message in str(err.value)
    assert not out.exists()
    assert not (tmp_path / "never.gpkg.method.json").exists()


def test_bad_input_berlin_constant_dynamics(run_alg, units, tmp_path):
    with pytest.raises(QgsProcessingException, match="'const' is constant"):
        run_alg(
            "compositeindex",
            {
                "INPUT": units,
                "PRESET": 1,
                "INDICATORS": ["a"],
                "DYNAMICS_FIELDS": ["const"],
                "OUTPUT": str(tmp_path / "x.gpkg"),
            },
        )
    assert not (tmp_path / "x.gpkg").exists()


def test_neutral_catalogue_indicator_needs_a_direction(run_alg, qgis_app):
    rows = [[f"k{i}", v, w] for i, (v, w) in enumerate([(10.0, 1.0), (20.0, 2.0), (30.0, 4.0)])]
    layer = make_layer([("key", "string"), ("anteil_65plus_2025", "double"), ("sgb2_quote_2025", "double")], rows)
    params = {
        "INPUT": layer,
        "INDICATORS": ["anteil_65plus_2025", "sgb2_quote_2025"],
        "CLASS_METHOD": 5,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    with pytest.raises(QgsProcessingException, match="'anteil_65plus_2025' is neutral"):
        run_alg("compositeindex", params)
    # overridden by the catalogue id: works, and the record says where each direction came from
    res = run_alg("compositeindex", dict(params, DIRECTIONS="anteil_65plus=higher_worse"))
    rec = json.loads(res["METHOD"])
    src = {i["field"]: i["direction_source"] for i in rec["indicators"]}
    assert src == {"anteil_65plus_2025": "given", "sgb2_quote_2025": "catalogue (sgb2_quote)"}


def test_cancel_writes_nothing(run_alg, units, tmp_path):
    fb = QgsProcessingFeedback()
    fb.cancel()
    out = tmp_path / "canceled.gpkg"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg("compositeindex", base_params(units, OUTPUT=str(out)), feedback=fb)
    assert not out.exists()


# --------------------------------------------------------------------------------------------------
# style, metadata, sidecar


def test_style_metadata_and_sidecar(run_alg, units, tmp_path):
    res = run_alg("compositeindex", base_params(units))
    layer = res["OUTPUT"]
    r = layer.renderer()
    assert isinstance(r, QgsGraduatedSymbolRenderer) and r.classAttribute() == "idx_class"
    assert [x.label() for x in r.ranges()] == ["geringerer Bedarf", "höherer Bedarf"]
    rec = json.loads(layer.metadata().abstract())
    assert rec["function"] == "compute_index" and rec["schema"] == "sozialplanung.index/1"

    out = tmp_path / "index.gpkg"
    res = run_alg("compositeindex", base_params(units, OUTPUT=str(out), POPULATION_FIELD="ew", MIN_RESIDENTS=300))
    side = tmp_path / "index.gpkg.method.json"
    assert res["SIDECAR"] == str(side) and side.exists()
    rec = json.loads(side.read_text(encoding="utf-8"))
    assert rec["params"]["indicators"][1] == {
        "field": "b",
        "direction": "higher_better",
        "domain": "index",
        "weight": None,
        "id": "b",
        "transform": None,
        "log_offset": 0.0,
        "goalposts": None,
        "reference_value": None,
    }
    assert rec["params"]["min_residents"] == 300 and rec["params"]["residents_field"] == "ew"
    assert rec["reference_statistics"]["a"]["mean"] == pytest.approx(3.0)
    assert rec["reference_statistics"]["a"]["sd"] == pytest.approx(statistics.pstdev(A))
    assert rec["plugin_version"] and rec["catalogue_version"]
    assert rec["algorithm"]["id"] == "sozialplanung:compositeindex"
    assert rec["classification"]["breaks"] == [0.0]
    # the record reruns the index exactly
    import pandas as pd

    from sozialplanung_plugin.core.index import rerun_from_record

    data = pd.DataFrame({"key": [f["key"] for f in units.getFeatures()], "a": A, "b": B, "ew": [500] * 4})
    again = rerun_from_record(rec, data)
    out_layer = QgsVectorLayer(str(out), "o", "ogr")
    assert [f["idx_value"] for f in out_layer.getFeatures()] == pytest.approx(list(again.frame["idx_value"]), abs=1e-6)
    # style beside the file and as default style inside the GeoPackage
    assert (tmp_path / "index.qml").exists() and res["STYLE"] == str(tmp_path / "index.qml")
    reloaded = QgsVectorLayer(str(out), "reloaded", "ogr")
    assert isinstance(reloaded.renderer(), QgsGraduatedSymbolRenderer)
    assert reloaded.renderer().classAttribute() == "idx_class"
    assert json.loads(reloaded.customProperty("sozialplanung/method"))["function"] == "compute_index"


def test_method_file_parameter(run_alg, units, tmp_path):
    side = tmp_path / "record.json"
    res = run_alg("compositeindex", base_params(units, METHOD_FILE=str(side)))
    assert res["SIDECAR"] == str(side)
    assert json.loads(side.read_text(encoding="utf-8"))["output"]["value_field"] == "idx_value"


# --------------------------------------------------------------------------------------------------
# actionfieldtypology

RULES = """
id: test_rules
reference: county
fields:
  - id: armut
    name: Armut
    min_conditions: 2
    conditions:
      - {indicator: sgb2_quote, op: ">", factor: 1.2}
      - {indicator: kinderarmut_sgb2_u15, op: ">", offset: 5, of: municipality}
  - id: alter
    name: Alter
    conditions:
      - {indicator: anteil_65plus, op: ">=", value: 25}
"""


@pytest.fixture
def spaces(qgis_app):
    cols = [
        ("key", "string"),
        ("sgb2_quote_2025", "double"),
        ("kinderarmut_sgb2_u15_2025", "double"),
        ("anteil_65plus_2025", "double"),
    ]
    rows = [
        ["05378004-01", 20.0, 30.0, 20.0],
        ["05378004-02", 5.0, 10.0, 25.0],
        ["05378008-01", 10.0, 20.0, 30.0],
        ["05378008-02", 5.0, 6.0, 10.0],
    ]
    return make_layer(cols, rows)


def test_typology_hand_computed(run_alg, spaces, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    res = run_alg(
        "actionfieldtypology",
        {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "RULES_FILE": str(rules),
            "YEAR": 2025,
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "LANGUAGE": 0,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": "TEMPORARY_OUTPUT",
        },
    )
    f = by_key(res["OUTPUT"])
    # county mean SGB II 10 -> threshold 12: only -01 (20). Municipality 05378004 child poverty mean 20 -> > 25:
    # -01 (30) yes; 05378008 mean 13 -> > 18: 08-01 (20) yes. armut needs both: only 05378004-01.
    assert [f[k]["hf_armut"] for k in sorted(f)] == [1, 0, 0, 0]
    assert [f[k]["hf_armut_n"] for k in sorted(f)] == [2, 0, 1, 0]
    assert [f[k]["hf_alter"] for k in sorted(f)] == [0, 1, 1, 0]
    assert [f[k]["hf_count"] for k in sorted(f)] == [1, 1, 1, 0]
    assert f["05378004-01"]["hf_fields"] == "Armut"
    assert res["SUMMARY"].splitlines() == [
        "Armut: 1 von 4 Sozialräumen mit Handlungsbedarf; in 1 von 2 Gemeinden",
        "Alter: 2 von 4 Sozialräumen mit Handlungsbedarf; in 2 von 2 Gemeinden",
    ]
    assert res["N_WITH_NEED"] == 3
    report = list(res["REPORT"].getFeatures())
    assert [(r["field"], r["units"], r["of_units"], r["municipalities"]) for r in report] == [
        ("armut", 1, 4, 1),
        ("alter", 2, 4, 2),
    ]
    r = res["OUTPUT"].renderer()
    assert isinstance(r, QgsGraduatedSymbolRenderer) and r.classAttribute() == "hf_count" and len(r.ranges()) == 3


def test_typology_missing_indicator_named(run_alg, spaces, tmp_path):
    out = tmp_path / "t.gpkg"
    with pytest.raises(QgsProcessingException, match="altersarmut_65plus"):
        run_alg("actionfieldtypology", {"INPUT": spaces, "YEAR": 2025, "OUTPUT": str(out)})
    assert not out.exists()


# --------------------------------------------------------------------------------------------------
# indexsensitivity


@pytest.fixture
def sens_layer(qgis_app):
    a = [1.0, 2.0, 3.0, 4.0, 10.0, 6.0]
    b = [2.0, 1.0, 5.0, 3.0, 9.0, 4.0]
    c = [2 * x + 1 for x in a]  # perfectly correlated with a: redundant
    rows = [[f"k{i}", a[i], b[i], c[i], 0.0 if i else 1.0] for i in range(6)]
    return (
        make_layer([("key", "string"), ("a", "double"), ("b", "double"), ("c", "double"), ("k", "double")], rows),
        a,
        b,
        c,
    )


def test_sensitivity_fixed_weights_is_stable_and_alpha(run_alg, sens_layer, tmp_path):
    layer, a, b, c = sens_layer
    res = run_alg(
        "indexsensitivity",
        {
            "INPUT": layer,
            "KEY_FIELD": "key",
            "INDICATORS": ["a", "b", "c"],
            "N_DRAWS": 50,
            "WEIGHT_MODE": 2,
            "NORMALISATIONS": [0],
            "AGGREGATIONS": [0],
            "N_CLASSES": 3,
            "OUTPUT": str(tmp_path / "s.gpkg"),
            "CORRELATION": "TEMPORARY_OUTPUT",
        },
    )
    out = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    za, zb, zc = zscores(a), zscores(b), zscores(c)
    score = [(x + y + z) / 3 for x, y, z in zip(za, zb, zc)]
    order = sorted(range(6), key=lambda i: -score[i])
    f = by_key(out)
    for rank, i in enumerate(order, 1):
        assert f[f"k{i}"]["mc_rank_base"] == rank
        assert f[f"k{i}"]["mc_rank_med"] == rank and f[f"k{i}"]["mc_rank_width"] == 0
        assert f[f"k{i}"]["mc_class_change"] == 0
        assert f[f"k{i}"]["mc_class_base"] == math.ceil(rank * 3 / 6)
    # standardised Cronbach alpha from the correlations: k r̄ / (1 + (k - 1) r̄)
    r_ab = statistics.correlation(a, b)
    r_bar = (r_ab + r_ab + 1.0) / 3
    alpha = 3 * r_bar / (1 + 2 * r_bar)
    assert res["CRONBACH_ALPHA"] == pytest.approx(alpha)
    rows = {r["indicator"]: r for r in res["CORRELATION"].getFeatures()}
    assert rows["a"]["r_b"] == pytest.approx(r_ab)
    assert rows["a"]["r_c"] == pytest.approx(1.0)
    assert "redundant with c" in rows["a"]["flags"]
    assert rows["b"]["cronbach_alpha"] == pytest.approx(alpha)
    assert res["N_FLAGGED_PAIRS"] == 1
    side = json.loads(open(res["SIDECAR"], encoding="utf-8").read())
    assert side["schema"] == "sozialplanung.sensitivity/1" and side["params"]["n_draws"] == 50
    assert side["diagnostics"]["cronbach_alpha"] == pytest.approx(alpha)


def test_sensitivity_dirichlet_reproducible(run_alg, sens_layer):
    layer = sens_layer[0]
    params = {
        "INPUT": layer,
        "KEY_FIELD": "key",
        "INDICATORS": ["a", "b"],
        "N_DRAWS": 200,
        "SEED": 7,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "CORRELATION": "TEMPORARY_OUTPUT",
    }
    one = [
        (f["mc_rank_med"], f["mc_rank_p05"], f["mc_rank_p95"])
        for f in run_alg("indexsensitivity", params)["OUTPUT"].getFeatures()
    ]
    two = [
        (f["mc_rank_med"], f["mc_rank_p05"], f["mc_rank_p95"])
        for f in run_alg("indexsensitivity", params)["OUTPUT"].getFeatures()
    ]
    assert one == two
    assert all(lo <= med <= hi for med, lo, hi in one)


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"INDICATORS": ["a", "k"]}, "'k'"),
        ({"WEIGHTS": "a=-2"}, "Indicator 'a': weight -2 is negative"),
        ({"DOMAINS": "x: a; y:"}, "Domain 'y' has no indicator"),
    ],
)
def test_sensitivity_bad_input(run_alg, sens_layer, tmp_path, extra, message):
    layer = sens_layer[0]
    # 'k' is 1 for one unit and 0 elsewhere; excluding that unit leaves it constant
    params = {"INPUT": layer, "INDICATORS": ["a", "b"], "EXCLUDE_FIELD": "k", "OUTPUT": str(tmp_path / "s.gpkg")}
    params.update(extra)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("indexsensitivity", params)
    assert message in str(err.value)
    assert not (tmp_path / "s.gpkg").exists()


# --------------------------------------------------------------------------------------------------
# qgis_process, one per algorithm


def test_qgis_process_compositeindex(qgis_process, units, tmp_path):
    src = write_gpkg(units, tmp_path / "units.gpkg")
    out = tmp_path / "idx.gpkg"
    res = qgis_process(
        "compositeindex",
        {
            "INPUT": src,
            "KEY_FIELD": "key",
            "INDICATORS": ["a", "b"],
            "DIRECTIONS": "b=higher_better",
            "CLASS_METHOD": 4,
            "BREAKS": "0",
            "OUTPUT": str(out),
        },
    )["results"]
    assert res["N_INDEXED"] == 4 and res["CLASS_FIELD"] == "idx_class"
    layer = QgsVectorLayer(str(out), "o", "ogr")
    za, zb = zscores(A), zscores(B, -1.0)
    assert [f["idx_value"] for f in layer.getFeatures()] == pytest.approx(
        [(x + y) / 2 for x, y in zip(za, zb)], abs=1e-6
    )  # 6 decimals in the file
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert (tmp_path / "idx.gpkg.method.json").exists()


def test_qgis_process_actionfieldtypology(qgis_process, spaces, tmp_path):
    src = write_gpkg(spaces, tmp_path / "spaces.gpkg")
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    res = qgis_process(
        "actionfieldtypology",
        {
            "INPUT": src,
            "RULES_FILE": str(rules),
            "YEAR": 2025,
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "OUTPUT": str(tmp_path / "typ.gpkg"),
            "REPORT": str(tmp_path / "typ_report.csv"),
        },
    )["results"]
    assert res["N_WITH_NEED"] == 3
    assert "Armut: 1 von 4" in res["SUMMARY"]
    assert "armut" in (tmp_path / "typ_report.csv").read_text(encoding="utf-8")


def test_qgis_process_indexsensitivity(qgis_process, sens_layer, tmp_path):
    src = write_gpkg(sens_layer[0], tmp_path / "sens.gpkg")
    res = qgis_process(
        "indexsensitivity",
        {
            "INPUT": src,
            "INDICATORS": ["a", "b", "c"],
            "N_DRAWS": 100,
            "OUTPUT": str(tmp_path / "mc.gpkg"),
            "CORRELATION": str(tmp_path / "corr.csv"),
        },
    )["results"]
    assert res["N_FLAGGED_PAIRS"] == 1
    assert 0 <= res["MEAN_CLASS_CHANGE"] <= 1
    assert (tmp_path / "mc.gpkg.method.json").exists()


# --------------------------------------------------------------------------------------------------
# the demo county: aggregateindicators -> Berlin MSS status/dynamics index and the Aachen typology

DEMO_STATUS = [
    "arbeitslose_anteil_2025",
    "langzeitarbeitslose_anteil_2025",
    "sgb2_quote_2025",
    "kinderarmut_sgb2_u15_2025",
]
DEMO_DYNAMICS = [f.replace("_2025", "_chg_2014_2025") for f in DEMO_STATUS]


@pytest.fixture(scope="module")
def demo_spaces(demo_indicators):
    """The demo county's social spaces, aggregated once per session (without disclosure control)."""
    return f"{demo_indicators(disclosure=False)}|layername=indicators_social_spaces"


def test_demo_county_status_dynamics_index(run_alg, demo_spaces, tmp_path):
    res = run_alg(
        "compositeindex",
        {
            "INPUT": demo_spaces,
            "KEY_FIELD": "key",
            "PRESET": 1,
            "INDICATORS": DEMO_STATUS,
            "DYNAMICS_FIELDS": DEMO_DYNAMICS,
            "POPULATION_FIELD": "einwohner_2025",
            "MIN_RESIDENTS": 300,
            "COMPARE": True,
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "OUTPUT": str(tmp_path / "mss.gpkg"),
        },
    )
    assert res["N_UNITS"] == 68 and res["N_CLASSIFIED"] == 68
    rec = json.loads(res["METHOD"])
    assert {i["direction_source"] for i in rec["indicators"]} == {
        "catalogue (arbeitslose_anteil)",
        "catalogue (langzeitarbeitslose_anteil)",
        "catalogue (sgb2_quote)",
        "catalogue (kinderarmut_sgb2_u15)",
    }
    layer = QgsVectorLayer(res["OUTPUT"], "mss", "ogr")
    si = [f["si_value"] for f in layer.getFeatures()]
    assert statistics.fmean(si) == pytest.approx(0, abs=1e-5) and statistics.pstdev(si) == pytest.approx(1, abs=1e-5)
    for f in layer.getFeatures():
        assert f["mss_class"] == 10 * berlin_class(f["si_value"]) + dyn_class(f["di_value"])
        # the pooled municipality reference equals the one written by the aggregation
        assert f["sgb2_quote_2025_ref_gem"] == pytest.approx(f["sgb2_quote_ref_mun_2025"], rel=1e-6)
        assert f["sgb2_quote_2025_ref_cty"] == pytest.approx(f["sgb2_quote_ref_county_2025"], rel=1e-6)


def test_demo_county_typology(run_alg, demo_spaces):
    res = run_alg(
        "actionfieldtypology",
        {
            "INPUT": demo_spaces,
            "KEY_FIELD": "key",
            "RULE_SET": 0,
            "YEAR": 2025,
            "FIELD_MAP": "altersarmut_65plus=grundsicherung_alter_2025",
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": "TEMPORARY_OUTPUT",
        },
    )
    lines = res["SUMMARY"].splitlines()
    assert len(lines) == 4 and all("von 68 Sozialräumen" in x and "von 8 Gemeinden" in x for x in lines)
    rec = json.loads(res["METHOD"])
    assert rec["references_used"]["armut: sgb2_quote > 1.2 x county"] == "field sgb2_quote_ref_county_2025"
    # recount one field by hand from the layer: SGB II, child poverty and unemployment above 1.2 x county
    feats = list(res["OUTPUT"].getFeatures())
    for f in feats:
        met = sum(
            f[f"{i}_2025"] > 1.2 * f[f"{i}_ref_county_2025"]
            for i in ("sgb2_quote", "kinderarmut_sgb2_u15", "arbeitslose_anteil")
        )
        assert f["hf_armut"] == int(met >= 2)
    assert res["N_WITH_NEED"] == sum(f["hf_count"] > 0 for f in feats)


def test_post_processor_styles_and_documents_the_loaded_layer(units, tmp_path):
    """Run as from the toolbox: the layer QGIS loads gets the style and the method record in its metadata."""
    import processing
    from qgis.core import QgsProject

    out = tmp_path / "loaded.gpkg"
    res = processing.runAndLoadResults("sozialplanung:compositeindex", base_params(units, OUTPUT=str(out)))
    try:
        layers = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(str(out))]
        assert len(layers) == 1, res
        layer = layers[0]
        assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
        assert layer.renderer().classAttribute() == "idx_class"
        assert json.loads(layer.metadata().abstract())["function"] == "compute_index"
        assert layer.attributeDisplayName(layer.fields().lookupField("idx_value")) == "Index value (higher = more need)"
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_a_method_record_that_cannot_be_written_leaves_no_tmp_file(tmp_path):
    """The record is written to '<path>.tmp' and renamed: a value that cannot be written left the '.tmp' behind."""
    from sozialplanung_plugin.processing._indices import write_json

    class Unwritable:
        def __str__(self):
            raise ValueError("no text")

    path = tmp_path / "index.gpkg.method.json"
    with pytest.raises(ValueError, match="no text"):
        write_json(str(path), {"function": "test", "value": Unwritable()})
    assert list(tmp_path.iterdir()) == []
    write_json(str(path), {"function": "test"})
    assert json.loads(path.read_text(encoding="utf-8")) == {"function": "test"} and list(tmp_path.iterdir()) == [path]
