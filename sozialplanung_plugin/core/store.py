"""Sozialmonitoring store: values of every year, the catalogue, targets and an import log in one database.

Why one module for two backends: a county starts with one GeoPackage file on a desk and may later move to a
shared PostgreSQL/PostGIS server. Both speak DB-API (sqlite3, psycopg2) and both support
INSERT ... ON CONFLICT DO UPDATE, so one code path with a tiny dialect layer (placeholders, types, geometry
in/out, bulk staging) serves both and the two cannot drift apart. The schema is versioned (sm_schema_version)
and migrated by ordered steps. See docs/store.md for the tables and the operations.

No qgis import here: geometries travel as WKB (bytes) or shapely geometries.
"""

import datetime as _dt
import hashlib
import json
import math
import os
import re
import struct
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import InputError
from .fields import STORE_FLAGS, store_field

LEVELS = ("block", "space", "municipality", "county")
LEVEL_NAMES = {"block": "Statistischer Block", "space": "Sozialraum", "municipality": "Gemeinde", "county": "Kreis"}
_LEVEL_ALIASES = {
    "block": "block",
    "blocks": "block",
    "baublock": "block",
    "statistischer block": "block",
    "space": "space",
    "spaces": "space",
    "social_space": "space",
    "sozialraum": "space",
    "sozialraeume": "space",
    "sozialräume": "space",
    "municipality": "municipality",
    "municipalities": "municipality",
    "gemeinde": "municipality",
    "county": "county",
    "kreis": "county",
    "landkreis": "county",
}
FLAGS = STORE_FLAGS  # core.fields: the one flag vocabulary; the order is the bit order
DIRECTIONS = ("at_most", "at_least")
_DIRECTION_ALIASES = {
    "at_most": "at_most",
    "<=": "at_most",
    "max": "at_most",
    "decrease": "at_most",
    "down": "at_most",
    "senken": "at_most",
    "hoechstens": "at_most",
    "höchstens": "at_most",
    "lower": "at_most",
    "at_least": "at_least",
    ">=": "at_least",
    "min": "at_least",
    "increase": "at_least",
    "up": "at_least",
    "erhoehen": "at_least",
    "erhöhen": "at_least",
    "mindestens": "at_least",
    "higher": "at_least",
}
ALWAYS = "1900-01-01"  # valid_from of units registered without a date: "valid since always"
DEFAULT_SRID = 25832
DEFAULT_PG_SCHEMA = "sozialmonitoring"
CHUNK_SIZE = 100_000

VALUE_COLUMNS = (
    "unit_fid",
    "variable",
    "ref_date",
    "value",
    "numerator",
    "denominator",
    "suppressed",
    "unreliable",
    "estimated",
    "interpolated",
    "note",
    "import_id",
)


# ----------------------------------------------------------------------------------------------- helpers


def plugin_version():
    """Version from the plugin's metadata.txt, written into every import log row."""
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "metadata.txt")
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip().startswith("version="):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def file_sha256(path):
    """SHA-256 of a file, so that a re-import of the same file can be recognised."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def normalise_level(level):
    """Canonical level id ('block', 'space', 'municipality', 'county') from an id or German alias."""
    lv = _LEVEL_ALIASES.get(str(level).strip().lower())
    if lv is None:
        raise InputError(f"Unknown spatial level '{level}'. Use one of: {', '.join(LEVELS)}.")
    return lv


def normalise_date(value, what="reference date"):
    """ISO date text 'YYYY-MM-DD'. A bare year means the usual reference date 31.12. of that year."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise InputError(f"The {what} is missing. Give a date (YYYY-MM-DD) or a year.")
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date().isoformat()
    if isinstance(value, (int,)) or (isinstance(value, float) and value.is_integer()):
        year = int(value)
        if 1800 <= year <= 2200:
            return f"{year:04d}-12-31"
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31"
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if m:
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})([ T].*)?", text)
    if m:
        try:
            return _dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError(
        f"The {what} '{value}' is not a date. Write it as YYYY-MM-DD (e.g. 2023-12-31), "
        f"DD.MM.YYYY or as a year (2023 means 2023-12-31)."
    )


def normalise_direction(value):
    d = _DIRECTION_ALIASES.get(str(value).strip().lower())
    if d is None:
        raise InputError(
            f"Unknown target direction '{value}'. Use 'at_most' (the value should fall to the "
            f"target or below) or 'at_least' (rise to the target or above)."
        )
    return d


def _years_between(a, b):
    """Years from date a to date b counted by calendar (31.12.2019 -> 31.12.2021 is exactly 2)."""
    da, db = _dt.date.fromisoformat(a), _dt.date.fromisoformat(b)
    return (db.year - da.year) + (db.month - da.month) / 12.0 + (db.day - da.day) / 365.25


def _iso(value):
    """Dates come back as text from SQLite and as datetime.date from PostgreSQL."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)[:10]


def _wkb_loads(data):
    from shapely import wkb

    return wkb.loads(bytes(data))


def _wkb_dumps(geom):
    """Little-endian 2D WKB; works with shapely 1.8 (Debian 12) and 2.x."""
    from shapely import wkb

    return wkb.dumps(geom, big_endian=False, output_dimension=2)


def _to_multipolygon_wkb(geom):
    """(WKB of a 2D little-endian MultiPolygon, (bounds, area)) from shapely geometry, WKB or WKT.

    Polygons are promoted by prefixing the MultiPolygon header; bounds and area come from a small numpy WKB
    reader, because shapely 1.8 (Debian 12) needs ~0.5 ms per geometry for bounds alone.
    """
    if isinstance(geom, (bytes, bytearray, memoryview)):
        data = bytes(geom)
    elif isinstance(geom, str):
        from shapely import wkt

        data = wkt.loads(geom).wkb
    elif geom is None:
        raise InputError("A unit has no geometry. Every spatial unit needs a polygon.")
    else:
        data = geom.wkb
    if len(data) < 9:
        raise InputError("A unit has an empty geometry. Every spatial unit needs a polygon.")
    gtype = struct.unpack_from("<I" if data[0] == 1 else ">I", data, 1)[0]
    if data[0] != 1 or gtype not in (3, 6):  # big endian, Z/M or EWKB: normalise via shapely
        g = _wkb_loads(data)
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            raise InputError(f"A unit has a {g.geom_type} geometry; spatial units must be polygons.")
        data = _wkb_dumps(g)
        gtype = struct.unpack_from("<I", data, 1)[0]
    if gtype == 3:
        data = b"\x01" + struct.pack("<II", 6, 1) + data
    bounds, area = _wkb_bounds_area(data)
    if area <= 0:
        raise InputError("A unit has an empty geometry (no area). Every spatial unit needs a polygon.")
    return data, (bounds, area)


def _wkb_bounds_area(data):
    """Bounds (minx, miny, maxx, maxy) and area of a little-endian 2D MultiPolygon WKB (shoelace formula)."""
    import numpy as np

    npoly = struct.unpack_from("<I", data, 5)[0]
    pos = 9
    area = 0.0
    mins, maxs = [], []
    for _ in range(npoly):
        nrings = struct.unpack_from("<I", data, pos + 5)[0]
        pos += 9
        for r in range(nrings):
            npts = struct.unpack_from("<I", data, pos)[0]
            pos += 4
            xy = np.frombuffer(data, dtype="<f8", count=2 * npts, offset=pos).reshape(-1, 2)
            pos += 16 * npts
            if npts == 0:
                continue
            x, y = xy[:, 0], xy[:, 1]
            a = 0.5 * abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])))
            area += a if r == 0 else -a
            if r == 0:
                mins.append(xy.min(axis=0))
                maxs.append(xy.max(axis=0))
    if not mins:
        return (0.0, 0.0, 0.0, 0.0), 0.0
    lo, hi = np.min(mins, axis=0), np.max(maxs, axis=0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])), area


# GeoPackage geometry blob (GeoPackage 1.2, clause 2.1.3): 'GP', version 0, flags, srs_id, envelope, WKB.
def gpkg_blob(wkb, srid, bounds):
    flags = 0b00000011  # little endian, envelope [minx, maxx, miny, maxy]
    minx, miny, maxx, maxy = bounds
    return b"GP\x00" + bytes([flags]) + struct.pack("<i", srid) + struct.pack("<4d", minx, maxx, miny, maxy) + wkb


_ENVELOPE_SIZE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_blob_to_wkb(blob):
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP":
        return blob
    flags = blob[3]
    return blob[8 + _ENVELOPE_SIZE[(flags >> 1) & 7] :]


def _blob_envelope(blob):
    """(minx, maxx, miny, maxy) of a GeoPackage blob; used by the R-tree triggers (ST_MinX etc.)."""
    if blob is None:
        return None
    blob = bytes(blob)
    flags = blob[3]
    endian = "<" if flags & 1 else ">"
    if (flags >> 1) & 7:
        return struct.unpack(endian + "4d", blob[8:40])
    g = _wkb_loads(gpkg_blob_to_wkb(blob))
    minx, miny, maxx, maxy = g.bounds
    return minx, maxx, miny, maxy


def _st_isempty(blob):
    if blob is None:
        return None
    return 1 if bytes(blob)[3] & 0b00010000 else 0


def _srs_definition(srid):
    try:
        import pyproj

        crs = pyproj.CRS.from_epsg(srid)
        return crs.name, crs.to_wkt("WKT1_GDAL")
    except Exception:  # pyproj missing or unknown code: GeoPackage allows 'undefined'
        return f"EPSG:{srid}", "undefined"


# ----------------------------------------------------------------------------------------------- dialects


class _Dialect:
    name = ""
    types = {}

    def sql(self, text):
        return text

    def fill(self, text):
        return text.format(**self.types)


class _SqliteDialect(_Dialect):
    """GeoPackage: a SQLite file with the gpkg_* metadata tables; geometries as GeoPackage blobs."""

    name = "gpkg"
    types = {
        "pk": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "real": "REAL",
        "json": "TEXT",
        "ts": "DATETIME",
        "date": "DATE",
        "int": "INTEGER",
        "text": "TEXT",
        "without_rowid": "WITHOUT ROWID",
    }
    begin_write = "BEGIN IMMEDIATE"  # take the write lock first: no lost updates between processes

    def distinct(self, a, b):
        return f"{a} IS NOT {b}"

    def same(self, a, b):
        return f"{a} IS {b}"

    def geom_param(self, srid):
        return "?"

    def geom_value(self, wkb, info, srid):
        return gpkg_blob(wkb, srid, info[0])

    def geom_select(self, col):
        return col

    def wkb_out(self, value):
        return gpkg_blob_to_wkb(value)

    def is_retryable(self, exc):
        return False

    def stage(self, cur, table, columns, frame):
        """Bulk load by executemany of one prepared statement (SQLite stores NaN as NULL)."""
        rows = zip(*(frame[c].tolist() for c in columns))
        cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)


class _PgDialect(_Dialect):
    """PostgreSQL/PostGIS: same tables in their own schema; bulk loads by COPY."""

    name = "postgis"
    types = {
        "pk": "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        "real": "DOUBLE PRECISION",
        "json": "JSONB",
        "ts": "TIMESTAMPTZ",
        "date": "DATE",
        "int": "INTEGER",
        "text": "TEXT",
        "without_rowid": "",
    }
    begin_write = "BEGIN"

    def sql(self, text):
        return text.replace("?", "%s")

    def distinct(self, a, b):
        return f"{a} IS DISTINCT FROM {b}"

    def same(self, a, b):
        return f"{a} IS NOT DISTINCT FROM {b}"

    def geom_param(self, srid):
        return f"ST_Multi(ST_GeomFromWKB(?, {int(srid)}))"

    def geom_value(self, wkb, info, srid):
        import psycopg2

        return psycopg2.Binary(wkb)

    def geom_select(self, col):
        return f"ST_AsBinary({col})"

    def wkb_out(self, value):
        return None if value is None else bytes(value)

    def is_retryable(self, exc):
        return getattr(exc, "pgcode", None) in ("40P01", "40001")  # deadlock, serialization failure

    def stage(self, cur, table, columns, frame):
        """Bulk load by COPY from an in-memory CSV (NaN/None -> empty = NULL)."""
        import io

        buf = io.StringIO()
        frame[list(columns)].to_csv(buf, header=False, index=False, na_rep="")
        buf.seek(0)
        cur.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '')", buf)


def _is_pg_target(target):
    t = str(target).strip()
    return (
        t.startswith(("postgresql://", "postgres://", "PG:", "pg:"))
        or t.startswith("service=")
        or (("=" in t) and ("dbname" in t or "host" in t or "service" in t) and not os.path.exists(t))
    )


# ----------------------------------------------------------------------------------------------- migrations
# Ordered steps. Never edit a released step; add a new one. Tokens in {} come from the dialect's types.


def _migration_1(store, cur):
    d = store.dialect
    stmts = [
        "CREATE TABLE IF NOT EXISTS sm_meta (key {text} PRIMARY KEY, value {text})",
        """CREATE TABLE IF NOT EXISTS sm_levels (level {text} PRIMARY KEY, rank {int} NOT NULL,
               name {text} NOT NULL, parent_level {text})""",
        """CREATE TABLE IF NOT EXISTS sm_units (fid {pk}, level {text} NOT NULL, key {text} NOT NULL,
               name {text}, valid_from {date} NOT NULL, valid_to {date}, area_km2 {real}, geom GEOMTYPE,
               UNIQUE (level, key, valid_from))""",
        "CREATE INDEX IF NOT EXISTS sm_units_level_key ON sm_units (level, key)",
        """CREATE TABLE IF NOT EXISTS sm_assignment (level {text} NOT NULL, key {text} NOT NULL,
               parent_level {text} NOT NULL, parent_key {text} NOT NULL, valid_from {date} NOT NULL,
               valid_to {date}, PRIMARY KEY (level, key, parent_level, valid_from))""",
        """CREATE TABLE IF NOT EXISTS sm_catalogue (catalogue_id {text} NOT NULL, version {text} NOT NULL,
               definition {json} NOT NULL, registered_at {ts} NOT NULL,
               PRIMARY KEY (catalogue_id, version))""",
        """CREATE TABLE IF NOT EXISTS sm_import_log (import_id {pk}, imported_at {ts} NOT NULL,
               operation {text} NOT NULL, source {text}, source_sha256 {text}, content_sha256 {text},
               level {text}, ref_dates {text}, rows_in {int}, rows_inserted {int}, rows_updated {int},
               rows_unchanged {int}, catalogue_id {text}, catalogue_version {text}, plugin_version {text},
               message {text})""",
        """CREATE TABLE IF NOT EXISTS sm_values (unit_fid {int} NOT NULL REFERENCES sm_units (fid),
               variable {text} NOT NULL, ref_date {date} NOT NULL, value {real}, numerator {real},
               denominator {real}, suppressed {int} NOT NULL DEFAULT 0, unreliable {int} NOT NULL DEFAULT 0,
               estimated {int} NOT NULL DEFAULT 0, interpolated {int} NOT NULL DEFAULT 0, note {text},
               import_id {int}, PRIMARY KEY (ref_date, unit_fid, variable)) {without_rowid}""",
        "CREATE INDEX IF NOT EXISTS sm_values_unit ON sm_values (unit_fid, variable)",
        """CREATE TABLE IF NOT EXISTS sm_targets (target_id {pk}, indicator {text} NOT NULL,
               level {text} NOT NULL, unit_key {text} NOT NULL, target_value {real} NOT NULL,
               direction {text} NOT NULL, deadline {date} NOT NULL, baseline_date {date},
               baseline_value {real}, note {text}, UNIQUE (indicator, level, unit_key, deadline))""",
    ]
    geomtype = "MULTIPOLYGON" if d.name == "gpkg" else f"geometry(MultiPolygon, {int(store.srid)})"
    for s in stmts:
        cur.execute(d.fill(s).replace("GEOMTYPE", geomtype))
    rows = [(lv, i + 1, LEVEL_NAMES[lv], LEVELS[i + 1] if i + 1 < len(LEVELS) else None) for i, lv in enumerate(LEVELS)]
    cur.executemany(
        d.sql(
            "INSERT INTO sm_levels (level, rank, name, parent_level) VALUES (?, ?, ?, ?) ON CONFLICT (level) DO NOTHING"
        ),
        rows,
    )
    cur.execute(
        d.sql("INSERT INTO sm_meta (key, value) VALUES ('srid', ?) ON CONFLICT (key) DO NOTHING"), (str(store.srid),)
    )
    if d.name == "gpkg":
        store._gpkg_register_feature_table(
            cur, "sm_units", "geom", "MULTIPOLYGON", "Spatial units of all levels, versioned (valid_from/valid_to)"
        )
        for t in ("sm_meta", "sm_levels", "sm_assignment", "sm_catalogue", "sm_import_log", "sm_values", "sm_targets"):
            store._gpkg_register_attributes(cur, t)
    else:
        cur.execute("CREATE INDEX IF NOT EXISTS sm_units_geom ON sm_units USING gist (geom)")


def _migration_2(store, cur):
    """Views with the current units of each level, so that QGIS lists one layer per level."""
    for lv in LEVELS:
        view = f"sm_current_{lv}"
        cur.execute(
            f"CREATE VIEW {view} AS SELECT fid, key, name, valid_from, area_km2, geom FROM sm_units "
            f"WHERE level = '{lv}' AND valid_to IS NULL"
        )
        if store.dialect.name == "gpkg":
            store._gpkg_register_feature_table(
                cur, view, "geom", "MULTIPOLYGON", f"Current units of level {lv}", create_rtree=False
            )


MIGRATIONS = [
    (1, "Base schema: levels, versioned units, assignment, catalogue, values, targets, import log", _migration_1),
    (2, "Views with the current units per level", _migration_2),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


# ----------------------------------------------------------------------------------------------- results


@dataclass
class WriteResult:
    """What a write did; `status` is 'written' or 'unchanged' (nothing differed, nothing was written)."""

    status: str
    import_id: object = None
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    source_sha256: str = None
    content_sha256: str = None
    message: str = ""
    details: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------- catalogue


def catalogue_record(catalogue):
    """(id, version, definition dict) from a catalogue object, a dict or a JSON file path.

    Duck-typed so that the store does not depend on the catalogue module's class layout: accepts an object
    with to_dict()/as_dict() or attributes id/version/indicators/variables, or a plain dict.
    """
    if catalogue is None:
        return None
    if isinstance(catalogue, (str, os.PathLike)) and os.path.exists(str(catalogue)):
        with open(catalogue, encoding="utf-8") as fh:
            catalogue = json.load(fh)
    if isinstance(catalogue, dict):
        d = dict(catalogue)
    else:
        d = None
        for meth in ("to_dict", "as_dict", "to_json_dict"):
            if hasattr(catalogue, meth):
                d = getattr(catalogue, meth)()
                if isinstance(d, str):
                    d = json.loads(d)
                break
        if d is None:
            d = {
                "id": getattr(catalogue, "id", None),
                "version": getattr(catalogue, "version", None),
                "indicators": getattr(catalogue, "indicators", []),
                "variables": getattr(catalogue, "variables", []),
            }
    head = d.get("catalogue") if isinstance(d.get("catalogue"), dict) else {}  # core.catalogue.to_dict()
    cid = (
        d.get("id")
        or d.get("catalogue_id")
        or d.get("name")
        or head.get("id")
        or head.get("name")
        or getattr(catalogue, "name", None)
    )
    version = d.get("version") or head.get("version") or getattr(catalogue, "version", None)
    if not cid or version is None:
        raise InputError(
            "The indicator catalogue has no id or no version. The store needs both to tell "
            "catalogues apart; add 'id' and 'version' to the catalogue file."
        )
    d["indicators"] = _items_to_dicts(d.get("indicators", []))
    d["variables"] = _items_to_dicts(d.get("variables", []))
    return str(cid), str(version), d


def _items_to_dicts(items):
    """Indicators/variables as a list of dicts with an 'id' (from a list, a dict by id, or objects)."""
    out = []
    if isinstance(items, dict):
        items = [
            dict(v, id=k) if isinstance(v, dict) else (v if not isinstance(v, str) else {"id": k, "name": v})
            for k, v in items.items()
        ]
    for it in items or []:
        if isinstance(it, str):
            out.append({"id": it})
        elif isinstance(it, dict):
            out.append(dict(it))
        else:
            if hasattr(it, "to_dict"):
                out.append(it.to_dict())
            elif hasattr(it, "__dataclass_fields__"):
                import dataclasses

                out.append(dataclasses.asdict(it))
            else:
                out.append({k: v for k, v in vars(it).items() if not k.startswith("_")})
    return out


def _json_default(o):
    if isinstance(o, (set, tuple)):
        return list(o)
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    return str(o)


# ----------------------------------------------------------------------------------------------- the store


class Store:
    """A Sozialmonitoring store in a GeoPackage file or a PostgreSQL/PostGIS schema.

    Open with Store.open(target): a path (``*.gpkg``, created if missing) or a PostgreSQL connection string
    (``postgresql://...``, ``service=...``, ``host=... dbname=...``).
    """

    def __init__(self, conn, dialect, target, schema=None, srid=DEFAULT_SRID):
        self._depth = 0  # > 0 inside transaction(): nested writes become savepoints
        self.conn = conn
        self.dialect = dialect
        self.target = target
        self.schema = schema
        self.srid = srid

    # -------------------------------------------------------------------------------- opening, migrations
    @classmethod
    def open(cls, target, *, schema=DEFAULT_PG_SCHEMA, srid=DEFAULT_SRID, create=True, busy_timeout=120.0, _upto=None):
        """Open (and create or migrate) a store. `schema` is used for PostgreSQL only."""
        target = str(target)
        if _is_pg_target(target):
            store = cls._open_pg(target, schema, srid)
        else:
            store = cls._open_gpkg(target, srid, create, busy_timeout)
        store._migrate(_upto)
        return store

    @classmethod
    def _open_gpkg(cls, path, srid, create, busy_timeout):
        import sqlite3

        if not path.lower().endswith(".gpkg"):
            raise InputError(
                f"The store file '{path}' must end with .gpkg (a GeoPackage), or give a "
                f"PostgreSQL connection (postgresql://... or service=...)."
            )
        exists = os.path.exists(path)
        if not exists and not create:
            raise InputError(f"The store '{path}' does not exist.")
        if not exists:
            d = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(d):
                raise InputError(f"The folder '{d}' for the store does not exist.")
        conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -200000")
        conn.create_function("ST_IsEmpty", 1, _st_isempty, deterministic=True)
        for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
            conn.create_function(
                name, 1, (lambda j: lambda b: None if b is None else _blob_envelope(b)[j])(i), deterministic=True
            )
        if exists:
            head = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if head != 0x47504B47 and "gpkg_contents" not in tables and tables:
                conn.close()
                raise InputError(f"'{path}' is a SQLite file but not a GeoPackage; choose another file name.")
        store = cls(conn, _SqliteDialect(), path, None, srid)
        return store

    @classmethod
    def _open_pg(cls, target, schema, srid):
        try:
            import psycopg2
        except ImportError:
            raise InputError(
                "PostgreSQL needs the Python package psycopg2 (Debian/Ubuntu: python3-psycopg2; "
                "it comes with the QGIS installers for Windows and macOS)."
            )
        dsn = target[3:] if target.lower().startswith("pg:") else target
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", schema or ""):
            raise InputError(
                f"The PostgreSQL schema name '{schema}' is not allowed; use lower-case letters, digits and underscores."
            )
        try:
            conn = psycopg2.connect(dsn)
        except psycopg2.Error as exc:
            raise InputError(
                f"Cannot connect to the PostgreSQL store ({exc}). Check host, port, database, "
                f"user and password of the connection."
            ) from exc
        conn.autocommit = True
        return cls(conn, _PgDialect(), target, schema, srid)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self):
        """One write transaction; SQLite takes the write lock at once (BEGIN IMMEDIATE).

        Nested use (e.g. register units and write values all-or-nothing) turns the inner ones into savepoints:
        nothing is committed before the outermost block ends, and an error anywhere rolls everything back.
        """
        cur = self.conn.cursor()
        if self._depth:
            name = f"sm_sp{self._depth}"
            cur.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield cur
            except BaseException:
                try:
                    cur.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    cur.execute(f"RELEASE SAVEPOINT {name}")
                except Exception:
                    pass
                raise
            finally:
                self._depth -= 1
            cur.execute(f"RELEASE SAVEPOINT {name}")
            return
        cur.execute(self.dialect.begin_write)
        self._depth = 1
        try:
            yield cur
        except BaseException:
            try:
                cur.execute("ROLLBACK")
            except Exception:
                pass
            raise
        finally:
            self._depth = 0
        cur.execute("COMMIT")

    def _q(self, sql, params=(), cur=None):
        cur = cur or self.conn.cursor()
        cur.execute(self.dialect.sql(sql), params)
        return cur

    def _all(self, sql, params=(), cur=None):
        return self._q(sql, params, cur).fetchall()

    def _migrate(self, upto=None):
        try:
            self._migrate_steps(upto)
        except Exception as exc:
            if getattr(exc, "pgcode", None) == "42501":  # insufficient privilege
                raise InputError(
                    f"The PostgreSQL user may not create or update the store's schema "
                    f"'{self.schema}' ({str(exc).strip()}). Open the store once as its owner (the "
                    f"role that may create tables in the schema), see docs/store.md."
                ) from exc
            raise

    def _migrate_steps(self, upto=None):
        upto = SCHEMA_VERSION if upto is None else upto
        d = self.dialect
        with self.transaction() as cur:
            if d.name == "postgis":
                cur.execute("SELECT pg_advisory_xact_lock(4711)")
                cur.execute(
                    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                    "ON n.oid = e.extnamespace WHERE e.extname = 'postgis'"
                )
                row = cur.fetchone()
                if row is None:
                    try:
                        cur.execute("SAVEPOINT ext")
                        cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
                        cur.execute("RELEASE SAVEPOINT ext")
                    except Exception as exc:
                        raise InputError(
                            f"The PostgreSQL database has no PostGIS and the user may not install "
                            f"it ({exc}). Ask the database administrator to run "
                            f"'CREATE EXTENSION postgis;' in this database."
                        ) from exc
                    cur.execute(
                        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                        "ON n.oid = e.extnamespace WHERE e.extname = 'postgis'"
                    )
                    row = cur.fetchone()
                # only create what is missing: planners and readers may use a store without CREATE rights
                cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.schema,))
                if cur.fetchone() is None:
                    cur.execute(f'CREATE SCHEMA "{self.schema}"')
                cur.execute(f'SET search_path TO "{self.schema}", "{row[0]}", public')
                cur.execute("SELECT to_regclass('sm_schema_version')")
                has_version_table = cur.fetchone()[0] is not None
            else:
                self._gpkg_init(cur)
                has_version_table = False
            if not has_version_table:
                cur.execute(
                    d.fill(
                        "CREATE TABLE IF NOT EXISTS sm_schema_version (version {int} PRIMARY KEY, "
                        "applied_at {ts} NOT NULL, description {text})"
                    )
                )
            if d.name == "gpkg":
                self._gpkg_register_attributes(cur, "sm_schema_version")
            cur.execute("SELECT max(version) FROM sm_schema_version")
            current = cur.fetchone()[0] or 0
            if current > SCHEMA_VERSION:
                raise InputError(
                    f"The store '{self.target}' has schema version {current}, newer than this "
                    f"plugin knows ({SCHEMA_VERSION}). Update the Sozialplanung plugin."
                )
            for version, description, step in MIGRATIONS:
                if current < version <= upto:
                    step(self, cur)
                    cur.execute(
                        d.sql("INSERT INTO sm_schema_version (version, applied_at, description) VALUES (?, ?, ?)"),
                        (version, self._now(), description),
                    )
        row = self._all("SELECT value FROM sm_meta WHERE key = 'srid'")
        if row:
            self.srid = int(row[0][0])

    @property
    def schema_version(self):
        return self._all("SELECT max(version) FROM sm_schema_version")[0][0]

    @staticmethod
    def _now():
        return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    # -------------------------------------------------------------------------------- GeoPackage metadata
    def _gpkg_init(self, cur):
        cur.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
        cur.execute("PRAGMA user_version = 10200")
        cur.execute("""CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""")
        cur.execute("""CREATE TABLE IF NOT EXISTS gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,
            data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
            last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""")
        cur.execute("""CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL,
            column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
            z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
            CONSTRAINT uk_gc_table_name UNIQUE (table_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""")
        cur.execute("""CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,
            extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""")
        srs = [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
        ]
        for code in sorted({4326, int(self.srid)}):
            name, wkt = _srs_definition(code)
            srs.append((name, code, "EPSG", code, wkt, None))
        cur.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", srs)

    def _gpkg_register_feature_table(self, cur, table, col, gtype, description, create_rtree=True):
        cur.execute(
            "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, "
            "srs_id) VALUES (?, 'features', ?, ?, ?)",
            (table, table, description, int(self.srid)),
        )
        cur.execute(
            "INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
            (table, col, gtype, int(self.srid)),
        )
        if not create_rtree:
            return
        rt = f"rtree_{table}_{col}"
        cur.execute(f'CREATE VIRTUAL TABLE IF NOT EXISTS "{rt}" USING rtree(id, minx, maxx, miny, maxy)')
        cur.execute(
            "INSERT OR IGNORE INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', "
            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
            (table, col),
        )
        vals = f'(NEW."fid", ST_MinX(NEW."{col}"), ST_MaxX(NEW."{col}"), ST_MinY(NEW."{col}"), ST_MaxY(NEW."{col}"))'
        cur.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{rt}_insert" AFTER INSERT ON "{table}" WHEN '
            f'(NEW."{col}" NOT NULL AND NOT ST_IsEmpty(NEW."{col}")) BEGIN '
            f'INSERT OR REPLACE INTO "{rt}" VALUES {vals}; END'
        )
        cur.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{rt}_update1" AFTER UPDATE OF "{col}" ON "{table}" WHEN '
            f'OLD."fid" = NEW."fid" AND (NEW."{col}" NOTNULL AND NOT ST_IsEmpty(NEW."{col}")) BEGIN '
            f'INSERT OR REPLACE INTO "{rt}" VALUES {vals}; END'
        )
        cur.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{rt}_update2" AFTER UPDATE OF "{col}" ON "{table}" WHEN '
            f'OLD."fid" = NEW."fid" AND (NEW."{col}" ISNULL OR ST_IsEmpty(NEW."{col}")) BEGIN '
            f'DELETE FROM "{rt}" WHERE id = OLD."fid"; END'
        )
        cur.execute(
            f'CREATE TRIGGER IF NOT EXISTS "{rt}_delete" AFTER DELETE ON "{table}" WHEN '
            f'OLD."{col}" NOT NULL BEGIN DELETE FROM "{rt}" WHERE id = OLD."fid"; END'
        )

    def _gpkg_register_attributes(self, cur, table):
        cur.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)",
            (table, table),
        )

    # -------------------------------------------------------------------------------- catalogue
    def catalogue(self):
        """The bound catalogue: (id, version, definition dict) of the latest registered version, or None."""
        rows = self._all(
            "SELECT c.catalogue_id, c.version, c.definition FROM sm_catalogue c "
            "JOIN sm_meta m ON m.key = 'catalogue_id' AND m.value = c.catalogue_id "
            "ORDER BY c.registered_at DESC"
        )
        if not rows:
            return None
        cid, ver, definition = rows[0]
        if isinstance(definition, str):
            definition = json.loads(definition)
        return cid, ver, definition

    def _bind_catalogue(self, cur, record):
        """Register the catalogue version; refuse a catalogue with another id (inside the write transaction)."""
        cid, ver, definition = record
        self._q("INSERT INTO sm_meta (key, value) VALUES ('catalogue_id', ?) ON CONFLICT (key) DO NOTHING", (cid,), cur)
        bound = self._q("SELECT value FROM sm_meta WHERE key = 'catalogue_id'", (), cur).fetchone()[0]
        if bound != cid:
            raise InputError(
                f"This store holds values of the indicator catalogue '{bound}', the data were "
                f"computed with catalogue '{cid}'. Nothing was written. Use the store's catalogue "
                f"or a separate store."
            )
        self._q(
            "INSERT INTO sm_catalogue (catalogue_id, version, definition, registered_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (catalogue_id, version) DO NOTHING",
            (cid, ver, json.dumps(definition, ensure_ascii=False, default=_json_default), self._now()),
            cur,
        )

    def register_catalogue(self, catalogue):
        with self.transaction() as cur:
            self._bind_catalogue(cur, catalogue_record(catalogue))

    def _check_catalogue(self, record):
        """Refuse another catalogue before any write. Returns the record to use."""
        bound = self._all("SELECT value FROM sm_meta WHERE key = 'catalogue_id'")
        if record is None:
            if not bound:
                raise InputError(
                    "The store has no indicator catalogue yet. Give the catalogue the values were computed with."
                )
            return self.catalogue()
        if bound and bound[0][0] != record[0]:
            raise InputError(
                f"This store holds values of the indicator catalogue '{bound[0][0]}', the data "
                f"were computed with catalogue '{record[0]}' (version {record[1]}). Nothing was "
                f"written. Use the store's catalogue or a separate store."
            )
        return record

    @staticmethod
    def _catalogue_ids(definition):
        ind = {i["id"]: i for i in definition.get("indicators", []) if "id" in i}
        var = {v["id"] for v in definition.get("variables", []) if "id" in v}
        return ind, var

    # -------------------------------------------------------------------------------- units
    def put_units(
        self,
        level,
        units,
        *,
        valid_from=None,
        key_column="key",
        name_column="name",
        geometry_column="geometry",
        parent_column=None,
        parent_level=None,
        replace=False,
    ):
        """Register units of one level valid from a date; a changed geometry closes the old version.

        `units`: DataFrame/GeoDataFrame or list of dicts with a key, a geometry (shapely, WKB or WKT) and
        optionally a name and the key of the parent unit (e.g. block -> social space). `replace=True`:
        current units of the level missing from `units` are closed at `valid_from`.
        Returns counts {'added', 'changed', 'unchanged', 'closed', 'assigned'}.
        """
        import pandas as pd

        level = normalise_level(level)
        valid_from = normalise_date(valid_from, "valid-from date") if valid_from is not None else ALWAYS
        df = pd.DataFrame(units) if not isinstance(units, pd.DataFrame) else units
        if key_column not in df.columns:
            raise InputError(
                f"The unit table has no key column '{key_column}'. Columns: {', '.join(map(str, df.columns))}."
            )
        if geometry_column not in df.columns:
            gc = getattr(df, "_geometry_column_name", None)
            if gc in df.columns:
                geometry_column = gc
            else:
                raise InputError(f"The unit table has no geometry column '{geometry_column}'.")
        keys = df[key_column]
        if not all(isinstance(k, str) for k in keys):
            raise InputError(
                f"Unit keys in column '{key_column}' must be text (leading zeros matter); "
                f"read the table with the key column as text."
            )
        dup = keys[keys.duplicated()]
        if len(dup):
            raise InputError(f"Unit key '{dup.iloc[0]}' occurs more than once in column '{key_column}'.")
        names = df[name_column] if name_column in df.columns else [None] * len(df)
        parents = None
        if parent_column:
            if parent_column not in df.columns:
                raise InputError(f"The unit table has no parent column '{parent_column}'.")
            parent_level = normalise_level(parent_level or LEVELS[min(LEVELS.index(level) + 1, 3)])
            parents = df[parent_column]
        geoms = [_to_multipolygon_wkb(g) for g in df[geometry_column]]
        current = {}
        for fid, key, name, vf, wkb in self._all(
            f"SELECT fid, key, name, valid_from, {self.dialect.geom_select('geom')} FROM sm_units "
            f"WHERE level = ? AND valid_to IS NULL",
            (level,),
        ):
            current[key] = (fid, name, _iso(vf), self.dialect.wkb_out(wkb))
        counts = {"added": 0, "changed": 0, "unchanged": 0, "closed": 0, "assigned": 0}
        gp = self.dialect.geom_param(self.srid)
        ins = self.dialect.sql(
            f"INSERT INTO sm_units (level, key, name, valid_from, valid_to, area_km2, geom) "
            f"VALUES (?, ?, ?, ?, NULL, ?, {gp})"
        )
        with self.transaction() as cur:
            rows = []
            for key, name, (wkb, geom) in zip(keys, names, geoms):
                name = None if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
                row = (level, key, name, valid_from, geom[1] / 1e6, self.dialect.geom_value(wkb, geom, self.srid))
                if key in current:
                    fid, old_name, old_from, old_wkb = current[key]
                    if old_wkb == wkb or _wkb_loads(old_wkb).equals_exact(_wkb_loads(wkb), 1e-6):
                        counts["unchanged"] += 1
                        if name is not None and name != old_name:
                            self._q("UPDATE sm_units SET name = ? WHERE fid = ?", (name, fid), cur)
                        continue
                    if old_from >= valid_from:
                        raise InputError(
                            f"Unit '{key}' (level {level}) has a geometry valid from {old_from}; a "
                            f"new geometry must be valid from a later date than that, not "
                            f"{valid_from}."
                        )
                    self._q("UPDATE sm_units SET valid_to = ? WHERE fid = ?", (valid_from, fid), cur)
                    counts["changed"] += 1
                else:
                    counts["added"] += 1
                rows.append(row)
            if rows:
                cur.executemany(ins, rows)
            if replace:
                gone = set(current) - set(keys)
                for key in sorted(gone):
                    self._q("UPDATE sm_units SET valid_to = ? WHERE fid = ?", (valid_from, current[key][0]), cur)
                counts["closed"] = len(gone)
            if parents is not None:
                counts["assigned"] = self._put_assignment(cur, level, parent_level, keys, parents, valid_from, replace)
            if self.dialect.name == "gpkg" and (rows or counts["closed"]):
                cur.execute("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_sm_units_geom")
                b = cur.fetchone()
                cur.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                    "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                    "WHERE table_name = 'sm_units' OR table_name LIKE 'sm_current_%'",
                    b,
                )
        return counts

    def _put_assignment(self, cur, level, parent_level, keys, parents, valid_from, replace):
        current = {
            k: (p, _iso(vf))
            for k, p, vf in self._q(
                "SELECT key, parent_key, valid_from FROM sm_assignment WHERE level = ? AND parent_level = ? "
                "AND valid_to IS NULL",
                (level, parent_level),
                cur,
            ).fetchall()
        }
        n = 0
        rows = []
        for key, parent in zip(keys, parents):
            if parent is None or (isinstance(parent, float) and math.isnan(parent)):
                continue
            parent = str(parent)
            old = current.get(key)
            if old and old[0] == parent:
                continue
            if old:
                if old[1] >= valid_from:
                    raise InputError(
                        f"Unit '{key}' is assigned to '{old[0]}' from {old[1]}; a new assignment "
                        f"must start later than that, not {valid_from}."
                    )
                self._q(
                    "UPDATE sm_assignment SET valid_to = ? WHERE level = ? AND key = ? AND parent_level = ? "
                    "AND valid_to IS NULL",
                    (valid_from, level, key, parent_level),
                    cur,
                )
            rows.append((level, key, parent_level, parent, valid_from))
            n += 1
        cur.executemany(
            self.dialect.sql(
                "INSERT INTO sm_assignment (level, key, parent_level, parent_key, "
                "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, NULL)"
            ),
            rows,
        )
        if replace:
            for key in set(current) - set(keys):
                self._q(
                    "UPDATE sm_assignment SET valid_to = ? WHERE level = ? AND key = ? AND parent_level = ? "
                    "AND valid_to IS NULL",
                    (valid_from, level, key, parent_level),
                    cur,
                )
        return n

    def units(self, level, at=None, with_geometry=True):
        """Units of a level valid at date `at` (default: the current versions). Geometry as WKB bytes."""
        import pandas as pd

        level = normalise_level(level)
        geom = f", {self.dialect.geom_select('geom')}" if with_geometry else ""
        sql = f"SELECT fid, key, name, valid_from, valid_to, area_km2{geom} FROM sm_units WHERE level = ?"
        if at is None:
            rows = self._all(sql + " AND valid_to IS NULL ORDER BY key", (level,))
        else:
            at = normalise_date(at, "date")
            rows = self._all(
                sql + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY key", (level, at, at)
            )
        cols = ["fid", "key", "name", "valid_from", "valid_to", "area_km2"] + (["wkb"] if with_geometry else [])
        df = pd.DataFrame.from_records(rows, columns=cols)
        df["valid_from"] = [_iso(v) for v in df["valid_from"]]
        df["valid_to"] = [_iso(v) for v in df["valid_to"]]
        if with_geometry:
            df["wkb"] = [self.dialect.wkb_out(v) for v in df["wkb"]]
        return df

    def assignment(self, level="block", parent_level="space", at=None):
        """{child key: parent key} valid at date `at` (default: current)."""
        level, parent_level = normalise_level(level), normalise_level(parent_level)
        if at is None:
            rows = self._all(
                "SELECT key, parent_key FROM sm_assignment WHERE level = ? AND parent_level = ? AND valid_to IS NULL",
                (level, parent_level),
            )
        else:
            at = normalise_date(at, "date")
            rows = self._all(
                "SELECT key, parent_key FROM sm_assignment WHERE level = ? AND parent_level = ? "
                "AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                (level, parent_level, at, at),
            )
        return dict(rows)

    def _fid_maps(self, level, dates):
        """{date: {key: fid}} of the unit versions valid at each date."""
        rows = self._all("SELECT fid, key, valid_from, valid_to FROM sm_units WHERE level = ?", (level,))
        rows = [(fid, key, _iso(vf), _iso(vt)) for fid, key, vf, vt in rows]
        out = {}
        for d in dates:
            out[d] = {key: fid for fid, key, vf, vt in rows if vf <= d and (vt is None or vt > d)}
        return out

    # -------------------------------------------------------------------------------- writing values
    def _normalise_values(self, values, ref_date):
        import numpy as np
        import pandas as pd

        df = pd.DataFrame(values) if not isinstance(values, pd.DataFrame) else values.copy()
        df = df.rename(
            columns={
                "key": "unit_key",
                "indicator": "variable",
                "date": "ref_date",
                "num": "numerator",
                "den": "denominator",
            }
        )
        missing = [c for c in ("unit_key", "variable", "value") if c not in df.columns]
        if missing:
            raise InputError(
                f"The values table lacks the column(s) {', '.join(missing)}. Expected unit_key, "
                f"variable, value (optional: ref_date, numerator, denominator, flags)."
            )
        if ref_date is not None:
            df["ref_date"] = normalise_date(ref_date)
        elif "ref_date" not in df.columns:
            raise InputError("The values have no reference date. Give a date (or year) for the import.")
        else:
            uniq = {v: normalise_date(v) for v in pd.unique(df["ref_date"])}
            df["ref_date"] = df["ref_date"].map(uniq)
        bad = [k for k in pd.unique(df["unit_key"]) if not isinstance(k, str)]
        if bad:
            raise InputError(
                f"Unit keys must be text (leading zeros matter), found {bad[0]!r}. Read the key column as text."
            )
        for c in ("numerator", "denominator"):
            if c not in df.columns:
                df[c] = np.nan
        for c in ("value", "numerator", "denominator"):
            try:
                df[c] = pd.to_numeric(df[c], errors="raise").astype(float)
            except (ValueError, TypeError) as exc:
                raise InputError(f"Column '{c}' of the values holds text that is not a number ({exc}).") from exc
            arr = df[c].to_numpy()
            arr[~np.isfinite(arr)] = np.nan
            df[c] = arr
        flagtext = df["flag"].fillna("").astype(str) if "flag" in df.columns else None
        # flag texts repeat a lot (mostly ''): parse each distinct text once
        parsed = {}
        if flagtext is not None:
            for text in pd.unique(flagtext):
                parts = [p.strip() for p in re.split(r"[,;|]", text) if p.strip()]
                parsed[text] = (
                    {f: int(f in parts or f in text) for f in FLAGS},
                    ",".join(p for p in parts if p not in FLAGS) or None,
                )
        for f in FLAGS:
            if f in df.columns:
                df[f] = df[f].fillna(0).astype(bool).astype(int)
            else:
                df[f] = 0
            if flagtext is not None:
                df[f] = df[f] | flagtext.map({t: v[0][f] for t, v in parsed.items()}).astype(int)
        if "note" not in df.columns:
            df["note"] = None
        if flagtext is not None:
            rest = flagtext.map({t: v[1] for t, v in parsed.items()})
            df["note"] = df["note"].where(df["note"].notna(), rest)
        df["variable"] = df["variable"].astype(str)
        dup = df.duplicated(["unit_key", "variable", "ref_date"])
        if dup.any():
            r = df[dup].iloc[0]
            raise InputError(
                f"The values hold unit '{r.unit_key}', variable '{r.variable}', date {r.ref_date} more "
                f"than once (row {int(dup.to_numpy().nonzero()[0][0]) + 1}). Remove the duplicates."
            )
        return df

    def write_values(
        self,
        values,
        *,
        level,
        catalogue=None,
        ref_date=None,
        source=None,
        source_sha256=None,
        operation="import",
        progress=None,
        chunk_size=CHUNK_SIZE,
    ):
        """Upsert values (unit, level, variable, date) in ONE transaction, validated before anything is written.

        `values`: long table with unit_key, variable, value, optional ref_date (or the `ref_date` argument),
        numerator, denominator, suppressed/unreliable/estimated/interpolated (0/1) or a text column `flag`.
        Refused with InputError (nothing written) when a unit key is not in the store at that level and date,
        a variable is not in the catalogue, or the catalogue is another one than the store's.
        A re-import of identical values writes nothing and returns status 'unchanged'.
        """
        level = normalise_level(level)
        record = catalogue_record(catalogue)
        df = self._normalise_values(values, ref_date)
        record = self._check_catalogue(record)
        indicators, variables = self._catalogue_ids(record[2])
        known = set(indicators) | variables
        unknown = sorted(set(df["variable"].unique()) - known)
        if unknown:
            raise InputError(
                f"{len(unknown)} variable(s) are neither indicators nor count variables of catalogue "
                f"'{record[0]}' version {record[1]}: {', '.join(unknown[:10])}. Nothing was written. "
                f"Check the catalogue or the column names."
            )
        dates = sorted(df["ref_date"].unique())
        maps = self._fid_maps(level, dates)
        fids = []
        for d, part in df.groupby("ref_date", sort=False):
            m = maps[d]
            f = part["unit_key"].map(m)
            if f.isna().any():
                miss = sorted(part.loc[f.isna(), "unit_key"].unique())
                raise InputError(
                    f"{len(miss)} unit key(s) are not in the store at level '{level}' on {d}: "
                    f"{', '.join(miss[:10])}{' ...' if len(miss) > 10 else ''}. Nothing was written. "
                    f"Check the level and the key column, or register the units first."
                )
            fids.append(f)
        import pandas as pd

        df["unit_fid"] = pd.concat(fids).astype("int64")
        if source_sha256 is None and source and os.path.isfile(str(source)):
            source_sha256 = file_sha256(str(source))
        return self._write(
            df,
            level=level,
            record=record,
            source=source,
            source_sha256=source_sha256,
            operation=operation,
            progress=progress,
            chunk_size=chunk_size,
        )

    def _write(self, df, *, level, record, source, source_sha256, operation, progress, chunk_size):
        import pandas as pd

        df = df.sort_values(["ref_date", "unit_fid", "variable"], kind="stable")
        cols = [c for c in VALUE_COLUMNS if c != "import_id"]
        content_sha = hashlib.sha256(
            pd.util.hash_pandas_object(df[cols].reset_index(drop=True), index=False).to_numpy().tobytes()
        ).hexdigest()
        dates = sorted(df["ref_date"].unique())
        attempts = 0
        while True:
            attempts += 1
            try:
                return self._write_once(
                    df, cols, level, record, source, source_sha256, content_sha, dates, operation, progress, chunk_size
                )
            except Exception as exc:
                if attempts < 5 and self.dialect.is_retryable(exc) and not self._depth:
                    continue
                if "database is locked" in str(exc):
                    raise InputError(
                        f"The store '{self.target}' is locked by another program for too long "
                        f"(another import or an edit session in QGIS). Nothing was written; try "
                        f"again."
                    ) from exc
                raise

    def _write_once(
        self, df, cols, level, record, source, source_sha256, content_sha, dates, operation, progress, chunk_size
    ):
        d = self.dialect
        n = len(df)
        st = "_sm_staging"
        keys = ("unit_fid", "variable", "ref_date")
        payload = [c for c in cols if c not in keys]
        same = " AND ".join(d.same(f"v.{c}", f"s.{c}") for c in payload)
        changed = " OR ".join(d.distinct(f"sm_values.{c}", f"excluded.{c}") for c in payload)
        upsert = (
            f"INSERT INTO sm_values ({', '.join(cols)}, import_id) SELECT {', '.join(cols)}, ? FROM {st} "
            f"WHERE true ORDER BY ref_date, unit_fid, variable "
            f"ON CONFLICT (ref_date, unit_fid, variable) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in payload)
            + ", import_id = excluded.import_id "
            f"WHERE {changed}"
        )
        count = (
            f"SELECT count(*), coalesce(sum(CASE WHEN {same} THEN 1 ELSE 0 END), 0) FROM {st} s "
            f"JOIN sm_values v ON v.unit_fid = s.unit_fid AND v.variable = s.variable "
            f"AND v.ref_date = s.ref_date"
        )
        inserted = updated = unchanged = 0
        try:
            with self.transaction() as cur:
                self._bind_catalogue(cur, record)
                cur.execute(f"DROP TABLE IF EXISTS {st}")
                cur.execute(
                    d.fill(
                        f"CREATE TEMP TABLE {st} (unit_fid {{int}}, variable {{text}}, ref_date {{date}}, "
                        f"value {{real}}, numerator {{real}}, denominator {{real}}, suppressed {{int}}, "
                        f"unreliable {{int}}, estimated {{int}}, interpolated {{int}}, note {{text}})"
                    )
                )
                import_id = self._q(
                    "INSERT INTO sm_import_log (imported_at, operation, source, source_sha256, content_sha256, level, "
                    "ref_dates, rows_in, catalogue_id, catalogue_version, plugin_version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING import_id",
                    (
                        self._now(),
                        operation,
                        None if source is None else str(source),
                        source_sha256,
                        content_sha,
                        level,
                        ",".join(dates),
                        n,
                        record[0],
                        record[1],
                        plugin_version(),
                    ),
                    cur,
                ).fetchone()[0]
                arr = df[cols]
                for start in range(0, n, chunk_size):
                    part = arr.iloc[start : start + chunk_size]
                    d.stage(cur, st, cols, part)
                    cur.execute(count)
                    existing, same_n = cur.fetchone()
                    self._q(upsert, (import_id,), cur)
                    cur.execute(f"DELETE FROM {st}")
                    inserted += len(part) - existing
                    updated += existing - same_n
                    unchanged += same_n
                    if progress is not None:
                        progress(min(1.0, (start + len(part)) / n))
                if inserted == 0 and updated == 0:
                    raise _NothingChanged()
                self._q(
                    "UPDATE sm_import_log SET rows_inserted = ?, rows_updated = ?, rows_unchanged = ? "
                    "WHERE import_id = ?",
                    (inserted, updated, unchanged, import_id),
                    cur,
                )
                cur.execute(f"DROP TABLE IF EXISTS {st}")
        except _NothingChanged:
            return WriteResult(
                "unchanged",
                None,
                n,
                0,
                0,
                n,
                source_sha256,
                content_sha,
                "All values are already in the store; nothing was written.",
            )
        return WriteResult(
            "written",
            import_id,
            n,
            inserted,
            updated,
            unchanged,
            source_sha256,
            content_sha,
            f"{inserted} values added, {updated} changed, {unchanged} unchanged.",
        )

    # -------------------------------------------------------------------------------- reading values
    _READ_COLS = [
        "unit_key",
        "variable",
        "ref_date",
        "value",
        "numerator",
        "denominator",
        "suppressed",
        "unreliable",
        "estimated",
        "interpolated",
        "note",
        "import_id",
    ]

    def _versions_sql(self, level, at):
        """Sub-select of the unit versions of a level valid at date `at` (None: the current versions)."""
        if at is None:
            return "SELECT fid FROM sm_units WHERE level = ? AND valid_to IS NULL", [level]
        return (
            "SELECT fid FROM sm_units WHERE level = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
            [level, at, at],
        )

    def _read(self, level, at, where, params, ref_date=None, provenance=False, order="unit_fid, variable"):
        """Values of the unit versions valid at `at`; keys are mapped in pandas (no join: faster on 1M rows).

        Reading 200,000 values is dominated by creating one Python object per cell, so the four flags and
        "has a note" travel as one bit mask, notes are fetched separately (few rows carry one), the import id
        only on request (`provenance`), and columns are built with fixed dtypes.
        """
        import numpy as np
        import pandas as pd

        vsql, vparams = self._versions_sql(level, at)
        date_col = (
            "" if ref_date else (", ref_date" if self.dialect.name == "gpkg" else ", to_char(ref_date, 'YYYY-MM-DD')")
        )
        extra = ", import_id" if provenance else ""
        base = f"FROM sm_values WHERE unit_fid IN ({vsql}) AND {where}"
        sql = (
            f"SELECT unit_fid, variable{date_col}, value, numerator, denominator, suppressed + 2 * unreliable "
            f"+ 4 * estimated + 8 * interpolated + 16 * (CASE WHEN note IS NULL THEN 0 ELSE 1 END){extra} "
            f"{base} ORDER BY {order}"
        )
        rows = self._all(sql, vparams + list(params))
        names = (
            ["unit_fid", "variable"]
            + ([] if ref_date else ["ref_date"])
            + ["value", "numerator", "denominator", "flags"]
            + (["import_id"] if provenance else [])
        )
        arr = np.array(rows, dtype=object) if rows else np.empty((0, len(names)), dtype=object)
        cols = {n: arr[:, i] for i, n in enumerate(names)}
        keys = dict(self._all(vsql.replace("SELECT fid", "SELECT fid, key"), vparams))
        fids = cols["unit_fid"].astype(np.int64)
        out = {
            "unit_key": pd.Series(fids).map(keys).to_numpy(dtype=object),
            "variable": cols["variable"],
            "ref_date": np.full(len(rows), ref_date, dtype=object) if ref_date else cols["ref_date"],
        }
        for c in ("value", "numerator", "denominator"):
            out[c] = cols[c].astype(float)
        flags = cols["flags"].astype(np.int64)
        for bit, f in enumerate(FLAGS):
            out[f] = (flags >> bit) & 1
        out["note"] = np.full(len(rows), None, dtype=object)
        if (flags & 16).any():
            date_sel = "ref_date" if self.dialect.name == "gpkg" else "to_char(ref_date, 'YYYY-MM-DD')"
            notes = {
                (f, v, d): n
                for f, v, d, n in self._all(
                    f"SELECT unit_fid, variable, {date_sel}, note {base} AND note IS NOT NULL", vparams + list(params)
                )
            }
            dates = out["ref_date"]
            for i in np.flatnonzero(flags & 16):
                out["note"][i] = notes.get((int(fids[i]), out["variable"][i], dates[i]))
        columns = self._READ_COLS[:-1]
        if provenance:
            out["import_id"] = cols["import_id"].astype(np.int64)
            columns = self._READ_COLS
        return pd.DataFrame(out, columns=columns)

    @staticmethod
    def _in(column, items):
        items = list(items)
        return f"{column} IN ({', '.join('?' * len(items))})", items

    def read_slice(self, level, ref_date, variables=None, *, geometry_at=None, provenance=False):
        """All values of one level at one reference date (long table, ordered by unit version and variable).

        Values belong to unit versions: by default those valid at `ref_date`; `geometry_at` picks the versions
        valid at another date (e.g. values carried onto new social spaces).
        """
        level = normalise_level(level)
        ref_date = normalise_date(ref_date)
        at = ref_date if geometry_at is None else normalise_date(geometry_at, "geometry date")
        where, params = "ref_date = ?", [ref_date]
        if variables:
            w, p = self._in("variable", variables)
            where += " AND " + w
            params += p
        return self._read(level, at, where, params, ref_date=ref_date, provenance=provenance)

    def read_series(
        self, level, keys=None, variables=None, *, start=None, end=None, geometry_at=None, provenance=False
    ):
        """Time series (units x dates) of a level on the unit versions valid at `geometry_at` (default: current)."""
        level = normalise_level(level)
        at = None if geometry_at is None else normalise_date(geometry_at, "geometry date")
        where, params = "1 = 1", []
        if keys is not None:
            keys = list(keys)
            if not keys:
                return pd_empty(self._READ_COLS)
            w, p = self._in("key", keys)
            where += f" AND unit_fid IN (SELECT fid FROM sm_units WHERE level = ? AND {w})"
            params += [level] + p
        if variables:
            w, p = self._in("variable", variables)
            where += " AND " + w
            params += p
        if start is not None:
            where += " AND ref_date >= ?"
            params.append(normalise_date(start))
        if end is not None:
            where += " AND ref_date <= ?"
            params.append(normalise_date(end))
        df = self._read(level, at, where, params, provenance=provenance, order="unit_fid, variable, ref_date")
        return df.sort_values(["unit_key", "variable", "ref_date"], kind="stable", ignore_index=True)

    def dates(self, level=None):
        """Reference dates holding values (optionally of one level)."""
        if level is None:
            rows = self._all("SELECT DISTINCT ref_date FROM sm_values ORDER BY ref_date")
        else:
            rows = self._all(
                "SELECT DISTINCT v.ref_date FROM sm_values v JOIN sm_units u ON u.fid = v.unit_fid "
                "WHERE u.level = ? ORDER BY v.ref_date",
                (normalise_level(level),),
            )
        return [_iso(r[0]) for r in rows]

    def import_log(self):
        import pandas as pd

        cur = self._q("SELECT * FROM sm_import_log ORDER BY import_id")
        cols = [c[0] for c in cur.description]
        df = pd.DataFrame.from_records(cur.fetchall(), columns=cols)
        if "imported_at" in df and len(df):
            df["imported_at"] = df["imported_at"].astype(str)
        return df

    def count_values(self):
        return self._all("SELECT count(*) FROM sm_values")[0][0]

    # -------------------------------------------------------------------------------- targets
    def put_targets(self, targets, *, catalogue=None):
        """Upsert targets (indicator, level, unit_key, target_value, direction, deadline, baseline_date,
        baseline_value, note). Direction defaults from the indicator's polarity (higher_worse -> at_most)."""
        import pandas as pd

        df = pd.DataFrame(targets) if not isinstance(targets, pd.DataFrame) else targets.copy()
        need = [c for c in ("indicator", "unit_key", "target_value", "deadline") if c not in df.columns]
        if need:
            raise InputError(
                f"The targets table lacks the column(s) {', '.join(need)}. Expected indicator, "
                f"level, unit_key, target_value, direction, deadline, baseline_date, baseline_value."
            )
        rec = self._check_catalogue(catalogue_record(catalogue)) if catalogue is not None else self.catalogue()
        indicators = self._catalogue_ids(rec[2])[0] if rec else {}
        rows = []
        known_units = {}
        for i, r in enumerate(df.to_dict("records"), start=1):
            where = f"targets row {i}"
            ind = str(r["indicator"]).strip()
            if indicators and ind not in indicators:
                raise InputError(f"{where}: indicator '{ind}' is not in the store's catalogue. Nothing was written.")
            level = normalise_level(r.get("level") or "space")
            if level not in known_units:
                known_units[level] = {
                    k for (k,) in self._all("SELECT DISTINCT key FROM sm_units WHERE level = ?", (level,))
                }
            key = r["unit_key"]
            if not isinstance(key, str):
                raise InputError(f"{where}: the unit key {key!r} must be text (leading zeros matter).")
            if key not in known_units[level]:
                raise InputError(f"{where}: unit '{key}' is not in the store at level '{level}'. Nothing was written.")
            try:
                tv = (
                    float(str(r["target_value"]).strip().replace(",", "."))
                    if isinstance(r["target_value"], str)
                    else float(r["target_value"])
                )
            except (TypeError, ValueError):
                raise InputError(f"{where}: target value '{r['target_value']}' is not a number.")
            direction = r.get("direction")
            if direction is None or (isinstance(direction, float) and math.isnan(direction)) or direction == "":
                pol = indicators.get(ind, {}).get("polarity", "higher_worse")
                direction = "at_least" if pol == "higher_better" else "at_most"
            direction = normalise_direction(direction)
            bd = r.get("baseline_date")
            bd = (
                None
                if bd is None or (isinstance(bd, float) and math.isnan(bd)) or bd == ""
                else normalise_date(bd, "baseline date")
            )
            bv = r.get("baseline_value")
            if isinstance(bv, str):
                bv = bv.strip().replace(",", ".")
            try:
                bv = None if bv is None or bv == "" or (isinstance(bv, float) and math.isnan(bv)) else float(bv)
            except ValueError:
                raise InputError(f"{where}: baseline value '{bv}' is not a number.")
            note = r.get("note")
            note = None if note is None or (isinstance(note, float) and math.isnan(note)) else str(note)
            rows.append((ind, level, key, tv, direction, normalise_date(r["deadline"], "deadline"), bd, bv, note))
        with self.transaction() as cur:
            cur.executemany(
                self.dialect.sql(
                    "INSERT INTO sm_targets (indicator, level, unit_key, target_value, direction, deadline, "
                    "baseline_date, baseline_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (indicator, level, unit_key, deadline) DO UPDATE SET "
                    "target_value = excluded.target_value, direction = excluded.direction, "
                    "baseline_date = excluded.baseline_date, baseline_value = excluded.baseline_value, "
                    "note = excluded.note"
                ),
                rows,
            )
        return len(rows)

    def targets(self):
        import pandas as pd

        cur = self._q(
            "SELECT target_id, indicator, level, unit_key, target_value, direction, deadline, "
            "baseline_date, baseline_value, note FROM sm_targets ORDER BY indicator, level, unit_key, "
            "deadline"
        )
        df = pd.DataFrame.from_records(cur.fetchall(), columns=[c[0] for c in cur.description])
        for c in ("deadline", "baseline_date"):
            df[c] = [_iso(v) for v in df[c]]
        return df

    def evaluate_targets(self, at=None):
        """Attainment per target: baseline, current value, trend per year, projection, status.

        status: 'achieved' (current value meets the target), 'missed' (deadline passed, not met), 'on_track'
        (the linear trend since the baseline reaches the target by the deadline), 'off_track', 'no_data'.
        attainment_pct = 100 * (current - baseline) / (target - baseline); when the baseline already meets the
        target there is no gap to close: 100 while the target stays met, else 0.
        """
        import numpy as np
        import pandas as pd

        at = normalise_date(at, "evaluation date") if at is not None else None
        targets = self.targets()
        out = []
        series_cache = {}
        for t in targets.to_dict("records"):
            cache_key = (t["level"], t["indicator"])
            if cache_key not in series_cache:
                series_cache[cache_key] = self.read_series(
                    t["level"], variables=[t["indicator"]], end=at, geometry_at=at
                )
            s = series_cache[cache_key]
            s = s[(s["unit_key"] == t["unit_key"]) & s["value"].notna()].sort_values("ref_date")
            res = dict(t)
            res.update(
                baseline=None,
                baseline_used_date=None,
                current=None,
                current_date=None,
                change=None,
                attainment_pct=None,
                trend_per_year=None,
                projected=None,
                status="no_data",
            )
            bdate, bval = t["baseline_date"], t["baseline_value"]
            if bval is None or (isinstance(bval, float) and math.isnan(bval)):
                if bdate is not None:
                    hit = s[s["ref_date"] == bdate]
                    bval = float(hit["value"].iloc[0]) if len(hit) else None
                elif len(s):
                    bdate, bval = s["ref_date"].iloc[0], float(s["value"].iloc[0])
            if bval is not None and bdate is None and len(s):
                bdate = s["ref_date"].iloc[0]
            later = s[s["ref_date"] >= bdate] if bdate is not None else s.iloc[0:0]
            if bval is None or not len(later):
                out.append(res)
                continue
            cur_date, cur_val = later["ref_date"].iloc[-1], float(later["value"].iloc[-1])
            tv = float(t["target_value"])
            res.update(
                baseline=bval, baseline_used_date=bdate, current=cur_val, current_date=cur_date, change=cur_val - bval
            )
            meets = (lambda v: v <= tv) if t["direction"] == "at_most" else (lambda v: v >= tv)
            gap = tv - bval
            if meets(bval):  # nothing to close at the baseline: 100 % while it stays met, else 0 %
                res["attainment_pct"] = 100.0 if meets(cur_val) else 0.0
            else:
                res["attainment_pct"] = 100.0 * (cur_val - bval) / gap
            xs = [0.0] + [_years_between(bdate, d) for d in later["ref_date"] if d != bdate]
            ys = [bval] + [float(v) for d, v in zip(later["ref_date"], later["value"]) if d != bdate]
            if len(xs) >= 2 and max(xs) > 0:
                slope = float(np.polyfit(xs, ys, 1)[0])
            else:
                slope = None
            res["trend_per_year"] = slope
            if slope is not None:
                res["projected"] = cur_val + slope * _years_between(cur_date, t["deadline"])
            eval_date = at or _dt.date.today().isoformat()
            if meets(cur_val):
                res["status"] = "achieved"
            elif t["deadline"] < eval_date:
                res["status"] = "missed"
            elif res["projected"] is not None and meets(res["projected"]):
                res["status"] = "on_track"
            else:
                res["status"] = "off_track"
            out.append(res)
        cols = list(targets.columns) + [
            "baseline",
            "baseline_used_date",
            "current",
            "current_date",
            "change",
            "attainment_pct",
            "trend_per_year",
            "projected",
            "status",
        ]
        return pd.DataFrame(out, columns=cols)

    # -------------------------------------------------------------------------------- carrying values
    def carry_values(
        self,
        *,
        from_at,
        to_at,
        ref_dates=None,
        variables=None,
        weight_variable="ew",
        level="space",
        block_level="block",
        progress=None,
    ):
        """Carry values of old social spaces onto new ones through block-level weights (flagged estimated).

        Old spaces: versions valid at `from_at`, with the block -> space assignment valid then; new spaces:
        versions and assignment valid at `to_at`. For each date, an old space's counts (and numerators,
        denominators) are split onto its blocks in proportion to the blocks' `weight_variable` (population) at
        that date (nearest date with weights if missing), then summed per new space. Rates are recomputed from
        the carried numerator and denominator; rates without them are weight-averaged. New spaces whose
        version and blocks did not change are left alone.
        """
        import numpy as np
        import pandas as pd

        level, block_level = normalise_level(level), normalise_level(block_level)
        from_at, to_at = normalise_date(from_at, "old boundary date"), normalise_date(to_at, "new boundary date")
        rec = self.catalogue()
        if rec is None:
            raise InputError("The store has no catalogue and no values yet; nothing to carry.")
        indicators, countvars = self._catalogue_ids(rec[2])
        old_assign = self.assignment(block_level, level, from_at)
        new_assign = self.assignment(block_level, level, to_at)
        if not old_assign or not new_assign:
            raise InputError(
                f"The store has no block -> {level} assignment valid at "
                f"{from_at if not old_assign else to_at}. Register the blocks with their "
                f"{level} (put_units with a parent column) for both boundary versions."
            )
        old_units = self.units(level, from_at, with_geometry=False).set_index("key")["fid"]
        new_units = self.units(level, to_at, with_geometry=False).set_index("key")["fid"]
        blocks = pd.DataFrame({"block": sorted(set(old_assign) | set(new_assign))})
        blocks["old"] = blocks["block"].map(old_assign)
        blocks["new"] = blocks["block"].map(new_assign)
        # new spaces that kept their version and their blocks need no estimate
        old_members = blocks.dropna(subset=["old"]).groupby("old")["block"].apply(frozenset)
        new_members = blocks.dropna(subset=["new"]).groupby("new")["block"].apply(frozenset)
        unchanged = {
            k
            for k in new_members.index
            if k in old_units.index
            and k in new_units.index
            and old_units[k] == new_units[k]
            and old_members.get(k) == new_members[k]
        }
        missing_new = sorted(set(new_members.index) - set(new_units.index))
        if missing_new:
            raise InputError(
                f"Blocks are assigned to {level} key(s) not registered as units valid at {to_at}: "
                f"{', '.join(missing_new[:10])}. Register the new {level} geometries first."
            )
        if ref_dates is None:
            ref_dates = sorted({d for d in self.dates(level)})
        ref_dates = [normalise_date(d) for d in ref_dates]
        weights_all = self.read_series(block_level, variables=[weight_variable], geometry_at=None)
        if not len(weights_all):
            raise InputError(
                f"The store has no block values of '{weight_variable}' to weight with. Write the "
                f"block populations first."
            )
        wdates = sorted(weights_all["ref_date"].unique())
        frames = []
        for i, d in enumerate(ref_dates):
            old = self.read_slice(level, d, variables, geometry_at=from_at)
            if not len(old):
                continue
            wd = min(wdates, key=lambda x: (abs((_dt.date.fromisoformat(x) - _dt.date.fromisoformat(d)).days), x > d))
            w = weights_all[weights_all["ref_date"] == wd].set_index("unit_key")["value"]
            b = blocks.dropna(subset=["old", "new"]).copy()
            b["w"] = b["block"].map(w).fillna(0.0)
            tot = b.groupby("old")["w"].transform("sum")
            cnt = b.groupby("old")["w"].transform("size")
            b["share"] = np.where(tot > 0, b["w"] / tot.where(tot > 0, 1), 1.0 / cnt)
            for var, ov in old.groupby("variable"):
                ov = ov.set_index("unit_key")
                bb = b[b["old"].isin(ov.index)].copy()
                if not len(bb):
                    continue
                for c in ("value", "numerator", "denominator", "suppressed", "unreliable", "interpolated"):
                    bb[c] = bb["old"].map(ov[c])
                grp = bb.groupby("new")
                res = pd.DataFrame(index=grp.size().index)
                for c in ("numerator", "denominator"):
                    part = bb[c] * bb["share"]
                    res[c] = part.groupby(bb["new"]).sum(min_count=1)
                    res.loc[bb[c].isna().groupby(bb["new"]).any(), c] = np.nan
                ind = indicators.get(var)
                additive = ind is None or not ind.get("denominator")
                if additive:
                    part = bb["value"] * bb["share"]
                    res["value"] = part.groupby(bb["new"]).sum(min_count=1)
                    res.loc[bb["value"].isna().groupby(bb["new"]).any(), "value"] = np.nan
                else:
                    mult = ind.get("multiplier")
                    if mult is None:
                        ok = ov["numerator"].notna() & ov["denominator"].notna() & (ov["numerator"] != 0)
                        mult = (
                            float((ov.loc[ok, "value"] * ov.loc[ok, "denominator"] / ov.loc[ok, "numerator"]).median())
                            if ok.any()
                            else None
                        )
                    if mult is not None and res["denominator"].notna().any():
                        res["value"] = np.where(
                            res["denominator"] > 0,
                            res["numerator"] / res["denominator"].where(res["denominator"] > 0) * float(mult),
                            np.nan,
                        )
                    else:
                        wv = bb["w"] * bb["value"]
                        wsum = bb["w"].where(bb["value"].notna()).groupby(bb["new"]).sum()
                        res["value"] = wv.groupby(bb["new"]).sum(min_count=1) / wsum.where(wsum > 0)
                for f in ("suppressed", "unreliable", "interpolated"):
                    res[f] = bb[f].groupby(bb["new"]).max().astype(int)
                res["estimated"] = 1
                res["note"] = f"carried from {level} boundaries of {from_at} by {weight_variable} of {wd}"
                res["variable"] = var
                res["ref_date"] = d
                res.index.name = "unit_key"
                frames.append(res.reset_index())
            if progress is not None:
                progress(0.8 * (i + 1) / len(ref_dates))
        if not frames:
            raise InputError(f"No {level} values found for the old boundaries ({from_at}) to carry.")
        df = pd.concat(frames, ignore_index=True)
        df = df[~df["unit_key"].isin(unchanged)]
        df["unit_fid"] = df["unit_key"].map(new_units).astype("int64")
        r = (
            self._write(
                df,
                level=level,
                record=rec,
                source=f"carry {from_at} -> {to_at}",
                source_sha256=None,
                operation="carry",
                progress=None,
                chunk_size=CHUNK_SIZE,
            )
            if len(df)
            else WriteResult("unchanged", message="All spaces kept their boundaries; nothing to carry.")
        )
        if progress is not None:
            progress(1.0)
        r.details.update(unchanged_spaces=sorted(unchanged), dates=ref_dates)
        return r


def pd_empty(columns):
    import pandas as pd

    return pd.DataFrame(columns=columns)


class _NothingChanged(Exception):
    """Raised inside the write transaction to roll it back (and its import log row) when nothing differs."""


# ----------------------------------------------------------------------------------------------- wide tables


def values_from_wide(table, key_column, indicators, ref_date=None):
    """Long values from a layer/table with the contract columns <id>, <id>_num, <id>_den, <id>_flag."""
    import pandas as pd

    frames = []
    for ind in indicators:
        if ind not in table.columns:
            raise InputError(f"The table has no column '{ind}' for indicator/variable '{ind}'.")
        part = pd.DataFrame({"unit_key": table[key_column].to_numpy(), "variable": ind, "value": table[ind].to_numpy()})
        for suffix, col in (("_num", "numerator"), ("_den", "denominator"), ("_flag", "flag")):
            if ind + suffix in table.columns:
                part[col] = table[ind + suffix].to_numpy()
        frames.append(part)
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["unit_key", "variable", "value"])
    if "flag" in df.columns:
        df["flag"] = df["flag"].fillna("").astype(str)
    if ref_date is not None:
        df["ref_date"] = normalise_date(ref_date)
    return df


_SUFFIXES = {"": "value", "_num": "numerator", "_den": "denominator", "_flag": "flag"}


def values_from_layer(table, key_column, known_ids, *, layout="auto", date_column=None, ref_date=None):
    """Long values from an aggregated layer's attribute table (contract of sozialplanung:aggregateindicators).

    Wide layout: columns <id>_<year>, <id>_num_<year>, <id>_den_<year>, <id>_flag_<year> (the year gives the
    reference date 31.12.), or <id>, <id>_num ... with one `ref_date` for the whole table. Long layout: one row
    per unit and date, the date (or year) in `date_column`. Only ids of the catalogue (`known_ids`) are taken;
    changes, references and other columns are ignored. Rows without value, numerator, denominator and flag are
    dropped (nothing to store). Returns unit_key, variable, ref_date, value, numerator, denominator, flag.
    """
    import numpy as np
    import pandas as pd

    known = set(known_ids)
    if key_column not in table.columns:
        raise InputError(
            f"The layer has no key field '{key_column}'. Its fields: {', '.join(map(str, table.columns))}."
        )
    if layout == "auto":
        layout = (
            "long"
            if (date_column and date_column in table.columns)
            or (date_column is None and "year" in table.columns and ref_date is None)
            else "wide"
        )
    keys = table[key_column].to_numpy(dtype=object)
    parts = []
    if layout == "long":
        date_column = date_column or "year"
        if date_column not in table.columns:
            raise InputError(
                f"The layer has no date/year field '{date_column}' (long layout: one row per unit and "
                f"date). Choose the field with the year or reference date."
            )
        uniq = {v: normalise_date(v, f"date in field '{date_column}'") for v in pd.unique(table[date_column])}
        dates = table[date_column].map(uniq).to_numpy(dtype=object)
        groups = {}
        for col in table.columns:
            for sfx in ("_num", "_den", "_flag", ""):
                if col.endswith(sfx) and col[: len(col) - len(sfx)] in known:
                    groups.setdefault(col[: len(col) - len(sfx)], {})[_SUFFIXES[sfx]] = col
                    break
        for var, cols in groups.items():
            if "value" in cols:
                parts.append((var, dates, cols))
    else:
        groups = {}
        for col in table.columns:
            f = store_field(col, known)
            # <id>, an optional _num/_den/_flag, then _<year> (core.fields); changes, references, unknown ids skip
            if f and f[2] is not None:
                groups.setdefault((f[0], f[2]), {})[_SUFFIXES["_" + f[1] if f[1] else ""]] = col
        if groups:
            for (var, year), cols in sorted(groups.items()):
                if "value" in cols:
                    parts.append((var, np.full(len(table), f"{year}-12-31", dtype=object), cols))
        else:
            if ref_date is None:
                raise InputError(
                    "The layer has indicator fields without a year. Give the reference date (or year) of the values."
                )
            d = normalise_date(ref_date)
            for col in table.columns:
                if col in known:
                    cols = {"value": col}
                    for sfx in ("_num", "_den", "_flag"):
                        if col + sfx in table.columns:
                            cols[_SUFFIXES[sfx]] = col + sfx
                    parts.append((col, np.full(len(table), d, dtype=object), cols))
    if not parts:
        raise InputError(
            f"The layer has no fields of catalogue indicators or count variables "
            f"(e.g. {', '.join(sorted(known)[:5])} ...). Check the layer and the catalogue."
        )
    frames = []
    for var, dates, cols in parts:
        f = pd.DataFrame(
            {
                "unit_key": keys,
                "variable": var,
                "ref_date": dates,
                "value": pd.to_numeric(table[cols["value"]], errors="coerce").to_numpy(dtype=float),
            }
        )
        for c in ("numerator", "denominator"):
            f[c] = pd.to_numeric(table[cols[c]], errors="coerce").to_numpy(dtype=float) if c in cols else np.nan
        f["flag"] = table[cols["flag"]].fillna("").astype(str).to_numpy() if "flag" in cols else ""
        frames.append(f)
    df = pd.concat(frames, ignore_index=True)
    empty = df["value"].isna() & df["numerator"].isna() & df["denominator"].isna() & (df["flag"] == "")
    return df[~empty].reset_index(drop=True)


def relevant_columns(columns, known_ids):
    """Columns values_from_layer can use (<id>, <id>_num/_den/_flag, with or without _<year>): reading only
    these from a wide layer with changes and references skips more than half of its fields."""
    known = set(known_ids)
    return [c for c in columns if store_field(c, known)]


def flag_text(row):
    """The contract's <id>_flag text from the stored flags and note."""
    parts = [f for f in FLAGS if row.get(f)]
    if row.get("note") and not str(row.get("note")).startswith("carried"):
        parts += [p for p in str(row["note"]).split(",") if p]
    return ",".join(parts)


def to_wide(long, by="variable"):
    """Wide table indexed by unit_key: by='variable' -> <id>, <id>_num, <id>_den, <id>_flag (one date);
    by='date' -> <id>_<year> (a series; the year of each reference date)."""
    import pandas as pd

    if not len(long):
        return pd.DataFrame(index=pd.Index([], name="unit_key"))
    df = long.copy()
    if by == "date":
        df["col"] = df["variable"] + "_" + df["ref_date"].str[:4]
        if df.duplicated(["unit_key", "col"]).any():
            df["col"] = df["variable"] + "_" + df["ref_date"].str.replace("-", "")
        return df.pivot(index="unit_key", columns="col", values="value")
    if df["ref_date"].nunique() > 1:
        raise InputError("to_wide(by='variable') needs values of one reference date; use by='date' for series.")
    df["flag"] = [flag_text(r) for r in df[list(FLAGS) + ["note"]].to_dict("records")] if len(df) else []
    out = {}
    for var, part in df.groupby("variable", sort=False):
        p = part.set_index("unit_key")
        out[var] = p["value"]
        out[var + "_num"] = p["numerator"]
        out[var + "_den"] = p["denominator"]
        out[var + "_flag"] = p["flag"]
    wide = pd.DataFrame(out)
    wide.index.name = "unit_key"
    return wide


def wide_by_year(long):
    """Series as one row per unit: <id>_<year>, <id>_num_<year>, <id>_den_<year>, <id>_flag_<year> (the layout
    of sozialplanung:aggregateindicators, so the table can be written back). Dates other than 31.12. or two
    dates in one year get the full date (<id>_<yyyymmdd>)."""
    import pandas as pd

    if not len(long):
        return pd.DataFrame(index=pd.Index([], name="unit_key"))
    df = long.copy()
    tag = df["ref_date"].str[:4]
    if (
        df.groupby(["unit_key", "variable"])["ref_date"].nunique().max()
        != df.assign(t=tag).groupby(["unit_key", "variable"])["t"].nunique().max()
        or not df["ref_date"].str.endswith("-12-31").all()
    ):
        tag = df["ref_date"].str.replace("-", "")
    df["tag"] = tag
    df["flag"] = [flag_text(r) for r in df[list(FLAGS) + ["note"]].to_dict("records")]
    out = {}
    for (var, t), part in df.groupby(["variable", "tag"], sort=False):
        p = part.set_index("unit_key")
        out[f"{var}_{t}"] = p["value"]
        out[f"{var}_num_{t}"] = p["numerator"]
        out[f"{var}_den_{t}"] = p["denominator"]
        out[f"{var}_flag_{t}"] = p["flag"]
    wide = pd.DataFrame(out)
    wide.index.name = "unit_key"
    return wide


def open_store(target, **kwargs):
    """Shortcut for Store.open."""
    return Store.open(target, **kwargs)
