"""The on-screen bar chart of one criterion's answers: how many gave each answer option, the count
printed beside every bar so that it reads without colour and on a projector. Horizontal bars keep
each option's label whole, also on a phone."""

from __future__ import annotations

import html
from collections.abc import Sequence

import plotly.graph_objects as go

from assessment.report.screen_radar import CURRENT_COLOUR

OTHER_COLOUR = "#6b6b6b"  # "weet niet" and "n.v.t.": answers, but no score
BAR_HEIGHT = 36  # px per answer option


def distribution_figure(
    labels: Sequence[str], counts: Sequence[int], scored: Sequence[bool]
) -> go.Figure:
    """One bar per answer option, the first on top; ``scored`` tells the score options from
    "weet niet" and "n.v.t."."""
    top = max(counts, default=0)
    figure = go.Figure(
        go.Bar(
            y=[html.escape(label) for label in labels],  # plotly reads a little HTML
            x=list(counts),
            orientation="h",
            text=[str(count) for count in counts],
            textposition="outside",
            textfont={"size": 18, "color": "#111111"},
            marker={"color": [CURRENT_COLOUR if s else OTHER_COLOUR for s in scored]},
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    figure.update_layout(
        height=BAR_HEIGHT * len(labels) + 16,
        margin={"l": 4, "r": 36, "t": 8, "b": 8},
        showlegend=False,
        plot_bgcolor="white",
        paper_bgcolor="white",
        font={"size": 15, "color": "#111111"},
        xaxis={"visible": False, "range": [0, max(top, 1)], "fixedrange": True},
        yaxis={
            "type": "category",
            "autorange": "reversed",
            "fixedrange": True,
            "ticksuffix": "  ",
            "tickfont": {"size": 15, "color": "#111111"},
        },
        bargap=0.3,
    )
    return figure
