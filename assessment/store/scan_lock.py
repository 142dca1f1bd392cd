"""Whether a scan may close while it is written: one lock per scan (PostgreSQL).

Everything that writes into an open scan (a save, a note, a start, a submit, a respondent code)
holds the scan's lock shared until it commits; closing and reopening a scan, and changing an
agreed value (which a closed scan's board summary holds), hold it exclusively. So a close waits
for the writes in flight and sees them all in the summary it computes, and a write that comes
after it waits, then reads the scan closed. The lock is a transaction-level advisory lock keyed
by (``SCAN_LOCKS``, scan id): unlike a share lock on the scan row, thirty saves at once do not
queue on one row. The one-statement save takes it through ``tso_scan_open_for_save`` (migration
0011), which reads the scan's status after the lock, in a snapshot of its own.

On SQLite every write transaction is ``BEGIN IMMEDIATE``: writes never overlap, nothing to hold.
"""

from __future__ import annotations

from sqlalchemy import Connection

SCAN_LOCKS = 726_182_203  # first key of every scan lock; migration 0011 uses the same number


def hold_scan(connection: Connection, scan_id: int, *, exclusive: bool = False) -> None:
    """Hold ``scan_id``'s lock until the transaction ends: shared for a write into the scan,
    ``exclusive`` for what changes its status or its board summary. Read the scan after this."""
    if connection.dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    connection.exec_driver_sql(
        f"SELECT {function}(%(keys)s, %(scan)s)", {"keys": SCAN_LOCKS, "scan": scan_id}
    )
