"""2. Per theme: phase and why, strengths, points of attention, contested items, next steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Table
from reportlab.platypus.flowables import Flowable

from assessment.explanations import explain_theme, step_action
from assessment.i18n import number, t
from assessment.report.fonts import BOLD
from assessment.report.scan_report.writer import ScanWriter, contested_rule
from assessment.report.styles import esc, fit
from assessment.report.tables import table
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, ItemResult
from assessment.views import privacy


def themes(w: ScanWriter) -> list[Flowable]:
    story: list[Flowable] = [w.p(w.t("sections.themes"), "h1")]
    rules = w.rubric.rules
    for index, theme in enumerate(w.result.themes):
        if index:
            story.append(CondPageBreak(60 * mm))
        items = [i for i in w.result.items.values() if i.theme == theme.id]
        story.append(w.p(w.theme_label(theme.id), "h2"))
        readiness = (
            w.num(theme.readiness) if theme.readiness is not None else w.t("values.no_score")
        )
        story.append(
            w.p(
                w.t("theme.phase_line", phase=w.phase(theme.phase), readiness=readiness),
                "lead",
            )
        )
        previous = w.previous_theme(theme.id)
        if previous is not None:
            before = (
                w.num(previous.readiness)
                if previous.readiness is not None
                else w.t("values.no_score")
            )
            story.append(
                w.p(
                    w.t(
                        "theme.previous_line",
                        phase=w.phase(previous.phase),
                        readiness=before,
                    ),
                    "small",
                )
            )
        story.append(w.p(w.t("theme.why"), "h3"))
        for line in explain_theme(w.rubric, theme, w.lang).splitlines():
            story.append(w.m(esc(line), "bullet", "•"))

        strengths = sorted(
            (i for i in items if i.value is not None and i.value >= w.rubric.rules.strength_from),
            key=lambda i: -(i.value or 0),
        )
        story.append(w.p(w.t("theme.strengths"), "h3"))
        story += _item_list(
            w, strengths, "theme.strengths_none", number(w.rubric.rules.strength_from, w.lang)
        )
        attention = sorted(
            (i for i in items if i.value is not None and i.value < rules.next_step_below),
            key=lambda i: i.value or 0,
        )
        story.append(w.p(w.t("theme.attention"), "h3"))
        story += _item_list(
            w, attention, "theme.attention_none", number(rules.next_step_below, w.lang)
        )

        contested = [i for i in items if i.contested]
        story.append(w.p(w.t("theme.contested"), "h3"))
        if contested:
            story += _contested(w, contested)
        else:
            story.append(w.p(w.t("theme.contested_none"), "small"))

        story.append(w.p(w.t("theme.next_steps"), "h3"))
        steps = [s for s in w.result.next_steps if s.theme == theme.id]
        if w.result.awaits_answers:
            story.append(w.p(w.t("theme.next_steps_wait"), "small"))
        elif not steps:
            story.append(w.p(w.t("theme.next_steps_none"), "small"))
        for step in steps:
            kind = t(f"scoring.step.{step.kind}", w.lang)
            markup = (
                f"<b>{esc(kind)}</b>: {esc(w.criterion_label(step.criterion))} – "
                f"{esc(step_action(w.rubric, step, w.lang))}"
            )
            story.append(w.m(markup, "bullet", "•"))
    return story


def _item_list(
    w: ScanWriter, items: Sequence[ItemResult], none_key: str, value: str
) -> list[Flowable]:
    if not items:
        return [w.p(w.t(none_key, value=value), "small")]
    out: list[Flowable] = []
    for item in items:
        key = "theme.agreed_item" if item.agreed is not None else "theme.item"
        value = (
            w.item_value(item)
            if item.agreed is not None or privacy.figures_shown(w.rubric, item)
            else w.t("theme.few_scores", minimum=privacy.minimum(w.rubric))
        )
        out.append(
            w.m(
                esc(w.t(key, label=w.criterion_label(item.id), value=value)),
                "bullet",
                "•",
            )
        )
    return out


def _contested(w: ScanWriter, items: Sequence[ItemResult]) -> list[Flowable]:
    """The contested items with their answers per score, except where so few people answered
    that a count per score would say who gave which answer: the whole scan under
    the minimum of respondents (the PDF goes to the team and the board), or one criterion."""
    minimum = privacy.minimum(w.rubric)
    if privacy.too_few_respondents(w.rubric, w.r.respondents):
        labels = "; ".join(w.criterion_label(i.id) for i in items)
        text = w.t("theme.contested_few_people", **contested_rule(w), items=labels, minimum=minimum)
        return [w.p(text, "small")]
    shown = [i for i in items if privacy.distribution_shown(w.rubric, i)]
    hidden = [i for i in items if not privacy.distribution_shown(w.rubric, i)]
    story: list[Flowable] = [w.p(w.t("theme.contested_intro", **contested_rule(w)), "small")]
    if shown:
        story.append(_distribution_table(w, shown))
    if hidden:
        labels = "; ".join(w.criterion_label(i.id) for i in hidden)
        story.append(
            w.p(w.t("theme.contested_few_answers", minimum=minimum, items=labels), "small")
        )
    return story


def _distribution_table(w: ScanWriter, items: Sequence[ItemResult]) -> Table:
    scale = [str(v) for v in w.rubric.scale_values]
    show_na = any(i.distribution.get(NOT_APPLICABLE, 0) for i in items)
    keys = [*scale, DONT_KNOW] + ([NOT_APPLICABLE] if show_na else [])
    head = [w.t("theme.criterion"), *scale, w.t("values.dont_know")]
    if show_na:
        head.append(w.t("values.not_applicable"))
    head.append(w.t("theme.agreed"))
    rows: list[list[Any]] = [
        [w.p(h, "cell_head" if i == 0 else "cell_head_right") for i, h in enumerate(head)]
    ]
    for item in items:
        rows.append(
            [w.p(w.criterion_label(item.id), "cell")]
            + [w.p(str(item.distribution.get(k, 0)), "cell_right") for k in keys]
            + [w.p(w.agreed_text(item.agreed), "cell_right")]
        )
    widths = [max(fit([h], BOLD, 7.5), fit(["00"])) for h in head[1:]]
    return table(rows, [0, *widths])
