"""What the store hands out: frozen dataclasses, never ORM objects or rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from assessment.roles import CODE_ROLES as CODE_ROLES
from assessment.scoring import AnswerValue
from assessment.store.errors import AccessDenied

Role = Literal["admin", "board", "coordinator", "trainer", "respondent"]
ROLES: tuple[str, ...] = ("admin", "board", "coordinator", "trainer", "respondent")
SCAN_STATUSES: tuple[str, ...] = ("open", "closed")
ACTION_STATUSES: tuple[str, ...] = ("planned", "doing", "done", "dropped")
OPEN_ACTION_STATUSES: tuple[str, ...] = ("planned", "doing")
REVIEW_DECISIONS: tuple[str, ...] = ("continue", "done", "dropped")


@dataclass(frozen=True)
class Access:
    """Who the caller is and what they may reach. Obtain it from ``resolve_code``,
    ``admin_access`` or ``demo_access``; every service function checks it again."""

    role: Role
    board_id: int | None = None
    school_id: int | None = None
    scan_id: int | None = None
    respondent_id: int | None = None
    code_id: int | None = None

    # A page or export knows from the role that the access is bound to a school (or scan, or
    # board); these say so to the type checker, and refuse an access that is not.
    @property
    def bound_school_id(self) -> int:
        """The school of a coordinator's, trainer's or respondent's access."""
        return _bound(self.school_id)

    @property
    def bound_scan_id(self) -> int:
        """The scan of a respondent's access."""
        return _bound(self.scan_id)

    @property
    def bound_board_id(self) -> int:
        """The board of a board member's access."""
        return _bound(self.board_id)


def _bound(value: int | None) -> int:
    if value is None:
        raise AccessDenied()
    return value


@dataclass(frozen=True)
class BoardInfo:
    id: int
    name: str


@dataclass(frozen=True)
class SchoolInfo:
    id: int
    board_id: int
    name: str
    share_with_board: bool
    is_demo: bool


@dataclass(frozen=True)
class ScanInfo:
    id: int
    school_id: int
    label: str
    rubric_id: str
    rubric_version: str
    rubric_hash: str
    status: Literal["open", "closed"]
    created_at: dt.datetime
    closed_at: dt.datetime | None
    # The days the retention removed the evidence notes, and the answers with the respondents.
    notes_removed_on: dt.date | None = None
    answers_removed_on: dt.date | None = None
    kind: str = "jaarscan"  # or "tussenmeting" (``scan_kind.py``)

    @property
    def answers_removed_after(self) -> int | None:
        """Whole years from closing to the removal of the answers ("verwijderd na 5 jaar")."""
        if self.answers_removed_on is None or self.closed_at is None:
            return None
        return whole_years(self.closed_at.date(), self.answers_removed_on)

    @property
    def notes_removed_after(self) -> int | None:
        if self.notes_removed_on is None or self.closed_at is None:
            return None
        return whole_years(self.closed_at.date(), self.notes_removed_on)


def whole_years(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


@dataclass(frozen=True)
class RespondentInfo:
    """A respondent's days of starting and submitting: never a time (README, privacy)."""

    id: int
    scan_id: int
    role: str | None  # the first role chosen: the one every breakdown by role counts
    started_at: dt.date | None
    submitted_at: dt.date | None
    other_roles: tuple[str, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role chosen, first role first (empty without a role)."""
        return ((self.role,) if self.role else ()) + self.other_roles


@dataclass(frozen=True)
class AnswerInfo:
    criterion: str
    value: AnswerValue
    note: str
    updated_at: dt.date  # the day, never the time


@dataclass(frozen=True)
class AgreedInfo:
    criterion: str
    value: AnswerValue
    note: str
    decided_at: dt.datetime
    version: int  # what a later change must name (``set_agreed``)


@dataclass(frozen=True)
class ActionInfo:
    id: int
    scan_id: int
    theme: str
    criterion: str | None
    title: str
    owner: str
    due_date: dt.date | None
    status: Literal["planned", "doing", "done", "dropped"]
    carried_from: int | None
    version: int  # what a later change must name (``save_plan``, ``update_action``)


@dataclass(frozen=True)
class CodeInfo:
    id: int
    role: str
    board_id: int | None
    school_id: int | None
    scan_id: int | None
    respondent_id: int | None
    label: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class IssuedCode:
    """A new code: ``code`` is the secret, shown once and stored nowhere. A respondent code has
    its ``number`` ("Collega N") within its scan."""

    code: str
    info: CodeInfo
    number: int | None = None


@dataclass(frozen=True)
class TeamCode:
    """A code as the coordinator's list shows it: never its secret and never an answer. For a
    respondent code: its ``number`` ("Collega N") and how far its holder got."""

    info: CodeInfo
    number: int | None
    started: bool
    submitted: bool
    answered: int
    own: bool


@dataclass(frozen=True)
class ScanData:
    """One scan as scoring input, with what coordinator and trainer may read beside it."""

    scan: ScanInfo
    answers: dict[str, list[AnswerValue]]
    agreed: dict[str, AnswerValue]
    agreed_notes: dict[str, str]
    agreed_versions: dict[str, int]  # of every agreed value: what a change must name
    notes: dict[str, list[str]]  # non-empty evidence notes per criterion
    respondents: list[RespondentInfo]  # everyone who started
    # A scan whose answers the retention removed has no respondents left; its summary kept
    # how many answered and submitted.
    removed_respondents: int = 0
    removed_submitted: int = 0

    @property
    def started(self) -> int:
        return len(self.respondents) or self.removed_respondents

    @property
    def submitted(self) -> int:
        kept = sum(1 for r in self.respondents if r.submitted_at is not None)
        return kept or self.removed_submitted


@dataclass(frozen=True)
class ScanProgress:
    """How far a scan has come, in counts: what the coordinator's checklist ticks off."""

    scan: ScanInfo
    codes: int  # respondent codes handed out and not revoked
    started: int  # respondents who began the questionnaire
    submitted: int
    answers: int
    agreed: int  # criteria with an agreed value
    actions: int


@dataclass(frozen=True)
class CriterionSummary:
    """One criterion of a closed scan as a board may see it. ``mean`` and the counts are None
    when fewer than ``min_group_size`` respondents scored it; the agreed value is the team's."""

    criterion: str
    n: int | None  # numeric answers
    mean: float | None
    dont_know: int | None
    not_applicable: int | None
    agreed: AnswerValue | None


@dataclass(frozen=True)
class BoardScan:
    """A closed scan of a school that shares with its board: counts and date, and per theme id its
    readiness (0-100), the phase it works on and its flags. The mappings are empty when fewer than
    ``min_group_size`` respondents answered it: the board then sees only the counts and date."""

    scan_id: int
    label: str
    closed_at: dt.datetime
    respondents: int  # answered at least one criterion
    submitted: int
    school_phase: str | None
    readiness: Mapping[str, float | None]
    phases: Mapping[str, str]
    flags: Mapping[str, Sequence[str]]
    answers_removed_on: dt.date | None = None  # the retention removed the answers; this stays

    @property
    def answers_removed_after(self) -> int | None:
        if self.answers_removed_on is None:
            return None
        return whole_years(self.closed_at.date(), self.answers_removed_on)

    @property
    def shown(self) -> bool:
        return bool(self.phases)


@dataclass(frozen=True)
class BoardSchool:
    school: SchoolInfo
    scans: tuple[BoardScan, ...]  # closed scans, newest first

    @property
    def latest(self) -> BoardScan | None:
        """The newest scan with results to show."""
        return next((scan for scan in self.scans if scan.shown), None)
