"""The tussenmeting's scoring: the yearly rules over a subset of criteria (hypothesis against the
oracle of ``test_scoring_properties``), what it asks, and how it is compared with the yearly scan."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.development_map import CELL_SYMBOLS, INTERIM_CELL_STATES
from assessment.interim import (
    interim_map,
    movements,
    propose,
    questions,
    score_interim,
    updated_readiness,
)
from assessment.scoring import score_items, score_scan
from tests.test_scoring_properties import (
    RUBRICS,
    V3,
    by_criterion,
    phase_is_complete,
    respondents_of,
)

MINI = RUBRICS["mini"]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_subset_scores_by_the_yearly_rules_and_an_unasked_phase_is_not_measured(data):
    rows = data.draw(respondents_of(V3))
    ids = [c.id for c in V3.criteria]
    asked = set(data.draw(st.lists(st.sampled_from(ids), unique=True)))
    answers = by_criterion(rows)
    result = score_interim(V3, answers, {}, asked)
    assert set(result.items) == asked
    every = score_items(V3, answers)
    assert all(result.items[c] == every[c] for c in asked)
    for theme in result.themes:
        for phase in theme.phases:
            of_phase = [c.id for c in V3.criteria if (c.theme, c.phase) == (theme.id, phase.phase)]
            subset = [result.items[c] for c in of_phase if c in asked]
            if not subset:  # never "not reached": nothing was asked
                assert phase.coverage == "not_measured" and phase.verdict is None
                continue
            assert phase.result.complete == phase_is_complete(V3, subset)
            if len(subset) < len(of_phase):
                assert phase.coverage == "partly" and phase.verdict is None
            else:
                assert phase.coverage == "measured"
                assert (phase.verdict in ("complete", "provisional")) == phase.result.complete


@settings(max_examples=100, deadline=None)
@given(respondents_of(V3))
def test_asking_every_criterion_gives_the_yearly_phases(rows):
    answers = by_criterion(rows)
    yearly = score_scan(V3, answers)
    result = score_interim(V3, answers, {}, {c.id for c in V3.criteria})
    for theme, interim_theme in zip(yearly.themes, result.themes, strict=True):
        assert [p.result for p in interim_theme.phases] == list(theme.phases)


def test_it_asks_the_phase_each_theme_works_on_and_the_open_plan():
    # alfa works on Voorbereiden (a-v* complete), beta on Verkennen; b-v2 is in the plan.
    answers = {"a-v1": [3], "a-v2": [3], "a-b1": [1], "b-v1": [1]}
    yearly = score_scan(MINI, answers)
    assert [t.phase for t in yearly.themes] == ["voorbereiden", "verkennen"]
    asked = propose(MINI, yearly, ["b-v2", "a-v1"])
    working = {
        c.id
        for c in MINI.criteria
        if (c.theme, c.phase) in {("alfa", "voorbereiden"), ("beta", "verkennen")}
    }
    assert set(asked) == working | {"a-v1"}
    assert asked["a-v1"] == "plan" and asked["b-v2"] == "phase+plan"
    shown = questions(MINI, "werkgroep", asked)
    assert {c.id for c in shown.criteria} == set(asked)


def test_the_comparison_says_where_a_phase_moved():
    yearly = score_scan(MINI, {"a-v1": [3], "a-v2": [3], "a-b1": [1], "a-b2": [2]})
    asked = {"a-b1", "a-b2", "b-v1"}
    result = score_interim(MINI, {"a-b1": [2], "a-b2": [3], "b-v1": [1, 2]}, {}, asked)
    moved = {(m.theme, m.phase): m for m in movements(yearly, result)}
    voorbereiden = moved["alfa", "voorbereiden"]
    assert (voorbereiden.before, voorbereiden.after) == (1.5, 2.5)
    assert voorbereiden.verdict == "complete" and not voorbereiden.was_complete
    assert moved["beta", "verkennen"].verdict is None  # one of its two criteria: partly
    assert ("alfa", "verkennen") not in moved
    cells = {(row.theme, c.phase): c.state for row in interim_map(MINI, result) for c in row.cells}
    assert cells["alfa", "verkennen"] == "not_measured"
    assert cells["alfa", "voorbereiden"] == "done"
    assert cells["beta", "verkennen"] == "partly_measured"
    assert all(state in CELL_SYMBOLS for state in INTERIM_CELL_STATES)
    # The trend's point: the yearly values with the criteria asked again replaced.
    assert updated_readiness(MINI, yearly, result)[0] == round((3 + 3 + 2 + 3) / 4 / 3 * 100, 1)
