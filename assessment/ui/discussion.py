"""Bespreken's widgets: one criterion as the team sees it in the meeting, and its agreed value.

The agreement is a fragment: saving reruns only that part (not the page, not even the chart) and
confirms beside the button. It reads the scan from a snapshot of the meeting's view in the
session, which the page refreshes on every run and the save refreshes after writing, so nothing
is read twice.
"""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.discussion import discussed, kind
from assessment.explanations import explain_item, phase_label
from assessment.i18n import number
from assessment.report.screen_distribution import distribution_figure
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, ItemResult, ScanResult
from assessment.store.tables import NOTE_LENGTH
from assessment.ui import agreed, context
from assessment.ui.context import tr, tr_md
from assessment.ui.questionnaire import option_label, options
from assessment.ui.safe import md
from assessment.views.meeting import MeetingView, meeting_view

NO_AGREEMENT = "-"  # a real option: None would show Streamlit's own (English) placeholder
CARD = "discuss_item_card"
_MOVES = "discuss_moves"
_COUNTS_CHANGED = "discuss_counts_changed"
PRESENTATION = "discuss_presentation"  # the toggle's key: the card readable from the back of a room

# Sizes for a projector seen from 7 m: every text of the card at least 26 px, the title larger.
_PRESENTATION_STYLE = f"""<style>
.st-key-{CARD} :not(svg, svg *) {{ font-size: 26px !important; line-height: 1.4 !important; }}
.st-key-{CARD} h2, .st-key-{CARD} h2 * {{ font-size: 44px !important; line-height: 1.2 !important; }}
.st-key-{CARD} [data-testid="stIconMaterial"] {{ font-size: 30px !important; }}
</style>"""


def presentation_toggle() -> bool:
    """The "Presentatiemodus" toggle; when on, the card's text is sized for a projector."""
    on = st.toggle(
        tr("discuss.presentation"), key=PRESENTATION, help=tr("discuss.presentation_help")
    )
    if on:
        st.html(_PRESENTATION_STYLE)
    return on


def _snapshot_key(scan_id: int) -> str:
    return f"discuss-snapshot-{scan_id}"


def _status_key(scan_id: int, criterion_id: str) -> str:
    return f"agreed-status-{scan_id}-{criterion_id}"


def load(access: store.Access, scan_id: int) -> MeetingView:
    """The meeting's view of the scan, kept for the item fragment's own reruns."""
    view = meeting_view(context.engine(), access, context.rubric(), scan_id)
    st.session_state[_snapshot_key(scan_id)] = view
    return view


def _snapshot(scan_id: int) -> tuple[store.ScanData, ScanResult]:
    view: MeetingView = st.session_state[_snapshot_key(scan_id)]
    return view.data, view.result


def show_item(access: store.Access, scan_id: int, criterion_id: str, position: str) -> None:
    """One criterion as the team sees it: what it is, the answers, why it is on the agenda, the
    notes, and the agreement."""
    data, result = _snapshot(scan_id)
    rubric, lang = context.rubric(), context.lang()
    item = result.items[criterion_id]
    criterion = rubric.criterion(criterion_id)
    with st.container(border=True, key=CARD):
        st.markdown(f"{position} · **{tr(f'discuss.kind.{kind(item)}')}**")
        st.header(rubric.text(criterion.label, lang), anchor=False)
        st.caption(
            f"{rubric.text(rubric.theme(criterion.theme).label, lang)} · "
            f"{rubric.text(rubric.phase(criterion.phase).label, lang)}"
        )
        chart, words = st.columns([2, 3], gap="medium")
        with chart:
            _distribution(item)
        with words:
            _reason_and_notes(item, data.notes.get(criterion_id, []))
        _agreement(access, scan_id, criterion_id)


@st.fragment
def _agreement(access: store.Access, scan_id: int, criterion_id: str) -> None:
    """The agreed value with its "besproken ✓": saving reruns only this part, not the chart."""
    data, result = _snapshot(scan_id)
    item = result.items[criterion_id]
    heading = tr("discuss.agreed_heading")
    if discussed(item):
        heading = f"{heading} · {tr('discuss.discussed_mark')}"
    st.markdown(f"**{heading}**")
    if access.role == "coordinator":
        _agreed_form(access, scan_id, item, data)
    else:
        _agreed_text(item, data.agreed_notes.get(criterion_id, ""))


def _distribution(item: ItemResult) -> None:
    rubric = context.rubric()
    criterion = rubric.criterion(item.id)
    values = options(criterion, rubric)
    st.markdown(f"**{tr('discuss.distribution_heading')}**")
    figure = distribution_figure(
        [option_label(v, rubric) for v in values],
        [item.distribution.get(str(v), 0) for v in values],
        [v not in (DONT_KNOW, NOT_APPLICABLE) for v in values],
    )
    if st.session_state.get(PRESENTATION):
        figure.update_layout(font={"size": 24}, height=figure.layout.height * 1.6)
        figure.update_yaxes(tickfont={"size": 24}, automargin=True)
        figure.update_traces(textfont={"size": 26})
    st.plotly_chart(
        figure,
        width="stretch",
        config={"displayModeBar": False, "staticPlot": True},
        key=f"distribution-{item.id}",
    )


def _reason_and_notes(item: ItemResult, notes: list[str]) -> None:
    lang = context.lang()
    reason = explain_item(context.rubric(), item, lang)
    if reason:
        st.markdown(f"**{md(reason[:1].upper() + reason[1:])}**")
    mean = number(item.mean, lang) if item.mean is not None else "–"
    spread = item.range if item.range is not None else "–"
    st.write(tr("discuss.spread", mean=mean, range=spread, n=item.n))
    st.markdown(f"**{tr('discuss.notes_heading')}**")
    if not notes:
        st.caption(tr("discuss.no_notes"))
        return
    for note in notes:  # sorted by text in the store, never in the order of the codes
        st.text(f"“{note}”")
    st.caption(tr("discuss.notes_order"))


def _agreed_form(
    access: store.Access, scan_id: int, item: ItemResult, data: store.ScanData
) -> None:
    rubric = context.rubric()
    value_key, note_key = agreed.value_key(scan_id, item.id), agreed.note_key(scan_id, item.id)
    agreed.show_stored(scan_id, item.id, data, none=NO_AGREEMENT)
    with st.form(f"agreed-form-{scan_id}-{item.id}", border=False, enter_to_submit=False):
        value_column, note_column = st.columns([2, 3])
        value_column.selectbox(
            tr("discuss.agreed_label"),
            [NO_AGREEMENT, *options(rubric.criterion(item.id), rubric)],
            format_func=lambda v: (
                tr("discuss.no_agreed") if v == NO_AGREEMENT else option_label(v, rubric)
            ),
            key=value_key,
        )
        note_column.text_input(tr("discuss.agreed_note_label"), key=note_key, max_chars=NOTE_LENGTH)
        with st.container(horizontal=True, vertical_alignment="center"):
            st.form_submit_button(
                tr("discuss.save"),
                type="primary",
                icon=":material/check:",
                on_click=_save,
                args=(access, scan_id, item.id),
            )
            if st.session_state.pop(_COUNTS_CHANGED, False):
                # an item became (or stopped being) besproken: the filter counts and the
                # list's marks outside this fragment change too
                st.rerun(scope="app")
            status = st.session_state.pop(_status_key(scan_id, item.id), None)
            if status is not None:
                level, message = status
                if level == "error":
                    st.error(message)
                else:
                    st.success(message, icon=":material/check_circle:")


def _save(access: store.Access, scan_id: int, criterion_id: str) -> None:
    engine, rubric, lang = context.engine(), context.rubric(), context.lang()
    value = st.session_state[agreed.value_key(scan_id, criterion_id)]
    note = st.session_state.get(agreed.note_key(scan_id, criterion_id)) or ""
    status_key = _status_key(scan_id, criterion_id)
    _data, before = _snapshot(scan_id)
    try:  # as a change of the version on screen: a colleague's change meanwhile is refused
        agreed.save(engine, access, scan_id, criterion_id, value, note, none=NO_AGREEMENT)
    except store.StoreError as error:
        st.session_state[status_key] = ("error", tr_md(error.key, **error.values))
        return
    result = load(access, scan_id).result
    if discussed(result.items[criterion_id]) != discussed(before.items[criterion_id]):
        st.session_state[_COUNTS_CHANGED] = True
    theme = result.theme(rubric.criterion(criterion_id).theme)
    st.session_state[status_key] = (
        "saved",
        tr(
            "discuss.cleared" if value == NO_AGREEMENT else "discuss.saved",
            theme=rubric.text(rubric.theme(theme.id).label, lang),
            readiness=number(theme.readiness, lang) if theme.readiness is not None else "–",
            phase=phase_label(rubric, theme.phase, lang),
        ),
    )


def _agreed_text(item: ItemResult, note: str) -> None:
    """What a trainer sees: the agreement, read only."""
    if item.agreed is None:
        st.write(tr("discuss.not_agreed"))
    else:
        st.write(tr("discuss.agreed_value", value=option_label(item.agreed, context.rubric())))
        if note:
            st.text(tr("discuss.agreed_reason", note=note))
    st.caption(tr("discuss.coordinator_only"))


def ask_scroll_to_item() -> None:
    """Have the next run show the item's card at the top of the screen (call from a callback)."""
    st.session_state[_MOVES] = st.session_state.get(_MOVES, 0) + 1


def scroll_to_item_if_asked() -> None:
    """After "Vorige", "Volgende" or a jump, bring the new item's card into view: on a projector
    the whole item then fits the screen, on a phone it starts at its title. Call it last on the
    page; the count makes each request a new script body, which the browser runs again."""
    moves = st.session_state.get(_MOVES, 0)
    if moves and st.session_state.get(f"{_MOVES}_done") != moves:
        st.session_state[f"{_MOVES}_done"] = moves
        st.html(
            f"<script>/* {moves} */ const card = document.querySelector('.st-key-{CARD}');"
            " if (card) { card.style.scrollMarginTop = '4.5rem';"
            " card.scrollIntoView({block: 'start'}); }</script>",
            unsafe_allow_javascript=True,
        )
