"""The research export at consortium scale: schools × school years of closed yearly scans.

    python bench/bench_research.py [--schools 300] [--years 3] [--runs 5]
                                   [--engines sqlite,postgresql]

Builds one board on a fresh SQLite file and, when ``TSO_TEST_POSTGRES_URL`` is set, in a throwaway
PostgreSQL schema, with the bulk inserts of ``bench_board``: schools of every type (a few vso
and some without a type, so cells get merged and left out), 85 % of them opted in, each closed scan
answered by 3 to 16 colleagues (some below the research minimum) on every criterion, with its
``scan_summary`` and ``summary_basis`` as ``close_scan`` writes them and a few agreed values.
Then, per engine:

* export: ``python -m assessment research export`` as a function (read, score, write the package),
  and each of the three on its own;
* floor: one plain SELECT of the same rows (scans of opted-in schools with their summary and
  basis, and their agreed values), fetched whole: the least any export must read;
* read back + figures: the package read from disk and the figures of what holds schools back;
* validate: ``frictionless validate`` of the package (once).

Prints the medians, the ratio export / floor, the package's row counts and the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from assessment import store  # noqa: E402
from assessment.research.dataset import build_dataset  # noqa: E402
from assessment.research.export import export_research  # noqa: E402
from assessment.research.figures import compute_figures  # noqa: E402
from assessment.research.figures_text import figure_lines  # noqa: E402
from assessment.research.package import read_tables, validate_package, write_package  # noqa: E402
from assessment.rubric import Rubric, load_rubric  # noqa: E402
from assessment.store import tables as T  # noqa: E402
from assessment.store.research_scans import research_scans  # noqa: E402
from assessment.store.summaries import summary_values  # noqa: E402
from bench.bench_board import answer_value, bulk_answers, postgres_schema, timed  # noqa: E402

TYPES = (("bo", 0.72), ("sbo", 0.15), ("so", 0.10), ("vso", 0.013), (None, 0.017))
BATCH = 25
UTC = dt.UTC


def school_type(rng: random.Random) -> str | None:
    roll, total = rng.random(), 0.0
    for kind, weight in TYPES:
        total += weight
        if roll < total:
            return kind
    return "bo"


def build(engine, rubric: Rubric, schools: int, years: int) -> None:
    store.upgrade(engine)
    rng = random.Random(2026)
    now = dt.datetime(2026, 12, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(T.board.insert().values(id=1, name="Bestuur Onderzoek", created_at=now))
    ids = {"respondent": 0, "scan": 0, "consensus": 0}
    started = time.perf_counter()
    for first in range(0, schools, BATCH):
        rows: dict[str, list] = {"school": [], "scan": [], "respondent": [], "summary": []}
        rows |= {"basis": [], "consensus": [], "answers": []}
        for school_id in range(first + 1, min(first + BATCH, schools) + 1):
            opted_in = rng.random() < 0.85
            rows["school"].append(
                {
                    "id": school_id,
                    "board_id": 1,
                    "name": f"School {school_id:04d}",
                    "share_with_board": True,
                    "is_demo": False,
                    "created_at": now,
                    "school_type": school_type(rng),
                    "research_opt_in": opted_in,
                    "research_id": secrets.token_hex(8) if opted_in else None,
                }
            )
            base = rng.uniform(1.0, 2.0)
            for year in range(years):
                add_scan(rows, ids, rng, rubric, school_id, year, base + 0.35 * year)
        with engine.begin() as connection:
            connection.execute(T.school.insert(), rows["school"])
            connection.execute(T.scan.insert(), rows["scan"])
            connection.execute(T.respondent.insert(), rows["respondent"])
            if rows["consensus"]:
                connection.execute(T.consensus.insert(), rows["consensus"])
        bulk_answers(engine, rows["answers"])
        with engine.begin() as connection:
            connection.execute(T.scan_summary.insert(), rows["summary"])
            connection.execute(T.summary_basis.insert(), rows["basis"])
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)


def add_scan(rows, ids, rng: random.Random, rubric: Rubric, school_id, year, level) -> None:
    ids["scan"] += 1
    scan_id = ids["scan"]
    opened = dt.datetime(2023 + year, 10, 1, 8, tzinfo=UTC)
    closed = opened + dt.timedelta(days=50)
    rows["scan"].append(
        {
            "id": scan_id,
            "school_id": school_id,
            "label": f"{2023 + year}-{2024 + year}",
            "rubric_id": rubric.id,
            "rubric_version": rubric.version,
            "rubric_hash": rubric.content_hash,
            "status": "closed",
            "created_at": opened,
            "closed_at": closed,
        }
    )
    by_criterion: dict[str, list] = {}
    fingerprints = {}
    for _ in range(rng.randint(3, 16)):
        ids["respondent"] += 1
        rows["respondent"].append(
            {
                "id": ids["respondent"],
                "scan_id": scan_id,
                "code_id": None,
                "role": "werkgroep",
                "started_at": opened.date(),
                "submitted_at": closed.date(),
            }
        )
        given = []
        for criterion in rubric.criteria:
            value = answer_value(rng, level, criterion.allow_not_applicable)
            given.append(value)
            by_criterion.setdefault(criterion.id, []).append(value)
            kind, score = ("score", value) if isinstance(value, int) else (value, None)
            rows["answers"].append(
                (ids["respondent"], scan_id, criterion.id, kind, score, "", closed.date())
            )
        fingerprints[str(ids["respondent"])] = hashlib.sha256(repr(given).encode()).hexdigest()
    agreed = {}
    for criterion in rng.sample(rubric.criteria, 3):
        ids["consensus"] += 1
        agreed[criterion.id] = rng.randint(0, 3)
        rows["consensus"].append(
            {
                "id": ids["consensus"],
                "scan_id": scan_id,
                "criterion": criterion.id,
                "kind": "score",
                "score": agreed[criterion.id],
                "note": "",
                "decided_at": closed,
            }
        )
    respondents = len(fingerprints)
    rows["summary"].append(
        {
            "scan_id": scan_id,
            "school_id": school_id,
            "respondents": respondents,
            "submitted": respondents,
            "closed_at": closed,
            "scoring": 3,
            **summary_values(rubric, by_criterion, agreed, respondents),
        }
    )
    if respondents >= rubric.rules.min_group_size:
        rows["basis"].append(
            {
                "scan_id": scan_id,
                "respondents": fingerprints,
                "answers": {c: sorted(v, key=str) for c, v in by_criterion.items()},
                "submitted": respondents,
                "closed_at": closed,
            }
        )


def floor(engine) -> int:
    """The rows the export reads, by plain SELECTs: scans with summary and basis, agreed values."""
    chosen = (
        select(
            T.scan.c.id,
            T.scan.c.created_at,
            T.scan.c.rubric_version,
            T.school.c.research_id,
            T.school.c.school_type,
            T.scan_summary.c.respondents,
            T.summary_basis.c.answers,
        )
        .join(T.school, T.school.c.id == T.scan.c.school_id)
        .join(T.scan_summary, T.scan_summary.c.scan_id == T.scan.c.id)
        .outerjoin(T.summary_basis, T.summary_basis.c.scan_id == T.scan.c.id)
        .where(T.scan.c.status == "closed", T.school.c.research_opt_in.is_(True))
    )
    with engine.connect() as connection:
        rows = connection.execute(chosen).all()
        agreed = connection.execute(
            select(T.consensus.c.scan_id, T.consensus.c.criterion, T.consensus.c.score)
            .join(T.scan, T.scan.c.id == T.consensus.c.scan_id)
            .join(T.school, T.school.c.id == T.scan.c.school_id)
            .where(T.school.c.research_opt_in.is_(True))
        ).all()
    return len(rows) + len(agreed)


def measure(name: str, url: str, rubric: Rubric, args, directory: Path) -> dict:
    engine = store.make_engine(url)
    build(engine, rubric, args.schools, args.years)
    package = directory / f"package-{name}"
    admin = store.admin_access()

    def export():
        return export_research(engine, admin, rubric, package)

    def read_back():
        return compute_figures(read_tables(package))

    summary = export()
    scans = research_scans(engine, admin)
    dataset = build_dataset(rubric, scans)
    started = time.perf_counter()
    report = validate_package(package)
    validate_s = time.perf_counter() - started
    if not report.valid:
        raise SystemExit(f"the package does not validate: {report.flatten(['type', 'note'])[:5]}")
    figures = read_back()
    tables = read_tables(package)
    result = {
        "engine": name,
        "export": timed(export, args.runs),
        "floor": timed(lambda: floor(engine), args.runs),
        "figures": timed(read_back, args.runs),
        "read": timed(lambda: research_scans(engine, admin), args.runs),
        "score": timed(lambda: build_dataset(rubric, scans), args.runs),
        "write": timed(lambda: write_package(dataset, package, "tso"), args.runs),
        "validate": validate_s,
        "summary": summary,
        "rows": {table: len(rows) for table, rows in tables.items()},
        "lines": figure_lines(figures, rubric, "nl", 5),
    }
    engine.dispose()
    return result


def show(result: dict) -> None:
    summary = result["summary"]
    print(
        f"{result['engine']}: {summary.scans} scans of {summary.schools} schools exported;"
        f" left out {summary.left_out}; rows {result['rows']}"
    )
    print(
        f"  export {result['export'] * 1000:.0f} ms, floor SELECT {result['floor'] * 1000:.0f} ms,"
        f" ratio {result['export'] / result['floor']:.1f}×; read back + figures"
        f" {result['figures'] * 1000:.0f} ms; frictionless validate {result['validate']:.1f} s",
        flush=True,
    )
    print(
        f"  of the export: read {result['read'] * 1000:.0f} ms, score and suppress"
        f" {result['score'] * 1000:.0f} ms, write {result['write'] * 1000:.0f} ms",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    rubric = load_rubric()
    store.register_rubric(rubric)
    print(
        f"{args.schools} schools × {args.years} school years × 3–16 respondents ×"
        f" {len(rubric.criteria)} criteria; medians of {args.runs} runs;"
        f" {os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
        flush=True,
    )
    results = []
    engines = args.engines.split(",")
    with tempfile.TemporaryDirectory() as directory:
        if "sqlite" in engines:
            print("sqlite: building", flush=True)
            url = f"sqlite:///{directory}/research.sqlite"
            results.append(measure("sqlite", url, rubric, args, Path(directory)))
            show(results[-1])
        base = os.environ.get("TSO_TEST_POSTGRES_URL")
        if "postgresql" in engines and base:
            for url in postgres_schema(base):
                print("postgresql: building", flush=True)
                results.append(measure("postgresql", url, rubric, args, Path(directory)))
                show(results[-1])
        elif "postgresql" in engines:
            print("postgresql: skipped (TSO_TEST_POSTGRES_URL is not set)")
    for result in results:
        show(result)
    if results:
        print("\n".join(results[-1]["lines"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
