"""Read one YAML file safely, keeping the line and column of every key and list item."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.composer
import yaml.parser
import yaml.reader
import yaml.resolver
import yaml.scanner
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import DataError, Problem, format_field

#: The tags YAML 1.2's core schema gives plain scalars, and the one this loader adds for numbers it refuses.
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_NULL, _BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
_NON_DECIMAL = "tag:ree-site,2026:non-decimal"


class CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2's core schema, not PyYAML's YAML 1.1 one.

    Only ``true``/``false`` are booleans (``yes``, ``no``, ``on``, ``off``, ``NO`` are text), only
    ``null``/``~``/empty is null, numbers are decimal (``4:30`` and ``1_000`` are text, not 270 and 1000),
    and nothing becomes a date: dates are text that the models check against the calendar. This is how the
    editors' YAML tooling reads the files too, so the editor and the build see the same values.
    """


for _tag, _pattern, _first in [
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (_INT, r"^[-+]?[0-9]+$", list("-+0123456789")),
    (_FLOAT, r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
             r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
    (_NON_DECIMAL, r"^(?:0o[0-7]+|0x[0-9a-fA-F]+)$", ["0"]),
]:  # fmt: skip
    CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), _first)


#: libyaml's parser, when PyYAML was built with it.
_CParser: Any = getattr(yaml, "cyaml", None) and getattr(yaml.cyaml, "CParser", None)

if _CParser is not None:

    class Loader(_CParser, CoreResolver):  # type: ignore[misc]
        """libyaml's parser and composer (much faster than PyYAML's own), with the core-schema resolver."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml

    class Loader(  # type: ignore[no-redef]
        yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, CoreResolver
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            CoreResolver.__init__(self)


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
    _written: dict[Location, str] = field(default_factory=dict, repr=False)

    @property
    def positions(self) -> dict[Location, tuple[int, int]]:
        if self._positions is None:
            loader = Loader(self.text)
            try:
                node = loader.get_single_node()
                self._positions = _walk(node, self.path, self._written) if node is not None else {}
            finally:
                loader.dispose()
        return self._positions

    def written(self, loc: Location) -> str | None:
        """The scalar at ``loc`` exactly as the file writes it (``4:30``, ``NO``), for messages; None if none."""
        _ = self.positions
        return self._written.get(tuple(loc))

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
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, *, what: str = "file", first_line: int = 1) -> YamlDocument:
    """Parse ``text`` (the whole of ``display``, or the part of it from ``first_line``, such as a page's front
    matter, which ``what`` names in messages) into a :class:`YamlDocument` whose positions are the file's.

    Raises :class:`DataError` for anything that is not a safe YAML mapping.
    """
    # Blank lines in front keep every line number (of a problem, and of each key) the file's own.
    text = "\n" * (first_line - 1) + text

    def fail(message: str, line: int = first_line, column: int = 1) -> DataError:
        return DataError([Problem(display, line, column, "", message)])

    empty = "file is empty" if what == "file" else f"the {what} is empty"
    if not text.strip():
        raise fail(empty)

    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise fail(empty)
        # Only an alias can make a document expand, and an alias needs an anchor (``&name``): without one, the
        # document is a tree, and counting its nodes is enough (the full check then finds the same problem).
        if "&" in text or _count_nodes(node) > MAX_NODES:
            _check_size(node, display)
        data = _construct(node, display)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        line, column = (mark.line + 1, mark.column + 1) if mark else (first_line, 1)
        raise fail(f"YAML syntax error: {message}", line, column) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        if what == "file":
            raise fail(f"the top level must be a mapping of field names to values, not {kind}")
        raise fail(f"the {what} must be a mapping of keys to values, not {kind}")
    return YamlDocument(display, data, text)


_DECIMAL_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_BOOLEANS = {"true": True, "false": False}


def _scalar(node: ScalarNode) -> Any:
    """The value of a plain scalar under the core schema; raises ValueError (a message) for what is refused."""
    tag, text = node.tag, node.value
    if tag == _STR:
        return text
    if tag == _INT and _DECIMAL_INT.match(text):
        return int(text)
    if tag == _FLOAT and _DECIMAL_FLOAT.match(text):
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(f"numbers must be finite: {text} is too large to be a number")
        return number
    if tag == _FLOAT and text.lstrip("+-").lower() in {".inf", ".nan"}:
        raise ValueError(f"numbers must be finite: {text} is not accepted")
    if tag == _BOOL and text.lower() in _BOOLEANS:
        return _BOOLEANS[text.lower()]
    if tag == _NULL and text in {"", "~", "null", "Null", "NULL"}:
        return None
    if tag in {_NON_DECIMAL, _INT, _FLOAT}:
        raise ValueError(f"write numbers in decimal digits: {text} is not accepted (put it in quotes for text)")
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    raise ValueError(f"the YAML tag {shown} is not used in this data: write a plain value (got {text!r})")


def _construct(root: Node, display: str) -> Any:
    """Build Python values from the node tree in one loop: mappings, lists and core-schema scalars only.

    Every refused scalar (a non-decimal or non-finite number, an explicit tag) and every duplicate key is
    collected, and all are raised together as one :class:`DataError`.
    """
    memo: dict[int, Any] = {}
    stack: list[tuple[Node, Any, Location]] = []
    problems: list[Problem] = []
    duplicate = False

    def refuse(node: Node, loc: Location, message: str) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        problems.append(Problem(display, line, column, format_field(loc), message))

    def value(node: Node, loc: Location) -> Any:
        if isinstance(node, ScalarNode):
            try:
                return _scalar(node)
            except ValueError as exc:
                refuse(node, loc, str(exc))
                return None
        found = memo.get(id(node))
        if found is not None:
            return found
        if isinstance(node, MappingNode) and node.tag == _MAP:
            container: Any = {}
        elif isinstance(node, SequenceNode) and node.tag == _SEQ:
            container = []
        else:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")
            refuse(node, loc, f"the YAML tag {shown} is not used in this data: write a plain mapping or list")
            return None
        memo[id(node)] = container
        stack.append((node, container, loc))
        return container

    result = value(root, ())
    while stack:
        node, target, where = stack.pop()
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    refuse(key_node, where, "a key must be a plain value")
                    continue
                key = key_node.value if key_node.tag == _STR else value(key_node, where)
                if key in target:
                    duplicate = True  # reported with its place by the full walk
                    continue
                target[key] = value(value_node, (*where, str(key)))
        else:
            target.extend(value(item, (*where, index)) for index, item in enumerate(node.value))
    if duplicate:
        _walk(root, display, {})
    if problems:
        raise DataError(problems)
    return result


def _count_nodes(root: Node) -> int:
    """The number of nodes of a document without aliases (a tree): every subtree's size is at most this."""
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, MappingNode):
            for pair in node.value:
                stack.extend(pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return count


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


def _walk(root: Node, display: str, written: dict[Location, str]) -> dict[Location, tuple[int, int]]:
    """Record positions (and into ``written``, each scalar as written), refuse duplicate keys and bound the work
    an alias bomb could cause."""
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
        elif isinstance(node, ScalarNode):
            written[loc] = node.value
    if problems:
        raise DataError(problems)
    return positions
