"""The chain from mine to magnet by country: each stage's country shares with the rest of the world, and what
the concentration would be if one country's supply stopped.

A stage's bands are the countries' shares of world output at that stage (the ``share-*`` figures of the country
records) and "rest of the world", 100 % less the named countries (never below zero). Mining for rare earths as a
whole, which no source gives as shares, is each country's mine production divided by the world total of the same
source, in the latest year that has one. Each stage takes its shares
from one year: the year in which most countries have one, the latest of those on a tie, so that shares of
different years are never added up. The concentration is the Herfindahl–Hirschman index as
:func:`ree_site.link.stats.hhi` computes it: the sum of the squared percentages of the named countries, the rest of
the world left out (it is not one supplier).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..data.vocabulary import SHARE_MEASURES
from . import stats

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure
    from .catalog import Catalog

#: What a set of shares is about: () for rare earths as a whole, else the ids of the elements it covers.
Scope = tuple[str, ...]
REST = "Rest of the world"


@dataclass(frozen=True)
class Band:
    """One country's share at a stage (``entry`` and ``figure`` None for the rest of the world)."""

    name: str
    share: float
    entry: Entry[Record] | None = None
    figure: Figure | None = None
    #: Whether the share is the site's division of ``figure`` (the country's mine production) by the world total,
    #: rather than a share a source gives.
    computed: bool = False


@dataclass(frozen=True)
class StageShares:
    """The shares at one stage of the chain in one year; no bands where no country has a share recorded."""

    stage: str
    year: int | None
    bands: tuple[Band, ...] = ()

    @property
    def named(self) -> tuple[Band, ...]:
        return tuple(b for b in self.bands if b.entry is not None)

    @property
    def rest(self) -> float:
        return next((b.share for b in self.bands if b.entry is None), 0.0)

    @property
    def total(self) -> float:
        """The stage's total: 100 % unless the named shares, as rounded by their sources, pass it."""
        return sum(b.share for b in self.bands)


def scope_of(figure: Figure) -> Scope:
    """What a share figure is about: () for rare earths as a whole, else its element or elements."""
    if figure.element is not None:
        return (figure.element,)
    return tuple(sorted(figure.elements))


def scopes(catalog: Catalog) -> list[Scope]:
    """Every scope some country's share figures have: rare earths as a whole first, then by the ids covered."""
    found = {
        scope_of(f)
        for entry in stats.countries(catalog)
        for f in cast("Producer", entry.record).figures
        if f.measure in SHARE_MEASURES and f.value is not None and not f.alternative
    }
    return sorted(found, key=lambda s: (len(s) > 0, s))


def chain(catalog: Catalog, scope: Scope = ()) -> list[StageShares]:
    """The shares at each of the four stages, for ``scope`` (computed once per catalog)."""
    return catalog.memo(("supply-chain", scope), lambda: [_stage(catalog, stage, scope) for stage in stats.STAGES])


def _stage(catalog: Catalog, stage: str, scope: Scope) -> StageShares:
    by_year: dict[int, list[tuple[Entry[Record], Figure]]] = {}
    for entry in stats.countries(catalog):
        seen: set[int] = set()
        for figure in stats.shown_figures(entry, f"share-{stage}"):
            if scope_of(figure) == scope and figure.year not in seen:
                seen.add(figure.year)
                by_year.setdefault(figure.year, []).append((entry, figure))
    if not by_year and stage == "mining" and not scope:
        return _mined(catalog)
    if not by_year:
        return StageShares(stage, None)
    year = max(by_year, key=lambda y: (len(by_year[y]), y))
    members = sorted(by_year[year], key=lambda m: (-(m[1].value or 0), m[0].id))
    named = [Band(cast("Producer", e.record).name, f.value or 0, e, f) for e, f in members]
    return StageShares(stage, year, (*named, Band(REST, rest_of_world([b.share for b in named]))))


def _mined(catalog: Catalog) -> StageShares:
    """Mining for rare earths as a whole, where no source gives the shares: each country's mine production in the
    latest year with a world total, divided by that total of the same source (as the concentration page does)."""
    year = stats.latest_year(catalog)
    shares = stats.country_shares(catalog, year) if year is not None else []
    if year is None or not shares:
        return StageShares("mining", None)
    named = [Band(cast("Producer", s.entry.record).name, s.percent, s.entry, s.figure, computed=True) for s in shares]
    return StageShares("mining", year, (*named, Band(REST, rest_of_world([b.share for b in named]))))


def rest_of_world(named: list[float]) -> float:
    """What the named shares leave of 100 % (none when, as rounded, they reach or pass it)."""
    return max(0.0, 100.0 - sum(named))


def hhi(shares: list[float]) -> float:
    """The Herfindahl–Hirschman index of ``shares`` (percentages): 0 to 10,000."""
    return sum(share**2 for share in shares)


@dataclass(frozen=True)
class WhatIf:
    """A stage without one country's supply: what is left of the stage's output, and the other countries'
    shares of what is left (renormalised to 100 %)."""

    stage: str
    year: int
    removed: Band
    left: float  # percentage of the stage's former output still supplied
    hhi_before: float
    hhi_after: float | None  # None when no other named country is left to compute it from
    largest: Band | None  # the largest named supplier left, with its share after
    rest_after: float  # the rest of the world's share after


def without(bands: tuple[Band, ...], removed: Band) -> tuple[list[Band], float]:
    """The named bands other than ``removed`` with their shares of what is left, and the rest of the world's."""
    left = sum(b.share for b in bands) - removed.share
    if left <= 0:
        return [], 0.0
    others = [Band(b.name, 100 * b.share / left, b.entry, b.figure) for b in bands if b.entry and b is not removed]
    rest = next((b.share for b in bands if b.entry is None), 0.0)
    return others, 100 * rest / left


def what_if(shares: StageShares) -> list[WhatIf]:
    """For each named country of a stage, the stage without it."""
    if shares.year is None:
        return []
    before = hhi([b.share for b in shares.named])
    found = []
    for band in shares.named:
        others, rest = without(shares.bands, band)
        after = hhi([b.share for b in others]) if others else None
        largest = max(others, key=lambda b: b.share) if others else None
        left = shares.total - band.share
        found.append(WhatIf(shares.stage, shares.year, band, left, before, after, largest, rest))
    return found


__all__ = ["REST", "Band", "Scope", "StageShares", "WhatIf", "chain", "hhi", "rest_of_world", "scopes", "what_if"]
