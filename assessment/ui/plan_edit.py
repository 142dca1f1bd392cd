"""The plan table while it holds edits: the plan it was drawn from, saving, and what a colleague
changed meanwhile.

Streamlit keeps the table's edits as changes to the table it drew (row numbers); drawn from a newer
plan, they would land on other rows, and the table would be a new widget that drops them. So while
the table holds edits it is drawn from the plan as it was when the editing began, and a save names
that plan's versions: an action a colleague changed meanwhile is not overwritten (``store.Conflict``);
the page says what changed and the edits stay in the table, to be saved over it or thrown away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.ui import context, plan
from assessment.ui.context import tr, tr_md

EDIT_PARTS = ("edited_rows", "added_rows", "deleted_rows")
SHOWN_FIELDS = ("title", "theme", "owner", "due_date", "status")


def editor_key(scan_id: int) -> str:
    return f"plan-{scan_id}"


def _base_key(scan_id: int) -> str:
    return f"plan-base-{scan_id}"


def _conflict_key(scan_id: int) -> str:
    return f"plan-conflict-{scan_id}"


def _shown_key(scan_id: int) -> str:
    return f"plan-shown-{scan_id}"


def holds_edits(scan_id: int) -> bool:
    """Whether the table has edits not saved yet (also edits that arrived in this very run)."""
    state = st.session_state.get(editor_key(scan_id))
    return isinstance(state, dict) and any(state.get(part) for part in EDIT_PARTS)


def base_plan(scan_id: int, current: list[store.ActionInfo]) -> list[store.ActionInfo]:
    """The plan to draw the table from: while it holds edits, the plan they were made on;
    otherwise ``current``, which is remembered for the edits to come."""
    if holds_edits(scan_id) and _base_key(scan_id) in st.session_state:
        base: list[store.ActionInfo] = st.session_state[_base_key(scan_id)]
        return base
    st.session_state[_base_key(scan_id)] = current
    st.session_state.pop(_conflict_key(scan_id), None)
    st.session_state.pop(_shown_key(scan_id), None)
    return current


def forget_edits(scan_id: int) -> None:
    """Empty the table's edits: the next run draws the plan as it is now."""
    for key in (
        editor_key(scan_id),
        _base_key(scan_id),
        _conflict_key(scan_id),
        _shown_key(scan_id),
    ):
        st.session_state.pop(key, None)


def save_button(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    base: list[store.ActionInfo],
    current: list[store.ActionInfo],
    after: pd.DataFrame,
    theme_ids: list[str],
) -> None:
    """ "Plan opslaan"; after a save refused because a colleague changed the plan meanwhile, what
    changed since the table was drawn (``base`` against ``current``) and the choice to save over
    that or throw the edits away."""
    if st.button(tr("actions.save"), type="primary", icon=":material/save:"):
        _save(engine, access, scan_id, base, after, theme_ids)
    if not st.session_state.get(_conflict_key(scan_id)):
        return
    shown = st.session_state.get(_shown_key(scan_id))  # the plan the last run showed
    st.session_state[_shown_key(scan_id)] = current
    st.error(
        "\n".join(
            [tr("actions.conflict.heading"), "", *(f"- {line}" for line in changes(base, current))]
        ),
        icon=":material/sync_problem:",
    )
    st.caption(tr("actions.conflict.choose"))
    with st.container(horizontal=True):
        if (
            st.button(tr("actions.conflict.save_over"), icon=":material/save_as:")
            and shown is not None
        ):
            now = {action.id: action for action in shown}
            newer = {action.id: now.get(action.id) for action in base}
            _save(engine, access, scan_id, base, after, theme_ids, newer)
        st.button(
            tr("actions.conflict.discard"),
            on_click=forget_edits,
            args=(scan_id,),
            icon=":material/undo:",
        )


def _save(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    base: list[store.ActionInfo],
    after: pd.DataFrame,
    theme_ids: list[str],
    newer: Mapping[int, store.ActionInfo | None] | None = None,
) -> None:
    """Save the table; on success forget the edits and start again from the saved plan. Rows that
    cannot be saved are named on the page; a conflict is remembered and shown in the next run.
    ``newer`` (the plan as the user was shown it after a conflict) puts the edits over that."""
    try:
        found = plan.save_plan(engine, access, scan_id, base, after, theme_ids, newer)
    except store.Conflict:
        st.session_state[_conflict_key(scan_id)] = True
        st.rerun()
    if any(problem.key == plan.NOT_STORED for problem in found):
        forget_edits(scan_id)  # the table then shows the plan as it was saved
        st.session_state["plan_error"] = "\n".join(
            tr_md(problem.key, **problem.values) for problem in found
        )
        st.rerun()
    if found:
        for problem in found:
            st.error(tr_md(problem.key, **problem.values))
        st.error(tr("actions.errors.nothing_saved"))
        return
    forget_edits(scan_id)
    st.session_state["plan_message"] = tr("actions.saved")
    st.rerun()


def changes(base: list[store.ActionInfo], current: list[store.ActionInfo]) -> list[str]:
    """What changed in the plan from ``base`` to ``current``, a line (Markdown, user text
    escaped) per action changed, deleted or added."""
    now = {action.id: action for action in current}
    lines = [
        _change(seen, now.get(seen.id))
        for seen in base
        if now.get(seen.id) is None or now[seen.id].version != seen.version
    ]
    seen_ids = {action.id for action in base}
    lines += [
        tr_md("actions.conflict.added", title=action.title)
        for action in current
        if action.id not in seen_ids
    ]
    return lines


def _change(seen: store.ActionInfo, now: store.ActionInfo | None) -> str:
    """One line (Markdown, user text escaped) on what a colleague did to an action."""
    if now is None:
        return tr_md("actions.conflict.deleted", title=seen.title)
    changes = [
        tr(
            "actions.conflict.field",
            column=tr(f"actions.col.{field}"),
            now=_cell_text(field, getattr(now, field)),
            was=_cell_text(field, getattr(seen, field)),
        )
        for field in SHOWN_FIELDS
        if getattr(now, field) != getattr(seen, field)
    ]
    if not changes:
        return tr_md("actions.conflict.touched", title=seen.title)
    return tr_md("actions.conflict.changed", title=seen.title, changes="; ".join(changes))


def _cell_text(field: str, value: object) -> str:
    """A plan cell as the table shows it: theme and status by name, a date as 01-03-2027."""
    if value is None or value == "":
        return "–"
    if field == "theme":
        rubric = context.rubric()
        if value in [theme.id for theme in rubric.theme_list]:
            return rubric.text(rubric.theme(str(value)).label, context.lang())
        return str(value)
    if field == "status":
        return tr(f"actions.status.{value}")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(value)
