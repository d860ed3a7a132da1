"""Backup and restore of a store: round trips equal on both backends and across them; a damaged, edited, foreign or
newer snapshot refused with nothing changed; an older one migrated; a backup is one consistent read."""

import sqlite3
import time

import pandas as pd
import pytest
from shapely.geometry import Point, box

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.store import SCHEMA_VERSION, Store
from sozialplanung_plugin.core.store.backup import backup, digest, read_content, restore

from .. import helpers, pgserver
from ..helpers import FORK, ew_values, store_blocks
from ..helpers import STORE_CATALOGUE as CAT
from ..helpers import open_target as open_
from ..helpers import sha256_file as sha

pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn  # pytest fixtures of the throwaway server
target = helpers.store_target  # (target, schema) of an empty store: GeoPackage and PostgreSQL


def fill(s):
    """Every table in use: unit versions, an assignment, values with flags and a note, targets, facilities."""
    s.put_units("block", store_blocks(3, ["A", "A", "B"]), parent_column="space")
    s.put_units(
        "space",
        [{"key": "A", "geometry": box(1000, 0, 3000, 1000)}, {"key": "B", "geometry": box(3000, 0, 4000, 1000)}],
    )
    s.put_units("space", [{"key": "A", "geometry": box(1000, 0, 3500, 1000)}], valid_from=2022)  # a second version
    vals = pd.DataFrame(
        {
            "unit_key": ["A", "B", "A"],
            "variable": ["sgb2_quote", "sgb2_quote", "ew"],
            "value": [10.0, None, 1234.0],
            "numerator": [40.0, None, None],
            "denominator": [400.0, 380.0, None],
            "flag": ["", "suppressed", "estimated,incomplete"],
        }
    )
    s.write_values(vals, level="space", catalogue=CAT, ref_date=2021, source="bloecke_2021.csv")
    s.write_values(ew_values()[:3], level="block", catalogue=CAT, ref_date=2021)
    s.put_targets([{"indicator": "sgb2_quote", "level": "space", "unit_key": "A", "target_value": 8, "deadline": 2030}])
    s.put_facilities(
        [
            {
                "key": "K1",
                "type": "kita",
                "capacity": 50,
                "opened": 2015,
                "geometry": Point(1500, 500),
                "traeger": "AWO",
            },
            {"key": "K2", "type": "kita", "capacity": None, "closed": "2023-08-01", "geometry": Point(3500, 500)},
        ],
        valid_from=2020,
        attribute_columns=["traeger"],
    )


@pytest.fixture
def filled(target):
    s = open_(target)
    fill(s)
    yield s
    s.close()


def test_round_trip_equal(filled, tmp_path, target):
    snap = tmp_path / "backup.gpkg"
    r = backup(filled, snap)
    assert r["rows"]["sm_values"] == 6 and r["rows"]["sm_units"] == 6 and r["rows"]["sm_facilities"] == 2
    before = read_content(filled)
    # into a new store of the same backend ...
    new = (str(tmp_path / "restored.gpkg"), None) if target[1] is None else (target[0], target[1] + "_r")
    out = restore(snap, new[0], schema=new[1] or "sozialmonitoring")
    assert out["sha256"] == r["sha256"] == digest(before)
    s = open_(new)
    assert read_content(s) == before
    # ... and it works on: the same reads, new rows get new ids (sequences follow the restored rows)
    assert s.read_slice("space", 2021).equals(filled.read_slice("space", 2021))
    assert s.put_units("space", [{"key": "C", "geometry": box(5000, 0, 6000, 1000)}])["added"] == 1
    assert s._all("SELECT max(fid) FROM sm_units")[0][0] == 7
    s.close()


def test_round_trip_across_backends(pg_server, tmp_path):
    """PostgreSQL -> snapshot -> GeoPackage and GeoPackage -> snapshot -> PostgreSQL: the same content."""
    gpkg = tmp_path / "desk.gpkg"
    s = Store.open(gpkg)
    fill(s)
    content = read_content(s)
    backup(s, tmp_path / "from_gpkg.gpkg")
    s.close()
    restore(tmp_path / "from_gpkg.gpkg", pg_server.dsn, schema="x_from_gpkg")
    pg = Store.open(pg_server.dsn, schema="x_from_gpkg")
    assert same(read_content(pg), content)
    backup(pg, tmp_path / "from_pg.gpkg")
    pg.close()
    restore(tmp_path / "from_pg.gpkg", tmp_path / "back.gpkg")
    back = Store.open(tmp_path / "back.gpkg")
    assert same(read_content(back), content)
    back.close()


def same(a, b):
    """Equal content; the catalogue's JSON compared as JSON (PostgreSQL's JSONB orders the keys its own way)."""
    import json

    def parsed(content):
        cols, rows = content["sm_catalogue"]
        i = cols.index("definition")
        return [r[:i] + (json.loads(r[i]),) + r[i + 1 :] for r in rows]

    rest = [t for t in a if t != "sm_catalogue"]
    return digest(a) == digest(b) and parsed(a) == parsed(b) and all(a[t] == b[t] for t in rest) and set(a) == set(b)


def _snapshot(tmp_path):
    s = Store.open(tmp_path / "src.gpkg")
    fill(s)
    backup(s, tmp_path / "snap.gpkg")
    s.close()
    return tmp_path / "snap.gpkg"


def _sqlite(path, *statements):
    con = sqlite3.connect(path)
    for st in statements:
        con.execute(st)
    con.commit()
    con.close()


def _damage_page(path):
    con = sqlite3.connect(path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sm_values'").fetchone()[0]
    con.close()
    data = bytearray(open(path, "rb").read())
    data[(root - 1) * size + 8 : root * size] = b"\x13" * (size - 8)
    open(path, "wb").write(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 500),
            "is not a GeoPackage: the file is not a SQLite",
        ),
        (lambda p: p.write_bytes(p.read_bytes()[:40000]), "is incomplete: it holds 40,000 of"),
        (_damage_page, "is damaged"),
        (
            lambda p: _sqlite(p, "UPDATE sm_values SET value = value + 1 WHERE value IS NOT NULL"),
            "does not match its checksum",
        ),
        (lambda p: _sqlite(p, "DELETE FROM sm_targets"), "does not match its checksum"),
        (
            lambda p: _sqlite(p, "DELETE FROM sm_meta WHERE key = 'snapshot_sha256'"),
            "not a snapshot written by storebackup",
        ),
        (
            lambda p: _sqlite(p, "INSERT INTO sm_schema_version VALUES (99, '2030-01-01', 'future')"),
            f"schema version 99, newer than this plugin knows \\({SCHEMA_VERSION}\\).*Update the Sozialplanung plugin",
        ),
    ],
    ids=["png", "truncated", "damaged", "edited", "rows_missing", "no_checksum", "newer"],
)
def test_bad_snapshots_are_refused_and_nothing_changes(tmp_path, target, spoil, message):
    snap = _snapshot(tmp_path)
    spoil(snap)
    before_snap = sha(snap)
    s = open_(target)  # a store with data: must stay as it is
    s.put_units("space", [{"key": "Z", "geometry": box(0, 0, 1, 1)}])
    before = read_content(s)
    s.close()
    with pytest.raises(InputError, match=message) as err:
        restore(snap, target[0], schema=target[1] or "sozialmonitoring", overwrite=True)
    assert "Traceback" not in str(err.value)
    s = open_(target)
    assert read_content(s) == before
    s.close()
    assert sha(snap) == before_snap
    # and into a new store path: nothing is created
    with pytest.raises(InputError, match=message):
        restore(snap, tmp_path / "new.gpkg")
    assert not (tmp_path / "new.gpkg").exists()


def test_a_store_with_data_is_replaced_only_when_asked(tmp_path, target):
    snap = _snapshot(tmp_path)
    s = open_(target)
    s.put_units("space", [{"key": "Z", "geometry": box(0, 0, 1, 1)}])
    s.close()
    with pytest.raises(InputError, match=r"holds data \(1 rows in sm_units\).*confirm with 'overwrite'"):
        restore(snap, target[0], schema=target[1] or "sozialmonitoring")
    restore(snap, target[0], schema=target[1] or "sozialmonitoring", overwrite=True)
    s = open_(target)
    assert sorted(s.units("space")["key"]) == ["A", "B"]  # Z is gone: a restore replaces everything
    s.close()


def test_an_older_snapshot_is_migrated_on_a_copy(tmp_path):
    """A snapshot of schema version 3 (before facilities): restored into a version-4 store."""
    snap = _snapshot(tmp_path)
    _sqlite(
        snap,
        "DROP VIEW sm_current_facilities",
        "DROP TABLE sm_facilities",
        "DELETE FROM gpkg_contents WHERE table_name IN ('sm_facilities', 'sm_current_facilities')",
        "DELETE FROM gpkg_geometry_columns WHERE table_name IN ('sm_facilities', 'sm_current_facilities')",
        "DELETE FROM sm_schema_version WHERE version = 4",
    )
    old = Store.open(snap, read_only=True, _upto=3)
    checksum = digest(read_content(old))
    old.close()
    _sqlite(snap, f"UPDATE sm_meta SET value = '{checksum}' WHERE key = 'snapshot_sha256'")
    before = sha(snap)
    out = restore(snap, tmp_path / "new.gpkg")
    assert out["from_version"] == 3 and sha(snap) == before  # the snapshot itself is not touched
    s = Store.open(tmp_path / "new.gpkg")
    assert s.schema_version == SCHEMA_VERSION and len(s.read_slice("space", 2021)) == 3 and not len(s.facilities())
    s.close()


def test_backup_never_overwrites_and_leaves_no_half_file(tmp_path, filled):
    snap = tmp_path / "b.gpkg"
    (tmp_path / "b.part.gpkg").write_bytes(b"left over by a killed backup")
    backup(filled, snap)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("b.")) == ["b.gpkg"]
    before = sha(snap)
    with pytest.raises(InputError, match="exists already. A backup never overwrites"):
        backup(filled, snap)
    assert sha(snap) == before
    with pytest.raises(InputError, match="folder .* does not exist"):
        backup(filled, tmp_path / "nowhere" / "b.gpkg")


def _transfers(t, stop_after):
    """Moves residents between blocks 1 and 2 in single transactions: their sum stays 400 in every committed state."""
    s = open_(t)
    end = time.time() + stop_after
    i = 0
    while time.time() < end:
        i += 1
        a = 100.0 + i % 50
        s.write_values(
            pd.DataFrame({"unit_key": ["053780040001", "053780040002"], "variable": "ew", "value": [a, 400.0 - a]}),
            level="block",
            catalogue=CAT,
            ref_date=2021,
        )
    s.close()


def test_backup_is_one_consistent_read_while_others_write(target, tmp_path):
    s = open_(target)
    fill(s)
    s.close()
    writer = FORK.Process(target=_transfers, args=(target, 4.0))
    writer.start()
    try:
        time.sleep(0.5)
        s = open_(target, busy_timeout=30)
        for i in range(3):
            backup(s, tmp_path / f"b{i}.gpkg")
        s.close()
    finally:
        writer.join(timeout=60)
    for i in range(3):
        snap = Store.open(tmp_path / f"b{i}.gpkg", read_only=True)
        v = snap.read_slice("block", 2021, provenance=True).set_index("unit_key")
        last_import = snap._all("SELECT max(import_id) FROM sm_import_log")[0][0]
        snap.close()
        assert v.loc["053780040001", "value"] + v.loc["053780040002", "value"] == 400.0
        # the import log and the values are of the same moment (two tables, read by two statements)
        assert v["import_id"].max() == last_import


def test_the_backup_read_sees_one_moment(target):
    """Deterministic: a write committed by another connection during the backup's read is not seen by it
    (PostgreSQL: REPEATABLE READ snapshot); on SQLite the writer waits until the read is done."""
    s = open_(target)
    fill(s)
    other = open_(target, busy_timeout=0.5)
    change = pd.DataFrame({"unit_key": ["053780040001"], "variable": "ew", "value": [999.0]})
    with s.read_snapshot() as cur:
        first = s._all("SELECT count(*), sum(value) FROM sm_values", (), cur)
        if target[1] is None:
            with pytest.raises(InputError, match="locked by another program"):
                other.write_values(change, level="block", catalogue=CAT, ref_date=2021)
        else:
            assert other.write_values(change, level="block", catalogue=CAT, ref_date=2021).status == "written"
        assert s._all("SELECT count(*), sum(value) FROM sm_values", (), cur) == first
        assert s._all("SELECT count(*) FROM sm_import_log", (), cur)[0][0] == 2
    other.close()
    s.close()
