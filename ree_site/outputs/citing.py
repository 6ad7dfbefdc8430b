"""Every page's citation, for every engine: the "Cite this page" block appended to its Markdown and what its
``<head>`` carries (``citation_*`` tags and JSON-LD) as page meta.

The ``ree`` plugin calls :meth:`Citing.page` on each page MkDocs reads (and puts the head in ``page.meta``);
``ree-site generate`` calls it on each page of the tree (and writes the head into the page's front matter, which
Zensical reads into ``page.meta`` the same way). One rule, two callers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import slugify  # type: ignore[import-untyped]

from ..data.vocabulary import KIND_OF_FOLDER
from ..link.pages import PAGED_KINDS, VIEW_PAGES, page_url
from ..render.citations import cited
from ..render.jsonld import Described, page_jsonld
from ..render.page_citation import HEAD_KEY, citation_block, head_meta
from ..render.search import ARTICLES

if TYPE_CHECKING:
    from ..data.articles import Article
    from ..data.release import Release
    from ..link.catalog import Catalog

#: The CSL type of each role of page.
CSL_TYPES = {
    "record": "entry-encyclopedia",
    "view": "dataset",
    "downloads": "dataset",
    "article": "post-weblog",
    "index": "webpage",
    "home": "webpage",
    "page": "webpage",
}

_HEADING = re.compile(r"(?m)^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*#*[ \t]*$")
_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def page_title(markdown: str, meta: Mapping[str, Any], fallback: str) -> str:
    """The title a page shows: its front matter's ``title``, else its first level-1 heading, else ``fallback``."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return _plain(title)
    found = _HEADING.search(markdown)
    return _plain(found[1]) if found else fallback


def _plain(text: str) -> str:
    text = _MARKUP.sub(lambda m: m[1] or "", text)
    for entity, char in (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'")):
        text = text.replace(entity, char)
    return " ".join(text.split())


@dataclass
class Citing:
    """What every page's citation needs: the release, the site's address, the records and the downloads."""

    release: Release
    #: The site's address with its final slash, or "" when the build names none (citations then give the path).
    site_url: str
    catalog: Catalog | None = None
    downloads: Sequence[str] = ()
    articles: Sequence[Article] = ()
    _dates: dict[str, dt.date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.site_url = self.site_url.rstrip("/") + "/" if self.site_url else ""
        self._dates = {article.uri: article.date for article in self.articles}

    @property
    def base(self) -> str:
        return self.site_url or "/"

    def url(self, uri: str) -> str:
        return self.base + page_url(uri)

    @staticmethod
    def role(uri: str) -> str:
        """What the page at ``uri`` is: a key of :data:`CSL_TYPES`."""
        special = {"index.md": "home", VIEW_PAGES["downloads"]: "downloads"}
        folder, _, name = uri.partition("/")
        if uri in special:
            role = special[uri]
        elif uri in VIEW_PAGES.values():
            role = "view"
        elif uri.startswith(ARTICLES):
            role = "article"
        elif folder in KIND_OF_FOLDER and name == "index.md":
            role = "index"
        elif folder in KIND_OF_FOLDER and KIND_OF_FOLDER[folder] in PAGED_KINDS and "/" not in name:
            role = "record"
        else:
            role = "page"
        return role

    def article_url(self, uri: str, title: str, meta: Mapping[str, Any]) -> str:
        """Where Material's blog publishes a post with its default ``post_url_format`` (``{date}/{slug}``): the
        blog's folder, the post's date as ``yyyy/MM/dd``, and its ``slug`` or its title made a slug."""
        date = self._dates.get(uri)
        blog = uri[: -len(ARTICLES)] if uri.endswith(ARTICLES) else uri.split("/posts/", 1)[0] + "/"
        slug = meta.get("slug") if isinstance(meta.get("slug"), str) else slugify(title, "-")
        return f"{blog}{date:%Y/%m/%d}/{slug}/" if date else page_url(uri)

    def page(
        self, uri: str, markdown: str, meta: Mapping[str, Any], fallback_title: str = "", url: str | None = None
    ) -> tuple[str, dict[str, Any]]:
        """The page's Markdown with its citation block appended, and its head (the value of ``meta[HEAD_KEY]``).
        ``url`` is the page's address under the site when the engine knows it (the plugin does: a blog post's is
        not its file's)."""
        role = self.role(uri)
        title = page_title(markdown, meta, fallback_title or self.release.title)
        if role == "home":
            title = self.release.title
        entry = None
        if role == "record" and self.catalog is not None:
            folder, _, name = uri.partition("/")
            entry = self.catalog.entries.get((KIND_OF_FOLDER[folder], name.removesuffix(".md")))
            role = role if entry is not None else "page"
        published = self._dates.get(uri) if role == "article" else None
        if url is not None:
            url = self.base + url.lstrip("/")
        elif role == "article":
            url = self.base + self.article_url(uri, title, meta)
        else:
            url = self.url(uri)
        key = "ree-" + (url.removeprefix(self.base).strip("/").replace("/", "-") or "home")
        page = cited(self.release, title, url, CSL_TYPES[role], key=key, issued=published)
        description = meta.get("description")
        described = Described(role, title, url, description if isinstance(description, str) else "", published, entry)
        jsonld = page_jsonld(self.release, described, self.base, self.catalog, self.downloads)
        head = head_meta(self.release, page, url if self.site_url else "", jsonld)
        return f"{markdown.rstrip()}\n\n{citation_block(self.release, page)}\n", head


def with_head(front: str, head: Mapping[str, Any]) -> str:
    """Front matter as written (``---`` lines included, or "") with the head as one more key, in one line of JSON
    (valid YAML)."""
    line = f"{HEAD_KEY}: {json.dumps(head, ensure_ascii=False)}\n"
    if not front:
        return f"---\n{line}---\n\n"
    closing = front.rstrip("\n").rfind("\n")
    return front[: closing + 1] + line + front[closing + 1 :]


__all__ = ["CSL_TYPES", "Citing", "page_title", "with_head"]
