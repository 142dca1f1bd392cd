"""The test factory builds through the store what its arguments say, on both engines."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.rubric import load_rubric
from tests.factories import (
    add_respondent,
    board_code,
    closed_scan,
    every_criterion,
    make_board,
    make_scan,
    make_school,
    trainer_code,
    unused_codes,
)
from tests.helpers import MINI_RUBRIC

MINI = load_rubric(MINI_RUBRIC)


def test_a_school_gets_its_own_board_and_a_coordinator_code(engine):
    school = make_school(engine)
    assert (school.board.name, school.school.name) == ("Stichting Proef", "OBS De Proeftuin")
    assert not school.school.share_with_board
    assert store.resolve_code(engine, school.coordinator_code) == school.coordinator
    assert (school.coordinator.role, school.coordinator.school_id) == ("coordinator", school.id)


def test_schools_share_a_board_made_earlier(engine):
    board = make_board(engine, "Stichting Samen")
    first = make_school(engine, name="OBS Een", board=board, share_with_board=True)
    second = make_school(engine, name="OBS Twee", board=board)
    assert first.board == second.board == board
    assert first.school.share_with_board
    admin = store.admin_access()
    assert [s.name for s in store.list_schools(engine, admin, board.id)] == ["OBS Een", "OBS Twee"]
    board_access = store.resolve_code(engine, board_code(engine, board))
    assert [s.name for s in store.list_schools(engine, board_access, board.id)] == ["OBS Een"]


def test_a_number_of_respondents_is_codes_nobody_used_yet(engine):
    scan = make_scan(engine, make_school(engine), rubric=MINI, respondents=3)
    assert len(set(scan.codes)) == 3
    assert all(store.my_respondent(engine, r.access) is not None for r in scan.respondents)
    assert all(not store.my_respondent(engine, r.access).started_at for r in scan.respondents)
    assert store.scan_data(engine, scan.school.coordinator, scan.id).respondents == []


def test_roles_answers_notes_agreed_values_and_actions_are_stored(engine):
    school = make_school(engine)
    scan = make_scan(
        engine,
        school,
        label="2025-2026",
        rubric=MINI,
        respondents=["leerkracht", None],
        answers=[{"a-v1": 2, "b-v1": (1, "bewijs")}, {"a-v1": "dk"}],
        agreed={"a-v1": (1, "besproken"), "b-v1": 3},
        actions=[{"theme": "alfa", "title": "Studiedag", "owner": "IB"}],
    )
    assert scan.scan.label == "2025-2026" and scan.scan.status == "open"
    assert [store.my_respondent(engine, r.access).role for r in scan.respondents] == [
        "leerkracht",
        None,
    ]
    data = store.scan_data(engine, school.coordinator, scan.id)
    assert sorted(data.answers["a-v1"], key=str) == [2, "dk"]
    assert data.notes["b-v1"] == ["bewijs"]
    assert data.agreed == {"a-v1": 1, "b-v1": 3}
    assert [(a.title, a.owner) for a in scan.actions] == [("Studiedag", "IB")]
    assert store.list_actions(engine, school.coordinator, scan.id) == list(scan.actions)


def test_a_closed_scan_is_closed_after_everything_is_in(engine):
    school = make_school(engine)
    scan = closed_scan(engine, school, rubric=MINI, answers=[{"a-v1": 3}] * 3)
    assert scan.scan.status == "closed" and scan.scan.closed_at is not None
    with pytest.raises(store.StoreError):  # no new colleague in a closed scan
        add_respondent(engine, scan)


def test_more_respondents_and_codes_join_an_open_scan_later(engine):
    school = make_school(engine)
    scan = make_scan(engine, school, rubric=MINI)
    added = add_respondent(engine, scan, role="ib_zorg", answers=every_criterion(MINI, 2))
    [unused] = unused_codes(engine, scan, 1)
    assert store.my_answers(engine, added.access).keys() == {c.id for c in MINI.criteria}
    assert not store.my_respondent(engine, unused.access).started_at
    trainer = store.resolve_code(engine, trainer_code(engine, school))
    assert (trainer.role, trainer.school_id) == ("trainer", school.id)


def test_answers_for_a_different_number_of_respondents_are_refused(engine):
    school = make_school(engine)
    with pytest.raises(ValueError):
        make_scan(engine, school, rubric=MINI, respondents=[None], answers=[{}, {}])
    with pytest.raises(ValueError):
        make_scan(engine, school, label="ander", rubric=MINI, respondents=2, answers=[{}, {}])
