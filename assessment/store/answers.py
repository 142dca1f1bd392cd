"""Respondents, their answers, the team's agreed values, and a scan's data as scoring input."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Row, delete, select, update

from assessment.respondents import (
    answers_in_anonymous_order,
    notes_in_anonymous_order,
)
from assessment.rubric import Roles
from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import (
    answer_info,
    check_value,
    clean_text,
    decode_value,
    encode_value,
    get_scan_row,
    insert_for,
    respondent_info,
    role_columns,
    scan_info,
    scan_rubric,
    utcnow,
    utctoday,
)
from assessment.store.access import school_content, school_write, verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import Conflict, InvalidInput, ScanClosed
from assessment.store.info import Access, AgreedInfo, AnswerInfo, RespondentInfo, ScanData
from assessment.store.interim_criteria import check_asked
from assessment.store.removed_answers import kept_answers
from assessment.store.respondent_row import own_row
from assessment.store.scan_lock import hold_scan
from assessment.store.summaries import refresh as refresh_summary


def _open(scan: Row[Any]) -> None:
    if scan.status != "open":
        raise ScanClosed()


def start_respondent(
    engine: Engine, access: Access, roles: Roles, scan_id: int | None = None
) -> RespondentInfo:
    """Begin (or resume) filling in: records the optional roles (one or several, the first
    counts in every breakdown by role) and the start time."""
    columns = role_columns(roles)
    with writing(engine) as connection:
        verify(connection, access)
        row, scan = own_row(connection, access, scan_id, create=True, lock=True)
        _open(scan)
        values: dict[str, Any] = dict(columns)
        if row.started_at is None:
            values["started_at"] = utctoday()
        connection.execute(update(T.respondent).where(T.respondent.c.id == row.id).values(**values))
        return respondent_info(
            connection.execute(select(T.respondent).where(T.respondent.c.id == row.id)).one()
        )


def my_respondent(
    engine: Engine, access: Access, scan_id: int | None = None
) -> RespondentInfo | None:
    with reading(engine) as connection:
        verify(connection, access)
        row, _scan = own_row(connection, access, scan_id)
        return None if row is None else respondent_info(row)


def clear_answer(
    engine: Engine, access: Access, criterion: str, scan_id: int | None = None
) -> None:
    with writing(engine) as connection:
        verify(connection, access)
        row, scan = own_row(connection, access, scan_id, lock=True)
        _open(scan)
        if row is not None:
            connection.execute(
                delete(T.answer).where(
                    T.answer.c.respondent_id == row.id, T.answer.c.criterion == criterion
                )
            )


def my_answers(engine: Engine, access: Access, scan_id: int | None = None) -> dict[str, AnswerInfo]:
    with reading(engine) as connection:
        verify(connection, access)
        row, _scan = own_row(connection, access, scan_id)
        if row is None:
            return {}
        rows = connection.execute(
            select(T.answer)
            .where(T.answer.c.respondent_id == row.id)
            .order_by(T.answer.c.criterion)
        )
        return {answer.criterion: answer_info(answer) for answer in rows}


def submit(engine: Engine, access: Access, scan_id: int | None = None) -> RespondentInfo:
    """Mark the caller's answers as submitted. Answers stay changeable until the scan closes.
    Submitting without a single answer is refused."""
    with writing(engine) as connection:
        verify(connection, access)
        row, scan = own_row(connection, access, scan_id, create=True, lock=True)
        _open(scan)
        first_answer = (
            select(T.answer.c.criterion).where(T.answer.c.respondent_id == row.id).limit(1)
        )
        if connection.execute(first_answer).first() is None:
            raise InvalidInput("store.errors.nothing_to_submit")
        today = utctoday()
        values: dict[str, Any] = {"submitted_at": today}
        if row.started_at is None:
            values["started_at"] = today
        connection.execute(update(T.respondent).where(T.respondent.c.id == row.id).values(**values))
        return respondent_info(
            connection.execute(select(T.respondent).where(T.respondent.c.id == row.id)).one()
        )


# --- the scan as a whole ----------------------------------------------------------------------


def scan_data(engine: Engine, access: Access, scan_id: int) -> ScanData:
    """Every answer, agreed value and evidence note of a scan: coordinator and trainer of the
    school (and admin). A board sees aggregates only, through ``board_overview``.

    A criterion's answers come sorted by value and its notes by text, never in the order of the
    respondents: their order is that of the codes, and whoever handed those out would otherwise
    know whose answer and note is whose. Every consumer (pages, PDF, exports) is safe that way."""
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_content(access, scan.school_id)
        answers: dict[str, list[AnswerValue]] = {}
        notes: dict[str, list[str]] = {}
        rows = connection.execute(
            select(T.answer.c.criterion, T.answer.c.kind, T.answer.c.score, T.answer.c.note)
            .where(T.answer.c.scan_id == scan_id)
            .order_by(T.answer.c.criterion)
        )
        for row in rows:
            answers.setdefault(row.criterion, []).append(decode_value(row.kind, row.score))
            if row.note.strip():
                notes.setdefault(row.criterion, []).append(row.note)
        kept = kept_answers(connection, scan)
        if kept is not None:  # the retention removed the answers: their counts stand in
            answers = kept.answers()
        answers = {c: answers_in_anonymous_order(values) for c, values in answers.items()}
        notes = {c: notes_in_anonymous_order(texts) for c, texts in notes.items()}
        agreed: dict[str, AnswerValue] = {}
        agreed_notes: dict[str, str] = {}
        agreed_versions: dict[str, int] = {}
        for row in connection.execute(
            select(T.consensus).where(T.consensus.c.scan_id == scan_id).order_by(T.consensus.c.id)
        ):
            agreed[row.criterion] = decode_value(row.kind, row.score)
            agreed_versions[row.criterion] = row.version
            if row.note:
                agreed_notes[row.criterion] = row.note
        respondents = [
            respondent_info(row)
            for row in connection.execute(
                select(T.respondent)
                .where(T.respondent.c.scan_id == scan_id, T.respondent.c.started_at.is_not(None))
                .order_by(T.respondent.c.id)
            )
        ]
        return ScanData(
            scan=scan_info(scan),
            answers=answers,
            agreed=agreed,
            agreed_notes=agreed_notes,
            agreed_versions=agreed_versions,
            notes=notes,
            respondents=respondents,
            removed_respondents=0 if kept is None else kept.respondents,
            removed_submitted=0 if kept is None else kept.submitted,
        )


def set_agreed(
    engine: Engine,
    access: Access,
    scan_id: int,
    criterion: str,
    value: AnswerValue,
    note: str = "",
    *,
    version: int,
) -> AgreedInfo:
    """The team's agreed value for one criterion (coordinator); kept beside the spread.
    ``version`` is the version of the agreed value the caller saw, 0 when there was none; when
    it changed meanwhile (or was set or cleared) nothing is saved: ``Conflict`` says what it is now."""
    note = clean_text(note, T.NOTE_LENGTH)
    with writing(engine) as connection:
        verify(connection, access)
        scan = _held_scan(connection, access, scan_id)
        value = check_value(scan_rubric(scan), criterion, value)
        check_asked(connection, scan.id, scan.kind, criterion)
        kind, score = encode_value(value)
        now = utcnow()
        values = {"kind": kind, "score": score, "note": note, "decided_at": now}
        if version == 0:
            first = (
                insert_for(connection, T.consensus)
                .values(scan_id=scan_id, criterion=criterion, **values)
                .on_conflict_do_nothing(index_elements=["scan_id", "criterion"])
            )
            stored = connection.execute(first.returning(T.consensus.c.id)).first()
        else:
            change = (
                update(T.consensus)
                .where(*_agreed_row(scan_id, criterion), T.consensus.c.version == version)
                .values(**values, version=T.consensus.c.version + 1)
            )
            stored = connection.execute(change.returning(T.consensus.c.id)).first()
        if stored is None:
            raise _agreed_conflict(connection, scan_id, criterion)
        _agreed_changed(connection, scan)
        _record_agreed(connection, access, scan, criterion, "agreed_set")
        row = connection.execute(select(T.consensus).where(*_agreed_row(scan_id, criterion))).one()
        return _agreed_info(row)


def clear_agreed(
    engine: Engine, access: Access, scan_id: int, criterion: str, *, version: int
) -> None:
    """Remove the agreed value the caller saw (``version``); one changed meanwhile is kept and
    ``Conflict`` says what it is. One that is gone already is no conflict."""
    with writing(engine) as connection:
        verify(connection, access)
        scan = _held_scan(connection, access, scan_id)
        deleted = connection.execute(
            delete(T.consensus)
            .where(*_agreed_row(scan_id, criterion), T.consensus.c.version == version)
            .returning(T.consensus.c.id)
        ).first()
        if deleted is None:
            conflict = _agreed_conflict(connection, scan_id, criterion)
            if conflict.current[criterion] is not None:
                raise conflict
        else:
            _agreed_changed(connection, scan)
            _record_agreed(connection, access, scan, criterion, "agreed_cleared")


def _held_scan(connection: Connection, access: Access, scan_id: int) -> Row[Any]:
    """The scan row, read after its lock is held exclusively: a close waits for the change of an
    agreed value, a change that waited for a close sees it closed, and two changes to a closed
    scan refresh its summary one after the other, so the summary holds what is stored."""
    school_write(access, get_scan_row(connection, scan_id).school_id)
    hold_scan(connection, scan_id, exclusive=True)
    return get_scan_row(connection, scan_id)


def _agreed_changed(connection: Connection, scan: Row[Any]) -> None:
    """An agreed value decides an item's value, so a closed scan's summary follows it."""
    if scan.status == "closed":
        refresh_summary(connection, scan)


def _record_agreed(
    connection: Connection, access: Access, scan: Row[Any], criterion: str, action: str
) -> None:
    """Which criterion, never the value or the note."""
    record(
        connection,
        access,
        action,
        school_id=scan.school_id,
        scan_id=scan.id,
        detail={"criterion": criterion},
    )


def _agreed_row(scan_id: int, criterion: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return T.consensus.c.scan_id == scan_id, T.consensus.c.criterion == criterion


def _agreed_info(row: Row[Any]) -> AgreedInfo:
    return AgreedInfo(
        criterion=row.criterion,
        value=decode_value(row.kind, row.score),
        note=row.note,
        decided_at=row.decided_at,
        version=row.version,
    )


def _agreed_conflict(connection: Connection, scan_id: int, criterion: str) -> Conflict:
    row = connection.execute(
        select(T.consensus).where(*_agreed_row(scan_id, criterion))
    ).one_or_none()
    current = None if row is None else _agreed_info(row)
    return Conflict(
        "store.errors.agreed_changed", current={criterion: current}, criterion=criterion
    )
