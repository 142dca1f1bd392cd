"""Walk the whole questionnaire on a 390 × 844 phone and count the taps and the screens of scrolling.

    python3 scripts/measure_questionnaire.py [--shots DIR] [--role ROLE]

Starts its own Streamlit server on a fresh SQLite database with one open scan. A simulated
respondent opens the link, taps "Naar de vragenlijst" and "Beginnen", answers every question,
taps "Volgend thema" after each theme and submits (confirming when asked). Before every tap the
target is scrolled into view as a thumb would; the distance scrolled by hand, divided by the
height of the visible page, is the number of screens. Scrolling done by the app itself (back to the
top of a new theme) is not counted. With ``--shots`` it also saves screenshots of the intro, a
theme and the end, at 390 px and at 1280 px. Not a test: it prints numbers for people.

A quick answerer's minutes: reading every asked question's label and "Waaraan zie je dat?" text at
READING_WORDS_PER_MINUTE, plus SECONDS_PER_TAP for every tap and SECONDS_PER_SCREEN for every screen
scrolled. A model, stated so that two rubric versions can be compared, not a stopwatch.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Locator, Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import store  # noqa: E402
from assessment.i18n import t  # noqa: E402
from assessment.rubric import load_rubric  # noqa: E402
from tests.e2e.conftest import start_streamlit  # noqa: E402
from tests.factories import make_scan, make_school  # noqa: E402

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MAIN = "[data-testid=stMain]"
READING_WORDS_PER_MINUTE = 240  # a practised adult reading Dutch for meaning, not skimming
SECONDS_PER_TAP = 1.5
SECONDS_PER_SCREEN = 1.0


def quick_minutes(criteria, taps: int, screens: float) -> tuple[int, float]:
    """Words read (label and guidance of every question) and a quick answerer's minutes."""
    words = sum(len(c.label["nl"].split()) + len(c.guidance["nl"].split()) for c in criteria)
    seconds = words / READING_WORDS_PER_MINUTE * 60 + taps * SECONDS_PER_TAP
    return words, (seconds + screens * SECONDS_PER_SCREEN) / 60


class Walk:
    def __init__(self, page: Page):
        self.page, self.taps, self.scrolled = page, 0, 0.0

    def scroll_top(self) -> float:
        return self.page.eval_on_selector(MAIN, "m => m.scrollTop")

    def screen(self) -> float:
        return self.page.eval_on_selector(MAIN, "m => m.clientHeight")

    def tap(self, target: Locator) -> None:
        before = self.scroll_top()
        target.scroll_into_view_if_needed()
        self.scrolled += abs(self.scroll_top() - before)
        target.click()
        self.taps += 1
        self.settle()

    def settle(self) -> None:
        """Wait until the app has finished the run the tap started."""
        self.page.wait_for_timeout(200)
        idle = self.page.locator("[data-testid=stApp][data-test-script-state=notRunning]")
        expect(idle).to_have_count(1, timeout=20000)
        self.page.wait_for_timeout(100)


def shoot(page: Page, folder: Path | None, name: str, tall: bool = False) -> None:
    if folder is None:
        return
    size = page.viewport_size
    if tall:
        height = page.eval_on_selector(MAIN, "m => m.scrollHeight") + 100
        page.set_viewport_size({"width": size["width"], "height": min(height, 12000)})
        page.wait_for_timeout(300)
    page.screenshot(path=str(folder / f"{name}.png"))
    if tall:
        page.set_viewport_size(size)


def walk(page: Page, url: str, rubric, shots: Path | None, prefix: str, role: str | None) -> Walk:
    w = Walk(page)
    page.goto(url)
    w.tap(page.get_by_role("link", name="Naar de vragenlijst"))
    expect(page.get_by_role("button", name="Beginnen")).to_be_visible(timeout=20000)
    shoot(page, shots, f"{prefix}-1-intro")
    shoot(page, shots, f"{prefix}-1-intro-whole", tall=True)
    if role:
        w.tap(page.get_by_role("combobox", name=re.compile("rol")))
        w.tap(page.get_by_role("option", name=t(f"app.roles_of_respondents.{role}")))
        page.keyboard.press("Escape")  # the list of roles stays open for a second choice:
        w.taps += 1  # on a phone, a tap beside it closes it
        w.settle()
    w.tap(page.get_by_role("button", name="Beginnen"))
    asked = [c for c in rubric.criteria if c.asked_of(role)]
    themes = [t for t in rubric.theme_list if any(c in asked for c in t.criteria)]
    for number, theme in enumerate(themes):
        if number == 1:
            shoot(page, shots, f"{prefix}-2-theme-top")
        for criterion in (c for c in theme.criteria if c in asked):
            group = page.get_by_role(
                "radiogroup", name=re.compile(re.escape(rubric.text(criterion.label, "nl")))
            )
            option = group.get_by_role("radio", name=re.compile(r"^2 · "))
            w.tap(
                group.locator("[data-testid=stRadioOption]").filter(has_text=re.compile(r"^2 · "))
            )
            expect(option).to_be_checked()
        if number == 1:
            shoot(page, shots, f"{prefix}-3-theme-whole", tall=True)
        if number < len(themes) - 1:
            w.tap(page.get_by_role("button", name="Volgend thema"))
    w.tap(page.get_by_role("button", name=re.compile(r"^(Toch v|V)ersturen$")))
    confirm = page.get_by_role("button", name="Ja, versturen")
    if confirm.count():
        shoot(page, shots, f"{prefix}-4-confirm")
        w.tap(confirm)
    expect(page.get_by_text("Bedankt, je antwoorden zijn verstuurd").first).to_be_visible()
    shoot(page, shots, f"{prefix}-5-submitted")
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--role", help="choose this role on the intro, e.g. leerkracht")
    args = parser.parse_args()
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    rubric = load_rubric()
    database = f"sqlite:///{tempfile.mkdtemp()}/measure.sqlite"
    engine = store.make_engine(database)
    store.upgrade(engine)
    codes = make_scan(engine, make_school(engine), rubric=rubric, respondents=3).codes
    os.environ["TSO_DEMO"] = "0"
    process, url = start_streamlit(database)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            phone = browser.new_page(viewport=PHONE, locale="nl-NL", has_touch=True)
            result = walk(phone, f"{url}/?code={codes[0]}", rubric, None, "phone", args.role)
            screens = result.scrolled / result.screen()
            asked = rubric.criteria_for_role(args.role)
            words, minutes = quick_minutes(asked, result.taps, screens)
            print(f"rubric {rubric.version}, role {args.role or '(none)'}: ", end="")
            print(f"390 px phone, {len(asked)} questions: {result.taps} taps, ", end="")
            print(f"{result.scrolled:.0f} px scrolled by hand = {screens:.1f} screens, ", end="")
            print(f"{words} words to read, a quick answerer needs {minutes:.1f} minutes")
            if args.shots:  # apart: a tall screenshot changes the viewport, and so the scrolling
                for name, viewport, code in [
                    ("phone", PHONE, codes[1]),
                    ("desktop", DESKTOP, codes[2]),
                ]:
                    page = browser.new_page(viewport=viewport, locale="nl-NL")
                    walk(page, f"{url}/?code={code}", rubric, args.shots, name, args.role)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
