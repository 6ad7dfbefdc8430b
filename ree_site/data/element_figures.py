"""The figures an element record holds itself: its prices, and how critical it is (the EU's supply risk, economic
importance and end-of-life recycling input rate, UNEP's end-of-life recycling rate). A criticality value that the
source gives for a group of materials (the EU's heavy rare earths) names the group in ``for_group``; the catalog
checks that every element carrying it gives the same value (:mod:`ree_site.link.groups`)."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator

from .fields import FieldError, Name
from .parts import Figure, _a, listed
from .schema_rules import element_figure_schema
from .vocabulary import CRITICALITY_MEASURES, ELEMENT_RECORD_MEASURES


class ElementFigure(Figure):
    """A figure in an element's own record: the element is implied; its prices and criticality belong there."""

    model_config = ConfigDict(json_schema_extra=element_figure_schema)

    for_group: Name | None = Field(
        None,
        description="Where the source gives the value for a group of materials that includes this element rather "
        "than for the element itself: the group's name as the source gives it (Heavy rare earth elements (HREEs)). "
        "Every element of the group carries the figure with the same value; the page names the group and its "
        "members. Criticality figures only.",
    )

    @model_validator(mode="after")
    def _about_this_element(self) -> ElementFigure:
        if self.measure not in ELEMENT_RECORD_MEASURES:
            raise FieldError(
                ("measure",),
                f"an element record holds only {listed(ELEMENT_RECORD_MEASURES)} figures; put {_a(self.measure)} "
                "figure in the producer record it belongs to, with element: set to this element's id",
            )
        if self.element is not None or self.elements:
            raise FieldError(
                ("element",) if self.element is not None else ("elements",),
                "the element is implied in an element's own figures; leave out element and elements (a value given "
                "for a group of elements names the group in for_group)",
            )
        if self.for_group is not None and self.measure not in CRITICALITY_MEASURES:
            raise FieldError(
                ("for_group",),
                f"for_group applies only to {listed(CRITICALITY_MEASURES)} figures, not {self.measure}",
            )
        return self

    @property
    def key(self) -> tuple[object, ...]:
        """What the figure measures: a group's value and the element's own are two quantities."""
        return (*super().key, self.for_group)
