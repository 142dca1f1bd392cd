"""One theme of the questionnaire: progress on top, a card per question, the way to other themes."""

from __future__ import annotations

from collections.abc import Callable, Collection

import streamlit as st

from assessment import store
from assessment.questions import Questions
from assessment.rubric import Criterion, Rubric
from assessment.ui import context, note_drafts, phone, questionnaire
from assessment.ui.context import tr

_NO_SUCH_THEME = "questionnaire_no_such_theme"


def card_key(criterion_id: str) -> str:
    return f"{phone.SCROLL_TARGET}{criterion_id}"


def top(questions: Questions, position: int, answered: Collection[str], rubric: Rubric) -> None:
    lang = context.lang()
    count = questions.answered(answered)
    st.container(key=f"{phone.STICKY}progress").progress(
        count / len(questions.criteria),
        text=tr(
            "questionnaire.progress",
            theme=position + 1,
            theme_total=len(questions.themes),
            answered=count,
            total=len(questions.criteria),
        ),
    )
    theme = questions.themes[position].theme
    st.header(rubric.text(theme.label, lang))
    st.caption(rubric.text(theme.description, lang))


def criterion_card(
    access: store.Access,
    scan_id: int,
    criterion: Criterion,
    rubric: Rubric,
    *,
    answered: bool,
    closed: bool,
) -> None:
    lang = context.lang()
    args = (access, scan_id, criterion.id)
    with st.container(border=True, key=card_key(criterion.id)):
        label = rubric.text(criterion.label, lang)
        phase = rubric.text(rubric.phase(criterion.phase).label, lang)
        st.markdown(f"**{label}**")
        st.caption(
            f"{phase} · {tr('questionnaire.guidance')} {rubric.text(criterion.guidance, lang)}"
        )
        st.radio(
            tr("questionnaire.answer_label", label=label),
            questionnaire.options(criterion, rubric),
            index=None,
            format_func=lambda v: questionnaire.option_label(v, rubric),
            key=questionnaire.answer_key(scan_id, criterion.id),
            on_change=questionnaire.save_answer,
            args=args,
            horizontal=True,
            disabled=closed,
            label_visibility="collapsed",
        )
        if message := questionnaire.confirmed(criterion.id):
            st.caption(f":material/check: {message}")
        if answered:  # a note belongs to an answer
            _note(args, closed)


def _note(args: tuple[store.Access, int, str], closed: bool) -> None:
    _access, scan_id, criterion_id = args
    saved = questionnaire.saved_note(scan_id, criterion_id)
    too_long = questionnaire.note_too_long(scan_id, criterion_id)
    if closed and not saved:
        return
    heading = "questionnaire.note_heading_saved" if saved else "questionnaire.note_heading"
    box = st.container(key=note_drafts.container_key(scan_id, criterion_id))
    with box, st.expander(tr(heading), expanded=bool(saved or too_long)):
        st.text_area(  # no max_chars: the browser would cut a paste off without a word
            tr("questionnaire.note_label"),
            key=questionnaire.note_key(scan_id, criterion_id),
            on_change=questionnaire.save_note,
            args=args,
            placeholder=tr("questionnaire.note_placeholder"),
            disabled=closed,
            height=100,
        )
        if too_long:
            st.error(too_long, icon=":material/error:")
        if not closed:
            st.button(
                tr("questionnaire.note_save"),
                key=f"save-note-{scan_id}-{criterion_id}",
                on_click=questionnaire.save_note,
                args=args,
                icon=":material/save:",
            )


def navigation(
    scan_id: int,
    questions: Questions,
    position: int,
    answered: Collection[str],
    rubric: Rubric,
    go_to: Callable[[int], None],
) -> None:
    """How far this theme is, previous and next theme, and a choice of every theme."""
    themes = questions.themes
    current = themes[position]
    done = len(current.criteria) - len(current.open(answered))
    st.caption(tr("questionnaire.theme_progress", answered=done, total=len(current.criteria)))
    with st.container(horizontal=True):
        if position > 0:
            st.button(
                tr("questionnaire.previous"),
                on_click=go_to,
                args=(position - 1,),
                icon=":material/arrow_back:",
            )
        if position < len(themes) - 1:
            st.button(
                tr("questionnaire.next"),
                type="primary",
                on_click=go_to,
                args=(position + 1,),
                icon=":material/arrow_forward:",
                icon_position="right",
            )

    lang = context.lang()
    options = []
    for number, theme in enumerate(themes, 1):
        label, still_open = rubric.text(theme.theme.label, lang), len(theme.open(answered))
        if still_open:
            options.append(
                tr("questionnaire.theme_option.open", number=number, label=label, count=still_open)
            )
        else:
            options.append(tr("questionnaire.theme_option.done", number=number, label=label))

    # A new widget whenever the current theme or an option's text changes: it then shows the
    # current theme, and a changed text is never taken for a choice.
    key = f"theme_choice-{scan_id}-{position}-{hash(tuple(options))}"

    def choose() -> None:
        chosen = st.session_state[key]
        # A browser sends the option's text; one that is no option (a tampered message)
        # arrives as that text, never as a theme: say so and stay here.
        if not isinstance(chosen, int) or not 0 <= chosen < len(themes):
            st.session_state[key] = position
            st.session_state[_NO_SUCH_THEME] = True
            return
        if chosen != position:
            go_to(chosen)

    st.selectbox(
        tr("questionnaire.theme_choice"),
        range(len(themes)),
        index=position,
        format_func=options.__getitem__,
        key=key,
        on_change=choose,
    )
    if st.session_state.pop(_NO_SUCH_THEME, False):
        st.error(tr("questionnaire.no_such_theme", count=len(themes)), icon=":material/error:")
