"""The parts records are made of: the strict base of every model, values cited to a source, figures (one value
of one measure) and an element's properties, discovery, applications; with the checks across their fields."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .fields import Date, ElementId, FieldError, Name, PartialDate, SourceId, Text, Year
from .plausible import implausible
from .schema_rules import figure_schema, note_when_null
from .vocabulary import (
    CAPACITY_FIELDS,
    ELEMENT_MEASURES,
    MEASURE_UNITS,
    PARTNER_MEASURES,
    TONNAGE_UNITS,
    TRADE_MEASURES,
    WORLD_PARTNER,
    Measure,
    PlantStatus,
    Stage,
    Unit,
)

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, and values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Cited(Strict):
    source: SourceId = Field(description="Id of the source record (a file in data/sources/).")
    editor_note: Text | None = Field(
        None,
        description="For editors only, never printed on a page: where the value was read, what was not opened, "
        "what to check next. Kept in the data and in the JSON downloads (as provenance).",
    )


def _a(word: str) -> str:
    """``an import-share``, ``a price``."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def listed(words: tuple[str, ...] | list[str]) -> str:
    """``a, b and c``."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _needs_a_note(model: M, message: str) -> M:
    """A value left null must say why in its note (the rule note_when_null gives editors' tooling)."""
    if getattr(model, "value", None) is None and getattr(model, "note", None) is None:
        raise FieldError(("value",), message)
    return model


class AtomicWeight(Cited):
    model_config = ConfigDict(json_schema_extra=note_when_null)

    value: (
        Annotated[
            str, StringConstraints(pattern=r"^(\d+(\.\d+( \d+)*)?(\(\d+\))?|\[\d+(\.\d+)?, ?\d+(\.\d+)?\]|\[\d+\])$")
        ]
        | None
    ) = Field(
        description="As published by CIAAW, e.g. 144.242(3) or [6.938, 6.997]; null (with a note) where there is none."
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _note_when_missing(self) -> AtomicWeight:
        return _needs_a_note(self, "an element without a standard atomic weight needs a note saying why")


class Group(Cited):
    value: Literal["light", "heavy", "none"]
    note: Text | None = None


class Discovery(Cited):
    year: Year
    by: list[Name] = Field(min_length=1)
    note: Text | None = None


class Application(Cited):
    use: Text


class Figure(Cited):
    model_config = ConfigDict(json_schema_extra=figure_schema)

    measure: Measure
    year: Year
    value: float | None = Field(
        ge=0,
        description="The figure; null where the source gives none (NA, W), with a note saying why. For a range "
        "(890-1,000 $/kg), the lower bound, with the upper bound in high.",
    )
    high: float | None = Field(
        None, ge=0, description="The upper bound where the source prints a range (890-1,000 is value 890, high 1000)."
    )
    unit: Unit
    element: ElementId | None = Field(
        None, description="Id of the element the figure is about (an ore grade, an element's import reliance)."
    )
    elements: list[ElementId] = Field(
        default_factory=list,
        json_schema_extra={"uniqueItems": True},
        description="Ids of the elements a group figure covers (US import reliance on the heavy rare earths: "
        "terbium, dysprosium, ...); use element for a figure about one element.",
    )
    from_year: Year | None = Field(
        None,
        description="The first year of a figure for a period (import sources for 2021-24: from_year 2021, year 2024).",
    )
    product: Name | None = Field(
        None, description='The product measured, as the source names it: "Dysprosium oxide, 99.5% minimum".'
    )
    partner: Name | None = Field(
        None,
        description="The partner country of a trade figure: the source country of an import share or of imports, "
        f"the importing country of a production proxy or of exports; {WORLD_PARTNER!r} for the total to or from "
        "every country.",
    )
    month: int | None = Field(
        None,
        ge=1,
        le=12,
        description="The month of exports or imports reported month by month (1 for January to 12 for December); "
        "leave out for a whole year.",
    )
    basis: Text | None = Field(None, description="The basis of a price, as the source states it: free on board China.")
    edition: Name | None = Field(
        None, description="The edition of a serial source the value comes from (MCS 2025), where editions differ."
    )
    qualifier: Literal["more-than", "less-than", "about"] | None = Field(
        None, description="When the source gives a bound or an approximation: >75,000,000 is value 75000000, more-than."
    )
    fiscal_year_end: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")] | None = (
        Field(
            None,
            description="For a company's fiscal-year figure: the month and day its fiscal year ends (06-30 for a year "
            "to 30 June); year is then the calendar year the fiscal year ends in. Leave out for a calendar year.",
        )
    )
    stage: Stage | None = Field(
        None,
        description="Capacity only: the stage of the chain the capacity serves (mining, separation, metal, magnets); "
        "leave out for a step between stages, such as cracking and leaching to a mixed concentrate.",
    )
    status: PlantStatus | None = Field(
        None,
        description="Capacity only, and required there: operating, commissioning (starting up), construction or "
        "planned; or shelved, a plan its owner has said is unlikely to go ahead (listed, counted in no total). A "
        "capacity is the plant's total for its product and stage once that status is reached.",
    )
    start_year: Year | None = Field(
        None,
        description="Capacity only: the year the capacity started, or is expected to start, producing.",
    )
    status_as_of: Date | None = Field(
        None,
        description="Capacity only: the day a source last confirmed the status; defaults to the record's review date.",
    )
    estimated: bool = False
    computed: bool = Field(
        False,
        description="The value is the site's arithmetic from figures the source prints (a printed share of a printed "
        "total), not a value the source prints itself; the note shows the sum.",
    )
    alternative: bool = Field(
        False,
        description="A value from another source kept for the record, where sources disagree: shown in the figures "
        "table, never in charts, shares or embedded figures. The note says why the other value is preferred.",
    )
    note: Text | None = None
    checked: Text | None = Field(
        None,
        description="For editors, never printed on a page: why a value outside the plausible range of its unit, or "
        "more than 20 times (or less than 1/20 of) the figures beside it in its series, is right (a plant's first "
        "year, a price spike). Without it `ree-site check` refuses such a value as a likely typing mistake.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        if self.value is None and self.note is None:
            raise FieldError(("value",), "a figure without a value needs a note saying why the source gives none")
        if self.computed and self.note is None:
            raise FieldError(("computed",), "a computed figure needs a note showing the arithmetic")
        if self.alternative and self.note is None:
            raise FieldError(
                ("alternative",), "an alternative figure needs a note saying which value the site prefers and why"
            )
        allowed = MEASURE_UNITS.get(self.measure, TONNAGE_UNITS)
        if self.unit not in allowed:
            raise FieldError(
                ("unit",), f"{_a(self.measure)} figure must be in {' or '.join(allowed)} (got {self.unit!r})"
            )
        if self.unit == "%" and self.value is not None and max(self.value, self.high or 0) > 100:
            where = "high" if (self.high or 0) > self.value else "value"
            raise FieldError((where,), f"a share cannot exceed 100 % (got {max(self.value, self.high or 0):g})")
        if self.high is not None:
            if self.value is None:
                raise FieldError(("high",), "a range needs its lower bound in value as well as its upper bound in high")
            if self.high <= self.value:
                raise FieldError(
                    ("high",), f"high ({self.high:g}) must be greater than value ({self.value:g}) in a range"
                )
            if self.qualifier is not None:
                raise FieldError(("qualifier",), "a range cannot also carry a qualifier")
        return self

    @model_validator(mode="after")
    def _fields_apply(self) -> Figure:
        if self.partner is not None and self.measure not in PARTNER_MEASURES:
            raise FieldError(
                ("partner",), f"partner applies only to {listed(PARTNER_MEASURES)} figures, not {self.measure}"
            )
        if self.partner is None and self.measure in PARTNER_MEASURES:
            world = f" ({WORLD_PARTNER} for every country)" if self.measure in TRADE_MEASURES else ""
            raise FieldError(("measure",), f"{_a(self.measure)} figure needs the partner country in partner{world}")
        if self.product is None and self.measure in TRADE_MEASURES:
            raise FieldError(
                ("measure",),
                f"{_a(self.measure)} figure needs the goods in product, as the source names them, with the HS code "
                "where it gives one",
            )
        if self.month is not None and self.measure not in TRADE_MEASURES:
            raise FieldError(("month",), f"month applies only to {listed(TRADE_MEASURES)} figures, not {self.measure}")
        if self.month is not None and self.from_year is not None:
            raise FieldError(("month",), "a figure for one month cannot also cover several years (from_year)")
        if self.element is None and self.measure in ELEMENT_MEASURES:
            raise FieldError(("measure",), f"{_a(self.measure)} figure needs the element it is about in element")
        if self.element is not None and self.elements:
            raise FieldError(("elements",), "give element for one element or elements for a group, not both")
        if len(set(self.elements)) != len(self.elements):
            raise FieldError(("elements",), "elements lists an element twice")
        if self.from_year is not None and self.from_year >= self.year:
            raise FieldError(("from_year",), f"from_year ({self.from_year}) must be before year ({self.year})")
        if self.basis is not None and self.measure != "price":
            raise FieldError(("basis",), f"basis applies only to price figures, not {self.measure}")
        return self._capacity_fields()

    def _capacity_fields(self) -> Figure:
        """The stage, status and start of a plant belong to capacity figures alone. (That a capacity names its
        status is checked across the catalog, :mod:`ree_site.link.plants`, so that the history keeps the versions
        written before the rule; that a running plant started by its status date, by the producer, which knows the
        review date the status defaults to.)"""
        if self.measure != "capacity":
            for name in CAPACITY_FIELDS:
                if getattr(self, name) is not None:
                    raise FieldError((name,), f"{name} applies only to capacity figures, not {self.measure}")
        return self

    @model_validator(mode="after")
    def _plausible(self) -> Figure:
        if self.checked is None:
            for name in ("value", "high"):
                found = getattr(self, name)
                problem = None if found is None else implausible(self.measure, self.unit, found)
                if problem is not None:
                    raise FieldError((name,), f"{problem}; if the value is right, say why in checked")
        return self

    @property
    def key(self) -> tuple[object, ...]:
        """What the figure measures: two figures with one key are two values of the same thing."""
        return (
            self.measure,
            self.year,
            self.month,
            self.from_year,
            self.fiscal_year_end,
            self.element,
            tuple(self.elements),
            self.product,
            self.partner,
        )

    @property
    def period(self) -> str:
        """The year, or the period for a multi-year figure: ``2021–24``; a fiscal year: ``FY2025 (to 30 June)``; a
        month: ``April 2025``."""
        if self.month is not None:
            return f"{dt.date(2000, self.month, 1):%B} {self.year}"
        if self.fiscal_year_end is not None:
            month, day = (int(part) for part in self.fiscal_year_end.split("-"))
            return f"FY{self.year} (to {day} {dt.date(2000, month, 1):%B})"
        if self.from_year is None:
            return str(self.year)
        end = str(self.year)[2:] if str(self.year)[:2] == str(self.from_year)[:2] else str(self.year)
        return f"{self.from_year}–{end}"


def split_shown(figures: list[Figure]) -> list[tuple[Figure, list[Figure]]]:
    """``figures`` grouped by what they measure: in each group the figure shown (the first listed with a value
    that is not an alternative) and the other values recorded for it. Groups with nothing to show are left out."""
    groups: dict[tuple[object, ...], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.key, []).append(figure)
    found = []
    for members in groups.values():
        shown = next((f for f in members if not f.alternative and f.value is not None), None)
        if shown is not None:
            found.append((shown, [f for f in members if f is not shown]))
    return found


class Location(Cited):
    """Where a site lies, in decimal degrees (WGS 84), as the cited source gives it."""

    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees, north positive (-90 to 90).")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees, east positive (-180 to 180).")
    note: Text | None = None


class Measured(Cited):
    model_config = ConfigDict(json_schema_extra=note_when_null)

    value: float | None = Field(description="The value in the unit the field names; null (with a note) if none.")
    note: Text | None = None

    @model_validator(mode="after")
    def _note_when_missing(self) -> Measured:
        return _needs_a_note(self, "a property without a value needs a note saying why")


class Configuration(Cited):
    value: Annotated[str, StringConstraints(pattern=r"^\[(He|Ne|Ar|Kr|Xe)\]( [1-7][spdf]([1-9]|1[0-4])?)+$")] = Field(
        description="Ground-state electron configuration, noble-gas core first: [Xe] 4f10 6s2 (a count of 1 may be "
        "left out: [Xe] 5d 6s2)."
    )
    note: Text | None = None


class Properties(Strict):
    electron_configuration: Configuration
    density: Measured = Field(description="Density of the solid near room temperature, in g/cm³.")
    melting_point: Measured = Field(description="Melting point at standard pressure, in °C.")
    crustal_abundance: Measured = Field(description="Abundance in the Earth's crust, in mg/kg (parts per million).")


#: The first word of the title of an event that has not happened yet: "Scheduled start of the restriction".
AHEAD = ("scheduled", "planned", "expected")


class Event(Cited):
    date: PartialDate
    title: Name
    text: Text | None = None

    @property
    def ahead(self) -> bool:
        """Whether the title says the event is still to come (it may then be dated after the review)."""
        first = re.match(r"\w+", self.title)
        return first is not None and first.group().casefold() in AHEAD
