"""The criteria a tussenmeting asks, as the save path checks them: an answer to any other
criterion is refused (``store.errors.not_in_interim``)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from assessment.store import tables as T
from assessment.store.errors import InvalidInput
from assessment.store.scan_kind import YEARLY


def asked_criteria(connection: Connection, scan_id: int) -> dict[str, str]:
    """Criterion id -> reason (``phase``, ``plan`` or ``phase+plan``) of a tussenmeting; empty
    for a yearly scan."""
    rows = connection.execute(
        select(T.scan_criterion.c.criterion, T.scan_criterion.c.reason).where(
            T.scan_criterion.c.scan_id == scan_id
        )
    )
    return {row.criterion: row.reason for row in rows}


def check_asked(connection: Connection, scan_id: int, kind: str, criterion: str) -> None:
    """InvalidInput when ``scan_id`` is a tussenmeting that does not ask ``criterion``."""
    if kind == YEARLY:
        return
    asked = connection.execute(
        select(T.scan_criterion.c.criterion).where(
            T.scan_criterion.c.scan_id == scan_id, T.scan_criterion.c.criterion == criterion
        )
    ).first()
    if asked is None:
        raise InvalidInput("store.errors.not_in_interim", criterion=criterion)
