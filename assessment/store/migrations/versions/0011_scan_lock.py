"""The scan lock of the one-statement save (PostgreSQL): ``tso_scan_open_for_save(scan)``.

It takes the scan's lock shared (``assessment/store/scan_lock.py``: key 726182203 and the scan
id) and then says whether the scan is open. Being VOLATILE, its second query reads in a snapshot
taken after the lock, so a save that waited for a closing scan sees it closed; the statement that
calls it holds the lock until it commits. SQLite needs nothing.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# PL/pgSQL keeps its plans for the session; a SQL function would plan both queries on every save.
FUNCTION = """
CREATE OR REPLACE FUNCTION tso_scan_open_for_save(scan_to_save integer) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(726182203, scan_to_save);
    RETURN EXISTS (SELECT 1 FROM scan AS s WHERE s.id = scan_to_save AND s.status = 'open');
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION tso_scan_open_for_save(integer)")
