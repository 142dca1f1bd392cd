"""3. Action plan: this scan's actions and what became of the previous scan's actions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph
from reportlab.platypus.flowables import Flowable

from assessment.report.fonts import BOLD
from assessment.report.model import ACTION_STATUSES
from assessment.report.scan_report.writer import ScanWriter
from assessment.report.styles import fit
from assessment.report.tables import table
from assessment.views.report_input import ReportAction


def action_plan(w: ScanWriter) -> list[Flowable]:
    story: list[Flowable] = [w.p(w.t("sections.actions"), "h1")]
    actions = w.r.actions
    if actions is None:
        story.append(w.p(w.t("actions.unavailable")))
    elif not actions and w.result.awaits_answers:
        story.append(w.p(w.t("actions.none_waiting")))
    elif not actions:
        story.append(w.p(w.t("actions.none")))
    else:
        story.append(w.p(w.t("actions.intro")))
        head = ["title", "theme", "owner", "due", "status"]
        rows: list[list[Any]] = [[w.p(w.t(f"actions.{h}"), "cell_head") for h in head]]
        for action in actions:
            rows.append(
                [
                    _action_cell(w, action, carried=action.carried_from is not None),
                    w.p(w.theme_label(action.theme), "cell"),
                    w.p(action.owner or w.t("values.none"), "cell"),
                    w.p(w.date(action.due_date), "cell"),
                    w.p(w.status(action.status), "cell_bold"),
                ]
            )
        story.append(table(rows, _action_widths(w, actions, "status")))
    if w.previous is not None:
        story.append(CondPageBreak(70 * mm))
        story += _previous_actions(w)
    return story


def _action_widths(w: ScanWriter, actions: Sequence[ReportAction], last: str) -> list[float]:
    """Theme, owner and date columns as wide as their longest word needs (within reason)."""
    themes = [w.theme_label(a.theme) for a in actions]
    theme = min(max(fit(themes, words=True), fit(themes) if fit(themes) < 110 else 0), 130)
    owner = min(max(fit([a.owner for a in actions], words=True), 70), 110)
    head = [w.t(f"actions.{h}") for h in ("theme", "owner", "due", last)]
    due = max(fit([head[2]], BOLD, 7.5), fit([w.date(dt.date(2026, 12, 31))]))
    if last == "status":
        status = max(fit([head[3]], BOLD, 7.5), fit(map(w.status, ACTION_STATUSES), BOLD))
    else:
        status = 100
    return [0, max(theme, fit([head[0]], BOLD, 7.5)), owner, due, status]


def _action_cell(w: ScanWriter, action: ReportAction, carried: bool = False) -> list[Paragraph]:
    cell = [w.p(action.title, "cell")]
    if action.criterion:
        cell.append(
            w.p(
                w.t("actions.criterion", label=w.criterion_label(action.criterion)),
                "cell_small",
            )
        )
    if carried:
        cell.append(w.p(w.t("actions.carried"), "cell_small"))
    return cell


def _previous_actions(w: ScanWriter) -> list[Flowable]:
    previous = w.previous
    assert previous is not None
    story: list[Flowable] = [w.p(w.t("actions.previous_title", scan=previous.label), "h2")]
    if not previous.actions:
        story.append(w.p(w.t("actions.previous_none")))
        return story
    carried_ids = {a.carried_from for a in (w.r.actions or ()) if a.carried_from is not None}
    counts = Counter(a.status for a in previous.actions)
    statuses = [
        w.t("actions.status_count", count=counts[s], status=w.status(s))
        for s in _ordered_statuses(counts)
    ]
    carried = sum(1 for a in previous.actions if a.id is not None and a.id in carried_ids)
    if w.r.actions is not None:
        statuses.append(w.t("actions.previous_carried", count=carried))
    story.append(
        w.p(
            w.t(
                "actions.previous_summary_one"
                if len(previous.actions) == 1
                else "actions.previous_summary",
                count=len(previous.actions),
                statuses=", ".join(statuses),
            )
        )
    )
    head = ["title", "theme", "owner", "due", "outcome"]
    rows: list[list[Any]] = [[w.p(w.t(f"actions.{h}"), "cell_head") for h in head]]
    for action in previous.actions:
        status = w.status(action.status)
        if w.r.actions is not None and action.status in ("planned", "doing"):
            key = (
                "actions.outcome_carried"
                if action.id is not None and action.id in carried_ids
                else "actions.outcome_not_carried"
            )
            outcome = w.t(key, status=status)
        elif action.id is not None and action.id in carried_ids:
            outcome = w.t("actions.outcome_carried", status=status)
        else:
            outcome = status
        rows.append(
            [
                _action_cell(w, action),
                w.p(w.theme_label(action.theme), "cell"),
                w.p(action.owner or w.t("values.none"), "cell"),
                w.p(w.date(action.due_date), "cell"),
                w.p(outcome, "cell_bold"),
            ]
        )
    story.append(table(rows, _action_widths(w, previous.actions, "outcome")))
    return story


def _ordered_statuses(counts: Counter[str]) -> list[str]:
    known = [s for s in ACTION_STATUSES if counts[s]]
    return known + sorted(s for s in counts if s not in ACTION_STATUSES)
