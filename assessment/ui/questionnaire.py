"""The questionnaire's widgets: answer options, and saving each answer and note as it is given."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import streamlit as st
from babel.numbers import format_decimal

from assessment import store
from assessment.rubric import Criterion, Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, AnswerValue
from assessment.store.tables import NOTE_LENGTH
from assessment.ui import context
from assessment.ui.context import tr, tr_md

_CONFIRMED = "questionnaire_confirmed"  # (criterion id, locale key) of the last save


def answer_key(scan_id: int, criterion_id: str) -> str:
    return f"answer-{scan_id}-{criterion_id}"


def note_key(scan_id: int, criterion_id: str) -> str:
    return f"note-{scan_id}-{criterion_id}"


def _saved_note_key(scan_id: int, criterion_id: str) -> str:
    return f"saved-note-{scan_id}-{criterion_id}"


def _note_error_key(scan_id: int, criterion_id: str) -> str:
    return f"note-error-{scan_id}-{criterion_id}"


def tr_count(key: str, count: int, **values: Any) -> str:
    """``key.one`` for one, ``key.other`` for any other count."""
    return tr(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)


def options(criterion: Criterion, rubric: Rubric) -> list[AnswerValue]:
    extra: list[AnswerValue] = (
        [DONT_KNOW, NOT_APPLICABLE] if criterion.allow_not_applicable else [DONT_KNOW]
    )
    return [*rubric.scale_values, *extra]


def option_label(value: object, rubric: Rubric) -> str:
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
    """Put saved answers into widgets that are not on screen yet (a reload, another theme), and
    remember each saved note: an answer given while its note is too long keeps the saved one."""
    for criterion_id, answer in answers.items():
        st.session_state.setdefault(answer_key(scan_id, criterion_id), answer.value)
        st.session_state.setdefault(note_key(scan_id, criterion_id), answer.note)
        st.session_state[_saved_note_key(scan_id, criterion_id)] = answer.note


def saved_note(scan_id: int, criterion_id: str) -> str:
    note: str = st.session_state.get(_saved_note_key(scan_id, criterion_id), "")
    return note


def note_too_long(scan_id: int, criterion_id: str) -> str | None:
    """The Dutch (or English) sentence for a note over the limit, or None."""
    length = st.session_state.get(_note_error_key(scan_id, criterion_id))
    if length is None:
        return None
    lang = context.lang()
    return tr(
        "questionnaire.note_too_long",
        length=format_decimal(length, locale=lang),
        limit=format_decimal(NOTE_LENGTH, locale=lang),
    )


def _note_on_screen(scan_id: int, criterion_id: str) -> str | None:
    """The note as typed, or None (and the reason remembered) when it is too long to save."""
    note = (st.session_state.get(note_key(scan_id, criterion_id)) or "").strip()
    if len(note) > NOTE_LENGTH:
        st.session_state[_note_error_key(scan_id, criterion_id)] = len(note)
        return None
    st.session_state.pop(_note_error_key(scan_id, criterion_id), None)
    return note


def save_answer(access: store.Access, scan_id: int, criterion_id: str) -> None:
    """on_change of an answer: store the answer only; the note saved earlier stays (another tab
    may just have saved it) and, unless one is being typed here, shows as stored."""
    value = st.session_state.get(answer_key(scan_id, criterion_id))
    if value is None:
        _store(
            lambda: store.clear_answer(context.engine(), access, criterion_id, scan_id=scan_id),
            "questionnaire.saved",
            criterion_id,
        )
        return
    saved = _store(
        lambda: store.save_answer(context.engine(), access, criterion_id, value, scan_id=scan_id),
        "questionnaire.saved",
        criterion_id,
    )
    if saved is not None:
        on_screen = (st.session_state.get(note_key(scan_id, criterion_id)) or "").strip()
        if on_screen == saved_note(scan_id, criterion_id):  # no note being typed here
            st.session_state[note_key(scan_id, criterion_id)] = saved.note
        st.session_state[_saved_note_key(scan_id, criterion_id)] = saved.note


def save_note(access: store.Access, scan_id: int, criterion_id: str) -> None:
    """on_change of a note and its "Bewaar notitie" button: store the note only (the answer
    saved earlier stays); a note over the limit is not saved and stays on screen with a message."""
    value = st.session_state.get(answer_key(scan_id, criterion_id))
    note = _note_on_screen(scan_id, criterion_id)
    if note is None or value is None:
        return
    if note == saved_note(scan_id, criterion_id):
        return  # already saved, e.g. on leaving the box just before the button was pressed
    saved = _store(
        lambda: store.save_note(context.engine(), access, criterion_id, note, scan_id=scan_id),
        "questionnaire.note_saved",
        criterion_id,
    )
    if saved is not None:
        st.session_state[_saved_note_key(scan_id, criterion_id)] = saved.note


def _store(
    save: Callable[[], store.AnswerInfo | None], confirmation: str, criterion_id: str
) -> store.AnswerInfo | None:
    """``save()``'s result, or None after saying on the page that it was not saved (the answer
    and note stay on screen). The confirmation stands in the question's own card (``confirmed``):
    a toast lay over the progress bar on a phone for seconds after every answer."""
    try:
        saved = save()
    except store.StoreError as error:
        reason = tr_md(error.key, **error.values)
        st.session_state["save_error"] = tr("questionnaire.not_saved", reason=reason)
        return None
    except Exception:  # noqa: BLE001 - a callback's error would reach the user as a traceback
        logging.getLogger("tso").exception("saving an answer failed")
        reason = tr("store.errors.failed")
        st.session_state["save_error"] = tr("questionnaire.not_saved", reason=reason)
        return None
    st.session_state[_CONFIRMED] = (criterion_id, confirmation)
    return saved


def confirmed(criterion_id: str) -> str | None:
    """The confirmation of the last save when it was this question's, else None."""
    last = st.session_state.get(_CONFIRMED)
    return tr(last[1]) if last and last[0] == criterion_id else None
