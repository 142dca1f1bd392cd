"""Research consent: a school's type, whether it shares with the consortium's research dataset,
and its random research id (``assessment/store/research_consent.py``).

Every school starts with no type, not opted in and without a research id.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Columns and an index only, with a plain default ('0' is false on both engines): on SQLite a
    # new constraint or an expression as default would copy the table, and the copy cannot drop
    # a school that scans refer to. The store checks the type (SCHOOL_TYPES).
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("school_type", sa.String(length=5), nullable=True))
        batch.add_column(
            sa.Column("research_opt_in", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("research_id", sa.String(length=32), nullable=True))
    op.create_index(op.f("ix_school_research_id"), "school", ["research_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_school_research_id"), table_name="school")
    with op.batch_alter_table("school") as batch:
        batch.drop_column("research_id")
        batch.drop_column("research_opt_in")
        batch.drop_column("school_type")
