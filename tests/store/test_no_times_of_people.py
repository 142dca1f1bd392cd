"""Nothing stored about a respondent or an answer orders people in time within a day.

After a whole scan (codes, answers, notes, a coordinator answering too, submits, closing) every
column of every table is read. A value with a time of day is allowed only in the tables that
record what the coordinator, trainer, board or admin did (their codes, sessions, scans, agreed
values, plans, summaries): a new table must be placed in one list or the other.

Ids, reasoned out: an answer has no id (an increasing one would say whose answer was saved
first). A respondent's id is made when the coordinator issues the code, so it orders codes
("Collega 1, 2, ..."), which the coordinator handed out himself, not what anyone did with them;
only a coordinator who answers gets his row at his first answer. The test checks that the answer
table holds no increasing number.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, select

from assessment import store
from assessment.store.tables import ALL_TABLES

ABOUT_RESPONDENTS = {"respondent", "answer"}
ABOUT_STAFF = {
    "board",
    "school",
    "scan",
    "access_code",  # issued and revoked by the coordinator or admin
    "session",
    "session_code",
    "consensus",
    "action",
    "scan_summary",
    "summary_basis",  # the answers a board last saw, per criterion; the scan's close time
    "audit_event",  # what coordinators, trainers, boards and the operator did; no respondent
    "code_attempt",  # wrong codes per hashed session or address, for an hour
    "scan_criterion",  # the criteria a tussenmeting asks, fixed when the coordinator opens it
}


def _finer_than_a_day(value) -> bool:
    if isinstance(value, dt.datetime):
        return value.time() != dt.time(0, 0)
    if isinstance(value, str) and len(value) > 10:  # a time kept as text
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return False
        return moment.time() != dt.time(0, 0)
    return False


def test_every_table_is_known_to_be_about_respondents_or_about_staff():
    assert {t.name for t in ALL_TABLES} == ABOUT_RESPONDENTS | ABOUT_STAFF


def test_no_value_about_a_respondent_or_an_answer_has_a_time_of_day(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    respondent = world.access["respondent"]
    for criterion, value in (("a-v1", 3), ("b-v1", 2), ("a-b2", "dk")):  # saves after the first
        store.save_answer(engine, respondent, criterion, value)
    store.save_note(engine, respondent, "a-v1", "nog een bewijs")
    store.submit(engine, respondent)
    store.save_answer(engine, coordinator, "a-v1", 1, note="zelf", scan_id=world.scan.id)
    store.submit(engine, coordinator, scan_id=world.scan.id)
    store.close_scan(engine, coordinator, world.scan.id)

    found: list[str] = []
    seen_rows = 0
    with engine.connect() as connection:
        for table in ALL_TABLES:
            for row in connection.execute(select(table)):
                seen_rows += table.name in ABOUT_RESPONDENTS
                for column, value in row._mapping.items():
                    if _finer_than_a_day(value) and table.name not in ABOUT_STAFF:
                        found.append(f"{table.name}.{column} = {value}")
    assert seen_rows >= 10  # respondents and answers were there to be read
    assert found == []


def test_the_answer_table_holds_no_increasing_number():
    from assessment.store.tables import answer

    numbers = [c.name for c in answer.columns if isinstance(c.type, Integer)]
    assert numbers == ["respondent_id", "scan_id", "score"]
    assert answer.dialect_options["sqlite"]["with_rowid"] is False
