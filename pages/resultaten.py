"""Resultaten: responses, the ontwikkelkaart beside the radar against the previous scan, the trend
over the years, phase per theme and why."""

import pandas as pd
import streamlit as st

from assessment.development_map import development_map, state_words
from assessment.discussion import contested_agreed
from assessment.explanations import (
    explain_item,
    explain_theme,
    phase_label,
    phase_mean_text,
)
from assessment.i18n import number, percent, signed
from assessment.provenance import checked_against_text
from assessment.report.screen_map import development_map_html
from assessment.report.screen_radar import radar_figure, trend_figure
from assessment.rubric import Rubric
from assessment.store import Access
from assessment.ui import context, interim_results, map_notes
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import choose_scan, chosen_scan_id, few_respondents_warning, require_role
from assessment.ui.pdf import pdf_download_button
from assessment.ui.retention import removed_notice
from assessment.ui.safe import md
from assessment.views.scan import ScanView, scan_view


def main() -> None:
    access = require_role("coordinator", "trainer")
    engine, rubric, lang = context.engine(), context.rubric(), context.lang()
    school_id = access.school_id
    assert school_id is not None  # a coordinator's and a trainer's code belong to a school
    view = scan_view(engine, access, rubric, school_id, chosen_scan_id())
    scan = choose_scan(access, key="results_scan", scans=list(view.scans) if view else [])
    if view is None or scan is None:
        st.title(tr("results.title"))
        st.info(tr("results.no_scan"))
        return
    if scan.id != view.scan.id:  # another scan chosen while this page ran
        view = scan_view(engine, access, rubric, school_id, scan.id)
        assert view is not None
    st.title(tr_md("results.title_school", school=view.school.name))
    removed_notice(scan)
    if not view.has_answers:
        st.info(tr_md("results.no_answers", scan=scan.label, respondents=view.respondents))
        return
    show_facts(access, view, rubric, lang)
    theme_labels = [rubric.text(t.label, lang) for t in rubric.theme_list]
    show_map_and_radar(view, rubric, lang, theme_labels)
    show_trend(view, theme_labels)
    show_themes(view, rubric, lang, theme_labels)
    show_quality(view, rubric, lang)
    show_sources(rubric, lang)


def number_or_dash(value: float | None, lang: str) -> str:
    return number(value, lang) if value is not None else "–"


def show_facts(access: Access, view: ScanView, rubric: Rubric, lang: str) -> None:
    if view.few_respondents:
        few_respondents_warning(view.respondents, view.group_minimum)
    columns = st.columns(3)
    columns[0].metric(tr("results.respondents"), view.respondents)
    columns[1].metric(tr("results.submitted"), view.submitted)
    columns[2].metric(
        tr("results.school_phase"), phase_label(rubric, view.result.school_phase, lang)
    )
    if view.roles:
        parts = [
            f"{tr(f'app.roles_of_respondents.{role}')}: {count}"
            for role, count in view.roles.items()
        ]
        if view.other_roles:
            parts.append(tr("results.other_roles", count=view.other_roles))
        st.caption(" · ".join(parts))
    st.caption(tr("results.role_privacy", size=view.group_minimum))
    links = st.columns([1, 1, 2])
    with links[0]:
        pdf_download_button(access, view.scan, key="results_pdf")
    links[1].page_link(
        "pages/bespreken.py", label=tr("results.to_discuss"), icon=":material/forum:"
    )


def show_map_and_radar(view: ScanView, rubric: Rubric, lang: str, theme_labels: list[str]) -> None:
    result = view.result
    map_column, radar_column = st.columns(2, gap="medium")
    with map_column:
        st.header(tr("map.title"))
        st.html(
            development_map_html(
                development_map(rubric, result),
                caption=tr("map.intro"),
                theme_label=lambda theme_id: rubric.text(rubric.theme(theme_id).label, lang),
                phase_label=lambda phase_id: phase_label(rubric, phase_id, lang),
                state_word=state_words(lang),
                mean_text=lambda mean: phase_mean_text(rubric, mean, lang),
                lang=lang,
            )
        )
        map_notes.show(rubric, result, lang)
    with radar_column:
        series = {}
        if view.previous is not None and view.previous_result is not None:
            series[view.previous.label] = [t.readiness for t in view.previous_result.themes]
        series[view.scan.label] = [t.readiness for t in result.themes]
        st.header(tr("results.radar_heading"))
        st.plotly_chart(
            radar_figure(theme_labels, series, lambda v: number(v, lang)),
            width="stretch",
            config={"displayModeBar": False},
        )
        st.caption(tr("results.radar_caption"))


def show_trend(view: ScanView, theme_labels: list[str]) -> None:
    trend = interim_results.beside_yearly(view)  # the trend, with the tussenmetingen marked in it
    if not trend:
        return
    st.header(tr("results.trend_heading"))
    st.plotly_chart(
        trend_figure(trend, theme_labels),
        width="stretch",
        config={"displayModeBar": False},
    )
    st.caption(tr("results.trend_caption"))


def show_themes(view: ScanView, rubric: Rubric, lang: str, theme_labels: list[str]) -> None:
    st.header(tr("results.table_heading"))
    result, previous_result = view.result, view.previous_result
    any_provisional = any(theme.provisional_phases for theme in result.themes)
    rows = []
    for index, theme in enumerate(result.themes):
        row = {
            tr("results.col.theme"): theme_labels[index],
            tr("results.col.readiness"): number_or_dash(theme.readiness, lang),
            tr("results.col.phase"): phase_label(rubric, theme.phase, lang),
            tr("results.col.flags"): ", ".join(tr(f"scoring.flags.{f}") for f in theme.flags)
            or "–",
        }
        if (
            any_provisional
        ):  # a complete phase that still has unknown items: "Verkennen (2 onbekend)"
            row[tr("results.col.provisional")] = (
                "; ".join(
                    tr(
                        "results.provisional_phase",
                        phase=phase_label(rubric, p.phase, lang),
                        unknown=p.unknown,
                    )
                    for p in theme.phases
                    if p.provisional
                )
                or "–"
            )
        if previous_result is not None:
            before = previous_result.themes[index].readiness
            change = (
                theme.readiness - before
                if theme.readiness is not None and before is not None
                else None
            )
            row[tr("results.col.change")] = signed(change, lang) if change is not None else "–"
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

    for index, theme in enumerate(result.themes):
        with st.expander(
            tr(
                "results.why",
                theme=theme_labels[index],
                phase=phase_label(rubric, theme.phase, lang),
            )
        ):
            for line in explain_theme(rubric, theme, lang).splitlines():
                st.text(line)


def show_quality(view: ScanView, rubric: Rubric, lang: str) -> None:
    st.header(tr("results.quality_heading"))
    result = view.result
    unknown = [item for item in result.items.values() if item.unknown]
    contested, agreed = contested_agreed(result)
    summary = tr(
        "results.quality_summary", unknown=len(unknown), contested=contested, agreed=agreed
    )
    if contested > agreed:
        summary += " " + tr("results.quality_open", open=contested - agreed)
    st.write(summary)
    if unknown:
        st.markdown(tr("results.nobody_could_answer"))
        st.markdown(
            "\n".join(
                f"- {md(rubric.text(rubric.criterion(i.id).label, lang))}: "
                f"{md(explain_item(rubric, i, lang))}"
                for i in unknown
            )
        )
    with st.expander(tr("results.per_item")):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("results.col.theme"): rubric.text(rubric.theme(item.theme).label, lang),
                        tr("results.col.criterion"): rubric.text(
                            rubric.criterion(item.id).label, lang
                        ),
                        tr("results.col.value"): number_or_dash(item.value, lang),
                        tr("results.col.n"): item.n,
                        tr("results.col.dk_share"): percent(item.dk_share, lang),
                        tr("results.col.agreed"): tr("results.marked")
                        if item.agreed is not None
                        else "",
                        tr("results.col.contested"): tr("results.marked") if item.contested else "",
                    }
                    for item in result.items.values()
                ]
            ),
            hide_index=True,
            width="stretch",
        )


def show_sources(rubric: Rubric, lang: str) -> None:
    with st.expander(tr("results.sources_heading", version=rubric.version)):
        st.caption(tr("results.sources_intro"))
        st.markdown(
            "\n".join(
                f"- {md(source.text)}"
                + (f" ({md(source.url)})" if source.url else "")
                + ("" if source.checked else f" **{md(tr('results.source_unchecked'))}**")
                for source in rubric.sources.values()
            )
        )
        st.subheader(tr("provenance.heading"))
        st.caption(tr("provenance.intro"))
        for theme in rubric.theme_list:
            st.markdown(
                f"**{md(rubric.text(theme.label, lang))}**\n\n"
                + "\n".join(
                    f"- {md(rubric.text(c.label, lang))}: {md(checked_against_text(rubric, c, lang))}"
                    for c in theme.criteria
                )
            )


main()
