"""What the research dataset may publish: the one place that decides it.

Three rules, each with the same minimum, ``RESEARCH_MINIMUM`` (5), which is larger than the
board's ``min_group_size`` because the data leaves the installation and is kept by others:

* a scan that fewer than 5 colleagues answered is left out whole;
* a criterion that fewer than 5 scored (0–3) shows no distribution, and it counts in no readiness,
  phase or flag other than through the team's agreed value, as for the board
  (``assessment/board_scoring.py``): no published figure can be solved for a hidden answer;
* a cell of school type × school year is published only with at least 5 schools. The cells of one
  school year that are too small (and the schools whose type is not set) are merged into one
  type, ``overig``; when that merged cell is still under 5 schools it is left out. A school type
  of a handful of schools would otherwise point at them.

There is no role breakdown in the dataset at all, and no text the school typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from assessment.rubric import Rubric
from assessment.views import privacy

RESEARCH_MINIMUM = 5
MERGED_TYPE = "overig"


def scan_published(respondents: int) -> bool:
    return respondents >= RESEARCH_MINIMUM


def distribution_published(scored: int) -> bool:
    """Whether a criterion's distribution is published: ``scored`` colleagues gave it 0–3."""
    return scored >= RESEARCH_MINIMUM


def research_rubric(rubric: Rubric) -> Rubric:
    """``rubric`` with the research minimum as its group size, for ``score_for_board``: every
    criterion scored by fewer than 5 counts through its agreed value only."""
    minimum = max(RESEARCH_MINIMUM, privacy.minimum(rubric))
    rules = rubric.rules.model_copy(update={"min_group_size": minimum})
    return rubric.model_copy(update={"rules": rules})


def published_types(
    schools: Iterable[tuple[str, str | None, str]],
) -> dict[tuple[str, str], str]:
    """For each (school, school year) of ``schools`` (school, type or None, school year) the
    type it is published under: its own, ``overig``, or absent (left out)."""
    cells: dict[tuple[str, str], set[str]] = {}
    for school, school_type, year in schools:
        cells.setdefault((school_type or MERGED_TYPE, year), set()).add(school)
    merged: dict[str, set[str]] = {}
    published: dict[tuple[str, str], str] = {}
    for (school_type, year), members in cells.items():
        if school_type != MERGED_TYPE and len(members) >= RESEARCH_MINIMUM:
            published.update({(school, year): school_type for school in members})
        else:
            merged.setdefault(year, set()).update(members)
    for year, members in merged.items():
        if len(members) >= RESEARCH_MINIMUM:
            published.update({(school, year): MERGED_TYPE for school in members})
    return published


def groups_shown(counts: Mapping[str, int]) -> dict[str, int]:
    """The groups of a figure (school years, phases reached) with at least 5 schools."""
    return {group: count for group, count in counts.items() if count >= RESEARCH_MINIMUM}
