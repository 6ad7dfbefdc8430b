"""The charts and tables of the trade page: each reporting country's exports and imports by year and by month, with
the events of the trade-policy issues its record names marked on the charts (numbered, with the key under them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.text import figure_value
from ..link import trade
from .chart_views import ChartViews
from .dated_chart import DatedPoint, DatedSeries, Mark, dated_chart

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Producer, Record
    from ..data.parts import Figure
    from ..link.trade import Marker, TradeSeries

#: The charts of a reporter: (kind, monthly, whether it shows the totals with the world or the partners).
TRADE_CHARTS = {"annual": (False, True), "monthly": (True, True), "partners": (True, False)}


def _point(figure: Figure) -> DatedPoint:
    period = figure.year if figure.month is None else figure.year * 12 + figure.month - 1
    return DatedPoint(trade.when(figure), period, figure.value or 0, f"{figure_value(figure)} t", figure.period)


def short_product(product: str) -> str:
    """A product as a line's end names it: "Rare-earth permanent magnets (HS 8505.11.10)" -> "Magnets"."""
    name = re.sub(r"\s*\(.*?\)", "", product).strip()
    name = re.sub(r"^Rare-earth (permanent )?", "", name)
    return name[:1].upper() + name[1:]


class TradeViews(ChartViews):
    """The trade page's charts and tables (links relative to ``page_uri``)."""

    def trade_reporters(self) -> list[Entry[Record]]:
        return trade.reporters(self.catalog)

    def trade_series(self, reporter: Entry[Record]) -> list[TradeSeries]:
        return [s for s in trade.trade_series(self.catalog) if s.reporter.id == reporter.id]

    def trade_chart_series(self, reporter: Entry[Record], kind: str) -> list[TradeSeries]:
        """The series a chart of ``kind`` (see :data:`TRADE_CHARTS`) draws: at most six, the largest first."""
        monthly, totals = TRADE_CHARTS[kind]
        chosen = [s for s in self.trade_series(reporter) if s.monthly == monthly and s.total == totals]
        order = {measure: index for index, measure in enumerate(("exports", "imports"))}
        chosen.sort(key=lambda s: (order[s.measure], -max(f.value or 0 for f in s.figures)))
        return chosen[:6]

    def trade_chart(self, reporter: Entry[Record], kind: str) -> tuple[Markup, list[Marker]]:
        """A chart of ``kind`` for the reporter, and the markers drawn on it (for the key under it)."""
        chosen = self.trade_chart_series(reporter, kind)
        if not chosen:
            return Markup(""), []
        monthly = TRADE_CHARTS[kind][0]
        times = [trade.when(f) for s in chosen for f in s.figures]
        half = 0.5 / 12 if monthly else 0.5
        found = trade.markers(self.catalog, reporter, min(times) - half, max(times) + half)
        name = cast("Producer", reporter.record).name
        series = [DatedSeries(s.name, tuple(_point(f) for f in s.figures), self.trade_short(s)) for s in chosen]
        marks = [Mark(m.number, m.time, f"{m.label}: " + "; ".join(e.title for _, e in m.events)) for m in found]
        every = [f for s in chosen for f in s.figures]
        span = f"{min(every, key=trade.when).period} to {max(every, key=trade.when).period}"
        what = {
            "annual": f"{name}'s exports and imports by year",
            "monthly": f"{name}'s exports and imports by month",
            "partners": f"{name}'s exports by month to its main partners",
        }[kind]
        marked = " Numbered lines mark the trade-policy events listed under the chart." if marks else ""
        caption = (
            f"{what}, {span}, in tonnes of product as the customs count them. A break in a line is a period without "
            f"a figure in the site's sources.{marked} Each figure's source is in the tables on this page."
        )
        drawn = dated_chart(
            series,
            marks,
            f"{what} (tonnes), {span}",
            caption,
            monthly=monthly,
            y_label="t",
            **self.credit(every),
        )
        return drawn, found

    @staticmethod
    def trade_short(series: TradeSeries) -> str:
        """A series as a line's end and a table's heading name it: the partner, or for a total the goods in short
        ("Magnets", "Imports, rare earths")."""
        if not series.total:
            return series.partner
        product = short_product(series.product)
        return product if series.measure == "exports" else f"Imports, {product.lower()}"

    @staticmethod
    def trade_table(series: list[TradeSeries]) -> list[tuple[str, list[Figure | None]]]:
        """``series`` as a table of periods, latest first: each period's label and each series' figure (or None)."""
        periods: dict[float, str] = {}
        for s in series:
            periods.update((trade.when(f), f.period) for f in s.figures)
        by_time = [{trade.when(f): f for f in s.figures} for s in series]
        return [(periods[t], [found.get(t) for found in by_time]) for t in sorted(periods, reverse=True)]

    @staticmethod
    def year_span(years: list[int]) -> str:
        """2018, 2019, 2020 as "2018 to 2020"; years with a gap listed: "2018, 2020"."""
        if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
            return f"every year from {years[0]} to {years[-1]}"
        return ", ".join(map(str, years))

    def marked_issues(self, marks: list[Marker]) -> list[Entry[Record]]:
        """The issues whose events ``marks`` show, in order of first mark."""
        found = {issue.id: issue for mark in marks for issue, _ in mark.events}
        return list(found.values())

    def trade_rows(self, reporter: Entry[Record]) -> list[Figure]:
        """Every trade figure of the reporter for the table of all figures: by flow, product, partner, period."""
        figures = trade.trade_figures(reporter)
        return sorted(
            figures,
            key=lambda f: (f.measure, f.product or "", f.partner != "World", f.partner or "", trade.when(f)),
        )

    def partner_rows(self, reporter: Entry[Record]) -> list[TradeSeries]:
        """The series with a partner other than the world, by product and partner."""
        return [s for s in self.trade_series(reporter) if not s.total]


__all__ = ["TRADE_CHARTS", "TradeViews", "short_product"]
