"""Wrong codes counted in the database, shared by every app process; a sign-in ticket bound to
the browser that asked for it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_attempt")),
        sa.UniqueConstraint("key", name=op.f("uq_code_attempt_key")),
    )
    op.create_index(op.f("ix_code_attempt_last_failed_at"), "code_attempt", ["last_failed_at"])
    with op.batch_alter_table("session") as batch:
        batch.add_column(sa.Column("browser_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.drop_column("browser_hash")
    op.drop_index(op.f("ix_code_attempt_last_failed_at"), table_name="code_attempt")
    op.drop_table("code_attempt")
