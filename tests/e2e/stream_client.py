"""A client of Streamlit's WebSocket without a browser: what a script that floods the server with
rerun requests sends. Each message is a ``BackMsg`` asking to rerun the page, as the browser
sends one for every click."""

from __future__ import annotations

import asyncio

from streamlit.proto.BackMsg_pb2 import BackMsg
from websockets.asyncio.client import connect


def rerun_request(query: str = "") -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = ""
    return message.SerializeToString()


async def flood(url: str, count: int, query: str = "", sockets: int = 1) -> None:
    """Open ``sockets`` connections to the app at ``url`` and send ``count`` rerun requests over
    each as fast as they go; keep them open until the server has taken every message."""
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"

    async def one() -> None:
        async with connect(
            stream, subprotocols=["streamlit"], origin=url, max_size=None, open_timeout=30
        ) as socket:
            message = rerun_request(query)
            for _ in range(count):
                await socket.send(message)
            await asyncio.sleep(0.5)

    await asyncio.gather(*(one() for _ in range(sockets)))
