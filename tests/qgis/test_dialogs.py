"""The algorithms' own dialogs (processing's AlgorithmDialog, as the toolbox opens them), driven with pytest-qt.

Issue 19: help panels showed hard-wrapped sentences; dialogs were long flat lists. Screenshots: with
SOZIALPLANUNG_SCREENSHOT_DIR set (e.g. docs/img) the screenshot tests save there, else into the test's tmp folder.
"""

import re
import sys
from pathlib import Path

import pytest
from qgis.core import QgsSettings

from ..helpers import open_dialog, panel, set_input, shot_dir

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "sozialplanung_plugin" / "resources" / "help"
sys.path.append("/usr/share/qgis/python/plugins")


@pytest.fixture
def language(qgis_app, provider):
    """Switch the plugin's language (translator + the help's language setting) for one test."""
    import subprocess

    from sozialplanung_plugin.toolbelt.i18n import install_translator, remove_translator

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag", None), settings.value("locale/userLocale", None))
    installed = []

    def _set(lang):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "de_DE" if lang == "de" else "en_US")
        if lang == "de" and not installed:
            subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)
            translator = install_translator("de")
            assert translator is not None
            installed.append(translator)

    yield _set
    for t in installed:
        remove_translator(t)
    for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def help_browser(dialog):
    from qgis.PyQt.QtWidgets import QTextBrowser

    return dialog.findChild(QTextBrowser, "textShortHelp")


# ------------------------------------------------------------------------------------------------ help
@pytest.mark.parametrize("lang", ["en", "de"])
def test_help_panels_are_flowing_short_paragraphs(qtbot, provider, language, lang):
    """Every algorithm's help panel: the title, then the file's paragraphs, each one flowing paragraph ending a
    sentence (QGIS turns every line break into a paragraph: a wrapped file showed half sentences), short."""
    language(lang)
    problems = []
    for alg in sorted(provider.algorithms(), key=lambda a: a.name()):
        source = (HELP / lang / f"{alg.name()}.html").read_text(encoding="utf-8")
        n_paragraphs = len(re.findall(r"<p>", source))
        dialog = open_dialog(qtbot, alg.name())
        lines = [ln.strip() for ln in help_browser(dialog).toPlainText().split("\n") if ln.strip()]
        dialog.close()
        title, paragraphs = lines[0], lines[1:]
        if title != alg.displayName():
            problems.append(f"{alg.name()}: title {title!r}")
        if len(paragraphs) != n_paragraphs:
            problems.append(f"{alg.name()}: {len(paragraphs)} lines shown for {n_paragraphs} paragraphs")
        problems += [f"{alg.name()}: broken paragraph {p[-40:]!r}" for p in paragraphs if not p.endswith(".")]
        words = sum(len(p.split()) for p in paragraphs)
        if words > 170:
            problems.append(f"{alg.name()}: {words} words (keep the panel short; details go to docs/)")
        if lang == "de" and " the " in " ".join(paragraphs):
            problems.append(f"{alg.name()}: English in the German help")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_screenshot_help_panel(qtbot, provider, language, tmp_path, lang, demo_layer):
    """The compositeindex dialog with its help panel (docs/img/dialog_help_<lang>.png)."""
    from qgis.PyQt.QtWidgets import QSplitter

    language(lang)
    dialog = open_dialog(qtbot, "compositeindex", (1150, 760))
    set_input(panel(dialog).wrappers["INPUT"], demo_layer)
    for splitter in dialog.findChildren(QSplitter):
        splitter.setSizes([620, 530])
    text = help_browser(dialog).toPlainText()
    assert ("rank 1" if lang == "en" else "Rang 1") in text
    qtbot.wait(100)
    path = shot_dir(tmp_path) / f"dialog_help_{lang}.png"
    assert dialog.grab().save(str(path))
    dialog.close()
    assert path.stat().st_size > 10000


# ------------------------------------------------------------------------------------------------ the demo layer
@pytest.fixture(scope="module")
def demo_layer(qgis_app, demo_dir, tmp_path_factory):
    """The demo county's 68 social spaces with six indicators for 2014, 2024 and 2025 (a GeoPackage, in the
    project as a planner would have it)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    src = demo_dir / "rbk_demo.gpkg"
    out = tmp_path_factory.mktemp("dialogs") / "spaces.gpkg"
    processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": f"{src}|layername=blocks",
            "UNIT_KEY": "block_id",
            "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in (2014, 2024, 2025)],
            "INDICATORS": "einwohner,sgb2_quote,kinderarmut_sgb2_u15,arbeitslose_anteil,altersarmut_65plus,"
            "auslaenderanteil",
            "LEVEL_FIELDS": ["sr_id"],
            "LEVEL_NAME_FIELDS": ["sr_name"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
            "OUTPUT_1": f"ogr:dbname='{out}' table=\"indicators_social_spaces\" (geom)",
        },
        feedback=QgsProcessingFeedback(),
        context=QgsProcessingContext(),
    )
    layer = QgsVectorLayer(f"{out}|layername=indicators_social_spaces", "Sozialräume", "ogr")
    assert layer.isValid() and layer.featureCount() == 68
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def in_advanced_group(widget):
    """True when the widget sits in the dialog's collapsible 'Advanced parameters' group."""
    from qgis.PyQt.QtWidgets import QGroupBox

    w = widget.parentWidget()
    while w is not None:
        if isinstance(w, QGroupBox) and "dvanced" in (w.title() or "") + w.objectName():
            return True
        w = w.parentWidget()
    return False


def wrapper_widget(wrapper):
    from sozialplanung_plugin.ui.parameter_widgets import widget_and_label

    return widget_and_label(wrapper)[0]


# ------------------------------------------------------------------------------------------------ basic vs advanced
BASIC_LIMIT = {"compositeindex": 10, "aggregateindicators": 10}


def test_each_dialog_shows_few_basic_parameters(qtbot, provider, qgis_app):
    """Every algorithm's dialog: the parameters outside 'Advanced' are the ones without FlagAdvanced, and there are
    few of them (at most 10 for compositeindex and aggregateindicators, 12 elsewhere)."""
    from qgis.core import QgsProcessingParameterDefinition as D

    counts = {}
    for alg in sorted(provider.algorithms(), key=lambda a: a.name()):
        dialog = open_dialog(qtbot, alg.name())
        params = [p for p in alg.parameterDefinitions() if not p.flags() & D.FlagHidden]
        basic = [p.name() for p in params if not p.flags() & D.FlagAdvanced]
        advanced = [p.name() for p in params if p.flags() & D.FlagAdvanced]
        wrappers = panel(dialog).wrappers
        for name in basic + advanced:
            if name in wrappers and not alg.parameterDefinition(name).isDestination():
                assert in_advanced_group(wrapper_widget(wrappers[name])) == (name in advanced), (alg.name(), name)
        counts[alg.name()] = (len(basic), len(advanced))
        dialog.close()
    print("basic / advanced parameters:", counts)
    for name, (n_basic, _n_adv) in counts.items():
        assert n_basic <= BASIC_LIMIT.get(name, 12), (name, counts[name])
    assert counts["compositeindex"][0] <= 10 and counts["aggregateindicators"][0] <= 10


def test_labels_say_optional_once_and_are_not_cut(provider):
    """'[optional]' is added by QGIS: no label says '(optional)' itself; labels fit a dialog (<= 64 characters),
    algorithm names fit the toolbox (<= 48)."""
    problems = []
    for alg in provider.algorithms():
        if len(alg.displayName()) > 48:
            problems.append(f"{alg.name()}: name {alg.displayName()!r}")
        for p in alg.parameterDefinitions():
            text = p.description()
            if "optional" in text.lower():
                problems.append(f"{alg.name()}.{p.name()}: {text!r}")
            if len(text) > 64 and not p.flags() & 8:  # FlagHidden
                problems.append(f"{alg.name()}.{p.name()}: {len(text)} characters: {text!r}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------------------------ presets
def test_preset_switches_unused_parameters_off(qtbot, demo_layer):
    dialog = open_dialog(qtbot, "compositeindex", (1000, 900))
    w = panel(dialog).wrappers

    def enabled(name):
        return wrapper_widget(w[name]).isEnabled()

    preset = w["PRESET"]
    assert not enabled("DYNAMICS_FIELDS") and enabled("WEIGHTS") and enabled("CLASS_METHOD")  # general
    preset.setValue(1)  # Berlin MSS
    assert enabled("DYNAMICS_FIELDS") and enabled("POPULATION_FIELD") and enabled("MIN_RESIDENTS")
    for name in ("DOMAINS", "WEIGHTS", "DOMAIN_WEIGHTS", "NORMALISATION", "CLASS_METHOD", "N_CLASSES", "GISD_LOADINGS"):
        assert not enabled(name), name
    assert "Berlin MSS" in wrapper_widget(w["WEIGHTS"]).toolTip()
    preset.setValue(2)  # English IoD
    assert enabled("DOMAINS") and enabled("DOMAIN_WEIGHTS") and not enabled("DYNAMICS_FIELDS")
    assert not enabled("WEIGHTS") and not enabled("GISD_CLASSES")
    preset.setValue(3)  # GISD
    assert enabled("GISD_CLASSES") and enabled("GISD_LOADINGS") and enabled("LOG_FIELDS")
    assert not enabled("DOMAIN_WEIGHTS") and not enabled("CLASS_METHOD")
    dialog.close()


# ------------------------------------------------------------------------------------------------ indicator and year
def test_choose_indicators_and_year_then_run_berlin_mss(qtbot, demo_layer, tmp_path):
    """In the dialog: Berlin MSS, four status indicators of 2025 and their changes 2014-2025 ticked by name, the
    residents of 2025; Run. The output has the 12 MSS classes' labels in words."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt

    dialog = open_dialog(qtbot, "compositeindex", (1000, 900))
    w = panel(dialog).wrappers
    set_input(w["INPUT"], demo_layer)
    w["PRESET"].setValue(1)
    status, dynamics, residents = w["INDICATORS"].widget, w["DYNAMICS_FIELDS"].widget, w["POPULATION_FIELD"].widget
    assert status.year.currentText() == "2025" and status.part.currentData() == ""
    names = [status.list.item(i).text() for i in range(status.list.count())]
    assert "Kinderarmut (SGB II-Quote unter 15)" in names and "Einwohner" in names
    wanted = ["SGB II-Quote", "Kinderarmut (SGB II-Quote unter 15)", "Arbeitslosenanteil (SGB II und III)"]
    for i in range(status.list.count()):
        if status.list.item(i).text() in wanted:
            status.list.item(i).setCheckState(Qt.CheckState.Checked)
    assert w["INDICATORS"].value() == ["sgb2_quote_2025", "kinderarmut_sgb2_u15_2025", "arbeitslose_anteil_2025"]
    # the changes: the period 2014-2025, the same three by name
    dynamics.year.setCurrentIndex(dynamics.year.findText("2014–2025"))
    for i in range(dynamics.list.count()):
        if dynamics.list.item(i).text() in wanted:
            dynamics.list.item(i).setCheckState(Qt.CheckState.Checked)
    assert w["DYNAMICS_FIELDS"].value() == [
        "sgb2_quote_chg_2014_2025",
        "kinderarmut_sgb2_u15_chg_2014_2025",
        "arbeitslose_anteil_chg_2014_2025",
    ]
    # residents: only counts are offered; einwohner 2025
    offered = [residents.combo.itemText(i) for i in range(residents.combo.count())]
    assert "Einwohner" in offered and "SGB II-Quote" not in offered
    residents.combo.setCurrentIndex(residents.combo.findText("Einwohner"))
    residents.year.setCurrentIndex(residents.year.findText("2025"))
    assert w["POPULATION_FIELD"].value() == "einwohner_2025"
    before = {lyr.id() for lyr in QgsProject.instance().mapLayers().values()}
    dialog.runAlgorithm()
    qtbot.waitUntil(lambda: bool(dialog.results()), timeout=120000)
    results = dialog.results()
    assert results["CLASS_FIELD"] == "mss_class" and results["N_INDEXED"] == 68
    new = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.id() not in before]
    assert new, "the index layer was not added to the project"
    labels = {f["mss_label"] for f in new[0].getFeatures()}
    assert any(lab.endswith("/ negativ") for lab in labels if lab), labels
    dialog.close()
    for lyr in new:
        QgsProject.instance().removeMapLayer(lyr.id())


def test_raw_fields_stay_available(qtbot, demo_layer):
    """The picker's 'All fields of the layer' shows every numeric field by its name (layers the plugin did not
    make); a value that is no indicator field opens the raw view with it ticked."""
    dialog = open_dialog(qtbot, "compositeindex")
    w = panel(dialog).wrappers
    set_input(w["INPUT"], demo_layer)
    picker = w["INDICATORS"].widget
    w["INDICATORS"].setValue(["n_units", "area_km2"])
    assert picker.raw.isChecked()
    assert sorted(w["INDICATORS"].value()) == ["area_km2", "n_units"]
    picker.raw.setChecked(False)
    assert picker.list.count() >= 5 and not picker.value()
    dialog.close()


def test_toolbox_groups_follow_the_workflow(provider):
    """The toolbox sorts groups by name; the numbers keep the order of the work (social spaces first)."""
    from qgis.PyQt.QtCore import QCoreApplication

    from sozialplanung_plugin.processing.base import group_names

    workflow = ["spaces", "indicators", "indices", "analysis", "infrastructure", "maps", "reports", "monitoring"]
    workflow.append("catalogue")
    names = group_names()
    shown = [names[g] for g in workflow]
    assert sorted(shown, key=lambda n: n.casefold()) == shown, shown
    assert shown[0].endswith(QCoreApplication.translate("SozialplanungAlgorithm", "1 Social spaces")[2:])
    used = {alg.groupId() for alg in provider.algorithms()}
    assert used <= set(workflow), used - set(workflow)


# ------------------------------------------------------------------------------------------------ every indicator field
#: Field parameters that take indicator fields of a layer the plugin made (1,400 raw fields on a real county layer):
#: shown as indicator, year and part. Keys, names, flags and fields of other layers stay plain field boxes.
INDICATOR_FIELDS = {
    "compositeindex": ["INDICATORS", "DYNAMICS_FIELDS", "POPULATION_FIELD", "HIGHER_BETTER", "HIGHER_WORSE"]
    + ["LOG_FIELDS"],
    "indexsensitivity": ["INDICATORS", "HIGHER_BETTER", "HIGHER_WORSE", "POPULATION_FIELD"],
    "overviewmapsheets": ["FIELDS"],
    "hotspots": ["FIELD"],
    "strengthsweaknesses": ["FIELDS"],
    "reportdocument": ["FIELDS"],
    "municipalreport": ["FIELDS"],
    "actionfieldtypology": ["WEIGHTS_FIELD"],
}


def test_indicator_fields_are_chosen_by_indicator_and_year(qtbot, provider, demo_layer):
    """Each of these parameters shows the picker in its dialog; on the demo layer it offers the indicators by name
    with the layer's years (2014, 2024, 2025), newest first, not the raw field names."""
    from sozialplanung_plugin.ui.parameter_widgets import FieldPicker

    for alg_id, names in INDICATOR_FIELDS.items():
        dialog = open_dialog(qtbot, alg_id)
        w = panel(dialog).wrappers
        parent = alg_id and provider.algorithm(alg_id).parameterDefinition(names[0]).parentLayerParameterName()
        set_input(w[parent], demo_layer)
        for name in names:
            picker = w[name].widget
            assert isinstance(picker, FieldPicker), (alg_id, name, type(picker))
            if picker.absolute:
                offered = [picker.combo.itemText(i) for i in range(picker.combo.count())]
                assert "Einwohner" in offered and "SGB II-Quote" not in offered, (alg_id, name, offered)
                continue
            assert not picker.raw.isChecked(), (alg_id, name)
            years = [picker.year.itemText(i) for i in range(picker.year.count())]
            if picker.part.currentData() == "chg":  # the changes: periods
                assert "2014–2025" in years, (alg_id, name, years)
            else:
                assert years == ["2025", "2024", "2014"], (alg_id, name, years)
            shown = (
                [picker.list.item(i).text() for i in range(picker.list.count())]
                if picker.multiple
                else [picker.combo.itemText(i) for i in range(picker.combo.count())]
            )
            assert "SGB II-Quote" in shown and not any(s.startswith("sgb2_quote") for s in shown), (alg_id, name)
        dialog.close()


def test_hotspots_from_its_dialog_by_indicator_and_year_with_metres(qtbot, demo_layer):
    """hotspots: child poverty of 2024 chosen by name and year; the distance boxes show the layer's unit
    (metres, EPSG:25832); Run: the output has the 68 spaces and the chosen field's clusters."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QComboBox, QLabel

    dialog = open_dialog(qtbot, "hotspots", (1000, 900))
    w = panel(dialog).wrappers
    set_input(w["INPUT"], demo_layer)
    picker = w["FIELD"].widget
    picker.year.setCurrentIndex(picker.year.findText("2024"))
    picker.combo.setCurrentIndex(picker.combo.findText("Kinderarmut (SGB II-Quote unter 15)"))
    assert w["FIELD"].value() == "kinderarmut_sgb2_u15_2024"
    for name in ("DISTANCE", "TOLERANCE"):
        box = w[name].wrappedWidget()
        texts = [lab.text() for lab in box.findChildren(QLabel)]
        texts += [c.currentText() for c in box.findChildren(QComboBox) if c.isVisible()]
        assert any("meter" in t.lower() for t in texts), (name, texts)
    from qgis.core import QgsProcessingContext

    w["PERMUTATIONS"].setParameterValue(99, QgsProcessingContext())
    before = {lyr.id() for lyr in QgsProject.instance().mapLayers().values()}
    dialog.runAlgorithm()
    qtbot.waitUntil(lambda: bool(dialog.results()), timeout=120000)
    new = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.id() not in before]
    assert new and new[0].featureCount() == 68
    # the same Moran's I as a run on that field (another field or year gives another I)
    import processing
    from qgis.core import QgsProcessingFeedback

    params = {"INPUT": demo_layer, "FIELD": "kinderarmut_sgb2_u15_2024", "PERMUTATIONS": 99, "OUTPUT": "memory:"}
    direct = processing.run("sozialplanung:hotspots", params, feedback=QgsProcessingFeedback())
    other = processing.run("sozialplanung:hotspots", {**params, "FIELD": "kinderarmut_sgb2_u15_2014"})
    assert dialog.results()["GLOBAL_MORAN_I"] == pytest.approx(direct["GLOBAL_MORAN_I"], abs=1e-12)
    assert abs(other["GLOBAL_MORAN_I"] - direct["GLOBAL_MORAN_I"]) > 1e-6
    dialog.close()
    for lyr in new:
        QgsProject.instance().removeMapLayer(lyr.id())


@pytest.mark.parametrize("alg_id", ["networkaccess", "facilitysupply", "accessgaps"])
def test_facility_types_are_ticked_by_name(qtbot, alg_id, tmp_path):
    """The facility types come from the types file, by name (no ids typed by hand); ticking two gives the ids the
    algorithm reads; a county's own types file replaces the list."""
    dialog = open_dialog(qtbot, alg_id)
    w = panel(dialog).wrappers
    types = w["TYPES"].widget
    names = [types.list.item(i).text() for i in range(types.list.count())]
    assert "Kindertageseinrichtung" in names and "Hausärztliche Praxis" in names and len(names) == 8, names
    from qgis.PyQt.QtCore import Qt

    for i in range(types.list.count()):
        if types.list.item(i).text() in ("Kindertageseinrichtung", "Hausärztliche Praxis"):
            types.list.item(i).setCheckState(Qt.CheckState.Checked)
    assert w["TYPES"].value() == "kita,hausarzt"
    own = tmp_path / "typen.yaml"
    default = Path(__file__).resolve().parents[2] / "sozialplanung_plugin" / "resources" / "facilities"
    text = (default / "default.yaml").read_text(encoding="utf-8")
    own.write_text(text.replace("name: Grundschule", "name: Grundschule (Kreis)"), encoding="utf-8")
    from qgis.core import QgsProcessingContext

    w["TYPES_FILE"].setParameterValue(str(own), QgsProcessingContext())
    names = [types.list.item(i).text() for i in range(types.list.count())]
    assert "Grundschule (Kreis)" in names and w["TYPES"].value() == "kita,hausarzt", names
    dialog.close()
