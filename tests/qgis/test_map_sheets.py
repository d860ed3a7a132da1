"""overviewmapsheets and profileatlas: PDFs rendered to PNG (pdftoppm) and read back as text (pdftotext).

The demo county is aggregated once (aggregateindicators with disclosure control, as in tools/run_demo.py);
a small hand-made layer checks that a suppressed value never appears as a number, whatever the layer holds.
"""

import re
import subprocess

import numpy as np
import pytest
from qgis.core import QgsVectorLayer

from ..helpers import folder_state, pdf_pages, pdf_text, run_qgis_desktop, small_layer


def page_images(path, tmp_path, dpi=20, first=None, last=None):
    """Grey page images as numpy arrays (pdftoppm -gray, PGM)."""
    prefix = tmp_path / f"page_{path.stem}"
    args = ["pdftoppm", "-gray", "-r", str(dpi)]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    subprocess.run(args + [str(path), str(prefix)], check=True)
    images = []
    for pgm in sorted(tmp_path.glob(f"page_{path.stem}*.pgm")):
        data = pgm.read_bytes()
        # binary PGM: P5\n<w> <h>\n<max>\n<bytes>
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        w, h = int(header.group(1)), int(header.group(2))
        images.append(np.frombuffer(data[header.end() : header.end() + w * h], dtype=np.uint8).reshape(h, w))
    return images


def assert_not_blank(images):
    for i, img in enumerate(images, start=1):
        dark = (img < 200).mean()
        assert img.std() > 10 and dark > 0.01, f"page {i} looks blank (std {img.std():.1f}, dark {dark:.3f})"


@pytest.fixture(scope="module")
def demo_spaces(demo_indicators, demo_dir):
    """The demo county's social spaces (5 years, disclosure control) as tools/run_demo.py aggregates them."""
    out = demo_indicators(disclosure=True)
    gpkg_in = demo_dir / "rbk_demo.gpkg"
    layer = QgsVectorLayer(f"{out}|layername=indicators_social_spaces", "spaces", "ogr")
    assert layer.isValid() and layer.featureCount() == 68
    return {
        "layer": f"{out}|layername=indicators_social_spaces",
        "count": layer.featureCount(),
        "names": sorted(f["name"] for f in layer.getFeatures()),
        "suppressed": sorted(
            f["name"] for f in layer.getFeatures() if f["jugendarbeitslosigkeit_flag_2025"] == "suppressed"
        ),
        "municipalities": f"{gpkg_in}|layername=municipalities",
    }


def test_overview_sheets_demo_two_indicators_one_pdf(run_alg, demo_spaces, tmp_path):
    out = tmp_path / "overview.pdf"
    res = run_alg(
        "overviewmapsheets",
        {
            "INPUT": demo_spaces["layer"],
            "FIELDS": ["kinderarmut_sgb2_u15_2025", "jugendarbeitslosigkeit_2025"],
            "NAME_FIELD": "name",
            "MUNICIPALITIES": demo_spaces["municipalities"],
            "MUNICIPALITY_NAME": "name",
            "METHOD": 0,
            "CLASSES": 5,
            "PAPER": 0,
            "DPI": 100,
            "OUTPUT": str(out),
        },
    )
    assert res["PAGE_COUNT"] == 2 and pdf_pages(out) == 2
    assert_not_blank(page_images(out, tmp_path))
    p1, p2 = pdf_text(out, 1), pdf_text(out, 2)
    assert "Kinderarmut (SGB II-Quote unter 15)" in p1 and "31.12.2025" in p1
    assert "Jugendarbeitslosigkeit" in p2
    for page in (p1, p2):
        assert "© GeoBasis-DE / BKG" in page and "Bundesagentur für Arbeit" in page
        assert "Bergisch Gladbach" in page and "Odenthal" in page  # municipality names on the map
    # quantile classes: 68 spaces -> the legend counts add up; suppressed spaces are a class of their own
    counts = [int(c) for c in re.findall(r"%\s+\((\d+)\)", p2)]
    n_supp = len(demo_spaces["suppressed"])
    assert n_supp > 0 and sum(counts) == demo_spaces["count"] - n_supp
    assert re.search(r"gesperrt\s", p2)  # the legend entry of suppressed values (one word: docs/glossary.md)
    assert "gesperrt" not in p1  # no suppressed child poverty value in 2025


@pytest.mark.parametrize("paper", [1, 2, 3])
def test_overview_other_papers(run_alg, demo_spaces, tmp_path, paper):
    out = tmp_path / f"overview_{paper}.pdf"
    run_alg(
        "overviewmapsheets",
        {"INPUT": demo_spaces["layer"], "FIELDS": ["sgb2_quote_2025"], "PAPER": paper, "DPI": 72, "OUTPUT": str(out)},
    )
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", size).groups())
    expected = {1: (210, 297), 2: (420, 297), 3: (297, 420)}[paper]
    assert (round(w / 72 * 25.4), round(h / 72 * 25.4)) == expected
    assert_not_blank(page_images(out, tmp_path))


@pytest.mark.slow
def test_profile_atlas_demo_one_page_per_space(run_alg, demo_spaces, tmp_path):
    out = tmp_path / "profiles.pdf"
    folder = tmp_path / "per_space"
    res = run_alg(
        "profileatlas",
        {
            "INPUT": demo_spaces["layer"],
            "KEY_FIELD": "key",
            "NAME_FIELD": "name",
            "MUNICIPALITIES": demo_spaces["municipalities"],
            "MUNICIPALITY_NAME": "name",
            "CHART_INDICATOR": "jugendarbeitslosigkeit",
            "DPI": 72,  # the least it takes: 68 pages and 68 PNGs; the checks read text and coarse images
            "OUTPUT": str(out),
            "OUTPUT_FOLDER": str(folder),
            "FOLDER_FORMAT": 1,
            "SPINE_PAGE": False,  # the sheet itself; its spine page: test_report_spine.py, the default below
        },
    )
    n = demo_spaces["count"]
    assert res["PAGE_COUNT"] == n and pdf_pages(out) == n
    assert len(list(folder.glob("*.png"))) == n
    # every page carries its space's name; spot-check the rendering of a few pages
    text = pdf_text(out)
    pages = text.split("\f")
    for name in demo_spaces["names"]:
        assert any(name in p for p in pages), name
    assert_not_blank(page_images(out, tmp_path, first=1, last=3))
    first = pages[0]
    for label in (
        "Kennzahlen 2025",
        "SGB II-Quote",
        "Kinderarmut",
        "Jugendarbeitslosigkeit",
        "Sozialraum",
        "Gemeinde",
        "Kreis",
        "± seit 2009",
        "Stand 31.12.2025",
        "© GeoBasis-DE / BKG",
        "Bundesagentur für Arbeit",
        "Jugendarbeitslosigkeit (%), 2009–2025",
    ):
        assert label in first, label
    # suppressed youth unemployment 2025: '•' in the table and the summary, never a number
    name = demo_spaces["suppressed"][0]
    page = next(p for p in pages if name in p.split("\n", 3)[0] or p.lstrip().startswith(name))
    row = next(line for line in page.splitlines() if line.strip().startswith("Jugendarbeitslosigkeit (%)"))
    cells = row.split("Jugendarbeitslosigkeit (%)", 1)[1].split()
    assert cells[0] == "•" and cells[1] == "•", row  # value and count
    assert "Jugendarbeitslosigkeit 2025: gesperrt" in page


def test_suppressed_value_never_printed(run_alg, qgis_app, tmp_path):
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "small_profiles.pdf"
    res = run_alg(
        "profileatlas",
        {"INPUT": gpkg, "INDICATORS": "kinderarmut_sgb2_u15", "CLASS_FIELD": "idx", "DPI": 96, "OUTPUT": str(out)},
    )
    assert res["PAGE_COUNT"] == 3
    pages = pdf_text(out).split("\f")
    b = next(p for p in pages if "Bergfeld" in p)
    assert "77,7" not in b and "77.7" not in b and "-46" not in b  # neither the value nor a change from it
    row = next(line for line in b.splitlines() if line.strip().startswith("Kinderarmut (%)"))
    assert row.split()[2:] == ["•", "•", "–", "20,0", "•"], row  # value, count, change suppressed; county
    assert "gesperrt" in b and re.search(r"Indexklasse\s+3 von 3", b)
    a = next(p for p in pages if "Altstadt" in p)
    assert "12,5" in a and "+2,5" in a and re.search(r"Indexklasse\s+1 von 3", a)  # 12.5 - 10.0
    # the overview: the suppressed 77.7 is neither a class limit nor in any text
    ov = tmp_path / "small_overview.pdf"
    run_alg(
        "overviewmapsheets",
        {
            "INPUT": gpkg,
            "FIELDS": ["kinderarmut_sgb2_u15_2025"],
            "METHOD": 2,
            "CLASSES": 2,
            "DPI": 72,
            "OUTPUT": str(ov),
        },
    )
    text = pdf_text(ov)
    assert "77,7" not in text and "gesperrt" in text
    assert "12,5 – 21,2 %" in text and "21,2 – 30,0 %" in text  # equal intervals over 12.5 .. 30.0


def test_qgis_process_overview(qgis_process, tmp_path):
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "ov.pdf"
    res = qgis_process(
        "overviewmapsheets",
        {
            "INPUT": gpkg,
            "FIELDS": "kinderarmut_sgb2_u15_2024",
            "METHOD": 0,
            "CLASSES": 2,
            "DPI": 72,
            "OUTPUT": str(out),
        },
    )
    assert res["results"]["PAGE_COUNT"] == 1 and pdf_pages(out) == 1
    assert "Kinderarmut" in pdf_text(out)


def test_qgis_process_profiles(qgis_process, tmp_path):
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "pr.pdf"
    res = qgis_process(
        "profileatlas", {"INPUT": gpkg, "KEY_FIELD": "key", "NAME_FIELD": "name", "DPI": 72, "OUTPUT": str(out)}
    )
    # three sheets, each with its spine page (the default, issue 17)
    assert res["results"]["PAGE_COUNT"] == 3 and pdf_pages(out) == 6
    text = pdf_text(out)
    assert "Altstadt" in text and "Christusviertel" in text and "77,7" not in text
    assert [p.count("Stärken und Schwächen") for p in text.split("\f")[:6]] == [0, 1, 0, 1, 0, 1]


def test_bad_indicator_is_a_clear_error(run_alg, qgis_app, tmp_path):
    from qgis.core import QgsProcessingException

    gpkg = small_layer(tmp_path / "small.gpkg")
    with pytest.raises(QgsProcessingException, match="no fields '<id>_<year>' for the indicator"):
        run_alg("profileatlas", {"INPUT": gpkg, "INDICATORS": "sgb2_quote", "OUTPUT": str(tmp_path / "x.pdf")})
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
def test_desktop_adds_layouts_and_layers_to_the_project(qgis_app, tmp_path):
    """In real QGIS desktop (xvfb) the layouts land in the project's layout manager, with their layers."""
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "desktop.json"
    result = run_qgis_desktop(
        "desktop_map_sheets.py",
        out,
        tmp_path / "home",
        timeout=240,
        SOZIALPLANUNG_MAPS_INPUT=gpkg,
        SOZIALPLANUNG_MAPS_DIR=str(tmp_path),
        SOZIALPLANUNG_MAPS_OUT=str(out),
    )
    layouts = result["layouts"]
    overview = [n for n in layouts if n.startswith("Übersichtskarte")]
    assert len(overview) == 2 and all(layouts[n]["pages"] == 1 for n in overview)  # one layout per field
    profile = layouts["Sozialraum-Steckbriefe"]
    assert profile["atlas"] and profile["atlas_count"] == 3 and profile["table_rows_first_page"] == 1
    assert "Kennzahlen (Steckbriefe)" in result["layers"] and "Sozialräume (Steckbriefe)" in result["layers"]
    assert (tmp_path / "ov.pdf").exists() and pdf_pages(tmp_path / "pr.pdf") == 6  # with the spine pages


def test_index_classes_as_given(run_alg, qgis_app, tmp_path):
    """METHOD 4: the field already holds classes 1..n (an index class): one legend entry per class."""
    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "classes.pdf"
    run_alg(
        "overviewmapsheets",
        {"INPUT": gpkg, "FIELDS": ["idx"], "METHOD": 4, "TITLE": "Sozialindex", "DPI": 72, "OUTPUT": str(out)},
    )
    text = pdf_text(out)
    assert "Sozialindex" in text and "{year}" not in text
    for label in (r"Klasse 1\s+\(1\)", r"Klasse 2\s+\(1\)", r"Klasse 3\s+\(1\)"):
        assert re.search(label, text), (label, text)


def test_index_class_codes_with_their_labels(run_alg, qgis_app, tmp_path):
    """Class codes that are not 1..n (MSS status/dynamics 11..45) with the index's label field beside them:
    the legend and the badge use the index's own labels, no 'Klasse 45 von 45'."""
    from sozialplanung_plugin.processing.base import make_field

    gpkg = small_layer(tmp_path / "small.gpkg")
    layer = QgsVectorLayer(gpkg, "small", "ogr")
    layer.startEditing()
    layer.addAttribute(make_field("mss_class", "int"))
    layer.addAttribute(make_field("mss_label", "string"))
    layer.updateFields()
    codes = {"A": (11, "11 hoch / positiv"), "B": (45, "45 sehr niedrig / negativ"), "C": (23, "23 mittel / stabil")}
    for f in layer.getFeatures():
        code, label = codes[f["key"]]
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("mss_class"), code)
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("mss_label"), label)
    assert layer.commitChanges()
    ov = tmp_path / "mss.pdf"
    run_alg("overviewmapsheets", {"INPUT": gpkg, "FIELDS": ["mss_class"], "METHOD": 4, "DPI": 72, "OUTPUT": str(ov)})
    text = pdf_text(ov)
    for label in ("11 hoch / positiv", "23 mittel / stabil", "45 sehr niedrig / negativ"):
        assert re.search(re.escape(label) + r"\s+\(1\)", text), (label, text)
    pr = tmp_path / "mss_profiles.pdf"
    run_alg("profileatlas", {"INPUT": gpkg, "CLASS_FIELD": "mss_class", "DPI": 72, "OUTPUT": str(pr)})
    pages = pdf_text(pr).split("\f")
    b = next(p for p in pages if "Bergfeld" in p)
    flat = " ".join(b.split())  # the badge wraps its text (next to the subtitle)
    assert "Indexklasse 45 sehr niedrig /" in flat and "negativ" in flat and "von 3" not in flat


def test_cancel_during_the_atlas_export_writes_nothing(run_alg, qgis_app, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelLate(QgsProcessingFeedback):
        """Cancels once the export has started (progress beyond the 40 % of the preparation)."""

        def setProgress(self, progress):
            super().setProgress(progress)
            if progress > 45:
                self.cancel()

    gpkg = small_layer(tmp_path / "small.gpkg")
    out = tmp_path / "canceled.pdf"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg("profileatlas", {"INPUT": gpkg, "DPI": 72, "OUTPUT": str(out)}, feedback=CancelLate())
    assert not out.exists() and not list(tmp_path.glob("canceled.pdf*"))


# ------------------------------------------------------------------ the folder output: complete or absent as a set
class StopInTheFolderExport:
    """A feedback that fails the export of the files per space after the n-th file is written: by a cancel, or by
    making the next files unwritable (a folder where QGIS's exporter wants to write the file: an error in the
    middle of the export, from QGIS itself)."""

    def __new__(cls, folder, n, how):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgress(self, progress):
                super().setProgress(progress)
                if progress < 75 or self.stopped or not folder.is_dir():
                    return
                places = [p for p in folder.glob(".sozialplanung-partial-*") if p.is_dir()] + [folder]
                # the sheets of this run (the folder's earlier content is a few bytes)
                written = [f for p in places for f in p.glob("steckbrief_*") if f.is_file() and f.stat().st_size > 99]
                if len(written) < n:
                    return
                self.stopped = len(written)
                if how == "cancel":
                    self.cancel()
                else:
                    for key in "ABC":
                        target = places[0] / f"steckbrief_{key}.pdf"
                        if not target.exists():
                            target.mkdir()

        fb = Feedback()
        fb.stopped = 0
        return fb


def test_folder_output_replaces_the_sheets_as_a_set(run_alg, qgis_app, tmp_path):
    gpkg = small_layer(tmp_path / "small.gpkg")
    folder = tmp_path / "sheets"
    folder.mkdir()
    (folder / "steckbrief_A.pdf").write_bytes(b"old A")
    (folder / "notiz.txt").write_text("keep", encoding="utf-8")
    res = run_alg(
        "profileatlas", {"INPUT": gpkg, "DPI": 72, "OUTPUT": str(tmp_path / "p.pdf"), "OUTPUT_FOLDER": str(folder)}
    )
    assert res["OUTPUT_FOLDER"] == str(folder)
    state = folder_state(folder)
    assert sorted(state) == ["notiz.txt", "steckbrief_A.pdf", "steckbrief_B.pdf", "steckbrief_C.pdf"]
    assert state["notiz.txt"] == b"keep"
    for key in "ABC":
        assert pdf_pages(folder / f"steckbrief_{key}.pdf") == 2  # the sheet and its spine page (the default)
    assert "Bergfeld" in pdf_text(folder / "steckbrief_B.pdf")


@pytest.mark.parametrize("how", ["cancel", "error"])
@pytest.mark.parametrize("existing", [True, False])
def test_folder_output_failing_in_the_middle_leaves_nothing_new(run_alg, qgis_app, tmp_path, how, existing):
    """Two of three sheets written, then a cancel or a sheet QGIS cannot write: the folder holds what it held
    before (byte for byte) or, when the run created it, is gone; the PDF is not written either."""
    from qgis.core import QgsProcessingException

    gpkg = small_layer(tmp_path / "small.gpkg")
    folder = tmp_path / "sheets"
    if existing:
        folder.mkdir()
        (folder / "steckbrief_A.pdf").write_bytes(b"old A")
        (folder / "notiz.txt").write_text("keep", encoding="utf-8")
        before = folder_state(folder)
    feedback = StopInTheFolderExport(folder, 2, how)
    out = tmp_path / "p.pdf"
    params = {"INPUT": gpkg, "DPI": 72, "OUTPUT": str(out), "OUTPUT_FOLDER": str(folder)}
    match = "Canceled: nothing was written" if how == "cancel" else "files per social space could not be written"
    with pytest.raises(QgsProcessingException, match=match) as err:
        run_alg("profileatlas", params, feedback=feedback)
    assert feedback.stopped == 2  # it failed after two sheets were written
    assert ".sozialplanung-partial" not in str(err.value)
    if existing:
        assert folder_state(folder) == before
    else:
        assert not folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheets", "small.gpkg"][(0 if existing else 1) :]


def test_a_run_killed_while_moving_its_outputs_is_completed_by_the_next(qgis_app, tmp_path):
    """A partial folder with the marker (the run had succeeded, it was killed between the moves) is moved into
    place by the next run's sweep; one without the marker (killed while writing) is deleted."""
    import subprocess

    from sozialplanung_plugin.processing import _atomic

    dead = subprocess.Popen(["true"])
    dead.wait()
    committed = tmp_path / f"{_atomic.PREFIX}{dead.pid}-a"
    writing = tmp_path / f"{_atomic.PREFIX}{dead.pid}-b"
    for p in (committed, writing):
        p.mkdir()
    (committed / "steckbrief_B.pdf").write_bytes(b"new B")
    (committed / _atomic.COMMITTED).write_bytes(b"")
    (writing / "steckbrief_C.pdf").write_bytes(b"half C")
    (tmp_path / "steckbrief_A.pdf").write_bytes(b"new A")  # moved before the kill
    (tmp_path / "steckbrief_B.pdf").write_bytes(b"old B")
    assert _atomic.sweep_stale(str(tmp_path)) == 2
    assert folder_state(tmp_path) == {"steckbrief_A.pdf": b"new A", "steckbrief_B.pdf": b"new B"}


def test_keys_that_share_a_file_name_get_one_sheet_each(run_alg, qgis_app, tmp_path):
    """'A 1' and 'A_1' both became steckbrief_A_1.pdf: the second overwrote the first without a word (and the
    first space's spine page showed the second's chart)."""
    from sozialplanung_plugin.processing.profile_atlas import file_stems

    assert file_stems(["A_1", "A 1", "B", "A.1", "A_1_2"]) == {
        "A_1": "A_1",  # a key that is a file name keeps it
        "A_1_2": "A_1_2",
        "B": "B",
        "A 1": "A_1_3",
        "A.1": "A_1_4",
    }
    path = tmp_path / "small.gpkg"
    small_layer(path)
    layer = QgsVectorLayer(str(path), "small", "ogr")
    keys = {"A": "A 1", "B": "A_1", "C": "B"}
    layer.startEditing()
    for f in layer.getFeatures():
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("key"), keys[f["key"]])
    assert layer.commitChanges()
    folder = tmp_path / "sheets"
    res = run_alg(
        "profileatlas",
        {"INPUT": str(path), "DPI": 72, "OUTPUT": str(tmp_path / "p.pdf"), "OUTPUT_FOLDER": str(folder)},
    )
    assert res["PAGE_COUNT"] == 3
    names = {p.name: pdf_text(p).split("\f")[0] for p in folder.glob("*.pdf")}
    assert sorted(names) == ["steckbrief_A_1.pdf", "steckbrief_A_1_2.pdf", "steckbrief_B.pdf"]
    assert "Bergfeld" in names["steckbrief_A_1.pdf"] and "Altstadt" in names["steckbrief_A_1_2.pdf"]
    assert "Christusviertel" in names["steckbrief_B.pdf"]
