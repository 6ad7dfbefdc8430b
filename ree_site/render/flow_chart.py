"""Charts of parts of a whole, drawn as SVG at build time like those of :mod:`ree_site.render.charts`: the chain
from mine to magnet as rows of shares joined by bands (a flow diagram), and stacked bars (capacity by status).

In the flow diagram each stage is a row: a bar of 100 % split into the countries' shares, in one order on every
row, with the shares written under it. A band joins each country's part of one row to its part of the next, so the
eye follows a country down the chain; it shows how its share changes from stage to stage, not the material it
ships. A stage without shares is an empty outlined row, and no band crosses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .chart_frame import _CHAR, Credit, _csv, _figure, _lines, _text
from .charts import _plain, _svg_open, place_labels


@dataclass(frozen=True)
class Part:
    """One part of a row: its name (the colour key), its size, and the size as printed."""

    name: str
    value: float
    text: str


@dataclass(frozen=True)
class Row:
    """One row of parts (a stage with its year, or a stage's capacity); no parts: nothing recorded."""

    label: str
    parts: list[Part] = field(default_factory=list)
    empty: str = "Nothing recorded"


#: The name that takes the neutral colour (what the other parts leave), in any chart.
NEUTRAL = "Rest of the world"
_BAR, _GAP, _HEAD, _LINE = 24, 46, 18, 16


def _keys(rows: list[Row], by_size: bool = True) -> dict[str, str]:
    """Each part's colour class: the named parts in the order of their largest size (or of first appearance), the
    neutral one last."""
    best: dict[str, float] = {}
    for row in rows:
        for part in row.parts:
            best[part.name] = max(best.get(part.name, 0.0), part.value)
    named = [n for n in best if n != NEUTRAL]
    if by_size:
        named.sort(key=lambda n: -best[n])
    keys = {name: str(index % 6) for index, name in enumerate(named)}
    if NEUTRAL in best:
        keys[NEUTRAL] = "rest"
    return keys


def _legend(keys: dict[str, str], width: int, y: float) -> tuple[list[str], float]:
    """Swatches with the parts' names, wrapped to ``width``; returns the marks and the height used."""
    marks, x, line = [], 2.0, 0
    for name, key in keys.items():
        room = 18 + _CHAR * len(name) + 14
        if x > 2 and x + room > width:
            x, line = 2.0, line + 1
        top = y + line * _LINE
        marks.append(f'<rect class="ree-chart__band ree-chart__band--{key}" x="{x:.1f}" y="{top + 2:.1f}" '
                     f'width="12" height="12" rx="2"/>')  # fmt: skip
        marks.append(_text(x + 17, top + 12, name))
        x += room
    return marks, (line + 1) * _LINE + 6 if keys else 0


def _spans(row: Row, width: float, order: list[str]) -> dict[str, tuple[float, float]]:
    """Where each part of ``row`` lies across the bar, in ``order``: name -> (left, right)."""
    total = sum(p.value for p in row.parts) or 1
    by_name = {p.name: p for p in row.parts}
    spans, x = {}, 2.0
    for name in order:
        if name in by_name:
            right = x + width * by_name[name].value / total
            spans[name] = (x, right)
            x = right
    return spans


def flow_chart(rows: list[Row], title: str, caption: str, *, source: str = "", site: str = "") -> Markup:
    """The rows of shares, one below another, each country's part of a row joined to its part of the next."""
    keys = _keys(rows)
    order = list(keys)
    desc = "; ".join(
        f"{row.label}: " + (", ".join(f"{p.name} {p.text}" for p in row.parts) if row.parts else row.empty.lower())
        for row in rows
    )

    def draw(layout: str, width: int) -> str:
        plot = width - 4
        legend, used = _legend(keys, width, 2)
        y = bottom = used + 4
        marks: list[str] = []
        below: list[tuple[float, dict[str, tuple[float, float]]] | None] = []
        tops: list[float] = []
        for row in rows:
            tops.append(y)
            marks.append(_text(2, y + 13, row.label, "ree-chart__label ree-chart__stage"))
            bar = y + _HEAD
            if not row.parts:
                marks.append(f'<rect class="ree-chart__empty" x="2" y="{bar}" width="{plot}" height="{_BAR}" rx="2"/>')
                marks.append(_text(2 + plot / 2, bar + 16, row.empty, "ree-chart__label ree-chart__note", "middle"))
                below.append(None)
                y, bottom = bar + _BAR + _GAP, bar + _BAR + 6
                continue
            spans = _spans(row, plot, order)
            wanted = []
            for part in row.parts:
                left, right = spans[part.name]
                marks.append(
                    f'<rect class="ree-chart__band ree-chart__band--{keys[part.name]}" x="{left:.1f}" y="{bar}" '
                    f'width="{max(right - left, 0.5):.1f}" height="{_BAR}"/>'
                )
                wanted.append((left + right) / 2)
            # The shares under the bar, each under its part, moved apart where parts are narrow; where more parts
            # than fit in the width, only the largest are labelled (the table beside the chart gives every share).
            gap = max(_CHAR * len(p.text) + 8 for p in row.parts)
            fits = max(1, int((width - 4) // gap))
            largest = sorted(range(len(row.parts)), key=lambda i: -row.parts[i].value)[:fits]
            shown = [i for i in range(len(row.parts)) if i in largest]
            placed = place_labels([wanted[i] for i in shown], 2 + gap / 2, width - 2 - gap / 2, gap=gap)
            marks.extend(
                _text(x, bar + _BAR + 14, row.parts[i].text, "ree-chart__value", "middle")
                for x, i in zip(placed, shown, strict=True)
            )
            below.append((bar + _BAR + _LINE + 2, spans))
            y, bottom = bar + _BAR + _GAP, bar + _BAR + _LINE + 6
        flows = []
        for index in range(len(rows) - 1):
            upper, lower = below[index], below[index + 1]
            if upper is None or lower is None:
                continue
            y0, y1 = upper[0], tops[index + 1] + _HEAD
            for name, (a0, b0) in upper[1].items():
                if name not in lower[1]:
                    continue
                a1, b1 = lower[1][name]
                mid = (y0 + y1) / 2
                flows.append(
                    f'<path class="ree-chart__flow ree-chart__flow--{keys[name]}" d="M{a0:.1f},{y0:.1f} '
                    f"C{a0:.1f},{mid:.1f} {a1:.1f},{mid:.1f} {a1:.1f},{y1:.1f} L{b1:.1f},{y1:.1f} "
                    f'C{b1:.1f},{mid:.1f} {b0:.1f},{mid:.1f} {b0:.1f},{y0:.1f} Z"/>'
                )
        head, tail = _svg_open(width, int(bottom), title, desc, layout)
        return "".join([head, *legend, *flows, *marks, tail])

    data = _csv(
        ("row", "part", "value", "as shown"),
        [(row.label, p.name, _plain(p.value), p.text) for row in rows for p in row.parts],
    )
    return _figure(draw, caption, "flow", Credit(title, source, site), data)


def stacked_chart(
    rows: list[Row], title: str, caption: str, *, order: list[str] | None = None, source: str = "", site: str = ""
) -> Markup:
    """Horizontal bars on one scale, each split into its parts (in ``order`` on every bar, else in the order they
    first appear), with its parts written under it."""
    found = _keys(rows, by_size=False)
    order = [name for name in order or list(found) if name in found]
    keys = {name: str(index % 6) for index, name in enumerate(order)}
    top = max((sum(p.value for p in row.parts) for row in rows), default=0) or 1
    desc = "; ".join(f"{row.label}: " + ", ".join(f"{p.name} {p.text}" for p in row.parts) for row in rows)

    def draw(layout: str, width: int) -> str:
        legend, used = _legend(keys, width, 2)
        y = used + 4
        marks: list[str] = []
        for row in rows:
            marks.append(_text(2, y + 13, row.label, "ree-chart__label ree-chart__stage"))
            bar = y + _HEAD
            total = sum(p.value for p in row.parts)
            spans = _spans(row, (width - 4) * total / top, order)
            for part in row.parts:
                left, right = spans[part.name]
                if right > left:
                    marks.append(
                        f'<rect class="ree-chart__band ree-chart__band--{keys[part.name]}" x="{left:.1f}" '
                        f'y="{bar}" width="{right - left:.1f}" height="{_BAR}"/>'
                    )
            text = "; ".join(f"{p.name} {p.text}" for p in row.parts if p.value)
            lines = _lines(text, width - 4, 13)
            marks.extend(
                _text(2, bar + _BAR + 14 + i * _LINE, line, "ree-chart__value") for i, line in enumerate(lines)
            )
            y = bar + _BAR + 8 + _LINE * len(lines) + 10
        head, tail = _svg_open(width, int(y), title, desc, layout)
        return "".join([head, *legend, *marks, tail])

    data = _csv(
        ("row", "part", "value", "as shown"),
        [(row.label, p.name, _plain(p.value), p.text) for row in rows for p in row.parts],
    )
    return _figure(draw, caption, "stacked", Credit(title, source, site), data)


__all__ = ["NEUTRAL", "Part", "Row", "flow_chart", "stacked_chart"]
