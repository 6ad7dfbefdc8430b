"""The built site in a real Chromium: search, tiles, charts, sorting, palettes, phone width, no outside requests."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ree_site.data.discovery import data_files

from .accessibility import PAGE_KINDS, violations
from .browser import CHROMIUM, chromium, serve
from .conftest import ROOT
from .search_ranks import FIELD, RESULT, SETS, STATUS, Row, measure, misses, results, summary
from .test_real_site import ELEMENT_IDS

# Skipped only outside CI, for someone running pytest by hand without Chromium; in CI (and `make test`, which
# installs it) a missing browser is a failure, not a silent skip.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Chromium is not installed (make browser-deps)"
)


@pytest.fixture(scope="module")
def base_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


class Watched:
    """A page whose console errors and requests are recorded."""

    def __init__(self, browser: Any, base_url: str, **context: Any) -> None:
        self.base_url = base_url
        self.context = browser.new_context(**context)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def goto(self, path: str) -> Any:
        self.page.goto(self.base_url + path, wait_until="networkidle")
        return self.page

    def check_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]
        assert outside == [], "requests left 127.0.0.1"
        assert self.errors == [], "console errors"
        self.context.close()


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    page = Watched(browser, base_url, viewport={"width": 1280, "height": 900})
    yield page
    page.check_clean()


@pytest.fixture(scope="module")
def ranked(browser: Any, base_url: str) -> list[Row]:
    """Every query of tests/search_queries.py typed into the real search box of the MkDocs build."""
    return measure(base_url, browser)


@pytest.fixture(scope="module")
def ranked_zensical(browser: Any, zensical_site: Path) -> list[Row]:
    """The same queries typed into the search box of the Zensical build (`make build-zensical`)."""
    with serve(zensical_site) as url:
        return measure(url, browser)


#: What each query set must reach: the share of its queries whose expected page comes first, and the share whose
#: expected page is among the first three. The issue's target is 95 % first and 100 % in the first three for every
#: set. The blind set (59 queries, written on 6 December 2026 by someone who had not seen the ranking code or the
#: other sets) reached 50 first (85 %) and 55 in the first three when it was measured once; the second blind set (39
#: queries kept of 70) 30 first (77 %) and 31. In a later session the citation blocks were taken out of the index
#: (their BibTeX showed as excerpts); their copies of each page's title had been lifting title matches, and the first
#: held-out set fell from 36 to 34 of 38. Two general changes followed, measured on all five sets: a page's names
#: raise its score by twice the share of the query they hold (was once), and a question of four words or more also
#: finds the pages that lack two of its words, or all its everyday ones. Now: tuned 151 of 156 first (155 in the
#: first three), first held-out 35 of 38 (38), second held-out 39 of 40 (40), blind 51 of 59 (56), second blind 31
#: of 39 (35). Ten new plant records then took two first places: "does the US produce rare earths" (USA Rare Earth's
#: plant) and "Round Top Texas" (Lynas' Seadrift plant, in Texas); "Arafura Nolans" now expects the Nolans record.
#: The trade figures added later lifted one more of the second blind set into the first three (36), once the marks of
#: the tables' cells ("cite", a note's letters "ba", "bb") were kept out of the index: "bad" had found them.
#: A third blind set (43 queries kept of 60, written the same way by another hand from the built pages' visible text)
#: was measured once before any change of this session: 30 first (70 %), 37 in the first three; 11 of its 13 misses
#: were questions. Then three general changes, chosen on the tuned set: a producer's "what and where" ("magnet plant
#: in United States") no longer holds a query's "US" as the initials of its country (the tuned "does the US produce
#: rare earths" now finds the United States); words side by side in the order typed weigh three times (was twice);
#: a page's declared questions weigh like its other names in Pagefind's ranking (8, was 4). Tuned 151 first (156 in
#: the first three), first held-out 36 (38), the others unchanged, the third blind set unchanged (30 and 37).
#: A fourth blind set (40 kept of 60, 23 of them questions) was measured once before the next changes: 33 first
#: (82 %), 36 in the first three. Then four general changes: a page's score is taken on the words it holds as
#: themselves or their forms, not as the start of longer words ("scans" of "scandium"); a country's name is also
#: searched as its adjective ("China", "Chinese"); a question's telling words in a page's first 80 words raise it;
#: the pages that led any partial search are reordered too, and a name holding the words apart is a step further
#: than one holding them side by side. Tuned 152 first (was 151), first held-out 36, second 38 (was 39), blind 53
#: (51), blind2 32 (30; 35 in the first three, was 36), blind3 32 (30), blind4 35 (33).
#: Then "less", "least", "since", "become" and a few more function words joined the stop words (the rare "less" had
#: outweighed "concentrated"): blind3 33 (38 → 39 in the first three), the others unchanged. Then the questions
#: every element's or country's page answers alike weigh 4, a page's own 8: blind4 36.
#: The floors are what the sets reach: they guard against getting worse and do not claim the target.
FIRST_SHARE = {
    "tuned": 0.98, "held-out": 0.97, "fresh": 0.95, "blind": 0.915, "blind2": 0.84, "blind3": 0.81,
    "blind4": 0.9, "blind5": 0.79,
}  # fmt: skip
TOP_THREE_SHARE = {
    "tuned": 1.0, "held-out": 1.0, "fresh": 1.0, "blind": 0.98, "blind2": 0.92, "blind3": 0.97, "blind4": 0.95,
    "blind5": 0.84,
}  # fmt: skip


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("which", SETS)
def test_search_puts_the_best_page_first_for_the_reader_queries(
    request: pytest.FixtureRequest, engine: str, which: str
) -> None:
    """Each set of the query set (tuned on, the two held out, the two blind ones), on the MkDocs and on the Zensical
    build: the expected page comes first for the share of its queries in FIRST_SHARE, and within the first three
    for the share in TOP_THREE_SHARE; every query that misses is named."""
    ranked: list[Row] = request.getfixturevalue("ranked" if engine == "mkdocs" else "ranked_zensical")
    rows = [row for row in ranked if row[0].held_out == SETS.index(which)]
    first = [row for row in rows if row[1] == 1]
    failed = "\n".join(misses(rows))
    assert len(rows) >= 38
    assert len(first) >= FIRST_SHARE[which] * len(rows), f"{engine}, {which}: {summary(rows)}\n{failed}"
    top = [row for row in rows if row[1] is not None and row[1] <= 3]
    assert len(top) >= TOP_THREE_SHARE[which] * len(rows), f"{engine}, {which}: {summary(rows)}\n{failed}"


def test_zensical_search_finds_the_same_first_pages(ranked: list[Row], ranked_zensical: list[Row]) -> None:
    differ = [
        f"{query.text!r}: MkDocs {ours[:1]}, Zensical {theirs[:1]}"
        for (query, _, ours), (_, _, theirs) in zip(ranked, ranked_zensical, strict=True)
        if ours[:1] != theirs[:1]
    ]
    assert differ == []


def test_the_query_set_covers_misspellings_of_every_element_and_ten_names(ranked: list[Row]) -> None:
    """Every element's name misspelt, and at least ten company and place names, find the right page first."""
    misspelt = [row for row in ranked if row[0].group == "misspelt element"]
    assert {q.expected for q, _, _ in misspelt} == {f"elements/{e}/" for e in ELEMENT_IDS}
    names = [row for row in ranked if row[0].group == "misspelt name"]
    assert len({q.expected for q, _, _ in names}) >= 10
    assert misses(misspelt + names) == []


def test_first_page_load_fetches_no_search_index(watched: Watched) -> None:
    """A page loads without any of the index; the first query fetches Pagefind and only what it needs."""
    page = watched.goto("/elements/neodymium/")
    assert not [url for url in watched.requests if "/pagefind/" in url or "search_index" in url]
    results(page, "neodymium")
    fetched = [url for url in watched.requests if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    assert any(url.endswith("/pagefind/ree-search.json") for url in fetched)
    assert any(".pf_fragment" in url for url in fetched)
    assert not [url for url in fetched if ".pf_filter" in url]  # the filters load when a reader asks for them
    assert not [url for url in watched.requests if "search_index" in url]


def test_a_word_is_not_found_as_the_start_of_a_longer_one(watched: Watched) -> None:
    """Pagefind finds "scans" in every "scandium" of the scandium page; the search weighs only the words a page holds
    as themselves or their forms, so the element of MRI scans comes first and scandium's page does not."""
    page = watched.goto("/")
    found = results(page, "which element is in MRI scans")
    assert found[0] == "elements/gadolinium/", found[:3]


def test_a_country_is_also_searched_as_its_adjective(watched: Watched) -> None:
    """Neo's page says it sold its "Chinese separation plants" and never "China" in its text: a reader's "in China"
    finds it all the same."""
    page = watched.goto("/")
    found = results(page, "Neo sold its plants in China")
    assert found[0] == "producers/neo-performance-materials/", found[:3]


def test_a_query_many_pages_of_one_kind_match_alike_goes_to_the_view(watched: Watched) -> None:
    """Every element page has a price table and says what its oxide costs; a question about oxide costs in general
    names no element, so the page that compares them (/prices/) comes first, not one of 17 element pages."""
    page = watched.goto("/")
    found = results(page, "how did oxide costs move after 2020")
    assert found[0] == "prices/", found[:3]
    assert not [url for url in found[:3] if url.startswith("elements/")], found[:3]


def test_a_view_is_found_by_the_words_readers_add_to_its_name(watched: Watched) -> None:
    """Readers add the site's own subject to a view's name: "rare earth supply chain" is the supply-chain view, not
    the timeline, whose question about what happened when once held all four words."""
    page = watched.goto("/")
    assert results(page, "rare earth supply chain")[0] == "supply-chain/"
    assert results(page, "rare earth history")[0] == "timeline/"
    assert results(page, "rare earth reserves by country")[0] == "map/"  # not the stockpiles issue's "reserves"


def _places() -> dict[str, list[str]]:
    """Each part of every site's place (Fort Worth; Texas), with the sites whose place names it."""
    found: dict[str, list[str]] = {}
    for path in data_files(ROOT / "data", "producers"):
        place = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("place")
        for part in (part.strip() for part in (place or "").split(",")):
            if part:
                found.setdefault(part, []).append(f"producers/{path.stem}/")
    return found


def test_a_place_finds_the_site_there(watched: Watched) -> None:
    """A reader who types a site's town, state or province ("Inner Mongolia", "Utah", "Tamil Nadu") gets a site
    there first, not the company whose page also names the place, nor the "South ..." countries of "South
    Carolina"."""
    places = _places()
    assert len(places) >= 30, sorted(places)
    page = watched.goto("/")
    wrong = []
    for part, sites in sorted(places.items()):
        # As written, and as typed on a keyboard without accents ("Goias" for "Goiás").
        plain = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        for typed in sorted({part, plain}):
            found = results(page, typed)
            if not found or found[0] not in sites:
                wrong.append(f"{typed!r}: first three {found[:3]}, expected one of {sites}")
    assert not wrong, "\n".join(wrong)


def test_a_misspelling_is_corrected_and_can_be_searched_as_typed(watched: Watched) -> None:
    page = watched.goto("/")
    assert results(page, "neodynium")[0] == "elements/neodymium/"
    status = page.locator(STATUS)
    assert "Showing results for “neodymium”" in status.inner_text()
    status.locator("button", has_text="neodynium").click()
    page.locator(f"{STATUS}[data-state='done']").wait_for(state="attached")
    assert "Showing results for" not in status.inner_text() and "“neodynium”" in status.inner_text()


def test_each_page_comes_once_with_its_matching_sections(watched: Watched) -> None:
    page = watched.goto("/")
    found = results(page, "dysprosium price")
    assert found[0] == "elements/dysprosium/" and len(found) == len(set(found))
    sections = page.locator(".ree-search__result").first.locator(".ree-search__sections a")
    hrefs = sections.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "/elements/dysprosium/#prices" in hrefs
    assert all("#" in href for href in hrefs) and "/elements/dysprosium/#dysprosium-dy" not in hrefs  # not the title


def test_filters_narrow_by_kind_country_and_stage(watched: Watched) -> None:
    page = watched.goto("/")
    assert results(page, "rare earth mine")
    filters = page.locator("[data-ree-search-filters]")
    assert not filters.is_visible()  # loaded only when asked for
    page.locator("[data-ree-search-narrow]").click()
    filters.locator("select[name='country']").wait_for()
    filters.locator("select[name='country']").select_option("China")
    page.locator(f"{STATUS}[data-state='done']").wait_for(state="attached")
    filters.locator("select[name='stage']").select_option("Mining")
    page.locator(f"{STATUS}[data-state='done']").wait_for(state="attached")
    found = page.locator(RESULT).evaluate_all("els => els.map(e => e.href)")
    assert found and all("/producers/" in href for href in found)
    kinds = page.locator(".ree-search__result .ree-search__kind").all_inner_texts()
    # What and where each is: "Mine in China", or with the site's place, "Mine in Inner Mongolia, China".
    assert kinds and all(re.search(r" in ([^,]+, )*China$", k) or k == "Country" for k in kinds), kinds
    assert "Mine in Inner Mongolia, China" in kinds, kinds
    # The kind alone, with no words typed: every page of that kind.
    filters.locator("select[name='country']").select_option("")
    filters.locator("select[name='stage']").select_option("")
    filters.locator("select[name='kind']").select_option("Element")
    page.locator(FIELD).fill("")
    page.locator(FIELD).type(" ")
    page.locator(f"{STATUS}[data-state='done']").wait_for(state="attached")
    found = page.locator(RESULT).evaluate_all("els => els.map(e => e.href)")
    assert found and all("/elements/" in href for href in found)


def test_the_keyboard_reaches_the_results_and_closes_the_box(watched: Watched) -> None:
    page = watched.goto("/")
    results(page, "lynas")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.ree-search__results') !== null")
    page.keyboard.press("Escape")
    assert not page.locator(".ree-search__output").is_visible()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "ree-search-input"


def test_a_glossary_result_opens_at_its_term(watched: Watched) -> None:
    page = watched.goto("/")
    assert results(page, "monazite")[0] == "glossary/#monazite"
    page.locator(RESULT).first.click()
    page.wait_for_url(re.compile(r".*/glossary/#monazite$"))
    heading = page.locator("h2#monazite")
    assert heading.is_visible() and heading.bounding_box()["y"] < 300


def test_the_tags_page_is_not_a_search_result(watched: Watched) -> None:
    page = watched.goto("/")
    assert not [href for href in results(page, "Nd") + results(page, "Mine") if href.startswith("tags/")]


def test_search_result_opens_the_page(watched: Watched) -> None:
    page = watched.goto("/")
    results(page, "neodymium")
    page.locator(RESULT).first.click()
    page.wait_for_url(re.compile(r".*/elements/neodymium/$"))
    assert page.locator("h1").first.inner_text().startswith("Neodymium (Nd)")


def test_periodic_tile_opens_its_element(watched: Watched) -> None:
    page = watched.goto("/elements/")
    assert page.locator(".ree-tile").count() == 17
    page.locator(".ree-tile[href='dysprosium/']").click()
    page.wait_for_url(re.compile(r".*/elements/dysprosium/$"))
    assert page.locator("h1").first.inner_text().startswith("Dysprosium (Dy)")


def test_producer_page_shows_a_chart(watched: Watched) -> None:
    page = watched.goto("/producers/united-states/")
    chart = page.locator("figure.ree-chart svg").first
    assert chart.is_visible()
    assert chart.bounding_box()["height"] > 50
    assert "Mine production of United States" in chart.locator("title").text_content()


def test_table_sorts_from_its_header_buttons_and_keeps_the_total_last(watched: Watched) -> None:
    page = watched.goto("/concentration/")
    table = page.locator("table").filter(has_text="Listed countries").first
    header = table.locator("th", has_text="Year")
    button = header.locator("button.ree-sort")
    assert button.count() == 1, "each sort header holds a button"
    button.focus()
    page.keyboard.press("Enter")
    years = table.locator("tbody tr td:first-child").all_inner_texts()
    assert years == sorted(years)
    assert header.get_attribute("aria-sort") == "ascending"
    button.click()
    assert table.locator("tbody tr td:first-child").all_inner_texts() == sorted(years, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"
    # A table with a World row keeps it last whichever way it is sorted.
    world = page.locator("table").filter(has=page.locator("[data-ree-total]")).first
    for _ in range(2):
        world.locator("th button").nth(1).click()
        assert world.locator("tbody tr").last.locator("[data-ree-total]").count() == 1


def test_timeline_filter_is_a_fieldset_with_a_live_count(watched: Watched) -> None:
    page = watched.goto("/timeline/")
    items = page.locator(".ree-timeline li")
    total = items.count()
    assert total > 20
    fieldset = page.locator("fieldset.ree-filter")
    assert fieldset.locator("legend").inner_text().strip()
    count = page.locator("[data-ree-count]")
    assert count.get_attribute("aria-live") == "polite"
    assert count.inner_text() == f"Showing {total} of {total} events."
    box = fieldset.locator("input[value='trade-policy']")
    box.focus()
    outline = box.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), f"no visible focus: {outline}"
    page.keyboard.press("Space")
    visible = page.locator(".ree-timeline li:visible").count()
    assert 0 < visible < total
    assert count.inner_text() == f"Showing {visible} of {total} events."
    # A folded group per year, the latest open, and a jump list that opens the group it names.
    groups = page.locator("details[id^='year-']")
    assert page.locator("nav.ree-jump a").count() == groups.count() > 5
    assert page.locator("details[id^='year-'][open]:visible").count() >= 1
    last = groups.last.get_attribute("id")
    page.locator(f"nav.ree-jump a[href='#{last}']").click()
    assert page.locator(f"#{last}").get_attribute("open") is not None


def test_sources_filter_by_publisher_and_year(watched: Watched) -> None:
    page = watched.goto("/sources/")
    total = page.locator(".ree-sources dt").count()
    assert total > 300
    field = page.get_by_label("Filter by publisher, title or year")
    field.fill("geological survey 2025")
    shown = page.locator(".ree-sources dt:visible")
    assert 0 < shown.count() < total
    assert all("2025" in text for text in page.locator(".ree-sources dt:visible + dd").all_inner_texts())
    assert page.locator("[data-ree-count]").inner_text() == f"Showing {shown.count()} of {total} sources."
    # The one year with matches is shown and opened; the others are hidden.
    assert page.locator("details[id^='published-']:visible").count() == 1
    assert page.locator("details[id^='published-']:visible").get_attribute("open") is not None
    # And by kind of publisher.
    field.fill("")
    page.get_by_label("Kind of publisher").select_option("government")
    governments = page.locator(".ree-sources dt:visible").count()
    assert 20 < governments < total
    assert all("(Government)" in text for text in page.locator(".ree-sources dt:visible + dd").all_inner_texts())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser: Any, base_url: str, scheme: str) -> None:
    """axe-core on one page of every kind: no serious or critical violation, in both palettes."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for kind, path in PAGE_KINDS.items():
        page.goto(base_url + path, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, kind
        problems = violations(page)
        if problems:
            found[kind] = problems
    context.close()
    assert found == {}, "\n".join(f"{kind}:\n  " + "\n  ".join(p) for kind, p in found.items())


def test_dark_palette(watched: Watched) -> None:
    page = watched.goto("/producers/china/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    light = page.locator(".ree-chart__label").first.evaluate("e => getComputedStyle(e).fill")
    page.locator("label[for='__palette_1']").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    dark = page.locator(".ree-chart__label").first.evaluate("e => getComputedStyle(e).fill")
    assert light != dark, "chart labels follow the palette"


def outside_their_chart(page: Any) -> list[str]:
    """Chart texts that reach past the edge of their drawing (and would be cut off or overlap the page)."""
    found: list[str] = page.evaluate(
        """() => { const out = [];
          for (const svg of document.querySelectorAll('svg.ree-chart__svg')) {
            const box = svg.getBoundingClientRect(); if (!box.width) continue;
            for (const t of svg.querySelectorAll('text')) { const r = t.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1) out.push(t.textContent); } }
          return out; }"""
    )
    return found


def test_chart_labels_fit_at_desktop_width(watched: Watched) -> None:
    for path in ("/", "/producers/china/", "/elements/neodymium/", "/concentration/", "/supply-chain/", "/prices/",
                 "/trade/", "/map/"):  # fmt: skip
        assert outside_their_chart(watched.goto(path)) == [], path


PHONE_PAGES = ["/", "/elements/", "/elements/neodymium/", "/producers/china/", "/producers/mountain-pass/",
               "/issues/china-export-controls/", "/concentration/", "/supply-chain/", "/prices/", "/timeline/", "/sources/",
               "/glossary/", "/trade/", "/map/"]  # fmt: skip


def test_phone_width(browser: Any, base_url: str) -> None:
    """At 390 px: nothing scrolls sideways, chart text is at least 10 px, links in the page are at least 24 px
    tall to tap, a record's first sentence is on the first screen, and a figure's note sits under its row."""
    phone = Watched(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    for path in PHONE_PAGES:
        page = phone.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 391, f"{path} scrolls sideways ({width} px)"
        smallest = page.evaluate(
            """() => Math.min(1000, ...[...document.querySelectorAll('svg text')]
                .filter(t => t.getBoundingClientRect().width > 0)
                .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""
        )
        assert smallest >= 10, f"{path}: chart text of {smallest:.1f} px"
        assert outside_their_chart(page) == [], f"{path}: chart labels cut off"
        small_targets = page.evaluate(
            """() => [...document.querySelectorAll('.ree-jump a, .ree-filter label, .ree-sort, .ree-chart a')]
                .filter(a => a.getBoundingClientRect().width > 0 && a.getBoundingClientRect().height < 24)
                .map(a => a.textContent.trim()).slice(0, 5)"""
        )
        assert small_targets == [], f"{path}: tap targets under 24 px: {small_targets}"
    for path in ("/elements/neodymium/", "/producers/china/", "/issues/china-export-controls/"):
        page = phone.goto(path)
        lead = page.locator("article p").first
        assert lead.bounding_box()["y"] + 40 < 844, f"{path}: the first sentence is below the fold"
    page = phone.goto("/producers/mountain-pass/")
    note = page.locator("table[data-ree-stack] td[data-label='Note']").first
    box = note.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 391, "the note column is off-screen"
    phone.check_clean()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_chart_downloads_as_svg_png_and_csv(browser: Any, base_url: str, tmp_path: Path, width: int) -> None:
    """Each chart's buttons save the drawing shown (wide or narrow) as SVG and PNG, with its title, sources and the
    site's name inside, and its numbers as CSV."""
    watched = Watched(browser, base_url, viewport={"width": width, "height": 900}, accept_downloads=True)
    page = watched.goto("/concentration/")
    figure = page.locator("figure.ree-chart").first
    figure.scroll_into_view_if_needed()
    saved = {}
    for kind, label in (
        ("svg", "this chart as SVG"),
        ("png", "this chart as PNG"),
        ("csv", "the numbers of this chart"),
    ):
        with page.expect_download() as info:
            figure.get_by_role("button", name=f"Download {label}").click()
        download = info.value
        assert download.suggested_filename.endswith(f".{kind}") and download.suggested_filename.startswith("world-")
        saved[kind] = tmp_path / f"chart.{kind}"
        download.save_as(saved[kind])
    svg = saved["svg"].read_text()
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg
    text = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    assert "World rare-earth mine production" in text and "U.S. Geological Survey" in text
    assert "Chart: Rare Earths Reference" in text
    # The colours of the stylesheet travel with the copy: a line drawn with a concrete colour, not a CSS variable.
    assert re.search(r'class="ree-chart__line[^"]*" [^>]*style="fill:\s*none;\s*stroke:\s*rgb\(', svg)
    png = saved["png"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    png_width = int.from_bytes(png[16:20], "big")
    assert png_width == 2 * (720 if width == 1280 else 360)
    lines = saved["csv"].read_text().splitlines()
    assert lines[0].startswith("# World rare-earth mine production") and "Chart: Rare Earths Reference" in lines[0]
    assert lines[1] == "series,year,value,high,unit,as shown" and len(lines) > 50
    watched.check_clean()


@pytest.mark.parametrize("width", [390, 1280])
def test_citations_open_read_and_date_themselves(browser: Any, base_url: str, width: int) -> None:
    """The citation blocks, opened, fit the width and pass axe; the access date is the reader's (the browser's
    clock set to 15 January 2030), in each format's own form; a figure's "cite" link opens its citation."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.clock.set_fixed_time("2030-01-15T12:00:00")
    page = context.new_page()
    for path in ("/producers/china/", "/elements/neodymium/", "/downloads/"):
        page.goto(base_url + path, wait_until="networkidle")
        dates = page.eval_on_selector_all(".ree-accessed", "s => s.map(e => [e.dataset.reeDate, e.textContent])")
        assert dates == [["long", "January 15, 2030"], ["iso", "2030-01-15"], ["iso", "2030-01-15"],
                         ["ris", "2030/01/15"], ["csl", "2030, 1, 15"]], path  # fmt: skip
        page.evaluate("() => document.querySelectorAll('details.ree-cite').forEach(d => { d.open = true; })")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"{path} scrolls sideways with its citations open ({scroll} px)"
        assert violations(page) == [], path
    page.goto(base_url + "/elements/neodymium/", wait_until="networkidle")  # its price table is not folded
    link = page.locator("a.ree-fig-cite").first
    target = link.get_attribute("href")
    assert not page.locator(f"li{target}").is_visible()
    link.click()
    assert page.locator(f"li{target}").is_visible(), "the cite link opens the folded citations"
    assert "Original source:" in page.locator(f"li{target}").inner_text()
    context.close()


def test_search_at_phone_width(browser: Any, base_url: str) -> None:
    """At 390 px the header's search button opens the box over the whole screen, and the results fit it."""
    phone = Watched(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.goto("/elements/")
    assert page.locator(".ree-search__inner").bounding_box()["width"] == 0  # closed until the button opens it
    assert results(page, "mount weld")[0] == "producers/mount-weld/"
    box = page.locator(".ree-search__inner").bounding_box()
    assert box is not None and box["width"] >= 389 and box["height"] >= 800
    first = page.locator(RESULT).first.bounding_box()
    assert first is not None and first["x"] >= 0 and first["x"] + first["width"] <= 391 and first["y"] < 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    phone.check_clean()


def test_zensical_search_box_works_without_the_theme_index(browser: Any, zensical_site: Path) -> None:
    """On Zensical's build the box is the site's own as well: the theme's search neither loads its index
    (search.json) nor takes over the box, and a query runs with no console error and nothing from another host."""
    with serve(zensical_site) as url:
        watched = Watched(browser, url, viewport={"width": 1280, "height": 900})
        page = watched.goto("/producers/")
        assert results(page, "Mountian Pass")[0] == "producers/mountain-pass/"
        assert not [u for u in watched.requests if u.endswith(("/search.json", "/search_index.json"))]
        watched.check_clean()
