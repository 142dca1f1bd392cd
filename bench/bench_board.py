"""The board page at its budgeted scale: schools × 5 school years × 20 respondents × 50 criteria.

    python bench/bench_board.py [--schools 1000] [--years 5] [--respondents 20] [--runs 5]
                                [--engines sqlite,postgresql]

Builds one board on a fresh SQLite file and, when ``TSO_TEST_POSTGRES_URL`` is set, in a throwaway
PostgreSQL schema, with bulk inserts (``executemany`` on SQLite, ``COPY`` on PostgreSQL). Every
scan is closed and gets its ``scan_summary`` row computed by ``summaries.summary_values``, as
``close_scan`` computes it. Then it measures, in one run per engine:

* data: ``store.board_overview`` + ``build_dashboard`` (what the page computes);
* page: a rerun of the whole Vergelijken page in AppTest (signed in with a board code);
* floor: one SQL ``GROUP BY school, scan, theme`` over the stored answers (the least any page
  that reads answers would pay);
* xlsx: the "Download als spreadsheet" file (criteria read from the store, workbook written),
  beside its floor: the same rows written by plain openpyxl (write-only, no styles);
* pdf: the four-page annual report, beside its floor: plain ReportLab (SimpleDocTemplate, the
  sample stylesheet) writing as many pages of plain paragraphs; and the appendix per school.

Prints the medians and the ratios. Budgets: page < 1 s and XLSX < 2 s at 1,000 schools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from sqlalchemy import case, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from assessment import store  # noqa: E402
from assessment.board_dashboard import build_dashboard  # noqa: E402
from assessment.rubric import Rubric, load_rubric  # noqa: E402
from assessment.store import tables as T  # noqa: E402
from assessment.store.summaries import summary_values  # noqa: E402
from tests.factories import board_code  # noqa: E402

CRITERIA = 50
BATCH_SCHOOLS = 25
UTC = dt.UTC


def chosen_criteria(rubric: Rubric) -> list:
    """50 criteria spread over every theme: every criterion but each eighth (57 -> 50)."""
    criteria = list(rubric.criteria)
    drop = len(criteria) - CRITERIA
    if drop <= 0:
        return criteria
    step = len(criteria) / drop
    dropped = {int(step * (i + 1)) - 1 for i in range(drop)}
    return [c for i, c in enumerate(criteria) if i not in dropped]


def answer_value(rng: random.Random, level: float, allow_na: bool):
    roll = rng.random()
    if roll < 0.06:
        return "dk"
    if allow_na and roll < 0.09:
        return "na"
    return min(3, max(0, round(level + rng.gauss(0, 0.7))))


def build(engine, rubric: Rubric, schools: int, years: int, respondents: int) -> str:
    """The board and its data; returns a board code."""
    store.upgrade(engine)
    criteria = chosen_criteria(rubric)
    rng = random.Random(2026)
    now = dt.datetime(2026, 12, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(T.board.insert().values(id=1, name="Bestuur Benchmark", created_at=now))
    ids = {"respondent": 0, "scan": 0}
    summaries: list[dict] = []
    started = time.perf_counter()
    for first in range(0, schools, BATCH_SCHOOLS):
        school_rows, scan_rows, respondent_rows, answer_rows = [], [], [], []
        for school_id in range(first + 1, min(first + BATCH_SCHOOLS, schools) + 1):
            school_rows.append(
                {
                    "id": school_id,
                    "board_id": 1,
                    "name": f"School {school_id:04d}",
                    "share_with_board": True,
                    "is_demo": False,
                    "created_at": now,
                }
            )
            base = rng.uniform(0.3, 1.8)
            for year in range(years):
                ids["scan"] += 1
                scan_id = ids["scan"]
                opened = dt.datetime(2021 + year, 10, 1, 8, tzinfo=UTC)
                closed = opened + dt.timedelta(days=50)
                scan_rows.append(
                    {
                        "id": scan_id,
                        "school_id": school_id,
                        "label": f"{2021 + year}-{2022 + year}",
                        "rubric_id": rubric.id,
                        "rubric_version": rubric.version,
                        "rubric_hash": rubric.content_hash,
                        "status": "closed",
                        "created_at": opened,
                        "closed_at": closed,
                    }
                )
                level = base + 0.25 * year
                by_criterion: dict[str, list] = {}
                for _ in range(respondents):
                    ids["respondent"] += 1
                    respondent_rows.append(
                        {
                            "id": ids["respondent"],
                            "scan_id": scan_id,
                            "code_id": None,
                            "role": "leerkracht",
                            "started_at": opened.date(),
                            "submitted_at": closed.date(),
                        }
                    )
                    for criterion in criteria:
                        value = answer_value(rng, level, criterion.allow_not_applicable)
                        by_criterion.setdefault(criterion.id, []).append(value)
                        kind, score = ("score", value) if isinstance(value, int) else (value, None)
                        answer_rows.append(
                            (
                                ids["respondent"],
                                scan_id,
                                criterion.id,
                                kind,
                                score,
                                "",
                                closed.date(),
                            )
                        )
                summaries.append(
                    {
                        "scan_id": scan_id,
                        "school_id": school_id,
                        "respondents": respondents,
                        "submitted": respondents,
                        "closed_at": closed,
                        **summary_values(rubric, by_criterion, {}, respondents),
                    }
                )
        with engine.begin() as connection:
            connection.execute(T.school.insert(), school_rows)
            connection.execute(T.scan.insert(), scan_rows)
            connection.execute(T.respondent.insert(), respondent_rows)
        bulk_answers(engine, answer_rows)
        with engine.begin() as connection:
            connection.execute(T.scan_summary.insert(), summaries)
        summaries = []
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return board_code(engine, 1)


def bulk_answers(engine, rows: list[tuple]) -> None:
    columns = "respondent_id, scan_id, criterion, kind, score, note, updated_at"
    raw = engine.raw_connection()
    try:
        if engine.dialect.name == "postgresql":
            with raw.cursor() as cursor, cursor.copy(f"COPY answer ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor = raw.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            cursor.executemany(
                f"INSERT INTO answer ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row[:6] + (row[6].isoformat(),) for row in rows),
            )
            cursor.execute("COMMIT")
        raw.commit()
    finally:
        raw.close()


def floor_query(rubric: Rubric):
    """Mean score per school, scan and theme over every stored answer: one GROUP BY."""
    theme = case(
        {c.id: c.theme for c in rubric.criteria}, value=T.answer.c.criterion, else_="?"
    ).label("theme")
    return (
        select(T.scan.c.school_id, T.answer.c.scan_id, theme, func.avg(T.answer.c.score))
        .join(T.scan, T.scan.c.id == T.answer.c.scan_id)
        .group_by(T.scan.c.school_id, T.answer.c.scan_id, theme)
    )


def timed(function, runs: int) -> float:
    """Median seconds over ``runs`` calls after one warm-up call."""
    function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def page_rerun(url: str, code: str, runs: int) -> float:
    from streamlit.testing.v1 import AppTest

    os.environ["TSO_DATABASE_URL"] = url
    import streamlit as st

    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["code"] = code
    at.run()
    at.switch_page("pages/vergelijken.py").run()
    if at.exception or not at.title or at.title[0].value != "Scholen vergelijken":
        raise RuntimeError(f"the page did not open: {at.exception}")

    def rerun() -> None:
        at.run()
        if at.exception:
            raise RuntimeError(str(at.exception))

    return timed(rerun, runs)


def measure(name: str, url: str, rubric: Rubric, args) -> dict:
    engine = store.make_engine(url)
    code = build(engine, rubric, args.schools, args.years, args.respondents)
    access = store.resolve_code(engine, code)
    with engine.connect() as connection:
        answers = connection.execute(select(func.count()).select_from(T.answer)).scalar_one()
        summaries = connection.execute(
            select(func.count()).select_from(T.scan_summary)
        ).scalar_one()

    def data() -> None:
        build_dashboard(store.board_overview(engine, access), rubric)

    def floor() -> None:
        with engine.connect() as connection:
            connection.execute(floor_query(rubric)).all()

    result = {
        "engine": name,
        "schools": args.schools,
        "answers": answers,
        "summaries": summaries,
        "data": timed(data, args.runs),
        "floor": timed(floor, max(3, args.runs // 2)),
        "page": page_rerun(url, code, args.runs),
        **downloads(engine, access, rubric, args.runs),
    }
    engine.dispose()
    return result


def downloads(engine, access, rubric: Rubric, runs: int) -> dict:
    """The board's three downloads, each beside its floor, as the page builds them."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from assessment.board_export import (
        board_xlsx,
        criteria_per_school_table,
        criteria_table,
        overview_table,
        phase_table,
        scans_table,
    )
    from assessment.report.board_appendix import board_appendix_pdf
    from assessment.report.board_report import board_pdf

    dashboard = build_dashboard(store.board_overview(engine, access), rubric)
    scan_ids = [row.scan.scan_id for row in dashboard.rows]

    def xlsx() -> bytes:
        return board_xlsx(dashboard, store.board_criteria(engine, access, scan_ids), rubric, "nl")

    def xlsx_floor() -> None:
        criteria = store.board_criteria(engine, access, scan_ids)
        workbook = Workbook(write_only=True)
        for title, (headers, rows) in enumerate(
            (
                overview_table(dashboard, rubric, "nl"),
                phase_table(dashboard, rubric, "nl"),
                scans_table(dashboard, rubric, "nl"),
                criteria_table(dashboard, criteria, rubric, "nl"),
                criteria_per_school_table(dashboard, criteria, rubric, "nl"),
            )
        ):
            sheet = workbook.create_sheet(str(title))
            sheet.append(headers)
            for row in rows:
                sheet.append(row)
        workbook.save(io.BytesIO())

    def pdf() -> bytes:
        return board_pdf(dashboard, rubric, "Bestuur Benchmark", "nl")

    pages = len(PdfReader(io.BytesIO(pdf())).pages)

    def pdf_floor() -> None:
        style = getSampleStyleSheet()["BodyText"]
        story = []
        for _ in range(pages):
            story += [Paragraph(f"Regel {n} van de pagina", style) for n in range(40)]
            story.append(PageBreak())
        SimpleDocTemplate(io.BytesIO()).build(story)

    def appendix() -> bytes:
        maps = store.board_maps(engine, access, scan_ids)
        return board_appendix_pdf(dashboard, maps, rubric, "Bestuur Benchmark", "nl")

    return {
        "xlsx": timed(xlsx, runs),
        "xlsx_floor": timed(xlsx_floor, runs),
        "pdf": timed(pdf, runs),
        "pdf_floor": timed(pdf_floor, runs),
        "pdf_pages": pages,
        "appendix": timed(appendix, 1),
        "appendix_pages": len(PdfReader(io.BytesIO(appendix())).pages),
    }


def postgres_schema(base: str) -> Iterator[str]:
    schema = f"bench_board_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = store.make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


HEADER = (
    f"{'engine':<11} {'schools':>7} {'answers':>10} {'summaries':>9} {'data ms':>8} "
    f"{'page ms':>8} {'floor ms':>9} {'page/floor':>10} {'data/floor':>10}"
)


DOWNLOADS_HEADER = (
    f"{'engine':<11} {'xlsx ms':>8} {'floor ms':>9} {'ratio':>6} {'pdf ms':>7} {'pages':>5} "
    f"{'floor ms':>9} {'ratio':>6} {'appendix ms':>11} {'pages':>5}"
)


def row(r: dict) -> str:
    return (
        f"{r['engine']:<11} {r['schools']:>7} {r['answers']:>10,} {r['summaries']:>9,} "
        f"{r['data'] * 1000:>8.1f} {r['page'] * 1000:>8.1f} {r['floor'] * 1000:>9.1f} "
        f"{r['page'] / r['floor']:>10.3f} {r['data'] / r['floor']:>10.3f}"
    )


def downloads_row(r: dict) -> str:
    return (
        f"{r['engine']:<11} {r['xlsx'] * 1000:>8.0f} {r['xlsx_floor'] * 1000:>9.0f} "
        f"{r['xlsx'] / r['xlsx_floor']:>6.2f} {r['pdf'] * 1000:>7.0f} {r['pdf_pages']:>5} "
        f"{r['pdf_floor'] * 1000:>9.0f} {r['pdf'] / r['pdf_floor']:>6.2f} "
        f"{r['appendix'] * 1000:>11.0f} {r['appendix_pages']:>5}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    rubric = load_rubric()
    store.register_rubric(rubric)
    print(
        f"{args.schools} schools × {args.years} years × {args.respondents} respondents × "
        f"{len(chosen_criteria(rubric))} criteria; medians of {args.runs} runs; "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
        flush=True,
    )
    results = []
    engines = args.engines.split(",")
    if "sqlite" in engines:
        with tempfile.TemporaryDirectory() as directory:
            print("sqlite: building", flush=True)
            results.append(measure("sqlite", f"sqlite:///{directory}/board.sqlite", rubric, args))
            show(results[-1:])
    if "postgresql" in engines:
        base = os.environ.get("TSO_TEST_POSTGRES_URL")
        if not base:
            print("postgresql: skipped (TSO_TEST_POSTGRES_URL is not set)")
        else:
            for url in postgres_schema(base):
                print("postgresql: building", flush=True)
                results.append(measure("postgresql", url, rubric, args))
                show(results[-1:])
    show(results)
    return 0


def show(results: list[dict]) -> None:
    print(HEADER)
    for result in results:
        print(row(result))
    print(DOWNLOADS_HEADER)
    for result in results:
        print(downloads_row(result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
