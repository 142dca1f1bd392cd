"""The report of a scan under the v3 rules, read back: a provisional phase and a critical item
holding a phase open on page 1, and per criterion where its wording comes from."""

from __future__ import annotations

from assessment.cli import main
from tests.helpers import DATA
from tests.report.helpers import Pdf, flat

# alfa: 3, 3, 1, 1 with the critical a-v4 at 1; beta: b-v2 nobody knows, nor the critical b-b2
ANSWERS = {"a-v1": 3, "a-v2": 3, "a-v3": 1, "a-v4": 1, "b-v1": 3, "b-v2": "dk", "b-b1": 1}


def report(tmp_path, *extra: str) -> Pdf:
    rows = [f"r{r},{c},{v}" for r in range(3) for c, v in ANSWERS.items()]
    answers = tmp_path / "answers.csv"
    answers.write_text("respondent,criterion,answer\n" + "\n".join(rows) + "\n", encoding="utf-8")
    output = tmp_path / "report.pdf"
    args = ["report", str(answers), "-o", str(output), "--school", "OBS De Kern", *extra]
    assert main([*args, "--rubric", str(DATA / "rubrics" / "v3")]) == 0
    return Pdf(output.read_bytes())


def test_page_one_shows_the_provisional_phase_and_the_critical_item(tmp_path, capsys):
    first = flat(report(tmp_path).pages[0])
    assert "Thema beta ◐ 3,0 voorlopig afgerond (1 onbekend)" in first
    assert (
        "Voorlopig afgerond • Thema beta · Verkennen is voorlopig afgerond: 1 van 2 criteria is "
        "nog onbekend."
    ) in first
    assert (
        "Kernpraktijken die een fase openhouden • Thema alfa · Verkennen: ‘alfa verkennen vier’ "
        "is een kernpraktijk en scoort 1,0 (nodig 2,0) • Thema beta · Voorbereiden: ‘beta "
        "voorbereiden twee’ is een kernpraktijk en nog onbekend: zoek dit eerst uit"
    ) in first


def test_the_explanation_per_theme_says_the_phase_is_provisional(tmp_path, capsys):
    pdf = report(tmp_path)
    assert "Verkennen is voorlopig afgerond: 1 van 2 criteria is nog onbekend." in pdf.flat


def test_the_appendix_says_per_criterion_that_its_wording_is_our_own(tmp_path, capsys):
    pdf = report(tmp_path)
    appendix = flat(" ".join(pdf.pages[pdf.page_of("Bijlage") :]))
    # every criterion of the v3 test rubric, and once in the legend above them
    assert appendix.count("Eigen formulering") == 14 + 1


def test_in_english_too(tmp_path, capsys):
    pdf = report(tmp_path, "--lang", "en")
    first = flat(pdf.pages[0])
    assert "provisionally complete (1 unknown)" in first
    assert "Core practices holding a phase open" in first
    assert "Our own wording" in pdf.flat
