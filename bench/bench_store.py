"""Latency of saving one answer with 30 respondents writing at the same time (budget: < 20 ms p95).

    python -m bench.bench_store [--writers 30] [--rounds 20]

Runs on a temporary SQLite file (synchronous=FULL, the default, and NORMAL for comparison) and,
when ``TSO_TEST_POSTGRES_URL`` is set, on PostgreSQL in a throwaway schema. Two loads:

* burst: every writer saves one answer at the same moment (a barrier), ``rounds`` times;
* steady: every writer saves ``rounds`` answers with a random pause of 0-200 ms in between.

Prints p50/p95/max per engine and load. Budget: p95 < 20 ms on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from assessment import store  # noqa: E402
from assessment.questions import Questions  # noqa: E402
from assessment.rubric import Rubric, RubricError, load_rubric  # noqa: E402
from tests.factories import make_scan, make_school  # noqa: E402

MINI_RUBRIC = ROOT / "tests" / "data" / "rubrics" / "mini"
ROLE = "leerkracht"  # every benchmark respondent's role


@dataclass
class Result:
    engine: str
    load: str
    writers: int
    latencies: list[float]
    seconds: float
    errors: int

    def row(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        cut = statistics.quantiles(ms, n=100, method="inclusive")
        return (
            f"{self.engine:<22} {self.load:<7} {self.writers:>7} {len(ms):>6} "
            f"{cut[49]:>7.2f} {cut[94]:>7.2f} {ms[-1]:>8.1f} {len(ms) / self.seconds:>8.0f} "
            f"{self.errors:>6}"
        )


HEADER = (
    f"{'engine':<22} {'load':<7} {'writers':>7} {'saves':>6} {'p50 ms':>7} {'p95 ms':>7} "
    f"{'max ms':>8} {'saves/s':>8} {'errors':>6}"
)


def rubric() -> Rubric:
    try:
        return load_rubric()
    except RubricError:
        return load_rubric(MINI_RUBRIC)


def prepare(engine, rubric: Rubric, writers: int) -> list[store.Access]:
    store.upgrade(engine)
    school = make_school(engine, name="OBS Benchmark", board="Stichting Benchmark")
    label = f"bench-{uuid.uuid4().hex[:6]}"
    scan = make_scan(engine, school, label=label, rubric=rubric, respondents=[ROLE] * writers)
    return [respondent.access for respondent in scan.respondents]


def answerable(rubric: Rubric) -> list[str]:
    """The criteria a respondent of ``prepare`` may answer (the store refuses the others)."""
    return [c.id for c in Questions.for_role(rubric, ROLE).criteria]


def run(engine, name: str, rubric: Rubric, writers: int, rounds: int, load: str) -> Result:
    accesses = prepare(engine, rubric, writers)
    criteria = answerable(rubric)
    started = time.perf_counter()
    latencies, errors = saves_in_threads(engine, accesses, criteria, rounds, load)
    return Result(name, load, writers, latencies, time.perf_counter() - started, errors)


def saves_in_threads(
    engine,
    accesses: list[store.Access],
    criteria: list[str],
    rounds: int,
    load: str,
    values: tuple = (0, 1, 2, 3, "dk"),
) -> tuple[list[float], int]:
    """One thread per respondent saving ``rounds`` answers, all together ("burst": every round
    starts at one barrier) or spread out ("steady"); the latency of every save and the errors."""
    latencies: list[float] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(accesses))

    def writer(index: int) -> None:
        rng = random.Random(index)
        mine: list[float] = []
        try:
            barrier.wait()
            for round_index in range(rounds):
                if load == "burst":
                    barrier.wait()
                else:
                    time.sleep(rng.uniform(0, 0.2))
                criterion = criteria[(index + round_index) % len(criteria)]
                value = rng.choice(values)
                started = time.perf_counter()
                store.save_answer(engine, accesses[index], criterion, value, "bewijs")
                mine.append(time.perf_counter() - started)
        except BaseException as error:  # noqa: BLE001 - counted and reported
            errors.append(error)
            barrier.abort()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(len(accesses))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(errors)


def sqlite_engine(directory: str, synchronous: str):
    os.environ["TSO_SQLITE_SYNCHRONOUS"] = synchronous
    try:
        return store.make_engine(f"sqlite:///{directory}/bench-{synchronous.lower()}.sqlite")
    finally:
        os.environ.pop("TSO_SQLITE_SYNCHRONOUS", None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    chosen = rubric()
    print(
        f"rubric {chosen.id} {chosen.version} ({len(chosen.criteria)} criteria), "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    print(HEADER)
    with tempfile.TemporaryDirectory() as directory:
        for synchronous in ("FULL", "NORMAL"):
            for load in ("burst", "steady"):
                engine = sqlite_engine(directory, synchronous)
                name = f"sqlite {synchronous.lower()}" + (
                    " (default)" if synchronous == "FULL" else ""
                )
                print(run(engine, name, chosen, args.writers, args.rounds, load).row(), flush=True)
                engine.dispose()
    base = os.environ.get("TSO_TEST_POSTGRES_URL")
    if not base:
        print("postgresql: skipped (TSO_TEST_POSTGRES_URL is not set)")
        return 0
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin_engine = store.make_engine(base)
    with admin_engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        for load in ("burst", "steady"):
            engine = store.make_engine(url.render_as_string(hide_password=False))
            print(
                run(engine, "postgresql", chosen, args.writers, args.rounds, load).row(), flush=True
            )
            engine.dispose()
    finally:
        with admin_engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin_engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
