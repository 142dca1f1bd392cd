"""Vragenlijst: theme by theme, every answer saved the moment it is given."""

import streamlit as st

from assessment import store
from assessment.respondents import RESPONDENT_ROLES
from assessment.ui import context, questionnaire
from assessment.ui.context import tr
from assessment.ui.pages import choose_scan, require_role
from assessment.ui.safe import md

CURRENT_THEME = "questionnaire_theme"

access = require_role("respondent", "coordinator")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
st.title(tr("questionnaire.title"))

scan = choose_scan(access, only_open=access.role == "coordinator", key="questionnaire_scan")
if scan is None:
    st.info(tr("questionnaire.no_open_scan"))
    st.stop()
closed = scan.status == "closed"
me = store.my_respondent(engine, access, scan_id=scan.id)

if me is None or me.started_at is None:
    st.write(tr("questionnaire.intro.scale"))
    for option in rubric.scale:
        st.markdown(
            f"- **{option.value} · {rubric.text(option.label, lang)}**: {rubric.text(option.description, lang)}"
        )
    st.markdown(
        f"- **{rubric.text(rubric.dont_know.label, lang)}**: {rubric.text(rubric.dont_know.description, lang)}"
    )
    st.write(tr("questionnaire.intro.pause"))
    st.warning(tr("questionnaire.intro.privacy"), icon=":material/privacy_tip:")
    if closed:
        st.info(tr("questionnaire.closed"))
        st.stop()
    roles = list(RESPONDENT_ROLES)
    role = st.selectbox(
        tr("questionnaire.role_label"),
        roles,
        index=None,
        format_func=lambda r: tr(f"app.roles_of_respondents.{r}"),
        placeholder=tr("questionnaire.role_placeholder"),
        help=tr("questionnaire.role_help", size=rubric.rules.min_group_size),
    )
    if st.button(tr("questionnaire.start"), type="primary"):
        store.start_respondent(engine, access, role, scan_id=scan.id)
        st.rerun()
    st.stop()

if closed:
    st.info(tr("questionnaire.closed"))
if message := st.session_state.pop("save_error", None):
    st.error(message)

answers = {  # only criteria of today's rubric: an older scan may hold retired ones
    criterion_id: answer
    for criterion_id, answer in store.my_answers(engine, access, scan_id=scan.id).items()
    if rubric.has_criterion(criterion_id)
}
questionnaire.seed_widgets(scan.id, answers)
themes = rubric.theme_list
done = [t.id for t in themes if all(c.id in answers for c in t.criteria)]
total = len(rubric.criteria)
st.progress(
    len(answers) / total,
    text=tr(
        "questionnaire.progress",
        themes=len(done),
        theme_total=len(themes),
        answered=len(answers),
        total=total,
    ),
)

theme_ids = [t.id for t in themes]
# The theme lives outside the widget: it survives other pages and the ✓ marks changing its options.
current = st.session_state.get(CURRENT_THEME)
if current not in theme_ids:
    current = st.session_state[CURRENT_THEME] = theme_ids[0]
theme_id = st.segmented_control(
    tr("questionnaire.theme_label"),
    theme_ids,
    default=current,
    format_func=lambda i: ("✓ " if i in done else "") + rubric.text(rubric.theme(i).label, lang),
    key=f"theme_choice_{current}",
    on_change=lambda: st.session_state.update(
        {CURRENT_THEME: st.session_state[f"theme_choice_{current}"]}
    ),
    required=True,
)
theme = rubric.theme(theme_id)
st.caption(rubric.text(theme.description, lang))

for criterion in theme.criteria:
    with st.container(border=True):
        phase = rubric.text(rubric.phase(criterion.phase).label, lang)
        st.markdown(f"**{rubric.text(criterion.label, lang)}**")
        st.caption(
            f"{phase} · {tr('questionnaire.guidance')} {rubric.text(criterion.guidance, lang)}"
        )
        st.radio(
            tr("questionnaire.answer_label", label=rubric.text(criterion.label, lang)),
            questionnaire.options(criterion, rubric),
            index=None,
            format_func=lambda v: questionnaire.option_label(v, rubric),
            key=questionnaire.answer_key(scan.id, criterion.id),
            on_change=questionnaire.save,
            args=(access, scan.id, criterion.id),
            horizontal=True,
            disabled=closed,
            label_visibility="collapsed",
        )
        st.text_area(
            tr("questionnaire.note_label"),
            key=questionnaire.note_key(scan.id, criterion.id),
            on_change=questionnaire.save,
            args=(access, scan.id, criterion.id),
            placeholder=tr("questionnaire.note_placeholder"),
            help=tr("questionnaire.note_help"),
            disabled=closed or criterion.id not in answers,
            height=68,
            max_chars=2000,
        )

position = theme_ids.index(theme_id)
previous_column, next_column = st.columns(2)


def go_to(index: int) -> None:
    st.session_state[CURRENT_THEME] = theme_ids[index]


if position > 0:
    previous_column.button(
        tr("questionnaire.previous"),
        on_click=go_to,
        args=(position - 1,),
        icon=":material/arrow_back:",
    )
if position < len(theme_ids) - 1:
    next_column.button(
        tr("questionnaire.next"),
        on_click=go_to,
        args=(position + 1,),
        icon=":material/arrow_forward:",
    )

st.divider()
st.subheader(tr("questionnaire.submit_heading"))
if me.submitted_at is not None:
    st.success(tr("questionnaire.submitted"))
unanswered = [c for c in rubric.criteria if c.id not in answers]
if unanswered:
    st.write(tr("questionnaire.unanswered", count=len(unanswered)))
    for t in themes:
        missing = [c for c in t.criteria if c.id not in answers]
        if missing:
            st.markdown(f"**{rubric.text(t.label, lang)}**")
            st.markdown("\n".join(f"- {md(rubric.text(c.label, lang))}" for c in missing))
if not closed and me.submitted_at is None:
    label = tr("questionnaire.submit_anyway") if unanswered else tr("questionnaire.submit")
    if st.button(label, type="primary", icon=":material/send:"):
        store.submit(engine, access, scan_id=scan.id)
        st.rerun()
