"""The JSON schema for catalogue files (editor support, e.g. YAML language servers) agrees with the loader.

The plugin validates with core.catalogue (clear messages); the schema must not drift from it: same fields,
same fixed lists, and it accepts the shipped default and a county overlay as the catalogue dock writes it.
"""

import json
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest
import yaml

from sozialplanung_plugin.core import catalogue as cm

SCHEMA = Path(cm.DEFAULT_PATH).with_name("catalogue.schema.json")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema), schema


def errors(validator, data):
    return sorted(e.message for e in validator[0].iter_errors(data))


def test_default_catalogue_is_valid(validator):
    data = yaml.safe_load(Path(cm.DEFAULT_PATH).read_text(encoding="utf-8"))
    assert errors(validator, data) == []


def test_schema_lists_match_the_loader(validator):
    props = validator[1]["properties"]
    ind = props["indicators"]["items"]["properties"]
    assert ind["topic"]["enum"] == list(cm.TOPICS)
    assert ind["unit"]["enum"] == list(cm.UNITS)
    assert ind["polarity"]["enum"] == list(cm.POLARITIES)
    assert ind["kind"]["enum"] == list(cm.KINDS)
    assert ind["change"]["enum"] == list(cm.CHANGES)
    assert set(ind) == {f.name for f in fields(cm.Indicator)} - {"origin"}
    var = props["variables"]["items"]["properties"]
    assert set(var) == {f.name for f in fields(cm.Variable)} - {"origin"}
    assert set(props) == {"catalogue", "action_fields", "variables", "indicators", "disable", "topics"}


def test_county_overlay_and_mistakes(validator):
    overlay = {
        "catalogue": {"name": "Eigene Indikatoren", "version": "1"},
        "indicators": [
            {
                "id": "kinderarmut_u6",
                "name": "Kinderarmut unter 6",
                "topic": "Demografie",
                "kind": "status",
                "numerator": ["sgb2_u15"],
                "denominator": ["ew_u15"],
                "unit": "%",
                "multiplier": 100,
                "polarity": "higher_worse",
                "disclosure_threshold": 3,
            },
            {"id": "wahlbeteiligung", "notes": "Kommunalwahl 2025"},
        ],
        "disable": ["haeufigkeitszahl"],
    }
    assert errors(validator, overlay) == []
    wrong = json.loads(json.dumps(overlay))
    wrong["indicators"][0]["colour"] = "red"
    wrong["indicators"][1]["polarity"] = "worse"
    wrong["indicators"][1]["id"] = "Wahl-Beteiligung"
    found = errors(validator, wrong)
    assert len(found) == 3
    assert any("'colour' was unexpected" in m for m in found)
    assert any("'worse' is not one of" in m for m in found)
    assert any("does not match" in m for m in found)
