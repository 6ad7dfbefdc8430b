"""Type each reader query into the real search box of a built site in Chromium, and report where its expected
page comes. `python -m tests.search_ranks SITE_DIR [--set tuned|held-out|fresh|blind|blind2|blind3|blind4|blind5]` prints the table for the queries
tuned on (or for one of the held-out sets: see tests/search_queries.py); the tests assert on all of them.

A result is a page (or, on the glossary, an entry): the link of each result in order, as a site path with its
anchor (``glossary/#monazite``), not the sections listed under it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .browser import chromium, serve
from .search_queries import QUERIES, Query

#: The search box, and the line that says what it found (its ``data-query`` and ``data-state`` say for what).
FIELD = "#ree-search-input"
STATUS = "[data-ree-search-status]"
RESULT = "[data-ree-result]"


def results(page: Any, query: str) -> list[str]:
    """The result links for ``query``, best first, as site paths with their anchors."""
    field = page.locator(FIELD)
    button = page.locator("label.md-header__button[for='__search']").first
    if button.is_visible() and not page.evaluate("document.getElementById('__search').checked"):
        button.click()  # at phone width the box opens from the header's search button
    field.click()
    field.fill("")
    field.type(query, delay=5)
    done = f"{STATUS}[data-state='done'][data-query={_quoted(query)}]"
    page.locator(done).wait_for(state="attached", timeout=20_000)
    hrefs = page.locator(RESULT).evaluate_all("els => els.map(e => e.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        path = parts.path.lstrip("/").removesuffix("index.html")
        found.append(path + (f"#{parts.fragment}" if parts.fragment else ""))
    return found


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rank(found: list[str], expected: str) -> int | None:
    """1 for the first result; None when the expected page is not among the results."""
    for position, location in enumerate(found, 1):
        if location == expected or (("#" not in expected) and location.split("#")[0] == expected):
            return position
    return None


Row = tuple[Query, int | None, list[str]]
#: The query sets, by their ``held_out`` number.
SETS = ("tuned", "held-out", "fresh", "blind", "blind2", "blind3", "blind4", "blind5")


def measure(base_url: str, browser: Any, queries: list[Query] | None = None) -> list[Row]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/", wait_until="networkidle")
    rows = []
    for query in QUERIES if queries is None else queries:
        found = results(page, query.text)
        rows.append((query, rank(found, query.expected), found[:3]))
    context.close()
    return rows


def summary(rows: list[Row]) -> str:
    first = sum(1 for _, position, _ in rows if position == 1)
    top = sum(1 for _, position, _ in rows if position is not None and position <= 3)
    return f"first for {first} of {len(rows)} ({100 * first / max(len(rows), 1):.0f} %), top three for {top}"


def misses(rows: list[Row]) -> list[str]:
    """Every query whose expected page is not first, with what came instead."""
    return [
        f"{query.text!r} ({query.group}): expected {query.expected}, rank {position or '-'}, top three {top}"
        for query, position, top in rows
        if position != 1
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--set", choices=SETS, default="tuned", help="which queries (default: those tuned on)")
    args = parser.parse_args(argv)
    queries = [q for q in QUERIES if q.held_out == SETS.index(args.set)]
    with serve(args.site) as url, chromium() as browser:
        rows = measure(url, browser, queries)
    for query, position, top in rows:
        print(f"{position or '-':>3}  {query.text:44} {query.expected:46} {'' if position == 1 else top}")
    print(f"{args.set}: {summary(rows)}")


if __name__ == "__main__":
    main()
