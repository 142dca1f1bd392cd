"""Making Streamlit pages work on a phone: big tap targets, no English hints, scrolling to the top."""

from __future__ import annotations

import streamlit as st

# Sent on every run: a style sent once disappears on the next rerun (Streamlit 1.67).
_STYLE = """<style>
[data-testid="stRadioOption"] { min-height: 44px; min-width: 44px; align-items: center;
  padding-right: .75rem; }
[data-testid="stRadioGroup"][aria-orientation="vertical"] > div,
[data-testid="stRadioGroup"][aria-orientation="vertical"] [data-testid="stRadioOption"] {
  width: 100%; }
[data-testid="stRadioGroup"][aria-orientation="horizontal"] { row-gap: .25rem; }
[data-testid="InputInstructions"] { display: none; }
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 2rem; }
  [data-testid="stMain"] h2 { font-size: 1.5rem; }
}
</style>"""

_SCROLL_COUNT = "phone_scroll_count"


def touch_friendly() -> None:
    """Radio options at least 44 px high and wide; no "Press Ctrl+Enter to apply" under text areas;
    headings that fit a phone ("Implementatieplanning" broke in two at 390 px)."""
    st.html(_STYLE)


def ask_scroll_to_top() -> None:
    """Have the next run of this page open at its top (call from a button's callback)."""
    st.session_state[_SCROLL_COUNT] = st.session_state.get(_SCROLL_COUNT, 0) + 1


def scroll_to_top_if_asked() -> None:
    """Scroll the page to its top when ``ask_scroll_to_top`` was called since the last run.

    Call it last on the page: a script element placed first adds a gap. The page scrolls in
    ``stMain``, not in the document. The count in the script makes each request a new body, which
    the browser runs again; on runs without a request nothing is sent, so answering a question
    never moves the page.
    """
    count = st.session_state.get(_SCROLL_COUNT, 0)
    if count and st.session_state.get(f"{_SCROLL_COUNT}_done") != count:
        st.session_state[f"{_SCROLL_COUNT}_done"] = count
        st.html(
            f"<script>/* {count} */"
            "document.querySelector('[data-testid=stMain]')?.scrollTo({top: 0});</script>",
            unsafe_allow_javascript=True,
        )
