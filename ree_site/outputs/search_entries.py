"""The sections of a built page that the search lists as results of their own: the glossary's terms.

A page whose front matter says ``search: {sections: separate}`` carries a mark in its search block
(:data:`ree_site.render.search.SEPARATE`); each of its ``h2`` sections becomes a record of the index of its own,
at ``page/#id``, titled by its heading, with the heading's ``data-aliases`` as its other names. A reader
looking up "REO" then gets the term, not the glossary's top. The HTML read here is the output of Python-Markdown
as both engines write it (headings with an ``id``, the permalink inside the heading), found inside the page's
``data-pagefind-body``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..render.search import ATTRIBUTE, SEPARATE

_MARK = f'{SEPARATE}="separate"'.encode()
_HEADING = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    """One section as a record of the index."""

    url: str
    title: str
    aliases: list[str]
    text: str


def page_url(site_dir: Path, path: Path) -> str:
    """``/glossary/`` for ``site/glossary/index.html``, as Pagefind names the page."""
    relative = path.relative_to(site_dir).as_posix()
    return "/" + relative.removesuffix("index.html")


def separate_pages(site_dir: Path) -> Iterator[tuple[str, str]]:
    """The URL and HTML of every built page whose sections are results of their own."""
    for path in sorted(site_dir.rglob("*.html")):
        content = path.read_bytes()
        if _MARK in content:
            yield page_url(site_dir, path), content.decode("utf-8")


def _text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", _PERMALINK.sub("", fragment)))).strip()


def entries(url: str, page: str) -> list[Entry]:
    """The ``h2`` sections of ``page`` (the HTML of the page at ``url``) as records of the index."""
    start = page.find("data-pagefind-body")
    end = page.find('<div class="ree-search-data"', start)
    body = page[start : end if end > 0 else len(page)]
    headings = list(_HEADING.finditer(body))
    found = []
    for number, heading in enumerate(headings):
        attributes = dict(_ATTRIBUTE.findall(heading.group(1)))
        if "id" not in attributes:
            continue
        stop = headings[number + 1].start() if number + 1 < len(headings) else len(body)
        aliases = [a.strip() for a in html.unescape(attributes.get(ATTRIBUTE, "")).split(",") if a.strip()]
        text = _text(body[heading.end() : stop])
        found.append(Entry(f"{url}#{attributes['id']}", _text(heading.group(2)), aliases, text))
    return found


__all__ = ["Entry", "entries", "page_url", "separate_pages"]
