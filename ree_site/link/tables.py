"""The tables of the downloads: what each CSV file holds, row by row, drawn from the catalog.

:data:`DOWNLOADS` is the one list of them: :func:`ree_site.outputs.export.export_files` writes their files, and
the downloads page lists them from it, with each one's title, files, count of rows and, for the tidy tables, what
a row holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..data.vocabulary import FOLDERS, TRADE_MEASURES
from . import plants, supply
from .pages import record_url

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..data.loading import Entry
    from ..data.models import Record
    from ..data.parts import Figure
    from .catalog import Catalog


#: The folder of the site that holds the downloads, beside the page that lists them (``downloads/``).
DOWNLOADS_DIR = "downloads"


def _num(value: float | None) -> float | int | None:
    """2100.0 -> 2100: whole numbers without a trailing .0, as the sources print them."""
    return int(value) if value is not None and float(value).is_integer() else value


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


@dataclass(frozen=True)
class Download:
    """One collection of the downloads: its CSV file under ``downloads/``, the JSON file that holds it, and how
    the downloads page names it."""

    #: The collection as the downloads page names it.
    title: str
    #: The CSV file, one row per record or value.
    csv: str
    header: tuple[str, ...]
    rows: Callable[[Catalog], Iterable[list[Any]]]
    #: The kind of record, for a collection of records: it also has a JSON file and a JSON Schema of its own.
    kind: str | None = None
    #: The kind whose JSON file holds these rows inside its records (figures inside producers).
    within: str | None = None
    #: For a tidy table (one row per value): what its columns are, as the downloads page describes it (Markdown).
    about: Markup | None = None
    #: Columns that hold the id of a record of another table (or this one): column -> that table's CSV file.
    refers: tuple[tuple[str, str], ...] = ()
    #: Whether the rows also go to a JSON file of their own (``stage-shares.json``), each source written out.
    json_rows: bool = False

    @property
    def name(self) -> str:
        """The table's name in the data package: its CSV file's name without ``.csv``."""
        return self.csv.removesuffix(".csv")

    @property
    def json(self) -> str | None:
        """The collection's own JSON file (``elements.json``), if it has one."""
        return f"{FOLDERS[self.kind]}.json" if self.kind else None

    @property
    def rows_json(self) -> str | None:
        """The JSON file of the rows themselves, for a table that has one (``capacity.json``)."""
        return f"{self.name}.json" if self.json_rows else None

    @property
    def within_json(self) -> str | None:
        """The JSON file that holds these rows inside another collection's records (``producers.json``)."""
        return f"{FOLDERS[self.within]}.json" if self.within else None

    @property
    def schema(self) -> str | None:
        """The JSON Schema of the kind, under ``downloads/schema/``."""
        return f"{self.kind}.json" if self.kind else None

    def count(self, catalog: Catalog) -> int:
        """How many rows the CSV file has (records, or values for a table of values)."""
        return sum(1 for _ in self.rows(catalog))


def _elements(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, r.name, r.symbol, r.atomic_number, r.atomic_weight.value, r.group.value, r.discovery.year,
         _joined(r.discovery.by), record_url("element", e.id)]
        for e, r in ((e, e.record) for e in catalog.elements)
    )  # fmt: skip


def _producers(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, r.name, r.kind, r.country, r.place, r.parent, _joined(r.stages), _joined(r.elements),
         record_url("producer", e.id)]
        for e, r in ((e, e.record) for e in catalog.producers)
    )  # fmt: skip


def _figures(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, f.measure, f.element, _joined(f.elements), f.product, f.partner, f.from_year, f.year, f.month, f.value,
         f.high, f.qualifier, f.unit, f.basis, f.estimated, f.alternative, f.computed, f.edition, f.source, f.note]
        for e in catalog.producers
        for f in e.record.figures
    )  # fmt: skip


def _editions(catalog: Catalog) -> Callable[[Figure], str]:
    """A figure's edition as the tidy tables give it: its own, else its source's title."""
    titles = {e.id: e.record.title for e in catalog.sources}
    return lambda figure: figure.edition or titles.get(figure.source, figure.source)


def _production_by_country(catalog: Catalog) -> Iterable[list[Any]]:
    edition = _editions(catalog)
    producers = [(e, e.record) for e in catalog.producers]
    return (
        [r.name, f.year, _num(f.value), f.unit, f.source, edition(f), f.estimated, f.alternative, e.id, f.note]
        for e, r in sorted(producers, key=lambda p: (p[1].aggregate is not None, p[1].name))
        if r.kind == "country"
        for f in sorted(r.figures, key=lambda f: f.year)
        if f.measure == "mine-production" and f.element is None and f.product is None
    )


def _prices(catalog: Catalog) -> Iterable[list[Any]]:
    edition = _editions(catalog)
    return (
        [e.id, f.product, f.year, _num(f.value), _num(f.high), f.unit, f.basis, f.estimated, f.alternative, f.source,
         edition(f)]
        for e in catalog.elements
        for f in sorted(e.record.figures, key=lambda f: (f.product or "", f.year))
        if f.measure == "price"
    )  # fmt: skip


def _stage_shares(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [_joined(scope), stage.stage, stage.year, band.name, band.entry.id if band.entry else None,
         _num(round(band.share, 6)), "%", band.entry is None, band.figure.source if band.figure else None,
         band.figure.note if band.figure else "100 % less the named countries' shares."]
        for scope in supply.scopes(catalog)
        for stage in supply.chain(catalog, scope)
        for band in stage.bands
    )  # fmt: skip


def _capacity(catalog: Catalog) -> Iterable[list[Any]]:
    found = plants.capacities(catalog)
    adds = plants.added(found)  # a shelved plan adds nothing
    return (
        [c.entry.id, c.name, c.country, c.stage, f.product, c.status, f.start_year, c.as_of.isoformat(),
         f.year, _num(f.value), f.qualifier, f.unit, _num(adds.get(id(f), 0.0)), f.source, f.note]
        for c in found + plants.shelved(catalog)
        for f in (c.figure,)
    )  # fmt: skip


def _trade(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, f.measure, f.product, f.partner, f.year, f.month, _num(f.value), f.qualifier, f.unit, f.alternative,
         f.computed, f.source, f.note]
        for e in catalog.producers
        for f in sorted(e.record.figures, key=lambda f: (f.measure, f.product or "", f.partner or "", f.year,
                                                        f.month or 0))
        if f.measure in TRADE_MEASURES
    )  # fmt: skip


def _issues(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, r.title, r.category, r.status, _joined(r.elements), _joined(r.producers), record_url("issue", e.id)]
        for e, r in ((e, e.record) for e in catalog.issues)
    )


def _events(catalog: Catalog) -> Iterable[list[Any]]:
    return ([e.id, v.date, v.title, v.text, v.source] for e in catalog.issues for v in e.record.events)


def _sources(catalog: Catalog) -> Iterable[list[Any]]:
    return (
        [e.id, r.title, r.publisher, r.year, r.url, record_url("source", e.id)]
        for e, r in ((e, e.record) for e in catalog.sources)
    )


#: Every download, in the order of the downloads page. The descriptions of the tidy tables keep the page's line
#: breaks; a test checks that each names every column of its table.
DOWNLOADS: tuple[Download, ...] = (
    Download(
        "Elements", "elements.csv",
        ("id", "name", "symbol", "atomic_number", "atomic_weight", "group", "discovery_year", "discovered_by", "url"),
        _elements, kind="element",
    ),
    Download(
        "Producers", "producers.csv", ("id", "name", "kind", "country", "place", "parent", "stages", "elements", "url"),
        _producers, kind="producer", refers=(("parent", "producers.csv"),),
    ),
    Download(
        "Producer figures", "figures.csv",
        ("producer", "measure", "element", "elements", "product", "partner", "from_year", "year", "month", "value",
         "high", "qualifier", "unit", "basis", "estimated", "alternative", "computed", "edition", "source", "note"),
        _figures, within="producer",
        refers=(("producer", "producers.csv"), ("element", "elements.csv"), ("source", "sources.csv")),
    ),
    Download(
        "Mine production by country, every year", "production-by-country.csv",
        ("country", "year", "value", "unit", "source", "edition", "estimated", "alternative", "producer", "note"),
        _production_by_country, refers=(("producer", "producers.csv"), ("source", "sources.csv")),
        about=Markup(
            "`production-by-country.csv` has the columns country, year, value, unit, source, edition, estimated,\n"
            'alternative, producer and note (the world total is a row with country "World"; a value an edition '
            "later revised\nhas alternative true)"
        ),
    ),
    Download(
        "Prices by product and year", "prices.csv",
        ("element", "product", "year", "value", "high", "unit", "basis", "estimated", "alternative", "source",
         "edition"),
        _prices, refers=(("element", "elements.csv"), ("source", "sources.csv")),
        about=Markup(
            "`prices.csv` has element, product, year, value, high (the upper bound of a range), unit,\n"
            "basis, estimated, alternative, source and edition"
        ),
    ),
    Download(
        "Shares of world output by stage and country", "stage-shares.csv",
        ("elements", "stage", "year", "country", "producer", "value", "unit", "computed", "source", "note"),
        _stage_shares, refers=(("producer", "producers.csv"), ("source", "sources.csv")), json_rows=True,
        about=Markup(
            "`stage-shares.csv` has elements (empty for rare earths as a whole), stage, year, country, producer,\n"
            "value, unit, computed (true for the rest of the world, 100 % less the named countries), source and note"
        ),
    ),
    Download(
        "Plant capacity by stage and status", "capacity.csv",
        ("producer", "name", "country", "stage", "product", "status", "start_year", "status_as_of", "year", "value",
         "qualifier", "unit", "added", "source", "note"),
        _capacity, refers=(("producer", "producers.csv"), ("source", "sources.csv")), json_rows=True,
        about=Markup(
            "`capacity.csv` has producer, name, country, stage, product, status, start_year, status_as_of, year,\n"
            "value, qualifier, unit, added (what the figure adds to the plant's capacity at the statuses before it),\n"
            "source and note"
        ),
    ),
    Download(
        "Exports and imports by product, partner and period", "trade.csv",
        ("producer", "measure", "product", "partner", "year", "month", "value", "qualifier", "unit", "alternative",
         "computed", "source", "note"),
        _trade, refers=(("producer", "producers.csv"), ("source", "sources.csv")),
        about=Markup(
            "`trade.csv` has producer (the reporting country), measure (exports or imports), product (the goods, with\n"
            'their HS code where the source gives one), partner ("World" for the total), year, month (empty for a\n'
            "whole year), value, qualifier, unit (tonnes of product), alternative, computed (true for tonnes the site\n"
            "worked out from a share its source prints), source and note"
        ),
    ),
    Download(
        "Issues", "issues.csv", ("id", "title", "category", "status", "elements", "producers", "url"),
        _issues, kind="issue",
    ),
    Download(
        "Issue events", "events.csv", ("issue", "date", "title", "text", "source"), _events, within="issue",
        refers=(("issue", "issues.csv"), ("source", "sources.csv")),
    ),
    Download(
        "Sources", "sources.csv", ("id", "title", "publisher", "year", "url", "page"), _sources, kind="source"
    ),
)  # fmt: skip


def records_of(catalog: Catalog, kind: str) -> Sequence[Entry[Record]]:
    """The records of ``kind``, in the order of their collection."""
    if kind == "element":
        return catalog.elements
    if kind == "producer":
        return catalog.producers
    if kind == "issue":
        return catalog.issues
    return catalog.sources


__all__ = ["DOWNLOADS", "DOWNLOADS_DIR", "Download", "records_of"]
