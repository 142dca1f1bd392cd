"""``python -m assessment validate``: a one-line summary, or every problem as file:line and exit 2."""

from __future__ import annotations

import subprocess
import sys

from assessment.cli import main
from assessment.rubric import SHIPPED_RUBRIC_DIR
from tests.helpers import ROOT, copy_rubric, line_of


def validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assessment", "validate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_the_shipped_rubric_validates_with_a_summary_line():
    run = validate()
    assert run.returncode == 0, run.stderr
    assert run.stdout == "tso 2026.3: geldig – 5 thema's, 4 fasen, 65 criteria\n"


def first_criterion_ids(theme_file):
    lines = [
        line
        for line in theme_file.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- id:")
    ]
    return [line.split(":", 1)[1].strip().strip('"') for line in lines[:2]]


def test_a_duplicated_criterion_id_in_the_shipped_rubric_exits_2_naming_file_and_line(tmp_path):
    copy = copy_rubric(SHIPPED_RUBRIC_DIR, tmp_path / "tso")
    theme_file = copy / "themes" / "draagvlak.yaml"
    first, second = first_criterion_ids(theme_file)
    theme_file.write_text(
        theme_file.read_text(encoding="utf-8").replace(f'"{second}"', f'"{first}"', 1),
        encoding="utf-8",
    )
    run = validate(str(copy))
    assert run.returncode == 2 and run.stdout == ""
    assert (
        f"{theme_file}:{line_of(theme_file, first, 2)}: duplicate criterion id '{first}'"
        in run.stderr
    )


def test_an_unknown_phase_in_the_shipped_rubric_exits_2_naming_file_and_line(tmp_path, capsys):
    copy = copy_rubric(SHIPPED_RUBRIC_DIR, tmp_path / "tso")
    theme_file = copy / "themes" / "leiderschap.yaml"
    theme_file.write_text(
        theme_file.read_text(encoding="utf-8").replace(
            'phase: "uitvoeren"', 'phase: "uitvoering"', 1
        ),
        encoding="utf-8",
    )
    assert main(["validate", str(copy)]) == 2
    err = capsys.readouterr().err
    line = line_of(theme_file, 'phase: "uitvoering"')
    where = f"{theme_file}:{line}"
    assert f"{where}: unknown phase 'uitvoering'" in err


def test_an_unknown_role_in_answered_by_exits_2_naming_file_and_line(tmp_path):
    copy = copy_rubric(
        SHIPPED_RUBRIC_DIR,
        tmp_path / "tso",
        {
            "themes/betrekken.yaml": (
                'answered_by: ["directie", "werkgroep", "ib_zorg"]',
                'answered_by: ["directie", "werkgroep", "zorgpartner"]',
            )
        },
    )
    run = validate(str(copy))
    assert run.returncode == 2 and run.stdout == ""
    theme_file = copy / "themes" / "betrekken.yaml"
    line = line_of(theme_file, '"zorgpartner"')
    assert (
        f"{theme_file}:{line}: unknown role 'zorgpartner' "
        "(known: directie, werkgroep, leerkracht, ib_zorg, oop, anders)"
    ) in run.stderr


def test_a_contested_share_above_one_half_exits_2_naming_file_and_line(tmp_path):
    copy = copy_rubric(
        SHIPPED_RUBRIC_DIR,
        tmp_path / "tso",
        {"rubric.yaml": ("contested_share: 0.25", "contested_share: 0.9")},
    )
    run = validate(str(copy))
    assert run.returncode == 2 and run.stdout == ""
    frame_file = copy / "rubric.yaml"
    assert (
        f"{frame_file}:{line_of(frame_file, 'contested_share: 0.9')}: rules.contested_share: "
        "Input should be less than or equal to 0.5"
    ) in run.stderr
