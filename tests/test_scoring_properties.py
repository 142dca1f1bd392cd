"""Properties of scoring that must hold for any answers (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.rubric import Rubric, load_rubric
from assessment.scoring import SECURED, score_scan
from tests.helpers import DATA, MINI_RUBRIC

# The mini rubric, and the v3 one with critical criteria (a-v4, b-b2) and six items in a phase.
RUBRICS = {"mini": load_rubric(MINI_RUBRIC), "v3": load_rubric(DATA / "rubrics" / "v3")}
RUBRIC = RUBRICS["mini"]


def answer_for(rubric: Rubric, criterion_id: str):
    options = [0, 1, 2, 3, "dk"]
    if rubric.criterion(criterion_id).allow_not_applicable:
        options.append("na")
    return st.sampled_from(options)


def respondents_of(rubric: Rubric):
    return st.lists(
        st.fixed_dictionaries(
            {c.id: st.one_of(st.none(), answer_for(rubric, c.id)) for c in rubric.criteria}
        ),
        min_size=0,
        max_size=8,
    )


respondents = respondents_of(RUBRIC)


def by_criterion(rows):
    answers: dict[str, list] = {}
    for row in rows:
        for criterion, answer in row.items():
            if answer is not None:
                answers.setdefault(criterion, []).append(answer)
    return answers


@settings(max_examples=300, deadline=None)
@given(respondents)
def test_readiness_stays_within_0_and_100(rows):
    for theme in score_scan(RUBRIC, by_criterion(rows)).themes:
        assert theme.readiness is None or 0 <= theme.readiness <= 100


@pytest.mark.parametrize("name", RUBRICS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_raising_one_answer_never_lowers_readiness_or_moves_a_phase_back(name, data):
    rubric = RUBRICS[name]
    order = [*rubric.phase_ids, SECURED]
    rows = data.draw(respondents_of(rubric).filter(bool))
    numeric = [(i, c) for i, row in enumerate(rows) for c, a in row.items() if isinstance(a, int)]
    if not numeric:
        return
    index, criterion = data.draw(st.sampled_from(numeric))
    old = rows[index][criterion]
    new = data.draw(st.integers(min_value=old, max_value=3))
    raised = [dict(row) for row in rows]
    raised[index][criterion] = new
    before = score_scan(rubric, by_criterion(rows))
    after = score_scan(rubric, by_criterion(raised))
    for old_theme, new_theme in zip(before.themes, after.themes, strict=True):
        if old_theme.readiness is not None:
            assert new_theme.readiness >= old_theme.readiness
        assert order.index(new_theme.phase) >= order.index(old_theme.phase)


@settings(max_examples=200, deadline=None)
@given(respondents, st.randoms())
def test_the_order_of_respondents_changes_nothing(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert score_scan(RUBRIC, by_criterion(rows)) == score_scan(RUBRIC, by_criterion(shuffled))


V3 = RUBRICS["v3"]


def phase_is_complete(rubric: Rubric, items) -> bool:
    """The v3 phase rule written out once more, plainly: the oracle for ``score_phase``."""
    counted = [item for item in items if not item.left_out]
    if not counted:
        return True
    values = [item.value for item in counted if item.value is not None]
    rules = rubric.rules
    return (
        bool(values)
        and sum(values) / len(values) >= rules.phase_complete_mean
        and min(values) >= rules.item_blocks_below
        and len(counted) - len(values) <= rules.max_dont_know_share * len(counted)
        and all(
            item.value is not None and item.value >= rules.critical_min
            for item in counted
            if rubric.criterion(item.id).critical
        )
    )


@settings(max_examples=400, deadline=None)
@given(respondents_of(V3))
def test_phases_follow_the_v3_rule_and_provisional_means_complete_with_unknown_items(rows):
    result = score_scan(V3, by_criterion(rows))
    for theme in result.themes:
        for phase in theme.phases:
            items = [
                i for i in result.items.values() if i.theme == theme.id and i.phase == phase.phase
            ]
            assert phase.complete == phase_is_complete(V3, items)
            unknown = any(item.unknown for item in items)
            assert phase.provisional == (phase.complete and unknown)
        assert theme.provisional_phases == [p.phase for p in theme.phases if p.provisional]
