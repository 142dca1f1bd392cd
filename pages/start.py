"""Start: what TSO Zelfscan is, enter a code (or arrive by link), or try the demo; once signed
in, the school and the next steps."""

import streamlit as st

from assessment import store
from assessment.ui import context, first_steps
from assessment.ui.context import tr, tr_md


def show_start_page() -> None:
    context.ensure_app_frame()
    st.title(tr("start.title"))
    if message := st.session_state.pop("code_error", None):
        st.warning(message)
    current = context.access()
    if current is not None:
        first_steps.show(current)
        return
    st.write(tr("start.intro"))
    code_form()
    if context.demo_enabled():
        demo_door()


def code_form() -> None:
    with st.form("code_form", enter_to_submit=True):
        code = st.text_input(tr("start.code_label"), help=tr("start.code_help"), type="password")
        if st.form_submit_button(tr("start.open"), type="primary"):
            try:
                context.sign_in(context.resolve_code(code.strip()), code.strip())
                st.rerun()
            except store.StoreError as error:
                st.warning(tr_md(error.key, **error.values))


def demo_door() -> None:
    st.divider()
    st.header(tr("start.demo_heading"))
    st.write(tr("start.demo_text"))
    if st.button(tr("start.demo_button"), icon=":material/play_circle:"):
        with st.spinner(tr("start.demo_loading")):
            context.open_demo()
        st.rerun()


show_start_page()
