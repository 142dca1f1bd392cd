"""The database engine, transactions and migrations.

SQLite (default ``data/tso.sqlite``): WAL, a busy timeout, ``foreign_keys`` on, and every write
transaction opened with ``BEGIN IMMEDIATE`` so a write that reads first cannot lose an update.
Writers of one process also queue on a lock before ``BEGIN IMMEDIATE``: SQLite's own busy handler
sleeps in growing steps and lets unlucky writers starve, a lock hands over in microseconds.
PostgreSQL (``postgresql+psycopg://``): READ COMMITTED, with ``SELECT ... FOR UPDATE`` / ``FOR SHARE``
where a write reads first.

Faults: a database error that leaves a transaction becomes ``DatabaseFault``, a StoreError with a
Dutch message; SQL parameters (notes, code hashes) are never part of an error's text
(``hide_parameters``) and the log gets the kind of error, not its details. A SQLite connection
that met a read-only database is thrown away with the whole pool: SQLite opens a file it cannot
write read-only and would stay so, even after the file is writable again; a connection opened
read-only is replaced at its next use once the file is writable.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection, StaticPool

from assessment.store.errors import DatabaseFault, DatabaseInUse

DEFAULT_SQLITE_FILE = Path("data") / "tso.sqlite"
DEFAULT_DEMO_FILE = Path("data") / "demo.sqlite"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 15_000
IDLE_PING_SECONDS = 30
_READ = "tso_read_only"
_MIGRATION_LOCK_ID = 7_261_822_035  # pg_advisory_xact_lock key shared by upgrade() and seed_demo()

_SQLITE_READONLY = 8  # the primary result code; extended codes keep it in the low byte
_log = logging.getLogger(__name__)

_write_locks: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_write_locks_guard = threading.Lock()


def database_url() -> str:
    """``TSO_DATABASE_URL``, or the SQLite file ``data/tso.sqlite`` (``data/`` is created)."""
    url = os.environ.get("TSO_DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_FILE}"


def demo_database_url() -> str:
    """``TSO_DEMO_DATABASE_URL``, or the SQLite file ``data/demo.sqlite``: the demo never lives
    in the database of real schools, where an anonymous visitor would be its coordinator."""
    url = os.environ.get("TSO_DEMO_DATABASE_URL", "").strip()
    if url:
        return url
    DEFAULT_DEMO_FILE.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DEMO_FILE}"


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default ``database_url()``) set up for safe concurrent writes."""
    url = url or database_url()
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return _postgresql_engine(url)


def pool_sizes() -> tuple[int, int]:
    """(pool size, overflow) of a PostgreSQL engine: ``TSO_DB_POOL_SIZE`` and
    ``TSO_DB_MAX_OVERFLOW``. By default 30 and 20: a burst of 30 writers in one process must not
    open and close connections. Several processes share the server's ``max_connections``."""
    sizes = []
    for name, default in (("TSO_DB_POOL_SIZE", 30), ("TSO_DB_MAX_OVERFLOW", 20)):
        raw = os.environ.get(name, "").strip()
        sizes.append(int(raw) if raw.isdigit() else default)
    return sizes[0], sizes[1]


def _postgresql_engine(url: str) -> Engine:
    # No ping on every checkout (a round trip per save): a connection idle for a while is pinged
    # before use, and one the server dropped anyway fails once, which empties the pool.
    pool_size, max_overflow = pool_sizes()
    engine = create_engine(
        url,
        pool_pre_ping=False,
        pool_size=max(pool_size, 1),
        max_overflow=max_overflow,
        hide_parameters=True,
    )

    @event.listens_for(engine, "checkin")
    def _note_use(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_after_idle(
        dbapi_connection: DBAPIConnection,
        record: ConnectionPoolEntry,
        _proxy: PoolProxiedConnection,
    ) -> None:
        last = record.info.get("checked_in")
        if last is None or time.monotonic() - last < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error:
            raise DisconnectionError() from None  # the pool opens a new connection instead

    return engine


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in str(parsed.query)
    if in_memory:
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False},
            poolclass=StaticPool,
            hide_parameters=True,
        )
    else:
        if not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # Connections are cheap: keep enough for every Streamlit session thread writing at once.
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            pool_size=40,
            max_overflow=40,
            hide_parameters=True,
        )
    synchronous = os.environ.get("TSO_SQLITE_SYNCHRONOUS", "FULL").upper()
    if synchronous not in ("FULL", "NORMAL", "EXTRA"):
        synchronous = "FULL"

    file = None if in_memory or database.startswith("file:") else Path(database).expanduser()

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        # SQLite opens a file it may not write read-only, and such a connection stays so.
        record.info["read_only"] = file is not None and not _writable(file)
        # No implicit BEGIN from pysqlite: the begin event below opens every transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "checkout")
    def _reopen_when_writable(
        _dbapi_connection: DBAPIConnection,
        record: ConnectionPoolEntry,
        _proxy: PoolProxiedConnection,
    ) -> None:
        if record.info.get("read_only") and file is not None and _writable(file):
            raise DisconnectionError()  # the pool replaces it with a fresh connection

    @event.listens_for(engine, "handle_error")
    def _drop_read_only_connections(context: ExceptionContext) -> None:
        error = context.original_exception
        if (
            isinstance(error, sqlite3.Error)
            and getattr(error, "sqlite_errorcode", 0) & 0xFF == _SQLITE_READONLY
        ):
            context.is_disconnect = True  # SQLAlchemy then empties the pool

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        if connection.get_execution_options().get(_READ):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _writable(file: Path) -> bool:
    """Whether this process may write ``file``, the test SQLite itself makes, asked without
    opening it: closing any descriptor of the file would drop every POSIX lock SQLite holds on it
    in this process, and another process would then delete the WAL under the running app."""
    return os.access(file, os.W_OK, effective_ids=os.access in os.supports_effective_ids)


def _write_lock(engine: Engine) -> AbstractContextManager[object]:
    if engine.dialect.name != "sqlite":
        return nullcontext()
    with _write_locks_guard:
        lock = _write_locks.get(engine)
        if lock is None:
            lock = _write_locks[engine] = threading.Lock()
    return lock


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: committed when the block ends, rolled back on any exception."""
    with (
        database_faults(),
        _write_lock(engine),
        engine.connect() as connection,
        connection.begin(),
    ):
        yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: one consistent snapshot, no write lock taken."""
    with database_faults(), engine.connect() as connection:
        connection.execution_options(**{_READ: True})
        with connection.begin():
            yield connection


@contextmanager
def database_faults() -> Iterator[None]:
    """A database error as ``DatabaseFault``; the log says what kind, never which values."""
    try:
        yield
    except DBAPIError as error:
        original = error.orig
        code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", "")
        # Only an unreachable or read-only database is described; other messages can quote rows.
        detail = str(original).splitlines()[0][:200] if isinstance(error, OperationalError) else ""
        _log.warning("database error %s %s %s", type(original).__name__, code, detail)
        key = "store.errors.failed" if isinstance(error, IntegrityError) else None
        raise DatabaseFault(key) from None


def lock_for_setup(connection: Connection) -> None:
    """Serialise schema changes and the demo seed between processes (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` already does)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_ID})")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema (``alembic upgrade head``) and give every closed
    scan its board summary; safe to repeat and to run from several processes at once. An older
    SQLite file that another process uses is left alone: ``DatabaseInUse``."""
    from assessment.store.summaries import fill_missing

    config = alembic_config()
    _refuse_to_migrate_in_use(engine, config)
    with writing(engine) as connection:
        lock_for_setup(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        # Scans closed before migration 0005 get the summary closing would have given them.
        fill_missing(connection)


def _refuse_to_migrate_in_use(engine: Engine, config: Config) -> None:
    from alembic.script import ScriptDirectory

    from assessment.store.sqlite_file import sqlite_file, used_by_others

    file = sqlite_file(engine)
    if file is None or not file.exists():
        return
    if current_revision(engine) == ScriptDirectory.from_config(config).get_current_head():
        return
    engine.dispose()  # this process's own connections would look like another user
    if used_by_others(file):
        raise DatabaseInUse()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with reading(engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()
