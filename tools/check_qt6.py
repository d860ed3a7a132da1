"""Qt6 / QGIS 4 readiness, checked statically against the QGIS this machine has.

PyQt6 (QGIS 4) only accepts scoped enums (``Qt.AlignmentFlag.AlignLeft``); QGIS 3.x accepts both. For every
``Class.Member`` in our Python files whose class comes from ``qgis.*`` and whose member is an enum value, this asks
the installed QGIS which enum the value belongs to and reports the unscoped use with its scoped name. It also
reports ``exec_()``, Qt imported other than through ``qgis.PyQt``, web views and compiled resources. When
``../shared/tools/qt6/scan_enums.py`` (the migration tool's data of every Qt 6 enum) is beside the project, it is
run too. Exit 1 on any finding.

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/check_qt6.py [PATH ...]
"""

import ast
import enum
import importlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ("sozialplanung_plugin", "tests", "tools", "bench")
QT_MODULES = ("qgis.core", "qgis.gui", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets", "qgis.PyQt.QtXml")
FORBIDDEN_IMPORTS = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
WEB_MODULES = ("QtWebKit", "QtWebKitWidgets", "QtWebEngineWidgets", "QtWebEngine")


def _namespace():
    names = {}
    for mod in QT_MODULES:
        try:
            module = importlib.import_module(mod)
        except ImportError:
            continue
        for name in dir(module):
            if name[:1].isupper():
                names.setdefault(name, getattr(module, name))
    return names


def _enum_of(value):
    """The enum type a value belongs to, or None (sip enums on PyQt5, Python enums on newer QGIS)."""
    if isinstance(value, enum.Enum):
        return type(value)
    meta = type(type(value))
    if meta.__name__ == "enumtype" and "sip" in meta.__module__:
        return type(value)
    return None


def unscoped(path, names):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parent = {c: p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        cls = names.get(node.value.id)
        if cls is None or not isinstance(cls, type):
            continue
        up = parent.get(node)
        if isinstance(up, ast.Attribute) and up.value is node:
            continue  # Class.Enum.Member, or a method/attribute of something else
        value = getattr(cls, node.attr, None)
        if value is None or isinstance(value, type):
            continue
        kind = _enum_of(value)
        if kind is not None and kind.__name__ != node.attr:
            yield node.lineno, f"{node.value.id}.{node.attr} -> {node.value.id}.{kind.__name__}.{node.attr}"


def other_findings(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "exec_":
            yield node.lineno, "exec_() -> exec()"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for m in mods:
                if m.split(".")[0] in FORBIDDEN_IMPORTS:
                    yield node.lineno, f"imports {m}: use qgis.PyQt"
                if any(w in m.split(".") for w in WEB_MODULES):
                    yield node.lineno, f"imports {m}: no web views (gone from QGIS 4 builds)"
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis.PyQt"):
                for a in node.names:
                    if a.name in WEB_MODULES:
                        yield node.lineno, f"imports {a.name}: no web views"
            if any("resources_rc" in m for m in mods) or any(a.name == "resources_rc" for a in node.names):
                yield node.lineno, "compiled Qt resources: load files by path"


def main(args):
    paths = [Path(a) for a in (args or DEFAULT_PATHS)]
    files = []
    for p in paths:
        p = p if p.is_absolute() else ROOT / p
        files += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    files = [f for f in files if not any(part.startswith(".") or part == "__pycache__" for part in f.parts)]
    names = _namespace()
    found = 0
    for f in files:
        rel = f.relative_to(ROOT) if f.is_relative_to(ROOT) else f
        for line, text in [*unscoped(f, names), *other_findings(f)]:
            print(f"{rel}:{line}: {text}")
            found += 1
    shared = ROOT.parent / "shared" / "tools" / "qt6" / "scan_enums.py"
    if shared.exists():
        out = subprocess.run([sys.executable, str(shared), *map(str, files)], capture_output=True, text=True)
        if out.stdout.strip():
            print(out.stdout.rstrip())
            found += len(out.stdout.strip().splitlines())
    print(f"check_qt6: {found} finding(s) in {len(files)} file(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
