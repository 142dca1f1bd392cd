"""Summary basis: what the board last saw of a scan, so that a republished summary never differs
from it by fewer than ``min_group_size`` respondents (``summary_basis.py``).

The table starts empty: the next summary of each scan becomes its basis.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "summary_basis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("respondents", sa.JSON(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("submitted", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scan.id"], name=op.f("fk_summary_basis_scan_id_scan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summary_basis")),
        sa.UniqueConstraint("scan_id", name=op.f("uq_summary_basis_scan_id")),
    )


def downgrade() -> None:
    op.drop_table("summary_basis")
