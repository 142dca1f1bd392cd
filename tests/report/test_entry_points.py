"""The ways to get a report: ``python -m assessment report`` from CSV files or from the database,
and ``report_for_scan`` on the demo school, rendered into a temporary folder and read back."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assessment import store
from assessment.answers_csv import answers_by_criterion, read_answers, read_consensus
from assessment.cli import main
from assessment.i18n import number
from assessment.report import report_for_scan
from assessment.scoring import score_scan
from tests.helpers import DATA, ROOT
from tests.report.helpers import Pdf, flat

EXAMPLE = DATA / "answers_example.csv"
CONSENSUS = DATA / "consensus_example.csv"
PREVIOUS = DATA / "answers_previous_example.csv"
SCHOOL = "Basisschool ’t Startpunt"


def report(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def expected_readiness(tso, answers, consensus=None, lang="nl") -> list[str]:
    agreed = read_consensus(consensus, tso) if consensus else {}
    result = score_scan(tso, answers_by_criterion(read_answers(answers, tso)), agreed)
    return [number(theme.readiness, lang) for theme in result.themes]


def test_csv_report_with_previous_scan_and_consensus(tmp_path, capsys, tso):
    out = tmp_path / "rapport.pdf"
    code, stdout, stderr = report(
        capsys,
        str(EXAMPLE),
        "-o",
        str(out),
        "--school",
        SCHOOL,
        "--label",
        "2026-2027",
        "--consensus",
        str(CONSENSUS),
        "--previous",
        str(PREVIOUS),
    )
    assert (code, stderr) == (0, "")
    pdf = Pdf(out.read_bytes())
    assert stdout.strip() == f"Rapport geschreven: {out} ({len(pdf.pages)} pagina's)"
    first = flat(pdf.pages[0])
    assert SCHOOL in first and "2026-2027" in first
    assert "Vorige scan" in first and "Verschil" in first  # the table of numbers
    assert "Vorige scan (2025-2026)" in flat(pdf.pages[1])  # the radar's legend, when it moved
    for value in expected_readiness(tso, EXAMPLE, CONSENSUS):
        assert value in first
    for value in expected_readiness(tso, PREVIOUS):
        assert value in first
    # Only the teachers are a group of 3; the other roles (1 or 2 people each) are not named.
    assert "Naar rol: leerkracht 3, overige rollen samen 5" in first
    assert "gemaakt uit een CSV-bestand" in pdf.flat  # no action plan without a database
    assert "Vragenlijst in september afgenomen" not in pdf.flat  # evidence notes only on request


def test_csv_report_in_english_with_evidence_notes(tmp_path, capsys, tso):
    out = tmp_path / "report.pdf"
    code, stdout, _ = report(
        capsys, str(EXAMPLE), "-o", str(out), "--school", SCHOOL, "--lang", "en", "--notes"
    )
    assert code == 0 and stdout.startswith("Report written:")
    pdf = Pdf(out.read_bytes())
    assert "Summary" in pdf.pages[0] and "There is no earlier scan" in pdf.flat
    for value in expected_readiness(tso, EXAMPLE, lang="en"):
        assert value in flat(pdf.pages[0])
    assert (
        "Vragenlijst in september afgenomen, uitslag besproken in de teamvergadering." in pdf.flat
    )


def test_the_module_runs_as_a_command(tmp_path):
    out = tmp_path / "rapport.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "report", str(EXAMPLE), "-o", str(out)]
        + ["--school", SCHOOL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Rapport geschreven" in run.stdout
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(EXAMPLE)], "Geef de naam van de school op met --school."),
        (["--school", SCHOOL], "Geef óf een antwoordenbestand (ANSWERS.csv) óf --scan ID op."),
        ([str(EXAMPLE), "--scan", "1"], "óf --scan ID op."),
    ],
)
def test_missing_or_conflicting_input_exits_2(tmp_path, capsys, args, message):
    out = tmp_path / "rapport.pdf"
    code, _, stderr = report(capsys, *args, "-o", str(out))
    assert code == 2 and message in stderr
    assert not out.exists()


def test_bad_answers_are_listed_row_by_row_and_no_pdf_is_written(tmp_path, capsys):
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "respondent,criterion,answer\nr1,pro-aanbod,7\nr1,bestaat-niet,2\n", encoding="utf-8"
    )
    out = tmp_path / "rapport.pdf"
    code, _, stderr = report(capsys, str(answers), "-o", str(out), "--school", SCHOOL)
    assert code == 2
    assert "regel 2" in stderr and "regel 3" in stderr
    assert not out.exists()


# --- from the database ------------------------------------------------------------------------


@pytest.fixture
def demo(engine, tso):
    store.seed_demo(engine, tso)
    access = store.demo_access(engine)
    newest, *_ = store.list_scans(engine, access, access.school_id)
    return engine, access, newest


def test_demo_school_sample_report_is_rendered_and_read_back(demo, tmp_path, tso):
    engine, access, scan = demo
    path = tmp_path / "demo.pdf"
    path.write_bytes(report_for_scan(engine, access, scan.id))
    pdf = Pdf(path.read_bytes())
    assert 6 <= len(pdf.pages) <= 25
    school = store.get_school(engine, access, scan.school_id)
    previous = store.previous_scan(engine, access, scan.id)
    assert previous is not None
    first = flat(pdf.pages[0])
    assert school.name in first and scan.label in first
    assert f"Vorige scan ({previous.label})" in flat(" ".join(pdf.pages[:2]))  # the radar
    data = store.scan_data(engine, access, scan.id)
    for theme in score_scan(tso, data.answers, data.agreed).themes:
        assert number(theme.readiness, "nl") in first
    assert f"pagina {len(pdf.pages)} van {len(pdf.pages)}" in pdf.pages[-1]
    positions = [pdf.flat.index(s) for s in ("Samenvatting", "Actieplan", "Per thema", "Bijlage")]
    assert positions == sorted(positions)
    actions = store.list_actions(engine, access, scan.id)
    previous_actions = store.list_actions(engine, access, previous.id)
    assert actions and previous_actions
    for action in actions + previous_actions:
        assert flat(action.title) in pdf.flat
    assert f"Acties uit de vorige scan ({previous.label})" in pdf.flat
    assert pdf.reader.metadata.author == school.name


def test_evidence_notes_only_when_asked_for(demo):
    engine, access, scan = demo
    notes = store.scan_data(engine, access, scan.id).notes
    note = flat(next(text for texts in notes.values() for text in texts))
    assert note not in Pdf(report_for_scan(engine, access, scan.id)).flat
    assert note in Pdf(report_for_scan(engine, access, scan.id, include_notes=True)).flat


def test_a_respondent_gets_no_report(demo):
    engine, access, scan = demo
    issued = store.issue_code(engine, access, "respondent", scan_id=scan.id)
    respondent = store.resolve_code(engine, issued.code)
    with pytest.raises(store.StoreError):
        report_for_scan(engine, respondent, scan.id)


def test_report_from_the_database_on_the_command_line(demo, database_url, tmp_path, capsys):
    engine, _, scan = demo
    out = tmp_path / "scan.pdf"
    code, stdout, stderr = report(
        capsys, "--scan", str(scan.id), "--database-url", database_url, "-o", str(out)
    )
    assert (code, stderr) == (0, "")
    assert "Rapport geschreven" in stdout
    assert "Samenvatting" in Pdf(out.read_bytes()).pages[0]
    code, _, stderr = report(
        capsys, "--scan", "999999", "--database-url", database_url, "-o", str(out)
    )
    assert code == 2 and "999999" in stderr


def test_the_report_package_imports_without_reportlab_or_the_store():
    code = (
        "import sys, assessment.report\n"
        "loaded = [m for m in ('reportlab', 'assessment.store', 'sqlalchemy') if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == ""
