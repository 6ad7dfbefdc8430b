"""The plausibility rules: values that pass every rule of their own field but cannot all be right, found across a
record's figures and across records once every reference is resolved (:meth:`Catalog.build` runs :func:`check`).

- a country's mine production above the world total of its year, or the countries' together more than 105 % of it
  (USGS rounding reaches 100.8 %), or a concentration index above 10,000: reported at the figure furthest from
  its own series;
- a second record of world totals;
- a value more than 20 times, or less than 1/20 of, the figures beside it in its series (:mod:`.series`), unless
  its ``checked`` says why;
- two values of one quantity that nothing tells apart (alternative, edition, the kind of their source);
- product names that differ from another of the record only by a typing mistake;
- a review date older than a source the record cites, and a figure for a year after its source was published
  (unless it is a forecast, ``estimated: true``, or a measure stated ahead, such as a plant's capacity).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from ..data.models import Element, Producer, Record, Source
from ..data.plausible import ANNOUNCED_MEASURES
from ..data.text import number, percent
from ..data.vocabulary import MEASURE_LABELS
from ..errors import Problem, format_field
from . import stats
from .series import RATIO, Point, beside, distance, jumps, product_typos, series

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.parts import Figure
    from ..data.tracking import Key
    from .catalog import Catalog

#: How far above the world total the countries' mine production may add up to: the rounding of USGS's tables.
ROUNDING = 1.05
#: How far a figure without other years to compare with counts as lying from its series: as if twice or half.
UNKNOWN = math.log(2)
#: Measures a record may give several values of in one year: the capacity of each of its plants and lines.
SEVERAL_A_YEAR = ("capacity",)
#: A record's figure in its series: the record, the series, the figure's place in it.
Part = tuple["Entry[Record]", list[Point], int]


def check(catalog: Catalog) -> list[Problem]:
    """Every plausibility problem of the catalog's records; where two rules point at one field, the first."""
    entries = sorted(catalog.entries.values(), key=lambda e: e.document.path)
    sources = {e.id: cast("Source", e.record) for e in entries if e.kind == "source"}
    elements = {word.casefold() for e in entries if isinstance(e.record, Element)
                for word in (e.id, e.record.name, e.record.symbol)}  # fmt: skip
    # In the order the site picks its world record (ree_site.link.stats.world): by name.
    worlds = [e for e in entries if isinstance(e.record, Producer) and e.record.aggregate == "world"]
    worlds.sort(key=lambda e: _name(e).casefold())
    found = [*_second_worlds(worlds), *(_world_totals(worlds[0], entries) if worlds else [])]
    found += _reviewed_after_sources(catalog, sources)
    for entry in entries:
        if isinstance(entry.record, Element | Producer):
            found += [*_jumps(entry), *_repeated(entry, sources), *_products(entry, elements)]
            found += _figures_after_sources(entry, sources)
    places: dict[tuple[str, int, int, str], Problem] = {}
    for problem in found:
        places.setdefault((problem.path, problem.line, problem.column, problem.field), problem)
    return list(places.values())


def _point(part: Part) -> Point:
    return part[1][part[2]]


def _figures(entry: Entry[Record]) -> list[Figure]:
    return list(cast("Producer", entry.record).figures)


def _at(entry: Entry[Record], loc: tuple[str | int, ...], message: str) -> Problem:
    return entry.document.problem(loc, format_field(loc), message)


def _name(entry: Entry[Record]) -> str:
    return cast("Producer", entry.record).name


def _amount(value: float | None, unit: str) -> str:
    return f"{number(value)} {unit}"


def _second_worlds(worlds: list[Entry[Record]]) -> list[Problem]:
    first = worlds[0].document.path if worlds else ""
    message = (
        f"a second record of world totals: {first} is already marked aggregate: world, and the site has one world; "
        "merge the two records, or leave out aggregate here"
    )
    return [_at(entry, ("aggregate",), message) for entry in worlds[1:]]


def _plain(entry: Entry[Record], unit: str) -> list[Point]:
    """A producer's mine production in ``unit``, of no element or product: what shares of the world are made of."""
    return series(_figures(entry)).get(("mine-production", None, (), None, None, unit, None, None), [])


def _world_totals(world: Entry[Record], entries: list[Entry[Record]]) -> Iterator[Problem]:
    """No country above the world total, the countries together at most :data:`ROUNDING` times it, and the
    concentration index at most 10,000, in every year of the world's mine production. Each country's figure is
    weighed against the world total on its own basis (:func:`ree_site.link.stats.world_total_for`: the same source
    or edition, an alternative total where the shown one is of another series), else against the shown total."""
    plain = [
        key for key in series(_figures(world)) if key[0] == "mine-production" and key[1:5] == (None, (), None, None)
    ]
    if not plain:
        return
    unit = str(plain[0][5])
    world_points = _plain(world, unit)
    totals = [f for f in _figures(world) if f.measure == "mine-production" and f.unit == unit and (f.value or 0) > 0]
    shown = {point.figure.year: point.figure for point in world_points}
    countries = [e for e in entries if isinstance(e.record, Producer) and e.record.kind == "country"
                 and e.record.aggregate in (None, "others")]  # fmt: skip
    by_total: dict[int, list[Part]] = defaultdict(list)
    for entry in countries:
        points = _plain(entry, unit)
        for at, point in enumerate(points):
            total = stats.world_total_for(totals, point.figure) or shown.get(point.figure.year)
            if total is not None:
                by_total[id(total)].append((entry, points, at))
    for total in sorted(totals, key=lambda f: (f.alternative, f.year)):
        if id(total) not in by_total:
            continue
        basis = world_points if not total.alternative else _basis_points(world, total)
        at = next(i for i, point in enumerate(basis) if point.figure is total)
        yield from _against_total(world, basis, at, by_total[id(total)], unit)


def _basis_points(world: Entry[Record], total: Figure) -> list[Point]:
    """The world totals on the basis of the alternative ``total`` (one a year, the first listed), as a series: what a
    value of that series is compared with when it is the likelier mistake."""
    years: dict[int, Point] = {}
    for index, figure in enumerate(_figures(world)):
        comparable = figure.measure == total.measure and figure.unit == total.unit and (figure.value or 0) > 0
        if comparable and (figure is total or (figure.alternative and stats.same_basis(total, figure))):
            years.setdefault(figure.year, Point(index, figure))
    return [years[year] for year in sorted(years)]


def _against_total(world: Entry[Record], world_points: list[Point], at: int, parts: list[Part], unit: str
                   ) -> Iterator[Problem]:  # fmt: skip
    """The problems of the countries' figures ``parts`` weighed against the world total at ``at``."""
    total = world_points[at].figure
    year, whole = total.year, world_points[at].value
    above = sorted((p for p in parts if _point(p).value > whole), key=lambda p: -_point(p).value)
    for entry, points, index in above:
        value = points[index].value
        others = f" (and so is that of {len(above) - 1} other countries)" if len(above) > 1 else ""
        mixed = (
            ""
            if stats.same_basis(points[index].figure, total)
            else "; the two come from different sources: if they are different series, give the world total of the "
            "country's source as an alternative"
        )
        said = (
            f"{_name(entry)}'s mine production in {year}, {_amount(value, unit)} ({entry.document.path}), is "
            f"more than the world total, {_amount(whole, unit)} ({world.document.path}){others}: a share of "
            f"{percent(100 * value / whole)}{mixed}"
        )
        yield _blame([(world, world_points, at), (entry, points, index)], said)
    if above:
        return
    summed = sum(_point(p).value for p in parts)
    if summed <= ROUNDING * whole:
        yield from _index_above_maximum(world, world_points, at, parts, unit)
        return
    parts.sort(key=lambda p: -_point(p).value)
    largest = ", ".join(f"{_name(e)} {_amount(p[i].value, unit)} ({e.document.path})" for e, p, i in parts[:3])
    said = (
        f"the countries' mine production in {year} adds up to {_amount(summed, unit)}, "
        f"{percent(100 * summed / whole)} of the world total of {_amount(whole, unit)} "
        f"({world.document.path}), more than rounding explains (at most {percent(100 * ROUNDING, 0)}); "
        f"the largest: {largest}{' and others' if len(parts) > 3 else ''}"
    )
    could = [p for p in parts if _point(p).value >= summed - whole]  # a mistake that explains the excess
    yield _blame([(world, world_points, at), *could], said)


def _index_above_maximum(
    world: Entry[Record], world_points: list[Point], at: int, parts: list[Part], unit: str
) -> Iterator[Problem]:
    whole = world_points[at].value
    shares = [100 * _point(p).value / whole for p in parts if cast("Producer", p[0].record).aggregate is None]
    index = sum(share**2 for share in shares)
    if index > 10_000:
        said = (
            f"the Herfindahl-Hirschman index of mine production in {world_points[at].figure.year} would be "
            f"{number(round(index))}, above its maximum of 10,000, with the world total at {_amount(whole, unit)} "
            f"({world.document.path}) and {percent(max(shares))} for one country"
        )
        yield _blame([(world, world_points, at)], said)


def _blame(candidates: list[Part], said: str) -> Problem:
    """The problem ``said``, at the value of the candidate furthest from its own series (the first one when none
    is further), with why it is the likelier mistake."""
    scores = [distance(points, at) for _, points, at in candidates]
    best = max(range(len(candidates)), key=lambda i: (UNKNOWN if scores[i] is None else scores[i], -i))
    entry, points, at = candidates[best]
    point = points[at]
    near = sorted(beside(points, at), key=_year)
    listed = ", ".join(f"{_amount(p.value, p.figure.unit)} in {p.figure.year}" for p in near)
    ratio = point.value / math.exp(sum(math.log(p.value) for p in near) / len(near)) if near else 1
    if not 1 / 2 <= ratio <= 2:
        hint = _hint(ratio, "", _written(entry, point))
        why = f"this figure is the likelier mistake, far from the other years of its series ({listed}): {hint}"
    else:
        why = f"check this figure first against its source{f' (other years: {listed})' if near else ''}"
    return _at(entry, ("figures", point.index, "value"), f"{said}; {why}")


def _written(entry: Entry[Record], point: Point) -> str:
    """A figure's value as the file writes it when that reads as thousands grouped with points (``390.000``)."""
    written = entry.document.written(("figures", point.index, "value")) or ""
    return written if re.fullmatch(r"\d{1,3}(\.\d{3})+", written) else ""


def _hint(ratio: float, unit: str, written: str = "") -> str:
    """What the mistake may be, for a value ``ratio`` times what its series leads one to expect."""
    if unit == "$/kg" and ratio > 1:
        return "perhaps a price per tonne (1,000 times the price per kilogram)"
    if unit == "%" and ratio < 1:
        return "perhaps a share written as a fraction (0.62 for 62 %)"
    if ratio < 1 / 200:
        example = f"{written} is read as {number(float(written))}" if written else "390.000 is read as 390"
        return f"perhaps a thousands separator written as a decimal point ({example})"
    if 1 / 5 < ratio < 5:
        return "check it against its source"
    return "perhaps a digit too many" if ratio > 1 else "perhaps a digit too few"


def _jumps(entry: Entry[Record]) -> Iterator[Problem]:
    for points in series(_figures(entry)).values():
        for point, near in jumps(points):
            figure, unit = point.figure, point.figure.unit
            ratio = point.value / math.exp(sum(math.log(p.value) for p in near) / len(near))
            times = f"{number(round(ratio))} times" if ratio > 1 else f"1/{number(round(1 / ratio))} of"
            listed = ", ".join(f"{_amount(p.value, unit)} for {p.figure.period}" for p in sorted(near, key=_year))
            what = "the figures beside it" if len(near) > 1 else "the one figure beside it, listed before it,"
            message = (
                f"{_amount(point.value, unit)} for {figure.period} is {times} {what} in its series ({listed}), "
                f"more than {RATIO} times apart: {_hint(ratio, unit, _written(entry, point))}; if the value is "
                "right, say why in checked"
            )
            yield _at(entry, ("figures", point.index, "value"), message)


def _year(point: Point) -> int:
    return point.figure.year


def _repeated(entry: Entry[Record], sources: dict[str, Source]) -> Iterator[Problem]:
    """Two values of one quantity, of one edition and one kind of source (where a source states no kind: of one
    source), with neither set aside as an alternative: the site would show the first and hide the second."""
    first: dict[tuple[object, ...], int] = {}
    figures = _figures(entry)
    for index, figure in enumerate(figures):
        if figure.alternative or figure.measure in SEVERAL_A_YEAR:
            continue
        kind = sources[figure.source].kind if figure.source in sources else None
        origin = f"the same kind of source ({kind})" if kind else f"the same source ({figure.source})"
        earlier = first.setdefault((figure.key, figure.edition, origin), index)
        if earlier == index:
            continue
        line = entry.document.position(("figures", earlier))[0]
        shown = figures[earlier]
        message = (
            f"a second value of {MEASURE_LABELS[figure.measure].lower()} for {figure.period}"
            f"{f' ({figure.product})' if figure.product else ''}, beside {_amount(shown.value, shown.unit)} at "
            f"figures[{earlier}] (line {line}): the same edition ({figure.edition or 'none given'}), {origin}, "
            "neither marked alternative, so the site shows only the first. Mark "
            "the one set aside alternative: true (with a note saying why), give each its edition, or write the two "
            "as one range (value and high)"
        )
        yield _at(entry, ("figures", index), message)


def _products(entry: Entry[Record], elements: set[str]) -> Iterator[Problem]:
    for index, name, meant, how, count in product_typos(_figures(entry), elements):
        measure = _figures(entry)[index].measure
        message = (
            f"{name!r} differs from {meant!r} (the product of {count} other figure{'s' if count != 1 else ''}) only "
            f"in {how}, which makes it a second {MEASURE_LABELS[measure].lower()} series; did you mean {meant!r}? "
            "If they are different products, name what differs (the grade, the form)"
        )
        yield _at(entry, ("figures", index, "product"), message)


def _reviewed_after_sources(catalog: Catalog, sources: dict[str, Source]) -> Iterator[Problem]:
    """No record's review date is older than the newest source it cites (found from the catalog's backlinks; the
    place of the citation is looked up only for a record that fails)."""
    newest: dict[Key, tuple[int, str]] = {}
    for source_id, citing in catalog.cited_by.items():
        year = sources[source_id].year or 0
        for key in citing:
            newest[key] = max(newest.get(key, (0, "")), (year, source_id))
    for key, (year, source) in sorted(newest.items()):
        entry = catalog.entries[key]
        reviewed = entry.record.reviewed
        if year <= reviewed.year:
            continue
        loc = next(loc for loc, kind, target in entry.record.references() if (kind, target) == ("source", source))
        yield _at(entry, ("reviewed",), (
            f"the record was last reviewed on {reviewed}, before {source!r}, which it cites at {format_field(loc)}, "
            f"was published in {year}: check the record against it and write the day of that review"
        ))  # fmt: skip


def _figures_after_sources(entry: Entry[Record], sources: dict[str, Source]) -> Iterator[Problem]:
    """A figure measured after its source was published can only be a forecast, marked ``estimated: true``."""
    for index, figure in enumerate(_figures(entry)):
        published = sources[figure.source].year if figure.source in sources else None
        if figure.estimated or figure.measure in ANNOUNCED_MEASURES or published is None:
            continue
        if figure.year > published:
            yield _at(entry, ("figures", index, "source"), (
                f"a figure for {figure.year} cited to {figure.source!r}, published in {published}: a source cannot "
                "report a year after it appeared; cite the one that reports it, or mark a forecast estimated: true"
            ))  # fmt: skip
