"""Session codes: the further trainer codes a trainer adds to one signed-in browser.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["session.id"], name=op.f("fk_session_code_session_id_session")
        ),
        sa.ForeignKeyConstraint(
            ["code_id"], ["access_code.id"], name=op.f("fk_session_code_code_id_access_code")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_code")),
        sa.UniqueConstraint("session_id", "code_id", name=op.f("uq_session_code_session_id_code_id")),
    )
    op.create_index(op.f("ix_session_code_code_id"), "session_code", ["code_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_session_code_code_id"), table_name="session_code")
    op.drop_table("session_code")
