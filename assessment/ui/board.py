"""The parts of the Vergelijken page: heatmap, phase distribution, trend, one school's
ontwikkelkaart, and the downloads. Every number comes from ``board_dashboard``."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import partial

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.board_dashboard import NAME, Dashboard, closed_on, phase_name, scan_map, theme_label
from assessment.board_export import board_xlsx, overview_table, scans_table
from assessment.development_map import state_words
from assessment.explanations import phase_mean_text
from assessment.i18n import number
from assessment.report.screen_board import (
    MANY_SCHOOLS,
    board_trend_figure,
    heat_table_html,
    phase_distribution_figure,
)
from assessment.report.screen_map import development_map_html
from assessment.rubric import Rubric
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.logged_download import logged

CHOSEN_SCHOOL = "board_school"
HEATMAP_PAGE = 25  # schools per page of the heatmap
MADE_ON_REQUEST = "board_made_"  # + kind: a file made on request, ((lang, scan ids), bytes)
XLSX_AT_ONCE = 200  # up to this many schools the spreadsheet is ready within a second
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _number(value: float | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return number(value, lang)


def _date(value: object) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else ""


def heatmap(dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    """Schools × themes, one line per school, the board average on top of every page; a search
    box and pages of ``HEATMAP_PAGE`` schools keep it readable at a thousand schools."""
    order, search, paging = st.columns(3)
    with order:
        key = sort_choice(dashboard, rubric, lang)
    headers, rows = overview_table(dashboard, rubric, lang, key)
    average, schools = rows[0], rows[1:]
    query = search.text_input(tr("compare.search"), key="board_search")
    if query.strip():
        wanted = query.strip().casefold()
        schools = [row for row in schools if wanted in str(row[0]).casefold()]
        if not schools:
            st.info(tr("compare.no_match", query=query.strip()))
            return
    pages = max(1, math.ceil(len(schools) / HEATMAP_PAGE))
    page = 1
    if pages > 1:
        page = paging.selectbox(
            tr("compare.page"),
            range(1, pages + 1),
            format_func=lambda number: tr("compare.page_of", page=number, pages=pages),
            key="board_page",
        )
    first = (page - 1) * HEATMAP_PAGE
    shown = schools[first : first + HEATMAP_PAGE]
    themes = len(dashboard.themes)
    line = [
        [row[0], *row[4:], f"{row[1]} · {row[3]}" if row[1] else ""] for row in [average, *shown]
    ]
    st.html(
        heat_table_html(
            [headers[0], *headers[4:], tr("compare.scan_and_respondents")],
            line,
            heat=range(1, 1 + themes),
            number_text=partial(_number, lang=lang),
            emphasise_first=True,
            lang=lang,
            upright_heads=True,
            one_line=True,
        )
    )
    st.caption(
        tr("compare.rows_shown", first=first + 1, last=first + len(shown), count=len(schools))
    )


def phase_distribution(dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    figure = phase_distribution_figure(
        dashboard.themes,
        dashboard.phases,
        [dashboard.phase_counts(theme) for theme in dashboard.themes],
        lambda theme: theme_label(rubric, theme, lang),
        lambda phase: phase_name(rubric, phase, lang),
    )
    st.plotly_chart(figure, width="stretch", config={"displayModeBar": False})


def trend(dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    theme = st.selectbox(
        tr("compare.trend_theme"),
        dashboard.themes,
        format_func=lambda theme_id: theme_label(rubric, theme_id, lang),
        key="board_trend_theme",
    )
    series = dashboard.trend(theme)
    figure = board_trend_figure(
        series,
        dashboard.labels,
        dashboard.average_trend(series),
        dashboard.middle_half(series),
        {"average": tr("compare.average"), "band": tr("compare.middle_half")},
        highlight=st.session_state.get(CHOSEN_SCHOOL),
    )
    st.plotly_chart(figure, width="stretch", config={"displayModeBar": False})
    many = len(series) > MANY_SCHOOLS
    st.caption(tr("compare.trend_caption_many" if many else "compare.trend_caption"))


def school_scans(dashboard: Dashboard, rubric: Rubric, lang: str, name: str) -> None:
    """The chosen school's closed scans with date, respondents and readiness per theme (every
    school's are in the download)."""
    headers, rows = scans_table(dashboard, rubric, lang, only=name)
    themes = len(dashboard.themes)
    keep = [*range(1, 5 + themes), len(headers) - 1]  # per-theme phases are in the download
    shown = [[_date(row[i]) if i == 2 else row[i] for i in keep] for row in rows]
    titles = [*headers[1:5], *(theme_label(rubric, t, lang) for t in dashboard.themes), headers[-1]]
    st.html(
        heat_table_html(
            titles,
            shown,
            heat=range(4, 4 + themes),
            number_text=partial(_number, lang=lang),
            lang=lang,
            upright_heads=True,
        )
    )


def school_choice(dashboard: Dashboard) -> str:
    names = [row.school for row in dashboard.rows]
    if st.session_state.get(CHOSEN_SCHOOL) not in names:
        st.session_state[CHOSEN_SCHOOL] = names[0]
    return st.selectbox(tr("compare.map_school"), names, key=CHOSEN_SCHOOL)


def school_map(
    access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str, name: str
) -> None:
    row = next(row for row in dashboard.rows if row.school == name)
    cells = store.board_maps(context.engine(), access, [row.scan.scan_id]).get(row.scan.scan_id)
    st.html(
        development_map_html(
            scan_map(cells or {}, dashboard.themes),
            caption=tr(
                "compare.map_caption",
                school=row.school,
                scan=row.scan.label,
                date=_date(closed_on(row.scan)),
                respondents=row.scan.respondents,
            ),
            theme_label=lambda theme_id: theme_label(rubric, theme_id, lang),
            phase_label=lambda phase_id: phase_name(rubric, phase_id, lang),
            state_word=state_words(lang),
            mean_text=lambda mean: phase_mean_text(rubric, mean, lang),
        )
    )
    if row.scan.answers_removed_after is not None:
        st.caption(tr("retention.board_answers_removed", years=row.scan.answers_removed_after))


def _xlsx(
    engine: Engine, access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str
) -> bytes:
    criteria = store.board_criteria(engine, access, [row.scan.scan_id for row in dashboard.rows])
    return board_xlsx(dashboard, criteria, rubric, lang)


def _pdf(
    engine: Engine, access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str
) -> bytes:
    from assessment.report.board_report import board_pdf  # ReportLab loads on the first click

    board = store.get_board(engine, access, access.bound_board_id).name
    return board_pdf(dashboard, rubric, board, lang)


def downloads(access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    """Built only when clicked: the page itself never reads a criterion. What takes more than a
    moment (the spreadsheet of a large board, the appendix per school) is made on request, with
    a spinner, and then offered for download."""
    engine = context.engine()
    columns = st.columns(3)
    xlsx = partial(_xlsx, engine, access, dashboard, rubric, lang)
    with columns[0]:
        if len(dashboard.rows) > XLSX_AT_ONCE:
            on_request(
                access,
                dashboard,
                lang,
                "xlsx",
                xlsx,
                "board_xlsx",
                tr("compare.make_xlsx"),
                XLSX_MIME,
            )
        else:
            st.download_button(
                tr("compare.download_xlsx"),
                data=logged(xlsx, engine, access, "board_xlsx"),
                file_name=tr("compare.xlsx_name"),
                mime=XLSX_MIME,
                on_click="ignore",
                icon=":material/table_view:",
                key="board_xlsx",
            )
    columns[1].download_button(
        tr("compare.download_pdf"),
        data=logged(
            partial(_pdf, engine, access, dashboard, rubric, lang), engine, access, "board_pdf"
        ),
        file_name=tr("compare.pdf_name"),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="board_pdf",
    )
    with columns[2]:
        appendix = partial(_appendix, engine, access, dashboard, rubric, lang)
        on_request(
            access,
            dashboard,
            lang,
            "appendix",
            appendix,
            "board_appendix",
            tr("compare.make_appendix"),
            "application/pdf",
        )
    st.caption(tr("compare.downloads_caption"))


def _appendix(
    engine: Engine, access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str
) -> bytes:
    from assessment.report.board_appendix import board_appendix_pdf

    maps = store.board_maps(engine, access, [row.scan.scan_id for row in dashboard.rows])
    board = store.get_board(engine, access, access.bound_board_id).name
    return board_appendix_pdf(dashboard, maps, rubric, board, lang)


def on_request(
    access: store.Access,
    dashboard: Dashboard,
    lang: str,
    kind: str,
    build: Callable[[], bytes],
    what: str,
    make_label: str,
    mime: str,
) -> None:
    """A button that makes the file behind a spinner (logged as download ``what``), then the
    download button for it; the file is kept for this language and these scans."""
    key = f"{MADE_ON_REQUEST}{kind}"
    version = (lang, tuple(row.scan.scan_id for row in dashboard.rows))
    made = st.session_state.get(key)
    if made is None or made[0] != version:
        if not st.button(make_label, icon=":material/description:", key=f"make_{kind}"):
            return
        with st.spinner(tr("compare.making", count=len(dashboard.rows))):
            data = build()
        store.record_download(context.engine(), access, what)
        made = (version, data)
        st.session_state[key] = made
    st.download_button(
        tr(f"compare.download_{kind}"),
        data=made[1],
        file_name=tr(f"compare.{kind}_name"),
        mime=mime,
        on_click="ignore",
        icon=":material/download:",
        key=what,
    )


def sort_choice(dashboard: Dashboard, rubric: Rubric, lang: str) -> str:
    return st.selectbox(
        tr("compare.sort_by"),
        [NAME, *dashboard.themes],
        format_func=lambda key: (
            tr("compare.sort_name") if key == NAME else theme_label(rubric, key, lang)
        ),
        key="board_sort",
    )
