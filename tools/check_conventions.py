"""Project conventions a linter does not know: Qt only via qgis.PyQt, no compiled resources, no heavy
imports at plugin load, no module-level pandas/numpy in processing/ and ui/, lowercase algorithm ids."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "sozialplanung_plugin"
HEAVY = ("pandas", "numpy", "scipy", "geopandas", "matplotlib", "sklearn", "shapely")


def module_level_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def main():
    problems = []
    for path in PLUGIN.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        for name in module_level_imports(path):
            if name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                problems.append(f"{rel}: imports {name}; use qgis.PyQt")
            if rel.parts[1] in ("processing", "ui", "toolbelt") and name.split(".")[0] in HEAVY:
                problems.append(f"{rel}: module-level import of {name}; import it inside the function")
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
