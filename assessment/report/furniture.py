"""Page furniture and the document around a story: A4, margins, header and footer on every
page ("pagina x van y"), PDF metadata with the document language, DejaVu fonts."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus.flowables import Flowable

from assessment.i18n import t
from assessment.report.fonts import FAMILY, clean, register_fonts, shorten
from assessment.report.styles import (
    CONTENT_WIDTH,
    GRID,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    plain,
)


class NumberedCanvas(rl_canvas.Canvas):
    """Draws header and footer on every page once the page count is known ("pagina x van y")."""

    def __init__(self, *args: Any, header: str, footer: str, page_text: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._header, self._footer, self._page_text = header, footer, page_text

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own page reset, unstubbed

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture(self.getPageNumber(), total)
            super().showPage()
        super().save()

    def _furniture(self, page: int, total: int) -> None:
        self.saveState()
        self.setFont(FAMILY, 7.5)
        self.setFillColor(MUTED)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        top = PAGE_HEIGHT - 12 * mm
        self.drawString(MARGIN, top, shorten(self._header, FAMILY, 7.5, CONTENT_WIDTH))
        self.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
        bottom = 10 * mm
        self.line(MARGIN, bottom + 3.5 * mm, PAGE_WIDTH - MARGIN, bottom + 3.5 * mm)
        self.drawString(MARGIN, bottom, self._footer)
        self.drawRightString(
            PAGE_WIDTH - MARGIN, bottom, self._page_text.format(page=page, pages=total)
        )
        self.restoreState()


def render(
    story: Sequence[Flowable],
    *,
    lang: str,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    header: str,
    footer: str,
) -> bytes:
    """The PDF of ``story`` as bytes. ``title`` and ``author`` may hold any user text (made
    plain here); ``header`` and ``footer`` are drawn on every page (cleaned here)."""
    register_fonts()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=plain(title),
        author=plain(author),
        subject=subject,
        keywords=keywords,  # type: ignore[arg-type]  # a text, as ReportLab takes it; stubs say list
        creator=t("report.app_name", lang),
        lang=t("report.pdf_lang", lang),
        displayDocTitle=True,
        initialFontName=FAMILY,
        initialFontSize=9.5,
    )
    canvasmaker = partial(
        NumberedCanvas,
        header=clean(header),
        footer=clean(footer),
        page_text=t("report.page", lang, page="{page}", pages="{pages}"),
    )
    doc.build(list(story), canvasmaker=canvasmaker)
    return buffer.getvalue()
