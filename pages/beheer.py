"""Beheer: scans open and closed, respondent and trainer codes, sharing with the board."""

import datetime as dt

import pandas as pd
import streamlit as st

from assessment import store
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.links import code_link, qr_png
from assessment.ui.pages import require_role, scan_title
from assessment.ui.safe import md

access = require_role("coordinator")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
school = store.get_school(engine, access, access.school_id)
st.title(tr("manage.title"))
st.caption(md(school.name))


def attempt(action, *args, success: str | None = None, **kwargs):
    try:
        outcome = action(engine, access, *args, **kwargs)
    except store.StoreError as error:
        st.session_state["manage_error"] = tr_md(error.key, **error.values)
        return None
    if success:
        st.session_state["manage_message"] = success
    return outcome


if message := st.session_state.pop("manage_error", None):
    st.error(message)
if message := st.session_state.pop("manage_message", None):
    st.success(message)

# --- scans ---------------------------------------------------------------------------------------
st.subheader(tr("manage.scans_heading"))
scans = store.list_scans(engine, access, school.id)
for scan in scans:
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.write(md(scan_title(scan)))
    if scan.status == "open":
        button.button(
            tr("manage.close_scan"),
            key=f"close-{scan.id}",
            on_click=attempt,
            args=(store.close_scan, scan.id),
            kwargs={"success": tr("manage.closed")},
        )
    else:
        button.button(
            tr("manage.reopen_scan"),
            key=f"reopen-{scan.id}",
            on_click=attempt,
            args=(store.reopen_scan, scan.id),
            kwargs={"success": tr("manage.reopened")},
        )

today = dt.date.today()
first_year = today.year if today.month >= 8 else today.year - 1
with st.form("new_scan"):
    label = st.text_input(
        tr("manage.scan_label"),
        value=f"{first_year}-{first_year + 1}",
        max_chars=60,
        help=tr("manage.scan_label_help"),
    )
    if st.form_submit_button(tr("manage.open_scan"), icon=":material/add:"):
        if label.strip():
            attempt(
                store.open_scan,
                school.id,
                label.strip(),
                rubric,
                success=tr_md("manage.opened", label=label.strip()),
            )
        else:
            st.session_state["manage_error"] = tr("manage.label_required")
        st.rerun()

# --- respondent codes ----------------------------------------------------------------------------
st.subheader(tr("manage.codes_heading"))
open_scans = [scan for scan in scans if scan.status == "open"]
if not open_scans:
    st.info(tr("manage.no_open_scan"))
else:
    by_id = {scan.id: scan for scan in open_scans}
    with st.form("issue_codes"):
        scan_id = st.selectbox(
            tr("manage.codes_for_scan"), list(by_id), format_func=lambda i: by_id[i].label
        )
        count = st.number_input(tr("manage.code_count"), min_value=1, max_value=60, value=8, step=1)
        if st.form_submit_button(tr("manage.issue_codes"), type="primary", icon=":material/key:"):
            issued = [
                attempt(store.issue_code, "respondent", scan_id=scan_id) for _ in range(int(count))
            ]
            st.session_state["new_codes"] = [i.code for i in issued if i is not None]
            st.rerun()

new_codes = st.session_state.get("new_codes")
if new_codes:
    st.warning(tr("manage.codes_once"), icon=":material/visibility:")
    for number, code in enumerate(new_codes, start=1):
        with st.container(border=True):
            link = code_link(code)
            text, qr = st.columns([3, 1])
            text.markdown(f"**{tr('manage.respondent_number', number=number)}**")
            text.code(link, language=None)
            qr.image(qr_png(link), caption=tr("manage.qr_caption", number=number), width=140)
    st.button(tr("manage.hide_codes"), on_click=lambda: st.session_state.pop("new_codes", None))

codes = store.list_codes(engine, access, school.id)
if codes:
    with st.expander(tr("manage.all_codes", count=len(codes))):
        titles = {scan.id: scan.label for scan in scans}
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("manage.col.number"): c.id,
                        tr("manage.col.role"): tr(f"manage.code_roles.{c.role}"),
                        tr("manage.col.scan"): titles.get(c.scan_id, "–"),
                        tr("manage.col.created"): c.created_at.strftime("%d-%m-%Y"),
                        tr("manage.col.expires"): c.expires_at.strftime("%d-%m-%Y")
                        if c.expires_at
                        else "–",
                        tr("manage.col.state"): tr("manage.revoked")
                        if c.revoked_at
                        else tr("manage.active"),
                    }
                    for c in codes
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        active = {c.id: c for c in codes if c.revoked_at is None}
        to_revoke = st.multiselect(
            tr("manage.revoke_label"),
            list(active),
            format_func=lambda i: f"{i} · {tr(f'manage.code_roles.{active[i].role}')}",
            placeholder=tr("manage.revoke_placeholder"),
        )
        if st.button(tr("manage.revoke"), disabled=not to_revoke, icon=":material/block:"):
            for code_id in to_revoke:
                attempt(
                    store.revoke_code,
                    code_id,
                    success=tr("manage.revoked_done", count=len(to_revoke)),
                )
            st.rerun()

# --- trainer ---------------------------------------------------------------------------------------
st.subheader(tr("manage.trainer_heading"))
st.write(tr("manage.trainer_intro"))
with st.form("trainer_code"):
    expires = st.date_input(
        tr("manage.trainer_expires"),
        value=today + dt.timedelta(days=365),
        min_value=today,
        format="DD-MM-YYYY",
    )
    if st.form_submit_button(tr("manage.issue_trainer_code"), icon=":material/school:"):
        expires_at = dt.datetime.combine(expires, dt.time(23, 59), tzinfo=dt.UTC)
        issued = attempt(store.issue_code, "trainer", school_id=school.id, expires_at=expires_at)
        if issued is not None:
            st.session_state["trainer_code"] = issued.code
        st.rerun()
if code := st.session_state.get("trainer_code"):
    st.warning(tr("manage.codes_once"), icon=":material/visibility:")
    st.code(code_link(code), language=None)

# --- board -----------------------------------------------------------------------------------------
st.subheader(tr("manage.board_heading"))
st.toggle(
    tr("manage.share_with_board"),
    value=school.share_with_board,
    key="share_with_board",
    help=tr("manage.share_help"),
    on_change=lambda: attempt(
        store.set_board_sharing,
        school.id,
        st.session_state["share_with_board"],
        success=tr("manage.sharing_saved"),
    ),
)
