"""docs/architecture.md is true to the tree: every module it names exists, every core module is named."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "sozialplanung_plugin"


def layout_block():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Layout", 1)[1]
    return section.split("```", 2)[1]


def test_every_module_named_exists():
    names = set(re.findall(r"\b([a-z_0-9]+\.py)\b", layout_block())) - {"metadata.txt"}
    existing = {p.name for p in PLUGIN.rglob("*.py")} | {p.name for p in (ROOT / "tools").glob("*.py")}
    existing |= {p.name for p in (ROOT / "tests").glob("*.py")} | {p.name for p in (ROOT / "bench").glob("*.py")}
    assert names and not sorted(names - existing), sorted(names - existing)
    for folder in re.findall(r"^\s+([a-z_]+)/\s", layout_block(), re.M):
        assert (PLUGIN / folder).is_dir() or (PLUGIN / "core" / folder).is_dir() or (ROOT / folder).is_dir(), folder


def test_every_core_module_is_named():
    block = layout_block()
    core = [p.name for p in (PLUGIN / "core").glob("*.py") if p.name != "__init__.py"]
    core += [p.name + "/" for p in (PLUGIN / "core").iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    missing = [m for m in core if m not in block]
    assert not missing, f"docs/architecture.md does not name {missing}"


def test_every_shared_processing_ui_and_toolbelt_module_is_named():
    """The algorithm modules are one per algorithm (docs/algorithms.md lists them); every other module is named."""
    block = layout_block()
    modules = [p for p in (PLUGIN / "processing").glob("_*.py") if p.name != "__init__.py"]
    modules += [PLUGIN / "processing" / "base.py", PLUGIN / "processing" / "provider.py"]
    for folder in ("ui", "toolbelt"):
        modules += [p for p in (PLUGIN / folder).glob("*.py") if p.name != "__init__.py"]
    missing = sorted(f"{p.parent.name}/{p.name}" for p in modules if not re.search(rf"\b{re.escape(p.name)}\b", block))
    assert not missing, f"docs/architecture.md does not name {missing}"


def test_package_docstrings_tell_the_truth():
    """ui/ has no .ui files and toolbelt/ no preferences module: their package docstrings must not say otherwise."""
    assert not list(PLUGIN.rglob("*.ui"))
    assert ".ui files loaded" not in (PLUGIN / "ui" / "__init__.py").read_text(encoding="utf-8")
    toolbelt = (PLUGIN / "toolbelt" / "__init__.py").read_text(encoding="utf-8")
    assert "preferences" not in toolbelt or (PLUGIN / "toolbelt" / "prefs.py").exists()
