"""Type each reader query into the real search box of a built site in Chromium, and report where its expected
page comes. `python -m tests.search_ranks SITE_DIR` prints the table (used to measure; the test asserts)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .browser import chromium, serve
from .search_queries import QUERIES


def results(page: Any, query: str) -> list[str]:
    """The result links for ``query``, best first, as site paths with their anchors (``glossary/#monazite``)."""
    field = page.locator("input.md-search__input")
    if not field.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    field.click()
    field.fill("")
    field.type(query, delay=10)
    page.locator(".md-search-result__meta").filter(has_text="match").first.wait_for(timeout=15_000)
    page.wait_for_timeout(150)  # the worker answers each keystroke; let the last answer land
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        path = parts.path.lstrip("/").removesuffix("index.html")
        # A glossary term's result opens glossary/?term=ID at the term (ree_site/render/search.py).
        fragment = parts.fragment or parse_qs(parts.query).get("term", [""])[0]
        found.append(path + (f"#{fragment}" if fragment else ""))
    return found


def rank(found: list[str], expected: str) -> int | None:
    """1 for the first result; None when the expected page is not among the results."""
    for position, location in enumerate(found, 1):
        if location == expected or (("#" not in expected) and location.split("#")[0] == expected):
            return position
    return None


def measure(base_url: str, browser: Any) -> list[tuple[str, str, int | None, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/", wait_until="networkidle")
    rows = []
    for query, expected in QUERIES:
        found = results(page, query)
        rows.append((query, expected, rank(found, expected), found[:3]))
    context.close()
    return rows


def main(site: Path) -> None:
    with serve(site) as url, chromium() as browser:
        rows = measure(url, browser)
    first = sum(1 for _, _, r, _ in rows if r == 1)
    for query, expected, position, top in rows:
        print(f"{position or '-':>3}  {query:32} {expected:42} {'' if position == 1 else top}")
    print(f"first for {first} of {len(rows)} queries ({100 * first / len(rows):.0f} %)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
