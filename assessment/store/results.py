"""What Resultaten (and the trend in the PDF) reads, in four statements.

The caller's code, the school with its scans, the values of the scans up to the chosen one, and
who started the chosen scan. Answers come counted per criterion and value, never per respondent:
what the page scores is the same, and no order of respondents leaves the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, literal, select, union_all

from assessment.scoring import AnswerValue
from assessment.store import tables as T
from assessment.store._common import decode_value, scan_info
from assessment.store.access import school_content, verify
from assessment.store.engine import reading
from assessment.store.info import Access, ScanInfo, SchoolInfo
from assessment.store.removed_answers import kept_answers
from assessment.store.scan_kind import YEARLY


@dataclass(frozen=True)
class ScanValues:
    """One scan as scoring input: the answers per criterion and the agreed values."""

    answers: dict[str, list[AnswerValue]]
    agreed: dict[str, AnswerValue]


@dataclass(frozen=True)
class ResultsView:
    school: SchoolInfo
    scans: list[ScanInfo]  # the school's scans, newest first
    scan: ScanInfo  # the one shown
    values: dict[int, ScanValues]  # per scan id: the shown scan and every scan before it
    started_roles: list[str | None]  # the role of everyone who started the shown scan
    submitted: int

    @property
    def earlier(self) -> list[ScanInfo]:
        """The scans before the shown one, newest first."""
        return self.scans[self.scans.index(self.scan) + 1 :]

    @property
    def previous(self) -> ScanInfo | None:
        earlier = self.earlier
        return earlier[0] if earlier else None


def results_view(
    engine: Engine, access: Access, school_id: int, scan_id: int | None = None
) -> ResultsView | None:
    """The school's yearly scans and what Resultaten shows of ``scan_id`` (the newest when None
    or not one of them); None when the school has no yearly scan (a tussenmeting is read by
    ``interim.interim_views``). Coordinator and trainer of
    the school (and admin): it holds every answer value."""
    with reading(engine) as connection:
        verify(connection, access)
        school_content(access, school_id)
        rows = connection.execute(
            select(T.scan, T.school.c.board_id, T.school.c.name.label("school_name"))
            .add_columns(T.school.c.share_with_board, T.school.c.is_demo)
            .join(T.school, T.school.c.id == T.scan.c.school_id)
            .where(T.scan.c.school_id == school_id, T.scan.c.kind == YEARLY)
            .order_by(T.scan.c.created_at.desc(), T.scan.c.id.desc())
        ).all()
        if not rows:
            return None
        scans = [scan_info(row) for row in rows]
        shown = next((s for s in scans if s.id == scan_id), scans[0])
        wanted = [s.id for s in scans[scans.index(shown) :]]
        values = _values(connection, wanted)
        for row in rows:  # a scan whose answers the retention removed: their counts stand in
            if row.id in values and (kept := kept_answers(connection, row)) is not None:
                values[row.id] = ScanValues(kept.answers(), values[row.id].agreed)
                if row.id == shown.id:
                    started_roles: list[str | None] = [None] * kept.respondents
                    submitted = kept.submitted
        if shown.answers_removed_on is None:
            started_roles, submitted = _respondents(connection, shown.id)
    first = rows[0]
    school = SchoolInfo(
        id=school_id,
        board_id=first.board_id,
        name=first.school_name,
        share_with_board=bool(first.share_with_board),
        is_demo=bool(first.is_demo),
    )
    return ResultsView(school, scans, shown, values, started_roles, submitted)


def _values(connection: Connection, scan_ids: list[int]) -> dict[int, ScanValues]:
    answers = (
        select(
            literal("answer").label("source"),
            T.answer.c.scan_id,
            T.answer.c.criterion,
            T.answer.c.kind,
            T.answer.c.score,
            func.count().label("times"),
        )
        .where(T.answer.c.scan_id.in_(scan_ids))
        .group_by(T.answer.c.scan_id, T.answer.c.criterion, T.answer.c.kind, T.answer.c.score)
    )
    agreed = select(
        literal("agreed").label("source"),
        T.consensus.c.scan_id,
        T.consensus.c.criterion,
        T.consensus.c.kind,
        T.consensus.c.score,
        literal(1).label("times"),
    ).where(T.consensus.c.scan_id.in_(scan_ids))
    values = {scan_id: ScanValues({}, {}) for scan_id in scan_ids}
    for row in connection.execute(union_all(answers, agreed)):
        value = decode_value(row.kind, row.score)
        if row.source == "answer":
            values[row.scan_id].answers.setdefault(row.criterion, []).extend([value] * row.times)
        else:
            values[row.scan_id].agreed[row.criterion] = value
    return values


def _respondents(connection: Connection, scan_id: int) -> tuple[list[str | None], int]:
    rows = connection.execute(
        select(
            T.respondent.c.role,
            func.count().label("started"),
            func.count(T.respondent.c.submitted_at).label("submitted"),
        )
        .where(T.respondent.c.scan_id == scan_id, T.respondent.c.started_at.is_not(None))
        .group_by(T.respondent.c.role)
    )
    roles: list[str | None] = []
    submitted = 0
    for row in rows:
        roles.extend([row.role] * row.started)
        submitted += row.submitted
    return roles, submitted
