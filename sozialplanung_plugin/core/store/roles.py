"""A shared PostgreSQL store as a county runs it: roles, row-level security, grants, published views, audit.

Everything here is PostgreSQL's own machinery, so it holds whoever the client is (psql, a web portal, QGIS
without the plugin): group roles and GRANTs say which tables a role may touch at all, row-level security
policies say which rows (by the unit's municipality key), security_barrier views are the only way the
publication role sees anything, and statement triggers fill an audit table only the administrator reads.

Roles (``<prefix>`` defaults to the schema name; logins are made members of one of them):
  <prefix>_admin         owns the schema and every table: migrations, imports, the audit (bypasses RLS as owner)
  <prefix>_county        the county's planners: read and write everything
  <prefix>_municipality  group of the municipality roles (the policies name it)
  <prefix>_m_<key>       one per municipality: read and write its own units, values, targets; read the others'
                         published values and their units above block level
  <prefix>_publication   reads only sm_published_values / sm_published_units: values that passed disclosure
                         control, never block level

GeoPackage stores have none of this: a file is single-user, protected by the permissions of its folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from .sql import Ident, Literal, check_name, idents

if TYPE_CHECKING:
    from .api import Store

PROTECTED = ("sm_units", "sm_values", "sm_assignment", "sm_targets", "sm_import_log", "sm_facilities")
WRITABLE = ("sm_units", "sm_values", "sm_assignment", "sm_targets", "sm_import_log", "sm_catalogue", "sm_facilities")
READABLE = ("sm_meta", "sm_levels", "sm_schema_version", "sm_role_municipality", "sm_disclosure")
AUDITED = {
    "sm_values": ("unit_fid", "variable", "ref_date"),
    "sm_units": ("fid",),
    "sm_assignment": ("level", "key", "parent_level", "valid_from"),
    "sm_targets": ("target_id",),
    "sm_facilities": ("fid",),
}
DEFAULT_THRESHOLD = 3


@dataclass
class RoleSetup:
    """What apply_roles did (or what the script would do)."""

    prefix: str
    admin: str
    county: str
    municipality_group: str
    publication: str
    municipalities: dict = field(default_factory=dict)  # municipality key -> role name
    threshold: int = DEFAULT_THRESHOLD
    statements: list = field(default_factory=list)  # (comment, composed statement)


def role_name(prefix: str, suffix: str) -> str:
    """<prefix>_<suffix> with anything but letters, digits and '_' turned into '_' (a municipality key '05378004'
    gives 'sozialmonitoring_m_05378004'); checked like every identifier."""
    text = f"{prefix}_{suffix}".lower()
    return check_name(re.sub(r"[^a-z0-9_]", "_", text), "role name")


def plan_roles(
    store: Store,
    prefix: str | None = None,
    municipalities: Iterable[str] | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> RoleSetup:
    """The statements that set up roles, grants, policies, published views and the audit (nothing is executed).

    `municipalities`: municipality keys that get a role; default: every municipality key in sm_units.
    """
    schema = store.schema  # a PostgreSQL store is always opened on a schema
    if store.dialect.name != "postgis" or schema is None:
        raise InputError(
            tr(
                "Roles, row-level security and the audit exist only for a PostgreSQL store. A GeoPackage store is "
                "single-user: it is protected by the permissions of its folder (see docs/store.md)."
            )
        )
    prefix = check_name(prefix or schema, "role prefix")
    if municipalities is None:
        municipalities = sorted(
            {
                m
                for (m,) in store._all(
                    "SELECT DISTINCT municipality FROM sm_units WHERE municipality IS NOT NULL ORDER BY 1"
                )
            }
        )
    threshold = int(threshold)
    if threshold < 1:
        raise InputError(tr("The disclosure threshold must be at least 1 (usually 3)."))
    setup = RoleSetup(
        prefix,
        role_name(prefix, "admin"),
        role_name(prefix, "county"),
        role_name(prefix, "municipality"),
        role_name(prefix, "publication"),
        {m: role_name(prefix, f"m_{m}") for m in municipalities},
        threshold,
    )
    q = store.dialect.compose
    st = setup.statements

    def add(comment, template, **parts):
        st.append((comment, q(template, **parts)))

    s = Ident(schema)
    admin, county, group, publication = (
        Ident(r) for r in (setup.admin, setup.county, setup.municipality_group, setup.publication)
    )
    # roles: group roles without login; people log in with their own login role that is a member of one of them
    for r in [setup.admin, setup.county, setup.municipality_group, setup.publication, *setup.municipalities.values()]:
        add(
            f"role {r}",
            "DO $do$ BEGIN CREATE ROLE {r} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $do$",
            r=Ident(r),
        )
    for r in setup.municipalities.values():
        add(f"{r} is a municipality", "GRANT {g} TO {r}", g=group, r=Ident(r))
    # tables of the role setup (PostgreSQL only, so not part of the schema migrations)
    add(
        "which municipality each municipality role stands for",
        "CREATE TABLE IF NOT EXISTS {s}.sm_role_municipality (role_name TEXT PRIMARY KEY, municipality TEXT NOT NULL)",
        s=s,
    )
    add(
        "the disclosure rule per variable (written by the administrator only)",
        "CREATE TABLE IF NOT EXISTS {s}.sm_disclosure (variable TEXT PRIMARY KEY, value_is_count BOOLEAN NOT NULL, "
        "denominator_is_count BOOLEAN NOT NULL, threshold DOUBLE PRECISION NOT NULL)",
        s=s,
    )
    add(
        "the audit: who changed which rows when, in which import",
        "CREATE TABLE IF NOT EXISTS {s}.sm_audit (audit_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        "at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), login TEXT NOT NULL DEFAULT session_user, "
        "acting_role TEXT NOT NULL DEFAULT current_user, txid BIGINT NOT NULL DEFAULT txid_current(), "
        "table_name TEXT NOT NULL, operation TEXT NOT NULL, import_id INTEGER, row_key TEXT NOT NULL, "
        "old JSONB, new JSONB)",
        s=s,
    )
    add("", "CREATE INDEX IF NOT EXISTS sm_audit_import ON {s}.sm_audit (import_id)", s=s)
    for m, r in setup.municipalities.items():
        add(
            f"{r} stands for municipality {m}",
            "INSERT INTO {s}.sm_role_municipality (role_name, municipality) VALUES ({r}, {m}) "
            "ON CONFLICT (role_name) DO UPDATE SET municipality = excluded.municipality",
            s=s,
            r=Literal(r),
            m=Literal(m),
        )
    for variable, value_is_count, den_is_count, t in _disclosure_rules(store, threshold):
        add(
            "",
            "INSERT INTO {s}.sm_disclosure VALUES ({v}, {c}, {d}, {t}) ON CONFLICT (variable) DO UPDATE SET "
            "value_is_count = excluded.value_is_count, denominator_is_count = excluded.denominator_is_count, "
            "threshold = excluded.threshold",
            s=s,
            v=Literal(variable),
            c=Literal(value_is_count),
            d=Literal(den_is_count),
            t=Literal(float(t)),
        )
    # ownership: the admin role owns everything, so only its members change the schema
    add("the administrator owns the schema", "ALTER SCHEMA {s} OWNER TO {a}", s=s, a=admin)
    for (t,) in store._all(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v') AND left(c.relname, 3) = 'sm_' ORDER BY 1"
    ):
        add("", "ALTER TABLE {s}.{t} OWNER TO {a}", s=s, t=Ident(t), a=admin)
    for t in ("sm_role_municipality", "sm_disclosure", "sm_audit"):
        add("", "ALTER TABLE {s}.{t} OWNER TO {a}", s=s, t=Ident(t), a=admin)
    # grants: nothing for PUBLIC; each group what it needs
    add("nothing for PUBLIC", "REVOKE ALL ON SCHEMA {s} FROM PUBLIC", s=s)
    add("", "REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC", s=s)
    add("", "GRANT USAGE ON SCHEMA {s} TO {c}, {g}, {p}", s=s, c=county, g=group, p=publication)
    for t in WRITABLE:
        add("", "GRANT SELECT, INSERT, UPDATE ON {s}.{t} TO {c}, {g}", s=s, t=Ident(t), c=county, g=group)
    for t in READABLE:
        add("", "GRANT SELECT ON {s}.{t} TO {c}, {g}", s=s, t=Ident(t), c=county, g=group)
    add("the county binds the catalogue", "GRANT INSERT ON {s}.sm_meta TO {c}", s=s, c=county)
    for t, col in (
        ("sm_units", "fid"),
        ("sm_import_log", "import_id"),
        ("sm_targets", "target_id"),
        ("sm_facilities", "fid"),
    ):
        add(
            "",
            "DO $do$ BEGIN EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I, %I', pg_get_serial_sequence({t}, {col}), "
            "{c}, {g}); END $do$",
            t=Literal(f"{store.schema}.{t}"),
            col=Literal(col),
            c=Literal(setup.county),
            g=Literal(setup.municipality_group),
        )
    add(
        "writes stage their rows in a temporary table",
        "DO $do$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I, %I', current_database(), {c}, {g}); "
        "END $do$",
        c=Literal(setup.county),
        g=Literal(setup.municipality_group),
    )
    # row-level security by the unit's municipality
    mine = q("(SELECT rm.municipality FROM {s}.sm_role_municipality rm WHERE pg_has_role(rm.role_name, 'MEMBER'))", s=s)
    # an index lookup per row (the unit's primary key), not a scan: cheap also in the WITH CHECK of an upsert
    own_unit = q(
        "EXISTS (SELECT 1 FROM {s}.sm_units u WHERE u.fid = sm_values.unit_fid AND u.municipality IN {mine})",
        s=s,
        mine=mine,
    )
    published = q(
        "(suppressed = 0 AND value IS NOT NULL AND EXISTS (SELECT 1 FROM {s}.sm_units u JOIN {s}.sm_disclosure k "
        "ON k.variable = sm_values.variable WHERE u.fid = sm_values.unit_fid AND u.level <> 'block' "
        "AND (NOT k.value_is_count OR value = 0 OR value >= k.threshold) "
        "AND (numerator IS NULL OR numerator = 0 OR numerator >= k.threshold) "
        "AND (NOT k.denominator_is_count OR denominator IS NULL OR denominator = 0 OR denominator >= k.threshold)))",
        s=s,
    )

    def unit_of(table, key_col):
        return q(
            "EXISTS (SELECT 1 FROM {s}.sm_units u WHERE u.level = {lv} AND u.key = {k} AND u.municipality IN {mine})",
            s=s,
            lv=Ident(table, "level"),
            k=Ident(table, key_col),
            mine=mine,
        )

    not_block = q("level <> 'block'")
    policies = {
        "sm_units": (q("municipality IN {m} OR level <> 'block'", m=mine), q("municipality IN {m}", m=mine)),
        "sm_values": (q("{o} OR {p}", o=own_unit, p=published), own_unit),
        "sm_assignment": (q("true"), unit_of("sm_assignment", "key")),
        "sm_targets": (
            q("{o} OR {nb}", o=unit_of("sm_targets", "unit_key"), nb=not_block),
            unit_of("sm_targets", "unit_key"),
        ),
        "sm_import_log": (q("true"), q("imported_by = session_user")),
        # facilities are public infrastructure: everybody reads them; each municipality keeps its own register
        "sm_facilities": (q("true"), q("municipality IN {m}", m=mine)),
    }
    for t in PROTECTED:
        T = Ident(t)
        read, write = policies[t]
        add(f"row-level security on {t}", "ALTER TABLE {s}.{t} ENABLE ROW LEVEL SECURITY", s=s, t=T)
        for name in ("sm_county_all", "sm_municipality_read", "sm_municipality_insert", "sm_municipality_update"):
            add("", "DROP POLICY IF EXISTS {n} ON {s}.{t}", n=Ident(name), s=s, t=T)
        add("", "CREATE POLICY sm_county_all ON {s}.{t} TO {c} USING (true) WITH CHECK (true)", s=s, t=T, c=county)
        add(
            "", "CREATE POLICY sm_municipality_read ON {s}.{t} FOR SELECT TO {g} USING ({r})", s=s, t=T, g=group, r=read
        )
        add(
            "",
            "CREATE POLICY sm_municipality_insert ON {s}.{t} FOR INSERT TO {g} WITH CHECK ({w})",
            s=s,
            t=T,
            g=group,
            w=write,
        )
        add(
            "",
            "CREATE POLICY sm_municipality_update ON {s}.{t} FOR UPDATE TO {g} USING ({w}) WITH CHECK ({w})",
            s=s,
            t=T,
            g=group,
            w=write,
        )
    # the published level: security_barrier views owned by the admin (they see all rows and filter them)
    add(
        "published values: passed disclosure control, never block level",
        "CREATE OR REPLACE VIEW {s}.sm_published_values WITH (security_barrier) AS "
        "SELECT u.level, u.key AS unit_key, u.name AS unit_name, u.municipality, u.valid_from, u.valid_to, "
        "v.variable, v.ref_date, v.value, v.numerator, v.denominator, v.unreliable, v.estimated, v.interpolated "
        "FROM {s}.sm_values v JOIN {s}.sm_units u ON u.fid = v.unit_fid "
        "JOIN {s}.sm_disclosure k ON k.variable = v.variable "
        "WHERE u.level <> 'block' AND v.suppressed = 0 AND v.value IS NOT NULL "
        "AND (NOT k.value_is_count OR v.value = 0 OR v.value >= k.threshold) "
        "AND (v.numerator IS NULL OR v.numerator = 0 OR v.numerator >= k.threshold) "
        "AND (NOT k.denominator_is_count OR v.denominator IS NULL OR v.denominator = 0 "
        "OR v.denominator >= k.threshold)",
        s=s,
    )
    add(
        "published units: every level above the blocks",
        "CREATE OR REPLACE VIEW {s}.sm_published_units WITH (security_barrier) AS "
        "SELECT fid, level, key, name, municipality, valid_from, valid_to, area_km2, geom FROM {s}.sm_units "
        "WHERE level <> 'block'",
        s=s,
    )
    for v in ("sm_published_values", "sm_published_units"):
        add("", "ALTER VIEW {s}.{v} OWNER TO {a}", s=s, v=Ident(v), a=admin)
        add("", "GRANT SELECT ON {s}.{v} TO {c}, {g}, {p}", s=s, v=Ident(v), c=county, g=group, p=publication)
    # the layers QGIS lists (sm_current_<level>) run with the caller's rights, so row-level security holds
    if int(store._all("SHOW server_version_num")[0][0]) >= 150000:
        for (v,) in store._all(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'v' AND left(c.relname, 11) = 'sm_current_' ORDER BY 1"
        ):
            add("", "ALTER VIEW {s}.{v} SET (security_invoker = true)", s=s, v=Ident(v))
            add("", "GRANT SELECT ON {s}.{v} TO {c}, {g}", s=s, v=Ident(v), c=county, g=group)
    # the audit, filled by statement triggers (one set-based insert per statement, not one call per row)
    # the audit, filled by statement triggers: one set-based insert per statement, not one call per row; one
    # function per table, so that the row key and the pairing of old and new rows are plain columns
    imports = {"sm_values", "sm_facilities"}
    triggers = {
        "INSERT": "CREATE TRIGGER sm_audit_insert AFTER INSERT ON {s}.{t} REFERENCING NEW TABLE AS new_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION {s}.{fn}()",
        "UPDATE": "CREATE TRIGGER sm_audit_update AFTER UPDATE ON {s}.{t} REFERENCING OLD TABLE AS old_rows "
        "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {s}.{fn}()",
        "DELETE": "CREATE TRIGGER sm_audit_delete AFTER DELETE ON {s}.{t} REFERENCING OLD TABLE AS old_rows "
        "FOR EACH STATEMENT EXECUTE FUNCTION {s}.{fn}()",
    }
    for t, keys in AUDITED.items():
        fn = Ident(f"sm_audit_{t}")
        imp_n = q("n.import_id") if t in imports else q("NULL::int")
        imp_o = q("o.import_id") if t in imports else q("NULL::int")
        add(
            f"audit of {t} (runs as the admin; nobody else may write the audit)",
            "CREATE OR REPLACE FUNCTION {s}.{fn}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            "SET search_path = pg_catalog, pg_temp AS $fn$ BEGIN "
            "IF TG_OP = 'INSERT' THEN "
            "INSERT INTO {s}.sm_audit (table_name, operation, import_id, row_key, new) "
            "SELECT TG_TABLE_NAME, TG_OP, {imp_n}, concat_ws('/', {kn}), to_jsonb(n) FROM new_rows n; "
            "ELSIF TG_OP = 'UPDATE' THEN "
            "INSERT INTO {s}.sm_audit (table_name, operation, import_id, row_key, old, new) "
            "SELECT TG_TABLE_NAME, TG_OP, {imp_n}, concat_ws('/', {kn}), to_jsonb(o), to_jsonb(n) "
            "FROM new_rows n JOIN old_rows o ON {join}; "
            "ELSE "
            "INSERT INTO {s}.sm_audit (table_name, operation, import_id, row_key, old) "
            "SELECT TG_TABLE_NAME, TG_OP, {imp_o}, concat_ws('/', {ko}), to_jsonb(o) FROM old_rows o; "
            "END IF; RETURN NULL; END $fn$",
            s=s,
            fn=fn,
            imp_n=imp_n,
            imp_o=imp_o,
            kn=idents(keys, "n"),
            ko=idents(keys, "o"),
            join=store.dialect.join(" AND ", [q("{a} = {b}", a=Ident("n", k), b=Ident("o", k)) for k in keys]),
        )
        add("", "ALTER FUNCTION {s}.{fn}() OWNER TO {a}", s=s, fn=fn, a=admin)
        add("", "REVOKE ALL ON FUNCTION {s}.{fn}() FROM PUBLIC", s=s, fn=fn)
        for op, template in triggers.items():
            add("", "DROP TRIGGER IF EXISTS {tr} ON {s}.{t}", tr=Ident(f"sm_audit_{op.lower()}"), s=s, t=Ident(t))
            add(f"audit {op} on {t}", template, s=s, t=Ident(t), fn=fn)
    add("", "DROP FUNCTION IF EXISTS {s}.sm_audit_rows()", s=s)  # of an earlier setup
    add("the audit is read by the administrator only", "REVOKE ALL ON {s}.sm_audit FROM PUBLIC", s=s)
    return setup


def _disclosure_rules(store, threshold):
    """(variable, value is a count, denominator is a count, threshold) for every variable of the store's catalogue.

    Count variables and indicators without denominator are counts; a rate's denominator is a count unless it is
    the unit's area. The threshold is the larger of the given one and the indicator's own. Variables the
    catalogue does not define are never published (no row here)."""
    rec = store.catalogue()
    if rec is None:
        return []
    out = {}
    for v in rec[2].get("variables", []):
        out[v["id"]] = (v["id"], True, True, threshold)
    for ind in rec[2].get("indicators", []):
        den = ind.get("denominator") or []
        t = max(threshold, int(ind.get("disclosure_threshold") or DEFAULT_THRESHOLD))
        out[ind["id"]] = (ind["id"], not den, den != ["area_km2"], t)
    return [out[k] for k in sorted(out)]


def roles_script(store: Store, setup: RoleSetup) -> str:
    """The plan as one SQL script (for review, or for a database administrator to run with psql)."""
    lines = [
        "-- Sozialplanung store: roles, row-level security, published views, audit",
        f"-- schema {store.schema}; roles {setup.prefix}_*; disclosure threshold {setup.threshold}",
        "-- No passwords here: create logins yourself, e.g.",
        f"--   CREATE ROLE meier LOGIN IN ROLE {setup.county};   -- then \\password meier in psql",
        f"SET search_path TO {store.schema}, public;",
        "BEGIN;",
    ]
    for comment, statement in setup.statements:
        if comment:
            lines.append(f"-- {comment}")
        lines.append(statement.as_string(store.conn) + ";")
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def apply_roles(store: Store, setup: RoleSetup) -> RoleSetup:
    """Run the plan in one transaction (all or nothing)."""
    try:
        with store.transaction() as cur:
            for _comment, statement in setup.statements:
                cur.execute(statement)
    except InputError:
        raise
    except Exception as exc:
        if getattr(exc, "pgcode", None) == "42501":
            raise InputError(
                tr(
                    "The roles could not be set up ({error}). Run storeroles as a PostgreSQL superuser or "
                    "as a role with CREATEROLE that owns the store's schema; nothing was changed.",
                    error=str(exc).strip(),
                )
            ) from exc
        raise
    return setup
