"""The real site, built with --strict into a temporary folder: pages exist and nothing loads from elsewhere."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ree_site.data.discovery import data_files

from .conftest import ROOT

ELEMENT_IDS = [p.stem for p in data_files(ROOT / "data", "elements")]
# Any attribute or CSS url() that would make the browser fetch from another host (a canonical link does not).
EXTERNAL_FETCH = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon|manifest))"""
    r"""[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def site(real_site: Path) -> Path:
    return real_site


def test_seventeen_element_pages(site: Path) -> None:
    assert len(ELEMENT_IDS) == 17
    for element_id in ELEMENT_IDS:
        page = site / "elements" / element_id / "index.html"
        assert page.is_file(), f"no page for {element_id}"
        assert "Standard atomic weight" in page.read_text(), element_id


def test_collection_indexes(site: Path) -> None:
    elements = (site / "elements" / "index.html").read_text()
    for element_id in ELEMENT_IDS:
        assert f'href="{element_id}/"' in elements, element_id
    for collection in ("producers", "issues", "sources"):
        assert (site / collection / "index.html").is_file(), collection


def test_search_index_covers_the_records(site: Path) -> None:
    """Pagefind's index holds every record page and every glossary term, and no page is downloaded whole: the
    theme's own index, which every page fetched, is not linked from any page."""
    import gzip

    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment["meta"].get("url") or fragment["url"]] = fragment["meta"]
    for element_id in ELEMENT_IDS:
        assert f"/elements/{element_id}/" in found, element_id
    assert found["/elements/neodymium/"]["title"] == "Neodymium (Nd)"
    assert found["/glossary/#net-import-reliance"]["title"] == "Net import reliance"
    assert "/tags/" not in found
    settings = json.loads((site / "pagefind" / "ree-search.json").read_text())
    assert {"neodymium", "lynas", "monazite"} <= set(settings["vocabulary"])
    home = (site / "index.html").read_text()
    assert "search_index.json" not in home and 'name="search"' not in home


def test_no_page_fetches_from_another_host(site: Path) -> None:
    offenders = []
    for page in site.rglob("*.html"):
        for match in EXTERNAL_FETCH.finditer(page.read_text()):
            offenders.append(f"{page.relative_to(site)}: {match.group()}")
    for sheet in site.rglob("*.css"):
        for match in EXTERNAL_FETCH.finditer(sheet.read_text()):
            offenders.append(f"{sheet.relative_to(site)}: {match.group()}")
    assert offenders == []


def test_no_repository_link_or_edit_pencil_without_repo_url(site: Path) -> None:
    """REPO_URL is unset in the tests: no page names a repository or points an edit pencil at one (the build with
    a repository is tests/test_build.py's, which checks the edit links of generated pages)."""
    for path in ("index.html", "elements/neodymium/index.html", "glossary/index.html"):
        page = (site / path).read_text()
        assert 'class="md-source"' not in page, path
        assert "md-content__button" not in page, path
        assert "github.com" not in page, path


@pytest.mark.parametrize(
    ("html", "fetches"),
    [
        ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', True),
        ("<script src='//cdn.example.org/x.js'></script>", True),
        ('<img alt="" src="https://example.org/a.png">', True),
        ("body { background: url( 'https://example.org/bg.png') }", True),
        ('<link rel="canonical" href="https://example.org/page/">', False),
        ('<a href="https://pubs.usgs.gov/">USGS</a>', False),
        ('<script src="../assets/javascripts/bundle.js"></script>', False),
    ],
)
def test_external_fetch_pattern(html: str, fetches: bool) -> None:
    assert bool(EXTERNAL_FETCH.search(html)) is fetches


def _editor_notes(value: object, where: str) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        found = [(where, value["editor_note"])] if value.get("editor_note") else []
        return found + [n for k, v in value.items() for n in _editor_notes(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _editor_notes(v, f"{where}[{i}]")]
    return []


def test_no_editor_note_is_printed_on_any_page(site: Path) -> None:
    """Every editor_note of the real data (over a hundred) is absent from every built page, and each is in the
    JSON downloads; a failure names the record and the field."""
    from ree_site import build_catalog

    catalog = build_catalog(ROOT / "data")
    notes = [n for e in catalog.entries.values() for n in _editor_notes(e.record.model_dump(), f"{e.kind}s/{e.id}")]
    assert len(notes) > 100
    pages = " ".join(
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text())).split()) for page in site.rglob("*.html")
    )
    kept = {
        note for p in (site / "downloads").glob("*.json") for _, note in _editor_notes(json.loads(p.read_text()), "")
    }
    printed = [where for where, note in notes if " ".join(note.split())[:60] in pages]
    assert printed == [], "editor notes printed on a page: " + ", ".join(printed)
    escaped = [where for where, note in notes if note not in kept]
    assert escaped == [], "editor notes missing from the downloads: " + ", ".join(escaped)


def test_no_table_or_attribute_is_printed_as_text(site: Path) -> None:
    """Markdown table syntax left as text (a header row the data filter escaped) and attributes run together
    (``"published-2026"open``) are what a template gives when markup goes through the data filter."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if re.search(r"<p>\|[^<]*\|---", html) or re.search(r'<[a-z][^<>]*="[^"<>]*"[a-z]', html):
            broken.append(page.relative_to(site).as_posix())
    assert broken == []
    reliance = (site / "elements" / "neodymium" / "index.html").read_text(encoding="utf-8")
    assert "<th>Other editions</th>" in reliance


def test_a_country_page_lists_the_producers_located_in_it(site: Path) -> None:
    china = (site / "producers" / "china" / "index.html").read_text(encoding="utf-8")
    section = china.split('id="producers-in-china"', 1)[1].split("<h2", 1)[0]
    assert "Bayan Obo" in section and "(mine)" in section and "China Rare Earth Group" in section
    assert "Lynas" not in section  # a company of another country


def test_a_site_page_and_the_map_say_where_the_site_is(site: Path) -> None:
    mine = (site / "producers" / "bayan-obo" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<tr>\s*<td>Place</td>\s*<td>Inner Mongolia</td>\s*</tr>", mine)
    company = (site / "producers" / "china-northern-rare-earth" / "index.html").read_text(encoding="utf-8")
    assert "<td>Place</td>" not in company  # a company has no place of its own
    sites = (site / "map" / "index.html").read_text(encoding="utf-8").split('id="sites"', 1)[1]
    assert re.search(r">Bayan Obo</a></td>\s*<td>Mine</td>\s*<td>Inner Mongolia, China</td>", sites)
    assert re.search(r">Tanbreez project</a></td>\s*<td>Mine</td>\s*<td>Greenland</td>", sites)  # no place recorded


def test_frictionless_validate_passes_on_the_built_data_package(real_site: Path) -> None:
    """The issue's own check: `frictionless validate` on the datapackage.json of the built site."""
    command = [str(Path(sys.executable).with_name("frictionless")), "validate", "datapackage.json"]
    result = subprocess.run(command, cwd=real_site / "downloads", capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "INVALID" not in result.stdout


def test_an_element_page_says_who_supplies_it_at_each_stage(site: Path) -> None:
    """Neodymium's page: the EU study's mining shares for neodymium itself, linked to each country, and a sentence
    for metal making, which no source on the site gives shares for."""
    page = (site / "elements" / "neodymium" / "index.html").read_text()
    section = page.split('id="who-supplies-it-from-mine-to-magnet"', 1)[1].split("<h2", 1)[0]
    mining = re.search(r"<tr>\s*<td>Mining</td>\s*<td>(.*?)</td>\s*</tr>", section, re.DOTALL)
    assert mining, section[:2000]
    assert re.search(
        r'<a href="../../producers/china/">China</a> 68.3 %, <a href="../../producers/australia/">', mining[1]
    )
    assert "<small>For neodymium itself</small>" in mining[1]
    assert "<td>No source on the site gives country shares of metal making for neodymium.</td>" in section
    assert "Magnet making" in section and "For rare-earth magnets as a whole" in section
    index = (site / "elements" / "index.html").read_text()
    assert "<small>mining, 2023</small>" in index and "<small>separation and refining, 2023</small>" in index
