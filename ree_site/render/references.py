"""The numbered references of a page, and the free text that cites them: ``[@source-id]`` markers become numbered
citations, ``[[link folder/id]]`` markers links to records (:class:`Citations`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.fields import TEXT_MARKER
from ..data.text import PERCENT_SIGN, SPACE, escape_chars, md_escape, titled
from ..data.vocabulary import KIND_OF_FOLDER
from ..link.catalog import title_of
from ..link.pages import record_uri, relative_link
from .search import NOT_SEARCHED

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Record, Source
    from ..link.catalog import Catalog


def _citation_mark(number: int) -> Markup:
    # Not searched: the index's text, and so a result's excerpt, would read "capacity[1]".
    return Markup(f'<sup class="ree-cite" {NOT_SEARCHED}><a href="#ref-{number}">[{number}]</a></sup>')


class Citations:
    """Numbers the sources cited on one page in order of first citation."""

    def __init__(self, catalog: Catalog, page_uri: str) -> None:
        self._catalog = catalog
        self._page_uri = page_uri
        self._order: list[str] = []
        self._numbers: dict[str, int] = {}

    def cite(self, source_id: str) -> Markup:
        """A numbered superscript link to the page's reference list."""
        return _citation_mark(self._number(source_id))

    def _number(self, source_id: str) -> int:
        number = self._numbers.get(source_id)
        if number is None:
            self._order.append(source_id)
            number = self._numbers[source_id] = len(self._order)
        return number

    def text(self, value: str) -> Markup:
        """Free text as one run of words: ``[@source-id]`` markers become numbered citations, ``[[link
        issues/id]]`` a link to the record under its title, and ``62%`` the site's ``62 %``."""
        out = Markup("")
        for kind, part in split_text(value):
            if kind == "cite":
                out += self.cite(part)
            elif kind == "link":
                entry = linked(self._catalog, part)
                target = relative_link(self._page_uri, record_uri(entry.kind, entry.id))
                out += Markup(f"[{md_escape(title_of(entry))}]({target})")
            else:
                out += escape_chars(part)
        return Markup(out.strip())

    def paragraphs(self, value: str, indent: str = "") -> Markup:
        """Free text whose blank lines separate paragraphs, each as :meth:`text` gives it (``indent`` prefixes the
        paragraphs after the first, for a block such as an admonition)."""
        parts = [self.text(p) for p in PARAGRAPH_BREAK.split(value.strip()) if p.strip()]
        return Markup(f"\n\n{indent}").join(parts)

    def cites(self, source_ids: list[str]) -> Markup:
        """Several citations at one place, in the order of their numbers: [1][2][5], never [5][1][2]."""
        return Markup("").join(_citation_mark(n) for n in sorted({self._number(s) for s in source_ids}))

    def add(self, source_ids: list[str]) -> str:
        """Add sources that are not cited inline (a record's further reading); renders as nothing."""
        for source_id in source_ids:
            self._number(source_id)
        return ""

    def entries(self) -> list[tuple[int, Entry[Record]]]:
        return [(n, self._catalog.get("source", s)) for n, s in enumerate(self._order, start=1)]

    def markdown_list(self) -> Markup:
        """The numbered reference list (written in Python: it is on every page, and Jinja macros are slow)."""
        lines = []
        for n, entry in self.entries():
            source = cast("Source", entry.record)
            target = relative_link(self._page_uri, record_uri("source", entry.id))
            lines.append(
                f'{n}. <span id="ref-{n}"></span>{md_escape(source.publisher)} ({source.year or "n.d."}). '
                f'<a href="{escape_chars(source.url)}">{titled(source.title)}</a>. [About this source]({target})'
            )
        return Markup("\n".join(lines))


#: A blank line in free text: a new paragraph where the text stands as a block (summaries, status notes).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def linked(catalog: Catalog, link: str) -> Entry[Record]:
    """The record a ``[[link folder/id]]`` marker names (``link`` is "folder/id")."""
    folder, record_id = link.split("/", 1)
    return catalog.get(KIND_OF_FOLDER[folder], record_id)


def split_text(value: str) -> list[tuple[str, str]]:
    """Free text as (kind, part) pieces: ("cite", source id), ("link", "issues/id") or ("text", words), with the
    words' whitespace collapsed and a marker hugging the word before it ("magnets[1]")."""
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in TEXT_MARKER.finditer(value):
        pieces.append(("text", value[position : match.start()]))
        if match.group("cite"):
            pieces.append(("cite", match.group("cite")))
        else:
            pieces.append(("link", match.group("link")))
        position = match.end()
    pieces.append(("text", value[position:]))
    found = []
    for index, (kind, part) in enumerate(pieces):
        if kind == "text":
            words = PERCENT_SIGN.sub(" %", SPACE.sub(" ", part))
            nxt = pieces[index + 1][0] if index + 1 < len(pieces) else None
            found.append((kind, words.rstrip() if nxt == "cite" else words))
        else:
            found.append((kind, part))
    return found


__all__ = ["PARAGRAPH_BREAK", "Citations", "linked", "split_text"]
