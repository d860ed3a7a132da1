"""Build the plugin zip that QGIS's Plugin Manager installs ("Install from ZIP") and plugins.qgis.org accepts.

The zip holds one folder, sozialplanung_plugin/, with metadata.txt, LICENSE, code, resources and compiled
translations (.qm); no caches, no translation sources. The zip's metadata.txt gets ``changelog=`` generated from
CHANGELOG.md (the repository's metadata.txt stays the one version source and carries no changelog copy).

``validate(zip)`` applies the rules of the repository's upload validator (QGIS-Django ``plugins/validator.py``)
that can be checked offline, plus our own: no compiled or binary files beyond data, icons and ``.qm``.
``--release`` also refuses placeholder contacts and addresses (example.org, .example, localhost).

    python3 tools/package.py [--out dist] [--release]
"""

import argparse
import configparser
import io
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "sozialplanung_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts", ".orig", ".rej"}

MAX_SIZE = 25_000_000  # plugins.qgis.org PLUGIN_MAX_UPLOAD_SIZE
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker", "repository")
URL_KEYS = ("tracker", "repository", "homepage")
BOOLEAN = ("experimental", "deprecated", "server")
# file types the zip may hold: code, text resources, data the plugin ships, icons, compiled translations
ALLOWED_SUFFIXES = {
    ".py", ".txt", ".md", ".html", ".yaml", ".json", ".csv", ".geojson", ".qpt", ".qml", ".model3", ".svg",
    ".png", ".gpkg", ".qm",
}  # fmt: skip
BINARY_ALLOWED = {".gpkg", ".qm", ".png"}  # binary, but data / images / compiled translations, not code
PLACEHOLDER = re.compile(r"(^|[.@/])(example\.(org|com|net)|[^/]*\.example|localhost|invalid)([/:]|$)", re.I)


def metadata(path=PLUGIN / "metadata.txt"):
    meta = configparser.ConfigParser(interpolation=None)
    meta.optionxform = str
    meta.read(path, encoding="utf-8")
    return meta


def version():
    return metadata()["general"]["version"]


def changelog_sections(text):
    """[(version, date, [item, ...]), ...] from CHANGELOG.md, newest first as written."""
    sections, current = [], None
    for line in text.splitlines():
        m = re.match(r"^## (\S+)\s*-\s*(.+?)\s*$", line)
        if m:
            current = (m.group(1), m.group(2), [])
            sections.append(current)
        elif current is not None and line.startswith("- "):
            current[2].append(line[2:].strip())
        elif current is not None and line.startswith("  ") and current[2]:
            current[2][-1] += " " + line.strip()
    return sections


def changelog_for_metadata(text):
    """The metadata ``changelog=`` value: one line per version, its items as indented continuation lines."""
    lines = []
    for ver, _date, items in changelog_sections(text):
        lines.append(f"{ver}")
        lines += [f"- {item}" for item in items]
    return "\n    ".join(lines)


def files():
    for path in sorted(PLUGIN.rglob("*")):
        rel = path.relative_to(PLUGIN)
        if any(part in SKIP_DIRS for part in rel.parts) or path.is_dir():
            continue
        if path.suffix in SKIP_SUFFIXES:
            continue
        yield path


def zip_metadata_text():
    """metadata.txt as it goes into the zip: the repository's file plus the generated changelog."""
    text = (PLUGIN / "metadata.txt").read_text(encoding="utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("# changelog="))
    changelog = changelog_for_metadata((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    return text.rstrip("\n") + "\nchangelog=" + changelog + "\n"


def build(out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ts = list((PLUGIN / "resources" / "i18n").glob("*.ts"))
    missing_qm = [t for t in ts if not t.with_suffix(".qm").exists()]
    if missing_qm:
        sys.exit(f"compiled translations missing (run 'make i18n'): {', '.join(map(str, missing_qm))}")
    sections = changelog_sections((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    if not sections or sections[0][0] != version():
        sys.exit(f"CHANGELOG.md's newest section must be the version in metadata.txt ({version()})")
    target = out_dir / f"sozialplanung_plugin-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files():
            arcname = (Path("sozialplanung_plugin") / path.relative_to(PLUGIN)).as_posix()
            if path.name == "metadata.txt" and path.parent == PLUGIN:
                zf.writestr(arcname, zip_metadata_text())
            else:
                zf.write(path, arcname)
    return target


def _is_binary(data):
    return b"\0" in data[:8192]


def validate(zip_path, release=False):
    """Problems the repository's validator (and our own rules) would find in the zip; [] when it passes."""
    problems = []
    zip_path = Path(zip_path)
    if zip_path.stat().st_size > MAX_SIZE:
        problems.append(f"zip is {zip_path.stat().st_size} bytes, more than the limit of {MAX_SIZE}")
    try:
        zf = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile:
        return ["not a zip file"]
    with zf:
        names = zf.namelist()
        if zf.testzip() is not None:
            problems.append("bad zip (CRC error)")
        tops = {n.split("/")[0] for n in names}
        if len(tops) != 1:
            return problems + [f"the zip must hold one top folder, not {sorted(tops)}"]
        top = tops.pop()
        if not re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", top):
            problems.append(f"top folder name {top!r} is not a valid package name")
        if top != PLUGIN.name:
            problems.append(f"top folder is {top!r}, not the plugin's folder {PLUGIN.name!r}")
        for n in names:
            parts = n.split("/")
            if ".." in parts or n.startswith("/"):
                problems.append(f"path information in {n}")
            if ".pyc" in n or any(p in ("__MACOSX", ".git", "__pycache__") for p in parts):
                problems.append(f"forbidden file or folder {n}")
            suffix = Path(n).suffix.lower()
            if n.endswith("/"):
                continue
            if Path(n).name == "LICENSE":
                continue
            if suffix not in ALLOWED_SUFFIXES:
                problems.append(f"unexpected file type {n}")
            elif _is_binary(zf.read(n)) and suffix not in BINARY_ALLOWED:
                problems.append(f"binary content in {n}")
        for needed in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{top}/{needed}" not in names:
                problems.append(f"{needed} missing in {top}/")
        if f"{top}/metadata.txt" not in names:
            return problems
        meta = configparser.ConfigParser(interpolation=None)
        meta.optionxform = str
        try:
            meta.read_file(io.StringIO(zf.read(f"{top}/metadata.txt").decode("utf-8")))
        except (UnicodeDecodeError, configparser.Error) as exc:
            return problems + [f"metadata.txt cannot be parsed: {exc}"]
        if not meta.has_section("general"):
            return problems + ["metadata.txt has no [general] section"]
        general = meta["general"]
        for key in REQUIRED:
            if not general.get(key, "").strip():
                problems.append(f"metadata.txt: {key} is missing or empty")
        for key in URL_KEYS:
            url = general.get(key, "").strip()
            if url:
                parsed = urlparse(url)
                if parsed.scheme not in ("http", "https") or not parsed.netloc:
                    problems.append(f"metadata.txt: {key} is not a valid URL: {url}")
        for key in BOOLEAN:
            if key in general and general[key].strip().lower() not in ("true", "false", "1", "0"):
                problems.append(f"metadata.txt: {key} must be True or False")
        if "/" in general.get("author", ""):
            problems.append("metadata.txt: author must not contain slashes")
        if not re.match(r"^\d+\.\d+(\.\d+)?$", general.get("version", "")):
            problems.append(f"metadata.txt: version {general.get('version')!r} is not of the form X.Y.Z")
        for key in ("qgisMinimumVersion", "qgisMaximumVersion"):
            if key in general and not re.match(r"^\d+\.\d+(\.\d+)?$", general[key]):
                problems.append(f"metadata.txt: {key} {general[key]!r} is not a QGIS version")
        if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", general.get("email", "")):
            problems.append("metadata.txt: email is not an e-mail address")
        icon = general.get("icon", "").lstrip("./")
        if icon and f"{top}/{icon}" not in names:
            problems.append(f"metadata.txt: icon {icon} is not in the zip")
        if not general.get("changelog", "").strip():
            problems.append("metadata.txt: changelog is empty (generated from CHANGELOG.md)")
        if release:
            for key in ("email", *URL_KEYS):
                if PLACEHOLDER.search(general.get(key, "")):
                    problems.append(f"metadata.txt: {key} is a placeholder ({general[key]}); set the real one")
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="dist")
    parser.add_argument("--release", action="store_true", help="also refuse placeholder contacts and addresses")
    args = parser.parse_args()
    target = build(args.out)
    found = validate(target, release=args.release)
    for p in found:
        print(f"package: {p}", file=sys.stderr)
    print(target)
    sys.exit(1 if found else 0)
