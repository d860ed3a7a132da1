"""A real QgsApplication (offscreen) with Processing and the Sozialplanung provider, for all QGIS tests.

Also a real ``qgis_process`` with a temporary profile in which the plugin is enabled.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_CONFIG = tempfile.mkdtemp(prefix="sozialplanung-qgis-profile-")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = _CONFIG  # never touch the user's real QGIS profile
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication  # noqa: E402

_APP = QgsApplication.instance()
if _APP is None:
    _APP = QgsApplication([], True)
    _APP.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
import processing  # noqa: E402
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()

import sozialplanung_plugin  # noqa: E402

_PLUGIN = sozialplanung_plugin.classFactory(None)
_PLUGIN.initProcessing()

from tests.helpers import QGIS_PROCESS  # noqa: E402


@pytest.fixture(scope="session")
def qgis_app():
    return _APP


@pytest.fixture(scope="session")
def provider():
    return QgsApplication.processingRegistry().providerById("sozialplanung")


@pytest.fixture
def run_alg():
    """Run a sozialplanung algorithm through processing.run (real QGIS) and return its results dict."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def _run(alg_id, params, feedback=None, context=None):
        full = alg_id if (":" in alg_id or alg_id.endswith(".model3")) else f"sozialplanung:{alg_id}"
        return processing.run(
            full, params, feedback=feedback or QgsProcessingFeedback(), context=context or QgsProcessingContext()
        )

    return _run


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory):
    """Environment for a real qgis_process with a temporary HOME in which the plugin is enabled."""
    home = tmp_path_factory.mktemp("qgis-process-home")
    env = {k: v for k, v in os.environ.items() if k != "QGIS_CUSTOM_CONFIG_PATH"}
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
    out = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "sozialplanung_plugin"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr + out.stdout
    return env


@pytest.fixture
def qgis_process(qgis_process_env):
    """Run ``qgis_process.bin run sozialplanung:<alg> -- K=V ...`` and return the parsed JSON result."""

    def _run(alg_id, params, expect_ok=True, timeout=600):
        full = alg_id if (":" in alg_id or alg_id.endswith(".model3")) else f"sozialplanung:{alg_id}"
        args = [QGIS_PROCESS, "run", full, "--json", "--"]
        for key, value in params.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args.extend(f"{key}={v}" for v in values)
        out = subprocess.run(args, env=qgis_process_env, capture_output=True, text=True, timeout=timeout)
        if not expect_ok:
            return out
        assert out.returncode == 0, f"qgis_process failed ({out.returncode}):\n{out.stderr}\n{out.stdout[-3000:]}"
        return json.loads(out.stdout[out.stdout.index("{") :])

    return _run


DEMO_YEARS = (2009, 2014, 2023, 2024, 2025)


@pytest.fixture(scope="session")
def demo_indicators(qgis_app, demo_dir, tmp_path_factory):
    """The demo county aggregated as tools/run_demo.py does it (all indicators, five years, changes 2009-2014
    and 2014-2025, social spaces, municipalities, county), once per session and variant.

    ``demo_indicators(disclosure=True)`` returns the GeoPackage with the layers indicators_social_spaces,
    indicators_municipalities and indicators_county; ``disclosure=False`` the same without disclosure control.
    """
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    blocks = demo_dir / "rbk_demo.gpkg"
    made = {}

    def get(disclosure=True):
        if disclosure not in made:
            out = tmp_path_factory.mktemp("demo_indicators") / ("disclosed.gpkg" if disclosure else "open.gpkg")

            def layer(name):
                return f"ogr:dbname='{out}' table=\"{name}\" (geom)"

            processing.run(
                "sozialplanung:aggregateindicators",
                {
                    "UNITS": f"{blocks}|layername=blocks",
                    "UNIT_KEY": "block_id",
                    "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in DEMO_YEARS],
                    "LEVEL_FIELDS": ["sr_id", "ags"],
                    "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
                    "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
                    "CHANGES": "2009-2014, 2014-2025",
                    "DISCLOSURE": disclosure,
                    "THRESHOLD": 3,
                    "OUTPUT_1": layer("indicators_social_spaces"),
                    "OUTPUT_2": layer("indicators_municipalities"),
                    "OUTPUT_COUNTY": layer("indicators_county"),
                },
                feedback=QgsProcessingFeedback(),
                context=QgsProcessingContext(),
            )
            made[disclosure] = out
        return made[disclosure]

    return get
