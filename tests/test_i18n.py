"""The locale files: Dutch and English complete, with the same placeholders; Dutch numbers."""

from __future__ import annotations

import string

import pytest

from assessment.i18n import LANGUAGES, catalog, number, percent, signed, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_key():
    keys = {lang: set(catalog(lang)) for lang in LANGUAGES}
    assert keys["nl"] == keys["en"], keys["nl"] ^ keys["en"]


@pytest.mark.parametrize("key", sorted(catalog("nl")))
def test_translations_use_the_same_placeholders(key):
    assert placeholders(catalog("nl")[key]) == placeholders(catalog("en")[key])


def test_no_translation_is_empty():
    for lang in LANGUAGES:
        assert all(text.strip() for text in catalog(lang).values())


def test_numbers_are_dutch_style_in_dutch():
    assert number(1.66, "nl") == "1,7" and number(1.66, "en") == "1.7"
    assert number(72.0, "nl", 0) == "72" and percent(0.5, "nl") == "50%"


def test_numbers_round_half_up_and_changes_carry_a_sign():
    assert number(2.25, "nl") == "2,3" and number(1.25, "en") == "1.3"
    assert (
        signed(2.5, "nl") == "+2,5"
        and signed(-1.0, "nl") == "−1,0"
        and signed(-0.01, "nl") == "0,0"
    )


def test_a_missing_key_is_an_error_not_silent():
    with pytest.raises(KeyError):
        t("does.not.exist")
