"""The phone's chrome at 390 px (Chromium): a page chosen in the drawer closes the drawer, and
saving an answer confirms in the question's card, never over the sticky progress bar."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from assessment.rubric import load_rubric
from tests.e2e.browser_checks import WAIT, wait_until_drawn
from tests.e2e.test_journeys import shoot, wait_until_saved

PHONE = {"width": 390, "height": 844}
RUBRIC = load_rubric()

# Which element is on top at the middle of the progress bar: the bar's own or something over it.
_ON_TOP_OF_PROGRESS = """() => {
  const bar = document.querySelector('.st-key-sticky-progress [data-testid=stProgress]');
  const box = bar.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {inside: bar.contains(top) || top.closest('.st-key-sticky-progress') !== null,
          top: box.top};
}"""


def test_choosing_a_page_in_the_drawer_closes_it(page: Page, server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/?code={server.coordinator}")
    wait_until_drawn(page)
    drawer = page.get_by_test_id("stSidebar")
    expect(drawer).to_have_attribute("data-collapsed", "true")
    for name, heading in [("Resultaten", "Resultaten"), ("Actieplan", "Actieplan")]:
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(drawer).to_have_attribute("data-collapsed", "false")
        drawer.get_by_role("link", name=name).click()
        expect(page.get_by_role("heading", name=re.compile(heading))).to_be_visible(timeout=WAIT)
        expect(drawer).to_have_attribute("data-collapsed", "true", timeout=WAIT)
    wait_until_drawn(page)
    shoot(page, "phone-after-choosing-a-page")


def test_saving_an_answer_confirms_in_the_card_not_over_the_progress(page: Page, server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/vragenlijst?code={server.respondent}")
    wait_until_drawn(page)
    start = page.get_by_role("button", name="Beginnen")
    if start.count():
        start.click()
    # one every role is asked: another test of the session may have given this respondent a role
    criterion = next(c for c in RUBRIC.theme_list[0].criteria if not c.answered_by)
    label = RUBRIC.text(criterion.label, "nl")
    group = page.get_by_role("radiogroup", name=re.compile(re.escape(label)))
    group.scroll_into_view_if_needed()
    group.get_by_text(re.compile(r"^2 · ")).click()
    wait_until_saved(server, criterion.id, 2)
    card = page.locator(f".st-key-scroll-target-{criterion.id}")
    expect(card.get_by_text("Bewaard")).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stToast")).to_have_count(0)
    on_top = page.evaluate(_ON_TOP_OF_PROGRESS)
    assert on_top["inside"], on_top
    shoot(page, "phone-answer-saved")
