"""A scan whose answers the retention removed: Resultaten (with its ontwikkelkaart and trend),
Bespreken and the board page still open and say the answers are gone; Beheer offers the school's
data as a download."""

from __future__ import annotations

from assessment import store
from assessment.rubric import load_rubric
from assessment.store.retention import Retention, purge
from tests.app.conftest import open_app
from tests.app.test_results import answer_everything, html_text
from tests.store.test_retention import closed_ago

GONE = "Antwoorden verwijderd na 5 jaar"


def purged(school) -> None:
    answer_everything(school, [3, 2, 1])
    coordinator = store.resolve_code(school.engine, school.coordinator)
    store.close_scan(school.engine, coordinator, school.scan.id)
    closed_ago(school.engine, school.scan.id, 5, 1)
    purge(school.engine, store.admin_access(), retention=Retention(5, 2))


def test_resultaten_of_a_purged_scan_shows_its_results_and_says_the_answers_are_gone(school):
    purged(school)
    at = open_app(school.coordinator, "resultaten")
    assert not at.exception
    assert any(GONE in info.value for info in at.info)
    assert "Ontwikkelkaart" in [h.value for h in at.header]
    assert "afgerond" in html_text(at) or "hier werkt" in html_text(at)
    assert [m.value for m in at.metric][:2] == ["3", "0"]


def test_the_trend_keeps_a_purged_scan_among_its_points(school):
    purged(school)
    coordinator = store.resolve_code(school.engine, school.coordinator)
    rubric = load_rubric()
    for label in ("2027-2028", "2028-2029"):
        scan = store.open_scan(school.engine, coordinator, school.school.id, label, rubric)
        for criterion in rubric.criteria:
            store.save_answer(school.engine, coordinator, criterion.id, 2, scan_id=scan.id)
        store.close_scan(school.engine, coordinator, scan.id)
    at = open_app(school.coordinator, "resultaten")
    assert not at.exception
    assert "Gereedheid door de jaren" in [h.value for h in at.header]


def test_bespreken_of_a_purged_scan_opens_and_says_so(school):
    purged(school)
    at = open_app(school.coordinator, "bespreken")
    assert not at.exception
    assert any(GONE in info.value for info in at.info)


def test_the_board_page_still_shows_the_school_and_says_its_answers_are_gone(school):
    purged(school)
    at = open_app(school.board, "vergelijken")
    assert not at.exception
    assert any("verwijderd na 5 jaar" in caption.value for caption in at.caption)


def test_beheer_offers_all_data_of_the_school_and_no_reopening_of_a_purged_scan(school):
    purged(school)
    at = open_app(school.coordinator, "beheer")
    assert not at.exception
    assert "Heropenen" not in [button.label for button in at.button]
    assert any("Antwoorden verwijderd na 5 jaar" in c.value for c in at.caption)
    assert "Alle gegevens van onze school" in [h.value for h in at.header]
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Download alle gegevens van onze school" in labels
