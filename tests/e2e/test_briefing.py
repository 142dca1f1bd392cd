"""A trainer in Chromium: types the trainer code of one school, adds a second school's code once,
and switches between the two briefings without signing out; a reload keeps both schools."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.test_journeys import shoot

WAIT = 20000


def trainer_school(engine, board_id: int, name: str, value: int) -> str:
    """A school with one answered scan; returns a trainer code of it."""
    admin = store.admin_access()
    rubric = load_rubric()
    school = store.create_school(engine, admin, board_id, name)
    coordinator = store.resolve_code(
        engine, store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    )
    scan = store.open_scan(engine, coordinator, school.id, "2026-2027", rubric)
    for _ in range(3):
        respondent = store.resolve_code(
            engine, store.issue_code(engine, coordinator, "respondent", scan_id=scan.id).code
        )
        store.start_respondent(engine, respondent, None)
        for criterion in rubric.criteria[:10]:
            store.save_answer(engine, respondent, criterion.id, value)
    store.add_action(engine, coordinator, scan.id, "draagvlak", f"Actie van {name}")
    return store.issue_code(engine, coordinator, "trainer", school_id=school.id).code


@pytest.fixture
def codes(server):
    board = store.create_board(server.engine, store.admin_access(), "Stichting Trainer")
    first = trainer_school(server.engine, board.id, "OBS De Kompas", 1)
    second = trainer_school(server.engine, board.id, "IKC De Vuurtoren", 3)
    return first, second


def expect_briefing(page: Page, school: str) -> None:
    expect(page.get_by_role("heading", name=f"Briefing: {school}")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text(f"Actie van {school}")).to_be_visible()


def test_a_trainer_switches_between_two_schools_briefings_without_signing_out(
    page: Page, server, codes
):
    first, second = codes
    page.goto(server.url)
    page.get_by_role("textbox", name="Jouw code").fill(first)
    page.get_by_role("button", name="Openen").click()
    expect(page.get_by_role("heading", name="OBS De Kompas")).to_be_visible(timeout=WAIT)
    page.get_by_role("link", name="Naar de briefing").click()
    expect_briefing(page, "OBS De Kompas")

    page.get_by_role("link", name="Start", exact=True).click()
    page.get_by_role("textbox", name="Trainerscode van een andere school").fill(second)
    page.get_by_role("button", name="School toevoegen").click()
    expect(page.get_by_text("IKC De Vuurtoren is toegevoegd en staat nu in beeld.")).to_be_visible(
        timeout=WAIT
    )
    page.get_by_role("link", name="Briefing", exact=True).click()
    expect_briefing(page, "IKC De Vuurtoren")
    expect(page.get_by_text("Actie van OBS De Kompas")).to_have_count(0)
    shoot(page, "briefing-second-school")

    page.reload()  # the session holds both codes: both schools stay on the list
    expect(page.get_by_role("heading", name="Briefing: ")).to_be_visible(timeout=WAIT)
    main = page.get_by_test_id("stMain")
    main.get_by_role("combobox", name="School").click()
    page.get_by_role("option", name="OBS De Kompas").click()
    expect_briefing(page, "OBS De Kompas")
    main.get_by_role("combobox", name="School").click()
    page.get_by_role("option", name="IKC De Vuurtoren").click()
    expect_briefing(page, "IKC De Vuurtoren")
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
    assert first not in page.url and second not in page.url
