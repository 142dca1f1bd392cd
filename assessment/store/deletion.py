"""Deleting a school completely: every row of it in every table, in one transaction (admin).

The caller names the school to confirm, so a wrong id removes nothing. Its board stays. A trainer
session opened with another school's code loses only the code of this school it had added.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, or_, select

from assessment.store import tables as T
from assessment.store._common import get_school_row
from assessment.store.access import verify
from assessment.store.audit import forget_school
from assessment.store.audit_record import record
from assessment.store.engine import writing
from assessment.store.errors import AccessDenied, InvalidInput
from assessment.store.info import Access


def delete_school(engine: Engine, access: Access, school_id: int, confirm_name: str) -> int:
    """Remove the school ``school_id`` when ``confirm_name`` is its name; returns the number of
    rows removed."""
    with writing(engine) as connection:
        verify(connection, access)
        if access.role != "admin":
            raise AccessDenied()
        school = get_school_row(connection, school_id)
        if confirm_name.strip() != school.name:
            raise InvalidInput("retention.cli.confirm_mismatch", id=school_id)
        scans = select(T.scan.c.id).where(T.scan.c.school_id == school_id)
        codes = select(T.access_code.c.id).where(T.access_code.c.school_id == school_id)
        sessions = select(T.session.c.id).where(T.session.c.code_id.in_(codes))
        statements = [
            delete(T.session_code).where(
                or_(T.session_code.c.session_id.in_(sessions), T.session_code.c.code_id.in_(codes))
            ),
            delete(T.session).where(T.session.c.code_id.in_(codes)),
            delete(T.scan_summary).where(T.scan_summary.c.school_id == school_id),
            delete(T.summary_basis).where(T.summary_basis.c.scan_id.in_(scans)),
            delete(T.action).where(T.action.c.scan_id.in_(scans)),
            delete(T.consensus).where(T.consensus.c.scan_id.in_(scans)),
            delete(T.answer).where(T.answer.c.scan_id.in_(scans)),
            delete(T.respondent).where(T.respondent.c.scan_id.in_(scans)),
            delete(T.scan_criterion).where(T.scan_criterion.c.scan_id.in_(scans)),
            delete(T.access_code).where(T.access_code.c.school_id == school_id),
            delete(T.scan).where(T.scan.c.school_id == school_id),
            delete(T.school).where(T.school.c.id == school_id),
        ]
        removed = sum(connection.execute(statement).rowcount for statement in statements)
        removed += forget_school(connection, school_id)  # its log goes; the deletion is logged
        record(connection, access, "school_deleted", detail={"school": school_id})
        return removed
