"""A respondent may hold several roles; a board summary records the scoring it was made with.

``respondent.role`` stays the first role chosen (every breakdown by role counts a respondent
there, once); ``other_roles`` holds the further ones, comma-separated in the order chosen. A
respondent from before this revision keeps the one role they had.

``scan_summary.scoring`` is the version of the scoring rules a summary was computed with (3:
critical criteria and provisional phases). Summaries from before are NULL; ``store.upgrade``
computes them again with today's scoring, in the same transaction, as it does for missing ones.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("respondent") as batch:
        batch.add_column(sa.Column("other_roles", sa.String(length=100), nullable=True))
    with op.batch_alter_table("scan_summary") as batch:
        batch.add_column(sa.Column("scoring", sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scan_summary") as batch:
        batch.drop_column("scoring")
    with op.batch_alter_table("respondent") as batch:
        batch.drop_column("other_roles")
