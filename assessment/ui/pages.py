"""Guards and choices shared by several pages."""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.store.scan_kind import is_yearly
from assessment.ui import context
from assessment.ui.context import tr

CHOSEN_SCAN = "chosen_scan"


def require_role(*roles: str) -> store.Access:
    """The current access when its role may see this page; otherwise the start page, with a
    Dutch sentence why (every page is registered, so a bookmark never meets "Page not found")."""
    context.ensure_app_frame()
    current = context.access()
    if current is None or current.role not in roles:
        key = "app.errors.sign_in_first" if current is None else "app.errors.no_access"
        st.session_state.setdefault("code_error", tr(key))  # e.g. "signed out" says more
        st.switch_page("pages/start.py")
    return current


def chosen_scan_id() -> int | None:
    """The scan chosen on any page so far (None: none yet), for a page that reads before it
    shows the choice."""
    return st.session_state.get(CHOSEN_SCAN)


def choose_scan(
    access: store.Access,
    *,
    only_open: bool = False,
    key: str = "scan",
    scans: list[store.ScanInfo] | None = None,
    interim: bool = False,
) -> store.ScanInfo | None:
    """The scan this page is about: a respondent's own scan, else a choice among the school's
    yearly scans, and tussenmetingen too when ``interim`` (``scans``, newest first, when the page
    has read them already)."""
    engine = context.engine()
    if access.role == "respondent":
        return store.get_scan(engine, access, access.bound_scan_id)
    if scans is None:
        scans = store.list_scans(engine, access, access.bound_school_id)
    if not interim:
        scans = [scan for scan in scans if is_yearly(scan)]
    if only_open:
        scans = [scan for scan in scans if scan.status == "open"]
    if not scans:
        return None
    if len(scans) == 1:
        return scans[0]
    by_id = {scan.id: scan for scan in scans}
    if st.session_state.get(key) not in by_id:  # e.g. a scan of the school a trainer left
        st.session_state.pop(key, None)
    # The choice lives outside the widget so that it is the same on every page.
    remembered = st.session_state.get(CHOSEN_SCAN)
    chosen = st.selectbox(
        tr("app.scan_choice"),
        list(by_id),
        index=list(by_id).index(remembered) if remembered in by_id else 0,
        format_func=lambda scan_id: scan_title(by_id[scan_id]),
        key=key,
        on_change=lambda: st.session_state.update({CHOSEN_SCAN: st.session_state[key]}),
    )
    return by_id[chosen]


def scan_title(scan: store.ScanInfo) -> str:
    title = tr("app.scan_title", label=scan.label, status=tr(f"app.scan_status.{scan.status}"))
    return title if is_yearly(scan) else tr("interim.scan_title", title=title)


def few_respondents_warning(respondents: int, minimum: int) -> None:
    """The plain warning a view asks for (``few_respondents``) when a scan has fewer respondents
    than the privacy policy's minimum: among so few, answers are not anonymous."""
    st.warning(tr("app.few_respondents", count=respondents, minimum=minimum))
