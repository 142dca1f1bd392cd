"""The board dashboard as tables: the overview the page shows and the spreadsheet for the annual
report (Dutch headers; every text through ``spreadsheet.safe_cell``, never a formula)."""

from __future__ import annotations

from collections.abc import Mapping
from statistics import fmean

from assessment import spreadsheet
from assessment.board_dashboard import NAME, Dashboard, closed_on, phase_name, theme_label
from assessment.i18n import number, t
from assessment.rubric import Rubric
from assessment.scoring import round_half_up
from assessment.spreadsheet import Cell
from assessment.store.info import CriterionSummary
from assessment.views import privacy

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
    average: list[Cell] = [
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
    """Per criterion over the schools' newest shown scans: how many schools have a mean (enough
    colleagues scored it), the mean of those means, how many schools score it below the bar
    that blocks a phase, and how many agreed a value for it."""
    blocks = rubric.rules.item_blocks_below
    headers = [
        t("compare.col.theme", lang),
        t("compare.col.phase_of_criterion", lang),
        t("compare.col.criterion", lang),
        t("compare.col.schools_with_mean", lang),
        t("compare.col.mean_of_schools", lang),
        t("compare.col.schools_below", lang, bar=number(blocks, lang)),
        t("compare.col.schools_agreed", lang),
    ]
    scans = [criteria.get(row.scan.scan_id, {}) for row in dashboard.rows]
    rows: list[list[Cell]] = []
    for criterion in rubric.criteria:
        entries = [scan.get(criterion.id) for scan in scans]
        means = [
            e.mean for e in entries if e is not None and e.n is not None and e.mean is not None
        ]
        rows.append(
            [
                theme_label(rubric, criterion.theme, lang),
                phase_name(rubric, criterion.phase, lang),
                rubric.text(criterion.label, lang),
                len(means),
                round_half_up(fmean(means), 2) if means else None,
                sum(mean < blocks for mean in means),
                sum(e is not None and e.agreed is not None for e in entries),
            ]
        )
    return headers, rows


def criteria_per_school_table(
    dashboard: Dashboard,
    criteria: Mapping[int, Mapping[str, CriterionSummary]],
    rubric: Rubric,
    lang: str,
) -> Table:
    """A row per school (newest shown scan), a column per criterion: its mean score (0–3) where
    enough colleagues scored it, else empty."""
    headers = [
        t("compare.school", lang),
        t("compare.scan", lang),
        *(rubric.text(criterion.label, lang) for criterion in rubric.criteria),
    ]
    rows: list[list[Cell]] = []
    for row in dashboard.rows:
        known = criteria.get(row.scan.scan_id, {})
        means: list[Cell] = []
        for criterion in rubric.criteria:
            entry = known.get(criterion.id)
            if entry is None or entry.n is None or entry.mean is None:
                means.append(None)
            else:
                means.append(round_half_up(entry.mean, 2))
        rows.append([row.school, row.scan.label, *means])
    return headers, rows


def explanation_table(rubric: Rubric, lang: str) -> Table:
    """What the sheets hold, a line each."""
    size = privacy.minimum(rubric)
    keys = ("overview", "phases", "scans", "criteria", "per_school", "hidden")
    return [t("compare.sheet.explanation", lang)], [
        [t(f"compare.explain.{key}", lang, size=size)] for key in keys
    ]


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
            (t("compare.sheet.criteria", lang), *criteria_table(dashboard, criteria, rubric, lang)),
            (
                t("compare.sheet.per_school", lang),
                *criteria_per_school_table(dashboard, criteria, rubric, lang),
            ),
            (t("compare.sheet.explanation", lang), *explanation_table(rubric, lang)),
        ]
    )
