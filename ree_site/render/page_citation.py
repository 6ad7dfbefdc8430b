"""What each page carries of its citation: the "Cite this page" block at its end, and the ``citation_*`` meta tags
and the schema.org JSON-LD of its ``<head>`` (as page meta, which ``overrides/partials/ree-meta.html`` prints, so
that every engine's templates can show it without calling Python)."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from .citations import STYLES, Cited, bibtex, csl_item, csl_json, formatted, ris
from .search import NOT_SEARCHED

if TYPE_CHECKING:
    from ..data.release import Release

#: The page meta key the head partial reads.
HEAD_KEY = "ree_head"

#: How each occurrence of the access date is written, by format: ree.js writes the reader's date the same way.
_ACCESSED = {
    "chicago": (re.compile(r"(Accessed )(\w+ \d{1,2}, \d{4})"), "long"),
    "bibtex-urldate": (re.compile(r"(urldate = \{)(\d{4}-\d{2}-\d{2})"), "iso"),
    "bibtex-note": (re.compile(r"(accessed )(\d{4}-\d{2}-\d{2})"), "iso"),
    "ris": (re.compile(r"(Y2  - )(\d{4}/\d{2}/\d{2})"), "ris"),
    "csl": (re.compile(r'("accessed": \{\s*"date-parts": \[ \[)(\d+, \d+, \d+)'), "csl"),
}


def mark_accessed(text: str, *formats: str) -> str:
    """``text`` (HTML) with each access date in a ``<span class="ree-accessed" data-ree-date="...">``."""
    for name in formats:
        pattern, style = _ACCESSED[name]
        text = pattern.sub(rf'\1<span class="ree-accessed" data-ree-date="{style}">\2</span>', text, count=1)
    return text


def citation_block(release: Release, page: Cited, heading: str = "Cite this page") -> str:
    """The page's citation in five formats, as a collapsed block of HTML that search leaves out."""
    item = csl_item(release, page)
    entries = [
        (STYLES["apa"][0], f"<p>{formatted('apa', release, page)}</p>"),
        (STYLES["chicago"][0], f"<p>{mark_accessed(formatted('chicago', release, page), 'chicago')}</p>"),
        ("BibTeX", _pre(mark_accessed(html.escape(bibtex(item), quote=False), "bibtex-urldate", "bibtex-note"))),
        ("RIS", _pre(mark_accessed(html.escape(ris(item), quote=False), "ris"))),
        ("CSL-JSON", _pre(mark_accessed(html.escape(csl_json(item), quote=False), "csl"))),
    ]
    rows = "\n".join(f"<dt>{name}</dt>\n<dd>{body}</dd>" for name, body in entries)
    note = (
        f"Version {html.escape(release.version)} of {html.escape(release.title)}, released "
        f"{release.date.day} {release.date:%B %Y}. The access date is the day you read the page (without "
        "JavaScript, the release's date: change it to yours)."
    )
    return (
        f'<details class="ree-cite" {NOT_SEARCHED}>\n<summary>{heading}</summary>\n'
        f'<p class="ree-cite__note">{note}</p>\n<dl>\n{rows}\n</dl>\n</details>'
    )


def _pre(text: str) -> str:
    return f'<pre class="ree-cite__code"><code>{text}</code></pre>'


def citation_tags(release: Release, page: Cited, public_url: str) -> list[list[str]]:
    """The Highwire Press ``citation_*`` meta tags Google Scholar and Zotero read, as [name, content] pairs."""
    tags = [["citation_title", page.title]]
    tags += [["citation_author", name] for name in release.authors]
    tags += [
        ["citation_publication_date", page.issued.strftime("%Y/%m/%d")],
        ["citation_online_date", page.issued.strftime("%Y/%m/%d")],
        ["citation_publisher", release.title],
        ["citation_language", "en"],
    ]
    if public_url:
        tags.append(["citation_public_url", public_url])
    return tags


def head_meta(release: Release, page: Cited, public_url: str, jsonld: dict[str, Any]) -> dict[str, Any]:
    """What the head partial prints: the ``citation_*`` tags and the JSON-LD, already serialised (with ``<``,
    ``>`` and ``&`` escaped, so that no text in it can close the script element)."""
    text = json.dumps(jsonld, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return {"tags": citation_tags(release, page, public_url), "jsonld": text}


__all__ = ["HEAD_KEY", "citation_block", "citation_tags", "head_meta", "mark_accessed"]
