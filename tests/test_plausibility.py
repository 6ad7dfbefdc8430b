"""The plausibility rules' edge cases (each rule's messages are golden cases in tests/errors/): which figure of a
series is blamed, which product names are typing mistakes, which figure of an impossible share, which addresses
and texts pass."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from ree_site import build_catalog
from ree_site.data.fields import Name, Text, Url
from ree_site.data.parts import Figure
from ree_site.link.series import jumps, product_typos, series, typo

from .conftest import SMALL_DATA, MakeData, problems

ELEMENTS = {"terbium", "erbium", "ytterbium", "neodymium", "nd", "pr", "dysprosium"}


def figure(year: int, value: float | None, **fields: Any) -> Figure:
    unit = "$/kg" if fields.get("measure", "price") == "price" else "t REO"
    return Figure(**{"measure": "price", "year": year, "value": value, "unit": unit, "source": "s", **fields})


def blamed(*figures: Figure) -> list[tuple[int, float]]:
    """(year, value) of the figures the jump rule refuses, in the order listed."""
    found = [point for points in series(figures).values() for point, _ in jumps(points)]
    return [(p.figure.year, p.value) for p in sorted(found, key=lambda p: p.index)]


def test_a_value_far_from_both_sides_is_blamed_and_its_neighbours_are_not() -> None:
    values = [62, 60, 0.62, 63, 64]
    assert blamed(*(figure(2020 + i, v, measure="share-mining", unit="%") for i, v in enumerate(values))) == [
        (2022, 0.62)
    ]


def test_at_either_end_a_value_is_compared_with_the_two_nearest() -> None:
    assert blamed(figure(2022, 95), figure(2023, 75), figure(2024, 69), figure(2025, 73000)) == [(2025, 73000)]
    assert blamed(figure(2022, 95000), figure(2023, 75), figure(2024, 69)) == [(2022, 95000)]
    # Listed in reverse year order, the blame stays with the value that stands apart.
    assert blamed(figure(2025, 73000), figure(2024, 69), figure(2023, 75)) == [(2025, 73000)]


def test_of_two_figures_alone_the_one_listed_later_is_blamed() -> None:
    assert blamed(figure(2024, 69), figure(2025, 73000)) == [(2025, 73000)]
    assert blamed(figure(2025, 73), figure(2024, 69000)) == [(2024, 69000)]
    assert blamed(figure(2025, 73000), figure(2024, 69)) == [(2024, 69)]


def test_a_lone_figure_beside_a_consistent_pair_is_blamed_whatever_its_place() -> None:
    # 2000 has only 2009 within reach; 2009 has 2000 and 2018, which agree with it.
    assert blamed(figure(2000, 5), figure(2009, 900), figure(2018, 1000)) == [(2000, 5)]


def test_real_swings_pass() -> None:
    ramp = [figure(1948, 20, measure="mine-production"), figure(1950, 383, measure="mine-production"),
            figure(1951, 747, measure="mine-production")]  # fmt: skip
    assert blamed(*ramp) == []
    dip = [figure(y, v, measure="mine-production") for y, v in [(1923, 138), (1924, 348), (1925, 12), (1926, 146)]]
    assert blamed(*dip) == []
    # Nineteen times apart is within the rule.
    assert blamed(figure(2024, 10), figure(2025, 190)) == []


def test_what_is_not_compared() -> None:
    # Zeros, nulls, alternatives, values checked, other products and figures more than ten years apart.
    output = [figure(y, v, measure="mine-production") for y, v in [(2020, 70), (2021, 0), (2022, 71)]]
    assert blamed(*output) == []
    assert blamed(figure(2020, 70), figure(2021, 70000, alternative=True, note="An older edition."),
                  figure(2022, 71)) == []  # fmt: skip
    assert blamed(figure(2020, 70), figure(2021, 70000, checked="Confirmed."), figure(2022, 71)) == []
    assert blamed(figure(2020, 70, product="Oxide"), figure(2021, 70000, product="Metal")) == []
    assert blamed(figure(2000, 70), figure(2011, 70000)) == []
    # A year with two shown values is compared by the first one listed.
    assert blamed(figure(2020, 70), figure(2021, 72), figure(2021, 72000), figure(2022, 71)) == []


@pytest.mark.parametrize(
    ("name", "other", "how"),
    [
        ("Neodymium oxide, 99.5% minimum", "Neodymium oxdie, 99.5% minimum", "a letter or two"),
        ("Neodymium oxide", "Neodymium oxidde", "a letter or two"),
        ("Neodymium oxide", "Neodymium oide", "a letter or two"),
        ("Dysprosum oxide", "Dysprosium oxide", "a letter or two"),
        ("Neodymium oxide, 99.5% minimum", "neodymium oxide, 99.5%  Minimum", "case or spacing"),
        ("Neodymium oxide,99.5% minimum", "Neodymium oxide, 99.5% minimum", "case or spacing"),
        # Digits are grades, lot sizes, customs headings: different products.
        ("Dysprosium oxide, 99.5% minimum", "Dysprosium oxide, 99.9% minimum", None),
        ("Scandium oxide, 99.99%", "Scandium oxide, 99.999%", None),
        ("Rare-earth carbonate (28469048)", "Rare-earth carbonate (28469049)", None),
        # Other elements, and names that differ by more than a slip.
        ("Terbium compounds and metals", "Erbium compounds and metals", None),
        ("Ytterbium compounds and metals", "Terbium compounds and metals", None),
        ("Nd oxide", "Pr oxide", None),
        ("Light rare earths", "Heavy rare earths", None),
        ("Oxide", "Oxides, metal", None),
        ("Metal", "Medal", "a letter or two"),
        ("Metal", "Modal", None),  # two letters in a short name are too many to call a slip
    ],
)
def test_typing_mistakes_in_product_names(name: str, other: str, how: str | None) -> None:
    assert typo(name, other, ELEMENTS) == how
    assert typo(other, name, ELEMENTS) == how


def test_the_product_name_with_fewer_figures_is_blamed() -> None:
    good, slip = "Neodymium oxide, 99.5% minimum", "Neodymium oxdie, 99.5% minimum"
    figures = [figure(2022, 90, product=slip), figure(2023, 80, product=good), figure(2024, 70, product=good)]
    assert product_typos(figures, ELEMENTS) == [(0, slip, good, "a letter or two", 2)]
    # As many figures each: the name first listed later.
    figures = [figure(2022, 90, product=good), figure(2023, 80, product=slip)]
    assert product_typos(figures, ELEMENTS) == [(1, slip, good, "a letter or two", 1)]
    # Names of different measures are never compared.
    figures = [figure(2022, 90, product=good), figure(2023, 80, measure="capacity", unit="t/yr", product=slip)]
    assert product_typos(figures, ELEMENTS) == []


WORLD = """
    name: World total
    kind: country
    aggregate: world
    country: World
    summary: World mine production.
    figures:
{figures}    reviewed: 2026-11-27
"""
CHINA = SMALL_DATA["producers/china.yml"]


def _figures(*pairs: tuple[int, float]) -> str:
    return "".join(
        f"      - {{measure: mine-production, year: {y}, value: {v}, unit: t REO, source: usgs-test}}\n"
        for y, v in pairs
    )


def test_world_total_blame_goes_to_the_figure_furthest_from_its_series(make_data: MakeData) -> None:
    # China's 270,000 has no other year; the world's 380 lies far from its 350,000 and 390,000.
    world = WORLD.format(figures=_figures((2023, 350000), (2024, 380), (2025, 390000)))
    (found,) = problems(make_data(producers__world=world))
    assert "world.yml:8:" in found and "is more than the world total, 380 t REO" in found
    # With no other year on either side, the world total is named first.
    (found,) = problems(make_data(producers__world=WORLD.format(figures=_figures((2024, 380)))))
    assert "world.yml:7:" in found and "check this figure first against its source" in found


MYANMAR = """
    name: Myanmar
    kind: country
    country: Myanmar
    summary: A producer.
    figures:
{figures}    reviewed: 2026-11-27
"""


@pytest.mark.parametrize(
    ("world", "myanmar", "refused"),
    [
        (380000, 119000, ""),  # 102.4 %: rounded totals
        (380000, 130000, "adds up to 400,000 t REO, 105.3 % of the world total"),
        (270000, 10000, "index of mine production in 2024 would be 10,014, above its maximum of 10,000"),
    ],
)
def test_countries_may_pass_the_world_total_by_rounding_only(
    make_data: MakeData, world: int, myanmar: int, refused: str
) -> None:
    data = make_data(
        producers__world=WORLD.format(figures=_figures((2024, world))),
        producers__myanmar=MYANMAR.format(figures=_figures((2024, myanmar))),
    )
    if not refused:
        build_catalog(data)
        return
    (found,) = problems(data)
    assert refused in found, found


def test_a_second_world_record_is_refused_at_its_aggregate(make_data: MakeData) -> None:
    world = WORLD.format(figures=_figures((2024, 380000)))
    (found,) = problems(make_data(producers__world=world, producers__earth=world.replace("World total", "Earth")))
    # The site takes the first by name as its world, Earth; the other is refused.
    assert found.startswith("data/producers/world.yml:3:1: aggregate: a second record of world totals: ")
    assert "data/producers/earth.yml is already marked aggregate: world" in found


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://example.org/report.pdf", False),
        ("https://8.8.8.8/report.pdf", False),
        ("https://[2001:4860:4860::8888]/report.pdf", False),
        ("https://localhost.example.org/report.pdf", False),
        ("https://example.org:8443/report.pdf", False),
        ("http://localhost/report.pdf", True),
        ("http://LOCALHOST./report.pdf", True),
        ("http://a.b.localhost/report.pdf", True),
        ("http://intranet./report.pdf", True),
        ("http://files.internal/report.pdf", True),
        ("http://router.home.arpa/report.pdf", True),
        ("http://10.1.2.3/report.pdf", True),
        ("http://172.16.0.1/report.pdf", True),
        ("http://100.64.0.1/report.pdf", True),
        ("http://0.0.0.0/report.pdf", True),
        ("http://224.0.0.1/report.pdf", True),
        ("http://[fe80::1]/report.pdf", True),
        ("http://[::ffff:127.0.0.1]/report.pdf", True),
        ("http://[::]/report.pdf", True),
        ("http://0x7f.0.0.1/report.pdf", True),
        ("http://2130706433/report.pdf", True),
        ("http://user:secret@example.org/report.pdf", True),
        ("http://[::1/report.pdf", True),
    ],
)
def test_addresses_lead_to_public_hosts(url: str, refused: bool) -> None:
    adapter = TypeAdapter(Url)
    if refused:
        with pytest.raises(ValidationError):
            adapter.validate_python(url)
    else:
        assert adapter.validate_python(url) == url


@pytest.mark.parametrize(
    ("text", "blank", "nameless"),
    [
        ("Neodymium", False, False),
        ("稀土", False, False),
        ("Ⅻ", False, False),  # a roman numeral is a number
        ("5", False, False),
        ("— · —", False, True),
        ("\u2800", True, True),
        ("\u200b\u200c\u200d\u2060\ufeff", True, True),
        ("\u00ad", True, True),  # a soft hyphen
        ("\u3164 \uffa0 \u115f\u1160", True, True),
        ("\u0301\u0302", True, True),  # combining marks with nothing to sit on
        ("\u3000\u2003", True, True),  # ideographic and em spaces: stripped away, so empty
        ("e\u0301", False, False),
    ],
)
def test_blank_text_and_names_without_a_letter(text: str, blank: bool, nameless: bool) -> None:
    for adapter, refused in ((TypeAdapter(Text), blank), (TypeAdapter(Name), nameless)):
        if refused:
            with pytest.raises(ValidationError):
                adapter.validate_python(text)
        else:
            adapter.validate_python(text)
