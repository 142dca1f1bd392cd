"""The board's PDF for the annual report (DESIGN §7a), in reading order:

1. the overview: the board, what it shows and what not; the heatmap schools × themes with the
   board average on top; the phase distribution per theme;
2. per school (two to a page) its newest closed scan: date, respondents, phase, readiness per
   theme with the change since its previous scan, and its ontwikkelkaart;
3. the sharing schools without results yet.

Every number comes from ``board_dashboard`` (the page and the spreadsheet show the same);
texts from the locale files (``compare.*``, ``map.*``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from assessment.board_dashboard import Dashboard, closed_on, phase_name, scan_map, theme_label
from assessment.development_map import state_words
from assessment.explanations import phase_mean_text
from assessment.i18n import day, signed, t
from assessment.report.board_palette import (
    PHASE_FILLS,
    PHASE_TEXT,
    READINESS_FILLS,
    READINESS_TEXT,
    readiness_step,
)
from assessment.report.fonts import BOLD, FAMILY, clean
from assessment.report.furniture import render
from assessment.report.map_chart import development_map_drawing
from assessment.report.styles import CONTENT_WIDTH, GRID, esc, fit
from assessment.report.tables import table
from assessment.report.writer import Writer
from assessment.rubric import Rubric

Cells = Mapping[int, Mapping[str, Sequence[tuple[str, str, float | None]]]]
BAR_HEIGHT, BAR_GAP, HEAD_SIZE = 15.0, 6.0, 7.5


class BoardWriter(Writer):
    def __init__(self, dashboard: Dashboard, rubric: Rubric, lang: str):
        super().__init__(rubric, lang)
        self.d = dashboard

    def ct(self, key: str, **values: Any) -> str:
        return t(f"compare.{key}", self.lang, **values)

    def theme(self, theme_id: str) -> str:
        return theme_label(self.rubric, theme_id, self.lang)

    def phase_text(self, phase_id: str | None) -> str:
        return phase_name(self.rubric, phase_id, self.lang)


def board_pdf(
    dashboard: Dashboard, maps: Cells, rubric: Rubric, board: str, lang: str = "nl", made=None
) -> bytes:
    """The PDF as bytes; ``maps`` holds the ontwikkelkaart cells of each school's newest shown
    scan (``store.board_maps``)."""
    w = BoardWriter(dashboard, rubric, lang)
    made = made or dt.date.today()
    story = [*overview(w, board, made), PageBreak(), *schools(w, maps), *waiting(w)]
    return render(
        story,
        lang=lang,
        title=w.ct("pdf.title", board=board),
        author=board,
        subject=w.ct("pdf.subject"),
        keywords=w.ct("pdf.keywords"),
        header=w.ct("pdf.header", board=board),
        footer=w.ct("pdf.footer", date=day(made, lang)),
    )


def overview(w: BoardWriter, board: str, made: dt.date) -> list[Flowable]:
    d = w.d
    total = len(d.rows) + len(d.waiting)
    return [
        w.p(w.ct("pdf.overline"), "overline"),
        w.p(board, "title"),
        w.p(
            w.ct("pdf.subtitle", shown=len(d.rows), total=total, date=day(made, w.lang)),
            "subtitle",
        ),
        w.p(w.ct("pdf.privacy", size=w.rubric.rules.min_group_size), "small"),
        w.p(w.ct("pdf.heatmap_heading"), "h2"),
        heatmap(w),
        w.p(w.ct("pdf.heatmap_legend"), "small"),
        KeepTogether(
            [
                w.p(w.ct("pdf.phase_heading"), "h2"),
                w.p(w.ct("pdf.phase_intro"), "small"),
                phase_bars(w),
            ]
        ),
    ]


def heatmap(w: BoardWriter) -> Flowable:
    """The board average, then every school: its readiness per theme on the blue scale."""
    d = w.d
    themes = d.themes
    labels = [clean(w.theme(theme)) for theme in themes]
    head_height = max(stringWidth(label, BOLD, HEAD_SIZE) for label in labels) + 2
    rows: list[list[Any]] = [
        [
            w.p(w.ct("school"), "cell_head"),
            *(UpwardText(label, head_height) for label in labels),
            w.p(w.ct("school_phase"), "cell_head"),
        ]
    ]
    fills: list[tuple[Any, ...]] = []

    def readiness(value: float | None, row: int, column: int, bold: bool) -> Flowable:
        step = readiness_step(value)
        style = w.s["cell_bold_right" if bold else "cell_right"]
        if step is not None:
            fill = colors.HexColor(READINESS_FILLS[step])
            fills.append(("BACKGROUND", (column, row), (column, row), fill))
            style = _with_colour(style, READINESS_TEXT[step])
        return Paragraph(esc(w.num(value)), style)

    rows.append(
        [
            w.p(w.ct("average_row", count=len(d.rows)), "cell_bold"),
            *(readiness(d.average(t), 1, i, True) for i, t in enumerate(themes, start=1)),
            w.p("", "cell"),
        ]
    )
    for number, row in enumerate(d.rows, start=2):
        line = w.ct(
            "scan_line",
            scan=row.scan.label,
            date=closed_on(row.scan).strftime("%d-%m-%Y"),
            respondents=row.scan.respondents,
        )
        rows.append(
            [
                [w.p(row.school, "cell_bold"), w.p(line, "cell_small")],
                *(
                    readiness(row.readiness(t), number, i, False)
                    for i, t in enumerate(themes, start=1)
                ),
                w.p(w.phase_text(row.scan.school_phase), "cell"),
            ]
        )
    widths = [
        0,
        *[fit(["100,0"], BOLD, 8.5) + 4] * len(themes),
        fit([w.phase_text(p) for p in d.phases], FAMILY, 8.5),
    ]
    average_rule = ("LINEBELOW", (0, 1), (-1, 1), 1, colors.HexColor("#555555"))
    head_at_bottom = ("VALIGN", (0, 0), (-1, 0), "BOTTOM")
    return table(rows, widths, zebra=False, extra=[average_rule, head_at_bottom, *fills])


class UpwardText(Flowable):
    """A table head written from bottom to top, so a column is as narrow as its numbers."""

    def __init__(self, text: str, height: float):
        super().__init__()
        self.text, self.height = text, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return HEAD_SIZE + 2, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(BOLD, HEAD_SIZE)
        canvas.setFillColor(colors.white)
        canvas.translate(HEAD_SIZE, 0)
        canvas.rotate(90)
        canvas.drawString(0, 0, self.text)
        canvas.restoreState()


_styles: dict[tuple[str, str], ParagraphStyle] = {}


def _with_colour(style: ParagraphStyle, colour: str) -> ParagraphStyle:
    """The paragraph style with another text colour (white on the dark steps)."""
    key = (style.name, colour)
    if key not in _styles:
        _styles[key] = ParagraphStyle(
            f"{style.name}_{colour}", parent=style, textColor=colors.HexColor(colour)
        )
    return _styles[key]


def phase_bars(w: BoardWriter) -> Drawing:
    """A stacked bar per theme: how many schools work on each phase, the count printed in its
    segment; the legend underneath, dark (Verkennen) to light (geborgd)."""
    d = w.d
    phases = d.phases
    total = max(len(d.rows), 1)
    label_width = fit([w.theme(theme) for theme in d.themes], BOLD, 8) + 4
    bar_width = CONTENT_WIDTH - label_width
    legend_height = 16.0
    height = len(d.themes) * (BAR_HEIGHT + BAR_GAP) + legend_height
    drawing = Drawing(CONTENT_WIDTH, height, initialFontName=FAMILY)
    for index, theme in enumerate(d.themes):
        top = height - index * (BAR_HEIGHT + BAR_GAP)
        y = top - BAR_HEIGHT
        drawing.add(String(0, y + 4, clean(w.theme(theme)), fontName=BOLD, fontSize=8))
        x = label_width
        for step, count in enumerate(d.phase_counts(theme).values()):
            if not count:
                continue
            width = bar_width * count / total
            fill = colors.HexColor(PHASE_FILLS[step % len(PHASE_FILLS)])
            drawing.add(Rect(x, y, width, BAR_HEIGHT, fillColor=fill, strokeColor=colors.white))
            drawing.add(
                String(
                    x + width / 2,
                    y + 4,
                    str(count),
                    fontName=BOLD,
                    fontSize=8,
                    textAnchor="middle",
                    fillColor=colors.HexColor(PHASE_TEXT[step % len(PHASE_TEXT)]),
                )
            )
            x += width
    x = label_width
    for step, phase in enumerate(phases):
        fill = colors.HexColor(PHASE_FILLS[step % len(PHASE_FILLS)])
        drawing.add(Rect(x, 2, 8, 8, fillColor=fill, strokeColor=GRID, strokeWidth=0.5))
        label = clean(w.phase_text(phase))
        drawing.add(String(x + 11, 3, label, fontName=FAMILY, fontSize=7.5))
        x += 11 + fit([label], FAMILY, 7.5) + 6
    return drawing


def schools(w: BoardWriter, maps: Cells) -> list[Flowable]:
    story: list[Flowable] = [w.p(w.ct("pdf.schools_heading"), "h1")]
    for row in w.d.rows:
        scan = row.scan
        parts = []
        for theme in w.d.themes:
            value = w.num(row.readiness(theme))
            change = row.change(theme)
            if change is not None and row.previous is not None:
                change_text = w.ct(
                    "pdf.change", change=signed(change, w.lang), previous=row.previous.label
                )
                value = f"{value} ({change_text})"
            parts.append(f"{w.theme(theme)} {value}")
        block: list[Flowable] = [
            w.p(row.school, "h2"),
            w.p(
                w.ct(
                    "pdf.school_line",
                    scan=scan.label,
                    date=closed_on(scan).strftime("%d-%m-%Y"),
                    respondents=scan.respondents,
                    phase=w.phase_text(scan.school_phase),
                ),
                "small",
            ),
            w.m(esc(w.ct("pdf.readiness_line", values="; ".join(parts))), "small"),
            Spacer(1, 2 * mm),
        ]
        cells = maps.get(scan.scan_id)
        if cells:
            block.append(
                development_map_drawing(
                    scan_map(cells, w.d.themes),
                    theme_label=lambda theme_id: clean(w.theme(theme_id)),
                    phase_label=lambda phase_id: clean(w.phase_text(phase_id)),
                    state_word=state_words(w.lang),
                    mean_text=lambda mean: phase_mean_text(w.rubric, mean, w.lang),
                    width=CONTENT_WIDTH,
                )
            )
        block.append(Spacer(1, 6 * mm))
        story.append(KeepTogether(block))
    return story


def waiting(w: BoardWriter) -> list[Flowable]:
    if not w.d.waiting:
        return []
    return [
        w.p(w.ct("pdf.waiting_heading"), "h2"),
        *(
            w.m(
                esc(
                    w.ct(f"waiting.{item.reason}", school=item.school, respondents=item.respondents)
                ),
                "bullet",
                "–",
            )
            for item in w.d.waiting
        ),
    ]
