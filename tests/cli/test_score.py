"""``python -m assessment score``: JSON shape, readable table, and bad input refused row by row."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.cli import main
from tests.helpers import DATA, MINI_RUBRIC, ROOT

EXAMPLE = DATA / "answers_example.csv"
ANSWERED_UNDER_2026_1 = DATA / "answers_2026_1.csv"


def score(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["score", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str | bytes, name: str = "answers.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_example_csv_scores_to_the_documented_json_shape():
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", str(EXAMPLE), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(run.stdout)
    assert set(result) == {"rubric", "school_phase", "themes", "items", "next_steps"}
    assert result["rubric"] == {"id": "tso", "version": "2026.3"}
    assert [t["id"] for t in result["themes"]] == [
        "professionalisering",
        "implementatieplanning",
        "leiderschap",
        "betrekken",
        "draagvlak",
    ]
    for theme in result["themes"]:
        assert set(theme) == {
            "id",
            "readiness",
            "phase",
            "complete_phases",
            "provisional_phases",
            "flags",
            "explanation",
        }
        assert set(theme["provisional_phases"]) <= set(theme["complete_phases"])
        assert theme["readiness"] is None or round(theme["readiness"], 1) == theme["readiness"]
    for item in result["items"]:
        assert set(item) == {"id", "value", "n", "dk_share", "range", "contested"}
    assert all(set(step) == {"theme", "criterion", "action"} for step in result["next_steps"])


def test_a_csv_answered_under_2026_1_is_read_with_retired_ids_counting_for_their_successor(capsys):
    rows = list(csv.DictReader(ANSWERED_UNDER_2026_1.open(encoding="utf-8")))
    retired = [r for r in rows if r["criterion"] == "bet-leerlingen"]
    assert retired and not any(r["criterion"] == "bet-leerlingstem" for r in rows)
    code, out, err = score(capsys, str(ANSWERED_UNDER_2026_1), "--json")
    assert code == 0, err
    items = {item["id"]: item for item in json.loads(out)["items"]}
    assert items["bet-leerlingstem"]["n"] == sum(r["answer"].isdigit() for r in retired)
    assert "bet-leerlingen" not in items and "dra-consistent" not in items


def test_mini_answers_give_hand_computed_numbers(tmp_path, capsys):
    answers = write(
        tmp_path,
        "respondent,criterion,answer\nr1,a-v1,3\nr2,a-v1,1\nr1,a-v2,2\nr1,a-b1,1\nr2,b-v1,dk\n",
    )
    consensus = write(tmp_path, "criterion,answer\na-b1,3\n", "consensus.csv")
    code, out, _ = score(
        capsys, str(answers), "--rubric", str(MINI_RUBRIC), "--json", "--consensus", str(consensus)
    )
    result = json.loads(out)
    alfa = result["themes"][0]
    # items: a-v1 2,0; a-v2 2,0; a-b1 agreed 3 -> (2 + 2 + 3) / 3 / 3 = 77,8
    # voorbereiden: mean 3,0 with a-b2 unknown = 1 of 2 (50%, the limit) -> complete -> geborgd
    assert code == 0 and alfa["readiness"] == 77.8 and alfa["phase"] == "geborgd"
    # every theme carries provisional_phases: alfa's voorbereiden is complete with a-b2 unknown
    assert [t["provisional_phases"] for t in result["themes"]] == [["voorbereiden"], []]
    assert (
        "Voorbereiden is voorlopig afgerond: 1 van 2 criteria is nog onbekend."
        in (alfa["explanation"])
    )
    assert result["items"][0] == {
        "id": "a-v1",
        "value": 2.0,
        "n": 2,
        "dk_share": 0.0,
        "range": 2,
        "contested": True,
    }
    assert result["school_phase"] == "verkennen"


def test_the_readable_table_shows_dutch_numbers_and_explanations(tmp_path, capsys):
    answers = write(tmp_path, "respondent,criterion,answer\nr1,a-v1,3\nr2,a-v1,2\n")
    code, out, _ = score(capsys, str(answers), "--rubric", str(MINI_RUBRIC))
    assert code == 0
    assert "Waarom deze fase?" in out and "gemiddeld 2,5 (nodig 2,0)" in out and "83,3" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "respondent,criterion,answer\nr1,a-v1,3\nr1,x-9,2\n",
            ["answers.csv, regel 3: onbekend criterium ‘x-9’."],
        ),
        (
            "respondent,criterion,answer\nr1,a-v1,7\n",
            ["answers.csv, regel 2: ‘7’ is geen geldig antwoord bij a-v1"],
        ),
        (
            "respondent,criterion,answer\nr1,a-v1,na\nr1,a-v2,na\n",
            ["answers.csv, regel 2: ‘n.v.t.’ is bij a-v1 niet toegestaan."],
        ),
        (
            "respondent,answer\nr1,3\n",
            ["answers.csv: de kolom(men) criterion ontbreken in de kopregel."],
        ),
        ("", ["answers.csv: het bestand is leeg."]),
        (
            "respondent,criterion,answer\n",
            ["answers.csv: het bestand heeft een kopregel maar geen antwoorden."],
        ),
        (
            b"respondent,criterion,answer\nr1,a-v1,3,caf\xe9\n",
            ["answers.csv: het bestand is geen UTF-8-tekst."],
        ),
        (
            "respondent,criterion,answer\nr1,a-v1,3\nr1,x,3\nr2,a-v1,9\nr1,a-v1,2\n",
            [
                "regel 3: onbekend criterium",
                "regel 4: ‘9’ is geen geldig antwoord",
                "regel 5: respondent r1 beantwoordde a-v1 al op regel 2",
            ],
        ),
        (
            "respondent,criterion,answer\nr1,a-v1,²\n",
            ["answers.csv, regel 2: ‘²’ is geen geldig antwoord bij a-v1"],
        ),
        (
            "respondent,criterion,answer\nr1,a-v1,٣\n",
            ["answers.csv, regel 2: ‘٣’ is geen geldig antwoord bij a-v1"],
        ),
        (
            'respondent,criterion,answer,note\nr1,a-v1,3,ok\nr1,a-v2,1,"' + "x" * 140_000 + '"\n',
            ["answers.csv, regel 3: dit is geen leesbare CSV"],
        ),
        (
            "respondent,criterion,answer,note\nr1,a-v1,3,a\x00b\nr2,a-v1,3,\u202egnp.exe\n",
            [
                "regel 2, kolom note: bevat een onzichtbaar stuurteken.",
                "regel 3, kolom note: bevat een teken dat de leesrichting omdraait.",
            ],
        ),
        (
            "respondent,criterion,answer,note\nr1,a-v1,3," + "x" * 2001 + "\n",
            ["regel 2, kolom note: te lang (hoogstens 2000 tekens)."],
        ),
        (
            b"respondent,criterion,answer\nr1,a-v1,3,\xed\xa0\x80\n",  # a surrogate, CESU-8
            ["answers.csv: het bestand is geen UTF-8-tekst."],
        ),
    ],
    ids=[
        "unknown criterion",
        "answer 7",
        "na not allowed",
        "missing column",
        "empty",
        "header only",
        "not utf-8",
        "all rows at once",
        "superscript two",
        "Arabic-Indic three",
        "field over 131072 characters",
        "NUL and RTL override",
        "note over 2000",
        "lone surrogate",
    ],
)
def test_bad_input_exits_2_with_a_message_per_row_and_no_result(
    tmp_path, capsys, content, expected
):
    code, out, err = score(
        capsys, str(write(tmp_path, content)), "--rubric", str(MINI_RUBRIC), "--json"
    )
    assert code == 2 and out == ""
    for message in expected:
        assert message in err
    assert "Traceback" not in err


def test_messages_follow_the_language_option(tmp_path, capsys):
    code, _, err = score(
        capsys,
        str(write(tmp_path, "respondent,criterion,answer\nr1,zz,1\n")),
        "--rubric",
        str(MINI_RUBRIC),
        "--lang",
        "en",
    )
    assert code == 2 and "answers.csv, line 2: unknown criterion ‘zz’." in err


def test_a_bad_consensus_file_is_refused_too(tmp_path, capsys):
    answers = write(tmp_path, "respondent,criterion,answer\nr1,a-v1,3\n")
    consensus = write(tmp_path, "criterion,answer\na-v1,dk\na-v1,2\n", "consensus.csv")
    code, out, err = score(
        capsys, str(answers), "--rubric", str(MINI_RUBRIC), "--consensus", str(consensus)
    )
    assert (
        code == 2
        and out == ""
        and "consensus.csv, regel 3: voor a-v1 staat al een afgesproken waarde op regel 2." in err
    )
