"""Evidence notes written under a criterion id that a later rubric version retired: they belong to
the criterion the crosswalk maps it onto, as the answers do, so an older scan loses no note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assessment.rubric import Rubric


def notes_under_current_ids(
    rubric: Rubric, notes: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """``notes`` per criterion with every retired id's notes moved to its successor."""
    moved: dict[str, list[str]] = {}
    for criterion, texts in notes.items():
        moved.setdefault(rubric.crosswalk.get(criterion, criterion), []).extend(texts)
    return moved
