"""Answers: one index on (scan_id, criterion, kind, score) so per-criterion aggregates (the board
overview) are read from the index alone. It replaces the index on (scan_id, criterion).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_answer_scan_criterion_value", "answer", ["scan_id", "criterion", "kind", "score"]
    )
    op.drop_index("ix_answer_scan_criterion", table_name="answer")


def downgrade() -> None:
    op.create_index("ix_answer_scan_criterion", "answer", ["scan_id", "criterion"])
    op.drop_index("ix_answer_scan_criterion_value", table_name="answer")
