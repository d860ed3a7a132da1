"""Form for a county's own indicator: the catalogue validator's messages are shown inside the form.

The entry is checked exactly as the catalogue loader would check the county file (catalogue_from_dict over the
current catalogue, then validate_catalogue), so what the form accepts also loads later.
"""

from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.fields import number_from_text

UNIT_DEFAULT_MULTIPLIER = {
    "%": 100,
    "‰": 1000,
    "per 100": 100,
    "per 1,000": 1000,
    "per 10,000": 10000,
    "per 100,000": 100000,
    "absolute": 1,
    "EW/km²": 1,
    "persons": 1,
    "m²/EW": 1,
}


def _split(text):
    return [s.strip() for s in str(text or "").replace(";", ",").split(",") if s.strip()]


class IndicatorForm(QDialog):
    """Add (indicator=None) or edit an indicator of the catalogue `catalogue`."""

    def __init__(self, catalogue, indicator=None, parent=None):
        super().__init__(parent)
        from ..core import catalogue as cm

        self._cm = cm
        self.catalogue = catalogue
        self.original = indicator
        self.setObjectName("SozialplanungIndicatorForm")
        self.setWindowTitle(self.tr("Edit indicator") if indicator else self.tr("New indicator"))
        self.accepted_entry = None

        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def line(name, tip=""):
            w = QLineEdit(form_widget)
            w.setObjectName(name)
            if tip:
                w.setToolTip(tip)
            return w

        self.id_edit = line("id", self.tr("Lower case letters, digits and _ (e.g. sgb2_quote_u25)"))
        self.name_edit = line("name")
        self.short_edit = line("short_name")
        self.topic_combo = QComboBox(form_widget)
        self.topic_combo.setObjectName("topic")
        self.topic_combo.addItems(list(cm.TOPICS))
        self.kind_combo = QComboBox(form_widget)
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem(self.tr("Status (value at a reference date)"), "status")
        self.kind_combo.addItem(self.tr("Dynamics (change of a status indicator)"), "dynamics")
        variables = sorted(catalogue.variables)
        self.num_edit = line("numerator", self.tr("Count variables, comma separated; '-x' subtracts"))
        self.den_edit = line(
            "denominator", self.tr("Count variables, comma separated; area_km2 = area; empty = absolute value")
        )
        for edit in (self.num_edit, self.den_edit):
            comp = QCompleter(variables + [cm.AREA], edit)
            comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            comp.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(comp)
        self.base_combo = QComboBox(form_widget)
        self.base_combo.setObjectName("base_indicator")
        self.base_combo.setEditable(True)
        self.base_combo.addItems([""] + [i.id for i in catalogue.indicators.values() if i.kind == "status"])
        self.change_combo = QComboBox(form_widget)
        self.change_combo.setObjectName("change")
        self.change_combo.addItems([""] + list(cm.CHANGES))
        self.period_spin = QSpinBox(form_widget)
        self.period_spin.setObjectName("period_years")
        self.period_spin.setRange(0, 50)
        self.period_spin.setSpecialValueText(self.tr("previous period"))
        self.unit_combo = QComboBox(form_widget)
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(list(cm.UNITS))
        self.mult_edit = line("multiplier", self.tr("100 for %, 1000 for ‰ ..."))
        self.polarity_combo = QComboBox(form_widget)
        self.polarity_combo.setObjectName("polarity")
        self.polarity_combo.addItem(self.tr("higher = worse"), "higher_worse")
        self.polarity_combo.addItem(self.tr("higher = better"), "higher_better")
        self.polarity_combo.addItem(self.tr("neutral (context)"), "neutral")
        self.desc_edit = QPlainTextEdit(form_widget)
        self.desc_edit.setObjectName("description")
        self.desc_edit.setTabChangesFocus(True)
        self.desc_edit.setMaximumHeight(70)
        self.source_edit = line("source")
        self.interval_edit = line("update_interval")
        self.refdate_edit = line("reference_date")
        self.mind_edit = line("min_denominator", self.tr("Below this denominator the value is flagged unreliable"))
        self.disc_spin = QSpinBox(form_widget)
        self.disc_spin.setObjectName("disclosure_threshold")
        self.disc_spin.setRange(0, 1000)
        self.fields_list = QListWidget(form_widget)
        self.fields_list.setObjectName("action_fields")
        self.fields_list.setMaximumHeight(110)
        for af_id, label in catalogue.action_fields.items():
            it = QListWidgetItem(label, self.fields_list)
            it.setData(Qt.ItemDataRole.UserRole, af_id)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Unchecked)
        self.notes_edit = QPlainTextEdit(form_widget)
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)

        rows = [
            (self.tr("&Id"), self.id_edit),
            (self.tr("&Name"), self.name_edit),
            (self.tr("Short name"), self.short_edit),
            (self.tr("&Topic"), self.topic_combo),
            (self.tr("&Kind"), self.kind_combo),
            (self.tr("N&umerator"), self.num_edit),
            (self.tr("&Denominator"), self.den_edit),
            (self.tr("Base indicator"), self.base_combo),
            (self.tr("Change"), self.change_combo),
            (self.tr("Period (years)"), self.period_spin),
            (self.tr("U&nit"), self.unit_combo),
            (self.tr("&Multiplier"), self.mult_edit),
            (self.tr("&Polarity"), self.polarity_combo),
            (self.tr("Definition"), self.desc_edit),
            (self.tr("Source"), self.source_edit),
            (self.tr("Update interval"), self.interval_edit),
            (self.tr("Reference date"), self.refdate_edit),
            (self.tr("Minimum denominator"), self.mind_edit),
            (self.tr("Disclosure threshold"), self.disc_spin),
            (self.tr("Action fields"), self.fields_list),
            (self.tr("Notes"), self.notes_edit),
        ]
        for label, w in rows:
            form.addRow(label, w)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        self.messages = QLabel(self)
        self.messages.setObjectName("messages")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages.setStyleSheet("QLabel { color: #a40000; }")
        self.messages.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.resize(560, 720)

        self._fill(indicator)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.unit_combo.currentTextChanged.connect(self._unit_changed)
        self._kind_changed()
        # live check while typing, debounced
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.check)
        for w in (self.id_edit, self.name_edit, self.num_edit, self.den_edit, self.mult_edit, self.mind_edit):
            w.textEdited.connect(self._timer.start)
        for w in (self.unit_combo, self.base_combo):
            w.editTextChanged.connect(self._timer.start)

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("IndicatorForm", string)

    # ------------------------------------------------------------------------------------------------
    def _fill(self, ind):
        if ind is None:
            self.mult_edit.setText("100")
            self.unit_combo.setCurrentText("%")
            self.disc_spin.setValue(3)
            self.polarity_combo.setCurrentIndex(0)
            return
        self.id_edit.setText(ind.id)
        self.id_edit.setReadOnly(True)
        self.name_edit.setText(ind.name)
        self.short_edit.setText(ind.short_name)
        self.topic_combo.setCurrentText(ind.topic)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(ind.kind)))
        self.num_edit.setText(", ".join(ind.numerator))
        self.den_edit.setText(", ".join(ind.denominator))
        self.base_combo.setCurrentText(ind.base_indicator)
        self.change_combo.setCurrentText(ind.change)
        self.period_spin.setValue(int(ind.period_years or 0))
        self.unit_combo.setCurrentText(ind.unit)
        m = float(ind.multiplier)
        self.mult_edit.setText(str(int(m)) if m.is_integer() else str(m))
        self.polarity_combo.setCurrentIndex(max(0, self.polarity_combo.findData(ind.polarity)))
        self.desc_edit.setPlainText(ind.description)
        self.source_edit.setText(ind.source)
        self.interval_edit.setText(ind.update_interval)
        self.refdate_edit.setText(ind.reference_date)
        md = float(ind.min_denominator or 0)
        self.mind_edit.setText("" if md == 0 else (str(int(md)) if md.is_integer() else str(md)))
        self.disc_spin.setValue(int(ind.disclosure_threshold))
        for k in range(self.fields_list.count()):
            it = self.fields_list.item(k)
            on = it.data(Qt.ItemDataRole.UserRole) in ind.action_fields
            it.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.notes_edit.setPlainText(ind.notes)

    def _kind_changed(self):
        dyn = self.kind_combo.currentData() == "dynamics"
        for w in (self.num_edit, self.den_edit):
            w.setEnabled(not dyn)
        for w in (self.base_combo, self.change_combo, self.period_spin):
            w.setEnabled(dyn)

    def _unit_changed(self, unit):
        if unit in UNIT_DEFAULT_MULTIPLIER and not self.mult_edit.isModified():
            self.mult_edit.setText(str(UNIT_DEFAULT_MULTIPLIER[unit]))

    # ------------------------------------------------------------------------------------------------
    def entry(self):
        """The catalogue entry (dict, as in the YAML file) the form describes."""
        dyn = self.kind_combo.currentData() == "dynamics"
        e = {
            "id": self.id_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "topic": self.topic_combo.currentText(),
            "kind": self.kind_combo.currentData(),
        }
        if self.short_edit.text().strip():
            e["short_name"] = self.short_edit.text().strip()
        if dyn:
            e["base_indicator"] = self.base_combo.currentText().strip()
            e["change"] = self.change_combo.currentText().strip()
            e["period_years"] = self.period_spin.value()
        else:
            e["numerator"] = _split(self.num_edit.text())
            e["denominator"] = _split(self.den_edit.text())
        e["unit"] = self.unit_combo.currentText().strip()
        e["multiplier"] = self.mult_edit.text().strip()
        e["polarity"] = self.polarity_combo.currentData()
        for key, w in (("description", self.desc_edit), ("notes", self.notes_edit)):
            if w.toPlainText().strip():
                e[key] = w.toPlainText().strip()
        for key, w in (
            ("source", self.source_edit),
            ("update_interval", self.interval_edit),
            ("reference_date", self.refdate_edit),
        ):
            if w.text().strip():
                e[key] = w.text().strip()
        if self.mind_edit.text().strip():
            e["min_denominator"] = self.mind_edit.text().strip()
        e["disclosure_threshold"] = self.disc_spin.value()
        fields = [
            self.fields_list.item(k).data(Qt.ItemDataRole.UserRole)
            for k in range(self.fields_list.count())
            if self.fields_list.item(k).checkState() == Qt.CheckState.Checked
        ]
        if fields:
            e["action_fields"] = fields
        for key in ("multiplier", "min_denominator"):
            x = number_from_text(e[key]) if key in e else None  # '12,5' or '12.5'
            if x is not None:
                e[key] = int(x) if x.is_integer() else x
            # else left as text: the loader names the field
        return e

    def problems(self):
        """The catalogue validator's message for this entry, or '' when it is valid."""
        from ..core.errors import InputError

        e = self.entry()
        if not e["id"]:
            return self.tr("Enter an id (lower case letters, digits and _, e.g. sgb2_quote_u25).")
        if self.original is None and (e["id"] in self.catalogue.indicators or e["id"] in self.catalogue.disabled):
            return self.tr(
                "An indicator with the id '{}' exists already; choose another id or edit that indicator."
            ).format(e["id"])
        source = self.tr("this form")
        try:
            cat = self._cm.catalogue_from_dict({"indicators": [e]}, source=source, base=self.catalogue)
            self._cm.validate_catalogue(cat)
        except InputError as err:
            return self._own_lines(str(err), e["id"]).replace(f"{source}: ", "")  # we are in the form already
        return ""

    @staticmethod
    def _own_lines(text, ind_id):
        """Keep the problems about this indicator (others belong to the files, not to the form)."""
        lines = text.splitlines()
        mine = [ln for ln in lines[1:] if f"'{ind_id}'" in ln]
        if mine and len(mine) < len(lines) - 1:
            return "\n".join(mine)
        return "\n".join(lines[1:]) if len(lines) > 1 else text

    def check(self):
        msg = self.problems()
        self.messages.setText(msg)
        self.messages.setVisible(bool(msg))
        return not msg

    def accept(self):
        self._timer.stop()
        if not self.check():
            return
        self.accepted_entry = self.entry()
        super().accept()
