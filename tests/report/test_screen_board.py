"""The board's screen pieces: the heat table escapes every text and prints every number; the
charts print their counts and carry a pattern per phase."""

from __future__ import annotations

from assessment.report.screen_board import (
    board_trend_figure,
    heat_table_html,
    phase_distribution_figure,
    readiness_css,
)

HOSTILE = '<img src="https://example.org/x.png"> **vet** =SUM(1)'


def test_the_heat_table_escapes_text_and_prints_every_value():
    html = heat_table_html(
        ["School", "<b>Thema</b>", "Fase"],
        [[f"{HOSTILE}\n2024-2025 · <i>9</i> invullers", 56.25, "<script>x</script>"]],
        heat=[1],
        number_text=lambda value: f"{value:.1f}".replace(".", ","),
        lang="nl",
    )
    assert "<img" not in html and "<script>" not in html and "<b>Thema" not in html
    assert "&lt;img src=&quot;https://example.org/x.png&quot;&gt;" in html
    assert ">56,2<" in html and readiness_css(56.25) in html
    assert "<span>· &lt;i&gt;9&lt;/i&gt; invullers</span>" in html


def test_the_readiness_scale_has_five_steps_from_light_to_dark():
    fills = [readiness_css(value) for value in (0, 19.9, 20, 59.9, 80, 100)]
    assert fills[0] == fills[1] != fills[2]
    assert fills[4] == fills[5] and "color: #ffffff" in fills[5]
    assert readiness_css(None) == ""


def test_the_phase_bars_print_their_counts_with_a_pattern_per_phase():
    figure = phase_distribution_figure(
        ["alfa"], ["verkennen", "geborgd"], [{"verkennen": 2, "geborgd": 0}], str, str
    )
    first, second = figure.data
    assert list(first.text) == ["2"] and list(second.text) == [""]
    assert first.marker.pattern.shape == "/" and first.marker.pattern.fillmode == "overlay"


def test_many_schools_make_a_band_and_one_line():
    series = {f"School {n}": [("2024-2025", float(n))] for n in range(12)}
    figure = board_trend_figure(
        series,
        ["2024-2025"],
        [("2024-2025", 5.5)],
        [("2024-2025", 2.75, 8.25)],
        {"average": "Gemiddelde", "band": "Middelste helft"},
        highlight="School 3",
    )
    names = [trace.name for trace in figure.data]
    assert names == [None, "Middelste helft", "School 3", "Gemiddelde"]
