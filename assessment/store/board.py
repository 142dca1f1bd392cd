"""What a board sees: the closed scans of its schools that opted in, read from ``scan_summary``.

Nothing here reads an answer, a note or an open scan, and nothing is scored: the summaries were
computed when each scan was closed (``summaries.py``), with the privacy rules already applied.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Engine, select

from assessment.store import tables as T
from assessment.store._common import school_info
from assessment.store.access import verify
from assessment.store.engine import reading
from assessment.store.errors import AccessDenied
from assessment.store.info import (
    Access,
    BoardScan,
    BoardSchool,
    CriterionSummary,
)
from assessment.store.scan_kind import YEARLY


def _board_only(connection: Connection, access: Access) -> None:
    verify(connection, access)
    if access.role != "board":
        raise AccessDenied()


def _shared(access: Access) -> ColumnElement[bool]:
    return (T.school.c.board_id == access.board_id) & T.school.c.share_with_board.is_(True)


def board_overview(engine: Engine, access: Access) -> list[BoardSchool]:
    """Every school of the board that shares with it (by name), each with its closed scans,
    newest first: counts, date, and per theme readiness, phase and flags."""
    with reading(engine) as connection:
        _board_only(connection, access)
        schools = connection.execute(
            select(T.school).where(_shared(access)).order_by(T.school.c.name, T.school.c.id)
        ).all()
        summary = T.scan_summary.c
        rows = (
            connection.execute(
                select(
                    summary.school_id,
                    summary.scan_id,
                    T.scan.c.label,
                    summary.closed_at,
                    summary.respondents,
                    summary.submitted,
                    summary.school_phase,
                    summary.themes,
                    T.scan.c.answers_removed_on,
                )
                .join(T.scan, T.scan.c.id == summary.scan_id)
                .join(T.school, T.school.c.id == summary.school_id)
                .where(_shared(access), T.scan.c.status == "closed", T.scan.c.kind == YEARLY)
                .order_by(T.scan.c.created_at.desc(), T.scan.c.id.desc())
            )
        ).all()
    scans: dict[int, list[BoardScan]] = {school.id: [] for school in schools}
    # Newest first by opening (created_at, only sorted on: parsing 5,000 more dates costs more
    # than all the rest on SQLite).
    for row in rows:
        themes = row.themes or {}
        scans[row.school_id].append(
            BoardScan(
                row.scan_id,
                row.label,
                row.closed_at,
                row.respondents,
                row.submitted,
                row.school_phase,
                themes.get("readiness", {}),
                themes.get("phase", {}),
                themes.get("flags", {}),
                row.answers_removed_on,
            )
        )
    return [BoardSchool(school_info(school), tuple(scans[school.id])) for school in schools]


def board_maps(
    engine: Engine, access: Access, scan_ids: list[int]
) -> dict[int, dict[str, list[tuple[Any, ...]]]]:
    """The ontwikkelkaart cells (phase, state, mean, unknown items) per theme of the given closed scans of the
    board's sharing schools; other scans are left out."""
    with reading(engine) as connection:
        _board_only(connection, access)
        rows = _summaries_of(connection, access, scan_ids, T.scan_summary.c.map)
    return {
        scan_id: {theme: [tuple(cell) for cell in cells] for theme, cells in themes.items()}
        for scan_id, themes in rows
    }


def board_criteria(
    engine: Engine, access: Access, scan_ids: list[int]
) -> dict[int, dict[str, CriterionSummary]]:
    """Per-criterion aggregates of the given closed scans of the board's sharing schools (the
    others are left out): a mean and counts only where enough respondents scored a criterion."""
    with reading(engine) as connection:
        _board_only(connection, access)
        rows = _summaries_of(connection, access, scan_ids, T.scan_summary.c.criteria)
    return {
        scan_id: {
            criterion: CriterionSummary(
                criterion,
                entry.get("n"),
                entry.get("mean"),
                entry.get("dk"),
                entry.get("na"),
                entry.get("agreed"),
            )
            for criterion, entry in sorted(criteria.items())
        }
        for scan_id, criteria in rows
    }


def _summaries_of(
    connection: Connection, access: Access, scan_ids: list[int], column: Column[Any]
) -> list[tuple[int, Any]]:
    """(scan id, ``column`` of its summary) of the given scans that the board may see."""
    rows = connection.execute(
        select(T.scan_summary.c.scan_id, column.label("summary"))
        .join(T.school, T.school.c.id == T.scan_summary.c.school_id)
        .where(_shared(access), T.scan_summary.c.scan_id.in_(scan_ids), column.is_not(None))
    )
    return [(row.scan_id, row.summary) for row in rows]
