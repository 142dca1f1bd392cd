"""The plan table in a real browser while a colleague changes the plan: the edit typed in the grid
stays, the save is refused with what changed, and saving over it keeps the colleague's cells."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from assessment import store
from tests.factories import make_scan, make_school

OWNER_X = 40 + 300 + 165 + 50  # row markers, title and theme columns, then into the owner cell


def settled(page: Page) -> None:
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=10000
    )


def test_a_colleague_s_change_is_shown_and_the_typed_owner_kept(page: Page, server):
    engine = server.engine
    school = make_school(engine, name="OBS Tegelijk", board="Stichting Tegelijk")
    code, coordinator = school.coordinator_code, school.coordinator
    studiedag = {"theme": "draagvlak", "title": "Studiedag", "owner": ""}
    scan = make_scan(engine, school, actions=[studiedag])
    [action] = scan.actions

    page.goto(server.url)
    page.get_by_label("Jouw code", exact=True).fill(code)
    page.get_by_role("button", name="Openen").click()
    page.get_by_role("link", name="Actieplan").click()
    expect(page.get_by_role("heading", name="Het plan")).to_be_visible(timeout=20000)
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid.locator("canvas").first).to_be_visible(timeout=10000)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + OWNER_X, box["y"] + 36 + 18)  # row 1, owner
    page.wait_for_timeout(300)
    page.keyboard.type("Bram", delay=30)
    page.keyboard.press("Enter")
    settled(page)
    expect(page.get_by_text("Niet-opgeslagen wijzigingen", exact=False)).to_be_visible()

    store.update_action(
        engine, coordinator, action.id, version=action.version, title="Studiedag maart"
    )
    page.get_by_role("button", name="Plan opslaan").click()
    expect(
        page.get_by_text("Iemand anders heeft het plan intussen gewijzigd", exact=False)
    ).to_be_visible(timeout=10000)
    expect(
        page.get_by_text("Actie nu ‘Studiedag maart’ (was ‘Studiedag’)", exact=False)
    ).to_be_visible()
    expect(page.get_by_text("Niet-opgeslagen wijzigingen", exact=False)).to_be_visible()
    [now] = store.list_actions(engine, coordinator, scan.id)
    assert (now.title, now.owner) == ("Studiedag maart", "")

    page.get_by_role("button", name="Mijn wijzigingen alsnog opslaan").click()
    expect(page.get_by_text("Het plan is opgeslagen.")).to_be_visible(timeout=10000)
    [now] = store.list_actions(engine, coordinator, scan.id)
    assert (now.title, now.owner) == ("Studiedag maart", "Bram")
