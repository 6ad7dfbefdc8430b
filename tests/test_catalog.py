"""The catalog: references resolve, backlinks run both ways, broken links are errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.catalog import Catalog
from ree_site.errors import DataError

from .conftest import SMALL_DATA

MakeData = Callable[..., Path]


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build_catalog(data_dir, root=data_dir.parent)
    return [str(p) for p in caught.value.problems]


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
    assert isinstance(catalog, Catalog)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "producers/china.yml",
            "elements: [neodymium]",
            "elements: [neodymium, unobtainium]",
            "data/producers/china.yml:13:23: elements[1]: unknown element 'unobtainium'",
        ),
        (
            "producers/china.yml",
            "source: usgs-test",
            "source: usgs-missing",
            "data/producers/china.yml:12:5: figures[0].source: unknown source 'usgs-missing'",
        ),
        (
            "issues/export-controls.yml",
            "producers: [china]",
            "producers: [atlantis]",
            "data/issues/export-controls.yml:10:13: producers[0]: unknown producer 'atlantis'",
        ),
        (
            "producers/bayan-obo.yml",
            "parent: china",
            "parent: nowhere",
            "data/producers/bayan-obo.yml:4:1: parent: unknown producer 'nowhere'",
        ),
    ],
)
def test_dangling_references(make_data: MakeData, file: str, old: str, new: str, expected: str) -> None:
    assert old in SMALL_DATA[file]
    changed = SMALL_DATA[file].replace(old, new)
    found = problems(make_data(**{file.removesuffix(".yml").replace("/", "__"): changed}))
    assert len(found) == 1
    assert found[0].startswith(expected + " (no file ")


def test_duplicate_ids(make_data: MakeData) -> None:
    data_dir = make_data()
    (data_dir / "sources" / "usgs-test.yaml").write_text((data_dir / "sources" / "usgs-test.yml").read_text())
    assert problems(data_dir) == [
        "data/sources/usgs-test.yml:1:1: duplicate source id 'usgs-test' (also data/sources/usgs-test.yaml)"
    ]


def test_parent_cycle(make_data: MakeData) -> None:
    china = SMALL_DATA["producers/china.yml"].replace("kind: country\n", "kind: country\n        parent: bayan-obo\n")
    found = problems(make_data(producers__china=china))
    assert (
        "data/producers/bayan-obo.yml:4:1: parent: parent chain forms a cycle (bayan-obo -> china -> bayan-obo)"
        in found
    )
    assert "data/producers/china.yml:3:1: parent: parent chain forms a cycle (china -> bayan-obo -> china)" in found


def test_citation_inside_text_must_name_a_source(make_data: MakeData) -> None:
    text = SMALL_DATA["elements/neodymium.yml"].replace(
        "summary: A light rare earth used in magnets.", "summary: Used in magnets [@no-such-source]."
    )
    found = problems(make_data(elements__neodymium=text))
    assert len(found) == 1
    assert found[0].startswith("data/elements/neodymium.yml:17:1: summary: unknown source 'no-such-source'")


def test_citation_inside_text_counts_as_citing(make_data: MakeData) -> None:
    text = SMALL_DATA["producers/china.yml"].replace(
        "summary: The largest producer.", "summary: Largest [@ciaaw-test]."
    )
    catalog = build_catalog(make_data(producers__china=text))
    assert ("producer", "china") in {(e.kind, e.id) for e in catalog.citing("ciaaw-test")}
