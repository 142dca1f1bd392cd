"""Benchmark of the action-plan PDF (budget: one PDF < 0.5 s).

    python bench/bench_report.py [--reports 100] [--respondents 30] [--actions 20]

Prints the time of the first report in a fresh process (ReportLab import, font registration), of one
report once warm (median of several), and of N reports in a row, for a scan of the shipped rubric
with a previous year, agreed values, evidence notes and an action plan. Scoring is included:
each run starts from the answers, as ``report_for_scan`` does after reading the database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_SECONDS = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--respondents", type=int, default=30)
    parser.add_argument("--actions", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    from assessment.i18n import catalog
    from assessment.report import build_report
    from assessment.report.sample import sample_input
    from assessment.rubric import load_rubric

    rubric = load_rubric()
    catalog("nl")  # the app and the command line have their texts loaded before any report
    imported = time.perf_counter() - started

    def one() -> tuple[float, int]:
        begin = time.perf_counter()
        report = sample_input(rubric, respondents=args.respondents, actions=args.actions)
        pdf = build_report(report)
        return time.perf_counter() - begin, len(pdf)

    first, size = one()
    warm = sorted(one()[0] for _ in range(9))
    begin = time.perf_counter()
    for _ in range(args.reports):
        one()
    total = time.perf_counter() - begin

    median = statistics.median(warm)
    print(
        f"report PDF, rubric {rubric.id} {rubric.version} ({len(rubric.criteria)} criteria), "
        f"{args.respondents} respondents, {args.actions} actions, previous year; {size / 1024:.0f} KB"
    )
    print(f"  imports, rubric, texts:    {imported:.3f} s")
    print(f"  first report in process:   {first:.3f} s (imports ReportLab, registers the fonts)")
    print(f"  one report, warm:          {median:.3f} s median, {warm[-1]:.3f} s max of 9")
    print(
        f"  {args.reports} reports in a row:    {total:.2f} s ({total / args.reports:.3f} s each)"
    )
    for name, seconds in (("first", first), ("warm", median)):
        verdict = "within" if seconds < TARGET_SECONDS else "OVER"
        print(f"  target < {TARGET_SECONDS} s, {name} report: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
