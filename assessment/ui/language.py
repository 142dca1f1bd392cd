"""The language a user chose, kept across reloads, new tabs, signing in and a respondent's link.

The choice lives in this browser session (``session_state``), in the address (``?lang=en``, put
back on every run, so a reload and a respondent's link keep it) and in a first-party cookie
(``tso_taal``, so a new tab, a bookmark and the fresh session after signing in start in it).
The switch stands in the top bar of every page, so that it is one tap away on a phone too.
"""

from __future__ import annotations

import json

import streamlit as st

from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES
from assessment.ui import context
from assessment.ui.context import tr

PARAM = "lang"
COOKIE = "tso_taal"
KEY = "language_choice"
_WRITE = "language_cookie"  # (request number, written?): each choice is written to the cookie once
ONE_YEAR = 365 * 24 * 3600

_STYLE = """<style>
[data-testid="stLayoutWrapper"]:has(> .st-key-language_top), .st-key-language_top {
  position: fixed; top: .55rem; right: 3.25rem; z-index: 999991; width: auto; }
.st-key-language_top [data-testid="stButtonGroup"] button { min-height: 2.25rem; }
</style>"""


def remember() -> None:
    """Settle this run's language: on a session's first run from the address, else the cookie,
    else Dutch; afterwards the address is kept in line with the choice. Call before anything
    is drawn."""
    if context.LANG not in st.session_state:
        wanted = st.query_params.get(PARAM) or st.context.cookies.get(COOKIE)
        chosen = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
        st.session_state[context.LANG] = chosen
        if st.context.cookies.get(COOKIE, DEFAULT_LANGUAGE) != chosen:
            _ask_to_write()
    keep_in_address()


def keep_in_address() -> None:
    """``?lang=en`` in the address while the language is not Dutch; Streamlit drops the query
    when a page is chosen in the navigation, so this runs on every run."""
    current = context.lang()
    if current == DEFAULT_LANGUAGE:
        if PARAM in st.query_params:
            del st.query_params[PARAM]
    elif st.query_params.get(PARAM) != current:
        st.query_params[PARAM] = current


def switch() -> None:
    """The language switch in the top bar, and the cookie write a new choice asked for."""
    st.html(_STYLE)
    with st.container(key="language_top"):
        st.segmented_control(
            # The label is the same in every language: a label that changed with the language
            # would make Streamlit see a new widget and forget the choice.
            tr("app.language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            default=context.lang(),
            key=KEY,
            on_change=_choose,
            required=True,
            label_visibility="collapsed",
        )
    number, written = st.session_state.get(_WRITE, (0, True))
    if not written:
        st.session_state[_WRITE] = (number, True)
        cookie = f"{COOKIE}={context.lang()}; path=/; max-age={ONE_YEAR}; SameSite=Strict"
        with st.sidebar:  # a script element adds a gap; the sidebar has room for it
            st.html(
                f"<script>/* {number} */document.cookie = {json.dumps(cookie)};</script>",
                unsafe_allow_javascript=True,
            )


def _choose() -> None:
    st.session_state[context.LANG] = st.session_state[KEY]
    _ask_to_write()
    keep_in_address()


def _ask_to_write() -> None:
    number, _ = st.session_state.get(_WRITE, (0, True))
    st.session_state[_WRITE] = (number + 1, False)
