"""Where the ``ree`` plugin reaches into MkDocs and Material beyond their plugin API: every such place is here.

MkDocs is pinned below 2 and Material below 10 (requirements.lock); each touch point below is what the public
API does not offer, and each is covered by a test that builds or serves a real site.

1. ``File.__class__`` is swapped for :class:`Tracked` (identity kept: other plugins hold the files), so that a
   dirty build's ``is_modified()`` answers from content (the planner) rather than modification times.
2. ``page.title`` and ``page.meta`` are written behind MkDocs' cached properties for the pages a dirty build does
   not read again, so that the navigation and the tags page still show them (:meth:`DirtyBuild.restore`).
3. ``item.__dict__`` is read for a navigation page's title without triggering its cached property
   (:func:`nav_signature`), which would read a page the dirty build did not read again.
4. Material's ``search_index.entries`` is sliced after each page to annotate that page's entries
   (:func:`new_search_entries`), and under ``--dirty`` the written ``search_index.json`` is rewritten from every
   page's entries by text (:func:`ree_site.search.with_docs`), because Material merges correctly only one page.
5. MkDocs' "A 'dirty' build is being performed" warning is filtered by its text (:func:`quiet_dirty_warning`):
   the plugin rebuilds every page that warning is about.
6. Material's search plugin config is given an ``aliases`` field (:func:`find_search`): its index has no field
   for other names.
7. ``config.site_dir`` is pointed at a staging folder for the build and restored after (see
   :mod:`ree_site.staging`); a log handler on the ``mkdocs`` logger counts warnings to predict ``--strict``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.structure.files import File
from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import get_data

from .planner import FIRST, PageState, Plan, Planner
from .search import ALIAS_BOOST, with_docs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = logging.getLogger("mkdocs.plugins.ree_site.plugin")
#: The plugin that generated a file, as MkDocs records it.
GENERATOR = "ree"


class Tracked(File):
    """A file whose ``is_modified()`` (which a dirty build asks of every file) the dirty build answers."""

    dirty: DirtyBuild | None = None

    def is_modified(self) -> bool:
        return self.dirty.is_modified(self) if self.dirty is not None else super().is_modified()


class DirtyBuild:
    """Applies the :class:`~ree_site.planner.Planner`'s plans to MkDocs' files and pages, build after build."""

    def __init__(self) -> None:
        self.planner = Planner()
        self.current: Plan = FIRST
        self.writing = False
        self.tracked: list[Tracked] = []
        #: Page path -> (title, metadata) after the last build that read it.
        self.state: dict[str, tuple[str | None, dict[str, Any]]] = {}
        #: Page path -> its search index entries from the last build that built it.
        self.search: dict[str, list[dict[str, Any]]] = {}
        self.outputs: set[str] = set()
        self._expanded: dict[str, str] = {}

    def is_modified(self, file: File) -> bool:
        return self.current.writes(file.src_uri) if self.writing else self.current.reads(file.src_uri)

    def track(self, files: Files, expanded: dict[str, str]) -> None:
        """Give every page and every generated file the class that asks this object (touch point 1)."""
        self.tracked = []
        self.writing = False
        for file in files:
            if file.is_documentation_page() or file.generated_by == GENERATOR:
                if not isinstance(file, Tracked):
                    file.__class__ = Tracked
                tracked = cast("Tracked", file)
                tracked.dirty = self
                self.tracked.append(tracked)
        self._expanded = expanded

    def plan(self, nav: Navigation, titles: dict[str, Any], settings: tuple[Any, ...]) -> None:
        """Plan this build once the navigation is final."""
        pages = [self._state(file, titles) for file in self.tracked]
        files = sorted((f.src_uri, f.dest_uri, f.inclusion.name) for f in self.tracked)
        self.current = self.planner.plan(pages, (settings, nav_signature(nav.items), files))

    def _state(self, file: File, titles: dict[str, Any]) -> PageState:
        if file.generated_by == GENERATOR:
            # A page or download the plugin made, in memory: its text says whether it changed.
            key = hashlib.blake2b(file.content_bytes, digest_size=16).hexdigest()
            return PageState(file.src_uri, key, titles.get(file.src_uri))
        content = file.content_bytes
        digest = hashlib.blake2b(content, digest_size=16)
        digest.update(self._expanded.get(file.src_uri, "").encode("utf-8"))
        if not file.is_documentation_page():
            return PageState(file.src_uri, digest.hexdigest())
        head = titles.get(file.src_uri) or _head(content)
        return PageState(file.src_uri, digest.hexdigest(), head, b"<!-- material/tags" in content)

    def forget(self) -> None:
        self.planner.forget()

    def restore(self, files: Files) -> None:
        """Before the pages are written: the title and metadata of each page not read again (touch point 2)."""
        self.writing = True
        if self.current.complete:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is not None and not self.current.reads(file.src_uri) and file.src_uri in self.state:
                page.title, page.meta = self.state[file.src_uri][0], dict(self.state[file.src_uri][1])

    def finish(self, files: Files, site_dir: Path, searched: bool) -> None:
        """After the build: remember what the pages read, write the whole search index (touch point 4), remove
        the outputs of pages that are gone."""
        order = []
        for file in files.documentation_pages():
            page = file.page
            order.append(file.src_uri)
            if page is not None and self.current.reads(file.src_uri):
                self.state[file.src_uri] = (page.title, dict(page.meta))
        index = site_dir / "search" / "search_index.json"
        if searched and index.exists() and not self.current.complete:
            docs = [doc for uri in order for doc in self.search.get(uri, [])]
            index.write_text(with_docs(index.read_text(encoding="utf-8"), docs), encoding="utf-8")
        outputs = {file.abs_dest_path for file in self.tracked}
        for stale in self.outputs - outputs:
            Path(stale).unlink(missing_ok=True)  # a page or download removed since the last build
        self.outputs = outputs
        complete = self.current.complete
        built = len(self.tracked) if complete else len(self.current.write)
        why = f" ({complete})" if complete else ""
        log.info(f"Dirty build: {built} of {len(self.tracked)} pages and downloads written again{why}")


def _head(content: bytes) -> tuple[Any, Any]:
    """A page's title and tags as MkDocs will find them: front matter first, else the first heading."""
    body, meta = get_data(content.decode("utf-8-sig", errors="replace"))
    return (meta.get("title") or get_markdown_title(body), repr(meta.get("tags")))


def nav_signature(items: list[Any]) -> list[Any]:
    """The navigation as every page's sidebar and footer show it (touch point 3)."""
    found: list[Any] = []
    for item in items:
        if item.is_page:
            found.append(("page", item.file.src_uri, item.__dict__.get("title")))
        elif item.is_section:
            found.append(("section", item.title, nav_signature(item.children)))
        else:
            found.append(("link", item.title, item.url))
    return found


def find_search(config: MkDocsConfig) -> Any:
    """Material's search plugin, declared the ``aliases`` field the plugin fills (touch point 6)."""
    for plugin in config.plugins.values():
        fields = getattr(getattr(plugin, "config", None), "fields", None)
        if hasattr(plugin, "search_index") and isinstance(fields, dict):
            fields.setdefault("aliases", {"boost": ALIAS_BOOST})
            return plugin
    return None


class SearchEntries:
    """The entries Material's search plugin added since the last call (touch point 4)."""

    def __init__(self, plugin: Any) -> None:
        self.plugin = plugin
        self.seen = 0

    def new(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self.plugin.search_index.entries
        mine = entries[self.seen :]
        self.seen = len(entries)
        return mine


def quiet_dirty_warning() -> None:
    """Silence MkDocs' warning at every dirty build (touch point 5): the plugin rebuilds every page it is about."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _dirty_warning not in logger.filters:
        logger.addFilter(_dirty_warning)


def _dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


__all__ = ["DirtyBuild", "SearchEntries", "Tracked", "find_search", "nav_signature", "quiet_dirty_warning"]
