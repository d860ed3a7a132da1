"""Indicator catalogue dock: indicators by topic field with a search box and a details pane.

The catalogue is loaded when the dock is first shown, not at QGIS start-up.
"""
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class CatalogueDock(QDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(self.tr("Indicator catalogue"), parent)
        self.iface = iface
        self.setObjectName("SozialplanungCatalogueDock")
        self.catalogue = None

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.search = QLineEdit(body)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search indicators (name, id, description)…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("tree")
        self.tree.setHeaderLabels([self.tr("Indicator"), self.tr("Unit")])
        self.details = QTextBrowser(body)
        self.details.setObjectName("details")
        split = QSplitter(Qt.Vertical, body)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        layout.addWidget(self.search)
        layout.addWidget(split)
        self.setWidget(body)

        self.search.textChanged.connect(self.apply_filter)
        self.tree.currentItemChanged.connect(self._show_details)

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("CatalogueDock", string)

    def showEvent(self, event):  # noqa: N802
        if self.catalogue is None:
            try:
                self.load()
            except Exception as err:  # a broken county catalogue must not break QGIS: say what is wrong
                self.details.setPlainText(self.tr("The indicator catalogue could not be loaded:\n{}").format(err))
        super().showEvent(event)

    def load(self, catalogue=None):
        if catalogue is None:
            from ..core.catalogue import load_catalogue

            catalogue = load_catalogue()
        self.catalogue = catalogue
        self.tree.clear()
        topics = {}
        for ind in catalogue.indicators.values():
            parent = topics.get(ind.topic)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [ind.topic])
                parent.setFlags(parent.flags() & ~Qt.ItemIsSelectable)
                topics[ind.topic] = parent
            item = QTreeWidgetItem(parent, [ind.name, ind.unit])
            item.setData(0, Qt.UserRole, ind.id)
        self.tree.expandAll()
        self.apply_filter(self.search.text())

    def apply_filter(self, text):
        needle = (text or "").casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            topic = self.tree.topLevelItem(i)
            visible = 0
            for j in range(topic.childCount()):
                item = topic.child(j)
                ind = self.catalogue.indicators[item.data(0, Qt.UserRole)]
                hay = " ".join(str(v) for v in (ind.id, ind.name, ind.short_name, ind.description)).casefold()
                hit = not needle or needle in hay
                item.setHidden(not hit)
                visible += hit
            topic.setHidden(visible == 0)

    def _show_details(self, item, _previous=None):
        if item is None or item.data(0, Qt.UserRole) is None:
            self.details.clear()
            return
        ind = self.catalogue.indicators[item.data(0, Qt.UserRole)]
        rows = [
            (self.tr("Id"), ind.id),
            (self.tr("Topic"), ind.topic),
            (self.tr("Numerator"), " + ".join(ind.numerator)),
            (self.tr("Denominator"), " + ".join(ind.denominator) or "—"),
            (self.tr("Unit"), ind.unit),
            (self.tr("Polarity"), ind.polarity),
            (self.tr("Kind"), ind.kind),
            (self.tr("Source"), ind.source),
        ]
        html = f"<h3>{ind.name}</h3><p>{ind.description}</p><table>"
        html += "".join(f"<tr><th align='left'>{k}</th><td>{v}</td></tr>" for k, v in rows)
        self.details.setHtml(html + "</table>")
