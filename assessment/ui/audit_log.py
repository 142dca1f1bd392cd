"""Beheer's "Wie deed wat": the school's audit log, newest first, a page at a time."""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.audit_text import what, when, who
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.safe import md

PAGE = "audit_page"
NB_HYPHEN = "\u2011"


def show(access: store.Access, school_id: int) -> None:
    engine, lang = context.engine(), context.lang()
    st.header(tr("audit.heading"))
    st.caption(tr("audit.intro"))
    first = store.school_log(engine, access, school_id, page=1)
    if not first.total:
        st.info(tr("audit.empty"))
        return
    page = 1
    if first.pages > 1:
        page = st.number_input(
            tr("audit.page_label"), min_value=1, max_value=first.pages, value=1, key=PAGE
        )
    shown = first if page == 1 else store.school_log(engine, access, school_id, page=page)
    columns = (tr("audit.col.when"), tr("audit.col.who"), tr("audit.col.what"))
    # Non-breaking hyphens: on a phone the date stays on one line and the time wraps below it.
    rows = [
        f"| {when(event).replace('-', NB_HYPHEN)} | {md(who(event, lang))} | {md(what(event, lang))} |"
        for event in shown.events
    ]
    st.markdown("\n".join(["| " + " | ".join(columns) + " |", "|---|---|---|", *rows]))
    st.caption(tr("audit.page_of", page=shown.page, pages=shown.pages, total=shown.total))
