"""Schema migrations: ordered steps, each applied once and recorded in sm_schema_version.

Never edit a released step; add a new one. Tokens in {} come from the dialect's column types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from . import gpkg
from .common import LEVEL_NAMES, LEVELS, utc_now
from .sql import Ident, Keyword, Literal

if TYPE_CHECKING:
    from .connection import StoreConnection


def _migration_1(store, cur):
    d = store.dialect
    stmts = [
        "CREATE TABLE IF NOT EXISTS sm_meta (key {text} PRIMARY KEY, value {text})",
        """CREATE TABLE IF NOT EXISTS sm_levels (level {text} PRIMARY KEY, rank {int} NOT NULL,
               name {text} NOT NULL, parent_level {text})""",
        """CREATE TABLE IF NOT EXISTS sm_units (fid {pk}, level {text} NOT NULL, key {text} NOT NULL,
               name {text}, valid_from {date} NOT NULL, valid_to {date}, area_km2 {real}, geom {geomtype},
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
    if d.name == "gpkg":
        geomtype = d.compose("MULTIPOLYGON")
    else:
        geomtype = d.compose("geometry(MultiPolygon, {srid})", srid=Literal(int(store.srid)))
    for s in stmts:
        cur.execute(d.fill(s, geomtype=geomtype))
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
        gpkg.register_feature_table(
            cur,
            store.srid,
            "sm_units",
            "geom",
            "MULTIPOLYGON",
            "Spatial units of all levels, versioned (valid_from/valid_to)",
        )
        for t in ("sm_meta", "sm_levels", "sm_assignment", "sm_catalogue", "sm_import_log", "sm_values", "sm_targets"):
            gpkg.register_attributes(cur, t)
    else:
        cur.execute("CREATE INDEX IF NOT EXISTS sm_units_geom ON sm_units USING gist (geom)")


def _migration_2(store, cur):
    """Views with the current units of each level, so that QGIS lists one layer per level."""
    for lv in LEVELS:
        view = f"sm_current_{lv}"
        cur.execute(
            store.dialect.compose(
                "CREATE VIEW {view} AS SELECT fid, key, name, valid_from, area_km2, geom FROM sm_units "
                "WHERE level = {level} AND valid_to IS NULL",
                view=Ident(view),
                level=Literal(lv),  # a view cannot take parameters
            )
        )
        if store.dialect.name == "gpkg":
            gpkg.register_feature_table(
                cur, store.srid, view, "geom", "MULTIPOLYGON", f"Current units of level {lv}", create_rtree=False
            )


def _migration_3(store, cur):
    """The municipality of every unit (what row-level security goes by) and who wrote each import."""
    d = store.dialect
    cur.execute("ALTER TABLE sm_units ADD COLUMN municipality TEXT")
    if d.name == "gpkg":
        cur.execute("ALTER TABLE sm_import_log ADD COLUMN imported_by TEXT")
        prefix = "substr(key, 1, 8) GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"
    else:
        cur.execute("ALTER TABLE sm_import_log ADD COLUMN imported_by TEXT DEFAULT session_user")
        prefix = "key ~ '^[0-9]{8}'"
    cur.execute(
        d.compose(
            "UPDATE sm_units SET municipality = CASE WHEN level = 'municipality' THEN key "
            "WHEN level = 'county' THEN NULL WHEN {p} THEN substr(key, 1, 8) END",
            p=Keyword(prefix),
        )
    )
    cur.execute("CREATE INDEX sm_units_municipality ON sm_units (municipality)")


def _migration_4(store, cur):
    """Facilities (social infrastructure) as a versioned point layer: what was open where, year by year."""
    d = store.dialect
    geomtype = (
        d.compose("POINT") if d.name == "gpkg" else d.compose("geometry(Point, {srid})", srid=Literal(int(store.srid)))
    )
    cur.execute(
        d.fill(
            "CREATE TABLE sm_facilities (fid {pk}, facility_key {text} NOT NULL, type {text} NOT NULL, name {text}, "
            "capacity {real}, opened {date}, closed {date}, municipality {text}, attributes {json}, "
            "valid_from {date} NOT NULL, valid_to {date}, import_id {int}, geom {geomtype}, "
            "UNIQUE (facility_key, valid_from))",
            geomtype=geomtype,
        )
    )
    cur.execute("CREATE INDEX sm_facilities_key ON sm_facilities (facility_key)")
    cur.execute("CREATE INDEX sm_facilities_type ON sm_facilities (type, valid_from)")
    cur.execute(
        "CREATE VIEW sm_current_facilities AS SELECT fid, facility_key, type, name, capacity, opened, closed, "
        "municipality, valid_from, geom FROM sm_facilities WHERE valid_to IS NULL"
    )
    if d.name == "gpkg":
        gpkg.register_feature_table(
            cur, store.srid, "sm_facilities", "geom", "POINT", "Facilities, versioned (valid_from/valid_to)"
        )
        gpkg.register_feature_table(
            cur, store.srid, "sm_current_facilities", "geom", "POINT", "Current facilities", create_rtree=False
        )
    else:
        cur.execute("CREATE INDEX sm_facilities_geom ON sm_facilities USING gist (geom)")


MIGRATIONS = [
    (1, "Base schema: levels, versioned units, assignment, catalogue, values, targets, import log", _migration_1),
    (2, "Views with the current units per level", _migration_2),
    (3, "Municipality of each unit (row-level security), who wrote each import", _migration_3),
    (4, "Facilities as a versioned point layer (opened/closed, capacity)", _migration_4),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _newer_message(store, current):
    return tr(
        "The store '{store}' has schema version {current}, newer than this "
        "plugin knows ({known}). Update the Sozialplanung plugin.",
        store=store.display_name,
        current=current,
        known=SCHEMA_VERSION,
    )


def migrate(store: StoreConnection, upto: int | None = None, read_only: bool = False) -> None:
    """Bring the store to schema version `upto` (default: the newest); refuse a newer store.

    The version is read first and the write transaction starts only when a step is missing, so opening an
    up-to-date store writes nothing (a GeoPackage stays byte-identical). `read_only`: never write; a store
    that needs a step is refused with a message to open it once with a writing algorithm.
    """
    upto = SCHEMA_VERSION if upto is None else upto
    if store.dialect.name == "postgis":
        _pg_search_path(store)
    current = current_version(store)
    if current is not None and current > SCHEMA_VERSION:
        raise InputError(_newer_message(store, current))
    if current is None or current < upto:
        if read_only:
            if current is None:
                raise InputError(
                    tr(
                        "'{store}' holds no Sozialmonitoring store (no table sm_schema_version). "
                        "Check the path or the schema name.",
                        store=store.display_name,
                    )
                )
            raise InputError(
                tr(
                    "The store '{store}' has schema version {current}; this plugin needs {needed}. "
                    "Run a writing algorithm on it once (e.g. storeunits or storewrite), which updates it.",
                    store=store.display_name,
                    current=current,
                    needed=upto,
                )
            )
        try:
            _migrate_steps(store, upto)
        except Exception as exc:
            code = getattr(exc, "pgcode", None) or getattr(exc.__cause__, "pgcode", None)
            if code == "42501":  # insufficient privilege
                raise InputError(
                    tr(
                        "The PostgreSQL user may not create or update the store's schema "
                        "'{schema}' ({error}). Open the store once as its owner (the "
                        "role that may create tables in the schema), see docs/store.md.",
                        schema=store.schema,
                        error=str(exc.__cause__ or exc).strip(),
                    )
                ) from exc
            raise
    row = store._all("SELECT value FROM sm_meta WHERE key = 'srid'")
    if row:
        store.srid = int(row[0][0])


def current_version(store: StoreConnection) -> int | None:
    """Schema version of the store, read without writing; None when the database holds no store yet."""
    if store.dialect.name == "gpkg":
        found = store._all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sm_schema_version'")
    else:
        found = store._all("SELECT 1 WHERE to_regclass('sm_schema_version') IS NOT NULL")
    if not found:
        return None
    return store._all("SELECT max(version) FROM sm_schema_version")[0][0] or 0


def _pg_search_path(store):
    """The store's schema first, then PostGIS's (read only: a session setting, nothing is written)."""
    d = store.dialect
    row = store._all(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'"
    )
    if row:
        store._q(d.compose("SET search_path TO {s}, {p}, public", s=Ident(store.schema), p=Ident(row[0][0])))
    else:
        store._q(d.compose("SET search_path TO {s}, public", s=Ident(store.schema)))


def _migrate_steps(store, upto=None):
    upto = SCHEMA_VERSION if upto is None else upto
    d = store.dialect
    with store.transaction() as cur:
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
                        tr(
                            "The PostgreSQL database has no PostGIS and the user may not install "
                            "it ({error}). Ask the database administrator to run "
                            "'CREATE EXTENSION postgis;' in this database.",
                            error=exc,
                        )
                    ) from exc
                cur.execute(
                    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                    "ON n.oid = e.extnamespace WHERE e.extname = 'postgis'"
                )
                row = cur.fetchone()
            # only create what is missing: planners and readers may use a store without CREATE rights
            cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (store.schema,))
            if cur.fetchone() is None:
                cur.execute(d.compose("CREATE SCHEMA {s}", s=Ident(store.schema)))
                store.created = True
            cur.execute(d.compose("SET search_path TO {s}, {p}, public", s=Ident(store.schema), p=Ident(row[0])))
            cur.execute("SELECT to_regclass('sm_schema_version')")
            has_version_table = cur.fetchone()[0] is not None
        else:
            gpkg.init(cur, store.srid)
            has_version_table = False
        if not has_version_table:
            cur.execute(
                d.fill(
                    "CREATE TABLE IF NOT EXISTS sm_schema_version (version {int} PRIMARY KEY, "
                    "applied_at {ts} NOT NULL, description {text})"
                )
            )
        if d.name == "gpkg":
            gpkg.register_attributes(cur, "sm_schema_version")
        cur.execute("SELECT max(version) FROM sm_schema_version")
        current = cur.fetchone()[0] or 0
        if current > SCHEMA_VERSION:
            raise InputError(_newer_message(store, current))
        for version, description, step in MIGRATIONS:
            if current < version <= upto:
                step(store, cur)
                cur.execute(
                    d.sql("INSERT INTO sm_schema_version (version, applied_at, description) VALUES (?, ?, ?)"),
                    (version, utc_now(), description),
                )
