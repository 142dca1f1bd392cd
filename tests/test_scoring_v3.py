"""Scoring v3, computed by hand: critical criteria and provisional phases.

The v3 test rubric: theme alfa has a-v1..a-v4 in Verkennen (a-v4 critical) and a-b1..a-b6 in
Voorbereiden; beta has two criteria per phase (b-b2 critical). ``critical_min`` is 2,0.
"""

from __future__ import annotations

from assessment.explanations import explain_theme
from assessment.rubric import load_rubric
from assessment.scoring import SECURED, score_scan
from tests.helpers import DATA, copy_rubric

V3_RUBRIC = DATA / "rubrics" / "v3"
RUBRIC = load_rubric(V3_RUBRIC)
SECURE_BETA = {"b-v1": [3], "b-v2": [3], "b-b1": [3], "b-b2": [3]}


def test_a_critical_item_that_is_only_started_keeps_its_phase_open():
    # 3, 3, 1, 1: mean 2,0 reaches the bar and no item is below 1,0, but a-v4 is critical at 1
    alfa = score_scan(RUBRIC, {"a-v1": [3], "a-v2": [3], "a-v3": [1], "a-v4": [1]}).theme("alfa")
    verkennen = alfa.phases[0]
    assert verkennen.mean == 2.0 and verkennen.blocking == ()
    assert not verkennen.complete and verkennen.critical_open == (("a-v4", 1.0),)
    assert alfa.phase == "verkennen"
    text = explain_theme(RUBRIC, alfa, "nl")
    assert "Verkennen: nog niet afgerond – gemiddeld 2,0 (nodig 2,0)" in text
    assert "‘alfa verkennen vier’ is een kernpraktijk en scoort 1,0 (nodig 2,0)" in text
    english = explain_theme(RUBRIC, alfa, "en")
    assert "‘alfa explore four’ is a core practice and scores 1.0 (needs 2.0)" in english


def test_the_same_answers_complete_the_phase_when_no_item_is_critical(tmp_path):
    plain = load_rubric(
        copy_rubric(V3_RUBRIC, tmp_path / "r", {"themes/alfa.yaml": ("    critical: true\n", "")})
    )
    alfa = score_scan(plain, {"a-v1": [3], "a-v2": [3], "a-v3": [1], "a-v4": [1]}).theme("alfa")
    assert alfa.phases[0].complete and alfa.phase == "voorbereiden"


def test_a_critical_item_counts_from_critical_min_on():
    # a-v4 at (2 + 2) / 2 = 2,0 is enough; the others 3, 3, 1: mean 2,25
    alfa = score_scan(RUBRIC, {"a-v1": [3], "a-v2": [3], "a-v3": [1], "a-v4": [2, 2]}).theme("alfa")
    assert alfa.phases[0].complete and alfa.phases[0].critical_open == ()


def test_an_unknown_critical_item_keeps_its_phase_open_and_comes_first_as_find_out():
    # a-v1..a-v3 = 3 (mean 3,0); a-v4 unknown: 1 of 4 unknown is within the limit, but critical
    answers = {"a-v1": [3], "a-v2": [3], "a-v3": [1, 2], "a-v4": ["dk", "dk"]}
    result = score_scan(RUBRIC, answers)
    alfa = result.theme("alfa")
    assert not alfa.phases[0].complete and alfa.phases[0].critical_open == (("a-v4", None),)
    assert alfa.phase == "verkennen" and alfa.flags == ()
    text = explain_theme(RUBRIC, alfa, "nl")
    assert "‘alfa verkennen vier’ is een kernpraktijk en nog onbekend: zoek dit eerst uit" in text
    steps = [(s.criterion, s.kind) for s in result.next_steps if s.theme == "alfa"]
    assert steps == [("a-v4", "find_out"), ("a-v3", "improve")]


def test_a_complete_phase_with_one_unknown_of_six_is_provisional_and_says_so():
    verkennen = {f"a-v{i}": [3] for i in range(1, 5)}
    voorbereiden = {f"a-b{i}": [3, 2] for i in range(1, 6)} | {"a-b6": ["dk"]}
    result = score_scan(RUBRIC, verkennen | voorbereiden | SECURE_BETA)
    alfa = result.theme("alfa")
    assert alfa.phase == SECURED and alfa.complete_phases == ["verkennen", "voorbereiden"]
    assert alfa.provisional_phases == ["voorbereiden"]
    assert alfa.phases[1].provisional and not alfa.phases[0].provisional
    text = explain_theme(RUBRIC, alfa, "nl")
    assert "Voorbereiden is voorlopig afgerond: 1 van 6 criteria is nog onbekend." in text
    assert "Voorbereiden: voorlopig afgerond – gemiddeld 2,5 (nodig 2,0)" in text
    assert result.theme("beta").provisional_phases == []


def test_a_provisional_phase_before_the_working_phase_shows_in_the_explanation():
    # Verkennen: a-v1 and the critical a-v4 at 3, two of four unknown (50%, the limit)
    answers = {"a-v1": [3], "a-v2": ["dk"], "a-v3": ["dk"], "a-v4": [3], "a-b1": [1]}
    alfa = score_scan(RUBRIC, answers).theme("alfa")
    assert alfa.phase == "voorbereiden" and alfa.provisional_phases == ["verkennen"]
    text = explain_theme(RUBRIC, alfa, "nl")
    assert "Verkennen: voorlopig afgerond – gemiddeld 3,0 (nodig 2,0)" in text
    assert "Verkennen is voorlopig afgerond: 2 van 4 criteria zijn nog onbekend." in text
    english = explain_theme(RUBRIC, alfa, "en")
    assert "Exploring is provisionally complete: 2 of 4 criteria are still unknown." in english
