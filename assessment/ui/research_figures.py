"""The research page: what holds schools back, read from the package in ``TSO_RESEARCH_DIR``.

The app has no operator role on the web (the operator works on the command line), so the page
exists only where the operator sets ``TSO_RESEARCH_DIR``, on an instance of their own. It shows
what the package holds, every group already at least ``RESEARCH_MINIMUM`` schools."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assessment.i18n import number, percent
from assessment.research.figures import Figures
from assessment.research.figures_text import criterion_name, phase_name, theme_name
from assessment.research.reading import PackageRefused, figures_of
from assessment.research.suppression import RESEARCH_MINIMUM
from assessment.rubric import Rubric
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.safe import md

SETTING = "TSO_RESEARCH_DIR"


def research_directory() -> Path | None:
    value = os.environ.get(SETTING, "").strip()
    return Path(value) if value else None


def _table(columns: list[str], rows: list[list[str]]) -> None:
    head = "| " + " | ".join(md(column) for column in columns) + " |"
    rule = "|" + "---|" * len(columns)
    st.markdown("\n".join([head, rule, *("| " + " | ".join(row) + " |" for row in rows)]))


def _theme_tabs(rubric: Rubric, lang: str, themes: list[str]) -> dict[str, DeltaGenerator]:
    """One tab per theme (in the order given), so a phone scrolls through one theme at a time."""
    tabs = st.tabs([theme_name(rubric, theme, lang) for theme in themes])
    return dict(zip(themes, tabs, strict=True))


def _holding(figures: Figures, rubric: Rubric, lang: str) -> None:
    st.header(tr("research.figures.holding_heading"))
    st.caption(tr("research.figures.holding_intro"))
    if not figures.holding_back:
        st.info(tr("research.figures.nothing", minimum=RESEARCH_MINIMUM))
        return
    themes = list(dict.fromkeys(group.theme for group in figures.holding_back))
    tabs = _theme_tabs(rubric, lang, themes)
    for group in figures.holding_back:
        with tabs[group.theme]:
            phase = phase_name(rubric, group.phase, lang)
            st.subheader(
                tr_md("research.figures.holding_group", phase=phase, schools=group.schools)
            )
            _table(
                [tr("research.figures.col_criterion"), tr("research.figures.col_share")],
                [
                    [md(criterion_name(figures, item.criterion, lang)), percent(item.share, lang)]
                    for item in group.criteria
                ],
            )


def _shares(figures: Figures, rubric: Rubric, lang: str) -> None:
    st.header(tr("research.figures.shares_heading"))
    st.caption(tr("research.figures.shares_intro"))
    if not figures.phase_shares:
        st.info(tr("research.figures.nothing", minimum=RESEARCH_MINIMUM))
        return
    themes = list(dict.fromkeys(row.theme for row in figures.phase_shares))
    tabs = _theme_tabs(rubric, lang, themes)
    phases = [phase for phase, _share in figures.phase_shares[0].shares]
    for theme in themes:
        years = [row for row in figures.phase_shares if row.theme == theme]
        with tabs[theme]:
            # A phase per row and a school year per column: narrow enough for a phone.
            _table(
                [
                    tr("research.figures.col_phase"),
                    *(
                        tr(
                            "research.figures.col_year_schools",
                            year=row.school_year,
                            schools=row.schools,
                        )
                        for row in years
                    ),
                ],
                [
                    [
                        md(phase_name(rubric, phase, lang)),
                        *(percent(dict(row.shares)[phase], lang) for row in years),
                    ]
                    for phase in phases
                ],
            )


def _durations(figures: Figures, rubric: Rubric, lang: str) -> None:
    st.header(tr("research.figures.durations_heading"))
    st.caption(tr("research.figures.durations_intro"))
    if not figures.durations:
        st.info(tr("research.figures.nothing", minimum=RESEARCH_MINIMUM))
        return
    themes = list(dict.fromkeys(row.theme for row in figures.durations))
    tabs = _theme_tabs(rubric, lang, themes)
    for theme in themes:
        with tabs[theme]:
            _table(
                [
                    tr("research.figures.col_phase"),
                    tr("research.figures.col_median"),
                    tr("research.figures.col_moved"),
                    tr("research.figures.col_still"),
                ],
                [
                    [
                        md(phase_name(rubric, row.phase, lang)),
                        number(row.median_years, lang),
                        str(row.moved),
                        str(row.still),
                    ]
                    for row in figures.durations
                    if row.theme == theme
                ],
            )


def show() -> None:
    lang, rubric = context.lang(), context.rubric()
    st.title(tr("research.figures.title"))
    st.write(tr("research.figures.intro", minimum=RESEARCH_MINIMUM))
    directory = research_directory()
    if directory is None:
        st.info(tr("research.figures.no_setting"))
        return
    try:
        figures = figures_of(directory)
    except PackageRefused as refused:
        st.error(tr_md(refused.key, **refused.values))
        return
    st.caption(
        tr_md(
            "research.figures.summary",
            scans=figures.scans,
            schools=figures.schools,
            path=str(directory),
        )
    )
    _holding(figures, rubric, lang)
    _shares(figures, rubric, lang)
    _durations(figures, rubric, lang)
