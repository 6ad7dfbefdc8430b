"""Other names in Material's search index: records' aliases, pages' search.aliases, headings' data-search-aliases,
and glossary terms as results of their own."""

from __future__ import annotations

import json
from pathlib import Path

from ree_site.render.search import ALIAS_BOOST, add_aliases, heading_aliases

from .conftest import mkdocs_build

INDEX = json.dumps(
    {
        "config": {"fields": {"title": {"boost": 1000}}},
        "docs": [
            {"location": "glossary/", "title": "Glossary", "text": ""},
            {"location": "glossary/#bastnasite", "title": "Bastnäsite", "text": "A mineral"},
            {"location": "elements/neodymium/", "title": "Neodymium (Nd)", "text": ""},
        ],
    }
)


def test_heading_aliases_in_any_attribute_order() -> None:
    html = (
        '<h2 data-search-aliases="bastnaesite, bastnasite" id="bastnasite">Bastnäsite</h2>'
        '<h2 id="reo" data-search-aliases="rare-earth oxide">REO</h2><h2 id="plain">Plain</h2>'
    )
    assert heading_aliases("glossary/", html) == {
        "glossary/#bastnasite": ["bastnaesite", "bastnasite"],
        "glossary/#reo": ["rare-earth oxide"],
    }


def test_aliases_become_a_field_weighted_like_the_title() -> None:
    index = json.loads(add_aliases(INDEX, {"elements/neodymium/": ["Nd", "NdFeB"]}))
    assert index["config"]["fields"]["aliases"] == {"boost": ALIAS_BOOST}
    assert [doc["aliases"] for doc in index["docs"]] == ["", "", "Nd NdFeB"]


def test_sections_of_a_separate_page_are_results_of_their_own() -> None:
    index = json.loads(add_aliases(INDEX, {"glossary/#bastnasite": ["bastnaesite"]}, {"glossary/"}))
    assert [doc["location"] for doc in index["docs"]] == [
        "glossary/",
        "glossary/?term=bastnasite",
        "elements/neodymium/",
    ]
    assert index["docs"][1]["aliases"] == "bastnaesite"


def test_the_built_index_carries_the_aliases(project: Path) -> None:
    element = project / "data" / "elements" / "neodymium.yml"
    element.write_text(element.read_text().replace("name: Neodymium", "name: Neodymium\naliases: [NdFeB]"))
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    index = json.loads((project / "site" / "search" / "search_index.json").read_text())
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs["elements/neodymium/"]["aliases"] == "Nd NdFeB"
    assert "Nd" not in docs["elements/neodymium/"].get("tags", [])
    page = (project / "site" / "elements" / "neodymium" / "index.html").read_text()
    assert "NdFeB" in page  # shown to readers too, not only indexed
