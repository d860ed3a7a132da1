"""core.index: the presets' parameter checks and map classes (moved out of the compositeindex algorithm)."""

import pytest

from sozialplanung_plugin.core import index as cix
from sozialplanung_plugin.core.errors import InputError


def test_berlin_classes():
    field, classes, labels = cix.berlin_mss_classes(with_dynamics=True)
    assert field == "mss_class" and len(classes) == 12 and classes[:3] == [11, 13, 15] and classes[-1] == 45
    assert labels[11] == "11 hoch / positiv" and labels[45] == "45 sehr niedrig / negativ"
    field, classes, labels = cix.berlin_mss_classes(with_dynamics=False)
    assert field == "si_class" and classes == [1, 2, 3, 4] and labels[4] == "4 sehr niedrig (> 1,5)"


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
