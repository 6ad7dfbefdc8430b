"""Citations: each format made from one CSL item and read back by a parser of that format, the processor's styles
against the processor run whole, and the real site's pages carrying their citation, tags and JSON-LD."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy

from ree_site.data.release import Release
from ree_site.render.citations import (
    STYLES,
    Cited,
    bibtex,
    cited,
    csl_item,
    csl_json,
    formatted,
    processed,
    ris,
)
from ree_site.render.page_citation import citation_block

from .conftest import ROOT

CSL_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
RELEASE = Release("Rare Earths Reference", "2026.12.06", dt.date(2026, 12, 6), "CC-BY-4.0", ("The editors",))
TITLES = [
    "Neodymium",
    "China's share of world mine production",
    "Terbium & dysprosium: <heavy> rare earths",
    "What are rare earths?",
    'The "magnet" question',
    "Recycling_of {magnets} 100% ~ #1 $ ^ \\",
]


def page(title: str, kind: str = "entry-encyclopedia", issued: dt.date | None = None) -> Cited:
    return cited(RELEASE, title, "https://example.org/a/b/?x=1&y=2", kind, key="ree-a-b", issued=issued)


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("kind", ["entry-encyclopedia", "dataset", "post-weblog", "webpage"])
@pytest.mark.parametrize("title", TITLES)
def test_each_style_is_the_processors_own_output(style: str, kind: str, title: str) -> None:
    """What a page shows is what citeproc-py gives for the page's item, whether formatted once per kind of page
    with markers or whole."""
    cite = page(title, kind)
    assert formatted(style, RELEASE, cite) == processed(style, csl_item(RELEASE, cite))


def test_chicago_capitalises_titles_and_prints_the_access_date_apa_the_version() -> None:
    chicago = formatted("chicago", RELEASE, page("China's share of world mine production"))
    assert "“China's Share of World Mine Production”" in chicago
    assert "Accessed December 6, 2026" in chicago
    assert "version 2026.12.06" in chicago
    apa = formatted("apa", RELEASE, page("China's share of world mine production"))
    assert apa.startswith(
        "The editors. (2026). China's share of world mine production. In <i>Rare Earths Reference</i>"
    )
    assert "(Version 2026.12.06)" in apa
    assert "https://example.org/a/b/?x=1&amp;y=2" in apa


def test_text_is_escaped_in_the_html_styles() -> None:
    for style in STYLES:
        text = formatted(style, RELEASE, page("Terbium & dysprosium: <heavy> rare earths"))
        assert "<heavy>" not in text
        assert "&lt;heavy&gt;" in text


@pytest.mark.parametrize("title", TITLES)
def test_bibtex_parses_back(title: str) -> None:
    item = csl_item(RELEASE, page(title, "post-weblog", dt.date(2026, 11, 27)))
    library = bibtexparser.parse_string(bibtex(item))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "misc"
    assert entry.key == "ree-a-b"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["url"] == item["URL"]
    assert fields["urldate"] == "2026-12-06"
    assert fields["version"] == "2026.12.06"
    assert fields["year"] == "2026"
    assert fields["month"] == "nov"
    assert fields["author"] == "{The editors}"
    # The title comes back as written once BibTeX's escapes are read (pylatexenc, bibtexparser's own dependency).
    from pylatexenc.latex2text import LatexNodes2Text

    # (pylatexenc reads \textasciicircum as the modifier letter U+02C6.)
    assert LatexNodes2Text().latex_to_text(fields["title"]).strip("{}").replace("\u02c6", "^") == title


@pytest.mark.parametrize("title", TITLES)
def test_ris_parses_back(title: str) -> None:
    item = csl_item(RELEASE, page(title, "dataset"))
    (entry,) = rispy.loads(ris(item))
    assert entry["type_of_reference"] == "DATA"
    assert entry["title"] == title
    assert entry["authors"] == ["The editors"]
    assert entry["edition"] == "2026.12.06"
    assert entry["urls"] == [item["URL"]]
    assert entry["access_date"] == "2026/12/06"
    assert entry["year"] == "2026"


@pytest.mark.parametrize("title", TITLES)
def test_csl_json_is_valid_against_the_csl_schema(title: str) -> None:
    data = json.loads(csl_json(csl_item(RELEASE, page(title))))
    jsonschema.validate(data, CSL_SCHEMA)
    assert data[0]["title"] == title
    assert data[0]["accessed"] == {"date-parts": [[2026, 12, 6]]}


def test_the_csl_schema_refuses_a_broken_item() -> None:
    """The schema check can fail: a made-up type and a date as plain numbers are refused."""
    item = csl_item(RELEASE, page("Neodymium"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**item, "type": "web page"}], CSL_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{**item, "issued": {"date-parts": [2026, 12, 6]}}], CSL_SCHEMA)


def test_the_block_marks_each_access_date_for_the_script() -> None:
    block = citation_block(RELEASE, page("Neodymium"))
    marked = re.findall(r'<span class="ree-accessed" data-ree-date="(\w+)">([^<]*)</span>', block)
    assert marked == [
        ("long", "December 6, 2026"),
        ("iso", "2026-12-06"),
        ("iso", "2026-12-06"),
        ("ris", "2026/12/06"),
        ("csl", "2026, 12, 6"),
    ]
    assert block.count("<dt>") == 5
    assert 'data-search-exclude="true"' in block


# --- The real site, built as published ---------------------------------------------------------------------------

SITE_URL = "https://example.org/atlas/"
HEAD = re.compile(r"<head>(.*?)</head>", re.DOTALL)
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
TAG = re.compile(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">')
# Material's search leaves the block out of its index, and takes the attribute that says so out of the page;
# Pagefind's stays.
BLOCK = re.compile(
    r'<details class="ree-cite"(?: data-search-exclude="true")? data-pagefind-ignore="all">(.*?)</details>', re.DOTALL
)
FIGURE_LINK = re.compile(
    r'<a class="ree-fig-cite" href="#(fig-\d+)" title="Cite this figure" data-pagefind-ignore>cite</a>'
)
FIGURE_CITE = re.compile(r'<li id="(fig-\d+)" value="\d+">(.*?)</li>')
ENTRY = re.compile(r"<dt>([^<]+)</dt>\s*<dd>(.*?)</dd>", re.DOTALL)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cited") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if result.returncode != 0:
        pytest.fail(f"the real site did not build:\n{result.stderr}")
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if not p.relative_to(site).parts[0].startswith("api"))


def head(path: Path) -> str:
    found = HEAD.search(path.read_text(encoding="utf-8"))
    assert found, path
    return found[1]


def jsonld(path: Path) -> dict:
    (text,) = JSONLD.findall(head(path))
    return json.loads(text)


def test_every_page_has_citation_tags_and_json_ld(published: Path) -> None:
    found = pages(published)
    assert len(found) > 100
    for path in found:
        where = path.relative_to(published).as_posix()
        tags: dict[str, list[str]] = {}
        for name, content in TAG.findall(head(path)):
            tags.setdefault(name, []).append(html.unescape(content))
        assert tags.get("citation_title", [""])[0].strip(), where
        assert tags["citation_author"] == ["Rare Earths Reference editors"], where
        assert tags["citation_publication_date"][0][:4] == "2026", where
        assert tags["citation_publisher"] == ["Rare Earths Reference"], where
        url = SITE_URL + path.parent.relative_to(published).as_posix() + "/"
        assert tags["citation_public_url"] == [url.replace("atlas/./", "atlas/")], where
        data = jsonld(path)
        assert data["@context"] == "https://schema.org", where
        assert data["@type"], where
        assert data["version"] == "2026.12.06", where
        assert data["license"] == "https://creativecommons.org/licenses/by/4.0/", where


EXPECTED_TYPES = {
    "elements/neodymium": "ChemicalSubstance",
    "producers/china": "Country",
    "producers/lynas": "Organization",
    "producers/mountain-pass": "Place",
    "issues/china-japan-2010": "Article",
    "elements": "CollectionPage",
    "concentration": "WebPage",
    "prices": "WebPage",
    "timeline": "WebPage",
    "downloads": "Dataset",
    "": "WebSite",
}


@pytest.mark.parametrize(("where", "kind"), EXPECTED_TYPES.items())
def test_json_ld_type_of_each_kind_of_page(published: Path, where: str, kind: str) -> None:
    path = published / where / "index.html"
    data = jsonld(path)
    assert data["@type"] == kind
    assert data["url"] == SITE_URL + (f"{where}/" if where else "")
    if kind in {"ChemicalSubstance", "Country", "Organization", "Place", "CollectionPage", "WebPage"}:
        assert data["name"]
        assert data["isPartOf"] == {"@type": "WebSite", "name": "Rare Earths Reference", "url": SITE_URL,
                                    "version": "2026.12.06"}  # fmt: skip
    if kind == "Article":
        assert data["headline"] and data["dateModified"]


def test_articles_are_blog_postings_with_their_date(published: Path) -> None:
    posts = sorted((published / "blog" / "posts").rglob("index.html")) or sorted(
        p for p in (published / "blog").rglob("index.html") if "ree-" in p.read_text() and "BlogPosting" in head(p)
    )
    assert posts
    for path in posts:
        data = jsonld(path)
        assert data["@type"] == "BlogPosting", path
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["datePublished"]), path
        assert data["headline"]


def test_the_downloads_dataset_lists_every_file(published: Path) -> None:
    from ree_site.build.project import Project
    from ree_site.build.settings import read_settings

    outcome = Project.from_settings(read_settings(ROOT / "mkdocs.yml")).run()
    files = sorted(p for p in outcome.exports if p.endswith((".csv", ".json")) and "/schema/" not in p)
    data = jsonld(published / "downloads" / "index.html")
    assert data["name"] and data["description"] and data["creator"]
    assert [d["contentUrl"] for d in data["distribution"]] == [SITE_URL + p for p in files]
    for item in data["distribution"]:
        assert item["encodingFormat"] == ("text/csv" if item["contentUrl"].endswith(".csv") else "application/json")
        assert (published / item["contentUrl"].removeprefix(SITE_URL)).is_file(), item
    start, end = data["temporalCoverage"].split("/")
    assert int(start) <= 1900 and int(end) >= 2024


CITED_PAGES = [
    "elements/neodymium", "producers/china", "issues/china-japan-2010", "elements", "producers", "issues",
    "sources", "concentration", "prices", "timeline", "downloads", "about", "",
]  # fmt: skip


@pytest.mark.parametrize("where", CITED_PAGES)
def test_pages_offer_five_formats_that_match_the_processor(published: Path, where: str) -> None:
    text = (published / where / "index.html").read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) == 1, "one 'Cite this page' block"
    entries = dict(ENTRY.findall(blocks[0]))
    assert list(entries) == [STYLES["apa"][0], STYLES["chicago"][0], "BibTeX", "RIS", "CSL-JSON"]
    plain = {name: html.unescape(re.sub(r"</?(?:span|pre|code)[^>]*>", "", body)) for name, body in entries.items()}
    (item,) = json.loads(plain["CSL-JSON"])
    jsonschema.validate([item], CSL_SCHEMA)
    assert item["URL"] == SITE_URL + (f"{where}/" if where else "")
    for style, (name, _) in STYLES.items():
        shown = re.sub(r"</?span[^>]*>", "", entries[name]).removeprefix("<p>").removesuffix("</p>")
        assert shown == processed(style, item), (where, style)
    (entry,) = bibtexparser.parse_string(plain["BibTeX"]).entries
    assert entry.fields_dict["url"].value == item["URL"]
    (record,) = rispy.loads(plain["RIS"])
    assert record["urls"] == [item["URL"]]


def test_every_article_offers_its_citation(published: Path) -> None:
    posts = [p for p in (published / "blog").rglob("index.html") if "BlogPosting" in head(p)]
    assert posts
    for path in posts:
        (block,) = BLOCK.findall(path.read_text(encoding="utf-8"))
        assert "post-weblog" in block, path


@pytest.mark.parametrize("where", ["producers/china", "producers/mountain-pass", "elements/neodymium"])
def test_each_figure_links_to_its_own_citation_naming_site_and_source(published: Path, where: str) -> None:
    from ree_site import build_catalog

    catalog = build_catalog(ROOT / "data")
    kind, record_id = where.split("/")
    entry = catalog.get(kind.removesuffix("s"), record_id)
    text = (published / where / "index.html").read_text(encoding="utf-8")
    links = FIGURE_LINK.findall(text)
    cites = dict(FIGURE_CITE.findall(text))
    shown = [f for f in entry.record.figures if kind == "producers" or f.measure == "price"]
    assert links and sorted(links) == sorted(cites), "every row's link has its citation, and no citation is unlinked"
    assert len(links) <= len(shown)
    sources = {catalog.get("source", f.source).record.url for f in shown}
    for anchor, citation in cites.items():
        plain = html.unescape(citation)
        assert plain.startswith("Rare Earths Reference editors. (2026). " + entry.record.name + ": "), anchor
        assert "(Version 2026.12.06)" in plain, anchor
        assert f"{SITE_URL}{where}/#{anchor}." in plain, anchor
        original = plain.split(" Original source: ", 1)[1]
        assert re.match(r".+ \((\d{4}|n\.d\.)\)\. .+\. https?://", original), anchor
        assert original.rsplit(". ", 1)[1] in sources, anchor
