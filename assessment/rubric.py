"""Rubric models, loading and validation.

A rubric directory holds ``rubric.yaml`` (scale, phases, rules, sources, theme list) and
``themes/<theme>.yaml`` (the criteria of one theme). Loading checks everything and reports every
problem at once as ``file:line: message``; a rubric that does not validate raises ``RubricError``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from assessment.rubric_checks import check_frame, check_themes
from assessment.rubric_files import Document, read_yaml

SHIPPED_RUBRIC_DIR = Path(__file__).resolve().parent.parent / "rubrics" / "tso"

LocalizedText = dict[str, str]
Roles = str | Sequence[str] | None  # a respondent's role, or their roles in the order chosen
# A theme id names its file themes/<id>.yaml: a plain name, never a path such as "../x".
ThemeId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleOption(_Model):
    value: int = Field(ge=0)
    label: LocalizedText
    description: LocalizedText


class SpecialAnswer(_Model):
    label: LocalizedText
    description: LocalizedText


class Phase(_Model):
    id: str = Field(min_length=1)
    label: LocalizedText
    duration: LocalizedText
    description: LocalizedText


class Rules(_Model):
    phase_complete_mean: float
    item_blocks_below: float
    max_dont_know_share: float = Field(ge=0, le=1)
    disagreement_range: int = Field(ge=1)
    contested_share: float = Field(default=0.25, gt=0, le=0.5)
    min_group_size: int = Field(ge=1)
    next_steps_per_theme: int = Field(ge=1)
    next_step_below: float = 2.0
    critical_min: float = 2.0  # a critical criterion counts toward its phase only at or above this
    strength_from: float = 2.5  # the PDF lists an item of at least this value as a strength
    # the PDF's quality notes name an agreed value this far or further from the team's mean
    agreed_differs_by: float = Field(default=1.0, gt=0)


class Source(_Model):
    text: str = Field(min_length=1)
    url: str | None = None
    checked: bool = True  # false: nobody on the project could read it; the app says so


class Criterion(_Model):
    id: str = Field(min_length=1)
    phase: str
    label: LocalizedText
    guidance: LocalizedText
    actions: tuple[LocalizedText, ...] = Field(min_length=1)
    allow_not_applicable: bool = False
    answered_by: tuple[str, ...] = ()  # respondent roles that can judge it; empty = everyone
    sources: tuple[str, ...] = ()
    critical: bool = False  # a safety or core practice: see Rules.critical_min
    checked_against: tuple[str, ...] = ()  # consortium materials checked against; () = our wording
    theme: str = ""  # filled in by the loader from the file the criterion lives in

    def asked_of(self, roles: Roles) -> bool:
        """Whether a respondent with ``roles`` (one role or several) gets this criterion: when
        any of them may judge it. Without a role (or with "anders") a respondent gets every
        criterion."""
        chosen = (roles,) if roles is None or isinstance(roles, str) else tuple(roles)
        chosen = tuple(role for role in chosen if role is not None)
        return (
            not self.answered_by
            or not chosen
            or "anders" in chosen
            or any(role in self.answered_by for role in chosen)
        )


class Theme(_Model):
    id: str = Field(min_length=1)
    label: LocalizedText
    description: LocalizedText
    criteria: tuple[Criterion, ...] = Field(min_length=1)


class RubricFrame(_Model):
    """The contents of rubric.yaml."""

    id: str = Field(min_length=1)
    version: str = Field(min_length=1)
    languages: tuple[str, ...] = Field(min_length=1)
    title: LocalizedText
    description: LocalizedText
    scale: tuple[ScaleOption, ...] = Field(min_length=2)
    dont_know: SpecialAnswer
    not_applicable: SpecialAnswer
    phases: tuple[Phase, ...] = Field(min_length=1)
    rules: Rules
    sources: dict[str, Source] = {}
    themes: tuple[ThemeId, ...] = Field(min_length=1)
    crosswalk: dict[str, str] = {}
    # fixed phrases a label may contain although they join words with "en"/"and" ("ouders en verzorgers")
    fixed_phrases: dict[str, tuple[str, ...]] = {}


class Rubric(RubricFrame):
    """A validated rubric: the frame, its themes with their criteria, and a content hash."""

    theme_list: tuple[Theme, ...]
    content_hash: str
    directory: str

    @cached_property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for theme in self.theme_list for c in theme.criteria)

    def criteria_for_role(self, roles: Roles) -> tuple[Criterion, ...]:
        """The criteria asked of one role, or of several: the union of what they may judge."""
        return tuple(c for c in self.criteria if c.asked_of(roles))

    @property
    def phase_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.phases)

    @property
    def scale_values(self) -> tuple[int, ...]:
        return tuple(option.value for option in self.scale)

    @cached_property
    def criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for c in self.criteria}

    def criterion(self, criterion_id: str) -> Criterion:
        return self.criteria_by_id[criterion_id]

    def has_criterion(self, criterion_id: str) -> bool:
        return criterion_id in self.criteria_by_id

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.theme_list if t.id == theme_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def text(self, localized: LocalizedText, lang: str) -> str:
        """The text in ``lang``, falling back to the rubric's first language."""
        return localized.get(lang) or localized[self.languages[0]]


class RubricError(Exception):
    """A rubric that does not validate; ``problems`` lists every ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def default_rubric_dir() -> Path:
    """``TSO_RUBRIC_DIR`` when set, else the shipped TSO rubric."""
    return Path(os.environ.get("TSO_RUBRIC_DIR") or SHIPPED_RUBRIC_DIR)


def _pydantic_problems(error: ValidationError, document: Document) -> list[str]:
    problems = []
    for detail in error.errors():
        location = tuple(detail["loc"])
        field = ".".join(str(part) for part in location) or "(document)"
        message = detail["msg"]
        if detail["type"] == "extra_forbidden":
            message = "unknown field"
        elif detail["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{document.where(location)}: {field}: {message}")
    return problems


# --- loading ----------------------------------------------------------------------------------


def load_rubric(directory: str | Path | None = None) -> Rubric:
    """Load and validate the rubric in ``directory``; raise ``RubricError`` listing every problem.
    A rubric is read once per process: again only when one of its files changed."""
    root = Path(directory) if directory is not None else default_rubric_dir()
    stamp = _files_stamp(root)
    cached = _loaded.get(str(root))
    if cached is not None and stamp is not None and cached[0] == stamp:
        return cached[1]
    rubric = _read_rubric(root)
    if stamp is not None:
        _loaded[str(root)] = (stamp, rubric)
    return rubric


_loaded: dict[str, tuple[tuple[Any, ...], Rubric]] = {}


def _files_stamp(root: Path) -> tuple[Any, ...] | None:
    """What changes when a file of the rubric changes (None when one cannot be looked at)."""
    try:
        files = [root / "rubric.yaml", *sorted((root / "themes").glob("*.yaml"))]
        return tuple(
            (str(path), status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)
            for path in files
            for status in (path.stat(),)
        )
    except OSError:
        return None


def _read_rubric(root: Path) -> Rubric:
    problems: list[str] = []
    frame_file = root / "rubric.yaml"
    frame_doc = read_yaml(frame_file, root, _shown(frame_file), problems)
    if frame_doc is None:
        raise RubricError(problems)
    try:
        frame = RubricFrame.model_validate(frame_doc.data)
    except ValidationError as error:
        problems.extend(_pydantic_problems(error, frame_doc))
        raise RubricError(problems) from None

    check_frame(frame, frame_doc, problems)
    themes: list[Theme] = []
    theme_docs: dict[str, Document] = {}
    for index, theme_id in enumerate(frame.themes):
        theme_file = root / "themes" / f"{theme_id}.yaml"
        if not theme_file.exists():
            problems.append(
                f"{frame_doc.where(('themes', index))}: theme '{theme_id}' has no file "
                f"themes/{theme_id}.yaml"
            )
            continue
        document = read_yaml(theme_file, root, _shown(theme_file), problems)
        if document is None:
            continue
        try:
            theme = Theme.model_validate(document.data)
        except ValidationError as error:
            problems.extend(_pydantic_problems(error, document))
            continue
        if theme.id != theme_id:
            problems.append(
                f"{document.where(('id',))}: theme id '{theme.id}' does not match "
                f"'{theme_id}' in rubric.yaml"
            )
        theme = theme.model_copy(
            update={
                "criteria": tuple(c.model_copy(update={"theme": theme_id}) for c in theme.criteria)
            }
        )
        themes.append(theme)
        theme_docs[theme_id] = document
    for extra in sorted((root / "themes").glob("*.yaml")):
        if extra.stem not in frame.themes:
            problems.append(
                f"{_shown(extra)}:1: theme file is not listed under themes: in rubric.yaml"
            )

    check_themes(frame, frame_doc, themes, theme_docs, problems)
    if problems:
        raise RubricError(problems)
    return Rubric(
        **frame.model_dump(),
        theme_list=tuple(themes),
        content_hash=_content_hash(root, frame),
        directory=str(root),
    )


def _shown(path: Path) -> str:
    """A path as the user wrote it, relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _content_hash(root: Path, frame: RubricFrame) -> str:
    digest = hashlib.sha256()
    for path in [root / "rubric.yaml", *(root / "themes" / f"{t}.yaml" for t in frame.themes)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
