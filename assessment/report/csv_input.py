"""The report input from answer CSV files, without a database (``python -m assessment report``).

There is no action plan in CSV files, so the report says so; a previous answers file gives the
previous scan's line in the radar and the change column.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from assessment.answers_csv import AnswerRow, answers_by_criterion, read_answers, read_consensus
from assessment.i18n import t
from assessment.report.model import previous_school_year, school_year
from assessment.respondents import notes_in_anonymous_order
from assessment.retired_ids import notes_under_current_ids
from assessment.rubric import Rubric
from assessment.scoring import ScanResult, score_scan
from assessment.views.report_input import PreviousScan, ReportInput


def report_input_from_csv(
    answers: Path,
    *,
    school: str,
    rubric: Rubric,
    lang: str = "nl",
    consensus: Path | None = None,
    previous: Path | None = None,
    previous_consensus: Path | None = None,
    label: str | None = None,
    previous_label: str | None = None,
    with_notes: bool = False,
    today: dt.date | None = None,
) -> ReportInput:
    """Read and score the files (``InputError`` lists every bad row) into a ``ReportInput``."""
    today = today or dt.date.today()
    rows = read_answers(answers, rubric, lang)
    result = _score(rubric, rows, consensus, lang)
    label = label or school_year(today)
    previous_scan = None
    if previous is not None:
        previous_rows = read_answers(previous, rubric, lang)
        previous_scan = PreviousScan(
            label=previous_label
            or previous_school_year(label)
            or t("report.summary.table.previous", lang),
            result=_score(rubric, previous_rows, previous_consensus, lang),
        )
    roles = Counter(_roles(rows).values())
    notes: dict[str, list[str]] = {}
    if with_notes:
        for row in rows:
            if row.note.strip():
                notes.setdefault(row.criterion, []).append(row.note)
        notes = {
            c: notes_in_anonymous_order(texts)
            for c, texts in notes_under_current_ids(rubric, notes).items()
        }
    return ReportInput(
        school=school,
        scan_label=label,
        date=today,
        rubric=rubric,
        result=result,
        lang=lang,
        respondents=len({row.respondent for row in rows}),
        roles=dict(roles),
        previous=previous_scan,
        actions=None,
        notes=notes,
        generated=today,
    )


def _score(rubric: Rubric, rows: list[AnswerRow], consensus: Path | None, lang: str) -> ScanResult:
    agreed = read_consensus(consensus, rubric, lang) if consensus else {}
    return score_scan(rubric, answers_by_criterion(rows), agreed)


def _roles(rows: list[AnswerRow]) -> dict[str, str]:
    """Each respondent's role: the first one given on any of their rows ("" when none)."""
    roles: dict[str, str] = {}
    for row in rows:
        if not roles.get(row.respondent):
            roles[row.respondent] = row.role.strip().lower()
    return roles
