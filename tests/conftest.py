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
    if not SHARED.is_dir() or not any(SHARED.iterdir()):  # absent, or an empty mount point (matrix chroot)
        pytest.skip("../shared is not present beside the project (real data and fixtures live there)")
    return SHARED


@pytest.fixture(scope="session")
def demo_dir():
    return ROOT / "sozialplanung_plugin" / "resources" / "demo"


#: Fixtures that make a test slow (a separate QGIS process per call) or need the throwaway PostgreSQL server.
_SLOW_FIXTURES = {"qgis_process", "qgis_process_env"}
_POSTGIS_FIXTURES = {"pg_server", "pg_dsn"}
#: Modules whose tests start a whole QGIS (qgis.bin, a clean profile, a restart) or QGIS child processes (the fault
#: test kills 87 of them), or all export PDFs through one slow module fixture (10 to 50 s each on 2 cores).
_SLOW_MODULES = {
    "test_package.py",
    "test_docks_restart.py",
    "test_desktop_layouts.py",
    "test_plugin_lifecycle.py",
    "test_fault_kill.py",
    "test_report_municipal.py",
    "test_report_document.py",
}


def pytest_collection_modifyitems(config, items):
    """Mark by what a test uses, so that the markers stay true without a decorator on each test:
    'slow' = runs qgis_process or a whole QGIS in a subprocess, or is marked slow (PDF export of the demo, a
    LibreOffice conversion, more than about 10 s); 'postgis' = needs the PostgreSQL/PostGIS server (its fixture or
    a '[postgis]' parameter). `make test-fast` leaves both out."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _SLOW_FIXTURES or item.path.name in _SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
        if used & _POSTGIS_FIXTURES or "[postgis" in item.nodeid:
            item.add_marker(pytest.mark.postgis)


def _shipped_files():
    """Every file the project ships as data (resources/): tests read them, none may change them."""
    base = ROOT / "sozialplanung_plugin" / "resources"
    return sorted(p for p in base.rglob("*") if p.is_file() and p.suffix not in (".qm", ".pyc"))


@pytest.fixture(scope="session", autouse=True)
def shipped_data_unchanged():
    """An algorithm never changes its input: at the end of the run every shipped file is byte-identical (a
    GeoPackage opened by QGIS in update mode, or switched between journal modes, shows up here)."""
    import hashlib

    def digests():
        return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in _shipped_files()}

    before = digests()
    yield
    after = digests()
    changed = sorted(str(p.relative_to(ROOT)) for p in before if after.get(p) != before[p])
    assert not changed, f"tests changed shipped files (restore them with git checkout): {changed}"
