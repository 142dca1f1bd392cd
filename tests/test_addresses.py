"""Which address links are built from, and whether a colleague's phone can open it."""

from __future__ import annotations

from assessment.addresses import PUBLIC_URL, only_this_computer, public_base_url


def test_links_use_the_address_the_app_was_reached_by_unless_a_public_one_is_set(monkeypatch):
    monkeypatch.delenv(PUBLIC_URL, raising=False)
    assert public_base_url("http://127.0.0.1:8501/beheer?x=1") == "http://127.0.0.1:8501/"
    monkeypatch.setenv(PUBLIC_URL, "https://zelfscan.school.nl")
    assert public_base_url("http://127.0.0.1:8501/beheer") == "https://zelfscan.school.nl/"


def test_only_this_computer_opens_localhost_and_loopback_addresses():
    for url in ("http://localhost:8501/", "http://127.0.0.1/", "http://[::1]:8501/"):
        assert only_this_computer(url), url
    for url in ("https://zelfscan.school.nl/", "http://192.168.1.20:8501/"):
        assert not only_this_computer(url), url
