"""A client of Streamlit's WebSocket without a browser: what a script that floods the server with
rerun requests sends. Each message is a ``BackMsg`` asking to rerun the page, as the browser
sends one for every click."""

from __future__ import annotations

import asyncio
import threading

from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


def rerun_request(query: str = "") -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = ""
    return message.SerializeToString()


class Flood(threading.Thread):
    """``sockets`` connections to the app at ``url``, each sending ``count`` rerun requests as
    fast as they go; ``sent`` is set once all are sent or the server closed the connection
    (``cut_off`` counts those it was seen to close), and the connections stay open (the
    server keeps working through them) until ``stop()``. ``address``: the client's address as a
    proxy on the server's machine forwards it (``X-Forwarded-For``)."""

    def __init__(self, url: str, count: int, sockets: int = 1, address: str | None = None) -> None:
        super().__init__(daemon=True)
        self.headers = {"X-Forwarded-For": address} if address else None
        self.stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.origin, self.count, self.sockets = url, count, sockets
        self.sent = threading.Event()
        self._halt = threading.Event()
        self.error: BaseException | None = None
        self.cut_off = 0

    def run(self) -> None:
        try:
            asyncio.run(self._flood())
        except BaseException as error:  # noqa: BLE001 - reported to the test through .error
            self.error = error
            self.sent.set()

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=30)

    async def _flood(self) -> None:
        opened = [
            await connect(
                self.stream,
                subprotocols=["streamlit"],
                origin=self.origin,
                additional_headers=self.headers,
            )
            for _ in range(self.sockets)
        ]
        message = rerun_request()
        for socket in opened:
            try:
                for _ in range(self.count):
                    await socket.send(message)
            except ConnectionClosed:  # the server cut this connection off: the next one
                self.cut_off += 1
        self.sent.set()
        while not self._halt.is_set():
            await asyncio.sleep(0.1)
        for socket in opened:
            await socket.close()
