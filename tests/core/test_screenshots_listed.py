"""The pictures in docs/img are made by a build step (tools/make_screenshots.py), never by hand: each is listed
there with what makes it, each is shown in a doc, and each producer exists. That the pictures still show what
the code makes is checked where it is made: the demo test renders the listed demo pages and compares them
(tests/qgis/test_demo.py); the screenshot tests make theirs on every run."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMG = ROOT / "docs" / "img"


def tool():
    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "tools" / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_picture_is_listed_with_its_producer():
    assert set(tool().SHOTS) == {p.name for p in IMG.glob("*.png")}


def test_every_picture_is_shown_in_a_doc_and_every_shown_picture_exists():
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    shown = {m for d in docs for m in re.findall(r"img/([\w.-]+\.png)", d.read_text(encoding="utf-8"))}
    pictures = {p.name for p in IMG.glob("*.png")}
    assert pictures - shown == set(), "pictures no doc shows"
    assert shown - pictures == set(), "pictures a doc shows that docs/img lacks"


def test_every_producer_exists():
    ms = tool()
    demo = (ROOT / "tools" / "run_demo.py").read_text(encoding="utf-8")
    for name, shot in ms.SHOTS.items():
        if isinstance(shot, ms.Test):
            path, func = shot.node.split("::")
            text = (ROOT / path).read_text(encoding="utf-8")
            assert f"def {func}(" in text, shot.node
            stem = name[: -len(".png")]
            assert stem in text or re.sub(r"_(de|en)$", "_{lang}", stem) in text, f"{shot.node} does not save {name}"
        else:
            assert isinstance(shot, ms.Page) and shot.page >= 1 and 30 <= shot.dpi <= 150, name
            first = Path(shot.pdf).parts[0]
            assert f'"{first}"' in demo or f'"{Path(shot.pdf).name}"' in demo, f"run_demo.py writes no {shot.pdf}"
