"""The catalogue dock after a real QGIS desktop restart (virtual X screen): open, search, filter and the
selected indicator come back. QGIS restores the dock's place and visibility from its window state (the dock has
a stable objectName); the dock restores its own state from QgsSettings."""

from pathlib import Path

from ..helpers import run_qgis_desktop

ROOT = Path(__file__).resolve().parents[2]


def run_qgis(home, phase, out):
    return run_qgis_desktop(
        "desktop_docks_restart.py", out, home, SOZIALPLANUNG_RESTART_OUT=str(out), SOZIALPLANUNG_RESTART_PHASE=phase
    )


def test_catalogue_dock_state_survives_a_qgis_restart(tmp_path):
    home = tmp_path / "home"
    ini = home / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nsozialplanung_plugin=true\n", encoding="utf-8")
    first = run_qgis(home, "set", tmp_path / "set.json")
    assert first["docks"] == ["SozialplanungCatalogueDock", "SozialplanungProfileDock"]
    assert "altersarmut_65plus" in first["visible_ids"]
    second = run_qgis(home, "check", tmp_path / "check.json")
    assert second["visible"] is True  # QGIS window state
    assert second["profile_visible"] is False
    assert second["search"] == "armut"  # the dock's own state
    assert second["kind"] == "status"
    assert second["current"] == "altersarmut_65plus"
    assert second["visible_ids"] == first["visible_ids"]
