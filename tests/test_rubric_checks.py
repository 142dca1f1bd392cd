"""The content rules of rubric version 2026.3 and later, each problem as ``file:line``; older
versions load without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.rubric import RubricError, load_rubric
from tests.helpers import DATA, copy_rubric, line_of

V3_RUBRIC = DATA / "rubrics" / "v3"
ALFA, BETA = "themes/alfa.yaml", "themes/beta.yaml"
LONG_GUIDANCE = " ".join(["woord"] * 51)


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(RubricError) as error:
        load_rubric(directory)
    return error.value.problems


def location(directory: Path, relative: str, needle: str, occurrence: int = 1) -> str:
    path = directory / relative
    return f"{path}:{line_of(path, needle, occurrence)}"


def test_guidance_over_fifty_words_is_reported_at_its_line(tmp_path):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "r",
        {
            ALFA: (
                'guidance: {nl: "zie", en: "see"}',
                f'guidance:\n      nl: "{LONG_GUIDANCE}"\n      en: "see"',
            )
        },
    )
    assert problems_of(copy) == [
        location(copy, ALFA, f'nl: "{LONG_GUIDANCE}"')
        + ": guidance (nl) has 51 words, more than 50"
    ]


def test_fifty_words_of_guidance_are_fine(tmp_path):
    fifty = " ".join(["woord"] * 50)
    copy = copy_rubric(
        V3_RUBRIC, tmp_path / "r", {ALFA: ('guidance: {nl: "zie"', f'guidance: {{nl: "{fifty}"')}
    )
    assert load_rubric(copy).criterion("a-v1").guidance["nl"] == fifty


def test_a_critical_criterion_allowing_not_applicable_is_reported(tmp_path):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "r",
        {ALFA: ("    critical: true\n", "    critical: true\n    allow_not_applicable: true\n")},
    )
    assert problems_of(copy) == [
        location(copy, ALFA, "allow_not_applicable: true")
        + ": criterion 'a-v4' is critical and may not allow n.v.t."
    ]


def test_more_than_25_criteria_for_a_teacher_are_reported_at_the_26th(tmp_path):
    # the v3 rubric asks a teacher (and OOP) 12 of its 14 criteria; fourteen more make 26
    extra = "".join(
        f'  - id: "b-x{n}"\n    phase: "voorbereiden"\n    label: {{nl: "extra {n}", en: "extra {n}"}}\n'
        f'    guidance: {{nl: "zie", en: "see"}}\n    actions: [{{nl: "Doe", en: "Do"}}]\n'
        for n in range(1, 15)
    )
    copy = copy_rubric(V3_RUBRIC, tmp_path / "r")
    with (copy / BETA).open("a", encoding="utf-8") as file:
        file.write(extra)
    expected = location(copy, BETA, 'id: "b-x14"')
    assert problems_of(copy) == [
        f"{expected}: role 'leerkracht' gets 26 criteria, more than 25 (criterion 26 is here)",
        f"{expected}: role 'oop' gets 26 criteria, more than 25 (criterion 26 is here)",
    ]
    # answered by the schoolleiding and the werkgroep only, the fourteen ask a teacher nothing
    copy = copy_rubric(V3_RUBRIC, tmp_path / "s")
    with (copy / BETA).open("a", encoding="utf-8") as file:
        file.write(
            extra.replace("    phase:", "    answered_by: [directie, werkgroep]\n    phase:")
        )
    assert len(load_rubric(copy).criteria_for_role("leerkracht")) == 12


@pytest.mark.parametrize(
    ("label", "lang", "word"),
    [
        ('{nl: "Plan en budget", en: "Plan"}', "nl", " en "),
        ('{nl: "Plan", en: "Plan and budget"}', "en", " and "),
    ],
)
def test_a_label_joining_two_practices_is_reported(tmp_path, label, lang, word):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "s",
        {ALFA: ('label: {nl: "alfa verkennen twee", en: "alfa explore two"}', f"label: {label}")},
    )
    assert problems_of(copy) == [
        location(copy, ALFA, f"label: {label}")
        + f": label ({lang}) joins two practices with '{word}'; ask one practice per criterion,"
        " or list the phrase under fixed_phrases: in rubric.yaml"
    ]


def test_a_fixed_phrase_with_en_is_allowed_in_a_label(tmp_path):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "r",
        {
            ALFA: (
                'label: {nl: "alfa verkennen twee", en: "alfa explore two"}',
                'label: {nl: "Gesprek met Ouders en verzorgers", en: "Talk with parents and carers"}',
            )
        },
    )
    assert load_rubric(copy).criterion("a-v2").label["nl"] == "Gesprek met Ouders en verzorgers"


def test_an_unknown_role_in_answered_by_is_reported_at_its_line(tmp_path):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "r",
        {
            ALFA: (
                '    sources: ["bron"]\n',
                '    answered_by: [leerkracht, conciërge]\n    sources: ["bron"]\n',
            )
        },
    )
    assert problems_of(copy) == [
        location(copy, ALFA, "answered_by: [leerkracht, conciërge]")
        + ": unknown role 'conciërge' (known: directie, werkgroep, leerkracht, ib_zorg, oop, anders)"
    ]


def test_a_rubric_before_2026_3_loads_without_the_content_rules(tmp_path):
    copy = copy_rubric(
        V3_RUBRIC,
        tmp_path / "r",
        {
            "rubric.yaml": ('version: "2026.3"', 'version: "2026.2"'),
            ALFA: (
                'guidance: {nl: "zie", en: "see"}',
                f'guidance: {{nl: "{LONG_GUIDANCE}", en: "see"}}',
            ),
        },
    )
    assert load_rubric(copy).version == "2026.2"
