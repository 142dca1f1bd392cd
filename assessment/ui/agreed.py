"""Bespreken's agreed values: the widgets show what is stored, and a save names the version they
show, so an agreed value set meanwhile by a colleague is never overwritten silently.

Every edit on Bespreken is saved at once, so the widgets never hold unsaved work: when the stored
value changed since they were filled (a colleague on another screen), they show the new one.
"""

from __future__ import annotations

from typing import cast

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.scoring import AnswerValue
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.questionnaire import option_label


def value_key(scan_id: int, criterion_id: str) -> str:
    return f"agreed-{scan_id}-{criterion_id}"


def note_key(scan_id: int, criterion_id: str) -> str:
    return f"agreed-note-{scan_id}-{criterion_id}"


def _version_key(scan_id: int, criterion_id: str) -> str:
    return f"agreed-version-{scan_id}-{criterion_id}"


def show_stored(scan_id: int, criterion_id: str, data: store.ScanData, *, none: str) -> None:
    """Before the widgets are drawn: fill them with the stored agreed value (``none`` when there
    is none) and note when they are new or the value changed since, and remember its version."""
    version = data.agreed_versions.get(criterion_id, 0)
    if (
        st.session_state.get(_version_key(scan_id, criterion_id)) != version
        or value_key(scan_id, criterion_id) not in st.session_state
    ):
        _show(scan_id, criterion_id, data.agreed.get(criterion_id, none), version, none=none)
        st.session_state[note_key(scan_id, criterion_id)] = data.agreed_notes.get(criterion_id, "")


def save(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    criterion_id: str,
    value: AnswerValue | str,
    note: str,
    *,
    none: str,
) -> None:
    """Store ``value`` and ``note`` (clear the agreed value when ``value`` is ``none``) as a change
    of the version the widgets show. When a colleague changed it meanwhile nothing is saved, the
    widgets show the value as it is now, and a StoreError says what it is and what was chosen."""
    seen = st.session_state.get(_version_key(scan_id, criterion_id), 0)
    try:
        if value == none:
            store.clear_agreed(engine, access, scan_id, criterion_id, version=seen)
            version = 0
        else:
            chosen = cast(AnswerValue, value)  # not ``none``: an option, which the store checks
            saved = store.set_agreed(
                engine, access, scan_id, criterion_id, chosen, note, version=seen
            )
            version = saved.version
    except store.Conflict as conflict:
        current: store.AgreedInfo | None = conflict.current.get(criterion_id)
        mine = _describe(value, note, none)
        if current is None:
            _show(scan_id, criterion_id, none, 0, none=none)
            st.session_state[note_key(scan_id, criterion_id)] = ""
        else:
            _show(scan_id, criterion_id, current.value, current.version, none=none)
            st.session_state[note_key(scan_id, criterion_id)] = current.note
        raise _changed_meanwhile(criterion_id, current, mine, none) from None
    st.session_state[_version_key(scan_id, criterion_id)] = version


def _show(
    scan_id: int, criterion_id: str, value: AnswerValue | str, version: int, *, none: str
) -> None:
    st.session_state[value_key(scan_id, criterion_id)] = value
    st.session_state[_version_key(scan_id, criterion_id)] = version


def _describe(value: AnswerValue | str, note: str, none: str) -> str:
    if value == none:
        return tr("discuss.no_agreed")
    label = option_label(value, context.rubric())
    note = (note or "").strip()
    return tr("discuss.value_with_note", value=label, note=note) if note else label


def _changed_meanwhile(
    criterion_id: str, current: store.AgreedInfo | None, mine: str, none: str
) -> store.StoreError:
    rubric = context.rubric()
    criterion = rubric.text(rubric.criterion(criterion_id).label, context.lang())
    if current is None:
        return store.StoreError("discuss.cleared_meanwhile", criterion=criterion, mine=mine)
    now = _describe(current.value, current.note, none)
    return store.StoreError("discuss.changed_meanwhile", criterion=criterion, now=now, mine=mine)
