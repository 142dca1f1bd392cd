"""Privacy: what the app keeps, who sees what, for how long and where, for everyone (signed in
or not); the coordinator downloads the same as a leaflet for the MR."""

import streamlit as st

from assessment.privacy_notice import PrivacyNotice, Section, notice_from_env
from assessment.privacy_settings import SettingRefused
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.privacy_leaflet import leaflet_download_button
from assessment.ui.safe import md
from assessment.views import privacy


def show_privacy_page() -> None:
    context.ensure_app_frame()
    try:
        notice = notice_from_env(context.lang(), privacy.minimum(context.rubric()))
    except SettingRefused as refused:
        st.error(tr("privacy.errors.setting", detail=str(refused)))
        st.stop()
    st.title(md(notice.title))
    st.write(md(notice.intro))
    with st.container(border=True):
        st.header(md(notice.not_monitor.heading))
        st.write(md(notice.not_monitor.paragraphs[0]))
    current = context.access()
    if current is not None and current.role == "coordinator":
        leaflet_download_button(current, key="privacy_leaflet_page")
    for part in notice.before_roles:
        section(part)
    roles_table(notice)
    for part in notice.after_roles:
        section(part)


def section(part: Section) -> None:
    st.header(md(part.heading))
    for paragraph in part.paragraphs:
        st.write(md(paragraph))
    if part.bullets:
        st.markdown("\n".join(f"- {md(bullet)}" for bullet in part.bullets))
    if part.note:
        st.caption(md(part.note))


def roles_table(notice: PrivacyNotice) -> None:
    st.header(md(notice.roles_heading))
    head = "| " + " | ".join(md(column) for column in notice.columns) + " |"
    rows = [f"| **{md(r.role)}** | {md(r.sees)} | {md(r.never)} |" for r in notice.roles]
    st.markdown("\n".join([head, "|---|---|---|", *rows]))


show_privacy_page()
