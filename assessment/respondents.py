"""Respondent roles and the privacy rules for showing what respondents gave: only groups of
min_group_size or more, and answers and notes never in the order of respondents or codes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

Answer = TypeVar("Answer", bound=int | str)  # a score, or "dk" or "na"

RESPONDENT_ROLES = ("directie", "werkgroep", "leerkracht", "ib_zorg", "oop", "anders")


def visible_role_counts(
    roles: Iterable[str | None], min_group_size: int
) -> tuple[dict[str, int], int]:
    """Counts per role for roles with at least ``min_group_size`` respondents, in the order of
    RESPONDENT_ROLES, and the number of everyone else (smaller groups and no role given).

    The rest is a group too: when it is not empty but smaller than ``min_group_size`` (one
    colleague with a rare role), the smallest shown role joins it until it is large enough, so
    that no group under the minimum can be read off, not even as the remainder."""
    counts = Counter(roles)
    shown = {r: counts[r] for r in RESPONDENT_ROLES if counts[r] >= min_group_size}
    rest = sum(counts.values()) - sum(shown.values())
    while 0 < rest < min_group_size and shown:
        smallest = min(reversed(shown), key=shown.__getitem__)  # the later role on a tie
        rest += shown.pop(smallest)
    return shown, rest


def notes_in_anonymous_order(notes: Iterable[str]) -> list[str]:
    """Notes sorted by their text, ignoring case: never in the order the respondents (and their
    codes) came, which would let whoever handed out the codes read who wrote what."""
    return sorted(notes, key=lambda note: (note.casefold(), note))


def answers_in_anonymous_order(values: Iterable[Answer]) -> list[Answer]:
    """A criterion's answers sorted by value (0-3, then "dk", then "na"), not by respondent."""
    return sorted(values, key=lambda v: (1, 0, v) if isinstance(v, str) else (0, v, ""))
