"""The tussenmeting beside the yearly scan: on Resultaten ("sinds de jaarscan: Implementatieplanning
Voorbereiden 1,6 → 2,1, nu afgerond", its ontwikkelkaart, its criteria), as marked points in the
trend, and as movement beside the plan's actions on Actieplan.

A tussenmeting with fewer respondents than ``min_group_size`` shows nothing but that count, and a
criterion scored by fewer shows no figure of its own (``interim.shows_item``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment import interim, store
from assessment.development_map import INTERIM_CELL_STATES, state_words
from assessment.explanations import phase_label, phase_mean_text
from assessment.i18n import number
from assessment.report.screen_map import development_map_html
from assessment.rubric import Rubric
from assessment.scoring import ScanResult, score_scan_remembered
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.safe import md
from assessment.views import privacy
from assessment.views.scan import ScanView
from assessment.views.trend import TrendPoint


def _views(access: store.Access) -> list[store.InterimView]:
    assert access.school_id is not None  # coordinator and trainer: one school
    return store.interim_views(context.engine(), access, access.school_id)


def _shown(rubric: Rubric, view: store.InterimView) -> bool:
    return not privacy.too_few_respondents(rubric, view.respondents)


def _score(rubric: Rubric, view: store.InterimView) -> interim.InterimResult:
    values = view.values
    return interim.score_interim(rubric, values.answers, values.agreed, view.criteria)


def _yearly(
    rubric: Rubric, results: store.ResultsView, scored: dict[int, ScanResult], scan_id: int
) -> ScanResult:
    if scan_id not in scored:
        values = results.values[scan_id]
        scored[scan_id] = score_scan_remembered(rubric, values.answers, values.agreed)
    return scored[scan_id]


def beside_yearly(view: ScanView) -> list[TrendPoint]:
    """Resultaten of the yearly scan ``view``: its tussenmetingen (see ``show``), and the trend
    with a point for each of them."""
    access = context.access()
    assert access is not None
    results = store.results_view(context.engine(), access, view.school.id, view.scan.id)
    if results is None:
        return list(view.trend)
    scored = {view.scan.id: view.result}
    if view.previous is not None and view.previous_result is not None:
        scored[view.previous.id] = view.previous_result
    return show(results, scored, list(view.trend))


def show(
    results: store.ResultsView, scored: dict[int, ScanResult], trend: list[TrendPoint]
) -> list[TrendPoint]:
    """Resultaten: the tussenmetingen after the shown yearly scan, newest first; returns the
    trend with a marked point after each yearly scan that a tussenmeting followed."""
    access, rubric = context.access(), context.rubric()
    assert access is not None
    views = _views(access)
    beside = [v for v in reversed(views) if v.yearly_id == results.scan.id]
    if beside:
        st.header(tr("interim.results.heading"))
    for view in beside:
        with st.container(border=True, key=f"interim_{view.scan.id}"):
            _one(rubric, view, scored[results.scan.id], results.scan.label)
    if not trend:
        return trend
    return _with_points(rubric, results, scored, views, trend)


def _with_points(
    rubric: Rubric,
    results: store.ResultsView,
    scored: dict[int, ScanResult],
    views: list[store.InterimView],
    trend: list[TrendPoint],
) -> list[TrendPoint]:
    yearly = [*reversed(results.earlier), results.scan]  # oldest first, as the trend
    points: list[TrendPoint] = []
    for scan, point in zip(yearly, trend, strict=True):
        points.append(point)
        for view in views:
            if view.yearly_id == scan.id and _shown(rubric, view):
                readiness = interim.updated_readiness(
                    rubric, _yearly(rubric, results, scored, scan.id), _score(rubric, view)
                )
                points.append(TrendPoint(trend_label(view.scan.label), readiness))
    return points


def trend_label(label: str) -> str:
    """The trend's x label of a tussenmeting: marked as one, unless its name already says so."""
    marked = tr("interim.trend.point", label="").strip(" ()").casefold()
    return label if marked in label.casefold() else tr("interim.trend.point", label=label)


def _status(view: store.InterimView) -> str:
    return tr_md(
        f"interim.results.status_{view.scan.status}",
        label=view.scan.label,
        respondents=view.respondents,
        submitted=view.submitted,
    )


def _one(rubric: Rubric, view: store.InterimView, yearly: ScanResult, yearly_label: str) -> None:
    lang = context.lang()
    st.markdown(_status(view))
    minimum = privacy.minimum(rubric)
    if not _shown(rubric, view):
        st.info(tr("interim.results.too_few", respondents=view.respondents, minimum=minimum))
        return
    result = _score(rubric, view)
    st.markdown(tr_md("interim.results.since", label=yearly_label))
    st.markdown("\n".join(f"- {line}" for line in movement_lines(rubric, yearly, result, lang)))
    st.subheader(tr("interim.results.map_heading"))
    st.html(
        development_map_html(
            interim.interim_map(rubric, result),
            caption=tr("interim.results.map_intro"),
            theme_label=lambda theme_id: rubric.text(rubric.theme(theme_id).label, lang),
            phase_label=lambda phase_id: phase_label(rubric, phase_id, lang),
            state_word=state_words(lang),
            mean_text=lambda mean: phase_mean_text(rubric, mean, lang),
            lang=lang,
            states=INTERIM_CELL_STATES,
        )
    )
    st.caption(tr("interim.trend.caption"))
    with st.expander(tr("interim.results.items_heading")):
        st.dataframe(item_table(rubric, yearly, result, lang), hide_index=True, width="stretch")


def _figure(value: float | None, lang: str) -> str:
    return number(value, lang) if value is not None else tr("interim.results.none")


def movement_lines(
    rubric: Rubric, yearly: ScanResult, result: interim.InterimResult, lang: str
) -> list[str]:
    """ "**Implementatieplanning** Voorbereiden 1,6 → 2,1, nu afgerond", per measured phase."""
    lines = []
    for moved in interim.movements(yearly, result):
        values: dict[str, str | int] = {
            "theme": md(rubric.text(rubric.theme(moved.theme).label, lang)),
            "phase": md(phase_label(rubric, moved.phase, lang)),
            "before": _figure(moved.before, lang),
            "after": _figure(moved.after, lang),
        }
        if moved.verdict is None:
            values |= {"asked": moved.asked, "total": moved.total}
            lines.append(tr("interim.results.line_partly", **values))
            continue
        verdict = {
            "complete": "complete_still" if moved.was_complete else "complete_now",
            "provisional": "provisional",
            "open": "open_again" if moved.was_complete else "open",
        }[moved.verdict]
        lines.append(
            tr("interim.results.line", verdict=tr(f"interim.results.verdict.{verdict}"), **values)
        )
    return lines


def item_table(
    rubric: Rubric, yearly: ScanResult, result: interim.InterimResult, lang: str
) -> pd.DataFrame:
    few = tr("interim.results.few_scores")
    rows = []
    for item in result.items.values():
        before = yearly.items[item.id].value
        rows.append(
            {
                tr("interim.results.col_theme"): rubric.text(rubric.theme(item.theme).label, lang),
                tr("interim.results.col_criterion"): rubric.text(
                    rubric.criterion(item.id).label, lang
                ),
                tr("interim.results.col_before"): _figure(before, lang),
                tr("interim.results.col_after"): _figure(item.value, lang)
                if interim.shows_item(rubric, item)
                else few,
                tr("interim.results.col_n"): item.n,
            }
        )
    return pd.DataFrame(rows)


def plan_movement(
    access: store.Access, scan: store.ScanInfo, actions: list[store.ActionInfo]
) -> None:
    """Actieplan: beside the plan of a yearly scan, how the criteria its actions are linked to
    moved in the newest tussenmeting after it (one with enough respondents)."""
    rubric, lang = context.rubric(), context.lang()
    views = [v for v in _views(access) if v.yearly_id == scan.id and _shown(rubric, v)]
    linked = [a for a in actions if a.criterion]
    if not views or not linked:
        return
    view = views[-1]
    result = _score(rubric, view)
    engine = context.engine()
    values = store.results_view(engine, access, scan.school_id, scan.id)
    if values is None:
        return
    yearly_values = values.values[scan.id]
    yearly = score_scan_remembered(rubric, yearly_values.answers, yearly_values.agreed)
    moved = interim.plan_movement(yearly, result, [a.criterion for a in linked if a.criterion])
    rows = [
        {
            tr("interim.plan.col_action"): action.title,
            tr("interim.plan.col_criterion"): rubric.text(
                rubric.criterion(action.criterion).label, lang
            ),
            tr("interim.plan.col_before"): _figure(moved[action.criterion][0], lang),
            tr("interim.plan.col_after"): _figure(moved[action.criterion][1], lang)
            if interim.shows_item(rubric, result.items[action.criterion])
            else tr("interim.results.few_scores"),
        }
        for action in linked
        if action.criterion in moved
    ]
    if not rows:
        return
    st.subheader(tr("interim.plan.heading"))
    st.caption(tr_md("interim.plan.intro", label=view.scan.label))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
