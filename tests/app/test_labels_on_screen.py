"""A school's name and a scan's label are text someone typed: every page shows them literally,
never as Markdown (a label like "**2026** [hier](https://x)" stays as written)."""

from __future__ import annotations

from assessment import store
from assessment.rubric import load_rubric
from assessment.ui.safe import md
from tests.app.conftest import open_app

NAME = "OBS *De* [Proeftuin](https://x.example)"
LABEL = "**2026** <b>najaar</b>"
EARLIER = "_2025_ `oud`"


def hostile_school(engine):
    """A school with a Markdown-looking name and two scans: EARLIER (closed) and LABEL (open)."""
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Proef")
    school = store.create_school(engine, admin, board.id, NAME)
    coordinator = store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    access = store.resolve_code(engine, coordinator)
    earlier = store.open_scan(engine, access, school.id, EARLIER, load_rubric())
    store.close_scan(engine, access, earlier.id)
    scan = store.open_scan(engine, access, school.id, LABEL, load_rubric())
    trainer = store.issue_code(engine, access, "trainer", school_id=school.id).code
    respondent = store.issue_code(engine, access, "respondent", scan_id=scan.id).code
    return coordinator, trainer, respondent


def test_results_without_answers_show_name_and_label_as_written(database):
    coordinator, _, _ = hostile_school(database)
    at = open_app(coordinator, "resultaten")
    assert not at.exception
    assert at.title[0].value == f"Resultaten {md(NAME)}"
    assert any(md(LABEL) in info.value for info in at.info), [i.value for i in at.info]


def test_bespreken_without_answers_shows_the_label_as_written(database):
    coordinator, _, _ = hostile_school(database)
    at = open_app(coordinator, "bespreken")
    assert not at.exception
    assert any(md(LABEL) in info.value for info in at.info), [i.value for i in at.info]


def test_briefing_shows_both_labels_as_written(database):
    _, trainer, respondent = hostile_school(database)
    access = store.resolve_code(database, respondent)
    store.start_respondent(database, access, None)
    store.save_answer(database, access, "pro-basiskennis", 2)
    at = open_app(trainer, "briefing")
    assert not at.exception
    assert any(md(LABEL) in caption.value for caption in at.caption), [c.value for c in at.caption]
    assert any(md(EARLIER) in heading.value for heading in at.header), [h.value for h in at.header]


def test_new_codes_name_their_scan_as_written(database):
    coordinator, _, _ = hostile_school(database)
    at = open_app(coordinator, "beheer")
    at.number_input(key="codes_count").set_value(1)
    next(b for b in at.button if b.label == "Codes aanmaken").click().run()
    assert not at.exception
    assert f"**Collega 2** · {md(LABEL)}" in [m.value for m in at.markdown]
