"""Core messages in the user's language (issue 15): ``core.i18n.tr`` marks them, the .ts holds the German.

Without a translator (plain Python) the English template is filled in; with the translator the plugin installs,
the German. Here the translator is the German .ts itself, read without Qt, so the test runs without QGIS.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sozialplanung_plugin.core import classify, i18n
from sozialplanung_plugin.core.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "sozialplanung_plugin" / "resources" / "i18n" / "sozialplanung_de.ts"


def core_german():
    """The German translations of context 'core' in the .ts, as a dict English -> German."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "core":
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.text and tr.get("type") is None:
                    out[msg.findtext("source")] = tr.text
    return out


@pytest.fixture
def german():
    table = core_german()
    i18n.set_translator(lambda s: table.get(s, s))
    yield table
    i18n.set_translator(None)


def test_without_translator_the_english_template_is_filled_in():
    assert i18n.tr("{n} class names given for {classes} classes.", n=3, classes=4) == (
        "3 class names given for 4 classes."
    )
    assert i18n.tr("Plain text.") == "Plain text."


def test_a_translation_moves_the_fields_and_a_broken_one_falls_back_to_english():
    i18n.set_translator({"{a} before {b}.": "{b} nach {a}.", "Bad {x}.": "Kaputt {y}."}.get)
    try:
        assert i18n.tr("{a} before {b}.", a=1, b=2) == "2 nach 1."
        assert i18n.tr("Bad {x}.", x=5) == "Bad 5."  # the translation names a field the call lacks
        assert i18n.tr("Unknown {x}.", x=5) == "Unknown 5."  # .get returns None: untranslated
    finally:
        i18n.set_translator(None)


def test_core_errors_are_german_with_the_shipped_translation(german):
    with pytest.raises(InputError) as err:
        classify.classify([1.0, 2.0, 3.0], method="manual", breaks=[2.0, 1.0])
    assert str(err.value) == "Manuelle Klassengrenzen müssen streng aufsteigen; angegeben: [2.0, 1.0]."
    with pytest.raises(InputError) as err:
        classify.classify([1.0, 2.0, 3.0], method="quantile", n_classes=3, names=["a", "b"])
    assert str(err.value) == "2 Klassennamen für 3 Klassen angegeben."


def test_every_core_template_in_the_ts_has_a_german_translation_with_the_same_fields():
    sys.path.insert(0, str(ROOT / "tools"))
    from i18n_fill import FIELD
    from i18n_update import extract

    core = [src for (ctx, src) in extract()[0] if ctx == "core"]
    table = core_german()
    assert len(core) >= 13
    missing = [s for s in core if s not in table]
    assert not missing, missing[:5]
    differ = [s for s in core if set(FIELD.findall(s)) != set(FIELD.findall(table[s]))]
    assert not differ, differ[:5]


def test_index_errors_and_warnings_are_german(german):
    import pandas as pd

    from sozialplanung_plugin.core import index

    data = pd.DataFrame({"key": ["a", "b", "c"], "sgb2": [1.0, 2.0, 3.0], "ew": ["531 EW", "12", "hoch"]})
    with pytest.raises(InputError) as err:
        index.compute_index(data, ["quote"], key="key")
    assert str(err.value) == ("Das Feld 'quote' (Indikator) ist nicht in den Daten. Vorhandene Felder: key, sgb2, ew.")
    with pytest.raises(InputError) as err:
        index.compute_index(data, ["sgb2"], key="key", residents_field="ew", min_residents=100)
    assert str(err.value) == (
        "Feld 'ew' (Einwohner): 2 von 3 Einheiten enthalten Text, der keine Zahl ist (Zeile 1: '531 EW', "
        "Zeile 3: 'hoch'). Sie würden als fehlend gelesen und stillschweigend ausgelassen. Korrigieren Sie die "
        "Werte (eine Zahl, oder leer/NULL, wo kein Wert bekannt ist; entfernen Sie Einheiten wie 'EW') und "
        "starten Sie erneut."
    )
    with pytest.raises(InputError) as err:
        index.compute_index(data, [{"field": "sgb2", "direction": "neutral"}])
    assert str(err.value) == (
        "Der Indikator 'sgb2' ist im Katalog neutral (Kontext); ohne ausdrückliche Richtung kann er nicht in "
        "einen Index eingehen. Geben Sie für ihn 'höher = ungünstiger' oder 'höher = besser' an oder lassen Sie "
        "ihn weg."
    )
    with pytest.raises(InputError) as err:
        index.berlin_mss(data, [])
    assert str(err.value) == "Berliner MSS: keine Statusindikatoren angegeben."
    with pytest.raises(InputError) as err:
        index.rerun_from_record({"schema": "x"}, data)
    assert str(err.value) == (
        "Dies ist keine Methodenbeschreibung eines Sozialplanung-Index (Schema fehlt oder weicht ab)."
    )
    two = pd.DataFrame({"sgb2": [1.0, 2.0, 3.0, None], "alq": [2.0, 1.0, 4.0, None]})
    res = index.compute_index(two, ["sgb2", "alq"], min_share=0.5)
    assert res.warnings == [
        "1 Einheit(en) haben weniger als 50% der Indikatoren und erhalten keinen Index (Kennzeichen: zu wenige Daten)."
    ]


def test_facility_network_and_grid_errors_are_german(german, tmp_path):
    import datetime as dt

    from sozialplanung_plugin.core import facilities as fac
    from sozialplanung_plugin.core import network as netw
    from sozialplanung_plugin.core import zensus_grid as zg

    with pytest.raises(InputError) as err:
        fac.parse_capacity([10, "25 Plätze"], field_name="plaetze", feature_ids=[7, 8])
    assert str(err.value) == (
        "Das Kapazitätsfeld 'plaetze' enthält 1 Wert(e), die keine Zahl >= 0 sind (Objekt 8: '25 Plätze'). "
        "Schreiben Sie die Kapazität als reine Zahl (z. B. 25, nicht '25 Plätze' oder 'ca. 25'); lassen Sie das "
        "Feld leer, wo sie nicht bekannt ist."
    )
    with pytest.raises(InputError) as err:
        fac.open_on([None, "next year"], [None, None], dt.date(2025, 12, 31))
    assert str(err.value) == (
        "Einrichtung 2: 'next year' ist kein Eröffnungsdatum (Feld 'opened') (schreiben Sie JJJJ-MM-TT, "
        "TT.MM.JJJJ oder ein Jahr)."
    )
    with pytest.raises(InputError) as err:
        fac.load_facility_types(tmp_path / "fehlt.yaml")
    assert str(err.value) == f"Die Datei der Einrichtungstypen {tmp_path / 'fehlt.yaml'} existiert nicht."
    with pytest.raises(InputError) as err:
        fac.decay_weights([1.0], 10.0, decay="cubic")
    assert str(err.value) == "Unbekannte Distanzgewichtung 'cubic'. Verwenden Sie eine von none, gaussian, linear."

    xy, off, part = netw.polylines([[(0.0, 0.0), (100.0, 0.0)], [(100.0, 0.0), (100.0, 50.0)]])
    with pytest.raises(InputError) as err:
        netw.build_network(xy, off, part, geographic=True)
    assert str(err.value) == (
        "Das Wegenetz liegt in einem Koordinatensystem in Grad vor; Längen wären Grad, nicht Meter. Projizieren "
        "Sie es in ein projiziertes KBS in Metern (z. B. EPSG:25832 ETRS89 / UTM 32N) und starten Sie erneut."
    )
    with pytest.raises(InputError) as err:
        netw.build_network(xy, off, part, mode="time", speed_kmh=[5.0, -1.0], source="Wegenetz 'strassen'")
    assert str(err.value) == (
        "Linie 2 im Wegenetz 'strassen' hat keine gültige Geschwindigkeit (-1.0 km/h). Geschwindigkeiten sind "
        "km/h >= 0 (0 = nicht passierbar)."
    )
    with pytest.raises(InputError) as err:
        netw.speeds_from_classes(["residential", "cycleway"], {"residential": 4.5}, field="highway")
    assert str(err.value) == (
        "Keine Geschwindigkeit für die Straßenklasse(n) 'cycleway' des Felds 'highway'. Ergänzen Sie sie in der "
        "Geschwindigkeitstabelle oder geben Sie eine Standardgeschwindigkeit an."
    )

    empty = tmp_path / "leer.csv"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        zg.read_zensus_grid(empty)
    assert str(err.value) == f"Die Gittertabelle {empty} ist leer."
    comma = tmp_path / "komma.csv"
    comma.write_text("GITTER_ID_100m,Einwohner\nCRS3035RES100mN2689100E4337000,5\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        zg.read_zensus_grid(comma)
    assert str(err.value) == (
        f"Die Gittertabelle {comma} hat kein ';' in ihrer Kopfzeile ('GITTER_ID_100m,Einwohner'). "
        "Zensus-Gittertabellen sind durch ';' getrennt."
    )
    bad = tmp_path / "zelle.csv"
    bad.write_text("GITTER_ID_100m;Einwohner\nCRS3035RES100mN2689100E4337000;viele\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        zg.read_zensus_grid(bad)
    assert str(err.value) == (
        f"{bad}, Zeile 2, Spalte 2 (Einwohner): 'viele' ist weder eine Zahl noch ein Zeichen der Zensustabellen "
        "('–' gesperrt, '.' unbekannt)."
    )
