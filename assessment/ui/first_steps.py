"""The start page after sign-in: the school's name and what to do next for this role; for a
coordinator a checklist ticked off from the scan's real progress."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from assessment import store
from assessment.i18n import day
from assessment.ui import context, trainer_schools
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import scan_title
from assessment.ui.safe import md

NEXT_PAGE = {
    "respondent": "vragenlijst",
    "coordinator": "resultaten",
    "trainer": "briefing",
    "board": "vergelijken",
}


@dataclass(frozen=True)
class Step:
    name: str  # locale key under start.steps
    done: bool
    page: str  # where the step is taken
    detail: Mapping[str, object] | None  # values of the ``<name>_detail`` line, once done


def show(access: store.Access) -> None:
    if name := place_name(access):
        st.header(md(name))
    st.success(tr(f"start.welcome.{access.role}"))
    if access.role == "coordinator":
        show_checklist(coordinator_steps(access))
    elif page := NEXT_PAGE.get(access.role):
        st.page_link(
            f"pages/{page}.py",
            label=tr(f"start.next.{access.role}"),
            icon=":material/arrow_forward:",
        )
    if access.role == "trainer":
        trainer_schools.show(access)


def place_name(access: store.Access) -> str | None:
    """The school's name (the board's for a board code)."""
    engine = context.engine()
    if access.school_id is not None:
        return store.get_school(engine, access, access.school_id).name
    if access.role == "board":
        return store.get_board(engine, access, access.bound_board_id).name
    return None


def coordinator_steps(access: store.Access) -> list[Step]:
    """Open a scan → inform the MR → hand out codes → wait for answers → bespreken → actieplan, each ticked when
    the data shows it happened (the open yearly scan, else the newest: a tussenmeting is no
    step of the yearly cycle)."""
    engine = context.engine()
    scans = [
        s for s in store.list_scans(engine, access, access.bound_school_id) if store.is_yearly(s)
    ]
    scan = next((s for s in scans if s.status == "open"), scans[0] if scans else None)
    if scan is None:
        return [
            Step("open_scan", False, "beheer", None),
            Step("mr_informed", False, "beheer", None),
            Step("hand_out", False, "beheer", None),
            Step("answers", False, "resultaten", None),
            Step("discuss", False, "bespreken", None),
            Step("plan", False, "actieplan", None),
        ]
    progress = store.scan_progress(engine, access, scan.id)
    counts = {"started": progress.started, "submitted": progress.submitted}
    informed = store.mr_informed_on(engine, access, scan.id)
    return [
        Step("open_scan", True, "beheer", {"scan": scan_title(scan)}),
        Step(
            "mr_informed",
            informed is not None,
            "beheer",
            {"date": day(informed, context.lang())} if informed else None,
        ),
        Step("hand_out", progress.codes > 0, "beheer", {"codes": progress.codes}),
        Step("answers", progress.answers > 0, "resultaten", counts),
        Step("discuss", progress.agreed > 0, "bespreken", {"agreed": progress.agreed}),
        Step("plan", progress.actions > 0, "actieplan", {"actions": progress.actions}),
    ]


def show_checklist(steps: list[Step]) -> None:
    """Each step with a word beside its symbol, so the list reads without colour too; a button
    to the page of the first step still to do."""
    with st.container(border=True):
        st.header(tr("start.steps.heading"))
        lines = []
        for number, step in enumerate(steps, start=1):
            label = tr(f"start.steps.{step.name}")
            if step.done:
                detail = tr_md(f"start.steps.{step.name}_detail", **(step.detail or {}))
                lines.append(
                    f":green[:material/check_circle:] **{number}. {label}**: "
                    f"{tr('start.steps.done')}. {detail}"
                )
            else:
                lines.append(
                    f":material/radio_button_unchecked: {number}. {label}: {tr('start.steps.todo')}"
                )
        st.markdown("  \n".join(lines))
        upcoming = next((step for step in steps if not step.done), None)
        page, label = (
            ("resultaten", "all_done") if upcoming is None else (upcoming.page, upcoming.name)
        )
        if st.button(
            tr(f"start.steps.go.{label}"), type="primary", icon=":material/arrow_forward:"
        ):
            st.switch_page(f"pages/{page}.py")
