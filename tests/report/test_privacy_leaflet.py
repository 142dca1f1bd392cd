"""The privacybijsluiter read back: two pages naming who is responsible, the retention in years,
who sees what per role, the minimum group size and that it is no social-safety monitor."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.privacy_notice import build_notice, notice_from_env
from assessment.privacy_settings import PrivacySettings, RetentionSettings, SettingRefused
from assessment.report.privacy_leaflet import privacy_leaflet_pdf
from tests.report.helpers import Pdf

CONTROLLER = "Stichting Samen Leren (Postbus 12, 3500 AA Utrecht) is verwerkingsverantwoordelijke."
CONTACT = "privacy@samenleren.nl, telefoon 030 123 45 67"
LOCATION = "Datacentrum in Amsterdam (Nederland), back-ups in Groningen"


def leaflet(lang: str = "nl", **settings) -> Pdf:
    retention = RetentionSettings(years=7, notes_years=3)
    privacy = PrivacySettings(
        settings.get("controller", CONTROLLER),
        settings.get("contact", CONTACT),
        settings.get("server_location", LOCATION),
    )
    notice = build_notice(lang, 4, retention, privacy)
    return Pdf(privacy_leaflet_pdf(notice, lang, made=dt.date(2026, 12, 6)))


def test_the_leaflet_is_two_pages_with_the_settings_of_this_installation():
    pdf = leaflet()
    assert len(pdf.pages) == 2
    text = pdf.flat
    assert "Privacybijsluiter TSO Zelfscan" in text
    for setting in (CONTROLLER, CONTACT, LOCATION):
        assert setting in text
    assert pdf.reader.metadata.title == "Privacybijsluiter TSO Zelfscan"


def test_it_says_plainly_that_this_is_no_social_safety_monitor():
    text = leaflet().flat
    assert "Geen veiligheidsmonitor" in text
    assert "geen monitor sociale veiligheid" in text
    assert "geen leerlingen bevraagd" in text
    assert text.index("Geen veiligheidsmonitor") < text.index("Wie is verantwoordelijk")


def test_it_gives_the_retention_figures_and_the_minimum_group_size():
    text = leaflet().flat
    assert "7 jaar nadat een scan is gesloten" in text
    assert "toelichtingen al na 3 jaar" in text
    assert "pas vanaf 4 mensen" in text


def test_it_has_the_role_table_with_what_each_role_sees_and_never_sees():
    pdf = leaflet()
    page = pdf.page_of("Wie ziet wat")
    text = " ".join(pdf.pages[page].split())
    assert "Rol Ziet Ziet nooit" in text
    for role in ("Collega", "Coördinator", "Trainer of schoolcoach", "Bestuur", "Beheerder"):
        assert role in text
    assert "Wie welk antwoord gaf." in text
    assert "Losse antwoorden, toelichtingen" in text


def test_without_settings_it_names_the_board_and_says_the_location_is_not_set(monkeypatch):
    for name in (
        "TSO_PRIVACY_CONTROLLER",
        "TSO_PRIVACY_CONTACT",
        "TSO_SERVER_LOCATION",
        "TSO_RETENTION_YEARS",
        "TSO_NOTES_RETENTION_YEARS",
    ):
        monkeypatch.delenv(name, raising=False)
    text = Pdf(privacy_leaflet_pdf(notice_from_env("nl", 3), "nl")).flat
    assert "verantwoordelijke) is het bestuur van de school" in text
    assert "5 jaar nadat een scan is gesloten" in text and "al na 2 jaar" in text
    assert "Niet ingesteld." in text


def test_the_english_leaflet_is_complete_too():
    pdf = leaflet("en")
    assert len(pdf.pages) == 2
    assert "Not a safety monitor" in pdf.flat and "7 years after a scan is closed" in pdf.flat


def test_user_text_in_the_settings_is_shown_literally():
    text = leaflet(controller="<b>School & Co</b> <img src='/etc/passwd'/>").flat
    assert "<b>School & Co</b> <img src='/etc/passwd'/>" in text


def test_retention_settings_are_the_purges_own_and_notes_never_outlive_answers(monkeypatch):
    monkeypatch.setenv("TSO_RETENTION_YEARS", "3")
    monkeypatch.setenv("TSO_NOTES_RETENTION_YEARS", "2")
    assert RetentionSettings.from_env() == RetentionSettings(3, 2)
    monkeypatch.setenv("TSO_NOTES_RETENTION_YEARS", "4")  # the purge refuses this too
    with pytest.raises(SettingRefused):
        RetentionSettings.from_env()
    monkeypatch.setenv("TSO_NOTES_RETENTION_YEARS", "2")
    monkeypatch.setenv("TSO_RETENTION_YEARS", "vijf")
    with pytest.raises(SettingRefused):
        RetentionSettings.from_env()
    monkeypatch.setenv("TSO_RETENTION_YEARS", "0")
    with pytest.raises(SettingRefused):
        RetentionSettings.from_env()


def test_the_longest_settings_allowed_still_fit_on_two_pages():
    longest = "Stichting Samen Leren " * 30
    for lang in ("nl", "en"):
        notice = build_notice(
            lang,
            3,
            RetentionSettings(5, 2),
            PrivacySettings(longest[:500], longest[:500], longest[:500]),
        )
        assert len(Pdf(privacy_leaflet_pdf(notice, lang)).pages) == 2
