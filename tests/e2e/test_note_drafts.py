"""A note typed but not saved survives a reload on a 390 px phone (a phone that locks reloads the
page): the browser keeps a draft until the saved note equals it, and never a stale one."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from assessment import store
from tests.e2e.browser_checks import axe_violations
from tests.e2e.test_questionnaire_phone import (
    THEMES,
    answer,
    card,
    new_respondent,
    open_questionnaire,
    phone,  # noqa: F401 - the fixture
)

NOTE = "We oefenen de time-in elke ochtend in groep 5."
RESTORED = "Je niet-bewaarde toelichting is teruggezet; klik op Bewaar notitie."


def drafts(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage)"
        ".filter((k) => k.startsWith('tso-note-draft:')).map((k) => [k, localStorage[k]]))"
    )


def test_a_typed_note_is_back_after_a_reload_and_goes_once_saved(phone: Page, server):  # noqa: F811
    code, me = new_respondent(server)
    criterion = THEMES[0].criteria[0]
    open_questionnaire(phone, server, code)
    phone.get_by_role("button", name="Beginnen").click()
    answer(phone, criterion, 2)
    card(phone, criterion).get_by_text("Toelichting", exact=True).click()
    note = card(phone, criterion).get_by_role("textbox", name="Toelichting (niet verplicht)")
    note.press_sequentially(NOTE)  # typed, never saved: no blur, no button
    assert list(drafts(phone).values()) == [NOTE]
    assert code not in "".join(drafts(phone))  # the key names scan and question, not the code

    phone.reload()
    expect(note).to_have_value(NOTE, timeout=20000)
    expect(card(phone, criterion).get_by_role("status")).to_have_text(RESTORED)
    assert axe_violations(phone) == []  # the line added beside the text area included
    assert store.my_answers(server.engine, me)[criterion.id].note == ""  # still only a draft

    card(phone, criterion).get_by_role("button", name="Bewaar notitie").click()
    expect(card(phone, criterion).get_by_text("Toelichting ✓")).to_be_visible()
    expect(phone.get_by_text(RESTORED)).to_have_count(0)
    assert store.my_answers(server.engine, me)[criterion.id].note == NOTE
    assert drafts(phone) == {}

    phone.reload()
    expect(note).to_have_value(NOTE, timeout=20000)
    expect(phone.get_by_text(RESTORED)).to_have_count(0)
    assert drafts(phone) == {}
