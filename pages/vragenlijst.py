"""Vragenlijst: theme by theme, every answer saved the moment it is given."""

import streamlit as st

from assessment import store
from assessment.questions import Questions
from assessment.ui import context, phone, questionnaire, questionnaire_end, questionnaire_intro
from assessment.ui.context import tr
from assessment.ui.pages import choose_scan, require_role

access = require_role("respondent", "coordinator")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
phone.touch_friendly()
st.title(tr("questionnaire.title"))

scan = choose_scan(access, only_open=access.role == "coordinator", key="questionnaire_scan")
if scan is None:
    st.info(tr("questionnaire.no_open_scan"))
    st.stop()
closed = scan.status == "closed"
if message := st.session_state.pop("save_error", None):
    st.error(message)
me = store.my_respondent(engine, access, scan_id=scan.id)

if me is None or me.started_at is None:
    questionnaire_intro.show(access, scan, rubric)
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
questions = Questions.for_role(rubric, me.role)
themes = questions.themes

# The theme lives outside any widget, per scan: it survives other pages; a new session (a reload,
# the link opened again) starts at the first open question, in the first theme that has one.
current_key = f"questionnaire_theme-{scan.id}"
theme_ids = [t.theme.id for t in themes]
if st.session_state.get(current_key) not in theme_ids:
    resume = themes[questions.resume_at(answers)]
    st.session_state[current_key] = resume.theme.id
    still_open = resume.open(answers)
    if still_open and still_open[0] != resume.criteria[0]:
        phone.ask_scroll_into_view(f"scroll-target-{still_open[0].id}", to_top=True)
position = theme_ids.index(st.session_state[current_key])
current = themes[position]


def go_to(index: int) -> None:
    st.session_state[current_key] = theme_ids[index]
    questionnaire_end.stop_confirming(scan.id)
    phone.ask_scroll_to_top()


st.container(key="sticky-progress").progress(
    questions.answered(answers) / len(questions.criteria),
    text=tr(
        "questionnaire.progress",
        theme=position + 1,
        theme_total=len(themes),
        answered=questions.answered(answers),
        total=len(questions.criteria),
    ),
)
st.header(rubric.text(current.theme.label, lang))
st.caption(rubric.text(current.theme.description, lang))

for criterion in current.criteria:
    args = (access, scan.id, criterion.id)
    with st.container(border=True, key=f"scroll-target-{criterion.id}"):
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
            key=questionnaire.answer_key(scan.id, criterion.id),
            on_change=questionnaire.save_answer,
            args=args,
            horizontal=True,
            disabled=closed,
            label_visibility="collapsed",
        )
        if criterion.id not in answers:
            continue  # a note belongs to an answer
        saved_note = questionnaire.saved_note(scan.id, criterion.id)
        too_long = questionnaire.note_too_long(scan.id, criterion.id)
        if closed and not saved_note:
            continue
        heading = "questionnaire.note_heading_saved" if saved_note else "questionnaire.note_heading"
        with st.expander(tr(heading), expanded=bool(saved_note or too_long)):
            st.text_area(
                tr("questionnaire.note_label"),
                key=questionnaire.note_key(scan.id, criterion.id),
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
                    key=f"save-note-{scan.id}-{criterion.id}",
                    on_click=questionnaire.save_note,
                    args=args,
                    icon=":material/save:",
                )

in_theme = len(current.criteria) - len(current.open(answers))
st.caption(tr("questionnaire.theme_progress", answered=in_theme, total=len(current.criteria)))
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


def theme_option(index: int) -> str:
    theme = themes[index]
    label = rubric.text(theme.theme.label, lang)
    still_open = len(theme.open(answers))
    if still_open:
        return tr(
            "questionnaire.theme_option.open", number=index + 1, label=label, count=still_open
        )
    return tr("questionnaire.theme_option.done", number=index + 1, label=label)


def choose_theme(key: str) -> None:
    chosen = st.session_state[key]
    if chosen != position:
        go_to(chosen)


# A new widget whenever the current theme or an option's text changes: it then shows the current
# theme, and a changed text is never taken for a choice.
options = [theme_option(i) for i in range(len(themes))]
choice_key = f"theme_choice-{scan.id}-{position}-{hash(tuple(options))}"
st.selectbox(
    tr("questionnaire.theme_choice"),
    range(len(themes)),
    index=position,
    format_func=options.__getitem__,
    key=choice_key,
    on_change=choose_theme,
    args=(choice_key,),
)

if position == len(themes) - 1:
    questionnaire_end.show(access, scan, me, questions, answers, rubric, go_to)
phone.scroll_if_asked()
