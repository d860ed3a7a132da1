"""Tables as offices deliver them, through aggregateindicators (issue 15): skipped indicators are said as a
warning that names the missing variables and the alias remedy; two tables for one year are joined or refused
with both names; office abbreviations in headers find the catalogue variables."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from ..helpers import four_blocks, write_table

ALG = "aggregateindicators"


class Recorder(QgsProcessingFeedback):
    """Keeps the warnings and infos an algorithm pushes."""

    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)
        super().pushWarning(text)

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        self.infos.append(text)
        super().pushInfo(text)


@pytest.fixture
def blocks(qgis_app):
    return four_blocks()


def params(blocks, tables, **extra):
    return dict(
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "TABLES": tables,
            "DISCLOSURE": False,
            "LEVEL_FIELDS": ["sr_id"],
            "OUTPUT_1": "TEMPORARY_OUTPUT",
        },
        **extra,
    )


def test_skipped_indicators_are_a_warning_with_the_remedy(run_alg, blocks, tmp_path):
    """Headers the catalogue does not know: the indicators that need them are named in a warning (was: only
    inside the method record), with the variables, the unknown headers and how to add an alias."""
    t = write_table(
        tmp_path / "bloecke_2024.csv",
        ["053780000001;100;2", "053780000002;50;1", "053780000003;200;4", "053780000004;100;6"],
        "Blocknummer;Einwohner insgesamt;Kinder (0-14) in BG",
    )
    fb = Recorder()
    res = run_alg(ALG, params(blocks, [t], INDICATORS="kinderarmut_sgb2_u15,bevoelkerungsdichte"), feedback=fb)
    note = [w for w in fb.warnings if "not computed" in w]
    assert len(note) == 1, fb.warnings
    assert note[0].startswith("1 indicator(s) not computed: the tables lack ")
    assert "sgb2_u15 ('Kinder im SGB II Bezug unter 15 Jahre') for kinderarmut_sgb2_u15" in note[0]
    assert "ew_u15 ('Einwohner unter 15 Jahre') for kinderarmut_sgb2_u15" in note[0]
    assert "county catalogue file" in note[0] and "aliases" in note[0]
    assert "'Kinder (0-14) in BG'" in note[0]
    assert res["INDICATORS_COMPUTED"] == "bevoelkerungsdichte"
    # all computable (no list given): said as well
    fb = Recorder()
    run_alg(ALG, params(blocks, [t]), feedback=fb)
    assert any("indicator(s) not computed" in w and "'Kinder (0-14) in BG'" in w for w in fb.warnings)


def test_abbreviated_office_headers_are_computed(run_alg, blocks, tmp_path):
    t = write_table(
        tmp_path / "bloecke_2024.csv",
        ["053780000001;100;20;2", "053780000002;50;10;1", "053780000003;200;40;4", "053780000004;100;20;6"],
        "Blocknummer;Einwohner insg.;Einwohner unter 15 J.;Kinder u. 15 J. im SGB II",
    )
    fb = Recorder()
    res = run_alg(ALG, params(blocks, [t], INDICATORS="kinderarmut_sgb2_u15"), feedback=fb)
    assert res["INDICATORS_COMPUTED"] == "kinderarmut_sgb2_u15"
    assert not [w for w in fb.warnings if "not computed" in w]
    layer = res["OUTPUT_1"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    got = {f["key"]: f["kinderarmut_sgb2_u15_2024"] for f in layer.getFeatures()}
    assert got["A"] == pytest.approx(3 / 30 * 100) and got["B"] == pytest.approx(10 / 60 * 100)


def test_two_tables_of_one_year(run_alg, blocks, tmp_path):
    h = "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre;Kinder im SGB II Bezug unter 15 Jahre"
    north = write_table(tmp_path / "nord_2024.csv", ["053780000001;100;20;2", "053780000002;50;10;1"], h)
    south = write_table(tmp_path / "sued_2024.csv", ["053780000003;200;40;4", "053780000004;100;20;6"], h)
    fb = Recorder()
    res = run_alg(ALG, params(blocks, [north, south], INDICATORS="kinderarmut_sgb2_u15"), feedback=fb)
    assert any("nord_2024.csv and sued_2024.csv both give the year 2024: their rows joined" in w for w in fb.warnings)
    layer = res["OUTPUT_1"]
    got = {f["key"]: f["kinderarmut_sgb2_u15_2024"] for f in layer.getFeatures()}
    assert got["B"] == pytest.approx(10 / 60 * 100)
    other = write_table(tmp_path / "korrektur_2024.csv", ["053780000003;200;40;5"], h)
    with pytest.raises(QgsProcessingException) as ei:
        run_alg(ALG, params(blocks, [north, south, other], INDICATORS="kinderarmut_sgb2_u15"))
    msg = str(ei.value)
    assert "nord_2024.csv and sued_2024.csv and korrektur_2024.csv both give 'sgb2_u15' for 2024" in msg
    assert "'053780000003': 4 and 5" in msg


def test_import_finds_the_year_in_the_title_and_keeps_the_legend_out(run_alg, tmp_path):
    """importtable (YEAR 0 = from the title): 'Berichtsjahr;2014' above the header is a title line, the
    Gebietsstand date is not the data's year, and the symbol legend under the table is a footnote."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils

    path = tmp_path / "arbeitslose.csv"
    path.write_bytes(
        (
            "Arbeitslose nach Gemeinden, Gebietsstand 01.01.2015\r\nBerichtsjahr;2014\r\n\r\n"
            "AGS;Gemeinde;Arbeitslose;Langzeitarbeitslose (1)\r\n"
            "05378004;Bergisch Gladbach;4.120;1.530\r\n05378008;Burscheid;*;-\r\n\r\n"
            "(1) ein Jahr und länger arbeitslos\r\n"
            ". = Zahlenwert unbekannt oder geheim zu halten; - = nichts vorhanden; * = anonymisiert\r\n"
        ).encode("cp1252")
    )
    ctx = QgsProcessingContext()
    res = run_alg(
        "importtable",
        {"INPUT": str(path), "YEAR": 0, "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": "TEMPORARY_OUTPUT"},
        context=ctx,
    )
    assert res["YEARS"] == "2014" and res["KEY_COUNT"] == 2

    def layer(v):
        return v if isinstance(v, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(v, ctx)

    rows = {f["key"]: f for f in layer(res["OUTPUT"]).getFeatures()}
    assert set(rows) == {"05378004", "05378008"}
    kinds = [(f["kind"], f["item"], f["detail"]) for f in layer(res["REPORT"]).getFeatures()]
    assert ("header_note", "Langzeitarbeitslose (1)", "ein Jahr und länger arbeitslos") in kinds
    assert any(k == "footnote" and ". = Zahlenwert unbekannt" in d for k, _, d in kinds)
