"""Bespreken with two coordinators at once: an agreed value set meanwhile is never overwritten."""

from __future__ import annotations

from assessment import store
from tests.app.conftest import open_app
from tests.app.test_discuss import FIRST, answered, button  # noqa: F401 (fixture)


def save(at, scan_id: int, value, note: str | None = None) -> None:
    at.selectbox(key=f"agreed-{scan_id}-{FIRST}").set_value(value)
    if note is not None:
        at.text_input(key=f"agreed-note-{scan_id}-{FIRST}").set_value(note)
    button(at, "Afspraak opslaan").click().run()


def test_a_stale_agreed_value_is_refused_shown_and_can_then_be_chosen_again(answered):  # noqa: F811
    engine, scan_id = answered.engine, answered.scan.id
    coordinator = store.resolve_code(engine, answered.coordinator)
    first = open_app(answered.coordinator, "bespreken")
    second = open_app(answered.coordinator, "bespreken")  # a colleague at another screen

    save(first, scan_id, 2)
    assert first.success and not first.error
    save(second, scan_id, 0)
    assert not second.exception
    [message] = [e.value for e in second.error]
    assert message.startswith("Iemand anders heeft intussen bij ‘")
    assert "vastgelegd: 2 · " in message and "Jouw keuze (0 · " in message
    assert store.scan_data(engine, coordinator, scan_id).agreed[FIRST] == 2
    assert second.selectbox(key=f"agreed-{scan_id}-{FIRST}").value == 2  # what is recorded

    save(second, scan_id, 0)  # chosen again, knowingly
    assert not second.error
    assert store.scan_data(engine, coordinator, scan_id).agreed[FIRST] == 0


def test_an_agreement_removed_meanwhile_is_not_set_again_silently(answered):  # noqa: F811
    engine, scan_id = answered.engine, answered.scan.id
    coordinator = store.resolve_code(engine, answered.coordinator)
    first = open_app(answered.coordinator, "bespreken")
    save(first, scan_id, 1)
    second = open_app(answered.coordinator, "bespreken")
    second.segmented_control[0].set_value("done").run()  # the agreed one, under Besproken
    save(first, scan_id, "-")  # the first removes the agreement
    save(second, scan_id, 3, "toch 3")
    [message] = [e.value for e in second.error]
    assert "de afspraak bij ‘" in message and "weggehaald" in message
    assert "toelichting ‘toch 3’" in message
    assert FIRST not in store.scan_data(engine, coordinator, scan_id).agreed
    assert second.selectbox(key=f"agreed-{scan_id}-{FIRST}").value == "-"
