"""Map figures of the reports: choropleth / category layers and their rendering into PNG images (print
resolution) or into layout items. Shared by reportdocument and municipalreport; not an algorithm.

Classes come from core.classify and the colours from _layouts (the same as the overview map sheets), suppressed
units are hatched grey and carry no class, whatever number the layer holds.
"""

from qgis.core import (
    QgsFeature,
    QgsLayoutExporter,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsVectorLayer,
)

from ..compat import LayoutUnit
from . import _layouts as L
from .base import make_field

METHOD_TEXT = {
    "quantile": "Quantile (etwa gleich viele Sozialräume je Klasse)",
    "jenks": "natürliche Brüche (Jenks)",
    "equal": "gleiche Intervalle",
    "sd": "Standardabweichung um den Mittelwert",
    "classes": "Klassen wie im Layer",
}


def _memory(crs, title, extra=()):
    mem = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}" if crs.authid() else "MultiPolygon", title, "memory")
    mem.setCrs(crs)
    mem.dataProvider().addAttributes([make_field("cls", "int"), make_field("key", "string"), *extra])
    mem.updateFields()
    return mem


def choropleth(
    keys, geoms, crs, values, flags, indicator, year, *, method="quantile", n_classes=5, title=None, only=None
):
    """A styled memory layer of one indicator (classes in 'cls': 1..n, 0 suppressed, NULL no value).

    ``values``/``flags``: sequences aligned with ``keys``. The classes come from all units; ``only`` (a set of
    keys) keeps just those units in the layer (a municipality's spaces on the county's classes).
    Returns (layer, legend title, note text).
    """
    import pandas as pd

    from ..core import charts
    from ..core import fields as F
    from ..core.classify import classify

    unit = F.unit_text(indicator.unit if indicator else "")
    dec = F.decimals_for(indicator.unit if indicator else "")
    vals = pd.Series([None if v is None else float(v) for v in values], dtype=float)
    supp = pd.Series([f == F.FLAG_SUPPRESSED for f in flags])
    vals = vals.where(~supp)
    valid = vals.dropna()
    if len(valid) == 0:
        cls = pd.Series([None] * len(vals), dtype="Int64")
        labels, n = [], 0
    else:
        k = max(1, min(n_classes, valid.nunique()))
        res = classify(vals, method if k > 1 else "equal", k, decimals=dec)
        cls = res.classes
        n = len(res.breaks) + 1
        labels = charts.class_range_labels(res.breaks, float(valid.min()), float(valid.max()), dec, unit)
    keep = pd.Series([only is None or str(k) in only for k in keys])
    counts = [int(((cls == i) & keep).sum()) for i in range(1, n + 1)]
    labels = [f"{lab}  ({c})" for lab, c in zip(labels, counts)]
    legend = title or ((indicator.short_name or indicator.name) if indicator else "Wert")
    legend += (f" in {unit}" if unit else "") + (f", {year}" if year else "")
    mem = _memory(crs, legend)
    feats = []
    for i, (key, geom) in enumerate(zip(keys, geoms)):
        if not keep.iloc[i]:
            continue
        f = QgsFeature(mem.fields())
        c = cls.iloc[i]
        code = 0 if bool(supp.iloc[i]) else (None if c is None or str(c) == "<NA>" else int(c))
        f.setAttributes([code, str(key)])
        f.setGeometry(geom)
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    n_supp = int((supp & keep).sum())
    n_missing = int((cls.isna() & ~supp & keep).sum())
    colours = L.ramp(max(n, 1), indicator.polarity if indicator else "higher_worse")
    mem.setRenderer(L.class_renderer("cls", colours, labels, has_suppressed=n_supp > 0, has_missing=n_missing > 0))
    note = f"Klassenbildung: {METHOD_TEXT.get(method, method)}; in Klammern die Zahl der Sozialräume."
    if n_supp:
        note += " Schraffiert: Wert gesperrt (kleine Fallzahl)."
    return mem, legend, note


def categories_layer(keys, geoms, crs, codes, categories, title):
    """A memory layer coloured by integer codes: categories {code: (label, colour)} (e.g. GeoDa's clusters)."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

    mem = _memory(crs, title)
    feats = []
    for key, geom, c in zip(keys, geoms, codes):
        f = QgsFeature(mem.fields())
        f.setAttributes([None if c is None else int(c), str(key)])
        f.setGeometry(geom)
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    present = {int(c) for c in codes if c is not None}
    cats = []
    for code, (label, colour) in categories.items():
        if code in present or code in (0, 1, 2):
            n = sum(1 for c in codes if c is not None and int(c) == code)
            cats.append(QgsRendererCategory(code, L.fill_symbol(colour, "#bdbdbd", 0.15), f"{label}  ({n})"))
    mem.setRenderer(QgsCategorizedSymbolRenderer("cls", cats))
    return mem


def context_layer(keys, geoms, crs, title="weitere Sozialräume"):
    """All units in light grey (the surroundings of a municipality's map)."""
    from qgis.core import QgsSingleSymbolRenderer

    mem = _memory(crs, title)
    feats = []
    for key, geom in zip(keys, geoms):
        f = QgsFeature(mem.fields())
        f.setAttributes([None, str(key)])
        f.setGeometry(geom)
        feats.append(f)
    mem.dataProvider().addFeatures(feats)
    mem.setRenderer(QgsSingleSymbolRenderer(L.fill_symbol("#eeeeee", "#ffffff", 0.2)))
    return mem


def boundary_layer(layer, name_field=None, label_size=7.0):
    """A styled copy of the municipal boundaries (outline, names)."""
    if layer is None:
        return None
    b = layer.clone()
    b.setName("Gemeindegrenze")
    L.boundary_renderer(b, width=0.5, label_field=name_field or None, label_size=label_size)
    return b


def figure_layout(project, layers, extent, crs, legend_entries, *, width_mm=166.0, height_mm=112.0, note=""):
    """A one-page layout: map (left), legend and note (right), scale bar; ``layers`` from top to bottom."""
    lay = QgsPrintLayout(project)
    lay.initializeDefaults()
    lay.pageCollection().page(0).setPageSize(QgsLayoutSize(width_mm, height_mm, LayoutUnit.Millimeters))
    legend_w = 50.0
    map_w = width_mm - legend_w - 2
    mp = L.add_map(lay, "map", 0, 0, map_w, height_mm)
    mp.setFrameEnabled(False)
    mp.setCrs(crs)
    mp.setLayers([x for x in layers if x is not None])
    L.zoom_map(mp, extent, 1.04)
    leg = L.add_legend(lay, map_w + 2, 2, legend_w, height_mm * 0.7, mp, 8.0, 7.0)
    # long layer titles wrapped onto lines of the legend's width (the legend does not wrap by itself)
    import textwrap

    def wrapped(layer, title):
        text = title or (layer.name() if layer is not None else "")
        return "\n".join(textwrap.wrap(text, 28)) if len(text) > 28 else title

    entries = [(layer, wrapped(layer, title)) for layer, title in legend_entries]
    L.set_legend_layers(leg, entries)
    if note:
        from qgis.PyQt.QtCore import Qt

        L.add_label(
            lay,
            "note",
            map_w + 2,
            height_mm * 0.72,
            legend_w,
            height_mm * 0.28,
            note,
            6.0,
            valign=Qt.AlignmentFlag.AlignBottom,
            color="#444444",
        )
    L.add_scalebar(lay, 3, height_mm - 10, mp, 6.5)
    lay.refresh()
    return lay


def export_png(layout, path, dpi=300):
    """The layout's first page as a PNG at ``dpi``, rendered by Qt (QgsLayoutExporter.exportToImage would also try
    to georeference the PNG through GDAL, which cannot update a PNG: a harmless but noisy error per figure)."""
    from qgis.PyQt.QtCore import QSize

    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    dots_per_metre = int(round(dpi / 0.0254))
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    if image.isNull() or not image.save(str(path), "PNG"):
        from qgis.core import QgsProcessingException
        from qgis.PyQt.QtCore import QCoreApplication

        raise QgsProcessingException(
            QCoreApplication.translate("SozialplanungAlgorithm", "The map figure {path} could not be written.").format(
                path=path
            )
        )
    return str(path)


def extent_of(layers):
    ext = None
    for lyr in layers:
        if lyr is None:
            continue
        lyr.updateExtents()
        e = lyr.extent()
        if ext is None:
            ext = e
        else:
            ext.combineExtentWith(e)
    return ext
