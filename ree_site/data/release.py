"""The release the site is built as: its title, version, date, licence and editors, read from ``CITATION.cff``.

The repository's ``CITATION.cff`` (Citation File Format 1.2) is the one place that says which version this is:
every page's footer, every download, the data package and the citations take the version, date and licence from
it. An editor who makes a release changes ``version`` and ``date-released`` there and adds the release to the
changelog page. A project without the file builds as before, with no version or licence line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataError, Problem
from .discovery import display_path
from .yamlfile import YamlDocument, load_yaml

#: The file that names the release, at the project's root.
CITATION_FILE = "CITATION.cff"

#: The licences a release may name (SPDX identifiers), with their titles and deeds.
LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": (
        "Creative Commons Attribution-ShareAlike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    "CC0-1.0": ("Creative Commons Zero 1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

#: A date-based version: 2026.12.06, with an optional .N for a second release on one day.
VERSION = re.compile(r"^\d{4}\.\d{2}\.\d{2}(\.\d+)?$")


@dataclass(frozen=True)
class Release:
    """What ``CITATION.cff`` says of the release."""

    title: str
    version: str
    date: dt.date
    #: SPDX identifier (``CC-BY-4.0``).
    licence: str
    #: The editors, each as the file names them (an entity's name, or "Given Family").
    authors: tuple[str, ...]
    abstract: str = ""
    url: str = ""
    repository: str = ""

    @property
    def licence_title(self) -> str:
        return LICENCES[self.licence][0]

    @property
    def licence_url(self) -> str:
        return LICENCES[self.licence][1]

    @property
    def short_licence(self) -> str:
        """``CC BY 4.0``, as a footer names it."""
        return self.licence.replace("-", " ")

    def as_dict(self) -> dict[str, Any]:
        """The release as plain values, for templates and JSON."""
        return {
            "title": self.title,
            "version": self.version,
            "date": self.date.isoformat(),
            "date_text": f"{self.date.day} {self.date:%B %Y}",
            "licence": self.licence,
            "licence_title": self.licence_title,
            "licence_url": self.licence_url,
            "short_licence": self.short_licence,
            "authors": list(self.authors),
            "abstract": self.abstract,
            "url": self.url,
            "repository": self.repository,
        }


def _author(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("name"), str) and value["name"].strip():
        return str(value["name"]).strip()
    parts = [value.get("given-names"), value.get("name-particle"), value.get("family-names")]
    name = " ".join(str(p).strip() for p in parts if isinstance(p, str) and p.strip())
    return name or None


def read_release(root: Path) -> Release | None:
    """The release of the project at ``root``; None without a ``CITATION.cff``.

    Raises :class:`DataError` with a problem at its line for a file the site cannot use.
    """
    path = root / CITATION_FILE
    if not path.is_file():
        return None
    return release_of(load_yaml(path, display_path(path, root)))


def release_of(document: YamlDocument) -> Release:
    """The release a ``CITATION.cff`` read as ``document`` names (the file as it is, or as an old commit had it).

    Raises :class:`DataError` with a problem at its line for a file the site cannot use.
    """
    data = document.data
    problems: list[Problem] = []

    def need(key: str, message: str) -> None:
        problems.append(document.problem((key,), key, message))

    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        need("title", "required: the name citations give the site")
    version = data.get("version")
    version = str(version) if isinstance(version, (str, int, float)) else None
    if version is None or not VERSION.match(version):
        need("version", f"{version!r} is not a date-based version such as 2026.12.06 (quote it: '2026.12.06')")
    released = data.get("date-released")
    if isinstance(released, str):
        try:
            released = dt.date.fromisoformat(released)
        except ValueError:
            released = None
    if not isinstance(released, dt.date):
        need("date-released", "required: the release's date, as 2026-12-06")
    elif version is not None and VERSION.match(version) and version[:10] != released.strftime("%Y.%m.%d"):
        need("date-released", f"{released.isoformat()} is not the date version {version} names")
    licence = data.get("license")
    if licence not in LICENCES:
        need("license", f"{licence!r} is not one of {', '.join(LICENCES)}")
    raw_authors = data.get("authors")
    authors = [_author(a) for a in raw_authors] if isinstance(raw_authors, list) else []
    if not authors or any(a is None for a in authors):
        need("authors", "required: a list of editors, each with a name (or given-names and family-names)")
    if problems:
        raise DataError(problems)
    assert isinstance(title, str)
    assert isinstance(version, str)
    assert isinstance(released, dt.date)
    return Release(
        title=title.strip(),
        version=version,
        date=released,
        licence=str(licence),
        authors=tuple(a for a in authors if a),
        abstract=" ".join(str(data.get("abstract") or "").split()),
        url=str(data.get("url") or ""),
        repository=str(data.get("repository-code") or ""),
    )


__all__ = ["CITATION_FILE", "LICENCES", "Release", "read_release", "release_of"]
