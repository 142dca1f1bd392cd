"""Serve TSO Zelfscan: ``streamlit run server.py`` (scripts/run does). It runs app.py with the
routes that keep a coordinator, trainer or board signed in across reloads by an HttpOnly cookie,
sends unknown paths to the start page, answers only requests for its own host names
(``TSO_ALLOWED_HOSTS``; assessment/ui/web.py), sends the security headers on every response
(assessment/ui/security_headers.py) and paces each browser's rerun requests
(assessment/ui/rerun_limit.py)."""

import os

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from assessment.ui import web
from assessment.ui.rerun_limit import RerunLimit
from assessment.ui.security_headers import SecurityHeaders

os.environ[web.ROUTES_MOUNTED] = "1"
app = st.App(
    "app.py",
    routes=web.ROUTES,
    middleware=[
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=web.allowed_hosts()),
        Middleware(RerunLimit),
        Middleware(web.BrowserCookie),
        Middleware(web.UnknownPageRedirect),
    ],
)
