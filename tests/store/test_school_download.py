"""“Download alle gegevens van onze school”: a ZIP of CSV files with a LEESMIJ, read back; nothing
in it ties an answer to a respondent, no time finer than a day, every cell neutralised."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from assessment import store
from assessment.school_download import FILES, school_zip


def read_zip(data: bytes) -> dict[str, list[list[str]]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == sorted(["LEESMIJ.txt", *(f"{n}.csv" for n in FILES)])
    tables = {}
    for name in FILES:
        text = archive.read(f"{name}.csv").decode("utf-8-sig")
        tables[name] = list(csv.reader(io.StringIO(text), delimiter=";"))
    tables["LEESMIJ"] = [[archive.read("LEESMIJ.txt").decode("utf-8")]]
    return tables


def test_the_zip_holds_the_schools_data_and_nothing_that_ties_an_answer_to_a_colleague(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    store.save_answer(engine, world.access["respondent"], "a-v1", 2, note="=HYPERLINK(1)")
    tables = read_zip(school_zip(engine, coordinator, world.rubric))

    assert "OBS A" in tables["LEESMIJ"][0][0]
    scans = tables["scans"]
    assert scans[0][:2] == ["scan", "status"]
    assert [row[0] for row in scans[1:]] == ["2024-2025", "2025-2026"]
    answers = tables["antwoorden"]
    assert answers[0] == ["scan", "criterium", "vraag", "antwoord"]
    data = store.scan_data(engine, coordinator, world.scan.id)
    assert len(answers) - 1 == sum(len(v) for v in data.answers.values())
    body = answers[1:]
    assert body == sorted(body, key=lambda r: (r[0], r[1])) and "respondent" not in str(answers)
    notes = [row[2] for row in tables["toelichtingen"][1:]]
    assert "'=HYPERLINK(1)" in notes  # neutralised, never a formula
    assert tables["afspraken"][1][:2] == ["2025-2026", "a-v1"]
    assert any(row[3] == "Ouderavond" for row in tables["actieplan"][1:])
    everything = str(tables)
    assert not re.search(r"\d\d:\d\d", everything)  # no time of day anywhere
    # Other schools' data is not in it.
    assert "OBS C" not in everything


def test_a_board_gets_no_schools_data(world):
    with pytest.raises(store.StoreError):
        school_zip(world.engine, world.access["board"], world.rubric)
