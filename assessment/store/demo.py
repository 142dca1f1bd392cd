"""The demo: the board "Stichting Samen Leren" with three schools and their school years.

* OBS De Regenboog improves clearly over three school years, 2023-2024 to 2025-2026, so it has a
  trend (the school ``demo_access`` opens);
* Kindcentrum Het Anker is stuck in Voorbereiden;
* SBO De Wissel has a team that is really split (leaders, working group and intern begeleider high,
  teachers and support staff low).

Two criteria are steered in the newest school year, so that the screens show what the scoring
rules for them do: at De Regenboog nobody knows whether the baseline (imp-nulmeting) was recorded,
so Voorbereiden of implementatieplanning is complete with one item unknown (provisional); at De
Wissel the back-up rota (lei-achterwachtrooster, a critical item) is on paper by the leaders'
account and does not come by the teachers', so Voorbereiden of leiderschap stays open on it alone.

Every scan has 6-12 anonymous respondents with a role; each answers only the criteria their role can
judge (``answered_by``), with varied answers and evidence notes written for that criterion, some
agreed values and an action plan. Each later year carries open actions over; the newest leaves some
for review. Every school year but the newest is closed. Generated from a seeded random source, so the
content is the same every time and works with any rubric (the shipped one or a test rubric). It goes
through the same checks as an import.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from statistics import median
from typing import Any

from sqlalchemy import Engine, select

from assessment.rubric import Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, NextStep, ScanResult, score_scan
from assessment.store import tables as T
from assessment.store.access import DEMO_CODE_LABEL, insert_code
from assessment.store.demo_texts import (
    AGREED_NOTES,
    DONT_KNOW_NOTES,
    OTHER_OWNERS,
    OWNERS,
    notes_for,
)
from assessment.store.engine import lock_for_setup, writing
from assessment.store.import_check import FORMAT, FORMAT_VERSION, check_import
from assessment.store.rubrics import register_rubric
from assessment.store.transfer import insert_school

DEMO_BOARD = "Stichting Samen Leren"
UTC = dt.UTC


@dataclass(frozen=True)
class _Year:
    label: str
    opened: dt.datetime
    closed: dt.datetime | None
    due_dates: tuple[dt.date, ...]


def _year(start: int, opened: dt.datetime, closed: dt.datetime | None) -> _Year:
    due = (dt.date(start + 1, 1, 30), dt.date(start + 1, 3, 27), dt.date(start + 1, 6, 26))
    return _Year(f"{start}-{start + 1}", opened, closed, due)


YEAR_2023 = _year(
    2023, dt.datetime(2023, 10, 2, 7, 45, tzinfo=UTC), dt.datetime(2023, 11, 24, 15, 30, tzinfo=UTC)
)
YEAR_2024 = _year(
    2024, dt.datetime(2024, 9, 30, 7, 45, tzinfo=UTC), dt.datetime(2024, 11, 22, 15, 30, tzinfo=UTC)
)
YEAR_2025 = _year(2025, dt.datetime(2025, 9, 29, 7, 45, tzinfo=UTC), None)


@dataclass(frozen=True)
class _Steer:
    """A criterion whose answers a story needs, whatever the school's levels would give."""

    criterion: str
    level: float  # typical answer (of the optimists, in a divided team)
    others: float | None = None  # typical answer of the others in a divided team
    dont_know: float = 0.0  # chance of "weet niet"


@dataclass(frozen=True)
class _Scan:
    """One school year of a demo school."""

    year: _Year
    levels: tuple[float, ...]  # the team's typical answer per phase position
    size: int  # respondents
    agreed: int  # agreed values the working group sets
    statuses: tuple[str, ...]  # status of each new action
    reviews: tuple[str, ...] = ()  # what this year decides on last year's open actions
    steer: tuple[_Steer, ...] = ()  # criteria left out when the rubric has no such criterion


@dataclass(frozen=True)
class _School:
    name: str
    key: str
    theme_offsets: tuple[float, ...]
    scans: tuple[_Scan, ...]
    divided: bool = False


LATER = ("doing", "planned", "planned")
SCHOOLS = (
    _School(
        "OBS De Regenboog",
        "improving",
        theme_offsets=(0.0, 0.2, 0.4, -0.15, 0.1),
        scans=(
            _Scan(YEAR_2023, (0.9, 0.35, 0.15, 0.05), 7, 2, ("done", "done", "doing", "planned")),
            _Scan(
                YEAR_2024,
                (2.45, 0.95, 0.6, 0.2),
                8,
                3,
                ("done", "doing", "done", "planned", "done", "done"),
                reviews=("continue", "done"),
            ),
            _Scan(
                YEAR_2025,
                (2.8, 2.45, 1.5, 0.7),
                11,
                2,
                LATER,
                reviews=("continue", "review"),
                steer=(_Steer("imp-nulmeting", 2.0, dont_know=0.95),),
            ),
        ),
    ),
    _School(
        "Kindcentrum Het Anker",
        "stuck",
        theme_offsets=(0.1, -0.1, 0.15, -0.1, 0.0),
        scans=(
            _Scan(YEAR_2024, (2.6, 1.2, 0.6, 0.2), 9, 2, ("done", "doing", "planned", "planned")),
            _Scan(
                YEAR_2025,
                (2.7, 1.35, 0.7, 0.3),
                7,
                0,
                LATER,
                reviews=("continue", "review", "continue", "done"),
            ),
        ),
    ),
    _School(
        "SBO De Wissel",
        "divided",
        theme_offsets=(0.0, 0.1, 0.2, -0.2, -0.1),
        divided=True,
        scans=(
            _Scan(
                YEAR_2024,
                (2.0, 1.4, 0.8, 0.3),
                10,
                6,
                ("done", "doing", "planned", "dropped", "doing", "done"),
            ),
            _Scan(
                YEAR_2025,
                (2.3, 1.8, 1.1, 0.4),
                12,
                3,
                LATER,
                reviews=("continue", "review", "dropped"),
                steer=(
                    _Steer("lei-achterwachtrooster", 3.0, others=0.6),
                    _Steer("lei-calamiteiten", 2.8, others=2.4),
                    _Steer("lei-visie", 2.8),
                    _Steer("lei-prioriteit", 2.7),
                ),
            ),
        ),
    ),
)
OPTIMISTS = ("directie", "werkgroep", "ib_zorg")
DIVIDED_BIAS = 1.0  # how far each camp of the divided team sits from the school's level
AGREEING_BIAS = 0.25  # how far a respondent of an agreeing team sits from it, at most
NOISE = 0.35  # spread of one respondent's answers around their own level


def seed_demo(engine: Engine, rubric: Rubric) -> bool:
    """Create the demo board and schools unless a demo school exists; True when created."""
    register_rubric(rubric)
    with writing(engine) as connection:
        lock_for_setup(connection)
        exists = connection.execute(
            select(T.school.c.id).where(T.school.c.is_demo.is_(True)).limit(1)
        ).first()
        if exists is not None:
            return False
        created = min(s.scans[0].year.opened for s in SCHOOLS) - dt.timedelta(days=14)
        board_id: int = connection.execute(
            T.board.insert().values(name=DEMO_BOARD, created_at=created).returning(T.board.c.id)
        ).scalar_one()
        first_school_id = None
        for school in SCHOOLS:
            parsed = check_import(demo_document(rubric, school))
            info = insert_school(connection, parsed, board_id, now=created)
            first_school_id = first_school_id or info.id
        insert_code(
            connection,
            "coordinator",
            school_id=first_school_id,
            label=DEMO_CODE_LABEL,
            now=created,
        )
        return True


# --- generating one school --------------------------------------------------------------------


def demo_document(rubric: Rubric, school: _School) -> dict[str, Any]:
    """One demo school in the export format."""
    scans = []
    ref = 0
    previous_actions: list[dict[str, Any]] = []
    for index, plan in enumerate(school.scans):
        year = plan.year
        rng = random.Random(f"tso-demo/{school.key}/{year.label}")
        respondents = _respondents(rubric, school, plan, rng)
        agreed = _agreed(rubric, plan, index, respondents)
        answers = _answers_by_criterion(respondents)
        result = score_scan(rubric, answers, {a["criterion"]: a["value"] for a in agreed})
        actions: list[dict[str, Any]] = []
        carried_criteria: set[str | None] = set()
        open_actions = [a for a in previous_actions if a["status"] in ("planned", "doing")]
        for old, decision in zip(open_actions, plan.reviews, strict=False):
            if decision == "continue":
                ref += 1
                actions.append(
                    {**old, "ref": ref, "carried_from": old["ref"], "due_date": _due(year, 1)}
                )
                carried_criteria.add(old["criterion"])
            elif decision in ("done", "dropped"):
                old["status"] = decision
        steps = _steps(result, rubric, exclude=carried_criteria)
        for number, (step, status) in enumerate(zip(steps, plan.statuses, strict=False)):
            ref += 1
            criterion = rubric.criterion(step.criterion)
            actions.append(
                {
                    "ref": ref,
                    "theme": step.theme,
                    "criterion": step.criterion,
                    "title": rubric.text(criterion.actions[0], "nl")[: T.TITLE_LENGTH],
                    "owner": OWNERS.get(step.theme, OTHER_OWNERS[number % len(OTHER_OWNERS)]),
                    "due_date": _due(year, number),
                    "status": status,
                    "carried_from": None,
                }
            )
        scans.append(
            {
                "label": year.label,
                "rubric": {"id": rubric.id, "version": rubric.version, "hash": rubric.content_hash},
                "status": "closed" if year.closed else "open",
                "created_at": year.opened.isoformat(),
                "closed_at": year.closed.isoformat() if year.closed else None,
                "respondents": respondents,
                "agreed": agreed,
                "actions": actions,
            }
        )
        previous_actions = actions
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "board": {"name": DEMO_BOARD},
        "school": {"name": school.name, "share_with_board": True, "is_demo": True},
        "scans": scans,
    }


def _due(year: _Year, index: int) -> str:
    return year.due_dates[index % len(year.due_dates)].isoformat()


def _steps(result: ScanResult, rubric: Rubric, exclude: set[str | None]) -> list[NextStep]:
    """Improvement steps spread over the themes: first one per theme, then a second round."""
    by_theme: dict[str, list[NextStep]] = {}
    for step in result.next_steps:
        if step.kind == "improve" and step.criterion not in exclude:
            by_theme.setdefault(step.theme, []).append(step)
    ordered = []
    for round_index in range(3):
        for theme in rubric.theme_list:
            steps = by_theme.get(theme.id, [])
            if round_index < len(steps):
                ordered.append(steps[round_index])
    return ordered


def _roles(size: int, rng: random.Random) -> list[str | None]:
    roles: list[str | None] = ["directie", "werkgroep", "werkgroep", "ib_zorg"]
    if size >= 8:
        roles.append("oop")
    if size >= 10:
        roles.append(None)  # chose not to give a role
    if size >= 11:
        roles.append("anders")
    roles += ["leerkracht"] * (size - len(roles))
    rng.shuffle(roles)
    return roles


def _respondents(
    rubric: Rubric, school: _School, plan: _Scan, rng: random.Random
) -> list[dict[str, Any]]:
    levels = plan.levels
    phase_position = {p: min(i, len(levels) - 1) for i, p in enumerate(rubric.phase_ids)}
    theme_offset = {
        t.id: school.theme_offsets[i % len(school.theme_offsets)]
        for i, t in enumerate(rubric.theme_list)
    }
    year = plan.year
    roles = _roles(plan.size, rng)
    unfinished = {plan.size - 1} if year.closed else {plan.size - 1, plan.size - 2}
    steered = {s.criterion: s for s in plan.steer}
    respondents = []
    used_notes: set[tuple[str, str]] = set()
    for number, role in enumerate(roles):
        if school.divided:
            bias = DIVIDED_BIAS if role in OPTIMISTS else -DIVIDED_BIAS
        else:
            bias = rng.uniform(-AGREEING_BIAS, AGREEING_BIAS) + (0.2 if role == "directie" else 0.0)
        # Drawn where the start time was drawn, so the demo's answers stay as they were; no time
        # of a respondent is stored.
        rng.randint(1, 25), rng.randint(0, 8), rng.randint(0, 59)
        criteria = list(rubric.criteria_for_role(role))
        if number in unfinished:
            criteria = criteria[: max(1, len(criteria) * 3 // 5)]
        answers = []
        for criterion in criteria:
            position = phase_position[criterion.phase]
            rng.randint(20, 95)  # where an answer's time was drawn (see above)
            dont_know = 0.03 + 0.05 * position
            if role in ("leerkracht", "oop", "anders", None) and position >= 2:
                dont_know += 0.08
            level = levels[position] + theme_offset[criterion.theme] + bias
            steer = steered.get(criterion.id)
            if steer is not None:
                dont_know = steer.dont_know
                pessimist = school.divided and role not in OPTIMISTS
                level = steer.others if pessimist and steer.others is not None else steer.level
            if criterion.allow_not_applicable and rng.random() < 0.12:
                value: int | str = NOT_APPLICABLE
            elif rng.random() < dont_know:
                value = DONT_KNOW
            else:
                value = min(3, max(0, round(level + rng.gauss(0, NOISE))))
            note = ""
            if value != NOT_APPLICABLE and rng.random() < (
                0.35 if role in ("werkgroep", "ib_zorg") else 0.2
            ):
                note = _note(criterion.id, value, rng, used_notes)
            answers.append({"criterion": criterion.id, "value": value, "note": note})
        respondents.append(
            {
                "role": role,
                "started": True,
                "submitted": number not in unfinished,
                "answers": answers,
            }
        )
    return respondents


def _note(criterion: str, value: int | str, rng: random.Random, used: set[tuple[str, str]]) -> str:
    bank: tuple[str, ...]
    if isinstance(value, str):  # DONT_KNOW: no note is drawn for NOT_APPLICABLE
        bank = DONT_KNOW_NOTES
    else:
        bank = notes_for(criterion)["low" if value <= 1 else "high"]
    fresh = [note for note in bank if (criterion, note) not in used]
    if not fresh:
        return ""
    note = rng.choice(fresh)
    used.add((criterion, note))
    return note


def _answers_by_criterion(respondents: list[dict[str, Any]]) -> dict[str, list[Any]]:
    answers: dict[str, list[Any]] = {}
    for respondent in respondents:
        for answer in respondent["answers"]:
            answers.setdefault(answer["criterion"], []).append(answer["value"])
    return answers


def _agreed(
    rubric: Rubric, plan: _Scan, index: int, respondents: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Agreed values on the most contested items, as the working group would set them."""
    answers = _answers_by_criterion(respondents)
    spread = []
    for criterion in rubric.criteria:
        numeric = [v for v in answers.get(criterion.id, []) if isinstance(v, int)]
        if len(numeric) >= 2:
            spread.append((max(numeric) - min(numeric), criterion.id, numeric))
    spread.sort(key=lambda item: (-item[0], item[1]))
    year = plan.year
    decided = (year.closed or year.opened + dt.timedelta(days=40)) - dt.timedelta(days=3)
    agreed: list[dict[str, Any]] = []
    for rank, (_range, criterion_id, numeric) in enumerate(spread[: plan.agreed]):
        agreed.append(
            {
                "criterion": criterion_id,
                "value": int(median(numeric) // 1),
                "note": AGREED_NOTES[(rank + index) % len(AGREED_NOTES)],
                "decided_at": (decided + dt.timedelta(minutes=7 * rank)).isoformat(),
            }
        )
    agreed.sort(key=lambda item: item["criterion"])
    return agreed
