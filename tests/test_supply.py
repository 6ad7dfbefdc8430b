"""The supply-chain view: the shares by stage with the rest of the world, the flow diagram's bands, the
concentration if one country's supply stopped (against cases worked out by hand), the capacity by stage and
status, the downloads, and the page as built."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ree_site import build_catalog
from ree_site.link import plants, stats, supply
from ree_site.link.catalog import Catalog
from ree_site.outputs.export import export_files
from ree_site.render.flow_chart import Part, Row, flow_chart

from .conftest import ROOT, csv_rows


@pytest.fixture(scope="module")
def real() -> Catalog:
    return build_catalog(ROOT / "data")


def _band(name: str, share: float, named: bool = True) -> supply.Band:
    entry: Any = SimpleNamespace(id=name.lower()) if named else None
    return supply.Band(name, share, entry)


def _stage(*shares: tuple[str, float]) -> supply.StageShares:
    named = [_band(n, s) for n, s in shares]
    rest = _band(supply.REST, supply.rest_of_world([b.share for b in named]), named=False)
    return supply.StageShares("separation", 2023, (*named, rest))


def test_what_if_against_a_case_worked_by_hand() -> None:
    """A 60 %, B 25 %, C 10 %, rest 5 %. Without A, 40 % is left: B 25/40 = 62.5 %, C 25 %, rest 12.5 %;
    HHI before 60² + 25² + 10² = 4,325, after 62.5² + 25² = 4,531.25."""
    cases = {w.removed.name: w for w in supply.what_if(_stage(("A", 60), ("B", 25), ("C", 10)))}
    a = cases["A"]
    assert a.left == pytest.approx(40)
    assert a.hhi_before == pytest.approx(4325)
    assert a.hhi_after == pytest.approx(4531.25)
    assert a.largest is not None and a.largest.name == "B" and a.largest.share == pytest.approx(62.5)
    assert a.rest_after == pytest.approx(12.5)
    # Without C: 90 % left; A 66.67 %, B 27.78 %, rest 5.56 %; HHI (60/0.9)² + (25/0.9)² = 5,216.05.
    c = cases["C"]
    assert c.left == pytest.approx(90)
    assert c.hhi_after == pytest.approx((60 / 0.9) ** 2 + (25 / 0.9) ** 2)
    assert c.rest_after == pytest.approx(100 * 5 / 90)


def test_what_if_with_one_named_country_leaves_no_index() -> None:
    """China 92 %: without it 8 % is left, all of it the rest of the world, and no named country to index."""
    (only,) = supply.what_if(_stage(("China", 92)))
    assert only.left == pytest.approx(8)
    assert only.hhi_before == pytest.approx(8464)
    assert only.hhi_after is None and only.largest is None
    assert only.rest_after == pytest.approx(100)


def test_the_rest_of_the_world_is_never_below_zero() -> None:
    assert supply.rest_of_world([62, 30]) == pytest.approx(8)
    assert supply.rest_of_world([70, 31]) == 0


def test_each_stage_of_the_real_data_adds_up_to_its_total(real: Catalog) -> None:
    """At every stage of every scope the bands add up to 100 % (the named countries and the rest of the world),
    and each named band is a country's share figure of the stage's year."""
    for scope in supply.scopes(real):
        for stage in supply.chain(real, scope):
            if not stage.bands:
                continue
            where = f"{scope or 'all'} {stage.stage} {stage.year}"
            # 100 %, or a little past it where the sources' rounded shares add up past it (EU 2023: 100.1 %).
            slack = stats.rounding_slack([band.share for band in stage.named])
            assert 100 - 1e-9 <= stage.total <= 100 + slack + 1e-9, where
            for band in stage.named:
                assert band.figure is not None and band.figure.year == stage.year, f"{where}: {band.entry.id}"
                measure = "mine-production" if band.computed else f"share-{stage.stage}"
                assert band.figure.measure == measure, f"{where}: {band.entry.id}"
                # Computed only where no source gives the shares: mining, for rare earths as a whole.
                assert not band.computed or (stage.stage == "mining" and not scope), f"{where}: {band.entry.id}"


def test_mining_for_rare_earths_as_a_whole_divides_the_tonnages_where_no_share_is_given() -> None:
    """No country has a mining share for rare earths as a whole: the stage is each country's mine production over
    the world total of the same source, in the latest year with one, as the concentration page computes it."""
    data = {
        "producers/world.yml": "name: World\nkind: country\naggregate: world\ncountry: World\nsummary: A.\nfigures:\n"
        "  - {measure: mine-production, year: 2024, value: 400, unit: t REO, source: s}\n"
        "  - {measure: mine-production, year: 2025, value: 500, unit: t REO, source: s}\nreviewed: 2026-11-27\n",
        "producers/china.yml": "name: China\nkind: country\ncountry: China\nsummary: A.\nfigures:\n"
        "  - {measure: mine-production, year: 2025, value: 350, unit: t REO, source: s}\nreviewed: 2026-11-27\n",
        "producers/malaysia.yml": "name: Malaysia\nkind: country\ncountry: Malaysia\nsummary: A.\nfigures:\n"
        "  - {measure: mine-production, year: 2025, value: 100, unit: t REO, source: s}\nreviewed: 2026-11-27\n",
    }
    mining, separation, _, _ = supply.chain(_catalog(data))
    assert mining.year == 2025
    assert [(b.name, b.share, b.computed) for b in mining.bands] == [
        ("China", 70, True), ("Malaysia", 20, True), (supply.REST, 10, False)
    ]  # fmt: skip
    assert mining.named[0].figure is not None and mining.named[0].figure.value == 350
    assert separation.bands == ()  # only mining has tonnages to divide


def test_a_stage_takes_the_year_most_countries_have() -> None:
    """Shares of different years are never added: the stage takes the year with the most countries."""
    data = {
        "producers/china.yml": "name: China\nkind: country\ncountry: China\nsummary: A.\nfigures:\n"
        "  - {measure: share-separation, year: 2023, value: 90, unit: '%', source: s}\n"
        "  - {measure: share-separation, year: 2025, value: 88, unit: '%', source: s}\nreviewed: 2026-11-27\n",
        "producers/malaysia.yml": "name: Malaysia\nkind: country\ncountry: Malaysia\nsummary: A.\nfigures:\n"
        "  - {measure: share-separation, year: 2023, value: 6, unit: '%', source: s}\nreviewed: 2026-11-27\n",
    }
    catalog = _catalog(data)
    separation = supply.chain(catalog)[1]
    assert separation.year == 2023
    assert [(b.name, b.share) for b in separation.bands] == [("China", 90), ("Malaysia", 6), (supply.REST, 4)]


def _catalog(files: dict[str, str]) -> Catalog:
    import tempfile

    base = Path(tempfile.mkdtemp())
    for folder in ("elements", "producers", "issues", "sources"):
        (base / folder).mkdir()
    (base / "sources/s.yml").write_text(
        "title: T\npublisher: P\nyear: 2026\nurl: https://example.org/\nreviewed: 2026-11-27\n", encoding="utf-8"
    )
    for path, text in files.items():
        (base / path).write_text(text, encoding="utf-8")
    return build_catalog(base)


def _widths(svg: str) -> list[list[float]]:
    """The widths of the bands of each row of a flow diagram's drawing (rows in order)."""
    rows: dict[str, list[float]] = {}
    for y, width in re.findall(
        r'<rect class="ree-chart__band [^"]*" x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="24"/>', svg
    ):
        rows.setdefault(y, []).append(float(width))
    return [rows[y] for y in sorted(rows, key=float)]


def test_the_drawn_bands_fill_each_row_in_proportion() -> None:
    rows = [
        Row(
            "Mining, 2023", [Part("China", 62, "62 %"), Part("Australia", 13, "13 %"), Part(supply.REST, 25, "25.0 %")]
        ),
        Row("Metal making"),
        Row("Magnets, 2025", [Part("China", 94, "94 %"), Part(supply.REST, 6, "6.0 %")]),
    ]
    chart = str(flow_chart(rows, "T", "C"))
    wide = chart[: chart.index("ree-chart__svg--narrow")]
    mining, magnets = _widths(wide)
    assert sum(mining) == pytest.approx(716, abs=0.3) and sum(magnets) == pytest.approx(716, abs=0.3)
    assert [w / sum(mining) for w in mining] == pytest.approx([0.62, 0.13, 0.25], abs=0.001)
    assert "No shares recorded" not in wide and "Nothing recorded" in wide  # the empty row says so
    assert "Mining, 2023: China 62 %, Australia 13 %, Rest of the world 25.0 %" in chart  # the desc
    # Bands join a country's parts of consecutive rows only: none across the empty row.
    assert wide.count('class="ree-chart__flow ') == 0


def test_the_real_flow_diagram_draws_the_real_shares(real: Catalog) -> None:
    from ree_site.render.views import Views

    views = Views(real, "supply-chain.md")
    for scope, name in views.supply_scopes():
        stages = [s for s in views.chain(scope) if s.bands]
        chart = str(views.chain_chart(scope, name))
        wide = chart[: chart.index("ree-chart__svg--narrow")]
        drawn = _widths(wide)
        assert len(drawn) == len(stages), name
        for widths, stage in zip(drawn, stages, strict=True):
            shown = [b.share for b in stage.bands if b.share > 0]
            assert [w / sum(widths) for w in widths] == pytest.approx([s / sum(shown) for s in shown], abs=0.002)


def _capacity(
    entry: str, stage: str, status: str, value: float, *, year: int = 2025, product: str | None = None
) -> Any:
    figure = SimpleNamespace(stage=stage, status=status, value=value, year=year, product=product)
    return SimpleNamespace(entry=SimpleNamespace(id=entry), figure=figure, stage=stage, status=status)


def test_an_expansion_counts_once() -> None:
    """5,000 t/yr operating and 6,500 planned: the plan adds 1,500. Two products of one plant both count; a later
    statement of one status replaces an earlier one."""
    found = [
        _capacity("serra", "mining", "operating", 5000),
        _capacity("serra", "mining", "planned", 6500),
        _capacity("lynas", "separation", "operating", 10500, product="NdPr"),
        _capacity("lynas", "separation", "operating", 1500, product="Heavy"),
        _capacity("neo", "separation", "operating", 2000, year=2021),
        _capacity("neo", "separation", "operating", 3000, year=2023),
    ]
    adds = plants.added(found)
    assert [adds.get(id(c.figure), 0) for c in found] == [5000, 1500, 10500, 1500, 0, 3000]
    totals = {t.stage: t.by_status for t in plants.by_stage(found)}
    assert totals["mining"] == {"operating": 5000, "commissioning": 0, "construction": 0, "planned": 1500}
    assert totals["separation"]["operating"] == 15000


def test_the_capacity_outside_china_leaves_china_out(real: Catalog) -> None:
    found = plants.capacities(real, outside="China")
    assert found, "no capacity outside China in the data"
    for capacity in found:
        assert capacity.country != "China", capacity.entry.id
        assert capacity.figure.status in plants.STATUSES, capacity.entry.id
    every = plants.capacities(real)
    assert any(c.country == "China" for c in every)


def test_each_plant_outside_china_adds_up_in_its_stage_total(real: Catalog) -> None:
    """Every capacity outside China is a member of its stage's total, the totals are the sums of what each figure
    adds, and each operating magnet plant adds its whole capacity to the operating magnets total."""
    found = plants.capacities(real, outside="China")
    adds = plants.added(found)
    totals = {t.stage: t for t in plants.by_stage(found)}
    for capacity in found:
        assert capacity in totals[capacity.stage].members, capacity.entry.id
    for total in totals.values():
        assert sum(adds[id(c.figure)] for c in total.members) == pytest.approx(total.total), total.label
    magnets = totals["magnets"]
    operating = {}
    for capacity in magnets.members:
        if capacity.status == "operating":
            key = (capacity.entry.id, capacity.figure.product)
            operating[key] = max(operating.get(key, 0), capacity.figure.value or 0)
    assert {plant for plant, _ in operating} >= {"noveon-magnetics-san-marcos", "shin-etsu-magnetic-materials-vietnam"}
    assert magnets.by_status["operating"] == pytest.approx(sum(operating.values()))


def test_alternatives_and_undisclosed_capacities_add_nothing(real: Catalog) -> None:
    """A value kept as an alternative (SGI's 4,000 t/yr, Shin-Etsu's 2014 plan) is not counted; a plant whose
    capacity is not disclosed (e-VAC, Shin-Etsu Takefu) is listed apart with its status, and counted nowhere."""
    found = plants.capacities(real, outside="China")
    assert not [c.entry.id for c in found if c.figure.alternative or c.figure.value is None]
    sgi = [c.figure.value for c in found if c.entry.id == "sgi-vina"]
    assert sgi == [5000], sgi
    apart = plants.undisclosed(real, outside="China")
    named = {c.entry.id: c for c in apart}
    assert {"evac-magnetics-sumter", "shin-etsu-takefu"} <= set(named)
    assert named["evac-magnetics-sumter"].status == "construction"
    assert all(c.figure.value is None and c.country != "China" for c in apart)


def test_a_shelved_plan_is_listed_and_counted_nowhere(real: Catalog) -> None:
    """Lynas' Seadrift plant, which its chair said in late 2025 was unlikely to proceed, is shelved: not in the
    capacities the totals add up, nor among the undisclosed, but listed apart with its capacity and status date."""
    counted = {c.entry.id for c in plants.capacities(real, outside="China")}
    assert "lynas-seadrift" not in counted, "data/producers/lynas-seadrift.yml: a shelved plan counted in the totals"
    assert "lynas-seadrift" not in {c.entry.id for c in plants.undisclosed(real, outside="China")}
    apart = {c.entry.id: c for c in plants.shelved(real, outside="China")}
    assert "lynas-seadrift" in apart, "data/producers/lynas-seadrift.yml: status shelved expected"
    seadrift = apart["lynas-seadrift"]
    assert (seadrift.figure.value, seadrift.as_of.isoformat()) == (1250, "2025-11-28")
    for total in plants.by_stage(plants.capacities(real, outside="China")):
        assert "shelved" not in total.by_status, total.label
    # A plant with an operating capacity and a shelved expansion: the expansion adds nothing.
    found = [_capacity("x", "separation", "operating", 1000), _capacity("x", "separation", "shelved", 3000)]
    assert plants.added(found)[id(found[0].figure)] == 1000 and id(found[1].figure) not in plants.added(found)


def test_the_downloads_carry_each_row_with_its_source(real: Catalog) -> None:
    files = export_files(real)
    shares = csv_rows(files["downloads/stage-shares.csv"])
    for row in shares:
        assert row["source"] or row["computed"] == "True", row
    capacity = csv_rows(files["downloads/capacity.csv"])
    assert {row["producer"] for row in capacity} >= {"lynas-malaysia", "neo-narva-magnets"}
    assert all(row["source"] and row["status"] for row in capacity)
    assert '"rows":' in files["downloads/capacity.json"] and '"publisher":' in files["downloads/capacity.json"]
    assert '"rows":' in files["downloads/stage-shares.json"]


def test_the_built_page(real_site: Path) -> None:
    page = (real_site / "supply-chain" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="ree-chart ree-chart--flow"') >= 1
    assert page.count("ree-chart__svg--wide") >= 2 and page.count("ree-chart__svg--narrow") >= 2
    assert "<title id=" in page and "<desc id=" in page
    assert "If one country&#39;s supply stopped" in page or "If one country's supply stopped" in page
    assert "Capacity outside China" in page
    assert "No share recorded" in page  # metal making has no share in the records
    assert 'href="../producers/lynas-malaysia/"' in page
    assert 'href="../producers/noveon-magnetics-san-marcos/"' in page  # a plant with its capacity in the table
    assert 'href="../producers/evac-magnetics-sumter/"' in page  # a plant listed without a capacity
    shelved = page.index("is shelved: its owner has said it is unlikely to go ahead")
    assert 'href="../producers/lynas-seadrift/"' in page[shelved:], "the shelved plan is not listed after its sentence"
    assert "1,250 t/yr of <abbr" in page[shelved:] and "shelved as of 28 November 2025" in page[shelved:]
    assert "../downloads/capacity.csv" in page and "../downloads/stage-shares.json" in page
    assert (real_site / "downloads" / "capacity.json").is_file()


MAGNET_SOURCE = "iea-magnet-supply-shares-chart-2024"


def test_the_real_magnet_stage_names_japan_and_vietnam_beside_china(real: Catalog) -> None:
    """Magnet making for rare earths as a whole is the IEA's chart of 2024: China 94.4 %, Japan 3.9 %, Vietnam
    1.2 %, each from the chart's record; China's 94 % of the IEA commentary (2025) is an alternative, so the
    stage does not take 2025 or add up two years."""
    magnets = next(s for s in supply.chain(real) if s.stage == "magnets")
    assert magnets.year == 2024
    named = {b.entry.id: b for b in magnets.named if b.entry is not None}
    for record, share in (("china", 94.4), ("japan", 3.9), ("vietnam", 1.2)):
        assert record in named, f"data/producers/{record}.yml: no share-magnets figure for 2024 on /supply-chain/"
        band = named[record]
        assert band.share == pytest.approx(share), f"data/producers/{record}.yml: share-magnets 2024"
        assert band.figure is not None and band.figure.source == MAGNET_SOURCE, f"data/producers/{record}.yml"
    assert magnets.rest == pytest.approx(0.5)
    china = next(e for e in stats.countries(real) if e.id == "china")
    assert sorted(f.year for f in stats.shown_figures(china, "share-magnets")) == [2010, 2024]


def test_the_built_page_names_japan_at_the_magnet_stage_with_its_source(real_site: Path) -> None:
    page = (real_site / "supply-chain" / "index.html").read_text(encoding="utf-8")
    row = re.search(
        r'<td>Magnet making</td>\s*<td[^>]*>2024</td>\s*<td><a href="../producers/japan/">Japan</a></td>\s*'
        r'<td[^>]*>3.9 %<sup class="ree-cite"[^>]*><a href="#(ref-\d+)">',
        page,
    )
    assert row, "data/producers/japan.yml: Japan's 3.9 % (2024) is not in the magnet row of /supply-chain/"
    ref = re.search(rf'<span id="{row.group(1)}"></span>(.*?)</li>', page, re.S)
    assert ref and "International Energy Agency" in ref.group(1) and f"#{MAGNET_SOURCE}" in ref.group(1)
    # The "what if" table: without China, Japan is the largest maker left.
    assert re.search(
        r'<td>Magnet making, 2024</td>\s*<td><a href="../producers/china/">China</a> \(94.4 %\)</td>\s*'
        r'<td[^>]*>5.6 %</td>\s*<td[^>]*>[^<]*</td>\s*<td><a href="../producers/japan/">Japan</a> \(69.6 %\)</td>',
        page,
    ), "data/producers/japan.yml: the 'what if' table does not make Japan the largest magnet maker without China"


def test_a_plant_page_gives_each_capacity_its_status(real_site: Path) -> None:
    """A capacity is read with its status: the plant's own figures table says it, with the start and the date a
    source confirmed it."""
    for record, status in (
        ("lynas-seadrift", "shelved, as of 28 November 2025"),
        ("evac-magnetics-sumter", "under construction, start 2025, as of 9 April 2024"),
    ):
        page = (real_site / "producers" / record / "index.html").read_text(encoding="utf-8")
        table = page[page.index('id="all-figures"') :]
        assert status in table, f"data/producers/{record}.yml: capacity status {status!r} not on its page"


def test_the_iea_charts_mining_shares_are_recorded_but_not_mixed_with_the_explorers(real: Catalog) -> None:
    """The IEA chart's 2024 mining shares of the magnet rare earths rest on another world total than the data
    explorer's tonnages the site divides: each is kept as an alternative on its country's record (Laos's is the
    only share the site has for it), and the 2024 mining stage of the magnet elements keeps the explorer's."""
    group = ("praseodymium", "neodymium", "terbium", "dysprosium")
    chart = {"china": 58.9, "myanmar": 17.0, "united-states": 9.6, "australia": 4.5, "laos": 4.3, "brazil": 0.6}
    for record, share in chart.items():
        found = [
            f
            for f in real.get("producer", record).record.figures
            if f.measure == "share-mining" and f.source == MAGNET_SOURCE and f.year == 2024
        ]
        where = f"data/producers/{record}.yml: IEA chart mining share 2024"
        assert [(f.value, f.alternative, tuple(f.elements)) for f in found] == [(share, True, group)], where
    mining = next(s for s in supply.chain(real, tuple(sorted(group))) if s.stage == "mining")
    named = {b.entry.id: b.share for b in mining.named if b.entry is not None}
    assert mining.year == 2024 and "laos" not in named, named
    assert named["china"] == pytest.approx(61), "the explorer's 61 % (45.787 of 75.099 thousand t) is the one shown"
