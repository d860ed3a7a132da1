"""`make package` builds a zip that installs into a clean QGIS profile: the plugin is found, enabled and its
algorithms run from the installed copy (not from the source tree)."""

import configparser
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ..helpers import QGIS_PROCESS

ROOT = Path(__file__).resolve().parents[2]


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


def _package_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sozial_package", ROOT / "tools" / "package.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_zip_passes_the_repository_validator_rules(package):
    """What plugins.qgis.org's validator checks offline: one valid top folder, LICENSE, metadata, no .pyc."""
    pkg = _package_module()
    assert pkg.validate(package) == []
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        assert "sozialplanung_plugin/LICENSE" in names
        assert "GNU GENERAL PUBLIC LICENSE" in zf.read("sozialplanung_plugin/LICENSE").decode()
        meta = configparser.ConfigParser(interpolation=None)
        meta.read_string(zf.read("sozialplanung_plugin/metadata.txt").decode("utf-8"))
    general = meta["general"]
    changelog = general["changelog"].splitlines()
    assert changelog[0].strip() == general["version"]  # newest section first, generated from CHANGELOG.md
    assert any("GPL-2.0-or-later" in line for line in changelog)
    assert general["experimental"] == "True"  # a first public 0.x release
    assert general["qgisMinimumVersion"] == "3.22" and general["qgisMaximumVersion"] == "4.99"
    # no compiled code or binaries beyond data, images and compiled translations
    binaries = [n for n in names if not n.endswith("/") and pkg._is_binary(zipfile.ZipFile(package).read(n))]
    assert {Path(n).suffix for n in binaries} <= {".gpkg", ".qm", ".png"}, binaries


def _rezip(src, dst, drop=(), add=None, meta_edit=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for n in zin.namelist():
            if n in drop:
                continue
            data = zin.read(n)
            if meta_edit and n.endswith("sozialplanung_plugin/metadata.txt"):
                data = meta_edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(n, data)
        for n, data in (add or {}).items():
            zout.writestr(n, data)
    return dst


@pytest.mark.parametrize(
    "case, expected",
    [
        (dict(drop=("sozialplanung_plugin/LICENSE",)), "LICENSE missing"),
        (dict(add={"sozialplanung_plugin/core/x.pyc": b"\0\0"}), "forbidden file"),
        (dict(add={"other/readme.txt": b"x"}), "one top folder"),
        (dict(add={"sozialplanung_plugin/lib/fast.so": b"\x7fELF\0\0"}), "unexpected file type"),
        (dict(add={"sozialplanung_plugin/core/blob.py": b"\0\1\2"}), "binary content"),
        (dict(meta_edit=lambda t: t.replace("tracker=", "x_tracker=")), "tracker is missing"),
        (dict(meta_edit=lambda t: t.replace("repository=https://", "repository=")), "repository is not a valid URL"),
        (dict(meta_edit=lambda t: t.replace("experimental=True", "experimental=maybe")), "experimental must be"),
        (dict(meta_edit=lambda t: t.replace("version=0.1.0", "version=first")), "version 'first'"),
    ],
)
def test_validator_finds_what_the_repository_rejects(package, tmp_path, case, expected):
    pkg = _package_module()
    bad = _rezip(package, tmp_path / "bad.zip", **case)
    problems = pkg.validate(bad)
    assert any(expected in p for p in problems), problems


def test_release_build_refuses_placeholder_contacts(package, tmp_path):
    pkg = _package_module()
    fake = _rezip(package, tmp_path / "p.zip", meta_edit=lambda t: re.sub(r"email=.*", "email=team@example.org", t))
    assert pkg.validate(fake) == []  # a development zip installs fine
    assert any("email is a placeholder" in p for p in pkg.validate(fake, release=True))
    real = _rezip(
        package, tmp_path / "r.zip", meta_edit=lambda t: re.sub(r"email=.*", "email=sozialplanung@rbk-online.de", t)
    )
    assert not [p for p in pkg.validate(real, release=True) if "email" in p]


def test_changelog_generated_from_changelog_md():
    pkg = _package_module()
    text = "# Changelog\n\n## 0.2.0 - 2027-01-10\n\n- New: a.\n- Fixed: b,\n  continued.\n\n## 0.1.0 - 2026-12-01\n\n- First.\n"
    assert pkg.changelog_sections(text) == [
        ("0.2.0", "2027-01-10", ["New: a.", "Fixed: b, continued."]),
        ("0.1.0", "2026-12-01", ["First."]),
    ]
    assert (
        pkg.changelog_for_metadata(text) == "0.2.0\n    - New: a.\n    - Fixed: b, continued.\n    0.1.0\n    - First."
    )
    newest = pkg.changelog_sections((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))[0][0]
    assert newest == pkg.version()
