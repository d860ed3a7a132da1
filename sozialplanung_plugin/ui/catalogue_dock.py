"""Indicator catalogue dock: find, understand and use the indicators of the catalogue.

Tree by topic field, search (umlaut-folded, every word must occur), filters (kind, action field, available in
the chosen layer), a details pane, and actions: styled map layer, composite-index dialog with the selected
indicators, the county's own indicators (form with the validator's messages), import and export.

The catalogue is loaded when the dock is first shown, not at QGIS start-up; nothing heavy is imported at module
level. Long work (export, import) runs as a task in the QGIS task manager. `iface` may be None (tests) and the
project may be passed in, so the dock can be driven without QGIS desktop.
"""

import html
import os

from qgis.core import QgsApplication, QgsProject, QgsTask
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..compat import LayerFilter
from ..core import fields as contract
from ..toolbelt.log import log, log_error
from . import common

ROLE_ID = Qt.ItemDataRole.UserRole
INDEX_ALG = "sozialplanung:compositeindex"
EXPORT_ALG = "sozialplanung:exportcatalogue"
#: parameter names the composite-index algorithm may use for its indicator list, in order of preference
INDEX_PARAM_NAMES = ("INDICATORS", "FIELDS", "INDICATOR_FIELDS")


def _icon(name):
    return QgsApplication.getThemeIcon(name)


class CatalogueDock(QDockWidget):
    """The catalogue browser. `project` defaults to QgsProject.instance()."""

    def __init__(self, iface=None, parent=None, project=None, settings_name="catalogue"):
        super().__init__(self.tr("Indicator catalogue"), parent)
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.setObjectName("SozialplanungCatalogueDock")
        self.settings = common.DockSettings(settings_name)
        self.catalogue = None
        self.catalogue_error = ""
        self.form = None  # the open indicator form (add/edit), for tests and to avoid two at once
        self.last_run = None  # the last background task (export/import)
        self.index_dialog = None
        self._items = []  # [(item, id, folded text, kind, set(action fields))]
        self._topics = {}
        self._fields = common.FieldIndex([])
        self._fields_stamp = None
        self._restoring = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        self.search = QLineEdit(body)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search: name, short name, id, description…"))
        self.search.setToolTip(
            self.tr("Every word must occur; ä = ae = a, ß = ss. Down or Enter: go to the list. Esc: clear.")
        )
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        row = QHBoxLayout()
        self.kind_combo = QComboBox(body)
        self.kind_combo.setObjectName("kind_filter")
        self.kind_combo.setToolTip(
            self.tr("Status indicators (value at a reference date) or dynamics (change over time)")
        )
        self.kind_combo.addItem(self.tr("All kinds"), "")
        self.kind_combo.addItem(self.tr("Status"), "status")
        self.kind_combo.addItem(self.tr("Dynamics"), "dynamics")
        self.field_combo = QComboBox(body)
        self.field_combo.setObjectName("action_field_filter")
        self.field_combo.setToolTip(self.tr("Only indicators used in this action field"))
        self.field_combo.addItem(self.tr("All action fields"), "")
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.field_combo, 2)
        layout.addLayout(row)

        row = QHBoxLayout()
        self.layer_label = QLabel(self.tr("Values in"), body)
        self.layer_label.setObjectName("layer_label")
        row.addWidget(self.layer_label)
        self.layer_combo = QgsMapLayerComboBox(body)
        self.layer_label.setBuddy(self.layer_combo)
        self.layer_combo.setObjectName("layer")
        self.layer_combo.setFilters(_vector_filter())
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setToolTip(
            self.tr(
                "Layer with indicator values (output of 'Aggregate indicators'): "
                "for the map, the index and the availability filter"
            )
        )
        self.year_combo = QComboBox(body)
        self.year_combo.setObjectName("year")
        self.year_combo.setToolTip(self.tr("Year of the values to map"))
        self.year_combo.setMinimumContentsLength(4)
        self.available_check = QCheckBox(self.tr("In layer"), body)
        self.available_check.setObjectName("available_filter")
        self.available_check.setToolTip(self.tr("Only indicators with values in the chosen layer"))
        row.addWidget(self.layer_combo, 3)
        row.addWidget(self.year_combo, 1)
        row.addWidget(self.available_check)
        layout.addLayout(row)

        self.tree = QTreeWidget(body)
        self.tree.setObjectName("tree")
        self.tree.setHeaderLabels([self.tr("Indicator"), self.tr("Unit")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        head = self.tree.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # ResizeToContents measures every row
        head.resizeSection(1, self.tree.fontMetrics().horizontalAdvance("per 100,000") + 16)
        self.tree.setToolTip(
            self.tr(
                "Enter: add to map · Insert: new · F2: edit · Delete: remove · Ctrl+click: select several for the index"
            )
        )
        self.details = QTextBrowser(body)
        self.details.setObjectName("details")
        self.details.setOpenExternalLinks(True)
        self.details.setTabChangesFocus(True)
        self.splitter = QSplitter(Qt.Orientation.Vertical, body)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        row = QHBoxLayout()
        self.map_button = self._button(
            "add_to_map",
            "/mActionAddLayer.svg",
            self.tr("Map"),
            self.tr("Add the indicator to the map as a styled layer (layer and year above) – Enter in the list"),
            self.add_to_map,
        )
        self.index_button = self._button(
            "composite_index",
            "/processingAlgorithm.svg",
            self.tr("Index…"),
            self.tr("Open the composite index with the selected indicators"),
            self.open_composite_index,
        )
        self.new_button = self._button(
            "new", "/symbologyAdd.svg", "", self.tr("New county indicator (Insert)"), self.new_indicator
        )
        self.edit_button = self._button(
            "edit",
            "/mActionToggleEditing.svg",
            "",
            self.tr("Edit the indicator for the county (F2)"),
            self.edit_indicator,
        )
        self.remove_button = self._button(
            "remove",
            "/symbologyRemove.svg",
            "",
            self.tr("Remove the county indicator or switch a default indicator off (Delete)"),
            self.remove_indicator,
        )
        self.import_button = self._button(
            "import",
            "/mActionFileOpen.svg",
            "",
            self.tr("Import a county catalogue (YAML, XLSX, CSV)"),
            self.import_catalogue,
        )
        self.export_button = self._button(
            "export",
            "/mActionFileSave.svg",
            "",
            self.tr("Export the catalogue (XLSX, CSV, YAML)"),
            self.export_catalogue,
        )
        # no mnemonics (&Map): Alt+letter would collide with the QGIS menu bar (Alt+M = Mesh, Alt+P = Plugins)
        for b in (self.map_button, self.index_button):
            row.addWidget(b)
        row.addStretch(1)
        for b in (self.new_button, self.edit_button, self.remove_button, self.import_button, self.export_button):
            row.addWidget(b)
        layout.addLayout(row)

        self.status = QLabel(body)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.setWidget(body)

        # keyboard: tab order top to bottom, the search box takes the focus when the dock gets it
        chain = [
            self.search,
            self.kind_combo,
            self.field_combo,
            self.layer_combo,
            self.year_combo,
            self.available_check,
            self.tree,
            self.details,
            self.map_button,
            self.index_button,
            self.new_button,
            self.edit_button,
            self.remove_button,
            self.import_button,
            self.export_button,
        ]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.search)
        self.search.installEventFilter(self)
        self.tree.installEventFilter(self)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save_state)

        self.search.textChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self._state_changed)
        self.kind_combo.currentIndexChanged.connect(self._filters_changed)
        self.field_combo.currentIndexChanged.connect(self._filters_changed)
        self.available_check.toggled.connect(self._filters_changed)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        project = QgsProject.instance()
        project.layersAdded.connect(self.filter_layers)
        project.layersRemoved.connect(self.filter_layers)
        self.year_combo.currentIndexChanged.connect(self._state_changed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda item, _col: item.data(0, ROLE_ID) and self.add_to_map())
        self.splitter.splitterMoved.connect(self._state_changed)
        self.restore_state()
        self._update_buttons()

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("CatalogueDock", string)

    def _button(self, name, icon, text, tip, slot):
        b = QToolButton(self)
        b.setObjectName(name)
        b.setIcon(_icon(icon))
        if text:
            b.setText(text)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.clicked.connect(lambda _checked=False: slot())
        return b

    # ------------------------------------------------------------------------------------------------
    # loading
    # ------------------------------------------------------------------------------------------------
    def showEvent(self, event):  # noqa: N802
        if self.catalogue is None:
            if common.catalogue_is_cached() or not common.overlay_is_large():
                self.load()
            else:
                self._load_in_background()
        super().showEvent(event)

    def _load_in_background(self):
        """First opening with a large county file not parsed yet: never block the GUI. Show the shipped catalogue
        at once (parsed in milliseconds) and add the county's indicators when a background task has parsed them."""
        from ..core.catalogue import default_catalogue

        self.load(default_catalogue())
        self._provisional = True
        self.show_message(self.tr("Loading the county's own indicators…"), sticky=False)
        self._start_parse_task(self._background_loaded)

    def _background_loaded(self):
        if getattr(self, "_provisional", False):
            self._provisional = False
            self.status.setText("")
            self.load()  # from the cache the task has filled: only the tree is built here

    def load(self, catalogue=None):
        """Fill the tree from `catalogue` or the current one (default + the county's file)."""
        if catalogue is None:
            try:
                catalogue, self.catalogue_error = common.current_catalogue()
            except Exception as err:  # a broken installation must not break QGIS: say what is wrong
                log_error(err, "Catalogue dock: loading the catalogue")
                self.catalogue_error = str(err)
                self.details.setPlainText(self.tr("The indicator catalogue could not be loaded:\n{}").format(err))
                return
        else:
            self.catalogue_error = ""
        current = self.current_id() or self.settings.value("current", "")
        self.catalogue = catalogue
        self.filter_layers()
        from ..core.catalogue import DEFAULT_PATH

        default_file = os.path.abspath(DEFAULT_PATH)
        own = {i.id for i in catalogue.indicators.values() if i.origin and os.path.abspath(i.origin) != default_file}

        self.tree.setUpdatesEnabled(False)
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self._items = []
            self._topics = {}
            italic = QFont(self.tree.font())
            italic.setItalic(True)
            bold = QFont(self.tree.font())
            bold.setBold(True)
            top_items = []
            for topic, inds in catalogue.by_topic().items():
                if not inds:
                    continue
                parent = QTreeWidgetItem([topic, ""])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                parent.setFont(0, bold)
                self._topics[topic] = parent
                children = []
                for ind in inds:
                    label = ind.name + (" (Δ)" if ind.kind == "dynamics" else "")
                    item = QTreeWidgetItem([label, ind.unit])
                    item.setData(0, ROLE_ID, ind.id)
                    if ind.id in own:
                        item.setFont(0, italic)
                        item.setToolTip(0, self.tr("County indicator") + f" – {ind.id}")
                    else:
                        item.setToolTip(0, f"{ind.id}: {ind.description or ind.name}")
                    hay = common.fold(" ".join((ind.id, ind.name, ind.short_name, ind.description)))
                    self._items.append((item, ind.id, hay, ind.kind, set(ind.action_fields)))
                    children.append(item)
                parent.addChildren(children)  # in one go: far cheaper than one insert per item
                top_items.append(parent)
            self.tree.addTopLevelItems(top_items)
            self.tree.expandAll()
        finally:
            self.tree.blockSignals(False)
            self.tree.setUpdatesEnabled(True)

        keep = (
            self.settings.value("action_field", "") if self.field_combo.count() <= 1 else self.field_combo.currentData()
        )
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(self.tr("All action fields"), "")
        for af_id, label in catalogue.action_fields.items():
            self.field_combo.addItem(label, af_id)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findData(keep)))
        self.field_combo.blockSignals(False)

        self.apply_filter()
        if current:
            self.select(current)
        if self.catalogue_error:
            self.show_message(
                self.tr("Your county catalogue has a problem; the default catalogue is shown:\n{}").format(
                    self.catalogue_error
                ),
                error=True,
            )

    def schedule_prewarm(self, delay_ms=3000):
        """Parse the catalogue in a background task a moment after QGIS has started, so the first opening of the
        dock only fills the tree (a county file with hundreds of indicators takes about half a second to parse).
        The timer belongs to the dock: unloading the plugin before it fires cancels it."""
        self._prewarm_timer = QTimer(self)
        self._prewarm_timer.setSingleShot(True)
        self._prewarm_timer.timeout.connect(self._prewarm)
        self._prewarm_timer.start(delay_ms)

    def _prewarm(self):
        if self.catalogue is not None:
            return
        self._start_parse_task()

    def _start_parse_task(self, on_done=None):
        """Parse default + county catalogue into the cache of ui.common in a QGIS task (worker thread)."""
        silent = getattr(QgsTask, "Silent", None)  # QGIS >= 3.26: no "task completed" notification
        flags = (QgsTask.Flag.CanCancel | silent) if silent is not None else QgsTask.Flag.CanCancel
        task = QgsTask.fromFunction(self.tr("Load indicator catalogue"), _prewarm_work, flags=flags)
        _PREWARM.append(task)
        task.taskCompleted.connect(lambda: _PREWARM.remove(task) if task in _PREWARM else None)
        task.taskTerminated.connect(lambda: _PREWARM.remove(task) if task in _PREWARM else None)
        if on_done is not None:  # a bound method of the dock: Qt disconnects it if the dock is deleted first
            task.taskCompleted.connect(on_done)
            task.taskTerminated.connect(on_done)
        QgsApplication.taskManager().addTask(task)

    def reload(self):
        common.forget_catalogue()
        self.catalogue = None
        self.load()

    # ------------------------------------------------------------------------------------------------
    # filtering
    # ------------------------------------------------------------------------------------------------
    def apply_filter(self, _text=None):
        """Hide what does not match the search words and filters; topics without a match are hidden too."""
        if self.catalogue is None:
            return 0
        terms = common.search_terms(self.search.text())
        kind = self.kind_combo.currentData() or ""
        action_field = self.field_combo.currentData() or ""
        only_available = self.available_check.isChecked() and self.layer_combo.currentLayer() is not None
        fields = self._current_fields()
        shown = 0
        visible_topics = set()
        self.tree.setUpdatesEnabled(False)
        try:
            for item, ind_id, hay, ind_kind, afs in self._items:
                hit = (
                    all(t in hay for t in terms)
                    and (not kind or ind_kind == kind)
                    and (not action_field or action_field in afs)
                    and (not only_available or fields.has_indicator(ind_id))
                )
                if item.isHidden() == hit:
                    item.setHidden(not hit)
                if hit:
                    shown += 1
                    visible_topics.add(id(item.parent()))
            for topic in self._topics.values():
                hide = id(topic) not in visible_topics
                if topic.isHidden() != hide:
                    topic.setHidden(hide)
        finally:
            self.tree.setUpdatesEnabled(True)
        total = len(self._items)
        if not self.status.property("sticky"):
            self.status.setText(
                self.tr("{} of {} indicators").format(shown, total)
                if shown != total
                else self.tr("{} indicators").format(total)
            )
        return shown

    def visible_ids(self):
        return [ind_id for item, ind_id, *_ in self._items if not item.isHidden() and not item.parent().isHidden()]

    def _filters_changed(self):
        self.apply_filter()
        self._state_changed()

    def filter_layers(self, *_args):
        """The layer box lists only layers that hold values of catalogue indicators (the outputs of 'Aggregate
        indicators', an index, the monitoring database): blocks, boundaries and base maps are left out."""
        if self.catalogue is None:
            return
        ids = set(self.catalogue.indicators)
        excepted = []
        for lyr in QgsProject.instance().mapLayers().values():
            names = common.layer_field_names(lyr)
            fields = common.FieldIndex(names)
            if not (ids & set(names) or ids & set(fields.by_base)):
                excepted.append(lyr)
        self.layer_combo.setExceptedLayerList(excepted)

    def _layer_changed(self, _layer=None):
        self._current_fields()
        self._fill_years()
        if self.available_check.isChecked():
            self.apply_filter()
        self._state_changed()

    def _current_fields(self):
        """FieldIndex of the chosen layer, re-read when the layer or its fields changed (the combo may pick a
        new layer without a signal, and the signal's argument is typed QgsMapLayer)."""
        layer = self.layer_combo.currentLayer()
        stamp = (layer.id(), layer.fields().count()) if layer is not None else None
        if stamp != self._fields_stamp:
            self._fields = common.FieldIndex(common.layer_field_names(layer) if layer is not None else [])
            self._fields_stamp = stamp
            self._fill_years()
        return self._fields

    def _fill_years(self):
        """Years of the chosen layer's values for the current indicator (all years of the layer if none)."""
        keep = self.year_combo.currentData()
        if keep is None:
            keep = self.settings.value("year", None)
        ind_id = self.current_id()
        self._current_fields()
        years = self._fields.years(ind_id) if ind_id else []
        if not years or years == [None]:
            years = self._fields.all_years() or years
        layer = self.layer_combo.currentLayer()
        if not years and layer is not None and "year" in self._fields.set:
            idx = layer.fields().indexOf("year")
            years = sorted(int(v) for v in layer.uniqueValues(idx) if v not in (None, "") and str(v).isdigit())
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y) if y is not None else self.tr("(no year)"), y)
        if self.year_combo.count():
            found = self.year_combo.findData(int(keep)) if str(keep or "").isdigit() else -1
            self.year_combo.setCurrentIndex(found if found >= 0 else self.year_combo.count() - 1)
        self.year_combo.blockSignals(False)

    # ------------------------------------------------------------------------------------------------
    # selection and details
    # ------------------------------------------------------------------------------------------------
    def current_id(self):
        item = self.tree.currentItem()
        return item.data(0, ROLE_ID) if item is not None else None

    def current_indicator(self):
        ind_id = self.current_id()
        return self.catalogue.indicators.get(ind_id) if ind_id and self.catalogue else None

    def selected_ids(self):
        """Selected indicators in tree order (the current one if nothing is selected)."""
        chosen = {id(i) for i in self.tree.selectedItems()}
        ids = [ind_id for item, ind_id, *_ in self._items if id(item) in chosen]
        if not ids and self.current_id():
            ids = [self.current_id()]
        return ids

    def select(self, ind_id):
        for item, iid, *_ in self._items:
            if iid == ind_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                # again once the layout is done (a dock just shown has no final height yet)
                QTimer.singleShot(0, lambda: self.tree.currentItem() is item and self.tree.scrollToItem(item))
                return True
        return False

    def _current_changed(self, item, _previous=None):
        self._fill_years()
        self._update_buttons()
        self._state_changed()
        ind = self.current_indicator()
        if ind is None:
            self.details.clear()
            return
        self.details.setHtml(self.details_html(ind))

    def details_html(self, ind):
        cat = self.catalogue
        e = html.escape

        def var_names(items):
            out = []
            for sign, v in ind.numerator_terms() if items == "num" else ind.denominator_terms():
                name = (
                    cat.variables[v].name if v in cat.variables else (self.tr("area (km²)") if v == "area_km2" else v)
                )
                out.append(("− " if sign < 0 else "") + f"{e(name)} <code>{e(v)}</code>")
            return "<br>".join(out)

        polarity = {
            "higher_worse": self.tr("higher = worse (more need)"),
            "higher_better": self.tr("higher = better"),
            "neutral": self.tr("neutral (context, no direction)"),
        }.get(ind.polarity, ind.polarity)
        kind = {
            "status": self.tr("status (value at a reference date)"),
            "dynamics": self.tr("dynamics (change over time)"),
        }.get(ind.kind, ind.kind)
        rows = [
            (self.tr("Id"), f"<code>{e(ind.id)}</code>"),
            (self.tr("Topic field"), e(ind.topic)),
            (self.tr("Kind"), e(kind)),
            (self.tr("Formula"), e(ind.formula(cat))),
        ]
        if ind.kind == "dynamics":
            base = cat.indicators.get(ind.base_indicator)
            rows.append((self.tr("Base indicator"), e(base.name if base else ind.base_indicator)))
        else:
            rows.append((self.tr("Numerator"), var_names("num") or "—"))
            rows.append((self.tr("Denominator"), var_names("den") or self.tr("— (absolute value)")))
        rows += [
            (self.tr("Unit"), e(ind.unit) + (f" (× {_num(ind.multiplier)})" if ind.multiplier not in (1, 1.0) else "")),
            (self.tr("Polarity"), e(polarity)),
            (self.tr("Source"), e(ind.source) or "—"),
            (self.tr("Update interval"), e(ind.update_interval) or "—"),
            (self.tr("Reference date"), e(ind.reference_date) or self.tr("31.12. (default)")),
            (
                self.tr("Disclosure threshold"),
                self.tr("counts 1 to {} are suppressed").format(int(ind.disclosure_threshold) - 1)
                if int(ind.disclosure_threshold) > 1
                else self.tr("none"),
            ),
        ]
        if ind.min_denominator:
            rows.append(
                (
                    self.tr("Minimum denominator"),
                    self.tr("below {} the value is flagged unreliable").format(_num(ind.min_denominator)),
                )
            )
        if ind.action_fields:
            rows.append(
                (self.tr("Action fields"), e(", ".join(cat.action_fields.get(a, a) for a in ind.action_fields)))
            )
        if ind.notes:
            rows.append((self.tr("Notes"), e(ind.notes)))
        if ind.literature:
            rows.append((self.tr("Literature"), e(ind.literature)))
        if ind.origin:
            rows.append((self.tr("Defined in"), e(os.path.basename(ind.origin))))
        layer = self.layer_combo.currentLayer()
        if layer is not None:
            self._current_fields()
            years = [y for y in self._fields.years(ind.id) if y is not None]
            rows.append(
                (
                    self.tr("In layer"),
                    e(", ".join(map(str, years)))
                    if years
                    else (self.tr("yes") if self._fields.has_indicator(ind.id) else self.tr("no values")),
                )
            )
        title = e(ind.name) + (f" <small>({e(ind.short_name)})</small>" if ind.short_name else "")
        body = f"<h3 style='margin-bottom:2px'>{title}</h3>"
        if ind.description:
            body += f"<p style='margin-top:2px'>{e(ind.description)}</p>"
        if ind.interpretation:
            body += f"<p><i>{e(ind.interpretation)}</i></p>"
        body += (
            "<table width='100%' cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td valign='top' width='32%' style='color:#555'>{k}</td><td valign='top'>{v}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
        return body

    def _update_buttons(self):
        ind = self.current_indicator()
        has = ind is not None
        self.map_button.setEnabled(has)
        self.index_button.setEnabled(bool(self.selected_ids()))
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    # ------------------------------------------------------------------------------------------------
    # messages
    # ------------------------------------------------------------------------------------------------
    def show_message(self, text, error=False, sticky=True):
        """In the dock (always) and in the QGIS message bar (desktop)."""
        self.status.setText(text)
        self.status.setStyleSheet("QLabel { color: #a40000; }" if error else "")
        self.status.setProperty("sticky", sticky)
        if self.iface is not None:
            from qgis.core import Qgis

            level = Qgis.MessageLevel.Warning if error else Qgis.MessageLevel.Info
            self.iface.messageBar().pushMessage(self.tr("Indicator catalogue"), text, level, 8)

    def _clear_sticky(self):
        self.status.setProperty("sticky", False)
        self.status.setStyleSheet("")

    # ------------------------------------------------------------------------------------------------
    # actions: map, composite index
    # ------------------------------------------------------------------------------------------------
    def add_to_map(self, ind_id=None, layer=None, year=None):
        """A styled copy of the chosen layer on the indicator's field for the chosen year; returns it or None."""
        from .styling import indicator_layer

        ind = self.catalogue.indicators.get(ind_id) if ind_id else self.current_indicator()
        if ind is None:
            self.show_message(self.tr("Choose an indicator in the list first."), error=True)
            return None
        layer = layer or self.layer_combo.currentLayer()
        if layer is None:
            self.show_message(
                self.tr(
                    "Choose the layer with the indicator values (output of 'Aggregate indicators') above the list."
                ),
                error=True,
            )
            return None
        fields = common.FieldIndex(common.layer_field_names(layer))
        if year is None:
            year = self.year_combo.currentData() if layer is self.layer_combo.currentLayer() else None
        subset = None
        field = fields.get(ind.id, "", year) if year is not None else None
        if field is None and fields.get(ind.id):
            field = ind.id
            if year is not None and "year" in fields.set:
                subset = f'"year" = {int(year)}'
        if field is None:
            years = [y for y in fields.years(ind.id) if y is not None]
            if years and year is None:
                year = years[-1]
                field = fields.get(ind.id, "", year)
        if field is None:
            years = [y for y in fields.years(ind.id) if y is not None]
            self.show_message(
                self.tr("The layer '{layer}' has no values of '{ind}' for {year}. {hint}").format(
                    layer=layer.name(),
                    ind=ind.name,
                    year=year if year is not None else self.tr("any year"),
                    hint=self.tr("Years in the layer: {}.").format(", ".join(map(str, years)))
                    if years
                    else self.tr("Compute it with 'Aggregate indicators' first."),
                ),
                error=True,
            )
            return None
        label = ind.short_name or ind.name
        out = indicator_layer(
            layer, ind, field, year, name=f"{label} {year}" if year is not None else label, subset=subset
        )
        if out is None:
            self.show_message(self.tr("The layer '{}' could not be opened again.").format(layer.name()), error=True)
            return None
        self.project.addMapLayer(out)
        if self.iface is not None:
            self.iface.setActiveLayer(out)
        self._clear_sticky()
        self.show_message(self.tr("Added '{}' to the map.").format(out.name()), sticky=False)
        return out

    def open_composite_index(self, ids=None, layer=None):
        """The composite-index algorithm dialog with the selected indicators preselected (non-modal)."""
        ids = ids or self.selected_ids()
        registry = QgsApplication.processingRegistry()
        alg = registry.algorithmById(INDEX_ALG)
        if alg is None:
            self.show_message(
                self.tr("The composite index algorithm is not available (Processing provider not loaded)."), error=True
            )
            return None
        layer = layer or self.layer_combo.currentLayer()
        params, missing = index_parameters(alg, ids, layer, self.year_combo.currentData(), self.catalogue)
        try:
            from processing.gui.AlgorithmDialog import AlgorithmDialog

            parent = self.iface.mainWindow() if self.iface is not None else self
            alg = registry.createAlgorithmById(INDEX_ALG)
            dialog = alg.createCustomParametersWidget(parent) or AlgorithmDialog(alg, parent=parent)
            dialog.setParameters(params)
        except Exception as err:  # noqa: BLE001 - Processing missing or the dialog failed: say so
            log_error(err, "Catalogue dock: opening the composite index dialog")
            self.show_message(self.tr("The composite index dialog could not be opened: {}").format(err), error=True)
            return None
        if dialog is None:
            return None
        self.index_dialog = dialog
        dialog.show()
        dialog.raise_()
        if missing:
            names = ", ".join(
                self.catalogue.indicators[i].name if i in self.catalogue.indicators else i for i in missing
            )
            self.show_message(
                self.tr(
                    "Not on the layer, so not preselected: {}. Compute them with 'Aggregate indicators' first."
                ).format(names),
                error=True,
            )
        return dialog

    # ------------------------------------------------------------------------------------------------
    # actions: the county's own indicators
    # ------------------------------------------------------------------------------------------------
    def overlay_path(self):
        """The county's catalogue file; a file in the QGIS profile when none was chosen yet."""
        path = common.overlay_path()
        if not path:
            path = os.path.join(QgsApplication.qgisSettingsDirPath(), "sozialplanung", "county_catalogue.yaml")
        return path

    def new_indicator(self):
        return self._open_form(None)

    def edit_indicator(self, ind_id=None):
        ind = self.catalogue.indicators.get(ind_id) if ind_id else self.current_indicator()
        if ind is None:
            self.show_message(self.tr("Choose the indicator to edit in the list."), error=True)
            return None
        return self._open_form(ind)

    def _open_form(self, ind):
        from .indicator_form import IndicatorForm

        if self.catalogue is None:
            self.load()
        if self.form is not None:
            self.form.raise_()
            return self.form
        self.form = IndicatorForm(self.catalogue, ind, self)
        form = self.form
        form.accepted.connect(lambda: form.accepted_entry and self.store_entry(form.accepted_entry))
        self.form.finished.connect(self._form_finished)
        self.form.open()  # window-modal, never blocks the event loop
        return self.form

    def _form_finished(self, _result):
        form, self.form = self.form, None
        if form is not None:
            form.deleteLater()

    def store_entry(self, entry):
        """Write the entry into the county file (validated as a whole first) and show it."""
        from ..core import overlay

        path = self.overlay_path()
        data = overlay.with_indicator(overlay.read_overlay(path), entry)
        if not self._write_checked(path, data):
            return False
        self.reload()
        self.select(entry["id"])
        self.show_message(
            self.tr("Indicator '{id}' saved in {file}.").format(id=entry["id"], file=os.path.basename(path)),
            sticky=False,
        )
        return True

    def remove_indicator(self, ind_id=None, confirm=True):
        """Remove a county indicator; a default indicator is switched off (listed under 'disable')."""
        from ..core import overlay
        from ..core.catalogue import default_catalogue

        ind = self.catalogue.indicators.get(ind_id) if ind_id else self.current_indicator()
        if ind is None:
            self.show_message(self.tr("Choose the indicator to remove in the list."), error=True)
            return False
        in_default = ind.id in default_catalogue().indicators
        if confirm:
            text = (
                self.tr(
                    "Switch the default indicator '{}' off for your county? It can be switched on again "
                    "by editing the county catalogue file."
                )
                if in_default
                else self.tr("Remove the county indicator '{}'?")
            ).format(ind.name)
            answer = QMessageBox.question(self, self.tr("Remove indicator"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        path = self.overlay_path()
        data = overlay.without_indicator(overlay.read_overlay(path), ind.id, in_default)
        if not self._write_checked(path, data):
            return False
        self.reload()
        self.show_message(self.tr("Indicator '{}' removed.").format(ind.name), sticky=False)
        return True

    def _write_checked(self, path, data):
        """Validate default + the new county data; write the file and remember it only when it loads."""
        from ..core import catalogue as cm
        from ..core import overlay
        from ..core.errors import InputError

        try:
            cat = cm.catalogue_from_dict(data, source=os.path.basename(path), base=cm.default_catalogue())
            cm.validate_catalogue(cat)
        except InputError as err:
            self.show_message(self.tr("Not saved, the county catalogue would be invalid:\n{}").format(err), error=True)
            return False
        try:
            overlay.write_overlay(path, data)
        except OSError as err:
            self.show_message(
                self.tr("The county catalogue file '{}' cannot be written: {}").format(path, err), error=True
            )
            return False
        common.set_overlay_path(path)
        return True

    # ------------------------------------------------------------------------------------------------
    # import / export (tasks)
    # ------------------------------------------------------------------------------------------------
    def export_catalogue(self, path=None, csv_encoding=0):
        """sozialplanung:exportcatalogue as a task (XLSX, CSV or YAML by the file's extension)."""
        from .tasks import AlgorithmRun

        if not path:
            last = self.settings.value("export_dir", os.path.expanduser("~"))
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export indicator catalogue"),
                os.path.join(last, "indikatorenkatalog.xlsx"),
                self.tr("Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)"),
            )
            if not path:
                return None
            self.settings.set("export_dir", os.path.dirname(path))
        county = common.overlay_path()
        params = {
            "CATALOGUE": county if county and os.path.exists(county) else None,
            "CSV_ENCODING": csv_encoding,
            "OUTPUT": path,
        }

        def done(ok, results, _context, error):
            if ok:
                self.show_message(
                    self.tr("Catalogue exported: {n} indicators -> {path}").format(
                        n=int(results.get("INDICATOR_COUNT", 0)), path=results.get("OUTPUT", path)
                    ),
                    sticky=False,
                )
            else:
                self.show_message(self.tr("Export failed: {}").format(error or self.tr("see the log")), error=True)

        self.show_message(self.tr("Exporting the catalogue…"), sticky=False)
        self.last_run = AlgorithmRun(
            EXPORT_ALG, params, done, description=self.tr("Export indicator catalogue"), project=self.project
        ).start()
        return self.last_run

    def import_catalogue(self, path=None):
        """Use a county catalogue: YAML as it is; XLSX/CSV (as exported) converted to a YAML overlay. A task."""
        if not path:
            last = self.settings.value("import_dir", os.path.expanduser("~"))
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import county catalogue"), last, self.tr("Catalogue (*.yaml *.yml *.xlsx *.csv)")
            )
            if not path:
                return None
            self.settings.set("import_dir", os.path.dirname(path))
        target = self.overlay_path()
        if path.lower().endswith((".yaml", ".yml")):
            target = path
        self.last_run = ImportRun(path, target, self._import_done, self.tr("Import indicator catalogue")).start()
        self.show_message(self.tr("Importing {}…").format(os.path.basename(path)), sticky=False)
        return self.last_run

    def _import_done(self, ok, target, message):
        if not ok:
            self.show_message(self.tr("Import failed, the catalogue is unchanged:\n{}").format(message), error=True)
            return
        common.set_overlay_path(target)
        self.reload()
        self.show_message(
            self.tr("County catalogue {file} in use: {msg}").format(file=os.path.basename(target), msg=message),
            sticky=False,
        )

    # ------------------------------------------------------------------------------------------------
    # keyboard
    # ------------------------------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(obj, event)
        key = event.key()
        if obj is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_first_visible()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif obj is self.tree:
            if key == Qt.Key.Key_Insert:
                self.new_indicator()
                return True
            if key == Qt.Key.Key_F2:
                self.edit_indicator()
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_indicator()
                return True
            if key == Qt.Key.Key_F and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.search.setFocus()
                self.search.selectAll()
                return True
        return super().eventFilter(obj, event)

    def _focus_first_visible(self):
        current = self.tree.currentItem()
        if current is None or current.isHidden() or current.data(0, ROLE_ID) is None:
            for item, *_ in self._items:
                if not item.isHidden():
                    self.tree.setCurrentItem(item)
                    break
        self.tree.setFocus()

    # ------------------------------------------------------------------------------------------------
    # state (QgsSettings): search, filters, layer, year, splitter, current indicator
    # ------------------------------------------------------------------------------------------------
    def _state_changed(self, *_args):
        if not self._restoring:
            self._save_timer.start()

    def save_state(self):
        s = self.settings
        s.set("search", self.search.text())
        s.set("kind", self.kind_combo.currentData() or "")
        if self.field_combo.count() > 1:
            s.set("action_field", self.field_combo.currentData() or "")
        s.set("only_available", self.available_check.isChecked())
        layer = self.layer_combo.currentLayer()
        s.set("layer", layer.name() if layer is not None else "")
        year = self.year_combo.currentData()
        if year is not None:
            s.set("year", int(year))
        s.set("splitter", bytes(self.splitter.saveState().toBase64()).decode("ascii"))
        if self.current_id():
            s.set("current", self.current_id())

    def restore_state(self):
        s = self.settings
        self._restoring = True
        try:
            self.search.setText(s.value("search", "") or "")
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(s.value("kind", "") or "")))
            self.available_check.setChecked(str(s.value("only_available", False)).lower() in ("true", "1"))
            name = s.value("layer", "") or ""
            if name:
                for lyr in self.project.mapLayersByName(name):
                    self.layer_combo.setLayer(lyr)
                    break
            split = s.value("splitter", "") or ""
            if split:
                self.splitter.restoreState(QByteArray.fromBase64(str(split).encode("ascii")))
        finally:
            self._restoring = False

    def closeEvent(self, event):  # noqa: N802
        self.save_state()
        super().closeEvent(event)


# ----------------------------------------------------------------------------------------------------
# helpers (module level so tests and the benchmark can use them)
# ----------------------------------------------------------------------------------------------------
def _vector_filter():
    try:
        from qgis.core import Qgis

        return Qgis.LayerFilter.VectorLayer  # QGIS >= 3.34
    except AttributeError:
        return LayerFilter.VectorLayer


def _num(x):
    """A catalogue number in German: '1.000', '0,5' (all its decimals, as the catalogue gives them)."""
    x = float(x)
    return contract.fmt_de(x, 0) if x.is_integer() else str(x).replace(".", ",")


def index_parameters(alg, ids, layer, year=None, catalogue=None):
    """(parameters, ids without a field) preselecting the indicators in the composite-index dialog.

    The first vector input gets the layer, KEY_FIELD the field 'key'. Status indicators go to the indicator
    parameter (INDICATORS, FIELDS ...) as the layer's value field for the year (or the latest year); dynamics
    indicators go to DYNAMICS_FIELDS (if the algorithm has it) as the change field the aggregation wrote for
    their base indicator (`<base>_chg_<y0>_<y1>`, `_pct_` for relative change), the latest period ending in the
    year. A text parameter gets the comma-separated ids. Ids without a field on the layer are left out and
    returned, so the dialog never shows a field that does not exist.
    """
    from qgis.core import (
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterVectorLayer,
    )

    params, missing = {}, []
    defs = alg.parameterDefinitions()
    names = common.layer_field_names(layer) if layer is not None else []
    if layer is not None:
        for d in defs:
            if isinstance(d, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                params[d.name()] = layer
                break
    key = next((d for d in defs if d.name() == "KEY_FIELD" and isinstance(d, QgsProcessingParameterField)), None)
    if key is not None and "key" in names:
        params[key.name()] = "key"
    target = None
    for name in INDEX_PARAM_NAMES:
        target = next((d for d in defs if d.name() == name), None)
        if target is not None:
            break
    if target is None:
        target = next((d for d in defs if isinstance(d, QgsProcessingParameterField) and d.allowMultiple()), None)
    dyn_target = next((d for d in defs if d.name() == "DYNAMICS_FIELDS"), None)
    if target is None or not ids:
        return params, missing
    if not isinstance(target, QgsProcessingParameterField):
        params[target.name()] = ",".join(ids)
        return params, missing
    fields = common.FieldIndex(names)
    status, dynamics = [], []
    for ind_id in ids:
        ind = catalogue.indicators.get(ind_id) if catalogue is not None else None
        if ind is not None and ind.kind == "dynamics":
            name = change_field(names, ind, year)
            (dynamics if dyn_target is not None else status).append(name)
        else:
            years = [y for y in fields.years(ind_id) if y is not None]
            y = year if year in years else (years[-1] if years else None)
            name = fields.get(ind_id, "", y) if y is not None else fields.get(ind_id)
            status.append(name)
        if name is None:
            missing.append(ind_id)
    status = [n for n in status if n]
    dynamics = [n for n in dynamics if n]
    if status:
        params[target.name()] = status
    if dynamics:
        params[dyn_target.name()] = dynamics
    return params, missing


def change_field(names, ind, year=None):
    """The aggregation's change field for a dynamics indicator: '<base>_chg_<y0>_<y1>' ('_pct_' for percent),
    the period ending in `year` if there is one, else the latest; None when the layer has none."""
    part = "pct" if ind.change == "percent" else "chg"
    base = {ind.base_indicator}
    periods = sorted(
        (f.year_to, -f.year, n)
        for n in names
        for f in [contract.parse_field(n, base)]
        if f is not None and f.part == part and f.year_to is not None
    )
    if not periods:
        return None
    ending = [p for p in periods if p[0] == year]
    if ind.period_years:
        exact = [p for p in (ending or periods) if p[0] + p[1] == ind.period_years]
        if exact:
            return exact[-1][2]
    return (ending or periods)[-1][2]


class ImportRun:
    """Import a catalogue file in a QgsTask: read, convert (XLSX/CSV), validate over the default, write YAML.

    on_done(ok, target_path, message) runs in the main thread.
    """

    def __init__(self, path, target, on_done, description):
        self.path, self.target, self.on_done = path, target, on_done
        self.finished = False
        self.ok = None
        self.message = ""
        self.task = QgsTask.fromFunction(description, self._work, on_finished=self._finished)

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("ImportRun", string)

    def start(self):
        _RUNNING.add(self)
        QgsApplication.taskManager().addTask(self.task)
        return self

    def _work(self, task):
        from ..core import catalogue as cm
        from ..core import overlay

        if self.path.lower().endswith((".yaml", ".yml")):
            cat = cm.load_catalogue(self.path)
            return {"n": len(cat.indicators), "written": False}
        data = overlay.overlay_from_table(self.path, cm.default_catalogue())
        task.setProgress(60)
        cat = cm.catalogue_from_dict(data, source=os.path.basename(self.path), base=cm.default_catalogue())
        cm.validate_catalogue(cat)
        overlay.write_overlay(self.target, data)
        return {
            "n": len(cat.indicators),
            "written": True,
            "own": len(data.get("indicators") or []),
            "disabled": len(data.get("disable") or []),
        }

    def _finished(self, exception, result=None):
        self.finished = True
        self.ok = exception is None and result is not None
        if self.ok:
            self.message = self.tr("{} indicators").format(result["n"])
            if result.get("written"):
                self.message += " " + self.tr("({own} county entries, {dis} switched off)").format(
                    own=result["own"], dis=result["disabled"]
                )
        else:
            self.message = str(exception) if exception is not None else self.tr("cancelled")
            if exception is not None:
                from ..core.errors import InputError

                if isinstance(exception, InputError):  # the file's fault: the message says what to change
                    log(f"Catalogue import {self.path}: {exception}", "warning")
                else:
                    log_error(exception, f"Catalogue import {self.path}")
        try:
            self.on_done(self.ok, self.target, self.message)
        finally:
            _RUNNING.discard(self)


_RUNNING = set()
_PREWARM = []


def _prewarm_work(_task):
    """Runs in a worker thread: fills the parsed-catalogue cache of ui.common (no widgets touched)."""
    common.current_catalogue()
    return True
