"""The project's conventions hold on every commit (what `make lint` checks): pyflakes clean; Qt only via
qgis.PyQt; no compiled resources; the core without QGIS; no heavy import at plugin load; test modules share code
through tests/helpers.py, never by importing each other."""

import ast
import re
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


# ------------------------------------------------------------------------------------------------ tests share helpers
#: A module name that is a test module or a conftest (any part of a dotted name).
_TEST_MODULE = re.compile(r"^(test_\w+|conftest)$")
#: An import line inside a string (a script a test writes and runs in a subprocess).
_IMPORT_LINE = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w \t,.]+)|import[ \t]+([\w \t,.]+))", re.M
)
#: Imports left to other changes that own those files (the table tests' rewrite: tests/core/test_tables*.py; the
#: bad-input corpus: tests/qgis/test_bad_inputs.py): remove an entry when its import is gone.
_LEFT_TO_OTHER_CHANGES = {}


def _is_test_module(dotted):
    return any(_TEST_MODULE.match(part) for part in dotted.split(".") if part)


def imports_of_test_modules(source):
    """(line, what) for each import of a test module or a conftest in ``source``: import statements, and import
    lines in string literals (scripts run in a subprocess)."""
    found = []

    def check(line, module, names):
        for name in [module, *(f"{module}.{n}" if module and not module.endswith(".") else module + n for n in names)]:
            if _is_test_module(name):
                found.append((line, name))
                return

    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                check(node.lineno, alias.name, [])
        elif isinstance(node, ast.ImportFrom):
            check(node.lineno, "." * node.level + (node.module or ""), [a.name for a in node.names])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for m in _IMPORT_LINE.finditer(node.value):
                if m.group(1) is not None:
                    names = [n.split()[0] for n in m.group(2).split(",") if n.strip()]
                    check(node.lineno, m.group(1), names)
                else:
                    for n in m.group(3).split(","):
                        if n.strip():
                            check(node.lineno, n.split()[0], [])
    return found


def test_test_modules_do_not_import_each_other():
    """Code two test modules need lives in tests/helpers.py (QGIS imported inside its functions); a test module
    importing another one (or a conftest) runs that module's import side effects and hides where a helper lives."""
    bad = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        for line, name in imports_of_test_modules(path.read_text(encoding="utf-8")):
            bad.append(f"{rel}:{line} imports {name}")
    assert not bad, "import from tests/helpers.py instead:\n" + "\n".join(bad)


def test_test_module_import_check_finds_imports():
    # "tst_" and "cnftest" stand for "test_" and "conftest" (this file is checked too: its sample must not count)
    source = """
from .tst_access import layer
from . import tst_store
from tests.core import tst_tables_fast as fast
import tests.qgis.tst_dialogs
from .cnftest import QGIS_PROCESS
from ..helpers import square, write_gpkg
from tests import pgserver
from . import _report_data
SCRIPT = '''
import os, sys
from tests.qgis.tst_reliability import grid
from tests.helpers import BOW_TIE, block_grid as grid
'''
""".replace("tst_", "test_").replace("cnftest", "conftest")
    found = imports_of_test_modules(source)
    assert [name for _line, name in found] == [
        ".test_access",
        ".test_store",
        "tests.core.test_tables_fast",
        "tests.qgis.test_dialogs",
        ".conftest",
        "tests.qgis.test_reliability",
    ], found
