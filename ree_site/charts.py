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
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

#: (name, viewBox width) of the two layouts each chart is drawn at.
LAYOUTS = (("wide", 720), ("narrow", 360))
FONT = 13  # text size in viewBox units; the narrow layout is shown at about its own width
_CHAR = 7.4  # the width of an average character of FONT-unit text, a little generous


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


def _figure(draw: Callable[[str, int], str], caption: str, kind: str) -> Markup:
    # One line, no blank lines: Markdown passes it through as a single raw HTML block.
    svgs = "".join(draw(layout, width) for layout, width in LAYOUTS)
    return Markup(
        f'<figure class="ree-chart ree-chart--{kind}">{svgs}<figcaption>{escape(caption)}</figcaption></figure>'
    )


def _text(x: float, y: float, content: str, css: str = "ree-chart__label", anchor: str = "start") -> str:
    return f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(content)}</text>'


def bar_chart(bars: list[Bar], title: str, caption: str, max_value: float | None = None) -> Markup:
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

    return _figure(draw, caption, "bars")


def column_chart(points: list[tuple[str, float, str]], title: str, caption: str) -> Markup:
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

    return _figure(draw, caption, "columns")


def _ticks(low: float, high: float, log: bool) -> list[float]:
    if log:
        first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
        return [10.0**e for e in range(first, last + 1)]
    step = _nice_step(high / 4)
    return [step * i for i in range(int(high / step) + 2) if step * i <= high * 1.05 or i == 0]


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw), 10 * magnitude)


def _tick_text(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


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
    log: bool = False,
    y_label: str = "",
    max_value: float | None = None,
) -> Markup:
    """Lines over years. A missing year breaks the line (a gap, never a zero); a range is drawn as a whisker.

    ``log`` puts the values on a logarithmic axis (for prices that differ by orders of magnitude).
    Series are told apart by dash pattern as well as colour, and each line is labelled.
    """
    years = sorted({p.year for s in series for p in s.points})
    values = [v for s in series for p in s.points for v in (p.value, p.high) if v is not None and (v > 0 or not log)]
    if not years or not values:
        return Markup("")
    desc = "; ".join(f"{s.name}: " + ", ".join(f"{p.year} {p.text}" for p in s.points) for s in series)
    top_value = max_value if max_value is not None else max(values)
    ticks = _ticks(min(values) if log else 0.0, top_value or 1, log)
    low, high = (ticks[0], ticks[-1]) if log else (0.0, max(ticks[-1], top_value or 1))

    def draw(layout: str, width: int) -> str:
        narrow = layout == "narrow"
        # A legend below the plot when lines are many (or the screen narrow); else each line is named at its end.
        below = len(series) > 1 and (narrow or len(series) > 4)
        columns = 1 if narrow else 3
        legend_rows = -(-len(series) // columns) if below else 0
        height = (250 if narrow else 300) + legend_rows * 18
        # The right margin holds half of the last year's label (or the names at the lines' ends).
        left, right = (44, 22) if narrow else (62, 150 if len(series) > 1 and not below else 26)
        frame = _Frame(left, 22, width - left - right, height - 22 - 30 - legend_rows * 18 - (8 if below else 0),
                       years[0], years[-1], low, high, log)  # fmt: skip
        head, tail = _svg_open(width, height, title, desc, layout)
        parts = [head, *_axes(frame, ticks, y_label, 5 if narrow else 10)]
        column_width = (width - left) / columns
        for index, s in enumerate(series):
            parts.extend(_series_marks(frame, s, index))
            if below:
                x = left + (index % columns) * column_width
                y = height - legend_rows * 18 + (index // columns) * 18 + 4
                parts.append(
                    f'<line class="ree-chart__line ree-chart__line--{index % 6}" x1="{x:.1f}" x2="{x + 22:.1f}" '
                    f'y1="{y - 4}" y2="{y - 4}"/>' + _text(x + 28, y, _short(s.name, 34 if narrow else 27))
                )
            elif len(series) > 1:
                end = max(s.points, key=lambda p: p.year)
                parts.append(_text(frame.x(end.year) + 8, frame.y(end.value) + 4, _short(s.name, 16)))
        parts.append(tail)
        return "".join(parts)

    return _figure(draw, caption, "lines")


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


def _series_marks(frame: _Frame, series: Series, index: int) -> list[str]:
    """A series' lines (broken at missing years), its range whiskers and, where points are few, its dots."""
    points = sorted(series.points, key=lambda p: p.year)
    segments: list[list[Point]] = []
    for point in points:
        if segments and point.year == segments[-1][-1].year + 1:
            segments[-1].append(point)
        else:
            segments.append([point])
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
            if len(points) <= 30 or len(segment) == 1:
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
