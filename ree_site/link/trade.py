"""Trade across borders, from the records: each country's exports and imports (the figures of the trade measures)
as series of one flow, product and partner, by year or by month, and the dated events of the trade-policy issues a
country's record names, placed on the same time axis so that a chart can mark them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..data.parts import split_shown
from ..data.text import partial_date
from ..data.vocabulary import PARTNER_WORDS, TRADE_MEASURES, WORLD_PARTNER

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Issue, Producer, Record
    from ..data.parts import Event, Figure
    from .catalog import Catalog


def when(figure: Figure) -> float:
    """Where a figure lies on a time axis counted in years: a year's total at the middle of its year (2025.5), a
    month's at the middle of its month (April 2025 at 2025 + 3.5/12)."""
    if figure.month is None:
        return figure.year + 0.5
    return figure.year + (figure.month - 0.5) / 12


def event_time(date: str) -> float:
    """Where a dated event lies on the same axis: a day at its day, a month or a year without a day at its middle."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    day = dt.date(*parts)
    start, end = dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1)
    return day.year + (day - start).days / (end - start).days


@dataclass(frozen=True)
class TradeSeries:
    """One flow of goods: a country's exports (or imports) of one product to (or from) one partner, by year or by
    month, with the figure shown for each period in time order."""

    reporter: Entry[Record]
    measure: str
    product: str
    partner: str
    monthly: bool
    figures: tuple[Figure, ...]

    @property
    def total(self) -> bool:
        """Whether the series is the total with every country (partner "World")."""
        return self.partner == WORLD_PARTNER

    @property
    def name(self) -> str:
        """``Exports of rare-earth permanent magnets to Germany``; the partner left out for a total."""
        flow = "Exports" if self.measure == "exports" else "Imports"
        goods = self.product[0].lower() + self.product[1:] if self.product[1:2].islower() else self.product
        partner = "" if self.total else f" {PARTNER_WORDS[self.measure]} {self.partner}"
        return f"{flow} of {goods}{partner}"


def trade_figures(entry: Entry[Record]) -> list[Figure]:
    """A record's exports and imports figures, every one (alternatives and values left null included)."""
    return [f for f in cast("Producer", entry.record).figures if f.measure in TRADE_MEASURES]


def reporters(catalog: Catalog) -> list[Entry[Record]]:
    """The records that hold trade figures (the countries whose customs report them), in the catalog's order."""
    return [e for e in catalog.producers if any(f.measure in TRADE_MEASURES for f in e.record.figures)]


def trade_series(catalog: Catalog) -> list[TradeSeries]:
    """Every series of trade figures: per reporter, flow, product, partner and period (year or month), the shown
    figures in time order. Totals with the world first, then the partners by name; exports before imports."""

    def every() -> list[TradeSeries]:
        groups: dict[tuple[str, str, str, str, bool], list[Figure]] = {}
        owners: dict[str, Entry[Record]] = {}
        for entry in reporters(catalog):
            owners[entry.id] = entry
            for shown, _ in split_shown(trade_figures(entry)):
                key = (entry.id, shown.measure, shown.product or "", shown.partner or "", shown.month is not None)
                groups.setdefault(key, []).append(shown)
        found = [
            TradeSeries(owners[rid], measure, product, partner, monthly, tuple(sorted(figures, key=when)))
            for (rid, measure, product, partner, monthly), figures in groups.items()
        ]
        order = {measure: index for index, measure in enumerate(TRADE_MEASURES)}
        return sorted(found, key=lambda s: (s.reporter.id, s.partner != WORLD_PARTNER, s.partner, order[s.measure]))

    return catalog.memo("trade-series", every)


@dataclass(frozen=True)
class Marker:
    """A point in time a trade chart marks, numbered in date order: the events of one month of a trade-policy issue
    (several announcements in a month share a marker)."""

    number: int
    time: float
    label: str  # the month, as the key under the chart names it: "April 2025"
    events: tuple[tuple[Entry[Record], Event], ...]


def policy_events(catalog: Catalog, reporter: Entry[Record]) -> list[tuple[Entry[Record], Event]]:
    """The dated events of the trade-policy issues the reporter's record names, oldest first."""
    named = cast("Producer", reporter.record).issues
    issues = [catalog.get("issue", i) for i in named if ("issue", i) in catalog.entries]
    chosen = [e for e in issues if cast("Issue", e.record).category == "trade-policy"]
    events = [(issue, event) for issue in chosen for event in cast("Issue", issue.record).events]
    return sorted(events, key=lambda pair: pair[1].date)


def markers(catalog: Catalog, reporter: Entry[Record], start: float, end: float) -> list[Marker]:
    """The reporter's trade-policy events between ``start`` and ``end`` on the time axis, one marker per month."""
    months: dict[str, list[tuple[Entry[Record], Event]]] = {}
    for issue, event in policy_events(catalog, reporter):
        if start <= event_time(event.date) <= end:
            months.setdefault(event.date[:7], []).append((issue, event))
    return [
        Marker(number, min(event_time(e.date) for _, e in found), partial_date(month), tuple(found))
        for number, (month, found) in enumerate(months.items(), start=1)
    ]


__all__ = ["Marker", "TradeSeries", "event_time", "markers", "policy_events", "reporters", "trade_series", "when"]
