"""Hostile and unusual text comes out literally and never changes the layout; long and many
actions wrap and flow over pages without a ReportLab layout error."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from assessment.report import ReportAction, build_report
from assessment.report.fonts import MISSING_GLYPH, clean
from assessment.report.sample import sample_input
from tests.report.helpers import Pdf, flat

# Each piece must come back literally from the PDF's text.
PIECES = [
    '<img src="/etc/passwd">',
    "<font size=80>GROOT</font>",
    '<a href="http://evil.example">klik</a>',
    "&amp;",
    "]]>",
    "<b>vet</b>",
    "ĳ ł ş €",
    "Zoë’s café – “quotes”",
    "😀",  # DejaVu Sans draws this one
]
HOSTILE = " ".join(PIECES) + " 🎉👩‍🏫 einde"  # no glyph for these two: one box each


def hostile_report(tso, text: str = HOSTILE):
    base = sample_input(tso, actions=6)
    first, *rest = base.actions
    criterion = tso.criteria[0].id
    return dataclasses.replace(
        base,
        school=f"OBS {text}",
        scan_label=f"2026 {text}",
        actions=[
            dataclasses.replace(first, title=f"Actie {text}", owner=f"Juf {text}"),
            *rest,
        ],
        notes={criterion: [f"Toelichting {text}"]},
        agreed_notes={criterion: f"Afspraak {text}"},
        previous=dataclasses.replace(base.previous, label=f"vorig {text}"),
    )


@pytest.fixture(scope="module")
def hostile(tso):
    return Pdf(build_report(hostile_report(tso)))


@pytest.fixture(scope="module")
def innocent(tso):
    """The same report with plain letters of the same lengths instead of the hostile text."""
    plain = "".join("x" if not c.isspace() else " " for c in HOSTILE)
    return Pdf(build_report(hostile_report(tso, plain)))


def squeeze(text: str) -> str:
    """Without any white space: a long word broken over two lines of a cell compares whole."""
    return "".join(text.split())


def test_every_hostile_piece_comes_out_literally_everywhere(hostile):
    shown = flat(clean(HOSTILE))
    assert shown.endswith(f"😀 {MISSING_GLYPH}{MISSING_GLYPH} einde")
    assert f"OBS {shown}" in hostile.flat  # the title on page 1
    for prefix in ("OBS", "Actie", "Juf", "Toelichting", "Afspraak", "2026", "vorig"):
        assert squeeze(f"{prefix} {shown}") in squeeze(hostile.text), prefix
    for piece in PIECES:
        assert piece in hostile.flat
    assert "\x00" not in hostile.text


def test_hostile_text_does_not_change_the_layout(hostile, innocent):
    assert len(hostile.pages) == len(innocent.pages)
    assert hostile.font_sizes() <= innocent.font_sizes()
    assert max(hostile.font_sizes()) == 20  # the title, not 80
    assert not hostile.has_images()
    assert b"/Annots" not in hostile.data and b"/URI" not in hostile.data


def test_the_header_and_metadata_carry_the_hostile_name_as_text(hostile):
    meta = hostile.reader.metadata
    assert meta.author == "OBS " + " ".join(HOSTILE.split())
    for number, page in enumerate(hostile.pages, 1):
        assert "TSO Zelfscan · OBS <img" in page  # the header, cut to one line
        assert f"pagina {number} van {len(hostile.pages)}" in page


def test_a_400_character_action_title_wraps_inside_its_cell(tso):
    words = ("Organiseer een studiedag over co-regulatie met het hele team " * 10)[:400]
    word = "Ĳzersterk" + "x" * 391
    report = dataclasses.replace(
        sample_input(tso, actions=2),
        actions=[ReportAction(words, theme="draagvlak"), ReportAction(word, theme="draagvlak")],
    )
    pdf = Pdf(build_report(report))
    assert len(words) == len(word) == 400
    plan = pdf.pages[pdf.page_of("Actieplan")]
    assert flat(words) in flat(plan)
    assert word in "".join(plan.split())
    longest = max(len(line) for line in plan.splitlines())
    assert longest < 120  # wrapped: no line holds the whole title


def test_sixty_actions_flow_over_several_pages_with_the_header_row_repeated(tso):
    actions = [
        ReportAction(
            f"Actie nummer {i:02d}: " + "bespreek de aanpak in de bouwvergadering " * (1 + i % 3),
            theme=tso.theme_list[i % len(tso.theme_list)].id,
            owner=f"Eigenaar {i}",
            due_date=dt.date(2027, 1, 1) + dt.timedelta(days=i),
            status=("planned", "doing", "done", "dropped")[i % 4],
        )
        for i in range(60)
    ]
    report = dataclasses.replace(sample_input(tso), actions=actions)
    pdf = Pdf(build_report(report))
    start, end = pdf.page_of("Actieplan"), pdf.page_of("Per thema")
    plan_pages = pdf.pages[start:end]
    assert len(plan_pages) >= 3
    for page in plan_pages:
        assert "Actie Thema Eigenaar Deadline" in flat(page)
    plan = flat("\n".join(plan_pages))
    for action in actions:
        assert flat(action.title) in plan
    assert plan.count("geschrapt") >= 15


def test_a_title_longer_than_a_page_splits_instead_of_failing(tso):
    title = "Heel lang verhaal. " * 700  # about 13 000 characters
    report = dataclasses.replace(sample_input(tso, actions=1), actions=[ReportAction(title)])
    pdf = Pdf(build_report(report))
    text = flat(pdf.text)  # a page break falls between "Heel lang" and "verhaal."
    assert text.count("Heel lang") == text.count("verhaal.") == 700
    assert len([page for page in pdf.pages if "Heel lang" in page]) >= 3


def test_clean_keeps_newlines_drops_control_characters_and_boxes_missing_glyphs():
    assert clean("a\x00b\x07c\r\nd\te\u2028f") == "abc\nd e\nf"
    assert clean("😀🎉🎉 ok") == f"😀{MISSING_GLYPH}{MISSING_GLYPH} ok"
    assert clean("👩‍🏫 juf 👍🏽") == f"{MISSING_GLYPH} juf {MISSING_GLYPH}"
    assert clean("ĳ ł ş € ë") == "ĳ ł ş € ë"
