"""Overview map sheets of accessibility: one page per facility type, all pages in one PDF.

Per type: the social spaces coloured by the share of the target group within the type's threshold (four
classes, red = few within reach), spaces with high need and poor access hatched, the facilities of the type on
top, municipal boundaries with names; title, the summary line, legend, scale bar and source from the shipped
overview template (the same items as 'overviewmapsheets', see docs/map-sheets.md).
"""

import textwrap

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ..compat import GeometryType
from ..core.fields import fmt_de
from . import _layouts as L
from .base import make_field

SHARE_BREAKS = (50.0, 75.0, 90.0)
SHARE_LABELS = ["unter 50 %", "50 bis unter 75 %", "75 bis unter 90 %", "90 % und mehr"]


def share_class(share):
    """1..4 by SHARE_BREAKS (None for no value)."""
    if share is None or share != share:
        return None
    return 1 + sum(share >= b for b in SHARE_BREAKS)


def gap_symbol():
    """Hatching on top of the colour: high need and poor access."""
    from qgis.core import QgsFillSymbol, QgsLinePatternFillSymbolLayer
    from qgis.PyQt.QtGui import QColor

    sym = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#000000", "outline_width": "0.6"})
    # black lines on a white halo: visible on the dark red of poor access as on the light classes
    for colour, width in (("#ffffff", 0.8), ("#000000", 0.35)):
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(45)
        hatch.setDistance(1.8)
        hatch.setLineWidth(width)
        hatch.setColor(QColor(colour))
        sym.appendSymbolLayer(hatch)
    return sym


def _memory(geometry, crs, name, spec):
    layer = QgsVectorLayer(f"{geometry}?crs={crs.authid()}" if crs.authid() else geometry, name, "memory")
    layer.setCrs(crs)
    layer.dataProvider().addAttributes([make_field(n, k) for n, k in spec])
    layer.updateFields()
    return layer


def access_map_sheets(
    alg,
    context,
    feedback,
    path,
    layer,
    frame,
    geoms,
    out,
    types,
    type_list,
    year,
    mode,
    rows,
    *,
    facilities=None,
    type_field="",
    opened_field="",
    closed_field="",
    municipalities=None,
    municipality_name="",
    source_note="",
):
    """Build and export the pages; returns the number of pages written."""
    project = context.project() or QgsProject.instance()
    template = str(L.template_path("overview_a4_landscape"))
    keep = []
    # layouts for the desktop project use layers written to a GeoPackage beside the PDF (issue 19: a memory
    # layer is empty after reopening, a layer tree Python holds dies with the run and crashes the legend)
    target = L.desktop_project(context)
    layers_gpkg, tables = (L.layers_file(path), set()) if target is not None else (None, None)

    def kept(lyr, name):
        return L.persist_layer(lyr, layers_gpkg, L.table_name(name, tables), feedback) if target is not None else lyr

    boundary = None
    if municipalities is not None:
        boundary = municipalities.clone()
        boundary.setName("Gemeindegrenze")
        L.boundary_renderer(boundary, label_field=municipality_name or None, label_size=9.0)
        boundary = kept(boundary, "gemeindegrenze")
        keep.append(boundary)
    fac_points = {}
    if facilities is not None and type_field:
        from qgis.core import QgsCoordinateTransform

        tr = None
        if facilities.sourceCrs() != layer.crs():
            tr = QgsCoordinateTransform(facilities.sourceCrs(), layer.crs(), context.transformContext())
        import datetime as dt

        from ..core.facilities import open_on
        from .base import plain_value

        feats_all = list(facilities.getFeatures())
        values = [plain_value(f[type_field]) for f in feats_all]
        ids = types.resolve([None if v is None else str(v) for v in values], field_name=type_field)
        opened = [plain_value(f[opened_field]) for f in feats_all] if opened_field else [None] * len(feats_all)
        closed = [plain_value(f[closed_field]) for f in feats_all] if closed_field else [None] * len(feats_all)
        is_open = open_on(opened, closed, dt.date(year, 12, 31), feature_ids=[f.id() for f in feats_all])
        for t, feat, ok in zip(ids, feats_all, is_open):
            if not ok:
                continue
            g = QgsGeometry(feat.geometry())
            if g.isNull():
                continue
            if g.type() != GeometryType.Point:
                g = g.pointOnSurface()
            if tr is not None:
                g.transform(tr)
            fac_points.setdefault(str(t), []).append(g)
    layouts = []
    unit = "min" if mode == "time" else "m"
    way = "Fahrzeit" if mode == "time" else "Fußweg"
    for n, (t, row) in enumerate(zip(type_list, rows)):
        alg.check_canceled(feedback)
        ft = types.types[t]
        group = types.target_groups[ft.target].label
        thr = fmt_de(ft.threshold(mode), 0)
        legend_title = f"Anteil {group} mit höchstens {thr} {unit} {way}, {year}"
        colours = L.ramp(4, "higher_better")
        counts = [0, 0, 0, 0]
        spaces = _memory("MultiPolygon", layer.crs(), legend_title, [("cls", "int"), ("gap", "int")])
        feats = []
        for key in frame.index:
            share = frame.at[key, f"erreichbar_{t}_{year}"]
            share = float(share) if share is not None and share == share else None
            cls = share_class(share)
            if cls:
                counts[cls - 1] += 1
            f = QgsFeature(spaces.fields())
            f.setAttributes([cls, int(out.at[key, f"luecke_{t}_{year}"] == 3)])
            f.setGeometry(QgsGeometry(geoms[key]))
            feats.append(f)
        spaces.dataProvider().addFeatures(feats)
        spaces.updateExtents()
        labels = [f"{lab}  ({c})" for lab, c in zip(SHARE_LABELS, counts)]
        missing = any(f["cls"] is None or str(f["cls"]) == "NULL" for f in feats)
        spaces.setRenderer(L.class_renderer("cls", colours, labels, has_suppressed=False, has_missing=missing))
        gaps = _memory("MultiPolygon", layer.crs(), "hoher Bedarf und|schlechte Erreichbarkeit", [("gap", "int")])
        gfeats = []
        for f in feats:
            if f["gap"] == 1:
                g = QgsFeature(gaps.fields())
                g.setAttributes([1])
                g.setGeometry(f.geometry())
                gfeats.append(g)
        gaps.dataProvider().addFeatures(gfeats)
        gaps.setRenderer(QgsSingleSymbolRenderer(gap_symbol()))
        points = _memory("Point", layer.crs(), ft.label, [("type", "string")])
        pfeats = []
        for g in fac_points.get(t, []):
            p = QgsFeature(points.fields())
            p.setAttributes([t])
            p.setGeometry(g)
            pfeats.append(p)
        points.dataProvider().addFeatures(pfeats)
        marker = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "#08306b", "outline_color": "#ffffff", "outline_width": "0.3", "size": "1.8"}
        )
        points.setRenderer(QgsSingleSymbolRenderer(marker))
        spaces, gaps, points = kept(spaces, f"{t}_anteil"), kept(gaps, f"{t}_luecken"), kept(points, f"{t}_angebote")
        keep += [spaces, gaps, points]

        lay = L.load_template(project, template, f"Erreichbarkeit {ft.label} {year}")
        mp = L.find_item(lay, "map")
        mp.setCrs(layer.crs())
        mp.setLayers(([boundary] if boundary is not None else []) + [points, gaps, spaces])
        L.zoom_map(mp, spaces.extent(), 1.04)
        L.set_text(lay, "title", f"Erreichbarkeit: {ft.name}")
        L.set_text(
            lay,
            "subtitle",
            f"Sozialräume, Stand 31.12.{year}: {ft.label} in höchstens {thr} {unit} {way} (über das Wegenetz)",
        )
        L.set_text(lay, "source", f"Quelle: {source_note}" if source_note else "")
        note = [
            row["text"],
            f"Schraffiert: hoher Bedarf ({row['need']}) und schlechte Erreichbarkeit (weniger als "
            f"{row['min_share']:g} % innerhalb der Schwelle). Punkte: {ft.label} ({len(pfeats)}).",
        ]
        L.set_text(lay, "note", "\n\n".join(note))
        legend = L.find_item(lay, "legend", required=False)
        if legend is not None:
            chars = max(int(legend.rect().width() / 2.3), 12)
            wrap = legend.wrapString() or "|"
            entries = [(spaces, wrap.join(textwrap.wrap(legend_title, chars))), (gaps, None), (points, None)]
            if boundary is not None:
                entries.append((boundary, "Gemeindegrenze"))
            legend.setTitle("")
            L.set_legend_layers(legend, entries)  # the legend's own tree, never one Python holds
        L.link_to_map(lay, mp)
        lay.refresh()
        layouts.append(lay)
        feedback.setProgress(60 + 10 * (n + 1) / len(type_list))
    pages = L.write_pdf(layouts, path, feedback, dpi=150, progress_span=(70, 100))
    alg._keep = keep
    L.add_to_desktop_project(context, layouts, [k for k in keep if isinstance(k, QgsVectorLayer)])
    return pages
