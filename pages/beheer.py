"""Beheer: scans open and closed, respondent and trainer codes, sharing with the board."""

import datetime as dt
from functools import partial

import streamlit as st

from assessment import store
from assessment.school_download import school_zip
from assessment.ui import audit_log, context, interim_open, mr_informed, team_codes
from assessment.ui.context import tr, tr_md
from assessment.ui.logged_download import logged
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
st.header(tr("manage.scans_heading"))
scans = store.list_scans(engine, access, school.id)
confirming = st.session_state.get("confirm_close")
for scan in scans:
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.write(md(scan_title(scan)))
    if scan.status == "open" and confirming == scan.id:
        with st.container(border=True):
            st.warning(tr_md("manage.close_confirm", label=scan.label))
            with st.container(horizontal=True):
                st.button(
                    tr("manage.close_yes"),
                    key=f"close-yes-{scan.id}",
                    type="primary",
                    on_click=attempt,
                    args=(store.close_scan, scan.id),
                    kwargs={"success": tr("manage.closed")},
                )
                st.button(tr("manage.cancel"), key=f"close-no-{scan.id}")
    elif scan.status == "open":
        button.button(
            tr("manage.close_scan"),
            key=f"close-{scan.id}",
            on_click=lambda scan_id: st.session_state.update(confirm_close=scan_id),
            args=(scan.id,),
        )
    elif scan.answers_removed_after is not None:  # nothing left to answer in: it stays closed
        button.caption(tr("retention.manage_removed", years=scan.answers_removed_after))
    elif scan.notes_removed_after is not None:  # past the notes' term: it stays closed too
        button.caption(tr("retention.manage_notes_removed", years=scan.notes_removed_after))
    else:
        button.button(
            tr("manage.reopen_scan"),
            key=f"reopen-{scan.id}",
            on_click=attempt,
            args=(store.reopen_scan, scan.id),
            kwargs={"success": tr("manage.reopened")},
        )
st.session_state.pop("confirm_close", None)  # a question asked once: any other click drops it

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

interim_open.manage(access, school.id)

# --- the MR informed before the codes go out -----------------------------------------------------
mr_informed.show(access, scans)

# --- respondent codes ----------------------------------------------------------------------------
st.header(tr("manage.codes_heading"))
scans_by_id = {scan.id: scan for scan in scans}
open_scans = [scan.id for scan in scans if scan.status == "open"]
if not open_scans:
    st.info(tr("manage.no_open_scan"))
else:
    with st.form("issue_codes"):
        st.selectbox(
            tr("manage.codes_for_scan"),
            open_scans,
            format_func=lambda i: scans_by_id[i].label,
            key="codes_scan",
        )
        st.number_input(
            tr("manage.code_count"),
            min_value=1,
            max_value=store.MAX_BATCH,
            value=8,
            step=1,
            key="codes_count",
        )
        st.form_submit_button(
            tr("manage.issue_codes"),
            type="primary",
            icon=":material/key:",
            on_click=team_codes.issue,
            args=(access, scans_by_id),
        )
team_codes.show_new_codes(school)

codes = store.team_codes(engine, access, school.id)
if codes:
    with st.expander(tr("manage.all_codes", count=len(codes))):
        team_codes.code_table(codes, scans_by_id)
        revocable = team_codes.revocable(codes)
        to_revoke = st.multiselect(
            tr("manage.revoke_label"),
            list(revocable),
            format_func=lambda i: (
                team_codes.code_label(revocable[i])
                + (
                    f" · {scans_by_id[revocable[i].info.scan_id].label}"
                    if revocable[i].info.scan_id
                    else ""
                )
            ),
            placeholder=tr("manage.revoke_placeholder"),
        )
        if st.button(tr("manage.revoke"), disabled=not to_revoke, icon=":material/block:"):
            done = [code_id for code_id in to_revoke if attempt(store.revoke_code, code_id)]
            if done:
                st.session_state["manage_message"] = tr("manage.revoked_done", count=len(done))
            st.rerun()

# --- trainer ---------------------------------------------------------------------------------------
st.header(tr("manage.trainer_heading"))
st.write(tr("manage.trainer_intro"))
TRAINER_CODE = "new_trainer_code"  # not the form's key: Streamlit owns the state of that key


def issue_trainer_code() -> None:
    """Issue the code in the button's callback, before the page is drawn: the run that follows
    shows it, whatever else that run does."""
    expires_at = dt.datetime.combine(
        st.session_state["trainer_expires"], dt.time(23, 59), tzinfo=dt.UTC
    )
    issued = attempt(
        store.issue_code,
        "trainer",
        school_id=school.id,
        expires_at=expires_at,
        label=st.session_state["trainer_name"].strip(),
    )
    if issued is not None:
        st.session_state[TRAINER_CODE] = issued.code


with st.form("trainer_form"):
    st.text_input(tr("manage.trainer_label"), max_chars=100, key="trainer_name")
    st.date_input(
        tr("manage.trainer_expires"),
        value=today + dt.timedelta(days=365),
        min_value=today,
        format="DD-MM-YYYY",
        key="trainer_expires",
    )
    st.form_submit_button(
        tr("manage.issue_trainer_code"), icon=":material/school:", on_click=issue_trainer_code
    )
if code := st.session_state.get(TRAINER_CODE):
    st.warning(tr("manage.trainer_code_once"), icon=":material/visibility:")
    st.code(code, language=None)

# --- board -----------------------------------------------------------------------------------------
st.header(tr("manage.board_heading"))
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

# --- all data of the school ------------------------------------------------------------------------
st.header(tr("school_data.heading"))
st.caption(tr("school_data.intro"))
st.download_button(
    tr("school_data.button"),
    data=logged(partial(school_zip, engine, access, rubric, lang), engine, access, "school_zip"),
    file_name=tr(
        "school_data.file_name",
        school="".join(c if c.isalnum() else "-" for c in school.name).lower(),
    ),
    mime="application/zip",
    on_click="ignore",
    icon=":material/download:",
    key="school_data_download",
)

# --- who did what ----------------------------------------------------------------------------------
audit_log.show(access, school.id)
