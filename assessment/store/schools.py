"""Boards, schools and scans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, Row, UnaryExpression, and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from assessment.rubric import Rubric
from assessment.store import tables as T
from assessment.store._common import (
    board_info,
    clean_text,
    get_scan_row,
    get_school_row,
    scan_info,
    school_info,
    utcnow,
)
from assessment.store.access import school_read, school_write, verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, InvalidInput, NotFound
from assessment.store.info import Access, BoardInfo, ScanInfo, SchoolInfo
from assessment.store.rubrics import register_rubric
from assessment.store.scan_kind import YEARLY
from assessment.store.scan_lock import hold_codes, hold_scan
from assessment.store.summaries import refresh as refresh_summary


def _admin_only(access: Access) -> None:
    if access.role != "admin":
        raise AccessDenied()


# --- boards and schools -----------------------------------------------------------------------


def create_board(engine: Engine, access: Access, name: str) -> BoardInfo:
    name = clean_text(name, T.NAME_LENGTH, required="name", name=True)
    with writing(engine) as connection:
        verify(connection, access)
        _admin_only(access)
        board_id: int = connection.execute(
            T.board.insert().values(name=name, created_at=utcnow()).returning(T.board.c.id)
        ).scalar_one()
        return BoardInfo(id=board_id, name=name)


def list_boards(engine: Engine, access: Access) -> list[BoardInfo]:
    """Every board (admin); a board code sees its own board."""
    with reading(engine) as connection:
        verify(connection, access)
        query = select(T.board).order_by(T.board.c.id)
        if access.role == "board":
            query = query.where(T.board.c.id == access.board_id)
        else:
            _admin_only(access)
        return [board_info(row) for row in connection.execute(query)]


def get_board(engine: Engine, access: Access, board_id: int) -> BoardInfo:
    with reading(engine) as connection:
        verify(connection, access)
        if not (access.role == "admin" or (access.role == "board" and access.board_id == board_id)):
            raise AccessDenied()
        row = connection.execute(select(T.board).where(T.board.c.id == board_id)).one_or_none()
        if row is None:
            raise NotFound("store.errors.board_not_found", id=board_id)
        return board_info(row)


def create_school(
    engine: Engine, access: Access, board_id: int, name: str, share_with_board: bool = False
) -> SchoolInfo:
    name = clean_text(name, T.NAME_LENGTH, required="name", name=True)
    with writing(engine) as connection:
        verify(connection, access)
        _admin_only(access)
        if (
            connection.execute(select(T.board.c.id).where(T.board.c.id == board_id)).one_or_none()
            is None
        ):
            raise NotFound("store.errors.board_not_found", id=board_id)
        _refuse_duplicate_school(connection, board_id, name)
        try:
            school_id: int = connection.execute(
                T.school.insert()
                .values(
                    board_id=board_id,
                    name=name,
                    share_with_board=bool(share_with_board),
                    is_demo=False,
                    created_at=utcnow(),
                )
                .returning(T.school.c.id)
            ).scalar_one()
        except IntegrityError:
            raise InvalidInput("store.errors.duplicate_school", name=name) from None
        return SchoolInfo(school_id, board_id, name, bool(share_with_board), False)


def _refuse_duplicate_school(connection: Connection, board_id: int, name: str) -> None:
    exists = connection.execute(
        select(T.school.c.id).where(T.school.c.board_id == board_id, T.school.c.name == name)
    ).first()
    if exists is not None:
        raise InvalidInput("store.errors.duplicate_school", name=name)


def get_school(engine: Engine, access: Access, school_id: int) -> SchoolInfo:
    """A school's name and settings: admin, its coordinator, trainer and respondents, its board
    when the school shares with the board."""
    with reading(engine) as connection:
        verify(connection, access)
        if access.role == "respondent" and access.school_id == school_id:
            return school_info(get_school_row(connection, school_id))
        return school_info(school_read(connection, access, school_id))


def list_schools(engine: Engine, access: Access, board_id: int | None = None) -> list[SchoolInfo]:
    """Admin: every school (of ``board_id`` when given). Board: its schools that share with it.
    Coordinator and trainer: their own school."""
    with reading(engine) as connection:
        verify(connection, access)
        query = select(T.school).order_by(T.school.c.board_id, T.school.c.name, T.school.c.id)
        if access.role == "admin":
            if board_id is not None:
                query = query.where(T.school.c.board_id == board_id)
        elif access.role == "board":
            if board_id is not None and board_id != access.board_id:
                raise AccessDenied()
            query = query.where(
                T.school.c.board_id == access.board_id, T.school.c.share_with_board.is_(True)
            )
        elif access.role in ("coordinator", "trainer"):
            query = query.where(T.school.c.id == access.school_id)
        else:
            raise AccessDenied()
        return [school_info(row) for row in connection.execute(query)]


def set_board_sharing(engine: Engine, access: Access, school_id: int, share: bool) -> SchoolInfo:
    with writing(engine) as connection:
        verify(connection, access)
        get_school_row(connection, school_id)
        if access.role != "admin":
            school_write(access, school_id)
        connection.execute(
            update(T.school).where(T.school.c.id == school_id).values(share_with_board=bool(share))
        )
        record(connection, access, "sharing_changed", school_id=school_id, detail={"share": share})
        return school_info(get_school_row(connection, school_id))


# --- scans ------------------------------------------------------------------------------------


def open_scan(
    engine: Engine, access: Access, school_id: int, label: str, rubric: Rubric
) -> ScanInfo:
    """A new open scan of the school, recording the rubric's id, version and content hash."""
    label = clean_text(label, T.LABEL_LENGTH, required="label", name=True)
    register_rubric(rubric)
    with writing(engine) as connection:
        verify(connection, access)
        get_school_row(connection, school_id)
        school_write(access, school_id)
        scan_id = insert_scan(connection, school_id, label, rubric, utcnow())
        record(connection, access, "scan_opened", school_id=school_id, scan_id=scan_id)
        return scan_info(get_scan_row(connection, scan_id))


def insert_scan(
    connection: Connection,
    school_id: int,
    label: str,
    rubric: Rubric,
    created_at: dt.datetime,
    kind: str = YEARLY,
) -> int:
    exists = connection.execute(
        select(T.scan.c.id).where(T.scan.c.school_id == school_id, T.scan.c.label == label)
    ).first()
    if exists is not None:
        raise InvalidInput("store.errors.duplicate_scan", label=label)
    try:
        return connection.execute(
            T.scan.insert()
            .values(
                school_id=school_id,
                label=label,
                rubric_id=rubric.id,
                rubric_version=rubric.version,
                rubric_hash=rubric.content_hash,
                status="open",
                created_at=created_at,
                kind=kind,
            )
            .returning(T.scan.c.id)
        ).scalar_one()
    except IntegrityError:
        raise InvalidInput("store.errors.duplicate_scan", label=label) from None


def _set_status(engine: Engine, access: Access, scan_id: int, status: str) -> ScanInfo:
    with writing(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_write(access, scan.school_id)
        # Lock first, then read the clock: writes that hold the scan shared finish before, and
        # the summary holds every one of them (scan_lock).
        hold_scan(connection, scan.id, exclusive=True)
        if status == "closed":
            hold_codes(connection, scan.id)  # the one-statement saves in flight finish first
        scan = get_scan_row(connection, scan_id, update_lock=True)
        if status == "open" and scan.answers_removed_on is not None:
            raise InvalidInput("retention.errors.reopen_removed", label=scan.label)
        if status == "open" and scan.notes_removed_on is not None:
            raise InvalidInput("retention.errors.reopen_notes_removed", label=scan.label)
        if scan.status != status:
            connection.execute(
                update(T.scan)
                .where(T.scan.c.id == scan_id)
                .values(status=status, closed_at=utcnow() if status == "closed" else None)
            )
            scan = get_scan_row(connection, scan_id)
            # Closing computes what the board sees, reopening takes it away: in this transaction.
            refresh_summary(connection, scan)
            action = "scan_closed" if status == "closed" else "scan_reopened"
            record(connection, access, action, school_id=scan.school_id, scan_id=scan_id)
        return scan_info(scan)


def close_scan(engine: Engine, access: Access, scan_id: int) -> ScanInfo:
    """Close a scan: respondents can no longer change answers (coordinator), and its board may
    see its summary."""
    return _set_status(engine, access, scan_id, "closed")


def reopen_scan(engine: Engine, access: Access, scan_id: int) -> ScanInfo:
    """Open a closed scan again; its summary leaves the board until it is closed again."""
    return _set_status(engine, access, scan_id, "open")


def _newest_first() -> tuple[UnaryExpression[Any], UnaryExpression[Any]]:
    return (T.scan.c.created_at.desc(), T.scan.c.id.desc())


def list_scans(engine: Engine, access: Access, school_id: int) -> list[ScanInfo]:
    """The school's scans, newest first."""
    with reading(engine) as connection:
        verify(connection, access)
        school_read(connection, access, school_id)
        rows = connection.execute(
            select(T.scan).where(T.scan.c.school_id == school_id).order_by(*_newest_first())
        )
        return [scan_info(row) for row in rows]


def readable_scan(connection: Connection, access: Access, scan_id: int) -> Row[Any]:
    """The scan row when ``access`` may see it (a respondent: only his own scan)."""
    scan = get_scan_row(connection, scan_id)
    if access.role == "respondent":
        if access.scan_id != scan.id:
            raise AccessDenied()
        return scan
    school_read(connection, access, scan.school_id)
    return scan


def get_scan(engine: Engine, access: Access, scan_id: int) -> ScanInfo:
    with reading(engine) as connection:
        verify(connection, access)
        return scan_info(readable_scan(connection, access, scan_id))


def previous_row(connection: Connection, scan: Row[Any]) -> Row[Any] | None:
    """The school's yearly scan created before ``scan``."""
    return connection.execute(
        select(T.scan)
        .where(
            T.scan.c.school_id == scan.school_id,
            T.scan.c.kind == YEARLY,  # the yearly comparison: a tussenmeting is no year
            or_(
                T.scan.c.created_at < scan.created_at,
                and_(T.scan.c.created_at == scan.created_at, T.scan.c.id < scan.id),
            ),
        )
        .order_by(*_newest_first())
        .limit(1)
    ).one_or_none()


def previous_scan(engine: Engine, access: Access, scan_id: int) -> ScanInfo | None:
    """The school's yearly scan before this one, or None."""
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_read(connection, access, scan.school_id)
        row = previous_row(connection, scan)
        return None if row is None else scan_info(row)
