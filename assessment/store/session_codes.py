"""Which codes a session holds: a trainer signs in with the trainer code of one
school and adds the trainer codes of others, once each, to the same session.

The session keeps the code it was opened with (``session.code_id``); every code added later is a
row of ``session_code``. A session lives while at least one of its codes works: revoking one
school's code drops that school from the list, revoking the last one ends the session.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Select, and_, exists, or_, select, update

from assessment.store import tables as T


def added_code_ids(connection: Connection, session_id: int) -> list[int]:
    """The codes added to a session, in the order they were added."""
    return list(
        connection.execute(
            select(T.session_code.c.code_id)
            .where(T.session_code.c.session_id == session_id)
            .order_by(T.session_code.c.id)
        ).scalars()
    )


def end_sessions_left_without_codes(connection: Connection, code_id: int, now: dt.datetime) -> None:
    """After ``code_id`` stopped working: end the live sessions that held it and hold no other
    working code."""
    working = and_(
        T.access_code.c.revoked_at.is_(None),
        or_(T.access_code.c.expires_at.is_(None), T.access_code.c.expires_at > now),
    )
    first_works = exists(
        select(T.access_code.c.id).where(T.access_code.c.id == T.session.c.code_id, working)
    ).correlate(T.session)
    an_added_one_works = exists(
        select(T.session_code.c.id)
        .join(T.access_code, T.access_code.c.id == T.session_code.c.code_id)
        .where(T.session_code.c.session_id == T.session.c.id, working)
    ).correlate(T.session)
    held = or_(
        T.session.c.code_id == code_id,
        T.session.c.id.in_(
            select(T.session_code.c.session_id).where(T.session_code.c.code_id == code_id)
        ),
    )
    connection.execute(
        update(T.session)
        .where(held, T.session.c.ended_at.is_(None), ~first_works, ~an_added_one_works)
        .values(ended_at=now)
    )


def forget_sessions_before(connection: Connection, moment: dt.datetime) -> None:
    """Remove the sessions opened before ``moment`` and the codes added to them."""
    forget_sessions(connection, select(T.session.c.id).where(T.session.c.created_at < moment))


def forget_sessions(connection: Connection, ids: Select[int]) -> None:
    """Remove the sessions whose ids ``ids`` selects and the codes added to them: their browsers
    are signed out."""
    doomed: list[int] = list(connection.execute(ids).scalars())
    if doomed:
        connection.execute(T.session_code.delete().where(T.session_code.c.session_id.in_(doomed)))
        connection.execute(T.session.delete().where(T.session.c.id.in_(doomed)))
