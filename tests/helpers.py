"""Helpers shared by the test modules: one copy each, so that test modules never import each other.

QGIS is imported inside the functions that need it: tests/core imports this module without QGIS.
"""

import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

TESTS = Path(__file__).resolve().parent
MALFORMED = TESTS / "data" / "malformed"


# ------------------------------------------------------------------------------------------------ numbers
def isnull(v):
    """NULL as QGIS returns it (None or a null QVariant) or NaN."""
    return v is None or (hasattr(v, "isNull") and v.isNull()) or (isinstance(v, float) and v != v)


def r1(x):
    """Commercial rounding to one decimal (half away from zero), as German tables print."""
    return math.copysign(math.floor(abs(x) * 10 + 0.5) / 10, x)


# ------------------------------------------------------------------------------------------------ layers
def square(x0, y0=0.0, size=1000.0):
    """A square polygon (QgsGeometry) with its lower left corner at (x0, y0)."""
    from qgis.core import QgsGeometry

    return QgsGeometry.fromWkt(
        f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))"
    )


def grid_blocks(assign, residents=None, munis=None):
    """Unit squares in a row: block i covers [i, i+1] x [0, 1], assigned to assign[i] (memory layer)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=block_id:string&field=sr:string&field=ags:string&field=residents:integer",
        "blocks",
        "memory",
    )
    feats = []
    for i, space in enumerate(assign):
        f = QgsFeature(layer.fields())
        f.setGeometry(square(i, 0, 1))
        f.setAttributes(
            [f"{i:04d}", space, (munis or ["05378004"] * len(assign))[i], (residents or [100] * len(assign))[i]]
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def write_gpkg(layer, path):
    """Write a layer to a GeoPackage (for qgis_process runs, which cannot read memory layers)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return path


# ------------------------------------------------------------------------------------------------ PDFs
def pdf_text(path, first=None, last=None):
    """The text of a PDF (pdftotext -layout), all pages or first..last; pages separated by form feeds."""
    args = ["pdftotext", "-layout"]
    if first is not None:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    """Number of pages of a PDF (pdfinfo)."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


# ------------------------------------------------------------------------------------------------ malformed corpus
def catalogue():
    """The default catalogue (its aliases map the German headers)."""
    from sozialplanung_plugin.core.catalogue import default_catalogue

    return default_catalogue()


DO = "Correct the cell or replace it with '.'"
#: file -> (read_table keyword arguments, parts the message must contain: where + what to do)
MALFORMED_CASES = {
    "non_numeric_cell.csv": (
        {},
        ["non_numeric_cell.csv, line 3, column 2 ('Einwohner insgesamt')", "'zwölf' is not a number", DO],
    ),
    "text_with_unit.csv": ({}, ["line 2, column 2 ('Einwohner insgesamt')", "'120 EW' is not a number", DO]),
    "duplicate_key.csv": (
        {},
        [
            "line 4, column 1 ('Blocknummer')",
            "'053780040012' occurs twice (also in line 2)",
            "remove or merge the duplicate row",
        ],
    ),
    "missing_key.csv": ({}, ["line 3, column 1 ('Blocknummer')", "has values but no key", "Fill in the key"]),
    "no_header.csv": ({}, ["no header row found (line 1 already holds numbers)", "add a header line"]),
    "empty.csv": ({}, ["empty.csv: the file is empty"]),
    "only_title.csv": ({}, ["every line has only one column", "give it as the separator"]),
    "only_key_column.csv": ({}, ["every line has only one column", "at least one value column"]),
    "english_decimal_in_german.csv": (
        {},
        ["line 3, column 2 ('Anteil')", "'1.5' is not a number", "not a number in German format", DO],
    ),
    "scientific_key.csv": (
        {},
        ["line 2, column 1 ('Blocknummer')", "scientific notation", "Format the key column as text"],
    ),
    "unclosed_quote.csv": (
        {},
        ["unclosed_quote.csv, line 2", 'quote (") opened in this line is never closed', "Remove the stray quote"],
    ),
    "value_without_header.csv": (
        {},
        ["line 2, column 3", "has values but no header in line 1", "Give the column a name"],
    ),
    "comma_decimal_with_comma_sep.csv": (
        {},
        ["line 2, column 4", "has values but no header", "Give the column a name"],
    ),
    "duplicate_columns.csv": (
        {},
        [
            "columns 2 ('Einwohner insgesamt 2014') and 3 ('Einwohner insgesamt 2014 (1)')",
            "both give the variable",
            "for 2014",
            "Remove one of them",
        ],
    ),
    "bad_year.csv": ({}, ["line 3, column 2 ('Jahr')", "'vierzehn' is not a year", "four digits"]),
    "empty_year.csv": ({}, ["line 3, column 2 ('Jahr')", "the year is empty", "Fill in the year"]),
    "duplicate_key_year.csv": (
        {},
        ["line 4, column 1 ('Blocknummer')", "with the year 2014 occurs twice", "(also in line 2)", "once per year"],
    ),
    "long_duplicate_variable.csv": (
        {"variables": catalogue},
        [
            "line 3, column 1 ('AGS')",
            "variable 'ew', year 2014 occurs twice",
            "(also in line 2)",
            "Remove the duplicate row",
        ],
    ),
    "long_missing_variable.csv": ({}, ["line 3, column 3 ('Merkmal')", "no variable name", "Fill in"]),
    "bad_thousands.csv": ({}, ["line 2, column 2 ('Einwohner insgesamt')", "'1.23.456' is not a number", DO]),
    "title_then_bad_numbers.csv": ({}, ["line 4, column 2 ('Einwohner insgesamt')", "'ca. 100' is not a number"]),
    "many_bad_cells.csv": (
        {},
        ["line 2, column 2", "'a' is not a number", "3 more cell(s) cannot be read", "line 3 column 3 'd'"],
    ),
    "wrong_key_param.csv": (
        {"key": "Blocknr"},
        ["the key column 'Blocknr' is not in the header (line 1)", "Did you mean 'Blocknummer'?"],
    ),
    "utf8_read_as_ascii.csv": (
        {"encoding": "ascii"},
        ["cannot read the file with the encoding 'ascii'", "Leave the encoding empty to detect it"],
    ),
    "binary_renamed.csv": ({}, ["not a text table", "Save it as CSV"]),
    "old_format.xls": ({}, [".xls files cannot be read", "save it as .xlsx or as CSV"]),
    "corrupt.xlsx": ({}, ["cannot be opened as an Excel workbook", "Save it again"]),
    "date_in_value.xlsx": (
        {},
        ["(sheet 'Daten'), row 3, column B ('Einwohner insgesamt')", "'31.12.2014'", "is not a number"],
    ),
    "decimal_key.xlsx": (
        {},
        ["row 2, column A ('AGS')", "5378004.5 is a decimal number", "format the key column as text"],
    ),
    "missing_sheet.xlsx": ({"sheet": "Daten"}, ["there is no sheet 'Daten'", "Sheets: Tabelle1"]),
    "xlsx_text_cell.xlsx": ({}, ["row 3, column C ('Ausländer')", "'k.A.' is not a number", DO]),
}


# ------------------------------------------------------------------------------------------------ QGIS desktop
def xvfb_run():
    """``xvfb-run -a`` with a first server number of its own per pytest-xdist worker (`make test` runs the suite
    in parallel): two workers starting ``-a`` at the same moment would both take :99 and one QGIS fails."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    first = 99 + 20 * int(worker[2:]) if worker[2:].isdigit() else 99
    return ["xvfb-run", "-a", "-n", str(first), "-s", "-screen 0 1600x1000x24"]


def run_qgis_desktop(script, out, home, timeout=180, **env_vars):
    """Run ``script`` (a tests/qgis/desktop_*.py) in real QGIS desktop under xvfb with this checkout as plugin
    path and a fresh ``home``; the script writes its result as JSON to ``out``, which is returned (its 'error'
    fails the test). Skips without QGIS desktop or xvfb-run."""
    import pytest

    if not shutil.which("xvfb-run") or not shutil.which("qgis.bin"):
        pytest.skip("QGIS desktop or xvfb-run missing (make setup installs them)")
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(TESTS.parent), PYTHONNOUSERSITE="1", **env_vars)
    proc = subprocess.run(
        xvfb_run() + ["qgis.bin", "--nologo", "--noversioncheck", "--code"] + [str(TESTS / "qgis" / script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert Path(out).exists(), (
        f"QGIS desktop ended without a result (exit code {proc.returncode}; -11 or 139 is the crash):\n"
        f"{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    )
    result = json.loads(Path(out).read_text())
    assert "error" not in result, result
    return result


def image_array(path):
    """A picture file (PNG) as a numpy array of RGB values (height x width x 3, int16 for differences)."""
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not img.isNull(), path
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    rows = np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())
    return rows[:, : img.width() * 3].reshape(img.height(), img.width(), 3).astype(np.int16)


#: The chapters of the Sozialbericht (reportdocument) in their order, as a planner sees them in Word.
SOZIALBERICHT_CHAPTERS = [
    "Einleitung",
    "Datengrundlage und Methode",
    "Demografie",
    "Einkommen und Transferleistungen",
    "Arbeit",
    "Sozialindex und Handlungsfelder",
    "Räumliche Häufungen",
    "Stärken und Schwächen der Sozialräume",
    "Zielerreichung",
    "Tabellenanhang",
    "Quellen und Hinweise",
]
