"""`make package` builds a zip that installs into a clean QGIS profile: the plugin is found, enabled and its
algorithms run from the installed copy (not from the source tree)."""

import configparser
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(proc.stdout.strip().splitlines()[-1])


def test_zip_holds_one_plugin_folder_with_everything_it_needs(package):
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(ROOT / "sozialplanung_plugin" / "metadata.txt", encoding="utf-8")
    assert package.name == f"sozialplanung_plugin-{meta['general']['version']}.zip"
    names = zipfile.ZipFile(package).namelist()
    assert {n.split("/")[0] for n in names} == {"sozialplanung_plugin"}
    for needed in (
        "metadata.txt",
        "__init__.py",
        "plugin.py",
        "processing/provider.py",
        "resources/catalogue/default.yaml",
        "resources/i18n/sozialplanung_de.qm",
        "resources/icons/sozialplanung.svg",
        "resources/demo/rbk_demo.gpkg",
    ):
        assert f"sozialplanung_plugin/{needed}" in names, needed
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]
    icon = meta["general"]["icon"]
    assert f"sozialplanung_plugin/{icon}" in names
    assert package.stat().st_size < 15 * 1024 * 1024


def test_installed_zip_runs_in_a_clean_profile(package, tmp_path):
    home = tmp_path / "home"
    plugins = home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(package).extractall(plugins)  # what "Install from ZIP" does
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_PLUGINPATH", "QGIS_CUSTOM_CONFIG_PATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")

    def qp(*args):
        return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)

    listing = qp("list").stdout
    assert "sozialplanung:" not in listing  # installed but not enabled: QGIS does not load it
    enabled = qp("plugins", "enable", "sozialplanung_plugin")
    assert enabled.returncode == 0, enabled.stderr
    listing = qp("list").stdout
    for alg in ("definesocialspaces", "importtable", "aggregateindicators", "exportcatalogue"):
        assert f"sozialplanung:{alg}" in listing, alg
    out = tmp_path / "catalogue.csv"
    run = qp("run", "sozialplanung:exportcatalogue", "--json", "--", f"OUTPUT={out}")
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout[run.stdout.index("{") :])["results"]
    text = out.read_text(encoding="cp1252")
    assert "sgb2" in text.lower()
    # the algorithm ran from the installed copy, not from the source tree
    assert str(ROOT) not in (run.stdout + run.stderr)
