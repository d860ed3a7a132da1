"""Logging into the QGIS message log under the plugin's own tab."""
from qgis.core import Qgis, QgsMessageLog

TAG = "Sozialplanung"


def log(message, level="info"):
    levels = {"info": Qgis.Info, "warning": Qgis.Warning, "critical": Qgis.Critical, "success": Qgis.Success}
    QgsMessageLog.logMessage(str(message), TAG, levels.get(level, Qgis.Info))
