"""The Privacy page for everyone, signed in or not; Beheer's MR step and "Wie deed wat"."""

from __future__ import annotations

import pytest

from assessment import store
from tests.app.conftest import open_app


def log_lines(at) -> list[str]:
    """The rows of the "Wie deed wat" table, Markdown escapes removed."""
    table = next(m.value for m in at.markdown if m.value.startswith("| Wanneer | Wie | Wat |"))
    return [line.replace("\\", "") for line in table.splitlines()[2:]]


def page_text(at) -> str:
    return " ".join(
        [t.value for t in at.title]
        + [h.value for h in at.header]
        + [m.value for m in at.markdown]
        + [c.value for c in at.caption]
    )


def test_the_privacy_page_opens_without_signing_in_and_is_in_the_navigation(database):
    at = open_app(page="privacy")
    assert not at.exception
    assert [t.value for t in at.title] == ["Privacy"]
    text = page_text(at)
    assert "Geen veiligheidsmonitor" in [h.value for h in at.header]
    assert "geen monitor sociale veiligheid" in text
    assert "Wie ziet wat" in [h.value for h in at.header]
    assert "5 jaar nadat een scan is gesloten" in text and "al na 2 jaar" in text
    assert "pas vanaf 3 mensen" in text
    assert not at.get("download_button")


def test_it_shows_the_installations_settings(database, monkeypatch):
    monkeypatch.setenv("TSO_PRIVACY_CONTROLLER", "Stichting Samen Leren is verantwoordelijk.")
    monkeypatch.setenv("TSO_PRIVACY_CONTACT", "privacy@samenleren.nl")
    monkeypatch.setenv("TSO_SERVER_LOCATION", "Amsterdam, Nederland")
    monkeypatch.setenv("TSO_RETENTION_YEARS", "4")
    text = page_text(open_app(page="privacy"))
    assert "Stichting Samen Leren is verantwoordelijk\\." in text
    assert "privacy@samenleren\\.nl" in text and "Amsterdam, Nederland" in text
    assert "4 jaar nadat een scan is gesloten" in text


def test_a_wrong_setting_gives_a_dutch_sentence_not_a_traceback(database, monkeypatch):
    monkeypatch.setenv("TSO_RETENTION_YEARS", "vijf")
    at = open_app(page="privacy")
    assert not at.exception
    assert "Een privacy-instelling van deze installatie klopt niet" in at.error[0].value


@pytest.mark.parametrize("who", ["coordinator", "trainer", "board", "respondent"])
def test_every_role_reaches_it_and_only_the_coordinator_gets_the_leaflet(school, who):
    code = school.respondents[0] if who == "respondent" else getattr(school, who)
    at = open_app(code, "privacy")
    assert not at.exception and [t.value for t in at.title] == ["Privacy"]
    downloads = [b.label for b in at.get("download_button")]
    assert downloads == (["Privacybijsluiter (PDF)"] if who == "coordinator" else [])


def test_the_page_is_complete_in_english(database):
    at = open_app()
    at.segmented_control(key="language_choice").set_value("en").run()
    at.switch_page("pages/privacy.py").run()
    assert "Not a safety monitor" in [h.value for h in at.header]
    assert "Who sees what" in [h.value for h in at.header]


def test_beheer_offers_the_leaflet_and_remembers_the_mr_tick_in_the_log(school):
    at = open_app(school.coordinator, "beheer")
    assert not at.exception
    headers = [h.value for h in at.header]
    assert headers.index("Medezeggenschapsraad (MR)") < headers.index("Codes voor het team")
    assert "Privacybijsluiter (PDF)" in [b.label for b in at.get("download_button")]
    box = at.checkbox(key=f"mr_informed_{school.scan.id}")
    assert box.label == "MR geïnformeerd over scan 2026\\-2027" and not box.value
    box.check().run()
    coordinator = store.resolve_code(school.engine, school.coordinator)
    assert store.mr_informed_on(school.engine, coordinator, school.scan.id) is not None
    assert any(c.value.startswith("Aangevinkt op") for c in at.caption)
    assert log_lines(at)[0].endswith("| MR geïnformeerd aangevinkt · 2026-2027 |")


def test_wie_deed_wat_lists_the_schools_actions_newest_first_with_no_answers(school):
    engine = school.engine
    respondent = store.resolve_code(engine, school.respondents[0])
    store.start_respondent(engine, respondent, None)
    store.save_answer(engine, respondent, school.scan_criterion, 2, note="Leerling Bram huilde")
    at = open_app(school.coordinator, "beheer")
    assert "Wie deed wat" in [h.value for h in at.header]
    lines = log_lines(at)
    assert lines[0].endswith("| Coördinator (code 1) | Aangemeld |")
    assert lines[1].endswith("| Codes aangemaakt: 1 × Collega · 2026-2027 |")
    assert lines[4].endswith("| Codes aangemaakt: 1 × Trainer |")
    assert lines[5].endswith("| Scan geopend · 2026-2027 |")
    assert lines[6].endswith("| Beheerder (opdrachtregel) | Codes aangemaakt: 1 × Coördinator |")
    assert len(lines) == 7 and not any("Bram" in line for line in lines)


def test_wie_deed_wat_is_paged(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    for _ in range(25):
        store.record_sign_in(school.engine, coordinator)
    at = open_app(school.coordinator, "beheer")
    assert any(c.value.startswith("Pagina 1 van 2") for c in at.caption)
    at.number_input(key="audit_page").set_value(2).run()
    assert any(c.value.startswith("Pagina 2 van 2") for c in at.caption)
    assert any("Scan geopend" in line for line in log_lines(at))
