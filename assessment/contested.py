"""The one order of contested items, for Bespreken's agenda and the trainer's briefing alike.

An item is contested when its answers span at least ``disagreement_range`` and at least
``contested_share`` of them lie on each side of the phase bar (``scoring.is_contested``). The
order follows the second half of that rule, the camps: the most colleagues on the smaller side
of the bar first, then the most even split, then the widest spread, then rubric order. The
spread alone ranks poorly: on a 0-3 scale nearly every contested item spans 2 or 3, and one
colleague at 0 against eleven at 3 spans more than six against six at 1 and 2. The size of the
smaller camp is how many colleagues see it differently, which is what a meeting has to resolve
first and what a trainer should know of before the session.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessment.rubric import Rubric
from assessment.scoring import ItemResult, split_at_bar


def most_contested_first(rubric: Rubric, items: Iterable[ItemResult]) -> list[ItemResult]:
    """``items`` that are contested, in the order above (a stable sort: ties keep their order)."""
    return sorted((item for item in items if item.contested), key=lambda i: _order(rubric, i))


def _order(rubric: Rubric, item: ItemResult) -> tuple[int, float, int]:
    numeric = [int(v) for v, n in item.distribution.items() if v.isdigit() for _ in range(n)]
    smaller = min(split_at_bar(rubric, numeric))
    return -smaller, -smaller / len(numeric), -(item.range or 0)
