"""Many writers at the same moment lose nothing.

Threads stand in for Streamlit sessions (each runs in its own thread). A barrier releases them at
the same moment; afterwards every row is counted and every value checked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from assessment import store
from assessment.store.tables import action, answer, respondent, scan_summary
from tests.factories import make_scan, make_school

WRITERS = 30


def run_at_once(count: int, work: Callable[[int], object]) -> list[object]:
    """Run ``work(i)`` in ``count`` threads released together; re-raise the first failure."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count
    failures: list[BaseException] = []

    def thread(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=thread, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]
    return results


def value_for(writer: int, position: int, round_: int, mini) -> object:
    criterion = mini.criteria[position]
    options = [0, 1, 2, 3, "dk"] + (["na"] if criterion.allow_not_applicable else [])
    return options[(writer * 7 + position * 3 + round_) % len(options)]


def count(engine, table, *where) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(table).where(*where)
        ).scalar_one()


def open_scan_with_respondents(engine, mini, number: int):
    school = make_school(engine, name="OBS Druk", board="Stichting Druk")
    scan = make_scan(engine, school, label="2025-2026", rubric=mini, respondents=number)
    return school.coordinator, scan.scan, [respondent.access for respondent in scan.respondents]


def test_thirty_respondents_saving_at_the_same_moment_lose_nothing(engine, mini):
    coordinator, scan, respondents = open_scan_with_respondents(engine, mini, WRITERS)
    criteria = [c.id for c in mini.criteria]

    for round_ in range(2):  # the second round overwrites every answer (upserts under load)

        def save_all(writer: int, round_=round_) -> None:
            for position, criterion in enumerate(criteria):
                value = value_for(writer, position, round_, mini)
                saved = store.save_answer(
                    engine, respondents[writer], criterion, value, f"r{writer} {round_}"
                )
                assert saved.value == value

        run_at_once(WRITERS, save_all)

    assert count(engine, answer) == WRITERS * len(criteria)
    assert count(engine, respondent, respondent.c.started_at.is_not(None)) == WRITERS
    for writer, access in enumerate(respondents):
        mine = store.my_answers(engine, access)
        assert {c: a.value for c, a in mine.items()} == {
            c: value_for(writer, p, 1, mini) for p, c in enumerate(criteria)
        }
        assert {a.note for a in mine.values()} == {f"r{writer} 1"}
    data = store.scan_data(engine, coordinator, scan.id)
    for position, criterion in enumerate(criteria):
        expected = [value_for(w, position, 1, mini) for w in range(WRITERS)]
        assert sorted(map(str, data.answers[criterion])) == sorted(map(str, expected))


def test_thirty_writers_with_some_refused_saves_get_their_own_outcome(engine, mini):
    """Saves committed together still fail one by one: a bad answer fails only its caller."""
    _coordinator, _scan, respondents = open_scan_with_respondents(engine, mini, WRITERS)

    def save(writer: int):
        if writer % 3 == 0:
            try:
                store.save_answer(engine, respondents[writer], "a-v1", "na")  # n.v.t. not allowed
            except store.InvalidInput as error:
                return error.key
            return "saved?"
        return store.save_answer(engine, respondents[writer], "a-v1", writer % 4).value

    outcomes = run_at_once(WRITERS, save)
    for writer, outcome in enumerate(outcomes):
        expected = "store.errors.na_not_allowed" if writer % 3 == 0 else writer % 4
        assert outcome == expected
    assert count(engine, answer) == WRITERS - len(range(0, WRITERS, 3))


def test_a_coordinator_starting_in_many_sessions_at_once_gets_one_respondent_row(engine, mini):
    coordinator, scan, _ = open_scan_with_respondents(engine, mini, 0)
    results = run_at_once(
        WRITERS,
        lambda i: store.save_answer(engine, coordinator, "a-v1", i % 4, scan_id=scan.id).updated_at,
    )
    assert len(results) == WRITERS
    assert count(engine, respondent, respondent.c.scan_id == scan.id) == 1
    assert count(engine, answer) == 1


def test_carrying_one_action_over_twice_at_once_makes_one_copy(engine, mini):
    school = make_school(engine, name="OBS Dubbel", board="Stichting Dubbel")
    coordinator = school.coordinator
    studiedag = {"theme": "alfa", "title": "Studiedag", "status": "doing"}
    [old] = make_scan(engine, school, label="2024-2025", rubric=mini, actions=[studiedag]).actions
    second = make_scan(engine, school, label="2025-2026", rubric=mini)
    copies = run_at_once(
        10,
        lambda _: (
            store.review_action(
                engine, coordinator, old.id, second.id, "continue", version=old.version
            ).id
        ),
    )
    assert len(set(copies)) == 1
    assert count(engine, action, action.c.scan_id == second.id) == 1


def test_closing_a_scan_while_answers_arrive_leaves_no_answer_after_the_close(engine, mini):
    coordinator, scan, respondents = open_scan_with_respondents(engine, mini, 20)

    def work(index: int):
        if index == 0:
            return store.close_scan(engine, coordinator, scan.id)
        try:
            return store.save_answer(engine, respondents[index - 1], "b-v1", 2)
        except store.ScanClosed:
            return None

    outcomes = run_at_once(21, work)
    saved = [outcome for outcome in outcomes[1:] if outcome is not None]
    assert count(engine, answer) == len(saved)
    # Answers are stored with their day only; that none came after the close shows in the
    # summary closing computed: it counts every acknowledged answer.
    with engine.connect() as connection:
        summarised = connection.execute(
            select(scan_summary.c.respondents).where(scan_summary.c.scan_id == scan.id)
        ).scalar_one()
    assert summarised == len(saved)
