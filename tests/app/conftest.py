"""AppTest fixtures: a fresh SQLite database per test with one school, a scan and codes."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assessment import store
from assessment.rubric import load_rubric
from tests.helpers import ROOT

APP = str(ROOT / "app.py")


@dataclass
class School:
    engine: object
    school: store.SchoolInfo
    scan: store.ScanInfo
    coordinator: str
    trainer: str
    board: str
    respondents: list[str]
    scan_criterion: str = "pro-basiskennis"


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("TSO_DATABASE_URL", url)
    monkeypatch.setenv("TSO_DEMO_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite'}")
    monkeypatch.setenv("TSO_DEMO", "1")
    monkeypatch.delenv("TSO_RUBRIC_DIR", raising=False)
    st.cache_resource.clear()
    engine = store.make_engine(url)
    store.upgrade(engine)
    yield engine
    st.cache_resource.clear()
    engine.dispose()


@pytest.fixture
def school(database) -> School:
    admin = store.admin_access()
    board = store.create_board(database, admin, "Stichting Proef")
    info = store.create_school(database, admin, board.id, "OBS De Proeftuin", share_with_board=True)
    coordinator = store.issue_code(database, admin, "coordinator", school_id=info.id).code
    coordinator_access = store.resolve_code(database, coordinator)
    scan = store.open_scan(database, coordinator_access, info.id, "2026-2027", load_rubric())
    trainer = store.issue_code(database, coordinator_access, "trainer", school_id=info.id).code
    board_code = store.issue_code(database, admin, "board", board_id=board.id).code
    respondents = [
        store.issue_code(database, coordinator_access, "respondent", scan_id=scan.id).code
        for _ in range(3)
    ]
    return School(database, info, scan, coordinator, trainer, board_code, respondents)


def open_app(code: str | None = None, page: str | None = None) -> AppTest:
    """The app as a user arriving by link (``?code=``), optionally then switching to ``page``."""
    at = AppTest.from_file(APP, default_timeout=30)
    if code:
        at.query_params["code"] = code
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at
