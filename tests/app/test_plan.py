"""Actieplan: no row is ever dropped, unsaved edits are shown, the plan comes first."""

from __future__ import annotations

import datetime as dt

from assessment import store
from assessment.rubric import load_rubric
from tests.app.conftest import open_app


def editor_edits(at, key: str, *, added=(), edited=None) -> None:
    at.session_state[key] = {
        "edited_rows": edited or {},
        "added_rows": list(added),
        "deleted_rows": [],
    }


def save(at) -> None:
    next(b for b in at.button if b.label == "Plan opslaan").click().run()


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def test_a_row_without_a_theme_is_named_and_nothing_is_saved(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    kept = store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Studiedag")
    at = open_app(school.coordinator, "actieplan")
    key = f"plan-{school.scan.id}"
    editor_edits(
        at,
        key,
        edited={0: {"owner": "Anna"}},
        added=[
            {"title": "Werkgroep *start*", "status": "planned"},
            {"title": "Ouderavond", "theme": "leiderschap", "status": "planned"},
        ],
    )
    save(at)
    assert not at.exception
    errors = texts(at.error)
    assert any("Regel 2 (‘Werkgroep \\*start\\*’): kies een thema." in e for e in errors)
    assert any("Er is niets opgeslagen" in e for e in errors)
    assert not [s for s in texts(at.success) if "opgeslagen" in s]
    # neither the edit of row 1 nor the valid new row 3 went in
    assert store.list_actions(school.engine, coordinator, school.scan.id) == [kept]
    assert any("Niet-opgeslagen wijzigingen" in w for w in texts(at.warning))


def test_an_empty_new_row_is_reported_not_skipped(school):
    at = open_app(school.coordinator, "actieplan")
    editor_edits(at, f"plan-{school.scan.id}", added=[{"status": "planned"}])
    save(at)
    assert any("Regel 1 is leeg" in e for e in texts(at.error))
    assert not [s for s in texts(at.success) if "opgeslagen" in s]


def test_unsaved_edits_are_warned_until_saved_and_block_other_changes(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    respondent = store.resolve_code(school.engine, school.respondents[0])
    store.start_respondent(school.engine, respondent, None)
    store.save_answer(school.engine, respondent, school.scan_criterion, 1)  # steps to suggest
    at = open_app(school.coordinator, "actieplan")
    assert not at.warning
    key = f"plan-{school.scan.id}"
    editor_edits(at, key, added=[{"title": "Leesplan", "theme": "draagvlak", "status": "planned"}])
    at.run()
    assert any("Niet-opgeslagen wijzigingen" in w for w in texts(at.warning))
    adds = [b for b in at.button if b.label == "Toevoegen"]
    assert adds and all(b.disabled for b in adds)

    save(at)
    assert "Het plan is opgeslagen." in texts(at.success)
    assert not [w for w in texts(at.warning) if "Niet-opgeslagen" in w]
    assert [a.title for a in store.list_actions(school.engine, coordinator, school.scan.id)] == [
        "Leesplan"
    ]
    assert all(not b.disabled for b in at.button if b.label == "Toevoegen")


def test_the_plan_comes_before_the_review_and_the_suggestions(school):
    at = open_app(school.coordinator, "actieplan")
    headings = [h.value for h in at.header]
    assert headings[0] == "Het plan"
    assert headings.index("Voorgestelde volgende stappen") > 0
    [editor] = at.dataframe
    assert editor.proto.editing_mode != 0  # the editable table, not a read-only view
    assert editor.proto.placeholder == "–"  # empty cells never read "None"


def test_a_review_from_a_stale_list_keeps_the_colleague_s_change_and_says_so(school):
    engine = school.engine
    coordinator = store.resolve_code(engine, school.coordinator)
    old = store.add_action(
        engine, coordinator, school.scan.id, "draagvlak", "Ouderavond", status="doing"
    )
    store.open_scan(engine, coordinator, school.school.id, "2027-2028", load_rubric())
    at = open_app(school.coordinator, "actieplan")
    assert [b.label for b in at.button if b.key == f"done-{old.id}"] == ["Klaar"]

    store.update_action(engine, coordinator, old.id, version=old.version, status="dropped")
    next(b for b in at.button if b.key == f"done-{old.id}").click().run()
    assert not at.exception
    assert (
        "Iemand anders heeft ‘Ouderavond’ intussen gewijzigd; er is niets opgeslagen."
    ) in texts(at.error)
    assert [a.status for a in store.list_actions(engine, coordinator, school.scan.id)] == [
        "dropped"
    ]


def test_a_deadline_typed_in_an_empty_deadline_column_is_saved(school):
    """While no action has a deadline the editor hands a date back as the text '2027-03-01'."""
    coordinator = store.resolve_code(school.engine, school.coordinator)
    first = store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Studiedag")
    at = open_app(school.coordinator, "actieplan")
    editor_edits(
        at,
        f"plan-{school.scan.id}",
        edited={0: {"owner": "Anna", "due_date": "2027-03-01"}},
        added=[{"title": "Ouderavond", "theme": "betrekken", "due_date": "2027-04-15"}],
    )
    save(at)
    assert "Het plan is opgeslagen." in texts(at.success)
    saved = store.list_actions(school.engine, coordinator, school.scan.id)
    assert [(a.id, a.owner, a.due_date) for a in saved][0] == (
        first.id,
        "Anna",
        dt.date(2027, 3, 1),
    )
    assert saved[1].due_date == dt.date(2027, 4, 15)


def test_a_deadline_that_is_no_date_is_named_and_nothing_is_saved(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Studiedag")
    at = open_app(school.coordinator, "actieplan")
    editor_edits(at, f"plan-{school.scan.id}", edited={0: {"due_date": "volgende week"}})
    save(at)
    assert any("‘volgende week’ is geen datum" in e for e in texts(at.error))
    assert not [s for s in texts(at.success) if "opgeslagen" in s]
    [kept] = store.list_actions(school.engine, coordinator, school.scan.id)
    assert kept.due_date is None


def test_a_scan_without_answers_suggests_nothing_but_waiting_for_answers(school):
    at = open_app(school.coordinator, "actieplan")
    assert any(i.value.startswith("Wacht op antwoorden") for i in at.info)
    assert not [b for b in at.button if b.label == "Toevoegen"]
