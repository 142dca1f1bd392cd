"""Boards, schools, scans, respondents and their answers for tests, benchmarks and scripts.

Everything is made through the store's own service functions, as the app would make it, so what a
test starts from obeys every rule the app obeys. Each function takes the engine first; the rubric
defaults to ``load_rubric()`` (which honours ``TSO_RUBRIC_DIR``). Importable without pytest.

    school = make_school(engine)                   # on a new board "Stichting Proef"
    school = make_school(engine, name="OBS A", board=school.board, share_with_board=True)
    scan = make_scan(engine, school)               # open, "2026-2027", nobody yet
    scan = make_scan(engine, school, respondents=3)  # three codes nobody has used yet
    scan = make_scan(
        engine,
        school,
        label="2025-2026",
        rubric=mini,
        respondents=["leerkracht", None],          # started, with these roles (None: no role)
        answers=[{"a-v1": 2}, {"a-v1": (0, "a note")}],  # per respondent; (value, note)
        agreed={"a-v1": (1, "besproken")},         # the team's agreed values
        actions=[{"theme": "alfa", "title": "Studiedag"}],  # add_action's fields
    )
    last_year = closed_scan(engine, school, label="2025-2026")  # make_scan(..., closed=True)
    extra = add_respondent(engine, scan, role="ib_zorg", answers=every_criterion(rubric, 2))
    later = unused_codes(engine, scan, 2)          # two more codes, not used yet
    trainer = trainer_code(engine, school)         # secret codes, to sign in with
    board = board_code(engine, school.board)

What comes back: ``School`` (``.board``, ``.school``, ``.id``, ``.coordinator_code`` and its
resolved ``.coordinator``), ``Scan`` (``.scan``, ``.id``, ``.respondents`` each with ``.code`` and
``.access``, ``.codes``, ``.actions``) and ``Respondent``. ``answers`` without ``respondents``
starts one respondent (without a role) per mapping. A test that needs a state the services refuse
changes the rows itself after building it, and says why in a comment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from assessment import store
from assessment.rubric import Roles, Rubric, load_rubric
from assessment.scoring import AnswerValue

Given = AnswerValue | tuple[AnswerValue, str]  # a value, or a value with its note
Answers = Mapping[str, Given]


@dataclass(frozen=True)
class School:
    """A school with its board and one coordinator code (``coordinator`` is its access)."""

    board: store.BoardInfo
    school: store.SchoolInfo
    coordinator_code: str
    coordinator: store.Access

    @property
    def id(self) -> int:
        return self.school.id


@dataclass(frozen=True)
class Respondent:
    code: str
    access: store.Access


@dataclass(frozen=True)
class Scan:
    """A scan of ``school`` with the respondents (in the order they were issued) and the actions
    made for it."""

    school: School
    scan: store.ScanInfo
    respondents: tuple[Respondent, ...]
    actions: tuple[store.ActionInfo, ...] = ()

    @property
    def id(self) -> int:
        return self.scan.id

    @property
    def codes(self) -> list[str]:
        return [respondent.code for respondent in self.respondents]


def make_board(engine: Engine, name: str = "Stichting Proef") -> store.BoardInfo:
    return store.create_board(engine, store.admin_access(), name)


def make_school(
    engine: Engine,
    *,
    name: str = "OBS De Proeftuin",
    board: store.BoardInfo | str = "Stichting Proef",
    share_with_board: bool = False,
) -> School:
    """A school on ``board`` (a board made earlier, or the name of a new one) and its coordinator."""
    admin = store.admin_access()
    if isinstance(board, str):
        board = make_board(engine, board)
    info = store.create_school(engine, admin, board.id, name, share_with_board=share_with_board)
    code = store.issue_code(engine, admin, "coordinator", school_id=info.id).code
    return School(board, info, code, store.resolve_code(engine, code))


def make_scan(
    engine: Engine,
    school: School,
    *,
    label: str = "2026-2027",
    rubric: Rubric | None = None,
    respondents: int | Sequence[Roles] | None = None,
    answers: Sequence[Answers] = (),
    agreed: Answers | None = None,
    actions: Sequence[Mapping[str, Any]] = (),
    closed: bool = False,
) -> Scan:
    """An open scan (closed last when ``closed``). ``respondents``: a number of codes nobody has
    used yet, or one role per respondent who has started (``None``: no role given); ``answers``
    gives the i-th respondent's answers. Then the agreed values and the actions are added."""
    coordinator = school.coordinator
    opened = store.open_scan(engine, coordinator, school.id, label, rubric or load_rubric())
    made = Scan(school, opened, ())
    if isinstance(respondents, int):
        if answers:
            raise ValueError("answers need respondents who started: give their roles")
        made = Scan(school, opened, tuple(unused_codes(engine, made, respondents)))
    else:
        roles = list(respondents) if respondents is not None else [None] * len(answers)
        if answers and len(answers) != len(roles):
            raise ValueError(f"{len(answers)} answer sets for {len(roles)} respondents")
        given = list(answers) or [{}] * len(roles)
        made = Scan(
            school,
            opened,
            tuple(
                add_respondent(engine, made, role=role, answers=values)
                for role, values in zip(roles, given, strict=True)
            ),
        )
    for criterion, value in (agreed or {}).items():
        value, note = _split(value)
        store.set_agreed(engine, coordinator, opened.id, criterion, value, note or "", version=0)
    added = tuple(store.add_action(engine, coordinator, opened.id, **fields) for fields in actions)
    if closed:
        store.close_scan(engine, coordinator, opened.id)
        opened = store.get_scan(engine, coordinator, opened.id)
    return Scan(school, opened, made.respondents, added)


def closed_scan(engine: Engine, school: School, **options: Any) -> Scan:
    """``make_scan`` that closes the scan once everything is in."""
    return make_scan(engine, school, closed=True, **options)


def add_respondent(
    engine: Engine, scan: Scan, *, role: Roles = None, answers: Answers | None = None
) -> Respondent:
    """One more respondent of an open scan: a code, started with ``role``, then its answers."""
    respondent = _issue(engine, scan)
    store.start_respondent(engine, respondent.access, role)
    for criterion, given in (answers or {}).items():
        value, note = _split(given)
        store.save_answer(engine, respondent.access, criterion, value, note)
    return respondent


def unused_codes(engine: Engine, scan: Scan, count: int) -> list[Respondent]:
    """``count`` respondent codes of an open scan that nobody has used yet."""
    return [_issue(engine, scan) for _ in range(count)]


def every_criterion(rubric: Rubric, value: AnswerValue) -> dict[str, AnswerValue]:
    """The same answer to every criterion of the rubric."""
    return {criterion.id: value for criterion in rubric.criteria}


def trainer_code(engine: Engine, school: School, *, label: str = "") -> str:
    return store.issue_code(
        engine, school.coordinator, "trainer", school_id=school.id, label=label
    ).code


def board_code(engine: Engine, board: store.BoardInfo | int) -> str:
    board_id = board if isinstance(board, int) else board.id
    return store.issue_code(engine, store.admin_access(), "board", board_id=board_id).code


def _issue(engine: Engine, scan: Scan) -> Respondent:
    code = store.issue_code(engine, scan.school.coordinator, "respondent", scan_id=scan.id).code
    return Respondent(code, store.resolve_code(engine, code))


def _split(given: Given) -> tuple[AnswerValue, str | None]:
    if isinstance(given, tuple):
        return given
    return given, None
