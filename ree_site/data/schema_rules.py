"""The rules between a record's fields as editors' tooling sees them: the additions to the generated JSON Schemas
(the models' ``json_schema_extra``), for the checks that field types alone cannot state."""

from __future__ import annotations

from typing import Any, get_args

from .plausible import PLAUSIBLE_PRICE, PLAUSIBLE_SCORE, PLAUSIBLE_STOCK, PLAUSIBLE_TONNAGE, STOCK_MEASURES
from .vocabulary import (
    CAPACITY_FIELDS,
    CRITICALITY_MEASURES,
    ELEMENT_MEASURES,
    ELEMENT_RECORD_MEASURES,
    MEASURE_UNITS,
    PARTNER_MEASURES,
    REE_ATOMIC_NUMBERS,
    SITE_KINDS,
    TONNAGE_UNITS,
    TRADE_MEASURES,
    Measure,
    ProducerKind,
)


def figure_schema(schema: dict[str, Any]) -> None:
    """The rules between a figure's fields, for editors' tooling: the same rules as
    :meth:`ree_site.data.parts.Figure._consistent` and :meth:`ree_site.data.parts.Figure._fields_apply`, except the
    comparisons between two fields' values that JSON Schema cannot make (high above value, from_year before year);
    README lists them."""
    measures = list(get_args(Measure))
    rules: list[dict[str, Any]] = []
    for units in sorted({*MEASURE_UNITS.values(), TONNAGE_UNITS}):
        having = sorted(m for m in measures if MEASURE_UNITS.get(m, TONNAGE_UNITS) == units)
        rules.append({"if": _measure_in(having), "then": {"properties": {"unit": {"enum": list(units)}}}})
    only: list[tuple[list[str], str]] = [(list(PARTNER_MEASURES), "partner"), (["price"], "basis")]
    only += [(["capacity"], name) for name in CAPACITY_FIELDS]
    for allowed, name in only:
        others = sorted(set(measures) - set(allowed))
        rules.append({"if": _measure_in(others), "then": {"properties": {name: {"type": "null"}}}})
    others = sorted(set(measures) - set(TRADE_MEASURES))
    rules.append({"if": _measure_in(others), "then": {"properties": {"month": {"type": "null"}}}})
    required: list[tuple[tuple[str, ...], str]] = [
        (PARTNER_MEASURES, "partner"),
        (ELEMENT_MEASURES, "element"),
        (TRADE_MEASURES, "product"),
        (("capacity",), "status"),
    ]
    for needing, name in required:
        rules.append({"if": _measure_in(list(needing)), "then": {"required": [name]}})
    rules += [
        {"if": _is("value", {"type": "null"}), "then": {"required": ["note"]}},
        {"if": _is("alternative", {"const": True}), "then": {"required": ["note"]}},
        {
            "if": _is("unit", {"const": "%"}),
            "then": {"properties": {"value": {"maximum": 100}, "high": {"maximum": 100}}},
        },
        {
            "if": _is("high", {"type": "number"}),
            "then": {"properties": {"value": {"type": "number"}, "qualifier": {"type": "null"}}},
        },
        {"if": _is("element", {"type": "string"}), "then": {"properties": {"elements": {"maxItems": 0}}}},
    ]
    # The plausible ranges, unless the figure says in checked why its value is right.
    unchecked = {"not": _is("checked", {"type": "string"})}
    tonnage = _is("unit", {"enum": list(TONNAGE_UNITS)})
    low, high = PLAUSIBLE_PRICE
    ranges: list[tuple[list[dict[str, Any]], dict[str, Any]]] = [
        ([_is("unit", {"const": "$/kg"})], {"minimum": low, "maximum": high}),
        ([_is("unit", {"const": "score"})], {"maximum": PLAUSIBLE_SCORE}),
        ([tonnage, {"not": _measure_in(list(STOCK_MEASURES))}], {"maximum": PLAUSIBLE_TONNAGE}),
        ([tonnage, _measure_in(list(STOCK_MEASURES))], {"maximum": PLAUSIBLE_STOCK}),
    ]
    for conditions, bounds in ranges:
        rules.append(
            {"if": {"allOf": [*conditions, unchecked]}, "then": {"properties": {"value": bounds, "high": bounds}}}
        )
    schema["allOf"] = rules


def element_figure_schema(schema: dict[str, Any]) -> None:
    """A figure in an element's own record: a price or a criticality figure, with the element implied; only a
    criticality figure may be a group's (for_group)."""
    figure_schema(schema)
    others = sorted(set(ELEMENT_RECORD_MEASURES) - set(CRITICALITY_MEASURES))
    schema["allOf"] += [
        {
            "properties": {
                "measure": {"enum": list(ELEMENT_RECORD_MEASURES)},
                "element": {"type": "null"},
                "elements": {"maxItems": 0},
            },
        },
        {"if": _measure_in(others), "then": {"properties": {"for_group": {"type": "null"}}}},
    ]


def producer_schema(schema: dict[str, Any]) -> None:
    """Only a site (a mine, refinery or magnet maker) has a location and a place."""
    others = [kind for kind in get_args(ProducerKind) if kind not in SITE_KINDS]
    nothing = {"type": "null"}
    schema["allOf"] = [
        {"if": _is("kind", {"enum": others}), "then": {"properties": {"location": nothing, "place": nothing}}}
    ]


def note_when_null(schema: dict[str, Any]) -> None:
    """A value left null needs a note saying why."""
    schema["allOf"] = [{"if": _is("value", {"type": "null"}), "then": {"required": ["note"]}}]


def _is(name: str, rule: dict[str, Any]) -> dict[str, Any]:
    return {"properties": {name: rule}, "required": [name]}


def _measure_in(measures: list[str]) -> dict[str, Any]:
    return _is("measure", {"enum": measures})


def element_schema(schema: dict[str, Any]) -> None:
    """One of the 17 symbols, with its atomic number."""
    schema["properties"]["symbol"]["enum"] = list(REE_ATOMIC_NUMBERS)
    schema["allOf"] = [
        {"if": _is("symbol", {"const": symbol}), "then": {"properties": {"atomic_number": {"const": number}}}}
        for symbol, number in REE_ATOMIC_NUMBERS.items()
    ]
