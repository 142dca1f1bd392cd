"""One client cannot starve the others: Streamlit's WebSocket reruns are paced and a flood is cut off.

Every rerun request (a click in the browser) takes a token from two buckets: its connection's
(one tab, one Streamlit session: ``BURST`` at once, then ``PER_SECOND``) and its network address's
(``ADDRESS_BURST`` at once, then ``ADDRESS_PER_SECOND``). A request without a token waits for its
turn, so nothing a person clicks is dropped. The buckets are charged when a message *arrives*
(a reader takes every message off the socket as it comes), not when Streamlit asks for the next
one: so a script that sends a thousand requests at once is seen at once, and when a request would
wait more than ``MOST_QUEUED`` seconds, or more than ``MOST_PENDING`` messages wait, the
connection is closed (code 1008) and what it queued is dropped. A flood then costs the server the
session it opened and the few reruns of the first burst, while every other session and
``/_stcore/health`` keep being answered. A browser whose connection closes reconnects by itself.

The address is the one uvicorn resolved, behind ``scripts/serve`` the forwarded one that nginx
sets (as ``st.context.ip_address`` for the code slow-down). A school's colleagues share one
router, so one address: no cap on connections per address, which thirty colleagues opening their
links in a team meeting would hit, and an address pace far above what people click. Thirty
colleagues answering a questionnaire click about once every few seconds each; ``ADDRESS_BURST``
(60) lets all thirty click twice at the same instant and ``ADDRESS_PER_SECOND`` (30) lets every
one of them click once a second without end, and only a backlog of ``MOST_QUEUED`` seconds
beyond that (another 150 requests) closes a connection. Twenty scripted connections from one
address each still meet their own bucket and are closed after their first burst.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

BURST = 5
PER_SECOND = 2.0
ADDRESS_BURST = 60
ADDRESS_PER_SECOND = 30.0
MOST_QUEUED = 5.0  # seconds a rerun request may wait for its turn
MOST_PENDING = 100  # messages read from a socket and not yet handed to Streamlit
POLICY_VIOLATION = 1008
STREAM_PATH = "/_stcore/stream"


class TokenBucket:
    """``burst`` tokens, refilled at ``rate`` a second; ``take`` says how long to wait for one."""

    def __init__(self, burst: int, rate: float, now: float) -> None:
        self.burst, self.rate = burst, rate
        self.tokens, self.updated = float(burst), now

    def take(self, now: float) -> float:
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        self.tokens -= 1  # below zero: the requests queued before this one wait first
        return max(0.0, -self.tokens / self.rate)

    def give_back(self) -> None:
        """Undo a ``take`` whose request was refused."""
        self.tokens += 1


def is_rerun_request(data: bytes) -> bool:
    message = BackMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # noqa: BLE001 - Streamlit itself closes the socket on a broken message
        return False
    return message.WhichOneof("type") == "rerun_script"


class _Connection:
    """One WebSocket: a reader that charges the buckets as messages arrive, and the ``receive``
    Streamlit calls, which hands each message over at its turn."""

    def __init__(self, limit: RerunLimit, address: str, receive: Receive, send: Send) -> None:
        self.limit, self.address = limit, address
        self.receive_raw, self.send = receive, send
        self.own = TokenBucket(BURST, PER_SECOND, limit.clock())
        self.pending: asyncio.Queue[tuple[Message, float]] = asyncio.Queue()
        self.closed = False

    async def read(self) -> None:
        try:
            await self._read()
        except Exception:  # noqa: BLE001 - the server's socket failed: Streamlit ends the session
            self.pending.put_nowait(({"type": "websocket.disconnect", "code": 1006}, 0.0))

    async def _read(self) -> None:
        while not self.closed:
            message = await self.receive_raw()
            due = self.limit.clock()
            if message["type"] != "websocket.receive":
                self.pending.put_nowait((message, due))
                if message["type"] == "websocket.disconnect":
                    return
                continue
            data = message.get("bytes")
            if data and is_rerun_request(data):
                due += self._wait(due)
            if self.closed or self.pending.qsize() >= MOST_PENDING:
                await self._close()
                return
            self.pending.put_nowait((message, due))

    def _wait(self, now: float) -> float:
        shared = self.limit.address_bucket(self.address, now)
        wait = max(self.own.take(now), shared.take(now))
        if wait > MOST_QUEUED:
            self.own.give_back()
            shared.give_back()
            self.closed = True
        return wait

    async def _close(self) -> None:
        self.closed = True
        with contextlib.suppress(Exception):  # the client may be gone already
            await self.send({"type": "websocket.close", "code": POLICY_VIOLATION})
        self.pending.put_nowait(({"type": "websocket.disconnect", "code": POLICY_VIOLATION}, 0.0))

    async def receive(self) -> Message:
        while True:
            message, due = await self.pending.get()
            if self.closed and message["type"] != "websocket.disconnect":
                continue  # queued by a connection that was cut off: dropped
            delay = due - self.limit.clock()
            if delay > 0:
                await self.limit.sleep(delay)
                if self.closed and message["type"] != "websocket.disconnect":
                    continue
            return message


class RerunLimit:
    """ASGI middleware: paces the rerun requests on Streamlit's WebSocket per connection and
    per network address, and closes a connection that floods (see the module)."""

    def __init__(
        self,
        app: ASGIApp,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.app, self.clock, self.sleep = app, clock, sleep
        self.addresses: dict[str, TokenBucket] = {}

    def address_bucket(self, address: str, now: float) -> TokenBucket:
        if len(self.addresses) > 10_000:  # forget addresses whose bucket has long been full
            idle = ADDRESS_BURST / ADDRESS_PER_SECOND
            for key in [k for k, b in self.addresses.items() if now - b.updated > idle]:
                del self.addresses[key]
        bucket = self.addresses.get(address)
        if bucket is None:
            bucket = self.addresses[address] = TokenBucket(ADDRESS_BURST, ADDRESS_PER_SECOND, now)
        return bucket

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or not scope.get("path", "").endswith(STREAM_PATH):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        connection = _Connection(self, client[0] if client else "", receive, send)
        reader = asyncio.ensure_future(connection.read())
        try:
            await self.app(scope, connection.receive, send)
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader
