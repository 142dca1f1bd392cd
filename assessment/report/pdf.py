"""The action-plan PDF (ReportLab platypus): summary, per theme, action plan, appendix.

Every text in the PDF comes from the locale files (``report.*``), from the rubric or from the
input; user and rubric text passes through ``esc()`` (font-safe, then XML-escaped) before it meets
ReportLab's paragraph markup, so nothing a school types can change the layout or open a file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from assessment.development_map import development_map
from assessment.explanations import explain_theme, phase_label, phase_mean_text, step_action
from assessment.i18n import number, percent, signed, t
from assessment.report.chart import CURRENT, GRID, MUTED, TEXT, Series, readiness_chart
from assessment.report.fonts import BOLD, FAMILY, clean, register_fonts, shorten
from assessment.report.map_chart import development_map_drawing
from assessment.report.model import (
    ACTION_STATUSES,
    STRENGTH_FROM,
    ReportAction,
    ReportInput,
)
from assessment.report.trend_chart import trend_drawing
from assessment.respondents import visible_role_counts
from assessment.rubric import Rubric
from assessment.scoring import (
    DONT_KNOW,
    NOT_APPLICABLE,
    ItemResult,
    ScanResult,
    ThemeResult,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
ZEBRA = colors.HexColor("#f2f5f9")
PHASE_BAND = colors.HexColor("#e4eaf2")


def esc(text: object) -> str:
    """User or rubric text as paragraph markup that shows exactly that text."""
    return escape(clean(text)).replace("\n", "<br/>")


def build_report(report: ReportInput) -> bytes:
    """The PDF of ``report`` as bytes."""
    register_fonts()
    return _Builder(report).build()


# --- page furniture -----------------------------------------------------------------------


class _NumberedCanvas(rl_canvas.Canvas):
    """Draws header and footer on every page once the page count is known ("pagina x van y")."""

    def __init__(self, *args: Any, header: str, footer: str, page_text: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._header, self._footer, self._page_text = header, footer, page_text

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture(self._pageNumber, total)
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


def _styles() -> dict[str, ParagraphStyle]:
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
            fontName="DejaVuSans-Oblique",
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


FRAME_HEIGHT = PAGE_HEIGHT - 42 * mm
PADDING = 4


def fit(texts: Iterable[str], font: str = FAMILY, size: float = 8.5, words: bool = False) -> float:
    """The column width that shows the widest of ``texts`` (or of their words) on one line."""
    pieces = [w for x in texts for w in (clean(x).split() if words else [clean(x)])] or [""]
    return max(stringWidth(piece, font, size) for piece in pieces) + 2 * PADDING + 1


def _table(
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
    too_tall = any(_row_height(row, widths) > FRAME_HEIGHT * 0.8 for row in rows)
    table = Table(
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
    table.setStyle(TableStyle(style))
    return table


def _row_height(row: list[Any], widths: Sequence[float]) -> float:
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


# --- the report -----------------------------------------------------------------------------


class _Builder:
    def __init__(self, report: ReportInput):
        self.r = report
        self.rubric: Rubric = report.rubric
        self.lang = report.lang
        self.result: ScanResult = report.result
        self.previous = report.previous
        self.s = _styles()

    # text helpers
    def t(self, key: str, **values: Any) -> str:
        return t(f"report.{key}", self.lang, **values)

    def p(self, text: object, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), self.s[style])

    def m(self, markup: str, style: str = "body", bullet: str | None = None) -> Paragraph:
        return Paragraph(markup, self.s[style], bulletText=bullet)

    def num(self, value: float | None, decimals: int = 1) -> str:
        if value is None:
            return self.t("values.none")
        return number(value, self.lang, decimals)

    def date(self, day: dt.date | None, long: bool = False) -> str:
        if day is None:
            return self.t("values.none")
        pattern = self.t("date_long" if long else "date_short")
        return format_date(day, pattern, locale=self.t("babel_locale"))

    def theme_label(self, theme_id: str | None) -> str:
        if not theme_id:
            return self.t("values.none")
        try:
            return self.rubric.text(self.rubric.theme(theme_id).label, self.lang)
        except StopIteration:
            return theme_id

    def criterion_label(self, criterion_id: str) -> str:
        if self.rubric.has_criterion(criterion_id):
            return self.rubric.text(self.rubric.criterion(criterion_id).label, self.lang)
        return criterion_id

    def phase(self, phase_id: str) -> str:
        try:
            return phase_label(self.rubric, phase_id, self.lang)
        except StopIteration:
            return phase_id

    def status(self, status: str) -> str:
        key = f"report.status.{status}"
        try:
            return t(key, self.lang)
        except KeyError:
            return status

    def item_value(self, item: ItemResult) -> str:
        if item.left_out:
            return self.t("values.not_applicable")
        if item.value is None:
            return self.t("values.unknown")
        return self.num(item.value)

    def agreed_text(self, agreed: object) -> str:
        if agreed is None:
            return self.t("values.none")
        if agreed == DONT_KNOW:
            return self.t("values.dont_know")
        if agreed == NOT_APPLICABLE:
            return self.t("values.not_applicable")
        return str(agreed)

    def previous_theme(self, theme_id: str) -> ThemeResult | None:
        if self.previous is None:
            return None
        return next((th for th in self.previous.result.themes if th.id == theme_id), None)

    # the document
    def build(self) -> bytes:
        r = self.r
        buffer = BytesIO()
        title = self.t("metadata.title", school=r.school, scan=r.scan_label)
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=22 * mm,
            bottomMargin=20 * mm,
            title=_plain(title),
            author=_plain(r.school),
            subject=self.t("metadata.subject"),
            keywords=self.t("metadata.keywords"),
            creator=self.t("app_name"),
            lang=self.t("pdf_lang"),
            displayDocTitle=True,
            initialFontName=FAMILY,
            initialFontSize=9.5,
        )
        story: list[Flowable] = []
        story += self.summary()
        story.append(PageBreak())
        story += self.themes()
        story.append(PageBreak())
        story += self.action_plan()
        story.append(PageBreak())
        story += self.appendix()
        canvasmaker = partial(
            _NumberedCanvas,
            header=clean(self.t("header", school=r.school, scan=r.scan_label)),
            footer=clean(self.t("footer", date=self.date(r.generated or dt.date.today(), True))),
            page_text=self.t("page", page="{page}", pages="{pages}"),
        )
        doc.build(story, canvasmaker=canvasmaker)
        return buffer.getvalue()

    # 1. summary
    def summary(self) -> list[Flowable]:
        r = self.r
        rules = self.rubric.rules
        story: list[Flowable] = [
            self.p(self.t("overline"), "overline"),
            self.p(r.school, "title"),
            self.p(
                self.t(
                    "subtitle",
                    scan=r.scan_label,
                    date=self.date(r.date, True),
                    version=r.rubric_version or self.rubric.version,
                ),
                "subtitle",
            ),
            self.p(self.t("sections.summary"), "h1"),
        ]
        respondents = (
            self.t("summary.respondents_submitted", count=r.respondents, submitted=r.submitted)
            if r.submitted is not None and r.submitted != r.respondents
            else self.t("summary.respondents_count", count=r.respondents)
        )
        shown_roles, rest = visible_role_counts(Counter(r.roles).elements(), rules.min_group_size)
        respondent_cell = [self.p(respondents, "cell")]
        if shown_roles:
            parts = [
                self.t("summary.role_count", role=self.role(role), count=count)
                for role, count in shown_roles.items()
            ]
            if rest > 0:
                parts.append(self.t("summary.other_roles", count=rest))
            respondent_cell.append(
                self.p(self.t("summary.by_role", roles=", ".join(parts)), "cell")
            )
        if any(0 < count < rules.min_group_size for role, count in r.roles.items() if role):
            respondent_cell.append(
                self.p(self.t("summary.roles_hidden", minimum=rules.min_group_size), "cell_small")
            )
        # School, scan and date stand in the title above; the facts table holds the rest.
        facts = [
            (self.t("summary.respondents"), respondent_cell),
            (
                self.t("summary.school_phase"),
                [self.p(self.phase(self.result.school_phase), "cell_bold")],
            ),
        ]
        table = _table(
            [[self.p(label, "cell_bold"), cell] for label, cell in facts],
            [fit((label for label, _ in facts), BOLD) + 12, 0],
            header=False,
            zebra=False,
            flex=1,
        )
        story += [table, Spacer(1, 3 * mm)]
        story.append(
            KeepTogether(
                [
                    self.p(t("map.title", self.lang), "h3"),
                    self.development_map(),
                    self.p(t("map.intro", self.lang), "small"),
                ]
            )
        )
        story.append(KeepTogether([self.p(self.t("summary.chart_title"), "h3"), self.chart()]))
        story += [Spacer(1, 2 * mm), self.theme_table(), Spacer(1, 1.5 * mm)]
        notes = [self.t("summary.school_phase_note"), self.t("summary.readiness_note")]
        if self.previous is None:
            notes.insert(0, self.t("summary.no_previous"))
        else:
            notes.append(self.t("summary.change_note"))
        story.append(self.p(" ".join(notes), "small"))
        if self.r.trend:
            story.append(
                KeepTogether(
                    [
                        self.p(self.t("summary.trend_title"), "h3"),
                        trend_drawing(
                            self.r.trend,
                            [
                                clean(self.rubric.text(th.label, self.lang))
                                for th in self.rubric.theme_list
                            ],
                            self.num,
                            CONTENT_WIDTH,
                        ),
                        self.p(self.t("summary.trend_note"), "small"),
                    ]
                )
            )
        return story

    def role(self, role: str) -> str:
        try:
            return t(f"report.roles.{role}", self.lang)
        except KeyError:
            return role

    def development_map(self) -> Flowable:
        return development_map_drawing(
            development_map(self.rubric, self.result),
            theme_label=lambda theme_id: clean(self.theme_label(theme_id)),
            phase_label=lambda phase_id: clean(self.phase(phase_id)),
            state_word=lambda state: t(f"map.state.{state}", self.lang),
            mean_text=lambda mean: phase_mean_text(self.rubric, mean, self.lang),
            width=CONTENT_WIDTH,
        )

    def chart(self) -> Flowable:
        labels = [clean(self.rubric.text(th.label, self.lang)) for th in self.rubric.theme_list]
        by_id = {th.id: th for th in self.result.themes}
        current = Series(
            shorten(clean(self.t("summary.chart_current", scan=self.r.scan_label)), FAMILY, 8, 220),
            [by_id[th.id].readiness if th.id in by_id else None for th in self.rubric.theme_list],
        )
        previous = None
        if self.previous is not None:
            previous = Series(
                shorten(
                    clean(self.t("summary.chart_previous", scan=self.previous.label)),
                    FAMILY,
                    8,
                    220,
                ),
                [
                    (p.readiness if (p := self.previous_theme(th.id)) else None)
                    for th in self.rubric.theme_list
                ],
            )
        return readiness_chart(labels, current, previous, self.num, CONTENT_WIDTH)

    def theme_table(self) -> Table:
        with_previous = self.previous is not None
        head = [self.t("summary.table.theme"), self.t("summary.table.readiness")]
        if with_previous:
            head += [self.t("summary.table.previous"), self.t("summary.table.change")]
        head.append(self.t("summary.table.phase"))
        rows: list[list[Any]] = [
            [
                self.p(h, "cell_head_right" if 0 < i < len(head) - 1 else "cell_head")
                for i, h in enumerate(head)
            ]
        ]
        for theme in self.result.themes:
            row: list[Any] = [
                self.p(self.theme_label(theme.id), "cell"),
                self.p(self.num(theme.readiness), "cell_right"),
            ]
            previous = self.previous_theme(theme.id)
            if with_previous:
                before = previous.readiness if previous else None
                row += [
                    self.p(self.num(before), "cell_right"),
                    self.p(self.change(theme.readiness, before), "cell_right"),
                ]
            phase_cell = [self.p(self.phase(theme.phase), "cell_bold")]
            for flag in theme.flags:
                phase_cell.append(self.p(t(f"scoring.flags.{flag}", self.lang), "cell_small"))
            if previous is not None and previous.phase != theme.phase:
                phase_cell.append(
                    self.p(
                        self.t("summary.previous_phase", phase=self.phase(previous.phase)),
                        "cell_small",
                    )
                )
            row.append(phase_cell)
            rows.append(row)
        numbers = [max(fit([h], BOLD, 7.5), fit(["+100,0"])) for h in head[1:-1]]
        return _table(
            rows,
            [0, *numbers, 130],
            extra=[("LEFTPADDING", (-1, 0), (-1, -1), 12)],
        )

    def change(self, now: float | None, before: float | None) -> str:
        if now is None or before is None:
            return self.t("values.none")
        return signed(now - before, self.lang)

    # 2. per theme
    def themes(self) -> list[Flowable]:
        story: list[Flowable] = [self.p(self.t("sections.themes"), "h1")]
        rules = self.rubric.rules
        for index, theme in enumerate(self.result.themes):
            if index:
                story.append(CondPageBreak(60 * mm))
            items = [i for i in self.result.items.values() if i.theme == theme.id]
            story.append(self.p(self.theme_label(theme.id), "h2"))
            readiness = (
                self.num(theme.readiness)
                if theme.readiness is not None
                else self.t("values.no_score")
            )
            story.append(
                self.p(
                    self.t("theme.phase_line", phase=self.phase(theme.phase), readiness=readiness),
                    "lead",
                )
            )
            previous = self.previous_theme(theme.id)
            if previous is not None:
                before = (
                    self.num(previous.readiness)
                    if previous.readiness is not None
                    else self.t("values.no_score")
                )
                story.append(
                    self.p(
                        self.t(
                            "theme.previous_line",
                            phase=self.phase(previous.phase),
                            readiness=before,
                        ),
                        "small",
                    )
                )
            story.append(self.p(self.t("theme.why"), "h3"))
            for line in explain_theme(self.rubric, theme, self.lang).splitlines():
                story.append(self.m(esc(line), "bullet", "•"))

            strengths = sorted(
                (i for i in items if i.value is not None and i.value >= STRENGTH_FROM),
                key=lambda i: -(i.value or 0),
            )
            story.append(self.p(self.t("theme.strengths"), "h3"))
            story += self.item_list(
                strengths, "theme.strengths_none", number(STRENGTH_FROM, self.lang)
            )
            attention = sorted(
                (i for i in items if i.value is not None and i.value < rules.next_step_below),
                key=lambda i: i.value or 0,
            )
            story.append(self.p(self.t("theme.attention"), "h3"))
            story += self.item_list(
                attention, "theme.attention_none", number(rules.next_step_below, self.lang)
            )

            contested = [i for i in items if i.contested]
            story.append(self.p(self.t("theme.contested"), "h3"))
            if contested:
                story.append(
                    self.p(self.t("theme.contested_intro", range=rules.disagreement_range), "small")
                )
                story.append(self.distribution_table(contested))
            else:
                story.append(self.p(self.t("theme.contested_none"), "small"))

            story.append(self.p(self.t("theme.next_steps"), "h3"))
            steps = [s for s in self.result.next_steps if s.theme == theme.id]
            if not steps:
                story.append(self.p(self.t("theme.next_steps_none"), "small"))
            for step in steps:
                kind = t(f"scoring.step.{step.kind}", self.lang)
                markup = (
                    f"<b>{esc(kind)}</b>: {esc(self.criterion_label(step.criterion))} – "
                    f"{esc(step_action(self.rubric, step, self.lang))}"
                )
                story.append(self.m(markup, "bullet", "•"))
        return story

    def item_list(self, items: Sequence[ItemResult], none_key: str, value: str) -> list[Flowable]:
        if not items:
            return [self.p(self.t(none_key, value=value), "small")]
        out = []
        for item in items:
            key = "theme.agreed_item" if item.agreed is not None else "theme.item"
            out.append(
                self.m(
                    esc(
                        self.t(
                            key, label=self.criterion_label(item.id), value=self.item_value(item)
                        )
                    ),
                    "bullet",
                    "•",
                )
            )
        return out

    def distribution_table(self, items: Sequence[ItemResult]) -> Table:
        scale = [str(v) for v in self.rubric.scale_values]
        show_na = any(i.distribution.get(NOT_APPLICABLE, 0) for i in items)
        keys = [*scale, DONT_KNOW] + ([NOT_APPLICABLE] if show_na else [])
        head = [self.t("theme.criterion"), *scale, self.t("values.dont_know")]
        if show_na:
            head.append(self.t("values.not_applicable"))
        head.append(self.t("theme.agreed"))
        rows: list[list[Any]] = [
            [self.p(h, "cell_head" if i == 0 else "cell_head_right") for i, h in enumerate(head)]
        ]
        for item in items:
            rows.append(
                [self.p(self.criterion_label(item.id), "cell")]
                + [self.p(str(item.distribution.get(k, 0)), "cell_right") for k in keys]
                + [self.p(self.agreed_text(item.agreed), "cell_right")]
            )
        widths = [max(fit([h], BOLD, 7.5), fit(["00"])) for h in head[1:]]
        return _table(rows, [0, *widths])

    # 3. action plan
    def action_plan(self) -> list[Flowable]:
        story: list[Flowable] = [self.p(self.t("sections.actions"), "h1")]
        actions = self.r.actions
        if actions is None:
            story.append(self.p(self.t("actions.unavailable")))
        elif not actions:
            story.append(self.p(self.t("actions.none")))
        else:
            story.append(self.p(self.t("actions.intro")))
            head = ["title", "theme", "owner", "due", "status"]
            rows: list[list[Any]] = [[self.p(self.t(f"actions.{h}"), "cell_head") for h in head]]
            for action in actions:
                rows.append(
                    [
                        self.action_cell(action, carried=action.carried_from is not None),
                        self.p(self.theme_label(action.theme), "cell"),
                        self.p(action.owner or self.t("values.none"), "cell"),
                        self.p(self.date(action.due_date), "cell"),
                        self.p(self.status(action.status), "cell_bold"),
                    ]
                )
            story.append(_table(rows, self.action_widths(actions, "status")))
        if self.previous is not None:
            story.append(CondPageBreak(70 * mm))
            story += self.previous_actions()
        return story

    def action_widths(self, actions: Sequence[ReportAction], last: str) -> list[float]:
        """Theme, owner and date columns as wide as their longest word needs (within reason)."""
        themes = [self.theme_label(a.theme) for a in actions]
        theme = min(max(fit(themes, words=True), fit(themes) if fit(themes) < 110 else 0), 130)
        owner = min(max(fit([a.owner for a in actions], words=True), 70), 110)
        head = [self.t(f"actions.{h}") for h in ("theme", "owner", "due", last)]
        due = max(fit([head[2]], BOLD, 7.5), fit([self.date(dt.date(2026, 12, 31))]))
        if last == "status":
            status = max(fit([head[3]], BOLD, 7.5), fit(map(self.status, ACTION_STATUSES), BOLD))
        else:
            status = 100
        return [0, max(theme, fit([head[0]], BOLD, 7.5)), owner, due, status]

    def action_cell(self, action: ReportAction, carried: bool = False) -> list[Paragraph]:
        cell = [self.p(action.title, "cell")]
        if action.criterion:
            cell.append(
                self.p(
                    self.t("actions.criterion", label=self.criterion_label(action.criterion)),
                    "cell_small",
                )
            )
        if carried:
            cell.append(self.p(self.t("actions.carried"), "cell_small"))
        return cell

    def previous_actions(self) -> list[Flowable]:
        previous = self.previous
        assert previous is not None
        story: list[Flowable] = [
            self.p(self.t("actions.previous_title", scan=previous.label), "h2")
        ]
        if not previous.actions:
            story.append(self.p(self.t("actions.previous_none")))
            return story
        carried_ids = {a.carried_from for a in (self.r.actions or ()) if a.carried_from is not None}
        counts = Counter(a.status for a in previous.actions)
        statuses = [
            self.t("actions.status_count", count=counts[s], status=self.status(s))
            for s in _ordered_statuses(counts)
        ]
        carried = sum(1 for a in previous.actions if a.id is not None and a.id in carried_ids)
        if self.r.actions is not None:
            statuses.append(self.t("actions.previous_carried", count=carried))
        story.append(
            self.p(
                self.t(
                    "actions.previous_summary_one"
                    if len(previous.actions) == 1
                    else "actions.previous_summary",
                    count=len(previous.actions),
                    statuses=", ".join(statuses),
                )
            )
        )
        head = ["title", "theme", "owner", "due", "outcome"]
        rows: list[list[Any]] = [[self.p(self.t(f"actions.{h}"), "cell_head") for h in head]]
        for action in previous.actions:
            status = self.status(action.status)
            if self.r.actions is not None and action.status in ("planned", "doing"):
                key = (
                    "actions.outcome_carried"
                    if action.id is not None and action.id in carried_ids
                    else "actions.outcome_not_carried"
                )
                outcome = self.t(key, status=status)
            elif action.id is not None and action.id in carried_ids:
                outcome = self.t("actions.outcome_carried", status=status)
            else:
                outcome = status
            rows.append(
                [
                    self.action_cell(action),
                    self.p(self.theme_label(action.theme), "cell"),
                    self.p(action.owner or self.t("values.none"), "cell"),
                    self.p(self.date(action.due_date), "cell"),
                    self.p(outcome, "cell_bold"),
                ]
            )
        story.append(_table(rows, self.action_widths(previous.actions, "outcome")))
        return story

    # 4. appendix
    def appendix(self) -> list[Flowable]:
        rules = self.rubric.rules
        story: list[Flowable] = [
            self.p(self.t("sections.appendix"), "h1"),
            self.p(self.t("appendix.intro")),
            self.p(self.t("appendix.legend", range=rules.disagreement_range), "small"),
        ]
        columns = ["criterion", "mean", "n", "dont_know", "range", "agreed", "value"]
        samples = [
            "0,0",
            "30",
            "100%",
            f"3 {self.t('appendix.contested')}",
            self.t("values.dont_know"),
            self.t("values.unknown"),
        ]
        widths = [0] + [
            max(fit([self.t(f"appendix.{c}")], BOLD, 7.5), fit([sample], BOLD))
            for c, sample in zip(columns[1:], samples, strict=True)
        ]
        for theme in self.rubric.theme_list:
            rows: list[list[Any]] = [
                [
                    self.p(self.t(f"appendix.{c}"), "cell_head" if i == 0 else "cell_head_right")
                    for i, c in enumerate(columns)
                ]
            ]
            extra: list[tuple[Any, ...]] = []
            phase = None
            for criterion in theme.criteria:
                item = self.result.items.get(criterion.id)
                if item is None:
                    continue
                if item.phase != phase:  # a band with the phase above its criteria
                    phase = item.phase
                    extra += [
                        ("SPAN", (0, len(rows)), (-1, len(rows))),
                        ("BACKGROUND", (0, len(rows)), (-1, len(rows)), PHASE_BAND),
                        ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
                    ]
                    rows.append([self.p(self.phase(phase), "cell_bold")] + [""] * 6)
                spread = self.t("values.none") if item.range is None else str(item.range)
                if item.contested:
                    spread = f"{spread} {self.t('appendix.contested')}"
                dont_know = (
                    percent(item.dk_share, self.lang)
                    if item.n + item.dont_know
                    else self.t("values.none")
                )
                rows.append(
                    [
                        self.p(self.criterion_label(item.id), "cell"),
                        self.p(self.num(item.mean), "cell_right"),
                        self.p(str(item.n), "cell_right"),
                        self.p(dont_know, "cell_right"),
                        self.p(spread, "cell_right"),
                        self.p(
                            "" if item.agreed is None else self.agreed_text(item.agreed),
                            "cell_right",
                        ),
                        self.p(self.item_value(item), "cell_bold_right"),
                    ]
                )
            story.append(CondPageBreak(45 * mm))
            story.append(self.p(self.rubric.text(theme.label, self.lang), "h3_loose"))
            story.append(_table(rows, widths, zebra=False, extra=extra))
        story += self.notes()
        story.append(self.p(self.t("appendix.quality_title"), "h2"))
        quality = self.quality_notes()
        for note in quality or [self.t("appendix.quality.none")]:
            story.append(self.m(esc(note), "bullet", "•"))
        return story

    def notes(self) -> list[Flowable]:
        ids = [
            c.id
            for c in self.rubric.criteria
            if self.r.agreed_notes.get(c.id, "").strip()
            or any(n.strip() for n in self.r.notes.get(c.id, ()))
        ]
        if not ids:
            return []
        story: list[Flowable] = [
            self.p(self.t("appendix.notes_title"), "h2"),
            self.p(self.t("appendix.notes_intro"), "small"),
        ]
        for criterion in ids:
            story.append(self.p(self.criterion_label(criterion), "h3"))
            agreed = self.r.agreed_notes.get(criterion, "").strip()
            if agreed:
                story.append(self.p(self.t("appendix.agreed_note", note=agreed)))
            for note in self.r.notes.get(criterion, ()):
                if note.strip():
                    story.append(self.m(esc(note.strip()), "quote", "–"))
        return story

    def quality_notes(self) -> list[str]:
        rules = self.rubric.rules
        items = [self.result.items[c.id] for c in self.rubric.criteria if c.id in self.result.items]
        notes: list[str] = []

        def labels(selected: Iterable[ItemResult]) -> str:
            return "; ".join(self.criterion_label(i.id) for i in selected)

        if self.r.respondents < rules.min_group_size:
            notes.append(
                self.t(
                    "appendix.quality.few_respondents",
                    count=self.r.respondents,
                    minimum=rules.min_group_size,
                )
            )
        unanswered = [
            i for i in items if i.n + i.dont_know + i.not_applicable == 0 and i.agreed is None
        ]
        if unanswered:
            notes.append(self.t("appendix.quality.no_answers", items=labels(unanswered)))
        dont_know = [
            i
            for i in items
            if i.n + i.dont_know and i.dk_share > rules.max_dont_know_share and not i.left_out
        ]
        if dont_know:
            notes.append(
                self.t(
                    "appendix.quality.dont_know",
                    limit=percent(rules.max_dont_know_share, self.lang),
                    items=labels(dont_know),
                )
            )
        left_out = [i for i in items if i.left_out]
        if left_out:
            notes.append(self.t("appendix.quality.left_out", items=labels(left_out)))
        contested = [i for i in items if i.contested]
        if contested:
            notes.append(
                self.t(
                    "appendix.quality.contested",
                    range=rules.disagreement_range,
                    items=labels(contested),
                )
            )
        differs = [
            i
            for i in items
            if isinstance(i.agreed, int) and i.mean is not None and abs(i.agreed - i.mean) >= 1
        ]
        if differs:
            notes.append(self.t("appendix.quality.agreed_differs", items=labels(differs)))
        for flag, key in (
            ("insufficient_information", "insufficient"),
            ("foundation_gap", "foundation_gap"),
        ):
            flagged = [th for th in self.result.themes if flag in th.flags]
            if flagged:
                notes.append(
                    self.t(
                        f"appendix.quality.{key}",
                        themes=", ".join(self.theme_label(th.id) for th in flagged),
                    )
                )
        current_version = self.r.rubric_version or self.rubric.version
        if (
            self.previous is not None
            and self.previous.rubric_version
            and self.previous.rubric_version != current_version
        ):
            notes.append(
                self.t(
                    "appendix.quality.rubric_changed",
                    previous=self.previous.rubric_version,
                    current=current_version,
                )
            )
        return notes


def _plain(text: str) -> str:
    """Metadata text: any Unicode (it needs no glyphs), but no control characters or line breaks."""
    visible = (" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    return " ".join("".join(visible).split())


def _ordered_statuses(counts: Counter[str]) -> list[str]:
    known = [s for s in ACTION_STATUSES if counts[s]]
    return known + sorted(s for s in counts if s not in ACTION_STATUSES)
