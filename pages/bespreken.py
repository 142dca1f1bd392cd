"""Bespreken: contested items first, their spread and notes; the team sets an agreed value."""

import streamlit as st

from assessment import store
from assessment.explanations import explain_theme, phase_label
from assessment.i18n import number
from assessment.scoring import score_scan
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import choose_scan, require_role
from assessment.ui.questionnaire import option_label, options

access = require_role("coordinator")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
st.title(tr("discuss.title"))
st.write(tr("discuss.intro"))

scan = choose_scan(access, key="discuss_scan")
if scan is None:
    st.info(tr("results.no_scan"))
    st.stop()
if message := st.session_state.pop("discuss_message", None):
    st.success(message)

data = store.scan_data(engine, access, scan.id)
result = score_scan(rubric, data.answers, data.agreed)


NO_AGREEMENT = "-"  # a real option: None would show Streamlit's own (English) placeholder


def agree(criterion_id: str) -> None:
    value = st.session_state[f"agreed-{scan.id}-{criterion_id}"]
    note = st.session_state.get(f"agreed-note-{scan.id}-{criterion_id}") or ""
    try:
        if value == NO_AGREEMENT:
            store.clear_agreed(engine, access, scan.id, criterion_id)
        else:
            store.set_agreed(engine, access, scan.id, criterion_id, value, note)
    except store.StoreError as error:
        st.session_state["discuss_error"] = tr_md(error.key, **error.values)
        return
    updated = store.scan_data(engine, access, scan.id)
    theme = score_scan(rubric, updated.answers, updated.agreed).theme(
        rubric.criterion(criterion_id).theme
    )
    st.session_state["discuss_message"] = tr(
        "discuss.updated",
        theme=rubric.text(rubric.theme(theme.id).label, lang),
        readiness=number(theme.readiness, lang) if theme.readiness is not None else "–",
        phase=phase_label(rubric, theme.phase, lang),
    )


if message := st.session_state.pop("discuss_error", None):
    st.error(message)


def show_item(item) -> None:
    criterion = rubric.criterion(item.id)
    with st.container(border=True):
        st.markdown(f"**{rubric.text(criterion.label, lang)}**")
        st.caption(
            f"{rubric.text(rubric.theme(criterion.theme).label, lang)} · {rubric.text(rubric.phase(criterion.phase).label, lang)}"
        )
        counts = " · ".join(
            f"{option_label(value, rubric)}: {item.distribution[str(value)]}"
            for value in options(criterion, rubric)
        )
        st.text(tr("discuss.distribution", counts=counts))
        mean = number(item.mean, lang) if item.mean is not None else "–"
        spread = item.range if item.range is not None else "–"
        st.text(tr("discuss.spread", mean=mean, range=spread, n=item.n))
        notes = data.notes.get(item.id, [])
        if notes:
            st.markdown(tr("discuss.notes_heading"))
            for note in notes:
                st.text(f"“{note}”")
        key = f"agreed-{scan.id}-{item.id}"
        st.session_state.setdefault(key, data.agreed.get(item.id, NO_AGREEMENT))
        st.session_state.setdefault(
            f"agreed-note-{scan.id}-{item.id}", data.agreed_notes.get(item.id, "")
        )
        left, right = st.columns([1, 2])
        left.selectbox(
            tr("discuss.agreed_label"),
            [NO_AGREEMENT, *options(criterion, rubric)],
            format_func=lambda v: (
                tr("discuss.no_agreed") if v == NO_AGREEMENT else option_label(v, rubric)
            ),
            key=key,
            on_change=agree,
            args=(item.id,),
        )
        right.text_input(
            tr("discuss.agreed_note_label"),
            key=f"agreed-note-{scan.id}-{item.id}",
            on_change=agree,
            args=(item.id,),
            disabled=st.session_state.get(key) == NO_AGREEMENT,
            max_chars=1000,
        )


contested = sorted((i for i in result.items.values() if i.contested), key=lambda i: -(i.range or 0))
st.header(tr("discuss.contested_heading", count=len(contested)))
if not contested:
    st.info(tr("discuss.none_contested"))
for item in contested:
    show_item(item)

with st.expander(tr("discuss.other_heading")):
    theme_id = st.selectbox(
        tr("questionnaire.theme_label"),
        [t.id for t in rubric.theme_list],
        format_func=lambda i: rubric.text(rubric.theme(i).label, lang),
        key="discuss_theme",
    )
    for item in result.items.values():
        if item.theme == theme_id and not item.contested:
            show_item(item)

with st.expander(tr("discuss.effect_heading")):
    for theme in result.themes:
        st.markdown(f"**{rubric.text(rubric.theme(theme.id).label, lang)}**")
        st.text(explain_theme(rubric, theme, lang))
