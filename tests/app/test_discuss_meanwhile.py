"""Bespreken with two coordinators at once: an agreed value set meanwhile is never overwritten."""

from __future__ import annotations

from assessment import store
from tests.app.conftest import open_app


def agreed_keys(at, scan_id: int) -> list[str]:
    prefix = f"agreed-{scan_id}-"
    return [s.key for s in at.selectbox if s.key and s.key.startswith(prefix)]


def test_a_stale_agreed_value_is_refused_shown_and_can_then_be_chosen_again(school):
    engine, scan_id = school.engine, school.scan.id
    first = open_app(school.coordinator, "bespreken")
    second = open_app(school.coordinator, "bespreken")  # a colleague at another screen
    key = agreed_keys(first, scan_id)[0]
    criterion = key.removeprefix(f"agreed-{scan_id}-")
    coordinator = store.resolve_code(engine, school.coordinator)

    first.selectbox(key=key).set_value(2).run()
    assert first.success and not first.error
    second.selectbox(key=key).set_value(0).run()
    assert not second.exception
    [message] = [e.value for e in second.error]
    assert message.startswith("Iemand anders heeft intussen bij ‘")
    assert "vastgelegd: 2 · " in message and "Jouw keuze (0 · " in message
    assert store.scan_data(engine, coordinator, scan_id).agreed[criterion] == 2
    assert second.selectbox(key=key).value == 2  # the screen shows what is recorded

    second.selectbox(key=key).set_value(0).run()  # chosen again, knowingly
    assert not second.error
    assert store.scan_data(engine, coordinator, scan_id).agreed[criterion] == 0
    first.run()  # any next step on the first screen shows the colleague's value
    assert first.selectbox(key=key).value == 0


def test_an_agreement_removed_meanwhile_is_not_set_again_silently(school):
    engine, scan_id = school.engine, school.scan.id
    first = open_app(school.coordinator, "bespreken")
    key = agreed_keys(first, scan_id)[0]
    criterion = key.removeprefix(f"agreed-{scan_id}-")
    first.selectbox(key=key).set_value(1).run()
    second = open_app(school.coordinator, "bespreken")
    first.selectbox(key=key).set_value("-").run()  # the first removes the agreement
    second.text_input(key=f"agreed-note-{scan_id}-{criterion}").input("toch 3").run()
    [message] = [e.value for e in second.error]
    assert "de afspraak bij ‘" in message and "weggehaald" in message
    assert "toelichting ‘toch 3’" in message
    coordinator = store.resolve_code(engine, school.coordinator)
    assert criterion not in store.scan_data(engine, coordinator, scan_id).agreed
    assert second.selectbox(key=key).value == "-"
