"""Beheer's "Meedoen aan onderzoek" and the operator's Onderzoek page in Chromium: axe-core clean
on a desktop and a phone, nothing asked of another host, and the consent turned on by a click."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from assessment.research.dataset import build_dataset
from assessment.research.package import write_package
from assessment.rubric import load_rubric
from assessment.store.research_consent import research_consent
from assessment.store.research_scans import ResearchScan
from tests.e2e.browser_checks import (
    WAIT,
    axe_violations,
    is_outside,
    record_requests,
    wait_until_drawn,
)
from tests.e2e.conftest import start_streamlit
from tests.e2e.test_every_page import allowed

PHONE = {"width": 390, "height": 844}


@dataclass
class Site:
    url: str
    engine: object
    coordinator: str


def package_of_six_schools(directory):
    rubric = load_rubric()
    scans = [
        ResearchScan(
            f"school{number}",
            "bo",
            f"{year}-{year + 1}",
            6,
            rubric.id,
            rubric.version,
            rubric.content_hash,
            {c.id: [(number + year) % 2 + (year - 2023)] * 6 for c in rubric.criteria},
            {},
        )
        for number in range(6)
        for year in (2023, 2024, 2025)
    ]
    write_package(build_dataset(rubric, scans), directory, "tso")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("research")
    database = f"sqlite:///{folder / 'research.sqlite'}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Proef")
    school = store.create_school(engine, admin, board.id, "OBS De Proeftuin")
    coordinator = store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    package_of_six_schools(folder / "pakket")
    process, url = start_streamlit(database, env={"TSO_RESEARCH_DIR": str(folder / "pakket")})
    yield Site(url, engine, coordinator)
    process.terminate()
    process.wait(timeout=10)
    engine.dispose()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_the_research_page_passes_axe_and_asks_no_other_host(page: Page, site: Site, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    requested = record_requests(page)
    page.goto(f"{site.url}/onderzoek")
    wait_until_drawn(page)
    expect(page.get_by_role("heading", name="Wat een fase het vaakst openhoudt")).to_be_visible()
    page.get_by_role("tab", name="Draagvlak").first.click()
    assert axe_violations(page) == []
    assert requested and not [url for url in requested if is_outside(url)]


def test_the_coordinator_opts_in_on_beheer_with_a_click(page: Page, site: Site):
    requested = record_requests(page)
    page.goto(f"{site.url}/?code={site.coordinator}")
    wait_until_drawn(page)
    page.goto(f"{site.url}/beheer")
    wait_until_drawn(page)
    heading = page.get_by_role("heading", name="Meedoen aan onderzoek")
    heading.scroll_into_view_if_needed()
    # Beheer's trainer expiry date is Streamlit's date input, whose parts axe finds too small.
    assert [v for v in axe_violations(page) if not allowed(v)] == []
    page.get_by_text("Meedoen aan het onderzoek van het TSO-consortium").click()
    expect(page.get_by_text("Jullie school doet nu mee aan het onderzoek.")).to_be_visible(
        timeout=WAIT
    )
    access = store.resolve_code(site.engine, site.coordinator)
    assert research_consent(site.engine, access, access.school_id).opted_in
    assert not [url for url in requested if is_outside(url)]
