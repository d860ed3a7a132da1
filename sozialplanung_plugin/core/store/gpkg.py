"""GeoPackage 1.2 metadata written by the store itself (no GDAL needed): header, SRS, contents, R-tree.

The R-tree triggers call ST_MinX ... ST_IsEmpty, which the store registers as SQLite functions on each
connection (connection.py), so any GeoPackage reader sees a standard spatial index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dialects import SqliteDialect
from .geometry import srs_definition
from .sql import Ident

if TYPE_CHECKING:
    import sqlite3

_DIALECT = SqliteDialect()  # names in the R-tree triggers are quoted like every other identifier


def init(cur: sqlite3.Cursor, srid: int) -> None:
    """GeoPackage 1.2 header and metadata tables (idempotent)."""
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
    srs: list[tuple[str, int, str, int, str, str | None]] = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ]
    for code in sorted({4326, int(srid)}):
        name, wkt = srs_definition(code)
        srs.append((name, code, "EPSG", code, wkt, None))
    cur.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", srs)


def register_feature_table(
    cur: sqlite3.Cursor, srid: int, table: str, col: str, gtype: str, description: str, create_rtree: bool = True
) -> None:
    """List a geometry table (or view) in gpkg_contents/gpkg_geometry_columns; R-tree index with the standard triggers."""
    cur.execute(
        "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, "
        "srs_id) VALUES (?, 'features', ?, ?, ?)",
        (table, table, description, int(srid)),
    )
    cur.execute(
        "INSERT OR REPLACE INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
        (table, col, gtype, int(srid)),
    )
    if not create_rtree:
        return
    rt = f"rtree_{table}_{col}"
    names = {"rt": Ident(rt), "t": Ident(table), "c": Ident(col), "fid": Ident("fid")}
    compose = _DIALECT.compose
    cur.execute(compose("CREATE VIRTUAL TABLE IF NOT EXISTS {rt} USING rtree(id, minx, maxx, miny, maxy)", **names))
    cur.execute(
        "INSERT OR IGNORE INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', "
        "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (table, col),
    )
    vals = compose("(NEW.{fid}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}))", **names)
    triggers = {
        "insert": "CREATE TRIGGER IF NOT EXISTS {name} AFTER INSERT ON {t} "
        "WHEN (NEW.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c})) "
        "BEGIN INSERT OR REPLACE INTO {rt} VALUES {vals}; END",
        "update1": "CREATE TRIGGER IF NOT EXISTS {name} AFTER UPDATE OF {c} ON {t} "
        "WHEN OLD.{fid} = NEW.{fid} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) "
        "BEGIN INSERT OR REPLACE INTO {rt} VALUES {vals}; END",
        "update2": "CREATE TRIGGER IF NOT EXISTS {name} AFTER UPDATE OF {c} ON {t} "
        "WHEN OLD.{fid} = NEW.{fid} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c})) "
        "BEGIN DELETE FROM {rt} WHERE id = OLD.{fid}; END",
        "delete": "CREATE TRIGGER IF NOT EXISTS {name} AFTER DELETE ON {t} "
        "WHEN OLD.{c} NOT NULL BEGIN DELETE FROM {rt} WHERE id = OLD.{fid}; END",
    }
    for suffix, template in triggers.items():
        cur.execute(compose(template, name=Ident(f"{rt}_{suffix}"), vals=vals, **names))


def register_attributes(cur: sqlite3.Cursor, table: str) -> None:
    """List a plain table in gpkg_contents, so that GIS programs show it."""
    cur.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)",
        (table, table),
    )
