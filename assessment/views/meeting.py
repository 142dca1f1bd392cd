"""Bespreken's view: one scan as the working group goes through it in its meeting."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from assessment import store
from assessment.rubric import Rubric
from assessment.scoring import ScanResult, score_scan
from assessment.views import privacy


@dataclass(frozen=True)
class MeetingView:
    data: store.ScanData  # every answer, note and agreed value: the team's own meeting
    result: ScanResult
    has_answers: bool
    respondents: int  # started
    few_respondents: bool  # the screen warns: among so few, answers are not anonymous
    group_minimum: int  # for the text that names it


def meeting_view(engine: Engine, access: store.Access, rubric: Rubric, scan_id: int) -> MeetingView:
    """Scan ``scan_id`` scored for the meeting (its order: ``assessment.discussion.agenda``).
    Coordinator and trainer of the school (and admin), as the store checks."""
    data = store.scan_data(engine, access, scan_id)
    return MeetingView(
        data=data,
        result=score_scan(rubric, data.answers, data.agreed),
        has_answers=any(data.answers.values()),
        respondents=data.started,
        few_respondents=privacy.warn_few_respondents(rubric, data.started),
        group_minimum=privacy.minimum(rubric),
    )
