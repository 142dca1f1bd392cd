"""The board's appendix per school: the heatmap of every school, then per school its newest
closed scan (date, respondents, phase, readiness with the change since its previous scan) and its
ontwikkelkaart, two to a page; then the sharing schools without results yet. Long for a large
board, so it is a download of its own beside the four-page annual report (``board_report``)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from assessment.board_dashboard import Dashboard, closed_on, scan_map
from assessment.development_map import state_words
from assessment.explanations import phase_mean_text
from assessment.i18n import day, signed
from assessment.report.board_report import (
    BoardWriter,
    Cells,
    document_texts,
    heatmap,
    waiting_list,
)
from assessment.report.fonts import clean
from assessment.report.furniture import render
from assessment.report.map_chart import development_map_drawing
from assessment.report.styles import CONTENT_WIDTH, esc
from assessment.rubric import Rubric


def board_appendix_pdf(
    dashboard: Dashboard,
    maps: Cells,
    rubric: Rubric,
    board: str,
    lang: str = "nl",
    made: dt.date | None = None,
) -> bytes:
    """The appendix as bytes; ``maps`` holds the ontwikkelkaart cells of each school's newest
    shown scan (``store.board_maps``)."""
    w = BoardWriter(dashboard, rubric, lang)
    made = made or dt.date.today()
    story = [
        w.p(w.ct("pdf.appendix_overline"), "overline"),
        w.p(board, "title"),
        w.p(
            w.ct("pdf.appendix_subtitle", count=len(dashboard.rows), date=day(made, lang)),
            "subtitle",
        ),
        w.p(w.ct("pdf.heatmap_heading"), "h2"),
        heatmap(w),
        w.p(w.ct("pdf.heatmap_legend"), "small"),
        *schools(w, maps),
        *waiting_list(w),
    ]
    texts = document_texts(w, board, made)
    texts["title"] = w.ct("pdf.appendix_title", board=board)
    return render(story, lang=lang, **texts)


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
