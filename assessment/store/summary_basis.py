"""No summary a board sees can be subtracted from another to give one colleague's answers.

Close a scan with three colleagues, reopen it, let a fourth answer and close again: 4 × the new
mean − 3 × the old one would be the newcomer's answer, and a "weet niet" count going from 0 to 1
would say what they did not know. So each summary with results is computed from a *basis*: the
answers it was computed from, kept with a fingerprint per respondent. When the scan's answers
now differ from that basis by fewer than ``min_group_size`` respondents (new ones, ones whose
answers changed, ones who no longer answered anything), the new summary is computed from the
basis again, counts and dates included; only the team's agreed values are today's. Once at least
``min_group_size`` respondents differ, the summary is computed from today's answers and they
become the basis. A summary without results (too few respondents) shows only counts and never
becomes a basis.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select

from assessment.rubric import Rubric
from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import insert_for
from assessment.views import privacy


@dataclass(frozen=True)
class Basis:
    respondents: Mapping[str, str]  # respondent id -> fingerprint of their answers
    answers: Mapping[str, Sequence[AnswerValue]]  # criterion id -> answers
    submitted: int
    closed_at: dt.datetime


def fingerprints(
    by_respondent: Mapping[int, Mapping[str, AnswerValue]],
) -> dict[str, str]:
    """Per respondent (as text: a JSON key) the SHA-256 of their answers."""
    return {
        str(respondent): hashlib.sha256(
            json.dumps(sorted(answers.items(), key=lambda a: a[0])).encode()
        ).hexdigest()
        for respondent, answers in by_respondent.items()
    }


def differing(before: Mapping[str, str], now: Mapping[str, str]) -> int:
    """How many respondents are new, gone or answered differently."""
    return sum(1 for r in before.keys() | now.keys() if before.get(r) != now.get(r))


def load(connection: Connection, scan_id: int) -> Basis | None:
    row = connection.execute(
        select(T.summary_basis).where(T.summary_basis.c.scan_id == scan_id)
    ).one_or_none()
    if row is None:
        return None
    return Basis(row.respondents, row.answers, row.submitted, row.closed_at)


def store_basis(connection: Connection, scan_id: int, basis: Basis) -> None:
    values = {
        "respondents": dict(basis.respondents),
        "answers": {c: sorted(v, key=str) for c, v in basis.answers.items()},
        "submitted": basis.submitted,
        "closed_at": basis.closed_at,
    }
    connection.execute(
        insert_for(connection, T.summary_basis)
        .values(scan_id=scan_id, **values)
        .on_conflict_do_update(index_elements=["scan_id"], set_=values)
    )


def drop(connection: Connection, scan_id: int) -> None:
    connection.execute(delete(T.summary_basis).where(T.summary_basis.c.scan_id == scan_id))


def choose(connection: Connection, scan_id: int, today: Basis, rubric: Rubric) -> Basis:
    """The basis a summary is computed from: today's answers when the privacy policy lets the
    board's summary follow them (``privacy.summary_may_change``), recorded as the new basis when
    the board may see them; else the basis the board last saw."""
    earlier = load(connection, scan_id)
    if earlier is not None and not privacy.summary_may_change(
        rubric, differing(earlier.respondents, today.respondents)
    ):
        return earlier
    if privacy.board_sees_scan(rubric, len(today.respondents)):
        store_basis(connection, scan_id, today)
    return today
