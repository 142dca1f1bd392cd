"""The PDF goes to the whole team and the board: no count per score where so few people answered
that it would say who gave which answer, and the notes never in the order of the codes."""

from __future__ import annotations

from assessment import store
from assessment.report import report_for_scan
from assessment.rubric import load_rubric
from tests.factories import make_scan, make_school
from tests.helpers import MINI_RUBRIC
from tests.report.helpers import Pdf

TABLE_HEAD = "Criterium 0 1 2 3 weet niet Afgesproken"


def scan_with(engine, answers_per_respondent: list[dict]) -> tuple[store.Access, int]:
    """A stored scan of the mini rubric (min_group_size 3), one respondent per dict of
    criterion -> (value, note); returns the coordinator's access and the scan id."""
    rubric = load_rubric(MINI_RUBRIC)
    store.register_rubric(rubric)
    school = make_school(engine)
    scan = make_scan(engine, school, rubric=rubric, answers=answers_per_respondent)
    return school.coordinator, scan.id


def themes_text(pdf: Pdf) -> str:
    return pdf.flat[pdf.flat.index("Per thema") : pdf.flat.index("Bijlage")]


def test_a_scan_of_two_respondents_prints_no_distribution(engine):
    coordinator, scan_id = scan_with(
        engine,
        [{"a-v1": (0, "")}, {"a-v1": (3, "")}],  # contested: 0 against 3
    )
    themes = themes_text(Pdf(report_for_scan(engine, coordinator, scan_id)))
    assert "alfa verkennen één" in themes  # still named as contested
    assert "minder dan 3 mensen mee" in themes and "niet anoniem" in themes
    assert TABLE_HEAD not in themes
    assert "aantal antwoorden per score:" not in themes


def test_a_criterion_answered_by_two_of_four_prints_no_distribution(engine):
    coordinator, scan_id = scan_with(
        engine,
        [
            {"a-v1": (0, ""), "a-v2": (0, "")},
            {"a-v1": (3, ""), "a-v2": (3, "")},
            {"a-v1": (1, "")},
            {"a-v1": (3, "")},
        ],
    )
    themes = themes_text(Pdf(report_for_scan(engine, coordinator, scan_id)))
    assert TABLE_HEAD in themes
    table = themes[themes.index(TABLE_HEAD) :]
    assert "alfa verkennen één 1 1 0 2 0" in table  # four answers: counts shown
    assert (
        "Zonder aantallen per score, omdat minder dan 3 mensen dit beantwoordden: alfa verkennen twee"
        in themes
    )
    assert "alfa verkennen twee 1 0 0 1" not in themes


def test_the_notes_in_the_pdf_are_sorted_by_text(engine):
    notes = ["echo", "Delta", "charlie", "Alfa", "bravo"]  # the order the codes were issued
    coordinator, scan_id = scan_with(engine, [{"a-v1": (2, note)} for note in notes])
    pdf = Pdf(report_for_scan(engine, coordinator, scan_id, include_notes=True))
    appendix = pdf.flat[pdf.flat.rindex("alfa verkennen één") :]
    positions = [appendix.index(f"– {note}") for note in notes]
    assert [notes[i] for i in sorted(range(5), key=positions.__getitem__)] == [
        "Alfa",
        "bravo",
        "charlie",
        "Delta",
        "echo",
    ]


def test_the_appendix_gives_no_mean_n_or_spread_for_fewer_than_the_minimum(mini):
    # b-v1: two answers 1 and 2 (mean 1,5 beside n 2 gives both away); a-v1 has three
    import datetime as dt

    from assessment.report import ReportInput, build_report
    from assessment.scoring import score_scan
    from tests.report.helpers import Pdf

    result = score_scan(mini, {"a-v1": [0, 2, 3], "b-v1": [1, 2]}, {"b-v2": 2})
    report = ReportInput(
        school="School", scan_label="2026", date=dt.date(2026, 12, 2), rubric=mini, result=result
    )
    pdf = Pdf(build_report(report))
    appendix = pdf.flat[pdf.flat.index("Bijlage") :]
    # label, its origin, mean, n, weet niet, spread; of the two answers nothing; the agreed value
    assert "alfa verkennen één Eigen formulering 1,7 3 0% 3" in appendix
    assert "beta verkennen één Eigen formulering – < 3 – – –" in appendix
    assert "beta verkennen twee Eigen formulering – < 3 – – 2 2,0" in appendix


def test_the_pdf_of_a_two_respondent_scan_prints_no_ones_answer(engine):
    coordinator, scan_id = scan_with(
        engine,
        [{"a-v1": (3, ""), "b-v1": (1, "")}, {"a-v1": (1, "")}],
    )
    pdf = Pdf(report_for_scan(engine, coordinator, scan_id))
    appendix = pdf.flat[pdf.flat.index("Bijlage") :]
    # not 2,0 and n = 2
    assert "alfa verkennen één Eigen formulering – < 3 – – –" in appendix  # nor "verdeeld"
    assert "beta verkennen één Eigen formulering – < 3 – – –" in appendix  # not 1,0 and n = 1
    themes = themes_text(pdf)
    assert "beta verkennen één (1,0)" not in themes
    assert "beta verkennen één (minder dan 3 scores)" in themes
