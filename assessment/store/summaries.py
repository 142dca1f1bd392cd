"""Scan summaries: what a board may see of a closed scan, computed once when it is closed.

``refresh`` scores the scan as a board may see it (``board_scoring.py``) and stores per theme its
readiness, phase, flags and ontwikkelkaart cells, and per criterion the counts of the answers; it
runs in the transaction that closes the scan, imports a closed scan or changes an agreed value of
one. ``drop`` runs in the transaction that reopens it (what the board last saw stays as the
scan's ``summary_basis``). The board page reads these rows only.

Privacy is applied here, so the table never holds what a board may not see: a scan that fewer than
the rubric's ``min_group_size`` respondents answered keeps only its counts and date; a criterion
that fewer than that many scored keeps no mean and no "weet niet"/"n.v.t." counts (one colleague's
answer could be read from them), only the team's agreed value, and it counts in no readiness,
phase, flag or ontwikkelkaart cell other than through that agreed value
(``assessment/board_scoring.py``): a board cannot solve any figure for a hidden answer.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Row, delete, func, or_, select

from assessment.board_scoring import score_for_board, shown_to_board
from assessment.development_map import development_map
from assessment.rubric import Rubric
from assessment.scoring import AnswerValue
from assessment.store import summary_basis
from assessment.store import tables as T
from assessment.store._common import decode_value
from assessment.store.removed_answers import kept_answers
from assessment.store.rubrics import rubric_for
from assessment.store.scan_kind import YEARLY, is_yearly
from assessment.views import privacy

_log = logging.getLogger(__name__)

# The version of the scoring rules a summary is computed with; a summary with an older one (or
# none: made before migration 0010) is computed again by ``fill_missing``. 3: critical criteria
# and provisional phases.
SCORING = 3


def summary_values(
    rubric: Rubric,
    answers: Mapping[str, Sequence[AnswerValue]],
    agreed: Mapping[str, AnswerValue],
    respondents: int,
) -> dict[str, Any]:
    """The ``school_phase``, ``themes``, ``map`` and ``criteria`` columns of one scan's summary.
    ``themes`` holds one mapping per field, each by theme id, so that reading it back builds no
    object per theme: the board page reads it for every scan of every school."""
    if not privacy.board_sees_scan(rubric, respondents):
        return {"school_phase": None, "themes": None, "map": None, "criteria": None}
    result = score_for_board(rubric, answers, agreed)
    themes = {
        "readiness": {theme.id: theme.readiness for theme in result.themes},
        "phase": {theme.id: theme.phase for theme in result.themes},
        "flags": {theme.id: list(theme.flags) for theme in result.themes if theme.flags},
    }
    cells = {
        row.theme: [[cell.phase, cell.state, cell.mean, cell.unknown] for cell in row.cells]
        for row in development_map(rubric, result)
    }
    criteria: dict[str, dict[str, Any]] = {}
    for item in result.items.values():
        entry: dict[str, Any] = {}
        if shown_to_board(rubric, item):
            entry = {
                "n": item.n,
                "mean": item.mean,
                "dk": item.dont_know,
                "na": item.not_applicable,
            }
        if item.agreed is not None:
            entry["agreed"] = item.agreed
        if entry:
            criteria[item.id] = entry
    return {
        "school_phase": result.school_phase,
        "themes": themes,
        "map": cells,
        "criteria": criteria,
    }


def refresh(connection: Connection, scan: Row[Any]) -> None:
    """(Re)compute the summary of a closed scan; an open scan has none. It is computed from the
    answers the board last saw while today's differ from them by fewer than ``min_group_size``
    respondents (``summary_basis.py``). A scan whose answers the retention removed is scored from
    the counts its summary keeps (``removed_answers``)."""
    kept = kept_answers(connection, scan)
    drop(connection, scan.id)
    if scan.status != "closed" or not is_yearly(scan):  # a tussenmeting is never the board's
        return
    rubric = rubric_for(scan.rubric_id, scan.rubric_hash)
    if kept is not None:
        # The board's figures stay computed from the answers it last saw (summary_basis), so a
        # later refresh (an agreed value, new scoring) can never be subtracted from them.
        seen = summary_basis.load(connection, scan.id)
        board_answers = seen.answers if seen is not None else kept.answers()
        values = {"school_phase": None, "themes": None, "map": None, "criteria": None}
        if rubric is not None:
            values = summary_values(
                rubric, board_answers, _agreed(connection, scan.id), kept.respondents
            )
        connection.execute(
            T.scan_summary.insert().values(
                scan_id=scan.id,
                school_id=scan.school_id,
                respondents=kept.respondents,
                submitted=kept.submitted,
                closed_at=scan.closed_at or scan.created_at,
                scoring=SCORING,
                answer_counts=kept.counts,
                **values,
            )
        )
        return
    if rubric is None:  # a rubric this process does not know: the board cannot show the scan
        _log.warning("no rubric %s for the summary of scan %s", scan.rubric_id, scan.id)
        return
    _write(connection, scan, rubric)


def _write(connection: Connection, scan: Row[Any], rubric: Rubric) -> None:
    answers: dict[str, list[AnswerValue]] = {}
    by_respondent: dict[int, dict[str, AnswerValue]] = {}
    for row in connection.execute(
        select(
            T.answer.c.respondent_id, T.answer.c.criterion, T.answer.c.kind, T.answer.c.score
        ).where(T.answer.c.scan_id == scan.id)
    ):
        value = decode_value(row.kind, row.score)
        answers.setdefault(row.criterion, []).append(value)
        by_respondent.setdefault(row.respondent_id, {})[row.criterion] = value
    agreed = _agreed(connection, scan.id)
    submitted = connection.execute(
        select(func.count(T.respondent.c.submitted_at)).where(T.respondent.c.scan_id == scan.id)
    ).scalar_one()
    today = summary_basis.Basis(
        summary_basis.fingerprints(by_respondent),
        answers,
        submitted,
        scan.closed_at or scan.created_at,
    )
    basis = summary_basis.choose(connection, scan.id, today, rubric)
    respondents = len(basis.respondents)
    connection.execute(
        T.scan_summary.insert().values(
            scan_id=scan.id,
            school_id=scan.school_id,
            respondents=respondents,
            submitted=basis.submitted,
            closed_at=basis.closed_at,
            scoring=SCORING,
            **summary_values(rubric, basis.answers, agreed, respondents),
        )
    )


def _agreed(connection: Connection, scan_id: int) -> dict[str, AnswerValue]:
    return {
        row.criterion: decode_value(row.kind, row.score)
        for row in connection.execute(
            select(T.consensus.c.criterion, T.consensus.c.kind, T.consensus.c.score).where(
                T.consensus.c.scan_id == scan_id
            )
        )
    }


def drop(connection: Connection, scan_id: int) -> None:
    connection.execute(delete(T.scan_summary).where(T.scan_summary.c.scan_id == scan_id))


def fill_missing(connection: Connection) -> int:
    """Summaries for closed scans that have none (scans closed before migration 0005), and again
    for those computed with older scoring rules; run by ``store.upgrade``. An outdated summary
    whose rubric this process does not know is kept as it is. Returns how many were written."""
    summary = T.scan_summary.c
    rows = connection.execute(
        select(T.scan, summary.id.label("summary_id"))
        .outerjoin(T.scan_summary, summary.scan_id == T.scan.c.id)
        .where(
            T.scan.c.status == "closed",
            T.scan.c.kind == YEARLY,
            or_(summary.id.is_(None), summary.scoring.is_(None), summary.scoring < SCORING),
        )
        .order_by(T.scan.c.id)
    ).all()
    written = 0
    for scan in rows:
        if scan.summary_id is None or rubric_for(scan.rubric_id, scan.rubric_hash) is not None:
            refresh(connection, scan)
            written += 1
    return written
