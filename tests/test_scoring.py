"""Each rule of docs/scoring.md on the mini rubric (themes alfa/beta; phases verkennen, voorbereiden;
two criteria per phase; a-v2 and b-v2 allow n.v.t.). Numbers are computed by hand in the comments."""

from __future__ import annotations

import pytest

from assessment.explanations import explain_item, explain_theme, step_action
from assessment.rubric import load_rubric
from assessment.scoring import SECURED, score_items, score_scan
from tests.helpers import MINI_RUBRIC, copy_rubric

RUBRIC = load_rubric(MINI_RUBRIC)


def rubric_with_rule(tmp_path, rule: str, old: str, new: str):
    return load_rubric(
        copy_rubric(
            MINI_RUBRIC, tmp_path / "r", {"rubric.yaml": (f"{rule}: {old}", f"{rule}: {new}")}
        )
    )


# --- items ---------------------------------------------------------------------------------------


def test_no_answers_means_unknown_item_with_full_dk_share():
    item = score_items(RUBRIC, {})["a-v1"]
    assert (item.value, item.n, item.dk_share, item.range, item.contested) == (
        None,
        0,
        1.0,
        None,
        False,
    )
    assert item.unknown


def test_all_dont_know_gives_no_value_and_dk_share_one():
    item = score_items(RUBRIC, {"a-v1": ["dk", "dk", "dk"]})["a-v1"]
    assert item.value is None and item.n == 0 and item.dk_share == 1.0


def test_dk_share_counts_dont_know_against_numeric_answers_only():
    # 1 dk, 3 numeric, 1 na  ->  1 / (3 + 1) = 0.25
    item = score_items(RUBRIC, {"a-v2": [1, 2, 3, "dk", "na"]})["a-v2"]
    assert item.dk_share == 0.25 and item.value == 2.0 and not item.left_out


def test_item_is_left_out_when_more_than_half_is_not_applicable():
    items = score_items(RUBRIC, {"a-v2": ["na", "na", 3], "b-v2": ["na", 3]})
    assert items["a-v2"].left_out and items["a-v2"].value is None
    assert not items["b-v2"].left_out and items["b-v2"].value == 3.0  # exactly half: kept


def test_one_respondent_has_range_zero_and_is_never_contested():
    item = score_items(RUBRIC, {"a-v1": [3]})["a-v1"]
    assert (item.n, item.range, item.contested, item.value) == (1, 0, False, 3.0)


def test_disagreement_range_of_two_makes_an_item_contested():
    items = score_items(RUBRIC, {"a-v1": [1, 3], "a-b1": [1, 2, 2]})
    assert items["a-v1"].range == 2 and items["a-v1"].contested
    assert items["a-b1"].range == 1 and not items["a-b1"].contested


def test_most_of_the_team_not_knowing_leaves_an_item_without_value():
    # 8 of 10 "weet niet": dk_share 8 / (2 + 8) = 0,8 > 0,5 -> unknown, although 2 said 3
    item = score_items(RUBRIC, {"a-v1": [3, 3, *["dk"] * 8]})["a-v1"]
    assert item.dk_share == 0.8 and item.mean == 3.0 and item.value is None and item.unknown
    assert explain_item(RUBRIC, item, "nl").startswith("8 van de 10 weten het niet")


def test_exactly_half_not_knowing_still_gives_a_value():
    # 5 dk of 10: dk_share 0,5 is not more than the limit -> mean (2 + 2 + 2 + 3 + 3) / 5 = 2,4
    item = score_items(RUBRIC, {"a-v1": [2, 2, 2, 3, 3, *["dk"] * 5]})["a-v1"]
    assert item.value == 2.4


def test_one_outlier_in_a_team_is_no_disagreement():
    # 12x 3, 1x 0, 1x 1: range 3, but below the bar only 2 of 14 = 14 % (< 25 %)
    item = score_items(RUBRIC, {"a-v1": [*[3] * 12, 0, 1]})["a-v1"]
    assert item.range == 3 and not item.contested
    assert explain_item(RUBRIC, item, "nl") is None


def test_two_answers_on_opposite_sides_are_contested():
    # 0 and 3: range 3, 1 of 2 (50 %) on each side of the bar
    item = score_items(RUBRIC, {"a-v1": [0, 3]})["a-v1"]
    assert item.contested
    assert explain_item(RUBRIC, item, "nl") == "1 van de 2 zeggen 0 of 1, 1 zeggen 2 of 3"


def test_a_quarter_on_one_side_is_a_real_split():
    # 3x 1 and 1x 3: range 2, above the bar 1 of 4 = 25 % (>= 25 %)
    item = score_items(RUBRIC, {"a-v1": [1, 1, 1, 3]})["a-v1"]
    assert item.contested
    assert explain_item(RUBRIC, item, "en") == "3 of 4 say 0 or 1, 1 say 2 or 3"


def test_a_split_without_enough_range_is_not_contested():
    # 1, 1, 2, 2: half on each side, but range 1 (< 2)
    assert not score_items(RUBRIC, {"a-v1": [1, 1, 2, 2]})["a-v1"].contested


def test_contested_share_comes_from_the_rubric(tmp_path):
    # 3x 1 and 1x 3 is 25 % above the bar: no longer a split when the rubric asks 30 %
    rubric = rubric_with_rule(tmp_path, "contested_share", "0.25", "0.3")
    assert not score_items(rubric, {"a-v1": [1, 1, 1, 3]})["a-v1"].contested


def test_unknown_items_say_why():
    items = score_items(RUBRIC, {"a-v2": ["dk"]}, {"a-v2": "dk"})
    assert explain_item(RUBRIC, items["a-v1"], "nl") == "nog niemand heeft dit beantwoord"
    assert (
        explain_item(RUBRIC, items["a-v2"], "nl") == "het team heeft samen ‘weet niet’ vastgesteld"
    )


def test_agreed_value_overrides_the_mean_and_keeps_the_spread():
    # answers 0 and 3: mean 1,5, range 3; the team agrees on 3
    item = score_items(RUBRIC, {"a-v1": [0, 3]}, {"a-v1": 3})["a-v1"]
    assert item.value == 3.0 and item.mean == 1.5 and item.range == 3 and item.contested


def test_agreed_dont_know_means_no_value_and_agreed_na_leaves_the_item_out():
    items = score_items(RUBRIC, {"a-v1": [2, 2], "a-v2": [3]}, {"a-v1": "dk", "a-v2": "na"})
    assert items["a-v1"].value is None and not items["a-v1"].left_out
    assert items["a-v2"].left_out


def test_an_agreed_dont_know_does_not_overrule_a_majority_of_not_applicable():
    # docs/scoring.md: only an agreed number keeps an item that most answered n.v.t. in
    item = score_items(RUBRIC, {"a-v2": ["na", "na", 1]}, {"a-v2": "dk"})["a-v2"]
    assert item.left_out and not item.unknown


def test_distribution_counts_every_answer_option():
    item = score_items(RUBRIC, {"a-v2": [0, 3, 3, "dk", "na"]})["a-v2"]
    assert item.distribution == {"0": 1, "1": 0, "2": 0, "3": 2, "dk": 1, "na": 1}


# --- readiness and phases -------------------------------------------------------------------------


def test_readiness_is_mean_item_value_over_three_with_one_decimal():
    # a-v1 mean 2, a-v2 2, a-b1 1, a-b2 unknown -> (2 + 2 + 1) / 3 = 1.6667 -> 55.6
    result = score_scan(RUBRIC, {"a-v1": [3, 1], "a-v2": [2], "a-b1": [1]})
    assert result.theme("alfa").readiness == 55.6
    assert result.theme("beta").readiness is None


def test_readiness_rounds_half_up():
    # values 3, 2, 1 and (0 + 0 + 0 + 3) / 4 = 0,75 -> 6,75 / 4 = 1,6875 / 3 x 100 = 56,25 -> 56,3
    result = score_scan(RUBRIC, {"a-v1": [3], "a-v2": [2], "a-b1": [1], "a-b2": [0, 0, 0, 3]})
    assert result.theme("alfa").readiness == 56.3


def test_an_agreed_number_decides_over_a_majority_of_not_applicable():
    # a-v2: 2x n.v.t. and one 1 would be left out; the team agreed 3
    item = score_items(RUBRIC, {"a-v2": ["na", "na", 1]}, {"a-v2": 3})["a-v2"]
    assert not item.left_out and item.value == 3.0


def test_theme_works_on_the_first_incomplete_phase_and_explains_it_with_numbers():
    # verkennen: 3 and 2 -> mean 2,5 complete; voorbereiden: 2 and (1+2)/2=1,5 -> mean 1,75 -> 1,8
    result = score_scan(RUBRIC, {"a-v1": [3], "a-v2": [2], "a-b1": [2], "a-b2": [1, 2]})
    alfa = result.theme("alfa")
    assert (
        alfa.phase == "voorbereiden" and alfa.complete_phases == ["verkennen"] and alfa.flags == ()
    )
    text = explain_theme(RUBRIC, alfa, "nl")
    assert "Verkennen: afgerond – gemiddeld 2,5 (nodig 2,0)" in text
    assert "Voorbereiden: nog niet afgerond – gemiddeld 1,8 (nodig 2,0)" in text
    english = explain_theme(RUBRIC, alfa, "en")
    assert "Preparing: not yet complete – mean 1.8 (needs 2.0)" in english


def test_a_mean_just_under_the_bar_is_not_rounded_up_to_it():
    # verkennen: a-v1 = (2 + 2 + 1) / 3 = 1,667 and a-v2 = (3 + 2 + 2 + 2) / 4 = 2,25 -> 1,958,
    # which one decimal would show as 2,0: two decimals, rounded down
    alfa = score_scan(RUBRIC, {"a-v1": [2, 2, 1], "a-v2": [3, 2, 2, 2]}).theme("alfa")
    assert alfa.phase == "verkennen"
    assert "gemiddeld 1,95 (nodig 2,0)" in explain_theme(RUBRIC, alfa, "nl")


def test_an_item_below_the_blocking_value_keeps_its_phase_incomplete(tmp_path):
    rubric = rubric_with_rule(tmp_path, "item_blocks_below", "1.0", "1.5")
    # verkennen: 1 and 3 -> mean 2,0 reaches the bar, but 1,0 < 1,5 blocks it
    alfa = score_scan(rubric, {"a-v1": [1], "a-v2": [3]}).theme("alfa")
    assert alfa.phase == "verkennen" and alfa.phases[0].blocking == (("a-v1", 1.0),)
    assert "‘alfa verkennen één’ scoort 1,0 (minimaal 1,5)" in explain_theme(rubric, alfa, "nl")


def test_more_unknown_items_than_the_dk_limit_keep_a_phase_incomplete(tmp_path):
    # one of two items unknown = 50%: allowed at limit 0,5, too many at limit 0,4
    answers = {"a-v1": [3, 3], "a-v2": ["dk"]}
    assert score_scan(RUBRIC, answers).theme("alfa").complete_phases[0] == "verkennen"
    strict = rubric_with_rule(tmp_path, "max_dont_know_share", "0.5", "0.4")
    alfa = score_scan(strict, answers).theme("alfa")
    assert alfa.phase == "verkennen" and alfa.flags == ("insufficient_information",)
    assert "1 van 2 criteria onbekend (50%, meer dan 40%)" in explain_theme(strict, alfa, "nl")


def test_no_answers_at_all_means_insufficient_information():
    result = score_scan(RUBRIC, {})
    assert all(theme.phase == "verkennen" for theme in result.themes)
    assert all(theme.flags == ("insufficient_information",) for theme in result.themes)
    assert result.school_phase == "verkennen"


def test_a_scan_without_answers_awaits_them_and_suggests_no_step():
    assert score_scan(RUBRIC, {}).awaits_answers
    assert score_scan(RUBRIC, {}).next_steps == ()  # not a "zoek uit" for every criterion


def test_one_weet_niet_is_an_answer_and_brings_the_find_out_steps():
    result = score_scan(RUBRIC, {"a-v1": ["dk"]})
    assert not result.awaits_answers
    assert "find_out" in {step.kind for step in result.next_steps}


def test_a_later_phase_scoring_well_on_a_weak_foundation_is_flagged():
    # verkennen mean 1,0 (incomplete); voorbereiden mean 2,5 >= 2,0
    alfa = score_scan(RUBRIC, {"a-v1": [1], "a-v2": [1], "a-b1": [3], "a-b2": [2]}).theme("alfa")
    assert alfa.phase == "verkennen" and alfa.flags == ("foundation_gap",)
    assert "op Voorbereiden (2,5) scoort de school al voldoende" in explain_theme(
        RUBRIC, alfa, "nl"
    )


def test_all_phases_complete_means_secured_for_theme_and_school():
    everything = {c.id: [3, 2] for c in RUBRIC.criteria}
    result = score_scan(RUBRIC, everything)
    assert [t.phase for t in result.themes] == [SECURED, SECURED]
    assert result.school_phase == SECURED and result.next_steps == ()
    assert result.theme("alfa").readiness == 83.3  # 2,5 / 3


def test_school_phase_is_the_earliest_phase_any_theme_works_on():
    answers = {c.id: [3] for c in RUBRIC.criteria if c.theme == "alfa"} | {"b-v1": [3], "b-v2": [3]}
    result = score_scan(RUBRIC, answers)
    assert result.theme("alfa").phase == SECURED and result.theme("beta").phase == "voorbereiden"
    assert result.school_phase == "voorbereiden"


def test_a_phase_whose_items_are_all_not_applicable_does_not_hold_a_theme_back(tmp_path):
    rubric = load_rubric(
        copy_rubric(
            MINI_RUBRIC,
            tmp_path / "r",
            {
                "themes/alfa.yaml": (
                    '    actions: [{nl: "Doe a-v1"',
                    '    allow_not_applicable: true\n    actions: [{nl: "Doe a-v1"',
                )
            },
        )
    )
    alfa = score_scan(rubric, {"a-v1": ["na"], "a-v2": ["na"], "a-b1": [1]}).theme("alfa")
    assert alfa.complete_phases == ["verkennen"] and alfa.phase == "voorbereiden"


def test_answers_to_a_renamed_criterion_count_through_the_crosswalk(tmp_path):
    rubric = load_rubric(
        copy_rubric(
            MINI_RUBRIC,
            tmp_path / "r",
            {
                "rubric.yaml": (
                    'themes: ["alfa", "beta"]',
                    'themes: ["alfa", "beta"]\ncrosswalk: {"a-oud": "a-v1"}',
                )
            },
        )
    )
    # last year's scan knew only a-oud: its answers and agreement count for a-v1
    item = score_scan(rubric, {"a-oud": [3, 1]}, {"a-oud": 3}).items["a-v1"]
    assert (item.n, item.mean, item.value) == (2, 2.0, 3.0)
    # a scan whose rubric had both ids asked a-v1 directly: a-oud would count people twice
    item = score_scan(rubric, {"a-oud": [3, 1], "a-v1": [2]}).items["a-v1"]
    assert (item.n, item.mean) == (1, 2.0)


# --- next steps -----------------------------------------------------------------------------------


def test_next_steps_are_low_items_lowest_first_then_unknown_items_as_find_out(tmp_path):
    rubric = rubric_with_rule(tmp_path, "next_steps_per_theme", "3", "2")
    # beta works on verkennen: b-v1 = 1,5, b-v2 unknown; alfa: a-v1 0,5 < a-v2 1,0 (limit 2)
    answers = {"a-v1": [0, 1], "a-v2": [1], "b-v1": [1, 2], "b-v2": ["dk"]}
    steps = score_scan(rubric, answers).next_steps
    assert [(s.theme, s.criterion, s.kind) for s in steps] == [
        ("alfa", "a-v1", "improve"),
        ("alfa", "a-v2", "improve"),
        ("beta", "b-v1", "improve"),
        ("beta", "b-v2", "find_out"),
    ]
    assert step_action(rubric, steps[0], "nl") == "Doe a-v1"
    assert "Zoek uit" in step_action(rubric, steps[3], "nl")


def test_items_at_or_above_two_are_no_next_step():
    steps = score_scan(RUBRIC, {"a-v1": [2], "a-v2": [1], "b-v1": [3], "b-v2": [3]}).next_steps
    assert [s.criterion for s in steps] == ["a-v2", "b-b1", "b-b2"]
    assert [s.kind for s in steps] == ["improve", "find_out", "find_out"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_theme_has_an_explanation_in_both_languages(lang):
    result = score_scan(RUBRIC, {"a-v1": [2, 3], "b-b1": [0]})
    for theme in result.themes:
        assert explain_theme(RUBRIC, theme, lang).strip()
