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


def project_imports() -> Iterator[tuple[str, int, str]]:
    """(importing file, line, imported file) for every import of a project module."""
    for path in python_files():
        for line, module in imports(path):
            if module.split(".")[0] in ("assessment", "pages"):
                target = module_path(module)
                if target is not None and target != "assessment/__init__.py":
                    yield path.relative_to(ROOT).as_posix(), line, target


def test_every_module_is_in_the_layer_table():
    files = [path.relative_to(ROOT).as_posix() for path in python_files()]
    missing = [path for path in files if path != "assessment/__init__.py" and unit(path) is None]
    assert missing == [], f"add these to the layer table of docs/architecture.md: {missing}"


def test_no_import_goes_to_a_higher_layer():
    table = layer_table()
    upward = [
        f"{source}:{line} (layer {table[unit(source)]}) imports {target} "
        f"(layer {table[unit(target)]})"
        for source, line, target in project_imports()
        if unit(source) and unit(target) and table[unit(source)] < table[unit(target)]
    ]
    assert upward == [], "\n".join(upward)


def test_the_modules_and_packages_of_the_table_import_each_other_in_no_circle():
    edges: dict[str, set[str]] = {}
    for source, _line, target in project_imports():
        if unit(source) and unit(target) and unit(source) != unit(target):
            edges.setdefault(unit(source), set()).add(unit(target))
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
    table = layer_table()
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}"
        for path in python_files()
        for line, module in imports(path)
        if module.split(".")[0] == "streamlit"
        and not (
            table[unit(path.relative_to(ROOT).as_posix())] in STREAMLIT_LAYERS
            and not path.relative_to(ROOT).as_posix().startswith("assessment/cli/")
        )
    ]
    assert found == [], f"streamlit imported below the front ends: {found}"
