"""The board's PDF for the annual report: at most four pages, whatever the number of schools.

1. the overview: the board, what it shows and what not; per theme the board average, where the
   middle half of the schools lies and the change since the previous school year; the phase
   distribution per theme;
2. the spread (schools per readiness step) and the board average over the school years;
3. the schools that moved most since their previous scan; the sharing schools without results;
4. with at most ``HEATMAP_ROWS`` schools, the heatmap of every school.

Per school detail (heatmap of every school, each ontwikkelkaart) is in ``board_appendix``.
Every number comes from ``board_dashboard`` (the page and the spreadsheet show the same);
texts from the locale files (``compare.*``, ``map.*``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, PageBreak, Paragraph
from reportlab.platypus.flowables import Flowable

from assessment.board_dashboard import (
    READINESS_BANDS,
    Dashboard,
    SchoolRow,
    closed_on,
    phase_name,
    theme_label,
)
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
from assessment.report.shapes import rect
from assessment.report.styles import CONTENT_WIDTH, FRAME_HEIGHT, GRID, esc, fit
from assessment.report.tables import table
from assessment.report.trend_chart import trend_drawing
from assessment.report.writer import Writer
from assessment.rubric import Rubric
from assessment.views import privacy
from assessment.views.trend import TrendPoint

Cells = Mapping[int, Mapping[str, Sequence[tuple[str, str, float | None]]]]
BAR_HEIGHT, BAR_GAP, HEAD_SIZE = 15.0, 6.0, 7.5
HEATMAP_ROWS = 30  # more schools never fit the heatmap on one page of the annual report
WAITING_NAMED = 12  # schools without results named by name; more are counted
MOVERS_UP, MOVERS_DOWN, TREND_YEARS = 10, 5, 6


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
    dashboard: Dashboard,
    rubric: Rubric,
    board: str,
    lang: str = "nl",
    made: dt.date | None = None,
) -> bytes:
    """The annual-report PDF as bytes: at most four pages."""
    w = BoardWriter(dashboard, rubric, lang)
    made = made or dt.date.today()
    story = [
        *overview(w, board, made),
        PageBreak(),
        *spread_and_trend(w),
        PageBreak(),
        *movers(w),
        *waiting_summary(w),
        *small_heatmap(w),
    ]
    return render(story, lang=lang, **document_texts(w, board, made))


def document_texts(w: BoardWriter, board: str, made: dt.date) -> dict[str, str]:
    return {
        "title": w.ct("pdf.title", board=board),
        "author": board,
        "subject": w.ct("pdf.subject"),
        "keywords": w.ct("pdf.keywords"),
        "header": w.ct("pdf.header", board=board),
        "footer": w.ct("pdf.footer", date=day(made, w.lang)),
    }


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
        w.p(w.ct("pdf.privacy", size=privacy.minimum(w.rubric)), "small"),
        w.p(w.ct("pdf.averages_heading"), "h2"),
        averages(w),
        w.p(w.ct("pdf.averages_legend"), "small"),
        KeepTogether(
            [
                w.p(w.ct("pdf.phase_heading"), "h2"),
                w.p(w.ct("pdf.phase_intro"), "small"),
                phase_bars(w),
            ]
        ),
    ]


def averages(w: BoardWriter) -> Flowable:
    """Per theme: the board average, the middle half of the schools and the change of the
    board average since the school year before the newest."""
    d = w.d
    labels = d.labels
    previous = labels[-2] if len(labels) > 1 else None
    rows: list[list[Any]] = [
        [
            w.p(w.ct("col.theme"), "cell_head"),
            w.p(w.ct("average"), "cell_head"),
            w.p(w.ct("pdf.middle_half"), "cell_head"),
            w.p(w.ct("pdf.since", previous=previous) if previous else "", "cell_head"),
        ]
    ]
    for theme in d.themes:
        series = d.trend(theme)
        band = {label: (low, high) for label, low, high in d.middle_half(series)}
        by_label = dict(d.average_trend(series))
        low, high = band.get(labels[-1], (None, None)) if labels else (None, None)
        change = None
        now, before = by_label.get(labels[-1]) if labels else None, by_label.get(previous or "")
        if previous and before is not None and now is not None:
            change = now - before
        rows.append(
            [
                w.p(w.theme(theme), "cell_bold"),
                w.p(w.num(d.average(theme)), "cell_right"),
                w.p(
                    "–" if low is None else f"{w.num(low)} – {w.num(high)}",
                    "cell_right",
                ),
                w.p("–" if change is None else signed(change, w.lang), "cell_right"),
            ]
        )
    number_width = fit(["100,0 – 100,0", w.ct("pdf.middle_half")], BOLD, 8.5) + 8
    return table(rows, [0, number_width, number_width, number_width])


def spread_and_trend(w: BoardWriter) -> list[Flowable]:
    d = w.d
    head = [w.p(w.ct("col.theme"), "cell_head")]
    head += [w.p(band, "cell_head_right") for band in READINESS_BANDS]
    rows: list[list[Any]] = [head]
    for theme in d.themes:
        counts = d.readiness_bands(theme)
        rows.append(
            [w.p(w.theme(theme), "cell_bold"), *(w.p(str(n), "cell_right") for n in counts)]
        )
    band_width = fit(["80–100"], BOLD, 8.5) + 10
    story: list[Flowable] = [
        w.p(w.ct("pdf.spread_heading"), "h2"),
        w.p(w.ct("pdf.spread_intro"), "small"),
        table(rows, [0, *[band_width] * len(READINESS_BANDS)]),
        w.p(w.ct("pdf.trend_heading"), "h2"),
    ]
    labels = d.labels[-TREND_YEARS:]
    if len(labels) < 2:
        story.append(w.p(w.ct("pdf.trend_too_short"), "small"))
        return story
    averages = {theme: dict(d.average_trend(d.trend(theme))) for theme in d.themes}
    points = [
        TrendPoint(label, [averages[theme].get(label) for theme in d.themes]) for label in labels
    ]
    story += [
        w.p(w.ct("pdf.trend_intro"), "small"),
        trend_drawing(
            points,
            [clean(w.theme(theme)) for theme in d.themes],
            lambda value: w.num(value),
            CONTENT_WIDTH,
        ),
        trend_table(w, labels, averages),
    ]
    return story


def trend_table(
    w: BoardWriter, labels: Sequence[str], averages: Mapping[str, Mapping[str, float | None]]
) -> Flowable:
    """The board average per theme and school year: the numbers of the chart."""
    rows: list[list[Any]] = [
        [w.p(w.ct("col.theme"), "cell_head"), *(w.p(label, "cell_head_right") for label in labels)]
    ]
    for theme in w.d.themes:
        rows.append(
            [
                w.p(w.theme(theme), "cell_bold"),
                *(w.p(w.num(averages[theme].get(label)), "cell_right") for label in labels),
            ]
        )
    width = fit(labels, BOLD, 8.5) + 10
    return table(rows, [0, *[width] * len(labels)])


def movers(w: BoardWriter) -> list[Flowable]:
    """The schools whose readiness rose most since their previous scan, and those that fell."""
    moved = w.d.movers()
    up = [pair for pair in moved if pair[1] > 0][:MOVERS_UP]
    down = [pair for pair in reversed(moved) if pair[1] < 0][:MOVERS_DOWN]
    story: list[Flowable] = [w.p(w.ct("pdf.movers_heading"), "h2")]
    if not moved:
        return [*story, w.p(w.ct("pdf.movers_none"), "small")]
    story.append(w.p(w.ct("pdf.movers_intro"), "small"))
    if up:
        story.append(movers_table(w, up))
    if down:
        story += [
            w.p(w.ct("pdf.fallers_heading"), "h3"),
            w.p(w.ct("pdf.fallers_intro"), "small"),
            movers_table(w, down),
        ]
    return story


def movers_table(w: BoardWriter, pairs: Sequence[tuple[SchoolRow, float]]) -> Flowable:
    rows: list[list[Any]] = [
        [
            w.p(w.ct("school"), "cell_head"),
            w.p(w.ct("pdf.between"), "cell_head"),
            w.p(w.ct("pdf.change_head"), "cell_head_right"),
            w.p(w.ct("school_phase"), "cell_head"),
        ]
    ]
    for row, change in pairs:
        assert row.previous is not None  # a school moves only with a previous scan
        rows.append(
            [
                w.p(row.school, "cell_bold"),
                w.p(f"{row.previous.label} → {row.scan.label}", "cell"),
                w.p(signed(change, w.lang), "cell_right"),
                w.p(w.phase_text(row.scan.school_phase), "cell"),
            ]
        )
    widths = [
        0,
        fit(["2024-2025 → 2025-2026"], FAMILY, 8.5) + 8,
        fit([w.ct("pdf.change_head")], BOLD, 8.5) + 8,
        fit([w.phase_text(p) for p in w.d.phases], FAMILY, 8.5) + 8,
    ]
    return table(rows, widths)


def small_heatmap(w: BoardWriter) -> list[Flowable]:
    """Every school's readiness on a page of its own, when it fits there (a few dozen schools
    with short names); else a pointer to the appendix."""
    pointer: list[Flowable] = [w.p(w.ct("pdf.heatmap_in_appendix", count=len(w.d.rows)), "small")]
    if len(w.d.rows) > HEATMAP_ROWS:
        return pointer
    heading = w.p(w.ct("pdf.heatmap_heading"), "h2")
    legend = w.p(w.ct("pdf.heatmap_legend"), "small")
    grid = heatmap(w)
    height = sum(f.wrap(CONTENT_WIDTH, FRAME_HEIGHT)[1] for f in (heading, legend, grid))
    if height > FRAME_HEIGHT - 24:  # headings' spacing and rounding
        return pointer
    return [PageBreak(), heading, legend, grid]


def waiting_summary(w: BoardWriter) -> list[Flowable]:
    """The sharing schools without results: named when few, counted when many."""
    waiting = w.d.waiting
    if not waiting:
        return []
    if len(waiting) > WAITING_NAMED:
        return [w.p(w.ct("pdf.waiting_count", count=len(waiting)), "small")]
    return waiting_list(w)


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
            drawing.add(rect(x, y, width, BAR_HEIGHT, fillColor=fill, strokeColor=colors.white))
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
        drawing.add(rect(x, 2, 8, 8, fillColor=fill, strokeColor=GRID, strokeWidth=0.5))
        label = clean(w.phase_text(phase))
        drawing.add(String(x + 11, 3, label, fontName=FAMILY, fontSize=7.5))
        x += 11 + fit([label], FAMILY, 7.5) + 6
    return drawing


def waiting_list(w: BoardWriter) -> list[Flowable]:
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
