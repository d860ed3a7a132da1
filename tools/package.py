"""Build the plugin zip that QGIS's Plugin Manager installs with "Install from ZIP".

The zip holds one folder, sozialplanung_plugin/, with metadata.txt, code, resources and compiled translations
(.qm); no caches, no translation sources.
"""

import argparse
import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "sozialplanung_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}


def version():
    meta = configparser.ConfigParser(interpolation=None)
    meta.read(PLUGIN / "metadata.txt", encoding="utf-8")
    return meta["general"]["version"]


def files():
    for path in sorted(PLUGIN.rglob("*")):
        rel = path.relative_to(PLUGIN)
        if any(part in SKIP_DIRS for part in rel.parts) or path.is_dir():
            continue
        if path.suffix in SKIP_SUFFIXES:
            continue
        yield path


def build(out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ts = list((PLUGIN / "resources" / "i18n").glob("*.ts"))
    missing_qm = [t for t in ts if not t.with_suffix(".qm").exists()]
    if missing_qm:
        sys.exit(f"compiled translations missing (run 'make i18n'): {', '.join(map(str, missing_qm))}")
    target = out_dir / f"sozialplanung_plugin-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files():
            arcname = Path("sozialplanung_plugin") / path.relative_to(PLUGIN)
            zf.write(path, arcname.as_posix())
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="dist")
    print(build(parser.parse_args().out))
