"""The on-screen radar chart (plotly): readiness per theme, this scan against earlier ones."""

from __future__ import annotations

import html

import plotly.graph_objects as go

# One look on screen and in the PDF: newest scan dark blue and solid, earlier ones orange and dashed.
CURRENT_COLOUR = "#1f4e79"
PREVIOUS_COLOUR = "#e07b00"


def radar_figure(
    themes: list[str], series: dict[str, list[float | None]], axis_suffix: str = ""
) -> go.Figure:
    """``series`` maps a scan label to readiness per theme (0–100), oldest first, newest last."""
    figure = go.Figure()
    names = list(series)
    for index, name in enumerate(names):
        newest = index == len(names) - 1
        values = [v if v is not None else 0 for v in series[name]]
        figure.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*themes, themes[0]],
                name=html.escape(name),  # plotly reads a little HTML in trace names
                mode="lines+markers",
                fill="toself",
                opacity=0.9 if newest else 0.6,
                line={
                    "color": CURRENT_COLOUR if newest else PREVIOUS_COLOUR,
                    "dash": "solid" if newest else "dash",
                    "width": 3 if newest else 2,
                },
                marker={"symbol": "circle" if newest else "diamond", "size": 8},
                hovertemplate="%{theta}: %{r:.1f}"
                + axis_suffix
                + "<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(
        polar={
            "radialaxis": {
                "range": [0, 100],
                "tickvals": [0, 25, 50, 75, 100],
                "angle": 54,  # between the first two spokes, clear of their labels
                "tickfont": {"size": 10},
            },
            "angularaxis": {"direction": "clockwise", "rotation": 90},
        },
        showlegend=True,
        legend={"orientation": "h", "y": -0.12},
        margin={"l": 70, "r": 70, "t": 30, "b": 30},
        template="plotly_white",
        height=460,
    )
    return figure
