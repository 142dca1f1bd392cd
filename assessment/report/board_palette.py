"""The board's colours, the same on screen and in the PDF. Both scales are sequential and
colour-blind safe, dark to light in print too; every cell also prints its number."""

from __future__ import annotations

# ColorBrewer "Blues": readiness 0-19.9 takes the first step, 80-100 the last; dark text on all
# but the darkest step (white on #3182bd would be 4,15:1, below WCAG AA's 4,5:1).
READINESS_FILLS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
READINESS_TEXT = ("#111111", "#111111", "#111111", "#111111", "#ffffff")
# Viridis steps, one per phase and "geborgd", from dark (Verkennen) to light (geborgd).
PHASE_FILLS = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
PHASE_TEXT = ("#ffffff", "#ffffff", "#111111", "#111111", "#111111")  # each at least 4,5:1


def readiness_step(value: float | None) -> int | None:
    if value is None:
        return None
    return max(0, min(int(value // 20), len(READINESS_FILLS) - 1))
