"""The board dashboard as tables: the overview the page shows and the spreadsheet for the annual
report (Dutch headers; every text through ``spreadsheet.safe_cell``, never a formula)."""

from __future__ import annotations

from collections.abc import Mapping

from assessment import spreadsheet
from assessment.board_dashboard import NAME, Dashboard, closed_on, phase_name, theme_label
from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, AnswerValue, round_half_up
from assessment.spreadsheet import Cell
from assessment.store.info import CriterionSummary

Table = tuple[list[str], list[list[Cell]]]


def readiness_value(value: float | None) -> float | None:
    """Readiness as shown: one decimal, rounded half up."""
    return None if value is None else round_half_up(value, 1)


def overview_table(dashboard: Dashboard, rubric: Rubric, lang: str, key: str = NAME) -> Table:
    """The board average first, then a row per school with results: its newest scan, the date
    it was closed, its respondents, readiness per theme and the school's phase."""
    headers = [
        t("compare.school", lang),
        t("compare.scan", lang),
        t("compare.closed_on", lang),
        t("compare.respondents", lang),
        *(theme_label(rubric, theme, lang) for theme in dashboard.themes),
        t("compare.school_phase", lang),
    ]
    average = [
        t("compare.average_row", lang, count=len(dashboard.rows)),
        "",
        None,
        None,
        *(readiness_value(dashboard.average(theme)) for theme in dashboard.themes),
        "",
    ]
    rows: list[list[Cell]] = [average]
    for row in dashboard.sorted_rows(key):
        rows.append(
            [
                row.school,
                row.scan.label,
                closed_on(row.scan),
                row.scan.respondents,
                *(readiness_value(row.readiness(theme)) for theme in dashboard.themes),
                phase_name(rubric, row.scan.school_phase, lang),
            ]
        )
    return headers, rows


def phase_table(dashboard: Dashboard, rubric: Rubric, lang: str) -> Table:
    headers = [
        t("compare.col.theme", lang),
        *(phase_name(rubric, phase, lang) for phase in dashboard.phases),
    ]
    rows: list[list[Cell]] = []
    for theme in dashboard.themes:
        counts = dashboard.phase_counts(theme)
        rows.append([theme_label(rubric, theme, lang), *(counts[p] for p in dashboard.phases)])
    return headers, rows


def scans_table(dashboard: Dashboard, rubric: Rubric, lang: str, only: str | None = None) -> Table:
    """Every closed scan of every sharing school (or of school ``only``), newest first."""
    headers = [
        t("compare.school", lang),
        t("compare.scan", lang),
        t("compare.closed_on", lang),
        t("compare.respondents", lang),
        t("compare.submitted", lang),
        *(
            t("compare.col.readiness", lang, theme=theme_label(rubric, theme, lang))
            for theme in dashboard.themes
        ),
        *(
            t("compare.col.phase", lang, theme=theme_label(rubric, theme, lang))
            for theme in dashboard.themes
        ),
        t("compare.school_phase", lang),
    ]
    rows: list[list[Cell]] = []
    for school in dashboard.schools:
        if only is not None and school.school.name != only:
            continue
        for scan in school.scans:
            readiness = [readiness_value(scan.readiness.get(t)) for t in dashboard.themes]
            phases = [
                phase_name(rubric, scan.phases[t], lang) if t in scan.phases else ""
                for t in dashboard.themes
            ]
            school_phase = (
                phase_name(rubric, scan.school_phase, lang)
                if scan.shown
                else t("compare.too_few_short", lang)
            )
            rows.append(
                [
                    school.school.name,
                    scan.label,
                    closed_on(scan),
                    scan.respondents,
                    scan.submitted,
                    *readiness,
                    *phases,
                    school_phase,
                ]
            )
    return headers, rows


def criteria_table(
    dashboard: Dashboard,
    criteria: Mapping[int, Mapping[str, CriterionSummary]],
    rubric: Rubric,
    lang: str,
) -> Table:
    """Per school (newest shown scan) every criterion: mean and counts where enough colleagues
    scored it, the agreed value where the team set one."""
    size = rubric.rules.min_group_size
    headers = [
        t("compare.school", lang),
        t("compare.scan", lang),
        t("compare.col.theme", lang),
        t("compare.col.criterion", lang),
        t("compare.col.mean", lang),
        t("compare.col.n", lang),
        t("compare.col.dont_know", lang),
        t("compare.col.not_applicable", lang),
        t("compare.col.agreed", lang),
        "",
    ]
    rows: list[list[Cell]] = []
    for row in dashboard.rows:
        known = criteria.get(row.scan.scan_id, {})
        for criterion in rubric.criteria:
            entry = known.get(criterion.id)
            shown = entry is not None and entry.n is not None
            rows.append(
                [
                    row.school,
                    row.scan.label,
                    theme_label(rubric, criterion.theme, lang),
                    rubric.text(criterion.label, lang),
                    round_half_up(entry.mean, 2) if shown and entry.mean is not None else None,
                    entry.n if shown else None,
                    entry.dont_know if shown else None,
                    entry.not_applicable if shown else None,
                    _agreed(entry.agreed if entry else None, lang),
                    "" if shown else t("compare.col.hidden", lang, size=size),
                ]
            )
    return headers, rows


def _agreed(value: AnswerValue | None, lang: str) -> Cell:
    if value is None:
        return None
    if value in (DONT_KNOW, NOT_APPLICABLE):
        return t(f"compare.col.{'dont_know' if value == DONT_KNOW else 'not_applicable'}", lang)
    return value


def board_xlsx(
    dashboard: Dashboard,
    criteria: Mapping[int, Mapping[str, CriterionSummary]],
    rubric: Rubric,
    lang: str,
) -> bytes:
    return spreadsheet.xlsx_workbook(
        [
            (t("compare.sheet.overview", lang), *overview_table(dashboard, rubric, lang)),
            (t("compare.sheet.phases", lang), *phase_table(dashboard, rubric, lang)),
            (t("compare.sheet.scans", lang), *scans_table(dashboard, rubric, lang)),
            (
                t("compare.sheet.criteria", lang),
                *criteria_table(dashboard, criteria, rubric, lang),
            ),
        ]
    )
