"""Reading a rubric's YAML files safely, with the line of every value for ``file:line`` problems.

A rubric directory may come from anyone who can hand an organisation a folder, so a file is read
only when it is a regular file inside the rubric directory (no symlink to ``/dev/zero`` or to a
file elsewhere), at most ``MAX_BYTES`` long, UTF-8, nested at most ``MAX_DEPTH`` levels and
without YAML aliases: ``*name`` repeats a node, and a few lines of aliases of aliases (an "alias
bomb") expand to billions of values. The shipped rubric uses none of these.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 20

PathInFile = tuple[Any, ...]


@dataclass
class Document:
    file: str
    data: Any
    lines: dict[PathInFile, int]

    def line(self, path: PathInFile) -> int:
        """The line of ``path`` or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def where(self, path: PathInFile) -> str:
        return f"{self.file}:{self.line(path)}"


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases and deep nesting while it composes."""

    # PyYAML's stubs leave compose_node and peek_event unannotated.
    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            raise _refused(NO_ALIASES, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _refused(TOO_DEEP, self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml parses ten times faster than PyYAML's Python parser. Its composer cannot be hooked, so
# the same checks run first over the event stream (which stops at the first alias or level too
# deep, before anything is composed).
_CLoader: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
NO_ALIASES = "YAML aliases (*name) are not allowed in a rubric"
TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"


def _refused(problem: str, mark: object) -> yaml.composer.ComposerError:
    # libyaml's events carry a yaml._yaml.Mark, which the stubs do not count as a yaml.Mark
    # (it has the same line and column).
    return yaml.composer.ComposerError(None, None, problem, cast(yaml.Mark, mark))


def _check_events(loader: type[yaml.CSafeLoader], text: str) -> None:
    """The alias and depth checks of ``_NoAliasLoader``, over libyaml's events."""
    parser = loader(text)
    try:
        depth = 0
        while (event := parser.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                raise _refused(NO_ALIASES, event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refused(TOO_DEEP, event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.StreamEndEvent):
                break
    finally:
        parser.dispose()


def read_yaml(path: Path, root: Path, shown_as: str, problems: list[str]) -> Document | None:
    """The document in ``path`` (a file inside ``root``), or None with the problem recorded."""
    text = _read_text(path, root, shown_as, problems)
    if text is None:
        return None
    loader = _NoAliasLoader(text) if _CLoader is None else _CLoader(text)
    try:
        if _CLoader is not None:
            _check_events(_CLoader, text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problems.append(f"{shown_as}:{line}: YAML syntax error: {error.problem or error}")
        return None
    except yaml.YAMLError as error:
        problems.append(f"{shown_as}:1: YAML error: {error}")
        return None
    finally:
        loader.dispose()
    document = Document(shown_as, data, {})
    if node is not None:
        _record_lines(node, (), document, problems)
    return document


def _read_text(path: Path, root: Path, shown_as: str, problems: list[str]) -> str | None:
    try:
        resolved = path.resolve(strict=True)
        inside = resolved.is_relative_to(root.resolve(strict=True))
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        problems.append(f"{shown_as}:1: file not found")
        return None
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop
        problems.append(f"{shown_as}:1: cannot read the file ({error})")
        return None
    if not inside:
        problems.append(f"{shown_as}:1: the file lies outside the rubric directory")
        return None
    if not stat.S_ISREG(mode):
        problems.append(f"{shown_as}:1: not a regular file")
        return None
    try:
        with resolved.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        problems.append(f"{shown_as}:1: cannot read the file ({error.strerror})")
        return None
    if len(raw) > MAX_BYTES:
        problems.append(f"{shown_as}:1: file is larger than {MAX_BYTES:,} bytes")
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{shown_as}:1: file is not UTF-8 text")
        return None


def _record_lines(
    node: yaml.Node, path: PathInFile, document: Document, problems: list[str]
) -> None:
    document.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(
                    f"{document.file}:{key_node.start_mark.line + 1}: duplicate key '{key}'"
                )
            seen.add(key)
            _record_lines(value_node, (*path, key), document, problems)
            document.lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), document, problems)
