"""Resultaten: responses, the ontwikkelkaart beside the radar against the previous scan, the trend
over the years, phase per theme and why."""

import pandas as pd
import streamlit as st

from assessment import store
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
from assessment.report.trend import trend_of
from assessment.respondents import visible_role_counts
from assessment.scoring import score_scan_remembered
from assessment.ui import context, interim_results, map_notes
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import choose_scan, chosen_scan_id, few_respondents_warning, require_role
from assessment.ui.pdf import pdf_download_button
from assessment.ui.retention import removed_notice
from assessment.ui.safe import md

access = require_role("coordinator", "trainer")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()

# Everything this page reads, in one call of four statements (issue 11).
view = store.results_view(engine, access, access.school_id, chosen_scan_id())
scan = choose_scan(access, key="results_scan", scans=view.scans if view else [])
if scan is None:
    st.title(tr("results.title"))
    st.info(tr("results.no_scan"))
    st.stop()
if scan.id != view.scan.id:  # another scan chosen while this page ran
    view = store.results_view(engine, access, access.school_id, scan.id)
st.title(tr_md("results.title_school", school=view.school.name))
removed_notice(scan)
values = view.values[scan.id]
if not any(values.answers.values()):
    st.info(tr_md("results.no_answers", scan=scan.label, respondents=len(view.started_roles)))
    st.stop()
result = score_scan_remembered(rubric, values.answers, values.agreed)
scored = {scan.id: result}
previous = view.previous
previous_result = None
if previous is not None:
    previous_values = view.values[previous.id]
    previous_result = score_scan_remembered(rubric, previous_values.answers, previous_values.agreed)
    scored[previous.id] = previous_result

shown_roles, other = visible_role_counts(view.started_roles, rubric.rules.min_group_size)
few_respondents_warning(len(view.started_roles), rubric.rules.min_group_size)
columns = st.columns(3)
columns[0].metric(tr("results.respondents"), len(view.started_roles))
columns[1].metric(tr("results.submitted"), view.submitted)
columns[2].metric(tr("results.school_phase"), phase_label(rubric, result.school_phase, lang))
if shown_roles:
    parts = [
        f"{tr(f'app.roles_of_respondents.{role}')}: {count}" for role, count in shown_roles.items()
    ]
    if other:
        parts.append(tr("results.other_roles", count=other))
    st.caption(" · ".join(parts))
st.caption(tr("results.role_privacy", size=rubric.rules.min_group_size))
links = st.columns([1, 1, 2])
with links[0]:
    pdf_download_button(access, scan, key="results_pdf")
links[1].page_link("pages/bespreken.py", label=tr("results.to_discuss"), icon=":material/forum:")

theme_labels = [rubric.text(t.label, lang) for t in rubric.theme_list]
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
    if previous_result is not None:
        series[previous.label] = [t.readiness for t in previous_result.themes]
    series[scan.label] = [t.readiness for t in result.themes]
    st.header(tr("results.radar_heading"))
    st.plotly_chart(
        radar_figure(theme_labels, series, lambda v: number(v, lang)),
        width="stretch",
        config={"displayModeBar": False},
    )
    st.caption(tr("results.radar_caption"))

trend = interim_results.show(view, scored, trend_of(view, rubric, scored))
if trend:
    st.header(tr("results.trend_heading"))
    st.plotly_chart(
        trend_figure(trend, theme_labels),
        width="stretch",
        config={"displayModeBar": False},
    )
    st.caption(tr("results.trend_caption"))

st.header(tr("results.table_heading"))


def number_or_dash(value: float | None) -> str:
    return number(value, lang) if value is not None else "–"


any_provisional = any(theme.provisional_phases for theme in result.themes)
rows = []
for index, theme in enumerate(result.themes):
    row = {
        tr("results.col.theme"): theme_labels[index],
        tr("results.col.readiness"): number_or_dash(theme.readiness),
        tr("results.col.phase"): phase_label(rubric, theme.phase, lang),
        tr("results.col.flags"): ", ".join(tr(f"scoring.flags.{f}") for f in theme.flags) or "–",
    }
    if any_provisional:  # a complete phase that still has unknown items: "Verkennen (2 onbekend)"
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
            theme.readiness - before if theme.readiness is not None and before is not None else None
        )
        row[tr("results.col.change")] = signed(change, lang) if change is not None else "–"
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

for index, theme in enumerate(result.themes):
    with st.expander(
        tr("results.why", theme=theme_labels[index], phase=phase_label(rubric, theme.phase, lang))
    ):
        for line in explain_theme(rubric, theme, lang).splitlines():
            st.text(line)

st.header(tr("results.quality_heading"))
unknown = [item for item in result.items.values() if item.unknown]
contested, agreed = contested_agreed(result)
summary = tr("results.quality_summary", unknown=len(unknown), contested=contested, agreed=agreed)
if contested > agreed:
    summary += " " + tr("results.quality_open", open=contested - agreed)
st.write(summary)
if unknown:
    st.markdown(tr("results.nobody_could_answer"))
    st.markdown(
        "\n".join(
            f"- {md(rubric.text(rubric.criterion(i.id).label, lang))}: {md(explain_item(rubric, i, lang))}"
            for i in unknown
        )
    )
with st.expander(tr("results.per_item")):
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("results.col.theme"): rubric.text(rubric.theme(item.theme).label, lang),
                    tr("results.col.criterion"): rubric.text(rubric.criterion(item.id).label, lang),
                    tr("results.col.value"): number_or_dash(item.value),
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
