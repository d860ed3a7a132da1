"""compositeindex presets (issue 19): the published method or a message saying what is missing, never a silently
different index; the typed tables give the same result as the old text form."""

import math

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from sozialplanung_plugin.core.index import IOD_WEIGHTS

from ..helpers import INDEX_A as A
from ..helpers import INDEX_B as B
from ..helpers import make_layer


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushWarning(self, text):  # noqa: N802
        self.lines.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):  # noqa: N802
        self.lines.append(text)
        super().pushInfo(text)


@pytest.fixture
def mss_layer(qgis_app):
    """Five spaces; status 2025 and changes 2014-2025; residents 2025 (space 5 has 250: below the MSS's 300)."""
    cols = [
        ("key", "string"),
        ("sgb2_quote_2025", "double"),
        ("kinderarmut_sgb2_u15_2025", "double"),
        ("sgb2_quote_chg_2014_2025", "double"),
        ("kinderarmut_sgb2_u15_chg_2014_2025", "double"),
        ("einwohner_2025", "int"),
    ]
    rows = [
        ["s1", 5.0, 8.0, -1.0, -2.0, 1200],
        ["s2", 10.0, 15.0, 0.5, 1.0, 900],
        ["s3", 20.0, 30.0, 2.0, 3.0, 2000],
        ["s4", 8.0, 12.0, 0.0, 0.5, 700],
        ["s5", 40.0, 50.0, 5.0, 6.0, 250],
    ]
    return make_layer(cols, rows)


def mss(run_alg, layer, **extra):
    params = {
        "INPUT": layer,
        "KEY_FIELD": "key",
        "PRESET": 1,
        "INDICATORS": ["sgb2_quote_2025", "kinderarmut_sgb2_u15_2025"],
        "DYNAMICS_FIELDS": ["sgb2_quote_chg_2014_2025", "kinderarmut_sgb2_u15_chg_2014_2025"],
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    log = Log()
    return run_alg("compositeindex", params, feedback=log), log


def test_mss_finds_the_residents_field_and_leaves_out_small_units(run_alg, mss_layer):
    res, log = mss(run_alg, mss_layer)
    feats = {f["key"]: f for f in res["OUTPUT"].getFeatures()}
    assert feats["s5"]["mss_flag"] == "excluded" and str(feats["s5"]["mss_class"]) in ("NULL", "None")
    assert res["N_EXCLUDED"] == 1 and res["N_CLASSIFIED"] == 4
    assert any("einwohner_2025" in line and "300" in line for line in log.lines), log.lines
    # the four valid units alone set mean and SD: s1 has the lowest SGB II quote -> status class 1 or 2, not 4
    assert feats["s1"]["si_class"] in (1, 2)


def test_mss_without_residents_says_what_is_missing(run_alg, qgis_app):
    layer = make_layer(
        [("key", "string"), ("sgb2_quote_2025", "double"), ("kinderarmut_sgb2_u15_2025", "double")],
        [["a", 1.0, 2.0], ["b", 2.0, 1.0], ["c", 3.0, 5.0]],
    )
    with pytest.raises(QgsProcessingException, match="needs the residents field"):
        run_alg(
            "compositeindex",
            {
                "INPUT": layer,
                "PRESET": 1,
                "INDICATORS": ["sgb2_quote_2025", "kinderarmut_sgb2_u15_2025"],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_minimum_residents_without_the_field_is_an_error(run_alg, units_ab):
    with pytest.raises(QgsProcessingException, match="needs the residents field"):
        run_alg(
            "compositeindex",
            {"INPUT": units_ab, "INDICATORS": ["a", "b"], "MIN_RESIDENTS": 250, "OUTPUT": "TEMPORARY_OUTPUT"},
        )


@pytest.fixture
def units_ab(qgis_app):
    rows = [[f"k{i}", A[i], B[i]] for i in range(4)]
    return make_layer([("key", "string"), ("a", "double"), ("b", "double")], rows)


def test_weights_table_equals_the_old_text_form(run_alg, units_ab):
    base = {
        "INPUT": units_ab,
        "INDICATORS": ["a", "b"],
        "HIGHER_BETTER": ["b"],
        "CLASS_METHOD": 5,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    table = run_alg("compositeindex", {**base, "WEIGHTS": ["a", "3", "b", "1"]})
    text = run_alg("compositeindex", {**base, "WEIGHTS": "a=3; b=1"})
    old_dir = run_alg(
        "compositeindex",
        {
            **{k: v for k, v in base.items() if k != "HIGHER_BETTER"},
            "DIRECTIONS": "b=higher_better",
            "WEIGHTS": "a=3; b=1",
        },
    )
    vals = [[f["idx_value"] for f in r["OUTPUT"].getFeatures()] for r in (table, text, old_dir)]
    assert vals[0] == pytest.approx(vals[1]) and vals[0] == pytest.approx(vals[2])
    # by hand: weights 3:1 of z(a) and -z(b) (population SD)
    za = [(x - sum(A) / 4) / math.sqrt(sum((y - sum(A) / 4) ** 2 for y in A) / 4) for x in A]
    zb = [-(x - sum(B) / 4) / math.sqrt(sum((y - sum(B) / 4) ** 2 for y in B) / 4) for x in B]
    assert vals[0] == pytest.approx([(3 * p + q) / 4 for p, q in zip(za, zb)])


def test_a_field_listed_better_and_worse_is_refused(run_alg, units_ab):
    with pytest.raises(QgsProcessingException, match="both as 'higher is better' and as 'higher is worse'"):
        run_alg(
            "compositeindex",
            {
                "INPUT": units_ab,
                "INDICATORS": ["a", "b"],
                "HIGHER_BETTER": ["b"],
                "HIGHER_WORSE": ["b"],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


# ------------------------------------------------------------------------------------------------ English IoD
IOD_FIELDS = ["income", "employment", "education", "health", "crime", "barriers", "living_environment"]


@pytest.fixture
def iod_layer(qgis_app):
    """Five areas, seven domain scores (higher = more deprived), all different orders."""
    scores = {
        "income": [0.30, 0.10, 0.20, 0.05, 0.25],
        "employment": [0.20, 0.15, 0.10, 0.05, 0.30],
        "education": [10.0, 40.0, 20.0, 5.0, 30.0],
        "health": [0.5, -1.0, 1.5, 0.0, 1.0],
        "crime": [-0.5, 0.5, 1.0, 0.0, 2.0],
        "barriers": [20.0, 30.0, 10.0, 40.0, 25.0],
        "living_environment": [30.0, 10.0, 20.0, 50.0, 40.0],
    }
    cols = [("key", "string")] + [(f"{d}_score", "double") for d in IOD_FIELDS] + [("income_rank", "double")]
    rows = [[f"e{i}"] + [scores[d][i] for d in IOD_FIELDS] + [float(i + 1)] for i in range(5)]
    return make_layer(cols, rows), scores


def iod_x(rank, n):
    r = (n + 1 - rank) / n
    return -23 * math.log(1 - r * (1 - math.exp(-100 / 23)))


def test_iod_uses_the_published_domain_weights(run_alg, iod_layer):
    """Score fields named after the seven domains, no weights given: the published IoD 2019 weights."""
    layer, scores = iod_layer
    log = Log()
    res = run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "KEY_FIELD": "key",
            "PRESET": 2,
            "INDICATORS": [f"{d}_score" for d in IOD_FIELDS],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback=log,
    )
    got = {f["key"]: f["iod_score"] for f in res["OUTPUT"].getFeatures()}
    total = sum(IOD_WEIGHTS.values())
    for i in range(5):
        expected = 0.0
        for d in IOD_FIELDS:
            vals = scores[d]
            rank = 1 + sum(v > vals[i] for v in vals)  # 1 = most deprived; no ties here
            expected += IOD_WEIGHTS[d] / total * iod_x(rank, 5)
        assert got[f"e{i}"] == pytest.approx(expected), (i, got)
    assert any("published domain weights" in line for line in log.lines)


def test_iod_with_domains_that_are_not_the_published_ones_says_so(run_alg, iod_layer):
    layer, _ = iod_layer
    with pytest.raises(QgsProcessingException, match="published weights"):
        run_alg(
            "compositeindex",
            {
                "INPUT": layer,
                "PRESET": 2,
                "INDICATORS": ["income_score", "health_score"],
                "DOMAINS": ["armut", "income_score", "gesund", "health_score"],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
    # own weights: runs, with a warning that it is not the published IoD
    log = Log()
    run_alg(
        "compositeindex",
        {
            "INPUT": layer,
            "PRESET": 2,
            "INDICATORS": ["income_score", "health_score"],
            "DOMAINS": ["armut", "income_score", "gesund", "health_score"],
            "DOMAIN_WEIGHTS": ["armut", "2", "gesund", "1"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback=log,
    )
    assert any("not the published IoD" in line for line in log.lines)


def test_a_rank_field_is_never_read_as_higher_worse_unless_told(run_alg, iod_layer):
    layer, _ = iod_layer
    params = {
        "INPUT": layer,
        "PRESET": 2,
        "INDICATORS": ["income_rank", "employment_score"],
        "DOMAINS": ["income", "income_rank", "employment", "employment_score"],
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    with pytest.raises(QgsProcessingException, match="looks like a rank"):
        run_alg("compositeindex", params)
    res = run_alg("compositeindex", {**params, "HIGHER_BETTER": ["income_rank"]})
    assert res["N_INDEXED"] == 5


# ------------------------------------------------------------------------------------------------ GISD
@pytest.fixture
def gisd_layer(qgis_app):
    cols = [("key", "string"), ("bildung", "double"), ("arbeit", "double"), ("einkommen", "double")]
    rows = [
        ["g1", 10.0, 5.0, 30000.0],
        ["g2", 20.0, 7.0, 25000.0],
        ["g3", 15.0, 9.0, 27000.0],
        ["g4", 30.0, 12.0, 20000.0],
        ["g5", 25.0, 8.0, 22000.0],
        ["g6", 12.0, 6.0, 32000.0],
    ]
    return make_layer(cols, rows)


def test_gisd_published_rule_fixed_loadings_and_rki_steps(run_alg, gisd_layer):
    import json

    base = {
        "INPUT": gisd_layer,
        "KEY_FIELD": "key",
        "PRESET": 3,
        "INDICATORS": ["bildung", "arbeit", "einkommen"],
        "HIGHER_BETTER": ["einkommen"],
        "DOMAINS": ["bildung", "bildung", "arbeit", "arbeit", "einkommen", "einkommen"],
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    log = Log()
    free = run_alg("compositeindex", base, feedback=log)
    rec = json.loads(free["METHOD"])
    assert rec["class_rule"] == {"quantile_type": 9, "closed": "left", "published": True}
    assert any("steps of the RKI not applied" in line and "imputation" in line for line in log.lines), log.lines
    # single-indicator dimensions: the coefficient 1 is a fresh PCA's too, so fixed loadings of 1 give the same
    fixed = run_alg("compositeindex", {**base, "GISD_LOADINGS": ["bildung", "1", "arbeit", "1", "einkommen", "-1"]})
    a = [f["gisd_score"] for f in free["OUTPUT"].getFeatures()]
    b = [f["gisd_score"] for f in fixed["OUTPUT"].getFeatures()]
    assert a == pytest.approx(b)
    assert json.loads(fixed["METHOD"])["pca"]["bildung"]["loadings_source"] == "given"
    other = run_alg("compositeindex", {**base, "GISD_CLASSES": 1})
    assert json.loads(other["METHOD"])["class_rule"]["quantile_type"] == 7


@pytest.mark.slow
def test_tables_and_fields_as_plain_text_in_qgis_process(qgis_process, qgis_app, tmp_path):
    """qgis_process: the weights table as 'field,weight,...', the direction lists as field names (repeated)."""
    from qgis.core import QgsVectorFileWriter

    layer = make_layer([("key", "string"), ("a", "double"), ("b", "double")], [[f"k{i}", A[i], B[i]] for i in range(4)])
    path = str(tmp_path / "units.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    assert write(layer, path, layer.transformContext(), opts)[0] == QgsVectorFileWriter.WriterError.NoError
    res = qgis_process(
        "compositeindex",
        {
            "INPUT": path,
            "INDICATORS": ["a", "b"],
            "HIGHER_BETTER": "b",
            "WEIGHTS": "a,3,b,1",
            "CLASS_METHOD": 5,
            "OUTPUT": str(tmp_path / "idx.gpkg"),
        },
    )
    rec = __import__("json").loads(res["results"]["METHOD"])
    weights = {s["field"]: s["weight"] for s in rec["indicators"]}
    assert weights == {"a": 3.0, "b": 1.0}
    assert {s["field"]: s["direction"] for s in rec["indicators"]}["b"] == "higher_better"


def test_batch_dialog_shows_the_plain_text_form(qtbot, qgis_app):
    """In batch mode the picker widgets are plain text boxes (field names, ids), as documented."""
    import sys

    from qgis.core import QgsApplication

    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from qgis.PyQt.QtWidgets import QLineEdit

    from sozialplanung_plugin.ui.parameter_widgets import IndicatorFieldWrapper, IndicatorIdsWrapper

    for alg_id in ("compositeindex", "aggregateindicators"):
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"sozialplanung:{alg_id}")
        dialog = BatchAlgorithmDialog(alg)
        dialog.show()
        ours = [
            w
            for row in dialog.mainWidget().wrappers
            for w in row
            if isinstance(w, (IndicatorFieldWrapper, IndicatorIdsWrapper))
        ]
        assert ours and all(isinstance(w.widget, QLineEdit) for w in ours), alg_id
        ours[0].setValue(["a", "b"] if alg_id == "compositeindex" else "sgb2_quote,einwohner")
        assert ours[0].value() == (["a", "b"] if alg_id == "compositeindex" else "sgb2_quote,einwohner")
        dialog.close()
