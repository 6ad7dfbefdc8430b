"""The search policy: what each page tells the site's search, and how the search weighs it.

The search is Pagefind's chunked index, built from the finished HTML after any engine has written the site
(:mod:`ree_site.outputs.search_index`), and queried in the browser by ``content/assets/ree-search.js``. This module
is the one place that decides what goes into it and what weighs how much in ranking; the script carries out the
rules the README's "Search" section describes, with the weights, lists and limits of the settings file the build
writes beside the index (:func:`client_settings`).

Every page's Markdown ends with a hidden block (:func:`annotation`, appended by
:func:`ree_site.outputs.tree.finish_page` in the plugin and in ``ree-site generate`` alike) that names, for
Pagefind: the page's kind (a filter: element, producer, issue, article, view, page), a producer's country and
stages (filters), its other names (``aliases``: a record's symbol, short name or trade name; a view's usual names)
and the questions it answers (``questions``: declared in a view's entry below, or in a page's or an article's
``search.questions`` front matter). Aliases and questions are searched as metadata, weighted by
:data:`META_WEIGHTS`, so a page whose own names or declared questions hold the words of a query comes before pages
that merely use them. The theme's ``partials/content.html`` puts the page's content in Pagefind's
``data-pagefind-body`` only when that block is there, so a page with ``search: {exclude: true}`` (the tags page)
and the blog's lists of posts stay out of the index.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..data.models import Element, Issue, Producer
from ..data.vocabulary import KIND_LABELS, STAGE_LABELS

if TYPE_CHECKING:
    from ..data.models import Record

#: The kinds of page, as the search's kind filter names them.
KINDS: dict[str, str] = {
    "element": "Element",
    "producer": "Producer",
    "issue": "Issue",
    "article": "Article",
    "view": "View",
    "index": "Index",
    "page": "About the site",
    "term": "Glossary term",
}
#: Where the blog's articles are.
ARTICLES = "blog/posts/"
#: What readers call the views when they search for them.
VIEW_ALIASES: dict[str, list[str]] = {
    "concentration": ["HHI", "Herfindahl–Hirschman index", "market concentration", "market shares"],
    "supply-chain": [
        "rare-earth supply chain",
        "mine to magnet",
        "flow",
        "capacity",
        "what if",
        "Sankey",
        "separation",
        "magnets",
    ],
    "prices": ["cost", "$/kg", "price history"],
    "trade": ["exports", "imports", "customs", "HS code", "magnet exports", "trade statistics"],
    "map": ["world map", "where", "locations", "sites", "rare-earth reserves by country"],
    "timeline": ["history", "chronology", "events"],
    "downloads": ["download", "CSV", "JSON", "data files", "API"],
    "changes": ["what changed", "revisions", "updates", "feed", "Atom"],
}
#: The questions each view answers, in a reader's words.
VIEW_QUESTIONS: dict[str, list[str]] = {
    "concentration": [
        "Which countries produce the most rare earths?",
        "What share of world rare-earth production does each country have?",
        "How concentrated is rare-earth mining?",
        "How has China's share of world mining changed over the years?",
    ],
    "prices": [
        "How much do rare earths cost?",
        "How have rare-earth prices changed over time?",
        "How expensive is each rare-earth oxide compared with the others?",
    ],
    "timeline": ["What happened when in the history of rare earths?", "What are the key dates in rare-earth supply?"],
    "downloads": ["Where can I download the data?", "Can I get the figures as CSV or JSON files?"],
    "supply-chain": [
        "Who controls each stage of the rare-earth supply chain, from mine to magnet?",
        "What happens if one country stops supplying rare earths?",
        "How much separation and magnet capacity is there outside China?",
        "Where are the bottlenecks between the mine and the magnet?",
    ],
    "trade": [
        "How much rare earth does China export and import?",
        "Where do China's rare-earth magnets go?",
        "Who buys China's rare-earth exports?",
    ],
    "map": ["Where are rare earths mined?", "Where are the rare-earth mines and plants?"],
    "changes": ["What changed in the data?", "Which figures were revised?", "What was corrected or updated lately?"],
}
#: The questions every element page answers, from the sections its template always has.
ELEMENT_QUESTIONS = [
    "What is {name}?",
    "What is {name} used for?",
    "How much does {name} cost? What is the price of {name}?",
    "Who discovered {name}?",
    "Who produces {name}?",
]
#: The questions every country's page answers.
COUNTRY_QUESTIONS = [
    "How much rare earth does {name} mine, and what share of the world's output is that?",
    "What rare-earth reserves does {name} have?",
]
#: How much a match in each piece of a page's metadata weighs in ranking (Pagefind's ``metaWeights``; a word of
#: the text weighs 1). ``about`` (what kind of producer, and where) is there to be found, not to weigh. ``typical``
#: holds the questions every page of a kind answers alike (``ELEMENT_QUESTIONS``, ``COUNTRY_QUESTIONS``): they weigh
#: less than a page's own, so a question that only shares their wording ("how much do workers earn in Myanmar's
#: mines") does not go to every country's page before the page that answers it.
META_WEIGHTS: dict[str, float] = {"title": 5.0, "aliases": 8.0, "questions": 8.0, "typical": 4.0, "about": 0.0}
#: How much each kind of page weighs when the names of two pages match a query equally (records first, as a reader
#: typing a name wants its record; then articles, the glossary's terms and the views, the pages about the site, and
#: last the collections' indexes, whose lists hold every word of the records they list).
KIND_WEIGHTS: dict[str, float] = {
    "element": 1.5, "producer": 1.3, "issue": 1.3, "article": 1.2, "term": 1.0, "view": 1.0, "page": 0.8,
    "index": 0.5,
}  # fmt: skip
#: Pages of one kind that match a query alike, none by its own name, are siblings: at least ``count`` of them
#: within ``within`` of the best one's score each weigh that many times less (the view that compares them answers
#: the query: "how have oxide costs changed since 2020" is /prices/, not one of 17 element pages).
SIBLINGS: dict[str, float] = {"count": 5, "within": 0.3}
#: Pagefind's ranking parameters (its defaults: termFrequency 1, pageLength 0.75, termSaturation 1.4).
RANKING: dict[str, float] = {"pageLength": 0.5}
#: Words that carry no topic: a query drops them before it is searched, unless they are all it has (or its other
#: words are on most pages). A general English list (the articles, pronouns, auxiliaries and question words, and
#: the words that ask what a term means, and adverbs and connectives such as "less", "since" or "whether"), not a
#: list of the site's own words. A word typed in capitals ("US") is never one of them.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves mean means
    meaning definition define much many less least since also become becomes became every whether else ever yet
    still already another either neither upon via
    """.split()  # noqa: SIM905 - a list of words reads better as one text
)
#: A word in the text of more than this share of the pages is one of the site's common words (on this site "rare"
#: and "earth"): a query matches names with it but does not look it up in the index, where it is the largest part.
COMMON_SHARE = 0.8
#: A word of the pages' text that is everyday English (at least this on the Zipf scale of ``wordfreq``'s English
#: list) and starts no word of any page's names weighs this share of what its rarity on the site would give: a
#: question's "called", "goes" or "biggest" is rare here without telling what the question is about, so a page
#: that lacks it can still be the answer. Words of the names (titles, other names, headings) keep their weight.
GENERAL_ZIPF = 4.5
GENERAL_WEIGHT = 0.1
#: Misspellings are corrected against the site's vocabulary only for words this long, and by at most this many
#: letters changed, missing, added or swapped: (shortest word, largest distance), shortest first.
CORRECTION: list[tuple[int, int]] = [(4, 1), (7, 2)]
#: A name that holds a query's word only as its initials ("HHI" of "Herfindahl–Hirschman index") is this much further
#: from the query than one that holds the word (a word besides the query's weighs 1 to 5); a page that holds the
#: query's words side by side, in the order typed, weighs this many times more.
ACRONYM_DISTANCE = 0.5
APART_DISTANCE = 2.0
SIDE_BY_SIDE = 3.0
#: The endings that make one word's forms (scan, scans, scanned, scanner, scanning; mine, mined, miner, mining):
#: a page holds a query's word when it holds the word, or its root (the word less one of these endings) with one of
#: them; a longer word that merely starts with it (scandium, minerals), which Pagefind also finds, is not the word.
ENDINGS = sorted(
    set(
        """
        s es e ed d ing er ers est y ies ied ly al ally ic ical ics ion ions ation ations ment ments ery eries ity
        ities ive or ors ist ists ism ness ise ize ised ized ises izes ising izing ate ated ates ating ant ants ance
        ence ent ency able ible ure ures an ans ian ians ese n
        """.split()  # noqa: SIM905 - a list of word endings reads better as one text
    )
    | {""}
)
#: A country's name and the adjective English makes of it (a page says "its Chinese plants", a reader types "its plants
#: in China"): a query's word of either column is also searched as the other. General English, as the stop words
#: are: the countries of the world's rare-earth trade and their neighbours, not a list of the site's pages.
_ADJECTIVES = """
    africa african, america american, argentina argentinian, australia australian, austria austrian,
    belgium belgian, brazil brazilian, britain british, burundi burundian, canada canadian, chile chilean,
    china chinese, estonia estonian, europe european, finland finnish, france french, germany german,
    greenland greenlandic, india indian, indonesia indonesian, italy italian, japan japanese, kazakhstan kazakh,
    korea korean, laos laotian, madagascar malagasy, malaysia malaysian, mongolia mongolian, myanmar burmese,
    netherlands dutch, nigeria nigerian, norway norwegian, philippines filipino, poland polish, russia russian,
    spain spanish, sweden swedish, taiwan taiwanese, tanzania tanzanian, thailand thai, turkey turkish,
    ukraine ukrainian, vietnam vietnamese
    """  # a table of words reads better as one text, like the stop words


def _pair(text: str) -> tuple[str, str]:
    name, adjective = text.split()
    return name, adjective


COUNTRY_ADJECTIVES: dict[str, str] = dict(_pair(text) for text in _ADJECTIVES.split(","))
#: How many of Pagefind's best results are ordered again by how well their names match the query, how many a
#: query shows, and how many sections under each.
RERANKED = 15
LEADS = 2
OPENING = 80
LEAD_BOOST = 1.0
#: How much the share of a query's weight that a page's names hold raises its score (a page whose names hold
#: half the query's weight weighs 1 + 2 × 0.5 = 2 times its score).
NAME_BOOST = 2.0
#: A query of up to this many words is also searched with each word left out in turn, and one of four words or
#: more with each pair left out; a question is also searched without its words of everyday English.
LEFT_OUT = 8
#: When fewer pages than this hold all the words of a query, or all but one, smaller sets of its most telling
#: words are searched too.
FEW = 3
RESULTS_SHOWN = 10
SECTIONS_SHOWN = 3

#: The attributes of a block that is for readers of the page but not words of it (the citation blocks, whose
#: BibTeX and CSL-JSON would otherwise be a result's excerpt): Material's search and Pagefind each read their own.
NOT_SEARCHED = 'data-search-exclude="true" data-pagefind-ignore="all"'
#: The heading attribute that gives a section its other names (a glossary term's other spellings).
ATTRIBUTE = "data-aliases"
#: The attribute of the search block of a page whose sections are results of their own (the glossary's terms:
#: front matter ``search: {sections: separate}``); :mod:`ree_site.outputs.search_index` indexes each section.
SEPARATE = "data-ree-search-sections"


def record_search(record: Record) -> dict[str, Any]:
    """The ``search`` front matter of a record's page: its kind, other names and filters."""
    aliases: list[str] = []
    search: dict[str, Any]
    if isinstance(record, Element):
        # The symbol as a name of its own: in the title ("Neodymium (Nd)") it is one word among others.
        search, aliases = {"kind": "element"}, [record.symbol]
        search["typical"] = [question.format(name=record.name) for question in ELEMENT_QUESTIONS]
    elif isinstance(record, Producer):
        search = {"kind": "producer", "stages": [STAGE_LABELS[stage] for stage in record.stages]}
        search["about"] = KIND_LABELS[record.kind]
        if record.aggregate is None:
            search["country"] = record.country
            if record.kind != "country":
                # A site's place as well ("Mine in Inner Mongolia, China"): a reader who types the place wants the
                # site there, not the company whose page also names it.
                search["about"] += f" in {record.where}"
        if record.kind == "country":
            # What readers type for a country; in titles, "China's export controls" would otherwise compete.
            aliases.append(record.name)
            if record.aggregate is None:
                search["typical"] = [question.format(name=record.name) for question in COUNTRY_QUESTIONS]
    elif isinstance(record, Issue):
        search = {"kind": "issue"}
    else:
        return {"exclude": True}
    aliases += getattr(record, "aliases", [])
    if aliases:
        search["aliases"] = aliases
    return search


def view_search(name: str) -> dict[str, Any]:
    """The ``search`` front matter of a view."""
    return {"kind": "view", "aliases": VIEW_ALIASES[name], "questions": VIEW_QUESTIONS[name]}


#: The front matter of a collection's index page (a list of records, each found on its own page).
INDEX_SEARCH: dict[str, Any] = {"kind": "index"}


def page_search(uri: str, meta: Mapping[str, Any] | None) -> dict[str, Any]:
    """The ``search`` front matter of a page as the search reads it: as written, with the kind filled in (an
    article under the blog's posts, else a page about the site)."""
    search = dict((meta or {}).get("search") or {})
    search.setdefault("kind", "article" if uri.startswith(ARTICLES) else "page")
    return search


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value or []]


def annotation(search: Mapping[str, Any]) -> str:
    """The hidden block a page's Markdown ends with: what Pagefind files the page under (kind, country, stages),
    and the names and questions it searches as the page's metadata. Empty for a page kept out of search."""
    if search.get("exclude"):
        return ""
    kind = str(search.get("kind") or "page")
    label = KINDS.get(kind, KINDS["page"])
    separate = f' {SEPARATE}="separate"' if search.get("sections") == "separate" else ""
    opening = f'<div class="ree-search-data" hidden data-pagefind-ignore data-ree-search="{html.escape(kind)}"'
    lines = [f"{opening}{separate}>"]
    lines.append(f'<span data-pagefind-filter="kind">{html.escape(label)}</span>')
    if search.get("country"):
        lines.append(f'<span data-pagefind-filter="country">{html.escape(str(search["country"]))}</span>')
    for stage in _names(search.get("stages")):
        lines.append(f'<span data-pagefind-filter="stage">{html.escape(stage)}</span>')
    meta = {
        "kind": label,
        "about": str(search.get("about") or ""),
        "aliases": ", ".join(_names(search.get("aliases"))),
        "questions": " | ".join(_names(search.get("questions"))),
        "typical": " | ".join(_names(search.get("typical"))),
    }
    lines += [f'<span data-pagefind-meta="{key}">{html.escape(value)}</span>' for key, value in meta.items() if value]
    lines.append("</div>")
    return "\n\n" + "\n".join(lines) + "\n"


def client_settings() -> dict[str, Any]:
    """What the search script needs to know of this policy (written beside the index, with the vocabulary)."""
    return {
        "ranking": {**RANKING, "metaWeights": META_WEIGHTS},
        "kinds": {KINDS[kind]: weight for kind, weight in KIND_WEIGHTS.items()},
        "stopWords": sorted(STOP_WORDS),
        "correction": CORRECTION,
        "acronym": ACRONYM_DISTANCE,
        "apart": APART_DISTANCE,
        "endings": ENDINGS,
        "adjectives": COUNTRY_ADJECTIVES,
        "sideBySide": SIDE_BY_SIDE,
        "reranked": RERANKED,
        "leads": LEADS,
        "opening": OPENING,
        "leadBoost": LEAD_BOOST,
        "siblings": SIBLINGS,
        "nameBoost": NAME_BOOST,
        "generalWeight": GENERAL_WEIGHT,
        "leftOut": LEFT_OUT,
        "few": FEW,
        "results": RESULTS_SHOWN,
        "sections": SECTIONS_SHOWN,
    }
