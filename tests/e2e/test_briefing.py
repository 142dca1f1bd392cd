"""A trainer in Chromium: types the trainer code of one school, adds a second school's code once,
and switches between the two briefings without signing out; a reload keeps both schools."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.test_journeys import shoot
from tests.factories import make_board, make_scan, make_school, trainer_code

WAIT = 20000


def trainer_school(engine, board: store.BoardInfo, name: str, value: int) -> str:
    """A school with one answered scan; returns a trainer code of it."""
    rubric = load_rubric()
    school = make_school(engine, name=name, board=board)
    answers = {criterion.id: value for criterion in rubric.criteria[:10]}
    action = {"theme": "draagvlak", "title": f"Actie van {name}"}
    make_scan(engine, school, rubric=rubric, answers=[answers] * 3, actions=[action])
    return trainer_code(engine, school)


@pytest.fixture
def codes(server):
    board = make_board(server.engine, "Stichting Trainer")
    first = trainer_school(server.engine, board, "OBS De Kompas", 1)
    second = trainer_school(server.engine, board, "IKC De Vuurtoren", 3)
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
