"""What a board's figures are computed from: the scan scored as the school scores it, but with
every criterion that fewer than ``min_group_size`` colleagues scored stripped of their answers.

A board sees readiness, phases, flags, ontwikkelkaart cells and their means, the trend and
the board average. Were a criterion that only the one directie judges counted in any of them,
the board could solve for that person's answer (a cell mean of two criteria, one of them shown,
gives the other away). So such a criterion counts for the board only through the team's agreed
value: an agreed number is its value, an agreed "n.v.t." leaves it out, and otherwise it is
*unknown*, as if nobody could judge it. Whether a criterion is hidden depends only on how many
scored it, never on what they answered; the school's own results (Resultaten, its PDF) stay
computed over every answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from assessment.rubric import Rubric
from assessment.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    ItemResult,
    ScanResult,
    school_phase,
    score_items,
    score_theme,
    through_crosswalk,
)
from assessment.views import privacy


def shown_to_board(rubric: Rubric, item: ItemResult) -> bool:
    """Whether a board may see the figures of ``item`` (its mean, counts): the privacy policy's
    ``figures_shown``."""
    return privacy.figures_shown(rubric, item)


def _without_answers(item: ItemResult) -> ItemResult:
    """The item as the board may count it: the agreed value alone."""
    agreed = item.agreed
    value = float(agreed) if isinstance(agreed, int) else None
    return dataclasses.replace(
        item,
        value=value,
        mean=None,
        n=0,
        dont_know=0,
        not_applicable=0,
        dk_share=1.0,
        range=None,
        contested=False,
        left_out=agreed == NOT_APPLICABLE,
        distribution=dict.fromkeys(item.distribution, 0),
    )


def score_for_board(
    rubric: Rubric,
    answers: Mapping[str, Sequence[AnswerValue]],
    agreed: Mapping[str, AnswerValue],
) -> ScanResult:
    """The scan's result over the criteria a board may see (see the module text)."""
    # The items as the school scores them, then the themes once over what the board may count
    # (score_scan would score the themes twice and add next steps nobody reads here).
    answers, agreed = through_crosswalk(rubric, answers, agreed)
    items = {
        criterion: item if shown_to_board(rubric, item) else _without_answers(item)
        for criterion, item in score_items(rubric, answers, agreed).items()
    }
    themes = tuple(score_theme(rubric, theme.id, items) for theme in rubric.theme_list)
    return ScanResult(items, themes, school_phase(rubric, themes))
