"""Sessions: a sign-in with a coordinator, trainer or board code that survives a reload.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handed_over_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["code_id"], ["access_code.id"], name=op.f("fk_session_code_id_access_code")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_session_token_hash")),
    )
    op.create_index(op.f("ix_session_code_id"), "session", ["code_id"])
    op.create_index(op.f("ix_session_created_at"), "session", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_session_created_at"), table_name="session")
    op.drop_index(op.f("ix_session_code_id"), table_name="session")
    op.drop_table("session")
