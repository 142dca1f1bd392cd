"""Retention, carried out: what goes how long after a scan closed.

``TSO_NOTES_RETENTION_YEARS`` (default 2) after the day a scan closed its evidence notes are
emptied; ``TSO_RETENTION_YEARS`` (default 5) after it its answers, its respondents and their
respondent codes are deleted (the notes with them). What the school and its board still need
stays: the scan, its summary (which now also keeps how often each value was given per criterion,
``removed_answers``), the agreed values with their notes, and the plan. The scan records the day of
each removal, so every screen can say "antwoorden verwijderd na 5 jaar".

A scan is due the day after the anniversary: closed on 1 March 2021, its answers go on
2 March 2026 with the default. ``purge`` runs from ``db upgrade``, once a day in every app process
(``purge_once_a_day``) and from ``admin purge``. Each run is one write transaction holding the setup
lock, so processes that run it at once take turns, and a second run finds nothing left to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import weakref
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, Engine, delete, distinct, func, select, update

from assessment.store import tables as T
from assessment.store._common import utctoday
from assessment.store.access import verify
from assessment.store.audit import delete_events_before
from assessment.store.audit_record import record
from assessment.store.engine import lock_for_setup, reading, writing
from assessment.store.errors import AccessDenied, InvalidInput
from assessment.store.info import Access
from assessment.store.removed_answers import counts_of_answers
from assessment.store.summaries import refresh as refresh_summary

ANSWERS_SETTING = "TSO_RETENTION_YEARS"
NOTES_SETTING = "TSO_NOTES_RETENTION_YEARS"
DEFAULT_ANSWER_YEARS = 5
DEFAULT_NOTE_YEARS = 2
MAX_YEARS = 100

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Retention:
    answer_years: int = DEFAULT_ANSWER_YEARS
    note_years: int = DEFAULT_NOTE_YEARS


@dataclass(frozen=True)
class Removal:
    """What one run removes (or, in a dry run, would remove) of one scan."""

    school: str
    scan_id: int
    label: str
    closed_on: dt.date
    what: Literal["notes", "answers"]  # "answers": answers, notes and respondents together
    years: int
    answers: int
    notes: int
    respondents: int


def retention_from_environment() -> Retention:
    """The two settings; a value that is no whole number of years from 1 to 100 is refused
    (a typo must not make data go sooner or later than the school decided)."""
    years = {}
    for name, default in (
        (ANSWERS_SETTING, DEFAULT_ANSWER_YEARS),
        (NOTES_SETTING, DEFAULT_NOTE_YEARS),
    ):
        raw = os.environ.get(name, "").strip()
        if not raw:
            years[name] = default
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_YEARS:
            raise InvalidInput("retention.errors.bad_setting", name=name, value=raw[:20])
        years[name] = int(raw)
    if years[NOTES_SETTING] > years[ANSWERS_SETTING]:
        raise InvalidInput(
            "retention.errors.notes_longer", notes=NOTES_SETTING, answers=ANSWERS_SETTING
        )
    return Retention(years[ANSWERS_SETTING], years[NOTES_SETTING])


def expires_on(closed_on: dt.date, years: int) -> dt.date:
    """The anniversary ``years`` after ``closed_on`` (29 February: 28 February); the data goes
    the day after."""
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:
        return closed_on.replace(year=closed_on.year + years, day=28)


def purge(
    engine: Engine,
    access: Access,
    *,
    retention: Retention | None = None,
    today: dt.date | None = None,
    dry_run: bool = False,
) -> list[Removal]:
    """Remove what is past its retention (admin); ``dry_run`` only lists it."""
    with reading(engine) as connection:
        verify(connection, access)
    if access.role != "admin":
        raise AccessDenied()
    retention = retention or retention_from_environment()
    today = today or utctoday()
    if dry_run:
        with reading(engine) as connection:
            return due(connection, retention, today)
    with writing(engine) as connection:
        lock_for_setup(connection)
        return remove_due(connection, retention, today)


_last_run: weakref.WeakKeyDictionary[Engine, dt.date] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def purge_once_a_day(engine: Engine) -> list[Removal]:
    """``purge`` at the first call of each day in this process; later calls that day return
    at once. A failure is logged and tried again at the next call."""
    today = utctoday()
    with _guard:
        if _last_run.get(engine) == today:
            return []
        _last_run[engine] = today
    try:
        retention = retention_from_environment()
    except InvalidInput:  # a typo must stop the purge, not the questionnaire; Privacy says so
        _log.error("retention settings refused: nothing is purged until they are corrected")
        return []
    try:
        with writing(engine) as connection:
            lock_for_setup(connection)
            removed = remove_due(connection, retention, today)
    except Exception:
        with _guard:
            _last_run.pop(engine, None)
        raise
    for removal in removed:
        _log.info("retention: %s of scan %s removed", removal.what, removal.scan_id)
    return removed


def due(connection: Connection, retention: Retention, today: dt.date) -> list[Removal]:
    """What is past its retention on ``today``, oldest scan first."""
    rows = connection.execute(
        select(T.scan, T.school.c.name.label("school_name"))
        .join(T.school, T.school.c.id == T.scan.c.school_id)
        .where(
            T.scan.c.status == "closed",
            T.scan.c.closed_at.is_not(None),
            T.scan.c.answers_removed_on.is_(None),
        )
        .order_by(T.scan.c.closed_at, T.scan.c.id)
    ).all()
    removals = []
    for scan in rows:
        closed_on = scan.closed_at.date()
        what: Literal["notes", "answers"]
        if expires_on(closed_on, retention.answer_years) < today:
            what, years = "answers", retention.answer_years
        elif scan.notes_removed_on is None and expires_on(closed_on, retention.note_years) < today:
            what, years = "notes", retention.note_years
        else:
            continue
        answers, notes, respondents = _counts(connection, scan.id)
        removals.append(
            Removal(
                scan.school_name,
                scan.id,
                scan.label,
                closed_on,
                what,
                years,
                answers,
                notes,
                respondents,
            )
        )
    return removals


def remove_due(connection: Connection, retention: Retention, today: dt.date) -> list[Removal]:
    """Carry the retention out: notes, answers and respondents of scans past it, and rows of
    the audit log older than ``answer_years``; the purge itself goes into the log."""
    removals = due(connection, retention, today)
    for removal in removals:
        if removal.what == "notes":
            _remove_notes(connection, removal.scan_id, today)
        else:
            _remove_answers(connection, removal.scan_id, today)
    cutoff = dt.datetime.combine(
        expires_on(today, -retention.answer_years), dt.time(), tzinfo=dt.UTC
    )
    events = delete_events_before(connection, cutoff)
    if removals or events:
        answers = [r for r in removals if r.what == "answers"]
        record(
            connection,
            None,
            "purge",
            detail={
                "scans": len(removals),
                "respondents": sum(r.respondents for r in answers),
                "answers": sum(r.answers for r in answers),
                "notes": sum(r.notes for r in removals),
                "events": events,
            },
        )
    return removals


def _counts(connection: Connection, scan_id: int) -> tuple[int, int, int]:
    answers, notes = connection.execute(
        select(func.count(), func.count().filter(T.answer.c.note != "")).where(
            T.answer.c.scan_id == scan_id
        )
    ).one()
    respondents = connection.execute(
        select(func.count()).where(T.respondent.c.scan_id == scan_id)
    ).scalar_one()
    return answers, notes, respondents


def _remove_notes(connection: Connection, scan_id: int, today: dt.date) -> None:
    connection.execute(
        update(T.answer).where(T.answer.c.scan_id == scan_id, T.answer.c.note != "").values(note="")
    )
    _remove_agreed_notes(connection, scan_id)
    connection.execute(update(T.scan).where(T.scan.c.id == scan_id).values(notes_removed_on=today))


def _remove_agreed_notes(connection: Connection, scan_id: int) -> None:
    """The notes with agreed values are notes too; the agreed values themselves stay."""
    connection.execute(
        update(T.consensus)
        .where(T.consensus.c.scan_id == scan_id, T.consensus.c.note != "")
        .values(note="")
    )


def _remove_answers(connection: Connection, scan_id: int, today: dt.date) -> None:
    """Keep the counts in the summary (scored anew from the answers first), then delete the
    answers, the respondents and their respondent codes."""
    scan = connection.execute(select(T.scan).where(T.scan.c.id == scan_id)).one()
    refresh_summary(connection, scan)
    counts = counts_of_answers(connection, scan_id)
    kept = connection.execute(
        update(T.scan_summary)
        .where(T.scan_summary.c.scan_id == scan_id)
        .values(answer_counts=counts)
    )
    if kept.rowcount == 0:  # no summary: a rubric this installation does not know
        answered = connection.execute(
            select(func.count(distinct(T.answer.c.respondent_id))).where(
                T.answer.c.scan_id == scan_id
            )
        ).scalar_one()
        submitted = connection.execute(
            select(func.count(T.respondent.c.submitted_at)).where(T.respondent.c.scan_id == scan_id)
        ).scalar_one()
        connection.execute(
            T.scan_summary.insert().values(
                scan_id=scan_id,
                school_id=scan.school_id,
                respondents=answered,
                submitted=submitted,
                closed_at=scan.closed_at,
                answer_counts=counts,
            )
        )
    connection.execute(delete(T.answer).where(T.answer.c.scan_id == scan_id))
    _remove_agreed_notes(connection, scan_id)
    connection.execute(delete(T.respondent).where(T.respondent.c.scan_id == scan_id))
    connection.execute(
        delete(T.access_code).where(
            T.access_code.c.scan_id == scan_id, T.access_code.c.role == "respondent"
        )
    )
    connection.execute(
        update(T.scan)
        .where(T.scan.c.id == scan_id)
        .values(
            answers_removed_on=today,
            notes_removed_on=func.coalesce(T.scan.c.notes_removed_on, today),
        )
    )
