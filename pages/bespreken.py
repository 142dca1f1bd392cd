"""Bespreken: the team's meeting, one criterion at a time (contested first, then what nobody could
judge); its answers, the reason, the team's notes and the agreed value."""

import streamlit as st

from assessment.discussion import FILTERS, agenda, counts, discussed, step
from assessment.explanations import explain_theme
from assessment.ui import context, phone
from assessment.ui.context import tr, tr_md
from assessment.ui.discussion import (
    ask_scroll_to_item,
    load,
    presentation_toggle,
    scroll_to_item_if_asked,
    show_item,
)
from assessment.ui.pages import choose_scan, few_respondents_warning, require_role
from assessment.ui.retention import removed_notice

access = require_role("coordinator", "trainer")
rubric, lang = context.rubric(), context.lang()
phone.touch_friendly()
st.title(tr("discuss.title"))

scan = choose_scan(access, key="discuss_scan")
if scan is None:
    st.info(tr("results.no_scan"))
    st.stop()
removed_notice(scan)
data, result = load(access, scan.id)
if not any(data.answers.values()):
    st.info(tr_md("discuss.no_answers", scan=scan.label))
    st.stop()
st.caption(tr("discuss.intro"))
presentation_toggle()
few_respondents_warning(data.started, rubric.rules.min_group_size)

FILTER = "discuss_filter"
SHOWN_FILTER = "discuss_filter_shown"
CURRENT = f"discuss_item_{scan.id}"
st.session_state.setdefault(FILTER, "open")
sizes = counts(rubric, result)
choices, jump = st.columns(2, vertical_alignment="bottom")
chosen = choices.segmented_control(
    tr("discuss.filter_label"),
    FILTERS,
    format_func=lambda f: tr(f"discuss.filter.{f}", count=sizes[f]),
    key=FILTER,
    required=True,
)
# The items shown under this filter stay while the filter stays: saving an agreed value (which
# takes the item out of "te bespreken") must not swap it for another one or make "Vorige" lose it.
SEEN = f"discuss_seen_{scan.id}"
if st.session_state.get(SHOWN_FILTER) != chosen:
    st.session_state[SEEN] = set()
elif st.session_state.get(CURRENT):
    st.session_state.setdefault(SEEN, set()).add(st.session_state[CURRENT])
st.session_state[SHOWN_FILTER] = chosen
items = agenda(rubric, result, chosen, st.session_state.get(SEEN, set()))
if not items:
    st.info(tr(f"discuss.empty.{chosen}"))
    st.stop()
ids = [item.id for item in items]
if st.session_state.get(CURRENT) not in ids:
    st.session_state[CURRENT] = ids[0]
st.session_state.setdefault(SEEN, set()).add(st.session_state[CURRENT])


def label(criterion_id: str) -> str:
    text = rubric.text(rubric.criterion(criterion_id).label, lang)
    return f"✓ {text}" if discussed(result.items[criterion_id]) else text


def go(offset: int) -> None:
    target = step(ids, st.session_state[CURRENT], offset)
    st.session_state[SEEN].add(st.session_state[CURRENT])
    if target is not None:
        st.session_state[CURRENT] = target
        ask_scroll_to_item()


# A new list whenever the item on screen or an option's text changes ("✓" once agreed): the list
# then shows the current item, and an option whose text changed is never taken for a choice.
labels = [label(criterion_id) for criterion_id in ids]
JUMP = f"discuss_jump_{scan.id}_{st.session_state[CURRENT]}_{hash(tuple(labels))}"


def jump_to() -> None:
    st.session_state[CURRENT] = st.session_state[JUMP]
    ask_scroll_to_item()


jump.selectbox(
    tr("discuss.jump_label"),
    ids,
    index=ids.index(st.session_state[CURRENT]),
    format_func=dict(zip(ids, labels, strict=True)).get,
    key=JUMP,
    on_change=jump_to,
)
index = ids.index(st.session_state[CURRENT])
position = tr("discuss.position", index=index + 1, count=len(ids))
show_item(access, scan.id, ids[index], position)

with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
    st.button(
        tr("discuss.previous"),
        icon=":material/arrow_back:",
        on_click=go,
        args=(-1,),
        disabled=index == 0,
        key="discuss_previous",
    )
    st.markdown(position)
    st.button(
        tr("discuss.next"),
        icon=":material/arrow_forward:",
        on_click=go,
        args=(1,),
        disabled=index == len(ids) - 1,
        key="discuss_next",
    )

with st.expander(tr("discuss.effect_heading")):
    for theme in result.themes:
        st.markdown(f"**{rubric.text(rubric.theme(theme.id).label, lang)}**")
        st.text(explain_theme(rubric, theme, lang))

scroll_to_item_if_asked()
