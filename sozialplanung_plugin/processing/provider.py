"""The 'sozialplanung' Processing provider; it finds the algorithm modules in this package by itself."""

import inspect
import pkgutil
import sys

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.log import log_error
from ..toolbelt.paths import plugin_version, resource
from .base import SozialplanungAlgorithm

_NOT_ALGORITHMS = {"base", "provider"}


def algorithm_classes():
    """All algorithm classes defined in the modules of this package (one module per algorithm)."""
    package = __name__.rsplit(".", 1)[0]
    classes = []
    for info in sorted(pkgutil.iter_modules(_package_path()), key=lambda m: m.name):
        if info.name in _NOT_ALGORITHMS or info.name.startswith("_"):
            continue
        try:
            # builtins.__import__ (not importlib) so QGIS's import hook tracks the module and a plugin reload
            # (unload + load) imports it afresh together with base.py
            __import__(f"{package}.{info.name}")
            module = sys.modules[f"{package}.{info.name}"]
        except Exception as err:  # one broken module must not hide the others
            log_error(err, f"Could not load algorithm module {info.name}")
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, SozialplanungAlgorithm)
                and cls is not SozialplanungAlgorithm
                and cls.__module__ == module.__name__
                and cls.ALG_ID
            ):
                classes.append(cls)
    return classes


def _package_path():
    from pathlib import Path

    return [str(Path(__file__).parent)]


class SozialplanungProvider(QgsProcessingProvider):
    def id(self):
        return "sozialplanung"

    def name(self):
        return QCoreApplication.translate("SozialplanungProvider", "Sozialplanung")

    def longName(self):
        return f"{self.name()} {plugin_version()}"

    def versionInfo(self):
        return plugin_version()

    def icon(self):
        return QIcon(str(resource("icons", "sozialplanung.svg")))

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
