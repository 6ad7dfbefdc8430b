"""Prices, import reliance, ore grades and long series: the views show what the model holds, and the real data
carries the numbers on every element page (what the model refuses is in the golden cases in tests/errors/)."""

from __future__ import annotations

import re

import pytest

from ree_site import build_catalog
from ree_site.outputs.export import export_files
from ree_site.render.charts import Point, Series, line_chart
from ree_site.render.renderer import Renderer, configuration, figure_value
from ree_site.render.views import Views

from .conftest import ROOT, SMALL_DATA, MakeData, csv_rows

FIGURE = """
          - measure: mine-production
            year: 2024
            value: 270000
            unit: t REO
            estimated: true
            source: usgs-test"""


def china_with(figure: str) -> str:
    """The small data's China record with one more figure (YAML list item, indented as in the file)."""
    text = SMALL_DATA["producers/china.yml"]
    assert FIGURE in text
    return text.replace(FIGURE, FIGURE + figure)


PRICED = """
        figures:
          - {measure: price, product: "Neodymium oxide, 99.5% minimum", basis: Free on board, year: 2023, value: 78,
             unit: $/kg, source: usgs-test}
          - {measure: price, product: "Neodymium oxide, 99.5% minimum", year: 2024, value: 56, unit: $/kg,
             source: usgs-test, edition: MCS 2026}
          - {measure: price, product: "Neodymium oxide, 99.5% minimum", year: 2024, value: 60, unit: $/kg,
             source: ciaaw-test, alternative: true, edition: MCS 2025, note: Earlier edition.}"""


def test_element_page_shows_its_prices_imports_and_ore_grades(make_data: MakeData) -> None:
    element = SMALL_DATA["elements/neodymium.yml"].replace(
        "summary: A light rare earth used in magnets.", "summary: A light rare earth used in magnets." + PRICED
    )
    china = china_with(
        "\n          - {measure: import-reliance, year: 2025, value: 67, unit: '%', elements: [neodymium],"
        " product: Rare-earth compounds and metals, source: usgs-test}"
        "\n          - {measure: import-share, from_year: 2021, year: 2024, value: 71, unit: '%', partner: China,"
        " elements: [neodymium], product: Rare-earth compounds and metals, source: usgs-test}"
        "\n          - {measure: ore-grade, year: 2022, value: 16.6, unit: '%', element: neodymium,"
        " product: Bastnaesite, source: usgs-test}"
    )
    catalog = build_catalog(make_data(elements__neodymium=element, producers__china=china))
    page = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["elements/neodymium.md"]
    assert "Price of Neodymium products by year ($/kg)" in page  # the chart, unit in its title
    # Years down the side, latest first; the product's full name and its basis under the table.
    assert "| Year | Neodymium oxide |" in page
    assert page.index("| 2024 | 56<sup") < page.index("| 2023 | 78<sup")
    assert "- Neodymium oxide, 99.5 % minimum: Free on board." in page  # one percent style
    assert "2024: 60 $/kg" in page and "(MCS 2025)" in page  # the earlier edition is kept and named
    assert "| Latest price | 56 $/kg (2024)" in page
    assert "| US net import reliance | 67 % (2025)" in page
    assert re.search(r"\| China \| 71 %<sup.*\| 2021–24 \|", page)
    assert re.search(r"\| \[China\]\(\.\./producers/china\.md\) \| Bastnaesite \|.* 16\.6 %", page)
    prices = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["prices.md"]
    assert "Prices of the products at" in prices
    files = export_files(catalog)
    rows = csv_rows(files["downloads/prices.csv"])
    assert [(r["year"], r["value"], r["alternative"]) for r in rows] == [
        ("2023", "78", "False"),
        ("2024", "56", "False"),
        ("2024", "60", "True"),
    ]


def test_a_line_breaks_at_a_missing_year_and_never_drops_to_zero() -> None:
    points = [Point(y, v, str(v)) for y, v in ((2000, 10.0), (2001, 12.0), (2003, 14.0), (2004, 15.0))]
    chart = line_chart([Series("World", points)], "T", "C")
    wide = chart.split("</svg>")[0]
    assert wide.count("<polyline") == 2  # 2000-2001 and 2003-2004: no line across 2002
    assert ",0.0" not in wide and "2002" not in re.findall(r">(\d{4})<", wide)[-1:]


def test_log_axis_and_ranges() -> None:
    series = [Series("Scandium oxide", [Point(2021, 890, "890–1,000", 1000), Point(2022, 820, "820")]),
              Series("Lanthanum oxide", [Point(2021, 1.5, "1.5"), Point(2022, 1.4, "1.4")])]  # fmt: skip
    chart = line_chart(series, "T", "C", log=True)
    assert ">1,000<" in chart and ">1<" in chart  # decades as gridlines, in the tables' number style
    assert chart.count('class="ree-chart__range"') == 2  # the 2021 range, once per layout


def test_every_chart_has_a_narrow_layout_with_readable_text() -> None:
    chart = line_chart([Series("World", [Point(2000, 1, "1"), Point(2001, 2, "2")])], "T", "C")
    narrow = chart.split('ree-chart__svg--narrow" viewBox="0 0 ')[1]
    assert narrow.startswith("360 ")  # shown at about its own width on a 390 px phone: 13-unit text stays ~13 px


def test_value_and_configuration_formatting() -> None:
    catalog = build_catalog(ROOT / "data")
    scandium = catalog.get("element", "scandium").record
    oxide = next(f for f in scandium.figures if f.year == 2021 and f.product and f.product.startswith("Scandium oxide"))
    assert figure_value(oxide) == "890–1,000"
    assert str(configuration("[Xe] 4f10 6s2")) == "&#91;Xe&#93; 4f¹⁰ 6s²"
    assert str(configuration("[Xe] 5d 6s2")) == "&#91;Xe&#93; 5d¹ 6s²"


# ---- The real data, record by record ----

REAL = build_catalog(ROOT / "data")
PAGES = {p.uri: p.markdown for p in Renderer(REAL).render_all()}
ELEMENTS = [e.id for e in REAL.elements]
#: The elements MCS 2026 gives no price for.
UNPRICED = {"promethium", "thulium"}


@pytest.mark.parametrize("element", ELEMENTS)
def test_priced_elements_have_a_price_chart(element: str) -> None:
    record = REAL.get("element", element).record
    page = PAGES[f"elements/{element}.md"]
    if element in UNPRICED:
        assert not any(f.measure == "price" for f in record.figures), f"{element} has prices, but USGS gives none"
        assert "The site records no price" in page
    else:
        assert any(f.measure == "price" for f in record.figures), f"{element} has no price"
        assert f"Price of {record.name} products by year ($/kg)" in page, f"{element} page lacks its price chart"


@pytest.mark.parametrize("element", ELEMENTS)
def test_element_pages_carry_properties_and_imports(element: str) -> None:
    page = PAGES[f"elements/{element}.md"]
    for label in ("Electron configuration", "Density", "Melting point", "Abundance in the crust"):
        assert f"| {label} |" in page, f"{element} infobox lacks {label}"
    assert "| US net import reliance |" in page, f"{element} has no US import reliance"


def test_element_pages_hold_at_most_17_not_recorded_cells() -> None:
    counts = {e: PAGES[f"elements/{e}.md"].lower().count("not recorded") for e in ELEMENTS}
    assert sum(counts.values()) <= 17, counts


def test_ore_grades_reach_element_and_deposit_pages() -> None:
    assert "Bastnaesite" in PAGES["elements/neodymium.md"]
    assert "Rare-earth distribution in the ore of Bayan Obo" in PAGES["producers/bayan-obo.md"]
    for element in ("lanthanum", "cerium", "neodymium", "dysprosium", "yttrium"):
        grades = Views(REAL, f"elements/{element}.md").about(REAL.get("element", element), "ore-grade")
        assert len(grades) >= 10, f"{element}: only {len(grades)} deposits give its share"


def test_production_by_country_csv_spans_decades() -> None:
    rows = csv_rows(export_files(REAL)["downloads/production-by-country.csv"])
    assert list(rows[0])[:6] == ["country", "year", "value", "unit", "source", "edition"]
    years = {int(r["year"]) for r in rows}
    assert len(years) >= 20 and min(years) <= 1950 and max(years) >= 2025
    world = {(r["year"], r["edition"]): r["value"] for r in rows if r["country"] == "World total"}
    # The edition revision: MCS 2025 gave 390,000 t for 2024, MCS 2026 gives 380,000 t; both are kept.
    assert world[("2024", "MCS 2025")] == "390000" and world[("2024", "MCS 2026")] == "380000"


def test_hhi_for_every_year_with_country_data() -> None:
    from ree_site.link import stats

    years = stats.country_years(REAL)
    assert years[0] <= 2018 and years[-1] >= 2025
    assert all(stats.hhi(REAL, y) is not None for y in years)
    page = PAGES["concentration.md"]
    assert "World rare-earth mine production, 1900–" in page
    for year in years:
        assert re.search(rf"\n\| {year} \| [\d,]+ \| \[", page), f"no HHI row for {year}"


def test_elements_index_compares_the_seventeen() -> None:
    page = PAGES["elements/index.md"]
    assert "| Element | Group | Price ($/kg) | US import reliance | China's share | Atomic weight |" in page
    assert "## Main uses" in page  # long text off the table, in a list after it
    uses = [line for line in page.splitlines() if line.startswith("- **[")]
    assert len(uses) == 17 and all("</sup>; " in line for line in uses if line.count("<sup") > 1)
    rows = [line for line in page.splitlines() if re.match(r"\| \d+ \[[A-Z][a-z]+\]\([^)]*\) \([A-Z][a-z]?\) \|", line)]
    assert len(rows) == 17
