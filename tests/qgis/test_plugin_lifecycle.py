"""The plugin in real QGIS desktop (under a virtual X screen): load, open the dock, unload, twice."""

from pathlib import Path

import pytest

from ..helpers import run_qgis_desktop

ROOT = Path(__file__).resolve().parents[2]

EXPECTED_ALGORITHMS = {"definesocialspaces"}


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("desktop")
    out = tmp / "lifecycle.json"
    return run_qgis_desktop("desktop_lifecycle.py", out, tmp / "home", SOZIALPLANUNG_LIFECYCLE_OUT=str(out))


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
