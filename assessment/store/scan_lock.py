"""Whether a scan may close while it is written: one lock per scan (PostgreSQL).

Everything that writes into an open scan (a note, a start, a submit, a respondent code, a save
the one statement does not write) holds the scan's lock shared until it commits; closing and
reopening a scan, and changing an agreed value (which a closed scan's board summary holds), hold
it exclusively. The lock is a transaction-level advisory lock keyed by (``SCAN_LOCKS``, scan id).

The one-statement save (``saving_pg``), thirty of which may arrive at once, takes no lock of the
scan: it share-locks only its own code row and then reads the scan's status anew
(``tso_scan_open_now``, migration 0013). A close, after its exclusive lock, locks the code rows
of every respondent of the scan (``hold_codes``). So a close waits for the saves in flight and
sees them all in the summary it computes, and a save that comes after it waits for its code row,
then reads the scan closed.

On SQLite every write transaction is ``BEGIN IMMEDIATE``: writes never overlap, nothing to hold.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from assessment.store import tables as T

SCAN_LOCKS = 726_182_203  # first key of every scan lock


def hold_scan(connection: Connection, scan_id: int, *, exclusive: bool = False) -> None:
    """Hold ``scan_id``'s lock until the transaction ends: shared for a write into the scan,
    ``exclusive`` for what changes its status or its board summary. Read the scan after this."""
    if connection.dialect.name != "postgresql":
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    connection.exec_driver_sql(
        f"SELECT {function}(%(keys)s, %(scan)s)", {"keys": SCAN_LOCKS, "scan": scan_id}
    )


def hold_codes(connection: Connection, scan_id: int) -> None:
    """Lock the code rows of every respondent of ``scan_id`` until the transaction ends (after
    ``hold_scan(exclusive=True)``, so no respondent is added meanwhile): the one-statement saves
    in flight finish first, and later ones wait, then read the scan's status as it is now."""
    if connection.dialect.name != "postgresql":
        return
    respondents = select(T.respondent.c.code_id).where(T.respondent.c.scan_id == scan_id)
    connection.execute(
        select(T.access_code.c.id)
        .where(T.access_code.c.id.in_(respondents))
        .order_by(T.access_code.c.id)  # one order for every close: no deadlock between two
        .with_for_update()
    ).all()
