"""What the templates draw beyond a record's own fields: charts, shares and concentration, and what the templates
would otherwise compute in loops (the leading countries, lettered notes, the timeline's open groups), so that tests
can call it and the templates stay declarative."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, cast

from ..data.text import note_mark
from ..link import stats
from .criticality_views import CriticalityViews
from .map_views import MapViews
from .supply_views import SupplyViews
from .trade_views import TradeViews

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Element, Producer, Record
    from ..data.parts import Event, Figure


#: One period of the timeline: (its label, its events, whether its group starts open).
Period = tuple[str, list[tuple[str, "Entry[Record]", "Event"]], bool]


class LetteredNotes:
    """Notes lettered a, b, c under a table or an infobox, in order of first mention: a note given for several
    rows keeps its first letter. ``anchor`` starts the ids of the list's items (``fact-a``)."""

    def __init__(self, anchor: str) -> None:
        self.anchor = anchor
        self.items: list[str] = []

    def mark(self, note: str) -> str:
        """The letter of ``note``, listed now if it is new."""
        if note not in self.items:
            self.items.append(note)
        return note_mark(self.items.index(note) + 1)


class ShareStretch(NamedTuple):
    """Consecutive years of a country's share of world mine production: the source of its shares, or why there is
    none (see :meth:`Views.share_stretches`)."""

    first: int
    last: int
    source: str | None
    why: str | None


@dataclass(frozen=True)
class ComputedShare:
    """A country's share of world mine production computed from the tonnages, beside the share a source gives
    (``figure``): in the figure's year, and in the latest year with figures by country when that is another."""

    figure: Figure
    share: float
    latest_year: int | None
    latest_share: float | None


class Views(SupplyViews, TradeViews, MapViews, CriticalityViews):
    """Chart and figure helpers for one page (links are made relative to ``page_uri``)."""

    def timeline(self) -> list[tuple[str, Entry[Record], Event]]:
        """Every dated event of every issue, oldest first (computed once per catalog)."""

        def every_event() -> list[tuple[str, Entry[Record], Event]]:
            events = [(event.date, entry, event) for entry in self.catalog.issues for event in entry.record.events]
            return sorted(events, key=lambda item: item[0])

        return self.catalog.memo("timeline", every_event)

    def timeline_by_period(self) -> list[tuple[str, list[tuple[str, Entry[Record], Event]]]]:
        """The timeline in periods for headings: one per year since 2000, one per decade before (few events)."""
        periods: dict[str, list[tuple[str, Entry[Record], Event]]] = {}
        for item in self.timeline():
            year = int(item[0][:4])
            label = str(year) if year >= 2000 else f"{year // 10 * 10}s"
            periods.setdefault(label, []).append(item)
        return list(periods.items())

    def timeline_periods(self, open_until: int = 10) -> list[Period]:
        """The timeline's periods, latest first, each with whether its group starts open: the latest ones, until
        at least ``open_until`` events show."""
        periods = []
        shown = 0
        for label, items in reversed(self.timeline_by_period()):
            periods.append((label, items, shown < open_until))
            shown += len(items)
        return periods

    def sources_by_year(self) -> list[tuple[str, list[Entry[Record]]]]:
        """The sources by year of publication, newest first, undated last; each year's in order of title."""
        years: dict[int, list[Entry[Record]]] = {}
        for entry in self.catalog.sources:
            years.setdefault(entry.record.year or 0, []).append(entry)
        return [(str(year) if year else "undated", years[year]) for year in sorted(years, reverse=True)]

    def by_stage(self, entries: list[Entry[Record]]) -> list[tuple[str, list[Entry[Record]]]]:
        """``entries`` (producers) grouped by the stages they work in, in the order of the chain."""
        groups: dict[str, list[Entry[Record]]] = {stage: [] for stage in stats.STAGES}
        for entry in entries:
            for stage in cast("Producer", entry.record).stages:
                groups[stage].append(entry)
        return [(stage, members) for stage, members in groups.items() if members]

    def supply(self, entry: Entry[Record]) -> list[stats.StageSupply]:
        """Who supplies the element ``entry`` at each stage of the chain, from mine to magnet: the countries'
        shares for the element itself, else for its smallest group, else for rare earths as a whole."""
        return [stats.stage_supply(self.catalog, entry.id, stage) for stage in stats.STAGES]

    def scope_label(self, supply: stats.StageSupply, entry: Entry[Record]) -> str:
        """What a stage's shares are for, as a reader reads it: ``for cerium itself``, ``for the light rare
        earths as a group``, ``for praseodymium, neodymium, terbium and dysprosium as a group``, ``for rare earths
        as a whole`` (at the magnet stage, ``for rare-earth magnets as a whole``: the magnets' makers, whatever
        elements the magnets hold)."""
        if supply.scope == "element":
            return f"for {cast('Element', entry.record).name.lower()} itself"
        if supply.scope == "all":
            return "for rare-earth magnets as a whole" if supply.stage == "magnets" else "for rare earths as a whole"
        members = set(supply.elements)
        for group in ("light", "heavy"):
            if members == {e.id for e in self.catalog.elements if e.record.group.value == group}:
                return f"for the {group} rare earths as a group"
        names = [cast("Element", self.catalog.get("element", i).record).name.lower() for i in supply.elements]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        return f"for {listed} as a group"

    def about(self, entry: Entry[Record], measure: str) -> list[tuple[Entry[Record], Figure]]:
        """Producer figures of ``measure`` about the element ``entry``, the most specific scope only: figures
        about the element alone if there are any, else those of the smallest group that covers it."""
        found = [(p, f) for p, f in self.catalog.element_figures(entry.id) if f.measure == measure]
        if not found:
            return []
        scope = min(len(f.elements) or 1 for _, f in found)
        chosen = [(p, f) for p, f in found if (len(f.elements) or 1) == scope]
        return sorted(chosen, key=lambda pf: (pf[1].product or "", -pf[1].year, -(pf[1].value or 0)))

    def leader_share(self, entry: Entry[Record]) -> tuple[stats.StageSupply, Figure] | None:
        """The :meth:`leader`'s latest share of world output for the element ``entry`` itself or for its group, at
        the first stage of the chain that has one, with that stage's shares."""
        leader = self.leader()
        if leader is None:
            return None
        for supply in self.supply(entry):
            if supply.scope in ("element", "group"):
                found = next((f for p, f in supply.rows if p.id == leader.id), None)
                if found is not None:
                    return supply, found
        return None

    def long_run_leaders(self) -> list[Entry[Record]]:
        """The countries that mined the largest share of the world total in some year of the long-run series, in
        the order they first did: the ones the long-run share chart follows."""

        def leaders() -> list[Entry[Record]]:
            best: dict[int, tuple[float, Entry[Record]]] = {}
            for entry in stats.countries(self.catalog):
                for year, share, _ in stats.share_series(self.catalog, entry):
                    if year not in best or share > best[year][0]:
                        best[year] = (share, entry)
            found: list[Entry[Record]] = []
            for year in sorted(best):
                if best[year][1] not in found:
                    found.append(best[year][1])
            return found

        return self.catalog.memo("long-run-leaders", leaders)

    def share_since(self, entry: Entry[Record]) -> int | None:
        """The first year for which ``entry``'s share of world mine production can be computed."""
        series = stats.share_series(self.catalog, entry)
        return series[0][0] if series else None

    def share_first(self, entries: list[Entry[Record]]) -> int:
        """The first year of the share chart of ``entries``: the earliest year with a share for any of them."""
        return min(year for entry in entries if (year := self.share_since(entry)) is not None)

    def share_stretches(self, entry: Entry[Record], first: int) -> list[ShareStretch]:
        """``entry``'s share of world mine production from ``first`` to its last year, in stretches of consecutive
        years: each with the one source its shares come from, or, where there is no share, why (``no-figure``: the
        records give no mine production figure of the country; ``no-total``: no world total of the same source or
        edition as its figure)."""
        shares = stats.share_series(self.catalog, entry)
        sources = {year: figure.source for year, _, figure in shares}
        figures = {f.year for f in stats.shown_figures(entry, "mine-production")}
        found: list[ShareStretch] = []
        for year in range(first, shares[-1][0] + 1 if shares else first):
            source = sources.get(year)
            why = None if source else "no-total" if year in figures else "no-figure"
            if found and (found[-1].source, found[-1].why) == (source, why) and found[-1].last == year - 1:
                found[-1] = found[-1]._replace(last=year)
            else:
                found.append(ShareStretch(year, year, source, why))
        return found

    def producing_countries(self, years: list[int]) -> list[Entry[Record]]:
        """The countries with a mine production figure in any of ``years``."""
        return [
            c for c in stats.countries(self.catalog) if any(stats.figure_for(c, "mine-production", y) for y in years)
        ]

    def stage_tables(self) -> list[tuple[Entry[Record], dict[str, Figure]]]:
        """Every producer that has a share of world output at some stage, with its latest share at each."""
        found: list[tuple[Entry[Record], dict[str, Figure]]] = []
        for entry in self.catalog.producers:
            shares = stats.stage_shares(entry) if entry.record.figures else {}
            if shares:
                found.append((entry, shares))
        return found

    def computed_share(self, entry: Entry[Record], figure: Figure) -> ComputedShare | None:
        """``entry``'s share of world mine production computed from the tonnages, beside the share ``figure``
        that a source gives; None where the tonnages give none for the figure's year."""
        share = stats.share_of_world(self.catalog, entry, figure.year)
        if share is None:
            return None
        years = stats.country_years(self.catalog)
        last = years[-1] if years else None
        if last is None or last == figure.year:
            return ComputedShare(figure, share, None, None)
        return ComputedShare(figure, share, last, stats.share_of_world(self.catalog, entry, last))

    def notes(self, anchor: str) -> LetteredNotes:
        """A new list of lettered notes for a table or infobox of this page."""
        return LetteredNotes(anchor)

    def latest_shown(self, entry: Entry[Record], measure: str) -> Figure | None:
        """The latest shown figure with a value of ``measure`` about the element ``entry`` (see :meth:`about`)."""
        found = [f for _, f, _ in self.shown(self.about(entry, measure)) if f.value is not None]
        return sorted(found, key=lambda f: f.year)[-1] if found else None

    def named_elements(self, entry: Entry[Record], linked: list[Entry[Record]]) -> list[Entry[Record]]:
        """The elements a producer's figures name that are not among the ``linked`` ones, in order of mention."""
        ids = {e.id for e in linked}
        named = dict.fromkeys(f.element for f in cast("Producer", entry.record).figures if f.element)
        return [self.catalog.get("element", i) for i in named if i not in ids]

    @staticmethod
    def prices_of(entry: Entry[Record]) -> list[Figure]:
        """The prices among the element ``entry``'s own figures (the others rate its criticality)."""
        return [f for f in cast("Element", entry.record).figures if f.measure == "price"]

    def priced(self) -> list[Entry[Record]]:
        """The elements with a price."""
        return [e for e in self.catalog.elements if self.prices_of(e)]

    def price_figures(self) -> list[Figure]:
        """Every price of every element, element by element."""
        return [f for e in self.catalog.elements for f in self.prices_of(e)]

    def price_revisions(self) -> list[tuple[Entry[Record], Figure, Figure | None]]:
        """Every price set aside for another edition's, with its element and the price shown in its place."""
        found: list[tuple[Entry[Record], Figure, Figure | None]] = []
        for entry in self.catalog.elements:
            _, rows, others = self.pivot(self.prices_of(entry))
            shown = {product: by_year for product, _, by_year in rows}
            found.extend((entry, o, shown[o.product or ""].get(o.year)) for o in others)
        return found

    @staticmethod
    def tile_place(atomic_number: int) -> tuple[int, int]:
        """Where an element's tile sits in the strip of the elements index, (row, column): the lanthanides in a
        row from lanthanum on, and scandium and yttrium above lanthanum, in the column of the periodic table the
        three share (one row per period)."""
        if atomic_number > 56:  # period 6: lanthanum (57) to lutetium
            return 3, atomic_number - 56
        return (1 if atomic_number <= 36 else 2), 1

    def shown(self, pairs: list[tuple[Entry[Record], Figure]]) -> list[tuple[Entry[Record], Figure, list[Figure]]]:
        """The shown figures among ``pairs``, each with the other values recorded for it (earlier editions)."""
        by_producer: dict[str, tuple[Entry[Record], list[Figure]]] = {}
        for producer, figure in pairs:
            by_producer.setdefault(producer.id, (producer, []))[1].append(figure)
        return [
            (producer, shown, others)
            for producer, figures in by_producer.values()
            for shown, others in stats.split_shown(figures)
        ]

    def pivot(self, figures: list[Figure]) -> tuple[list[int], list[tuple[str, str, dict[int, Figure]]], list[Figure]]:
        """``figures`` as a table of products by year: (years, [(product, basis, {year: figure})], set-aside values)."""
        years = sorted({f.year for f in figures if not f.alternative})
        rows = []
        for product, members in stats.products(figures).items():
            shown = {f.year: f for f in stats.series_of(members)}
            bases = sorted({f.basis for f in shown.values() if f.basis})
            rows.append((product, "; ".join(bases), shown))
        kept = {id(f) for _, _, shown in rows for f in shown.values()}
        others = [f for f in figures if id(f) not in kept]
        return years, rows, others
