"""Saving one answer on PostgreSQL in one round trip: the code check and the upsert in one statement.

The statement checks the caller's code (exists, this role and school, not revoked, not expired),
its respondent row and the scan (open, of the rubric the value was checked against), and writes
the answer only when all hold. It runs outside an explicit transaction (one statement is atomic
on PostgreSQL), so a save is one round trip: no BEGIN, no COMMIT, no ping (see ``engine.py``).
It is sent on the pool's driver connection as a prepared statement: the few lines of Python
around it are most of what a save costs the app, and thirty at once share one interpreter.

The code row is the only row the statement locks (``FOR SHARE``): a revocation waits for a save
in flight, and a save that meets a revocation committed first is refused. The scan's status is
read after that lock, anew (``tso_scan_open_now``, migration 0013), and a close locks the code
rows of the scan's respondents (``scan_lock.hold_codes``): so a close waits for the saves in
flight, and a save that waited for a close reads it closed. No save locks a row or lock another
save needs, so thirty saves at once do not queue on each other. Whatever the statement does not
write (a refused code, a closed scan, a coordinator's first answer, a scan this process has not
yet seen) goes the general way of ``saving.py``, which says why.

A tussenmeting's answer is written only to a criterion it asks (``scan_criterion``); any other
goes the general way, which refuses it. The criterion and value are checked before the statement against the scan's rubric, remembered
per scan; the statement compares the scan's rubric hash, so a stale memory only means the
general way. Which respondent roles may answer the criterion (``may_answer``) is decided here
too and passed as a list: the statement writes only for a respondent with one of them.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import check_value, encode_value, may_answer, utcnow
from assessment.store.engine import database_faults
from assessment.store.errors import InvalidInput
from assessment.store.info import Access, AnswerInfo
from assessment.store.rubrics import rubric_for

if TYPE_CHECKING:
    import psycopg

_SAVE = f"""
WITH locked AS MATERIALIZED (
    SELECT r.id AS respondent_id, r.started_at IS NULL AS first
    FROM {T.access_code.name} c
    JOIN {T.scan.name} s ON s.id = %(scan_id)s
    JOIN {T.respondent.name} r ON r.scan_id = s.id AND r.code_id = c.id
    WHERE c.id = %(code_id)s
      AND c.role = %(role)s
      AND c.revoked_at IS NULL
      AND (c.expires_at IS NULL OR c.expires_at > %(now)s)
      AND c.school_id = %(school_id)s
      AND s.school_id = c.school_id
      AND s.rubric_id = %(rubric_id)s AND s.rubric_hash = %(rubric_hash)s
      AND (s.kind = 'jaarscan' OR EXISTS (
        SELECT 1 FROM {T.scan_criterion.name} q
        WHERE q.scan_id = s.id AND q.criterion = %(criterion)s))
      AND (
        (c.role = 'respondent' AND c.scan_id = s.id AND r.id = %(respondent_id)s)
        OR (c.role = 'coordinator' AND c.scan_id IS NULL)
      )
      AND (CASE WHEN r.role IS NULL THEN %(roleless)s
           ELSE r.role = ANY(%(roles)s) OR string_to_array(r.other_roles, ',') && %(roles)s END)
    FOR SHARE OF c
), ok AS MATERIALIZED (
    -- after the code row's lock: a close that held it has committed, and this reads it
    SELECT respondent_id, first FROM locked WHERE tso_scan_open_now(%(scan_id)s)
), saved AS (
    INSERT INTO {T.answer.name} (respondent_id, scan_id, criterion, kind, score, note, updated_at)
    SELECT respondent_id, %(scan_id)s, %(criterion)s, %(kind)s, %(score)s,
        coalesce(%(note)s, ''), %(today)s
    FROM ok
    ON CONFLICT (respondent_id, criterion) DO UPDATE SET
        kind = EXCLUDED.kind, score = EXCLUDED.score,
        note = coalesce(%(note)s, {T.answer.name}.note),
        updated_at = EXCLUDED.updated_at
    RETURNING note
), started AS (
    UPDATE {T.respondent.name} SET started_at = %(today)s
    FROM ok
    WHERE {T.respondent.name}.id = ok.respondent_id AND ok.first
      AND {T.respondent.name}.started_at IS NULL
)
SELECT note FROM saved
"""

_scan_rubrics: weakref.WeakKeyDictionary[Engine, dict[int, tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)
_guard = threading.Lock()


def remember_scan_rubric(engine: Engine, scan_id: int, rubric_id: str, rubric_hash: str) -> None:
    """What the general way learned: the rubric (id, hash) of a scan, for the next saves."""
    with _guard:
        _scan_rubrics.setdefault(engine, {})[scan_id] = (rubric_id, rubric_hash)


def _known_rubric(engine: Engine, scan_id: int) -> tuple[Rubric, tuple[str, str]] | None:
    with _guard:
        known = _scan_rubrics.get(engine, {}).get(scan_id)
    if known is None:
        return None
    rubric = rubric_for(*known)
    return None if rubric is None else (rubric, known)


def try_save(
    engine: Engine,
    access: Access,
    criterion: str,
    value: AnswerValue,
    note: str | None,
    scan_id: int | None,
) -> AnswerInfo | None:
    """The AnswerInfo of a save written in one statement, or None when the general way must
    decide (and write or refuse), also for a value the remembered rubric refuses. ``note``
    None leaves the saved note; the AnswerInfo holds the note as stored."""
    if not isinstance(access, Access) or access.code_id is None:
        return None
    if access.role == "respondent":
        if scan_id is None:
            scan_id = access.scan_id
        if scan_id != access.scan_id or access.respondent_id is None:
            return None
    elif access.role != "coordinator":
        return None
    if not isinstance(scan_id, int) or isinstance(scan_id, bool):
        return None
    known = _known_rubric(engine, scan_id)
    if known is None:
        return None
    rubric, (rubric_id, rubric_hash) = known
    try:
        value = check_value(rubric, criterion, value)
    except InvalidInput:  # the general way decides, with the scan's own rubric read anew
        return None
    kind, score = encode_value(value)
    now = utcnow()
    asked = rubric.criterion(criterion)
    parameters = {
        "roles": [role for role in RESPONDENT_ROLES if may_answer(asked, role)],
        "roleless": may_answer(asked, None),
        "scan_id": scan_id,
        "code_id": access.code_id,
        "role": access.role,
        "school_id": access.school_id,
        "respondent_id": access.respondent_id,
        "rubric_id": rubric_id,
        "rubric_hash": rubric_hash,
        "criterion": criterion,
        "kind": kind,
        "score": score,
        "note": note,
        "now": now.replace(tzinfo=None),  # the code's expiry is naive UTC (tables.UTCDateTime)
        "today": now.date(),  # what is stored of the answer's time: its day
    }
    stored = _execute(engine, parameters)
    return None if stored is None else AnswerInfo(criterion, value, stored, now.date())


def _execute(engine: Engine, parameters: dict[str, Any]) -> str | None:
    """The note as stored, or None when the statement wrote nothing."""
    # A connection the server dropped (a restart) fails once and empties the pool; the statement
    # is atomic and the upsert idempotent, so it is sent once more on a fresh connection.
    with database_faults():
        try:
            return _once(engine, parameters)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            return _once(engine, parameters)


def _once(engine: Engine, parameters: dict[str, Any]) -> str | None:
    """The statement on a pooled connection, in autocommit; a driver error as SQLAlchemy's
    (``database_faults`` describes it), a dropped connection thrown away with it."""
    pooled = engine.raw_connection()
    try:
        driver = cast("psycopg.Connection[tuple[Any, ...]]", pooled.driver_connection)
        try:
            driver.autocommit = True
            try:
                row = driver.execute(_SAVE, parameters, prepare=True).fetchone()
            finally:
                if not driver.closed:
                    driver.autocommit = False
        except engine.dialect.loaded_dbapi.Error as error:
            dropped = engine.dialect.is_disconnect(error, pooled, None)
            if dropped:
                pooled.invalidate()
            raise DBAPIError.instance(
                None,
                None,
                error,
                engine.dialect.loaded_dbapi.Error,
                hide_parameters=True,
                connection_invalidated=dropped,
                dialect=engine.dialect,
            ) from None
    finally:
        pooled.close()
    return None if row is None else row[0]
