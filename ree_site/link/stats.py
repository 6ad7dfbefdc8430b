"""Figures computed from the records at build time: latest values, shares of the world, concentration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..data.parts import split_shown

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure
    from .catalog import Catalog

STAGES = ("mining", "separation", "metal", "magnets")
__all__ = ["split_shown"]  # defined with the figures, used from here by the views


def rounding_slack(values: list[float]) -> float:
    """How far printed shares may add up past their true total through rounding alone: half a unit of each
    value's last digit (68.3 may be 68.25, 62 may be 61.5)."""
    slack = 0.0
    for value in values:
        digits = f"{value:.6f}".rstrip("0").partition(".")[2]
        slack += 0.5 * 10 ** -len(digits)
    return slack


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


def same_basis(figure: Figure, total: Figure) -> bool:
    """Whether ``total`` is on the same basis as ``figure``: cited to the same source, or of the same edition. A
    country's figure from one series divided by a world total from another (Mineral Commodity Summaries against the
    Minerals Yearbook totals of Data Series 140) mixes bases and can pass 100 %."""
    return figure.source == total.source or (figure.edition is not None and figure.edition == total.edition)


def world_total_for(totals: Iterable[Figure], figure: Figure) -> Figure | None:
    """The world total a country's ``figure`` is a share of: among ``totals``, one of its year and unit, with a
    value, on the same basis (:func:`same_basis`), the shown one before one set aside as an alternative; None where
    the world has no total on that basis, so that no share mixes two series."""
    found = [
        total
        for total in totals
        if total.year == figure.year
        and total.unit == figure.unit
        and total.value
        and not _about_element(total)
        and same_basis(figure, total)
    ]
    return min(found, key=lambda total: total.alternative, default=None)


def world_totals(catalog: Catalog) -> list[Figure]:
    """Every world total of mine production, the shown ones and those kept as alternatives, in year order."""
    total = world(catalog)
    return figures_of(total, "mine-production") if total else []


@dataclass(frozen=True)
class Share:
    """One country's mine production in a year, and its share of the world ``total`` on the same basis."""

    entry: Entry[Record]
    figure: Figure
    percent: float
    total: Figure


def country_shares(catalog: Catalog, year: int) -> list[Share]:
    """Countries' mine production in ``year`` as shares of the world total, largest first (computed once)."""
    return catalog.memo(("country-shares", year), lambda: _country_shares(catalog, year))


def _country_shares(catalog: Catalog, year: int) -> list[Share]:
    totals = world_totals(catalog)
    shares = []
    for entry in countries(catalog):
        figure = figure_for(entry, "mine-production", year)
        total = world_total_for(totals, figure) if figure is not None and figure.value else None
        if figure is not None and figure.value and total is not None and total.value:
            shares.append(Share(entry, figure, 100 * figure.value / total.value, total))
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
    ("other countries") is left out, which slightly understates the index. None where the countries' shares are
    taken of different world totals (two series whose bases differ): an index cannot add them up.
    """
    shares = country_shares(catalog, year)
    if not shares or any(s.total is not shares[0].total for s in shares):
        return None
    return Concentration(
        year=year,
        hhi=sum(s.percent**2 for s in shares),
        covered=sum(s.percent for s in shares),
        top_share=shares[0].percent,
        top=shares[0].entry,
    )


#: The stage each measure of output belongs to, for summing up a record's stages from its own figures.
STAGE_OF_MEASURE = {
    "mine-production": "mining",
    "share-mining": "mining",
    "mining-quota": "mining",
    "refined-production": "separation",
    "share-separation": "separation",
    "separation-quota": "separation",
    "share-metal": "metal",
    "magnet-production": "magnets",
    "share-magnets": "magnets",
}


def stages_of(entry: Entry[Record]) -> list[str]:
    """The stages a producer works in: those its record names and those its own figures measure output at, in
    the order of the chain (so a fact box cannot disagree with the charts below it)."""
    record = cast("Producer", entry.record)
    named = set(record.stages) | {STAGE_OF_MEASURE[f.measure] for f in record.figures if f.measure in STAGE_OF_MEASURE}
    return [stage for stage in STAGES if stage in named]


def stage_shares(entry: Entry[Record]) -> dict[str, Figure]:
    """The latest recorded share of world output at each stage of the chain, for rare earths as a whole where a
    source gives one, else for the largest group of elements a source gives (the IEA's four magnet rare earths);
    never one element's own share, which says nothing of the others."""
    found = {}
    for stage in STAGES:
        shown = [f for f in shown_figures(entry, f"share-{stage}") if f.element is None and len(f.elements) != 1]
        whole = [f for f in shown if not f.elements]
        if not whole and shown:
            widest = max(shown, key=lambda f: len(f.elements))
            whole = [f for f in shown if sorted(f.elements) == sorted(widest.elements)]
        if whole:
            found[stage] = max(whole, key=lambda f: f.year)
    return found


def series_of(figures: list[Figure]) -> list[Figure]:
    """One shown figure per year (the first listed), in year order: the points of a chart."""
    by_year: dict[int, Figure] = {}
    for figure in figures:
        if figure.value is not None and not figure.alternative:
            by_year.setdefault(figure.year, figure)
    return [by_year[year] for year in sorted(by_year)]


def world_series(catalog: Catalog, measure: str = "mine-production") -> list[Figure]:
    """The world total of ``measure`` for every year recorded."""
    total = world(catalog)
    return series_of(figures_of(total, measure)) if total else []


def share_series(catalog: Catalog, entry: Entry[Record]) -> list[tuple[int, float, Figure]]:
    """``entry``'s mine production as a percentage of the world total, for every year the world has a total on the
    same basis as the country's figure (:func:`world_total_for`): a year without one is a gap, never a mixed share.
    A year without such a pair takes the share of world mining a source states for rare earths as a whole (the
    USGS's 27 % for China in 1990, whose tonnages were not reachable), which is its source's own division."""
    totals = world_totals(catalog)
    found = {}
    for figure in series_of(figures_of(entry, "mine-production")):
        total = world_total_for(totals, figure) if not _about_element(figure) else None
        if total is not None and total.value and figure.value is not None:
            found[figure.year] = (figure.year, 100 * figure.value / total.value, figure)
    for figure in series_of([f for f in figures_of(entry, "share-mining") if not _about_element(f) and not f.elements]):
        if figure.value is not None:
            found.setdefault(figure.year, (figure.year, figure.value, figure))
    return [found[year] for year in sorted(found)]


def _about_element(figure: Figure) -> bool:
    return figure.element is not None or figure.product is not None


def country_years(catalog: Catalog) -> list[int]:
    """Years with mine production recorded for at least two countries beside a world total on the same basis (a
    zero counts): the years for which shares and the HHI can be computed."""
    counts: dict[tuple[int, int], int] = {}
    totals = world_totals(catalog)
    for entry in countries(catalog):
        for figure in shown_figures(entry, "mine-production"):
            total = world_total_for(totals, figure)
            if total is not None:
                counts[(figure.year, id(total))] = counts.get((figure.year, id(total)), 0) + 1
    return sorted({year for (year, _), count in counts.items() if count >= 2})


@dataclass(frozen=True)
class Revision:
    """Two or more values of one quantity from different editions or sources: what the site shows, and the rest."""

    shown: Figure
    others: list[Figure]


def revisions(entry: Entry[Record]) -> list[Revision]:
    """The quantities of a record given more than one value (edition revisions and disagreeing sources)."""
    found = []
    for shown, others in split_shown(cast("Producer", entry.record).figures):
        # A revision is a value set aside (an alternative, or another edition's): two values of one key that are
        # both shown are two different things the data does not tell apart, never a revision of each other.
        differing = [f for f in others if f.value != shown.value and (f.alternative or f.edition != shown.edition)]
        if differing:
            found.append(Revision(shown, differing))
    return sorted(found, key=lambda r: (r.shown.measure, r.shown.year))


def latest(figures: list[Figure]) -> Figure | None:
    """The shown figure of the latest year among ``figures``."""
    shown = series_of(figures)
    return shown[-1] if shown else None


def products(figures: list[Figure]) -> dict[str, list[Figure]]:
    """``figures`` grouped by the product they measure (in order of first appearance), each in year order."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.product or "", []).append(figure)
    return {name: sorted(found, key=lambda f: f.year) for name, found in groups.items()}


@dataclass(frozen=True)
class StageSupply:
    """Countries' shares of world output at one ``stage`` for one element, largest first. ``scope`` says what the
    shares are for: ``element`` (the element itself), ``group`` (a group it belongs to, whose members are
    ``elements``), ``all`` (rare earths as a whole), or ``none`` where no source gives a share at this stage."""

    stage: str
    scope: str
    elements: tuple[str, ...]
    rows: list[tuple[Entry[Record], Figure]]

    def batches(self) -> list[tuple[int, str, list[tuple[Entry[Record], Figure]]]]:
        """The rows by year and source, each batch in order of its largest share: a table cell names the year and
        cites the source once per batch."""
        found: dict[tuple[int, str], list[tuple[Entry[Record], Figure]]] = {}
        for producer, figure in self.rows:
            found.setdefault((figure.year, figure.source), []).append((producer, figure))
        return [(year, source, rows) for (year, source), rows in found.items()]

    def total(self, year: int, source: str) -> float:
        """The sum of the shares of one batch."""
        return sum(f.value or 0 for _, f in self.rows if f.year == year and f.source == source)


def _latest_per_country(pairs: list[tuple[Entry[Record], Figure]]) -> list[tuple[Entry[Record], Figure]]:
    best: dict[str, tuple[Entry[Record], Figure]] = {}
    for producer, figure in pairs:
        if figure.value is None or figure.alternative:
            continue
        if producer.id not in best or figure.year > best[producer.id][1].year:
            best[producer.id] = (producer, figure)
    return sorted(best.values(), key=lambda pair: (-(pair[1].value or 0), pair[0].id))


def _is_country(entry: Entry[Record]) -> bool:
    producer = cast("Producer", entry.record)
    return producer.kind == "country" and producer.aggregate is None


def stage_supply(catalog: Catalog, element_id: str, stage: str) -> StageSupply:
    """The countries' latest shares of world output at ``stage`` for the element ``element_id``: those given for
    the element itself if any, else those of the smallest group that covers it, else those for rare earths as a
    whole (figures naming no element)."""
    measure = f"share-{stage}"
    named = [(p, f) for p, f in catalog.element_figures(element_id) if f.measure == measure and _is_country(p)]
    shown = [(p, f) for p, f in named if f.value is not None and not f.alternative]
    if shown:
        size = min(len(f.elements) or 1 for _, f in shown)
        first = next(f for _, f in shown if (len(f.elements) or 1) == size)
        members = sorted(first.elements)
        chosen = [(p, f) for p, f in shown if (len(f.elements) or 1) == size and sorted(f.elements) == members]
        return StageSupply(stage, "group" if members else "element", tuple(first.elements), _latest_per_country(chosen))
    whole = [(p, f) for p in countries(catalog) for f in figures_of(p, measure) if f.element is None and not f.elements]
    rows = _latest_per_country(whole)
    return StageSupply(stage, "all" if rows else "none", (), rows)
