"""The lock files match the requirements (README, "Dependencies").

``requirements.lock`` and ``requirements-dev.lock`` pin every package with its hashes; ``scripts/lock``
writes them from ``requirements.txt`` and ``requirements-dev.txt``. These checks run offline: each
requirement line is met by its pin, each lock holds exactly the packages its requirements need (read
from the installed packages' metadata, which are the locked versions once ``scripts/test`` installed
them), and every pin carries hashes and no source other than the package index.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.helpers import ROOT

LOCKS = {"requirements.txt": "requirements.lock", "requirements-dev.txt": "requirements-dev.lock"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
UPDATE = "run scripts/lock and commit the lock files"


def requirements(name: str) -> list[Requirement]:
    """The requirement lines of a requirements file, those of files it includes (-r) first."""
    found = []
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found += requirements(line.removeprefix("-r ").strip())
        elif line:
            found.append(Requirement(line))
    return found


def pins(lock: str) -> dict[str, tuple[str, list[str]]]:
    """Package (canonical name) -> (version, its hashes) of a lock file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / lock).read_text().splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            entries[current] = (match[2], [])
        if current is not None:
            entries[current][1].extend(HASH.findall(line))
    return entries


def needed(top: list[Requirement]) -> set[str]:
    """Every package the requirements need on this machine, through the installed metadata:
    (package, extra) pairs are followed, the base package being the extra ""."""
    todo = [
        (canonicalize_name(requirement.name), extra)
        for requirement in top
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""})
        for extra in {"", *requirement.extras}
    ]
    seen: set[tuple[str, str]] = set()
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        if not _installed(name):  # reported by the other tests
            continue
        for line in metadata.distribution(name).requires or []:
            dependency = Requirement(line)
            if dependency.marker is None or dependency.marker.evaluate({"extra": extra}):
                todo += [(canonicalize_name(dependency.name), e) for e in {"", *dependency.extras}]
    return {name for name, _extra in seen}


@pytest.mark.parametrize("source", LOCKS)
def test_every_requirement_is_pinned_to_a_version_it_allows(source):
    locked = pins(LOCKS[source])
    for requirement in requirements(source):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement} is not in {LOCKS[source]}: {UPDATE}"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{LOCKS[source]} pins {name}=={version}, which {requirement} does not allow: {UPDATE}"
        )


def test_the_installed_packages_are_the_locked_versions():
    wrong = {
        name: (version, metadata.version(name) if _installed(name) else None)
        for name, (version, _hashes) in pins("requirements-dev.lock").items()
        if not _installed(name) or metadata.version(name) != version
    }
    assert not wrong, (
        f"installed (locked, found): {wrong}; "
        "install with: pip install --require-hashes -r requirements-dev.lock"
    )


@pytest.mark.parametrize("source", LOCKS)
def test_each_lock_holds_exactly_what_its_requirements_need(source):
    locked = set(pins(LOCKS[source]))
    wanted = needed(requirements(source))
    assert wanted - locked == set(), f"missing from {LOCKS[source]}: {UPDATE}"
    assert locked - wanted == set(), f"not needed any more in {LOCKS[source]}: {UPDATE}"


@pytest.mark.parametrize("lock", LOCKS.values())
def test_every_pin_has_hashes_and_the_lock_names_no_other_source(lock):
    text = (ROOT / lock).read_text()
    assert all(hashes for _version, hashes in pins(lock).values())
    options = [line for line in text.splitlines() if line.startswith("-")]
    assert options == [], f"{lock} names a source of its own: {options}"
    assert "file:" not in text and "/opt/" not in text


def test_the_runtime_and_dev_locks_name_the_same_versions():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: runtime[name][0] for name in runtime} == {
        name: dev[name][0] for name in runtime if name in dev
    }


def test_the_scripts_install_from_the_locks():
    assert "--require-hashes -r requirements-dev.lock" in (ROOT / "scripts/test").read_text()
    assert "--require-hashes -r requirements.lock" in (ROOT / "scripts/run").read_text()


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True
