"""Database faults: a Dutch message, nothing of the database shown or logged, and
recovery without a restart once the database is back.

Making a file read-only: ``chmod`` stops a normal user, but tests may run as root, whom file modes
do not stop. Then the file gets the immutable attribute (``chattr +i``, ext4 and most Linux file
systems), which stops root too. Either way SQLite itself meets a file it cannot write, as it would
after a full disk was remounted read-only or a backup tool changed the owner, and opens it
read-only; ``PRAGMA query_only`` would only imitate that inside our own connection.
"""

from __future__ import annotations

import logging

import pytest

from assessment import store
from assessment.i18n import t
from tests.factories import make_scan, make_school
from tests.helpers import make_read_only, make_writable

NOTE = "geheim bewijs over groep 5"


@pytest.fixture
def scan_file(tmp_path, mini):
    """A SQLite file with one open scan; yields (path, respondent code)."""
    path = tmp_path / "store.sqlite"
    engine = store.make_engine(f"sqlite:///{path}")
    store.upgrade(engine)
    school = make_school(engine, name="OBS Fout", board="Stichting Fout")
    [code] = make_scan(engine, school, label="2025-2026", rubric=mini, respondents=1).codes
    engine.dispose()
    yield path, code
    make_writable(path)


def test_a_read_only_database_gives_a_dutch_message_and_saving_recovers(scan_file, caplog):
    path, code = scan_file
    make_read_only(path)
    app = store.make_engine(f"sqlite:///{path}")  # the app, started while the file is read-only
    respondent = store.resolve_code(app, code)  # reading works
    caplog.set_level(logging.DEBUG)

    for _ in range(2):
        with pytest.raises(store.DatabaseFault) as refused:
            store.save_answer(app, respondent, "a-v1", 2, NOTE)
        message = t(refused.value.key, "nl", **refused.value.values)
        assert message.startswith("De database is op dit moment niet bereikbaar")
        for leak in (NOTE, "INSERT", "sqlite", str(path), code):
            assert leak not in message and leak not in str(refused.value)
    assert NOTE not in caplog.text and code not in caplog.text

    make_writable(path)
    saved = store.save_answer(app, respondent, "a-v1", 3, NOTE)  # no restart, same engine
    assert saved.value == 3
    assert store.my_answers(app, respondent)["a-v1"].note == NOTE
    app.dispose()


def test_an_unreachable_postgresql_gives_a_dutch_message_without_host(caplog):
    engine = store.make_engine("postgresql+psycopg://tso:geheim@127.0.0.1:1/tso?connect_timeout=2")
    with pytest.raises(store.DatabaseFault) as refused:
        store.resolve_code(engine, "een-code-die-niet-in-het-log-mag")
    message = t(refused.value.key, "nl", **refused.value.values)
    assert "niet bereikbaar" in message
    for leak in ("127.0.0.1", "geheim", "psycopg", "connection"):
        assert leak not in message and leak not in str(refused.value)
    assert "een-code-die-niet-in-het-log-mag" not in caplog.text
    engine.dispose()
