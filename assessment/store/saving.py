"""Saving one answer, the hot path: < 20 ms p95 with 30 writers at once (the README's budgets).

One prebuilt query checks the caller's code, respondent row and scan together; anything unusual
falls back to the general checks, which raise the same errors as every other service function.

On SQLite, saves that arrive together are committed together (``group_commit``). On PostgreSQL
a save is one statement (``saving_pg``) once this process knows the scan's rubric; the first save
of a scan and every save that statement does not write come here. What a caller
sends is checked before it joins others (note, criterion, value): one respondent's bad input is
refused to that respondent alone and never reaches a shared transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Engine, Row, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite

from assessment.scoring import AnswerValue
from assessment.store import group_commit, saving_pg
from assessment.store import tables as T
from assessment.store._common import (
    check_may_answer,
    check_value,
    clean_text,
    decode_value,
    encode_value,
    insert_for,
    is_answer_value,
    scan_rubric,
    split_roles,
    utcnow,
    utctoday,
)
from assessment.store.access import verify
from assessment.store.engine import writing
from assessment.store.errors import InvalidInput, ScanClosed, StoreError
from assessment.store.info import Access, AnswerInfo
from assessment.store.interim_criteria import check_asked
from assessment.store.respondent_row import own_row
from assessment.store.scan_lock import hold_scan

_BATCHED = {"sqlite"}

_CALLER = (
    select(
        T.access_code.c.role,
        T.access_code.c.school_id.label("code_school_id"),
        T.access_code.c.scan_id.label("code_scan_id"),
        T.access_code.c.expires_at,
        T.access_code.c.revoked_at,
        T.scan.c.id.label("scan_id"),
        T.scan.c.school_id,
        T.scan.c.status,
        T.scan.c.rubric_id,
        T.scan.c.rubric_version,
        T.scan.c.rubric_hash,
        T.scan.c.kind,
        T.respondent.c.id.label("respondent_id"),
        T.respondent.c.started_at,
        T.respondent.c.role.label("respondent_role"),
        T.respondent.c.other_roles.label("respondent_other_roles"),
    )
    .select_from(
        T.access_code.join(T.scan, T.scan.c.id == bindparam("scan_id")).outerjoin(
            T.respondent,
            (T.respondent.c.scan_id == T.scan.c.id)
            & (T.respondent.c.code_id == T.access_code.c.id),
        )
    )
    .where(T.access_code.c.id == bindparam("code_id"))
    # PostgreSQL: a revocation waits for the save; the scan is held by its lock (scan_lock)
    .with_for_update(read=True, of=T.access_code)
)


def _upsert(dialect: str, with_note: bool) -> postgresql.Insert | sqlite.Insert:
    """Insert or replace an answer; without ``with_note`` a note saved earlier stays (a new
    answer gets the empty note the rows carry)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(T.answer)
    columns = ["kind", "score", "updated_at", *(["note"] if with_note else [])]
    return statement.on_conflict_do_update(
        index_elements=["respondent_id", "criterion"],
        set_={name: statement.excluded[name] for name in columns},
    )


_UPSERTS = {
    (name, with_note): _upsert(name, with_note)
    for name in ("sqlite", "postgresql")
    for with_note in (True, False)
}
_SAVE_NOTE = (
    update(T.answer)
    .where(
        T.answer.c.respondent_id == bindparam("respondent"),
        T.answer.c.criterion == bindparam("answer_criterion"),
    )
    .values(note=bindparam("note_text"), updated_at=bindparam("today"))
)
_STORED = (
    T.answer.c.respondent_id,
    T.answer.c.criterion,
    T.answer.c.kind,
    T.answer.c.score,
    T.answer.c.note,
)
_MARK_STARTED = (
    update(T.respondent)
    .where(T.respondent.c.id == bindparam("respondent"), T.respondent.c.started_at.is_(None))
    .values(started_at=bindparam("today"))
)


@dataclass(eq=False)
class _Save(group_commit.Job):
    """An answer (``value``) and its note; ``note`` None leaves the saved note, ``value`` None
    (a note save) leaves the saved answer."""

    access: Any = None
    criterion: str = ""
    value: Any = None
    note: str | None = None
    scan_id: int | None = None
    scan_rubric: tuple[str, str] | None = None  # (rubric id, hash) of the scan, once checked
    respondent_id: int | None = None


def save_answer(
    engine: Engine,
    access: Access,
    criterion: str,
    value: AnswerValue,
    note: str | None = None,
    scan_id: int | None = None,
) -> AnswerInfo:
    """Store one answer of the caller (insert or replace) and, when ``note`` is given, its note;
    ``note=None`` leaves the note saved earlier (another tab may just have saved it).
    Committed before it returns; the AnswerInfo holds the note as stored."""
    _check_criterion(criterion)
    if not is_answer_value(value):
        raise InvalidInput("store.errors.bad_value", value=str(value)[:20], criterion=criterion)
    if note is not None:
        note = clean_text(note, T.NOTE_LENGTH)
    job = _Save(access=access, criterion=criterion, value=value, note=note, scan_id=scan_id)
    if engine.dialect.name in _BATCHED:
        group_commit.run(engine, job, _write)
    else:
        saved = saving_pg.try_save(engine, access, criterion, value, note, scan_id)
        if saved is not None:
            return saved
        group_commit.write_each(engine, [job], _write)
        if job.error is None and job.scan_rubric is not None and job.scan_id is not None:
            saving_pg.remember_scan_rubric(engine, job.scan_id, *job.scan_rubric)
    return _outcome(job)


def save_note(
    engine: Engine, access: Access, criterion: str, note: str, scan_id: int | None = None
) -> AnswerInfo:
    """Store the note of an answer the caller gave, leaving the answer as it is saved (another
    tab may just have changed it). A note without an answer is refused."""
    _check_criterion(criterion)
    job = _Save(
        access=access, criterion=criterion, note=clean_text(note, T.NOTE_LENGTH), scan_id=scan_id
    )
    if engine.dialect.name in _BATCHED:
        group_commit.run(engine, job, _write)
    else:
        group_commit.write_each(engine, [job], _write)
    return _outcome(job)


def _check_criterion(criterion: Any) -> None:
    if not isinstance(criterion, str) or len(criterion) > T.CRITERION_LENGTH:
        raise InvalidInput("store.errors.unknown_criterion", criterion=str(criterion)[:40])


def _outcome(job: _Save) -> AnswerInfo:
    if job.error is not None:
        raise job.error
    assert job.result is not None
    return job.result


def _write(engine: Engine, jobs: Sequence[group_commit.Job]) -> None:
    """Check every save, then write the valid ones in one transaction. A save the checks refuse
    gets its own error; when the transaction fails, group_commit decides what happens next."""
    batch = cast(Sequence[_Save], jobs)  # group_commit hands back the jobs given it: saves
    with writing(engine) as connection:
        today = utctoday()  # the day only: a time would tell whose answer came when
        answers: dict[bool, list[dict[str, Any]]] = {True: [], False: []}  # with the note, without
        notes: list[dict[str, Any]] = []
        started: set[int | None] = set()
        written: list[_Save] = []
        for job in batch:
            try:
                job.respondent_id, needs_start = _check(connection, job)
            except StoreError as error:
                job.error = error
                continue
            written.append(job)
            if needs_start:
                started.add(job.respondent_id)
            if job.value is None:
                notes.append(
                    {"respondent": job.respondent_id, "answer_criterion": job.criterion}
                    | {"note_text": job.note, "today": today}
                )
                continue
            kind, score = encode_value(job.value)
            row: dict[str, Any] = {
                "respondent_id": job.respondent_id,
                "scan_id": job.scan_id,
                "kind": kind,
            }
            row |= {"criterion": job.criterion, "score": score, "updated_at": today}
            answers[job.note is not None].append(row | {"note": job.note or ""})
        for with_note, rows in answers.items():
            if rows:
                connection.execute(_UPSERTS[connection.dialect.name, with_note], rows)
        if notes:
            connection.execute(_SAVE_NOTE, notes)
        if started:
            connection.execute(_MARK_STARTED, [{"respondent": r, "today": today} for r in started])
        _read_back(connection, written, today)


def _read_back(connection: Connection, jobs: list[_Save], today: dt.date) -> None:
    """Each written job's result: the answer and note as stored (a save that left the note or
    the answer as it was learns it here); a note without an answer is refused."""
    unknown = []
    for job in jobs:
        if job.value is not None and job.note is not None:
            job.result = AnswerInfo(job.criterion, job.value, job.note, today)
        else:
            unknown.append(job)
    if not unknown:
        return
    # Two IN lists (a superset of the pairs) let SQLite use the unique index, which a row-value
    # IN does not.
    rows = connection.execute(
        select(*_STORED).where(
            T.answer.c.respondent_id.in_(sorted({job.respondent_id for job in unknown})),
            T.answer.c.criterion.in_(sorted({job.criterion for job in unknown})),
        )
    )
    stored = {(row.respondent_id, row.criterion): row for row in rows}
    for job in unknown:
        row = stored.get((job.respondent_id, job.criterion))
        if row is None:  # only a note save can miss its row: the answer was never given
            job.error = InvalidInput("store.errors.note_without_answer")
            continue
        job.result = AnswerInfo(job.criterion, decode_value(row.kind, row.score), row.note, today)


def _check(connection: Connection, job: _Save) -> tuple[int, bool]:
    """(respondent id, whether to mark it started) for a save that may go ahead. Sets
    ``job.scan_id`` and ``job.value`` (normalised); raises the StoreError that refuses it."""
    access = job.access
    scan_id = job.scan_id
    if getattr(access, "role", None) == "respondent" and scan_id is None:
        scan_id = access.scan_id
    row = None
    if isinstance(access, Access) and isinstance(scan_id, int) and access.code_id is not None:
        hold_scan(connection, scan_id)  # the scan cannot close halfway the save
        row = connection.execute(
            _CALLER, {"scan_id": scan_id, "code_id": access.code_id}
        ).one_or_none()
    if row is None or not _fast_path_allows(access, row, scan_id):
        return _slow_check(connection, job)
    if row.status != "open":
        raise ScanClosed()
    answering = job.value is not None
    if answering:
        rubric = scan_rubric(row)
        job.value = check_value(rubric, job.criterion, job.value)
        roles = (row.respondent_role, *split_roles(row.respondent_other_roles))
        check_may_answer(rubric, job.criterion, roles)
        check_asked(connection, row.scan_id, row.kind, job.criterion)
    job.scan_id = row.scan_id
    job.scan_rubric = (row.rubric_id, row.rubric_hash)
    respondent_id = row.respondent_id
    if respondent_id is None:  # a coordinator's first answer in this scan
        if not answering:
            raise InvalidInput("store.errors.note_without_answer")
        respondent_id = _create_own_row(connection, row.scan_id, access.code_id)
        return respondent_id, True
    return respondent_id, answering and row.started_at is None


def _fast_path_allows(access: Access, row: Row[Any], scan_id: int | None) -> bool:
    if row.role != access.role or row.revoked_at is not None:
        return False
    if row.expires_at is not None and row.expires_at <= utcnow():
        return False
    if access.role == "respondent":
        return (
            row.code_scan_id == scan_id == access.scan_id
            and row.code_school_id == access.school_id
            and row.respondent_id is not None
            and row.respondent_id == access.respondent_id
        )
    if access.role == "coordinator":
        return row.code_school_id == access.school_id == row.school_id
    return False


def _create_own_row(connection: Connection, scan_id: int, code_id: int) -> int:
    connection.execute(
        insert_for(connection, T.respondent)
        .values(scan_id=scan_id, code_id=code_id)
        .on_conflict_do_nothing(index_elements=["scan_id", "code_id"])
    )
    return connection.execute(
        select(T.respondent.c.id).where(
            T.respondent.c.scan_id == scan_id, T.respondent.c.code_id == code_id
        )
    ).scalar_one()


def _slow_check(connection: Connection, job: _Save) -> tuple[int, bool]:
    """The general checks (they raise the precise error: code refused, not allowed, ...)."""
    verify(connection, job.access)
    answering = job.value is not None
    row, scan = own_row(connection, job.access, job.scan_id, create=answering, lock=True)
    if scan.status != "open":
        raise ScanClosed()
    if not answering:
        if row is None:
            raise InvalidInput("store.errors.note_without_answer")
        return row.id, False
    assert row is not None  # own_row creates the row of an answer
    rubric = scan_rubric(scan)
    job.value = check_value(rubric, job.criterion, job.value)
    check_may_answer(rubric, job.criterion, (row.role, *split_roles(row.other_roles)))
    check_asked(connection, scan.id, scan.kind, job.criterion)
    job.scan_id = scan.id
    job.scan_rubric = (scan.rubric_id, scan.rubric_hash)
    return row.id, row.started_at is None
