"""Cut-out slips with each colleague's personal code: QR code, link and the code in groups.

Ten slips on an A4 page (two columns, five rows) with dashed cut lines. The numbers are the
ones the Beheer page and its code list show ("Collega 5"), so a slip can be matched to the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from assessment.addresses import only_this_computer
from assessment.i18n import t
from assessment.report.fonts import BOLD, FAMILY, MONO, MONO_BOLD, clean, register_fonts, shorten
from assessment.report.styles import PAGE_HEIGHT, PAGE_WIDTH

COLUMNS, ROWS = 2, 5
PER_PAGE = COLUMNS * ROWS
MARGIN = 10 * mm
SLIP_WIDTH = (PAGE_WIDTH - 2 * MARGIN) / COLUMNS
SLIP_HEIGHT = (PAGE_HEIGHT - 2 * MARGIN) / ROWS
PADDING = 4 * mm
QR_SIZE = 31 * mm
GROUP = 4  # characters per group of the printed code
GREY = colors.HexColor("#555555")


@dataclass(frozen=True)
class Slip:
    number: int  # "Collega N", as on screen and in the code list
    scan_label: str
    link: str
    code: str


def grouped(code: str) -> str:
    """``code`` in groups of four, as printed; signing in ignores the spaces."""
    return " ".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def code_slips_pdf(school: str, slips: Sequence[Slip], lang: str) -> bytes:
    register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, lang=lang)
    canvas.setTitle(t("slips.title", lang, school=clean(school)))
    canvas.setAuthor("TSO Zelfscan")
    local = any(only_this_computer(slip.link) for slip in slips)
    for start in range(0, len(slips), PER_PAGE):
        page = slips[start : start + PER_PAGE]
        _page_hint(canvas, lang)
        if local:
            _local_warning(canvas, lang)
        _cut_lines(canvas, len(page))
        for index, slip in enumerate(page):
            column, row = index % COLUMNS, index // COLUMNS
            x = MARGIN + column * SLIP_WIDTH
            y = PAGE_HEIGHT - MARGIN - (row + 1) * SLIP_HEIGHT
            _slip(canvas, x, y, slip, school, lang)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page_hint(canvas: Canvas, lang: str) -> None:
    canvas.setFont(FAMILY, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, PAGE_HEIGHT - MARGIN + 3 * mm, "✂  " + t("slips.cut_here", lang))


def _local_warning(canvas: Canvas, lang: str) -> None:
    """At the foot of the page: these links open only on the computer that made them."""
    warning = shorten(t("slips.local_address", lang), BOLD, 7.5, PAGE_WIDTH - 2 * MARGIN)
    canvas.setFont(BOLD, 7.5)
    canvas.setFillColor(colors.HexColor("#9b1c1c"))
    canvas.drawString(MARGIN, MARGIN - 5 * mm, warning)


def _cut_lines(canvas: Canvas, count: int) -> None:
    rows = -(-count // COLUMNS)
    top, bottom = PAGE_HEIGHT - MARGIN, PAGE_HEIGHT - MARGIN - rows * SLIP_HEIGHT
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#888888"))
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 3)
    for row in range(rows + 1):
        y = top - row * SLIP_HEIGHT
        canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * SLIP_WIDTH
        canvas.line(x, top, x, bottom)
    canvas.restoreState()


def _slip(canvas: Canvas, x: float, y: float, slip: Slip, school: str, lang: str) -> None:
    top = y + SLIP_HEIGHT - PADDING
    _qr(canvas, slip.link, x + PADDING, top - QR_SIZE, QR_SIZE)
    left = x + PADDING + QR_SIZE + 4 * mm
    width = x + SLIP_WIDTH - PADDING - left
    line = top - 7

    def text(
        value: str, font: str, size: float, color: colors.Color = colors.black, gap: float = 1.3
    ) -> None:
        nonlocal line
        canvas.setFont(font, size)
        canvas.setFillColor(color)
        canvas.drawString(left, line, value)
        line -= size * gap

    for part in _wrap(clean(school), BOLD, 8.5, width, at=" ")[:2]:
        text(shorten(part, BOLD, 8.5, width), BOLD, 8.5, gap=1.2)
    scan = clean(t("slips.scan", lang, label=slip.scan_label))
    text(shorten(scan, FAMILY, 6.5, width), FAMILY, 6.5, GREY, 2.6)
    text(t("manage.respondent_number", lang, number=slip.number), BOLD, 15, gap=1.1)
    text(t("slips.open_link", lang), FAMILY, 6.5, GREY)
    for part in _wrap(slip.link, MONO, 6.5, width):
        text(part, MONO, 6.5, gap=1.25)
    line -= 3
    text(t("slips.type_code", lang), FAMILY, 6.5, GREY, 1.8)
    for part in _wrap(grouped(slip.code), MONO_BOLD, 11, width, at=" "):
        text(part, MONO_BOLD, 11, gap=1.25)
    canvas.setFont(FAMILY, 6.5)
    canvas.setFillColor(GREY)
    keep = shorten(t("slips.keep", lang), FAMILY, 6.5, SLIP_WIDTH - 2 * PADDING)
    canvas.drawString(x + PADDING, y + PADDING - 1 * mm, keep)


def _wrap(value: str, font: str, size: float, width: float, at: str | None = None) -> list[str]:
    """``value`` in lines that fit ``width``: broken anywhere (a link), or only at ``at``."""
    pieces = value.split(at) if at else list(value)
    glue = at or ""
    lines, current = [], ""
    for piece in pieces:
        candidate = f"{current}{glue}{piece}" if current else piece
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = piece
        else:
            current = candidate
    return [*lines, current] if current else lines


def _qr(canvas: Canvas, link: str, x: float, y: float, size: float) -> None:
    """The QR code as vector squares (sharp at any print resolution); runs of dark modules in a
    row are drawn as one rectangle."""
    matrix = segno.make(link, error="m").matrix
    module = size / len(matrix)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + 1) * module
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            end = column
            while end < len(row) and row[end]:
                end += 1
            canvas.rect(x + column * module, top, (end - column) * module, module, stroke=0, fill=1)
            column = end
    canvas.restoreState()
