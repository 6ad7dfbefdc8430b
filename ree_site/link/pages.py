"""The page plan: where each record and collection index lives in the site."""

from __future__ import annotations

import functools
import posixpath

from ..data.vocabulary import FOLDERS

#: Collection titles, in the order the site shows them.
COLLECTION_TITLES: dict[str, str] = {
    "element": "Elements",
    "producer": "Producers",
    "issue": "Issues",
    "source": "Sources",
}


#: Kinds whose records each have a page. Sources are sections of the sources index instead: they are most of
#: the records, and one page each would make them most of the build for little reading.
PAGED_KINDS = ("element", "producer", "issue")


@functools.lru_cache(maxsize=65536)
def record_uri(kind: str, record_id: str) -> str:
    """Where a record is shown: ``elements/neodymium.md`` (URL ``/elements/neodymium/``), or for a source its
    section of the sources index, ``sources/index.md#usgs-mcs-2026-rare-earths``."""
    if kind not in PAGED_KINDS:
        return f"{FOLDERS[kind]}/index.md#{record_id}"
    return f"{FOLDERS[kind]}/{record_id}.md"


def index_uri(kind: str) -> str:
    """Source path of a collection's index page: ``elements/index.md`` -> URL ``/elements/``."""
    return f"{FOLDERS[kind]}/index.md"


def record_url(kind: str, record_id: str) -> str:
    """The site-relative URL of a record, as published (with directory URLs)."""
    if kind not in PAGED_KINDS:
        return f"/{FOLDERS[kind]}/#{record_id}"
    return f"/{FOLDERS[kind]}/{record_id}/"


@functools.lru_cache(maxsize=65536)
def relative_link(from_uri: str, to_uri: str) -> str:
    """A Markdown link target from one source page to another, which MkDocs then checks and rewrites."""
    here = from_uri.split("/")[:-1]
    there = to_uri.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


#: Generated pages that are not records: the views across collections.
VIEW_PAGES: dict[str, str] = {
    "concentration": "concentration.md",
    "supply-chain": "supply-chain.md",
    "prices": "prices.md",
    "trade": "trade.md",
    "map": "map.md",
    "timeline": "timeline.md",
    "downloads": "downloads.md",
    "changes": "changes.md",
}


def page_url(uri: str) -> str:
    """The site-relative directory URL of a page: ``elements/neodymium.md`` -> ``elements/neodymium/``."""
    stem = uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_uri: str, to_uri: str) -> str:
    """A link from one page to another as it must appear in raw HTML (directory URLs)."""
    to_page, _, fragment = to_uri.partition("#")
    here = page_url(from_uri) or "."
    there = page_url(to_page) or "."
    if ".." in here or ".." in there or here.startswith("/") or there.startswith("/"):
        path = posixpath.relpath(there, here)
    else:  # what relpath gives, without its look at the working directory (slow, and on every link of a page)
        start = [part for part in here.split("/") if part and part != "."]
        parts = [part for part in there.split("/") if part and part != "."]
        common = len(posixpath.commonprefix([start, parts]))
        path = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    url = "./" if path == "." else path + "/"
    return f"{url}#{fragment}" if fragment else url
