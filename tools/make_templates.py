"""Write the shipped layout templates (resources/templates/*.qpt) from code: the overview sheets, the profile
sheet and the pages of the municipal report. A developer tool, not part of the plugin at run time: the
algorithms only load the .qpt files and find their items by id. Run it after changing a builder here, and commit
the templates it writes (on QGIS 3.22, the reference: tests/qgis/test_generated_files.py compares them):

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_templates.py
"""

import re
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))  # make_model's stable_xml, also when a test loads this file by path

from qgis.core import (  # noqa: E402
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsPrintLayout,
    QgsReadWriteContext,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

from sozialplanung_plugin.compat import LayoutUnit  # noqa: E402
from sozialplanung_plugin.processing import _layouts as L  # noqa: E402

W, H, M = 210.0, 297.0, 14.0  # the municipal report's A4 portrait page and margin (mm)


# --------------------------------------------------------------------------------------------- map sheets
def build_overview_template(project, size="A4", orientation="landscape"):
    """The overview sheet: title, subtitle, map, legend, scale bar, north arrow, note, source."""
    W, H = L.PAGE_SIZES[size]
    if orientation == "portrait":
        W, H = H, W
    k = 1.0 if size == "A4" else 1.25  # text a little larger on A3
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(W, H, LayoutUnit.Millimeters))
    layout.setName(f"overview_{size.lower()}_{orientation}")
    m = 10.0
    L.add_label(layout, "title", m, 8, W - 2 * m, 10 * k, "Titel", 17 * k, True)
    L.add_label(layout, "subtitle", m, 8 + 10.5 * k, W - 2 * m, 7 * k, "Untertitel", 10.5 * k, color="#444444")
    top = 8 + 19 * k
    source_h = 9 * k
    bottom = H - m - source_h - 2
    if orientation == "landscape":
        col = 68 * k
        map_w, map_h = W - 2 * m - col - 4, bottom - top
        mp = L.add_map(layout, "map", m, top, map_w, map_h)
        L.add_legend(layout, m + map_w + 4, top, col, map_h * 0.62, mp, 10 * k, 9 * k)
        L.add_label(
            layout,
            "note",
            m + map_w + 4,
            top + map_h * 0.64,
            col,
            map_h * 0.36,
            "Hinweis",
            7.5 * k,
            valign=Qt.AlignmentFlag.AlignBottom,
            color="#333333",
        )
    else:
        band = 62 * k
        map_w, map_h = W - 2 * m, bottom - top - band - 3
        mp = L.add_map(layout, "map", m, top, map_w, map_h)
        L.add_legend(layout, m, top + map_h + 3, map_w * 0.5, band, mp, 10 * k, 9 * k)
        L.add_label(
            layout,
            "note",
            m + map_w * 0.52,
            top + map_h + 3,
            map_w * 0.48,
            band,
            "Hinweis",
            7.5 * k,
            valign=Qt.AlignmentFlag.AlignBottom,
            color="#333333",
        )
    L.add_north_arrow(layout, m + map_w - 14 * k, top + 3, 10 * k, 14 * k, mp)
    L.add_scalebar(layout, m + 3, top + map_h - 12 * k, mp, 8 * k)
    L.add_label(
        layout,
        "source",
        m,
        H - m - source_h,
        W - 2 * m,
        source_h,
        "Quelle",
        7 * k,
        valign=Qt.AlignmentFlag.AlignBottom,
        color="#555555",
    )
    return layout


def build_profile_template(project):
    """The profile sheet (A4 portrait): header, context map, locator, badge, indicator table, chart, text."""
    from qgis.core import QgsLayoutFrame, QgsLayoutItemAttributeTable

    W, H, m = 210.0, 297.0, 12.0
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(W, H, LayoutUnit.Millimeters))
    layout.setName("profile_a4_portrait")
    L.add_label(layout, "title", m, 10, W - 2 * m - 50, 11, "Sozialraum", 17, True)
    L.add_label(layout, "subtitle", m, 21.5, W - 2 * m - 50, 7, "Gemeinde · Stand", 9.5, color="#444444")
    badge = L.add_label(
        layout,
        "badge",
        W - m - 47,
        9,
        47,
        19,
        "Index",
        9,
        True,
        Qt.AlignmentFlag.AlignHCenter,
        Qt.AlignmentFlag.AlignVCenter,
    )
    badge.setBackgroundEnabled(True)
    badge.setBackgroundColor(QColor("#fecab8"))  # data-defined: a tint of the class colour
    badge.setFrameEnabled(True)
    badge.setFrameStrokeColor(QColor("#fc4e2a"))  # data-defined: the class colour
    badge.setFrameStrokeWidth(QgsLayoutMeasurement(1.6, LayoutUnit.Millimeters))
    top = 31.0
    map_w, map_h = 122.0, 92.0
    mp = L.add_map(layout, "map", m, top, map_w, map_h)
    mp.setAtlasDriven(True)
    mp.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    mp.setAtlasMargin(0.25)
    loc = L.add_map(layout, "locator", m + map_w + 4, top, W - 2 * m - map_w - 4, 62)
    L.add_label(
        layout,
        "locator_caption",
        m + map_w + 4,
        top + 63,
        W - 2 * m - map_w - 4,
        8,
        "Lage im Kreis",
        7.5,
        color="#555555",
    )
    L.add_north_arrow(layout, m + map_w - 9, top + map_h - 12, 6, 9, mp)  # bottom right: labels sit higher up
    L.add_scalebar(layout, m + 2, top + map_h - 9, mp, 7)
    L.add_label(
        layout,
        "note",
        m + map_w + 4,
        top + 72,
        W - 2 * m - map_w - 4,
        map_h - 72,
        "",
        7,
        color="#333333",
        valign=Qt.AlignmentFlag.AlignBottom,
    )
    del loc
    ttop = top + map_h + 5
    L.add_label(layout, "table_title", m, ttop, W - 2 * m, 6, "Kennzahlen", 11, True)
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("table")
    table.addFrame(frame)
    L.place(frame, m, ttop + 7, W - 2 * m, 70)  # after addFrame: a lone frame is sized by its table
    style_table(table, cell_margin=1.1)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("keine Kennzahlen")
    ctop = ttop + 80
    L.add_label(layout, "chart_title", m, ctop, 110, 6, "Entwicklung", 11, True)
    pic = QgsLayoutItemPicture(layout)
    pic.setId("chart")
    layout.addLayoutItem(pic)
    L.place(pic, m, ctop + 7, 110, 56)
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    L.add_label(layout, "free_text_title", m + 116, ctop, W - 2 * m - 116, 6, "Anmerkungen", 11, True)
    ft = L.add_label(layout, "free_text", m + 116, ctop + 7, W - 2 * m - 116, 56, "", 8.5)
    ft.setFrameEnabled(True)
    ft.setFrameStrokeColor(QColor("#bbbbbb"))
    ft.setMarginX(2)
    ft.setMarginY(2)
    L.add_label(
        layout,
        "source",
        m,
        H - m - 10,
        W - 2 * m - 24,
        10,
        "Quelle",
        7,
        valign=Qt.AlignmentFlag.AlignBottom,
        color="#555555",
    )
    L.add_label(
        layout,
        "page_number",
        W - m - 22,
        H - m - 4,
        22,
        4,
        "[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]",
        7,
        halign=Qt.AlignmentFlag.AlignRight,
        color="#555555",
    )
    return layout


# --------------------------------------------------------------------------------------------- municipal report
def _municipal_page(project, name):
    lay = QgsPrintLayout(project)
    lay.initializeDefaults()
    lay.pageCollection().page(0).setPageSize(QgsLayoutSize(W, H, LayoutUnit.Millimeters))
    lay.setName(name)
    return lay


def _footer(lay):
    """Source and page number at the foot of every municipal page."""
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


def _frame_items(lay, title="Titel"):
    L.add_label(lay, "title", M, 12, W - 2 * M, 10, title, 16, True)
    L.add_label(lay, "subtitle", M, 23, W - 2 * M, 6, "Untertitel", 9.5, color="#444444")
    _footer(lay)


def build_municipal_cover(project):
    lay = _municipal_page(project, "municipal_a4_cover")
    L.add_label(lay, "title", M, 22, W - 2 * M, 14, "Sozialraumbericht", 24, True)
    L.add_label(lay, "subtitle", M, 38, W - 2 * M, 12, "Gemeinde · Kreis · Stand", 11, color="#444444")
    mp = L.add_map(lay, "map", M, 56, 90, 100)
    mp.setFrameEnabled(False)
    L.add_label(lay, "toc_title", M + 98, 56, W - 2 * M - 98, 8, "Inhalt", 13, True)
    L.add_label(lay, "toc", M + 98, 66, W - 2 * M - 98, 150, "Inhalt", 9, color="#222222")
    L.add_label(lay, "note", M, 170, 90, 70, "Hinweis", 7.5, color="#333333")
    _footer(lay)
    return lay


def build_municipal_map(project):
    lay = _municipal_page(project, "municipal_a4_map")
    _frame_items(lay, "Karte")
    mp = L.add_map(lay, "map", M, 32, W - 2 * M, 160)
    L.add_legend(lay, M, 197, 88, 62, mp, 9.0, 8.0)
    L.add_label(lay, "note", M + 92, 197, W - 2 * M - 92, 62, "Hinweis", 8, color="#333333")
    L.add_scalebar(lay, M + 3, 32 + 160 - 11, mp, 7.0)
    return lay


def build_municipal_table(project):
    lay = _municipal_page(project, "municipal_a4_table")
    _frame_items(lay, "Tabelle")
    table = QgsLayoutItemManualTable.create(lay)
    lay.addMultiFrame(table)
    frame = QgsLayoutFrame(lay, table)
    frame.setId("table")
    table.addFrame(frame)
    frame.attemptMove(QgsLayoutPoint(M, 32, LayoutUnit.Millimeters))
    frame.attemptResize(QgsLayoutSize(W - 2 * M, 215, LayoutUnit.Millimeters))
    style_table(table, cell_margin=1.2)
    L.add_label(lay, "note", M, 250, W - 2 * M, 18, "", 7, color="#333333", valign=Qt.AlignmentFlag.AlignBottom)
    return lay


def style_table(table, cell_margin):
    """The tables' look: 8 pt text, bold header on grey, banded rows, a light grid."""
    from qgis.core import QgsLayoutTableStyle

    L.set_text_format(table, 8, True, setter="setHeaderTextFormat")
    L.set_text_format(table, 8, setter="setContentTextFormat")
    table.setCellMargin(cell_margin)
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


def builders():
    """Template name -> function(project) building that layout."""
    out = {}
    for size in ("A4", "A3"):
        for orient in ("landscape", "portrait"):
            out[f"overview_{size.lower()}_{orient}"] = lambda project, size=size, orient=orient: (
                build_overview_template(project, size, orient)
            )
    out["profile_a4_portrait"] = build_profile_template
    out["municipal_a4_cover"] = build_municipal_cover
    out["municipal_a4_map"] = build_municipal_map
    out["municipal_a4_table"] = build_municipal_table
    return out


_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")


def stable_uuids(text, name):
    """The uuids QGIS draws at random for each item, replaced by ones derived from the template's name and the
    order of first appearance: the same file on every run, and every reference to an item (a legend's or scale
    bar's map, a multi-frame's frames) still points to the same item."""
    seen = {}

    def fixed(m):
        if m.group(0) not in seen:
            seen[m.group(0)] = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"sozialplanung:{name}:{len(seen)}")) + "}"
        return seen[m.group(0)]

    return _UUID.sub(fixed, text)


def write_templates(folder=None):
    """Write every template into ``folder`` (default: the plugin's resources/templates); returns the paths.
    The same bytes on every run: attributes sorted (make_model.stable_xml), uuids derived (stable_uuids)."""
    from make_model import stable_xml
    from qgis.core import QgsProject

    project = QgsProject()
    out = []
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
    for name, build in builders().items():
        path = Path(folder) / f"{name}.qpt" if folder else L.template_path(name)
        with tempfile.TemporaryDirectory(prefix="make-templates-") as work:
            raw = Path(work) / path.name
            if not build(project).saveAsTemplate(str(raw), QgsReadWriteContext()):
                sys.exit(f"could not write {path}")
            text = raw.read_text(encoding="utf-8")
        path.write_bytes(stable_uuids(stable_xml(text), name).encode("utf-8"))
        out.append(path)
    return out


def main():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for p in write_templates(sys.argv[1] if len(sys.argv) > 1 else None):
        print("wrote", p)
    app.exitQgis()


if __name__ == "__main__":
    main()
