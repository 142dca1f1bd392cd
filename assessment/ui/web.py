"""The HTTP side of staying signed in, mounted by ``server.py`` on ``st.App``.

* ``GET /_aanmelden?t=TICKET&naar=/PAGE`` exchanges a session's one-time ticket for its token, puts
  the token in an HttpOnly, SameSite=Strict cookie and sends the browser on to the page. A page's
  script cannot read or set an HttpOnly cookie: only a response of the server can.
* ``POST /_afmelden`` ends the cookie's session and deletes the cookie.
* Both answer only requests from the app's own pages (``Sec-Fetch-Site``, else ``Origin``), and a
  ticket only to the browser that asked for it: every page load gives a browser without one a
  random ``tso_browser`` cookie (``BrowserCookie``), the ticket is made for the value the page's
  connection carried, and ``/_aanmelden`` redeems it only with that same cookie. So a link with
  someone else's ticket, from another site or pasted, signs nobody in.
* Unknown page paths (``/bestaatniet``) are sent to the start page instead of Streamlit's English
  "Page not found" dialog.

app.py also runs without these routes (``streamlit run app.py``, AppTest); ``server.py`` sets
``ROUTES_MOUNTED`` so the app knows it may hand the browser a session.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assessment import store
from assessment.store.sessions import MAX_AGE

COOKIE = "tso_sessie"
BROWSER_COOKIE = "tso_browser"
SIGN_IN_PATH = "/_aanmelden"
SIGN_OUT_PATH = "/_afmelden"
ROUTES_MOUNTED = "TSO_SESSION_ROUTES"  # environment variable: "1" when server.py serves the app
PAGE_NAMES = frozenset(page.stem for page in (Path(__file__).parents[2] / "pages").glob("*.py"))
_PAGE_PATH = re.compile(r"/([^/.]*)/?")


@functools.cache
def _engine() -> Engine:
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


def from_own_page(request: Request) -> bool:
    """Whether the request comes from a page of this app: ``Sec-Fetch-Site: same-origin``, or
    where a browser sends no such header, an ``Origin`` with this host. A request with neither
    (no browser) is trusted only for a GET, which changes nothing without its browser's cookie."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin")
    if origin is not None:
        return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
    return request.method == "GET"


async def sign_in(request: Request) -> Response:
    response = RedirectResponse(_page_path(request.query_params.get("naar")), status_code=303)
    if not from_own_page(request):
        return response  # another site's link: the start page, signed in as before
    try:
        token = await run_in_threadpool(
            store.redeem_ticket,
            _engine(),
            request.query_params.get("t", ""),
            request.cookies.get(BROWSER_COOKIE),
        )
    except store.StoreError:
        return response  # a used, late or foreign ticket: the start page asks for the code
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
    if not from_own_page(request):
        return Response(status_code=403)
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

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            match = _PAGE_PATH.fullmatch(scope.get("path", ""))
            name = match[1] if match else None
            if name and not name.startswith("_") and name not in PAGE_NAMES:
                query = scope.get("query_string", b"").decode("latin-1")
                target = "/?" + query if query else "/"
                await RedirectResponse(target, status_code=307)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BrowserCookie:
    """ASGI middleware: a page sent to a browser without a ``tso_browser`` cookie gives it one, a
    random value that only this browser holds (HttpOnly, SameSite=Strict). A sign-in ticket is
    bound to it (``store.open_session``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or BROWSER_COOKIE in Request(scope).cookies:
            await self.app(scope, receive, send)
            return
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        cookie = (
            f"{BROWSER_COOKIE}={secrets.token_urlsafe(32)}; Path=/; HttpOnly; SameSite=Strict"
            + secure
        )

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                types = [value for name, value in headers if name.lower() == b"content-type"]
                if types and types[0].startswith(b"text/html"):
                    headers.append((b"set-cookie", cookie.encode("latin-1")))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_cookie)
