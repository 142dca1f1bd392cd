"""Bespreken's agenda: which criteria the team discusses and in which order.

Contested items come first (most contested first, ``assessment.contested``, the order the
briefing uses too), then the items nobody could score
("unknown"), then the rest, each group in rubric order. An item counts as *besproken*
(discussed) once the team set an agreed value for it, "weet niet" and "n.v.t." included: a team
that cannot agree records "weet niet" and goes to find out. No separate mark is stored, so there
is one truth, the agreed value, that scoring already uses.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Literal

from assessment.contested import most_contested_first
from assessment.rubric import Rubric
from assessment.scoring import ItemResult, ScanResult

Filter = Literal["open", "done", "all"]
FILTERS: tuple[Filter, ...] = ("open", "done", "all")  # te bespreken / besproken / alle
Kind = Literal["contested", "unknown", "other"]


def kind(item: ItemResult) -> Kind:
    if item.contested:
        return "contested"
    return "unknown" if item.unknown else "other"


def discussed(item: ItemResult) -> bool:
    return item.agreed is not None


def agenda(
    rubric: Rubric, result: ScanResult, chosen: Filter, keep: Collection[str] = ()
) -> list[ItemResult]:
    """The items of ``chosen``, in discussion order. *open*: contested and unknown items without
    an agreed value; *done*: every item with one; *all*: every item. The items in ``keep`` (those
    the team has had on screen under this filter) stay in their place even when they no longer
    fit: an item just agreed on does not vanish, "Vorige" goes back to it and the count of
    "Criterium 2 van 10" goes on."""
    items = [result.items[c.id] for c in rubric.criteria if c.id in result.items]
    ordered = most_contested_first(rubric, items) + [i for i in items if kind(i) == "unknown"]
    if chosen == "open":
        return [i for i in ordered if not discussed(i) or i.id in keep]
    ordered += [i for i in items if kind(i) == "other"]
    if chosen == "done":
        return [i for i in ordered if discussed(i) or i.id in keep]
    return ordered


def contested_agreed(result: ScanResult) -> tuple[int, int]:
    """How many items are contested, and how many of those have an agreed value."""
    contested = [item for item in result.items.values() if item.contested]
    return len(contested), sum(1 for item in contested if discussed(item))


def counts(rubric: Rubric, result: ScanResult) -> dict[Filter, int]:
    return {chosen: len(agenda(rubric, result, chosen)) for chosen in FILTERS}


def step(ids: Sequence[str], current: str, offset: int) -> str | None:
    """The id ``offset`` places from ``current`` in ``ids``; None past either end."""
    if current not in ids:
        return ids[0] if ids else None
    index = ids.index(current) + offset
    return ids[index] if 0 <= index < len(ids) else None
