"""Generated files stay in step with the code that generates them: the shipped layout templates (.qpt, built by
tools/make_templates.py) and the Model Builder model (.model3, built by tools/make_model.py) are rebuilt here and
compared with the committed copies (XML canonical, random item uuids masked; both tools also write the same bytes on
every run). docs/algorithms.md is checked by
tools/make_algorithm_docs.py --check (tests/qgis/test_conventions.py).

The committed copies are written by QGIS 3.22 (the development host). Another QGIS writes its own XML for the
same content (3.44 adds and reorders options, sizes auto-fitted labels by its own fonts), so there the check is
on content: the same layout items (type and id) and the same model (child algorithms, their parameters and
sources, the model's inputs), and the shipped copy must load."""

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsReadWriteContext

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "sozialplanung_plugin" / "resources"
_UUID = re.compile(r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}")
HOW = {
    ".qpt": "run tools/make_templates.py (writes the templates)",
    ".model3": "run tools/make_model.py",
}


def canonical(path):
    """The XML with attributes in a fixed order and the uuids QGIS draws at random for each item masked."""
    return ET.canonicalize(_UUID.sub("{uuid}", Path(path).read_text(encoding="utf-8")).strip())


REFERENCE_QGIS = 322  # the QGIS (major * 100 + minor) that writes the committed copies


def on_reference_qgis():
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION_INT // 100 == REFERENCE_QGIS


def assert_same(built, shipped):
    if on_reference_qgis():
        assert canonical(built) == canonical(shipped), f"{shipped.name} is out of date: {HOW[shipped.suffix]}"
    elif shipped.suffix == ".qpt":
        assert template_items(built) == template_items(shipped), f"{shipped.name} is out of date: {HOW['.qpt']}"
        assert_template_loads(shipped)
    else:
        assert model_content(built) == model_content(shipped), f"{shipped.name} is out of date: {HOW['.model3']}"


def template_items(path):
    """(item type, item id) of every layout item, in order."""
    root = ET.parse(path).getroot()
    return [(e.get("type"), e.get("id")) for e in root.iter("LayoutItem")]


def assert_template_loads(path):
    from qgis.core import QgsPrintLayout
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    assert doc.setContent(Path(path).read_text(encoding="utf-8"))
    project = QgsProject()  # kept alive while the layout exists
    layout = QgsPrintLayout(project)
    items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
    assert ok and len(items) == len(template_items(path)), path
    del layout


def _as_int(value):
    """An enum value as int: sip enums on 3.22 are ints, 3.44's scoped enums are Python enums."""
    try:
        return int(value)
    except TypeError:
        return int(value.value)


def model_content(path):
    """What the model is: its inputs and each child's algorithm with every parameter's source."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path)), path
    # inputs only: the names QGIS gives the model's outputs (destination parameters) differ between versions
    inputs = sorted(
        (p.name(), p.type(), str(p.defaultValue())) for p in model.parameterDefinitions() if not p.isDestination()
    )
    children = {}
    for cid, child in model.childAlgorithms().items():
        params = {}
        for name, sources in child.parameterSources().items():
            params[name] = [
                (_as_int(s.source()), str(s.staticValue()), s.parameterName(), s.outputChildId(), s.outputName())
                for s in sources
            ]
        children[cid] = (child.algorithmId(), params)
    return inputs, children


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEMPLATES = sorted(p.stem for p in (RESOURCES / "templates").glob("*.qpt"))


def test_every_shipped_template_has_a_builder(qgis_app):
    assert TEMPLATES and sorted(_tool("make_templates").builders()) == TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_layout_templates_are_what_the_builders_write(qgis_app, tmp_path, name):
    project = QgsProject()
    layout = _tool("make_templates").builders()[name](project)
    built = tmp_path / f"{name}.qpt"
    assert layout.saveAsTemplate(str(built), QgsReadWriteContext())
    assert_same(built, RESOURCES / "templates" / f"{name}.qpt")


def test_model_is_what_make_model_writes(provider, tmp_path):
    make_model = _tool("make_model")
    built = tmp_path / "pipeline.model3"
    assert make_model.build().toFile(str(built))
    assert_same(built, RESOURCES / "models" / "sozialplanung_pipeline.model3")


def test_make_model_writes_the_same_bytes_on_every_run(provider, tmp_path):
    """QGIS (Qt's QDom) writes each element's attributes in an order drawn afresh per process, so every run of
    tools/make_model.py gave a diff of ~1,400 lines without a change. It sorts them now: a run in another process
    (another hash seed) writes the same bytes as one here, and on the reference QGIS those are the shipped file
    byte for byte."""
    import os
    import subprocess
    import sys

    make_model = _tool("make_model")
    here = tmp_path / "here.model3"
    assert make_model.write(make_model.build(), here)
    other = tmp_path / "other.model3"
    env = dict(os.environ, PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen")
    env.pop("QT_HASH_SEED", None)
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_model.py"), "--out", str(other)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert other.read_bytes() == here.read_bytes()
    assert re.search(r'<Option name="active" type="bool" value="true"/>', here.read_text(encoding="utf-8"))
    if on_reference_qgis():
        shipped = RESOURCES / "models" / "sozialplanung_pipeline.model3"
        assert here.read_bytes() == shipped.read_bytes(), f"{shipped.name} is out of date: {HOW['.model3']}"


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


def test_the_content_check_for_other_qgis_versions_fails_on_a_stale_copy(qgis_app, tmp_path):
    """On QGIS other than the reference, a changed parameter or a missing layout item is still a difference."""
    shipped = RESOURCES / "models" / "sozialplanung_pipeline.model3"
    stale = tmp_path / "stale.model3"
    stale.write_text(shipped.read_text(encoding="utf-8").replace("sgb2_quote_2025", "sgb2_quote_2024", 1))
    assert model_content(stale) != model_content(shipped)
    qpt = RESOURCES / "templates" / "overview_a4_portrait.qpt"
    root = ET.parse(qpt).getroot()
    first = next(root.iter("LayoutItem"))
    first.set("id", first.get("id", "") + "_renamed")
    renamed = tmp_path / "renamed.qpt"
    ET.ElementTree(root).write(renamed, encoding="unicode")
    assert template_items(renamed) != template_items(qpt)


def test_make_templates_writes_the_same_bytes_on_every_run(qgis_app, tmp_path):
    """Like the model: attributes sorted, and the item uuids (drawn at random by QGIS) derived from the template's
    name, consistently for every reference. A run in another process writes the same bytes as one here; on the
    reference QGIS those are the shipped templates byte for byte."""
    import os
    import subprocess
    import sys

    here = tmp_path / "here"
    written = _tool("make_templates").write_templates(here)
    other = tmp_path / "other"
    env = dict(os.environ, PYTHONNOUSERSITE="1", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_templates.py"), str(other)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert sorted(p.name for p in written) == sorted(f"{n}.qpt" for n in TEMPLATES)
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert (other / path.name).read_bytes() == path.read_bytes(), path.name
        # every uuid a reference points to (a legend's map, a multi-frame's frames) is an item's own uuid
        own = set(re.findall(r'\suuid="(\{[^"]+\})"', text))
        refs = set(re.findall(r'(?:map_uuid|mapUuid|multiFrameTemplateUuid|templateUuid)="(\{[^"]+\})"', text))
        assert own and refs <= own, (path.name, refs - own)
        if on_reference_qgis():
            shipped = RESOURCES / "templates" / path.name
            assert path.read_bytes() == shipped.read_bytes(), f"{shipped.name} is out of date: {HOW['.qpt']}"
