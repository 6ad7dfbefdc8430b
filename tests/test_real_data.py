"""The real data/ folder, record by record: each failure names the file that failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ree_site import build_catalog
from ree_site.catalog import Catalog
from ree_site.errors import DataError
from ree_site.loading import data_files
from ree_site.models import FOLDERS, KINDS
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
