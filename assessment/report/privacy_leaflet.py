"""The privacybijsluiter: the Privacy page on two A4 pages, for the coordinator to hand to the
medezeggenschapsraad (MR). Same content as the page (``assessment.privacy_notice``), the house
style of the other PDFs."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from assessment.i18n import t
from assessment.privacy_notice import PrivacyNotice, Section
from assessment.report.fonts import register_fonts
from assessment.report.furniture import render
from assessment.report.styles import CONTENT_WIDTH, CURRENT, PHASE_BAND, esc, paragraph_styles
from assessment.report.tables import table


def privacy_leaflet_pdf(notice: PrivacyNotice, lang: str, made: dt.date | None = None) -> bytes:
    register_fonts()
    styles = paragraph_styles()
    made = made or dt.date.today()

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), styles[style])

    def section(part: Section) -> list[Flowable]:
        flow: list[Flowable] = [p(part.heading, "h3")]
        flow += [p(paragraph) for paragraph in part.paragraphs]
        flow += [Paragraph(esc(b), styles["bullet"], bulletText="•") for b in part.bullets]
        if part.note:
            flow.append(p(part.note, "small"))
        return flow

    title = t("privacy.leaflet_title", lang)
    story: list[Flowable] = [
        p(title, "title"),
        p(t("privacy.leaflet_subtitle", lang), "subtitle"),
        _boxed([p(notice.not_monitor.heading, "h3"), p(notice.not_monitor.paragraphs[0])]),
        Spacer(1, 3 * mm),
        p(notice.intro),
    ]
    for part in notice.before_roles:
        story += section(part)
    story.append(p(notice.roles_heading, "h3"))
    story.append(
        table(
            [
                [p(column, "cell_head") for column in notice.columns],
                *[
                    [p(row.role, "cell_bold"), p(row.sees, "cell"), p(row.never, "cell")]
                    for row in notice.roles
                ],
            ],
            [30 * mm, 0, 52 * mm],
            flex=1,
        )
    )
    for part in notice.after_roles:
        story += section(part)
    made_text = t("privacy.leaflet_made", lang, date=format_date(made, "d MMMM y", locale=lang))
    story.append(Spacer(1, 2 * mm))
    story.append(p(made_text, "small"))
    return render(
        story,
        lang=lang,
        title=title,
        author="TSO Zelfscan",
        subject=t("privacy.leaflet_subtitle", lang),
        keywords="privacy, AVG, MR, TSO Zelfscan",
        header=title,
        footer=t("privacy.leaflet_footer", lang),
    )


def _boxed(flowables: list[Flowable]) -> Table:
    """The sentence no reader may miss, in a tinted box with a rule on the left."""
    box = Table([[flowables]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PHASE_BAND),
                ("LINEBEFORE", (0, 0), (0, -1), 3, CURRENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box
