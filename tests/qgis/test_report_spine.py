"""The spine chart on the profile sheets (second atlas page per space) and in the profile dock."""

import subprocess

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from ..helpers import pdf_pages, pdf_text
from . import _report_data

report_demo = _report_data.report_demo  # the session fixture


@pytest.mark.slow
def test_profile_sheets_with_spine_page(run_alg, report_demo, tmp_path):
    layer = QgsVectorLayer(report_demo["spaces"], "spaces", "ogr")
    # the 12 spaces of Burscheid and Leichlingen only, to keep the test short
    layer.setSubsetString("\"key\" LIKE '05378008%' OR \"key\" LIKE '05378016%'")
    n = layer.featureCount()
    assert 4 <= n <= 20
    out = tmp_path / "profiles.pdf"
    res = run_alg(
        "profileatlas",
        {
            "INPUT": layer,
            "MUNICIPALITIES": report_demo["municipalities"],
            "MUNICIPALITY_NAME": "name",
            "SPINE_PAGE": True,
            "OUTPUT": str(out),
        },
    )
    assert res["PAGE_COUNT"] == n
    assert pdf_pages(out) == 2 * n
    first = sorted(f["key"] for f in layer.getFeatures())[0]
    feat = next(f for f in layer.getFeatures() if f["key"] == first)
    p2 = pdf_text(out, 2)
    assert f"{feat['name']}: Stärken und Schwächen" in p2 and "Auffällig" in p2.replace("ﬀ", "ff")
    # the chart itself is an SVG picture (QtSvg draws its text as outlines): look at the rendered page instead:
    # the space with the highest child poverty has red (weakness) marks, one without weaknesses none
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    keys = sorted(f["key"] for f in layer.getFeatures())
    worst = max(layer.getFeatures(), key=lambda f: f["sgb2_quote_2025"])

    def red_share(key):
        page = 2 * keys.index(key) + 2
        prefix = tmp_path / f"p{page}"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), str(out), str(prefix)], check=True
        )
        png = next(tmp_path.glob(f"p{page}*.png"))
        img = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
        arr = np.frombuffer(img.constBits().asstring(img.sizeInBytes()), np.uint8)
        arr = arr.reshape(img.height(), -1)[:, : img.width() * 3].reshape(img.height(), img.width(), 3).astype(int)
        red = (arr[..., 0] > 180) & (arr[..., 1] < 90) & (arr[..., 2] < 80)
        return red.mean()

    assert red_share(worst["key"]) > 0.0005
    # the page's chart is core.charts.svg_spine_chart of core.strengths: a suppressed value has no number there
    from sozialplanung_plugin.core import strengths as sw
    from sozialplanung_plugin.core.catalogue import default_catalogue

    supp = [f for f in layer.getFeatures() if f["jugendarbeitslosigkeit_flag_2025"] == "suppressed"]
    cat = default_catalogue()
    import pandas as pd

    frame = pd.DataFrame(
        [
            {n: f[n] for n in layer.fields().names() if n.startswith("jugendarbeitslosigkeit")} | {"key": f["key"]}
            for f in layer.getFeatures()
        ]
    ).set_index("key")
    frame = frame.apply(lambda c: pd.to_numeric(c, errors="coerce") if "flag" not in c.name else c)
    long = sw.assess(frame, [cat.indicators["jugendarbeitslosigkeit"]], 2025, catalogue=cat)
    for f in supp:
        row = sw.spine_rows(long, f["key"], {"jugendarbeitslosigkeit": "%"})[0]
        assert row["value_text"] == "•" and row["value"] is None
    # the spine page is the default (issue 17: on every profile sheet); switched off: one page per space
    res = run_alg("profileatlas", {"INPUT": layer, "OUTPUT": str(tmp_path / "default.pdf")})
    assert pdf_pages(tmp_path / "default.pdf") == 2 * n
    res = run_alg("profileatlas", {"INPUT": layer, "SPINE_PAGE": False, "OUTPUT": str(tmp_path / "one.pdf")})
    assert pdf_pages(tmp_path / "one.pdf") == n


def test_profile_dock_spine_chart(qtbot, report_demo):
    from sozialplanung_plugin.ui.profile_dock import ProfileDock

    layer = QgsVectorLayer(report_demo["spaces"], "Sozialräume (Spine)", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        dock = ProfileDock(None, settings_name="test_report_spine")
        qtbot.addWidget(dock)
        dock.show()
        dock.layer_combo.setLayer(layer)
        prof = dock.show_space("05378004-05", layer)
        assert prof is not None and dock.current_year() == 2025
        summary = dock.spine.summary()
        assert "SGB II-Quote (%)" in summary and "Kinderarmut (%)" in summary
        assert dock.spine.renderer.isValid()
        # the weakest space's marks are red (weakness colour) in the drawn SVG
        from sozialplanung_plugin.core.charts import SPINE_COLOURS

        assert SPINE_COLOURS["weakness"] in dock.spine.svg_text
        img = dock.spine.grab().toImage()
        assert img.width() > 50 and img.height() > 50
        dock.show_space("05378004-01", layer)
        assert dock.spine.svg_text and dock.spine.summary()
        dock.close()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
