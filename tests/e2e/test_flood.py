"""One client cannot starve the others: while one WebSocket has sent 1.000 rerun requests (or
twenty have sent 50 each), another respondent's answer is still saved within 2 seconds, the
bound the app promises (README, "Serving it to others"), and ``/_stcore/health`` answers."""

from __future__ import annotations

import re
import time
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.stream_client import Flood

RUBRIC = load_rubric()
ANSWERED_WITHIN = 2.0  # seconds


def answer(page: Page, criterion, value: int) -> None:
    group = page.get_by_role(
        "radiogroup", name=re.compile(re.escape(RUBRIC.text(criterion.label, "nl")))
    )
    group.get_by_text(re.compile(rf"^{value} · ")).click()


def seconds_until_stored(engine, respondent, criterion: str, value: int, since: float) -> float:
    for _ in range(600):
        stored = store.my_answers(engine, respondent).get(criterion)
        if stored is not None and stored.value == value:
            return time.monotonic() - since
        time.sleep(0.05)
    raise AssertionError(f"{criterion} was never saved")


@pytest.mark.parametrize("sockets, count", [(1, 1), (1, 1000), (1, 0)])
def test_a_flood_of_reruns_leaves_another_respondents_save_answered(
    page: Page, server, sockets, count
):
    coordinator = store.resolve_code(server.engine, server.coordinator)
    code = store.issue_code(server.engine, coordinator, "respondent", scan_id=server.scan.id).code
    respondent = store.resolve_code(server.engine, code)
    page.goto(f"{server.url}/vragenlijst?code={code}")
    page.get_by_role("button", name="Beginnen").click()
    criteria = RUBRIC.theme_list[0].criteria
    answer(page, criteria[0], 1)  # the page is ready and saving
    seconds_until_stored(server.engine, respondent, criteria[0].id, 1, time.monotonic())

    flood = Flood(server.url, count, sockets)
    flood.start()
    try:
        assert flood.sent.wait(60) and flood.error is None, flood.error
        started = time.monotonic()
        answer(page, criteria[1], 2)
        took = seconds_until_stored(server.engine, respondent, criteria[1].id, 2, started)
        health_started = time.monotonic()
        assert urllib.request.urlopen(server.url + "/_stcore/health", timeout=60).read() == b"ok"
        health = time.monotonic() - health_started
    finally:
        flood.stop()
    print(f"\n{sockets}x{count} reruns: save stored after {took:.2f} s, health {health:.2f} s")
    assert took <= ANSWERED_WITHIN
    expect(page.get_by_role("radiogroup").first).to_be_visible()
