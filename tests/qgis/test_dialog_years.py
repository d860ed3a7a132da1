"""The last typed-text parameters as typed widgets (issue 19, 'no mini-syntax strings'), in real QGIS:

- aggregateindicators CHANGES: a table From | To (matrix); the old text '2009-2014, 2014-2025' still works;
- aggregateindicators / profileatlas / facilitysupply YEARS: a year list (the layer's years to tick where the
  dialog can know them); the text '2014, 2024' still works;
- storecarry WEIGHT: the catalogue's counts by name; the id typed as text still works.

For each: the dialog (set through the widget, read back, run, output checked by hand), the text form through
processing.run and qgis_process giving the same output, and a bad value refused naming it.
"""

import sys

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from ..helpers import (
    BLOCK_KEYS,
    four_blocks,
    hand_layers,
    open_dialog,
    pdf_text,
    polygons,
    rect,
    small_layer,
    wkt_layer,
    write_gpkg,
    write_table,
)

sys.path.append("/usr/share/qgis/python/plugins")


def context():
    c = QgsProcessingContext()
    c.setProject(QgsProject.instance())
    return c


def run_dialog(qtbot, dialog):
    """Run as the Run button does; the results dict (the outputs are in the project)."""
    dialog.runAlgorithm()
    qtbot.waitUntil(lambda: bool(dialog.results()), timeout=180000)
    return dialog.results()


# ------------------------------------------------------------------------------------------------ aggregate
@pytest.fixture
def agg_case(qgis_app, tmp_path):
    """Four blocks (b1, b2 -> space A; b3, b4 -> B) in a GeoPackage; tables of 2020 and 2022 (year in the file
    name) and one without a year ('stand.csv', its year from YEARS).

    Child poverty of space A: 2020 (2 + 1) / (20 + 10) = 10 %; 2022 (4 + 2) / 30 = 20 %; 2024 5 / 35 = 14.29 %.
    Space B: 2020 (4 + 6) / 60 = 16.67 %; 2022 (6 + 6) / 60 = 20 %; 2024 (4 + 6) / 60 = 16.67 %.
    """
    blocks = write_gpkg(four_blocks("Blöcke"), tmp_path / "bloecke.gpkg")
    rows = {
        "bloecke_2020.csv": ["053780000001;100;20;2", "053780000002;50;10;1"]
        + ["053780000003;200;40;4", "053780000004;100;20;6"],
        "bloecke_2022.csv": ["053780000001;100;20;4", "053780000002;50;10;2"]
        + ["053780000003;200;40;6", "053780000004;100;20;6"],
        "stand.csv": ["053780000001;110;25;5", "053780000002;50;10;0"]
        + ["053780000003;200;40;4", "053780000004;100;20;6"],
    }
    tables = [write_table(tmp_path / name, r) for name, r in rows.items()]
    return blocks, tables


A = {2020: 10.0, 2022: 20.0, 2024: 5 / 35 * 100}
B = {2020: 10 / 60 * 100, 2022: 20.0, 2024: 10 / 60 * 100}
IND = "kinderarmut_sgb2_u15"


def agg_params(blocks, tables, **kw):
    return {
        "UNITS": blocks,
        "UNIT_KEY": "block_id",
        "TABLES": tables,
        "INDICATORS": IND,
        "LEVEL_FIELDS": ["sr_id"],
        "DISCLOSURE": False,
        "COUNTY": False,
        "OUTPUT_1": "TEMPORARY_OUTPUT",
        **kw,
    }


def change_fields(layer):
    return sorted(f.name() for f in layer.fields() if f.name().startswith(f"{IND}_chg_") and "flag" not in f.name())


def assert_changes_2020_2022_2024(layer):
    """Exactly the two chosen periods, each space's change in percentage points by hand."""
    assert change_fields(layer) == [f"{IND}_chg_2020_2022", f"{IND}_chg_2022_2024"]
    got = {f["key"]: f for f in layer.getFeatures()}
    for key, v in (("A", A), ("B", B)):
        assert got[key][f"{IND}_2024"] == pytest.approx(v[2024])
        assert got[key][f"{IND}_chg_2020_2022"] == pytest.approx(v[2022] - v[2020])
        assert got[key][f"{IND}_chg_2022_2024"] == pytest.approx(v[2024] - v[2022])


def output_layer(value):
    if isinstance(value, QgsVectorLayer):
        return value
    layer = QgsProject.instance().mapLayer(value) or QgsVectorLayer(value, "out", "ogr")
    assert layer is not None and layer.isValid(), value
    return layer


def test_aggregate_dialog_change_table_and_years(qtbot, agg_case):
    """In the dialog: the stand table's year added in the year list, the periods 2020 → 2022 and 2022 → 2024 in
    the From | To table; Run: the change fields of exactly those periods, by hand."""
    from sozialplanung_plugin.ui.parameter_widgets import YearList

    blocks, tables = agg_case
    layer = QgsVectorLayer(blocks, "Blöcke", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dialog = open_dialog(qtbot, "aggregateindicators", (1000, 800))
    w = dialog.mainWidget().wrappers
    c = context()
    w["UNITS"].setParameterValue(layer.id(), c)
    w["UNIT_KEY"].setParameterValue("block_id", c)
    w["TABLES"].setParameterValue(tables, c)
    w["INDICATORS"].setValue(IND)
    w["LEVEL_FIELDS"].setParameterValue(["sr_id"], c)
    w["DISCLOSURE"].setParameterValue(False, c)
    w["COUNTY"].setParameterValue(False, c)
    # YEARS: the year box and 'Add year'; an ordered list (one year per table without a year column)
    years = w["YEARS"].widget
    assert isinstance(years, YearList) and years.ordered and w["YEARS"].value() == ""
    years.year.setValue(2024)
    years.add.click()
    assert w["YEARS"].value() == "2024"
    # CHANGES: the matrix widget with the columns From and To
    changes = w["CHANGES"]
    assert [h for h in changes.parameterDefinition().headers()] == ["From (year)", "To (year)"]
    changes.setParameterValue([2020, 2022, 2022, 2024], c)
    params = dialog.mainWidget().createProcessingParameters()
    assert [int(v) for v in params["CHANGES"]] == [2020, 2022, 2022, 2024]
    assert params["YEARS"] == "2024"
    before = set(QgsProject.instance().mapLayers())
    results = run_dialog(qtbot, dialog)
    dialog.close()
    assert_changes_2020_2022_2024(output_layer(results["OUTPUT_1"]))
    for lid in set(QgsProject.instance().mapLayers()) - before:
        QgsProject.instance().removeMapLayer(lid)
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.mark.parametrize(
    "changes",
    ["2020-2022, 2022-2024", "2020 – 2022; 2022 bis 2024", "2020,2022,2022,2024", [2020, 2022, 2022, 2024]],
)
def test_aggregate_changes_text_and_table_give_the_same(run_alg, agg_case, changes):
    blocks, tables = agg_case
    res = run_alg("aggregateindicators", agg_params(blocks, tables, YEARS="2024", CHANGES=changes))
    assert_changes_2020_2022_2024(res["OUTPUT_1"])


def test_aggregate_without_changes_first_to_last(run_alg, agg_case):
    blocks, tables = agg_case
    res = run_alg("aggregateindicators", agg_params(blocks, tables, YEARS="2024"))
    assert change_fields(res["OUTPUT_1"]) == [f"{IND}_chg_2020_2024"]


@pytest.mark.slow
def test_aggregate_changes_and_years_qgis_process(qgis_process, agg_case, tmp_path):
    """The old text and the matrix's command-line form through qgis_process: the same two periods."""
    blocks, tables = agg_case
    for n, changes in enumerate(["2020-2022, 2022-2024", "2020,2022,2022,2024"]):
        out = tmp_path / f"out_{n}.gpkg"
        qgis_process(
            "aggregateindicators", agg_params(blocks, tables, YEARS="2024", CHANGES=changes, OUTPUT_1=str(out))
        )
        assert_changes_2020_2022_2024(QgsVectorLayer(str(out), "out", "ogr"))


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ("2020/2022", ["'2020/2022'", "2009-2014"]),
        ([2022, 2020], ["'2022-2020'", "before"]),
        ([2020, 2022, 2022, 2019], ["'2022-2019'", "no year 2019", "2020, 2022, 2024"]),
        ("2020,2022,2024", ["3 years", "two (From, To)"]),
        ([2020, "zwanzig"], ["'2020-zwanzig'", "'zwanzig' is no year"]),
    ],
)
def test_aggregate_bad_change_period_is_named(run_alg, agg_case, changes, named):
    blocks, tables = agg_case
    with pytest.raises(QgsProcessingException) as err:
        run_alg("aggregateindicators", agg_params(blocks, tables, YEARS="2024", CHANGES=changes))
    for part in named:
        assert part in str(err.value), (part, str(err.value))


def test_aggregate_bad_years_are_named(run_alg, agg_case):
    blocks, tables = agg_case
    with pytest.raises(QgsProcessingException) as err:
        run_alg("aggregateindicators", agg_params(blocks, tables, YEARS="2024x"))
    assert "'2024x' is no year" in str(err.value)


# ------------------------------------------------------------------------------------------------ profile atlas
@pytest.fixture
def atlas_layer(qgis_app, tmp_path):
    return small_layer(tmp_path / "small.gpkg")  # A, B, C with child poverty of 2024 and 2025


def atlas_page_a(path):
    pages = pdf_text(path).split("\f")
    return next(p for p in pages if "Altstadt" in p)


def test_profileatlas_dialog_years_from_the_layer(qtbot, atlas_layer, tmp_path):
    """The year list offers the layer's years (2024, 2025, read through the field contract); with 2025 alone
    ticked the sheet has no change since 2024 (12.5 - 10.0 = +2.5 is printed only with both years)."""
    from qgis.PyQt.QtCore import Qt

    layer = QgsVectorLayer(atlas_layer, "Sozialräume", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dialog = open_dialog(qtbot, "profileatlas", (1000, 800))
    w = dialog.mainWidget().wrappers
    c = context()
    w["INPUT"].setParameterValue(layer.id(), c)
    years = w["YEARS"].widget
    assert years.keys() == [2024, 2025] and w["YEARS"].value() == ""
    assert "all years of the layer" in years.hint.text()
    years.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert w["YEARS"].value() == "2025"
    w["INDICATORS"].setValue("kinderarmut_sgb2_u15")
    out = tmp_path / "dialog.pdf"
    w["OUTPUT"].setParameterValue(str(out), c)
    w["ADD_TO_PROJECT"].setParameterValue(False, c)
    w["DPI"].setParameterValue(72, c)
    assert dialog.mainWidget().createProcessingParameters()["YEARS"] == "2025"
    results = run_dialog(qtbot, dialog)
    dialog.close()
    QgsProject.instance().removeMapLayer(layer.id())
    assert results["PAGE_COUNT"] == 3
    page = atlas_page_a(out)
    assert "12,5" in page and "+2,5" not in page and "2024" not in page


@pytest.mark.slow
def test_profileatlas_years_text_processing_and_qgis_process(run_alg, qgis_process, atlas_layer, tmp_path):
    """The text '2024, 2025' (processing.run) and '2024,2025' (qgis_process) give the change since 2024;
    '2025' alone none."""
    base = {"INPUT": atlas_layer, "INDICATORS": "kinderarmut_sgb2_u15", "DPI": 72, "ADD_TO_PROJECT": False}
    both, one, cli = (tmp_path / f"{n}.pdf" for n in ("both", "one", "cli"))
    run_alg("profileatlas", {**base, "YEARS": "2024, 2025", "OUTPUT": str(both)})
    run_alg("profileatlas", {**base, "YEARS": "2025", "OUTPUT": str(one)})
    qgis_process("profileatlas", {**base, "YEARS": "2024,2025", "OUTPUT": str(cli)})
    assert "+2,5" in atlas_page_a(both) and "+2,5" in atlas_page_a(cli)
    assert "+2,5" not in atlas_page_a(one)


@pytest.mark.parametrize(("years", "named"), [("2024, 20x5", "'20x5' is no year"), ("2023", "2023")])
def test_profileatlas_bad_years_are_named(run_alg, atlas_layer, tmp_path, years, named):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("profileatlas", {"INPUT": atlas_layer, "YEARS": years, "OUTPUT": str(tmp_path / "x.pdf")})
    assert named in str(err.value)


# ------------------------------------------------------------------------------------------------ facility supply
def supply_params(hand, **kw):
    _, _, spaces, origins = hand
    fac = wkt_layer(
        "Point",
        [("art", "string"), ("plaetze", "double"), ("auf", "string")],
        [("POINT(10 10)", ["Kita", 40, "2010-01-01"]), ("POINT(20 20)", ["KiTa", 30, "2025-08-01"])],
    )
    return {
        "FACILITIES": fac,
        "TYPE_FIELD": "art",
        "CAPACITY_FIELD": "plaetze",
        "OPENED_FIELD": "auf",
        "SPACES": spaces,
        "SPACE_KEY": "sr",
        "POPULATION": origins,
        "POPULATION_FIELD": "ew",
        "OUTPUT": "memory:",
        **kw,
    }


@pytest.fixture
def hand(qgis_app):
    return hand_layers()


def kita_fields(layer):
    import re

    return sorted(f.name() for f in layer.fields() if re.fullmatch(r"angebote_kita_\d{4}", f.name()))


def test_facilitysupply_dialog_years(qtbot, hand):
    """The year list starts at the default 2025; 2023 added: the Kita places of S1 in 2023 (40: the second Kita
    opened in 2025) and 2025 (70)."""
    params = supply_params(hand)
    project = QgsProject.instance()
    for lyr in (params["FACILITIES"], params["SPACES"], params["POPULATION"]):
        project.addMapLayer(lyr, False)
    dialog = open_dialog(qtbot, "facilitysupply", (1000, 800))
    w = dialog.mainWidget().wrappers
    c = context()
    for name in ("FACILITIES", "SPACES", "POPULATION"):
        w[name].setParameterValue(params[name].id(), c)
    for name in ("TYPE_FIELD", "CAPACITY_FIELD", "OPENED_FIELD", "SPACE_KEY", "POPULATION_FIELD"):
        w[name].setParameterValue(params[name], c)
    years = w["YEARS"].widget
    assert years.keys() == [2025] and w["YEARS"].value() == "2025"
    years.year.setValue(2023)
    years.add.click()
    assert years.keys() == [2023, 2025] and w["YEARS"].value() == "2023, 2025"
    results = run_dialog(qtbot, dialog)
    dialog.close()
    out = output_layer(results["OUTPUT"])
    assert kita_fields(out) == ["angebote_kita_2023", "angebote_kita_2025"]
    s1 = {f["key"]: f for f in out.getFeatures()}["S1"]
    assert s1["kapazitaet_kita_2023"] == 40 and s1["kapazitaet_kita_2025"] == 70
    for lyr in [*project.mapLayers().values()]:
        if lyr.id() not in {params[n].id() for n in ("FACILITIES", "SPACES", "POPULATION")}:
            project.removeMapLayer(lyr.id())
    for name in ("FACILITIES", "SPACES", "POPULATION"):
        project.removeMapLayer(params[name].id())


@pytest.mark.parametrize("years", ["2023, 2025", "2025;2023", "2023 2025"])
def test_facilitysupply_years_text(run_alg, hand, years):
    out = run_alg("facilitysupply", supply_params(hand, YEARS=years))["OUTPUT"]
    assert kita_fields(out) == ["angebote_kita_2023", "angebote_kita_2025"]


def test_facilitysupply_bad_years_are_named(run_alg, hand):
    with pytest.raises(QgsProcessingException) as err:
        run_alg("facilitysupply", supply_params(hand, YEARS="2023, 25"))
    assert "'25' is no year" in str(err.value)


# ------------------------------------------------------------------------------------------------ storecarry
def test_storecarry_weight_widget_lists_the_counts(qtbot, qgis_app):
    """The weight is chosen among the catalogue's counts by name (Einwohner = einwohner, the default); an id
    the catalogue lacks can still be typed."""
    from sozialplanung_plugin.ui.parameter_widgets import CountVariableCombo

    dialog = open_dialog(qtbot, "storecarry", (1000, 800))
    w = dialog.mainWidget().wrappers
    combo = w["WEIGHT"].widget
    assert isinstance(combo, CountVariableCombo)
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Einwohner" in names and "SGB II-Quote" not in names, names
    assert combo.currentText() == "Einwohner" and w["WEIGHT"].value() == "einwohner"
    combo.setEditText("ew_hauptwohnsitz")
    assert w["WEIGHT"].value() == "ew_hauptwohnsitz"
    w["WEIGHT"].setValue("einwohner")
    assert combo.currentText() == "Einwohner"
    dialog.close()


def carry_store(tmp_path, name="store.gpkg"):
    """A GeoPackage store: blocks b1..b4 with residents 100, 300, 200, 200 and children in SGB II 10, 10, 30, 10
    (2022); old spaces A = {b1, b2}, B = {b3, b4} with 400 residents each; from 2024 X = {b1, b3}, Y = {b2, b4}.

    Carried by residents: X = 400 * 100/400 + 400 * 200/400 = 300, Y = 400 * 300/400 + 400 * 200/400 = 500.
    Carried by the children: X = 400 * 10/20 + 400 * 30/40 = 500, Y = 400 * 10/20 + 400 * 10/40 = 300.
    """
    import processing

    store = str(tmp_path / name)

    def run(alg, params):
        processing.run(f"sozialplanung:{alg}", {"STORE": store, **params})

    blocks = polygons(
        "field=key:string&field=sr:string&field=einwohner_2022:double&field=kinder_sgb2_anzahl_2022:double",
        [
            ([k, sr, ew, ki], rect(i * 1000, (i + 1) * 1000))
            for i, (k, sr, ew, ki) in enumerate(zip(BLOCK_KEYS, "AABB", (100.0, 300.0, 200.0, 200.0), (10, 10, 30, 10)))
        ],
    )
    run("storeunits", {"INPUT": blocks, "LEVEL": 0, "KEY_FIELD": "key", "PARENT_FIELD": "sr", "PARENT_LEVEL": 1})
    run("storewrite", {"INPUT": blocks, "LEVEL": 0, "KEY_FIELD": "key"})
    spaces = polygons(
        "field=key:string&field=einwohner_2022:double",
        [(["A", 400.0], rect(0, 2000)), (["B", 400.0], rect(2000, 4000))],
    )
    run("storewrite", {"INPUT": spaces, "LEVEL": 1, "KEY_FIELD": "key"})
    new = polygons("field=key:string", [(["X"], rect(0, 4000, 0, 500)), (["Y"], rect(0, 4000, 500, 1000))])
    run("storeunits", {"INPUT": new, "LEVEL": 1, "KEY_FIELD": "key", "VALID_FROM": "2024-01-01", "REPLACE": True})
    moved = polygons(
        "field=key:string&field=sr:string",
        [([k, sr], rect(i * 1000, (i + 1) * 1000)) for i, (k, sr) in enumerate(zip(BLOCK_KEYS, "XYXY"))],
    )
    run(
        "storeunits", {"INPUT": moved, "LEVEL": 0, "KEY_FIELD": "key", "PARENT_FIELD": "sr", "VALID_FROM": "2024-01-01"}
    )
    return store


def carried(store):
    from sozialplanung_plugin.core.store import Store

    s = Store.open(store)
    try:
        got = s.read_slice("space", 2022, geometry_at="2024-06-30").set_index("unit_key")["value"]
    finally:
        s.close()
    return got.to_dict()


BY_CHILDREN = {"X": 500.0, "Y": 300.0}
BY_RESIDENTS = {"X": 300.0, "Y": 500.0}
CARRY = {"LEVEL": 1, "FROM_DATE": "2023-12-31", "TO_DATE": "2024-01-01"}


def test_storecarry_dialog_weight_by_name(qtbot, qgis_app, tmp_path):
    """In the dialog: the children in SGB II chosen by name as the weight; Run: the residents of X and Y carried
    by the children's shares (500 and 300; by residents it would be 300 and 500)."""
    store = carry_store(tmp_path)
    dialog = open_dialog(qtbot, "storecarry", (1000, 800))
    w = dialog.mainWidget().wrappers
    c = context()
    w["STORE"].setParameterValue(store, c)
    for name, value in CARRY.items():
        w[name].setParameterValue(value, c)
    combo = w["WEIGHT"].widget
    combo.setCurrentIndex(combo.findText("Kinder im SGB II-Bezug (Anzahl)"))
    assert w["WEIGHT"].value() == "kinder_sgb2_anzahl"
    assert dialog.mainWidget().createProcessingParameters()["WEIGHT"] == "kinder_sgb2_anzahl"
    results = run_dialog(qtbot, dialog)
    dialog.close()
    assert results["STATUS"] == "written" and results["INSERTED"] == 2
    assert carried(store) == pytest.approx(BY_CHILDREN)


def test_storecarry_weight_as_text(run_alg, qgis_app, tmp_path):
    store = carry_store(tmp_path)
    r = run_alg("storecarry", {"STORE": store, **CARRY, "WEIGHT": " kinder_sgb2_anzahl "})
    assert r["INSERTED"] == 2 and carried(store) == pytest.approx(BY_CHILDREN)
    other = carry_store(tmp_path, "other.gpkg")
    run_alg("storecarry", {"STORE": other, **CARRY})  # the default: einwohner
    assert carried(other) == pytest.approx(BY_RESIDENTS)


@pytest.mark.slow
def test_storecarry_weight_qgis_process(qgis_process, qgis_app, tmp_path):
    store = carry_store(tmp_path)
    r = qgis_process("storecarry", {"STORE": store, **CARRY, "WEIGHT": "kinder_sgb2_anzahl"})["results"]
    assert r["INSERTED"] == 2 and carried(store) == pytest.approx(BY_CHILDREN)


def test_storecarry_bad_weight_is_named(run_alg, qgis_app, tmp_path):
    store = carry_store(tmp_path)
    with pytest.raises(QgsProcessingException) as err:
        run_alg("storecarry", {"STORE": store, **CARRY, "WEIGHT": "kinder_anzahl"})
    assert "'kinder_anzahl'" in str(err.value)


# ------------------------------------------------------------------------------------------------ model builder
@pytest.mark.parametrize("changes", ["2020-2022, 2022-2024", [2020, 2022, 2022, 2024]])
def test_model_with_the_text_or_the_table_still_runs(agg_case, tmp_path, changes):
    """A .model3 with aggregateindicators whose CHANGES is the old text (as models saved before the table was
    one) or the table, and YEARS as text, saved, read back and run: the same two periods."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.core import QgsProcessingModelChildParameterSource as Src

    blocks, tables = agg_case
    model = QgsProcessingModelAlgorithm("changes", "tests")
    model.addModelParameter(
        QgsProcessingParameterVectorLayer("blocks", "Blocks"), QgsProcessingModelParameter("blocks")
    )
    child = QgsProcessingModelChildAlgorithm("sozialplanung:aggregateindicators")
    child.setChildId("agg")
    static = {k: v for k, v in agg_params(blocks, tables, YEARS="2024", CHANGES=changes).items() if k != "UNITS"}
    static.pop("OUTPUT_1")
    for name, value in static.items():
        child.addParameterSources(name, [Src.fromStaticValue(value)])
    child.addParameterSources("UNITS", [Src.fromModelParameter("blocks")])
    out = QgsProcessingModelOutput("spaces", "spaces")
    out.setChildOutputName("OUTPUT_1")
    child.setModelOutputs({"spaces": out})
    model.addChildAlgorithm(child)
    path = tmp_path / "changes.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    import processing
    from qgis.core import QgsProcessingFeedback

    res = processing.run(loaded, {"blocks": blocks, "agg:spaces": "TEMPORARY_OUTPUT"}, feedback=QgsProcessingFeedback())
    # the result key of a model output: 'agg:spaces' on 3.22, the output's own name on later QGIS
    key = "agg:spaces" if "agg:spaces" in res else next(k for k in res if k.endswith("spaces"))
    assert_changes_2020_2022_2024(output_layer(res[key]))


# ------------------------------------------------------------------------------------------------ every algorithm
def test_every_years_parameter_is_a_year_list_and_plain_text_in_batch(qtbot, provider):
    """Each algorithm's text parameter YEARS is a year list in its dialog and the plain text in batch mode (what
    is typed there goes to the algorithm as it is; the algorithm checks it); WEIGHT of storecarry likewise."""
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QLineEdit

    from sozialplanung_plugin.ui.parameter_widgets import CountVariableCombo, TextWidgetWrapper, YearList

    found = []
    for alg in sorted(provider.algorithms(), key=lambda a: a.name()):
        names = [p.name() for p in alg.parameterDefinitions() if p.name() == "YEARS" and p.type() == "string"]
        names += ["WEIGHT"] if alg.name() == "storecarry" else []
        if not names:
            continue
        dialog = open_dialog(qtbot, alg.name(), (1000, 800))
        for name in names:
            widget = dialog.mainWidget().wrappers[name].widget
            assert isinstance(widget, CountVariableCombo if name == "WEIGHT" else YearList), (alg.name(), name)
            found.append(f"{alg.name()}.{name}")
        dialog.close()
        batch = BatchAlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(alg.id()))
        row = {w.parameterDefinition().name(): w for w in batch.mainWidget().wrappers[0] if w is not None}
        for name in names:
            wrapper = row[name]
            assert isinstance(wrapper, TextWidgetWrapper) and isinstance(wrapper.widget, QLineEdit), (alg.name(), name)
            text = "einwohner" if name == "WEIGHT" else "2024, 2014"
            wrapper.setValue(text)
            assert wrapper.value() == text
        batch.deleteLater()
    assert found == [
        "aggregateindicators.YEARS",
        "facilitysupply.YEARS",
        "interpolateindicators.YEARS",
        "profileatlas.YEARS",
        "storecarry.WEIGHT",
        "storefacilities.YEARS",
    ], found


def test_year_list_ordered_mode_keeps_the_order_and_removes(qtbot, qgis_app):
    """aggregateindicators' list: one year per table in the order added (repeats allowed); a selected year is
    removed; the text '2024, 2014' is shown as those two rows."""
    from sozialplanung_plugin.ui.parameter_widgets import YearList

    years = YearList(ordered=True, empty_hint="tables")
    qtbot.addWidget(years)
    for y in (2024, 2014, 2014):
        years.year.setValue(y)
        years.add.click()
    assert years.value() == "2024, 2014, 2014"
    years.list.setCurrentRow(1)
    years.remove.click()
    assert years.value() == "2024, 2014"
    years.set_value("2025 2009")
    assert years.value() == "2025, 2009" and years.list.count() == 2
