"""core.charts: class and source texts of the sheets and the plain SVG trend chart (numbers: test_fields)."""

import xml.etree.ElementTree as ET

import pytest

from sozialplanung_plugin.core import charts


def test_short_sources():
    assert charts.short_sources(
        [
            "Bundesagentur für Arbeit, Grundsicherungsstatistik",
            "Bundesagentur für Arbeit",
            "Sozialamt / Statistik nach dem SGB XII",
            "Sozialamt; Destatis",
        ]
    ) == ["Bundesagentur für Arbeit", "Sozialamt"]


def test_class_range_labels():
    assert charts.class_range_labels([6.2, 8.4], 2.0, 31.1, 1, "%") == ["2,0 – 6,2 %", "6,2 – 8,4 %", "8,4 – 31,1 %"]


def test_svg_chart_is_valid_and_shows_no_suppressed_number():
    years = [2009, 2014, 2023, 2024, 2025]
    space = charts.mask_suppressed([9.6, 9.3, 77.7, 8.9, 11.0], ["", "", "suppressed", "", ""])
    assert space[2] is None
    svg = charts.svg_trend_chart(
        years,
        [
            ("Sozialraum", space, {"color": "#b2182b"}),
            ("Kreis", [7.0, 7.0, 7.1, 7.2, 7.2], {"ls": "--", "color": "#999999"}),
        ],
        unit="%",
        suppressed_years=[2023],
    )
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "2009" in texts and "2024" in texts and "2025" in texts and "• gesperrt" in texts and "%" in texts
    assert "Sozialraum" in texts and "Kreis" in texts
    # the gap: the space's line is split in two polylines (2009-2014 and 2024-2025), 4 points, none at 2023
    lines = [p for p in root.iter(f"{ns}polyline") if p.get("stroke") == "#b2182b"]
    assert [len(p.get("points").split()) for p in lines] == [2, 2]
    # y axis ticks cover the data but the axis never reaches the suppressed 77.7
    ticks = [
        float(t.replace(",", "."))
        for t in texts
        if t and t.replace(",", "").isdigit() and t not in {str(y) for y in years}
    ]
    assert max(ticks) < 20 and min(ticks) <= 7.0


@pytest.mark.parametrize("values", [[None, None], [5.0, None]])
def test_svg_chart_with_few_values(values):
    svg = charts.svg_trend_chart([2024, 2025], [("Sozialraum", values, {})])
    ET.fromstring(svg)
