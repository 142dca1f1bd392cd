"""The questionnaire on a 390 × 844 phone with an English browser: Dutch, each theme opens at its
top, a reload resumes at the first open theme, notes survive, and submitting asks first."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from assessment import store
from assessment.rubric import load_rubric

RUBRIC = load_rubric()
THEMES = RUBRIC.theme_list
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="en-GB", has_touch=True)
    yield context.new_page()
    context.close()


def new_respondent(server, started: bool = False) -> tuple[str, store.Access]:
    coordinator = store.resolve_code(server.engine, server.coordinator)
    code = store.issue_code(server.engine, coordinator, "respondent", scan_id=server.scan.id).code
    access = store.resolve_code(server.engine, code)
    if started:
        store.start_respondent(server.engine, access, None)
    return code, access


def question(page: Page, criterion) -> Locator:
    label = RUBRIC.text(criterion.label, "nl")
    return page.get_by_role("radiogroup", name=re.compile(re.escape(label)))


def card(page: Page, criterion) -> Locator:
    return page.get_by_test_id("stVerticalBlock").filter(has=question(page, criterion)).last


def answer(page: Page, criterion, value: int) -> None:
    group = question(page, criterion)
    group.get_by_test_id("stRadioOption").filter(has_text=re.compile(rf"^{value} · ")).click()
    expect(group.get_by_role("radio", name=re.compile(rf"^{value} · "))).to_be_checked()
    # A saved answer gets its note: the expander appears once the run is done.
    expect(card(page, criterion).get_by_text("Toelichting", exact=True)).to_be_visible()


def assert_in_view(locator: Locator) -> None:
    expect(locator).to_be_in_viewport(ratio=1)
    box = locator.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def main_scroll(page: Page) -> float:
    return page.get_by_test_id("stMain").evaluate("m => m.scrollTop")


def open_questionnaire(page: Page, server, code: str) -> None:
    page.goto(f"{server.url}/vragenlijst?code={code}")
    expect(page.get_by_role("heading", name="Vragenlijst", level=1)).to_be_visible(timeout=20000)


def test_volgend_and_vorig_thema_open_the_theme_at_its_first_question(phone: Page, server):
    code, _ = new_respondent(server)
    open_questionnaire(phone, server, code)
    phone.get_by_role("button", name="Beginnen").click()
    assert_in_view(question(phone, THEMES[0].criteria[0]))

    phone.get_by_role("button", name="Volgend thema").click()  # Playwright scrolls down to it
    expect(phone.get_by_role("heading", name=RUBRIC.text(THEMES[1].label, "nl"))).to_be_visible()
    assert_in_view(question(phone, THEMES[1].criteria[0]))

    phone.get_by_role("button", name="Vorig thema").scroll_into_view_if_needed()
    assert main_scroll(phone) > PHONE["height"]  # the theme is long: we really were down there
    phone.get_by_role("button", name="Vorig thema").click()
    expect(phone.get_by_role("heading", name=RUBRIC.text(THEMES[0].label, "nl"))).to_be_visible()
    assert_in_view(question(phone, THEMES[0].criteria[0]))


def test_a_reload_opens_the_first_theme_with_an_open_question(phone: Page, server):
    code, me = new_respondent(server, started=True)
    first, second, third = THEMES[:3]
    for criterion in [*first.criteria, *second.criteria[:-1]]:
        store.save_answer(server.engine, me, criterion.id, 2)
    open_questionnaire(phone, server, code)
    expect(phone.get_by_role("heading", name=RUBRIC.text(second.label, "nl"))).to_be_attached()
    assert_in_view(question(phone, second.criteria[-1]))  # where the respondent stopped
    expect(phone.get_by_text(re.compile(r"^Thema 2 van \d+ · "))).to_be_in_viewport()

    answer(phone, second.criteria[-1], 1)
    phone.reload()
    expect(phone.get_by_role("heading", name=RUBRIC.text(third.label, "nl"))).to_be_visible(
        timeout=20000
    )
    assert_in_view(question(phone, third.criteria[0]))


def test_a_note_saved_with_bewaar_notitie_survives_a_reload(phone: Page, server):
    code, me = new_respondent(server)
    criterion = THEMES[0].criteria[0]
    open_questionnaire(phone, server, code)
    phone.get_by_role("button", name="Beginnen").click()
    answer(phone, criterion, 2)
    card(phone, criterion).get_by_text("Toelichting", exact=True).click()
    note = card(phone, criterion).get_by_role("textbox", name="Toelichting (niet verplicht)")
    note.fill("De werkgroep komt elke maand bij elkaar.")
    expect(phone.get_by_text("Press Ctrl+Enter to apply")).not_to_be_visible()
    card(phone, criterion).get_by_role("button", name="Bewaar notitie").click()
    expect(card(phone, criterion).get_by_text("Toelichting ✓")).to_be_visible()

    phone.reload()
    expect(note).to_have_value("De werkgroep komt elke maand bij elkaar.", timeout=20000)
    assert store.my_answers(server.engine, me)[criterion.id].note == (
        "De werkgroep komt elke maand bij elkaar."
    )


def test_a_note_over_the_limit_gets_a_dutch_message_and_stays(phone: Page, server):
    code, me = new_respondent(server)
    criterion = THEMES[0].criteria[0]
    open_questionnaire(phone, server, code)
    phone.get_by_role("button", name="Beginnen").click()
    answer(phone, criterion, 3)
    card(phone, criterion).get_by_text("Toelichting", exact=True).click()
    note = card(phone, criterion).get_by_role("textbox", name="Toelichting (niet verplicht)")
    too_long = "Een lange toelichting. " * 100  # 2.300 characters, 2.299 without the last space
    note.fill(too_long)
    card(phone, criterion).get_by_role("button", name="Bewaar notitie").click()
    message = card(phone, criterion).get_by_text(
        "Je toelichting is 2.299 tekens lang; er passen er 2.000 in."
    )
    expect(message).to_be_visible()
    expect(note).to_have_value(too_long)
    assert store.my_answers(server.engine, me)[criterion.id].note == ""


def choose_last_theme(page: Page) -> None:
    choice = page.get_by_role("combobox", name="Naar een ander thema")
    expect(choice).to_be_visible(timeout=20000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)  # widgets load lazily
    choice.scroll_into_view_if_needed()  # a click while the page still scrolls opens nothing
    expect(choice).to_be_in_viewport()
    choice.click()
    page.get_by_role("option", name=re.compile(rf"^{len(THEMES)}\. ")).click()
    heading = page.get_by_role("heading", name=RUBRIC.text(THEMES[-1].label, "nl"))
    expect(heading).to_be_visible()
    assert_in_view(heading)


def test_submitting_asks_first_and_names_the_open_questions(phone: Page, server):
    code, me = new_respondent(server, started=True)
    for criterion in RUBRIC.criteria[:3]:
        store.save_answer(server.engine, me, criterion.id, 2)
    open_questionnaire(phone, server, code)
    choose_last_theme(phone)
    phone.get_by_role("button", name="Versturen").click()
    open_count = len(RUBRIC.criteria) - 3
    warning = phone.get_by_text(f"Er staan nog {open_count} vragen open.")
    expect(warning).to_be_visible()
    assert_in_view(warning)
    assert_in_view(phone.get_by_role("button", name="Ja, versturen"))
    assert store.my_respondent(server.engine, me).submitted_at is None

    phone.get_by_role("button", name="Ja, versturen").click()
    expect(phone.get_by_text("Bedankt, je antwoorden zijn verstuurd.").first).to_be_in_viewport()
    assert store.my_respondent(server.engine, me).submitted_at is not None


def test_submitting_without_an_answer_is_impossible(phone: Page, server):
    code, me = new_respondent(server, started=True)
    open_questionnaire(phone, server, code)
    choose_last_theme(phone)
    expect(phone.get_by_role("button", name="Versturen")).to_be_disabled()
    expect(phone.get_by_text("Beantwoord eerst minstens één vraag")).to_be_visible()
    assert store.my_respondent(server.engine, me).submitted_at is None
