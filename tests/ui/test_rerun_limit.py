"""The rerun limit as Streamlit's WebSocket sees it: a flood is cut off before it reaches the app,
a person's quick clicks all arrive (paced), and a school of thirty behind one router never waits.

The middleware is driven through its ASGI interface with the messages a browser sends; time is
a clock the test moves, so nothing here depends on how busy the machine is.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from assessment.ui import rerun_limit
from assessment.ui.rerun_limit import POLICY_VIOLATION, RerunLimit
from tests.e2e.stream_client import rerun_request

RERUN = {"type": "websocket.receive", "bytes": rerun_request()}
CONNECT = {"type": "websocket.connect"}


class Clock:
    """Virtual time: ``sleep`` moves it on instead of waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


class Browser:
    """One WebSocket: what the client sends (``incoming``), what the app got and what the
    server sent back."""

    def __init__(self, address: str = "192.0.2.10") -> None:
        self.scope: dict[str, object] = {"type": "websocket", "path": "/_stcore/stream"}
        self.scope |= {"client": (address, 50000), "browser": self}
        self.incoming: asyncio.Queue = asyncio.Queue()
        self.reruns = 0
        self.closed_with: int | None = None
        self.disconnected = asyncio.Event()

    async def receive(self):
        return await self.incoming.get()

    async def send(self, message) -> None:
        if message["type"] == "websocket.close":
            self.closed_with = message["code"]

    async def app(self, scope, receive, send) -> None:
        """Streamlit's loop: take messages until the socket is gone."""
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                self.disconnected.set()
                return
            if message.get("bytes"):
                self.reruns += 1


def run(scenario):
    """``asyncio.run`` in a thread of its own: in one pytest run with Playwright's tests, this
    thread may already have a running event loop."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, scenario).result()


async def streamlit(scope, receive, send) -> None:
    await scope["browser"].app(scope, receive, send)


async def serve(limit: RerunLimit, browser: Browser) -> None:
    await limit(browser.scope, browser.receive, browser.send)


def test_a_thousand_reruns_at_once_are_cut_off_before_they_reach_the_app():
    async def scenario():
        clock = Clock()
        browser = Browser()
        for message in [CONNECT] + [RERUN] * 1000:
            browser.incoming.put_nowait(message)
        await asyncio.wait_for(serve(RerunLimit(streamlit, clock, clock.sleep), browser), 5)
        return browser, clock

    browser, clock = run(scenario())
    assert browser.closed_with == POLICY_VIOLATION
    assert browser.disconnected.is_set()
    assert browser.reruns <= rerun_limit.BURST
    assert sum(clock.slept) <= rerun_limit.MOST_QUEUED  # nothing waited out a long queue


def test_a_persons_quick_clicks_all_arrive_paced_and_the_tab_stays_open():
    clicks = rerun_limit.BURST + 5

    async def scenario():
        clock = Clock()
        browser = Browser()
        browser.incoming.put_nowait(CONNECT)
        for _ in range(clicks):
            browser.incoming.put_nowait(RERUN)
        task = asyncio.ensure_future(serve(RerunLimit(streamlit, clock, clock.sleep), browser))
        while browser.reruns < clicks:
            await asyncio.sleep(0)
        browser.incoming.put_nowait({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(task, 5)
        return browser, clock

    browser, clock = run(scenario())
    assert browser.reruns == clicks
    assert browser.closed_with is None
    assert clock.slept  # the clicks after the first burst waited their turn


def test_thirty_colleagues_behind_one_router_clicking_every_second_never_wait():
    async def scenario():
        clock = Clock()
        limit = RerunLimit(streamlit, clock, clock.sleep)
        colleagues = [Browser(address="198.51.100.7") for _ in range(30)]
        tasks = []
        for browser in colleagues:
            browser.incoming.put_nowait(CONNECT)
            tasks.append(asyncio.ensure_future(serve(limit, browser)))
        for second in range(60):
            clock.now = float(second)
            clicks = 2 if second == 0 else 1  # all at once, twice, at the start of the meeting
            for browser in colleagues:
                for _ in range(clicks):
                    browser.incoming.put_nowait(RERUN)
            for _ in range(50):
                await asyncio.sleep(0)
        for browser in colleagues:
            browser.incoming.put_nowait({"type": "websocket.disconnect", "code": 1000})
        await asyncio.wait_for(asyncio.gather(*tasks), 5)
        return colleagues, clock

    colleagues, clock = run(scenario())
    assert clock.slept == []
    assert all(browser.reruns == 61 and browser.closed_with is None for browser in colleagues)
