"""The HTTP side of staying signed in (DESIGN §7a), mounted by ``server.py`` on ``st.App``.

* ``GET /_aanmelden?t=TICKET&naar=/PAGE`` exchanges a session's one-time ticket for its token, puts
  the token in an HttpOnly, SameSite=Strict cookie and sends the browser on to the page. A page's
  script cannot read or set an HttpOnly cookie: only a response of the server can.
* ``POST /_afmelden`` ends the cookie's session and deletes the cookie.
* Unknown page paths (``/bestaatniet``) are sent to the start page instead of Streamlit's English
  "Page not found" dialog.

app.py also runs without these routes (``streamlit run app.py``, AppTest); ``server.py`` sets
``ROUTES_MOUNTED`` so the app knows it may hand the browser a session.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from assessment import store
from assessment.store.sessions import MAX_AGE

COOKIE = "tso_sessie"
SIGN_IN_PATH = "/_aanmelden"
SIGN_OUT_PATH = "/_afmelden"
ROUTES_MOUNTED = "TSO_SESSION_ROUTES"  # environment variable: "1" when server.py serves the app
PAGE_NAMES = frozenset(page.stem for page in (Path(__file__).parents[2] / "pages").glob("*.py"))
_PAGE_PATH = re.compile(r"/([^/.]*)/?")


@functools.cache
def _engine():
    return store.make_engine()  # the app has migrated the database before it handed out a ticket


def _page_path(wanted: str | None) -> str:
    """``wanted`` when it is one of the app's pages, else the start page: never another site."""
    match = _PAGE_PATH.fullmatch(wanted or "")
    return f"/{match[1]}" if match and match[1] in PAGE_NAMES else "/"


def allowed_hosts() -> list[str]:
    """The host names the app answers to (``TSO_ALLOWED_HOSTS``, comma-separated; by default only
    this machine): a request with another ``Host`` header gets "400 Invalid host header"."""
    setting = os.environ.get("TSO_ALLOWED_HOSTS", "localhost,127.0.0.1")
    return [host.strip() for host in setting.split(",") if host.strip()]


async def sign_in(request: Request) -> Response:
    response = RedirectResponse(_page_path(request.query_params.get("naar")), status_code=303)
    try:
        token = await run_in_threadpool(
            store.redeem_ticket, _engine(), request.query_params.get("t", "")
        )
    except store.StoreError:
        return response  # a used or late ticket: the start page asks for the code again
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(MAX_AGE.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


async def sign_out(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if token:
        await run_in_threadpool(store.end_session, _engine(), token)
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


ROUTES = [
    Route(SIGN_IN_PATH, sign_in, methods=["GET"]),
    Route(SIGN_OUT_PATH, sign_out, methods=["POST"]),
]


class UnknownPageRedirect:
    """ASGI middleware: a one-segment path that is no page of the app goes to the start page
    (with its query, so a mistyped link with ``?code=`` still signs in)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            match = _PAGE_PATH.fullmatch(scope.get("path", ""))
            name = match[1] if match else None
            if name and not name.startswith("_") and name not in PAGE_NAMES:
                query = scope.get("query_string", b"").decode("latin-1")
                target = "/?" + query if query else "/"
                await RedirectResponse(target, status_code=307)(scope, receive, send)
                return
        await self.app(scope, receive, send)
