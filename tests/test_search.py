"""The search's policy and index: what each page tells Pagefind (the hidden search block), the glossary's terms as
records of their own, the index and settings file the build writes, and `ree-site index` for other engines.
The ranking itself is tested in a real browser (tests/test_browser.py, on the query set)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from ree_site.data.frontmatter import read_front_matter
from ree_site.data.models import Element, Issue, Producer
from ree_site.errors import ReeError
from ree_site.outputs.search_entries import entries, page_url
from ree_site.outputs.search_index import FOLDER, SETTINGS, everyday, index_site, read_vocabulary, words
from ree_site.render.search import (
    CORRECTION,
    COUNTRY_ADJECTIVES,
    GENERAL_WEIGHT,
    KINDS,
    STOP_WORDS,
    annotation,
    client_settings,
    page_search,
    record_search,
    view_search,
)

from .conftest import ROOT, mkdocs_build, write_files

SOURCE = "usgs-test"


def producer(**fields: object) -> Producer:
    base: dict[str, object] = {
        "name": "Mount Weld", "kind": "mine", "country": "Australia", "stages": ["mining"], "summary": "A mine.",
        "reviewed": "2026-11-27",
    }  # fmt: skip
    return Producer.model_validate({**base, **fields})


def test_a_record_tells_the_search_its_kind_names_and_filters() -> None:
    mine = record_search(producer(aliases=["Mt Weld"]))
    assert mine == {
        "kind": "producer", "stages": ["Mining"], "about": "Mine in Australia", "country": "Australia",
        "aliases": ["Mt Weld"],
    }  # fmt: skip
    # A site's place goes with its country, so a reader's "Laverton" finds the mine and not the company.
    placed = record_search(producer(place="Laverton", summary="A mine south of Laverton."))
    assert placed["about"] == "Mine in Laverton, Australia"
    country = record_search(producer(name="China", kind="country", country="China"))
    assert country["aliases"] == ["China"] and country["about"] == "Country"
    assert any("How much rare earth does China mine" in q for q in country["typical"])
    assert "questions" not in country  # the questions every country's page answers alike are "typical"
    # The world's totals are a page of their own, filed under no country.
    world = record_search(producer(name="World total", kind="country", country="World", aggregate="world"))
    assert "country" not in world and "typical" not in world


def test_an_element_is_found_by_its_symbol_and_the_questions_its_page_answers(data_dir: Path) -> None:
    from ree_site import build_catalog

    element = build_catalog(data_dir, root=data_dir.parent).entries[("element", "neodymium")].record
    assert isinstance(element, Element)
    search = record_search(element)
    assert search["kind"] == "element"
    assert search["aliases"] == ["Nd"]
    assert "Who discovered Neodymium?" in search["typical"]


def test_an_issue_and_a_view() -> None:
    issue = Issue.model_validate({
        "title": "Export controls", "category": "trade-policy", "status": "active", "summary": "Licences.",
        "aliases": ["export ban"], "reviewed": "2026-11-27",
    })  # fmt: skip
    assert record_search(issue) == {"kind": "issue", "aliases": ["export ban"]}
    view = view_search("concentration")
    assert view["kind"] == "view" and "HHI" in view["aliases"] and view["questions"]


def test_a_page_is_an_article_under_the_blog_and_keeps_what_its_front_matter_declares() -> None:
    assert page_search("blog/posts/x.md", {})["kind"] == "article"
    assert page_search("about.md", None)["kind"] == "page"
    declared = {"search": {"questions": ["Why?"], "aliases": ["HHI"]}}
    assert page_search("blog/posts/x.md", declared) == {"questions": ["Why?"], "aliases": ["HHI"], "kind": "article"}
    assert page_search("glossary.md", {"search": {"kind": "view"}})["kind"] == "view"


def test_the_search_block_holds_filters_and_metadata_escaped() -> None:
    block = annotation({
        "kind": "producer", "country": "Côte <d'Ivoire>", "stages": ["Mining", "Separation and refining"],
        "aliases": ["A & B"], "questions": ["Who?", "Where?"], "about": "Mine in X",
    })  # fmt: skip
    assert block.startswith("\n\n<div ")
    assert 'hidden data-pagefind-ignore data-ree-search="producer"' in block
    assert '<span data-pagefind-filter="kind">Producer</span>' in block
    assert '<span data-pagefind-filter="country">Côte &lt;d&#x27;Ivoire&gt;</span>' in block
    assert block.count('data-pagefind-filter="stage"') == 2
    assert '<span data-pagefind-meta="aliases">A &amp; B</span>' in block
    assert '<span data-pagefind-meta="questions">Who? | Where?</span>' in block
    assert '<span data-pagefind-meta="about">Mine in X</span>' in block
    # No blank line inside: Markdown keeps the block as one piece of HTML.
    assert "\n\n" not in block.strip("\n")


def test_a_page_kept_out_of_search_has_no_block_and_a_glossary_is_marked() -> None:
    assert annotation({"exclude": True}) == ""
    assert 'data-ree-search-sections="separate"' in annotation({"kind": "page", "sections": "separate"})
    assert "data-ree-search-sections" not in annotation({"kind": "page"})


GLOSSARY = """<html><body><article><div class="ree-search-body" data-pagefind-body>
<h1 id="glossary">Glossary<a class="headerlink" href="#glossary">&para;</a></h1><p>Terms.</p>
<h2 data-aliases="rare-earth oxide, TREO" id="reo">REO (rare-earth oxide)<a class="headerlink" href="#reo">&para;</a></h2>
<p>Quantities are often given as the mass of the <abbr title="x">oxides</abbr> &amp; compared.</p>
<h2 id="tailings">Tailings<a class="headerlink" href="#tailings">&para;</a></h2>
<p>What is left.</p>
<div class="ree-search-data" hidden data-pagefind-ignore data-ree-search="page" data-ree-search-sections="separate">
<span data-pagefind-filter="kind">About the site</span></div>
</div></article></body></html>"""


def test_each_section_of_a_separate_page_is_a_record_of_its_own() -> None:
    found = entries("/glossary/", GLOSSARY)
    assert [(e.url, e.title, e.aliases) for e in found] == [
        ("/glossary/#reo", "REO (rare-earth oxide)", ["rare-earth oxide", "TREO"]),
        ("/glossary/#tailings", "Tailings", []),
    ]
    assert found[0].text == "Quantities are often given as the mass of the oxides & compared."
    assert found[1].text == "What is left."  # not the search block after it
    assert page_url(Path("/s"), Path("/s/glossary/index.html")) == "/glossary/"


def test_words_as_the_search_compares_them() -> None:
    assert words("Bastnäsite, NdFeB & the Herfindahl–Hirschman index (2024)") == [
        "bastnasite", "ndfeb", "the", "herfindahl", "hirschman", "index",
    ]  # fmt: skip


def test_the_settings_carry_the_policy() -> None:
    settings = client_settings()
    weights = settings["ranking"]["metaWeights"]
    assert weights["aliases"] > weights["title"]
    assert weights["questions"] > weights["typical"] > 1  # a page's own questions over those all of its kind share
    assert set(settings["kinds"]) == set(KINDS.values())
    assert "which" in settings["stopWords"] and "neodymium" not in STOP_WORDS
    assert settings["correction"] == CORRECTION
    assert 0 < settings["generalWeight"] == GENERAL_WEIGHT < 1
    assert "" in settings["endings"] and {"s", "ed", "ing", "er"} <= set(settings["endings"])
    assert settings["adjectives"]["china"] == "chinese" and settings["adjectives"]["myanmar"] == "burmese"
    assert settings["apart"] > 0 and settings["leads"] >= 1 and settings["opening"] > 0 and settings["leadBoost"] > 0
    assert settings["siblings"]["count"] >= 2 and 0 < settings["siblings"]["within"] < 1


def test_every_hand_written_page_with_sections_declares_its_questions() -> None:
    """The about page and the methodology answer questions a reader types in their own words ("does the site use
    cookies", "what units are the figures in"): each declares them, as the articles do."""
    for name in ("about.md", "methodology.md"):
        front = read_front_matter((ROOT / "content" / name).read_text(encoding="utf-8"), name)
        questions = page_search(name, front.data).get("questions") or []
        assert len(questions) >= 3 and all(q.endswith("?") for q in questions), name


def test_country_adjectives_are_single_words_of_english() -> None:
    """Each pair is a country's name and its adjective, one lower-case word each, as the script compares them."""
    for name, adjective in COUNTRY_ADJECTIVES.items():
        assert words(name) == [name] and words(adjective) == [adjective], (name, adjective)
        assert name != adjective


def test_everyday_words_are_those_common_in_english() -> None:
    """A question's everyday words ("called", "goes", "biggest") weigh less; the words that name a topic, however
    rare in English or common on the site, are not among them."""
    asked = ["called", "goes", "biggest", "actually", "turbine", "quota", "neodymium", "bastnasite", "kalgoorlie"]
    assert everyday(asked) == ["called", "goes", "biggest", "actually"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project with the site's theme overrides and a glossary, built once by MkDocs with the plugin."""
    from .conftest import write_project

    project = write_project(tmp_path_factory.mktemp("search"))
    shutil.copytree(ROOT / "overrides", project / "overrides", dirs_exist_ok=True)
    write_files(project / "content", {
        "glossary.md": """
            ---
            search:
              sections: separate
            ---

            # Glossary

            ## Monazite {#monazite data-aliases="monazit"}

            A phosphate mineral.

            ## Xenotime {#xenotime}

            Another mineral.
        """,
        "tags.md": """
            ---
            search:
              exclude: true
            ---

            # Tags
        """,
    })  # fmt: skip
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Sources: sources/index.md\n", "  - Sources: sources/index.md\n"
                                                  "  - Glossary: glossary.md\n  - Tags: tags.md\n"))  # fmt: skip
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert re.search(r"Search index: \d+ pages", result.stderr)
    return project / "site"


def fragments(site: Path) -> dict[str, dict[str, object]]:
    found = {}
    for path in (site / FOLDER / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[str(fragment["meta"].get("url") or fragment["url"])] = fragment
    return found


def test_the_build_writes_the_index_and_its_settings(built: Path) -> None:
    assert (built / FOLDER / "pagefind.js").is_file()
    settings = json.loads((built / FOLDER / SETTINGS).read_text())
    assert settings["ranking"] == client_settings()["ranking"]
    for word in ("neodymium", "china", "monazite", "monazit", "xenotime", "glossary"):
        assert word in settings["vocabulary"], word
    assert settings["pages"] == len(fragments(built))
    assert settings["common"] == read_vocabulary(built / FOLDER)[2]


def test_the_common_words_are_those_on_most_pages(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site's common words: in the text of more than COMMON_SHARE of its pages, with their share of pages."""
    texts = [set(words(str(f["content"]))) for f in fragments(built).values()]
    share = {w: sum(w in t for t in texts) / len(texts) for w in set().union(*texts)}
    monkeypatch.setattr("ree_site.outputs.search_index.COMMON_SHARE", 0.3)
    common = read_vocabulary(built / FOLDER)[2]
    assert common == {w: round(v, 3) for w, v in sorted(share.items()) if v > 0.3}
    assert common and "monazite" not in common


def test_the_everyday_words_are_in_the_text_and_start_no_name(built: Path) -> None:
    """The settings list the everyday words of the pages' text that start no word of any name (titles, other names,
    headings): "another", in a term's text, is one; a word that starts a name's word never is."""
    settings = json.loads((built / FOLDER / SETTINGS).read_text())
    general = settings["general"]
    assert general == read_vocabulary(built / FOLDER)[3]
    texts = set().union(*(set(words(str(f["content"]))) for f in fragments(built).values()))
    assert general and set(general) <= texts
    assert everyday(general) == general
    assert not [w for w in general if any(name.startswith(w) for name in settings["vocabulary"])]
    assert "another" in general and "neodymium" not in general


def test_the_index_holds_the_pages_their_filters_and_the_terms(built: Path) -> None:
    found = fragments(built)
    assert "/tags/" not in found  # search: exclude
    element = found["/elements/neodymium/"]
    assert element["filters"] == {"kind": ["Element"]}
    assert element["meta"]["title"] == "Neodymium (Nd)"  # the permalink's "¶" left out
    assert element["meta"]["aliases"] == "Nd"
    mine = found["/producers/bayan-obo/"]
    assert mine["filters"] == {"kind": ["Producer"], "country": ["China"], "stage": ["Mining"]}
    assert mine["meta"]["about"] == "Mine in China"
    term = found["/glossary/#monazite"]
    assert term["meta"]["title"] == "Monazite" and term["meta"]["aliases"] == "monazit"
    assert term["filters"] == {"kind": ["Glossary term"]}
    assert "/glossary/" in found
    # Only the content is indexed: not the header, the navigation, or the search block's own text.
    content = str(element["content"])
    assert "Skip to content" not in content and "Who discovered" not in content
    assert content.startswith("Neodymium (Nd).")
    # A citation mark is not a word of the page: a result's excerpt would read "144.242(3)[1]".
    marks = re.findall(r'<sup class="ree-cite"[^>]*>', (built / "elements" / "neodymium" / "index.html").read_text())
    assert marks and all("data-pagefind-ignore" in mark for mark in marks)
    assert not re.search(r"\[\d+\]", content), content[:500]
    # The staged folder of terms is gone once Pagefind has read it.
    assert not (built / "pagefind-entries").exists()


#: What the citation blocks hold (BibTeX, RIS, CSL-JSON), which a search result must never show as its excerpt.
CITATION_MARKS = ("urldate = {", "TY  - ", '"container-title"')


@pytest.mark.parametrize("engine", ["real_site", "zensical_site"])
def test_the_citation_blocks_are_on_the_pages_but_not_in_the_index(engine: str, request: pytest.FixtureRequest) -> None:
    """ "Cite this page" and "Cite a figure" are for readers of the page, not words of it: Pagefind leaves them out
    (Material's ``data-search-exclude`` means nothing to it), so no result shows BibTeX as its excerpt. Over the real
    site as MkDocs and Zensical build it."""
    built: Path = request.getfixturevalue(engine)
    page = (built / "elements" / "neodymium" / "index.html").read_text()
    assert "Cite this page" in page and "Cite a figure" in page
    assert all(mark in page for mark in CITATION_MARKS)
    cited = {url: [m for m in CITATION_MARKS if m in str(f["content"])] for url, f in fragments(built).items()}
    assert not {url: marks for url, marks in cited.items() if marks}
    # Nor the marks in a table's cells: a figure's "cite" link and its note's letter ("ba" once there are more
    # than 26), which a query's "bad" would otherwise find on the pages with the most figures.
    china = (built / "producers" / "china" / "index.html").read_text()
    assert 'title="Cite this figure"' in china and 'aria-label="Note ba"' in china
    content = str(fragments(built)["/producers/china/"]["content"])
    assert not re.search(r"\b(cite|ba|bb)\b", content), re.findall(r".{30}\b(?:cite|ba|bb)\b.{10}", content)[:3]


def test_the_page_carries_the_search_box_and_not_the_theme_index(built: Path) -> None:
    page = (built / "elements" / "neodymium" / "index.html").read_text()
    assert 'data-ree-search-box data-pagefind="../../pagefind/"' in page
    assert 'name="search"' not in page and 'class="md-search"' not in page  # the theme's own search stays idle
    assert page.count("data-pagefind-body") == 1


def test_index_site_replaces_the_last_index(built: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built, site)
    (site / FOLDER / "fragment" / "stale.pf_fragment").write_bytes(b"old")
    indexed = index_site(site)
    assert indexed.pages == len(fragments(built))
    assert not (site / FOLDER / "fragment" / "stale.pf_fragment").exists()
    assert read_vocabulary(site / FOLDER) == read_vocabulary(built / FOLDER)


def test_a_site_that_cannot_be_indexed_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "index.html").write_text("<html><body><p>Hello</p></body></html>")
    monkeypatch.setattr("ree_site.outputs.search_index.pagefind_binary", lambda: Path("/bin/false"))
    with pytest.raises(ReeError, match="Pagefind could not index the site"):
        index_site(tmp_path)
    assert not (tmp_path / "pagefind-entries").exists()


def test_ree_site_index_indexes_a_site_another_engine_built(built: Path, tmp_path: Path) -> None:
    from ree_site.engines.cli import main

    site = tmp_path / "other"
    shutil.copytree(built, site, ignore=shutil.ignore_patterns(FOLDER))
    assert main(["index", str(site)]) == 0
    assert (site / FOLDER / SETTINGS).is_file()
    assert main(["index", str(tmp_path / "missing")]) == 2


def test_ree_site_index_watch_indexes_again_when_the_pages_change(built: Path, tmp_path: Path) -> None:
    """`ree-site index --watch` (beside `zensical serve` in make serve-zensical) indexes the site, then again once
    an engine has rewritten its pages, and not in between."""
    import os
    import signal
    import subprocess
    import sys
    import time

    site = tmp_path / "watched"
    shutil.copytree(built, site, ignore=shutil.ignore_patterns(FOLDER))
    log = (tmp_path / "watch.log").open("w")
    command = [sys.executable, "-m", "ree_site", "index", str(site), "--watch"]
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ})

    def indexed() -> int:
        return (tmp_path / "watch.log").read_text().count("Search index:")

    def wait(count: int) -> None:
        deadline = time.monotonic() + 60
        while indexed() < count:
            assert time.monotonic() < deadline and process.poll() is None, (tmp_path / "watch.log").read_text()
            time.sleep(0.1)

    try:
        wait(1)
        time.sleep(2)
        assert indexed() == 1  # its own index is no change of the pages
        page = site / "elements" / "neodymium" / "index.html"
        page.write_text(page.read_text().replace("Neodymium (Nd)", "Neodymium (Nd) Watchword", 1))
        wait(2)
        assert "watchword" in json.loads((site / FOLDER / SETTINGS).read_text())["vocabulary"]
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        log.close()
