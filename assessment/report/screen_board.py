"""The board's charts on screen: the readiness scale of the heatmap, the phase distribution per
theme and the schools' trend for one theme (plotly). Every number is printed, and bars carry a
pattern per phase, so the charts read without colour and in grey print."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import cast

import plotly.graph_objects as go

from assessment.report.board_palette import (
    PHASE_FILLS,
    PHASE_TEXT,
    READINESS_FILLS,
    READINESS_TEXT,
    readiness_step,
)
from assessment.report.screen_radar import AXIS_TEXT

PHASE_PATTERNS = ("/", "", "x", ".", "")
AVERAGE_COLOUR = "#111111"
HIGHLIGHT_COLOUR = "#d55e00"
SCHOOL_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999")
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star")
# A plain white layout: a named template such as "plotly_white" is deep-copied into every figure,
# which costs more than the board's data.
LIGHT_LAYOUT = {
    "template": "none",
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "font": {"family": "sans-serif", "color": "#111111"},
}
# Tick labels need their colour set: Streamlit's chart theme would draw them #808495 (3,7:1).
TICKS = {"tickfont": {"color": AXIS_TEXT}}
GRID = {"gridcolor": "#e5e5e5", "zeroline": False, "automargin": True, **TICKS}
MANY_SCHOOLS = 8  # above this, the schools' lines are thin and grey behind the chosen school


def readiness_css(value: float | None) -> str:
    step = readiness_step(value)
    if step is None:
        return ""
    return f"background-color: {READINESS_FILLS[step]}; color: {READINESS_TEXT[step]}"


TABLE_STYLE = """<style>
.tso-heat-wrap { max-height: 640px; overflow: auto; border: 1px solid #d5d9de; border-radius: 6px; }
.tso-heat { border-collapse: separate; border-spacing: 0; width: 100%; font-size: .85rem;
  color: #111; font-variant-numeric: tabular-nums; }
.tso-heat th, .tso-heat td { padding: .35rem .45rem; border-bottom: 1px solid #e3e6ea;
  text-align: left; vertical-align: top; }
.tso-heat thead th { position: sticky; top: 0; z-index: 2; background: #f4f6f8; font-weight: 600;
  vertical-align: bottom; hyphens: auto; -webkit-hyphens: auto; }
.tso-heat td { white-space: nowrap; }
.tso-heat tbody th { position: sticky; left: 0; z-index: 1; background: #fff; font-weight: 600;
  min-width: 9rem; }
.tso-heat thead th:first-child { left: 0; z-index: 3; }
.tso-heat td.heat { text-align: right; min-width: 3.2rem; }
.tso-heat .sub { display: block; font-weight: 400; font-size: .78rem; color: #444; }
.tso-heat .sub span { white-space: nowrap; }
.tso-heat tr.average th, .tso-heat tr.average td { font-weight: 700; border-bottom: 2px solid #555; }
.tso-heat.one-line tbody th, .tso-heat.one-line td { white-space: nowrap; }
.tso-heat.one-line tbody th { max-width: 16rem; overflow: hidden; text-overflow: ellipsis; }
.tso-heat.one-line tr.average th { white-space: normal; }
.tso-heat.upright thead th.heat { writing-mode: vertical-rl;
  transform: rotate(180deg); white-space: nowrap; vertical-align: top; text-align: left;
  padding: .4rem .2rem; }
@media (max-width: 640px) {
  .tso-heat { font-size: .78rem; }
  .tso-heat th, .tso-heat td { padding: .3rem .3rem; }
  .tso-heat tbody th { min-width: 6.5rem; max-width: 9rem; }
  .tso-heat thead th.heat { writing-mode: vertical-rl; transform: rotate(180deg);
    white-space: nowrap; vertical-align: top; text-align: left; padding: .4rem .2rem; }
  .tso-heat td.heat { min-width: 2.4rem; }
}
</style>"""


def heat_table_html(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    heat: Collection[int],
    number_text: Callable[[float], str],
    *,
    lang: str,
    emphasise_first: bool = False,
    upright_heads: bool = False,
    one_line: bool = False,
) -> str:
    """A table whose ``heat`` columns hold readiness (0–100): the number printed on a fill from
    light to dark. The first column is the row header; a line break in it starts a smaller
    second line. ``upright_heads`` writes the heat columns' heads upwards at every width (as
    on a phone), for a table with many columns. ``one_line`` keeps every row on one line: a
    long first cell is cut off with "…" and shown whole on hover. Every text is escaped here."""
    head = "".join(
        f'<th scope="col"{" class=heat" if index in heat else ""}>{html.escape(str(h))}</th>'
        for index, h in enumerate(headers)
    )
    body = []
    for index, row in enumerate(rows):
        name, _, sub = str(row[0]).partition("\n")
        parts = " ".join(  # each part unbroken, the line broken between them
            f"<span>{'· ' if number else ''}{html.escape(part)}</span>"
            for number, part in enumerate(sub.split(" · "))
        )
        first = html.escape(name) + (f'<span class="sub">{parts}</span>' if sub else "")
        title = f' title="{html.escape(name)}"' if one_line else ""
        cells = []
        for column, value in enumerate(row[1:], start=1):
            if column in heat:
                heat_value = cast(float | None, value)  # a heat column holds numbers
                text = "–" if heat_value is None else number_text(heat_value)
                cells.append(f'<td class="heat" style="{readiness_css(heat_value)}">{text}</td>')
            else:
                cells.append(f"<td>{html.escape('' if value is None else str(value))}</td>")
        kind = ' class="average"' if emphasise_first and index == 0 else ""
        body.append(f'<tr{kind}><th scope="row"{title}>{first}</th>{"".join(cells)}</tr>')
    return (
        f'{TABLE_STYLE}<div class="tso-heat-wrap" tabindex="0">'
        f'<table class="tso-heat{" upright" if upright_heads else ""}{" one-line" if one_line else ""}"'
        f' lang="{html.escape(lang)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def phase_distribution_figure(
    themes: Sequence[str],
    phases: Sequence[str],
    counts: Sequence[Mapping[str, int]],
    theme_text: Callable[[str], str],
    phase_text: Callable[[str], str],
) -> go.Figure:
    """A horizontal stacked bar per theme: how many schools work on each phase."""
    figure = go.Figure()
    labels = [html.escape(theme_text(theme)) for theme in themes]
    for index, phase in enumerate(phases):
        values = [count.get(phase, 0) for count in counts]
        figure.add_trace(
            go.Bar(
                y=labels,
                x=values,
                orientation="h",
                name=html.escape(phase_text(phase)),
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": PHASE_TEXT[index % len(PHASE_TEXT)], "size": 13},
                marker={
                    "color": PHASE_FILLS[index % len(PHASE_FILLS)],
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {
                        "shape": PHASE_PATTERNS[index % len(PHASE_PATTERNS)],
                        "fgcolor": PHASE_TEXT[index % len(PHASE_TEXT)],
                        "fgopacity": 0.35,
                        "fillmode": "overlay",  # the pattern on top of the colour, not instead
                        "size": 6,
                    },
                },
                hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(
        barmode="stack",
        yaxis={"autorange": "reversed", "automargin": True, **TICKS},
        xaxis={**GRID, "dtick": 1 if sum(sum(c.values()) for c in counts) <= 60 else None},
        legend={"orientation": "h", "y": -0.15, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        **LIGHT_LAYOUT,
        height=90 + 52 * len(themes),
    )
    return figure


def board_trend_figure(
    series: Mapping[str, Sequence[tuple[str, float | None]]],
    labels: Sequence[str],
    average: Sequence[tuple[str, float | None]],
    band: Sequence[tuple[str, float | None, float | None]],
    names: Mapping[str, str],
    highlight: str | None = None,
) -> go.Figure:
    """Readiness of one theme per school over its scans, with the board average. With many
    schools a line each would be a tangle: the middle half of the schools is a shaded band and
    only ``highlight`` has its own line. ``names``: "average" and "band" legend entries."""
    figure = go.Figure()
    many = len(series) > MANY_SCHOOLS
    if many:
        xs = [html.escape(label) for label, _, _ in band]
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=[low for _, low, _ in band],
                mode="lines",
                line={"color": "#9ecae1", "width": 1},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        figure.add_trace(
            go.Scatter(
                x=xs,
                y=[high for _, _, high in band],
                mode="lines",
                line={"color": "#9ecae1", "width": 1},
                fill="tonexty",
                fillcolor="rgba(158, 202, 225, 0.45)",
                name=html.escape(names["band"]),
                hovertemplate="%{x}: %{y:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    for index, (school, points) in enumerate(series.items()):
        if many and school != highlight:
            continue
        chosen = school == highlight
        figure.add_trace(
            go.Scatter(
                x=[html.escape(label) for label, _ in points],
                y=[value for _, value in points],
                name=html.escape(school),
                mode="lines+markers",
                line={
                    "color": HIGHLIGHT_COLOUR if many else SCHOOL_COLOURS[index % 6],
                    "width": 3.5 if chosen else 2,
                },
                marker={"symbol": MARKERS[index % len(MARKERS)], "size": 10 if chosen else 8},
                hovertemplate="%{x}: %{y:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    figure.add_trace(
        go.Scatter(
            x=[html.escape(label) for label, _ in average],
            y=[value for _, value in average],
            name=html.escape(names["average"]),
            mode="lines+markers",
            line={"color": AVERAGE_COLOUR, "width": 3, "dash": "dash"},
            marker={"symbol": "line-ew-open", "size": 14},
            hovertemplate="%{x}: %{y:.1f}<extra>%{fullData.name}</extra>",
        )
    )
    figure.update_layout(
        yaxis={**GRID, "range": [0, 105], "tickvals": [0, 25, 50, 75, 100]},
        xaxis={
            **GRID,
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [html.escape(label) for label in labels],
        },
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 40, "r": 20, "t": 20, "b": 20},
        **LIGHT_LAYOUT,
        height=400,
    )
    return figure
