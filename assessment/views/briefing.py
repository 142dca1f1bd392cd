"""The trainer's briefing of one school, built from the store (``assessment.briefing`` holds
what it shows and how each part is chosen)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from assessment import store
from assessment.briefing import (
    Briefing,
    amsterdam_today,
    changes,
    contested_items,
    open_actions,
    topics,
    weakest_themes,
)
from assessment.development_map import development_map
from assessment.explanations import phase_label
from assessment.rubric import Rubric
from assessment.scoring import score_scan
from assessment.views import privacy


def build_briefing(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    rubric: Rubric,
    lang: str = "nl",
    today: dt.date | None = None,
) -> Briefing:
    """The briefing of the school of ``scan_id``, scored with ``rubric`` (older scans through its
    crosswalk), in ``lang``. ``today`` decides which actions are overdue. Every read goes through
    the store with the caller's access, so a code that may not read the school gets the store's
    refusal."""
    today = today or amsterdam_today()
    data = store.scan_data(engine, access, scan_id)
    school = store.get_school(engine, access, data.scan.school_id)
    result = score_scan(rubric, data.answers, data.agreed)
    previous = store.previous_scan(engine, access, scan_id)
    previous_result = None
    if previous is not None:
        before = store.scan_data(engine, access, previous.id)
        previous_result = score_scan(rubric, before.answers, before.agreed)
    respondents = data.started
    too_few = privacy.too_few_respondents(rubric, respondents)
    actions = [(data.scan.label, a) for a in store.list_actions(engine, access, scan_id)]
    if previous is not None:
        actions += [(previous.label, a) for a in store.actions_to_review(engine, access, scan_id)]
    return Briefing(
        school=school.name,
        scan_label=data.scan.label,
        scan_status=data.scan.status,
        previous_label=previous.label if previous is not None else None,
        rubric=rubric,
        result=result,
        school_phase=phase_label(rubric, result.school_phase, lang),
        map_rows=development_map(rubric, result),
        respondents=respondents,
        too_few=too_few,
        group_minimum=privacy.minimum(rubric),
        weakest=weakest_themes(rubric, result, lang),
        changes=changes(rubric, result, previous_result, lang),
        contested=contested_items(rubric, result, data.notes, data.agreed_notes, too_few, lang),
        actions=open_actions(rubric, actions, today, lang),
        topics=topics(rubric, result, lang),
        today=today,
    )
