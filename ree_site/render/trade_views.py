"""The charts and tables of the trade page: each reporting country's exports and imports by year and by month, with
the events of the trade-policy issues its record names marked on the charts (numbered, with the key under them)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from markupsafe import Markup

from ..data.text import figure_value
from ..data.vocabulary import TRADE_MEASURES
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
#: How many calendar years a monthly chart draws, counted back from the latest month with a figure: older months,
#: scattered single reports, would squeeze the months around the export controls; the tables keep them.
MONTHLY_YEARS = 2
#: Exports before imports, wherever both are listed.
FLOW_ORDER = {measure: index for index, measure in enumerate(TRADE_MEASURES)}


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
        """The series a chart of ``kind`` (see :data:`TRADE_CHARTS`) draws: at most six, the largest first; the
        partners' chart draws exports only (imports by origin are in its table)."""
        monthly, totals = TRADE_CHARTS[kind]
        chosen = [s for s in self.trade_series(reporter) if s.monthly == monthly and s.total == totals]
        if kind == "partners":
            chosen = [s for s in chosen if s.measure == "exports"]
        chosen.sort(key=lambda s: (FLOW_ORDER[s.measure], -max(f.value or 0 for f in s.figures)))
        return chosen[:6]

    def trade_chart(self, reporter: Entry[Record], kind: str) -> tuple[Markup, list[Marker]]:
        """A chart of ``kind`` for the reporter, and the markers drawn on it (for the key under it)."""
        monthly = TRADE_CHARTS[kind][0]
        chosen = self.trade_chart_series(reporter, kind)
        if monthly:
            chosen = recent(chosen)
        if not chosen:
            return Markup(""), []
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
        older = " Earlier months are in the tables only." if monthly else ""
        caption = (
            f"{what}, {span}, in tonnes of product as the customs count them. A break in a line is a period without "
            f"a figure in the site's sources.{marked}{older} Each figure's source is in the tables on this page."
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
        """The series with a partner other than the world: exports by destination, then imports by origin, each by
        partner and product."""
        found = [s for s in self.trade_series(reporter) if not s.total]
        return sorted(found, key=lambda s: (FLOW_ORDER[s.measure], s.partner, s.product, s.monthly))

    @staticmethod
    def partner_table(rows: list[TradeSeries]) -> list[tuple[TradeSeries, Figure]]:
        """The rows of the partner table: each figure of ``rows`` with its series, exports first, then by partner and
        product, oldest first (a year's total among the months of the same goods)."""
        pairs = [(s, f) for s in rows for f in s.figures]
        return sorted(pairs, key=lambda p: (FLOW_ORDER[p[0].measure], p[0].partner, p[0].product, trade.when(p[1])))

    @staticmethod
    def trade_flows() -> list[str]:
        """Every flow, in the order the page lists them (:data:`FLOW_ORDER`): ["exports", "imports"]."""
        return list(FLOW_ORDER)

    @staticmethod
    def share_rows(rows: list[TradeSeries]) -> list[tuple[str, int, list[int]]]:
        """Of the partner series ``rows``, the figures whose tonnes the site worked out from a share its source
        prints (``computed``): for each flow holding some, the flow, how many and their years."""
        found = []
        for flow in FLOW_ORDER:
            figures = [f for s in rows if s.measure == flow for f in s.figures if f.computed]
            if figures:
                found.append((flow, len(figures), sorted({f.year for f in figures})))
        return found

    @staticmethod
    def partner_flows(rows: list[TradeSeries]) -> list[str]:
        """The flows the partner series hold, exports first: ["exports", "imports"]."""
        return [m for m in TRADE_MEASURES if any(s.measure == m for s in rows)]


def recent(series: list[TradeSeries]) -> list[TradeSeries]:
    """``series`` cut to the months of the last :data:`MONTHLY_YEARS` calendar years with a figure in any of them;
    a series with no figure left is dropped."""
    if not series:
        return []
    first = max(f.year for s in series for f in s.figures) - MONTHLY_YEARS + 1
    cut = [replace(s, figures=tuple(f for f in s.figures if f.year >= first)) for s in series]
    return [s for s in cut if s.figures]


__all__ = ["MONTHLY_YEARS", "TRADE_CHARTS", "TradeViews", "recent", "short_product"]
