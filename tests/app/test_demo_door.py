"""The demo is no door: ``?demo=1`` makes an anonymous visitor coordinator of the
demo school, so the demo lives in a database of its own, never beside real schools."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from assessment import store
from tests.app.conftest import APP


def open_demo_link() -> AppTest:
    """The app as an anonymous visitor opening ``/?demo=1``."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["demo"] = "1"
    return at.run()


def schools(url: str) -> list[store.SchoolInfo]:
    engine = store.make_engine(url)
    store.upgrade(engine)
    try:
        return store.list_schools(engine, store.admin_access())
    finally:
        engine.dispose()


def test_the_demo_lives_in_its_own_database(school):
    at = open_demo_link()
    at.switch_page("pages/resultaten.py").run()
    assert not at.exception
    assert at.title[0].value.startswith("Resultaten")
    real = store.list_schools(school.engine, store.admin_access())
    assert [s.name for s in real] == ["OBS De Proeftuin"] and not any(s.is_demo for s in real)
    demo = schools(os.environ["TSO_DEMO_DATABASE_URL"])
    assert len(demo) == 3 and all(s.is_demo for s in demo)


def test_no_demo_when_its_database_would_be_the_real_one(database, monkeypatch):
    monkeypatch.setenv("TSO_DEMO_DATABASE_URL", os.environ["TSO_DATABASE_URL"])
    at = open_demo_link()
    assert not at.exception
    assert not any(button.label == "Probeer de demo" for button in at.button)
    assert store.list_schools(database, store.admin_access()) == []
