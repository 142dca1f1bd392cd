"""What the research export reads from the database: the closed yearly scans of schools that
opted in, with the answers their board summary was computed from. Operator (admin) only.

The answers of a scan are those of its ``summary_basis`` (what the board last saw), so that two
exports, like two board summaries, can never be subtracted to give one late colleague's answers;
a scan without a basis (closed before it existed) gives its answers as they are. A scan whose
answers the retention removed still counts: its summary keeps how often each value was given per
criterion, which is all the dataset publishes of answers. Its agreed values stay too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, Subquery, func, select

from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import decode_value
from assessment.store.access import verify
from assessment.store.audit_record import record
from assessment.store.engine import writing
from assessment.store.errors import AccessDenied
from assessment.store.info import Access
from assessment.store.removed_answers import expand
from assessment.store.scan_kind import YEARLY


@dataclass(frozen=True)
class ResearchScan:
    research_id: str
    school_type: str | None
    school_year: str  # "2025-2026": the school year the scan was opened in
    respondents: int  # answered at least one criterion, as in the board summary
    rubric_id: str
    rubric_version: str
    rubric_hash: str
    answers: dict[str, list[AnswerValue]]
    agreed: dict[str, AnswerValue]


def school_year(moment: dt.datetime) -> str:
    """The Dutch school year (from 1 August) of a day, as Beheer suggests scan labels."""
    first = moment.year if moment.month >= 8 else moment.year - 1
    return f"{first}-{first + 1}"


def _yearly_closed_scans() -> Select[Any]:
    """The scans the dataset may hold: closed yearly scans (never a tussenmeting) of a school
    that opted in, never the demo."""
    return (
        select(
            T.scan.c.id,
            T.scan.c.created_at,
            T.scan.c.rubric_id,
            T.scan.c.rubric_version,
            T.scan.c.rubric_hash,
            T.scan.c.answers_removed_on,
            T.school.c.research_id,
            T.school.c.school_type,
            T.scan_summary.c.respondents,
            T.scan_summary.c.answer_counts,
        )
        .join(T.school, T.school.c.id == T.scan.c.school_id)
        .join(T.scan_summary, T.scan_summary.c.scan_id == T.scan.c.id)
        .where(
            T.scan.c.status == "closed",
            T.scan.c.kind == YEARLY,
            T.school.c.research_opt_in.is_(True),
            T.school.c.research_id.is_not(None),
            T.school.c.is_demo.is_(False),
        )
    )


def research_scans(engine: Engine, access: Access) -> list[ResearchScan]:
    """Every scan the dataset may hold, ordered by school and time; logged as an export."""
    with writing(engine) as connection:
        verify(connection, access)
        if access.role != "admin":
            raise AccessDenied()
        scans = _read(connection)
        record(connection, access, "research_export", detail={"count": len(scans)})
        return scans


def _read(connection: Connection) -> list[ResearchScan]:
    chosen = _yearly_closed_scans().subquery()
    rows = connection.execute(
        select(chosen, T.summary_basis.c.answers.label("basis"))
        .outerjoin(T.summary_basis, T.summary_basis.c.scan_id == chosen.c.id)
        .order_by(chosen.c.research_id, chosen.c.created_at, chosen.c.id)
    ).all()
    agreed = _agreed(connection, chosen)
    live = _live_answers(connection, chosen)
    scans = []
    for row in rows:
        if row.basis is not None:
            answers = {c: list(v) for c, v in row.basis.items()}
        elif row.answers_removed_on is not None:
            answers = expand(row.answer_counts or {})
        else:
            answers = live.get(row.id, {})
        scans.append(
            ResearchScan(
                research_id=row.research_id,
                school_type=row.school_type,
                school_year=school_year(row.created_at),
                respondents=row.respondents,
                rubric_id=row.rubric_id,
                rubric_version=row.rubric_version,
                rubric_hash=row.rubric_hash,
                answers=answers,
                agreed=agreed.get(row.id, {}),
            )
        )
    return scans


def _agreed(connection: Connection, chosen: Subquery) -> dict[int, dict[str, AnswerValue]]:
    agreed: dict[int, dict[str, AnswerValue]] = {}
    consensus = T.consensus.c
    for row in connection.execute(
        select(consensus.scan_id, consensus.criterion, consensus.kind, consensus.score).join(
            chosen, chosen.c.id == consensus.scan_id
        )
    ):
        agreed.setdefault(row.scan_id, {})[row.criterion] = decode_value(row.kind, row.score)
    return agreed


def _live_answers(
    connection: Connection, chosen: Subquery
) -> dict[int, dict[str, list[AnswerValue]]]:
    """Answers counted per scan, criterion and value, of the chosen scans without a basis whose
    answers are still there: one GROUP BY."""
    answer = T.answer.c
    rows = connection.execute(
        select(
            answer.scan_id, answer.criterion, answer.kind, answer.score, func.count().label("times")
        )
        .join(chosen, chosen.c.id == answer.scan_id)
        .outerjoin(T.summary_basis, T.summary_basis.c.scan_id == answer.scan_id)
        .where(T.summary_basis.c.id.is_(None), chosen.c.answers_removed_on.is_(None))
        .group_by(answer.scan_id, answer.criterion, answer.kind, answer.score)
    )
    live: dict[int, dict[str, list[AnswerValue]]] = {}
    for row in rows:
        values: Sequence[AnswerValue] = [decode_value(row.kind, row.score)] * row.times
        live.setdefault(row.scan_id, {}).setdefault(row.criterion, []).extend(values)
    return live
