"""A record's figures as series, for the plausibility rules (:mod:`ree_site.link.plausibility`): the values of one
quantity year by year, the figures beside each value and how far it lies from them; and product names that differ
from one another only by a typing mistake."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from ..data.parts import Figure

#: A value more than this many times, or less than 1/RATIO of, the figures beside it in its series is refused
#: unless its ``checked`` says why it is right.
RATIO = 20
#: How many years apart two figures may be and still be compared: a century of history is not one level.
REACH = 10
#: The key of a series: measure, element, elements, product, partner, unit, fiscal year end and month (a monthly
#: value is compared with the same month of other years, never with a whole year's).
SeriesKey = tuple[object, ...]


@dataclass(frozen=True)
class Point:
    """One value of a series: the figure and its place among the record's figures."""

    index: int
    figure: Figure

    @property
    def value(self) -> float:
        return self.figure.value or 0.0


def series(figures: Iterable[Figure]) -> dict[SeriesKey, list[Point]]:
    """A record's series, each in year order with one value per year: the one the site shows (the first listed
    with a value that is not an alternative). Zeros (no output) and the values set aside are not compared."""
    found: dict[SeriesKey, dict[int, Point]] = {}
    for index, figure in enumerate(figures):
        if figure.value is None or figure.value <= 0 or figure.alternative:
            continue
        key = (figure.measure, figure.element, tuple(figure.elements), figure.product, figure.partner, figure.unit,
               figure.fiscal_year_end, figure.month)  # fmt: skip
        found.setdefault(key, {}).setdefault(figure.year, Point(index, figure))
    return {key: [years[year] for year in sorted(years)] for key, years in found.items()}


def beside(points: list[Point], at: int) -> list[Point]:
    """The figures the value at ``at`` is compared with: the nearest on each side within :data:`REACH` years, or
    at either end of the series the two nearest on its one side."""
    year = points[at].figure.year
    before = [p for p in reversed(points[:at]) if year - p.figure.year <= REACH][:2]
    after = [p for p in points[at + 1 :] if p.figure.year - year <= REACH][:2]
    if before and after:
        return [before[0], after[0]]
    return before or after


def distance(points: list[Point], at: int) -> float | None:
    """How far the value at ``at`` lies from the figures beside it, in log terms (log 2: twice or half their
    median); None when there is nothing to compare it with."""
    near = beside(points, at)
    if not near:
        return None
    return abs(math.log(points[at].value) - statistics.median(math.log(p.value) for p in near))


def jumps(points: list[Point]) -> list[tuple[Point, list[Point]]]:
    """The values more than :data:`RATIO` times (or less than 1/RATIO of) every figure beside them, with those
    figures. Of two figures that only have each other to compare with, the one listed later is blamed. A value
    whose ``checked`` says why it is right is not."""
    limit = math.log(RATIO)
    found: list[tuple[Point, list[Point]]] = []
    values = [point.value for point in points]
    if not values or max(values) <= RATIO * min(values):
        return found  # most series: no two values far enough apart
    for at, point in enumerate(points):
        near = beside(points, at)
        if not near or point.figure.checked is not None:
            continue
        steps = [math.log(point.value / p.value) for p in near]
        if not (all(step > limit for step in steps) or all(step < -limit for step in steps)):
            continue
        if len(near) == 1:
            other = points.index(near[0])
            if beside(points, other) == [point] and near[0].index > point.index:
                continue  # a pair on its own: the other one is listed later, and blamed
        found.append((point, near))
    return found


def typo(name: str, other: str, elements: set[str]) -> str | None:
    """How ``name`` differs from ``other`` when only by a typing mistake: ``case or spacing`` or ``a letter or
    two`` (changed, missing, doubled or swapped). None for names that differ otherwise: in their digits (a grade,
    99.5% and 99.9%), in the element they name (Terbium and Erbium), or by more than two letters."""
    if name == other or re.findall(r"\d+", name) != re.findall(r"\d+", other):
        return None
    squeezed, other_squeezed = ("".join(n.split()).casefold() for n in (name, other))
    if squeezed == other_squeezed:
        return "case or spacing"
    words, other_words = set(_words(name)), set(_words(other))
    if words ^ other_words and (words ^ other_words) <= elements:
        return None
    allowed = 1 if min(len(squeezed), len(other_squeezed)) < 10 else 2
    spaced, other_spaced = (" ".join(n.casefold().split()) for n in (name, other))
    return "a letter or two" if _edits(spaced, other_spaced, allowed) <= allowed else None


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", name.casefold())


def _edits(a: str, b: str, most: int) -> int:
    """The number of single-character edits (insertions, deletions, substitutions and swaps of neighbours) from
    ``a`` to ``b`` (optimal string alignment), or ``most + 1`` once it is known to be more than ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > most:
            return most + 1
        before, previous = previous, current
    return previous[-1]


def product_typos(figures: list[Figure], elements: set[str]) -> list[tuple[int, str, str, str, int]]:
    """Product names of one measure that differ from another name of that measure only by a typing mistake:
    (index of the name's first figure, the name, the likely meant name, how they differ, how many figures the
    meant name has). Of the two, the name with fewer figures is blamed (with as many, the one first listed later)."""
    named: dict[tuple[str, str], list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.product is not None:
            named.setdefault((figure.measure, figure.product), []).append(index)
    blamed: dict[tuple[str, str], tuple[str, str, int]] = {}
    names = list(named)
    for at, (measure, name) in enumerate(names):
        for other_measure, other in names[at + 1 :]:
            how = typo(name, other, elements) if measure == other_measure else None
            if how is None:
                continue
            mine, theirs = named[(measure, name)], named[(measure, other)]
            if (len(mine), -mine[0]) < (len(theirs), -theirs[0]):
                blamed.setdefault((measure, name), (other, how, len(theirs)))
            else:
                blamed.setdefault((measure, other), (name, how, len(mine)))
    return sorted((named[key][0], key[1], *found) for key, found in blamed.items())
