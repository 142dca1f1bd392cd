"""Actieplan's view: a scan's plan, last year's open actions to review and the suggested steps."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from assessment import store
from assessment.rubric import Rubric
from assessment.scoring import NextStep, score_scan


@dataclass(frozen=True)
class PlanView:
    actions: tuple[store.ActionInfo, ...]  # the plan of this scan
    to_review: tuple[store.ActionInfo, ...]  # the previous scan's open actions, not yet reviewed
    suggested: tuple[NextStep, ...]  # the scoring's next steps, per theme
    awaits_answers: bool  # too few answers to suggest anything yet

    @property
    def planned_criteria(self) -> set[str]:
        return {a.criterion for a in self.actions if a.criterion}


def plan_view(engine: Engine, access: store.Access, rubric: Rubric, scan_id: int) -> PlanView:
    """The plan of scan ``scan_id``: coordinator and trainer of the school (and admin), as the
    store checks."""
    data = store.scan_data(engine, access, scan_id)
    result = score_scan(rubric, data.answers, data.agreed)
    return PlanView(
        actions=tuple(store.list_actions(engine, access, scan_id)),
        to_review=tuple(store.actions_to_review(engine, access, scan_id)),
        suggested=result.next_steps,
        awaits_answers=result.awaits_answers,
    )
