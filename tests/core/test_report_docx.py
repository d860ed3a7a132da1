"""core.report_content + core.report_docx: the Sozialbericht of a small hand-made county, read back with python-docx
(chapters, figures, tables with the right numbers, no suppressed value), and converted to PDF by LibreOffice."""

import subprocess

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import report_content as rc
from sozialplanung_plugin.core import report_docx as rd
from sozialplanung_plugin.core import strengths as sw
from sozialplanung_plugin.core.catalogue import default_catalogue

CAT = default_catalogue()
KIND = CAT.indicators["kinderarmut_sgb2_u15"]
ALO = CAT.indicators["arbeitslose_anteil"]
U18 = CAT.indicators["anteil_u18"]
SECRET = 77.7  # the layer holds this number in a suppressed cell: it must never be printed


def png(path):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 1.5), dpi=50)
    fig.add_subplot(111).plot([0, 1], [0, 1])
    fig.savefig(str(path))
    return str(path)


def levels():
    """Two municipalities (A: 3 spaces, B: 2 spaces); space A-3 has its child poverty suppressed."""
    keys = ["A-1", "A-2", "A-3", "B-1", "B-2"]
    sp = pd.DataFrame(index=pd.Index(keys, name="key"))
    sp["name"] = ["Altstadt", "Nordviertel", "Hang", "Dorf", "Heide"]
    for ind, v25, v14, num, den in (
        (
            KIND,
            [21.3, 12.0, SECRET, 8.0, 4.0],
            [19.2, 11.0, 9.0, 8.0, 5.0],
            [212, 60, 2, 40, 20],
            [995, 500, 30, 500, 500],
        ),
        (
            ALO,
            [6.4, 5.0, 4.0, 3.0, 2.5],
            [6.0, 5.0, 4.5, 3.0, 3.0],
            [130, 100, 80, 60, 50],
            [2031, 2000, 2000, 2000, 2000],
        ),
        (
            U18,
            [13.6, 16.0, 18.0, 20.0, 19.0],
            [14.0, 16.0, 18.0, 20.0, 19.0],
            [412, 500, 500, 600, 500],
            [3029, 3125, 2778, 3000, 2632],
        ),
    ):
        sp[f"{ind.id}_2025"] = v25
        sp[f"{ind.id}_2014"] = v14
        sp[f"{ind.id}_num_2025"] = num
        sp[f"{ind.id}_den_2025"] = den
        sp[f"{ind.id}_flag_2025"] = ""
        sp[f"{ind.id}_flag_2014"] = ""
        sp[f"{ind.id}_ref_county_2025"] = {KIND.id: 12.0, ALO.id: 4.2, U18.id: 17.3}[ind.id]
    sp.loc["A-3", f"{KIND.id}_flag_2025"] = "suppressed"
    mun = pd.DataFrame(index=pd.Index(["A", "B"], name="key"))
    mun["name"] = ["Astadt", "Bdorf"]
    mun[f"{KIND.id}_2025"] = [15.7, 6.0]
    mun[f"{KIND.id}_2014"] = [14.1, 6.5]
    mun[f"{KIND.id}_num_2025"] = [274, 60]
    mun[f"{ALO.id}_2025"] = [5.1, 2.8]
    mun[f"{ALO.id}_num_2025"] = [310, 110]
    mun[f"{U18.id}_2025"] = [15.8, 19.5]
    cty = pd.DataFrame(index=pd.Index(["K"], name="key"))
    cty["name"] = ["Musterkreis"]
    cty[f"{KIND.id}_2025"] = [12.0]
    cty[f"{KIND.id}_2014"] = [11.5]
    cty[f"{KIND.id}_num_2025"] = [334]
    cty[f"{ALO.id}_2025"] = [4.2]
    cty[f"{U18.id}_2025"] = [17.3]
    parent = pd.Series([k.split("-")[0] for k in keys], index=keys)
    return rc.Level(sp, parent), rc.Level(mun), rc.Level(cty)


def build(tmp_path, **kw):
    spaces, muns, county = levels()
    inds = [KIND, ALO, U18]
    long = pd.concat([sw.assess(spaces.frame, [i], 2025, catalogue=CAT, rule=sw.Rule(alpha=None)) for i in inds])
    long.insert(1, "name", long["key"].map(spaces.frame["name"]))
    maps = {i.id: png(tmp_path / f"{i.id}.png") for i in inds}
    inp = rc.ReportInput(
        county_name="Musterkreis",
        year=2025,
        first_year=2014,
        catalogue=CAT,
        indicators=inds,
        spaces=spaces,
        municipalities=muns,
        county=county,
        maps=maps,
        sw=long,
        rule_text=sw.Rule().describe_de(),
        index={
            "name": "Statusindex",
            "classes": pd.Series([4, 2, np.nan, 1, 1], index=spaces.frame.index),
            "labels": pd.Series(["4 sehr niedrig", "2 mittel", None, "1 hoch", "1 hoch"], index=spaces.frame.index),
            "record": {
                "function": "berlin_mss",
                "params": {"status_fields": [KIND.id + "_2025"], "min_residents": 300},
            },
            "figure": png(tmp_path / "index.png"),
        },
        typology={
            "frame": pd.DataFrame({"hf_armut": [1, 0, 0, 0, 0]}, index=spaces.frame.index),
            "fields": {"armut": "Armut und soziale Lage"},
        },
        targets=pd.DataFrame(
            [
                {
                    "indicator_name": "Kinderarmut",
                    "unit_name": "Musterkreis",
                    "target_value": 10,  # the columns of evaluatetargets
                    "direction": "at_most",
                    "deadline": "2030-12-31",
                    "baseline": 11.5,
                    "current": 12.0,
                    "attainment_pct": -33.3,
                    "status": "off_track",
                }
            ]
        ),
        **kw,
    )
    return rc.build_sozialbericht(inp)


def test_docx_structure_numbers_and_no_suppressed_value(tmp_path):
    from docx import Document

    report = build(tmp_path)
    out = tmp_path / "bericht.docx"
    n = rd.write_docx(report, out)
    doc = Document(str(out))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heads == [
        "Einleitung",
        "Datengrundlage und Methode",
        "Demografie",
        "Einkommen und Transferleistungen",
        "Arbeit",
        "Sozialindex und Handlungsfelder",
        "Stärken und Schwächen der Sozialräume",
        "Zielerreichung",
        "Tabellenanhang",
        "Quellen und Hinweise",
    ]
    assert n["chapters"] == 10
    # figures: 3 indicator maps + the index map, each with a numbered caption
    assert len(doc.inline_shapes) == n["figures"] == 4
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert sum(c.startswith("Abbildung ") for c in captions) == 4
    assert "Abbildung 1: Anteil unter 18-Jährige in den Sozialräumen, 2025" in captions
    assert len(doc.tables) == n["tables"]
    # the municipality table of child poverty: values, cases, deviation, change, the county row
    tab = next(t for t in doc.tables if t.rows[0].cells[1].text.startswith("Kinderarmut"))
    rows = [[c.text for c in r.cells] for r in tab.rows]
    assert rows[0] == ["Gemeinde", "Kinderarmut (%) 2025", "Fälle", "Abw. vom Kreis", "± seit 2014"]
    assert rows[1] == ["Astadt", "15,7", "274", "+3,7", "+1,6"]
    assert rows[2] == ["Bdorf", "6,0", "60", "-6,0", "-0,5"]
    assert rows[3] == ["Musterkreis", "12,0", "334", "", "+0,5"]
    # the annex table of the spaces: the suppressed cell is '•', its count and change too
    annex = [t for t in doc.tables if t.rows[0].cells[0].text == "Sozialraum"]
    kind = next(t for t in annex if any(c.text == "Altstadt" for c in t.columns[0].cells))
    hang = next([c.text for c in r.cells] for r in kind.rows if r.cells[0].text == "Hang")
    assert hang[1:4] == ["•", "•", "•"] and hang[4] == "" and hang[5] == ""
    alt = next([c.text for c in r.cells] for r in kind.rows if r.cells[0].text == "Altstadt")
    assert alt[1:4] == ["21,3", "212", "+2,1"] and alt[5] == "Schwäche"
    # no suppressed value anywhere in the document
    text = rd.document_text(out)
    assert "77,7" not in text and "77.7" not in text
    # the strengths-weaknesses text of the issue, and placeholders in the planner's style
    assert "Kinderarmut 21,3 % — deutlich über dem Kreis (12,0 %)" in text
    assert "212 Kinder" in text
    ph = [p for p in doc.paragraphs if p.style.name == rd.PLACEHOLDER_STYLE]
    assert len(ph) == n["placeholders"] and ph[0].text.startswith("[Einleitung")
    # styles a template can redefine; the TOC and page fields are there
    names = {s.name for s in doc.styles}
    assert {rd.TABLE_STYLE, rd.NUMBER_STYLE, rd.PLACEHOLDER_STYLE, "Caption"} <= names
    assert all(t.style.name == rd.TABLE_STYLE for t in doc.tables)
    xml = doc.element.xml
    assert "TOC \\o" in xml and "SEQ Abbildung" in xml
    assert "NUMPAGES" in doc.sections[0].footer._element.xml
    # index method in words and the target table
    assert "Monitorings Soziale Stadtentwicklung" in text and "weniger als 300 Einwohnerinnen" in text
    tgt = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kennzahl" and len(t.columns) == 7)
    assert [c.text for c in tgt.rows[1].cells] == [
        "Kinderarmut",
        "Musterkreis",
        "≤ 10,0 bis 2030",
        "11,5",
        "12,0",
        "-33 %",
        "nicht auf Kurs",
    ]


def test_template_restyles(tmp_path):
    """A planner's template: its own table style colour and heading font are used, its sample text dropped."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    tpl = Document()
    tpl.add_paragraph("Muster: bitte löschen")
    st = tpl.styles.add_style(rd.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    st.base_style = tpl.styles["Light Grid Accent 1"]
    tpl.styles["Heading 1"].font.size = Pt(20)
    tpl.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0, 0)
    tpl.save(str(tmp_path / "vorlage.docx"))
    out = tmp_path / "b.docx"
    rd.write_docx(build(tmp_path), out, template=str(tmp_path / "vorlage.docx"))
    doc = Document(str(out))
    assert "Muster: bitte löschen" not in rd.document_text(out)
    assert doc.styles[rd.TABLE_STYLE].base_style.name == "Light Grid Accent 1"
    assert doc.styles["Heading 1"].font.size == Pt(20)


def test_bad_table_and_missing_figure(tmp_path):
    with pytest.raises(rd.InputError, match="a row has 1 cells, the header 2"):
        rd.write_docx(
            rd.Report("x", sections=[rd.Section("a", [rd.Table("t", ["a", "b"], [["1"]])])]), tmp_path / "a.docx"
        )
    with pytest.raises(rd.InputError, match="missing"):
        rd.write_docx(
            rd.Report("x", sections=[rd.Section("a", [rd.Figure(str(tmp_path / "no.png"), "c")])]), tmp_path / "b.docx"
        )
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


@pytest.mark.slow
def test_pdf_by_libreoffice(tmp_path):
    out = tmp_path / "bericht.docx"
    rd.write_docx(build(tmp_path), out)
    pdf = rd.convert_to_pdf(out, tmp_path / "bericht.pdf")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert "Sozialbericht Musterkreis 2025" in text and "Tabellenanhang" in text
    assert "Seite 1 von" in text or "Seite 2 von" in text
    assert "77,7" not in text
