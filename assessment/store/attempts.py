"""Wrong codes counted in the database (``code_attempt``), so that every app process behind
``scripts/serve`` sees the same count. What is counted and how long a caller waits is the policy
of ``assessment/code_attempts.py``; this module only stores it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from assessment.store import tables as T
from assessment.store.engine import reading, writing

FORGET_AFTER = dt.timedelta(hours=1)  # a count an hour after its last wrong code starts again


def attempt_key(kind: str, value: str) -> str:
    """What the table stores for ``value`` (a session's key or a network address): a hash."""
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def attempt_state(
    engine: Engine, keys: Iterable[str], now: dt.datetime
) -> dict[str, tuple[int, dt.datetime | None]]:
    """``key -> (failures, locked_until)`` for every key with a count that is not forgotten."""
    with reading(engine) as connection:
        rows = connection.execute(
            select(T.code_attempt).where(
                T.code_attempt.c.key.in_(list(keys)),
                T.code_attempt.c.last_failed_at >= now - FORGET_AFTER,
            )
        ).all()
    return {row.key: (row.failures, row.locked_until) for row in rows}


def count_failure(
    engine: Engine, key: str, now: dt.datetime, wait_after: Callable[[int], float]
) -> int:
    """One more wrong code for ``key``; it waits ``wait_after(failures)`` seconds from ``now``
    (none when 0). Returns the new count. One statement per key, so concurrent processes never
    lose a count."""
    table = T.code_attempt
    with writing(engine) as connection:
        connection.execute(delete(table).where(table.c.last_failed_at < now - FORGET_AFTER))
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        failures: int = connection.execute(
            dialect.insert(table)
            .values(key=key, failures=1, last_failed_at=now)
            .on_conflict_do_update(
                index_elements=[table.c.key],
                set_={"failures": table.c.failures + 1, "last_failed_at": now},
            )
            .returning(table.c.failures)
        ).scalar_one()
        wait = wait_after(failures)
        if wait > 0:
            connection.execute(
                update(table)
                .where(table.c.key == key)
                .values(locked_until=now + dt.timedelta(seconds=wait))
            )
    return failures
