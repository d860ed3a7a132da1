"""The plugin in real QGIS desktop (under a virtual X screen): load, open the dock, unload, twice."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_ALGORITHMS = {"definesocialspaces"}


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory):
    if not shutil.which("xvfb-run") or not shutil.which("qgis.bin"):
        pytest.skip("QGIS desktop or xvfb-run missing (make setup installs them)")
    tmp = tmp_path_factory.mktemp("desktop")
    out = tmp / "lifecycle.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM")}
    env.update(
        HOME=str(tmp / "home"), QGIS_PLUGINPATH=str(ROOT), PYTHONNOUSERSITE="1", SOZIALPLANUNG_LIFECYCLE_OUT=str(out)
    )
    proc = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis.bin",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "tests" / "qgis" / "desktop_lifecycle.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.exists(), f"QGIS desktop did not write the result:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    result = json.loads(out.read_text())
    assert "error" not in result, result
    return result


def test_loads_provider_menu_toolbar_and_dock(lifecycle):
    for rnd in lifecycle["rounds"]:
        assert rnd["load_ok"] and rnd["start_ok"]
        loaded = rnd["loaded"]
        assert loaded["provider"]
        assert EXPECTED_ALGORITHMS <= set(loaded["algorithms"])
        assert loaded["docks"] == ["SozialplanungCatalogueDock", "SozialplanungProfileDock"]
        assert "sozialplanung_toolbox" in loaded["actions"]
        assert "sozialplanung_catalogue_toggle" in loaded["actions"]
        assert "sozialplanung_profile_toggle" in loaded["actions"]
        assert loaded["plugin_menu"], "no Sozialplanung entry in the Plugins menu"
        assert loaded["catalogue_rows"] >= 25


def test_unload_twice_leaves_nothing_behind(lifecycle):
    for rnd in lifecycle["rounds"]:
        assert rnd["unloaded"]["provider"] is False
        assert rnd["unloaded"]["docks"] == []
        assert rnd["unloaded"]["actions"] == []
        assert rnd["unloaded"]["plugin_menu"] == []


def test_no_heavy_modules_at_load(lifecycle):
    before = set(lifecycle["heavy_before"])
    first = lifecycle["rounds"][0]["loaded"]
    # pandas & co. may come later (opening the dock, running an algorithm), never from loading the plugin
    assert set(first["heavy_loaded"]) - before <= set(), first["heavy_loaded"]
