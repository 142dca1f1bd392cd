"""The plan table in a real browser: a new row typed without a theme is named, never dropped."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from assessment import store


def test_a_typed_row_without_a_theme_is_refused_by_name_and_nothing_is_saved(page: Page, server):
    page.goto(server.url)
    page.get_by_label("Jouw code", exact=True).fill(server.coordinator)
    page.get_by_role("button", name="Openen").click()
    page.get_by_role("link", name="Actieplan").click()
    expect(page.get_by_role("heading", name="Het plan")).to_be_visible(timeout=20000)
    grid = page.locator('[data-testid="stDataFrame"]').first
    expect(grid.locator("canvas").first).to_be_visible(timeout=10000)
    box = grid.bounding_box()
    # a click on the empty row at the bottom selects it; typing adds a row with that title
    page.mouse.click(box["x"] + 80, box["y"] + box["height"] - 20)
    page.wait_for_timeout(300)  # as a person does: the grid takes keys once it shows the cell
    page.keyboard.type("Leesmoment na de pauze", delay=30)
    page.keyboard.press("Enter")
    # the edit reaches the server in a rerun of its own; save only after that run
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=10000
    )

    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_text("Regel 1 (‘Leesmoment na de pauze’): kies een thema.")).to_be_visible(
        timeout=10000
    )
    expect(page.get_by_text("Er is niets opgeslagen", exact=False)).to_be_visible()
    expect(page.get_by_text("Het plan is opgeslagen.")).to_have_count(0)
    coordinator = store.resolve_code(server.engine, server.coordinator)
    assert store.list_actions(server.engine, coordinator, server.scan.id) == []
