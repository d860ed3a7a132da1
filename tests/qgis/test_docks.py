"""The two docks driven as a user would: typing, clicking, keys; a real map canvas, real Processing runs.

Values are computed by hand from the tables below (4 blocks, spaces A = b1+b2, B = b3+b4, one municipality):
2021 Kinderarmut A = (5 + 0) / (25 + 10) x 100 = 14.29 %, municipality = county = 15 / 95 x 100 = 15.79 %;
2020 A = (2 + 1) / (20 + 10) x 100 = 10.0 %.

Screenshots: with SOZIALPLANUNG_SCREENSHOT_DIR set (e.g. docs/img) the screenshot test saves the docks there;
run it under a virtual screen: `QT_QPA_PLATFORM=xcb xvfb-run -a ... pytest tests/qgis/test_docks.py -k screenshot`.
"""

import itertools
import os
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPoint, Qt

from sozialplanung_plugin.processing.base import make_field
from sozialplanung_plugin.ui import common
from sozialplanung_plugin.ui.catalogue_dock import CatalogueDock
from sozialplanung_plugin.ui.profile_dock import ProfileDock

from ..helpers import square, write_table

_COUNTER = itertools.count()


def type_text(qtbot, widget, text):
    """Type text: ASCII through key events; other characters (ä, ß) as an input method would insert them
    (QTest cannot synthesise keys for non-ASCII characters)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            widget.insert(ch)


def settings_name():
    """Each test its own settings group: the docks restore state, tests must not see each other's."""
    return f"test{os.getpid()}_{next(_COUNTER)}"


def make_blocks_and_tables(tmp):
    blocks = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=block_id:string&field=sr_id:string&field=sr_name:string&field=ags:string",
        "blocks",
        "memory",
    )
    feats = []
    for i, (sr, name) in enumerate([("A", "Altstadt"), ("A", "Altstadt"), ("B", "Bergfeld"), ("B", "Bergfeld")]):
        f = QgsFeature(blocks.fields())
        f.setAttributes([f"05378000000{i + 1}", sr, name, "05378004"])
        f.setGeometry(square(i * 1000.0, 0.0))
        feats.append(f)
    blocks.dataProvider().addFeatures(feats)
    tables = [
        write_table(
            tmp / "bloecke_2020.csv",
            ["053780000001;100;20;2", "053780000002;50;10;1", "053780000003;200;40;3", "053780000004;100;20;6"],
        ),
        write_table(
            tmp / "bloecke_2021.csv",
            ["053780000001;110;25;5", "053780000002;50;10;0", "053780000003;200;40;4", "053780000004;100;20;6"],
        ),
    ]
    return blocks, tables


@pytest.fixture(scope="module")
def spaces(qgis_app, tmp_path_factory):
    """Social spaces A and B from the real aggregateindicators, plus index and action-field columns as the index
    and typology algorithms write them (A: class 4 and flagged in 'armut')."""
    import processing

    blocks, tables = make_blocks_and_tables(tmp_path_factory.mktemp("docks"))
    res = processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": tables,
            "INDICATORS": "kinderarmut_sgb2_u15,bevoelkerungsdichte,einwohner",
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "ags"],
            "OUTPUT_1": "TEMPORARY_OUTPUT",
            "OUTPUT_2": "TEMPORARY_OUTPUT",
            "OUTPUT_COUNTY": "TEMPORARY_OUTPUT",
        },
    )
    layer = res["OUTPUT_1"]
    layer.setName("Sozialräume (Test)")
    pr = layer.dataProvider()
    # as compositeindex (prefix 'mi') and actionfieldtypology name their fields
    pr.addAttributes(
        [
            make_field("mi_value", "double"),
            make_field("mi_rank", "int"),
            make_field("mi_class", "int"),
            make_field("mi_label", "string"),
            make_field("hf_armut", "int"),
            make_field("hf_armut_n", "int"),
            make_field("hf_alter", "int"),
            make_field("hf_alter_n", "int"),
            make_field("hf_count", "int"),
            make_field("hf_fields", "string"),
        ]
    )
    layer.updateFields()
    names = [
        "mi_value",
        "mi_rank",
        "mi_class",
        "mi_label",
        "hf_armut",
        "hf_armut_n",
        "hf_alter",
        "hf_alter_n",
        "hf_count",
        "hf_fields",
    ]
    idx = [layer.fields().indexOf(n) for n in names]
    values = {
        "A": [1.25, 1, 4, "4 (> 1,0)", 1, 3, 0, 0, 1, "Kumulierte materielle Armut"],
        "B": [-1.25, 2, 1, "1 (< -1,0)", 0, 1, 0, 0, 0, ""],
    }
    pr.changeAttributeValues({f.id(): dict(zip(idx, values[f["key"]])) for f in layer.getFeatures()})
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture
def county_file(tmp_path):
    """The county's own catalogue file in a temporary folder; the setting is reset afterwards."""
    path = tmp_path / "county.yaml"
    common.set_overlay_path(str(path))
    yield path
    common.set_overlay_path("")


@pytest.fixture
def catalogue_dock(qtbot, qgis_app):
    common.set_overlay_path("")
    dock = CatalogueDock(None, project=QgsProject.instance(), settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.resize(380, 720)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


# ------------------------------------------------------------------------------------------------------
# catalogue dock
# ------------------------------------------------------------------------------------------------------
def test_typing_in_search_filters_the_tree(qtbot, catalogue_dock):
    dock = catalogue_dock
    total = len(dock.catalogue.indicators)
    assert len(dock.visible_ids()) == total
    qtbot.keyClicks(dock.search, "kinderarmut")
    shown = dock.visible_ids()
    assert "kinderarmut_sgb2_u15" in shown and "kinderarmut_veraenderung" in shown
    assert "sgb2_quote" not in shown and "anteil_65plus" not in shown
    # topics without a hit are hidden, the tree shows them as a user sees them
    hidden_topics = [t for t in dock._topics.values() if t.isHidden()]
    assert "Demografie" in [t.text(0) for t in hidden_topics]
    # every word must occur: 'kinderarmut veränderung' keeps only the dynamics indicator
    type_text(qtbot, dock.search, " veränderung")
    assert dock.visible_ids() == ["kinderarmut_veraenderung"]
    dock.search.clear()
    assert len(dock.visible_ids()) == total


@pytest.mark.parametrize("typed", ["Ältere", "aeltere", "ALTERE"])
def test_search_folds_umlauts_and_case(qtbot, catalogue_dock, typed):
    type_text(qtbot, catalogue_dock.search, typed)
    assert "anteil_65plus" in catalogue_dock.visible_ids()  # 'Anteil 65-Jährige und Ältere'
    assert "sgb2_quote" not in catalogue_dock.visible_ids()


def test_fold_matches_german_spellings():
    assert common.fold("Ältere") == common.fold("aeltere") == common.fold("ALTERE") == "altere"
    assert common.fold("Straße") == common.fold("STRASSE") == "strasse"
    assert common.search_terms("  Übergang-Gymnasium ") == ["ubergang", "gymnasium"]


def test_search_finds_id_short_name_and_description(qtbot, catalogue_dock):
    dock = catalogue_dock
    qtbot.keyClicks(dock.search, "hze_je_1000")  # an id
    assert dock.visible_ids() == ["hze_je_1000_u21"]
    dock.search.clear()
    qtbot.keyClicks(dock.search, "HzE-Dichte")  # a short name ('-' folds to a space: two words)
    assert "hze_je_1000_u21" in dock.visible_ids()


def test_filters_kind_action_field_and_layer(qtbot, catalogue_dock, spaces):
    dock = catalogue_dock
    dock.kind_combo.setCurrentIndex(dock.kind_combo.findData("dynamics"))
    shown = dock.visible_ids()
    assert shown and all(dock.catalogue.indicators[i].kind == "dynamics" for i in shown)
    dock.kind_combo.setCurrentIndex(0)
    dock.field_combo.setCurrentIndex(dock.field_combo.findData("aeltere"))
    shown = dock.visible_ids()
    assert "anteil_65plus" in shown and "altersarmut_65plus" in shown
    assert all("aeltere" in dock.catalogue.indicators[i].action_fields for i in shown)
    dock.field_combo.setCurrentIndex(0)
    dock.layer_combo.setLayer(spaces)
    qtbot.mouseClick(dock.available_check, Qt.MouseButton.LeftButton)
    assert dock.available_check.isChecked()
    assert sorted(dock.visible_ids()) == ["bevoelkerungsdichte", "einwohner", "kinderarmut_sgb2_u15"]
    assert [dock.year_combo.itemText(i) for i in range(dock.year_combo.count())] == ["2020", "2021"]


def test_selecting_an_indicator_shows_its_details(qtbot, catalogue_dock):
    dock = catalogue_dock
    qtbot.keyClicks(dock.search, "Kinderarmut SGB")
    qtbot.keyClick(dock.search, Qt.Key.Key_Down)  # keyboard: from the search box into the list
    assert dock.tree.hasFocus() or dock.current_id()
    assert dock.current_id() == "kinderarmut_sgb2_u15"
    text = dock.details.toPlainText()
    ind = dock.catalogue.indicators["kinderarmut_sgb2_u15"]
    for expected in (
        "Kinderarmut (SGB II-Quote unter 15)",
        "Kinder im SGB II Bezug unter 15 Jahre",
        "Einwohner unter 15 Jahre",
        "higher = worse",
        ind.source,
        "counts 1 to 2 are suppressed",
        "Reference date",
        "Update interval",
        "Armut und soziale Lage",
    ):
        assert expected in text, expected
    # clicking another indicator replaces the details
    dock.search.clear()
    item = next(it for it, iid, *_ in dock._items if iid == "bevoelkerungsdichte")
    rect = dock.tree.visualItemRect(item)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dock.current_id() == "bevoelkerungsdichte"
    assert "area (km²)" in dock.details.toPlainText() and "EW/km²" in dock.details.toPlainText()


def test_add_to_map_gives_a_graduated_layer(qtbot, catalogue_dock, spaces):
    dock = catalogue_dock
    project = QgsProject.instance()
    before = set(project.mapLayers())
    dock.layer_combo.setLayer(spaces)
    dock.select("kinderarmut_sgb2_u15")
    dock.year_combo.setCurrentIndex(dock.year_combo.findData(2021))
    dock.tree.setFocus()
    qtbot.keyClick(dock.tree, Qt.Key.Key_Return)  # Enter in the list = add to map
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert len(new) == 1
        layer = new[0]
        assert layer.name() == "Kinderarmut 2021"
        renderer = layer.renderer()
        assert isinstance(renderer, QgsGraduatedSymbolRenderer)
        assert renderer.classAttribute() == "kinderarmut_sgb2_u15_2021"
        ranges = renderer.ranges()
        assert len(ranges) >= 1
        # the classes span the values: A 14.29 %, B (4 + 6) / 60 = 16.67 %
        assert ranges[0].lowerValue() == pytest.approx(500 / 35, abs=1e-6)
        assert ranges[-1].upperValue() == pytest.approx(1000 / 60, abs=1e-6)
        # higher = worse -> red ramp: the last class is darker (less green) than the first
        c0, c1 = ranges[0].symbol().color(), ranges[-1].symbol().color()
        assert c1.lightness() < c0.lightness() and c1.red() > c1.green()
        assert spaces.renderer() is not renderer  # the source layer is never changed
    finally:
        for lyr in new:
            project.removeMapLayer(lyr.id())


def test_add_to_map_without_values_says_why(catalogue_dock, spaces):
    dock = catalogue_dock
    dock.layer_combo.setLayer(spaces)
    dock.select("sgb2_quote")
    assert dock.add_to_map() is None
    assert "no values of 'SGB II-Quote'" in dock.status.text()
    assert "Aggregate indicators" in dock.status.text()


def test_invalid_definition_shows_the_message_in_the_form(qtbot, catalogue_dock, county_file):
    dock = catalogue_dock
    qtbot.mouseClick(dock.new_button, Qt.MouseButton.LeftButton)
    form = dock.form
    assert form is not None and form.isVisible()
    qtbot.keyClicks(form.id_edit, "kinderarmut_u6")
    qtbot.keyClicks(form.name_edit, "Kinderarmut unter 6")
    qtbot.keyClicks(form.num_edit, "sgb2_u6")  # not a count variable of the catalogue
    qtbot.keyClicks(form.den_edit, "ew_u15")
    # checked while typing (debounced), before OK is pressed
    qtbot.waitUntil(form.messages.isVisible, timeout=5000)
    assert "sgb2_u6" in form.messages.text()
    ok = form.buttons.button(form.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert form.isVisible(), "an invalid indicator must not close the form"
    assert form.messages.isVisible()
    assert "sgb2_u6" in form.messages.text()
    assert not county_file.exists()
    # corrected, it is saved into the county file and appears in the tree (in italics)
    form.num_edit.clear()
    qtbot.keyClicks(form.num_edit, "sgb2_u15")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.form is None)
    assert county_file.exists() and "kinderarmut_u6" in county_file.read_text(encoding="utf-8")
    assert "kinderarmut_u6" in dock.catalogue.indicators
    assert dock.current_id() == "kinderarmut_u6"
    item = dock.tree.currentItem()
    assert item.font(0).italic()
    # remove it again (no confirmation in the test) -> gone from the tree and the file
    assert dock.remove_indicator("kinderarmut_u6", confirm=False)
    assert "kinderarmut_u6" not in dock.catalogue.indicators
    assert "kinderarmut_u6" not in county_file.read_text(encoding="utf-8")


def test_edit_default_indicator_and_switch_it_off(qtbot, catalogue_dock, county_file):
    dock = catalogue_dock
    dock.select("wahlbeteiligung")
    dock.tree.setFocus()
    qtbot.keyClick(dock.tree, Qt.Key.Key_F2)
    form = dock.form
    assert form.id_edit.text() == "wahlbeteiligung" and form.id_edit.isReadOnly()
    form.notes_edit.setPlainText("Kommunalwahl 2025, Stimmbezirke")
    form.mult_edit.setText("abc")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert form.isVisible() and "multiplier" in form.messages.text().lower()
    form.mult_edit.setText("100")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.form is None)
    assert dock.catalogue.indicators["wahlbeteiligung"].notes == "Kommunalwahl 2025, Stimmbezirke"
    assert dock.remove_indicator("wahlbeteiligung", confirm=False)
    assert "wahlbeteiligung" not in dock.catalogue.indicators
    assert "wahlbeteiligung" in dock.catalogue.disabled
    assert "disable:" in county_file.read_text(encoding="utf-8")


def test_export_runs_as_a_task_and_import_reads_it_back(qtbot, catalogue_dock, county_file, tmp_path):
    dock = catalogue_dock
    out = tmp_path / "katalog.csv"
    run = dock.export_catalogue(str(out), csv_encoding=1)
    qtbot.waitUntil(lambda: run.finished, timeout=60000)
    assert run.ok, dock.status.text()
    assert out.exists() and "Catalogue exported" in dock.status.text()
    xlsx = tmp_path / "katalog.xlsx"
    run = dock.export_catalogue(str(xlsx))
    qtbot.waitUntil(lambda: run.finished, timeout=60000)
    assert run.ok and xlsx.stat().st_size > 3000
    # a planner edits the CSV: a note on one indicator, one indicator switched off
    import csv

    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    head = rows[0]
    i_id, i_notes, i_active = head.index("ID"), head.index("Hinweise"), head.index("Aktiv")
    for cells in rows[1:]:
        if cells[i_id] == "altenquotient":
            cells[i_notes] = "nur Hauptwohnsitz"
        if cells[i_id] == "haeufigkeitszahl":
            cells[i_active] = "nein"
    table = tmp_path / "katalog_bearbeitet.csv"
    with open(table, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\r\n").writerows(rows)
    imp = dock.import_catalogue(str(table))
    qtbot.waitUntil(lambda: imp.finished, timeout=60000)
    assert imp.ok, imp.message
    assert dock.catalogue.indicators["altenquotient"].notes == "nur Hauptwohnsitz"
    assert "haeufigkeitszahl" in dock.catalogue.disabled
    data = county_file.read_text(encoding="utf-8")
    assert "altenquotient" in data and "sgb2_quote" not in data  # unchanged rows are not copied


def test_import_of_a_broken_file_keeps_the_catalogue(qtbot, catalogue_dock, county_file, tmp_path):
    dock = catalogue_dock
    bad = tmp_path / "kaputt.yaml"
    bad.write_text("indicators:\n  - id: x1\n    name: X\n    topic: Nirgendwo\n", encoding="utf-8")
    n = len(dock.catalogue.indicators)
    imp = dock.import_catalogue(str(bad))
    qtbot.waitUntil(lambda: imp.finished, timeout=60000)
    assert not imp.ok
    assert "Import failed" in dock.status.text()
    assert "kaputt.yaml" in dock.status.text() and "numerator" in dock.status.text()
    assert len(dock.catalogue.indicators) == n and common.overlay_path() == str(county_file)


def test_composite_index_dialog_gets_the_selection(qtbot, catalogue_dock, spaces):
    from qgis.core import QgsApplication

    from sozialplanung_plugin.ui.catalogue_dock import INDEX_ALG, index_parameters

    alg = QgsApplication.processingRegistry().algorithmById(INDEX_ALG)
    assert alg is not None, INDEX_ALG
    dock = catalogue_dock
    dock.layer_combo.setLayer(spaces)
    dock.select("kinderarmut_sgb2_u15")
    item = next(it for it, iid, *_ in dock._items if iid == "bevoelkerungsdichte")
    item.setSelected(True)
    assert sorted(dock.selected_ids()) == ["bevoelkerungsdichte", "kinderarmut_sgb2_u15"]
    dock.year_combo.setCurrentIndex(dock.year_combo.findData(2020))
    params, missing = index_parameters(alg, dock.selected_ids(), spaces, 2020, dock.catalogue)
    assert params["INPUT"] is spaces and missing == []
    assert sorted(params["INDICATORS"]) == ["bevoelkerungsdichte_2020", "kinderarmut_sgb2_u15_2020"]
    assert params.get("KEY_FIELD") == "key"
    # a dynamics indicator goes to the dynamics fields as the change field of its base (pp -> _chg_);
    # an indicator the layer lacks is reported, never passed as a field name
    params, missing = index_parameters(
        alg, ["kinderarmut_sgb2_u15", "kinderarmut_veraenderung", "sgb2_quote"], spaces, 2021, dock.catalogue
    )
    assert params["INDICATORS"] == ["kinderarmut_sgb2_u15_2021"]
    assert params["DYNAMICS_FIELDS"] == ["kinderarmut_sgb2_u15_chg_2020_2021"]
    assert missing == ["sgb2_quote"]
    dialog = dock.open_composite_index()
    assert dialog is not None and dialog.isVisible(), dock.status.text()
    shown = dialog.createProcessingParameters()  # what the dialog's widgets hold, as the user sees it
    assert sorted(shown["INDICATORS"]) == ["bevoelkerungsdichte_2020", "kinderarmut_sgb2_u15_2020"]
    dialog.close()


def test_state_is_restored_after_restart(qtbot, qgis_app):
    name = settings_name()
    first = CatalogueDock(None, settings_name=name)
    qtbot.addWidget(first)
    first.show()
    qtbot.keyClicks(first.search, "quote")
    first.kind_combo.setCurrentIndex(first.kind_combo.findData("status"))
    first.field_combo.setCurrentIndex(first.field_combo.findData("armut"))
    first.resize(360, 700)
    first.splitter.setSizes([420, 160])
    sizes = first.splitter.sizes()
    first.select("sgb2_quote")
    first.close()  # saves
    second = CatalogueDock(None, settings_name=name)
    qtbot.addWidget(second)
    second.resize(360, 700)
    second.show()
    assert second.search.text() == "quote"
    assert second.kind_combo.currentData() == "status"
    assert second.field_combo.currentData() == "armut"
    assert second.current_id() == "sgb2_quote"
    assert second.visible_ids() == first.visible_ids()
    assert second.splitter.sizes() == pytest.approx(sizes, abs=2)  # 1 px of layout rounding
    assert second.splitter.sizes()[0] > 2 * second.splitter.sizes()[1]  # not the default 3:2 split


def test_keyboard_order_and_focus(qtbot, catalogue_dock):
    """Tab walks the dock top to bottom; the dock's focus goes to the search box."""
    dock = catalogue_dock
    chain, w = [], dock.search
    for _ in range(40):
        chain.append(w.objectName())
        w = w.nextInFocusChain()
        if w is dock.search:
            break
    wanted = [
        "search",
        "kind_filter",
        "action_field_filter",
        "layer",
        "year",
        "available_filter",
        "tree",
        "details",
        "add_to_map",
        "composite_index",
        "new",
        "edit",
        "remove",
        "import",
        "export",
    ]
    positions = [chain.index(n) for n in wanted]
    assert positions == sorted(positions), chain
    assert dock.focusProxy() is dock.search
    # Esc clears the search; Ctrl+F in the list goes back to the search box
    qtbot.keyClicks(dock.search, "zzz")
    assert dock.visible_ids() == []
    qtbot.keyClick(dock.search, Qt.Key.Key_Escape)
    assert dock.search.text() == "" and len(dock.visible_ids()) == len(dock.catalogue.indicators)


# ------------------------------------------------------------------------------------------------------
# profile dock
# ------------------------------------------------------------------------------------------------------
@pytest.fixture
def canvas(qtbot, spaces):
    from qgis.gui import QgsMapCanvas

    c = QgsMapCanvas()
    qtbot.addWidget(c)
    c.resize(400, 200)
    c.setDestinationCrs(spaces.crs())
    c.setLayers([spaces])
    c.setExtent(spaces.extent())
    c.show()
    qtbot.waitExposed(c)
    c.refresh()
    return c


def click_map(qtbot, canvas, x, y):
    """A left click on the canvas at map coordinates (x, y)."""
    from qgis.core import QgsPointXY

    px = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(px.x()), int(px.y())))


def test_clicking_a_space_on_the_map_shows_its_profile(qtbot, canvas, spaces):
    dock = ProfileDock(None, canvas=canvas, settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.resize(380, 620)
    dock.show()
    dock.layer_combo.setLayer(spaces)
    qtbot.mouseClick(dock.pick_button, Qt.MouseButton.LeftButton)
    assert dock.pick_button.isChecked() and canvas.mapTool() is dock.tool
    click_map(qtbot, canvas, 1500.0, 500.0)  # inside block b2 of space A
    prof = dock.profile
    assert prof is not None and prof.key == "A" and prof.name == "Altstadt"
    assert prof.years == [2020, 2021]
    assert dock.current_year() == 2021
    assert dock.highlight is not None and dock.highlight.scene() is canvas.scene()  # the space is outlined
    space, mun, county, flag = prof.value("kinderarmut_sgb2_u15", 2021)
    assert space == pytest.approx(500 / 35) and mun == pytest.approx(1500 / 95)
    assert county == pytest.approx(1500 / 95)
    assert flag == "unreliable"  # denominator 35 below the catalogue's minimum of 50
    assert prof.value("kinderarmut_sgb2_u15", 2020)[0] == pytest.approx(10.0)
    rows = {dock.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(dock.table.rowCount())}
    r = rows["kinderarmut_sgb2_u15"]
    assert [dock.table.item(r, c).text() for c in (1, 2, 3)] == ["≈ 14,3", "15,8", "15,8"]
    assert dock.table.item(rows["einwohner"], 1).text() == "160"
    header = dock.header.text()
    assert "Altstadt" in header and "class <b>4 (&gt; 1,0)</b>" in header and "rank 1" in header
    assert "Action fields: <b>Kumulierte materielle Armut</b>" in header
    # the trend for the current row: space, municipality, county over both years
    dock.table.setCurrentCell(r, 0)
    labels = [s[0] for s in dock.chart.series]
    assert labels == ["Altstadt", "Municipality", "County"]
    assert dock.chart.series[0][2] == [pytest.approx(10.0), pytest.approx(500 / 35)]
    # the other space by the list (keyboard: type its name, Enter)
    dock.space_combo.setFocus()
    dock.space_combo.lineEdit().clear()
    qtbot.keyClicks(dock.space_combo.lineEdit(), "Bergfeld (B)")
    qtbot.keyClick(dock.space_combo.lineEdit(), Qt.Key.Key_Return)
    assert dock.profile.key == "B"
    assert "class <b>1 (&lt; -1,0)</b>" in dock.header.text()
    assert "Action fields: none flagged" in dock.header.text()
    # a click outside every space keeps the profile; switching tool off releases the canvas
    click_map(qtbot, canvas, 9000.0, 9000.0)
    assert dock.profile.key == "B"
    qtbot.mouseClick(dock.pick_button, Qt.MouseButton.LeftButton)
    assert canvas.mapTool() is None
    dock.release_tool()  # as on unload: nothing of ours stays on the canvas
    assert dock.highlight is None
    assert not [i for i in canvas.scene().items() if type(i).__name__ == "QgsHighlight"]


def test_profile_year_switch_and_flags(qtbot, spaces):
    dock = ProfileDock(None, settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.show()
    assert not dock.pick_button.isEnabled()  # no canvas: the list still works
    dock.layer_combo.setLayer(spaces)
    dock.show_space("A")
    dock.year_combo.setCurrentIndex(dock.year_combo.findData(2020))
    rows = {dock.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(dock.table.rowCount())}
    assert dock.table.item(rows["kinderarmut_sgb2_u15"], 1).text() == "≈ 10,0"  # 30 < 50: unreliable
    # 2020 municipality: (2 + 1 + 3 + 6) / 90 x 100 = 13.33
    assert dock.table.item(rows["kinderarmut_sgb2_u15"], 2).text() == "13,3"


def test_profile_reads_the_long_layout(qtbot, tmp_path):
    """One row per space and year (LAYOUT long): the same values as the wide layout."""
    import processing

    blocks, tables = make_blocks_and_tables(tmp_path)
    res = processing.run(
        "sozialplanung:aggregateindicators",
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "DISCLOSURE": False,
            "TABLES": tables,
            "INDICATORS": "kinderarmut_sgb2_u15",
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "ags"],
            "LAYOUT": 1,
            "OUTPUT_1": "TEMPORARY_OUTPUT",
        },
    )
    layer = res["OUTPUT_1"]
    assert "year" in layer.fields().names()
    QgsProject.instance().addMapLayer(layer)
    try:
        dock = ProfileDock(None, settings_name=settings_name())
        qtbot.addWidget(dock)
        dock.layer_combo.setLayer(layer)
        assert dock.space_combo.count() == 0  # hidden: the spaces are listed when the dock is shown
        dock.show()
        assert dock.space_combo.count() == 2  # one entry per space, not per row
        prof = dock.show_space("A")
        assert prof.years == [2020, 2021]
        assert prof.value("kinderarmut_sgb2_u15", 2020)[0] == pytest.approx(10.0)
        space, mun, county, _ = prof.value("kinderarmut_sgb2_u15", 2021)
        assert space == pytest.approx(500 / 35) and mun == pytest.approx(1500 / 95)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_profile_state_is_restored_after_restart(qtbot, spaces):
    name = settings_name()
    first = ProfileDock(None, settings_name=name)
    qtbot.addWidget(first)
    first.show()
    first.layer_combo.setLayer(spaces)
    first.show_space("B")
    first.year_combo.setCurrentIndex(first.year_combo.findData(2020))
    rows = {first.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(first.table.rowCount())}
    first.table.setCurrentCell(rows["einwohner"], 0)
    first.close()
    second = ProfileDock(None, settings_name=name)
    qtbot.addWidget(second)
    second.show()
    assert second.layer_combo.currentLayer() is spaces
    assert second.profile is not None and second.profile.key == "B"
    assert second.current_year() == 2020
    assert second.current_indicator_id() == "einwohner"
    assert second.chart.title == "Einwohner"


# ------------------------------------------------------------------------------------------------------
# screenshots (looked at; kept in docs/img when SOZIALPLANUNG_SCREENSHOT_DIR is set)
# ------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_spaces(demo_indicators):
    """The demo county's 68 social spaces through the real chain: aggregateindicators (5 years, the session's
    run without disclosure control), compositeindex, actionfieldtypology. Skips without the demo data."""
    import processing

    spaces = f"{demo_indicators(disclosure=False)}|layername=indicators_social_spaces"
    idx = processing.run(
        "sozialplanung:compositeindex",
        {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "INDICATORS": ["kinderarmut_sgb2_u15_2025", "sgb2_quote_2025", "arbeitslose_anteil_2025"],
        },
    )
    typ = processing.run(
        "sozialplanung:actionfieldtypology",
        {
            "INPUT": idx["OUTPUT"],
            "KEY_FIELD": "key",
            "YEAR": 2025,
            "SKIP_MISSING": True,
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    layer = typ["OUTPUT"]
    layer.setName("Sozialräume RBK 2009–2025")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_profile_of_a_demo_space_through_the_real_chain(qtbot, demo_spaces):
    """The highest-ranked space of the real composite index: its class and flags as the algorithms wrote them."""
    top = next(f for f in demo_spaces.getFeatures() if f["idx_rank"] == 1)
    dock = ProfileDock(None, settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.show()
    dock.layer_combo.setLayer(demo_spaces)
    prof = dock.show_space(top["key"])
    assert prof.years == [2009, 2014, 2023, 2024, 2025]
    assert prof.index == [("idx", top["idx_label"], pytest.approx(top["idx_value"]), 1)]
    flagged = [t.strip() for t in (top["hf_fields"] or "").split(";") if t.strip()]
    assert prof.flagged_labels == flagged
    value, mun, county, _flag = prof.value("kinderarmut_sgb2_u15", 2025)
    assert value == pytest.approx(top["kinderarmut_sgb2_u15_2025"])
    assert county == pytest.approx(top["kinderarmut_sgb2_u15_ref_county_2025"])
    assert len(dock.chart.series[0][2]) == 5


def test_screenshots(qtbot, canvas, spaces, demo_spaces, tmp_path):
    """Both docks as a planner sees them, on the demo county (docs/img/dock_*.png)."""
    target = Path(os.environ.get("SOZIALPLANUNG_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    cat = CatalogueDock(None, settings_name=settings_name())
    qtbot.addWidget(cat)
    cat.resize(400, 760)
    cat.show()
    qtbot.waitExposed(cat)
    cat.layer_combo.setLayer(demo_spaces)
    qtbot.keyClicks(cat.search, "quote")
    cat.select("kinderarmut_sgb2_u15")
    cat.splitter.setSizes([300, 330])
    qtbot.wait(50)
    img = cat.grab()
    assert img.save(str(target / "dock_catalogue.png"))
    prof = ProfileDock(None, canvas=canvas, settings_name=settings_name())
    qtbot.addWidget(prof)
    prof.resize(400, 640)
    prof.show()
    qtbot.waitExposed(prof)
    prof.layer_combo.setLayer(demo_spaces)
    top = next(f for f in demo_spaces.getFeatures() if f["idx_rank"] == 1)
    prof.show_space(top["key"])
    qtbot.wait(50)
    img2 = prof.grab()
    assert img2.save(str(target / "dock_profile.png"))
    # the county-indicator form with a validator message
    common.set_overlay_path(str(tmp_path / "county.yaml"))
    try:
        form = cat.new_indicator()
        form.resize(520, 700)
        qtbot.keyClicks(form.id_edit, "kinderarmut_u6")
        qtbot.keyClicks(form.name_edit, "Kinderarmut unter 6 Jahren")
        qtbot.keyClicks(form.short_edit, "Kinderarmut u6")
        qtbot.keyClicks(form.num_edit, "sgb2_u6")
        qtbot.keyClicks(form.den_edit, "ew_u6")
        form.desc_edit.setPlainText("Anteil der Kinder unter 6 Jahren in Bedarfsgemeinschaften nach SGB II.")
        assert not form.check()
        qtbot.wait(50)
        img3 = form.grab()
        assert img3.save(str(target / "dock_indicator_form.png"))
        form.reject()
    finally:
        common.set_overlay_path("")
    for pix in (img, img2, img3):
        image = pix.toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, "the screenshot looks blank"


def test_prewarm_parses_the_catalogue_in_the_background(qtbot, qgis_app):
    common.forget_catalogue()
    dock = CatalogueDock(None, settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.schedule_prewarm(0)
    qtbot.waitUntil(lambda: common._CACHE.get("cat") is not None, timeout=30000)
    assert dock.catalogue is None  # nothing shown yet: the tree is filled on the first show, from the cache
    dock.show()
    assert len(dock.visible_ids()) == len(common._CACHE["cat"].indicators)


def test_first_opening_with_a_large_county_file_does_not_block(qtbot, qgis_app, county_file):
    """A county file with hundreds of own indicators: the dock shows the shipped catalogue at once and adds the
    county's indicators when the background task has parsed them."""
    import yaml

    from sozialplanung_plugin.core.catalogue import default_catalogue

    base = default_catalogue()
    variables = sorted(base.variables)
    topic = next(iter(base.by_topic()))
    entries = [
        {
            "id": f"own_{i:03d}",
            "name": f"Eigener Indikator {i}",
            "short_name": f"Eigen {i}",
            "description": "Anteil für den Test eines großen Kreiskatalogs " + "x" * 150,
            "topic": topic,
            "numerator": [variables[i % len(variables)]],
            "denominator": [variables[(i + 1) % len(variables)]],
            "unit": "%",
            "multiplier": 100,
            "polarity": "higher_worse",
        }
        for i in range(300)
    ]
    county_file.write_text(
        yaml.safe_dump({"catalogue": {"name": "Testkreis", "version": "1"}, "indicators": entries}, allow_unicode=True),
        encoding="utf-8",
    )
    assert common.overlay_is_large()
    common.forget_catalogue()
    dock = CatalogueDock(None, settings_name=settings_name())
    qtbot.addWidget(dock)
    dock.show()
    assert len(dock.visible_ids()) == len(base.indicators)  # at once: the shipped indicators
    assert "Loading" in dock.status.text()
    qtbot.waitUntil(lambda: len(dock.visible_ids()) == len(base.indicators) + 300, timeout=30000)
    assert "own_299" in dock.visible_ids() and "Loading" not in dock.status.text()
