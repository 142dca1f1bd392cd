"""Sessions: a coordinator, trainer or board code typed once keeps its browser signed
in across reloads, new tabs and bookmarks, without the code ever appearing in a URL.

A session is opened for a resolved code and hands out a one-time *ticket* (valid
``HANDOVER_SECONDS``). The browser exchanges the ticket, in a request of its own, for the session
*token* that it keeps in an HttpOnly cookie; so the token never passes through the page. Ticket
and token are 256 random bits and only their SHA-256 is stored.

A token signs nobody in once the session is ended (sign-out), idle for ``IDLE_EXPIRY``, older
than ``MAX_AGE``, or when its code is revoked or expired. A trainer's session may hold the trainer
codes of several schools (``session_codes.py``); it lives while one of them works. ``last_seen_at`` is written at most once
per ``TOUCH_INTERVAL``, so resolving a token on every page view is a read, not a write.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import Connection, Engine, Row, select, update

from assessment.store import tables as T
from assessment.store._common import aware, utcnow
from assessment.store.access import code_access, hash_code, verify
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, CodeRefused, SessionEnded
from assessment.store.info import Access
from assessment.store.session_codes import (
    added_code_ids,
    forget_sessions,
    forget_sessions_before,
)

SESSION_ROLES = ("coordinator", "trainer", "board")
SECRET_BYTES = 32  # 256 bits
HANDOVER_SECONDS = 60
MAX_SESSIONS_PER_CODE = 20  # a new sign-in beyond this ends the code's oldest session
IDLE_EXPIRY = dt.timedelta(hours=12)
MAX_AGE = dt.timedelta(days=30)
TOUCH_INTERVAL = dt.timedelta(minutes=5)


def open_session(
    engine: Engine, access: Access, browser: str, now: dt.datetime | None = None
) -> str:
    """A new session for the code behind ``access``; returns its one-time handover ticket, which
    only a request carrying ``browser`` (the asking browser's own cookie) can redeem. Removed on
    the way: sessions older than ``MAX_AGE``, tickets nobody redeemed in time, and beyond the
    newest ``MAX_SESSIONS_PER_CODE`` the code's oldest sessions."""
    if access.role not in SESSION_ROLES:
        raise AccessDenied()
    if not isinstance(browser, str) or not browser:
        raise SessionEnded()
    now = aware(now) or utcnow()
    ticket = secrets.token_urlsafe(SECRET_BYTES)
    with writing(engine) as connection:
        verify(connection, access)
        forget_sessions_before(connection, now - MAX_AGE)
        forget_sessions(
            connection,
            select(T.session.c.id).where(
                T.session.c.handed_over_at.is_(None),
                T.session.c.created_at < now - dt.timedelta(seconds=HANDOVER_SECONDS),
            ),
        )
        connection.execute(
            T.session.insert().values(
                token_hash=hash_code(ticket),
                code_id=access.code_id,
                created_at=now,
                last_seen_at=now,
                browser_hash=hash_code(browser),
            )
        )
        forget_sessions(
            connection,
            select(T.session.c.id)
            .where(T.session.c.code_id == access.code_id)
            .order_by(T.session.c.created_at.desc(), T.session.c.id.desc())
            .offset(MAX_SESSIONS_PER_CODE),
        )
    return ticket


def redeem_ticket(
    engine: Engine, ticket: str, browser: str | None, now: dt.datetime | None = None
) -> str:
    """The session token for a handover ticket, once, and only for the browser that asked for
    it (``browser``, as given to ``open_session``): the ticket no longer works afterwards."""
    now = aware(now) or utcnow()
    token = secrets.token_urlsafe(SECRET_BYTES)
    with writing(engine) as connection:
        row = _session_row(connection, ticket, lock=True)
        if (
            row is None
            or row.handed_over_at is not None
            or row.ended_at is not None
            or row.created_at + dt.timedelta(seconds=HANDOVER_SECONDS) < now
            or not isinstance(browser, str)
            or not browser
            or row.browser_hash != hash_code(browser)
        ):
            raise SessionEnded()
        connection.execute(
            update(T.session)
            .where(T.session.c.id == row.id)
            .values(token_hash=hash_code(token), handed_over_at=now, last_seen_at=now)
        )
    return token


def resolve_session(engine: Engine, token: str, now: dt.datetime | None = None) -> Access:
    """The access of a live session: the first of ``session_accesses``."""
    return session_accesses(engine, token, now)[0]


def session_accesses(engine: Engine, token: str, now: dt.datetime | None = None) -> list[Access]:
    """Every access of a live session whose code still works: the code it was opened with first,
    then the codes added to it in the order they were added. ``SessionEnded`` for a dead
    session; when none of its codes works any more it ends with the first code's
    ``CodeRefused``. Touches ``last_seen_at`` when it is ``TOUCH_INTERVAL`` old."""
    now = aware(now) or utcnow()
    accesses: list[Access] = []
    refusals: list[CodeRefused] = []
    with reading(engine) as connection:
        row = _session_row(connection, token)
        if row is None or row.handed_over_at is None:
            raise SessionEnded()
        for code_id in [row.code_id, *added_code_ids(connection, row.id)]:
            try:  # a revoked code says so, also when revoking already ended the session
                accesses.append(code_access(connection, code_id, now))
            except CodeRefused as error:
                refusals.append(error)
    if not accesses:
        end_session(engine, token, now)
        raise refusals[0]
    _refuse_dead(row, now)
    if now - row.last_seen_at >= TOUCH_INTERVAL:
        with writing(engine) as connection:
            connection.execute(
                update(T.session)
                .where(T.session.c.id == row.id, T.session.c.ended_at.is_(None))
                .values(last_seen_at=now)
            )
    return accesses


def add_session_code(
    engine: Engine, token: str, access: Access, now: dt.datetime | None = None
) -> None:
    """Add the trainer code behind ``access`` to a trainer's live session; a code the session
    already holds changes nothing. Only trainer codes, and only to a session opened with one."""
    now = aware(now) or utcnow()
    if access.role != "trainer":
        raise AccessDenied()
    with writing(engine) as connection:
        verify(connection, access)
        row = _session_row(connection, token, lock=True)
        if row is None or row.handed_over_at is None:
            raise SessionEnded()
        _refuse_dead(row, now)
        opened_with: str = connection.execute(
            select(T.access_code.c.role).where(T.access_code.c.id == row.code_id)
        ).scalar_one()
        if opened_with != "trainer":
            raise AccessDenied()
        if access.code_id != row.code_id and access.code_id not in added_code_ids(
            connection, row.id
        ):
            connection.execute(
                T.session_code.insert().values(
                    session_id=row.id, code_id=access.code_id, added_at=now
                )
            )


def end_session(engine: Engine, token: str, now: dt.datetime | None = None) -> None:
    """Sign out: the token signs nobody in any more. Unknown or ended tokens are ignored."""
    now = aware(now) or utcnow()
    with writing(engine) as connection:
        row = _session_row(connection, token, lock=True)
        if row is not None and row.ended_at is None:
            connection.execute(
                update(T.session).where(T.session.c.id == row.id).values(ended_at=now)
            )


def _session_row(connection: Connection, secret: str, *, lock: bool = False) -> Row[Any] | None:
    if not isinstance(secret, str) or not secret:
        return None
    query = select(T.session).where(T.session.c.token_hash == hash_code(secret))
    if lock:
        query = query.with_for_update()
    return connection.execute(query).one_or_none()


def _refuse_dead(row: Row[Any], now: dt.datetime) -> None:
    """A session that cannot sign in: ended, idle or too old."""
    if row.ended_at is not None or now - row.created_at >= MAX_AGE:
        raise SessionEnded()
    if now - row.last_seen_at >= IDLE_EXPIRY:
        raise SessionEnded(
            "store.errors.session_expired", hours=IDLE_EXPIRY // dt.timedelta(hours=1)
        )
