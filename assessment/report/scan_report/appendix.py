"""4. Appendix: all values per theme with where each criterion's wording comes from, the notes,
and notes on the quality of the data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak
from reportlab.platypus.flowables import Flowable

from assessment.i18n import percent, t
from assessment.provenance import checked_against_text
from assessment.report.fonts import BOLD
from assessment.report.scan_report.writer import ScanWriter, contested_rule
from assessment.report.styles import PHASE_BAND, esc, fit
from assessment.report.tables import table
from assessment.respondents import notes_in_anonymous_order
from assessment.rubric import Criterion
from assessment.scoring import ItemResult
from assessment.views import privacy


def appendix(w: ScanWriter) -> list[Flowable]:
    story: list[Flowable] = [
        w.p(w.t("sections.appendix"), "h1"),
        w.p(w.t("appendix.intro")),
        w.p(
            w.t("appendix.legend", **contested_rule(w), minimum=privacy.minimum(w.rubric)),
            "small",
        ),
        w.p(t("provenance.legend", w.lang), "small"),
    ]
    columns = ["criterion", "mean", "n", "dont_know", "range", "agreed", "value"]
    samples = [
        "0,0",
        w.t("appendix.few", minimum=privacy.minimum(w.rubric)),
        "100%",
        f"3 {w.t('appendix.contested')}",
        w.t("values.dont_know"),
        w.t("values.unknown"),
    ]
    widths = [0] + [
        max(fit([w.t(f"appendix.{c}")], BOLD, 7.5), fit([sample], BOLD))
        for c, sample in zip(columns[1:], samples, strict=True)
    ]
    for theme in w.rubric.theme_list:
        rows: list[list[Any]] = [
            [
                w.p(w.t(f"appendix.{c}"), "cell_head" if i == 0 else "cell_head_right")
                for i, c in enumerate(columns)
            ]
        ]
        extra: list[tuple[Any, ...]] = []
        phase = None
        for criterion in theme.criteria:
            item = w.result.items.get(criterion.id)
            if item is None:
                continue
            if item.phase != phase:  # a band with the phase above its criteria
                phase = item.phase
                extra += [
                    ("SPAN", (0, len(rows)), (-1, len(rows))),
                    ("BACKGROUND", (0, len(rows)), (-1, len(rows)), PHASE_BAND),
                    ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
                ]
                rows.append([w.p(w.phase(phase), "cell_bold")] + [""] * 6)
            rows.append(_criterion_row(w, item, criterion))
        story.append(CondPageBreak(45 * mm))
        story.append(w.p(w.rubric.text(theme.label, w.lang), "h3_loose"))
        story.append(table(rows, widths, zebra=False, extra=extra))
    story += _notes(w)
    story.append(w.p(w.t("appendix.quality_title"), "h2"))
    quality = _quality_notes(w)
    for note in quality or [w.t("appendix.quality.none")]:
        story.append(w.m(esc(note), "bullet", "•"))
    return story


def _criterion_row(w: ScanWriter, item: ItemResult, criterion: Criterion) -> list[Any]:
    """A criterion's figures. Where the privacy policy hides them (too few scored it), its mean, n,
    "weet niet" share, spread and the value taken from the mean are not printed, as the board
    never sees them (two answers: mean 1,5 and n 2 are a 1 and a 2); an agreed value is the
    team's and stays. Under its label: where its wording comes from."""
    hidden = w.t("values.none")
    few = not privacy.figures_shown(w.rubric, item)
    if few:
        mean, n, dont_know, spread = (
            hidden,
            w.t("appendix.few", minimum=privacy.minimum(w.rubric)),
            hidden,
            hidden,
        )
        value = w.item_value(item) if item.agreed is not None else hidden
    else:
        mean, n, value = w.num(item.mean), str(item.n), w.item_value(item)
        spread = w.t("values.none") if item.range is None else str(item.range)
        dont_know = (
            percent(item.dk_share, w.lang) if item.n + item.dont_know else w.t("values.none")
        )
    if item.contested and not few:  # with two scores "verdeeld" says on which side each lies
        spread = f"{spread} {w.t('appendix.contested')}"
    return [
        [
            w.p(w.criterion_label(item.id), "cell"),
            w.p(checked_against_text(w.rubric, criterion, w.lang), "cell_small"),
        ],
        w.p(mean, "cell_right"),
        w.p(n, "cell_right"),
        w.p(dont_know, "cell_right"),
        w.p(spread, "cell_right"),
        w.p("" if item.agreed is None else w.agreed_text(item.agreed), "cell_right"),
        w.p(value, "cell_bold_right"),
    ]


def _notes(w: ScanWriter) -> list[Flowable]:
    ids = [
        c.id
        for c in w.rubric.criteria
        if w.r.agreed_notes.get(c.id, "").strip() or any(n.strip() for n in w.r.notes.get(c.id, ()))
    ]
    if not ids:
        return []
    story: list[Flowable] = [
        w.p(w.t("appendix.notes_title"), "h2"),
        w.p(w.t("appendix.notes_intro"), "small"),
    ]
    for criterion in ids:
        story.append(w.p(w.criterion_label(criterion), "h3"))
        agreed = w.r.agreed_notes.get(criterion, "").strip()
        if agreed:
            story.append(w.p(w.t("appendix.agreed_note", note=agreed)))
        # sorted here too: a ReportInput may come from elsewhere than the store
        for note in notes_in_anonymous_order(n.strip() for n in w.r.notes.get(criterion, ())):
            if note:
                story.append(w.m(esc(note), "quote", "–"))
    return story


def _quality_notes(w: ScanWriter) -> list[str]:
    rules = w.rubric.rules
    items = [w.result.items[c.id] for c in w.rubric.criteria if c.id in w.result.items]
    notes: list[str] = []

    def labels(selected: Iterable[ItemResult]) -> str:
        return "; ".join(w.criterion_label(i.id) for i in selected)

    if privacy.too_few_respondents(w.rubric, w.r.respondents):
        notes.append(
            w.t(
                "appendix.quality.few_respondents",
                count=w.r.respondents,
                minimum=privacy.minimum(w.rubric),
            )
        )
    unanswered = [
        i for i in items if i.n + i.dont_know + i.not_applicable == 0 and i.agreed is None
    ]
    if unanswered:
        notes.append(w.t("appendix.quality.no_answers", items=labels(unanswered)))
    dont_know = [
        i
        for i in items
        if i.n + i.dont_know and i.dk_share > rules.max_dont_know_share and not i.left_out
    ]
    if dont_know:
        notes.append(
            w.t(
                "appendix.quality.dont_know",
                limit=percent(rules.max_dont_know_share, w.lang),
                items=labels(dont_know),
            )
        )
    left_out = [i for i in items if i.left_out]
    if left_out:
        notes.append(w.t("appendix.quality.left_out", items=labels(left_out)))
    contested = [i for i in items if i.contested]
    if contested:
        notes.append(
            w.t("appendix.quality.contested", **contested_rule(w), items=labels(contested))
        )
    differs = [
        i
        for i in items
        if isinstance(i.agreed, int)
        and i.mean is not None
        and abs(i.agreed - i.mean) >= rules.agreed_differs_by
    ]
    if differs:
        notes.append(w.t("appendix.quality.agreed_differs", items=labels(differs)))
    for flag, key in (
        ("insufficient_information", "insufficient"),
        ("foundation_gap", "foundation_gap"),
    ):
        flagged = [th for th in w.result.themes if flag in th.flags]
        if flagged:
            notes.append(
                w.t(
                    f"appendix.quality.{key}",
                    themes=", ".join(w.theme_label(th.id) for th in flagged),
                )
            )
    current_version = w.r.rubric_version or w.rubric.version
    if (
        w.previous is not None
        and w.previous.rubric_version
        and w.previous.rubric_version != current_version
    ):
        notes.append(
            w.t(
                "appendix.quality.rubric_changed",
                previous=w.previous.rubric_version,
                current=current_version,
            )
        )
    return notes
