"""The save path keeps every guarantee once it is fast. On PostgreSQL a save is one
statement once the process knows the scan; each refusal below is met on that path (the first save
of the scan is made before), and gives the same error as the general checks."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import select, text, update

from assessment import store
from assessment.store.tables import access_code, answer
from tests.store.test_concurrency import open_scan_with_respondents


def saved_value(engine, access, criterion):
    return store.my_answers(engine, access)[criterion].value


def test_a_revoked_code_is_refused_on_the_next_save(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 1)
    store.revoke_code(engine, world.access["coordinator"], me.code_id)
    with pytest.raises(store.CodeRefused) as refused:
        store.save_answer(engine, me, "b-b1", 2)
    assert refused.value.key == "store.errors.code_revoked"


def test_an_expired_code_is_refused_on_the_next_save(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 1)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    with engine.begin() as connection:
        connection.execute(
            update(access_code).where(access_code.c.id == me.code_id).values(expires_at=past)
        )
    with pytest.raises(store.CodeRefused) as refused:
        store.save_answer(engine, me, "b-b1", 2)
    assert refused.value.key == "store.errors.code_expired"


def test_a_closed_scan_refuses_the_next_save(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 1)
    store.close_scan(engine, world.access["coordinator"], world.scan.id)
    with pytest.raises(store.ScanClosed):
        store.save_answer(engine, me, "b-b1", 2)
    assert saved_value(engine, me, "b-b1") == 1


def test_a_bad_value_is_refused_after_a_good_one(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 1)
    for criterion, value in (("b-b1", 9), ("weg-criterium", 1), ("b-b1", "na")):
        with pytest.raises(store.InvalidInput):
            store.save_answer(engine, me, criterion, value)
    assert saved_value(engine, me, "b-b1") == 1


def test_another_schools_coordinator_cannot_use_a_known_scan(world):
    engine = world.engine
    store.save_answer(engine, world.access["coordinator"], "b-b1", 2, scan_id=world.scan.id)
    store.save_answer(engine, world.access["coordinator"], "b-b1", 3, scan_id=world.scan.id)
    with pytest.raises(store.AccessDenied):
        store.save_answer(
            engine, world.access["other_coordinator"], "b-b1", 1, scan_id=world.scan.id
        )
    with pytest.raises(store.AccessDenied):
        store.save_answer(
            engine, world.access["respondent"], "b-b1", 1, scan_id=world.other_scan.id
        )


def test_a_save_replaces_value_and_note_and_marks_the_start(world):
    engine, admin = world.engine, world.access["admin"]
    coordinator = world.access["coordinator"]
    fresh = store.resolve_code(
        engine, store.issue_code(engine, coordinator, "respondent", scan_id=world.scan.id).code
    )
    store.save_answer(engine, world.access["respondent"], "b-b1", 1)  # the scan is known
    assert (
        store.my_respondent(engine, fresh) is None
        or not store.my_respondent(engine, fresh).started_at
    )
    store.save_answer(engine, fresh, "b-b1", 2, "eerste")
    store.save_answer(engine, fresh, "b-b1", "dk", "tweede")
    info = store.my_answers(engine, fresh)["b-b1"]
    assert (info.value, info.note) == ("dk", "tweede")
    assert store.my_respondent(engine, fresh).started_at is not None
    assert "tweede" in store.scan_data(engine, admin, world.scan.id).notes["b-b1"]


def test_a_revocation_holds_at_once_while_the_code_is_saving(engine, mini):
    """Writers save in a loop; one code is revoked halfway. Every save that returned is stored,
    and no save of the revoked code that began after the revocation returned got through."""
    coordinator, scan, respondents = open_scan_with_respondents(engine, mini, 6)
    criteria = [c.id for c in mini.criteria]
    revoked = respondents[0]
    done: dict[int, list[tuple[str, object, float]]] = {i: [] for i in range(len(respondents))}
    refused_after: list[float] = []
    stop = threading.Event()
    revoked_at: list[float] = []

    def writer(index: int) -> None:
        round_ = 0
        while not stop.is_set():
            criterion = criteria[round_ % len(criteria)]
            value = round_ % 4
            began = time.monotonic()
            try:
                store.save_answer(engine, respondents[index], criterion, value, f"n{round_}")
                done[index].append((criterion, value, began))
            except store.CodeRefused:
                refused_after.append(began)
                if index == 0:
                    return
            round_ += 1

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(len(respondents))]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    store.revoke_code(engine, coordinator, revoked.code_id)
    revoked_at.append(time.monotonic())
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join()

    assert refused_after, "the revoked code kept saving"
    assert all(began < revoked_at[0] for _c, _v, began in done[0])
    for index, access in enumerate(respondents):
        mine = store.my_answers(engine, access) if index else None
        last = {}
        for criterion, value, _began in done[index]:
            last[criterion] = value
        if mine is not None:
            assert {c: a.value for c, a in mine.items()} == last
    with engine.connect() as connection:
        stored = connection.execute(
            select(answer.c.criterion, answer.c.score).where(
                answer.c.respondent_id == revoked.respondent_id
            )
        ).all()
    assert dict(stored) == {c: v for c, v, _b in done[0]}


@pytest.mark.postgres
def test_a_save_survives_a_dropped_connection(world, monkeypatch):
    """No ping before each save: a connection the server dropped fails once, unseen, and the save
    goes through on a new one. Only this test's own connection is dropped."""
    if world.engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL server drops connections")
    monkeypatch.setenv("TSO_DB_POOL_SIZE", "1")
    monkeypatch.setenv("TSO_DB_MAX_OVERFLOW", "0")
    engine = store.make_engine(world.engine.url.render_as_string(hide_password=False))
    me = world.access["respondent"]
    try:
        store.save_answer(engine, me, "b-b1", 1)
        store.save_answer(engine, me, "b-b1", 2)
        with engine.connect() as connection:
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with world.engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        store.save_answer(engine, me, "b-b1", 3)
        assert saved_value(engine, me, "b-b1") == 3
    finally:
        engine.dispose()
