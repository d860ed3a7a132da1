"""The contracts module: field names, years, flags, keys, plain values and German numbers."""

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import fields as F

IDS = {"sgb2_quote", "ew", "alo_u25", "kinderarmut_sgb2_u15", "dichte_ew"}


# ------------------------------------------------------------------------------------------------ years
@pytest.mark.parametrize(
    ("value", "expected"),
    [(1900, True), (2099, True), (1899, False), (2100, False), ("2014", True), (" 2014 ", True), ("20140", False)]
    + [(2014.0, True), (True, False), ("abcd", False), (None, False)],
)
def test_year_rule(value, expected):
    assert F.is_year(value) is expected


def test_years_in_text():
    assert F.years_in("bloecke_2014.csv") == [2014]
    assert F.years_in("2009-2014, 2014–2025") == [2009, 2014, 2014, 2025]
    assert F.years_in("stand_20141231.csv") == []  # not taken out of a longer digit run
    assert F.years_in("k1899_2100") == []  # outside 1900-2099
    assert F.years_in(None) == []


# ------------------------------------------------------------------------------------------------ flags
def test_flag_vocabulary_is_one_set():
    assert F.INDICATOR_FLAGS[0] == "" and len(set(F.INDICATOR_FLAGS)) == 7
    assert set(F.STORE_FLAGS) <= set(F.FLAGS)
    assert set(F.INDICATOR_FLAGS[1:]) <= set(F.FLAGS) and "" not in F.FLAGS
    # the store's bit order is part of its file format
    assert F.STORE_FLAGS == ("suppressed", "unreliable", "estimated", "interpolated")
    assert F.BLOCKING_FLAGS == {"suppressed", "missing", "not_applicable", "no_denominator"}
    assert F.split_flags("suppressed, estimated") == ["suppressed", "estimated"]
    assert F.split_flags(None) == [] and F.split_flags(float("nan")) == [] and F.split_flags("") == []


def test_flag_vocabulary_is_the_store_s():
    from sozialplanung_plugin.core import store

    assert store.FLAGS == F.STORE_FLAGS


# ------------------------------------------------------------------------------------------------ field names
def test_build_field_names():
    assert F.field_name("sgb2_quote") == "sgb2_quote"
    assert F.field_name("sgb2_quote", "", 2025) == "sgb2_quote_2025"
    assert F.field_name("sgb2_quote", "num", 2025) == "sgb2_quote_num_2025"
    assert F.field_name("sgb2_quote", "ref_county") == "sgb2_quote_ref_county"
    assert F.change_field("ew", "chg", 2009, 2014) == "ew_chg_2009_2014"
    assert F.change_field("ew", "chg_flag", previous=True) == "ew_chg_flag_prev"
    assert F.period_suffix(2009, 2014) == "_2009_2014"
    with pytest.raises(ValueError):
        F.change_field("ew", "num", 2009, 2014)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sgb2_quote", ("sgb2_quote", "", None, None, False)),
        ("sgb2_quote_2025", ("sgb2_quote", "", 2025, None, False)),
        ("sgb2_quote_num_2025", ("sgb2_quote", "num", 2025, None, False)),
        ("sgb2_quote_flag", ("sgb2_quote", "flag", None, None, False)),
        ("sgb2_quote_ref_county_2024", ("sgb2_quote", "ref_county", 2024, None, False)),
        ("sgb2_quote_ratio_mun_2024", ("sgb2_quote", "ratio_mun", 2024, None, False)),
        ("sgb2_quote_chg_2009_2025", ("sgb2_quote", "chg", 2009, 2025, False)),
        ("sgb2_quote_pct_2009_2025", ("sgb2_quote", "pct", 2009, 2025, False)),
        ("sgb2_quote_chg_flag_2009_2025", ("sgb2_quote", "chg_flag", 2009, 2025, False)),
        ("sgb2_quote_chg_flag_prev", ("sgb2_quote", "chg_flag", None, None, True)),
        ("alo_u25_den_2014", ("alo_u25", "den", 2014, None, False)),
    ],
)
def test_parse_field_round_trip(name, expected):
    for ids in (None, IDS):
        f = F.parse_field(name, ids)
        assert (f.id, f.part, f.year, f.year_to, f.previous) == expected
        assert str(f) == name


def test_parse_field_with_ids_is_exact():
    assert F.parse_field("unknown_2025", IDS) is None
    assert F.parse_field("unknown_num_2025", IDS) is None
    assert F.parse_field("key", IDS) is None and F.parse_field("key").id == "key"
    # an id ending like a part is a value when it is a known id
    assert F.parse_field("dichte_ew_2025", IDS) == F.FieldName("dichte_ew", "", 2025)
    assert F.parse_field("x_den", {"x_den", "x"}) == F.FieldName("x_den")
    # a year outside the rule is part of the id
    assert F.parse_field("ew_1850") == F.FieldName("ew_1850")
    # two years without a change part: the last one is the year
    assert F.parse_field("ew_2009_2014") == F.FieldName("ew_2009", "", 2014)


def test_split_year_and_flag_field():
    assert F.split_year("kinderarmut_sgb2_u15_2025") == ("kinderarmut_sgb2_u15", 2025)
    assert F.split_year("index_class") == ("index_class", None)
    assert F.split_year("x_2100") == ("x_2100", None)
    assert F.flag_field("sgb2_quote_2024") == "sgb2_quote_flag_2024"
    assert F.flag_field("idx") == "idx_flag"


def test_indicator_of_value_and_change_fields_only():
    assert F.indicator_of("sgb2_quote", IDS) == "sgb2_quote"
    assert F.indicator_of("sgb2_quote_2025", IDS) == "sgb2_quote"
    assert F.indicator_of("sgb2_quote_chg_2014_2025", IDS) == "sgb2_quote"
    assert F.indicator_of("sgb2_quote_pct_2014_2025", IDS) == "sgb2_quote"
    for name in ("sgb2_quote_num_2025", "sgb2_quote_flag_2025", "sgb2_quote_chg_flag_2014_2025", "other_2025"):
        assert F.indicator_of(name, IDS) is None, name


def test_store_field():
    assert F.store_field("ew_2025", IDS) == ("ew", "", 2025)
    assert F.store_field("ew_flag_2025", IDS) == ("ew", "flag", 2025)
    assert F.store_field("ew_num", IDS) == ("ew", "num", None)
    assert F.store_field("ew", IDS) == ("ew", "", None)
    for name in ("ew_ref_county_2025", "ew_chg_2009_2025", "other_2025", "ew_2025_x"):
        assert F.store_field(name, IDS) is None, name


# ------------------------------------------------------------------------------------------------ keys, values
@pytest.mark.parametrize(
    ("value", "expected"),
    [("053780040012", "053780040012"), (" 05378004 ", "05378004"), (5378004.0, "5378004"), (12, "12")]
    + [(None, None), (float("nan"), None), ("  ", None), (np.float64("nan"), None), (pd.NA, None), (2.5, "2.5")],
)
def test_key_text(value, expected):
    assert F.key_text(value) == expected


def test_key_texts_and_padding():
    assert F.key_texts([" a", "b "]) == ["a", "b"]
    assert F.key_texts([1.0, None, "x"]) == ["1", None, "x"]
    assert F.pad_key("5378004", 8) == "05378004"
    assert F.pad_key("05378004", 8) == "05378004"
    assert F.pad_key("53A", 8) == "53A"
    assert F.KEY_WIDTHS["ags"] == 8 and F.KEY_WIDTHS["ars"] == 12 and F.KEY_WIDTHS["blocknummer"] == 12


def test_match_keys_report():
    r = F.match_keys(["053780040012", "053780040013", "99"], ["053780040012", "053780040014"])
    assert r.matched == ["053780040012"]
    assert r.only_in_table == ["053780040013", "99"] and r.only_in_layer == ["053780040014"]
    assert not r.ok and "2 only in the table" in r.message()
    r = F.match_keys([5378004.0], ["05378004"])
    assert r.hints and "leading zero" in r.hints[0] and "5378004 -> 05378004" in r.hints[0]
    r = F.match_keys(["05378004"], [5378004])
    assert r.hints and "layer's key field is probably numeric" in r.hints[0]
    assert F.match_keys(["a", None, " a"], ["a"]).ok


def test_one_key_matching_for_tables_and_layers():
    """The tables API re-exports the one implementation (no second report class that could drift)."""
    from sozialplanung_plugin.core import tables

    assert tables.match_keys is F.match_keys and tables.KeyMatchReport is F.KeyMatchReport


def test_plain_values():
    for missing in (None, float("nan"), np.nan, np.float32("nan"), pd.NA, pd.NaT):
        assert F.is_missing(missing)
        assert F.to_number(missing) is None and F.to_text(missing) == ""
    for value in ("", "NULL", 0, 0.0, np.array([1.0, np.nan])):
        assert not F.is_missing(value)
    assert F.to_number("2.5") == 2.5 and F.to_number("x") is None and F.to_number(np.int64(3)) == 3.0
    assert F.to_text(3) == "3"
    # counts and settings: infinity and YAML's yes/no are no numbers (to_number keeps them)
    assert F.to_number(float("inf")) == float("inf") and F.to_number(True) == 1.0
    for no_count in (float("inf"), -np.inf, True, False, None, np.nan, "x"):
        assert F.to_finite_number(no_count) is None
    assert F.to_finite_number("2.5") == 2.5 and F.to_finite_number(np.int64(0)) == 0.0
    for blank in (None, float("nan"), "", "  ", "NULL", " null "):
        assert F.is_blank(blank) and F.clean_text(blank) == ""
    assert F.clean_text(" Refrath ") == "Refrath" and F.clean_text(12) == "12" and not F.is_blank("0")


# ------------------------------------------------------------------------------------------------ numbers
def test_german_numbers():
    assert F.fmt_de(1234.56, 1) == "1.234,6"
    assert F.fmt_de(1234567, 0) == "1.234.567"
    assert F.fmt_de(-0.04, 1) == "0,0" and F.fmt_de(-0.0004, 3) == "0,000" and F.fmt_de(-0.4, 0) == "0"
    assert F.fmt_de(-1.25, 2) == "-1,25"
    assert F.fmt_de(12.25, 1, "%") == "12,2 %"  # float 12.25 rounds half to even
    assert F.fmt_de(None) == "" and F.fmt_de(float("nan")) == "" and F.fmt_de(np.nan, 0, "%") == ""


def test_units_and_decimals():
    assert F.unit_text("pp") == "%-Pkt." and F.unit_text("persons") == "" and F.unit_text("per 1000") == "je 1.000"
    assert F.unit_text("Sitze") == "Sitze"
    # one rule: counts none, everything else (rates, shares, densities) one
    assert [F.decimals_for(u) for u in ("persons", "absolute", "cases", "households", "", None)] == [0] * 6
    assert [F.decimals_for(u) for u in ("%", "pp", "‰", "EW/km²", "per 1000", "m²/EW")] == [1] * 6


def test_cell_text_marks():
    assert F.cell_text(77.7, "suppressed") == F.SUPPRESSED_MARK == "•"  # whatever number the layer holds
    assert F.cell_text(None, None) == F.MISSING_TEXT == "–"
    assert F.cell_text(12.34, "unreliable") == "(12,3)"
    assert F.cell_text(2.75, "incomplete") == "≥ 2,8"
    assert F.cell_text(283455, None, 0) == "283.455"
    assert F.cell_text(12.5, "", 1, "%") == "12,5 %"


def test_mark_text_of_the_docks():
    assert F.mark_text(14.25, "unreliable") == "≈ 14,2"
    assert F.mark_text(2.75, "incomplete", 1) == "≥ 2,8"
    assert F.mark_text(77.7, "suppressed") == "•"
    assert F.mark_text(1234, "", 0) == "1.234" and F.mark_text(None, "") == ""


def test_nice_ticks_and_their_decimals():
    ticks, step = F.nice_ticks(1.7, 4.3)
    assert step == 1 and ticks == [1, 2, 3, 4, 5]
    ticks, step = F.nice_ticks(0, 23)
    assert step == 10 and ticks == [0, 10, 20, 30]
    ticks, step = F.nice_ticks(5, 5)  # no span: still an axis
    assert ticks[0] <= 5 <= ticks[-1] and len(ticks) >= 2
    ticks, step = F.nice_ticks(0.02, 0.11)
    assert step == pytest.approx(0.025) and ticks[0] == 0 and ticks[-1] >= 0.11
    assert F.tick_decimals([0, 10, 20], 10, 1) == 0
    assert F.tick_decimals([0, 0.5, 1.0], 0.5, 1) == 1
    assert F.tick_decimals([0, 0.25, 0.5], 0.25, 1) == 2  # '0,25', not '0,3'
    assert F.tick_decimals([0, 2.5, 5], 2.5, 0) == 1
    assert F.tick_decimals([0, 0.5, 1.0], 0.5, 2) == 2
    labels = [F.fmt_de(t, F.tick_decimals(ticks, step, 1)) for t in F.nice_ticks(0.02, 0.11)[0]]
    assert len(set(labels)) == len(labels)  # distinct labels


def test_fields_imports_nothing_heavy():
    import subprocess
    import sys

    code = (
        "import sys; import sozialplanung_plugin.core.fields; "
        "print(','.join(m for m in ('pandas', 'numpy', 'qgis') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_is_change_field():
    assert F.is_change_field("ew_chg_2009_2025") and F.is_change_field("ew_pct_prev")
    assert F.is_change_field("ew_chg_flag_2009_2025")
    assert not F.is_change_field("ew_2025") and not F.is_change_field("ew_num_2025") and not F.is_change_field("ew")


@pytest.mark.parametrize(
    "text, count",
    [
        ("531", 531.0),
        (" 1.234 ", 1234.0),  # a count: one dot and three digits are thousands
        ("1.234.567", 1234567.0),
        ("12,5", 12.5),
        ("+7", 7.0),
        ("-3", -3.0),
        ("0.5", 0.5),
        ("1\u00a0234", 1234.0),
        ("531 EW", None),
        ("1.23", 1.23),
        ("1.2345", 1.2345),
        ("", None),
        (".", None),
        ("1,234.5", None),
    ],
)
def test_count_from_text_reads_german_thousands(text, count):
    assert F.count_from_text(text) == count
    if text.strip() in ("1.234",):
        assert F.number_from_text(text) == 1.234  # the general reader: a decimal point


# ------------------------------------------------------------------------------------------------ facility fields
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("erreichbar_kita_2025", ("erreichbar", "kita", "", 2025)),
        ("erreichbar_kita_den_2025", ("erreichbar", "kita", "den", 2025)),
        ("versorgung_kita_ref_mun_2025", ("versorgung", "kita", "ref_mun", 2025)),
        ("kapazitaet_grundschule_flag_2024", ("kapazitaet", "grundschule", "flag", 2024)),
        ("distanz_p90_arzt2_2025", ("distanz_p90", "arzt2", "", 2025)),  # not distanz of a type 'p90_arzt2'
        ("zeit_kita", ("zeit", "kita", "", None)),
        ("luecke_kita_flag_2025", ("luecke", "kita", "flag", 2025)),
    ],
)
def test_facility_field_round_trip(name, expected):
    f = F.parse_facility_field(name)
    assert (f.measure, f.type_id, f.part, f.year) == expected
    assert str(f) == name == F.facility_field(*expected)


def test_facility_field_is_none_for_other_fields():
    for name in ("sgb2_quote_2025", "erreichbar_2025", "erreichbar_kita_chg_2024_2025", "key", "erreichbar_Kita_2025"):
        assert F.parse_facility_field(name) is None, name
    assert F.parse_facility_field("erreichbar_kita_1850") is None  # 1850 is no year, 'kita_1850' no type id
    assert F.parse_facility_field("erreichbar_kita1850") == F.FacilityField("erreichbar", "kita1850")
    assert F.parse_facility_field("erreichbar_kita_x_2025") is None  # 'x' is no part, 'kita_x' no type id


def test_facility_field_with_type_ids_and_measures():
    assert F.parse_facility_field("erreichbar_kita_2025", {"kita"}).type_id == "kita"
    assert F.parse_facility_field("erreichbar_arzt_2025", {"kita"}) is None
    # a type id that is also a part name is read as the type when the types are known
    assert F.parse_facility_field("versorgung_num_2025", {"num"}) == F.FacilityField("versorgung", "num", "", 2025)
    assert F.parse_facility_field("versorgung_kita_2025", measures=("erreichbar",)) is None
    assert F.parse_facility_field("distanz_p90_kita_2025", measures=("distanz",)) is None
