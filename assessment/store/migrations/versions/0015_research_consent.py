"""Research consent: a school's type, whether it shares with the consortium's research dataset,
and its random research id (``assessment/store/research_consent.py``).

Every school starts with no type, not opted in and without a research id.

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.add_column(sa.Column("school_type", sa.String(length=5), nullable=True))
        batch.add_column(
            sa.Column(
                "research_opt_in", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch.add_column(sa.Column("research_id", sa.String(length=32), nullable=True))
        batch.create_unique_constraint(op.f("uq_school_research_id"), ["research_id"])
        batch.create_check_constraint(
            op.f("ck_school_school_type"), "school_type IN ('bo', 'sbo', 'so', 'vso')"
        )


def downgrade() -> None:
    with op.batch_alter_table("school") as batch:
        batch.drop_constraint(op.f("ck_school_school_type"), type_="check")
        batch.drop_constraint(op.f("uq_school_research_id"), type_="unique")
        batch.drop_column("research_id")
        batch.drop_column("research_opt_in")
        batch.drop_column("school_type")
