"""Actieplan: the plan itself first, its downloads, then last year's open actions and suggested steps."""

from functools import partial
from typing import Any

import streamlit as st

from assessment import store
from assessment.explanations import step_action
from assessment.plan_export import plan_csv, plan_xlsx
from assessment.rubric import Rubric
from assessment.ui import context, interim_results, plan, plan_edit
from assessment.ui.context import tr, tr_md
from assessment.ui.logged_download import logged
from assessment.ui.pages import choose_scan, require_role
from assessment.ui.pdf import pdf_download_button
from assessment.ui.safe import md
from assessment.ui.style import hide_table_toolbar
from assessment.views.plan import PlanView, plan_view

REVIEW_BUTTONS = [
    ("done", ":material/check:"),
    ("continue", ":material/redo:"),
    ("dropped", ":material/close:"),
]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def main() -> None:
    access = require_role("coordinator", "trainer")
    engine, rubric, lang = context.engine(), context.rubric(), context.lang()
    can_edit = access.role == "coordinator"
    hide_table_toolbar()
    st.title(tr("actions.title"))
    if not can_edit:
        st.info(tr("actions.read_only"))
    scan = choose_scan(access, key="plan_scan")
    if scan is None:
        st.info(tr("results.no_scan"))
        return
    if message := st.session_state.pop("plan_message", None):
        st.success(message)
    if message := st.session_state.pop("plan_error", None):
        st.error(message)
    view = plan_view(engine, access, rubric, scan.id)
    unsaved = show_plan(access, scan, view, rubric, lang)
    interim_results.plan_movement(access, scan, list(view.actions))
    show_downloads(access, scan, view, rubric, lang)
    # While the table holds unsaved edits, nothing else may change the plan: the editor would
    # start again from the database and the edits would be lost.
    can_add = can_edit and not unsaved
    show_review(access, scan.id, view, rubric, lang, can_add, unsaved)
    show_suggested(access, scan.id, view, rubric, lang, can_add, unsaved)


def theme_label(rubric: Rubric, lang: str, theme_id: str) -> str:
    known = {t.id for t in rubric.theme_list}
    return rubric.text(rubric.theme(theme_id).label, lang) if theme_id in known else theme_id


def column_config(rubric: Rubric, lang: str) -> dict[str, Any]:
    # No column is "required": the editor would keep a new row that misses a required value in
    # the browser and never send it, so it vanished without a word. The rows are checked on
    # saving instead.
    return {
        "id": None,
        "title": st.column_config.TextColumn(
            tr("actions.col.title"), max_chars=500, width=plan.TITLE_WIDTH
        ),
        "theme": st.column_config.SelectboxColumn(
            tr("actions.col.theme"),
            options=[t.id for t in rubric.theme_list],
            format_func=partial(theme_label, rubric, lang),
            width=165,
        ),
        "owner": st.column_config.TextColumn(tr("actions.col.owner"), max_chars=200, width=110),
        "due_date": st.column_config.TextColumn(
            tr("actions.col.due_date"),
            help=tr("actions.col.due_date_help"),
            max_chars=10,
            width=100,
        ),
        "status": st.column_config.SelectboxColumn(
            tr("actions.col.status"),
            options=list(plan.STATUSES),
            format_func=lambda s: tr(f"actions.status.{s}"),
            default="planned",
            width=90,
        ),
    }


def show_plan(
    access: store.Access, scan: store.ScanInfo, view: PlanView, rubric: Rubric, lang: str
) -> bool:
    """The plan as a table, editable for the coordinator; True while it holds unsaved edits."""
    st.header(tr("actions.plan_heading"))
    actions = list(view.actions)
    can_edit = access.role == "coordinator"
    base = plan_edit.base_plan(scan.id, actions) if can_edit else actions
    before = plan.plan_frame(base)
    columns = column_config(rubric, lang)
    if can_edit:
        st.caption(tr("actions.save_hint" if actions else "actions.empty_hint"))
        after = st.data_editor(
            before,
            column_config=columns,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            height=plan.table_height(before),
            row_height=plan.row_height(before),
            placeholder="–",
            key=plan_edit.editor_key(scan.id),
        )
        unsaved = plan.has_changes(before, after)
        if unsaved:
            st.warning(tr("actions.unsaved"), icon=":material/edit_note:")
        theme_ids = [t.id for t in rubric.theme_list]
        plan_edit.save_button(context.engine(), access, scan.id, base, actions, after, theme_ids)
        return unsaved
    if actions:
        st.dataframe(
            before,
            column_config=columns,
            hide_index=True,
            width="stretch",
            row_height=plan.row_height(before),
            placeholder="–",
        )
    else:
        st.info(tr("actions.empty"))
    return False


def show_downloads(
    access: store.Access, scan: store.ScanInfo, view: PlanView, rubric: Rubric, lang: str
) -> None:
    engine, actions = context.engine(), list(view.actions)
    file_stem = tr("actions.file_stem", label=scan.label.replace("/", "-"))
    with st.container(horizontal=True):
        pdf_download_button(access, scan, key="plan_pdf")
        if not actions:
            return
        st.download_button(
            tr("actions.download_xlsx"),
            data=logged(
                partial(plan_xlsx, actions, rubric, lang), engine, access, "plan_xlsx", scan.id
            ),
            file_name=f"{file_stem}.xlsx",
            mime=XLSX_MIME,
            on_click="ignore",
            icon=":material/table_view:",
            key="plan_xlsx",
        )
        st.download_button(
            tr("actions.download_csv"),
            data=logged(
                partial(plan_csv, actions, rubric, lang), engine, access, "plan_csv", scan.id
            ),
            file_name=f"{file_stem}.csv",
            mime="text/csv",
            on_click="ignore",
            icon=":material/csv:",
            key="plan_csv",
        )


def review(access: store.Access, scan_id: int, action_id: int, version: int, decision: str) -> None:
    if plan_edit.holds_edits(scan_id):  # edits and this click can arrive in one run
        st.session_state["plan_error"] = tr("actions.save_first")
        return
    try:
        store.review_action(context.engine(), access, action_id, scan_id, decision, version=version)
    except store.StoreError as error:
        st.session_state["plan_error"] = tr_md(error.key, **error.values)
        return
    st.session_state["plan_message"] = tr(f"actions.reviewed.{decision}")


def show_review(
    access: store.Access,
    scan_id: int,
    view: PlanView,
    rubric: Rubric,
    lang: str,
    can_add: bool,
    unsaved: bool,
) -> None:
    """Last year's open actions, each with done / continue / dropped for the coordinator."""
    if not view.to_review:
        return
    st.header(tr("actions.review_heading", count=len(view.to_review)))
    st.caption(tr("actions.review_intro"))
    if unsaved:
        st.caption(tr("actions.save_first"))
    for action in view.to_review:
        with st.container(border=True):
            st.markdown(f"**{md(action.title)}**")
            st.caption(
                f"{md(theme_label(rubric, lang, action.theme))} · {tr('actions.col.owner')}: "
                f"{md(action.owner) or '–'} · {tr(f'actions.status.{action.status}')}"
            )
            if access.role != "coordinator":
                continue
            with st.container(horizontal=True):
                for decision, icon in REVIEW_BUTTONS:
                    st.button(
                        tr(f"actions.decision.{decision}"),
                        key=f"{decision}-{action.id}",
                        on_click=review,
                        args=(access, scan_id, action.id, action.version, decision),
                        icon=icon,
                        disabled=not can_add,
                    )


def add_step(
    access: store.Access, scan_id: int, theme_id: str, criterion_id: str, title: str
) -> None:
    if plan_edit.holds_edits(scan_id):  # edits and this click can arrive in one run
        st.session_state["plan_error"] = tr("actions.save_first")
        return
    try:
        store.add_action(context.engine(), access, scan_id, theme_id, title, criterion=criterion_id)
    except store.StoreError as error:
        st.session_state["plan_error"] = tr_md(error.key, **error.values)
        return
    st.session_state["plan_message"] = tr("actions.added")


def show_suggested(
    access: store.Access,
    scan_id: int,
    view: PlanView,
    rubric: Rubric,
    lang: str,
    can_add: bool,
    unsaved: bool,
) -> None:
    """The scoring's next steps per theme, each to add to the plan with one click."""
    st.header(tr("actions.suggested_heading"))
    if view.awaits_answers:
        st.info(tr("actions.wait_for_answers"))
    elif not view.suggested:
        st.info(tr("actions.no_suggestions"))
    elif unsaved:
        st.caption(tr("actions.save_first"))
    planned = view.planned_criteria
    for theme in rubric.theme_list:
        steps = [s for s in view.suggested if s.theme == theme.id]
        if not steps:
            continue
        st.markdown(f"**{rubric.text(theme.label, lang)}**")
        for step in steps:
            text, button = st.columns([5, 1], vertical_alignment="center")
            title = step_action(rubric, step, lang)
            text.write(title)
            text.caption(rubric.text(rubric.criterion(step.criterion).label, lang))
            if step.criterion in planned:
                button.caption(tr("actions.already_planned"))
            elif access.role == "coordinator":
                button.button(
                    tr("actions.add"),
                    key=f"add-{step.criterion}",
                    on_click=add_step,
                    args=(access, scan_id, theme.id, step.criterion, title),
                    icon=":material/add:",
                    disabled=not can_add,
                )


main()
