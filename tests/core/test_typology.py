"""Action-field typology on a 6-unit example computed by hand."""

import json

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import typology as ty
from sozialplanung_plugin.core.errors import InputError

RULES = {
    "id": "test",
    "fields": [
        {
            "id": "armut",
            "name": "Armut",
            "min_conditions": 2,
            "conditions": [
                {"indicator": "sgb2_quote", "op": ">", "factor": 1.2, "of": "county"},
                {"indicator": "kinderarmut", "op": ">", "factor": 1.2},
                {"indicator": "alo", "op": ">", "value": 8},
            ],
        },
        {
            "id": "gemeinde",
            "name": "Über Gemeinde",
            "conditions": [
                {"indicator": "sgb2_quote", "op": ">", "factor": 1.0, "of": "municipality"},
            ],
        },
    ],
}


@pytest.fixture
def df():
    return pd.DataFrame(
        {
            "key": ["s1", "s2", "s3", "s4", "s5", "s6"],
            "gem": ["m1", "m1", "m1", "m2", "m2", "m2"],
            "sgb2_quote_2025": [10.0, 20, 30, 5, 12, 3],
            "kinderarmut_2025": [20.0, 40, 10, 10, 30, 10],
            "alo_2025": [9.0, 5, 9, 2, 9, 1],
        }
    )


def test_rules_by_hand(df):
    r = ty.evaluate_typology(df, RULES, year=2025, municipality_field="gem", key="key")
    f = r.frame
    # sgb2: county mean 80/6 = 13.33 -> threshold 16 -> met s2, s3
    # kinderarmut: mean 20 -> threshold 24 -> met s2, s5 ; alo > 8 -> met s1, s3, s5
    # conditions met: 1, 2, 2, 0, 2, 0 -> at least 2 -> s2, s3, s5
    assert f["hf_armut_n"].tolist() == [1, 2, 2, 0, 2, 0]
    assert f["hf_armut"].tolist() == [0, 1, 1, 0, 1, 0]
    # municipality means: m1 = 20, m2 = 6.67 -> sgb2 above its own municipality: s3 (30), s5 (12)
    assert f["hf_gemeinde"].tolist() == [0, 0, 1, 0, 1, 0]
    assert f["hf_count"].tolist() == [0, 1, 2, 0, 2, 0]
    assert f["hf_fields"].iloc[2] == "Armut; Über Gemeinde"
    assert r.summary[0] == {
        "field": "armut",
        "name": "Armut",
        "units": 3,
        "of_units": 6,
        "municipalities": 2,
        "of_municipalities": 2,
    }
    assert r.summary_text.splitlines()[0] == "Armut: 3 von 6 Sozialräumen mit Handlungsbedarf; in 2 von 2 Gemeinden"
    en = ty.evaluate_typology(df, RULES, year=2025, municipality_field="gem", language="en")
    assert en.summary_text.splitlines()[1] == "Über Gemeinde: 2 of 6 social spaces with need; in 2 of 2 municipalities"
    json.dumps(r.record)
    again = ty.rerun_typology(json.loads(json.dumps(r.record)), df)
    pd.testing.assert_frame_equal(again.frame, f)


def test_missing_value_marks_incomplete(df):
    d = df.copy()
    d.loc[0, "kinderarmut_2025"] = np.nan  # mean of the others is still 20 -> threshold 24
    f = ty.evaluate_typology(d, RULES, year=2025, municipality_field="gem").frame
    # s1: sgb2 no, kinderarmut unknown, alo yes -> 1 met + 1 unknown could reach 2 -> incomplete
    assert f["hf_armut"].iloc[0] == 0 and f["hf_incomplete"].iloc[0] == "armut"
    assert f["hf_incomplete"].iloc[3] == ""


def test_pooled_reference_from_denominator(df):
    rules = {"fields": [{"id": "a", "conditions": [{"indicator": "sgb2_quote", "op": ">", "factor": 1.2}]}]}
    d = df.assign(sgb2_quote_den_2025=[100, 100, 100, 1000, 100, 100])
    # pooled rate = (1000 + 2000 + 3000 + 5000 + 1200 + 300) / 1500 = 8.333 -> threshold 10 (10 itself not >)
    r = ty.evaluate_typology(d, rules, year=2025)
    assert r.frame["hf_a"].tolist() == [0, 1, 1, 0, 1, 0]
    assert "pooled" in list(r.record["references_used"].values())[0]
    # a reference column written by the aggregation wins over pooling; given values win over both
    d2 = d.assign(sgb2_quote_ref_county_2025=25.0)  # threshold 30 -> nobody (30 is not > 30)
    assert ty.evaluate_typology(d2, rules, year=2025).frame["hf_a"].sum() == 0
    d3 = ty.evaluate_typology(d2, rules, year=2025, county_values={"sgb2_quote": 5.0})  # threshold 6
    assert d3.frame["hf_a"].tolist() == [1, 1, 1, 0, 1, 0]


def test_offset_and_quantile(df):
    rules = {
        "fields": [
            {"id": "o", "conditions": [{"indicator": "alo", "op": ">=", "offset": 2, "of": "county"}]},
            {"id": "q", "conditions": [{"indicator": "alo", "op": ">", "quantile": 0.5}]},
        ]
    }
    f = ty.evaluate_typology(df, rules, year=2025).frame
    # alo mean 35/6 = 5.833 + 2 = 7.833 -> 9, 9, 9 ; median of 9,5,9,2,9,1 = 7 -> 9, 9, 9
    assert f["hf_o"].tolist() == [1, 0, 1, 0, 1, 0]
    assert f["hf_q"].tolist() == [1, 0, 1, 0, 1, 0]


def test_missing_field_and_bad_rules(df):
    with pytest.raises(InputError, match="kinderarmut"):
        ty.evaluate_typology(df.drop(columns="kinderarmut_2025"), RULES, year=2025, municipality_field="gem")
    r = ty.evaluate_typology(
        df.drop(columns="kinderarmut_2025"), RULES, year=2025, municipality_field="gem", skip_missing=True
    )
    # min_conditions 2 of the 2 remaining: sgb2 (s2, s3) and alo (s1, s3, s5) -> only s3
    assert r.warnings and r.frame["hf_armut"].tolist() == [0, 0, 1, 0, 0, 0]
    with pytest.raises(InputError, match="municipality"):
        ty.evaluate_typology(df, RULES, year=2025)
    bad = {"fields": [{"id": "x", "conditions": [{"indicator": "a", "op": "=>", "factor": 1}]}]}
    with pytest.raises(InputError, match="field 'x', condition 1: op"):
        ty.load_rules(bad)
    bad = {"fields": [{"id": "x", "min_conditions": 3, "conditions": [{"indicator": "a", "op": ">", "value": 1}]}]}
    with pytest.raises(InputError, match="min_conditions"):
        ty.load_rules(bad)
    bad = {"fields": [{"id": "x", "conditions": [{"indicator": "a", "op": ">", "value": 1, "factor": 2}]}]}
    with pytest.raises(InputError, match="exactly one"):
        ty.load_rules(bad)


def test_shipped_rule_set_loads():
    assert "staedteregion_aachen" in ty.list_rule_sets()
    rules = ty.load_rules("staedteregion_aachen")
    assert [f["id"] for f in rules["fields"]] == ["armut", "alter", "familie", "integration"]
    assert ty.condition_text(rules["fields"][0]["conditions"][0]) == "sgb2_quote > 1.2 x county"


def test_action_field_label_from_catalogue_or_rule_set():
    from sozialplanung_plugin.core.catalogue import default_catalogue
    from sozialplanung_plugin.core.typology import action_field_label

    cat = default_catalogue()
    assert action_field_label("armut", cat) == "Armut und soziale Lage"  # the catalogue's words
    # ids of the shipped Aachen rule set that the catalogue does not list: the rule set's name
    assert action_field_label("alter", cat) == "Alterung bei geringer Dichte und Altersarmut"
    assert action_field_label("familie", None) == "Risiken für Kinder und Familien"
    assert action_field_label("unbekannt", cat) == "unbekannt"
