"""Helpers shared by the test modules: one copy each, so that test modules never import each other.

QGIS is imported inside the functions that need it: tests/core imports this module without QGIS.
"""

import contextlib
import hashlib
import json
import math
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MALFORMED = TESTS / "data" / "malformed"
#: The German translations (.ts) the plugin ships.
TS_DE = ROOT / "sozialplanung_plugin" / "resources" / "i18n" / "sozialplanung_de.ts"
#: The real qgis_process (the .bin: the wrapper script would start a display server).
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"


# ------------------------------------------------------------------------------------------------ numbers
def is_qgis_null(v):
    """NULL as QGIS returns it (None or a null QVariant), not NaN."""
    return v is None or (hasattr(v, "isNull") and v.isNull())


def isnull(v):
    """NULL as QGIS returns it (None or a null QVariant) or NaN."""
    return is_qgis_null(v) or (isinstance(v, float) and v != v)


def r1(x):
    """Commercial rounding to one decimal (half away from zero), as German tables print."""
    return math.copysign(math.floor(abs(x) * 10 + 0.5) / 10, x)


# ------------------------------------------------------------------------------------------------ files


def sha256_file(path):
    """The SHA-256 of a file's bytes (hex)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_state(folder):
    """{name: bytes} of everything in the folder, hidden partial folders included (they must not remain)."""
    return {p.name: (p.read_bytes() if p.is_file() else "dir") for p in sorted(Path(folder).iterdir())}


@contextlib.contextmanager
def read_only_folder(folder):
    """A folder nobody may create files in - also not root: chattr +i (immutable), else chmod for other users."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root on a file system without chattr +i: cannot make a folder read-only")
        try:
            yield folder
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(mode)


def core_german():
    """The German translations of context 'core' in the .ts, as a dict English -> German."""
    out = {}
    for context in ET.parse(TS_DE).getroot().iter("context"):
        if context.findtext("name") == "core":
            for msg in context.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.text and tr.get("type") is None:
                    out[msg.findtext("source")] = tr.text
    return out


# ------------------------------------------------------------------------------------------------ aggregation
def ind(id_, num, den, mult=100, min_den=None, thr=None):
    """An indicator definition as core.aggregate reads it (id, numerator, denominator, multiplier, ...)."""
    return SimpleNamespace(
        id=id_,
        numerator=list(num),
        denominator=list(den),
        multiplier=mult,
        min_denominator=min_den,
        disclosure_threshold=thr,
    )


#: A rate: sgb / ew x 100.
QUOTE = ind("quote", ["sgb"], ["ew"])


def frames(rows, status=None):
    """(values, status) frames of core.aggregate from {key: {variable: value}}; ``status`` {(key, variable): code}
    (a code that is not a known status leaves the value empty, as the table reader does)."""
    import numpy as np
    import pandas as pd

    from sozialplanung_plugin.core import aggregate as ag

    values = pd.DataFrame(rows).T.astype(float)
    values.index = values.index.astype(str)
    st = ag.default_status(values)
    for (key, col), code in (status or {}).items():
        st.loc[key, col] = code
        if code not in ag.KNOWN_STATUSES:
            values.loc[key, col] = np.nan
    return values, st


def counts_frame(d):
    """{key: count} as a one-column frame 'n' of floats (the disclosure tests' cells)."""
    import pandas as pd

    return pd.DataFrame({"n": pd.Series(d, dtype=float)})


# ------------------------------------------------------------------------------------------------ monitoring store
#: Keys of four blocks (text with the leading zero), as the store tests use them.
BLOCK_KEYS = [f"05378004{i:04d}" for i in range(1, 5)]
#: A small catalogue for the store: two indicators and their variables.
STORE_CATALOGUE = {
    "id": "sozialplanung-default",
    "version": "1.0",
    "indicators": [
        {
            "id": "sgb2_quote",
            "numerator": ["sgb2_lb"],
            "denominator": ["ew_u65"],
            "multiplier": 100,
            "polarity": "higher_worse",
        },
        {
            "id": "beschaeftigtenquote",
            "numerator": ["svb"],
            "denominator": ["ew_15_65"],
            "multiplier": 100,
            "polarity": "higher_better",
        },
    ],
    "variables": ["ew", "ew_u65", "sgb2_lb", "svb", "ew_15_65"],
}
#: multiprocessing with fork (a second writer on the same store in a child process).
FORK = multiprocessing.get_context("fork")


@pytest.fixture(params=["gpkg", "postgis"])
def store_target(request, tmp_path):
    """(target, schema) of an empty store; the same tests for both backends. The module using it imports the
    throwaway server's fixtures (``pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn``)."""
    if request.param == "gpkg":
        return str(tmp_path / "monitoring.gpkg"), None
    dsn, schema = request.getfixturevalue("pg_dsn")
    return dsn, schema


def open_target(target, **kw):
    """Store.open on a (target, schema) of ``store_target``."""
    from sozialplanung_plugin.core.store import Store

    t, schema = target
    return Store.open(t, schema=schema, **kw) if schema else Store.open(t, **kw)


def store_blocks(n=4, parent=None):
    """n blocks of 1 km x 1 km in a row, keys 053780040001... (text with leading zero), as a DataFrame."""
    import pandas as pd
    from shapely.geometry import box

    rows = [
        {"key": f"05378004{i:04d}", "geometry": box(i * 1000, 0, (i + 1) * 1000, 1000), "name": f"Block {i}"}
        for i in range(1, n + 1)
    ]
    if parent:
        for r, p in zip(rows, parent):
            r["space"] = p
    return pd.DataFrame(rows)


def ew_values(values=(100.0, 300.0, 200.0, 200.0)):
    """Residents (variable ew) of the four blocks of ``store_blocks``."""
    import pandas as pd

    return pd.DataFrame({"unit_key": BLOCK_KEYS, "variable": "ew", "value": list(values)})


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
    return str(path)


def rect(x0, x1, y0=0.0, y1=1000.0):
    """The rectangle [x0, x1] x [y0, y1] (QgsGeometry)."""
    from qgis.core import QgsGeometry

    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def polygons(fields, rows, name="layer"):
    """A polygon memory layer (EPSG:25832); ``fields`` a provider field spec ('field=key:string&...'), rows
    [(attributes, QgsGeometry)]."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25832&{fields}", name, "memory")
    feats = []
    for attrs, geom in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(attrs)
        f.setGeometry(geom)
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


#: A wide layer as aggregateindicators writes it: sgb2_quote 2020 and 2021 with parts, flags, change and reference.
WIDE_FIELDS = (
    "field=key:string&field=name:string&field=sgb2_quote_2020:double&field=sgb2_quote_num_2020:double"
    "&field=sgb2_quote_den_2020:double&field=sgb2_quote_flag_2020:string&field=sgb2_quote_2021:double"
    "&field=sgb2_quote_num_2021:double&field=sgb2_quote_den_2021:double&field=sgb2_quote_flag_2021:string"
    "&field=sgb2_quote_chg_2020_2021:double&field=sgb2_quote_ref_county_2020:double"
)


def make_layer(columns, rows, name="units"):
    """Memory polygon layer; columns = [(name, 'string'|'double'|'int')], rows = lists of values."""
    from qgis.core import QgsFeature, QgsVectorLayer

    spec = "&".join(f"field={n}:{t}" for n, t in columns)
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25832&{spec}", name, "memory")
    feats = []
    for i, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        f.setGeometry(square(i * 100.0, 0, 100.0))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    return layer


#: Two indicators on four units, for the composite index and its presets.
INDEX_A = [1.0, 2.0, 3.0, 6.0]
INDEX_B = [10.0, 20.0, 30.0, 20.0]


def small_layer(path):
    """Three spaces, two years; space B's 2025 value is suppressed but the field still holds 77.7 (a GeoPackage
    at ``path``, returned as a string)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=key:string&field=name:string&field=idx:integer"
        "&field=kinderarmut_sgb2_u15_2024:double&field=kinderarmut_sgb2_u15_flag_2024:string"
        "&field=kinderarmut_sgb2_u15_num_2024:double"
        "&field=kinderarmut_sgb2_u15_2025:double&field=kinderarmut_sgb2_u15_flag_2025:string"
        "&field=kinderarmut_sgb2_u15_num_2025:double"
        "&field=kinderarmut_sgb2_u15_ref_county_2025:double",
        "small",
        "memory",
    )
    rows = [
        ("A", "Altstadt", 1, 10.0, "", 20, 12.5, "", 25, 20.0),
        ("B", "Bergfeld", 3, 31.25, "", 5, 77.7, "suppressed", 2, 20.0),
        ("C", "Christusviertel", 2, 25.0, "", 40, 30.0, "", 48, 20.0),
    ]
    feats = []
    for i, r in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(r))
        x0 = i * 1000.0
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} 0,{x0 + 1000} 0,{x0 + 1000} 1000,{x0} 1000,{x0} 0))"))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return write_gpkg(layer, path)


#: The header of the child-poverty block tables: residents, under 15, children in SGB II under 15.
CHILD_POVERTY_HEADER = "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre;Kinder im SGB II Bezug unter 15 Jahre"


def write_table(path, rows, header=CHILD_POVERTY_HEADER):
    """A block table as offices deliver it (';', CRLF, cp1252): the header, then ``rows``; the path as a string."""
    path.write_bytes((header + "\r\n" + "\r\n".join(rows) + "\r\n").encode("cp1252"))
    return str(path)


def four_blocks(name="blocks"):
    """Four 1 km² blocks 053780000001..4 in a row: the first two in space A, the others in B (block_id, sr_id)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=block_id:string&field=sr_id:string", name, "memory")
    feats = []
    for i, sr in enumerate("AABB"):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"05378000000{i + 1}", sr])
        f.setGeometry(square(i * 1000.0, 0.0))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


# ------------------------------------------------------------------------------------------------ invalid inputs
BOW_TIE = "POLYGON((0 0,100 100,100 0,0 100,0 0))"  # self-intersecting at (50 50)


def block_grid(w=6, h=4, ew_type="integer", values=None, kind="Polygon", override=None):
    """w x h squares of 100 m, space A = left half, B = right half; 100 residents each unless given."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(
        f"{kind}?crs=EPSG:25832&field=block_id:string&field=ew:{ew_type}&field=sr:string", "blocks", "memory"
    )
    feats = []
    for k in range(w * h):
        x, y = (k % w) * 100, (k // w) * 100
        f = QgsFeature(layer.fields())
        wkt = f"POLYGON(({x} {y},{x + 100} {y},{x + 100} {y + 100},{x} {y + 100},{x} {y}))"
        if kind == "Point":
            wkt = f"POINT({x + 50} {y + 50})"
        if override and k in override:
            wkt = override[k]
        if wkt and kind != "None":
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes([f"b{k:03d}", values[k] if values else 100, "A" if k % w < w / 2 else "B"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def dss_params(layer, **kw):
    """definesocialspaces on a ``block_grid``."""
    p = {"BLOCKS": layer, "ASSIGNMENT": "sr", "POPULATION_FIELD": "ew", "ID_FIELD": "block_id", "OUTPUT": "memory:"}
    p.update(kw)
    return p


def reg_params(layer, **kw):
    """regionaliseblocks on a ``block_grid`` (300..900 residents per space)."""
    p = {
        "BLOCKS": layer,
        "POPULATION_FIELD": "ew",
        "ID_FIELD": "block_id",
        "FLOOR": 300,
        "CEILING": 900,
        "OUTPUT": "memory:",
        "OUTPUT_BLOCKS": "memory:",
    }
    p.update(kw)
    return p


# ------------------------------------------------------------------------------------------------ accessibility
def wkt_layer(geom, fields, rows, crs="EPSG:25832"):
    """A memory layer: fields [(name, 'int'|'double'|'string')], rows [(wkt, [values])]."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from sozialplanung_plugin.processing.base import make_field

    lay = QgsVectorLayer(f"{geom}?crs={crs}", "t", "memory")
    lay.dataProvider().addAttributes([make_field(n, k) for n, k in fields])
    lay.updateFields()
    feats = []
    for wkt, vals in rows:
        f = QgsFeature(lay.fields())
        f.setAttributes(list(vals))
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    lay.dataProvider().addFeatures(feats)
    return lay


def lattice_roads(n=5, step=100, crs="EPSG:25832", offset=(0, 0)):
    """An n x n road lattice (lines every ``step`` m, class residential)."""
    rows = []
    x0, y0 = offset
    for i in range(n):
        h = ", ".join(f"{x0 + j * step} {y0 + i * step}" for j in range(n))
        v = ", ".join(f"{x0 + i * step} {y0 + j * step}" for j in range(n))
        rows.append((f"LINESTRING({h})", ["residential"]))
        rows.append((f"LINESTRING({v})", ["residential"]))
    return wkt_layer("LineString", [("class", "string")], rows, crs)


def square_wkt(x0, y0, x1, y1):
    """The rectangle [x0, x1] x [y0, y1] as WKT."""
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def hand_layers():
    """Lattice 0..400 m; one Kita (50 places) at (0,0); two spaces (west x<250, east); three origins."""
    roads = lattice_roads()
    fac = wkt_layer(
        "Point",
        [("art", "string"), ("plaetze", "string")],
        [("POINT(0 0)", ["Kita", "50"]), ("POINT(400 400)", ["Hausarzt", "2,5"])],
    )
    spaces = wkt_layer(
        "Polygon",
        [("sr", "string"), ("name", "string"), ("ags", "string")],
        [
            (square_wkt(-50, -50, 250, 450), ["S1", "West", "0001"]),
            (square_wkt(250, -50, 450, 450), ["S2", "Ost", "0001"]),
        ],
    )
    origins = wkt_layer(
        "Point",
        [("ew", "int"), ("ew_u6", "int")],
        [("POINT(100 0)", [200, 20]), ("POINT(100 400)", [300, 10]), ("POINT(430 130)", [500, 30])],
    )
    return roads, fac, spaces, origins


def access_params(roads, fac, spaces, origins, **kw):
    """networkaccess on ``hand_layers``."""
    p = {
        "ORIGINS": origins,
        "POPULATION_FIELD": "ew",
        "FACILITIES": fac,
        "TYPE_FIELD": "art",
        "CAPACITY_FIELD": "plaetze",
        "NETWORK": roads,
        "MODE": 0,
        "SPACES": spaces,
        "SPACE_KEY": "sr",
        "SPACE_NAME": "name",
        "MUNICIPALITY_FIELD": "ags",
        "YEAR": 2025,
        "OUTPUT": "memory:",
        "OUTPUT_ORIGINS": "memory:",
    }
    p.update(kw)
    return p


# ------------------------------------------------------------------------------------------------ dialogs
def open_dialog(qtbot, alg_id, size=(1000, 700)):
    """The algorithm's dialog as the toolbox opens it (processing's AlgorithmDialog), shown at ``size``."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"sozialplanung:{alg_id}")
    assert alg is not None, alg_id
    dialog = AlgorithmDialog(alg)  # deletes itself on close (not registered with qtbot for that reason)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def panel(dialog):
    """The dialog's parameters panel."""
    return dialog.mainWidget()


def set_input(wrapper, layer):
    """Choose the layer in the input widget, as a planner would in the layer box."""
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    wrapper.setParameterValue(layer.id(), context)


def shot_dir(tmp_path):
    """Where screenshots go: SOZIALPLANUNG_SCREENSHOT_DIR (e.g. docs/img) if set, else the test's tmp folder."""
    target = Path(os.environ.get("SOZIALPLANUNG_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


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
    fails the test)."""
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


# ---- the bad-input corpus (tests/data/bad_inputs) through one qgis_process, in English or German
CORPUS = ROOT / "tests" / "data" / "bad_inputs"
CASES = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
BY_NAME = {c["name"]: c for c in CASES}
RUNNER = TESTS / "qgis" / "bad_inputs_runner.py"


def corpus_profile(tmp, language=None):
    """A HOME with a QGIS profile in which the plugin is enabled and the runner script is installed."""
    home = Path(tmp) / "home"
    profile = home / ".local/share/QGIS/QGIS3/profiles/default"
    scripts = profile / "processing" / "scripts"
    scripts.mkdir(parents=True)
    shutil.copyfile(RUNNER, scripts / "sozialplanung_bad_inputs.py")
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    text = "[PythonPlugins]\nsozialplanung_plugin=true\n"
    if language:
        text += f"\n[locale]\noverrideFlag=true\nuserLocale={language}\n"
    ini.write_text(text, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "QGIS_CUSTOM_CONFIG_PATH"}
    env.update(HOME=str(home), QGIS_PLUGINPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
    return env


def run_corpus(names=None, language=None, timeout=3000):
    """Run the cases in one qgis_process (restarted after a crash); returns {name: result}."""
    wanted = [c["name"] for c in CASES if names is None or c["name"] in names]
    tmp = tempfile.mkdtemp(prefix="sozialplanung-corpus-")
    try:
        env = corpus_profile(tmp, language)
        results_path = Path(tmp) / "results.jsonl"
        done = {}
        manifest = Path(tmp) / "cases.json"
        for _attempt in range(len(wanted)):
            todo = [n for n in wanted if n not in done]
            if not todo:
                break
            sub = [BY_NAME[n] for n in todo]
            manifest.write_text(json.dumps(sub, ensure_ascii=False), encoding="utf-8")
            args = [
                QGIS_PROCESS,
                "run",
                "script:sozialplanung_bad_inputs",
                "--",
                f"MANIFEST={manifest}",
                f"RESULTS={results_path}",
                f"CORPUS={CORPUS}",
                f"MALFORMED={CORPUS.parent / 'malformed'}",
            ]
            if language:
                args.append(f"LANGUAGE={language}")
            proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, cwd=tmp)
            if results_path.exists():
                for line in results_path.read_text(encoding="utf-8").splitlines():
                    r = json.loads(line)
                    done[r["name"]] = r
            left = [n for n in todo if n not in done]
            if left:  # the process died in the first case not done
                done[left[0]] = {"name": left[0], "status": "crashed", "stderr": proc.stderr[-3000:]}
        return done
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ---- tables of every layout for the reader's tests (test_tables_fast, test_tables_golden)
#: edge cases the reader must read exactly as the rows split in Python
EDGE_TEXTS = {
    "title_blank_footnotes.csv": "Tabelle 1: Test Stand 31.12.2020\n\nBlocknummer;Einwohner insgesamt;Ausländer;"
    "Gemeinde\n001; 12 ;  ;Adorf\n002;1.234;-;Bdorf\n  ;  ;\n003;(5);.;Cdorf\n\n"
    "(1) Quelle: test\nStand: 2021\n",
    "cr_only.csv": "Blocknummer;Einwohner insgesamt 2019;Einwohner insgesamt 2020\r001;1;2\r002;3,5;4 p\r",
    "quoted.csv": 'Blocknummer;"Einwohner; insgesamt";Ausländer\n"001";"1.234";5\n002;"x";*\n',
    "tabs.tsv": "Gebiet\tEinwohner insgesamt\tArbeitslose\nA\t1\t2\nB\t\t3\n\t\t\nC\t4\t5\t\n",
    "ragged.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1\n002;3;4;;\n003;;\n004;5;6\nQuelle: x;;\n",
    "unicode_symbols.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1\u00a0234;\u2013\n002;\u2026;\u00d7\n"
    "003;5\u00b9;7 %\n",
    "duplicate_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n002;2\n001;3\n",
    "english.csv": 'Blocknummer,Einwohner insgesamt,Share\n001,1234,10.5\n002,"1,234",3.25\n',
    "bad_cells.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;abc\n002;2;3\n003;x1;abc\n",
    "odd_line_breaks.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;2\x0c\n002;2;3\x85\n003;4;5\u2028\n",
    "scientific_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n5,37E+11;2\n",
    "empty_key.csv": "Blocknummer;Einwohner insgesamt\n001;1\n;2\n",
    "label_column.csv": "Gebiet;Name;Einwohner insgesamt\nA1;Nord;1\nA2;Süd;2\nA2b;West;.\n",
    "trailing_sep.csv": "Blocknummer;Einwohner insgesamt;Ausländer\n001;1;\n;002;2;3\n002;2;3\n",
    "lf_crlf_mixed.csv": "Blocknummer;Einwohner insgesamt\r\n001;1\n\n002;2\r\n\r\n003;3",
}


#: edge texts written as UTF-8 (the others as cp1252)
UTF8_TEXTS = {"odd_line_breaks.csv", "unicode_symbols.csv"}


def generated(path, n=3000, seed=3):
    """A block table as delivered: title, symbols, blank and spaced cells, thousands dots, footnotes."""
    import numpy as np

    rng = np.random.default_rng(seed)
    symbols = ["-", ".", "x", "/", "...", "*", "(12)", "5 p", "0", "0,0", "1.234", " 7 ", "", "\u2026", "|3"]
    lines = [
        "Statistischer Bericht Stand 31.12.2024",
        "",
        "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre (1);Ausländer;Gemeinde",
    ]
    for i in range(n):
        cells = [f"05378{i:07d}"]
        for _ in range(3):
            cells.append(str(rng.choice(symbols)) if rng.random() < 0.2 else str(int(rng.integers(0, 500))))
        cells.append(f"Ort {'ABC'[i % 3]}")
        lines.append(";".join(cells))
    lines += ["", "(1) ohne Heimbewohner", "Quelle: Einwohnermelderegister"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


H = "Blocknummer;Einwohner insgesamt;Ausländer;Leistungsberechtigte SGB II"

#: tables readable as they are (name -> (text, read_table keyword arguments))
PLAIN = {
    "crlf": (H + "\r\n053780040012;120;7;0\r\n053780040013;35;0;2\r\n", {}),
    "lf_no_final_break": (H + "\n053780040012;120;7;0\n053780040013;35;-3;2", {}),
    "title_lines": (
        "Bevölkerung in den Baublöcken\r\nStand 31.12.2020\r\n\r\n"
        + H
        + "\r\n053780040012;120;7;0\r\n053780040013;35;0;2\r\n",
        {},
    ),
    "key_not_first": ("Einwohner insgesamt;Gebiet;Ausländer\n5;A1;1\n7;A2;0\n", {}),
    "years_and_markers": (
        "AGS;Einwohner insgesamt 2019 (1);Einwohner insgesamt 2020;Ausländer 2020\n"
        "5378004;120;121;9\n05378008;80;82;0\n",
        {},
    ),
    "tabs": (H.replace(";", "\t") + "\n001\t1\t2\t3\n002\t4\t5\t6\n", {}),
    "commas": (H.replace(";", ",") + "\n001,1,2,3\n002,4,5,6\n", {}),
    "short_keys_padded": ("Schlüssel;Einwohner insgesamt\n5378004;1\n53780040;2\n5378008;3\n", {}),
    "key_with_blank": ("Gebiet;Einwohner insgesamt;Ausländer\n A 1 ;1;2\nB;3;4\n", {}),
    "note_like_key": ("Gebiet;Einwohner insgesamt;Ausländer\nQuelle Nord;1;2\n(1);3;4\n", {}),
    "big_numbers": (H + "\n001;9007199254740991;1234567890123;-9007199254740991\n002;10;100;1000\n", {}),
    "year_param": (H + "\n001;1;2;3\n002;4;5;6\n", {"year": 2020}),
    "decimal_param": (H + "\n001;1;2;3\n002;4;5;6\n", {"decimal": "."}),
    "key_param": ("Nr;Gebiet;Einwohner insgesamt\n1;A1;5\n2;A2;7\n", {"key": "Gebiet"}),
    "key_index": (H + "\n001;1;2;3\n002;4;5;6\n", {"key": 0, "key_width": 5}),
    "header_row": ("Tabelle 3\n" + H + "\n001;1;2;3\n002;4;5;6\n", {"header_row": 2}),
    # text columns: each distinct cell parsed as the row-by-row reader parses it
    "empty_cell": (H + "\n001;1;2;3\n002;4;;6\n003;5; ;7\n", {}),
    "symbols": (H + "\n001;1;.;3\n002;-;x;/\n003;...;*;(12)\n004;5 p;|3;0,0\n005;\u2013;\u2026;7 r\n", {}),
    "decimal_comma": (
        "Gebiet;Anteil Ausländer in %;Einwohner insgesamt\nA;10,8;1.234\nB;9,3 %;12\nC;,5;1.234.567\n",
        {},
    ),
    "thousands": (H + "\n001;1.234;2;3\n002;4;1 234;6\n", {}),
    "english": ("Gebiet,Share,Einwohner insgesamt\nA,10.5,12\nB,3.25,7\n", {}),
    "blank_line_at_end": (H + "\n001;1;2;3\n002;4;5;6\n\n", {}),
    "footnotes": (
        "Bevölkerung nach Blöcken, Stand 31.12.2025\r\n"
        "Blocknummer;Einwohner insgesamt (1);Ausländer;Leistungsberechtigte SGB II\r\n"
        "053780040012;120;.;0\r\n053780040013;35;-;2\r\n"
        "(1) Hauptwohnsitz. Zeichen: - = genau null, . = geheim\r\n\r\nQuelle: Melderegister;;;\r\n",
        {},
    ),
    "footnote_like_key": ("Gebiet;Einwohner insgesamt;Ausländer\nA;1;2\nQuelle;.;4\n", {}),
}

#: tables that needed the row-by-row reader before the rewrite (label columns, blank and heading rows, ...)
NOT_PLAIN = {
    "leading_zero": H + "\n001;1;2;3\n002;4;007;6\n",
    "plus_sign": H + "\n001;1;2;3\n002;4;+7;6\n",
    "minus_zero": H + "\n001;1;2;3\n002;4;-0;6\n",
    "blank_in_cell": H + "\n001;1;2;3\n002;4; 7;6\n",
    "exponent": H + "\n001;1;2;3\n002;4;1e3;6\n",
    "too_big": H + "\n001;1;2;3\n002;4;9007199254740992;6\n",
    "blank_line": H + "\n001;1;2;3\n\n002;4;5;6\n",
    "ragged_short": H + "\n001;1;2\n002;4;5;6;\n",
    "ragged_long": H + "\n001;1;2;3;4\n002;4;5;6\n",
    "trailing_separator": H + ";\n001;1;2;3;\n002;4;5;6;\n",
    "lone_cr": H + "\r001;1;2;3\r002;4;5;6\r",
    "quote": H + '\n"001";1;2;3\n002;4;5;6\n',
    "duplicate_key": H + "\n001;1;2;3\n001;4;5;6\n",
    "empty_key": H + "\n001;1;2;3\n;4;5;6\n",
    "blank_key": H + "\n001;1;2;3\n  ;4;5;6\n",
    "scientific_key": H + "\n001;1;2;3\n5,37E+11;4;5;6\n",
    "label_column": "Gebiet;Gemeinde;Einwohner insgesamt\nA1;Adorf;1\nA2;Bdorf;2\n",
    "year_column": "Gebiet;Jahr;Einwohner insgesamt\nA1;2019;1\nA1;2020;2\n",
    "empty_header": "Blocknummer;Einwohner insgesamt;;Ausländer\n001;1;2;3\n002;4;5;6\n",
    "duplicate_columns": "Blocknummer;Einwohner insgesamt;Einwohner insgesamt\n001;1;2\n002;4;5\n",
    "two_header_rows": "Gebiet;Einwohner insgesamt;;Ausländer;\n;2019;2020;2019;2020\nA;1;2;3;4\nB;5;6;7;8\n",
    "form_feed": H + "\n001;1;2;3\x0c\n002;4;5;6\n",
    "heading_row": H + "\n001;1;2;3\nZwischensumme;;;\n002;4;5;6\n",
    "second_header_row": "Nr;Gebiet;Einwohner insgesamt;Ausländer\n;A0;2019;2020\n1;A1;5;6\n2;A2;7;8\n",
    "wide_footnote": H + "\n001;1;2;3\nQuelle: a;b;c;d;e;f\n",
    "wrong_key_param": H + "\n001;1;2;3\n002;4;5;6\n",
}
