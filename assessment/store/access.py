"""Access codes and the authorisation checks every service function runs (docs/architecture.md).

A code is ``secrets.token_urlsafe(24)``: 192 random bits. Only its SHA-256 is stored; it is shown once.
An ``Access`` is checked again on every call against its code row, so revoking a code or letting
it expire closes sessions that resolved it earlier.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Row,
    ScalarResult,
    Select,
    and_,
    select,
    update,
)

from assessment.store import tables as T
from assessment.store._common import (
    aware,
    clean_text,
    code_info,
    get_scan_row,
    get_school_row,
    utcnow,
)
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, CodeRefused, InvalidInput, NotFound, ScanClosed
from assessment.store.info import CODE_ROLES, Access, CodeInfo, IssuedCode
from assessment.store.scan_lock import hold_scan
from assessment.store.session_codes import end_sessions_left_without_codes

CODE_BYTES = 24  # 192 bits
DEMO_CODE_LABEL = "demo"


def hash_code(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def admin_access() -> Access:
    """Full administrative access, for the command line only."""
    return Access(role="admin")


# --- checking an access -----------------------------------------------------------------------


def _code_columns() -> tuple[ColumnElement[Any], ...]:
    return (
        T.access_code.c.id,
        T.access_code.c.role,
        T.access_code.c.board_id,
        T.access_code.c.school_id,
        T.access_code.c.scan_id,
        T.access_code.c.label,
        T.access_code.c.created_at,
        T.access_code.c.expires_at,
        T.access_code.c.revoked_at,
        T.respondent.c.id.label("respondent_id"),
    )


def _code_query() -> Select[Any]:
    return select(*_code_columns()).select_from(
        T.access_code.outerjoin(
            T.respondent,
            and_(
                T.respondent.c.code_id == T.access_code.c.id,
                T.respondent.c.scan_id == T.access_code.c.scan_id,
                T.access_code.c.role == "respondent",
            ),
        )
    )


def _refuse_inactive(row: Row[Any], now: dt.datetime) -> None:
    if row.revoked_at is not None:
        raise CodeRefused("store.errors.code_revoked")
    if row.expires_at is not None and row.expires_at <= now:
        raise CodeRefused("store.errors.code_expired")


def verify(connection: Connection, access: Access) -> None:
    """The access is what its code still allows: the code exists, is neither revoked nor expired,
    and the role and scope match. Admin access carries no code."""
    if not isinstance(access, Access):
        raise AccessDenied()
    if access.role == "admin":
        if access.code_id is not None:
            raise AccessDenied()
        return
    if access.code_id is None:
        raise AccessDenied()
    row = connection.execute(
        _code_query().where(T.access_code.c.id == access.code_id)
    ).one_or_none()
    if row is None:
        raise CodeRefused("store.errors.code_unknown")
    _refuse_inactive(row, utcnow())
    if row.role != access.role:
        raise AccessDenied()
    if row.role == "board":
        matches = row.board_id == access.board_id
    elif row.role in ("coordinator", "trainer"):
        matches = row.school_id == access.school_id
    else:
        matches = (row.scan_id, row.school_id, row.respondent_id) == (
            access.scan_id,
            access.school_id,
            access.respondent_id,
        )
    if not matches:
        raise AccessDenied()


def school_read(connection: Connection, access: Access, school_id: int) -> Row[Any]:
    """The school row when ``access`` may see this school's name and scan list: admin,
    coordinator and trainer of the school, its board when the school shares with the board."""
    school = get_school_row(connection, school_id)
    if access.role == "admin":
        return school
    if access.role in ("coordinator", "trainer") and access.school_id == school.id:
        return school
    if access.role == "board" and access.board_id == school.board_id and school.share_with_board:
        return school
    raise AccessDenied()


def school_content(access: Access, school_id: int) -> None:
    """Answers, evidence notes, agreed values and actions: admin, coordinator and trainer only."""
    if access.role == "admin":
        return
    if access.role in ("coordinator", "trainer") and access.school_id == school_id:
        return
    raise AccessDenied()


def school_write(access: Access, school_id: int) -> None:
    """Changing a school's scans, agreed values and plan: its coordinator only."""
    if access.role == "coordinator" and access.school_id == school_id:
        return
    raise AccessDenied()


# --- resolving --------------------------------------------------------------------------------


def resolve_code(engine: Engine, code: str, now: dt.datetime | None = None) -> Access:
    """The access a code gives; CodeRefused (unknown, revoked, expired) otherwise."""
    # A code on paper is printed in groups ("AbC1 dEf2 ..."); it never holds white space itself.
    code = "".join(code.split()) if isinstance(code, str) else ""
    if not code:
        raise CodeRefused("store.errors.code_empty")
    now = aware(now) or utcnow()
    with reading(engine) as connection:
        row = connection.execute(
            _code_query().where(T.access_code.c.code_hash == hash_code(code))
        ).one_or_none()
        if row is None:
            raise CodeRefused("store.errors.code_unknown")
        _refuse_inactive(row, now)
        return _access_of(connection, row)


def _access_of(connection: Connection, row: Row[Any]) -> Access:
    board_id = row.board_id
    if row.school_id is not None:
        board_id = get_school_row(connection, row.school_id).board_id
    return Access(
        role=row.role,
        board_id=board_id,
        school_id=row.school_id,
        scan_id=row.scan_id,
        respondent_id=row.respondent_id,
        code_id=row.id,
    )


def code_access(connection: Connection, code_id: int, now: dt.datetime) -> Access:
    """The access the code with this id gives at ``now``; CodeRefused when revoked or expired."""
    row = connection.execute(_code_query().where(T.access_code.c.id == code_id)).one()
    _refuse_inactive(row, now)
    return _access_of(connection, row)


def demo_access(engine: Engine) -> Access:
    """Coordinator access to the demo school with the rich two-year picture; NotFound without demo."""
    with reading(engine) as connection:
        row = connection.execute(
            _code_query()
            .join(T.school, T.school.c.id == T.access_code.c.school_id)
            .where(
                T.school.c.is_demo.is_(True),
                T.access_code.c.role == "coordinator",
                T.access_code.c.label == DEMO_CODE_LABEL,
                T.access_code.c.revoked_at.is_(None),
            )
            .order_by(T.access_code.c.id)
            .limit(1)
        ).one_or_none()
        if row is None:
            raise NotFound("store.errors.no_demo")
        return _access_of(connection, row)


# --- issuing, listing, revoking ---------------------------------------------------------------


def insert_code(
    connection: Connection,
    role: str,
    *,
    board_id: int | None = None,
    school_id: int | None = None,
    scan_id: int | None = None,
    label: str = "",
    expires_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> tuple[str, int]:
    """Insert a code row (and a respondent row for a respondent code); returns (code, id)."""
    code = new_code()
    code_id: int = connection.execute(
        T.access_code.insert()
        .values(
            code_hash=hash_code(code),
            role=role,
            board_id=board_id,
            school_id=school_id,
            scan_id=scan_id,
            label=label,
            created_at=now or utcnow(),
            expires_at=expires_at,
        )
        .returning(T.access_code.c.id)
    ).scalar_one()
    if role == "respondent":
        connection.execute(T.respondent.insert().values(scan_id=scan_id, code_id=code_id))
    return code, code_id


def issue_code(
    engine: Engine,
    access: Access,
    role: str,
    *,
    board_id: int | None = None,
    school_id: int | None = None,
    scan_id: int | None = None,
    expires_at: dt.datetime | None = None,
    label: str = "",
) -> IssuedCode:
    """A new code; its secret is in the result and nowhere else. Admin issues every kind;
    a coordinator issues respondent codes for his school's open scans and trainer codes."""
    label = clean_text(label, T.NAME_LENGTH, name=True)
    now = utcnow()
    expires_at = aware(expires_at)
    if expires_at is not None and expires_at <= now:
        raise InvalidInput("store.errors.expiry_in_past")
    with writing(engine) as connection:
        school_id = check_issue(connection, access, role, board_id, school_id, scan_id)
        code, code_id = insert_code(
            connection,
            role,
            board_id=board_id,
            school_id=school_id,
            scan_id=scan_id,
            label=label,
            expires_at=expires_at,
            now=now,
        )
        record(
            connection,
            access,
            "code_issued",
            school_id=school_id,
            scan_id=scan_id,
            board_id=board_id,
            detail={"role": role, "count": 1, "label": label},
        )
        return issued(connection, code, code_id)


def check_issue(
    connection: Connection,
    access: Access,
    role: str,
    board_id: int | None,
    school_id: int | None,
    scan_id: int | None,
) -> int | None:
    """Refuse what ``access`` may not issue; returns the school of the new code."""
    if role not in CODE_ROLES:
        raise InvalidInput("store.errors.bad_role", role=str(role))
    verify(connection, access)
    if access.role not in ("admin", "coordinator"):
        raise AccessDenied()
    if access.role == "coordinator" and role not in ("respondent", "trainer"):
        raise AccessDenied()
    if role == "board":
        _check_board_scope(connection, role, board_id, school_id, scan_id)
        return None
    if role in ("coordinator", "trainer"):
        if school_id is None or board_id is not None or scan_id is not None:
            raise InvalidInput("store.errors.code_scope", role=role)
        get_school_row(connection, school_id)
        if access.role == "coordinator":
            school_write(access, school_id)
        return school_id
    return _check_respondent_scope(connection, access, role, board_id, school_id, scan_id)


def _check_board_scope(
    connection: Connection,
    role: str,
    board_id: int | None,
    school_id: int | None,
    scan_id: int | None,
) -> None:
    """A board code names a board that exists, and no school or scan."""
    if board_id is None or school_id is not None or scan_id is not None:
        raise InvalidInput("store.errors.code_scope", role=role)
    if (
        connection.execute(select(T.board.c.id).where(T.board.c.id == board_id)).one_or_none()
        is None
    ):
        raise NotFound("store.errors.board_not_found", id=board_id)


def _check_respondent_scope(
    connection: Connection,
    access: Access,
    role: str,
    board_id: int | None,
    school_id: int | None,
    scan_id: int | None,
) -> int:
    """A respondent code names an open scan (of the school, if one is named too) that
    ``access`` may write to; returns that scan's school."""
    if scan_id is None or board_id is not None:
        raise InvalidInput("store.errors.code_scope", role=role)
    if isinstance(scan_id, int) and not isinstance(scan_id, bool):
        hold_scan(connection, scan_id)  # no new code while the scan closes
    scan = get_scan_row(connection, scan_id)
    if school_id is not None and school_id != scan.school_id:
        raise InvalidInput("store.errors.code_scope", role=role)
    if access.role == "coordinator":
        school_write(access, scan.school_id)
    if scan.status != "open":
        raise ScanClosed()
    school: int = scan.school_id
    return school


def issued(connection: Connection, code: str, code_id: int) -> IssuedCode:
    row = connection.execute(_code_query().where(T.access_code.c.id == code_id)).one()
    number = None
    if row.role == "respondent":
        number = respondent_numbers(connection, row.scan_id)[code_id]
    return IssuedCode(code=code, info=code_info(row), number=number)


def respondent_numbers(connection: Connection, scan_id: int) -> dict[int, int]:
    """The number ("Collega N") of each respondent code of a scan: its place in the order the
    codes were made. Codes are never deleted, so a number never changes."""
    ids: ScalarResult[int] = connection.execute(
        select(T.access_code.c.id)
        .where(T.access_code.c.scan_id == scan_id, T.access_code.c.role == "respondent")
        .order_by(T.access_code.c.id)
    ).scalars()
    return {code_id: number for number, code_id in enumerate(ids, start=1)}


def list_codes(
    engine: Engine, access: Access, school_id: int | None = None, *, board_id: int | None = None
) -> list[CodeInfo]:
    """The codes of a school (coordinator of the school, admin) or a board's codes (admin)."""
    with reading(engine) as connection:
        verify(connection, access)
        if school_id is not None:
            get_school_row(connection, school_id)
            if access.role != "admin":
                school_write(access, school_id)
            where = T.access_code.c.school_id == school_id
        elif board_id is not None:
            if access.role != "admin":
                raise AccessDenied()
            where = and_(T.access_code.c.role == "board", T.access_code.c.board_id == board_id)
        else:
            raise InvalidInput("store.errors.code_scope", role="")
        rows = connection.execute(_code_query().where(where).order_by(T.access_code.c.id))
        return [code_info(row) for row in rows]


def revoke_code(engine: Engine, access: Access, code_id: int) -> CodeInfo:
    """Revoke a code (idempotent). Admin revokes any code; a coordinator his school's respondent
    and trainer codes, so never the coordinator code he is signed in with."""
    with writing(engine) as connection:
        verify(connection, access)
        row = connection.execute(
            _code_query().where(T.access_code.c.id == code_id).with_for_update(of=T.access_code)
        ).one_or_none()
        if row is None:
            raise NotFound("store.errors.code_not_found", id=code_id)
        if access.role != "admin":
            if row.role not in ("respondent", "trainer") or row.school_id is None:
                raise AccessDenied()
            school_write(access, row.school_id)
        if row.revoked_at is None:
            now = utcnow()
            connection.execute(
                update(T.access_code).where(T.access_code.c.id == code_id).values(revoked_at=now)
            )
            # Its browsers are signed out at once, unless they hold another code.
            end_sessions_left_without_codes(connection, code_id, now)
            record(
                connection,
                access,
                "code_revoked",
                school_id=row.school_id,
                scan_id=row.scan_id,
                board_id=row.board_id,
                detail={"role": row.role, "label": row.label, "code": row.id},
            )
        row = connection.execute(_code_query().where(T.access_code.c.id == code_id)).one()
        return code_info(row)
