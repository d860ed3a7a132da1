"""The section "Angebote im Sozialraum" of the profile sheets: a second page per space.

Kept apart from profile_atlas.py (its layout and its first page belong to the profile sheet's own code): the
atlas calls ``offer_rows_layer`` with the outputs of 'facilitysupply' and 'networkaccess' and, when it has rows,
``add_offers_page``. Per facility type one table row: facilities, capacity, supply ratio against municipality
and county, share of the target group within the threshold against municipality and county, persons beyond;
beside it a map of the space with the facilities.
"""

from qgis.core import (
    QgsFeature,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsMarkerSymbol,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ..compat import LayoutUnit
from ..core import fields
from . import _layouts as L
from .base import attr_number, attr_text, make_field

ROW_FIELDS = [
    ("space_key", "string"),
    ("ord", "int"),
    ("angebot", "string"),
    ("anzahl", "string"),
    ("versorgung", "string"),
    ("versorgung_mun", "string"),
    ("versorgung_kreis", "string"),
    ("erreichbar", "string"),
    ("erreichbar_mun", "string"),
    ("erreichbar_kreis", "string"),
    ("ausserhalb", "string"),
]


def _fmt(v, decimals=0):
    return fields.fmt_de(v, decimals) if v is not None else fields.MISSING_TEXT


def _values(layer, key_field):
    if layer is None:
        return {}, set()
    names = set(layer.fields().names())
    out = {}
    for f in layer.getFeatures():
        k = attr_text(f[key_field]) if key_field in names else ""
        if k:
            out[k] = f
    return out, names


def latest_year(names, prefix):
    """The newest year of the value fields '<prefix>_<type>_<year>' (core.fields.parse_facility_field)."""
    parsed = [fields.parse_facility_field(n, measures=(prefix,)) for n in names]
    years = [f.year for f in parsed if f is not None and not f.part and f.year is not None]
    return max(years) if years else None


def offer_rows_layer(supply, access, types, *, key_field="key", year=None):
    """A table layer with one row per space and facility type (texts formatted), and the types shown."""
    sup, snames = _values(supply, key_field)
    acc, anames = _values(access, key_field)
    year = year or latest_year(anames, "erreichbar") or latest_year(snames, "versorgung")
    rows = QgsVectorLayer("None", "Angebote (Steckbriefe)", "memory")
    rows.dataProvider().addAttributes([make_field(n, k) for n, k in ROW_FIELDS])
    rows.updateFields()
    if year is None:
        return rows, [], None
    shown = [
        t
        for t in types.types
        if f"versorgung_{t}_{year}" in snames or f"erreichbar_{t}_{year}" in anames or f"angebote_{t}_{year}" in snames
    ]
    feats = []
    for key in sorted(set(sup) | set(acc)):
        fs, fa = sup.get(key), acc.get(key)
        for order, t in enumerate(shown):
            ft = types.types[t]

            def s(field, feat=fs, names=snames):
                return attr_number(feat[field]) if feat is not None and field in names else None

            def a(field, feat=fa, names=anames):
                return attr_number(feat[field]) if feat is not None and field in names else None

            n = s(f"angebote_{t}_{year}")
            cap = s(f"kapazitaet_{t}_{year}")
            anzahl = _fmt(n) + (f" ({_fmt(cap, 1 if cap and cap < 20 else 0)})" if cap is not None else "")
            feat = QgsFeature(rows.fields())
            feat.setAttributes(
                [
                    key,
                    order,
                    ft.label,
                    anzahl,
                    _fmt(s(f"versorgung_{t}_{year}"), 1),
                    _fmt(s(f"versorgung_{t}_ref_mun_{year}"), 1),
                    _fmt(s(f"versorgung_{t}_ref_county_{year}"), 1),
                    _fmt(a(f"erreichbar_{t}_{year}")),
                    _fmt(a(f"erreichbar_{t}_ref_mun_{year}")),
                    _fmt(a(f"erreichbar_{t}_ref_county_{year}")),
                    _fmt(a(f"ausserhalb_{t}_{year}")),
                ]
            )
            feats.append(feat)
    rows.dataProvider().addFeatures(feats)
    return rows, shown, year


def _label(lay, item_id, x, y, w, h, text, size, bold=False, color="#222222", valign=Qt.AlignmentFlag.AlignTop):
    """A label on the offers page (page 2), justified as QGIS places a new label."""
    return L.add_label(lay, item_id, x, y, w, h, text, size, bold, Qt.AlignmentFlag.AlignJustify, valign, color, page=1)


def add_offers_page(lay, rows, coverage, types, shown, year, *, facilities=None, type_field="", mode_note=""):
    """Page 2 of every profile sheet: title, the offers table of the atlas space, a map with the facilities."""
    page = QgsLayoutItemPage(lay)
    first = lay.pageCollection().page(0)
    page.setPageSize(first.pageSize())
    lay.pageCollection().addPage(page)
    size = lay.convertToLayoutUnits(first.pageSize())
    w, m = size.width(), 12.0
    keep = []
    _label(lay, "offers_title", m, 10, w - 2 * m, 11, '[% "sp_name" %]: Angebote im Sozialraum', 17, True)
    _label(
        lay,
        "offers_subtitle",
        m,
        21.5,
        w - 2 * m,
        7,
        "[% if(\"sp_municipality\" IS NULL, '', 'Gemeinde ' || \"sp_municipality\" || ' · ') %]"
        f"Einrichtungen am 31.12.{year}, Erreichbarkeit über das Wegenetz",
        9.5,
        color="#444444",
    )
    # the map: the space, its neighbours light, the facilities on top
    mp = QgsLayoutItemMap(lay)
    mp.setId("offers_map")
    lay.addLayoutItem(mp)
    mp.attemptMove(QgsLayoutPoint(m, 31, LayoutUnit.Millimeters), page=1)
    mp.attemptResize(QgsLayoutSize(w - 2 * m, 95, LayoutUnit.Millimeters))
    mp.setFrameEnabled(True)
    mp.setExtent(QgsRectangle(0, 0, (w - 2 * m) * 100, 9500))
    layers = [coverage]
    if facilities is not None:
        # a copy in memory, never a clone of the user's layer: a clone with a subset string keeps the file open
        # (GeoPackage switched to WAL) until QGIS exits, which changes the input file
        from qgis.core import QgsFeatureRequest

        request = QgsFeatureRequest()
        names = facilities.fields().names()
        if "opened" in names and "closed" in names:  # the demo's (and the documented) date fields: open ones only
            ref = f"to_date('{year}-12-31')"
            request.setFilterExpression(
                f'("opened" IS NULL OR to_date("opened") <= {ref}) AND ("closed" IS NULL OR to_date("closed") > {ref})'
            )
        points = facilities.materialize(request)
        points.setName("Einrichtungen")
        sym = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "#08306b", "outline_color": "#ffffff", "outline_width": "0.3", "size": "2.2"}
        )
        points.setRenderer(QgsSingleSymbolRenderer(sym))
        if type_field:
            from qgis.core import QgsPalLayerSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

            settings = QgsPalLayerSettings()
            settings.fieldName = type_field
            fmt = QgsTextFormat()
            fmt.setFont(L.text_font(6.5))
            fmt.setSize(6.5)
            settings.setFormat(fmt)
            points.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            points.setLabelsEnabled(True)
        keep.append(points)
        layers = [points, coverage]
    mp.setLayers(layers)
    mp.setCrs(coverage.crs())
    mp.setAtlasDriven(True)
    mp.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    mp.setAtlasMargin(0.15)
    # the table
    ttop = 31 + 95 + 6
    _label(lay, "offers_table_title", m, ttop, w - 2 * m, 6, f"Angebote {year}", 11, True)
    table = QgsLayoutItemAttributeTable.create(lay)
    lay.addMultiFrame(table)
    frame = QgsLayoutFrame(lay, table)
    frame.setId("offers_table")
    table.addFrame(frame)
    frame.attemptMove(QgsLayoutPoint(m, ttop + 7, LayoutUnit.Millimeters), page=1)
    frame.attemptResize(QgsLayoutSize(w - 2 * m, 70, LayoutUnit.Millimeters))
    L.set_text_format(table, 7.5, True, setter="setHeaderTextFormat")
    L.set_text_format(table, 7.5, False, setter="setContentTextFormat")
    table.setVectorLayer(rows)
    table.setDisplayOnlyVisibleFeatures(False)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"space_key\" = attribute(@atlas_feature, 'sp_key')")
    table.setMaximumNumberOfFeatures(40)
    spec = [
        ("angebot", "Angebot", 1.55, Qt.AlignmentFlag.AlignLeft),
        ("anzahl", "Anzahl (Kap.)", 1.45, Qt.AlignmentFlag.AlignRight),
        ("versorgung", "Versorgung", 1.2, Qt.AlignmentFlag.AlignRight),
        ("versorgung_mun", "Gemeinde", 1.15, Qt.AlignmentFlag.AlignRight),
        ("versorgung_kreis", "Kreis", 1.0, Qt.AlignmentFlag.AlignRight),
        ("erreichbar", "Reichweite %", 1.45, Qt.AlignmentFlag.AlignRight),
        ("erreichbar_mun", "Gemeinde %", 1.35, Qt.AlignmentFlag.AlignRight),  # '%': not the supply columns
        ("erreichbar_kreis", "Kreis %", 1.0, Qt.AlignmentFlag.AlignRight),
        ("ausserhalb", "außerhalb", 1.15, Qt.AlignmentFlag.AlignRight),
    ]
    inner = w - 2 * m - 2 * table.cellMargin() * len(spec) - table.gridStrokeWidth() * (len(spec) + 1)
    total = sum(s[2] for s in spec)
    cols = []
    for attr, heading, weight, align in spec:
        col = QgsLayoutTableColumn(heading)
        col.setAttribute(attr)
        col.setHAlignment(align)
        col.setWidth(inner * weight / total)
        cols.append(col)
    table.setColumns(cols)
    table.setHeaderHAlignment(table.FollowColumn)
    table.refreshAttributes()
    lines = []
    for t in shown:
        ft = types.types[t]
        group = types.target_groups[ft.target].label
        base = fields.fmt_de(ft.per, 0)
        thr = fields.fmt_de(ft.threshold_m, 0)
        lines.append(f"{ft.label}: {ft.capacity or 'Einrichtungen'} je {base} {group}; in Reichweite: ≤ {thr} m")
    note = (
        "Anzahl (Kap.): geöffnete Einrichtungen (ihre Kapazität). Versorgung: Kapazität je Bezugsgröße der Zielgruppe "
        "im Sozialraum, in der Gemeinde und im Kreis. Reichweite: Anteil der Zielgruppe mit höchstens der Schwelle "
        "des Typs über das Wegenetz; außerhalb: Personen jenseits der Schwelle. "
        + (mode_note or "")
        + "\n"
        + " · ".join(lines)
    )
    _label(lay, "offers_note", m, ttop + 80, w - 2 * m, 45, note, 7, color="#333333")
    return keep
