"""A scan's progress in counts, for the coordinator's first steps on the start page."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Engine, Table, func, select

from assessment.store import tables as T
from assessment.store._common import get_scan_row, scan_info
from assessment.store.access import school_content, verify
from assessment.store.engine import reading
from assessment.store.info import Access, ScanProgress


def scan_progress(engine: Engine, access: Access, scan_id: int) -> ScanProgress:
    """Codes handed out, respondents started and submitted, answers, agreed values and actions
    of a scan: coordinator and trainer of the school (and admin)."""
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_content(access, scan.school_id)

        def count(table: Table, *where: ColumnElement[bool]) -> int:
            return connection.execute(
                select(func.count()).select_from(table).where(table.c.scan_id == scan_id, *where)
            ).scalar_one()

        return ScanProgress(
            scan=scan_info(scan),
            codes=count(
                T.access_code,
                T.access_code.c.role == "respondent",
                T.access_code.c.revoked_at.is_(None),
            ),
            started=count(T.respondent, T.respondent.c.started_at.is_not(None)),
            submitted=count(T.respondent, T.respondent.c.submitted_at.is_not(None)),
            answers=count(T.answer),
            agreed=count(T.consensus),
            actions=count(T.action),
        )
