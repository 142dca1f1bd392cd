"""What the whole-browser checks share: waiting for Streamlit to finish a run, axe-core, and
telling our own host from any other."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

from tests.helpers import ROOT

WAIT = 20000
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# "Headings in order" is an axe best practice of impact "moderate": counted as well.
ALSO_COUNTED = {"heading-order"}


def pages_by_role() -> dict[str | None, list[str]]:
    """app.py's PAGES_BY_ROLE, read from its source: importing app.py would run the app."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PAGES_BY_ROLE" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError("app.py has no PAGES_BY_ROLE")


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOCAL_HOSTS


def record_requests(page: Page) -> list[str]:
    """A list that fills with every URL the page's browser context asks for."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    return requested


def wait_until_drawn(page: Page) -> None:
    """Streamlit has finished the run: a heading, the script no longer running, and no skeleton,
    spinner or stale (greyed) element left."""
    expect(page.get_by_test_id("stMain").locator("h1").first).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=WAIT
    )
    for test_id in ("stSkeleton", "stSpinner"):
        expect(page.get_by_test_id(test_id)).to_have_count(0, timeout=WAIT)
    expect(page.locator("[data-stale=true]")).to_have_count(0, timeout=WAIT)


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    target: str
    html: str
    owners: tuple[str, ...]  # data-testid of the element and its ancestors, innermost first

    def __str__(self) -> str:
        return (
            f"{self.rule} ({self.impact}) at {self.target} in {'<'.join(self.owners)}: {self.html}"
        )


_RUN_AXE = """async options => {
  const result = await axe.run(document, options);
  return result.violations.flatMap(v => v.nodes.map(n => {
    const owners = [];
    for (let el = document.querySelector(n.target[0]); el; el = el.parentElement) {
      if (el.dataset && el.dataset.testid) owners.push(el.dataset.testid);
    }
    return {rule: v.id, impact: v.impact, target: n.target.join(" "), html: n.html, owners};
  }));
}"""


def axe_violations(page: Page) -> list[Violation]:
    """axe-core's critical and serious WCAG 2 A/AA violations on the page, and every heading out
    of order, one per element."""
    page.evaluate(AXE_SCRIPT)
    found = page.evaluate(
        _RUN_AXE,
        {
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "rules": {rule: {"enabled": True} for rule in ALSO_COUNTED},
            "resultTypes": ["violations"],
        },
    )
    return [
        Violation(v["rule"], v["impact"], v["target"], v["html"][:300], tuple(v["owners"]))
        for v in found
        if v["impact"] in ("critical", "serious") or v["rule"] in ALSO_COUNTED
    ]


_CHART_TEXT = """() => {
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = rgb => {
    const [r, g, b] = rgb.match(/[\\d.]+/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // A patterned bar is filled with url(#pattern), whose first rectangle holds the bar's colour.
  const solid = fill => {
    const id = fill.match(/^url\\("?#([^")]+)"?\\)$/);
    const rect = id && document.getElementById(id[1])?.querySelector("rect");
    return rect ? getComputedStyle(rect).fill : fill;
  };
  const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return [...document.querySelectorAll(".js-plotly-plot text")]
    .filter(t => t.textContent.trim())
    .map(t => {
      // Text inside a bar stands on the bar's colour, other text on the white page.
      const bar = t.classList.contains("bartext-inside") && t.closest(".point")?.querySelector("path");
      const background = bar ? solid(getComputedStyle(bar).fill) : "rgb(255, 255, 255)";
      return {text: t.textContent,
              ratio: ratio(luminance(getComputedStyle(t).fill), luminance(background))};
    });
}"""


def faint_chart_text(page: Page) -> list[str]:
    """Text in the page's plotly charts below 4,5:1 against what it stands on (axe-core does not
    check SVG text)."""
    return [
        f"{t['text']!r} {t['ratio']:.2f}:1" for t in page.evaluate(_CHART_TEXT) if t["ratio"] < 4.5
    ]
