"""The built site in a real Chromium: search, tiles, charts, sorting, palettes, phone width, no outside requests."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .accessibility import PAGE_KINDS, violations
from .browser import CHROMIUM, chromium, serve
from .search_ranks import measure, results

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


def test_search_puts_the_best_page_first_for_the_reader_queries(browser: Any, base_url: str) -> None:
    """The query set of tests/search_queries.py typed into the real search box: the expected page comes first
    for at least 95 % of the queries, and within the first three for every one."""
    rows = measure(base_url, browser)
    first = [query for query, _, position, _ in rows if position == 1]
    misses = [f"{query!r}: rank {position}, top {top}" for query, _, position, top in rows if position != 1]
    assert len(rows) >= 40
    assert len(first) >= 0.95 * len(rows), "\n".join(misses)
    assert all(position is not None and position <= 3 for _, _, position, _ in rows), "\n".join(misses)


def test_a_glossary_result_opens_at_its_term(watched: Watched) -> None:
    page = watched.goto("/")
    results(page, "monazite")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_url(re.compile(r".*/glossary/.*#monazite$"))
    heading = page.locator("h2#monazite")
    assert heading.is_visible() and heading.bounding_box()["y"] < 300


def test_the_tags_page_is_not_a_search_result(watched: Watched) -> None:
    page = watched.goto("/")
    assert not [href for href in results(page, "Nd") + results(page, "Mine") if href.startswith("tags/")]


def test_search_result_opens_the_page(watched: Watched) -> None:
    page = watched.goto("/")
    results(page, "neodymium")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(re.compile(r".*/elements/neodymium/(\?h=[^#]*)?(#.*)?$"))
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
