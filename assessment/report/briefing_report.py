"""The trainer's briefing as a one- or two-page PDF, in the order a trainer reads it:

1. the school, its scan and where it stands; the ontwikkelkaart;
2. three suggested topics for the session;
3. the weakest themes and why; the biggest changes since the previous scan;
4. the contested items with their distribution and the team's notes;
5. the open and overdue actions.

Its content comes from ``assessment.views.briefing.build_briefing``, so screen and paper agree; texts
from the locale files (``briefing.*``, ``map.*``). It keeps to two pages: the contested items
with the largest disagreement in full (their notes shortened), the rest by name, the open actions
overdue first; where that does not fit, each ``Detail`` level shows less and points at the
Briefing page for the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from assessment.briefing import Briefing, ContestedItem
from assessment.development_map import state_words
from assessment.explanations import phase_label, phase_mean_text
from assessment.i18n import day, signed, t
from assessment.report.fonts import BOLD, clean
from assessment.report.furniture import render
from assessment.report.map_chart import development_map_drawing
from assessment.report.map_notes import map_notes
from assessment.report.styles import CONTENT_WIDTH, esc, fit
from assessment.report.tables import table
from assessment.report.writer import Writer
from assessment.rubric import Rubric
from assessment.views.briefing import build_briefing

MAX_PAGES = 2
NOTE_CHARACTERS = 240  # a longer note is cut off with "…"; the page shows it whole


@dataclass(frozen=True)
class Detail:
    contested_in_full: int
    notes_per_item: int
    contested_named: int
    actions: int


# From the most to the least detail; the first that fits on MAX_PAGES is used.
DETAILS = (Detail(4, 3, 8, 10), Detail(3, 2, 6, 8), Detail(2, 1, 4, 6), Detail(1, 0, 0, 4))


class BriefingWriter(Writer):
    def __init__(self, briefing: Briefing, lang: str, detail: Detail):
        super().__init__(briefing.rubric, lang)
        self.b = briefing
        self.detail = detail

    def bt(self, key: str, **values: Any) -> str:
        return t(f"briefing.{key}", self.lang, **values)


def briefing_pdf(engine: Any, access: Any, scan_id: int, rubric: Rubric, lang: str = "nl") -> bytes:
    """The briefing PDF of a stored scan; the store checks ``access`` on every read."""
    return build_briefing_pdf(build_briefing(engine, access, scan_id, rubric, lang), lang)


def build_briefing_pdf(briefing: Briefing, lang: str = "nl", made: dt.date | None = None) -> bytes:
    """The briefing as PDF bytes, with as much detail as fits on ``MAX_PAGES``."""
    for detail in DETAILS:
        pdf = _render(BriefingWriter(briefing, lang, detail), made or briefing.today)
        if page_count(pdf) <= MAX_PAGES:
            break
    return pdf


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF that ReportLab wrote (its page tree is one plain object)."""
    found = re.search(rb"/Count (\d+) /Kids \[[^\]]*\] /Type /Pages", pdf)
    return int(found[1]) if found else 0


def _render(w: BriefingWriter, made: dt.date) -> bytes:
    b = w.b
    story = [
        *heading(w),
        *topics(w),
        *weakest_and_changes(w),
        CondPageBreak(60 * mm),
        *contested(w),
        CondPageBreak(35 * mm),
        *open_actions(w),
    ]
    return render(
        story,
        lang=w.lang,
        title=w.bt("pdf.title", school=b.school, scan=b.scan_label),
        author=b.school,
        subject=w.bt("pdf.subject"),
        keywords=w.bt("pdf.keywords"),
        header=w.bt("pdf.header", school=b.school, scan=b.scan_label),
        footer=w.bt("pdf.footer", date=day(made, w.lang)),
    )


def heading(w: BriefingWriter) -> list[Flowable]:
    b = w.b
    story: list[Flowable] = [
        w.p(w.bt("pdf.overline"), "overline"),
        w.p(b.school, "title"),
        w.p(
            w.bt(
                "summary",
                scan=b.scan_label,
                status=t(f"app.scan_status.{b.scan_status}", w.lang),
                respondents=b.respondents,
                phase=b.school_phase,
            ),
            "subtitle",
        ),
    ]
    if b.too_few:
        size = b.group_minimum
        story.append(w.p(w.bt("too_few", respondents=b.respondents, size=size), "lead"))
    drawing = development_map_drawing(
        b.map_rows,
        theme_label=lambda theme_id: clean(w.theme_label(theme_id)),
        phase_label=lambda phase_id: clean(phase_label(w.rubric, phase_id, w.lang)),
        state_word=state_words(w.lang),
        mean_text=lambda mean: phase_mean_text(w.rubric, mean, w.lang),
        width=CONTENT_WIDTH,
    )
    story.append(
        KeepTogether(
            [w.p(t("map.title", w.lang), "h3"), drawing, w.p(t("map.intro", w.lang), "small")]
        )
    )
    story += map_notes(w, b.rubric, b.result)
    return story


def topics(w: BriefingWriter) -> list[Flowable]:
    heading = w.p(w.bt("topics_heading"), "h2")
    if w.b.result.awaits_answers:
        return [heading, w.p(w.bt("topics_wait"), "small")]
    story: list[Flowable] = [heading, w.p(w.bt("topics_intro", phase=w.b.school_phase), "small")]
    for number, topic in enumerate(w.b.topics, start=1):
        score = (
            w.bt("topic_value", value=w.num(topic.value))
            if topic.value is not None
            else w.bt("topic_unknown")
        )
        story.append(
            w.m(
                f"<b>{esc(topic.label)}</b> ({esc(topic.theme_label)}, {esc(score)})<br/>"
                f"{esc(topic.action)}",
                "bullet",
                f"{number}.",
            )
        )
    return story


def weakest_and_changes(w: BriefingWriter) -> list[Flowable]:
    story: list[Flowable] = [w.p(w.bt("weakest_heading"), "h2")]
    for theme in w.b.weakest:
        heading = w.bt(
            "weak_theme", theme=theme.label, readiness=w.num(theme.readiness), phase=theme.phase
        )
        lines: list[Flowable] = [
            w.p(heading, "lead"),
            *(w.p(line, "small") for line in theme.why[1:]),
        ]
        story.append(KeepTogether(lines))
    if w.b.previous_label is None:
        story += [w.p(w.bt("changes_heading_none"), "h2"), w.p(w.bt("no_previous"))]
        return story
    story += [
        w.p(w.bt("changes_heading", previous=w.b.previous_label), "h2"),
        w.p(w.bt("changes_intro"), "small"),
    ]
    head = [w.bt(f"pdf.col.{name}") for name in ("theme", "before", "after", "change", "phase")]
    rows: list[list[Any]] = [
        [w.p(h, "cell_head_right" if 0 < i < 4 else "cell_head") for i, h in enumerate(head)]
    ]
    for change in w.b.changes:
        phase = (
            change.phase_after
            if change.phase_before == change.phase_after
            else f"{change.phase_before} → {change.phase_after}"
        )
        rows.append(
            [
                w.p(change.label, "cell"),
                w.p(w.num(change.before), "cell_right"),
                w.p(w.num(change.after), "cell_right"),
                w.p(signed(change.change, w.lang), "cell_bold_right"),
                w.p(phase, "cell"),
            ]
        )
    numbers = [max(fit([h], BOLD, 7.5), fit(["+100,0"])) for h in head[1:4]]
    story.append(table(rows, [0, *numbers, 150]))
    for change in w.b.changes:
        if change.went_back:
            story.append(
                w.p(w.bt("phase_back_line", theme=change.label, phase=change.phase_after), "small")
            )
    return story


def contested(w: BriefingWriter) -> list[Flowable]:
    items = w.b.contested
    story: list[Flowable] = [w.p(w.bt("contested_heading", count=len(items)), "h2")]
    if not items:
        return [*story, w.p(w.bt("none_contested"))]
    story.append(w.p(w.bt("contested_intro"), "small"))
    in_full = w.detail.contested_in_full
    for item in items[:in_full]:
        story.append(KeepTogether(_contested_item(w, item)))
    rest = items[in_full:]
    if rest:
        named = rest[: w.detail.contested_named]
        names = "; ".join(esc(item.label) for item in named)
        if len(rest) > len(named):
            names += f"; {esc(w.bt('pdf.more_on_page', count=len(rest) - len(named)))}"
        story.append(
            w.m(f"<b>{esc(w.bt('pdf.also_contested', count=len(rest)))}</b> {names}", "small")
        )
    return story


def _contested_item(w: BriefingWriter, item: ContestedItem) -> list[Flowable]:
    lines: list[Flowable] = [
        w.m(f"<b>{esc(item.label)}</b> · {esc(item.theme_label)}", "body"),
    ]
    facts = [item.explanation] if item.explanation else []
    if item.distribution:
        counts = ", ".join(
            w.bt("distribution_entry", answer=answer, count=count)
            for answer, count in item.distribution
        )
        facts.append(w.bt("distribution", counts=counts))
    if item.agreed is not None:
        facts.append(w.bt("agreed", value=item.agreed))
    if item.agreed_note:
        facts.append(w.bt("agreed_note", note=item.agreed_note))
    lines += [w.p(fact, "small") for fact in facts]
    shown = w.detail.notes_per_item
    for note in item.notes[:shown]:
        short = note if len(note) <= NOTE_CHARACTERS else note[: NOTE_CHARACTERS - 1] + "…"
        lines.append(w.m(esc(short), "quote", "–"))
    hidden = len(item.notes) - shown
    if hidden > 0:
        lines.append(w.p(w.bt("pdf.more_notes", count=hidden), "small"))
    lines.append(Spacer(1, 1.5 * mm))
    return lines


def open_actions(w: BriefingWriter) -> list[Flowable]:
    actions = w.b.actions
    story: list[Flowable] = [
        w.p(w.bt("actions_heading", count=len(actions), overdue=w.b.overdue), "h2")
    ]
    if not actions:
        return [*story, w.p(w.bt("none_open"))]
    head = [w.bt(f"pdf.col.{name}") for name in ("action", "theme", "owner", "due", "status")]
    rows: list[list[Any]] = [[w.p(h, "cell_head") for h in head]]
    for action in actions[: w.detail.actions]:
        title = [w.p(action.title, "cell")]
        if action.overdue:
            title.insert(0, w.p(w.bt("overdue"), "cell_bold"))
        due = day(action.due_date, w.lang) if action.due_date else w.bt("no_due")
        rows.append(
            [
                title,
                w.p(action.theme_label, "cell"),
                w.p(action.owner or w.bt("no_owner"), "cell"),
                w.p(due, "cell"),
                [
                    w.p(t(f"actions.status.{action.status}", w.lang), "cell"),
                    w.p(w.bt("from_scan", scan=action.scan_label), "cell_small"),
                ],
            ]
        )
    themes = [a.theme_label for a in actions]
    owners = [a.owner for a in actions]
    widths = [
        0,
        min(max(fit(themes, words=True), fit([head[1]], BOLD, 7.5)), 120),
        min(max(fit(owners, words=True), 60), 95),
        fit(["30 sep. 2026"]),
        fit([w.bt("from_scan", scan="2026-2027")], size=7.5),
    ]
    story.append(table(rows, widths))
    hidden = len(actions) - w.detail.actions
    if hidden > 0:
        story.append(w.p(w.bt("pdf.more_actions", count=hidden), "small"))
    return story
