"""The readiness chart: a radar pinned to 0–100 for three or more themes, bars for fewer."""

from __future__ import annotations

from reportlab.graphics.shapes import String

from assessment.report.chart import FixedScaleSpider, Series, readiness_chart
from assessment.report.fonts import register_fonts


def strings(drawing) -> list[str]:
    found = []

    def walk(node):
        if isinstance(node, String):
            found.append(node.text)
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    return found


def test_the_radar_scale_is_fixed_at_100_not_at_the_highest_value():
    spider = FixedScaleSpider()
    spider.data = [[20.0, 40.0, None], [10.0, 120.0, -5.0]]
    assert spider.normalizeData() == [[0.2, 0.4, 0.0], [0.1, 1.0, 0.0]]


def test_radar_shows_every_theme_label_value_scale_and_legend():
    register_fonts()
    labels = ["Professionalisering", "Implementatieplanning", "Leiderschap", "Draagvlak"]
    drawing = readiness_chart(
        labels,
        Series("Deze scan", [50.0, None, 75.5, 100.0]),
        Series("Vorige scan", [25.0, 30.0, None, 90.0]),
        lambda v: "–" if v is None else f"{v:.1f}".replace(".", ","),
        480,
    )
    texts = strings(drawing)
    for expected in [*labels, "50,0", "–", "75,5", "100,0", "Deze scan", "Vorige scan"]:
        assert expected in texts
    assert {"25", "50", "75", "100"} <= set(texts)


def test_two_themes_get_bars_with_the_values_of_both_scans():
    register_fonts()
    drawing = readiness_chart(
        ["Alfa", "Beta"],
        Series("Nu", [60.0, 10.0]),
        Series("Toen", [40.0, None]),
        lambda v: "–" if v is None else str(v),
        480,
    )
    texts = strings(drawing)
    assert {"Alfa", "Beta", "60.0", "10.0", "40.0", "–", "Nu", "Toen"} <= set(texts)
