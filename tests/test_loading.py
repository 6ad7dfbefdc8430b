"""Loading: what the loader accepts, and that it collects every problem of every file.

What `check` prints for each mistake an editor can make is in the golden error cases (tests/errors/)."""

from __future__ import annotations

from pathlib import Path

from ree_site.data.loading import load_records

from .conftest import SMALL_DATA, MakeData, problems


def test_small_data_loads(data_dir: Path) -> None:
    entries = load_records(data_dir)
    assert sorted((e.kind, e.id) for e in entries) == [
        ("element", "neodymium"),
        ("issue", "diversification"),
        ("issue", "export-controls"),
        ("producer", "bayan-obo"),
        ("producer", "china"),
        ("source", "ciaaw-test"),
        ("source", "usgs-test"),
    ]


def test_every_problem_in_every_file_is_reported(make_data: MakeData) -> None:
    element = SMALL_DATA["elements/neodymium.yml"].replace("atomic_number: 60", "atomic_number: x")
    producer = (
        SMALL_DATA["producers/china.yml"].replace("kind: country", "kind: planet").replace("year: 2024", "year: z")
    )
    found = problems(make_data(elements__neodymium=element, producers__china=producer))
    assert [p.split(": ")[0] for p in found] == [
        "data/elements/neodymium.yml:3:1",
        "data/producers/china.yml:2:1",
        "data/producers/china.yml:8:5",
    ]


def test_missing_data_directory(tmp_path: Path) -> None:
    assert problems(tmp_path / "data") == ["data:1:1: data directory does not exist"]


def test_matching_id_field_is_accepted(make_data: MakeData) -> None:
    changed = SMALL_DATA["producers/china.yml"].replace("name: China", "id: china\n        name: China")
    assert len(load_records(make_data(producers__china=changed))) == 7


def test_quoted_review_date_is_accepted(make_data: MakeData) -> None:
    quoted = SMALL_DATA["producers/china.yml"].replace("reviewed: 2026-11-27", "reviewed: '2026-11-27'")
    assert len(load_records(make_data(producers__china=quoted))) == 7


def test_symbolic_links_inside_the_project_are_followed(make_data: MakeData) -> None:
    """Links out of the project or to nothing are golden cases (symlink-out-of-project, symlink-to-nothing)."""
    data_dir = make_data()
    project = data_dir.parent
    # Inside the project: followed like the file itself.
    (project / "shared").mkdir()
    (project / "shared" / "extra.yml").write_text(
        (data_dir / "sources" / "usgs-test.yml").read_text().replace("Test Summaries", "Shared")
    )
    (data_dir / "sources" / "extra.yml").symlink_to(project / "shared" / "extra.yml")
    assert ("source", "extra") in {(e.kind, e.id) for e in load_records(data_dir, project)}
