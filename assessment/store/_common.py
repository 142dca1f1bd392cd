"""Helpers shared by the service modules: time, rows to dataclasses, value checks, upserts."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Connection, Row, Table, select
from sqlalchemy.dialects import postgresql, sqlite

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Criterion, Roles, Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, AnswerValue
from assessment.store import tables as T
from assessment.store.errors import InvalidInput, NotFound
from assessment.store.info import (
    ActionInfo,
    AnswerInfo,
    BoardInfo,
    CodeInfo,
    RespondentInfo,
    ScanInfo,
    SchoolInfo,
)
from assessment.store.rubrics import rubric_for
from assessment.text_input import TextRefused, checked_name, checked_text


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def utctoday() -> dt.date:
    """Today in UTC: what is stored about a respondent or an answer instead of a time."""
    return utcnow().date()


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """A datetime in UTC; a naive one is taken to be UTC already."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def insert_for(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that supports ``on_conflict_do_update`` on this connection's dialect."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


# --- rows to dataclasses ----------------------------------------------------------------------


def board_info(row: Row[Any]) -> BoardInfo:
    return BoardInfo(id=row.id, name=row.name)


def school_info(row: Row[Any]) -> SchoolInfo:
    return SchoolInfo(
        id=row.id,
        board_id=row.board_id,
        name=row.name,
        share_with_board=bool(row.share_with_board),
        is_demo=bool(row.is_demo),
    )


def scan_info(row: Row[Any]) -> ScanInfo:
    return ScanInfo(
        id=row.id,
        school_id=row.school_id,
        label=row.label,
        rubric_id=row.rubric_id,
        rubric_version=row.rubric_version,
        rubric_hash=row.rubric_hash,
        status=row.status,
        created_at=row.created_at,
        closed_at=row.closed_at,
        notes_removed_on=row.notes_removed_on,
        answers_removed_on=row.answers_removed_on,
        kind=row.kind,
    )


def respondent_info(row: Row[Any]) -> RespondentInfo:
    return RespondentInfo(
        id=row.id,
        scan_id=row.scan_id,
        role=row.role,
        started_at=row.started_at,
        submitted_at=row.submitted_at,
        other_roles=split_roles(row.other_roles),
    )


def split_roles(other_roles: str | None) -> tuple[str, ...]:
    """The ``respondent.other_roles`` column as a tuple."""
    return tuple(other_roles.split(",")) if other_roles else ()


def check_roles(roles: Any) -> list[str]:
    """One role, several (in the order chosen) or none, as a list without repeats; an unknown
    role is refused."""
    given = [roles] if roles is None or isinstance(roles, str) else list(roles)
    checked: list[str] = []
    for role in given:
        if role is None or role == "":
            continue
        if not isinstance(role, str) or role not in RESPONDENT_ROLES:
            raise InvalidInput("store.errors.bad_respondent_role", role=str(role))
        if role not in checked:
            checked.append(role)
    return checked


def role_columns(roles: Any) -> dict[str, str | None]:
    """The ``role`` (the first, counted in breakdowns) and ``other_roles`` columns."""
    checked = check_roles(roles)
    return {
        "role": checked[0] if checked else None,
        "other_roles": ",".join(checked[1:]) or None,
    }


def answer_info(row: Row[Any]) -> AnswerInfo:
    return AnswerInfo(
        criterion=row.criterion,
        value=decode_value(row.kind, row.score),
        note=row.note,
        updated_at=row.updated_at,
    )


def action_info(row: Row[Any]) -> ActionInfo:
    return ActionInfo(
        id=row.id,
        scan_id=row.scan_id,
        theme=row.theme,
        criterion=row.criterion,
        title=row.title,
        owner=row.owner,
        due_date=row.due_date,
        status=row.status,
        carried_from=row.carried_from,
        version=row.version,
    )


def code_info(row: Row[Any]) -> CodeInfo:
    return CodeInfo(
        id=row.id,
        role=row.role,
        board_id=row.board_id,
        school_id=row.school_id,
        scan_id=row.scan_id,
        respondent_id=row.respondent_id,
        label=row.label,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


# --- answer values ----------------------------------------------------------------------------


def encode_value(value: AnswerValue) -> tuple[str, int | None]:
    if isinstance(value, str):  # DONT_KNOW or NOT_APPLICABLE
        return value, None
    return "score", int(value)


def decode_value(kind: str, score: int | None) -> AnswerValue:
    if kind == "score":
        return int(cast(int, score))  # the database holds a score with every "score" row
    return cast(AnswerValue, kind)  # and only "dk" or "na" as another kind


def is_answer_value(value: Any) -> bool:
    """Shape only: an int (not a bool), "dk" or "na"."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or value in (DONT_KNOW, NOT_APPLICABLE)


def check_value(rubric: Rubric, criterion: str, value: Any) -> AnswerValue:
    """``value`` as a valid answer to ``criterion`` in ``rubric``, or InvalidInput saying why."""
    if not isinstance(criterion, str) or not rubric.has_criterion(criterion):
        raise InvalidInput("store.errors.unknown_criterion", criterion=str(criterion))
    if value == NOT_APPLICABLE and not isinstance(value, bool):
        if not rubric.criterion(criterion).allow_not_applicable:
            raise InvalidInput("store.errors.na_not_allowed", criterion=criterion)
        return NOT_APPLICABLE
    if value == DONT_KNOW and not isinstance(value, bool):
        return DONT_KNOW
    if isinstance(value, int) and not isinstance(value, bool) and value in rubric.scale_values:
        return value
    raise InvalidInput("store.errors.bad_value", value=str(value), criterion=criterion)


def may_answer(criterion: Criterion, roles: Roles) -> bool:
    """Whether a respondent with ``roles`` (one or several) may store an answer to
    ``criterion``: exactly the criteria the questionnaire asks them (``answered_by``)."""
    return criterion.asked_of(roles)


def check_may_answer(rubric: Rubric, criterion: str, roles: Roles) -> None:
    """InvalidInput when none of the respondent's ``roles`` may judge ``criterion``."""
    if not may_answer(rubric.criterion(criterion), roles):
        raise InvalidInput("store.errors.not_for_role", criterion=criterion)


def scan_rubric(scan: Row[Any]) -> Rubric:
    rubric = rubric_for(scan.rubric_id, scan.rubric_hash)
    if rubric is None:
        raise InvalidInput(
            "store.errors.rubric_unavailable", rubric=scan.rubric_id, version=scan.rubric_version
        )
    return rubric


def clean_text(value: Any, limit: int, *, required: str | None = None, name: bool = False) -> str:
    """``value`` through the input check (``assessment/text_input.py``): stripped, valid Unicode,
    at most ``limit`` characters; when ``required`` (a field name) is given it may not be empty.
    A ``name`` (board, school, scan label, code label, owner) is also normalised as people
    compare names, invisible characters refused."""
    try:
        text = (checked_name if name else checked_text)(value, limit)
    except TextRefused as refused:
        raise InvalidInput(f"store.errors.{refused.kind}", **refused.values) from None
    if required and not text:
        raise InvalidInput(f"store.errors.empty_{required}")
    return text


# --- rows -------------------------------------------------------------------------------------


def get_school_row(connection: Connection, school_id: Any) -> Row[Any]:
    row = connection.execute(select(T.school).where(T.school.c.id == _id(school_id))).one_or_none()
    if row is None:
        raise NotFound("store.errors.school_not_found", id=school_id)
    return row


def get_scan_row(connection: Connection, scan_id: Any, *, update_lock: bool = False) -> Row[Any]:
    query = select(T.scan).where(T.scan.c.id == _id(scan_id))
    if update_lock:
        query = query.with_for_update()
    row = connection.execute(query).one_or_none()
    if row is None:
        raise NotFound("store.errors.scan_not_found", id=scan_id)
    return row


def _id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise NotFound("store.errors.not_found")
    return value
