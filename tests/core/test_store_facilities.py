"""Facilities as a versioned point layer in the store (for supply over the years), on GeoPackage and PostgreSQL.

Three day-care centres (Kitas) registered 2019, a register update 2022 (numbers by hand in the comments):
    K1 opened 2015, 50 places; from 2022 60 places (new version)
    K2 opened 2020-08-01, 30 places
    K3 opened 2010, closed 2021-08-01 (first day closed), 20 places
    K4 (2022 register) opened 2022-03-01, 25 places
Open on 31.12.: 2019 K1, K3 (70 places) | 2020 K1, K2, K3 (100) | 2021 K1, K2 (80) | 2022 K1, K2, K4 (115).
"""

import pytest
from shapely.geometry import Point, box

from sozialplanung_plugin.core.errors import InputError

from .. import helpers, pgserver
from ..helpers import open_target as open_
from ..helpers import sha256_file

pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn  # pytest fixtures of the throwaway server
target = helpers.store_target  # the same cases on a GeoPackage and on PostgreSQL


def kitas():
    return [
        {
            "key": "K1",
            "type": "kita",
            "name": "Kita Sonnenschein",
            "capacity": 50,
            "opened": 2015,
            "geometry": Point(500, 500),
        },
        {
            "key": "K2",
            "type": "kita",
            "name": "Kita Regenbogen",
            "capacity": 30,
            "opened": "2020-08-01",
            "geometry": Point(1500, 500),
        },
        {
            "key": "K3",
            "type": "kita",
            "capacity": "20",
            "opened": "01.01.2010",
            "closed": "2021-08-01",
            "geometry": Point(2500, 500),
        },
    ]


@pytest.fixture
def store(target):
    s = open_(target)
    s.put_units(
        "municipality",
        [
            {"key": "05378004", "geometry": box(0, 0, 2000, 1000)},
            {"key": "05378008", "geometry": box(2000, 0, 4000, 1000)},
        ],
    )
    s.put_units(
        "space", [{"key": "A", "geometry": box(0, 0, 1000, 1000)}, {"key": "B", "geometry": box(1000, 0, 4000, 1000)}]
    )
    assert s.put_facilities(kitas(), valid_from=2019, attribute_columns=()) == {
        "added": 3,
        "changed": 0,
        "unchanged": 0,
        "ended": 0,
    }
    yield s
    s.close()


def open_at(store, day):
    f = store.facilities(day)
    return sorted(f["key"]), f["capacity"].sum()


def test_open_facilities_year_by_year(store):
    update = kitas()
    update[0]["capacity"] = 60
    update.append({"key": "K4", "type": "kita", "capacity": 25, "opened": "2022-03-01", "geometry": Point(3500, 500)})
    assert store.put_facilities(update, valid_from="2022-01-01") == {
        "added": 1,
        "changed": 1,
        "unchanged": 2,
        "ended": 0,
    }
    assert open_at(store, 2019) == (["K1", "K3"], 70.0)
    assert open_at(store, 2020) == (["K1", "K2", "K3"], 100.0)
    assert open_at(store, 2021) == (["K1", "K2"], 80.0)
    assert open_at(store, 2022) == (["K1", "K2", "K4"], 115.0)
    # every facility valid that day, closed or not yet open included
    assert sorted(store.facilities(2019, open_only=False)["key"]) == ["K1", "K2", "K3"]
    h = store.facility_history(["K1"])
    assert list(h["capacity"]) == [50.0, 60.0] and list(h["valid_to"]) == ["2022-01-01", None]
    f = store.facilities(2020).set_index("key")
    assert f.loc["K2", "opened"] == "2020-08-01" and f.loc["K3", "closed"] == "2021-08-01"
    assert f.loc["K1", "opened"] == "2015-01-01"  # a year is 1 January, as core.facilities reads it
    assert (f.loc["K2", "x"], f.loc["K2", "y"]) == (1500.0, 500.0) and f.loc["K1", "name"] == "Kita Sonnenschein"


def test_municipality_and_units_of_each_facility(store):
    f = store.facilities(2020).set_index("key")
    assert f["municipality"].to_dict() == {"K1": "05378004", "K2": "05378004", "K3": "05378008"}
    inside = store.facilities_in_units(2020, "space").set_index("key")["unit_key"].to_dict()
    assert inside == {"K1": "A", "K2": "B", "K3": "B"}


def test_unchanged_register_writes_nothing(store, tmp_path):
    again = store.put_facilities(kitas(), valid_from=2023)
    assert again == {"added": 0, "changed": 0, "unchanged": 3, "ended": 0}
    assert len(store.facility_history()) == 3


def test_unchanged_register_leaves_a_geopackage_byte_identical(tmp_path):
    from sozialplanung_plugin.core.store import Store

    path = tmp_path / "m.gpkg"
    s = Store.open(path)
    s.put_facilities(kitas(), valid_from=2019)
    s.close()
    before = sha256_file(path)
    s = Store.open(path)
    s.put_facilities(kitas(), valid_from=2023)
    s.facilities(2020)
    s.close()
    assert sha256_file(path) == before


def test_replace_ends_facilities_missing_from_the_register(store):
    r = store.put_facilities(kitas()[:2], valid_from=2024, replace=True)
    assert r["ended"] == 1
    assert sorted(store.facilities(2024, open_only=False)["key"]) == ["K1", "K2"]
    assert sorted(store.facilities(2020, open_only=False)["key"]) == ["K1", "K2", "K3"]  # history kept


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.append(dict(f[0])), "Facility key 'K1' occurs more than once"),
        (lambda f: f[0].update(capacity=-5), "capacity -5 is negative"),
        (lambda f: f[0].update(capacity="viele"), "capacity 'viele' is not a number"),
        (lambda f: f[1].update(closed="2019-01-01"), "closes .* before or when it opens"),
        (lambda f: f[1].update(opened="im Sommer"), "Facility 'K2': 'im Sommer' is no opening date"),
        (lambda f: f[0].update(geometry=box(0, 0, 1, 1)), "Polygon geometry; facilities are stored as points"),
        (lambda f: f[0].update(type=None), "Facility 'K1' has no type"),
        (lambda f: f[0].update(key=17), "must be non-empty text"),
    ],
)
def test_bad_facilities_are_refused_and_nothing_is_written(store, change, message):
    before = store.facility_history()
    bad = kitas()
    bad[0]["capacity"] = 55  # a real change too: nothing of it may be written
    change(bad)
    with pytest.raises(InputError, match=message):
        store.put_facilities(bad, valid_from=2024)
    assert store.facility_history().equals(before)


def test_a_change_dated_before_the_current_version_is_refused(store):
    changed = kitas()
    changed[0]["capacity"] = 70
    with pytest.raises(InputError, match="valid from 2019-12-31; a change must be valid from a later date"):
        store.put_facilities(changed, valid_from=2018)
