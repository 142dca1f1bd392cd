"""Respondent roles and the privacy rule for showing them: only groups of min_group_size or more."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

RESPONDENT_ROLES = ("directie", "werkgroep", "leerkracht", "ib_zorg", "oop", "anders")


def visible_role_counts(
    roles: Iterable[str | None], min_group_size: int
) -> tuple[dict[str, int], int]:
    """Counts per role for roles with at least ``min_group_size`` respondents, in the order of
    RESPONDENT_ROLES, and the number of everyone else (smaller groups and no role given)."""
    counts = Counter(roles)
    shown = {r: counts[r] for r in RESPONDENT_ROLES if counts[r] >= min_group_size}
    return shown, sum(counts.values()) - sum(shown.values())
