"""GeoPackage 1.2 metadata written by the store itself (no GDAL needed): header, SRS, contents, R-tree.

The R-tree triggers call ST_MinX ... ST_IsEmpty, which the store registers as SQLite functions on each
connection (connection.py), so any GeoPackage reader sees a standard spatial index.
"""

from .geometry import srs_definition


def init(cur, srid):
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
    srs = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    ]
    for code in sorted({4326, int(srid)}):
        name, wkt = srs_definition(code)
        srs.append((name, code, "EPSG", code, wkt, None))
    cur.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", srs)


def register_feature_table(cur, srid, table, col, gtype, description, create_rtree=True):
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


def register_attributes(cur, table):
    """List a plain table in gpkg_contents, so that GIS programs show it."""
    cur.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)",
        (table, table),
    )
