"""The demo county for the report tests: the session's aggregated indicators with the index and the typology."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

STATUS = ["arbeitslose_anteil_2025", "langzeitarbeitslose_anteil_2025", "sgb2_quote_2025", "kinderarmut_sgb2_u15_2025"]


def gpkg_layer(path, table, geometry=True):
    return f"ogr:dbname='{path}' table=\"{table}\"" + (" (geom)" if geometry else "")


@pytest.fixture(scope="session")
def report_demo(demo_indicators, tmp_path_factory, qgis_app):
    """The session's demo county (tests/qgis/conftest.py: demo_indicators, with disclosure control) plus the
    status/dynamics index and the action-field typology in a GeoPackage of their own."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    demo = ROOT / "sozialplanung_plugin" / "resources" / "demo"
    gin = demo / "rbk_demo.gpkg"
    source = demo_indicators(disclosure=True)
    folder = tmp_path_factory.mktemp("report_demo")
    gpkg = folder / "demo.gpkg"

    def run(alg, params):
        return processing.run(
            f"sozialplanung:{alg}", params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
        )

    spaces = f"{source}|layername=indicators_social_spaces"
    run(
        "compositeindex",
        {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "PRESET": 1,
            "INDICATORS": STATUS,
            "DYNAMICS_FIELDS": [f.replace("_2025", "_chg_2014_2025") for f in STATUS],
            "POPULATION_FIELD": "einwohner_2025",
            "MIN_RESIDENTS": 300,
            "OUTPUT": gpkg_layer(gpkg, "index_status_dynamics"),
        },
    )
    run(
        "actionfieldtypology",
        {
            "INPUT": spaces,
            "KEY_FIELD": "key",
            "RULE_SET": 0,
            "YEAR": 2025,
            "FIELD_MAP": "altersarmut_65plus=grundsicherung_alter_2025",
            "MUNICIPALITY_FIELD": "key",
            "MUNICIPALITY_CHARS": 8,
            "OUTPUT": gpkg_layer(gpkg, "action_fields"),
        },
    )
    return {
        "gpkg": gpkg,
        "folder": folder,
        "spaces": spaces,
        "municipalities_ind": f"{source}|layername=indicators_municipalities",
        "county": f"{source}|layername=indicators_county",
        "index": f"{gpkg}|layername=index_status_dynamics",
        "action_fields": f"{gpkg}|layername=action_fields",
        "municipalities": f"{gin}|layername=municipalities",
        "demo": demo,
    }


class system_temp:  # noqa: N801 - used as a context manager, like a function
    """The system's temporary folder (tempfile's, and TMPDIR for QGIS and child processes such as LibreOffice)
    pointed at the empty ``folder`` while the block runs: ``with system_temp(f) as t: ...``, then ``t.left()``
    must be empty: nothing in the folder, and no temporary folder removed only by the garbage collector
    (tempfile's 'Implicitly cleaning up' warning: removed by chance, when nothing held on to the error any more).
    QGIS's Processing folder of the session (kept until QGIS exits, by QGIS) is made before, elsewhere."""

    def __init__(self, folder):
        self.folder = folder
        self.warnings = []

    def __enter__(self):
        import contextlib
        import os
        import tempfile
        import warnings
        from unittest import mock

        from qgis.core import QgsProcessingUtils

        QgsProcessingUtils.tempFolder()
        self.folder.mkdir(exist_ok=True)
        self._stack = stack = contextlib.ExitStack()
        stack.enter_context(mock.patch.object(tempfile, "tempdir", str(self.folder)))
        stack.enter_context(mock.patch.dict(os.environ, {"TMPDIR": str(self.folder)}))
        self.warnings = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always", ResourceWarning)
        return self

    def __exit__(self, *exc):
        import gc

        gc.collect()  # a temporary folder only the garbage collector would remove: its warning now
        self._stack.close()
        return False

    def left(self):
        implicit = [str(w.message) for w in self.warnings if "Implicitly cleaning up" in str(w.message)]
        return sorted(p.name for p in self.folder.iterdir()) + implicit
