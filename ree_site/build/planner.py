"""What a dirty rebuild (``mkdocs serve --dirty``) must read and write again: plain data in, a plan out.

MkDocs decides by modification time, which cannot tell that a page embeds data that changed, or that a
generated page is the same as last time. The planner decides by content instead. Each build hands it the
state of every page (a key that changes when the page's Markdown, as the engine reads it, changes; its title
and tags; whether it is a tags listing) and the layout every page shows (configuration, navigation, the set
of pages, the build errors of the preview's banner). It answers with a :class:`Plan`:

- everything again when a change may reach every page: the first build, a changed layout, a changed title or
  tags of a page the navigation shows, or a changed tags listing;
- else the changed pages, and the whole blog when one of its pages changed (its views show the posts); the tags
  listings are read every time (the tags plugin needs them) and written when a page they list came, went, or
  changed its title or tags (a record page, which the navigation does not show). The tags plugin lists only the
  pages it read, so then every page is read again, and only the changed ones and the listings written.

The MkDocs adapter (:mod:`ree_site.engines.mkdocs_adapter`) turns MkDocs' files into page states and applies the plan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

#: Pages under this folder are built together when one of them changed.
BLOG = "blog/"


@dataclass(frozen=True)
class PageState:
    """One page or generated file of a build, as the planner compares it with the last build."""

    uri: str
    #: Changes when the content the engine reads changes (a digest, or a modification time for a file that is
    #: written only when its content changed).
    key: str
    #: What the navigation and the tags page show of it: its title and tags (None for a download).
    head: Hashable = None
    #: A page listing the tags (the tags plugin fills it from every page).
    listing: bool = False
    #: Shown in the navigation, which every page carries: a new title there reaches every page.
    in_nav: bool = True


@dataclass(frozen=True)
class Plan:
    #: Why every page is built again, or "" when only some are.
    complete: str
    #: Pages read again (their Markdown converted, their title and metadata found).
    read: frozenset[str]
    #: Pages written again.
    write: frozenset[str]
    #: Every page is read again (for the tags listings), though only ``write`` are written.
    read_all: bool = False

    def reads(self, uri: str) -> bool:
        return bool(self.complete) or self.read_all or uri in self.read

    def writes(self, uri: str) -> bool:
        return bool(self.complete) or uri in self.write


#: The plan before any build: everything.
FIRST = Plan("first build", frozenset(), frozenset())


class Planner:
    """Remembers the last build's page keys, heads and layout, and plans the next build against them."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.heads: dict[str, Hashable] = {}
        self.signature = ""

    def forget(self) -> None:
        """After a failed build: the next one builds everything."""
        self.signature = ""

    def plan(self, pages: Sequence[PageState], layout: Hashable) -> Plan:
        """What to read and write again for ``pages`` under ``layout`` (anything with a stable ``repr``)."""
        keys = {page.uri: page.key for page in pages}
        heads = {page.uri: page.head for page in pages}
        listings = {page.uri for page in pages if page.listing}
        in_nav = {page.uri for page in pages if page.in_nav}
        signature = hashlib.blake2b(repr(layout).encode("utf-8")).hexdigest()
        changed = {uri for uri, key in keys.items() if self.keys.get(uri) != key}
        retitled = {uri for uri in changed if heads.get(uri) != self.heads.get(uri)}
        gone = self.keys.keys() - keys.keys()
        if not self.signature:
            why = "first build"
        elif signature != self.signature:
            why = "the configuration or the navigation changed"
        elif retitled & in_nav:
            why = "the title or tags of a page in the navigation changed"
        elif changed & listings:
            why = "the tags page changed"
        else:
            why = ""
        blog = {uri for uri in keys if uri.startswith(BLOG)}
        if changed & blog:
            changed |= blog
        relist = bool(retitled or gone)
        if relist:
            changed |= listings  # the tags page lists every page with its title and tags
        self.keys, self.heads, self.signature = keys, heads, signature
        return Plan(why, frozenset(changed | listings), frozenset(changed), read_all=relist)


__all__ = ["BLOG", "FIRST", "PageState", "Plan", "Planner"]
