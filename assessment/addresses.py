"""The address links to the app are built from, and whether others can open it."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

PUBLIC_URL = "TSO_PUBLIC_URL"  # e.g. https://zelfscan.school.nl: the address colleagues open
_THIS_COMPUTER = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def public_base_url(reached_by: str) -> str:
    """The address links are built from: ``TSO_PUBLIC_URL`` when set, else the address the user
    reached the app by (``reached_by``), in both cases without page path or query."""
    parts = urlsplit(os.environ.get(PUBLIC_URL, "").strip() or reached_by)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def only_this_computer(url: str) -> bool:
    """Whether ``url`` points at the computer that opens it (localhost, 127.0.0.1): a link with
    it works for nobody else."""
    host = (urlsplit(url).hostname or "").lower()
    return host in _THIS_COMPUTER or host.endswith(".localhost") or host.startswith("127.")
