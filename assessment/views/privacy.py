"""The one place that decides what a group smaller than the rubric's ``min_group_size`` shows.

A group is the people behind a figure: everyone who started a scan, everyone who gave a
criterion an answer, everyone with one role. Among fewer than the minimum a figure points at
people (two scores with mean 1,5 are a 1 and a 2), so what may be shown depends on who reads it
(docs/privacy.md gives the whole policy in words):

* the school's own screens (Resultaten, Bespreken) show the team's own figures over every
  answer and warn when the scan has fewer respondents than the minimum; only the count per role
  keeps to the minimum;
* what is printed (the scan PDF, which goes to the team and the board, and the trainer's
  briefing) leaves out a criterion's mean, n, "weet niet" share and spread where fewer scored
  it, its answers per score where fewer answered it, and in a scan of fewer respondents every
  count per score and, in the briefing, the explanation and the notes of a contested item;
* the board sees a scan only when at least the minimum answered it, and counts a criterion
  fewer scored only through the team's agreed value (``assessment.board_scoring``).

This module reads only the rubric and the scores, so every layer can ask it: the store's board
summaries as well as the views, PDFs and pages above them. Nothing else reads the minimum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.scoring import ItemResult


def minimum(rubric: Rubric) -> int:
    """The smallest group whose figures may be shown, for texts that name it."""
    return rubric.rules.min_group_size


def too_few_respondents(rubric: Rubric, respondents: int) -> bool:
    """A scan started by fewer than the minimum: on paper no count per score, no notes beside a
    contested item in the briefing, and nothing for the board."""
    return respondents < minimum(rubric)


def warn_few_respondents(rubric: Rubric, respondents: int) -> bool:
    """Whether a school's own screen warns that its answers are not anonymous among so few."""
    return 0 < respondents < minimum(rubric)


def figures_shown(rubric: Rubric, item: ItemResult) -> bool:
    """Whether a criterion's mean, n, "weet niet" share and spread may be printed or given to the
    board: scored (0-3) by at least the minimum."""
    return item.n >= minimum(rubric)


def interim_figure_shown(rubric: Rubric, item: ItemResult) -> bool:
    """Whether a tussenmeting shows a criterion's own figure: scored by at least the minimum, or
    agreed by the team (a working group of three answers no criterion alone)."""
    return figures_shown(rubric, item) or isinstance(item.agreed, int)


def answered(item: ItemResult) -> int:
    """Everyone who gave the criterion an answer, "weet niet" and "n.v.t." included."""
    return item.n + item.dont_know + item.not_applicable


def distribution_shown(rubric: Rubric, item: ItemResult) -> bool:
    """Whether a criterion's answers per score may be printed: answered by at least the minimum."""
    return answered(item) >= minimum(rubric)


def visible_role_counts(rubric: Rubric, roles: Iterable[str | None]) -> tuple[dict[str, int], int]:
    """Counts per role for roles with at least the minimum of respondents, in the order of
    RESPONDENT_ROLES, and the number of everyone else (smaller groups and no role given).

    The rest is a group too: when it is not empty but smaller than the minimum (one colleague
    with a rare role), the smallest shown role joins it until it is large enough, so that no
    group under the minimum can be read off, not even as the remainder."""
    least = minimum(rubric)
    counts = Counter(roles)
    shown = {r: counts[r] for r in RESPONDENT_ROLES if counts[r] >= least}
    rest = sum(counts.values()) - sum(shown.values())
    while 0 < rest < least and shown:
        smallest = min(reversed(shown), key=shown.__getitem__)  # the later role on a tie
        rest += shown.pop(smallest)
    return shown, rest


def board_sees_scan(rubric: Rubric, respondents: int) -> bool:
    """Whether a board may see a scan's figures at all: answered by at least the minimum."""
    return respondents >= minimum(rubric)


def summary_may_change(rubric: Rubric, differing: int) -> bool:
    """Whether a board's summary of a reopened scan may follow today's answers: none differ from
    the ones the board last saw, or at least the minimum do (fewer would be readable as the
    difference of two summaries)."""
    return differing == 0 or differing >= minimum(rubric)
