"""Load, link and render again only what an edit changed: the core's half of an incremental rebuild.

A :class:`Session` lives as long as ``mkdocs serve``. Each :meth:`Session.update` reads again only the data files
whose modification time, size or inode changed, links the whole catalog again (cheap, and it is what checks the
references), and renders again only the pages that read a record the edit changed.

Which records a page read is recorded while it renders (:func:`ree_site.data.loading.recording`): every access to an
entry's ``record`` counts, a listed collection counts as reading all of its kind, and a result cached on the
catalog (:meth:`Catalog.memo`) counts as reading what making it read. An edit changes:

- the edited records, when their validated values differ (a comment or a reordered key changes nothing);
- the lists of linked records (backlinks among them) of every record a link was added to or dropped from.

Anything that every page may show makes the render complete again: a changed title (links everywhere carry
titles) or a changed template. A record added or removed renders again the pages that list its kind or its
links. ``tests/test_incremental.py`` checks, edit after edit,
that the pages are exactly those of a complete render.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..data.loading import Entry, LoadCache, load_records
from ..data.models import Record
from ..data.release import Release
from ..data.tracking import Key, recording
from ..link.catalog import Catalog, link_kind, links_key, title_of
from ..link.changes import History
from ..render.renderer import RenderedPage, Renderer


@dataclass
class Rebuild:
    """What one :meth:`Session.update` did."""

    catalog: Catalog
    pages: list[RenderedPage]
    #: Pages rendered anew (the others were kept from the last update).
    rendered: set[str] = field(default_factory=set)
    #: Why every page was rendered, or "" when only some were.
    complete: str = ""


class Session:
    """The last update's files, catalog and pages, and the records each page read."""

    def __init__(self, data_dir: Path, root: Path | None, templates_dir: Path | None, *, remember: bool = True) -> None:
        #: False for a one-off build: nothing is recorded or kept, and every update renders every page.
        self.remember = remember
        self.data_dir = data_dir
        self.root = root
        self.templates_dir = templates_dir
        #: The site's name, set on every catalog the session builds (charts carry it in their drawing).
        self.site = ""
        self._files: LoadCache = {}
        self._catalog: Catalog | None = None
        self._templates: tuple[tuple[str, int, int], ...] | None = None
        self._pages: dict[str, tuple[RenderedPage, frozenset[Key]]] = {}
        self._env: Environment | None = None
        self._history: History | None = None
        #: The release and site address the last pages cite (a change renders every page again).
        self._citing: tuple[Release | None, str] = (None, "")

    def update(self, history: History | None = None, release: Release | None = None, site_url: str = "") -> Rebuild:
        """The catalog and pages for the files as they are now, with the history of the values (from the
        repository: it changes with a commit), the figures citing ``release`` published at ``site_url``. Raises
        :class:`DataError` (the session keeps its last good state) or :class:`TemplateRenderError`."""
        gc.unfreeze()  # what the last update set aside may be garbage by now
        if not self.remember:
            catalog = Catalog.build(load_records(self.data_dir, self.root))
            catalog.site = self.site
            _set_aside()
            every = Renderer(
                catalog, self.templates_dir, history=history, release=release, site_url=site_url
            ).render_all()
            return Rebuild(catalog, every, {page.uri for page in every}, "a one-off build")
        catalog = Catalog.build(load_records(self.data_dir, self.root, cache=self._files))
        catalog.site = self.site
        _set_aside()
        templates = folder_signature(self.templates_dir)
        why = self._why_complete(catalog, templates) or (
            "the release changed" if (release, site_url) != self._citing and self._catalog is not None else ""
        )
        if not why and history is not self._history:
            why = "the history of the values changed"  # a commit: record pages show their history
        self._history, self._citing = history, (release, site_url)
        changed = _changed(self._catalog, catalog) if not why and self._catalog is not None else set()
        stale = changed | {("*", kind) for kind, _ in changed if not kind.startswith("links:")}
        if why or self._env is None:
            self._env = Renderer.environment(self.templates_dir)
        renderer = Renderer(catalog, self.templates_dir, self._env, history, release=release, site_url=site_url)
        pages: dict[str, tuple[RenderedPage, frozenset[Key]]] = {}
        rendered: set[str] = set()
        for uri, render in renderer.plan():
            kept = self._pages.get(uri)
            if not why and kept is not None and not (kept[1] & stale):
                pages[uri] = kept
                continue
            with recording() as reads:
                page = render()
            pages[uri] = (page, frozenset(reads))
            rendered.add(uri)
        self._catalog, self._templates, self._pages = catalog, templates, pages
        return Rebuild(catalog, [page for page, _ in pages.values()], rendered, why)

    def _why_complete(self, catalog: Catalog, templates: tuple[tuple[str, int, int], ...]) -> str:
        before = self._catalog
        if before is None:
            return "first build"
        if templates != self._templates:
            return "a template changed"
        if catalog.site != before.site:
            return "the site's name changed"
        for key, entry in catalog.entries.items():
            old = before.entries.get(key)
            if old is not None and entry is not old and title_of(entry) != title_of(old):
                return f"the title of {key[0]} {key[1]!r} changed"
        return ""


def _set_aside() -> None:
    """Take the records just loaded (and all that is older) out of the cyclic garbage collector's sight until the
    next update. They live as long as the pages made from them, and rendering makes many short-lived objects: each
    full collection would otherwise walk every record again (about a tenth of the render's time at 5,000
    records). Frozen objects are still freed as soon as nothing refers to them."""
    gc.freeze()


def _changed(before: Catalog, after: Catalog) -> set[Key]:
    """The records whose values differ, and the link lists that a link added or dropped by the edit changed. A
    record added or removed counts as changed, with every link it makes: the pages that list its kind, that list
    its links, or that read it render again (a new title reaches no other page)."""
    changed: set[Key] = set()
    for key in before.entries.keys() ^ after.entries.keys():
        entry = after.entries.get(key) or before.entries[key]
        changed |= {key, links_key(*key), *(links_key(kind, target) for _, kind, target in _targets(entry))}
    for key, entry in after.entries.items():
        old = before.entries.get(key)
        if old is None or entry is old or entry.record == old.record:
            continue
        changed.add(key)
        moved = _targets(old) ^ _targets(entry)
        if moved:
            # Links added or dropped: the lists of linked records change on both sides.
            changed.add(links_key(*key))
            changed.update(links_key(kind, target) for _, kind, target in moved)
    return changed


def _targets(entry: Entry[Record]) -> set[tuple[str, str, str]]:
    """Every record ``entry`` refers to, with how it links them (a move from one list to another counts)."""
    return {(link_kind(loc, kind), kind, target) for loc, kind, target in entry.record.references()}


def folder_signature(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folder`` with its modification time and size: a template edit changes it."""
    if folder is None or not folder.is_dir():
        return ()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((os.fspath(path.relative_to(folder)), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


__all__ = ["Rebuild", "Session", "folder_signature"]
