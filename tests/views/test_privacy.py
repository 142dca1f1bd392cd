"""The privacy policy: what a group smaller than the rubric's minimum (3 in the TSO rubric) shows."""

from __future__ import annotations

import pytest

from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from assessment.views import privacy

RUBRIC = load_rubric()
CRITERION = RUBRIC.criteria[0].id


def item(*answers):
    return score_scan(RUBRIC, {CRITERION: list(answers)}).items[CRITERION]


def test_the_minimum_is_the_rubrics():
    assert privacy.minimum(RUBRIC) == RUBRIC.rules.min_group_size == 3


@pytest.mark.parametrize(
    ("respondents", "too_few", "warn"),
    [(0, True, False), (1, True, True), (2, True, True), (3, False, False)],
)
def test_a_scan_of_fewer_than_the_minimum_is_too_few_and_warned_about_once_started(
    respondents, too_few, warn
):
    assert privacy.too_few_respondents(RUBRIC, respondents) is too_few
    assert privacy.warn_few_respondents(RUBRIC, respondents) is warn
    assert privacy.board_sees_scan(RUBRIC, respondents) is not too_few


def test_a_criterions_figures_need_the_minimum_of_scores_its_answers_the_minimum_of_answers():
    two_scores_one_dont_know = item(0, 3, "dk")
    assert not privacy.figures_shown(RUBRIC, two_scores_one_dont_know)
    assert privacy.distribution_shown(RUBRIC, two_scores_one_dont_know)
    assert privacy.figures_shown(RUBRIC, item(0, 3, 2))
    assert not privacy.distribution_shown(RUBRIC, item(0, "dk"))


def test_roles_under_the_minimum_are_counted_with_the_rest():
    roles = ["werkgroep"] * 4 + ["leerkracht"] * 5 + [None] * 3 + ["directie"]
    assert privacy.visible_role_counts(RUBRIC, roles) == ({"werkgroep": 4, "leerkracht": 5}, 4)


def test_a_rest_under_the_minimum_takes_in_the_smallest_shown_role():
    # "werkgroep: 5, leerkracht: 3, overige: 1" would show the one director apart
    roles = ["werkgroep"] * 5 + ["leerkracht"] * 3 + ["directie"]
    assert privacy.visible_role_counts(RUBRIC, roles) == ({"werkgroep": 5}, 4)
    # with no shown role left, everyone is the rest (the total, which is shown anyway)
    assert privacy.visible_role_counts(RUBRIC, ["werkgroep"] * 3 + ["directie"]) == ({}, 4)


def test_groups_that_are_all_large_enough_are_all_shown():
    roles = ["werkgroep"] * 3 + ["directie"] * 3
    assert privacy.visible_role_counts(RUBRIC, roles) == ({"directie": 3, "werkgroep": 3}, 0)


@pytest.mark.parametrize(("differing", "may"), [(0, True), (1, False), (2, False), (3, True)])
def test_a_boards_summary_follows_todays_answers_only_when_none_or_enough_differ(differing, may):
    assert privacy.summary_may_change(RUBRIC, differing) is may
