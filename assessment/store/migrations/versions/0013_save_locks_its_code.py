"""The one-statement save locks only its own code row (PostgreSQL): ``tso_scan_open_now(scan)``.

A close locks the code rows of the scan's respondents (``assessment/store/scan_lock.py``), so
the save no longer takes the scan's lock shared, which thirty saves at once queued on. The save
reads the scan's status after its code row is locked, with this function: being VOLATILE, its
query reads in a snapshot taken when it runs, so a save that waited for a closing scan sees it
closed. It replaces ``tso_scan_open_for_save`` (migration 0011). SQLite needs nothing.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# PL/pgSQL keeps its plan for the session; a SQL function would plan its query on every save.
OPEN_NOW = """
CREATE OR REPLACE FUNCTION tso_scan_open_now(scan_to_save integer) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM scan AS s WHERE s.id = scan_to_save AND s.status = 'open');
END
$$
"""

OPEN_FOR_SAVE = """
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
        op.execute(OPEN_NOW)
        op.execute("DROP FUNCTION tso_scan_open_for_save(integer)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(OPEN_FOR_SAVE)
        op.execute("DROP FUNCTION tso_scan_open_now(integer)")
