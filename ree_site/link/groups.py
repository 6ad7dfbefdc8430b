"""Values a source gives for a group of elements, carried by each element of the group (the EU's supply risk of the
heavy rare earths, in every heavy rare earth's record, with ``for_group``): the members of each group, and the
problems of a group whose members disagree or that has one member only."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ..data.text import number
from ..data.vocabulary import MEASURE_LABELS
from ..errors import Problem

if TYPE_CHECKING:
    from ..data.element_figures import ElementFigure
    from ..data.loading import Entry
    from ..data.models import Element, Record
    from .catalog import Catalog

#: One group figure: the group's name, the measure, the year, the source, the edition.
GroupKey = tuple[str, str, int, str, str | None]
#: A member's copy of it: the element, the figure's index in the element's figures, the figure.
Member = tuple["Entry[Record]", int, "ElementFigure"]


def group_key(figure: ElementFigure) -> GroupKey | None:
    """What makes two elements' figures one group figure (None for a figure of the element itself)."""
    if figure.for_group is None:
        return None
    return figure.for_group, figure.measure, figure.year, figure.source, figure.edition


def groups(elements: list[Entry[Record]]) -> dict[GroupKey, list[Member]]:
    """Every group figure of ``elements``, with the elements that carry it, in the order of ``elements``."""
    found: dict[GroupKey, list[Member]] = {}
    for entry in elements:
        for index, figure in enumerate(cast("Element", entry.record).figures):
            key = group_key(figure)
            if key is not None:
                found.setdefault(key, []).append((entry, index, figure))
    return found


def members(catalog: Catalog, figure: ElementFigure) -> list[Entry[Record]]:
    """The elements that carry the group figure ``figure``, in order of atomic number."""
    every = catalog.memo("element-groups", lambda: groups(list(catalog.elements)))
    key = group_key(figure)
    return [entry for entry, _, _ in every.get(key, [])] if key is not None else []


def group_problems(catalog: Catalog) -> list[Problem]:
    """A group figure is the group's: each of its elements gives the same value, and a group has two elements or
    more (a value for one element is the element's own: no ``for_group``)."""
    elements = sorted((e for e in catalog.entries.values() if e.kind == "element"), key=lambda e: e.document.path)
    problems = []
    for (name, measure, year, _source, _edition), found in groups(elements).items():
        label = f"{MEASURE_LABELS[measure].lower()} of {name} for {year}"
        if len(found) == 1:
            entry, index, _ = found[0]
            message = (
                f"no other element gives the {label}: a group's value is given in the record of each of its "
                "elements with the same for_group; for a value of this element alone, leave out for_group"
            )
            problems.append(
                entry.document.problem(("figures", index, "for_group"), f"figures[{index}].for_group", message)
            )
            continue
        first_entry, _, first = found[0]
        for entry, index, figure in found[1:]:
            if (figure.value, figure.high, figure.qualifier) != (first.value, first.high, first.qualifier):
                message = (
                    f"the {label} is {_shown(figure)} here but {_shown(first)} for {first_entry.id}; every element "
                    "of a group gives the group's value"
                )
                problems.append(entry.document.problem(("figures", index, "value"), f"figures[{index}].value", message))
    return problems


def _shown(figure: ElementFigure) -> str:
    return "none" if figure.value is None else number(figure.value)
