"""German translation: every UI string translated, the compiled .qm loads, algorithms and help speak German."""

import subprocess
import sys
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "sozialplanung_plugin"


def test_every_ui_string_has_a_german_translation():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n_update.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]


@pytest.fixture
def german(qgis_app, provider):
    subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)
    from sozialplanung_plugin.toolbelt.i18n import install_translator, remove_translator

    translator = install_translator("de")
    assert translator is not None, "resources/i18n/sozialplanung_de.qm missing or unreadable"
    yield
    remove_translator(translator)


def test_algorithms_show_german_names_groups_and_parameters(german):
    from sozialplanung_plugin.processing.define_social_spaces import DefineSocialSpaces

    alg = DefineSocialSpaces()
    alg.initAlgorithm()
    assert alg.displayName() == "Sozialräume aus Blöcken bilden (Zuordnung)"
    assert alg.group() == "1 Sozialräume"
    assert alg.parameterDefinition("BLOCKS").description() == "Statistische Blöcke"
    assert QCoreApplication.translate("SozialplanungProvider", "Sozialplanung") == "Sozialplanung"


def test_every_algorithm_has_english_and_german_help(provider):
    missing = []
    for alg in provider.algorithms():
        for lang in ("en", "de"):
            path = PLUGIN / "resources" / "help" / lang / f"{alg.name()}.html"
            if not path.exists() or len(path.read_text(encoding="utf-8")) < 200:
                missing.append(f"{lang}/{alg.name()}.html")
    assert not missing, f"help files missing or too short: {missing}"


def test_german_help_is_german(provider):
    from sozialplanung_plugin.toolbelt.i18n import help_text

    for alg in provider.algorithms():
        de, en = help_text(alg.name(), "de"), help_text(alg.name(), "en")
        assert de and de != en, alg.name()
        assert any(w in de for w in (" die ", " der ", " und ")), alg.name()


def test_core_messages_speak_german_through_the_installed_translator(german):
    """The core has no Qt; install_translator also hands Qt's translator to core.i18n (context 'core')."""
    from sozialplanung_plugin.core import classify
    from sozialplanung_plugin.core.errors import InputError

    with pytest.raises(InputError, match=r"^Die Zahl der Klassen muss mindestens 2 sein\.$"):
        classify.classify([1.0, 2.0, 3.0], method="quantile", n_classes=1)


def test_core_messages_are_english_again_after_the_translator_is_removed(qgis_app):
    from sozialplanung_plugin.core import classify
    from sozialplanung_plugin.core.errors import InputError
    from sozialplanung_plugin.toolbelt.i18n import install_translator, remove_translator

    remove_translator(install_translator("de"))
    with pytest.raises(InputError, match=r"^The number of classes must be at least 2\.$"):
        classify.classify([1.0, 2.0, 3.0], method="quantile", n_classes=1)


def test_a_broken_layout_template_is_refused_in_german(german, tmp_path):
    """processing/_layouts.py's messages are translated templates (docs/reliability.md named them English)."""
    from qgis.core import QgsProcessingException, QgsProject

    from sozialplanung_plugin.processing._layouts import find_item, load_template, template_path

    broken = tmp_path / "vorlage_kaputt.qpt"
    broken.write_text("<Layout name='x'><LayoutItem type='65639'", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as err:
        load_template(QgsProject.instance(), str(broken), "x")
    assert str(err.value) == (
        f"Die Layoutvorlage {broken} ist kein gültiges XML. Verwenden Sie eine von QGIS gespeicherte .qpt-Datei."
    )
    layout = load_template(QgsProject.instance(), template_path("overview_a4_landscape"), "x")
    with pytest.raises(QgsProcessingException) as err:
        find_item(layout, "keine_solche_id")
    assert str(err.value) == (
        "Die Layoutvorlage „overview_a4_landscape.qpt“ hat kein Element mit der ID „keine_solche_id“. Geben Sie "
        "dem Element diese ID im Layoutdesigner (Elementeigenschaften > ID) oder verwenden Sie die mitgelieferte "
        "Vorlage; siehe docs/map-sheets.md."
    )


def _refusal(run_alg, alg_id, params):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        run_alg(alg_id, params)
    return str(err.value)


def test_index_parameter_errors_are_refused_in_german(german, run_alg, qgis_app):
    """processing/_indices.py and composite_index.py: the text-form checks of weights, domains, directions and
    class breaks speak German through processing.run (they were English literals)."""
    from ..helpers import make_layer

    rows = [[f"k{i}", a, b] for i, (a, b) in enumerate([(1.0, 10.0), (2.0, 20.0), (3.0, 30.0), (6.0, 20.0)])]
    units = make_layer([("key", "string"), ("a", "double"), ("b", "double")], rows)
    base = {
        "INPUT": units,
        "KEY_FIELD": "key",
        "INDICATORS": ["a", "b"],
        "DIRECTIONS": "b=higher_better",
        "CLASS_METHOD": 5,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    cases = [
        ({"WEIGHTS": "a=-1; b=1"}, "Indikator „a“: Das Gewicht -1 ist negativ; Gewichte müssen 0 oder größer sein."),
        ({"WEIGHTS": "a=x; b=1"}, "Gewichte: „x“ für „a“ ist keine Zahl."),
        (
            {"DOMAINS": "d1: a, b; d2:"},
            "Der Bereich „d2“ hat keinen Indikator. Geben Sie seine Indikatorfelder nach „:“ an oder entfernen Sie "
            "den Bereich.",
        ),
        (
            {"DOMAINS": "d1: a; d2: b", "DOMAIN_WEIGHTS": "d1=1; d3=2"},
            "Der Bereich „d3“ hat ein Gewicht, aber keinen Indikator (Bereiche mit Indikatoren: d1, d2). Ordnen Sie "
            "ihm unter „Bereiche“ Indikatoren zu oder entfernen Sie sein Gewicht.",
        ),
        (
            {"DOMAINS": "d1: a; d2: b", "DOMAIN_WEIGHTS": "d1=0; d2=0"},
            "Die Bereichsgewichte ergeben in der Summe 0; geben Sie mindestens einem Bereich ein positives Gewicht.",
        ),
        (
            {"DIRECTIONS": "b=sideways"},
            "Indikator „b“: Die Richtung „sideways“ ist unbekannt; verwenden Sie „+“ (höher ist schlechter) oder „-“ "
            "(höher ist besser).",
        ),
        (
            {"CLASS_METHOD": 4, "BREAKS": "0; x"},
            "Manuelle Klassengrenzen „0; x“: Nicht alle sind Zahlen (trennen Sie sie mit „;“, Dezimalstellen mit „.“ "
            "oder „,“).",
        ),
    ]
    for extra, german_text in cases:
        assert _refusal(run_alg, "compositeindex", dict(base, **extra)) == german_text, extra


def test_a_network_in_degrees_is_refused_in_german(german, run_alg, qgis_app):
    """processing/_access.py: the refusal of a line network in degrees, with the German name of the layer's role."""
    from ..helpers import access_params, hand_layers, wkt_layer

    _, fac, spaces, origins = hand_layers()
    roads = wkt_layer("LineString", [("class", "string")], [("LINESTRING(7.1 50.9, 7.2 50.9)", ["x"])], "EPSG:4326")
    assert _refusal(run_alg, "networkaccess", access_params(roads, fac, spaces, origins)) == (
        "Der Layer „t“ (Wegenetz) liegt in EPSG:4326 mit Koordinaten in Grad vor; Abstände wären Grad, nicht Meter. "
        "Projizieren Sie ihn in ein projiziertes KBS in Metern um (z. B. EPSG:25832 ETRS89 / UTM 32N: Vektor > "
        "Datenmanagement-Werkzeuge > Layer reprojizieren) und starten Sie erneut."
    )


def test_key_match_summary_is_german(german):
    """core/fields.py: the summary of a key comparison (import and aggregation logs) in German."""
    from sozialplanung_plugin.core.fields import match_keys

    rep = match_keys(["5378004", "05378008", "x1"], ["05378004", "05378008"])
    assert rep.message() == (
        "1 Schlüssel zugeordnet; 2 nur in der Tabelle: 5378004, x1; 1 nur im Layer: 05378004. 1 Tabellenschlüssel "
        "passen zu Layer-Schlüsseln, wenn eine führende Null ergänzt wird (z. B. 5378004 -> 05378004): Die "
        "Schlüsselspalte wurde wahrscheinlich in Excel als Zahl gespeichert; formatieren Sie sie als Text oder "
        "lesen Sie die Tabelle mit key_width."
    )


def test_numbers_and_quoted_values_outside_the_core_are_german(german, run_alg, qgis_app, tmp_path):
    """Messages built in processing/ fill their numbers with the decimal comma and quote values with „…“
    (core.i18n.fill/quote), as the core's messages do; the role of the field map is German (issue 15)."""
    from qgis.core import QgsProcessingParameterNumber

    from sozialplanung_plugin.processing.base import parameter_message

    data = ROOT / "tests" / "data" / "bad_inputs"
    alpha = QgsProcessingParameterNumber(
        "ALPHA", "Signifikanzniveau", QgsProcessingParameterNumber.Type.Double, 0.05, False, 0.0001, 0.2
    )
    assert parameter_message(alpha, 0.0) == (
        "Parameter „Signifikanzniveau“ (ALPHA): Der Wert „0,0“ ist nicht zulässig; zulässig: eine Zahl von 0,0001 "
        "bis 0,2. Korrigieren Sie ihn und starten Sie erneut."
    )
    out = {"OUTPUT": str(tmp_path / "out.gpkg")}
    blocks = {"BLOCKS": str(data / "blocks.geojson"), "POPULATION_FIELD": "ew", "ID_FIELD": "block_id"}
    blocks["OUTPUT_BLOCKS"] = str(tmp_path / "blocks.gpkg")
    floor = _refusal(run_alg, "regionaliseblocks", dict(blocks, FLOOR=900.5, CEILING=300, **out))
    assert floor.startswith("Die Einwohner-Untergrenze (900,5) muss unter der Obergrenze (300) liegen."), floor
    spaces = {"INPUT": str(data / "spaces.geojson"), "KEY_FIELD": "key"}
    inds = ["sgb2_quote_2024", "kinderarmut_sgb2_u15_2024", "arbeitslose_anteil_2024"]
    sens = _refusal(run_alg, "indexsensitivity", dict(spaces, INDICATORS=inds, WEAK=0.9, STRONG=0.1, **out))
    assert sens.startswith("Die Grenze für schwache Korrelationen (0,9) muss unter der für starke (0,1) liegen."), sens
    typ = _refusal(run_alg, "actionfieldtypology", dict(spaces, YEAR=2024, FIELD_MAP="sgb2_quote=>quote", **out))
    assert typ.startswith("Layer „spaces“ hat kein Feld „>quote“ (Feldzuordnung). Seine Felder sind: key,"), typ
