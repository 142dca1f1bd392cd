"""Properties of scoring that must hold for any answers (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.rubric import load_rubric
from assessment.scoring import SECURED, score_scan
from tests.helpers import MINI_RUBRIC

RUBRIC = load_rubric(MINI_RUBRIC)
CRITERIA = [c.id for c in RUBRIC.criteria]
ORDER = [*RUBRIC.phase_ids, SECURED]


def answer_for(criterion_id: str):
    options = [0, 1, 2, 3, "dk"]
    if RUBRIC.criterion(criterion_id).allow_not_applicable:
        options.append("na")
    return st.sampled_from(options)


respondents = st.lists(
    st.fixed_dictionaries({c: st.one_of(st.none(), answer_for(c)) for c in CRITERIA}),
    min_size=0,
    max_size=8,
)


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


@settings(max_examples=300, deadline=None)
@given(respondents.filter(bool), st.data())
def test_raising_one_answer_never_lowers_readiness_or_moves_a_phase_back(rows, data):
    numeric = [(i, c) for i, row in enumerate(rows) for c, a in row.items() if isinstance(a, int)]
    if not numeric:
        return
    index, criterion = data.draw(st.sampled_from(numeric))
    old = rows[index][criterion]
    new = data.draw(st.integers(min_value=old, max_value=3))
    raised = [dict(row) for row in rows]
    raised[index][criterion] = new
    before = score_scan(RUBRIC, by_criterion(rows))
    after = score_scan(RUBRIC, by_criterion(raised))
    for old_theme, new_theme in zip(before.themes, after.themes, strict=True):
        if old_theme.readiness is not None:
            assert new_theme.readiness >= old_theme.readiness
        assert ORDER.index(new_theme.phase) >= ORDER.index(old_theme.phase)


@settings(max_examples=200, deadline=None)
@given(respondents, st.randoms())
def test_the_order_of_respondents_changes_nothing(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert score_scan(RUBRIC, by_criterion(rows)) == score_scan(RUBRIC, by_criterion(shuffled))
