"""The language choice lasts (Chromium): English chosen before signing in stays English after
signing in, after a reload and in a new tab; a respondent on a phone chooses English in one tap
(in the top bar, the drawer closed) and keeps it on reloading their link."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.browser_checks import WAIT, wait_until_drawn
from tests.e2e.test_journeys import shoot
from tests.factories import make_school

PHONE = {"width": 390, "height": 844}


def choose_english(page: Page) -> None:
    switch = page.locator(".st-key-language_top")
    english = switch.get_by_role("radio", name="English")
    expect(english).to_be_in_viewport(timeout=WAIT)
    english.click()
    expect(english).to_have_attribute("aria-checked", "true", timeout=WAIT)


def test_english_lasts_through_sign_in_reload_and_a_new_tab(page: Page, server):
    code = make_school(server.engine, name="OBS De Taal", board="Stichting Taal").coordinator_code

    page.goto(server.url)
    wait_until_drawn(page)
    choose_english(page)
    expect(page.get_by_role("heading", name="TSO Self-scan")).to_be_visible(timeout=WAIT)
    page.get_by_role("textbox", name="Your code").fill(code)
    page.get_by_role("button", name="Open", exact=True).click()
    expect(page.get_by_role("button", name="Sign out")).to_be_attached(timeout=WAIT)
    expect(page.get_by_role("heading", name="OBS De Taal")).to_be_visible(timeout=WAIT)

    page.reload()
    expect(page.get_by_role("button", name="Sign out")).to_be_attached(timeout=WAIT)
    expect(page.get_by_role("link", name="Results")).to_be_visible()

    tab = page.context.new_page()
    tab.goto(f"{server.url}/resultaten")
    expect(tab.get_by_role("heading", name="Results", exact=True)).to_be_visible(timeout=WAIT)

    tab.locator(".st-key-language_top").get_by_role("radio", name="Nederlands").click()
    expect(tab.get_by_role("heading", name="Resultaten", exact=True)).to_be_visible(timeout=WAIT)
    tab.reload()
    expect(tab.get_by_role("heading", name="Resultaten", exact=True)).to_be_visible(timeout=WAIT)
    assert "lang=" not in tab.url


def test_a_respondent_on_a_phone_chooses_english_in_one_tap_and_keeps_it(page: Page, server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/vragenlijst?code={server.respondent}")
    wait_until_drawn(page)
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    choose_english(page)
    expect(page.get_by_role("heading", name="Questionnaire")).to_be_visible(timeout=WAIT)
    assert "lang=en" in page.url and f"code={server.respondent}" in page.url
    shoot(page, "phone-english")

    page.reload()
    expect(page.get_by_role("heading", name="Questionnaire")).to_be_visible(timeout=WAIT)
    tab = page.context.new_page()
    tab.set_viewport_size(PHONE)
    tab.goto(f"{server.url}/vragenlijst?code={server.respondent}")  # the link as handed out
    expect(tab.get_by_role("heading", name="Questionnaire")).to_be_visible(timeout=WAIT)
