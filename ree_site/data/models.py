"""The record kinds (element, producer, issue, source) and what every record has: the fields, the checks across
them, and the references to other records, found from the fields marked :class:`~ree_site.data.fields.RefTo`."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .element_figures import ElementFigure
from .fields import (
    CITATION,
    RECORD_LINK,
    Date,
    ElementId,
    FieldError,
    IssueId,
    Name,
    ProducerId,
    Slug,
    SourceId,
    Text,
    Url,
    Year,
    refers_to,
)
from .parts import (
    AHEAD,
    Application,
    AtomicWeight,
    Discovery,
    Event,
    Figure,
    Group,
    Location,
    Properties,
    Strict,
)
from .schema_rules import element_schema, producer_schema
from .vocabulary import (
    CRITICALITY_MEASURES,
    KIND_OF_FOLDER,
    REE_ATOMIC_NUMBERS,
    SITE_KINDS,
    Category,
    ProducerKind,
    SourceKind,
    Stage,
    Status,
)

#: A reference from one record to another: (location in the file, kind, id).
Reference = tuple[tuple[str | int, ...], str, str]


class Record(Strict):
    """Fields every record has."""

    id: Slug | None = Field(None, description="Optional: the record's id, which must equal the file name without .yml.")
    sources: list[SourceId] = Field(default_factory=list, description="Further sources for the record as a whole.")
    reviewed: Date = Field(description="When the record was last checked against its sources.")
    editor_note: Text | None = Field(
        None,
        description="For editors only, never printed on a page: where the value was read, what was not opened, "
        "what to check next. Kept in the data and in the JSON downloads (as provenance).",
    )

    @model_validator(mode="after")
    def _years_not_after_review(self) -> Record:
        if self.reviewed > dt.date.today():
            raise FieldError(
                ("reviewed",),
                f"the review date {self.reviewed} is in the future; write the day the record was last checked",
            )
        for loc, name, year in self._dated_years():
            if year > self.reviewed.year:
                raise FieldError(loc, f"{name} {year} is later than the review date {self.reviewed}")
        return self

    def _dated_years(self) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
        """Years that cannot lie after the review date (what has been published or measured), with their place."""
        return iter(())

    def references(self) -> Iterator[Reference]:
        """Every reference this record makes to another record: the value of every field marked with
        :class:`~ree_site.data.fields.RefTo`, here or in the record's parts (in the order of the fields), then the
        citations and record links inside its text."""
        yield from _marked(self, ())
        # Walking every field is only worth it when some text holds a marker (pydantic's JSON is fast).
        if "[@" in (dumped := self.model_dump_json()) or "[[link " in dumped:
            yield from text_references(self.model_dump(exclude={"editor_note"}), ())


class Element(Record):
    model_config = ConfigDict(json_schema_extra=element_schema)

    name: Name
    symbol: Annotated[str, StringConstraints(pattern=r"^[A-Z][a-z]?$")]
    atomic_number: int = Field(ge=1, le=118)
    atomic_weight: AtomicWeight
    group: Group
    discovery: Discovery
    applications: list[Application] = Field(min_length=1)
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names readers search by: a short name (MP), a trade name or term (NdFeB), another "
        "spelling. Shown on the page and weighted like the title in search.",
    )
    summary: Text
    properties: Properties | None = Field(None, description="Physical and chemical properties for the infobox.")
    figures: list[ElementFigure] = Field(
        default_factory=list,
        description="Figures about the element itself: its oxide prices year by year, and how critical it is "
        "(supply risk, economic importance, recycling rates).",
    )
    producers: list[ProducerId] = Field(default_factory=list)
    issues: list[IssueId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _symbol_matches_number(self) -> Element:
        expected = REE_ATOMIC_NUMBERS.get(self.symbol)
        if expected is None:
            raise FieldError(("symbol",), f"symbol {self.symbol!r} is not one of the 17 rare earth elements")
        if expected != self.atomic_number:
            raise FieldError(
                ("atomic_number",),
                f"atomic number {self.atomic_number} does not match symbol {self.symbol} ({expected})",
            )
        return self

    def _dated_years(self) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
        yield ("discovery", "year"), "the discovery year", self.discovery.year
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "year"), "a figure for", figure.year


class Producer(Record):
    model_config = ConfigDict(json_schema_extra=producer_schema)

    name: Name
    kind: ProducerKind
    country: Name
    aggregate: Literal["world", "others"] | None = Field(
        None, description="Set on the records that hold the world total and the sum of unlisted countries."
    )
    parent: ProducerId | None = None
    stages: list[Stage] = Field(default_factory=list)
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names readers search by: a short name (MP), a trade name or term (NdFeB), another "
        "spelling. Shown on the page and weighted like the title in search.",
    )
    summary: Text
    location: Location | None = Field(
        None,
        description="Where a mine, refinery or magnet plant lies (lat, lon in decimal degrees), with the source that "
        "gives it: a government or company publication, or a gazetteer such as USGS's or Mindat's.",
    )
    place: Name | None = Field(
        None,
        description="Where a site is, as readers name the place: its town, county, state or province (Inner "
        "Mongolia; Fort Worth, Texas), without the country. Each part, between commas, is named in the summary, "
        "which cites its source. Shown on the page and in search results, and searched.",
    )
    figures: list[Figure] = Field(default_factory=list)
    elements: list[ElementId] = Field(default_factory=list)
    issues: list[IssueId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _no_criticality(self) -> Producer:
        for index, figure in enumerate(self.figures):
            if figure.measure in CRITICALITY_MEASURES:
                raise FieldError(
                    ("figures", index, "measure"),
                    f"{figure.measure} rates an element, not a producer: put it in the element's record",
                )
        return self

    @model_validator(mode="after")
    def _located_site(self) -> Producer:
        if self.location is not None and self.kind not in SITE_KINDS:
            raise FieldError(
                ("location",),
                f"location applies only to a site (a mine, refinery or magnet maker), not to a {self.kind}; put it "
                "on the record of the site",
            )
        return self

    @property
    def where(self) -> str:
        """Where the producer is, as pages and the search say it: the site's place and its country ("Inner
        Mongolia, China"), or the country alone."""
        return f"{self.place}, {self.country}" if self.place else self.country

    @model_validator(mode="after")
    def _placed_site(self) -> Producer:
        """A site's place is named in its summary, where its source is cited."""
        if self.place is None:
            return self
        if self.kind not in SITE_KINDS:
            raise FieldError(
                ("place",),
                f"place applies only to a site (a mine, refinery or magnet maker), not to a {self.kind}; put it on "
                "the record of the site",
            )
        summary = " ".join(self.summary.split()).casefold()
        for part in (part.strip() for part in self.place.split(",")):
            if not part:
                raise FieldError(("place",), 'a part between commas is empty; write e.g. "Fort Worth, Texas"')
            if part.casefold() not in summary:
                raise FieldError(
                    ("place",),
                    f"{part!r} is not named in the summary; name the place there, where its source is cited",
                )
        return self

    def _dated_years(self) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "year"), "a figure for", figure.year

    @model_validator(mode="after")
    def _plant_status_dated(self) -> Producer:
        """A plant's status is confirmed no later than the review, and a running plant started by then."""
        for index, figure in enumerate(self.figures):
            if figure.status_as_of is not None and figure.status_as_of > self.reviewed:
                raise FieldError(
                    ("figures", index, "status_as_of"),
                    f"the status is confirmed as of {figure.status_as_of}, later than the review date {self.reviewed}",
                )
            as_of = figure.status_as_of or self.reviewed
            running = figure.status in ("operating", "commissioning")
            if running and figure.start_year is not None and figure.start_year > as_of.year:
                raise FieldError(
                    ("figures", index, "start_year"),
                    f"a plant {figure.status} as of {as_of} cannot start in {figure.start_year}; a later start is for "
                    "a plant under construction or planned",
                )
        return self


class Issue(Record):
    title: Name
    category: Category
    status: Status
    status_as_of: Date | None = Field(
        None,
        description="The day a source last confirmed the status (printed as 'as of'); defaults to the review date.",
    )
    status_note: Text | None = None
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names readers search by: a short name (MP), a trade name or term (NdFeB), another "
        "spelling. Shown on the page and weighted like the title in search.",
    )
    summary: Text
    events: list[Event] = Field(default_factory=list)
    elements: list[ElementId] = Field(default_factory=list)
    producers: list[ProducerId] = Field(default_factory=list)
    responses: list[IssueId] = Field(
        default_factory=list, description="Ids of the issues that respond to this one (diversification after controls)."
    )

    @model_validator(mode="after")
    def _events_not_after_review(self) -> Issue:
        reviewed = self.reviewed.isoformat()
        for index, event in enumerate(self.events):
            # "2027" is after "2026-11-27" when it is after "2026"; "2026-11" when after "2026-11".
            if event.date > reviewed[: len(event.date)] and not event.ahead:
                raise FieldError(
                    ("events", index, "date"),
                    f"an event of {event.date} is later than the review date {self.reviewed}; an event that has not "
                    f"happened yet says so in its title ({', '.join(w.capitalize() for w in AHEAD)} ...)",
                )
        return self

    @property
    def status_date(self) -> dt.date:
        """The day the status is stated for: ``status_as_of``, else the review date."""
        return self.status_as_of or self.reviewed


class Source(Record):
    title: Name
    publisher: Name
    kind: SourceKind | None = Field(
        None,
        description="What kind of body the original publisher is: government, international (an intergovernmental "
        "or international scientific body), research, reference, company, civil-society (associations, NGOs, law "
        "firms) or news (news and market analysis).",
    )
    year: Year | None = Field(description="Year of publication; null for an undated web page.")
    url: Url
    note: Text | None = None

    def _dated_years(self) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
        if self.year is not None:
            yield ("year",), "the publication year", self.year


def _marked(model: BaseModel, loc: tuple[str | int, ...]) -> Iterator[Reference]:
    """The values of the fields of ``model`` marked with :class:`~ree_site.data.fields.RefTo`, and of those of its
    parts, with their place in the file."""
    for name, kind in _reference_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _value(item, (*loc, name, index), kind)
        else:
            yield from _value(value, (*loc, name), kind)


def _value(value: object, loc: tuple[str | int, ...], kind: str | None) -> Iterator[Reference]:
    if isinstance(value, BaseModel):
        yield from _marked(value, loc)
    elif kind is not None and isinstance(value, str):
        yield loc, kind, value


@functools.cache
def _reference_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """The fields of ``model`` that may hold references, in order: (name, kind) for a field marked with
    :class:`~ree_site.data.fields.RefTo` (or a list of such ids), (name, None) for one that holds parts."""
    found = []
    for name, field in model.model_fields.items():
        kind = refers_to(field.annotation, field.metadata)
        if kind is not None or _holds_parts(field.annotation):
            found.append((name, kind))
    return tuple(found)


def _holds_parts(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_parts(arg) for arg in getattr(annotation, "__args__", ()))


def text_references(value: object, loc: tuple[str | int, ...]) -> Iterator[Reference]:
    """The ``[@source]`` citations and ``[[link kind/id]]`` markers in the text of ``value`` (a record's fields as
    plain data), at their place."""
    if isinstance(value, str):
        for match in CITATION.finditer(value):
            yield loc, "source", match.group(1)
        for match in RECORD_LINK.finditer(value):
            folder, record_id = match.group(1).split("/")
            yield loc, KIND_OF_FOLDER[folder], record_id
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_references(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from text_references(item, (*loc, index))


KINDS: dict[str, type[Record]] = {
    "element": Element,
    "producer": Producer,
    "issue": Issue,
    "source": Source,
}
