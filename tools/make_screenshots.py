"""Make the pictures in docs/img anew, each from where it comes from (a build step, not by hand).

Two kinds, listed in SHOTS (tests/core/test_screenshots_listed.py checks that the list and docs/img agree, that
every picture is shown in a doc and that every producer exists):

- ``Test``: a test that saves the picture into $SOZIALPLANUNG_SCREENSHOT_DIR (dialogs, docks, styled layers);
  run here with that variable set to docs/img, under a virtual X screen (xvfb-run) for the docks.
- ``Page``: a page of a PDF that `make demo` writes (map sheets, reports), rendered with pdftoppm. The demo test
  (tests/qgis/test_demo.py) renders the same pages from its own demo run and fails when a committed picture no
  longer shows what the demo makes (on the reference QGIS): then run this tool.

    PYTHONNOUSERSITE=1 /usr/bin/python3 tools/make_screenshots.py --demo-out out      # after `make demo`
    PYTHONNOUSERSITE=1 /usr/bin/python3 tools/make_screenshots.py --only pages --demo-out out
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"


@dataclass(frozen=True)
class Test:
    """Saved by this test (pytest node id) when SOZIALPLANUNG_SCREENSHOT_DIR is set."""

    node: str
    xvfb: bool = False  # needs a real (virtual) X screen instead of Qt's offscreen platform


@dataclass(frozen=True)
class Page:
    """Page ``page`` (1-based) of the demo output ``pdf`` (a path below the demo's --out folder) at ``dpi``."""

    pdf: str
    page: int
    dpi: int


DIALOGS = "tests/qgis/test_screenshots.py::test_screenshot_dialogs"
HELP = "tests/qgis/test_dialogs.py::test_screenshot_help_panel"
DOCKS = "tests/qgis/test_docks.py::test_screenshots"

SHOTS = {
    "dialog_aggregateindicators.png": Test(DIALOGS),
    "dialog_compositeindex.png": Test(DIALOGS),
    "dialog_help_de.png": Test(HELP),
    "dialog_help_en.png": Test(HELP),
    "dialog_hotspots.png": Test("tests/qgis/test_screenshots.py::test_screenshot_hotspots_dialog"),
    "dialog_profileatlas_years.png": Test("tests/qgis/test_screenshots.py::test_screenshot_profileatlas_years"),
    "dock_catalogue.png": Test(DOCKS, xvfb=True),
    "dock_indicator_form.png": Test(DOCKS, xvfb=True),
    "dock_profile.png": Test(DOCKS, xvfb=True),
    "layer_indicators_styled.png": Test("tests/qgis/test_screenshots.py::test_screenshot_styled_indicator_layer"),
    "mss_bivariate_legend.png": Test("tests/qgis/test_screenshots.py::test_screenshot_mss_bivariate_legend"),
    "mss_map_sheet.png": Test("tests/qgis/test_screenshots.py::test_screenshot_mss_map_sheet"),
}
ROESRATH = (
    "sozialraumberichte/sozialraumbericht_05378028_R_srath.pdf"  # the municipal sub-report shown in docs/reports.md
)
PAGES = {
    "map_sheet_overview.png": Page("overview_maps.pdf", 1, 70),
    "access_map_kita.png": Page("access_maps.pdf", 1, 100),  # Kita: the first type of the facility types file
    "profile_offers.png": Page("profiles.pdf", 2, 100),  # Bergisch Gladbach 01, page 2: Angebote im Sozialraum
    "map_sheet_profile_1.png": Page("profiles.pdf", 13, 70),  # Bergisch Gladbach 05 (3 pages a space)
    "map_sheet_profile_suppressed.png": Page("profiles.pdf", 1, 70),  # Bergisch Gladbach 01: youth unemployment •
    "sozialbericht_kapitel.png": Page("sozialbericht.pdf", 11, 60),
    "sozialbericht_staerken.png": Page("sozialbericht.pdf", 24, 60),
    "sozialraumbericht_titel.png": Page(ROESRATH, 1, 60),
    "sozialraumbericht_karte.png": Page(ROESRATH, 2, 60),
    "sozialraumbericht_rangfolge.png": Page(ROESRATH, 12, 60),
    "steckbrief_spine.png": Page(ROESRATH, 22, 60),  # Rösrath 04, page 2 of its profile sheet
}
SHOTS.update(PAGES)


def render_page(pdf, page, dpi, target):
    """One PDF page as PNG (pdftoppm), written to ``target``."""
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(prefix),
            ],
            check=True,
        )
        shutil.copy(f"{prefix}.png", target)
    return target


def make_pages(demo_out, names=None):
    for name, shot in SHOTS.items():
        if isinstance(shot, Page) and (names is None or name in names):
            pdf = Path(demo_out) / shot.pdf
            if not pdf.exists():
                sys.exit(f"{pdf} is missing: run `make demo` (or tools/run_demo.py --out {demo_out}) first")
            print("page", render_page(pdf, shot.page, shot.dpi, IMG / name).relative_to(ROOT))


def make_tests(names=None):
    tests = {}
    for name, shot in SHOTS.items():
        if isinstance(shot, Test) and (names is None or name in names):
            tests.setdefault(shot, []).append(name)
    for shot, made in tests.items():
        env = dict(os.environ, PYTHONNOUSERSITE="1", SOZIALPLANUNG_SCREENSHOT_DIR=str(IMG))
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", shot.node]
        if shot.xvfb:
            env["QT_QPA_PLATFORM"] = "xcb"
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"] + cmd
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        print("test", shot.node, "->", ", ".join(made))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo-out", default=str(ROOT / "out"), help="the folder `make demo` wrote (out)")
    parser.add_argument("--only", choices=("pages", "tests"), help="only one kind")
    parser.add_argument("names", nargs="*", help="only these pictures (file names in docs/img)")
    args = parser.parse_args()
    names = set(args.names) or None
    unknown = (names or set()) - set(SHOTS)
    if unknown:
        sys.exit(f"not in SHOTS: {', '.join(sorted(unknown))}")
    if args.only != "tests":
        make_pages(args.demo_out, names)
    if args.only != "pages":
        make_tests(names)


if __name__ == "__main__":
    main()
