"""The questionnaire's first screen: what the answers mean, the roles (each with how many questions
and how long), how many questions the chosen roles give, Beginnen."""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.questions import estimated_minutes
from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.ui import context, phone
from assessment.ui.context import tr, tr_md
from assessment.ui.questionnaire import tr_count
from assessment.views import privacy

ROLE = "questionnaire_role"


def scale_legend(rubric: Rubric) -> None:
    """What each answer means: the scale and "weet niet", as every questionnaire opens."""
    lang = context.lang()
    st.write(tr("questionnaire.intro.scale"))
    lines = [
        f"- **{o.value} · {rubric.text(o.label, lang)}**: {rubric.text(o.description, lang)}"
        for o in rubric.scale
    ]
    lines.append(
        f"- **{rubric.text(rubric.dont_know.label, lang)}**: "
        f"{rubric.text(rubric.dont_know.description, lang)}"
    )
    st.markdown("\n".join(lines))


def show(access: store.Access, scan: store.ScanInfo, rubric: Rubric) -> None:
    scale_legend(rubric)
    st.write(tr("questionnaire.intro.pause"))
    st.warning(tr("questionnaire.intro.privacy"), icon=":material/privacy_tip:")
    if scan.status == "closed":
        st.info(tr("questionnaire.closed"))
        return
    # A multiselect keeps the roles in the order they were picked: the first counts in breakdowns.
    roles = st.multiselect(
        tr("questionnaire.role_label"),
        list(RESPONDENT_ROLES),
        format_func=lambda role: tr(f"app.roles_of_respondents.{role}"),
        placeholder=tr("questionnaire.role_placeholder"),
        help=tr("questionnaire.role_help", size=privacy.minimum(rubric)),
        select_all=False,  # choosing every role at once means nothing
        key=ROLE,
    )
    # Under the choice, not in it: an option this long does not fit a phone's dropdown.
    st.caption(
        tr("questionnaire.role_counts")
        + "\n"
        + "\n".join(f"- {role_count(rubric, role)}" for role in RESPONDENT_ROLES)
    )
    count = len(rubric.criteria_for_role(roles))
    st.markdown(
        f"**{tr_count('questionnaire.intro.count', count, minutes=estimated_minutes(count))}**"
    )
    st.button(
        tr("questionnaire.start"),
        type="primary",
        on_click=_start,
        args=(access, scan.id),
        icon=":material/play_arrow:",
    )


def role_count(rubric: Rubric, role: str) -> str:
    """A role with its questions and time, counted from the rubric: "Leerkracht: 25 vragen,
    ongeveer 10 minuten"."""
    count = len(rubric.criteria_for_role(role))
    return tr_count(
        "questionnaire.role_count",
        count,
        role=tr(f"app.roles_of_respondents.{role}"),
        minutes=estimated_minutes(count),
    )


def _start(access: store.Access, scan_id: int) -> None:
    try:
        store.start_respondent(
            context.engine(), access, st.session_state.get(ROLE) or [], scan_id=scan_id
        )
        phone.ask_scroll_to_top()
    except store.StoreError as error:
        st.session_state["save_error"] = tr_md(error.key, **error.values)
