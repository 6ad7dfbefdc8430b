"""SVG charts written at build time: readable without JavaScript, labelled for screen readers.

Colours come from Material's CSS variables (see content/assets/ree.css), so the charts follow the
light and dark palettes. Every chart is a ``<figure>`` with a text caption; the SVG has a ``<title>``
and a ``<desc>`` that state what it shows, and the page always carries the table behind it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape

_ids = itertools.count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed beside the bar, e.g. "270,000 t" or "69.2 %"
    href: str | None = None


def _svg_open(width: int, height: int, title: str, desc: str) -> tuple[str, str]:
    n = next(_ids)
    head = (
        f'<svg class="ree-chart__svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="ree-chart-{n}-title ree-chart-{n}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="ree-chart-{n}-title">{escape(title)}</title>'
        f'<desc id="ree-chart-{n}-desc">{escape(desc)}</desc>'
    )
    return head, "</svg>"


def _figure(svg: str, caption: str, kind: str) -> Markup:
    # One line, no blank lines: Markdown passes it through as a single raw HTML block.
    return Markup(
        f'<figure class="ree-chart ree-chart--{kind}">{svg}<figcaption>{escape(caption)}</figcaption></figure>'
    )


def bar_chart(bars: list[Bar], title: str, caption: str, max_value: float | None = None) -> Markup:
    """Horizontal bars, one row per item, labels on the left and values on the right."""
    row, label_width, value_width, width = 28, 200, 170, 760
    height = row * len(bars) + 8
    top = max_value if max_value is not None else max((b.value for b in bars), default=0) or 1
    plot = width - label_width - value_width
    desc = "; ".join(f"{b.label}: {b.text}" for b in bars)
    head, tail = _svg_open(width, height, title, desc)
    parts = [head]
    for index, bar in enumerate(bars):
        y = 4 + index * row
        length = max(plot * bar.value / top, 1 if bar.value else 0)
        label = escape(bar.label)
        if bar.href:
            label = Markup(f'<a href="{escape(bar.href)}">{label}</a>')
        parts.append(
            f'<g class="ree-chart__row"><text class="ree-chart__label" x="{label_width - 8}" y="{y + 17}" '
            f'text-anchor="end">{label}</text>'
            f'<rect class="ree-chart__bar" x="{label_width}" y="{y + 4}" width="{length:.1f}" '
            f'height="{row - 8}" rx="2"/>'
            f'<text class="ree-chart__value" x="{label_width + length + 6:.1f}" y="{y + 17}">'
            f"{escape(bar.text)}</text></g>"
        )
    parts.append(tail)
    return _figure("".join(parts), caption, "bars")


def column_chart(points: list[tuple[str, float, str]], title: str, caption: str) -> Markup:
    """Vertical columns over time: ``points`` are (x label, value, printed value)."""
    width, height, bottom, top_pad, left = 720, 260, 30, 24, 20
    count = max(len(points), 1)
    slot = (width - 2 * left) / count
    column = min(slot * 0.6, 90)
    peak = max((v for _, v, _ in points), default=0) or 1
    plot = height - bottom - top_pad
    desc = "; ".join(f"{x}: {text}" for x, _, text in points)
    head, tail = _svg_open(width, height, title, desc)
    axis = height - bottom
    parts = [head, f'<line class="ree-chart__axis" x1="{left}" x2="{width - left}" y1="{axis}" y2="{axis}"/>']
    for index, (x_label, value, text) in enumerate(points):
        bar_height = plot * value / peak
        x = left + slot * index + (slot - column) / 2
        y = height - bottom - bar_height
        centre = x + column / 2
        parts.append(
            f'<g class="ree-chart__row"><rect class="ree-chart__bar" x="{x:.1f}" y="{y:.1f}" '
            f'width="{column:.1f}" height="{bar_height:.1f}" rx="2"/>'
            f'<text class="ree-chart__value" x="{centre:.1f}" y="{y - 6:.1f}" text-anchor="middle">'
            f"{escape(text)}</text>"
            f'<text class="ree-chart__label" x="{centre:.1f}" y="{height - 10}" text-anchor="middle">'
            f"{escape(x_label)}</text></g>"
        )
    parts.append(tail)
    return _figure("".join(parts), caption, "columns")
