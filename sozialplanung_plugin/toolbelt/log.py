"""One logging helper for docks and algorithms: the details go into the QGIS message log under the plugin's tab
(errors with their traceback), the user gets a sentence.

    from ..toolbelt.log import log, log_error
    log("Catalogue loaded", "info")
    except Exception as err:
        log_error(err, "Catalogue dock: loading the catalogue")   # traceback -> log, tab 'Sozialplanung'
        self.show_message(self.tr("The catalogue could not be loaded: {}").format(err))  # words -> user
"""

import traceback

from qgis.core import Qgis, QgsMessageLog

TAG = "Sozialplanung"
_LEVELS = {
    "info": Qgis.MessageLevel.Info,
    "warning": Qgis.MessageLevel.Warning,
    "critical": Qgis.MessageLevel.Critical,
    "success": Qgis.MessageLevel.Success,
}


def log(message, level="info"):
    """A line in the QGIS message log, tab 'Sozialplanung' (level: info, warning, critical, success)."""
    QgsMessageLog.logMessage(str(message), TAG, _LEVELS.get(level, Qgis.MessageLevel.Info))


def log_error(err, where=""):
    """Log an exception with its traceback (level critical) and return its text for the user's message.

    ``where`` says what was being done ('sozialplanung:aggregateindicators', 'Catalogue dock: import').
    """
    details = "".join(traceback.format_exception(type(err), err, err.__traceback__)).rstrip()
    log(f"{where}: {err}\n{details}" if where else details, "critical")
    return str(err) or type(err).__name__
