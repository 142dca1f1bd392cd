"""The questionnaire's first screen: what the answers mean, the role, how many questions, Beginnen."""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.questions import Questions, estimated_minutes
from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.ui import context, phone
from assessment.ui.context import tr, tr_md
from assessment.ui.questionnaire import tr_count

ROLE = "questionnaire_role"


def show(access: store.Access, scan: store.ScanInfo, rubric: Rubric) -> None:
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
    st.write(tr("questionnaire.intro.pause"))
    st.warning(tr("questionnaire.intro.privacy"), icon=":material/privacy_tip:")
    if scan.status == "closed":
        st.info(tr("questionnaire.closed"))
        return
    role = st.selectbox(
        tr("questionnaire.role_label"),
        list(RESPONDENT_ROLES),
        index=None,
        format_func=lambda r: tr(f"app.roles_of_respondents.{r}"),
        placeholder=tr("questionnaire.role_placeholder"),
        help=tr("questionnaire.role_help", size=rubric.rules.min_group_size),
        key=ROLE,
    )
    count = len(Questions.for_role(rubric, role).criteria)
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


def _start(access: store.Access, scan_id: int) -> None:
    try:
        store.start_respondent(
            context.engine(), access, st.session_state.get(ROLE), scan_id=scan_id
        )
        phone.ask_scroll_to_top()
    except store.StoreError as error:
        st.session_state["save_error"] = tr_md(error.key, **error.values)
