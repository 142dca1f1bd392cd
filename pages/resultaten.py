"""Resultaten: responses, the radar against the previous scan, phase per theme and why."""

import pandas as pd
import streamlit as st

from assessment import store
from assessment.explanations import explain_theme, phase_label
from assessment.i18n import number, percent, signed
from assessment.report.screen_radar import radar_figure
from assessment.respondents import visible_role_counts
from assessment.scoring import score_scan
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.pages import choose_scan, require_role
from assessment.ui.pdf import pdf_download_button

access = require_role("coordinator", "trainer")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
st.title(tr("results.title"))

scan = choose_scan(access, key="results_scan")
if scan is None:
    st.info(tr("results.no_scan"))
    st.stop()
data = store.scan_data(engine, access, scan.id)
result = score_scan(rubric, data.answers, data.agreed)
previous = store.previous_scan(engine, access, scan.id)
previous_result = None
if previous is not None:
    previous_data = store.scan_data(engine, access, previous.id)
    previous_result = score_scan(rubric, previous_data.answers, previous_data.agreed)

started = [r for r in data.respondents if r.started_at is not None]
submitted = [r for r in started if r.submitted_at is not None]
shown_roles, other = visible_role_counts([r.role for r in started], rubric.rules.min_group_size)
columns = st.columns(3)
columns[0].metric(tr("results.respondents"), len(started))
columns[1].metric(tr("results.submitted"), len(submitted))
columns[2].metric(tr("results.school_phase"), phase_label(rubric, result.school_phase, lang))
if shown_roles:
    parts = [
        f"{tr(f'app.roles_of_respondents.{role}')}: {count}" for role, count in shown_roles.items()
    ]
    if other:
        parts.append(tr("results.other_roles", count=other))
    st.caption(" · ".join(parts))
st.caption(tr("results.role_privacy", size=rubric.rules.min_group_size))
pdf_download_button(access, scan, key="results_pdf")

theme_labels = [rubric.text(t.label, lang) for t in rubric.theme_list]
series = {}
if previous_result is not None:
    series[previous.label] = [t.readiness for t in previous_result.themes]
series[scan.label] = [t.readiness for t in result.themes]
st.subheader(tr("results.radar_heading"))
st.plotly_chart(
    radar_figure(theme_labels, series), width="stretch", config={"displayModeBar": False}
)
st.caption(tr("results.radar_caption"))

st.subheader(tr("results.table_heading"))


def number_or_dash(value: float | None) -> str:
    return number(value, lang) if value is not None else "–"


rows = []
for index, theme in enumerate(result.themes):
    row = {
        tr("results.col.theme"): theme_labels[index],
        tr("results.col.readiness"): number_or_dash(theme.readiness),
        tr("results.col.phase"): phase_label(rubric, theme.phase, lang),
        tr("results.col.flags"): ", ".join(tr(f"scoring.flags.{f}") for f in theme.flags) or "–",
    }
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

st.subheader(tr("results.quality_heading"))
unknown = [item for item in result.items.values() if item.unknown]
contested = [item for item in result.items.values() if item.contested]
st.write(tr("results.quality_summary", unknown=len(unknown), contested=len(contested)))
if unknown:
    st.markdown(tr("results.nobody_could_answer"))
    st.markdown("\n".join(f"- {rubric.text(rubric.criterion(i.id).label, lang)}" for i in unknown))
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
