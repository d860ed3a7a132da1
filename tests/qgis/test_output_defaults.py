"""Defaults that protect a planner (issue 19): disclosure control on unless switched off, with the catalogue's
threshold; PDFs readable by colleagues (the user's umask, not 0600)."""

import os
import stat

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from .test_map_sheets import small_layer


@pytest.fixture
def blocks(qgis_app):
    """Two 1 km² blocks, one space each (A, B), one municipality."""
    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=block_id:string&field=sr_id:string&field=ags:string", "blocks", "memory"
    )
    feats = []
    for i, sr in enumerate("AB"):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"05378000000{i + 1}", sr, "05378004"])
        x0 = i * 1000.0
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} 0,{x0 + 1000} 0,{x0 + 1000} 1000,{x0} 1000,{x0} 0))"))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture
def table(tmp_path):
    """Children under 15 in SGB II: 2 in A (below 3: suppressed by default), 4 in B (above)."""
    path = tmp_path / "bloecke_2025.csv"
    rows = ["053780000001;300;60;2", "053780000002;300;60;4"]
    header = "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre;Kinder im SGB II Bezug unter 15 Jahre"
    path.write_bytes((header + "\r\n" + "\r\n".join(rows) + "\r\n").encode("cp1252"))
    return str(path)


def child_poverty(run_alg, blocks, table, **extra):
    params = {
        "UNITS": blocks,
        "UNIT_KEY": "block_id",
        "TABLES": [table],
        "INDICATORS": "kinderarmut_sgb2_u15",
        "LEVEL_FIELDS": ["sr_id"],
        "COUNTY": False,
        "OUTPUT_1": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    res = run_alg("aggregateindicators", params)
    return {
        f["key"]: (f["kinderarmut_sgb2_u15_num_2025"], f["kinderarmut_sgb2_u15_flag_2025"])
        for f in res["OUTPUT_1"].getFeatures()
    }, res


def isnull(v):
    return v is None or (hasattr(v, "isNull") and v.isNull())


def test_disclosure_control_is_on_by_default(run_alg, blocks, table):
    values, res = child_poverty(run_alg, blocks, table)
    assert values["A"][1] == "suppressed" and isnull(values["A"][0])  # 2 < 3
    # B (4) is suppressed too, secondarily: with the total of both spaces published, A = total - B
    assert res["SUPPRESSED_CELLS"] >= 1


def test_disclosure_can_be_switched_off_for_internal_work(run_alg, blocks, table):
    values, res = child_poverty(run_alg, blocks, table, DISCLOSURE=False)
    assert values["A"][0] == 2 and values["B"][0] == 4 and res["SUPPRESSED_CELLS"] == 0


def test_threshold_comes_from_the_catalogue(run_alg, blocks, table, tmp_path):
    """A county catalogue with threshold 5 for child poverty: B's 4 is suppressed with the default parameter."""
    overlay = tmp_path / "kreis.yaml"
    overlay.write_text("indicators:\n  - {id: kinderarmut_sgb2_u15, disclosure_threshold: 5}\n", encoding="utf-8")
    values, _ = child_poverty(run_alg, blocks, table, CATALOGUE=str(overlay))
    assert values["A"][1] == values["B"][1] == "suppressed"
    # a given threshold applies to all indicators as a minimum: 2 suppresses nothing beyond the catalogue's 5
    values, _ = child_poverty(run_alg, blocks, table, CATALOGUE=str(overlay), THRESHOLD=2)
    assert values["B"][1] == "suppressed"


@pytest.mark.parametrize("mask", [0o022, 0o002])
@pytest.mark.parametrize("alg", ["overviewmapsheets", "profileatlas"])
def test_pdfs_get_the_users_umask(run_alg, qgis_app, tmp_path, mask, alg):
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / f"{alg}.pdf"
    params = {"INPUT": gpkg, "DPI": 72, "OUTPUT": str(out)}
    if alg == "overviewmapsheets":
        params["FIELDS"] = ["kinderarmut_sgb2_u15_2025"]
        params["CLASSES"] = 2
    old = os.umask(mask)
    try:
        run_alg(alg, params)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
