"""A school's name and a scan's label are text someone typed: every page shows them literally,
never as Markdown (a label like "**2026** [hier](https://x)" stays as written)."""

from __future__ import annotations

from assessment import store
from assessment.ui.safe import md
from tests.app.conftest import open_app
from tests.factories import closed_scan, make_scan, make_school, trainer_code, unused_codes

NAME = "OBS *De* [Proeftuin](https://x.example)"
LABEL = "**2026** <b>najaar</b>"
EARLIER = "_2025_ `oud`"


def hostile_school(engine):
    """A school with a Markdown-looking name and two scans: EARLIER (closed) and LABEL (open)."""
    school = make_school(engine, name=NAME)
    closed_scan(engine, school, label=EARLIER)
    scan = make_scan(engine, school, label=LABEL)
    trainer = trainer_code(engine, school)
    [respondent] = unused_codes(engine, scan, 1)
    return school.coordinator_code, trainer, respondent.code


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
