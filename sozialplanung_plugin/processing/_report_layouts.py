"""The layout templates of the municipal sub-reports (resources/templates/municipal_a4_*.qpt) and the pieces that
fill them: manual tables that flow over as many pages as they need, page numbers, one PDF from several layouts
and atlas pages. Not an algorithm.

The templates are ordinary QGIS layout templates: open them in the layout designer, restyle, move or resize the
items and save them under the same name in a folder of your own (parameter TEMPLATE_FOLDER of municipalreport).
Items are found by their id:

- municipal_a4_cover: title, subtitle, map (the municipality in the county), toc (contents), note, source,
  page_number;
- municipal_a4_map: title, subtitle, map, legend, scalebar, note, source, page_number;
- municipal_a4_table: title, subtitle, table (a manual table; more pages are added while rows remain), note,
  source, page_number.

``python3 -m sozialplanung_plugin.processing._report_layouts`` (with QGIS) rewrites the shipped templates.
"""

import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from ..compat import LayoutUnit
from . import _layouts as L

W, H, M = 210.0, 297.0, 14.0
TEMPLATES = ("municipal_a4_cover", "municipal_a4_map", "municipal_a4_table")


def template_file(name, folder=None):
    """The template ``name`` from ``folder`` when it has one, else the shipped one."""
    if folder:
        own = os.path.join(folder, f"{name}.qpt")
        if os.path.exists(own):
            return own
    return str(L.template_path(name))


def _page(project, name):
    lay = QgsPrintLayout(project)
    lay.initializeDefaults()
    lay.pageCollection().page(0).setPageSize(QgsLayoutSize(W, H, LayoutUnit.Millimeters))
    lay.setName(name)
    return lay


def _frame_items(lay, title="Titel"):
    L.add_label(lay, "title", M, 12, W - 2 * M, 10, title, 16, True)
    L.add_label(lay, "subtitle", M, 23, W - 2 * M, 6, "Untertitel", 9.5, color="#444444")
    L.add_label(
        lay,
        "source",
        M,
        H - M - 9,
        W - 2 * M - 30,
        9,
        "Quelle",
        6.5,
        valign=Qt.AlignmentFlag.AlignBottom,
        color="#555555",
    )
    L.add_label(
        lay,
        "page_number",
        W - M - 28,
        H - M - 4,
        28,
        4,
        "Seite",
        7,
        halign=Qt.AlignmentFlag.AlignRight,
        color="#555555",
    )


def build_cover(project):
    lay = _page(project, "municipal_a4_cover")
    L.add_label(lay, "title", M, 22, W - 2 * M, 14, "Sozialraumbericht", 24, True)
    L.add_label(lay, "subtitle", M, 38, W - 2 * M, 12, "Gemeinde · Kreis · Stand", 11, color="#444444")
    mp = L.add_map(lay, "map", M, 56, 90, 100)
    mp.setFrameEnabled(False)
    L.add_label(lay, "toc_title", M + 98, 56, W - 2 * M - 98, 8, "Inhalt", 13, True)
    L.add_label(lay, "toc", M + 98, 66, W - 2 * M - 98, 150, "Inhalt", 9, color="#222222")
    L.add_label(lay, "note", M, 170, 90, 70, "Hinweis", 7.5, color="#333333")
    L.add_label(
        lay,
        "source",
        M,
        H - M - 9,
        W - 2 * M - 30,
        9,
        "Quelle",
        6.5,
        valign=Qt.AlignmentFlag.AlignBottom,
        color="#555555",
    )
    L.add_label(
        lay,
        "page_number",
        W - M - 28,
        H - M - 4,
        28,
        4,
        "Seite",
        7,
        halign=Qt.AlignmentFlag.AlignRight,
        color="#555555",
    )
    return lay


def build_map(project):
    lay = _page(project, "municipal_a4_map")
    _frame_items(lay, "Karte")
    mp = L.add_map(lay, "map", M, 32, W - 2 * M, 160)
    L.add_legend(lay, M, 197, 88, 62, mp, 9.0, 8.0)
    L.add_label(lay, "note", M + 92, 197, W - 2 * M - 92, 62, "Hinweis", 8, color="#333333")
    L.add_scalebar(lay, M + 3, 32 + 160 - 11, mp, 7.0)
    return lay


def build_table(project):
    lay = _page(project, "municipal_a4_table")
    _frame_items(lay, "Tabelle")
    table = QgsLayoutItemManualTable.create(lay)
    lay.addMultiFrame(table)
    frame = QgsLayoutFrame(lay, table)
    frame.setId("table")
    table.addFrame(frame)
    frame.attemptMove(QgsLayoutPoint(M, 32, LayoutUnit.Millimeters))
    frame.attemptResize(QgsLayoutSize(W - 2 * M, 215, LayoutUnit.Millimeters))
    _style_table(table)
    L.add_label(lay, "note", M, 250, W - 2 * M, 18, "", 7, color="#333333", valign=Qt.AlignmentFlag.AlignBottom)
    return lay


def _style_table(table):
    from qgis.core import QgsLayoutTableStyle

    if hasattr(table, "setHeaderTextFormat"):
        L.set_text_format(table, 8, True, setter="setHeaderTextFormat")
        L.set_text_format(table, 8, setter="setContentTextFormat")
    else:
        table.setHeaderFont(L.text_font(8, True))
        table.setContentFont(L.text_font(8))
    table.setCellMargin(1.2)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bbbbbb"))
    head = QgsLayoutTableStyle()
    head.enabled = True
    head.cellBackgroundColor = QColor("#e8e8e8")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, head)
    band = QgsLayoutTableStyle()
    band.enabled = True
    band.cellBackgroundColor = QColor("#f6f6f6")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, band)


def write_templates():
    from qgis.core import QgsProject

    project = QgsProject()
    out = []
    for name, build in zip(TEMPLATES, (build_cover, build_map, build_table)):
        lay = build(project)
        path = L.template_path(name)
        lay.saveAsTemplate(str(path), QgsReadWriteContext())
        out.append(path)
    return out


# --------------------------------------------------------------------------------------------- filling
def fill_table(lay, header, rows, widths_mm=None, align=None, bold_rows=()):
    """Fill the template's manual table ('table'): rows of text, wrapped; pages added until every row is placed."""
    frame = L.find_item(lay, "table")
    table = frame.multiFrame() if hasattr(frame, "multiFrame") else frame
    align = align or (["l"] + ["r"] * (len(header) - 1))
    contents = []
    for i, row in enumerate(rows):
        cells = []
        for j, text in enumerate(row):
            c = QgsTableCell(str(text))
            if align[j] == "r":
                c.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if i in bold_rows:
                fmt = table.contentTextFormat() if hasattr(table, "contentTextFormat") else None
                if fmt is not None:
                    font = fmt.font()
                    font.setBold(True)
                    fmt.setFont(font)
                    c.setTextFormat(fmt)
            cells.append(c)
        contents.append(cells)
    table.setTableContents(contents)
    cols = []
    for j, h in enumerate(header):
        col = QgsLayoutTableColumn(str(h))
        col.setHAlignment(Qt.AlignmentFlag.AlignRight if align[j] == "r" else Qt.AlignmentFlag.AlignLeft)
        cols.append(col)
    table.setIncludeTableHeader(True)
    table.setHeaders(cols)
    if widths_mm:
        inner = [max(w - 2 * table.cellMargin(), 5.0) for w in widths_mm]
        table.setColumnWidths(inner)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    table.recalculateFrameSizes()
    lay.refresh()
    return table


def repeat_on_pages(lay, item_ids):
    """Copies of the page's labels (title, page number, source, ...) on every page a flowing table added."""
    from qgis.core import QgsLayoutItemLabel

    pages = lay.pageCollection()
    originals = [L.find_item(lay, i, required=False) for i in item_ids]
    originals = [o for o in originals if isinstance(o, QgsLayoutItemLabel)]
    copies = {}
    for p in range(1, pages.pageCount()):
        y0 = pages.page(p).pos().y()
        for o in originals:
            c = QgsLayoutItemLabel(lay)
            c.setText(o.text())
            c.setFont(o.font()) if hasattr(o, "setFont") else None
            c.setFontColor(o.fontColor())
            c.setHAlign(o.hAlign())
            c.setVAlign(o.vAlign())
            c.setMarginX(o.marginX())
            c.setMarginY(o.marginY())
            lay.addLayoutItem(c)
            pos = o.positionWithUnits()
            c.attemptMove(QgsLayoutPoint(pos.x(), pos.y() + y0, LayoutUnit.Millimeters))
            c.attemptResize(o.sizeWithUnits())
            c.setId(f"{o.id()}_{p + 1}")
            copies.setdefault(o.id(), []).append(c)
    return copies


def set_page_numbers(lay, first_page, total, label_id="page_number"):
    """'Seite n von N' on every page of the layout (the label and its copies from repeat_on_pages)."""
    from qgis.core import QgsLayoutItemLabel

    for item in lay.items():
        if isinstance(item, QgsLayoutItemLabel) and (item.id() == label_id or item.id().startswith(label_id + "_")):
            page = item.page()
            item.setText(f"Seite {first_page + page} von {total}")


def export_pages(pages, path, dpi=150, feedback=None):
    """One PDF from a list of pages: (layout, page number) or (atlas layout, feature index). Text stays text."""
    from qgis.core import QgsProcessingException

    total = len(pages) or 1
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setCreator("Sozialplanung (QGIS)")
    painter = None
    atlas_open = set()
    try:
        for n, (lay, idx, is_atlas) in enumerate(pages):
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException("Canceled: the PDF was not written.")
            ctx = lay.renderContext()
            ctx.setDpi(dpi)
            ctx.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
            ctx.setFlag(Qgis.RenderContextFlag.Antialiasing, True)
            page_no = idx
            if is_atlas:
                atlas = lay.atlas()
                if id(lay) not in atlas_open:
                    atlas.beginRender()
                    atlas_open.add(id(lay))
                feat_idx, page_no = idx
                atlas.seekTo(feat_idx)
                lay.refresh()
            page = lay.pageCollection().page(page_no)
            size = lay.convertToLayoutUnits(page.pageSize())
            orient = (
                QPageLayout.Orientation.Landscape if size.width() > size.height() else QPageLayout.Orientation.Portrait
            )
            psize = QPageSize(
                QSizeF(min(size.width(), size.height()), max(size.width(), size.height())), QPageSize.Unit.Millimeter
            )
            writer.setPageLayout(QPageLayout(psize, orient, L.zero_margins(), QPageLayout.Unit.Millimeter))
            if painter is None:
                painter = QPainter(writer)
            else:
                writer.newPage()
            QgsLayoutExporter(lay).renderPage(painter, page_no)
            if feedback is not None:
                feedback.setProgress(100.0 * (n + 1) / total)
    finally:
        if painter is not None:
            painter.end()
    return len(pages)


def _main():  # pragma: no cover - developer tool
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for p in write_templates():
        print("wrote", p)
    app.exitQgis()


if __name__ == "__main__":  # pragma: no cover
    _main()
