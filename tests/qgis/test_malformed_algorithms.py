"""The malformed corpus (tests/data/malformed) through the Processing algorithms: a clear error, nothing written.

Each file has one defect; importtable and aggregateindicators must stop with the same planner-readable message
as core.tables.read_table (file, line/row, column, what to do) and must not leave an output file behind.
"""

from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from ..helpers import MALFORMED, MALFORMED_CASES

# read_table keyword -> parameter of each algorithm; a case whose keyword an algorithm has no parameter for
# cannot be provoked through it (aggregateindicators reads tables with detected encoding and first sheet)
IMPORT_PARAMS = {"key": "KEY", "sheet": "SHEET", "variables": None}
AGGREGATE_PARAMS = {"key": "TABLE_KEY", "variables": None}


def _params(kwargs, mapping):
    out = {}
    for k, v in kwargs.items():
        if k not in mapping:
            return None
        if mapping[k]:
            out[mapping[k]] = v
    return out


def _cases(mapping):
    return [n for n, (kw, _) in sorted(MALFORMED_CASES.items()) if _params(kw, mapping) is not None]


IMPORT_CASES = _cases(IMPORT_PARAMS)
AGGREGATE_CASES = _cases(AGGREGATE_PARAMS)


def test_enough_cases_reach_the_algorithms():
    assert len(IMPORT_CASES) >= 20 and len(AGGREGATE_CASES) >= 20


@pytest.fixture(scope="module")
def blocks(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=block_id:string&field=sr_id:string", "blocks", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes(["053780040012", "A"])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,100 0,100 100,0 100,0 0))"))
    layer.dataProvider().addFeatures([f])
    return layer


def _check_message(err, name):
    msg = str(err)
    for part in MALFORMED_CASES[name][1]:
        assert part in msg, f"{part!r} not in {msg!r}"


@pytest.mark.parametrize("name", IMPORT_CASES)
def test_importtable_malformed_clear_error_and_no_output(run_alg, tmp_path, name):
    out, report = tmp_path / "table.gpkg", tmp_path / "report.csv"
    params = {"INPUT": str(MALFORMED / name), "OUTPUT": str(out), "REPORT": str(report)}
    params.update(_params(MALFORMED_CASES[name][0], IMPORT_PARAMS))
    with pytest.raises(QgsProcessingException) as ei:
        run_alg("importtable", params)
    _check_message(ei.value, name)
    assert not out.exists() and not report.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", AGGREGATE_CASES)
def test_aggregateindicators_malformed_clear_error_and_no_output(run_alg, blocks, tmp_path, name):
    outs = {
        "OUTPUT_1": tmp_path / "spaces.gpkg",
        "OUTPUT_COUNTY": tmp_path / "county.gpkg",
        "REPORT": tmp_path / "report.csv",
    }
    params = {
        "UNITS": blocks,
        "UNIT_KEY": "block_id",
        "DISCLOSURE": False,
        "TABLES": [str(MALFORMED / name)],
        "YEARS": "2014",
        "LEVEL_FIELDS": ["sr_id"],
        **{k: str(v) for k, v in outs.items()},
    }
    params.update(_params(MALFORMED_CASES[name][0], AGGREGATE_PARAMS))
    with pytest.raises(QgsProcessingException) as ei:
        run_alg("aggregateindicators", params)
    _check_message(ei.value, name)
    assert not any(p.exists() for p in outs.values())
    assert list(tmp_path.iterdir()) == []


def test_malformed_table_via_qgis_process_writes_nothing(qgis_process, tmp_path):
    out = tmp_path / "table.gpkg"
    res = qgis_process("importtable", {"INPUT": MALFORMED / "duplicate_key.csv", "OUTPUT": out}, expect_ok=False)
    assert res.returncode != 0
    assert "'053780040012' occurs twice (also in line 2)" in res.stdout + res.stderr
    assert not out.exists()
    good = Path(__file__).resolve().parents[2] / "tests" / "data" / "tables" / "ba_akg_2014.csv"
    res = qgis_process("importtable", {"INPUT": good, "OUTPUT": out})
    assert res["results"]["KEY_COUNT"] == 4 and out.exists()
