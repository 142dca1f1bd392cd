"""The engine, transactions and migrations on both databases."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from assessment import store
from assessment.store.engine import current_revision, reading, writing
from assessment.store.tables import metadata
from tests.helpers import ROOT

HEAD = "0014"  # the newest migration


def test_the_migrations_create_exactly_the_tables_of_the_code(engine):
    with reading(engine) as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    assert current_revision(engine) == HEAD


def test_upgrade_works_on_an_empty_sqlite_file_and_can_be_repeated(tmp_path):
    engine = store.make_engine(f"sqlite:///{tmp_path}/new/dir/tso.sqlite")
    store.upgrade(engine)
    store.upgrade(engine)
    assert current_revision(engine) == HEAD
    assert (tmp_path / "new" / "dir" / "tso.sqlite").exists()
    engine.dispose()


@pytest.mark.postgres
def test_upgrade_works_on_an_empty_postgresql_schema_and_can_be_repeated(postgres_url):
    schema = f"empty_{uuid.uuid4().hex[:8]}"
    base = store.make_engine(postgres_url)
    with base.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = store.make_engine(url.render_as_string(hide_password=False))
    try:
        store.upgrade(engine)
        store.upgrade(engine)
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()
        with base.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        base.dispose()


def test_the_default_database_is_data_tso_sqlite_created_on_first_use(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TSO_DATABASE_URL", raising=False)
    assert store.database_url() == "sqlite:///data/tso.sqlite"
    assert (tmp_path / "data").is_dir()
    engine = store.make_engine()
    store.upgrade(engine)
    engine.dispose()
    assert (tmp_path / "data" / "tso.sqlite").is_file()


def test_the_database_url_comes_from_tso_database_url(monkeypatch):
    monkeypatch.setenv("TSO_DATABASE_URL", "postgresql+psycopg://u@db/tso")
    assert store.database_url() == "postgresql+psycopg://u@db/tso"


@pytest.mark.parametrize(
    "url", ["postgres://u@db/tso", "postgresql://u@db/tso"], ids=["heroku-style", "plain"]
)
def test_postgresql_urls_use_psycopg_3(url):
    assert store.make_engine(url).url.drivername == "postgresql+psycopg"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(tmp_path):
    engine = store.make_engine(f"sqlite:///{tmp_path}/x.sqlite")
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
        }
    engine.dispose()
    assert pragma == {
        "journal_mode": "wal",
        "busy_timeout": 15000,
        "foreign_keys": 1,
        "synchronous": 2,
    }


def test_a_write_transaction_on_sqlite_holds_the_write_lock_from_its_start(tmp_path):
    path = tmp_path / "x.sqlite"
    engine = store.make_engine(f"sqlite:///{path}")
    store.upgrade(engine)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with writing(engine) as connection:
        connection.exec_driver_sql("SELECT 1")  # nothing written yet, and still locked
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    with reading(engine) as connection:
        connection.exec_driver_sql("SELECT 1")
        other.execute("BEGIN IMMEDIATE")  # a read takes no write lock
        other.execute("ROLLBACK")
    other.close()
    engine.dispose()


def test_a_failed_write_transaction_is_rolled_back(world):
    before = store.list_boards(world.engine, store.admin_access())
    with pytest.raises(RuntimeError), writing(world.engine) as connection:
        connection.execute(text("DELETE FROM action"))
        raise RuntimeError("halfway")
    assert store.list_actions(world.engine, store.admin_access(), world.scan.id)
    assert store.list_boards(world.engine, store.admin_access()) == before


def test_the_store_never_imports_streamlit():
    probe = "import sys, assessment.store, assessment.cli.store_commands; print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_an_older_database_is_upgraded_and_keeps_its_content(tmp_path, mini):
    from alembic import command
    from sqlalchemy import MetaData

    from assessment.store.engine import alembic_config

    # The demo, seeded by today's code, copied into a database of migration 0001: the columns
    # and tables that existed then.
    today = store.make_engine(f"sqlite:///{tmp_path}/today.sqlite")
    store.upgrade(today)
    assert store.seed_demo(today, mini)
    engine = store.make_engine(f"sqlite:///{tmp_path}/old.sqlite")
    config = alembic_config()
    with writing(engine) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert current_revision(engine) == "0001"
    old_tables = MetaData()
    old_tables.reflect(engine)
    with reading(today) as source, writing(engine) as target:
        for table in reversed(store.tables.ALL_TABLES):  # parents first
            if table.name in old_tables.tables:
                old = old_tables.tables[table.name]
                # A column that went since (the answer's id) is filled in by the old database.
                shared = [table.c[column.name] for column in old.columns if column.name in table.c]
                rows = source.execute(select(*shared))
                if rows := [row._asdict() for row in rows]:
                    target.execute(old.insert(), rows)
    admin = store.admin_access()
    before = [store.export_school(today, admin, s.id) for s in store.list_schools(today, admin)]
    store.upgrade(engine)
    assert current_revision(engine) == HEAD
    after = [store.export_school(engine, admin, s.id) for s in store.list_schools(engine, admin)]
    assert after == before
    with reading(engine) as connection:  # every closed scan got the summary closing gives
        closed = connection.execute(
            select(metadata.tables["scan"].c.id).where(metadata.tables["scan"].c.status == "closed")
        ).scalars()
        summarised = connection.execute(select(metadata.tables["scan_summary"].c.scan_id)).scalars()
        assert sorted(closed) == sorted(summarised) != []
    with reading(engine) as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    engine.dispose()
    today.dispose()
