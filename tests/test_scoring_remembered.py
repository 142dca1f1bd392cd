"""A remembered score is the score of exactly these values."""

from __future__ import annotations

from assessment.rubric import load_rubric
from assessment.scoring import score_scan, score_scan_remembered
from tests.helpers import MINI_RUBRIC


def test_the_same_values_give_the_same_result_and_other_values_their_own():
    rubric = load_rubric(MINI_RUBRIC)
    answers = {"a-v1": [2, 3, "dk"], "b-v1": [1, 1]}
    first = score_scan_remembered(rubric, answers, {"a-v1": 2})
    assert first == score_scan(rubric, answers, {"a-v1": 2})
    assert score_scan_remembered(rubric, dict(answers), {"a-v1": 2}) is first
    changed = score_scan_remembered(rubric, {**answers, "b-v1": [1, 3]}, {"a-v1": 2})
    assert changed == score_scan(rubric, {**answers, "b-v1": [1, 3]}, {"a-v1": 2})
    assert changed != first
    assert score_scan_remembered(rubric, answers, {}) == score_scan(rubric, answers, {})
