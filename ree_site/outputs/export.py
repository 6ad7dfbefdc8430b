"""The downloads: every collection as JSON and CSV, each record as JSON, the JSON Schema of each kind, and the data
package that describes them, all under ``downloads/``.

:func:`export_files` writes the files of every table of :data:`ree_site.link.tables.DOWNLOADS`, the JSON file and
JSON Schema of each kind of record, one JSON file per record (``downloads/records/elements/neodymium.json``, with
each figure's source spelled out), ``datapackage.json``, and the site's ``llms.txt``. Every file carries the
release and the licence: a first line of notice in a CSV file (``#``, which the data package declares as the
comment character), a ``release`` object in a JSON file, a ``$comment`` in a schema.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..data.schema import schema_files
from ..data.vocabulary import FOLDERS
from ..link.pages import record_url
from ..link.tables import DOWNLOADS, DOWNLOADS_DIR, records_of
from .datapackage import COMMENT, datapackage
from .llms import llms_txt

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Record
    from ..data.release import Release
    from ..link.catalog import Catalog


def record_json(entry: Entry[Record]) -> dict[str, Any]:
    """A record as in its YAML file (every field, defaults included), with ``id``, ``url`` and ``cites``."""
    data = entry.record.model_dump(mode="json", exclude={"id"})
    cites = sorted({target for _, kind, target in entry.record.references() if kind == "source"})
    return {"id": entry.id, "url": record_url(entry.kind, entry.id), **data, "cites": cites}


def notice(release: Release | None) -> str:
    """The one line every download carries: what it is, its version and its licence."""
    if release is None:
        return "Rare-earth data: credit the source each value names."
    return (
        f"{release.title}, version {release.version} ({release.date.isoformat()}). Licence: {release.short_licence} "
        f"({release.licence_url}). Credit the site and the source each value names."
    )


def release_json(release: Release | None) -> dict[str, Any]:
    """The ``release`` object at the head of every JSON download."""
    found: dict[str, Any] = {"notice": notice(release)}
    if release is not None:
        found.update(
            title=release.title,
            version=release.version,
            date=release.date.isoformat(),
            licence={"id": release.licence, "title": release.licence_title, "url": release.licence_url},
        )
    return found


def _csv(header: Iterable[str], rows: Iterable[list[Any]], first: str) -> str:
    out = io.StringIO()
    out.write(f"{COMMENT} {first}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


def _json(value: Any) -> str:
    # Compact JSON: json's C encoder only runs without indent, and the files are for programs.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def _with_sources(value: Any, sources: dict[str, dict[str, Any]]) -> Any:
    """``value`` with every ``"source": "id"`` replaced by the source itself (id, title, publisher, year, url)."""
    if isinstance(value, dict):
        return {
            k: sources.get(v, v) if k == "source" and isinstance(v, str) else _with_sources(v, sources)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_with_sources(v, sources) for v in value]
    return value


def export_files(catalog: Catalog, release: Release | None = None) -> dict[str, str]:
    """Path under the site (``downloads/elements.json``, ...) -> file content, for every download."""
    files: dict[str, str] = {}
    head = release_json(release)
    first = notice(release)
    json_files: list[str] = []
    for download in DOWNLOADS:
        if download.kind is not None and download.json is not None:
            array = [record_json(e) for e in records_of(catalog, download.kind)]
            files[f"{DOWNLOADS_DIR}/{download.json}"] = _json({"release": head, "records": array})
            json_files.append(download.json)
    sources = {
        e.id: {"id": e.id, "title": r.title, "publisher": r.publisher, "year": r.year, "url": r.url}
        for e, r in ((e, e.record) for e in catalog.sources)
    }
    for download in DOWNLOADS:
        files[f"{DOWNLOADS_DIR}/{download.csv}"] = _csv(download.header, download.rows(catalog), first)
        if download.rows_json is not None:
            rows = [dict(zip(download.header, row, strict=True)) for row in download.rows(catalog)]
            files[f"{DOWNLOADS_DIR}/{download.rows_json}"] = _json(
                {"release": head, "rows": _with_sources(rows, sources)}
            )
            json_files.append(download.rows_json)
    for name, text in schema_files().items():
        schema = json.loads(text)
        files[f"{DOWNLOADS_DIR}/schema/{name}"] = (
            json.dumps({"$comment": first, **schema}, indent=2, ensure_ascii=False) + "\n"
        )
    for entry in catalog.entries.values():
        data = _with_sources(record_json(entry), sources) if entry.kind != "source" else record_json(entry)
        files[record_json_path(entry.kind, entry.id)] = _json({"release": head, "record": data})
    files[f"{DOWNLOADS_DIR}/datapackage.json"] = datapackage(catalog, release, json_files)
    files["llms.txt"] = llms_txt(catalog, release)
    return files


def record_json_path(kind: str, record_id: str) -> str:
    """Where a record's own JSON file is, under the site (``downloads/records/elements/neodymium.json``)."""
    return f"{DOWNLOADS_DIR}/records/{FOLDERS[kind]}/{record_id}.json"


__all__ = ["export_files", "notice", "record_json", "record_json_path", "release_json"]
