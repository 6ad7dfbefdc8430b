"""The real data/ folder, record by record: each failure names the file that failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.catalog import Catalog
from ree_site.discovery import data_files
from ree_site.errors import DataError
from ree_site.models import KINDS
from ree_site.vocabulary import FOLDERS
from ree_site.yamlfile import load_yaml

from .conftest import ROOT

DATA = ROOT / "data"
FILES = [(kind, path) for kind, folder in FOLDERS.items() for path in data_files(DATA, folder)]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    try:
        return build_catalog(DATA, ROOT)
    except DataError as exc:
        pytest.fail(exc.report())


@pytest.mark.parametrize(("kind", "path"), FILES, ids=[p.relative_to(ROOT).as_posix() for _, p in FILES])
def test_record_is_valid(kind: str, path: Path) -> None:
    try:
        document = load_yaml(path, path.relative_to(ROOT).as_posix())
    except DataError as exc:
        pytest.fail(exc.report())
    KINDS[kind].model_validate(document.data)


def test_the_whole_data_set_links_up(catalog: Catalog) -> None:
    assert catalog.entries


def test_all_seventeen_rare_earth_elements(catalog: Catalog) -> None:
    numbers = [e.record.atomic_number for e in catalog.elements]
    assert numbers == [21, 39, *range(57, 72)]
    for entry in catalog.elements:
        assert entry.id == entry.record.name.lower(), f"{entry.path.name}: file name should be the element's name"


ENTRY_IDS = [f"{kind}/{path.stem}" for kind, path in FILES]


@pytest.mark.parametrize(("kind", "path"), FILES, ids=ENTRY_IDS)
def test_file_names_its_schema(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == f"# yaml-language-server: $schema=../schema/{kind}.json", f"{path.name}: first line"


def test_every_record_is_reviewed_and_every_figure_sourced_with_units(catalog: Catalog) -> None:
    problems = []
    for (kind, record_id), entry in catalog.entries.items():
        record = entry.record
        if record.reviewed is None:
            problems.append(f"{kind} {record_id}: no review date")
        for figure in getattr(record, "figures", []):
            if not figure.source or not figure.unit:
                problems.append(f"{kind} {record_id}: figure {figure.measure} {figure.year} lacks source or unit")
        for event in getattr(record, "events", []):
            if not event.source:
                problems.append(f"{kind} {record_id}: event {event.date} lacks a source")
    assert problems == []


def test_every_source_has_a_web_address_and_is_cited(catalog: Catalog) -> None:
    for entry in catalog.sources:
        assert entry.record.url.startswith(("https://", "http://")), entry.id
        assert catalog.citing(entry.id), f"source {entry.id} is cited by no record"


def test_the_reference_content_is_there(catalog: Catalog) -> None:
    producers = {e.id for e in catalog.producers}
    issues = {e.id for e in catalog.issues}
    assert {
        "bayan-obo", "china-northern-rare-earth", "china-rare-earth-group", "mp-materials", "mountain-pass",
        "lynas", "mount-weld", "lynas-malaysia", "eneabba-refinery", "neo-silmet", "neo-narva-magnets",
        "solvay-la-rochelle", "white-mesa-mill", "irel", "kachin-mining-area", "tanbreez", "kvanefjeld", "world",
    } <= producers  # fmt: skip
    assert {
        "supply-concentration", "china-export-controls", "china-japan-2010", "us-defense-magnet-sourcing",
        "eu-critical-raw-materials-act", "european-raw-materials-alliance", "diversification-united-states",
        "diversification-canada", "diversification-australia", "diversification-european-union",
        "heavy-ree-separation-outside-china", "environmental-impacts", "artisanal-mining-and-labour", "recycling",
        "substitution",
    } <= issues  # fmt: skip
