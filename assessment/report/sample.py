"""A realistic, reproducible report input for any rubric: for the benchmark, tests and a preview.

``sample_input(rubric)`` invents a school year of answers (30 respondents by default) with a
previous year, agreed values, evidence notes and an action plan; the numbers come from a seeded
random generator, so the same arguments always give the same report.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from assessment.rubric import Rubric
from assessment.scoring import DONT_KNOW, AnswerValue, score_scan
from assessment.views.report_input import PreviousScan, ReportAction, ReportInput

ROLE_MIX = (
    ("leerkracht",) * 18 + ("werkgroep",) * 5 + ("oop",) * 4 + ("directie",) * 2 + ("ib_zorg",)
)
OWNERS = ("Directie", "TSO-werkgroep", "Intern begeleider", "Bouwcoördinator onderbouw", "Team")
NOTES_NL = (
    "In de bovenbouw gebeurt dit al, in de onderbouw nog niet.",
    "Besproken in de teamvergadering van oktober.",
    "Afhankelijk van de vervanging die we krijgen.",
    "We hebben hier nog geen afspraken over gemaakt.",
)


def sample_answers(
    rubric: Rubric, respondents: int, seed: int, lift: float = 0.0
) -> dict[str, list[AnswerValue]]:
    """Answers per criterion: earlier phases score higher; ``lift`` raises every level."""
    rng = random.Random(seed)
    phases = rubric.phase_ids
    top = max(rubric.scale_values)
    theme_offset = {th.id: rng.uniform(-0.5, 0.5) for th in rubric.theme_list}
    answers: dict[str, list[AnswerValue]] = {}
    for criterion in rubric.criteria:
        stage = phases.index(criterion.phase) / max(len(phases) - 1, 1)
        level = 2.6 - 2.0 * stage + theme_offset[criterion.theme] + lift
        split = rng.random() < 0.15  # a few criteria split the team
        level = min(max(level, 0.0), float(top))
        values: list[AnswerValue] = []
        for _ in range(respondents):
            if rng.random() < 0.04 + 0.12 * stage:
                values.append(DONT_KNOW)
            elif split:
                values.append(int(min(top, max(0, round(rng.gauss(level, 1.2))))))
            else:  # the rest answer the level's neighbours: a spread of at most 1
                low = int(level)
                values.append(min(top, low + (rng.random() < level - low)))
        answers[criterion.id] = values
    return answers


def sample_input(
    rubric: Rubric,
    *,
    respondents: int = 30,
    actions: int = 20,
    lang: str = "nl",
    school: str = "OBS De Regenboog",
    seed: int = 2026,
    day: dt.date = dt.date(2026, 11, 24),
) -> ReportInput:
    rng = random.Random(seed)
    answers = sample_answers(rubric, respondents, seed)
    result = score_scan(rubric, answers, _agreed(rubric, answers))
    previous_answers = sample_answers(rubric, max(respondents - 4, 1), seed + 1, lift=-0.35)
    previous_result = score_scan(rubric, previous_answers)

    previous_actions = [
        ReportAction(
            id=100 + i,
            title=rubric.text(step_criterion.actions[0], lang),
            theme=step_criterion.theme,
            criterion=step_criterion.id,
            owner=OWNERS[i % len(OWNERS)],
            due_date=day - dt.timedelta(days=120 - 9 * i),
            status=("done", "doing", "planned", "done", "dropped", "done", "doing", "planned")[
                i % 8
            ],
        )
        for i, step_criterion in enumerate(rubric.criteria[: min(8, len(rubric.criteria))])
    ]
    open_previous = [a for a in previous_actions if a.status in ("planned", "doing")]
    steps = list(result.next_steps)
    plan: list[ReportAction] = []
    for i in range(actions):
        if i < len(open_previous) and i < 3:
            old = open_previous[i]
            plan.append(
                ReportAction(
                    id=200 + i,
                    title=old.title,
                    theme=old.theme,
                    criterion=old.criterion,
                    owner=old.owner,
                    due_date=day + dt.timedelta(days=60),
                    status="doing",
                    carried_from=old.id,
                )
            )
            continue
        if steps:
            step = steps[i % len(steps)]
            criterion = rubric.criterion(step.criterion)
        else:
            criterion = rubric.criteria[i % len(rubric.criteria)]
        plan.append(
            ReportAction(
                id=200 + i,
                title=rubric.text(criterion.actions[0], lang),
                theme=criterion.theme,
                criterion=criterion.id,
                owner=OWNERS[(i + 2) % len(OWNERS)],
                due_date=day + dt.timedelta(days=30 + 14 * i),
                status=("planned", "planned", "doing", "done")[rng.randrange(4)],
            )
        )

    roles = Counter(ROLE_MIX[i % len(ROLE_MIX)] for i in range(respondents))
    notes = {
        c.id: [NOTES_NL[(i + k) % len(NOTES_NL)] for k in range(1 + i % 2)]
        for i, c in enumerate(rubric.criteria[::7])
    }
    contested = [i.id for i in result.items.values() if i.contested]
    agreed_notes = dict.fromkeys(contested[:3], "Na bespreking in de werkgroep vastgesteld.")
    return ReportInput(
        school=school,
        scan_label="2026-2027",
        date=day,
        rubric=rubric,
        result=result,
        lang=lang,
        respondents=respondents,
        submitted=max(respondents - 2, 0),
        roles=dict(roles),
        previous=PreviousScan(
            label="2025-2026",
            result=previous_result,
            actions=previous_actions,
            rubric_version=rubric.version,
        ),
        actions=plan,
        notes=notes,
        agreed_notes=agreed_notes,
        generated=day,
    )


def _agreed(rubric: Rubric, answers: dict[str, list[AnswerValue]]) -> dict[str, AnswerValue]:
    """The team agrees a value on the first few criteria it split over."""
    agreed: dict[str, AnswerValue] = {}
    for criterion in rubric.criteria:
        numeric = [a for a in answers[criterion.id] if isinstance(a, int)]
        if numeric and max(numeric) - min(numeric) >= rubric.rules.disagreement_range:
            agreed[criterion.id] = round(sum(numeric) / len(numeric))
        if len(agreed) == 3:
            break
    return agreed
