"""A record's dated values, each under the key that names it across versions of the record, and what changed
between two versions: the values added, changed (the same key, another value, unit or source) and removed.

The key of a figure is what it measures (:attr:`~ree_site.data.parts.Figure.key`: measure, year or period,
element, product, partner...) with its basis, whether it is an alternative and its edition; two figures left with
one key are told apart by their source, then by their order. A property's key is its name, an event's its date and
title (an event retitled on the same day is a change of that event), an issue's status is one value. Notes are not
values: a note changed alone is not a change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..data.models import Element, Issue, Producer, Record
from ..data.parts import Event, Figure
from ..data.text import figure_value, number, partial_date
from ..data.vocabulary import GROUP_LABELS, MEASURE_LABELS, PARTNER_WORDS, PROPERTY_LABELS

Key = tuple[object, ...]


@dataclass(frozen=True)
class Value:
    """One value as the history shows it, in the site's style."""

    key: Key
    #: What the value is: "Mine production, 2024"; "Price: Dysprosium oxide, free on board China, 2024".
    label: str
    #: The value with its unit: "380,000 t REO", "62 %", "about 3 $/kg".
    shown: str
    #: The id of its source record.
    source: str | None
    #: What makes two versions of it differ (the value, its bounds and qualifier, the unit, the source).
    compared: tuple[object, ...]
    #: Values that may be one value under a key since renamed (figures of one measure, year, element... whose
    #: edition was added; events of one day): one removed and one added with one ``pair`` are a change, or
    #: nothing when they compare equal. Those with one ``prefer`` (both alternatives, or both not) first.
    pair: object = None
    prefer: object = None
    #: The same value under another name (a product's spelling corrected, a fiscal year named): one removed and
    #: one added with one ``renamed`` and equal in all that is compared are no change.
    renamed: object = None


@dataclass(frozen=True)
class ValueChange:
    status: Literal["added", "changed", "removed"]
    old: Value | None
    new: Value | None

    @property
    def value(self) -> Value:
        """The value as it is now, or as it was for one removed."""
        return self.new or self.old  # type: ignore[return-value]


def with_unit(shown: str, unit: str) -> str:
    """``62`` and ``%`` -> ``62 %``; "n/a" stays alone."""
    return shown if not unit or shown == "n/a" else f"{shown} {unit}"


def figure_label(figure: Figure) -> str:
    about = [e.capitalize() for e in ([figure.element] if figure.element else figure.elements)]
    parts = [MEASURE_LABELS[figure.measure], *about]
    parts += [p for p in (figure.product, figure.basis) if p]
    if figure.partner:
        parts.append(f"{PARTNER_WORDS[figure.measure]} {figure.partner}")
    label = ", ".join(parts) + f", {figure.period}"
    extra = [e for e in (figure.edition, "alternative value" if figure.alternative else None) if e]
    return label + (f" ({', '.join(extra)})" if extra else "")


def _figure(figure: Figure) -> Value:
    measured = ("figure", *figure.key, figure.basis)
    compared = (figure.value, figure.high, figure.qualifier, figure.unit, figure.estimated, figure.source,
                figure.alternative)  # fmt: skip
    shown = with_unit(figure_value(figure), figure.unit) + (" (estimated)" if figure.estimated else "")
    key = (*measured, figure.alternative, figure.edition)
    renamed = ("figure", figure.measure, figure.year, figure.month, figure.element, tuple(figure.elements),
               figure.partner, compared)  # fmt: skip
    return Value(key, figure_label(figure), shown, figure.source, compared, measured, figure.alternative, renamed)


def _event(event: Event) -> Value:
    label = f"Event of {partial_date(event.date)}"
    compared = (event.title, event.source)
    return Value(("event", event.date, event.title), label, event.title, event.source, compared, pair=event.date)


def _element_values(record: Element) -> list[Value]:
    found = []
    weight = record.atomic_weight
    found.append(Value(("property", "atomic_weight"), "Standard atomic weight", weight.value or "n/a",
                       weight.source, (weight.value, weight.source)))  # fmt: skip
    group = record.group
    found.append(Value(("property", "group"), "Group", GROUP_LABELS[group.value], group.source,
                       (group.value, group.source)))  # fmt: skip
    found_by = f"{record.discovery.year}, by {', '.join(record.discovery.by)}"
    found.append(Value(("property", "discovery"), "Discovery", found_by, record.discovery.source,
                       (record.discovery.year, tuple(record.discovery.by), record.discovery.source)))  # fmt: skip
    if record.properties is not None:
        for name, (label, unit) in PROPERTY_LABELS.items():
            part = getattr(record.properties, name)
            value = part.value if isinstance(part.value, str) else with_unit(number(part.value), unit)
            found.append(Value(("property", name), label, value, part.source, (part.value, part.source)))
    return found


def record_values(record: Record | None) -> list[Value]:
    """Every dated value of ``record`` (none for None and for a source), each with a key of its own."""
    found: list[Value] = []
    if isinstance(record, Element):
        found += _element_values(record)
    if isinstance(record, Element | Producer):
        found += [_figure(f) for f in record.figures]
    if isinstance(record, Issue):
        status = record.status.capitalize()
        found.append(Value(("status",), "Status", status, None, (record.status,)))
        found += [_event(e) for e in record.events]
    return _distinct(found)


def _distinct(values: list[Value]) -> list[Value]:
    """Values whose keys are unique: a key two values share takes their source, then their order among them."""
    counts = Counter(v.key for v in values)
    with_source = [v if counts[v.key] == 1 else _rekeyed(v, (*v.key, v.source)) for v in values]
    counts = Counter(v.key for v in with_source)
    seen: Counter[Key] = Counter()
    found = []
    for value in with_source:
        seen[value.key] += 1
        found.append(value if counts[value.key] == 1 else _rekeyed(value, (*value.key, seen[value.key])))
    return found


def _rekeyed(value: Value, key: Key) -> Value:
    return Value(key, value.label, value.shown, value.source, value.compared, value.pair, value.prefer, value.renamed)


def compare(before: Record | None, after: Record | None) -> list[ValueChange]:
    """The values added, changed and removed from ``before`` to ``after``, in the order of ``after`` (removed
    values last, in their old order)."""
    old = {v.key: v for v in record_values(before)}
    new = {v.key: v for v in record_values(after)}
    changes: list[ValueChange] = []
    for key, value in new.items():
        was = old.get(key)
        if was is None:
            changes.append(ValueChange("added", None, value))
        elif was.compared != value.compared:
            changes.append(ValueChange("changed", was, value))
    changes += [ValueChange("removed", value, None) for key, value in old.items() if key not in new]
    changes = _paired(changes, lambda v: None if v.pair is None else (v.pair, v.prefer))
    changes = _paired(changes, lambda v: v.pair)
    return _paired(changes, lambda v: v.renamed)


def _paired(changes: list[ValueChange], pair_of: Callable[[Value], object]) -> list[ValueChange]:
    """A value removed and one added with one pair between them, alone of their pair: one value changed, or none
    if they compare equal (an edition named, a key made more precise)."""
    added = Counter(pair_of(c.value) for c in changes if c.status == "added")
    removed = Counter(pair_of(c.value) for c in changes if c.status == "removed")
    pairs = {pair for pair in added if pair is not None and added[pair] == 1 and removed[pair] == 1}
    if not pairs:
        return changes
    gone = {pair_of(c.value): c.old for c in changes if c.status == "removed" and pair_of(c.value) in pairs}
    found = []
    for change in changes:
        pair = pair_of(change.value)
        if pair not in pairs:
            found.append(change)
        elif change.status == "added":
            old = gone[pair]
            assert old is not None
            assert change.new is not None
            if old.compared != change.new.compared:
                found.append(ValueChange("changed", old, change.new))
    return found


__all__ = ["Value", "ValueChange", "compare", "figure_label", "record_values", "with_unit"]
