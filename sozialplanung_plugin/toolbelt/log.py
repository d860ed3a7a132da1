"""Logging into the QGIS message log under the plugin's own tab."""

from qgis.core import Qgis, QgsMessageLog

TAG = "Sozialplanung"


def log(message, level="info"):
    levels = {
        "info": Qgis.MessageLevel.Info,
        "warning": Qgis.MessageLevel.Warning,
        "critical": Qgis.MessageLevel.Critical,
        "success": Qgis.MessageLevel.Success,
    }
    QgsMessageLog.logMessage(str(message), TAG, levels.get(level, Qgis.MessageLevel.Info))
