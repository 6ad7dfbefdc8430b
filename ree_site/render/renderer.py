"""Render every record and collection index to Markdown with Jinja templates."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

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

from ..data.loading import Entry
from ..data.models import Element, Issue, Producer, Record
from ..data.release import Release
from ..data.text import (
    QUALIFIER_SIGNS,
    SPACE,
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
    COUNTED_STATUSES,
    FOLDERS,
    GROUP_LABELS,
    KIND_LABELS,
    MEASURE_LABELS,
    PARTNER_WORDS,
    PLANT_STATUS_LABELS,
    PROPERTY_LABELS,
    SOURCE_KIND_LABELS,
    STAGE_LABELS,
)
from ..errors import ReeError
from ..link import stats
from ..link.catalog import Catalog, title_of
from ..link.changes import History
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
from .figure_citation import FigureCites
from .lazy import LazyImports
from .references import Citations, linked, split_text
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


class Renderer:
    """Renders pages from a :class:`Catalog`; templates are compiled once per renderer."""

    def __init__(
        self,
        catalog: Catalog,
        override_dir: Path | None = None,
        env: Environment | None = None,
        history: History | None = None,
        *,
        release: Release | None = None,
        site_url: str = "",
    ) -> None:
        self.catalog = catalog
        #: The history of the values, for the "What changed" page and each record's own (none: nothing changed).
        self.history = history if history is not None else History()
        self.release, self.site_url = release, site_url  # what figure citations name (no release: none)
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
            partner_words=PARTNER_WORDS,
            kind_labels=KIND_LABELS,
            category_labels=CATEGORY_LABELS,
            stage_labels=STAGE_LABELS,
            plant_status_labels=PLANT_STATUS_LABELS,
            counted_statuses=COUNTED_STATUSES,
            source_kind_labels=SOURCE_KIND_LABELS,
            group_labels=GROUP_LABELS,
            view_pages=VIEW_PAGES,
            property_labels=PROPERTY_LABELS,
            qualifier_labels=QUALIFIER_SIGNS,
            downloads=DOWNLOADS,
            folders=FOLDERS,
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
                history=self.history,
                views=Views(self.catalog, uri),
                # Makes a table's figure citations (FigureCites), numbered from its argument; none without a release.
                figure_cites=self.release
                and functools.partial(FigureCites, self.catalog, self.release, self.site_url, uri),
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
