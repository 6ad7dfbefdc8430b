"""Every built page laid out for a reader, in a real Chromium: at 390, 1280 and 1600 px, in both palettes.

No table wider than its column at desktop widths, no table row taller than ``MAX_ROW``, no paragraph of a generated
page longer than ``MAX_PARAGRAPH`` characters, nothing scrolling sideways
on a phone (every table fits or is stacked), no two chart labels overlapping, no element past its column, chart
marks at 3:1 against the background, and no field name, record id or editors' phrase in the text. A failure names
the page, the width, the palette and the element.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import CHROMIUM, chromium, serve
from .layout import GENERATED, WIDTHS, audit, pages, record_ids, set_scheme

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"), reason="Chromium is not installed (make browser-deps)"
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def served(real_site: Path) -> Iterator[tuple[str, Path]]:
    with serve(real_site) as url:
        yield url, real_site


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


def test_every_page_kind_is_audited(served: tuple[str, Path]) -> None:
    """The audit reaches every kind of page: records, indexes, views, articles, the glossary."""
    found = pages(served[1])
    assert len(found) >= 100
    for path in ("/", "/elements/neodymium/", "/producers/china/", "/issues/recycling/", "/prices/", "/sources/",
                 "/timeline/", "/concentration/", "/supply-chain/", "/glossary/", "/blog/", "/trade/", "/map/",
                 "/issues/china-rare-earth-regulations/", "/issues/india-magnet-scheme/",
                 "/issues/strategic-stockpiles/"):  # fmt: skip
        assert path in found


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_reads_at_this_width(served: tuple[str, Path], browser: Any, width: int) -> None:
    base, site = served
    ids = record_ids(ROOT / "data")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    try:
        for path in pages(site):
            page.goto(base + path, wait_until="load")
            for scheme in ("default", "slate"):
                set_scheme(page, scheme)
                found = audit(page, width, ids, path.startswith(GENERATED))
                problems.extend(f"{path} at {width} px ({scheme}): {p}" for p in found)
    finally:
        context.close()
    assert problems == [], f"{len(problems)} layout problems:\n" + "\n".join(problems[:60])


def test_the_audit_finds_what_it_looks_for(browser: Any) -> None:
    """A page made to fail every check: each problem is found and named (the audit cannot pass by accident)."""
    html = (
        """<html><body data-md-color-scheme="default" style="background:#fff"><div class="md-content">
      <article class="md-content__inner md-typeset" style="width:600px">
      <h2>Wide</h2><div class="md-typeset__scrollwrap" style="overflow-x:auto"><table><thead><tr><th>a</th></tr></thead>
      <tbody><tr><td style="white-space:nowrap">"""
        + "x" * 300
        + """</td></tr></tbody></table></div>
      <h2>Tall</h2><table><tbody><tr><td style="height:300px">tall</td></tr></tbody></table>
      <div style="width:900px">too wide</div>
      <svg class="ree-chart__svg" width="400" height="100" viewBox="0 0 400 100"><title>Test chart</title>
        <text x="10" y="20">Overlapping one</text><text x="12" y="22">Overlapping two</text>
        <polyline class="ree-chart__line" points="0,0 10,10" style="stroke:#eeeeee;fill:none"/></svg>
      <p>Read from a stored copy; see china-japan-2010 and data/x.yml.</p>
      <p>"""
        + "A sentence of a paragraph that goes on. " * 20
        + """</p>
      </article></div></body></html>"""
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_content(html)
    found = "\n".join(audit(page, 1280, ["china-japan-2010"]))
    context.close()
    for expected in ("table wider than its column", "table row",
                     "overflows its column", "chart labels overlap", "chart mark at", "stored copy",
                     'record id "china-japan-2010"', "data file name", "paragraph of 799 characters"):  # fmt: skip
        assert expected in found, f"{expected!r} not found in:\n{found}"
