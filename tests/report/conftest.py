from __future__ import annotations

import pytest

from assessment.report import build_report
from assessment.report.sample import sample_input
from assessment.rubric import Rubric, load_rubric
from tests.helpers import MINI_RUBRIC
from tests.report.helpers import Pdf


@pytest.fixture(scope="session")
def tso() -> Rubric:
    return load_rubric()


@pytest.fixture(scope="session")
def mini() -> Rubric:
    return load_rubric(MINI_RUBRIC)


@pytest.fixture(scope="session")
def demo_like(tso):
    """The report of a demo-like school: 30 respondents, a previous year, 20 actions."""
    report = sample_input(tso)
    return report, Pdf(build_report(report))
