"""Shared helpers of the map-sheet algorithms: templates (.qpt), item lookup by id, choropleth renderers,
colour ramps, page export. Not an algorithm (the leading '_' keeps the provider from scanning it).

Templates live in resources/templates/ and are plain QGIS layout templates: a user can open them in the layout
designer, restyle them and save them under the same name (or point the algorithm to a copy). The algorithms
only look items up by their item id (see docs/map-sheets.md), so moving, resizing and restyling is safe.

The shipped templates are written by tools/make_templates.py from the item helpers here (add_label, add_map,
...); tests/qgis/test_generated_files.py fails when a committed template is not what it writes.
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
from qgis.PyQt.QtCore import QCoreApplication, QSizeF, Qt
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
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "The layout template {path} is not valid XML. Use a .qpt file saved by QGIS."
            ).format(path=path)
        )
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    if not ok:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "QGIS could not load the layout template {path}."
            ).format(path=path)
        )
    layout.setName(name)
    layout.setCustomProperty("sozialplanung_template", str(path))  # find_item names the file
    return layout


def find_item(layout, item_id, required=True):
    """Layout item by its item id; frames of multi-frame items (tables) are returned as the frame."""
    item = layout.itemById(item_id)
    if item is None and required:
        from qgis.core import QgsProcessingException

        path = layout.customProperty("sozialplanung_template", "")
        if path:
            text = QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "The layout template '{name}' has no item with the id '{id}'. Give the item this id in the layout "
                "designer (Item properties > Id) or use the shipped template; see docs/map-sheets.md.",
            )
        else:
            text = QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "The layout template has no item with the id '{id}'. Give the item this id in the layout "
                "designer (Item properties > Id) or use the shipped template; see docs/map-sheets.md.",
            )
        raise QgsProcessingException(text.format(name=os.path.basename(path), id=item_id))
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
                    raise QgsProcessingException(
                        QCoreApplication.translate("SozialplanungAlgorithm", "Canceled: the PDF was not written.")
                    )
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
                writer.setPageLayout(QPageLayout(psize, orient, zero_margins(), QPageLayout.Unit.Millimeter))
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


def write_pdf(layouts, path, feedback=None, dpi=150, progress_span=(0, 100)):
    """export_layouts_to_pdf into a temporary file beside ``path``, renamed when complete (never a half PDF);
    the file gets the user's permissions. Returns the number of pages."""
    import os
    import tempfile

    out_dir = os.path.dirname(os.path.abspath(path))
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.NamedTemporaryFile(suffix=".pdf", dir=out_dir, delete=False)
    tmp.close()
    try:
        pages = export_layouts_to_pdf(layouts, tmp.name, feedback, dpi=dpi, progress_span=progress_span)
        give_user_permissions(tmp.name)
        os.replace(tmp.name, path)
    finally:
        if os.path.exists(tmp.name):
            os.remove(tmp.name)
    return pages


def link_to_map(layout, map_item, item_ids=("scalebar", "north_arrow")):
    """Point the template's scale bar and north arrow (when it has them) at ``map_item``."""
    for item_id in item_ids:
        item = find_item(layout, item_id, required=False)
        if item is not None and hasattr(item, "setLinkedMap"):
            item.setLinkedMap(map_item)
            item.update()


def zero_margins():
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
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "The layer '{layer}' could not be written to {gpkg}: {error}"
            ).format(layer=layer.name(), gpkg=gpkg, error=result[1])
        )
    copy = QgsVectorLayer(f"{gpkg}|layername={table}", layer.name(), "ogr")
    if not copy.isValid():
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "The layer '{layer}' written to {gpkg} cannot be read back."
            ).format(layer=table, gpkg=gpkg)
        )
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
        feedback.pushWarning(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "The style of '{layer}' was not stored in {gpkg}: {error}"
            ).format(layer=layer.name(), gpkg=gpkg, error=message)
        )
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


def pin_legend_titles(layouts):
    """Every legend entry of these layouts without a title of its own gets its layer's current name as title: a
    layer renamed to be unique in the project ('Gemeindegrenze (2)') would else show the suffix on the sheet,
    where '(2)' reads as a count."""
    from qgis.core import QgsLayoutItemLegend

    for lay in layouts:
        for item in lay.items():
            if not isinstance(item, QgsLayoutItemLegend) or item.model().rootGroup() is None:
                continue
            for node in item.model().rootGroup().findLayers():
                if node.layer() is not None and not node.customProperty("legend/title-label"):
                    node.setCustomProperty("legend/title-label", node.layer().name())


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
    pin_legend_titles(layouts)  # a layer renamed 'name (2)' below keeps its title in the legends
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


# --------------------------------------------------------------------------------------------- layout items
# (the pages built by code, and tools/make_templates.py, which writes the shipped .qpt templates, place them)
def add_label(
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
    page=-1,
):
    """A text label at x, y (mm; on ``page`` when given, else on the layout's first page)."""
    lab = QgsLayoutItemLabel(layout)
    lab.setId(item_id)
    lab.setText(text)
    set_label_font(lab, size, bold, color)
    lab.setHAlign(halign)
    lab.setVAlign(valign)
    lab.setMarginX(0)
    lab.setMarginY(0)
    layout.addLayoutItem(lab)
    lab.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters), page=page)
    lab.attemptResize(QgsLayoutSize(w, h, LayoutUnit.Millimeters))
    return lab


def place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, LayoutUnit.Millimeters))
    item.attemptResize(QgsLayoutSize(w, h, LayoutUnit.Millimeters))


def add_map(layout, item_id, x, y, w, h):
    m = QgsLayoutItemMap(layout)
    m.setId(item_id)
    layout.addLayoutItem(m)
    place(m, x, y, w, h)
    m.setFrameEnabled(True)
    m.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, LayoutUnit.Millimeters))
    m.setFrameStrokeColor(QColor("#777777"))
    m.setBackgroundColor(QColor("#ffffff"))
    from qgis.core import QgsRectangle

    m.setExtent(QgsRectangle(0, 0, w * 100, h * 100))  # a valid extent of the frame's ratio (not NaN)
    return m


def add_north_arrow(layout, x, y, w, h, linked_map):
    pic = QgsLayoutItemPicture(layout)
    pic.setId("north_arrow")
    pic.setPicturePath(NORTH_ARROW)
    layout.addLayoutItem(pic)
    place(pic, x, y, w, h)
    pic.setLinkedMap(linked_map)
    pic.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    return pic


def add_scalebar(layout, x, y, linked_map, size=8.0):
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
    sb.setSegmentSizeMode(ScaleBarSegmentSizeMode.FitWidth)
    sb.setMinimumBarWidth(25)
    sb.setMaximumBarWidth(45)
    sb.setHeight(2.0)
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


def add_legend(layout, x, y, w, h, linked_map, title_size=10.0, item_size=9.0):
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
    place(leg, x, y, w, h)
    return leg
