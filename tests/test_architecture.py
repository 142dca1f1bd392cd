"""The layers of docs/architecture.md hold in the code: every module is in the table, no import
(at the top of a file or inside a function) goes to a higher layer, the modules and packages of
the table import each other in no circle, and only the top two layers import streamlit."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"
LAYER_ROW = re.compile(r"^\| (\d+) [^|]+\| ([^|]+) \|", re.M)
STREAMLIT_LAYERS = {8, 9}  # the front ends (only assessment/ui/ of them) and the entry points


@cache
def layer_table() -> dict[str, int]:
    """Each path of the table (``assessment/rubric.py``, ``assessment/store/``) -> its layer."""
    table = {}
    for number, modules in LAYER_ROW.findall(ARCHITECTURE.read_text(encoding="utf-8")):
        for path in re.findall(r"`([^`]+)`", modules):
            table[path] = int(number)
    assert table, "docs/architecture.md has no layer table"
    return table


def python_files() -> list[Path]:
    files = [ROOT / "app.py", ROOT / "server.py", *(ROOT / "pages").glob("*.py")]
    files += (ROOT / "assessment").rglob("*.py")
    return sorted(path for path in files if "__pycache__" not in path.parts)


def unit(path: str) -> str | None:
    """The entry of the layer table that ``path`` (a file, relative to the root) belongs to."""
    table = layer_table()
    if path in table:
        return path
    folders = [entry for entry in table if entry.endswith("/") and path.startswith(entry)]
    return max(folders, key=len) if folders else None


@cache
def module_path(module: str) -> str | None:
    """``assessment.store.saving`` -> ``assessment/store/saving.py`` (or a package's
    ``__init__.py``); None for a module outside the project."""
    base = ROOT / Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.relative_to(ROOT).as_posix()
    return None


@cache
def imports(path: Path) -> tuple[tuple[int, str], ...]:
    """(line, module) of every import in ``path`` outside ``if TYPE_CHECKING:``; for ``from a
    import b`` the module ``a.b`` when it is one, else ``a``."""
    return tuple(_imports(path))


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for node in ast.walk(branch)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                yield node.lineno, inner if module_path(inner) else node.module


def project_imports() -> Iterator[tuple[str, int, str, str, str]]:
    """(importing file, line, imported file, the table entry of each) for every import of a
    project module by a module the table places."""
    for path in python_files():
        source = path.relative_to(ROOT).as_posix()
        for line, module in imports(path):
            if module.split(".")[0] not in ("assessment", "pages"):
                continue
            target = module_path(module)
            if target is None or target == "assessment/__init__.py":
                continue
            source_unit, target_unit = unit(source), unit(target)
            if source_unit is not None and target_unit is not None:
                yield source, line, target, source_unit, target_unit


def layer(path: str) -> int:
    """The layer of a file; 0 for one the table does not place (a test below says so)."""
    entry = unit(path)
    return layer_table()[entry] if entry is not None else 0


def test_every_module_is_in_the_layer_table():
    files = [path.relative_to(ROOT).as_posix() for path in python_files()]
    missing = [path for path in files if path != "assessment/__init__.py" and unit(path) is None]
    assert missing == [], f"add these to the layer table of docs/architecture.md: {missing}"


def test_no_import_goes_to_a_higher_layer():
    upward = [
        f"{source}:{line} (layer {layer(source)}) imports {target} (layer {layer(target)})"
        for source, line, target, _source_unit, _target_unit in project_imports()
        if layer(source) < layer(target)
    ]
    assert upward == [], "\n".join(upward)


def test_the_modules_and_packages_of_the_table_import_each_other_in_no_circle():
    edges: dict[str, set[str]] = {}
    for _source, _line, _target, source_unit, target_unit in project_imports():
        if source_unit != target_unit:
            edges.setdefault(source_unit, set()).add(target_unit)
    done: set[str] = set()

    def circle_from(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for target in sorted(edges.get(node, ())):
            found = circle_from(target, [*path, node])
            if found:
                return found
        done.add(node)
        return None

    circles = [c for start in sorted(edges) if (c := circle_from(start, []))]
    assert circles == [], " -> ".join(circles[0])


def test_only_the_front_ends_and_entry_points_import_streamlit():
    found = [
        f"{source}:{line}"
        for source in (path.relative_to(ROOT).as_posix() for path in python_files())
        for line, module in imports(ROOT / source)
        if module.split(".")[0] == "streamlit"
        and (layer(source) not in STREAMLIT_LAYERS or source.startswith("assessment/cli/"))
    ]
    assert found == [], f"streamlit imported below the front ends: {found}"
