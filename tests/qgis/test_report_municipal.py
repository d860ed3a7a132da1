"""municipalreport on the demo county: one PDF per selected municipality, page counts, contents and page numbers,
texts checked with pdftotext, a suppressed value never printed."""

import re
import subprocess

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

from ..helpers import folder_state, pdf_text
from ..helpers import pdf_pages as pages
from . import _report_data

report_demo = _report_data.report_demo  # the session fixture
system_temp = _report_data.system_temp

FIELDS = ["kinderarmut_sgb2_u15_2025", "sgb2_quote_2025", "jugendarbeitslosigkeit_2025"]
BURSCHEID, ROESRATH = "sozialraumbericht_05378008_Burscheid.pdf", "sozialraumbericht_05378028_R_srath.pdf"


def text(path, page):
    return pdf_text(path, page).replace("ﬀ", "ff")


def _system_temp_of(out):
    return out.with_name(out.name + "_systemtemp")


@pytest.fixture(scope="module")
def reports(report_demo, tmp_path_factory):
    import processing
    from qgis.core import QgsProcessingFeedback

    muni = QgsVectorLayer(report_demo["municipalities"], "Gemeinden", "ogr")
    QgsProject.instance().addMapLayer(muni)
    muni.selectByExpression("\"ags\" IN ('05378008', '05378028')")  # Burscheid (4 spaces), Rösrath (7)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = tmp_path_factory.mktemp("municipal")
    # an earlier report of Burscheid (replaced by the run) and a file of the user's (left alone)
    (out / BURSCHEID).write_bytes(b"old report")
    (out / "notiz.txt").write_text("keep", encoding="utf-8")
    try:
        with system_temp(_system_temp_of(out)):  # test_nothing_left_in_the_system_temporary_folder
            res = processing.run(
                "sozialplanung:municipalreport",
                {
                    "INPUT": report_demo["spaces"],
                    "FIELDS": FIELDS,
                    "BOUNDARIES": QgsProcessingFeatureSourceDefinition(muni.id(), selectedFeaturesOnly=True),
                    "BOUNDARY_KEY": "ags",
                    "BOUNDARY_NAME": "name",
                    "MUNICIPALITY_INDICATORS": report_demo["municipalities_ind"],
                    "COUNTY": report_demo["county"],
                    "INDEX": report_demo["index"],
                    "TYPOLOGY": report_demo["action_fields"],
                    "OUTPUT_FOLDER": str(out),
                },
                feedback=QgsProcessingFeedback(),
                context=context,
            )
    finally:
        QgsProject.instance().removeMapLayer(muni.id())
    return res, out


def test_one_pdf_per_selected_municipality(reports):
    res, out = reports
    files = sorted(out.glob("*.pdf"))
    assert [f.name for f in files] == [BURSCHEID, ROESRATH]
    assert res["N_REPORTS"] == 2 and res["FILES"].split("\n") == [str(f) for f in files]
    # cover + 3 maps + ranking + strengths/weaknesses + action fields + 2 pages per space (profile + spine)
    burscheid, roesrath = files
    assert pages(burscheid) == 1 + 3 + 1 + 1 + 1 + 2 * 4
    assert pages(roesrath) >= 1 + 3 + 1 + 1 + 1 + 2 * 7  # the strengths table may flow onto a second page
    assert res["PAGES"] == pages(burscheid) + pages(roesrath)


def test_contents_and_page_numbers(reports):
    _res, out = reports
    pdf = out / "sozialraumbericht_05378028_R_srath.pdf"
    n = pages(pdf)
    cover = text(pdf, 1)
    assert "Sozialraumbericht Rösrath" in cover and "Inhalt" in cover and "Rheinisch-Bergischer Kreis 2025" in cover
    # every page numbered 'Seite i von n'
    for i in range(1, n + 1):
        assert f"Seite {i} von {n}" in text(pdf, i), i
    # the contents point at the right pages
    entries = {}
    for line in cover.splitlines():  # the contents column may share a line with the map's labels
        for part in re.split(r"\s{2,}", line.strip()):
            m = re.fullmatch(r"(.+?) … Seite (\d+)", part)
            if m:
                entries[m.group(1)] = m.group(2)
    assert set(entries) >= {
        "Karten der Schlüsselkennzahlen",
        "Rangfolge der Sozialräume",
        "Stärken und Schwächen",
        "Handlungsfelder",
        "Steckbriefe der Sozialräume",
    }
    assert "Kinderarmut (SGB II-Quote unter 15)" in text(pdf, int(entries["Karten der Schlüsselkennzahlen"]))
    assert "Rangfolge der Sozialräume" in text(pdf, int(entries["Rangfolge der Sozialräume"]))
    assert "Stärken und Schwächen der Sozialräume" in text(pdf, int(entries["Stärken und Schwächen"]))
    assert "Handlungsfelder: Bedarf, Angebot, Lücken" in text(pdf, int(entries["Handlungsfelder"]))
    first_sheet = int(entries["Steckbriefe der Sozialräume"])
    assert "Rösrath 01" in text(pdf, first_sheet) and "Kennzahlen 2025" in text(pdf, first_sheet)
    assert "Rösrath 01: Stärken und Schwächen" in text(pdf, first_sheet + 1)
    assert first_sheet + 2 * 7 - 1 == n


def test_numbers_and_suppressed_cells(reports, report_demo):
    _res, out = reports
    pdf = out / "sozialraumbericht_05378028_R_srath.pdf"
    cover = text(pdf, 1)
    rank_page = int(re.search(r"Rangfolge der Sozialräume … Seite (\d+)", cover).group(1))  # noqa: RUF001
    ranking = text(pdf, rank_page)
    spaces = {f["key"]: f for f in QgsVectorLayer(report_demo["spaces"], "s", "ogr").getFeatures()}
    from sozialplanung_plugin.core.fields import fmt_de

    for key, f in spaces.items():
        if not key.startswith("05378028"):
            continue
        line = next(ln for ln in ranking.splitlines() if re.search(rf"\b{re.escape(f['name'])}\b", ln))
        assert fmt_de(f["kinderarmut_sgb2_u15_2025"]) in line
        if f["jugendarbeitslosigkeit_flag_2025"] == "suppressed":
            assert "•" in line
    # the SGB II rate of Rösrath on its map page (the municipality layer's value)
    mun = next(
        f for f in QgsVectorLayer(report_demo["municipalities_ind"], "m", "ogr").getFeatures() if f["key"] == "05378028"
    )
    maps = [text(pdf, p) for p in range(2, 5)]
    assert any(f"Rösrath 2025: {fmt_de(mun['sgb2_quote_2025'])} %" in t for t in maps)
    # action fields: the spaces with need by the typology, and the marked hook for missing infrastructure layers
    af = text(pdf, int(re.search(r"Handlungsfelder … Seite (\d+)", cover).group(1)))
    assert "Armut und soziale Lage" in af or "armut" in af.lower()
    assert "keine Infrastrukturdaten übergeben" in af


# ---------------------------------------------------------------------- the folder: complete or absent as a set
def test_a_successful_run_replaces_its_reports_and_leaves_other_files(reports):
    _res, out = reports
    state = folder_state(out)
    assert sorted(state) == ["notiz.txt", BURSCHEID, ROESRATH]  # no hidden partial folder left
    assert state["notiz.txt"] == b"keep"
    assert state[BURSCHEID] != b"old report" and pages(out / BURSCHEID) == 1 + 3 + 1 + 1 + 1 + 2 * 4


class StopAfterTheFirstReport:
    """A feedback that fails the run once the first of the two reports is written (in the hidden partial folder):
    by a cancel, or by making the second report unwritable (a folder where its PDF is to be written)."""

    def __new__(cls, folder, how):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def setProgress(self, progress):
                super().setProgress(progress)
                if self.stopped or not folder.is_dir():
                    return
                places = [p for p in folder.glob(".sozialplanung-partial-*") if p.is_dir()] + [folder]
                # the reports of this run (an earlier report in the folder is a few bytes)
                written = [f for p in places for f in p.glob("sozialraumbericht_*") if f.is_file()]
                written = [f for f in written if f.stat().st_size > 999]
                if not written:
                    return
                self.stopped = len(written)
                if how == "cancel":
                    self.cancel()
                else:
                    (places[0] / ROESRATH).mkdir()

        fb = Feedback()
        fb.stopped = 0
        return fb


@pytest.mark.parametrize("how", ["cancel", "error"])
@pytest.mark.parametrize("existing", [True, False])
def test_a_run_failing_after_the_first_report_leaves_the_folder_as_it_was(report_demo, tmp_path, how, existing):
    """Burscheid's report written, then a cancel or Rösrath's report cannot be written: the folder holds what it
    held before (byte for byte) or, when the run created it, is gone."""
    import processing
    from qgis.core import QgsProcessingException

    folder = tmp_path / "berichte"
    if existing:
        folder.mkdir()
        (folder / BURSCHEID).write_bytes(b"old report")
        (folder / "notiz.txt").write_text("keep", encoding="utf-8")
        before = folder_state(folder)
    muni = QgsVectorLayer(report_demo["municipalities"], "Gemeinden", "ogr")
    QgsProject.instance().addMapLayer(muni)
    muni.selectByExpression("\"ags\" IN ('05378008', '05378028')")  # Burscheid, Rösrath
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = StopAfterTheFirstReport(folder, how)
    match = "Canceled: nothing was written" if how == "cancel" else "could not be written"
    try:
        with pytest.raises(QgsProcessingException, match=match) as err:
            processing.run(
                "sozialplanung:municipalreport",
                {
                    "INPUT": report_demo["spaces"],
                    "FIELDS": FIELDS[:1],
                    "BOUNDARIES": QgsProcessingFeatureSourceDefinition(muni.id(), selectedFeaturesOnly=True),
                    "BOUNDARY_KEY": "ags",
                    "BOUNDARY_NAME": "name",
                    "PROFILES": False,
                    "DPI": 72,
                    "OUTPUT_FOLDER": str(folder),
                },
                feedback=feedback,
                context=context,
            )
    finally:
        QgsProject.instance().removeMapLayer(muni.id())
    assert feedback.stopped == 1  # it failed after the first report was written
    assert ".sozialplanung-partial" not in str(err.value)
    if existing:
        assert folder_state(folder) == before
    else:
        assert not folder.exists()
    assert [p.name for p in tmp_path.iterdir()] == (["berichte"] if existing else [])


# ---------------------------------------------------------------------- nothing left in the system's temporary folder
def test_nothing_left_in_the_system_temporary_folder(reports):
    """The profile atlas the run renders internally (its PDF and charts) was left in a 'sozialraumbericht-*' folder
    of the system's temporary folder after every run."""
    _res, out = reports
    assert sorted(p.name for p in _system_temp_of(out).iterdir()) == []


@pytest.mark.parametrize("how", ["refused", "cancel"])
def test_a_refused_or_cancelled_run_leaves_nothing_in_the_system_temporary_folder(report_demo, tmp_path, how):
    """The run stops after the profile atlas was made (its charts and PDF in the temporary folder): a cover template
    that is no XML, or a cancel when the first report begins."""
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    templates = tmp_path / "vorlagen"
    templates.mkdir()
    (templates / "municipal_a4_cover.qpt").write_text("<Layout", encoding="utf-8")

    class Feedback(QgsProcessingFeedback):
        def setProgressText(self, text):
            super().setProgressText(text)
            if how == "cancel" and text.startswith("Report 1 of"):
                self.cancel()

    muni = QgsVectorLayer(report_demo["municipalities"], "Gemeinden", "ogr")
    QgsProject.instance().addMapLayer(muni)
    muni.selectByExpression("\"ags\" = '05378008'")  # Burscheid, 4 spaces
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    match = "not valid XML" if how == "refused" else "Canceled"
    try:
        with system_temp(tmp_path / "systemtemp") as temp, pytest.raises(QgsProcessingException, match=match):
            processing.run(
                "sozialplanung:municipalreport",
                {
                    "INPUT": report_demo["spaces"],
                    "FIELDS": FIELDS[:1],
                    "BOUNDARIES": QgsProcessingFeatureSourceDefinition(muni.id(), selectedFeaturesOnly=True),
                    "BOUNDARY_KEY": "ags",
                    "BOUNDARY_NAME": "name",
                    "PROFILES": True,
                    "DPI": 72,
                    "TEMPLATE_FOLDER": str(templates) if how == "refused" else "",
                    "OUTPUT_FOLDER": str(tmp_path / "berichte"),
                },
                feedback=Feedback(),
                context=context,
            )
    finally:
        QgsProject.instance().removeMapLayer(muni.id())
    assert temp.left() == []
    assert not (tmp_path / "berichte").exists()


# ---------------------------------------------------------------------- the ranking page's header row
RANKING_FIELDS = [  # the demo's key indicators on the ranking page (tools/run_demo.py: FIELDS empty)
    "kinderarmut_sgb2_u15_2025",
    "sgb2_quote_2025",
    "grundsicherung_alter_2025",
    "arbeitslose_anteil_2025",
    "jugendarbeitslosigkeit_2025",
]


def _words(pdf, page):
    """(xMin, yMin, xMax, yMax, text) in points of every word on the page (pdftotext -bbox)."""
    import html

    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (float(a), float(b), float(c), float(d), html.unescape(t))
        for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out
        )
    ]


def test_the_ranking_header_fits_its_row_and_columns(report_demo, tmp_path):
    """The heading 'Grundsicherung Alter (%)' had four lines in a header row QGIS sized for three: its first line
    stood above the table, its last touched the first row; 'Jugendarbeits-' ran out of its column. Every heading
    word now lies inside the table's header row, clear of the first row, and inside its column."""
    import xml.etree.ElementTree as ET

    import processing
    from qgis.core import QgsProcessingFeedback

    from sozialplanung_plugin.processing import _report_layouts as RL

    muni = QgsVectorLayer(report_demo["municipalities"], "Gemeinden", "ogr")
    QgsProject.instance().addMapLayer(muni)
    muni.selectByExpression("\"ags\" = '05378008'")  # Burscheid, 4 spaces
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        res = processing.run(
            "sozialplanung:municipalreport",
            {
                "INPUT": report_demo["spaces"],
                "FIELDS": RANKING_FIELDS,
                "BOUNDARIES": QgsProcessingFeatureSourceDefinition(muni.id(), selectedFeaturesOnly=True),
                "BOUNDARY_KEY": "ags",
                "BOUNDARY_NAME": "name",
                "INDEX": report_demo["index"],
                "PROFILES": False,
                "DPI": 72,
                "OUTPUT_FOLDER": str(tmp_path),
            },
            feedback=QgsProcessingFeedback(),
            context=context,
        )
    finally:
        QgsProject.instance().removeMapLayer(muni.id())
    pdf = res["FILES"]
    page = int(re.search(r"Rangfolge der Sozialräume … Seite (\d+)", text(pdf, 1)).group(1))  # noqa: RUF001
    words = _words(pdf, page)
    # the table frame of the template and the ranking's column widths (MunicipalReport._ranking), in points
    item = next(
        e for e in ET.parse(RL.template_file("municipal_a4_table")).iter("LayoutItem") if e.get("id") == "table"
    )
    x0, y0 = (float(v) * 72 / 25.4 for v in item.get("position").split(",")[:2])
    n = len(RANKING_FIELDS)
    widths = [11, 34, 27] + [110 / n] * n
    bounds = [x0 + (sum(widths[:j]) + 0.15 * j) * 72 / 25.4 for j in range(len(widths) + 1)]
    # the heading words: inside the table's width, from just above its top edge (the subtitle ends 14 pt above)
    # down to the first rank number (a word of the first row reaches below it: its cells are centred)
    table = [w for w in words if bounds[0] <= w[0] < bounds[-1] and w[1] > y0 - 12]
    first_rank = min((w for w in table if w[4].isdigit() and w[0] < bounds[1]), key=lambda w: w[1])
    head = [w for w in table if w[3] <= first_rank[1]]
    texts = " ".join(w[4] for w in head)
    assert {"Rang", "Sozialraum", "Indexklasse", "Grund-", "Alter", "(%)"} <= {w[4] for w in head}, texts
    # inside the header row: below the table's top edge, and clear of the first row (two cell margins of 1.2 mm
    # lie between the texts of two rows: 5.4 pt between the rows' word boxes; the overlapping heading: 0.8 pt)
    assert min(w[1] for w in head) >= y0, texts
    row1_top = min(w[1] for w in table if w not in head)
    assert row1_top - max(w[3] for w in head) >= 4.0, texts
    # inside its column
    for w in head:
        col = max(j for j in range(len(widths)) if bounds[j] <= w[0])
        assert w[2] <= bounds[col + 1], (w, bounds)
