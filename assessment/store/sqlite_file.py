"""Whether another process uses a SQLite file: asked of SQLite, never by opening the file ourselves.

A migration changes tables under every process that has the file open, and a process started
with the old code would go on with the old schema. So an upgrade of an older SQLite file waits
for no one: it is refused while another process (the app, a second command) uses the file. An
open WAL connection holds a shared lock on the file as long as it lives, so a connection that asks
for an exclusive lock without waiting is refused exactly then.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine


def sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite engine; None for PostgreSQL, memory and ``file:`` URIs."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    if "mode=memory" in str(engine.url.query):
        return None
    return Path(database).expanduser()


def used_by_others(file: Path) -> bool:
    """Whether another connection, of any process, has ``file`` open (this process holds none)."""
    probe = sqlite3.connect(file, timeout=0, isolation_level=None)
    try:
        probe.execute("PRAGMA locking_mode=EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()
    return False
