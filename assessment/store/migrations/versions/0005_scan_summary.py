"""Scan summaries: what a board sees of a closed scan, computed once when the scan is closed.

The table starts empty. Scans that were closed before this revision get their summary from
``store.upgrade``, which after the migrations scores every closed scan without one
(``summaries.fill_missing``) in the same transaction: scoring needs the rubric, which belongs to
the running app, not to a migration that must keep working when the scoring code changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_summary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("school_phase", sa.String(length=100), nullable=True),
        sa.Column("themes", sa.JSON(), nullable=True),
        sa.Column("map", sa.JSON(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scan.id"], name=op.f("fk_scan_summary_scan_id_scan")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_scan_summary_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_summary")),
        sa.UniqueConstraint("scan_id", name=op.f("uq_scan_summary_scan_id")),
    )
    op.create_index(op.f("ix_scan_summary_school_id"), "scan_summary", ["school_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_scan_summary_school_id"), table_name="scan_summary")
    op.drop_table("scan_summary")
