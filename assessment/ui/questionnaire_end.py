"""The end of the questionnaire: what is still open, per theme, and submitting after a question."""

from __future__ import annotations

from collections.abc import Callable, Collection

import streamlit as st

from assessment import store
from assessment.questions import Questions
from assessment.rubric import Rubric
from assessment.ui import context, phone
from assessment.ui.context import tr, tr_md
from assessment.ui.questionnaire import tr_count
from assessment.ui.safe import md

SUBMIT_ERROR = "submit_error"
CONFIRMATION = "submit-confirmation"


def _confirming_key(scan_id: int) -> str:
    return f"confirm-submit-{scan_id}"


def stop_confirming(scan_id: int) -> None:
    st.session_state.pop(_confirming_key(scan_id), None)


def show(
    access: store.Access,
    scan: store.ScanInfo,
    me: store.RespondentInfo,
    questions: Questions,
    answered: Collection[str],
    rubric: Rubric,
    go_to: Callable[[int], None],
) -> None:
    lang = context.lang()
    st.header(tr("questionnaire.submit_heading"))
    if me.submitted_at is not None:
        st.success(tr("questionnaire.submitted"), icon=":material/check_circle:")
    still_open = questions.open(answered)
    if still_open:
        st.write(tr_count("questionnaire.unanswered", still_open))
        for index, theme in enumerate(questions.themes):
            missing = theme.open(answered)
            if not missing:
                continue
            label = rubric.text(theme.theme.label, lang)
            with st.expander(tr("questionnaire.unanswered_theme", label=label, count=len(missing))):
                st.markdown("\n".join(f"- {md(rubric.text(c.label, lang))}" for c in missing))
                st.button(
                    tr("questionnaire.go_to_theme"),
                    key=f"go-to-theme-{index}",
                    on_click=go_to,
                    args=(index,),
                    icon=":material/arrow_upward:",
                )
    else:
        st.write(tr("questionnaire.all_answered"))
    if message := st.session_state.pop(SUBMIT_ERROR, None):
        st.error(message)
    if scan.status == "closed" or me.submitted_at is not None:
        return
    if not questions.answered(answered):
        st.button(tr("questionnaire.submit"), icon=":material/send:", disabled=True)
        st.caption(tr("questionnaire.nothing_answered"))
    elif st.session_state.get(_confirming_key(scan.id)):
        with st.container(key=CONFIRMATION):
            if still_open:
                st.warning(tr_count("questionnaire.confirm.open", still_open))
            else:
                st.info(tr("questionnaire.confirm.complete"))
            with st.container(horizontal=True):
                st.button(
                    tr("questionnaire.confirm_yes"),
                    type="primary",
                    icon=":material/send:",
                    on_click=_submit,
                    args=(access, scan.id),
                )
                st.button(tr("questionnaire.confirm_no"), on_click=stop_confirming, args=(scan.id,))
    else:
        st.button(
            tr("questionnaire.submit"),
            type="primary",
            icon=":material/send:",
            on_click=_confirm,
            args=(scan.id,),
        )


def _confirm(scan_id: int) -> None:
    st.session_state[_confirming_key(scan_id)] = True
    phone.ask_scroll_into_view(CONFIRMATION)  # the question appears under the button


def _submit(access: store.Access, scan_id: int) -> None:
    stop_confirming(scan_id)
    try:
        store.submit(context.engine(), access, scan_id=scan_id)
        phone.ask_scroll_to_top()  # the thanks stand at the top; the end shrinks after submitting
    except store.StoreError as error:
        st.session_state[SUBMIT_ERROR] = tr_md(error.key, **error.values)
