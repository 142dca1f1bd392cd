"""Links that open the app with a code, and their QR codes for a team meeting."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno
import streamlit as st


def app_base_url() -> str:
    """The address the user reached the app by, without page path or query."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def code_link(code: str) -> str:
    return app_base_url() + "?" + urlencode({"code": code})


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=5, border=2)
    return buffer.getvalue()
