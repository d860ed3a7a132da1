"""The shipped Model Builder model loads, is valid and runs blocks -> social spaces -> indicators -> index -> PDF."""

import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "sozialplanung_plugin" / "resources" / "models" / "sozialplanung_pipeline.model3"
CHILDREN = {
    "spaces": "sozialplanung:definesocialspaces",
    "indicators": "sozialplanung:aggregateindicators",
    "index": "sozialplanung:compositeindex",
    "maps": "sozialplanung:overviewmapsheets",
}


@pytest.fixture
def model(provider):
    m = QgsProcessingModelAlgorithm()
    assert m.fromFile(str(MODEL)), f"{MODEL} does not load"
    return m


def demo_params(demo_dir, out):
    gpkg = demo_dir / "rbk_demo.gpkg"
    return {
        "blocks": f"{gpkg}|layername=blocks",
        "block_key": "block_id",
        "space_field": "sr_id",
        "space_name_field": "sr_name",
        "municipality_field": "municipality",
        "population_field": "residents",
        "tables": [str(demo_dir / "bloecke_2014.csv"), str(demo_dir / "bloecke_2025.csv")],
        "index_fields": "sgb2_quote_2025;kinderarmut_sgb2_u15_2025;arbeitslose_anteil_2025;grundsicherung_alter_2025",
        "municipalities": f"{gpkg}|layername=municipalities",
        "spaces:Social spaces": str(out / "spaces.gpkg"),
        "spaces:Validation report": str(out / "report.gpkg"),
        "indicators:Indicators per social space": str(out / "indicators.gpkg"),
        "index:Composite index": str(out / "index.gpkg"),
        "maps:Overview map sheet": str(out / "index_map.pdf"),
    }


def test_model_chains_the_four_algorithms(model):
    children = {cid: c.algorithmId() for cid, c in model.childAlgorithms().items()}
    assert children == CHILDREN
    for cid, child in model.childAlgorithms().items():
        assert child.algorithm() is not None, f"{cid}: algorithm {child.algorithmId()} not available"
        ok, problems = model.validateChildAlgorithm(cid)
        assert ok, (cid, problems)
    names = {p.name() for p in model.parameterDefinitions()}
    assert {"blocks", "tables", "index_fields", "municipalities"} <= names


def test_model_runs_on_the_demo_county(model, run_alg, demo_dir, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    result = processing.run(
        model, demo_params(demo_dir, tmp_path), feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
    )
    spaces = QgsVectorLayer(result["spaces:Social spaces"], "spaces", "ogr")
    assert spaces.featureCount() == 68
    index = QgsVectorLayer(result["index:Composite index"], "index", "ogr")
    assert index.featureCount() == 68
    classes = {f["idx_class"] for f in index.getFeatures()}
    assert classes <= {1, 2, 3, 4, 5} and len(classes) >= 3
    pdf = Path(result["maps:Overview map sheet"])
    assert pdf.stat().st_size > 10_000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Composite index of social need" in text


def test_model_runs_through_qgis_process(qgis_process, demo_dir, tmp_path):
    params = demo_params(demo_dir, tmp_path)
    result = qgis_process(str(MODEL), params)
    assert Path(result["results"]["maps:Overview map sheet"]).exists()
