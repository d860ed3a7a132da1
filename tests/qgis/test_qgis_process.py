"""The provider through a real qgis_process (temporary profile, plugin enabled as the README says)."""

import subprocess

from qgis.core import QgsVectorLayer

from ..helpers import QGIS_PROCESS, grid_blocks, write_gpkg


def test_list_shows_provider(qgis_process_env):
    out = subprocess.run([QGIS_PROCESS, "list"], env=qgis_process_env, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "sozialplanung:definesocialspaces" in out.stdout


def test_definesocialspaces_via_qgis_process(qgis_process, tmp_path):
    blocks = write_gpkg(grid_blocks(["A", "A", "B"], residents=[10, 20, 30]), tmp_path / "blocks.gpkg")
    out = tmp_path / "spaces.gpkg"
    res = qgis_process(
        "definesocialspaces", {"BLOCKS": blocks, "ASSIGNMENT": "sr", "POPULATION_FIELD": "residents", "OUTPUT": out}
    )
    assert res["results"]["SPACE_COUNT"] == 2
    layer = QgsVectorLayer(str(out), "spaces", "ogr")
    assert sorted((f["space_id"], f["residents"]) for f in layer.getFeatures()) == [("A", 30), ("B", 30)]


def test_bad_input_via_qgis_process_is_reported(qgis_process, tmp_path):
    blocks = write_gpkg(grid_blocks(["A"]), tmp_path / "blocks.gpkg")
    out = qgis_process(
        "definesocialspaces",
        {"BLOCKS": blocks, "ASSIGNMENT": "sr", "POPULATION_FIELD": "nope", "OUTPUT": tmp_path / "x.gpkg"},
        expect_ok=False,
    )
    assert out.returncode != 0
    assert "no field 'nope'" in out.stdout + out.stderr
    assert not (tmp_path / "x.gpkg").exists()
