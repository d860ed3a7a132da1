"""core.facilities: the facility types file, supply per area, reach per area, 2SFCA and gaps, by hand."""

import datetime as dt
import json
import math

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import facilities as fac
from sozialplanung_plugin.core.errors import InputError


@pytest.fixture(scope="module")
def types():
    return fac.load_facility_types()


# --------------------------------------------------------------------------------------------------------
# the facility types file
# --------------------------------------------------------------------------------------------------------
def test_default_file_has_the_eight_types(types):
    for tid in ("kita", "grundschule", "jugendzentrum", "seniorentreff", "beratungsstelle", "hausarzt"):
        assert tid in types.types
    assert {"haltestelle", "lebensmittel"} <= set(types.types)
    kita = types.types["kita"]
    assert (kita.target, kita.per, kita.threshold_m) == ("ew_u6", 1000, 500)
    assert types.types["grundschule"].threshold("distance") == 1000
    assert types.types["hausarzt"].threshold("time") == 15
    assert kita.catchment("distance") == 1500
    assert types.speeds_kmh["residential"] == 30 and types.speeds_kmh["footway"] == 0


def test_default_file_matches_the_json_schema():
    import jsonschema

    from sozialplanung_plugin.core.catalogue import safe_yaml_load

    schema = json.loads(fac.SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    data = safe_yaml_load(fac.DEFAULT_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(data)
    # what the loader rejects, the schema rejects too
    bad = dict(data, types={"kita": {"name": "Kita", "target": "ew_u6", "per": 1000, "threshold_m": -5}})
    assert list(jsonschema.Draft7Validator(schema).iter_errors(bad))
    with pytest.raises(InputError, match="threshold_m"):
        fac.load_facility_types(bad)


def _mini(**type_changes):
    t = {"name": "Kita", "target": "kids", "per": 1000, "threshold_m": 500}
    t.update(type_changes)
    return {"target_groups": {"kids": {"label": "Kinder", "variables": ["ew_u6"]}}, "types": {"kita": t}}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"target": "babies"}, "target group 'babies'"),
        ({"threshold_m": None}, "lacks 'threshold_m'"),
        ({"radius": 3}, "unknown key"),
        ({"per": "tausend"}, "'per' must be a number"),
    ],
)
def test_bad_facility_types_are_clear_errors(change, message):
    data = _mini(**change)
    data["types"]["kita"] = {k: v for k, v in data["types"]["kita"].items() if v is not None}
    with pytest.raises(InputError, match=message):
        fac.load_facility_types(data)


def test_bad_type_id_and_file(tmp_path):
    data = _mini()
    data["types"] = {"Kita-Plätze": data["types"]["kita"]}
    with pytest.raises(InputError, match="lowercase"):
        fac.load_facility_types(data)
    p = tmp_path / "f.yaml"
    p.write_text("types: [unclosed", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        fac.load_facility_types(p)
    with pytest.raises(InputError, match="does not exist"):
        fac.load_facility_types(tmp_path / "none.yaml")


def test_type_values_resolve_through_aliases(types):
    ids = types.resolve(["Kita", "KITA", "Kindergarten", "Hausärztin", "hausarzt", "ÖPNV-Haltestelle", "Supermarkt"])
    assert ids.tolist() == ["kita", "kita", "kita", "hausarzt", "hausarzt", "haltestelle", "lebensmittel"]


def test_type_not_in_the_file_is_a_clear_error(types):
    with pytest.raises(InputError) as err:
        types.resolve(["Kita", "Schwimmbad", None, "Schwimmbad"], field_name="art", feature_ids=[11, 12, 13, 14])
    msg = str(err.value)
    assert "'art'" in msg and "'Schwimmbad' (feature 12, 14)" in msg and "'' (feature 13)" in msg
    assert "kita (Kita)" in msg  # the known types are listed


# --------------------------------------------------------------------------------------------------------
# facility attributes
# --------------------------------------------------------------------------------------------------------
def test_capacity_numbers():
    got = fac.parse_capacity([25, "1.250", "12,5", "40", None, "", 3.5, "0"])
    assert got[:4].tolist() == [25, 1250, 12.5, 40]
    assert math.isnan(got[4]) and math.isnan(got[5])
    assert got[6:].tolist() == [3.5, 0]


@pytest.mark.parametrize("text", ["25 Plätze", "ca. 30", "viele", "-4", "12 %"])
def test_capacity_text_is_a_clear_error(text):
    with pytest.raises(InputError) as err:
        fac.parse_capacity([10, text], field_name="plaetze", feature_ids=[7, 8])
    assert "'plaetze'" in str(err.value) and "feature 8" in str(err.value) and repr(text) in str(err.value)


def test_open_on_reference_date():
    ref = dt.date(2025, 12, 31)
    opened = ["2020-08-01", None, "01.01.2026", 2025, "2019"]
    closed = [None, "2025-06-30", None, None, "31.12.2025"]
    assert fac.open_on(opened, closed, ref).tolist() == [True, False, False, True, False]
    with pytest.raises(InputError, match="Facility 2: 'next year' is no opening date"):
        fac.open_on([None, "next year"], [None, None], ref)


# --------------------------------------------------------------------------------------------------------
# target groups, supply per area
# --------------------------------------------------------------------------------------------------------
def test_target_groups_exact_and_estimated(types):
    values = pd.DataFrame({"ew": [1000.0, 500.0], "ew_u15": [150.0, 30.0], "ew_65plus": [200.0, 100.0]})
    tg, notes = fac.target_populations(values, types, ["ew", "ew_u6", "ew_6_10", "ew_65plus"])
    assert tg["ew_u6"].tolist() == pytest.approx([60.0, 12.0])  # 0.4 x under 15
    assert tg["ew_6_10"].tolist() == pytest.approx([150 * 0.2667, 30 * 0.2667])
    assert notes["ew"] == "" and "unter 15" in notes["ew_u6"]
    values["ew_u6"] = [55.0, 10.0]
    tg, notes = fac.target_populations(values, types, ["ew_u6"])
    assert tg["ew_u6"].tolist() == [55.0, 10.0] and notes["ew_u6"] == ""
    with pytest.raises(InputError, match="ew_15_25"):
        fac.target_populations(values, types, ["ew_15_25"])


def test_supply_per_space_and_references(types):
    # spaces A, B, C; Kitas: two in A (50 and 70 places), one in B without capacity; a GP in C (2.5 doctors)
    units = ["A", "B", "C"]
    n, c, m = fac.supply_counts(
        ["A", "A", "B", "C", "X"],
        ["kita", "kita", "kita", "hausarzt", "kita"],
        [50, 70, np.nan, 2.5, 99],
        units,
        ["kita", "hausarzt"],
    )
    assert n.loc["A", "kita"] == 2 and c.loc["A", "kita"] == 120 and m.loc["B", "kita"] == 1
    targets = pd.DataFrame({"ew_u6": [200.0, 100.0, 0.0], "ew": [3000.0, 1500.0, 4000.0]}, index=units)
    out = fac.supply_indicators(n, c, m, targets, types)
    assert out.loc["A", "versorgung_kita"] == pytest.approx(120 / 200 * 1000)  # 600 places per 1,000 under 6
    assert out.loc["A", "versorgung_kita_flag"] == ""
    assert out.loc["B", "versorgung_kita"] == 0 and out.loc["B", "versorgung_kita_flag"] == "incomplete"
    assert np.isnan(out.loc["C", "versorgung_kita"]) and out.loc["C", "versorgung_kita_flag"] == "no_denominator"
    assert out.loc["C", "versorgung_hausarzt"] == pytest.approx(2.5 / 4000 * 10000)  # 6.25 per 10,000
    assert out.loc["B", "kapazitaet_kita_flag"] == "incomplete"
    # the county from the summed counts (never averaged rates)
    county = fac.supply_indicators(
        n.sum().to_frame("K").T, c.sum().to_frame("K").T, m.sum().to_frame("K").T, targets.sum().to_frame("K").T, types
    )
    assert county.loc["K", "versorgung_kita"] == pytest.approx(120 / 300 * 1000)
    ids = fac.supply_indicator_ids(["kita", "hausarzt"])
    ref = fac.references(out, ids, county=county)
    assert ref.loc["A", "versorgung_kita_ref_county"] == pytest.approx(400)
    assert ref.loc["A", "versorgung_kita_dev_county"] == pytest.approx(200)
    assert ref.loc["A", "versorgung_kita_ratio_county"] == pytest.approx(1.5)
    # without a capacity field: facilities per base
    out = fac.supply_indicators(n, c, m, targets, types, use_capacity=False)
    assert out.loc["A", "versorgung_kita"] == pytest.approx(2 / 200 * 1000)
    assert "kapazitaet_kita" not in out.columns and out.loc["B", "versorgung_kita_flag"] == ""


# --------------------------------------------------------------------------------------------------------
# reach per area
# --------------------------------------------------------------------------------------------------------
def test_weighted_quantile_by_hand():
    # group 0: values 1,2,3,4 with weights 1,1,1,7 -> 90 % of 10 is reached at 4; group 1: 10 (w 9), 20 (w 1)
    g = [0, 0, 0, 0, 1, 1, 2]
    v = [3, 1, 4, 2, 20, 10, np.nan]
    w = [1, 1, 7, 1, 1, 9, 5]
    got = fac.weighted_quantile(g, v, w, 0.9, 4)
    assert got[:2].tolist() == [4, 10] and np.isnan(got[2]) and np.isnan(got[3])
    assert fac.weighted_quantile(g, v, w, 0.5, 2).tolist() == [4, 10]
    assert fac.weighted_quantile([0, 0], [5, 7], [1, 1], 0.5, 1).tolist() == [5]


def test_access_per_space_by_hand():
    # space 0: 100 children at 300 m, 50 at 700 m; space 1: 20 at 200 m, 30 not on the network
    codes = [0, 0, 1, 1, -1]
    cost = [300.0, 700.0, 200.0, np.nan, 50.0]
    persons = [100.0, 50.0, 20.0, 30.0, 999.0]
    a = fac.access_indicators(codes, 2, cost, persons, "kita", 500.0, "distance")
    assert a["distanz_kita"].tolist() == pytest.approx([(100 * 300 + 50 * 700) / 150, 200])
    assert a["distanz_kita_flag"].tolist() == ["", "incomplete"]
    assert a["distanz_p90_kita"].tolist() == [700, 200]
    assert a["erreichbar_kita"].tolist() == pytest.approx([100 / 150 * 100, 20 / 50 * 100])
    assert a["erreichbar_kita_num"].tolist() == [100, 20] and a["erreichbar_kita_den"].tolist() == [150, 50]
    assert a["ausserhalb_kita"].tolist() == [50, 30]
    t = fac.access_indicators(codes, 2, cost, persons, "hausarzt", 500.0, "time")
    assert "zeit_hausarzt" in t and "zeit_p90_hausarzt" in t


# --------------------------------------------------------------------------------------------------------
# two-step floating catchment
# --------------------------------------------------------------------------------------------------------
def test_2sfca_by_hand_without_decay():
    # origins P = 100, 300; facilities S = 10, 20; pairs (o, f, d): (0,0,100) (1,0,200) (1,1,100); catchment 300
    o, f, d = [0, 1, 1], [0, 0, 1], [100.0, 200.0, 100.0]
    a, r = fac.two_step_fca(o, f, d, [100.0, 300.0], [10.0, 20.0], 300.0)
    r1, r2 = 10 / (100 + 300), 20 / 300
    assert r.tolist() == pytest.approx([r1, r2])
    assert a.tolist() == pytest.approx([r1, r1 + r2])
    # a pair beyond the catchment does not count
    a2, _ = fac.two_step_fca([0, 1, 1, 0], [0, 0, 1, 1], [100.0, 200.0, 100.0, 301.0], [100, 300], [10, 20], 300.0)
    assert a2.tolist() == pytest.approx(a.tolist())


def test_2sfca_by_hand_with_gaussian_decay():
    o, f, d = [0, 1, 1], [0, 0, 1], [100.0, 200.0, 100.0]
    a, r = fac.two_step_fca(o, f, d, [100.0, 300.0], [10.0, 20.0], 300.0, decay="gaussian")
    w100, w200 = math.exp(-(100**2) / (2 * 150**2)), math.exp(-(200**2) / (2 * 150**2))
    r1 = 10 / (100 * w100 + 300 * w200)
    r2 = 20 / (300 * w100)
    assert r.tolist() == pytest.approx([r1, r2])
    assert a.tolist() == pytest.approx([r1 * w100, r1 * w200 + r2 * w100])
    lin = fac.decay_weights([0, 150, 300, 301], 300, "linear")
    assert lin.tolist() == [1, 0.5, 0, 0]
    with pytest.raises(InputError, match="decay"):
        fac.decay_weights([1], 300, "cubic")


def test_fca_per_space():
    v = fac.fca_indicator([0, 0, 1], 2, np.array([0.025, 0.0917, 0.0]), [100, 300, 0], "kita", 1000)
    assert v["fca_kita"][0] == pytest.approx((100 * 0.025 + 300 * 0.0917) / 400 * 1000)
    assert np.isnan(v["fca_kita"][1]) and v["fca_kita_flag"][1] == "no_denominator"


# --------------------------------------------------------------------------------------------------------
# gaps
# --------------------------------------------------------------------------------------------------------
def test_gap_classes_and_summary(types):
    need = [1, 1, 0, 0, 1, np.nan]
    poor = [1, 0, 1, 0, np.nan, 1]
    cls = fac.gap_classes(need, poor)
    assert cls.tolist() == [3, 1, 2, 0, -1, 2]
    text, nums = fac.gap_summary(
        types.types["kita"],
        "Kinder unter 6 Jahren",
        cls,
        [1234.4, 10, 300, 0, 5, 20],
        ["A", "A", "B", "C", "C", "D"],
    )
    assert nums["spaces_gap"] == 1 and nums["spaces"] == 5 and nums["spaces_need"] == 2
    assert nums["municipalities_gap"] == 1 and nums["municipalities"] == 4
    assert text == (
        "Kita: 1 von 5 Sozialräumen mit hohem Bedarf und schlechter Erreichbarkeit (2 mit hohem Bedarf); "
        "in 1 von 4 Gemeinden. 1.564 Kinder unter 6 Jahren wohnen außerhalb von 500 m Weg "
        "(davon 1.244 in Sozialräumen mit hohem Bedarf)."
    )
