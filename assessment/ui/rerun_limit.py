"""One client cannot starve the others. Each WebSocket connection (one browser tab, one Streamlit
session) may ask for ``BURST`` reruns at once and then ``PER_SECOND`` a second, and all
connections from one network address together ``ADDRESS_BURST`` and ``ADDRESS_PER_SECOND`` (a
school behind one router: thirty colleagues answering at once stay well below it). A further
request waits for its turn, so nothing a person clicks is dropped. A connection that would wait
more than ``MOST_QUEUED`` seconds is no person: it is closed (code 1008), and its session with
it, so a script sending a thousand requests costs the server a few dozen reruns while every other
session and ``/_stcore/health`` keep being answered. (A browser whose connection closes
reconnects by itself.) The address is the one uvicorn resolved, behind ``scripts/serve`` the
forwarded one."""

from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

BURST = 5
PER_SECOND = 2.0
ADDRESS_BURST = 10
ADDRESS_PER_SECOND = 3.0
MOST_QUEUED = 5.0  # seconds
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


class RerunLimit:
    """ASGI middleware: a ``TokenBucket`` per connection to Streamlit's WebSocket and one per
    network address."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.addresses: dict[str, TokenBucket] = {}

    def _address_bucket(self, scope: Scope, now: float) -> TokenBucket:
        client = scope.get("client")
        address = client[0] if client else ""
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
        own = TokenBucket(BURST, PER_SECOND, time.monotonic())

        async def limited_receive() -> Message:
            message = await receive()
            data = message.get("bytes") if message["type"] == "websocket.receive" else None
            if data and is_rerun_request(data):
                now = time.monotonic()
                shared = self._address_bucket(scope, now)
                wait = max(own.take(now), shared.take(now))
                if wait > MOST_QUEUED:
                    own.give_back()
                    shared.give_back()
                    await send({"type": "websocket.close", "code": POLICY_VIOLATION})
                    return {"type": "websocket.disconnect", "code": POLICY_VIOLATION}
                await asyncio.sleep(wait)
            return message

        await self.app(scope, limited_receive, send)
