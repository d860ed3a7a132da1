"""Shared test fixtures. QGIS itself is started in tests/qgis/conftest.py; tests/core runs without QGIS."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SOZIALPLANUNG_SHARED") or ROOT.parent / "shared")  # a worktree may point elsewhere
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def root_dir():
    return ROOT


@pytest.fixture(scope="session")
def shared_dir():
    """../shared beside the project (real open data, fixtures); tests using it skip cleanly without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the project (real data and fixtures live there)")
    return SHARED


@pytest.fixture(scope="session")
def demo_dir():
    return ROOT / "sozialplanung_plugin" / "resources" / "demo"
