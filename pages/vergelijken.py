"""Vergelijken (board): the closed scans of the schools that share their results, from their
stored summaries: heatmap, phase distribution, trend, one school's ontwikkelkaart, downloads."""

import streamlit as st

from assessment import store
from assessment.board_dashboard import Dashboard
from assessment.rubric import Rubric
from assessment.ui import board, context
from assessment.ui.context import tr
from assessment.ui.pages import require_role
from assessment.ui.style import hide_table_toolbar
from assessment.views import privacy
from assessment.views.board import board_view


def show_compare_page() -> None:
    access = require_role("board")
    rubric, lang = context.rubric(), context.lang()
    hide_table_toolbar()
    st.title(tr("compare.title"))
    st.write(tr("compare.intro", size=privacy.minimum(rubric)))
    dashboard = board_view(context.engine(), access, rubric)
    if dashboard is None:
        st.info(tr("compare.no_schools"))
        st.stop()
    show_waiting(dashboard)
    if not dashboard.rows:
        st.info(tr("compare.no_results"))
        st.stop()

    board.downloads(access, dashboard, rubric, lang)
    st.header(tr("compare.heatmap_heading"))
    st.caption(tr("compare.schools_shown", shown=len(dashboard.rows), total=len(dashboard.schools)))
    board.heatmap(dashboard, rubric, lang)
    st.caption(tr("compare.heatmap_caption"))
    show_one_school(access, dashboard, rubric, lang)
    st.header(tr("compare.phase_heading"))
    st.caption(tr("compare.phase_caption"))
    board.phase_distribution(dashboard, rubric, lang)
    st.header(tr("compare.trend_heading"))
    board.trend(dashboard, rubric, lang)


def show_waiting(dashboard: Dashboard) -> None:
    """The schools not shown yet, each with the reason why."""
    if not dashboard.waiting:
        return
    with st.expander(tr("compare.waiting_heading") + f" ({len(dashboard.waiting)})"):
        for waiting in dashboard.waiting:
            st.text(
                tr(
                    f"compare.waiting.{waiting.reason}",
                    school=waiting.school,
                    respondents=waiting.respondents,
                )
            )


def show_one_school(access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    """One school's ontwikkelkaart and its scans."""
    st.header(tr("compare.map_heading"))
    school = board.school_choice(dashboard)
    board.school_map(access, dashboard, rubric, lang, school)
    st.markdown(f"**{tr('compare.scans_heading')}**")
    board.school_scans(dashboard, rubric, lang, school)


show_compare_page()
