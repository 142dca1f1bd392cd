"""Opening a tussenmeting on Beheer (the list of criteria shown before it opens), and its
questionnaire: the same screens with only its criteria, answered as working-group member."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from babel.dates import format_date

from assessment import interim, store
from assessment.questions import Questions, estimated_minutes
from assessment.rubric import Roles, Rubric
from assessment.ui import context, phone, questionnaire_intro
from assessment.ui.context import tr, tr_md
from assessment.ui.safe import md

_ERROR = "interim_open_error"
_SHOWN = "interim_prepared"  # the list stays open over reruns until it is closed or used
_LABEL = "interim_label"


def _close() -> None:
    st.session_state.pop(_SHOWN, None)


def manage(access: store.Access, school_id: int) -> None:
    """Beheer's section: why a tussenmeting, and the button that shows what it would ask."""
    engine = context.engine()
    st.subheader(tr("interim.manage.heading"))
    st.caption(tr("interim.manage.intro"))
    try:
        proposal = store.interim_proposal(engine, access, school_id)
    except store.InvalidInput as refused:
        st.info(tr("interim.manage.cannot", reason=tr_md(refused.key, **refused.values)))
        return
    st.button(
        tr("interim.manage.prepare"),
        icon=":material/checklist:",
        key="interim_prepare",
        on_click=lambda: st.session_state.update({_SHOWN: True}),
    )
    if st.session_state.get(_SHOWN):
        with st.container(border=True, key="interim_prepare_panel"):
            _prepared(access, school_id, proposal)


def criteria_lines(rubric: Rubric, criteria: dict[str, str], lang: str) -> str:
    """The criteria as Markdown, grouped by theme and phase: a phase the team works on says so
    once, a criterion asked for the plan says so on its own line."""
    lines = []
    heading = None
    for criterion in rubric.criteria:
        if criterion.id not in criteria:
            continue
        group = (criterion.theme, criterion.phase)
        if group != heading:
            heading = group
            theme = rubric.text(rubric.theme(criterion.theme).label, lang)
            phase = rubric.text(rubric.phase(criterion.phase).label, lang)
            working = interim.PHASE in criteria[criterion.id]
            why = f" · *{md(tr('interim.reason.phase'))}*" if working else ""
            lines.append(f"\n**{md(theme)}** · {md(phase)}{why}\n")
        plan = (
            f" *({md(tr('interim.reason.plan'))})*"
            if interim.PLAN in criteria[criterion.id]
            else ""
        )
        lines.append(f"- {md(rubric.text(criterion.label, lang))}{plan}")
    return "\n".join(lines)


def _prepared(access: store.Access, school_id: int, proposal: store.InterimProposal) -> None:
    """What the tussenmeting would ask, shown before it opens, with its name and the buttons."""
    rubric, lang = context.rubric(), context.lang()
    count = len(proposal.criteria)
    st.markdown(f"**{tr('interim.manage.prepare_title')}**")
    st.markdown(tr_md("interim.manage.follows", label=proposal.yearly.label, count=count))
    st.markdown(criteria_lines(rubric, proposal.criteria, lang))
    month = format_date(dt.date.today(), "MMMM y", locale=lang)
    st.session_state.setdefault(_LABEL, tr("interim.default_label", month=month))
    st.text_input(tr("interim.manage.label"), max_chars=60, key=_LABEL)
    if message := st.session_state.pop(_ERROR, None):
        st.error(message)
    with st.container(horizontal=True):
        st.button(
            tr("interim.manage.open"),
            type="primary",
            icon=":material/add:",
            on_click=_open,
            args=(access, school_id),
        )
        st.button(tr("interim.manage.cancel"), on_click=_close)


def _open(access: store.Access, school_id: int) -> None:
    engine, rubric = context.engine(), context.rubric()
    label = st.session_state.get(_LABEL) or ""
    try:
        scan, criteria = store.open_interim(engine, access, school_id, label, rubric)
    except store.StoreError as refused:
        st.session_state[_ERROR] = tr_md(refused.key, **refused.values)
        return
    st.session_state["manage_message"] = tr_md(
        "interim.manage.opened", label=scan.label, count=len(criteria)
    )
    st.session_state.pop(_LABEL, None)
    _close()


# --- the questionnaire ---------------------------------------------------------------------------


def questions(
    access: store.Access, scan: store.ScanInfo, rubric: Rubric, roles: Roles
) -> Questions:
    """The questions of ``scan`` for these roles: a tussenmeting asks only its own criteria."""
    if store.is_yearly(scan):
        return Questions.for_role(rubric, roles)
    asked = store.interim_criteria(context.engine(), access, scan.id)
    return interim.questions(rubric, roles, asked)


def intro(access: store.Access, scan: store.ScanInfo, rubric: Rubric) -> None:
    """The first screen of a tussenmeting: how many questions, what the answers mean, Beginnen.
    It asks no role: everyone answers as a member of the working group."""
    count = len(questions(access, scan, rubric, interim.WORKING_GROUP).criteria)
    st.write(tr("interim.questionnaire.intro", count=count, minutes=estimated_minutes(count)))
    questionnaire_intro.scale_legend(rubric)
    st.warning(tr("questionnaire.intro.privacy"), icon=":material/privacy_tip:")
    if scan.status == "closed":
        st.info(tr("questionnaire.closed"))
        return
    st.button(
        tr("questionnaire.start"),
        type="primary",
        on_click=_start,
        args=(access, scan.id),
        icon=":material/play_arrow:",
    )


def _start(access: store.Access, scan_id: int) -> None:
    try:
        store.start_respondent(context.engine(), access, [interim.WORKING_GROUP], scan_id=scan_id)
        phone.ask_scroll_to_top()
    except store.StoreError as error:
        st.session_state["save_error"] = tr_md(error.key, **error.values)
