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

from ..helpers import TS_DE as TS
from ..helpers import core_german

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def german():
    table = core_german()
    i18n.set_translator(lambda s: table.get(s, s), decimal=",", quotes="„“")  # as install_translator("de")
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
    assert str(err.value) == ("Das Feld „quote“ (Indikator) ist nicht in den Daten. Vorhandene Felder: key, sgb2, ew.")
    with pytest.raises(InputError) as err:
        index.compute_index(data, ["sgb2"], key="key", residents_field="ew", min_residents=100)
    assert str(err.value) == (
        "Feld „ew“ (Einwohner): 2 von 3 Einheiten enthalten Text, der keine Zahl ist (Zeile 1: „531 EW“, "
        "Zeile 3: „hoch“). Sie würden als fehlend gelesen und stillschweigend ausgelassen. Korrigieren Sie die "
        "Werte (eine Zahl, oder leer/NULL, wo kein Wert bekannt ist; entfernen Sie Einheiten wie „EW“) und "
        "starten Sie erneut."
    )
    with pytest.raises(InputError) as err:
        index.compute_index(data, [{"field": "sgb2", "direction": "neutral"}])
    assert str(err.value) == (
        "Der Indikator „sgb2“ ist im Katalog neutral (Kontext); ohne ausdrückliche Richtung kann er nicht in "
        "einen Index eingehen. Geben Sie für ihn „höher = ungünstiger“ oder „höher = besser“ an oder lassen Sie "
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
        "1 Einheit(en) haben weniger als 50 % der Indikatoren und erhalten keinen Index (Kennzeichen: zu wenige Daten)."
    ]


def test_facility_network_and_grid_errors_are_german(german, tmp_path):
    import datetime as dt

    from sozialplanung_plugin.core import facilities as fac
    from sozialplanung_plugin.core import network as netw
    from sozialplanung_plugin.core import zensus_grid as zg

    with pytest.raises(InputError) as err:
        fac.parse_capacity([10, "25 Plätze"], field_name="plaetze", feature_ids=[7, 8])
    assert str(err.value) == (
        "Das Kapazitätsfeld „plaetze“ enthält 1 Wert(e), die keine Zahl >= 0 sind (Objekt 8: „25 Plätze“). "
        "Schreiben Sie die Kapazität als reine Zahl (z. B. 25, nicht „25 Plätze“ oder „ca. 25“); lassen Sie das "
        "Feld leer, wo sie nicht bekannt ist."
    )
    with pytest.raises(InputError) as err:
        fac.open_on([None, "next year"], [None, None], dt.date(2025, 12, 31))
    assert str(err.value) == (
        "Einrichtung 2: „next year“ ist kein Eröffnungsdatum (Feld „opened“) (schreiben Sie JJJJ-MM-TT, "
        "TT.MM.JJJJ oder ein Jahr)."
    )
    with pytest.raises(InputError) as err:
        fac.load_facility_types(tmp_path / "fehlt.yaml")
    assert str(err.value) == f"Die Datei der Einrichtungstypen {tmp_path / 'fehlt.yaml'} existiert nicht."
    with pytest.raises(InputError) as err:
        fac.decay_weights([1.0], 10.0, decay="cubic")
    assert str(err.value) == "Unbekannte Distanzgewichtung „cubic“. Verwenden Sie eine von none, gaussian, linear."

    xy, off, part = netw.polylines([[(0.0, 0.0), (100.0, 0.0)], [(100.0, 0.0), (100.0, 50.0)]])
    with pytest.raises(InputError) as err:
        netw.build_network(xy, off, part, geographic=True)
    assert str(err.value) == (
        "Das Wegenetz liegt in einem Koordinatensystem in Grad vor; Längen wären Grad, nicht Meter. Projizieren "
        "Sie es in ein projiziertes KBS in Metern (z. B. EPSG:25832 ETRS89 / UTM 32N) und starten Sie erneut."
    )
    with pytest.raises(InputError) as err:
        netw.build_network(xy, off, part, mode="time", speed_kmh=[5.0, -1.0], source="Wegenetz „strassen“")
    assert str(err.value) == (
        "Linie 2 im Wegenetz „strassen“ hat keine gültige Geschwindigkeit (-1,0 km/h). Geschwindigkeiten sind "
        "km/h >= 0 (0 = nicht passierbar)."
    )
    with pytest.raises(InputError) as err:
        netw.speeds_from_classes(["residential", "cycleway"], {"residential": 4.5}, field="highway")
    assert str(err.value) == (
        "Keine Geschwindigkeit für die Straßenklasse(n) „cycleway“ des Felds „highway“. Ergänzen Sie sie in der "
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
        f"Die Gittertabelle {comma} hat kein „;“ in ihrer Kopfzeile („GITTER_ID_100m,Einwohner“). "
        "Zensus-Gittertabellen sind durch „;“ getrennt."
    )
    bad = tmp_path / "zelle.csv"
    bad.write_text("GITTER_ID_100m;Einwohner\nCRS3035RES100mN2689100E4337000;viele\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        zg.read_zensus_grid(bad)
    assert str(err.value) == (
        f"{bad}, Zeile 2, Spalte 2 (Einwohner): „viele“ ist weder eine Zahl noch ein Zeichen der Zensustabellen "
        "(„–“ gesperrt, „.“ unbekannt)."
    )


def test_hotspot_strengths_and_report_errors_are_german(german, tmp_path):
    import numpy as np
    import pandas as pd

    from sozialplanung_plugin.core import hotspots as hs
    from sozialplanung_plugin.core import report_docx as rd
    from sozialplanung_plugin.core import strengths as sw
    from sozialplanung_plugin.core.catalogue import default_catalogue

    chain = hs.Weights.from_pairs(3, [0, 1], [1, 2])
    with pytest.raises(InputError) as err:
        hs.local_statistics([1.0, np.nan, np.nan], chain)
    assert str(err.value) == (
        "Hot Spots brauchen Werte für mindestens 3 Einheiten; 1 von 3 haben einen. Wählen Sie einen anderen "
        "Indikator oder ein anderes Jahr."
    )
    with pytest.raises(InputError) as err:
        hs.local_statistics([2.0, 2.0, 2.0], chain)
    assert str(err.value) == "Hot Spots: Alle Einheiten haben denselben Wert; es gibt kein Muster zu testen."
    with pytest.raises(InputError) as err:
        hs.significant_mask(np.array([0.01]), 0.05, "holm")
    assert str(err.value) == "Die Korrektur muss eine von fdr, bonferroni, none sein, nicht „holm“."

    with pytest.raises(InputError) as err:
        sw.Rule(low_percentile=80, high_percentile=20)
    assert str(err.value) == (
        "Regel der Stärken-Schwächen-Analyse: Das untere Perzentil (80) muss unter dem oberen (20) liegen."
    )
    with pytest.raises(InputError) as err:
        sw.Rule(alpha=1.5)
    assert str(err.value) == "Regel der Stärken-Schwächen-Analyse: Alpha muss zwischen 0 und 1 liegen, nicht 1,5."
    kind = default_catalogue().indicators["kinderarmut_sgb2_u15"]
    with pytest.raises(InputError) as err:
        sw.assess(pd.DataFrame({"x": [1.0, 2.0]}, index=["a", "a"]), [kind], 2025)
    assert str(err.value) == (
        "Stärken-Schwächen-Analyse: Der Sozialraumschlüssel „a“ kommt mehrfach vor. Schlüssel müssen eindeutig sein."
    )
    with pytest.raises(InputError) as err:
        sw.assess(pd.DataFrame({"x": [1.0, 2.0]}, index=["a", "b"]), [kind], 2023)
    assert str(err.value) == (
        "Stärken-Schwächen-Analyse: Der Layer hat kein Feld „kinderarmut_sgb2_u15_2023“ (Indikator "
        "„kinderarmut_sgb2_u15“, Jahr 2023). Führen Sie „Indikatoren über Ebenen und Jahre aggregieren“ für "
        "dieses Jahr aus oder wählen Sie einen anderen Indikator oder ein anderes Jahr."
    )

    table = rd.Table("Tabelle 1", ["a", "b"], [["1"]])
    with pytest.raises(InputError) as err:
        rd.write_docx(rd.Report("x", sections=[rd.Section("a", [table])]), tmp_path / "a.docx")
    assert str(err.value) == "Tabelle „Tabelle 1“: Eine Zeile hat 1 Zellen, die Kopfzeile 2."
    figure = rd.Figure(str(tmp_path / "no.png"), "c")
    with pytest.raises(InputError) as err:
        rd.write_docx(rd.Report("x", sections=[rd.Section("a", [figure])]), tmp_path / "b.docx")
    assert str(err.value) == f"Die Abbildung {tmp_path / 'no.png'} des Berichts fehlt."
    with pytest.raises(InputError) as err:
        rd.write_docx(rd.Report("x"), tmp_path / "c.docx", template=str(tmp_path / "fehlt.docx"))
    assert str(err.value) == (
        f"Die Word-Vorlage {tmp_path / 'fehlt.docx'} existiert nicht. Wählen Sie eine vorhandene .docx-Datei oder keine."
    )


# ------------------------------------------------------------------ the monitoring store (core/store), in German

from .. import pgserver  # noqa: E402 - the store's part of the file; its PostgreSQL cases need the server

pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn  # pytest fixtures of the throwaway server


def _german_error(call, *args, **kwargs):
    with pytest.raises(InputError) as err:
        call(*args, **kwargs)
    return str(err.value)


def test_store_vocabulary_and_sql_names_in_german(german):
    from sozialplanung_plugin.core.store import common, sql

    assert _german_error(common.normalise_level, "dorf") == (
        "Unbekannte räumliche Ebene „dorf“. Verwenden Sie eine von: block, space, municipality, county."
    )
    assert _german_error(common.normalise_date, None, "deadline") == (
        "Frist: Die Angabe fehlt. Geben Sie ein Datum (JJJJ-MM-TT) oder ein Jahr an."
    )
    assert _german_error(common.normalise_date, "31.13.2024") == (
        "Stichtag: „31.13.2024“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT (z. B. 2023-12-31), TT.MM.JJJJ "
        "oder als Jahr (2023 bedeutet 2023-12-31)."
    )
    assert _german_error(common.normalise_direction, "seitwärts") == (
        "Unbekannte Zielrichtung „seitwärts“. Verwenden Sie „at_most“ (der Wert soll auf den Zielwert oder "
        "darunter sinken) oder „at_least“ (auf den Zielwert oder darüber steigen)."
    )
    assert _german_error(sql.check_name, "1abc", "role name") == (
        "„1abc“ ist als Rollenname in der Datenbank nicht erlaubt: Verwenden Sie nur Buchstaben, Ziffern und "
        "Unterstriche (höchstens 63 Zeichen, nicht mit einer Ziffer beginnend)."
    )
    assert _german_error(sql.Ident, "a b").startswith("„a b“ ist als Name in der Datenbank nicht erlaubt:")
    assert _german_error(sql.quote_literal, "a\x00b") == "Ein Text für die Datenbank enthält ein NUL-Zeichen."


def test_store_files_and_opening_in_german(german, tmp_path):
    from sozialplanung_plugin.core.store import Store
    from sozialplanung_plugin.core.store.files import check_sqlite_file

    empty = tmp_path / "leer.gpkg"
    empty.write_bytes(b"")
    assert _german_error(check_sqlite_file, str(empty), empty_ok=False) == (
        f"Die Datei der Monitoring-Datenbank „{empty}“ ist leer: Sie enthält keine Monitoring-Datenbank. "
        "Prüfen Sie den Pfad."
    )
    text = tmp_path / "text.gpkg"
    text.write_text("Sozialraum;Einwohner\n", encoding="utf-8")
    assert _german_error(Store.open, str(text)) == (
        f"„{text}“ ist kein GeoPackage: Die Datei ist keine SQLite-Datenbank (eine andere Art Datei mit der Endung "
        ".gpkg, oder beschädigt). Wählen Sie die Datei der Monitoring-Datenbank oder einen neuen Dateinamen für "
        "eine neue Monitoring-Datenbank."
    )
    good = tmp_path / "gut.gpkg"
    Store.open(str(good)).close()
    cut = tmp_path / "abgeschnitten.gpkg"
    cut.write_bytes(good.read_bytes()[:40000])
    assert _german_error(Store.open, str(cut)) == (
        f"Die Datei der Monitoring-Datenbank „{cut}“ ist unvollständig: Sie enthält 40000 von "
        f"{good.stat().st_size} Byte (beim Kopieren oder Speichern abgeschnitten?). Es wurde nichts geändert. "
        "Stellen Sie sie aus einer Sicherung wieder her (storebackup schreibt eine) oder kopieren Sie sie erneut."
    )
    assert _german_error(Store.open, str(tmp_path / "werte.csv")) == (
        f"Die Datei der Monitoring-Datenbank „{tmp_path / 'werte.csv'}“ muss auf .gpkg enden (ein GeoPackage), "
        "oder geben Sie eine PostgreSQL-Verbindung an (postgresql://... oder service=...)."
    )
    missing = tmp_path / "monitoing.gpkg"
    assert _german_error(Store.open, str(missing), read_only=True) == (
        f"Die Monitoring-Datenbank „{missing}“ existiert nicht. Prüfen Sie den Pfad; eine neue "
        "Monitoring-Datenbank legen nur die Algorithmen an, die in sie schreiben (storeunits, storewrite)."
    )
    folder = tmp_path / "fehlt"
    assert _german_error(Store.open, str(folder / "neu.gpkg")) == (
        f"Der Ordner „{folder}“ für die Monitoring-Datenbank existiert nicht. Legen Sie ihn an oder wählen Sie "
        "einen anderen."
    )
    (tmp_path / "ordner.gpkg").mkdir()
    assert _german_error(Store.open, str(tmp_path / "ordner.gpkg")) == (
        f"„{tmp_path / 'ordner.gpkg'}“ ist ein Ordner; geben Sie den Dateinamen der Monitoring-Datenbank an "
        "(Endung .gpkg)."
    )
    assert not missing.exists() and not folder.exists()


def test_store_schema_versions_in_german(german, tmp_path):
    import sqlite3

    from sozialplanung_plugin.core.store import SCHEMA_VERSION, Store

    old = tmp_path / "alt.gpkg"
    Store.open(str(old), _upto=1).close()
    assert _german_error(Store.open, str(old), read_only=True) == (
        f"Die Monitoring-Datenbank „{old}“ hat die Schemaversion 1; dieses Plugin braucht {SCHEMA_VERSION}. "
        "Führen Sie einmal einen schreibenden Algorithmus auf ihr aus (z. B. storeunits oder storewrite), der sie "
        "aktualisiert."
    )
    newer = tmp_path / "neuer.gpkg"
    Store.open(str(newer)).close()
    con = sqlite3.connect(newer)
    con.execute("INSERT INTO sm_schema_version (version, applied_at) VALUES (999, '2030-01-01')")
    con.commit()
    con.close()
    assert _german_error(Store.open, str(newer)) == (
        f"Die Monitoring-Datenbank „{newer}“ hat die Schemaversion 999, neuer als dieses Plugin kennt "
        f"({SCHEMA_VERSION}). Aktualisieren Sie das Sozialplanung-Plugin."
    )
    other = tmp_path / "anderes.gpkg"
    con = sqlite3.connect(other)
    con.execute("PRAGMA application_id = 1196444487")
    con.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
    con.commit()
    con.close()
    assert _german_error(Store.open, str(other), read_only=True) == (
        f"„{other}“ enthält keine Monitoring-Datenbank (keine Tabelle sm_schema_version). Prüfen Sie den Pfad "
        "oder den Schemanamen."
    )


def test_store_backup_restore_and_roles_in_german(german, tmp_path):
    from sozialplanung_plugin.core.store import Store
    from sozialplanung_plugin.core.store.backup import backup, restore
    from sozialplanung_plugin.core.store.roles import plan_roles, role_name

    store = Store.open(str(tmp_path / "monitoring.gpkg"))
    try:
        assert _german_error(backup, store, str(tmp_path / "sicherung.zip")) == (
            f"Die Sicherung „{tmp_path / 'sicherung.zip'}“ muss eine GeoPackage-Datei sein (Endung .gpkg)."
        )
        snap = tmp_path / "sicherung.gpkg"
        backup(store, str(snap))
        assert _german_error(backup, store, str(snap)) == (
            f"„{snap}“ existiert bereits. Eine Sicherung überschreibt nie eine Datei: Wählen Sie einen neuen "
            "Dateinamen."
        )
        assert _german_error(plan_roles, store) == (
            "Rollen, Zeilensicherheit (row-level security) und Protokollierung gibt es nur für eine "
            "PostgreSQL-Monitoring-Datenbank. Eine GeoPackage-Monitoring-Datenbank hat nur einen Benutzer: Sie ist "
            "durch die Rechte ihres Ordners geschützt (siehe docs/store.md)."
        )
    finally:
        store.close()
    assert _german_error(restore, str(snap), str(snap)) == (
        "Eine Sicherung kann nicht in sich selbst wiederhergestellt werden; wählen Sie eine andere "
        "Monitoring-Datenbank."
    )
    assert _german_error(restore, str(tmp_path / "monitoring.gpkg"), str(tmp_path / "neu.gpkg")) == (
        f"„{tmp_path / 'monitoring.gpkg'}“ ist eine Monitoring-Datenbank, aber keine von storebackup geschriebene "
        "Sicherung (sie hat keine Prüfsumme). Es wurde nichts wiederhergestellt. Sichern Sie sie mit storebackup "
        "und stellen Sie diese Sicherung wieder her."
    )
    assert _german_error(role_name, "1kreis", "admin") == (
        "„1kreis_admin“ ist als Rollenname in der Datenbank nicht erlaubt: Verwenden Sie nur Buchstaben, Ziffern "
        "und Unterstriche (höchstens 63 Zeichen, nicht mit einer Ziffer beginnend)."
    )


def test_store_geometries_in_german(german):
    from shapely.geometry import LineString, Point, box

    from sozialplanung_plugin.core.store.geometry import to_multipolygon_wkb, to_point_wkb

    assert _german_error(to_multipolygon_wkb, None) == (
        "Eine Raumeinheit hat keine Geometrie. Jede Raumeinheit braucht ein Polygon."
    )
    assert _german_error(to_multipolygon_wkb, LineString([(0, 0), (1, 1)])) == (
        "Eine Raumeinheit hat eine Geometrie vom Typ LineString; Raumeinheiten müssen Polygone sein."
    )
    assert _german_error(to_multipolygon_wkb, "POLYGON ((0 0, 1 1, 2 2, 0 0))") == (
        "Eine Raumeinheit hat eine leere Geometrie (keine Fläche). Jede Raumeinheit braucht ein Polygon."
    )
    assert (
        _german_error(to_point_wkb, None)
        == "Eine Einrichtung hat keine Geometrie. Jede Einrichtung braucht einen Punkt."
    )
    assert _german_error(to_point_wkb, box(0, 0, 1, 1)) == (
        "Eine Einrichtung hat eine Geometrie vom Typ Polygon; Einrichtungen werden als Punkte gespeichert."
    )
    assert to_point_wkb(Point(1, 2))[1] == ((1.0, 2.0, 1.0, 2.0), 0.0)


def test_postgresql_store_messages_in_german(german, pg_dsn):
    from sozialplanung_plugin.core.store import Store
    from sozialplanung_plugin.core.store.roles import plan_roles

    dsn, schema = pg_dsn
    assert _german_error(Store.open, dsn, schema="Kreis-Schema") == (
        "Der PostgreSQL-Schemaname „Kreis-Schema“ ist nicht erlaubt; verwenden Sie Kleinbuchstaben, Ziffern und "
        "Unterstriche."
    )
    store = Store.open(dsn, schema=schema)
    try:
        assert _german_error(plan_roles, store, threshold=0) == (
            "Die Geheimhaltungsschwelle muss mindestens 1 sein (üblich ist 3)."
        )
        info = store.conn.info
        assert store.display_name == (
            f"PostgreSQL-Schema „{schema}“ in Datenbank „{info.dbname}“ auf {info.host or 'localhost'}"
        )
        assert (
            store.plain_name
            == f"PostgreSQL schema '{schema}' in database '{info.dbname}' on {info.host or 'localhost'}"
        )
    finally:
        store.close()


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
    assert "  unassigned: keine Sozialraum-ID (Blöcke b1)" in lines  # the defect's flag word stays English
    assert "  below_floor: Sozialraum A: 2 Einwohner < Untergrenze 5 (Blöcke b0, b2)" in lines
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
        "Die Nachbarschaft muss „rook“ oder „queen“ sein, nicht „bishop“."
    )


_STORE_CAT = {
    "id": "kreis",
    "version": "1",
    "indicators": [{"id": "sgb2_quote", "numerator": ["sgb2_lb"], "denominator": ["ew_u65"], "multiplier": 100}],
    "variables": ["ew", "sgb2_lb", "ew_u65"],
}


def _two_spaces(path):
    from shapely.geometry import box

    from sozialplanung_plugin.core.store import Store

    store = Store.open(str(path))
    store.put_units(
        "space",
        [{"key": "A", "geometry": box(0, 0, 1000, 1000)}, {"key": "B", "geometry": box(1000, 0, 2000, 1000)}],
    )
    return store


def test_store_units_catalogue_and_values_in_german(german, tmp_path):
    import pandas as pd
    from shapely.geometry import box

    from sozialplanung_plugin.core.store import catalogue_record

    store = _two_spaces(tmp_path / "monitoring.gpkg")
    try:
        # units
        assert _german_error(store.put_units, "space", [{"schluessel": "A", "geometry": box(0, 0, 1, 1)}]) == (
            "Die Tabelle der Raumeinheiten hat keine Schlüsselspalte „key“. Spalten: schluessel, geometry."
        )
        twice = [{"key": "C", "geometry": box(0, 0, 1, 1)}, {"key": "C", "geometry": box(1, 0, 2, 1)}]
        assert _german_error(store.put_units, "space", twice) == (
            "Der Schlüssel „C“ kommt in der Spalte „key“ mehrfach vor."
        )
        assert _german_error(store.put_units, "space", [{"key": "A", "geometry": box(0, 0, 999, 999)}]) == (
            "Die Raumeinheit „A“ (Ebene space) hat eine Geometrie, die ab 1900-01-01 gilt; eine neue Geometrie muss "
            "ab einem späteren Datum gelten, nicht ab 1900-01-01."
        )
        assert _german_error(store.put_units, "space", [{"key": 5378, "geometry": box(0, 0, 1, 1)}]) == (
            "Die Schlüssel der Raumeinheiten in der Spalte „key“ müssen Text sein (führende Nullen zählen); lesen "
            "Sie die Tabelle mit der Schlüsselspalte als Text."
        )
        # catalogue
        assert _german_error(catalogue_record, {"indicators": []}) == (
            "Der Indikatorenkatalog hat keine Kennung oder keine Version. Die Monitoring-Datenbank braucht beides, "
            "um Kataloge zu unterscheiden; ergänzen Sie „id“ und „version“ in der Katalogdatei."
        )
        values = pd.DataFrame({"unit_key": ["A", "B"], "variable": "ew", "value": [120.0, 80.0]})
        assert _german_error(store.write_values, values, level="space", ref_date=2023) == (
            "Die Monitoring-Datenbank hat noch keinen Indikatorenkatalog. Geben Sie den Katalog an, mit dem die "
            "Werte berechnet wurden."
        )
        # values
        result = store.write_values(values, level="space", catalogue=_STORE_CAT, ref_date=2023)
        assert result.message == "2 Werte hinzugefügt, 0 geändert, 0 unverändert."
        again = store.write_values(values, level="space", catalogue=_STORE_CAT, ref_date=2023)
        assert again.message == "Alle Werte stehen bereits in der Monitoring-Datenbank; es wurde nichts geschrieben."
        other = dict(_STORE_CAT, id="land")
        assert _german_error(store.write_values, values, level="space", catalogue=other, ref_date=2023) == (
            "Diese Monitoring-Datenbank enthält Werte des Indikatorenkatalogs „kreis“, die Daten wurden mit dem "
            "Katalog „land“ (Version 1) berechnet. Es wurde nichts geschrieben. Verwenden Sie den Katalog der "
            "Monitoring-Datenbank oder eine eigene Monitoring-Datenbank."
        )
        unknown = values.assign(unit_key=["A", "Z"])
        assert _german_error(store.write_values, unknown, level="space", catalogue=_STORE_CAT, ref_date=2023) == (
            "1 Schlüssel stehen am 2023-12-31 nicht auf der Ebene „space“ in der Monitoring-Datenbank: Z. Es wurde "
            "nichts geschrieben. Prüfen Sie die Ebene und die Schlüsselspalte, oder registrieren Sie zuerst die "
            "Raumeinheiten."
        )
        wrong = values.assign(variable="kinderarmut")
        assert _german_error(store.write_values, wrong, level="space", catalogue=_STORE_CAT, ref_date=2023) == (
            "1 Variable(n) sind weder Indikatoren noch Zählvariablen des Katalogs „kreis“, Version 1: kinderarmut. "
            "Es wurde nichts geschrieben. Prüfen Sie den Katalog oder die Spaltennamen."
        )
        assert _german_error(
            store.write_values, values.iloc[0:0], level="space", catalogue=_STORE_CAT, ref_date=2023
        ) == ("Es gibt keine Werte zu schreiben (die Tabelle ist leer). Es wurde nichts geschrieben.")
        assert _german_error(store.write_values, values, level="space", catalogue=_STORE_CAT) == (
            "Die Werte haben keinen Stichtag. Geben Sie ein Datum (oder Jahr) für den Import an."
        )
    finally:
        store.close()


def test_store_layers_targets_and_carrying_in_german(german, tmp_path):
    import pandas as pd

    from sozialplanung_plugin.core.store import values_from_layer

    layer = pd.DataFrame({"key": ["A", "B"], "ew_2023": ["1.200", "viele"]})
    assert _german_error(values_from_layer, layer, "schluessel", ["ew"]) == (
        "Der Layer hat kein Schlüsselfeld „schluessel“. Seine Felder: key, ew_2023."
    )
    assert _german_error(values_from_layer, layer, "key", ["ew"]) == (
        "Das Feld „ew_2023“ enthält Text, der keine Zahl ist („viele“ in Zeile 2). Indikator- und Zählfelder müssen "
        "Zahlen enthalten; kennzeichnen Sie gesperrte oder fehlende Werte stattdessen im Feld „<id>_flag“."
    )
    assert _german_error(
        values_from_layer, layer.assign(jahr=["2023", "zwanzig"]), "key", ["ew"], layout="long", date_column="jahr"
    ) == (
        "Datum im Feld „jahr“: „zwanzig“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT (z. B. 2023-12-31), "
        "TT.MM.JJJJ oder als Jahr (2023 bedeutet 2023-12-31)."
    )
    assert _german_error(values_from_layer, layer.rename(columns={"ew_2023": "ew"}), "key", ["ew"]) == (
        "Der Layer hat Indikatorfelder ohne Jahr. Geben Sie den Stichtag (oder das Jahr) der Werte an."
    )
    assert _german_error(values_from_layer, layer, "key", ["sgb2_quote"], ref_date=2023) == (
        "Der Layer hat keine Felder von Indikatoren oder Zählvariablen des Katalogs (z. B. sgb2_quote ...). Prüfen "
        "Sie den Layer und den Katalog."
    )
    store = _two_spaces(tmp_path / "monitoring.gpkg")
    try:
        store.register_catalogue(_STORE_CAT)
        target = {"indicator": "sgb2_quote", "level": "space", "unit_key": "A", "target_value": 8, "deadline": 2030}
        assert _german_error(store.put_targets, [{"indicator": "sgb2_quote", "unit_key": "A"}]) == (
            "Der Zieltabelle fehlen die Spalte(n) target_value, deadline. Erwartet: indicator, level, unit_key, "
            "target_value, direction, deadline, baseline_date, baseline_value."
        )
        assert _german_error(store.put_targets, [dict(target, indicator="armut")]) == (
            "Zieltabelle, Zeile 1: Der Indikator „armut“ steht nicht im Katalog der Monitoring-Datenbank. Es wurde "
            "nichts geschrieben."
        )
        assert _german_error(store.put_targets, [target, dict(target, unit_key="Z")]) == (
            "Zieltabelle, Zeile 2: Die Raumeinheit „Z“ steht nicht auf der Ebene „space“ in der Monitoring-Datenbank. "
            "Es wurde nichts geschrieben."
        )
        assert _german_error(store.put_targets, [dict(target, target_value="acht")]) == (
            "Zieltabelle, Zeile 1: Der Zielwert „acht“ ist keine Zahl."
        )
        assert _german_error(store.put_targets, [dict(target, deadline="bald")]) == (
            "Frist: „bald“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT (z. B. 2023-12-31), TT.MM.JJJJ oder als "
            "Jahr (2023 bedeutet 2023-12-31)."
        )
        assert _german_error(store.carry_values, from_at=2022, to_at=2024) == (
            "Die Monitoring-Datenbank hat keine am 2022-12-31 gültige Zuordnung der Blöcke zur Ebene „space“. "
            "Registrieren Sie die Blöcke mit ihrer Einheit der Ebene „space“ (put_units mit einer Spalte der "
            "übergeordneten Einheit) für beide Grenzversionen."
        )
        assert _german_error(store.carry_values, from_at="gestern", to_at=2024) == (
            "Datum der alten Grenzen: „gestern“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT (z. B. 2023-12-31), "
            "TT.MM.JJJJ oder als Jahr (2023 bedeutet 2023-12-31)."
        )
    finally:
        store.close()
    empty = _two_spaces(tmp_path / "leer.gpkg")
    try:
        assert _german_error(empty.carry_values, from_at=2022, to_at=2024) == (
            "Die Monitoring-Datenbank hat noch keinen Katalog und keine Werte; es gibt nichts zu übertragen."
        )
    finally:
        empty.close()


def test_store_facilities_in_german(german, tmp_path):
    from shapely.geometry import Point, box

    store = _two_spaces(tmp_path / "monitoring.gpkg")
    kita = {"key": "K1", "type": "kita", "capacity": 50, "geometry": Point(500, 500)}
    try:
        assert _german_error(store.put_facilities, [{"key": "K1", "geometry": Point(1, 1)}]) == (
            "Die Tabelle der Einrichtungen hat keine Spalte „type“. Spalten: key, geometry."
        )
        assert _german_error(store.put_facilities, [kita, dict(kita)]) == (
            "Der Einrichtungsschlüssel „K1“ kommt in der Spalte „key“ mehrfach vor. Es wurde nichts geschrieben."
        )
        assert _german_error(store.put_facilities, [dict(kita, capacity="25 Plätze")]) == (
            "Einrichtung „K1“: Die Kapazität „25 Plätze“ ist keine Zahl."
        )
        assert _german_error(store.put_facilities, [dict(kita, capacity=-3)]) == (
            "Einrichtung „K1“: Die Kapazität -3 ist negativ."
        )
        assert _german_error(store.put_facilities, [dict(kita, opened=2020, closed=2019)]) == (
            "Die Einrichtung „K1“ schließt (2019-01-01) vor oder an dem Tag, an dem sie öffnet (2020-01-01)."
        )
        assert _german_error(store.put_facilities, [dict(kita, geometry=box(0, 0, 1, 1))]) == (
            "Die Einrichtung „K1“ hat eine Geometrie vom Typ Polygon; Einrichtungen werden als Punkte gespeichert."
        )
        assert _german_error(store.put_facilities, [dict(kita, type=None)]) == (
            "Die Einrichtung „K1“ hat keinen Typ (Spalte „type“)."
        )
    finally:
        store.close()


def test_typology_rules_and_warnings_in_german(german):
    import pandas as pd

    from sozialplanung_plugin.core import typology

    assert _german_error(typology.load_rules, "gibt_es_nicht") == (
        "Regelsatz „gibt_es_nicht“ nicht gefunden (weder eine Datei noch einer von staedteregion_aachen)."
    )
    assert _german_error(typology.validate_rules, {"fields": []}) == (
        "rules: Ein Regelsatz braucht eine nicht leere Liste „fields“."
    )
    cond = {"indicator": "sgb2_quote", "op": ">", "factor": 1.2}
    assert _german_error(
        typology.validate_rules, {"fields": [{"id": "armut", "conditions": [dict(cond, op="=")]}]}
    ) == ("rules: Handlungsfeld „armut“, Bedingung 1: Operator „=“ unbekannt (verwenden Sie >, >=, <, <=).")
    twice = {"fields": [{"id": "armut", "conditions": [cond]}, {"id": "armut", "conditions": [cond]}]}
    assert _german_error(typology.validate_rules, twice) == (
        "rules: Die Kennung „armut“ eines Handlungsfelds kommt doppelt vor."
    )
    rules = {
        "id": "kreis",
        "fields": [{"id": "armut", "min_conditions": 1, "conditions": [cond, dict(cond, indicator="alq")]}],
    }
    data = pd.DataFrame({"sgb2_quote": [10.0, 20.0, 30.0]})
    assert _german_error(typology.evaluate_typology, data, rules, year=2023) == (
        "Der Layer hat kein Feld für den oder die Indikator(en) alq (oder „<id>_2023“), die der Regelsatz „kreis“ "
        "verwendet (Handlungsfeld(er) armut). Ordnen Sie ihnen Felder zu, korrigieren Sie die Indikatorkennung im "
        "Regelsatz oder erlauben Sie, Bedingungen ohne Daten zu überspringen."
    )
    res = typology.evaluate_typology(data, rules, skip_missing=True)
    assert res.warnings == ["Handlungsfeld „armut“: Bedingung „alq > 1.2 x county“ übersprungen (keine Daten)."]
    assert list(res.frame["hf_armut"]) == [0, 0, 1]  # 30 > 1.2 x mean 20 = 24
    assert _german_error(typology.evaluate_typology, data, rules, weights_field="ew") == (
        "Das Gewichtsfeld „ew“ ist nicht vorhanden."
    )
    assert _german_error(typology.rerun_typology, {"schema": "x"}, data) == (
        "Dies ist keine Methodenbeschreibung einer Sozialplanung-Typologie."
    )


def test_sensitivity_messages_in_german(german):
    import pandas as pd

    from sozialplanung_plugin.core import sensitivity

    data = pd.DataFrame({"a": [1.0, 2.0, 3.0, 4.0], "b": [2.0, 1.0, 4.0, 3.0], "c": [5.0, 5.0, 5.0, 5.0]})
    assert _german_error(sensitivity.monte_carlo, data, []) == (
        "Für die Sensitivitätsanalyse sind keine Indikatoren angegeben."
    )
    assert _german_error(sensitivity.monte_carlo, data, ["a", "b"], n_draws=0) == (
        "Die Zahl der Monte-Carlo-Ziehungen muss mindestens 1 sein."
    )
    assert _german_error(sensitivity.monte_carlo, data, ["a", "b"], weight_mode="zufall") == (
        "Unbekannter weight_mode „zufall“ (verwenden Sie dirichlet, range oder fixed)."
    )
    assert _german_error(sensitivity.monte_carlo, data, ["a", "b"], normalisations=["log"]) == (
        "Unbekannte Normierung „log“."
    )
    assert _german_error(sensitivity.indicator_diagnostics, data, ["a"]) == (
        "Korrelationen und Cronbachs Alpha brauchen mindestens zwei Indikatoren."
    )
    assert _german_error(sensitivity.indicator_diagnostics, data, ["a", "c"]) == (
        "Indikator(en) „c“ sind über die vollständigen Referenzeinheiten konstant (Standardabweichung 0); nehmen "
        "Sie sie aus dem Index."
    )
    assert _german_error(sensitivity.indicator_diagnostics, data.iloc[:2], ["a", "b"]) == (
        "Weniger als drei vollständige Einheiten: Korrelationen sind nicht möglich."
    )


def test_table_reader_messages_are_german(german, tmp_path):
    """core/tables: model (years, empty cells), source (file kind, encoding, sheets), reader (keys, cells)."""
    import openpyxl

    from sozialplanung_plugin.core.tables import read_table

    def csv(name, text):
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    # model
    table = read_table(csv("b.csv", "Jahr;Blocknummer;Einwohner\n2019;b1;10\n2020;b1;11\n"))
    assert (
        _message(lambda: table.wide(2030)) == "b.csv: Die Tabelle enthält kein Jahr 2030; vorhandene Jahre: 2019, 2020."
    )
    assert read_table(csv("n.csv", "Blocknummer;Einwohner;Kinder\nb1;10;2\nb2;;5\n")).warnings == [
        "1 leere Zelle(n) als „fehlend“ (kein Wert) gelesen. Amtliche Tabellen verwenden „.“ oder „-“ statt leerer "
        "Zellen; prüfen Sie, ob 0 gemeint ist."
    ]
    # source
    assert _message(lambda: read_table(csv("bild.csv", b"\x89PNG\r\n\x1a\nxxxx"))) == (
        "bild.csv: Das ist keine Texttabelle, sondern ein PNG-Bild, obwohl der Name auf „.csv“ endet. Wählen Sie die "
        "Datei mit der Statistik. Speichern Sie sie als CSV (Semikolon) oder XLSX, wenn sie eine Tabelle enthält."
    )
    assert _message(lambda: read_table(csv("h.csv", b"\x00\x01\x02abc;def\n"))) == (
        "h.csv: Das ist keine Texttabelle (binärer Inhalt). Speichern Sie sie als CSV (Semikolon) oder XLSX."
    )
    wb = openpyxl.Workbook()
    wb.active.title = "Daten"
    wb.active.append(["Blocknummer", "Einwohner"])
    wb.active.append(["b1", 3])
    wb.save(tmp_path / "m.xlsx")
    assert _message(lambda: read_table(tmp_path / "m.xlsx", sheet="Date")) == (
        "m.xlsx: Es gibt kein Blatt „Date“. Blätter: Daten (meinten Sie „Daten“?)."
    )
    assert _message(lambda: read_table(tmp_path / "m.xlsx", sheet=4)) == (
        "m.xlsx: Es gibt kein Blatt Nummer 5; die Arbeitsmappe hat 1 Blätter (Daten)."
    )
    # reader
    assert _message(lambda: read_table(csv("k.xls", "x"))) == (
        "k.xls: .xls-Dateien können nicht gelesen werden. Öffnen Sie die Datei in Excel oder LibreOffice und "
        "speichern Sie sie als .xlsx oder als CSV (durch Semikolon getrennt)."
    )
    assert _message(lambda: read_table(csv("c.csv", "Blocknummer;Einwohner\nb1;10\nb1;12\n"))) == (
        "c.csv, Zeile 3, Spalte 1 („Blocknummer“): Der Schlüssel „b1“ kommt zweimal vor (auch in Zeile 2). Jeder "
        "Schlüssel darf nur einmal vorkommen; entfernen oder vereinen Sie die doppelte Zeile."
    )
    assert _message(lambda: read_table(csv("d.csv", "Blocknummer;Einwohner\nb1;zehn\nb2;1x\nb3;3\n"))) == (
        "d.csv, Zeile 2, Spalte 2 („Einwohner“): „zehn“ ist keine Zahl (keine Zahl im deutschen Format). Zahlen "
        "werden wie 1.234 oder 1.234,5 geschrieben (deutsch) und dürfen „%“ tragen; erlaubte Zeichen sind - (genau "
        "null), 0, . (unbekannt oder geheim), ... (noch nicht verfügbar), x (Aussage nicht sinnvoll), / (nicht "
        "sicher genug), * (anonymisiert), (12) (unsicher), 12 p/r/s. Korrigieren Sie die Zelle oder ersetzen Sie "
        "sie durch „.“, wenn der Wert unbekannt ist. 1 weitere Zelle(n) sind nicht lesbar: Zeile 3 Spalte 2 „1x“."
    )
    assert _message(lambda: read_table(csv("e.csv", "Blocknummer;Einwohner\nb1;10\n"), key="Schluessel")) == (
        "e.csv: Die Schlüsselspalte „Schluessel“ steht nicht in der Kopfzeile (Zeile 1). Spalten: Blocknummer, "
        "Einwohner."
    )
    assert _message(lambda: read_table(csv("g.csv", "Jahr;Blocknummer;Einwohner\nzwanzig;b1;10\n"))) == (
        "g.csv, Zeile 2, Spalte 1 („Jahr“): „zwanzig“ ist kein Jahr. Schreiben Sie das Jahr mit vier Ziffern "
        "(z. B. 2014) oder als Datum wie 31.12.2014."
    )
    assert read_table(csv("o.csv", "AGS;Einwohner\n5378004;10\n05378008;12\n")).warnings == [
        "o.csv: 1 Schlüsselzelle(n) hatten führende Nullen verloren (als Zahlen gespeichert, z. B. 5378004 -> "
        "05378004) und wurden auf 8 Stellen aufgefüllt. Formatieren Sie die Schlüsselspalte als Text, um das zu "
        "vermeiden."
    ]


def test_numbers_in_a_german_message_take_the_decimal_comma():
    i18n.set_translator(
        {"{n:,} of {total:,} bytes, {share:.1%}, mean {m}.": "{n:,} von {total:,} Byte, {share:.1%}, Mittel {m}."}.get,
        decimal=",",
    )
    try:
        text = i18n.tr("{n:,} of {total:,} bytes, {share:.1%}, mean {m}.", n=8192, total=978944, share=0.125, m=0.75)
        assert text == "8.192 von 978.944 Byte, 12,5 %, Mittel 0,75."
        assert i18n.tr("Key {key}.", key="05.1") == "Key 05.1."  # text values stay as they are
    finally:
        i18n.set_translator(None)
    assert i18n.tr("{share:.1%} of {n:,}", share=0.125, n=8192) == "12.5% of 8,192"  # English


def test_no_core_error_message_is_a_bare_english_literal():
    """Every InputError of the core gets its message through tr() (directly or from a helper that uses it):
    a string literal or an f-string with words would reach a German user in English."""
    import ast
    import re

    bad = []
    for path in sorted((ROOT / "sozialplanung_plugin" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError" and node.args):
                continue
            arg = node.args[0]
            parts = [arg] if isinstance(arg, ast.Constant) else arg.values if isinstance(arg, ast.JoinedStr) else []
            words = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            if re.search(r"[A-Za-z]{2}", words):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, bad


def test_numpy_numbers_are_filled_in_as_plain_numbers():
    """numpy 2 writes repr(np.float64(-1.0)) as 'np.float64(-1.0)': a message shows the number, on every numpy."""
    import numpy as np

    assert (
        i18n.tr(
            "speed {speed!r} km/h, value {value!r}, n {n}",
            speed=np.float64(-1.0),
            value=np.float64("nan"),
            n=np.int64(3),
        )
        == "speed -1.0 km/h, value nan, n 3"
    )


def test_broken_excel_file_and_word_template_in_german_without_the_libraries_english(german, tmp_path):
    """zipfile's 'File is not a zip file' and python-docx's 'Package not found at' are said in our words."""
    from sozialplanung_plugin.core import report_docx
    from sozialplanung_plugin.core.tables import source

    xlsx = tmp_path / "kaputt.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 keine Arbeitsmappe")
    assert _message(lambda: source.xlsx_rows(xlsx, None)) == (
        "kaputt.xlsx: Die Datei lässt sich nicht als Excel-Arbeitsmappe öffnen (sie ist kein ZIP-Archiv, wie es "
        "jede .xlsx-Datei ist). Speichern Sie sie erneut als .xlsx oder als CSV (Semikolon)."
    )
    docx = tmp_path / "vorlage.docx"
    docx.write_bytes(b"PK\x03\x04 kein Word")
    assert _message(lambda: report_docx.write_docx(None, tmp_path / "bericht.docx", template=docx)) == (
        f"Die Word-Vorlage {docx} lässt sich nicht als Word-Dokument lesen (beschädigt, oder eine andere Art Datei "
        "mit der Endung .docx). Wählen Sie eine in Word oder LibreOffice gespeicherte .docx-Datei oder keine."
    )
    assert not (tmp_path / "bericht.docx").exists()


def test_german_translations_quote_with_german_quotes():
    """„…“ in German, not '…' around a word or a {placeholder} (tools/i18n_update.py --check fails on them)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from i18n_update import german_quotes, straight_quotes

    assert [s[2] for s in straight_quotes("Das Feld '{field}' des Layers 'blocks' fehlt.")] == ["{field}", "blocks"]
    assert german_quotes("Das Feld '{field}' fehlt; trennen mit ';'.") == "Das Feld „{field}“ fehlt; trennen mit „;“."
    for fine in (
        "Globales Moran's I",  # an apostrophe, no pair
        "Der Layer „{layer}“ hat keine Objekte.",
        "<a href='https://example.org/x'>Hilfe</a>",  # HTML attribute
        "mit dem Feldrechner: to_int(regexp_replace(\"{field}\", '[^0-9]', ''))",  # an expression to type
        "Objekt {id}: {value!r}",  # repr's quotes are the value's, not the translation's
        'Setzen Sie den Wert in Anführungszeichen ("{char}...")',  # a typed example
        'ein Anführungszeichen (") nicht geschlossen',  # one double quote, no pair
        '<span style="color: red">Fehler</span>',  # HTML attribute
    ):
        assert straight_quotes(fine) == [], fine
    # double quotes around a word or a placeholder are a slip as well
    assert [s[2] for s in straight_quotes('Das Feld "{field}" des Layers "blocks" fehlt.')] == ["{field}", "blocks"]
    assert german_quotes("Der Wert \"{v}\" ist ungültig; '{w}' auch.") == "Der Wert „{v}“ ist ungültig; „{w}“ auch."
    messages = [t for t in _all_german_translations() if straight_quotes(t)]
    assert not messages, messages[:5]


def _all_german_translations():
    return [msg.findtext("translation") or "" for msg in ET.parse(TS).getroot().iter("message")]


def test_fill_formats_messages_outside_the_core_in_the_language(german):
    """core.i18n.fill: the formatting of tr for templates translated outside the core (self.tr in processing/):
    the decimal comma in German, str.format in English (issue 15: '0.0001 bis 0.2', '(900.0)' in German)."""
    import numpy as np

    assert i18n.fill("eine Zahl von {lo:g} bis {hi:g}", lo=0.0001, hi=0.2) == "eine Zahl von 0,0001 bis 0,2"
    assert i18n.fill("Untergrenze ({:g}), Obergrenze ({})", 900.5, 300) == "Untergrenze (900,5), Obergrenze (300)"
    assert i18n.fill("{:.1%} in {:.2f} s, {n:,} Einwohner", 0.125, np.float64(1.5), n=12345) == (
        "12,5 % in 1,50 s, 12.345 Einwohner"
    )
    i18n.set_translator(None)
    assert i18n.fill("a number from {lo:g} to {hi:g}", lo=0.0001, hi=0.2) == "a number from 0.0001 to 0.2"
    assert i18n.fill("({:g}) {n:,}", 900.5, n=12345) == "(900.5) 12,345"


def test_repr_values_and_quote_in_the_language(german):
    """{x!r} of a text and quote(x) stand in „…“ in German ('25 Plätze' in a German sentence before issue 15's
    fix); a number with !r follows the decimal mark, other values keep their repr; English keeps repr's quotes."""
    assert i18n.fill("Objekt {id}: {value!r}", id=3, value="25 Plätze") == "Objekt 3: „25 Plätze“"
    assert i18n.fill("{a!r} {b!r} {c!r} {d!r} {e!r}", a="a\tb", b=-1.5, c=None, d=[1, "x"], e=True) == (
        "„a\\tb“ -1,5 None [1, 'x'] True"
    )
    assert i18n.tr("feature {id}: {value!r}", id=3, value="kita") == "Objekt 3: „kita“"
    assert i18n.quote("ew") == "„ew“"
    i18n.set_translator(None)
    assert i18n.fill("feature {id}: {value!r}", id=3, value="it's") == 'feature 3: "it\'s"'
    assert i18n.tr("feature {id}: {value!r}", id=3, value=-1.5) == "feature 3: -1.5"
    assert i18n.quote("ew") == "'ew'"
