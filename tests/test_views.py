"""Computed views: shares, HHI, charts, data embedded in hand-written pages, and the downloads."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.errors import DataError
from ree_site.link import stats
from ree_site.link.catalog import Catalog
from ree_site.outputs.export import export_files
from ree_site.render.charts import Bar, bar_chart, column_chart
from ree_site.render.embeds import expand_page
from ree_site.render.renderer import Renderer

from .conftest import SOURCE_MARK, MakeData, csv_rows

WORLD = """
    name: World total
    kind: country
    aggregate: world
    country: World
    summary: World totals.
    figures:
      - {measure: mine-production, year: 2023, value: 400000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2024, value: 300000, unit: t REO, source: usgs-test}
      - {measure: reserves, year: 2024, value: 90000000, unit: t REO, qualifier: more-than, source: usgs-test}
    reviewed: 2026-11-27
"""
AUSTRALIA = """
    name: Australia
    kind: country
    country: Australia
    stages: [mining]
    summary: A producer.
    figures:
      - {measure: mine-production, year: 2024, value: 30000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""
CHINA_SHARES = """
    name: China
    kind: country
    country: China
    stages: [mining, separation]
    summary: The largest producer.
    figures:
      - {measure: mine-production, year: 2024, value: 270000, unit: t REO, estimated: true, source: usgs-test}
      - {measure: share-separation, year: 2023, value: 92, unit: '%', source: usgs-test}
      - {measure: share-separation, year: 2023, value: 91, unit: '%', source: ciaaw-test, note: Second source.}
    elements: [neodymium]
    reviewed: 2026-11-27
"""


@pytest.fixture
def catalog(make_data: MakeData) -> Catalog:
    return build_catalog(
        make_data(producers__world=WORLD, producers__australia=AUSTRALIA, producers__china=CHINA_SHARES)
    )


def test_shares_and_hhi(catalog: Catalog) -> None:
    assert stats.production_years(catalog) == [2023, 2024]
    shares = stats.country_shares(catalog, 2024)
    assert [(s.entry.id, round(s.percent, 1)) for s in shares] == [("china", 90.0), ("australia", 10.0)]
    result = stats.hhi(catalog, 2024)
    assert result is not None
    assert round(result.hhi) == 90**2 + 10**2
    assert result.top is not None and result.top.id == "china"
    assert round(result.covered) == 100
    # No country figures for 2023: no index rather than a made-up one.
    assert stats.hhi(catalog, 2023) is None


def test_first_listed_figure_is_the_one_shown(catalog: Catalog) -> None:
    figure = stats.stage_shares(catalog.get("producer", "china"))["separation"]
    assert figure.value == 92


def test_charts_are_labelled_svg() -> None:
    chart = bar_chart([Bar("China", 270000, "270,000 t", "../producers/china/"), Bar("A & B", 1, "1 t")], "T", "C")
    assert chart.startswith('<figure class="ree-chart ree-chart--bars" data-csv="# T.&#10;label,value,as shown&#10;')
    assert "<title" in chart and "<desc" in chart and "China: 270,000 t; A &amp; B: 1 t" in chart
    # A chart is an image to assistive technology: links go in the table beside it, never inside the SVG.
    assert "<a " not in chart
    # Drawn at a wide and a narrow layout, so that its text stays readable on a phone.
    assert chart.count("<svg") == 2 and "ree-chart__svg--narrow" in chart
    assert "\n" not in chart  # one raw HTML block for Markdown
    columns = column_chart([("2023", 1.0, "1"), ("2024*", 2.0, "2")], "Title", "Caption")
    assert "<figcaption>Caption</figcaption>" in columns


def test_a_chart_carries_its_title_sources_and_site_inside_the_drawing() -> None:
    """Saved or embedded alone, the drawing still says what it shows, where the numbers come from and whose it is;
    its numbers go with it as CSV (the figure's data-csv, which assets/ree-charts.js offers as a download)."""
    title = "Rare-earth mine production by country, 2024, in tonnes of rare-earth oxide equivalent"
    chart = bar_chart(
        [Bar("China", 270000, "270,000 t"), Bar("United States", 45000, "45,000 t")], title, "Caption.",
        source="Source: U.S. Geological Survey (2026)", site="Rare Earths Reference",
    )  # fmt: skip
    for svg in re.findall(r"<svg.*?</svg>", str(chart)):
        width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())  # type: ignore[union-attr]
        heading = re.findall(r'class="ree-chart__heading" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)<', svg)
        credit = re.findall(r'class="ree-chart__credit" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)<', svg)
        assert " ".join(text for _, text in heading) == title
        assert (
            " ".join(text for _, text in credit)
            == "Source: U.S. Geological Survey (2026). Chart: Rare Earths Reference"
        )
        # Every line within the drawing, the title above the plot and the credit below it.
        assert all(0 < float(y) <= height for y, _ in heading + credit)
        plot = re.search(r'<g transform="translate\(0 (\d+)\)">', svg)
        assert plot is not None and int(plot.group(1)) >= 18 * len(heading)
        assert min(float(y) for y, _ in credit) > max(float(y) for y, _ in heading)
        if width == 360:
            assert len(heading) >= 2, "a long title wraps at the narrow layout"
    data = html.unescape(re.search(r'data-csv="([^"]*)"', str(chart)).group(1))  # type: ignore[union-attr]
    assert data.splitlines() == [
        f"# {title}. Source: U.S. Geological Survey (2026). Chart: Rare Earths Reference.",
        "label,value,as shown", "China,270000,\"270,000 t\"", "United States,45000,\"45,000 t\"",
    ]  # fmt: skip


def test_view_pages(catalog: Catalog) -> None:
    pages = {p.uri: p.markdown for p in Renderer(catalog).render_all()}
    concentration = pages["concentration.md"]
    assert "## Mine production by country, 2024" in concentration
    assert "| 2024 | 8,200 | [China](producers/china.md) | 90.0 % | 100.0 % |" in concentration
    assert "| Separation and refining | 92 %" in concentration
    timeline = pages["timeline.md"]
    assert (
        '<span class="ree-timeline__date" data-category="trade-policy"><time datetime="2025-04-04">4 April 2025</time>'
        in timeline
    )
    assert 'data-ree-filter="timeline" hidden' in timeline
    assert '<a href="../downloads/elements.json">elements.json</a>' in pages["downloads.md"]


def test_producer_page_has_a_chart_and_qualified_values(catalog: Catalog) -> None:
    pages = {p.uri: p.markdown for p in Renderer(catalog).render_all()}
    assert '<figure class="ree-chart ree-chart--columns" data-csv=' in pages["producers/world.md"]
    assert "| Reserves |  | 2024 | &#62;90,000,000<sup" in pages["producers/world.md"]


def test_embeds_expand(catalog: Catalog) -> None:
    text = (
        "World [[figure world mine-production latest]], China [[share china 2024]], HHI [[hhi latest]], "
        "year [[year]], [[count elements]] elements, see [[link producers/china]].\n"
        "`[[not expanded]]`\n```\n[[nor this]]\n```\n"
    )
    out = expand_page(catalog, text, "articles/one.md", "content/articles/one.md")
    assert out.startswith(
        f'World 300,000 t REO{SOURCE_MARK}[source](../sources/index.md#usgs-test "U.S. Geological Survey (2026)")</sup>'
        ", China 90.0 %, HHI 8,200, year 2024, 1 elements, see [China](../producers/china.md)."
    )
    assert "`[[not expanded]]`" in out and "[[nor this]]" in out
    reserves = expand_page(catalog, "[[figure world reserves latest]]", "index.md", "content/index.md")
    assert reserves.startswith("more than 90,000,000 t REO")
    assert "| [China](producers/china.md) | 270,000" in expand_page(
        catalog, "[[table production 2024]]", "index.md", "x"
    )
    assert "ree-chart--bars" in expand_page(catalog, "[[chart world-production latest]]", "index.md", "x")


def test_downloads(catalog: Catalog) -> None:
    files = export_files(catalog)
    assert set(files) >= {
        "downloads/elements.json", "downloads/producers.json", "downloads/issues.json", "downloads/sources.json",
        "downloads/elements.csv", "downloads/producers.csv", "downloads/issues.csv", "downloads/sources.csv",
        "downloads/figures.csv", "downloads/events.csv", "downloads/schema/element.json",
        "downloads/datapackage.json", "downloads/records/elements/neodymium.json", "llms.txt",
    }  # fmt: skip
    elements = json.loads(files["downloads/elements.json"])["records"]
    assert elements[0]["id"] == "neodymium"
    assert elements[0]["url"] == "/elements/neodymium/"
    assert elements[0]["atomic_weight"] == {
        "value": "144.242(3)",
        "source": "ciaaw-test",
        "note": None,
        "editor_note": None,
    }
    assert elements[0]["cites"] == ["ciaaw-test", "usgs-test"]
    figures = csv_rows(files["downloads/figures.csv"])
    world = [f for f in figures if f["producer"] == "world" and f["measure"] == "reserves"]
    assert world == [
        {"producer": "world", "measure": "reserves", "element": "", "elements": "", "product": "", "partner": "",
         "from_year": "", "year": "2024", "month": "", "value": "90000000.0", "high": "", "qualifier": "more-than",
         "unit": "t REO", "basis": "", "estimated": "False", "alternative": "False", "computed": "False",
         "edition": "", "source": "usgs-test", "note": ""}
    ]  # fmt: skip


def test_alternative_figures_are_recorded_but_not_shown(make_data: MakeData) -> None:
    china = CHINA_SHARES.replace(
        "      - {measure: share-separation, year: 2023, value: 91, unit: '%', source: ciaaw-test, note: Second source.}",
        "      - {measure: share-separation, year: 2025, value: 91, unit: '%', source: usgs-test, alternative: true,\n"
        "         note: Year of the statement; the 2023 figure is preferred.}",
    )
    catalog = build_catalog(make_data(producers__world=WORLD, producers__australia=AUSTRALIA, producers__china=china))
    entry = catalog.get("producer", "china")
    assert stats.stage_shares(entry)["separation"].value == 92
    page = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["producers/china.md"]
    assert "| Share of world separation and refining |  | 2025 | 91<sup" in page
    assert "Not used in charts or shares. Year of the statement" in page
    with pytest.raises(DataError):
        expand_page(catalog, "[[figure china share-separation 2025]]", "index.md", "x")


def test_abbreviations_are_given_only_for_terms_a_page_uses() -> None:
    from ree_site.data.abbreviations import Abbreviations

    glossary = Abbreviations.parse(
        "*[REO]: Rare-earth oxide\n*[REE]: Rare earth element\n*[HREE]: Heavy REE\nnot a line\n"
    )
    assert (
        glossary.for_text("World output in t REO, mostly HREE-free.")
        == "\n\n*[HREE]: Heavy REE\n*[REO]: Rare-earth oxide\n"
    )
    assert glossary.for_text("Nothing here; PREOccupied does not count.") == ""


def test_latest_articles(catalog: Catalog, tmp_path: Path) -> None:
    from ree_site.data.articles import find_articles

    posts = tmp_path / "content" / "blog" / "posts"
    posts.mkdir(parents=True)
    (posts / "old.md").write_text("---\ndate: 2026-01-02\ndescription: Older.\n---\n\n# An old one\n")
    (posts / "new.md").write_text("---\ndate:\n  created: 2026-03-04\n---\n\n# A *new* one\n")
    (posts / "draft.md").write_text("No front matter.\n")
    articles = find_articles(tmp_path / "content")
    assert [a.title for a in articles] == ["A *new* one", "An old one"]
    out = expand_page(catalog, "[[latest-articles 5]]", "index.md", "content/index.md", articles)
    assert (
        "- [A &#42;new&#42; one](blog/posts/new.md) (4 March 2026)\n- [An old one](blog/posts/old.md) (2 January 2026): Older."
        in out
    )
    with pytest.raises(DataError):
        expand_page(catalog, "[[latest-articles 3]]", "index.md", "content/index.md", [])


def test_concentration_tables_are_separate_from_the_next_heading(catalog: Catalog) -> None:
    page = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["concentration.md"]
    world_row = next(line for line in page.splitlines() if line.startswith("| <strong data-ree-total>World</strong> |"))
    after = page.split(world_row, 1)[1]
    assert after.startswith("\n\n## Herfindahl"), after[:40]
