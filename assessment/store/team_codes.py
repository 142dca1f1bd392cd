"""The codes a coordinator hands out to the team: many at once, numbered, and whether each is used.

Only a code's hash is stored, so the secrets of a batch exist once, in the result of
``issue_team_codes``; the caller must show (or print) all of them from that result.
"""

from __future__ import annotations

from sqlalchemy import Engine, and_, func, select

from assessment.store import tables as T
from assessment.store._common import code_info, get_school_row
from assessment.store.access import (
    check_issue,
    insert_code,
    issued,
    respondent_numbers,
    school_write,
    verify,
)
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import InvalidInput
from assessment.store.info import Access, IssuedCode, TeamCode

MAX_BATCH = 60


def issue_team_codes(engine: Engine, access: Access, scan_id: int, count: int) -> list[IssuedCode]:
    """``count`` respondent codes for ``scan_id`` in one transaction (all or none), in number
    order; each carries its number ("Collega N"), the same number ``team_codes`` shows."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_BATCH:
        raise InvalidInput("store.errors.code_count", maximum=MAX_BATCH)
    with writing(engine) as connection:
        school_id = check_issue(connection, access, "respondent", None, None, scan_id)
        made = [
            insert_code(connection, "respondent", school_id=school_id, scan_id=scan_id)
            for _ in range(count)
        ]
        record(
            connection,
            access,
            "code_issued",
            school_id=school_id,
            scan_id=scan_id,
            detail={"role": "respondent", "count": count},
        )
        return [issued(connection, code, code_id) for code, code_id in made]


def team_codes(engine: Engine, access: Access, school_id: int) -> list[TeamCode]:
    """Every code of a school (its coordinator, or admin), respondent codes with their number and
    use: started, sent in, how many questions answered. Which answers, never."""
    answered = (
        select(T.answer.c.respondent_id, func.count().label("answered"))
        .where(T.answer.c.scan_id.in_(select(T.scan.c.id).where(T.scan.c.school_id == school_id)))
        .group_by(T.answer.c.respondent_id)
        .subquery()
    )
    respondent = T.respondent
    query = (
        select(
            T.access_code,
            respondent.c.id.label("respondent_id"),
            respondent.c.started_at,
            respondent.c.submitted_at,
            answered.c.answered,
        )
        .select_from(
            T.access_code.outerjoin(
                respondent,
                and_(
                    respondent.c.code_id == T.access_code.c.id,
                    respondent.c.scan_id == T.access_code.c.scan_id,
                    T.access_code.c.role == "respondent",
                ),
            ).outerjoin(answered, answered.c.respondent_id == respondent.c.id)
        )
        .where(T.access_code.c.school_id == school_id)
        .order_by(T.access_code.c.id)
    )
    with reading(engine) as connection:
        verify(connection, access)
        get_school_row(connection, school_id)
        if access.role != "admin":
            school_write(access, school_id)
        rows = connection.execute(query).all()
        numbers: dict[int, int] = {}
        for scan_id in {row.scan_id for row in rows if row.role == "respondent"}:
            numbers |= respondent_numbers(connection, scan_id)
    return [
        TeamCode(
            info=code_info(row),
            number=numbers.get(row.id),
            started=row.started_at is not None,
            submitted=row.submitted_at is not None,
            answered=row.answered or 0,
            own=row.id == access.code_id,
        )
        for row in rows
    ]
