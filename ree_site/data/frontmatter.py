"""The YAML front matter of a Markdown page, read as strictly as the records, with the page's own line numbers.

MkDocs reads front matter with PyYAML's YAML 1.1 loader and, when it fails (a syntax error, a date not on the
calendar, a top level that is not a mapping) or is never closed, publishes the block as text without a word.
Here the same block is read with the project's strict reader (:func:`~ree_site.data.yamlfile.parse_yaml`), and
also as MkDocs will read it, so that every value MkDocs would fail to construct is a problem at its place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import DataError, Problem, format_field
from .yamlfile import Location, YamlDocument, parse_yaml

#: MkDocs' own rule for front matter (mkdocs.utils.meta.YAML_RE): ``---`` on the first line, closed by a line
#: ``---`` or ``...``. Text that does not match is no front matter to MkDocs.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*(?:\n|\Z)")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: Front matter keys whose text a page shows outside its body, where directives are not expanded.
SHOWN_AS_WRITTEN = ("title", "description")

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class FrontMatter:
    """A page's front matter (empty when it has none) and the Markdown after it."""

    data: dict[str, Any]
    body: str
    #: The line of the page on which ``body`` starts.
    body_line: int = 1
    document: YamlDocument | None = None
    #: The values MkDocs' YAML 1.1 loader reads as dates or times, by location (as it constructs them).
    dates: dict[Location, dt.date] = field(default_factory=dict)

    def problem(self, loc: Location, message: str) -> Problem:
        """A problem at the key (or item) ``loc`` of the front matter."""
        assert self.document is not None
        return self.document.problem(loc, format_field(loc), message)

    def written(self, loc: Location) -> str | None:
        """The scalar at ``loc`` as written, for messages."""
        return self.document.written(loc) if self.document is not None else None


def split_front_matter(text: str) -> tuple[str, str]:
    """The front matter block as written (with its ``---`` lines; "" when there is none) and the Markdown after it,
    by MkDocs' rule."""
    found = FRONT_MATTER.match(text)
    return (text[: found.end()], text[found.end() :]) if found else ("", text)


def read_front_matter(text: str, display: str) -> FrontMatter:
    """The front matter of the page ``text`` (shown as ``display``). Raises :class:`DataError` for front matter
    that MkDocs would publish as text: never closed, not valid YAML, not a mapping, or holding a date that is not
    on the calendar; and for what the project's YAML reader refuses in data files (duplicate keys, tags)."""
    found = FRONT_MATTER.match(text)
    if found is None:
        if _OPENING.match(text):
            second = text.split("\n", 2)[1] if text.count("\n") >= 1 else ""
            if re.fullmatch(r"(?:-{3}|\.{3})[ \t]*", second):
                message = "the front matter is empty: remove its two '---' lines (MkDocs would show them as rules)"
            else:
                message = (
                    "the front matter opened by '---' here is never closed: end it with a line '---' (MkDocs would "
                    "publish it as text)"
                )
            raise DataError([Problem(display, 1, 1, "", message)])
        return FrontMatter({}, text)
    block = found.group(1)
    body_line = found.group(0).count("\n") + 1
    try:
        document = parse_yaml(block, display, what="front matter", first_line=2)
    except DataError as exc:
        raise DataError([_hint(problem) for problem in exc.problems]) from None
    front = FrontMatter(document.data, text[found.end() :], body_line, document)
    front.dates = _dates(document, display)
    return front


def _hint(problem: Problem) -> Problem:
    """A colon and a space inside an unquoted title or description is YAML's most common surprise: say so."""
    if "mapping values are not allowed" not in problem.message:
        return problem
    return replace(problem, message=f"{problem.message} (text with ': ' in it must be put in quotes)")


def _dates(document: YamlDocument, display: str) -> dict[Location, dt.date]:
    """What MkDocs' YAML 1.1 loader makes a date or time of (plain scalars such as ``2026-11-27``), by location;
    a :class:`DataError` for each it cannot construct (``2026-02-30``: MkDocs would drop the whole front matter)."""
    root = yaml.compose(document.text, Loader=_SafeLoader)
    found: dict[Location, dt.date] = {}
    problems: list[Problem] = []
    stack: list[tuple[Node, Location]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:  # an alias: its node was walked where it was defined
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            stack.extend((value, (*loc, str(key.value))) for key, value in node.value)
        elif isinstance(node, SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in enumerate(node.value))
        elif isinstance(node, ScalarNode) and node.tag == _TIMESTAMP:
            try:
                found[loc] = yaml.load(node.value, Loader=_SafeLoader)  # noqa: S506 (a safe loader)
            except ValueError:
                line, column = node.start_mark.line + 1, node.start_mark.column + 1
                message = f"{node.value} is not a date on the calendar"
                problems.append(Problem(display, line, column, format_field(loc), message))
    if problems:
        raise DataError(problems)
    return found


def text_problems(front: FrontMatter) -> list[Problem]:
    """Titles and descriptions that hold ``[[...]]``: they are shown as written (in the page's head, the lists of
    articles, the search results), so a directive there would be printed, not expanded."""
    problems = []
    for key in SHOWN_AS_WRITTEN:
        value = front.data.get(key)
        if isinstance(value, str) and "[[" in value:
            message = "directives are expanded in the page body only: write the text itself here"
            problems.append(front.problem((key,), message))
    return problems


__all__ = ["FRONT_MATTER", "FrontMatter", "read_front_matter", "split_front_matter", "text_problems"]
