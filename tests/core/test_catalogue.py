"""Indicator catalogue: default content, overlay, validation messages, export and re-import."""

import csv
import math
from pathlib import Path

import pytest
import yaml

from sozialplanung_plugin.core.catalogue import (
    DEFAULT_PATH,
    TOPICS,
    catalogue_from_dict,
    default_catalogue,
    load_catalogue,
    validate_catalogue,
)
from sozialplanung_plugin.core.errors import InputError

DEMO_HEADERS = {
    "ew": "Einwohner insgesamt",
    "ew_u15": "Einwohner unter 15 Jahre",
    "ew_u18": "Einwohner unter 18 Jahre",
    "ew_u20": "Einwohner unter 20 Jahre",
    "ew_u21": "Einwohner unter 21 Jahre",
    "ew_15_25": "Einwohner 15 bis unter 25 Jahre",
    "ew_15_65": "Einwohner 15 bis unter 65 Jahre",
    "ew_20_65": "Einwohner 20 bis unter 65 Jahre",
    "ew_u65": "Einwohner unter 65 Jahre",
    "ew_65plus": "Einwohner 65 Jahre und älter",
    "ew_80plus": "Einwohner 80 Jahre und älter",
    "auslaender": "Ausländer",
    "sgb2_lb": "Leistungsberechtigte SGB II",
    "sgb2_u15": "Kinder im SGB II Bezug unter 15 Jahre",
    "alo": "Arbeitslose SGB II und III",
    "alo_u25": "Arbeitslose unter 25 Jahre",
    "alo_lz": "Langzeitarbeitslose",
    "gs_65plus": "Grundsicherung im Alter 65+",
    "zuzuege": "Zuzüge",
    "fortzuege": "Fortzüge",
    "hh": "Haushalte",
    "hh_kinder": "Haushalte mit Kindern unter 18",
    "hh_alleinerz": "Alleinerziehenden-Haushalte",
    "hze": "Hilfen zur Erziehung",
}


@pytest.fixture(scope="module")
def cat():
    return default_catalogue()


def test_default_catalogue_content(cat):
    assert cat.version == "2026.1"
    assert len([i for i in cat.indicators.values() if i.kind == "status" and i.denominator]) >= 25
    assert set(i.topic for i in cat.indicators.values()) == set(TOPICS)
    for vid, header in DEMO_HEADERS.items():
        assert cat.resolve_header(header) == vid, header
    assert cat.resolve_header("Einwohner 65 Jahre und aelter") == "ew_65plus"


@pytest.mark.parametrize(
    "iid, num, den, unit, mult, pol",
    [
        ("sgb2_quote", ["sgb2_lb"], ["ew_u65"], "%", 100, "higher_worse"),
        ("kinderarmut_sgb2_u15", ["sgb2_u15"], ["ew_u15"], "%", 100, "higher_worse"),
        ("arbeitslose_anteil", ["alo"], ["ew_15_65"], "%", 100, "higher_worse"),
        ("langzeitarbeitslose_anteil", ["alo_lz"], ["alo"], "%", 100, "higher_worse"),
        ("jugendarbeitslosigkeit", ["alo_u25"], ["ew_15_25"], "%", 100, "higher_worse"),
        ("grundsicherung_alter", ["gs_65plus"], ["ew_65plus"], "%", 100, "higher_worse"),
        ("jugendquotient", ["ew_u20"], ["ew_20_65"], "per 100", 100, "neutral"),
        ("altenquotient", ["ew_65plus"], ["ew_20_65"], "per 100", 100, "neutral"),
        ("anteil_u18", ["ew_u18"], ["ew"], "%", 100, "neutral"),
        ("anteil_65plus", ["ew_65plus"], ["ew"], "%", 100, "neutral"),
        ("anteil_80plus", ["ew_80plus"], ["ew"], "%", 100, "neutral"),
        ("auslaenderanteil", ["auslaender"], ["ew"], "%", 100, "neutral"),
        ("wanderungssaldo", ["zuzuege", "-fortzuege"], ["ew"], "‰", 1000, "neutral"),
        ("mobilitaetsrate", ["zuzuege", "fortzuege"], ["ew"], "‰", 1000, "higher_worse"),
        ("alleinerziehende_hh", ["hh_alleinerz"], ["hh_kinder"], "%", 100, "higher_worse"),
        ("hze_je_1000_u21", ["hze"], ["ew_u21"], "‰", 1000, "higher_worse"),
        ("bevoelkerungsdichte", ["ew"], ["area_km2"], "EW/km²", 1, "neutral"),
        ("haeufigkeitszahl", ["straftaten"], ["ew"], "per 100,000", 100000, "higher_worse"),
        ("wahlbeteiligung", ["waehler"], ["wahlberechtigte"], "%", 100, "higher_better"),
        ("uebergang_gymnasium", ["uebergaenge_gym"], ["uebergaenge_gs"], "%", 100, "higher_better"),
    ],
)
def test_definitions_follow_domain_primer(cat, iid, num, den, unit, mult, pol):
    ind = cat.indicator(iid)
    assert (ind.numerator, ind.denominator, ind.unit, ind.multiplier, ind.polarity) == (num, den, unit, mult, pol)
    assert ind.disclosure_threshold == 3


def test_compute_by_hand(cat):
    # Bergisch Gladbach 2014 (RBK concept paper): 2.184 / 14.851 = 14,7 %
    num, den, val = cat.indicator("kinderarmut_sgb2_u15").compute({"sgb2_u15": 2184, "ew_u15": 14851})
    assert round(val, 1) == 14.7
    assert cat.indicator("wanderungssaldo").compute({"zuzuege": 120, "fortzuege": 100, "ew": 1000})[2] == 20.0
    assert cat.indicator("mobilitaetsrate").compute({"zuzuege": 120, "fortzuege": 100, "ew": 1000})[2] == 220.0
    assert cat.indicator("bevoelkerungsdichte").compute({"ew": 500}, area_km2=2.0)[2] == 250.0
    assert math.isnan(cat.indicator("sgb2_quote").compute({"sgb2_lb": 5, "ew_u65": 0})[2])
    assert math.isnan(cat.indicator("sgb2_quote").compute({"sgb2_lb": float("nan"), "ew_u65": 10})[2])
    assert cat.indicator("einwohner").compute({"ew": 7})[2] == 7


def test_dynamics_reference_a_status_indicator(cat):
    d = cat.indicator("sgb2_quote_veraenderung")
    assert d.kind == "dynamics" and d.base_indicator == "sgb2_quote" and d.change == "pp"
    assert cat.base_of("sgb2_quote_veraenderung").id == "sgb2_quote"


def test_overlay_add_override_disable(tmp_path):
    p = tmp_path / "kreis.yaml"
    p.write_text(
        yaml.safe_dump(
            {
                "catalogue": {"name": "Rheinisch-Bergischer Kreis", "version": "2024-03"},
                "variables": [
                    {"id": "ew", "aliases": ["EW gesamt HW"]},
                    {"id": "kita_kinder", "name": "Kinder in Kitas", "aliases": ["Kita-Kinder"]},
                ],
                "indicators": [
                    {"id": "sgb2_quote", "min_denominator": 250, "notes": "RBK: LB / EW unter 65"},
                    {
                        "id": "kita_quote",
                        "name": "Kita-Quote",
                        "topic": "Erziehung und Bildung",
                        "numerator": ["kita_kinder"],
                        "denominator": ["ew_u15"],
                        "unit": "%",
                        "multiplier": 100,
                        "polarity": "higher_better",
                    },
                    {"id": "wahlbeteiligung", "enabled": False},
                ],
                "disable": ["haeufigkeitszahl"],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    cat = load_catalogue(str(p))
    assert cat.indicator("sgb2_quote").min_denominator == 250
    assert cat.indicator("sgb2_quote").numerator == ["sgb2_lb"]  # untouched fields kept
    assert cat.indicator("kita_quote").origin.endswith("kreis.yaml")
    assert "wahlbeteiligung" in cat.disabled and "haeufigkeitszahl" in cat.disabled
    with pytest.raises(InputError, match="disabled"):
        cat.indicator("haeufigkeitszahl")
    assert cat.resolve_header("EW gesamt HW") == "ew" and cat.resolve_header("Einwohner insgesamt") == "ew"
    assert cat.version == "2026.1 + Rheinisch-Bergischer Kreis 2024-03"
    assert [Path(x["file"]).name for x in cat.provenance] == ["default.yaml", "kreis.yaml"]
    assert len(cat.provenance[1]["sha256"]) == 64


def _overlay_error(tmp_path, text):
    p = tmp_path / "county.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_catalogue(str(p))
    return str(ei.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "indicators:\n- {id: x1, name: X, topic: Finanzen, numerator: [ew], denominator: [ew], unit: '%', "
            "multiplier: 100, polarity: neutral}\n",
            ["county.yaml: indicator 'x1', field 'topic'", "unknown topic 'Finanzen'"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, numerator: [sgb2_lbb], denominator: [ew], unit: '%', "
            "multiplier: 100, polarity: neutral}\n",
            ["indicator 'x1', field 'numerator'", "unknown variable 'sgb2_lbb'", "did you mean 'sgb2_lb'"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, numerator: [ew], denominator: [ew], polarity: schlecht}\n",
            ["indicator 'x1', field 'polarity'", "'schlecht' is not allowed"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, numerator: [ew], denominator: [ew], unit: index, "
            "multiplier: 0}\n",
            ["indicator 'x1', field 'multiplier'", "greater than 0"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, numerator: [ew], denominator: [ew]}\n"
            "- {id: x1, name: Y, topic: Arbeit, numerator: [ew], denominator: [ew]}\n",
            ["county.yaml", "indicator 'x1': the id occurs twice in this file"],
        ),
        (
            "indicators:\n- {id: sgb2_quote, numerater: [ew]}\n",
            ["indicator 'sgb2_quote', field 'numerater': unknown field", "did you mean 'numerator'"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, kind: dynamics, base_indicator: sgb2_qoute, change: pp}\n",
            ["field 'base_indicator'", "unknown indicator 'sgb2_qoute'", "did you mean 'sgb2_quote'"],
        ),
        (
            "indicators:\n- {id: x1, name: X, topic: Arbeit, kind: dynamics, base_indicator: sgb2_quote, change: ratio}\n",
            ["field 'change'", "'ratio' is not allowed"],
        ),
        (
            "indicators:\n- {id: sgb2_quote, unit: '%', multiplier: 1000}\n",
            ["indicator 'sgb2_quote', field 'multiplier'", "needs the multiplier 100"],
        ),
        ("indicators:\n- {id: sgb2_quote, action_fields: [armut, sport]}\n", ["unknown action field 'sport'"]),
        ("indicators:\n- {id: x1, name: X}\n", ["indicator 'x1': a new indicator needs the field(s) topic, numerator"]),
        ("disable: [sgb2_qote]\n", ["no indicator 'sgb2_qote' to disable", "did you mean 'sgb2_quote'"]),
        ("indicator:\n- {id: x}\n", ["unknown section 'indicator'", "did you mean 'indicators'"]),
        ("indicators:\n  - id: x\n   name: bad indent\n", ["county.yaml', line", "YAML cannot be read"]),
        (
            "variables:\n- {id: kita, name: Kita, aliases: [Einwohner insgesamt]}\n",
            ["variable 'kita', field 'aliases'", "also an alias of 'ew'"],
        ),
        ("indicators:\n- {id: sgb2_quote, disclosure_threshold: 0}\n", ["field 'disclosure_threshold'"]),
    ],
)
def test_validator_messages(tmp_path, text, expected):
    msg = _overlay_error(tmp_path, text)
    for e in expected:
        assert e in msg, msg


def test_validator_lists_all_problems(tmp_path):
    msg = _overlay_error(tmp_path, "indicators:\n- {id: sgb2_quote, polarity: bad, topic: Nix}\n")
    assert "2 problem(s)" in msg and "polarity" in msg and "topic" in msg


def test_export_yaml_roundtrip(cat, tmp_path):
    p = str(tmp_path / "export.yaml")
    cat.to_yaml(p)
    back = load_catalogue(p, include_default=False)
    assert list(back.indicators) == list(cat.indicators)
    for iid in cat.indicators:
        a, b = cat.indicators[iid].to_dict(), back.indicators[iid].to_dict()
        assert a == b, iid
    assert {v: x.aliases for v, x in back.variables.items()} == {v: x.aliases for v, x in cat.variables.items()}


def test_export_xlsx(cat, tmp_path):
    import openpyxl

    p = str(tmp_path / "k.xlsx")
    cat.to_xlsx(p)
    wb = openpyxl.load_workbook(p)
    assert wb.sheetnames == ["Indikatoren", "Variablen", "Info"]
    ws = wb["Indikatoren"]
    heads = [c.value for c in ws[1]]
    assert heads[:3] == ["ID", "Name", "Kurzname"]
    ids = [r[0].value for r in ws.iter_rows(min_row=2)]
    assert ids == list(cat.indicators)
    row = {h: c.value for h, c in zip(heads, ws[ids.index("kinderarmut_sgb2_u15") + 2])}
    assert row["Formel"] == "Kinder im SGB II Bezug unter 15 Jahre / Einwohner unter 15 Jahre x 100"
    assert wb["Info"]["B2"].value == "2026.1"


def test_export_xlsx_to_a_pathlib_path(cat, tmp_path):
    # a pathlib.Path as well as a str (the temporary file beside it was built by str + ".part" before)
    import openpyxl

    p = tmp_path / "k.xlsx"
    assert cat.to_xlsx(p) == p
    assert openpyxl.load_workbook(p).sheetnames == ["Indikatoren", "Variablen", "Info"]
    assert sorted(f.name for f in tmp_path.iterdir()) == ["k.xlsx"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_export_csv(cat, tmp_path, encoding):
    p = str(tmp_path / "k.csv")
    cat.to_csv(p, encoding=encoding)
    raw = Path(p).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rows = list(csv.DictReader(raw.decode(encoding).splitlines(), delimiter=";"))
    assert len(rows) == len(cat.indicators)
    r = {x["ID"]: x for x in rows}
    assert r["haeufigkeitszahl"]["Faktor"] == "100000"
    assert r["sgb2_quote"]["Themenfeld"] == "Einkommen und Transferleistungen"
    assert r["sgb2_quote"]["Polarität"] == "higher_worse"
    if encoding == "cp1252":
        assert r["sgb2_quote_veraenderung"]["Kurzname"].startswith("Veränderung")


def test_default_file_is_valid_yaml_with_unique_ids():
    data = yaml.safe_load(Path(DEFAULT_PATH).read_text(encoding="utf-8"))
    ids = [i["id"] for i in data["indicators"]]
    assert len(ids) == len(set(ids))
    cat = catalogue_from_dict(data, source=DEFAULT_PATH)
    validate_catalogue(cat)
