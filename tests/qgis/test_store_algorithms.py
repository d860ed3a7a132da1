"""Monitoring-store algorithms through processing.run, the SAME cases on a GeoPackage and a real PostgreSQL +
PostGIS (throwaway cluster from tests/pgserver.py), plus one real qgis_process run per algorithm.

Two social spaces: A = [0,2000] x [0,1000] (2 km²), B = [2000,4000] x [0,1000]; blocks b1..b4 of 1 km² in a row,
b1, b2 in A and b3, b4 in B. Numbers in the assertions are computed by hand in the comments.
"""

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests import pgserver  # noqa: E402  (not tests/ on sys.path: tests/qgis would hide the real qgis package)

pg_server, pg_dsn = pgserver.pg_server, pgserver.pg_dsn  # pytest fixtures of the throwaway server

from sozialplanung_plugin.core.store import Store  # noqa: E402

from ..helpers import BLOCK_KEYS as BLOCKS  # noqa: E402
from ..helpers import WIDE_FIELDS, polygons, read_only_folder, rect, write_gpkg  # noqa: E402
from ..helpers import sha256_file as _sha  # noqa: E402


def spaces_wide():
    # A: 2020 40/400 = 10 %, 2021 36/400 = 9 %; B: 2020 suppressed, 2021 20/400 = 5 % (unreliable)
    return polygons(
        WIDE_FIELDS,
        [
            (["A", "Nord", 10.0, 40.0, 400.0, "", 9.0, 36.0, 400.0, "", -1.0, 7.0], rect(0, 2000)),
            (
                ["B", "Süd", None, None, 380.0, "suppressed", 5.0, 20.0, 400.0, "unreliable", None, 7.0],
                rect(2000, 4000),
            ),
        ],
        "spaces",
    )


@pytest.fixture(params=["gpkg", "postgis"])
def store(request, tmp_path, qgis_app):
    """Parameters naming an empty store: {'STORE': ..., 'SCHEMA': ...}."""
    if request.param == "gpkg":
        return {"STORE": str(tmp_path / "monitoring.gpkg")}
    dsn, schema = request.getfixturevalue("pg_dsn")
    return {"STORE": dsn, "SCHEMA": schema}


def open_store(params):
    return Store.open(params["STORE"], schema=params.get("SCHEMA") or "sozialmonitoring")


def snapshot(params):
    s = open_store(params)
    out = {}
    for t in ("sm_meta", "sm_units", "sm_assignment", "sm_catalogue", "sm_import_log", "sm_values", "sm_targets"):
        out[t] = sorted(
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in s._all(f"SELECT * FROM {t}")
        )
    s.close()
    return out


def features(layer):
    return {f["key"]: f for f in layer.getFeatures()}


def test_write_wide_layer_and_read_back(run_alg, store):
    r = run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key", NAME_FIELD="name"))
    # 2 units x 2 years of sgb2_quote; changes and references are not stored
    assert (r["STATUS"], r["INSERTED"], r["UNITS_ADDED"]) == ("written", 4, 2)
    out = run_alg("storeread", dict(store, LEVEL=1, MODE=0, DATE="2020", OUTPUT="memory:"))["OUTPUT"]
    f = features(out)
    assert f["A"]["sgb2_quote"] == 10.0 and f["A"]["sgb2_quote_num"] == 40.0 and f["A"]["sgb2_quote_den"] == 400.0
    assert f["B"]["sgb2_quote_flag"] == "suppressed" and f["B"]["sgb2_quote_den"] == 380.0
    assert f["A"]["name"] == "Nord" and f["A"]["ref_date"] == "2020-12-31"
    assert f["A"].geometry().area() == pytest.approx(2_000_000)
    series = run_alg("storeread", dict(store, LEVEL=1, MODE=1, OUTPUT="memory:"))["OUTPUT"]
    s = features(series)
    assert s["B"]["sgb2_quote_2021"] == 5.0 and s["B"]["sgb2_quote_flag_2021"] == "unreliable"
    assert s["A"]["sgb2_quote_num_2021"] == 36.0
    # the wide series can be written back: nothing changes (idempotent), no import-log row
    before = snapshot(store)
    again = run_alg("storewrite", dict(store, INPUT=series, LEVEL=1, KEY_FIELD="key"))
    assert (again["STATUS"], again["INSERTED"], again["UPDATED"], again["UNCHANGED"]) == ("unchanged", 0, 0, 4)
    assert snapshot(store) == before


def test_long_layout_and_long_read(run_alg, store):
    layer = polygons(
        "field=key:string&field=year:integer&field=einwohner:double&field=einwohner_num:double"
        "&field=einwohner_flag:string",
        [
            (["A", 2022, 1000.0, 1000.0, ""], rect(0, 2000)),
            (["A", 2023, 1100.0, 1100.0, ""], rect(0, 2000)),
            (["B", 2022, 500.0, 500.0, ""], rect(2000, 4000)),
        ],
    )
    r = run_alg("storewrite", dict(store, INPUT=layer, LEVEL=1, KEY_FIELD="key"))
    assert (r["INSERTED"], r["UNITS_ADDED"]) == (3, 2)
    out = run_alg("storeread", dict(store, LEVEL=1, MODE=1, LAYOUT=1, OUTPUT="memory:"))["OUTPUT"]
    rows = sorted((f["key"], f["indicator"], f["ref_date"], f["value"]) for f in out.getFeatures())
    assert rows == [
        ("A", "einwohner", "2022-12-31", 1000.0),
        ("A", "einwohner", "2023-12-31", 1100.0),
        ("B", "einwohner", "2022-12-31", 500.0),
    ]


def test_wrong_file_is_refused_and_store_unchanged(run_alg, store):
    run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key"))
    before = snapshot(store)
    other = polygons(
        WIDE_FIELDS,
        [
            (["A", "Nord", 1.0, 1.0, 10.0, "", 1.0, 1.0, 10.0, "", 0.0, 0.0], rect(0, 2000)),
            (["Z", "Neu", 1.0, 1.0, 10.0, "", 1.0, 1.0, 10.0, "", 0.0, 0.0], rect(4000, 6000)),
        ],
    )
    with pytest.raises(QgsProcessingException, match=r"unit key\(s\) are not in the store at level 'space'.*Z"):
        run_alg("storewrite", dict(store, INPUT=other, LEVEL=1, KEY_FIELD="key"))
    with pytest.raises(QgsProcessingException, match="not in the store at level 'municipality'"):
        run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=2, KEY_FIELD="key", UNITS=2))
    assert snapshot(store) == before
    # another catalogue bound to the store: refused, nothing written
    s = open_store(store)
    s._q("UPDATE sm_meta SET value = 'berlin-mss' WHERE key = 'catalogue_id'")
    s.close()
    before = snapshot(store)
    with pytest.raises(QgsProcessingException, match="catalogue 'berlin-mss'.*Nothing was written"):
        run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key"))
    assert snapshot(store) == before


def test_new_geometry_version_read_at_each_date(run_alg, store):
    run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key"))
    grown = polygons(
        "field=key:string&field=sgb2_quote_2022:double", [(["A", 8.0], rect(0, 3000)), (["B", 4.0], rect(3000, 4000))]
    )
    r = run_alg("storewrite", dict(store, INPUT=grown, LEVEL=1, KEY_FIELD="key", UNITS=1, VALID_FROM="2022-01-01"))
    assert (r["UNITS_CHANGED"], r["INSERTED"]) == (2, 2)
    old = features(run_alg("storeread", dict(store, LEVEL=1, DATE="2021", OUTPUT="memory:"))["OUTPUT"])
    new = features(run_alg("storeread", dict(store, LEVEL=1, DATE="2022", OUTPUT="memory:"))["OUTPUT"])
    assert old["A"].geometry().area() == pytest.approx(2e6) and new["A"].geometry().area() == pytest.approx(3e6)
    assert old["A"]["valid_to"] == "2022-01-01" and new["A"]["valid_from"] == "2022-01-01"
    assert old["A"]["sgb2_quote"] == 9.0 and new["A"]["sgb2_quote"] == 8.0


def test_targets_import_and_evaluation(run_alg, store, tmp_path):
    layer = polygons(
        "field=key:string&field=year:integer&field=sgb2_quote:double",
        [(["A", y, v], rect(0, 2000)) for y, v in ((2019, 20.0), (2020, 19.0), (2021, 18.0))]
        + [(["B", y, v], rect(2000, 4000)) for y, v in ((2019, 10.0), (2020, 10.5), (2021, 11.0))],
    )
    run_alg("storewrite", dict(store, INPUT=layer, LEVEL=1, KEY_FIELD="key"))
    csv = tmp_path / "ziele.csv"
    csv.write_text(
        "Indikator;Ebene;Raum;Zielwert;Richtung;Frist;Basisjahr\n"
        "sgb2_quote;space;A;15,0;senken;2025;2019\n"
        "sgb2_quote;space;B;8;;2025;2019\n"
        "sgb2_quote;space;B;9;at_most;2020;2019\n",
        encoding="utf-8",
    )
    assert run_alg("storetargets", dict(store, INPUT=str(csv)))["TARGETS"] == 3
    report = tmp_path / "report.html"
    r = run_alg("evaluatetargets", dict(store, DATE="2021", OUTPUT="memory:", REPORT=str(report)))
    assert (r["N_ON_TRACK"], r["N_OFF_TRACK"], r["N_MISSED"], r["N_ACHIEVED"]) == (1, 1, 1, 0)
    ev = {(f["unit_key"], f["deadline"]): f for f in r["OUTPUT"].getFeatures()}
    a = ev[("A", "2025-12-31")]
    # A: 20 -> 18, target 15: attainment (18-20)/(15-20) = 40 %; trend -1/year; 18 - 4 = 14 <= 15: on track
    assert a["attainment_pct"] == pytest.approx(40.0) and a["trend_per_year"] == pytest.approx(-1.0)
    assert a["projected"] == pytest.approx(14.0) and a["status"] == "on_track" and a["direction"] == "at_most"
    assert a.geometry().area() == pytest.approx(2e6)
    # B: 10 -> 11, target 8: (11-10)/(8-10) = -50 %; 11 + 0.5 * 4 = 13 > 8: off track
    b = ev[("B", "2025-12-31")]
    assert b["attainment_pct"] == pytest.approx(-50.0) and b["status"] == "off_track"
    assert ev[("B", "2020-12-31")]["status"] == "missed"
    text = report.read_text(encoding="utf-8")
    assert "SGB II-Quote" in text and text.count("<tr>") == 2 + 4  # header rows + 1 indicator + 3 targets
    # German number formats in the report: target 15,0, trend -1,00 and 0,50 a year, projection 14,0
    for cell in ("<td class='n'>≤ 15,0</td>", "<td class='n'>-1,00</td>", "<td class='n'>0,50</td>", "14,0"):
        assert cell in text, cell
    assert "15.0" not in text and "-1.00" not in text


def test_units_and_carry_to_new_spaces(run_alg, store):
    # blocks b1..b4 with residents 100, 300, 200, 200; old spaces A = {b1, b2}, B = {b3, b4}
    blocks = polygons(
        "field=key:string&field=sr:string&field=einwohner_2022:double",
        [
            ([k, sr, ew], rect(i * 1000, (i + 1) * 1000))
            for i, (k, sr, ew) in enumerate(zip(BLOCKS, "AABB", (100.0, 300.0, 200.0, 200.0)))
        ],
    )
    r = run_alg("storeunits", dict(store, INPUT=blocks, LEVEL=0, KEY_FIELD="key", PARENT_FIELD="sr", PARENT_LEVEL=1))
    assert (r["ADDED"], r["ASSIGNED"]) == (4, 4)
    run_alg("storewrite", dict(store, INPUT=blocks, LEVEL=0, KEY_FIELD="key"))
    spaces = polygons(
        "field=key:string&field=sgb2_quote_2022:double&field=sgb2_quote_num_2022:double"
        "&field=sgb2_quote_den_2022:double",
        [(["A", 10.0, 40.0, 400.0], rect(0, 2000)), (["B", 5.0, 20.0, 400.0], rect(2000, 4000))],
    )
    run_alg("storewrite", dict(store, INPUT=spaces, LEVEL=1, KEY_FIELD="key"))
    # from 2024: X = {b1, b3}, Y = {b2, b4}
    new_spaces = polygons("field=key:string", [(["X"], rect(0, 4000, 0, 500)), (["Y"], rect(0, 4000, 500, 1000))])
    r = run_alg(
        "storeunits", dict(store, INPUT=new_spaces, LEVEL=1, KEY_FIELD="key", VALID_FROM="2024-01-01", REPLACE=True)
    )
    assert (r["ADDED"], r["CLOSED"]) == (2, 2)
    moved = polygons(
        "field=key:string&field=sr:string",
        [([k, sr], rect(i * 1000, (i + 1) * 1000)) for i, (k, sr) in enumerate(zip(BLOCKS, "XYXY"))],
    )
    r = run_alg(
        "storeunits", dict(store, INPUT=moved, LEVEL=0, KEY_FIELD="key", PARENT_FIELD="sr", VALID_FROM="2024-01-01")
    )
    assert (r["UNCHANGED"], r["ASSIGNED"]) == (4, 4)
    r = run_alg("storecarry", dict(store, LEVEL=1, FROM_DATE="2023-12-31", TO_DATE="2024-01-01"))
    assert (r["STATUS"], r["INSERTED"]) == ("written", 2)
    out = run_alg("storeread", dict(store, LEVEL=1, MODE=1, DATE="2024-06-30", LAYOUT=1, OUTPUT="memory:"))["OUTPUT"]
    got = {f["key"]: f for f in out.getFeatures()}
    # X: numerator 40 * 100/400 + 20 * 200/400 = 20, denominator 400/4 + 400/2 = 300 -> 6.667 %
    # Y: 40 * 300/400 + 20 * 200/400 = 40 over 300 + 200 = 500 -> 8 %
    assert got["X"]["numerator"] == pytest.approx(20.0) and got["X"]["denominator"] == pytest.approx(300.0)
    assert got["X"]["value"] == pytest.approx(20 / 3) and got["Y"]["value"] == pytest.approx(8.0)
    assert got["X"]["estimated"] == 1 and got["Y"]["estimated"] == 1
    assert got["X"].geometry().area() == pytest.approx(2e6)


def test_store_as_qgis_connection_name_is_resolved(qgis_app, pg_dsn):
    """A PostgreSQL connection saved in QGIS (Browser) is accepted by its name."""
    from qgis.core import QgsProviderRegistry

    from sozialplanung_plugin.processing._store import resolve_store

    dsn, _ = pg_dsn
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    conn = md.createConnection(dsn, {"saveUsername": True, "savePassword": True})
    md.saveConnection(conn, "Kreis Monitoring")
    resolved, password = resolve_store("Kreis Monitoring")
    assert password is None  # the test server trusts local connections
    import psycopg2

    with psycopg2.connect(resolved) as c, c.cursor() as cur:
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)
    with pytest.raises(QgsProcessingException, match="neither a GeoPackage"):
        resolve_store("Kreis Unbekannt")


# ------------------------------------------------------------------------------------------- qgis_process


@pytest.fixture
def filled(tmp_path, qgis_app):
    """A GeoPackage store with the sgb2_quote series of A and B (2019-2021) and the input files."""
    layer = polygons(
        "field=key:string&field=year:integer&field=sgb2_quote:double&field=einwohner:double",
        [
            ([k, y, v, 1000.0], rect(x0, x0 + 2000))
            for k, x0, vals in (("A", 0, (20.0, 19.0, 18.0)), ("B", 2000, (10.0, 10.5, 11.0)))
            for y, v in zip((2019, 2020, 2021), vals)
        ],
    )
    src = write_gpkg(layer, tmp_path / "input.gpkg")
    store = tmp_path / "store.gpkg"
    return str(src), str(store)


def test_storewrite_qgis_process(qgis_process, filled):
    src, store = filled
    r = qgis_process("storewrite", {"INPUT": src, "STORE": store, "LEVEL": 1, "KEY_FIELD": "key"})["results"]
    assert (r["STATUS"], r["INSERTED"], r["UNITS_ADDED"]) == ("written", 12, 2)
    con = sqlite3.connect(store)
    assert con.execute(
        "SELECT count(*), sum(value) FROM sm_values v JOIN sm_units u ON u.fid = v.unit_fid "
        "WHERE variable = 'sgb2_quote'"
    ).fetchone() == (6, 88.5)
    con.close()


def _fill(src, store):
    import processing

    processing.run("sozialplanung:storewrite", {"INPUT": src, "STORE": store, "LEVEL": 1, "KEY_FIELD": "key"})


def test_storeread_qgis_process(qgis_process, filled, tmp_path):
    src, store = filled
    _fill(src, store)
    out = tmp_path / "slice.gpkg"
    r = qgis_process("storeread", {"STORE": store, "LEVEL": 1, "DATE": "2020", "OUTPUT": str(out)})["results"]
    assert r["VALUES"] == 4 and r["UNITS"] == 2
    layer = QgsVectorLayer(str(out))
    assert {f["key"]: f["sgb2_quote"] for f in layer.getFeatures()} == {"A": 19.0, "B": 10.5}


def test_storetargets_and_evaluatetargets_qgis_process(qgis_process, filled, tmp_path):
    src, store = filled
    _fill(src, store)
    csv = tmp_path / "targets.csv"
    csv.write_text(
        "indicator;level;unit_key;target_value;deadline;baseline_date\nsgb2_quote;space;A;15;2025;2019\n",
        encoding="utf-8",
    )
    assert qgis_process("storetargets", {"INPUT": str(csv), "STORE": store})["results"]["TARGETS"] == 1
    out = tmp_path / "eval.gpkg"
    r = qgis_process(
        "evaluatetargets", {"STORE": store, "DATE": "2021", "OUTPUT": str(out), "REPORT": str(tmp_path / "r.html")}
    )["results"]
    assert r["N_ON_TRACK"] == 1 and (tmp_path / "r.html").exists()
    f = next(QgsVectorLayer(str(out)).getFeatures())
    assert f["attainment_pct"] == pytest.approx(40.0) and f["status"] == "on_track"


def test_storeunits_and_storecarry_qgis_process(qgis_process, tmp_path, qgis_app):
    store = str(tmp_path / "store.gpkg")
    blocks = polygons(
        "field=key:string&field=sr:string&field=einwohner_2022:double",
        [
            ([k, sr, ew], rect(i * 1000, (i + 1) * 1000))
            for i, (k, sr, ew) in enumerate(zip(BLOCKS, "AABB", (100.0, 300.0, 200.0, 200.0)))
        ],
    )
    bpath = str(write_gpkg(blocks, tmp_path / "blocks.gpkg"))
    r = qgis_process(
        "storeunits",
        {"INPUT": bpath, "STORE": store, "LEVEL": 0, "KEY_FIELD": "key", "PARENT_FIELD": "sr", "PARENT_LEVEL": 1},
    )["results"]
    assert r["ADDED"] == 4 and r["ASSIGNED"] == 4
    import processing

    processing.run("sozialplanung:storewrite", {"INPUT": bpath, "STORE": store, "LEVEL": 0, "KEY_FIELD": "key"})
    spaces = polygons(
        "field=key:string&field=einwohner_2022:double",
        [(["A", 400.0], rect(0, 2000)), (["B", 400.0], rect(2000, 4000))],
    )
    processing.run("sozialplanung:storewrite", {"INPUT": spaces, "STORE": store, "LEVEL": 1, "KEY_FIELD": "key"})
    processing.run(
        "sozialplanung:storeunits",
        {
            "INPUT": polygons("field=key:string", [(["X"], rect(0, 4000, 0, 500)), (["Y"], rect(0, 4000, 500, 1000))]),
            "STORE": store,
            "LEVEL": 1,
            "KEY_FIELD": "key",
            "VALID_FROM": "2024-01-01",
            "REPLACE": True,
        },
    )
    processing.run(
        "sozialplanung:storeunits",
        {
            "INPUT": polygons(
                "field=key:string&field=sr:string",
                [([k, sr], rect(i * 1000, (i + 1) * 1000)) for i, (k, sr) in enumerate(zip(BLOCKS, "XYXY"))],
            ),
            "STORE": store,
            "LEVEL": 0,
            "KEY_FIELD": "key",
            "PARENT_FIELD": "sr",
            "VALID_FROM": "2024-01-01",
        },
    )
    r = qgis_process("storecarry", {"STORE": store, "LEVEL": 1, "FROM_DATE": "2023-12-31", "TO_DATE": "2024-01-01"})[
        "results"
    ]
    assert r["STATUS"] == "written" and r["INSERTED"] == 2
    s = Store.open(store)
    got = s.read_slice("space", 2022, geometry_at="2024-06-30").set_index("unit_key")["value"]
    s.close()
    # X = b1 + b3 = 100 + 200 = 300 residents, Y = b2 + b4 = 300 + 200 = 500 (einwohner is additive)
    assert got.to_dict() == pytest.approx({"X": 300.0, "Y": 500.0})


def test_demo_county_store_and_sample_targets(run_alg, tmp_path, demo_dir):
    """The make-demo steps: aggregated demo years into a GeoPackage store, sample targets evaluated at 2025."""
    blocks = f"{demo_dir / 'rbk_demo.gpkg'}|layername=blocks"
    agg = run_alg(
        "aggregateindicators",
        {
            "UNITS": blocks,
            "UNIT_KEY": "block_id",
            "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in (2009, 2014, 2023, 2024, 2025)],
            "LEVEL_FIELDS": ["sr_id", "ags"],
            "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
            "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
            "DISCLOSURE": True,
            "THRESHOLD": 3,
            "OUTPUT_1": "memory:",
            "OUTPUT_2": "memory:",
            "OUTPUT_COUNTY": "memory:",
        },
    )
    store = {"STORE": str(tmp_path / "monitoring_store.gpkg")}
    for level, out in ((1, "OUTPUT_1"), (2, "OUTPUT_2"), (3, "OUTPUT_COUNTY")):
        r = run_alg("storewrite", dict(store, INPUT=agg[out], LEVEL=level, KEY_FIELD="key", NAME_FIELD="name"))
        assert r["STATUS"] == "written" and r["UNITS_ADDED"] == {1: 68, 2: 8, 3: 1}[level]
    assert run_alg("storetargets", dict(store, INPUT=str(demo_dir / "targets_demo.csv")))["TARGETS"] == 8
    r = run_alg("evaluatetargets", dict(store, DATE="2025", OUTPUT="memory:"))
    assert (r["N_ACHIEVED"], r["N_ON_TRACK"], r["N_OFF_TRACK"], r["N_MISSED"], r["N_NO_DATA"]) == (1, 1, 5, 1, 0)
    # Bergisch Gladbach 02, SGB II-Quote <= 8 by 2026 from 2014: recompute from the aggregated numerators
    sp = {f["key"]: f for f in agg["OUTPUT_1"].getFeatures()}["05378004-02"]
    base = sp["sgb2_quote_num_2014"] / sp["sgb2_quote_den_2014"] * 100
    cur = sp["sgb2_quote_num_2025"] / sp["sgb2_quote_den_2025"] * 100
    ev = {(f["unit_key"], f["deadline"]): f for f in r["OUTPUT"].getFeatures()}
    t = ev[("05378004-02", "2026-12-31")]
    assert t["baseline"] == pytest.approx(base) and t["current"] == pytest.approx(cur)
    assert t["attainment_pct"] == pytest.approx(100 * (cur - base) / (8.0 - base)) and t["status"] == "achieved"
    assert ev[("05378004-02", "2024-12-31")]["status"] == "missed"  # 7.0 by 2024 not reached
    assert ev[("Rheinisch-Bergischer Kreis", "2030-12-31")]["unit_name"] == "Rheinisch-Bergischer Kreis"


# ------------------------------------------------------------------------------------------- bad inputs (issue 15)


def _no_traceback(err):
    text = str(err.value)
    assert "Traceback" not in text and "sqlite3." not in text and "OperationalError" not in text, text


@pytest.fixture
def gpkg_store(run_alg, tmp_path):
    """A filled GeoPackage store (sgb2_quote of A and B, 2020 and 2021) and its parameters."""
    params = {"STORE": str(tmp_path / "share" / "monitoring.gpkg")}
    (tmp_path / "share").mkdir()
    run_alg("storewrite", dict(params, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key", NAME_FIELD="name"))
    return params


def test_store_in_a_read_only_folder(run_alg, gpkg_store, tmp_path):
    path = gpkg_store["STORE"]
    before = _sha(path)
    with read_only_folder(tmp_path / "share"):
        out = run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2020", OUTPUT="memory:"))
        assert out["VALUES"] == 2
        with pytest.raises(QgsProcessingException, match="cannot be written: the file or its folder is read-only") as e:
            run_alg(
                "storewrite",
                dict(
                    gpkg_store,
                    INPUT=spaces_wide(),
                    LEVEL=1,
                    KEY_FIELD="key",
                    UNITS=1,
                    VALID_FROM="2030",
                    INDICATORS="sgb2_quote",
                ),
            )
        _no_traceback(e)
        with pytest.raises(QgsProcessingException, match="cannot be created: its folder is read-only") as e:
            run_alg(
                "storeunits",
                {"INPUT": spaces_wide(), "STORE": str(tmp_path / "share" / "new.gpkg"), "LEVEL": 1, "KEY_FIELD": "key"},
            )
        _no_traceback(e)
    assert _sha(path) == before and sorted(p.name for p in (tmp_path / "share").iterdir()) == ["monitoring.gpkg"]


@pytest.mark.parametrize("alg", ["storeread", "storewrite", "evaluatetargets"])
@pytest.mark.parametrize("kind", ["png", "truncated"])
def test_not_a_database_and_truncated_store(run_alg, gpkg_store, tmp_path, alg, kind):
    path = Path(gpkg_store["STORE"])
    if kind == "png":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000)
        expected = "is not a GeoPackage: the file is not a SQLite database"
    else:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        expected = "is incomplete: it holds"
    before = _sha(path)
    params = {
        "storeread": dict(gpkg_store, LEVEL=1, DATE="2020", OUTPUT="memory:"),
        "storewrite": dict(gpkg_store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key"),
        "evaluatetargets": dict(gpkg_store, OUTPUT="memory:"),
    }[alg]
    with pytest.raises(QgsProcessingException, match=expected) as e:
        run_alg(alg, params)
    _no_traceback(e)
    assert _sha(path) == before and sorted(p.name for p in path.parent.iterdir()) == ["monitoring.gpkg"]


def test_output_folder_that_does_not_exist(run_alg, gpkg_store, tmp_path):
    missing = tmp_path / "no_such_folder"
    with pytest.raises(
        QgsProcessingException, match="folder '.*no_such_folder' for the output 'slice.gpkg' does not"
    ) as e:
        run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2020", OUTPUT=str(missing / "slice.gpkg")))
    _no_traceback(e)
    assert "sqlite3_open" not in str(e.value)
    with pytest.raises(QgsProcessingException, match="for the output 'report.html' does not exist"):
        run_alg("evaluatetargets", dict(gpkg_store, OUTPUT="memory:", REPORT=str(missing / "report.html")))
    assert not missing.exists()


def test_storeread_on_a_mistyped_path_creates_nothing(run_alg, gpkg_store, tmp_path):
    wrong = tmp_path / "share" / "monitoirng.gpkg"
    with pytest.raises(QgsProcessingException, match="does not exist. Check the path"):
        run_alg("storeread", {"STORE": str(wrong), "LEVEL": 1, "DATE": "2020", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="does not exist. Check the path"):
        run_alg("evaluatetargets", {"STORE": str(wrong), "OUTPUT": "memory:"})
    assert not wrong.exists()


def test_storeunits_refusing_duplicate_keys_leaves_nothing(run_alg, tmp_path):
    path = tmp_path / "new.gpkg"
    dup = polygons("field=key:string", [(["A"], rect(0, 1000)), (["B"], rect(1000, 2000)), (["A"], rect(2000, 3000))])
    with pytest.raises(QgsProcessingException, match=r"Unit key 'A' occurs more than once in field 'key' \(features"):
        run_alg("storeunits", {"INPUT": dup, "STORE": str(path), "LEVEL": 1, "KEY_FIELD": "key"})
    assert list(tmp_path.iterdir()) == []
    # a first write refused after the store was opened (a text indicator field) removes the new file again
    text = polygons(
        "field=key:string&field=sgb2_quote_2020:string",
        [(["A", "12,5"], rect(0, 1000)), (["B", "viel"], rect(1000, 2000))],
    )
    with pytest.raises(
        QgsProcessingException, match=r"Field 'sgb2_quote_2020' holds text that is not a number \('viel' in row 2\)"
    ):
        run_alg("storewrite", {"INPUT": text, "STORE": str(path), "LEVEL": 1, "KEY_FIELD": "key"})
    assert list(tmp_path.iterdir()) == []
    empty = polygons("field=key:string&field=sgb2_quote_2020:double", [(["A", None], rect(0, 1000))])
    with pytest.raises(QgsProcessingException, match="indicator fields are all empty: nothing to write"):
        run_alg("storewrite", {"INPUT": empty, "STORE": str(path), "LEVEL": 1, "KEY_FIELD": "key"})
    assert list(tmp_path.iterdir()) == []
    # the same refusal inside the store (units registered, then a unit key unknown at another level) on a new file
    with pytest.raises(QgsProcessingException, match="not in the store at level 'municipality'"):
        run_alg("storewrite", {"INPUT": spaces_wide(), "STORE": str(path), "LEVEL": 2, "KEY_FIELD": "key", "UNITS": 2})
    assert list(tmp_path.iterdir()) == []


def test_read_only_algorithms_leave_the_store_byte_identical(run_alg, gpkg_store, tmp_path):
    path = gpkg_store["STORE"]
    csv = tmp_path / "t.csv"
    csv.write_text("indicator;level;unit_key;target_value;deadline\nsgb2_quote;space;A;5;2030\n", encoding="utf-8")
    run_alg("storetargets", dict(gpkg_store, INPUT=str(csv)))
    before, mtime = _sha(path), Path(path).stat().st_mtime_ns
    run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2020", OUTPUT="memory:"))
    run_alg("storeread", dict(gpkg_store, LEVEL=1, MODE=1, LAYOUT=1, OUTPUT="memory:"))
    run_alg("evaluatetargets", dict(gpkg_store, DATE="2021", OUTPUT="memory:", REPORT=str(tmp_path / "r.html")))
    assert _sha(path) == before and Path(path).stat().st_mtime_ns == mtime


def test_storeread_unknown_indicator_names_the_id(run_alg, gpkg_store):
    with pytest.raises(
        QgsProcessingException, match=r"'sgb2_qoute' are not in the store's catalogue .*sgb2_quote"
    ) as e:
        run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2020", INDICATORS="sgb2_qoute", OUTPUT="memory:"))
    assert "Dates with values" not in str(e.value)
    # a known id without values: says so, by name
    with pytest.raises(QgsProcessingException, match="holds no values of 'ew'"):
        run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2020", INDICATORS="ew", OUTPUT="memory:"))
    # values of the id exist, but not at that date: the dates listed are the id's own
    with pytest.raises(
        QgsProcessingException,
        match=r"no values of sgb2_quote at level 'space' on 2019-12-31\. "
        r"Dates with values: 2020-12-31, 2021-12-31\.",
    ):
        run_alg("storeread", dict(gpkg_store, LEVEL=1, DATE="2019", INDICATORS="sgb2_quote", OUTPUT="memory:"))


def test_bad_store_through_qgis_process_has_no_traceback(qgis_process, tmp_path):
    bad = tmp_path / "bild.gpkg"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    out = qgis_process(
        "storeread", {"STORE": str(bad), "LEVEL": 1, "DATE": "2020", "OUTPUT": "memory:"}, expect_ok=False
    )
    assert out.returncode != 0
    text = out.stdout + out.stderr
    assert "is not a GeoPackage: the file is not a SQLite database" in text
    assert "Traceback" not in text and "sqlite3" not in text
    assert bad.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


# ------------------------------------------------------------------------------------------- roles (issue 18)


def test_storeroles_sets_up_the_county_and_writes_the_script(run_alg, pg_dsn, tmp_path):
    import psycopg2

    dsn, schema = pg_dsn
    params = {"STORE": dsn, "SCHEMA": schema}
    # two municipalities' social spaces: keys start with their AGS
    spaces = polygons(
        WIDE_FIELDS,
        [
            (["05378004-01", "Nord", 10.0, 40.0, 400.0, "", 9.0, 36.0, 400.0, "", -1.0, 7.0], rect(0, 2000)),
            (["05378008-01", "Süd", None, 2.0, 380.0, "suppressed", 5.0, 20.0, 400.0, "", None, 7.0], rect(2000, 4000)),
        ],
    )
    run_alg("storewrite", dict(params, INPUT=spaces, LEVEL=1, KEY_FIELD="key"))
    script = tmp_path / "roles.sql"
    r = run_alg("storeroles", dict(params, THRESHOLD=3, SCRIPT=str(script)))
    assert r["MUNICIPALITIES"] == 2 and f"{schema}_m_05378004" in r["ROLES"].split(",")
    text = script.read_text(encoding="utf-8")
    assert "CREATE POLICY" in text and "security_barrier" in text and "password=" not in text.lower()
    su = psycopg2.connect(dsn)
    su.autocommit = True
    with su.cursor() as cur:
        cur.execute(f'CREATE ROLE "{schema}_nord" LOGIN IN ROLE "{schema}_m_05378004"')
    su.close()
    # connected as the municipality 05378004 directly: its own space, and of the other one only the published 2021
    con = psycopg2.connect(dsn.replace("user=postgres", f"user={schema}_nord"))
    with con.cursor() as cur:
        cur.execute(f'SET search_path TO "{schema}"')
        cur.execute(
            "SELECT u.key, v.ref_date::text FROM sm_values v JOIN sm_units u ON u.fid = v.unit_fid ORDER BY 1, 2"
        )
        assert cur.fetchall() == [
            ("05378004-01", "2020-12-31"),
            ("05378004-01", "2021-12-31"),
            ("05378008-01", "2021-12-31"),
        ]
    con.close()
    # the same through the plugin, as that login
    out = run_alg(
        "storeread",
        {
            "STORE": dsn.replace("user=postgres", f"user={schema}_nord"),
            "SCHEMA": schema,
            "LEVEL": 1,
            "DATE": "2020",
            "OUTPUT": "memory:",
        },
    )
    assert out["VALUES"] == 1


def test_storeroles_on_a_geopackage_says_single_user(run_alg, tmp_path):
    params = {"STORE": str(tmp_path / "m.gpkg")}
    run_alg("storewrite", dict(params, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key"))
    with pytest.raises(QgsProcessingException, match="single-user"):
        run_alg("storeroles", params)


# ------------------------------------------------------------------------------------------- backup and restore


def test_storebackup_and_storerestore_round_trip(run_alg, store, tmp_path):
    run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=1, KEY_FIELD="key", NAME_FIELD="name"))
    before = snapshot(store)
    snap = tmp_path / "sicherung.gpkg"
    r = run_alg("storebackup", dict(store, SNAPSHOT=str(snap)))
    assert (r["VALUES"], r["UNITS"]) == (4, 2) and len(r["SHA256"]) == 64
    # a snapshot is a store: it reads back like the original
    out = run_alg("storeread", {"STORE": str(snap), "LEVEL": 1, "DATE": "2021", "OUTPUT": "memory:"})
    assert {f["key"]: f["sgb2_quote"] for f in out["OUTPUT"].getFeatures()} == {"A": 9.0, "B": 5.0}
    # the store changes; restoring needs the confirmation, then it is as it was
    run_alg("storewrite", dict(store, INPUT=spaces_wide(), LEVEL=2, KEY_FIELD="key"))
    with pytest.raises(QgsProcessingException, match="holds data .* confirm with 'overwrite'"):
        run_alg("storerestore", dict(store, SNAPSHOT=str(snap)))
    r = run_alg("storerestore", dict(store, SNAPSHOT=str(snap), OVERWRITE=True))
    assert (r["VALUES"], r["UNITS"], r["FROM_VERSION"]) == (4, 2, 4)
    after = snapshot(store)
    assert {t: v for t, v in after.items() if t != "sm_import_log"} == {
        t: v for t, v in before.items() if t != "sm_import_log"
    }
    assert [r[0] for r in after["sm_import_log"]] == [r[0] for r in before["sm_import_log"]]
    with pytest.raises(QgsProcessingException, match="exists already. A backup never overwrites"):
        run_alg("storebackup", dict(store, SNAPSHOT=str(snap)))


def test_storerestore_refuses_a_newer_snapshot_via_qgis_process(qgis_process, filled, tmp_path):
    src, store = filled
    _fill(src, store)
    snap = tmp_path / "snap.gpkg"
    qgis_process("storebackup", {"STORE": store, "SNAPSHOT": str(snap)})
    con = sqlite3.connect(snap)
    con.execute("INSERT INTO sm_schema_version VALUES (99, '2031-01-01', 'from the future')")
    con.commit()
    con.close()
    target = tmp_path / "neu.gpkg"
    out = qgis_process("storerestore", {"SNAPSHOT": str(snap), "STORE": str(target)}, expect_ok=False)
    text = out.stdout + out.stderr
    assert out.returncode != 0 and "schema version 99, newer than this plugin knows" in text
    assert "Traceback" not in text and not target.exists()
