"""A trainer's schools in one session: trainer codes added once each, kept while they work."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from assessment import store
from assessment.store import tables as T
from tests.store.conftest import row_counts
from tests.store.test_authorisation import OPERATIONS
from tests.store.test_sessions import T0, session_rows, signed_in


@pytest.fixture
def second_trainer(world) -> store.Access:
    """A trainer code of school C, issued by its coordinator."""
    issued = store.issue_code(
        world.engine,
        world.access["other_coordinator"],
        "trainer",
        school_id=world.other_school.id,
    )
    return store.resolve_code(world.engine, issued.code)


def added_rows(engine) -> list:
    with engine.connect() as connection:
        return list(connection.execute(select(T.session_code).order_by(T.session_code.c.id)))


def test_a_trainer_adds_a_second_schools_code_once_and_the_session_holds_both(
    world, second_trainer
):
    token = signed_in(world, "trainer")
    store.add_session_code(world.engine, token, second_trainer, now=T0)
    store.add_session_code(world.engine, token, second_trainer, now=T0)  # once each
    store.add_session_code(world.engine, token, world.access["trainer"], now=T0)  # its own code
    accesses = store.session_accesses(world.engine, token, now=T0)
    assert accesses == [world.access["trainer"], second_trainer]
    assert [a.school_id for a in accesses] == [world.school.id, world.other_school.id]
    assert len(added_rows(world.engine)) == 1
    # Another browser of the same trainer code has only what it added itself.
    assert store.session_accesses(world.engine, signed_in(world, "trainer"), now=T0) == [
        world.access["trainer"]
    ]


@pytest.mark.parametrize("actor", ["coordinator", "other_coordinator", "board", "respondent"])
def test_only_trainer_codes_are_added(world, actor):
    token = signed_in(world, "trainer")
    with pytest.raises(store.AccessDenied):
        store.add_session_code(world.engine, token, world.access[actor], now=T0)
    assert added_rows(world.engine) == []


@pytest.mark.parametrize("actor", ["coordinator", "board"])
def test_only_a_trainers_session_takes_more_codes(world, second_trainer, actor):
    token = signed_in(world, actor)
    with pytest.raises(store.AccessDenied):
        store.add_session_code(world.engine, token, second_trainer, now=T0)
    assert store.session_accesses(world.engine, token, now=T0) == [world.access[actor]]


def test_an_ended_or_unknown_session_takes_no_code(world, second_trainer):
    token = signed_in(world, "trainer")
    store.end_session(world.engine, token, now=T0)
    for dead in (token, "geen-token"):
        with pytest.raises(store.SessionEnded):
            store.add_session_code(world.engine, dead, second_trainer, now=T0)
    assert added_rows(world.engine) == []


def test_a_revoked_code_cannot_be_added(world, second_trainer):
    token = signed_in(world, "trainer")
    store.revoke_code(world.engine, world.access["other_coordinator"], second_trainer.code_id)
    with pytest.raises(store.CodeRefused):
        store.add_session_code(world.engine, token, second_trainer, now=T0)


def test_revoking_one_schools_code_drops_that_school_and_keeps_the_session(world, second_trainer):
    token = signed_in(world, "trainer")
    store.add_session_code(world.engine, token, second_trainer, now=T0)
    store.revoke_code(world.engine, world.access["coordinator"], world.access["trainer"].code_id)
    assert store.session_accesses(world.engine, token, now=T0) == [second_trainer]
    assert store.resolve_session(world.engine, token, now=T0) == second_trainer
    store.revoke_code(world.engine, world.access["other_coordinator"], second_trainer.code_id)
    with pytest.raises(store.CodeRefused) as refused:
        store.session_accesses(world.engine, token, now=T0)
    assert refused.value.key == "store.errors.code_revoked"
    assert all(row.ended_at is not None for row in session_rows(world.engine))


def test_revoking_the_added_code_first_leaves_the_first_school(world, second_trainer):
    token = signed_in(world, "trainer")
    store.add_session_code(world.engine, token, second_trainer, now=T0)
    store.revoke_code(world.engine, world.access["other_coordinator"], second_trainer.code_id)
    assert store.session_accesses(world.engine, token, now=T0) == [world.access["trainer"]]
    [row] = session_rows(world.engine)
    assert row.ended_at is None


def test_sessions_past_their_age_are_removed_with_their_added_codes(world, second_trainer):
    token = signed_in(world, "trainer")
    store.add_session_code(world.engine, token, second_trainer, now=T0)
    signed_in(world, "coordinator", now=T0 + store.sessions.MAX_AGE + dt.timedelta(seconds=1))
    assert added_rows(world.engine) == []
    assert len(session_rows(world.engine)) == 1


WRITES = [name for name, (allowed, _) in OPERATIONS.items() if "coordinator" in allowed.split()]


def test_a_trainer_holding_two_schools_reads_each_with_its_own_code_and_writes_in_neither(
    world, second_trainer
):
    token = signed_in(world, "trainer")
    store.add_session_code(world.engine, token, second_trainer, now=T0)
    first, second = store.session_accesses(world.engine, token, now=T0)
    assert store.scan_data(world.engine, first, world.scan.id).scan.school_id == world.school.id
    assert store.scan_data(world.engine, second, world.other_scan.id).scan.school_id == (
        world.other_school.id
    )
    for access, other_scan in ((first, world.other_scan), (second, world.scan)):
        with pytest.raises(store.AccessDenied):
            store.scan_data(world.engine, access, other_scan.id)
    # An access that claims the other school with this school's code is refused too.
    forged = dataclasses.replace(first, school_id=world.other_school.id)
    with pytest.raises(store.AccessDenied):
        store.scan_data(world.engine, forged, world.other_scan.id)
    before = row_counts(world.engine)
    for access in (first, second):
        for name in WRITES:
            if "trainer" in OPERATIONS[name][0].split():
                continue
            with pytest.raises(store.AccessDenied):
                OPERATIONS[name][1](world, access)
    assert row_counts(world.engine) == before
