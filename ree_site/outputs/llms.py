"""``llms.txt`` at the site's root: the site for a program that reads it, in the llmstxt.org format.

A title, a one-paragraph summary, then sections of links: the views, each collection's records (each page with its
own JSON file, whose figures name their sources in full), the downloads and data package, and the pages a reader
of the whole site may skip. Links are relative to the site's root, where the file is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..data.vocabulary import FOLDERS
from ..link.catalog import title_of
from ..link.pages import PAGED_KINDS, VIEW_PAGES, record_url
from ..link.tables import DOWNLOADS, DOWNLOADS_DIR

if TYPE_CHECKING:
    from ..data.release import Release
    from ..link.catalog import Catalog

#: What each view answers, for the file's list of views.
VIEW_TEXTS: dict[str, str] = {
    "concentration": "who mines rare earths, each country's share of world mine production by year, and the "
    "concentration of supply (Herfindahl-Hirschman index)",
    "supply-chain": "each country's share of world output at each stage from mine to magnet, the concentration if "
    "one country's supply stopped, and the capacity of plants outside the largest producer by stage and status",
    "prices": "prices of rare-earth oxides and metals by product and year, with their units and bases",
    "trade": "China's exports and imports of rare earths and magnets by product, partner, year and month, with the "
    "export-control dates",
    "map": "a world map of mine production and reserves by country, with the sites of mines, refineries and magnet "
    "plants",
    "timeline": "dated events of every supply-chain issue, in order",
    "downloads": "every collection as CSV and JSON, the JSON Schemas and the data package",
}

_COLLECTIONS = (("element", "Elements"), ("producer", "Producers"), ("issue", "Issues"))


def _link(title: str, url: str, text: str = "") -> str:
    title = title.replace("[", "(").replace("]", ")")
    return f"- [{title}]({url.lstrip('/')})" + (f": {text}" if text else "")


def llms_txt(catalog: Catalog, release: Release | None) -> str:
    """The text of ``llms.txt``."""
    title = release.title if release is not None else "Rare earths"
    lines = [f"# {title}", ""]
    summary = release.abstract if release is not None and release.abstract else "Sourced facts on rare earths."
    lines += [f"> {summary}", ""]
    if release is not None:
        lines += [
            f"Version {release.version} ({release.date.isoformat()}), under {release.short_licence} "
            f"({release.licence_url}): credit the site and the source each figure names. Every figure states its "
            "source, year and unit; each record's JSON file spells out the source of every figure.",
            "",
        ]
    lines += ["## Views", ""]
    for view, page in VIEW_PAGES.items():
        lines.append(_link(view.capitalize(), page.removesuffix(".md") + "/", VIEW_TEXTS.get(view, "")))
    lines.append("")
    for kind, heading in _COLLECTIONS:
        if kind not in PAGED_KINDS:
            continue
        lines += [f"## {heading}", ""]
        for entry in getattr(catalog, FOLDERS[kind]):
            json_file = f"{DOWNLOADS_DIR}/records/{FOLDERS[kind]}/{entry.id}.json"
            lines.append(_link(title_of(entry), record_url(kind, entry.id), f"[JSON]({json_file})"))
        lines.append("")
    lines += ["## Downloads", ""]
    lines.append(_link("Data package", f"{DOWNLOADS_DIR}/datapackage.json",
                       "Frictionless Data Package v2: every CSV file with its column types and keys"))  # fmt: skip
    for download in DOWNLOADS:
        lines.append(_link(download.csv, f"{DOWNLOADS_DIR}/{download.csv}", download.title))
        if download.json:
            lines.append(_link(download.json, f"{DOWNLOADS_DIR}/{download.json}", download.title + " as JSON"))
    lines += ["", "## Optional", ""]
    lines.append(_link("Sources", "sources/", f"the {len(catalog.sources)} publications the figures come from"))
    lines.append(_link("Glossary", "glossary/", "the terms the site uses"))
    lines.append(_link("Methodology", "methodology/", "how figures are chosen and computed"))
    lines.append(_link("About", "about/", "what the site is, its licence and credits"))
    return "\n".join(lines) + "\n"


__all__ = ["llms_txt"]
