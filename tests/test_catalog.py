"""The catalog: references resolve and backlinks run both ways (broken links are golden cases in tests/errors/)."""

from __future__ import annotations

from pathlib import Path

from ree_site import build_catalog

from .conftest import SMALL_DATA, MakeData


def test_links_run_both_ways(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    neodymium = catalog.get("element", "neodymium")
    china = catalog.get("producer", "china")
    controls = catalog.get("issue", "export-controls")
    # The element names nobody; the producer and the issue name it: both show on its page.
    assert [e.id for e in catalog.related_of(neodymium, "producer")] == ["china"]
    assert [e.id for e in catalog.related_of(neodymium, "issue")] == ["export-controls"]
    assert [e.id for e in catalog.related_of(china, "issue")] == ["export-controls"]
    assert [e.id for e in catalog.related_of(controls, "producer")] == ["china"]


def test_sources_know_who_cites_them(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    assert [(e.kind, e.id) for e in catalog.citing("usgs-test")] == [
        ("element", "neodymium"),
        ("issue", "export-controls"),
        ("producer", "china"),
    ]


def test_parent_and_children(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    assert [e.id for e in catalog.children_of(catalog.get("producer", "china"))] == ["bayan-obo"]
    # A parent link is not also listed as an ordinary "related" link.
    assert catalog.related_of(catalog.get("producer", "china"), "producer") == []


def test_collections_are_ordered(data_dir: Path) -> None:
    catalog = build_catalog(data_dir)
    assert [e.id for e in catalog.producers] == ["bayan-obo", "china"]


def test_citation_inside_text_counts_as_citing(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace(
        "summary: The largest producer.", "summary: Largest [@ciaaw-test]."
    )
    catalog = build_catalog(make_data(producers__china=text))
    assert ("producer", "china") in {(e.kind, e.id) for e in catalog.citing("ciaaw-test")}
