"""Making Streamlit pages work on a phone: big tap targets, no English hints, a bar that stays in
view, and scrolling to the top (or to one container) after a button."""

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
[class*="st-key-scroll-target-"] { scroll-margin-top: 7rem; }  /* clear of the bars on top */
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-sticky-"]) { position: sticky;
  top: 3.75rem; z-index: 3; background: #fff; padding: .25rem 0; }
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 2rem; }
  [data-testid="stMain"] h2 { font-size: 1.5rem; }
}
</style>"""

STICKY = "sticky-"  # st.container(key=STICKY + name) stays on screen, under the top bar
SCROLL_TARGET = "scroll-target-"  # a container to scroll to: key=SCROLL_TARGET + name

_SCROLL = "phone_scroll"  # (request number, container key or None for the top, where to put it)
_SCROLLED = "phone_scrolled"


def touch_friendly() -> None:
    """Radio options at least 44 px high and wide; no "Press Ctrl+Enter to apply" under text areas;
    headings that fit a phone ("Implementatieplanning" broke in two at 390 px); the containers
    named with STICKY and SCROLL_TARGET behave as their names say. Call on every run."""
    st.html(_STYLE)


def ask_scroll_to_top() -> None:
    """Have the next run of this page open at its top (call from a button's callback)."""
    _ask(None)


def ask_scroll_into_view(container_key: str, *, to_top: bool = False) -> None:
    """Have the next run scroll just far enough to show ``st.container(key=container_key)``, or,
    ``to_top``, until that container stands at the top of the screen."""
    _ask(container_key, "start" if to_top else "nearest")


def _ask(target: str | None, block: str = "nearest") -> None:
    number = st.session_state.get(_SCROLL, (0,))[0] + 1
    st.session_state[_SCROLL] = (number, target, block)


def scroll_if_asked() -> None:
    """Scroll as asked since the last run; call it last on the page.

    A script element placed first adds a gap. The page scrolls in ``stMain``, not in the document.
    The request number in the script makes each request a new body, which the browser runs again;
    on runs without a request nothing is sent, so answering a question never moves the page.
    """
    number, target, block = st.session_state.get(_SCROLL, (0, None, None))
    if not number or st.session_state.get(_SCROLLED) == number:
        return
    st.session_state[_SCROLLED] = number
    if target is None:
        action = "document.querySelector('[data-testid=stMain]')?.scrollTo({top: 0});"
    else:
        action = (
            f"document.querySelector('.st-key-{target}')"
            f"?.scrollIntoView({{block: '{block}', behavior: 'instant'}});"
        )
    st.html(f"<script>/* {number} */{action}</script>", unsafe_allow_javascript=True)


_PAGE_SHOWN = "phone_page_shown"  # (page, how many page changes so far)
_CLOSE_DRAWER = """<script>/* {number} */
if (window.matchMedia('(max-width: 767px)').matches) {{
  const drawer = document.querySelector('[data-testid=stSidebar]');
  if (drawer && drawer.getAttribute('data-collapsed') === 'false') {{
    drawer.querySelector('[data-testid=stSidebarCollapseButton] button')?.click();
  }}
}}</script>"""


def close_drawer_after_choice(page: str) -> None:
    """On a phone the pages are listed in the drawer, which Streamlit leaves open over the page
    just chosen: close it once on each change of page (three taps became two). Call every run."""
    shown, number = st.session_state.get(_PAGE_SHOWN, (None, 0))
    if shown == page:
        return
    st.session_state[_PAGE_SHOWN] = (page, number + 1)
    if shown is None:
        return  # the first page of a visit: the drawer starts closed on a phone
    with st.sidebar:  # a script element adds a gap; the sidebar has room for it
        st.html(_CLOSE_DRAWER.format(number=number + 1), unsafe_allow_javascript=True)
