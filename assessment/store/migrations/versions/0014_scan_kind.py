"""The tussenmeting: ``scan.kind`` (every scan so far a yearly one) and ``scan_criterion``, the
few criteria a tussenmeting asks.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


KINDS = "kind IN ('jaarscan', 'tussenmeting')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # A column with its own check needs no rebuild of ``scan``, which other tables point at.
        op.execute(
            "ALTER TABLE scan ADD COLUMN kind VARCHAR(12) DEFAULT 'jaarscan' NOT NULL"
            f" CONSTRAINT ck_scan_kind CHECK ({KINDS})"
        )
    else:
        op.add_column(
            "scan",
            sa.Column("kind", sa.String(length=12), nullable=False, server_default="jaarscan"),
        )
        op.create_check_constraint("ck_scan_kind", "scan", KINDS)
    op.create_table(
        "scan_criterion",
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scan.id"], name=op.f("fk_scan_criterion_scan_id_scan")
        ),
        sa.PrimaryKeyConstraint("scan_id", "criterion", name=op.f("pk_scan_criterion")),
    )


def downgrade() -> None:
    op.drop_table("scan_criterion")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("ck_scan_kind", "scan", type_="check")
    op.drop_column("scan", "kind")
