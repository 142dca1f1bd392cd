"""A school with a tussenmeting, built through the service functions on the shipped rubric.

The closed yearly scan (five colleagues) leaves implementatieplanning working on Voorbereiden
(each of its 7 criteria 1,6), professionalisering and betrekken on Borgen (2 criteria each, 1,6),
leiderschap and draagvlak geborgd. Its plan has open actions on imp-plan and lei-visie and a done
one on dra-inspraak. So a tussenmeting asks 7 + 2 + 2 criteria of those phases plus lei-visie
from the plan: 12. Its working group of three brings Voorbereiden to 44/21 = 2,1 ("nu afgerond").
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment import store
from assessment.rubric import Rubric, load_rubric

OPEN_PHASES = {
    "implementatieplanning": "voorbereiden",
    "professionalisering": "borgen",
    "betrekken": "borgen",
}
PLAN = {"imp-plan": "implementatieplanning", "lei-visie": "leiderschap"}
DONE_PLAN = {"dra-inspraak": "draagvlak"}
ASKED = 12
YEARLY_OPEN = [1, 1, 2, 2, 2]  # 1,6
# The tussenmeting: two criteria [2, 2, 3], the rest [2, 2, 2]: Voorbereiden 44 / 21 = 2,1.
INTERIM_RAISED = ("imp-plan", "imp-tijdbudget")


@dataclass
class InterimSchool:
    engine: object
    school: store.SchoolInfo
    coordinator: store.Access
    coordinator_code: str
    trainer_code: str
    board_code: str
    yearly: store.ScanInfo
    interim: store.ScanInfo | None
    criteria: dict[str, str]
    interim_codes: list[str]


def yearly_answer(rubric: Rubric, criterion_id: str, respondent: int) -> int:
    criterion = rubric.criterion(criterion_id)
    order = rubric.phase_ids
    working = OPEN_PHASES.get(criterion.theme)
    if working is None or order.index(criterion.phase) < order.index(working):
        return 3
    return YEARLY_OPEN[respondent]


def interim_answer(criterion_id: str, respondent: int) -> int:
    if criterion_id in INTERIM_RAISED:
        return [2, 2, 3][respondent]
    if criterion_id.startswith("imp-") or criterion_id == "lei-visie":
        return 2 if criterion_id.startswith("imp-") else 3
    return [1, 2, 2][respondent]


def answer_scan(engine, coordinator, scan_id: int, values, count: int, roles=None) -> list[str]:
    """``count`` respondents each answer every criterion ``values(criterion, i)`` gives."""
    rubric = load_rubric()
    asked = store.interim_criteria(engine, coordinator, scan_id) or {
        c.id: "" for c in rubric.criteria
    }
    codes = []
    for index in range(count):
        code = store.issue_code(engine, coordinator, "respondent", scan_id=scan_id).code
        access = store.resolve_code(engine, code)
        store.start_respondent(engine, access, roles)
        for criterion in rubric.criteria:
            if criterion.id in asked:
                store.save_answer(engine, access, criterion.id, values(criterion.id, index))
        codes.append(code)
    return codes


def build(
    engine, *, earlier_years: int = 0, interim: bool = True, answered: int = 3
) -> InterimSchool:
    rubric = load_rubric()
    store.register_rubric(rubric)
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Tussen")
    school = store.create_school(engine, admin, board.id, "OBS De Tussenstap", True)
    code = store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    coordinator = store.resolve_code(engine, code)
    for year in range(earlier_years):
        label = f"{2022 + year}-{2023 + year}"
        earlier = store.open_scan(engine, coordinator, school.id, label, rubric)
        answer_scan(engine, coordinator, earlier.id, lambda c, i, y=year: 1 + (i + y) % 2, 5)
        store.close_scan(engine, coordinator, earlier.id)
    yearly = store.open_scan(engine, coordinator, school.id, "2025-2026", rubric)
    answer_scan(engine, coordinator, yearly.id, lambda c, i: yearly_answer(rubric, c, i), 5)
    for criterion, theme in {**PLAN, **DONE_PLAN}.items():
        action = store.add_action(
            engine, coordinator, yearly.id, theme, f"Actie {criterion}", criterion=criterion
        )
        if criterion in DONE_PLAN:
            store.update_action(
                engine, coordinator, action.id, status="done", version=action.version
            )
    yearly = store.close_scan(engine, coordinator, yearly.id)
    trainer = store.issue_code(engine, coordinator, "trainer", school_id=school.id).code
    board_code = store.issue_code(engine, admin, "board", board_id=board.id).code
    opened, criteria, codes = None, {}, []
    if interim:
        opened, criteria = store.open_interim(
            engine, coordinator, school.id, "Tussenmeting maart", rubric
        )
        codes = answer_scan(engine, coordinator, opened.id, interim_answer, answered, "werkgroep")
    return InterimSchool(
        engine, school, coordinator, code, trainer, board_code, yearly, opened, criteria, codes
    )
