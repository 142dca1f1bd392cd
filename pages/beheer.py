"""Beheer: scans open and closed, respondent and trainer codes, sharing with the board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import streamlit as st

from assessment import store
from assessment.rubric import Rubric
from assessment.school_download import school_zip
from assessment.ui import (
    audit_log,
    context,
    interim_open,
    mr_informed,
    research_consent,
    team_codes,
)
from assessment.ui.context import tr, tr_md
from assessment.ui.logged_download import logged
from assessment.ui.pages import require_role, scan_title
from assessment.ui.safe import md

TRAINER_CODE = "new_trainer_code"  # not the form's key: Streamlit owns the state of that key

Outcome = TypeVar("Outcome")


def show_manage_page() -> None:
    access = require_role("coordinator")
    rubric, lang = context.rubric(), context.lang()
    school = store.get_school(context.engine(), access, access.bound_school_id)
    st.title(tr("manage.title"))
    st.caption(md(school.name))
    show_messages()

    scans = store.list_scans(context.engine(), access, school.id)
    scans_by_id = {scan.id: scan for scan in scans}
    show_scans(access, scans)
    new_scan_form(access, school, rubric)
    interim_open.manage(access, school.id)
    mr_informed.show(access, scans)
    show_team_codes(access, school, scans_by_id)
    show_trainer_code(access, school)
    show_board_sharing(access, school)
    research_consent.show(access)
    show_school_download(access, school, rubric, lang)
    audit_log.show(access, school.id)


def attempt(
    access: store.Access,
    action: Callable[..., Outcome],
    *args: Any,
    success: str | None = None,
    **kwargs: Any,
) -> Outcome | None:
    """``action`` on this session's database; a refusal becomes the page's error message, shown
    on the next run (most attempts run in a widget's callback, before the page is drawn)."""
    try:
        outcome = action(context.engine(), access, *args, **kwargs)
    except store.StoreError as error:
        st.session_state["manage_error"] = tr_md(error.key, **error.values)
        return None
    if success:
        st.session_state["manage_message"] = success
    return outcome


def show_messages() -> None:
    if message := st.session_state.pop("manage_error", None):
        st.error(message)
    if message := st.session_state.pop("manage_message", None):
        st.success(message)


def show_scans(access: store.Access, scans: list[store.ScanInfo]) -> None:
    """Each scan with the button that closes or reopens it; closing asks once more."""
    st.header(tr("manage.scans_heading"))
    confirming = st.session_state.get("confirm_close")
    for scan in scans:
        text, button = st.columns([4, 1], vertical_alignment="center")
        text.write(md(scan_title(scan)))
        if scan.status == "open" and confirming == scan.id:
            confirm_close(access, scan)
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
                args=(access, store.reopen_scan, scan.id),
                kwargs={"success": tr("manage.reopened")},
            )
    st.session_state.pop("confirm_close", None)  # a question asked once: any other click drops it


def confirm_close(access: store.Access, scan: store.ScanInfo) -> None:
    with st.container(border=True):
        st.warning(tr_md("manage.close_confirm", label=scan.label))
        with st.container(horizontal=True):
            st.button(
                tr("manage.close_yes"),
                key=f"close-yes-{scan.id}",
                type="primary",
                on_click=attempt,
                args=(access, store.close_scan, scan.id),
                kwargs={"success": tr("manage.closed")},
            )
            st.button(tr("manage.cancel"), key=f"close-no-{scan.id}")


def new_scan_form(access: store.Access, school: store.SchoolInfo, rubric: Rubric) -> None:
    """A new scan, named after the school year by default (one starts in August)."""
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
                    access,
                    store.open_scan,
                    school.id,
                    label.strip(),
                    rubric,
                    success=tr_md("manage.opened", label=label.strip()),
                )
            else:
                st.session_state["manage_error"] = tr("manage.label_required")
            st.rerun()


def show_team_codes(
    access: store.Access, school: store.SchoolInfo, scans_by_id: dict[int, store.ScanInfo]
) -> None:
    """Codes for colleagues: new ones for an open scan, shown once, and every code so far."""
    st.header(tr("manage.codes_heading"))
    open_scans = [scan_id for scan_id, scan in scans_by_id.items() if scan.status == "open"]
    if open_scans:
        issue_codes_form(access, open_scans, scans_by_id)
    else:
        st.info(tr("manage.no_open_scan"))
    team_codes.show_new_codes(access, school)
    all_codes(access, school, scans_by_id)


def issue_codes_form(
    access: store.Access, open_scans: list[int], scans_by_id: dict[int, store.ScanInfo]
) -> None:
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


def all_codes(
    access: store.Access, school: store.SchoolInfo, scans_by_id: dict[int, store.ScanInfo]
) -> None:
    """Every code of the school in a table, and the choice of codes to revoke."""
    codes = store.team_codes(context.engine(), access, school.id)
    if not codes:
        return
    with st.expander(tr("manage.all_codes", count=len(codes))):
        team_codes.code_table(codes, scans_by_id)
        revocable = team_codes.revocable(codes)

        def revocable_label(code_id: int) -> str:
            scan_id = revocable[code_id].info.scan_id
            scan = f" · {scans_by_id[scan_id].label}" if scan_id else ""
            return team_codes.code_label(revocable[code_id]) + scan

        to_revoke = st.multiselect(
            tr("manage.revoke_label"),
            list(revocable),
            format_func=revocable_label,
            placeholder=tr("manage.revoke_placeholder"),
        )
        if st.button(tr("manage.revoke"), disabled=not to_revoke, icon=":material/block:"):
            done = [code_id for code_id in to_revoke if attempt(access, store.revoke_code, code_id)]
            if done:
                st.session_state["manage_message"] = tr("manage.revoked_done", count=len(done))
            st.rerun()


def show_trainer_code(access: store.Access, school: store.SchoolInfo) -> None:
    """A read-only code for the school's trainer, until a day chosen here; shown once."""
    st.header(tr("manage.trainer_heading"))
    st.write(tr("manage.trainer_intro"))
    today = dt.date.today()
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
            tr("manage.issue_trainer_code"),
            icon=":material/school:",
            on_click=issue_trainer_code,
            args=(access, school),
        )
    if code := st.session_state.get(TRAINER_CODE):
        st.warning(tr("manage.trainer_code_once"), icon=":material/visibility:")
        st.code(code, language=None)


def issue_trainer_code(access: store.Access, school: store.SchoolInfo) -> None:
    """Issue the code in the button's callback, before the page is drawn: the run that follows
    shows it, whatever else that run does."""
    expires_at = dt.datetime.combine(
        st.session_state["trainer_expires"], dt.time(23, 59), tzinfo=dt.UTC
    )
    issued = attempt(
        access,
        store.issue_code,
        "trainer",
        school_id=school.id,
        expires_at=expires_at,
        label=st.session_state["trainer_name"].strip(),
    )
    if issued is not None:
        st.session_state[TRAINER_CODE] = issued.code


def show_board_sharing(access: store.Access, school: store.SchoolInfo) -> None:
    st.header(tr("manage.board_heading"))
    st.toggle(
        tr("manage.share_with_board"),
        value=school.share_with_board,
        key="share_with_board",
        help=tr("manage.share_help"),
        on_change=save_board_sharing,
        args=(access, school),
    )


def save_board_sharing(access: store.Access, school: store.SchoolInfo) -> None:
    attempt(
        access,
        store.set_board_sharing,
        school.id,
        st.session_state["share_with_board"],
        success=tr("manage.sharing_saved"),
    )


def show_school_download(
    access: store.Access, school: store.SchoolInfo, rubric: Rubric, lang: str
) -> None:
    """All data of the school in one ZIP, made on the click."""
    st.header(tr("school_data.heading"))
    st.caption(tr("school_data.intro"))
    engine = context.engine()
    st.download_button(
        tr("school_data.button"),
        data=logged(
            partial(school_zip, engine, access, rubric, lang), engine, access, "school_zip"
        ),
        file_name=tr(
            "school_data.file_name",
            school="".join(c if c.isalnum() else "-" for c in school.name).lower(),
        ),
        mime="application/zip",
        on_click="ignore",
        icon=":material/download:",
        key="school_data_download",
    )


show_manage_page()
