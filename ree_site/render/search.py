"""The search policy: how much each kind of page weighs, and the other names readers type for it.

Weights (Material's ``search.boost`` front matter; a page's default is 1): records rank above the views and
articles that mention them, countries above the companies and issues named after them, and the sources index and
collection indexes below everything. Other names:
what readers type that is neither in a page's title nor often in its text.

Material's search weighs a page's title a thousand times its text and its tags a million times. Its index has
no field for other names, so the plugin declares one to Material's search and fills it on each page's entries
as Material indexes the page: ``aliases``,
weighted like the title: a record's ``aliases`` (``NdFeB`` on neodymium, ``MP`` on MP Materials), a page's
``search.aliases`` front matter, and a heading's ``data-search-aliases`` attribute (a glossary term's other
spellings), each on the index entry of its own page or section.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from ..data.models import Element, Issue, Producer

if TYPE_CHECKING:
    from ..data.models import Record

#: Where the blog's articles are, and how they weigh against a page's default of 1 (records: 2 or 3): they are
#: written for readers looking a subject up, and rank with the records, not below them.
ARTICLES = "blog/posts/"
ARTICLE_BOOST = 2.0
#: Records: an element or a country is what a reader typing its name wants, before the issues and companies named
#: after it; sources are found through the records that cite them.
ELEMENT_BOOST = 3.0
COUNTRY_BOOST = 3.0
RECORD_BOOST = 2.0
SOURCE_BOOST = 0.1
#: Views gather many records: below the records, so that a record's own page wins a query that names it.
VIEW_BOOST = 1.5
#: The front matter of the collection indexes that are not paged (the sources index).
INDEX_SEARCH: dict[str, Any] = {"boost": 0.2}
#: What readers call the views when they search for them.
VIEW_ALIASES: dict[str, list[str]] = {
    "concentration": ["HHI", "Herfindahl–Hirschman index", "market concentration", "market shares"],
    "supply-chain": ["mine to magnet", "flow", "capacity", "what if", "Sankey", "separation", "magnets"],
    "prices": ["cost", "$/kg", "price history"],
    "trade": ["exports", "imports", "customs", "HS code", "magnet exports", "export controls"],
    "map": ["world map", "where", "locations", "sites", "reserves by country"],
    "timeline": ["history", "chronology", "events"],
    "downloads": ["download", "CSV", "JSON", "data files", "API"],
    "changes": ["what changed", "revisions", "updates", "feed", "Atom"],
}


def record_search(record: Record) -> dict[str, Any]:
    """The ``search`` front matter of a record's page: its weight, and its other names."""
    if isinstance(record, Element):
        boost = ELEMENT_BOOST
    elif isinstance(record, Producer):
        boost = COUNTRY_BOOST if record.kind == "country" else RECORD_BOOST
    elif isinstance(record, Issue):
        boost = RECORD_BOOST
    else:
        boost = SOURCE_BOOST
    search: dict[str, Any] = {"boost": boost}
    # An element's symbol is an alias too: in the title alone, "Yb" outranks "Y" for yttrium.
    aliases = [record.symbol] if isinstance(record, Element) else []
    if isinstance(record, Producer) and record.kind == "country":
        # A country's name is what readers type for it; in the title alone, "China's export controls" outranks it.
        aliases.append(record.name)
    aliases += getattr(record, "aliases", [])
    if aliases:
        search["aliases"] = list(aliases)
    return search


def view_search(name: str) -> dict[str, Any]:
    """The ``search`` front matter of a view."""
    return {"boost": VIEW_BOOST, "aliases": VIEW_ALIASES[name]}


#: How much an alias weighs against a word of the text (Material gives the title 1,000).
ALIAS_BOOST = 1000.0
ATTRIBUTE = "data-search-aliases"
#: The query parameter that names the section to open (content/assets/ree.js reads it).
TERM_PARAMETER = "term"

_HEADING = re.compile(r"<h[1-6]\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def heading_aliases(page_url: str, content: str) -> dict[str, list[str]]:
    """``{"glossary/#bastnasite": ["bastnaesite", ...]}`` from the headings of one page's HTML."""
    found: dict[str, list[str]] = {}
    for match in _HEADING.finditer(content):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        names = html.unescape(attributes.get(ATTRIBUTE, ""))
        if names and "id" in attributes:
            found[f"{page_url}#{attributes['id']}"] = [n.strip() for n in names.split(",") if n.strip()]
    return found


def annotate(docs: list[dict[str, Any]], aliases: dict[str, list[str]], separate: bool = False) -> None:
    """Material's index entries of one page, given an ``aliases`` field (empty where there are none), in place.

    The sections of a ``separate`` page (the glossary) become results of their own. Material groups a page's
    sections under the page, and the first link of the group opens the top of the page, where a reader looking
    up a term wants the term. An entry whose location has no ``#`` is a page to Material's search, so
    ``glossary/#reo`` becomes ``glossary/?term=reo``, and the site's script scrolls to the term on arrival.
    """
    for doc in docs:
        doc["aliases"] = " ".join(aliases.get(doc["location"], []))
        page, _, anchor = doc["location"].partition("#")
        if anchor and separate:
            doc["location"] = f"{page}?{TERM_PARAMETER}={anchor}"


def add_aliases(
    index_text: str, aliases: dict[str, list[str]], separate: frozenset[str] | set[str] = frozenset()
) -> str:
    """A whole search index annotated as :func:`annotate` does page by page (for tests and other engines)."""
    index: dict[str, Any] = json.loads(index_text)
    index["config"].setdefault("fields", {})["aliases"] = {"boost": ALIAS_BOOST}
    for doc in index["docs"]:
        annotate([doc], aliases, doc["location"].partition("#")[0] in separate)
    return json.dumps(index, separators=(",", ":"), ensure_ascii=False)


def with_docs(index_text: str, docs: list[dict[str, Any]]) -> str:
    """The index ``index_text`` (as Material writes it: its ``config`` first) with ``docs`` as its entries.

    Under ``mkdocs serve --dirty`` Material merges the entries of the pages built again into the last index,
    correctly only when one page was built; the ree plugin writes the index from every page's entries instead.
    """
    head = index_text[: index_text.index(',"docs":')] + "}"
    index = json.loads(head)
    index["docs"] = docs
    return json.dumps(index, separators=(",", ":"), default=str)
