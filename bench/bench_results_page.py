"""Resultaten as a coordinator sees it, rerun in AppTest (budget: < 100 ms, 30 respondents).

    python bench/bench_results_page.py [--respondents 30] [--runs 40] [--json]

A fresh SQLite file holds a school with a closed scan and an open one, each answered in full by N
respondents (the rows written straight into the tables: this measures reading, not saving). Prints
per rerun of the page p50/p95 and the statements sent, beside the floor: an AppTest rerun of a page
with one title. And the data the page reads (``store.results_view``) beside one plain query of
both scans' answers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, event, insert, text  # noqa: E402

from assessment import store  # noqa: E402
from assessment.rubric import load_rubric  # noqa: E402
from assessment.store import tables as T  # noqa: E402
from tests.factories import add_respondent, make_scan, make_school  # noqa: E402


def fill(engine, respondents: int) -> tuple[str, list[int]]:
    """A school with two fully answered scans; returns the coordinator code and the scan ids."""
    rubric, rng = load_rubric(), random.Random(7)
    store.upgrade(engine)
    school = make_school(engine, name="OBS De Meting", board="Bestuur")
    code, coordinator = school.coordinator_code, school.coordinator
    scan_ids = []
    for label in ("2025-2026", "2026-2027"):
        scan = make_scan(engine, school, label=label, rubric=rubric)
        rows = []
        for _ in range(respondents):
            role = rng.choice(["leerkracht", "werkgroep", "oop"])
            access = add_respondent(engine, scan, role=role).access
            today = dt.datetime.now(dt.UTC).date()
            for criterion in rubric.criteria:
                value = rng.choice([0, 1, 2, 3, 3, 2, "dk"])
                kind, score = ("dk", None) if value == "dk" else ("score", value)
                rows.append(
                    {
                        "respondent_id": access.respondent_id,
                        "scan_id": scan.id,
                        "criterion": criterion.id,
                        "kind": kind,
                        "score": score,
                        "note": "Besproken in de teamvergadering.",
                        "updated_at": today,
                    }
                )
        # Written in one insert, past the services: quicker, and every criterion for every role
        # (a fuller page than the store would let the roles give).
        with engine.begin() as connection:
            connection.execute(insert(T.answer), rows)
        scan_ids.append(scan.id)
        if label == "2025-2026":
            store.close_scan(engine, coordinator, scan.id)
    return code, scan_ids


def quantiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {
        "p50": statistics.median(values),
        "p95": values[min(len(values) - 1, round(0.95 * (len(values) - 1)))],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=30)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="tso-bench-results-")
    url = f"sqlite:///{directory}/bench.sqlite"
    os.environ["TSO_DATABASE_URL"] = url
    os.environ["TSO_DEMO"] = "0"
    engine = store.make_engine(url)
    code, scan_ids = fill(engine, args.respondents)

    statements: list[str] = []
    event.listen(Engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["code"] = code
    at.run()
    at.switch_page("pages/resultaten.py").run()
    assert not at.exception, at.exception
    assert "OBS De Meting" in at.title[0].value, [t.value for t in at.title]
    page, counts = [], []
    for _ in range(args.runs):
        statements.clear()
        began = time.perf_counter()
        at.run()
        page.append((time.perf_counter() - began) * 1000)
        counts.append(sum(1 for s in statements if s.split()[0].upper() not in ("BEGIN", "COMMIT")))
    plain = AppTest.from_string("import streamlit as st\nst.title('Resultaten')")
    plain.run()
    floor = []
    for _ in range(args.runs):
        began = time.perf_counter()
        plain.run()
        floor.append((time.perf_counter() - began) * 1000)

    coordinator = store.resolve_code(engine, code)
    school_id = coordinator.school_id
    reads, one_query = [], []
    statements.clear()
    store.results_view(engine, coordinator, school_id, scan_ids[-1])
    data_statements = sum(1 for s in statements if s.split()[0].upper() not in ("BEGIN", "COMMIT"))
    raw = text("SELECT scan_id, criterion, kind, score FROM answer WHERE scan_id IN (:a, :b)")
    for _ in range(args.runs):
        began = time.perf_counter()
        store.results_view(engine, coordinator, school_id, scan_ids[-1])
        reads.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        with engine.connect() as connection:
            connection.execute(raw, {"a": scan_ids[0], "b": scan_ids[1]}).all()
        one_query.append((time.perf_counter() - began) * 1000)

    figures = {
        "page_ms": quantiles(page),
        "page_floor_ms": quantiles(floor),
        "page_statements": max(counts),
        "data_ms": quantiles(reads),
        "data_floor_ms": quantiles(one_query),
        "data_statements": data_statements,
        "respondents": args.respondents,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:>16}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
