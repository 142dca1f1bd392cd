"""The on-screen charts (plotly): the radar of readiness per theme, this scan against the previous
one, and readiness per theme over the school years."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache

import plotly.graph_objects as go

from assessment.report.trend import THEME_COLOURS
from assessment.views.trend import TrendPoint

# One look on screen and in the PDF: newest scan dark blue and solid, the previous one orange and
# dashed, drawn on top so it stays visible over the filled newest scan.
CURRENT_COLOUR = "#1f4e79"
PREVIOUS_COLOUR = "#c05a00"
MARKERS = ("circle", "square", "diamond", "triangle-up", "x")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
# Axis labels as in the PDF (styles.MUTED): Streamlit's chart theme draws them #808495, 3,7:1 on
# white, below the 4,5:1 WCAG AA asks of text this small.
AXIS_TEXT = "#5b6470"


def wrapped(label: str, width: int = 12) -> str:
    """A theme label broken over lines so that it fits beside a radar on a phone."""
    lines = textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(html.escape(line) for line in lines) or html.escape(label)


# Building a figure costs tens of milliseconds (plotly checks every property and copies its
# template), a rerun of Resultaten shows the same figures again: one figure per input is kept.
# Streamlit only reads a figure, so the same object serves every rerun and session.
FIGURES_KEPT = 256


def radar_figure(
    themes: Sequence[str],
    series: dict[str, list[float | None]],
    value_text: Callable[[float], str] = str,
) -> go.Figure:
    """``series`` maps a scan label to readiness per theme (0–100), oldest first, newest last.
    The same input gives the same figure object: do not change it."""
    texts = tuple(
        tuple(value_text(v) if v is not None else "–" for v in values) for values in series.values()
    )
    return _radar(
        tuple(themes), tuple((name, tuple(values)) for name, values in series.items()), texts
    )


@lru_cache(maxsize=FIGURES_KEPT)
def _radar(
    themes: tuple[str, ...],
    series_items: tuple[tuple[str, tuple[float | None, ...]], ...],
    texts: tuple[tuple[str, ...], ...],
) -> go.Figure:
    figure = go.Figure()
    labels = [wrapped(theme) for theme in themes]
    series = dict(series_items)
    text_of = dict(zip(series, texts, strict=True))
    names = list(series)
    newest = names[-1]
    for name in [newest, *names[:-1]]:  # the previous scan last, so it is drawn on top
        is_newest = name == newest
        values = [v if v is not None else 0 for v in series[name]]
        colour = CURRENT_COLOUR if is_newest else PREVIOUS_COLOUR
        figure.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*labels, labels[0]],
                name=html.escape(name),  # plotly reads a little HTML in trace names
                mode="lines+markers+text" if is_newest else "lines+markers",
                text=[*text_of[name], ""],
                textposition="top center",
                textfont={"color": CURRENT_COLOUR, "size": 12},
                fill="toself" if is_newest else "none",
                fillcolor="rgba(31, 78, 121, 0.15)" if is_newest else None,
                line={
                    "color": colour,
                    "dash": "solid" if is_newest else "dash",
                    "width": 3 if is_newest else 2.5,
                },
                marker={
                    "symbol": "circle" if is_newest else "square",
                    "size": 8 if is_newest else 7,
                },
                hovertemplate="%{theta}: %{r:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(
        polar={
            "radialaxis": {
                "range": [0, 100],
                "tickvals": [0, 25, 50, 75, 100],
                "angle": 54,  # between the first two spokes, clear of their labels
                "tickfont": {"size": 10, "color": AXIS_TEXT},
            },
            "angularaxis": {
                "direction": "clockwise",
                "rotation": 90,
                "tickfont": {"size": 10.5, "color": AXIS_TEXT},
            },
            "domain": {"x": [0.27, 0.73]},  # room beside the circle for a long one-word theme
        },
        showlegend=True,
        legend={"orientation": "h", "y": -0.15, "traceorder": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
        template="plotly_white",
        height=400,
    )
    return figure


def trend_figure(points: Sequence[TrendPoint], themes: Sequence[str]) -> go.Figure:
    """A line per theme over the school's scans, each with its own colour, marker and dash.
    The same input gives the same figure object: do not change it."""
    return _trend(tuple((p.label, tuple(p.readiness)) for p in points), tuple(themes))


@lru_cache(maxsize=FIGURES_KEPT)
def _trend(
    points: tuple[tuple[str, tuple[float | None, ...]], ...], themes: tuple[str, ...]
) -> go.Figure:
    figure = go.Figure()
    years = [html.escape(label) for label, _readiness in points]
    for index, theme in enumerate(themes):
        values = [readiness[index] for _label, readiness in points]
        figure.add_trace(
            go.Scatter(
                x=years,
                y=values,
                name=html.escape(theme),
                mode="lines+markers",
                line={
                    "color": THEME_COLOURS[index % len(THEME_COLOURS)],
                    "dash": DASHES[index % len(DASHES)],
                    "width": 2.5,
                },
                marker={"symbol": MARKERS[index % len(MARKERS)], "size": 9},
                hovertemplate="%{x}: %{y:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(
        yaxis={
            "range": [0, 105],
            "tickvals": [0, 25, 50, 75, 100],
            "tickfont": {"color": AXIS_TEXT},
        },
        xaxis={"type": "category", "tickfont": {"color": AXIS_TEXT}, "automargin": True},
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 40, "r": 40, "t": 20, "b": 20},
        template="plotly_white",
        height=400,
    )
    return figure
