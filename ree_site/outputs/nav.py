"""Expand the collection index entries of mkdocs.yml's ``nav`` with their records, when they are few."""

from __future__ import annotations

from typing import Any

from ..data.text import html_title
from ..link.catalog import Catalog, title_of
from ..link.pages import index_uri, record_uri

NavItem = Any  # str | dict[str, str | list[NavItem]], as MkDocs reads it from YAML


def expand_nav(nav: list[NavItem] | None, catalog: Catalog, max_records: int) -> list[NavItem] | None:
    """A copy of ``nav`` in which each collection index with at most ``max_records`` records becomes a
    section: the index page first, then one entry per record in the collection's order.

    Larger collections keep the index entry alone: every page carries the whole sidebar, so listing
    thousands of records would make the build quadratic in the number of pages.
    """
    if nav is None:
        return None
    sections: dict[str, list[NavItem]] = {}
    for kind, members in (
        ("element", catalog.elements),
        ("producer", catalog.producers),
        ("issue", catalog.issues),
    ):
        if len(members) <= max_records:
            uri = index_uri(kind)
            # Material prints nav titles as HTML without escaping them: escape here, so a name in the data can
            # never become markup in every page's sidebar.
            sections[uri] = [uri, *({html_title(title_of(e)): record_uri(e.kind, e.id)} for e in members)]
    return [_expand(item, sections) for item in nav]


def _expand(item: NavItem, sections: dict[str, list[NavItem]]) -> NavItem:
    if isinstance(item, str) and item in sections:
        return {_default_title(item): sections[item]}
    if isinstance(item, dict) and len(item) == 1:
        ((title, value),) = item.items()
        if isinstance(value, str) and value in sections:
            return {title: sections[value]}
        if isinstance(value, list):
            return {title: [_expand(child, sections) for child in value]}
    if isinstance(item, list):
        return [_expand(child, sections) for child in item]
    return item


def _default_title(uri: str) -> str:
    return uri.split("/", maxsplit=1)[0].capitalize()
