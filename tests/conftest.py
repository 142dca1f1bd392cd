"""Shared fixtures: a store ``engine`` on SQLite and on PostgreSQL.

PostgreSQL comes from ``TSO_TEST_POSTGRES_URL`` (``scripts/test`` starts a server and sets it).
Without it, or when the server cannot be reached, the PostgreSQL tests skip with the reason; with
``CI=true`` that is a failure instead. Each test session works in its own schema, so test runs
started at the same time do not touch each other's tables.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from assessment.store import make_engine, upgrade
from assessment.store.tables import ALL_TABLES

POSTGRES_URL_VARIABLE = "TSO_TEST_POSTGRES_URL"


def postgres_unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{reason} (CI=true: the PostgreSQL tests must run; scripts/test starts a server)"
        )
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The URL of a fresh schema on the test server, migrated to the newest version."""
    base = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base:
        postgres_unavailable(
            f"{POSTGRES_URL_VARIABLE} is not set; run scripts/test, or "
            'eval "$(scripts/start-postgres)" first'
        )
    schema = f"test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_engine = make_engine(base)
    try:
        with admin_engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as error:
        admin_engine.dispose()
        shown = make_url(base).render_as_string(hide_password=True)
        postgres_unavailable(f"PostgreSQL at {shown} is unreachable: {error.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    url_text = url.render_as_string(hide_password=False)
    engine = make_engine(url_text)
    upgrade(engine)
    engine.dispose()
    yield url_text
    with admin_engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin_engine.dispose()


@pytest.fixture(scope="session")
def _postgres_engine(postgres_url):
    engine = make_engine(postgres_url)
    yield engine
    engine.dispose()


def empty_postgres(engine) -> None:
    names = ", ".join(table.name for table in ALL_TABLES)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    """A migrated, empty SQLite file that each test copies (quicker than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "store.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def engine(request, tmp_path):
    """An empty, migrated store database: a new SQLite file (a copy of one migrated with
    ``upgrade``), or the session's PostgreSQL schema with every table emptied."""
    if request.param == "sqlite":
        path = tmp_path / "store.sqlite"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
    else:
        engine = request.getfixturevalue("_postgres_engine")
        empty_postgres(engine)
        yield engine


@pytest.fixture
def database_url(engine) -> str:
    """The URL of ``engine``, for the command line (``TSO_DATABASE_URL``)."""
    return engine.url.render_as_string(hide_password=False)


# --- a summary of the store suite per engine, at the end of the run -----------------------------

STORE_GROUPS = (  # (what, a part of the test id)
    ("authorisation matrix", "test_authorisation.py::test_authorisation_matrix["),
    ("revoked and expired codes", "_code_opens_nothing["),
    ("concurrency (30 writers at once)", "tests/store/test_concurrency.py::"),
    ("export and import", "tests/store/test_transfer.py::"),
    ("command line", "tests/store/test_cli.py::"),
    ("demo", "tests/store/test_demo.py::"),
    ("all store tests", "tests/store/"),
)


def _engine_of(nodeid: str) -> str | None:
    """The engine parameter of a test id: its first parameter id (``[sqlite-...]``)."""
    if "[" not in nodeid:
        return None
    first = re.split(r"[-\]]", nodeid.split("[", 1)[1])[0]
    return first if first in ("sqlite", "postgresql") else None


def pytest_terminal_summary(terminalreporter):
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            engine = _engine_of(nodeid)
            if engine is None or (outcome == "passed" and report.when != "call"):
                continue
            for name, part in STORE_GROUPS:
                if part in nodeid:
                    tally = counts.setdefault((name, engine), {})
                    tally[outcome] = tally.get(outcome, 0) + 1
    if not counts:
        return
    terminalreporter.section("store suite per engine")
    terminalreporter.write_line(f"{'':34} {'sqlite':<28} {'postgresql':<28}")
    for name, _part in STORE_GROUPS:
        cells = []
        for engine in ("sqlite", "postgresql"):
            tally = counts.get((name, engine), {})
            cells.append(", ".join(f"{n} {o}" for o, n in tally.items()) or "-")
        terminalreporter.write_line(f"{name:34} {cells[0]:<28} {cells[1]:<28}")
