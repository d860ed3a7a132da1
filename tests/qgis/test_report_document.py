"""reportdocument on the demo county: the DOCX read back with python-docx (chapters, figures at print resolution,
tables holding the layer's numbers, no suppressed value), converted to PDF by LibreOffice and rendered to PNG."""

import re
import subprocess

import docx
import pytest
from qgis.core import QgsVectorLayer

from ..helpers import SOZIALBERICHT_CHAPTERS
from . import _report_data

report_demo = _report_data.report_demo  # the session fixture


def fmt(v, d=1):
    from sozialplanung_plugin.core.fields import fmt_de

    return fmt_de(v, d)


@pytest.fixture(scope="module")
def document(report_demo, tmp_path_factory):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    out = tmp_path_factory.mktemp("sozialbericht") / "sozialbericht.docx"
    with _report_data.system_temp(out.parent.with_name(out.parent.name + "_systemtemp")):
        res = processing.run(
            "sozialplanung:reportdocument",
            {
                "INPUT": report_demo["spaces"],
                "FIELDS": [
                    "kinderarmut_sgb2_u15_2025",
                    "sgb2_quote_2025",
                    "jugendarbeitslosigkeit_2025",
                    "anteil_65plus_2025",
                ],
                "MUNICIPALITY_INDICATORS": report_demo["municipalities_ind"],
                "COUNTY": report_demo["county"],
                "BOUNDARIES": report_demo["municipalities"],
                "BOUNDARY_NAME": "name",
                "INDEX": report_demo["index"],
                "TYPOLOGY": report_demo["action_fields"],
                "DPI": 200,
                "OUTPUT": str(out),
            },
            feedback=QgsProcessingFeedback(),
            context=QgsProcessingContext(),
        )
    return res, out


def test_docx_chapters_figures_tables(document, report_demo):
    res, out = document
    doc = docx.Document(str(out))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == SOZIALBERICHT_CHAPTERS
    assert res["CHAPTERS"] == 11
    # 4 indicator maps + index map + 2 cluster maps (child poverty, SGB II rate), at print resolution
    assert len(doc.inline_shapes) == res["FIGURES"] == 7
    from docx.shared import Mm

    for shape in doc.inline_shapes:
        assert abs(shape.width - Mm(166)) < Mm(1)
    images = [r for r in doc.part.rels.values() if "image" in r.reltype]
    for rel in images:
        blob = rel.target_part.blob
        w = int.from_bytes(blob[16:20], "big")  # PNG IHDR width
        assert w >= 166 / 25.4 * 200 * 0.98  # 166 mm at 200 dpi
    # the municipality table of child poverty holds the municipality layer's numbers
    muns = {f["name"]: f for f in QgsVectorLayer(report_demo["municipalities_ind"], "m", "ogr").getFeatures()}
    county = next(QgsVectorLayer(report_demo["county"], "c", "ogr").getFeatures())
    tab = next(t for t in doc.tables if t.rows[0].cells[1].text.startswith("Kinderarmut"))
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in tab.rows[1:]}
    assert len(rows) == 9  # 8 municipalities and the county
    for name, f in muns.items():
        row = rows[name]
        assert row[1] == fmt(f["kinderarmut_sgb2_u15_2025"])
        assert row[2] == fmt(f["kinderarmut_sgb2_u15_num_2025"], 0)
        assert row[4] == ("+" if f["kinderarmut_sgb2_u15_2025"] - f["kinderarmut_sgb2_u15_2009"] > 0 else "") + fmt(
            f["kinderarmut_sgb2_u15_2025"] - f["kinderarmut_sgb2_u15_2009"]
        )
    assert rows[county["name"]][1] == fmt(county["kinderarmut_sgb2_u15_2025"])


def test_docx_never_prints_a_suppressed_value(document, report_demo):
    _res, out = document
    from sozialplanung_plugin.core.report_docx import document_text

    text = document_text(out)
    doc = docx.Document(str(out))
    spaces = list(QgsVectorLayer(report_demo["spaces"], "s", "ogr").getFeatures())
    supp = [f for f in spaces if f["jugendarbeitslosigkeit_flag_2025"] == "suppressed"]
    assert supp
    tab = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Sozialraum" and "Jugendarbeitslosigkeit" in _caption(doc, t)
    )
    cells = {r.cells[0].text: [c.text for c in r.cells] for r in tab.rows[1:]}
    for f in supp:
        row = cells[f["name"]]
        assert row[1] == "•" and row[2] == "•" and row[3] == "•", row
        # whatever number the layer holds in the suppressed cells, it is not printed next to the space
        for field in ("jugendarbeitslosigkeit_2025", "jugendarbeitslosigkeit_num_2025"):
            v = f[field]
            if v is not None and v == v and not hasattr(v, "isNull"):
                assert fmt(v) not in row and fmt(v, 0) not in row[2]
    # no SW sentence about youth unemployment for the suppressed spaces
    for f in supp:
        m = re.search(re.escape(f"{f['name']} ({f['key']})") + r"(.*?)\[Empfehlungen", text, re.S)
        assert m and "Jugendarbeitslosigkeit " not in m.group(1)


def _caption(doc, table):
    """The caption paragraph just before a table."""
    body = list(doc.element.body)
    i = body.index(table._tbl)
    prev = body[i - 1]
    return "".join(t.text or "" for t in prev.iter() if t.tag.endswith("}t"))


def test_pdf_by_libreoffice_rendered(document, tmp_path):
    from sozialplanung_plugin.core.report_docx import convert_to_pdf

    _res, out = document
    with _report_data.system_temp(tmp_path / "systemtemp") as temp:
        pdf = convert_to_pdf(out, tmp_path / "sozialbericht.pdf")
    assert temp.left() == []  # LibreOffice's profile and its own files too
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 25 <= pages <= 80
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "Sozialbericht Rheinisch-Bergischer Kreis 2025" in text and f"Seite {pages} von {pages}" in text
    assert "Stärken und Schwächen der Sozialräume" in text and "Abbildung 7:" in text
    # pages rendered: not blank, the map pages have colour
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "12", pdf, str(tmp_path / "pg")], check=True)
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    coloured = 0
    for png in sorted(tmp_path.glob("pg*.png")):
        img = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
        arr = (
            np.frombuffer(img.constBits().asstring(img.sizeInBytes()), np.uint8)
            .reshape(img.height(), -1)[:, : img.width() * 3]
            .reshape(img.height(), img.width(), 3)
            .astype(int)
        )
        assert arr.std() > 5, png
        coloured += (np.abs(arr[..., 0] - arr[..., 2]) > 60).mean() > 0.01
    assert coloured >= 3


# ---------------------------------------------------------------------- nothing left in the system's temporary folder
def test_nothing_left_in_the_system_temporary_folder(document):
    _res, out = document
    assert sorted(p.name for p in out.parent.with_name(out.parent.name + "_systemtemp").iterdir()) == []


@pytest.mark.parametrize("how", ["refused", "cancel"])
def test_a_refused_or_cancelled_run_leaves_nothing_in_the_system_temporary_folder(report_demo, tmp_path, how):
    """The run stops after the first map figures were written into its temporary folder: an index layer without a
    class field (the spaces themselves), or a cancel during the second map. The folder was removed only by the
    garbage collector (by chance) on a failed run."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def setProgressText(self, text):
            super().setProgressText(text)
            if how == "cancel" and text.startswith("Map 2 of"):
                self.cancel()

    match = "no class field" if how == "refused" else "Canceled"
    with _report_data.system_temp(tmp_path / "systemtemp") as temp, pytest.raises(QgsProcessingException, match=match):
        processing.run(
            "sozialplanung:reportdocument",
            {
                "INPUT": report_demo["spaces"],
                "FIELDS": ["kinderarmut_sgb2_u15_2025", "sgb2_quote_2025", "anteil_65plus_2025"],
                "INDEX": report_demo["spaces"] if how == "refused" else None,
                "DPI": 96,
                "OUTPUT": str(tmp_path / "sozialbericht.docx"),
            },
            feedback=Feedback(),
            context=QgsProcessingContext(),
        )
    assert temp.left() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["systemtemp"]
