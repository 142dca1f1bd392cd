"""The shipped TSO rubric (2026.3) as a school and a trainer rely on it: one practice per
criterion in short texts, safety practices critical, each role asked what it can see, and every
scan answered under an older version still scoring."""

from __future__ import annotations

import csv
import re

import pytest

from assessment.questions import estimated_minutes
from assessment.rubric import SHIPPED_RUBRIC_DIR, load_rubric
from assessment.scoring import score_scan
from tests.helpers import DATA

SAFETY_PRACTICES = (
    "imp-vrijheidsbeperking",  # physical intervention and seclusion
    "lei-achterwachtrooster",  # back-up when a pupil's stress runs too high
    "imp-onthulling",  # what everyone does when a child discloses something
    "lei-calamiteiten",  # the protocol for acute distressing events
)


@pytest.fixture(scope="module")
def tso():
    return load_rubric(SHIPPED_RUBRIC_DIR)


def ids_in(csv_name: str) -> set[str]:
    with (DATA / csv_name).open(encoding="utf-8") as handle:
        return {row["criterion"] for row in csv.DictReader(handle)}


def test_it_is_version_2026_3_with_the_critical_threshold_in_its_rules(tso):
    assert tso.version == "2026.3"
    assert tso.rules.critical_min == 2.0


def test_the_safety_practices_are_critical_and_no_critical_criterion_allows_not_applicable(tso):
    assert {c.id for c in tso.criteria if c.critical} >= set(SAFETY_PRACTICES)
    assert not [c.id for c in tso.criteria if c.critical and c.allow_not_applicable]


def test_every_guidance_is_at_most_50_words_in_every_language(tso):
    too_long = [
        (c.id, lang, len(text.split()))
        for c in tso.criteria
        for lang, text in c.guidance.items()
        if len(text.split()) > 50
    ]
    assert not too_long


def test_no_label_joins_two_practices_with_en_or_and(tso):
    joined = []
    for c in tso.criteria:
        for lang, label in c.label.items():
            for phrase in tso.fixed_phrases.get(lang, ()):
                label = label.replace(phrase, "")
            if re.search(r"\b(en|and)\b", label):
                joined.append((c.id, lang, c.label[lang]))
    assert not joined


def test_the_school_leadership_has_one_name_in_the_criteria(tso):
    texts = [(c.id, text["nl"]) for c in tso.criteria for text in (c.label, c.guidance, *c.actions)]
    assert not [(i, t) for i, t in texts if re.search(r"\b(directie|leiding)\b", t, re.I)]


def test_a_teacher_and_support_staff_get_at_most_25_questions_in_about_10_minutes(tso):
    for role in ("leerkracht", "oop"):
        asked = tso.criteria_for_role(role)
        assert len(asked) <= 25, role
        assert estimated_minutes(len(asked)) <= 10, role


def test_each_role_gets_what_the_review_found_missing(tso):
    def asked(criterion_id: str, role: str) -> bool:
        return tso.criterion(criterion_id).asked_of(role)

    for criterion in ("imp-plan", "lei-startbesluit", "imp-evaluatie", "lei-continuiteit"):
        assert asked(criterion, "ib_zorg"), criterion
    assert asked("bet-intake", "leerkracht")
    assert asked("imp-ondersteuningsroute", "oop")
    assert tso.criterion("lei-bestuur").answered_by == ("directie",)
    for criterion in SAFETY_PRACTICES:  # everyone can say whether these hold in practice
        assert all(asked(criterion, role) for role in ("leerkracht", "oop", "ib_zorg")), criterion


def test_no_criterion_claims_to_be_checked_against_consortium_material_yet(tso):
    assert not [c.id for c in tso.criteria if c.checked_against]


def test_every_criterion_of_2026_1_and_2026_2_still_counts_or_maps_onto_a_current_one(tso):
    older = ids_in("answers_2026_1.csv") | ids_in("answers_example.csv")
    lost = [i for i in older if not tso.has_criterion(i) and i not in tso.crosswalk]
    assert not lost
    assert all(tso.has_criterion(target) for target in tso.crosswalk.values())
    assert not [old for old in tso.crosswalk if tso.has_criterion(old)]  # never reused


def test_a_2026_2_scan_scores_its_start_decision_from_the_three_criteria_it_replaced(tso):
    with (DATA / "answers_example.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    answers: dict[str, list] = {}
    for row in rows:
        value = int(row["answer"]) if row["answer"].isdigit() else row["answer"]
        answers.setdefault(row["criterion"], []).append(value)
    replaced = ("lei-keuze", "imp-afweging", "lei-verkenning")
    numeric = [v for old in replaced for v in answers[old] if isinstance(v, int)]
    item = score_scan(tso, answers).items["lei-startbesluit"]
    assert item.n == len(numeric)
    assert item.value == pytest.approx(sum(numeric) / len(numeric))
