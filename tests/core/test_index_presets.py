"""core.index: the presets' parameter checks and map classes (moved out of the compositeindex algorithm)."""

import pytest

from sozialplanung_plugin.core import index as cix
from sozialplanung_plugin.core.errors import InputError


def test_berlin_classes():
    field, classes, labels = cix.berlin_mss_classes(with_dynamics=True)
    assert field == "mss_class" and len(classes) == 12 and classes[:3] == [11, 13, 15] and classes[-1] == 45
    assert labels[11] == "hoch / positiv" and labels[45] == "sehr niedrig / negativ"  # in words (issue 19)
    field, classes, labels = cix.berlin_mss_classes(with_dynamics=False)
    assert field == "si_class" and classes == [1, 2, 3, 4] and labels[4] == "sehr niedrig"


def test_iod_domains_default_and_given():
    assert cix.iod_domains({}, ["a", "b"]) == ({"a": "a", "b": "b"}, {"a": 1.0, "b": 1.0})
    domains, weights = cix.iod_domains({"income": ["inc"], "health": ["hlt"]}, ["inc", "hlt"], {"income": 2})
    assert domains == {"income": "inc", "health": "hlt"} and weights == {"income": 2, "health": 0.0}


@pytest.mark.parametrize(
    ("lists", "weights", "message"),
    [
        ({"income": ["a", "b"]}, {}, "domain 'income' has a, b"),
        ({}, {"nowhere": 1}, "Domain 'nowhere' has a weight but no score field (domains: a, b)"),
        ({}, {"a": -1.0}, "Domain 'a': weight -1.0 is negative"),
        ({}, {"a": 0, "b": 0}, "The domain weights sum to 0"),
    ],
)
def test_iod_domains_refused(lists, weights, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        cix.iod_domains(lists, ["a", "b"], weights)


# ------------------------------------------------------------------------------------------------ preset rules
def test_guess_residents_takes_the_indicators_year():
    names = ["key", "sgb2_quote_2025", "Einwohner_2024", "einwohner_2025", "EW"]
    assert cix.guess_residents(["sgb2_quote_2025", "alo_2024"], names) == "einwohner_2025"
    assert cix.guess_residents(["sgb2_quote_2024"], names) == "Einwohner_2024"  # any case, the name as it is
    assert cix.guess_residents(["sgb2_quote_2023"], names) == "EW"  # no residents field of that year
    assert cix.guess_residents(["sgb2_quote"], ["einwohner_2025"]) is None
    assert cix.guess_residents(["sgb2_quote_1850"], ["einwohner_1850"]) is None  # 1850 is no year (1900-2099)


@pytest.mark.parametrize(
    ("field", "rank"),
    [("imd_rank", True), ("Rang_2019", True), ("rank", True), ("ranking", False), ("frank_score", False)],
)
def test_looks_like_rank(field, rank):
    assert cix.looks_like_rank(field) is rank


def test_iod_domains_by_name_in_either_language():
    assert cix.iod_domain("Einkommen") == "income" and cix.iod_domain("living_environment") == "living_environment"
    assert cix.iod_domain("imd_bildung_score") == "education" and cix.iod_domain("wohnumfeld_2019") is not None
    assert cix.iod_domain("sgb2_quote") is None
    matched, unknown, doubles = cix.match_iod_domains(["income", "einkommen", "gesundheit", "sgb2"])
    assert matched == {"income": "income", "einkommen": "income", "gesundheit": "health"}
    assert unknown == ["sgb2"] and doubles == ["income"]
