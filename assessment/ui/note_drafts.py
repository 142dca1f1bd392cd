"""Drafts of the questionnaire's notes, kept in the browser until they are saved: a note typed on a
phone that locks (the page reloads) is put back instead of lost. A draft stays on this device
(localStorage, never the access code) and goes once the saved note equals it (README, privacy)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from string import Template

import streamlit as st

from assessment.ui import questionnaire
from assessment.ui.context import tr

_PREFIX = "note-draft-"

# Runs in the main document. Typing stores the text area's text under the note's storage key;
# on every run (the notes' saved texts are in the body, so a save runs it again) and whenever the
# page changes, a draft equal to the saved note is removed, and another one is put back into a
# text area that shows the saved note, through the native setter and an input event (so React
# keeps it), with a line that says so. The listeners are installed once per page load.
_SCRIPT = Template("""
(() => {
  const w = window;
  w.tsoNotes = $notes;
  w.tsoNoteMessage = $message;
  let store;
  try { store = w.localStorage; } catch (e) { return; }
  const noteOf = (area) => {
    const box = area.closest('[class*="st-key-$prefix"]');
    if (!box) return null;
    const name = [...box.classList].find((c) => c.startsWith('st-key-$prefix'));
    return w.tsoNotes[name.slice('st-key-'.length)] || null;
  };
  const sync = () => {
    for (const [name, note] of Object.entries(w.tsoNotes)) {
      const draft = store.getItem(note.storage);
      const box = document.querySelector('.st-key-' + name);
      if (draft === null || !box) continue;
      const area = box.querySelector('textarea');
      const line = box.querySelector('.tso-note-restored');
      if (draft.trim() === note.saved) {
        store.removeItem(note.storage);
        if (line) line.remove();
        continue;
      }
      const closed = box.querySelector('details:not([open]) > summary');
      if (closed) { closed.click(); continue; }
      if (!area || area.value.trim() !== note.saved) continue;
      const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      set.call(area, draft);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      w.tsoNotePending.add(area);
      const field = area.closest('[data-testid="stTextArea"]');
      if (field && !line) {
        const p = document.createElement('p');
        p.className = 'tso-note-restored';
        p.setAttribute('role', 'status');
        p.textContent = w.tsoNoteMessage;
        field.after(p);
      }
    }
  };
  if (!w.tsoNoteDrafts) {
    w.tsoNoteDrafts = true;
    document.addEventListener('input', (event) => {
      const area = event.target;
      if (!(area instanceof HTMLTextAreaElement)) return;
      const note = noteOf(area);
      if (!note) return;
      if (area.value.trim() === note.saved) store.removeItem(note.storage);
      else store.setItem(note.storage, area.value);
    }, true);
    // Streamlit takes a text area's text when it loses focus; a restored one never had it.
    // Focus it as "Bewaar notitie" is pressed, so that pressing takes the focus and the text.
    w.tsoNotePending = new WeakSet();
    document.addEventListener('pointerdown', (event) => {
      const box = event.target.closest && event.target.closest('[class*="st-key-$prefix"]');
      const area = box && box.querySelector('textarea');
      if (area && area !== event.target && w.tsoNotePending.has(area)) {
        w.tsoNotePending.delete(area);
        area.focus({ preventScroll: true });
      }
    }, true);
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; w.tsoNoteSync(); });
    }).observe(document.body, { childList: true, subtree: true });
  }
  w.tsoNoteSync = sync;
  sync();
})();
""")

_STYLE = "<style>.tso-note-restored { margin: 0.25rem 0 0; font-size: 0.875rem; }</style>"


def container_key(scan_id: int, criterion_id: str) -> str:
    """The key of the container around a note, by which the browser finds its text area."""
    return f"{_PREFIX}{scan_id}-{criterion_id}"


def keep(scan_id: int, respondent_id: int, criterion_ids: Iterable[str]) -> None:
    """Keep drafts of the notes of these criteria (those on screen with a note); call it last."""
    notes = {
        container_key(scan_id, criterion_id): {
            # Per respondent too: two colleagues may answer the same scan on one computer.
            "storage": f"tso-note-draft:{scan_id}:{respondent_id}:{criterion_id}",
            "saved": questionnaire.saved_note(scan_id, criterion_id),
        }
        for criterion_id in criterion_ids
    }
    if not notes:
        return
    script = _SCRIPT.substitute(
        prefix=_PREFIX,
        notes=_js(notes),
        message=_js(tr("questionnaire.note_draft_restored")),
    )
    st.html(f"{_STYLE}<script>{script}</script>", unsafe_allow_javascript=True)


def _js(value: object) -> str:
    """JSON that cannot end the script element, whatever a note holds."""
    return json.dumps(value).replace("<", "\\u003c")
