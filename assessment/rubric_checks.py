"""The checks a rubric passes after its files parsed: languages, scale and thresholds, ids,
phases, roles and sources, and for rubrics of version 2026.3 on the content rules of the README
("Rubrics"). Each problem is reported as ``file:line: what is wrong``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric_files import Document, PathInFile

if TYPE_CHECKING:
    from assessment.rubric import Criterion, LocalizedText, RubricFrame, Theme

# The content rules hold from this rubric version on; older versions (2026.2 and before) were
# written without them and keep loading as they are.
CONTENT_RULES_FROM = (2026, 3)
MAX_GUIDANCE_WORDS = 50
MAX_CRITERIA_PER_ROLE = 25
ROLES_WITH_FEW_QUESTIONS = ("leerkracht", "oop")  # they answer on a phone between lessons
# The word that joins two practices in a label ("Plan en budget"), per language.
JOINING_WORDS = {"nl": "en", "en": "and"}


def _localized_fields_of_frame(frame: RubricFrame) -> Iterator[tuple[PathInFile, LocalizedText]]:
    yield ("title",), frame.title
    yield ("description",), frame.description
    for i, option in enumerate(frame.scale):
        yield ("scale", i, "label"), option.label
        yield ("scale", i, "description"), option.description
    for key in ("dont_know", "not_applicable"):
        special = getattr(frame, key)
        yield (key, "label"), special.label
        yield (key, "description"), special.description
    for i, phase in enumerate(frame.phases):
        for field in ("label", "duration", "description"):
            yield ("phases", i, field), getattr(phase, field)


def _localized_fields_of_theme(theme: Theme) -> Iterator[tuple[PathInFile, LocalizedText]]:
    yield ("label",), theme.label
    yield ("description",), theme.description
    for i, criterion in enumerate(theme.criteria):
        yield ("criteria", i, "label"), criterion.label
        yield ("criteria", i, "guidance"), criterion.guidance
        for j, action in enumerate(criterion.actions):
            yield ("criteria", i, "actions", j), action


def _check_languages(
    fields: Iterator[tuple[PathInFile, LocalizedText]],
    languages: tuple[str, ...],
    document: Document,
    problems: list[str],
) -> None:
    for path, text in fields:
        field = ".".join(str(part) for part in path)
        for lang in languages:
            if not (text.get(lang) or "").strip():
                problems.append(f"{document.where(path)}: {field}: language '{lang}' is missing")
        for lang in text:
            if lang not in languages:
                problems.append(
                    f"{document.where((*path, lang))}: {field}: language '{lang}' is not "
                    f"listed under languages:"
                )


def check_frame(frame: RubricFrame, document: Document, problems: list[str]) -> None:
    _check_languages(_localized_fields_of_frame(frame), frame.languages, document, problems)
    values = [option.value for option in frame.scale]
    if values != sorted(set(values)):
        problems.append(f"{document.where(('scale',))}: scale values must be unique and ascending")
    low, high = min(values), max(values)
    rules = frame.rules
    for name in ("phase_complete_mean", "item_blocks_below", "next_step_below", "strength_from"):
        value = getattr(rules, name)
        if not low <= value <= high:
            problems.append(
                f"{document.where(('rules', name))}: rules.{name} = {value} is outside "
                f"the scale {low}–{high}"
            )
    for name in ("disagreement_range", "agreed_differs_by"):
        value = getattr(rules, name)
        if value > high - low:
            problems.append(
                f"{document.where(('rules', name))}: rules.{name} = {value} is larger than "
                f"the scale allows ({high - low})"
            )
    _report_duplicates(
        [(p.id, ("phases", i, "id")) for i, p in enumerate(frame.phases)],
        "phase",
        document,
        problems,
    )
    _report_duplicates(
        [(t, ("themes", i)) for i, t in enumerate(frame.themes)], "theme", document, problems
    )
    for old_id in frame.crosswalk:
        if old_id in frame.crosswalk.values():
            problems.append(
                f"{document.where(('crosswalk', old_id))}: crosswalk maps '{old_id}' "
                f"but it is also a target"
            )


def _report_duplicates(
    entries: list[tuple[str, PathInFile]], kind: str, document: Document, problems: list[str]
) -> None:
    first: dict[str, PathInFile] = {}
    for value, path in entries:
        if value in first:
            problems.append(
                f"{document.where(path)}: duplicate {kind} id '{value}' "
                f"(first at line {document.line(first[value])})"
            )
        else:
            first[value] = path


def check_themes(
    frame: RubricFrame,
    frame_doc: Document,
    themes: list[Theme],
    docs: dict[str, Document],
    problems: list[str],
) -> None:
    phase_ids = [p.id for p in frame.phases]
    first_seen: dict[str, str] = {}
    for theme in themes:
        document = docs[theme.id]
        _check_languages(_localized_fields_of_theme(theme), frame.languages, document, problems)
        for i, criterion in enumerate(theme.criteria):
            where = document.where(("criteria", i, "id"))
            if criterion.id in first_seen:
                problems.append(
                    f"{where}: duplicate criterion id '{criterion.id}' "
                    f"(first at {first_seen[criterion.id]})"
                )
            else:
                first_seen[criterion.id] = where
            _check_criterion_refs(frame, criterion, document, i, problems)
        phases_with_criteria = {c.phase for c in theme.criteria}
        for phase_id in phase_ids:
            if phase_id not in phases_with_criteria:
                problems.append(
                    f"{document.where(('criteria',))}: theme '{theme.id}' has no criterion "
                    f"in phase '{phase_id}'"
                )
    if content_rules_apply(frame):
        check_content(frame, themes, docs, problems)
    for old_id, new_id in frame.crosswalk.items():
        if themes and new_id not in first_seen:
            problems.append(
                f"{frame_doc.where(('crosswalk', old_id))}: crosswalk target '{new_id}' "
                f"(from '{old_id}') is not a criterion"
            )


def _check_criterion_refs(
    frame: RubricFrame,
    criterion: Criterion,
    document: Document,
    index: int,
    problems: list[str],
) -> None:
    """A criterion names only phases, roles and sources that exist."""
    phase_ids = [p.id for p in frame.phases]
    if criterion.phase not in phase_ids:
        problems.append(
            f"{document.where(('criteria', index, 'phase'))}: unknown phase "
            f"'{criterion.phase}' (known: {', '.join(phase_ids)})"
        )
    for j, role in enumerate(criterion.answered_by):
        if role not in RESPONDENT_ROLES:
            problems.append(
                f"{document.where(('criteria', index, 'answered_by', j))}: unknown role "
                f"'{role}' (known: {', '.join(RESPONDENT_ROLES)})"
            )
    for j, key in enumerate(criterion.sources):
        if key not in frame.sources:
            problems.append(
                f"{document.where(('criteria', index, 'sources', j))}: unknown source key '{key}'"
            )


def content_rules_apply(frame: RubricFrame) -> bool:
    """Whether the rubric's version (year.number) is at least ``CONTENT_RULES_FROM``; a version
    that is not numbers separated by dots predates them."""
    try:
        version = tuple(int(part) for part in frame.version.split("."))
    except ValueError:
        return False
    return version >= CONTENT_RULES_FROM


def check_content(
    frame: RubricFrame, themes: list[Theme], docs: dict[str, Document], problems: list[str]
) -> None:
    """What a machine can check of the content rules: short guidance, one practice per label,
    no n.v.t. on a critical criterion, and few enough questions for leerkracht and OOP."""
    asked: dict[str, list[str]] = {role: [] for role in ROLES_WITH_FEW_QUESTIONS}
    for theme in themes:
        document = docs[theme.id]
        for i, criterion in enumerate(theme.criteria):
            for lang, text in criterion.label.items():
                joined = _joins_two_practices(text, lang, frame.fixed_phrases.get(lang, ()))
                if joined:
                    problems.append(
                        f"{document.where(('criteria', i, 'label', lang))}: label ({lang}) joins "
                        f"two practices with '{joined}'; ask one practice per criterion, or list "
                        f"the phrase under fixed_phrases: in rubric.yaml"
                    )
            for lang, text in criterion.guidance.items():
                words = len(text.split())
                if words > MAX_GUIDANCE_WORDS:
                    problems.append(
                        f"{document.where(('criteria', i, 'guidance', lang))}: guidance ({lang}) "
                        f"has {words} words, more than {MAX_GUIDANCE_WORDS}"
                    )
            if criterion.critical and criterion.allow_not_applicable:
                problems.append(
                    f"{document.where(('criteria', i, 'allow_not_applicable'))}: criterion "
                    f"'{criterion.id}' is critical and may not allow n.v.t."
                )
            for role, where in asked.items():
                if criterion.asked_of(role):
                    where.append(document.where(("criteria", i, "id")))
    for role, where in asked.items():
        if len(where) > MAX_CRITERIA_PER_ROLE:
            problems.append(
                f"{where[MAX_CRITERIA_PER_ROLE]}: role '{role}' gets {len(where)} criteria, more "
                f"than {MAX_CRITERIA_PER_ROLE} (criterion {MAX_CRITERIA_PER_ROLE + 1} is here)"
            )


def _joins_two_practices(label: str, lang: str, fixed_phrases: tuple[str, ...]) -> str | None:
    """The joining word (" en ") when ``label`` joins two things with it outside a fixed phrase."""
    word = JOINING_WORDS.get(lang)
    if word is None:
        return None
    rest = label.casefold()
    for phrase in fixed_phrases:
        rest = rest.replace(phrase.casefold(), " ")
    return f" {word} " if re.search(rf"\s{word}\s", rest) else None
