"""The world map page's maps and tables: mine production and reserves by country in the latest year with figures
by country, as choropleths in four classes of a tenfold step each, and the sites whose records give their location."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.text import figure_value, number
from ..data.vocabulary import KIND_LABELS, SITE_KINDS
from ..link import stats
from ..link.countries import country_codes
from .chart_views import ChartViews
from .world_map import Shade, Site, world_map

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure, Location

#: The measures the map shows, with how its title names them.
MAP_MEASURES = {"mine-production": "Rare-earth mine production", "reserves": "Rare-earth reserves"}
#: How many classes a choropleth has: each a tenfold step below the largest value's.
CLASSES = 4


def levels(values: list[float]) -> tuple[int, list[str], float]:
    """The classes of ``values``: the power of ten of the top class's lower bound, their labels (smallest first)
    and the top class's lower bound."""
    top = math.floor(math.log10(max(values))) if values and max(values) > 0 else 0
    bounds = [10.0 ** (top - CLASSES + 1 + k) for k in range(CLASSES)]
    labels = [f"Below {number(bounds[1])} t"]
    labels += [f"{number(bounds[k])} to {number(bounds[k + 1])} t" for k in range(1, CLASSES - 1)]
    labels.append(f"{number(bounds[-1])} t or more")
    return top, labels, bounds[-1]


def level_of(value: float, top: int) -> int:
    """The class (1 to :data:`CLASSES`) of a value above zero, given the top class's power of ten; 0 for zero."""
    return max(1, min(CLASSES, math.floor(math.log10(value)) - top + CLASSES)) if value > 0 else 0


class MapViews(ChartViews):
    """The map page's maps and tables (links relative to ``page_uri``)."""

    def map_year(self, measure: str) -> int | None:
        """The latest year with figures of ``measure`` for at least two countries."""
        counts: dict[int, int] = {}
        for entry in stats.countries(self.catalog):
            for year in {f.year for f in stats.shown_figures(entry, measure) if f.element is None and not f.product}:
                counts[year] = counts.get(year, 0) + 1
        years = [year for year, count in counts.items() if count >= 2]
        return max(years) if years else None

    def map_countries(self, measure: str) -> list[tuple[Entry[Record], Figure, str | None]]:
        """The countries with a figure of ``measure`` in :meth:`map_year`, largest first, with their code on the map
        (None for a name the map does not know)."""
        year = self.map_year(measure)
        codes = country_codes()
        found = []
        for entry in stats.countries(self.catalog):
            figure = next((f for f in stats.shown_figures(entry, measure) if f.year == year and f.element is None
                           and not f.product), None)  # fmt: skip
            if figure is not None:
                found.append((entry, figure, codes.get(cast("Producer", entry.record).country)))
        return sorted(found, key=lambda item: -(item[1].value or 0))

    def map_sites(self) -> list[tuple[Entry[Record], Location]]:
        """The mines, refineries and magnet plants whose records give their location, by name."""
        found = [(e, e.record.location) for e in self.catalog.producers if e.record.location is not None]
        return sorted(found, key=lambda pair: cast("Producer", pair[0].record).name)

    def unlocated_sites(self) -> list[Entry[Record]]:
        """The sites whose records give no location yet."""
        return sorted((e for e in self.catalog.producers if e.record.kind in SITE_KINDS and e.record.location is None),
                      key=lambda e: cast("Producer", e.record).name)  # fmt: skip

    def map_chart(self, measure: str, with_sites: bool = False) -> Markup:
        year = self.map_year(measure)
        rows = self.map_countries(measure)
        if year is None or not rows:
            return Markup("")
        top, legend, _ = levels([f.value or 0 for _, f, _ in rows])
        shades = [
            Shade(code, cast("Producer", e.record).name, level_of(f.value or 0, top), f"{figure_value(f)} {f.unit}")
            for e, f, code in rows
            if code is not None
        ]
        sites = [
            Site(cast("Producer", e.record).name, loc.lat, loc.lon, _where(cast("Producer", e.record)))
            for e, loc in self.map_sites()
        ] if with_sites else []  # fmt: skip
        name = MAP_MEASURES[measure]
        what = f"{name} by country, {year}"
        extra = " Dots mark the sites listed below, placed by their latitude and longitude." if sites else ""
        caption = (
            f"{what}, in tonnes of rare-earth oxide equivalent, in four classes of a tenfold step each; grey is a "
            f"country without a figure or with none.{extra} The table below gives every value and its source."
        )
        used = [f for _, f, _ in rows]
        return world_map(shades, legend, sites, what, caption, **self.credit(used))


def _where(producer: Producer) -> str:
    """A site's kind and where it is, as its point's label says it ("Mine, Inner Mongolia, China")."""
    return f"{KIND_LABELS[producer.kind]}, {producer.where}"


__all__ = ["CLASSES", "MAP_MEASURES", "MapViews", "level_of", "levels"]
