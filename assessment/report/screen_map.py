"""The ontwikkelkaart on screen: an HTML table (no script) with a symbol, the state in words and
the phase mean in every cell, so it reads without colour and by a screen reader. On a phone the
words give way to the symbols, which the legend under the table explains."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from assessment.development_map import CELL_STATES, CELL_SYMBOLS, CellState, MapRow

SCREEN_FILLS: dict[CellState, str] = {
    "done": "#c6dbef",
    "working": "#fdd49e",
    "not_yet": "#f0f0f0",
    "insufficient": "#ffffff",
}

STYLE = """<style>
.tso-map { border-collapse: separate; border-spacing: 3px; width: 100%; font-size: .85rem;
  color: #111; table-layout: fixed; }
.tso-map caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
.tso-map th { text-align: left; font-weight: 600; padding: .2rem .3rem; vertical-align: bottom; }
.tso-map th[scope=row] { width: 30%; overflow-wrap: anywhere; hyphens: auto; }
.tso-map td { border: 1px solid #9aa3ad; border-radius: 4px; padding: .3rem .35rem;
  vertical-align: top; line-height: 1.2; }
.tso-map td.insufficient { border-style: dashed; }
.tso-map .symbol { font-weight: 700; margin-right: .25rem; }
.tso-map .mean { float: right; font-variant-numeric: tabular-nums; }
.tso-legend { font-size: .85rem; color: #111; margin: .25rem 0 0; }
.tso-legend span { margin-right: .9rem; white-space: nowrap; }
@media (max-width: 640px) {
  .tso-map { font-size: .8rem; }
  .tso-map th[scope=row] { width: 34%; }
  .tso-map .word { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }
  .tso-map .mean { float: none; display: block; }
}
</style>"""


def development_map_html(
    rows: Sequence[MapRow],
    caption: str,
    theme_label: Callable[[str], str],
    phase_label: Callable[[str], str],
    state_word: Callable[[CellState], str],
    mean_text: Callable[[float], str],
) -> str:
    """Every label is escaped here; the callables return plain text."""
    phases = [cell.phase for cell in rows[0].cells] if rows else []
    head = "".join(f'<th scope="col">{escape(phase_label(p))}</th>' for p in phases)
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
                f'<td class="{cell.state}" style="background:{SCREEN_FILLS[cell.state]}">'
                f'{mean}<span class="symbol" aria-hidden="true">{CELL_SYMBOLS[cell.state]}</span>'
                f'<span class="word">{escape(state_word(cell.state))}</span></td>'
            )
        body.append(
            f'<tr><th scope="row">{escape(theme_label(row.theme))}</th>{"".join(cells)}</tr>'
        )
    legend = "".join(
        f"<span>{CELL_SYMBOLS[state]} {escape(state_word(state))}</span>" for state in CELL_STATES
    )
    return (
        f'{STYLE}<table class="tso-map"><caption>{escape(caption)}</caption>'
        f'<thead><tr><td style="border:0"></td>{head}</tr></thead><tbody>{"".join(body)}</tbody>'
        f'</table><p class="tso-legend">{legend}</p>'
    )
