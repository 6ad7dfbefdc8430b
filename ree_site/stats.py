"""Figures computed from the records at build time: latest values, shares of the world, concentration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .catalog import Catalog
    from .loading import Entry
    from .models import Figure, Producer, Record

STAGES = ("mining", "separation", "metal", "magnets")


def figures_of(entry: Entry[Record], measure: str) -> list[Figure]:
    """A producer's figures for ``measure`` in year order; within a year the first listed comes first."""
    record = cast("Producer", entry.record)
    found = [f for f in record.figures if f.measure == measure]
    return sorted(found, key=lambda f: f.year)


def shown_figures(entry: Entry[Record], measure: str) -> list[Figure]:
    """The figures that charts, shares and embeds may use: with a value, and not marked as alternatives."""
    return [f for f in figures_of(entry, measure) if f.value is not None and not f.alternative]


def figure_for(entry: Entry[Record], measure: str, year: int | None = None) -> Figure | None:
    """The figure shown for ``measure`` in ``year`` (the latest year when None): the first one listed that
    has a value and is not marked as an alternative."""
    found = shown_figures(entry, measure)
    if year is None:
        return max(found, key=lambda f: f.year, default=None) if found else None
    return next((f for f in found if f.year == year), None)


def world(catalog: Catalog) -> Entry[Record] | None:
    """The record that holds world totals (``aggregate: world``)."""
    return next((e for e in catalog.producers if e.record.aggregate == "world"), None)


def countries(catalog: Catalog) -> list[Entry[Record]]:
    """Producer records of single countries (aggregates left out)."""
    return [e for e in catalog.producers if e.record.kind == "country" and e.record.aggregate is None]


def production_years(catalog: Catalog) -> list[int]:
    """Years for which the world total of mine production is recorded."""
    total = world(catalog)
    if total is None:
        return []
    return sorted({f.year for f in figures_of(total, "mine-production") if f.value is not None})


def latest_year(catalog: Catalog) -> int | None:
    years = production_years(catalog)
    return years[-1] if years else None


@dataclass(frozen=True)
class Share:
    """One country's mine production in a year, and its share of the world total."""

    entry: Entry[Record]
    figure: Figure
    percent: float


def country_shares(catalog: Catalog, year: int) -> list[Share]:
    """Countries' mine production in ``year`` as shares of the world total, largest first (computed once)."""
    cache: dict[int, list[Share]] = catalog.__dict__.setdefault("_country_shares", {})
    if year not in cache:
        cache[year] = _country_shares(catalog, year)
    return cache[year]


def _country_shares(catalog: Catalog, year: int) -> list[Share]:
    total = world(catalog)
    world_figure = figure_for(total, "mine-production", year) if total else None
    if world_figure is None or not world_figure.value:
        return []
    shares = []
    for entry in countries(catalog):
        figure = figure_for(entry, "mine-production", year)
        if figure is not None and figure.value:
            shares.append(Share(entry, figure, 100 * figure.value / world_figure.value))
    return sorted(shares, key=lambda s: (-s.percent, s.entry.id))


def share_of_world(catalog: Catalog, entry: Entry[Record], year: int) -> float | None:
    """``entry``'s mine production in ``year`` as a percentage of the world total."""
    return next((s.percent for s in country_shares(catalog, year) if s.entry.id == entry.id), None)


@dataclass(frozen=True)
class Concentration:
    year: int
    hhi: float
    covered: float  # percentage of world production that the listed countries account for
    top_share: float
    top: Entry[Record] | None


def hhi(catalog: Catalog, year: int) -> Concentration | None:
    """The Herfindahl-Hirschman index of mine production by country (0-10,000) in ``year``.

    Shares are percentages of the world total; production that is not attributed to a country
    ("other countries") is left out, which slightly understates the index.
    """
    shares = country_shares(catalog, year)
    if not shares:
        return None
    return Concentration(
        year=year,
        hhi=sum(s.percent**2 for s in shares),
        covered=sum(s.percent for s in shares),
        top_share=shares[0].percent,
        top=shares[0].entry,
    )


def stage_shares(entry: Entry[Record]) -> dict[str, Figure]:
    """The latest recorded share of world output at each stage of the chain."""
    found = {}
    for stage in STAGES:
        figure = figure_for(entry, f"share-{stage}")
        if figure is not None:
            found[stage] = figure
    return found
