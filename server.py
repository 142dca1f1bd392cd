"""Serve TSO Zelfscan: ``streamlit run server.py`` (scripts/run does). It runs app.py with the
routes that keep a coordinator, trainer or board signed in across reloads by an HttpOnly cookie,
and sends unknown paths to the start page (assessment/ui/web.py)."""

import os

import streamlit as st
from starlette.middleware import Middleware

from assessment.ui import web

os.environ[web.ROUTES_MOUNTED] = "1"
app = st.App("app.py", routes=web.ROUTES, middleware=[Middleware(web.UnknownPageRedirect)])
