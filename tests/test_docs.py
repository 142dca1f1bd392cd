"""The repository stands on its own: it cites its own docs/ and README, never a document outside
it nor an issue number; every doc it cites exists and names files that exist; the worked examples
of docs/scoring.md are what the code computes; the glossary covers every page and locale file;
and the README's layout lists every module."""

from __future__ import annotations

import doctest
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessment.rubric import Rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".cfg", ".mako", ".sh"}
SCRIPT_FOLDERS = ("scripts", ".ci")  # shell scripts without a suffix
SKIPPED_FOLDERS = {".git", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".venv"}
SKIPPED_FOLDERS |= {"node_modules", "data"}  # data/: the app's databases (tests/data is read)
# Each pattern is written so that it does not match itself.
CITATIONS = {
    "a design document outside the repository": re.compile(r"\bDESIG[N]\b|\u00a7|\.\./share[d]\b"),
    "an issue or pull request": re.compile(
        r"\b[Ii]ssues?[ ]?#?[0-9]|\bfinding[ ][0-9]|\b(?:PR|pull request|[Ff]ixes|[Cc]loses)[ ]#[0-9]"
    ),
}
# Written on a branch of its own at the same time; once merged, the test below says to empty this.
NOT_YET_MERGED: set[str] = set()


def repository_texts() -> Iterator[Path]:
    for folder, subfolders, files in os.walk(ROOT):
        here = Path(folder)
        subfolders[:] = [
            name
            for name in subfolders
            if name not in SKIPPED_FOLDERS or (name == "data" and here.name == "tests")
        ]
        for name in files:
            path = here / name
            script = path.suffix == "" and here.relative_to(ROOT).as_posix() in SCRIPT_FOLDERS
            if path.suffix in TEXT_SUFFIXES or script:
                yield path


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def exists(path: str) -> bool:
    return path in NOT_YET_MERGED or (ROOT / path).exists()


def test_nothing_cites_a_document_outside_the_repository_or_an_issue():
    found = [
        f"{relative(path)}:{number}: {what}: {line.strip()}"
        for path in repository_texts()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for what, pattern in CITATIONS.items()
        if pattern.search(line)
    ]
    assert found == [], "cite docs/ or the README instead:\n" + "\n".join(found)


def test_every_doc_the_repository_cites_exists():
    cited = {
        (relative(path), doc)
        for path in repository_texts()
        for doc in re.findall(r"\bdocs/[\w-]+\.md\b", path.read_text(encoding="utf-8"))
    }
    cited |= {  # links between the docs: [scoring.md](scoring.md)
        (relative(path), f"docs/{doc}")
        for path in DOCS.glob("*.md")
        for doc in re.findall(r"\]\(([\w-]+\.md)(?:#[\w-]*)?\)", path.read_text(encoding="utf-8"))
    }
    missing = sorted(f"{source} cites {doc}" for source, doc in cited if not exists(doc))
    assert missing == []


def test_every_file_a_doc_names_exists():
    named = re.compile(
        r"`((?:assessment|pages|tests|bench|scripts|rubrics|docs)/[^`\s<>]*|app\.py|server\.py)`"
    )
    missing = [
        f"{relative(doc)} names {path}"
        for doc in DOCS.glob("*.md")
        for path in named.findall(doc.read_text(encoding="utf-8"))
        if not (list(ROOT.glob(path)) if "*" in path else exists(path))
    ]
    assert missing == []


def test_nothing_waits_for_a_merge_that_happened():
    merged = sorted(path for path in NOT_YET_MERGED if (ROOT / path).exists())
    assert merged == [], f"these exist now: remove them from NOT_YET_MERGED in {__file__}"


def test_the_worked_examples_of_the_scoring_doc_are_what_the_code_computes():
    failures, tried = doctest.testfile(
        str(DOCS / "scoring.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 0
    assert failures == 0, "docs/scoring.md no longer says what the code computes (see above)"


@pytest.mark.parametrize("rule", sorted(Rules.model_fields))
def test_every_rule_of_the_rubric_is_explained_in_the_scoring_doc(rule):
    assert f"| `{rule}` |" in (DOCS / "scoring.md").read_text(encoding="utf-8")


def test_the_glossary_names_every_page_and_every_locale_file():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    pages = [path.stem for path in (ROOT / "pages").glob("*.py")]
    locale_files = {
        path.name
        for language in ("nl", "en")
        for path in (ROOT / "assessment" / "locales" / language).glob("*.yaml")
    }
    missing = [f"page {page}" for page in pages if f"| `{page}` |" not in glossary]
    missing += [
        f"locale file {name}" for name in sorted(locale_files) if f"`{name}`" not in glossary
    ]
    named = set(re.findall(r"`(\w+\.yaml)`", glossary))
    missing += [f"no locale file {name}" for name in sorted(named - locale_files)]
    assert missing == []


def layout_paths() -> set[str]:
    """The paths of the README's layout block: a line ``  name   what it holds`` under a folder
    line ``folder/`` names ``folder/name``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Layout\n.*?^```\n(.*?)^```", readme, re.M | re.S)
    assert block, "README.md has no layout block under '## Layout'"
    paths: set[str] = set()
    parents: list[tuple[int, str]] = []  # (indent, folder)
    for line in block.group(1).splitlines():
        name = line.strip().split("  ")[0].strip()
        if not name:
            continue
        indent = len(line) - len(line.lstrip())
        parents = [(depth, folder) for depth, folder in parents if depth < indent]
        path = "".join(folder for _depth, folder in parents) + name
        paths.add(path)
        if name.endswith("/"):
            parents.append((indent, name))
    return paths


def test_the_readme_layout_lists_every_module():
    modules = [
        path
        for path in (ROOT / "assessment").iterdir()
        if path.name not in ("__init__.py", "__pycache__")
        and (path.suffix == ".py" or path.is_dir())
    ]
    modules += (ROOT / "pages").glob("*.py")
    modules += (ROOT / "bench").glob("*.py")
    modules += (path for path in (ROOT / "scripts").iterdir() if path.is_file())
    modules += DOCS.glob("*.md")
    expected = {relative(path) + ("/" if path.is_dir() else "") for path in modules}
    expected.discard("bench/__init__.py")
    listed = layout_paths()
    assert sorted(expected - listed) == [], "add these to the README's layout"
    gone = sorted(path for path in listed - expected if not exists(path))
    assert gone == [], "the README's layout lists what is no longer there"
