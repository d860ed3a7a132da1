"""Build the shipped Model Builder model resources/models/sozialplanung_pipeline.model3.

Blocks -> social spaces (definesocialspaces) -> indicators per social space (aggregateindicators) -> composite
index with classes (compositeindex) -> overview map sheet PDF (overviewmapsheets). Written by code so the model
stays in step with the algorithms' parameter names; open it in *Processing > Model Designer* to adapt it.

    PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_model.py [--out PATH]

The file is the same bytes on every run: QGIS writes each element's attributes in the order of a hash seeded
afresh per process (Qt's QDom), so `write` puts them in sorted order (the element order is QGIS's own, sorted
by key) -- a regenerated model differs from the shipped one only where the model changed.
"""

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as tools/make_model.py from a checkout

from sozialplanung_plugin.compat import ProcessingFieldParameterDataType, ProcessingSourceType  # noqa: E402

TARGET = ROOT / "sozialplanung_plugin" / "resources" / "models" / "sozialplanung_pipeline.model3"

#: the index of the model: a general z-score index of four 2025 status shares (demo county field names)
INDEX_FIELDS = "sgb2_quote_2025;kinderarmut_sgb2_u15_2025;arbeitslose_anteil_2025;grundsicherung_alter_2025"


def build():
    from qgis.core import (
        QgsApplication,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterField,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterString,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Src,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("Sozialplanung pipeline", "Sozialplanung")
    model.setHelpContent(
        {
            "ALG_DESC": (
                "From statistical blocks to a printed map: dissolve blocks into social spaces by an assignment field "
                "(with a validation report), aggregate the block statistics tables to social spaces (rates from summed "
                "counts), compute a composite index (z-scores, mean, classes) and print an overview map sheet (PDF)."
            )
        }
    )

    def param(definition, x):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, 60))
        model.addModelParameter(definition, component)

    param(QgsProcessingParameterVectorLayer("blocks", "Statistical blocks", [ProcessingSourceType.VectorPolygon]), 120)
    param(QgsProcessingParameterField("block_key", "Block key field", "block_id", "blocks"), 300)
    param(QgsProcessingParameterField("space_field", "Social space id field (assignment)", "sr_id", "blocks"), 480)
    param(
        QgsProcessingParameterField("space_name_field", "Social space name field", "sr_name", "blocks", optional=True),
        660,
    )
    param(QgsProcessingParameterField("municipality_field", "Municipality field", "municipality", "blocks"), 840)
    param(
        QgsProcessingParameterField(
            "population_field", "Residents field", "residents", "blocks", ProcessingFieldParameterDataType.Numeric
        ),
        1020,
    )
    param(
        QgsProcessingParameterMultipleLayers("tables", "Statistics tables (CSV/XLSX)", ProcessingSourceType.File), 1200
    )
    param(
        QgsProcessingParameterString("index_fields", "Indicator fields of the index (separated by ;)", INDEX_FIELDS),
        1380,
    )
    param(
        QgsProcessingParameterVectorLayer(
            "municipalities", "Municipal boundaries", [ProcessingSourceType.VectorPolygon], optional=True
        ),
        1560,
    )

    def child(alg_id, child_id, description, x, y, sources, outputs):
        c = QgsProcessingModelChildAlgorithm(f"sozialplanung:{alg_id}")
        c.setChildId(child_id)
        c.setDescription(description)
        c.setPosition(QPointF(x, y))
        for name, value in sources.items():
            c.addParameterSources(name, value if isinstance(value, list) else [value])
        # as the Model Designer does: every other input parameter gets its default value
        alg = QgsApplication.processingRegistry().algorithmById(f"sozialplanung:{alg_id}")
        for definition in alg.parameterDefinitions():
            if definition.name() in sources or definition.isDestination():
                continue
            if definition.defaultValue() is not None:
                c.addParameterSources(definition.name(), [Src.fromStaticValue(definition.defaultValue())])
        model_outputs = {}
        for out_name, (child_output, description_text) in outputs.items():
            o = QgsProcessingModelOutput(out_name, description_text)
            o.setChildId(child_id)
            o.setChildOutputName(child_output)
            o.setDescription(description_text)
            o.setPosition(QPointF(x + 220, y + 60))
            model_outputs[out_name] = o
        c.setModelOutputs(model_outputs)
        model.addChildAlgorithm(c)
        return c

    p, s, o = Src.fromModelParameter, Src.fromStaticValue, Src.fromChildOutput
    child(
        "definesocialspaces",
        "spaces",
        "Define social spaces",
        300,
        240,
        {
            "BLOCKS": p("blocks"),
            "ASSIGNMENT": p("space_field"),
            "NAME_FIELD": p("space_name_field"),
            "MUNICIPALITY_FIELD": p("municipality_field"),
            "POPULATION_FIELD": p("population_field"),
            "FLOOR": s(0),
            "CEILING": s(0),
        },
        {"Social spaces": ("OUTPUT", "Social spaces"), "Validation report": ("REPORT", "Validation report")},
    )
    child(
        "aggregateindicators",
        "indicators",
        "Aggregate indicators to social spaces",
        300,
        420,
        {
            "UNITS": p("blocks"),
            "UNIT_KEY": p("block_key"),
            "TABLES": p("tables"),
            "LEVEL_FIELDS": [p("space_field")],
            "LEVEL_NAME_FIELDS": [p("space_name_field")],
            "COUNTY": s(False),
            "DISCLOSURE": s(True),
            "THRESHOLD": s(3),
            "DISSOLVE": s(True),
        },
        {"Indicators per social space": ("OUTPUT_1", "Indicators per social space")},
    )
    child(
        "compositeindex",
        "index",
        "Composite index (z-scores, mean, classes)",
        300,
        600,
        {
            "INPUT": o("indicators", "OUTPUT_1"),
            "KEY_FIELD": s("key"),
            "PRESET": s(0),
            "INDICATORS": Src.fromExpression("string_to_array(@index_fields, ';')"),
            "NORMALISATION": s(0),
            "WEIGHTING": s(0),
            "AGGREGATION": s(0),
            "CLASS_METHOD": s(1),
            "N_CLASSES": s(5),
            "PREFIX": s("idx"),
        },
        {"Composite index": ("OUTPUT", "Composite index")},
    )
    child(
        "overviewmapsheets",
        "maps",
        "Overview map sheet",
        300,
        780,
        {
            "INPUT": o("index", "OUTPUT"),
            "FIELDS": s("idx_class"),
            "NAME_FIELD": s("name"),
            "METHOD": s(4),
            "MUNICIPALITIES": p("municipalities"),
            "MUNICIPALITY_NAME": s("name"),
            "TITLE": s("Composite index of social need"),
            "ADD_TO_PROJECT": s(False),
        },
        {"Overview map sheet": ("OUTPUT", "Overview map sheet (PDF)")},
    )
    return model


_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+=\"[^\"]*\")+)(\s*/?)>")
_ATTR = re.compile(r"([\w.:-]+)=\"([^\"]*)\"")


def stable_xml(text):
    """The XML QGIS wrote with every element's attributes in sorted order (QDom escapes '"' and '>' in values,
    so a start tag ends at the first '>' outside quotes); nothing else changed."""

    def tag(m):
        attrs = sorted(_ATTR.findall(m.group(2)))
        return "<" + m.group(1) + "".join(f' {k}="{v}"' for k, v in attrs) + m.group(3) + ">"

    return _TAG.sub(tag, text)


def write(model, path):
    """The model as QGIS writes it (QgsProcessingModelAlgorithm.toFile), attributes sorted; False if QGIS fails."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="make-model-") as work:
        raw = os.path.join(work, path.name)
        if not model.toFile(raw):
            return False
        text = Path(raw).read_text(encoding="utf-8")
    path.write_bytes(stable_xml(text).encode("utf-8"))
    return True


def main():
    from qgis.core import QgsApplication

    parser = argparse.ArgumentParser(description="Build the shipped Model Builder model.")
    parser.add_argument("--out", default=str(TARGET), help="where to write it (default: the shipped file)")
    target = Path(parser.parse_args().out).resolve()

    app = QgsApplication.instance() or QgsApplication([], False)
    QgsApplication.initQgis()
    sys.path.insert(0, str(ROOT))
    from sozialplanung_plugin.processing.provider import SozialplanungProvider

    provider = SozialplanungProvider()  # keep a reference: the registry does not keep the Python object alive
    QgsApplication.processingRegistry().addProvider(provider)
    model = build()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not write(model, target):
        sys.exit(f"could not write {target}")
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    del app


if __name__ == "__main__":
    main()
