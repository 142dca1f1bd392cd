"""What a board sees: its schools that opted in, with per-criterion aggregates computed in SQL."""

from __future__ import annotations

from sqlalchemy import Engine, case, func, select

from assessment.store import tables as T
from assessment.store._common import decode_value, scan_info, school_info
from assessment.store.access import verify
from assessment.store.engine import reading
from assessment.store.errors import AccessDenied
from assessment.store.info import (
    BoardScanSummary,
    BoardSchoolSummary,
    CriterionAggregate,
)
from assessment.store.rubrics import rubric_for

DEFAULT_MIN_GROUP_SIZE = 3


def board_overview(engine: Engine, access) -> list[BoardSchoolSummary]:
    """Every school of the board that shares with it, each with its scans (newest first) and per
    criterion the mean and counts of the answers, never a single answer or note. A scan that fewer
    than the rubric's ``min_group_size`` respondents answered shows no aggregates at all, and a
    criterion scored by fewer than that many shows no mean (one teacher's answer would be its mean);
    the team's agreed value is a team verdict and is always shown."""
    with reading(engine) as connection:
        verify(connection, access)
        if access.role != "board":
            raise AccessDenied()
        shared = (T.school.c.board_id == access.board_id) & T.school.c.share_with_board.is_(True)
        # "scan_id IN (...)" lets the database read the answer index in GROUP BY order.
        shared_scans = (
            select(T.scan.c.id).join(T.school, T.school.c.id == T.scan.c.school_id).where(shared)
        )
        schools = connection.execute(
            select(T.school).where(shared).order_by(T.school.c.name, T.school.c.id)
        ).all()
        scans = connection.execute(
            select(T.scan)
            .join(T.school, T.school.c.id == T.scan.c.school_id)
            .where(shared)
            .order_by(T.scan.c.created_at.desc(), T.scan.c.id.desc())
        ).all()
        counts = {
            row.scan_id: (row.started, row.submitted)
            for row in connection.execute(
                select(
                    T.respondent.c.scan_id,
                    func.count(T.respondent.c.started_at).label("started"),
                    func.count(T.respondent.c.submitted_at).label("submitted"),
                )
                .where(T.respondent.c.scan_id.in_(shared_scans))
                .group_by(T.respondent.c.scan_id)
            )
        }
        answered = dict(
            connection.execute(
                select(T.answer.c.scan_id, func.count(func.distinct(T.answer.c.respondent_id)))
                .where(T.answer.c.scan_id.in_(shared_scans))
                .group_by(T.answer.c.scan_id)
            ).all()
        )
        aggregates: dict[int, dict[str, list]] = {}
        rows = connection.execute(
            select(
                T.answer.c.scan_id,
                T.answer.c.criterion,
                func.avg(T.answer.c.score),
                func.count(T.answer.c.score),
                func.sum(case((T.answer.c.kind == "dk", 1), else_=0)),
                func.sum(case((T.answer.c.kind == "na", 1), else_=0)),
            )
            .where(T.answer.c.scan_id.in_(shared_scans))
            .group_by(T.answer.c.scan_id, T.answer.c.criterion)
        )
        for scan_id, criterion, mean, n, dk, na in rows:  # unpacked: many rows at board scale
            per_scan = aggregates.get(scan_id)
            if per_scan is None:
                per_scan = aggregates[scan_id] = {}
            per_scan[criterion] = [
                None if mean is None else float(mean),
                int(n),
                int(dk or 0),
                int(na or 0),
                None,
            ]
        for row in connection.execute(
            select(
                T.consensus.c.scan_id,
                T.consensus.c.criterion,
                T.consensus.c.kind,
                T.consensus.c.score,
            ).where(T.consensus.c.scan_id.in_(shared_scans))
        ):
            entry = aggregates.setdefault(row.scan_id, {}).setdefault(
                row.criterion, [None, 0, 0, 0, None]
            )
            entry[4] = decode_value(row.kind, row.score)

    by_school: dict[int, list[BoardScanSummary]] = {school.id: [] for school in schools}
    for scan in scans:
        started, submitted = counts.get(scan.id, (0, 0))
        rubric = rubric_for(scan.rubric_id, scan.rubric_hash)
        minimum = rubric.rules.min_group_size if rubric else DEFAULT_MIN_GROUP_SIZE
        suppressed = answered.get(scan.id, 0) < minimum
        criteria = {}
        if not suppressed:
            criteria = {
                criterion: CriterionAggregate(
                    criterion, *((mean, n) if n >= minimum else (None, 0)), dk, na, agreed
                )
                for criterion, (mean, n, dk, na, agreed) in sorted(
                    aggregates.get(scan.id, {}).items()
                )
            }
        by_school[scan.school_id].append(
            BoardScanSummary(scan_info(scan), started, submitted, suppressed, criteria)
        )
    return [BoardSchoolSummary(school_info(school), by_school[school.id]) for school in schools]
