"""1. Summary: title, facts, development map, readiness chart, theme table and trend."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table
from reportlab.platypus.flowables import Flowable

from assessment.development_map import development_map, state_words
from assessment.explanations import phase_mean_text
from assessment.i18n import signed, t
from assessment.report.chart import Series, readiness_chart
from assessment.report.fonts import BOLD, FAMILY, clean, shorten
from assessment.report.map_chart import development_map_drawing
from assessment.report.map_notes import map_notes
from assessment.report.scan_report.writer import ScanWriter
from assessment.report.styles import CONTENT_WIDTH, fit
from assessment.report.tables import table
from assessment.report.trend_chart import trend_drawing
from assessment.views import privacy


def summary(w: ScanWriter) -> list[Flowable]:
    r = w.r
    story: list[Flowable] = [
        w.p(w.t("overline"), "overline"),
        w.p(r.school, "title"),
        w.p(
            w.t(
                "subtitle",
                scan=r.scan_label,
                date=w.date(r.date, True),
                version=r.rubric_version or w.rubric.version,
            ),
            "subtitle",
        ),
        w.p(w.t("sections.summary"), "h1"),
    ]
    respondents = (
        w.t("summary.respondents_submitted", count=r.respondents, submitted=r.submitted)
        if r.submitted is not None and r.submitted != r.respondents
        else w.t("summary.respondents_count", count=r.respondents)
    )
    shown_roles, rest = privacy.visible_role_counts(w.rubric, Counter(r.roles).elements())
    respondent_cell = [w.p(respondents, "cell")]
    if r.answers_removed_after is not None:
        respondent_cell.append(
            w.p(w.t("summary.answers_removed", years=r.answers_removed_after), "cell_small")
        )
    if shown_roles:
        parts = [
            w.t("summary.role_count", role=w.role(role), count=count)
            for role, count in shown_roles.items()
        ]
        if rest > 0:
            parts.append(w.t("summary.other_roles", count=rest))
        respondent_cell.append(w.p(w.t("summary.by_role", roles=", ".join(parts)), "cell"))
    if any(count and role not in shown_roles for role, count in r.roles.items() if role):
        respondent_cell.append(
            w.p(w.t("summary.roles_hidden", minimum=privacy.minimum(w.rubric)), "cell_small")
        )
    # School, scan and date stand in the title above; the facts table holds the rest.
    facts = [
        (w.t("summary.respondents"), respondent_cell),
        (
            w.t("summary.school_phase"),
            [w.p(w.phase(w.result.school_phase), "cell_bold")],
        ),
    ]
    facts_table = table(
        [[w.p(label, "cell_bold"), cell] for label, cell in facts],
        [fit((label for label, _ in facts), BOLD) + 12, 0],
        header=False,
        zebra=False,
        flex=1,
    )
    story += [facts_table, Spacer(1, 3 * mm)]
    story.append(
        KeepTogether(
            [
                w.p(t("map.title", w.lang), "h3"),
                _development_map(w),
                w.p(t("map.intro", w.lang), "small"),
            ]
        )
    )
    # The numbers before the pictures: the table, then what holds a phase, then the radar, which
    # moves to the next page when the notes under the map take its room.
    story += [Spacer(1, 2 * mm), _theme_table(w), Spacer(1, 1.5 * mm)]
    notes = [w.t("summary.school_phase_note"), w.t("summary.readiness_note")]
    if w.previous is None:
        notes.insert(0, w.t("summary.no_previous"))
    else:
        notes.append(w.t("summary.change_note"))
    story.append(w.p(" ".join(notes), "small"))
    story += map_notes(w, w.rubric, w.result)
    story.append(KeepTogether([w.p(w.t("summary.chart_title"), "h3"), _chart(w)]))
    if w.r.trend:
        story.append(
            KeepTogether(
                [
                    w.p(w.t("summary.trend_title"), "h3"),
                    trend_drawing(
                        w.r.trend,
                        [clean(w.rubric.text(th.label, w.lang)) for th in w.rubric.theme_list],
                        w.num,
                        CONTENT_WIDTH,
                    ),
                    w.p(w.t("summary.trend_note"), "small"),
                ]
            )
        )
    return story


def _development_map(w: ScanWriter) -> Flowable:
    return development_map_drawing(
        development_map(w.rubric, w.result),
        theme_label=lambda theme_id: clean(w.theme_label(theme_id)),
        phase_label=lambda phase_id: clean(w.phase(phase_id)),
        state_word=state_words(w.lang),
        mean_text=lambda mean: phase_mean_text(w.rubric, mean, w.lang),
        width=CONTENT_WIDTH,
    )


def _chart(w: ScanWriter) -> Flowable:
    labels = [clean(w.rubric.text(th.label, w.lang)) for th in w.rubric.theme_list]
    by_id = {th.id: th for th in w.result.themes}
    current = Series(
        shorten(clean(w.t("summary.chart_current", scan=w.r.scan_label)), FAMILY, 8, 220),
        [by_id[th.id].readiness if th.id in by_id else None for th in w.rubric.theme_list],
    )
    previous = None
    if w.previous is not None:
        previous = Series(
            shorten(
                clean(w.t("summary.chart_previous", scan=w.previous.label)),
                FAMILY,
                8,
                220,
            ),
            [
                (p.readiness if (p := w.previous_theme(th.id)) else None)
                for th in w.rubric.theme_list
            ],
        )
    return readiness_chart(labels, current, previous, w.num, CONTENT_WIDTH)


def _theme_table(w: ScanWriter) -> Table:
    with_previous = w.previous is not None
    head = [w.t("summary.table.theme"), w.t("summary.table.readiness")]
    if with_previous:
        head += [w.t("summary.table.previous"), w.t("summary.table.change")]
    head.append(w.t("summary.table.phase"))
    rows: list[list[Any]] = [
        [
            w.p(h, "cell_head_right" if 0 < i < len(head) - 1 else "cell_head")
            for i, h in enumerate(head)
        ]
    ]
    for theme in w.result.themes:
        row: list[Any] = [
            w.p(w.theme_label(theme.id), "cell"),
            w.p(w.num(theme.readiness), "cell_right"),
        ]
        previous = w.previous_theme(theme.id)
        if with_previous:
            before = previous.readiness if previous else None
            row += [
                w.p(w.num(before), "cell_right"),
                w.p(_change(w, theme.readiness, before), "cell_right"),
            ]
        phase_cell = [w.p(w.phase(theme.phase), "cell_bold")]
        for flag in theme.flags:
            phase_cell.append(w.p(t(f"scoring.flags.{flag}", w.lang), "cell_small"))
        if previous is not None and previous.phase != theme.phase:
            phase_cell.append(
                w.p(
                    w.t("summary.previous_phase", phase=w.phase(previous.phase)),
                    "cell_small",
                )
            )
        row.append(phase_cell)
        rows.append(row)
    numbers = [max(fit([h], BOLD, 7.5), fit(["+100,0"])) for h in head[1:-1]]
    return table(
        rows,
        [0, *numbers, 130],
        extra=[("LEFTPADDING", (-1, 0), (-1, -1), 12)],
    )


def _change(w: ScanWriter, now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return w.t("values.none")
    return signed(now - before, w.lang)
