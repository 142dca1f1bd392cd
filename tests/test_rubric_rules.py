"""Every threshold the app applies stands in the rubric's ``rules:`` and is checked on loading."""

from __future__ import annotations

import pytest

from assessment.rubric import RubricError, load_rubric
from tests.helpers import MINI_RUBRIC, ROOT, copy_rubric

RULES_END = "  next_step_below: 2.0\n"


def test_the_tso_rubric_names_the_strength_and_agreed_difference_thresholds():
    rules = load_rubric(ROOT / "rubrics" / "tso").rules
    assert (rules.strength_from, rules.agreed_differs_by) == (2.5, 1.0)


def test_a_rubric_without_them_takes_the_defaults():
    rules = load_rubric(MINI_RUBRIC).rules
    assert (rules.strength_from, rules.agreed_differs_by) == (2.5, 1.0)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("  strength_from: 4\n", "rules.strength_from = 4.0 is outside the scale 0–3"),
        ("  agreed_differs_by: 5\n", "rules.agreed_differs_by = 5.0 is larger than the scale"),
        ("  agreed_differs_by: 0\n", "agreed_differs_by"),
    ],
)
def test_a_threshold_outside_the_scale_is_refused(tmp_path, line, problem):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r", {"rubric.yaml": (RULES_END, RULES_END + line)})
    with pytest.raises(RubricError) as error:
        load_rubric(copy)
    assert any(problem in p for p in error.value.problems), error.value.problems
