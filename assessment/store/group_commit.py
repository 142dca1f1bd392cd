"""Group commit: writes that arrive while another is being written share one transaction.

On SQLite, where writes take turns anyway, the first caller becomes the leader, takes every job
waiting (at most ``MAX_BATCH``), writes them in one transaction (one fsync) and wakes the others;
the next waiting caller then leads. Every caller returns only after its own job is committed or
refused, so a write is as durable as alone, only cheaper when many arrive at once.

A job is its own fate: the write function refuses a job by setting its ``error`` (the others go
ahead), and when the shared transaction fails as a whole, every job in it is written again alone,
so one job the database refuses cannot fail or lose another.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

MAX_BATCH = 64


@dataclass(eq=False)
class Job:
    """One caller's write; ``result`` or ``error`` is set when it is finished."""

    result: Any = None
    error: BaseException | None = None
    finished: bool = False
    lead: bool = False
    wake: threading.Event = field(default_factory=threading.Event)


WriteBatch = Callable[[Engine, Sequence[Job]], None]


class _Queue:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: list[Job] = []
        self.busy = False


_queues: weakref.WeakKeyDictionary[Engine, _Queue] = weakref.WeakKeyDictionary()
_queues_guard = threading.Lock()


def run(engine: Engine, job: Job, write: WriteBatch) -> None:
    """Write ``job`` together with whatever else is waiting for ``engine``; returns when it is
    finished (its ``result`` or ``error`` set)."""
    queue = _queue(engine)
    with queue.lock:
        queue.pending.append(job)
        if not queue.busy:
            queue.busy = job.lead = True
    if not job.lead:
        job.wake.wait()
        if job.finished:
            return
    # This thread leads: write what is waiting (its own job included), then hand over.
    with queue.lock:
        batch, queue.pending = queue.pending[:MAX_BATCH], queue.pending[MAX_BATCH:]
    try:
        write_each(engine, batch, write)
    finally:
        with queue.lock:
            successor = queue.pending[0] if queue.pending else None
            if successor is None:
                queue.busy = False
            else:
                successor.lead = True
        for other in batch:
            if other is not job:
                other.wake.set()
        if successor is not None:
            successor.wake.set()


def write_each(engine: Engine, batch: Sequence[Job], write: WriteBatch) -> None:
    """Write ``batch`` in one transaction; if that fails, each job not refused on its own is
    written again alone. Every job ends finished, with its result or its own error."""
    try:
        failed = _attempt(engine, batch, write)
        if len(batch) > 1:
            for job in failed:
                job.error = None
                _attempt(engine, [job], write)
    finally:
        for job in batch:
            job.finished = True


def _attempt(engine: Engine, batch: Sequence[Job], write: WriteBatch) -> list[Job]:
    """The jobs a failed transaction took down with it (none when it committed)."""
    try:
        write(engine, batch)
        return []
    except BaseException as error:
        failed = [job for job in batch if job.error is None]
        for job in failed:
            job.error, job.result = error, None
        if not isinstance(error, Exception):  # an interrupt: no retries
            raise
        return failed


def _queue(engine: Engine) -> _Queue:
    with _queues_guard:
        queue = _queues.get(engine)
        if queue is None:
            queue = _queues[engine] = _Queue()
        return queue
