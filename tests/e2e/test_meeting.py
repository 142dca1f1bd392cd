"""Bespreken in Chromium: "Vorige" goes back to the item just settled, the counts follow each
save, Resultaten counts the contested items with an agreement, and presentation mode makes the
card readable from the back of a room (every text at least 24 px at 1280 px)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from assessment.rubric import load_rubric
from tests.e2e.browser_checks import WAIT, wait_until_drawn
from tests.e2e.test_journeys import shoot
from tests.factories import make_scan, make_school

RUBRIC = load_rubric()
CONTESTED = [c.id for c in RUBRIC.criteria[:3]]  # 0 and 1 against 3: split teams
SPLIT = (0, 1, 3, 3)

# The smallest computed font size of any text in the card, and of its paragraphs.
_SMALLEST_TEXT = """() => {
  const card = document.querySelector('.st-key-discuss_item_card');
  const sizes = [...card.querySelectorAll('p, span, li, label, div[data-testid=stText], input')]
    .filter(el => el.offsetParent !== null && el.textContent.trim()
                  && !el.closest('[data-testid=stIconMaterial]'))
    .map(el => parseFloat(getComputedStyle(el).fontSize));
  return Math.min(...sizes);
}"""


def label(criterion_id: str) -> str:
    return RUBRIC.text(RUBRIC.criterion(criterion_id).label, "nl")


@pytest.fixture
def meeting(server):
    """A school of its own whose scan has three contested criteria; its coordinator code."""
    school = make_school(server.engine, name="OBS De Vergadering", board="Stichting Vergadering")
    answers = [dict.fromkeys(CONTESTED, value) for value in SPLIT]
    make_scan(server.engine, school, rubric=RUBRIC, answers=answers)
    return school.coordinator_code


def sign_in(page: Page, server, code: str) -> None:
    page.goto(f"{server.url}/?code={code}")
    expect(page.get_by_role("button", name="Afmelden")).to_be_attached(timeout=WAIT)
    for _ in range(100):  # the hand-over to the session cookie has finished
        if any(c["name"] == "tso_sessie" for c in page.context.cookies()):
            break
        page.wait_for_timeout(100)


def card_title(page: Page):
    return page.locator(".st-key-discuss_item_card h2")


def agree(page: Page, value: str) -> None:
    card = page.locator(".st-key-discuss_item_card")
    card.get_by_test_id("stSelectbox").get_by_role("button", name="Open").click()
    page.get_by_role("option", name=re.compile(rf"^{value} · ")).click()
    card.get_by_role("button", name="Afspraak opslaan").click()
    expect(card.get_by_text("Opgeslagen.", exact=False)).to_be_visible(timeout=WAIT)
    wait_until_drawn(page)


def test_previous_returns_to_the_item_just_settled_and_the_counts_follow(
    page: Page, server, meeting
):
    sign_in(page, server, meeting)
    page.goto(f"{server.url}/bespreken")
    wait_until_drawn(page)
    filters = page.get_by_test_id("stButtonGroup").filter(has_text="Te bespreken")
    to_discuss = int(re.search(r"Te bespreken \((\d+)\)", filters.inner_text())[1])
    assert to_discuss >= 3  # the three contested criteria, then what nobody could judge
    first = card_title(page).inner_text()

    agree(page, "2")
    expect(filters.get_by_text(f"Te bespreken ({to_discuss - 1})")).to_be_visible(timeout=WAIT)
    expect(filters.get_by_text("Besproken (1)")).to_be_visible(timeout=WAIT)
    expect(card_title(page)).to_have_text(first, timeout=WAIT)  # the settled item stays on screen

    page.get_by_role("button", name="Volgende").click()
    wait_until_drawn(page)
    expect(page.get_by_text(f"Criterium 2 van {to_discuss}").first).to_be_visible(timeout=WAIT)
    assert card_title(page).inner_text() != first
    previous = page.get_by_role("button", name="Vorige")
    expect(previous).to_be_enabled(timeout=WAIT)
    previous.click()
    wait_until_drawn(page)
    expect(card_title(page)).to_have_text(first, timeout=WAIT)
    expect(page.get_by_text(f"Criterium 1 van {to_discuss}").first).to_be_visible(timeout=WAIT)

    page.goto(f"{server.url}/resultaten")
    wait_until_drawn(page)
    expect(
        page.get_by_text(re.compile(r"sterk van mening verschilt: 3, waarvan 1 besproken"))
    ).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Bespreek de andere 2 op Bespreken.", exact=False)).to_be_visible()


def test_presentation_mode_makes_every_text_of_the_card_at_least_24_px(page: Page, server, meeting):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, server, meeting)
    page.goto(f"{server.url}/bespreken")
    wait_until_drawn(page)
    assert page.evaluate(_SMALLEST_TEXT) < 24  # the ordinary card: 14 and 16 px
    page.get_by_test_id("stMain").get_by_text("Presentatiemodus").click()
    wait_until_drawn(page)
    assert page.evaluate(_SMALLEST_TEXT) >= 24
    page.locator(".st-key-discuss_item_card").scroll_into_view_if_needed()
    shoot(page, "bespreken-presentatiemodus")
