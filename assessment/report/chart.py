"""Readiness per theme as a vector chart (ReportLab graphics) on a fixed 0–100 scale.

Three or more themes give a radar; fewer give horizontal bars (a radar of two themes is a line).
The previous scan is drawn as a dashed line with square markers, this scan as a solid line with
round markers, so the two are told apart without colour; every value is also printed in text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import cos, pi, sin
from typing import Literal

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing, Line, Polygon, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessment.report.fonts import BOLD, FAMILY
from assessment.report.shapes import rect
from assessment.report.styles import CURRENT, GRID, MUTED, PREVIOUS, TEXT

SCALE = (25, 50, 75, 100)
TextAnchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Series:
    name: str  # legend text, already cleaned
    values: Sequence[float | None]  # 0–100 per theme; None = no value


class FixedScaleSpider(SpiderChart):
    """SpiderChart scales every series to max(data); pin the outer ring to 100 instead."""

    value_max = 100.0

    def normalizeData(self, outer: float = 0.0) -> list[list[float]]:
        self._norm = self.value_max
        return [
            [min(max(v or 0.0, 0.0), self.value_max) / self.value_max for v in row]
            for row in self.data
        ]


def readiness_chart(
    labels: Sequence[str],
    current: Series,
    previous: Series | None,
    value_text: Callable[[float | None], str],
    width: float,
) -> Drawing:
    if len(labels) >= 3:
        return _radar(labels, current, previous, value_text, width)
    return _bars(labels, current, previous, value_text, width)


def _series_in_drawing_order(current: Series, previous: Series | None) -> list[tuple[Series, bool]]:
    # The previous scan first, so this scan is drawn on top.
    return ([(previous, True)] if previous else []) + [(current, False)]


def _radar(
    labels: Sequence[str],
    current: Series,
    previous: Series | None,
    value_text: Callable[[float | None], str],
    width: float,
) -> Drawing:
    radius = 60.0
    height = 2 * radius + 72  # room for two label lines above, label and legend below
    drawing = Drawing(width, height, initialFontName=FAMILY)
    cx, cy = width / 2, radius + 38
    count = len(labels)

    def point(index: float, fraction: float) -> tuple[float, float]:
        angle = pi / 2 - 2 * pi * index / count  # first theme at the top, clockwise
        return cx + radius * fraction * cos(angle), cy + radius * fraction * sin(angle)

    for step in SCALE:  # grid rings
        ring = [c for i in range(count) for c in point(i, step / 100)]
        drawing.add(Polygon(ring, fillColor=None, strokeColor=GRID, strokeWidth=0.5))
    spider = FixedScaleSpider()
    # The stubs type a widget's position and size as int; ReportLab takes any number.
    spider.x, spider.y = cx - radius, cy - radius  # type: ignore[assignment]
    spider.width = spider.height = 2 * radius  # type: ignore[assignment]
    shown = _series_in_drawing_order(current, previous)
    spider.data = [list(series.values) for series, _ in shown]
    spider.labels = None
    spider.spokes.strokeColor = GRID
    spider.spokes.strokeWidth = 0.5
    for row, (series, is_previous) in enumerate(shown):
        color = PREVIOUS if is_previous else CURRENT
        strand = spider.strands[row]
        strand.strokeColor = color
        strand.strokeWidth = 1.2 if is_previous else 1.8
        strand.strokeDashArray = (4, 2) if is_previous else None
        strand.fillColor = colors.Color(*color.rgb(), alpha=0.08 if is_previous else 0.18)
        for column, value in enumerate(series.values):
            marker = spider.strands[(row, column)]
            marker.symbol = None if value is None else ("Square" if is_previous else "Circle")
            marker.symbolSize = 4.5
            marker.fillColor = colors.white if is_previous else color
            marker.strokeColor = color
    drawing.add(spider)
    # Scale numbers between the first two spokes, clear of the theme labels, on a light patch so
    # that a line running through them does not make them unreadable.
    for value in SCALE:
        x, y = point(0.5, value / 100)
        text = str(value)
        drawing.add(
            rect(
                x - 1,
                y - 3.5,
                stringWidth(text, FAMILY, 6) + 2,
                7,
                fillColor=colors.Color(1, 1, 1, alpha=0.75),
                strokeColor=None,
            )
        )
        drawing.add(String(x, y - 2, text, fontName=FAMILY, fontSize=6, fillColor=MUTED))

    for index, label in enumerate(labels):
        _theme_label(drawing, label, value_text(current.values[index]), index, count, point)
    _legend(drawing, shown, width, 2)
    return drawing


def _theme_label(
    drawing: Drawing,
    label: str,
    value: str,
    index: int,
    count: int,
    point: Callable[[float, float], tuple[float, float]],
) -> None:
    angle = pi / 2 - 2 * pi * index / count
    x, y = point(index, 1.0)
    x += 8 * cos(angle)
    y += 8 * sin(angle)
    horizontal, vertical = cos(angle), sin(angle)
    anchor: TextAnchor = "start" if horizontal > 0.25 else "end" if horizontal < -0.25 else "middle"
    lines = simpleSplit(label, FAMILY, 8, 118)
    line_height = 9.5
    block = (len(lines) + 1) * line_height
    if vertical > 0.25:  # above the chart: the block grows upwards
        top = y + block - 2
    elif vertical < -0.25:  # below: it hangs down
        top = y - 1
    else:
        top = y + block / 2 - 2
    for number, line in enumerate(lines):
        drawing.add(
            String(
                x,
                top - (number + 1) * line_height + 2,
                line,
                fontName=FAMILY,
                fontSize=8,
                fillColor=TEXT,
                textAnchor=anchor,
            )
        )
    drawing.add(
        String(
            x,
            top - (len(lines) + 1) * line_height + 2,
            value,
            fontName=BOLD,
            fontSize=8,
            fillColor=CURRENT,
            textAnchor=anchor,
        )
    )


def _legend(drawing: Drawing, shown: list[tuple[Series, bool]], width: float, y: float) -> None:
    entries = list(reversed(shown))  # this scan first
    widths = [30 + stringWidth(series.name, FAMILY, 8) for series, _ in entries]
    gap = 24
    x = (width - sum(widths) - gap * (len(entries) - 1)) / 2
    for (series, is_previous), entry_width in zip(entries, widths, strict=True):
        color = PREVIOUS if is_previous else CURRENT
        drawing.add(
            Line(
                x,
                y + 3,
                x + 22,
                y + 3,
                strokeColor=color,
                strokeWidth=1.2 if is_previous else 1.8,
                # None, a solid line, is ReportLab's default, which the stubs leave out
                strokeDashArray=(4, 2) if is_previous else None,  # type: ignore[arg-type]
            )
        )
        drawing.add(
            makeMarker(
                "Square" if is_previous else "Circle",
                x=x + 11,
                y=y + 3,
                size=4.5,
                fillColor=colors.white if is_previous else color,
                strokeColor=color,
            )
        )
        drawing.add(String(x + 28, y, series.name, fontName=FAMILY, fontSize=8, fillColor=TEXT))
        x += entry_width + gap


def _bars(
    labels: Sequence[str],
    current: Series,
    previous: Series | None,
    value_text: Callable[[float | None], str],
    width: float,
) -> Drawing:
    label_width, value_width = 150.0, 40.0
    row_height = 30.0 if previous else 20.0
    top_pad, legend_height = 16.0, 30.0
    height = top_pad + row_height * len(labels) + legend_height
    drawing = Drawing(width, height, initialFontName=FAMILY)
    left = label_width
    span = width - label_width - value_width
    bottom = legend_height
    for step in (0, *SCALE):
        x = left + span * step / 100
        drawing.add(Line(x, bottom, x, height - top_pad + 4, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(
            String(
                x,
                height - top_pad + 7,
                str(step),
                fontName=FAMILY,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for index, label in enumerate(labels):
        row_top = height - top_pad - index * row_height
        lines = simpleSplit(label, FAMILY, 8, label_width - 8)[:2]
        for number, line in enumerate(lines):
            drawing.add(
                String(
                    0,
                    row_top - 10 - number * 9.5,
                    line,
                    fontName=FAMILY,
                    fontSize=8,
                    fillColor=TEXT,
                )
            )
        bars = [(current, False, row_top - 12)]
        if previous:
            bars.append((previous, True, row_top - 23))
        for series, is_previous, y in bars:
            value = series.values[index]
            color = PREVIOUS if is_previous else CURRENT
            length = span * min(max(value or 0.0, 0.0), 100.0) / 100
            drawing.add(
                rect(
                    left,
                    y,
                    length,
                    8,
                    fillColor=colors.white if is_previous else color,
                    strokeColor=color,
                    strokeWidth=0.8,
                    strokeDashArray=(3, 1.5) if is_previous else None,
                )
            )
            drawing.add(
                String(
                    left + length + 4,
                    y + 1,
                    value_text(value),
                    fontName=FAMILY if is_previous else BOLD,
                    fontSize=7.5,
                    fillColor=color,
                )
            )
    _legend_bars(drawing, _series_in_drawing_order(current, previous), width, 8)
    return drawing


def _legend_bars(
    drawing: Drawing, shown: list[tuple[Series, bool]], width: float, y: float
) -> None:
    entries = list(reversed(shown))
    widths = [22 + stringWidth(series.name, FAMILY, 8) for series, _ in entries]
    gap = 24
    x = (width - sum(widths) - gap * (len(entries) - 1)) / 2
    for (series, is_previous), entry_width in zip(entries, widths, strict=True):
        color = PREVIOUS if is_previous else CURRENT
        drawing.add(
            rect(
                x,
                y,
                14,
                7,
                fillColor=colors.white if is_previous else color,
                strokeColor=color,
                strokeWidth=0.8,
                strokeDashArray=(3, 1.5) if is_previous else None,
            )
        )
        drawing.add(String(x + 20, y, series.name, fontName=FAMILY, fontSize=8, fillColor=TEXT))
        x += entry_width + gap
