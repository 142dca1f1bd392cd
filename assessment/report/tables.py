"""Tables of paragraph cells in the house style: dark head row, zebra rows, thin rules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from assessment.report.fonts import FAMILY
from assessment.report.styles import CONTENT_WIDTH, CURRENT, FRAME_HEIGHT, GRID, PADDING, ZEBRA


def table(
    rows: list[list[Any]],
    widths: Sequence[float],
    header: bool = True,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
    flex: int = 0,
) -> Table:
    """A table of Paragraph cells; ``widths`` in points, column ``flex`` takes what is left."""
    widths = list(widths)
    widths[flex] = CONTENT_WIDTH - sum(w for i, w in enumerate(widths) if i != flex)
    # A row taller than a page may split inside itself; otherwise rows stay whole, because
    # ReportLab's in-row split also splits rows that would fit on the next page.
    too_tall = any(row_height(row, widths) > FRAME_HEIGHT * 0.8 for row in rows)
    result = Table(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        splitInRow=1 if too_tall else 0,
    )
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),  # else an empty Helvetica text object per cell
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        *extra,
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), CURRENT))
    if zebra:
        style.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, ZEBRA]))
    result.setStyle(TableStyle(style))
    return result


def row_height(row: list[Any], widths: Sequence[float]) -> float:
    """The height of the tallest cell; 0 for rows with too little text to fill most of a page
    (600 characters make at most about 40 lines even in the narrowest column)."""
    cells = [c for cell in row for c in (cell if isinstance(cell, list) else [cell])]
    if sum(len(getattr(c, "text", "")) for c in cells) < 600:
        return 0.0
    tallest = 0.0
    for cell, width in zip(row, widths, strict=True):
        flowables = cell if isinstance(cell, list) else [cell]
        height = sum(
            f.wrap(width - 2 * PADDING, FRAME_HEIGHT * 10)[1]
            for f in flowables
            if isinstance(f, Flowable)
        )
        tallest = max(tallest, height)
    return tallest
