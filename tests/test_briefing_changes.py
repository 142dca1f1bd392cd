"""The briefing's changes since the previous scan: a phase that went back is said to have."""

from __future__ import annotations

from assessment.briefing import changes
from assessment.rubric import load_rubric
from assessment.scoring import score_scan

RUBRIC = load_rubric()


def answers_for(theme_id: str, value_by_phase: dict[str, int]) -> dict[str, list[int]]:
    theme = RUBRIC.theme(theme_id)
    return {
        c.id: [value_by_phase[c.phase]] * 3 for c in theme.criteria if c.phase in value_by_phase
    }


def test_readiness_up_but_phase_down_is_marked_as_a_phase_that_went_back():
    theme = RUBRIC.theme_list[0].id
    first, second, *_ = RUBRIC.phase_ids
    before = score_scan(RUBRIC, answers_for(theme, {first: 3, second: 0}))
    now = score_scan(RUBRIC, answers_for(theme, {first: 0, second: 3}))
    [change] = [c for c in changes(RUBRIC, now, before, "nl") if c.theme == theme]
    assert change.went_back and change.phase_before != change.phase_after
    [same] = [c for c in changes(RUBRIC, before, before, "nl") if c.theme == theme]
    assert not same.went_back
