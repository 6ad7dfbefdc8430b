"""Who supplies each element, from mine to magnet: the countries' shares at each stage on every element page,
over the real data (each case names its element), and the choice between an element's own shares, its group's
and those of rare earths as a whole, on small data made for each case."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

import pytest

from ree_site import build_catalog
from ree_site.data.discovery import data_files
from ree_site.data.text import number
from ree_site.data.vocabulary import STAGE_LABELS
from ree_site.errors import DataError
from ree_site.link import stats
from ree_site.link.catalog import Catalog
from ree_site.render.renderer import Renderer
from ree_site.render.views import Views

from .conftest import ROOT, SMALL_DATA, MakeData

if TYPE_CHECKING:
    from ree_site.data.models import Element

ELEMENT_IDS = [p.stem for p in data_files(ROOT / "data", "elements")]
STAGE_ROWS = tuple(STAGE_LABELS[stage] for stage in stats.STAGES)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return build_catalog(ROOT / "data", ROOT)


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return {page.uri: page.markdown for page in Renderer(catalog).render_all()}


def _supply_rows(page: str) -> dict[str, str]:
    """The rows of a page's "Who supplies it" table, by stage."""
    section = page.split("## Who supplies it, from mine to magnet", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if line.startswith("| ") and cells[0] in STAGE_ROWS:
            rows[cells[0]] = cells[1]
    return rows


@pytest.mark.parametrize("element_id", ELEMENT_IDS)
def test_every_stage_states_its_shares_or_that_there_are_none(
    element_id: str, catalog: Catalog, pages: dict[str, str]
) -> None:
    element = catalog.get("element", element_id)
    rows = _supply_rows(pages[f"elements/{element_id}.md"])
    assert list(rows) == list(STAGE_ROWS), f"{element_id}: stages shown {list(rows)}"
    for supply in Views(catalog, f"elements/{element_id}.md").supply(element):
        label = STAGE_LABELS[supply.stage]
        row = rows[label]
        if not supply.rows:
            none = f"No source on the site gives country shares of {label.lower()} for {element.record.name.lower()}."
            assert row == none, f"{element_id}, {supply.stage}: {row}"
            continue
        for producer, figure in supply.rows:
            shown = f"[{producer.record.name}](../producers/{producer.id}.md) {number(figure.value or 0)} %"
            assert shown in row, f"{element_id}, {supply.stage}: {shown} missing from {row}"
        labels = {
            "element": f"For {element.record.name.lower()} itself",
            "group": "as a group",
            "all": "For rare-earth magnets as a whole" if supply.stage == "magnets" else "For rare earths as a whole",
        }
        assert f"<small>{labels[supply.scope]}" in row or (
            supply.scope == "group" and labels["group"] + "</small>" in row
        ), f"{element_id}, {supply.stage}: the scope {supply.scope} is not named in {row}"
        if supply.scope != "element":
            assert "itself" not in row, f"{element_id}, {supply.stage}: a {supply.scope} figure shown as the element's"


@pytest.mark.parametrize("element_id", ELEMENT_IDS)
def test_the_shares_of_one_stage_never_add_up_past_100_percent(element_id: str, catalog: Catalog) -> None:
    element = catalog.get("element", element_id)
    for supply in Views(catalog, f"elements/{element_id}.md").supply(element):
        for year, source, rows in supply.batches():
            values = [f.value or 0 for _, f in rows]
            listed = ", ".join(f"{p.id} {f.value:g} %" for p, f in rows)
            assert supply.total(year, source) <= 100 + stats.rounding_slack(values) + 1e-9, (
                f"{element_id}, {supply.stage}, {year}, {source}: {listed} add up to {sum(values):g} %"
            )


def test_the_magnet_elements_have_their_own_mining_and_separation_shares(catalog: Catalog) -> None:
    """Neodymium and dysprosium show the EU study's shares for each element, not the IEA's magnet-REE group."""
    for element_id, china in (("neodymium", 68.3), ("dysprosium", 84.4)):
        mining, separation, metal, _ = Views(catalog, "x.md").supply(catalog.get("element", element_id))
        assert mining.scope == "element" and mining.rows[0][0].id == "china" and mining.rows[0][1].value == china
        assert separation.scope == "element" and separation.rows[0][0].id == "china"
        assert metal.scope == "none" and not metal.rows, element_id


GROUP_FIGURES = """
        name: {name}
        kind: country
        country: {name}
        stages: [mining]
        summary: A producer.
        figures:
{figures}
        reviewed: 2026-11-27
"""


def _country(name: str, *figures: str) -> str:
    return GROUP_FIGURES.format(name=name, figures="".join(figures))


def _share(value: float, *, stage: str = "mining", scope: str = "", year: int = 2024) -> str:
    return (
        f"          - {{measure: share-{stage}, year: {year}, value: {value}, unit: '%', source: usgs-test{scope}}}\n"
    )


PRASEODYMIUM = (
    SMALL_DATA["elements/neodymium.yml"]
    .replace("Neodymium", "Praseodymium")
    .replace("Nd", "Pr")
    .replace("atomic_number: 60", "atomic_number: 59")
)
GROUP = ", elements: [neodymium, praseodymium]"


def test_a_group_figure_is_shown_as_the_group_s_where_the_element_has_none(make_data: MakeData) -> None:
    data = make_data(
        elements__praseodymium=PRASEODYMIUM,
        producers__china=_country(
            "China",
            _share(90, scope=GROUP),
            _share(70),
            _share(92, stage="separation"),
            "          - {measure: mine-production, year: 2024, value: 270000, unit: t REO, source: usgs-test}\n",
        ),
        producers__malaysia=_country("Malaysia", _share(8, scope=GROUP), _share(5, stage="separation")),
    )
    catalog = build_catalog(data)
    views = Views(catalog, "elements/neodymium.md")
    mining, separation, metal, magnets = views.supply(catalog.get("element", "neodymium"))
    assert mining.scope == "group" and [(p.id, f.value) for p, f in mining.rows] == [("china", 90), ("malaysia", 8)]
    assert views.scope_label(mining, catalog.get("element", "neodymium")) == ("for the light rare earths as a group")
    assert separation.scope == "all" and [p.id for p, _ in separation.rows] == ["china", "malaysia"]
    assert metal.scope == magnets.scope == "none"
    page = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["elements/neodymium.md"]
    rows = _supply_rows(page)
    assert rows["Mining"].startswith("[China](../producers/china.md) 90 %, [Malaysia](../producers/malaysia.md) 8 %")
    assert "<small>For the light rare earths as a group</small>" in rows["Mining"]
    assert "<small>For rare earths as a whole</small>" in rows["Separation and refining"]
    assert rows["Metal making"] == "No source on the site gives country shares of metal making for neodymium."
    leader = views.leader_share(catalog.get("element", "neodymium"))
    assert leader is not None and leader[0].stage == "mining" and leader[1].value == 90
    index = {p.uri: p.markdown for p in Renderer(catalog).render_all()}["elements/index.md"]
    assert re.search(r"90 %<sup[^|]*</sup><br><small>mining, 2024, group</small>", index), index


def test_an_element_s_own_figure_wins_over_its_group_s_and_the_latest_year_over_older(make_data: MakeData) -> None:
    china = _country(
        "China",
        _share(90, scope=GROUP),
        _share(60, scope=", element: neodymium", year=2023),
        _share(65, scope=", element: neodymium", year=2024),
        _share(70, scope=", element: neodymium, alternative: true, note: Another reading.", year=2025),
    )
    catalog = build_catalog(make_data(elements__praseodymium=PRASEODYMIUM, producers__china=china))
    mining = Views(catalog, "x.md").supply(catalog.get("element", "neodymium"))[0]
    assert mining.scope == "element" and [(f.year, f.value) for _, f in mining.rows] == [(2024, 65)]
    praseodymium = Views(catalog, "x.md").supply(catalog.get("element", "praseodymium"))[0]
    assert praseodymium.scope == "group" and praseodymium.rows[0][1].value == 90


def test_rounded_shares_may_pass_100_percent_by_their_rounding_only(make_data: MakeData) -> None:
    assert stats.rounding_slack([68.3, 9.9, 21.9]) == pytest.approx(0.15)
    assert stats.rounding_slack([62, 38]) == pytest.approx(1.0)
    rounded = make_data(
        producers__china=_country("China", _share(68.3, scope=", element: neodymium")),
        producers__malaysia=_country("Malaysia", _share(31.8, scope=", element: neodymium")),
    )
    build_catalog(rounded)  # 100.1 % from values rounded to one decimal: accepted
    over = make_data(
        producers__china=_country("China", _share(68.3, scope=", element: neodymium")),
        producers__malaysia=_country("Malaysia", _share(31.9, scope=", element: neodymium")),
    )
    with pytest.raises(DataError, match=r"add up to 100\.2 %"):
        build_catalog(over)
    # A group's shares and an element's are not added together.
    build_catalog(
        make_data(
            elements__praseodymium=PRASEODYMIUM,
            producers__china=_country("China", _share(60, scope=", element: neodymium"), _share(90, scope=GROUP)),
        )
    )


@pytest.mark.parametrize("country", ["china", "malaysia", "australia", "united-states", "myanmar", "japan"])
def test_a_country_s_stage_shares_are_for_rare_earths_as_a_whole_or_a_named_group(
    country: str, catalog: Catalog, pages: dict[str, str]
) -> None:
    """A country's share at each stage (its stage chart, the concentration page's table) is for rare earths as a
    whole where a source gives one, else for a group, which the label names by its symbols; never one element's
    share (China's 100 % of dysprosium separation is not its share of rare-earth separation)."""
    entry = catalog.get("producer", country)
    shown = stats.stage_shares(entry)
    for stage, figure in shown.items():
        assert figure.element is None and len(figure.elements) != 1, f"{country}, {stage}: {figure}"
        whole = [f for f in stats.shown_figures(entry, f"share-{stage}") if f.element is None and not f.elements]
        assert not whole or not figure.elements, f"{country}, {stage}: a group's share shown over the whole's"
    table = pages["concentration.md"].split(f"### {entry.record.name}\n", 1)
    if not shown:
        assert len(table) == 1, f"{country} has no stage shares but a table"
        return
    rows = table[1].split("\n### ", 1)[0]
    for stage, figure in shown.items():
        symbols = ", ".join(cast("Element", catalog.get("element", e).record).symbol for e in figure.elements)
        label = STAGE_LABELS[stage] + (f" ({symbols})" if symbols else "")
        assert f"| {label} | {number(figure.value or 0)} %" in rows, f"{country}, {stage}: {label} not in {rows}"
