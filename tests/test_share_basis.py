"""A country's share of world mine production is taken of the world total on its own basis (the same source or
edition), never of a total from another series: in the share series, the shares of a year, the HHI, the plausibility
rules, and the page that says where each stretch of a share comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.errors import DataError
from ree_site.link import stats
from ree_site.link.catalog import Catalog
from ree_site.render.renderer import Renderer
from ree_site.render.views import ShareStretch, Views

from .conftest import ROOT, MakeData

#: A second series of world totals, as the Mineral Commodity Summaries are beside Data Series 140.
SECOND_SERIES = """
    title: Test Commodity Summaries, world production table
    publisher: U.S. Geological Survey
    year: 2026
    url: https://example.org/summaries.pdf
    reviewed: 2026-11-27
"""
WORLD = """
    name: World total
    kind: country
    aggregate: world
    country: World
    summary: World totals.
    figures:
      - {{measure: mine-production, year: 2008, value: 124000, unit: t REO, source: usgs-test}}
      - {{measure: mine-production, year: 2009, value: 135000, unit: t REO, source: usgs-test}}
      - {{measure: mine-production, year: 2010, value: 101000, unit: t REO, source: usgs-test}}
      - {{measure: mine-production, year: 2011, value: 104000, unit: t REO, source: usgs-test}}
{alternative}    reviewed: 2026-11-27
"""
ALTERNATIVE = (
    "      - {measure: mine-production, year: 2010, value: %d, unit: t REO, alternative: true, source: summaries,\n"
    "         note: The other series.}\n"
)
CHINA = """
    name: China
    kind: country
    country: China
    stages: [mining]
    summary: The largest producer.
    figures:
      - {measure: mine-production, year: 2009, value: 129000, unit: t REO, source: summaries}
      - {measure: mine-production, year: 2010, value: 130000, unit: t REO, source: summaries}
      - {measure: mine-production, year: 2011, value: 52000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""
AUSTRALIA = """
    name: Australia
    kind: country
    country: Australia
    summary: A producer.
    figures:
      - {measure: mine-production, year: 2010, value: 8000, unit: t REO, source: usgs-test}
      - {measure: mine-production, year: 2011, value: 26000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""
AMERICA = """
    name: United States
    kind: country
    country: United States
    summary: An early producer.
    figures:
      - {measure: mine-production, year: 2008, value: 5000, unit: t REO, source: usgs-test}
    reviewed: 2026-11-27
"""


def _data(make_data: MakeData, alternative: int | None = 133000) -> Path:
    return make_data(
        sources__summaries=SECOND_SERIES,
        producers__world=WORLD.format(alternative=ALTERNATIVE % alternative if alternative else ""),
        producers__china=CHINA,
        producers__australia=AUSTRALIA,
        producers__usa=AMERICA,
    )


def test_a_share_is_taken_of_the_world_total_of_the_same_source(make_data: MakeData) -> None:
    catalog = build_catalog(_data(make_data))
    china = catalog.get("producer", "china")
    found = [(year, round(share, 4), figure.source) for year, share, figure in stats.share_series(catalog, china)]
    # 2010: 130,000 / 133,000 (the same series), not / 101,000 (128.7 %); 2011: 52,000 / 104,000. 2009 has no
    # world total of China's source, so no share rather than 129,000 / 135,000 from another series.
    assert found == [(2010, 97.7444, "summaries"), (2011, 50.0, "usgs-test")]
    shares = {s.entry.id: (round(s.percent, 2), s.total.value) for s in stats.country_shares(catalog, 2010)}
    assert shares == {"china": (97.74, 133000), "australia": (7.92, 101000)}


def test_no_index_adds_up_shares_of_two_series(make_data: MakeData) -> None:
    catalog = build_catalog(_data(make_data))
    assert stats.hhi(catalog, 2010) is None  # China of one total, Australia of another
    index = stats.hhi(catalog, 2011)
    assert index is not None and round(index.hhi) == 50**2 + 25**2
    assert stats.country_years(catalog) == [2011]


def test_the_stretches_of_a_share_name_their_source_or_why_there_is_none(make_data: MakeData) -> None:
    catalog = build_catalog(_data(make_data))
    views = Views(catalog, "concentration.md")
    china = catalog.get("producer", "china")
    assert [e.id for e in views.long_run_leaders()] == ["usa", "china"]
    assert views.share_first(views.long_run_leaders()) == 2008
    assert views.share_stretches(china, 2008) == [
        ShareStretch(2008, 2008, None, "no-figure"),
        ShareStretch(2009, 2009, None, "no-total"),
        ShareStretch(2010, 2010, "summaries", None),
        ShareStretch(2011, 2011, "usgs-test", None),
    ]
    page = Renderer(catalog).render_view("concentration").markdown
    assert "- 2008: no share, because no source on the site gives China's mine production for that year." in page
    assert "- 2009: no share, because the site has no world total from the same source as China's figure" in page
    assert "- 2010: Test Commodity Summaries, world production table" in page


def test_a_stated_share_fills_a_year_without_tonnages_and_only_for_rare_earths_as_a_whole(make_data: MakeData) -> None:
    """A share of world mining a source states (no tonnage behind it on the site) is China's share in a year that has
    none from the tonnages; never in a year that has one, and never a share of one element or of a group."""
    stated = (
        "  - {measure: share-mining, year: 2007, value: 90, unit: '%', source: summaries}\n"
        "  - {measure: share-mining, year: 2010, value: 50, unit: '%', source: summaries}\n"
        "  - {measure: share-mining, year: 2006, value: 80, unit: '%', element: neodymium, source: summaries}\n"
        "  - {measure: share-mining, year: 2005, value: 70, unit: '%', elements: [neodymium],\n"
        "     source: summaries}\n"
    )
    data = _data(make_data)
    path = data / "producers" / "china.yml"
    path.write_text(path.read_text().replace("\nreviewed:", "\n" + stated + "reviewed:"))
    catalog = build_catalog(data)
    china = catalog.get("producer", "china")
    found = [(year, round(share, 4), figure.measure) for year, share, figure in stats.share_series(catalog, china)]
    assert found == [(2007, 90, "share-mining"), (2010, 97.7444, "mine-production"), (2011, 50.0, "mine-production")]
    assert Views(catalog, "concentration.md").share_stretches(china, 2007)[0] == ShareStretch(
        2007, 2007, "summaries", None
    )


def test_a_country_is_weighed_against_the_world_total_of_its_own_series(make_data: MakeData) -> None:
    build_catalog(_data(make_data))  # 130,000 of 133,000: no problem, though the shown total is 101,000
    with pytest.raises(DataError) as raised:
        build_catalog(_data(make_data, alternative=120000))
    assert "China's mine production in 2010, 130,000 t REO" in raised.value.report()
    assert "is more than the world total, 120,000 t REO" in raised.value.report()
    with pytest.raises(DataError) as raised:
        build_catalog(_data(make_data, alternative=None))
    report = raised.value.report()
    assert "is more than the world total, 101,000 t REO" in report
    assert "the two come from different sources" in report


# --- The real data ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> Catalog:
    return build_catalog(ROOT / "data", ROOT)


def test_chinas_real_share_series_covers_every_year_with_a_total_of_the_same_source(real: Catalog) -> None:
    catalog = real
    china = catalog.get("producer", "china")
    totals = stats.world_totals(catalog)
    shares = stats.share_series(catalog, china)
    years = [year for year, _, _ in shares]
    # Every year the data holds a China figure and a world total of its source or edition (checked here without
    # world_total_for, which the series itself uses).
    expected = sorted(
        f.year
        for f in stats.series_of(stats.figures_of(china, "mine-production"))
        if f.element is None and f.product is None
        and any(t.year == f.year and t.value and (t.source == f.source or (f.edition and t.edition == f.edition))
                for t in totals)
    )  # fmt: skip
    # And the years a source states a share of world mining for rare earths as a whole, with no tonnages (1990).
    stated = {f.year for f in stats.shown_figures(china, "share-mining") if f.element is None and not f.elements}
    assert years == sorted(set(expected) | stated)
    assert set(range(1998, 2018)) <= set(years), f"missing: {sorted(set(range(1998, 2018)) - set(years))}"
    assert (1990, 27, "usgs-china-rare-earth-industry-announcement-2011") in [(y, s, f.source) for y, s, f in shares]
    above = [f"{year}: {share:.1f} %" for year, share, _ in shares if share > 100]
    assert above == [], f"China's share passes 100 % in {above}"


def test_chinas_1994_share_is_taken_of_the_total_of_its_own_table_not_of_data_series_140(real: Catalog) -> None:
    """China's only 1994 figure (30,600 t, a secondary table credited to Benchmark and the USGS) is divided by that
    table's world total (64,500 t), kept as an alternative, and not by the Data Series 140 total the world chart
    shows (55,100 t), which would give 55.5 % instead of 47.4 %."""
    china = real.get("producer", "china")
    shares = {year: (share, figure) for year, share, figure in stats.share_series(real, china)}
    assert 1994 in shares, "China has no share for 1994"
    share, figure = shares[1994]
    assert (figure.value, figure.source) == (30600, "visualcapitalist-30-years-rare-earth-production-2025")
    total = stats.world_total_for(stats.world_totals(real), figure)
    assert total is not None and (total.value, total.alternative) == (64500, True)
    assert round(share, 1) == 47.4
    shown = stats.series_of(stats.figures_of(stats.world(real), "mine-production"))
    assert [t.value for t in shown if t.year == 1994] == [55100]


def test_no_real_share_mixes_two_series(real: Catalog) -> None:
    """Each share, for every country, is its figure divided by a world total of the same source or edition: the
    year of one that is not is named, with the two sources."""
    catalog = real
    totals = stats.world_totals(catalog)
    mixed = []
    for entry in stats.countries(catalog):
        for year, share, figure in stats.share_series(catalog, entry):
            if figure.measure == "share-mining":  # a share its source states: its own division, taken as given
                assert share == figure.value, f"{entry.id} {year}"
                continue
            value = figure.value or 0
            used = [t for t in totals if t.year == year and t.value and abs(100 * value / t.value - share) < 1e-9]
            if not any(t.source == figure.source or (figure.edition and t.edition == figure.edition) for t in used):
                mixed.append(f"{entry.id} {year}: {figure.source} over {[t.source for t in used]}")
    assert mixed == [], "shares of a world total from another source:\n" + "\n".join(mixed)


def test_the_real_concentration_page_says_which_years_have_no_china_share(real: Catalog) -> None:
    page = Renderer(real).render_view("concentration").markdown
    assert "- 1990: Technical Announcement: The Facts of China" in page
    assert "- 1991–1993: no share, because no source on the site gives China's mine production for those years." in page
    assert "- 1994: Visualizing 30 Years of Rare Earth Production, by Country" in page
    assert "- 1995–1997: no share, because no source on the site gives China's mine production for those years." in page
    assert "- 1998–2002: Materials abundance, price, and availability data" in page
    assert "- 2003–2017: Rare earths, in Mineral Commodity Summaries" in page
