"""The questionnaire's widgets: answer options, and saving each answer the moment it is given."""

from __future__ import annotations

import logging

import streamlit as st

from assessment import store
from assessment.rubric import Criterion, Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, AnswerValue
from assessment.ui import context
from assessment.ui.context import tr, tr_md


def answer_key(scan_id: int, criterion_id: str) -> str:
    return f"answer-{scan_id}-{criterion_id}"


def note_key(scan_id: int, criterion_id: str) -> str:
    return f"note-{scan_id}-{criterion_id}"


def options(criterion: Criterion, rubric: Rubric) -> list[AnswerValue]:
    extra = [DONT_KNOW, NOT_APPLICABLE] if criterion.allow_not_applicable else [DONT_KNOW]
    return [*rubric.scale_values, *extra]


def option_label(value: AnswerValue, rubric: Rubric) -> str:
    lang = context.lang()
    if value == DONT_KNOW:
        return rubric.text(rubric.dont_know.label, lang)
    if value == NOT_APPLICABLE:
        return rubric.text(rubric.not_applicable.label, lang)
    option = next((o for o in rubric.scale if o.value == value), None)
    if option is None:  # not an option: a value a tampered browser sent
        return str(value)
    return f"{value} · {rubric.text(option.label, lang)}"


def seed_widgets(scan_id: int, answers: dict[str, store.AnswerInfo]) -> None:
    """Put saved answers into widgets that are not on screen yet (a reload, another theme)."""
    for criterion_id, answer in answers.items():
        st.session_state.setdefault(answer_key(scan_id, criterion_id), answer.value)
        st.session_state.setdefault(note_key(scan_id, criterion_id), answer.note)


def save(access: store.Access, scan_id: int, criterion_id: str) -> None:
    """on_change callback: store the answer and note exactly as they are on screen now. When that
    fails they stay on screen, with a message saying so (shown by the page)."""
    try:
        value = st.session_state.get(answer_key(scan_id, criterion_id))
        note = st.session_state.get(note_key(scan_id, criterion_id)) or ""
        if value is None:
            store.clear_answer(context.engine(), access, criterion_id, scan_id=scan_id)
        else:
            store.save_answer(context.engine(), access, criterion_id, value, note, scan_id=scan_id)
        st.toast(tr("questionnaire.saved"), icon=":material/check:")
    except store.StoreError as error:
        reason = tr_md(error.key, **error.values)
        st.session_state["save_error"] = tr("questionnaire.not_saved", reason=reason)
    except Exception:  # noqa: BLE001 - a callback's error would reach the user as a traceback
        logging.getLogger("tso").exception("saving an answer failed")
        reason = tr("store.errors.failed")
        st.session_state["save_error"] = tr("questionnaire.not_saved", reason=reason)
