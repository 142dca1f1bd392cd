"""A tampered browser message that picks a theme the questionnaire does not have (an index out
of range, a text that is no option) gets the app's own Dutch sentence and the questionnaire stays
where it was: never Streamlit's English error box."""

from __future__ import annotations

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.app.conftest import open_app


def theme_choice(at):
    return next(s for s in at.selectbox if s.key and s.key.startswith("theme_choice-"))


def send_tampered(at, widget, value: str) -> None:
    """Send ``value`` as the widget's string value, as a browser message could hold it."""

    class Tampered(type(widget)):
        @property
        def _widget_state(self) -> WidgetState:
            state = WidgetState()
            state.id = self.id
            state.string_value = value
            return state

    widget.__class__ = Tampered
    at.run()


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


@pytest.mark.parametrize("value", ["7", "-1", "99999999999999999999", "Thema x", ""])
def test_a_theme_that_is_not_there_gets_a_dutch_sentence(school, value):
    at = open_app(school.respondents[0], "vragenlijst")
    button(at, "Beginnen").click().run()
    header = at.header[0].value
    send_tampered(at, theme_choice(at), value)
    assert not at.exception
    assert at.header[0].value == header  # still the same theme
    errors = [e.value for e in at.error]
    assert errors and errors[-1].startswith("Dat thema bestaat niet in deze vragenlijst")
    # The questionnaire goes on as before: the next theme is one click away.
    button(at, "Volgend thema").click().run()
    assert not at.exception and at.header[0].value != header
