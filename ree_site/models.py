"""Typed models of the four record kinds; the JSON Schema of each is generated from them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

M = TypeVar("M", bound=BaseModel)

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
#: A citation inside free text: ``... as USGS reports [@usgs-mcs-2026-rare-earths].``
CITATION = re.compile(rf"\[@({_ID})\]")
#: A link to another record inside free text, named by its folder and id: ``[[link issues/china-japan-2010]]``.
RECORD_LINK = re.compile(rf"\[\[link ((?:elements|producers|issues)/{_ID})\]\]")
#: Either marker, for the renderer: a citation (group ``cite``) or a record link (group ``link``, "issues/id").
TEXT_MARKER = re.compile(rf"\[@(?P<cite>{_ID})\]|\[\[link (?P<link>(?:elements|producers|issues)/{_ID})\]\]")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Year = Annotated[int, Field(ge=1000, le=2100)]

#: Characters that never belong in data: C0 and C1 controls (NUL, ESC, ...), DEL, the line and paragraph
#: separators, and the bidirectional overrides and isolates that can make text display as something else.
UNSAFE_CHARACTERS = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
#: In free text, tabs and line breaks are whitespace like any other.
_UNSAFE_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same rules for editors' tooling (JSON Schema patterns are ECMA-262 regular expressions).
NAME_PATTERN = rf"^[^{UNSAFE_CHARACTERS}]*[^{UNSAFE_CHARACTERS}\s][^{UNSAFE_CHARACTERS}]*$"
TEXT_PATTERN = r"\S"
URL_PATTERN = r"^https?://[^\s\x00-\x1f\x7f]{4,}$"
DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class FieldError(ValueError):
    """A problem found by a check across a model's fields, raised with the field it concerns, so that the
    message points at that field's line rather than at the top of the record."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc


def _clean_text(value: object) -> object:
    # Control and bidirectional-override characters are dropped from free text (tabs and line breaks stay, as
    # whitespace); they would otherwise reach the HTML, or make a sentence display other than it reads.
    return _UNSAFE_IN_TEXT.sub("", value) if isinstance(value, str) else value


def _safe_name(value: str) -> str:
    found = _UNSAFE.search(value)
    if found:
        raise ValueError(
            f"contains the invisible character U+{ord(found.group()):04X} at position {found.start() + 1}; "
            "names and titles may hold only visible characters and spaces"
        )
    return value


#: Free text (summaries, notes): not blank, stripped, with control characters removed.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_clean_text),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": TEXT_PATTERN}),
]
#: A name or title: like text, but on one line and with no invisible characters at all.
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_safe_name),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": NAME_PATTERN}),
]


def _http_url(value: str) -> str:
    if not value.startswith(("https://", "http://")) or len(value) < 12 or _URL_UNSAFE.search(value):
        raise ValueError("must be an http:// or https:// address without spaces")
    return value


_URL_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f]")


def _partial_date(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(f"a year written as a number: write '{value}' in quotes, as text")
    return value.isoformat() if isinstance(value, dt.date) else value


def _on_the_calendar(value: str) -> str:
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    return value


def _iso_date(value: object) -> object:
    # YAML 1.2 has no dates: a date reaches us as text, quoted or not.
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("must be a date written YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    return value


Url = Annotated[
    str,
    AfterValidator(_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": URL_PATTERN}),
]
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
#: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, checked against the calendar.
PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_on_the_calendar),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
]

Stage = Literal["mining", "separation", "metal", "magnets"]
ProducerKind = Literal["country", "company", "mine", "refinery", "magnet-maker"]
Category = Literal[
    "concentration", "trade-policy", "environment", "ethics", "recycling", "substitution", "diversification"
]
Status = Literal["active", "suspended", "ended", "ongoing"]
SourceKind = Literal["government", "international", "research", "reference", "company", "civil-society", "news"]
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
    "price",
    "import-reliance",
    "import-share",
    "ore-grade",
    "mining-quota",
    "separation-quota",
    "production-proxy",
    "tailings",
]
Unit = Literal["t REO", "t", "t/yr", "%", "$/kg"]
#: The units of the measures that MEASURE_UNITS does not list.
TONNAGE_UNITS = ("t REO", "t", "t/yr")

#: The measures that are shares of the world total of one stage.
SHARE_MEASURES = ("share-mining", "share-separation", "share-metal", "share-magnets")

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
    "price": "Price",
    "import-reliance": "Net import reliance",
    "import-share": "Share of imports",
    "ore-grade": "Share of total rare-earth oxide in the ore",
    "mining-quota": "Mining quota",
    "separation-quota": "Smelting and separation quota",
    "production-proxy": "Production proxy (product tonnes)",
    "tailings": "Tailings held",
}
#: The unit each measure must be stated in (measures not listed take any of the tonnage units).
MEASURE_UNITS: dict[str, tuple[str, ...]] = {
    "share-mining": ("%",),
    "share-separation": ("%",),
    "share-metal": ("%",),
    "share-magnets": ("%",),
    "price": ("$/kg",),
    "import-reliance": ("%",),
    "import-share": ("%",),
    "ore-grade": ("%",),
    "mining-quota": ("t REO",),
    "separation-quota": ("t REO",),
    "production-proxy": ("t",),
    "tailings": ("t",),
}
#: Measures that compare with a partner country, and those that must name the element they are about.
PARTNER_MEASURES = ("import-share", "production-proxy")
ELEMENT_MEASURES = ("ore-grade",)
#: The measures an element record may hold itself (the element is then implied).
ELEMENT_RECORD_MEASURES = ("price",)
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
SOURCE_KIND_LABELS: dict[str, str] = {
    "government": "Government",
    "international": "International body",
    "research": "Research",
    "reference": "Reference work",
    "company": "Company",
    "civil-society": "Association, NGO or law firm",
    "news": "News and market analysis",
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


def _figure_schema(schema: dict[str, Any]) -> None:
    """The rules between a figure's fields, for editors' tooling: the same rules as :meth:`Figure._consistent` and
    :meth:`Figure._fields_apply`, except the comparisons between two fields' values that JSON Schema cannot make
    (high above value, from_year before year); README lists them."""
    measures = list(get_args(Measure))
    rules: list[dict[str, Any]] = []
    for units in sorted({*MEASURE_UNITS.values(), TONNAGE_UNITS}):
        having = sorted(m for m in measures if MEASURE_UNITS.get(m, TONNAGE_UNITS) == units)
        rules.append({"if": _measure_in(having), "then": {"properties": {"unit": {"enum": list(units)}}}})
    only: list[tuple[list[str], str]] = [(list(PARTNER_MEASURES), "partner"), (["price"], "basis")]
    for allowed, name in only:
        others = sorted(set(measures) - set(allowed))
        rules.append({"if": _measure_in(others), "then": {"properties": {name: {"type": "null"}}}})
    required: list[tuple[tuple[str, ...], str]] = [(PARTNER_MEASURES, "partner"), (ELEMENT_MEASURES, "element")]
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
    schema["allOf"] = rules


def _element_figure_schema(schema: dict[str, Any]) -> None:
    _figure_schema(schema)
    schema["allOf"].append(
        {
            "properties": {
                "measure": {"enum": list(ELEMENT_RECORD_MEASURES)},
                "element": {"type": "null"},
                "elements": {"maxItems": 0},
            },
        }
    )


def _note_when_null(schema: dict[str, Any]) -> None:
    schema["allOf"] = [{"if": _is("value", {"type": "null"}), "then": {"required": ["note"]}}]


def _a(word: str) -> str:
    """``an import-share``, ``a price``."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _needs_a_note(model: M, message: str) -> M:
    """A value left null must say why in its note (the rule _note_when_null gives editors' tooling)."""
    if getattr(model, "value", None) is None and getattr(model, "note", None) is None:
        raise FieldError(("value",), message)
    return model


def _is(name: str, rule: dict[str, Any]) -> dict[str, Any]:
    return {"properties": {name: rule}, "required": [name]}


def _measure_in(measures: list[str]) -> dict[str, Any]:
    return _is("measure", {"enum": measures})


def _element_schema(schema: dict[str, Any]) -> None:
    schema["properties"]["symbol"]["enum"] = list(REE_ATOMIC_NUMBERS)
    schema["allOf"] = [
        {"if": _is("symbol", {"const": symbol}), "then": {"properties": {"atomic_number": {"const": number}}}}
        for symbol, number in REE_ATOMIC_NUMBERS.items()
    ]


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, and values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Cited(Strict):
    source: Slug = Field(description="Id of the source record (a file in data/sources/).")
    editor_note: Text | None = Field(
        None,
        description="For editors only, never printed on a page: where the value was read, what was not opened, "
        "what to check next. Kept in the data and in the JSON downloads (as provenance).",
    )


class Record(Strict):
    """Fields every record has."""

    id: Slug | None = Field(None, description="Optional: the record's id, which must equal the file name without .yml.")
    sources: list[Slug] = Field(default_factory=list, description="Further sources for the record as a whole.")
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
        """Every reference this record makes to another record, citations inside text included."""
        for index, source in enumerate(self.sources):
            yield ("sources", index), "source", source
        # Walking every field is only worth it when some text holds a marker (pydantic's JSON is fast).
        if "[@" in (dumped := self.model_dump_json()) or "[[link " in dumped:
            yield from _text_citations(self.model_dump(exclude={"editor_note"}), ())


class AtomicWeight(Cited):
    model_config = ConfigDict(json_schema_extra=_note_when_null)

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
    model_config = ConfigDict(json_schema_extra=_figure_schema)

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
    element: Slug | None = Field(
        None, description="Id of the element the figure is about (an ore grade, an element's import reliance)."
    )
    elements: list[Slug] = Field(
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
        description="The partner country of a trade figure: the source country of an import share, or the "
        "importing country of a production proxy.",
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
    estimated: bool = False
    alternative: bool = Field(
        False,
        description="A value from another source kept for the record, where sources disagree: shown in the figures "
        "table, never in charts, shares or embedded figures. The note says why the other value is preferred.",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        if self.value is None and self.note is None:
            raise FieldError(("value",), "a figure without a value needs a note saying why the source gives none")
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
                ("partner",), f"partner applies only to {' and '.join(PARTNER_MEASURES)} figures, not {self.measure}"
            )
        if self.partner is None and self.measure in PARTNER_MEASURES:
            raise FieldError(("measure",), f"{_a(self.measure)} figure needs the partner country in partner")
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
        return self

    @property
    def key(self) -> tuple[object, ...]:
        """What the figure measures: two figures with one key are two values of the same thing."""
        return (
            self.measure,
            self.year,
            self.from_year,
            self.fiscal_year_end,
            self.element,
            tuple(self.elements),
            self.product,
            self.partner,
        )

    @property
    def period(self) -> str:
        """The year, or the period for a multi-year figure: ``2021–24``; a fiscal year: ``FY2025 (to 30 June)``."""
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


class ElementFigure(Figure):
    """A figure in an element's own record: the element is implied, and only its prices belong there."""

    model_config = ConfigDict(json_schema_extra=_element_figure_schema)

    @model_validator(mode="after")
    def _about_this_element(self) -> ElementFigure:
        if self.measure not in ELEMENT_RECORD_MEASURES:
            raise FieldError(
                ("measure",),
                f"an element record holds only {', '.join(ELEMENT_RECORD_MEASURES)} figures; put {_a(self.measure)} "
                "figure in the producer record it belongs to, with element: set to this element's id",
            )
        if self.element is not None or self.elements:
            raise FieldError(
                ("element",) if self.element is not None else ("elements",),
                "the element is implied in an element's own figures; leave out element and elements",
            )
        return self


class Measured(Cited):
    model_config = ConfigDict(json_schema_extra=_note_when_null)

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


#: Element properties in the order of the infobox, with their labels and units.
PROPERTY_LABELS: dict[str, tuple[str, str]] = {
    "electron_configuration": ("Electron configuration", ""),
    "density": ("Density", "g/cm³"),
    "melting_point": ("Melting point", "°C"),
    "crustal_abundance": ("Abundance in the crust", "mg/kg"),
}


class Element(Record):
    model_config = ConfigDict(json_schema_extra=_element_schema)

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
        default_factory=list, description="Figures about the element itself: its oxide prices, year by year."
    )
    producers: list[Slug] = Field(default_factory=list)
    issues: list[Slug] = Field(default_factory=list)

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

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        yield ("atomic_weight", "source"), "source", self.atomic_weight.source
        yield ("group", "source"), "source", self.group.source
        yield ("discovery", "source"), "source", self.discovery.source
        for index, app in enumerate(self.applications):
            yield ("applications", index, "source"), "source", app.source
        if self.properties is not None:
            for name in PROPERTY_LABELS:
                yield ("properties", name, "source"), "source", getattr(self.properties, name).source
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "source"), "source", figure.source
        for index, producer in enumerate(self.producers):
            yield ("producers", index), "producer", producer
        for index, issue in enumerate(self.issues):
            yield ("issues", index), "issue", issue


class Producer(Record):
    name: Name
    kind: ProducerKind
    country: Name
    aggregate: Literal["world", "others"] | None = Field(
        None, description="Set on the records that hold the world total and the sum of unlisted countries."
    )
    parent: Slug | None = None
    stages: list[Stage] = Field(default_factory=list)
    aliases: list[Name] = Field(
        default_factory=list,
        description="Other names readers search by: a short name (MP), a trade name or term (NdFeB), another "
        "spelling. Shown on the page and weighted like the title in search.",
    )
    summary: Text
    figures: list[Figure] = Field(default_factory=list)
    elements: list[Slug] = Field(default_factory=list)
    issues: list[Slug] = Field(default_factory=list)

    def _dated_years(self) -> Iterator[tuple[tuple[str | int, ...], str, int]]:
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "year"), "a figure for", figure.year

    def references(self) -> Iterator[Reference]:
        yield from super().references()
        if self.parent is not None:
            yield ("parent",), "producer", self.parent
        for index, figure in enumerate(self.figures):
            yield ("figures", index, "source"), "source", figure.source
            if figure.element is not None:
                yield ("figures", index, "element"), "element", figure.element
            for position, element in enumerate(figure.elements):
                yield ("figures", index, "elements", position), "element", element
        for index, element in enumerate(self.elements):
            yield ("elements", index), "element", element
        for index, issue in enumerate(self.issues):
            yield ("issues", index), "issue", issue


class Event(Cited):
    date: PartialDate
    title: Name
    text: Text | None = None


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
    elements: list[Slug] = Field(default_factory=list)
    producers: list[Slug] = Field(default_factory=list)
    responses: list[Slug] = Field(
        default_factory=list, description="Ids of the issues that respond to this one (diversification after controls)."
    )

    @property
    def status_date(self) -> dt.date:
        """The day the status is stated for: ``status_as_of``, else the review date."""
        return self.status_as_of or self.reviewed

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


def _text_citations(value: object, loc: tuple[str | int, ...]) -> Iterator[Reference]:
    if isinstance(value, str):
        for match in CITATION.finditer(value):
            yield loc, "source", match.group(1)
        for match in RECORD_LINK.finditer(value):
            folder, record_id = match.group(1).split("/")
            yield loc, KIND_OF_FOLDER[folder], record_id
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
KIND_OF_FOLDER: dict[str, str] = {folder: kind for kind, folder in FOLDERS.items()}
