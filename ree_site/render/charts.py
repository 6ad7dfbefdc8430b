"""SVG charts written at build time: readable without JavaScript, labelled for screen readers.

Colours come from Material's CSS variables (see content/assets/ree.css), so the charts follow the
light and dark palettes. Every chart is a ``<figure>`` with a text caption; the SVG has a ``<title>``
and a ``<desc>`` that state what it shows, and the page always carries the table behind it.

An SVG scales its text with its width, so one drawing cannot be readable on a desktop and on a phone.
Each chart is therefore drawn twice, at a wide and at a narrow layout, and the stylesheet shows one of
them: the narrow one is laid out for a 360 px column, so its 13-unit text stays at about 13 CSS px.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from markupsafe import Markup, escape

from .chart_frame import _CHAR, Credit, _csv, _figure, _text

T = TypeVar("T")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed beside the bar, e.g. "270,000 t" or "69.2 %"
    href: str | None = None


@dataclass(frozen=True)
class Point:
    """One year of a series; ``high`` is the upper bound where the source gives a range."""

    year: int
    value: float
    text: str
    high: float | None = None


@dataclass(frozen=True)
class Series:
    name: str
    points: list[Point] = field(default_factory=list)
    short: str = ""  # the name at the line's end where the full one is long ("Nd oxide")

    @property
    def label(self) -> str:
        return self.short or self.name


#: Text of an end label is at least this far from the next one (viewBox units).
LABEL_GAP = 15


def place_labels(wanted: list[float], top: float, bottom: float, gap: float = LABEL_GAP) -> list[float]:
    """Vertical positions for labels that want to sit at ``wanted``: in the same order, at least ``gap`` apart,
    within ``top``..``bottom`` where there is room, each as near its wish as that allows."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [min(max(wanted[i], top), bottom) for i in order]
    for k in range(1, len(placed)):
        placed[k] = max(placed[k], placed[k - 1] + gap)
    overflow = placed[-1] - bottom if placed else 0
    if overflow > 0:
        placed[-1] = bottom
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
    result = [0.0] * len(wanted)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result


def _svg_open(width: int, height: int, title: str, desc: str, layout: str) -> tuple[str, str]:
    # The id comes from what the chart shows, not from a counter: the same data gives the same page, byte for
    # byte, however many pages were drawn before it (ree-site generate and a serve rebuild rely on that).
    n = hashlib.blake2s(f"{layout} {width}x{height} {title} {desc}".encode(), digest_size=5).hexdigest()
    head = (
        f'<svg class="ree-chart__svg ree-chart__svg--{layout}" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="ree-chart-{n}-title ree-chart-{n}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="ree-chart-{n}-title">{escape(title)}</title>'
        f'<desc id="ree-chart-{n}-desc">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def bar_chart(
    bars: list[Bar], title: str, caption: str, max_value: float | None = None, *, source: str = "", site: str = ""
) -> Markup:
    """Horizontal bars, one row per item. Wide: labels left, values right. Narrow: each label above its bar.

    Bars carry no links: a chart is an image to assistive technology, so the links live in the table beside it.
    """
    top = max_value if max_value is not None else max((b.value for b in bars), default=0) or 1
    desc = "; ".join(f"{b.label}: {b.text}" for b in bars)

    def draw(layout: str, width: int) -> str:
        narrow = layout == "narrow"
        row = 42 if narrow else 28
        # Room for the longest label and value at about 7.4 units a character of 13-unit text, so none is cut off.
        label_width = (
            0 if narrow else min(300, max(120, round(_CHAR * max((len(b.label) for b in bars), default=0)) + 12))
        )
        value_width = round(_CHAR * max((len(b.text) for b in bars), default=0)) + 14
        plot = width - label_width - value_width - (4 if narrow else 0)
        head, tail = _svg_open(width, row * len(bars) + 8, title, desc, layout)
        parts = [head]
        for index, bar in enumerate(bars):
            y = 4 + index * row
            length = max(plot * bar.value / top, 1 if bar.value else 0)
            bar_y = y + (20 if narrow else 4)
            label = _text(2, y + 15, bar.label) if narrow else _text(label_width - 8, y + 18, bar.label, anchor="end")
            parts.append(
                f'<g class="ree-chart__row">{label}'
                f'<rect class="ree-chart__bar" x="{label_width + (2 if narrow else 0)}" y="{bar_y}" '
                f'width="{length:.1f}" height="{row - (26 if narrow else 8)}" rx="2"/>'
                + _text(label_width + length + 6 + (2 if narrow else 0), bar_y + 13, bar.text, "ree-chart__value")
                + "</g>"
            )
        parts.append(tail)
        return "".join(parts)

    data = _csv(("label", "value", "as shown"), [(b.label, _plain(b.value), b.text) for b in bars])
    return _figure(draw, caption, "bars", Credit(title, source, site), data)


def column_chart(
    points: list[tuple[str, float, str]], title: str, caption: str, *, source: str = "", site: str = ""
) -> Markup:
    """Vertical columns for a few periods: ``points`` are (x label, value, printed value)."""
    peak = max((v for _, v, _ in points), default=0) or 1
    desc = "; ".join(f"{x}: {text}" for x, _, text in points)

    def draw(layout: str, width: int) -> str:
        height, bottom, top_pad, left = (240, 30, 24, 8) if layout == "narrow" else (260, 30, 24, 20)
        count = max(len(points), 1)
        slot = (width - 2 * left) / count
        column = min(slot * 0.7, 90)
        plot = height - bottom - top_pad
        head, tail = _svg_open(width, height, title, desc, layout)
        axis = height - bottom
        parts = [head, f'<line class="ree-chart__axis" x1="{left}" x2="{width - left}" y1="{axis}" y2="{axis}"/>']
        # A printed value wider than its column would overlap its neighbours: then values go every other column.
        every = 1 if slot >= 8 * max((len(t) for _, _, t in points), default=1) else 2
        for index, (x_label, value, text) in enumerate(points):
            bar_height = plot * value / peak
            x = left + slot * index + (slot - column) / 2
            y = height - bottom - bar_height
            centre = x + column / 2
            value_text = _text(centre, y - 6, text, "ree-chart__value", "middle") if index % every == 0 else ""
            parts.append(
                f'<g class="ree-chart__row"><rect class="ree-chart__bar" x="{x:.1f}" y="{y:.1f}" '
                f'width="{column:.1f}" height="{bar_height:.1f}" rx="2"/>{value_text}'
                + _text(centre, height - 10, x_label, anchor="middle")
                + "</g>"
            )
        parts.append(tail)
        return "".join(parts)

    data = _csv(("label", "value", "as shown"), [(x, _plain(v), text) for x, v, text in points])
    return _figure(draw, caption, "columns", Credit(title, source, site), data)


def _ticks(low: float, high: float, log: bool) -> list[float]:
    if log:
        first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
        return [10.0**e for e in range(first, last + 1)]
    step = _nice_step(high / 4)
    # Up to the first tick at or above the highest value: no line is drawn above the top gridline.
    return [step * i for i in range(math.ceil(high / step - 1e-9) + 1)]


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), 10 * magnitude)


def _tick_text(value: float) -> str:
    """Axis numbers in the site's one style: comma thousands, as in the tables (``5,000``, not ``5k``)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.10g}"


@dataclass(frozen=True)
class _Frame:
    """Where a line chart's plot area lies and how years and values map onto it."""

    left: float
    top: float
    width: float
    height: float
    first: int
    last: int
    low: float
    high: float
    log: bool

    def x(self, year: float) -> float:
        if self.last == self.first:
            return self.left + self.width / 2
        return self.left + self.width * (year - self.first) / (self.last - self.first)

    def y(self, value: float) -> float:
        if self.log:
            span = math.log10(self.high) - math.log10(self.low)
            ratio = (math.log10(max(value, self.low)) - math.log10(self.low)) / span
        else:
            ratio = value / self.high if self.high else 0
        return self.top + self.height * (1 - ratio)


def line_chart(
    series: list[Series],
    title: str,
    caption: str,
    *,
    log: bool | None = None,
    y_label: str = "",
    max_value: float | None = None,
    source: str = "",
    site: str = "",
) -> Markup:
    """Lines over years. A missing year breaks the line (a gap, never a zero); a range is drawn as a whisker.

    ``log`` puts the values on a logarithmic axis; ``None`` chooses it when the values span more than one order of
    magnitude. Series are told apart by colour and dash pattern (at most six per chart, so no two look alike), and
    each line is named at its end with its latest value, the names moved apart so that none overlaps another. A
    series that starts well after the axis does (a tenth of it, and more than five years) is noted above the plot,
    so a late start is never hidden.
    """
    years = sorted({p.year for s in series for p in s.points})
    every = [v for s in series for p in s.points for v in (p.value, p.high) if v is not None]
    positive = [v for v in every if v > 0]
    if log is None:
        log = bool(positive) and max(positive) / min(positive) > 10
    values = positive if log else every
    if not years or not values:
        return Markup("")
    desc = "; ".join(f"{s.name}: " + ", ".join(f"{p.year} {p.text}" for p in s.points) for s in series)
    top_value = max_value if max_value is not None else max(values)
    ticks = _ticks(min(values) if log else 0.0, top_value or 1, log)
    low, high = (ticks[0], ticks[-1]) if log else (0.0, max(ticks[-1], top_value or 1))
    span = years[-1] - years[0]
    late = [s for s in series if span and min(p.year for p in s.points) - years[0] > max(span * 0.1, 5)]
    labelled = len(series) > 1
    ends = [max(s.points, key=lambda p: p.year) for s in series]

    def draw(layout: str, width: int) -> str:
        narrow = layout == "narrow"
        most = 18 if narrow else 30
        texts = [f"{_short(s.label, most)} {end.text}" for s, end in zip(series, ends, strict=True)]
        label_room = round(_CHAR * max((len(t) for t in texts), default=0)) + 16 if labelled else 0
        tick_room = round(_CHAR * max(len(_tick_text(t)) for t in ticks)) + 10
        fits = int((width - tick_room) / _CHAR) - 1
        notes = [_short(f"{s.label}: no figures before {min(p.year for p in s.points)}", fits) for s in late]
        top = 22 + 16 * len(notes)
        height = (250 if narrow else 300) + 16 * len(notes)
        # The right margin holds the names at the lines' ends, or half of the last year's label.
        left, right = max(tick_room, 36 if narrow else 48), max(label_room, 22 if narrow else 26)
        frame = _Frame(left, top, width - left - right, height - top - 30, years[0], years[-1], low, high, log)
        head, tail = _svg_open(width, height, title, desc, layout)
        parts = [head, *_axes(frame, ticks, y_label, max(2, int(frame.width // 48)))]
        parts.extend(_text(left, 22 + 16 * i, note, "ree-chart__label ree-chart__note") for i, note in enumerate(notes))
        for index, s in enumerate(series):
            parts.extend(_series_marks(frame, s, index))
        if labelled:
            wanted = [frame.y(end.value) + 4 for end in ends]
            placed = place_labels(wanted, frame.top + 4, frame.top + frame.height + 4)
            x = frame.left + frame.width + 8
            for index, (end, y, text) in enumerate(zip(ends, placed, texts, strict=True)):
                x0, y0 = frame.x(end.year), frame.y(end.value)
                if abs(y - 4 - y0) > 2 or x0 < frame.left + frame.width - 1:
                    parts.append(
                        f'<line class="ree-chart__leader" x1="{x0 + 4:.1f}" x2="{x - 3:.1f}" y1="{y0:.1f}" '
                        f'y2="{y - 4:.1f}"/>'
                    )
                parts.append(
                    f'<g class="ree-chart__series--{index % 6}">'
                    + _text(x, y, text, "ree-chart__label ree-chart__end")
                    + "</g>"
                )
        parts.append(tail)
        return "".join(parts)

    if log and "logarithmic" not in caption:
        caption += " The vertical axis is logarithmic: each gridline is ten times the one below it."
    rows = [(s.name, p.year, _plain(p.value), _plain(p.high), y_label, p.text) for s in series for p in s.points]
    data = _csv(("series", "year", "value", "high", "unit", "as shown"), rows)
    return _figure(draw, caption, "lines", Credit(title, source, site), data)


def _plain(value: float | None) -> float | int | None:
    """2100.0 -> 2100, for the chart's CSV."""
    return int(value) if value is not None and float(value).is_integer() else value


def _axes(frame: _Frame, ticks: list[float], y_label: str, most_labels: int) -> list[str]:
    parts = []
    right = frame.left + frame.width
    for tick in ticks:
        y = frame.y(tick)
        parts.append(f'<line class="ree-chart__grid" x1="{frame.left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(_text(frame.left - 6, y + 4, _tick_text(tick), anchor="end"))
    if y_label:
        parts.append(_text(4, 12, y_label))
    bottom = frame.top + frame.height
    parts.append(f'<line class="ree-chart__axis" x1="{frame.left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    step = _year_step(frame.last - frame.first, most_labels)
    shown = [y for y in range(frame.first, frame.last + 1) if (y - frame.first) % step == 0]
    if shown[-1] != frame.last:
        if frame.last - shown[-1] < step * 0.6 and len(shown) > 1:
            shown.pop()  # the last year's label would touch the regular label before it
        shown.append(frame.last)
    parts.extend(_text(frame.x(year), bottom + 18, str(year), anchor="middle") for year in shown)
    return parts


def runs(points: Iterable[T], step: Callable[[T], int]) -> list[list[T]]:
    """``points`` in order of ``step`` (a year, a month's number), cut into runs of consecutive steps: the pieces
    of a line that breaks where a period has no figure."""
    found: list[list[T]] = []
    for point in sorted(points, key=step):
        if found and step(point) == step(found[-1][-1]) + 1:
            found[-1].append(point)
        else:
            found.append([point])
    return found


def _series_marks(frame: _Frame, series: Series, index: int) -> list[str]:
    """A series' lines (broken at missing years), its range whiskers and, where points are few, its dots."""
    segments = runs(series.points, lambda p: p.year)
    parts = [f'<g class="ree-chart__series ree-chart__series--{index % 6}">']
    for segment in segments:
        if len(segment) > 1:
            path = " ".join(f"{frame.x(p.year):.1f},{frame.y(p.value):.1f}" for p in segment)
            parts.append(f'<polyline class="ree-chart__line ree-chart__line--{index % 6}" points="{path}"/>')
    for segment in segments:
        for point in segment:
            x = frame.x(point.year)
            if point.high is not None:
                parts.append(
                    f'<line class="ree-chart__range" x1="{x:.1f}" x2="{x:.1f}" y1="{frame.y(point.value):.1f}" '
                    f'y2="{frame.y(point.high):.1f}"/>'
                )
            # Dots mark every point of a short series, and a lone year anywhere (it has no line of its own).
            if len(series.points) <= 30 or len(segment) == 1:
                parts.append(f'<circle class="ree-chart__dot" cx="{x:.1f}" cy="{frame.y(point.value):.1f}" r="3"/>')
    parts.append("</g>")
    return parts


def _short(name: str, most: int) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


def _year_step(span: int, most: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50):
        if span / step <= most:
            return step
    return 100
