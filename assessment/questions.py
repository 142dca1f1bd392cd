"""The questions one respondent gets: the rubric's criteria that their roles can judge, by theme."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from assessment.rubric import Criterion, Roles, Rubric, Theme

SECONDS_PER_QUESTION = 20  # reading, choosing and now and then a note, measured on a phone
MINUTES_STEP = 5


def estimated_minutes(questions: int) -> int:
    """About how long ``questions`` take, rounded half up to a multiple of 5 minutes (at least 5)."""
    minutes = questions * SECONDS_PER_QUESTION / 60
    steps = int(minutes / MINUTES_STEP + 0.5)
    return max(1, steps) * MINUTES_STEP


@dataclass(frozen=True)
class QuestionTheme:
    theme: Theme
    criteria: tuple[Criterion, ...]

    def open(self, answered: Collection[str]) -> list[Criterion]:
        return [c for c in self.criteria if c.id not in answered]


@dataclass(frozen=True)
class Questions:
    """The themes (in rubric order) with the criteria asked of one role or of several (the union);
    themes without any such criterion are left out."""

    themes: tuple[QuestionTheme, ...]

    @classmethod
    def for_role(cls, rubric: Rubric, roles: Roles) -> Questions:
        themes = []
        for theme in rubric.theme_list:
            asked = tuple(c for c in theme.criteria if c.asked_of(roles))
            if asked:
                themes.append(QuestionTheme(theme, asked))
        return cls(tuple(themes))

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for t in self.themes for c in t.criteria)

    def answered(self, answered: Collection[str]) -> int:
        return sum(1 for c in self.criteria if c.id in answered)

    def open(self, answered: Collection[str]) -> int:
        return len(self.criteria) - self.answered(answered)

    def resume_at(self, answered: Collection[str]) -> int:
        """Index of the first theme with an open question; the last theme when all are answered."""
        for index, theme in enumerate(self.themes):
            if theme.open(answered):
                return index
        return len(self.themes) - 1
