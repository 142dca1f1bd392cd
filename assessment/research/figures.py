"""What holds schools back, from a research package read back (never from the database):

* per theme and the phase it works on, the criteria that most often keep that phase open;
* per school year, the share of schools in each phase, per theme and for the school as a whole;
* per theme and phase, the median number of school years from the first scan working on the phase
  to the first scan past it, over the schools seen to move on.

Each figure is over schools, and a group (a theme and phase, a school year, a move) is shown only
with at least ``RESEARCH_MINIMUM`` schools (``suppression.groups_shown``). A school seen in a phase
that has not moved on yet counts in no duration: the median is of the moves seen, and the count
of schools still in the phase stands beside it.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from assessment.research.suppression import groups_shown
from assessment.scoring import SECURED

SCHOOL = "school"  # the "theme" of the school phase in the shares per phase
TOP = 5


@dataclass(frozen=True)
class HoldingCriterion:
    criterion: str
    schools: int  # schools where it kept the phase open at least once
    share: float  # of the schools working on the phase


@dataclass(frozen=True)
class HoldingBack:
    theme: str
    phase: str
    schools: int  # schools with a scan whose theme worked on this phase
    criteria: tuple[HoldingCriterion, ...]  # most often first, at most TOP


@dataclass(frozen=True)
class PhaseShare:
    school_year: str
    theme: str  # a theme id, or SCHOOL for the school phase
    schools: int
    shares: tuple[tuple[str, float], ...]  # (phase, share) in phase order, geborgd last


@dataclass(frozen=True)
class PhaseDuration:
    theme: str
    phase: str
    moved: int  # schools seen working on the phase and later past it
    median_years: float
    still: int  # schools whose last scan still works on it


@dataclass(frozen=True)
class Figures:
    schools: int
    scans: int
    holding_back: tuple[HoldingBack, ...]
    phase_shares: tuple[PhaseShare, ...]
    durations: tuple[PhaseDuration, ...]
    labels: dict[str, dict[str, str]]  # criterion -> {"nl": ..., "en": ...}


Tables = dict[str, list[dict[str, str]]]


def _true(text: str) -> bool:
    return text == "true"


def compute_figures(tables: Tables) -> Figures:
    """The figures of a package read back with ``package.read_tables``."""
    # The phases in rubric order, as the package lists them for each theme, then geborgd.
    phase_order = (*dict.fromkeys(row["phase"] for row in tables["theme_phases"]), SECURED)
    scans = {row["scan"]: row for row in tables["scans"]}
    rubric = tables["rubric"]
    labels = {row["criterion"]: {"nl": row["label_nl"], "en": row["label_en"]} for row in rubric}
    themes = list(dict.fromkeys(row["theme"] for row in rubric))
    return Figures(
        schools=len({row["research_id"] for row in scans.values()}),
        scans=len(scans),
        holding_back=_holding_back(tables, scans, themes, phase_order),
        phase_shares=_phase_shares(tables, scans, themes, phase_order),
        durations=_durations(tables, scans, themes, phase_order),
        labels=labels,
    )


def _holding_back(
    tables: Tables, scans: dict[str, Any], themes: list[str], phase_order: tuple[str, ...]
) -> tuple[HoldingBack, ...]:
    working: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in tables["themes"]:
        working[(row["theme"], row["phase"])].add(scans[row["scan"]]["research_id"])
    theme_of = {row["criterion"]: row["theme"] for row in tables["rubric"]}
    holding: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    phase_of = {row["criterion"]: row["phase"] for row in tables["rubric"]}
    for row in tables["criteria"]:
        if _true(row["holds_open"]):
            criterion = row["criterion"]
            group = (theme_of[criterion], phase_of[criterion])
            holding[group][criterion].add(scans[row["scan"]]["research_id"])
    result = []
    for theme in themes:
        for phase in phase_order:
            schools = len(working.get((theme, phase), ()))
            if not groups_shown({phase: schools}) or (theme, phase) not in holding:
                continue
            ranked = sorted(holding[(theme, phase)].items(), key=lambda kv: (-len(kv[1]), kv[0]))
            criteria = tuple(
                HoldingCriterion(criterion, len(ids), len(ids) / schools)
                for criterion, ids in ranked[:TOP]
            )
            result.append(HoldingBack(theme, phase, schools, criteria))
    return tuple(result)


def _latest_per_year(scans: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(research id, school year) -> the key of that school's last scan in the year."""
    latest: dict[tuple[str, str], str] = {}
    for key, row in scans.items():  # in the package's order: per school, oldest first
        latest[(row["research_id"], row["school_year"])] = key
    return latest


def _phase_shares(
    tables: Tables, scans: dict[str, Any], themes: list[str], phase_order: tuple[str, ...]
) -> tuple[PhaseShare, ...]:
    chosen = set(_latest_per_year(scans).values())
    phases: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for key in chosen:
        row = scans[key]
        phases[(row["school_year"], SCHOOL)][row["school_phase"]] += 1
    for row in tables["themes"]:
        if row["scan"] in chosen:
            phases[(scans[row["scan"]]["school_year"], row["theme"])][row["phase"]] += 1
    years = sorted({row["school_year"] for row in scans.values()})
    result = []
    for year in years:
        for theme in [SCHOOL, *themes]:
            counts = phases.get((year, theme), Counter())
            total = sum(counts.values())
            if not groups_shown({year: total}):
                continue
            shares = tuple((phase, counts[phase] / total) for phase in phase_order)
            result.append(PhaseShare(year, theme, total, shares))
    return tuple(result)


def _durations(
    tables: Tables, scans: dict[str, Any], themes: list[str], phase_order: tuple[str, ...]
) -> tuple[PhaseDuration, ...]:
    latest = _latest_per_year(scans)
    rank = {phase: index for index, phase in enumerate(phase_order)}
    by_school: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for row in tables["themes"]:
        scan = scans[row["scan"]]
        if latest[(scan["research_id"], scan["school_year"])] == row["scan"]:
            start = int(scan["school_year"].split("-")[0])
            by_school[(scan["research_id"], row["theme"])].append((start, row["phase"]))
    moves: dict[tuple[str, str], list[int]] = defaultdict(list)
    still: Counter[tuple[str, str]] = Counter()
    for (_school, theme), seen in by_school.items():
        seen.sort()
        for phase in phase_order[:-1]:
            first = next((year for year, p in seen if p == phase), None)
            if first is None:
                continue
            past = next((y for y, p in seen if y > first and rank[p] > rank[phase]), None)
            if past is None:
                still[(theme, phase)] += seen[-1][1] == phase
            else:
                moves[(theme, phase)].append(past - first)
    return tuple(
        PhaseDuration(theme, phase, len(years), statistics.median(years), still[(theme, phase)])
        for theme in themes
        for phase in phase_order[:-1]
        if (years := moves.get((theme, phase))) and groups_shown({phase: len(years)})
    )
