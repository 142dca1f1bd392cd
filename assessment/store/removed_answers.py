"""What stays of a scan whose answers the retention removed: how often each value was given per
criterion (``scan_summary.answer_counts``) and how many respondents answered and submitted.

Resultaten, the trend, Bespreken and the PDF score such a scan from these counts exactly as they
scored its answers: the answers were only ever read counted per criterion and value. No respondent,
note or time is in them. The board never reads ``answer_counts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, select

from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import decode_value

Counts = dict[str, list[list[Any]]]  # criterion -> [[kind, score, times], ...], as stored


@dataclass(frozen=True)
class KeptAnswers:
    counts: Counts
    respondents: int  # answered at least one criterion
    submitted: int

    def answers(self) -> dict[str, list[AnswerValue]]:
        """The values per criterion, sorted: the scoring input the answers gave."""
        return expand(self.counts)


def expand(counts: Counts) -> dict[str, list[AnswerValue]]:
    values: dict[str, list[AnswerValue]] = {}
    for criterion, entries in counts.items():
        for kind, score, times in entries:
            values.setdefault(criterion, []).extend([decode_value(kind, score)] * int(times))
    return values


def counts_of_answers(connection: Connection, scan_id: int) -> Counts:
    """The counts of a scan's answers while they are still there."""
    rows = connection.execute(
        select(T.answer.c.criterion, T.answer.c.kind, T.answer.c.score, func.count().label("times"))
        .where(T.answer.c.scan_id == scan_id)
        .group_by(T.answer.c.criterion, T.answer.c.kind, T.answer.c.score)
        .order_by(T.answer.c.criterion, T.answer.c.kind, T.answer.c.score)
    )
    counts: Counts = {}
    for row in rows:
        counts.setdefault(row.criterion, []).append([row.kind, row.score, row.times])
    return counts


def kept_answers(connection: Connection, scan: Row[Any]) -> KeptAnswers | None:
    """What a scan whose answers were removed keeps; None while its answers are there."""
    if scan.answers_removed_on is None:
        return None
    row = connection.execute(
        select(
            T.scan_summary.c.answer_counts,
            T.scan_summary.c.respondents,
            T.scan_summary.c.submitted,
        ).where(T.scan_summary.c.scan_id == scan.id)
    ).one_or_none()
    if row is None:
        return KeptAnswers({}, 0, 0)
    return KeptAnswers(row.answer_counts or {}, row.respondents, row.submitted)
