"""Readiness per theme over the school years as a vector line chart (ReportLab graphics). Each
theme has its own colour, marker and dash, and its last value printed, so it reads in grey print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from assessment.report.fonts import FAMILY
from assessment.report.styles import GRID, TEXT
from assessment.report.trend import THEME_COLOURS
from assessment.views.trend import TrendPoint

MARKERS = ("FilledCircle", "FilledSquare", "FilledDiamond", "FilledTriangle", "FilledCross")
DASHES = (None, (4, 2), (1, 2), (6, 2, 1, 2), (2, 2))


def trend_drawing(
    points: Sequence[TrendPoint],
    theme_labels: Sequence[str],
    value_text: Callable[[float | None], str],
    width: float,
) -> Drawing:
    """``theme_labels`` are cleaned for the embedded font, in the order of each point's values."""
    legend_rows = (len(theme_labels) + 1) // 2
    height = 170.0 + legend_rows * 12
    drawing = Drawing(width, height, initialFontName=FAMILY)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 20 + legend_rows * 12
    # The stubs type a widget's size as int; ReportLab takes any number.
    chart.width, chart.height = width - 80, 140  # type: ignore[assignment]
    chart.data = [[p.readiness[index] for p in points] for index in range(len(theme_labels))]
    chart.categoryAxis.categoryNames = [p.label for p in points]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = TEXT
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.joinedLines = True
    for index in range(len(theme_labels)):
        line = chart.lines[index]
        line.strokeColor = colors.HexColor(THEME_COLOURS[index % len(THEME_COLOURS)])
        line.strokeWidth = 1.4
        line.strokeDashArray = DASHES[index % len(DASHES)]
        line.symbol = makeMarker(MARKERS[index % len(MARKERS)], size=4.5)
        line.symbol.fillColor = line.strokeColor
        line.symbol.strokeColor = line.strokeColor
    drawing.add(chart)
    # The newest value of every theme to the right of its line, pushed apart where lines end close
    # together, each beside a marker of its line.
    step = chart.width / max(len(points), 1)
    ends = sorted(
        (chart.y + chart.height * values[-1] / 100, index)
        for index, values in enumerate(chart.data)
        if values[-1] is not None
    )
    placed: list[float] = []
    for y, _ in ends:
        placed.append(max(y, placed[-1] + 9) if placed else y)
    x = chart.x + step * (len(points) - 0.5) + 12
    for (_, index), y in zip(ends, placed, strict=True):
        marker = makeMarker(MARKERS[index % len(MARKERS)], size=4)
        marker.x, marker.y = x, y
        marker.fillColor = marker.strokeColor = chart.lines[index].strokeColor
        drawing.add(marker)
        drawing.add(
            String(
                x + 5,
                y - 2.5,
                value_text(chart.data[index][-1]),
                fontName=FAMILY,
                fontSize=7,
                fillColor=TEXT,
            )
        )
    _legend(drawing, theme_labels, chart, width)
    return drawing


def _legend(
    drawing: Drawing, labels: Sequence[str], chart: HorizontalLineChart, width: float
) -> None:
    column = (width - 40) / 2
    for index, label in enumerate(labels):
        x = 30 + (index % 2) * column
        y = 4 + ((len(labels) - 1) // 2 - index // 2) * 12
        line = chart.lines[index]
        drawing.add(
            Line(
                x,
                y + 3,
                x + 22,
                y + 3,
                strokeColor=line.strokeColor,
                strokeWidth=1.4,
                strokeDashArray=line.strokeDashArray,
            )
        )
        marker = makeMarker(MARKERS[index % len(MARKERS)], size=4.5)
        marker.x, marker.y = x + 11, y + 3
        marker.fillColor = marker.strokeColor = line.strokeColor
        drawing.add(marker)
        drawing.add(String(x + 27, y, label, fontName=FAMILY, fontSize=7.5, fillColor=TEXT))
