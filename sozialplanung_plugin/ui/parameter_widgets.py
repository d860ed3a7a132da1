"""Widgets of the algorithm dialogs that a planner understands (issue 19).

- ``IndicatorFieldWrapper``: a field parameter shown as *indicator, year and part* (value, count, change) from
  what the layer holds, read through the field contract; all raw fields stay available for other layers.
- ``IndicatorIdsWrapper``: a text parameter of catalogue indicator ids shown as a searchable list of the
  indicators with their names.
- ``FacilityTypesWrapper``: a text parameter of facility type ids shown as the types of the types file by name.
- ``YearsWrapper``: a text parameter of years ('2014, 2024') shown as a year list: the years of the input layer
  to tick (read through the field contract) and any year added with a year box.
- ``CountVariableWrapper``: a text parameter of one count's id (a weight such as 'einwohner') shown as the
  catalogue's counts by name; another id can be typed.
- ``PresetWrapper``: an enum whose choice switches the parameters the chosen preset does not use off (visibly
  inactive, with a tooltip saying why).

The parameters keep their plain types: in batch mode, the modeler and ``qgis_process`` they are field names,
comma-separated ids or years as documented in docs/algorithms.md (the text wrappers share ``TextWidgetWrapper``,
the checkable lists ``CheckList``). The processing modules name these classes by their
dotted path in the parameter metadata, so nothing here is imported outside the dialogs.
"""

from qgis.core import QgsMapLayer, QgsProcessingContext, QgsProcessingUtils, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

try:  # the processing plugin's Python wrapper base (QGIS desktop); absent in a bare qgis_process
    from processing.gui.wrappers import DIALOG_BATCH, DIALOG_MODELER, WidgetWrapper
except ImportError:  # pragma: no cover
    WidgetWrapper = object
    DIALOG_BATCH, DIALOG_MODELER = "batch", "modeler"

from ..core import fields as contract
from . import common


def part_label(part):
    return {
        "": QCoreApplication.translate("ParameterWidgets", "value"),
        "num": QCoreApplication.translate("ParameterWidgets", "count (numerator)"),
        "chg": QCoreApplication.translate("ParameterWidgets", "change"),
    }.get(part, part)


# ------------------------------------------------------------------------------------------------------------
# reading the layer through the field contract
# ------------------------------------------------------------------------------------------------------------
def parse(name, ids):
    """(id, part, year, year_to) of a contract field name (core.fields.parse_field), or None."""
    f = contract.parse_field(name, ids)
    if f is None or f.id not in ids or f.previous or f.part not in PICKED_PARTS:
        return None
    return f.id, f.part, f.year, f.year_to


#: The parts a planner picks: the value, the count (numerator), the change between two years.
PICKED_PARTS = ("", "num", "chg")


def field_for(ind_id, part, year, year_to=None):
    """The contract field name of an indicator part ('' value, 'num', 'chg' with a period; core.fields)."""
    if part == "chg":
        return contract.change_field(ind_id, part, year, year_to)
    return contract.field_name(ind_id, part, year)


class LayerIndicators:
    """Which catalogue indicators a layer holds, per part and year (or period for changes)."""

    def __init__(self, field_names, catalogue, absolute_only=False):
        self.catalogue = catalogue
        ids = set(catalogue.indicators) if catalogue is not None else set()
        if absolute_only:
            ids = {i for i in ids if not catalogue.indicators[i].denominator}
        self.fields = list(field_names)
        self.found = {}  # (part, year, year_to) -> {id: field name}
        for name in self.fields:
            hit = parse(name, ids)
            if hit is None:
                continue
            ind, part, y0, y1 = hit
            self.found.setdefault((part, y0, y1), {})[ind] = name

    def periods(self, part):
        """The years (value, count) or (from, to) periods (change) present for a part, newest first."""
        keys = [(y0, y1) for (p, y0, y1) in self.found if p == part]
        return sorted(keys, key=lambda k: (k[0] is None, k[1] or 0, k[0] or 0), reverse=True)

    def indicators(self, part, period):
        """{id: field name} of the part in that year or period."""
        return dict(self.found.get((part, *period), {}))

    def parts(self):
        return sorted({p for (p, _y0, _y1) in self.found}, key=PICKED_PARTS.index)

    def name(self, ind_id):
        ind = self.catalogue.indicators.get(ind_id) if self.catalogue is not None else None
        return (ind.name if ind is not None else ind_id) or ind_id

    def order(self, ids):
        """Catalogue order (topic, then as listed)."""
        position = {k: i for i, k in enumerate(self.catalogue.indicators)} if self.catalogue is not None else {}
        return sorted(ids, key=lambda i: position.get(i, len(position)))


def period_key(period):
    """A period as text for a combo's item data ('2025', '2014-2025'; '' without a year): tuples do not survive
    QVariant comparisons in findData."""
    y0, y1 = period
    return "" if y0 is None else (f"{y0}-{y1}" if y1 is not None else str(y0))


def period_of(key):
    """The (year, year_to) period of a period_key()."""
    if not key:
        return (None, None)
    parts = [int(p) for p in str(key).split("-")]
    return (parts[0], parts[1] if len(parts) > 1 else None)


def period_text(period):
    y0, y1 = period
    if y0 is None:
        return QCoreApplication.translate("ParameterWidgets", "(no year)")
    return f"{y0}–{y1}" if y1 is not None else str(y0)


# ------------------------------------------------------------------------------------------------------------
# the field picker
# ------------------------------------------------------------------------------------------------------------
class FieldPicker(QWidget):
    """Indicator (with its name), year and part from what the layer holds; or, switched, the raw fields.

    ``multiple``: a checkable list (several indicators of one year and part), else one indicator. ``parts``:
    the parts offered ('' value, 'num' count, 'chg' change). The value is a list of field names (multiple) or
    one field name, exactly what the field parameter takes.
    """

    changed = pyqtSignal()

    def __init__(self, multiple=True, parts=("",), numeric=True, absolute=False, optional=False, parent=None):
        super().__init__(parent)
        self.multiple = multiple
        self.allowed_parts = tuple(parts)
        self.numeric = numeric
        self.absolute = absolute  # only indicators without a denominator (counts such as residents)
        self.optional = optional
        self.layer_fields = []
        self.index = None
        self._pending = None
        self._checked_ids = set()
        self._checked_raw = set()

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(QCoreApplication.translate("ParameterWidgets", "Search indicators…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.combo = QComboBox()  # single mode
        self.year_label = QLabel(QCoreApplication.translate("ParameterWidgets", "Year"))
        self.year = QComboBox()
        self.part_label = QLabel(QCoreApplication.translate("ParameterWidgets", "Part"))
        self.part = QComboBox()
        self.raw = QCheckBox(QCoreApplication.translate("ParameterWidgets", "All fields of the layer"))
        self.raw.setToolTip(
            QCoreApplication.translate(
                "ParameterWidgets", "Field names as they are, for layers the plugin did not make"
            )
        )
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #666;")
        row = 0
        if multiple:
            layout.addWidget(self.filter, row, 0, 1, 4)
            row += 1
            layout.addWidget(self.list, row, 0, 1, 4)
            self.combo.hide()
        else:
            layout.addWidget(self.combo, row, 0, 1, 4)
            self.filter.hide()
            self.list.hide()
        row += 1
        layout.addWidget(self.year_label, row, 0)
        layout.addWidget(self.year, row, 1)
        layout.addWidget(self.part_label, row, 2)
        layout.addWidget(self.part, row, 3)
        row += 1
        layout.addWidget(self.raw, row, 0, 1, 4)
        row += 1
        layout.addWidget(self.empty, row, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)

        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._item_changed)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.year.currentIndexChanged.connect(lambda _i: self._refill())
        self.part.currentIndexChanged.connect(lambda _i: self._fill_years())
        self.raw.toggled.connect(lambda _b: self._fill_parts())
        self._fill_parts()

    # ---- data ------------------------------------------------------------------------------------------
    def set_layer(self, layer):
        names = []
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            from qgis.PyQt.QtCore import QVariant

            for f in layer.fields():
                if self.numeric and f.type() not in (
                    QVariant.Type.Int,
                    QVariant.Type.LongLong,
                    QVariant.Type.Double,
                    QVariant.Type.UInt,
                    QVariant.Type.ULongLong,
                ):
                    continue
                names.append(f.name())
        keep = self.value() if self.layer_fields else None
        self.layer_fields = names
        catalogue, _err = common.current_catalogue()
        has_layer = isinstance(layer, QgsVectorLayer) and layer.isValid()
        self.index = LayerIndicators(names, catalogue, absolute_only=self.absolute) if has_layer else None
        self._fill_parts()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.set_value(pending)
        elif keep:
            self.set_value(keep)

    def set_value(self, value):
        """Field name(s) -> the indicator view when they are one part and year of catalogue indicators, else the
        raw view with those fields ticked."""
        if isinstance(value, str):
            value = [v.strip() for v in value.split(";" if ";" in value else ",") if v.strip()]
        value = [str(v) for v in (value or [])]
        if self.index is None:
            self._pending = value
            return
        ids = set(self.index.catalogue.indicators) if self.index.catalogue is not None else set()
        hits = [parse(v, ids) for v in value]
        same = {(h[1], h[2], h[3]) for h in hits if h is not None}
        if value and all(hits) and len(same) == 1 and next(iter(same))[0] in self.allowed_parts:
            part, y0, y1 = next(iter(same))
            self.raw.setChecked(False)
            self._select_combo(self.part, part)
            self._select_combo(self.year, period_key((y0, y1)))
            self._checked_ids = {h[0] for h in hits}
            if not self.multiple:
                self._select_combo(self.combo, hits[0][0])
        elif value:
            self._checked_raw = set(value)
            self.raw.setChecked(True)
            if not self.multiple:
                self._select_combo(self.combo, value[0])
        self._refill()

    def value(self):
        if self.multiple:
            out = []
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    out.append(item.data(Qt.ItemDataRole.UserRole + 1))
            return out
        data = self.combo.currentData(Qt.ItemDataRole.UserRole + 1)
        return data or None

    # ---- filling ---------------------------------------------------------------------------------------
    def _fill_parts(self):
        raw = self.raw.isChecked() or self.index is None or not self.index.found
        self.part.blockSignals(True)
        current = self.part.currentData()
        self.part.clear()
        if not raw:
            for p in self.index.parts():
                if p in self.allowed_parts:
                    self.part.addItem(part_label(p), p)
        if self.part.count() == 0 and not raw:
            raw = True
        self._select_combo(self.part, current)
        self.part.blockSignals(False)
        for w in (self.year, self.year_label):
            w.setVisible(not raw)
        for w in (self.part, self.part_label):  # one part only: nothing to choose, nothing shown
            w.setVisible(not raw and self.part.count() > 1)
        if raw and not self.raw.isChecked() and self.index is not None and self.layer_fields:
            self.raw.blockSignals(True)
            self.raw.setChecked(True)  # nothing of the catalogue in this layer: the raw fields are all there is
            self.raw.blockSignals(False)
        self._fill_years()

    def _fill_years(self):
        self.year.blockSignals(True)
        current = self.year.currentData()
        self.year.clear()
        part = self.part.currentData()
        if self.index is not None and part is not None:
            for period in self.index.periods(part):
                self.year.addItem(period_text(period), period_key(period))
        self._select_combo(self.year, current)
        self.year.blockSignals(False)
        self._refill()

    def _refill(self):
        """The list (or combo) for the current mode, year and part; ticks kept by indicator id."""
        raw = self.raw.isChecked() or not self.year.isVisible() and self.index is not None and not self.index.found
        entries = []  # (text, tooltip, id or field, field)
        if self.raw.isChecked() or self.year.count() == 0:
            for name in self.layer_fields:
                entries.append((name, name, name, name))
            raw = True
        else:
            period = period_of(self.year.currentData())
            found = self.index.indicators(self.part.currentData(), period)
            for ind in self.index.order(found):
                entries.append((self.index.name(ind), f"{ind}: {found[ind]}", ind, found[ind]))
        chosen = self._checked_raw if raw else self._checked_ids
        if self.multiple:
            self.list.blockSignals(True)
            self.list.clear()
            for text, tip, key, fld in entries:
                item = QListWidgetItem(text)
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setData(Qt.ItemDataRole.UserRole + 1, fld)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
                self.list.addItem(item)
            self.list.blockSignals(False)
            self._apply_filter(self.filter.text())
        else:
            current = self.combo.currentData()
            self.combo.blockSignals(True)
            self.combo.clear()
            if self.optional:
                self.combo.addItem(QCoreApplication.translate("ParameterWidgets", "(none)"), "")
            for text, tip, key, fld in entries:
                self.combo.addItem(text, key)
                self.combo.setItemData(self.combo.count() - 1, fld, Qt.ItemDataRole.UserRole + 1)
                self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            want = next(iter(chosen), None) if chosen else current
            self._select_combo(self.combo, want)
            self.combo.blockSignals(False)
        if not entries:
            self.empty.setText(
                QCoreApplication.translate("ParameterWidgets", "Choose a layer first.")
                if self.index is None
                else QCoreApplication.translate("ParameterWidgets", "The layer has no fields to choose.")
            )
        self.empty.setVisible(not entries)
        self.changed.emit()

    def _item_changed(self, item):
        key = item.data(Qt.ItemDataRole.UserRole)
        target = self._checked_raw if (self.raw.isChecked() or not self.year.count()) else self._checked_ids
        if item.checkState() == Qt.CheckState.Checked:
            target.add(key)
        else:
            target.discard(key)
        self.changed.emit()

    def _apply_filter(self, text):
        terms = common.search_terms(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = common.fold(item.text() + " " + item.toolTip())
            item.setHidden(bool(terms) and not all(t in hay for t in terms))

    @staticmethod
    def _select_combo(combo, data):
        if data is None:
            return
        i = combo.findData(data)
        if i >= 0:
            combo.setCurrentIndex(i)


# ------------------------------------------------------------------------------------------------------------
# checkable lists whose value is a text of ids (indicators, facility types, years)
# ------------------------------------------------------------------------------------------------------------
def split_ids(value):
    """Ids of a parameter value: a list, or a text separated by commas, semicolons or spaces."""
    import re

    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v for v in re.split(r"[,;\s]+", str(value or "")) if v]


class CheckList(QWidget):
    """A checkable list (``self.list``) of keys with a hint line below; the value is the ticked keys in list
    order joined by ``separator``. Subclasses fill it (``add_item``) and say what the hint says (``hint_text``)."""

    changed = pyqtSignal()
    separator = ","

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        self.hint.setWordWrap(True)
        self.list.itemChanged.connect(lambda _i: self._changed())

    def add_item(self, key, text, tooltip="", checked=False):
        item = QListWidgetItem(text)
        item.setToolTip(tooltip or str(key))
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def keys(self):
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def checked(self):
        """The ticked keys, in list order."""
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, keys):
        keys = {str(k) for k in keys}
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = str(item.data(Qt.ItemDataRole.UserRole)) in keys
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._changed()

    def set_value(self, value):
        self.set_checked(split_ids(value))

    def value(self):
        return self.separator.join(str(k) for k in self.checked())

    def hint_text(self, n):
        return QCoreApplication.translate("ParameterWidgets", "{} ticked.").format(n)

    def _changed(self):
        self.hint.setText(self.hint_text(len(self.checked())))
        self.changed.emit()


class IndicatorList(CheckList):
    """Catalogue indicators by name (searchable, checkable); the value is the comma-separated ids. Single mode
    (``multiple=False``): a combo with '(automatic)' first."""

    def __init__(self, multiple=True, parent=None):
        super().__init__(parent)
        self.multiple = multiple
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(QCoreApplication.translate("ParameterWidgets", "Search indicators…"))
        self.filter.setClearButtonEnabled(True)
        self.combo = QComboBox()
        if multiple:
            layout.addWidget(self.filter)
            layout.addWidget(self.list)
            layout.addWidget(self.hint)
        else:
            layout.addWidget(self.combo)
        self.filter.textChanged.connect(self._apply_filter)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.available = None
        self._fill()

    def set_available(self, ids):
        """Only these ids (e.g. the indicators the input layer holds); None = the whole catalogue."""
        keep = self.value()
        self.available = None if ids is None else set(ids)
        self._fill()
        self.set_value(keep)

    def _fill(self):
        catalogue, _err = common.current_catalogue()
        self.list.blockSignals(True)
        self.list.clear()
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self.multiple:
            self.combo.addItem(QCoreApplication.translate("ParameterWidgets", "(automatic)"), "")
        for ind in catalogue.indicators.values():
            if self.available is not None and ind.id not in self.available:
                continue
            text = ind.name or ind.id
            self.add_item(ind.id, text, f"{ind.id} · {ind.topic}" if getattr(ind, "topic", "") else ind.id)
            self.combo.addItem(text, ind.id)
        self.list.blockSignals(False)
        self.combo.blockSignals(False)
        self._changed()

    def set_value(self, value):
        if self.multiple:
            super().set_value(value)
            return
        ids = split_ids(value)
        self.combo.setCurrentIndex(max(self.combo.findData(ids[0] if ids else ""), 0))
        self._changed()

    def value(self):
        return super().value() if self.multiple else (self.combo.currentData() or "")

    def hint_text(self, n):
        if self.multiple and n == 0:
            return QCoreApplication.translate("ParameterWidgets", "None ticked: all that can be computed.")
        return super().hint_text(n)

    def _apply_filter(self, text):
        terms = common.search_terms(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = common.fold(item.text() + " " + item.toolTip())
            item.setHidden(bool(terms) and not all(t in hay for t in terms))


class FacilityTypeList(CheckList):
    """The facility types of the types file by name (checkable); the value is the comma-separated type ids."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.error = ""
        self.set_file(None)

    def set_file(self, path):
        """The types of ``path`` (None or '' = the shipped file); a file that cannot be read says so."""
        keep = self.value()
        self.list.blockSignals(True)
        self.list.clear()
        self.error = ""
        from ..core.errors import InputError
        from ..core.facilities import load_facility_types

        try:
            types = load_facility_types(path or None)
        except (InputError, OSError) as err:
            self.error = str(err)
            types = None
        for t in types.types.values() if types is not None else []:
            self.add_item(t.id, t.name or t.id, t.id)
        self.list.blockSignals(False)
        self.set_value(keep)

    def hint_text(self, n):
        if self.error:
            return self.error
        if n == 0:
            return QCoreApplication.translate("ParameterWidgets", "None ticked: every type the layer has.")
        return super().hint_text(n)


class YearList(CheckList):
    """Years as a list: those the input holds (``set_offered``, e.g. the years of a layer's indicator fields, read
    through the field contract) to tick, and any year added with the year box. The value is the ticked years,
    '2014, 2024' (ascending).

    ``ordered``: one year per item in the order added, nothing to tick (aggregateindicators: one year per table
    without a year column, in the order of the tables); a selected year can be removed.
    """

    separator = ", "

    def __init__(self, ordered=False, empty_hint="", parent=None):
        super().__init__(parent)
        from qgis.PyQt.QtWidgets import QHBoxLayout, QPushButton, QSpinBox

        from ..core.fields import YEAR_MAX, YEAR_MIN

        self.ordered = ordered
        self.empty_hint = empty_hint
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(120)  # a few years: no need for the indicator lists' height
        self.year = QSpinBox()
        self.year.setRange(YEAR_MIN, YEAR_MAX)
        self.year.setValue(QDate.currentDate().year() - 1)  # the last complete year, the usual one to add
        self.add = QPushButton(QCoreApplication.translate("ParameterWidgets", "Add year"))
        self.remove = QPushButton(QCoreApplication.translate("ParameterWidgets", "Remove"))
        self.remove.setVisible(ordered)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.add.clicked.connect(lambda: self.add_year(self.year.value()))
        self.remove.clicked.connect(self._remove_selected)
        self.offered = []
        self._changed()

    @staticmethod
    def years_of(value):
        """The years of a value (list or text) in order; parts that are no year are left out here (the
        algorithm names them when the text is run)."""
        from ..core.fields import is_year

        parts = split_ids(value.replace("-", " ") if isinstance(value, str) else value)
        return [int(p) for p in parts if is_year(p)]

    def add_year(self, year, checked=True):
        """Add a year (ticked); in the ticking mode an offered or added year is only ticked again."""
        year = int(year)
        if self.ordered:
            item = QListWidgetItem(str(year))
            item.setData(Qt.ItemDataRole.UserRole, year)
            self.list.addItem(item)
        elif year in self.keys():
            self.set_checked([*self.checked(), year] if checked else self.checked())
            return
        else:
            keep = [*self.checked(), year] if checked else self.checked()
            self._rebuild(sorted({*self.keys(), year}), keep)
            return
        self._changed()

    def set_offered(self, years):
        """The years to tick (e.g. the layer's); ticked years stay, also when the layer lacks them."""
        if self.ordered:
            return
        self.offered = sorted({int(y) for y in years})
        keep = self.checked()
        self._rebuild(sorted({*self.offered, *keep}), keep)

    def _rebuild(self, years, checked):
        self.list.blockSignals(True)
        self.list.clear()
        for y in years:
            self.add_item(y, str(y), checked=y in checked)
        self.list.blockSignals(False)
        self._changed()

    def _remove_selected(self):
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self._changed()

    def checked(self):
        if self.ordered:
            return self.keys()
        return super().checked()

    def set_value(self, value):
        years = self.years_of(value)
        if self.ordered:
            self.list.clear()
            for y in years:
                self.add_year(y)
            self._changed()
            return
        self._rebuild(sorted({*self.offered, *years}), set(years))

    def hint_text(self, n):
        if n == 0 and self.empty_hint:
            return self.empty_hint
        if self.ordered:
            return QCoreApplication.translate("ParameterWidgets", "{} year(s), in this order.").format(n)
        return super().hint_text(n)


class CountVariableCombo(QComboBox):
    """The catalogue's counts (indicators without a denominator, e.g. Einwohner) by name; editable, so that any
    other id of the store can be typed. The value is the id."""

    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        catalogue, _err = common.current_catalogue()
        for ind in catalogue.indicators.values() if catalogue is not None else []:
            if ind.is_absolute:
                self.addItem(ind.name or ind.id, ind.id)
                self.setItemData(self.count() - 1, ind.id, Qt.ItemDataRole.ToolTipRole)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.editTextChanged.connect(lambda _t: self.changed.emit())

    def set_value(self, value):
        value = str(value or "").strip()
        i = self.findData(value)
        if i < 0:
            i = self.findText(value)
        if i >= 0:
            self.setCurrentIndex(i)
        else:
            self.setEditText(value)

    def value(self):
        text = self.currentText().strip()
        i = self.findText(text)
        if i >= 0:
            return self.itemData(i)
        return text


# ------------------------------------------------------------------------------------------------------------
# processing wrappers
# ------------------------------------------------------------------------------------------------------------
def layer_of(value):
    """The vector layer a parent wrapper's value stands for (layer, id, source, or a source definition)."""
    if isinstance(value, QgsMapLayer):
        return value
    source = getattr(value, "source", None)
    if source is not None and hasattr(source, "staticValue"):
        value = source.staticValue()
    if not value:
        return None
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        return QgsProcessingUtils.mapLayerFromString(str(value), context)
    except Exception:  # a half-typed path in the widget
        return None


def _is_plain_dialog(wrapper):
    return wrapper.dialogType not in (DIALOG_BATCH, DIALOG_MODELER)


def _line_edit_value(text):
    return [v.strip() for v in str(text or "").replace(";", ",").split(",") if v.strip()]


class _ParentLayerMixin:
    """Follows the wrapper of the parent layer parameter (``layer_param`` in the metadata or the field
    parameter's parent)."""

    layer_param = None

    def connect_parent(self, wrappers):
        name = self.layer_param or getattr(self.parameterDefinition(), "parentLayerParameterName", lambda: "")()
        for w in wrappers:
            if w.parameterDefinition().name() == name:
                self.set_layer(layer_of(w.parameterValue()))
                w.widgetValueHasChanged.connect(lambda wr: self.set_layer(layer_of(wr.parameterValue())))
                return

    def set_layer(self, layer):  # pragma: no cover - overridden
        pass


class IndicatorFieldWrapper(_ParentLayerMixin, WidgetWrapper):
    """Field parameter: indicator, year and part (FieldPicker) in the dialog; comma-separated names in batch."""

    def createWidget(self, parts=("",), absolute=False, **kwargs):
        from ..compat import ProcessingFieldParameterDataType, ProcessingParameterFlag

        self.parts = tuple(parts)
        if not _is_plain_dialog(self):
            return QLineEdit()
        param = self.parameterDefinition()
        picker = FieldPicker(
            multiple=param.allowMultiple(),
            parts=self.parts,
            numeric=param.dataType() == ProcessingFieldParameterDataType.Numeric,
            absolute=absolute,
            optional=bool(param.flags() & ProcessingParameterFlag.Optional),
        )
        picker.changed.connect(lambda: self.widgetValueHasChanged.emit(self))
        return picker

    def postInitialize(self, wrappers):
        if _is_plain_dialog(self):
            self.connect_parent(wrappers)

    def set_layer(self, layer):
        if isinstance(self.widget, FieldPicker):
            self.widget.set_layer(layer)

    def setValue(self, value):
        if isinstance(self.widget, FieldPicker):
            self.widget.set_value(value)
        elif value is not None:
            self.widget.setText(",".join(value) if isinstance(value, (list, tuple)) else str(value))

    def value(self):
        if isinstance(self.widget, FieldPicker):
            return self.widget.value()
        items = _line_edit_value(self.widget.text())
        return items if self.parameterDefinition().allowMultiple() else (items[0] if items else None)


class TextWidgetWrapper(WidgetWrapper):
    """Base of the wrappers of a text parameter: in the dialog a widget of ``widget_class`` (its ``set_value`` /
    ``value`` / ``changed``), in batch mode and the modeler a line edit with the plain text form."""

    widget_class = None

    def make_widget(self, *args, **kwargs):
        """The dialog's widget, or the line edit of batch mode and the modeler."""
        if not _is_plain_dialog(self):
            return QLineEdit()
        widget = self.widget_class(*args, **kwargs)
        widget.changed.connect(lambda: self.widgetValueHasChanged.emit(self))
        return widget

    def has_own_widget(self):
        return isinstance(self.widget, self.widget_class)

    def setValue(self, value):
        if self.has_own_widget():
            self.widget.set_value(value)
        else:
            self.widget.setText(",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value or ""))

    def value(self):
        if self.has_own_widget():
            return self.widget.value()
        return self.text_value(self.widget.text())

    def text_value(self, text):
        """The line edit's text as the parameter value: items separated by commas (ids)."""
        return ",".join(_line_edit_value(text))


class IndicatorIdsWrapper(_ParentLayerMixin, TextWidgetWrapper):
    """Text parameter of catalogue ids: a list of the indicators with their names (in batch: the text)."""

    widget_class = IndicatorList

    def createWidget(self, multiple=True, layer_param=None, **kwargs):
        self.layer_param = layer_param
        return self.make_widget(multiple=multiple)

    def postInitialize(self, wrappers):
        if _is_plain_dialog(self) and self.layer_param:
            self.connect_parent(wrappers)

    def set_layer(self, layer):
        if not self.has_own_widget():
            return
        if not isinstance(layer, QgsVectorLayer):
            self.widget.set_available(None)
            return
        catalogue, _err = common.current_catalogue()
        index = LayerIndicators([f.name() for f in layer.fields()], catalogue)
        ids = {i for (part, _y0, _y1), found in index.found.items() if part == "" for i in found}
        self.widget.set_available(ids or None)


class FacilityTypesWrapper(TextWidgetWrapper):
    """Text parameter of facility type ids: the types of the types file (``file_param``) by name; in batch mode
    and the modeler the comma-separated ids."""

    widget_class = FacilityTypeList

    def createWidget(self, file_param=None, **kwargs):
        self.file_param = file_param
        return self.make_widget()

    def postInitialize(self, wrappers):
        if not (_is_plain_dialog(self) and self.file_param):
            return
        for w in wrappers:
            if w.parameterDefinition().name() == self.file_param:
                self.widget.set_file(w.parameterValue() or None)
                w.widgetValueHasChanged.connect(lambda wr: self.widget.set_file(wr.parameterValue() or None))
                return


def empty_year_hint(key):
    """What an empty year list means, by the key a parameter's metadata names."""
    return {
        "layer": QCoreApplication.translate("ParameterWidgets", "None ticked: all years of the layer."),
        "tables": QCoreApplication.translate(
            "ParameterWidgets", "None: each table's year column or the year in its file name."
        ),
    }.get(key or "", "")


class YearsWrapper(_ParentLayerMixin, TextWidgetWrapper):
    """Text parameter of years ('2014, 2024'): a year list in the dialog, the years of the layer (``layer_param``)
    offered to tick when there is one; ``ordered``: years in the order given (one per table); in batch mode and
    the modeler the text as typed."""

    widget_class = YearList

    def createWidget(self, layer_param=None, ordered=False, empty_hint="", **kwargs):
        self.layer_param = layer_param
        return self.make_widget(ordered=ordered, empty_hint=empty_year_hint(empty_hint))

    def postInitialize(self, wrappers):
        if _is_plain_dialog(self) and self.layer_param:
            self.connect_parent(wrappers)

    def set_layer(self, layer):
        if not self.has_own_widget():
            return
        years = set()
        if isinstance(layer, QgsVectorLayer):
            catalogue, _err = common.current_catalogue()
            index = LayerIndicators([f.name() for f in layer.fields()], catalogue)
            years = {y0 for (y0, _y1) in index.periods("") if y0 is not None}
        self.widget.set_offered(years)

    def text_value(self, text):
        return str(text or "").strip()


class CountVariableWrapper(TextWidgetWrapper):
    """Text parameter of one count's id (e.g. the weight 'einwohner'): the catalogue's counts by name, any other
    id can be typed; in batch mode and the modeler the id as text."""

    widget_class = CountVariableCombo

    def createWidget(self, **kwargs):
        return self.make_widget()

    def text_value(self, text):
        return str(text or "").strip()


class PresetWrapper(WidgetWrapper):
    """Enum of presets; the parameters a preset does not use are disabled (label and widget) with a tooltip.

    Metadata: ``uses``: {preset index: [parameter names the preset uses]}; ``managed``: the parameter names
    this wrapper switches (all others stay as they are).
    """

    def createWidget(self, uses=None, managed=None, **kwargs):
        self.uses = {int(k): set(v) for k, v in (uses or {}).items()}
        self.managed = list(managed or [])
        self.others = {}
        combo = QComboBox()
        for i, option in enumerate(self.parameterDefinition().options()):
            combo.addItem(option, i)
        combo.currentIndexChanged.connect(lambda _i: self._apply())
        combo.currentIndexChanged.connect(lambda _i: self.widgetValueHasChanged.emit(self))
        return combo

    def postInitialize(self, wrappers):
        self.others = {w.parameterDefinition().name(): w for w in wrappers if w is not self}
        self._apply()

    def _apply(self):
        if not _is_plain_dialog(self):
            return
        used = self.uses.get(self.value(), set())
        preset = self.widget.currentText()
        for name in self.managed:
            w = self.others.get(name)
            if w is None:
                continue
            on = name in used
            for part in widget_and_label(w):
                if part is not None:
                    part.setEnabled(on)
                    part.setToolTip(
                        ""
                        if on
                        else QCoreApplication.translate("ParameterWidgets", "Not used by the method '{}'.").format(
                            preset
                        )
                    )

    def setValue(self, value):
        try:
            index = int(value)
        except (TypeError, ValueError):
            index = 0
        self.widget.setCurrentIndex(max(self.widget.findData(index), 0))
        self._apply()

    def value(self):
        return self.widget.currentData() or 0


def widget_and_label(wrapper):
    """(widget, label) of a Python wrapper (its .widget) or a C++ one (wrappedWidget())."""
    if getattr(wrapper, "widget", None) is not None:
        return wrapper.widget, getattr(wrapper, "label", None)
    try:
        return wrapper.wrappedWidget(), wrapper.wrappedLabel()
    except (AttributeError, RuntimeError):
        return None, None


def metadata(cls, **options):
    """Parameter metadata naming one of the wrappers above by its dotted path (imported only by dialogs)."""
    return {"widget_wrapper": {"class": f"{__name__}.{cls}", **options}}
