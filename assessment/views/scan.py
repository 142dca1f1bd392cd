"""Resultaten's view: one scan of a school as coordinator and trainer see it, scored, beside the
previous scan and the trend over the years."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from assessment import store
from assessment.rubric import Rubric
from assessment.scoring import ScanResult, score_scan_remembered
from assessment.views import privacy
from assessment.views.trend import TrendPoint, trend_points


@dataclass(frozen=True)
class ScanView:
    school: store.SchoolInfo
    scans: tuple[store.ScanInfo, ...]  # the school's scans, newest first
    scan: store.ScanInfo  # the one shown
    has_answers: bool
    result: ScanResult
    previous: store.ScanInfo | None
    previous_result: ScanResult | None
    trend: tuple[TrendPoint, ...]  # oldest first; empty below three scans
    respondents: int  # started
    submitted: int
    roles: dict[str, int]  # respondents per role, only roles the privacy policy lets show
    other_roles: int  # everyone else
    few_respondents: bool  # the screen warns: among so few, answers are not anonymous
    group_minimum: int  # for the texts that name it


def scan_view(
    engine: Engine,
    access: store.Access,
    rubric: Rubric,
    school_id: int,
    scan_id: int | None,
) -> ScanView | None:
    """Scan ``scan_id`` of the school (its newest when None or not the school's) as Resultaten
    shows it; None when the school has no scan. Coordinator and trainer of the school (and
    admin), as the store checks."""
    read = store.results_view(engine, access, school_id, scan_id)
    if read is None:
        return None
    values = read.values[read.scan.id]
    result = score_scan_remembered(rubric, values.answers, values.agreed)
    scored = {read.scan.id: result}
    previous, previous_result = read.previous, None
    if previous is not None:
        before = read.values[previous.id]
        previous_result = score_scan_remembered(rubric, before.answers, before.agreed)
        scored[previous.id] = previous_result
    roles, other = privacy.visible_role_counts(rubric, read.started_roles)
    respondents = len(read.started_roles)
    return ScanView(
        school=read.school,
        scans=tuple(read.scans),
        scan=read.scan,
        has_answers=any(values.answers.values()),
        result=result,
        previous=previous,
        previous_result=previous_result,
        trend=trend_points([read.scan, *read.earlier], read.values, rubric, scored),
        respondents=respondents,
        submitted=read.submitted,
        roles=roles,
        other_roles=other,
        few_respondents=privacy.warn_few_respondents(rubric, respondents),
        group_minimum=privacy.minimum(rubric),
    )
