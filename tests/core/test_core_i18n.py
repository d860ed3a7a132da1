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


# --- issue 15, helper i18n-a: catalogue, overlay, inputs, checks, aggregate, disclosure, interpolate, spaces,
# regionalise, graph ----------------------------------------------------------------------------------------
def _message(call):
    with pytest.raises(InputError) as err:
        call()
    return str(err.value)


def test_catalogue_and_overlay_messages_are_german(german, tmp_path):
    from sozialplanung_plugin.core import catalogue, overlay

    cat = catalogue.default_catalogue()
    assert _message(lambda: cat.indicator("zzz")) == (
        "Der Indikator „zzz“ steht nicht im Katalog. Ergänzen Sie ihn in der Katalogdatei Ihres Kreises, um ihn "
        "zu verwenden."
    )
    assert _message(lambda: catalogue.catalogue_from_dict({"indicator": []}, source="kreis.yaml")) == (
        "Die Katalogdatei „kreis.yaml“ hat 1 Problem(e):\n- unbekannter Abschnitt „indicator“ (meinten Sie "
        "„indicators“?); erlaubt: action_fields, catalogue, disable, indicators, topics, variables"
    )
    entry = {"id": "x1", "name": "X", "topic": "Demografie", "numerator": ["ew"], "numerater": 1}
    assert _message(lambda: catalogue.catalogue_from_dict({"indicators": [entry]}, source="k.yaml", base=cat)) == (
        "Die Katalogdatei „k.yaml“ hat 1 Problem(e):\n- Indikator „x1“, Feld „numerater“: unbekanntes Feld "
        "(meinten Sie „numerator“?)"
    )
    entry = {
        "id": "x1",
        "name": "X",
        "topic": "Demografie",
        "numerator": ["ew"],
        "denominator": ["ew"],
        "min_denominator": -1,
    }
    merged = catalogue.catalogue_from_dict({"indicators": [entry]}, source="/tmp/k.yaml", base=cat)
    assert _message(lambda: catalogue.validate_catalogue(merged)) == (
        "Der Indikatorenkatalog hat 1 Problem(e):\n- k.yaml: Indikator „x1“, Feld „min_denominator“: muss 0 oder "
        "eine positive Zahl sein"
    )
    empty = tmp_path / "leer.csv"
    empty.write_text("\n\n", encoding="utf-8")
    assert _message(lambda: overlay.overlay_from_table(empty, cat)) == "Die Katalogtabelle „leer.csv“ ist leer."
    no_id = tmp_path / "ohne.csv"
    no_id.write_text("Name;Einheit\nx;%\n", encoding="utf-8")
    assert _message(lambda: overlay.overlay_from_table(no_id, cat)) == (
        "Katalogtabelle „ohne.csv“: keine Spalte „ID“ in der ersten Zeile. Verwenden Sie eine Tabelle, die mit "
        "„Indikatorenkatalog exportieren“ erstellt wurde (Spalten ID, Name, Themenfeld, Zähler, Nenner ...)."
    )
    blank = tmp_path / "luecke.csv"
    blank.write_text("ID;Name\neigen_a;A\n;B\n", encoding="utf-8")
    assert _message(lambda: overlay.overlay_from_table(blank, cat)) == (
        "Katalogtabelle „luecke.csv“, Zeile 3: Die Spalte ID ist leer. Geben Sie jedem Indikator eine ID "
        "(Kleinbuchstaben, Ziffern und _)."
    )


def test_inputs_checks_and_aggregate_messages_are_german(german):
    import pandas as pd

    from sozialplanung_plugin.core import aggregate as ag
    from sozialplanung_plugin.core import inputs
    from sozialplanung_plugin.core.checks import negative_counts

    assert _message(lambda: inputs.parse_change_pairs("2009-2014, 2014", [2009, 2014])) == (
        "Der Veränderungszeitraum „2014“ ist nicht verständlich. Schreiben Sie die Zeiträume wie "
        "„2009-2014, 2014-2025“."
    )
    assert _message(lambda: inputs.parse_change_pairs("2009-2020", [2009, 2014])) == (
        "Veränderungszeitraum „2009-2020“: Die Tabellen enthalten kein Jahr 2020 (Jahre: 2009, 2014)."
    )
    assert _message(lambda: inputs.parse_change_pairs("2014-2009", [2009, 2014])) == (
        "Veränderungszeitraum „2014-2009“: Das erste Jahr muss vor dem zweiten liegen."
    )
    a = (pd.DataFrame({"ew": [10.0]}, index=["b1"]), pd.DataFrame({"ew": ["ok"]}, index=["b1"]))
    b = (pd.DataFrame({"ew": [12.0]}, index=["b1"]), pd.DataFrame({"ew": ["ok"]}, index=["b1"]))
    assert _message(lambda: inputs.join_same_year(a, b, ["a.csv", "c.csv"], "b.csv", 2020)) == (
        "a.csv und c.csv und b.csv enthalten beide „ew“ für 2020, mit verschiedenen Werten für den Schlüssel „b1“: "
        "10 und 12. Ein Wert muss aus einer Tabelle stammen: Entfernen Sie die Spalte aus einer der Dateien oder "
        "geben Sie die Tabellen für verschiedene Jahre an."
    )
    c = (pd.DataFrame({"ew": [5.0]}, index=["b2"]), pd.DataFrame({"ew": ["ok"]}, index=["b2"]))
    assert inputs.join_same_year(a, c, ["a.csv"], "b.csv", 2020)[2] == (
        "a.csv und b.csv enthalten beide das Jahr 2020: ihre Zeilen verbunden (die Schlüssel überschneiden sich "
        "nicht: 1 und 1 Schlüssel)."
    )
    values = pd.DataFrame({"ew": [4.0, -2.0]}, index=["b1", "b2"])
    assert _message(lambda: negative_counts(values, source="t.csv", year=2020)) == (
        "t.csv (2020): 1 Zelle(n) enthalten eine negative Fallzahl (Schlüssel „b2“, Variable „ew“: -2). Fallzahlen "
        "können nicht negativ sein: Korrigieren Sie die Tabelle (0 für keine, „-“ für nichts, „.“ für unbekannt)."
    )
    dup = pd.DataFrame({"ew": [1.0, 2.0]}, index=["b1", "b1"])
    assert _message(lambda: ag.aggregate_counts(dup, None, pd.Series({"b1": "A"}))) == (
        "Die Tabelle enthält doppelte Schlüssel von Einheiten (b1). Jede Einheit darf je Jahr nur einmal "
        "vorkommen; entfernen oder vereinen Sie die doppelten Zeilen."
    )
    assert _message(lambda: ag.changes({2009: None, 2014: None}, [], 2009, 2020)) == (
        "Veränderungen brauchen beide Jahre 2009 und 2020; die Tabellen enthalten 2009, 2014."
    )
    assert _message(lambda: ag.aggregate_levels({}, [], [])) == (
        "Es wurde keine Statistiktabelle angegeben. Fügen Sie mindestens eine Tabelle (ein Jahr) hinzu."
    )


def test_disclosure_interpolate_spaces_regionalise_graph_messages_are_german(german):
    import numpy as np
    import pandas as pd
    from shapely.geometry import box

    from sozialplanung_plugin.core import disclosure, graph, spaces
    from sozialplanung_plugin.core import regionalise as rg
    from sozialplanung_plugin.core.interpolate import interpolate_counts

    assignments = [pd.Series({"b1": "A", "b2": "A"}), pd.Series({"b1": "M1", "b2": "M2"})]
    assert _message(lambda: disclosure.build_tree([pd.Index(["A"]), pd.Index(["M1", "M2"])], assignments)) == (
        "Die Geheimhaltung braucht Ebenen, die ineinander aufgehen: Die Einheit „A“ der Ebene 1 hat Basiseinheiten "
        "in verschiedenen Einheiten der darüberliegenden Ebenen. Korrigieren Sie die Zuordnung oder veröffentlichen "
        "Sie die Ebenen in getrennten Läufen."
    )
    values = pd.DataFrame({"ew": [400.0]}, index=["P1"])
    overlap = pd.DataFrame({"source": ["P1"], "target": ["D1"], "area": [3.0]})
    assert _message(lambda: interpolate_counts(values, None, overlap, method="dasymetric")) == (
        "Unbekannte Interpolationsmethode „dasymetric“. Verwenden Sie „area“ oder „population“."
    )
    assert _message(lambda: interpolate_counts(values, None, overlap, method="population")) == (
        "Der Überschneidungstabelle fehlt die Spalte bzw. fehlen die Spalten population."
    )
    blocks = [box(i, 0, i + 1, 1) for i in range(3)]
    assert _message(lambda: spaces.validate_assignment(blocks[:2], ["b0", "b1"], ["A"])) == (
        "Block-IDs, Sozialraum-IDs und Geometrien müssen gleich viele Zeilen haben."
    )
    res = spaces.validate_assignment(blocks, ["b0", "b1", "b2"], ["A", None, "A"], population=[1, 1, 1], floor=5)
    lines = res.summary().splitlines()
    assert lines[0] == "1 Sozialräume, 3 Mängel:"
    assert "- Block ohne Sozialraum: 1" in lines
    assert "  unassigned: no social space id (Blöcke b1)" in lines  # the report's detail stays as written
    two = blocks[:2]
    assert _message(lambda: rg.regionalise_blocks(two, [1, 1], floor=10, ceiling=5)) == (
        "Die Einwohner-Untergrenze (10) muss mindestens 0 sein und unter der Obergrenze (5) liegen."
    )
    assert _message(lambda: rg.regionalise_blocks(two, [1, float("nan")], floor=1, ceiling=5)) == (
        "Das Einwohnerfeld hat 1 Blöcke ohne gültige Zahl (erster: Blockzeile 2, Wert nan). Tragen Sie 0 für "
        "Blöcke ohne Einwohner ein."
    )
    adjacency = graph.block_adjacency(two)
    assert _message(lambda: rg.regionalise(np.ones(2), adjacency, units=["A"], floor=1, ceiling=5)) == (
        "Das Feld der übergeordneten Einheit hat 1 Werte für 2 Blöcke."
    )
    assert _message(lambda: graph.block_adjacency(two, contiguity="bishop")) == (
        "Die Nachbarschaft muss „rook“ oder „queen“ sein, nicht 'bishop'."
    )
