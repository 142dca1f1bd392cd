"""The ontwikkelkaart as a vector drawing (ReportLab graphics): a row per theme, a column per
phase; each cell carries a symbol, the state in words and the phase mean, so it reads in grey print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessment.development_map import CELL_SYMBOLS, CellState, MapRow
from assessment.report.fonts import BOLD, FAMILY
from assessment.report.shapes import rect
from assessment.report.styles import TEXT

# Light fills from a colour-blind-safe blue–orange pair; the words and symbols carry the meaning.
CELL_FILLS: dict[CellState, colors.Color | None] = {
    "done": colors.HexColor("#c6dbef"),
    "provisional": colors.HexColor("#deebf7"),
    "working": colors.HexColor("#fdd49e"),
    "not_yet": colors.HexColor("#f0f0f0"),
    "insufficient": None,
}
BORDER = colors.HexColor("#9aa3ad")
HEADER_HEIGHT, ROW_HEIGHT, LABEL_WIDTH, PADDING = 14.0, 22.0, 112.0, 3.5


def development_map_drawing(
    rows: Sequence[MapRow],
    theme_label: Callable[[str], str],
    phase_label: Callable[[str], str],
    state_word: Callable[[CellState, int], str],
    mean_text: Callable[[float], str],
    width: float,
) -> Drawing:
    """Labels come in cleaned for the embedded font; ``mean_text`` formats a phase mean."""
    phases = [cell.phase for cell in rows[0].cells] if rows else []
    column = (width - LABEL_WIDTH) / max(len(phases), 1)
    height = HEADER_HEIGHT + ROW_HEIGHT * len(rows)
    drawing = Drawing(width, height, initialFontName=FAMILY)
    for index, phase in enumerate(phases):
        x = LABEL_WIDTH + index * column + PADDING
        drawing.add(String(x, height - 11, phase_label(phase), fontName=BOLD, fontSize=8))
    for row_index, row in enumerate(rows):
        top = height - HEADER_HEIGHT - row_index * ROW_HEIGHT
        lines = simpleSplit(theme_label(row.theme), BOLD, 8, LABEL_WIDTH - 2 * PADDING)[:3]
        _lines(drawing, lines, PADDING, top, BOLD, 8, ROW_HEIGHT)
        for index, cell in enumerate(row.cells):
            x = LABEL_WIDTH + index * column
            fill = CELL_FILLS[cell.state]
            drawing.add(
                rect(
                    x + 1,
                    top - ROW_HEIGHT + 1,
                    column - 2,
                    ROW_HEIGHT - 2,
                    fillColor=fill or colors.white,
                    strokeColor=BORDER,
                    strokeWidth=0.5,
                    strokeDashArray=(2, 2) if fill is None else None,
                )
            )
            drawing.add(
                String(
                    x + PADDING + 1,
                    top - 11,
                    CELL_SYMBOLS[cell.state],
                    fontName=BOLD,
                    fontSize=10,
                    fillColor=TEXT,
                )
            )
            mean = "" if cell.mean is None else mean_text(cell.mean)
            mean_width = stringWidth(mean, FAMILY, 6.8)
            if mean:
                drawing.add(
                    String(
                        x + column - PADDING - 1,
                        top - 10,
                        mean,
                        fontName=FAMILY,
                        fontSize=6.8,
                        fillColor=TEXT,
                        textAnchor="end",
                    )
                )
            room = column - 13 - 2 * PADDING - mean_width - 4
            size = 6.8
            words = simpleSplit(state_word(cell.state, cell.unknown), FAMILY, size, room)
            if len(words) > 2:  # "voorlopig afgerond (2 onbekend)": three smaller lines
                size = 5.8
                words = simpleSplit(state_word(cell.state, cell.unknown), FAMILY, size, room)[:3]
            _lines(drawing, words, x + PADDING + 13, top, FAMILY, size, ROW_HEIGHT)
    return drawing


def _lines(
    drawing: Drawing,
    lines: list[str],
    x: float,
    top: float,
    font: str,
    size: float,
    row_height: float,
) -> None:
    """Text lines centred vertically in a row whose top edge is at ``top``."""
    leading = size + 1.5
    first = top - (row_height - leading * len(lines)) / 2 - size
    for number, line in enumerate(lines):
        drawing.add(
            String(x, first - number * leading, line, fontName=font, fontSize=size, fillColor=TEXT)
        )
