"""Benchmark of what the Resultaten page computes (budget: < 100 ms for a 30-respondent scan).

    python bench/bench_results.py [--respondents 30] [--runs 50]

On a fresh SQLite file: a scan of the shipped rubric and its previous scan, each answered in full by
N respondents with notes. One run does what the page does: read both scans from the database, score
them, and write every theme's explanation. Prints p50 and p95 over the runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assessment import store  # noqa: E402
from assessment.explanations import explain_theme  # noqa: E402
from assessment.questions import Questions  # noqa: E402
from assessment.rubric import load_rubric  # noqa: E402
from assessment.scoring import score_scan  # noqa: E402
from tests.factories import make_scan, make_school  # noqa: E402

TARGET_MS = 100
NOTE = "Besproken in de teamvergadering."


def fill_scan(engine, school, label, rubric, respondents, rng, closed=False):
    roles, answers = [], []
    for _ in range(respondents):
        role = rng.choice(["leerkracht", "werkgroep", "oop"])
        roles.append(role)
        answers.append(
            {  # the store refuses criteria the role does not judge
                criterion.id: (rng.choice([0, 1, 2, 3, 3, 2, "dk"]), NOTE)
                for criterion in Questions.for_role(rubric, role).criteria
            }
        )
    return make_scan(
        engine,
        school,
        label=label,
        rubric=rubric,
        respondents=roles,
        answers=answers,
        closed=closed,
    ).scan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=30)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    rubric, rng = load_rubric(), random.Random(7)
    engine = store.make_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite")
    store.upgrade(engine)
    school = make_school(engine, name="School", board="Bestuur")
    coordinator = school.coordinator
    fill_scan(engine, school, "2025-2026", rubric, args.respondents, rng, closed=True)
    scan = fill_scan(engine, school, "2026-2027", rubric, args.respondents, rng)

    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for shown in (scan, store.previous_scan(engine, coordinator, scan.id)):
            data = store.scan_data(engine, coordinator, shown.id)
            result = score_scan(rubric, data.answers, data.agreed)
            for theme in result.themes:
                explain_theme(rubric, theme, "nl")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    answers = sum(map(len, store.scan_data(engine, coordinator, scan.id).answers.values()))
    print(f"{'respondents':>12} {'answers/scan':>13} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8}")
    print(f"{args.respondents:>12} {answers:>13} {args.runs:>5} {p50:>8.1f} {p95:>8.1f}")
    verdict = "within" if p95 < TARGET_MS else "OVER"
    print(f"target: < {TARGET_MS} ms ({verdict}); two scans read and scored, as on Resultaten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
