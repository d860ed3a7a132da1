"""Shared helpers of the map-sheet algorithms: templates (.qpt), item lookup by id, choropleth renderers,
colour ramps, page export. Not an algorithm (the leading '_' keeps the provider from scanning it).

Templates live in resources/templates/ and are plain QGIS layout templates: a user can open them in the layout
designer, restyle them and save them under the same name (or point the algorithm to a copy). The algorithms
only look items up by their item id (see docs/map-sheets.md), so moving, resizing and restyling is safe.

``python3 -m sozialplanung_plugin.processing._layouts`` (with QGIS) rewrites the shipped templates and styles.
"""

import os

from qgis.core import (
    Qgis,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRuleBasedRenderer,
)
from qgis.PyQt.QtCore import QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtXml import QDomDocument

from ..compat import (
    DistanceUnit,
    LabelPlacement,
    LayoutRenderFlag,
    LayoutUnit,
    RenderUnit,
    ScaleBarSegmentSizeMode,
    save_style_to_database,
)
from ..toolbelt.paths import resource

FONT = "DejaVu Sans"
PAGE_SIZES = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape width, height in mm
SUPPRESSED_LABEL = "gesperrt"  # the one German word for suppressed (docs/glossary.md)
MISSING_LABEL = "keine Angabe"
NORTH_ARROW = ":/images/north_arrows/layout_default_north_arrow.svg"

# Sequential ramps, light -> dark (ColorBrewer YlOrRd and Blues, 7 steps); darker = worse.
RAMP_WORSE = ["#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"]
RAMP_NEUTRAL = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"]


# --------------------------------------------------------------------------------------------- colours
def ramp(n, polarity="higher_worse"):
    """n colours for classes 1..n (ascending values). higher_worse: dark red at the top class;
    higher_better: dark red at the bottom class (low values are the problem); neutral: blues."""
    base = RAMP_NEUTRAL if polarity == "neutral" else RAMP_WORSE
    n = max(int(n), 1)
    if n == 1:
        cols = [base[3]]
    else:
        cols = [base[round(i * (len(base) - 1) / (n - 1))] for i in range(n)]
    return list(reversed(cols)) if polarity == "higher_better" else cols


def class_label_field(field, names):
    """The label field of an index class field: '<base>_label' beside '<base>_class' (compositeindex), if any."""
    base = field[: -len("_class")] if field.endswith("_class") else field
    for cand in (f"{base}_label", f"{field}_label"):
        if cand in names and cand != field:
            return cand
    return None


# --------------------------------------------------------------------------------------------- fonts
def text_font(size, bold=False):
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def set_label_font(label, size, bold=False, color="#222222"):
    """Font of a layout label or legend style: a text format where QGIS has it (labels 3.24+, legend styles 3.30+,
    their setFont is deprecated there and gone in QGIS 4), else font and colour."""
    if hasattr(label, "setTextFormat"):
        set_text_format(label, size, bold, color)
        return
    label.setFont(text_font(size, bold))
    if hasattr(label, "setFontColor"):
        label.setFontColor(QColor(color))


def text_format(size, bold=False, color="#222222"):
    from qgis.core import QgsTextFormat

    fmt = QgsTextFormat()
    fmt.setFont(text_font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(RenderUnit.Points)
    fmt.setColor(QColor(color))
    return fmt


def set_text_format(obj, size, bold=False, color="#222222", setter="setTextFormat"):
    getattr(obj, setter)(text_format(size, bold, color))


# --------------------------------------------------------------------------------------------- templates
def template_path(name):
    return resource("templates", f"{name}.qpt")


def load_template(project, path, name):
    """A QgsPrintLayout from a .qpt file (QDomDocument + loadFromTemplate)."""
    from qgis.core import QgsProcessingException

    with open(path, encoding="utf-8") as fh:
        xml = fh.read()
    doc = QDomDocument()
    ok = doc.setContent(xml)
    if isinstance(ok, tuple):
        ok = ok[0]
    if not ok:
        raise QgsProcessingException(f"The layout template {path} is not valid XML. Use a .qpt file saved by QGIS.")
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    if not ok:
        raise QgsProcessingException(f"QGIS could not load the layout template {path}.")
    layout.setName(name)
    layout.setCustomProperty("sozialplanung_template", str(path))  # find_item names the file
    return layout


def find_item(layout, item_id, required=True):
    """Layout item by its item id; frames of multi-frame items (tables) are returned as the frame."""
    item = layout.itemById(item_id)
    if item is None and required:
        from qgis.core import QgsProcessingException

        path = layout.customProperty("sozialplanung_template", "")
        which = f"The layout template '{os.path.basename(path)}'" if path else "The layout template"
        raise QgsProcessingException(
            f"{which} has no item with the id '{item_id}'. Give the item this id in the layout "
            f"designer (Item properties > Id) or use the shipped template; see docs/map-sheets.md."
        )
    return item


def zoom_map(map_item, extent, scale=1.0):
    """Show ``extent`` (scaled) in the map item at the item's own aspect ratio (the frame keeps its size).

    Not QgsLayoutItemMap.zoomToExtent: that takes the ratio from the current extent, which a template saved
    without one holds as NaN.
    """
    from qgis.core import QgsRectangle

    rect = map_item.rect()
    ratio = rect.width() / rect.height() if rect.height() > 0 else 1.0
    cx, cy = extent.center().x(), extent.center().y()
    w, h = extent.width() * scale, extent.height() * scale
    if w / max(h, 1e-9) < ratio:
        w = h * ratio
    else:
        h = w / ratio
    map_item.setExtent(QgsRectangle(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))


def set_text(layout, item_id, text):
    item = find_item(layout, item_id, required=False)
    if item is not None and isinstance(item, QgsLayoutItemLabel):
        item.setText(text)
    return item


# --------------------------------------------------------------------------------------------- renderers
def fill_symbol(color, outline="#ffffff", width=0.15, style="solid"):
    return QgsFillSymbol.createSimple(
        {"color": color, "outline_color": outline, "outline_width": str(width), "style": style}
    )


def suppressed_symbol():
    """Grey, hatched: a suppressed unit is visibly 'no number' rather than a low value."""
    sym = QgsFillSymbol.createSimple({"color": "#d9d9d9", "outline_color": "#ffffff", "outline_width": "0.15"})
    from qgis.core import QgsLinePatternFillSymbolLayer

    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(1.2)
    hatch.setLineWidth(0.25)
    hatch.setColor(QColor("#636363"))
    sym.appendSymbolLayer(hatch)
    return sym


def class_renderer(
    class_field,
    colours,
    labels,
    *,
    supp_label=SUPPRESSED_LABEL,
    has_suppressed=True,
    has_missing=True,
    symbols=None,
):
    """Rule-based choropleth on a precomputed class field: >=1 class, 0 suppressed, NULL no value.

    Precomputing the class (in Python, from core.classify) keeps the suppression rule in one place and
    makes the legend exact (class labels written by us in German number format). ``symbols``: one fill symbol
    per class instead of the plain ``colours`` (e.g. the Berlin MSS scheme with its patterns).
    """
    root = QgsRuleBasedRenderer.Rule(None)
    for i, (col, lab) in enumerate(zip(colours, labels), start=1):
        sym = symbols[i - 1] if symbols else fill_symbol(col)
        root.appendChild(QgsRuleBasedRenderer.Rule(sym, 0, 0, f'"{class_field}" = {i}', lab))
    if has_suppressed:
        root.appendChild(QgsRuleBasedRenderer.Rule(suppressed_symbol(), 0, 0, f'"{class_field}" = 0', supp_label))
    if has_missing:
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                fill_symbol("#ffffff", "#bdbdbd", 0.15), 0, 0, f'"{class_field}" IS NULL', MISSING_LABEL
            )
        )
    return QgsRuleBasedRenderer(root)


def pattern_layer(kind, colour="#333333"):
    """The second channel of a bivariate class for print in greyscale: 'dots' or 'hatch' over the fill."""
    from qgis.core import QgsLinePatternFillSymbolLayer, QgsMarkerSymbol, QgsPointPatternFillSymbolLayer

    if kind == "hatch":
        layer = QgsLinePatternFillSymbolLayer()
        layer.setLineAngle(135)  # the other way round than the hatching of suppressed values (45 degrees)
        layer.setDistance(1.6)
        layer.setLineWidth(0.3)
        layer.setColor(QColor(colour))
        return layer
    if kind == "dots":
        layer = QgsPointPatternFillSymbolLayer()
        layer.setDistanceX(1.8)
        layer.setDistanceY(1.8)
        layer.setSubSymbol(
            QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_style": "no", "size": "0.45"})
        )
        return layer
    return None


def mss_symbol(code, kind="combined"):
    """Fill symbol of a Berlin MSS class: the bivariate colour (status by lightness, dynamics by hue) and the
    dynamics pattern (dots positiv, hatching negativ) so that it reads in greyscale too. ``kind``: 'combined'
    (11 ... 45), 'status' (1 ... 4) or 'dynamics' (1, 3, 5)."""
    from ..core import colours as C

    code = int(code)
    if kind == "status":
        return fill_symbol(C.MSS_STATUS_COLOURS[code])
    dynamics = code % 10 if kind == "combined" else code
    colour = C.MSS_COLOURS[code] if kind == "combined" else C.MSS_DYNAMICS_COLOURS[code]
    sym = fill_symbol(colour)
    pattern = pattern_layer(C.MSS_DYNAMICS_PATTERN[dynamics], "#3a3a3a" if kind == "combined" else "#202020")
    if pattern is not None:
        sym.appendSymbolLayer(pattern)
    return sym


def mss_kind(field, codes):
    """'combined', 'status', 'dynamics' when a class field holds Berlin MSS classes, else None."""
    from ..core import colours as C

    codes = {int(c) for c in codes}
    name = (field or "").lower()
    if codes and codes <= set(C.MSS_COLOURS) and ("mss" in name or len(codes) > 4):
        return "combined"
    if codes and codes <= {1, 2, 3, 4} and name.startswith("si_"):
        return "status"
    if codes and codes <= {1, 3, 5} and name.startswith("di_"):
        return "dynamics"
    return None


def mss_label(code, kind="combined"):
    """The MSS class in words: 'niedrig / negativ', 'niedrig', 'negativ'."""
    from ..core import index as cix

    code = int(code)
    if kind == "status":
        return cix.BERLIN_STATUS_NAMES.get(code, str(code))
    if kind == "dynamics":
        return cix.BERLIN_DYNAMICS_NAMES.get(code, str(code))
    return cix.mss_words(code) or str(code)


def mss_renderer(field, labels, kind="combined"):
    """Categorized renderer of the Berlin MSS classes in the bivariate scheme, labels in words."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    cats = [QgsRendererCategory(int(code), mss_symbol(code, kind), text) for code, text in sorted(labels.items())]
    return QgsCategorizedSymbolRenderer(field, cats)


def boundary_renderer(layer, color="#252525", width=0.6, label_field=None, label_size=9.0):
    """Municipal boundaries on top: no fill, dark outline, optional names with a white buffer."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsSingleSymbolRenderer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )

    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": color, "outline_width": str(width)})
    layer.setRenderer(QgsSingleSymbolRenderer(sym))
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.placement = LabelPlacement.OverPoint
        fmt = QgsTextFormat()
        fmt.setFont(text_font(label_size, True))
        fmt.setSize(label_size)
        fmt.setColor(QColor("#111111"))
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(1.0)
        buf.setColor(QColor(255, 255, 255, 230))
        fmt.setBuffer(buf)
        settings.setFormat(fmt)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


# --------------------------------------------------------------------------------------------- export
def pdf_settings():
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable, copyable text
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    return settings


def export_layouts_to_pdf(layouts, path, feedback=None, dpi=150, progress_span=(0, 100)):
    """All pages of several layouts into ONE PDF (QgsLayoutExporter writes one layout per file).

    Renders page by page with QgsLayoutExporter.renderPage onto a QPdfWriter; text stays text.
    Cancels between pages; returns the number of pages written.
    """
    from qgis.core import QgsProcessingException

    layouts = list(layouts)
    total = sum(lay.pageCollection().pageCount() for lay in layouts) or 1
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setCreator("Sozialplanung (QGIS)")
    painter = None
    done = 0
    start, end = progress_span
    try:
        for lay in layouts:
            ctx = lay.renderContext()
            ctx.setDpi(dpi)
            ctx.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
            ctx.setFlag(LayoutRenderFlag.Antialiasing, True)
            exporter = QgsLayoutExporter(lay)
            for page_no in range(lay.pageCollection().pageCount()):
                if feedback is not None and feedback.isCanceled():
                    raise QgsProcessingException("Canceled: the PDF was not written.")
                page = lay.pageCollection().page(page_no)
                size = lay.convertToLayoutUnits(page.pageSize())
                orient = (
                    QPageLayout.Orientation.Landscape
                    if size.width() > size.height()
                    else QPageLayout.Orientation.Portrait
                )
                psize = QPageSize(
                    QSizeF(min(size.width(), size.height()), max(size.width(), size.height())),
                    QPageSize.Unit.Millimeter,
                )
                writer.setPageLayout(QPageLayout(psize, orient, _zero_margins(), QPageLayout.Unit.Millimeter))
                if painter is None:
                    painter = QPainter(writer)
                else:
                    writer.newPage()
                exporter.renderPage(painter, page_no)
                done += 1
                if feedback is not None:
                    feedback.setProgress(start + (end - start) * done / total)
    finally:
        if painter is not None:
            painter.end()
    return done


def give_user_permissions(path):
    """The mode a file created by the user would get (0666 less the umask): a file made through tempfile is
    0600, and colleagues on a shared drive could not open the PDF."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _zero_margins():
    from qgis.PyQt.QtCore import QMarginsF

    return QMarginsF(0, 0, 0, 0)


def desktop_project(context, wanted=True):
    """The project the layouts of a run go into: QGIS desktop's own project (the run's project is
    QgsProject.instance() and there is an iface), if ``wanted``. None elsewhere (qgis_process, scripts, tests)."""
    if not wanted:
        return None
    try:
        from qgis.utils import iface
    except ImportError:  # pragma: no cover
        iface = None
    from qgis.core import QgsProject

    project = context.project()
    if iface is None or project is None or project is not QgsProject.instance():
        return None
    return project


def layers_file(out_path, suffix="ebenen"):
    """The GeoPackage beside an output file that keeps the layers of the layouts added to the project."""
    import os

    stem = os.path.splitext(os.path.abspath(out_path))[0]
    return f"{stem}_{suffix}.gpkg"


def is_temporary(path):
    """True for a file in Processing's temporary folder (deleted when QGIS closes)."""
    import os

    from qgis.core import QgsProcessingUtils

    temp = os.path.abspath(QgsProcessingUtils.tempFolder())
    return os.path.abspath(path).startswith(os.path.dirname(temp) + os.sep)


def persist_layer(layer, gpkg, table, feedback=None):
    """A copy of ``layer`` (a memory layer or a clone) in a table of the GeoPackage ``gpkg``, with the layer's
    renderer and labels, the style also stored in the file as its default. Returns the new (ogr) layer.

    Layouts added to a project must reference layers the project can load again: a memory layer is empty after
    the project is reopened, and a layer only Python holds dies with the algorithm run (issue 19).
    """
    import os

    from qgis.core import QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = table
    opts.fileEncoding = "UTF-8"
    opts.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if os.path.exists(gpkg)
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    write = getattr(QgsVectorFileWriter, "writeAsVectorFormatV3", None) or QgsVectorFileWriter.writeAsVectorFormatV2
    result = write(layer, gpkg, layer.transformContext(), opts)
    if result[0] != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(f"The layer '{layer.name()}' could not be written to {gpkg}: {result[1]}")
    copy = QgsVectorLayer(f"{gpkg}|layername={table}", layer.name(), "ogr")
    if not copy.isValid():
        raise QgsProcessingException(f"The layer '{table}' written to {gpkg} cannot be read back.")
    if layer.renderer() is not None:
        copy.setRenderer(layer.renderer().clone())
    if layer.labeling() is not None:
        copy.setLabeling(layer.labeling().clone())
    copy.setLabelsEnabled(layer.labelsEnabled())
    for field in layer.fields():
        j = copy.fields().indexOf(field.name())
        if j >= 0 and field.alias():
            copy.setFieldAlias(j, field.alias())
    message = save_style_to_database(copy, table, "Sozialplanung")
    if message and feedback is not None:
        feedback.pushWarning(f"The style of '{layer.name()}' was not stored in {gpkg}: {message}")
    return copy


def persist_memory_layers(layouts, gpkg, feedback=None, used=None):
    """Every memory layer the layouts use (maps, legends, attribute tables, atlas coverage) written to ``gpkg``
    and replaced by the written layer in those items. Returns the new layers (to add to the project).

    For pages built by code that does not persist its layers itself (e.g. the offers page of the profile atlas):
    a layout in the project must not use a layer that is empty after reopening (issue 19).
    """
    from qgis.core import (
        QgsLayerTreeLayer,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutTableColumn,
    )

    used = set() if used is None else used
    done = {}

    def swap(layer):
        if layer is None or layer.providerType() != "memory":
            return layer
        if layer.id() not in done:
            done[layer.id()] = persist_layer(layer, gpkg, table_name(layer.name(), used), feedback)
        return done[layer.id()]

    for lay in layouts:
        atlas = lay.atlas()
        if atlas.coverageLayer() is not None:
            atlas.setCoverageLayer(swap(atlas.coverageLayer()))
        for item in lay.items():
            if isinstance(item, QgsLayoutItemMap) and item.layers():
                item.setLayers([swap(lyr) for lyr in item.layers()])
            elif isinstance(item, QgsLayoutItemLegend) and not item.autoUpdateModel():
                root = item.model().rootGroup()
                for node in list(root.findLayers()):
                    new = swap(node.layer())
                    if new is not None and new is not node.layer():
                        parent = node.parent()
                        index = parent.children().index(node)
                        fresh = QgsLayerTreeLayer(new)
                        for key in node.customProperties():
                            fresh.setCustomProperty(key, node.customProperty(key))
                        parent.insertChildNode(index, fresh)
                        parent.removeChildNode(node)
        for frame in lay.multiFrames():
            if isinstance(frame, QgsLayoutItemAttributeTable):
                layer = frame.vectorLayer()
                new = swap(layer)
                if new is not layer:
                    columns = [QgsLayoutTableColumn(c) for c in frame.columns()]  # copies
                    frame.setVectorLayer(new)
                    frame.setColumns(columns)
    return list(done.values())


def table_name(text, used):
    """A GeoPackage table name from a layer name: ASCII letters, digits and '_', unique among ``used``."""
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_").lower()[:50] or "ebene"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}_{n}"
    used.add(name)
    return name


def set_legend_layers(legend, entries):
    """Show exactly ``entries`` ((layer, title or None), ...) in a layout legend.

    The layer tree is the legend's own (a C++ tree the legend item owns and writes into the project), never a
    QgsLayerTree held by Python: that one dies with the algorithm run and the legend renderer then reads freed
    memory (the signal-11 crash of issue 19), and a project saved with it has an empty legend.
    """
    legend.setAutoUpdateModel(True)
    legend.setAutoUpdateModel(False)  # now a clone of the project's tree, owned by the legend
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer, title in entries:
        node = root.addLayer(layer)
        if title:
            node.setCustomProperty("legend/title-label", title)
    legend.adjustBoxSize()
    legend.refresh()


def unique_layer_name(project, name):
    """``name``, or ``name (2)``, ``name (3)``... if the project already holds a layer of that name."""
    taken = {lyr.name() for lyr in project.mapLayers().values()}
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def add_to_desktop_project(context, layouts, layers, group_name="Sozialplanung Kartenblätter"):
    """In QGIS desktop (real project + iface): add the styled layers (one group, hidden) and the layouts to
    the project's layout manager for manual finishing. Elsewhere (qgis_process, tests): nothing.

    The layers must be ones the project can load again (see persist_layer); the project owns them from here on.
    """
    project = desktop_project(context)
    if project is None:
        return False
    root = project.layerTreeRoot()
    group = root.findGroup(group_name) or root.insertGroup(0, group_name)
    for layer in layers:
        layer.setName(unique_layer_name(project, layer.name()))
        project.addMapLayer(layer, False)
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(False)
    manager = project.layoutManager()
    for lay in layouts:
        base, n = lay.name(), 1
        while manager.layoutByName(lay.name()) is not None:
            n += 1
            lay.setName(f"{base} ({n})")
        manager.addLayout(lay)
    return True


# --------------------------------------------------------------------------------------------- template building
def _label(
    layout,
    item_id,
    x,
    y,
    w,
    h,
    text,
    size,
    bold=False,
    halign=Qt.AlignmentFlag.AlignLeft,
    valign=Qt.AlignmentFlag.AlignTop,
    color="#222222",
):
    lab = QgsLayoutItemLabel(layout)
    lab.setId(item_id)
    lab.setText(text)
    set_label_font(lab, size, bold, color)
    lab.setHAlign(halign)
    lab.setVAlign(valign)
    lab.setMarginX(0)
    lab.setMarginY(0)
    layout.addLayoutItem(lab)
    lab.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters))
    lab.attemptResize(QgsLayoutSize(w, h, LayoutUnit.Millimeters))
    return lab


def _place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters))
    item.attemptResize(QgsLayoutSize(w, h, LayoutUnit.Millimeters))


def _map(layout, item_id, x, y, w, h):
    m = QgsLayoutItemMap(layout)
    m.setId(item_id)
    layout.addLayoutItem(m)
    _place(m, x, y, w, h)
    m.setFrameEnabled(True)
    m.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, LayoutUnit.Millimeters))
    m.setFrameStrokeColor(QColor("#777777"))
    m.setBackgroundColor(QColor("#ffffff"))
    from qgis.core import QgsRectangle

    m.setExtent(QgsRectangle(0, 0, w * 100, h * 100))  # a valid extent of the frame's ratio (not NaN)
    return m


def _north_arrow(layout, x, y, w, h, linked_map):
    pic = QgsLayoutItemPicture(layout)
    pic.setId("north_arrow")
    pic.setPicturePath(NORTH_ARROW)
    layout.addLayoutItem(pic)
    _place(pic, x, y, w, h)
    pic.setLinkedMap(linked_map)
    pic.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    return pic


def _scalebar(layout, x, y, linked_map, size=8.0):
    sb = QgsLayoutItemScaleBar(layout)
    sb.setId("scalebar")
    sb.setStyle("Single Box")
    layout.addLayoutItem(sb)
    sb.setLinkedMap(linked_map)
    sb.setUnits(DistanceUnit.Kilometers)
    sb.setUnitLabel("km")
    sb.setMapUnitsPerScaleBarUnit(1.0)
    sb.setNumberOfSegments(2)
    sb.setNumberOfSegmentsLeft(0)
    sb.setUnitsPerSegment(2.0)
    sb.setSegmentSizeMode(_fit_width_mode())
    sb.setMinimumBarWidth(25)
    sb.setMaximumBarWidth(45)
    sb.setHeight(2.0)
    if hasattr(sb, "setTextFormat"):
        set_text_format(sb, size)
    from qgis.core import QgsBasicNumericFormat

    num = QgsBasicNumericFormat()  # German: 0,5 km
    num.setDecimalSeparator(",")
    num.setThousandsSeparator(".")
    num.setShowTrailingZeros(False)
    sb.setNumericFormat(num)
    sb.setBackgroundEnabled(True)
    sb.setBackgroundColor(QColor(255, 255, 255, 210))
    sb.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters))
    return sb


def _fit_width_mode():
    from qgis.core import Qgis

    enum = getattr(Qgis, "ScaleBarSegmentSizeMode", None)  # QGIS >= 3.30 / 4
    if enum is not None:
        return enum.FitWidth

    return ScaleBarSegmentSizeMode.FitWidth


def _legend(layout, x, y, w, h, linked_map, title_size=10.0, item_size=9.0):
    from qgis.core import QgsLegendStyle

    leg = QgsLayoutItemLegend(layout)
    leg.setId("legend")
    leg.setTitle("")
    layout.addLayoutItem(leg)
    leg.setLinkedMap(linked_map)
    leg.setAutoUpdateModel(False)
    leg.setResizeToContents(False)
    leg.setSymbolWidth(8)
    leg.setSymbolHeight(5)
    leg.setWrapString("|")
    for style, size, bold in (
        (QgsLegendStyle.Style.Title, title_size + 1, True),
        (QgsLegendStyle.Style.Group, title_size, True),
        (QgsLegendStyle.Style.Subgroup, title_size, True),
        (QgsLegendStyle.Style.SymbolLabel, item_size, False),
    ):
        set_label_font(leg.rstyle(style), size, bold, "#000000")
    leg.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 3.0)
    leg.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.6)
    leg.rstyle(QgsLegendStyle.Style.SymbolLabel).setMargin(QgsLegendStyle.Side.Top, 1.6)
    _place(leg, x, y, w, h)
    return leg


# public names of the item builders (the report layouts build their templates with them)
add_label = _label
add_map = _map
add_legend = _legend
add_scalebar = _scalebar
place = _place
zero_margins = _zero_margins


def build_overview_template(project, size="A4", orientation="landscape"):
    """The overview sheet: title, subtitle, map, legend, scale bar, north arrow, note, source."""
    W, H = PAGE_SIZES[size]
    if orientation == "portrait":
        W, H = H, W
    k = 1.0 if size == "A4" else 1.25  # text a little larger on A3
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(W, H, LayoutUnit.Millimeters))
    layout.setName(f"overview_{size.lower()}_{orientation}")
    m = 10.0
    _label(layout, "title", m, 8, W - 2 * m, 10 * k, "Titel", 17 * k, True)
    _label(layout, "subtitle", m, 8 + 10.5 * k, W - 2 * m, 7 * k, "Untertitel", 10.5 * k, color="#444444")
    top = 8 + 19 * k
    source_h = 9 * k
    bottom = H - m - source_h - 2
    if orientation == "landscape":
        col = 68 * k
        map_w, map_h = W - 2 * m - col - 4, bottom - top
        mp = _map(layout, "map", m, top, map_w, map_h)
        _legend(layout, m + map_w + 4, top, col, map_h * 0.62, mp, 10 * k, 9 * k)
        _label(
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
        mp = _map(layout, "map", m, top, map_w, map_h)
        _legend(layout, m, top + map_h + 3, map_w * 0.5, band, mp, 10 * k, 9 * k)
        _label(
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
    _north_arrow(layout, m + map_w - 14 * k, top + 3, 10 * k, 14 * k, mp)
    _scalebar(layout, m + 3, top + map_h - 12 * k, mp, 8 * k)
    _label(
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
    _label(layout, "title", m, 10, W - 2 * m - 50, 11, "Sozialraum", 17, True)
    _label(layout, "subtitle", m, 21.5, W - 2 * m - 50, 7, "Gemeinde · Stand", 9.5, color="#444444")
    badge = _label(
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
    mp = _map(layout, "map", m, top, map_w, map_h)
    mp.setAtlasDriven(True)
    mp.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    mp.setAtlasMargin(0.25)
    loc = _map(layout, "locator", m + map_w + 4, top, W - 2 * m - map_w - 4, 62)
    _label(
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
    _north_arrow(layout, m + map_w - 9, top + map_h - 12, 6, 9, mp)  # bottom right: labels sit higher up
    _scalebar(layout, m + 2, top + map_h - 9, mp, 7)
    _label(
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
    _label(layout, "table_title", m, ttop, W - 2 * m, 6, "Kennzahlen", 11, True)
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.setId("table")
    table.addFrame(frame)
    _place(frame, m, ttop + 7, W - 2 * m, 70)  # after addFrame: a lone frame is sized by its table
    table.setHeaderFont(text_font(8, True)) if not hasattr(table, "setHeaderTextFormat") else set_text_format(
        table, 8, True, setter="setHeaderTextFormat"
    )
    table.setContentFont(text_font(8)) if not hasattr(table, "setContentTextFormat") else set_text_format(
        table, 8, setter="setContentTextFormat"
    )
    table.setCellMargin(1.1)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#bbbbbb"))
    from qgis.core import QgsLayoutTable, QgsLayoutTableStyle

    head = QgsLayoutTableStyle()
    head.enabled = True
    head.cellBackgroundColor = QColor("#e8e8e8")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, head)
    band = QgsLayoutTableStyle()
    band.enabled = True
    band.cellBackgroundColor = QColor("#f6f6f6")
    table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, band)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("keine Kennzahlen")
    ctop = ttop + 80
    _label(layout, "chart_title", m, ctop, 110, 6, "Entwicklung", 11, True)
    pic = QgsLayoutItemPicture(layout)
    pic.setId("chart")
    layout.addLayoutItem(pic)
    _place(pic, m, ctop + 7, 110, 56)
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    _label(layout, "free_text_title", m + 116, ctop, W - 2 * m - 116, 6, "Anmerkungen", 11, True)
    ft = _label(layout, "free_text", m + 116, ctop + 7, W - 2 * m - 116, 56, "", 8.5)
    ft.setFrameEnabled(True)
    ft.setFrameStrokeColor(QColor("#bbbbbb"))
    ft.setMarginX(2)
    ft.setMarginY(2)
    _label(
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
    _label(
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


def write_templates():
    """Rewrite the shipped .qpt templates (run once after changing the builders above)."""
    from qgis.core import QgsProject

    project = QgsProject()
    out = []
    for size in ("A4", "A3"):
        for orient in ("landscape", "portrait"):
            lay = build_overview_template(project, size, orient)
            path = template_path(f"overview_{size.lower()}_{orient}")
            lay.saveAsTemplate(str(path), QgsReadWriteContext())
            out.append(path)
    lay = build_profile_template(project)
    path = template_path("profile_a4_portrait")
    lay.saveAsTemplate(str(path), QgsReadWriteContext())
    out.append(path)
    return out


def _main():  # pragma: no cover - developer tool
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for p in write_templates():
        print("wrote", p)
    app.exitQgis()


if __name__ == "__main__":  # pragma: no cover
    _main()
