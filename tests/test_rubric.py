"""Loading and validating rubric directories: every problem as ``file:line: message``, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.rubric import SHIPPED_RUBRIC_DIR, RubricError, load_rubric
from tests.helpers import MINI_RUBRIC, copy_rubric, line_of

ALFA = "themes/alfa.yaml"


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(RubricError) as error:
        load_rubric(directory)
    return error.value.problems


def location(directory: Path, relative: str, needle: str, occurrence: int = 1) -> str:
    path = directory / relative
    return f"{path}:{line_of(path, needle, occurrence)}"


def test_the_mini_rubric_loads_with_its_criteria_in_file_order():
    rubric = load_rubric(MINI_RUBRIC)
    assert rubric.id == "mini" and rubric.phase_ids == ("verkennen", "voorbereiden")
    assert [c.id for c in rubric.criteria][:4] == ["a-v1", "a-v2", "a-b1", "a-b2"]
    assert (
        rubric.criterion("b-v2").theme == "beta" and rubric.criterion("b-v2").allow_not_applicable
    )
    assert len(rubric.content_hash) == 64


def test_the_content_hash_changes_with_any_file(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r", {ALFA: ("Doe a-v1", "Doe a-v1 nu")})
    assert load_rubric(copy).content_hash != load_rubric(MINI_RUBRIC).content_hash


def test_tso_rubric_dir_selects_another_rubric(tmp_path, monkeypatch):
    monkeypatch.setenv("TSO_RUBRIC_DIR", str(MINI_RUBRIC))
    assert load_rubric().id == "mini"


def test_a_duplicated_criterion_id_names_file_and_line(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r", {ALFA: ('id: "a-v2"', 'id: "a-v1"')})
    [problem] = problems_of(copy)
    assert problem.startswith(
        location(copy, ALFA, 'id: "a-v1"', 2) + ": duplicate criterion id 'a-v1'"
    )


def test_an_unknown_phase_names_file_and_line(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC, tmp_path / "r", {ALFA: ('phase: "voorbereiden"', 'phase: "borgen"')}
    )
    [problem] = problems_of(copy)
    assert problem == location(copy, ALFA, 'phase: "borgen"') + (
        ": unknown phase 'borgen' (known: verkennen, voorbereiden)"
    )


def test_a_missing_language_names_file_and_line(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {ALFA: ('guidance: {nl: "zie", en: "see"}', 'guidance: {nl: "zie"}')},
    )
    [problem] = problems_of(copy)
    assert problem == location(copy, ALFA, 'guidance: {nl: "zie"}') + (
        ": criteria.0.guidance: language 'en' is missing"
    )


def test_a_theme_without_a_criterion_in_some_phase_is_refused(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {ALFA: ('id: "a-b1"\n    phase: "voorbereiden"', 'id: "a-b1"\n    phase: "verkennen"')},
    )
    text = (
        (copy / ALFA)
        .read_text()
        .replace('id: "a-b2"\n    phase: "voorbereiden"', 'id: "a-b2"\n    phase: "verkennen"')
    )
    (copy / ALFA).write_text(text)
    [problem] = problems_of(copy)
    assert problem == location(copy, ALFA, "criteria:") + (
        ": theme 'alfa' has no criterion in phase 'voorbereiden'"
    )


def test_a_threshold_outside_the_scale_is_refused(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {"rubric.yaml": ("phase_complete_mean: 2.0", "phase_complete_mean: 4.5")},
    )
    [problem] = problems_of(copy)
    assert problem == location(copy, "rubric.yaml", "phase_complete_mean") + (
        ": rules.phase_complete_mean = 4.5 is outside the scale 0–3"
    )


def test_a_share_above_one_is_refused_by_the_model(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {"rubric.yaml": ("max_dont_know_share: 0.5", "max_dont_know_share: 5")},
    )
    [problem] = problems_of(copy)
    assert problem.startswith(
        location(copy, "rubric.yaml", "max_dont_know_share") + ": rules.max_dont_know_share"
    )


def test_an_unknown_source_key_names_file_and_line(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC, tmp_path / "r", {ALFA: ('sources: ["bron"]', 'sources: ["bron", "boek"]')}
    )
    [problem] = problems_of(copy)
    assert problem == location(copy, ALFA, '"boek"') + ": unknown source key 'boek'"


def test_a_yaml_syntax_error_names_file_and_line(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {ALFA: ('label: {nl: "Thema alfa"', 'label: {nl: "Thema alfa"]')},
    )
    [problem] = problems_of(copy)
    assert problem.startswith(location(copy, ALFA, "Thema alfa") + ": YAML syntax error")


def test_an_unknown_field_is_reported_rather_than_ignored(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r", {ALFA: ("    guidance:", "    guidence:")})
    problems = problems_of(copy)
    assert location(copy, ALFA, "guidence") + ": criteria.0.guidence: unknown field" in problems
    assert any("criteria.0.guidance: required field is missing" in p for p in problems)


def test_every_problem_is_reported_at_once(tmp_path):
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {
            ALFA: ('phase: "voorbereiden"', 'phase: "onbekend"'),
            "themes/beta.yaml": ('sources: ["bron"]', 'sources: ["nergens"]'),
            "rubric.yaml": ("item_blocks_below: 1.0", "item_blocks_below: -1"),
        },
    )
    problems = problems_of(copy)
    assert len(problems) == 3
    assert any("unknown phase 'onbekend'" in p for p in problems)
    assert any("unknown source key 'nergens'" in p for p in problems)
    assert any("rules.item_blocks_below" in p for p in problems)


def test_a_listed_theme_without_a_file_is_reported(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    (copy / "themes" / "beta.yaml").unlink()
    [problem] = problems_of(copy)
    assert problem == location(copy, "rubric.yaml", 'themes: ["alfa", "beta"]') + (
        ": theme 'beta' has no file themes/beta.yaml"
    )


def test_the_shipped_rubric_asks_a_teacher_clearly_fewer_questions_than_the_leadership():
    rubric = load_rubric(SHIPPED_RUBRIC_DIR)
    assert len(rubric.criteria_for_role("directie")) == len(rubric.criteria) == 65
    assert len(rubric.criteria_for_role(None)) == len(rubric.criteria_for_role("anders")) == 65
    teacher = rubric.criteria_for_role("leerkracht")
    assert len(teacher) <= 0.7 * len(rubric.criteria)
    assert not rubric.criterion("imp-tijdbudget").asked_of("leerkracht")
    assert rubric.criterion("imp-klasafspraken").asked_of("leerkracht")


def test_retired_ids_of_the_shipped_rubric_are_never_reused():
    rubric = load_rubric(SHIPPED_RUBRIC_DIR)
    assert {"dra-consistent", "bet-leerlingen"} <= set(rubric.crosswalk)  # retired in 2026.2
    assert len(rubric.crosswalk) == 17
    assert not any(rubric.has_criterion(old) for old in rubric.crosswalk)
