"""The scan PDF's input (``report_input.ReportInput``) from the store, read with the caller's
``Access``: a code that may not read the scan gets the store's ``AccessDenied``/``NotFound`` and no
PDF. Evidence notes are left out unless ``include_notes`` is set: the PDF is meant to be shared
with the team and board, while notes are for coordinator and trainer only (docs/privacy.md). The
team's agreed notes are shown. What a small group shows on paper is decided by
``assessment.views.privacy`` as the PDF is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import Engine

from assessment import store
from assessment.retired_ids import notes_under_current_ids
from assessment.rubric import Rubric, load_rubric
from assessment.scoring import score_scan
from assessment.store.rubrics import rubric_for
from assessment.views.report_input import PreviousScan, ReportAction, ReportInput
from assessment.views.trend import TrendPoint, trend_points


def report_input(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    lang: str = "nl",
    *,
    include_notes: bool = False,
) -> ReportInput:
    data = store.scan_data(engine, access, scan_id)
    scan = data.scan
    school = store.get_school(engine, access, scan.school_id)
    rubric = _rubric(scan)
    result = score_scan(rubric, data.answers, data.agreed)
    actions = [_action(a) for a in store.list_actions(engine, access, scan_id)]

    previous = None
    before = store.previous_scan(engine, access, scan_id)
    if before is not None:
        previous_data = store.scan_data(engine, access, before.id)
        previous = PreviousScan(
            label=before.label,
            result=score_scan(rubric, previous_data.answers, previous_data.agreed),
            actions=[_action(a) for a in store.list_actions(engine, access, before.id)],
            rubric_version=before.rubric_version,
        )
    stamp = scan.closed_at if scan.status == "closed" and scan.closed_at else None
    return ReportInput(
        school=school.name,
        scan_label=scan.label,
        date=_local_date(stamp or dt.datetime.now(dt.UTC)),
        rubric=rubric,
        result=result,
        lang=lang,
        respondents=data.started,
        submitted=data.submitted,
        roles=dict(Counter(r.role or "" for r in data.respondents)),
        previous=previous,
        actions=actions,
        notes=notes_under_current_ids(rubric, data.notes) if include_notes else {},
        agreed_notes={rubric.crosswalk.get(c, c): n for c, n in data.agreed_notes.items()},
        rubric_version=scan.rubric_version,
        trend=_trend(engine, access, scan, rubric),
        answers_removed_after=scan.answers_removed_after,
    )


def _trend(
    engine: Engine, access: store.Access, scan: store.ScanInfo, rubric: Rubric
) -> tuple[TrendPoint, ...]:
    """The school's scans up to and including ``scan``, oldest first, scored with ``rubric``."""
    read = store.results_view(engine, access, scan.school_id, scan.id)
    return trend_points([read.scan, *read.earlier], read.values, rubric) if read else ()


def _rubric(scan: Any) -> Rubric:
    """The rubric the scan was taken with, as the store resolves it; else the default rubric."""
    return rubric_for(scan.rubric_id, scan.rubric_hash) or load_rubric()


def _action(action: Any) -> ReportAction:
    return ReportAction(
        id=action.id,
        title=action.title,
        theme=action.theme,
        criterion=action.criterion,
        owner=action.owner,
        due_date=action.due_date,
        status=action.status,
        carried_from=action.carried_from,
    )


def _local_date(moment: dt.datetime) -> dt.date:
    """The calendar day in the Netherlands (a scan closed at 23:30 UTC in summer is the next day)."""
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Amsterdam")).date()
    except (ImportError, KeyError, ValueError):  # no time zone data on this machine
        return moment.date()
