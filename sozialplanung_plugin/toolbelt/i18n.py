"""Translation: the user's locale, a translator for the plugin's .qm file, and localised help files."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core import i18n as core_i18n
from .paths import resource


def _translate_core(text):
    return QCoreApplication.translate("core", text)


def user_language():
    """Two-letter language of the QGIS user interface ('de', 'en', ...)."""
    override = QgsSettings().value("locale/overrideFlag", False, type=bool)
    locale = QgsSettings().value("locale/userLocale", "") if override else ""
    if not locale:
        locale = QgsSettings().value("locale/userLocale", "") or QLocale().name()
    return (locale or "en")[:2].lower()


def install_translator(language=None):
    """Install the plugin's translator for the language; returns it (to remove on unload) or None."""
    language = language or user_language()
    qm = resource("i18n", f"sozialplanung_{language}.qm")
    if not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    locale = QLocale(language)
    core_i18n.set_translator(  # the core's messages (core/i18n.py) and fill() outside it in the same language
        _translate_core, decimal=locale.decimalPoint(), quotes=locale.quoteString("")
    )
    return translator


def remove_translator(translator):
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        core_i18n.set_translator(None)


def help_text(name, language=None):
    """Help text (HTML) from resources/help/<lang>/<name>.html, falling back to English, as one line.

    QGIS's algorithm dialog turns every line break of the help into a paragraph of its own, so a file wrapped
    for reading would show broken sentences; the HTML paragraphs (<p>) are what separates paragraphs.
    """
    language = language or user_language()
    for lang in (language, "en"):
        path = resource("help", lang, f"{name}.html")
        if path.exists():
            return " ".join(path.read_text(encoding="utf-8").split())
    return ""
