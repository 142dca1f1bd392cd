"""No code of ours opens the SQLite file behind the driver's back.

On POSIX, closing any descriptor of a file drops every lock the process holds on it, also those
SQLite holds through its own descriptor. Another process (a command beside the app) then sees no
other user, checkpoints and deletes the WAL under the running app, and writes the app already
acknowledged are lost. So only SQLite itself may open the database file and its ``-wal``,
``-shm`` and ``-journal``: every ``os.open`` and ``open`` of Python is watched here while the
engine, its pool, the migrations, the services and every command that touches the database run.
"""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from assessment import store
from assessment.cli import main
from assessment.store.engine import alembic_config, current_revision, writing
from tests.factories import make_scan, make_school
from tests.helpers import MINI_RUBRIC
from tests.store.test_engine import HEAD


@pytest.fixture
def database(tmp_path, monkeypatch, mini):
    """(path of a SQLite file that does not exist yet, the list of our opens of it)."""
    path = tmp_path / "tso.sqlite"
    watched = {os.path.realpath(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}
    opened: list[str] = []
    real_os_open, real_io_open = os.open, io.open

    def note(name, how: str) -> None:
        path_like = isinstance(name, (str, bytes, os.PathLike))
        if path_like and os.path.realpath(os.fsdecode(name)) in watched:
            opened.append(f"{how}({os.fsdecode(name)})")

    def watched_os_open(name, *args, **kwargs):
        note(name, "os.open")
        return real_os_open(name, *args, **kwargs)

    def watched_open(name, *args, **kwargs):
        note(name, "open")
        return real_io_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", watched_os_open)
    monkeypatch.setattr(io, "open", watched_open)  # Path.open and friends
    monkeypatch.setattr(builtins, "open", watched_open)
    monkeypatch.setenv("TSO_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("TSO_RUBRIC_DIR", str(MINI_RUBRIC))
    return path, opened


def test_engine_pool_migrations_and_services_leave_the_file_to_sqlite(database, mini):
    path, opened = database
    engine = store.make_engine()  # the file does not exist yet: a connection first opened
    store.upgrade(engine)  # before it is replaced once it is writable
    connections = [engine.connect() for _ in range(5)]  # five pool connections at once
    for connection in connections:
        connection.close()
    school = make_school(engine, name="OBS De Regenboog", board="Stichting Samen Leren")
    scan = make_scan(engine, school, label="2025-2026", rubric=mini, respondents=1)
    store.save_answer(engine, scan.respondents[0].access, "a-v1", 2, "bewijs")
    store.close_scan(engine, school.coordinator, scan.id)
    engine.dispose()
    assert path.is_file()
    assert opened == []


def test_every_command_that_touches_the_database_leaves_the_file_to_sqlite(
    database, tmp_path, capsys, mini
):
    path, opened = database

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(list(args))
        return code, capsys.readouterr().out

    assert run("db", "upgrade")[0] == 0
    assert run("admin", "create-board", "Stichting Samen Leren")[0] == 0
    assert run("admin", "create-school", "--board", "1", "OBS De Regenboog")[0] == 0
    secret = run("admin", "issue-code", "--role", "coordinator", "--school", "1")[1].splitlines()[1]
    engine = store.make_engine()
    coordinator = store.resolve_code(engine, secret)
    scan = store.open_scan(engine, coordinator, 1, "2025-2026", mini)
    closed = store.open_scan(engine, coordinator, 1, "2024-2025", mini)
    store.close_scan(engine, coordinator, closed.id)
    engine.dispose()
    assert run("admin", "issue-code", "--role", "respondent", "--scan", str(scan.id))[0] == 0
    assert run("admin", "issue-code", "--role", "respondent", "--scan", str(closed.id))[0] == 2
    assert run("admin", "revoke-code", "1")[0] == 0
    assert run("admin", "list")[0] == 0
    exported = tmp_path / "school.json"
    assert run("export", "--school", "1", "-o", str(exported))[0] == 0
    pdf = tmp_path / "plan.pdf"
    assert run("report", "--scan", str(closed.id), "-o", str(pdf))[0] == 0
    assert run("demo", "--rubric", str(MINI_RUBRIC))[0] == 0
    assert Path(path).is_file() and pdf.is_file()
    assert opened == []


def test_an_older_file_that_the_app_uses_is_not_migrated_until_the_app_stops(
    database, capsys, mini
):
    path, opened = database
    engine = store.make_engine()
    config = alembic_config()
    with writing(engine) as connection:  # the schema of an older version of the app
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    engine.dispose()
    app = sqlite3.connect(path)  # the app, with the file open
    app.execute("SELECT count(*) FROM scan").fetchone()

    assert main(["db", "upgrade"]) == 2
    assert capsys.readouterr().err.strip() == (
        "De database is nog in gebruik, bijvoorbeeld door de app. Een database bijwerken naar "
        "een nieuwe versie kan alleen als niets anders hem gebruikt: stop de app en probeer het "
        "daarna opnieuw."
    )
    assert main(["admin", "list"]) == 2  # every command would upgrade first
    assert current_revision(engine) == "0006"
    engine.dispose()  # the test's own look is a user too

    app.close()
    assert main(["db", "upgrade"]) == 0
    assert current_revision(engine) == HEAD
    app = sqlite3.connect(path)  # once up to date, the commands run beside the app
    app.execute("SELECT count(*) FROM scan").fetchone()
    assert main(["db", "upgrade"]) == 0
    assert main(["admin", "create-board", "Stichting Naast De App"]) == 0
    app.close()
    engine.dispose()
    assert opened == []
