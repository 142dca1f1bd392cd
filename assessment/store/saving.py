"""Saving one answer: the hot path of the app (DESIGN §8: < 20 ms p95 with 30 writers at once).

One prebuilt query checks the caller's code, respondent row and scan together; anything unusual
falls back to the general checks, which raise the same errors as every other service function.

On SQLite, saves that arrive together are committed together (``group_commit``). On PostgreSQL
a save is one statement (``saving_pg``) once this process knows the scan's rubric; the first save
of a scan and every save that statement does not write come here. What a caller
sends is checked before it joins others (note, criterion, value): one respondent's bad input is
refused to that respondent alone and never reaches a shared transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite

from assessment.scoring import AnswerValue
from assessment.store import group_commit, saving_pg
from assessment.store import tables as T
from assessment.store._common import (
    check_value,
    clean_text,
    encode_value,
    insert_for,
    is_answer_value,
    scan_rubric,
    utcnow,
)
from assessment.store.access import verify
from assessment.store.engine import writing
from assessment.store.errors import InvalidInput, ScanClosed, StoreError
from assessment.store.info import Access, AnswerInfo
from assessment.store.respondent_row import own_row

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
        T.respondent.c.id.label("respondent_id"),
        T.respondent.c.started_at,
    )
    .select_from(
        T.access_code.join(T.scan, T.scan.c.id == bindparam("scan_id")).outerjoin(
            T.respondent,
            (T.respondent.c.scan_id == T.scan.c.id)
            & (T.respondent.c.code_id == T.access_code.c.id),
        )
    )
    .where(T.access_code.c.id == bindparam("code_id"))
    .with_for_update(read=True, of=T.scan)  # PostgreSQL: the scan cannot close halfway
)


def _upsert(dialect: str):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(T.answer)
    return statement.on_conflict_do_update(
        index_elements=["respondent_id", "criterion"],
        set_={
            "kind": statement.excluded.kind,
            "score": statement.excluded.score,
            "note": statement.excluded.note,
            "updated_at": statement.excluded.updated_at,
        },
    )


_UPSERTS = {name: _upsert(name) for name in ("sqlite", "postgresql")}
_MARK_STARTED = (
    update(T.respondent)
    .where(T.respondent.c.id == bindparam("respondent"), T.respondent.c.started_at.is_(None))
    .values(started_at=bindparam("now"))
)


@dataclass(eq=False)
class _Save(group_commit.Job):
    access: Any = None
    criterion: str = ""
    value: Any = None
    note: str = ""
    scan_id: int | None = None
    scan_rubric: tuple[str, str] | None = None  # (rubric id, hash) of the scan, once checked


def save_answer(
    engine: Engine,
    access,
    criterion: str,
    value: AnswerValue,
    note: str = "",
    scan_id: int | None = None,
) -> AnswerInfo:
    """Store one answer of the caller (insert or replace). Committed before it returns."""
    if not isinstance(criterion, str) or len(criterion) > T.CRITERION_LENGTH:
        raise InvalidInput("store.errors.unknown_criterion", criterion=str(criterion)[:40])
    if not is_answer_value(value):
        raise InvalidInput("store.errors.bad_value", value=str(value)[:20], criterion=criterion)
    job = _Save(
        access=access,
        criterion=criterion,
        value=value,
        note=clean_text(note, T.NOTE_LENGTH),
        scan_id=scan_id,
    )
    if engine.dialect.name in _BATCHED:
        group_commit.run(engine, job, _write)
    else:
        saved = saving_pg.try_save(engine, access, criterion, value, job.note, scan_id)
        if saved is not None:
            return saved
        group_commit.write_each(engine, [job], _write)
        if job.error is None and job.scan_rubric is not None:
            saving_pg.remember_scan_rubric(engine, job.scan_id, *job.scan_rubric)
    if job.error is not None:
        raise job.error
    assert job.result is not None
    return job.result


def _write(engine: Engine, batch: list[_Save]) -> None:
    """Check every save, then write the valid ones in one transaction. A save the checks refuse
    gets its own error; when the transaction fails, group_commit decides what happens next."""
    with writing(engine) as connection:
        now = utcnow()
        rows, started = [], set()
        for job in batch:
            try:
                respondent_id, needs_start = _check(connection, job)
            except StoreError as error:
                job.error = error
                continue
            kind, score = encode_value(job.value)
            rows.append(
                {
                    "respondent_id": respondent_id,
                    "scan_id": job.scan_id,
                    "criterion": job.criterion,
                    "kind": kind,
                    "score": score,
                    "note": job.note,
                    "updated_at": now,
                }
            )
            if needs_start:
                started.add(respondent_id)
            job.result = AnswerInfo(job.criterion, job.value, job.note, now)
        if rows:
            connection.execute(_UPSERTS[connection.dialect.name], rows)
        if started:
            connection.execute(_MARK_STARTED, [{"respondent": r, "now": now} for r in started])


def _check(connection: Connection, job: _Save) -> tuple[int, bool]:
    """(respondent id, whether to mark it started) for a save that may go ahead. Sets
    ``job.scan_id`` and ``job.value`` (normalised); raises the StoreError that refuses it."""
    access = job.access
    scan_id = job.scan_id
    if getattr(access, "role", None) == "respondent" and scan_id is None:
        scan_id = access.scan_id
    row = None
    if isinstance(access, Access) and isinstance(scan_id, int) and access.code_id is not None:
        row = connection.execute(
            _CALLER, {"scan_id": scan_id, "code_id": access.code_id}
        ).one_or_none()
    if row is None or not _fast_path_allows(access, row, scan_id):
        return _slow_check(connection, job)
    if row.status != "open":
        raise ScanClosed()
    job.value = check_value(scan_rubric(row), job.criterion, job.value)
    job.scan_id = row.scan_id
    job.scan_rubric = (row.rubric_id, row.rubric_hash)
    respondent_id = row.respondent_id
    if respondent_id is None:  # a coordinator's first answer in this scan
        respondent_id = _create_own_row(connection, row.scan_id, access.code_id)
        return respondent_id, True
    return respondent_id, row.started_at is None


def _fast_path_allows(access, row, scan_id: int) -> bool:
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
    row, scan = own_row(connection, job.access, job.scan_id, create=True, lock=True)
    if scan.status != "open":
        raise ScanClosed()
    job.value = check_value(scan_rubric(scan), job.criterion, job.value)
    job.scan_id = scan.id
    job.scan_rubric = (scan.rubric_id, scan.rubric_hash)
    return row.id, row.started_at is None
