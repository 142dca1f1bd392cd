"""Access codes: long, random, stored only as a hash, shown once, revocable, expiring."""

from __future__ import annotations

import datetime as dt
import hashlib
import math

import pytest
from sqlalchemy import select

from assessment import store
from assessment.store.tables import access_code


def test_a_code_has_at_least_128_random_bits_and_codes_differ(world):
    coordinator = world.access["coordinator"]
    codes = [
        store.issue_code(world.engine, coordinator, "respondent", scan_id=world.scan.id).code
        for _ in range(20)
    ]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert len(code) * math.log2(64) >= 128  # URL-safe base64: 6 bits per character
        assert code.replace("-", "").replace("_", "").isalnum()


def test_only_the_hash_of_a_code_is_stored_and_it_is_shown_once(world):
    issued = store.issue_code(
        world.engine, store.admin_access(), "trainer", school_id=world.school.id
    )
    with world.engine.connect() as connection:
        stored = connection.execute(select(access_code)).all()
    assert all(issued.code not in repr(tuple(row)) for row in stored)
    hashes = {row.code_hash for row in stored}
    assert hashlib.sha256(issued.code.encode()).hexdigest() in hashes
    listed = store.list_codes(world.engine, world.access["coordinator"], world.school.id)
    assert issued.info in listed
    assert issued.code not in repr(listed)
    assert not hasattr(issued.info, "code")


@pytest.mark.parametrize(
    ("actor", "role", "scope"),
    [
        ("board", "board", {"board_id": "board"}),
        ("coordinator", "coordinator", {"school_id": "school"}),
        ("trainer", "trainer", {"school_id": "school"}),
        ("respondent", "respondent", {"school_id": "school", "scan_id": "scan"}),
    ],
)
def test_a_code_resolves_to_its_role_and_scope(world, actor, role, scope):
    access = store.resolve_code(world.engine, "  " + world.codes[actor] + "\n")
    assert access.role == role
    for field, thing in scope.items():
        assert getattr(access, field) == getattr(world, thing).id
    if role == "respondent":
        assert access.respondent_id is not None


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("", "store.errors.code_empty"),
        ("   ", "store.errors.code_empty"),
        ("dit-is-geen-code", "store.errors.code_unknown"),
    ],
)
def test_an_unknown_code_is_refused(world, code, key):
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_code(world.engine, code)
    assert refused.value.key == key


def test_a_code_with_an_expiry_works_until_then(world):
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
    issued = store.issue_code(
        world.engine,
        world.access["coordinator"],
        "trainer",
        school_id=world.school.id,
        expires_at=expires,
        label="schoolcoach",
    )
    assert issued.info.expires_at == expires and issued.info.label == "schoolcoach"
    assert store.resolve_code(world.engine, issued.code, now=expires - dt.timedelta(seconds=1))
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_code(world.engine, issued.code, now=expires)
    assert refused.value.key == "store.errors.code_expired"


def test_an_expiry_in_the_past_is_refused(world):
    with pytest.raises(store.InvalidInput) as refused:
        store.issue_code(
            world.engine,
            store.admin_access(),
            "trainer",
            school_id=world.school.id,
            expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        )
    assert refused.value.key == "store.errors.expiry_in_past"


def test_revoking_is_idempotent_and_listed(world):
    coordinator = world.access["coordinator"]
    trainer_code = world.access["trainer"].code_id
    first = store.revoke_code(world.engine, coordinator, trainer_code)
    second = store.revoke_code(world.engine, coordinator, trainer_code)
    assert first.revoked_at is not None and second.revoked_at == first.revoked_at
    listed = {c.id: c for c in store.list_codes(world.engine, coordinator, world.school.id)}
    assert listed[trainer_code].revoked_at == first.revoked_at


def test_a_coordinator_cannot_revoke_a_coordinator_code(world):
    coordinator = world.access["coordinator"]
    with pytest.raises(store.AccessDenied):
        store.revoke_code(world.engine, coordinator, coordinator.code_id)


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        ("board", {}),
        ("board", {"school_id": 1, "board_id": 1}),
        ("coordinator", {"board_id": 1}),
        ("trainer", {}),
        ("respondent", {"school_id": 1}),
        ("schoolleider", {"school_id": 1}),
    ],
)
def test_a_code_needs_exactly_the_scope_of_its_role(world, role, scope):
    with pytest.raises(store.InvalidInput):
        store.issue_code(world.engine, store.admin_access(), role, **scope)


def test_respondent_codes_are_only_issued_for_open_scans(world):
    with pytest.raises(store.ScanClosed):
        store.issue_code(
            world.engine, world.access["coordinator"], "respondent", scan_id=world.previous_scan.id
        )


def test_a_respondent_code_creates_its_own_anonymous_respondent(world):
    issued = store.issue_code(
        world.engine, world.access["coordinator"], "respondent", scan_id=world.scan.id
    )
    access = store.resolve_code(world.engine, issued.code)
    assert issued.info.respondent_id == access.respondent_id is not None
    me = store.my_respondent(world.engine, access)
    assert (me.id, me.role, me.started_at) == (access.respondent_id, None, None)


def test_the_demo_access_needs_a_demo(engine):
    with pytest.raises(store.NotFound) as refused:
        store.demo_access(engine)
    assert refused.value.key == "store.errors.no_demo"
