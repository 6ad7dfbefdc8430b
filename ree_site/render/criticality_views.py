"""What an element page shows of its criticality and recycling: the EU's supply risk, economic importance and
end-of-life recycling input rate, and UNEP's end-of-life recycling rate, each assessment with its year and source,
a group's value named as the group's, and the values the sources do not give with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..data.vocabulary import CRITICALITY_MEASURES, MEASURE_LABELS
from ..link import groups

if TYPE_CHECKING:
    from ..data.element_figures import ElementFigure
    from ..data.loading import Entry
    from ..data.models import Element, Record
    from ..link.catalog import Catalog


@dataclass(frozen=True)
class Rating:
    """One value of one indicator: the figure, and for a group's value the elements of the group."""

    figure: ElementFigure
    members: list[str]

    @property
    def missing(self) -> bool:
        """Whether the source gives no value (the figure's note says why)."""
        return self.figure.value is None


@dataclass(frozen=True)
class Indicator:
    """An indicator of criticality or recycling (``measure``) with its values for one element, latest first."""

    measure: str
    label: str
    ratings: list[Rating]


class CriticalityViews:
    """The criticality and recycling figures of element pages."""

    catalog: Catalog

    def criticality(self, entry: Entry[Record]) -> list[Indicator]:
        """Each indicator of criticality and recycling, in a fixed order, with the element's values of it, latest
        first (for one year, the element's own value before a group's); an indicator without a figure has none."""
        record = cast("Element", entry.record)
        found = []
        for measure in CRITICALITY_MEASURES:
            figures = [f for f in record.figures if f.measure == measure]
            figures.sort(key=lambda f: (-f.year, f.for_group is not None))
            ratings = [Rating(f, self._members(f)) for f in figures]
            found.append(Indicator(measure, MEASURE_LABELS[measure], ratings))
        return found

    def _members(self, figure: ElementFigure) -> list[str]:
        """The names of the elements that share the group value ``figure`` (none for the element's own)."""
        if figure.for_group is None:
            return []
        return [cast("Element", e.record).name for e in groups.members(self.catalog, figure)]
