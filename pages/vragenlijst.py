"""Vragenlijst: theme by theme, every answer saved the moment it is given."""

import streamlit as st

from assessment import store
from assessment.questions import Questions
from assessment.ui import (
    context,
    interim_open,
    note_drafts,
    phone,
    questionnaire,
    questionnaire_end,
    questionnaire_intro,
    questionnaire_theme,
)
from assessment.ui.context import tr
from assessment.ui.pages import choose_scan, require_role


def show_questionnaire_page() -> None:
    access = require_role("respondent", "coordinator")
    engine, rubric = context.engine(), context.rubric()
    phone.touch_friendly()
    st.title(tr("questionnaire.title"))
    scan = choose_scan(
        access, only_open=access.role == "coordinator", key="questionnaire_scan", interim=True
    )
    if scan is None:
        st.info(tr("questionnaire.no_open_scan"))
        st.stop()
    closed = scan.status == "closed"
    if message := st.session_state.pop("save_error", None):
        st.error(message)
    me = store.my_respondent(engine, access, scan_id=scan.id)
    if me is None or me.started_at is None:
        (interim_open.intro if store.is_interim(scan) else questionnaire_intro.show)(
            access, scan, rubric
        )
        st.stop()
    if closed:
        st.info(tr("questionnaire.closed"))
    elif me.submitted_at is not None:
        st.success(tr("questionnaire.submitted"), icon=":material/check_circle:")

    answers = {  # only criteria of today's rubric: an older scan may hold retired ones
        criterion_id: answer
        for criterion_id, answer in store.my_answers(engine, access, scan_id=scan.id).items()
        if rubric.has_criterion(criterion_id)
    }
    questionnaire.seed_widgets(scan.id, answers)
    questions = interim_open.questions(access, scan, rubric, me.roles)
    position = theme_shown(scan.id, questions, answers)
    current = questions.themes[position]

    def go_to(index: int) -> None:
        st.session_state[_theme_key(scan.id)] = questions.themes[index].theme.id
        questionnaire_end.stop_confirming(scan.id)
        phone.ask_scroll_to_top()

    questionnaire_theme.top(questions, position, answers, rubric)
    for criterion in current.criteria:
        questionnaire_theme.criterion_card(
            access, scan.id, criterion, rubric, answered=criterion.id in answers, closed=closed
        )
    questionnaire_theme.navigation(scan.id, questions, position, answers, rubric, go_to)
    if position == len(questions.themes) - 1:
        questionnaire_end.show(access, scan, me, questions, answers, rubric, go_to)
    if not closed:
        note_drafts.keep(scan.id, me.id, [c.id for c in current.criteria if c.id in answers])
    phone.scroll_if_asked()


def _theme_key(scan_id: int) -> str:
    return f"questionnaire_theme-{scan_id}"


def theme_shown(scan_id: int, questions: Questions, answers: dict[str, store.AnswerInfo]) -> int:
    """The position of the theme on screen. The theme lives outside any widget, per scan: it
    survives other pages; a new session (a reload, the link opened again) starts at the first
    open question, in the first theme that has one."""
    key = _theme_key(scan_id)
    theme_ids = [t.theme.id for t in questions.themes]
    if st.session_state.get(key) not in theme_ids:
        resume = questions.themes[questions.resume_at(answers)]
        st.session_state[key] = resume.theme.id
        still_open = resume.open(answers)
        if still_open and still_open[0] != resume.criteria[0]:
            phone.ask_scroll_into_view(questionnaire_theme.card_key(still_open[0].id), to_top=True)
    return theme_ids.index(st.session_state[key])


show_questionnaire_page()
