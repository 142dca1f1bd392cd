"""A large, reproducible board for the benchmark and the tests: ``schools`` sharing schools,
each with a closed scan per school year, as the board reads them from the stored summaries.

The numbers come from a seeded random generator, so the same arguments give the same board.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from assessment.board_dashboard import Dashboard, build_dashboard
from assessment.rubric import Rubric
from assessment.scoring import SECURED
from assessment.store.info import BoardScan, BoardSchool, CriterionSummary, SchoolInfo

STATES = ("done", "working", "not_yet")


@dataclass(frozen=True)
class SampleBoard:
    dashboard: Dashboard
    maps: dict[int, dict[str, list[tuple[str, str, float | None]]]]
    criteria: dict[int, dict[str, CriterionSummary]]


def sample_board(
    rubric: Rubric, schools: int = 1000, years: int = 3, seed: int = 2026
) -> SampleBoard:
    """A board of ``schools`` schools with ``years`` closed scans each (the newest first)."""
    rng = random.Random(seed)
    phases = rubric.phase_ids
    themes = [theme.id for theme in rubric.theme_list]
    board_schools: list[BoardSchool] = []
    maps: dict[int, dict[str, list[tuple[str, str, float | None]]]] = {}
    criteria: dict[int, dict[str, CriterionSummary]] = {}
    scan_id = 0
    for number in range(1, schools + 1):
        info = SchoolInfo(number, 1, f"School {number:04d}", True, False)
        base = rng.uniform(10, 60)
        scans = []
        for year in range(years):
            scan_id += 1
            closed = dt.datetime(2024 + year - years + 3, 6, 15, 12, tzinfo=dt.UTC)
            readiness = {
                t: min(100.0, max(0.0, base + 12 * year + rng.gauss(0, 8))) for t in themes
            }
            worked = {t: phases[min(len(phases) - 1, int(r // 25))] for t, r in readiness.items()}
            worked = {
                t: (SECURED if r > 95 else p)
                for (t, p), r in zip(worked.items(), readiness.values(), strict=True)
            }
            order = [*phases, SECURED]
            school_phase = min(worked.values(), key=order.index)
            label = f"{2021 + year + 3 - years}-{2022 + year + 3 - years}"
            scans.append(
                BoardScan(scan_id, label, closed, 20, 18, school_phase, readiness, worked, {})
            )
            maps[scan_id] = {
                t: [
                    (
                        phase,
                        STATES[
                            0 if index < order.index(worked[t]) else 1 if phase == worked[t] else 2
                        ],
                        round(rng.uniform(0.5, 3), 2),
                    )
                    for index, phase in enumerate(phases)
                ]
                for t in themes
            }
            criteria[scan_id] = {
                c.id: CriterionSummary(c.id, 18, round(rng.uniform(0, 3), 2), 2, 0, None)
                for c in rubric.criteria
            }
        board_schools.append(BoardSchool(info, tuple(reversed(scans))))
    return SampleBoard(build_dashboard(board_schools, rubric), maps, criteria)
