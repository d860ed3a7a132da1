"""Sozialmonitoring store: values of every year, the catalogue, targets and an import log in one database.

Why one package for two backends: a county starts with one GeoPackage file on a desk and may later move to a
shared PostgreSQL/PostGIS server. Both speak DB-API (sqlite3, psycopg2) and both support
INSERT ... ON CONFLICT DO UPDATE, so one code path with a tiny dialect layer (placeholders, types, geometry
in/out, bulk staging) serves both and the two cannot drift apart. The schema is versioned (sm_schema_version)
and migrated by ordered steps. See docs/store.md for the tables and the operations.

Modules: common (levels, flags, dates), geometry (WKB, GeoPackage blobs), dialects (SQLite vs PostgreSQL),
gpkg (GeoPackage metadata), migrations (schema steps), connection (open, transactions), catalogue, units,
values, targets, carry (the operations, as mixins of api.Store), layers (long values <-> the wide field contract).

No qgis import here: geometries travel as WKB (bytes) or shapely geometries.
"""

from .api import Store
from .catalogue import catalogue_record
from .common import (
    ALWAYS,
    CHUNK_SIZE,
    DEFAULT_PG_SCHEMA,
    DEFAULT_SRID,
    DIRECTIONS,
    FLAGS,
    LEVEL_NAMES,
    LEVELS,
    VALUE_COLUMNS,
    file_sha256,
    normalise_date,
    normalise_direction,
    normalise_level,
    plugin_version,
)
from .dialects import is_pg_target
from .geometry import gpkg_blob, gpkg_blob_to_wkb
from .layers import flag_text, relevant_columns, to_wide, values_from_layer, values_from_wide, wide_by_year
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .values import WriteResult

__all__ = [
    "ALWAYS",
    "CHUNK_SIZE",
    "DEFAULT_PG_SCHEMA",
    "DEFAULT_SRID",
    "DIRECTIONS",
    "FLAGS",
    "LEVELS",
    "LEVEL_NAMES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "VALUE_COLUMNS",
    "Store",
    "WriteResult",
    "catalogue_record",
    "file_sha256",
    "flag_text",
    "gpkg_blob",
    "gpkg_blob_to_wkb",
    "is_pg_target",
    "normalise_date",
    "normalise_direction",
    "normalise_level",
    "plugin_version",
    "relevant_columns",
    "to_wide",
    "values_from_layer",
    "values_from_wide",
    "wide_by_year",
]
