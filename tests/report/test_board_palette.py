"""The board's colours: every number printed on a coloured cell or bar is readable (WCAG AA)."""

from __future__ import annotations

import pytest

from assessment.report.board_palette import PHASE_FILLS, PHASE_TEXT, READINESS_FILLS, READINESS_TEXT


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    "fill, text",
    list(zip(READINESS_FILLS, READINESS_TEXT, strict=True))
    + list(zip(PHASE_FILLS, PHASE_TEXT, strict=True)),
)
def test_text_on_each_colour_has_at_least_4_5_to_1(fill, text):
    assert contrast(fill, text) >= 4.5


def test_the_contrast_formula_gives_the_known_extremes():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
