"""The Sozialbericht as an editable Word document: a small content model and its writer (python-docx).

Why Word: planners write the Sozialbericht in Word and revise it with the planning conference. The document
uses named styles only, so a county's own template (a .docx or .dotx saved as .docx with these style names)
restyles everything: 'Title', 'Subtitle', 'Heading 1'-'Heading 3', 'Caption', 'List Bullet', and the styles
this module adds when the template lacks them: 'Sozialbericht Tabelle' (table), 'Tabellentext',
'Tabellenzahl' (right-aligned numbers), 'Tabellenkopf', 'Quellenangabe', 'Interpretation' (the places where the
planner writes), 'Inhaltsverzeichnis'. Captions carry Word SEQ fields (Abbildung/Tabelle numbering), the
contents are a Word TOC field (Word fills in page numbers when the document is opened and the fields updated;
its cached text lists the headings), page numbers are PAGE/NUMPAGES fields.

Texts arrive formatted (German numbers, '•' for suppressed cells): this module prints, it never formats values.
``convert_to_pdf`` turns the DOCX into PDF with LibreOffice (``libreoffice --headless``) when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess  # nosec B404 - LibreOffice conversion, fixed argument list, no shell
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from .errors import InputError
from .i18n import tr

TABLE_STYLE = "Sozialbericht Tabelle"
PLACEHOLDER_STYLE = "Interpretation"
CELL_STYLE = "Tabellentext"
NUMBER_STYLE = "Tabellenzahl"
HEAD_STYLE = "Tabellenkopf"
SOURCE_STYLE = "Quellenangabe"
TOC_STYLE = "Inhaltsverzeichnis"


# --------------------------------------------------------------------------------------------------------
# content model
# --------------------------------------------------------------------------------------------------------
@dataclass
class Paragraph:
    text: str
    style: str | None = None


@dataclass
class Bullets:
    items: list
    style: str = "List Bullet"


@dataclass
class Placeholder:
    """A place where the planner writes (interpretation, recommendations): shaded, in brackets."""

    text: str


@dataclass
class Figure:
    path: str
    caption: str
    width_mm: float = 166.0


@dataclass
class Table:
    caption: str
    header: list
    rows: list  # list of rows of str
    align: list | None = None  # 'l' | 'r' per column (default: first column left, the others right)
    note: str = ""
    widths_mm: list | None = None
    bold_rows: tuple = ()  # row indices printed bold (e.g. the county row)


@dataclass
class PageBreak:
    pass


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)

    def add(self, *blocks: Paragraph | Bullets | Placeholder | Figure | Table | PageBreak | Section) -> Section:
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    title: str
    subtitle: str = ""
    meta: list = field(default_factory=list)  # lines under the subtitle on the title page
    sections: list = field(default_factory=list)
    footer: str = ""


def walk(
    report: Report,
) -> Iterator[tuple[int, Paragraph | Bullets | Placeholder | Figure | Table | PageBreak | Section]]:
    """(level, block) of every block in document order; sections yield themselves with their level."""

    def rec(sections, level):
        for s in sections:
            yield level, s
            for b in s.blocks:
                if isinstance(b, Section):
                    yield from rec([b], level + 1)
                else:
                    yield level, b

    yield from rec(report.sections, 1)


def counts(report: Report) -> dict:
    """How many chapters, sections, figures, tables and placeholders the report holds."""
    out = {"chapters": len(report.sections), "sections": 0, "figures": 0, "tables": 0, "placeholders": 0}
    for _lvl, b in walk(report):
        if isinstance(b, Section):
            out["sections"] += 1
        elif isinstance(b, Figure):
            out["figures"] += 1
        elif isinstance(b, Table):
            out["tables"] += 1
        elif isinstance(b, Placeholder):
            out["placeholders"] += 1
    return out


# --------------------------------------------------------------------------------------------------------
# writer
# --------------------------------------------------------------------------------------------------------
def _ensure_styles(doc):
    """Add the styles this module uses when the document (template) lacks them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    names = {s.name for s in styles}

    def para(name, base="Normal", size=None, bold=None, italic=None, colour=None, align=None, space_after=None):
        if name in names:
            return styles[name]
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles[base]
        st.quick_style = True
        if size:
            st.font.size = Pt(size)
        if bold is not None:
            st.font.bold = bold
        if italic is not None:
            st.font.italic = italic
        if colour:
            st.font.color.rgb = RGBColor.from_string(colour)
        if align is not None:
            st.paragraph_format.alignment = align
        if space_after is not None:
            st.paragraph_format.space_after = Pt(space_after)
        return st

    para(CELL_STYLE, size=8.5, space_after=0)
    para(NUMBER_STYLE, base=CELL_STYLE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(HEAD_STYLE, base=CELL_STYLE, bold=True)
    para(SOURCE_STYLE, size=8, colour="555555", space_after=8)
    para(TOC_STYLE, size=16, bold=True, space_after=10)
    ph = para(PLACEHOLDER_STYLE, italic=True, colour="1F4E79")
    if PLACEHOLDER_STYLE not in names:
        _shade(ph.element, "DEEAF6")
    if TABLE_STYLE not in names:
        st = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        st.base_style = styles["Table Grid"] if "Table Grid" in names else None


def _shade(style_element, fill):
    """Background shading of a paragraph style (w:pPr/w:shd)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = style_element.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def _field(paragraph, instruction, cached=""):
    """A Word field (PAGE, NUMPAGES, SEQ, TOC) with its cached result text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind):
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            c.set(qn("w:dirty"), "true")  # Word recomputes it on opening
        r.append(c)
        return r

    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instruction} "
    r.append(t)
    p.append(r)
    p.append(fld("separate"))
    run = paragraph.add_run(cached)
    p.append(run._r)
    p.append(fld("end"))


def _update_fields_on_open(doc):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)


def write_docx(report: Report, path: str | os.PathLike[str], template: str | os.PathLike[str] | None = None) -> dict:
    """Write the report as DOCX (atomically: a temporary file renamed at the end); returns counts()."""
    try:
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
        from docx.shared import Mm
    except ImportError as err:  # pragma: no cover - make setup installs python3-docx
        raise InputError(
            tr("The Word report needs python-docx (Debian: apt install python3-docx; make setup installs it).")
        ) from err
    if template and not os.path.exists(template):
        raise InputError(
            tr(
                "The Word template {template} does not exist. Choose an existing .docx file or none.",
                template=template,
            )
        )
    try:
        doc = Document(template) if template else Document()
    except Exception:  # python-docx: PackageNotFoundError, KeyError, zipfile.BadZipFile, lxml errors (English)
        raise InputError(
            tr(
                "The Word template {template} cannot be read as a Word document (damaged, or another kind of file "
                "with the ending .docx). Choose a .docx file saved by Word or LibreOffice, or none.",
                template=template,
            ),
            source=str(template),
        ) from None
    if template:
        # a template may hold sample text: keep its styles, headers and page setup, drop its body
        body = doc.element.body
        for child in list(body):
            if not child.tag.endswith("sectPr"):
                body.remove(child)
    _ensure_styles(doc)
    sec = doc.sections[0]
    if not template:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.left_margin = sec.right_margin = Mm(22)
        sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
        doc.styles["Heading 1"].paragraph_format.page_break_before = True  # every chapter on a new page
    text_width_mm = (sec.page_width - sec.left_margin - sec.right_margin) / 36000.0
    # footer: text and page x of y
    fp = sec.footer.paragraphs[0] if sec.footer.paragraphs else sec.footer.add_paragraph()
    fp.style = doc.styles["Footer"]
    fp.text = ""
    fp.add_run((report.footer + " · ") if report.footer else "")
    fp.add_run("Seite ")
    _field(fp, "PAGE", "1")
    fp.add_run(" von ")
    _field(fp, "NUMPAGES", "1")
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    # title page
    doc.add_paragraph(report.title, style="Title")
    if report.subtitle:
        doc.add_paragraph(report.subtitle, style="Subtitle")
    for line in report.meta:
        doc.add_paragraph(line)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # contents: a TOC field whose cached text lists the headings (Word adds the page numbers on update)
    doc.add_paragraph("Inhalt", style=TOC_STYLE)
    toc = doc.add_paragraph()
    heads = [("    " * (lvl - 1)) + b.title for lvl, b in walk(report) if isinstance(b, Section) and lvl <= 2]
    _field(toc, 'TOC \\o "1-2" \\h \\z \\u', "\n".join(heads))
    if not doc.styles["Heading 1"].paragraph_format.page_break_before:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    n_fig = n_tab = 0
    for lvl, b in walk(report):
        if isinstance(b, Section):
            doc.add_heading(b.title, level=min(lvl, 3))
        elif isinstance(b, Paragraph):
            doc.add_paragraph(b.text, style=b.style) if b.style else doc.add_paragraph(b.text)
        elif isinstance(b, Bullets):
            for item in b.items:
                doc.add_paragraph(item, style=b.style)
        elif isinstance(b, Placeholder):
            doc.add_paragraph(f"[{b.text}]", style=PLACEHOLDER_STYLE)
        elif isinstance(b, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(b, Figure):
            if not os.path.exists(b.path):
                raise InputError(tr("The figure {path} of the report is missing.", path=b.path))
            n_fig += 1
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = True
            p.add_run().add_picture(b.path, width=Mm(min(b.width_mm, text_width_mm)))
            cap = doc.add_paragraph(style="Caption")
            cap.add_run("Abbildung ")
            _field(cap, "SEQ Abbildung \\* ARABIC", str(n_fig))
            cap.add_run(f": {b.caption}")
        elif isinstance(b, Table):
            n_tab += 1
            cap = doc.add_paragraph(style="Caption")
            cap.paragraph_format.keep_with_next = True
            cap.add_run("Tabelle ")
            _field(cap, "SEQ Tabelle \\* ARABIC", str(n_tab))
            cap.add_run(f": {b.caption}")
            _write_table(doc, b, text_width_mm)
            if b.note:
                doc.add_paragraph(b.note, style=SOURCE_STYLE)
    _update_fields_on_open(doc)
    path = str(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)) or ".", exist_ok=True)
    tmp = path + ".part"
    doc.save(tmp)
    os.replace(tmp, path)
    return counts(report)


def _write_table(doc, t: Table, text_width_mm):
    """The table's rows written as one piece of WordprocessingML (python-docx builds a cell in milliseconds, and its
    ``row.cells`` rescans the whole table on every call: a 70-row table took seconds)."""
    from xml.sax.saxutils import escape  # nosec B406 - escapes text we write; nothing is parsed

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    ncol = len(t.header)
    for r in t.rows:
        if len(r) != ncol:
            raise InputError(
                tr(
                    "Table '{caption}': a row has {n} cells, the header {header}.",
                    caption=t.caption,
                    n=len(r),
                    header=ncol,
                )
            )
    align = t.align or (["l"] + ["r"] * (ncol - 1))
    widths = t.widths_mm
    if widths is None:
        first = min(55.0, text_width_mm * 0.34) if ncol > 1 else text_width_mm
        rest = (text_width_mm - first) / max(ncol - 1, 1)
        widths = [first] + [rest] * (ncol - 1)
    twips = [int(round(w * 1440 / 25.4)) for w in widths]
    ids = {name: doc.styles[name].style_id for name in (HEAD_STYLE, NUMBER_STYLE, CELL_STYLE)}
    table = doc.add_table(rows=0, cols=ncol)
    table.style = doc.styles[TABLE_STYLE]
    table.autofit = False
    for j, col in enumerate(table.columns):
        col.width = Mm(widths[j])

    def row_xml(texts, head=False, bold=False):
        out = ["<w:tr>"]
        # a row is never split over two pages; the header row repeats on every page
        out.append(
            '<w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>' if head else "<w:trPr><w:cantSplit/></w:trPr>"
        )
        for j, text in enumerate(texts):
            style = ids[HEAD_STYLE if head else (NUMBER_STYLE if align[j] == "r" else CELL_STYLE)]
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' if head else ""
            jc = '<w:jc w:val="right"/>' if (head and align[j] == "r") else ""
            rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
            txt = escape("" if text is None else str(text))
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{twips[j]}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>'
                f'<w:r>{rpr}<w:t xml:space="preserve">{txt}</w:t></w:r></w:p></w:tc>'
            )
        out.append("</w:tr>")
        return "".join(out)

    rows = [row_xml(t.header, head=True)] + [row_xml(r, bold=i in t.bold_rows) for i, r in enumerate(t.rows)]
    holder = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for row in list(holder):
        table._tbl.append(row)
    return table


# --------------------------------------------------------------------------------------------------------
# reading back (tests, checks) and PDF
# --------------------------------------------------------------------------------------------------------
def document_text(path: str | os.PathLike[str]) -> str:
    """All text of a DOCX: paragraphs, tables, headers and footers (for checks such as 'no suppressed value')."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    for s in doc.sections:
        parts.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(parts)


def libreoffice() -> str | None:
    """The LibreOffice executable (libreoffice or soffice on PATH), or None."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def convert_to_pdf(docx_path: str | os.PathLike[str], pdf_path: str | os.PathLike[str], timeout: float = 600) -> str:
    """DOCX -> PDF with ``libreoffice --headless --convert-to pdf`` (own temporary profile: no lock conflicts)."""
    exe = libreoffice()
    if exe is None:
        raise InputError(
            tr(
                "The PDF of the report needs LibreOffice Writer (Debian: apt install libreoffice-writer-nogui; "
                "make setup installs it). The DOCX was written; convert it in Word or LibreOffice."
            )
        )
    # one temporary folder for the converted file, LibreOffice's profile and its own temporary files (TMPDIR),
    # removed however the conversion ends (success, failure, timeout): nothing left in the system's temporary folder
    with tempfile.TemporaryDirectory(prefix="soz-lo-", ignore_cleanup_errors=True) as work:
        out_dir, profile, lo_tmp = (os.path.join(work, n) for n in ("out", "profile", "tmp"))
        for folder in (out_dir, profile, lo_tmp):
            os.mkdir(folder)
        env = dict(os.environ, TMPDIR=lo_tmp, TMP=lo_tmp, TEMP=lo_tmp)
        proc = subprocess.run(  # nosec B603 - absolute path of LibreOffice (shutil.which), argument list, no shell
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                out_dir,
                str(docx_path),
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
        made = os.path.join(out_dir, os.path.splitext(os.path.basename(str(docx_path)))[0] + ".pdf")
        if proc.returncode != 0 or not os.path.exists(made):
            raise InputError(
                tr(
                    "LibreOffice could not convert {path} to PDF: {output}",
                    path=docx_path,
                    output=(proc.stderr or proc.stdout).strip()[-500:],
                )
            )
        os.makedirs(os.path.dirname(os.path.abspath(str(pdf_path))) or ".", exist_ok=True)
        shutil.move(made, str(pdf_path))
        return str(pdf_path)
