"""Shared look of every PDF: page geometry, colours, paragraph styles and safe text.

User and rubric text passes through ``esc()`` (font-safe, then XML-escaped) before it meets
ReportLab's paragraph markup, so nothing a school types can change the layout or open a file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessment.report.fonts import BOLD, FAMILY, OBLIQUE, clean

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - 42 * mm  # the text frame between header and footer
PADDING = 4  # left and right padding of a table cell, in points

CURRENT = colors.HexColor("#1f4e79")  # headings, table heads, this scan in charts
PREVIOUS = colors.HexColor("#c05a00")  # the previous scan in charts
GRID = colors.HexColor("#c8cdd3")
TEXT = colors.HexColor("#222222")
MUTED = colors.HexColor("#5b6470")
ZEBRA = colors.HexColor("#f2f5f9")
PHASE_BAND = colors.HexColor("#e4eaf2")


def esc(text: object) -> str:
    """User or rubric text as paragraph markup that shows exactly that text."""
    return escape(clean(text)).replace("\n", "<br/>")


def plain(text: str) -> str:
    """Metadata text: any Unicode (it needs no glyphs), but no control characters or line breaks."""
    visible = (" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    return " ".join("".join(visible).split())


def fit(texts: Iterable[str], font: str = FAMILY, size: float = 8.5, words: bool = False) -> float:
    """The column width that shows the widest of ``texts`` (or of their words) on one line."""
    pieces = [w for x in texts for w in (clean(x).split() if words else [clean(x)])] or [""]
    return max(stringWidth(piece, font, size) for piece in pieces) + 2 * PADDING + 1


def paragraph_styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name: body text, headings (``h1``–``h3``), bullets and quotes,
    and table cells (``cell*``, ``cell_head*`` on the dark table head)."""
    base = ParagraphStyle(
        "body",
        fontName=FAMILY,
        bulletFontName=FAMILY,
        fontSize=9.5,
        leading=13,
        textColor=TEXT,
        spaceAfter=3,
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "overline": style("overline", fontSize=9, textColor=MUTED, spaceAfter=4),
        "title": style(
            "title", fontName=BOLD, fontSize=20, leading=24, textColor=CURRENT, spaceAfter=4
        ),
        "subtitle": style("subtitle", fontSize=11, leading=14, textColor=MUTED, spaceAfter=10),
        "h1": style(
            "h1",
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=CURRENT,
            spaceBefore=4,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": style(
            "h2",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=CURRENT,
            spaceBefore=12,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "h3": style(
            "h3",
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=7,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "h3_loose": style(
            "h3_loose", fontName=BOLD, fontSize=10, leading=13, spaceBefore=9, spaceAfter=3
        ),
        "lead": style("lead", fontName=BOLD, fontSize=9.5, spaceAfter=4),
        "small": style("small", fontSize=8, leading=10.5, textColor=MUTED),
        "bullet": style("bullet", leftIndent=11, bulletIndent=1, spaceAfter=2),
        "quote": style(
            "quote",
            fontName=OBLIQUE,
            fontSize=8.5,
            leading=11.5,
            leftIndent=11,
            bulletIndent=1,
            spaceAfter=1,
        ),
        "cell": style("cell", fontSize=8.5, leading=10.8, spaceAfter=0),
        "cell_bold": style("cell_bold", fontName=BOLD, fontSize=8.5, leading=10.8, spaceAfter=0),
        "cell_small": style("cell_small", fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=0),
        "cell_bold_right": style(
            "cell_bold_right",
            fontName=BOLD,
            fontSize=8.5,
            leading=10.8,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        "cell_right": style(
            "cell_right", fontSize=8.5, leading=10.8, alignment=TA_RIGHT, spaceAfter=0
        ),
        "cell_head": style(
            "cell_head",
            fontName=BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
            spaceAfter=0,
        ),
        "cell_head_right": style(
            "cell_head_right",
            fontName=BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
    }
