"""What a user sees when something goes wrong: a Dutch sentence, never a
traceback; a failed save keeps the answer on screen; wrong codes slow down."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from sqlalchemy import update
from streamlit.testing.v1.element_tree import Radio

from assessment import store
from assessment.rubric import load_rubric
from assessment.store import tables as T
from assessment.ui import context
from assessment.ui.safe import md
from tests.app.conftest import open_app
from tests.helpers import ROOT, make_read_only, make_writable


def test_the_server_config_hides_error_details_and_listens_on_this_machine_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"


def enter_code(at, code: str):
    at.text_input[0].input(code)
    next(b for b in at.button if b.label == "Openen").click().run()
    return at


WAIT = "Je hebt te vaak een onjuiste code ingevuld. Wacht "


def test_after_five_wrong_codes_the_sixth_try_waits_even_with_the_right_code(school):
    at = open_app()
    for attempt in range(5):
        enter_code(at, f"fout-{attempt}")
        assert "kennen we niet" in at.warning[0].value
    enter_code(at, school.coordinator)
    assert not at.exception
    [warning] = [w.value for w in at.warning]
    assert warning.startswith(WAIT)
    assert context.ACCESS not in at.session_state


def test_a_right_code_does_not_clear_the_address_count(school):
    for tab in range(4):  # 20 wrong codes from one address
        at = open_app()
        for attempt in range(5):
            enter_code(at, f"fout-{tab}-{attempt}")
    signed_in = enter_code(open_app(), school.trainer)  # the attacker's own valid code
    assert signed_in.session_state[context.ACCESS].role == "trainer"
    at = enter_code(open_app(), "fout-21")
    assert "kennen we niet" in at.warning[0].value
    enter_code(at, "fout-22")
    assert at.warning[0].value.startswith(WAIT)


def test_wrong_codes_of_others_behind_the_same_router_never_hold_back_a_right_code(school):
    for tab in range(4):  # four tabs of one address: 20 wrong codes, none waits on its own
        at = open_app()
        for attempt in range(5 if tab < 3 else 4):
            enter_code(at, f"fout-{tab}-{attempt}")
        if tab < 3:
            enter_code(at, "fout-nog-een")
            assert at.warning[0].value.startswith(WAIT)
    enter_code(at, "fout-20")  # the address's 20th wrong code: tab 4 erred, so it waits now
    enter_code(at, school.coordinator)
    assert at.warning[0].value.startswith(WAIT)
    colleague = enter_code(open_app(), school.coordinator)
    assert not colleague.warning
    assert colleague.session_state[context.ACCESS].role == "coordinator"


def started_questionnaire(school):
    at = open_app(school.respondents[0], "vragenlijst")
    next(b for b in at.button if b.label == "Beginnen").click().run()
    assert not at.exception
    return at


def test_a_failed_save_keeps_the_answer_on_screen_and_says_so(school):
    at = started_questionnaire(school)
    key = f"answer-{school.scan.id}-{school.scan_criterion}"
    path = Path(school.engine.url.database)
    # SQLite shares open files between the connections of one process: close them all, so the
    # app's next connection meets the read-only file as it would after a restart.
    school.engine.dispose()
    make_read_only(path)
    try:
        context.main_engine().dispose()
        at.radio(key=key).set_value(2).run()
        assert not at.exception
        [error] = [e.value for e in at.error]
        assert error.startswith("Je antwoord is niet opgeslagen. De database is op dit moment")
        assert "sqlite" not in error and "INSERT" not in error and str(path) not in error
        assert at.radio(key=key).value == 2  # still on screen
    finally:
        make_writable(path)
    at.radio(key=key).set_value(3).run()  # the database is back: saving works again
    assert not at.error, [e.value for e in at.error]
    respondent = store.resolve_code(school.engine, school.respondents[0])
    assert store.my_answers(school.engine, respondent)[school.scan_criterion].value == 3


class _Tampered(Radio):
    """A radio whose browser sends a value that is not one of its options."""

    @property
    def _widget_state(self):
        state = super()._widget_state
        state.string_value = "99"
        return state


def test_an_answer_outside_the_options_gives_a_dutch_message_not_a_traceback(school):
    at = started_questionnaire(school)
    radio = at.radio(key=f"answer-{school.scan.id}-{school.scan_criterion}")
    radio.__class__ = _Tampered
    radio.set_value(1)  # marks it changed; the value sent is "99"
    at.run()
    assert not at.exception
    assert any("‘99’ is geen geldig antwoord" in e.value for e in at.error), at.error
    respondent = store.resolve_code(school.engine, school.respondents[0])
    assert store.my_answers(school.engine, respondent) == {}


def test_a_theme_id_is_shown_as_text_on_actieplan(school):
    hostile = "[klik](http://evil.example) ![x](http://evil.example/x.png)"
    coordinator = store.resolve_code(school.engine, school.coordinator)
    rubric = load_rubric()
    last_year = store.open_scan(school.engine, coordinator, school.school.id, "2025-2026", rubric)
    action = store.add_action(school.engine, coordinator, last_year.id, "draagvlak", "Studiedag")
    with school.engine.begin() as connection:  # as an import could store it before text was checked
        connection.execute(update(T.action).where(T.action.c.id == action.id).values(theme=hostile))
        connection.execute(  # last year's scan is older than this year's
            update(T.scan)
            .where(T.scan.c.id == last_year.id)
            .values(created_at=dt.datetime(2025, 9, 1, tzinfo=dt.UTC))
        )
    store.close_scan(school.engine, coordinator, last_year.id)
    at = open_app(school.coordinator, "actieplan")
    assert not at.exception
    captions = [c.value for c in at.caption if "Studiedag" not in c.value]
    assert any(caption.startswith(md(hostile) + " · ") for caption in captions), captions
