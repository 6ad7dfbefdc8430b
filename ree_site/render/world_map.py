"""The world map: a choropleth of a value by country, with sites placed by their latitude and longitude, drawn as SVG
at build time from the countries of :mod:`ree_site.render.world_geometry`, at the two layouts of the charts, with
its legend inside the drawing, and framed like every chart (title above, sources below)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .chart_frame import LAYOUTS, Credit, _csv, _figure, _text
from .charts import _svg_open
from .world_geometry import FRAME_WIDTH, FRAME_X, FRAME_Y, countries, robinson, thinned

#: Points closer than this to the last one kept are left out, and outlines smaller than this are not drawn (units of
#: each layout's drawing: the wide one is 720 units across, the narrow one 360).
TOLERANCE = {"wide": 1.6, "narrow": 1.1}
SMALLEST = {"wide": 1.5, "narrow": 1.2}


@dataclass(frozen=True)
class Shade:
    """A country's class on the map (0 for no figure, 1 to 4 from the smallest values to the largest) and what
    the CSV of the map says of it."""

    code: str
    name: str
    level: int
    text: str


@dataclass(frozen=True)
class Site:
    name: str
    lat: float
    lon: float
    text: str  # what the site is, for the CSV: "Mine, China"


def scale_of(width: int) -> float:
    """How many drawing units one unit of the map's frame is at a layout ``width`` units wide."""
    return width / FRAME_WIDTH


def place(lat: float, lon: float, width: int) -> tuple[float, float]:
    """Where a latitude and longitude lie in a drawing ``width`` units wide (before the title above it)."""
    x, y = robinson(lat, lon)
    scale = scale_of(width)
    return (x - FRAME_X) * scale, (y - FRAME_Y) * scale


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """Rings as a compact path: each ring's first point absolute, the rest relative, to a tenth of a unit."""
    parts = []
    for ring in rings:
        x0, y0 = round(ring[0][0], 1), round(ring[0][1], 1)
        steps, x, y = [], x0, y0
        for px, py in ring[1:]:
            dx, dy = round(px - x, 1), round(py - y, 1)
            steps.append(f"{dx:g} {dy:g}")
            x, y = x + dx, y + dy
        parts.append(f"M{x0:g} {y0:g}l" + " ".join(steps) + "z")
    return "".join(parts)


def _outlines(layout: str, width: int) -> dict[str, str]:
    """Each country's outlines as path data for one layout."""
    scale, found = scale_of(width), {}
    for code, country in countries().items():
        rings = []
        for ring in country.rings:
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            if max(max(xs) - min(xs), max(ys) - min(ys)) * scale < SMALLEST[layout]:
                continue
            kept = thinned(ring, scale, TOLERANCE[layout])
            if len(kept) > 2:
                rings.append(kept)
        if not rings:  # a small country: its largest outline, however small, so that every country has a shape
            largest = max(country.rings, key=len)
            rings = [thinned(largest, scale, 0.0)]
        found[code] = _path(rings)
    return found


def world_map(
    shades: list[Shade],
    legend: list[str],
    sites: list[Site],
    title: str,
    caption: str,
    *,
    source: str = "",
    site: str = "",
) -> Markup:
    """The map: every country's outline, filled by its class in ``shades`` (classes 1 to 4 named by ``legend``), and
    a dot for each site."""
    level = {s.code: s.level for s in shades}
    named = [s for s in shades if s.level]
    desc = "; ".join(f"{s.name}: {s.text}" for s in named)
    if sites:
        desc += ". Sites: " + "; ".join(f"{s.name} ({s.text})" for s in sites)
    bottom = max(country.bounds()[3] for country in countries().values())

    def draw(layout: str, width: int) -> str:
        scale = scale_of(width)
        land = int((bottom - FRAME_Y) * scale) + 4
        rows = [*legend, "None, or no figure"] + (["Site with a sourced location"] if sites else [])
        height = land + 8 + 18 * len(rows)
        head, tail = _svg_open(width, height, title, desc, layout)
        parts = [head, '<g class="ree-map__land">']
        for code, data in sorted(_outlines(layout, width).items()):
            parts.append(f'<path class="ree-map__k{level.get(code, 0)}" data-country="{code}" d="{data}"/>')
        parts.append("</g>")
        for s in sites:
            x, y = place(s.lat, s.lon, width)
            parts.append(
                f'<circle class="ree-map__site" cx="{x:.1f}" cy="{y:.1f}" r="3.5" data-lat="{s.lat:g}" '
                f'data-lon="{s.lon:g}"><title>{escape(s.name)}</title></circle>'
            )
        for index, label in enumerate(rows):
            y = land + 8 + 18 * index
            if label == "Site with a sourced location":
                mark = f'<circle class="ree-map__site" cx="9" cy="{y + 7}" r="3.5"/>'
            else:
                mark = (
                    f'<rect class="ree-map__k{(index + 1) % (len(legend) + 1)}" x="2" y="{y}" width="14" height="14"/>'
                )
            parts.append(mark + _text(22, y + 12, label))
        parts.append(tail)
        return "".join(parts)

    rows = [(s.name, s.code, s.level, s.text) for s in shades] + [(s.name, "", "site", s.text) for s in sites]
    data = _csv(("name", "code", "class", "value"), rows)
    return _figure(draw, caption, "map", Credit(title, source, site), data)


__all__ = ["LAYOUTS", "Shade", "Site", "place", "scale_of", "world_map"]
