"""Vergelijken (board): readiness and phase per theme for every school that shares its results."""

import pandas as pd
import streamlit as st

from assessment import store
from assessment.explanations import phase_label
from assessment.i18n import number, signed
from assessment.scoring import score_scan
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.pages import require_role

access = require_role("board")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
st.title(tr("compare.title"))
st.write(tr("compare.intro", size=rubric.rules.min_group_size))

summaries = store.board_overview(engine, access)
if not summaries:
    st.info(tr("compare.no_schools"))
    st.stop()

theme_labels = {t.id: rubric.text(t.label, lang) for t in rubric.theme_list}
readiness_rows, phase_rows = [], []
for summary in summaries:
    shown = [scan for scan in summary.scans if not scan.suppressed]
    if not shown:
        readiness_rows.append(
            {tr("compare.school"): summary.school.name, tr("compare.scan"): tr("compare.too_few")}
        )
        continue
    latest = shown[0]
    result = score_scan(rubric, *latest.scoring_input())
    earlier = score_scan(rubric, *shown[1].scoring_input()) if len(shown) > 1 else None
    readiness = {tr("compare.school"): summary.school.name, tr("compare.scan"): latest.scan.label}
    phases = dict(readiness)
    for index, theme in enumerate(result.themes):
        value = number(theme.readiness, lang) if theme.readiness is not None else "–"
        if (
            earlier is not None
            and theme.readiness is not None
            and earlier.themes[index].readiness is not None
        ):
            change = theme.readiness - earlier.themes[index].readiness
            value += f" ({signed(change, lang)})"
        readiness[theme_labels[theme.id]] = value
        phases[theme_labels[theme.id]] = phase_label(rubric, theme.phase, lang)
    phases[tr("compare.school_phase")] = phase_label(rubric, result.school_phase, lang)
    readiness_rows.append(readiness)
    phase_rows.append(phases)

st.header(tr("compare.readiness_heading"))
st.caption(tr("compare.readiness_caption"))
st.dataframe(pd.DataFrame(readiness_rows), hide_index=True, width="stretch")
st.header(tr("compare.phase_heading"))
st.dataframe(pd.DataFrame(phase_rows), hide_index=True, width="stretch")
