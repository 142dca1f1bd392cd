"""Differencing after a reopen: close with three colleagues, reopen, a fourth answers, close
again. Were the summary computed anew, 4 × the new mean − 3 × the old one would be the fourth
colleague's answer and a "weet niet" count going 0 → 1 would say what they did not know. No
summary a board sees differs from one it saw before by fewer than ``min_group_size``
respondents (new, changed or gone): until then it keeps what it saw; agreed values, the team's,
are always today's."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.board_scoring import score_for_board

LABEL = "2026-2027"
THREE = [
    {"a-v1": 3, "a-v2": 2, "a-b1": 1, "b-v1": 2, "b-b1": 2},
    {"a-v1": 2, "a-v2": 2, "a-b1": 3, "b-v1": 2, "b-b1": 1},
    {"a-v1": 3, "a-v2": 3, "a-b1": 2, "b-v1": 1, "b-b1": 2},
]
NEWCOMER = {"a-v1": 0, "a-v2": "dk", "a-b1": 0, "b-v1": 0, "b-b1": 0}


@pytest.fixture
def scan(world):
    """A scan of school A (which shares with its board) closed with three colleagues."""
    coordinator = world.access["coordinator"]
    opened = store.open_scan(world.engine, coordinator, world.school.id, LABEL, world.rubric)
    codes = [answer(world, opened.id, values) for values in THREE]
    store.close_scan(world.engine, coordinator, opened.id)
    return opened.id, codes


def answer(world, scan_id: int, values: dict, access: store.Access | None = None):
    if access is None:
        code = store.issue_code(
            world.engine, world.access["coordinator"], "respondent", scan_id=scan_id
        ).code
        access = store.resolve_code(world.engine, code)
        store.start_respondent(world.engine, access, "leerkracht")
    for criterion, value in values.items():
        store.save_answer(world.engine, access, criterion, value)
    return access


def seen(world, scan_id: int) -> tuple:
    """Everything the board sees of the scan: its line of the overview, cells, criteria."""
    board = world.access["board"]
    [line] = [
        s
        for school in store.board_overview(world.engine, board)
        for s in school.scans
        if s.scan_id == scan_id
    ]
    return (
        line,
        store.board_maps(world.engine, board, [scan_id]),
        store.board_criteria(world.engine, board, [scan_id]),
    )


def reopen_and(world, scan_id: int, change) -> None:
    coordinator = world.access["coordinator"]
    store.reopen_scan(world.engine, coordinator, scan_id)
    change()
    store.close_scan(world.engine, coordinator, scan_id)


def test_one_newcomer_after_a_reopen_changes_nothing_the_board_sees(world, scan):
    scan_id, _codes = scan
    before = seen(world, scan_id)
    assert before[0].respondents == 3 and before[0].shown
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    after = seen(world, scan_id)
    assert after == before
    a_v1 = after[2][scan_id]["a-v1"]
    assert (a_v1.n, a_v1.mean) == (3, pytest.approx(8 / 3))  # not 4 × mean − 3 × 8/3 = 0
    assert after[2][scan_id]["a-v2"].dont_know == 0  # the newcomer's "weet niet" is not counted


def test_two_newcomers_are_still_too_few_and_three_are_enough(world, scan):
    scan_id, _codes = scan
    before = seen(world, scan_id)
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    assert seen(world, scan_id) == before  # two differ from what the board saw: too few
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    after = seen(world, scan_id)
    assert after[0].respondents == 6
    data = store.scan_data(world.engine, world.access["coordinator"], scan_id)
    result = score_for_board(world.rubric, data.answers, data.agreed)
    assert after[0].readiness == {t.id: t.readiness for t in result.themes}
    assert after[2][scan_id]["a-v2"].dont_know == 3
    # From here on the new summary is what the board saw: one more changes nothing.
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    assert seen(world, scan_id) == after


def test_a_colleague_who_changes_an_answer_while_reopened_is_one_who_differs(world, scan):
    scan_id, codes = scan
    before = seen(world, scan_id)
    reopen_and(world, scan_id, lambda: answer(world, scan_id, {"a-v1": 0}, codes[0]))
    assert seen(world, scan_id) == before
    # A second and a third colleague change theirs: three differ, the board sees today's.
    reopen_and(world, scan_id, lambda: answer(world, scan_id, {"a-v1": 0}, codes[1]))
    assert seen(world, scan_id) == before
    reopen_and(world, scan_id, lambda: answer(world, scan_id, {"a-v1": 0}, codes[2]))
    assert seen(world, scan_id)[2][scan_id]["a-v1"].mean == 0


def test_an_agreed_value_reaches_the_board_also_while_it_keeps_what_it_saw(world, scan):
    scan_id, _codes = scan
    before = seen(world, scan_id)
    reopen_and(world, scan_id, lambda: answer(world, scan_id, NEWCOMER))
    coordinator = world.access["coordinator"]
    store.set_agreed(world.engine, coordinator, scan_id, "b-v1", 3, version=0)
    line, _maps, criteria = seen(world, scan_id)
    assert criteria[scan_id]["b-v1"].agreed == 3
    assert criteria[scan_id]["b-v1"].n == 3  # the answers are still the three the board saw
    answers = {c: [v[c] for v in THREE if c in v] for c in THREE[0]}
    expected = score_for_board(world.rubric, answers, {"b-v1": 3})
    assert line.readiness == {t.id: t.readiness for t in expected.themes}
    assert line.readiness["beta"] != before[0].readiness["beta"]


def test_a_scan_first_closed_with_too_few_shows_its_results_once_there_are_enough(world):
    coordinator = world.access["coordinator"]
    opened = store.open_scan(world.engine, coordinator, world.school.id, LABEL, world.rubric)
    for values in THREE[:2]:
        answer(world, opened.id, values)
    store.close_scan(world.engine, coordinator, opened.id)
    assert not seen(world, opened.id)[0].shown  # two: counts only, nothing to subtract from
    reopen_and(world, opened.id, lambda: answer(world, opened.id, THREE[2]))
    line = seen(world, opened.id)[0]
    assert line.shown and line.respondents == 3
