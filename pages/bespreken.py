"""Bespreken: the team's meeting, one criterion at a time (contested first, then what nobody could
judge); its answers, the reason, the team's notes and the agreed value."""

from typing import cast

import streamlit as st

from assessment.discussion import FILTERS, Filter, agenda, counts, discussed, step
from assessment.explanations import explain_theme
from assessment.rubric import Rubric
from assessment.scoring import ScanResult
from assessment.store import Access, ScanInfo
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

FILTER = "discuss_filter"
SHOWN_FILTER = "discuss_filter_shown"


def main() -> None:
    access = require_role("coordinator", "trainer")
    rubric, lang = context.rubric(), context.lang()
    phone.touch_friendly()
    st.title(tr("discuss.title"))
    scan = choose_scan(access, key="discuss_scan")
    if scan is None:
        st.info(tr("results.no_scan"))
        return
    removed_notice(scan)
    view = load(access, scan.id)
    if not view.has_answers:
        st.info(tr_md("discuss.no_answers", scan=scan.label))
        return
    st.caption(tr("discuss.intro"))
    presentation_toggle()
    if view.few_respondents:
        few_respondents_warning(view.respondents, view.group_minimum)
    if not show_agenda(access, scan, rubric, view.result, lang):
        return
    with st.expander(tr("discuss.effect_heading")):
        for theme in view.result.themes:
            st.markdown(f"**{rubric.text(rubric.theme(theme.id).label, lang)}**")
            st.text(explain_theme(rubric, theme, lang))
    scroll_to_item_if_asked()


def show_agenda(
    access: Access, scan: ScanInfo, rubric: Rubric, result: ScanResult, lang: str
) -> bool:
    """The filter, the list to jump in, the item on screen and "Vorige"/"Volgende"; False when
    the filter holds no item."""
    current = f"discuss_item_{scan.id}"
    st.session_state.setdefault(FILTER, "open")
    sizes = counts(rubric, result)
    choices, jump = st.columns(2, vertical_alignment="bottom")
    chosen = cast(  # required: never None
        Filter,
        choices.segmented_control(
            tr("discuss.filter_label"),
            FILTERS,
            format_func=lambda f: tr(f"discuss.filter.{f}", count=sizes[f]),
            key=FILTER,
            required=True,
        ),
    )
    ids = shown_ids(scan, rubric, result, chosen)
    if not ids:
        st.info(tr(f"discuss.empty.{chosen}"))
        return False
    if st.session_state.get(current) not in ids:
        st.session_state[current] = ids[0]
    seen = f"discuss_seen_{scan.id}"
    st.session_state.setdefault(seen, set()).add(st.session_state[current])

    def label(criterion_id: str) -> str:
        text = rubric.text(rubric.criterion(criterion_id).label, lang)
        return f"✓ {text}" if discussed(result.items[criterion_id]) else text

    def go(offset: int) -> None:
        target = step(ids, st.session_state[current], offset)
        st.session_state[seen].add(st.session_state[current])
        if target is not None:
            st.session_state[current] = target
            ask_scroll_to_item()

    # A new list whenever the item on screen or an option's text changes ("✓" once agreed): the
    # list then shows the current item, and an option whose text changed is never taken for a
    # choice.
    labels = [label(criterion_id) for criterion_id in ids]
    jump_key = f"discuss_jump_{scan.id}_{st.session_state[current]}_{hash(tuple(labels))}"

    def jump_to() -> None:
        st.session_state[current] = st.session_state[jump_key]
        ask_scroll_to_item()

    jump.selectbox(
        tr("discuss.jump_label"),
        ids,
        index=ids.index(st.session_state[current]),
        format_func=dict(zip(ids, labels, strict=True)).__getitem__,
        key=jump_key,
        on_change=jump_to,
    )
    index = ids.index(st.session_state[current])
    position = tr("discuss.position", index=index + 1, count=len(ids))
    show_item(access, scan.id, ids[index], position)
    with st.container(
        horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"
    ):
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
    return True


def shown_ids(scan: ScanInfo, rubric: Rubric, result: ScanResult, chosen: Filter) -> list[str]:
    """The ids of the items ``chosen`` shows, in the agenda's order. The items shown under this
    filter stay while the filter stays: saving an agreed value (which takes the item out of "te
    bespreken") must not swap it for another one or make "Vorige" lose it."""
    current, seen = f"discuss_item_{scan.id}", f"discuss_seen_{scan.id}"
    if st.session_state.get(SHOWN_FILTER) != chosen:
        st.session_state[seen] = set()
    elif st.session_state.get(current):
        st.session_state.setdefault(seen, set()).add(st.session_state[current])
    st.session_state[SHOWN_FILTER] = chosen
    return [item.id for item in agenda(rubric, result, chosen, st.session_state.get(seen, set()))]


main()
