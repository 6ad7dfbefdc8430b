"""``downloads/datapackage.json``: the downloads described as a Frictionless Data Package (v2).

Each CSV file of :data:`ree_site.link.tables.DOWNLOADS` is a tabular resource with its Table Schema (the type of
every column, the primary key of a collection, the foreign keys between tables, the missing-value code), and each
JSON file a plain resource; the package carries the release's version, date and licence, and lists the sources the
figures come from. ``make test`` validates it with the ``frictionless`` package and loads every resource.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..link.tables import DOWNLOADS

if TYPE_CHECKING:
    from ..data.models import Source
    from ..data.release import Release
    from ..link.catalog import Catalog

#: Data Package v2's profile.
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

#: Every CSV file opens with one line of notice (the release and the licence) that starts with this character.
COMMENT = "#"

#: The type and meaning of each column, by name: every table that has the column means the same by it.
COLUMNS: dict[str, tuple[str, str]] = {
    "id": ("string", "The record's id: its file name under data/, without .yml."),
    "name": ("string", "The name the record goes by."),
    "symbol": ("string", "The chemical symbol."),
    "atomic_number": ("integer", "The atomic number."),
    "atomic_weight": (
        "string",
        "The standard atomic weight as CIAAW writes it: digits grouped in threes after the "
        "point, the uncertainty of the last digits in parentheses (144.242(3)).",
    ),
    "group": ("string", "The group: light or heavy rare earths, or other (scandium)."),
    "discovery_year": ("integer", "The year of discovery."),
    "discovered_by": ("string", "Who discovered it; several names are separated by '; '."),
    "url": ("string", "The record's page, relative to the site's root."),
    "page": ("string", "The record's page, relative to the site's root."),
    "kind": ("string", "The kind of producer: country, company, mine, refinery, magnet maker, aggregate."),
    "country": ("string", "The country, by name."),
    "place": ("string", "Where in the country a site is: its town, county, state or province; empty for others."),
    "parent": ("string", "The id of the producer this one belongs to (a mine's operator, a company's country)."),
    "stages": ("string", "The supply-chain stages, separated by '; '."),
    "elements": ("string", "Element ids, separated by '; '."),
    "producers": ("string", "Producer ids, separated by '; '."),
    "producer": ("string", "The id of the producer record that holds the figure."),
    "measure": (
        "string",
        "What the figure measures (mine-production, reserves, capacity, share, price, exports, imports, ...).",
    ),
    "element": ("string", "The id of the element the figure is for; empty for all rare earths."),
    "product": ("string", "The product the figure is for (an oxide, a metal, a magnet alloy); empty for none."),
    "partner": ("string", "The partner country of a trade figure."),
    "from_year": ("integer", "The first year of a figure that covers several years."),
    "year": ("integer", "The year the figure is for (a fiscal year is named by the year it ends in)."),
    "month": ("integer", "The month (1 to 12) of a figure reported month by month; empty for a whole year."),
    "value": ("number", "The value, in the unit of the unit column."),
    "high": ("number", "The upper bound of a range, in the same unit; empty for a single value."),
    "qualifier": ("string", "How the value bounds the quantity: 'more than', 'less than', 'about'."),
    "unit": ("string", "The unit of value and high (t REO, %, USD/kg, ...)."),
    "basis": ("string", "What the value is counted as (tonnes of what, price at which point)."),
    "estimated": ("boolean", "True when the source marks the value as an estimate."),
    "alternative": ("boolean", "True for a value another edition or source gives for the same quantity."),
    "edition": ("string", "The edition of the source the value is read from."),
    "source": ("string", "The id of the source record the value is read from."),
    "note": ("string", "A note for readers on the value."),
    "title": ("string", "The title."),
    "category": ("string", "The issue's category."),
    "status": (
        "string",
        "The status: an issue's (active, suspended, ended, ongoing), or a plant's (operating, commissioning, "
        "construction, planned).",
    ),
    "issue": ("string", "The id of the issue record the event belongs to."),
    "date": ("string", "The date, as precise as the source gives it: 2010, 2010-09 or 2010-09-07."),
    "text": ("string", "What happened."),
    "publisher": ("string", "The publisher."),
    "stage": ("string", "The stage of the chain: mining, separation, metal or magnets; empty for a step between."),
    "computed": (
        "boolean",
        "True for a value the site computes rather than reads (the rest of the world: 100 % less the named "
        "countries; a share from two tonnages; an origin's tonnes from the share of a total its source prints).",
    ),
    "start_year": ("integer", "The year the capacity started, or is expected to start, producing."),
    "status_as_of": ("date", "The day a source last confirmed the status (else the record's review date)."),
    "added": (
        "number",
        "What the capacity adds to the plant's capacity for its product and stage at the statuses before its own.",
    ),
}

#: The CSV tables of the collections of records, whose id is the primary key.
_KEYED = {d.csv for d in DOWNLOADS if d.kind is not None}


def _name(path: str) -> str:
    return path.removesuffix(".csv").removesuffix(".json")


def _schema(columns: tuple[str, ...], csv: str, refers: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [{"name": c, "type": COLUMNS[c][0], "description": COLUMNS[c][1]} for c in columns],
        "missingValues": [""],
    }
    if csv in _KEYED:
        schema["primaryKey"] = ["id"]
    if refers:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": "" if table == csv else _name(table), "fields": ["id"]}}
            for column, table in refers
        ]
    return schema


def _source(source: Source) -> dict[str, Any]:
    found: dict[str, Any] = {"title": f"{source.publisher}: {source.title}", "path": source.url}
    if source.year:
        found["version"] = str(source.year)
    return found


def datapackage(catalog: Catalog, release: Release | None, json_files: list[str]) -> str:
    """The text of ``datapackage.json`` for the downloads (``json_files`` are the JSON files beside the CSVs)."""
    resources: list[dict[str, Any]] = []
    for download in DOWNLOADS:
        resources.append({
            "name": download.name,
            "title": download.title,
            "type": "table",
            "path": download.csv,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"commentChar": COMMENT},
            "schema": _schema(download.header, download.csv, download.refers),
        })  # fmt: skip
    for path in json_files:
        resources.append({
            "name": f"{_name(path).replace('/', '-')}-json",
            "path": path,
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        })  # fmt: skip
    package: dict[str, Any] = {"$schema": PROFILE, "name": "rare-earths-reference"}
    if release is not None:
        package.update({
            "title": release.title,
            "description": release.abstract,
            "version": release.version,
            "created": f"{release.date.isoformat()}T00:00:00Z",
            "licenses": [{"name": release.licence, "path": release.licence_url, "title": release.licence_title}],
            "contributors": [{"title": author, "roles": ["creator"]} for author in release.authors],
        })  # fmt: skip
        if release.url:
            package["homepage"] = release.url
    package["sources"] = [_source(e.record) for e in catalog.sources]
    package["resources"] = resources
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


__all__ = ["COLUMNS", "COMMENT", "datapackage"]
