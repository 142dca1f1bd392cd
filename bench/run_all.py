"""Every budget of the README ("Tests and benchmarks") beside its floor, from one command.

    python bench/run_all.py [--quick] [--repeat 5] [--only saves|results|pdf]

Saves (SQLite, and PostgreSQL when ``TSO_TEST_POSTGRES_URL`` is set): 30 writers through
``store.save_answer`` beside the raw upsert in a transaction through the driver (``save_floor``;
on PostgreSQL also beside the upsert in autocommit, as the app's one-statement save runs),
both at once (burst) and at random moments (steady), one after the other on the same tables.
A save's p95 on a shared machine swings with its load, so each is measured ``--repeat`` times,
the app and its floors in turn, and the medians are compared (each measurement is printed with
the load beside it). Resultaten: a rerun in AppTest and the data it reads
(``bench_results_page``). PDF: a fresh process making the report from the example CSV files, and
the whole ``python -m assessment report`` command, beside the ReportLab floor (``pdf_fresh``) and
an empty Python process. Medians and p95; the ratio is figure / floor. ``--quick`` takes about
two minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from assessment import store  # noqa: E402
from bench.bench_store import (  # noqa: E402
    answerable,
    prepare,
    rubric,
    saves_in_threads,
    sqlite_engine,
)
from bench.save_floor import run_floor  # noqa: E402

ROWS: list[tuple[str, str, str, str, str]] = []  # figure, now, floor, ratio, budget
PARTS = ("saves", "results", "pdf")


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.1f}×" if floor > 0 else "—"


def add(figure: str, value: str, floor: str, ratio_text: str, budget: str) -> None:
    ROWS.append((figure, value, floor, ratio_text, budget))
    print(f"  {figure}: {value} (floor {floor}, {ratio_text}; budget {budget})", flush=True)


def bench_saves(engine, name: str, writers: int, rounds: int, budget: str, repeat: int) -> None:
    chosen = rubric()
    accesses = prepare(engine, chosen, writers)
    criteria = answerable(chosen)
    for access in accesses:  # each respondent has saved before (the process knows the scan)
        store.save_answer(engine, access, criteria[0], 1)
    floors: dict[str, dict[str, bool]] = {"transaction": {}}
    if engine.dialect.name == "postgresql":  # a save is one statement: its own floor too
        floors["autocommit"] = {"autocommit": True}
    for load in ("burst", "steady"):
        app: list[list[float]] = []
        measured: dict[str, list[list[float]]] = {floor: [] for floor in floors}
        for round_number in range(repeat):  # app and floors in turn: they meet the same load
            # the floor writes 0–3, so the app does too
            latencies, errors = saves_in_threads(
                engine, accesses, criteria, rounds, load, (0, 1, 2, 3)
            )
            if errors:
                raise SystemExit(f"{errors} saves failed on {name}")
            app.append(latencies)
            for floor, options in floors.items():
                measured[floor].append(
                    run_floor(engine, accesses, criteria, rounds, load, **options)
                )
            print(
                f"    {name} {load} {round_number + 1}/{repeat}, load {os.getloadavg()[0]:.1f}: "
                + ", ".join(
                    f"{label} {ms(p95(runs[-1]))} ({ms(statistics.median(runs[-1]))})"
                    for label, runs in (("app", app), *measured.items())
                ),
                flush=True,
            )
        for floor, runs in measured.items():
            beside = "" if floor == "transaction" else ", beside the upsert in autocommit"
            add(
                f"save one answer, {writers} writers, {name}, {load}, p95 (p50){beside}"
                + (f", median of {repeat}" if repeat > 1 else ""),
                f"{ms(median_p95(app))} ({ms(median_p50(app))})",
                f"{ms(median_p95(runs))} ({ms(median_p50(runs))})",
                ratio(median_p95(app), median_p95(runs)),
                budget if floor == "transaction" else "for comparison",
            )


def median_p95(runs: list[list[float]]) -> float:
    return statistics.median(p95(run) for run in runs)


def median_p50(runs: list[list[float]]) -> float:
    return statistics.median(statistics.median(run) for run in runs)


def saves(quick: bool, repeat: int) -> None:
    writers, rounds = 30, (8 if quick else 20)
    print("saves", flush=True)
    with tempfile.TemporaryDirectory() as directory:
        engine = sqlite_engine(directory, "FULL")
        bench_saves(engine, "SQLite", writers, rounds, "< 20 ms, ≤ 2× floor", repeat)
        engine.dispose()
    base = os.environ.get("TSO_TEST_POSTGRES_URL")
    if not base:
        add("save, PostgreSQL", "not measured", "—", "—", "TSO_TEST_POSTGRES_URL is not set")
        return
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = store.make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        engine = store.make_engine(url.render_as_string(hide_password=False))
        bench_saves(engine, "PostgreSQL", writers, rounds, "< 20 ms, ≤ 2× floor", repeat)
        engine.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run_json(*command: str) -> dict:
    done = subprocess.run(
        [sys.executable, *command], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def results(quick: bool) -> None:
    print("Resultaten", flush=True)
    runs = "30" if quick else "100"
    figures = run_json("bench/bench_results_page.py", "--json", "--runs", runs)
    page, floor = figures["page_ms"], figures["page_floor_ms"]
    add(
        "Resultaten, one rerun (AppTest), 30 respondents + previous scan, p95 (p50)",
        f"{page['p95']:.1f} ms ({page['p50']:.1f} ms)",
        f"{floor['p95']:.1f} ms ({floor['p50']:.1f} ms), a page with one title",
        f"{page['p50'] / floor['p50']:.1f}× at p50",
        "< 100 ms",
    )
    data, one = figures["data_ms"], figures["data_floor_ms"]
    add(
        "the data Resultaten reads, p50",
        f"{data['p50']:.1f} ms in {figures['data_statements']} statements "
        f"({figures['page_statements']} per rerun)",
        f"{one['p50']:.1f} ms, one query of both scans' answers",
        ratio(data["p50"], one["p50"]),
        "≤ 4 statements",
    )


def wall(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - began


def pdf(quick: bool) -> None:
    """Report and floor in turn, so that both meet the same load of a shared machine."""
    print("PDF", flush=True)
    data = ROOT / "tests" / "data"
    report, floor, whole, floor_whole, python = [], [], [], [], []
    with tempfile.TemporaryDirectory() as directory:
        command = [
            sys.executable,
            "-m",
            "assessment",
            "report",
            str(data / "answers_example.csv"),
            "--previous",
            str(data / "answers_previous_example.csv"),
            "--consensus",
            str(data / "consensus_example.csv"),
            "--school",
            "OBS De Meting",
            "-o",
            f"{directory}/report.pdf",
        ]
        for _ in range(5 if quick else 11):
            report.append(run_json("bench/pdf_fresh.py", "report"))
            floor.append(run_json("bench/pdf_fresh.py", "floor"))
            whole.append(wall(command))
            floor_whole.append(wall([sys.executable, "bench/pdf_fresh.py", "floor"]))
            python.append(wall([sys.executable, "-c", "pass"]))
    first = statistics.median(r["first"] for r in report)
    first_floor = statistics.median(r["first"] for r in floor)
    add(
        "PDF, first report of a fresh process (after Python starts), median",
        f"{first:.2f} s",
        f"{first_floor:.2f} s ReportLab floor",
        ratio(first, first_floor),
        "< 0,5 s",
    )
    add(
        "CSV → PDF, the whole command (python -m assessment report), median",
        f"{statistics.median(whole):.2f} s",
        f"{statistics.median(floor_whole):.2f} s ReportLab floor process "
        f"(Python alone {statistics.median(python):.2f} s)",
        ratio(statistics.median(whole), statistics.median(floor_whole)),
        "< 1 s",
    )
    warm = statistics.median(r["warm"] for r in report)
    warm_floor = statistics.median(r["warm"] for r in floor)
    add("PDF warm, median", f"{warm:.3f} s", f"{warm_floor:.3f} s", ratio(warm, warm_floor), "fine")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a run of about two minutes")
    parser.add_argument(
        "--repeat", type=int, default=5, help="save measurements per load (medians; default 5)"
    )
    parser.add_argument("--only", choices=PARTS, action="append", help="only these parts")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} CPUs, load {load:.1f}, Python {sys.version.split()[0]}")
    began = time.perf_counter()
    chosen = args.only or PARTS
    if "saves" in chosen:
        saves(args.quick, max(args.repeat, 1))
    if "results" in chosen:
        results(args.quick)
    if "pdf" in chosen:
        pdf(args.quick)
    print("\n| figure | now | floor | ratio | budget |\n|---|---|---|---|---|")
    for row in ROWS:
        print("| " + " | ".join(row) + " |")
    print(f"\n{time.perf_counter() - began:.0f} s, load {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
