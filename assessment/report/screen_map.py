"""The ontwikkelkaart on screen: an HTML table (no script) with a symbol, the state in words and
the phase mean in every cell, so it reads without colour and by a screen reader. On a phone the
words give way to the symbols, which the legend under the table explains."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from assessment.development_map import CELL_STATES, CELL_SYMBOLS, CellState, MapRow

SCREEN_FILLS: dict[CellState, str] = {
    "done": "#c6dbef",
    "provisional": "#deebf7",
    "working": "#fdd49e",
    "not_yet": "#f0f0f0",
    "insufficient": "#ffffff",
    "partly_measured": "#f7f7f7",
    "not_measured": "#ffffff",
}

STYLE = """<style>
.tso-map { border-collapse: separate; border-spacing: 3px; width: 100%; font-size: .85rem;
  color: #111; table-layout: fixed; }
.tso-map caption { text-align: left; padding-bottom: .25rem; }
.tso-map th { text-align: left; font-weight: 600; padding: .2rem .3rem; vertical-align: bottom;
  hyphens: auto; overflow-wrap: break-word; }
.tso-map th[scope=row] { width: 26%; }
.tso-map td { border: 1px solid #9aa3ad; border-radius: 4px; padding: .3rem .35rem;
  vertical-align: top; line-height: 1.2; }
.tso-map td.insufficient { border-style: dashed; }
.tso-map .symbol { font-weight: 700; margin-right: .25rem; }
.tso-map .mean { float: right; font-variant-numeric: tabular-nums; }
.tso-map-box { container: tso-map / inline-size; }
.tso-legend { font-size: .85rem; color: #111; margin: .25rem 0 0; }
.tso-legend span { margin-right: .9rem; white-space: nowrap; }
@container tso-map (max-width: 560px) {  /* a theme's name above its four cells: room for the phases */
  .tso-map, .tso-map thead, .tso-map tbody { display: block; }
  .tso-map tr { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2px; margin-bottom: 2px; }
  .tso-map thead td { display: none; }
  .tso-map th { padding: .2rem .1rem 0; }
  .tso-map th[scope=col] { font-size: .75rem; }
  .tso-map th[scope=row] { grid-column: 1 / -1; width: auto; padding-top: .4rem; }
  .tso-map caption { display: block; }
  .tso-map .word { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
}
</style>"""


def development_map_html(
    rows: Sequence[MapRow],
    caption: str,
    theme_label: Callable[[str], str],
    phase_label: Callable[[str], str],
    state_word: Callable[[CellState, int], str],
    mean_text: Callable[[float], str],
    lang: str = "nl",
    states: Sequence[CellState] = CELL_STATES,
) -> str:
    """Every label is escaped here; the callables return plain text."""
    phases = [cell.phase for cell in rows[0].cells] if rows else []
    head = "".join(
        f'<th scope="col" role="columnheader">{escape(phase_label(p))}</th>' for p in phases
    )
    body = []
    for row in rows:
        cells = []
        for cell in row.cells:
            mean = (
                ""
                if cell.mean is None
                else f'<span class="mean">{escape(mean_text(cell.mean))}</span>'
            )
            cells.append(
                f'<td role="cell" class="{cell.state}" style="background:{SCREEN_FILLS[cell.state]}">'
                f'{mean}<span class="symbol" aria-hidden="true">{CELL_SYMBOLS[cell.state]}</span>'
                f'<span class="word">{escape(state_word(cell.state, cell.unknown))}</span></td>'
            )
        body.append(
            f'<tr role="row"><th scope="row" role="rowheader">{escape(theme_label(row.theme))}</th>{"".join(cells)}</tr>'
        )
    legend = "".join(
        f"<span>{CELL_SYMBOLS[state]} {escape(state_word(state, 0))}</span> " for state in states
    )
    return (
        f'{STYLE}<div class="tso-map-box"><table class="tso-map" lang="{lang}" role="table"><caption>{escape(caption)}</caption>'
        f'<thead><tr role="row"><td style="border:0"></td>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
        f'</table><p class="tso-legend">{legend}</p></div>'
    )
