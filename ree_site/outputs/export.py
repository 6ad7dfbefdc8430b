"""The downloads: every collection as JSON and CSV, and the JSON Schema of each kind.

:func:`export_files` writes the files of every table of :data:`ree_site.link.tables.DOWNLOADS`, and the JSON file and
JSON Schema of each kind of record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..data.schema import schema_files
from ..link.pages import record_url
from ..link.tables import DOWNLOADS, records_of

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


def _csv(header: Iterable[str], rows: Iterable[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


def export_files(catalog: Catalog, release: Release | None = None) -> dict[str, str]:
    """Path under the site (``api/elements.json``, ...) -> file content, for every file of :data:`DOWNLOADS`."""
    files: dict[str, str] = {}
    for download in DOWNLOADS:
        if download.kind is not None:
            array = [record_json(e) for e in records_of(catalog, download.kind)]
            # Compact JSON: json's C encoder only runs without indent, and the files are for programs.
            files[f"api/{download.json}"] = json.dumps(array, ensure_ascii=False, separators=(",", ":")) + "\n"
    for download in DOWNLOADS:
        files[f"api/{download.csv}"] = _csv(download.header, download.rows(catalog))
    for name, text in schema_files().items():
        files[f"api/schema/{name}"] = text
    return files
