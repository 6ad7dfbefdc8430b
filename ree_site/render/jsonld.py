"""schema.org JSON-LD for each page: what search engines and dataset search read of it.

Records take the type of what they describe (an element a ``ChemicalSubstance``, a country a ``Country``, a
company an ``Organization``, a mine or refinery a ``Place``, an issue an ``Article``), the downloads page is the
``Dataset`` with every file as a ``DataDownload``, the other views and the indexes are ``WebPage`` and
``CollectionPage``, articles are ``BlogPosting``. Every page names the site, its version and its licence.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..data.models import Element, Issue, Producer

if TYPE_CHECKING:
    from ..data.loading import Entry
    from ..data.models import Record
    from ..data.release import Release
    from ..link.catalog import Catalog

#: The schema.org type of each kind of producer.
PRODUCER_TYPES = {
    "country": "Country",
    "company": "Organization",
    "magnet-maker": "Organization",
    "mine": "Place",
    "refinery": "Place",
}

#: Media types of the downloads, by extension.
MEDIA_TYPES = {".csv": "text/csv", ".json": "application/json"}


@dataclass(frozen=True)
class Described:
    """A page as its JSON-LD describes it."""

    #: ``record``, ``index``, ``view``, ``downloads``, ``article``, ``home`` or ``page``.
    role: str
    title: str
    url: str
    description: str = ""
    published: dt.date | None = None
    entry: Entry[Record] | None = None


def _site(release: Release, home: str) -> dict[str, Any]:
    return {"@type": "WebSite", "name": release.title, "url": home, "version": release.version}


def _creators(release: Release) -> list[dict[str, Any]]:
    return [{"@type": "Organization", "name": name} for name in release.authors]


def _years(catalog: Catalog) -> tuple[int, int] | None:
    years = [
        year
        for entry in catalog.entries.values()
        for figure in getattr(entry.record, "figures", None) or ()
        for year in (getattr(figure, "from_year", None), figure.year)
        if isinstance(year, int)
    ]
    return (min(years), max(years)) if years else None


def distribution(downloads: Sequence[str], base: str) -> list[dict[str, Any]]:
    """Each CSV and JSON download (not the JSON Schemas) as a schema.org ``DataDownload``."""
    found = []
    for path in sorted(downloads):
        extension = posixpath.splitext(path)[1]
        if extension not in MEDIA_TYPES or "/schema/" in f"/{path}":
            continue
        found.append({
            "@type": "DataDownload",
            "name": posixpath.basename(path),
            "encodingFormat": MEDIA_TYPES[extension],
            "contentUrl": base + path,
        })  # fmt: skip
    return found


def _record(entry: Entry[Record]) -> dict[str, Any]:
    record = entry.record
    if isinstance(record, Element):
        return {"@type": "ChemicalSubstance", "alternateName": record.symbol}
    if isinstance(record, Producer):
        typed: dict[str, Any] = {"@type": PRODUCER_TYPES.get(record.kind, "Organization")}
        if record.kind != "country":
            typed["location" if typed["@type"] != "Place" else "containedInPlace"] = {
                "@type": "Country", "name": record.country,
            }  # fmt: skip
        return typed
    if isinstance(record, Issue):
        return {"@type": "Article", "dateModified": record.reviewed.isoformat()}
    return {"@type": "Thing"}


def page_jsonld(
    release: Release, page: Described, base: str, catalog: Catalog | None, downloads: Sequence[str]
) -> dict[str, Any]:
    """The page's JSON-LD object. ``base`` is the site's address with its final slash (or "/" when the build
    names none), which the downloads' addresses are made from."""
    data: dict[str, Any] = {"@context": "https://schema.org"}
    licence = release.licence_url
    common = {
        "url": page.url,
        "version": release.version,
        "license": licence,
        "isPartOf": _site(release, base),
        "creator": _creators(release),
        "publisher": _creators(release)[0],
    }
    if page.role == "record" and page.entry is not None:
        data.update(_record(page.entry))
        name_key = "headline" if data["@type"] == "Article" else "name"
        data[name_key] = page.title
        if data["@type"] == "Article":
            data["name"] = page.title
            data["author"] = _creators(release)
        data.update(common)
    elif page.role == "downloads":
        data.update({"@type": "Dataset", "name": f"{release.title}: the data", **common})
        data["description"] = page.description or release.abstract or release.title
        data["datePublished"] = release.date.isoformat()
        years = _years(catalog) if catalog is not None else None
        if years is not None:
            data["temporalCoverage"] = f"{years[0]}/{years[1]}"
        data["distribution"] = distribution(downloads, base)
        data["isAccessibleForFree"] = True
        return data
    elif page.role == "article":
        data.update({"@type": "BlogPosting", "headline": page.title, "name": page.title, **common})
        data["author"] = _creators(release)
        if page.published is not None:
            data["datePublished"] = page.published.isoformat()
    elif page.role == "home":
        data.update({"@type": "WebSite", "name": release.title, "url": page.url, "version": release.version,
                     "license": licence, "creator": _creators(release)})  # fmt: skip
    else:
        kind = "CollectionPage" if page.role == "index" else "WebPage"
        data.update({"@type": kind, "name": page.title, **common})
    if page.description:
        data["description"] = page.description
    data.setdefault("dateModified", release.date.isoformat())
    return data


__all__ = ["MEDIA_TYPES", "PRODUCER_TYPES", "Described", "distribution", "page_jsonld"]
