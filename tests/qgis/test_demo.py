"""`make demo` end to end: tools/run_demo.py drives every step through real qgis_process runs; the GeoPackage,
the PDFs and the monitoring store hold what a planner expects (numbers from the published RBK table)."""

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import SOZIALBERICHT_CHAPTERS, image_array, pdf_pages, pdf_text

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
MUNICIPALITIES = [
    "Bergisch Gladbach",
    "Burscheid",
    "Kürten",
    "Leichlingen",
    "Odenthal",
    "Overath",
    "Rösrath",
    "Wermelskirchen",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo_out")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "run_demo.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out, proc.stdout


def sql(path, query):
    with sqlite3.connect(path) as con:
        return con.execute(query).fetchall()


def assert_not_blank(pdf, tmp_path, page=1):
    """Render one page with pdftoppm and check that it carries a map, not an empty sheet."""
    prefix = tmp_path / f"{pdf.stem}_{page}"
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True
    )
    pgm = next(tmp_path.glob(f"{prefix.name}*.pgm"))
    data = pgm.read_bytes()
    header_end = data.index(b"255\n") + 4
    pixels = data[header_end:]
    dark = sum(1 for b in pixels if b < 200) / len(pixels)
    assert 0.05 < dark < 0.9, f"{pdf.name} page {page}: {dark:.1%} non-white pixels"


def test_demo_prints_every_command_and_output(demo):
    out, stdout = demo
    assert stdout.count("$ /usr/bin/qgis_process.bin run sozialplanung:") >= 12
    for name in (
        "sozialplanung_demo.gpkg",
        "overview_maps.pdf",
        "index_map.pdf",
        "profiles.pdf",
        "monitoring_store.gpkg",
        "target_attainment.html",
        "access_maps.pdf",
        "sozialbericht.docx",
    ):
        assert (out / name).exists(), name
        assert str(out / name) in stdout


def test_social_spaces_both_ways(demo):
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    assert sql(gpkg, "select count(*) from social_spaces") == [(68,)]
    assert sql(gpkg, "select count(*) from social_spaces_report") == [(0,)]
    rows = sql(gpkg, "select population, in_bounds from regionalised_social_spaces")
    assert rows and all(3000 <= pop <= 6000 and ok for pop, ok in rows)
    assert sum(pop for pop, _ in rows) == 283455  # every resident in exactly one space


def test_indicators_reproduce_the_published_county_table(demo):
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    ((kids09, u15_09, kids14, u15_14),) = sql(
        gpkg,
        "select kinder_sgb2_anzahl_2009, kinderarmut_sgb2_u15_den_2009, "
        "kinder_sgb2_anzahl_2014, kinderarmut_sgb2_u15_den_2014 "
        "from indicators_county",
    )
    # published (shared fixture): 4.422 of 40.931 (10,8 %) in 2009; 2014 municipal sum 4.241 of 37.988 (11,2 %)
    assert (kids09, u15_09, kids14, u15_14) == (4422, 40931, 4241, 37988)
    ((share09, share14),) = sql(
        gpkg, "select kinderarmut_sgb2_u15_2009, kinderarmut_sgb2_u15_2014 from indicators_county"
    )
    assert (round(share09, 1), round(share14, 1)) == (10.8, 11.2)
    gl = dict(sql(gpkg, "select name, round(kinderarmut_sgb2_u15_2014, 1) from indicators_municipalities"))
    assert gl["Bergisch Gladbach"] == 14.7 and gl["Odenthal"] == 3.0
    assert sql(gpkg, "select count(*) from indicators_social_spaces") == [(68,)]


def test_index_and_typology(demo):
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    classes = {c for (c,) in sql(gpkg, "select mss_class from index_status_dynamics")}
    allowed = {10 * s + d for s in (1, 2, 3, 4) for d in (1, 3, 5)}
    assert classes <= allowed and len(classes) >= 3
    assert sql(gpkg, "select count(*) from action_fields") == [(68,)]
    assert (demo[0] / "index_status_dynamics.method.json").exists()


def test_overview_sheets(demo, tmp_path):
    pdf = demo[0] / "overview_maps.pdf"
    assert pdf_pages(pdf) == 4
    text = pdf_text(pdf)
    for expected in (
        "Kinderarmut",
        "SGB II-Quote",
        "Jugendarbeitslosigkeit",
        "31.12.2025",
        "© GeoBasis-DE / BKG",
        *MUNICIPALITIES,
    ):
        assert expected in text, expected
    for page in (1, 4):
        assert_not_blank(pdf, tmp_path, page)
    index_pdf = demo[0] / "index_map.pdf"
    assert pdf_pages(index_pdf) == 1 and "{year}" not in pdf_text(index_pdf)
    assert_not_blank(index_pdf, tmp_path)


def test_profile_atlas_one_sheet_per_space(demo, tmp_path):
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    names = [n for (n,) in sql(gpkg, "select name from indicators_social_spaces")]
    pdf = demo[0] / "profiles.pdf"
    # each sheet: indicators, "Angebote im Sozialraum" (issue 16), strengths and weaknesses with the spine chart
    assert pdf_pages(pdf) == 3 * 68
    pages = pdf_text(pdf).split("\f")
    for name in names:
        assert any(name in page for page in pages), name
    assert "Kinderarmut" in pages[0] and "2025" in pages[0]
    assert "Angebote im Sozialraum" in pages[1] and "Kita" in pages[1] and "Gemeinde" in pages[1]
    first = re.split(r"\s{2,}", pages[0].strip().split("\n", 1)[0])[0]  # the title (the class box beside it)
    assert pages[2].strip().startswith(f"{first}: Stärken und Schwächen")
    assert all(": Stärken und Schwächen" in p for p in pages[2::3][:68])
    assert_not_blank(pdf, tmp_path, 1)
    assert_not_blank(pdf, tmp_path, 2)
    assert_not_blank(pdf, tmp_path, 204)


def test_infrastructure_steps(demo, tmp_path):
    """facilitysupply, networkaccess, accessgaps and zensusgrid ran on the demo (docs/accessibility.md)."""
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    for table in ("facility_supply", "network_access", "access_gaps", "zensus_social_spaces"):
        assert sql(gpkg, f"select count(*) from {table}") == [(68,)], table
    assert sql(gpkg, "select count(*) from network_access_origins") == [(2421,)]
    assert sql(gpkg, "select count(*) from access_gaps_report") == [(8,)]
    # the grid's residents per social space equal the blocks' (the synthetic grid spreads them by block)
    got = dict(sql(gpkg, "select key, einwohner_2022 from zensus_social_spaces"))
    demo_gpkg = DEMO / "rbk_demo.gpkg"
    want = dict(sql(demo_gpkg, "select sr_id, residents from social_spaces"))
    assert got == {k: float(v) for k, v in want.items()}
    # supply tracked in the store over the years like any indicator (catalogue overlay of facilitysupply)
    store = demo[0] / "monitoring_store.gpkg"
    dates = sql(store, "select ref_date, count(*) from sm_values where variable = 'versorgung_kita' group by ref_date")
    assert dates == [("2023-12-31", 68), ("2024-12-31", 68), ("2025-12-31", 68)]
    # the facilities as a versioned layer of the store (step 5d3): open Kitas per year as facilitysupply counts them
    assert sql(store, "select count(*) from sm_facilities where valid_to is null") == [(1490,)]
    per_year = sql(
        gpkg, "select year, sum(facilities) from store_facilities_per_year where type = 'kita' group by year"
    )
    counted = sql(
        gpkg, "select sum(angebote_kita_2023), sum(angebote_kita_2024), sum(angebote_kita_2025) from facility_supply"
    )
    assert [n for _, n in per_year] == list(counted[0]) and [y for y, _ in per_year] == [2023, 2024, 2025]
    pdf = demo[0] / "access_maps.pdf"
    assert pdf_pages(pdf) == 8
    assert "Erreichbarkeit: Kindertageseinrichtung" in pdf_text(pdf)
    assert_not_blank(pdf, tmp_path, 1)


def test_monitoring_store_and_targets(demo):
    store = demo[0] / "monitoring_store.gpkg"
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    assert sql(gpkg, "select count(*) from store_social_spaces_2025") == [(68,)]
    statuses = [s for (s,) in sql(gpkg, "select status from target_attainment")]
    assert len(statuses) == 8 and all(statuses)
    assert store.stat().st_size > 100_000


def test_sozialbericht_docx_and_pdf(demo, tmp_path):
    """`make demo` writes the Sozialbericht: read back with python-docx (chapters, figures, the target table equal
    to evaluatetargets' table, suppressed cells only as '•'), and its PDF from LibreOffice."""
    import docx

    out, stdout = demo
    gpkg = out / "sozialplanung_demo.gpkg"
    doc = docx.Document(str(out / "sozialbericht.docx"))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == SOZIALBERICHT_CHAPTERS
    # 10 indicator maps, the index map, the cluster maps of child poverty and the SGB II rate
    assert len(doc.inline_shapes) == 13
    from sozialplanung_plugin.core.fields import fmt_de

    # the target table: one row per target of evaluatetargets, its numbers
    tab = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:3] == ["Kennzahl", "Raum", "Ziel"])
    rows = [[c.text for c in r.cells] for r in tab.rows[1:]]
    targets = sql(
        gpkg,
        "select indicator_name, unit_name, target_value, direction, deadline, baseline, current from "
        "target_attainment order by fid",
    )
    assert len(rows) == len(targets) >= 5
    for row, (ind, unit, target, direction, deadline, base, cur) in zip(rows, targets):
        sign = {"at_most": "≤", "at_least": "≥"}[direction]
        assert row[:5] == [ind, unit, f"{sign} {fmt_de(target, 1)} bis {deadline[:4]}", fmt_de(base, 1), fmt_de(cur, 1)]
    # the suppressed youth unemployment cells: '•' in the appendix table, never a number
    supp = [
        n
        for (n,) in sql(
            gpkg, "select name from indicators_social_spaces where jugendarbeitslosigkeit_flag_2025 = 'suppressed'"
        )
    ]
    assert supp
    appendix = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Sozialraum"
        and any(r.cells[0].text == supp[0] for r in t.rows)
        and "Jugendarbeitslosigkeit" in t._tbl.getprevious().xpath("string(.)")
    )
    cells = {r.cells[0].text: [c.text for c in r.cells] for r in appendix.rows[1:]}
    for name in supp:
        assert cells[name][1:4] == ["•", "•", "•"], cells[name]
    # the PDF by LibreOffice (make setup installs it): numbered pages, the chapters
    pdf = out / "sozialbericht.pdf"
    assert pdf.exists(), stdout[-3000:]
    n = pdf_pages(pdf)
    text = pdf_text(pdf)
    assert 40 <= n <= 90 and f"Seite {n} von {n}" in text and "Abbildung 13:" in text
    assert "Stärken und Schwächen der Sozialräume" in text and "Zielerreichung" in text
    assert_not_blank(pdf, tmp_path, 6)  # the first topic chapter with its map


def test_sozialraumberichte(demo, tmp_path):
    """One sub-report per municipality: cover with contents, 10 maps, ranking, strengths and weaknesses, action
    fields, then two pages per space (profile sheet, spine chart); every page numbered."""
    out = demo[0] / "sozialraumberichte"
    files = sorted(out.glob("*.pdf"))
    assert len(files) == 8
    gpkg = demo[0] / "sozialplanung_demo.gpkg"
    n_spaces = dict(sql(gpkg, "select substr(key, 1, 8), count(*) from indicators_social_spaces group by 1"))
    for f in files:
        ags = f.name.split("_")[1]
        n = pdf_pages(f)
        assert 1 + 10 + 3 + 2 * n_spaces[ags] <= n <= 1 + 10 + 3 + 2 * n_spaces[ags] + 4, (f.name, n)
        pages = pdf_text(f).split("\f")
        assert pages[0].startswith("Sozialraumbericht ") and "Inhalt" in pages[0]
        # the same source and disclosure notes as the other sheets
        assert "Zeichen: • gesperrt" in pages[0] and all("Quelle:" in p for p in pages[1:12])
        assert f"Seite {n} von {n}" in pages[n - 1] and ": Stärken und Schwächen" in pages[n - 1]
        # the action fields after the strengths and weaknesses (which flow over more pages in a large municipality)
        assert any(p.lstrip().startswith("Handlungsfelder: Bedarf, Angebot, Lücken") for p in pages[13:18])
    burscheid = next(f for f in files if "Burscheid" in f.name)
    assert pdf_pages(burscheid) == 1 + 10 + 3 + 2 * 4
    af = pdf_text(burscheid).split("\f")[13]
    # the infrastructure layers were given: offers per facility type, action fields in words (rule set names)
    assert "Kita:" in af and "Alterung" in af and "keine Infrastrukturdaten" not in af
    assert_not_blank(burscheid, tmp_path, 2)


def test_listed_pictures_show_what_the_demo_makes(qgis_app, demo, tmp_path):
    """The pictures of docs/img that are demo pages (tools/make_screenshots.py, Page) are what this demo run
    renders: on the reference QGIS the same pixels (mean difference at most 0.25 of 255; another page of the same
    sheet differs by 1.7), elsewhere the same size."""
    import importlib.util

    import numpy as np
    from qgis.core import Qgis

    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "tools" / "make_screenshots.py")
    shots = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shots)
    out, _log = demo
    pages = {n: s for n, s in shots.SHOTS.items() if isinstance(s, shots.Page)}
    assert len(pages) >= 9
    reference = Qgis.QGIS_VERSION_INT // 100 == 322  # the QGIS that made the committed pictures
    stale = []
    for name, page in pages.items():
        made = image_array(shots.render_page(out / page.pdf, page.page, page.dpi, tmp_path / name))
        shipped = image_array(shots.IMG / name)
        if made.shape != shipped.shape:
            stale.append(f"{name}: {made.shape[1]}x{made.shape[0]}, docs/img has {shipped.shape[1]}x{shipped.shape[0]}")
        elif reference and np.abs(made - shipped).mean() > 0.25:
            stale.append(f"{name}: mean difference {np.abs(made - shipped).mean():.2f} of 255")
    assert not stale, "docs/img is stale (tools/make_screenshots.py --demo-out <demo folder>): " + "; ".join(stale)
