"""Which respondent row is the caller's in a scan: shared by the answer services and the save path."""

from __future__ import annotations

from typing import Any, Literal, overload

from sqlalchemy import Connection, Row, select

from assessment.store import tables as T
from assessment.store._common import get_scan_row, insert_for
from assessment.store.access import school_write
from assessment.store.errors import AccessDenied, InvalidInput
from assessment.store.info import Access
from assessment.store.scan_lock import hold_scan


@overload
def own_row(
    connection: Connection,
    access: Access,
    scan_id: int | None,
    *,
    create: Literal[True],
    lock: bool = False,
) -> tuple[Row[Any], Row[Any]]: ...


@overload
def own_row(
    connection: Connection,
    access: Access,
    scan_id: int | None,
    *,
    create: bool = False,
    lock: bool = False,
) -> tuple[Row[Any] | None, Row[Any]]: ...


def own_row(
    connection: Connection,
    access: Access,
    scan_id: int | None,
    *,
    create: bool = False,
    lock: bool = False,
) -> tuple[Row[Any] | None, Row[Any]]:
    """(respondent row or None, scan row) of the caller in this scan. A respondent code answers in
    its own scan; a coordinator fills in his school's scan as a respondent keyed by his code.
    ``lock`` holds the scan's lock shared (``scan_lock``) so it cannot close halfway a write."""
    if access.role == "respondent":
        if scan_id is not None and scan_id != access.scan_id:
            raise AccessDenied()
        if lock:
            hold_scan(connection, access.bound_scan_id)
        scan = get_scan_row(connection, access.scan_id)
        row = connection.execute(
            select(T.respondent).where(
                T.respondent.c.id == access.respondent_id,
                T.respondent.c.code_id == access.code_id,
                T.respondent.c.scan_id == scan.id,
            )
        ).one_or_none()
        if row is None:
            raise AccessDenied()
        return row, scan
    if access.role != "coordinator":
        raise AccessDenied()
    if scan_id is None:
        raise InvalidInput("store.errors.scan_required")
    if lock and isinstance(scan_id, int) and not isinstance(scan_id, bool):
        hold_scan(connection, scan_id)
    scan = get_scan_row(connection, scan_id)
    school_write(access, scan.school_id)
    query = select(T.respondent).where(
        T.respondent.c.scan_id == scan.id, T.respondent.c.code_id == access.code_id
    )
    row = connection.execute(query).one_or_none()
    if row is None and create:
        connection.execute(
            insert_for(connection, T.respondent)
            .values(scan_id=scan.id, code_id=access.code_id)
            .on_conflict_do_nothing(index_elements=["scan_id", "code_id"])
        )
        row = connection.execute(query).one()
    return row, scan
