"""Render every record and collection index to Markdown with Jinja templates."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from markupsafe import Markup

from ..data.fields import TEXT_MARKER
from ..data.loading import Entry
from ..data.models import Element, Issue, Producer, Record, Source
from ..data.text import (
    PERCENT_SIGN,
    QUALIFIER_SIGNS,
    SPACE,
    escape_chars,
    figure_value,
    finalize,
    html_title,
    join,
    long_date,
    md_escape,
    note_mark,
    number,
    partial_date,
    percent,
    titled,
)
from ..data.tracking import recording
from ..data.vocabulary import (
    CATEGORY_LABELS,
    FOLDERS,
    GROUP_LABELS,
    KIND_LABELS,
    KIND_OF_FOLDER,
    MEASURE_LABELS,
    PROPERTY_LABELS,
    SOURCE_KIND_LABELS,
    STAGE_LABELS,
)
from ..errors import ReeError
from ..link import stats
from ..link.catalog import Catalog, title_of
from ..link.pages import (
    COLLECTION_TITLES,
    PAGED_KINDS,
    VIEW_PAGES,
    index_uri,
    record_uri,
    relative_link,
    relative_url,
)
from ..link.tables import DOWNLOADS
from .lazy import LazyImports
from .search import INDEX_SEARCH, record_search, view_search
from .views import Views


@dataclass(frozen=True)
class RenderedPage:
    """A generated Markdown page and the data file it came from (for the edit link)."""

    uri: str
    markdown: str
    source_path: Path | None
    title: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The page as MkDocs reads it: YAML front matter (tags, search, description), then Markdown."""
        if not self.meta:
            return self.markdown
        # One line of JSON is valid YAML, and much faster to write than YAML's emitter.
        front = json.dumps(self.meta, ensure_ascii=False, sort_keys=True)
        return f"---\n{front}\n---\n\n{self.markdown}"


def _citation_mark(number: int) -> Markup:
    return Markup(f'<sup class="ree-cite"><a href="#ref-{number}">[{number}]</a></sup>')


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


class Renderer:
    """Renders pages from a :class:`Catalog`; templates are compiled once per renderer."""

    def __init__(self, catalog: Catalog, override_dir: Path | None = None, env: Environment | None = None) -> None:
        self.catalog = catalog
        #: Compiled templates are kept by the environment: an incremental rebuild passes the last one in.
        self.env = env if env is not None else self.environment(override_dir)

    @staticmethod
    def environment(override_dir: Path | None) -> Environment:
        """The Jinja environment of the templates, the overrides in ``override_dir`` first."""
        loaders: list[Any] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(FileSystemLoader(override_dir))
        loaders.append(PackageLoader("ree_site", "templates"))
        env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            finalize=finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.template_class = LazyImports
        env.filters["join"] = join
        env.filters["number"] = number
        env.filters["percent"] = percent
        env.filters["long_date"] = long_date
        env.filters["title"] = title_of
        env.filters["label"] = lambda key, labels: labels[key]
        env.filters["value"] = figure_value
        env.filters["configuration"] = configuration
        env.filters["titled"] = titled
        env.filters["partial_date"] = partial_date
        # A count in prose: 2 -> "two"; above ten in digits.
        env.filters["spelled"] = lambda n: _WORDS[n] if 0 <= n < len(_WORDS) else number(n)
        env.globals.update(
            note_mark=note_mark,
            note_anchor="note",
            stats=stats,
            measure_labels=MEASURE_LABELS,
            kind_labels=KIND_LABELS,
            category_labels=CATEGORY_LABELS,
            stage_labels=STAGE_LABELS,
            source_kind_labels=SOURCE_KIND_LABELS,
            group_labels=GROUP_LABELS,
            view_pages=VIEW_PAGES,
            property_labels=PROPERTY_LABELS,
            qualifier_labels=QUALIFIER_SIGNS,
            downloads=DOWNLOADS,
        )
        return env

    def render_all(self) -> list[RenderedPage]:
        """Every record page, every collection index page and the view pages."""
        return [render() for _, render in self.plan()]

    def plan(self) -> list[tuple[str, Callable[[], RenderedPage]]]:
        """Every page to generate, in order: its path and how to render it (:meth:`render_all` renders them all,
        an incremental render only those whose records changed)."""
        pages: list[tuple[str, Callable[[], RenderedPage]]] = [
            (record_uri(e.kind, e.id), functools.partial(self.render_record, e))
            for e in self.catalog.entries.values()
            if e.kind in PAGED_KINDS
        ]
        pages.extend((index_uri(kind), functools.partial(self.render_index, kind)) for kind in FOLDERS)
        pages.extend((uri, functools.partial(self.render_view, name)) for name, uri in VIEW_PAGES.items())
        return pages

    def render_record(self, entry: Entry[Record]) -> RenderedPage:
        uri = record_uri(entry.kind, entry.id)
        context = {"entry": entry, "record": entry.record}
        markdown = self._render(f"{entry.kind}.md.j2", uri, context)
        return RenderedPage(uri, markdown, entry.path, title_of(entry), record_meta(entry, self.catalog))

    def render_index(self, kind: str) -> RenderedPage:
        uri = index_uri(kind)
        context = {"kind": kind, "title": COLLECTION_TITLES[kind]}
        markdown = self._render(f"{FOLDERS[kind]}_index.md.j2", uri, context)
        # The sources index holds a section per source: a table of contents that long helps no one.
        meta: dict[str, Any] = {"search": dict(INDEX_SEARCH)}
        if kind not in PAGED_KINDS:
            meta["hide"] = ["toc"]
        return RenderedPage(uri, markdown, None, COLLECTION_TITLES[kind], meta)

    def render_view(self, name: str) -> RenderedPage:
        uri = VIEW_PAGES[name]
        markdown = self._render(f"{name}.md.j2", uri, {})
        title = markdown.split("\n", 1)[0].removeprefix("# ").strip()
        return RenderedPage(uri, markdown, None, title, {"search": view_search(name)})

    def _render(self, template_name: str, uri: str, context: dict[str, Any]) -> str:
        try:
            template = self.env.get_template(template_name)
            return template.render(
                catalog=self.catalog,
                link=self._linker(uri),
                link_uri=lambda to_uri: relative_link(uri, to_uri),
                url=lambda to_uri: relative_url(uri, to_uri),
                page_uri=uri,
                record_page=lambda entry: record_uri(entry.kind, entry.id),
                refs=Citations(self.catalog, uri),
                views=Views(self.catalog, uri),
                **context,
            )
        except TemplateSyntaxError as exc:
            where = f"{exc.filename or template_name}:{exc.lineno}"
            raise TemplateRenderError(f"{where}: template syntax error: {exc.message}") from None
        except TemplateError as exc:
            raise TemplateRenderError(f"template {template_name}: {exc} (while rendering {uri})") from None
        except Exception as exc:  # a template's own bug (a bad filter argument) is an error, not a traceback
            raise TemplateRenderError(
                f"template {template_name}: {type(exc).__name__}: {exc} (while rendering {uri})"
            ) from None

    def _linker(self, page_uri: str) -> Callable[..., Markup]:
        titles = self._titles

        def link(entry: Entry[Record], text: str | None = None) -> Markup:
            target = relative_link(page_uri, record_uri(entry.kind, entry.id))
            label = titles[(entry.kind, entry.id)] if text is None else md_escape(text)
            return Markup(f"[{label}]({target})")

        return link

    @cached_property
    def _titles(self) -> dict[tuple[str, str], Markup]:
        """Every record's title, escaped once. Not counted as reading the records: a changed title makes an
        incremental render complete (see :mod:`ree_site.build.incremental`)."""
        with recording():
            return {key: md_escape(title_of(entry)) for key, entry in self.catalog.entries.items()}


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def configuration(value: str) -> Markup:
    """``[Xe] 4f10 6s2`` -> ``[Xe] 4f¹⁰ 6s²`` (an orbital without a count holds one electron)."""
    parts = value.split(" ")
    shells = [parts[0]] + [p[:2] + (p[2:] or "1").translate(_SUPERSCRIPTS) for p in parts[1:]]
    return md_escape(" ".join(shells))


def record_meta(entry: Entry[Record], catalog: Catalog) -> dict[str, Any]:
    """Front matter of a record page: tags for Material's tags plugin, what the search files it under, a
    description."""
    record = entry.record
    tags: list[str]
    if isinstance(record, Element):
        group = {"light": "Light REE", "heavy": "Heavy REE", "none": "Scandium"}[record.group.value]
        tags = ["Element", group]
    elif isinstance(record, Producer):
        tags = [KIND_LABELS[record.kind]]
    elif isinstance(record, Issue):
        tags = ["Issue", CATEGORY_LABELS[record.category]]
    else:
        tags = ["Source"]
    # The theme prints the title and description without escaping them: they are escaped here.
    meta: dict[str, Any] = {"title": html_title(title_of(entry)), "tags": tags, "search": record_search(record)}
    summary = getattr(record, "summary", None)
    if summary:
        meta["description"] = html_title(plain_summary(summary, catalog))
    return meta


def plain_summary(text: str, catalog: Catalog, limit: int = 200) -> str:
    """The first sentence or so of ``text`` for meta descriptions: citations left out, a record link as the
    record's title."""
    words = []
    for kind, part in split_text(text):
        if kind == "link":
            words.append(title_of(linked(catalog, part)))
        elif kind == "text":
            words.append(part)
    plain = SPACE.sub(" ", "".join(words)).strip()
    if len(plain) <= limit:
        return plain
    cut = plain[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


class TemplateRenderError(ReeError):
    """A template failed to render (a missing field, a syntax error in an override)."""
