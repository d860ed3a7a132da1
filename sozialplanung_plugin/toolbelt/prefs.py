"""Plugin preferences kept in QgsSettings under 'sozialplanung/'."""

from qgis.core import QgsSettings

PREFIX = "sozialplanung/"

DEFAULTS = {
    "catalogue/overlay_path": "",  # a county's own catalogue file overlaying the default
    "disclosure/threshold": 3,  # primary suppression: counts below this are suppressed
    "index/min_residents": 300,  # units below this are excluded from index reference statistics
}


def get(key, default=None, type_=None):
    default = DEFAULTS.get(key, default)
    if type_ is None and default is not None:
        type_ = type(default)
    if type_ is None:
        return QgsSettings().value(PREFIX + key, default)
    return QgsSettings().value(PREFIX + key, default, type=type_)


def set(key, value):  # noqa: A001 (mirrors QgsSettings)
    QgsSettings().setValue(PREFIX + key, value)
