"""Odd rubric files: each refused as a ``file:line`` problem, never read whole.

An alias bomb once took all memory, a theme file linked to ``/dev/zero`` never ended, and a theme
id ``../x`` read a YAML file outside the rubric directory.
"""

from __future__ import annotations

import os

import pytest

from assessment import rubric_files
from assessment.rubric import RubricError, load_rubric
from tests.helpers import MINI_RUBRIC, copy_rubric, line_of

FRAME = "rubric.yaml"
BOMB = """
sources:
  bron: {text: "Een bron", url: "https://example.org"}
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def yaml_parser(request, monkeypatch):
    """Every check holds with libyaml (used where installed) and with PyYAML's own parser."""
    if request.param == "python":
        monkeypatch.setattr(rubric_files, "_CLoader", None)
    elif rubric_files._CLoader is None:
        pytest.skip("PyYAML is built without libyaml here")


def problems_of(directory) -> list[str]:
    with pytest.raises(RubricError) as error:
        load_rubric(directory)
    return error.value.problems


def test_an_alias_bomb_is_refused_at_its_first_alias(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    frame = copy / FRAME
    frame.write_text(frame.read_text(encoding="utf-8") + BOMB, encoding="utf-8")
    [problem] = problems_of(copy)
    assert problem == (
        f"{frame}:{line_of(frame, 'b: &b')}: YAML syntax error: "
        "YAML aliases (*name) are not allowed in a rubric"
    )


def test_a_theme_file_linked_to_dev_zero_is_not_read(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    theme = copy / "themes" / "beta.yaml"
    theme.unlink()
    os.symlink("/dev/zero", theme)
    assert f"{theme}:1: the file lies outside the rubric directory" in problems_of(copy)


def test_a_theme_file_linked_to_a_file_elsewhere_is_not_read(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    elsewhere = tmp_path / "elders.yaml"
    theme = copy / "themes" / "beta.yaml"
    theme.rename(elsewhere)
    os.symlink(elsewhere, theme)
    assert f"{theme}:1: the file lies outside the rubric directory" in problems_of(copy)


def test_a_theme_id_that_is_a_path_is_refused_before_any_file_is_opened(tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\n", encoding="utf-8")  # what ../x would reach
    copy = copy_rubric(
        MINI_RUBRIC,
        tmp_path / "r",
        {FRAME: ('themes: ["alfa", "beta"]', 'themes: ["alfa", "../x"]')},
    )
    problems = problems_of(copy)
    line = line_of(copy / FRAME, "themes:")
    assert problems == [
        f"{copy / FRAME}:{line}: themes.1: String should match pattern '^[a-z0-9_-]+$'"
    ]


def test_a_file_over_one_megabyte_is_not_parsed(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    theme = copy / "themes" / "beta.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "#" * 1_000_000 + "\n", encoding="utf-8")
    assert f"{theme}:1: file is larger than 1,000,000 bytes" in problems_of(copy)


def test_deep_nesting_is_refused_with_its_line(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    theme = copy / "themes" / "beta.yaml"
    theme.write_text("x: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    [problem] = problems_of(copy)
    assert problem == f"{theme}:1: YAML syntax error: nested deeper than 20 levels"


def test_the_shipped_rubric_still_loads():
    assert load_rubric().id == "tso"


def test_a_rubric_is_read_again_only_when_a_file_changed(tmp_path):
    copy = copy_rubric(MINI_RUBRIC, tmp_path / "r")
    first = load_rubric(copy)
    assert load_rubric(copy) is first
    frame = copy / FRAME
    frame.write_text(frame.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    again = load_rubric(copy)
    assert again is not first
    assert again.content_hash != first.content_hash
