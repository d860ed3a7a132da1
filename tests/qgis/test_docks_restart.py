"""The catalogue dock after a real QGIS desktop restart (virtual X screen): open, search, filter and the
selected indicator come back. QGIS restores the dock's place and visibility from its window state (the dock has
a stable objectName); the dock restores its own state from QgsSettings."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_qgis(home, phase, out):
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM")}
    env.update(
        HOME=str(home),
        QGIS_PLUGINPATH=str(ROOT),
        PYTHONNOUSERSITE="1",
        SOZIALPLANUNG_RESTART_OUT=str(out),
        SOZIALPLANUNG_RESTART_PHASE=phase,
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
            str(ROOT / "tests" / "qgis" / "desktop_docks_restart.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.exists(), f"QGIS desktop did not write the result:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    result = json.loads(out.read_text())
    assert "error" not in result, result["error"]
    return result


def test_catalogue_dock_state_survives_a_qgis_restart(tmp_path):
    if not shutil.which("xvfb-run") or not shutil.which("qgis.bin"):
        pytest.skip("QGIS desktop or xvfb-run missing (make setup installs them)")
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
