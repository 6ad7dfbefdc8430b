"""The downloads: every collection as JSON and CSV, and the JSON Schema of each kind."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from .pages import record_url
from .schema import schema_files
from .vocabulary import FOLDERS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .catalog import Catalog
    from .loading import Entry
    from .models import Record
    from .parts import Figure


def record_json(entry: Entry[Record]) -> dict[str, Any]:
    """A record as in its YAML file (every field, defaults included), with ``id``, ``url`` and ``cites``."""
    data = entry.record.model_dump(mode="json", exclude={"id"})
    cites = sorted({target for _, kind, target in entry.record.references() if kind == "source"})
    return {"id": entry.id, "url": record_url(entry.kind, entry.id), **data, "cites": cites}


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


def _num(value: float | None) -> float | int | None:
    """2100.0 -> 2100: whole numbers without a trailing .0, as the sources print them."""
    return int(value) if value is not None and float(value).is_integer() else value


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def export_files(catalog: Catalog) -> dict[str, str]:
    """Path under the site (``api/elements.json``, ...) -> file content."""
    files: dict[str, str] = {}
    collections: dict[str, Sequence[Entry[Record]]] = {
        "element": catalog.elements,
        "producer": catalog.producers,
        "issue": catalog.issues,
        "source": catalog.sources,
    }
    for kind, entries in collections.items():
        array = [record_json(e) for e in entries]
        # Compact JSON: json's C encoder only runs without indent, and the files are for programs.
        files[f"api/{FOLDERS[kind]}.json"] = json.dumps(array, ensure_ascii=False, separators=(",", ":")) + "\n"

    elements = [(e, e.record) for e in catalog.elements]
    files["api/elements.csv"] = _csv(
        ["id", "name", "symbol", "atomic_number", "atomic_weight", "group", "discovery_year", "discovered_by", "url"],
        (
            [e.id, r.name, r.symbol, r.atomic_number, r.atomic_weight.value, r.group.value, r.discovery.year,
             _joined(r.discovery.by), record_url("element", e.id)]
            for e, r in elements
        ),
    )  # fmt: skip
    producers = [(e, e.record) for e in catalog.producers]
    files["api/producers.csv"] = _csv(
        ["id", "name", "kind", "country", "parent", "stages", "elements", "url"],
        (
            [e.id, r.name, r.kind, r.country, r.parent, _joined(r.stages), _joined(r.elements),
             record_url("producer", e.id)]
            for e, r in producers
        ),
    )  # fmt: skip
    files["api/figures.csv"] = _csv(
        [
            "producer",
            "measure",
            "element",
            "elements",
            "product",
            "partner",
            "from_year",
            "year",
            "value",
            "high",
            "qualifier",
            "unit",
            "basis",
            "estimated",
            "alternative",
            "edition",
            "source",
            "note",
        ],
        (
            [
                e.id,
                f.measure,
                f.element,
                _joined(f.elements),
                f.product,
                f.partner,
                f.from_year,
                f.year,
                f.value,
                f.high,
                f.qualifier,
                f.unit,
                f.basis,
                f.estimated,
                f.alternative,
                f.edition,
                f.source,
                f.note,
            ]
            for e, r in producers
            for f in r.figures
        ),
    )
    titles = {e.id: e.record.title for e in catalog.sources}

    def edition(figure: Figure) -> str:
        return figure.edition or titles.get(figure.source, figure.source)

    files["api/production-by-country.csv"] = _csv(
        ["country", "year", "value", "unit", "source", "edition", "estimated", "alternative", "producer", "note"],
        (
            [r.name, f.year, _num(f.value), f.unit, f.source, edition(f), f.estimated, f.alternative, e.id, f.note]
            for e, r in sorted(producers, key=lambda p: (p[1].aggregate is not None, p[1].name))
            if r.kind == "country"
            for f in sorted(r.figures, key=lambda f: f.year)
            if f.measure == "mine-production" and f.element is None and f.product is None
        ),
    )
    files["api/prices.csv"] = _csv(
        [
            "element",
            "product",
            "year",
            "value",
            "high",
            "unit",
            "basis",
            "estimated",
            "alternative",
            "source",
            "edition",
        ],
        (
            [
                e.id,
                f.product,
                f.year,
                _num(f.value),
                _num(f.high),
                f.unit,
                f.basis,
                f.estimated,
                f.alternative,
                f.source,
                edition(f),
            ]
            for e in catalog.elements
            for f in sorted(e.record.figures, key=lambda f: (f.product or "", f.year))
            if f.measure == "price"
        ),
    )
    issues = [(e, e.record) for e in catalog.issues]
    files["api/issues.csv"] = _csv(
        ["id", "title", "category", "status", "elements", "producers", "url"],
        (
            [e.id, r.title, r.category, r.status, _joined(r.elements), _joined(r.producers), record_url("issue", e.id)]
            for e, r in issues
        ),
    )
    files["api/events.csv"] = _csv(
        ["issue", "date", "title", "text", "source"],
        ([e.id, v.date, v.title, v.text, v.source] for e, r in issues for v in r.events),
    )
    sources = [(e, e.record) for e in catalog.sources]
    files["api/sources.csv"] = _csv(
        ["id", "title", "publisher", "year", "url", "page"],
        ([e.id, r.title, r.publisher, r.year, r.url, record_url("source", e.id)] for e, r in sources),
    )
    for name, text in schema_files().items():
        files[f"api/schema/{name}"] = text
    return files
