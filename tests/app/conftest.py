"""AppTest fixtures: a fresh SQLite database per test (a copy of the migrated template) with one
school, a scan and codes."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assessment import store
from tests.factories import board_code, make_scan, make_school, trainer_code, unused_codes
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
def database(tmp_path, monkeypatch, _sqlite_template):
    path = tmp_path / "app.sqlite"
    shutil.copyfile(_sqlite_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("TSO_DATABASE_URL", url)
    monkeypatch.setenv("TSO_DEMO_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite'}")
    monkeypatch.setenv("TSO_DEMO", "1")
    monkeypatch.delenv("TSO_RUBRIC_DIR", raising=False)
    st.cache_resource.clear()
    engine = store.make_engine(url)
    yield engine
    st.cache_resource.clear()
    engine.dispose()


@pytest.fixture
def school(database) -> School:
    made = make_school(database, share_with_board=True)
    scan = make_scan(database, made)
    trainer, board = trainer_code(database, made), board_code(database, made.board)
    respondents = [respondent.code for respondent in unused_codes(database, scan, 3)]
    return School(
        database, made.school, scan.scan, made.coordinator_code, trainer, board, respondents
    )


def open_app(code: str | None = None, page: str | None = None) -> AppTest:
    """The app as a user arriving by link (``?code=``), optionally then switching to ``page``."""
    at = AppTest.from_file(APP, default_timeout=30)
    if code:
        at.query_params["code"] = code
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at
