"""Plugin lifecycle: Processing provider (also for qgis_process), menu, toolbar and docks."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .toolbelt.i18n import install_translator, remove_translator
from .toolbelt.paths import resource


class SozialplanungPlugin:
    """Created by classFactory. qgis_process calls initProcessing() only; QGIS desktop calls initGui()."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.actions = []
        self.docks = []
        self.menu_title = None

    @staticmethod
    def tr(string):
        return QCoreApplication.translate("SozialplanungPlugin", string)

    # --- Processing --------------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS naming)
        if self.translator is None:
            self.translator = install_translator()
        if self.provider is None:
            from .processing.provider import SozialplanungProvider

            self.provider = SozialplanungProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- GUI ---------------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.menu_title = self.tr("&Sozialplanung")

        from .ui.catalogue_dock import CatalogueDock

        catalogue = CatalogueDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, catalogue)
        catalogue.hide()
        catalogue.schedule_prewarm()  # parse the catalogue in the background once QGIS is up
        self.docks.append(catalogue)

        toggle = catalogue.toggleViewAction()
        toggle.setIcon(QIcon(str(resource("icons", "catalogue.svg"))))
        toggle.setText(self.tr("Indicator catalogue"))
        toggle.setToolTip(self.tr("Show or hide the indicator catalogue"))
        toggle.setObjectName("sozialplanung_catalogue_toggle")
        self._add_action(toggle, toolbar=True)

        from .ui.profile_dock import ProfileDock

        profile = ProfileDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, profile)
        profile.hide()
        self.docks.append(profile)
        toggle = profile.toggleViewAction()
        toggle.setIcon(QIcon(str(resource("icons", "profile.svg"))))  # its own, not QGIS's identify tool
        toggle.setText(self.tr("Social-space profile"))
        toggle.setToolTip(self.tr("Show or hide the profile of a social space"))
        toggle.setObjectName("sozialplanung_profile_toggle")
        self._add_action(toggle, toolbar=True)

        toolbox = QAction(
            QIcon(str(resource("icons", "sozialplanung.svg"))),
            self.tr("Sozialplanung algorithms…"),
            self.iface.mainWindow(),
        )
        toolbox.setObjectName("sozialplanung_toolbox")
        toolbox.triggered.connect(self._show_toolbox)
        self._add_action(toolbox, toolbar=False)

    def _add_action(self, action, toolbar):
        self.iface.addPluginToMenu(self.menu_title, action)
        if toolbar:
            self.iface.addToolBarIcon(action)
        self.actions.append((action, toolbar))

    def _show_toolbox(self):
        """Open the Processing toolbox filtered to this plugin's algorithms."""
        from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit

        for dock in self.iface.mainWindow().findChildren(QDockWidget):
            if dock.objectName() == "ProcessingToolbox":
                dock.setVisible(True)
                dock.raise_()
                search = dock.findChild(QLineEdit)
                if search is not None:
                    search.setText("sozialplanung")
                return

    def unload(self):
        for action, toolbar in self.actions:
            self.iface.removePluginMenu(self.menu_title, action)
            if toolbar:
                self.iface.removeToolBarIcon(action)
            if action.parent() is self.iface.mainWindow():  # ours; a dock's toggle action goes with its dock
                action.deleteLater()
        self.actions = []
        for dock in self.docks:
            if hasattr(dock, "release_tool"):
                dock.release_tool()  # the map canvas must not keep our map tool
            dock.save_state()
            self.iface.removeDockWidget(dock)
            dock.close()
            dock.deleteLater()
        self.docks = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
