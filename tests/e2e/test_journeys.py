"""Journeys in a real browser: answers survive a reload; the coordinator sees the radar drawn."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.conftest import HOSTILE, start_streamlit

RUBRIC = load_rubric()


def shoot(page: Page, name: str) -> None:
    import os

    folder = os.environ.get("TSO_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png")


def wait_until_saved(server, criterion_id: str, value: int) -> None:
    access = store.resolve_code(server.engine, server.respondent)
    for _ in range(100):
        saved = store.my_answers(server.engine, access).get(criterion_id)
        if saved is not None and saved.value == value:
            return
        time.sleep(0.1)
    raise AssertionError(f"{criterion_id} = {value} was not saved within 10 s")


def test_a_respondent_answers_five_criteria_reloads_and_finds_them(page: Page, server):
    page.goto(f"{server.url}/?code={server.respondent}")
    page.get_by_role("link", name="Naar de vragenlijst").click()
    expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=20000)
    shoot(page, "vragenlijst-intro")
    page.get_by_role("button", name="Beginnen").click()
    criteria = RUBRIC.theme_list[0].criteria[:5]
    chosen = [3, 2, 1, 0, 2]
    for criterion, value in zip(criteria, chosen, strict=True):
        group = page.get_by_role(
            "radiogroup", name=re.compile(re.escape(RUBRIC.text(criterion.label, "nl")))
        )
        group.get_by_text(re.compile(rf"^{value} · ")).click()
        # saved before the next click (a "Bewaard" toast may still stand from the one before)
        wait_until_saved(server, criterion.id, value)
    shoot(page, "vragenlijst-answered")

    page.reload()
    expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=20000)
    for criterion, value in zip(criteria, chosen, strict=True):
        group = page.get_by_role(
            "radiogroup", name=re.compile(re.escape(RUBRIC.text(criterion.label, "nl")))
        )
        expect(group.get_by_role("radio", name=re.compile(rf"^{value} · "))).to_be_checked(
            timeout=10000
        )
    shoot(page, "vragenlijst-after-reload")

    access = store.resolve_code(server.engine, server.respondent)
    saved = store.my_answers(server.engine, access)
    assert {c: a.value for c, a in saved.items()} == {
        c.id: v for c, v in zip(criteria, chosen, strict=True)
    }


def test_the_coordinator_sees_the_radar_chart_drawn(page: Page, server):
    page.goto(f"{server.url}/?code={server.coordinator}")
    page.get_by_role("link", name="Resultaten").click()
    expect(page.get_by_role("heading", name="Resultaten")).to_be_visible(timeout=20000)
    radar = page.locator(".js-plotly-plot")
    expect(radar).to_be_visible(timeout=20000)
    expect(radar.locator(".scatterlayer path").first).to_be_attached()
    assert radar.bounding_box()["height"] > 200
    shoot(page, "resultaten")

    with page.expect_download() as download:
        page.get_by_role("button", name="Actieplan als PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "OBS De Proeftuin" in text and "2026-2027" in text


def test_hostile_notes_and_action_titles_show_literally(page: Page, server):
    page.goto(f"{server.url}/bespreken?code={server.hostile_coordinator}")
    expect(page.get_by_role("heading", name="Bespreken")).to_be_visible(timeout=20000)
    for text in HOSTILE:
        expect(page.get_by_text(f"“{text}”", exact=True)).to_be_visible(timeout=10000)
    shoot(page, "hostile-bespreken")
    page.goto(f"{server.url}/actieplan?code={server.hostile_coordinator}")
    expect(page.get_by_role("heading", name="Actieplan")).to_be_visible(timeout=20000)
    expect(page.get_by_text(HOSTILE[0], exact=True)).to_be_visible(timeout=10000)
    expect(page.get_by_text(HOSTILE[2], exact=True)).to_be_visible()
    expect(page.get_by_text("Eigenaar: **bold**")).to_be_visible()
    shoot(page, "hostile-actieplan")
    main = page.locator("section.stMain")
    assert main.locator("img[src='x']").count() == 0
    assert main.locator("strong", has_text="bold").count() == 0
    assert main.locator(".katex").count() == 0


def test_a_first_visit_by_deep_link_signs_in_from_the_code(page: Page, server):
    """The very first request to a new server, to /vragenlijst?code=…, opens the questionnaire
    inside the app's navigation (Streamlit's legacy pages/ mode would bypass app.py)."""
    process, url = start_streamlit(str(server.engine.url))
    try:
        page.goto(f"{url}/vragenlijst?code={server.respondent}")
        expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=20000)
        expect(page.get_by_role("link", name="Beheer")).to_have_count(0)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_page_the_code_may_not_see_shows_the_start_page(page: Page, server):
    page.goto(f"{server.url}/beheer?code={server.respondent}")
    expect(page.get_by_role("heading", name="TSO Zelfscan")).to_be_visible(timeout=20000)
    expect(page.get_by_role("heading", name="Beheer")).to_have_count(0)
    expect(page.get_by_role("link", name="Beheer")).to_have_count(0)
