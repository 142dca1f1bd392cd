"""Beheer: codes shown once and all of them, numbered as in the list; closing a scan asks first."""

from __future__ import annotations

import re

from assessment import store
from tests.app.conftest import open_app


def make_codes(at, count: int):
    at.number_input(key="codes_count").set_value(count)
    next(b for b in at.button if b.label == "Codes aanmaken").click().run()
    assert not at.exception


def links_block(at) -> str:
    return next(c.value for c in at.code if "?code=" in c.value)


def coordinator_of(school) -> store.Access:
    return store.resolve_code(school.engine, school.coordinator)


def test_new_codes_are_all_shown_with_the_numbers_of_the_list(school):
    at = open_app(school.coordinator, "beheer")
    make_codes(at, 3)
    lines = links_block(at).splitlines()
    # the fixture made Collega 1-3 already
    assert [line.split(" (")[0] for line in lines] == ["Collega 4", "Collega 5", "Collega 6"]
    codes = [re.search(r"\?code=(\S+)$", line).group(1) for line in lines]
    numbers = {
        c.info.id: c.number
        for c in store.team_codes(school.engine, coordinator_of(school), school.school.id)
    }
    for line, code in zip(lines, codes, strict=True):
        assert f"Collega {numbers[store.resolve_code(school.engine, code).code_id]} " in line + " "
    assert [b.label for b in at.get("download_button")] == [
        "Privacybijsluiter (PDF)",
        "Codes printen (PDF)",
        "Download alle gegevens van onze school",
    ]
    table = at.dataframe[0].value
    assert list(table.columns) == ["Code", "Scan", "Gebruik", "Gemaakt", "Verloopt", "Status"]
    assert "Collega 6" in list(table["Code"])


def test_a_second_submit_shows_the_first_batch_too(school):
    """A double click submits twice: every code made is on screen, none is lost."""
    at = open_app(school.coordinator, "beheer")
    make_codes(at, 2)
    make_codes(at, 2)
    shown = [line.split(" (")[0] for line in links_block(at).splitlines()]
    assert shown == ["Collega 4", "Collega 5", "Collega 6", "Collega 7"]
    made = [
        c
        for c in store.team_codes(school.engine, coordinator_of(school), school.school.id)
        if c.info.role == "respondent"
    ]
    assert len(made) == 3 + 4
    assert "Je hebt 4 nieuwe codes" in at.warning[0].value


def test_the_list_shows_use_but_never_offers_your_own_code_for_revoking(school):
    respondent = store.resolve_code(school.engine, school.respondents[0])
    store.start_respondent(school.engine, respondent, "werkgroep")
    store.save_answer(school.engine, respondent, school.scan_criterion, 2, "")
    at = open_app(school.coordinator, "beheer")
    table = at.dataframe[0].value
    use = dict(zip(table["Code"], table["Gebruik"], strict=True))
    assert use["Collega 1"] == "begonnen, 1 beantwoord"
    assert use["Collega 2"] == "nog niet gebruikt"
    assert use["Coördinator (jouw code)"] == "–"
    options = at.multiselect[0].options
    assert len(options) == 4  # three colleagues and the trainer
    assert not [o for o in options if "Coördinator" in o]


def test_closing_a_scan_asks_first(school):
    at = open_app(school.coordinator, "beheer")
    next(b for b in at.button if b.label == "Sluiten").click().run()
    assert store.get_scan(school.engine, coordinator_of(school), school.scan.id).status == "open"
    assert any("sluiten?" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Annuleren").click().run()
    assert not any("sluiten?" in w.value for w in at.warning)
    assert store.get_scan(school.engine, coordinator_of(school), school.scan.id).status == "open"

    next(b for b in at.button if b.label == "Sluiten").click().run()
    next(b for b in at.button if b.label == "Ja, scan sluiten").click().run()
    assert not at.exception
    assert store.get_scan(school.engine, coordinator_of(school), school.scan.id).status == "closed"
    assert any("gesloten" in s.value for s in at.success)


def test_a_trainer_code_is_issued_once_and_shown(school):
    at = open_app(school.coordinator, "beheer")
    at.text_input(key="trainer_name").input("Petra de Trainer")
    next(b for b in at.button if b.label == "Trainerscode aanmaken").click().run()
    assert not at.exception
    assert not [e for e in at.error if "Er ging iets mis" in e.value]
    shown = [c.value for c in at.code if "?code=" not in c.value]
    assert len(shown) == 1
    trainer = store.resolve_code(school.engine, shown[0])
    assert trainer.role == "trainer" and trainer.school_id == school.school.id
    issued = [
        c
        for c in store.team_codes(school.engine, coordinator_of(school), school.school.id)
        if c.info.role == "trainer"
    ]
    # the fixture's trainer code and the one shown: none issued unseen
    assert len(issued) == 2
    assert any(c.info.label == "Petra de Trainer" for c in issued)
    at.run()  # shown until the coordinator leaves the page
    assert [c.value for c in at.code if "?code=" not in c.value] == shown


def test_codes_made_on_a_local_address_carry_a_warning_and_public_url_fixes_it(school, monkeypatch):
    at = open_app(school.coordinator, "beheer")
    make_codes(at, 1)
    assert any("alleen deze computer kan openen" in e.value for e in at.error)
    monkeypatch.setenv("TSO_PUBLIC_URL", "https://zelfscan.school.nl")
    at = open_app(school.coordinator, "beheer")
    make_codes(at, 1)
    assert not [e for e in at.error if "alleen deze computer" in e.value]
    assert "https://zelfscan.school.nl/?code=" in links_block(at)
