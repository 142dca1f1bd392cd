"""A school's type and its consent to the consortium's research dataset (``assessment/research``).

The consent is the school's own, apart from sharing with its board: the coordinator turns it on
and off on Beheer (the operator may too, from the command line), and every change is written to
the audit log in the same transaction. Opting in gives the school a random research id: 64 random
bits, derived from nothing the school is known by. It stays the same while the school remains
opted in, so the consortium can follow the school over the years. Opting out deletes it, and a
later opt-in draws a new one: a withdrawn consent ends the link, and nothing exported after a new
consent can be joined to what the consortium received before it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Row, update

from assessment.store import tables as T
from assessment.store._common import get_school_row
from assessment.store.access import verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, InvalidInput
from assessment.store.info import Access

SCHOOL_TYPES: tuple[str, ...] = ("bo", "sbo", "so", "vso")
RESEARCH_ID_BYTES = 8


@dataclass(frozen=True)
class ResearchConsent:
    school_id: int
    school_type: str | None  # one of SCHOOL_TYPES, None until set
    opted_in: bool
    research_id: str | None  # present exactly while opted in


def _consent(row: Row[Any]) -> ResearchConsent:
    return ResearchConsent(row.id, row.school_type, bool(row.research_opt_in), row.research_id)


def _may_change(access: Access, school_id: int) -> None:
    """The school's coordinator, or the operator (admin) from the command line."""
    if access.role == "admin":
        return
    if access.role == "coordinator" and access.school_id == school_id:
        return
    raise AccessDenied()


def research_consent(engine: Engine, access: Access, school_id: int) -> ResearchConsent:
    with reading(engine) as connection:
        verify(connection, access)
        _may_change(access, school_id)
        return _consent(get_school_row(connection, school_id))


def set_school_type(
    engine: Engine, access: Access, school_id: int, school_type: str
) -> ResearchConsent:
    if school_type not in SCHOOL_TYPES:
        raise InvalidInput("research.errors.bad_school_type", value=str(school_type))
    with writing(engine) as connection:
        verify(connection, access)
        _may_change(access, school_id)
        get_school_row(connection, school_id)
        connection.execute(
            update(T.school).where(T.school.c.id == school_id).values(school_type=school_type)
        )
        record(
            connection,
            access,
            "school_type_set",
            school_id=school_id,
            detail={"school_type": school_type},
        )
        return _consent(get_school_row(connection, school_id))


def set_research_consent(
    engine: Engine, access: Access, school_id: int, opt_in: bool
) -> ResearchConsent:
    """Turn the school's consent on or off; a change is logged, the same state twice is not."""
    opt_in = bool(opt_in)
    with writing(engine) as connection:
        verify(connection, access)
        _may_change(access, school_id)
        row = get_school_row(connection, school_id)
        if bool(row.research_opt_in) != opt_in:
            connection.execute(
                update(T.school)
                .where(T.school.c.id == school_id)
                .values(
                    research_opt_in=opt_in,
                    research_id=secrets.token_hex(RESEARCH_ID_BYTES) if opt_in else None,
                )
            )
            record(
                connection,
                access,
                "research_consent",
                school_id=school_id,
                detail={"share": opt_in},
            )
        return _consent(get_school_row(connection, school_id))
