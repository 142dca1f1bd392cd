"""Briefing (trainer): one school's ontwikkelkaart, suggested topics, weakest themes and why,
changes since the previous scan, the contested items with notes, and the open actions."""

import streamlit as st

from assessment import store
from assessment.briefing import Briefing, ContestedItem
from assessment.development_map import state_words
from assessment.explanations import phase_label, phase_mean_text
from assessment.i18n import day, number, signed
from assessment.report.screen_map import development_map_html
from assessment.ui import context, map_notes, trainer_schools
from assessment.ui.briefing_pdf import briefing_download_button
from assessment.ui.context import tr, tr_md
from assessment.ui.pages import choose_scan, require_role
from assessment.ui.safe import md
from assessment.views.briefing import build_briefing

CONTESTED_SHOWN = 6  # the rest wait in an expander: a divided team disagrees on dozens

access = require_role("trainer")
engine, rubric, lang = context.engine(), context.rubric(), context.lang()
school = store.get_school(engine, access, access.school_id)
st.title(tr_md("briefing.title", school=school.name))
trainer_schools.switcher(key="school_choice")
scan = choose_scan(access, key="briefing_scan")
if scan is None:
    st.info(tr("briefing.no_scan"))
    st.stop()
briefing = build_briefing(engine, access, scan.id, rubric, lang)
if briefing.respondents == 0:
    st.info(tr_md("briefing.no_answers", scan=scan.label))
    st.stop()


def readiness_text(value: float | None) -> str:
    return number(value, lang) if value is not None else "–"


def show_topics(briefing: Briefing) -> None:
    st.header(tr("briefing.topics_heading"))
    if briefing.result.awaits_answers:
        st.info(tr("briefing.topics_wait"))
        return
    st.caption(tr("briefing.topics_intro", phase=briefing.school_phase))
    lines = []
    for index, topic in enumerate(briefing.topics, start=1):
        score = (
            tr("briefing.topic_value", value=number(topic.value, lang))
            if topic.value is not None
            else tr("briefing.topic_unknown")
        )
        lines.append(
            f"{index}. **{md(topic.label)}** ({md(topic.theme_label)}, {score})  \n{md(topic.action)}"
        )
    st.markdown("\n".join(lines))


def show_weakest(briefing: Briefing) -> None:
    st.header(tr("briefing.weakest_heading"))
    for theme in briefing.weakest:
        heading = tr(
            "briefing.weak_theme",
            theme=theme.label,
            readiness=readiness_text(theme.readiness),
            phase=theme.phase,
        )
        st.markdown(f"**{md(heading)}**  \n" + "  \n".join(md(line) for line in theme.why[1:]))


def show_changes(briefing: Briefing) -> None:
    if briefing.previous_label is None:
        st.header(tr("briefing.changes_heading_none"))
        st.caption(tr("briefing.no_previous"))
        return
    st.header(tr_md("briefing.changes_heading", previous=briefing.previous_label))
    st.caption(tr("briefing.changes_intro"))
    lines = []
    for change in briefing.changes:
        line = tr(
            "briefing.change_line",
            theme=change.label,
            before=number(change.before, lang),
            after=number(change.after, lang),
            change=signed(change.change, lang),
        )
        if change.phase_before != change.phase_after:
            moved = tr("briefing.phase_moved", before=change.phase_before, after=change.phase_after)
            line += f" · {moved}"
        if change.went_back:
            line += " " + tr("briefing.phase_back", phase=change.phase_after)
        lines.append(f"- {md(line)}")
    st.markdown("\n".join(lines))


def show_contested_item(item: ContestedItem) -> None:
    with st.container(border=True):
        st.markdown(f"**{md(item.label)}**")
        st.caption(md(item.theme_label))
        st.markdown(md(item.explanation))
        if item.distribution:
            counts = ", ".join(
                tr("briefing.distribution_entry", answer=answer, count=count)
                for answer, count in item.distribution
            )
            st.markdown(md(tr("briefing.distribution", counts=counts)))
        if item.agreed is not None:
            st.markdown(md(tr("briefing.agreed", value=item.agreed)))
        if item.agreed_note:
            st.markdown(tr_md("briefing.agreed_note", note=item.agreed_note))
        if item.notes:
            st.markdown(tr("briefing.notes_heading"))
            for note in item.notes:  # as plain text: no Markdown, no icon shortcode, ever
                st.text(f"“{note}”")


def show_contested(briefing: Briefing) -> None:
    st.header(tr("briefing.contested_heading", count=len(briefing.contested)))
    if not briefing.contested:
        st.caption(tr("briefing.none_contested"))
        return
    st.caption(tr("briefing.contested_intro"))
    for item in briefing.contested[:CONTESTED_SHOWN]:
        show_contested_item(item)
    rest = briefing.contested[CONTESTED_SHOWN:]
    if rest:
        with st.expander(tr("briefing.more_contested", count=len(rest))):
            for item in rest:
                show_contested_item(item)


def show_actions(briefing: Briefing) -> None:
    st.header(tr("briefing.actions_heading", count=len(briefing.actions), overdue=briefing.overdue))
    if not briefing.actions:
        st.caption(tr("briefing.none_open"))
        return
    lines = []
    for action in briefing.actions:
        details = [
            action.theme_label,
            action.owner or tr("briefing.no_owner"),
            tr("briefing.due", date=day(action.due_date, lang))
            if action.due_date
            else tr("briefing.no_due"),
            tr(f"actions.status.{action.status}"),
            tr("briefing.from_scan", scan=action.scan_label),
        ]
        mark = f"**{tr('briefing.overdue')}** · " if action.overdue else ""
        lines.append(f"- {mark}{md(action.title)}  \n{md(' · '.join(details))}")
    st.markdown("\n".join(lines))


st.caption(
    tr_md(
        "briefing.summary",
        scan=scan.label,
        status=tr(f"app.scan_status.{scan.status}"),
        respondents=briefing.respondents,
        phase=briefing.school_phase,
    )
)
briefing_download_button(access, scan, school.name, key="briefing_pdf")
if briefing.too_few:
    st.warning(
        tr("briefing.too_few", respondents=briefing.respondents, size=briefing.group_minimum)
    )

map_column, topics_column = st.columns(2, gap="large")
with map_column:
    st.header(tr("map.title"))
    st.html(
        development_map_html(
            briefing.map_rows,
            caption=tr("map.intro"),
            theme_label=lambda theme_id: rubric.text(rubric.theme(theme_id).label, lang),
            phase_label=lambda phase_id: phase_label(rubric, phase_id, lang),
            state_word=state_words(lang),
            mean_text=lambda mean: phase_mean_text(rubric, mean, lang),
        )
    )
    map_notes.show(rubric, briefing.result, lang)
with topics_column:
    show_topics(briefing)

weakest_column, changes_column = st.columns(2, gap="large")
with weakest_column:
    show_weakest(briefing)
with changes_column:
    show_changes(briefing)
show_contested(briefing)
show_actions(briefing)
