"""Generated files stay in step with the code that generates them: the shipped layout templates (.qpt, built by
processing/_layouts.py) and the Model Builder model (.model3, built by tools/make_model.py) are rebuilt here and
compared with the committed copies (XML canonical, random item uuids masked). docs/algorithms.md is checked by
tools/make_algorithm_docs.py --check (tests/qgis/test_conventions.py)."""

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsReadWriteContext

from sozialplanung_plugin.processing import _layouts as L

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "sozialplanung_plugin" / "resources"
_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")
HOW = {
    ".qpt": "run `python3 -m sozialplanung_plugin.processing._layouts` (writes the templates)",
    ".model3": "run tools/make_model.py",
}


def canonical(path):
    """The XML with attributes in a fixed order and the uuids QGIS draws at random for each item masked."""
    return ET.canonicalize(_UUID.sub("{uuid}", Path(path).read_text(encoding="utf-8")).strip())


def assert_same(built, shipped):
    assert canonical(built) == canonical(shipped), f"{shipped.name} is out of date: {HOW[shipped.suffix]}"


@pytest.mark.parametrize(
    "name",
    [f"overview_{s}_{o}" for s in ("a4", "a3") for o in ("landscape", "portrait")] + ["profile_a4_portrait"],
)
def test_layout_templates_are_what_the_builders_write(qgis_app, tmp_path, name):
    project = QgsProject()
    if name.startswith("overview"):
        _, size, orientation = name.split("_")
        layout = L.build_overview_template(project, size.upper(), orientation)
    else:
        layout = L.build_profile_template(project)
    built = tmp_path / f"{name}.qpt"
    assert layout.saveAsTemplate(str(built), QgsReadWriteContext())
    assert_same(built, RESOURCES / "templates" / f"{name}.qpt")


def test_model_is_what_make_model_writes(provider, tmp_path):
    spec = importlib.util.spec_from_file_location("make_model", ROOT / "tools" / "make_model.py")
    make_model = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_model)
    built = tmp_path / "pipeline.model3"
    assert make_model.build().toFile(str(built))
    assert_same(built, RESOURCES / "models" / "sozialplanung_pipeline.model3")


def test_the_check_fails_on_a_stale_copy(tmp_path):
    """The comparison is not blind: one changed attribute value is a difference, a new uuid is not."""
    shipped = RESOURCES / "models" / "sozialplanung_pipeline.model3"
    text = shipped.read_text(encoding="utf-8")
    other_uuid = tmp_path / "uuid.model3"
    other_uuid.write_text(_UUID.sub("{00000000-0000-0000-0000-000000000000}", text), encoding="utf-8")
    assert canonical(other_uuid) == canonical(shipped)
    stale = tmp_path / "stale.model3"
    stale.write_text(text.replace("sgb2_quote_2025", "sgb2_quote_2024", 1), encoding="utf-8")
    assert canonical(stale) != canonical(shipped)
