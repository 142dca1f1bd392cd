"""The slow-down after wrong codes, counted in the database as README documents it: the sixth
try of a session after five wrong codes waits, an address holds back only sessions that erred
themselves after twenty, a right code neither waits for someone else nor clears a count, and two
processes (two engines on one database) count together."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from assessment.code_attempts import ADDRESS, SESSION, seconds_to_wait, wrong_code
from assessment.store import make_engine
from assessment.store import tables as T
from assessment.store.attempts import FORGET_AFTER

T0 = dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC)
SCHOOL = "192.0.2.10"  # one school router
SECOND = dt.timedelta(seconds=1)


def test_five_wrong_codes_are_free_and_the_sixth_try_waits(engine):
    for i in range(5):
        assert seconds_to_wait(engine, "tab", SCHOOL, T0 + i * SECOND) == 0
        wrong_code(engine, "tab", SCHOOL, T0 + i * SECOND)
    now = T0 + 4 * SECOND
    assert seconds_to_wait(engine, "tab", SCHOOL, now) == 5
    wrong_code(engine, "tab", SCHOOL, now + 5 * SECOND)  # the sixth, after the wait
    assert seconds_to_wait(engine, "tab", SCHOOL, now + 5 * SECOND) == 10


def test_the_wait_doubles_up_to_five_minutes_per_session(engine):
    waits = [SESSION.wait_after(failures) for failures in range(1, 14)]
    assert waits == [0, 0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300]
    assert [ADDRESS.wait_after(n) for n in (19, 20, 21, 22, 23, 24)] == [0, 5, 10, 20, 40, 60]


def test_twenty_wrong_codes_from_one_address_hold_back_a_session_that_erred(engine):
    for i in range(20):  # twenty tabs, one wrong code each: no session reaches its own five
        wrong_code(engine, f"tab{i}", SCHOOL, T0)
    assert seconds_to_wait(engine, "tab0", SCHOOL, T0) == 5  # erred itself: the 21st try waits
    assert seconds_to_wait(engine, "tab0", "198.51.100.7", T0) == 0  # elsewhere: its own count


def test_a_colleague_with_no_wrong_code_never_waits_for_the_address(engine):
    for i in range(40):
        wrong_code(engine, "attacker", SCHOOL, T0 + i * 400 * SECOND)  # waits out every lock
    last = T0 + 39 * 400 * SECOND
    assert seconds_to_wait(engine, "attacker", SCHOOL, last) > 0
    assert seconds_to_wait(engine, "colleague", SCHOOL, last) == 0


def test_a_count_ends_an_hour_after_its_last_wrong_code(engine):
    for i in range(8):
        wrong_code(engine, "tab", SCHOOL, T0 + i * 400 * SECOND)
    last = T0 + 7 * 400 * SECOND
    assert seconds_to_wait(engine, "tab", SCHOOL, last + 30 * SECOND) > 0
    assert seconds_to_wait(engine, "tab", SCHOOL, last + FORGET_AFTER + SECOND) == 0
    wrong_code(engine, "other", "198.51.100.7", last + FORGET_AFTER + SECOND)
    with engine.connect() as connection:  # forgotten rows are removed on the next wrong code
        assert connection.execute(select(func.count()).select_from(T.code_attempt)).scalar() == 2


def test_no_address_or_session_key_is_stored(engine):
    wrong_code(engine, "tab-secret", SCHOOL, T0)
    with engine.connect() as connection:
        stored = {str(value) for row in connection.execute(select(T.code_attempt)) for value in row}
    assert not {"tab-secret", SCHOOL} & stored


def test_two_processes_count_together_and_lose_no_wrong_code(engine, request):
    other = make_engine(engine.url.render_as_string(hide_password=False))
    request.addfinalizer(other.dispose)

    def one(i: int) -> None:  # 24 wrong codes from one address, half through each process
        wrong_code(engine if i % 2 else other, f"tab{i}", SCHOOL, T0)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(24)))
    with engine.connect() as connection:
        failures = connection.execute(
            select(T.code_attempt.c.failures).order_by(T.code_attempt.c.failures.desc())
        ).scalars()
        assert next(iter(failures)) == 24
    assert seconds_to_wait(other, "tab3", SCHOOL, T0) == ADDRESS.wait_after(24)


@pytest.mark.parametrize("address", [None, ""])
def test_an_unknown_address_counts_only_the_session(engine, address):
    for _ in range(5):
        wrong_code(engine, "tab", address, T0)
    assert seconds_to_wait(engine, "tab", address, T0) == 5
