"""Project conventions a linter does not know: Qt only via qgis.PyQt, no compiled resources, no heavy
imports at plugin load, no module-level pandas/numpy in processing/ and ui/, lowercase algorithm ids, no
module using another module's _private names, no bare English message outside the core (a refusal, warning or
info an algorithm shows must go through tr()/QCoreApplication.translate, so a German QGIS shows it in German)."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "sozialplanung_plugin"
HEAVY = ("pandas", "numpy", "scipy", "geopandas", "matplotlib", "sklearn", "shapely")
#: Calls whose first argument a user reads: refusals and the messages of the processing log. pushDebugInfo and
#: log() are for developers and may stay English.
MESSAGE_CALLS = ("QgsProcessingException", "InputError", "reportError", "pushWarning", "pushInfo")
_WORD = re.compile(r"[A-Za-z]{2}")


def module_level_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def private_uses(path):
    """Another module's _private names this module uses: imported by name, or read as module._name. A package's
    own helper modules (processing/_store.py ...) may be imported; their public names are their interface. The
    modules of a package split out of one module (core/store/, core/tables/) share their internals."""
    split_package = path.parent.parent.name == "core"  # e.g. core/store/: its modules share their internals
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()  # names bound to imported modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = (path.parent / ("../" * (node.level - 1))).resolve() if node.level else None
            for a in node.names:
                sub = base / (node.module or "").replace(".", "/") if base is not None else None
                is_module = sub is not None and ((sub / f"{a.name}.py").exists() or (sub / a.name).is_dir())
                if (is_module or node.module is None) and not (split_package and node.level == 1):
                    modules.add(a.asname or a.name)
                elif a.name.startswith("_") and not a.name.startswith("__"):
                    if not (split_package and node.level == 1):
                        yield f"imports {node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                modules.add((a.asname or a.name).split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            yield f"uses {node.value.id}.{node.attr}"


def has_words(node):
    """A string literal, an f-string or a concatenation whose literal text holds a word: English the user reads.
    A translated text (a call: tr(...), translate(...).format(...)) or a text of only values and marks is none."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _WORD.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return has_words(node.left) or (isinstance(node.op, ast.Add) and has_words(node.right))
    return False


def bare_english_messages(path):
    """``QgsProcessingException("...")``, ``InputError(f"...")``, ``feedback.pushWarning(f"...")`` ...: a message
    whose first argument is English text written in place, not passed through a translation."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name in MESSAGE_CALLS and has_words(node.args[0]):
            yield node.lineno, name


def main():
    problems = []
    for path in PLUGIN.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        problems += [
            f"{rel}: {use} (another module's private name: make it public or move it)" for use in private_uses(path)
        ]
        for name in module_level_imports(path):
            if name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                problems.append(f"{rel}: imports {name}; use qgis.PyQt")
            if rel.parts[1] in ("processing", "ui", "toolbelt") and name.split(".")[0] in HEAVY:
                problems.append(f"{rel}: module-level import of {name}; import it inside the function")
        if rel.parts[1] != "core":  # the core has its own test (tests/core/test_core_i18n.py)
            problems += [
                f"{rel}:{line}: {name}() with an English text; translate it (self.tr / QCoreApplication.translate)"
                for line, name in bare_english_messages(path)
            ]
        if "resources_rc" in text:
            problems.append(f"{rel}: uses compiled Qt resources; load files by path")
        if rel.parts[1] == "core" and ("from qgis" in text or "import qgis" in text):
            problems.append(f"{rel}: the core must not import qgis")
    # Only what the plugin adds counts: QGIS 3.40+ itself imports numpy/shapely with qgis.core.
    prelude = (
        "import sys; from qgis.core import QgsApplication; app = QgsApplication([], False); app.initQgis();"
        f"base = set(m for m in {HEAVY!r} if m in sys.modules);"
    )
    code = (
        "import sozialplanung_plugin; sozialplanung_plugin.classFactory(None).initProcessing();"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules and m not in base))"
    )
    env = dict(os.environ, PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", prelude + code], cwd=ROOT, env=env, capture_output=True, text=True)
    loaded = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    if out.returncode != 0:
        problems.append(f"loading the plugin failed: {out.stderr[-500:]}")
    elif loaded:
        problems.append(f"loading the plugin imports heavy modules: {loaded}")
    for line in problems:
        print(line)
    print(f"check_conventions: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
