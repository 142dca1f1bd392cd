"""A download button's builder that also writes the download into the audit log: the file is
built first, so a failed build logs nothing, and it is only handed out once the row is written."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy import Engine

from assessment import store


def _build_and_record(
    build: Callable[[], bytes | str],
    engine: Engine,
    access: store.Access,
    what: str,
    scan_id: int | None,
) -> bytes | str:
    data = build()
    store.record_download(engine, access, what, scan_id=scan_id)
    return data


def logged(
    build: Callable[[], bytes | str],
    engine: Engine,
    access: store.Access,
    what: str,
    scan_id: int | None = None,
) -> Callable[[], bytes | str]:
    """``build`` for ``st.download_button(data=...)``, recorded as a ``what`` download."""
    return partial(_build_and_record, build, engine, access, what, scan_id)
