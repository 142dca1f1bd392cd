"""One browser cannot starve the others: each WebSocket connection (one browser tab, one
Streamlit session) may ask for ``BURST`` reruns at once and then ``PER_SECOND`` a second; a
further request waits for its turn, so nothing a person clicks is dropped. A connection that has
queued more than ``MOST_QUEUED`` seconds of requests is no person: it is closed (code 1008), and
its session with it, so a script sending a thousand requests costs the server some forty reruns
while every other session and ``/_stcore/health`` keep being answered. (A browser whose
connection closes reconnects by itself.)"""

from __future__ import annotations

import asyncio
import time

from streamlit.proto.BackMsg_pb2 import BackMsg

BURST = 10
PER_SECOND = 2.0
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


def is_rerun_request(data: bytes) -> bool:
    message = BackMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # noqa: BLE001 - Streamlit itself closes the socket on a broken message
        return False
    return message.WhichOneof("type") == "rerun_script"


class RerunLimit:
    """ASGI middleware: a ``TokenBucket`` per connection to Streamlit's WebSocket."""

    def __init__(self, app, burst: int = BURST, per_second: float = PER_SECOND) -> None:
        self.app, self.burst, self.per_second = app, burst, per_second

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "websocket" or not scope.get("path", "").endswith(STREAM_PATH):
            await self.app(scope, receive, send)
            return
        bucket = TokenBucket(self.burst, self.per_second, time.monotonic())

        async def limited_receive():
            message = await receive()
            data = message.get("bytes") if message["type"] == "websocket.receive" else None
            if data and is_rerun_request(data):
                wait = bucket.take(time.monotonic())
                if wait > MOST_QUEUED:
                    await send({"type": "websocket.close", "code": POLICY_VIOLATION})
                    return {"type": "websocket.disconnect", "code": POLICY_VIOLATION}
                await asyncio.sleep(wait)
            return message

        await self.app(scope, limited_receive, send)
