"""Beheer's "Meedoen aan onderzoek": the school's type and its consent to the consortium's research
dataset, with the exact list of what goes out and what never does. Apart from sharing with the
board; each change is logged by the store (``assessment/store/research_consent.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.store.research_consent import (
    SCHOOL_TYPES,
    research_consent,
    set_research_consent,
    set_school_type,
)
from assessment.ui import context
from assessment.ui.context import tr, tr_md

MESSAGE = "research_consent_message"
TYPE_KEY = "research_school_type"
TOGGLE_KEY = "research_opt_in"


def _save(
    access: store.Access,
    school_id: int,
    change: Callable[[Engine, store.Access, int, Any], object],
    value: Any,
    success: str,
) -> None:
    try:
        change(context.engine(), access, school_id, value)
    except store.StoreError as error:
        st.session_state[MESSAGE] = ("error", tr_md(error.key, **error.values))
        return
    st.session_state[MESSAGE] = ("success", success)


def _type_changed(access: store.Access, school_id: int) -> None:
    chosen = st.session_state[TYPE_KEY]
    if chosen is not None:
        _save(access, school_id, set_school_type, chosen, tr("research.consent.school_type_saved"))


def _consent_changed(access: store.Access, school_id: int) -> None:
    on = bool(st.session_state[TOGGLE_KEY])
    success = tr(f"research.consent.turned_{'on' if on else 'off'}")
    _save(access, school_id, set_research_consent, on, success)


def show(access: store.Access) -> None:
    school_id = access.school_id
    if school_id is None:  # Beheer is a coordinator's page: there is always a school
        return
    consent = research_consent(context.engine(), access, school_id)
    st.header(tr("research.consent.heading"))
    st.write(tr("research.consent.intro"))
    with st.container(border=True):
        st.markdown(tr("research.consent.goes_out"))
        st.markdown(tr("research.consent.goes_out_items"))
        st.markdown(tr("research.consent.never_out"))
        st.markdown(tr("research.consent.never_out_items"))
        st.caption(tr("research.consent.stop"))
    st.selectbox(
        tr("research.consent.school_type"),
        SCHOOL_TYPES,
        index=SCHOOL_TYPES.index(consent.school_type) if consent.school_type else None,
        format_func=lambda kind: tr(f"research.school_types.{kind}"),
        placeholder=tr("research.consent.school_type_placeholder"),
        help=tr("research.consent.school_type_help"),
        key=TYPE_KEY,
        on_change=_type_changed,
        args=(access, school_id),
    )
    st.toggle(
        tr("research.consent.toggle"),
        value=consent.opted_in,
        key=TOGGLE_KEY,
        on_change=_consent_changed,
        args=(access, school_id),
    )
    if shown := st.session_state.pop(MESSAGE, None):
        kind, text = shown
        (st.error if kind == "error" else st.success)(text)
    else:
        st.caption(tr(f"research.consent.{'on' if consent.opted_in else 'off'}"))
