"""The audit log: who (role and code label) did what and when (to the minute).

Every service function that changes something a school must be able to account for writes its
row with ``record`` inside its own transaction, so the row exists exactly when the change does.
Reads that leave the building (downloads, the export command) and sign-ins write theirs with
``log_event``. A row holds ids, a role, the acting code's label and a few words of ``detail``
(a scan label, a count, a file kind): never an answer, a note or a code. The log falls under the
retention (``purge_audit_log``) like the answers do.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, select

from assessment.store import tables as T
from assessment.store.access import verify
from assessment.store.audit_record import DOWNLOADS, record
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied
from assessment.store.info import Access

PER_PAGE = 20


@dataclass(frozen=True)
class AuditEvent:
    id: int
    occurred_at: dt.datetime  # to the minute, UTC
    role: str  # coordinator, trainer, board, admin or system
    code_id: int | None
    code_label: str
    action: str
    board_id: int | None
    school_id: int | None
    scan_id: int | None
    detail: dict[str, str | int]


@dataclass(frozen=True)
class AuditPage:
    events: list[AuditEvent]  # newest first
    page: int  # from 1
    pages: int  # at least 1
    total: int


def log_event(
    engine: Engine,
    access: Access | None,
    action: str,
    school_id: int | None = None,
    detail: dict[str, Any] | None = None,
    *,
    scan_id: int | None = None,
) -> None:
    """``record`` in a transaction of its own, for what changes nothing in the database itself
    (a purge that already ran, a deletion done elsewhere). The access is checked first."""
    with writing(engine) as connection:
        if access is not None:
            verify(connection, access)
        record(connection, access, action, school_id=school_id, scan_id=scan_id, detail=detail)


def record_sign_in(engine: Engine, access: Access) -> None:
    """A coordinator, trainer or board code was entered (or a trainer added a school)."""
    if access.role not in ("coordinator", "trainer", "board"):
        return
    with writing(engine) as connection:
        verify(connection, access)
        record(connection, access, "sign_in", school_id=access.school_id)


def record_download(
    engine: Engine, access: Access, what: str, *, scan_id: int | None = None
) -> None:
    """A file left the app: a PDF, a spreadsheet, the code slips, the leaflet, the school's data.
    A coordinator or trainer records it for their school, a board for itself."""
    if what not in DOWNLOADS:
        raise ValueError(f"unknown download {what!r}")
    with writing(engine) as connection:
        verify(connection, access)
        school_id, detail = access.school_id, {"what": what}
        if scan_id is not None:
            scan = connection.execute(
                select(T.scan.c.school_id, T.scan.c.label).where(T.scan.c.id == scan_id)
            ).one_or_none()
            if scan is None or (access.role != "admin" and scan.school_id != access.school_id):
                raise AccessDenied()
            school_id = scan.school_id
        record(connection, access, "download", school_id=school_id, scan_id=scan_id, detail=detail)


# --- reading ------------------------------------------------------------------------------------


def _event(row: Row[Any]) -> AuditEvent:
    return AuditEvent(
        id=row.id,
        occurred_at=row.occurred_at,
        role=row.role,
        code_id=row.code_id,
        code_label=row.code_label,
        action=row.action,
        board_id=row.board_id,
        school_id=row.school_id,
        scan_id=row.scan_id,
        detail=dict(row.detail or {}),
    )


def school_log(
    engine: Engine, access: Access, school_id: int, *, page: int = 1, per_page: int = PER_PAGE
) -> AuditPage:
    """One page of a school's log, newest first: for the school's coordinator (and admin).
    A trainer or board sees none of it."""
    with reading(engine) as connection:
        verify(connection, access)
        if access.role != "admin" and not (
            access.role == "coordinator" and access.school_id == school_id
        ):
            raise AccessDenied()
        where = T.audit_event.c.school_id == school_id
        total = connection.execute(
            select(func.count()).select_from(T.audit_event).where(where)
        ).scalar_one()
        pages = max(1, math.ceil(total / per_page))
        page = min(max(1, page), pages)
        rows = connection.execute(
            select(T.audit_event)
            .where(where)
            .order_by(T.audit_event.c.id.desc())
            .offset((page - 1) * per_page)
            .limit(per_page)
        )
        return AuditPage([_event(row) for row in rows], page, pages, total)


def audit_log(
    engine: Engine, access: Access, *, school_id: int | None = None, limit: int = 500
) -> list[AuditEvent]:
    """The newest ``limit`` rows of the whole log or of one school, newest first: admin only."""
    with reading(engine) as connection:
        verify(connection, access)
        if access.role != "admin":
            raise AccessDenied()
        query = select(T.audit_event).order_by(T.audit_event.c.id.desc()).limit(limit)
        if school_id is not None:
            query = query.where(T.audit_event.c.school_id == school_id)
        return [_event(row) for row in connection.execute(query)]


# --- retention and deletion ---------------------------------------------------------------------


def delete_events_before(connection: Connection, older_than: dt.datetime) -> int:
    """Remove the rows older than ``older_than`` in the caller's transaction; returns how many."""
    result = connection.execute(
        delete(T.audit_event).where(T.audit_event.c.occurred_at < older_than)
    )
    return result.rowcount


def purge_audit_log(engine: Engine, older_than: dt.datetime) -> int:
    """The retention applied to the log itself: rows older than ``older_than`` go."""
    with writing(engine) as connection:
        return delete_events_before(connection, older_than)


def forget_school(connection: Connection, school_id: int) -> int:
    """Remove a school's rows (when the school itself is deleted), in the caller's transaction."""
    result = connection.execute(delete(T.audit_event).where(T.audit_event.c.school_id == school_id))
    return result.rowcount
