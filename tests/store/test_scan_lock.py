"""A closing scan and the writes into it: nothing acknowledged after a close, nothing acknowledged
missing from the summary a board sees, and an agreed value the same in the summary as stored.

A close "in flight" is one that has locked, closed and summarised the scan but not committed;
another thread then writes. The thread may reach the database before or after the commit: either
way the outcome must be the same, so waiting for it to block only makes the race likely.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text, update

from assessment import store
from assessment.store import tables as T
from assessment.store._common import get_scan_row, utcnow
from assessment.store.engine import writing
from assessment.store.scan_lock import SCAN_LOCKS, hold_codes, hold_scan
from assessment.store.summaries import refresh
from tests.store.test_concurrency import open_scan_with_respondents, run_at_once


class Outcome(threading.Thread):
    """``work()`` in a thread; ``result`` or ``error`` afterwards."""

    def __init__(self, work):
        super().__init__()
        self.work, self.result, self.error = work, None, None
        self.start()

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # noqa: BLE001 - the test looks at it
            self.error = error


def let_it_wait(engine, thread: threading.Thread, scan_id: int) -> None:
    """Give ``thread`` the time to reach the lock of the scan (PostgreSQL: until it waits)."""
    if engine.dialect.name != "postgresql":
        thread.join(0.5)
        return
    # the scan's lock, or a row lock (a save waits for its code row, a close for the saves')
    waiting = text(
        "SELECT count(*) FROM pg_locks WHERE NOT granted AND ("
        " (locktype = 'advisory' AND classid = :keys AND objid = :scan)"
        " OR (locktype IN ('transactionid', 'tuple')"
        "     AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())))"
    )
    deadline = time.monotonic() + 5
    while thread.is_alive() and time.monotonic() < deadline:
        with engine.connect() as connection:
            if connection.execute(waiting, {"keys": SCAN_LOCKS, "scan": scan_id}).scalar():
                return
        time.sleep(0.01)


@contextmanager
def close_in_flight(engine, scan_id: int):
    """What ``close_scan`` does, held open before its commit."""
    with writing(engine) as connection:
        hold_scan(connection, scan_id, exclusive=True)
        hold_codes(connection, scan_id)
        get_scan_row(connection, scan_id, update_lock=True)
        connection.execute(
            update(T.scan).where(T.scan.c.id == scan_id).values(status="closed", closed_at=utcnow())
        )
        refresh(connection, get_scan_row(connection, scan_id))
        yield


def summary_criteria(engine, scan_id: int) -> dict:
    with engine.connect() as connection:
        return connection.execute(
            select(T.scan_summary.c.criteria).where(T.scan_summary.c.scan_id == scan_id)
        ).scalar_one()


def stored_agreed(engine, scan_id: int, criterion: str):
    with engine.connect() as connection:
        row = connection.execute(
            select(T.consensus.c.kind, T.consensus.c.score).where(
                T.consensus.c.scan_id == scan_id, T.consensus.c.criterion == criterion
            )
        ).one_or_none()
    return None if row is None else (row.score if row.kind == "score" else row.kind)


@pytest.fixture
def answered(engine, mini):
    """An open scan that three respondents answered (a-v1), so its summary shows means; each
    respondent's process knows the scan (the next save is the one-statement save)."""
    coordinator, scan, respondents = open_scan_with_respondents(engine, mini, 3)
    for respondent in respondents:
        store.save_answer(engine, respondent, "a-v1", 2)
    return coordinator, scan, respondents


def test_a_save_that_meets_a_closing_scan_is_refused(engine, answered):
    _coordinator, scan, respondents = answered
    with close_in_flight(engine, scan.id):
        save = Outcome(lambda: store.save_answer(engine, respondents[0], "b-v1", 3))
        let_it_wait(engine, save, scan.id)
    save.join()
    assert isinstance(save.error, store.ScanClosed)
    assert "b-v1" not in store.my_answers(engine, respondents[0])


def test_a_close_waits_for_a_save_in_flight_and_its_summary_holds_it(engine, answered):
    if engine.dialect.name != "postgresql":
        pytest.skip("on SQLite writes never overlap (BEGIN IMMEDIATE)")
    coordinator, scan, respondents = answered
    with writing(engine) as connection:  # a save that locked its code row, saw it open and wrote
        connection.execute(
            select(T.access_code.c.id)
            .where(T.access_code.c.id == respondents[0].code_id)
            .with_for_update(read=True)
        ).one()
        assert connection.execute(text("SELECT tso_scan_open_now(:s)"), {"s": scan.id}).scalar()
        connection.execute(
            update(T.answer)
            .where(
                T.answer.c.respondent_id == respondents[0].respondent_id,
                T.answer.c.criterion == "a-v1",
            )
            .values(score=3)
        )
        close = Outcome(lambda: store.close_scan(engine, coordinator, scan.id))
        let_it_wait(engine, close, scan.id)
        assert close.is_alive()  # the close waits for the save
    close.join()
    assert close.error is None
    assert summary_criteria(engine, scan.id)["a-v1"]["mean"] == pytest.approx(7 / 3)  # 3, 2, 2


def test_the_summary_holds_every_save_acknowledged_while_the_scan_closed(engine, mini):
    coordinator, scan, respondents = open_scan_with_respondents(engine, mini, 20)
    for respondent in respondents:  # every process knows the scan: the one-statement save
        store.save_answer(engine, respondent, "a-v1", 1)

    def work(index: int):
        if index == 0:
            return store.close_scan(engine, coordinator, scan.id)
        try:
            return store.save_answer(engine, respondents[index - 1], "b-v1", 2)
        except store.ScanClosed:
            return None

    outcomes = run_at_once(21, work)
    acknowledged = sum(outcome is not None for outcome in outcomes[1:])
    with engine.connect() as connection:
        stored = connection.execute(
            select(T.answer.c.respondent_id).where(T.answer.c.criterion == "b-v1")
        ).all()
    assert len(stored) == acknowledged
    shown = summary_criteria(engine, scan.id).get("b-v1", {})
    assert shown.get("n", 0) == (acknowledged if acknowledged >= 3 else 0)


@pytest.mark.parametrize("change", ["set", "clear"])
def test_an_agreed_value_changed_while_the_scan_closes_is_the_one_the_board_sees(
    engine, answered, change
):
    coordinator, scan, _respondents = answered
    agreed = store.set_agreed(engine, coordinator, scan.id, "a-v1", 1, version=0)
    if change == "set":
        work = lambda: store.set_agreed(  # noqa: E731
            engine, coordinator, scan.id, "a-v1", 3, version=agreed.version
        )
    else:
        work = lambda: store.clear_agreed(  # noqa: E731
            engine, coordinator, scan.id, "a-v1", version=agreed.version
        )
    with close_in_flight(engine, scan.id):
        changing = Outcome(work)
        let_it_wait(engine, changing, scan.id)
    changing.join()
    assert changing.error is None
    expected = 3 if change == "set" else None
    assert stored_agreed(engine, scan.id, "a-v1") == expected
    assert summary_criteria(engine, scan.id)["a-v1"].get("agreed") == expected


def test_agreed_values_changed_at_once_with_a_close_end_as_the_summary_says(engine, answered):
    coordinator, scan, _respondents = answered
    criteria = ["a-v1", "a-v2", "b-v1", "b-v2"]
    for round_ in range(4):

        def work(index: int, round_=round_):
            if index == 0:
                return store.close_scan(engine, coordinator, scan.id)
            criterion = criteria[index - 1]
            seen = store.scan_data(engine, coordinator, scan.id).agreed_versions.get(criterion, 0)
            value = (index + round_) % 4
            return store.set_agreed(engine, coordinator, scan.id, criterion, value, version=seen)

        run_at_once(len(criteria) + 1, work)
        shown = summary_criteria(engine, scan.id)
        for criterion in criteria:
            assert shown.get(criterion, {}).get("agreed") == stored_agreed(
                engine, scan.id, criterion
            )
        store.reopen_scan(engine, coordinator, scan.id)
