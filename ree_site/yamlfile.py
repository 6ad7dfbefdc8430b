"""Read one YAML file safely, keeping the line and column of every key and list item."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError, Problem, format_field

#: libyaml's parser when PyYAML was built with it (much faster), the pure-Python one otherwise.
Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Files larger than this are refused before they are parsed.
MAX_FILE_BYTES = 1_000_000
#: Walking more nodes than this (an alias bomb expands exponentially) is refused.
MAX_NODES = 200_000

Location = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A parsed YAML mapping and the position (line, column; 1-based) of each key and item.

    Positions are only needed to report a problem, so they are worked out from ``text`` on first use.
    """

    path: str
    data: dict[str, Any]
    text: str = ""
    _positions: dict[Location, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[Location, tuple[int, int]]:
        if self._positions is None:
            loader = Loader(self.text)
            try:
                node = loader.get_single_node()
                self._positions = _walk(node, self.path) if node is not None else {}
            finally:
                loader.dispose()
        return self._positions

    def position(self, loc: Location) -> tuple[int, int]:
        """The position of ``loc`` or of its nearest enclosing key, else the top of the file."""
        for end in range(len(loc), 0, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found is not None:
                return found
        return (1, 1)

    def problem(self, loc: Location, field_name: str, message: str) -> Problem:
        line, column = self.position(loc)
        return Problem(self.path, line, column, field_name, message)


def load_yaml(path: Path, display: str) -> YamlDocument:
    """Parse ``path`` (shown as ``display`` in messages) into a :class:`YamlDocument`.

    Raises :class:`DataError` for anything that is not a readable, safe YAML mapping.
    """

    def fail(message: str, line: int = 1, column: int = 1) -> DataError:
        return DataError([Problem(display, line, column, "", message)])

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read file: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail("file is not valid UTF-8 text", line, column) from None
    if not text.strip():
        raise fail("file is empty")

    loader = Loader(text)
    node: Node | None = None
    try:
        node = loader.get_single_node()
        if node is None:
            raise fail("file is empty")
        _check_size(node, display)
        try:
            data = _construct(node)
        except _Unsupported:
            # Merge keys, sets, other tags or a duplicate key: the full walk reports duplicates with
            # their place, then PyYAML's own (safe) constructor builds the rest.
            _walk(node, display)
            data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail(f"YAML syntax error: {message}", line, column) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML error: {exc}") from None
    except (ValueError, OverflowError) as exc:
        # A value that matches a YAML type but cannot be built, such as the date 2026-13-45.
        line, column = _bad_scalar(node) if node is not None else (1, 1)
        raise fail(f"invalid value: {exc}", line, column) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise fail(f"the top level must be a mapping of field names to values, not {kind}")
    return YamlDocument(display, data, text)


class _Unsupported(Exception):  # noqa: N818 - a signal, not an error
    """A node that the fast constructor leaves to PyYAML."""


_PROBE = yaml.SafeLoader("")
_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:int": _PROBE.construct_yaml_int,
    "tag:yaml.org,2002:float": _PROBE.construct_yaml_float,
    "tag:yaml.org,2002:bool": _PROBE.construct_yaml_bool,
    "tag:yaml.org,2002:null": _PROBE.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _PROBE.construct_yaml_timestamp,
}
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _construct(root: Node) -> Any:
    """Build Python values from the node tree in one loop: the same result as PyYAML's safe constructor for
    plain mappings, lists and scalars, about twice as fast. Anything else raises :class:`_Unsupported`."""
    memo: dict[int, Any] = {}
    stack: list[tuple[Node, Any]] = []

    def scalar(node: ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        build = _SCALARS.get(node.tag)
        if build is None:
            raise _Unsupported
        return build(node)

    def value(node: Node) -> Any:
        if isinstance(node, ScalarNode):
            return scalar(node)
        found = memo.get(id(node))
        if found is not None:
            return found
        if isinstance(node, MappingNode) and node.tag == _MAP:
            container: Any = {}
        elif isinstance(node, SequenceNode) and node.tag == _SEQ:
            container = []
        else:
            raise _Unsupported
        memo[id(node)] = container
        stack.append((node, container))
        return container

    result = value(root)
    while stack:
        node, target = stack.pop()
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise _Unsupported
                key = scalar(key_node)
                if key in target:
                    raise _Unsupported  # a duplicate key: reported by the full walk
                target[key] = value(value_node)
        else:
            target.extend(value(item) for item in node.value)
    return result


def _check_size(root: Node, display: str) -> None:
    """Refuse a document whose aliases expand to more than MAX_NODES nodes (an alias bomb), or that refers to
    itself, without expanding it: each distinct node's expanded size is computed once."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            sizes[key] = 1
            continue
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            if sizes[key] > MAX_NODES:
                line, column = node.start_mark.line + 1, node.start_mark.column + 1
                message = f"document expands to more than {MAX_NODES:,} nodes (nested aliases?)"
                raise DataError([Problem(display, line, column, "", message)])
            continue
        if key in open_nodes:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
            raise DataError([Problem(display, line, column, "", "an alias refers to a node that contains it")])
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                line, column = child.start_mark.line + 1, child.start_mark.column + 1
                raise DataError([Problem(display, line, column, "", "an alias refers to a node that contains it")])
            if id(child) not in sizes:
                stack.append((child, False))


def _bad_scalar(root: Node) -> tuple[int, int]:
    """Where the scalar that failed to construct is (dates are the only ones that can fail)."""
    probe = yaml.SafeLoader("")
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                probe.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return node.start_mark.line + 1, node.start_mark.column + 1
        elif isinstance(node, MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return (1, 1)


def _walk(root: Node, display: str) -> dict[Location, tuple[int, int]]:
    """Record positions, refuse duplicate keys and bound the work an alias bomb could cause."""
    positions: dict[Location, tuple[int, int]] = {}
    problems: list[Problem] = []
    stack: list[tuple[Node, Location]] = [(root, ())]
    visited = 0
    while stack:
        node, loc = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
            raise DataError(
                [
                    Problem(
                        display,
                        line,
                        column,
                        "",
                        f"document expands to more than {MAX_NODES:,} nodes (nested aliases?)",
                    )
                ]
            )
        if isinstance(node, MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    problems.append(Problem(display, line, column, "", "a key must be a plain value"))
                    continue
                key = key_node.value
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                if key in seen:
                    field_name = format_field((*loc, key))
                    problems.append(
                        Problem(display, line, column, field_name, f"duplicate key (first set on line {seen[key]})")
                    )
                    continue
                seen[key] = line
                positions[(*loc, key)] = (line, column)
                stack.append((value_node, (*loc, key)))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                positions[(*loc, index)] = (item.start_mark.line + 1, item.start_mark.column + 1)
                stack.append((item, (*loc, index)))
    if problems:
        raise DataError(problems)
    return positions
