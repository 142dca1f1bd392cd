"""Beheer's codes for the team: making them, showing them once (slips, links, QR) and the list.

Only a code's hash is stored, so a new code's secret exists once: in the result of
``store.issue_team_codes``. The form's callback appends every batch to this session's list of
new codes before anything is drawn, so a double click makes two batches and both are shown
(numbered on, "Collega 9 t/m 12"); no code is ever made without being shown. The slips PDF and
the list of links are built from that same list.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

import pandas as pd
import streamlit as st

from assessment import store
from assessment.addresses import only_this_computer
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.links import app_base_url, code_link, qr_png
from assessment.ui.logged_download import logged
from assessment.ui.safe import md

NEW_CODES = "new_codes"


class NewCode(NamedTuple):
    number: int
    scan_label: str
    link: str
    code: str


REVOCABLE_ROLES = ("respondent", "trainer")


def issue(access: store.Access, scans: dict[int, store.ScanInfo]) -> None:
    """Form callback: make the codes asked for and keep them for showing."""
    scan_id, count = st.session_state["codes_scan"], int(st.session_state["codes_count"])
    try:
        made = store.issue_team_codes(context.engine(), access, scan_id, count)
    except store.StoreError as error:
        st.session_state["manage_error"] = tr_md(error.key, **error.values)
        return
    label = scans[scan_id].label
    new = [(code.number, label, code.code) for code in made]
    st.session_state[NEW_CODES] = [*st.session_state.get(NEW_CODES, []), *new]


def _build_slips(school: str, slips: list[NewCode], lang: str) -> bytes:
    from assessment.report.code_slips import Slip, code_slips_pdf  # ReportLab loads on a click

    return code_slips_pdf(school, [Slip(*slip) for slip in slips], lang)


def show_new_codes(access: store.Access, school: store.SchoolInfo) -> None:
    new = st.session_state.get(NEW_CODES)
    if not new:
        return
    slips = [NewCode(number, label, code_link(code), code) for number, label, code in new]
    with st.container(border=True):
        st.warning(tr("manage.codes_once", count=len(slips)), icon=":material/visibility:")
        if only_this_computer(slips[0].link):
            st.error(tr("manage.local_address", address=app_base_url()), icon=":material/wifi_off:")
        with st.container(horizontal=True):
            st.download_button(
                tr("manage.print_codes"),
                data=logged(
                    partial(_build_slips, school.name, slips, context.lang()),
                    context.engine(),
                    access,
                    "code_slips",
                ),
                file_name=tr("manage.slips_name", count=len(slips)),
                mime="application/pdf",
                on_click="ignore",
                type="primary",
                icon=":material/print:",
                key="code_slips",
            )
            st.button(
                tr("manage.hide_codes"),
                on_click=lambda: st.session_state.pop(NEW_CODES, None),
                icon=":material/visibility_off:",
            )
        st.markdown(f"**{tr('manage.copy_links')}**")
        st.caption(tr("manage.copy_hint"))
        lines = [f"{_colleague(slip.number)} ({slip.scan_label}): {slip.link}" for slip in slips]
        st.code("\n".join(lines), language=None, wrap_lines=True)
        with st.expander(tr("manage.per_colleague")):
            for slip in slips:
                text, qr = st.columns([3, 1])
                text.markdown(f"**{_colleague(slip.number)}** · {md(slip.scan_label)}")
                text.code(slip.link, language=None, wrap_lines=True)
                qr.image(
                    qr_png(slip.link),
                    caption=tr("manage.qr_caption", number=slip.number),
                    width=140,
                    alt=tr("manage.qr_alt", number=slip.number),
                )


def _colleague(number: int | None) -> str:
    return tr("manage.respondent_number", number=number)


def code_label(code: store.TeamCode) -> str:
    """What a code is called everywhere on the page: "Collega 5", "Trainer: Anna", ..."""
    if code.info.role == "respondent":
        label = _colleague(code.number)
    else:
        label = tr(f"manage.code_roles.{code.info.role}")
        if code.info.label:
            label = f"{label}: {code.info.label}"
    return tr("manage.own_code", label=label) if code.own else label


def _use(code: store.TeamCode) -> str:
    if code.info.role != "respondent":
        return "–"
    if code.submitted:
        return tr("manage.use.submitted", count=code.answered)
    if code.started:
        return tr("manage.use.started", count=code.answered)
    return tr("manage.use.unused")


def _order(code: store.TeamCode) -> tuple[int, int, int]:
    """Own and trainer codes first, then colleagues per scan (newest scan first) by number."""
    if code.info.role != "respondent":
        return (0, 0, code.info.id)
    return (1, -(code.info.scan_id or 0), code.number or 0)


def code_table(codes: list[store.TeamCode], scans: dict[int, store.ScanInfo]) -> None:
    rows = [
        {
            tr("manage.col.code"): code_label(code),
            tr("manage.col.scan"): scans[code.info.scan_id].label
            if code.info.scan_id in scans
            else "–",
            tr("manage.col.use"): _use(code),
            tr("manage.col.created"): code.info.created_at.strftime("%d-%m-%Y"),
            tr("manage.col.expires"): code.info.expires_at.strftime("%d-%m-%Y")
            if code.info.expires_at
            else "–",
            tr("manage.col.state"): tr("manage.revoked")
            if code.info.revoked_at
            else tr("manage.active"),
        }
        for code in sorted(codes, key=_order)
    ]
    code_column = tr("manage.col.code")
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={code_column: st.column_config.TextColumn(code_column, width="medium")},
    )


def revocable(codes: list[store.TeamCode]) -> dict[int, store.TeamCode]:
    """Codes the coordinator may revoke from the list: active colleague and trainer codes, never
    his own (the store refuses that too: a coordinator cannot revoke a coordinator code)."""
    return {
        code.info.id: code
        for code in sorted(codes, key=_order)
        if code.info.revoked_at is None and code.info.role in REVOCABLE_ROLES and not code.own
    }
