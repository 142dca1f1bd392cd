"""A trainer's schools: the trainer adds the trainer code of each school once and
switches between the schools without signing out.

The list lives in the server-side session (``store.add_session_code``), so a reload or a bookmark
keeps every school; without the session routes (AppTest, ``streamlit run app.py``) it lasts as
long as the browser tab. Which school is on screen is this tab's own choice
(``context.ACCESS``); every page reads through the store with that school's own trainer access,
so trainer codes stay read-only everywhere.
"""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import CHOSEN_SCAN
from assessment.ui.safe import md

MESSAGE = "schools_message"


def school_name(access: store.Access) -> str:
    return store.get_school(context.engine(), access, access.bound_school_id).name


def show(access: store.Access) -> None:
    """The start page part for a trainer: the schools of this sign-in and the form to add one."""
    held = context.accesses()
    if len(held) > 1:
        st.markdown(tr("start.schools.list_heading"))
        st.markdown(
            "\n".join(
                f"- {md(school_name(a))}"
                + (f" ({tr('start.schools.on_screen')})" if a == access else "")
                for a in held
            )
        )
        st.caption(tr("start.schools.switch_hint"))
    if message := st.session_state.pop(MESSAGE, None):
        st.success(message)
    with st.form("add_school_form", clear_on_submit=True, enter_to_submit=True):
        st.markdown(f"**{tr('start.schools.add_heading')}**")
        code = st.text_input(
            tr("start.schools.code_label"), help=tr("start.schools.code_help"), type="password"
        )
        if st.form_submit_button(tr("start.schools.add_button"), icon=":material/add:"):
            add_code(code)


def add_code(code: str) -> None:
    """Add another school's trainer code to this sign-in and put that school on screen."""
    try:
        new = context.resolve_code(code.strip())
    except store.StoreError as error:
        st.warning(tr_md(error.key, **error.values))
        return
    if new.role != "trainer":
        st.warning(tr("start.schools.not_a_trainer_code"))
        return
    held = context.accesses()
    if any(a.school_id == new.school_id for a in held):
        st.info(tr_md("start.schools.already_held", school=school_name(new)))
        return
    token = st.session_state.get(context.SESSION_TOKEN)
    try:
        if token:
            store.add_session_code(context.main_engine(), token, new)
        store.record_sign_in(context.main_engine(), new)
    except store.StoreError as error:
        st.warning(tr_md(error.key, **error.values))
        return
    st.session_state[context.SCHOOLS] = [*held, new]
    switch_to(new)
    st.session_state[MESSAGE] = tr_md("start.schools.added", school=school_name(new))
    st.rerun()


def switch_to(chosen: store.Access) -> None:
    st.session_state[context.ACCESS] = chosen
    st.session_state.pop(CHOSEN_SCAN, None)  # a scan id of the school shown before


def switcher(key: str) -> None:
    """A choice of school, once a trainer holds two or more: in the sidebar of every page and
    at the top of the Briefing (where a phone shows it without opening the sidebar)."""
    held, current = context.accesses(), context.access()
    if len(held) < 2 or current is None:
        return
    by_code = {a.code_id: a for a in held}
    names = {a.code_id: school_name(a) for a in held}
    st.session_state[key] = current.code_id  # the school on screen, chosen anywhere
    st.selectbox(
        tr("start.schools.choice_label"),
        list(by_code),
        format_func=names.__getitem__,
        key=key,
        on_change=lambda: switch_to(by_code[st.session_state[key]]),
    )
