"""Typed models of the four record kinds; the JSON Schema of each is generated from them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
#: A citation inside free text: ``... as USGS reports [@usgs-mcs-2026-rare-earths].``
CITATION = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Year = Annotated[int, Field(ge=1000, le=2100)]


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value) < 12 or any(c.isspace() for c in value):
        raise ValueError("must be an http:// or https:// address without spaces")
    return value


def _partial_date(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _iso_date(value: object) -> object:
    # A quoted date ("2026-11-27") reaches us as text; accept it like an unquoted one.
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("must be a date written YYYY-MM-DD") from None
    return value


Url = Annotated[str, AfterValidator(_http_url)]
Date = Annotated[dt.date, BeforeValidator(_iso_date)]
#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; YAML dates are accepted as written.
PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"),
]

Stage = Literal["mining", "separation", "metal", "magnets"]
ProducerKind = Literal["country", "company", "mine", "refinery", "magnet-maker"]
Category = Literal[
    "concentration", "trade-policy", "environment", "ethics", "recycling", "substitution", "diversification"
]
Status = Literal["active", "suspended", "ended", "ongoing"]
Measure = Literal[
    "mine-production",
    "refined-production",
    "magnet-production",
    "reserves",
    "capacity",
    "share-mining",
    "share-separation",
    "share-metal",
    "share-magnets",
]
Unit = Literal["t REO", "t", "t/yr", "%"]

#: Labels for the vocabularies, as shown on the pages.
MEASURE_LABELS: dict[str, str] = {
    "mine-production": "Mine production",
    "refined-production": "Refined or separated output",
    "magnet-production": "Magnet production",
    "reserves": "Reserves",
    "capacity": "Capacity",
    "share-mining": "Share of world mining",
    "share-separation": "Share of world separation and refining",
    "share-metal": "Share of world metal production",
    "share-magnets": "Share of world magnet production",
}
KIND_LABELS: dict[str, str] = {
    "country": "Country",
    "company": "Company",
    "mine": "Mine",
    "refinery": "Refinery",
    "magnet-maker": "Magnet maker",
}
CATEGORY_LABELS: dict[str, str] = {
    "concentration": "Concentration of supply",
    "trade-policy": "Trade policy",
    "environment": "Environment",
    "ethics": "Ethics and labour",
    "recycling": "Recycling",
    "substitution": "Substitution",
    "diversification": "Diversification",
}
STAGE_LABELS: dict[str, str] = {
    "mining": "Mining",
    "separation": "Separation and refining",
    "metal": "Metal making",
    "magnets": "Magnet making",
}
GROUP_LABELS: dict[str, str] = {
    "light": "Light rare earth element",
    "heavy": "Heavy rare earth element",
    "none": "Not assigned to the light or heavy group",
}

#: The 17 rare earth elements: symbol -> atomic number.
REE_ATOMIC_NUMBERS: dict[str, int] = {
    "Sc": 21, "Y": 39, "La": 57, "Ce": 58, "Pr": 59, "Nd": 60, "Pm": 61, "Sm": 62, "Eu": 63,
    "Gd": 64, "Tb": 65, "Dy": 66, "Ho": 67, "Er": 68, "Tm": 69, "Yb": 70, "Lu": 71,
}  # fmt: skip

#: A reference from one record to another: (location in the file, kind, id).
Reference = tuple[tuple[str | int, ...], str, str]


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, and values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Cited(Strict):
    source: Slug = Field(description="Id of the source record (a file in data/sources/).")


class Record(Strict):
    """Fields every record has."""

    id: Slug | None = Field(None, description="Optional: the record's id, which must equal the file name without .yml.")
    sources: list[Slug] = Field(default_factory=list, description="Further sources for the record as a whole.")
    reviewed: Date = Field(description="When the record was last checked against its sources.")

    @model_validator(mode="after")
    def _years_not_after_review(self) -> Record:
        for name, year in self._dated_years():
            if year > self.reviewed.year:
                raise ValueError(f"{name} {year} is later than the review date {self.reviewed}")
        return self

    def _dated_years(self) -> Iterator[tuple[str, int]]:
        """Years that cannot lie after the review date (what has been published or measured)."""
        return iter(())

    def references(self) -> Iterator[Reference]:
        """Every reference this record makes to another record, citations inside text included."""
        for index, source in enumerate(self.sources):
            yield ("sources", index), "source", source
        # Walking every field is only worth it when some text holds a marker (pydantic's JSON is fast).
        if "[@" in self.model_dump_json():
            yield from _text_citations(self.model_dump(), ())


class AtomicWeight(Cited):
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
        if self.value is None and self.note is None:
            raise ValueError("an element without a standard atomic weight needs a note saying why")
        return self


class Group(Cited):
    value: Literal["light", "heavy", "none"]
    note: Text | None = None


class Discovery(Cited):
    year: Year
    by: list[Text] = Field(min_length=1)
    note: Text | None = None


class Application(Cited):
    use: Text


class Element(Record):
    name: Text
    symbol: Annotated[str, StringConstraints(pattern=r"^[A-Z][a-z]?$")]
    atomic_number: int = Field(ge=1, le=118)
    atomic_weight: AtomicWeight
    group: Group
    discovery: Discovery
    applications: list[Application] = Field(min_length=1)
    summary: Text
    producers: list[Slug] = Field(default_factory=list)
    issues: list[Slug] = Field(default_factory=list)

    @model_validator(mode="after")
    def _symbol_matches_number(self) -> Element:
        expected = REE_ATOMIC_NUMBERS.get(self.symbol)
        if expected is None:
            raise ValueError(f"symbol {self.symbol!r} is not one of the 17 rare earth elements")
        if expected != self.atomic_number:
            raise ValueError(f"atomic number {self.atomic_number} does not match symbol {self.symbol} ({expected})")
        return self

    def _dated_years(self) -> Iterator[tuple[str, int]]:
        yield "the discovery year", self.discovery.year

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        yield ("atomic_weight", "source"), "source", self.atomic_weight.source
        yield ("group", "source"), "source", self.group.source
        yield ("discovery", "source"), "source", self.discovery.source
        for index, app in enumerate(self.applications):
            yield ("applications", index, "source"), "source", app.source
        for index, producer in enumerate(self.producers):
            yield ("producers", index), "producer", producer
        for index, issue in enumerate(self.issues):
            yield ("issues", index), "issue", issue


class Figure(Cited):
    measure: Measure
    year: Year
    value: float | None = Field(
        ge=0, description="The figure; null where the source gives none (NA, W), with a note saying why."
    )
    unit: Unit
    qualifier: Literal["more-than", "less-than", "about"] | None = Field(
        None, description="When the source gives a bound or an approximation: >75,000,000 is value 75000000, more-than."
    )
    estimated: bool = False
    alternative: bool = Field(
        False,
        description="A value from another source kept for the record, where sources disagree: shown in the figures "
        "table, never in charts, shares or embedded figures. The note says why the other value is preferred.",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _share_is_a_percentage(self) -> Figure:
        if self.value is None and self.note is None:
            raise ValueError("a figure without a value needs a note saying why the source gives none")
        if self.alternative and self.note is None:
            raise ValueError("an alternative figure needs a note saying which value the site prefers and why")
        is_share = self.measure.startswith("share-")
        if is_share and self.unit != "%":
            raise ValueError(f"a {self.measure} figure must be in % (got {self.unit!r})")
        if self.unit == "%" and self.value is not None and self.value > 100:
            raise ValueError(f"a share cannot exceed 100 % (got {self.value:g})")
        return self


class Producer(Record):
    name: Text
    kind: ProducerKind
    country: Text
    aggregate: Literal["world", "others"] | None = Field(
        None, description="Set on the records that hold the world total and the sum of unlisted countries."
    )
    parent: Slug | None = None
    stages: list[Stage] = Field(default_factory=list)
    summary: Text
    figures: list[Figure] = Field(default_factory=list)
    elements: list[Slug] = Field(default_factory=list)
    issues: list[Slug] = Field(default_factory=list)

    def _dated_years(self) -> Iterator[tuple[str, int]]:
        for figure in self.figures:
            yield "a figure for", figure.year

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        if self.parent is not None:
            yield ("parent",), "producer", self.parent
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "source"), "source", figure.source
        for index, element in enumerate(self.elements):
            yield ("elements", index), "element", element
        for index, issue in enumerate(self.issues):
            yield ("issues", index), "issue", issue


class Event(Cited):
    date: PartialDate
    title: Text
    text: Text | None = None


class Issue(Record):
    title: Text
    category: Category
    status: Status
    status_note: Text | None = None
    summary: Text
    events: list[Event] = Field(default_factory=list)
    elements: list[Slug] = Field(default_factory=list)
    producers: list[Slug] = Field(default_factory=list)
    responses: list[Slug] = Field(
        default_factory=list, description="Ids of the issues that respond to this one (diversification after controls)."
    )

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        for index, response in enumerate(self.responses):
            yield ("responses", index), "issue", response
        for index, event in enumerate(self.events):
            yield ("events", index, "source"), "source", event.source
        for index, element in enumerate(self.elements):
            yield ("elements", index), "element", element
        for index, producer in enumerate(self.producers):
            yield ("producers", index), "producer", producer


class Source(Record):
    title: Text
    publisher: Text
    year: Year | None = Field(description="Year of publication; null for an undated web page.")
    url: Url
    note: Text | None = None

    def _dated_years(self) -> Iterator[tuple[str, int]]:
        if self.year is not None:
            yield "the publication year", self.year


def _text_citations(value: object, loc: tuple[str | int, ...]) -> Iterator[Reference]:
    if isinstance(value, str):
        for match in CITATION.finditer(value):
            yield loc, "source", match.group(1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _text_citations(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_citations(item, (*loc, index))


KINDS: dict[str, type[Record]] = {
    "element": Element,
    "producer": Producer,
    "issue": Issue,
    "source": Source,
}
#: The folder under the data directory that holds each kind.
FOLDERS: dict[str, str] = {"element": "elements", "producer": "producers", "issue": "issues", "source": "sources"}
