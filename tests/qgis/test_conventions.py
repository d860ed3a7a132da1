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
