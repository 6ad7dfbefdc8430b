"""The charts of the pages: each drawn from the catalog's figures by :mod:`ree_site.render.charts`, with its title and
caption written for readers. :class:`ree_site.render.views.Views` adds the tables and lists the templates need."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypedDict, cast

from markupsafe import Markup

from ..data.text import figure_value, number, percent
from ..data.vocabulary import STAGE_LABELS
from ..link import stats
from ..link.pages import record_uri, relative_url
from .charts import Bar, Point, Series, bar_chart, column_chart, line_chart

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..data.loading import Entry
    from ..data.models import Element, Producer, Record, Source
    from ..data.parts import Figure
    from ..link.catalog import Catalog


class CreditLine(TypedDict):
    """The keyword arguments of a chart that name its sources and the site."""

    source: str
    site: str


#: A priced product on the prices page: (its element, the product as named, its price figures).
PricedProduct = tuple["Entry[Element]", str, list["Figure"]]


class ChartViews:
    """The charts of one page (links are made relative to ``page_uri``)."""

    def __init__(self, catalog: Catalog, page_uri: str) -> None:
        self.catalog = catalog
        self.page_uri = page_uri

    def href(self, entry: Entry[Record]) -> str:
        return relative_url(self.page_uri, record_uri(entry.kind, entry.id))

    def credit(self, figures: Iterable[Figure]) -> CreditLine:
        """What a chart of ``figures`` names inside its drawing: the publishers and years of their sources (the
        first three, and how many more) and the site."""
        years: dict[str, set[int]] = {}
        for source_id in dict.fromkeys(f.source for f in figures):
            entry = self.catalog.entries.get(("source", source_id))
            if entry is not None:
                source = cast("Source", entry.record)
                years.setdefault(source.publisher, set()).update([source.year] if source.year else [])
        names = [f"{publisher} ({_years(found)})" if found else publisher for publisher, found in years.items()]
        more = f"; and {len(names) - 3} more" if len(names) > 3 else ""
        line = ("Source: " if len(names) == 1 else "Sources: ") + "; ".join(names[:3]) + more if names else ""
        return CreditLine(source=line, site=self.catalog.site)

    def world_production_chart(self, year: int) -> Markup:
        shares = stats.country_shares(self.catalog, year)
        bars = [
            Bar(
                s.entry.record.name,  # type: ignore[attr-defined]
                s.figure.value or 0,
                f"{number(s.figure.value)} t ({percent(s.percent)})",
                self.href(s.entry),
            )
            for s in shares
        ]
        return bar_chart(
            bars,
            **self.credit(s.figure for s in shares),
            title=f"Rare-earth mine production by country, {year}",
            caption=f"Mine production by country in {year}, tonnes of rare-earth oxide equivalent, and share of "
            "the world total.",
        )

    def production_chart(self, entry: Entry[Record], measure: str = "mine-production") -> Markup:
        figures = stats.series_of([f for f in stats.figures_of(entry, measure) if f.element is None])
        if not figures:
            return Markup("")
        unit = figures[0].unit
        name = cast("Producer", entry.record).name
        label = "Mine production" if measure == "mine-production" else measure.replace("-", " ").capitalize()
        if len(figures) > 12:
            first, last = figures[0].year, figures[-1].year
            return self.series_chart(
                {name: figures},
                title=f"{label} of {name}, {first}–{last} ({unit})",
                caption=f"{label} of {name} by year from {first} to {last}, in {unit}. A break in the line is a year "
                "without a figure. Each figure's source is in the table on this page.",
                y_label=unit,
            )
        points = [(str(f.year) + ("*" if f.estimated else ""), f.value or 0, number(f.value)) for f in figures]
        note = " Years marked * are estimates." if any(f.estimated for f in figures) else ""
        return column_chart(
            points,
            title=f"{label} of {name} by year ({unit})",
            caption=f"{label} of {name} by year, in {unit}.{note} Each figure's source is in the producer's table of "
            "figures.",
            **self.credit(figures),
        )

    def grade_chart(self, entry: Entry[Record]) -> Markup:
        """A deposit's rare-earth distribution: each element's oxide as a share of the total REO."""
        grades = [f for f in stats.shown_figures(entry, "ore-grade") if f.element is not None]
        if not grades:
            return Markup("")
        elements = {e.id: e.record for e in self.catalog.elements}
        grades.sort(key=lambda f: elements[f.element or ""].atomic_number)
        name = cast("Producer", entry.record).name
        bars = [Bar(elements[f.element or ""].name, f.value or 0, f"{number(f.value)} %") for f in grades]
        return bar_chart(
            bars,
            title=f"Rare-earth distribution in the ore of {name} (% of total REO)",
            caption=f"Each rare earth's oxide as a percentage of the total rare-earth oxide in the ore of {name}, in "
            "order of atomic number. The table below gives each value's source.",
            max_value=max(f.value or 0 for f in grades),
            **self.credit(grades),
        )

    def share_scope(self, figure: Figure) -> str:
        """The group of elements a stage share covers, by their symbols ("Pr, Nd, Tb, Dy"); "" for rare earths as a
        whole."""
        return ", ".join(cast("Element", self.catalog.get("element", e).record).symbol for e in figure.elements)

    def stage_chart(self, entry: Entry[Record]) -> Markup:
        shares = stats.stage_shares(entry)
        if not shares:
            return Markup("")
        name = cast("Producer", entry.record).name
        # A share for a group of elements is marked, and the caption names the group (a label has no room for it).
        bars = [
            Bar(f"{STAGE_LABELS[stage]} ({figure.year}){'*' if figure.elements else ''}", figure.value or 0,
                f"{number(figure.value)} %")
            for stage, figure in shares.items()
        ]  # fmt: skip
        groups = sorted({self.share_scope(f) for f in shares.values() if f.elements})
        marked = f" Marked *: of {' and of '.join(groups)} only, the elements the source covers." if groups else ""
        return bar_chart(
            bars,
            title=f"Share of {name} in world output at each stage",
            caption=f"Share of {name} in world output at each stage of the chain, per cent, latest year recorded: of "
            f"rare earths as a whole where a source gives that, else of a group of elements.{marked}",
            max_value=100,
            **self.credit(shares.values()),
        )

    def series_chart(
        self,
        groups: dict[str, list[Figure]],
        title: str,
        caption: str,
        *,
        log: bool | None = None,
        y_label: str = "",
        short: dict[str, str] | None = None,
    ) -> Markup:
        """A line chart of several named series of figures (one shown value per year each); ``short`` gives the
        names printed at the lines' ends where the full ones are long."""
        short = short or {}
        series = [
            Series(name, [_point(f) for f in stats.series_of(figures)], short.get(name, ""))
            for name, figures in groups.items()
        ]
        series = [s for s in series if s.points]
        if not series:
            return Markup("")
        every = [f for figures in groups.values() for f in figures]
        return line_chart(series, title=title, caption=caption, log=log, y_label=y_label, **self.credit(every))

    def short_product(self, product: str) -> str:
        """A product as named at a line's end: up to its first comma, each element's name as its symbol, and an
        abbreviation the source gives in brackets in place of the words it stands for ("NdPr oxide")."""
        name = product.split(",", maxsplit=1)[0]
        bracket = re.search(r"\(([A-Za-z]+)\) (\w+)$", name)
        if bracket:
            return f"{bracket.group(1)} {bracket.group(2)}"
        for element in self.catalog.elements:
            name = re.sub(rf"\b{element.record.name}\b", element.record.symbol, name, flags=re.IGNORECASE)
        return name

    def price_chart(self, entry: Entry[Record]) -> Markup:
        """The element's prices by year, one line per product (a logarithmic axis where they differ tenfold)."""
        groups = stats.products([f for f in cast("Element", entry.record).figures if f.measure == "price"])
        if not groups:
            return Markup("")
        name = cast("Element", entry.record).name
        ranges = " Vertical strokes show a price range." if any(f.high for g in groups.values() for f in g) else ""
        named = {product or f"{name} price": figures for product, figures in groups.items()}
        return self.series_chart(
            named,
            title=f"Price of {name} products by year ($/kg)",
            caption=f"Prices of {name} products by year, in US dollars per kilogram, each line named at its end "
            f"with its latest price.{ranges} Sources and bases are in the table below.",
            y_label="$/kg",
            short={product: self.short_product(product) for product in named},
        )

    def price_groups(self, size: int = 5) -> list[list[PricedProduct]]:
        """Every priced product, cheapest first by its latest price, in groups of at most ``size`` (six line
        styles: no two lines of one chart look alike)."""
        products: list[PricedProduct] = [
            (entry, product or entry.record.name, figures)
            for entry in self.catalog.elements
            for product, figures in stats.products([f for f in entry.record.figures if f.measure == "price"]).items()
        ]
        products = [p for p in products if stats.series_of(p[2])]
        products.sort(key=lambda p: stats.series_of(p[2])[-1].value or 0)
        count = -(-len(products) // size)
        per = -(-len(products) // count) if count else size
        return [products[i : i + per] for i in range(0, len(products), per)]

    def prices_chart(self, group: list[PricedProduct]) -> Markup:
        """One group of products (see :meth:`price_groups`) as a line chart, each line named at its end."""
        latest = [stats.series_of(figures)[-1] for _, _, figures in group]
        low, high = min(f.value or 0 for f in latest), max(f.value or 0 for f in latest)
        band = f"${number(low)} to ${number(high)} per kg"
        named = {product: figures for _, product, figures in group}
        return self.series_chart(
            named,
            title=f"Prices of the products at {band} in their latest year",
            caption=f"Prices by year of the {len(group)} products whose latest price was {band}, in US dollars per "
            "kilogram, each line named at its end with its latest price. A logarithmic axis is used where the "
            "prices differ more than tenfold. Sources are in the table below.",
            y_label="$/kg",
            short={product: self.short_product(product) for product in named},
        )

    def long_run_chart(self) -> Markup:
        """World mine production for every year recorded (gaps where a year is missing)."""
        figures = stats.world_series(self.catalog)
        if not figures:
            return Markup("")
        first, last = figures[0].year, figures[-1].year
        return self.series_chart(
            {"World": figures},
            title=f"World rare-earth mine production, {first}–{last} (t REO)",
            caption=f"World mine production of rare earths by year from {first} to {last}, in tonnes of rare-earth "
            "oxide equivalent. A break in the line is a year without data.",
            y_label="t REO",
        )

    def share_chart(self, entries: list[Entry[Record]]) -> Markup:
        """Each country's share of world mine production by year (gaps where either figure is missing)."""
        series, used = [], list(stats.world_series(self.catalog))
        for entry in entries:
            found = stats.share_series(self.catalog, entry)
            used += [figure for _, _, figure in found]
            points = [Point(year, pct, percent(pct)) for year, pct, _ in found]
            if points:
                series.append(Series(cast("Producer", entry.record).name, points))
        if not series:
            return Markup("")
        first = min(p.year for s in series for p in s.points)
        last = max(p.year for s in series for p in s.points)
        names = " and ".join(s.name for s in series)
        return line_chart(
            series,
            title=f"Share of {names} in world mine production, {first}–{last} (%)",
            caption=f"Mine production of {names} as a percentage of the world total, by year. A break in a line "
            "is a year for which the country's figure or the world total is not recorded.",
            y_label="%",
            max_value=100,
            log=False,  # shares read from zero to a hundred, never on a logarithmic axis
            **self.credit(used),
        )


def _point(figure: Figure) -> Point:
    return Point(figure.year, figure.value or 0, figure_value(figure), figure.high)


def _years(years: set[int]) -> str:
    """2023, 2025 and 2026 as "2023, 2025, 2026"; more than three as "1995–2026"."""
    ordered = sorted(years)
    return ", ".join(map(str, ordered)) if len(ordered) <= 3 else f"{ordered[0]}–{ordered[-1]}"
