"""Render every record and collection index to Markdown with Jinja templates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
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

from .catalog import Catalog, title_of
from .loading import Entry
from .models import CITATION, FOLDERS, Record
from .pages import COLLECTION_TITLES, index_uri, record_uri, relative_link

#: Characters that Markdown, its extensions or HTML would interpret; data text shows them literally.
_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&|~^=$\"']")
_SPACE = re.compile(r"\s+")


def md_escape(text: str) -> Markup:
    """Escape ``text`` for HTML and Markdown alike: the result reads as plain text on the page."""
    return _escape_chars(_SPACE.sub(" ", text).strip())


def _escape_chars(text: str) -> Markup:
    return Markup(_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text))


def _finalize(value: Any) -> Any:
    """Applied to every ``{{ ... }}`` output: data text can never become markup or a template."""
    if isinstance(value, (Markup, int | float)):
        return value
    return md_escape(str(value))


def join(items: Any, separator: str = "") -> Markup:
    """Like Jinja's ``join``, but each plain-text item is escaped for Markdown too, not only for HTML."""
    return _escape_chars(separator).join(item if isinstance(item, Markup) else md_escape(str(item)) for item in items)


def number(value: float | None) -> str:
    """``270000.0`` -> ``270,000``; keeps decimals that are there (``0.5``); ``None`` -> ``n/a``."""
    if value is None:
        return "n/a"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def long_date(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class RenderedPage:
    """A generated Markdown page and the data file it came from (for the edit link)."""

    uri: str
    markdown: str
    source_path: Path | None
    title: str


class Citations:
    """Numbers the sources cited on one page in order of first citation."""

    def __init__(self, catalog: Catalog, page_uri: str) -> None:
        self._catalog = catalog
        self._page_uri = page_uri
        self._order: list[str] = []

    def cite(self, source_id: str) -> Markup:
        """A numbered superscript link to the page's reference list."""
        number = self._number(source_id)
        return Markup(f'<sup class="ree-cite"><a href="#ref-{number}">[{number}]</a></sup>')

    def _number(self, source_id: str) -> int:
        if source_id not in self._order:
            self._order.append(source_id)
        return self._order.index(source_id) + 1

    def text(self, value: str) -> Markup:
        """Free text with its ``[@source-id]`` markers turned into numbered citations."""
        parts = CITATION.split(value)
        out = Markup("")
        for index, part in enumerate(parts):
            if index % 2:
                out += self.cite(part)
            else:
                words = _SPACE.sub(" ", part)
                # "magnets [@usgs]" reads "magnets[1]": the marker hugs the word it supports.
                out += _escape_chars(words.rstrip() if index + 1 < len(parts) else words)
        return Markup(out.strip())

    def add(self, source_ids: list[str]) -> str:
        """Add sources that are not cited inline (a record's further reading); renders as nothing."""
        for source_id in source_ids:
            self._number(source_id)
        return ""

    def entries(self) -> list[tuple[int, Entry[Record]]]:
        return [(n, self._catalog.get("source", s)) for n, s in enumerate(self._order, start=1)]


class Renderer:
    """Renders pages from a :class:`Catalog`; templates are compiled once per renderer."""

    def __init__(self, catalog: Catalog, override_dir: Path | None = None) -> None:
        self.catalog = catalog
        loaders: list[Any] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(FileSystemLoader(override_dir))
        loaders.append(PackageLoader("ree_site", "templates"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["join"] = join
        self.env.filters["number"] = number
        self.env.filters["long_date"] = long_date
        self.env.filters["title"] = title_of

    def render_all(self) -> list[RenderedPage]:
        """Every record page and every collection index page."""
        pages = [self.render_record(entry) for entry in self.catalog.entries.values()]
        pages.extend(self.render_index(kind) for kind in FOLDERS)
        return pages

    def render_record(self, entry: Entry[Record]) -> RenderedPage:
        uri = record_uri(entry.kind, entry.id)
        context = {"entry": entry, "record": entry.record, "refs": Citations(self.catalog, uri)}
        markdown = self._render(f"{entry.kind}.md.j2", uri, context)
        return RenderedPage(uri, markdown, entry.path, title_of(entry))

    def render_index(self, kind: str) -> RenderedPage:
        uri = index_uri(kind)
        context = {"kind": kind, "title": COLLECTION_TITLES[kind]}
        markdown = self._render(f"{FOLDERS[kind]}_index.md.j2", uri, context)
        return RenderedPage(uri, markdown, None, COLLECTION_TITLES[kind])

    def _render(self, template_name: str, uri: str, context: dict[str, Any]) -> str:
        try:
            template = self.env.get_template(template_name)
            return template.render(catalog=self.catalog, link=self._linker(uri), page_uri=uri, **context)
        except TemplateSyntaxError as exc:
            where = f"{exc.filename or template_name}:{exc.lineno}"
            raise TemplateRenderError(f"{where}: template syntax error: {exc.message}") from None
        except TemplateError as exc:
            raise TemplateRenderError(f"template {template_name}: {exc} (while rendering {uri})") from None

    def _linker(self, page_uri: str) -> Callable[..., Markup]:
        def link(entry: Entry[Record], text: str | None = None) -> Markup:
            target = relative_link(page_uri, record_uri(entry.kind, entry.id))
            label = md_escape(text if text is not None else title_of(entry))
            return Markup(f"[{label}]({target})")

        return link


class TemplateRenderError(Exception):
    """A template failed to render (a missing field, a syntax error in an override)."""
