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

tools/make_templates.py writes the shipped templates (checked by tests/qgis/test_generated_files.py).
"""

import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QCoreApplication, QSizeF, Qt
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ..compat import LayoutRenderFlag, LayoutUnit
from . import _layouts as L


def template_file(name, folder=None):
    """The template ``name`` from ``folder`` when it has one, else the shipped one."""
    if folder:
        own = os.path.join(folder, f"{name}.qpt")
        if os.path.exists(own):
            return own
    return str(L.template_path(name))


# --------------------------------------------------------------------------------------------- filling
def fill_table(lay, header, rows, widths_mm=None, align=None, bold_rows=(), joints=None):
    """Fill the template's manual table ('table'): rows of text, wrapped; pages added until every row is placed.
    The headings are wrapped by QGIS to their column (fit_headings; ``joints`` gives where a word too wide for its
    column may be broken, e.g. a compound at its joints)."""
    frame = L.find_item(lay, "table")
    table = frame.multiFrame() if hasattr(frame, "multiFrame") else frame
    align = align or (["l"] + ["r"] * (len(header) - 1))
    if widths_mm:
        header = fit_headings(lay, table, header, [max(w - 2 * table.cellMargin(), 5.0) for w in widths_mm], joints)
    contents = []
    for i, row in enumerate(rows):
        cells = []
        for j, text in enumerate(row):
            c = QgsTableCell(str(text))
            if align[j] == "r":
                c.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
            if i in bold_rows:
                fmt = table.contentTextFormat()
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


def fit_headings(lay, table, header, inner_widths_mm, joints=None, min_size=6.0):
    """Headings the table sizes right: the words on one line, wrapped by QGIS to the column width. QGIS 3.22
    counts the lines of a heading with line breaks only when one of them is wider than the column, so the
    four-line 'Grund-/sicherung/Alter/(%)' got a three-line header row and overlapped the first row. A word
    wider than its column is broken with a hyphen at the last of its ``joints(word)`` (positions) that leaves
    a first part that fits, the rest again; if a part still does not fit, the header font is made smaller
    (down to ``min_size`` points). Returns the headings."""
    from qgis.core import QgsLayoutUtils, QgsTextFormat, QgsTextRenderer

    from ..compat import RenderUnit

    context = QgsLayoutUtils.createRenderContextForLayout(lay, None)
    per_mm = context.convertToPainterUnits(1, RenderUnit.Millimeters)
    fmt = QgsTextFormat(table.headerTextFormat())

    def too_wide(text, j):  # 4 % to spare: QGIS measures with its own rounding
        return QgsTextRenderer.textWidth(context, fmt, [text]) / per_mm > 0.96 * inner_widths_mm[j]

    def parts(word, j):
        cuts = [c for c in (joints(word) if joints else []) if 2 < c < len(word) - 2]
        if not cuts or not too_wide(word, j):
            return [word]
        fitting = [c for c in cuts if not too_wide(word[:c] + "-", j)]
        cut = max(fitting) if fitting else min(cuts)
        return [word[:cut] + "-", *parts(word[cut:], j)]

    words = [[q for w in str(h).split() for q in parts(w, j)] for j, h in enumerate(header)]
    while fmt.size() > min_size and any(too_wide(w, j) for j, ws in enumerate(words) for w in ws):
        fmt.setSize(max(fmt.size() - 0.5, min_size))
    if fmt.size() != table.headerTextFormat().size():
        table.setHeaderTextFormat(fmt)
    return [" ".join(ws) for ws in words]


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
            if hasattr(o, "textFormat"):  # 3.24+: font() and fontColor() are deprecated (gone in QGIS 4)
                c.setTextFormat(o.textFormat())
            else:
                c.setFont(o.font())
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
                raise QgsProcessingException(
                    QCoreApplication.translate("SozialplanungAlgorithm", "Canceled: the PDF was not written.")
                )
            ctx = lay.renderContext()
            ctx.setDpi(dpi)
            ctx.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
            ctx.setFlag(LayoutRenderFlag.Antialiasing, True)
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
                started = QPainter()
                if not started.begin(writer):  # the path is a folder, or the folder is read-only
                    raise QgsProcessingException(
                        QCoreApplication.translate("SozialplanungAlgorithm", "The PDF {} could not be written.").format(
                            path
                        )
                    )
                painter = started
            else:
                writer.newPage()
            QgsLayoutExporter(lay).renderPage(painter, page_no)
            if feedback is not None:
                feedback.setProgress(100.0 * (n + 1) / total)
    finally:
        if painter is not None:
            painter.end()
    return len(pages)
