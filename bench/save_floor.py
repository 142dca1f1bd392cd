"""The floor of a save: the raw upsert of one answer in a transaction, straight through the driver.

Same table, same rows, same load as the app's saves (30 threads, each with its own connection
opened beforehand): what the engine itself costs, without the app's checks, pool or SQLAlchemy.
On SQLite the writers queue on a lock before ``BEGIN IMMEDIATE``, as the app's do: SQLite's own
busy handler sleeps in growing steps and would make the floor seconds, not milliseconds.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import threading
import time

from sqlalchemy import Engine

from assessment import store

_UPSERT = (
    "INSERT INTO answer (respondent_id, scan_id, criterion, kind, score, note, updated_at) "
    "VALUES ({p}, {p}, {p}, 'score', {p}, {p}, {p}) "
    "ON CONFLICT (respondent_id, criterion) DO UPDATE SET kind = excluded.kind, "
    "score = excluded.score, note = excluded.note, updated_at = excluded.updated_at"
)


def _connect(engine: Engine, autocommit: bool = False):
    """A plain driver connection to the engine's database, and the upsert in its paramstyle;
    ``autocommit`` (PostgreSQL): each upsert its own transaction, without BEGIN and COMMIT."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        connection = sqlite3.connect(
            url.database, timeout=15, isolation_level=None, check_same_thread=False
        )
        connection.execute("PRAGMA busy_timeout=15000")
        connection.execute("PRAGMA synchronous=FULL")
        return connection, _UPSERT.format(p="?"), "BEGIN IMMEDIATE"
    import psycopg

    options = url.query.get("options")
    connection = psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        options=options or "",
        autocommit=autocommit,
    )
    return connection, _UPSERT.format(p="%s"), None


def run_floor(
    engine: Engine,
    accesses: list[store.Access],
    criteria: list[str],
    rounds: int,
    load: str,
    *,
    autocommit: bool = False,
) -> list[float]:
    """Latencies (s) of raw upserts: ``load`` "burst" (all at once, ``rounds`` times) or
    "steady" (a random pause of 0-200 ms between saves); ``autocommit`` on PostgreSQL: one
    statement per upsert, the floor of a save that is one statement."""
    writers = len(accesses)
    connections = [_connect(engine, autocommit) for _ in range(writers)]
    barrier = threading.Barrier(writers)
    latencies: list[float] = []
    lock = threading.Lock()
    sqlite_turn = threading.Lock()

    def writer(index: int) -> None:
        connection, upsert, begin = connections[index]
        access = accesses[index]
        rng = random.Random(1000 + index)
        mine = []
        barrier.wait()
        for round_index in range(rounds):
            if load == "burst":
                barrier.wait()
            else:
                time.sleep(rng.uniform(0, 0.2))
            criterion = criteria[(index + round_index) % len(criteria)]
            today = dt.datetime.now(dt.UTC).date().isoformat()  # the app stores the day
            row = (access.respondent_id, access.scan_id, criterion, rng.randint(0, 3), "b", today)
            started = time.perf_counter()
            if begin:  # sqlite3 in autocommit mode: the transaction by hand
                with sqlite_turn:
                    connection.execute(begin)
                    connection.execute(upsert, row)
                    connection.execute("COMMIT")
            else:  # psycopg opens the transaction itself, unless in autocommit
                connection.execute(upsert, row)
                if not autocommit:
                    connection.commit()
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for connection, _upsert, _begin in connections:
        connection.close()
    return latencies
