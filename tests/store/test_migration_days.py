"""Migration 0008 on a database of migration 0006 that holds times: respondents and answers keep
their day and lose their time, answers lose their id, everything else stays."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from assessment import store
from assessment.store.engine import alembic_config, current_revision, reading, writing
from tests.store.test_engine import HEAD

ROWS = [
    "INSERT INTO board (name, created_at) VALUES ('Stichting', '2025-01-06 08:00:00')",
    "INSERT INTO school (board_id, name, share_with_board, is_demo, created_at)"
    " VALUES (1, 'OBS', true, false, '2025-01-06 08:01:00')",
    "INSERT INTO scan (school_id, label, rubric_id, rubric_version, rubric_hash, status,"
    " created_at, closed_at) VALUES (1, '2024-2025', 'mini', '1', 'h', 'closed',"
    " '2025-01-06 09:00:00', '2025-03-01 16:00:00')",
    "INSERT INTO respondent (scan_id, role, started_at, submitted_at) VALUES"
    " (1, 'leerkracht', '2025-02-02 21:47:03.123456', '2025-02-03 23:59:59.999999'),"
    " (1, 'directie', '2025-02-02 07:15:00', NULL),"
    " (1, NULL, NULL, NULL)",
    "INSERT INTO answer (respondent_id, scan_id, criterion, kind, score, note, updated_at) VALUES"
    " (1, 1, 'a-v1', 'score', 2, 'bewijs', '2025-02-02 21:48:00.5'),"
    " (1, 1, 'a-v2', 'dk', NULL, '', '2025-02-03 00:00:01'),"
    " (2, 1, 'a-v1', 'score', 0, '', '2025-02-02 07:16:00')",
    "INSERT INTO consensus (scan_id, criterion, kind, score, note, decided_at, version)"
    " VALUES (1, 'a-v1', 'score', 1, 'besproken', '2025-02-20 15:30:00', 4)",
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def at_0006(request, tmp_path) -> Iterator[Engine]:
    """A database migrated to 0006 and filled with rows that carry times."""
    if request.param == "sqlite":
        engine = store.make_engine(f"sqlite:///{tmp_path}/old.sqlite")
        cleanup = engine.dispose
    else:
        base_url = request.getfixturevalue("postgres_url")
        schema = f"days_{uuid.uuid4().hex[:8]}"
        base = store.make_engine(base_url)
        with base.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
        engine = store.make_engine(url.render_as_string(hide_password=False))

        def cleanup() -> None:
            engine.dispose()
            with base.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            base.dispose()

    config = alembic_config()
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    with writing(engine) as connection:
        for statement in ROWS:
            connection.execute(text(statement))
    yield engine
    cleanup()


def test_the_upgrade_keeps_the_day_of_every_respondent_and_answer_and_no_time(at_0006):
    store.upgrade(at_0006)
    assert current_revision(at_0006) == HEAD  # through 0008, and every migration after it
    day = dt.date
    with reading(at_0006) as connection:
        respondents = connection.execute(
            text("SELECT id, role, started_at, submitted_at FROM respondent ORDER BY id")
        ).all()
        answers = connection.execute(
            text(
                "SELECT respondent_id, criterion, kind, score, note, updated_at FROM answer"
                " ORDER BY respondent_id, criterion"
            )
        ).all()
        columns = connection.execute(text("SELECT * FROM answer")).keys()
        agreed = connection.execute(text("SELECT decided_at, version FROM consensus")).one()
    as_days = [(r[0], r[1], _day(r[2]), _day(r[3])) for r in respondents]
    assert as_days == [
        (1, "leerkracht", day(2025, 2, 2), day(2025, 2, 3)),
        (2, "directie", day(2025, 2, 2), None),
        (3, None, None, None),
    ]
    assert [(*a[:5], _day(a[5])) for a in answers] == [
        (1, "a-v1", "score", 2, "bewijs", day(2025, 2, 2)),
        (1, "a-v2", "dk", None, "", day(2025, 2, 3)),
        (2, "a-v1", "score", 0, "", day(2025, 2, 2)),
    ]
    assert "id" not in list(columns)
    # A team's agreed value is no respondent's: it keeps its time and its version.
    assert (_moment(agreed[0]), agreed[1]) == (dt.datetime(2025, 2, 20, 15, 30), 4)


def test_after_the_upgrade_answers_are_saved_as_days(at_0006, mini):
    store.upgrade(at_0006)
    admin = store.admin_access()
    coordinator = store.resolve_code(
        at_0006, store.issue_code(at_0006, admin, "coordinator", school_id=1).code
    )
    scan = store.open_scan(at_0006, coordinator, 1, "2025-2026", mini)
    code = store.resolve_code(
        at_0006, store.issue_code(at_0006, coordinator, "respondent", scan_id=scan.id).code
    )
    store.start_respondent(at_0006, code, "leerkracht")
    saved = store.save_answer(at_0006, code, "a-v1", 3, note="nu")
    store.submit(at_0006, code)
    me = store.my_respondent(at_0006, code)
    assert type(saved.updated_at) is dt.date
    assert type(me.started_at) is dt.date and type(me.submitted_at) is dt.date


def _day(value) -> dt.date | None:
    """A DATE as the driver returns it (SQLite: text)."""
    if value is None or isinstance(value, dt.date):
        return value
    assert len(value) == 10, value  # no time left in the text
    return dt.date.fromisoformat(value)


def _moment(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
