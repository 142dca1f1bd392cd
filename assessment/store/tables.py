"""The database tables (SQLAlchemy Core). Migrations in ``migrations/`` create exactly these.

Times are stored as UTC without a zone (``UTCDateTime``) so SQLite and PostgreSQL agree; the store
always hands out timezone-aware UTC datetimes. What is stored about a respondent or an answer is a
date (the UTC day), never a time: in a small team "submitted at 21:47" is one colleague.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import false
from sqlalchemy.types import TypeDecorator

from assessment.text_input import CRITERION_LENGTH as CRITERION_LENGTH
from assessment.text_input import LABEL_LENGTH as LABEL_LENGTH
from assessment.text_input import NAME_LENGTH as NAME_LENGTH
from assessment.text_input import NOTE_LENGTH as NOTE_LENGTH
from assessment.text_input import TITLE_LENGTH as TITLE_LENGTH

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)

# The lengths of text columns are the limits of the input check (assessment/text_input.py).

FIRST_VERSION_LIMIT = 2**30


def first_version() -> int:
    """The version of a new plan action or agreed value (migration 0005); every change adds one.
    It starts at a random number, not at 1: an agreed value is deleted when cleared and SQLite
    reuses the highest action id, so a row created anew must not repeat the version that a page
    still holds of the row that was there before (the page's stale save would go through)."""
    return secrets.randbelow(FIRST_VERSION_LIMIT) + 1


def _version_column() -> Column[int]:
    return Column("version", Integer, nullable=False, default=first_version, server_default="1")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime in, an aware UTC datetime out; stored as naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


board = Table(
    "board",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

school = Table(
    "school",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("board_id", Integer, ForeignKey("board.id"), nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("share_with_board", Boolean, nullable=False, default=False),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    # The kind of school (bo, sbo, so, vso), NULL until the coordinator or operator sets it, and
    # the consent to the consortium's research dataset with the school's random research id
    # (migration 0015, ``research_consent.py``): the id exists only while the school opts in.
    Column("school_type", String(5), nullable=True),
    Column("research_opt_in", Boolean, nullable=False, default=False, server_default=false()),
    Column("research_id", String(32), nullable=True),
    UniqueConstraint("board_id", "name"),
    Index("ix_school_research_id", "research_id", unique=True),
)

scan = Table(
    "scan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("school_id", Integer, ForeignKey("school.id"), nullable=False),
    Column("label", String(LABEL_LENGTH), nullable=False),
    Column("rubric_id", String(LABEL_LENGTH), nullable=False),
    Column("rubric_version", String(LABEL_LENGTH), nullable=False),
    Column("rubric_hash", String(64), nullable=False),
    Column("status", String(10), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    # The day the coordinator ticked "MR geïnformeerd" for this scan (migration 0009).
    Column("mr_informed_on", Date, nullable=True),
    # The days the retention (``retention.py``) removed the evidence notes, and the answers with
    # the respondents, of this closed scan (migration 0008). NULL while they are kept.
    Column("notes_removed_on", Date, nullable=True),
    Column("answers_removed_on", Date, nullable=True),
    # A yearly scan of every criterion, or a tussenmeting of a few (migration 0014,
    # ``scan_kind.py``): the board, the yearly comparison and the trend's years read yearly ones.
    Column("kind", String(12), nullable=False, default="jaarscan", server_default="jaarscan"),
    UniqueConstraint("school_id", "label"),
    CheckConstraint("status IN ('open', 'closed')", name="status"),
    CheckConstraint("kind IN ('jaarscan', 'tussenmeting')", name="kind"),
)

# The criteria a tussenmeting asks (migration 0014, ``interim.py``), fixed when it is opened, with
# why: ``phase`` (of the phase its theme works on), ``plan`` (an action of the open plan), or both.
scan_criterion = Table(
    "scan_criterion",
    metadata,
    Column("scan_id", Integer, ForeignKey("scan.id"), primary_key=True),
    Column("criterion", String(CRITERION_LENGTH), primary_key=True),
    Column("reason", String(12), nullable=False),
)

access_code = Table(
    "access_code",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("board_id", Integer, ForeignKey("board.id"), nullable=True),
    Column("school_id", Integer, ForeignKey("school.id"), nullable=True, index=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=True),
    Column("label", String(NAME_LENGTH), nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
    CheckConstraint(
        "(role = 'board' AND board_id IS NOT NULL AND school_id IS NULL AND scan_id IS NULL)"
        " OR (role IN ('coordinator', 'trainer') AND school_id IS NOT NULL AND scan_id IS NULL)"
        " OR (role = 'respondent' AND school_id IS NOT NULL AND scan_id IS NOT NULL)",
        name="scope",
    ),
)

respondent = Table(
    "respondent",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False),
    # The code this respondent answers with: its own respondent code, or the code of a
    # coordinator who fills in the scan himself. NULL after an import (codes are not exported).
    Column("code_id", Integer, ForeignKey("access_code.id"), nullable=True),
    # The first role chosen: every breakdown by role counts the respondent here, once.
    Column("role", String(20), nullable=True),
    # Further roles (migration 0010), comma-separated in the order chosen; they widen the
    # questions (the union of what the roles may judge) and count in no breakdown.
    Column("other_roles", String(100), nullable=True),
    Column("started_at", Date, nullable=True),  # days, not times (migration 0008)
    Column("submitted_at", Date, nullable=True),
    UniqueConstraint("scan_id", "code_id"),
)

# An answer has no id of its own (migration 0008): an increasing id would tell whose answer was
# saved first. On SQLite the table has no rowid either, for the same reason.
answer = Table(
    "answer",
    metadata,
    Column("respondent_id", Integer, ForeignKey("respondent.id"), primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False),
    Column("criterion", String(CRITERION_LENGTH), primary_key=True),
    Column("kind", String(5), nullable=False),  # score | dk | na
    Column("score", SmallInteger, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", Date, nullable=False),  # the day, not the time (migration 0008)
    CheckConstraint(
        "(kind = 'score' AND score IS NOT NULL) OR (kind IN ('dk', 'na') AND score IS NULL)",
        name="value",
    ),
    # Covers the per-criterion aggregates of the board overview (migration 0002).
    Index("ix_answer_scan_criterion_value", "scan_id", "criterion", "kind", "score"),
    sqlite_with_rowid=False,
)

consensus = Table(
    "consensus",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False),
    Column("criterion", String(CRITERION_LENGTH), nullable=False),
    Column("kind", String(5), nullable=False),
    Column("score", SmallInteger, nullable=True),
    Column("note", Text, nullable=False, default=""),
    Column("decided_at", UTCDateTime, nullable=False),
    _version_column(),
    UniqueConstraint("scan_id", "criterion"),
    CheckConstraint(
        "(kind = 'score' AND score IS NOT NULL) OR (kind IN ('dk', 'na') AND score IS NULL)",
        name="value",
    ),
)

action = Table(
    "action",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False, index=True),
    Column("theme", String(CRITERION_LENGTH), nullable=False),
    Column("criterion", String(CRITERION_LENGTH), nullable=True),
    Column("title", String(TITLE_LENGTH), nullable=False),
    Column("owner", String(NAME_LENGTH), nullable=False, default=""),
    Column("due_date", Date, nullable=True),
    Column("status", String(10), nullable=False),
    Column("carried_from", Integer, ForeignKey("action.id", ondelete="SET NULL"), nullable=True),
    _version_column(),
    UniqueConstraint("scan_id", "carried_from"),
    CheckConstraint("status IN ('planned', 'doing', 'done', 'dropped')", name="status"),
)

# A browser's sign-in with a coordinator, trainer or board code (migration 0003). The token the
# browser holds in its cookie is stored only as its SHA-256. Until ``handed_over_at`` is set the
# hash is that of a one-time ticket that the browser exchanges for the token.
session = Table(
    "session",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("code_id", Integer, ForeignKey("access_code.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False, index=True),
    Column("handed_over_at", UTCDateTime, nullable=True),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),
    # SHA-256 of the browser cookie of the page that asked for the ticket (migration 0007): only
    # that browser can exchange the ticket, so a ticket sent to someone else signs nobody in.
    Column("browser_hash", String(64), nullable=True),
)

# The further trainer codes a trainer added to a session (migration 0004): one browser, several
# schools. The session's own ``code_id`` is the code it was opened with.
session_code = Table(
    "session_code",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("session.id"), nullable=False),
    Column("code_id", Integer, ForeignKey("access_code.id"), nullable=False, index=True),
    Column("added_at", UTCDateTime, nullable=False),
    UniqueConstraint("session_id", "code_id"),
)

# What a board may see of one closed scan (migration 0005), computed once when the scan is closed
# and deleted when it is reopened (``summaries.py``). It holds no answer and no note: ``themes``
# maps readiness, phase and flags each by theme (what the board page reads for every scan), ``map``
# the ontwikkelkaart cells per theme (read for one school at a time), ``criteria`` the
# per-criterion aggregates with the mean and counts left out where fewer than ``min_group_size``
# scored it. All three are NULL when fewer than ``min_group_size`` respondents answered at all.
scan_summary = Table(
    "scan_summary",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False, unique=True),
    Column("school_id", Integer, ForeignKey("school.id"), nullable=False, index=True),
    Column("respondents", Integer, nullable=False),  # answered at least one criterion
    Column("submitted", Integer, nullable=False),
    Column("closed_at", UTCDateTime, nullable=False),
    Column("school_phase", String(CRITERION_LENGTH), nullable=True),
    Column("themes", JSON(none_as_null=True), nullable=True),
    Column("map", JSON(none_as_null=True), nullable=True),
    Column("criteria", JSON(none_as_null=True), nullable=True),
    # The scoring version the summary was computed with (migration 0010; summaries.SCORING).
    Column("scoring", SmallInteger, nullable=True),
    # Written only when the retention removes the scan's answers (migration 0008), and read by
    # the school alone (never by the board): per criterion how often each value was given,
    # ``{criterion: [[kind, score, times], ...]}``. Resultaten scores it as it scored the answers.
    Column("answer_counts", JSON(none_as_null=True), nullable=True),
)

# What the board last saw of a scan with results (migration 0012, ``summary_basis.py``): the
# answers its summary was computed from, per criterion and without respondents, and per
# respondent a SHA-256 of their answers. A later summary that would differ from it by fewer than
# ``min_group_size`` respondents is computed from these answers instead, so that no two
# summaries a board sees can be subtracted to give one colleague's answers. Kept while the scan
# is reopened. Like ``scan_summary.answer_counts`` it holds answers per criterion, tied to no
# respondent, so it stays when the retention removes the answers (the board's figures keep being
# computed from it) and goes with the school.
summary_basis = Table(
    "summary_basis",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scan.id"), nullable=False, unique=True),
    Column("respondents", JSON, nullable=False),  # respondent id -> SHA-256 of their answers
    Column("answers", JSON, nullable=False),  # criterion id -> every answer, sorted
    Column("submitted", Integer, nullable=False),
    Column("closed_at", UTCDateTime, nullable=False),
)

# Who did what (migration 0009, ``audit.py``): one row per sign-in, code issued or revoked, scan
# opened, closed or reopened, agreed value or plan saved, export or download, purge or deletion.
# The time is kept to the minute. It holds ids, a role, the label of the code that acted and a few
# words of ``detail`` (a scan label, a count, a file kind), never an answer, a note or a code.
# No foreign keys: the record of a deleted school or code stays readable to the operator.
audit_event = Table(
    "audit_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("occurred_at", UTCDateTime, nullable=False, index=True),
    Column("role", String(20), nullable=False),
    Column("code_id", Integer, nullable=True),
    Column("code_label", String(NAME_LENGTH), nullable=False, default=""),
    Column("action", String(40), nullable=False),
    Column("board_id", Integer, nullable=True),
    Column("school_id", Integer, nullable=True),
    Column("scan_id", Integer, nullable=True),
    Column("detail", JSON(none_as_null=True), nullable=True),
    Index("ix_audit_event_school_id_id", "school_id", "id"),
)

# Wrong codes counted per browser session and per network address (migration 0007), shared by
# every app process (``assessment/code_attempts.py``). ``key`` is the SHA-256 of what is counted,
# so the table holds no address; a row is forgotten an hour after its last wrong code.
code_attempt = Table(
    "code_attempt",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=False, index=True),
    Column("locked_until", UTCDateTime, nullable=True),
)

# Children before parents: the order to empty the tables in.
ALL_TABLES = (
    audit_event,
    code_attempt,
    session_code,
    session,
    summary_basis,
    scan_summary,
    action,
    consensus,
    answer,
    respondent,
    access_code,
    scan_criterion,
    scan,
    school,
    board,
)
