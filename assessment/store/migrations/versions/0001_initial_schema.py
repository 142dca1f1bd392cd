"""Initial schema: boards, schools, scans, access codes, respondents, answers, consensus, actions.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

VALUE_CHECK = "(kind = 'score' AND score IS NOT NULL) OR (kind IN ('dk', 'na') AND score IS NULL)"
CODE_SCOPE_CHECK = (
    "(role = 'board' AND board_id IS NOT NULL AND school_id IS NULL AND scan_id IS NULL)"
    " OR (role IN ('coordinator', 'trainer') AND school_id IS NOT NULL AND scan_id IS NULL)"
    " OR (role = 'respondent' AND school_id IS NOT NULL AND scan_id IS NOT NULL)"
)


def upgrade() -> None:
    op.create_table(
        "board",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board")),
    )
    op.create_table(
        "school",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("share_with_board", sa.Boolean(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["board_id"], ["board.id"], name=op.f("fk_school_board_id_board")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school")),
        sa.UniqueConstraint("board_id", "name", name=op.f("uq_school_board_id_name")),
    )
    op.create_table(
        "scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("rubric_id", sa.String(length=100), nullable=False),
        sa.Column("rubric_version", sa.String(length=100), nullable=False),
        sa.Column("rubric_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_scan_status")),
        sa.ForeignKeyConstraint(["school_id"], ["school.id"], name=op.f("fk_scan_school_id_school")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan")),
        sa.UniqueConstraint("school_id", "label", name=op.f("uq_scan_school_id_label")),
    )
    op.create_table(
        "access_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("school_id", sa.Integer(), nullable=True),
        sa.Column("scan_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(CODE_SCOPE_CHECK, name=op.f("ck_access_code_scope")),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_access_code_board_id_board")
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name=op.f("fk_access_code_scan_id_scan")),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_access_code_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_code")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_access_code_code_hash")),
    )
    op.create_index(op.f("ix_access_code_school_id"), "access_code", ["school_id"])
    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=100), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("carried_from", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('planned', 'doing', 'done', 'dropped')", name=op.f("ck_action_status")
        ),
        sa.ForeignKeyConstraint(
            ["carried_from"],
            ["action.id"],
            name=op.f("fk_action_carried_from_action"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name=op.f("fk_action_scan_id_scan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
        sa.UniqueConstraint("scan_id", "carried_from", name=op.f("uq_action_scan_id_carried_from")),
    )
    op.create_index(op.f("ix_action_scan_id"), "action", ["scan_id"])
    op.create_table(
        "consensus",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=5), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(VALUE_CHECK, name=op.f("ck_consensus_value")),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name=op.f("fk_consensus_scan_id_scan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consensus")),
        sa.UniqueConstraint("scan_id", "criterion", name=op.f("uq_consensus_scan_id_criterion")),
    )
    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["code_id"], ["access_code.id"], name=op.f("fk_respondent_code_id_access_code")
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name=op.f("fk_respondent_scan_id_scan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
        sa.UniqueConstraint("scan_id", "code_id", name=op.f("uq_respondent_scan_id_code_id")),
    )
    op.create_table(
        "answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=5), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(VALUE_CHECK, name=op.f("ck_answer_value")),
        sa.ForeignKeyConstraint(
            ["respondent_id"], ["respondent.id"], name=op.f("fk_answer_respondent_id_respondent")
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name=op.f("fk_answer_scan_id_scan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint(
            "respondent_id", "criterion", name=op.f("uq_answer_respondent_id_criterion")
        ),
    )
    op.create_index("ix_answer_scan_criterion", "answer", ["scan_id", "criterion"])


def downgrade() -> None:
    for table in (
        "answer",
        "respondent",
        "consensus",
        "action",
        "access_code",
        "scan",
        "school",
        "board",
    ):
        op.drop_table(table)
