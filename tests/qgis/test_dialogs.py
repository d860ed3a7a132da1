"""The algorithms' own dialogs (processing's AlgorithmDialog, as the toolbox opens them), driven with pytest-qt.

Issue 19: help panels showed hard-wrapped sentences; dialogs were long flat lists. Screenshots: with
SOZIALPLANUNG_SCREENSHOT_DIR set (e.g. docs/img) the screenshot tests save there, else into the test's tmp folder.
"""

import os
import re
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "sozialplanung_plugin" / "resources" / "help"
sys.path.append("/usr/share/qgis/python/plugins")


def shot_dir(tmp_path):
    target = Path(os.environ.get("SOZIALPLANUNG_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def language(qgis_app, provider):
    """Switch the plugin's language (translator + the help's language setting) for one test."""
    import subprocess

    from sozialplanung_plugin.toolbelt.i18n import install_translator, remove_translator

    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag", None), settings.value("locale/userLocale", None))
    installed = []

    def _set(lang):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "de_DE" if lang == "de" else "en_US")
        if lang == "de" and not installed:
            subprocess.run(["make", "-s", "i18n"], cwd=ROOT, check=True)
            translator = install_translator("de")
            assert translator is not None
            installed.append(translator)

    yield _set
    for t in installed:
        remove_translator(t)
    for key, value in zip(("locale/overrideFlag", "locale/userLocale"), saved):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def open_dialog(qtbot, alg_id, size=(1000, 700)):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"sozialplanung:{alg_id}")
    assert alg is not None, alg_id
    dialog = AlgorithmDialog(alg)
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def help_browser(dialog):
    from qgis.PyQt.QtWidgets import QTextBrowser

    return dialog.findChild(QTextBrowser, "textShortHelp")


# ------------------------------------------------------------------------------------------------ help
@pytest.mark.parametrize("lang", ["en", "de"])
def test_help_panels_are_flowing_short_paragraphs(qtbot, provider, language, lang):
    """Every algorithm's help panel: the title, then the file's paragraphs, each one flowing paragraph ending a
    sentence (QGIS turns every line break into a paragraph: a wrapped file showed half sentences), short."""
    language(lang)
    problems = []
    for alg in sorted(provider.algorithms(), key=lambda a: a.name()):
        source = (HELP / lang / f"{alg.name()}.html").read_text(encoding="utf-8")
        n_paragraphs = len(re.findall(r"<p>", source))
        dialog = open_dialog(qtbot, alg.name())
        lines = [ln.strip() for ln in help_browser(dialog).toPlainText().split("\n") if ln.strip()]
        dialog.close()
        title, paragraphs = lines[0], lines[1:]
        if title != alg.displayName():
            problems.append(f"{alg.name()}: title {title!r}")
        if len(paragraphs) != n_paragraphs:
            problems.append(f"{alg.name()}: {len(paragraphs)} lines shown for {n_paragraphs} paragraphs")
        problems += [f"{alg.name()}: broken paragraph {p[-40:]!r}" for p in paragraphs if not p.endswith(".")]
        words = sum(len(p.split()) for p in paragraphs)
        if words > 170:
            problems.append(f"{alg.name()}: {words} words (keep the panel short; details go to docs/)")
        if lang == "de" and " the " in " ".join(paragraphs):
            problems.append(f"{alg.name()}: English in the German help")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_screenshot_help_panel(qtbot, provider, language, tmp_path, lang):
    """The compositeindex dialog with its help panel (docs/img/dialog_help_<lang>.png)."""
    language(lang)
    dialog = open_dialog(qtbot, "compositeindex", (1100, 720))
    text = help_browser(dialog).toPlainText()
    assert ("rank 1" if lang == "en" else "Rang 1") in text
    qtbot.wait(100)
    path = shot_dir(tmp_path) / f"dialog_help_{lang}.png"
    assert dialog.grab().save(str(path))
    dialog.close()
    assert path.stat().st_size > 10000
