"""Sessions: a code typed once signs a browser in until sign-out, 12 idle hours, or revocation."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from assessment import store
from assessment.store import tables as T
from assessment.store.sessions import (
    HANDOVER_SECONDS,
    IDLE_EXPIRY,
    MAX_AGE,
    MAX_SESSIONS_PER_CODE,
    TOUCH_INTERVAL,
)

T0 = dt.datetime.now(dt.UTC)  # codes are checked against the real clock
BROWSER = "the-cookie-of-the-asking-browser"


def signed_in(world, actor: str = "coordinator", now: dt.datetime = T0) -> str:
    """The token of a new session of ``actor``, its ticket redeemed at once."""
    ticket = store.open_session(world.engine, world.access[actor], BROWSER, now=now)
    return store.redeem_ticket(world.engine, ticket, BROWSER, now=now)


def session_rows(engine) -> list:
    with engine.connect() as connection:
        return list(connection.execute(select(T.session).order_by(T.session.c.id)))


@pytest.mark.parametrize("actor", ["coordinator", "trainer", "board"])
def test_a_redeemed_ticket_gives_a_token_that_resolves_to_the_codes_access(world, actor):
    token = signed_in(world, actor)
    assert store.resolve_session(world.engine, token, now=T0) == world.access[actor]


def test_only_hashes_of_ticket_and_token_are_stored_and_both_are_256_bits(world):
    ticket = store.open_session(world.engine, world.access["coordinator"], BROWSER, now=T0)
    [row] = session_rows(world.engine)
    assert row.token_hash == hashlib.sha256(ticket.encode()).hexdigest()
    token = store.redeem_ticket(world.engine, ticket, BROWSER, now=T0)
    [row] = session_rows(world.engine)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token != ticket and len(token) >= 43 and len(ticket) >= 43  # 32 bytes, base64
    assert not {ticket, token} & {str(value) for value in row}
    assert row.code_id == world.access["coordinator"].code_id


def test_a_ticket_works_once_within_a_minute_and_is_no_token(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    ticket = store.open_session(engine, coordinator, BROWSER, now=T0)
    with pytest.raises(store.SessionEnded):
        store.resolve_session(engine, ticket, now=T0)
    store.redeem_ticket(engine, ticket, BROWSER, now=T0 + dt.timedelta(seconds=HANDOVER_SECONDS))
    with pytest.raises(store.SessionEnded):
        store.redeem_ticket(engine, ticket, BROWSER, now=T0)
    late = store.open_session(engine, coordinator, BROWSER, now=T0)
    with pytest.raises(store.SessionEnded):
        store.redeem_ticket(
            engine, late, BROWSER, now=T0 + dt.timedelta(seconds=HANDOVER_SECONDS + 1)
        )


@pytest.mark.parametrize("token", ["", "geen-token", None, 42])
def test_an_unknown_token_signs_nobody_in(world, token):
    signed_in(world)
    with pytest.raises(store.SessionEnded) as refused:
        store.resolve_session(world.engine, token, now=T0)
    assert refused.value.key == "store.errors.session_ended"


@pytest.mark.parametrize("actor", ["respondent", "admin"])
def test_respondents_and_admin_open_no_session(world, actor):
    with pytest.raises(store.AccessDenied):
        store.open_session(world.engine, world.access[actor], BROWSER, now=T0)
    assert session_rows(world.engine) == []


def test_twelve_idle_hours_end_a_session_and_each_visit_extends_it(world):
    token = signed_in(world)
    almost = IDLE_EXPIRY - dt.timedelta(minutes=1)
    store.resolve_session(world.engine, token, now=T0 + almost)
    store.resolve_session(world.engine, token, now=T0 + 2 * almost)  # idle since the last visit
    with pytest.raises(store.SessionEnded) as refused:
        store.resolve_session(world.engine, token, now=T0 + 2 * almost + IDLE_EXPIRY)
    assert refused.value.key == "store.errors.session_expired"
    assert refused.value.values == {"hours": 12}


def test_last_seen_is_written_at_most_once_per_touch_interval(world):
    token = signed_in(world)
    soon = T0 + TOUCH_INTERVAL - dt.timedelta(seconds=1)
    store.resolve_session(world.engine, token, now=soon)
    assert session_rows(world.engine)[0].last_seen_at == T0
    later = T0 + TOUCH_INTERVAL
    store.resolve_session(world.engine, token, now=later)
    store.resolve_session(world.engine, token, now=later + dt.timedelta(minutes=1))
    assert session_rows(world.engine)[0].last_seen_at == later


def test_a_session_ends_after_thirty_days_however_active_and_is_removed_later(world):
    token = signed_in(world)
    step = IDLE_EXPIRY / 2
    now = T0
    while now + step < T0 + MAX_AGE:
        now += step
        store.resolve_session(world.engine, token, now=now)
    with pytest.raises(store.SessionEnded):
        store.resolve_session(world.engine, token, now=T0 + MAX_AGE)
    signed_in(world, now=T0 + MAX_AGE + dt.timedelta(seconds=1))
    assert len(session_rows(world.engine)) == 1


def test_sign_out_ends_this_session_only(world):
    first, second = signed_in(world), signed_in(world)  # two browsers, one code
    store.end_session(world.engine, first, now=T0)
    store.end_session(world.engine, first, now=T0)  # twice, or an unknown token: no error
    store.end_session(world.engine, "geen-token", now=T0)
    with pytest.raises(store.SessionEnded):
        store.resolve_session(world.engine, first, now=T0)
    assert store.resolve_session(world.engine, second, now=T0) == world.access["coordinator"]


def test_revoking_the_code_ends_its_sessions(world):
    coordinator = world.access["coordinator"]
    token = signed_in(world, "trainer", now=T0)
    other = signed_in(world, "coordinator", now=T0)
    store.revoke_code(world.engine, coordinator, world.access["trainer"].code_id)
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_session(world.engine, token, now=T0)
    assert refused.value.key == "store.errors.code_revoked"
    ended = {row.code_id: row.ended_at for row in session_rows(world.engine)}
    assert ended[world.access["trainer"].code_id] is not None
    assert ended[coordinator.code_id] is None
    assert store.resolve_session(world.engine, other, now=T0) == coordinator


def test_an_expired_code_refuses_and_ends_its_session(world):
    admin = store.admin_access()
    issued = store.issue_code(
        world.engine, admin, "board", board_id=world.board.id, expires_at=T0 + dt.timedelta(days=1)
    )
    access = store.resolve_code(world.engine, issued.code, now=T0)
    token = store.redeem_ticket(
        world.engine, store.open_session(world.engine, access, BROWSER, now=T0), BROWSER, now=T0
    )
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_session(world.engine, token, now=T0 + dt.timedelta(days=1))
    assert refused.value.key == "store.errors.code_expired"
    assert session_rows(world.engine)[0].ended_at is not None
    with pytest.raises(store.SessionEnded):
        store.resolve_session(world.engine, token, now=T0)


def test_a_ticket_signs_in_only_the_browser_that_asked_for_it(world):
    ticket = store.open_session(world.engine, world.access["coordinator"], BROWSER, now=T0)
    for stranger in ["someone-elses-cookie", "", None]:  # a ticket sent to another browser
        with pytest.raises(store.SessionEnded):
            store.redeem_ticket(world.engine, ticket, stranger, now=T0)
    token = store.redeem_ticket(world.engine, ticket, BROWSER, now=T0)
    assert store.resolve_session(world.engine, token, now=T0) == world.access["coordinator"]
    assert BROWSER not in {str(value) for value in session_rows(world.engine)[0]}


def test_a_browser_without_its_cookie_gets_no_ticket(world):
    with pytest.raises(store.SessionEnded):
        store.open_session(world.engine, world.access["coordinator"], "", now=T0)
    assert session_rows(world.engine) == []


def test_tickets_nobody_redeemed_are_gone_minutes_later(world):
    coordinator = world.access["coordinator"]
    for _ in range(2000):  # the same code signing in over and over, never redeeming
        store.open_session(world.engine, coordinator, BROWSER, now=T0)
    assert len(session_rows(world.engine)) == MAX_SESSIONS_PER_CODE
    later = T0 + dt.timedelta(seconds=HANDOVER_SECONDS + 1)
    signed_in(world, "board", now=later)
    assert [row.code_id for row in session_rows(world.engine)] == [world.access["board"].code_id]


def test_a_code_keeps_its_newest_sessions_and_signs_the_oldest_out(world):
    tokens = [
        signed_in(world, now=T0 + dt.timedelta(seconds=i)) for i in range(MAX_SESSIONS_PER_CODE + 3)
    ]
    now = T0 + dt.timedelta(minutes=1)
    for old in tokens[:3]:
        with pytest.raises(store.SessionEnded):
            store.resolve_session(world.engine, old, now=now)
    for kept in tokens[3:]:
        assert store.resolve_session(world.engine, kept, now=now) == world.access["coordinator"]
    other = signed_in(world, "trainer", now=now)  # another code's sessions are its own
    assert store.resolve_session(world.engine, other, now=now) == world.access["trainer"]
    assert len(session_rows(world.engine)) == MAX_SESSIONS_PER_CODE + 1
