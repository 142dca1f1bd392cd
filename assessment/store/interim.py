"""Tussenmetingen: opening one on the criteria the working group works on, and reading them back.

A tussenmeting follows the school's newest closed yearly scan (its *jaarscan*): it asks the
criteria of the phase each theme works on there and those linked to the open actions of its plan
(``assessment/interim.py``), fixed when it opens (``scan_criterion``). Codes, answers and
closing work as for any scan; the save path refuses an answer to a criterion it does not ask
(``interim_criteria.py``), and it never gets a board summary (``summaries.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, select

from assessment.interim import propose
from assessment.rubric import Rubric
from assessment.scoring import score_scan
from assessment.store import tables as T
from assessment.store._common import clean_text, get_school_row, scan_info, scan_rubric, utcnow
from assessment.store.access import school_content, school_write, verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import InvalidInput
from assessment.store.info import Access, ScanInfo
from assessment.store.interim_criteria import asked_criteria
from assessment.store.removed_answers import kept_answers
from assessment.store.results import ScanValues, _respondents, _values
from assessment.store.rubrics import register_rubric
from assessment.store.scan_kind import INTERIM, YEARLY
from assessment.store.schools import insert_scan, readable_scan

OPEN_ACTIONS = ("planned", "doing")


@dataclass(frozen=True)
class InterimProposal:
    """What a new tussenmeting would ask: the yearly scan it follows and criterion -> reason."""

    yearly: ScanInfo
    criteria: dict[str, str]


@dataclass(frozen=True)
class InterimView:
    """One tussenmeting as Resultaten, the trend and the plan read it."""

    scan: ScanInfo
    yearly_id: int  # the yearly scan it follows
    criteria: dict[str, str]  # criterion -> reason
    values: ScanValues
    respondents: int  # started
    submitted: int


def _school_scans(connection: Connection, school_id: int) -> list[Row[Any]]:
    """Oldest first, as they were opened."""
    return list(
        connection.execute(
            select(T.scan)
            .where(T.scan.c.school_id == school_id)
            .order_by(T.scan.c.created_at, T.scan.c.id)
        ).all()
    )


def _proposal(connection: Connection, school_id: int) -> tuple[Row[Any], dict[str, str]]:
    """The newest closed yearly scan and the criteria; InvalidInput when none can be opened."""
    scans = _school_scans(connection, school_id)
    yearly = [s for s in scans if s.kind == YEARLY]
    if any(s.status == "open" for s in yearly):
        raise InvalidInput("store.errors.interim_yearly_open")
    if not yearly:
        raise InvalidInput("store.errors.interim_needs_closed_scan")
    if any(s.kind == INTERIM and s.status == "open" for s in scans):
        raise InvalidInput("store.errors.interim_already_open")
    base = yearly[-1]
    rubric = scan_rubric(base)
    values = _values(connection, [base.id])[base.id]
    if (kept := kept_answers(connection, base)) is not None:
        values = ScanValues(kept.answers(), values.agreed)
    result = score_scan(rubric, values.answers, values.agreed)
    planned: list[str] = list(
        connection.execute(
            select(T.action.c.criterion).where(
                T.action.c.scan_id == base.id,
                T.action.c.status.in_(OPEN_ACTIONS),
                T.action.c.criterion.is_not(None),
            )
        ).scalars()
    )
    criteria = propose(rubric, result, planned)
    if not criteria:
        raise InvalidInput("store.errors.interim_nothing_to_ask")
    return base, criteria


def interim_proposal(engine: Engine, access: Access, school_id: int) -> InterimProposal:
    """What a tussenmeting opened now would ask (coordinator of the school); InvalidInput says
    why none can be opened (no closed yearly scan, a yearly scan or tussenmeting still open)."""
    with reading(engine) as connection:
        verify(connection, access)
        get_school_row(connection, school_id)
        school_write(access, school_id)
        base, criteria = _proposal(connection, school_id)
        return InterimProposal(scan_info(base), criteria)


def open_interim(
    engine: Engine, access: Access, school_id: int, label: str, rubric: Rubric
) -> tuple[ScanInfo, dict[str, str]]:
    """Open a tussenmeting on the criteria ``interim_proposal`` gives at this moment."""
    label = clean_text(label, T.LABEL_LENGTH, required="label", name=True)
    register_rubric(rubric)
    with writing(engine) as connection:
        verify(connection, access)
        get_school_row(connection, school_id)
        school_write(access, school_id)
        _base, criteria = _proposal(connection, school_id)
        scan_id = insert_scan(connection, school_id, label, rubric, utcnow(), kind=INTERIM)
        connection.execute(
            T.scan_criterion.insert(),
            [{"scan_id": scan_id, "criterion": c, "reason": r} for c, r in criteria.items()],
        )
        record(connection, access, "scan_opened", school_id=school_id, scan_id=scan_id)
        scan = connection.execute(select(T.scan).where(T.scan.c.id == scan_id)).one()
        return scan_info(scan), criteria


def interim_criteria(engine: Engine, access: Access, scan_id: int) -> dict[str, str]:
    """Criterion -> reason of a tussenmeting (empty for a yearly scan): whoever may see the scan,
    its respondents too (their questionnaire asks these only)."""
    with reading(engine) as connection:
        verify(connection, access)
        readable_scan(connection, access, scan_id)
        return asked_criteria(connection, scan_id)


def interim_views(engine: Engine, access: Access, school_id: int) -> list[InterimView]:
    """Every tussenmeting of the school, oldest first, each with the yearly scan it follows and
    its answers counted per criterion (coordinator and trainer: it holds answer values)."""
    with reading(engine) as connection:
        verify(connection, access)
        school_content(access, school_id)
        pairs: list[tuple[Row[Any], int]] = []
        yearly_id = None
        for scan in _school_scans(connection, school_id):
            if scan.kind == YEARLY:
                yearly_id = scan.id
            elif yearly_id is not None:
                pairs.append((scan, yearly_id))
        if not pairs:
            return []
        values = _values(connection, [scan.id for scan, _ in pairs])
        views = []
        for scan, follows in pairs:
            roles, submitted = _respondents(connection, scan.id)
            views.append(
                InterimView(
                    scan_info(scan),
                    follows,
                    asked_criteria(connection, scan.id),
                    values[scan.id],
                    len(roles),
                    submitted,
                )
            )
        return views
