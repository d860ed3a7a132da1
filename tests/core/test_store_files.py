"""A GeoPackage store that is not what it should be: read-only, not a database, cut off, damaged, mistyped.

Each case must end in an InputError that says what is wrong and what to do - never a sqlite3 traceback - and
must leave every file as it was (byte-identical) and create none.
"""

import os
import sqlite3

import pandas as pd
import pytest
from shapely.geometry import box

from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.store import Store

from ..helpers import read_only_folder
from ..helpers import sha256_file as sha

CAT = {"id": "cat", "version": "1", "indicators": [], "variables": ["ew"]}


def files_in(folder):
    return sorted(p.name for p in folder.iterdir())


def good_store(path):
    s = Store.open(path)
    s.put_units("block", [{"key": f"b{i}", "geometry": box(i, 0, i + 1, 1)} for i in range(200)])
    values = pd.DataFrame({"unit_key": [f"b{i}" for i in range(200)], "variable": "ew", "value": 1.0})
    s.write_values(values, level="block", catalogue=CAT, ref_date=2020)
    s.close()
    return path


def test_store_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    path = good_store(folder / "m.gpkg")
    before = sha(path)
    with read_only_folder(folder):
        # reading works and writes nothing
        s = Store.open(path, read_only=True)
        assert s.read_slice("block", 2020)["value"].sum() == 200.0
        s.close()
        # a write cannot create SQLite's journal beside the store: a message, nothing written
        s = Store.open(path)  # opening an up-to-date store writes nothing, so it works
        with pytest.raises(InputError, match="cannot be written: the file or its folder is read-only"):
            s.put_units("block", [{"key": "new", "geometry": box(0, 5, 1, 6)}])
        s.close()
        with pytest.raises(InputError, match="cannot be created: its folder is read-only"):
            Store.open(folder / "new.gpkg")
    assert sha(path) == before and files_in(folder) == ["m.gpkg"]


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # a picture named .gpkg
        b"Blocknummer;Einwohner\n053780040001;12\n",  # a CSV named .gpkg
        b"SQLite format",  # the beginning of the magic text only
    ],
    ids=["png", "csv", "short"],
)
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_a_file_that_is_not_a_database(tmp_path, content, read_only):
    path = tmp_path / "m.gpkg"
    path.write_bytes(content)
    with pytest.raises(InputError, match="is not a GeoPackage: the file is not a SQLite database") as err:
        Store.open(path, read_only=read_only)
    assert "sqlite3" not in str(err.value)
    assert path.read_bytes() == content and files_in(tmp_path) == ["m.gpkg"]


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.999])
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_a_truncated_store(tmp_path, fraction, read_only):
    full = good_store(tmp_path / "full.gpkg")
    data = full.read_bytes()
    cut = tmp_path / "m.gpkg"
    cut.write_bytes(data[: int(len(data) * fraction)])
    before = sha(cut)
    with pytest.raises(InputError, match=rf"is incomplete: it holds {int(len(data) * fraction):,}"):
        Store.open(cut, read_only=read_only)
    assert sha(cut) == before and sorted(files_in(tmp_path)) == ["full.gpkg", "m.gpkg"]


def test_a_damaged_store_page(tmp_path):
    """Complete in size but a page overwritten (a bad sector, a broken copy): SQLite finds it only when a query
    reaches the page; the message still says 'damaged' and what to do."""
    path = good_store(tmp_path / "m.gpkg")
    data = bytearray(path.read_bytes())
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sm_units'").fetchone()[0]
    con.close()
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size  # the units table's root page
    path.write_bytes(bytes(data))
    before = sha(path)
    s = Store.open(path, read_only=True)
    with pytest.raises(InputError, match="is damaged .*Restore it from a backup"):
        s.units("block")
    s.close()
    assert sha(path) == before


def test_mistyped_path_is_refused_and_creates_nothing(tmp_path):
    good_store(tmp_path / "monitoring.gpkg")
    with pytest.raises(InputError, match="does not exist. Check the path"):
        Store.open(tmp_path / "monitorign.gpkg", read_only=True)
    with pytest.raises(InputError, match="folder .* does not exist"):
        Store.open(tmp_path / "no_such_folder" / "m.gpkg")
    with pytest.raises(InputError, match="is empty"):
        (tmp_path / "empty.gpkg").touch()
        Store.open(tmp_path / "empty.gpkg", read_only=True)
    assert files_in(tmp_path) == ["empty.gpkg", "monitoring.gpkg"]


def test_reading_leaves_the_file_byte_identical(tmp_path):
    """Opening and reading never touch the file: not the header (change counter), not a page."""
    path = good_store(tmp_path / "m.gpkg")
    before, mtime = sha(path), os.stat(path).st_mtime_ns
    for read_only in (True, False):  # also a writing open of an up-to-date store writes nothing by itself
        s = Store.open(path, read_only=read_only)
        s.read_slice("block", 2020)
        s.read_series("block")
        s.units("block")
        s.evaluate_targets()
        s.close()
    assert sha(path) == before and os.stat(path).st_mtime_ns == mtime
    # an unchanged re-import is a rollback: still byte-identical
    s = Store.open(path)
    values = pd.DataFrame({"unit_key": [f"b{i}" for i in range(200)], "variable": "ew", "value": 1.0})
    assert s.write_values(values, level="block", catalogue=CAT, ref_date=2020).status == "unchanged"
    s.close()
    assert sha(path) == before


def test_read_only_open_refuses_a_store_that_needs_a_migration(tmp_path):
    path = tmp_path / "m.gpkg"
    Store.open(path, _upto=1).close()
    before = sha(path)
    with pytest.raises(InputError, match="schema version 1; this plugin needs 4. Run a writing algorithm"):
        Store.open(path, read_only=True)
    assert sha(path) == before
    Store.open(path).close()  # a writing open migrates
    assert Store.open(path, read_only=True).schema_version == 4


def test_geopackage_that_is_not_a_store(tmp_path):
    """A GeoPackage of other layers is refused for reading (it holds no store), and never changed."""
    path = tmp_path / "layers.gpkg"
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1196444487")
    con.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(InputError, match="holds no Sozialmonitoring store"):
        Store.open(path, read_only=True)
    assert sha(path) == before
