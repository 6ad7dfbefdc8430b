"""The real data/ folder: each test checks every file, and a failure names every file that failed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ree_site import build_catalog
from ree_site.data.discovery import data_files
from ree_site.data.models import KINDS
from ree_site.data.vocabulary import FOLDERS
from ree_site.data.yamlfile import load_yaml
from ree_site.errors import DataError
from ree_site.link.catalog import Catalog

from .conftest import ROOT

DATA = ROOT / "data"
FILES = [(kind, path) for kind, folder in FOLDERS.items() for path in data_files(DATA, folder)]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    try:
        return build_catalog(DATA, ROOT)
    except DataError as exc:
        pytest.fail(exc.report())


def test_every_record_file_is_valid() -> None:
    """Each file on its own: read and validated by its model. Every failing file is named, with its problems."""
    assert len(FILES) > 400
    failures = []
    for kind, path in FILES:
        name = path.relative_to(ROOT).as_posix()
        try:
            KINDS[kind].model_validate(load_yaml(path, name).data)
        except DataError as exc:
            failures.append(exc.report())
        except ValidationError as exc:
            failures.append(f"{name}: {exc}")
    assert failures == [], f"{len(failures)} files fail:\n" + "\n".join(failures)


def test_all_seventeen_rare_earth_elements(catalog: Catalog) -> None:
    numbers = [e.record.atomic_number for e in catalog.elements]
    assert numbers == [21, 39, *range(57, 72)]
    for entry in catalog.elements:
        assert entry.id == entry.record.name.lower(), f"{entry.path.name}: file name should be the element's name"


def test_every_file_names_its_schema() -> None:
    """The first line of each file points an editor at its JSON Schema. Every file that does not is named."""
    wrong = []
    for kind, path in FILES:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first != f"# yaml-language-server: $schema=../schema/{kind}.json":
            wrong.append(f"{path.relative_to(ROOT).as_posix()}: {first!r}")
    assert wrong == [], "first line is not the schema modeline:\n" + "\n".join(wrong)


def test_every_source_is_cited(catalog: Catalog) -> None:
    assert [entry.id for entry in catalog.sources if not catalog.citing(entry.id)] == []


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
        "substitution", "china-rare-earth-regulations", "india-magnet-scheme", "strategic-stockpiles",
    } <= issues  # fmt: skip
