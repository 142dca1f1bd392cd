"""A consortium's worth of schools built through the service functions: each school has a type,
a consent, and closed scans with a given number of colleagues, notes and a plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from sqlalchemy import update

from assessment import store
from assessment.rubric import Rubric, load_rubric
from assessment.store import tables as T
from assessment.store.research_consent import set_research_consent, set_school_type
from tests.helpers import MINI_RUBRIC

NOTE = "Juf Annelies vond het lastig op dinsdag 14:35"
PLAN = "Plan: teamdag over veiligheid met meester Karel"
CRITERIA = ("a-v1", "a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1", "b-b2")


@pytest.fixture(scope="session")
def mini() -> Rubric:
    rubric = load_rubric(MINI_RUBRIC)
    store.register_rubric(rubric)
    return rubric


@dataclass
class Consortium:
    engine: object
    rubric: Rubric
    board: store.BoardInfo
    schools: dict[str, int] = field(default_factory=dict)  # name -> id
    coordinators: dict[str, store.Access] = field(default_factory=dict)

    def school(
        self, name: str, school_type: str | None = "bo", opt_in: bool = True
    ) -> store.Access:
        admin = store.admin_access()
        school = store.create_school(self.engine, admin, self.board.id, name)
        code = store.issue_code(self.engine, admin, "coordinator", school_id=school.id).code
        access = store.resolve_code(self.engine, code)
        if school_type is not None:
            set_school_type(self.engine, access, school.id, school_type)
        if opt_in:
            set_research_consent(self.engine, access, school.id, True)
        self.schools[name] = school.id
        self.coordinators[name] = access
        return access

    def scan(
        self,
        name: str,
        year: int,
        respondents: int,
        answers=None,
        *,
        close: bool = True,
    ) -> int:
        """A scan of school ``name`` opened in school year ``year``-``year + 1``; every colleague
        answers each criterion with ``answers(colleague, criterion)`` (default: 2, or 3 for the
        first) with a note."""
        access = self.coordinators[name]
        answers = answers or (lambda colleague, criterion: 3 if colleague == 0 else 2)
        scan = store.open_scan(
            self.engine, access, access.school_id, f"{year}-{year + 1}", self.rubric
        )
        for colleague, issued in enumerate(
            store.issue_team_codes(self.engine, access, scan.id, respondents)
        ):
            respondent = store.resolve_code(self.engine, issued.code)
            store.start_respondent(self.engine, respondent, "werkgroep")
            for criterion in CRITERIA:
                value = answers(colleague, criterion)
                if value is not None:
                    store.save_answer(self.engine, respondent, criterion, value, NOTE)
        store.add_action(self.engine, access, scan.id, "alfa", PLAN, owner="meester Karel")
        with self.engine.begin() as connection:  # the scan was opened in that school year
            connection.execute(
                update(T.scan)
                .where(T.scan.c.id == scan.id)
                .values(created_at=dt.datetime(year, 10, 1, 9, tzinfo=dt.UTC))
            )
        if close:
            store.close_scan(self.engine, access, scan.id)
        return scan.id


@pytest.fixture
def consortium(engine, mini) -> Consortium:
    board = store.create_board(engine, store.admin_access(), "Stichting Geheim Bestuur")
    return Consortium(engine, mini, board)
