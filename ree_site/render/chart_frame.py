"""What frames a chart's drawing: its title above the plot and the line naming its sources and the site below it,
inside the same ``<svg>``; the ``<figure>`` that holds both layouts, the caption, and the numbers drawn as CSV (which
the page's script offers as a download beside the SVG and PNG of the chart)."""

from __future__ import annotations

import csv
import io
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: (name, viewBox width) of the two layouts each chart is drawn at.
LAYOUTS = (("wide", 720), ("narrow", 360))
FONT = 13  # text size in viewBox units; the narrow layout is shown at about its own width
_CHAR = 7.4  # the width of an average character of FONT-unit text, a little generous


def _text(x: float, y: float, content: str, css: str = "ree-chart__label", anchor: str = "start") -> str:
    return f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(content)}</text>'


@dataclass(frozen=True)
class Credit:
    """What a chart carries inside its drawing besides the plot: its title, the line naming its sources, and the
    site's name, so that a copy saved or embedded elsewhere still says what it is and where it comes from."""

    title: str
    source: str = ""
    site: str = ""

    @property
    def line(self) -> str:
        return ". ".join(part.rstrip(".") for part in (self.source, f"Chart: {self.site}" if self.site else "") if part)


#: Heading and credit text sizes, and their line heights (viewBox units).
HEADING, CREDIT = 14, 11
HEADING_LINE, CREDIT_LINE = 18, 14
_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')


def _lines(text: str, width: int, size: int, bold: bool = False) -> list[str]:
    """``text`` wrapped to lines that fit ``width`` at ``size``-unit text (bold text is about a tenth wider)."""
    per_char = size * _CHAR / FONT * (1.1 if bold else 1.0)
    return textwrap.wrap(text, max(20, int(width / per_char)) - 1) if text else []


def _framed(svg: str, width: int, credit: Credit) -> str:
    """The drawing with the title above the plot and the credit line below it, inside the same ``<svg>``."""
    found = _VIEWBOX.search(svg)
    if found is None:
        return svg
    heading = _lines(credit.title, width, HEADING, bold=True)
    footer = _lines(credit.line, width, CREDIT)
    top = HEADING_LINE * len(heading) + (6 if heading else 0)
    bottom = CREDIT_LINE * len(footer) + (6 if footer else 0)
    height = int(found.group(2))
    svg = svg[: found.start()] + f'viewBox="0 0 {width} {height + top + bottom}"' + svg[found.end() :]
    head_end = svg.index("</desc>") + len("</desc>")
    above = "".join(_text(2, HEADING_LINE * (i + 1) - 4, line, "ree-chart__heading") for i, line in enumerate(heading))
    below = "".join(
        _text(2, top + height + 4 + CREDIT_LINE * (i + 1) - 2, line, "ree-chart__credit")
        for i, line in enumerate(footer)
    )
    body = svg[head_end : -len("</svg>")]
    return f'{svg[:head_end]}{above}<g transform="translate(0 {top})">{body}</g>{below}</svg>'


def _figure(
    draw: Callable[[str, int], str], caption: str, kind: str, credit: Credit | None = None, data: str = ""
) -> Markup:
    """The chart's figure: both layouts, the caption, and (as ``data-csv``) the numbers drawn, for its download."""
    # One line, no blank lines: Markdown passes it through as a single raw HTML block.
    svgs = "".join(
        _framed(draw(layout, width), width, credit) if credit else draw(layout, width) for layout, width in LAYOUTS
    )
    name = f' data-name="{escape(_file_name(credit.title))}"' if credit else ""
    if credit and data:
        # The downloaded numbers say what they are and where they come from, as the drawing does.
        data = f"# {'. '.join(p.rstrip('.') for p in (credit.title, credit.line) if p)}.\n{data}"
    # Line breaks as character references: the figure stays one line of raw HTML for Markdown.
    attrs = f' data-csv="{str(escape(data)).replace(chr(10), "&#10;")}"{name}' if data else ""
    return Markup(
        f'<figure class="ree-chart ree-chart--{kind}"{attrs}>{svgs}<figcaption>{escape(caption)}</figcaption></figure>'
    )


def _file_name(title: str) -> str:
    """A chart's title as a file name: "Price of neodymium products by year ($/kg)" -> "price-of-neodymium-..."."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "chart"


def _csv(header: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return out.getvalue()


__all__ = ["LAYOUTS", "Credit"]
