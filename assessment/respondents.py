"""Respondent roles, and answers and notes never in the order of respondents or codes (what a
small group may show is decided in ``assessment.views.privacy``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

Answer = TypeVar("Answer", bound=int | str)  # a score, or "dk" or "na"

RESPONDENT_ROLES = ("directie", "werkgroep", "leerkracht", "ib_zorg", "oop", "anders")


def notes_in_anonymous_order(notes: Iterable[str]) -> list[str]:
    """Notes sorted by their text, ignoring case: never in the order the respondents (and their
    codes) came, which would let whoever handed out the codes read who wrote what."""
    return sorted(notes, key=lambda note: (note.casefold(), note))


def answers_in_anonymous_order(values: Iterable[Answer]) -> list[Answer]:
    """A criterion's answers sorted by value (0-3, then "dk", then "na"), not by respondent."""
    return sorted(values, key=lambda v: (1, 0, v) if isinstance(v, str) else (0, v, ""))
