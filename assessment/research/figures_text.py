"""The figures of ``figures`` in words: theme, phase and criterion names in the user's language,
shares as percentages, years Dutch style. The command line prints these lines; the research
page shows the same rows as tables."""

from __future__ import annotations

from assessment.explanations import phase_label
from assessment.i18n import number, percent, t
from assessment.research.figures import SCHOOL, Figures
from assessment.rubric import Rubric
from assessment.scoring import SECURED


def theme_name(rubric: Rubric, theme: str, lang: str) -> str:
    if theme == SCHOOL:
        return t("research.figures.school", lang)
    known = {item.id: item for item in rubric.theme_list}
    return rubric.text(known[theme].label, lang) if theme in known else theme


def phase_name(rubric: Rubric, phase: str, lang: str) -> str:
    return phase_label(rubric, phase, lang) if phase in (*rubric.phase_ids, SECURED) else phase


def criterion_name(figures: Figures, criterion: str, lang: str) -> str:
    labels = figures.labels.get(criterion, {})
    return labels.get(lang) or labels.get("nl") or criterion


def figure_lines(figures: Figures, rubric: Rubric, lang: str, minimum: int) -> list[str]:
    lines = [t("research.cli.summary", lang, scans=figures.scans, schools=figures.schools), ""]
    lines.append(t("research.figures.holding_heading", lang))
    for group in figures.holding_back:
        lines.append(
            t(
                "research.cli.holding_line",
                lang,
                theme=theme_name(rubric, group.theme, lang),
                phase=phase_name(rubric, group.phase, lang),
                schools=group.schools,
            )
        )
        lines += [
            t(
                "research.cli.criterion_line",
                lang,
                share=percent(item.share, lang),
                label=criterion_name(figures, item.criterion, lang),
            )
            for item in group.criteria
        ]
    if not figures.holding_back:
        lines.append(t("research.cli.nothing", lang, minimum=minimum))
    lines += ["", t("research.figures.shares_heading", lang)]
    for row in figures.phase_shares:
        shares = ", ".join(
            f"{phase_name(rubric, phase, lang)} {percent(share, lang)}"
            for phase, share in row.shares
        )
        lines.append(
            t(
                "research.cli.share_line",
                lang,
                year=row.school_year,
                theme=theme_name(rubric, row.theme, lang),
                schools=row.schools,
                shares=shares,
            )
        )
    if not figures.phase_shares:
        lines.append(t("research.cli.nothing", lang, minimum=minimum))
    lines += ["", t("research.figures.durations_heading", lang)]
    for duration in figures.durations:
        lines.append(
            t(
                "research.cli.duration_line",
                lang,
                theme=theme_name(rubric, duration.theme, lang),
                phase=phase_name(rubric, duration.phase, lang),
                years=number(duration.median_years, lang),
                moved=duration.moved,
                still=duration.still,
            )
        )
    if not figures.durations:
        lines.append(t("research.cli.nothing", lang, minimum=minimum))
    return lines
