"""A save is its own fate: one respondent's bad input never fails another's save.

On SQLite saves that arrive together share one transaction (group commit). A note with a lone
surrogate once failed that whole transaction: 493 of 580 honest saves were lost. Here 30
respondents save at the same moment, one of them with bad input, and every honest save must land.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from assessment import store
from assessment.store.tables import answer
from tests.store.test_concurrency import count, open_scan_with_respondents, run_at_once

WRITERS = 30
BAD = 7  # the writer that sends bad input


def save_everything(engine, respondents, criteria, bad_note: str) -> list[object]:
    """Each writer saves every criterion; writer BAD with ``bad_note``. Returns per writer the
    list of errors it got."""

    def work(writer: int) -> list[BaseException]:
        errors = []
        for criterion in criteria:
            note = bad_note if writer == BAD else f"bewijs {writer} {criterion}"
            try:
                store.save_answer(engine, respondents[writer], criterion, 2, note)
            except store.StoreError as error:
                errors.append(error)
        return errors

    return run_at_once(WRITERS, work)


def test_a_lone_surrogate_fails_only_its_own_saves(engine, mini, admin):
    _, scan, respondents = open_scan_with_respondents(engine, mini, WRITERS)
    criteria = [c.id for c in mini.criteria]

    errors = save_everything(engine, respondents, criteria, "kapot \ud800 teken")

    assert [len(e) for i, e in enumerate(errors) if i != BAD] == [0] * (WRITERS - 1)
    assert {error.key for error in errors[BAD]} == {"store.errors.invalid_unicode"}
    assert len(errors[BAD]) == len(criteria)
    honest = (WRITERS - 1) * len(criteria)
    assert count(engine, answer, answer.c.scan_id == scan.id) == honest
    data = store.scan_data(engine, admin, scan.id)
    assert sum(len(notes) for notes in data.notes.values()) == honest


@pytest.fixture
def refusing_trigger(engine):
    """A database rule that refuses one particular note: a fault in the database itself, which
    no input check in the app foresees."""
    if engine.dialect.name == "sqlite":
        create = [
            "CREATE TRIGGER refuse_note BEFORE INSERT ON answer WHEN NEW.note = 'weiger' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        ]
        drop = ["DROP TRIGGER refuse_note"]
    else:
        create = [
            "CREATE FUNCTION refuse_note() RETURNS trigger AS $$ BEGIN "
            "IF NEW.note = 'weiger' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; "
            "END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_note BEFORE INSERT ON answer "
            "FOR EACH ROW EXECUTE FUNCTION refuse_note()",
        ]
        drop = ["DROP TRIGGER refuse_note ON answer", "DROP FUNCTION refuse_note()"]
    with engine.begin() as connection:
        for statement in create:
            connection.execute(text(statement))
    yield
    with engine.begin() as connection:
        for statement in drop:
            connection.execute(text(statement))


def test_a_save_the_database_refuses_fails_only_itself(engine, mini, refusing_trigger):
    _, scan, respondents = open_scan_with_respondents(engine, mini, WRITERS)
    criteria = [c.id for c in mini.criteria]

    errors = save_everything(engine, respondents, criteria, "weiger")

    assert [len(e) for i, e in enumerate(errors) if i != BAD] == [0] * (WRITERS - 1)
    assert len(errors[BAD]) == len(criteria)
    assert all(isinstance(error, store.DatabaseFault) for error in errors[BAD])
    assert count(engine, answer, answer.c.scan_id == scan.id) == (WRITERS - 1) * len(criteria)
