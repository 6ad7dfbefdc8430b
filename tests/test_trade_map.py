"""The trade page and the world map over the real data: trade series kept apart by period, the export-control
events read from their issue and marked on the charts, each site placed where its latitude and longitude put it
(inside its country's outline), every producing country on the map and in its table; and both pages built."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import cast

import pytest

from ree_site import build_catalog
from ree_site.data.models import Issue, Producer
from ree_site.link import stats, trade
from ree_site.link.catalog import Catalog
from ree_site.link.countries import country_codes
from ree_site.render.chart_frame import LAYOUTS
from ree_site.render.renderer import Renderer
from ree_site.render.trade_views import recent
from ree_site.render.views import Views
from ree_site.render.world_geometry import Country, countries, inside, path_rings, robinson
from ree_site.render.world_map import place

from .conftest import ROOT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(ROOT / "data")


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    renderer = Renderer(catalog)
    return {name: renderer.render_view(name).markdown for name in ("trade", "map")}


def test_robinson_puts_the_equator_and_the_central_meridian_at_the_frames_middle() -> None:
    assert robinson(0, 10) == pytest.approx((1347.0, 760.0))
    # The frame's edges are the meridian opposite the centre (170° W), its top and bottom the poles.
    assert robinson(0, -170 + 1e-9)[0] == pytest.approx(-30.0, abs=0.01)
    assert robinson(90, 10)[1] == pytest.approx(61.0, abs=1.5) and robinson(-90, 10)[1] == pytest.approx(1459, abs=1.5)


def test_a_path_is_read_as_its_rings() -> None:
    assert path_rings("m 10,10 5,0 0,5 z m 100,100 l 1,0 0,1 h -1 z") == [
        [(10, 10), (15, 10), (15, 15)],
        [(110, 110), (111, 110), (111, 111), (110, 111)],
    ]
    assert path_rings("M 0,0 c 1,1 2,2 3,0 L 3,3 V 5 H 1 z") == [[(0, 0), (3, 0), (3, 3), (3, 5), (1, 5)]]


def test_every_located_site_lies_in_its_country(catalog: Catalog) -> None:
    outlines, codes = countries(), country_codes()
    located = [e for e in catalog.producers if e.record.location is not None]
    assert len(located) >= 4
    for entry in located:
        record = cast("Producer", entry.record)
        assert record.location is not None
        point = robinson(record.location.lat, record.location.lon)
        # Within about 20 km of the outline: a coastal site may fall just outside the map's simplified coast.
        assert inside(point, outlines[codes[record.country]], reach=1.5), f"{entry.path}: not in {record.country}"


def test_the_reach_is_measured_to_the_outlines_edges_not_only_to_its_corners() -> None:
    # A long straight coast with corners 100 units apart: a port on it lies far from every corner.
    square = Country("xx", (((0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)),))
    assert inside((50, 50), square)
    assert not inside((50, -1), square) and inside((50, -1), square, reach=1.5)
    assert not inside((50, -2), square, reach=1.5) and not inside((150, 150), square, reach=1.5)


def test_a_site_put_in_the_wrong_hemisphere_is_not_in_its_country() -> None:
    # Sillamäe, Estonia, with its latitude's sign flipped or its longitude's: the check must catch both slips.
    estonia = countries()[country_codes()["Estonia"]]
    assert inside(robinson(59.3931, 27.7742), estonia, reach=1.5)
    assert not inside(robinson(-59.3931, 27.7742), estonia, reach=1.5)
    assert not inside(robinson(59.3931, -27.7742), estonia, reach=1.5)


def test_every_producing_country_has_a_shape_on_the_map_and_a_row(catalog: Catalog, pages: dict[str, str]) -> None:
    views = Views(catalog, "map.md")
    year = views.map_year("mine-production")
    assert year == stats.country_years(catalog)[-1]
    producing = views.map_countries("mine-production")
    assert len(producing) >= 10
    drawn = set(re.findall(r'data-country="([a-z]{2})"', pages["map"]))
    for entry, _, code in producing:
        assert code in drawn, f"{entry.path}: {entry.record.country} has no shape on the map"
        assert f"[{entry.record.name}](producers/{entry.id}.md)" in pages["map"], entry.id


def test_each_site_is_drawn_where_its_coordinates_put_it(catalog: Catalog, pages: dict[str, str]) -> None:
    views = Views(catalog, "map.md")
    for entry, location in views.map_sites():
        found = re.findall(
            rf'<circle class="ree-map__site" cx="([\d.]+)" cy="([\d.]+)" r="3.5" data-lat="{location.lat:g}" '
            rf'data-lon="{location.lon:g}">',
            pages["map"],
        )
        # Once per layout, at the projected place, under the title above the plot.
        assert len(found) == len(LAYOUTS), entry.id
        for (cx, cy), (_, width) in zip(found, LAYOUTS, strict=True):
            x, y = place(location.lat, location.lon, width)
            assert (float(cx), float(cy)) == pytest.approx((x, y), abs=0.06), entry.id


def test_the_map_classes_follow_the_values(catalog: Catalog, pages: dict[str, str]) -> None:
    china = re.search(r'<path class="ree-map__k(\d)" data-country="cn"', pages["map"])
    canada = re.search(r'<path class="ree-map__k(\d)" data-country="ca"', pages["map"])
    assert china and china.group(1) == "4"  # the largest producer, in the top class
    assert canada and canada.group(1) == "0"  # none mined in the map's year


def test_monthly_and_annual_trade_figures_are_separate_series(catalog: Catalog) -> None:
    series = trade.trade_series(catalog)
    magnets = [s for s in series if s.total and "8505.11.10" in s.product and s.measure == "exports"]
    assert sorted(s.monthly for s in magnets) == [False, True]
    annual = next(s for s in magnets if not s.monthly)
    assert all(f.month is None for f in annual.figures) and [f.year for f in annual.figures] == sorted(
        f.year for f in annual.figures
    )


def test_the_charts_mark_the_export_control_events_of_the_issue(catalog: Catalog, pages: dict[str, str]) -> None:
    china = catalog.get("producer", "china")
    issue = cast("Issue", catalog.get("issue", "china-export-controls").record)
    april = next(e for e in issue.events if e.date == "2025-04-04")
    marks = trade.markers(catalog, china, 2025.0, 2026.0)
    first = marks[0]
    assert first.label == "April 2025" and first.events[0][1] is april
    assert first.time == pytest.approx(trade.event_time("2025-04-04"))
    # The page's key names the event as the issue does, and each chart draws one line per marker.
    assert f"4 April 2025: {april.title}" in pages["trade"]
    chart, drawn = Views(catalog, "trade.md").trade_chart(china, "monthly")
    assert str(chart).count('class="ree-chart__marker"') == len(drawn) * len(LAYOUTS)
    assert [m.label for m in drawn][:1] == ["April 2025"]


def test_the_trade_table_lists_each_figure_with_its_source(catalog: Catalog, pages: dict[str, str]) -> None:
    china = catalog.get("producer", "china")
    figures = trade.trade_figures(china)
    assert len(figures) >= 50
    assert f"All {len(figures)} trade figures of China" in pages["trade"]
    assert "| May 2025 |" in pages["trade"] and "1,238" in pages["trade"]


def test_both_pages_build(real_site: Path) -> None:
    trade_html = (real_site / "trade" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in trade_html and ">Trade<" in trade_html
    assert trade_html.count('<figure class="ree-chart ree-chart--lines"') == 3
    assert "Licences required for seven medium and heavy rare earths" in trade_html
    assert 'href="../downloads/trade.csv"' in trade_html
    map_html = (real_site / "map" / "index.html").read_text(encoding="utf-8")
    assert map_html.count('<figure class="ree-chart ree-chart--map"') == 2
    assert map_html.count("<title") >= 4 and 'data-country="cn"' in map_html
    assert (real_site / "downloads" / "trade.csv").read_text(encoding="utf-8").count("\n") > 50


def test_the_sites_table_says_where_each_point_is(catalog: Catalog, pages: dict[str, str]) -> None:
    # A town's point standing for a plant is marked approximate in its note: the reader must see it beside the numbers.
    noted = [e for e in catalog.producers if e.record.location is not None and e.record.location.note]
    assert len(noted) >= 10
    for entry in noted:
        note = cast("Producer", entry.record).location.note  # type: ignore[union-attr]
        # The words up to the first comma (the text renderer may turn straight quotes into curly ones later on).
        assert note is not None and note.split(",")[0] in pages["map"], (
            f"{entry.path}: location note not on the map page"
        )


def _shown_series(catalog: Catalog, measure: str) -> list[trade.TradeSeries]:
    return [s for s in trade.trade_series(catalog) if s.reporter.id == "china" and s.measure == measure]


def test_chinas_imports_are_recorded_by_origin(catalog: Catalog) -> None:
    origins = {s.partner: s for s in _shown_series(catalog, "imports") if not s.total}
    for country in ("Myanmar", "Laos", "Malaysia", "United States"):
        assert country in origins, f"data/producers/china.yml: no imports from {country}"
    # Laos, the newly recorded supplier, by the three products of the 2023 customs reading.
    laos = {s.product for s in _shown_series(catalog, "imports") if s.partner == "Laos"}
    assert len(laos) == 3, f"data/producers/china.yml: imports from Laos {sorted(laos)}"


def test_chinas_rare_earth_exports_reach_back_to_2015_with_the_gaps_shown(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    total = next(
        s
        for s in _shown_series(catalog, "exports")
        if s.total and not s.monthly and s.product == "Rare earths (compounds and metals)"
    )
    years = {f.year for f in total.figures}
    assert {2015, *range(2018, 2026)} <= years, f"data/producers/china.yml: export years {sorted(years)}"
    # No source was found for the total in 2016 and 2017 (2017 has the magnets alone, from Adamas): the page lists
    # the years it has, so the gap shows.
    assert 2017 not in years
    assert "Annual totals were found for 2015, 2017, 2018, 2019" in pages["trade"]
    # Exports and imports have a table each (together they were wider than the page's column at 1280 px).
    exports, imports = (pages["trade"].index(t) for t in ("Exports with every country", "Imports from every country"))
    assert exports < imports < pages["trade"].index("| 2024 | 132,931")


def test_a_share_turned_into_tonnes_says_so(catalog: Catalog) -> None:
    # GITI prints only each origin's share of a product's total; the tonnes are the site's arithmetic, and each such
    # figure must be approximate and give the share and the total it came from.
    china = catalog.get("producer", "china")
    derived = [f for f in trade.trade_figures(china) if f.source == "giti-china-rare-earth-imports-2023"]
    assert len(derived) >= 10
    for f in derived:
        where = f"data/producers/china.yml: imports from {f.partner} of {f.product} ({f.year})"
        assert f.computed, f"{where}: computed: true missing"
        assert f.note and re.search(r"[\d.]+ % of [\d,]+ t", f.note), where


def test_the_partner_text_names_the_years_the_site_turned_shares_into_tonnes(
    catalog: Catalog, pages: dict[str, str], tmp_path: Path
) -> None:
    # The sentence is read from the figures, not written once: over the real data it names GITI's 2023 shares ...
    assert "Of the import rows, 13 (for 2023) are the site's arithmetic" in pages["trade"]
    # ... and when the data change (the three Laos rows moved to 2022, all others no longer marked computed),
    # it follows them rather than going stale.
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    china = data / "producers" / "china.yml"
    items = china.read_text(encoding="utf-8").split("\n  - ")
    changed = []
    for item in items:
        giti = "giti-china-rare-earth-imports-2023" in item
        if giti and 'partner: "Laos"' in item:
            changed.append(item.replace("year: 2023", "year: 2022"))
        else:
            changed.append(item.replace("\n    computed: true", "") if giti else item)
    china.write_text("\n  - ".join(changed), encoding="utf-8")
    page = Renderer(build_catalog(data)).render_view("trade").markdown
    assert "Of the import rows, 3 (for 2022) are the site's arithmetic" in page, "data/producers/china.yml"
    assert "The 2023 origins" not in page and "(for 2023)" not in page
    # With no such figure left, no sentence claims one.
    china.write_text(china.read_text(encoding="utf-8").replace("\n    computed: true", ""), encoding="utf-8")
    page = Renderer(build_catalog(data)).render_view("trade").markdown
    assert "arithmetic" not in page.split("| Flow | Partner |")[0] and "tonnes as reported" not in page


def test_monthly_charts_draw_the_last_two_years_and_the_tables_keep_the_rest(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    china = catalog.get("producer", "china")
    views = Views(catalog, "trade.md")
    chosen = views.trade_chart_series(china, "monthly")
    assert min(f.year for s in chosen for f in s.figures) <= 2022  # older single months are recorded
    drawn = recent(chosen)
    assert {f.year for s in drawn for f in s.figures} == {2024, 2025}
    chart, _ = views.trade_chart(china, "monthly")
    assert "May 2022" not in str(chart) and "July 2024 to December 2025" in str(chart)
    assert "| May 2022 |" in pages["trade"]  # the month is still in the table


def test_the_partner_section_holds_imports_by_origin_and_its_chart_exports_only(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    china = catalog.get("producer", "china")
    views = Views(catalog, "trade.md")
    assert {s.measure for s in views.trade_chart_series(china, "partners")} == {"exports"}
    assert "## China: exports by destination and imports by origin" in pages["trade"]
    assert "| Laos | Mixed rare-earth carbonate | 2023 |" in pages["trade"]
    assert "and no imports by partner" not in pages["trade"]
    # Within one partner and product, the rows run oldest first, a year's total among the months.
    rows = views.partner_table(views.partner_rows(china))
    us = [f.period for s, f in rows if s.measure == "exports" and s.partner == "United States"]
    assert us[:3] == ["October 2019", "2020", "May 2022"]
