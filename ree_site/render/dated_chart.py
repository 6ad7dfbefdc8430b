"""A line chart on a time axis counted in years, for values by year or by month, with dated events marked on it:
each year's total drawn at the middle of its year, each month's at the middle of its month, and each marked event
a numbered vertical line at its date (the key under the chart gives the numbers' events). Drawn at the two layouts
of :mod:`ree_site.render.charts`, framed by :mod:`ree_site.render.chart_frame`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .chart_frame import _CHAR, Credit, _csv, _figure, _text
from .charts import _plain, _svg_open, _tick_text, _ticks, place_labels, runs


@dataclass(frozen=True)
class DatedPoint:
    """One period of a series: where it lies on the time axis, its period as a number that counts up by one from
    each period to the next (a year, or a month counted as year * 12 + month - 1), its value and its printed form."""

    time: float
    period: int
    value: float
    text: str
    label: str  # the period as the CSV names it: "2025" or "April 2025"


@dataclass(frozen=True)
class DatedSeries:
    name: str
    points: tuple[DatedPoint, ...]
    short: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True)
class Mark:
    """A numbered event on the time axis; ``text`` says what it marks, for the description."""

    number: int
    time: float
    text: str


def dated_chart(
    series: list[DatedSeries],
    marks: list[Mark],
    title: str,
    caption: str,
    *,
    monthly: bool,
    y_label: str,
    source: str = "",
    site: str = "",
) -> Markup:
    """Lines over time (broken where a period is missing, a dot on every value), the values on a linear axis from
    zero, each line named at its end with its latest value, and the ``marks`` as numbered vertical lines."""
    series = [s for s in series if s.points]
    if not series:
        return Markup("")
    start = min(p.time for s in series for p in s.points) - (0.5 / 12 if monthly else 0.5)
    end = max(p.time for s in series for p in s.points) + (0.5 / 12 if monthly else 0.5)
    marks = [m for m in marks if start <= m.time <= end]
    top_value = max(p.value for s in series for p in s.points) or 1
    ticks = _ticks(0.0, top_value, False)
    ends = [max(s.points, key=lambda p: p.time) for s in series]
    desc = "; ".join(f"{s.name}: " + ", ".join(f"{p.label} {p.text}" for p in s.points) for s in series)
    if marks:
        desc += ". Marked: " + "; ".join(f"{m.number}, {m.text}" for m in marks)

    def draw(layout: str, width: int) -> str:
        narrow = layout == "narrow"
        # The narrow drawing names each line without its value (the table beside it has every value).
        pairs = zip(series, ends, strict=True)
        texts = [_cut(s.label, 14) if narrow else f"{_cut(s.label, 30)} {e.text}" for s, e in pairs]
        right = round(_CHAR * max(len(t) for t in texts)) + 16
        left = max(round(_CHAR * max(len(_tick_text(t)) for t in ticks)) + 10, 36)
        top, height = 30, (250 if narrow else 300)
        bottom = height - 30
        plot_width = width - left - right
        high = max(ticks[-1], top_value)

        def x(time: float) -> float:
            return left + plot_width * (time - start) / (end - start)

        def y(value: float) -> float:
            return top + (bottom - top) * (1 - value / high)

        head, tail = _svg_open(width, height, title, desc, layout)
        parts = [head]
        for tick in ticks:
            grid = f'x1="{left}" x2="{left + plot_width}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"'
            parts.append(
                f'<line class="ree-chart__grid" {grid}/>' + _text(left - 6, y(tick) + 4, _tick_text(tick), anchor="end")
            )
        parts.append(_text(4, 12, y_label))
        parts.append(
            f'<line class="ree-chart__axis" x1="{left}" x2="{left + plot_width}" y1="{bottom}" y2="{bottom}"/>'
        )
        labels = _time_labels(start, end, monthly, plot_width)
        parts.extend(_text(x(t), bottom + 18, label, anchor="middle") for t, label in labels)
        placed = place_labels([x(m.time) for m in marks], left + 6, left + plot_width - 6, gap=16)
        for mark, at in zip(marks, placed, strict=True):
            parts.append(
                f'<g class="ree-chart__mark"><line class="ree-chart__marker" x1="{x(mark.time):.1f}" '
                f'x2="{x(mark.time):.1f}" y1="{top - 4}" y2="{bottom}"/>'
                + _text(at, top - 8, str(mark.number), "ree-chart__label ree-chart__marker-label", "middle")
                + "</g>"
            )
        for index, s in enumerate(series):
            parts.append(_lines(s, index, x, y))
        wanted = [y(e.value) + 4 for e in ends]
        at_x = left + plot_width + 8
        placed_ends = place_labels(wanted, top + 4, bottom + 4)
        for index, (point, text, label_y) in enumerate(zip(ends, texts, placed_ends, strict=True)):
            x0, y0 = x(point.time), y(point.value)
            if abs(label_y - 4 - y0) > 2 or x0 < left + plot_width - 12:
                leader = f'x1="{x0 + 4:.1f}" x2="{at_x - 3:.1f}" y1="{y0:.1f}" y2="{label_y - 4:.1f}"'
                parts.append(f'<line class="ree-chart__leader" {leader}/>')
            label = _text(at_x, label_y, text, "ree-chart__label ree-chart__end")
            parts.append(f'<g class="ree-chart__series--{index % 6}">{label}</g>')
        parts.append(tail)
        return "".join(parts)

    rows = [(s.name, p.label, _plain(p.value), y_label, p.text) for s in series for p in s.points]
    data = _csv(("series", "period", "value", "unit", "as shown"), rows)
    return _figure(draw, caption, "lines", Credit(title, source, site), data)


def _lines(series: DatedSeries, index: int, x: Callable[[float], float], y: Callable[[float], float]) -> str:
    """A series' lines, broken where a period is missing, and a dot on each value."""
    segments = runs(series.points, lambda p: p.period)
    points = [p for segment in segments for p in segment]
    parts = [f'<g class="ree-chart__series ree-chart__series--{index % 6}">']
    for segment in segments:
        if len(segment) > 1:
            path = " ".join(f"{x(p.time):.1f},{y(p.value):.1f}" for p in segment)
            parts.append(f'<polyline class="ree-chart__line ree-chart__line--{index % 6}" points="{path}"/>')
    parts.extend(f'<circle class="ree-chart__dot" cx="{x(p.time):.1f}" cy="{y(p.value):.1f}" r="3"/>' for p in points)
    parts.append("</g>")
    return "".join(parts)


def _time_labels(start: float, end: float, monthly: bool, width: float) -> list[tuple[float, str]]:
    """The labels under the time axis: years at their middles, or every few months ("Jan 2025") at theirs, as many
    as fit ``width`` without touching."""
    if not monthly:
        years = list(range(int(start), int(end + 0.999)))
        step = next((s for s in (1, 2, 5, 10, 20) if len(years) / s * 5 * _CHAR <= width), 50)
        return [(year + 0.5, str(year)) for year in years if (year - years[0]) % step == 0]
    first, last = round(start * 12), round(end * 12)
    step = next((s for s in (1, 2, 3, 6) if (last - first) / s * 10 * _CHAR <= width), 12)
    labels = []
    for count in range(first, last):
        year, month = divmod(count, 12)
        if month % step == 0:
            labels.append((year + (month + 0.5) / 12, f"{dt.date(year, month + 1, 1):%b %Y}"))
    return labels


def _cut(name: str, most: int) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


__all__ = ["DatedPoint", "DatedSeries", "Mark", "dated_chart"]
