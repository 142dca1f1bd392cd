"""Privacy: days instead of times for respondents and answers, no answer id, retention marks.

* ``respondent.started_at``, ``respondent.submitted_at`` and ``answer.updated_at`` become dates:
  the times stored so far are cut to their (UTC) day, on both engines.
* ``answer`` loses its ``id``: the primary key is (respondent, criterion), which it was unique on
  already; an increasing id told whose answer was saved first. On SQLite the table is rebuilt
  without a rowid, which would tell the same.
* ``scan.notes_removed_on`` and ``scan.answers_removed_on``: the days the retention removed them.
* ``scan_summary.answer_counts``: what Resultaten scores a scan by once its answers are removed.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DAY_COLUMNS = {"respondent": ("started_at", "submitted_at"), "answer": ("updated_at",)}


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _cut_to_days_in_sqlite()
    else:
        for table, columns in DAY_COLUMNS.items():
            for column in columns:
                op.alter_column(
                    table,
                    column,
                    type_=sa.Date(),
                    existing_type=sa.DateTime(),
                    postgresql_using=f"{column}::date",
                )
        op.drop_constraint("pk_answer", "answer", type_="primary")
        op.drop_column("answer", "id")
        op.drop_constraint("uq_answer_respondent_id_criterion", "answer", type_="unique")
        op.create_primary_key("pk_answer", "answer", ["respondent_id", "criterion"])
    with op.batch_alter_table("scan") as batch:
        batch.add_column(sa.Column("notes_removed_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("answers_removed_on", sa.Date(), nullable=True))
    with op.batch_alter_table("scan_summary") as batch:
        batch.add_column(sa.Column("answer_counts", sa.JSON(), nullable=True))


def _cut_to_days_in_sqlite() -> None:
    """SQLite keeps a datetime as text ('2026-12-06 21:47:03.123456'); its first ten characters
    are the day. The tables are rebuilt with DATE columns (and ``answer`` without id and rowid).
    The answers wait in a plain copy while ``respondent`` is rebuilt: dropping a table that
    rows still point at counts as a foreign-key violation until the transaction ends, even when
    the rows point at a table of the same name again by then."""
    for table, columns in DAY_COLUMNS.items():
        for column in columns:
            op.execute(f"UPDATE {table} SET {column} = substr({column}, 1, 10)")
    columns = "respondent_id, scan_id, criterion, kind, score, note, updated_at"
    people = "id, scan_id, code_id, role, started_at, submitted_at"
    op.execute(f"CREATE TEMPORARY TABLE answer_copy AS SELECT {columns} FROM answer")
    op.execute(f"CREATE TEMPORARY TABLE respondent_copy AS SELECT {people} FROM respondent")
    op.drop_index("ix_answer_scan_criterion_value", table_name="answer")
    op.drop_table("answer")
    op.drop_table("respondent")
    # By hand: a batch rebuild copies a changed column with CAST(... AS DATE), which SQLite
    # turns into the number 2026.
    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("started_at", sa.Date(), nullable=True),
        sa.Column("submitted_at", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["code_id"], ["access_code.id"], name="fk_respondent_code_id_access_code"
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name="fk_respondent_scan_id_scan"),
        sa.PrimaryKeyConstraint("id", name="pk_respondent"),
        sa.UniqueConstraint("scan_id", "code_id", name="uq_respondent_scan_id_code_id"),
    )
    op.execute(f"INSERT INTO respondent ({people}) SELECT {people} FROM respondent_copy")
    op.execute("DROP TABLE respondent_copy")
    op.create_table(
        "answer",
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=5), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'score' AND score IS NOT NULL) OR (kind IN ('dk', 'na') AND score IS NULL)",
            name="ck_answer_value",
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"], ["respondent.id"], name="fk_answer_respondent_id_respondent"
        ),
        sa.ForeignKeyConstraint(["scan_id"], ["scan.id"], name="fk_answer_scan_id_scan"),
        sa.PrimaryKeyConstraint("respondent_id", "criterion", name="pk_answer"),
        sqlite_with_rowid=False,
    )
    op.execute(f"INSERT INTO answer ({columns}) SELECT {columns} FROM answer_copy")
    op.execute("DROP TABLE answer_copy")
    op.create_index(
        "ix_answer_scan_criterion_value", "answer", ["scan_id", "criterion", "kind", "score"]
    )


def downgrade() -> None:
    raise NotImplementedError("times cut to days cannot come back")
