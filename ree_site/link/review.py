"""What is due for review: records not checked against their sources for a year, and records that cite a source
of which a newer edition is in the data (``usgs-mcs-2025-rare-earths`` when ``usgs-mcs-2026-rare-earths`` exists).
A report for editors (``ree-site review``), not a problem: nothing here stops a build."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:
    from .catalog import Catalog

#: How old a review may be before the report lists it.
STALE_AFTER = dt.timedelta(days=365)
_YEAR = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?![0-9])")


def newer_editions(catalog: Catalog) -> dict[str, str]:
    """Source id -> the id of its newest edition in the data, for sources whose id differs from another's only
    by a later year."""
    series: dict[str, list[tuple[int, str]]] = {}
    for entry in catalog.sources:
        for found in _YEAR.finditer(entry.id):
            pattern = entry.id[: found.start()] + "{year}" + entry.id[found.end() :]
            series.setdefault(pattern, []).append((int(found.group()), entry.id))
    newest: dict[str, str] = {}
    for members in series.values():
        if len(members) > 1:
            latest = max(members)
            for year, source_id in members:
                if year < latest[0]:
                    newest[source_id] = latest[1]
    return newest


def due_for_review(catalog: Catalog, today: dt.date | None = None) -> list[Problem]:
    """Each record due for review, at its ``reviewed`` field, with why."""
    today = today or dt.date.today()
    newer = newer_editions(catalog)
    found = []
    for entry in catalog.entries.values():
        record = entry.record
        reasons = []
        if today - record.reviewed > STALE_AFTER:
            reasons.append(f"last reviewed {record.reviewed}, over a year ago")
        cited = sorted({target for _, kind, target in record.references() if kind == "source"})
        for source_id in cited:
            if source_id in newer:
                reasons.append(f"cites {source_id!r}, of which a newer edition is in the data: {newer[source_id]!r}")
        if reasons:
            found.append(entry.document.problem(("reviewed",), "reviewed", "; ".join(reasons)))
    return sorted(found)


__all__ = ["STALE_AFTER", "due_for_review", "newer_editions"]
