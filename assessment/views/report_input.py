"""The plain input of the action-plan report: everything it shows, with no database behind it.

``ReportInput`` is built from the store by ``assessment.views.report.report_input``, from answers
CSV files by ``assessment.report.csv_input`` and by hand in tests; ``build_report`` turns it into
PDF bytes. Importing it loads no database layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assessment.rubric import Rubric
from assessment.scoring import ScanResult
from assessment.views.trend import TrendPoint


@dataclass(frozen=True)
class ReportAction:
    """One action of an action plan. ``theme`` and ``criterion`` are rubric ids (may be unknown to
    the rubric of the report, e.g. from an older scan); ``status`` is one of ``assessment.report.model.ACTION_STATUSES``."""

    title: str
    theme: str | None = None
    criterion: str | None = None
    owner: str = ""
    due_date: dt.date | None = None
    status: str = "planned"
    id: int | None = None
    carried_from: int | None = None  # id of the previous scan's action this one continues


@dataclass(frozen=True)
class PreviousScan:
    """The school's scan before this one: its line in the radar, the change column, its actions."""

    label: str
    result: ScanResult
    actions: Sequence[ReportAction] = ()
    rubric_version: str | None = None


@dataclass(frozen=True)
class ReportInput:
    school: str
    scan_label: str  # usually the school year, e.g. "2026-2027"
    date: dt.date  # the date the results stand for (closing date, or today for an open scan)
    rubric: Rubric
    result: ScanResult
    lang: str = "nl"
    respondents: int = 0
    roles: Mapping[str, int] = field(default_factory=dict)  # role id -> respondents ("" = none)
    submitted: int | None = None  # respondents who handed in, when known
    previous: PreviousScan | None = None
    actions: Sequence[ReportAction] | None = None  # None: no action plan available (CSV input)
    notes: Mapping[str, Sequence[str]] = field(default_factory=dict)  # evidence notes per criterion
    agreed_notes: Mapping[str, str] = field(default_factory=dict)  # the team's note per criterion
    rubric_version: str | None = None  # the version the scan was taken with, when not the rubric's
    generated: dt.date | None = None  # the day the PDF is made; today when None
    trend: Sequence[TrendPoint] = ()  # the school's scans up to this one, oldest first (3 or more)
    answers_removed_after: int | None = None  # years after closing the retention removed them
