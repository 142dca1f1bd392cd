"""TSO Zelfscan: configuration, database, access and language, and the pages this code may see."""

import logging
from pathlib import Path

import streamlit as st

from assessment import store
from assessment.ui import context, language, phone, trainer_schools
from assessment.ui.context import tr, tr_md
from assessment.ui.research_figures import research_directory

PAGES = Path(__file__).parent / "pages"

# Which pages each role sees, in navigation order. Pages check access again and the service
# layer checks every call; this list only decides what is offered.
PAGES_BY_ROLE = {
    None: ["start", "privacy"],
    "respondent": ["start", "vragenlijst", "privacy"],
    "coordinator": [
        "start",
        "vragenlijst",
        "resultaten",
        "bespreken",
        "actieplan",
        "beheer",
        "privacy",
    ],
    "trainer": ["start", "briefing", "resultaten", "bespreken", "actieplan", "privacy"],
    "board": ["start", "vergelijken", "privacy"],
    "admin": ["start", "privacy"],
}
ICONS = {
    "start": ":material/home:",
    "vragenlijst": ":material/checklist:",
    "resultaten": ":material/radar:",
    "bespreken": ":material/forum:",
    "actieplan": ":material/task_alt:",
    "briefing": ":material/assignment:",
    "vergelijken": ":material/compare:",
    "beheer": ":material/settings:",
    "privacy": ":material/privacy_tip:",
    "onderzoek": ":material/science:",
}

# An emoji, not ":material/school:": a Material page icon makes the browser fetch the favicon
# from fonts.gstatic.com.
st.set_page_config(page_title="TSO Zelfscan", page_icon="🏫", layout="wide")
language.remember()  # Dutch unless English was chosen (in this browser or by the link)
context.sign_in_from_url()
context.sign_in_from_cookie()

language.switch()
with st.sidebar:
    current = context.access()
    if current is not None:
        st.caption(tr(f"app.roles.{current.role}"))
        trainer_schools.switcher(key="school_choice_sidebar")
        if st.button(tr("app.sign_out"), icon=":material/logout:"):
            context.sign_out()
            st.rerun()

context.hand_over_to_browser()

# Every page is registered, the ones this code may not see hidden: a bookmark of such a page
# then shows the page's own Dutch refusal, not Streamlit's English "Page not found".
role = current.role if current else None
visible = PAGES_BY_ROLE[role]
if role is None and research_directory() is not None:  # the operator's instance (README)
    visible = [*visible, "onderzoek"]
pages = [
    st.Page(
        PAGES / f"{name}.py",
        title=tr(f"app.pages.{name}"),
        icon=ICONS[name],
        url_path=name if name != "start" else None,
        default=name == "start",
        visibility="visible" if name in visible else "hidden",
    )
    for name in visible + [name for name in ICONS if name not in visible]
]
try:
    chosen = st.navigation(pages, position="top")
    phone.close_drawer_after_choice(chosen.url_path)
    chosen.run()
except store.StoreError as error:  # e.g. a code revoked while the page was open
    st.error(tr_md(error.key, **error.values))
except Exception:  # noqa: BLE001 - a Dutch sentence for the user, the details in the server log
    logging.getLogger("tso").exception("page %s failed", role)
    st.error(tr("app.errors.unexpected"))
