"""The parts of the Vergelijken page: heatmap, phase distribution, trend, one school's
ontwikkelkaart, and the downloads. Every number comes from ``board_dashboard``."""

from __future__ import annotations

import datetime as dt
import math
from functools import partial

import streamlit as st

from assessment import store
from assessment.board_dashboard import NAME, Dashboard, closed_on, phase_name, scan_map, theme_label
from assessment.board_export import board_xlsx, overview_table, scans_table
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

CHOSEN_SCHOOL = "board_school"


def _number(value, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return number(value, lang)


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else ""


def heatmap(dashboard: Dashboard, rubric: Rubric, lang: str, key: str) -> None:
    """Schools × themes, the board average on top; under each school its scan, date and
    respondents."""
    headers, rows = overview_table(dashboard, rubric, lang, key)
    themes = len(dashboard.themes)
    line = tr("compare.scan_line", scan="{scan}", date="{date}", respondents="{respondents}")
    shown = []
    for row in rows:
        name, label, closed, respondents = row[:4]
        if label:
            details = line.format(scan=label, date=_date(closed), respondents=respondents)
            name = f"{name}\n{details}"
        shown.append([name, *row[4:]])
    st.html(
        heat_table_html(
            [headers[0], *headers[4:]],
            shown,
            heat=range(1, 1 + themes),
            number_text=partial(_number, lang=lang),
            emphasise_first=True,
            lang=lang,
        )
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
            state_word=lambda state: tr(f"map.state.{state}"),
            mean_text=lambda mean: phase_mean_text(rubric, mean, lang),
        )
    )
    if row.scan.answers_removed_after is not None:
        st.caption(tr("retention.board_answers_removed", years=row.scan.answers_removed_after))


def _xlsx(engine, access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str) -> bytes:
    criteria = store.board_criteria(engine, access, [row.scan.scan_id for row in dashboard.rows])
    return board_xlsx(dashboard, criteria, rubric, lang)


def _pdf(engine, access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str) -> bytes:
    from assessment.report.board_report import board_pdf  # ReportLab loads on the first click

    maps = store.board_maps(engine, access, [row.scan.scan_id for row in dashboard.rows])
    board = store.get_board(engine, access, access.board_id).name
    return board_pdf(dashboard, maps, rubric, board, lang)


def downloads(access: store.Access, dashboard: Dashboard, rubric: Rubric, lang: str) -> None:
    """Built only when clicked: the page itself never reads a criterion."""
    columns = st.columns(2)
    columns[0].download_button(
        tr("compare.download_xlsx"),
        data=partial(_xlsx, context.engine(), access, dashboard, rubric, lang),
        file_name=tr("compare.xlsx_name"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/table_view:",
        key="board_xlsx",
    )
    columns[1].download_button(
        tr("compare.download_pdf"),
        data=partial(_pdf, context.engine(), access, dashboard, rubric, lang),
        file_name=tr("compare.pdf_name"),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key="board_pdf",
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
