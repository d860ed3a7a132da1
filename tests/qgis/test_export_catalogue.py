"""sozialplanung:exportcatalogue through processing.run with a real QGIS."""

import csv
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from sozialplanung_plugin.core.catalogue import default_catalogue, load_catalogue


def test_export_xlsx_csv_yaml(run_alg, tmp_path):
    cat = default_catalogue()
    res = run_alg("exportcatalogue", {"OUTPUT": str(tmp_path / "k.xlsx")})
    assert res["VERSION"] == "2026.1" and res["INDICATOR_COUNT"] == len(cat.indicators)
    import openpyxl

    wb = openpyxl.load_workbook(res["OUTPUT"])
    assert wb.sheetnames == ["Indikatoren", "Variablen", "Info"]
    assert wb["Indikatoren"].max_row == len(cat.indicators) + 1

    res = run_alg("exportcatalogue", {"OUTPUT": str(tmp_path / "k.csv"), "CSV_ENCODING": 0})
    rows = list(csv.DictReader(Path(res["OUTPUT"]).read_bytes().decode("cp1252").splitlines(), delimiter=";"))
    assert [r["ID"] for r in rows] == list(cat.indicators)

    res = run_alg("exportcatalogue", {"OUTPUT": str(tmp_path / "v.csv"), "CSV_ENCODING": 1, "CONTENT": 1})
    raw = Path(res["OUTPUT"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(raw.decode("utf-8-sig").strip().splitlines()) == len(cat.variables) + 1

    res = run_alg("exportcatalogue", {"OUTPUT": str(tmp_path / "k.yaml")})
    back = load_catalogue(res["OUTPUT"], include_default=False)
    assert list(back.indicators) == list(cat.indicators)


def test_export_with_county_overlay_and_error(run_alg, tmp_path):
    county = tmp_path / "kreis.yaml"
    county.write_text("catalogue: {name: Kreis, version: '1'}\ndisable: [haeufigkeitszahl]\n", encoding="utf-8")
    res = run_alg("exportcatalogue", {"CATALOGUE": str(county), "OUTPUT": str(tmp_path / "k.yaml")})
    assert res["VERSION"] == "2026.1 + Kreis 1"
    assert res["INDICATOR_COUNT"] == len(default_catalogue().indicators) - 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators:\n- {id: sgb2_quote, polarity: schlimm}\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="bad.yaml: indicator 'sgb2_quote', field 'polarity'"):
        run_alg("exportcatalogue", {"CATALOGUE": str(bad), "OUTPUT": str(tmp_path / "x.xlsx")})
    assert not (tmp_path / "x.xlsx").exists()


def test_export_via_qgis_process(qgis_process, tmp_path):
    cat = default_catalogue()
    out = tmp_path / "katalog.csv"
    res = qgis_process("exportcatalogue", {"OUTPUT": out, "CSV_ENCODING": 1})
    assert res["results"]["VERSION"] == cat.version
    assert res["results"]["INDICATOR_COUNT"] == len(cat.indicators)
    rows = list(csv.DictReader(out.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [r["ID"] for r in rows] == list(cat.indicators)
