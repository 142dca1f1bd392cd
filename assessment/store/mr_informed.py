"""Whether the school's medezeggenschapsraad (MR) was told about a scan before the codes went
out: ticked by hand by the coordinator, one day per scan, and recorded in the audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, update

from assessment.store import tables as T
from assessment.store._common import get_scan_row
from assessment.store.access import school_content, school_write, verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.info import Access


def mr_informed_on(engine: Engine, access: Access, scan_id: int) -> dt.date | None:
    """The day the MR was marked informed for this scan, None while it is not (coordinator,
    trainer, admin)."""
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_content(access, scan.school_id)
        return scan.mr_informed_on


def set_mr_informed(
    engine: Engine, access: Access, scan_id: int, informed: bool, today: dt.date | None = None
) -> dt.date | None:
    """Tick or untick "MR geïnformeerd" (the scan's coordinator); returns the day now stored.
    Ticking a ticked scan keeps its first day and writes no second log row."""
    with writing(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id, update_lock=True)
        school_write(access, scan.school_id)
        if bool(scan.mr_informed_on) == bool(informed):
            return scan.mr_informed_on
        day = (today or dt.date.today()) if informed else None
        connection.execute(update(T.scan).where(T.scan.c.id == scan_id).values(mr_informed_on=day))
        action = "mr_informed" if informed else "mr_not_informed"
        record(connection, access, action, school_id=scan.school_id, scan_id=scan_id)
        return day
