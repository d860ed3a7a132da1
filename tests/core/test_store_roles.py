"""The shared PostgreSQL store as a county runs it: every role checked by connecting AS that role with psycopg2,
not through the plugin - what a municipality can read and write, what it cannot, the attempts to raise its
privileges, what the publication role sees, the audit, and concurrent writes of two municipalities and the county.

County 05378 with municipalities A = 05378004 and B = 05378008; per municipality two blocks and one social space.
Disclosure threshold 3 (catalogue default). Values (2020), by hand:
    blocks   A1 ew 2 (below 3: confidential anyway, block level)   A2 ew 40   B1 ew 1   B2 ew 50
    spaces   A sgb2_quote 10 = 4/40 (published)   B sgb2_quote 2/52 = 3.85 (numerator 2 < 3: not published)
             A ew 42 (published)   B ew 51 (published)   B sgb2_lb suppressed (not published)
    county   ew 93 (published)
"""

import re
import uuid

import pandas as pd
import psycopg2
import pytest
from shapely.geometry import Point, box

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.store import Store
from sozialplanung_plugin.core.store.roles import apply_roles, plan_roles, roles_script

from .. import pgserver
from ..helpers import FORK

pg_server = pgserver.pg_server  # pytest fixture of the throwaway server

CAT = {
    "id": "kreis",
    "version": "1",
    "indicators": [{"id": "sgb2_quote", "numerator": ["sgb2_lb"], "denominator": ["ew_u65"], "multiplier": 100}],
    "variables": ["ew", "sgb2_lb", "ew_u65"],
}
A, B = "05378004", "05378008"


def units():
    blocks = [
        {"key": f"{m}000{i}", "geometry": box(x + i, 0, x + i + 1, 1)} for m, x in ((A, 0), (B, 10)) for i in (1, 2)
    ]
    spaces = [{"key": f"{A}-01", "geometry": box(0, 0, 3, 1)}, {"key": f"{B}-01", "geometry": box(10, 0, 13, 1)}]
    munis = [{"key": A, "geometry": box(0, 0, 3, 1)}, {"key": B, "geometry": box(10, 0, 13, 1)}]
    return blocks, spaces, munis, [{"key": "05378", "geometry": box(0, 0, 13, 1)}]


def fill(store):
    blocks, spaces, munis, county = units()
    for level, u in (("block", blocks), ("space", spaces), ("municipality", munis), ("county", county)):
        store.put_units(level, u)
    v = pd.DataFrame
    store.write_values(
        v({"unit_key": [f"{A}0001", f"{A}0002", f"{B}0001", f"{B}0002"], "variable": "ew", "value": [2.0, 40, 1, 50]}),
        level="block",
        catalogue=CAT,
        ref_date=2020,
    )
    store.write_values(
        v(
            {
                "unit_key": [f"{A}-01", f"{B}-01", f"{A}-01", f"{B}-01", f"{B}-01"],
                "variable": ["sgb2_quote", "sgb2_quote", "ew", "ew", "sgb2_lb"],
                "value": [10.0, 2 / 52 * 100, 42, 51, None],
                "numerator": [4.0, 2, None, None, None],
                "denominator": [40.0, 52, None, None, None],
                "suppressed": [0, 0, 0, 0, 1],
            }
        ),
        level="space",
        catalogue=CAT,
        ref_date=2020,
    )
    store.write_values(
        v({"unit_key": ["05378"], "variable": "ew", "value": [93.0]}), level="county", catalogue=CAT, ref_date=2020
    )
    store.put_facilities(
        [
            {"key": "kita-a", "type": "kita", "capacity": 40, "geometry": Point(0.5, 0.5)},
            {"key": "kita-b", "type": "kita", "capacity": 50, "geometry": Point(10.5, 0.5)},
        ],
        valid_from=2020,
    )


class County:
    """A store schema with roles, and one login per role: admin, county, a (A), b (B), pub (publication)."""

    def __init__(self, server):
        self.server = server
        self.schema = "k_" + uuid.uuid4().hex[:10]
        s = Store.open(server.dsn, schema=self.schema)
        fill(s)
        self.setup = apply_roles(s, plan_roles(s))
        self.script = roles_script(s, self.setup)
        s.close()
        su = self.superuser()
        with su.cursor() as cur:
            for login, group in (
                ("adm", self.setup.admin),
                ("county", self.setup.county),
                ("a", self.setup.municipalities[A]),
                ("b", self.setup.municipalities[B]),
                ("pub", self.setup.publication),
            ):
                cur.execute(f'CREATE ROLE "{self.login(login)}" LOGIN IN ROLE "{group}"')
        su.close()

    def login(self, who):
        return f"{self.schema}_login_{who}"

    def dsn(self, who):
        return self.server.dsn.replace("user=postgres", f"user={self.login(who)}")

    def superuser(self):
        con = psycopg2.connect(self.server.dsn)
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute(f'SET search_path TO "{self.schema}", public')
        return con

    def connect(self, who):
        """A plain psycopg2 connection as the login `who` - not the plugin."""
        con = psycopg2.connect(self.dsn(who))
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute(f'SET search_path TO "{self.schema}", public')
        return con


@pytest.fixture(scope="module")
def county(pg_server):
    return County(pg_server)


def rows(con, sql, params=None):
    with con.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def denied(con, sql, params=None):
    """Run `sql` and return the PostgreSQL error code (None: it worked)."""
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
    except psycopg2.Error as exc:
        return exc.pgcode
    return None


VALUES = (
    "SELECT u.key, v.variable FROM sm_values v JOIN sm_units u ON u.fid = v.unit_fid "
    "WHERE v.ref_date = '2020-12-31' ORDER BY 1, 2"
)


# ------------------------------------------------------------------------------------------- reading


def test_municipality_reads_its_own_rows_and_only_published_rows_of_others(county):
    a = county.connect("a")
    got = set(rows(a, VALUES))
    own = {
        (f"{A}0001", "ew"),
        (f"{A}0002", "ew"),
        (f"{A}-01", "ew"),
        (f"{A}-01", "sgb2_quote"),
        (A, "ew"),
    } - {(A, "ew")}  # no value was written for the municipality unit itself
    published_of_others = {(f"{B}-01", "ew"), ("05378", "ew")}
    assert got == own | published_of_others
    # B's blocks (one of them ew 1), B's rate with numerator 2 and B's suppressed value stay invisible
    assert not {k for k, _ in got if k.startswith(B) and len(k) == 12}
    assert (f"{B}-01", "sgb2_quote") not in got and (f"{B}-01", "sgb2_lb") not in got
    # units: own blocks, everybody's units above block level
    keys = {k for (k,) in rows(a, "SELECT key FROM sm_units")}
    assert keys == {f"{A}0001", f"{A}0002", f"{A}-01", f"{B}-01", A, B, "05378"}
    # the QGIS layer views run with the caller's rights (security_invoker): no other municipality's blocks
    assert {k for (k,) in rows(a, "SELECT key FROM sm_current_block")} == {f"{A}0001", f"{A}0002"}
    a.close()


def test_county_reads_everything(county):
    k = county.connect("county")
    assert len(rows(k, VALUES)) == 10
    k.close()


def test_publication_role_sees_only_published_values_never_blocks(county):
    p = county.connect("pub")
    assert denied(p, "SELECT * FROM sm_values") == "42501"
    assert denied(p, "SELECT * FROM sm_units") == "42501"
    assert denied(p, "SELECT * FROM sm_current_block") == "42501"
    got = rows(p, "SELECT level, unit_key, variable, value, numerator FROM sm_published_values ORDER BY 2, 3")
    assert [(lv, k, v) for lv, k, v, _, _ in got] == [
        ("county", "05378", "ew"),
        ("space", f"{A}-01", "ew"),
        ("space", f"{A}-01", "sgb2_quote"),
        ("space", f"{B}-01", "ew"),
    ]
    assert all(lv != "block" for lv, *_ in got)
    assert all(num is None or num >= 3 for *_, num in got)  # no numerator below the threshold
    assert {lv for (lv,) in rows(p, "SELECT level FROM sm_published_units")} == {"space", "municipality", "county"}
    p.close()


def test_plugin_as_a_municipality_reads_the_same(county):
    """The plugin connected as municipality A gets exactly what psycopg2 got: the database decides."""
    s = Store.open(county.dsn("a"), schema=county.schema, read_only=True)
    got = s.read_slice("space", 2020).set_index(["unit_key", "variable"])["value"]
    s.close()
    assert got.to_dict() == {(f"{A}-01", "ew"): 42.0, (f"{A}-01", "sgb2_quote"): 10.0, (f"{B}-01", "ew"): 51.0}


# ------------------------------------------------------------------------------------------- writing


def test_municipality_cannot_write_another_municipalitys_rows(county):
    a = county.connect("a")
    su = county.superuser()
    b_space = rows(su, "SELECT fid FROM sm_units WHERE key = %s", (f"{B}-01",))[0][0]
    a_space = rows(su, "SELECT fid FROM sm_units WHERE key = %s", (f"{A}-01",))[0][0]
    before = rows(su, "SELECT * FROM sm_values ORDER BY 1, 2, 3")
    with a.cursor() as cur:  # visible (published) but not writable: the update finds no row it may change
        cur.execute("UPDATE sm_values SET value = 0 WHERE unit_fid = %s", (b_space,))
        assert cur.rowcount == 0
        cur.execute("UPDATE sm_units SET name = 'mine now' WHERE key = %s", (f"{B}-01",))
        assert cur.rowcount == 0
    assert (
        denied(
            a,
            "INSERT INTO sm_values (unit_fid, variable, ref_date, value) VALUES (%s, 'ew', '2030-12-31', 1)",
            (b_space,),
        )
        == "42501"
    )
    # moving an own row onto B's unit, or an own unit into municipality B, is refused by the policy's WITH CHECK
    assert denied(a, "UPDATE sm_values SET unit_fid = %s WHERE unit_fid = %s", (b_space, a_space)) == "42501"
    assert denied(a, "UPDATE sm_units SET municipality = %s WHERE key = %s", (B, f"{A}-01")) == "42501"
    assert (
        denied(
            a,
            "INSERT INTO sm_units (level, key, municipality, valid_from) VALUES ('block', %s, %s, '2030-01-01')",
            (f"{B}0009", B),
        )
        == "42501"
    )
    assert (
        denied(
            a, "INSERT INTO sm_units (level, key, municipality, valid_from) VALUES ('block', 'x', NULL, '2030-01-01')"
        )
        == "42501"
    )
    # no role but the admin may delete or truncate
    assert denied(a, "DELETE FROM sm_values WHERE unit_fid = %s", (a_space,)) == "42501"
    assert denied(a, "TRUNCATE sm_values") == "42501"
    assert rows(su, "SELECT * FROM sm_values ORDER BY 1, 2, 3") == before
    a.close()
    su.close()


def test_facilities_are_read_by_all_and_written_by_their_municipality(county):
    s = Store.open(county.dsn("a"), schema=county.schema)
    assert sorted(s.facilities(2021)["key"]) == ["kita-a", "kita-b"]  # public infrastructure: both visible
    both = [
        {"key": "kita-a", "type": "kita", "capacity": 45, "geometry": Point(0.5, 0.5)},
        {"key": "kita-b", "type": "kita", "capacity": 50, "geometry": Point(10.5, 0.5)},
    ]
    assert s.put_facilities(both[:1], valid_from=2022)["changed"] == 1  # its own register
    with pytest.raises(InputError, match="row-level security"):
        s.put_facilities([dict(both[1], capacity=5)], valid_from=2022)
    s.close()
    su = county.superuser()
    assert rows(su, "SELECT facility_key, capacity FROM sm_facilities WHERE valid_to IS NULL ORDER BY 1") == [
        ("kita-a", 45.0),
        ("kita-b", 50.0),
    ]
    su.close()


def test_plugin_as_a_municipality_writes_own_values_and_is_refused_for_others(county):
    s = Store.open(county.dsn("a"), schema=county.schema)
    r = s.write_values(
        pd.DataFrame({"unit_key": [f"{A}-01"], "variable": "ew", "value": [43.0]}),
        level="space",
        catalogue=CAT,
        ref_date=2021,
    )
    assert r.status == "written"
    with pytest.raises(InputError, match="row-level security.*only the units and values of its own municipality"):
        s.write_values(
            pd.DataFrame({"unit_key": [f"{B}-01"], "variable": "ew", "value": [1.0]}),
            level="space",
            catalogue=CAT,
            ref_date=2021,
        )
    # B's blocks are invisible to A: refused as unknown keys, without telling whether they exist
    with pytest.raises(InputError, match="not in the store at level 'block'"):
        s.write_values(
            pd.DataFrame({"unit_key": [f"{B}0001"], "variable": "ew", "value": [1.0]}),
            level="block",
            catalogue=CAT,
            ref_date=2021,
        )
    s.close()


# ------------------------------------------------------------------------------------------- escalation


def test_municipality_cannot_raise_its_privileges(county):
    a = county.connect("a")
    for role in (county.setup.municipalities[B], county.setup.county, county.setup.admin, county.setup.publication):
        assert denied(a, f'SET ROLE "{role}"') == "42501", role
    assert denied(a, "SET SESSION AUTHORIZATION postgres") == "42501"
    assert denied(a, f'GRANT "{county.setup.municipalities[B]}" TO "{county.login("a")}"') == "42501"
    assert denied(a, "ALTER TABLE sm_values DISABLE ROW LEVEL SECURITY") == "42501"
    assert denied(a, "DROP POLICY sm_municipality_read ON sm_values") == "42501"
    assert denied(a, "INSERT INTO sm_role_municipality VALUES ('x', %s)", (B,)) == "42501"
    assert denied(a, "UPDATE sm_role_municipality SET municipality = %s", (B,)) == "42501"
    assert denied(a, "UPDATE sm_disclosure SET threshold = 0") == "42501"  # would publish the secret cells
    assert denied(a, "SELECT * FROM sm_audit") == "42501"
    assert denied(a, f'CREATE VIEW "{county.schema}".leak AS SELECT * FROM sm_values') == "42501"
    assert denied(a, "CREATE VIEW public.leak AS SELECT * FROM sm_values") == "42501"
    # switching row security off does not switch the policies off: the query is refused instead
    with a.cursor() as cur:
        cur.execute("SET row_security = off")
    assert denied(a, "SELECT * FROM sm_values") == "42501"
    a.close()


def test_no_policy_bypass_through_a_view_or_a_function(county):
    a = county.connect("a")
    direct = set(rows(a, VALUES))
    # a temporary view runs with its owner's (A's) rights: the same rows
    with a.cursor() as cur:
        cur.execute("CREATE TEMP VIEW mine AS SELECT * FROM sm_values")
        cur.execute(
            "CREATE FUNCTION pg_temp.all_values() RETURNS SETOF sm_values LANGUAGE sql SECURITY DEFINER "
            "AS 'SELECT * FROM sm_values'"
        )
    via_view = set(rows(a, VALUES.replace("sm_values v", "pg_temp.mine v")))
    via_function = set(rows(a, VALUES.replace("sm_values v", "pg_temp.all_values() v")))
    assert via_view == direct and via_function == direct
    # a leaky function in the WHERE clause sees only rows the policy lets through (policies are evaluated first),
    # on the table and on the security_barrier view of the published values
    with a.cursor() as cur:
        cur.execute(
            "CREATE FUNCTION pg_temp.leak(k text, v double precision) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 "
            "AS $$ BEGIN RAISE NOTICE 'leak % %', k, v; RETURN true; END $$"
        )
    del a.notices[:]
    n_visible = len(rows(a, "SELECT * FROM sm_values v WHERE pg_temp.leak(v.variable, v.value)"))
    assert len(a.notices) == n_visible == len(direct) + 1  # + A's 2021 value written by another test
    del a.notices[:]
    n_pub = len(rows(a, "SELECT * FROM sm_published_values p WHERE pg_temp.leak(p.unit_key, p.value)"))
    leaked = " ".join(a.notices)
    assert len(a.notices) == n_pub and f"{B}0001" not in leaked and "3.846" not in leaked
    a.close()


# ------------------------------------------------------------------------------------------- audit, script


def test_audit_records_who_changed_what_and_only_the_admin_reads_it(county):
    adm = county.connect("adm")
    log = rows(adm, "SELECT login, table_name, operation, import_id, row_key, old, new FROM sm_audit ORDER BY audit_id")
    assert log, "the audit is empty"
    # the fill by the superuser before the roles existed is not audited; A's write of 2021 is, with its import id
    mine = [r for r in log if r[0] == county.login("a") and r[1] == "sm_values"]
    assert [(t, op) for _, t, op, *_ in mine] == [("sm_values", "INSERT")]
    # A's new facility version: the old one ended (UPDATE, with old and new row), the new one added (INSERT)
    fac = [
        (op, (new or {}).get("capacity"))
        for who, t, op, _, _, _, new in log
        if who == county.login("a") and t == "sm_facilities"
    ]
    assert fac == [("UPDATE", 40.0), ("INSERT", 45.0)]
    _, _, _, import_id, row_key, old, new = mine[0]
    assert row_key.endswith("/ew/2021-12-31") and old is None and new["value"] == 43.0
    assert rows(adm, "SELECT imported_by FROM sm_import_log WHERE import_id = %s", (import_id,)) == [
        (county.login("a"),)
    ]
    for who in ("a", "b", "county", "pub"):
        con = county.connect(who)
        assert denied(con, "SELECT * FROM sm_audit") == "42501", who
        con.close()
    adm.close()


def test_roles_script_has_no_secret_and_is_rerunnable(county):
    assert not re.search(r"(?i)password\s*(=|')", county.script)  # no password, no connection string
    su = county.superuser()
    with su.cursor() as cur:
        cur.execute(county.script)  # the emitted script runs as it is, a second time (idempotent)
    a = county.connect("a")
    assert {k for k, _ in rows(a, VALUES)} >= {f"{A}0001"} and not {k for k, _ in rows(a, VALUES) if k == f"{B}0001"}
    a.close()
    su.close()


def test_geopackage_has_no_roles(tmp_path):
    s = Store.open(tmp_path / "m.gpkg")
    with pytest.raises(InputError, match="single-user"):
        plan_roles(s)
    s.close()


# ------------------------------------------------------------------------------------------- concurrency


def _writer(dsn, schema, level, keys, variable, n_rounds, queue):
    try:
        s = Store.open(dsn, schema=schema)
        ids = []
        for i in range(n_rounds):
            values = pd.DataFrame({"unit_key": keys, "variable": variable, "value": [float(i + 1)] * len(keys)})
            r = s.write_values(values, level=level, catalogue=CAT, ref_date=2030 + i)
            ids.append(r.import_id)
        s.close()
        queue.put(("ok", ids))
    except Exception as exc:  # reported to the test, which fails with it
        queue.put(("error", repr(exc)))


def test_two_municipalities_and_the_county_write_at_once_and_lose_nothing(pg_server):
    county = County(pg_server)
    q = FORK.Queue()
    jobs = {
        "a": ("block", [f"{A}0001", f"{A}0002"], "ew"),
        "b": ("block", [f"{B}0001", f"{B}0002"], "ew"),
        "county": ("space", [f"{A}-01", f"{B}-01"], "ew_u65"),
    }
    rounds = 8
    procs = [
        FORK.Process(target=_writer, args=(county.dsn(who), county.schema, *job, rounds, q))
        for who, job in jobs.items()
    ]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(status == "ok" for status, _ in results), results
    su = county.superuser()
    # every value of every round is there: 3 writers x 2 units x 8 dates, values 1..8 per date
    got = rows(su, "SELECT count(*), sum(value) FROM sm_values WHERE ref_date >= '2030-12-31'")
    assert got == [(3 * 2 * rounds, 3 * 2 * sum(range(1, rounds + 1)))]
    # and the audit has one INSERT per value, by the login that wrote it, with that write's import id
    audit = rows(
        su,
        "SELECT login, count(*), count(DISTINCT import_id) FROM sm_audit WHERE table_name = 'sm_values' "
        "AND operation = 'INSERT' GROUP BY login ORDER BY login",
    )
    assert audit == sorted((county.login(who), 2 * rounds, rounds) for who in jobs)
    su.close()
