"""Navigation: small collections list their records in the sidebar, large ones only their index."""

from __future__ import annotations

import copy
from pathlib import Path

from ree_site import build_catalog
from ree_site.outputs.nav import expand_nav

NAV = [
    {"Home": "index.md"},
    {"Elements": "elements/index.md"},
    "producers/index.md",
    {"More": [{"Sources": "sources/index.md"}]},
]


def test_small_collections_become_sections(data_dir: Path) -> None:
    nav = expand_nav(NAV, build_catalog(data_dir), max_records=5)
    assert nav == [
        {"Home": "index.md"},
        {"Elements": ["elements/index.md", {"Neodymium": "elements/neodymium.md"}]},
        {"Producers": ["producers/index.md", {"Bayan Obo": "producers/bayan-obo.md"}, {"China": "producers/china.md"}]},
        # Sources have no pages of their own: the index holds them, whatever their number.
        {"More": [{"Sources": "sources/index.md"}]},
    ]


def test_large_collections_keep_only_their_index(data_dir: Path) -> None:
    nav = expand_nav(NAV, build_catalog(data_dir), max_records=1)
    assert nav == [
        {"Home": "index.md"},
        {"Elements": ["elements/index.md", {"Neodymium": "elements/neodymium.md"}]},
        "producers/index.md",
        {"More": [{"Sources": "sources/index.md"}]},
    ]


def test_no_nav_stays_none(data_dir: Path) -> None:
    assert expand_nav(None, build_catalog(data_dir), max_records=5) is None


def test_the_callers_nav_is_not_modified(data_dir: Path) -> None:
    nav = copy.deepcopy(NAV)
    catalog = build_catalog(data_dir)
    for max_records in (5, 1):
        expand_nav(nav, catalog, max_records=max_records)
    assert nav == NAV
