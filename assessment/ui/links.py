"""Links that open the app with a code, and their QR codes for a team meeting."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
import streamlit as st

from assessment.addresses import public_base_url


def app_base_url() -> str:
    """The address links are built from: ``TSO_PUBLIC_URL``, else the one the user reached the
    app by (assessment/addresses.py)."""
    return public_base_url(st.context.url or "http://localhost:8501/")


def code_link(code: str) -> str:
    return app_base_url() + "?" + urlencode({"code": code})


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=5, border=2)
    return buffer.getvalue()
