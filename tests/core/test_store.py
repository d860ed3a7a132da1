"""The Sozialmonitoring store, the SAME cases against a GeoPackage file and a real PostgreSQL + PostGIS.

The PostgreSQL server is a throwaway cluster started by tests/pgserver.py (skips only when the binaries are
absent). Numbers in the assertions are computed by hand in the comments.
"""

import os
import select
import signal
import sqlite3
import sys
import time

import pandas as pd
import pytest
from shapely.geometry import box

from tests import helpers, pgserver  # noqa: E402  (not tests/ on sys.path: tests/qgis would hide the real qgis package)

pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn  # pytest fixtures of the throwaway server

from sozialplanung_plugin.core.errors import InputError  # noqa: E402
from sozialplanung_plugin.core.store import (  # noqa: E402
    SCHEMA_VERSION,
    Store,
    gpkg_blob_to_wkb,
    normalise_date,
    to_wide,
    values_from_wide,
)
from tests.helpers import FORK, STORE_CATALOGUE, ew_values  # noqa: E402

CAT = STORE_CATALOGUE
OTHER_CAT = dict(CAT, id="berlin-mss", version="2023")

try:
    import psycopg2

    DB_ERRORS = (sqlite3.Error, psycopg2.Error)
except ImportError:  # the GeoPackage cases run without it
    DB_ERRORS = (sqlite3.Error,)


target = helpers.store_target  # (target, schema) of an empty store: GeoPackage and PostgreSQL
open_ = helpers.open_target
blocks = helpers.store_blocks


def snapshot(store):
    """Every row of every store table, to prove that a refused or failed write changed nothing."""
    out = {}
    for t in ("sm_meta", "sm_units", "sm_assignment", "sm_catalogue", "sm_import_log", "sm_values", "sm_targets"):
        rows = store._all(f"SELECT * FROM {t}")
        out[t] = sorted(tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows)
    return out


@pytest.fixture
def store(target):
    s = open_(target)
    s.put_units("block", blocks(4, ["A", "A", "B", "B"]), parent_column="space")
    s.put_units(
        "space",
        [{"key": "A", "geometry": box(1000, 0, 3000, 1000)}, {"key": "B", "geometry": box(3000, 0, 5000, 1000)}],
    )
    yield s
    s.close()


# ------------------------------------------------------------------------------------------- schema


def test_schema_is_versioned_and_migrated_in_order(target):
    s = open_(target, _upto=1)
    assert s.schema_version == 1
    with pytest.raises(DB_ERRORS, match="sm_current_block"):
        s._all("SELECT * FROM sm_current_block")
    s.close()
    s = open_(target)  # re-open: steps 2 (views), 3 (municipality) and 4 (facilities) applied, step 1 not repeated
    assert s.schema_version == SCHEMA_VERSION == 4
    assert [r[0] for r in s._all("SELECT version FROM sm_schema_version ORDER BY version")] == [1, 2, 3, 4]
    assert s._all("SELECT level, rank FROM sm_levels ORDER BY rank") == [
        ("block", 1),
        ("space", 2),
        ("municipality", 3),
        ("county", 4),
    ]
    s.put_units("block", blocks(2))
    assert sorted(r[0] for r in s._all("SELECT key FROM sm_current_block")) == ["053780040001", "053780040002"]
    s.close()


def test_migration_3_gives_every_unit_its_municipality(target):
    s = open_(target, _upto=2)
    s._q(
        "INSERT INTO sm_units (level, key, valid_from) VALUES ('block', '053780040012', '2020-01-01'), "
        "('space', '05378004-02', '2020-01-01'), ('space', 'Nord', '2020-01-01'), "
        "('municipality', '05378004', '2020-01-01'), ('county', '05378', '2020-01-01')"
    )
    s.close()
    s = open_(target)
    assert dict(s._all("SELECT key, municipality FROM sm_units")) == {
        "053780040012": "05378004",
        "05378004-02": "05378004",
        "Nord": None,
        "05378004": "05378004",
        "05378": None,
    }
    # new units get it on registration too; an explicit column wins
    s.put_units("block", blocks(1))
    s.put_units(
        "space", [{"key": "Süd", "geometry": box(0, 0, 1, 1), "gemeinde": "05378008"}], municipality_column="gemeinde"
    )
    got = dict(s._all("SELECT key, municipality FROM sm_units WHERE valid_to IS NULL AND level IN ('block', 'space')"))
    assert got["053780040001"] == "05378004" and got["Süd"] == "05378008"
    s.close()


def test_newer_schema_is_refused(target):
    s = open_(target)
    s._q("INSERT INTO sm_schema_version (version, applied_at, description) VALUES (99, ?, 'future')", (s._now(),))
    s.close()
    with pytest.raises(InputError, match="schema version 99"):
        open_(target)


def test_geopackage_is_a_proper_geopackage(tmp_path):
    path = tmp_path / "m.gpkg"
    s = Store.open(path)
    s.put_units("block", blocks(2))
    s.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert con.execute("SELECT data_type, srs_id FROM gpkg_contents WHERE table_name='sm_units'").fetchone() == (
        "features",
        25832,
    )
    assert con.execute(
        "SELECT column_name, geometry_type_name FROM gpkg_geometry_columns WHERE table_name='sm_units'"
    ).fetchone() == ("geom", "MULTIPOLYGON")
    blob = con.execute("SELECT geom FROM sm_units WHERE key='053780040002'").fetchone()[0]
    assert blob[:2] == b"GP" and int.from_bytes(blob[4:8], "little") == 25832
    from shapely import wkb

    assert wkb.loads(gpkg_blob_to_wkb(blob)).bounds == (2000.0, 0.0, 3000.0, 1000.0)
    con.close()
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("sm_current_block")
    assert layer.GetFeatureCount() == 2
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "25832"
    layer.SetSpatialFilterRect(2500, 100, 2600, 200)  # uses the R-tree index
    assert [f.GetField("key") for f in layer] == ["053780040002"]
    assert round(ds.GetLayerByName("sm_units").GetNextFeature().GetGeometryRef().GetArea()) == 1_000_000


# ------------------------------------------------------------------------------------------- units


def test_units_are_versioned(store):
    changed = blocks(4)
    changed.loc[0, "geometry"] = box(1000, 0, 2000, 2000)  # block 1 grows to 2 km^2 in 2022
    counts = store.put_units("block", changed, valid_from=2022)
    assert counts == {"added": 0, "changed": 1, "unchanged": 3, "closed": 0, "assigned": 0}
    old = store.units("block", at="2021-12-31").set_index("key")
    new = store.units("block", at="2022-12-31").set_index("key")
    assert old.loc["053780040001", "area_km2"] == pytest.approx(1.0)
    assert new.loc["053780040001", "area_km2"] == pytest.approx(2.0)
    assert old.loc["053780040001", "valid_to"] == "2022-12-31"
    assert len(store.units("block")) == 4  # current versions only
    assert store._all("SELECT count(*) FROM sm_units WHERE level = 'block'")[0][0] == 5


def test_unit_keys_must_be_text(store):
    bad = blocks(1)
    bad["key"] = [53780040001]
    with pytest.raises(InputError, match="must be text"):
        store.put_units("block", bad)


# ------------------------------------------------------------------------------------------- values


def test_write_and_read_slice_roundtrip(store):
    vals = pd.DataFrame(
        {
            "unit_key": ["A", "B"],
            "variable": "sgb2_quote",
            "value": [10.0, None],
            "numerator": [40, None],
            "denominator": [400, 380],
            "flag": ["unreliable", "suppressed"],
        }
    )
    r = store.write_values(vals, level="space", catalogue=CAT, ref_date=2020)
    assert (r.status, r.inserted, r.updated, r.unchanged) == ("written", 2, 0, 0)
    got = store.read_slice("space", "31.12.2020").set_index("unit_key")
    assert got.loc["A", "value"] == 10.0 and got.loc["A", "numerator"] == 40 and got.loc["A", "denominator"] == 400
    assert got.loc["A", "unreliable"] == 1 and got.loc["A", "suppressed"] == 0
    assert pd.isna(got.loc["B", "value"]) and got.loc["B", "suppressed"] == 1
    assert got.loc["A", "ref_date"] == "2020-12-31"
    wide = to_wide(store.read_slice("space", 2020))
    assert list(wide.columns) == ["sgb2_quote", "sgb2_quote_num", "sgb2_quote_den", "sgb2_quote_flag"]
    assert wide.loc["B", "sgb2_quote_flag"] == "suppressed"
    log = store.import_log()
    assert len(log) == 1 and log.loc[0, "rows_inserted"] == 2 and log.loc[0, "catalogue_id"] == CAT["id"]
    assert log.loc[0, "plugin_version"] not in (None, "")


def test_upsert_updates_only_what_changed(store):
    store.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020)
    r = store.write_values(ew_values((100.0, 301.0, 200.0, 200.0)), level="block", catalogue=CAT, ref_date=2020)
    assert (r.inserted, r.updated, r.unchanged) == (0, 1, 3)
    got = store.read_slice("block", 2020).set_index("unit_key")["value"]
    assert got["053780040002"] == 301.0 and got.sum() == 801.0
    ids = store.read_slice("block", 2020, provenance=True).set_index("unit_key")["import_id"]
    assert ids["053780040002"] == r.import_id and ids["053780040001"] != r.import_id


def test_read_series_units_by_dates(store):
    for year, f in ((2019, 1.0), (2020, 1.1), (2021, 1.2)):
        store.write_values(
            ew_values([v * f for v in (100.0, 300.0, 200.0, 200.0)]), level="block", catalogue=CAT, ref_date=year
        )
    s = store.read_series("block", keys=["053780040002"], variables=["ew"])
    assert list(s["ref_date"]) == ["2019-12-31", "2020-12-31", "2021-12-31"]
    assert list(s["value"].round(6)) == [300.0, 330.0, 360.0]
    s = store.read_series("block", start=2020, end=2020)
    assert len(s) == 4
    wide = to_wide(store.read_series("block"), by="date")
    assert list(wide.columns) == ["ew_2019", "ew_2020", "ew_2021"]
    assert wide.loc["053780040004", "ew_2021"] == pytest.approx(240.0)
    assert store.dates("block") == ["2019-12-31", "2020-12-31", "2021-12-31"]


def test_values_from_wide_layer_table(store):
    layer = pd.DataFrame(
        {
            "key": ["A", "B"],
            "sgb2_quote": [10.0, 5.0],
            "sgb2_quote_num": [40.0, 20.0],
            "sgb2_quote_den": [400.0, 400.0],
            "sgb2_quote_flag": ["", "no_denominator"],
        }
    )
    long = values_from_wide(layer, "key", ["sgb2_quote"], ref_date=2021)
    store.write_values(long, level="space", catalogue=CAT)
    got = store.read_slice("space", 2021).set_index("unit_key")
    assert got.loc["B", "numerator"] == 20.0 and got.loc["B", "note"] == "no_denominator"
    assert to_wide(store.read_slice("space", 2021)).loc["B", "sgb2_quote_flag"] == "no_denominator"


def test_reimport_of_the_same_file_changes_nothing(store, tmp_path):
    csv = tmp_path / "ew_2020.csv"
    ew_values().to_csv(csv, index=False, sep=";")

    def load():
        return store.write_values(
            pd.read_csv(csv, sep=";", dtype={"unit_key": str}), level="block", catalogue=CAT, ref_date=2020, source=csv
        )

    first = load()
    assert first.status == "written" and len(first.source_sha256) == 64
    before = snapshot(store)
    again = load()
    assert again.status == "unchanged" and (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    assert again.source_sha256 == first.source_sha256
    assert snapshot(store) == before  # not even an import-log row


def test_wrong_keys_are_refused_before_anything_is_written(store):
    store.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020)
    before = snapshot(store)
    bad = ew_values()
    bad.loc[3, "unit_key"] = "053780049999"
    with pytest.raises(
        InputError,
        match=r"1 unit key\(s\) are not in the store at level 'block' on "
        r"2021-12-31: 053780049999\. Nothing was written",
    ):
        store.write_values(bad, level="block", catalogue=CAT, ref_date=2021)
    with pytest.raises(InputError, match="not in the store at level 'space'"):  # right keys, wrong level
        store.write_values(ew_values(), level="space", catalogue=CAT, ref_date=2021)
    assert snapshot(store) == before


def test_other_catalogue_and_unknown_variables_are_refused(store):
    store.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020)
    before = snapshot(store)
    with pytest.raises(InputError, match="catalogue 'sozialplanung-default'.*catalogue 'berlin-mss'"):
        store.write_values(ew_values(), level="block", catalogue=OTHER_CAT, ref_date=2021)
    odd = ew_values()
    odd["variable"] = "einwohner_gesamt"
    with pytest.raises(InputError, match="einwohner_gesamt.*Nothing was written"):
        store.write_values(odd, level="block", catalogue=CAT, ref_date=2021)
    dup = pd.concat([ew_values(), ew_values().iloc[:1]])
    with pytest.raises(InputError, match="more than once"):
        store.write_values(dup, level="block", catalogue=CAT, ref_date=2021)
    assert snapshot(store) == before
    # a new version of the same catalogue is fine and registered
    r = store.write_values(ew_values(), level="block", catalogue=dict(CAT, version="1.1"), ref_date=2021)
    assert r.status == "written" and store.catalogue()[1] == "1.1"


# ------------------------------------------------------------------------------------------- robustness


@pytest.mark.parametrize("with_units", [False, True], ids=["values", "units+values"])
def test_import_killed_halfway_leaves_store_as_it_was(store, target, with_units):
    store.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020)
    before = snapshot(store)
    store.close()
    r, w = os.pipe()
    p = FORK.Process(target=_killed_writer_1900, args=(target, w, with_units))
    p.start()
    os.close(w)
    ready, _, _ = select.select([r], [], [], 60)
    assert ready and os.read(r, 1) == b"H", "the writer never reached the middle of its transaction"
    os.kill(p.pid, signal.SIGKILL)
    p.join(30)
    assert p.exitcode == -signal.SIGKILL
    s = open_(target)
    assert snapshot(s) == before
    r2 = s.write_values(ew_values((1, 2, 3, 4)), level="block", catalogue=CAT, ref_date=2020)  # not locked
    assert r2.updated == 4
    s.close()


def _killed_writer_1900(target, fd, with_units=False):
    """Writes 2000 values in chunks of 500 and stops after the first chunk, inside the transaction (with_units:
    after registering two new blocks in the same outer transaction, as storewrite does)."""
    s = open_(target)
    outer = s.transaction()  # kept referenced: the outer transaction stays open until the kill
    if with_units:
        outer.__enter__()
        assert s.put_units("block", blocks(6))["added"] == 2
    n = 2000
    rows = pd.DataFrame(
        {
            "unit_key": [f"05378004{i % 4 + 1:04d}" for i in range(n)],
            "variable": "ew",
            "value": 1.0,
            "ref_date": [f"{1901 + i // 4}-12-31" for i in range(n)],
        }
    )

    def progress(fraction):
        os.write(fd, b"H")
        time.sleep(120)

    s.write_values(rows, level="block", catalogue=CAT, progress=progress, chunk_size=500)
    os._exit(3)


def _concurrent_writer(target, variable, barrier, factor):
    try:
        s = open_(target)
        barrier.wait(30)
        for year in range(2001, 2011):
            vals = pd.DataFrame(
                {
                    "unit_key": [f"05378004{i:04d}" for i in range(1, 201)],
                    "variable": variable,
                    "value": [factor * i + year for i in range(1, 201)],
                }
            )
            s.write_values(vals, level="block", catalogue=CAT, ref_date=year)
        s.close()
    except BaseException as exc:  # report, then fail via the exit code
        print("writer failed:", repr(exc), file=sys.stderr)
        os._exit(1)
    os._exit(0)


def test_two_processes_writing_at_once_lose_nothing(target):
    s = open_(target)
    s.put_units(
        "block", pd.DataFrame([{"key": f"05378004{i:04d}", "geometry": box(i, 0, i + 1, 1)} for i in range(1, 201)])
    )
    s.close()  # no catalogue yet: both writers race to bind it, too
    barrier = FORK.Barrier(2)
    procs = [
        FORK.Process(target=_concurrent_writer, args=(target, v, barrier, f)) for v, f in (("ew", 10), ("sgb2_lb", 1))
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
    assert [p.exitcode for p in procs] == [0, 0]
    s = open_(target)
    assert s.count_values() == 2 * 10 * 200
    allv = s.read_series("block")
    # sum over i=1..200, years 2001..2010 of (10 i + year) and (i + year)
    assert allv[allv.variable == "ew"]["value"].sum() == 10 * (10 * 20100) + 200 * sum(range(2001, 2011))
    assert allv[allv.variable == "sgb2_lb"]["value"].sum() == 10 * 20100 + 200 * sum(range(2001, 2011))
    log = s.import_log()
    assert len(log) == 20 and (log["rows_inserted"] == 200).all()
    s.close()


# ------------------------------------------------------------------------------------------- targets


def test_evaluate_targets(store):
    # sgb2_quote A: 20, 19, 18 (falling 1/year); B: 10, 10.5, 11 (rising 0.5/year)
    for year, a, b in ((2019, 20.0, 10.0), (2020, 19.0, 10.5), (2021, 18.0, 11.0)):
        store.write_values(
            pd.DataFrame({"unit_key": ["A", "B"], "variable": "sgb2_quote", "value": [a, b]}),
            level="space",
            catalogue=CAT,
            ref_date=year,
        )
    n = store.put_targets(
        pd.DataFrame(
            [
                # on track: 18 - 1/year * 4 years = 14 <= 15 by 2025; attainment (18-20)/(15-20) = 40 %
                {
                    "indicator": "sgb2_quote",
                    "unit_key": "A",
                    "target_value": 15,
                    "deadline": 2025,
                    "baseline_date": 2019,
                },
                # explicit baseline 21 in 2018: (18-21)/(15-21) = 50 %; trend over 21,20,19,18 = -1/year
                {
                    "indicator": "sgb2_quote",
                    "unit_key": "A",
                    "target_value": 15,
                    "deadline": 2026,
                    "baseline_date": 2018,
                    "baseline_value": 21,
                    "direction": "senken",
                },
                # already met at 2021 (18 <= 19.5)
                {"indicator": "sgb2_quote", "unit_key": "A", "target_value": 19.5, "deadline": 2020},
                # off track: 11 + 0.5 * 4 = 13 > 8; attainment (11-10)/(8-10) = -50 %
                {
                    "indicator": "sgb2_quote",
                    "unit_key": "B",
                    "target_value": 8,
                    "deadline": 2025,
                    "baseline_date": 2019,
                },
                # deadline 2020 passed, 11 > 9: missed
                {
                    "indicator": "sgb2_quote",
                    "unit_key": "B",
                    "target_value": 9,
                    "deadline": 2020,
                    "baseline_date": 2019,
                },
            ]
        )
    )
    assert n == 5
    ev = store.evaluate_targets(at=2021).set_index(["unit_key", "deadline"])
    a = ev.loc[("A", "2025-12-31")]
    assert a["status"] == "on_track" and a["direction"] == "at_most"
    assert a["attainment_pct"] == pytest.approx(40.0) and a["trend_per_year"] == pytest.approx(-1.0)
    assert a["projected"] == pytest.approx(14.0) and a["change"] == pytest.approx(-2.0)
    a2 = ev.loc[("A", "2026-12-31")]
    assert a2["attainment_pct"] == pytest.approx(50.0) and a2["trend_per_year"] == pytest.approx(-1.0)
    assert a2["projected"] == pytest.approx(13.0) and a2["status"] == "on_track"
    assert ev.loc[("A", "2020-12-31"), "status"] == "achieved"
    b = ev.loc[("B", "2025-12-31")]
    assert b["status"] == "off_track" and b["attainment_pct"] == pytest.approx(-50.0)
    assert b["trend_per_year"] == pytest.approx(0.5) and b["projected"] == pytest.approx(13.0)
    assert ev.loc[("B", "2020-12-31"), "status"] == "missed"
    # evaluated at 2019 only the baseline exists: no trend, not met -> off_track
    ev19 = store.evaluate_targets(at=2019).set_index(["unit_key", "deadline"])
    assert ev19.loc[("A", "2025-12-31"), "attainment_pct"] == 0.0
    assert ev19.loc[("A", "2025-12-31"), "status"] == "off_track"


def test_targets_are_validated(store):
    with pytest.raises(InputError, match="unit 'Z' is not in the store"):
        store.put_targets([{"indicator": "sgb2_quote", "unit_key": "Z", "target_value": 1, "deadline": 2025}])
    store.register_catalogue(CAT)
    with pytest.raises(InputError, match="indicator 'quote_x' is not in the store's catalogue"):
        store.put_targets([{"indicator": "quote_x", "unit_key": "A", "target_value": 1, "deadline": 2025}])
    store.put_targets([{"indicator": "beschaeftigtenquote", "unit_key": "A", "target_value": 60, "deadline": 2025}])
    assert store.targets().loc[0, "direction"] == "at_least"  # from polarity higher_better
    ev = store.evaluate_targets(at=2021)
    assert ev.loc[0, "status"] == "no_data"


# ------------------------------------------------------------------------------------------- carrying values


def test_carry_values_to_new_social_spaces(store):
    # old spaces A = {b1, b2}, B = {b3, b4}; from 2024: X = {b1, b3}, Y = {b2, b4}
    store.write_values(ew_values((100, 300, 200, 200)), level="block", catalogue=CAT, ref_date=2022)
    store.write_values(
        pd.DataFrame(
            {
                "unit_key": ["A", "B", "A", "B"],
                "variable": ["sgb2_lb", "sgb2_lb", "sgb2_quote", "sgb2_quote"],
                "value": [40, 20, 10.0, 5.0],
                "numerator": [None, None, 40, 20],
                "denominator": [None, None, 400, 400],
            }
        ),
        level="space",
        catalogue=CAT,
        ref_date=2022,
    )
    store.put_units(
        "space",
        [{"key": "X", "geometry": box(1000, 0, 5000, 500)}, {"key": "Y", "geometry": box(1000, 500, 5000, 1000)}],
        valid_from="2024-01-01",
        replace=True,
    )
    store.put_units("block", blocks(4, ["X", "Y", "X", "Y"]), parent_column="space", valid_from="2024-01-01")
    r = store.carry_values(from_at="2023-12-31", to_at="2024-01-01")
    assert r.status == "written" and r.inserted == 4
    got = store.read_slice("space", 2022, geometry_at="2024-06-30").set_index(["unit_key", "variable"])
    # sgb2_lb: X = 40 * 100/400 + 20 * 200/400 = 20; Y = 40 * 300/400 + 20 * 200/400 = 40
    assert got.loc[("X", "sgb2_lb"), "value"] == pytest.approx(20.0)
    assert got.loc[("Y", "sgb2_lb"), "value"] == pytest.approx(40.0)
    # sgb2_quote: X = (10 + 10) / (100 + 200) * 100 = 6.667 %; Y = (30 + 10) / (300 + 200) * 100 = 8 %
    assert got.loc[("X", "sgb2_quote"), "numerator"] == pytest.approx(20.0)
    assert got.loc[("X", "sgb2_quote"), "denominator"] == pytest.approx(300.0)
    assert got.loc[("X", "sgb2_quote"), "value"] == pytest.approx(20 / 3)
    assert got.loc[("Y", "sgb2_quote"), "value"] == pytest.approx(8.0)
    assert (got["estimated"] == 1).all()
    old = store.read_slice("space", 2022).set_index(["unit_key", "variable"])  # originals untouched
    assert old.loc[("A", "sgb2_quote"), "value"] == 10.0 and (old["estimated"] == 0).all()
    assert store.read_series("space", variables=["sgb2_lb"])["unit_key"].tolist() == ["X", "Y"]


# ------------------------------------------------------------------------------------------- helpers


def test_normalise_date():
    assert normalise_date(2023) == "2023-12-31"
    assert normalise_date("2023") == "2023-12-31"
    assert normalise_date("30.06.2021") == "2021-06-30"
    assert normalise_date("2021-06-30T00:00:00") == "2021-06-30"
    with pytest.raises(InputError, match="not a date"):
        normalise_date("Juni 2021")


def test_not_a_geopackage_is_refused(tmp_path):
    with pytest.raises(InputError, match="must end with .gpkg"):
        Store.open(tmp_path / "x.sqlite")
    with pytest.raises(InputError, match="does not exist"):
        Store.open(tmp_path / "missing.gpkg", create=False)


# ------------------------------------------------------------------------------------------- all-or-nothing


def test_units_and_values_in_one_transaction_all_or_nothing(store):
    """Registering new units and then refusing the values rolls the units back too (savepoints)."""
    store.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020)
    before = snapshot(store)
    with pytest.raises(InputError, match="berlin-mss"):
        with store.transaction():
            counts = store.put_units("block", blocks(6))
            assert counts["added"] == 2
            store.write_values(ew_values(), level="block", catalogue=OTHER_CAT, ref_date=2021)
    assert snapshot(store) == before
    with store.transaction():  # the same, right catalogue: both kept
        store.put_units("block", blocks(6))
        r = store.write_values(
            pd.DataFrame({"unit_key": ["053780040006"], "variable": "ew", "value": [7.0]}),
            level="block",
            catalogue=CAT,
            ref_date=2021,
        )
    assert r.status == "written"
    assert len(store.units("block")) == 6 and store.read_slice("block", 2021)["value"].tolist() == [7.0]
    with store.transaction():  # unchanged re-import inside an outer transaction: no log row
        r = store.write_values(
            pd.DataFrame({"unit_key": ["053780040006"], "variable": "ew", "value": [7.0]}),
            level="block",
            catalogue=CAT,
            ref_date=2021,
        )
    assert r.status == "unchanged" and len(store.import_log()) == 2


# ------------------------------------------------------------------------------------------- layer tables


def test_values_from_layer_wide_and_long_contract():
    from sozialplanung_plugin.core.store import values_from_layer, wide_by_year

    known = {"sgb2_quote", "ew"}
    wide = pd.DataFrame(
        {
            "key": ["A", "B"],
            "name": ["a", "b"],
            "sgb2_quote_2009": [10.0, None],
            "sgb2_quote_num_2009": [40.0, None],
            "sgb2_quote_den_2009": [400.0, 380.0],
            "sgb2_quote_flag_2009": ["", "suppressed"],
            "sgb2_quote_2025": [9.0, 8.0],
            "sgb2_quote_chg_2009_2025": [-1.0, None],
            "sgb2_quote_ref_county_2009": [7.0, 7.0],
            "ew_2025": [None, None],
        }
    )
    v = values_from_layer(wide, "key", known).set_index(["unit_key", "ref_date"])
    assert len(v) == 4  # ew_2025 all empty -> dropped; changes/references ignored
    assert v.loc[("A", "2009-12-31"), "numerator"] == 40.0
    assert v.loc[("B", "2009-12-31"), "flag"] == "suppressed" and pd.isna(v.loc[("B", "2009-12-31"), "value"])
    assert v.loc[("B", "2025-12-31"), "value"] == 8.0 and pd.isna(v.loc[("B", "2025-12-31"), "denominator"])
    long = pd.DataFrame(
        {
            "key": ["A", "A"],
            "year": [2009, 2025],
            "sgb2_quote": [10.0, 9.0],
            "sgb2_quote_num": [40.0, 36.0],
            "sgb2_quote_den": [400.0, 400.0],
            "sgb2_quote_flag": ["", "unreliable"],
            "sgb2_quote_ref_county": [7.0, 7.0],
        }
    )
    v = values_from_layer(long, "key", known)
    assert v["ref_date"].tolist() == ["2009-12-31", "2025-12-31"] and v["flag"].tolist() == ["", "unreliable"]
    with pytest.raises(InputError, match="no fields of catalogue indicators"):
        values_from_layer(long, "key", {"other"})
    # wide_by_year is the inverse layout
    stored = pd.DataFrame(
        {
            "unit_key": ["A", "A"],
            "variable": "sgb2_quote",
            "ref_date": ["2009-12-31", "2025-12-31"],
            "value": [10.0, 9.0],
            "numerator": [40.0, 36.0],
            "denominator": [400.0, 400.0],
            "suppressed": 0,
            "unreliable": [0, 1],
            "estimated": 0,
            "interpolated": 0,
            "note": None,
        }
    )
    w = wide_by_year(stored)
    assert list(w.columns) == [
        "sgb2_quote_2009",
        "sgb2_quote_num_2009",
        "sgb2_quote_den_2009",
        "sgb2_quote_flag_2009",
        "sgb2_quote_2025",
        "sgb2_quote_num_2025",
        "sgb2_quote_den_2025",
        "sgb2_quote_flag_2025",
    ]
    assert w.loc["A", "sgb2_quote_flag_2025"] == "unreliable" and w.loc["A", "sgb2_quote_num_2025"] == 36.0


def test_catalogue_record_of_the_default_catalogue():
    from sozialplanung_plugin.core.catalogue import load_catalogue
    from sozialplanung_plugin.core.store import catalogue_record

    cat = load_catalogue()
    cid, version, d = catalogue_record(cat)
    assert cid == cat.name and version == str(cat.version)
    assert "sgb2_quote" in {i["id"] for i in d["indicators"]} and "ew" in {v["id"] for v in d["variables"]}


def test_postgres_roles_as_documented(pg_server):
    """docs/store.md setup: the owner creates the schema's tables, a planner writes, a reader reads; a planner
    without CREATE rights gets a clear message instead of a permission error."""
    import uuid

    import psycopg2

    sfx = uuid.uuid4().hex[:8]
    schema, owner, planner, reader = f"sm_{sfx}", f"owner_{sfx}", f"meier_{sfx}", f"leser_{sfx}"
    conn = psycopg2.connect(pg_server.dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        for sql in (
            f"CREATE ROLE {owner} LOGIN",
            f"CREATE ROLE planners_{sfx} NOLOGIN",
            f"CREATE ROLE readers_{sfx} NOLOGIN",
            f"CREATE SCHEMA {schema} AUTHORIZATION {owner}",
            f"GRANT USAGE ON SCHEMA {schema} TO planners_{sfx}, readers_{sfx}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO planners_{sfx}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} "
            f"GRANT USAGE, SELECT ON SEQUENCES TO planners_{sfx}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema} GRANT SELECT ON TABLES TO readers_{sfx}",
            f"CREATE ROLE {planner} LOGIN IN ROLE planners_{sfx}",
            f"CREATE ROLE {reader} LOGIN IN ROLE readers_{sfx}",
        ):
            cur.execute(sql)
    conn.close()
    dsn = pg_server.dsn.replace("user=postgres", "user={}")
    s = Store.open(dsn.format(owner), schema=schema)
    s.put_units("block", blocks(4))
    s.close()
    s = Store.open(dsn.format(planner), schema=schema)
    assert s.write_values(ew_values(), level="block", catalogue=CAT, ref_date=2020).status == "written"
    s.close()
    s = Store.open(dsn.format(reader), schema=schema)
    assert s.read_slice("block", 2020)["value"].sum() == 800.0
    with pytest.raises(InputError, match="The PostgreSQL role may not do this.*permission denied"):
        s.write_values(ew_values((1, 1, 1, 1)), level="block", catalogue=CAT, ref_date=2020)
    s.close()
    with pytest.raises(InputError, match="may not create or update the store's schema 'elsewhere'"):
        Store.open(dsn.format(planner), schema="elsewhere")


def test_target_already_met_at_the_baseline(store):
    for year, b in ((2019, 10.0), (2020, 10.5), (2021, 8.5)):
        store.write_values(
            pd.DataFrame({"unit_key": ["B"], "variable": "sgb2_quote", "value": [b]}),
            level="space",
            catalogue=CAT,
            ref_date=year,
        )
    store.put_targets(
        [
            {"indicator": "sgb2_quote", "unit_key": "B", "target_value": 12, "deadline": 2025, "baseline_date": 2019},
            {
                "indicator": "beschaeftigtenquote",
                "unit_key": "B",
                "target_value": 9,
                "deadline": 2025,
                "baseline_date": 2019,
                "baseline_value": 9.5,
            },
        ]
    )
    ev = store.evaluate_targets(at=2021).set_index("indicator")
    # 10 <= 12 at the baseline and 8.5 <= 12 now: nothing to close, still met
    assert ev.loc["sgb2_quote", "attainment_pct"] == 100.0 and ev.loc["sgb2_quote", "status"] == "achieved"
    # at_least 9 (polarity higher_better) on the sgb2 series? no values of beschaeftigtenquote -> no data
    assert ev.loc["beschaeftigtenquote", "status"] == "no_data"
