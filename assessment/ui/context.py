"""What every page needs: the database engine, the rubric, the user's access and language."""

from __future__ import annotations

import json
import math
import os
import secrets
from typing import Any

import streamlit as st
from sqlalchemy import Engine

from assessment import code_attempts, store
from assessment.i18n import DEFAULT_LANGUAGE, t
from assessment.rubric import Rubric, RubricError, load_rubric
from assessment.store._common import utcnow
from assessment.store.retention import purge_once_a_day
from assessment.ui import web
from assessment.ui.safe import md

ACCESS = "access"  # the access the pages work with: for a trainer, the school on screen
SCHOOLS = "schools"  # every access of this sign-in: a trainer's one per school
ATTEMPTS = "code_attempts_key"
CODE = "code"
DEMO = "demo"
LANG = "lang"
SESSION_TOKEN = "session_token"  # the token of the browser's session cookie, once resolved
HANDOVER = "session_handover"  # a ticket the browser is to exchange for its cookie
COOKIE_READ = "session_cookie_read"  # the cookie of this page load has been tried
CLEAR_COOKIE = "session_clear_cookie"


@st.cache_resource(show_spinner=False)
def ensure_app_frame() -> None:
    """Run every page inside app.py's navigation, also on a first visit to a deep link.

    With a ``pages/`` folder Streamlit starts in its legacy multipage mode, in which a URL such as
    ``/beheer`` runs ``pages/beheer.py`` directly, bypassing app.py (no ``?code=`` sign-in, every
    page listed). That mode ends for good once app.py has called ``st.navigation``; until then we
    end it here and rerun, keeping the URL and its query.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def engine() -> Engine:
    """The database of this session: the demo's own database in a demo session, else the real
    one (``TSO_DATABASE_URL``), whose retention runs at the first use of each day."""
    if st.session_state.get(DEMO):
        return demo_engine()
    real = main_engine()
    purge_once_a_day(real)
    return real


@st.cache_resource(show_spinner=False)
def main_engine() -> Engine:
    """One engine per process, migrated to the newest schema on first use."""
    new_engine = store.make_engine()
    store.upgrade(new_engine)
    return new_engine


@st.cache_resource(show_spinner=False)
def demo_engine() -> Engine:
    """The demo's own database (``data/demo.sqlite``), migrated and filled on first use."""
    new_engine = store.make_engine(store.demo_database_url())
    store.upgrade(new_engine)
    return new_engine


@st.cache_resource(show_spinner=False)
def _rubric_or_problems() -> Rubric | tuple[str, ...]:
    try:
        return load_rubric()
    except RubricError as error:
        return tuple(error.problems)


def rubric() -> Rubric:
    """The loaded rubric; a broken rubric stops the page with every problem listed."""
    loaded = _rubric_or_problems()
    if isinstance(loaded, tuple):
        st.error(tr("app.errors.rubric_invalid"))
        st.code("\n".join(loaded), language=None)
        st.stop()
    return loaded


def lang() -> str:
    return st.session_state.get(LANG) or DEFAULT_LANGUAGE


def tr(key: str, **values: Any) -> str:
    """The text for ``key`` in the user's language."""
    return t(key, lang(), **values)


def tr_md(key: str, **values: Any) -> str:
    """Like ``tr``, for Markdown output: user text in ``values`` is escaped, never interpreted."""
    return tr(
        key,
        **{name: md(value) if isinstance(value, str) else value for name, value in values.items()},
    )


def access() -> store.Access | None:
    return st.session_state.get(ACCESS)


def accesses() -> list[store.Access]:
    """Every access of this sign-in, the one on screen among them: a trainer holds one per
    school (assessment/ui/trainer_schools.py), everyone else just one."""
    current = access()
    return st.session_state.get(SCHOOLS) or ([current] if current else [])


def demo_enabled() -> bool:
    """The demo is offered unless TSO_DEMO=0; by default only with the embedded SQLite database.
    Never when its database would be the real one."""
    if store.demo_database_url() == store.database_url():
        return False
    setting = os.environ.get("TSO_DEMO")
    if setting is not None:
        return setting != "0"
    return store.database_url().startswith("sqlite")


def sessions_enabled() -> bool:
    """Whether server.py serves the routes that keep a sign-in in a cookie (not in AppTest or a
    plain ``streamlit run app.py``: there a sign-in lasts as long as the browser tab)."""
    return os.environ.get(web.ROUTES_MOUNTED) == "1"


def sign_in(new_access: store.Access, code: str | None, *, demo: bool = False) -> None:
    """Remember the access for this session. Only a respondent's code goes into the address, so
    that a reload or the same link resumes the questionnaire. Coordinator, trainer and board get
    a server-side session instead, which the browser keeps in a cookie; their sign-in goes into
    the audit log."""
    store.record_sign_in(demo_engine() if demo else main_engine(), new_access)
    st.session_state[ACCESS] = new_access
    st.session_state[SCHOOLS] = [new_access]
    st.session_state[DEMO] = demo
    st.session_state[CODE] = code if new_access.role == "respondent" else None
    if code is not None and st.session_state[CODE]:
        st.query_params[CODE] = code
    elif code is None:
        st.query_params["demo"] = "1"
    else:
        st.query_params.pop(CODE, None)
        browser = st.context.cookies.get(web.BROWSER_COOKIE) if sessions_enabled() else None
        if new_access.role in store.SESSION_ROLES and browser:  # else: signed in in this tab
            st.session_state[HANDOVER] = store.open_session(main_engine(), new_access, browser)


def resolve_code(code: str) -> store.Access:
    """The access ``code`` gives in the real database; after repeated wrong codes from this
    session or address a StoreError that asks to wait (``code_attempts``)."""
    if ATTEMPTS not in st.session_state:
        st.session_state[ATTEMPTS] = secrets.token_hex(16)
    session = st.session_state[ATTEMPTS]
    address = st.context.ip_address
    if not isinstance(address, str) or not address:  # this machine: Streamlit hides 127.0.0.1
        address = "127.0.0.1"
    now = utcnow()
    wait = code_attempts.seconds_to_wait(main_engine(), session, address, now)
    if wait > 0:
        raise store.StoreError("app.errors.too_many_codes", seconds=math.ceil(wait))
    try:
        return store.resolve_code(main_engine(), code)
    except store.CodeRefused as refused:
        if refused.key != "store.errors.code_empty":
            code_attempts.wrong_code(main_engine(), session, address, now)
        raise


def sign_out(message: str | None = None) -> None:
    """Forget the access; end the server-side session and have the browser drop its cookie."""
    token = st.session_state.get(SESSION_TOKEN)
    if token:
        store.end_session(main_engine(), token)
    for key in list(st.session_state):
        # signing out does not reset the count of wrong codes
        if key not in (LANG, COOKIE_READ, ATTEMPTS):
            del st.session_state[key]
    st.query_params.clear()
    if token:
        st.session_state[CLEAR_COOKIE] = True
    if message:
        st.session_state["code_error"] = message


def sign_in_from_url() -> None:
    """Honour ``?code=`` (and ``?demo=1``) so that a link or a reload opens the right scan."""
    if access() is not None:
        code = st.session_state.get(CODE)
        if code and st.query_params.get(CODE) != code:
            st.query_params[CODE] = code
        return
    code = st.query_params.get(CODE)
    if code:
        try:
            sign_in(resolve_code(code), code)
        except store.StoreError as error:
            st.session_state["code_error"] = tr_md(error.key, **error.values)
            del st.query_params[CODE]
    elif st.query_params.get("demo") == "1" and demo_enabled():
        open_demo()


def sign_in_from_cookie() -> None:
    """Sign in from the session cookie on a page load, and check the session on every rerun:
    signed out elsewhere, idle for too long or a revoked code ends it here too (a trainer's
    school whose code was revoked drops out of the list)."""
    token = st.session_state.get(SESSION_TOKEN)
    if token is None and access() is None and not st.session_state.get(COOKIE_READ):
        st.session_state[COOKIE_READ] = True
        if sessions_enabled():
            token = st.context.cookies.get(web.COOKIE)  # as sent when this page was loaded
    if not isinstance(token, str) or not token:
        return
    try:
        held = store.session_accesses(main_engine(), token)
        shown = access()  # the school this tab shows stays on screen while its code works
        st.session_state[ACCESS] = next((a for a in held if a == shown), held[0])
        st.session_state[SCHOOLS] = held
        st.session_state[SESSION_TOKEN] = token
    except store.StoreError as error:
        st.session_state[SESSION_TOKEN] = token
        sign_out(tr_md(error.key, **error.values))


def hand_over_to_browser() -> None:
    """Let the browser fetch or drop its session cookie. Fetching it means loading the page
    anew through ``/_aanmelden``, so nothing else of this run is shown."""
    if ticket := st.session_state.pop(HANDOVER, None):
        st.html(
            "<script>window.location.replace("
            f"{json.dumps(web.SIGN_IN_PATH + '?t=' + ticket + '&naar=')}"
            " + encodeURIComponent(window.location.pathname));</script>",
            unsafe_allow_javascript=True,
        )
        st.write(tr("app.signing_in"))
        st.stop()
    if st.session_state.pop(CLEAR_COOKIE, False):
        with st.sidebar:
            st.html(
                f"<script>fetch({json.dumps(web.SIGN_OUT_PATH)},"
                " {method: 'POST', credentials: 'same-origin'});</script>",
                unsafe_allow_javascript=True,
            )


def open_demo() -> None:
    store.seed_demo(demo_engine(), rubric())
    sign_in(store.demo_access(demo_engine()), None, demo=True)
