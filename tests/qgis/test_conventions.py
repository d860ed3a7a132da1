"""The project's conventions hold on every commit (what `make lint` checks): pyflakes clean; Qt only via
qgis.PyQt; no compiled resources; the core without QGIS; no heavy import at plugin load."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_project_conventions():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_conventions.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pyflakes_clean():
    pytest.importorskip("pyflakes", reason="python3-pyflakes is installed by make setup")
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "*.py"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    files = [f for f in files if not f.startswith("bench/.venv")]
    if not files:
        pytest.skip("not a git checkout")
    proc = subprocess.run([sys.executable, "-m", "pyflakes", *files], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_algorithm_reference_is_current():
    """docs/algorithms.md is generated from the algorithms; regenerate it when parameters change."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_algorithm_docs.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]


def test_qt6_ready():
    """Every Qt/QGIS enum scoped (asked of the installed QGIS), exec() not exec_(), Qt only via qgis.PyQt, no web
    views or compiled resources; with ../shared also the Qt 6 migration tool's enum list."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_qt6.py")], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


def test_qt6_check_finds_unscoped_uses(tmp_path):
    """The check can fail: an unscoped Qt enum, a QGIS enum, exec_() and a PyQt5 import are each reported."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from PyQt5.QtCore import Qt\n"
        "from qgis.core import QgsWkbTypes\n"
        "a = Qt.AlignLeft\n"
        "b = QgsWkbTypes.PolygonGeometry\n"
        "c = Qt.AlignmentFlag.AlignLeft\n"
        "dialog.exec_()\n"
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_qt6.py"), str(bad)], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 1
    out = proc.stdout
    assert "bad.py:3: Qt.AlignLeft -> Qt.AlignmentFlag.AlignLeft" in out
    assert "bad.py:4: QgsWkbTypes.PolygonGeometry -> QgsWkbTypes.GeometryType.PolygonGeometry" in out
    assert "bad.py:5:" not in out
    assert "exec_() -> exec()" in out and "imports PyQt5.QtCore" in out


def test_private_use_check_finds_uses(tmp_path):
    """The check can fail: another module's _private name, imported or read as module._name, is reported; a
    package's own helper module (processing/_layouts) and its public names are not."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_conventions", ROOT / "tools" / "check_conventions.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    probe = tmp_path / "processing" / "probe.py"
    probe.parent.mkdir()
    probe.write_text(
        "from . import _layouts as L\nfrom .hotspots import _hidden\n\n\ndef f():\n    return L.add_label, L._secret\n"
    )
    assert sorted(check.private_uses(probe)) == ["imports hotspots._hidden", "uses L._secret"]


def test_bare_english_message_check_fires_and_passes(tmp_path):
    """The check can fail: a refusal or a log message with English text written in place (literal, f-string,
    concatenation) is reported; the same messages through self.tr / QCoreApplication.translate, texts of only
    values, and pushDebugInfo are not."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_conventions", ROOT / "tools" / "check_conventions.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(self, feedback, n, err):\n"
        "    if n:\n"
        "        raise QgsProcessingException('Choose a layer.')\n"
        "    if n > 1:\n"
        "        raise InputError(f'{n} rows are empty.')\n"
        "    feedback.reportError(f'Failed: {err}')\n"
        "    feedback.pushWarning('Style not saved: ' + str(err))\n"
        "    feedback.pushInfo('%d rows read' % n)\n"
    )
    assert sorted(check.bare_english_messages(bad)) == [
        (3, "QgsProcessingException"),
        (5, "InputError"),
        (6, "reportError"),
        (7, "pushWarning"),
        (8, "pushInfo"),
    ]
    good = tmp_path / "good.py"
    good.write_text(
        "def f(self, feedback, n, err, field, w):\n"
        "    if n:\n"
        "        raise QgsProcessingException(self.tr('Choose a layer.'))\n"
        "    if n > 1:\n"
        "        raise InputError(tr('{n} rows are empty.', n=n))\n"
        "    feedback.reportError(QCoreApplication.translate('SozialplanungAlgorithm', 'Failed: {e}').format(e=err))\n"
        "    feedback.pushWarning(f'{field}: {w}')\n"
        "    feedback.pushInfo(message)\n"
        "    feedback.pushDebugInfo(f'took {n} s')\n"
    )
    assert list(check.bare_english_messages(good)) == []
