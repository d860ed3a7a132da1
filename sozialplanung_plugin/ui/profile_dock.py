"""Social-space profile dock: one space's indicator values against its municipality and the county.

Click a space on the map (map tool) or choose it in the list. Reads the layer written by 'Aggregate indicators'
(wide `<id>_<year>` or long with a `year` field; references `<id>_ref_mun_<year>`, `<id>_ref_county_<year>`,
flags `<id>_flag_<year>`), plus, when present, composite-index fields (`<p>_class`, `<p>_value`, `<p>_rank`)
and action-field flags (`hf_<field>`). The trend chart is a small QPainter widget: no matplotlib at start-up.
"""


from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMapLayerComboBox, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import LayerFilter
from ..core import fields as contract
from ..processing.base import attr_number, attr_text
from . import common
from .spine import SpineChart

SERIES_COLOURS = ("#c0392b", "#2471a3", "#7f8c8d")  # space, municipality, county
KEY_FIELDS = ("key", "sr_id", "id")
NAME_FIELDS = ("name", "sr_name", "bezeichnung")


# ----------------------------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------------------------
class SpaceProfile:
    """The values of one space read from its feature(s): rows per indicator, years, index, action fields."""

    def __init__(self, layer, key, catalogue):
        self.layer = layer
        self.key = key
        self.name = ""
        self.years = []
        self.rows = []  # [{"ind": Indicator, "values": {year: (space, mun, county, flag)}}]
        self.index = []  # [(prefix, class, value, rank)]
        self.action_fields = []  # [(id, label, on)]
        self.flagged_labels = []  # labels of the flagged action fields, as the typology wrote them
        self._read(catalogue)

    def _read(self, catalogue):
        layer = self.layer
        names = common.layer_field_names(layer)
        fi = common.FieldIndex(names)
        key_field = key_field_of(names)
        name_field = next((n for n in NAME_FIELDS if n in fi.set), None)
        long_layout = "year" in fi.set
        expr = f"\"{key_field}\" = '{str(self.key).replace(chr(39), chr(39) * 2)}'"
        feats = list(layer.getFeatures(QgsFeatureRequest().setFilterExpression(expr)))
        if not feats:
            return
        first = feats[0]
        self.name = attr_text(first[name_field]) if name_field else ""
        ids = [i for i in catalogue.indicators if fi.has_indicator(i)] if catalogue is not None else []
        years = set()
        for ind_id in ids:
            ind = catalogue.indicators[ind_id]
            values = {}
            for f in feats:
                ys = fi.years(ind_id)
                if long_layout and ys == [None]:
                    y = attr_number(f["year"])
                    ys_here = [(int(y) if y is not None else None, None)]
                else:
                    ys_here = [(y, y) for y in ys]
                for year, suffix in ys_here:

                    def get(part, _f=f, _s=suffix, _i=ind_id):
                        name = fi.get(_i, part, _s)
                        return _f[name] if name else None

                    flag = attr_text(get("flag"))
                    space = None if flag == contract.FLAG_SUPPRESSED else attr_number(get(""))
                    values[year] = (space, attr_number(get("ref_mun")), attr_number(get("ref_county")), flag)
                    if year is not None:
                        years.add(year)
            self.rows.append({"ind": ind, "values": values})
        self.years = sorted(years)
        last = feats[-1] if not long_layout else max(feats, key=lambda f: attr_number(f["year"]) or 0)
        for prefix, value_f, rank_f, class_f in fi.index_fields():
            label_f = fi.get(prefix, "label")  # compositeindex writes '<p>_label', e.g. '5 (> 0,61)'
            cls = attr_text(last[label_f]) if label_f and attr_text(last[label_f]) else attr_text(last[class_f])
            self.index.append(
                (
                    prefix,
                    cls,
                    attr_number(last[value_f]) if value_f else None,
                    attr_number(last[rank_f]) if rank_f else None,
                )
            )
        # actionfieldtypology: 'hf_<id>' 0/1 per rule set field, 'hf_fields' = labels of the flagged ones
        labels = dict(catalogue.action_fields) if catalogue is not None else {}
        flagged_text = attr_text(last["hf_fields"]) if "hf_fields" in fi.set else ""
        flagged_labels = [t.strip() for t in flagged_text.split(";") if t.strip()]
        for af in fi.action_field_flags():
            on = bool(attr_number(last["hf_" + af]))
            self.action_fields.append((af, labels.get(af, af), on))
        self.flagged_labels = flagged_labels or [label for _af, label, on in self.action_fields if on]

    def row(self, ind_id):
        return next((r for r in self.rows if r["ind"].id == ind_id), None)

    def value(self, ind_id, year):
        r = self.row(ind_id)
        return r["values"].get(year) if r else None


def key_field_of(names):
    return next((n for n in KEY_FIELDS if n in names), names[0] if names else "")


# ----------------------------------------------------------------------------------------------------
# the trend chart
# ----------------------------------------------------------------------------------------------------
class TrendChart(QWidget):
    """Lines over the years: the space, its municipality and the county. Gaps where a value is missing or
    suppressed (a '•' on the axis marks suppressed years)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trend")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.unit = ""
        self.years = []
        self.series = []  # [(label, colour, [value or None per year])]
        self.suppressed = []
        self.decimals = 1

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("TrendChart", string)

    def sizeHint(self):  # noqa: N802
        return QSize(320, 180)

    def set_data(self, title, unit, years, series, suppressed=(), decimals=1):
        self.title, self.unit, self.years = title, unit, list(years)
        self.series, self.suppressed, self.decimals = list(series), list(suppressed), decimals
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self):
        """The chart as text (screen readers, tests)."""
        parts = []
        for label, _c, vals in self.series:
            parts.append(
                f"{label}: "
                + ", ".join(f"{y} {contract.fmt_de(v, self.decimals) or '–'}" for y, v in zip(self.years, vals))
            )
        return f"{self.title} ({self.unit}). " + "; ".join(parts)

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        fm = p.fontMetrics()
        text_pen = QPen(pal.text().color())
        w, h = self.width(), self.height()
        title = self.title + (f" ({self.unit})" if self.unit else "")
        p.setPen(text_pen)
        bold = QFont(p.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(
            QRectF(6, 2, w - 12, fm.height() + 2),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(title, Qt.TextElideMode.ElideRight, w - 12),
        )
        p.setFont(self.font())
        values = [v for _l, _c, vals in self.series for v in vals if v is not None]
        if not self.years or not values:
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No values") if self.title else self.tr("Choose a social space"),
            )
            p.end()
            return
        lo, hi = min(values), max(values)
        if lo == hi:
            lo, hi = lo - (abs(lo) * 0.1 or 1), hi + (abs(hi) * 0.1 or 1)
        pad = (hi - lo) * 0.08
        lo, hi = lo - pad, hi + pad
        if min(values) >= 0 and lo < 0:
            lo = 0.0
        ticks, step = contract.nice_ticks(lo, hi, 4)
        lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
        tick_dec = contract.tick_decimals(ticks, step, self.decimals)
        label_w = max(fm.horizontalAdvance(contract.fmt_de(t, tick_dec)) for t in ticks) + 8
        legend_h = fm.height() + 6
        top = fm.height() + 8
        last_w = fm.horizontalAdvance(str(self.years[-1]) + " •") if self.years else 0
        left, right, bottom = label_w + 4, w - max(12, last_w // 2 + 6), h - fm.height() - 6 - legend_h
        if bottom - top < 30 or right - left < 40:
            p.end()
            return
        plot = QRectF(left, top, right - left, bottom - top)

        fractions = time_fractions(self.years)  # 2009 -> 2014 five times as wide as 2023 -> 2024

        def x_of(i):
            return plot.left() + plot.width() * fractions[i]

        def y_of(v):
            return plot.bottom() - (v - lo) / (hi - lo) * plot.height()

        grid = QPen(QColor(pal.text().color()))
        grid.setColor(QColor(128, 128, 128, 70))
        for t in ticks:
            y = y_of(t)
            p.setPen(grid)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text_pen)
            p.drawText(
                QRectF(0, y - fm.height() / 2, label_w, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                contract.fmt_de(t, tick_dec),
            )
        p.setPen(text_pen)
        labels = [str(year) + (" •" if year in self.suppressed else "") for year in self.years]
        widths = [fm.horizontalAdvance(t) + 6 for t in labels]
        for i in axis_labels_shown([x_of(i) for i in range(len(labels))], widths):
            tw = widths[i] - 6
            p.drawText(
                QRectF(x_of(i) - tw / 2 - 2, plot.bottom() + 2, tw + 4, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                labels[i],
            )
        for k, (_label, colour, vals) in enumerate(self.series):
            pen = QPen(QColor(colour), (2.6, 3.2, 1.4)[min(k, 2)])  # municipality wide, county thin dashed
            if k == 2:  # on top: both visible where they agree
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            path, drawing = QPainterPath(), False
            for i, v in enumerate(vals):
                if v is None:
                    drawing = False
                    continue
                pt = QPointF(x_of(i), y_of(v))
                if drawing:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    drawing = True
            p.drawPath(path)
            p.setBrush(QBrush(QColor(colour)))
            for i, v in enumerate(vals):
                if v is not None:
                    p.drawEllipse(QPointF(x_of(i), y_of(v)), 2.6 if k == 0 else 2.0, 2.6 if k == 0 else 2.0)
            p.setBrush(Qt.BrushStyle.NoBrush)
        # legend
        x = plot.left()
        y = h - legend_h + 2
        for _k, (label, colour, _vals) in enumerate(self.series):
            pen = QPen(QColor(colour), 2.4)
            if _k == 2:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, y + fm.height() / 2), QPointF(x + 16, y + fm.height() / 2))
            p.setPen(text_pen)
            text = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(40, int((w - left) / 3) - 26))
            p.drawText(QPointF(x + 20, y + fm.ascent()), text)
            x += 26 + fm.horizontalAdvance(text) + 10
        p.end()


def time_fractions(years):
    """Position of each year on the x axis as a share of the axis, spaced by time (as the printed chart), not
    evenly: 2009, 2014, 2023, 2024 -> 0, 5/15, 14/15, 1. One year (or none with a number) sits in the middle."""
    nums = [y for y in years if isinstance(y, (int, float))]
    if len(nums) != len(years) or len(years) < 2 or max(nums) == min(nums):
        n = len(years)
        return [i / (n - 1) for i in range(n)] if n > 1 else [0.5] * n
    lo, hi = min(nums), max(nums)
    return [(y - lo) / (hi - lo) for y in years]


def axis_labels_shown(xs, widths):
    """Indexes of the year labels that fit without overlapping: the last always, then right to left."""
    shown, left_edge = [], None
    for i in range(len(xs) - 1, -1, -1):
        right = xs[i] + widths[i] / 2
        if left_edge is None or right <= left_edge:
            shown.append(i)
            left_edge = xs[i] - widths[i] / 2
    return sorted(shown)


# ----------------------------------------------------------------------------------------------------
# the map tool
# ----------------------------------------------------------------------------------------------------
class SpacePickTool(QgsMapToolEmitPoint):
    """Click on the map -> the space under the point in the profile layer (signal picked(key))."""

    picked = pyqtSignal(str)

    def __init__(self, canvas, layer_getter):
        super().__init__(canvas)
        self.layer_getter = layer_getter
        self.canvasClicked.connect(self._clicked)

    def _clicked(self, point, button):
        if button != Qt.MouseButton.LeftButton:
            return
        key = self.space_at(point)
        if key is not None:
            self.picked.emit(key)

    def space_at(self, map_point):
        layer = self.layer_getter()
        if layer is None:
            return None
        pt = self.canvas().mapSettings().mapToLayerCoordinates(layer, QgsPointXY(map_point))
        geom_pt = QgsGeometry.fromPointXY(pt)
        tol = max(1e-9, abs(pt.x()) * 1e-12)  # bounding-box prefilter only; polygons must contain the point
        rect = QgsRectangle(pt.x() - tol, pt.y() - tol, pt.x() + tol, pt.y() + tol)
        key_field = key_field_of(common.layer_field_names(layer))
        hits = []
        for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)):
            g = f.geometry()
            if g is None or g.isEmpty():
                continue
            if g.type() == QgsWkbTypes.GeometryType.PolygonGeometry and not g.contains(geom_pt):
                continue
            hits.append(f)
        if not hits:
            return None
        return attr_text(hits[0][key_field])


# ----------------------------------------------------------------------------------------------------
# the dock
# ----------------------------------------------------------------------------------------------------
class ProfileDock(QDockWidget):
    """Profile of one social space. `canvas` is the map canvas for the pick tool (iface.mapCanvas() in QGIS)."""

    COLUMNS = ("indicator", "space", "municipality", "county")

    def __init__(self, iface=None, parent=None, canvas=None, project=None, settings_name="profile"):
        super().__init__(self.tr("Social-space profile"), parent)
        self.iface = iface
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.project = project or QgsProject.instance()
        self.setObjectName("SozialplanungProfileDock")
        self.settings = common.DockSettings(settings_name)
        self.catalogue = None
        self.profile = None
        self.tool = None
        self.highlight = None
        self._stale = False
        self._restoring = True

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        row = QHBoxLayout()
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_combo.setObjectName("layer")
        self.layer_combo.setFilters(_polygon_filter())
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setToolTip(
            self.tr("Social spaces with indicator values (output of 'Aggregate indicators', level social spaces)")
        )
        self.pick_button = QToolButton(body)
        self.pick_button.setObjectName("pick")
        self.pick_button.setCheckable(True)
        from qgis.core import QgsApplication

        self.pick_button.setIcon(QgsApplication.getThemeIcon("/mActionIdentify.svg"))
        self.pick_button.setText(self.tr("Pick"))
        self.pick_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.pick_button.setToolTip(self.tr("Click a social space on the map to show its profile"))
        self.pick_button.setEnabled(self.canvas is not None)
        row.addWidget(self.layer_combo, 1)
        row.addWidget(self.pick_button)
        layout.addLayout(row)

        row = QHBoxLayout()
        self.space_combo = QComboBox(body)
        self.space_combo.setObjectName("space")
        self.space_combo.setEditable(True)
        self.space_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.space_combo.setToolTip(self.tr("Choose a social space (type to search)"))
        self.space_combo.lineEdit().setPlaceholderText(self.tr("Social space…"))
        completer = self.space_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.year_combo = QComboBox(body)
        self.year_combo.setObjectName("year")
        self.year_combo.setToolTip(self.tr("Year of the values in the table"))
        row.addWidget(self.space_combo, 3)
        row.addWidget(self.year_combo, 1)
        layout.addLayout(row)

        self.header = QLabel(body)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)

        self.table = QTableWidget(0, len(self.COLUMNS), body)
        self.table.setObjectName("values")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Indicator"), self.tr("Space"), self.tr("Municipality"), self.tr("County")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(self.COLUMNS)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.chart = TrendChart(body)
        self.spine = SpineChart(body)  # the space against all spaces and the county (strengths/weaknesses)
        self.splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.spine)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.legend = QLabel(self.tr("• suppressed  ≈ unreliable  ≥ incomplete (lower bound)"), body)
        self.legend.setObjectName("legend")
        self.legend.setStyleSheet("QLabel { color: #666; }")
        layout.addWidget(self.legend)
        self.setWidget(body)

        for a, b in zip(
            [self.layer_combo, self.pick_button, self.space_combo, self.year_combo, self.table],
            [self.pick_button, self.space_combo, self.year_combo, self.table, self.layer_combo],
        ):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.space_combo)

        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.space_combo.activated.connect(self._space_chosen)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.table.currentCellChanged.connect(lambda r, *_: self._show_trend(r))
        self.pick_button.toggled.connect(self._pick_toggled)
        self.splitter.splitterMoved.connect(lambda *_: self.save_state())
        self.restore_state()
        self._restoring = False
        self._layer_changed(self.layer_combo.currentLayer())

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("ProfileDock", string)

    # ------------------------------------------------------------------------------------------------
    def _catalogue(self):
        if self.catalogue is None:
            self.catalogue, _err = common.current_catalogue()
        return self.catalogue

    def current_layer(self):
        return self.layer_combo.currentLayer()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._layer_changed()

    def _layer_changed(self, _layer=None):
        layer = self.layer_combo.currentLayer()  # the signal's argument is typed QgsMapLayer (no fields())
        if not self.isVisible():
            # hidden (e.g. QGIS loading a project picks a layer): list the spaces when the dock is shown
            self._stale = True
            return
        self._stale = False
        self.space_combo.blockSignals(True)
        self.space_combo.clear()
        if layer is not None:
            names = common.layer_field_names(layer)
            key_f = key_field_of(names)
            name_f = next((n for n in NAME_FIELDS if n in names), None)
            seen = set()
            entries = []
            req = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
            req.setSubsetOfAttributes([n for n in (key_f, name_f) if n], layer.fields())
            for f in layer.getFeatures(req):
                key = attr_text(f[key_f])
                if key in seen:
                    continue
                seen.add(key)
                name = attr_text(f[name_f]) if name_f else ""
                entries.append((f"{name} ({key})" if name and name != key else key, key))
            for label, key in sorted(entries, key=lambda e: common.fold(e[0])):
                self.space_combo.addItem(label, key)
        self.space_combo.setCurrentIndex(-1)
        self.space_combo.blockSignals(False)
        self.profile = None
        self._render()
        if not self._restoring:
            self.save_state()
            last = self.settings.value("space", "")
            if last and self.space_combo.findData(last) >= 0:
                self.show_space(last)

    def _space_chosen(self, index):
        key = self.space_combo.itemData(index)
        if key is not None:
            self.show_space(key)

    def show_space(self, key, layer=None):
        """Show the profile of the space with this key (in `layer` or the chosen layer); returns the profile."""
        if layer is not None and layer is not self.layer_combo.currentLayer():
            self.layer_combo.setLayer(layer)
        layer = self.layer_combo.currentLayer()
        if layer is None:
            return None
        self.profile = SpaceProfile(layer, key, self._catalogue())
        idx = self.space_combo.findData(key)
        self.space_combo.blockSignals(True)
        self.space_combo.setCurrentIndex(idx)
        self.space_combo.blockSignals(False)
        years = self.profile.years
        keep = self.year_combo.currentData()
        if keep is None:  # first profile after a restart: the year chosen last time
            saved = self.settings.value("year", None)
            keep = int(saved) if str(saved or "").isdigit() else None
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        if years:
            self.year_combo.setCurrentIndex(years.index(keep) if keep in years else len(years) - 1)
        self.year_combo.blockSignals(False)
        self._render()
        self._highlight(layer, key)
        self.settings.set("space", str(key))
        return self.profile

    def _highlight(self, layer, key):
        """Outline the space on the map canvas (removed with the next space, on close and on unload)."""
        self._clear_highlight()
        if self.canvas is None:
            return
        from qgis.gui import QgsHighlight

        key_field = key_field_of(common.layer_field_names(layer))
        expr = f"\"{key_field}\" = '{str(key).replace(chr(39), chr(39) * 2)}'"
        feat = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(expr)), None)
        if feat is None or not feat.hasGeometry():
            return
        hl = QgsHighlight(self.canvas, feat.geometry(), layer)
        hl.setColor(QColor(SERIES_COLOURS[0]))
        hl.setWidth(3)
        hl.setFillColor(QColor(0, 0, 0, 0))
        hl.show()
        self.highlight = hl

    def _clear_highlight(self):
        hl, self.highlight = self.highlight, None
        if hl is not None and self.canvas is not None:
            hl.hide()
            self.canvas.scene().removeItem(hl)

    def _year_changed(self, _i):
        self._render()
        self.save_state()

    def current_year(self):
        return self.year_combo.currentData()

    # ------------------------------------------------------------------------------------------------
    def _render(self):
        prof = self.profile
        keep_row = max(0, self.table.currentRow())
        self.table.setRowCount(0)
        if prof is None:
            self.header.setText(self.tr("<i>Pick a social space on the map or choose it in the list.</i>"))
            self.chart.set_data("", "", [], [])
            self.spine.clear()
            return
        year = self.current_year()
        self.spine.show_space(self.layer_combo.currentLayer(), prof.key, self._catalogue(), year)
        e = _html
        head = f"<b>{e(prof.name or prof.key)}</b> <span style='color:#666'>{e(prof.key)}</span>"
        extra = []
        for prefix, cls, value, rank in prof.index:
            if prefix == "idx":  # the composite index's default prefix: no need to show it
                txt = self.tr("Index: class <b>{c}</b>").format(c=e(cls or "–"))
            else:
                txt = self.tr("Index {p}: class <b>{c}</b>").format(p=e(prefix), c=e(cls or "–"))
            if value is not None:
                txt += f", {self.tr('value')} {contract.fmt_de(value, 2)}"
            if rank is not None:
                txt += f", {self.tr('rank')} {int(rank)}"
            extra.append(txt)
        if prof.action_fields:
            on = prof.flagged_labels
            extra.append(
                self.tr("Action fields: {}").format(
                    "<b>" + e("; ".join(on)) + "</b>" if on else self.tr("none flagged")
                )
            )
        if not prof.rows:
            extra.append(self.tr("No indicator values of the catalogue in this layer."))
        self.header.setText(head + "".join(f"<br>{t}" for t in extra))

        self.table.setRowCount(len(prof.rows))
        worse, better = QColor(231, 76, 60, 45), QColor(39, 174, 96, 45)
        for r, row in enumerate(prof.rows):
            ind = row["ind"]
            dec = contract.decimals_for(ind.unit)
            space, mun, county, flag = row["values"].get(year, (None, None, None, ""))
            label = ind.short_name or ind.name
            if ind.unit not in ("absolute", "persons", "index", ""):
                label += f" ({ind.unit})"
            name_item = QTableWidgetItem(label)
            name_item.setToolTip(f"{ind.name} ({ind.unit}) – {ind.id}")
            name_item.setData(Qt.ItemDataRole.UserRole, ind.id)
            self.table.setItem(r, 0, name_item)
            text = contract.mark_text(space, flag, dec)
            cells = [text, contract.fmt_de(mun, dec), contract.fmt_de(county, dec)]
            for c, t in enumerate(cells, start=1):
                it = QTableWidgetItem(t)
                it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 1 and flag:
                    it.setToolTip(flag)
                self.table.setItem(r, c, it)
            if space is not None and county is not None and ind.polarity in ("higher_worse", "higher_better"):
                bad = space > county if ind.polarity == "higher_worse" else space < county
                if space != county:
                    self.table.item(r, 1).setBackground(worse if bad else better)
        if prof.rows:
            if self.table.property("restored") is None:  # first profile after a restart: the indicator of last time
                self.table.setProperty("restored", True)
                saved = self.settings.value("indicator", "")
                keep_row = next((r for r, row in enumerate(prof.rows) if row["ind"].id == saved), keep_row)
            self.table.setCurrentCell(min(keep_row, len(prof.rows) - 1), 0)
            self._show_trend(self.table.currentRow())

    def _show_trend(self, r):
        prof = self.profile
        if prof is None or r < 0 or r >= len(prof.rows):
            return
        row = prof.rows[r]
        ind = row["ind"]
        years = prof.years
        vals = [row["values"].get(y, (None, None, None, "")) for y in years]
        series = [
            (prof.name or prof.key, SERIES_COLOURS[0], [v[0] for v in vals]),
            (self.tr("Municipality"), SERIES_COLOURS[1], [v[1] for v in vals]),
            (self.tr("County"), SERIES_COLOURS[2], [v[2] for v in vals]),
        ]
        series = [s for s in series if any(v is not None for v in s[2])] or series[:1]
        self.chart.set_data(
            ind.short_name or ind.name,
            ind.unit,
            years,
            series,
            suppressed=[y for y, v in zip(years, vals) if v[3] == contract.FLAG_SUPPRESSED],
            decimals=contract.decimals_for(ind.unit),
        )
        self.save_state()

    def current_indicator_id(self):
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # ------------------------------------------------------------------------------------------------
    # map tool
    # ------------------------------------------------------------------------------------------------
    def _pick_toggled(self, on):
        if self.canvas is None:
            return
        if on:
            if self.tool is None:
                self.tool = SpacePickTool(self.canvas, self.current_layer)
                self.tool.picked.connect(self.show_space)
                self.tool.deactivated.connect(lambda: self.pick_button.setChecked(False))
            self.canvas.setMapTool(self.tool)
        elif self.tool is not None and self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)

    def release_tool(self):
        """Unset the pick tool and remove the highlight (before the dock goes away)."""
        if self.tool is not None and self.canvas is not None and self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)
        self.tool = None
        self._clear_highlight()

    # ------------------------------------------------------------------------------------------------
    def save_state(self):
        if self._restoring:
            return
        layer = self.layer_combo.currentLayer()
        self.settings.set("layer", layer.name() if layer is not None else "")
        if self.current_year() is not None:
            self.settings.set("year", int(self.current_year()))
        if self.current_indicator_id():
            self.settings.set("indicator", self.current_indicator_id())
        self.settings.set("splitter", bytes(self.splitter.saveState().toBase64()).decode("ascii"))

    def restore_state(self):
        from qgis.PyQt.QtCore import QByteArray

        name = self.settings.value("layer", "") or ""
        for lyr in self.project.mapLayersByName(name) if name else []:
            self.layer_combo.setLayer(lyr)
            break
        split = self.settings.value("splitter", "") or ""
        if split:
            self.splitter.restoreState(QByteArray.fromBase64(str(split).encode("ascii")))

    def closeEvent(self, event):  # noqa: N802
        self.save_state()
        if self.pick_button.isChecked():
            self.pick_button.setChecked(False)
        self._clear_highlight()
        super().closeEvent(event)


def _html(text):
    import html

    return html.escape(str(text))


def _polygon_filter():
    try:
        from qgis.core import Qgis

        return Qgis.LayerFilter.PolygonLayer  # QGIS >= 3.34
    except AttributeError:
        return LayerFilter.PolygonLayer
