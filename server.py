"""Serve TSO Zelfscan: ``streamlit run server.py`` (scripts/run does). It runs app.py with the
routes that keep a coordinator, trainer or board signed in across reloads by an HttpOnly cookie,
sends unknown paths to the start page, and answers only requests for its own host names
(``TSO_ALLOWED_HOSTS``; assessment/ui/web.py)."""

import os

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from assessment.ui import web

os.environ[web.ROUTES_MOUNTED] = "1"
app = st.App(
    "app.py",
    routes=web.ROUTES,
    middleware=[
        Middleware(TrustedHostMiddleware, allowed_hosts=web.allowed_hosts()),
        Middleware(web.UnknownPageRedirect),
    ],
)
